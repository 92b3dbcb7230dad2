//! Signal: metadata lines (authors, journal, dates, DOI, PMID, affiliations, review
//! dates), moved out of the text into the page's source box.

#[allow(unused_imports)]
use super::*;

/// "A. Writer, B. Writer and C. Writer", "A Author 1, B Author 2": names with initials.
pub(super) static AUTHOR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s*[\d,*]*";
    re(&format!(r"^{name}(?:\s*(?:,|\band\b|&)\s*{name})+\.?$"))
});

pub(super) static INITIAL: LazyLock<Regex> = LazyLock::new(|| re(r"(^|\s)[A-Z]{1,2}\.?(\s|,|$)"));

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
