//! Homes: the section a term links to (a heading about it, its definition), or the
//! one `pin` names.

#[allow(unused_imports)]
use super::*;

/// A section whose heading is about a term becomes the term's home: the term
/// opens the heading (at most one word before it: "Understanding metastatic
/// osteosarcoma"), and the section has text. The heading the term fills most
/// wins; then the first in the book.
pub(super) fn find_homes(
    entries: &mut [Entry],
    chapters: &[ChapterText],
    scans: &[Scan],
    m: &Matcher,
) {
    let mut best: Vec<Option<(f64, Place)>> = vec![None; entries.len()];
    for (ci, scan) in scans.iter().enumerate() {
        let chapter_words: usize = scan
            .paragraphs
            .iter()
            .map(|p| crate::text::word_count(&p.text))
            .sum();
        for (si, s) in scan.sections.iter().enumerate() {
            let has_text = if s.level == 1 {
                chapter_words > 0 && !chapters[ci].derived_title
            } else {
                s.words > 0
            };
            if !has_text {
                continue;
            }
            let Some(hit) = m.find(&s.heading).into_iter().next() else {
                continue;
            };
            let words_before = crate::text::word_count(&s.heading[..hit.range.start]);
            if words_before > 1 {
                continue;
            }
            let total = crate::text::word_count(&s.heading).max(1);
            let score =
                crate::text::word_count(&s.heading[hit.range.clone()]) as f64 / total as f64;
            let place = Place {
                chapter: ci,
                section: Some(si),
            };
            let b = &mut best[hit.entry];
            if b.is_none_or(|(sc, _)| score > sc) {
                *b = Some((score, place));
            }
        }
    }
    for (e, b) in entries.iter_mut().zip(best) {
        e.home = b.map(|(_, p)| p);
    }
}

/// `[preprocessor.seeds.terms] pin`: the editor says where a term links to.
pub(super) fn pin(
    entries: &mut [Entry],
    chapters: &[ChapterText],
    scans: &[Scan],
    config: &TermsConfig,
) -> Result<()> {
    for (term, target) in &config.pin {
        let Some(ei) = find_entry(entries, term) else {
            bail!(
                "book.toml: `preprocessor.seeds.terms.pin` names the term {term:?}, which is not in the glossary file, `add`, or the abbreviations the pages define"
            );
        };
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target.as_str(), None),
        };
        let norm = |p: &str| {
            p.trim_start_matches("./")
                .trim_end_matches(".html")
                .trim_end_matches(".md")
                .to_string()
        };
        let Some(ci) = chapters.iter().position(|c| norm(&c.path) == norm(path)) else {
            bail!(
                "book.toml: `preprocessor.seeds.terms.pin.{term:?}` = {target:?}: no chapter {path:?}; expected a chapter path relative to src/, such as {:?}",
                chapters
                    .first()
                    .map(|c| c.path.as_str())
                    .unwrap_or("chapter.md")
            );
        };
        let section = match anchor {
            None => None,
            Some(a) => match scans[ci].sections.iter().position(|s| s.id == a) {
                Some(s) => Some(s),
                None => bail!(
                    "book.toml: `preprocessor.seeds.terms.pin.{term:?}` = {target:?}: chapter {path:?} has no heading with id {a:?}; its ids are: {}",
                    scans[ci]
                        .sections
                        .iter()
                        .map(|s| s.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
        };
        entries[ei].home = Some(Place {
            chapter: ci,
            section,
        });
    }
    Ok(())
}
