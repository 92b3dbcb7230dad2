//! Stage 4: label every unit of a page.
//!
//! Order matters and is visible here: repeated edge phrases are stripped,
//! then per-unit signals (known phrases, calls to action, metadata, figure
//! labels, navigation lines, running headers, corpus-wide repetition,
//! duplicates), then jusText-style quality with neighbour context, which
//! decides headings (a heading takes the class of the text it introduces),
//! then the page title and the zones before it and after the last text.

pub(crate) mod rules;

use crate::clean::classify::rules::Rules;
use crate::clean::corpus::Corpus;
use crate::clean::reflow::Unit;
pub(crate) use crate::model::{DropReason, MetaKey};
use crate::record::{Action, Log, Stage};
use crate::text;
use foldhash::{HashMap, HashSet};
use regex::Regex;
use std::sync::LazyLock;

/// What a unit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Not decided yet (internal).
    Open,
    /// Removed from the text, for this reason.
    Drop(DropReason),
    Meta {
        key: MetaKey,
        value: String,
    },
    Title,
    Heading,
    Paragraph,
    ListItem {
        ordered: bool,
    },
    FigureLabel,
    Caption {
        label: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quality {
    Good,
    Short,
    Bad,
}

#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) unit: Unit,
    pub(crate) kind: Kind,
    quality: Quality,
    /// `heading_shaped_with` of the text as classified (classify never changes it;
    /// repair, later, may).
    heading: bool,
}

/// A page after classification.
#[derive(Debug, Clone)]
pub(crate) struct Classified {
    pub(crate) items: Vec<Item>,
}

static ORDERED: LazyLock<Regex> = LazyLock::new(|| re(r"^(\(?\d{1,3}[.)]|\[\d{1,3}\]|\^)\s+\S"));
/// "A. Writer, B. Writer and C. Writer", "A Author 1, B Author 2": names with initials.
static AUTHOR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s*[\d,*]*";
    re(&format!(r"^{name}(?:\s*(?:,|\band\b|&)\s*{name})+\.?$"))
});
static INITIAL: LazyLock<Regex> = LazyLock::new(|| re(r"(^|\s)[A-Z]{1,2}\.?(\s|,|$)"));
static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\d+\s*)?((Department|Division|Faculty|School|Institute|Laboratory|Unit|Centre|Center)\b.*|.*\b(University|Hospital|Institute|College)\b.*,.*)$",
    )
});
static FIG_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^((fig\.?|figure|table|image|chart|graph)\s*\d+[a-z]?[.:]?|(image|photo|picture|video) caption[,:]?)$",
    )
});
static PAGE_FURNITURE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(page\s+\d+(\s+(of|/)\s+\d+)?|\d{1,4}|\d+\s*/\s*\d+)$"));
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{1,2}(st|nd|rd|th)? [a-z]{3,9}\.? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|[a-z]{3,9} \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})$",
    )
});
static META: LazyLock<Vec<(MetaKey, Regex)>> = LazyLock::new(|| {
    vec![
        (
            MetaKey::LastReviewed,
            re(r"(?i)^(?:page )?last (?:reviewed|checked)(?: on| date)?\s*:?\s*(.*)$"),
        ),
        (
            MetaKey::NextReview,
            re(r"(?i)^next review(?: due| date)?(?: on)?\s*:?\s*(.*)$"),
        ),
        (
            MetaKey::LastUpdated,
            re(
                r"(?i)^(?:(?:page )?(?:last )?(?:updated|modified)|this page was last (?:edited|updated|modified))(?: on)?\s*:?\s*(.*?\d{4})(?:,? at .*|\s+by\s+.*)?\.?$",
            ),
        ),
        (
            MetaKey::Published,
            re(
                r"(?i)^(?:date )?(?:first )?(?:published|posted)(?: on)?\s*:?\s*(.*?\d{4})(?:\s+by\s+.*)?\.?$",
            ),
        ),
        (
            // "Started by someone, 12 January 2023": the date, not the user name.
            MetaKey::Published,
            re(
                r"(?i)^(?:started|posted|asked|submitted) by [^,|]{1,40}[,|·]\s*(\d{1,2} [a-z]{3,9}\.? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})\.?$",
            ),
        ),
        (
            MetaKey::Doi,
            re(r"(?i)^doi\s*:?\s*(?:https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+?)\.?(?:\s.*)?$"),
        ),
        (
            MetaKey::History,
            re(r"(?i)^((?:received|accepted|revised|available online|epub)\b.*(?:19|20)\d{2}.*)$"),
        ),
        (MetaKey::Keywords, re(r"(?i)^key ?words?\s*:\s*(.+?)\.?$")),
        (MetaKey::Pmid, re(r"^PMID:?\s*(\d{1,9})\b.*$")),
        (
            MetaKey::Citation,
            re(
                r"^\.?\s*((?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*\d+(?:\(\d+\))?\s*:\s*[\w–-]+)\.?$",
            ),
        ),
        (
            MetaKey::Authors,
            re(
                r"(?i)^(?:by|written by|authors?:|reviewed by|medically reviewed by)\s+([^|·•]{3,120}?)\s*(?:[|·•].*)?$",
            ),
        ),
    ]
});
/// The `META` patterns as one set, in the same order.
static META_SET: LazyLock<regex::RegexSet> =
    LazyLock::new(
        || match regex::RegexSet::new(META.iter().map(|(_, r)| r.as_str())) {
            Ok(s) => s,
            Err(e) => panic!("built-in metadata patterns are invalid: {e}"),
        },
    );
static ET_AL: LazyLock<Regex> = LazyLock::new(|| re(r"^(.{2,120}?\bet al\.?)(.*)$"));

static BREADCRUMB: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^/>»›.!?]{1,40}(\s+(/|>|»|›)\s+[^/>»›.!?]{1,60}){2,}$"));
static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(thread|topic|discussion|article|page title|title):\s+(\S.{2,150})$")
});
static FORUM_STAT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(posts|messages|reputation|likes|joined|member since)\b.*$"));
static EDIT_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\s*\[(edit|edit source|change source)\]$"));

/// What a page tells about its own structure, found while labelling.
#[derive(Debug, Default)]
struct Hints {
    /// The last element of a breadcrumb trail: the page's own name.
    crumb: Option<String>,
    /// Keys of headings listed in a table of contents: section names, never the title.
    toc: HashSet<String>,
}

