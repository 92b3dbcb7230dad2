//! Which search the site gets, and the Pagefind index for big books.
//!
//! mdBook's own search (elasticlunr) is one index file that the browser
//! downloads whole on the first search, about three times the size of the
//! book's text: 16 MB at 1,000 scraped pages. Pagefind splits its index into
//! small chunks and a search fetches only the chunks of its words (about
//! 0.5 MB for the same searches), so big books get Pagefind.
//!
//! `[preprocessor.seeds.search]` in book.toml:
//! - `engine = "auto"` (default): mdBook's search below `pagefind-from` seed
//!   pages, Pagefind from there on;
//! - `engine = "mdbook"` or `"pagefind"`: always that one.
//!
//! Pagefind runs after mdBook has written the site, so only `mdbook-seeds build`
//! and `mdbook-seeds serve` can use it; `mdbook build` keeps mdBook's search.
//! Pagefind loads its index with `fetch`, so the site must be served over
//! HTTP (GitHub Pages, `mdbook-seeds serve`); mdBook's search also works from
//! `file://`.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the Pagefind step did.
#[derive(Debug, Clone, Default)]
pub struct PagefindReport {
    /// HTML pages indexed.
    pub pages: usize,
    /// Words indexed.
    pub words: u64,
    /// Files written under `pagefind/` and their total size.
    pub(crate) files: usize,
    pub bytes: u64,
    /// The index proper (word index chunks, metadata, fragments), without the
    /// UI scripts and WebAssembly that every Pagefind site carries.
    pub index_bytes: u64,
    /// How long indexing and writing took.
    pub elapsed: std::time::Duration,
}

/// Pages mdBook writes that are not chapters of their own: the print page
/// repeats every chapter, `index.html` repeats the first one, and the others
/// are the not-found page and the no-script table of contents.
const NOT_CHAPTERS: &[&str] = &["print.html", "index.html", "404.html", "toc.html"];

/// `[output.html.search.chapter]`: chapter path prefix → indexed or not, with
/// mdBook's rule (keys in sorted order, so a longer path overrides its folder).
#[derive(Debug, Clone, Default)]
pub(crate) struct ChapterSettings(Vec<(PathBuf, bool)>);

#[derive(Deserialize)]
struct ChapterSetting {
    enable: Option<bool>,
}

impl ChapterSettings {
    /// Read from the `output.html.search.chapter` table (absent: index everything).
    pub(crate) fn from_config(config: &mdbook_driver::config::Config) -> Result<ChapterSettings> {
        let table: Option<BTreeMap<String, ChapterSetting>> = config
            .get("output.html.search.chapter")
            .context("book.toml: invalid `[output.html.search.chapter]` table")?;
        Ok(ChapterSettings(
            table
                .unwrap_or_default()
                .into_iter()
                .filter_map(|(k, v)| Some((PathBuf::from(k), v.enable?)))
                .collect(),
        ))
    }

    /// Is the chapter at `md_path` (relative to src/) indexed?
    pub(crate) fn enabled(&self, md_path: &Path) -> bool {
        let mut on = true;
        for (prefix, enable) in &self.0 {
            if md_path.starts_with(prefix) {
                on = *enable;
            }
        }
        on
    }
}

