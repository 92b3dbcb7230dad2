//! The Glossary chapter: every term the book mentions, A to Z, with back-links.

#[allow(unused_imports)]
use super::*;

/// Sort key: letters and digits, lower case ("CAR-T" next to "cart").
pub(super) fn sort_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Glossary chapter: every term the book mentions, A to Z.
pub(super) fn glossary_markdown(
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
        // Say which it is: no glossary terms at all, or terms the pages never use.
        let file = setup.config.file.display();
        let listed = setup.curated.terms.len() + setup.config.add.len();
        if listed == 0 {
            let _ = writeln!(
                out,
                "No terms: the book has no glossary terms (`{file}` in the seeds folder is missing or empty) and no page defines an abbreviation."
            );
        } else {
            let _ = writeln!(
                out,
                "No terms: none of the {listed} glossary term(s) (`{file}` in the seeds folder, and `add` in book.toml) appears in the pages, and no page defines an abbreviation."
            );
        }
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
