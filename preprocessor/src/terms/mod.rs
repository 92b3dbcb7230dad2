//! Terms: the glossary, abbreviations and cross-links of the book.
//!
//! ```text
//! chapters (Markdown) ─ scan ─→ sections, paragraphs, linkable text
//!   → index: curated glossary file + `add` + abbreviations defined in the text
//!   → homes: a section whose heading is about the term, else its glossary entry
//!   → link: one Aho–Corasick pass per chapter, Wikipedia's rules
//!   → the Glossary chapter, with back-links to every chapter that mentions a term
//! ```
//!
//! Linking rules: the first mention of a term in each section links to the
//! term's home; never inside headings, links, code or HTML; never to the
//! section the mention is in (or one that contains it); whole words only;
//! at most `max-links-per-section` links per section. Every mention of an
//! abbreviation shows its expansion on hover (`<abbr title>`).

pub(crate) mod abbrev;
pub(crate) mod markdown;

use crate::config::{Curated, LinkScope, TermsConfig};
use crate::text::escape;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use anyhow::{Result, bail};
use markdown::{MdOptions, Scan};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::ops::Range;

/// A chapter the linker works on.
#[derive(Debug, Clone)]
pub struct ChapterText {
    /// Path relative to src/ (`seeds/x.md`).
    pub path: String,
    pub name: String,
    pub content: String,
    /// The chapter's title was made up by the cleaner (the page had none), so
    /// it says nothing about what the page explains: never a term's home.
    pub derived_title: bool,
}

/// Per entry mentioned in a chapter: (entry, anchor of its first linked mention).
type Mentions = Vec<(usize, Option<String>)>;

/// Abbreviation definitions by short form: (long form, where, sentence-initial).
type Definitions = Vec<(String, Vec<(String, Place, bool)>)>;

/// A place in the book: a chapter, and a section of it (None: the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) chapter: usize,
    pub(crate) section: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// Anchor in the glossary chapter.
    pub(crate) id: String,
    pub(crate) name: String,
    /// For an abbreviation: its long form as a page defines it.
    pub(crate) expansion: Option<String>,
    /// Other long forms pages give for the same short form.
    pub(crate) other_expansions: Vec<String>,
    /// (definition, source) from the curated file.
    pub(crate) definition: Option<(String, String)>,
    /// Forms matched in the text (before inflection), and whether each is a short form.
    pub(crate) forms: Vec<(String, bool)>,
    /// Where pages define the abbreviation.
    pub(crate) defined_at: Vec<Place>,
    /// The section that explains the term, if any (else: the glossary entry).
    pub(crate) home: Option<Place>,
}

impl Entry {
    /// Hover text for a link to the entry.
    fn tip(&self) -> Option<String> {
        if let Some(e) = &self.expansion {
            return Some(e.clone());
        }
        self.definition.as_ref().map(|(d, _)| first_sentence(d))
    }
}

fn first_sentence(s: &str) -> String {
    let end = s
        .char_indices()
        .find(|&(i, c)| c == '.' && s[i + 1..].starts_with(' '))
        .map(|(i, _)| i + 1)
        .unwrap_or(s.len());
    let one = &s[..end];
    if one.chars().count() > 200 {
        let cut: String = one.chars().take(199).collect();
        format!("{}…", cut.trim_end())
    } else {
        one.to_string()
    }
}

/// One occurrence of a term in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) range: Range<usize>,
    pub(crate) entry: usize,
    /// An abbreviation's short form (shown with its expansion).
    pub(crate) short: bool,
}

/// All term forms in one Aho–Corasick automaton.
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// Per pattern: (entry, case-sensitive, short form).
    info: Vec<(usize, bool, bool)>,
    patterns: Vec<String>,
}

/// A form is matched case-sensitively when case carries meaning: capitals
/// after the first letter ("CT", "mTOR", "CAR-T"); otherwise case-insensitively.
pub(crate) fn case_sensitive(form: &str) -> bool {
    form.chars().skip(1).any(char::is_uppercase) || form.chars().count() <= 3
}

/// The form and its plural(s): "metastasis" → "metastases", "therapy" →
/// "therapies", "tumour" → "tumours", "CT" → "CTs".
pub(crate) fn inflections(form: &str, short: bool) -> Vec<String> {
    let mut out = vec![form.to_string()];
    let Some(last) = form.chars().last() else {
        return out;
    };
    if !last.is_alphabetic() {
        return out;
    }
    if short {
        if last.is_uppercase() {
            out.push(format!("{form}s"));
        }
        return out;
    }
    let lower = form.to_lowercase();
    if let Some(stem) = form.strip_suffix("is")
        && lower.len() > 4
    {
        out.push(format!("{stem}es"));
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        out.push(format!("{}ies", &form[..form.len() - 1]));
    } else if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with('z')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        if !lower.ends_with("us") && !lower.ends_with("ss") {
            return out; // already a plural, or a word like "pancreas"
        }
        out.push(format!("{form}es"));
    } else {
        out.push(format!("{form}s"));
    }
    out
}

