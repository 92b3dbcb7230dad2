//! `mdbook-seeds`: turns raw scraped web pages into clean, cross-linked mdBook chapters.
//!
//! # Layers
//!
//! The crate is layered; a module may use only the layers before it in this list
//! (`tests/layers.rs` fails on any `crate::` or `super::` path that points up a layer):
//!
//! 1. `config`: every configuration struct (book.toml, seeds.toml, the glossary file);
//! 2. `text`: words, folding, stop words, lexicons, escaping, the built-in regex helper;
//! 3. `model`: plain data: metadata keys, drop reasons, line accounting;
//! 4. `record`: the edit log and warnings, and the one report printer;
//! 5. `clean`: the cleaning pipeline; its stage list is `clean::clean_in_batches`;
//! 6. `output`: chapters, source boxes, reference lists, editorial notes, paths;
//! 7. `terms`: glossary, abbreviations and cross-links;
//! 8. `mdbook`: the preprocessor, SUMMARY placeholders, seed discovery, the `clean` command;
//! 9. `site`: building with mdBook embedded, search indexes, `serve`.
//!
//! Every automated edit is recorded with file and line, and the report and the book's
//! editorial notes are printed from that one record.
//!
//! # Public API
//!
//! [`SeedsPreprocessor`] (the mdBook preprocessor), [`build`] and [`serve`] (the site),
//! [`clean_files`] (the `clean` command) and [`Config`] (`[preprocessor.seeds]` in
//! book.toml). Everything else is crate-private; tests, benches and fuzz targets reach it
//! through [`internals`], which is not a stable API.

mod clean;
mod config;
mod mdbook;
mod model;
mod output;
mod record;
mod site;
mod terms;
mod text;

pub use config::{Config, Engine};
pub use mdbook::{CleanRequest, SeedsPreprocessor, clean_files};
pub use site::mdbook_index::IndexRewrite;
pub use site::serve::{ServeOptions, serve};
pub use site::{SiteBuild, build};

/// Internals for the crate's own tests, benches and fuzz targets: not a stable API.
#[doc(hidden)]
pub mod internals {
    pub use crate::clean::assemble::references::{citations, parse as parse_reference};
    pub use crate::clean::corpus::Corpus;
    pub use crate::clean::decode::decode;
    pub use crate::clean::normalise::normalise;
    pub use crate::clean::repair::{Decision, Speller};
    pub use crate::clean::{
        Cleaned, Input, Page, Timings, clean_corpus, clean_corpus_timed, clean_one,
    };
    pub use crate::config::{Curated, MetadataFile, RepairConfig};
    pub use crate::mdbook::{chapters, clean_book_dir, read_inputs};
    pub use crate::output::ChapterOut;
    pub use crate::output::cite_format::format as format_references;
    pub use crate::record::{Log, page_report};
    pub use crate::terms::{ChapterText, Setup, link_book};
}
