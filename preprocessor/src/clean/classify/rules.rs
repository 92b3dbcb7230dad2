//! Boilerplate, call-to-action and generic-heading rules: built-in data
//! (`data/boilerplate.toml`) plus the book's configured patterns.

use crate::config::Patterns;
use crate::model::DropReason;
use crate::text::ascii_boundaries;
use anyhow::{Context, Result};
use foldhash::HashSet;
use regex::{Regex, RegexSet};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, Hir, HirKind, Repetition};
use serde::Deserialize;
use std::sync::LazyLock;

const BUILTIN: &str = include_str!("../../../data/boilerplate.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    group: Vec<Group>,
    cta: Cta,
    #[serde(rename = "generic-headings")]
    generic_headings: Generic,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    label: String,
    patterns: Vec<String>,
    /// The group's notices may end a paragraph of prose (an abstract's copyright
    /// line): see [`Rules::prose_footer`].
    #[serde(default, rename = "ends-prose")]
    ends_prose: bool,
    /// A line of prose that the group's patterns match mentions the furniture; it is
    /// not the furniture: see [`is_prose`].
    #[serde(default, rename = "not-in-prose")]
    not_in_prose: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cta {
    patterns: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Generic {
    names: Vec<String>,
}

/// The built-in data, compiled once per process.
#[derive(Debug)]
struct Builtin {
    /// The built-in patterns that can rule a line out early, in one set (one
    /// scan per line), and the group of each.
    anchored: Grouped,
    /// Those that start with `.*` (a phrase anywhere in the line).
    floating: Floating,
    labels: Vec<String>,
    /// Per group: its notices may end a paragraph of prose.
    ends_prose: Vec<bool>,
    /// Per group: a line of prose is never one of its lines.
    not_in_prose: Vec<bool>,
    cta: RegexSet,
    /// The call-to-action patterns read the whole paragraph: a literal search goes first.
    cta_needles: Needles,
    speaker: Regex,
    generic: HashSet<String>,
}

static BUILTIN_RULES: LazyLock<Result<Builtin, String>> =
    LazyLock::new(|| Builtin::compile().map_err(|e| format!("{e:#}")));

impl Builtin {
    fn compile() -> Result<Builtin> {
        let data: Data = toml::from_str(BUILTIN).context("built-in data/boilerplate.toml")?;
        let (mut anchored, mut floating) = (Vec::new(), Vec::new());
        let mut labels = Vec::new();
        let mut ends_prose = Vec::new();
        let mut not_in_prose = Vec::new();
        for (gi, g) in data.group.into_iter().enumerate() {
            for p in &g.patterns {
                // Each pattern is checked alone first, so an error names its group.
                // ASCII word boundaries: Unicode ones keep the regex crate off its
                // fast DFA (the built-in phrases are English).
                let p = format!("(?i)^(?:{})$", ascii_boundaries(p));
                let hir = regex_syntax::parse(&p)
                    .with_context(|| format!("built-in boilerplate group {:?}: {p:?}", g.label))?;
                if starts_unbounded(&hir) {
                    floating.push((p, gi));
                } else {
                    anchored.push((p, gi));
                }
            }
            labels.push(g.label);
            ends_prose.push(g.ends_prose);
            not_in_prose.push(g.not_in_prose);
        }
        let anchored = Grouped::new(anchored).context("built-in boilerplate patterns")?;
        let floating = Floating {
            needles: Needles::of(floating.iter().map(|(p, _)| p.as_str()))?,
            patterns: Grouped::new(floating).context("built-in boilerplate patterns")?,
        };
        let cta: Vec<String> = data
            .cta
            .patterns
            .iter()
            .map(|p| format!("(?i){}", ascii_boundaries(p)))
            .collect();
        let cta_needles = Needles::of(cta.iter().map(String::as_str))
            .context("built-in call-to-action patterns")?;
        let cta = big_set(&cta).context("built-in call-to-action patterns")?;
        Ok(Builtin {
            anchored,
            floating,
            labels,
            ends_prose,
            not_in_prose,
            cta,
            cta_needles,
            speaker: Regex::new(r"(?i)(?-u:\b)(our|we|us|you|your)(?-u:\b)")
                .context("speaker regex")?,
            generic: data.generic_headings.names.into_iter().collect(),
        })
    }
}

/// Whole-line patterns in one set, and the boilerplate group of each.
#[derive(Debug)]
struct Grouped {
    set: RegexSet,
    group_of: Vec<usize>,
}

impl Grouped {
    fn new(patterns: Vec<(String, usize)>) -> Result<Grouped> {
        let (patterns, group_of): (Vec<String>, Vec<usize>) = patterns.into_iter().unzip();
        Ok(Grouped {
            set: big_set(&patterns)?,
            group_of,
        })
    }

    /// The first group (in file order) with a pattern matching `s`. Most lines
    /// match nothing: a plain match test first, and the overlapping search
    /// (which group?) only for lines that match.
    fn group(&self, s: &str) -> Option<usize> {
        self.group_where(s, |_| true)
    }

    /// The first group matching `s` among those `keep` accepts.
    fn group_where(&self, s: &str, keep: impl Fn(usize) -> bool) -> Option<usize> {
        if !self.set.is_match(s) {
            return None;
        }
        self.set
            .matches(s)
            .iter()
            .map(|k| self.group_of[k])
            .filter(|&g| keep(g))
            .min()
    }
}

/// The patterns that start with `.*`. Their set cannot rule a line out early,
/// so it reads every line to its end; a literal search goes first.
#[derive(Debug)]
struct Floating {
    patterns: Grouped,
    needles: Needles,
}

impl Floating {
    fn group(&self, s: &str) -> Option<usize> {
        self.group_where(s, |_| true)
    }

    fn group_where(&self, s: &str, keep: impl Fn(usize) -> bool) -> Option<usize> {
        if self.needles.rule_out(s) {
            return None;
        }
        self.patterns.group_where(s, keep)
    }
}

/// A prefilter for a set of patterns that read the whole text: lower-case
/// ASCII literals one of which every match of every pattern contains (see
/// [`required_literals`]). `None` when some pattern has no such literals.
#[derive(Debug)]
pub(super) struct Needles {
    searcher: Option<aho_corasick::packed::Searcher>,
    /// Characters beyond ASCII that a pattern may match where a literal is
    /// required (see [`Unmatched`]): a text with one is never ruled out.
    unmatched: Unmatched,
}

impl Needles {
    pub(super) fn of<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Result<Needles> {
        let mut all = Some(Vec::new());
        let mut unmatched = Unmatched::default();
        for p in patterns {
            let hir = regex_syntax::parse(p).with_context(|| format!("pattern {p:?}"))?;
            unmatched.add(&hir);
            all = all.zip(required_literals(&hir)).map(|(mut all, v)| {
                all.extend(v);
                all
            });
        }
        Ok(Needles {
            searcher: all.and_then(|v| aho_corasick::packed::Searcher::new(fewest(v))),
            unmatched,
        })
    }

    /// No pattern can match `s`. The literals are searched in the text's ASCII
    /// lower case, where other characters stay as they are and match no literal
    /// byte; a text with a character that a pattern may match inside a literal
    /// (the Kelvin sign is a "k", a no-break space a `\s`) is never ruled out.
    pub(super) fn rule_out(&self, s: &str) -> bool {
        self.searcher.as_ref().is_some_and(|n| {
            (s.is_ascii() || !s.chars().any(|c| self.unmatched.has(c)))
                && n.find(s.to_ascii_lowercase()).is_none()
        })
    }
}

/// The characters beyond ASCII that some class or literal of a pattern matches,
/// of classes small enough to sit inside a required literal (under 64 ASCII
/// members: the literal extractor gives up on classes of more than ten, so `.` and
/// `[^x]` never do). The ASCII lowering of [`ascii_lower`] drops exactly these
/// characters, so only a text without any of them is searched for the literals.
#[derive(Debug, Default)]
struct Unmatched {
    chars: HashSet<char>,
    /// A small class that also matches more than [`Unmatched::MAX_CHARS`] characters
    /// beyond ASCII: every such character counts.
    any: bool,
}

impl Unmatched {
    const MAX_CHARS: u32 = 4096;

    fn has(&self, c: char) -> bool {
        !c.is_ascii() && (self.any || self.chars.contains(&c))
    }

    fn add(&mut self, h: &Hir) {
        match h.kind() {
            HirKind::Literal(l) => {
                self.chars.extend(
                    String::from_utf8_lossy(&l.0)
                        .chars()
                        .filter(|c| !c.is_ascii()),
                );
            }
            HirKind::Class(Class::Unicode(u)) => {
                // Members of each range below and above U+0080.
                let (mut ascii, mut beyond) = (0u32, 0u32);
                for r in u.ranges() {
                    let (lo, hi) = (u32::from(r.start()), u32::from(r.end()));
                    if lo < 0x80 {
                        ascii += hi.min(0x7f) - lo + 1;
                    }
                    if hi >= 0x80 {
                        beyond += hi - lo.max(0x80) + 1;
                    }
                }
                if ascii >= 64 {
                    return;
                }
                if beyond > Self::MAX_CHARS {
                    self.any = true;
                    return;
                }
                for r in u.ranges() {
                    self.chars
                        .extend((r.start()..=r.end()).filter(|c| !c.is_ascii()));
                }
            }
            // A byte class matches ASCII only here: the patterns are Unicode.
            HirKind::Class(Class::Bytes(_)) | HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Repetition(r) => self.add(&r.sub),
            HirKind::Capture(c) => self.add(&c.sub),
            HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().for_each(|x| self.add(x)),
        }
    }
}

/// The top-level pieces of a pattern: its concatenation, or itself.
fn pieces(h: &Hir) -> &[Hir] {
    match h.kind() {
        HirKind::Concat(v) => v,
        _ => std::slice::from_ref(h),
    }
}

/// Does the pattern start, after its anchors, with a repetition that may run
/// over more than [`EARLY_FAIL_REPEAT`] characters (`.*`, `.{20,400}?`)? Such a
/// pattern does not fail early: an anchored search reads every line that far, so
/// these patterns go behind the literal prefilter (in session 18 the two
/// `.{20,400}?… read more` patterns alone took a tenth of the cleaner's time).
fn starts_unbounded(h: &Hir) -> bool {
    pieces(h)
        .iter()
        .find(|p| !matches!(p.kind(), HirKind::Look(_)))
        .is_some_and(|p| {
            matches!(p.kind(), HirKind::Repetition(r)
                if r.max.is_none_or(|m| m > EARLY_FAIL_REPEAT) && reads_prose(&r.sub))
        })
}

/// A class that matches both a letter and a space (`.`, `\S` does not): a
/// repetition of it runs through any sentence.
fn reads_prose(h: &Hir) -> bool {
    let has = |c: &Class, ch: char| match c {
        Class::Unicode(u) => u
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&ch)),
        Class::Bytes(b) => b
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&(ch as u8))),
    };
    matches!(h.kind(), HirKind::Class(c) if has(c, 'e') && has(c, ' '))
}

