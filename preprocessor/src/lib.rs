//! `mdbook-seeds`: turns raw scraped web pages into clean mdBook chapters.
//!
//! The crate is layered; a module may use only the layers above it in this list
//! (`tests/layers.rs` fails on any path that points up a layer):
//!
//! 1. [`config`]: every configuration struct (book.toml, seeds.toml, glossary file);
//! 2. [`text`]: words, folding, stop words, lexicons, escaping, the built-in regex helper;
//! 3. [`model`]: plain data: the cleaned document, blocks, references, drop reasons;
//! 4. [`record`]: the edit log and warnings, and the one report printer;
//! 5. [`clean`]: the cleaning pipeline and its stages (decode … assemble);
//! 6. [`output`]: chapters, source boxes, reference lists, editorial notes, paths;
//! 7. [`terms`]: glossary, abbreviations and cross-links;
//! 8. [`mdbook`]: the preprocessor, SUMMARY placeholders, seed discovery;
//! 9. [`site`]: building (mdBook embedded), search indexes, `serve`.
//!
//! Every automated edit is recorded in a [`record::Log`] with file and line.

pub mod clean;
pub mod config;
pub mod mdbook;
pub mod model;
pub mod output;
pub mod record;
pub mod site;
pub mod terms;
pub mod text;

pub use mdbook::SeedsPreprocessor;