impl Matcher {
    pub(crate) fn new(entries: &[Entry]) -> (Matcher, Vec<String>) {
        let mut patterns = Vec::new();
        let mut info = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut warnings = Vec::new();
        for (ei, e) in entries.iter().enumerate() {
            for (form, short) in &e.forms {
                for f in inflections(form, *short) {
                    let variants = if f.contains('\'') {
                        vec![f.clone(), f.replace('\'', "\u{2019}")]
                    } else {
                        vec![f]
                    };
                    for v in variants {
                        if v.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                            continue;
                        }
                        let cs = *short || case_sensitive(&v);
                        let key = if cs { v.clone() } else { v.to_lowercase() };
                        match seen.get(&key) {
                            Some(&other) if other != ei => warnings.push(format!(
                                "the term form {v:?} belongs to both {:?} and {:?}; it links to {:?}",
                                entries[other].name, e.name, entries[other].name
                            )),
                            Some(_) => {}
                            None => {
                                seen.insert(key, ei);
                                patterns.push(v);
                                info.push((ei, cs, *short));
                            }
                        }
                    }
                }
            }
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        (Matcher { ac, info, patterns }, warnings)
    }

    /// Whole-word occurrences of terms, leftmost-longest, not overlapping.
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut cands: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, pattern)
        for m in ac.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            let p = m.pattern().as_usize();
            let (_, cs, _) = self.info[p];
            if cs && text[s..e] != self.patterns[p] {
                continue;
            }
            if !whole_word(text, s, e) {
                continue;
            }
            cands.push((s, e, p));
        }
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<Hit> = Vec::new();
        let mut end = 0;
        for (s, e, p) in cands {
            if s < end {
                continue;
            }
            end = e;
            let (entry, _, short) = self.info[p];
            out.push(Hit {
                range: s..e,
                entry,
                short,
            });
        }
        out
    }
}

/// Is `text[s..e]` a whole word? Letters, digits, and hyphens or
/// apostrophes joining a word on the other side continue a word; a
/// possessive "'s" ends it.
fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before: Vec<char> = text[..s].chars().rev().take(2).collect();
    let after: Vec<char> = text[e..].chars().take(3).collect();
    let joins = |c: char| c == '-' || c == '\'' || c == '\u{2019}' || c == '/';
    if let Some(&b) = before.first() {
        if b.is_alphanumeric() || b == '_' {
            return false;
        }
        if joins(b) && before.get(1).is_some_and(|c| c.is_alphanumeric()) {
            return false;
        }
    }
    if let Some(&a) = after.first() {
        if a.is_alphanumeric() || a == '_' {
            return false;
        }
        if joins(a) && after.get(1).is_some_and(|c| c.is_alphanumeric()) {
            // "Ewing's": a possessive ends the word.
            let possessive = a != '-'
                && a != '/'
                && matches!(after.get(1), Some('s'))
                && !after.get(2).is_some_and(|c| c.is_alphanumeric());
            return possessive;
        }
    }
    true
}

/// The result of the terms pass.
#[derive(Debug, Clone)]
pub struct Linked {
    /// New content per chapter (same order as the input).
    pub(crate) contents: Vec<String>,
    /// The glossary chapter's Markdown.
    pub(crate) glossary: String,
    pub entries: Vec<Entry>,
    /// Per entry: chapters that mention it, in book order, with the anchor of
    /// the first linked mention there (kept for tests; the glossary is built from it).
    #[cfg(test)]
    pub(crate) mentions: Vec<Mentions>,
    /// Links made.
    pub links: usize,
    pub(crate) warnings: Vec<String>,
}

/// Everything the pass needs besides the chapters.
pub struct Setup<'a> {
    pub config: &'a TermsConfig,
    pub curated: &'a Curated,
    pub md: MdOptions,
    /// Path of the glossary chapter, relative to src/.
    pub glossary_path: &'a str,
}

/// Index the terms of `chapters`, link them, and write the glossary.
pub fn link_book(chapters: &[ChapterText], setup: &Setup) -> Result<Linked> {
    let scans: Vec<Scan> = chapters
        .par_iter()
        .map(|c| markdown::scan(&c.content, &setup.md))
        .collect();
    let mut warnings = Vec::new();
    let mut entries = index(&scans, setup, &mut warnings);
    let (matcher, mut w) = Matcher::new(&entries);
    warnings.append(&mut w);
    find_homes(&mut entries, chapters, &scans, &matcher);
    pin(&mut entries, chapters, &scans, setup.config)?;
    let ctx = Ctx {
        chapters,
        scans: &scans,
        entries: &entries,
        matcher: &matcher,
        setup,
    };
    let results: Vec<(String, Mentions, usize)> = (0..chapters.len())
        .into_par_iter()
        .map(|ci| link_chapter(&ctx, ci))
        .collect();
    let mut mentions: Vec<Mentions> = vec![Vec::new(); entries.len()];
    let mut contents = Vec::new();
    let mut links = 0;
    for (ci, (content, found, n)) in results.into_iter().enumerate() {
        contents.push(content);
        links += n;
        for (entry, anchor) in found {
            mentions[entry].push((ci, anchor));
        }
    }
    let glossary = glossary_markdown(&entries, &mentions, chapters, &scans, setup);
    Ok(Linked {
        contents,
        glossary,
        entries,
        #[cfg(test)]
        mentions,
        links,
        warnings,
    })
}

