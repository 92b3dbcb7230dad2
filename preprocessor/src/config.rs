//! Configuration: `[preprocessor.seeds]` in book.toml and the per-page metadata file.

use anyhow::{Context, Result, bail};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Keys mdBook itself keeps in every `[preprocessor.NAME]` table.
const MDBOOK_KEYS: &[&str] = &["command", "before", "after", "renderers", "optional"];

/// `[preprocessor.seeds]` in book.toml. Every key is optional.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct Config {
    /// Folder of raw scraped pages, relative to the book root.
    pub(crate) seeds_dir: PathBuf,
    /// Per-page metadata file, relative to the seeds folder.
    pub(crate) metadata: PathBuf,
    /// Name of the draft chapter in SUMMARY.md that the seed chapters replace.
    pub(crate) placeholder: String,
    /// Name of the draft chapter in SUMMARY.md that becomes the editorial-notes page.
    pub(crate) notes_placeholder: String,
    /// Name of the draft chapter in SUMMARY.md that becomes the bibliography.
    pub(crate) bibliography_placeholder: String,
    /// Fail the build on any warning about the input instead of skipping the file.
    pub(crate) strict: bool,
    /// Extra boilerplate: regular expressions matched against whole lines (case-insensitive).
    pub(crate) boilerplate: Vec<String>,
    /// Headings (regular expressions, whole line) whose whole section is boilerplate.
    pub(crate) drop_sections: Vec<String>,
    /// A short line found on at least this many pages is boilerplate (site navigation).
    pub(crate) repeat_min_pages: usize,
    /// Larger seed files are skipped with a warning (a scraped page is rarely over 1 MB).
    pub(crate) max_file_bytes: u64,
    pub(crate) split: SplitConfig,
    /// Word repair: spelling, glued words, explicit corrections, accepted words.
    pub(crate) repair: RepairConfig,
    /// Name of the draft chapter in SUMMARY.md that becomes the glossary.
    pub(crate) glossary_placeholder: String,
    /// Glossary and cross-links.
    pub terms: TermsConfig,
    /// Which search the site gets (mdBook's, or Pagefind for big books).
    pub(crate) search: SearchConfig,
}

/// When a long page is split into sub-chapters, one per top-level section.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case", default, deny_unknown_fields)]
pub(crate) struct SplitConfig {
    /// Split only pages with at least this many words of body text.
    pub(crate) min_page_words: usize,
    /// ... and whose top-level sections average at least this many words.
    pub(crate) min_section_words: usize,
}

impl Default for SplitConfig {
    fn default() -> Self {
        SplitConfig {
            min_page_words: 2500,
            min_section_words: 300,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seeds_dir: PathBuf::from("seeds"),
            metadata: PathBuf::from("seeds.toml"),
            placeholder: "Articles".into(),
            notes_placeholder: "Editorial notes".into(),
            bibliography_placeholder: "Bibliography".into(),
            strict: false,
            boilerplate: Vec::new(),
            drop_sections: Vec::new(),
            repeat_min_pages: 3,
            max_file_bytes: 10_000_000,
            split: SplitConfig::default(),
            repair: Default::default(),
            glossary_placeholder: "Glossary".into(),
            terms: Default::default(),
            search: Default::default(),
        }
    }
}

impl Config {
    /// Parse the `[preprocessor.seeds]` table, rejecting unknown keys by name.
    pub(crate) fn from_table(table: &toml::Table) -> Result<Config> {
        let known: Vec<String> = Config::default_keys();
        for key in table.keys() {
            if !known.iter().any(|k| k == key) && !MDBOOK_KEYS.contains(&key.as_str()) {
                bail!(
                    "book.toml: unknown key `preprocessor.seeds.{key}`; expected one of: {}",
                    known.join(", ")
                );
            }
        }
        let mut clean = table.clone();
        for k in MDBOOK_KEYS {
            clean.remove(*k);
        }
        let config: Config = toml::Value::Table(clean)
            .try_into()
            .context("book.toml: invalid `[preprocessor.seeds]` table")?;
        config.compile_patterns()?;
        Ok(config)
    }