/// Compare headings without their numbering ("2 Diagnosis" = "Diagnosis").
fn heading_key(t: &str) -> String {
    text::fold(text::strip_numbering(t))
}

use crate::text::builtin_regex as re;

/// A unit that could be a heading: short, capitalised, no sentence end
/// (except a question), 1 to 14 words (`words`: its word count), at most 110
/// characters. Looser than reflow's `line_may_be_heading` (at most 10 words, no
/// question), which guards wrapped paragraphs; here the context pass decides.
fn heading_shaped_with(s: &str, words: usize) -> bool {
    text::chars_at_most(s, 110)
        && text::starts_uppercase_or_digit(s)
        && (!text::ends_sentence(s) || s.ends_with('?'))
        && (1..=14).contains(&words)
}

/// The quality of a unit's text, and whether it is heading-shaped: one scan
/// of its words for both.
fn quality(s: &str) -> (Quality, bool) {
    let (n, stop) = text::word_and_stop_counts(s);
    let heading = heading_shaped_with(s, n);
    let d = if n == 0 { 0.0 } else { stop as f64 / n as f64 };
    let q = if n < 8 || text::chars_at_most(s, 49) || (!text::ends_sentence(s) && n < 15) || heading
    {
        Quality::Short
    } else if d >= 0.25 || (n >= 25 && d >= 0.15) {
        Quality::Good
    } else {
        Quality::Bad
    };
    (q, heading)
}

/// Classify the units of one page.
pub(crate) fn classify(
    units: Vec<Unit>,
    rules: &Rules,
    corpus: &Corpus,
    log: &mut Log,
) -> Classified {
    let mut units = units;
    strip_heading_suffixes(&mut units, log);
    let edge = strip_edge_phrase(&mut units, log);
    let mut items: Vec<Item> = units
        .into_iter()
        .map(|u| {
            let (quality, heading) = quality(&u.text);
            Item {
                unit: u,
                kind: Kind::Open,
                quality,
                heading,
            }
        })
        .collect();

    let hints = label_units(&mut items, rules, corpus, edge.as_deref());
    implicit_lists(&mut items);
    bind_captions(&mut items);
    drop_sections(&mut items, rules);
    resolve_context(&mut items);
    choose_title(&mut items, rules, edge.as_deref(), &hints);
    drop_trailing(&mut items);
    for it in &mut items {
        if it.kind == Kind::Open {
            it.kind = Kind::Paragraph;
        }
    }
    for it in &items {
        match &it.kind {
            Kind::Drop(reason) => {
                let mut text = it.unit.text.clone();
                for e in &it.unit.extra {
                    text.push_str(" / ");
                    text.push_str(e);
                }
                log.removed(it.unit.first, Stage::Classify, &text, reason.to_string());
            }
            Kind::Meta { key, .. } => log.edit(
                it.unit.first,
                Stage::Classify,
                Action::MovedToMetadata,
                it.unit.text.clone(),
                "",
                format!("page metadata ({})", key.label()),
            ),
            _ => {}
        }
    }
    Classified { items }
}

/// Wiki "[edit]" links glued to headings, and "Thread: …" / "Topic: …" labels
/// in front of a forum's title.
fn strip_heading_suffixes(units: &mut [Unit], log: &mut Log) {
    for u in units.iter_mut() {
        if let Some(c) = TITLE_LABEL.captures(&u.text)
            && !c[2].ends_with('.')
        {
            let label = format!("{}:", &c[1]);
            let rest = c[2].to_string();
            let cut = u.text.len() - rest.len();
            log.edit(
                u.first,
                Stage::Classify,
                Action::Removed,
                label,
                "",
                "label in front of a title",
            );
            u.drop_prefix(cut, rest);
        }
    }
    for u in units {
        if u.text.ends_with(']')
            && text::at_most_words(&u.text, 14)
            && let Some(m) = EDIT_SUFFIX.find(&u.text)
        {
            log.edit(
                u.first,
                Stage::Classify,
                Action::Removed,
                m.as_str().trim(),
                "",
                "wiki edit link after a heading",
            );
            u.text.truncate(m.start());
        }
    }
}

/// A run of two or more short lines, one after another, each repeated later
/// on the page as a heading: a table of contents. Returns the keys of its entries.
fn mark_table_of_contents(items: &mut [Item], rules: &Rules) -> HashSet<String> {
    // Lines shaped like a contents entry, and their keys; any other line only
    // matters when its key equals one of those, so its key is built only up to
    // the longest of them (a long paragraph is not folded whole).
    let candidate: Vec<bool> = items
        .iter()
        .map(|i| i.heading || i.unit.text.ends_with('?'))
        .collect();
    let candidate_keys: Vec<Option<String>> = items
        .iter()
        .zip(&candidate)
        .map(|(i, c)| c.then(|| heading_key(&i.unit.text)))
        .collect();
    let longest = candidate_keys
        .iter()
        .flatten()
        .map(String::len)
        .max()
        .unwrap_or(0);
    // Another line's key is kept only when it is some candidate's key: no
    // other key is ever looked up.
    let wanted: HashSet<&str> = candidate_keys
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    // A fold starts with its first word, lower-cased: a line whose first word
    // starts no wanted key is not folded at all ("" when it has no words).
    let first_words: HashSet<&str> = wanted
        .iter()
        .map(|k| k.split(' ').next().unwrap_or_default())
        .collect();
    let mut buf = String::new();
    let other_keys: Vec<Option<String>> = items
        .iter()
        .zip(&candidate_keys)
        .map(|(it, k)| {
            let t = text::strip_numbering(&it.unit.text);
            buf.clear();
            if let Some(w) = text::words(t).next() {
                text::push_lower(&mut buf, w);
            }
            (k.is_none()
                && first_words.contains(buf.as_str())
                && text::fold_within_into(&mut buf, t, longest)
                && wanted.contains(buf.as_str()))
            .then(|| buf.clone())
        })
        .collect();
    let keys: Vec<Option<String>> = candidate_keys
        .into_iter()
        .zip(other_keys)
        .map(|(a, b)| a.or(b))
        .collect();
    let mut last_at: HashMap<&str, usize> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            last_at.insert(k.as_str(), i);
        }
    }
    let listed: Vec<bool> = (0..items.len())
        .map(|i| {
            let key = keys[i].as_deref().unwrap_or_default();
            candidate[i]
                && !key.is_empty()
                && last_at.get(key).is_some_and(|&j| j >= i + 2)
                && unit_boilerplate(&items[i].unit, rules).is_none()
        })
        .collect();
    let mut toc = HashSet::default();
    let mut i = 0;
    while i + 2 < items.len() {
        let mut j = i;
        while j + 2 < items.len() && listed[j] {
            j += 1;
        }
        if j - i >= 2 {
            for it in &mut items[i..j] {
                toc.insert(heading_key(&it.unit.text));
                it.kind = Kind::Drop(DropReason::TableOfContents);
            }
        }
        i = j.max(i + 1);
    }
    toc
}

