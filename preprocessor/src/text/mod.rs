//! Small text predicates shared by the stages.

pub(crate) mod escape;
pub(crate) mod language;
pub(crate) mod lexicon;

use regex::Regex;

/// English stop words (jusText's signal: good prose has many of them).
pub(crate) const STOP_WORDS: &[&str] = &[
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

/// A word of at most eight ASCII letters, lower-cased, as the bytes of one
/// integer (0: not such a word). Every stop word is one; a word with any other
/// character is not a stop word in any case (the only non-ASCII letter whose
/// lower case is ASCII is the Kelvin sign, and no stop word has a "k").
fn packed_lower(w: &str) -> u64 {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return 0;
    }
    let mut x = 0u64;
    for (i, &c) in b.iter().enumerate() {
        if !c.is_ascii_alphabetic() {
            return 0;
        }
        x |= u64::from(c.to_ascii_lowercase()) << (8 * i);
    }
    x
}

const STOP_SLOTS: usize = 512;

/// The stop words packed, in an open-addressing table (linear probing).
static STOP_TABLE: std::sync::LazyLock<[u64; STOP_SLOTS]> = std::sync::LazyLock::new(|| {
    let mut t = [0u64; STOP_SLOTS];
    for w in STOP_WORDS {
        let x = packed_lower(w);
        let mut i = stop_slot(x);
        while t[i] != 0 && t[i] != x {
            i = (i + 1) % STOP_SLOTS;
        }
        t[i] = x;
    }
    t
});

fn stop_slot(x: u64) -> usize {
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
}

/// Is `w` (any case) one of [`STOP_WORDS`]? One multiplication and a probe or
/// two in a small table: this runs on every word of every paragraph.
pub(crate) fn is_stop_word(w: &str) -> bool {
    let x = packed_lower(w);
    if x == 0 {
        return false;
    }
    let t = &*STOP_TABLE;
    let mut i = stop_slot(x);
    loop {
        match t[i] {
            0 => return false,
            y if y == x => return true,
            _ => i = (i + 1) % STOP_SLOTS,
        }
    }
}

/// ASCII bytes that belong to a word: letters, digits, hyphen, apostrophe.
static WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'-' || c == b'\'';
        i += 1;
    }
    t
};

/// Words of a text: runs of letters/digits, keeping inner hyphens and apostrophes.
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

/// The iterator of [`words`]: the text split at every character that is not a
/// letter, a digit, a hyphen or an apostrophe, each piece trimmed of hyphens and
/// apostrophes, empty pieces skipped. ASCII is tested byte by byte (the hot path
/// of every stage); other characters are decoded.
#[derive(Debug, Clone)]
pub(crate) struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        while self.pos < b.len() {
            let start = self.pos;
            let mut i = start;
            // The separator that ends the piece, in bytes (0 at the end of the text).
            let mut sep = 0;
            while i < b.len() {
                let x = b[i];
                if x < 0x80 {
                    if WORD_BYTE[usize::from(x)] {
                        i += 1;
                        continue;
                    }
                    sep = 1;
                    break;
                }
                let Some(c) = self.s[i..].chars().next() else {
                    break;
                };
                if c.is_alphanumeric() || APOSTROPHES.contains(&c) {
                    i += c.len_utf8();
                } else {
                    sep = c.len_utf8();
                    break;
                }
            }
            self.pos = i + sep;
            // Trim hyphens and apostrophes: ASCII bytes, so every cut is a
            // character boundary.
            let (mut from, mut to) = (start, i);
            while from < to && matches!(b[from], b'-' | b'\'') {
                from += 1;
            }
            while to > from && matches!(b[to - 1], b'-' | b'\'') {
                to -= 1;
            }
            // A typographic apostrophe at either end ("’Tis", "patients’"), as the
            // assembled document writes it: three bytes, from 0xE2 to 0x98, 0x99,
            // 0x9B or 0xB2.
            if from < to && (b[from] == 0xE2 || matches!(b[to - 1], 0x98 | 0x99 | 0x9B | 0xB2)) {
                let joiner = |c: char| c == '-' || c == '\'' || APOSTROPHES.contains(&c);
                let piece = &self.s[from..to];
                let start_trimmed = piece.trim_start_matches(joiner);
                from += piece.len() - start_trimmed.len();
                to = from + start_trimmed.trim_end_matches(joiner).len();
            }
            if from < to {
                return Some(&self.s[from..to]);
            }
        }
        None
    }
}

