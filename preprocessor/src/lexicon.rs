//! Word lists shipped with the crate.
//!
//! `data/words/en.txt`: English words (SCOWL via Debian's wamerican and
//! wbritish, permissive licence in `data/words/SCOWL-LICENSE.txt`), one
//! lower-case word per line. Loaded once, on first use.

use std::collections::HashSet;
use std::sync::LazyLock;

static ENGLISH: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../data/words/en.txt").lines().collect());

/// Is `word` (any case) an English word of the shipped list?
pub fn is_english(word: &str) -> bool {
    let lower = word.to_lowercase();
    ENGLISH.contains(lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_and_both_spellings() {
        assert!(is_english("Discussion"));
        assert!(is_english("tumour") && is_english("tumor"));
        assert!(!is_english("cussion"));
        assert!(!is_english("longterm"));
    }
}
