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
/// one ("J. Smith", "J.D. Biersdorfer", "Sam J. Writer"), or one letter that starts a
/// name, before a capitalised word ("J Smith, K Jones"; not "A" or "I", which are
/// words, nor a letter inside a name: "Vitamin D Deficiency"), or one between a given
/// name and a surname, each name of the list so ("John A Smith, Mary K Jones";
/// [`MIDDLE_INITIAL_LIST`]). Two capitals
/// elsewhere are an abbreviation or a place code, not an initial: "TV & Video", "US &
/// Canada", "Portland, OR" are menu labels and places, and "U.S." or "U.K." is no
/// initial ([`PLACE_ABBREVIATION`]). PubMed's "Smith JA, Jones B" is
/// [`VANCOUVER_LIST`].
pub(super) static INITIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)[A-Z]\.(?:[A-Z]\.)?\s+[A-Z]|[A-Z][a-z'’-]+\s[A-Z]\.|(?:^|,\s*|\band\s+)[B-HJ-Z]\s[A-Z][a-z]",
    )
});

/// A surname: capitalised, with a lower-case letter ("O'Neil", "McDonald", "Müller",
/// "García-López"). A name that starts with a particle ("van der Berg H") is not
/// taken: [`AUTHOR_LIST`] wants every name capitalised.
const SURNAME: &str = r"\p{Lu}[\w'’-]*\p{Ll}[\w'’-]*";

/// A list of names written as PubMed writes them, surname then one or two capitals,
/// every name so ("Smith JA, Jones B, Lee CK", "Smith JA1, Jones B2 and Lee CK3",
/// "Smith JA, O'Neil P"): "Stage I and Stage II Breast Cancer", "Hepatitis A,
/// B and C" or "Vitamin D Deficiency, Causes and Treatment" has a name without
/// them. [`distinct_names`] rejects "Hepatitis B and Hepatitis C".
pub(super) static VANCOUVER_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let name = format!(r"{SURNAME}(?:[ -]{SURNAME})* \p{{Lu}}{{1,2}}[\d,*]*");
    re(&format!(r"^{name}(?:\s*(?:,|\band\b|&)\s*{name})+$"))
});

/// Names with an undotted middle initial, every name so: "John A Smith, Mary K
/// Jones", "John A Smith 1, Mary K Jones 2, Wei Li 3" (a name without one may end the
/// list).
pub(super) static MIDDLE_INITIAL_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let name = format!(r"\p{{Lu}}\p{{Ll}}+ \p{{Lu}} {SURNAME}\s*[\d,*]*");
    let last = format!(r"(?:{name}|\p{{Lu}}\p{{Ll}}+ {SURNAME}\s*[\d,*]*)");
    re(&format!(
        r"^{name}(?:\s*(?:,|\band\b|&)\s*{name})*\s*(?:,|\band\b|&)\s*{last}$"
    ))
});

/// The capitals of a PubMed-style list name different people: no word before them
/// repeats ("Hepatitis B and Hepatitis C", "Plan A and Plan B", "Medicare Part A and
/// Part B"), and they are not all Roman numerals ("Stage I and Stage II", "Phase I and
/// Phase II").
fn distinct_names(t: &str) -> bool {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| re(r"([\p{L}'’-]+) (\p{Lu}{1,2})(?:\d|\*|\b)"));
    let pairs: Vec<(&str, &str)> = PAIR
        .captures_iter(t)
        .filter_map(|c| Some((c.get(1)?.as_str(), c.get(2)?.as_str())))
        .collect();
    let mut words: Vec<&str> = pairs.iter().map(|p| p.0).collect();
    words.sort_unstable();
    let repeated = words.windows(2).any(|w| w[0] == w[1]);
    let roman = !pairs.is_empty()
        && pairs
            .iter()
            .all(|p| p.1.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    !repeated && !roman
}

/// Dotted abbreviations of places that read like initials ("U.S. & International",
/// "U.K. & Ireland", "Washington D.C."): removed before [`INITIAL`] is tried.
static PLACE_ABBREVIATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:U\.S|U\.K|U\.N|E\.U|D\.C)\.(?:A\.)?"));

/// A medical or academic degree right after a name, as an author line gives it
/// ("Henry DeGroot III, M.D. and Bruce Ellison, M.D.", "Ana Ruiz MBBS, Tom Hale
/// PhD"): like an initial, evidence that a list of capitalised words is a list of
/// names. The word before the degree has a lower-case letter (a name, or "Jr."
/// or a numeral after one), so "PhD and MPH Programs" or "FACS Analysis and Cell
/// Sorting" is no author line. Only forms that are not also words or place codes
/// ("MD" alone is Maryland, "MA" Massachusetts): dotted "M.D.", "Ph.D.", "D.O.", and
/// degrees spelled as no word is.
pub(super) static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\p{Lu}[\p{Ll}'’-]+(?: I{1,3}| IV|,? Jr\.?)?,?\s+(?:M\.D\.|Ph\.\s?D\.?|PhD|D\.O\.|MBBS|MBChB|FRCSC?|FRCPC?|FACS|FAAOS|MPH|PharmD|DPhil|DNP|BSN|MSN|MD,?\s+(?:PhD|Ph\.D\.|MPH|MBA|MSc|MS)\b)",
    )
});