/// Is the long form written at the start of a sentence (so its capital says nothing)?
fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}

fn index(scans: &[Scan], setup: &Setup, warnings: &mut Vec<String>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for t in &setup.curated.terms {
        let mut forms = vec![(t.name.clone(), false)];
        forms.extend(t.also.iter().map(|a| (a.clone(), false)));
        entries.push(Entry {
            id: String::new(),
            name: t.name.clone(),
            expansion: None,
            other_expansions: Vec::new(),
            definition: Some((t.definition.clone(), t.source.clone())),
            forms,
            defined_at: Vec::new(),
            home: None,
        });
    }
    for a in &setup.config.add {
        if find_entry(&entries, a).is_none() {
            entries.push(Entry {
                id: String::new(),
                name: a.clone(),
                expansion: None,
                other_expansions: Vec::new(),
                definition: None,
                forms: vec![(a.clone(), false)],
                defined_at: Vec::new(),
                home: None,
            });
        }
    }
    if setup.config.abbreviations {
        // short form → [(long form, place, sentence-initial)]
        let mut defs: Definitions = Vec::new();
        for (ci, scan) in scans.iter().enumerate() {
            for p in &scan.paragraphs {
                for d in abbrev::find(&p.text) {
                    let place = Place {
                        chapter: ci,
                        section: p.section,
                    };
                    let initial = sentence_initial(&p.text, d.at);
                    match defs.iter_mut().find(|(s, _)| *s == d.short) {
                        Some((_, v)) => v.push((d.long, place, initial)),
                        None => defs.push((d.short, vec![(d.long, place, initial)])),
                    }
                }
            }
        }
        for (short, longs) in defs {
            // The most frequent long form (case aside), first seen on ties.
            let mut counts: Vec<(String, usize)> = Vec::new();
            for (l, _, _) in &longs {
                let k = l.to_lowercase();
                match counts.iter_mut().find(|(c, _)| *c == k) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((k, 1)),
                }
            }
            let best = counts
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.1.cmp(&b.1.1).then(b.0.cmp(&a.0)))
                .map(|(_, (k, _))| k.clone())
                .unwrap_or_default();
            // Written as a page writes it mid-sentence, if one does.
            let display = longs
                .iter()
                .filter(|(l, _, _)| l.to_lowercase() == best)
                .min_by_key(|(_, _, initial)| *initial)
                .map(|(l, _, _)| l.clone())
                .unwrap_or(best.clone());
            let others: Vec<String> = counts
                .iter()
                .filter(|(k, _)| *k != best)
                .map(|(k, _)| {
                    longs
                        .iter()
                        .find(|(l, _, _)| l.to_lowercase() == *k)
                        .map(|(l, _, _)| l.clone())
                        .unwrap_or(k.clone())
                })
                .collect();
            let mut places: Vec<Place> = Vec::new();
            for (_, p, _) in &longs {
                if !places.contains(p) {
                    places.push(*p);
                }
            }
            let target = find_entry(&entries, &short).or_else(|| find_entry(&entries, &display));
            match target {
                Some(i) => {
                    let e = &mut entries[i];
                    if e.expansion.is_none() {
                        e.expansion = Some(display.clone());
                    }
                    e.other_expansions.extend(others);
                    e.defined_at.extend(places);
                    for (f, s) in [(short.clone(), true), (display.clone(), false)] {
                        if !e.forms.iter().any(|(x, _)| x.eq_ignore_ascii_case(&f)) {
                            e.forms.push((f, s));
                        } else if s {
                            // A curated form that is the short form: show its expansion too.
                            for (x, is_short) in &mut e.forms {
                                if *x == f {
                                    *is_short = true;
                                }
                            }
                        }
                    }
                }
                None => {
                    let mut forms = vec![(short.clone(), true), (display.clone(), false)];
                    forms.extend(others.iter().map(|o| (o.clone(), false)));
                    entries.push(Entry {
                        id: String::new(),
                        name: short,
                        expansion: Some(display),
                        other_expansions: others,
                        definition: None,
                        forms,
                        defined_at: places,
                        home: None,
                    });
                }
            }
        }
    }
    for x in &setup.config.exclude {
        if find_entry(&entries, x).is_none() {
            warnings.push(format!(
                "book.toml: `preprocessor.seeds.terms.exclude` names {x:?}, which is not a term of the book"
            ));
        }
    }
    entries.retain(|e| {
        !setup
            .config
            .exclude
            .iter()
            .any(|x| e.forms.iter().any(|(f, _)| f.eq_ignore_ascii_case(x)))
    });
    // Ids: unique, never a letter heading's.
    let mut used: HashSet<String> = ('a'..='z').map(|c| format!("letter-{c}")).collect();
    used.insert("letter-other".into());
    for e in &mut entries {
        let base = markdown::id_from_content(&e.name);
        let base = if base.is_empty() { "term".into() } else { base };
        e.id = markdown::unique_id(&base, &mut used);
    }
    entries
}

