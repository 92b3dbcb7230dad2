//! Corpus-level knowledge: statistics computed once over all pages.
//!
//! A word frequent across the corpus is trusted; a line found on several pages
//! is navigation. Stages read these statistics; they never rescan the corpus.

use crate::clean::normalise::Line;
use crate::text;
use foldhash::HashMap;
use std::hash::BuildHasher;

/// The longest line, in bytes, whose pages are counted: a site's repeated sentences
/// (a comment form's help text, a reprint notice) run to a few hundred bytes, but an
/// author's blurb or a press release's "About us" is a paragraph of a thousand or
/// more, and is the site's too when four pages repeat it verbatim. (Until session 18
/// the limit was 400 bytes; raising it gained CleanPortalEval 0.0045 and Dragnet
/// 0.0021, the other sets and the medical pages unchanged.) A line longer than this
/// is never counted. A line is kept as the 64-bit hash of its folded text
/// ([`text::fold_hash`]): 24 bytes a line, whatever its length.
pub(crate) const MAX_COUNTED_LINE: usize = 20_000;

/// Words of the shortest line whose capitals inside a sentence count as names
/// ([`Corpus::named`]): a sentence's length, longer than most headings.
const PROSE_LINE_WORDS: usize = 8;

#[derive(Debug, Default, Clone)]
pub struct Corpus {
    /// Lower-cased word → its uses across the corpus (hyphenated forms kept whole).
    pub(crate) words: HashMap<String, Uses>,
    /// Hash of a folded line ([`text::fold_hash`] of a line of up to
    /// [`MAX_COUNTED_LINE`] bytes) → number of pages it appears on, and the number
    /// of the last page counted (so that a page counts once, without a set of the
    /// lines seen on each page). Two lines whose hashes collide (odds about n²/2⁶⁵
    /// for n distinct lines: one in 37 million at a million lines) count together.
    line_pages: HashMap<u64, (usize, usize)>,
    /// Hash of two lower-cased words written one after the other, separated by one
    /// space and nothing else ("left knee") → occurrences: the page's own evidence
    /// that a glued token ("leftknee") is two words.
    pairs: HashMap<u64, u32>,
    /// Lower-cased word → times it is written capitalised inside a sentence of a line
    /// of prose ("said Ponting", "Did Ponting go"): not a sentence's first word (after
    /// ". ", "? ", "! ", ": ", "; " or "…"), on a line that ends a sentence, of
    /// [`PROSE_LINE_WORDS`] words or more, mostly starting lower case (a heading's
    /// title case marks no name).
    named: HashMap<String, u32>,
    pub(crate) pages: usize,
}

/// How often the corpus uses a word, and on how many pages.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Uses {
    /// Occurrences across the corpus.
    pub(crate) count: usize,
    /// Pages that use it.
    pub(crate) pages: u32,
    /// The last page counted (1-based), so that a page counts once.
    last: u32,
}

/// The key of a word pair in [`Corpus::pairs`] (both words lower case).
fn pair_key(a: &str, b: &str) -> u64 {
    const HASHER: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0x9a1e);
    HASHER.hash_one((a, b))
}

