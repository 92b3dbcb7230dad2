//! mdBook integration: read the seeds folder, clean it, load the glossary inputs
//! (`TermsInput`), build the bibliography, and put the chapters where SUMMARY.md holds
//! the draft placeholders; `clean_files.rs` is the `clean` command.

use crate::clean::assemble::{Block, Document};
use crate::clean::{Cleaned, Input, clean_corpus};
use crate::config::{Config, MetadataFile};
use crate::output::{self, ChapterOut};
use anyhow::{Context, Result, bail};
use mdbook_preprocessor::book::{Book, BookItem, Chapter, SectionNumber};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::collections::HashSet;
use std::fmt::Write;

mod clean_files;
pub use clean_files::{CleanRequest, clean_files};
use std::path::{Path, PathBuf};

pub(crate) const NAME: &str = "seeds";
pub(crate) const BIBLIOGRAPHY_PATH: &str = "bibliography.md";
pub(crate) const GLOSSARY_PATH: &str = "glossary.md";

/// What the terms pass needs besides the configuration.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermsInput {
    /// The curated glossary file.
    pub(crate) curated: crate::config::Curated,
    /// How mdBook will read the Markdown (`[output.html]`).
    pub(crate) md: crate::terms::markdown::MdOptions,
}

impl TermsInput {
    /// Load the glossary file named in the config (relative to the seeds folder)
    /// and read the Markdown settings of `[output.html]`.
    pub(crate) fn load(
        seeds_dir: &Path,
        config: &Config,
        book: &mdbook_preprocessor::config::Config,
    ) -> Result<Self> {
        let curated = crate::config::Curated::load(&seeds_dir.join(&config.terms.file))?;
        let flag = |key: &str| -> Result<bool> {
            Ok(book
                .get::<bool>(&format!("output.html.{key}"))
                .with_context(|| format!("book.toml: `output.html.{key}` must be true or false"))?
                .unwrap_or(true))
        };
        Ok(TermsInput {
            curated,
            md: crate::terms::markdown::MdOptions {
                smart_punctuation: flag("smart-punctuation")?,
                definition_lists: flag("definition-lists")?,
            },
        })
    }
}

/// What one run of the preprocessor reported: the one channel for warnings (cleaning,
/// glossary and cross-links alike), which the terminal, `strict` and `serve`'s banner
/// all read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RunReport {
    /// Every warning, as printed (`FILE:LINE: warning: …` for a page, `warning: …` for the
    /// book: placeholders, glossary, configuration).
    pub(crate) warnings: Vec<String>,
    /// The warnings of seed files that are not in the book at all (skipped).
    pub(crate) skipped: Vec<String>,
    /// Each glossary entry's forms (name, other spellings, brand names,
    /// abbreviation), for the search index.
    pub(crate) term_forms: Vec<Vec<String>>,
}

/// The `seeds` preprocessor.
///
/// mdBook's `Preprocessor::run` returns only the book; a preprocessor made with
/// [`SeedsPreprocessor::reporting_to`] also hands its [`RunReport`] to the caller
/// (`build` and `serve` do this).
#[derive(Debug, Default, Clone)]
pub struct SeedsPreprocessor {
    report: Option<std::sync::Arc<std::sync::Mutex<RunReport>>>,
    /// Set by `serve`: the warning kinds and files of the last build, so that a
    /// rebuild prints only the new ones.
    seen: Option<SeenWarnings>,
}

/// The (kind, file) pairs of the warnings of the last build (`None` before the
/// first), shared across the rebuilds of one `serve`.
pub(crate) type SeenWarnings =
    std::sync::Arc<std::sync::Mutex<Option<std::collections::BTreeSet<(String, String)>>>>;

impl SeedsPreprocessor {
    /// A preprocessor that writes each run's report into `sink`.
    pub(crate) fn reporting_to(sink: std::sync::Arc<std::sync::Mutex<RunReport>>) -> Self {
        SeedsPreprocessor {
            report: Some(sink),
            seen: None,
        }
    }

    /// The same, printing only the warnings whose kind and file are new since
    /// the build that last used `seen`.
    pub(crate) fn with_seen(mut self, seen: SeenWarnings) -> Self {
        self.seen = Some(seen);
        self
    }
}

impl Preprocessor for SeedsPreprocessor {
    fn name(&self) -> &str {
        NAME
    }

    fn run(
        &self,
        ctx: &PreprocessorContext,
        book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        if let Some(e) = other_tables_running_this(&ctx.config) {
            bail!(e);
        }
        let config = Config::from_mdbook(&ctx.config)?;
        let (cleaned, dir) = clean_book_dir(&ctx.root, &config)?;
        let terms = TermsInput::load(&dir, &config, &ctx.config)?;
        // The book's own warnings (placeholders, glossary, configuration) after the pages'.
        let (book, book_warnings, term_forms) = insert(book, &cleaned, &config, &terms)?;
        let report = RunReport {
            warnings: cleaned
                .warnings()
                .map(|w| w.to_string())
                .chain(book_warnings.into_iter().map(|w| format!("warning: {w}")))
                .collect(),
            skipped: cleaned
                .skipped
                .iter()
                .flat_map(|l| l.warnings.iter().map(|w| w.to_string()))
                .collect(),
            term_forms,
        };
        let verbose = std::env::var_os(VERBOSE).is_some();
        let lines = match self.seen.as_ref().and_then(|s| s.lock().ok()) {
            Some(mut seen) => new_warning_summary(&report.warnings, &mut seen, verbose),
            None => warning_summary(&report.warnings, verbose),
        };
        for line in lines {
            eprintln!("mdbook-seeds: {line}");
        }
        if let Some(sink) = &self.report
            && let Ok(mut r) = sink.lock()
        {
            *r = report.clone();
        }
        if config.strict && !report.warnings.is_empty() {
            bail!(
                "strict mode (`[preprocessor.seeds] strict = true`) fails on {} warning(s):\n{}",
                report.warnings.len(),
                report.warnings.join("\n")
            );
        }
        let seed_pages = count_seed_pages(&dir, &config);
        let mdbook_search: bool = ctx
            .config
            .get("output.html.search.enable")
            .ok()
            .flatten()
            .unwrap_or(true);
        if mdbook_search && config.search.engine(seed_pages) == crate::config::Engine::Pagefind {
            // Only `mdbook-seeds build` and `serve` can run Pagefind after mdBook.
            eprintln!(
                "mdbook-seeds: note: {seed_pages} seed pages: mdBook's search index will be large \
                 (about 3 times the text, downloaded whole on the first search). \
                 `mdbook-seeds build` indexes this book with Pagefind instead \
                 ([preprocessor.seeds.search] in book.toml)"
            );
        }
        Ok(book)
    }

