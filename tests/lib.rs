//! Harness for end-to-end tests: copy the book into a temporary folder,
//! build it with mdBook embedded, and read what a browser would get.

use anyhow::{Context, Result, bail};
use mdbook_driver::MDBook;
use mdbook_seeds::SeedsPreprocessor;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The repository root (the book).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Say that a test skipped, in `cargo test`'s normal output: the test harness captures
/// `eprintln!`, but not a write to the process's standard error.
pub fn report_skip(test: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// The `mdbook-seeds` binary of this workspace, built if needed, where Cargo says it put
/// it (so `CARGO_TARGET_DIR` and `--target-dir` are honoured).
pub fn seeds_binary() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(&cargo)
        .args([
            "build",
            "-q",
            "-p",
            "mdbook-seeds",
            "--bin",
            "mdbook-seeds",
            "--message-format=json",
        ])
        .current_dir(repo_root())
        .output()
        .expect("run cargo build");
    assert!(out.status.success(), "cargo build -p mdbook-seeds failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "mdbook-seeds")
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the mdbook-seeds executable")
}

/// A copy of the book in a temporary folder.
pub struct TestBook {
    pub dir: tempfile::TempDir,
}

impl TestBook {
    /// Copy book.toml, src/, seeds/ and theme/ of the repository.
    pub fn copy() -> Result<TestBook> {
        let dir = tempfile::tempdir()?;
        let root = repo_root();
        std::fs::copy(root.join("book.toml"), dir.path().join("book.toml"))?;
        for sub in ["src", "seeds", "theme"] {
            copy_dir(&root.join(sub), &dir.path().join(sub))?;
        }
        Ok(TestBook { dir })
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn seeds(&self) -> PathBuf {
        self.root().join("seeds")
    }

    /// Set `[preprocessor.seeds.search]` in this copy's book.toml (the
    /// repository's book.toml spells out the defaults, which are replaced).
    pub fn set_search(&self, engine: &str, pagefind_from: usize) -> Result<()> {
        let path = self.root().join("book.toml");
        let toml = std::fs::read_to_string(&path)?;
        let defaults = "engine = \"auto\"\npagefind-from = 300\n";
        if !toml.contains(defaults) {
            bail!("book.toml no longer spells out the search defaults: {defaults:?}");
        }
        let set = format!("engine = \"{engine}\"\npagefind-from = {pagefind_from}\n");
        std::fs::write(&path, toml.replace(defaults, &set))?;
        Ok(())
    }

    /// Build as `mdbook-seeds build` does: mdBook embedded, then the search the
    /// book's configuration chooses.
    pub fn build_site(&self) -> Result<(Site, mdbook_seeds::SiteBuild)> {
        let built = mdbook_seeds::build(self.root(), None)?;
        Ok((
            Site {
                dir: built.site.clone(),
            },
            built,
        ))
    }

    /// Build with mdBook embedded and the in-process preprocessor.
    pub fn build(&self) -> Result<Site> {
        let mut book = MDBook::load(self.root())?;
        book.with_preprocessor(SeedsPreprocessor::default());
        book.build()?;
        Ok(Site {
            dir: self.root().join("book"),
        })
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let e = e?;
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()))?;
        } else {
            std::fs::copy(&p, to.join(e.file_name()))?;
        }
    }
    Ok(())
}

/// A built site.
pub struct Site {
    pub dir: PathBuf,
}