impl Corpus {
    pub fn build<'a>(pages: impl IntoIterator<Item = &'a [Line]>) -> Corpus {
        let mut c = Corpus::default();
        for lines in pages {
            c.pages += 1;
            let page = c.pages;
            let mut lower = String::new();
            let mut previous = String::new();
            for line in lines {
                // The end (byte offset) of the previous word of the line, if only
                // one space may follow it.
                let mut previous_end: Option<usize> = None;
                let base = line.text.as_ptr() as usize;
                // The folded line's hash, built from the lower-cased words as
                // they are counted (see `text::fold_hash`).
                let counted = !line.text.is_empty() && line.text.len() <= MAX_COUNTED_LINE;
                let mut fold = text::FoldHasher::default();
                // A line of prose: it ends a sentence, has PROSE_LINE_WORDS words or
                // more, and most of them start lower case. Only there does a capital
                // inside a sentence mark a name ("Tips for Accomodation in the old
                // town" is a heading, whatever its case).
                let prose =
                    !line.text.is_ascii() || line.text.bytes().any(|b| b.is_ascii_uppercase());
                let prose = prose && text::ends_full_stop(&line.text) && {
                    let (mut lower_words, mut all) = (0, 0);
                    for w in text::words(&line.text) {
                        all += 1;
                        lower_words += usize::from(w.starts_with(|c: char| c.is_lowercase()));
                    }
                    all >= PROSE_LINE_WORDS && lower_words * 2 > all
                };
                for w in text::words(&line.text) {
                    // Most words are their own lower case: counted without a copy.
                    let key = if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                        lower.clear();
                        text::push_lower(&mut lower, w);
                        lower.as_str()
                    } else {
                        w
                    };
                    // `w` is a slice of the line: its offset is a pointer difference.
                    let start = w.as_ptr() as usize - base;
                    if previous_end.is_some_and(|end| end + 1 == start)
                        && line.text.as_bytes().get(start - 1) == Some(&b' ')
                    {
                        *c.pairs.entry(pair_key(&previous, key)).or_default() += 1;
                    }
                    // Inside a sentence: after a word of the line, with no sentence end
                    // between ("Did Ponting", "Ricky Ponting"; not "experts. Ponting").
                    // The letters before an apostrophe or hyphen: "Ponting's" names Ponting.
                    let name = w.split(|ch: char| !ch.is_alphabetic()).next().unwrap_or(w);
                    if prose
                        && text::capitalised_word(name)
                        && previous_end.is_some_and(|end| {
                            line.text
                                .get(end..start)
                                .is_some_and(|gap| !gap.contains(['.', '!', '?', ':', ';', '…']))
                        })
                    {
                        let name = name.to_lowercase();
                        match c.named.get_mut(name.as_str()) {
                            Some(n) => *n += 1,
                            None => {
                                c.named.insert(name, 1);
                            }
                        }
                    }
                    if counted {
                        fold.word(key);
                    }
                    previous.clear();
                    previous.push_str(key);
                    previous_end = Some(start + w.len());
                    let page = u32::try_from(page).unwrap_or(u32::MAX);
                    match c.words.get_mut(key) {
                        Some(u) => {
                            u.count += 1;
                            if u.last != page {
                                u.pages += 1;
                                u.last = page;
                            }
                        }
                        None => {
                            c.words.insert(
                                key.to_string(),
                                Uses {
                                    count: 1,
                                    pages: 1,
                                    last: page,
                                },
                            );
                        }
                    }
                }
                if let Some(hash) = fold.finish().filter(|_| counted) {
                    match c.line_pages.get_mut(&hash) {
                        Some((n, last)) if *last != page => {
                            *n += 1;
                            *last = page;
                        }
                        Some(_) => {}
                        None => {
                            c.line_pages.insert(hash, (1, page));
                        }
                    }
                }
            }
        }
        c
    }

    /// How often the corpus writes `word` (lower case) capitalised inside a sentence of
    /// a line of prose (see the field of that name): the page's evidence that it is a name
    /// ("Ponting", not a slip of "pointing").
    pub(crate) fn named(&self, word: &str) -> u32 {
        self.named.get(word).copied().unwrap_or(0)
    }

    pub(crate) fn count(&self, word: &str) -> usize {
        let found = if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            self.words.get(word.to_lowercase().as_str())
        } else {
            self.words.get(word)
        };
        found.map_or(0, |u| u.count)
    }

    /// How many pages use `word` (lower case).
    pub(crate) fn pages_with_word(&self, word: &str) -> usize {
        self.words.get(word).map_or(0, |u| u.pages as usize)
    }

    /// How often the corpus writes `a` and `b` (lower case) as two words, one space
    /// apart.
    pub(crate) fn pair_count(&self, a: &str, b: &str) -> usize {
        self.pairs.get(&pair_key(a, b)).map_or(0, |&n| n as usize)
    }

    /// The number of pages with a line that folds ([`text::fold`]) like `text`.
    pub(crate) fn pages_with_line(&self, text: &str) -> usize {
        text::fold_hash(text).map_or(0, |h| self.line_pages.get(&h).map_or(0, |&(n, _)| n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                indent: 0,
                bullet: false,
                text: (*t).to_string(),
                cells: false,
                row: Vec::new(),
                quotes: Vec::new(),
                moved_to: None,
            })
            .collect()
    }

    #[test]
    fn words_are_counted_in_lower_case_and_short_lines_once_per_page() {
        let a = page(&["Bone BONE bone", "Ostéosarcome ÉTUDE", "Home", "home", ""]);
        // An author's blurb of a paragraph is counted; a line longer than
        // MAX_COUNTED_LINE is a page's own text, never counted.
        let long = "an author's blurb of more than four hundred bytes is counted too. ".repeat(7);
        let huge = "a line this long is a page's own text, however often it appears. "
            .repeat(MAX_COUNTED_LINE / 60);
        assert!(long.len() > 400 && huge.len() > MAX_COUNTED_LINE);
        let b = page(&[
            "HOME",
            "a line of more than eighty bytes is counted too: a site repeats its sentences",
            &long,
            &huge,
        ]);
        let c = Corpus::build([a.as_slice(), b.as_slice()]);
        assert_eq!(c.pages, 2);
        assert_eq!(c.count("bone"), 3);
        assert_eq!(c.count("Bone"), 3);
        assert_eq!(c.count("ostéosarcome"), 1);
        assert_eq!(c.count("étude"), 1);
        assert_eq!(c.count("home"), 3);
        assert!(!c.words.contains_key("Bone") && !c.words.contains_key("ÉTUDE"));
        // "Home" and "home" fold alike: one page each for a and b.
        assert_eq!(c.pages_with_line("HoMe"), 2);
        assert_eq!(c.pages_with_line("bone bone bone"), 1);
        assert_eq!(c.pages_with_line(b[1].text.as_str()), 1);
        assert_eq!(c.pages_with_line(b[2].text.as_str()), 1);
        assert_eq!(c.pages_with_line(b[3].text.as_str()), 0);
    }
}