    fn supports_renderer(&self, _renderer: &str) -> mdbook_preprocessor::errors::Result<bool> {
        Ok(true)
    }
}

/// A `[preprocessor.X]` table other than `[preprocessor.seeds]` whose command runs this
/// program (a typo such as `[preprocessor.seed]`): mdBook would run the preprocessor twice,
/// or under a name whose settings it never reads. The message says which table is real.
fn other_tables_running_this(book: &mdbook_preprocessor::config::Config) -> Option<String> {
    let tables: std::collections::BTreeMap<String, toml::Value> = book.preprocessors().ok()?;
    let others: Vec<&String> = tables
        .iter()
        .filter(|(name, t)| {
            name.as_str() != NAME
                && t.get("command")
                    .and_then(|c| c.as_str())
                    .is_some_and(|c| c.contains("mdbook-seeds"))
        })
        .map(|(name, _)| name)
        .collect();
    let first = others.first()?;
    Some(if tables.contains_key(NAME) {
        format!(
            "book.toml: [preprocessor.{first}] also runs mdbook-seeds, so every page would be cleaned twice; remove it: [preprocessor.{NAME}] is the real table"
        )
    } else {
        format!(
            "book.toml: [preprocessor.{first}] runs mdbook-seeds, whose table must be named [preprocessor.{NAME}] (its settings are read from there); rename it"
        )
    })
}

/// Set (to anything) to print every warning instead of one line per kind.
pub(crate) const VERBOSE: &str = "MDBOOK_SEEDS_VERBOSE";

/// What the terminal shows of a run's warnings: a count and one line per kind (the
/// message with its file, line, quoted words and numbers taken out), with how many and
/// the first file; a kind seen once is shown as written, with its values and its file
/// and line ("NUL or control byte at offset 7", not "offset N"); or, `verbose`, every
/// warning. The full list is always in the book's editorial notes.
pub(crate) fn warning_summary(warnings: &[String], verbose: bool) -> Vec<String> {
    if warnings.is_empty() {
        return Vec::new();
    }
    if verbose {
        return warnings.to_vec();
    }
    // (kind, how many, first file, first warning)
    let mut kinds: Vec<(String, usize, String, &str)> = Vec::new();
    for w in warnings {
        let (kind, file) = warning_kind(w);
        match kinds.iter_mut().find(|(k, _, _, _)| *k == kind) {
            Some((_, n, _, _)) => *n += 1,
            None => kinds.push((kind, 1, file, w)),
        }
    }
    let mut out = vec![format!(
        "{} warning(s) of {} kind(s); a page's warnings are also in its editorial notes (set {VERBOSE}=1 to print them all):",
        warnings.len(),
        kinds.len()
    )];
    for (kind, n, file, first) in kinds {
        if n == 1 {
            // One of its kind: the warning itself, its place first as in the notes.
            out.push(format!("  1 × {first}"));
            continue;
        }
        let place = if file.is_empty() {
            String::new()
        } else {
            format!(" (first in {file})")
        };
        out.push(format!("  {n} × {kind}{place}"));
    }
    out
}

/// A warning's kind (its message with quoted words and numbers taken out) and
/// its file ("" for the book's own warnings). A number is one that stands alone
/// ("citation [4]", "2.5 MB", a range "[1–3]"), not one inside a name ("UTF-8",
/// "Windows-1252").
fn warning_kind(w: &str) -> (String, String) {
    static QUOTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::builtin_regex(r#""[^"]*"|(^|[\s(\[#/])\d+(?:[.,]\d+)*(?:[–-]\d+)*\b"#)
    });
    let (file, message) = match w.split_once(": warning: ") {
        Some((place, m)) => (place.split(':').next().unwrap_or(place), m),
        None => ("", w),
    };
    let kind = QUOTED
        .replace_all(message, |c: &regex::Captures| {
            if c[0].starts_with('"') {
                "\"…\"".to_string()
            } else {
                format!("{}N", c.get(1).map_or("", |m| m.as_str()))
            }
        })
        .into_owned();
    (kind, file.to_string())
}

/// [`warning_summary`] for a rebuild in `serve`: only the warnings whose kind and
/// file were not among the last build's (`seen`, which becomes this build's).
/// The first build prints the whole summary.
pub(crate) fn new_warning_summary(
    warnings: &[String],
    seen: &mut Option<std::collections::BTreeSet<(String, String)>>,
    verbose: bool,
) -> Vec<String> {
    let now: std::collections::BTreeSet<(String, String)> =
        warnings.iter().map(|w| warning_kind(w)).collect();
    let Some(before) = seen.replace(now) else {
        return warning_summary(warnings, verbose);
    };
    let fresh: Vec<String> = warnings
        .iter()
        .filter(|w| !before.contains(&warning_kind(w)))
        .cloned()
        .collect();
    if fresh.is_empty() {
        return if warnings.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "{} warning(s), none new since the last build (set {VERBOSE}=1 to print them all)",
                warnings.len()
            )]
        };
    }
    let mut out = vec![format!(
        "{} warning(s) new since the last build ({} in all; the others are as before):",
        fresh.len(),
        warnings.len()
    )];
    out.extend(
        warning_summary(&fresh, verbose)
            .into_iter()
            .skip(usize::from(!verbose)),
    );
    out
}

