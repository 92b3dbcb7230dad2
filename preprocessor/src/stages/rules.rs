//! Boilerplate, call-to-action and generic-heading rules: built-in data
//! (`data/boilerplate.toml`) plus the book's configured patterns.

use crate::config::Patterns;
use anyhow::{Context, Result};
use foldhash::HashSet;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::sync::LazyLock;

const BUILTIN: &str = include_str!("../../data/boilerplate.toml");

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
    /// Every built-in pattern in one set (one scan per line), and the group of each.
    all: RegexSet,
    group_of: Vec<usize>,
    labels: Vec<String>,
    cta: RegexSet,
    speaker: Regex,
    generic: HashSet<String>,
}

static BUILTIN_RULES: LazyLock<Result<Builtin, String>> =
    LazyLock::new(|| Builtin::compile().map_err(|e| format!("{e:#}")));

impl Builtin {
    fn compile() -> Result<Builtin> {
        let data: Data = toml::from_str(BUILTIN).context("built-in data/boilerplate.toml")?;
        let mut patterns = Vec::new();
        let mut group_of = Vec::new();
        let mut labels = Vec::new();
        for (gi, g) in data.group.into_iter().enumerate() {
            for p in &g.patterns {
                // Each pattern is checked alone first, so an error names its group.
                // ASCII word boundaries: Unicode ones keep the regex crate off its
                // fast DFA (the built-in phrases are English).
                let p = ascii_boundaries(p);
                regex::Regex::new(&format!("(?i)^(?:{p})$"))
                    .with_context(|| format!("built-in boilerplate group {:?}: {p:?}", g.label))?;
                patterns.push(format!("(?i)^(?:{p})$"));
                group_of.push(gi);
            }
            labels.push(g.label);
        }
        let all = big_set(&patterns).context("built-in boilerplate patterns")?;
        let cta: Vec<String> = data
            .cta
            .patterns
            .iter()
            .map(|p| format!("(?i){}", ascii_boundaries(p)))
            .collect();
        let cta = big_set(&cta).context("built-in call-to-action patterns")?;
        Ok(Builtin {
            all,
            group_of,
            labels,
            cta,
            speaker: Regex::new(r"(?i)(?-u:\b)(our|we|us|you|your)(?-u:\b)")
                .context("speaker regex")?,
            generic: data.generic_headings.names.into_iter().collect(),
        })
    }
}

/// A set of many case-insensitive `.*` patterns: its lazy DFA has many states.
/// With the default 2 MB cache it is rebuilt over and over (a profile showed
/// about 15% of the cleaning time building DFA states); 32 MB holds it.
fn big_set(patterns: &[String]) -> Result<RegexSet> {
    Ok(regex::RegexSetBuilder::new(patterns)
        .dfa_size_limit(32 << 20)
        .build()?)
}

/// `\b` as an ASCII word boundary, which the regex crate's DFA supports.
pub fn ascii_boundaries(p: &str) -> String {
    p.replace("\\b", "(?-u:\\b)")
}

/// Compiled rules: the built-in data plus the book's patterns.
#[derive(Debug, Clone)]
pub struct Rules {
    builtin: &'static Builtin,
    pub user: Patterns,
    /// A short line on at least this many pages is site navigation.
    pub repeat_min_pages: usize,
}

impl Rules {
    pub fn new(user: Patterns, repeat_min_pages: usize) -> Result<Rules> {
        let builtin = BUILTIN_RULES.as_ref().map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(Rules {
            builtin,
            user,
            repeat_min_pages,
        })
    }

    /// The label of the boilerplate group a whole line belongs to, if any.
    pub fn boilerplate(&self, line: &str) -> Option<String> {
        for (i, re) in self.user.boilerplate.iter().enumerate() {
            if re.is_match(line) {
                return Some(format!(
                    "boilerplate pattern {i} from book.toml ({})",
                    re.as_str()
                ));
            }
        }
        let t = line.trim_end_matches([':', ' ']);
        let b = self.builtin;
        // Most lines match nothing: a plain match test first, and the overlapping
        // search (which group?) only for lines that match.
        let group = |s: &str| {
            b.all
                .is_match(s)
                .then(|| b.all.matches(s).iter().map(|k| b.group_of[k]).min())
                .flatten()
        };
        let g = match (
            group(t),
            (t.len() != line.len()).then(|| group(line)).flatten(),
        ) {
            (Some(a), Some(c)) => Some(a.min(c)),
            (a, c) => a.or(c),
        };
        g.map(|g| format!("boilerplate: {}", b.labels[g]))
    }

    /// A paragraph that asks the reader to act for the site (an advert).
    pub fn is_call_to_action(&self, text: &str) -> bool {
        // The speaker test first: a literal search, cheaper than the pattern set.
        self.builtin.speaker.is_match(text) && self.builtin.cta.is_match(text)
    }

    /// A section name like "Abstract" that is never a page title.
    pub fn is_generic_heading(&self, text: &str) -> bool {
        let t = crate::text::strip_numbering(text.trim())
            .trim_end_matches(':')
            .to_lowercase();
        self.builtin.generic.contains(&t)
    }

    pub fn drops_section(&self, heading: &str) -> Option<String> {
        self.user
            .drop_sections
            .iter()
            .find(|re| re.is_match(heading))
            .map(|re| {
                format!(
                    "section dropped by `drop-sections` in book.toml ({})",
                    re.as_str()
                )
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
        assert!(r.boilerplate("Was this page helpful?").is_some());
        assert!(r.boilerplate("Back to top").is_some());
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
    fn generic_headings() {
        let r = rules();
        assert!(r.is_generic_heading("Abstract"));
        assert!(r.is_generic_heading("1. Introduction"));
        assert!(!r.is_generic_heading("Outcomes of bone tumours"));
    }
}