/// Index the HTML chapters of the site in `site` with Pagefind and write the
/// bundle to `site/pagefind/`. Only `<main>` is indexed (not the sidebar or
/// the menu bar), in the book's language when book.toml gives one.
///
/// `term_forms`: each glossary entry's forms. Pagefind folds no accents for
/// this book, knows no spelling variants and no synonyms, so each page is
/// indexed with [`crate::site::mdbook_index::extra_search_words`] added at the
/// end of `<main>` (in the indexed copy only; the file is not changed).
pub(crate) fn index_site(
    site: &Path,
    settings: &ChapterSettings,
    language: Option<&str>,
    term_forms: &[Vec<String>],
) -> Result<PagefindReport> {
    let started = std::time::Instant::now();
    let mut pages = Vec::new();
    collect_html(site, site, &mut pages)?;
    pages.sort();
    let pages: Vec<PathBuf> = pages
        .into_iter()
        .filter(|rel| {
            let top_level = rel.parent().is_none_or(|p| p.as_os_str().is_empty());
            !(top_level && NOT_CHAPTERS.iter().any(|n| rel.as_os_str() == *n))
                && settings.enabled(&rel.with_extension("md"))
        })
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("starting the runtime for Pagefind")?;
    runtime.block_on(async {
        let options =
            pagefind::options::PagefindServiceConfig::builder().root_selector("main".to_string());
        let options = match language {
            Some(lang) => options.force_language(lang.to_string()).build(),
            None => options.build(),
        };
        let mut index =
            pagefind::api::PagefindIndex::new(Some(options)).context("setting up Pagefind")?;
        let mut report = PagefindReport::default();
        for rel in &pages {
            let path = site.join(rel);
            let mut html = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {} to index it", path.display()))?;
            if let (Some(start), Some(end)) = (html.find("<main"), html.rfind("</main>")) {
                let words = crate::site::mdbook_index::extra_search_words(
                    &strip_tags(&html[start..end]),
                    term_forms,
                );
                if !words.is_empty() {
                    html.insert_str(
                        end,
                        &format!(
                            "<p data-pagefind-weight=\"0.5\">{}</p>",
                            crate::text::escape::html(&words.join(" "))
                        ),
                    );
                }
            }
            let url = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let added = index
                .add_html_file(None, Some(format!("/{url}")), html)
                .await
                .with_context(|| format!("Pagefind could not index {}", path.display()))?;
            report.pages += 1;
            report.words += u64::from(added.page_word_count);
        }
        let files = index
            .get_files()
            .await
            .context("Pagefind could not build its index")?;
        let bundle = site.join("pagefind");
        for f in files {
            if f.filename.is_absolute()
                || f.filename
                    .components()
                    .any(|c| matches!(c, std::path::Component::ParentDir))
            {
                bail!(
                    "Pagefind produced a file outside its folder: {}",
                    f.filename.display()
                );
            }
            let path = bundle.join(&f.filename);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            std::fs::write(&path, &f.contents)
                .with_context(|| format!("cannot write {}", path.display()))?;
            report.files += 1;
            report.bytes += f.contents.len() as u64;
            if is_index_file(&f.filename) {
                report.index_bytes += f.contents.len() as u64;
            }
        }
        report.elapsed = started.elapsed();
        Ok(report)
    })
}

/// The text of an HTML fragment (tags replaced by spaces; no entity decoding:
/// enough to find its words). The source box, which Pagefind ignores, is left out.
fn strip_tags(html: &str) -> String {
    let html = match (
        html.find("<aside class=\"seed-source\""),
        html.find("</aside>"),
    ) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    crate::site::mdbook_index::tags_to_spaces(&html)
}

/// Index chunks, metadata and fragments (not the UI scripts or WebAssembly).
fn is_index_file(name: &Path) -> bool {
    name.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "pf_index" | "pf_meta" | "pf_fragment" | "pf_filter"))
}

fn collect_html(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path.is_dir() {
            // A bundle left by an earlier build is not part of the site.
            if path != root.join("pagefind") {
                collect_html(root, &path, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "html")
            && let Ok(rel) = path.strip_prefix(root)
        {
            out.push(rel.to_path_buf());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_settings_follow_mdbooks_prefix_rule() {
        let s = ChapterSettings(vec![
            (PathBuf::from("editorial-notes"), false),
            (PathBuf::from("editorial-notes/keep.md"), true),
            (PathBuf::from("glossary.md"), false),
        ]);
        assert!(!s.enabled(Path::new("editorial-notes/a.md")));
        assert!(!s.enabled(Path::new("glossary.md")));
        assert!(s.enabled(Path::new("editorial-notes/keep.md")));
        // Whole path components only, as mdBook does.
        assert!(s.enabled(Path::new("editorial-notes-extra.md")));
        assert!(s.enabled(Path::new("seeds/a.md")));
    }
}