/// "Symptoms include:" followed by short lines with no bullets: those lines are a list.
/// The run stops before a line that is followed by prose (that line is a heading).
fn implicit_lists(items: &mut [Item]) {
    let n = items.len();
    let mut i = 0;
    while i < n {
        let intro = &items[i];
        if !(intro.kind == Kind::Open && intro.unit.text.ends_with(':')) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n
            && items[j].kind == Kind::Open
            && items[j].quality == Quality::Short
            && text::at_most_words(&items[j].unit.text, 12)
            && !items[j].unit.text.ends_with(':')
            && !items
                .get(j + 1)
                .is_some_and(|x| x.kind == Kind::Open && x.quality == Quality::Good)
        {
            j += 1;
        }
        if j - i > 2 {
            for it in &mut items[i + 1..j] {
                it.kind = Kind::ListItem { ordered: false };
            }
        }
        i = j.max(i + 1);
    }
}

/// A phrase repeated at the start or end of many paragraphs (SEO pages):
/// removed from them, kept once where it stands alone. Returns the phrase.
fn strip_edge_phrase(units: &mut [Unit], log: &mut Log) -> Option<String> {
    let (phrase, n) = edge_phrase(units)?;
    let k = phrase.split(' ').count();
    for u in units.iter_mut().filter(|u| !u.bullet) {
        let (toks, ntok) = edge_tokens(&u.text);
        if ntok < 8 {
            continue;
        }
        let (new, cut) = if edge_prefix(&u.text, &toks, k)
            .is_some_and(|p| p.eq_ignore_ascii_case(&phrase))
        {
            // The text after the first k tokens.
            let new = last_piece(u.text.splitn(k + 1, ' '));
            let cut = u.text.len() - new.len();
            (new, cut)
        } else if edge_suffix(&u.text, &toks, k).is_some_and(|p| p.eq_ignore_ascii_case(&phrase)) {
            // The text before the last k tokens.
            (last_piece(u.text.rsplitn(k + 1, ' ')), 0)
        } else {
            continue;
        };
        if new != u.text {
            log.edit(
                u.first,
                Stage::Classify,
                Action::Removed,
                phrase.clone(),
                "",
                format!(
                    "phrase repeated at the start or end of {n} paragraphs (SEO filler) removed; kept once as a heading or title"
                ),
            );
            u.drop_prefix(cut, new);
        }
    }
    Some(phrase)
}

