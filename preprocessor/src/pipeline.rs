//! The cleaning pipeline, in one place: the order of the stages is here.
//!
//! ```text
//! bytes ─ decode ─ normalise → lines        (per page)
//!       → corpus statistics                  (once, over all pages)
//!       → reflow → classify → assemble       (per page)
//! ```

use crate::config::{Config, MetadataFile, PageMeta};
use crate::corpus::Corpus;
use crate::document::{Document, assemble};
use crate::edits::Log;
use crate::stages::{classify, decode, normalise, reflow, rules::Rules};
use anyhow::Result;

/// One raw input page.
#[derive(Debug, Clone)]
pub struct Input {
    /// File name (used in messages and as the metadata key).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A cleaned page and the record of what was done to it.
#[derive(Debug, Clone)]
pub struct Page {
    pub doc: Document,
    pub log: Log,
}

/// The result of cleaning a corpus.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub pages: Vec<Page>,
    /// Inputs that produced no page, with the reason in their log's warnings.
    pub skipped: Vec<Log>,
}

impl Cleaned {
    pub fn warnings(&self) -> impl Iterator<Item = &crate::edits::Warning> {
        self.pages
            .iter()
            .flat_map(|p| p.log.warnings.iter())
            .chain(self.skipped.iter().flat_map(|l| l.warnings.iter()))
    }
}

/// Clean all inputs together, as one corpus.
pub fn clean_corpus(inputs: &[Input], config: &Config, metadata: &MetadataFile) -> Result<Cleaned> {
    let rules = Rules::new(config.compile_patterns()?, config.repeat_min_pages)?;
    let mut decoded: Vec<(usize, Vec<normalise::Line>, Log)> = Vec::new();
    let mut out = Cleaned::default();
    for (i, input) in inputs.iter().enumerate() {
        let mut log = Log::new(&input.name);
        let text = match decode::decode(&input.bytes, &mut log) {
            Ok(t) => t,
            Err(e) => {
                log.warn(0, e.to_string());
                out.skipped.push(log);
                continue;
            }
        };
        let lines = normalise::normalise(&text, &mut log);
        if lines.iter().all(normalise::Line::is_blank) {
            log.warn(0, "the file is empty or holds only white space; it was skipped. Add the page's text or remove the file");
            out.skipped.push(log);
            continue;
        }
        decoded.push((i, lines, log));
    }
    let corpus = Corpus::build(decoded.iter().map(|(_, l, _)| l.as_slice()));
    for (i, lines, mut log) in decoded {
        let name = &inputs[i].name;
        let units = reflow::reflow(&lines, &corpus, &mut log);
        let classified = classify::classify(units, &rules, &corpus, &mut log);
        let page = metadata.pages.get(name).cloned().unwrap_or_default();
        let doc = assemble(name, &page, classified, &mut log);
        if doc.blocks.is_empty() {
            log.warn(0, "no text was left after cleaning: every line was classified as boilerplate or metadata. Check the editorial notes for this file");
        }
        // Stable: edits of one line keep their pipeline order.
        log.edits.sort_by_key(|e| e.line);
        out.pages.push(Page { doc, log });
    }
    for name in metadata.pages.keys() {
        if !inputs.iter().any(|i| &i.name == name) {
            let mut log = Log::new(name);
            log.warn(0, "the metadata file describes this page, but there is no such file in the seeds folder");
            out.skipped.push(log);
        }
    }
    Ok(out)
}

/// Clean a single page on its own (its own corpus).
pub fn clean_one(name: &str, bytes: &[u8]) -> Result<Cleaned> {
    clean_corpus(
        &[Input {
            name: name.into(),
            bytes: bytes.to_vec(),
        }],
        &Config::default(),
        &MetadataFile::default(),
    )
}

/// Metadata for a page (helper for callers that hold only names).
pub fn page_meta<'a>(metadata: &'a MetadataFile, name: &str) -> Option<&'a PageMeta> {
    metadata.pages.get(name)
}
