//! Small text predicates shared by the stages.

/// English stop words (jusText's signal: good prose has many of them).
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
    "each", "either", "even", "few", "for", "from", "further", "had", "has", "have", "having",
    "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my",
    "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other",
    "our", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
    "would", "you", "your",
];

pub fn is_stop_word(w: &str) -> bool {
    if w.len() > 8 {
        return false; // the longest stop word ("although") has eight letters
    }
    if w.bytes().all(|b| b.is_ascii_lowercase()) {
        return STOP_WORDS.binary_search(&w).is_ok();
    }
    let lower = w.to_lowercase();
    STOP_WORDS.binary_search(&lower.as_str()).is_ok()
}

/// Words of a text: runs of letters/digits, keeping inner hyphens and apostrophes.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

/// Share of words that are stop words.
pub fn stop_density(s: &str) -> f64 {
    let (mut n, mut stop) = (0usize, 0usize);
    for w in words(s) {
        n += 1;
        if is_stop_word(w) {
            stop += 1;
        }
    }
    if n == 0 { 0.0 } else { stop as f64 / n as f64 }
}

pub fn word_count(s: &str) -> usize {
    words(s).count()
}

/// Does the text end a sentence (., !, ?, :, ;), ignoring closing quotes, brackets and citations?
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches([')', '"', '\'', ']', ' ']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Ends with . ! ? … (a full stop, not a colon introducing a list).
pub fn ends_full_stop(s: &str) -> bool {
    let t = s.trim_end_matches([')', '"', '\'', ']', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

pub fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

pub fn starts_uppercase_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A heading without its section number: "2.1. Methods" → "Methods".
pub fn strip_numbering(s: &str) -> &str {
    let num = s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if num.len() < s.len()
        && s.starts_with(|c: char| c.is_ascii_digit())
        && num.starts_with(char::is_whitespace)
    {
        num.trim_start()
    } else {
        s
    }
}

/// Compare texts ignoring case, spaces and punctuation.
pub fn fold(s: &str) -> String {
    words(s)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn density_and_words() {
        assert_eq!(word_count("IGF-1R inhibitors, TKIs"), 3);
        assert!(stop_density("the cat is on the mat") > 0.6);
        assert_eq!(stop_density("Access keys NCBI Homepage"), 0.0);
    }

    #[test]
    fn numbering() {
        assert_eq!(strip_numbering("2.1. Search strategy"), "Search strategy");
        assert_eq!(strip_numbering("4 References"), "References");
        // A leading number is read as a section number (headings are the callers).
        assert_eq!(strip_numbering("3 Treatment"), "Treatment");
        assert_eq!(strip_numbering("Methods"), "Methods");
        assert_eq!(strip_numbering("5-year survival"), "5-year survival");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("prognosis [4]."));
        assert!(ends_sentence("(advanced osteosarcoma)."));
        assert!(!ends_sentence("significantly impacts"));
        assert!(ends_sentence("such as:"));
        assert!(!ends_full_stop("such as:"));
    }
}
