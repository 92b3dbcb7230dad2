//! Corpus-level knowledge: statistics computed once over all pages.
//!
//! A word frequent across the corpus is trusted; a line found on several pages
//! is navigation. Stages read these statistics; they never rescan the corpus.

use crate::stages::normalise::Line;
use crate::text;
use std::collections::{HashMap, HashSet};

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
            let mut seen = HashSet::new();
            for line in lines {
                for w in text::words(&line.text) {
                    *c.words.entry(w.to_lowercase()).or_default() += 1;
                }
                if !line.text.is_empty() && line.text.len() <= 80 {
                    let f = text::fold(&line.text);
                    if !f.is_empty() && seen.insert(f.clone()) {
                        *c.line_pages.entry(f).or_default() += 1;
                    }
                }
            }
        }
        c
    }

    pub fn count(&self, word: &str) -> usize {
        self.words.get(&word.to_lowercase()).copied().unwrap_or(0)
    }

    pub fn pages_with_line(&self, text: &str) -> usize {
        self.line_pages.get(&text::fold(text)).copied().unwrap_or(0)
    }
}