/// The typographic marks written for an apostrophe ("Ewing’s", "Crohn′s"): the
/// cleaner reads them as `'` and gives them back in the assembled document, so
/// [`words`] keeps them inside a word and [`fold`] makes them `'`.
pub(crate) const APOSTROPHES: [char; 4] = ['\u{2019}', '\u{2018}', '\u{201B}', '\u{2032}'];

/// `w` in lower case with typographic apostrophes plain (see [`APOSTROPHES`]); not
/// for ASCII, which needs neither.
fn lower_non_ascii(w: &str) -> String {
    let lower = w.to_lowercase();
    if lower.contains(APOSTROPHES) {
        lower.replace(APOSTROPHES, "'")
    } else {
        lower
    }
}

/// Append `w` in lower case, typographic apostrophes plain (ASCII without a detour
/// through `to_lowercase`).
pub(crate) fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&lower_non_ascii(w));
    }
}

/// Number of words and of stop words, in one pass.
pub(crate) fn word_and_stop_counts(s: &str) -> (usize, usize) {
    let (mut n, mut stop) = (0usize, 0usize);
    for w in words(s) {
        n += 1;
        if is_stop_word(w) {
            stop += 1;
        }
    }
    (n, stop)
}

pub(crate) fn word_count(s: &str) -> usize {
    words(s).count()
}

/// `s.chars().count() <= n`, counting only when the length in bytes leaves it
/// open (a character is one to four bytes).
pub(crate) fn chars_at_most(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= n.saturating_mul(4) && s.chars().count() <= n)
}

/// `word_count(s) <= n`, reading at most n + 1 words.
pub(crate) fn at_most_words(s: &str, n: usize) -> bool {
    words(s).nth(n).is_none()
}

/// Does the text end a sentence (., !, ?, :, ;), ignoring closing quotes, brackets and citations?
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches([')', '"', '\'', ']', ' ']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Ends with . ! ? … (a full stop, not a colon introducing a list).
pub(crate) fn ends_full_stop(s: &str) -> bool {
    let t = s.trim_end_matches([')', '"', '\'', ']', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Sentence ranges (byte offsets into `text`, end exclusive): a sentence ends at
/// ". ", "? " or "! " before a capital, a digit, or an opening bracket, quote or
/// "©" ("… were studied. (PsycInfo Database Record …)"). A word of one or two
/// letters before the stop ("e.g. Fig", "Dr. Smith") ends no sentence.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!')
            && b.get(i + 1) == Some(&b' ')
            && text[i + 2..].chars().next().is_some_and(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '(' | '[' | '"' | '\u{201c}' | '\u{a9}')
            })
            && text[start..i]
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 2)
        {
            out.push((start, i + 1));
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// `w` is one capital letter followed by lower-case letters only ("Ponting"; not
/// "NASA", "McDonald" or "osteosarcoma").
pub(crate) fn capitalised_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase)
        && !c.as_str().is_empty()
        && c.as_str().chars().all(char::is_lowercase)
}

pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// The first letter or digit is a capital or a digit, after a Spanish opening "¿" or
/// "¡" ("¿Dónde aparece?" starts with a capital like "Where does it appear?").
pub(crate) fn starts_uppercase_or_digit(s: &str) -> bool {
    s.trim_start_matches(['¿', '¡'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A heading without its section number: "2.1. Methods" → "Methods".
pub(crate) fn strip_numbering(s: &str) -> &str {
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
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// `fold(s)` into a cleared `out` (a buffer reused across calls).
pub(crate) fn fold_into(out: &mut String, s: &str) {
    // No limit: lower case can be longer than the text.
    fold_within_into(out, s, usize::MAX);
}

/// `fold(s)` when it is at most `max` bytes long, else `None`, found without
/// folding more than `max` bytes of output.
/// A built-in regex, with ASCII word boundaries (see [`ascii_boundaries`]);
/// an invalid one is a bug of this crate, so it panics with the pattern.
pub(crate) fn builtin_regex(s: &str) -> Regex {
    let s = &ascii_boundaries(s);
    Regex::new(s).unwrap_or_else(|e| panic!("built-in regex {s:?} is invalid: {e}"))
}

/// `\b` as an ASCII word boundary, which the regex crate's DFA supports.
pub(crate) fn ascii_boundaries(p: &str) -> String {
    p.replace("\\b", "(?-u:\\b)")
}

#[cfg(test)]
pub(crate) fn fold_within(s: &str, max: usize) -> Option<String> {
    let mut out = String::new();
    fold_within_into(&mut out, s, max).then_some(out)
}

/// `fold_within` into a cleared `out` (a buffer reused across calls): false,
/// with `out` holding a prefix, when the fold is longer than `max`.
pub(crate) fn fold_within_into(out: &mut String, s: &str, max: usize) -> bool {
    out.clear();
    for w in words(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lower(out, w);
        if out.len() > max {
            return false;
        }
    }
    true
}

/// The 64-bit hash of `fold(s)`, built word by word without building the folded
/// text (see [`FoldHasher`]); `None` when `s` has no word (its fold is empty).
pub(crate) fn fold_hash(s: &str) -> Option<u64> {
    let mut h = FoldHasher::default();
    let mut lower = String::new();
    for w in words(s) {
        if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            lower.clear();
            push_lower(&mut lower, w);
            h.word(&lower);
        } else {
            h.word(w);
        }
    }
    h.finish()
}

/// Hashes a folded text one lower-cased word at a time (each word as
/// [`push_lower`] writes it), so that a line's words, counted one by one, give
/// the same hash as [`fold_hash`] of its text. foldhash with a fixed seed: the
/// same hash in every run.
#[derive(Default)]
pub(crate) struct FoldHasher {
    state: Option<foldhash::fast::FoldHasher<'static>>,
}

impl FoldHasher {
    /// Add one word, already lower case.
    pub(crate) fn word(&mut self, w: &str) {
        use std::hash::{BuildHasher, Hasher};
        const SEED: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0xf01d);
        let h = self.state.get_or_insert_with(|| SEED.build_hasher());
        h.write(w.as_bytes());
        // A byte that UTF-8 never uses ends each word: "ab c" and "a bc" differ.
        h.write_u8(0xff);
    }

    /// The hash, or `None` when no word was added.
    pub(crate) fn finish(&self) -> Option<u64> {
        use std::hash::Hasher;
        self.state.as_ref().map(Hasher::finish)
    }
}

/// `fold(s) == folded`, without building `fold(s)`: stops at the first difference.
pub(crate) fn fold_eq(s: &str, folded: &str) -> bool {
    let mut rest = folded;
    for (k, w) in words(s).enumerate() {
        if k > 0 {
            let Some(r) = rest.strip_prefix(' ') else {
                return false;
            };
            rest = r;
        }
        if w.is_ascii() {
            let n = w.len();
            if rest.len() < n
                || !rest.as_bytes()[..n]
                    .iter()
                    .zip(w.bytes())
                    .all(|(a, b)| *a == b.to_ascii_lowercase())
            {
                return false;
            }
            // The first n bytes are ASCII, so n is a character boundary.
            rest = &rest[n..];
        } else {
            let Some(r) = rest.strip_prefix(lower_non_ascii(w).as_str()) else {
                return false;
            };
            rest = r;
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_hash_is_the_hash_of_the_fold() {
        // Texts that fold alike hash alike; the word seams count.
        assert_eq!(fold_hash("Home"), fold_hash("  HOME. "));
        assert_eq!(
            fold_hash("Patients\u{2019} Guide \u{2014} Osteosarcoma"),
            fold_hash("patients' guide: OSTEOSARCOMA")
        );
        assert_ne!(fold_hash("ab c"), fold_hash("a bc"));
        assert_ne!(fold_hash("bone"), fold_hash("bones"));
        // No word, no hash (an empty fold is never counted).
        assert_eq!(fold_hash(" ... | "), None);
        // Word by word, as the corpus counts a line, gives the same hash.
        let mut h = FoldHasher::default();
        for w in ["ewing", "sarcoma"] {
            h.word(w);
        }
        assert_eq!(h.finish(), fold_hash("Ewing Sarcoma"));
    }

    #[test]
    fn stop_words_are_lower_case_unique_and_at_most_eight_letters() {
        // `is_stop_word` packs a word of at most eight letters into an integer.
        let unique: std::collections::HashSet<&&str> = STOP_WORDS.iter().collect();
        assert_eq!(unique.len(), STOP_WORDS.len());
        for w in STOP_WORDS {
            assert!(
                w.bytes().all(|b| b.is_ascii_lowercase()) && w.len() <= 8,
                "{w}"
            );
            assert!(is_stop_word(w) && is_stop_word(&w.to_uppercase()));
        }
        assert!(!is_stop_word("tumour") && !is_stop_word("Althoughs"));
        assert!(!is_stop_word("") && !is_stop_word("the-") && !is_stop_word("thé"));
        assert!(is_stop_word("tHe") && !is_stop_word("\u{212A}") && !is_stop_word("th"));
    }

    #[test]
    fn density_and_words() {
        assert_eq!(word_count("IGF-1R inhibitors, TKIs"), 3);
        assert!(at_most_words("IGF-1R inhibitors, TKIs", 3));
        assert!(!at_most_words("IGF-1R inhibitors, TKIs", 2));
        assert!(at_most_words("", 0));
    }

    /// The definition `words` had before it was made fast: the reference.
    fn words_reference(s: &str) -> Vec<&str> {
        let joiner = |c: char| c == '-' || c == '\'' || APOSTROPHES.contains(&c);
        s.split(|c: char| !(c.is_alphanumeric() || joiner(c)))
            .map(|w| w.trim_matches(joiner))
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn words_and_fold_edge_cases() {
        for s in [
            "",
            " ",
            "--",
            "a",
            "IGF-1R, TKIs",
            "don't -x- 'y'",
            "ΣΊΣΥΦΟΣ café",
            "a\u{2014}b",
            "x\u{00A0}y",
            "end-",
            "Ewing\u{2019}s patients\u{2019} \u{2018}Tis -\u{2019}x\u{2019}- 5\u{2032} \u{0119}",
        ] {
            assert_eq!(words(s).collect::<Vec<_>>(), words_reference(s), "{s:?}");
        }
        assert_eq!(fold("  The  CAT, sat. "), "the cat sat");
        assert_eq!(fold("ΣΊΣΥΦΟΣ Café"), "σίσυφος café");
        assert!(fold_eq("The CAT!", "the cat"));
        assert!(!fold_eq("The CAT!", "the ca"));
        assert!(!fold_eq("The", "the cat"));
        assert!(fold_eq("", ""));
        assert!(fold_eq("Ça va", "ça va"));
        assert_eq!(fold("Ewing\u{2019}s Sarcoma"), "ewing's sarcoma");
        assert!(fold_eq("Ewing\u{2019}s Sarcoma", "ewing's sarcoma"));
        assert_eq!(word_count("Ewing\u{2019}s sarcoma"), 2);
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_reference(s in "[a-zA-Z0-9 ,.'\\-\u{00e9}\u{03a3}\u{2014}\u{00A0}\u{2019}\u{2032}\u{0119}]{0,40}") {
            proptest::prop_assert_eq!(words(&s).collect::<Vec<_>>(), words_reference(&s));
        }

        #[test]
        fn stop_words_are_the_list_in_any_case(
            s in "[a-zA-Z'\\-\u{212A}\u{0130}\u{00e9}]{0,9}|(?i)(a|about|although|the|your|itself|whom)"
        ) {
            let listed = STOP_WORDS.contains(&s.to_lowercase().as_str());
            proptest::prop_assert_eq!(is_stop_word(&s), listed, "{:?}", s);
        }

        #[test]
        fn fold_eq_is_fold_equality(a in "[a-zA-Z ,.'\\-\u{00e9}\u{00c9}\u{2019}]{0,20}", b in "[a-zA-Z ,.'\\-\u{00e9}\u{00c9}\u{2019}]{0,20}") {
            proptest::prop_assert_eq!(fold_eq(&a, &fold(&b)), fold(&a) == fold(&b));
            proptest::prop_assert!(fold_eq(&a, &fold(&a)));
            let f = fold(&a);
            proptest::prop_assert_eq!(fold_within(&a, f.len()), Some(f.clone()));
            if !f.is_empty() {
                proptest::prop_assert_eq!(fold_within(&a, f.len() - 1), None);
            }
        }
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