/// The longest leading repetition (in repeats) that an anchored pattern may keep
/// in the anchored set: `(\w+ ){0,3}` fails within a few words.
const EARLY_FAIL_REPEAT: u32 = 8;

/// Required literals are cut to this many bytes: a prefix of a required literal
/// is required too, and the cut merges the variants of a phrase ("fill in the
/// form", "fill in our form") into fewer needles for the literal search, which
/// gives up above 64.
const NEEDLE_MAX: usize = 8;

/// Words of the longest paragraph a call to action may be. An advert asks in a
/// sentence or two; a longer paragraph that says "sign up" or "contact us" is prose
/// (a news story quoting a founder, a reader's letter). Measured on the public gold
/// pages (../shared/bench/cleaning): of the paragraphs the call-to-action patterns
/// matched, over 60 words half were main content (30 of 59), under 20 words 8 of 493.
const CTA_MAX_WORDS: usize = 60;

/// Literals, lower-case ASCII, one of which occurs in the lower case of every
/// ASCII text that the pattern matches. The pattern is first lowered
/// ([`ascii_lower`]): it matches the lower case of every ASCII text the
/// original matches. Every match of a concatenation ends with a match of each
/// of its tails (the pieces from some k on), and that starts with one of the
/// tail's prefixes. Of the tails whose prefixes are a finite set, each at least
/// three bytes long (after the cut to [`NEEDLE_MAX`]), the one with the longest
/// shortest prefix is chosen, then the one with fewer. `None` when no tail
/// qualifies.
fn required_literals(h: &Hir) -> Option<Vec<Vec<u8>>> {
    let lowered = ascii_lower(h);
    let pieces = pieces(&lowered);
    let ex = Extractor::new();
    let mut best: Option<(usize, Vec<Vec<u8>>)> = None;
    for k in 0..pieces.len() {
        let seq = ex.extract(&Hir::concat(pieces[k..].to_vec()));
        let Some(lits) = seq.literals() else {
            continue;
        };
        let mut v: Vec<Vec<u8>> = lits
            .iter()
            .map(|l| l.as_bytes()[..l.len().min(NEEDLE_MAX)].to_vec())
            .collect();
        v.sort();
        v.dedup();
        let Some(shortest) = v.iter().map(Vec::len).min() else {
            continue;
        };
        let better =
            |(n, b): &(usize, Vec<Vec<u8>>)| shortest > *n || (shortest == *n && v.len() < b.len());
        if shortest >= 3 && best.as_ref().is_none_or(better) {
            best = Some((shortest, v));
        }
    }
    best.map(|(_, v)| v)
}