impl Site {
    pub fn html(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel))
            .unwrap_or_else(|e| panic!("{rel} should exist in the built site: {e}"))
    }

    /// Pagefind's page records (`pagefind/fragment/*.pf_fragment`: gzip, a
    /// signature, then JSON), by URL.
    pub fn pagefind_pages(&self) -> Result<BTreeMap<String, Value>> {
        let dir = self.dir.join("pagefind/fragment");
        let mut out = BTreeMap::new();
        for e in std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))? {
            let path = e?.path();
            let mut json = String::new();
            std::io::Read::read_to_string(
                &mut flate2::read::GzDecoder::new(std::fs::File::open(&path)?),
                &mut json,
            )
            .with_context(|| format!("{} is not gzip text", path.display()))?;
            let json = json
                .strip_prefix("pagefind_dcd")
                .with_context(|| format!("{}: no Pagefind signature", path.display()))?;
            let v: Value = serde_json::from_str(json)?;
            let url = v["url"].as_str().unwrap_or_default().to_string();
            out.insert(url, v);
        }
        Ok(out)
    }

    /// The `<main>` element of a page: the chapter content without mdBook's chrome.
    pub fn main(&self, rel: &str) -> String {
        let html = self.html(rel);
        let start = html.find("<main>").unwrap_or(0);
        let end = html.rfind("</main>").unwrap_or(html.len());
        html[start..end].to_string()
    }

    /// All .html files, relative paths.
    pub fn pages(&self) -> Vec<String> {
        let mut out = Vec::new();
        walk(&self.dir, &self.dir, &mut out);
        out.sort();
        out
    }

    /// Every relative link of every page (`href="x.html#frag"`, `href="#frag"`)
    /// whose file or fragment does not exist. External links are not followed.
    pub fn broken_links(&self) -> Vec<String> {
        let href = regex::Regex::new(r#"href="([^"]*)""#).unwrap_or_else(|e| panic!("{e}"));
        let id = regex::Regex::new(r#"id="([^"]*)""#).unwrap_or_else(|e| panic!("{e}"));
        let mut ids: std::collections::HashMap<String, std::collections::HashSet<String>> =
            std::collections::HashMap::new();
        let pages = self.pages();
        for p in &pages {
            let html = self.html(p);
            ids.insert(
                p.clone(),
                id.captures_iter(&html).map(|c| c[1].to_string()).collect(),
            );
        }
        let mut broken = Vec::new();
        for p in &pages {
            let html = self.html(p);
            let dir = std::path::Path::new(p)
                .parent()
                .map(|d| d.to_path_buf())
                .unwrap_or_default();
            for c in href.captures_iter(&html) {
                let h = c[1].replace("&amp;", "&");
                if h.contains(':') || h.is_empty() || h.starts_with("//") {
                    continue;
                }
                let (file, frag) = h.split_once('#').unwrap_or((h.as_str(), ""));
                let target = if file.is_empty() {
                    p.clone()
                } else {
                    normalise_path(&dir.join(file))
                };
                if !target.ends_with(".html") {
                    if !self.dir.join(&target).exists() {
                        broken.push(format!("{p}: {h} (no such file)"));
                    }
                    continue;
                }
                match ids.get(&target) {
                    None => broken.push(format!("{p}: {h} (no such page)")),
                    Some(set) if !frag.is_empty() && !set.contains(frag) => {
                        broken.push(format!("{p}: {h} (no id {frag:?} on {target})"))
                    }
                    _ => {}
                }
            }
        }
        broken
    }

    pub fn search_index(&self) -> Result<SearchIndex> {
        let file = std::fs::read_dir(&self.dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("searchindex") && n.ends_with(".js"))
            })
            .context("no searchindex-*.js in the site")?;
        SearchIndex::parse(&std::fs::read_to_string(file)?)
    }
}