/// A paragraph's edges as `edge_phrase` reads them: its first and last three
/// tokens (of a split at single spaces, as in `edge_tokens`).
struct Edges<'a> {
    text: &'a str,
    first: [&'a str; 3],
    last: [&'a str; 3],
    /// It may start with a phrase (it starts with a capital or a digit) and end
    /// with one (it does not end with punctuation).
    prefixes: bool,
    suffixes: bool,
}

/// The phrase found at the start or the end of three or more paragraphs
/// (compared in lower case; the spelling of its first use), and how many:
/// the most used, then the longest. Phrases are 3 to 12 tokens; see
/// `edge_prefix` and `edge_suffix` for what may be one.
///
/// Every paragraph offers up to 20 candidate phrases and nearly all of them
/// occur once, so a first pass counts only the paragraphs' first three and
/// last three tokens (case-blind hashes). A phrase used `a` times as a prefix
/// and `b` times as a suffix starts with a paragraph's first three tokens
/// `a` times and ends with a paragraph's last three `b` times, so when
/// those counts for its own first and last three tokens add up to less than
/// three, it cannot be the answer and is not counted. The condition is the
/// same at every use of a phrase, so a phrase is counted at all its uses or
/// at none (a hash collision only counts more).
fn edge_phrase(units: &[Unit]) -> Option<(String, usize)> {
    let mut paras: Vec<Edges> = Vec::with_capacity(units.len());
    paras.extend(units.iter().filter(|u| !u.bullet).filter_map(|u| {
        // Cheap tests first: most paragraphs end with a full stop, so they
        // have no suffix phrase.
        let text = u.text.as_str();
        let prefixes = text::starts_uppercase_or_digit(text);
        let suffixes = !text.ends_with(|c: char| c.is_ascii_punctuation());
        if !(prefixes || suffixes) {
            return None;
        }
        let (first, last) = first_and_last_three(text)?;
        Some(Edges {
            text,
            first,
            last,
            prefixes,
            suffixes,
        })
    }));
    let token = |t: &str| {
        let mut h = 0u64;
        fold_chars(t, |c| h = fold_hash_push(h, c));
        h
    };
    let three = |t: &[&str]| {
        t.iter().fold(0u64, |h, x| {
            (h ^ token(x)).wrapping_mul(FOLD_HASH_MUL).rotate_left(29)
        })
    };
    let mut starts: HashMap<u64, usize> = HashMap::default();
    let mut ends: HashMap<u64, usize> = HashMap::default();
    for p in &paras {
        if p.prefixes {
            *starts.entry(three(&p.first)).or_default() += 1;
        }
        if p.suffixes {
            *ends.entry(three(&p.last)).or_default() += 1;
        }
    }
    let most = |m: &HashMap<u64, usize>| m.values().copied().max().unwrap_or(0);
    let (most_starts, most_ends) = (most(&starts), most(&ends));
    let count = |m: &HashMap<u64, usize>, t: &[&str]| m.get(&three(t)).copied().unwrap_or(0);
    let mut counts: HashMap<String, (usize, &str)> = HashMap::default();
    for p in &paras {
        let a = if p.prefixes {
            count(&starts, &p.first)
        } else {
            0
        };
        let b = if p.suffixes { count(&ends, &p.last) } else { 0 };
        let prefixes = p.prefixes && a + most_ends >= 3;
        let suffixes = p.suffixes && most_starts + b >= 3;
        if !(prefixes || suffixes) {
            continue;
        }
        // Only now the paragraph is split: most never are.
        let (toks, ntok) = edge_tokens(p.text);
        let (toks, n, top) = (&toks, toks.len(), 12.min(ntok - 4));
        if prefixes {
            for k in 3..=top {
                if let Some(phrase) = edge_prefix(p.text, toks, k)
                    && a + count(&ends, &toks[k - 3..k]) >= 3
                {
                    counts.entry(phrase.to_lowercase()).or_insert((0, phrase)).0 += 1;
                }
            }
        }
        if suffixes {
            for k in 3..=top {
                if let Some(phrase) = edge_suffix(p.text, toks, k)
                    && count(&starts, &toks[n - k..n - k + 3]) + b >= 3
                {
                    counts.entry(phrase.to_lowercase()).or_insert((0, phrase)).0 += 1;
                }
            }
        }
    }
    most_used_phrase(counts)
}

/// Of phrases counted in lower case (with the spelling of their first use),
/// the one used three times or more: the most used, then the longest, then
/// the first in alphabetical order.
fn most_used_phrase(counts: HashMap<String, (usize, &str)>) -> Option<(String, usize)> {
    let (_, (n, phrase)) = counts
        .into_iter()
        .filter(|(_, (n, _))| *n >= 3)
        .max_by_key(|(k, (n, _))| (*n, k.len(), std::cmp::Reverse(k.clone())))?;
    Some((phrase.to_string(), n))
}

/// The first three and the last three tokens of a text split at single
/// spaces, when it has eight tokens or more; found by a byte loop from each
/// end (a paragraph is not split whole for them).
fn first_and_last_three(text: &str) -> Option<([&str; 3], [&str; 3])> {
    let b = text.as_bytes();
    let mut ahead = [0usize; 7];
    let mut n = 0;
    for (i, &x) in b.iter().enumerate() {
        if x == b' ' {
            ahead[n] = i;
            n += 1;
            if n == ahead.len() {
                break;
            }
        }
    }
    if n < ahead.len() {
        return None;
    }
    let mut back = [0usize; 3];
    let mut m = 0;
    for (i, &x) in b.iter().enumerate().rev() {
        if x == b' ' {
            back[m] = i;
            m += 1;
            if m == back.len() {
                break;
            }
        }
    }
    // Cuts at ASCII spaces: character boundaries.
    Some((
        [
            &text[..ahead[0]],
            &text[ahead[0] + 1..ahead[1]],
            &text[ahead[1] + 1..ahead[2]],
        ],
        [
            &text[back[2] + 1..back[1]],
            &text[back[1] + 1..back[0]],
            &text[back[0] + 1..],
        ],
    ))
}

/// The boilerplate label of a unit: of its whole text, or, when reflow joined
/// several raw lines that are each boilerplate on their own ("An official
/// website of the United States government" / "Here's how you know"), of its
/// first line. Every unit-level boilerplate test in this stage goes through here.
fn unit_boilerplate(u: &Unit, rules: &Rules) -> Option<DropReason> {
    if let Some(label) = rules.boilerplate(&u.text) {
        return Some(label);
    }
    if u.line_starts.len() < 2 {
        return None;
    }
    let mut first = None;
    for (k, (start, _)) in u.line_starts.iter().enumerate() {
        let end = u.line_starts.get(k + 1).map_or(u.text.len(), |(e, _)| *e);
        let label = rules.boilerplate(u.text.get(*start..end)?.trim())?;
        first.get_or_insert(label);
    }
    first
}

/// The space-separated tokens of `text` that `edge_prefix` and `edge_suffix`
/// (k ≤ 12) can look at, and the number of tokens: exact up to 26; above
/// that, `usize::MAX`, and the paragraph is represented by its first 13 and
/// last 13 tokens instead of being split whole.
fn edge_tokens(text: &str) -> (EdgeTokens<'_>, usize) {
    // A byte loop: this runs for every paragraph, and `split(' ')` pays a
    // search call per token (the tokens are words, a few bytes long).
    let b = text.as_bytes();
    let mut t = EdgeTokens {
        toks: [""; 26],
        len: 26,
    };
    let (mut count, mut start) = (0, 0);
    for (i, &x) in b.iter().enumerate() {
        if x == b' ' {
            if count == 25 {
                // A 27th token follows: keep the first 13 and the last 13.
                for (k, p) in text.rsplit(' ').take(13).enumerate() {
                    t.toks[25 - k] = p;
                }
                return (t, usize::MAX);
            }
            // Cut at an ASCII space: always a character boundary.
            t.toks[count] = &text[start..i];
            count += 1;
            start = i + 1;
        }
    }
    t.toks[count] = &text[start..];
    t.len = count + 1;
    let n = t.len;
    (t, n)
}

/// At most 26 tokens, on the stack (this runs for every paragraph).
struct EdgeTokens<'a> {
    toks: [&'a str; 26],
    len: usize,
}

impl<'a> std::ops::Deref for EdgeTokens<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.toks[..self.len]
    }
}

/// The last piece of `splitn(k + 1, ' ')` or `rsplitn(k + 1, ' ')`: the text
/// without its first or last k tokens.
fn last_piece<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    pieces.last().unwrap_or_default().to_string()
}

/// The first `k` tokens of `text` as one slice of it, when they look like a
/// phrase put in front of a paragraph. `toks` are `text`'s tokens from
/// `edge_tokens`: pieces of a split at single spaces, so `k` consecutive tokens
/// are exactly `text`'s bytes over their lengths plus `k - 1` spaces.
fn edge_prefix<'a>(text: &'a str, toks: &[&str], k: usize) -> Option<&'a str> {
    let last = toks.get(k.checked_sub(1)?)?;
    let next = toks.get(k)?;
    let len = toks[..k].iter().map(|t| t.len()).sum::<usize>() + k - 1;
    (text::starts_uppercase_or_digit(toks[0])
        && !last.ends_with(|c: char| c.is_ascii_punctuation())
        && text::starts_uppercase_or_digit(next))
    .then(|| text.get(..len))
    .flatten()
}