/// The pattern as the lower case of an ASCII text sees it: every class keeps
/// only its ASCII characters, lower-cased (`(?i)k` is `[Kk\u{212A}]`, which
/// becomes `k`), and a literal with other characters can never match. For an
/// ASCII text `t`, a match of `h` in `t` is a match of the result in
/// `t.to_ascii_lowercase()`: lower-casing ASCII moves no word boundary.
fn ascii_lower(h: &Hir) -> Hir {
    match h.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) if l.0.is_ascii() => Hir::literal(l.0.to_ascii_lowercase()),
        HirKind::Literal(_) => Hir::fail(),
        HirKind::Class(c) => {
            let ascii: Vec<u8> = (0u8..0x80)
                .filter(|&b| match c {
                    Class::Unicode(u) => u
                        .ranges()
                        .iter()
                        .any(|r| (r.start()..=r.end()).contains(&char::from(b))),
                    Class::Bytes(x) => x
                        .ranges()
                        .iter()
                        .any(|r| (r.start()..=r.end()).contains(&b)),
                })
                .map(|b| b.to_ascii_lowercase())
                .collect();
            Hir::class(Class::Bytes(ClassBytes::new(
                ascii.into_iter().map(|b| ClassBytesRange::new(b, b)),
            )))
        }
        HirKind::Look(l) => Hir::look(*l),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(ascii_lower(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(ascii_lower(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(ascii_lower).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(ascii_lower).collect()),
    }
}

/// Words of a line of prose, for [`Group::not_in_prose`].
const PROSE_WORDS: usize = 40;

/// A line of prose: [`PROSE_WORDS`] words or more and two sentence breaks (". "
/// before a capital or a digit) or more. A cookie banner's sentence about the site
/// is a line of its own; a paragraph that mentions browsers and cookies among
/// other things ("Nearly every website that you visit that has a \"Like\" button
/// …") or a post glued to its category ("Filed under: Latest News The production
/// of the Peugeot iOn …", the post's whole text) is not furniture.
fn is_prose(line: &str) -> bool {
    !crate::text::at_most_words(line, PROSE_WORDS - 1) && super::sentence_breaks(line) >= 2
}

/// The literals that contain no other one: a line holds one of `v` exactly
/// when it holds one of these.
fn fewest(mut v: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    v.sort_by_key(Vec::len);
    let mut out: Vec<Vec<u8>> = Vec::new();
    for l in v {
        if !out
            .iter()
            .any(|o| l.windows(o.len()).any(|w| w == o.as_slice()))
        {
            out.push(l);
        }
    }
    out
}

/// A set of many case-insensitive `.*` patterns: its lazy DFA has many states.
/// With the default 2 MB cache it is rebuilt over and over (a profile showed
/// about 15% of the cleaning time building DFA states); 32 MB holds it.
fn big_set(patterns: &[String]) -> Result<RegexSet> {
    Ok(regex::RegexSetBuilder::new(patterns)
        .dfa_size_limit(32 << 20)
        .build()?)
}

/// Compiled rules: the built-in data plus the book's patterns.
#[derive(Debug, Clone)]
pub(crate) struct Rules {
    builtin: &'static Builtin,
    pub(crate) user: Patterns,
    /// A short line on at least this many pages is site navigation.
    pub(crate) repeat_min_pages: usize,
}

impl Rules {
    pub(crate) fn new(user: Patterns, repeat_min_pages: usize) -> Result<Rules> {
        let builtin = BUILTIN_RULES.as_ref().map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(Rules {
            builtin,
            user,
            repeat_min_pages,
        })
    }

    /// The label of the boilerplate group a whole line belongs to, if any.
    pub(crate) fn boilerplate(&self, line: &str) -> Option<DropReason> {
        for (index, re) in self.user.boilerplate.iter().enumerate() {
            if re.is_match(line) {
                return Some(DropReason::UserPattern {
                    index,
                    pattern: re.as_str().to_string(),
                });
            }
        }
        let t = line.trim_end_matches([':', ' ']);
        let b = self.builtin;
        let matching = |keep: &dyn Fn(usize) -> bool| {
            let group = |s: &str| match (
                b.anchored.group_where(s, keep),
                b.floating.group_where(s, keep),
            ) {
                (Some(a), Some(f)) => Some(a.min(f)),
                (a, f) => a.or(f),
            };
            match (
                group(t),
                (t.len() != line.len()).then(|| group(line)).flatten(),
            ) {
                (Some(a), Some(c)) => Some(a.min(c)),
                (a, c) => a.or(c),
            }
        };
        let mut g = matching(&|_| true);
        // Prose that mentions cookies or is filed under a category is text.
        if g.is_some_and(|g| b.not_in_prose[g]) && is_prose(line) {
            g = matching(&|g| !b.not_in_prose[g]);
        }
        g.map(|g| DropReason::Boilerplate {
            label: b.labels[g].clone(),
        })
    }

    /// `line` is a paragraph that is boilerplate only through a notice phrase found
    /// anywhere in it (a built-in pattern that starts `.*`, of a group marked
    /// `ends-prose`: "… all rights reserved"), not through what the whole line is:
    /// no pattern of the book and no whole-line built-in pattern matches it.
    pub(crate) fn phrase_only_boilerplate(&self, line: &str) -> bool {
        let b = self.builtin;
        let t = line.trim_end_matches([':', ' ']);
        !self.user.boilerplate.iter().any(|re| re.is_match(line))
            && b.anchored.group(t).is_none()
            && b.anchored.group(line).is_none()
            && b.floating
                .group(t)
                .or_else(|| b.floating.group(line))
                .is_some_and(|g| b.ends_prose[g])
    }

    /// The label of `tail`, the last sentences of a paragraph, when they are a notice
    /// that may end prose (a built-in group marked `ends-prose` in
    /// data/boilerplate.toml: the copyright line under an abstract).
    pub(crate) fn prose_footer(&self, tail: &str) -> Option<DropReason> {
        let b = self.builtin;
        let t = tail.trim_end_matches([':', ' ']);
        let g = [b.anchored.group(t), b.floating.group(t)]
            .into_iter()
            .flatten()
            .min()?;
        b.ends_prose[g].then(|| DropReason::Boilerplate {
            label: b.labels[g].clone(),
        })
    }

    /// A paragraph that asks the reader to act for the site (an advert): at most
    /// [`CTA_MAX_WORDS`] words.
    pub(crate) fn is_call_to_action(&self, text: &str) -> bool {
        // Cheapest first: the literal prefilter, the speaker (a literal search),
        // then the pattern set.
        let b = self.builtin;
        !b.cta_needles.rule_out(text)
            && crate::text::at_most_words(text, CTA_MAX_WORDS)
            && b.speaker.is_match(text)
            && b.cta.is_match(text)
    }

    /// A section name like "Abstract" that is never a page title.
    pub(crate) fn is_generic_heading(&self, text: &str) -> bool {
        let t = crate::text::strip_numbering(text.trim())
            .trim_end_matches(':')
            .to_lowercase();
        self.builtin.generic.contains(&t)
    }

    pub(crate) fn drops_section(&self, heading: &str) -> Option<DropReason> {
        self.user
            .drop_sections
            .iter()
            .find(|re| re.is_match(heading))
            .map(|re| DropReason::DroppedSection {
                pattern: re.as_str().to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules::new(Patterns::default(), 3).unwrap()
    }

    #[test]
    fn builtin_phrases_match_whole_lines_only() {
        let r = rules();
        assert!(r.boilerplate("Skip to main page content").is_some());
        assert!(r.boilerplate("[Skip to content]").is_some());
        assert!(r.boilerplate("Skip to primary content").is_some());
        assert!(r.boilerplate("Jump to comments").is_some());
        assert!(r.boilerplate("Skip to next paragraph").is_some());
        // Skip links the scrape ran into one line (MediaWiki).
        assert!(r.boilerplate("Jump to navigation Jump to search").is_some());
        assert!(
            r.boilerplate("Jump to navigation Skip navigation")
                .is_some()
        );
        assert!(r.boilerplate("Jump to navigation and search").is_none());
        assert!(r.boilerplate("Skip to the end of the story").is_none());
        // WordPress's screen-reader heading over the links to the posts around one.
        assert!(r.boilerplate("Post navigation").is_some());
        assert!(r.boilerplate("Navigation").is_none());
        assert!(r.boilerplate("Site navigation").is_none());
        assert!(r.boilerplate("Was this page helpful?").is_some());
        // eHow's rating button, with its count or without (Readability's ehow-1 took
        // the bare button for its title).
        assert!(r.boilerplate("Found This Helpful").is_some());
        assert!(r.boilerplate("12 people found this helpful").is_some());
        assert!(
            r.boilerplate("Most parents found this helpful when their child started chemotherapy.")
                .is_none()
        );
        assert!(r.boilerplate("Back to top").is_some());
        // Blogger's search box heading, Google News's link to itself.
        assert!(r.boilerplate("Search This Blog").is_some());
        assert!(r.boilerplate("Go to Google News").is_some());
        assert!(
            r.boilerplate("Search this blog for bone cancer stories")
                .is_none()
        );
        // MSNBC's share button (the title of three CleanPortalEval pages cleaned alone).
        assert!(r.boilerplate("Share this with friends").is_some());
        assert!(r.boilerplate("Share this with your friends:").is_some());
        // Share buttons and tag lines as news sites print them (none of the 104 and
        // 300-odd such lines of the public gold pages is main text).
        // Twitter's button: a page cleaned alone kept it as a heading over the text.
        assert!(r.boilerplate("Tweet").is_some());
        assert!(r.boilerplate("Tweet this").is_some());
        assert!(
            r.boilerplate("Tweet this to your friends at the clinic")
                .is_none()
        );
        // Sidebars' headings ("Elsewhere on" only with a site's name) and social
        // bookmarking buttons.
        for line in [
            "Most E-mailed",
            "Editor's Picks",
            "Recent Comments",
            "Popular Posts",
            "Latest News",
            "Top Stories",
            "Blogroll",
            "Elsewhere on the BBC",
            "Elsewhere on the Web",
            "Add to Del.icio.us",
            "Post to Newsvine",
            "Digg this",
            "StumbleUpon",
        ] {
            assert!(r.boilerplate(line).is_some(), "{line}");
        }
        // Session 43's phrases, each in the group that decides whether it ends the text
        // (sidebar headings wherever they stand, a comment form's and other stories'
        // headings after the first paragraph) or is looked past (buttons, reading aids,
        // labels).
        let group = |line: &str| match r.boilerplate(line) {
            Some(DropReason::Boilerplate { label }) => label,
            other => panic!("{line}: {other:?}"),
        };
        for (line, label) in [
            ("More Business stories", "other stories heading"),
            ("Top world Stories", "other stories heading"),
            ("Top Golf News", "other stories heading"),
            ("Other news", "other stories heading"),
            ("Links We Like", "other stories heading"),
            ("People who read this also read:", "other stories heading"),
            ("Login or Register to comment.", "comment form"),
            ("No comments yet", "comment form"),
            // Session 45.
            ("Make a comment", "comment form"),
            ("Got a tip?", "feedback prompt"),
            ("Got a news tip", "feedback prompt"),
            ("You may like to read:", "sidebar section heading"),
            ("POPULAR STORIES TODAY:", "sidebar section heading"),
            ("Place your comment", "comment form"),
            ("Reader views (5)", "comment form"),
            ("Latest Comments", "comment form"),
            ("Be the first to comment this article", "comment form"),
            (
                "No comments have so far been submitted. Why not be the first to send us your thoughts?",
                "comment form",
            ),
            ("Talkback here", "comment form"),
            ("Comment & Contribute", "comment form"),
            ("Story Tools", "share, print and save buttons"),
            ("Reprints", "share, print and save buttons"),
            ("Printer-Friendly Version", "share, print and save buttons"),
            (
                "Be the first to like this.",
                "share, print and save buttons",
            ),
            (
                "Sign In to E-Mail or Save This",
                "share, print and save buttons",
            ),
            ("Ads by Google", "image placeholder or advert label"),
            ("In association with", "image placeholder or advert label"),
            ("Article continues", "site navigation"),
            ("Enlarge This Image", "site navigation"),
            ("See more video »", "site navigation"),
            ("View Gallery", "site navigation"),
            ("View larger image", "site navigation"),
            ("Select Month", "site navigation"),
            ("Full Access", "journal publisher page furniture"),
            (
                "Comprehensive article alerts can be set up and managed through your account settings",
                "newsletter or donation appeal",
            ),
        ] {
            assert_eq!(group(line), label, "{line}");
        }
        assert!(r.boilerplate("Elsewhere on the body").is_none());
        assert!(r.boilerplate("Email this to a friend").is_some());
        assert!(r.boilerplate("E-mail this article to a friend").is_some());
        assert!(r.boilerplate("Topics: tj nba ford raptors").is_some());
        assert!(
            r.boilerplate("Please email this to a friend who needs it.")
                .is_none()
        );
        assert!(
            r.boilerplate("Follow us on Twitter to hear about new trials.")
                .is_none()
        );
        assert!(
            r.boilerplate("Page 2 of the report lists the trials")
                .is_none()
        );
        assert!(
            r.boilerplate("Visit the clinic at 9 am on the day of surgery: bring your scans.")
                .is_none()
        );
        // Instructions on a patient's page, not a site's offers or labels.
        for t in [
            "Get an alert from your phone when it is time for a dose.",
            "Receive alerts when your glucose is too high or too low.",
            "Set up high and low glucose alerts",
            "Manage alerts and alarms on your insulin pump",
            "Visit the Pre-Admission Clinic on:",
            "Visit the NHS website for more information on:",
            // A site's own about page is titled so.
            "About this site",
            "About me and my cancer",
            // Not a bookmarking button.
            "Post to your GP the form you signed",
            // A top menu's items, a listicle's headline, a hospital's survey heading,
            // a screen reader's name, a ward's sign: near misses of session 43's
            // phrases.
            "More Arts and Living News",
            "Top 10 inspiring stories",
            "More than just stories",
            "Have your say",
            "TalkBack",
            "No access",
            "Be the first to comment on the plans at the public meeting",
            "Make a comment on the draft by Friday",
            "Got a tip for managing fatigue? Share it below.",
            "Please sign in to see your test results",
            "No comments from the surgeon yet about the scan",
            // Lines that open a comment section: comments::COMMENT_SECTION reads them.
            "Post your comment",
            "Reader comments (3)",
            "Add your comment",
            "Add your view",
            "Post a New Comment",
            // Kept: an author box may head a blog's page; four golds keep NYT's line.
            "About the author",
            "Continue reading the main story",
            "Bookmark to:",
            "View the Full Gallery »",
            "View Profile",
            "Share this story",
            // A heading an open-access article keeps.
            "Open access",
        ] {
            assert!(r.boilerplate(t).is_none(), "{t}");
        }
        assert!(
            r.boilerplate("Notify me of new posts and my doctor by email if it changes.")
                .is_none()
        );
        for t in [
            "Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order copies, visit the site.",
            "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.",
            "You can follow this conversation by subscribing to the comment feed for this post.",
            // A blog's comment form and post links (99 and 136 lines of the public
            // pages' text, none in their gold).
            // A site's social accounts, a thread's buttons, a listing's page count
            // (107, 6 and 11 lines of the public pages' text, none in their gold).
            "Like us on Facebook",
            "Follow us on Twitter",
            "Post Reply",
            "5 posts • Page 1 of 1",
            "Page 2 of 8",
            "Notify me of follow-up comments by email.",
            "Notify me of new posts via email.",
            "Previous post: Nine steps to transform yourself into a river",
            "Next Entry: The Loveseat",
            // Offers of e-mail alerts and the label over a site's social links (46
            // and 9 lines of the public pages' text, none in their gold).
            "Get Free E-mail Alerts on These Topics",
            "Receive monthly Table of Contents alerts from Orthopaedic Proceedings",
            "Get Business Alerts:",
            // A blog's profile box (89 lines of the public pages' text, one in a gold).
            "About me",
            "Curious about me?",
            "About this blog",
            // The New York Times' print-edition note (18 of 19 lines not in a gold).
            "A version of this article appeared in print on July 24, 2012, on page A4 of the New York edition with the headline: Contrary to Gossip, Pyramids Have No Date With the Wrecking Ball.",
            "Visit DaySpring on:",
            "Visit Orthopaedic Proceedings at:",
        ] {
            assert!(r.boilerplate(t).is_some(), "{t}");
        }
        assert!(
            r.boilerplate("© 2024 Some Trust. All rights reserved.")
                .is_some()
        );
        assert!(
            r.boilerplate("Search our database for trials in your area of bone")
                .is_none()
        );
        assert!(r.boilerplate("Imaging").is_none());
        assert!(r.boilerplate("Share:").is_some());
        // Buttons, alt text and logos of many sites (checked against the public gold
        // sets: none of these lines is main text there).
        for furniture in [
            "Image - Back to the top",
            "Print This Document",
            "Email This Page",
            "Share to:",
            "Page Options",
            "Hospital logo Link to home page",
            "Click here to see our services",
            "View my account settings",
            // A post's links onwards and a blog platform's buttons (session 37).
            "Next Previous",
            "Next story",
            "Previous post",
            "Go to permalink",
            "Share to Kinja",
        ] {
            assert!(r.boilerplate(furniture).is_some(), "{furniture}");
        }
        assert!(r.boilerplate("Next story: the budget").is_some());
        assert!(r.boilerplate("Share to win a trip to Paris").is_none());
        assert!(
            r.boilerplate("The hospital changed its logo in 2019.")
                .is_none()
        );
        assert!(
            r.boilerplate("Printing of the 3D implant takes two days")
                .is_none()
        );
    }

    /// The line blog software files a post under, news agencies' and archives'
    /// reprint notices and a site's disclaimer are furniture; sentences that start
    /// alike, or mention a disclaimer, are not.
    #[test]
    fn filing_lines_reprint_notices_and_disclaimers_are_furniture() {
        let r = rules();
        for (t, label) in [
            (
                "This entry was posted on Monday, March 3, 2008 at 7:14 pm and is filed under About us, Blogging. You can follow any responses to this entry through the RSS 2.0 feed.",
                "filing line",
            ),
            (
                "This entry was posted in Mobile and tagged Android, Chrome by Rob Tiffany. Bookmark the permalink.",
                "filing line",
            ),
            (
                "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.",
                "filing line",
            ),
            (
                "Both comments and pings are currently closed.",
                "filing line",
            ),
            (
                "This material may not be published, broadcast, rewritten, or redistributed.",
                "copyright",
            ),
            (
                "The full article contains 295 words and appears in Press Association newspaper.",
                "copyright",
            ),
            (
                "Disclaimer: The views expressed on this site are my own and do not reflect those of my employer. Nothing here is medical advice.",
                "copyright",
            ),
            (
                "LEGAL DISCLAIMER - This page is for information only.",
                "copyright",
            ),
        ] {
            assert!(
                r.boilerplate(t)
                    .is_some_and(|l| l.to_string().contains(label)),
                "{t}: {:?}",
                r.boilerplate(t).map(|l| l.to_string())
            );
        }
        for t in [
            "This entry was the first of many in the trial's register.",
            "This entry was posted in the ward's incident log at 03:10, and the anaesthetist was called at once.",
            "The full article was published in the Lancet in 2012.",
            "You can follow any responses to the consultation on our website.",
            "The disclaimer at the foot of the leaflet says the drug may harm an unborn child.",
            "Disclaimer-type statements in drug adverts were ignored by most readers.",
            "Disclaimers-what patients should know",
        ] {
            assert!(r.boilerplate(t).is_none(), "{t}");
        }
    }

    /// A line of prose that mentions cookies and the browser, or a post glued to its
    /// category line, is text; the same words in a line of their own are furniture,
    /// and a cookie banner of several sentences is still one.
    #[test]
    fn prose_that_mentions_furniture_is_text() {
        let r = rules();
        let furniture = [
            "By using this site you agree to our use of cookies.",
            "Filed under: Latest News",
            "Categories: Bone cancer, Children, Research",
            "Joined: March 2009",
            "We use cookies to give you the best experience on our website. By continuing to browse you agree to our use of cookies. You can change your cookie settings at any time in your browser, and read more about them in our cookie policy, which explains what each one does.",
        ];
        for t in furniture {
            assert!(r.boilerplate(t).is_some(), "{t}");
        }
        let prose = [
            "Most hospital websites load several tracking scripts. When a patient reads about a diagnosis, the browser may send the address of that page to an advertiser, along with cookies that identify the device. Researchers found such trackers on most of the sites they studied, including those of cancer centres.",
            "Filed under: Latest News The hospital has opened a new unit for children with bone tumours. It has twelve beds and a play room. Families can stay overnight in rooms next to the ward, and a nurse specialist is on call every night of the week.",
            "Joined the support group after my son's diagnosis and it helped more than I can say. The other parents knew what the scans meant. They told us what to ask the surgeon, and we still meet for coffee once a month.",
        ];
        for t in prose {
            assert!(r.boilerplate(t).is_none(), "{t}: {:?}", r.boilerplate(t));
        }
    }

    /// A notice that the page needs JavaScript, in a notice's own wording at the start of
    /// its line, is furniture whatever follows it; a statement of need that a tutorial or
    /// a course page makes, a sentence that ends on such a notice, and a paragraph of
    /// prose are text.
    #[test]
    fn javascript_notices_are_furniture_whatever_follows_them() {
        let r = rules();
        for t in [
            "Please turn on JavaScript. The video player needs it to play.",
            "Media requires JavaScript and a recent browser to play.",
            "JavaScript is required to view this map. Please enable it in your settings.",
            "JavaScript must be enabled to book an appointment online.",
            "JavaScript is not enabled in your browser. Some features will not work.",
            "The booking plugin needs JavaScript to work, but your browser has JavaScript disabled.",
            "This video requires a browser with JavaScript enabled.",
        ] {
            assert!(r.boilerplate(t).is_some(), "{t}");
        }
        for t in [
            "Prior knowledge of HTML and JavaScript is required for this course.",
            "This dropdown menu is built with CSS alone, no JavaScript required.",
            "Test the form with JavaScript disabled to make sure it still submits.",
            "To enable JavaScript in Chrome, open Settings, then Site settings.",
            "The nurse shows how to use the inhaler in the video below. This video requires JavaScript.",
            "The new portal requires JavaScript, so older computers on the ward could not run it.",
            "Please turn on JavaScript before the class. We will write our first script together, step by step, and test it in the browser. Bring a laptop with a recent browser and a text editor; the room has power points at every desk and the network password is on the board.",
        ] {
            assert!(r.boilerplate(t).is_none(), "{t}: {:?}", r.boilerplate(t));
        }
    }

    /// A Wikipedia fork's banner and a publisher's download stamp on a PDF's pages are
    /// furniture; a sentence about downloading is not.
    #[test]
    fn encyclopaedia_forks_and_download_stamps_are_furniture() {
        let r = rules();
        for t in [
            "From Wikipedia, the free encyclopedia",
            "From MedWiki, the free medical encyclopedia",
            "Downloaded from https://journals.example.org on 12 January 2024. For personal use only.",
            "Downloaded from https://academic.example.com/article/12/3/45/678 by guest on 15 March 2024",
            "Downloaded from http://journals.example.com/jbjs by BhDMf5ePHKav1zEoum1tQfN4a+kJLhEZgbsIHo4XMi0hCywCX1AWnYQp on 03/15/2024",
        ] {
            assert!(r.boilerplate(t).is_some(), "{t}");
        }
        for t in [
            "Downloaded from the clinic's website, the leaflet explains what happens on the day of surgery.",
            "Downloaded from iTunes by mistake on my old phone.",
            "The free encyclopedia of bone tumours has grown to 400 entries.",
        ] {
            assert!(r.boilerplate(t).is_none(), "{t}");
        }
    }

    /// A link to one of the site's own pages is named as such, not as a footer: a
    /// header's "About us" is at the top of the page (a new user read "site footer"
    /// in the notes for line 2). A copyright line is still a footer.
    #[test]
    fn site_links_are_not_called_footers() {
        let r = rules();
        for t in [
            "About us",
            "Contact us",
            "Privacy policy",
            "Terms of use",
            "Sitemap",
        ] {
            let label = r.boilerplate(t).map(|l| l.to_string()).unwrap_or_default();
            assert_eq!(
                label,
                "boilerplate: link to one of the site's own pages (about, contact, privacy, terms)",
                "{t}"
            );
        }
        assert!(
            r.boilerplate("© 2025 Bone Cancer Research Trust")
                .is_some_and(|l| l.to_string().contains("site footer"))
        );
    }

    /// Blog platforms' comment forms and trackback lists (TypePad, Movable Type) are
    /// comment-form furniture; a sentence that starts the same way is not.
    #[test]
    fn blog_comment_forms_and_trackback_lists_are_furniture() {
        let r = rules();
        for t in [
            "Listed below are links to weblogs that reference Chad's Choice Webcast Sept 27th, presentation and recording:",
            "This is only a preview. Your comment has not yet been posted.",
            "The letters and numbers you entered did not match the image. Please try again.",
            "As a final step before posting your comment, enter the letters and numbers you see in the image below. This prevents automated programs from posting comments.",
            "Having trouble reading this image? View an alternate.",
            "You may use these HTML tags and attributes: <a href=\"\" title=\"\"> <abbr title=\"\"> <b> <blockquote cite=\"\">",
            "XHTML: You can use these tags: <a href=\"\" title=\"\"> <strong>",
            "Your comment has been saved. Comments are moderated and will not appear until approved by the author. Post another comment",
        ] {
            assert!(
                r.boilerplate(t)
                    .is_some_and(|l| l.to_string().contains("comment form")),
                "{t}"
            );
        }
        for t in [
            "Listed below are the side effects that patients reported most often.",
            "Listed below are links to sites that reference the NICE sepsis guideline.",
            "The letters and numbers on the label show the batch.",
            "You may use these tags to sort your saved articles.",
            "You can use these tags: bold, italic and underline, from the toolbar.",
        ] {
            assert!(r.boilerplate(t).is_none(), "{t}");
        }
    }

    /// Counters of forums, blogs and news rivers are furniture, their number glued to
    /// the word or not ("200Comments. Click to view comments" on Yahoo's news river);
    /// a sentence with a count is not.
    #[test]
    fn counters_are_furniture() {
        let r = rules();
        for t in [
            "3 replies",
            "20 followers",
            "1.2k views",
            "4,210 Likes",
            "200Comments. Click to view comments",
        ] {
            assert!(
                r.boilerplate(t)
                    .is_some_and(|l| l.to_string().contains("counter of replies")),
                "{t}"
            );
        }
        for t in [
            "3 replies to the survey were positive.",
            "20 followers of the trial were lost to follow-up",
            "Views",
            // Numbered section headings, and cells of tables of results.
            "3. Points",
            "4.2 Views",
            "5. Comments",
            "3 Members",
            "12 points",
            "12,345 votes",
            "1,000 shares",
        ] {
            assert!(r.boilerplate(t).is_none(), "{t}");
        }
    }

    #[test]
    fn a_blurb_ending_in_a_read_more_link_is_a_teaser() {
        let r = rules();
        for t in [
            "Rapper Mos Def staged a demonstration in protest of the treatment of detainees. Read More",
            "I am a fond reader of her blog and this time she is drawing an analogy... [Read More]",
            "The council will vote on the bridge next week, officials said Continue reading »",
        ] {
            assert!(
                r.boilerplate(t)
                    .is_some_and(|l| l.to_string().contains("read-more")),
                "{t}"
            );
        }
        // A sentence that ends in the words is a sentence.
        assert!(
            r.boilerplate("Fortunately, all we had to do was continue reading.")
                .is_none()
        );
    }

    #[test]
    fn calls_to_action_need_a_speaker() {
        let r = rules();
        assert!(r.is_call_to_action(
            "Our online service gives expert advice. Complete the form for a response within 24 hours."
        ));
        assert!(!r.is_call_to_action("Patients complete the form before surgery."));
    }

    #[test]
    fn a_long_paragraph_that_mentions_signing_up_is_prose() {
        let r = rules();
        let quote = "\"Social networking sites are a platform for people to connect. There are \
            more and more people using the internet every day who want to connect and \
            communicate,\" Roy told reporters. \"This is why we have already registered 1.24 \
            million users in five months, and nearly 15,000 people sign up every day.\"";
        // The same words in a short paragraph are an advert.
        assert!(r.is_call_to_action("Sign up today: we have 15,000 new members every day."));
        assert!(!r.is_call_to_action(&format!("{quote} {quote}")));
    }

    /// The needles of a pattern, written as in the data file: whole-line
    /// (boilerplate) or found anywhere (calls to action).
    fn literals(p: &str, whole_line: bool) -> Option<Vec<String>> {
        let p = ascii_boundaries(p);
        let p = if whole_line {
            format!("(?i)^(?:{p})$")
        } else {
            format!("(?i){p}")
        };
        let v = fewest(required_literals(&regex_syntax::parse(&p).ok()?)?);
        Some(
            v.iter()
                .map(|b| String::from_utf8_lossy(b).into())
                .collect(),
        )
    }

    #[test]
    fn required_literals_of_patterns() {
        let cases: &[(&str, bool, Option<&[&str]>)] = &[
            (
                r"\b(buy|order|shop) now\b",
                false,
                Some(&["buy now", "order no", "shop now"]),
            ),
            // Variants of a phrase share their first eight bytes: fewer needles.
            (
                r"\bfill in (the|our|this|a) (online )?form\b",
                false,
                Some(&["fill in "]),
            ),
            // A class keeps its ASCII members, lower-cased; a literal that is not
            // ASCII never matches an ASCII text, so its branch needs no needle.
            (
                r"[A-C]bcd|é\bsynthesis",
                false,
                Some(&["abcd", "bbcd", "cbcd"]),
            ),
            (r"(é|[ÀB])synthesis", false, Some(&["bsynthes"])),
            (
                r".*\bcookies?\b.*\b(site|device)\b.*",
                true,
                Some(&["cookie"]),
            ),
            // The longest shortest prefix wins: "copyright" and "permission"
            // over "reuse", cut to eight bytes.
            (
                r".*\b(reuse|republish)\b.*\b(copyright|permissions?)\b.*",
                true,
                Some(&["copyrigh", "permissi"]),
            ),
            // Lowered, not expanded into case variants ("(?i)s" is also the long s).
            (r".*\bALL RIGHTS\b.*", true, Some(&["all righ"])),
            // No literal of three bytes is required: no prefilter.
            (r".*\d{4}.*", true, None),
            (r".*(ab|c).*", true, None),
        ];
        for &(p, whole_line, want) in cases {
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(literals(p, whole_line), want, "{p}");
        }
        let parse = |p: &str| regex_syntax::parse(p).unwrap();
        assert!(starts_unbounded(&parse("(?i)^(?:.*x)$")));
        assert!(!starts_unbounded(&parse("(?i)^(?:x.*)$")));
        assert!(starts_unbounded(&parse("(?i)^(?:.{20,400}?read more)$")));
        assert!(!starts_unbounded(&parse("(?i)^(?:.{1,8}logo)$")));
        assert!(!starts_unbounded(&parse("(?i)^(?:[★☆]{3,}.*)$")));
    }

    /// The built-in patterns in one set, as before the split: the reference.
    fn one_set_label(line: &str) -> Option<String> {
        static ONE: LazyLock<(Grouped, Vec<String>, Vec<bool>)> = LazyLock::new(|| {
            let data: Data = toml::from_str(BUILTIN).unwrap();
            let mut patterns = Vec::new();
            for (gi, g) in data.group.iter().enumerate() {
                for p in &g.patterns {
                    patterns.push((format!("(?i)^(?:{})$", ascii_boundaries(p)), gi));
                }
            }
            let flags = data.group.iter().map(|g| g.not_in_prose).collect();
            let labels = data.group.into_iter().map(|g| g.label).collect();
            (Grouped::new(patterns).unwrap(), labels, flags)
        });
        let (all, labels, not_in_prose) = &*ONE;
        let t = line.trim_end_matches([':', ' ']);
        // A line of prose is never one of a `not-in-prose` group's lines.
        let keep = |g: usize| !(not_in_prose[g] && is_prose(line));
        let g = [all.group_where(t, keep), all.group_where(line, keep)]
            .into_iter()
            .flatten()
            .min();
        g.map(|g| format!("boilerplate: {}", labels[g]))
    }

    /// Every floating pattern has required literals, so the prefilter exists: one
    /// without would send every line through the floating set, which reads each
    /// line to its end.
    #[test]
    fn characters_a_literal_may_hide_are_never_ruled_out() {
        let n = Needles::of([r"(?i)\bcookie\s+policy\b"]).unwrap();
        let re = Regex::new(r"(?i)\bcookie\s+policy\b").unwrap();
        // A Kelvin sign is a "k" and a no-break space a space to the pattern.
        for t in ["Coo\u{212A}ie policy", "Cookie\u{a0}policy"] {
            assert!(!n.rule_out(t), "{t:?}");
            assert!(re.is_match(t));
        }
        // Typographic quotes match no literal: the line is searched and ruled out.
        assert!(n.rule_out("\u{201c}The patient\u{2019}s story\u{201d}"));
        assert!(!n.rule_out("\u{201c}Our cookie policy\u{201d}"));
    }

    #[test]
    fn floating_patterns_have_a_literal_prefilter() {
        let b = BUILTIN_RULES.as_ref().unwrap();
        let missing: Vec<&str> = b
            .floating
            .patterns
            .set
            .patterns()
            .iter()
            .filter(|p| required_literals(&regex_syntax::parse(p).unwrap()).is_none())
            .map(String::as_str)
            .collect();
        assert!(missing.is_empty(), "no required literals: {missing:?}");
        assert!(b.floating.needles.searcher.is_some());
    }

    #[test]
    fn split_sets_agree_with_one_set_on_the_seeds() {
        let r = rules();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");
        let mut lines = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                for l in std::fs::read_to_string(&path).unwrap().lines() {
                    let l = l.trim();
                    assert_eq!(
                        r.boilerplate(l).map(|r| r.to_string()),
                        one_set_label(l),
                        "{l:?}"
                    );
                    lines += 1;
                }
            }
        }
        assert!(lines > 300, "{lines}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Lines built from the floating patterns' words in any case, with
        /// non-ASCII look-alikes (the Kelvin sign folds to "k"): the literal
        /// prefilter never changes the answer.
        #[test]
        fn split_sets_agree_with_one_set(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "cookie", "COOKIES", "Cookie", "coo\u{212A}ie", "website", "Site", "consent",
                "all rights reserved", "ALL RIGHTS RESERVED", "All Rights Re", "creative commons",
                "CREATIVE COMMONS", "licence", "LICENSE", "reuse", "REPRODUCE", "copyright",
                "Permissions", "\u{a9}", "2024", "we use cookies", "skip to content", "the",
                "bone", "tumour", ".", ",", "\u{e9}", "share", ":",
                "\u{2019}", "\u{201c}", "\u{a0}", "\u{2026}", "\u{bb}", "\u{2014}", "\u{17f}",
                "read more", "Continue reading", "full story", "logo", "LOGO", "Home Page",
                "The story so far was long and it had many words in it",
            ]), 0..10),
            glue in proptest::bool::ANY,
        ) {
            let line = words.join(if glue { "" } else { " " });
            proptest::prop_assert_eq!(rules().boilerplate(&line).map(|r| r.to_string()), one_set_label(&line));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The call-to-action prefilter never changes the answer.
        #[test]
        fn call_to_action_prefilter_changes_nothing(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Contact", "US", "us", "call", "we", "You", "your", "Book", "an", "appointment",
                "CONSULTATION", "free", "trial", "sign up", "SUBSCRIBE", "donate", "search",
                "our", "Fill", "in", "the", "form", "ask", "a", "nurse", "order now",
                "boo\u{212A}", "\u{e9}", "tumour", ".", ",",
            ]), 0..12),
        ) {
            let text = words.join(" ");
            let b = rules().builtin;
            proptest::prop_assert_eq!(
                rules().is_call_to_action(&text),
                crate::text::at_most_words(&text, super::CTA_MAX_WORDS)
                    && b.speaker.is_match(&text)
                    && b.cta.is_match(&text)
            );
        }
    }

    #[test]
    fn generic_headings() {
        let r = rules();
        assert!(r.is_generic_heading("Abstract"));
        assert!(r.is_generic_heading("1. Introduction"));
        assert!(!r.is_generic_heading("Outcomes of bone tumours"));
    }
}
