//! The `clean` command: the cleaned Markdown (or outline) of raw page files, cleaned
//! together as one corpus, with the book's configuration when run inside a book.

use crate::clean::{Input, clean_corpus};
use crate::config::{Config, MetadataFile};
use crate::record::page_report;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `mdbook-seeds clean` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct CleanRequest {
    /// Raw page files (any encoding the decoder accepts).
    pub files: Vec<PathBuf>,
    /// Write `OUT/<file stem>.md` for each input instead of printing to standard output.
    pub out_dir: Option<PathBuf>,
    /// Write every edit with file:line (to standard error, or `OUT/report.txt`).
    pub report: bool,
    /// The book whose configuration applies (default: the current folder if it has book.toml).
    pub book: Option<PathBuf>,
    /// Print the plain outline of what the cleaner understood instead of Markdown.
    pub outline: bool,
    /// Write the title model's candidate lines and features here, as TSV (for
    /// `preprocessor/benches/cleaning/fit_title_model.py`).
    pub title_features: Option<PathBuf>,
    /// Write the runs of kept text away from the main text, with the run model's
    /// features, here as TSV (for `preprocessor/benches/cleaning/fit_run_model.py`).
    pub run_features: Option<PathBuf>,
}

/// Clean `req.files` as one corpus and write the result.
///
/// Errors: an unreadable input or output path, two inputs with the same file stem
/// (letter case aside) under `--out-dir`, or an invalid book configuration (each message names the file).
pub fn clean_files(req: &CleanRequest) -> Result<()> {
    let CleanRequest {
        files,
        out_dir,
        report,
        book,
        outline,
        title_features,
        run_features,
    } = req;
    let (out_dir, book, report, outline) = (out_dir.as_deref(), book.as_deref(), *report, *outline);
    let root = match book {
        Some(b) => Some(b.to_path_buf()),
        None => Path::new("book.toml").exists().then(|| PathBuf::from(".")),
    };
    let (config, metadata) = match &root {
        Some(r) => {
            let c = Config::from_book_root(r)?;
            let m = MetadataFile::load(&r.join(&c.seeds_dir).join(&c.metadata))?;
            (c, m)
        }
        None => (Config::default(), MetadataFile::default()),
    };
    let mut inputs = Vec::new();
    // Stems compared without case: on a case-insensitive file system (macOS, Windows)
    // "Same.md" and "same.md" are one file.
    let mut stems: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    for f in files {
        let bytes = std::fs::read(f).with_context(|| format!("cannot read {}", f.display()))?;
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .with_context(|| format!("{} is not a file", f.display()))?;
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if out_dir.is_some()
            && let Some(first) = stems.insert(stem.to_lowercase(), f.clone())
        {
            bail!(
                "two inputs share the file stem {stem:?} (letter case aside): {} and {}; their outputs would overwrite each other in --out-dir",
                first.display(),
                f.display()
            );
        }
        inputs.push(Input { name, bytes });
    }
    let cleaned = clean_corpus(&inputs, &config, &metadata)?;
    if let Some(path) = title_features {
        std::fs::write(path, title_features_tsv(&cleaned))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(path) = run_features {
        std::fs::write(path, run_features_tsv(&cleaned))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let (chapters, _) = super::chapters(&cleaned, &config);
    let mut report_text = String::new();
    for p in &cleaned.pages {
        report_text.push_str(&page_report(&p.doc.file, &p.accounting, &p.log));
    }
    for w in cleaned.skipped.iter().flat_map(|l| &l.warnings) {
        report_text.push_str(&format!("{w}\n"));
    }
    if !report {
        for w in cleaned.warnings() {
            eprintln!("mdbook-seeds: {w}");
        }
    }
    match out_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for (page, ch) in cleaned.pages.iter().zip(&chapters) {
                let text = if outline {
                    page.doc.outline()
                } else {
                    ch.markdown()
                };
                let stem = Path::new(&page.doc.file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let path = dir.join(format!("{stem}.md"));
                std::fs::write(&path, text)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            if report {
                let path = dir.join("report.txt");
                std::fs::write(&path, &report_text)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                // The report goes to the file; the terminal gets where it is, how much
                // it holds, and every warning (a skipped file, a page left empty, a
                // page in another language), as without --report.
                let (pages, warnings) = (cleaned.pages.len(), cleaned.warnings().count());
                eprintln!(
                    "mdbook-seeds: {pages} page{} cleaned into {}; every edit and {warnings} warning{} are listed in {}",
                    if pages == 1 { "" } else { "s" },
                    dir.display(),
                    if warnings == 1 { "" } else { "s" },
                    path.display()
                );
                for w in cleaned.warnings() {
                    eprintln!("mdbook-seeds: {w}");
                }
            }
        }
        None => {
            let mut out = std::io::stdout().lock();
            for (page, ch) in cleaned.pages.iter().zip(&chapters) {
                let text = if outline {
                    page.doc.outline()
                } else {
                    ch.markdown()
                };
                out.write_all(text.as_bytes())?;
            }
            if report {
                eprint!("{report_text}");
            }
        }
    }
    Ok(())
}

/// A features dump as TSV: a header row of `leading` column names, the `features`
/// names and "text", then one row per item: its leading cells, its features, and its
/// text (tabs and newlines as spaces). The input of a model's fitting script.
fn features_tsv<'a>(
    leading: &[&str],
    features: &[&str],
    rows: impl Iterator<Item = (Vec<String>, Vec<String>, &'a str)>,
) -> String {
    let mut out = format!("{}\t{}\ttext\n", leading.join("\t"), features.join("\t"));
    for (cells, values, text) in rows {
        out.push_str(&cells.join("\t"));
        for v in values {
            out.push('\t');
            out.push_str(&v);
        }
        out.push('\t');
        out.push_str(&text.replace(['\t', '\n', '\r'], " "));
        out.push('\n');
    }
    out
}

/// The title model's candidates of every page as TSV (`features_tsv`): file, line,
/// chosen (1 for the page's title), score, the features in `TITLE_FEATURES` order,
/// and the line's text.
fn title_features_tsv(cleaned: &crate::clean::Cleaned) -> String {
    use crate::clean::classify::TITLE_FEATURES;
    let rows = cleaned.pages.iter().flat_map(|p| {
        p.title_candidates.iter().map(|c| {
            (
                vec![
                    p.doc.file.clone(),
                    c.line.to_string(),
                    u8::from(c.chosen).to_string(),
                    c.score.to_string(),
                ],
                c.features.iter().map(f32::to_string).collect(),
                c.text.as_str(),
            )
        })
    });
    features_tsv(&["file", "line", "chosen", "score"], &TITLE_FEATURES, rows)
}

/// The runs of kept text away from each page's main text as TSV (`features_tsv`):
/// file, first and last line, kept (1 or 0), the run model's probability that it is
/// main text, the features in `RUN_FEATURES` order (four decimals), and the run's
/// text (its units joined with " / ").
fn run_features_tsv(cleaned: &crate::clean::Cleaned) -> String {
    use crate::clean::classify::RUN_FEATURES;
    let rows = cleaned.pages.iter().flat_map(|p| {
        p.runs.iter().map(|r| {
            (
                vec![
                    p.doc.file.clone(),
                    r.first_line.to_string(),
                    r.last_line.to_string(),
                    u8::from(r.kept).to_string(),
                    format!("{:.4}", r.probability),
                ],
                r.features.iter().map(|f| format!("{f:.4}")).collect(),
                r.text.as_str(),
            )
        })
    });
    features_tsv(
        &["file", "first", "last", "kept", "probability"],
        &RUN_FEATURES,
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::{run_features_tsv, title_features_tsv};
    use crate::clean::classify::{RUN_FEATURES, TITLE_FEATURES};
    use crate::clean::clean_one;

    /// One row per candidate, with every feature, and the page's title marked as
    /// chosen: what the title model's fitting script reads.
    #[test]
    fn title_features_list_every_candidate_with_the_chosen_one_marked() {
        let page = "Home\n\nNews\n\nLocal\n\nCouncil approves new river bridge after decade of debate\n\n\
            By Jane Example\n\n\
            The town council voted on Tuesday to build a new bridge across the river, ending a debate about the bridge that had lasted for more than a decade.\n\n\
            Work on the bridge will start in the spring and is expected to take two years, the council said.\n";
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let tsv = title_features_tsv(&cleaned);
        let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(
            rows[0].len(),
            TITLE_FEATURES.len() + 5,
            "{}",
            rows[0].join(" ")
        );
        assert_eq!(rows[0][..4], ["file", "line", "chosen", "score"]);
        assert_eq!(rows[0][4..rows[0].len() - 1], TITLE_FEATURES);
        assert_eq!(rows[0].last(), Some(&"text"));
        assert!(rows.len() >= 3, "{tsv}");
        for r in &rows[1..] {
            assert_eq!(r.len(), rows[0].len(), "{r:?}");
            assert_eq!(r[0], "p.txt");
        }
        let chosen: Vec<&str> = rows[1..]
            .iter()
            .filter(|r| r[2] == "1")
            .map(|r| *r.last().unwrap())
            .collect();
        assert_eq!(
            chosen,
            ["Council approves new river bridge after decade of debate"]
        );
        // A line of the built-in boilerplate list is never a candidate, nor the
        // text's first paragraph when it is a statement (ends with a full stop).
        assert!(rows.iter().all(|r| r.last() != Some(&"Home")), "{tsv}");
        assert!(
            rows.iter()
                .all(|r| !r.last().is_some_and(|t| t.starts_with("The town council"))),
            "{tsv}"
        );
    }

    /// One row per run away from the main text, with every feature, its line span,
    /// whether it was kept and its text: what the run model's fitting script reads.
    #[test]
    fn run_features_list_every_run_away_from_the_main_text() {
        let prose = "The town council voted on Tuesday to build a new bridge across the river, ending a debate about the bridge that had lasted for more than a decade.";
        let mut page = String::from("Council approves new river bridge\n\n");
        for i in 0..5 {
            page.push_str(&format!("{prose} Paragraph {i}.\n\n"));
        }
        page.push_str(
            "Share on Facebook\n\nShare on Twitter\n\nPrint this page\n\nSkip to content\n\n",
        );
        page.push_str("Mayor says the new park will open in the summer after a long delay.\n\n");
        page.push_str("Home\n\nContact us\n\nPrivacy policy\n");
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let tsv = run_features_tsv(&cleaned);
        let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(
            rows[0][..5],
            ["file", "first", "last", "kept", "probability"]
        );
        assert_eq!(rows[0][5..rows[0].len() - 1], RUN_FEATURES);
        assert_eq!(rows[0].last(), Some(&"text"));
        assert_eq!(rows.len(), 2, "{tsv}");
        let r = &rows[1];
        assert_eq!(r.len(), rows[0].len(), "{r:?}");
        assert_eq!(r[..4], ["p.txt", "21", "21", "0"]);
        assert_eq!(
            r.last(),
            Some(&"Mayor says the new park will open in the summer after a long delay.")
        );
    }
}