/// A line of an affiliation block: the name of a university, hospital, department
/// or service, the institution's word at its head: last ("Musculoskeletal Oncology
/// Service", "Umass-Memorial Medical Medical Center"), or before an "of", "for" or
/// "de" phrase ("Department of Radiation Oncology", "Northfield University School Of
/// Medicine"), then up to two parts of a place ("Mayo Clinic, Rochester, Minnesota",
/// "Division of Orthopaedic Oncology, Department of Surgery"). "Why College Students
/// Need More Sleep" has the word, not at its head; [`institution_words`] rejects
/// "Going Back To School". Taken only next to an author or affiliation line of the
/// page's header ([`affiliation_block`]).
pub(super) static INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:University|Universit[éäy]|College|School|Hospital|Clinic|Cent(?:er|re)|Institute|Department|Dept\.|Division|Service|Unit|Laboratory|Faculty|Foundation|Trust)(?:\s+(?i:of|for|de)\s+[^,;:]+)?(?:,\s*[^,;:]+){0,2}$",
    )
});

/// The place line that ends an affiliation block: "Worcester, Massachusetts",
/// "Boston, MA 02115, USA", "Oxford OX3 7LD, UK" (a town, a comma, a region or
/// country, a postcode). Taken only right after a line that names an institution
/// ([`INSTITUTION`]); another institution and its place may follow.
pub(super) static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}(?: [A-Z0-9]{2,4} ?[0-9][A-Z0-9]{2})?, (?:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})(?:,? \d{4,6}(?:-\d{4})?)?(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?$",
    )
});

/// An affiliation line on its own (no author line needed before it), with an
/// optional footnote number: an institution's word and its "of", "for" or "de"
/// phrase at its head ("Department of Orthopaedic Surgery", "School of Medicine,
/// University of Leeds", "Institute for Cancer Research"), or a university,
/// hospital, institute or college followed by a comma and its place ("Boston
/// University, Boston, MA"). The words before the first comma must pass
/// [`institution_words`]: "School Board Names New Superintendent", "School and
/// education", "Center" alone and "No. 14 Boston College 24, Michigan State 21"
/// are no affiliations (on the public pages, 17 of 18 lines the pattern took
/// without these guards were a menu's labels or a headline).
pub(super) static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\d+\s*)?((Department|Division|Faculty|School|Institute|Laboratory|Unit|Centre|Center)\s+(?i:of|for|de)\s+(?:(?i:the|la)\s+)?\p{Lu}.*|.*\b(University|Hospital|Institute|College)\b.*,.*)$",
    )
});

/// [`AFFILIATION`] with its guard ([`institution_head`]).
fn affiliation_line(t: &str) -> bool {
    AFFILIATION.is_match(t) && institution_head(t)
}

/// The words of an affiliation line before its first comma, past a footnote
/// number, are an institution's ([`institution_words`]); the place after the comma
/// may hold a postcode ("Boston University, Boston, MA 02115").
fn institution_head(t: &str) -> bool {
    let head = t.split(',').next().unwrap_or(t);
    let head = head.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    !head.is_empty() && institution_words(head)
}

pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{1,2}(st|nd|rd|th)? [a-z]{3,9}\.? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|[a-z]{3,9} \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})$",
    )
});

