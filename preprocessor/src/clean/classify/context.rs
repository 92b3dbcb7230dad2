//! The jusText-style context pass (a heading takes the class of the text it
//! introduces; short text survives only beside good text and away from
//! boilerplate), captions bound to their labels, sections dropped by configuration,
//! and what follows the last text.

#[allow(unused_imports)]
use super::*;

/// "Fig. 1" labels: the next unit is the caption; duplicate labels were dropped.
pub(super) fn bind_captions(items: &mut [Item]) {
    for i in 0..items.len() {
        if items[i].kind != Kind::FigureLabel {
            continue;
        }
        let label = items[i].unit.text.clone();
        let next = (i + 1..items.len()).find(|&j| !matches!(items[j].kind, Kind::Drop(_)));
        match next {
            Some(j) if items[j].kind == Kind::Open => {
                let label = (!label.to_lowercase().contains("caption")).then_some(label);
                items[j].kind = Kind::Caption { label };
                items[i].kind = Kind::Drop(DropReason::MergedLabel);
            }
            _ => {
                items[i].kind = Kind::Caption { label: None };
            }
        }
    }
}

/// Configured `drop-sections`: a matching heading and everything up to the next heading-shaped line.
pub(super) fn drop_sections(items: &mut [Item], rules: &Rules) {
    let mut dropping: Option<DropReason> = None;
    for it in items.iter_mut() {
        if it.kind != Kind::Open && !matches!(it.kind, Kind::ListItem { .. }) {
            continue;
        }
        if it.heading && it.quality == Quality::Short {
            dropping = rules.drops_section(&it.unit.text);
        }
        if let Some(r) = &dropping {
            it.kind = Kind::Drop(r.clone());
        }
    }
}

/// jusText-style context: a heading takes the class of the text it introduces;
/// a short unit survives only when its nearest non-short neighbours are good text on
/// one side and not boilerplate on the other ([`solid_neighbours`]), or when it reads
/// as text ([`reads_as_text`]) or is a table's row and touches good text; long
/// low-density units survive only next to good text.
pub(super) fn resolve_context(items: &mut [Item]) {
    // Walk backwards, so that what a heading introduces is already decided.
    // `next` is the class of the next decided unit; `next_text` the same but
    // looking past known boilerplate phrases, since a heading's text may sit
    // behind "Asked by …", "On this page" or share buttons.
    let mut next: Option<bool> = None;
    let mut next_text: Option<bool> = None;
    // The class of the unit before each unit, as labelled before this pass
    // (one forward pass, so the whole walk stays linear).
    let mut prev_good = Vec::with_capacity(items.len());
    let mut last: Option<bool> = None;
    for it in items.iter() {
        prev_good.push(last);
        match &it.kind {
            Kind::Drop(r) if r.is_transparent() => {}
            Kind::Drop(_) => last = Some(false),
            Kind::Meta { .. } | Kind::FigureLabel => {}
            Kind::Open => last = Some(it.quality == Quality::Good),
            _ => last = Some(true),
        }
    }
    let (before, after) = solid_neighbours(items);
    for i in (0..items.len()).rev() {
        let it = &items[i];
        let decided = match &it.kind {
            Kind::Drop(r) if r.is_transparent() => continue,
            Kind::Drop(r) => {
                next = Some(false);
                if !r.is_furniture() {
                    next_text = Some(false);
                }
                continue;
            }
            Kind::Meta { .. } | Kind::FigureLabel => continue,
            Kind::Open => None,
            _ => Some(true),
        };
        let keep = match decided {
            Some(k) => k,
            None if it.quality == Quality::Good => {
                items[i].kind = Kind::Paragraph;
                true
            }
            None if it.heading => {
                let keep = next_text == Some(true);
                items[i].kind = if keep {
                    Kind::Heading
                } else {
                    Kind::Drop(DropReason::NoTextAfter)
                };
                keep
            }
            None => {
                // A short sentence or long low-density text stays next to good text.
                let beside_text = next == Some(true) || prev_good[i] == Some(true);
                let keep = if it.quality == Quality::Short {
                    let (b, a) = (before[i], after[i]);
                    let between_text_and_boilerplate = matches!(
                        (b, a),
                        (Some(true), Some(false)) | (Some(false), Some(true))
                    );
                    if between_text_and_boilerplate
                        && (reads_as_text(&it.unit.text) || it.unit.table_row().is_some())
                    {
                        beside_text
                    } else {
                        // jusText: good on one side at least, and boilerplate on neither.
                        b != Some(false) && a != Some(false) && (b == Some(true) || a == Some(true))
                    }
                } else {
                    beside_text
                };
                items[i].kind = if keep {
                    Kind::Paragraph
                } else {
                    Kind::Drop(DropReason::BetweenBoilerplate {
                        low_density: it.quality == Quality::Bad,
                    })
                };
                keep
            }
        };
        next = Some(keep);
        next_text = Some(keep);
    }
}

