//! Chains of headings that are lists: a scrape loses a list's bullets, and its
//! items, short lines with no full stop, read as headings one after another
//! ("## Common symptoms" / "## Bone pain that gets worse at night" / "## Swelling
//! near a joint" / …). After every unit is kept or dropped, such a chain becomes a
//! heading and a list: only the structure changes, never what is kept.

#[allow(unused_imports)]
use super::*;

/// Items (after the chain's first line) a chain needs to be a list: with two, it
/// reads as well as a heading and its sub-headings ("## Treatment" / "## Surgery" /
/// "### After surgery").
const MIN_CHAIN_ITEMS: usize = 3;

/// A numbered line: "5. Vista not grabbing businesses" or "12) Rest". The number
/// is group 1. Not "2.1 Design", a numbered section.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^\(?(\d{1,3})[.)]\s+\S"));

/// Headings shown one after another, with nothing but removed lines or metadata
/// between them, become a list: three numbered lines or more that count up by one
/// ("5. …", "6. …", "7. …") are an ordered list, under the chain's first line when
/// it has no number; otherwise the chain's first line stays the heading that
/// introduces the list and the lines after it, [`MIN_CHAIN_ITEMS`] or more, are its
/// items. The last line stays a heading, introducing the text after it, when the
/// layout sets it apart (the items sit line under line and a blank line comes
/// before it), when it alone has headline capitals ("Latest Videos" after "Select
/// a make", "New or used"), or when it is a section's generic name
/// ("Background", "References"); then the items before it must still be
/// [`MIN_CHAIN_ITEMS`]. A line that ends with a colon starts a new chain as its
/// heading. An unnumbered chain stays headings when an item would be a generic
/// section name (a document's "Introduction" / "Methods" / "Results"); numbered
/// lines that count up by one with nothing between them are a list whatever their
/// words (a contents list: "1. Introduction" / "2. Methods" / "3. Results"), and
/// stay headings when they do not count up by one ("1. Introduction" / "3.
/// Methods"); an unnumbered line after them stays a heading. A table row or code
/// is never an item. Only kinds change: nothing is kept or dropped here.
pub(super) fn heading_chains_as_lists(items: &mut [Item], rules: &Rules) {
    let chain_line = |it: &Item| {
        it.kind == Kind::Heading && it.unit.table_row().is_none() && !it.unit.cells && !it.unit.code
    };
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=items.len() {
        match items.get(i) {
            Some(it)
                if matches!(
                    it.kind,
                    Kind::Drop(_) | Kind::Meta { .. } | Kind::FigureLabel
                ) =>
            {
                continue;
            }
            Some(it) if chain_line(it) => {
                if it.unit.text.trim_end().ends_with(':') && !run.is_empty() {
                    as_list(items, &run, rules);
                    run.clear();
                }
                run.push(i);
                continue;
            }
            _ => {}
        }
        if !run.is_empty() {
            as_list(items, &run, rules);
            run.clear();
        }
    }
}