/// Metadata lines, by key, each with its value as the first group. A publication or
/// update stamp's value is its date; "at …", "by …" or a time of day with its zone
/// after it ("Published 9 February 2025, 06:00 GMT") is left out of the value (the
/// time: session 31, 13 public pages better and none worse, CleanEval 0.8976 ->
/// 0.8980, L3S-GN1 0.9458 -> 0.9462).
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
            MetaKey::ReviewDate,
            re(r"(?i)^(?:review date|date of review)\s*:?\s*(.*)$"),
        ),
        (
            MetaKey::LastUpdated,
            re(
                r"(?i)^(?:(?:page )?(?:last )?(?:updated|modified)|this page was last (?:edited|updated|modified))(?: on)?\s*:?\s*(.*?\d{4})(?:,? at .*|\s+by\s+.*|,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{2,5}))?)?\.?$",
            ),
        ),
        (
            // "Started by someone, 12 January 2023", "Posted by someone » Tue Nov 07,
            // 2023 9:41 pm" (phpBB), "Posted by someone on Tue, Oct 30, 2012": the
            // date, not the user name nor the time (as for the stamps below). Before
            // the plain stamp, which would take "by someone » Tue Nov 07, 2023" for
            // the date.
            MetaKey::Published,
            re(
                r"(?i)^(?:started|posted|asked|submitted) by [^,|»]{1,40}?(?:\s*[,|·»]|\s+(?:on|-|–))\s*((?:[a-z]{3,9},?\s+)?(?:\d{1,2} [a-z]{3,9}\.? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}))(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?\.?$",
            ),
        ),
        (
            MetaKey::Published,
            re(
                r"(?i)^(?:date )?(?:first )?(?:published|posted)(?: on)?\s*:?\s*(.*?\d{4})(?:\s+by\s+.*|,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{2,5}))?)?\.?$",
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

/// Words a date stamp's value may hold besides numbers and the days' names
/// ([`super::comments::DAY_NAMES`]): "3:02 p.m., Thursday, January 3, 2008 | Last
/// updated: December 31 2007 00:29".
const STAMP_WORDS: [&str; 40] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "at",
    "on",
    "of",
    "the",
    "last",
    "updated",
    "published",
    "posted",
    "modified",
];

/// Lower-case words in a row, none a date's ([`STAMP_WORDS`]), that make a stamp's
/// value a sentence.
const STAMP_PROSE_RUN: usize = 3;

/// A publication or update stamp's value is a date, perhaps with a name ("by
/// jrmylmb - Tuesday, January 08, 2008", "in Sony, News by Darrin Olson on January
/// 7th, 2008"), not a sentence: no [`STAMP_PROSE_RUN`] lower-case words in a row
/// outside [`STAMP_WORDS`]. "Published series of 120 patients treated between 1990
/// and 2019." and "Modified radical mastectomy was the standard operation until
/// 1970." end on a year but are text. (Allowing one word outside a date's, names
/// included, cost L3S-GN1 0.0002 and Dragnet pages their "Posted by" lines.)
fn stamp_date(value: &str) -> bool {
    let mut run = 0;
    for w in value.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let prose = w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().all(char::is_alphabetic)
            && !STAMP_WORDS.contains(&w)
            && !super::comments::DAY_NAMES.contains(&w);
        run = if prose { run + 1 } else { 0 };
        if run >= STAMP_PROSE_RUN {
            return false;
        }
    }
    true
}

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
            if matches!(
                key,
                MetaKey::LastReviewed | MetaKey::NextReview | MetaKey::ReviewDate
            ) && !(value.is_empty() || DATE.is_match(&value) || value.len() < 40)
            {
                continue;
            }
            // A stamp's date is a few words ("Wednesday Jan 9, 2008"); a sentence
            // that starts "Published" or "Modified" and ends on a year is text.
            if matches!(key, MetaKey::Published | MetaKey::LastUpdated) && !stamp_date(&value) {
                continue;
            }
            if *key == MetaKey::Authors && !byline_value(t, &value) {
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
    if let Some((authors, _)) = pubmed_citation(t) {
        return Some((MetaKey::Authors, authors));
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
    if AUTHOR_LIST.is_match(t)
        && (INITIAL.is_match(&PLACE_ABBREVIATION.replace_all(t, ""))
            || ((VANCOUVER_LIST.is_match(t) || MIDDLE_INITIAL_LIST.is_match(t))
                && distinct_names(t)))
    {
        return Some((MetaKey::Authors, t.trim_end_matches('.').to_string()));
    }
    if affiliation_line(t) {
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

/// The other facts of a byline moved to metadata as `key`: the date of an authors'
/// line ("By Dan Whitaker · Updated 5 June 2023": last updated, since "Updated"
/// stands before it; "Reviewed …" last reviewed; else published), and the author
/// of a date's line ("Posted on 12 January 2024 by Tom Okafor · 6 min read": Tom
/// Okafor, read as the byline "By Tom Okafor · 6 min read" is). Empty when there
/// is none. Before, such an update's date was shown as the publication date and
/// the name after a date was lost (found by a new-user subagent, session 59).
pub(crate) fn byline_extras(key: MetaKey, t: &str) -> Vec<(MetaKey, String)> {
    // A site's own account, no author a reader can cite ("Posted on June 2, 2023 by
    // admin").
    const SITE_ACCOUNTS: [&str; 4] = ["admin", "administrator", "webmaster", "editor"];
    static AFTER_DATE_BY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\d{4}\W*\s+by\s+(\S.*)$"));
    match key {
        MetaKey::Authors => date_in(t)
            .map(|d| {
                let before = t[..t.find(d.as_str()).unwrap_or(0)]
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let before = before.strip_suffix(" on").unwrap_or(&before);
                let k = if before.ends_with("updated") || before.ends_with("modified") {
                    MetaKey::LastUpdated
                } else if before.ends_with("reviewed") {
                    MetaKey::LastReviewed
                } else {
                    MetaKey::Published
                };
                vec![(k, d)]
            })
            .unwrap_or_default(),
        // The name ends at a separator, a sentence's end, a category ("in Gaming")
        // or a count ("1 Comment"), and has four words at most.
        MetaKey::Published | MetaKey::LastUpdated => AFTER_DATE_BY
            .captures(t)
            .and_then(|c| c.get(1))
            .map(|by| {
                let name = by
                    .as_str()
                    .split(['|', '·', '•', ',', '.'])
                    .next()
                    .unwrap_or("");
                let name = name.split(" in ").next().unwrap_or("");
                name.split(' ')
                    .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|name| {
                !name.is_empty()
                    && text::at_most_words(name, 4)
                    && !SITE_ACCOUNTS.iter().any(|a| name.eq_ignore_ascii_case(a))
            })
            .and_then(|name| metadata(&format!("By {name}"), true))
            .filter(|(k, _)| *k == MetaKey::Authors)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// PubMed's short citation under an abstract's title: the authors, the journal's
/// abbreviation and the date, each ended by a full stop ("P J Hoskin. Cancer Treat
/// Rev. 2003 Aug.", "Smith JA, Jones B. J Clin Oncol. 2019 Mar 1."). The authors
/// are names with initials ([`pubmed_names`]); the journal is one to nine
/// capitalised words (an abbreviation may hold "&" or brackets); the date is a year,
/// a month's abbreviation and a day, the last two optional.
static PUBMED_CITATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(.{2,160}?)\.\s+(\p{Lu}[\w&'-]*(?:\s+[\p{Lu}(&][\w&()'-]*){0,8})\.\s+((?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)\.?$",
    )
});

/// The names of a PubMed citation's authors, each with initials: "P J Hoskin" or
/// "P. J. Hoskin" (initials first, dotted or not), or "Hoskin PJ" (one surname,
/// hyphenated or not, then one to three capitals that are no degree, country or
/// Roman numeral), in a list joined by commas or "and", or the first of them and
/// "et al".
fn pubmed_names(t: &str) -> bool {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"^(?:(?:\p{{Lu}}\.?\s?){{1,3}}\s{SURNAME}|{SURNAME}(?:-{SURNAME})?\s(\p{{Lu}}{{1,3}}))$"
        ))
    });
    let t = t
        .trim()
        .trim_end_matches("et al")
        .trim_end_matches([',', ' ']);
    // Capitals after a surname that are a degree, a country or a Roman numeral
    // ("Mary Smith MD", "Cancer Research UK", "Stage IV"), not initials.
    let initials = |name: &str| {
        NAME.captures(name).is_some_and(|c| {
            c.get(1).is_none_or(|m| {
                let m = m.as_str();
                !["MD", "UK", "US", "RN", "DO", "GP"].contains(&m)
                    && !m.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X'))
            })
        })
    };
    !t.is_empty()
        && t.split(", ")
            .flat_map(|p| p.split(" and "))
            .all(|name| initials(name.trim()))
}