/// The last `k` tokens of `text` as one slice of it, when they look like a
/// phrase put after a paragraph (see `edge_prefix`).
fn edge_suffix<'a>(text: &'a str, toks: &[&str], k: usize) -> Option<&'a str> {
    if k == 0 {
        return None;
    }
    let start = toks.len().checked_sub(k)?;
    let before = toks.get(start.checked_sub(1)?)?;
    let len = toks[start..].iter().map(|t| t.len()).sum::<usize>() + k - 1;
    (text::ends_full_stop(before)
        && text::starts_uppercase_or_digit(toks[start])
        && !toks[toks.len() - 1].ends_with(|c: char| c.is_ascii_punctuation()))
    .then(|| text.get(text.len().checked_sub(len)?..))
    .flatten()
}

/// The characters of `s.to_lowercase()`, except that a final sigma is not
/// told apart (`ς` comes out as `σ`): strings equal in lower case give equal
/// sequences, which is all `strip_edge_phrase`'s hash needs.
fn fold_chars(s: &str, mut f: impl FnMut(char)) {
    for c in s.chars() {
        if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else {
            c.to_lowercase()
                .for_each(|l| f(if l == 'ς' { 'σ' } else { l }));
        }
    }
}

/// A polynomial hash of a character sequence, built forwards (`push`: append
/// one character) or backwards (`prepend`, with the running power of the
/// multiplier): both give the same value for the same sequence.
const FOLD_HASH_MUL: u64 = 0x0000_0100_0000_01b3;

fn fold_hash_push(h: u64, c: char) -> u64 {
    h.wrapping_mul(FOLD_HASH_MUL).wrapping_add(u64::from(c) + 1)
}

fn label_units(items: &mut [Item], rules: &Rules, corpus: &Corpus, edge: Option<&str>) -> Hints {
    let mut hints = Hints {
        toc: mark_table_of_contents(items, rules),
        ..Hints::default()
    };
    // Short lines, folded once: running headers and site navigation are short.
    let folds: Vec<Option<String>> = items
        .iter()
        .map(|it| text::chars_at_most(&it.unit.text, 80).then(|| text::fold(&it.unit.text)))
        .collect();
    // Running headers/footers: the same short line standing alone 3+ times.
    let mut standalone: HashMap<&str, usize> = HashMap::default();
    for f in folds.iter().flatten() {
        *standalone.entry(f.as_str()).or_default() += 1;
    }
    let first_good = items
        .iter()
        .position(|i| {
            i.quality == Quality::Good
                && !i.unit.bullet
                && unit_boilerplate(&i.unit, rules).is_none()
                && !rules.is_call_to_action(&i.unit.text)
        })
        .unwrap_or(items.len());
    // The item before this one (its text is compared, never copied).
    let mut prev: Option<usize> = None;
    let mut pending_meta: Option<usize> = None;
    for idx in 0..items.len() {
        if items[idx].kind != Kind::Open {
            prev = Some(idx);
            continue;
        }
        let it = &items[idx];
        let t = it.unit.text.as_str();
        // Only short lines can be running headers (the table holds only those).
        let folded = folds[idx].as_deref();
        let standing = folded.and_then(|f| standalone.get(f)).copied().unwrap_or(0);
        let kind = if prev.is_some_and(|p| items[p].unit.text == t) {
            Some(Kind::Drop(DropReason::Duplicate))
        } else if PAGE_FURNITURE.is_match(t) {
            Some(Kind::Drop(DropReason::PageFurniture))
        } else if let Some(label) = unit_boilerplate(&it.unit, rules) {
            Some(Kind::Drop(label))
        } else if BREADCRUMB.is_match(t) {
            hints.crumb = t
                .rsplit(['/', '>', '»', '›'])
                .next()
                .map(|c| c.trim().to_string());
            Some(Kind::Drop(DropReason::Breadcrumb))
        } else if it.unit.cells && idx < first_good {
            Some(Kind::Drop(DropReason::Infobox))
        } else if rules.is_call_to_action(t) {
            Some(Kind::Drop(DropReason::CallToAction))
        } else if let Some((key, value)) = metadata(t, idx < first_good) {
            Some(Kind::Meta { key, value })
        } else if FIG_LABEL.is_match(t) {
            Some(Kind::FigureLabel)
        } else if is_navigation_line(t) {
            Some(Kind::Drop(DropReason::NavigationMenu))
        } else if standing >= 3
            && edge.is_none_or(|e| folded.is_none_or(|f| !text::fold_eq(e, f)))
            && !rules.is_generic_heading(t)
        {
            Some(Kind::Drop(DropReason::RunningHeader { times: standing }))
        } else {
            folded
                .filter(|_| !text::ends_full_stop(t) && corpus.pages >= 2)
                .map(|f| corpus.pages_with_folded(f))
                .filter(|&n| n >= rules.repeat_min_pages.max(2) && !rules.is_generic_heading(t))
                .map(|pages| Kind::Drop(DropReason::RepeatedAcrossPages { pages }))
        };
        let kind = match kind {
            Some(k) => Some(k),
            None if text::at_most_words(t, 3)
                && items
                    .get(idx + 1)
                    .is_some_and(|n| FORUM_STAT.is_match(&n.unit.text)) =>
            {
                Some(Kind::Drop(DropReason::ForumUserName))
            }
            None if it.unit.bullet => Some(Kind::ListItem { ordered: false }),
            None if ORDERED.is_match(t)
                && !it.heading
                && (it.unit.indent > 0
                    || t.starts_with(['[', '^'])
                    || [idx.wrapping_sub(1), idx + 1].iter().any(|&j| {
                        items.get(j).is_some_and(|o| ORDERED.is_match(&o.unit.text))
                    })) =>
            {
                Some(Kind::ListItem { ordered: true })
            }
            None => None,
        };
        // A metadata label whose value is on the next line ("Last reviewed:" / "05 Dec 2017").
        let date_value =
            (pending_meta.is_some() && kind.is_none() && DATE.is_match(t)).then(|| t.to_string());
        // A sentence-like line immediately duplicated is an image's alt text and caption.
        let caption_before = matches!(&kind, Some(Kind::Drop(DropReason::Duplicate)))
            && idx > 0
            && items[idx - 1].kind == Kind::Open
            && text::word_count(t) >= 5;
        if let (Some(p), Some(v)) = (pending_meta, date_value) {
            if let Kind::Meta { value, .. } = &mut items[p].kind {
                *value = v;
            }
            items[idx].kind = Kind::Drop(DropReason::MetaValue);
            pending_meta = None;
            prev = Some(idx);
            continue;
        }
        pending_meta = match &kind {
            Some(Kind::Meta { value, .. }) if value.is_empty() => Some(idx),
            _ => None,
        };
        if caption_before {
            items[idx - 1].kind = Kind::Caption { label: None };
        }
        if let Some(k) = kind {
            items[idx].kind = k;
        }
        prev = Some(idx);
    }
    hints
}

