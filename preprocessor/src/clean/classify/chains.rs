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
/// between them, become a list: a chain of three numbered lines or more, counting
/// up by one ("5. …", "6. …", "7. …"), is an ordered list; otherwise the chain's
/// first line stays the heading that introduces the list and the lines after it,
/// [`MIN_CHAIN_ITEMS`] or more, are its items. The last line stays a heading,
/// introducing the text after it, when the layout sets it apart (the items sit
/// line under line and a blank line comes before it) or when it alone has headline
/// capitals ("Latest Videos" after "Select a make", "New or used"). A line that
/// ends with a colon starts a new chain as its heading; a chain with a numbered
/// line that is not so ordered ("1. Introduction" / "2. Methods" with a heading
/// between) is a document's sections and stays; a table row or code is never an
/// item. Only kinds change: nothing is kept or dropped here.
pub(super) fn heading_chains_as_lists(items: &mut [Item]) {
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
                    as_list(items, &run);
                    run.clear();
                }
                run.push(i);
                continue;
            }
            _ => {}
        }
        if !run.is_empty() {
            as_list(items, &run);
            run.clear();
        }
    }
}

/// The number of a [`NUMBERED`] line.
fn number(t: &str) -> Option<u32> {
    NUMBERED
        .captures(t.trim())
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// Make the chain `run` (item indices, in order) a list when it is one (see
/// [`heading_chains_as_lists`]).
fn as_list(items: &mut [Item], run: &[usize]) {
    let numbers: Vec<Option<u32>> = run.iter().map(|&i| number(&items[i].unit.text)).collect();
    if numbers.iter().any(Option::is_some) {
        let counting = numbers
            .windows(2)
            .all(|w| matches!(w, [Some(a), Some(b)] if *b == a + 1));
        if counting && run.len() >= MIN_CHAIN_ITEMS && numbers[0].is_some() {
            for &i in run {
                items[i].kind = Kind::ListItem { ordered: true };
            }
        }
        return;
    }
    let Some((_, body)) = run.split_first() else {
        return;
    };
    let mut body = body;
    if let Some((&last, inner)) = body.split_last()
        && inner.len() >= MIN_CHAIN_ITEMS
    {
        let packed = inner.iter().skip(1).all(|&i| !items[i].unit.gap_before);
        let set_apart = packed && items[last].unit.gap_before;
        let own_capitals = title_case(&items[last].unit.text)
            && !inner.iter().any(|&i| title_case(&items[i].unit.text));
        if set_apart || own_capitals {
            body = inner;
        }
    }
    if body.len() >= MIN_CHAIN_ITEMS {
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
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["p", "h", "-", "-", "-", "-", "p"]);
    }

    #[test]
    fn the_last_line_set_apart_introduces_the_text() {
        let h = || Kind::Heading;
        // Packed items, then a blank line before the last: a heading.
        let mut items = chain(&[
            ("What to pack", true, h()),
            ("Loose clothes", true, h()),
            ("Your medicines", false, h()),
            ("A phone charger", false, h()),
            ("Who to call at night", true, h()),
            (PROSE, true, Kind::Paragraph),
        ]);
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["h", "-", "-", "-", "h", "p"]);
        // Spaced alike, the last is one more item...
        let mut items = chain(&[
            ("What to pack", true, h()),
            ("Loose clothes", true, h()),
            ("Your medicines", true, h()),
            ("A phone charger", true, h()),
            ("Who to call at night", true, h()),
            (PROSE, true, Kind::Paragraph),
        ]);
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["h", "-", "-", "-", "-", "p"]);
        // ... unless it alone has headline capitals.
        items[4].unit.text = "Latest Videos From Our Clinic".into();
        items[1..5].iter_mut().for_each(|it| it.kind = h());
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["h", "-", "-", "-", "h", "p"]);
    }

    #[test]
    fn short_chains_numbered_sections_and_colons_are_no_single_list() {
        let h = || Kind::Heading;
        // Two lines after the first: a heading and its sub-headings.
        let mut items = chain(&[
            ("Treatment", true, h()),
            ("Surgery", true, h()),
            ("After surgery", true, h()),
            (PROSE, true, Kind::Paragraph),
        ]);
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["h", "h", "h", "p"]);
        // Numbered sections that do not count up by one stay headings.
        let mut items = chain(&[
            ("1. Introduction", true, h()),
            ("2. Methods", true, h()),
            ("4. Results", true, h()),
            ("5. Discussion", true, h()),
            (PROSE, true, Kind::Paragraph),
        ]);
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["h", "h", "h", "h", "p"]);
        // Counting up by one, from any number, they are an ordered list.
        items[2].unit.text = "3. Results".into();
        items[3].unit.text = "4. Discussion".into();
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["1.", "1.", "1.", "1.", "p"]);
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
        heading_chains_as_lists(&mut items);
        assert_eq!(kinds(&items), ["h", "h", "x", "h", "h", "-", "-", "-", "p"]);
    }

    /// The page's record of its edits.
    fn record(page: &str) -> String {
        match crate::clean::clean_one("p.txt", page.as_bytes()) {
            Ok(c) => crate::record::page_report("p.txt", &c.pages[0].accounting, &c.pages[0].log),
            Err(e) => panic!("{e}"),
        }
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