/// The authors and the journal of a PubMed short citation ([`PUBMED_CITATION`]).
fn pubmed_citation(t: &str) -> Option<(String, String)> {
    let c = PUBMED_CITATION.captures(t.trim())?;
    // "Lee CK, et al." keeps its full stop, as an author line does.
    let mut authors = c[1].trim().to_string();
    if authors.ends_with("et al") {
        authors.push('.');
    }
    pubmed_names(&c[1]).then(|| (authors, c[2].trim().to_string()))
}

/// "Vivek Kumar Morya et al. Discov Oncol. ." → the journal after the authors, if any;
/// so for a PubMed short citation ("P J Hoskin. Cancer Treat Rev. 2003 Aug.").
pub(crate) fn journal_after_authors(t: &str) -> Option<String> {
    if let Some((_, journal)) = pubmed_citation(t) {
        return Some(journal);
    }
    let c = ET_AL.captures(t)?;
    let rest = c[2]
        .trim()
        .trim_matches(|ch: char| ch == '.' || ch == ' ' || ch == ',');
    (!rest.is_empty() && text::word_count(rest) <= 12).then(|| rest.to_string())
}

/// The rest of an affiliation block: after an author or affiliation line of the
/// page's header (before `first_good`, the first unit of good text), the short
/// lines that name an institution ([`INSTITUTION`]) and a place line right after
/// one of them ([`PLACE`]) are affiliations too, each kept in the source box. A PDF's or a
/// journal page's header gives one line per part ("Musculoskeletal Oncology
/// Service" / "Department of Orthopedics …" / "University Of Massachusetts Medical
/// School" / "Worcester, Massachusetts"); the one-line patterns of
/// [`metadata_in_header`] take only the parts that say "Department" or have a
/// comma, and the rest stood as headings in the text. A line of the block has at
/// most 12 words, no full stop at its end and no colon, and is no list item; an
/// institution's line has no digit and no lower-case word but the joining words of
/// a name ([`NAME_JOINER`]): "Ryan and Boston College End on a High Note" is a
/// headline. The block is
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
            } => institution_head(&items[idx].unit.text),
            _ => false,
        };
        if !anchor {
            idx += 1;
            continue;
        }
        let mut j = idx + 1;
        // The line before names an institution: a place line may follow it.
        let mut after_institution = INSTITUTION.is_match(items[idx].unit.text.trim());
        // A line of capitalised words with a comma reads as a menu's
        // ("Memorial Sloan Kettering Cancer Center, New York"): taken as well.
        while j < end
            && matches!(
                items[j].kind,
                Kind::Open | Kind::Drop(DropReason::NavigationMenu | DropReason::LinkBar)
            )
        {
            let t = items[j].unit.text.trim();
            let line = !items[j].unit.bullet
                && text::at_most_words(t, 12)
                && !text::ends_full_stop(t)
                && !t.contains(':')
                && text::starts_uppercase_or_digit(t);
            let institution = line && INSTITUTION.is_match(t) && institution_words(t);
            let place = line && !institution && after_institution && PLACE.is_match(t);
            if !(institution || place) {
                break;
            }
            items[j].kind = Kind::Meta {
                key: MetaKey::Affiliation,
                value: t.to_string(),
            };
            j += 1;
            after_institution = institution;
        }
        idx = j.max(idx + 1);
    }
}

