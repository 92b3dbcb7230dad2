//! Formatting references with hayagriva (CSL "American Medical Association"),
//! from entry structs we fill ourselves. AMA rather than a Vancouver style:
//! hayagriva 0.10.1's "vancouver" drops authors and "elsevier-vancouver" drops
//! issue numbers, and no part of a scraped reference may be lost. hayagriva
//! does not escape HTML, so every field is escaped before it goes in.
//! Entries scraped as separate lines (title / authors / journal and date) are
//! shown as scraped: restructuring them would drop what the parser does not
//! understand ("(suppl;abstr: LBA10504)").

use crate::clean::assemble::references::Reference;
use crate::text::escape;
use hayagriva::citationberg::{IndependentStyle, Style};
use hayagriva::types::{Date, EntryType, FormatString, MaybeTyped, Numeric, PageRanges, Person};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest, Entry,
    archive::ArchivedStyle,
};
use std::str::FromStr;
use std::sync::LazyLock;

static LOCALES: LazyLock<Vec<hayagriva::citationberg::Locale>> =
    LazyLock::new(hayagriva::archive::locales);

/// "N M Marin" → "Marin NM" (Vancouver order), "Sheng G" unchanged.
fn vancouver_name(a: &str) -> String {
    let parts: Vec<&str> = a.split_whitespace().collect();
    let initials = |p: &&&str| p.chars().all(|c| c.is_uppercase() || c == '.') && p.len() <= 3;
    let k = parts.iter().take_while(initials).count();
    if k > 0 && k < parts.len() {
        format!(
            "{} {}",
            parts[k..].join(" "),
            parts[..k].concat().replace('.', "")
        )
    } else {
        a.to_string()
    }
}

static STYLE: LazyLock<Option<IndependentStyle>> =
    LazyLock::new(|| match ArchivedStyle::AmericanMedicalAssociation.get() {
        Style::Independent(s) => Some(s),
        Style::Dependent(_) => None,
    });

fn person(name: &str) -> Person {
    // "Sheng G" → family "Sheng", given "G"; "N M Marin" → family "Marin", given "N M".
    let parts: Vec<&str> = name.split_whitespace().collect();
    let initials = |p: &str| p.chars().all(|c| c.is_uppercase() || c == '.') && p.len() <= 3;
    // CSL initialises given names: "EA" must go in as "E. A." to stay "EA".
    let spaced = |g: &str| -> String {
        if g.chars().all(|c| c.is_uppercase()) && g.len() > 1 {
            g.chars()
                .map(|c| format!("{c}."))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            g.to_string()
        }
    };
    let (family, given) = if parts.len() > 1 && parts.last().is_some_and(|p| initials(p)) {
        (
            parts[..parts.len() - 1].join(" "),
            Some(parts[parts.len() - 1].to_string()),
        )
    } else if parts.len() > 1 && initials(parts[0]) {
        let k = parts.iter().take_while(|p| initials(p)).count();
        (parts[k..].join(" "), Some(parts[..k].join(" ")))
    } else {
        (name.to_string(), None)
    };
    Person {
        name: escape::html(&family),
        given_name: given
            .map(|g| escape::html(&g.split(' ').map(spaced).collect::<Vec<_>>().join(" "))),
        prefix: None,
        suffix: None,
        comma_suffix: false,
        alias: None,
    }
}

/// "3 March 2024", "March 3, 2024", "2024-03-03", "May 2005", "2024": a date
/// as written in a reference.
fn parse_date(s: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let s = s.trim().trim_end_matches('.');
    if let [y, m, d] = s.split('-').collect::<Vec<_>>().as_slice()
        && y.len() == 4
    {
        let (y, m, d) = (
            y.parse().ok()?,
            m.parse::<u8>().ok()?,
            d.parse::<u8>().ok()?,
        );
        return ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| Date {
            year: y,
            month: Some(m - 1),
            day: Some(d - 1),
            approximate: false,
            season: None,
        });
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for w in s.split([' ', ',']).filter(|w| !w.is_empty()) {
        let lower = w.to_lowercase();
        if let Some(i) = MONTHS.iter().position(|m| lower.starts_with(m)) {
            month = Some(i as u8);
        } else if let Ok(n) = w.parse::<i32>() {
            if n >= 1000 {
                year = Some(n);
            } else if (1..=31).contains(&n) {
                day = Some(n as u8 - 1);
            }
        } else {
            return None;
        }
    }
    Some(Date {
        year: year?,
        month,
        day: month.and(day),
        approximate: false,
        season: None,
    })
}

