//! mdBook's own search index, rebuilt after mdBook writes it so that it matches
//! how readers type (issue 21). mdBook indexes every word as written: "Ewing’s"
//! with a curly apostrophe is not "Ewing's", "naïve" is not "naive", and the
//! English stop-word filter drops a defined abbreviation such as "ALL" (acute
//! lymphoblastic leukaemia) on both sides. Its result snippets also start with
//! the page's source box.
//!
//! The rebuilt index has the same format, fields, documents and pipeline names
//! (`trimmer`, `stopWordFilter`, `stemmer`, elasticlunr 0.9.5), so mdBook's own
//! `searcher.js` reads it; `theme/seeds.js` gives the query side the same
//! folding and the same stop-word exceptions (`seeds_keep` in the index file).
//! Each document's text is indexed with
//! - accents folded (Unicode NFD, combining marks removed) and curly apostrophes
//!   made straight, on both sides;
//! - the other spellings of each word from the lexicon ([`lexicon::variants`]:
//!   "tumour" also indexes "tumor");
//! - every form of a glossary term when one form is in the text (a brand name
//!   and its generic name, an abbreviation and its long form);
//! - glossary terms that are English stop words kept;
//! - the source box's text left out of the body (and so out of snippets).

use crate::text::lexicon;
use anyhow::{Context, Result, bail};
use elasticlunr::pipeline::{Pipeline, PipelineFn};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// What the rewrite did, for the build's report and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexRewrite {
    /// Documents (sections) indexed.
    pub docs: usize,
    /// Documents whose body started with a source box that was left out.
    pub boxes_removed: usize,
    /// Glossary terms kept although they are English stop words.
    pub kept_stop_words: Vec<String>,
}

/// The prefix and suffix mdBook 0.5 writes around the index JSON.
const JS_HEAD: &str = "window.search = Object.assign(window.search, JSON.parse('";
const JS_TAIL: &str = "'));";

