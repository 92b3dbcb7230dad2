//! References: recognise reference entries, parse them into fields, and find
//! the citations in the text that point at them.
//!
//! A rule-based parser for the shapes scraped pages carry: Vancouver
//! ("Sheng G, Gao Y. Title. Front Oncol. 2021;11:780264. doi"), wiki
//! ("Author A (2010). "Title". Journal. 12 (3): 45–52."), and information-page
//! sources (title, then an authors line, then a journal-and-date line). What it
//! cannot parse keeps its verbatim text; nothing is invented.

use crate::clean::assemble::Block;
use crate::record::Log;
use regex::Regex;
use std::sync::LazyLock;

/// One parsed reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reference {
    /// The entry as scraped, after site noise was stripped.
    pub(crate) raw: String,
    pub(crate) authors: Vec<String>,
    /// "and others" / "et al." after the listed authors.
    pub(crate) more_authors: bool,
    pub(crate) title: Option<String>,
    pub(crate) journal: Option<String>,
    pub(crate) year: Option<i32>,
    pub(crate) volume: Option<String>,
    pub(crate) issue: Option<String>,
    pub(crate) pages: Option<String>,
    pub(crate) doi: Option<String>,
    pub(crate) pmid: Option<String>,
    pub(crate) pmcid: Option<String>,
    /// Scraped as separate lines (title / authors / journal): shown as scraped.
    pub(crate) from_lines: bool,
    /// Books and reports: "Place: Publisher; Year".
    pub(crate) publisher: Option<String>,
    pub(crate) place: Option<String>,
    /// Web pages and Wikipedia-style (CS1) citations: the site, newspaper or
    /// organisation the work is part of.
    pub(crate) site: Option<String>,
    /// The page's address, when the scraped entry kept it.
    pub(crate) url: Option<String>,
    /// "accessed 3 March 2024", "Retrieved 17 February 2008": the date as written.
    pub(crate) accessed: Option<String>,
}

impl Reference {
    /// The entry as scraped.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The parsed fields a reader needs, for review: "title | container | date".
    pub fn fields(&self) -> String {
        let container = self
            .journal
            .as_deref()
            .or(self.site.as_deref())
            .or(self.publisher.as_deref())
            .unwrap_or("-");
        let date = match (self.year, &self.accessed) {
            (Some(y), Some(a)) => format!("{y}; accessed {a}"),
            (Some(y), None) => y.to_string(),
            (None, Some(a)) => format!("accessed {a}"),
            (None, None) => "-".into(),
        };
        format!(
            "{} | {container} | {date}",
            self.title.as_deref().unwrap_or("-")
        )
    }

    /// Parsed into a title, a container (journal, site, publisher) and a year or
    /// date: the fields a reader needs to find the work (issue 21's measure).
    pub fn is_complete(&self) -> bool {
        self.title.is_some()
            && (self.journal.is_some() || self.publisher.is_some() || self.site.is_some())
            && (self.year.is_some() || self.accessed.is_some())
    }
}

// ASCII word boundaries, as in the other stages: with Unicode ones the regex
// crate leaves its fast DFA for a backtracker on any entry holding a non-ASCII
// character (an en dash in "122–39" is enough), which made reference parsing
// a quarter slower. The two differ only next to a letter or digit outside
// ASCII ("2021年" now yields a year).
use crate::text::builtin_regex as re;

static NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(\s*-\s*(PMC|PubMed|Google Scholar|CrossRef|Free PMC article|Free article))+\s*$|\s*\[(PMC free article|PubMed|Google Scholar|CrossRef|DOI|Ref list)\]",
    )
});
static DOI: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?\b(10\.\d{4,9}/[^\s]+)"));
static PMID: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bPMID:?\s*(\d{1,9})"));
static PMCID: LazyLock<Regex> = LazyLock::new(|| re(r"\b(PMC\d{4,9})\b"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(19[0-9]{2}|20[0-9]{2})\b"));
/// "2021;11:780264", "2023;9(2):122–39", "2015;3:11-19", "2021;11: 780264"
static VANCOUVER_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<journal>[^.]{2,80}?)\.?\s+(?P<year>(?:19|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*(?P<vol>[\w-]+)?(?:\((?P<iss>[\w-]+)\))?\s*:\s*(?P<pages>[\w–-]+)",
    )
});
/// "Treasure Island: StatPearls; 2024"
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<place>[^.:;]{2,60}):\s*(?P<publisher>[^;]{2,80});\s*(?P<year>(?:19|20)\d{2})\.?$")
});
/// "Sheng G, Gao Y, Yang Y, Wu H" — surnames with initials.
static VANCOUVER_AUTHORS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*(?: [A-Z]{1,3})(?:, | and |$))+(?:et al)?$")
});
/// Wiki: `Author A, Author B (2014). "Title". Journal. 8: 1–9.` or `… Publisher. pp. 1–10.`
static WIKI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^(?P<authors>[^()"]{2,200}?)\s*\((?P<year>(?:19|20)\d{2})\)\.\s*(?:"(?P<title>[^"]+)"|(?P<book>[^."]+))\.?\s*(?P<rest>.*)$"#,
    )
});
static WIKI_JOURNAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<journal>[^.]{2,80})\.\s*(?P<vol>[\w-]+)(?:\s*\((?P<iss>[\w-]+)\))?\s*:\s*(?P<pages>[\w–-]+)",
    )
});
/// "N M Marin and others", "C Gerrand and others", "Smith J et al."
static AUTHORS_AND_OTHERS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<names>[A-Z][\w .'’-]{1,80}?)\s+(?:and others|et al\.?)$"));

/// Remove database links scraped with the entry ("- PMC - PubMed").
pub(crate) fn strip_noise(s: &str) -> String {
    NOISE.replace_all(s.trim(), "").trim().to_string()
}

/// Parse one entry: its text and any continuation lines (authors, journal).
pub fn parse(text: &str, extra: &[String]) -> Reference {
    let raw_parts: Vec<String> = std::iter::once(text.to_string())
        .chain(extra.iter().cloned())
        .map(|s| strip_noise(&s))
        .collect();
    let raw = raw_parts.join(". ").replace("..", ".");
    let mut r = Reference {
        raw: raw.clone(),
        ..Default::default()
    };
    // Where the DOI starts ("doi:" included): the Vancouver parts end there.
    let mut doi_at = None;
    if let Some(c) = DOI.captures(&raw) {
        r.doi = Some(c[1].trim_end_matches(['.', ',', ';', ')']).to_string());
        doi_at = c.get(0).map(|m| m.start());
    }
    r.pmid = PMID.captures(&raw).map(|c| c[1].to_string());
    r.pmcid = PMCID.captures(&raw).map(|c| c[1].to_string());
    if !extra.is_empty() {
        r.from_lines = true;
        parse_lines(&raw_parts, &mut r);
    } else if let Some(c) = WIKI.captures(&raw) {
        r.authors = cs1_authors(&c["authors"], &mut r.more_authors);
        r.year = c["year"].parse().ok();
        r.title = c
            .name("title")
            .or(c.name("book"))
            .map(|m| m.as_str().trim().to_string());
        if let Some(j) = WIKI_JOURNAL.captures(c["rest"].trim()) {
            r.journal = Some(j["journal"].trim().to_string());
            r.volume = Some(j["vol"].to_string());
            r.issue = j.name("iss").map(|m| m.as_str().to_string());
            r.pages = Some(j["pages"].to_string());
        }
    } else {
        parse_vancouver(&raw[..doi_at.unwrap_or(raw.len())], &mut r);
    }
    if !r.from_lines && !r.is_complete() {
        parse_web(&raw, &mut r);
    }
    if r.year.is_none() {
        // Not the year of "accessed 3 March 2024": that is when it was read.
        let without_access = ACCESSED.replace_all(&raw, "");
        r.year = YEAR
            .captures(&without_access)
            .and_then(|c| c[1].parse().ok());
    }
    r
}

/// "accessed 3 March 2024", "Retrieved 17 February 2008", "[cited 2024 Mar 3]".
static ACCESSED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:retrieved|accessed|cited|last accessed)(?: on)?:?\s+(?P<date>(?:\d{4}-\d{2}-\d{2})|(?:[A-Za-z0-9, ]{0,24}?(?:19|20)\d{2}(?: [A-Z][a-z]{2,8}(?: \d{1,2})?)?))",
    )
});
static URL: LazyLock<Regex> = LazyLock::new(|| re(r#"https?://[^\s<>"]+"#));
/// A title in quotation marks, straight or curly.
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| re(r#"["\u{201c}](?P<title>[^"\u{201c}\u{201d}]{3,300})["\u{201d}]"#));
/// "Surname, Given (21 December 2007). " or "Org (2016). ": authors and a date in brackets.
static AUTHOR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<authors>[^()]{2,200}?)\s*\((?P<date>[^()]{0,30}?(?P<year>(?:1[5-9]|20)\d{2})[^()]{0,20})\)(?:\s*\[[^\]]*\])?\.\s*",
    )
});
/// Wikipedia's back-links before an entry ("^ a b c").
static BACKLINKS: LazyLock<Regex> = LazyLock::new(|| re(r"^\^?\s*(?:[a-z] ){2,}|^\^\s*"));