/// Read every seed of a book and clean them as one corpus.
pub fn clean_book_dir(root: &Path, config: &Config) -> Result<(Cleaned, PathBuf)> {
    let dir = root.join(&config.seeds_dir);
    if !dir.is_dir() {
        bail!(
            "seeds folder {} not found; create it or set `seeds-dir` in [preprocessor.seeds] of book.toml",
            dir.display()
        );
    }
    let [meta_path, glossary_path] = own_files(&dir, config);
    let metadata = MetadataFile::load(&meta_path)?;
    let (inputs, mut unread) = read_inputs(
        &dir,
        &[meta_path.as_path(), glossary_path.as_path()],
        config.max_file_bytes,
    )?;
    let mut cleaned = clean_corpus(&inputs, config, &metadata)?;
    // Pages the metadata file describes that the folder does not hold (only the book's
    // own folder can say so: `clean FILE` speaks only of the files it was given).
    for name in metadata.pages.keys() {
        let present =
            inputs.iter().any(|i| &i.name == name) || unread.iter().any(|l| &l.file == name);
        if !present {
            let mut log = crate::record::Log::new(name);
            log.warn(
                0,
                "the metadata file describes this page, but there is no such file in the seeds folder",
            );
            cleaned.skipped.push(log);
        }
    }
    cleaned.skipped.append(&mut unread);
    Ok((cleaned, dir))
}

/// The book's own files in the seeds folder, which are not seeds: the
/// metadata file and the curated glossary.
pub(crate) fn own_files(dir: &Path, config: &Config) -> [PathBuf; 2] {
    [dir.join(&config.metadata), dir.join(&config.terms.file)]
}

/// The entries of the seeds folder that the build considers, in file-name order:
/// not hidden, not one of `config_files`. Those that are not seed pages
/// ([`is_seed_page`]: folders among them, whose pages are never read) are reported,
/// not read.
pub(crate) fn seed_folder_files(dir: &Path, config_files: &[&Path]) -> Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list the seeds folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                && !config_files.contains(&p.as_path())
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Folder levels [`holds_pages`] looks into.
const PAGE_FOLDER_DEPTH: usize = 3;

/// `dir` is named like a page ("021_dir.txt") or holds a `.txt` file within
/// [`PAGE_FOLDER_DEPTH`] levels: pages the build will not read.
fn holds_pages(dir: &Path) -> bool {
    fn walk(dir: &Path, depth: usize) -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        entries.filter_map(Result::ok).any(|e| {
            let p = e.path();
            if p.is_dir() {
                depth > 1 && walk(&p, depth - 1)
            } else {
                is_seed_page(&p)
            }
        })
    }
    dir.extension().and_then(|e| e.to_str()) == Some("txt") || walk(dir, PAGE_FOLDER_DEPTH)
}

/// A seed page: a `.txt` file (not a folder so named).
pub(crate) fn is_seed_page(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()) == Some("txt") && !path.is_dir()
}

/// The `.txt` files of the seeds folder, in file-name order.
pub fn read_inputs(
    dir: &Path,
    config_files: &[&Path],
    max_bytes: u64,
) -> Result<(Vec<Input>, Vec<crate::record::Log>)> {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in seed_folder_files(dir, config_files)? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut log = crate::record::Log::new(&name);
        if path.is_dir() {
            // A folder of images or an archive's "__MACOSX" holds no page: no warning.
            if holds_pages(&path) {
                log.warn(0, "a folder: the book reads only the .txt files right in the seeds folder, not those in folders inside it; it was ignored. Move its pages up into the seeds folder to include them");
                problems.push(log);
            }
            continue;
        }
        if !is_seed_page(&path) {
            log.warn(0, "not a .txt file, so not a seed page; it was ignored. Rename it to .txt to include it");
            problems.push(log);
            continue;
        }
        if let Ok(meta) = std::fs::metadata(&path)
            && meta.len() > max_bytes
        {
            log.warn(
                0,
                format!(
                    "the file is {:.1} MB, more than `max-file-bytes` = {} in [preprocessor.seeds]; it was skipped. Split the page or raise the limit",
                    meta.len() as f64 / 1e6,
                    max_bytes
                ),
            );
            problems.push(log);
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => inputs.push(Input { name, bytes }),
            Err(e) => {
                log.warn(
                    0,
                    format!("cannot read the file ({e}); it was skipped. Check its permissions"),
                );
                problems.push(log);
            }
        }
    }
    Ok((inputs, problems))
}

/// The most characters of a slug ([`slug`]).
const SLUG_MAX: usize = 60;

/// A URL-safe, readable file stem from a title: lower-case letters and digits,
/// each run of other characters one "-", at most [`SLUG_MAX`] characters, cut
/// after the last whole word that fits ("…-advances-and-future", not
/// "…-and-future-dir"). A first word longer than that is cut at the limit.
/// "page" when the title has no letter or digit.
pub(crate) fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-');
    let s = match s.char_indices().nth(SLUG_MAX) {
        None => s,
        // The character after the cut starts a word: the cut is at a word's end.
        Some((end, '-')) => &s[..end],
        Some((end, _)) => match s[..end].rfind('-') {
            Some(dash) => &s[..dash],
            None => &s[..end],
        },
    };
    if s.is_empty() {
        "page".into()
    } else {
        s.to_string()
    }
}