fn entry(key: &str, r: &Reference) -> Option<Entry> {
    let title = r.title.as_ref()?;
    let web = r.journal.is_none() && r.site.is_some();
    let mut e = Entry::new(
        key,
        if r.journal.is_some() {
            EntryType::Article
        } else if web {
            EntryType::Web
        } else {
            EntryType::Book
        },
    );
    // An organisation read as the author of its own page is the site only.
    let authors_are_site = web && r.authors.len() == 1 && r.site.as_ref() == r.authors.first();
    if let Some(site) = r.site.as_deref().filter(|_| web) {
        let mut parent = Entry::new(&format!("{key}-site"), EntryType::Web);
        parent.set_title(FormatString::from(escape::html(site)));
        e.set_parents(vec![parent]);
    }
    if let Some(mut url) = r
        .url
        .as_deref()
        .and_then(|u| hayagriva::types::QualifiedUrl::from_str(u).ok())
    {
        url.visit_date = r.accessed.as_deref().and_then(parse_date);
        e.set_url(url);
    }
    e.set_title(FormatString::from(escape::html(title)));
    // "and others" is written by `format` itself: CSL adds "et al." only past a count.
    if !r.more_authors && !r.authors.is_empty() && !authors_are_site {
        e.set_authors(r.authors.iter().map(|a| person(a)).collect());
    }
    if r.publisher.is_some() || r.place.is_some() {
        e.set_publisher(hayagriva::types::Publisher::new(
            r.publisher
                .as_deref()
                .map(|p| FormatString::from(escape::html(p))),
            r.place
                .as_deref()
                .map(|p| FormatString::from(escape::html(p))),
        ));
    }
    if let Some(y) = r.year {
        e.set_date(Date::from_year(y));
    }
    if let Some(v) = r
        .volume
        .as_deref()
        .and_then(|v| MaybeTyped::<Numeric>::from_str(v).ok())
    {
        e.set_volume(v);
    }
    if let Some(i) = r
        .issue
        .as_deref()
        .and_then(|v| MaybeTyped::<Numeric>::from_str(v).ok())
    {
        e.set_issue(i);
    }
    if let Some(p) = r
        .pages
        .as_deref()
        .and_then(|v| MaybeTyped::<PageRanges>::from_str(&v.replace('–', "-")).ok())
    {
        e.set_page_range(p);
    }
    if let Some(j) = &r.journal {
        let mut parent = Entry::new(&format!("{key}-journal"), EntryType::Periodical);
        parent.set_title(FormatString::from(escape::html(j)));
        e.set_parents(vec![parent]);
    }
    Some(e)
}

/// The HTML of each reference, in order. Entries hayagriva cannot format (no
/// title), and those whose formatted text would lose a word of the scraped one
/// ([`covers`]), keep their escaped verbatim text. A DOI is a link: where the
/// verbatim text writes it, or after the entry.
pub fn format(refs: &[Reference]) -> Vec<String> {
    let entries: Vec<Option<Entry>> = refs
        .iter()
        .enumerate()
        .map(|(i, r)| entry(&format!("r{i}"), r))
        .collect();
    let mut formatted: Vec<Option<String>> = vec![None; refs.len()];
    if let Some(style) = STYLE.as_ref() {
        let mut driver = BibliographyDriver::new();
        let present: Vec<&Entry> = entries.iter().flatten().collect();
        for e in &present {
            driver.citation(CitationRequest::from_items(
                vec![CitationItem::with_entry(*e)],
                style,
                &LOCALES,
            ));
        }
        let rendered = driver.finish(BibliographyRequest {
            style,
            locale: None,
            locale_files: &LOCALES,
        });
        if let Some(bib) = rendered.bibliography {
            for item in bib.items {
                let Some(i) = item
                    .key
                    .strip_prefix('r')
                    .and_then(|k| k.parse::<usize>().ok())
                else {
                    continue;
                };
                let mut html = String::new();
                if item
                    .content
                    .write_buf(&mut html, BufWriteFormat::Html)
                    .is_ok()
                    && i < formatted.len()
                {
                    formatted[i] = Some(html);
                }
            }
        }
    }
    refs.iter()
        .zip(formatted)
        .map(|(r, f)| {
            let verbatim = r.from_lines || f.is_none();
            let html = render(r, f, verbatim);
            // A formatted entry that lost a word of the scraped one (a note's
            // prose, a publisher's place, an editor, authors past the style's
            // count, a date's month) is shown as scraped.
            if verbatim || covers(&r.raw, &html) {
                html
            } else {
                render(r, None, true)
            }
        })
        .collect()
}

