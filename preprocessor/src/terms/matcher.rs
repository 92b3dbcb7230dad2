//! The term matcher: every form of every term (inflections included) in one
//! Aho-Corasick automaton, whole words only, case-sensitive for abbreviations.

#[allow(unused_imports)]
use super::*;

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
                    // The page may write the apostrophe as any typographic mark
                    // (see `text::APOSTROPHES`).
                    let variants = if f.contains('\'') {
                        std::iter::once(f.clone())
                            .chain(
                                crate::text::APOSTROPHES
                                    .iter()
                                    .map(|&a| f.replace('\'', a.encode_utf8(&mut [0; 4]))),
                            )
                            .collect()
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
pub(super) fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before: Vec<char> = text[..s].chars().rev().take(2).collect();
    let after: Vec<char> = text[e..].chars().take(3).collect();
    let joins =
        |c: char| c == '-' || c == '\'' || crate::text::APOSTROPHES.contains(&c) || c == '/';
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