/// Render every cleaned page to chapters with unique paths.
/// Unique chapter paths (`seeds/<slug>.md`) for the cleaned pages, in order.
pub(crate) fn chapter_paths(cleaned: &Cleaned) -> Vec<String> {
    let mut used = HashSet::new();
    let mut paths = Vec::new();
    for page in &cleaned.pages {
        let base = slug(&page.doc.title);
        let mut stem = base.clone();
        let mut n = 2;
        while !used.insert(stem.clone()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        paths.push(format!("seeds/{stem}.md"));
    }
    paths
}

/// The book-wide bibliography: every reference once (same DOI, else same
/// title), with links to where each page lists it.
pub(crate) fn bibliography(cleaned: &Cleaned) -> String {
    use crate::clean::assemble::references::dedup_key;
    let paths = chapter_paths(cleaned);
    let mut order: Vec<String> = Vec::new();
    let mut entries: std::collections::HashMap<
        String,
        (&crate::clean::assemble::references::Reference, Vec<String>),
    > = std::collections::HashMap::new();
    for (page, path) in cleaned.pages.iter().zip(&paths) {
        for (i, r) in page.doc.references.iter().enumerate() {
            let key = dedup_key(r);
            let link = format!(
                "<a href=\"{}#ref-{}\">{}</a> [{}]",
                crate::text::escape::html(&output::html_path(path)),
                i + 1,
                crate::text::escape::html(&page.doc.title),
                i + 1
            );
            match entries.get_mut(&key) {
                Some((_, links)) => links.push(link),
                None => {
                    order.push(key.clone());
                    entries.insert(key, (r, vec![link]));
                }
            }
        }
    }
    let mut out = String::from(
        "# Bibliography\n\nEvery reference listed by the pages of this book, once, in the order the book \
         first lists it; a reference listed by several pages (same DOI, or same title) appears once with \
         all of them. Only references that the scraped pages contain are here: none is added.\n\n",
    );
    if order.is_empty() {
        out.push_str("No page of the book lists references.\n");
        return out;
    }
    let refs: Vec<crate::clean::assemble::references::Reference> =
        order.iter().map(|k| entries[k].0.clone()).collect();
    let html = crate::output::cite_format::format(&refs);
    out.push_str("<ol class=\"bibliography\">\n");
    for (k, h) in order.iter().zip(&html) {
        let _ = writeln!(
            out,
            "<li>{h}<br><span class=\"listed-in\">Listed in: {}</span></li>",
            entries[k].1.join("; ")
        );
    }
    out.push_str("</ol>\n");
    out
}

pub fn chapters(cleaned: &Cleaned, config: &Config) -> (Vec<ChapterOut>, ChapterOut) {
    let paths = chapter_paths(cleaned);
    let out: Vec<ChapterOut> = cleaned
        .pages
        .iter()
        .zip(&paths)
        .enumerate()
        .map(|(i, (page, path))| {
            let (np, anchor) = output::notes_location(i, paths.len(), path);
            chapter_for(&page.doc, path, &format!("{np}#{anchor}"), config)
        })
        .collect();
    let pages: Vec<_> = cleaned
        .pages
        .iter()
        .zip(&paths)
        .map(|(p, path)| (&p.doc, path.as_str(), &p.log, &p.accounting))
        .collect();
    let notes = output::editorial_notes(&pages, &cleaned.skipped);
    (out, notes)
}

/// One chapter, split into sub-chapters per top-level section when the page is long.
/// A page in another language than English has its chapters marked with its
/// language (`<div lang="es">`; the source box inside says `lang="en"`, see
/// [`output::source_box`]).
fn chapter_for(doc: &Document, path: &str, notes: &str, config: &Config) -> ChapterOut {
    let mut out = chapter_text(doc, path, notes, config);
    if let Some(tag) = doc.language {
        in_language(&mut out, tag);
    }
    out
}

/// Wrap a chapter's and its sub-chapters' Markdown in a `lang` block: the blank
/// lines after the opening tag and before the closing one keep the Markdown in
/// between Markdown (CommonMark's HTML blocks end at a blank line).
fn in_language(ch: &mut ChapterOut, tag: &str) {
    ch.content = format!("<div lang=\"{tag}\">\n\n{}\n</div>\n", ch.content);
    for c in &mut ch.children {
        in_language(c, tag);
    }
}

fn chapter_text(doc: &Document, path: &str, notes: &str, config: &Config) -> ChapterOut {
    let title = format!("# {}\n\n", crate::text::escape::markdown(&doc.title));
    let sbox = output::source_box(doc, Some(notes), path);
    let mut cites = output::Cites::new(doc.references.len());
    let sections = split_points(doc, config);
    if sections.is_empty() {
        let body = output::body(&doc.blocks, 0, &mut cites);
        let refs = output::references(&doc.references, &cites);
        return ChapterOut {
            name: doc.title.clone(),
            path: path.to_string(),
            content: format!("{title}{sbox}{body}{refs}"),
            children: Vec::new(),
        };
    }
    let stem = path.trim_end_matches(".md");
    let head = output::body(&doc.blocks[..sections[0]], 0, &mut cites);
    let mut children = Vec::new();
    for (k, w) in sections.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        let name = match &doc.blocks[a] {
            Block::Heading { text, .. } => text.clone(),
            _ => format!("Part {}", k + 1),
        };
        let child_path = format!("{stem}/{}.md", slug(&name));
        // Citations on a sub-chapter link to the References on the parent page.
        cites.to_refs = output::html_path(&output::relative(&child_path, path));
        cites.from_refs = output::html_path(&output::relative(path, &child_path));
        children.push(ChapterOut {
            name,
            content: output::body(&doc.blocks[a..b], -1, &mut cites),
            path: child_path,
            children: Vec::new(),
        });
    }
    let refs = output::references(&doc.references, &cites);
    ChapterOut {
        name: doc.title.clone(),
        path: path.to_string(),
        content: format!("{title}{sbox}{head}{refs}"),
        children,
    }
}

/// Block indexes where top-level sections start (plus the end), or empty when not splitting.
fn split_points(doc: &Document, config: &Config) -> Vec<usize> {
    let words = doc.word_count();
    let mut starts: Vec<usize> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Heading { level: 2, .. }))
        .map(|(i, _)| i)
        .collect();
    if starts.len() < 2
        || words < config.split.min_page_words
        || words / starts.len() < config.split.min_section_words
    {
        return Vec::new();
    }
    starts.push(doc.blocks.len());
    starts
}

