//! Render documents to Markdown chapters, and the edit record to the
//! editorial-notes chapter. Everything from a seed goes through `escape`.

use crate::document::{Block, Document, TitleOrigin};
use crate::edits::{Action, Log};
use crate::escape;
use crate::stages::classify::MetaKey;
use std::fmt::Write;

/// A rendered chapter, possibly with sub-chapters (one per top-level section).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterOut {
    pub name: String,
    /// Path relative to src/, e.g. `seeds/outcomes-of-bone-tumours.md`.
    pub path: String,
    pub content: String,
    pub children: Vec<ChapterOut>,
}

impl ChapterOut {
    /// The chapter and its sub-chapters as one Markdown text.
    pub fn markdown(&self) -> String {
        let mut s = self.content.clone();
        for c in &self.children {
            s.push_str(&c.markdown());
        }
        s
    }
}

/// The body of a document as Markdown (no title, no source box).
pub fn body(blocks: &[Block], shift: i8) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading { level, text, .. } => {
                let l = (*level as i8 + shift).clamp(1, 6) as usize;
                let _ = writeln!(out, "{} {}\n", "#".repeat(l), escape::markdown(text));
            }
            Block::Paragraph { text, .. } => {
                let _ = writeln!(out, "{}\n", escape::markdown(text));
            }
            Block::Figure { label, text, .. } => match label {
                Some(l) => {
                    let _ = writeln!(
                        out,
                        "**{}** {}\n",
                        escape::markdown(l),
                        escape::markdown(text)
                    );
                }
                None => {
                    let _ = writeln!(out, "*{}*\n", escape::markdown(text));
                }
            },
            Block::List { ordered, items } => {
                for (i, it) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_string()
                    };
                    let pad = " ".repeat(marker.len() + 1);
                    let _ = write!(out, "{marker} {}", escape::markdown(&it.text));
                    for e in &it.extra {
                        // A backslash at line end is a CommonMark hard line break.
                        let _ = write!(out, "\\\n{pad}{}", escape::markdown(e));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The source box shown at the top of a chapter (HTML, all values escaped).
pub fn source_box(doc: &Document, notes_path: Option<&str>, from: &str) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    let esc = escape::html;
    if let Some(s) = &doc.page.source {
        let v = match &doc.page.url {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                format!("<a href=\"{}\">{}</a>", esc(u), esc(s))
            }
            _ => esc(s),
        };
        rows.push(("Source".into(), v));
    } else if let Some(u) = &doc.page.url {
        rows.push(("Source".into(), esc(u)));
    }
    if let Some(k) = &doc.page.kind {
        rows.push(("Kind of page".into(), esc(k)));
    }
    for key in [
        MetaKey::Authors,
        MetaKey::Affiliation,
        MetaKey::Journal,
        MetaKey::Citation,
        MetaKey::Published,
        MetaKey::History,
        MetaKey::Pmid,
    ] {
        if let Some(v) = doc.meta(key) {
            rows.push((key.label().into(), esc(v)));
        }
    }
    if let Some(doi) = doc.meta(MetaKey::Doi) {
        rows.push((
            "DOI".into(),
            format!("<a href=\"https://doi.org/{}\">{}</a>", esc(doi), esc(doi)),
        ));
    }
    for key in [
        MetaKey::LastReviewed,
        MetaKey::LastUpdated,
        MetaKey::NextReview,
        MetaKey::Keywords,
    ] {
        if let Some(v) = doc.meta(key) {
            rows.push((key.label().into(), esc(v)));
        }
    }
    if let Some(r) = &doc.page.retrieved {
        rows.push(("Retrieved".into(), esc(r)));
    }
    match doc.title_origin {
        TitleOrigin::Derived => rows.push((
            "Title".into(),
            "not in the scraped text; derived from the page's most frequent phrase".into(),
        )),
        TitleOrigin::FileName => rows.push((
            "Title".into(),
            "not in the scraped text; file name used".into(),
        )),
        _ => {}
    }
    let notes = match notes_path {
        Some(p) => format!(
            "; every change is listed in the <a href=\"{}\">editorial notes</a>",
            esc(&relative(from, p).replace(".md", ".html"))
        ),
        None => String::new(),
    };
    rows.push((
        "Cleaned from".into(),
        format!("<code>{}</code>{notes}", esc(&doc.file)),
    ));
    let mut out = String::from(
        "<aside class=\"seed-source\" aria-label=\"About this page's source\">\n<dl>\n",
    );
    for (k, v) in rows {
        let _ = writeln!(out, "<dt>{k}</dt><dd>{v}</dd>");
    }
    out.push_str("</dl>\n</aside>\n\n");
    out
}

