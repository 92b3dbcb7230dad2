//! Terms: the glossary, abbreviations and cross-links of the book.
//!
//! ```text
//! chapters (Markdown) ─ scan ─→ sections, paragraphs, linkable text
//!   → index: curated glossary file + `add` + abbreviations defined in the text
//!   → homes: a section whose heading is about the term, else its glossary entry
//!   → link: one Aho–Corasick pass per chapter, Wikipedia's rules
//!   → the Glossary chapter, with back-links to every chapter that mentions a term
//! ```
//!
//! Linking rules: the first mention of a term in each section links to the
//! term's home; never inside headings, links, code or HTML; never to the
//! section the mention is in (or one that contains it); whole words only;
//! at most `max-links-per-section` links per section. Every mention of an
//! abbreviation shows its expansion on hover (`<abbr title>`).

pub(crate) mod abbrev;
mod homes;
mod index;
mod link;
pub(crate) mod markdown;
mod matcher;
mod page;

use homes::*;
use index::*;
use link::*;
use matcher::*;
use page::*;

use crate::config::{Curated, LinkScope, TermsConfig};
use crate::text::escape;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use anyhow::{Result, bail};
use markdown::{MdOptions, Scan};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::ops::Range;

/// A chapter the linker works on.
#[derive(Debug, Clone)]
pub struct ChapterText {
    /// Path relative to src/ (`seeds/x.md`).
    pub path: String,
    pub name: String,
    pub content: String,
    /// The chapter's title was made up by the cleaner (the page had none), so
    /// it says nothing about what the page explains: never a term's home.
    pub derived_title: bool,
}

/// Per entry mentioned in a chapter: (entry, anchor of its first linked mention).
type Mentions = Vec<(usize, Option<String>)>;

/// Abbreviation definitions by short form: (long form, where, sentence-initial).
type Definitions = Vec<(String, Vec<(String, Place, bool)>)>;

/// A place in the book: a chapter, and a section of it (None: the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) chapter: usize,
    pub(crate) section: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// Anchor in the glossary chapter.
    pub(crate) id: String,
    pub(crate) name: String,
    /// For an abbreviation: its long form as a page defines it.
    pub(crate) expansion: Option<String>,
    /// Other long forms pages give for the same short form.
    pub(crate) other_expansions: Vec<String>,
    /// (definition, source) from the curated file.
    pub(crate) definition: Option<(String, String)>,
    /// Forms matched in the text (before inflection), and whether each is a short form.
    pub(crate) forms: Vec<(String, bool)>,
    /// Where pages define the abbreviation.
    pub(crate) defined_at: Vec<Place>,
    /// The section that explains the term, if any (else: the glossary entry).
    pub(crate) home: Option<Place>,
}

impl Entry {
    /// Hover text for a link to the entry.
    fn tip(&self) -> Option<String> {
        if let Some(e) = &self.expansion {
            return Some(e.clone());
        }
        self.definition.as_ref().map(|(d, _)| first_sentence(d))
    }
}

fn first_sentence(s: &str) -> String {
    let end = s
        .char_indices()
        .find(|&(i, c)| c == '.' && s[i + 1..].starts_with(' '))
        .map(|(i, _)| i + 1)
        .unwrap_or(s.len());
    let one = &s[..end];
    if one.chars().count() > 200 {
        let cut: String = one.chars().take(199).collect();
        format!("{}…", cut.trim_end())
    } else {
        one.to_string()
    }
}

/// The result of the terms pass.
#[derive(Debug, Clone)]
pub struct Linked {
    /// New content per chapter (same order as the input).
    pub(crate) contents: Vec<String>,
    /// The glossary chapter's Markdown.
    pub(crate) glossary: String,
    pub entries: Vec<Entry>,
    /// Per entry: chapters that mention it, in book order, with the anchor of
    /// the first linked mention there (kept for tests; the glossary is built from it).
    #[cfg(test)]
    pub(crate) mentions: Vec<Mentions>,
    /// Links made.
    pub links: usize,
    pub(crate) warnings: Vec<String>,
}

/// Everything the pass needs besides the chapters.
pub struct Setup<'a> {
    pub config: &'a TermsConfig,
    pub curated: &'a Curated,
    pub md: MdOptions,
    /// Path of the glossary chapter, relative to src/.
    pub glossary_path: &'a str,
}