    fn default_keys() -> Vec<String> {
        [
            "seeds-dir",
            "metadata",
            "placeholder",
            "notes-placeholder",
            "bibliography-placeholder",
            "strict",
            "boilerplate",
            "drop-sections",
            "repeat-min-pages",
            "max-file-bytes",
            "split",
            "repair",
            "glossary-placeholder",
            "terms",
            "search",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// Compile the configured patterns, naming the key and the pattern on error.
    pub(crate) fn compile_patterns(&self) -> Result<Patterns> {
        Ok(Patterns {
            boilerplate: compile_list("boilerplate", &self.boilerplate)?,
            drop_sections: compile_list("drop-sections", &self.drop_sections)?,
        })
    }

    /// The `[preprocessor.seeds]` table of mdBook's loaded configuration
    /// (book.toml with mdBook's `MDBOOK_*` environment overrides applied).
    pub(crate) fn from_mdbook(config: &mdbook_driver::config::Config) -> Result<Config> {
        let table: toml::Table = config
            .get("preprocessor.seeds")
            .context("book.toml: reading [preprocessor.seeds]")?
            .unwrap_or_default();
        Config::from_table(&table)
    }

    /// Read the config from a book root's book.toml (defaults when absent).
    pub fn from_book_root(root: &Path) -> Result<Config> {
        let path = root.join("book.toml");
        if !path.exists() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let doc: toml::Table = text
            .parse()
            .with_context(|| format!("{}: not valid TOML", path.display()))?;
        match doc
            .get("preprocessor")
            .and_then(|p| p.get("seeds"))
            .and_then(|s| s.as_table())
        {
            Some(t) => Config::from_table(t),
            None => Ok(Config::default()),
        }
    }
}

/// Compiled user patterns.
#[derive(Debug, Clone, Default)]
pub(crate) struct Patterns {
    pub(crate) boilerplate: Vec<Regex>,
    pub(crate) drop_sections: Vec<Regex>,
}

fn compile_list(key: &str, patterns: &[String]) -> Result<Vec<Regex>> {
    patterns
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // Checked alone first, so that the message shows the editor's own pattern
            // (not the whole-line wrapper around it).
            Regex::new(p)
                .and_then(|_| Regex::new(&format!("(?i)^(?:{p})$")))
                .map_err(|e| {
                    anyhow::anyhow!(
                        "book.toml: `preprocessor.seeds.{key}[{i}]` = {p:?} is not a valid regular expression: {e}\n\
                         hint: ( ) [ ] ? + * . | and \\ are special in a regular expression; to match one as \
                         text, put a backslash before it (written \\\\ in a TOML \"…\" string): \\( \\) \\? \\+ \\."
                    )
                })
        })
        .collect()
}

/// What an editor knows about one page, from the metadata file (`seeds/seeds.toml`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct PageMeta {
    /// The page's title, when the scraped text does not contain it.
    pub(crate) title: Option<String>,
    /// Name of the site or publication the page was scraped from.
    pub(crate) source: Option<String>,
    /// Kind of source, e.g. "journal abstract", "charity information page".
    pub(crate) kind: Option<String>,
    /// The address the page was scraped from, when known.
    pub(crate) url: Option<String>,
    /// The date the page was retrieved, when known.
    pub(crate) retrieved: Option<String>,
}

/// The metadata file: `[pages."file name.txt"]` tables.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataFile {
    #[serde(default)]
    pub(crate) pages: BTreeMap<String, PageMeta>,
}

impl MetadataFile {
    pub fn load(path: &Path) -> Result<MetadataFile> {
        load_toml(
            path,
            "metadata",
            "[pages.\"<file name>\"] tables with keys title, source, kind, url, retrieved",
        )
    }
}

