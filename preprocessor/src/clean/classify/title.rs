//! The page title: a heading repeated in the header, the breadcrumb's last element,
//! else the best heading; and the zone before it.

#[allow(unused_imports)]
use super::*;

pub(super) static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(thread|topic|discussion|article|page title|title):\s+(\S.{2,150})$")
});

/// The title: a heading repeated in the page header, else the last heading
/// that is not a generic section name before the first paragraph.
/// Everything before it (but metadata) is page header and goes.
pub(super) fn choose_title(
    items: &mut [Item],
    rules: &Rules,
    edge: Option<&str>,
    hints: &Hints,
) -> Option<usize> {
    let questions = items
        .iter()
        .filter(|i| i.kind == Kind::Heading && i.unit.text.ends_with('?'))
        .count();
    let first_para = items
        .iter()
        .position(|i| matches!(i.kind, Kind::Paragraph | Kind::ListItem { .. }))
        .unwrap_or(items.len());
    let candidates: Vec<usize> = (0..first_para)
        .filter(|&i| {
            let t = &items[i].unit.text;
            let eligible = match &items[i].kind {
                Kind::Heading => true,
                Kind::Drop(r) => *r == DropReason::NoTextAfter && items[i].heading,
                _ => false,
            };
            eligible
                && !rules.is_generic_heading(t)
                && !hints.toc.contains(&heading_key(t))
                && (questions < 2 || !t.ends_with('?'))
        })
        .collect();
    // The breadcrumb's last element names the page: the first heading after it with that text.
    let by_crumb = hints.crumb.as_deref().and_then(|c| {
        let f = text::fold(c);
        let start = items
            .iter()
            .position(|i| matches!(&i.kind, Kind::Drop(DropReason::Breadcrumb)))?;
        (start + 1..items.len())
            .find(|&i| text::fold_eq(&items[i].unit.text, &f) && items[i].heading)
    });
    let by_edge = edge.and_then(|e| {
        let f = text::fold(e);
        items.iter().position(|i| text::fold_eq(&i.unit.text, &f))
    });
    let mut seen: HashMap<String, usize> = HashMap::default();
    for &i in &candidates {
        *seen.entry(text::fold(&items[i].unit.text)).or_default() += 1;
    }
    let repeated = candidates.iter().copied().find(|&i| {
        text::word_count(&items[i].unit.text) >= 3 && seen[&text::fold(&items[i].unit.text)] >= 2
    });
    // Numbered headings ("1. What it is") are sections: a title only when nothing else is.
    let numbered = |i: &usize| {
        let t = &items[*i].unit.text;
        text::strip_numbering(t).len() < t.len()
    };
    let title = by_edge.or(by_crumb).or(repeated).or_else(|| {
        let headings = || {
            candidates
                .iter()
                .copied()
                .rev()
                .filter(|&i| items[i].kind == Kind::Heading)
        };
        headings()
            .find(|i| !numbered(i))
            .or_else(|| headings().next())
    })?;
    let title_fold = text::fold(&items[title].unit.text);
    items[title].kind = Kind::Title;
    for (i, it) in items.iter_mut().enumerate() {
        if i == title {
            continue;
        }
        let same = text::fold_eq(&it.unit.text, &title_fold);
        if same && !matches!(it.kind, Kind::Drop(_)) {
            it.kind = Kind::Drop(DropReason::RepeatsTitle);
        } else if i < title
            && matches!(
                it.kind,
                Kind::Heading | Kind::Paragraph | Kind::Open | Kind::ListItem { .. }
            )
        {
            it.kind = Kind::Drop(DropReason::HeaderBeforeTitle);
        }
    }
    // Between the title and the text: only the heading right before the text stays.
    let first_para = items
        .iter()
        .position(|i| {
            matches!(
                i.kind,
                Kind::Paragraph | Kind::ListItem { .. } | Kind::Caption { .. }
            )
        })
        .unwrap_or(items.len());
    let last_heading = (title..first_para)
        .rev()
        .find(|&i| items[i].kind == Kind::Heading);
    for (i, it) in items
        .iter_mut()
        .enumerate()
        .take(first_para)
        .skip(title + 1)
    {
        if it.kind == Kind::Heading && Some(i) != last_heading {
            it.kind = Kind::Drop(DropReason::LabelAfterTitle);
        }
    }
    Some(title)
}