/// Put the chapters into the book in place of the placeholders. Returns the book,
/// the glossary's and cross-linker's warnings, and each glossary entry's forms.
pub(crate) fn insert(
    mut book: Book,
    cleaned: &Cleaned,
    config: &Config,
    terms: &TermsInput,
) -> Result<(Book, Vec<String>, Vec<Vec<String>>)> {
    let (chs, notes) = chapters(cleaned, config);
    let mut seeds: Vec<BookItem> = chs
        .into_iter()
        .map(|c| BookItem::Chapter(to_chapter(c, Vec::new())))
        .collect();
    let mut warnings = Vec::new();
    let placed = replace_draft(&mut book.items, &config.placeholder, &mut seeds, &[]);
    if !placed {
        after_numbered(&mut book.items, std::mem::take(&mut seeds));
        warnings.push(format!(
            "SUMMARY.md has no `- [{}]()` line, so the seed chapters were put at the end of the book; add that line where they belong (`placeholder` in [preprocessor.seeds] names it)",
            config.placeholder
        ));
    }
    place(&mut book, &config.notes_placeholder, notes);
    // Without its placeholder, a bibliography with nothing in it is left out: the
    // book asked for no such page, and its pages list no reference.
    let bibliography_placeholder = book.iter().any(|it| {
        matches!(it, BookItem::Chapter(c)
            if c.is_draft_chapter() && c.name == config.bibliography_placeholder)
    });
    if bibliography_placeholder || cleaned.pages.iter().any(|p| !p.doc.references.is_empty()) {
        place(
            &mut book,
            &config.bibliography_placeholder,
            ChapterOut {
                name: String::new(),
                path: BIBLIOGRAPHY_PATH.into(),
                content: bibliography(cleaned),
                children: Vec::new(),
            },
        );
    }
    let mut term_forms = Vec::new();
    if config.terms.enable {
        let (glossary, w, forms) = link_terms(&mut book, cleaned, config, terms)?;
        warnings.extend(w);
        term_forms = forms;
        place(
            &mut book,
            &config.glossary_placeholder,
            ChapterOut {
                name: String::new(),
                path: GLOSSARY_PATH.into(),
                content: glossary,
                children: Vec::new(),
            },
        );
    }
    // The book's own warnings (placement, glossary, linking) are listed on the
    // notes index too, not only printed: a page's are on its notes page.
    if !warnings.is_empty() {
        let list: String = warnings
            .iter()
            .map(|w| format!("- {}\n", crate::text::escape::markdown(w)))
            .collect();
        book.for_each_chapter_mut(|ch| {
            if ch
                .path
                .as_deref()
                .is_some_and(|p| p == Path::new(crate::output::NOTES_PATH))
            {
                ch.content.push_str(&format!(
                    "\n## Warnings about the whole book\n\nThese concern the book, not one page (its SUMMARY.md, glossary or configuration):\n\n{list}"
                ));
            }
        });
    }
    renumber(&mut book.items, &[]);
    number_notes(&mut book.items);
    Ok((book, warnings, term_forms))
}

