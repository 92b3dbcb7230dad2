//! One site build, as `mdbook-seeds build` and `serve` run it: mdBook embedded
//! with the seeds preprocessor in-process, then the search index the book's
//! size calls for (see [`crate::site::search`]).

pub(crate) mod mdbook_index;
pub(crate) mod search;
pub(crate) mod serve;

use crate::config::Config;
use crate::config::Engine;
use crate::mdbook::SeedsPreprocessor;
use crate::mdbook::count_seed_pages;
use crate::site::search::{ChapterSettings, PagefindReport};
use anyhow::{Context, Result};
use mdbook_driver::MDBook;
use std::path::{Path, PathBuf};

/// What a build produced.
#[derive(Debug, Clone)]
pub struct SiteBuild {
    /// The folder with the HTML site.
    pub site: PathBuf,
    pub engine: Engine,
    /// Seed pages counted for the choice of engine.
    pub seed_pages: usize,
    /// Set when the engine is Pagefind.
    pub pagefind: Option<PagefindReport>,
    /// Set when mdBook's own search index was rebuilt (engine mdBook).
    pub search_index: Option<crate::site::mdbook_index::IndexRewrite>,
    /// What the preprocessor reported (its warnings).
    pub(crate) report: crate::mdbook::RunReport,
}

/// Build the book at `root` into `dest` (default: its build folder).
pub fn build(root: &Path, dest: Option<&Path>) -> Result<SiteBuild> {
    build_seeing(root, dest, None)
}

/// [`build`]; with `seen`, the terminal gets only the warnings that are new since
/// the last build that used it (`serve`'s rebuilds).
pub(crate) fn build_seeing(
    root: &Path,
    dest: Option<&Path>,
    seen: Option<crate::mdbook::SeenWarnings>,
) -> Result<SiteBuild> {
    let mut book =
        MDBook::load(root).with_context(|| format!("loading the book in {}", root.display()))?;
    if let Some(d) = dest {
        book.config.build.build_dir = d.to_path_buf();
    }
    // From the loaded configuration, so that MDBOOK_* environment overrides apply.
    let config = Config::from_mdbook(&book.config)?;
    let seed_pages = count_seed_pages(&book.root.join(&config.seeds_dir), &config);
    let engine = config.search.engine(seed_pages);
    if engine == Engine::Pagefind {
        // mdBook's index is not written, and its search button not shown;
        // theme/seeds.js shows Pagefind's instead.
        book.config
            .set("output.html.search.enable", false)
            .context("turning off mdBook's search")?;
    }
    // Registered under the same name as book.toml's entry, so nothing is spawned.
    let sink = std::sync::Arc::new(std::sync::Mutex::new(crate::mdbook::RunReport::default()));
    let preprocessor = SeedsPreprocessor::reporting_to(sink.clone());
    book.with_preprocessor(match seen {
        Some(seen) => preprocessor.with_seen(seen),
        None => preprocessor,
    });
    book.build().context("building the book")?;
    let mut site = book.root.join(&book.config.build.build_dir);
    // With more than one renderer, mdBook gives each its own folder.
    let outputs: std::collections::BTreeMap<String, toml::Value> =
        book.config.outputs().unwrap_or_default();
    if outputs.len() > 1 {
        site = site.join("html");
    }
    let report = sink.lock().map(|r| r.clone()).unwrap_or_default();
    let mut search_index = None;
    let pagefind = match engine {
        Engine::Mdbook => {
            search_index = crate::site::mdbook_index::rewrite(&site, &report.term_forms)
                .with_context(|| format!("rebuilding the search index of {}", site.display()))?;
            None
        }
        Engine::Pagefind => {
            let settings = ChapterSettings::from_config(&book.config)?;
            Some(
                crate::site::search::index_site(
                    &site,
                    &settings,
                    book.config.book.language.as_deref(),
                    &report.term_forms,
                )
                .with_context(|| format!("indexing {} with Pagefind", site.display()))?,
            )
        }
    };
    Ok(SiteBuild {
        site,
        engine,
        seed_pages,
        pagefind,
        search_index,
        report,
    })
}