/// Relative link from the chapter at `from` to `to` (both relative to src/).
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{}", "../".repeat(depth), to)
}

/// Editorial notes: per page, every edit and warning.
pub fn editorial_notes(
    pages: &[(&Document, &str, &Log, &crate::pipeline::Accounting)],
    skipped: &[Log],
) -> String {
    let mut out = String::from("# Editorial notes\n\n");
    out.push_str(
        "The cleaner edits the raw scraped pages automatically. This page lists every edit, \
         page by page and line by line, so that a reader can check that nothing of the text was \
         lost or changed without reason. Line numbers refer to the raw files in `seeds/`.\n\n",
    );
    for (doc, path, log, accounting) in pages {
        let _ = writeln!(
            out,
            "## {}\n\n[{}]({}) — from {}: {} edits, {} warnings. The raw file's {}.\n",
            escape::markdown(&doc.title),
            escape::markdown(&doc.title),
            relative("editorial-notes.md", path),
            escape::markdown(&doc.file),
            log.edits.len(),
            log.warnings.len(),
            accounting
        );
        notes_table(&mut out, log);
    }
    for log in skipped {
        let _ = writeln!(out, "## Skipped: {}\n", escape::markdown(&log.file));
        notes_table(&mut out, log);
    }
    out
}

fn notes_table(out: &mut String, log: &Log) {
    if !log.warnings.is_empty() {
        out.push_str("Warnings:\n\n");
        for w in &log.warnings {
            let where_ = if w.line == 0 {
                "file".to_string()
            } else {
                format!("line {}", w.line)
            };
            let _ = writeln!(out, "- {}: {}", where_, escape::markdown(&w.message));
        }
        out.push('\n');
    }
    if log.edits.is_empty() {
        return;
    }
    out.push_str("| Line | Edit | Why | Text |\n|---:|---|---|---|\n");
    for e in &log.edits {
        let text = match e.action {
            Action::Joined | Action::Changed if !e.after.is_empty() => {
                format!("{} → {}", cell(&e.before), cell(&e.after))
            }
            _ => cell(&e.before),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            e.line,
            e.action.as_str(),
            cell(&e.reason),
            text
        );
    }
    out.push('\n');
}

fn cell(s: &str) -> String {
    escape::markdown(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ListEntry;

    #[test]
    fn body_renders_blocks_escaped() {
        let b = vec![
            Block::Heading {
                level: 2,
                text: "Side *effects*".into(),
                line: 1,
            },
            Block::Paragraph {
                text: "<img src=x onerror=alert(1)>".into(),
                line: 2,
            },
            Block::List {
                ordered: true,
                items: vec![ListEntry {
                    text: "Ma R".into(),
                    extra: vec!["Trends".into()],
                    line: 3,
                }],
            },
        ];
        assert_eq!(
            body(&b, 0),
            "## Side \\*effects\\*\n\n\\<img src=x onerror=alert(1)\\>\n\n1. Ma R\\\n   Trends\n\n"
        );
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative("seeds/a.md", "editorial-notes.md"),
            "../editorial-notes.md"
        );
        assert_eq!(relative("editorial-notes.md", "seeds/a.md"), "seeds/a.md");
    }
}
