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
    // Where each entry's key comes next, two lines on or more (as `listed` asks):
    // a table of contents points at the page's sections, so that line heads text
    // (see [`heads_text`]), and the entries come back apart, each over its own
    // section, not one right after another as the same block again.
    let mut next_at: Vec<Option<usize>> = vec![None; items.len()];
    let mut seen_at: HashMap<&str, usize> = HashMap::default();
    for i in (0..items.len()).rev() {
        if let Some(k) = keys[i].as_deref() {
            next_at[i] = match seen_at.get(k) {
                Some(&n) if n == i + 1 => next_at[i + 1],
                n => n.copied(),
            };
            seen_at.insert(k, i);
        }
    }
    // How often each key is on the page.
    let mut uses: HashMap<String, usize> = HashMap::default();
    for k in keys.iter().flatten() {
        *uses.entry(k.clone()).or_default() += 1;
    }
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
            let listed_end = j;
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
            let reason = if contents_not_block(items, &next_at, &uses, i, listed_end) {
                DropReason::TableOfContents
            } else {
                DropReason::RepeatedBlock
            };
            for it in &mut items[i..j] {
                toc.insert(heading_key(&it.unit.text));
                it.kind = Kind::Drop(reason.clone());
            }
        }
        i = j.max(i + 1);
    }
    toc
}

/// Words of a line that is a section's text, not its heading or a label.
const SECTION_TEXT_WORDS: usize = 8;

/// The line `j` heads text: it or one of the three lines after it (past a
/// subsection's heading or a byline) has [`SECTION_TEXT_WORDS`] words or more. A
/// forum's "Post Reply" comes back over the page's footer, a contents entry over
/// its section.
fn heads_text(items: &[Item], j: usize) -> bool {
    items[j..items.len().min(j + 4)]
        .iter()
        .any(|it| it.words >= SECTION_TEXT_WORDS)
}

/// The run `items[i..j]` of entries found again below reads as a table of
/// contents: at least half of its entries come back over text ([`heads_text`];
/// "Related Stories", "China media: Bird flu outbreak" over a BBC story come back
/// under it, over more links), and fewer than half of its neighbouring entries come
/// back as the same block again: the second right after the first, where the page
/// shows one of them three times or more ("Top" and "Re: …" over each forum reply,
/// over each post's text). A contents entry and its section's first subsection
/// also come back one after the other, over text, but once. Else the run is a
/// block the page repeats ([`DropReason::RepeatedBlock`]): removed all the same,
/// under its own name. `next_at[k]`: where entry `k` comes next; `uses`: how often
/// each key is on the page.
fn contents_not_block(
    items: &[Item],
    next_at: &[Option<usize>],
    uses: &HashMap<String, usize>,
    i: usize,
    j: usize,
) -> bool {
    let entries = j - i;
    let over_text = (i..j)
        .filter(|&k| next_at[k].is_some_and(|n| heads_text(items, n)))
        .count();
    let again = |k: usize| {
        [k - 1, k].iter().any(|&e| {
            uses.get(&heading_key(&items[e].unit.text))
                .is_some_and(|&n| n >= 3)
        })
    };
    let glued = (i + 1..j)
        .filter(|&k| match (next_at[k - 1], next_at[k]) {
            (Some(a), Some(b)) if b == a + 1 => again(k),
            _ => false,
        })
        .count();
    2 * over_text >= entries && 2 * glued < entries - 1
}
