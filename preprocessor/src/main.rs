//! The `mdbook-seeds` binary: mdBook preprocessor protocol, `build`, `clean`.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use mdbook_preprocessor::Preprocessor;
use mdbook_seeds::SeedsPreprocessor;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mdbook-seeds",
    version,
    about = "Turn raw scraped web pages into a clean, searchable mdBook",
    long_about = "Turn raw scraped web pages into a clean, searchable mdBook.\n\n\
        Without a subcommand it runs as an mdBook preprocessor: it reads the book as JSON on \
        standard input and writes the book with the cleaned chapters to standard output."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Tell mdBook whether a renderer is supported (preprocessor protocol).
    Supports {
        /// The renderer's name, e.g. html.
        renderer: String,
    },
    /// Build the book with mdBook embedded (no mdBook install needed).
    Build {
        /// The book's root folder (the one with book.toml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Write the site here instead of the book's build folder.
        #[arg(long, short = 'd')]
        dest_dir: Option<PathBuf>,
    },
    /// Build the book, serve it on localhost, and rebuild and reload open pages
    /// when a file of the book changes (seeds, src, theme, book.toml).
    Serve {
        /// The book's root folder (the one with book.toml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Port to listen on (0: any free port).
        #[arg(long, short = 'p', default_value_t = 3000)]
        port: u16,
        /// Address to listen on.
        #[arg(long, short = 'n', default_value = "127.0.0.1")]
        hostname: String,
        /// Open the book in the default web browser.
        #[arg(long, short = 'o')]
        open: bool,
    },
    /// Print the cleaned Markdown of raw pages (all cleaned together as one corpus).
    Clean {
        /// Raw page files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write OUT/<file stem>.md for each input instead of printing.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Print every edit with file:line to standard error (or OUT/report.txt with --out-dir).
        #[arg(long)]
        report: bool,
        /// The book whose configuration applies (default: the current folder if it has book.toml).
        #[arg(long)]
        book: Option<PathBuf>,
        /// Print a plain outline of what the cleaner understood (title, metadata, blocks)
        /// instead of the Markdown.
        #[arg(long)]
        outline: bool,
        /// Write each page's title candidates and their features to FILE as TSV (for
        /// fitting the title model; see preprocessor/benches/cleaning/fit_title_model.py).
        #[arg(long, value_name = "FILE")]
        title_features: Option<PathBuf>,
        /// Write each page's runs of kept text away from the main text, with their
        /// features, to FILE as TSV (for fitting the run model; see
        /// preprocessor/benches/cleaning/fit_run_model.py).
        #[arg(long, value_name = "FILE")]
        run_features: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => preprocess(),
        Some(Command::Supports { renderer }) => {
            return match SeedsPreprocessor::default().supports_renderer(&renderer) {
                Ok(true) => ExitCode::SUCCESS,
                _ => ExitCode::FAILURE,
            };
        }
        Some(Command::Serve {
            dir,
            port,
            hostname,
            open,
        }) => mdbook_seeds::serve(&mdbook_seeds::ServeOptions {
            root: dir,
            hostname,
            port,
            open,
        }),
        Some(Command::Build { dir, dest_dir }) => build(&dir, dest_dir),
        Some(Command::Clean {
            files,
            out_dir,
            report,
            book,
            outline,
            title_features,
            run_features,
        }) => clean(
            &files,
            out_dir.as_deref(),
            report,
            book.as_deref(),
            outline,
            [title_features, run_features],
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mdbook-seeds: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn preprocess() -> Result<()> {
    let (ctx, book) = mdbook_preprocessor::parse_input(std::io::stdin())
        .context("reading the book from mdBook on standard input")?;
    let book = SeedsPreprocessor::default().run(&ctx, book)?;
    let stdout = std::io::stdout();
    serde_json::to_writer(stdout.lock(), &book).context("writing the book to standard output")?;
    Ok(())
}

fn build(dir: &Path, dest: Option<PathBuf>) -> Result<()> {
    let start = std::time::Instant::now();
    let built = mdbook_seeds::build(dir, dest.as_deref())?;
    if let Some(p) = &built.pagefind {
        eprintln!(
            "mdbook-seeds: search: Pagefind ({} seed pages): {} pages and {} words indexed in {:.2}s, index {:.2} MB",
            built.seed_pages,
            p.pages,
            p.words,
            p.elapsed.as_secs_f64(),
            p.index_bytes as f64 / 1e6,
        );
    }
    if let Some(r) = &built.search_index {
        eprintln!(
            "mdbook-seeds: search: {} sections of the book can be searched (each heading starts one); \
             the source box of {} cleaned {} is left out, so a search finds the text and not where it came from{}",
            r.docs,
            r.boxes_removed,
            if r.boxes_removed == 1 {
                "page"
            } else {
                "pages"
            },
            if r.kept_stop_words.is_empty() {
                String::new()
            } else {
                format!(
                    "; glossary terms found although they are common English words: {}",
                    r.kept_stop_words.join(", ")
                )
            }
        );
    }
    eprintln!(
        "mdbook-seeds: built {} in {:.2}s",
        built.site.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn clean(
    files: &[PathBuf],
    out_dir: Option<&Path>,
    report: bool,
    book: Option<&Path>,
    outline: bool,
    [title_features, run_features]: [Option<PathBuf>; 2],
) -> Result<()> {
    mdbook_seeds::clean_files(&mdbook_seeds::CleanRequest {
        files: files.to_vec(),
        out_dir: out_dir.map(Path::to_path_buf),
        report,
        book: book.map(Path::to_path_buf),
        outline,
        title_features,
        run_features,
    })
}
