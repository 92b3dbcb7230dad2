//! The full cleaned Markdown and edit record of every seed, as reviewed snapshots.
//!
//! The seeds are cleaned together, with the book's own configuration and
//! metadata, exactly as the book build does. A change to any stage shows up
//! here as a diff to review (never accept a snapshot without reading it
//! against the raw file in seeds/).

use mdbook_seeds::Config;
use mdbook_seeds::internals::{chapters, clean_book_dir, page_report};
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
        // The same printer as `clean --report`.
        let report = page_report(&page.doc.file, &page.accounting, &page.log);
        insta::assert_snapshot!(format!("{stem}.report"), report);
    }
}

/// The glossary and every cross-link of the seed book, as the preprocessor
/// hands them to mdBook: review these when the term index or the linking
/// rules change.
#[test]
fn glossary_and_cross_links_are_the_reviewed_ones() {
    use mdbook_driver::MDBook;
    use mdbook_preprocessor::book::BookItem;
    use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
    let md = MDBook::load(book_root()).unwrap();
    let ctx = PreprocessorContext::new(book_root().to_path_buf(), md.config.clone(), "html".into());
    let book = mdbook_seeds::SeedsPreprocessor::default()
        .run(&ctx, md.book.clone())
        .unwrap();
    let link = regex::Regex::new(r#"<a class="term"[^>]*href="([^"]*)"[^>]*>(.*?)</a>"#).unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let key = regex::Regex::new(r#"<span class="search-key" hidden> ([^<]*)</span>"#).unwrap();
    let mut links = String::new();
    let mut glossary = None;
    for item in book.iter() {
        let BookItem::Chapter(ch) = item else {
            continue;
        };
        let path = ch
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if path == "glossary.md" {
            glossary = Some(ch.content.clone());
            continue;
        }
        let found: Vec<String> = link
            .captures_iter(&ch.content)
            .map(|c| {
                let text = key.replace_all(&c[2], " [search key: $1]");
                format!("  {} → {}", tags.replace_all(&text, ""), &c[1])
            })
            .collect();
        if !found.is_empty() {
            links.push_str(&format!("{path} ({} links)\n", found.len()));
            links.push_str(&found.join("\n"));
            links.push('\n');
        }
    }
    insta::assert_snapshot!("glossary.md", glossary.expect("a glossary chapter"));
    insta::assert_snapshot!("cross-links", links);
}
