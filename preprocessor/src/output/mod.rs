//! Render documents to Markdown chapters, and the edit record to the
//! editorial-notes chapter. Everything from a seed goes through `escape`.

pub(crate) mod cite_format;

/// The editorial-notes chapter (relative to `src/`): a summary of every page's edits.
pub(crate) const NOTES_PATH: &str = "editorial-notes.md";
/// The folder of the per-page (or per-range) editorial-notes chapters.
pub(crate) const NOTES_DIR: &str = "editorial-notes";

/// "1 edit", "0 edits", "3 edits": a count with its noun (`noun` singular, plural
/// by a final "s").
pub(crate) fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Is `path` (relative to `src/`) one of the editorial-notes chapters?
pub(crate) fn is_notes_path(path: &str) -> bool {
    path == NOTES_PATH
        || path
            .strip_prefix(NOTES_DIR)
            .is_some_and(|rest| rest.starts_with('/'))
}

use crate::clean::assemble::{Block, Document, TitleOrigin};
use crate::model::MetaKey;
use crate::record::{Action, Log};
use crate::text::escape;
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

/// Citations of one document while it is rendered: which reference numbers
/// exist, where the References section is, and the back-links it will need.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cites {
    /// Number of entries in the page's reference list.
    pub(crate) count: usize,
    /// Link from the page being rendered to the page holding the references
    /// ("" when it is the same page).
    pub(crate) to_refs: String,
    /// Link from the references page to the page being rendered.
    pub(crate) from_refs: String,
    next: usize,
    /// Per reference: links (from the references page) to each citation of it.
    pub(crate) backrefs: Vec<Vec<String>>,
}

impl Cites {
    pub(crate) fn new(count: usize) -> Self {
        Cites {
            count,
            backrefs: vec![Vec::new(); count],
            ..Default::default()
        }
    }

    /// Escape a text and turn its citations into links (or marked, unlinked text).
    pub(crate) fn inline(&mut self, text: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for c in crate::clean::assemble::references::citations(text) {
            let before = &text[last..c.start];
            out.push_str(&if last == 0 {
                escape::markdown(before)
            } else {
                escape::markdown_inline(before)
            });
            let group = &text[c.start..c.end];
            if self.count > 0 && c.numbers.iter().all(|&n| n <= self.count) {
                self.next += 1;
                let id = format!("cite-{}", self.next);
                let linked = NUMBER.replace_all(group, |m: &regex::Captures| {
                    format!("<a href=\"{}#ref-{}\">{}</a>", self.to_refs, &m[0], &m[0])
                });
                let _ = write!(out, "<span class=\"cite\" id=\"{id}\">{linked}</span>");
                for n in &c.numbers {
                    let href = format!("{}#{id}", self.from_refs);
                    if let Some(b) = self.backrefs.get_mut(n - 1)
                        && !b.contains(&href)
                    {
                        b.push(href);
                    }
                }
            } else {
                let _ = write!(
                    out,
                    "<span class=\"cite-missing\" title=\"No entry: this page's reference list was not in the scraped text\">{group}</span>"
                );
            }
            last = c.end;
        }
        let rest = &text[last..];
        out.push_str(&if last == 0 {
            escape::markdown(rest)
        } else {
            escape::markdown_inline(rest)
        });
        out
    }
}

static NUMBER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| crate::text::builtin_regex(r"\d+"));

