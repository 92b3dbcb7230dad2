//! Signal: metadata lines (authors, journal, dates, DOI, PMID, affiliations, review
//! dates), moved out of the text into the page's source box.

#[allow(unused_imports)]
use super::*;

/// "A. Writer, B. Writer and C. Writer", "A Author 1, B Author 2": names with initials.
pub(super) static AUTHOR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s*[\d,*]*";
    re(&format!(r"^{name}(?:\s*(?:,|\band\b|&)\s*{name})+\.?$"))
});

/// An initial of a name: one letter with a full stop, or two, before a name or after
/// one ("J. Smith", "J.D. Biersdorfer", "Sam J. Writer"), one letter before a
/// capitalised word ("A Author 1"; not "A" or "I", which are words), or one or two
/// letters after a surname, as PubMed writes them ("Smith JA, Jones B"). Two capitals
/// elsewhere are an abbreviation or a place code, not an initial: "TV & Video", "US &
/// Canada", "Portland, OR" are menu labels and places, and "U.S." or "U.K." is no
/// initial ([`PLACE_ABBREVIATION`]).
pub(super) static INITIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)[A-Z]\.(?:[A-Z]\.)?\s+[A-Z]|[A-Z][a-z'’-]+\s[A-Z]\.|(?:^|\s)[B-HJ-Z]\s[A-Z]|[A-Z][a-z'’-]+\s[A-Z]{1,2}(?:\s|,|$)",
    )
});

/// Dotted abbreviations of places that read like initials ("U.S. & International",
/// "U.K. & Ireland"): removed before [`INITIAL`] is tried.
static PLACE_ABBREVIATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:U\.S|U\.K|U\.N|E\.U)\.(?:A\.)?"));

/// A medical or academic degree after a name, as an author line gives it ("Henry
/// DeGroot III, M.D. and Bruce Ellison, M.D.", "Jane Roe MBBS FRCS"): like an
/// initial, evidence that a list of capitalised words is a list of names. Only
/// forms that are not also words or place codes ("MD" alone is Maryland, "MA"
/// Massachusetts): dotted "M.D.", "Ph.D.", "D.O.", and degrees spelled as no word
/// is.
pub(super) static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s,])(?:M\.D\.|Ph\.\s?D\.?|PhD|D\.O\.|MBBS|MBChB|FRCSC?|FRCPC?|FACS|FAAOS|MPH|PharmD|DPhil|DNP|BSN|MSN|MD,?\s+(?:PhD|Ph\.D\.|MPH|MBA|MSc|MS)\b)",
    )
});

/// A line of an affiliation block: the name of a university, hospital, department
/// or service ("Musculoskeletal Oncology Service", "University Of Massachusetts
/// Medical School", "Umass-Memorial Medical Medical Center"). Taken only next to
/// an author or affiliation line of the page's header ([`affiliation_block`]).
pub(super) static INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:University|Universit[éäy]|College|School|Hospital|Clinic|Cent(?:er|re)|Institute|Department|Dept\.|Division|Service|Unit|Laboratory|Faculty|Foundation)\b",
    )
});

/// The place line that ends an affiliation block: "Worcester, Massachusetts",
/// "Boston, MA 02115, USA", "Oxford OX3 7LD, UK" (a town, a comma, a region or
/// country, a postcode). Taken only after an affiliation line.
pub(super) static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}(?: [A-Z0-9]{2,4} ?[0-9][A-Z0-9]{2})?,? (?:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})(?:,? \d{4,6}(?:-\d{4})?)?(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?$",
    )
});

pub(super) static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\d+\s*)?((Department|Division|Faculty|School|Institute|Laboratory|Unit|Centre|Center)\b.*|.*\b(University|Hospital|Institute|College)\b.*,.*)$",
    )
});

pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{1,2}(st|nd|rd|th)? [a-z]{3,9}\.? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|[a-z]{3,9} \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})$",
    )
});

pub(super) static META: LazyLock<Vec<(MetaKey, Regex)>> = LazyLock::new(|| {
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
pub(super) static META_SET: LazyLock<regex::RegexSet> = LazyLock::new(
    || match regex::RegexSet::new(META.iter().map(|(_, r)| r.as_str())) {
        Ok(s) => s,
        Err(e) => panic!("built-in metadata patterns are invalid: {e}"),
    },
);

pub(super) static ET_AL: LazyLock<Regex> = LazyLock::new(|| re(r"^(.{2,120}?\bet al\.?)(.*)$"));

/// Metadata lines. Author lines count only before the text starts.
pub(super) fn metadata(t: &str, in_header: bool) -> Option<(MetaKey, String)> {
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
            if *key == MetaKey::Authors && !byline_value(&value) {
                continue;
            }
            return Some((*key, value));
        }
    }
    metadata_in_header(t, in_header)
}

