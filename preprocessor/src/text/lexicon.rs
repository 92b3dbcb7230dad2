//! Word lists shipped with the crate (see `data/words/` for sources and licences):
//!
//! - `en.tsv`: English words with their SCOWL size (35 common, 50 standard, 70 large);
//! - `mesh.txt`: words of MeSH topical descriptors (NLM);
//! - `oncology.txt`: bone-cancer and oncology words written for this project.
//!
//! Loaded once, on first use.

use foldhash::HashMap;
use std::sync::LazyLock;

/// What the shipped lists say about one lower-case word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// SCOWL size (35, 50 or 70) if the word is English, else 0.
    pub(crate) tier: u8,
    /// A medical word (MeSH or the oncology list).
    pub(crate) domain: bool,
}

/// All lists in one table, so that a word costs one lookup.
static WORDS: LazyLock<HashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, Entry> = include_str!("../../data/words/en.tsv")
        .lines()
        .filter_map(|l| {
            let (w, t) = l.split_once('\t')?;
            let tier = t.parse().ok()?;
            Some((
                w,
                Entry {
                    tier,
                    domain: false,
                },
            ))
        })
        .collect();
    for w in include_str!("../../data/words/mesh.txt")
        .lines()
        .chain(include_str!("../../data/words/oncology.txt").lines())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        m.entry(w).or_default().domain = true;
    }
    m
});

/// A Bloom filter of words: a "no" is exact, a "maybe" must ask the real
/// table. Hashes are computed once with [`Filter::hash`] and tested against
/// several filters.
pub(crate) struct Filter(fastbloom::BloomFilter<foldhash::fast::FixedState>);

impl Filter {
    /// A filter of `words`, false "maybe" for about 1% of other strings.
    pub(crate) fn of<'a>(words: impl ExactSizeIterator<Item = &'a str>) -> Filter {
        let n = words.len().max(1);
        let mut f = fastbloom::BloomFilter::with_false_pos(0.01)
            .hasher(HASHER)
            .expected_items(n);
        for w in words {
            f.insert_hash(Self::hash(w));
        }
        Filter(f)
    }

    pub(crate) fn hash(word: &str) -> u64 {
        use std::hash::BuildHasher;
        HASHER.hash_one(word)
    }

    pub(crate) fn may_contain_hash(&self, h: u64) -> bool {
        self.0.contains_hash(h)
    }
}

const HASHER: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0x5eed);

/// Every word of the lists, as a filter (the speller's candidates are tested
/// against it first).
pub(crate) static FILTER: LazyLock<Filter> = LazyLock::new(|| Filter::of(WORDS.keys().copied()));

/// The lists' entry for `word` (any case).
pub(crate) fn lookup(word: &str) -> Option<Entry> {
    if is_lower(word) {
        return WORDS.get(word).copied();
    }
    WORDS.get(word.to_lowercase().as_str()).copied()
}

/// The SCOWL size of an English word (35, 50 or 70), if it is one.
pub(crate) fn english_tier(word: &str) -> Option<u8> {
    lookup(word).map(|e| e.tier).filter(|&t| t > 0)
}

fn is_lower(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Is `word` (any case) an English word of the shipped list?
pub(crate) fn is_english(word: &str) -> bool {
    english_tier(word).is_some()
}

/// Is `word` a medical word (MeSH or the oncology list)?
pub(crate) fn is_domain(word: &str) -> bool {
    lookup(word).is_some_and(|e| e.domain)
}

/// Known to any shipped list, directly or as a plural.
pub(crate) fn is_known(word: &str) -> bool {
    let known = |w: &str| WORDS.contains_key(w);
    let plural = |w: &str| {
        known(w)
            || w.strip_suffix('s').is_some_and(known)
            || w.strip_suffix("es").is_some_and(known)
    };
    // Callers mostly pass lower-case words: no copy then.
    if is_lower(word) {
        plural(word)
    } else {
        plural(&word.to_lowercase())
    }
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
        // A word on both lists keeps its tier and its medical mark.
        assert_eq!(
            lookup("Tumour"),
            Some(Entry {
                tier: english_tier("tumour").unwrap_or(0),
                domain: is_domain("tumour")
            })
        );
        assert_eq!(lookup("ifosfamide").map(|e| e.domain), Some(true));
    }

    /// The filter never says "no" to a word of the lists, and says "maybe" to
    /// few other strings (the speller's speed depends on it, not its results).
    #[test]
    fn the_filter_has_every_word_and_few_others() {
        assert!(
            WORDS
                .keys()
                .all(|w| FILTER.may_contain_hash(Filter::hash(w)))
        );
        let others: Vec<String> = WORDS
            .keys()
            .take(20_000)
            .map(|w| format!("{w}qx"))
            .filter(|w| !WORDS.contains_key(w.as_str()))
            .collect();
        let maybe = others
            .iter()
            .filter(|w| FILTER.may_contain_hash(Filter::hash(w)))
            .count();
        assert!(
            maybe * 100 < others.len() * 3,
            "{maybe} of {}",
            others.len()
        );
    }
}