/// The lower-case words a name of an institution has ("University of …",
/// "Department of Surgery and Rehabilitation", "Hôpital de la …").
const NAME_JOINER: &[&str] = &[
    "of", "and", "for", "the", "&", "de", "la", "du", "des", "di", "der", "für",
];

/// Words a headline has, capitalised, and a name of an institution has not ("Going
/// Back To School", "Life After Medical School", "Why Students Are Leaving College").
const HEADLINE_WORDS: &[&str] = &[
    "to", "are", "is", "was", "were", "be", "at", "in", "on", "with", "from", "into", "after",
    "before", "back", "why", "how", "what", "when", "where", "who", "not", "will", "can", "has",
    "have", "its", "your", "our", "my", "up", "out", "over",
];

/// The words of an institution's name: no digit, no lower-case word but
/// [`NAME_JOINER`]s, and no capitalised [`HEADLINE_WORDS`] after the first word.
fn institution_words(t: &str) -> bool {
    !t.contains(|c: char| c.is_ascii_digit())
        && t.split_whitespace().enumerate().all(|(k, w)| {
            let w = w.trim_end_matches(',');
            if w.starts_with(char::is_lowercase) {
                NAME_JOINER.contains(&w)
            } else {
                k == 0 || !HEADLINE_WORDS.iter().any(|h| w.eq_ignore_ascii_case(h))
            }
        })
}

/// The words after a bare "By" name an author: not one sort option of a table or a
/// list ("By WEEK", "By MONTH", "by category", "By Age"; [`SORT_WORDS`]), not an
/// all-capital or lower-case common word ("by ME", "by email"; Zipf 4.5 or more in the
/// frequency list, except "admin", WordPress's author), not a clause ("By clicking
/// Submit, you agree …"), and not a title after "the": after a lower-case "the" only a
/// newsroom or a group ("By the CNN Wire Staff"), after "The" two capitalised words or
/// more ("By The New York Times") or one that is no common word ("By The Economist";
/// "By The Numbers" is a feature's title). "Written by" and "Reviewed by" are always
/// bylines ("Reviewed by the Editorial Board").
fn byline_value(line: &str, v: &str) -> bool {
    let bare = line
        .trim_start()
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case("by "));
    if !bare {
        return true;
    }
    let common = |w: &str| crate::text::lexicon::zipf(&w.to_lowercase()) >= 45;
    let words: Vec<&str> = v.split_whitespace().collect();
    if let [w] = words.as_slice()
        && (SORT_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s))
            || (common(w)
                && !w.eq_ignore_ascii_case("admin")
                && (w.chars().all(|c| !c.is_lowercase()) || w.chars().all(|c| !c.is_uppercase()))))
    {
        return false;
    }
    if words
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase) && w.ends_with("ing"))
    {
        return false;
    }
    match words.first() {
        Some(&"the") => words.last().is_some_and(|w| {
            [
                "staff",
                "team",
                "editors",
                "desk",
                "reporters",
                "writers",
                "press",
                "board",
                "society",
                "committee",
                "group",
                "network",
            ]
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n))
        }),
        Some(&"The") => match &words[1..] {
            [] => false,
            [w] => !common(w),
            rest => {
                rest.iter()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .count()
                    >= 2
            }
        },
        _ => true,
    }
}

