//! The full cleaned Markdown and edit record of every seed, as reviewed snapshots.
//!
//! The seeds are cleaned together, with the book's own configuration and
//! metadata, exactly as the book build does. A change to any stage shows up
//! here as a diff to review (never accept a snapshot without reading it
//! against the raw file in seeds/).

use mdbook_seeds::book::{chapters, clean_book_dir};
use mdbook_seeds::config::Config;
use std::path::Path;

fn book_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn every_seed_cleans_to_its_reviewed_markdown() {
    let config = Config::from_book_root(book_root()).unwrap();
    let (cleaned, _) = clean_book_dir(book_root(), &config).unwrap();
    assert_eq!(cleaned.pages.len(), 5, "one page per seed");
    assert!(cleaned.skipped.is_empty(), "{:?}", cleaned.skipped);
    let (chs, _) = chapters(&cleaned, &config);
    for (page, ch) in cleaned.pages.iter().zip(&chs) {
        let stem = page.doc.file.trim_end_matches(".txt");
        insta::assert_snapshot!(format!("{stem}.md"), ch.markdown());
        let mut report: String = page.log.edits.iter().map(|e| format!("{e}\n")).collect();
        for w in &page.log.warnings {
            report.push_str(&format!("{w}\n"));
        }
        insta::assert_snapshot!(format!("{stem}.report"), report);
    }
}