/// The class of the nearest unit before and after each unit that is neither short
/// nor a heading: `Some(true)` for good text (or a unit already kept: a list item, a
/// caption), `Some(false)` for one already dropped, `None` at the page's edge. This is
/// jusText's neighbourhood for short blocks (Pomikálek 2011, *Removing Boilerplate
/// and Duplicate Content from Web Corpora*, §3.2.3): a short block is good only
/// when its nearest non-short neighbours are; one between good text and boilerplate
/// is boilerplate. Units of long low-density text count as neither. Both vectors are
/// as long as `items`.
fn solid_neighbours(items: &[Item]) -> (Vec<Option<bool>>, Vec<Option<bool>>) {
    let class = |it: &Item| match &it.kind {
        Kind::Drop(r) if r.is_transparent() => None,
        Kind::Drop(_) => Some(false),
        Kind::Meta { .. } | Kind::FigureLabel => None,
        Kind::Open if it.quality == Quality::Good => Some(true),
        Kind::Open => None,
        _ => Some(true),
    };
    let mut before = Vec::with_capacity(items.len());
    let mut last = None;
    for it in items {
        before.push(last);
        last = class(it).or(last);
    }
    let mut after = vec![None; items.len()];
    let mut next = None;
    for i in (0..items.len()).rev() {
        after[i] = next;
        next = class(&items[i]).or(next);
    }
    (before, after)
}

/// A short line that reads as part of the text beside it, not as page furniture,
/// even between text and boilerplate: a line of three words or more that ends a
/// sentence or a clause (a poem's), or one of four words or more with English stop
/// words at least three in ten (a running sentence; menus and link bars have few).
/// The guard of jusText's rule, measured on the cleaning harness (F1 with the rule
/// and without the guard → with both): CleanPortalEval 0.971 → 0.973, Dragnet
/// 0.883 → 0.884, Readability unchanged, L3S-GN1 0.941 → 0.938, CleanEval unchanged.
/// (A quantity at the line's start, for ingredients, changed nothing: such lines
/// are heading-shaped and decided as headings.)
fn reads_as_text(t: &str) -> bool {
    let t = t.trim();
    let (n, stop) = text::word_and_stop_counts(t);
    (n >= 3 && t.ends_with(['.', ',', ';', '!', '?', ':'])) || (n >= 4 && stop * 10 >= n * 3)
}

/// After the last text: headings with nothing after them go, and so does
/// metadata that repeats a key the page already has (a related item's date).
pub(super) fn drop_trailing(items: &mut [Item]) {
    let Some(last) = items.iter().rposition(|i| {
        matches!(
            i.kind,
            Kind::Paragraph | Kind::ListItem { .. } | Kind::Caption { .. } | Kind::Open
        )
    }) else {
        return;
    };
    let keys_before: HashSet<MetaKey> = items[..last]
        .iter()
        .filter_map(|i| match &i.kind {
            Kind::Meta { key, .. } => Some(*key),
            _ => None,
        })
        .collect();
    for it in &mut items[last + 1..] {
        match &it.kind {
            Kind::Heading => it.kind = Kind::Drop(DropReason::TrailingHeading),
            Kind::Meta { key, .. } if keys_before.contains(key) => {
                it.kind = Kind::Drop(DropReason::TrailingMetadata { key: *key });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::clean_one;

    const ARTICLE: &str = "The council voted on Tuesday to build a new bridge across the river, ending a debate that had lasted for more than a decade and divided the town.";

    /// The outline of a page: a headline, two paragraphs of the story, `line`, and a
    /// site footer.
    fn kept(line: &str) -> String {
        let page = format!(
            "Bridge vote ends decade of debate\n\n{ARTICLE} This is the first paragraph.\n\n{ARTICLE} This is the second paragraph.\n\n{line}\n\nCopyright 2012 Example News. All rights reserved.\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        cleaned.pages[0].doc.outline()
    }

    /// jusText's rule: a short line between the text and boilerplate is boilerplate.
    #[test]
    fn a_short_line_between_text_and_boilerplate_goes() {
        let out = kept("filed under bridges, council");
        assert!(out.contains("second paragraph"), "{out}");
        assert!(!out.contains("filed under"), "{out}");
    }

    /// ... unless it reads as text: a line of a poem, a running sentence, a table's
    /// row.
    #[test]
    fn a_short_line_that_reads_as_text_stays_beside_the_text() {
        for line in [
            "he will not see me stopping here,",
            "they said that it was the end of it",
        ] {
            let out = kept(line);
            assert!(out.contains(line), "{line}: {out}");
        }
        // A table's row after the text (a second row would be decided by this one).
        let out = kept("(Unknown)\t5126\t23.2%");
        assert!(out.contains("5126"), "{out}");
    }
}