/// An optional TOML file of the book (absent: the default value). Errors name
/// the file, what it is, and what it should contain; TOML errors carry the line.
pub(crate) fn load_toml<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
    what: &str,
    expected: &str,
) -> Result<T> {
    if !path.exists() {
        return Ok(T::default());
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the {what} file {}", path.display()))?;
    toml::from_str(&text)
        .with_context(|| format!("{}: invalid {what}; expected {expected}", path.display()))
}

/// `[preprocessor.seeds.repair]` in book.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case", default, deny_unknown_fields)]
pub struct RepairConfig {
    /// Correct misspelt words.
    pub(crate) spelling: bool,
    /// Split glued words.
    pub(crate) glued: bool,
    /// Resolve line-end hyphens ("chemo-/therapy") from the corpus and the word list.
    pub(crate) hyphens: bool,
    /// Explicit corrections, wrong → right (whole words, any case); applied first, always.
    pub(crate) corrections: BTreeMap<String, String>,
    /// Words never corrected.
    pub(crate) accept: Vec<String>,
}

impl Default for RepairConfig {
    fn default() -> Self {
        RepairConfig {
            spelling: true,
            glued: true,
            hyphens: true,
            corrections: BTreeMap::new(),
            accept: Vec::new(),
        }
    }
}

/// `[preprocessor.seeds.search]` in book.toml.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", default, deny_unknown_fields)]
pub(crate) struct SearchConfig {
    pub(crate) engine: EngineChoice,
    /// With `engine = "auto"`: Pagefind from this many seed pages on.
    pub(crate) pagefind_from: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            engine: EngineChoice::Auto,
            // mdBook's index is about 5 MB at 300 pages and grows with the text.
            pagefind_from: 300,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum EngineChoice {
    Auto,
    Mdbook,
    Pagefind,
}

/// The search a build uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Mdbook,
    Pagefind,
}

impl SearchConfig {
    /// The engine for a book of `seed_pages` pages.
    pub(crate) fn engine(&self, seed_pages: usize) -> Engine {
        match self.engine {
            EngineChoice::Mdbook => Engine::Mdbook,
            EngineChoice::Pagefind => Engine::Pagefind,
            EngineChoice::Auto if seed_pages >= self.pagefind_from => Engine::Pagefind,
            EngineChoice::Auto => Engine::Mdbook,
        }
    }
}

/// `[preprocessor.seeds.terms]` in book.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case", default, deny_unknown_fields)]
pub struct TermsConfig {
    /// Link terms and build the glossary at all.
    pub(crate) enable: bool,
    /// The curated glossary, relative to the seeds folder.
    pub(crate) file: PathBuf,
    /// Extra terms to index and link (no definition; their home is a heading about them).
    pub(crate) add: Vec<String>,
    /// Terms (or any of their forms) never linked and left out of the glossary.
    pub(crate) exclude: Vec<String>,
    /// Term → "chapter.md" or "chapter.md#heading-id": where the term links to.
    pub(crate) pin: BTreeMap<String, String>,
    /// At most this many term links in one section.
    pub(crate) max_links_per_section: usize,
    /// Link the first mention of a term once per "chapter" (the default), or in
    /// each "section" (Wikipedia's rule, a wall of links in a long chapter).
    pub(crate) first_mention_per: LinkScope,
    /// With one link per chapter, link a term again after this many words
    /// without a link to it (0: never). 1,500 words is about six screens.
    pub(crate) relink_after_words: usize,
    /// Find abbreviations defined in the text ("computed tomography (CT)").
    pub(crate) abbreviations: bool,
}

impl Default for TermsConfig {
    fn default() -> Self {
        TermsConfig {
            enable: true,
            file: PathBuf::from("glossary.toml"),
            add: Vec::new(),
            exclude: Vec::new(),
            pin: BTreeMap::new(),
            max_links_per_section: 20,
            first_mention_per: LinkScope::Chapter,
            relink_after_words: 1500,
            abbreviations: true,
        }
    }
}

/// Where a term is linked again: in each section, or once per chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum LinkScope {
    Section,
    Chapter,
}