/// A part that is only a date ("21 December 2007", "March 2015", "2005"): not a
/// container, though a container may hold a year ("APSA 2004 Conference Papers").
fn date_only(p: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    YEAR.is_match(p)
        && p.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                let l = w.to_lowercase();
                w.bytes().all(|b| b.is_ascii_digit())
                    || MONTHS.iter().any(|m| l.starts_with(m) && l.len() <= 9)
            })
}

/// Web pages and Wikipedia's citation style (CS1), filling what the other
/// shapes left empty, never overwriting:
/// - `"Title". Site. [Date.] Retrieved DATE.`
/// - `Surname, Given (Date). "Title". Work. Retrieved DATE.`
/// - `Surname, Given (Year). Title. Publisher. p. N. ISBN …`
/// - `Organisation. Page title. https://… (accessed 3 March 2024).`
fn parse_web(raw: &str, r: &mut Reference) {
    let s = BACKLINKS.replace(raw.trim(), "").to_string();
    if r.accessed.is_none() {
        r.accessed = ACCESSED
            .captures(&s)
            .map(|c| c["date"].trim().trim_end_matches(['.', ',']).to_string());
    }
    if r.url.is_none() {
        r.url = URL
            .find_iter(&s)
            .map(|m| {
                m.as_str()
                    .trim_end_matches(['.', ',', ';', ')'])
                    .to_string()
            })
            .find(|u| !u.contains("doi.org/"));
    }
    // What follows the title, up to the next sentence break: the container.
    let container_after = |rest: &str| -> Option<String> {
        rest.trim_start_matches(['.', ',', ' '])
            .split(". ")
            .map(|p| p.trim().trim_end_matches('.'))
            // "The World Factbook, 12 July 2018": the name before a dated tail.
            .map(|p| match p.split_once(", ") {
                Some((name, tail)) if YEAR.is_match(tail) && !YEAR.is_match(name) => name,
                _ => p,
            })
            .find(|p| {
                p.len() >= 3
                    && !p.starts_with('(')
                    && !p.starts_with("In ")
                    && !p.starts_with("http")
                    && !ACCESSED.is_match(p)
                    && !p.starts_with("Archived")
                    && !date_only(p)
                    // A year inside a name needs a name around it ("APSA 2004
                    // Conference Papers", not "2008 revision").
                    && (!YEAR.is_match(p)
                        || p.split(|c: char| !c.is_alphabetic())
                            .filter(|w| w.len() >= 3)
                            .count()
                            >= 3)
                    && p.len() <= 120
            })
            .map(str::to_string)
    };
    // "(accessed 3 March 2024)" is not a publication date, nor is a URL an author.
    let author_date = AUTHOR_DATE.captures(&s).filter(|c| {
        !c["authors"].contains("http")
            && !ACCESSED.is_match(&format!("{} ", &c["date"]))
            && !c["date"]
                .trim_start()
                .to_lowercase()
                .starts_with("accessed")
    });
    let (head, body) = match author_date {
        Some(c) => {
            if r.authors.is_empty() {
                r.authors = cs1_authors(&c["authors"], &mut r.more_authors);
            }
            if r.year.is_none() {
                r.year = c["year"].parse().ok();
            }
            let end = c.get(0).map_or(0, |m| m.end());
            (Some(()), s[end..].to_string())
        }
        None => (None, s.clone()),
    };
    if let Some(q) = QUOTED.captures(&body) {
        let quoted = q["title"].trim().trim_end_matches([',', '.']).to_string();
        // The Vancouver reading may have taken the quoted title with its marks,
        // or, before "Surname, Given (Date).", the authors for the title.
        if head.is_some()
            || r.title
                .as_deref()
                .is_none_or(|t| t.contains(&quoted) || t.starts_with(['"', '\u{201c}']))
        {
            r.title = Some(quoted);
        }
        if r.site.is_none() && r.journal.is_none() {
            let after = q.get(0).map_or(body.len(), |m| m.end());
            r.site = container_after(&body[after..]);
        }
        // Before the quoted title with no bracketed date: an author list.
        return;
    }
    let parts: Vec<&str> = body
        .split(". ")
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !p.is_empty())
        .collect();
    match (head, parts.as_slice()) {
        // "Surname (Year). Title. Publisher. …"
        (Some(()), [title, rest @ ..]) => {
            // After "Surname, Given (Date)." the next part is the title, whatever
            // the Vancouver reading made of the authors.
            r.title = Some(title.to_string());
            if r.site.is_none() && r.journal.is_none() && r.publisher.is_none() {
                r.site = container_after(&rest.join(". "));
            }
        }
        // "Organisation. Page title. https://… Accessed …": a web page.
        (None, [org, title, ..]) if r.url.is_some() => {
            if r.title.is_none() && !title.starts_with("http") {
                r.title = Some(title.to_string());
            }
            if r.site.is_none() && r.journal.is_none() {
                r.site = Some(org.to_string());
            }
        }
        // CS1 without an author: "Title (Report). Publisher. Date. … Retrieved …".
        (None, [title, rest @ ..])
            if (r.accessed.is_some() || s.contains("ISBN") || YEAR.is_match(&rest.join(" ")))
                // Not an author list ("Parlet B. N. The symmetric …").
                && title.len() >= 4
                && !VANCOUVER_AUTHORS.is_match(title) =>
        {
            if r.title.is_none() {
                r.title = Some(
                    title
                        .trim_end_matches(" (Report)")
                        .trim_end_matches(" (PDF)")
                        .to_string(),
                );
            }
            if r.site.is_none() && r.journal.is_none() && r.publisher.is_none() {
                r.site = container_after(&rest.join(". "));
            }
        }
        _ => {}
    }
}