/// The entry one of whose forms is `name` (case-insensitive).
fn find_entry(entries: &[Entry], name: &str) -> Option<usize> {
    entries.iter().position(|e| {
        e.name.eq_ignore_ascii_case(name)
            || e.forms.iter().any(|(f, _)| f.eq_ignore_ascii_case(name))
    })
}

/// A section whose heading is about a term becomes the term's home: the term
/// opens the heading (at most one word before it: "Understanding metastatic
/// osteosarcoma"), and the section has text. The heading the term fills most
/// wins; then the first in the book.
fn find_homes(entries: &mut [Entry], chapters: &[ChapterText], scans: &[Scan], m: &Matcher) {
    let mut best: Vec<Option<(f64, Place)>> = vec![None; entries.len()];
    for (ci, scan) in scans.iter().enumerate() {
        let chapter_words: usize = scan
            .paragraphs
            .iter()
            .map(|p| crate::text::word_count(&p.text))
            .sum();
        for (si, s) in scan.sections.iter().enumerate() {
            let has_text = if s.level == 1 {
                chapter_words > 0 && !chapters[ci].derived_title
            } else {
                s.words > 0
            };
            if !has_text {
                continue;
            }
            let Some(hit) = m.find(&s.heading).into_iter().next() else {
                continue;
            };
            let words_before = crate::text::word_count(&s.heading[..hit.range.start]);
            if words_before > 1 {
                continue;
            }
            let total = crate::text::word_count(&s.heading).max(1);
            let score =
                crate::text::word_count(&s.heading[hit.range.clone()]) as f64 / total as f64;
            let place = Place {
                chapter: ci,
                section: Some(si),
            };
            let b = &mut best[hit.entry];
            if b.is_none_or(|(sc, _)| score > sc) {
                *b = Some((score, place));
            }
        }
    }
    for (e, b) in entries.iter_mut().zip(best) {
        e.home = b.map(|(_, p)| p);
    }
}

/// `[preprocessor.seeds.terms] pin`: the editor says where a term links to.
fn pin(
    entries: &mut [Entry],
    chapters: &[ChapterText],
    scans: &[Scan],
    config: &TermsConfig,
) -> Result<()> {
    for (term, target) in &config.pin {
        let Some(ei) = find_entry(entries, term) else {
            bail!(
                "book.toml: `preprocessor.seeds.terms.pin` names the term {term:?}, which is not in the glossary file, `add`, or the abbreviations the pages define"
            );
        };
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target.as_str(), None),
        };
        let norm = |p: &str| {
            p.trim_start_matches("./")
                .trim_end_matches(".html")
                .trim_end_matches(".md")
                .to_string()
        };
        let Some(ci) = chapters.iter().position(|c| norm(&c.path) == norm(path)) else {
            bail!(
                "book.toml: `preprocessor.seeds.terms.pin.{term:?}` = {target:?}: no chapter {path:?}; expected a chapter path relative to src/, such as {:?}",
                chapters
                    .first()
                    .map(|c| c.path.as_str())
                    .unwrap_or("chapter.md")
            );
        };
        let section = match anchor {
            None => None,
            Some(a) => match scans[ci].sections.iter().position(|s| s.id == a) {
                Some(s) => Some(s),
                None => bail!(
                    "book.toml: `preprocessor.seeds.terms.pin.{term:?}` = {target:?}: chapter {path:?} has no heading with id {a:?}; its ids are: {}",
                    scans[ci]
                        .sections
                        .iter()
                        .map(|s| s.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
        };
        entries[ei].home = Some(Place {
            chapter: ci,
            section,
        });
    }
    Ok(())
}

/// Read-only state shared by the chapters while they are linked.
struct Ctx<'a> {
    chapters: &'a [ChapterText],
    scans: &'a [Scan],
    entries: &'a [Entry],
    matcher: &'a Matcher,
    setup: &'a Setup<'a>,
}

impl Ctx<'_> {
    /// Where a mention of `e` in chapter `ci`, inside the sections `chain`,
    /// links to; None when that is the section the mention is in (or the
    /// page itself, for a home at a page's title).
    fn href(&self, e: &Entry, ci: usize, chain: &[usize]) -> Option<String> {
        let from = &self.chapters[ci].path;
        let Some(p) = e.home else {
            return Some(format!(
                "{}#{}",
                crate::output::relative(from, &crate::output::html_path(self.setup.glossary_path)),
                e.id
            ));
        };
        let sections = &self.scans[p.chapter].sections;
        let title = match p.section {
            None => true,
            Some(s) => sections[s].level == 1,
        };
        if p.chapter == ci {
            return match p.section {
                Some(s) if !title && !chain.contains(&s) => Some(format!("#{}", sections[s].id)),
                _ => None,
            };
        }
        let page = crate::output::relative(
            from,
            &crate::output::html_path(&self.chapters[p.chapter].path),
        );
        Some(match p.section {
            Some(s) if !title => format!("{page}#{}", sections[s].id),
            _ => page,
        })
    }
}