/// The number of a [`NUMBERED`] line.
pub(super) fn number(t: &str) -> Option<u32> {
    NUMBERED
        .captures(t.trim())
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// The lines of `run` (item indices) all numbered, counting up by one.
pub(super) fn counting(items: &[Item], run: &[usize]) -> bool {
    let numbers: Vec<Option<u32>> = run.iter().map(|&i| number(&items[i].unit.text)).collect();
    numbers.first().is_some_and(Option::is_some)
        && numbers
            .windows(2)
            .all(|w| matches!(w, [Some(a), Some(b)] if *b == a + 1))
}

/// Make the chain `run` (item indices, in order) a list when it is one (see
/// [`heading_chains_as_lists`]).
fn as_list(items: &mut [Item], run: &[usize], rules: &Rules) {
    let Some((&first, body)) = run.split_first() else {
        return;
    };
    if run.iter().any(|&i| number(&items[i].unit.text).is_some()) {
        let mut numbered = if number(&items[first].unit.text).is_some() {
            run
        } else {
            body
        };
        // An unnumbered last line heads the text after the list ("External links").
        if let Some((&last, inner)) = numbered.split_last()
            && number(&items[last].unit.text).is_none()
        {
            numbered = inner;
        }
        if numbered.len() >= MIN_CHAIN_ITEMS && counting(items, numbered) {
            for &i in numbered {
                items[i].kind = Kind::ListItem { ordered: true };
            }
        }
        return;
    }
    let mut body = body;
    if let Some((&last, inner)) = body.split_last()
        && body.len() >= MIN_CHAIN_ITEMS
    {
        let packed = inner.iter().skip(1).all(|&i| !items[i].unit.gap_before);
        let set_apart = packed && inner.len() >= 2 && items[last].unit.gap_before;
        let own_capitals = title_case(&items[last].unit.text)
            && !inner.iter().any(|&i| title_case(&items[i].unit.text));
        if set_apart || own_capitals || rules.is_generic_heading(&items[last].unit.text) {
            body = inner;
        }
    }
    if body.len() >= MIN_CHAIN_ITEMS
        && !body
            .iter()
            .any(|&i| rules.is_generic_heading(&items[i].unit.text))
    {
        for &i in body {
            items[i].kind = Kind::ListItem { ordered: false };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items of `lines` ("text", blank line before it, kind), all kept.
    fn chain(lines: &[(&str, bool, Kind)]) -> Vec<Item> {
        lines
            .iter()
            .enumerate()
            .map(|(n, (t, gap, kind))| {
                let mut it = Item::new(
                    Unit {
                        first: n + 1,
                        last: n + 1,
                        text: t.to_string(),
                        gap_before: *gap,
                        ..Unit::default()
                    },
                    true,
                );
                it.kind = kind.clone();
                it
            })
            .collect()
    }

    fn kinds(items: &[Item]) -> Vec<&'static str> {
        items
            .iter()
            .map(|it| match it.kind {
                Kind::Heading => "h",
                Kind::ListItem { ordered: false } => "-",
                Kind::ListItem { ordered: true } => "1.",
                Kind::Paragraph => "p",
                Kind::Drop(_) => "x",
                _ => "?",
            })
            .collect()
    }

    fn rules() -> Rules {
        match Rules::new(Default::default(), 3) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        }
    }

    const PROSE: &str =
        "See a doctor if the pain lasts more than a few weeks, since most bone pain is not cancer.";

    #[test]
    fn a_chain_of_headings_is_a_heading_and_its_list() {
        let h = || Kind::Heading;
        let mut items = chain(&[
            (PROSE, true, Kind::Paragraph),
            ("Common symptoms", true, h()),
            ("Bone pain that gets worse at night", true, h()),
            ("Swelling near a joint", false, h()),
            ("A lump over the bone", false, h()),
            ("A fracture after a minor fall", false, h()),
            (PROSE, true, Kind::Paragraph),
        ]);
        heading_chains_as_lists(&mut items, &rules());
        assert_eq!(kinds(&items), ["p", "h", "-", "-", "-", "-", "p"]);
    }

    #[test]
    fn the_last_line_set_apart_introduces_the_text() {
        let items = [
            "What to pack",
            "Loose clothes",
            "Your medicines",
            "A phone charger",
        ];
        let with_last = |last: &str, gaps: [bool; 5]| {
            let lines: Vec<(&str, bool)> = items.iter().copied().chain([last]).zip(gaps).collect();
            listed_with_gaps(&lines)
        };
        // Packed items, then a blank line before the last: a heading.
        assert_eq!(
            with_last("Who to call at night", [true, true, false, false, true]),
            ["h", "-", "-", "-", "h"]
        );
        // Spaced alike, the last is one more item...
        assert_eq!(
            with_last("Who to call at night", [true; 5]),
            ["h", "-", "-", "-", "-"]
        );
        // ... unless it alone has headline capitals.
        assert_eq!(
            with_last("Latest Videos From Our Clinic", [true; 5]),
            ["h", "-", "-", "-", "h"]
        );
    }

    /// The kinds `heading_chains_as_lists` gives a chain of headings, each after a
    /// blank line, that prose follows (the prose's "p" left out).
    fn listed(lines: &[&str]) -> Vec<&'static str> {
        let spaced: Vec<(&str, bool)> = lines.iter().map(|t| (*t, true)).collect();
        listed_with_gaps(&spaced)
    }

    /// [`listed`] of lines each with whether a blank line comes before it.
    fn listed_with_gaps(lines: &[(&str, bool)]) -> Vec<&'static str> {
        let mut spec: Vec<(&str, bool, Kind)> = lines
            .iter()
            .map(|(t, gap)| (*t, *gap, Kind::Heading))
            .collect();
        spec.push((PROSE, true, Kind::Paragraph));
        let mut items = chain(&spec);
        heading_chains_as_lists(&mut items, &rules());
        let mut k = kinds(&items);
        k.pop();
        k
    }

    #[test]
    fn short_chains_numbered_sections_and_colons_are_no_single_list() {
        let h = || Kind::Heading;
        let cases: [(&[&str], &[&str]); 8] = [
            // Two lines after the first: a heading and its sub-headings.
            (&["Treatment", "Surgery", "After surgery"], &["h", "h", "h"]),
            // Numbered sections that do not count up by one stay headings.
            (
                &[
                    "1. Introduction",
                    "2. Methods",
                    "4. Results",
                    "5. Discussion",
                ],
                &["h", "h", "h", "h"],
            ),
            // Counting up by one, from any number, they are an ordered list (a
            // contents list: nothing between them).
            (
                &[
                    "1. Introduction",
                    "2. Methods",
                    "3. Results",
                    "4. Discussion",
                ],
                &["1.", "1.", "1.", "1."],
            ),
            // Under a heading with no number, the numbered lines are its ordered list.
            (
                &[
                    "Steps",
                    "1. Wash your hands",
                    "2. Clean the skin",
                    "3. Give the injection",
                ],
                &["h", "1.", "1.", "1."],
            ),
            // ... and an unnumbered line after them heads the text that follows.
            (
                &[
                    "References",
                    "1. Smith A. Bone tumours",
                    "2. Jones B. Sarcoma care",
                    "3. Lee C. Limb salvage",
                    "External links",
                ],
                &["h", "1.", "1.", "1.", "h"],
            ),
            // A generic section name ends the chain as a heading, and is never an
            // item: a document's headings stay headings.
            (
                &[
                    "Part II",
                    "Chapter 1",
                    "Bone tumours in children",
                    "Background",
                ],
                &["h", "h", "h", "h"],
            ),
            (
                &[
                    "Contents",
                    "Introduction",
                    "Methods",
                    "Results",
                    "Bone tumours in children",
                ],
                &["h", "h", "h", "h", "h"],
            ),
            // Items and then a section's name: a list, and the name its heading.
            (
                &[
                    "Symptoms",
                    "Pain at night",
                    "Swelling",
                    "A lump",
                    "References",
                ],
                &["h", "-", "-", "-", "h"],
            ),
        ];
        for (lines, want) in cases {
            assert_eq!(listed(lines), want, "{lines:?}");
        }
        // A colon line heads a chain of its own; a removed line between items does
        // not break the chain.
        let mut items = chain(&[
            ("Before surgery", true, h()),
            ("Blood tests", true, h()),
            (
                "Share this page",
                true,
                Kind::Drop(DropReason::NavigationMenu),
            ),
            ("A chest scan", true, h()),
            ("On the day:", true, h()),
            ("No food after midnight", true, h()),
            ("Bring your letter", true, h()),
            ("Arrive at seven", true, h()),
            (PROSE, true, Kind::Paragraph),
        ]);
        heading_chains_as_lists(&mut items, &rules());
        assert_eq!(kinds(&items), ["h", "h", "x", "h", "h", "-", "-", "-", "p"]);
    }

    /// The page's record of its edits.
    fn record(page: &str) -> String {
        match crate::clean::clean_one("p.txt", page.as_bytes()) {
            Ok(c) => crate::record::page_report("p.txt", &c.pages[0].accounting, &c.pages[0].log),
            Err(e) => panic!("{e}"),
        }
    }

    /// A scraper's Markdown table on a whole page: one table, and every line
    /// accounted for (the delimiter row removed, not lost).
    #[test]
    fn a_markdown_table_on_a_page_is_a_table_and_every_line_is_accounted() {
        let page = format!(
            "Living with a bone tumour\n\n{PROSE} It is the first paragraph.\n\n\
             | Stage | Five-year survival |\n|:-:|:-:|\n| Localised | about 7 in 10 |\n| Spread | about 3 in 10 |\n\n\
             {PROSE} It is the second paragraph.\n\n{PROSE}\n"
        );
        let c = match crate::clean::clean_one("p.txt", page.as_bytes()) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        let p = &c.pages[0];
        assert!(p.accounting.is_exact(), "{}", p.accounting);
        assert_eq!(
            (p.accounting.lines, p.accounting.removed),
            (12, 1),
            "{}",
            p.accounting
        );
        let out = p.doc.outline();
        assert!(
            out.contains("| Stage | Five-year survival |\n| Localised | about 7 in 10 |\n| Spread | about 3 in 10 |"),
            "{out}"
        );
    }

    /// A pipe table indented under a bullet is a table of its own, not the
    /// bullet's continuation lines, and every line is accounted for once.
    #[test]
    fn a_markdown_table_under_a_bullet_is_no_continuation() {
        let page = format!(
            "Living with a bone tumour\n\n{PROSE} It is the first paragraph.\n\n\
             - Doses by drug:\n  | Drug | Dose |\n  |---|---|\n  | Cisplatin | 120 mg |\n  | Doxorubicin | 75 mg |\n\n\
             {PROSE} It is the second paragraph.\n\n{PROSE}\n"
        );
        let c = match crate::clean::clean_one("p.txt", page.as_bytes()) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        let p = &c.pages[0];
        assert!(p.accounting.is_exact(), "{}", p.accounting);
        let out = p.doc.outline();
        assert!(out.contains("| Cisplatin | 120 mg |"), "{out}");
    }

    /// On a whole page: the chain is a heading and a list in the outline, and a
    /// numbered chain that counts up from 47 keeps its numbers, with no edit
    /// recorded; one with a number missing is renumbered, and the change listed.
    #[test]
    fn a_page_shows_the_list_and_keeps_its_numbers() {
        let page = |list: &str| {
            format!(
                "Living with a bone tumour\n\n{PROSE} It is the first paragraph.\n\n\
                 {list}\n\n{PROSE} It is the second paragraph.\n\n{PROSE}\n"
            )
        };
        let symptoms = "Common symptoms\n\nBone pain that gets worse at night\nSwelling near a joint\n\
                        A lump over the bone\nA fracture after a minor fall";
        let out = crate::clean::outline_of(&page(symptoms));
        assert!(
            out.contains(
                "## Common symptoms\n\n- Bone pain that gets worse at night\n- Swelling near a joint\n\
                 - A lump over the bone\n- A fracture after a minor fall\n"
            ),
            "{out}"
        );
        let counted = "47. An Admission of Failure\n\n48. The Nomination Hearing\n\n\
                       49. A Letter to the Senate Committee";
        let out = crate::clean::outline_of(&page(counted));
        assert!(
            out.contains("47. An Admission of Failure\n48. The Nomination Hearing\n49. A Letter"),
            "{out}"
        );
        assert!(!record(&page(counted)).contains("renumbered"));
        let gap = "1. An Admission of Failure\n\n2. The Nomination Hearing\n\n\
                   4. A Letter to the Senate Committee";
        let out = crate::clean::outline_of(&page(gap));
        // Not counting up by one: numbered sections, left as headings.
        assert!(out.contains("## 4. A Letter"), "{out}");
        // Items numbered by the page itself ("1." "2." "4.", no heading shape) are
        // renumbered, and the change is listed with its line.
        let items = "1. Take the tablets with food, and drink a full glass of water with them.\n\
                     2. Do not take them at the same time as antacids or iron.\n\
                     4. Tell your care team about any rash, fever or sore throat.";
        let rec = record(&page(items));
        assert!(rec.contains("list renumbered in order"), "{rec}");
        assert!(crate::clean::outline_of(&page(items)).contains("3. Tell your care team"));
    }
}