/// "Authors. Title. Journal. Year;Vol(Issue):Pages." (`body`: the entry up to its DOI,
/// so that the DOI is never split at ". ").
fn parse_vancouver(body: &str, r: &mut Reference) {
    let parts: Vec<&str> = body
        .split(". ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let Some(first) = parts.first() else { return };
    let mut i = 0;
    if VANCOUVER_AUTHORS.is_match(first.trim_end_matches('.')) {
        r.authors = split_authors(first.trim_end_matches('.'), &mut r.more_authors);
        i = 1;
    }
    // The source: the first remaining part, joined with the next, that reads as
    // "Journal. Year;…". A match holds at most one dot (the journal has none,
    // and only the optional one after it follows), so it never reaches a third
    // part: joining two is the same as joining all the rest.
    let mut candidate = String::new();
    for j in i..parts.len() {
        candidate.clear();
        candidate.push_str(parts[j]);
        if let Some(next) = parts.get(j + 1) {
            candidate.push_str(". ");
            candidate.push_str(next);
        }
        if let Some(c) = VANCOUVER_SOURCE.captures(&candidate) {
            r.journal = Some(c["journal"].trim().to_string());
            r.year = c["year"].parse().ok();
            r.volume = c.name("vol").map(|m| m.as_str().to_string());
            r.issue = c.name("iss").map(|m| m.as_str().to_string());
            r.pages = Some(c["pages"].to_string());
            if j > i {
                r.title = Some(parts[i..j].join(". "));
            }
            return;
        }
    }
    // No journal: a book or report. "Title. Place: Publisher; Year."
    if parts.len() > i {
        r.title = Some(parts[i].trim_end_matches('.').to_string());
    }
    for p in parts.iter().skip(i + 1) {
        if let Some(c) = PUBLISHER.captures(p) {
            r.place = Some(c["place"].trim().to_string());
            r.publisher = Some(c["publisher"].trim().to_string());
            r.year = c["year"].parse().ok();
        }
    }
}

/// Information-page shape: title line, authors line, journal-and-date line.
fn parse_lines(parts: &[String], r: &mut Reference) {
    r.title = parts.first().map(|t| t.trim_end_matches('.').to_string());
    for p in &parts[1..] {
        if let Some(c) = AUTHORS_AND_OTHERS.captures(p) {
            r.authors = vec![c["names"].trim().to_string()];
            r.more_authors = true;
        } else if YEAR.is_match(p) && r.journal.is_none() {
            let journal = p
                .split([',', '('])
                .next()
                .unwrap_or(p)
                .trim()
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .to_string();
            if !journal.is_empty() {
                r.journal = Some(journal);
            }
        } else if r.authors.is_empty() && r.journal.is_none() {
            // A publisher or organisation line ("Cancer Research UK").
            r.journal = Some(p.trim().to_string());
        }
    }
}

/// CS1 authors: "Surname, Given; Surname, Given" (or one "Surname, Given"),
/// each turned to "Given Surname"; anything else as [`split_authors`] reads it.
fn cs1_authors(s: &str, more: &mut bool) -> Vec<String> {
    let s = s.trim().trim_end_matches(", ed").trim_end_matches(", eds");
    let people: Vec<&str> = s
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "Surname, Given": one comma, after a surname of one word ("Author A,
    // Author B" is two Vancouver names).
    if people.iter().all(|p| {
        p.matches(',').count() == 1 && p.split(',').next().is_some_and(|f| !f.trim().contains(' '))
    }) {
        return people
            .iter()
            .filter_map(|p| p.split_once(','))
            .map(|(family, given)| format!("{} {}", given.trim(), family.trim()))
            .collect();
    }
    split_authors(s, more)
}

fn split_authors(s: &str, more: &mut bool) -> Vec<String> {
    let mut out = Vec::new();
    for a in s.split([',', ';']).flat_map(|x| x.split(" and ")) {
        let a = a.trim().trim_end_matches('.');
        if a.eq_ignore_ascii_case("et al") || a.ends_with(" et al") {
            *more = true;
            let name = a.trim_end_matches("et al").trim();
            if !name.is_empty() {
                out.push(name.to_string());
            }
        } else if !a.is_empty() {
            out.push(a.to_string());
        }
    }
    out
}

#[cfg(test)]
mod web_tests {
    use super::parse;

    #[test]
    fn web_and_wikipedia_citations_keep_title_site_address_and_access_date() {
        let r = parse(
            "Cancer Research UK. Bone cancer survival. https://www.cancerresearchuk.org/about-cancer/bone-cancer/survival (accessed 3 March 2024).",
            &[],
        );
        assert_eq!(r.title.as_deref(), Some("Bone cancer survival"));
        assert_eq!(r.site.as_deref(), Some("Cancer Research UK"));
        assert_eq!(
            r.url.as_deref(),
            Some("https://www.cancerresearchuk.org/about-cancer/bone-cancer/survival")
        );
        assert_eq!(r.accessed.as_deref(), Some("3 March 2024"));
        assert!(r.is_complete());

        let r = parse(
            "\"Protocol for using New Zealand's National Anthems\". Ministry for Culture and Heritage. Retrieved 17 February 2008.",
            &[],
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Protocol for using New Zealand's National Anthems")
        );
        assert_eq!(r.site.as_deref(), Some("Ministry for Culture and Heritage"));
        assert_eq!(r.accessed.as_deref(), Some("17 February 2008"));

        let r = parse(
            "Squires, Nick (May 2005). \"British influence ebbs as New Zealand takes to talking M\u{101}ori\". The Daily Telegraph. Retrieved 3 May 2017.",
            &[],
        );
        assert_eq!(r.authors, vec!["Nick Squires"]);
        assert_eq!(r.year, Some(2005));
        assert_eq!(r.site.as_deref(), Some("The Daily Telegraph"));

        let r = parse(
            "Paxton, Pamela; Hughes, Melanie M. (2015). Women, Politics, and Power: A Global Perspective. CQ Press. p. 107. ISBN 978-1-48-337701-8.",
            &[],
        );
        assert_eq!(r.authors, vec!["Pamela Paxton", "Melanie M. Hughes"]);
        assert_eq!(
            r.title.as_deref(),
            Some("Women, Politics, and Power: A Global Perspective")
        );
        assert_eq!(r.site.as_deref(), Some("CQ Press"));
        // A container may hold a year; a bracketed year may be old.
        let r = parse(
            "Fitzpatrick, John (2004). \"Food, warfare and capitalism\" (PDF). Australasian Political Studies Association Conference: APSA 2004 Conference Papers. Retrieved 3 May 2017.",
            &[],
        );
        assert_eq!(
            r.site.as_deref(),
            Some(
                "Australasian Political Studies Association Conference: APSA 2004 Conference Papers"
            )
        );
        let r = parse(
            "Brunner, Thomas (1851). The Great Journey: an expedition to explore the interior. Royal Geographical Society.",
            &[],
        );
        assert_eq!(r.year, Some(1851));
        assert_eq!(r.site.as_deref(), Some("Royal Geographical Society"));
        // A footnote to a book listed elsewhere is not a reference of its own.
        assert!(!parse("King 2003, p. 41.", &[]).is_complete());
    }
}

/// Does this list item read like a reference? (a year, and authors or a DOI)
#[cfg(test)]
pub(crate) fn looks_like_reference(text: &str, extra: &[String]) -> bool {
    reads_as_reference(&parse(text, extra))
}

fn reads_as_reference(r: &Reference) -> bool {
    r.year.is_some() && (!r.authors.is_empty() || r.doi.is_some() || r.journal.is_some())
}

/// A citation group in running text: "[2,3]", "[4-6]", "[1]".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range of the bracketed group in the text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The reference numbers it cites, ranges expanded.
    pub(crate) numbers: Vec<usize>,
}

static CITE: LazyLock<Regex> = LazyLock::new(|| re(r"\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]"));

/// Find the citations of a text. Ranges longer than 50 are not citations.
pub fn citations(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    for c in CITE.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let mut numbers = Vec::new();
        let mut ok = true;
        for part in c[1].split(',') {
            let part = part.trim();
            if let Some((a, b)) = part.split_once(['-', '–']) {
                match (a.trim().parse::<usize>(), b.trim().parse::<usize>()) {
                    (Ok(a), Ok(b)) if a <= b && b - a <= 50 => numbers.extend(a..=b),
                    _ => ok = false,
                }
            } else if let Ok(n) = part.parse() {
                numbers.push(n);
            }
        }
        if ok && !numbers.is_empty() && numbers.iter().all(|&n| n >= 1) {
            out.push(Citation {
                start: m.start,
                end: m.end,
                numbers,
            });
        }
    }
    out
}

