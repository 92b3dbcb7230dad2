//! The term index: the curated glossary file, `add` terms and abbreviations defined in
//! the text (Schwartz-Hearst, `abbrev.rs`), merged into entries. (Headings give terms
//! their homes: `homes.rs`.)

#[allow(unused_imports)]
use super::*;

pub(super) fn index(scans: &[Scan], setup: &Setup, warnings: &mut Vec<String>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for t in &setup.curated.terms {
        let mut forms = vec![(t.name.clone(), false)];
        forms.extend(t.also.iter().map(|a| (a.clone(), false)));
        entries.push(Entry {
            id: String::new(),
            name: t.name.clone(),
            expansion: None,
            other_expansions: Vec::new(),
            definition: Some((t.definition.clone(), t.source.clone())),
            forms,
            defined_at: Vec::new(),
            home: None,
        });
    }
    for a in &setup.config.add {
        if find_entry(&entries, a).is_none() {
            entries.push(Entry {
                id: String::new(),
                name: a.clone(),
                expansion: None,
                other_expansions: Vec::new(),
                definition: None,
                forms: vec![(a.clone(), false)],
                defined_at: Vec::new(),
                home: None,
            });
        }
    }
    if setup.config.abbreviations {
        // short form → [(long form, place, sentence-initial)]
        let mut defs: Definitions = Vec::new();
        for (ci, scan) in scans.iter().enumerate() {
            for p in &scan.paragraphs {
                for d in abbrev::find(&p.text) {
                    let place = Place {
                        chapter: ci,
                        section: p.section,
                    };
                    let initial = sentence_initial(&p.text, d.at);
                    match defs.iter_mut().find(|(s, _)| *s == d.short) {
                        Some((_, v)) => v.push((d.long, place, initial)),
                        None => defs.push((d.short, vec![(d.long, place, initial)])),
                    }
                }
            }
        }
        for (short, longs) in defs {
            // The most frequent long form (case aside), first seen on ties.
            let mut counts: Vec<(String, usize)> = Vec::new();
            for (l, _, _) in &longs {
                let k = long_key(l);
                match counts.iter_mut().find(|(c, _)| *c == k) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((k, 1)),
                }
            }
            let best = counts
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.1.cmp(&b.1.1).then(b.0.cmp(&a.0)))
                .map(|(_, (k, _))| k.clone())
                .unwrap_or_default();
            // Written as a page writes it mid-sentence, if one does.
            let display = longs
                .iter()
                .filter(|(l, _, _)| long_key(l) == best)
                .min_by_key(|(_, _, initial)| *initial)
                .map(|(l, _, _)| l.clone())
                .unwrap_or(best.clone());
            let others: Vec<String> = counts
                .iter()
                .filter(|(k, _)| *k != best)
                .map(|(k, _)| {
                    longs
                        .iter()
                        .find(|(l, _, _)| long_key(l) == *k)
                        .map(|(l, _, _)| l.clone())
                        .unwrap_or(k.clone())
                })
                .collect();
            let mut places: Vec<Place> = Vec::new();
            for (_, p, _) in &longs {
                if !places.contains(p) {
                    places.push(*p);
                }
            }
            let target = find_entry(&entries, &short).or_else(|| find_entry(&entries, &display));
            match target {
                Some(i) => {
                    let e = &mut entries[i];
                    if e.expansion.is_none() {
                        e.expansion = Some(display.clone());
                    }
                    e.other_expansions.extend(others);
                    e.defined_at.extend(places);
                    for (f, s) in [(short.clone(), true), (display.clone(), false)] {
                        if !e.forms.iter().any(|(x, _)| x.eq_ignore_ascii_case(&f)) {
                            e.forms.push((f, s));
                        } else if s {
                            // A curated form that is the short form: show its expansion too.
                            for (x, is_short) in &mut e.forms {
                                if *x == f {
                                    *is_short = true;
                                }
                            }
                        }
                    }
                }
                None => {
                    let mut forms = vec![(short.clone(), true), (display.clone(), false)];
                    forms.extend(others.iter().map(|o| (o.clone(), false)));
                    entries.push(Entry {
                        id: String::new(),
                        name: short,
                        expansion: Some(display),
                        other_expansions: others,
                        definition: None,
                        forms,
                        defined_at: places,
                        home: None,
                    });
                }
            }
        }
    }
    for x in &setup.config.exclude {
        if find_entry(&entries, x).is_none() {
            warnings.push(format!(
                "book.toml: `preprocessor.seeds.terms.exclude` names {x:?}, which is not a term of the book"
            ));
        }
    }
    entries.retain(|e| {
        !setup
            .config
            .exclude
            .iter()
            .any(|x| e.forms.iter().any(|(f, _)| f.eq_ignore_ascii_case(x)))
    });
    // Ids: unique, never a letter heading's.
    let mut used: HashSet<String> = ('a'..='z').map(|c| format!("letter-{c}")).collect();
    used.insert("letter-other".into());
    for e in &mut entries {
        let base = markdown::id_from_content(&e.name);
        let base = if base.is_empty() { "term".into() } else { base };
        e.id = markdown::unique_id(&base, &mut used);
    }
    entries
}

/// A long form compared: lower case, typographic apostrophes plain ("Ewing’s
/// sarcoma" is "ewing's sarcoma").
fn long_key(l: &str) -> String {
    l.to_lowercase().replace(crate::text::APOSTROPHES, "'")
}

/// The entry one of whose forms is `name` (case-insensitive, typographic
/// apostrophes plain).
pub(super) fn find_entry(entries: &[Entry], name: &str) -> Option<usize> {
    let plain = |s: &str| s.replace(crate::text::APOSTROPHES, "'");
    let name = plain(name);
    entries.iter().position(|e| {
        plain(&e.name).eq_ignore_ascii_case(&name)
            || e.forms
                .iter()
                .any(|(f, _)| plain(f).eq_ignore_ascii_case(&name))
    })
}
