//! Signal: a table of contents: a run of lines that come back later as the page's
//! own headings (or numbered sentences).

#[allow(unused_imports)]
use super::*;

/// A run of two or more short lines, one after another, each repeated later
/// on the page as a heading: a table of contents, with the rest of its indented
/// list. Returns the keys of its entries.
pub(super) fn mark_table_of_contents(items: &mut [Item], rules: &Rules) -> HashSet<String> {
    // Lines shaped like a contents entry, and their keys; any other line only
    // matters when its key equals one of those, so its key is built only up to
    // the longest of them (a long paragraph is not folded whole).
    let candidate: Vec<bool> = items
        .iter()
        .map(|i| i.heading || i.unit.text.ends_with('?'))
        .collect();
    let candidate_keys: Vec<Option<String>> = items
        .iter()
        .zip(&candidate)
        .map(|(i, c)| c.then(|| heading_key(&i.unit.text)))
        .collect();
    let longest = candidate_keys
        .iter()
        .flatten()
        .map(String::len)
        .max()
        .unwrap_or(0);
    // Another line's key is kept only when it is some candidate's key: no
    // other key is ever looked up.
    let wanted: HashSet<&str> = candidate_keys
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    // A fold starts with its first word, lower-cased: a line whose first word
    // starts no wanted key is not folded at all ("" when it has no words).
    let first_words: HashSet<&str> = wanted
        .iter()
        .map(|k| k.split(' ').next().unwrap_or_default())
        .collect();
    let mut buf = String::new();
    let other_keys: Vec<Option<String>> = items
        .iter()
        .zip(&candidate_keys)
        .map(|(it, k)| {
            let t = text::strip_numbering(&it.unit.text);
            buf.clear();
            if let Some(w) = text::words(t).next() {
                text::push_lower(&mut buf, w);
            }
            (k.is_none()
                && first_words.contains(buf.as_str())
                && text::fold_within_into(&mut buf, t, longest)
                && wanted.contains(buf.as_str()))
            .then(|| buf.clone())
        })
        .collect();
    let keys: Vec<Option<String>> = candidate_keys
        .into_iter()
        .zip(other_keys)
        .map(|(a, b)| a.or(b))
        .collect();
    let mut last_at: HashMap<&str, usize> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            last_at.insert(k.as_str(), i);
        }
    }
    let listed: Vec<bool> = (0..items.len())
        .map(|i| {
            let key = keys[i].as_deref().unwrap_or_default();
            candidate[i]
                && !key.is_empty()
                && last_at.get(key).is_some_and(|&j| j >= i + 2)
                && unit_boilerplate(&items[i].unit, rules).is_none()
        })
        .collect();
    let mut toc = HashSet::default();
    let mut i = 0;
    while i + 2 < items.len() {
        let mut j = i;
        while j + 2 < items.len() && listed[j] {
            j += 1;
        }
        if j - i >= 2 {
            // The rest of an indented list goes with its entries: sections the
            // scrape did not reach (a search excerpt's "Osteonecrosis",
            // "Osteochondroma" under "Abnormal bone growth"), which else stand as
            // headings over the first paragraph. Same indent, no blank line
            // between, heading-shaped (a question ending in "?" is an entry only
            // when found again), and not an entry again (a heading of the text).
            // Only the innermost list is finished: an outer entry at another
            // indent stops it. Not at indent 0: extending unindented runs cost 4
            // titles of Dragnet and 6 of L3S-GN1 (a page's first heading follows
            // its contents list without a blank line); indented runs change no
            // public page and the medical pages' F1 0.927 -> 0.928.
            let indent = items[j - 1].unit.indent;
            while j < items.len()
                && indent > 0
                && items[j].heading
                && !items[j].unit.text.ends_with('?')
                && !items[j].unit.gap_before
                && items[j].unit.indent == indent
                && items[i..j]
                    .iter()
                    .all(|it| heading_key(&it.unit.text) != heading_key(&items[j].unit.text))
            {
                j += 1;
            }
            for it in &mut items[i..j] {
                toc.insert(heading_key(&it.unit.text));
                it.kind = Kind::Drop(DropReason::TableOfContents);
            }
        }
        i = j.max(i + 1);
    }
    toc
}