/// Words of a scraped reference a formatted one may leave out or reword: labels the
/// style writes its own way ("Retrieved" becomes "Accessed", "pp." goes), connecting
/// words, and the tags of a DOI or a database.
const REWORDED: [&str; 22] = [
    "retrieved",
    "accessed",
    "available",
    "online",
    "at",
    "from",
    "on",
    "in",
    "and",
    "the",
    "of",
    "a",
    "an",
    "et",
    "al",
    "p",
    "pp",
    "ed",
    "eds",
    "pmc",
    "pubmed",
    "doi",
];

/// `raw` without a Wikipedia note's back-links: a leading "^" and two single
/// lower-case letters or more ("^ a b c \"Title\". …").
fn without_backlinks(raw: &str) -> &str {
    let mut rest = raw.trim_start().trim_start_matches('^').trim_start();
    let mut letters = 0;
    loop {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(c), Some(' ')) if c.is_ascii_lowercase() => {
                rest = &rest[2..];
                letters += 1;
            }
            _ => break,
        }
    }
    if letters >= 2 {
        rest
    } else {
        raw.trim_start().trim_start_matches('^').trim_start()
    }
}

/// The text of `html`: tags as spaces, the entities that [`escape::html`] writes and
/// numeric ones decoded.
fn html_text(html: &str) -> String {
    static ENTITY: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"&(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);")
            .unwrap_or_else(|_| unreachable!())
    });
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    ENTITY
        .replace_all(&text, |c: &regex::Captures| {
            let e = &c[1];
            let ch = match e {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => e
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map_or_else(|| c[0].to_string(), String::from)
        })
        .into_owned()
}

/// Whether `formatted` (HTML) shows every word of `raw` as often as `raw` has it,
/// but for [`REWORDED`] words, a Wikipedia note's back-links ([`without_backlinks`])
/// and the last page of a range the style writes in full ("122–39" as "122-139").
/// Case is ignored (a style capitalises a title's words); entities are decoded.
fn covers(raw: &str, formatted: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let mut shown: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for w in words(&html_text(formatted)) {
        *shown.entry(w).or_default() += 1;
    }
    let scraped = words(without_backlinks(raw));
    // "122–39": the last page of a range, shown in full as "139".
    static RANGE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(\d+)\s*[-–—]\s*(\d+)").unwrap_or_else(|_| unreachable!())
    });
    let in_full: Vec<String> = RANGE
        .captures_iter(raw)
        .filter_map(|c| {
            let (first, last) = (&c[1], &c[2]);
            (last.len() < first.len()
                && shown.contains_key(&format!("{}{last}", &first[..first.len() - last.len()])))
            .then(|| last.to_string())
        })
        .collect();
    scraped.iter().all(|w| {
        if REWORDED.contains(&w.as_str()) || in_full.contains(w) {
            return true;
        }
        match shown.get_mut(w) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    })
}