/// Index the terms of `chapters`, link them, and write the glossary.
pub fn link_book(chapters: &[ChapterText], setup: &Setup) -> Result<Linked> {
    let scans: Vec<Scan> = chapters
        .par_iter()
        .map(|c| markdown::scan(&c.content, &setup.md))
        .collect();
    let mut warnings = Vec::new();
    let mut entries = index(&scans, setup, &mut warnings);
    let (matcher, mut w) = Matcher::new(&entries);
    warnings.append(&mut w);
    find_homes(&mut entries, chapters, &scans, &matcher);
    pin(&mut entries, chapters, &scans, setup.config)?;
    let ctx = Ctx {
        chapters,
        scans: &scans,
        entries: &entries,
        matcher: &matcher,
        setup,
    };
    let results: Vec<(String, Mentions, usize)> = (0..chapters.len())
        .into_par_iter()
        .map(|ci| link_chapter(&ctx, ci))
        .collect();
    let mut mentions: Vec<Mentions> = vec![Vec::new(); entries.len()];
    let mut contents = Vec::new();
    let mut links = 0;
    for (ci, (content, found, n)) in results.into_iter().enumerate() {
        contents.push(content);
        links += n;
        for (entry, anchor) in found {
            mentions[entry].push((ci, anchor));
        }
    }
    let glossary = glossary_markdown(&entries, &mentions, chapters, &scans, setup);
    Ok(Linked {
        contents,
        glossary,
        entries,
        #[cfg(test)]
        mentions,
        links,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CuratedTerm;

    fn term(name: &str, also: &[&str]) -> CuratedTerm {
        CuratedTerm {
            name: name.into(),
            also: also.iter().map(|s| s.to_string()).collect(),
            definition: format!("Definition of {name}. More."),
            source: "Test source".into(),
        }
    }

    fn chapter(path: &str, content: &str) -> ChapterText {
        ChapterText {
            path: path.into(),
            name: path.trim_end_matches(".md").into(),
            content: content.into(),
            derived_title: false,
        }
    }

    fn try_run_with(
        config: &TermsConfig,
        terms: &[CuratedTerm],
        chapters: &[ChapterText],
    ) -> Result<Linked> {
        let curated = Curated {
            terms: terms.to_vec(),
        };
        let setup = Setup {
            config,
            curated: &curated,
            md: MdOptions::default(),
            glossary_path: "glossary.md",
        };
        link_book(chapters, &setup)
    }

    fn run_with(config: &TermsConfig, terms: &[CuratedTerm], chapters: &[ChapterText]) -> Linked {
        try_run_with(config, terms, chapters).unwrap()
    }

    fn run(terms: &[CuratedTerm], chapters: &[ChapterText]) -> Linked {
        run_with(&TermsConfig::default(), terms, chapters)
    }

    /// (linked text, href) of every term link in a text.
    fn links(md: &str) -> Vec<(String, String)> {
        let re = regex::Regex::new(r#"<a class="term"[^>]*href="([^"]*)"[^>]*>(.*?)</a>"#).unwrap();
        let tags = regex::Regex::new(r"<[^>]+>").unwrap();
        let key = regex::Regex::new(r#"<span class="search-key" hidden>[^<]*</span>"#).unwrap();
        re.captures_iter(md)
            .map(|c| {
                let text = key.replace_all(&c[2], "");
                (tags.replace_all(&text, "").to_string(), c[1].to_string())
            })
            .collect()
    }

    /// An empty glossary says why: no terms at all, or terms the pages never use.
    #[test]
    fn an_empty_glossary_says_why() {
        let pages = [chapter("a.md", "# Page\n\nNothing to define here.\n")];
        let none = run(&[], &pages);
        assert!(
            none.glossary.contains(
                "no glossary terms (`glossary.toml` in the seeds folder is missing or empty)"
            ),
            "{}",
            none.glossary
        );
        let unused = run(&[term("osteosarcoma", &[])], &pages);
        assert!(
            unused.glossary.contains("none of the 1 glossary term(s)"),
            "{}",
            unused.glossary
        );
    }

    #[test]
    fn first_mention_in_each_section_links_to_the_glossary() {
        let config = TermsConfig {
            first_mention_per: LinkScope::Section,
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("osteosarcoma", &[])],
            &[chapter(
                "a.md",
                "# Page\n\nOsteosarcoma and osteosarcoma again.\n\n## Later\n\nMore osteosarcoma.\n",
            )],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![
                ("Osteosarcoma".into(), "glossary.html#osteosarcoma".into()),
                ("osteosarcoma".into(), "glossary.html#osteosarcoma".into()),
            ]
        );
        // The first linked mention carries an anchor the glossary links back to.
        assert!(l.contents[0].contains("id=\"gl-osteosarcoma\""));
        assert_eq!(l.mentions[0], vec![(0, Some("gl-osteosarcoma".into()))]);
        assert!(
            l.glossary.contains("a.html#gl-osteosarcoma"),
            "{}",
            l.glossary
        );
        assert_eq!(l.links, 2);
    }

    #[test]
    fn once_per_chapter_by_default_and_again_after_1500_words() {
        let l = run(
            &[term("osteosarcoma", &[])],
            &[chapter(
                "a.md",
                "# Page\n\nOsteosarcoma.\n\n## Later\n\nMore osteosarcoma.\n",
            )],
        );
        assert_eq!(links(&l.contents[0]).len(), 1);
        // 1,499 words after the first link: no link; 1,500 or more: a second one,
        // and the distance counts from that second link.
        let filler = |n: usize| "word ".repeat(n);
        let md = format!(
            "# Page\n\nOsteosarcoma {}\n\n## B\n\nosteosarcoma {}\n\n## C\n\nosteosarcoma {}\n\n## D\n\nosteosarcoma.\n",
            filler(1497),
            filler(1600),
            filler(100)
        );
        let l = run(&[term("osteosarcoma", &[])], &[chapter("a.md", &md)]);
        assert_eq!(
            links(&l.contents[0]).len(),
            2,
            "first and the one after 1,599 words"
        );
        let config = TermsConfig {
            relink_after_words: 0,
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("osteosarcoma", &[])],
            &[chapter("a.md", &md)],
        );
        assert_eq!(links(&l.contents[0]).len(), 1, "0 turns relinking off");
    }

    #[test]
    fn never_in_headings_links_code_or_html() {
        let md = "# Osteosarcoma\n\n## Osteosarcoma care\n\nSee [osteosarcoma](x.md), `osteosarcoma`, <a href=\"y\">osteosarcoma</a>.\n\n```\nosteosarcoma\n```\n";
        let l = run(&[term("osteosarcoma", &[])], &[chapter("a.md", md)]);
        assert_eq!(l.contents[0], md, "nothing may change");
    }

    #[test]
    fn never_to_the_section_the_mention_is_in() {
        let md = "# Book\n\n## MRI scans\n\nMRI uses magnets. More on MRI.\n\n### Safety\n\nMRI is safe.\n\n## Other scans\n\nUnlike MRI, CT uses x-rays.\n";
        let l = run(&[term("MRI", &[])], &[chapter("a.md", md)]);
        // The home is "MRI scans": no link from inside it (nor its subsection);
        // from another section, an in-page link.
        assert_eq!(
            links(&l.contents[0]),
            vec![("MRI".into(), "#mri-scans".into())]
        );
        let home = l.entries[0].home.unwrap();
        assert_eq!((home.chapter, home.section), (0, Some(1)));
        // Another chapter links to the section.
        let l = run(
            &[term("MRI", &[])],
            &[chapter("a.md", md), chapter("sub/b.md", "# B\n\nAn MRI.\n")],
        );
        assert_eq!(
            links(&l.contents[1]),
            vec![("MRI".into(), "../a.html#mri-scans".into())]
        );
        assert!(
            l.glossary
                .contains("Explained in: <a href=\"a.html#mri-scans\">a › MRI scans</a>"),
            "{}",
            l.glossary
        );
    }

    #[test]
    fn a_page_about_a_term_is_its_home_but_not_a_made_up_title() {
        let a = "# Immunotherapy for bone cancer\n\nImmunotherapy uses the immune system.\n";
        let b = "# Other\n\nSome immunotherapy.\n";
        let l = run(
            &[term("immunotherapy", &[])],
            &[chapter("a.md", a), chapter("b.md", b)],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![],
            "never a link to the page itself"
        );
        assert_eq!(
            links(&l.contents[1]),
            vec![("immunotherapy".into(), "a.html".into())]
        );
        let mut derived = chapter("a.md", a);
        derived.derived_title = true;
        let l = run(
            &[term("immunotherapy", &[])],
            &[derived, chapter("b.md", b)],
        );
        assert_eq!(
            links(&l.contents[1]),
            vec![("immunotherapy".into(), "glossary.html#immunotherapy".into())]
        );
    }

    #[test]
    fn a_heading_that_only_mentions_a_term_is_not_its_home() {
        let a = "# A\n\n## Outcomes of bone tumours\n\nText.\n\n## Empty tumour\n\n## Tumour\n\n";
        let l = run(&[term("tumour", &[])], &[chapter("a.md", a)]);
        // "Outcomes of bone tumours": two words before. "Empty tumour": one word, but
        // no text. "Tumour": no text either.
        assert_eq!(l.entries[0].home, None);
    }

    #[test]
    fn whole_words_and_case() {
        let md = "# P\n\nOsteosarcomas, preosteosarcoma, osteosarcoma-like, Ewing's sarcoma, the CT, a ct, CTs, CT-guided.\n";
        let l = run(
            &[
                term("osteosarcoma", &[]),
                term("Ewing", &[]),
                term("CT", &[]),
            ],
            &[chapter("a.md", md)],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![
                ("Osteosarcomas".into(), "glossary.html#osteosarcoma".into()),
                ("Ewing".into(), "glossary.html#ewing".into()),
                ("CT".into(), "glossary.html#ct".into()),
            ]
        );
        let m = Matcher::new(&l.entries).0;
        let found: Vec<&str> = m
            .find("a ct, CTs and CT-guided")
            .iter()
            .map(|h| &"a ct, CTs and CT-guided"[h.range.clone()])
            .collect();
        assert_eq!(found, vec!["CTs"]);
    }

    #[test]
    fn overlapping_terms_take_the_longest() {
        let md = "# P\n\nChimeric antigen receptor T-cell (CAR-T) therapy uses T-cells. CAR-T again; a CAR here.\n";
        let l = run(
            &[term("T cell", &["T-cell"]), term("CAR", &[])],
            &[chapter("a.md", md)],
        );
        let got = links(&l.contents[0]);
        assert_eq!(
            got,
            vec![
                (
                    "Chimeric antigen receptor T-cell".into(),
                    "glossary.html#car-t".into()
                ),
                ("T-cells".into(), "glossary.html#t-cell".into()),
                ("CAR".into(), "glossary.html#car".into()),
            ],
            "{}",
            l.contents[0]
        );
        // Every short form shows its expansion, linked or not.
        assert_eq!(
            l.contents[0]
                .matches("<abbr title=\"Chimeric antigen receptor T-cell\">CAR-T</abbr>")
                .count(),
            2
        );
    }

    #[test]
    fn abbreviation_defined_in_one_chapter_is_known_in_all() {
        let a = "# A\n\nIntensity modulated radiotherapy (IMRT) is precise.\n";
        let b = "# B\n\nIMRT was used.\n";
        let l = run(&[], &[chapter("a.md", a), chapter("b.md", b)]);
        assert_eq!(l.entries.len(), 1);
        assert_eq!(
            l.entries[0].expansion.as_deref(),
            Some("Intensity modulated radiotherapy")
        );
        assert_eq!(
            l.contents[1],
            "# B\n\n<a class=\"term\" id=\"gl-imrt\" href=\"glossary.html#imrt\"><abbr title=\"Intensity modulated radiotherapy\">IMRT</abbr><span class=\"search-key\" hidden> Intensity modulated radiotherapy</span></a> was used.\n"
        );
        assert!(l.glossary.contains("### IMRT {#imrt}"), "{}", l.glossary);
        assert!(
            l.glossary.contains("Defined in <a href=\"a.html\">a</a>"),
            "{}",
            l.glossary
        );
    }

    #[test]
    fn an_abbreviation_merges_into_a_curated_term() {
        let a = "# A\n\nMagnetic resonance imaging (MRI) shows soft tissue.\n";
        let l = run(&[term("MRI", &["MRI scan"])], &[chapter("a.md", a)]);
        assert_eq!(l.entries.len(), 1);
        assert_eq!(
            l.entries[0].expansion.as_deref(),
            Some("Magnetic resonance imaging")
        );
        assert!(l.entries[0].definition.is_some());
    }

    /// Cleaned pages keep the apostrophe the page wrote ("Ewing’s", "Crohn′s"): a
    /// curated "Ewing's sarcoma" links every spelling, needs no hidden search key
    /// for it, and an abbreviation defined with a curly apostrophe joins the entry.
    #[test]
    fn a_typographic_apostrophe_is_the_same_term() {
        let a = "# A\n\nEwing\u{2019}s sarcoma (ES) is rare.\n\n## B\n\nMore on Ewing\u{2032}s sarcoma.\n";
        let config = TermsConfig {
            first_mention_per: LinkScope::Section,
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("Ewing's sarcoma", &[])],
            &[chapter("a.md", a)],
        );
        assert_eq!(l.entries.len(), 1, "{:?}", l.entries);
        assert_eq!(
            links(&l.contents[0]),
            vec![
                (
                    "Ewing\u{2019}s sarcoma".into(),
                    "glossary.html#ewings-sarcoma".into()
                ),
                (
                    "Ewing\u{2032}s sarcoma".into(),
                    "glossary.html#ewings-sarcoma".into()
                ),
            ]
        );
        assert!(!l.contents[0].contains("search-key"), "{}", l.contents[0]);
    }

    #[test]
    fn at_most_max_links_per_section() {
        let config = TermsConfig {
            max_links_per_section: 2,
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("alpha", &[]), term("beta", &[]), term("gamma", &[])],
            &[chapter(
                "a.md",
                "# A\n\nAlpha, beta, gamma.\n\n## B\n\nGamma.\n",
            )],
        );
        let got: Vec<String> = links(&l.contents[0]).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, vec!["Alpha", "beta", "Gamma"]);
    }

    #[test]
    fn pin_exclude_and_add() {
        let a = "# A\n\n## Scans\n\nAn MRI and a biopsy and limb salvage.\n\n## More\n\nMRI, biopsy, limb salvage.\n";
        let config = TermsConfig {
            pin: [("mri".to_string(), "a.md#scans".to_string())].into(),
            exclude: vec!["biopsy".into()],
            add: vec!["limb salvage".into()],
            first_mention_per: LinkScope::Section,
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("MRI", &[]), term("biopsy", &[])],
            &[chapter("a.md", a)],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![
                ("limb salvage".into(), "glossary.html#limb-salvage".into()),
                ("MRI".into(), "#scans".into()),
                ("limb salvage".into(), "glossary.html#limb-salvage".into()),
            ]
        );
        assert!(!l.glossary.contains("biopsy"));
        let bad = TermsConfig {
            pin: [("MRI".to_string(), "a.md#nowhere".to_string())].into(),
            ..TermsConfig::default()
        };
        let e = try_run_with(&bad, &[term("MRI", &[])], &[chapter("a.md", a)])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("pin") && e.contains("nowhere") && e.contains("scans"),
            "{e}"
        );
    }

    #[test]
    fn hostile_term_text_is_escaped_in_the_glossary() {
        let l = run(
            &[CuratedTerm {
                name: "<b>x</b>".into(),
                also: vec![],
                definition: "A *bold* <script>alert(1)</script> claim.".into(),
                source: "[s](javascript:x)".into(),
            }],
            &[chapter("a.md", "# A\n\nSee <b>x</b> here.\n")],
        );
        assert!(!l.glossary.contains("<script>"), "{}", l.glossary);
        assert!(!l.glossary.contains("<b>"), "{}", l.glossary);
        assert!(!l.glossary.contains("](javascript"), "{}", l.glossary);
    }

    #[test]
    fn inflections() {
        assert_eq!(
            super::inflections("metastasis", false),
            vec!["metastasis", "metastases"]
        );
        assert_eq!(
            super::inflections("therapy", false),
            vec!["therapy", "therapies"]
        );
        assert_eq!(
            super::inflections("tumour", false),
            vec!["tumour", "tumours"]
        );
        assert_eq!(super::inflections("virus", false), vec!["virus", "viruses"]);
        assert_eq!(super::inflections("CT", true), vec!["CT", "CTs"]);
        assert_eq!(super::inflections("PD-1", false), vec!["PD-1"]);
    }
}
