//! The jusText-style context pass (a heading takes the class of the text it
//! introduces; short text survives only next to good text), captions bound to their
//! labels, sections dropped by configuration, and what follows the last text.

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
/// other short or low-density units survive only next to good text.
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
                let keep = next == Some(true) || prev_good[i] == Some(true);
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

/// Dropped units (not copies or moved metadata) that separate two runs of kept text.
const RUN_GAP: usize = 3;
/// A run of kept text far from the main run is kept only with this share of its words…
const RUN_SHARE: f64 = 0.25;
/// …or a paragraph of this many words (prose, not a teaser or a link list).
const RUN_PROSE_WORDS: usize = 40;

/// Main text is contiguous (Kohlschütter et al. 2010; jusText's context): kept units
/// form runs separated by at least [`RUN_GAP`] dropped units; a run other than the
/// largest that is small (under [`RUN_SHARE`] of its words) and has no paragraph of
/// [`RUN_PROSE_WORDS`] words is a sidebar, a related-links list or a teaser, and goes.
/// The title, and the run right under it (the article's start), are never dropped.
pub(super) fn drop_outlying_runs(items: &mut [Item]) {
    let kept = |k: &Kind| {
        matches!(
            k,
            Kind::Paragraph | Kind::Heading | Kind::ListItem { .. } | Kind::Caption { .. }
        )
    };
    // (first, last, words, has prose) of each run.
    let mut runs: Vec<(usize, usize, usize, bool)> = Vec::new();
    let mut gap = usize::MAX;
    for (i, it) in items.iter().enumerate() {
        match &it.kind {
            k if kept(k) => {
                let words = if matches!(k, Kind::Heading) {
                    0
                } else {
                    text::word_count(&it.unit.text)
                };
                let prose = matches!(k, Kind::Paragraph) && words >= RUN_PROSE_WORDS;
                match runs.last_mut() {
                    Some(r) if gap < RUN_GAP => {
                        r.1 = i;
                        r.2 += words;
                        r.3 |= prose;
                    }
                    _ => runs.push((i, i, words, prose)),
                }
                gap = 0;
            }
            Kind::Drop(r) if !r.is_transparent() => gap = gap.saturating_add(1),
            _ => {}
        }
    }
    let Some(main) = runs.iter().map(|r| r.2).max() else {
        return;
    };
    // The run right under the title is where the article starts, however short it is.
    let under_title = items
        .iter()
        .position(|i| i.kind == Kind::Title)
        .and_then(|t| runs.iter().position(|r| r.0 > t));
    for (k, &(first, last, words, prose)) in runs.iter().enumerate() {
        if words == main
            || prose
            || words as f64 >= RUN_SHARE * main as f64
            || Some(k) == under_title
        {
            continue;
        }
        for it in &mut items[first..=last] {
            if kept(&it.kind) {
                it.kind = Kind::Drop(DropReason::OutsideMainText);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::clean_one;

    const PROSE: &str = "The council voted on Tuesday to build a new bridge across the river, ending a debate that had lasted for more than a decade and divided the town into two camps.";

    #[test]
    fn a_small_run_away_from_the_text_goes_and_the_text_stays() {
        let mut page = String::from("Council approves new river bridge\n\n");
        for i in 0..6 {
            page.push_str(&format!("{PROSE} Paragraph {i}.\n\n"));
        }
        page.push_str(
            "Share on Facebook\n\nShare on Twitter\n\nPrint this page\n\nSkip to content\n\n",
        );
        page.push_str("Mayor says the new park will open in the summer after a long delay.\n\n");
        page.push_str("Home\n\nContact us\n\nPrivacy policy\n\nCookie settings\n");
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Paragraph 5."), "{out}");
        assert!(!out.contains("new park will open"), "{out}");
    }
}