/// The References section of a page: formatted entries with back-links.
pub(crate) fn references(
    refs: &[crate::clean::assemble::references::Reference],
    cites: &Cites,
) -> String {
    if refs.is_empty() {
        return String::new();
    }
    let html = crate::output::cite_format::format(refs);
    let mut out = String::from("## References\n\n<ol class=\"references\">\n");
    for (i, h) in html.iter().enumerate() {
        let back: Vec<String> = cites
            .backrefs
            .get(i)
            .map(|b| {
                b.iter()
                    .enumerate()
                    .map(|(k, href)| {
                        format!(
                            "<a class=\"backref\" href=\"{}\" aria-label=\"Back to citation {} of reference {}\">↩</a>",
                            escape::html(href),
                            k + 1,
                            i + 1
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        // The style may shorten an entry (AMA lists three authors of seven):
        // the entry before restyling stays one hover away. It is the text after
        // word repair ("properative" is already "preoperative"), so the tooltip
        // does not call it the scraped text; the repairs are in the notes.
        let _ = writeln!(
            out,
            "<li id=\"ref-{}\" title=\"Before restyling (word repairs are listed in the editorial notes): {}\">{h} {}</li>",
            i + 1,
            escape::html(&refs[i].raw),
            back.join(" ")
        );
    }
    out.push_str("</ol>\n\n");
    out
}

/// The fence of a Markdown code block for `text`: backticks, three or one more than
/// the longest run of backticks in it, so that no line of the code closes the block
/// (CommonMark 0.31, section 4.5). None when the code holds what a preprocessor
/// reads as a directive even inside a fenced block, since it matches the chapter's
/// text with a regular expression: "{{" (mdBook's own links preprocessor,
/// "{{#include}}"), "<!--" (third-party ones: mdbook-cmdrun runs the shell command of
/// "<!-- cmdrun … -->", mdbook-toc replaces "<!-- toc -->") and "{%" (template
/// tags). Such code is written as an HTML block with entities instead.
fn code_fence(text: &str) -> Option<String> {
    if ["{{", "<!--", "{%"].iter().any(|d| text.contains(d)) {
        return None;
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    Some("`".repeat((longest + 1).max(3)))
}

/// The body of a document as Markdown (no title, no source box).
pub(crate) fn body(blocks: &[Block], shift: i8, cites: &mut Cites) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading { level, text, .. } => {
                let l = (*level as i8 + shift).clamp(1, 6) as usize;
                let _ = writeln!(out, "{} {}\n", "#".repeat(l), escape::markdown(text));
            }
            Block::Paragraph { text, .. } => {
                let _ = writeln!(out, "{}\n", cites.inline(text));
            }
            Block::Figure { label, text, .. } => match label {
                Some(l) => {
                    let _ = writeln!(out, "**{}** {}\n", escape::markdown(l), cites.inline(text));
                }
                None => {
                    let _ = writeln!(out, "*{}*\n", cites.inline(text));
                }
            },
            Block::Code { text, .. } => match code_fence(text) {
                // A fenced block: what an editor expects in Markdown, and verbatim,
                // since Markdown reads nothing inside it.
                // Marked "text": neither highlighted as some guessed language nor
                // compiled as Rust by `mdbook test` (rustdoc's default).
                Some(fence) => {
                    let _ = writeln!(out, "{fence}text\n{text}\n{fence}\n");
                }
                // Else verbatim as an HTML block: every character that HTML, Markdown
                // or mdBook's `{{#include}}` could read as syntax is an entity, so the
                // scraped code shows as written whatever order the preprocessors run
                // in (a fenced block cannot escape "{{#").
                None => {
                    let _ = writeln!(out, "<pre><code>{}</code></pre>\n", escape::html_pre(text));
                }
            },
            Block::Table { rows, .. } => {
                // GitHub-flavoured Markdown (mdBook renders it): the first row is
                // the header, and every row gets as many cells as the widest.
                let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
                for (r, row) in rows.iter().enumerate() {
                    out.push('|');
                    for k in 0..width {
                        // `inline` escapes `|` (and all other Markdown syntax).
                        let cell = row.cells.get(k).map_or(String::new(), |c| cites.inline(c));
                        let _ = write!(out, " {cell} |");
                    }
                    out.push('\n');
                    if r == 0 {
                        out.push('|');
                        out.push_str(&" --- |".repeat(width));
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                for (i, it) in items.iter().enumerate() {
                    let marker = crate::clean::assemble::list_marker(*ordered, start + i);
                    let pad = " ".repeat(marker.len() + 1);
                    let _ = write!(out, "{marker} {}", cites.inline(&it.text));
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

/// The source box shown at the top of a chapter (HTML, all values escaped). On a page
/// in another language than English it carries `lang="en"`, inside the chapter's
/// `lang` block.
pub(crate) fn source_box(doc: &Document, notes_path: Option<&str>, from: &str) -> String {
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
    // A page may give several author lines, affiliations and history dates: each
    // is shown (one row under the same label), none dropped.
    for key in [
        MetaKey::Authors,
        MetaKey::Affiliation,
        MetaKey::Journal,
        MetaKey::Citation,
        MetaKey::Published,
        MetaKey::History,
        MetaKey::Pmid,
    ] {
        if matches!(
            key,
            MetaKey::Authors | MetaKey::Affiliation | MetaKey::History
        ) {
            for v in doc.meta_all(key) {
                rows.push((key.label().into(), esc(v)));
            }
        } else if let Some(v) = doc.meta(key) {
            rows.push((key.label().into(), esc(v)));
        }
    }
    if let Some(cite) = cite_as(doc) {
        rows.push(("Cite as".into(), esc(&cite)));
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
        MetaKey::ReviewDate,
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
            esc(&html_path(&relative(from, p)))
        ),
        None => String::new(),
    };
    rows.push((
        "Cleaned from".into(),
        format!("<code>{}</code>{notes}", esc(&doc.file)),
    ));
    // On a page in another language, the box's words (ours, in English) say so.
    let lang = if doc.language.is_some() {
        " lang=\"en\""
    } else {
        ""
    };
    let mut out = format!(
        "<aside class=\"seed-source\"{lang} aria-label=\"About this page's source\" data-pagefind-ignore>\n<dl>\n",
    );
    // Rows in a row under one label share its <dt>: a <dt> may have several <dd>.
    let mut last: Option<String> = None;
    for (k, v) in rows {
        if last.as_deref() == Some(k.as_str()) {
            let _ = writeln!(out, "<dd>{v}</dd>");
        } else {
            let _ = writeln!(out, "<dt>{k}</dt><dd>{v}</dd>");
        }
        last = Some(k);
    }
    out.push_str("</dl>\n");
    out.push_str(NOTICE);
    out.push_str("</aside>\n\n");
    out
}

/// The quiet notice on every page made from a scraped source.
const NOTICE: &str = "<p class=\"seed-notice\">Copied from a web page and cleaned by a program: \
    not medical advice, and possibly out of date. Ask your care team about your own situation.</p>\n";

/// The page's own citation, when the page is a publication (journal, citation or DOI known).
fn cite_as(doc: &Document) -> Option<String> {
    let journal = doc.meta(MetaKey::Journal);
    let citation = doc.meta(MetaKey::Citation);
    let doi = doc.meta(MetaKey::Doi);
    if journal.is_none() && citation.is_none() {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(a) = doc.meta(MetaKey::Authors) {
        parts.push(a.trim_end_matches('.').to_string());
    }
    if doc.title_origin != TitleOrigin::Derived && doc.title_origin != TitleOrigin::FileName {
        parts.push(doc.title.trim_end_matches('.').to_string());
    }
    let source = [journal, citation]
        .iter()
        .flatten()
        .map(|s| s.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join(". ");
    parts.push(source);
    let mut s = parts.join(". ") + ".";
    if let Some(d) = doi {
        s.push_str(&format!(" doi:{d}"));
    }
    Some(s)
}

/// The page mdBook renders for a chapter path: `seeds/x.md` → `seeds/x.html`,
/// `a.md#part` → `a.html#part`.
pub(crate) fn html_path(md_path: &str) -> String {
    let (path, fragment) = match md_path.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (md_path, None),
    };
    let page = match path.strip_suffix(".md") {
        Some(s) => format!("{s}.html"),
        None => path.to_string(),
    };
    match fragment {
        Some(f) => format!("{page}#{f}"),
        None => page,
    }
}

/// Relative link from the chapter at `from` to `to` (both relative to src/).
pub(crate) fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{}", "../".repeat(depth), to)
}

/// At most this many notes pages: mdBook's cost grows faster than linearly
/// with the number of chapters, so a large book groups its notes.
const MAX_NOTES_PAGES: usize = 50;

/// Where the notes of the `i`-th of `n` pages live: (notes page path, anchor).
pub(crate) fn notes_location(i: usize, n: usize, chapter_path: &str) -> (String, String) {
    let per = n.div_ceil(MAX_NOTES_PAGES).max(1);
    let stem = chapter_path
        .rsplit('/')
        .next()
        .unwrap_or(chapter_path)
        .trim_end_matches(".md");
    let page = if per == 1 {
        format!("{NOTES_DIR}/{stem}.md")
    } else {
        let first = i / per * per;
        format!(
            "{NOTES_DIR}/pages-{}-{}.md",
            first + 1,
            (first + per).min(n)
        )
    };
    (page, format!("notes-{stem}"))
}

/// Editorial notes: an index (one line per page, skipped files in full) and
/// the notes pages (every edit and warning of each source page), at most
/// `MAX_NOTES_PAGES` of them.
pub(crate) fn editorial_notes(
    pages: &[(&Document, &str, &Log, &crate::clean::Accounting)],
    skipped: &[Log],
) -> ChapterOut {
    let mut index = String::from("# Editorial notes\n\n");
    index.push_str(
        "The cleaner edits the raw scraped pages automatically. These pages list every edit, \
         page by page and line by line, so that a reader can check that nothing of the text was \
         lost or changed without reason. Line numbers refer to the raw files in `seeds/`.\n\n",
    );
    let n = pages.len();
    let mut children: Vec<ChapterOut> = Vec::new();
    for (i, (doc, path, log, accounting)) in pages.iter().enumerate() {
        let (np, anchor) = notes_location(i, n, path);
        // A list, not a table: a five-column table wrapped its last column into
        // a tall strip, and scrolled sideways on a phone.
        let _ = writeln!(
            index,
            "- [{}]({}#{anchor}): `{}`, {}, {}. Raw {}.",
            escape::markdown(&doc.title),
            relative("editorial-notes.md", &np),
            // In a code span nothing is markup; a backtick or a line break would end it.
            doc.file.replace(['`', '\n', '\r'], " "),
            counted(log.edits.len(), "edit"),
            counted(log.warnings.len(), "warning"),
            escape::markdown(&accounting.to_string())
        );
        if children.last().is_none_or(|c| c.path != np) {
            let name = match np
                .strip_prefix(NOTES_DIR)
                .and_then(|r| r.strip_prefix("/pages-"))
            {
                Some(range) => format!("Notes: pages {}", range.trim_end_matches(".md")),
                None => format!("Notes: {}", doc.title),
            };
            children.push(ChapterOut {
                content: format!("# {}\n\n", escape::markdown(&name)),
                name,
                path: np.clone(),
                children: Vec::new(),
            });
        }
        let Some(page) = children.last_mut() else {
            continue;
        };
        let _ = write!(
            page.content,
            "<h2 id=\"{anchor}\">{}</h2>\n\n[{}]({}) — from {}: {}, {}. The raw file's {}.\n\n",
            escape::html(&doc.title),
            escape::markdown(&doc.title),
            relative(&np, path),
            escape::markdown(&doc.file),
            counted(log.edits.len(), "edit"),
            counted(log.warnings.len(), "warning"),
            accounting
        );
        notes_table(&mut page.content, log);
    }
    index.push('\n');
    for log in skipped {
        let _ = writeln!(index, "## Skipped: {}\n", escape::markdown(&log.file));
        notes_table(&mut index, log);
    }
    ChapterOut {
        name: "Editorial notes".into(),
        path: NOTES_PATH.into(),
        content: index,
        children,
    }
}

#[cfg(test)]
mod notes_tests {
    use super::*;

    #[test]
    fn small_books_get_a_notes_page_per_source_large_ones_fifty_pages() {
        assert_eq!(
            notes_location(2, 5, "seeds/a-b.md"),
            ("editorial-notes/a-b.md".into(), "notes-a-b".into())
        );
        assert_eq!(
            notes_location(0, 10_000, "seeds/x.md").0,
            "editorial-notes/pages-1-200.md"
        );
        assert_eq!(
            notes_location(9_999, 10_000, "seeds/y.md").0,
            "editorial-notes/pages-9801-10000.md"
        );
        assert_eq!(
            notes_location(60, 101, "seeds/z.md").0,
            "editorial-notes/pages-61-63.md"
        );
    }
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
    // In a block of its own class: on a narrow screen theme/seeds.css shows each
    // row as a card instead of a table that scrolls sideways.
    out.push_str(
        "<div class=\"seeds-edits\">\n\n| Line | Edit | Why | Text |\n|---:|---|---|---|\n",
    );
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
    out.push_str("\n</div>\n\n");
}

fn cell(s: &str) -> String {
    escape::markdown(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page's header with five affiliation lines: each reaches the source box,
    /// under one "Affiliation" label (one <dt>, five <dd>), in page order.
    #[test]
    fn source_box_shows_every_affiliation_under_one_label() {
        let raw = include_bytes!("../../tests/fixtures/pdf_chapter_affiliations.txt");
        let cleaned = match crate::clean::clean_one("p.txt", raw) {
            Ok(c) => c,
            Err(e) => panic!("the fixture cleans: {e}"),
        };
        let b = source_box(&cleaned.pages[0].doc, None, "p.md");
        assert_eq!(b.matches("<dt>Affiliation</dt>").count(), 1, "{b}");
        let parts = [
            "Sarcoma Radiation Service",
            "Department of Radiation Oncology",
            "Northfield University School of Medicine",
            "Lakeside Regional Medical Center",
            "Springfield, Illinois",
        ];
        let at: Vec<usize> = parts
            .iter()
            .map(|p| b.find(&format!("<dd>{p}</dd>")).unwrap_or(usize::MAX))
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]) && at[4] < usize::MAX,
            "{b}"
        );
    }

    #[test]
    fn html_paths_keep_their_fragment() {
        assert_eq!(html_path("seeds/a.md"), "seeds/a.html");
        assert_eq!(html_path("../notes/a.md#x"), "../notes/a.html#x");
        assert_eq!(html_path("a.md.txt"), "a.md.txt");
    }
    use crate::clean::assemble::ListEntry;

    #[test]
    fn tables_render_as_gfm_with_a_header_and_every_cell() {
        use crate::clean::assemble::TableRow;
        let row = |cells: &[&str], line| TableRow {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            line,
        };
        let b = vec![Block::Table {
            rows: vec![row(&["Drug", "Dose"], 4), row(&["A|B", "", "*x*"], 5)],
        }];
        assert_eq!(
            body(&b, 0, &mut Cites::new(0)),
            "| Drug | Dose |  |\n| --- | --- | --- |\n| A\\|B |  | \\*x\\* |\n\n"
        );
    }

    /// A code block with a preprocessor's directive in it (mdBook's "{{#include}}", an
    /// HTML comment, a template tag) reaches the page as one `<pre>` element whose
    /// text is the code as scraped, indentation, blank-free lines and all, even with
    /// HTML and Markdown in it (read back through mdBook's own parser), and no
    /// directive is left in the Markdown.
    #[test]
    fn code_blocks_render_verbatim_in_one_pre_element() {
        for directive in [
            "{{#include /etc/passwd}}",
            "<!-- cmdrun rm -rf ~ -->",
            "{% include x %}",
        ] {
            let code = format!("SELECT *\n  FROM t -- <b>*x*</b> {directive}\n}}");
            pre_element_shows(&code);
        }
    }

    /// `code` rendered as one `<pre>` element of entities, showing as written.
    fn pre_element_shows(code: &str) {
        use mdbook_markdown::pulldown_cmark::{Event, html};
        let md = body(
            &[Block::Code {
                text: code.into(),
                line: 3,
            }],
            0,
            &mut Cites::new(0),
        );
        let o = mdbook_markdown::MarkdownOptions::default();
        let mut out = String::new();
        html::push_html(&mut out, mdbook_markdown::new_cmark_parser(&md, &o));
        assert_eq!(out.matches("<pre>").count(), 1, "{out}");
        assert!(!out.contains("<b>") && !out.contains("<em>"), "{out}");
        // What a browser shows: the entities decoded.
        let shown = out
            .trim_start_matches("<pre><code>")
            .trim_end()
            .trim_end_matches("</code></pre>")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#123;", "{")
            .replace("&#125;", "}");
        assert_eq!(shown, code);
        assert!(
            !md.contains("<!--") && !md.contains("{{") && !md.contains("{%"),
            "{md}"
        );
        assert!(mdbook_markdown::new_cmark_parser(&md, &o).any(|e| matches!(e, Event::Html(_))));
    }

    /// Code without mdBook's "{{" is a fenced block that shows exactly as scraped:
    /// HTML, Markdown and backtick fences inside it stay text.
    #[test]
    fn code_blocks_are_fenced_and_verbatim() {
        use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag};
        let code = "<b>*x*</b> \\n\n```\n  ````` [a](b)\n\n\tend";
        let md = body(
            &[
                Block::Code {
                    text: code.into(),
                    line: 3,
                },
                Block::Paragraph {
                    text: "After.".into(),
                    line: 9,
                },
            ],
            0,
            &mut Cites::new(0),
        );
        assert!(md.starts_with("``````text\n"), "{md}");
        let o = mdbook_markdown::MarkdownOptions::default();
        let events: Vec<Event> = mdbook_markdown::new_cmark_parser(&md, &o).collect();
        let inside: String = events
            .iter()
            .skip_while(|e| !matches!(e, Event::Start(Tag::CodeBlock(_))))
            .take_while(|e| !matches!(e, Event::End(_)))
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(inside, format!("{code}\n"));
        assert!(
            events.iter().any(|e| matches!(e,
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if &**info == "text")),
            "{events:?}"
        );
        assert!(events.contains(&Event::Text("After.".into())), "{events:?}");
    }

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
                start: 1,
                items: vec![ListEntry {
                    text: "Ma R".into(),
                    extra: vec!["Trends".into()],
                    line: 3,
                }],
            },
        ];
        assert_eq!(
            body(&b, 0, &mut Cites::new(0)),
            "## Side \\*effects\\*\n\n\\<img src=x onerror=alert(1)\\>\n\n1. Ma R\\\n   Trends\n\n"
        );
    }

    #[test]
    fn citations_link_to_entries_and_collect_backrefs() {
        let mut c = Cites::new(6);
        let out = c.inline("seen [2,3] and [4-6] but [9]. *x*");
        assert_eq!(
            out,
            "seen <span class=\"cite\" id=\"cite-1\">[<a href=\"#ref-2\">2</a>,<a href=\"#ref-3\">3</a>]</span> and \
             <span class=\"cite\" id=\"cite-2\">[<a href=\"#ref-4\">4</a>-<a href=\"#ref-6\">6</a>]</span> but \
             <span class=\"cite-missing\" title=\"No entry: this page's reference list was not in the scraped text\">[9]</span>. \\*x\\*"
        );
        assert_eq!(c.backrefs[4], vec!["#cite-2".to_string()]);
        let mut none = Cites::new(0);
        assert!(
            none.inline("[1] starts")
                .starts_with("<span class=\"cite-missing\"")
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