/// Key for de-duplication across pages: the DOI, else the folded title.
pub(crate) fn dedup_key(r: &Reference) -> String {
    match (&r.doi, &r.title) {
        (Some(d), _) => format!("doi:{}", d.to_lowercase()),
        (None, Some(t)) => format!("title:{}", crate::text::fold(t)),
        (None, None) => format!("raw:{}", crate::text::fold(&r.raw)),
    }
}

const REFERENCE_HEADINGS: &[&str] = &[
    "references",
    "reference list",
    "bibliography",
    "sources",
    "works cited",
    "literature cited",
    "citations",
    "notes and references",
    "references and notes",
    "cited literature",
];

/// Take the page's reference list out of the body: a list under a
/// "References"-type heading, else a final list whose items read as references
/// (information pages list their sources without a heading).
pub(crate) fn take_reference_list(blocks: &mut Vec<Block>, log: &mut Log) -> Vec<Reference> {
    let is_ref_heading = |b: &Block| {
        matches!(b, Block::Heading { text, .. }
            if REFERENCE_HEADINGS.contains(&crate::text::strip_numbering(text).trim().trim_end_matches(':').to_lowercase().as_str()))
    };
    let under_heading = (0..blocks.len().saturating_sub(1))
        .find(|&i| is_ref_heading(&blocks[i]) && matches!(blocks[i + 1], Block::List { .. }));
    let parse_all = |at: usize| match &blocks[at] {
        Block::List { items, .. } => items.iter().map(|i| parse(&i.text, &i.extra)).collect(),
        _ => Vec::new(),
    };
    let (start, list_at, parsed) = match under_heading {
        Some(h) => (h, h + 1, parse_all(h + 1)),
        None => {
            let Some(last) = blocks.iter().rposition(|b| matches!(b, Block::List { .. })) else {
                return Vec::new();
            };
            let Block::List { items, .. } = &blocks[last] else {
                return Vec::new();
            };
            // Each entry is parsed once: to decide, then as the result.
            let parsed: Vec<Reference> = parse_all(last);
            let refs = parsed.iter().filter(|r| reads_as_reference(r)).count();
            // The list must end the page's text and read mostly as references.
            let ends_page = blocks[last + 1..]
                .iter()
                .all(|b| matches!(b, Block::Heading { .. }));
            if items.len() < 2 || refs * 10 < items.len() * 6 || !ends_page {
                return Vec::new();
            }
            if let Some(first) = items.first() {
                log.edit(
                    first.line,
                    crate::record::Stage::Assemble,
                    crate::record::Action::Changed,
                    "",
                    "",
                    format!("a list of {} items that read as references is shown as the page's References", items.len()),
                );
            }
            (last, last, parsed)
        }
    };
    blocks.drain(start..=list_at);
    parsed
}