/// mdBook 0.5.4 nests sidebar entries by section number only, so the unnumbered
/// "Editorial notes" chapter's pages ("Notes: …", one per source page) stood at
/// the sidebar's top level beside the book's chapters. The notes get the next
/// number after the book's numbered chapters, and their pages numbers under it,
/// so that the sidebar holds one entry for them with its pages nested.
fn number_notes(items: &mut [BookItem]) {
    let last = items
        .iter()
        .filter_map(|it| match it {
            BookItem::Chapter(c) => c.number.as_ref().and_then(|n| n.first().copied()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    for it in items.iter_mut() {
        if let BookItem::Chapter(c) = it
            && c.path.as_deref() == Some(Path::new(crate::output::NOTES_PATH))
            && !c.sub_items.is_empty()
        {
            c.number = Some(SectionNumber::new(vec![last + 1]));
            renumber_all(&mut c.sub_items, &[last + 1]);
        }
    }
}

/// Number every chapter under `prefix`, numbered or not.
fn renumber_all(items: &mut [BookItem], prefix: &[u32]) {
    let mut n = 0;
    for it in items {
        if let BookItem::Chapter(ch) = it {
            n += 1;
            let mut num = prefix.to_vec();
            num.push(n);
            ch.number = Some(SectionNumber::new(num.clone()));
            renumber_all(&mut ch.sub_items, &num);
        }
    }
}

/// The seed pages in `dir`, counted as the build reads them
/// ([`seed_folder_files`]); 0 if the folder cannot be listed
/// (the preprocessor reports that).
pub(crate) fn count_seed_pages(dir: &Path, config: &Config) -> usize {
    let [meta, glossary] = own_files(dir, config);
    seed_folder_files(dir, &[meta.as_path(), glossary.as_path()])
        .map(|files| files.iter().filter(|p| is_seed_page(p)).count())
        .unwrap_or(0)
}

/// Is this a chapter the book generates as an appendix (never cross-linked)?
fn is_generated(path: &str) -> bool {
    crate::output::is_notes_path(path) || path == BIBLIOGRAPHY_PATH || path == GLOSSARY_PATH
}

/// Cross-link every chapter (hand-written ones too) and return the glossary's Markdown.
fn link_terms(
    book: &mut Book,
    cleaned: &Cleaned,
    config: &Config,
    terms: &TermsInput,
) -> Result<(String, Vec<String>, Vec<Vec<String>>)> {
    let derived: HashSet<String> = cleaned
        .pages
        .iter()
        .zip(chapter_paths(cleaned))
        .filter(|(p, _)| {
            matches!(
                p.doc.title_origin,
                crate::clean::assemble::TitleOrigin::Derived
                    | crate::clean::assemble::TitleOrigin::FileName
            )
        })
        .map(|(_, path)| path)
        .collect();
    let mut chapters = Vec::new();
    book.for_each_chapter_mut(|ch| {
        if let Some(p) = &ch.path {
            let path = p.to_string_lossy().replace('\\', "/");
            if !is_generated(&path) {
                chapters.push(crate::terms::ChapterText {
                    derived_title: derived.contains(&path),
                    path,
                    name: ch.name.clone(),
                    content: ch.content.clone(),
                });
            }
        }
    });
    let setup = crate::terms::Setup {
        config: &config.terms,
        curated: &terms.curated,
        md: terms.md,
        glossary_path: GLOSSARY_PATH,
    };
    let linked = crate::terms::link_book(&chapters, &setup)?;
    let mut contents = linked.contents.into_iter();
    book.for_each_chapter_mut(|ch| {
        if let Some(p) = &ch.path
            && !is_generated(&p.to_string_lossy().replace('\\', "/"))
            && let Some(c) = contents.next()
        {
            ch.content = c;
        }
    });
    let forms = linked
        .entries
        .iter()
        .map(|e| {
            let mut f: Vec<String> = e.forms.iter().map(|(x, _)| x.clone()).collect();
            f.push(e.name.clone());
            f.extend(e.expansion.iter().cloned());
            f.sort();
            f.dedup();
            f
        })
        .collect();
    Ok((linked.glossary, linked.warnings, forms))
}

/// Put a generated chapter where SUMMARY.md has its draft placeholder `name`
/// (numbered or not, as the placeholder is); without one, as a numbered chapter
/// right after the book's last numbered chapter at the top level
/// ([`after_numbered`]).
fn place(book: &mut Book, name: &str, chapter: ChapterOut) {
    let chapter = ChapterOut {
        name: name.to_string(),
        ..chapter
    };
    let mut item = vec![BookItem::Chapter(to_chapter(chapter, Vec::new()))];
    if !replace_draft(&mut book.items, name, &mut item, &[]) {
        after_numbered(&mut book.items, item);
    }
}

/// Insert `new` (numbered chapters) right after the last numbered chapter of
/// `items`, before the unnumbered chapters that close a book (SUMMARY.md's suffix
/// chapters, such as `[Editorial notes]()`), or at the end when no chapter is
/// numbered. Appended after a suffix chapter, a numbered chapter was numbered
/// before it: the sidebar read "8. Editorial notes", then "7. Bibliography".
fn after_numbered(items: &mut Vec<BookItem>, new: Vec<BookItem>) {
    let at = items
        .iter()
        .rposition(|it| matches!(it, BookItem::Chapter(c) if c.number.is_some()))
        .map_or(items.len(), |i| i + 1);
    items.splice(at..at, new);
}

fn to_chapter(c: ChapterOut, parents: Vec<String>) -> Chapter {
    let mut child_parents = parents.clone();
    child_parents.push(c.name.clone());
    Chapter {
        name: c.name,
        content: c.content,
        number: Some(SectionNumber::default()),
        sub_items: c
            .children
            .into_iter()
            .map(|ch| BookItem::Chapter(to_chapter(ch, child_parents.clone())))
            .collect(),
        path: Some(PathBuf::from(c.path)),
        source_path: None,
        parent_names: parents,
    }
}

/// Replace the draft chapter named `name` (anywhere in the tree) by `new` items.
/// Numbered placeholders give numbered chapters; unnumbered ones, unnumbered.
fn replace_draft(
    items: &mut Vec<BookItem>,
    name: &str,
    new: &mut Vec<BookItem>,
    parents: &[String],
) -> bool {
    for i in 0..items.len() {
        if let BookItem::Chapter(ch) = &mut items[i] {
            if ch.is_draft_chapter() && ch.name == name {
                let numbered = ch.number.is_some();
                // Hand-written chapters nested under the placeholder stay, after the
                // generated ones (plain mdBook renders them too).
                let nested = std::mem::take(&mut ch.sub_items);
                let mut repl: Vec<BookItem> = std::mem::take(new);
                repl.extend(nested);
                for it in &mut repl {
                    if let BookItem::Chapter(c) = it {
                        set_parents(c, parents);
                        if !numbered {
                            clear_numbers(c);
                        }
                    }
                }
                items.splice(i..=i, repl);
                return true;
            }
            let mut p = parents.to_vec();
            p.push(ch.name.clone());
            if replace_draft(&mut ch.sub_items, name, new, &p) {
                return true;
            }
        }
    }
    false
}

fn set_parents(c: &mut Chapter, parents: &[String]) {
    c.parent_names = parents.to_vec();
    let mut p = parents.to_vec();
    p.push(c.name.clone());
    for it in &mut c.sub_items {
        if let BookItem::Chapter(ch) = it {
            set_parents(ch, &p);
        }
    }
}

fn clear_numbers(c: &mut Chapter) {
    c.number = None;
    for it in &mut c.sub_items {
        if let BookItem::Chapter(ch) = it {
            clear_numbers(ch);
        }
    }
}

/// Number the numbered chapters 1, 2, 3 … at each level, in order.
fn renumber(items: &mut [BookItem], prefix: &[u32]) {
    let mut n = 0;
    for it in items {
        if let BookItem::Chapter(ch) = it
            && ch.number.is_some()
        {
            n += 1;
            let mut num = prefix.to_vec();
            num.push(n);
            ch.number = Some(SectionNumber::new(num.clone()));
            renumber(&mut ch.sub_items, &num);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_summarised_by_kind() {
        let w: Vec<String> = [
            "a.txt:13: warning: citation [1] has no reference list: shown unlinked",
            "a.txt:45: warning: citation [4] has no reference list: shown unlinked",
            "b.txt: warning: the page has no title line; derived \"X\" from its most frequent phrase",
            "glossary: the term form \"ct\" belongs to both \"A\" and \"B\"",
        ]
        .map(String::from)
        .to_vec();
        let s = warning_summary(&w, false);
        assert_eq!(s.len(), 4, "{s:#?}");
        assert!(s[0].starts_with("4 warning(s) of 3 kind(s)"), "{s:#?}");
        assert!(
            s[1].contains("2 × citation [N] has no reference list")
                && s[1].contains("first in a.txt"),
            "{s:#?}"
        );
        // A kind seen once keeps its values and its place.
        assert_eq!(
            s[2],
            "  1 × b.txt: warning: the page has no title line; derived \"X\" from its most frequent phrase",
            "{s:#?}"
        );
        assert_eq!(warning_summary(&w, true), w);
        assert!(warning_summary(&[], false).is_empty());
        // Numbers inside names stay; numbers standing alone are counted as one kind.
        let (kind, file) = warning_kind(
            "c.txt:1: warning: not valid UTF-8; decoded as Windows-1252 (12 bytes). Save the file as UTF-8",
        );
        assert_eq!(file, "c.txt");
        assert_eq!(
            kind,
            "not valid UTF-8; decoded as Windows-1252 (N bytes). Save the file as UTF-8"
        );
        assert_eq!(
            warning_kind("d.txt: warning: the file is 2.5 MB").0,
            "the file is N MB"
        );
        assert_eq!(
            warning_kind("e.txt:3: warning: citation [1–3] has no reference list").0,
            warning_kind("e.txt:9: warning: citation [4] has no reference list").0
        );
    }

    /// Issue 20: every rebuild in `serve` printed every warning again. A rebuild
    /// prints only the kinds and files that are new.
    #[test]
    fn a_rebuild_prints_only_new_kinds_of_warning() {
        let w = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let mut seen = None;
        let first = w(&[
            "a.txt:13: warning: citation [1] has no reference list",
            "b.txt: warning: the page has no title line",
        ]);
        let s = new_warning_summary(&first, &mut seen, false);
        assert!(s[0].starts_with("2 warning(s) of 2 kind(s)"), "{s:#?}");
        // The same kinds again, even on other lines and with other numbers.
        let again = w(&[
            "a.txt:20: warning: citation [7] has no reference list",
            "b.txt: warning: the page has no title line",
        ]);
        let s = new_warning_summary(&again, &mut seen, false);
        assert_eq!(
            s,
            vec![
                "2 warning(s), none new since the last build (set MDBOOK_SEEDS_VERBOSE=1 to print them all)"
            ]
        );
        // A known kind in a new file, and a new kind: both are new.
        let more = w(&[
            "a.txt:20: warning: citation [7] has no reference list",
            "c.txt:3: warning: citation [2] has no reference list",
            "b.txt: warning: the page has no title line",
            "b.txt:9: warning: unknown word \"zz\" left as it is",
        ]);
        let s = new_warning_summary(&more, &mut seen, false);
        assert!(
            s[0].starts_with("2 warning(s) new since the last build (4 in all"),
            "{s:#?}"
        );
        assert_eq!(s.len(), 3, "{s:#?}");
        // Each new kind is seen once here: shown as written, values and place kept.
        assert!(
            s[1].contains("citation [2]") && s[1].contains("c.txt:3"),
            "{s:#?}"
        );
        assert!(s[2].contains("unknown word \"zz\""), "{s:#?}");
        assert!(new_warning_summary(&[], &mut seen, false).is_empty());
    }

    /// Lines that are boilerplate one by one stay boilerplate when reflow joins
    /// them. The page is from the scale benchmark's corpus: a held-out NCI page
    /// inside a generated one, where "An official website of the United States
    /// government" and "Here's how you know" were joined and became the title.
    #[test]
    fn joined_boilerplate_lines_are_removed() {
        let page = include_str!("../../tests/regressions/joined_banner_title.txt");
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let (chs, _) = chapters(&cleaned, &crate::config::Config::default());
        let md: String = chs.iter().map(|c| c.markdown()).collect();
        // The title is the page's headline, without the "On This Page" that reflow
        // joined to it (cut and recorded), and the banner is gone.
        assert!(
            md.starts_with(
                "# Osteosarcoma and Undifferentiated Pleomorphic Sarcoma of Bone Treatment\n"
            ),
            "{md}"
        );
        assert!(
            !md.contains("official website of the") && !md.contains("how you know"),
            "{md}"
        );
        // Both lines are removed as boilerplate, joined or (since reflow keeps a
        // heading-shaped line apart when the next word would have fitted on it) one by
        // one.
        let log = &cleaned.pages[0].log;
        for line in [
            "An official website of the United States government",
            "Here's how you know",
            // Two lines joined by reflow, each boilerplate on its own.
            "United States. Secure .gov websites use HTTPS",
        ] {
            assert!(
                log.edits
                    .iter()
                    .any(|e| e.reason.starts_with("boilerplate") && e.before.contains(line)),
                "{line}: {:?}",
                log.edits
            );
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Systemic strategies for osteosarcoma: advances and future directions"),
            "systemic-strategies-for-osteosarcoma-advances-and-future"
        );
        // Cut at the limit exactly when a word ends there, or inside one long word.
        let sixty = "a".repeat(55) + " bcde fgh";
        assert_eq!(slug(&sixty), "a".repeat(55) + "-bcde");
        assert_eq!(slug(&"x".repeat(70)), "x".repeat(60));
        assert_eq!(slug(&("é".repeat(58) + " ab")), "é".repeat(58));
        assert_eq!(slug("Ewing's sarcoma — 2.0"), "ewing-s-sarcoma-2-0");
        assert_eq!(slug("???"), "page");
        assert_eq!(slug("Ostéosarcome"), "ostéosarcome");
    }

    #[test]
    fn placeholder_is_replaced_and_numbered() {
        let mut book = Book::new();
        let mut intro = Chapter::new("Intro", String::new(), "intro.md", vec![]);
        intro.number = None;
        book.items.push(BookItem::Chapter(intro));
        book.items.push(BookItem::Chapter(articles_draft()));
        let cleaned = crate::clean::clean_one(
            "a.txt",
            b"Outcomes of bone tumours\n\nThe treatment of the patient with a localised primary bone tumour is aimed at cure in most of the cases we see.\n",
        )
        .unwrap();
        let (book, _, _) =
            insert(book, &cleaned, &Config::default(), &TermsInput::default()).unwrap();
        let names = names_and_numbers(book.iter());
        assert_eq!(names[0], ("Intro".to_string(), None));
        assert_eq!(
            names[1],
            (
                "Outcomes of bone tumours".to_string(),
                Some("1.".to_string())
            )
        );
        assert_eq!(names[2].0, "Editorial notes");
    }

    /// A page in another language: its chapter is marked with the language's tag
    /// for screen readers (and the Markdown inside stays Markdown), the source
    /// box with English, its question headings are headings ("¿" before the
    /// capital), and the notes count one warning in the singular. An English page
    /// gets no mark.
    #[test]
    fn a_page_in_another_language_is_marked_with_its_language() {
        let page = "El sarcoma de Ewing: guía para pacientes\n\n\
            El sarcoma de Ewing es un tipo de cáncer que se forma en los huesos o en el tejido blando que los rodea, sobre todo en niños y adolescentes.\n\n\
            ¿Dónde aparece?\n\n\
            Suele aparecer en la pelvis, el fémur, la tibia y las costillas, y a veces se extiende a los pulmones antes del diagnóstico.\n";
        let cleaned = crate::clean::clean_one("es.txt", page.as_bytes()).unwrap();
        let (chs, notes) = chapters(&cleaned, &Config::default());
        let md = &chs[0].content;
        assert!(
            md.starts_with("<div lang=\"es\">\n\n# El sarcoma de Ewing"),
            "{md}"
        );
        assert!(md.trim_end().ends_with("</div>"), "{md}");
        assert!(md.contains("\n\n## ¿Dónde aparece?\n\n"), "{md}");
        assert!(
            md.contains("<aside class=\"seed-source\" lang=\"en\" aria-label"),
            "{md}"
        );
        let notes = notes.markdown();
        assert!(
            notes.contains("`es.txt`, 1 edit, 1 warning. Raw"),
            "{notes}"
        );
        assert!(notes.contains("from es.txt: 1 edit, 1 warning."), "{notes}");
        // A long page's sub-chapters are marked too.
        let mut ch = ChapterOut {
            name: "a".into(),
            path: "a.md".into(),
            content: "# a\n".into(),
            children: vec![ChapterOut {
                name: "b".into(),
                path: "a/b.md".into(),
                content: "## b\n".into(),
                children: Vec::new(),
            }],
        };
        in_language(&mut ch, "fr");
        assert_eq!(
            ch.children[0].content,
            "<div lang=\"fr\">\n\n## b\n\n</div>\n"
        );
        let (chs, _) = chapters(&one_page(), &Config::default());
        assert!(!chs[0].content.contains("lang="), "{}", chs[0].content);
        assert!(
            chs[0]
                .content
                .contains("<aside class=\"seed-source\" aria-label")
        );
    }

    /// Each chapter's name and number ("1.", or none), in order.
    fn names_and_numbers<'a>(
        items: impl Iterator<Item = &'a BookItem>,
    ) -> Vec<(String, Option<String>)> {
        items
            .filter_map(|i| match i {
                BookItem::Chapter(c) => {
                    Some((c.name.clone(), c.number.as_ref().map(|n| n.to_string())))
                }
                _ => None,
            })
            .collect()
    }

    /// SUMMARY.md's numbered `- [Articles]()` placeholder.
    fn articles_draft() -> Chapter {
        let mut draft = Chapter::new_draft("Articles", vec![]);
        draft.number = Some(SectionNumber::new(vec![1]));
        draft
    }

    fn one_page() -> Cleaned {
        crate::clean::clean_one(
            "a.txt",
            b"Outcomes of bone tumours\n\nThe treatment of the patient with a localised primary bone tumour is aimed at cure in most of the cases we see.\n",
        )
        .unwrap()
    }

    /// Generated chapters without a placeholder go after the last numbered chapter,
    /// before the book's closing unnumbered ones, so that the sidebar's numbers run
    /// in order; a bibliography with no reference and no placeholder is left out.
    #[test]
    fn generated_chapters_without_a_placeholder_are_numbered_in_order() {
        let mut book = Book::new();
        book.items.push(BookItem::Chapter(articles_draft()));
        let mut notes = Chapter::new_draft("Editorial notes", vec![]);
        notes.number = None;
        book.items.push(BookItem::Chapter(notes));
        let (book, _, _) = insert(
            book,
            &one_page(),
            &Config::default(),
            &TermsInput::default(),
        )
        .unwrap();
        let top = names_and_numbers(book.items.iter());
        let names: Vec<&str> = top.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Outcomes of bone tumours", "Glossary", "Editorial notes"],
            "{top:?}"
        );
        let numbers: Vec<Option<&str>> = top.iter().map(|(_, n)| n.as_deref()).collect();
        assert_eq!(numbers, [Some("1."), Some("2."), Some("3.")], "{top:?}");
    }

    #[test]
    fn a_chapter_nested_under_the_placeholder_is_kept_after_the_seeds() {
        let mut book = Book::new();
        let mut draft = articles_draft();
        let mut mine = Chapter::new(
            "My own page",
            "# Mine".into(),
            "mine.md",
            vec!["Articles".into()],
        );
        mine.number = Some(SectionNumber::new(vec![1, 1]));
        draft.sub_items.push(BookItem::Chapter(mine));
        book.items.push(BookItem::Chapter(draft));
        let (book, warnings, _) = insert(
            book,
            &one_page(),
            &Config::default(),
            &TermsInput::default(),
        )
        .unwrap();
        let names: Vec<String> = book
            .iter()
            .filter_map(|i| match i {
                BookItem::Chapter(c) => Some(c.name.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(names[0], "Outcomes of bone tumours");
        assert_eq!(names[1], "My own page", "{names:?}");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_missing_placeholder_is_a_warning_naming_the_line() {
        let book = Book::new();
        let (mut book, warnings, _) = insert(
            book,
            &one_page(),
            &Config::default(),
            &TermsInput::default(),
        )
        .unwrap();
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("SUMMARY.md has no `- [Articles]()` line")),
            "{warnings:?}"
        );
        // Issue 20: the book's own warnings are listed on the notes index too.
        let mut notes = String::new();
        book.for_each_chapter_mut(|c| {
            if c.path.as_deref() == Some(Path::new(crate::output::NOTES_PATH)) {
                notes = c.content.clone();
            }
        });
        assert!(
            notes.contains("## Warnings about the whole book")
                && notes.contains("SUMMARY.md has no \\`- \\[Articles\\]()\\` line"),
            "{notes}"
        );
    }

    #[test]
    fn a_second_table_running_this_program_is_an_error() {
        let both: mdbook_preprocessor::config::Config = toml::from_str(
            "[preprocessor.seeds]\ncommand = \"mdbook-seeds\"\n[preprocessor.seed]\ncommand = \"cargo run -p mdbook-seeds --\"\n",
        )
        .unwrap();
        let e = other_tables_running_this(&both).unwrap();
        assert!(
            e.contains("[preprocessor.seed] also runs")
                && e.contains("[preprocessor.seeds] is the real table"),
            "{e}"
        );
        let typo: mdbook_preprocessor::config::Config =
            toml::from_str("[preprocessor.seed]\ncommand = \"mdbook-seeds\"\n").unwrap();
        assert!(
            other_tables_running_this(&typo)
                .unwrap()
                .contains("rename it")
        );
        let fine: mdbook_preprocessor::config::Config =
            toml::from_str("[preprocessor.seeds]\ncommand = \"mdbook-seeds\"\n[preprocessor.toc]\ncommand = \"mdbook-toc\"\n").unwrap();
        assert_eq!(other_tables_running_this(&fine), None);
    }
}