/// Metadata lines. Author lines count only before the text starts.
fn metadata(t: &str, in_header: bool) -> Option<(MetaKey, String)> {
    // One scan says which patterns can match; captures only for those.
    if !META_SET.is_match(t) {
        return metadata_in_header(t, in_header);
    }
    let hits = META_SET.matches(t);
    for (k, (key, re)) in META.iter().enumerate() {
        if !hits.matched(k) || (*key == MetaKey::Authors && !in_header) {
            continue;
        }
        if let Some(c) = re.captures(t) {
            let value = c.get(1).map_or("", |m| m.as_str()).trim().to_string();
            if matches!(key, MetaKey::LastReviewed | MetaKey::NextReview)
                && !(value.is_empty() || DATE.is_match(&value) || value.len() < 40)
            {
                continue;
            }
            return Some((*key, value));
        }
    }
    metadata_in_header(t, in_header)
}

/// Author and affiliation lines, recognised only in a page's header.
fn metadata_in_header(t: &str, in_header: bool) -> Option<(MetaKey, String)> {
    if !in_header || t.chars().count() > 300 {
        return None;
    }
    if let Some(c) = ET_AL.captures(t) {
        return Some((MetaKey::Authors, c[1].trim().to_string()));
    }
    if text::ends_full_stop(t) {
        return None;
    }
    if AUTHOR_LIST.is_match(t) && INITIAL.is_match(t) {
        return Some((MetaKey::Authors, t.trim_end_matches('.').to_string()));
    }
    if AFFILIATION.is_match(t) {
        return Some((MetaKey::Affiliation, t.to_string()));
    }
    None
}

/// A date anywhere in a line ("By Sam Writer | 5 minute read | 10 October 2024").
pub(crate) fn date_in(t: &str) -> Option<String> {
    static DATE_ANY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})\b",
        )
    });
    DATE_ANY.find(t).map(|m| m.as_str().to_string())
}

/// "Vivek Kumar Morya et al. Discov Oncol. ." → the journal after the authors, if any.
pub(crate) fn journal_after_authors(t: &str) -> Option<String> {
    let c = ET_AL.captures(t)?;
    let rest = c[2]
        .trim()
        .trim_matches(|ch: char| ch == '.' || ch == ' ' || ch == ',');
    (!rest.is_empty() && text::word_count(rest) <= 12).then(|| rest.to_string())
}

/// "Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation".
fn is_navigation_line(t: &str) -> bool {
    if text::ends_sentence(t) {
        return false;
    }
    // At least six words, every one capitalised and none a stop word: stop at the first that is not.
    let mut n = 0;
    for w in text::words(t) {
        if text::is_stop_word(w) || !w.chars().next().is_some_and(|c| c.is_uppercase()) {
            return false;
        }
        n += 1;
    }
    n >= 6
}

/// "Fig. 1" labels: the next unit is the caption; duplicate labels were dropped.
fn bind_captions(items: &mut [Item]) {
    for i in 0..items.len() {
        if items[i].kind != Kind::FigureLabel {
            continue;
        }
        let label = items[i].unit.text.clone();
        let next = (i + 1..items.len()).find(|&j| !matches!(items[j].kind, Kind::Drop(_)));
        match next {
            Some(j) if items[j].kind == Kind::Open => {
                let label = (!label.to_lowercase().contains("caption")).then_some(label);
                items[j].kind = Kind::Caption { label };
                items[i].kind = Kind::Drop(DropReason::MergedLabel);
            }
            _ => {
                items[i].kind = Kind::Caption { label: None };
            }
        }
    }
}

/// Configured `drop-sections`: a matching heading and everything up to the next heading-shaped line.
fn drop_sections(items: &mut [Item], rules: &Rules) {
    let mut dropping: Option<DropReason> = None;
    for it in items.iter_mut() {
        if it.kind != Kind::Open && !matches!(it.kind, Kind::ListItem { .. }) {
            continue;
        }
        if it.heading && it.quality == Quality::Short {
            dropping = rules.drops_section(&it.unit.text);
        }
        if let Some(r) = &dropping {
            it.kind = Kind::Drop(r.clone());
        }
    }
}

/// jusText-style context: a heading takes the class of the text it introduces;
/// other short or low-density units survive only next to good text.
fn resolve_context(items: &mut [Item]) {
    // Walk backwards, so that what a heading introduces is already decided.
    // `next` is the class of the next decided unit; `next_text` the same but
    // looking past known boilerplate phrases, since a heading's text may sit
    // behind "Asked by …", "On this page" or share buttons.
    let mut next: Option<bool> = None;
    let mut next_text: Option<bool> = None;
    // The class of the unit before each unit, as labelled before this pass
    // (one forward pass, so the whole walk stays linear).
    let mut prev_good = Vec::with_capacity(items.len());
    let mut last: Option<bool> = None;
    for it in items.iter() {
        prev_good.push(last);
        match &it.kind {
            Kind::Drop(r) if r.is_transparent() => {}
            Kind::Drop(_) => last = Some(false),
            Kind::Meta { .. } | Kind::FigureLabel => {}
            Kind::Open => last = Some(it.quality == Quality::Good),
            _ => last = Some(true),
        }
    }
    for i in (0..items.len()).rev() {
        let it = &items[i];
        let decided = match &it.kind {
            Kind::Drop(r) if r.is_transparent() => continue,
            Kind::Drop(r) => {
                next = Some(false);
                if !r.is_furniture() {
                    next_text = Some(false);
                }
                continue;
            }
            Kind::Meta { .. } | Kind::FigureLabel => continue,
            Kind::Open => None,
            _ => Some(true),
        };
        let keep = match decided {
            Some(k) => k,
            None if it.quality == Quality::Good => {
                items[i].kind = Kind::Paragraph;
                true
            }
            None if it.heading => {
                let keep = next_text == Some(true);
                items[i].kind = if keep {
                    Kind::Heading
                } else {
                    Kind::Drop(DropReason::NoTextAfter)
                };
                keep
            }
            None => {
                // A short sentence or long low-density text stays next to good text.
                let keep = next == Some(true) || prev_good[i] == Some(true);
                items[i].kind = if keep {
                    Kind::Paragraph
                } else {
                    Kind::Drop(DropReason::BetweenBoilerplate {
                        low_density: it.quality == Quality::Bad,
                    })
                };
                keep
            }
        };
        next = Some(keep);
        next_text = Some(keep);
    }
}