/// The HTML of one reference: hayagriva's `formatted` entry with the parts it does
/// not place (authors past a count, DOI, PMID, address, access date), or the
/// scraped text, escaped, when `verbatim`.
fn render(r: &Reference, f: Option<String>, verbatim: bool) -> String {
    let mut html = if verbatim {
        let mut raw = escape::html(without_backlinks(&r.raw));
        if !raw.ends_with('.') {
            raw.push('.');
        }
        // The DOI the scraped text writes becomes the link, where it stands.
        if let Some(doi) = &r.doi {
            let d = escape::html(doi);
            if let Some(shown) = [
                format!("https://doi.org/{d}"),
                format!("http://dx.doi.org/{d}"),
                format!("https://dx.doi.org/{d}"),
                format!("doi:{d}"),
                format!("DOI: {d}"),
                d.clone(),
            ]
            .into_iter()
            .find(|x| raw.contains(x.as_str()))
            {
                let link = format!("<a href=\"https://doi.org/{d}\">{shown}</a>");
                raw = raw.replacen(&shown, &link, 1);
            }
        }
        raw
    } else {
        f.unwrap_or_default()
    };
    if !verbatim && r.more_authors && !r.authors.is_empty() && r.title.is_some() {
        let names: Vec<String> = r
            .authors
            .iter()
            .map(|a| escape::html(&vancouver_name(a)))
            .collect();
        html = format!("{}, et al. {html}", names.join(", "));
    }
    if let Some(doi) = &r.doi
        && !html.contains("doi.org")
    {
        html.push_str(&format!(
            " <a href=\"https://doi.org/{}\">doi:{}</a>",
            escape::html(doi),
            escape::html(doi)
        ));
    }
    if let Some(p) = &r.pmid
        && !(verbatim && r.raw.contains(p.as_str()))
    {
        html.push_str(&format!(" PMID: {}", escape::html(p)));
    }
    if !verbatim {
        // The address as a link; an access date hayagriva could not place
        // (no address, or a date it cannot read) as written.
        let mut linked = html.contains("<a href=\"http");
        if let Some(u) = r.url.as_ref().filter(|_| !linked)
            && let Some(shown) = [u.clone(), format!("{u}/")]
                .into_iter()
                .find(|x| html.contains(x.as_str()))
        {
            let link = format!("<a href=\"{}\">{}</a>", escape::html(u), escape::html(u));
            html = html.replacen(&shown, &link, 1);
            linked = true;
        }
        if let Some(u) = r.url.as_ref().filter(|_| !linked) {
            html.push_str(&format!(
                " <a href=\"{}\">{}</a>",
                escape::html(u),
                escape::html(u)
            ));
        }
        if let Some(a) = &r.accessed
            && !(linked && r.accessed.as_deref().and_then(parse_date).is_some())
        {
            html.push_str(&format!(" Accessed {}.", escape::html(a)));
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::assemble::references::parse;

    /// Issue 21: a web reference kept only its organisation and year.
    #[test]
    fn web_references_keep_title_site_address_and_access_date() {
        let refs = vec![
            parse(
                "Cancer Research UK. Bone cancer survival. https://www.cancerresearchuk.org/about-cancer/bone-cancer/survival?a=1&b=2 (accessed 3 March 2024).",
                &[],
            ),
            parse(
                "\"Protocol for using New Zealand's National Anthems\". Ministry for Culture and Heritage. Retrieved 17 February 2008.",
                &[],
            ),
        ];
        let html = format(&refs);
        assert!(html[0].contains("Bone cancer survival"), "{}", html[0]);
        assert!(html[0].contains("Cancer Research UK"), "{}", html[0]);
        assert!(
            html[0].contains(
                "<a href=\"https://www.cancerresearchuk.org/about-cancer/bone-cancer/survival?a=1&"
            ),
            "{}",
            html[0]
        );
        // The year of the access date is not a publication date.
        assert!(!html[0].contains(". 2024."), "{}", html[0]);
        assert_eq!(
            html[0].matches("Cancer Research UK").count(),
            1,
            "{}",
            html[0]
        );
        assert!(
            html[0].contains("March 3, 2024") || html[0].contains("3 March 2024"),
            "{}",
            html[0]
        );
        assert!(
            html[1].contains("Ministry for Culture and Heritage"),
            "{}",
            html[1]
        );
        assert!(
            html[1].contains("Accessed 17 February 2008."),
            "{}",
            html[1]
        );
        assert!(
            parse_date("March 3, 2024").is_some_and(|d| d.month == Some(2) && d.day == Some(2))
        );
        assert!(parse_date("2014-07-01").is_some_and(|d| d.year == 2014 && d.day == Some(0)));
        assert!(parse_date("in the spring of 2010").is_none());
    }

    /// A formatted entry that would lose a word of the scraped one (a publisher's
    /// place, a note's prose, an editor and pages) is shown as scraped; a label the
    /// style rewords ("Retrieved") and a note's back-links are no loss.
    #[test]
    fn a_reference_the_style_would_shorten_is_shown_as_scraped() {
        let scraped = [
            "Prater S, McKeon B. Osteosarcoma, updated 2023. Treasure Island: StatPearls; 2024.",
            "New Zealand Government (21 December 2007). International Covenant on Civil and Political Rights Fifth Periodic Report (PDF) (Report). p. 89. In addition to the Maori language, New Zealand Sign Language is also an official language.",
            "Mackay, Duncan (1986). \"The Search For The Southern Land\". In Fraser, B (ed.). The New Zealand Book Of Events. Auckland: Reed Methuen. pp. 52–54.",
        ];
        for raw in scraped {
            let html = format(&[parse(raw, &[])]);
            let shown = html[0].replace("&quot;", "\"");
            assert!(
                shown.starts_with(raw.trim_end_matches('.')),
                "{raw}\n{}",
                html[0]
            );
        }
        let html = format(&[parse(
            "a b \"Income inequality\". Statistics New Zealand. Retrieved 14 June 2015.",
            &[],
        )]);
        assert!(
            html[0].starts_with("Income inequality. Statistics New Zealand. Accessed"),
            "{}",
            html[0]
        );
        assert!(covers("Retrieved 14 June 2015", "Accessed June 14, 2015."));
        assert!(covers("2023;9(2):122–39", "2023;9(2):122-139"));
        assert!(!covers(
            "Treasure Island: StatPearls; 2024",
            "StatPearls; 2024"
        ));
        assert!(!covers("(March 2009)", "2009"));
        // A lost issue or volume is no page range; an escaped apostrophe is no number;
        // a name lost among others of the same words is counted.
        assert!(!covers("Gut. 2023;72(3):1-9", "Gut. 2023;72:1-9"));
        assert!(!covers("J X. 2019;9:100-110", "J X. 2019:100-110"));
        assert!(!covers(
            "Crohn's disease. Gut. 39:1-9",
            "Crohn&#39;s disease. Gut. 1-9"
        ));
        assert!(!covers("Li Y, Li J, Wang Y. T.", "Li Y, Wang Y. T."));
        assert!(!covers("J R Smith (2010). Title.", "Smith (2010). Title."));
        assert!(covers("^ a b Smith (2010). Title.", "Smith (2010). Title."));
        // Shown as scraped, the DOI is linked where it stands, not again at the end;
        // the PMID is not repeated.
        let html = format(&[parse(
            "Du X, Wei H, Zhang B, Wang B, Li Z, Pang LK, Zhao R, Yao W. Molecular mechanisms. Front Oncol. 2023;13:1117867. 10.3389/fonc.2023.1117867. PMID: 36925556",
            &[],
        )]);
        assert_eq!(
            html[0].matches("10.3389/fonc.2023.1117867").count(),
            2,
            "{}",
            html[0]
        );
        assert_eq!(html[0].matches("36925556").count(), 1, "{}", html[0]);
    }

    #[test]
    fn vancouver_html_with_doi_link_and_escaping() {
        let refs = vec![
            parse(
                "Sheng G, Gao Y, Yang Y, Wu H. Osteosarcoma and metastasis. Front Oncol. 2021;11: 780264. 10.3389/fonc.2021.780264. - PMC - PubMed",
                &[],
            ),
            parse(
                "Evil A. <script>alert(1)</script> title. J X. 2020;1:1-2.",
                &[],
            ),
            parse("Clinical Trials Database", &["Cancer Research UK".into()]),
        ];
        let html = format(&refs);
        for h in &html {
            eprintln!("{h}");
        }
        assert!(html[0].starts_with("Sheng G, Gao Y, Yang Y, Wu H. Osteosarcoma and metastasis. <span style=\"font-style: italic;\">Front Oncol</span>. 2021;11:780264."), "{}", html[0]);
        assert!(
            html[0].contains("Osteosarcoma and metastasis"),
            "{}",
            html[0]
        );
        assert!(
            html[0].contains("<a href=\"https://doi.org/10.3389/fonc.2021.780264\">"),
            "{}",
            html[0]
        );
        assert!(!html[1].contains("<script"), "{}", html[1]);
        assert!(html[1].contains("&lt;script&gt;"), "{}", html[1]);
        assert!(html[2].contains("Clinical Trials Database"), "{}", html[2]);
        let many = format(&[parse(
            "Du X, Wei H, Zhang B, Wang B, Li Z, Pang LK, Zhao R, Yao W. Molecular mechanisms. Front Oncol. 2023;13:1117867.",
            &[],
        )]);
        // The style lists three of eight authors and "et al.": five names would be
        // lost, so the entry is shown as scraped.
        assert!(
            many[0].starts_with("Du X, Wei H, Zhang B, Wang B, Li Z, Pang LK, Zhao R, Yao W."),
            "{}",
            many[0]
        );
        let issue = format(&[parse(
            "Ma R, Yu J. The field. Trends Cancer. 2023;9(2):122–39.",
            &[],
        )]);
        assert!(issue[0].contains("2023;9(2):122-139"), "{}", issue[0]);
        let lines = format(&[parse(
            "A trial",
            &[
                "N M Marin and others".into(),
                "Journal of Clinical Oncology 2013 (suppl;abstr: LBA10504)".into(),
            ],
        )]);
        assert_eq!(
            lines[0],
            "A trial. N M Marin and others. Journal of Clinical Oncology 2013 (suppl;abstr: LBA10504)."
        );
        let book = format(&[parse(
            "Prater S, McKeon B. Osteosarcoma, updated 2023. Treasure Island: StatPearls; 2024.",
            &[],
        )]);
        assert!(
            book[0].contains("StatPearls") && book[0].contains("2024"),
            "{}",
            book[0]
        );
    }
}
