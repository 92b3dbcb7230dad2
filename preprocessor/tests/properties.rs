//! Invariants of the cleaner on generated pages: it never panics, its output
//! stays proportionate to its input, every line is accounted for, and every
//! word of the input is either in the output or in the edit record.

use mdbook_seeds::book::chapters;
use mdbook_seeds::config::Config;
use mdbook_seeds::edits::Log;
use mdbook_seeds::pipeline::clean_one;
use mdbook_seeds::stages::{decode, normalise};
use proptest::prelude::*;
use std::collections::HashSet;

/// Pieces of scraped pages: words, boilerplate, markup, odd characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "osteosarcoma", "the", "bone", "tumour", "is", "a", "of", "chemotherapy", "and",
            "patients", "with", "treatment", "Ewing", "sarcoma", "in", "children", "MRI", "IGF-1R",
        ])
        .prop_map(String::from),
        3 => Just(" ".to_string()),
        2 => Just(". ".to_string()),
        2 => Just("\n".to_string()),
        1 => Just("\n\n".to_string()),
        1 => prop::sample::select(vec![
            "Skip to content", "Share this page", "Back to top", "Abstract", "References",
            "Last reviewed: 05 Dec 2017", "doi: 10.1000/xyz", "Page 2 of 8", "Fig. 1",
            "Home > Conditions > Bone", "Was this page helpful?", "© 2024 Someone",
        ])
        .prop_map(|s| format!("\n{s}\n")),
        1 => prop::sample::select(vec![
            "<script>", "*", "_", "#", "1. ", "•", "[", "](", "{{#include x}}", "|", "`", "\\",
            "\u{a0}", "\t", "\r", "-", "\u{200b}", "e\u{301}", "\u{7}", "’", "“",
        ])
        .prop_map(String::from),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..200).prop_map(|v| v.concat())
}

/// Alphanumeric atoms of a text, lower-cased.
fn atoms(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn cleaning_never_panics_and_accounts_for_every_line(text in page()) {
        let cleaned = clean_one("p.txt", text.as_bytes()).unwrap();
        for p in &cleaned.pages {
            prop_assert!(p.accounting.is_exact(), "{}", p.accounting);
        }
    }

    #[test]
    fn output_stays_proportionate(text in page()) {
        let cleaned = clean_one("p.txt", text.as_bytes()).unwrap();
        let (chs, _) = chapters(&cleaned, &Config::default());
        let out: usize = chs.iter().map(|c| c.markdown().len()).sum();
        // Escaping at most doubles a character; the title and source box are bounded.
        prop_assert!(out <= 2 * text.len() + 2000, "{} bytes out of {} in", out, text.len());
    }

    #[test]
    fn every_word_is_kept_or_recorded(text in page()) {
        let cleaned = clean_one("p.txt", text.as_bytes()).unwrap();
        let Some(p) = cleaned.pages.first() else { return Ok(()); };
        let mut log = Log::new("p.txt");
        let decoded = decode::decode(text.as_bytes(), &mut log).unwrap();
        let lines = normalise::normalise(&decoded, &mut log);
        let mut seen = atoms(&p.doc.outline());
        for e in &p.log.edits {
            seen.extend(atoms(&e.before));
            seen.extend(atoms(&e.after));
        }
        for l in &lines {
            for w in atoms(&l.text) {
                prop_assert!(seen.contains(&w), "word {:?} of line {} lost: {:?}", w, l.no, l.text);
            }
        }
    }
}