/// Rebuild the mdBook search index of the site in `site` (its `searchindex*.js`).
/// `term_forms`: each glossary entry's forms (name, other spellings, brand names,
/// abbreviation). Returns `None` when the site has no mdBook index.
///
/// Errors: the index file cannot be read or written, or is not in the format
/// mdBook 0.5 writes.
pub(crate) fn rewrite(site: &Path, term_forms: &[Vec<String>]) -> Result<Option<IndexRewrite>> {
    let Some(path) = index_file(site)? else {
        return Ok(None);
    };
    let js = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the search index {}", path.display()))?;
    let Some(json) = js
        .trim_end()
        .strip_prefix(JS_HEAD)
        .and_then(|r| r.strip_suffix(JS_TAIL))
    else {
        bail!(
            "{}: not the search index format of mdBook 0.5 (expected `{JS_HEAD}…{JS_TAIL}`)",
            path.display()
        );
    };
    let json = unescape_js(json);
    let mut whole: Value = serde_json::from_str(&json)
        .with_context(|| format!("{}: the search index is not JSON", path.display()))?;
    let urls: Vec<String> = whole["doc_urls"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|u| u.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    let docs = whole["index"]["documentStore"]["docs"]
        .as_object()
        .cloned()
        .with_context(|| format!("{}: the search index has no documents", path.display()))?;

    let forms: Vec<Vec<String>> = term_forms
        .iter()
        .map(|f| f.iter().map(|x| fold(&x.to_lowercase())).collect())
        .collect();
    let keep: Vec<String> = {
        let mut k: Vec<String> = forms
            .iter()
            .flatten()
            .filter(|f| !f.contains(' ') && STOP_WORDS.contains(&f.as_str()))
            .cloned()
            .collect();
        k.sort();
        k.dedup();
        k
    };
    let keep_set: HashSet<String> = keep.iter().cloned().collect();
    let english = elasticlunr::lang::English::new();
    let mut base = elasticlunr::lang::Language::make_pipeline(&english).queue;
    let stemmer = base
        .pop()
        .context("elasticlunr's English pipeline has no stemmer")?;
    let stop = base
        .pop()
        .context("elasticlunr's English pipeline has no stop-word filter")?;
    let language = Reader {
        pipeline_parts: std::sync::Mutex::new(Some((stop, stemmer))),
        keep: keep_set,
    };
    let field_forms = std::sync::Arc::new(forms);
    let tokenizer = |forms: std::sync::Arc<Vec<Vec<String>>>| {
        Box::new(move |text: &str| tokens(text, &forms)) as Box<dyn Fn(&str) -> Vec<String>>
    };
    let mut index = elasticlunr::IndexBuilder::with_language(Box::new(language))
        .add_field_with_tokenizer("title", tokenizer(field_forms.clone()))
        .add_field_with_tokenizer("body", tokenizer(field_forms.clone()))
        .add_field_with_tokenizer("breadcrumbs", tokenizer(field_forms.clone()))
        .build();

    let mut report = IndexRewrite {
        kept_stop_words: keep.clone(),
        ..IndexRewrite::default()
    };
    let mut boxes: std::collections::HashMap<String, Option<String>> = Default::default();
    // Documents in the order of their references (0, 1, 2, …), as mdBook added them.
    let mut refs: Vec<(usize, &serde_json::Map<String, Value>)> = docs
        .iter()
        .filter_map(|(k, v)| Some((k.parse().ok()?, v.as_object()?)))
        .collect();
    refs.sort_by_key(|(k, _)| *k);
    for (r, doc) in refs {
        let field = |f: &str| doc.get(f).and_then(Value::as_str).unwrap_or_default();
        let mut body = field("body").to_string();
        if let Some(url) = urls.get(r) {
            let page = url.split('#').next().unwrap_or_default().to_string();
            let boxed = boxes
                .entry(page.clone())
                .or_insert_with(|| source_box_text(&site.join(&page)));
            if let Some(b) = boxed
                && let Some(rest) = strip_prefix_ignoring_space(&body, b)
            {
                body = rest.trim_start().to_string();
                report.boxes_removed += 1;
            }
        }
        index.add_doc(
            &r.to_string(),
            [field("title"), body.as_str(), field("breadcrumbs")],
        );
        report.docs += 1;
    }
    let rebuilt: Value = serde_json::from_str(&index.to_json())
        .context("elasticlunr wrote an index that is not JSON")?;
    whole["index"] = rebuilt;
    whole["seeds_keep"] = Value::from(keep);
    let out = serde_json::to_string(&whole).context("writing the search index")?;
    std::fs::write(
        &path,
        format!(
            "{JS_HEAD}{}{JS_TAIL}",
            out.replace('\\', "\\\\").replace('\'', "\\'")
        ),
    )
    .with_context(|| format!("cannot write the search index {}", path.display()))?;
    Ok(Some(report))
}

/// elasticlunr's English stop words (elasticlunr.js 0.9.5 and elasticlunr-rs 3.0
/// share this list): the ones a glossary term may need to keep.
const STOP_WORDS: &[&str] = &[
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could",
    "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from", "get", "got",
    "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "just", "least", "let", "like", "likely", "may", "me", "might",
    "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or",
    "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to",
    "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "yet", "you", "your",
];

/// elasticlunr's English stop-word filter and stemmer, handed to the pipeline once.
type StopAndStem = (Box<dyn PipelineFn>, Box<dyn PipelineFn>);

/// The index's language: English, with a trimmer that folds and a stop-word
/// filter that keeps glossary terms (the names stay those elasticlunr.js knows).
struct Reader {
    pipeline_parts: std::sync::Mutex<Option<StopAndStem>>,
    keep: HashSet<String>,
}

impl elasticlunr::lang::Language for Reader {
    fn name(&self) -> String {
        "English".into()
    }
    fn code(&self) -> String {
        "en".into()
    }
    fn tokenize(&self, text: &str) -> Vec<String> {
        tokens(text, &[])
    }
    fn make_pipeline(&self) -> Pipeline {
        let parts = self.pipeline_parts.lock().ok().and_then(|mut p| p.take());
        let mut queue: Vec<Box<dyn PipelineFn>> = vec![Box::new(Trimmer)];
        if let Some((stop, stemmer)) = parts {
            queue.push(Box::new(KeepingStopFilter {
                inner: stop,
                keep: self.keep.clone(),
            }));
            queue.push(stemmer);
        }
        Pipeline { queue }
    }
}

/// elasticlunr's trimmer (non-word characters off both ends), after folding.
struct Trimmer;

impl PipelineFn for Trimmer {
    fn name(&self) -> String {
        "trimmer".into()
    }
    fn filter(&self, token: String) -> Option<String> {
        let t = fold(&token);
        let t = t.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
        Some(t.to_string())
    }
}

/// elasticlunr's stop-word filter, but for the glossary's terms.
struct KeepingStopFilter {
    inner: Box<dyn PipelineFn>,
    keep: HashSet<String>,
}

impl PipelineFn for KeepingStopFilter {
    fn name(&self) -> String {
        "stopWordFilter".into()
    }
    fn filter(&self, token: String) -> Option<String> {
        if self.keep.contains(&token) {
            Some(token)
        } else {
            self.inner.filter(token)
        }
    }
}

/// Accents off (NFD, combining marks removed) and apostrophes straight:
/// "naïve" → "naive", "Ewing’s" → "Ewing's".
pub(crate) fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' => '\'',
            c => c,
        })
        .collect()
}

