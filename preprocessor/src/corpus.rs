//! Corpus-level knowledge: statistics computed once over all pages.
//!
//! A word frequent across the corpus is trusted; a line found on several pages
//! is navigation. Stages read these statistics; they never rescan the corpus.

use crate::stages::normalise::Line;
use crate::text;
use foldhash::{HashMap, HashSet};

#[derive(Debug, Default, Clone)]
pub struct Corpus {
    /// Lower-cased word → occurrences across the corpus (hyphenated forms kept whole).
    pub words: HashMap<String, usize>,
    /// Folded short line → number of pages it appears on.
    pub line_pages: HashMap<String, usize>,
    pub pages: usize,
}

impl Corpus {
    pub fn build<'a>(pages: impl IntoIterator<Item = &'a [Line]>) -> Corpus {
        let mut c = Corpus::default();
        for lines in pages {
            c.pages += 1;
            let mut seen = HashSet::default();
            let mut lower = String::new();
            for line in lines {
                for w in text::words(&line.text) {
                    lower.clear();
                    text::push_lower(&mut lower, w);
                    match c.words.get_mut(lower.as_str()) {
                        Some(n) => *n += 1,
                        None => {
                            c.words.insert(lower.clone(), 1);
                        }
                    }
                }
                if !line.text.is_empty() && line.text.len() <= 80 {
                    let f = text::fold(&line.text);
                    if !f.is_empty() && !seen.contains(&f) {
                        *c.line_pages.entry(f.clone()).or_default() += 1;
                        seen.insert(f);
                    }
                }
            }
        }
        c
    }

    pub fn count(&self, word: &str) -> usize {
        let found = if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            self.words.get(word.to_lowercase().as_str())
        } else {
            self.words.get(word)
        };
        found.copied().unwrap_or(0)
    }

    pub fn pages_with_line(&self, text: &str) -> usize {
        self.pages_with_folded(&text::fold(text))
    }

    /// `pages_with_line` of a line already folded with `text::fold`.
    pub fn pages_with_folded(&self, folded: &str) -> usize {
        self.line_pages.get(folded).copied().unwrap_or(0)
    }
}