/// "seeds/../x.html" → "x.html"
fn normalise_path(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(n) => parts.push(n.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if p.extension().is_some_and(|x| x == "html")
                && let Ok(rel) = p.strip_prefix(base)
            {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}

/// mdBook's elasticlunr search index, parsed from `searchindex-<hash>.js`.
pub struct SearchIndex {
    pub doc_urls: Vec<String>,
    pub index: Value,
}

impl SearchIndex {
    pub fn parse(js: &str) -> Result<SearchIndex> {
        let start = js
            .find("JSON.parse('")
            .context("no JSON.parse(' in search index")?
            + 12;
        let end = js.rfind("')").context("no closing ') in search index")?;
        let mut json = String::with_capacity(end - start);
        let mut chars = js[start..end].chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some(n) => json.push(n),
                    None => bail!("dangling escape in search index"),
                }
            } else {
                json.push(c);
            }
        }
        let v: Value = serde_json::from_str(&json).context("search index is not JSON")?;
        let doc_urls = v["doc_urls"]
            .as_array()
            .context("no doc_urls")?
            .iter()
            .filter_map(|u| u.as_str().map(String::from))
            .collect();
        Ok(SearchIndex { doc_urls, index: v })
    }

    /// Pages (URLs without #anchor) where the site's search finds `word`:
    /// the word goes through elasticlunr's own English pipeline (trimmer, stop
    /// words, Porter stemmer), as in the browser, and the stemmed term is looked
    /// up in the inverted index of the body, title and breadcrumbs.
    /// Pages whose index holds the query's stemmed words exactly.
    pub fn query(&self, word: &str) -> BTreeSet<String> {
        self.lookup(word, false)
    }

    /// Pages found the way the site's search box finds them with
    /// `expand = true`: every indexed word that starts with the query's
    /// stemmed word ("ewing" finds "ewing’s").
    pub fn query_expanded(&self, word: &str) -> BTreeSet<String> {
        self.lookup(word, true)
    }

    fn lookup(&self, word: &str, expand: bool) -> BTreeSet<String> {
        use elasticlunr::lang::Language;
        let en = elasticlunr::lang::English::new();
        let terms = en.make_pipeline().run(en.tokenize(&word.to_lowercase()));
        let mut out = BTreeSet::new();
        for term in terms {
            for field in ["body", "title", "breadcrumbs"] {
                let mut node = &self.index["index"]["index"][field]["root"];
                for c in term.chars() {
                    node = &node[c.to_string()];
                }
                let mut ids = BTreeSet::new();
                collect_docs(node, expand, &mut ids);
                for id in ids {
                    if let Some(url) = id.parse::<usize>().ok().and_then(|i| self.doc_urls.get(i)) {
                        out.insert(url.split('#').next().unwrap_or(url).to_string());
                    }
                }
            }
        }
        out
    }
}

/// Document ids at a trie node, and with `deep` at every node below it.
fn collect_docs(node: &Value, deep: bool, out: &mut BTreeSet<String>) {
    let Some(obj) = node.as_object() else {
        return;
    };
    if let Some(docs) = obj.get("docs").and_then(|d| d.as_object()) {
        out.extend(docs.keys().cloned());
    }
    if deep {
        for (k, v) in obj {
            if k != "docs" && k != "df" {
                collect_docs(v, true, out);
            }
        }
    }
}

impl SearchIndex {
    /// Everything the index says, independent of how elasticlunr-rs lays out its
    /// trie (3.1 omits empty intermediate nodes, 3.0 writes them): per field, each
    /// term with its documents and term frequencies; plus the document store,
    /// the document URLs and the search options.
    pub fn semantic(&self) -> Value {
        let mut fields = serde_json::Map::new();
        if let Some(idx) = self.index["index"]["index"].as_object() {
            for (field, v) in idx {
                let mut postings = BTreeMap::new();
                flatten(&v["root"], &mut String::new(), &mut postings);
                fields.insert(
                    field.clone(),
                    serde_json::to_value(postings).unwrap_or_default(),
                );
            }
        }
        serde_json::json!({
            "doc_urls": self.doc_urls,
            "documentStore": self.index["index"]["documentStore"],
            "fields": self.index["index"]["fields"],
            "results_options": self.index["results_options"],
            "search_options": self.index["search_options"],
            "postings": fields,
        })
    }
}

fn flatten(node: &Value, term: &mut String, out: &mut BTreeMap<String, Value>) {
    let Some(obj) = node.as_object() else { return };
    if let Some(docs) = obj.get("docs").and_then(|d| d.as_object())
        && !docs.is_empty()
    {
        out.insert(term.clone(), Value::Object(docs.clone()));
    }
    for (k, v) in obj {
        if k != "docs" && k != "df" {
            term.push_str(k);
            flatten(v, term, out);
            term.truncate(term.len() - k.len());
        }
    }
}