/// Author and affiliation lines, recognised only in a page's header.
pub(super) fn metadata_in_header(t: &str, in_header: bool) -> Option<(MetaKey, String)> {
    if !in_header || t.chars().count() > 300 {
        return None;
    }
    if let Some(c) = ET_AL.captures(t) {
        return Some((MetaKey::Authors, c[1].trim().to_string()));
    }
    // A list of names with degrees may end in one ("…, M.D."): its full stop is the
    // degree's, not a sentence's.
    if AUTHOR_LIST.is_match(t) && DEGREE.is_match(t) {
        return Some((MetaKey::Authors, t.to_string()));
    }
    if text::ends_full_stop(t) {
        return None;
    }
    if AUTHOR_LIST.is_match(t) && INITIAL.is_match(&PLACE_ABBREVIATION.replace_all(t, "")) {
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

/// The rest of an affiliation block: after an author or affiliation line of the
/// page's header (before `first_good`, the first unit of good text), the short
/// lines that name an institution ([`INSTITUTION`]) and the place line after them
/// ([`PLACE`]) are affiliations too, each kept in the source box. A PDF's or a
/// journal page's header gives one line per part ("Musculoskeletal Oncology
/// Service" / "Department of Orthopedics …" / "University Of Massachusetts Medical
/// School" / "Worcester, Massachusetts"); the one-line patterns of
/// [`metadata_in_header`] take only the parts that say "Department" or have a
/// comma, and the rest stood as headings in the text. A line of the block has at
/// most 12 words, no full stop at its end, no colon and no digit, is no list item,
/// and has no lower-case word but the joining words of a name ([`NAME_JOINER`]):
/// "Ryan and Boston College End on a High Note" is a headline. The block is
/// followed forwards only (a title above an author line is never taken), and only
/// from an author line or from an affiliation line that passes the same test (a
/// score line, "No. 14 Boston College 24, Michigan State 21", is no anchor).
pub(super) fn affiliation_block(items: &mut [Item], first_good: usize) {
    let end = first_good.min(items.len());
    let mut idx = 0;
    while idx < end {
        let anchor = match &items[idx].kind {
            Kind::Meta {
                key: MetaKey::Authors,
                ..
            } => true,
            Kind::Meta {
                key: MetaKey::Affiliation,
                ..
            } => institution_words(
                items[idx]
                    .unit
                    .text
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace()),
            ),
            _ => false,
        };
        if !anchor {
            idx += 1;
            continue;
        }
        let mut j = idx + 1;
        while j < end && items[j].kind == Kind::Open {
            let t = items[j].unit.text.trim();
            let after_affiliation = matches!(
                items[j - 1].kind,
                Kind::Meta {
                    key: MetaKey::Affiliation,
                    ..
                }
            );
            let line = !items[j].unit.bullet
                && text::at_most_words(t, 12)
                && !text::ends_full_stop(t)
                && !t.contains(':')
                && text::starts_uppercase_or_digit(t);
            if !(line
                && ((INSTITUTION.is_match(t) && institution_words(t))
                    || (after_affiliation && PLACE.is_match(t))))
            {
                break;
            }
            items[j].kind = Kind::Meta {
                key: MetaKey::Affiliation,
                value: t.to_string(),
            };
            j += 1;
        }
        idx = j.max(idx + 1);
    }
}

/// The lower-case words a name of an institution has ("University of …",
/// "Department of Surgery and Rehabilitation", "Hôpital de la …").
const NAME_JOINER: [&str; 14] = [
    "of", "and", "for", "the", "&", "at", "in", "de", "la", "du", "des", "di", "der", "für",
];

/// The words of an institution's name: no digit, and no lower-case word but
/// [`NAME_JOINER`]s.
fn institution_words(t: &str) -> bool {
    !t.contains(|c: char| c.is_ascii_digit())
        && t.split_whitespace().all(|w| {
            !w.starts_with(char::is_lowercase) || NAME_JOINER.contains(&w.trim_end_matches(','))
        })
}

/// The words after "By" name an author: not one common English word ("By WEEK",
/// "By MONTH", "by category": the sort options of a table or a list; Zipf 4.5 or
/// more in the frequency list, so "Byron" and "digby" stay), and not a title
/// after a lower-case "the" ("By the Numbers", "By the Light of the Silvery Moon"),
/// unless it names a newsroom ("By the CNN Wire Staff").
fn byline_value(v: &str) -> bool {
    let words: Vec<&str> = v.split_whitespace().collect();
    if let [w] = words.as_slice()
        && crate::text::lexicon::zipf(&w.to_lowercase()) >= 45
    {
        return false;
    }
    if words.first() == Some(&"the") {
        return words.last().is_some_and(|w| {
            matches!(
                *w,
                "Staff" | "Team" | "Editors" | "Desk" | "Reporters" | "Writers" | "Press"
            )
        });
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(t: &str) -> Option<MetaKey> {
        metadata(t, true).map(|(k, _)| k)
    }

    /// Names with initials or degrees are an author line; menu labels and places
    /// with two capitals are not (each was taken as the page's authors before).
    #[test]
    fn author_lines_need_an_initial_or_a_degree() {
        for t in [
            "Smith JA, Jones B, Lee CK",
            "J. Smith and K. Jones",
            "Sam J. Writer and Kim Lee",
            "J.D. BIERSDORFER, Ann Cole",
            "A Author 1, B Author 2",
            "Henry Adams III, M.D. and Jo Lee, M.D.",
            "Ana Ruiz MBBS, Tom Hale PhD",
        ] {
            assert_eq!(header(t), Some(MetaKey::Authors), "{t}");
        }
        for t in [
            "U.K. & Ireland",
            "U.S. & International",
            "TV & Video",
            "US & Canada",
            "Portland, OR",
            "Baltimore, MD",
            "A Book & A Craft Series",
        ] {
            assert_eq!(header(t), None, "{t}");
        }
    }

    /// "By" before a sort option or a title is no byline; before a name or a
    /// newsroom it is.
    #[test]
    fn a_byline_names_a_person_or_a_newsroom() {
        for t in [
            "By WEEK",
            "by category",
            "By the Numbers",
            "By the Light of the Silvery Moon",
        ] {
            assert_eq!(header(t), None, "{t}");
        }
        for t in [
            "by Byron",
            "By the CNN Wire Staff",
            "By NATE SILVER",
            "By The Associated Press",
        ] {
            assert_eq!(header(t), Some(MetaKey::Authors), "{t}");
        }
    }
}