/// The title: a heading repeated in the page header, else the last heading
/// that is not a generic section name before the first paragraph.
/// Everything before it (but metadata) is page header and goes.
fn choose_title(
    items: &mut [Item],
    rules: &Rules,
    edge: Option<&str>,
    hints: &Hints,
) -> Option<usize> {
    let questions = items
        .iter()
        .filter(|i| i.kind == Kind::Heading && i.unit.text.ends_with('?'))
        .count();
    let first_para = items
        .iter()
        .position(|i| matches!(i.kind, Kind::Paragraph | Kind::ListItem { .. }))
        .unwrap_or(items.len());
    let candidates: Vec<usize> = (0..first_para)
        .filter(|&i| {
            let t = &items[i].unit.text;
            let eligible = match &items[i].kind {
                Kind::Heading => true,
                Kind::Drop(r) => *r == DropReason::NoTextAfter && items[i].heading,
                _ => false,
            };
            eligible
                && !rules.is_generic_heading(t)
                && !hints.toc.contains(&heading_key(t))
                && (questions < 2 || !t.ends_with('?'))
        })
        .collect();
    // The breadcrumb's last element names the page: the first heading after it with that text.
    let by_crumb = hints.crumb.as_deref().and_then(|c| {
        let f = text::fold(c);
        let start = items
            .iter()
            .position(|i| matches!(&i.kind, Kind::Drop(DropReason::Breadcrumb)))?;
        (start + 1..items.len())
            .find(|&i| text::fold_eq(&items[i].unit.text, &f) && items[i].heading)
    });
    let by_edge = edge.and_then(|e| {
        let f = text::fold(e);
        items.iter().position(|i| text::fold_eq(&i.unit.text, &f))
    });
    let mut seen: HashMap<String, usize> = HashMap::default();
    for &i in &candidates {
        *seen.entry(text::fold(&items[i].unit.text)).or_default() += 1;
    }
    let repeated = candidates.iter().copied().find(|&i| {
        text::word_count(&items[i].unit.text) >= 3 && seen[&text::fold(&items[i].unit.text)] >= 2
    });
    // Numbered headings ("1. What it is") are sections: a title only when nothing else is.
    let numbered = |i: &usize| {
        let t = &items[*i].unit.text;
        text::strip_numbering(t).len() < t.len()
    };
    let title = by_edge.or(by_crumb).or(repeated).or_else(|| {
        let headings = || {
            candidates
                .iter()
                .copied()
                .rev()
                .filter(|&i| items[i].kind == Kind::Heading)
        };
        headings()
            .find(|i| !numbered(i))
            .or_else(|| headings().next())
    })?;
    let title_fold = text::fold(&items[title].unit.text);
    items[title].kind = Kind::Title;
    for (i, it) in items.iter_mut().enumerate() {
        if i == title {
            continue;
        }
        let same = text::fold_eq(&it.unit.text, &title_fold);
        if same && !matches!(it.kind, Kind::Drop(_)) {
            it.kind = Kind::Drop(DropReason::RepeatsTitle);
        } else if i < title
            && matches!(
                it.kind,
                Kind::Heading | Kind::Paragraph | Kind::Open | Kind::ListItem { .. }
            )
        {
            it.kind = Kind::Drop(DropReason::HeaderBeforeTitle);
        }
    }
    // Between the title and the text: only the heading right before the text stays.
    let first_para = items
        .iter()
        .position(|i| {
            matches!(
                i.kind,
                Kind::Paragraph | Kind::ListItem { .. } | Kind::Caption { .. }
            )
        })
        .unwrap_or(items.len());
    let last_heading = (title..first_para)
        .rev()
        .find(|&i| items[i].kind == Kind::Heading);
    for (i, it) in items
        .iter_mut()
        .enumerate()
        .take(first_para)
        .skip(title + 1)
    {
        if it.kind == Kind::Heading && Some(i) != last_heading {
            it.kind = Kind::Drop(DropReason::LabelAfterTitle);
        }
    }
    Some(title)
}

