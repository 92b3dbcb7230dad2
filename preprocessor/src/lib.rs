//! `mdbook-seeds`: turns raw scraped web pages into clean mdBook chapters.
//!
//! The pipeline (see [`pipeline`]) works on typed data: lines with
//! provenance → units (paragraph candidates) → classified units → a
//! [`document::Document`] → Markdown. Every automated edit is recorded in an
//! [`edits::Log`] with file and line.

pub mod book;
pub mod cite_format;
pub mod config;
pub mod corpus;
pub mod document;
pub mod edits;
pub mod escape;
pub mod lexicon;
pub mod pipeline;
pub mod references;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod stages;
pub mod terms;
pub mod text;

pub use book::SeedsPreprocessor;
