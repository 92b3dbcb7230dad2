//! Word lists shipped with the crate (see `data/words/` for sources and licences):
//!
//! - `en.tsv`: English words with their SCOWL size (35 common, 50 standard, 70 large);
//! - `mesh.txt`: words of MeSH topical descriptors (NLM);
//! - `oncology.txt`: bone-cancer and oncology words written for this project.
//!
//! Loaded once, on first use.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

static ENGLISH: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    include_str!("../data/words/en.tsv")
        .lines()
        .filter_map(|l| {
            let (w, t) = l.split_once('\t')?;
            Some((w, t.parse().ok()?))
        })
        .collect()
});

static DOMAIN: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/words/mesh.txt")
        .lines()
        .chain(include_str!("../data/words/oncology.txt").lines())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// The SCOWL size of an English word (35, 50 or 70), if it is one.
pub fn english_tier(word: &str) -> Option<u8> {
    if is_lower(word) {
        return ENGLISH.get(word).copied();
    }
    ENGLISH.get(word.to_lowercase().as_str()).copied()
}

fn is_lower(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Is `word` (any case) an English word of the shipped list?
pub fn is_english(word: &str) -> bool {
    english_tier(word).is_some()
}

/// Is `word` a medical word (MeSH or the oncology list)?
pub fn is_domain(word: &str) -> bool {
    if is_lower(word) {
        return DOMAIN.contains(word);
    }
    DOMAIN.contains(word.to_lowercase().as_str())
}

/// Known to any shipped list, directly or as a plural.
pub fn is_known(word: &str) -> bool {
    let w = word.to_lowercase();
    let known = |w: &str| ENGLISH.contains_key(w) || DOMAIN.contains(w);
    known(&w) || w.strip_suffix('s').is_some_and(known) || w.strip_suffix("es").is_some_and(known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_tiers() {
        assert!(is_english("Discussion"));
        assert!(is_english("tumour") && is_english("tumor"));
        assert!(!is_english("cussion") && !is_english("longterm"));
        assert_eq!(english_tier("the"), Some(35));
        assert!(is_domain("osteosarcoma") && is_domain("ifosfamide") && is_domain("mifamurtide"));
        assert!(is_known("Chondrosarcomas") && is_known("interleukins"));
        assert!(!is_known("ostesarcoma") && !is_known("waitng"));
    }
}