/// What a table or a list is sorted or filtered by, after "By": no author's name.
const SORT_WORDS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "season",
    "date",
    "category",
    "topic",
    "type",
    "name",
    "title",
    "author",
    "subject",
    "price",
    "popularity",
    "rating",
    "relevance",
    "newest",
    "oldest",
    "state",
    "region",
    "location",
    "country",
    "make",
    "model",
    "tag",
    "tags",
    "section",
    "age",
    "size",
    "distance",
    "condition",
    "email",
    "colour",
    "color",
    "length",
    "duration",
    "time",
    "views",
    "votes",
    "comments",
    "language",
    "status",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn header(t: &str) -> Option<MetaKey> {
        metadata(t, true).map(|(k, _)| k)
    }

    /// A publication or update stamp may end with the time of day and its zone
    /// ("Published 9 February 2025, 06:00 GMT"): the date is the value, and the line
    /// goes to the source box, not into the text as a heading.
    #[test]
    fn a_date_stamp_may_end_with_a_time() {
        for (t, key, value) in [
            (
                "Published 9 February 2025, 06:00 GMT",
                MetaKey::Published,
                "9 February 2025",
            ),
            (
                "Posted: Wednesday Jan 9, 2008 10:23 PM",
                MetaKey::Published,
                "Wednesday Jan 9, 2008",
            ),
            (
                "Updated 9 February 2025, 11:42 GMT",
                MetaKey::LastUpdated,
                "9 February 2025",
            ),
            (
                "Last updated: 3 March 2024 at 10:15",
                MetaKey::LastUpdated,
                "3 March 2024",
            ),
        ] {
            assert_eq!(metadata(t, false), Some((key, value.to_string())), "{t}");
        }
        assert_eq!(
            metadata("Updated: 3 March 2024 10:15:00 GMT", false),
            Some((MetaKey::LastUpdated, "3 March 2024".to_string()))
        );
        // A sentence after the date, a dose or a price after a year, and a sentence
        // that ends on a year are no stamps.
        for t in [
            "Published 9 February 2025, 06:00 the report said rates fell",
            "Updated guidance from NICE 2024, 12.50 mg",
            "Posted prices for 2024, 12:50 each",
            "Published series of 120 patients treated between 1990 and 2019.",
            "Modified radical mastectomy was the standard operation until 1970.",
        ] {
            assert_eq!(metadata(t, false), None, "{t}");
        }
    }

    /// A leaflet's "Review date: February 2027" goes to the source box under its own
    /// words: it says neither that the review was done nor that it is due (found by
    /// a subagent's attack on a hospital's leaflets, session 62, where it became a
    /// heading).
    #[test]
    fn a_review_date_is_metadata_under_its_own_words() {
        for t in ["Review date: February 2027", "Date of review: 03/2026"] {
            assert_eq!(header(t), Some(MetaKey::ReviewDate), "{t}");
            assert_eq!(
                metadata(t, false).map(|(k, _)| k),
                Some(MetaKey::ReviewDate)
            );
        }
        assert_eq!(MetaKey::ReviewDate.label(), "Review date at source");
        assert_eq!(
            metadata("Review date: February 2027", false).map(|(_, v)| v),
            Some("February 2027".to_string())
        );
    }

    /// A forum's "Posted by someone » date time" (phpBB) is a publication stamp whose
    /// value is its date, as "Started by someone, date" is: the plain stamp's pattern
    /// took "by someone » …" for the date.
    #[test]
    fn a_posted_by_stamp_gives_its_date() {
        for (t, value) in [
            (
                "Posted by sarcomadad » Wed Nov 08, 2023 7:15 am",
                "Wed Nov 08, 2023",
            ),
            (
                "Posted by Anna Example on Tue, Oct 30, 2012",
                "Tue, Oct 30, 2012",
            ),
            ("Posted by annie - on Aug 03, 2012", "Aug 03, 2012"),
            ("Started by someone, 12 January 2023", "12 January 2023"),
        ] {
            assert_eq!(
                metadata(t, false),
                Some((MetaKey::Published, value.to_string())),
                "{t}"
            );
        }
        assert_eq!(
            metadata("Posted by the nurses on the ward every day in 2023", false),
            None
        );
    }

    /// An affiliation on its own names an institution and its "of" phrase, or a
    /// university or hospital and its place; a headline or a menu label that starts
    /// with such a word is none (the issue's "School …" title filed as an affiliation).
    #[test]
    fn an_affiliation_line_names_an_institution() {
        for t in [
            "Department of Orthopaedic Surgery",
            "1 Division of Musculoskeletal Oncology, Example University Hospital",
            "Institute for Cancer Research, London, UK",
            "Boston University, Boston, MA 02115",
            "Centre for the Study of Bone Disease",
            "Department of the Army",
        ] {
            assert_eq!(header(t), Some(MetaKey::Affiliation), "{t}");
        }
        for t in [
            "School Board Names New Superintendent",
            "School and education",
            "Center",
            "Laboratory Tests Before Surgery",
            "No. 14 Boston College 24, Michigan State 21",
            "Division I-A",
            "2023, Oxford University Hospitals",
        ] {
            assert_eq!(header(t), None, "{t}");
        }
    }

    /// A byline's other facts: an update's date is no publication date, and the
    /// author after a date is kept, without the category or the comment count after
    /// the name.
    #[test]
    fn a_bylines_date_and_author_go_under_their_own_keys() {
        use MetaKey::*;
        type Case<'a> = (MetaKey, &'a str, Vec<(MetaKey, &'a str)>);
        let cases: [Case; 8] = [
            (
                Authors,
                "By Dan Whitaker · Updated 5 June 2023 · 7 min read",
                vec![(LastUpdated, "5 June 2023")],
            ),
            (
                Authors,
                "By Dan Whitaker, last updated on March 3, 2024",
                vec![(LastUpdated, "March 3, 2024")],
            ),
            (
                Authors,
                "Medically reviewed by Ann Lee, MD · Reviewed 2 May 2024",
                vec![(LastReviewed, "2 May 2024")],
            ),
            (
                Authors,
                "By Dan Whitaker · 5 June 2023",
                vec![(Published, "5 June 2023")],
            ),
            (
                Published,
                "Posted on 12 January 2024 by Tom Okafor · 6 min read",
                vec![(Authors, "Tom Okafor")],
            ),
            (
                Published,
                "Posted on November 6, 2012 by Nicholas Griffin in Gaming, Videos",
                vec![(Authors, "Nicholas Griffin")],
            ),
            (
                Published,
                "Posted on 12 January 2024 by clicking here to read more of it",
                vec![],
            ),
            (Published, "Posted on June 2, 2023 by admin", vec![]),
        ];
        for (key, line, want) in cases {
            let got = byline_extras(key, line);
            let got: Vec<(MetaKey, &str)> = got.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(got, want, "{line}");
        }
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
            "Smith JA1, Jones B2 and Lee CK3",
            "Smith JA, O'Neil P",
            "Smith JA, McDonald K, Lee CK",
            "Müller K, Schmidt T",
            "García-López M, Smith JA",
            "Smith JA, Jones B & Lee CK",
            "John A Smith, Mary K Jones",
            "John A Smith 1, Mary K Jones 2, Wei Li 3",
            "Ana María Pérez, MD, PhD and José Núñez, MD, PhD",
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
            "Washington D.C., Baltimore and Richmond",
            // A capital after a word that is no surname, or a degree with no name.
            "Stage I and Stage II Breast Cancer",
            "Hepatitis A, B and C",
            "Vitamin D Deficiency, Causes and Treatment",
            "PhD and MPH Programs",
            "BSN, MSN & DNP Programs",
            "FACS Analysis and Cell Sorting",
            "Hepatitis B and Hepatitis C",
            "Phase I and Phase II",
            "Medicare Part A and Part B",
            "Appendix A, Appendix B",
        ] {
            assert_eq!(header(t), None, "{t}");
        }
    }

    /// PubMed's short citation under an abstract's title gives the authors and the
    /// journal; a line of the same shape whose first part is no list of names with
    /// initials is not one.
    #[test]
    fn a_pubmed_short_citation_gives_authors_and_journal() {
        for (t, authors, journal) in [
            (
                "P J Hoskin. Cancer Treat Rev. 2003 Aug.",
                "P J Hoskin",
                "Cancer Treat Rev",
            ),
            (
                "Smith JA, Jones B. J Clin Oncol. 2019 Mar 1.",
                "Smith JA, Jones B",
                "J Clin Oncol",
            ),
            (
                "A. B. Writer and C Author. Lancet. 2020.",
                "A. B. Writer and C Author",
                "Lancet",
            ),
            (
                "Lee CK, et al. N Engl J Med. 2021 Jan 7.",
                "Lee CK, et al.",
                "N Engl J Med",
            ),
            (
                "Smith JA. J Bone Joint Surg Am. 2018 Dec.",
                "Smith JA",
                "J Bone Joint Surg Am",
            ),
        ] {
            assert_eq!(
                metadata(t, true),
                Some((MetaKey::Authors, authors.to_string())),
                "{t}"
            );
            assert_eq!(journal_after_authors(t).as_deref(), Some(journal), "{t}");
        }
        for t in [
            "Bone cancer. What you need to know. 2023.",
            "Hospital News. Cancer Centre Opens. 2021 Jan.",
            "Our Team. Meet The Surgeons. 2022.",
            "Ewing sarcoma. Treatment. 2019.",
            "Cancer Research UK. Cancer Statistics. 2023.",
            "Mary Smith MD. Patient Guide. 2021.",
            "Stage IV. Treatment Options. 2020.",
        ] {
            assert_eq!(header(t), None, "{t}");
            assert_eq!(journal_after_authors(t), None, "{t}");
        }
        // Only in a page's header.
        assert_eq!(
            metadata("P J Hoskin. Cancer Treat Rev. 2003 Aug.", false),
            None
        );
    }

    /// "By" before a sort option or a title is no byline; before a name or a
    /// newsroom it is.
    #[test]
    fn a_byline_names_a_person_or_a_newsroom() {
        for t in [
            "By WEEK",
            "by category",
            "By the Numbers",
            "By The Numbers",
            "By the Light of the Silvery Moon",
            "By Age",
            "by email",
            "By clicking Submit, you agree to our Terms",
        ] {
            assert_eq!(header(t), None, "{t}");
        }
        for t in [
            "by Byron",
            "By the CNN Wire Staff",
            "By NATE SILVER",
            "By The Associated Press",
            "By admin",
            "By Mark",
            "Reviewed by the Editorial Board",
            "By The New York Times",
            "By The Economist",
            "Written by the American Cancer Society medical and editorial content team",
        ] {
            assert_eq!(header(t), Some(MetaKey::Authors), "{t}");
        }
    }

    /// The metadata of a page whose header is `lines`, then a paragraph of text: the
    /// lines that went to the source box, as "Key: value".
    fn header_block(lines: &[&str]) -> Vec<String> {
        let page = format!(
            "{}\n\nThe trial compared two ways of giving chemotherapy to children and young \
             adults with bone tumours, and it reported how many of them were alive five years \
             later, with the side effects of each.\n",
            lines.join("\n\n")
        );
        match crate::clean::clean_one("p.txt", page.as_bytes()) {
            Ok(c) => c.pages[0]
                .doc
                .outline()
                .lines()
                .filter_map(|l| l.strip_prefix("meta "))
                .map(str::to_string)
                .collect(),
            Err(e) => panic!("{e}"),
        }
    }

    /// An affiliation block takes the institutions' lines and one place line after
    /// them, and stops at a headline, a section heading or a second place-shaped line.
    #[test]
    fn an_affiliation_block_stops_at_what_is_no_institution() {
        let meta = header_block(&[
            "Radiotherapy for Pelvic Tumours",
            "Maria Okafor, M.D. and Tom Lind, Ph.D.",
            "Department of Radiation Oncology",
            "Northfield University School of Medicine",
            "Boston, Massachusetts",
            "Original Article",
            "Clinical Presentation",
        ]);
        assert_eq!(
            meta,
            [
                "Authors: Maria Okafor, M.D. and Tom Lind, Ph.D.",
                "Affiliation: Department of Radiation Oncology",
                "Affiliation: Northfield University School of Medicine",
                "Affiliation: Boston, Massachusetts",
            ]
        );
        // A headline under a byline names an institution, not at its head.
        let meta = header_block(&[
            "By Jane Smith, M.D. and Tom Lind, M.D.",
            "Why College Students Need More Sleep",
        ]);
        assert!(meta.iter().all(|m| !m.contains("College")), "{meta:?}");
        // Two institutions, each with its place, and one with the place on its line.
        let meta = header_block(&[
            "Ana Ruiz, M.D. and Tom Lind, M.D.",
            "Department of Surgery",
            "Mayo Clinic",
            "Rochester, Minnesota",
            "Johns Hopkins Hospital",
            "Baltimore, Maryland",
            "Memorial Sloan Kettering Cancer Center, New York",
        ]);
        assert_eq!(meta.len(), 7, "{meta:?}");
        // A headline that ends with an institution's word.
        for headline in ["Going Back To School", "Nurses Strike at Local Hospital"] {
            let meta = header_block(&["By Jane Smith, M.D. and Tom Lind, M.D.", headline]);
            assert_eq!(meta.len(), 1, "{headline}: {meta:?}");
        }
        // A headline after an affiliation line is no place.
        let meta = header_block(&[
            "Department of Physics",
            "Physicists Detect New Particle Decay",
        ]);
        assert!(meta.iter().all(|m| !m.contains("Physicists")), "{meta:?}");
        // An affiliation with a postcode in its place anchors the block too.
        let meta = header_block(&[
            "Radiotherapy for Pelvic Tumours",
            "Boston University, Boston, MA 02115",
            "Musculoskeletal Oncology Service",
            "Original Article",
        ]);
        assert_eq!(
            meta,
            [
                "Affiliation: Boston University, Boston, MA 02115",
                "Affiliation: Musculoskeletal Oncology Service",
            ]
        );
    }
}