/// Link one chapter. Returns the new content, the entries it mentions (with
/// the anchor of the first linked mention), and the number of links made.
fn link_chapter(ctx: &Ctx, ci: usize) -> (String, Mentions, usize) {
    let md = &ctx.chapters[ci].content;
    let scan = &ctx.scans[ci];
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut linked_in: HashSet<(Option<usize>, usize)> = HashSet::new();
    let mut links_in: HashMap<Option<usize>, usize> = HashMap::new();
    let mut mentioned: Mentions = Vec::new();
    let ids: HashSet<&str> = scan.sections.iter().map(|s| s.id.as_str()).collect();
    let mut links = 0;
    for span in &scan.spans {
        let text = &md[span.range.clone()];
        let chain = scan.chain(span.section);
        for hit in ctx.matcher.find(text) {
            let e = &ctx.entries[hit.entry];
            let words = &text[hit.range.clone()];
            let abs = span.range.start + hit.range.start..span.range.start + hit.range.end;
            if !mentioned.iter().any(|(x, _)| *x == hit.entry) {
                mentioned.push((hit.entry, None));
            }
            let inner = match (&e.expansion, hit.short) {
                (Some(x), true) => format!("<abbr title=\"{}\">{words}</abbr>", escape::html(x)),
                _ => words.to_string(),
            };
            let scope = match ctx.setup.config.first_mention_per {
                LinkScope::Section => span.section,
                LinkScope::Chapter => None,
            };
            let count = links_in.entry(span.section).or_insert(0);
            let href = if linked_in.contains(&(scope, hit.entry))
                || *count >= ctx.setup.config.max_links_per_section
            {
                None
            } else {
                ctx.href(e, ci, &chain)
            };
            let Some(href) = href else {
                if hit.short && e.expansion.is_some() {
                    edits.push((abs, inner));
                }
                continue;
            };
            linked_in.insert((scope, hit.entry));
            *count += 1;
            links += 1;
            let mut id_attr = String::new();
            let anchor = format!("gl-{}", e.id);
            if let Some(m) = mentioned.iter_mut().find(|(x, _)| *x == hit.entry)
                && m.1.is_none()
                && !ids.contains(anchor.as_str())
            {
                id_attr = format!(" id=\"{anchor}\"");
                m.1 = Some(anchor);
            }
            // The search index reads page text only: a mention written in another
            // form ("metastatic", "tumor", "IMRT") also carries the entry's own
            // words, hidden, so that searching for those finds this page.
            let key = match (hit.short, &e.expansion) {
                (true, Some(x)) => x.as_str(),
                _ => e.name.as_str(),
            };
            let plain = inflections(key, hit.short)
                .iter()
                .any(|f| f.to_lowercase() == words.to_lowercase());
            let search_key = if plain {
                String::new()
            } else {
                format!(
                    "<span class=\"search-key\" hidden> {}</span>",
                    escape::html(key)
                )
            };
            let title = match (hit.short, e.tip()) {
                (false, Some(t)) => format!(" title=\"{}\"", escape::html(&t)),
                _ => String::new(),
            };
            edits.push((
                abs,
                format!(
                    "<a class=\"term\"{id_attr} href=\"{}\"{title}>{inner}{search_key}</a>",
                    escape::html(&href)
                ),
            ));
        }
    }
    let mut out = String::with_capacity(md.len() + edits.len() * 80);
    let mut last = 0;
    for (r, rep) in edits {
        out.push_str(&md[last..r.start]);
        out.push_str(&rep);
        last = r.end;
    }
    out.push_str(&md[last..]);
    (out, mentioned, links)
}