/// One term of the curated glossary file.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct CuratedTerm {
    pub(crate) name: String,
    /// Synonyms, spellings and inflections that mean the same term.
    #[serde(default)]
    pub(crate) also: Vec<String>,
    /// A short definition in plain words, written for the book.
    pub(crate) definition: String,
    /// Where the definition's facts can be checked.
    pub(crate) source: String,
}

/// The curated glossary file: `[[term]]` tables.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curated {
    #[serde(default, rename = "term")]
    pub(crate) terms: Vec<CuratedTerm>,
}

impl Curated {
    /// Load the file; a missing file is an empty glossary.
    pub fn load(path: &Path) -> Result<Curated> {
        let c: Curated = load_toml(
            path,
            "glossary",
            "[[term]] tables with keys name, also, definition, source",
        )?;
        for (i, t) in c.terms.iter().enumerate() {
            for (key, v) in [
                ("name", &t.name),
                ("definition", &t.definition),
                ("source", &t.source),
            ] {
                if v.trim().is_empty() {
                    bail!(
                        "{}: term {} ({:?}) has an empty `{key}`; every definition needs its text and a source",
                        path.display(),
                        i + 1,
                        t.name
                    );
                }
            }
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_switches_at_the_threshold() {
        let c = SearchConfig::default();
        assert_eq!(c.engine(5), Engine::Mdbook);
        assert_eq!(c.engine(299), Engine::Mdbook);
        assert_eq!(c.engine(300), Engine::Pagefind);
        let always = |engine| SearchConfig {
            engine,
            ..SearchConfig::default()
        };
        assert_eq!(always(EngineChoice::Mdbook).engine(10_000), Engine::Mdbook);
        assert_eq!(always(EngineChoice::Pagefind).engine(1), Engine::Pagefind);
    }

    fn table(s: &str) -> toml::Table {
        s.parse().unwrap()
    }

    #[test]
    fn defaults_and_mdbook_keys_are_accepted() {
        let c = Config::from_table(&table("command = \"x\"\nafter = [\"links\"]")).unwrap();
        assert_eq!(c.placeholder, "Articles");
        assert_eq!(c.seeds_dir, PathBuf::from("seeds"));
    }

    #[test]
    fn unknown_key_is_named() {
        let e = Config::from_table(&table("boilerplates = []")).unwrap_err();
        assert!(
            format!("{e:#}").contains("preprocessor.seeds.boilerplates"),
            "{e:#}"
        );
    }

    #[test]
    fn wrong_type_is_explained() {
        let e = Config::from_table(&table("strict = \"yes\"")).unwrap_err();
        let msg = format!("{e:#}");
        assert!(msg.contains("strict") || msg.contains("bool"), "{msg}");
    }

    #[test]
    fn search_engine_is_read_and_checked() {
        let c = Config::from_table(&table("search = { engine = \"pagefind\" }")).unwrap();
        assert_eq!(c.search.engine, EngineChoice::Pagefind);
        assert_eq!(c.search.pagefind_from, 300);
        let e = Config::from_table(&table("search = { engine = \"fast\" }")).unwrap_err();
        let msg = format!("{e:#}");
        assert!(msg.contains("fast") && msg.contains("pagefind"), "{msg}");
        let e = Config::from_table(&table("search = { pagefind-above = 5 }")).unwrap_err();
        assert!(format!("{e:#}").contains("pagefind-above"), "{e:#}");
    }

    #[test]
    fn bad_regex_names_key_and_index() {
        let e = Config::from_table(&table("boilerplate = [\"ok\", \"(unclosed\"]")).unwrap_err();
        let msg = format!("{e:#}");
        assert!(msg.contains("preprocessor.seeds.boilerplate[1]"), "{msg}");
    }

    #[test]
    fn metadata_rejects_unknown_keys() {
        let e = toml::from_str::<MetadataFile>("[pages.\"a.txt\"]\nurl = \"x\"\nauthor = \"y\"");
        assert!(e.is_err());
    }
}
