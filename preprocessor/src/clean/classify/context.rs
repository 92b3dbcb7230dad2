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