/// A citation whose number has no entry in the page's list (or whose page has
/// no list at all) stays as written, marked, and is reported here.
pub(crate) fn check_citations(blocks: &[Block], count: usize, log: &mut Log) {
    for b in blocks {
        let texts: Vec<(&str, usize)> = match b {
            Block::Paragraph { text, line } | Block::Figure { text, line, .. } => {
                vec![(text.as_str(), *line)]
            }
            Block::List { items, .. } => items.iter().map(|i| (i.text.as_str(), i.line)).collect(),
            Block::Table { rows } => rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| (c.as_str(), r.line)))
                .collect(),
            Block::Heading { .. } | Block::Code { .. } => vec![],
        };
        for (text, line) in texts {
            for c in citations(text) {
                let missing: Vec<usize> =
                    c.numbers.iter().copied().filter(|&n| n > count).collect();
                if !missing.is_empty() {
                    log.warn(
                        line,
                        if count == 0 {
                            format!(
                                "citation {} has no reference list: the source's list was not scraped; it is shown unlinked and marked",
                                &text[c.start..c.end]
                            )
                        } else {
                            format!(
                                "citation {} points past the {count} entries of the page's reference list; shown unlinked and marked",
                                &text[c.start..c.end]
                            )
                        },
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// The source found in two joined parts is the one found in all the
        /// remaining parts joined, as the parser did before.
        #[test]
        fn vancouver_source_needs_two_parts(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Front Oncol", "Front Oncol 2021;11:780264", "2021;11:780264", "J Bone Oncol.",
                "2023;9(2):122\u{2013}39", "2015 Mar 3;3:11-19", "Osteosarcoma in children",
                "Smith J, Doe A", "Lancet", "2020; 1: 2", "Cancer", "a.b", "x", "1999;:5",
                "Rev 2020;4(1):a-b", "Am J Clin Oncol. 2019;42:1", "", "..",
            ]), 1..7),
        ) {
            let body = parts.join(". ");
            let parts: Vec<&str> = body.split(". ").map(str::trim).filter(|p| !p.is_empty()).collect();
            let source = |c: &str| VANCOUVER_SOURCE.captures(c).map(|c| {
                (1..c.len()).map(|k| c.get(k).map(|m| m.as_str().to_string())).collect::<Vec<_>>()
            });
            for j in 0..parts.len() {
                let two = parts[j..parts.len().min(j + 2)].join(". ");
                proptest::prop_assert_eq!(source(&two), source(&parts[j..].join(". ")));
            }
        }
    }

    #[test]
    fn pubmed_vancouver_with_noise() {
        let r = parse(
            "Sheng G, Gao Y, Yang Y, Wu H. Osteosarcoma and metastasis. Front Oncol. 2021;11: 780264. 10.3389/fonc.2021.780264. - PMC - PubMed",
            &[],
        );
        assert_eq!(r.authors, vec!["Sheng G", "Gao Y", "Yang Y", "Wu H"]);
        assert_eq!(r.title.as_deref(), Some("Osteosarcoma and metastasis"));
        assert_eq!(r.journal.as_deref(), Some("Front Oncol"));
        assert_eq!(r.year, Some(2021));
        assert_eq!(r.volume.as_deref(), Some("11"));
        assert_eq!(r.pages.as_deref(), Some("780264"));
        assert_eq!(r.doi.as_deref(), Some("10.3389/fonc.2021.780264"));
        assert!(!r.raw.contains("PubMed"));
    }

    #[test]
    fn vancouver_with_issue_and_en_dash_pages() {
        let r = parse(
            "Ma R, Li Z, Chiocca EA, Caligiuri MA, Yu J. The emerging field of oncolytic virus-based cancer immunotherapy. Trends Cancer. 2023;9(2):122–39. 10.1016/j.trecan.2022.10.003. - PMC - PubMed",
            &[],
        );
        assert_eq!(r.authors.len(), 5);
        assert_eq!(r.journal.as_deref(), Some("Trends Cancer"));
        assert_eq!(r.issue.as_deref(), Some("2"));
        assert_eq!(r.pages.as_deref(), Some("122–39"));
        assert_eq!(r.doi.as_deref(), Some("10.1016/j.trecan.2022.10.003"));
    }

    #[test]
    fn book_without_journal() {
        let r = parse(
            "Prater S, McKeon B. Osteosarcoma, updated 2023. Treasure Island: StatPearls; 2024.",
            &[],
        );
        assert_eq!(r.authors, vec!["Prater S", "McKeon B"]);
        assert_eq!(r.title.as_deref(), Some("Osteosarcoma, updated 2023"));
        assert_eq!(r.year, Some(2024));
        assert_eq!(r.publisher.as_deref(), Some("StatPearls"));
        assert_eq!(r.place.as_deref(), Some("Treasure Island"));
        assert!(r.journal.is_none());
    }

    #[test]
    fn information_page_sources() {
        let r = parse(
            "Comparison of MAPIE versus MAP in patients (EURAMOS-1): an open-label, randomised controlled trial",
            &[
                "N M Marin and others".into(),
                "Lancet Oncology, August 25, 2016".into(),
            ],
        );
        assert_eq!(r.authors, vec!["N M Marin"]);
        assert!(r.more_authors);
        assert_eq!(r.journal.as_deref(), Some("Lancet Oncology"));
        assert_eq!(r.year, Some(2016));
        let db = parse("Clinical Trials Database", &["Cancer Research UK".into()]);
        assert_eq!(db.title.as_deref(), Some("Clinical Trials Database"));
        assert_eq!(db.year, None);
        let g = parse(
            "UK guidelines for the management of bone sarcomas",
            &[
                "C Gerrand and others".into(),
                "Clinical Sarcoma Research, 2016. Volume 6".into(),
            ],
        );
        assert_eq!(g.journal.as_deref(), Some("Clinical Sarcoma Research"));
        assert_eq!(g.year, Some(2016));
    }

    #[test]
    fn wiki_shapes() {
        let r = parse(
            "Author A (2010). \"Benign bone tumours\". Journal of Bone Pathology. 12 (3): 45–52.",
            &[],
        );
        assert_eq!(r.authors, vec!["Author A"]);
        assert_eq!(r.title.as_deref(), Some("Benign bone tumours"));
        assert_eq!(r.journal.as_deref(), Some("Journal of Bone Pathology"));
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
            (Some("12"), Some("3"), Some("45–52"))
        );
        let b = parse(
            "Author B, Author C (2014). Orthopaedic Oncology. Example Press. pp. 101–110.",
            &[],
        );
        assert_eq!(b.title.as_deref(), Some("Orthopaedic Oncology"));
        assert_eq!(b.authors.len(), 2);
    }

    #[test]
    fn doi_pmid_pmc() {
        let r = parse(
            "Smith J. A study. J Bone. 2020;1:1-2. doi:10.1000/abc.123. PMID: 12345 PMCID: PMC67890",
            &[],
        );
        assert_eq!(r.doi.as_deref(), Some("10.1000/abc.123"));
        assert_eq!(r.pmid.as_deref(), Some("12345"));
        assert_eq!(r.pmcid.as_deref(), Some("PMC67890"));
    }

    #[test]
    fn citation_groups() {
        let c = citations(
            "as shown [1]. Others [2,3] and [4-6] and [7–8], [3][4], not [0], [12-2], [a].",
        );
        let nums: Vec<Vec<usize>> = c.iter().map(|c| c.numbers.clone()).collect();
        assert_eq!(
            nums,
            vec![
                vec![1],
                vec![2, 3],
                vec![4, 5, 6],
                vec![7, 8],
                vec![3],
                vec![4]
            ]
        );
        assert_eq!(&"as shown [1]."[c[0].start..c[0].end], "[1]");
    }

    #[test]
    fn reference_lookalikes() {
        assert!(looks_like_reference(
            "Writer C. Surgery for relapsed osteosarcoma. Sarcoma Rev. 2017;8:20-28.",
            &[]
        ));
        assert!(!looks_like_reference(
            "combinations of chemotherapy drugs",
            &[]
        ));
        assert!(!looks_like_reference(
            "interferon, which stimulates the body's immune system",
            &[]
        ));
    }

    #[test]
    fn dedup_by_doi_then_title() {
        let a = parse("Smith J. Title one. J X. 2020;1:1. doi:10.1000/AB", &[]);
        let b = parse(
            "Smith John. Title One. Journal X. 2020;1:1. https://doi.org/10.1000/ab",
            &[],
        );
        assert_eq!(dedup_key(&a), dedup_key(&b));
        let c = parse("Writer A. Same title. J Y. 2020;1:1.", &[]);
        let d = parse("Writer A. Same Title. J Y. 2020;1:1.", &[]);
        assert_eq!(dedup_key(&c), dedup_key(&d));
    }
}