/// Sort key: letters and digits, lower case ("CAR-T" next to "cart").
fn sort_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Glossary chapter: every term the book mentions, A to Z.
fn glossary_markdown(
    entries: &[Entry],
    mentions: &[Mentions],
    chapters: &[ChapterText],
    scans: &[Scan],
    setup: &Setup,
) -> String {
    let from = setup.glossary_path;
    let place_link = |p: Place| -> String {
        let c = &chapters[p.chapter];
        let page = crate::output::relative(from, &crate::output::html_path(&c.path));
        match p.section {
            Some(s) if scans[p.chapter].sections[s].level > 1 => {
                let sec = &scans[p.chapter].sections[s];
                format!(
                    "<a href=\"{}#{}\">{} › {}</a>",
                    escape::html(&page),
                    escape::html(&sec.id),
                    escape::html(&c.name),
                    escape::html(&sec.heading)
                )
            }
            _ => format!(
                "<a href=\"{}\">{}</a>",
                escape::html(&page),
                escape::html(&c.name)
            ),
        }
    };
    let mut shown: Vec<usize> = (0..entries.len())
        .filter(|&i| !mentions[i].is_empty() || !entries[i].defined_at.is_empty())
        .collect();
    shown.sort_by_cached_key(|&i| (sort_key(&entries[i].name), entries[i].name.clone()));
    let mut out = String::from(
        "# Glossary\n\nTerms that the pages of this book use. An abbreviation's expansion is written as the page \
         that defines it writes it. The definitions were written for this book in plain words and checked \
         against the source named under each; they are not medical advice. Each term links to the section \
         that explains it, where one does, and to the pages that mention it.\n\n",
    );
    if shown.is_empty() {
        out.push_str("No terms: the glossary file is empty and no page defines an abbreviation.\n");
        return out;
    }
    let mut letter: Option<char> = None;
    for i in shown {
        let e = &entries[i];
        let l = e
            .name
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .filter(char::is_ascii_uppercase)
            .unwrap_or('#');
        if letter != Some(l) {
            letter = Some(l);
            let id = if l == '#' {
                "letter-other".to_string()
            } else {
                format!("letter-{}", l.to_ascii_lowercase())
            };
            let shown_l = if l == '#' {
                "Other".to_string()
            } else {
                l.to_string()
            };
            let _ = writeln!(out, "## {shown_l} {{#{id}}}\n");
        }
        let _ = writeln!(out, "### {} {{#{}}}\n", escape::markdown(&e.name), e.id);
        if let Some(x) = &e.expansion {
            let mut places: Vec<String> = Vec::new();
            for p in &e.defined_at {
                let l = place_link(*p);
                if !places.contains(&l) {
                    places.push(l);
                }
            }
            let _ = write!(
                out,
                "<p class=\"gloss-expansion\"><abbr title=\"{}\">{}</abbr>: {}",
                escape::html(x),
                escape::html(&e.name),
                escape::html(x)
            );
            if !e.other_expansions.is_empty() {
                let others: Vec<String> =
                    e.other_expansions.iter().map(|o| escape::html(o)).collect();
                let _ = write!(out, " (also written: {})", others.join("; "));
            }
            if !places.is_empty() {
                let _ = write!(out, ". Defined in {}", places.join(", "));
            }
            out.push_str(".</p>\n\n");
        }
        if let Some((d, src)) = &e.definition {
            let _ = writeln!(
                out,
                "{} <span class=\"gloss-source\">Source: {}</span>\n",
                escape::markdown(d),
                escape::markdown_inline(src)
            );
        }
        let mut facts: Vec<String> = Vec::new();
        if let Some(h) = e.home {
            facts.push(format!("Explained in: {}", place_link(h)));
        }
        let ms: Vec<String> = mentions[i]
            .iter()
            .map(|(ci, anchor)| {
                let c = &chapters[*ci];
                let page = crate::output::relative(from, &crate::output::html_path(&c.path));
                let href = match anchor {
                    Some(a) => format!("{page}#{a}"),
                    None => page,
                };
                format!(
                    "<a href=\"{}\">{}</a>",
                    escape::html(&href),
                    escape::html(&c.name)
                )
            })
            .collect();
        if !ms.is_empty() {
            facts.push(format!("Mentioned in: {}", ms.join(", ")));
        }
        if !facts.is_empty() {
            let _ = writeln!(out, "<p class=\"gloss-links\">{}.</p>\n", facts.join(". "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CuratedTerm;

    fn term(name: &str, also: &[&str]) -> CuratedTerm {
        CuratedTerm {
            name: name.into(),
            also: also.iter().map(|s| s.to_string()).collect(),
            definition: format!("Definition of {name}. More."),
            source: "Test source".into(),
        }
    }

    fn chapter(path: &str, content: &str) -> ChapterText {
        ChapterText {
            path: path.into(),
            name: path.trim_end_matches(".md").into(),
            content: content.into(),
            derived_title: false,
        }
    }

    fn try_run_with(
        config: &TermsConfig,
        terms: &[CuratedTerm],
        chapters: &[ChapterText],
    ) -> Result<Linked> {
        let curated = Curated {
            terms: terms.to_vec(),
        };
        let setup = Setup {
            config,
            curated: &curated,
            md: MdOptions::default(),
            glossary_path: "glossary.md",
        };
        link_book(chapters, &setup)
    }

    fn run_with(config: &TermsConfig, terms: &[CuratedTerm], chapters: &[ChapterText]) -> Linked {
        try_run_with(config, terms, chapters).unwrap()
    }

    fn run(terms: &[CuratedTerm], chapters: &[ChapterText]) -> Linked {
        run_with(&TermsConfig::default(), terms, chapters)
    }

    /// (linked text, href) of every term link in a text.
    fn links(md: &str) -> Vec<(String, String)> {
        let re = regex::Regex::new(r#"<a class="term"[^>]*href="([^"]*)"[^>]*>(.*?)</a>"#).unwrap();
        let tags = regex::Regex::new(r"<[^>]+>").unwrap();
        let key = regex::Regex::new(r#"<span class="search-key" hidden>[^<]*</span>"#).unwrap();
        re.captures_iter(md)
            .map(|c| {
                let text = key.replace_all(&c[2], "");
                (tags.replace_all(&text, "").to_string(), c[1].to_string())
            })
            .collect()
    }

    #[test]
    fn first_mention_in_each_section_links_to_the_glossary() {
        let l = run(
            &[term("osteosarcoma", &[])],
            &[chapter(
                "a.md",
                "# Page\n\nOsteosarcoma and osteosarcoma again.\n\n## Later\n\nMore osteosarcoma.\n",
            )],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![
                ("Osteosarcoma".into(), "glossary.html#osteosarcoma".into()),
                ("osteosarcoma".into(), "glossary.html#osteosarcoma".into()),
            ]
        );
        // The first linked mention carries an anchor the glossary links back to.
        assert!(l.contents[0].contains("id=\"gl-osteosarcoma\""));
        assert_eq!(l.mentions[0], vec![(0, Some("gl-osteosarcoma".into()))]);
        assert!(
            l.glossary.contains("a.html#gl-osteosarcoma"),
            "{}",
            l.glossary
        );
        assert_eq!(l.links, 2);
    }

    #[test]
    fn once_per_chapter_when_configured() {
        let config = TermsConfig {
            first_mention_per: LinkScope::Chapter,
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("osteosarcoma", &[])],
            &[chapter(
                "a.md",
                "# Page\n\nOsteosarcoma.\n\n## Later\n\nMore osteosarcoma.\n",
            )],
        );
        assert_eq!(links(&l.contents[0]).len(), 1);
    }

    #[test]
    fn never_in_headings_links_code_or_html() {
        let md = "# Osteosarcoma\n\n## Osteosarcoma care\n\nSee [osteosarcoma](x.md), `osteosarcoma`, <a href=\"y\">osteosarcoma</a>.\n\n```\nosteosarcoma\n```\n";
        let l = run(&[term("osteosarcoma", &[])], &[chapter("a.md", md)]);
        assert_eq!(l.contents[0], md, "nothing may change");
    }

    #[test]
    fn never_to_the_section_the_mention_is_in() {
        let md = "# Book\n\n## MRI scans\n\nMRI uses magnets. More on MRI.\n\n### Safety\n\nMRI is safe.\n\n## Other scans\n\nUnlike MRI, CT uses x-rays.\n";
        let l = run(&[term("MRI", &[])], &[chapter("a.md", md)]);
        // The home is "MRI scans": no link from inside it (nor its subsection);
        // from another section, an in-page link.
        assert_eq!(
            links(&l.contents[0]),
            vec![("MRI".into(), "#mri-scans".into())]
        );
        let home = l.entries[0].home.unwrap();
        assert_eq!((home.chapter, home.section), (0, Some(1)));
        // Another chapter links to the section.
        let l = run(
            &[term("MRI", &[])],
            &[chapter("a.md", md), chapter("sub/b.md", "# B\n\nAn MRI.\n")],
        );
        assert_eq!(
            links(&l.contents[1]),
            vec![("MRI".into(), "../a.html#mri-scans".into())]
        );
        assert!(
            l.glossary
                .contains("Explained in: <a href=\"a.html#mri-scans\">a › MRI scans</a>"),
            "{}",
            l.glossary
        );
    }

    #[test]
    fn a_page_about_a_term_is_its_home_but_not_a_made_up_title() {
        let a = "# Immunotherapy for bone cancer\n\nImmunotherapy uses the immune system.\n";
        let b = "# Other\n\nSome immunotherapy.\n";
        let l = run(
            &[term("immunotherapy", &[])],
            &[chapter("a.md", a), chapter("b.md", b)],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![],
            "never a link to the page itself"
        );
        assert_eq!(
            links(&l.contents[1]),
            vec![("immunotherapy".into(), "a.html".into())]
        );
        let mut derived = chapter("a.md", a);
        derived.derived_title = true;
        let l = run(
            &[term("immunotherapy", &[])],
            &[derived, chapter("b.md", b)],
        );
        assert_eq!(
            links(&l.contents[1]),
            vec![("immunotherapy".into(), "glossary.html#immunotherapy".into())]
        );
    }

    #[test]
    fn a_heading_that_only_mentions_a_term_is_not_its_home() {
        let a = "# A\n\n## Outcomes of bone tumours\n\nText.\n\n## Empty tumour\n\n## Tumour\n\n";
        let l = run(&[term("tumour", &[])], &[chapter("a.md", a)]);
        // "Outcomes of bone tumours": two words before. "Empty tumour": one word, but
        // no text. "Tumour": no text either.
        assert_eq!(l.entries[0].home, None);
    }

    #[test]
    fn whole_words_and_case() {
        let md = "# P\n\nOsteosarcomas, preosteosarcoma, osteosarcoma-like, Ewing's sarcoma, the CT, a ct, CTs, CT-guided.\n";
        let l = run(
            &[
                term("osteosarcoma", &[]),
                term("Ewing", &[]),
                term("CT", &[]),
            ],
            &[chapter("a.md", md)],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![
                ("Osteosarcomas".into(), "glossary.html#osteosarcoma".into()),
                ("Ewing".into(), "glossary.html#ewing".into()),
                ("CT".into(), "glossary.html#ct".into()),
            ]
        );
        let m = Matcher::new(&l.entries).0;
        let found: Vec<&str> = m
            .find("a ct, CTs and CT-guided")
            .iter()
            .map(|h| &"a ct, CTs and CT-guided"[h.range.clone()])
            .collect();
        assert_eq!(found, vec!["CTs"]);
    }

    #[test]
    fn overlapping_terms_take_the_longest() {
        let md = "# P\n\nChimeric antigen receptor T-cell (CAR-T) therapy uses T-cells. CAR-T again; a CAR here.\n";
        let l = run(
            &[term("T cell", &["T-cell"]), term("CAR", &[])],
            &[chapter("a.md", md)],
        );
        let got = links(&l.contents[0]);
        assert_eq!(
            got,
            vec![
                (
                    "Chimeric antigen receptor T-cell".into(),
                    "glossary.html#car-t".into()
                ),
                ("T-cells".into(), "glossary.html#t-cell".into()),
                ("CAR".into(), "glossary.html#car".into()),
            ],
            "{}",
            l.contents[0]
        );
        // Every short form shows its expansion, linked or not.
        assert_eq!(
            l.contents[0]
                .matches("<abbr title=\"Chimeric antigen receptor T-cell\">CAR-T</abbr>")
                .count(),
            2
        );
    }

    #[test]
    fn abbreviation_defined_in_one_chapter_is_known_in_all() {
        let a = "# A\n\nIntensity modulated radiotherapy (IMRT) is precise.\n";
        let b = "# B\n\nIMRT was used.\n";
        let l = run(&[], &[chapter("a.md", a), chapter("b.md", b)]);
        assert_eq!(l.entries.len(), 1);
        assert_eq!(
            l.entries[0].expansion.as_deref(),
            Some("Intensity modulated radiotherapy")
        );
        assert_eq!(
            l.contents[1],
            "# B\n\n<a class=\"term\" id=\"gl-imrt\" href=\"glossary.html#imrt\"><abbr title=\"Intensity modulated radiotherapy\">IMRT</abbr><span class=\"search-key\" hidden> Intensity modulated radiotherapy</span></a> was used.\n"
        );
        assert!(l.glossary.contains("### IMRT {#imrt}"), "{}", l.glossary);
        assert!(
            l.glossary.contains("Defined in <a href=\"a.html\">a</a>"),
            "{}",
            l.glossary
        );
    }

    #[test]
    fn an_abbreviation_merges_into_a_curated_term() {
        let a = "# A\n\nMagnetic resonance imaging (MRI) shows soft tissue.\n";
        let l = run(&[term("MRI", &["MRI scan"])], &[chapter("a.md", a)]);
        assert_eq!(l.entries.len(), 1);
        assert_eq!(
            l.entries[0].expansion.as_deref(),
            Some("Magnetic resonance imaging")
        );
        assert!(l.entries[0].definition.is_some());
    }

    #[test]
    fn at_most_max_links_per_section() {
        let config = TermsConfig {
            max_links_per_section: 2,
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("alpha", &[]), term("beta", &[]), term("gamma", &[])],
            &[chapter(
                "a.md",
                "# A\n\nAlpha, beta, gamma.\n\n## B\n\nGamma.\n",
            )],
        );
        let got: Vec<String> = links(&l.contents[0]).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, vec!["Alpha", "beta", "Gamma"]);
    }

    #[test]
    fn pin_exclude_and_add() {
        let a = "# A\n\n## Scans\n\nAn MRI and a biopsy and limb salvage.\n\n## More\n\nMRI, biopsy, limb salvage.\n";
        let config = TermsConfig {
            pin: [("mri".to_string(), "a.md#scans".to_string())].into(),
            exclude: vec!["biopsy".into()],
            add: vec!["limb salvage".into()],
            ..TermsConfig::default()
        };
        let l = run_with(
            &config,
            &[term("MRI", &[]), term("biopsy", &[])],
            &[chapter("a.md", a)],
        );
        assert_eq!(
            links(&l.contents[0]),
            vec![
                ("limb salvage".into(), "glossary.html#limb-salvage".into()),
                ("MRI".into(), "#scans".into()),
                ("limb salvage".into(), "glossary.html#limb-salvage".into()),
            ]
        );
        assert!(!l.glossary.contains("biopsy"));
        let bad = TermsConfig {
            pin: [("MRI".to_string(), "a.md#nowhere".to_string())].into(),
            ..TermsConfig::default()
        };
        let e = try_run_with(&bad, &[term("MRI", &[])], &[chapter("a.md", a)])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("pin") && e.contains("nowhere") && e.contains("scans"),
            "{e}"
        );
    }

    #[test]
    fn hostile_term_text_is_escaped_in_the_glossary() {
        let l = run(
            &[CuratedTerm {
                name: "<b>x</b>".into(),
                also: vec![],
                definition: "A *bold* <script>alert(1)</script> claim.".into(),
                source: "[s](javascript:x)".into(),
            }],
            &[chapter("a.md", "# A\n\nSee <b>x</b> here.\n")],
        );
        assert!(!l.glossary.contains("<script>"), "{}", l.glossary);
        assert!(!l.glossary.contains("<b>"), "{}", l.glossary);
        assert!(!l.glossary.contains("](javascript"), "{}", l.glossary);
    }

    #[test]
    fn inflections() {
        assert_eq!(
            super::inflections("metastasis", false),
            vec!["metastasis", "metastases"]
        );
        assert_eq!(
            super::inflections("therapy", false),
            vec!["therapy", "therapies"]
        );
        assert_eq!(
            super::inflections("tumour", false),
            vec!["tumour", "tumours"]
        );
        assert_eq!(super::inflections("virus", false), vec!["virus", "viruses"]);
        assert_eq!(super::inflections("CT", true), vec!["CT", "CTs"]);
        assert_eq!(super::inflections("PD-1", false), vec!["PD-1"]);
    }
}