/// mdBook's tokens (split at white space and hyphens, lower case, at most 80
/// bytes), folded, plus each token's spelling variants and, when `text` holds a
/// glossary term's form, the term's other forms.
fn tokens(text: &str, forms: &[Vec<String>]) -> Vec<String> {
    let folded = fold(&text.to_lowercase());
    let mut out: Vec<String> = folded
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|s| !s.is_empty() && s.len() <= 80)
        .map(str::to_string)
        .collect();
    let mut extra: Vec<String> = Vec::new();
    for t in &out {
        let word = t.trim_matches(|c: char| !c.is_alphanumeric());
        if word.len() >= 5 && word.bytes().all(|b| b.is_ascii_lowercase()) {
            extra.extend(lexicon::variants(word).into_iter().map(str::to_string));
        }
    }
    for entry in forms {
        if entry.iter().any(|f| contains_phrase(&folded, f)) {
            for f in entry {
                extra.extend(
                    f.split(|c: char| c.is_whitespace() || c == '-')
                        .map(str::to_string),
                );
            }
        }
    }
    out.extend(extra);
    out
}

/// The words a search engine should also find `text` by: its words with accents
/// folded ("naive" for "naïve"), their spelling variants ("tumor" for
/// "tumour") and the other forms of the glossary terms it mentions ("Mepact"
/// for "mifamurtide"), without repeats and without words already in `text`.
/// For Pagefind, which knows none of these.
pub(crate) fn extra_search_words(text: &str, forms: &[Vec<String>]) -> Vec<String> {
    let lower = text.to_lowercase();
    let own: HashSet<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let forms: Vec<Vec<String>> = forms
        .iter()
        .map(|f| f.iter().map(|x| fold(&x.to_lowercase())).collect())
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for t in tokens(text, &forms) {
        for w in t.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() && !own.contains(w) && seen.insert(w.to_string()) {
                out.push(w.to_string());
            }
        }
    }
    out
}

/// `phrase` occurs in `text` between word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The text of the page's source box, as mdBook's indexer sees it (tags off,
/// entities decoded), or `None` if the page has none.
fn source_box_text(page: &Path) -> Option<String> {
    let html = std::fs::read_to_string(page).ok()?;
    let start = html.find("<aside class=\"seed-source\"")?;
    let end = start + html[start..].find("</aside>")?;
    Some(
        tags_to_spaces(&html[start..end])
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&#123;", "{")
            .replace("&#125;", "}")
            .replace("&#92;", "\\")
            .replace("&amp;", "&"),
    )
}

/// The text of an HTML fragment with every tag replaced by a space (entities
/// left as they are).
pub(crate) fn tags_to_spaces(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// `s` without the leading `prefix`, comparing all but white space (mdBook
/// spaces text differently around inline tags); `None` if `s` does not start so.
fn strip_prefix_ignoring_space<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let mut want = prefix.chars().filter(|c| !c.is_whitespace()).peekable();
    want.peek()?;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        match want.next() {
            Some(w) if w == c => {}
            _ => return None,
        }
        if want.peek().is_none() {
            return Some(&s[i + c.len_utf8()..]);
        }
    }
    None
}

/// Undo the escaping mdBook applies to put the JSON in a single-quoted string.
fn unescape_js(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n @ ('\\' | '\'')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The site's `searchindex*.js` (mdBook 0.5 puts a hash in the name).
fn index_file(site: &Path) -> Result<Option<PathBuf>> {
    let Ok(entries) = std::fs::read_dir(site) else {
        return Ok(None);
    };
    for e in entries {
        let e = e.with_context(|| format!("listing {}", site.display()))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("searchindex") && name.ends_with(".js") {
            return Ok(Some(e.path()));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_tokens() {
        assert_eq!(fold("Naïve Müller’s"), "Naive Muller's");
        let forms = vec![vec!["mifamurtide".to_string(), "mepact".to_string()]];
        let t = tokens("The tumour; mifamurtide-based.", &forms);
        assert!(t.contains(&"tumor".to_string()), "{t:?}");
        assert!(t.contains(&"mepact".to_string()), "{t:?}");
        assert!(!tokens("mifamurtides", &forms).contains(&"mepact".to_string()));
    }

    #[test]
    fn the_source_box_is_matched_whatever_the_spacing() {
        assert_eq!(
            strip_prefix_ignoring_space(
                "Cleaned from a.txt; every edit  Body text",
                "Cleaned from  a.txt ; every edit"
            ),
            Some("  Body text")
        );
        assert_eq!(strip_prefix_ignoring_space("Other text", "Cleaned"), None);
    }

    #[test]
    fn js_escapes_round_trip() {
        let json = r#"{"a":"it's \"x\" \\ y"}"#;
        let escaped = json.replace('\\', "\\\\").replace('\'', "\\'");
        assert_eq!(unescape_js(&escaped), json);
    }
}