/// After the last text: headings with nothing after them go, and so does
/// metadata that repeats a key the page already has (a related item's date).
fn drop_trailing(items: &mut [Item]) {
    let Some(last) = items.iter().rposition(|i| {
        matches!(
            i.kind,
            Kind::Paragraph | Kind::ListItem { .. } | Kind::Caption { .. } | Kind::Open
        )
    }) else {
        return;
    };
    let keys_before: HashSet<MetaKey> = items[..last]
        .iter()
        .filter_map(|i| match &i.kind {
            Kind::Meta { key, .. } => Some(*key),
            _ => None,
        })
        .collect();
    for it in &mut items[last + 1..] {
        match &it.kind {
            Kind::Heading => it.kind = Kind::Drop(DropReason::TrailingHeading),
            Kind::Meta { key, .. } if keys_before.contains(key) => {
                it.kind = Kind::Drop(DropReason::TrailingMetadata { key: *key });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A contents list whose entries come back later as numbered lines that
    /// end with a full stop (not heading-shaped, so found by their keys): the
    /// list is dropped, and the later lines stay.
    #[test]
    fn contents_entries_found_again_as_sentences() {
        let page = "Bone tumours in children\n\nDiagnosis\nTreatment options\nOutlook\n\n\
            The text of this page explains how doctors find and treat these tumours in young people.\n\n\
            1 DIAGNOSIS.\n\nDoctors use scans and a biopsy to find out whether a bone tumour is cancer or not.\n\n\
            2 Treatment options.\n\nMost people have surgery and chemotherapy, and some of them also have radiotherapy.\n\n\
            3 Outlook.\n\nThe outlook depends on where the tumour is and whether it has spread to other parts.\n";
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let log = &cleaned.pages[0].log;
        let toc: Vec<&str> = log
            .edits
            .iter()
            .filter(|e| e.reason.starts_with("table of contents"))
            .map(|e| e.before.as_str())
            .collect();
        assert_eq!(
            toc,
            ["Diagnosis", "Treatment options", "Outlook"],
            "{:?}",
            log.edits
        );
    }

    fn hash_forwards(s: &str) -> u64 {
        let mut h = 0;
        fold_chars(s, |c| h = fold_hash_push(h, c));
        h
    }

    proptest::proptest! {
        /// The edge-phrase token hash is case-blind in the sense of `to_lowercase`.
        #[test]
        fn edge_phrase_hash_is_lower_case_equality(
            a in "[a-zA-Z ΣσςİIıÉé\u{0130}\u{212A}]{0,12}",
            flips in proptest::collection::vec(proptest::bool::ANY, 12)
        ) {
            // `b` is `a` with some characters upper-cased.
            let b: String = a
                .chars()
                .zip(flips.iter().cycle())
                .flat_map(|(c, &up)| -> Vec<char> {
                    if up { c.to_uppercase().collect() } else { vec![c] }
                })
                .collect();
            if a.to_lowercase() == b.to_lowercase() {
                proptest::prop_assert_eq!(hash_forwards(&a), hash_forwards(&b));
            }
        }
    }

    /// `edge_phrase` by its plain definition: every candidate phrase of every
    /// paragraph counted in lower case.
    fn edge_phrase_reference(units: &[Unit]) -> Option<(String, usize)> {
        let mut counts: HashMap<String, (usize, &str)> = HashMap::default();
        for u in units.iter().filter(|u| !u.bullet) {
            let all: Vec<&str> = u.text.split(' ').collect();
            if all.len() < 8 {
                continue;
            }
            let t = u.text.as_str();
            for k in 3..=12.min(all.len() - 4) {
                let prefix = text::starts_uppercase_or_digit(t)
                    .then(|| edge_prefix(t, &all, k))
                    .flatten();
                if let Some(p) = prefix {
                    counts.entry(p.to_lowercase()).or_insert((0, p)).0 += 1;
                }
            }
            for k in 3..=12.min(all.len() - 4) {
                let suffix = (!t.ends_with(|c: char| c.is_ascii_punctuation()))
                    .then(|| edge_suffix(t, &all, k))
                    .flatten();
                if let Some(p) = suffix {
                    counts.entry(p.to_lowercase()).or_insert((0, p)).0 += 1;
                }
            }
        }
        most_used_phrase(counts)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Pages whose paragraphs share starts and ends (in any case), from
        /// a few words: the pruned count finds the phrase the plain one does.
        #[test]
        fn edge_phrase_matches_its_plain_definition(
            phrase in proptest::collection::vec(0usize..20, 3..7),
            paras in proptest::collection::vec(
                (
                    proptest::collection::vec(0usize..20, 5..14),
                    0u8..4,
                    proptest::bool::ANY,
                    proptest::bool::ANY,
                ),
                0..10,
            ),
        ) {
            const WORDS: [&str; 20] = [
                "Bone", "bone", "BONE", "Cancer", "cancer", "Care", "in", "Children",
                "Σarcoma", "σarcoma", "Osteo", "Tumour", "tumour", "of", "Leeds",
                "Clinic.", "the", "2024", "Best", "best",
            ];
            let phrase: Vec<&str> = phrase.iter().map(|&i| WORDS[i]).collect();
            let units: Vec<Unit> = paras
                .iter()
                .map(|(words, edges, upper, stop)| {
                    let mut w: Vec<String> = words.iter().map(|&i| WORDS[i].to_string()).collect();
                    // The shared phrase at the start (1), the end (2) or both (3),
                    // sometimes in upper case.
                    let p: Vec<String> = phrase
                        .iter()
                        .map(|x| if *upper { x.to_uppercase() } else { x.to_string() })
                        .collect();
                    if edges & 1 == 1 {
                        w.splice(0..0, p.iter().cloned());
                    }
                    if edges & 2 == 2 {
                        w.extend(p.iter().cloned());
                    }
                    Unit {
                        text: format!("{}{}", w.join(" "), if *stop { "." } else { "" }),
                        ..Unit::default()
                    }
                })
                .collect();
            proptest::prop_assert_eq!(edge_phrase(&units), edge_phrase_reference(&units));
        }
    }

    proptest::proptest! {
        /// The byte loops give the first and last three pieces of a split at
        /// single spaces, from eight pieces on (empty pieces included).
        #[test]
        fn first_and_last_three_are_the_split_edges(text in "[a é.]{0,40}") {
            let all: Vec<&str> = text.split(' ').collect();
            let want = (all.len() >= 8).then(|| {
                (
                    [all[0], all[1], all[2]],
                    [all[all.len() - 3], all[all.len() - 2], all[all.len() - 1]],
                )
            });
            proptest::prop_assert_eq!(first_and_last_three(&text), want);
        }
    }

    proptest::proptest! {
        /// The shortened token list gives the same edge phrases as the whole one,
        /// and the slices that replace the joins are the same text.
        #[test]
        fn edge_tokens_stand_in_for_the_whole_paragraph(
            words in proptest::collection::vec("[A-Za-z]{1,3}[.,]?", 1..60)
        ) {
            let text = words.join(" ");
            let all: Vec<&str> = text.split(' ').collect();
            let (toks, n) = edge_tokens(&text);
            proptest::prop_assert_eq!(n.min(27), all.len().min(27));
            if all.len() >= 8 {
                for k in 3..=12.min(all.len() - 4) {
                    let (p, q) = (edge_prefix(&text, &toks, k), edge_prefix(&text, &all, k));
                    proptest::prop_assert_eq!(p, q);
                    if let Some(p) = p {
                        proptest::prop_assert_eq!(p, all[..k].join(" "));
                    }
                    let (p, q) = (edge_suffix(&text, &toks, k), edge_suffix(&text, &all, k));
                    proptest::prop_assert_eq!(p, q);
                    if let Some(p) = p {
                        proptest::prop_assert_eq!(p, all[all.len() - k..].join(" "));
                    }
                    proptest::prop_assert_eq!(
                        text.splitn(k + 1, ' ').last().unwrap_or_default(),
                        all[k..].join(" ")
                    );
                    proptest::prop_assert_eq!(
                        text.rsplitn(k + 1, ' ').last().unwrap_or_default(),
                        all[..all.len() - k].join(" ")
                    );
                }
            }
        }
    }
}
