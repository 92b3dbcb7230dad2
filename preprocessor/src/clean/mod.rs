//! The cleaning pipeline, in one place: the order of the stages is here.
//!
//! ```text
//! bytes ─ decode ─ normalise → lines        (per page)
//!       → corpus statistics                  (once, over all pages)
//!       → reflow → classify → repair → assemble   (per page)
//! ```

pub(crate) mod assemble;
pub(crate) mod classify;
pub(crate) mod corpus;
pub(crate) mod decode;
pub(crate) mod normalise;
pub(crate) mod reflow;
pub(crate) mod repair;

use crate::clean::assemble::{Document, assemble};
use crate::clean::classify::rules::Rules;
use crate::clean::corpus::Corpus;
use crate::config::{Config, MetadataFile};
pub(crate) use crate::model::Accounting;
use crate::record::Log;
use anyhow::Result;
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// One raw input page.
#[derive(Debug, Clone)]
pub struct Input {
    /// File name (used in messages and as the metadata key).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A cleaned page and the record of what was done to it.
#[derive(Debug, Clone)]
pub struct Page {
    pub doc: Document,
    pub log: Log,
    pub accounting: Accounting,
    /// The lines the title was chosen from (for fitting the title model).
    pub(crate) title_candidates: Vec<classify::TitleCandidate>,
    /// The runs of kept text away from the main text (for fitting the run model).
    pub(crate) runs: Vec<classify::RunRecord>,
}

/// Where one line of a page went (see [`account`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Rendered,
    Removed,
    Moved,
}

/// Account for every line: each non-blank line belongs to exactly one unit, and
/// each unit is rendered, removed (with a recorded reason) or moved to metadata. A
/// table cell joined into its row's line (`Line::moved_to`) goes where that row
/// goes.
/// Also returns, per line (index = line number - 1), whether the reader sees it:
/// rendered or moved to metadata.
fn account(
    lines: &[normalise::Line],
    c: &classify::Classified,
    log: &mut Log,
) -> (Accounting, Vec<bool>) {
    use classify::Kind;
    // Indexed by raw line number - 1: normalise may have removed a line (a Markdown
    // table's delimiter row, recorded there), so `lines[i]` need not be line i + 1.
    let total = lines.last().map_or(0, |l| l.no);
    let mut a = Accounting {
        lines: total,
        ..Accounting::default()
    };
    let mut blank = vec![false; total];
    let mut present = vec![false; total];
    // A table cell joined into its row's line (`Line::moved_to`) is counted where
    // that row goes, after the units.
    let mut cells: Vec<(usize, usize)> = Vec::new();
    let mut cell = vec![false; total];
    for l in lines {
        if let Some(i) = l.no.checked_sub(1).filter(|&i| i < total) {
            present[i] = true;
            match l.moved_to {
                Some(row) => {
                    cells.push((i, row));
                    cell[i] = true;
                }
                None => blank[i] = l.is_blank(),
            }
        }
    }
    a.blank = blank.iter().filter(|b| **b).count();
    // What became of each line a unit holds, for the cells joined into it.
    let mut fate: Vec<Option<Fate>> = vec![None; total];
    let mut seen = vec![false; total];
    let mut visible = vec![false; total];
    // A line normalise removed was recorded there.
    for (i, p) in present.iter().enumerate() {
        if !p {
            seen[i] = true;
            a.removed += 1;
        }
    }
    for it in &c.items {
        for no in (it.unit.first..=it.unit.last).filter(|no| !it.unit.stepped_over.contains(no)) {
            let Some(i) = no
                .checked_sub(1)
                .filter(|&i| i < total && !blank[i] && present[i] && !cell[i])
            else {
                continue;
            };
            if std::mem::replace(&mut seen[i], true) {
                a.double += 1;
                log.warn(
                    no,
                    "line counted twice by the cleaner (a bug: please report it)",
                );
                continue;
            }
            fate[i] = Some(match &it.kind {
                Kind::Drop(r) if r.moved_to_metadata() => Fate::Moved,
                Kind::Drop(_) => Fate::Removed,
                Kind::Meta { .. } => Fate::Moved,
                _ => Fate::Rendered,
            });
        }
    }
    for (i, row) in cells {
        if let Some(f) = row
            .checked_sub(1)
            .and_then(|r| fate.get(r).copied().flatten())
        {
            seen[i] = true;
            fate[i] = Some(f);
        }
    }
    for f in fate.iter().flatten() {
        match f {
            Fate::Rendered => a.rendered += 1,
            Fate::Removed => a.removed += 1,
            Fate::Moved => a.moved += 1,
        }
    }
    for (v, f) in visible.iter_mut().zip(&fate) {
        *v = matches!(f, Some(Fate::Rendered | Fate::Moved));
    }
    for (i, s) in seen.iter().enumerate() {
        if !s && !blank[i] {
            a.unaccounted += 1;
            log.warn(
                i + 1,
                "line neither rendered nor recorded as removed (a bug: please report it)",
            );
        }
    }
    (a, visible)
}

/// The result of cleaning a corpus.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub pages: Vec<Page>,
    /// Inputs that produced no page, with the reason in their log's warnings.
    pub skipped: Vec<Log>,
}

impl Cleaned {
    pub fn warnings(&self) -> impl Iterator<Item = &crate::record::Warning> {
        self.pages
            .iter()
            .flat_map(|p| p.log.warnings.iter())
            .chain(self.skipped.iter().flat_map(|l| l.warnings.iter()))
    }
}

/// Clean all inputs together, as one corpus.
/// A page after decoding: its index, its lines (or `Err` when it was skipped)
/// and its log.
type Decoded = (usize, Result<Vec<normalise::Line>, ()>, Log);

/// Wall-clock time of each stage (each runs over the pages in parallel, in
/// batches; see `clean_corpus_timed`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    pub decode_normalise: Duration,
    pub corpus: Duration,
    pub reflow: Duration,
    pub classify: Duration,
    pub repair: Duration,
    pub assemble: Duration,
}

/// Pages per batch in the per-page stages (see `clean_corpus_timed`).
const STAGE_BATCH: usize = 1024;

/// Clean all inputs together, as one corpus.
pub fn clean_corpus(inputs: &[Input], config: &Config, metadata: &MetadataFile) -> Result<Cleaned> {
    clean_corpus_timed(inputs, config, metadata).map(|(c, _)| c)
}

/// The same, with the time of each stage. Pages are cleaned in parallel;
/// corpus statistics are computed once, between the two parallel passes.
pub fn clean_corpus_timed(
    inputs: &[Input],
    config: &Config,
    metadata: &MetadataFile,
) -> Result<(Cleaned, Timings)> {
    clean_in_batches(inputs, config, metadata, STAGE_BATCH)
}

/// `clean_corpus_timed` with `batch` pages per batch of the per-page stages.
fn clean_in_batches(
    inputs: &[Input],
    config: &Config,
    metadata: &MetadataFile,
    batch: usize,
) -> Result<(Cleaned, Timings)> {
    let rules = Rules::new(config.compile_patterns()?, config.repeat_min_pages)?;
    let mut t = Timings::default();
    let mut out = Cleaned::default();
    let start = Instant::now();
    let first: Vec<Decoded> = inputs
        .par_iter()
        .enumerate()
        .map(|(i, input)| {
            let mut log = Log::new(&input.name);
            let lines = isolated("decode and normalise", &mut log, |log| {
                match decode::decode(&input.bytes, log) {
                    Ok(text) => {
                        let lines = normalise::normalise(&text, log);
                        if lines.iter().all(normalise::Line::is_blank) {
                            log.warn(0, "the file is empty or holds only white space; it was skipped. Add the page's text or remove the file");
                            Err(())
                        } else {
                            Ok(lines)
                        }
                    }
                    Err(e) => {
                        log.warn(0, e.to_string());
                        Err(())
                    }
                }
            })
            .unwrap_or(Err(()));
            (i, lines, log)
        })
        .collect();
    t.decode_normalise = start.elapsed();
    let mut decoded: Vec<(usize, Vec<normalise::Line>, Log)> = Vec::new();
    for (i, lines, log) in first {
        match lines {
            Ok(l) => decoded.push((i, l, log)),
            Err(()) => out.skipped.push(log),
        }
    }
    let start = Instant::now();
    let corpus = Corpus::build(decoded.iter().map(|(_, l, _)| l.as_slice()));
    t.corpus = start.elapsed();
    let speller = repair::Speller::new(&corpus, &config.repair);
    // Stage by stage over a batch of pages, not page by page through all the
    // stages: each stage's tables (regex automata, word lists, the speller's
    // memo) stay in the processor's caches while it runs over the batch (7%
    // faster on one core at 1,000 pages). Batches bound the memory held by
    // intermediate results. Pages are independent, so the result is the same
    // in any order.
    let mut rest = decoded;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(batch.max(1)));
        let batch = std::mem::replace(&mut rest, tail);
        let batch: Vec<_> = batch
            .into_iter()
            .map(|(i, lines, log)| ((i, lines), log))
            .collect();
        let start = Instant::now();
        let batch = stage(batch, "reflow", &mut out.skipped, |(i, lines), log| {
            let units = reflow::reflow(&lines, &corpus, config.repair.hyphens, log);
            (i, lines, units)
        });
        t.reflow += start.elapsed();
        let start = Instant::now();
        let batch = stage(
            batch,
            "classify",
            &mut out.skipped,
            |(i, lines, units), log| {
                let classified = classify::classify(units, &rules, &corpus, log);
                (i, lines, classified)
            },
        );
        t.classify += start.elapsed();
        let start = Instant::now();
        let batch = stage(
            batch,
            "word repair",
            &mut out.skipped,
            |(i, lines, mut classified), log| {
                repair::repair(&mut classified, &speller, log);
                (i, lines, classified)
            },
        );
        t.repair += start.elapsed();
        let start = Instant::now();
        let pages = stage(
            batch,
            "assemble",
            &mut out.skipped,
            |(i, lines, classified), log| {
                assemble_page(&inputs[i].name, &lines, classified, metadata, log)
            },
        );
        t.assemble += start.elapsed();
        out.pages
            .extend(pages.into_iter().map(|(page, log)| Page { log, ..page }));
    }
    // Skipped pages in input order, however the stages that skipped them were
    // batched.
    let order: foldhash::HashMap<&str, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| (input.name.as_str(), i))
        .collect();
    out.skipped
        .sort_by_key(|l| order.get(l.file.as_str()).copied().unwrap_or(usize::MAX));
    Ok((out, t))
}

/// Run one stage of the cleaner on one page so that a bug of the cleaner (a panic)
/// costs that page and not the whole run: `None`, with a warning in the page's log
/// naming the stage and the panic's message (the page is then skipped).
fn isolated<T>(stage: &str, log: &mut Log, f: impl FnOnce(&mut Log) -> T) -> Option<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *log))) {
        Ok(v) => Some(v),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            log.warn(
                0,
                format!(
                    "the cleaner failed on this page in its {stage} stage ({message}); the page was skipped. This is a bug of mdbook-seeds: please report it with this file"
                ),
            );
            None
        }
    }
}

/// One stage over a batch of pages (each a page's state and its log), in parallel,
/// each page [`isolated`]: the pages that went through, in order, with their logs;
/// the logs of those that failed join `skipped`.
fn stage<T: Send, U: Send>(
    batch: Vec<(T, Log)>,
    name: &str,
    skipped: &mut Vec<Log>,
    f: impl Fn(T, &mut Log) -> U + Sync,
) -> Vec<(U, Log)> {
    let results: Vec<Result<(U, Log), Log>> = batch
        .into_par_iter()
        .map(
            |(page, mut log)| match isolated(name, &mut log, |log| f(page, log)) {
                Some(u) => Ok((u, log)),
                None => Err(log),
            },
        )
        .collect();
    set_aside(results, skipped)
}

/// The pages of a stage's results that went through, in order; the logs of those
/// that failed join `skipped`, their edits in line order.
fn set_aside<T>(results: Vec<Result<T, Log>>, skipped: &mut Vec<Log>) -> Vec<T> {
    let mut ok = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(v) => ok.push(v),
            Err(mut log) => {
                log.edits.sort_by_key(|e| e.line);
                skipped.push(log);
            }
        }
    }
    ok
}

/// The assemble stage of one page: its accounting, its document (typographic quotes
/// put back) and what the models were shown. The returned page's log is empty: the
/// caller puts the page's log in.
fn assemble_page(
    name: &str,
    lines: &[normalise::Line],
    mut classified: classify::Classified,
    metadata: &MetadataFile,
    log: &mut Log,
) -> Page {
    let title_candidates = std::mem::take(&mut classified.title_candidates);
    let runs = std::mem::take(&mut classified.runs);
    let (accounting, visible) = account(lines, &classified, log);
    let page = metadata.pages.get(name).cloned().unwrap_or_default();
    let mut doc = assemble(name, &page, classified, log);
    assemble::quotes::restore_quotes(&mut doc, lines, &visible, log);
    if doc.blocks.is_empty() {
        log.warn(0, empty_page_warning(&doc, lines));
    }
    // Stable: edits of one line keep their pipeline order.
    log.edits.sort_by_key(|e| e.line);
    Page {
        doc,
        log: Log::new(name),
        accounting,
        title_candidates,
        runs,
    }
}

/// The warning for a page whose cleaned text has no block: what was left of it
/// (only its title line, or nothing) and where every other line went. A one-line
/// page ("Some text") has its line made the title; saying that every line was
/// boilerplate would send the editor looking for a rule that removed nothing
/// (found by a new-user trial, session 56).
fn empty_page_warning(doc: &Document, lines: &[normalise::Line]) -> String {
    let check = "Check the editorial notes for this file (`mdbook-seeds clean --report` lists every line's fate)";
    let written = lines.iter().filter(|l| !l.text.is_empty()).count();
    match doc.title_origin {
        assemble::TitleOrigin::Page { line } => {
            let others = written.saturating_sub(1);
            let rest = match others {
                0 => "it is the page's only line".to_string(),
                1 => "the one other line was classified as boilerplate or metadata".to_string(),
                n => format!("the {n} other lines were classified as boilerplate or metadata"),
            };
            format!(
                "no text was left after cleaning but the title (line {line}, {:?}): {rest}, so the chapter is only a heading. {check}",
                doc.title
            )
        }
        _ => match written {
            0 => {
                format!("no text was left after cleaning: the page has no line with text. {check}")
            }
            1 => format!(
                "no text was left after cleaning: the page's one line with text was classified as boilerplate or metadata. {check}"
            ),
            n => format!(
                "no text was left after cleaning: each of the {n} lines with text was classified as boilerplate or metadata. {check}"
            ),
        },
    }
}

/// The outline of one page cleaned alone (tests only).
#[cfg(test)]
pub(crate) fn outline_of(page: &str) -> String {
    match clean_one("p.txt", page.as_bytes()) {
        Ok(cleaned) => cleaned.pages[0].doc.outline(),
        Err(e) => panic!("{e}"),
    }
}

/// Clean a single page on its own (its own corpus).
pub fn clean_one(name: &str, bytes: &[u8]) -> Result<Cleaned> {
    clean_corpus(
        &[Input {
            name: name.into(),
            bytes: bytes.to_vec(),
        }],
        &Config::default(),
        &MetadataFile::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_of(pages: &[String]) -> Cleaned {
        let inputs: Vec<Input> = pages
            .iter()
            .enumerate()
            .map(|(i, p)| Input {
                name: format!("p{i}.txt"),
                bytes: p.as_bytes().to_vec(),
            })
            .collect();
        clean_corpus(&inputs, &Config::default(), &MetadataFile::default()).unwrap()
    }

    /// A paragraph re-joined across a printed page's break: the page number and
    /// running header inside its span are counted once, as removed, and the
    /// chapter reads the paragraph whole.
    #[test]
    fn furniture_inside_a_rejoined_paragraph_is_counted_once() {
        let cleaned = clean_one("pdf.txt", reflow::tests::page_break().as_bytes()).unwrap();
        let page = &cleaned.pages[0];
        assert!(page.accounting.is_exact(), "{}", page.accounting);
        let md = page.doc.outline();
        assert!(md.contains("whose disease has spread to the lungs"), "{md}");
        assert!(!md.contains("Journal of Bone Oncology"), "{md}");
    }

    /// A table whose cells stood on lines of their own is one table (one block),
    /// every cell kept, and each cell's line is counted where its row went
    /// (rendered), not as blank. A row that starts in lower case under one that
    /// stops without a full stop is a row, not the rest of a broken paragraph; the
    /// text after the table (one blank line below it, as innerText writes it) is a
    /// paragraph of its own.
    #[test]
    fn a_table_of_cells_on_their_own_lines_renders_whole_and_is_counted() {
        let page = "How the task store works\n\nEach task moves through these states, and the store consumer acts on each of them in turn.\n\n\
                    Status\n\n\t\n\nWhat happens next\n\n\n\n\n\
                    new\n\n\t\n\npicked up when its start time comes\n\n\n\n\n\
                    enqueued\n\n\t\n\nsent again if it waits too long\n\n\
                    A task that fails for good is never picked up again, and its owner is told.\n";
        let cleaned = clean_one("states.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        assert!(p.accounting.is_exact(), "{}", p.accounting);
        // Title, two paragraphs and six cells.
        assert_eq!(p.accounting.rendered, 9, "{}", p.accounting);
        let md = p.doc.outline();
        assert!(
            md.contains("\n| Status | What happens next |\n| new | picked up when its start time comes |\n| enqueued | sent again if it waits too long |\n\nA task that fails"),
            "{md}"
        );
    }

    /// Steps whose numbers stood on lines of their own render as one numbered
    /// list, every step kept and every line counted as rendered (each number and
    /// its step had been removed as a page number and a short line between
    /// boilerplate, all but the last step lost).
    #[test]
    fn steps_numbered_on_lines_of_their_own_render_as_a_list() {
        let page = "How to set up the pump\n\nThe pump comes in one box with its cable, and it takes about ten minutes to set up at home.\n\n\
                    1\nOpen the box carefully.\n2\nTake out the pump.\n3\nPlug in the cable.\n\n\
                    When the three steps are done, the light on the front turns green and the pump is ready.\n";
        let cleaned = clean_one("pump.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        assert!(p.accounting.is_exact(), "{}", p.accounting);
        assert_eq!(p.accounting.removed, 0, "{}", p.accounting);
        assert_eq!(p.accounting.rendered, 9, "{}", p.accounting);
        let md = p.doc.outline();
        assert!(
            md.contains("\n1. Open the box carefully.\n2. Take out the pump.\n3. Plug in the cable.\n\nWhen the three"),
            "{md}"
        );
    }

    /// A section heading a site's leaflets share ("Common side effects") stays on
    /// each, between its page's own prose and the introduction of its list; the
    /// site's menu lines and a promotion's heading over its short blurb, on every
    /// page too, still go as navigation.
    #[test]
    fn a_section_heading_the_sites_pages_share_is_kept() {
        let drugs = ["Amoxicillin", "Ibuprofen", "Metformin"];
        let pages: Vec<String> = drugs
            .iter()
            .map(|d| {
                format!(
                    "HealthWise Trust\nMedicines\nConditions\nServices\n{d} tablets: patient leaflet\n\
                     {d} is a medicine your doctor may prescribe. Read all of this leaflet before you start taking {d} because it matters.\n\
                     Keep taking {d} until the course is finished, even if you feel better after a few days.\n\
                     Common side effects\nThese happen in more than 1 in 100 people who take {d}:\nfeeling sick\nheadaches\n{}\n\
                     Tell your doctor if any side effect of {d} bothers you or does not go away after a week.\n\
                     Horoscopes\nCheck your daily horoscope and much more.\n",
                    d.to_lowercase()
                )
            })
            .collect();
        let cleaned = corpus_of(&pages);
        for (page, d) in cleaned.pages.iter().zip(drugs) {
            let md = page.doc.outline();
            assert!(
                md.contains("## Common side effects\n\nThese happen"),
                "{d}: {md}"
            );
            assert!(!md.contains("Conditions"), "{d}: {md}");
            assert!(!md.contains("Horoscopes"), "{d}: {md}");
        }
    }

    /// A writer's slip used four times on one page is corrected when the book's other
    /// pages outnumber it with the right word; the same form on four pages (a site's
    /// brand, a term of its own) is left alone.
    #[test]
    fn a_slip_repeated_on_one_page_is_outnumbered_by_the_book() {
        let right = "Osteosarcoma is treated with chemotherapy before and after surgery, and osteosarcoma of the leg is usually operated on without amputation today.";
        let mut pages: Vec<String> = (0..6)
            .map(|i| format!("Bone cancer page {i}\n\n{right}\n"))
            .collect();
        pages.push(
            "My sons ostesarcoma journey\n\nMy son was told he has ostesarcoma of the tibia in August, and the ostesarcoma team started chemotherapy the week after. Everyone says ostesarcoma is rare in boys his age. Ostesarcoma of the tibia is the commonest kind.\n".to_string(),
        );
        let cleaned = corpus_of(&pages);
        let forum = &cleaned.pages[6];
        assert_eq!(forum.doc.title, "My sons osteosarcoma journey");
        // At a sentence start too: the page does not spell the word two ways.
        assert!(
            !forum.doc.outline().to_lowercase().contains("ostesarcoma"),
            "{}",
            forum.doc.outline()
        );
        assert!(forum.doc.outline().contains("Osteosarcoma of the tibia"));
        assert!(
            forum
                .log
                .edits
                .iter()
                .any(|e| e.reason.contains("all on this page"))
        );
        // Spread over four pages, once each, the form is the corpus's own word.
        let mut pages: Vec<String> = (0..4)
            .map(|i| format!("Bone cancer page {i}\n\n{right} {right}\n"))
            .collect();
        for i in 0..4 {
            pages.push(format!("Clinic page {i}\n\nThe ostesarcoma clinic is open on Mondays and Thursdays for children who need a review.\n"));
        }
        let cleaned = corpus_of(&pages);
        assert!(
            cleaned.pages[4]
                .doc
                .outline()
                .contains("ostesarcoma clinic")
        );
        // The book's evidence must come from other pages: a page that writes both
        // forms, alone in its book, keeps what it wrote.
        let page = format!(
            "Bone cancer\n\n{right} {right} {right} {right} {right}\n\nThe ostesarcoma team, the ostesarcoma ward and the ostesarcoma clinic are upstairs.\n"
        );
        let cleaned = corpus_of(&[page]);
        assert!(
            cleaned.pages[0]
                .doc
                .outline()
                .contains("the ostesarcoma ward")
        );
        // Another ending of the word (a Latin plural) is no slip of it.
        let mut pages: Vec<String> = (0..4)
            .map(|i| format!("Amyloid page {i}\n\nAmyloidosis of bone is rare, and amyloidosis of the joints is rarer still in adults.\n"))
            .collect();
        pages.push("Types of amyloid disease\n\nThe systemic amyloidoses differ, and the hereditary amyloidoses and the acquired amyloidoses are treated apart.\n".to_string());
        let cleaned = corpus_of(&pages);
        assert!(
            cleaned.pages[4]
                .doc
                .outline()
                .contains("the acquired amyloidoses")
        );
    }

    /// A site's own sentence, verbatim on four pages or more (a comment form's help),
    /// goes; the same story on five pages (scraped twice over) keeps its sentences.
    #[test]
    fn a_sentence_repeated_across_pages_is_the_sites_unless_the_pages_are_copies() {
        const HELP: &str = "Comments may be no longer than 2000 characters and will post to the site shortly after submitting.";
        let topics = ["bridge", "school", "library", "harbour", "market"];
        let pages: Vec<String> = topics
            .iter()
            .map(|t| {
                format!(
                    "Council votes on the {t}\n\n\
                     The council voted on Tuesday to rebuild the old {t}, ending a debate that had lasted for more than a decade and divided the town.\n\n\
                     Work on the {t} will start in the spring and is expected to take two years, the mayor said in a statement after the vote.\n\n\
                     Opponents of the {t} plan said the money would be better spent on roads, and some of them promised to take the matter to court.\n\n\
                     {HELP}\n"
                )
            })
            .collect();
        let cleaned = corpus_of(&pages);
        for p in &cleaned.pages {
            let outline = p.doc.outline();
            assert!(!outline.contains("2000 characters"), "{outline}");
            assert!(outline.contains("take the matter to court."), "{outline}");
        }
        let copies = vec![pages[0].clone(); 5];
        for p in &corpus_of(&copies).pages {
            let outline = p.doc.outline();
            assert!(outline.contains("2000 characters"), "{outline}");
        }
    }

    /// A short sentence of the site's (80 characters or fewer, six words or more),
    /// verbatim on four pages, goes like a long one; one of five words ("Talk to your
    /// doctor today."), a question, a list item, and a short sentence on three pages
    /// only, stay.
    #[test]
    fn a_short_sentence_repeated_across_pages_is_the_sites() {
        const SITE: &str =
            "For complete area coverage pick up a newspaper copy at a store near you.";
        let topics = ["bridge", "school", "library", "harbour", "market"];
        let pages: Vec<String> = topics
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!(
                    "Council votes on the {t}\n\n\
                     The council voted on Tuesday to rebuild the old {t}, ending a debate that had lasted for more than a decade and divided the town.\n\n\
                     Talk to your doctor today.\n\n\
                     Work on the {t} will start in the spring and is expected to take two years, the mayor said in a statement after the vote.\n\n\
                     What should residents do if the roads are closed?\n\n\
                     The mayor said that people who live near the {t} should plan their journeys with care while the work goes on, and gave this advice to them:\n\n\
                     - Keep this medicine out of the reach of children.\n\
                     - Allow an extra half an hour for every journey across town.\n\n\
                     The works on the {t} are paid for by the town and by a grant from the region, and the council will report on their cost every three months.\n\n\
                     {}\
                     {SITE}\n",
                    if i < 3 { "The mayor thanked the whole town for its patience.\n\n" } else { "" }
                )
            })
            .collect();
        for p in &corpus_of(&pages[..4]).pages {
            let outline = p.doc.outline();
            assert!(!outline.contains("complete area coverage"), "{outline}");
            for kept in [
                "Talk to your doctor today.",
                "take two years",
                "What should residents do if the roads are closed?",
                "Keep this medicine out of the reach of children.",
            ] {
                assert!(outline.contains(kept), "{kept}: {outline}");
            }
        }
        // A sentence on three of the five pages stays.
        let cleaned = corpus_of(&pages);
        let outline = cleaned.pages[0].doc.outline();
        assert!(outline.contains("thanked the whole town"), "{outline}");
    }

    /// An author's blurb of several sentences (over 400 bytes, a paragraph's length),
    /// verbatim under the posts of four pages of one blog, is the site's too.
    #[test]
    fn a_long_blurb_repeated_across_pages_is_the_sites() {
        const BLURB: &str = "About the author: Bob Walsh is the author of The Web Startup Success Guide, co-hosts a weekly podcast about small software companies and founded a consultancy that helps founders decide what to build next. He has written about marketing, pricing and hiring for more than ten years, and he answers every email he gets from readers of this blog, usually within a day or two of receiving it. His next book, about running a software business on the side, comes out next spring.";
        assert!(BLURB.len() > 400);
        let topics = ["pricing", "hiring", "marketing", "support"];
        let pages: Vec<String> = topics
            .iter()
            .map(|t| {
                let text = [
                    format!("Most small software companies get {t} wrong in their first year, and the reasons are usually the same ones."),
                    format!("The founders treat {t} as something to decide once, when it is something to revisit every few months as the product grows."),
                    format!("Customers notice when {t} changes for the better, and they say so, which is the best evidence a small company can hope for."),
                    format!("A founder who writes down why {t} is the way it is finds the next change easier to make, and easier to explain to the team."),
                    format!("The companies that do {t} well tend to ask their customers first, then change one thing at a time and watch what happens."),
                    format!("None of this needs a large budget for {t}: a spreadsheet, a few emails and an afternoon a month are enough for most small teams."),
                ]
                // Each paragraph of two sentences: a post three times the blurb's length.
                .map(|p| format!("{p} Small teams learn this about {t} the hard way, and then they write about it."))
                .join("\n\n");
                format!("Notes on {t}\n\n{text}\n\n{BLURB}\n")
            })
            .collect();
        for p in &corpus_of(&pages).pages {
            let outline = p.doc.outline();
            assert!(!outline.contains("Bob Walsh"), "{outline}");
            assert!(outline.contains("the best evidence"), "{outline}");
        }
    }

    /// A blog's sidebar testimonial, one long block on every page, and its author's
    /// blurb outweigh a short post in bytes; the post's paragraphs are still most of
    /// the page's prose, so the page is no copy and both blocks go as the site's.
    #[test]
    fn a_sidebar_longer_than_the_post_is_the_sites() {
        let testimonial = "What our clients say: ".to_string()
            + &"As someone trying to get a self-funded company going, both time and money were at a premium, and a single hour of advice saved me a month of guessing about what to build first. "
                .repeat(8);
        const BLURB: &str = "About the author: Bob Walsh writes about small software companies, co-hosts a weekly podcast for their founders and answers every email he gets from the readers of this blog.";
        assert!(testimonial.len() > 1000);
        let topics = ["pricing", "hiring", "marketing", "support", "hosting"];
        let pages: Vec<String> = topics
            .iter()
            .map(|t| {
                format!(
                    "Notes on {t}\n\n{testimonial}\n\n\
                     Most small software companies get {t} wrong in their first year, and the reasons are usually the same ones.\n\n\
                     The founders treat {t} as something to decide once, when it is something to revisit every few months.\n\n\
                     A founder who writes down why {t} is the way it is finds the next change easier to make and to explain.\n\n\
                     {BLURB}\n"
                )
            })
            .collect();
        for p in &corpus_of(&pages).pages {
            let outline = p.doc.outline();
            assert!(!outline.contains("What our clients say"), "{outline}");
            assert!(!outline.contains("Bob Walsh"), "{outline}");
            assert!(outline.contains("revisit every few months"), "{outline}");
        }
    }

    /// The same article on four sites, each copy with its own reference list of
    /// shorter lines: its paragraphs are most of the page's long text, so the pages
    /// are copies and every one keeps them (the share is measured in bytes, not lines).
    #[test]
    fn an_article_on_four_sites_keeps_its_paragraphs() {
        let paragraph = |i: usize| {
            format!(
                "Paragraph {i} of the review: osteosarcoma is the commonest primary malignant tumour of bone in children and young adults, and most patients present with pain and swelling around the knee. Treatment combines chemotherapy before and after surgery, and limb-sparing surgery is possible for most patients. Survival for localised disease is now about two in three at five years, but it has changed little for those whose disease has spread at diagnosis."
            )
        };
        assert!(paragraph(1).len() > 400);
        let pages: Vec<String> = ["PubMed", "PMC", "Europe PMC", "the publisher"]
            .iter()
            .map(|site| {
                let references: String = (1..=14)
                    .map(|r| {
                        format!(
                            "{r}. Author A, Author B. A study of bone tumours number {r}, as listed by {site}. J Bone Oncol. 2019;{r}:1-9.\n\n"
                        )
                    })
                    .collect();
                format!(
                    "Osteosarcoma: a review\n\n{}\n\n{}\n\n{}\n\nReferences\n\n{references}",
                    paragraph(1),
                    paragraph(2),
                    paragraph(3)
                )
            })
            .collect();
        for p in &corpus_of(&pages).pages {
            let outline = p.doc.outline();
            for i in 1..=3 {
                assert!(
                    outline.contains(&format!("Paragraph {i} of the review")),
                    "{outline}"
                );
            }
        }
    }

    /// A leaflet of five paragraphs that four hospital sites print, each with more
    /// sentences of its own around it: the leaflet is most of each page's bytes, and
    /// more long paragraphs than a site's furniture has, so the pages are copies of
    /// it and keep it, though their own prose lines outnumber its paragraphs.
    #[test]
    fn a_leaflet_on_four_hospital_sites_keeps_its_paragraphs() {
        let paragraph = |i: usize| {
            format!(
                "Part {i} of the leaflet: osteosarcoma is the commonest primary malignant tumour of bone in children and young adults, and most patients present with pain and swelling around the knee. Treatment combines chemotherapy before and after surgery, and limb-sparing surgery is possible for most patients. Survival for localised disease is now about two in three at five years."
            )
        };
        let pages: Vec<String> = ["Northgate", "Riverside", "St Anne's", "Hillcrest"]
            .iter()
            .map(|site| {
                let own: Vec<String> = (1..=6)
                    .map(|k| {
                        format!(
                            "Note {k} from {site}: our team of nurses and doctors is here for you and your family, and you can call the ward at any time of the day or night."
                        )
                    })
                    .collect();
                let leaflet: Vec<String> = (1..=5).map(paragraph).collect();
                format!(
                    "Bone cancer: a leaflet for patients\n\n{}\n\n{}\n\n{}\n",
                    own[..3].join("\n\n"),
                    leaflet.join("\n\n"),
                    own[3..].join("\n\n")
                )
            })
            .collect();
        for p in &corpus_of(&pages).pages {
            let outline = p.doc.outline();
            for i in 1..=5 {
                assert!(
                    outline.contains(&format!("Part {i} of the leaflet")),
                    "{outline}"
                );
            }
        }
    }

    /// A page in another language keeps its prose (judged on length and punctuation,
    /// not on English stop words), is not spell-corrected, and says so in a warning.
    #[test]
    fn a_page_in_another_language_keeps_its_prose() {
        let page = "Accueil\nActualités\nSport\nCulture\n\n\
            Le gouvernement a présenté mercredi un projet de loi qui prévoit de réformer le système des retraites, une mesure contestée par les syndicats depuis plusieurs mois.\n\n\
            Selon le ministre, la réforme permettra de garantir l'équilibre financier du régime d'ici à la fin de la décennie, sans augmenter les cotisations des salariés.\n";
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        let text = p.doc.outline();
        assert!(
            text.contains("Le gouvernement a présenté mercredi"),
            "{text}"
        );
        assert!(text.contains("Selon le ministre, la réforme"), "{text}");
        assert!(
            p.log
                .warnings
                .iter()
                .any(|w| w.message.contains("reads as French, not English")),
            "{:?}",
            p.log.warnings
        );
        assert!(
            !p.log
                .edits
                .iter()
                .any(|e| e.stage == crate::record::Stage::Repair),
            "{:?}",
            p.log.edits
        );
    }

    /// An English page that carries a paragraph in another language, written mostly
    /// in ASCII letters (an abstract's Spanish translation under the English one):
    /// that paragraph's words are not respelled into English, and the English
    /// paragraphs are still repaired.
    #[test]
    fn a_paragraph_in_another_language_is_not_respelled() {
        let page = "Core outcomes after pouch surgery\n\n\
            Patients and surgeons chose the outcomes that future studies should recieve and report, \
            in three rounds of online surveys and a final meeting.\n\n\
            Se eligieron expertos de tres paneles para seleccionar elementos de alta prioridad, y una \
            serie de reuniones en linea permitio a los pacientes que reportan sus sintomas participar \
            en el consenso final.\n";
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        let text = p.doc.outline();
        for w in ["expertos", "elementos", "serie de", "reportan sus"] {
            assert!(text.contains(w), "{w}: {text}");
        }
        assert!(text.contains("should receive and report"), "{text}");
        assert!(p.log.edits.iter().all(|e| e.line != 5), "{:?}", p.log.edits);
    }

    /// A page in another language whose paragraphs are hard-wrapped into two lines
    /// each (too few lines to measure a wrap width) keeps them, joined: each half
    /// was dropped as a menu item or a short line between boilerplate. Menu labels
    /// in lower case are short and are not joined.
    #[test]
    fn a_page_in_another_language_keeps_its_two_line_paragraphs() {
        let page = "Inicio | Noticias | Salud | Contacto\n\
            El osteosarcoma en niños y adolescentes\n\
            15 de abril de 2024\n\n\
            El osteosarcoma es el tumor óseo maligno más frecuente en niños y\n\
            adolescentes. Suele aparecer cerca de la rodilla o del hombro.\n\n\
            El tratamiento habitual combina quimioterapia y cirugía. Los pacientes\n\
            reciben quimioterapia antes y después de la operación.\n\n\
            Compartir en Facebook\n\
            deportes\n\
            calendario\n";
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        let text = p.doc.outline();
        for para in [
            "El osteosarcoma es el tumor óseo maligno más frecuente en niños y adolescentes. Suele aparecer cerca de la rodilla o del hombro.",
            "El tratamiento habitual combina quimioterapia y cirugía. Los pacientes reciben quimioterapia antes y después de la operación.",
        ] {
            assert!(text.contains(para), "{text}");
        }
        // The short lower-case labels stay apart.
        assert!(!text.contains("deportes calendario"), "{text}");
        let joins = p
            .log
            .edits
            .iter()
            .filter(|e| e.reason.contains("joined to the next (line"))
            .count();
        assert_eq!(joins, 2, "{:?}", p.log.edits);
    }

    /// What the two-line join must leave apart on a page in another language (a
    /// reviewer's cases): a headline over a lower-case byline, a list item ending in
    /// ";" under its lead-in, a line of code ending in a brace, and a footer that the
    /// site prints on every page (joined, it would no longer be found on the others
    /// and would stay).
    #[test]
    fn the_two_line_join_leaves_bylines_lists_code_and_site_footers_apart() {
        let para = "El osteosarcoma es el tumor óseo maligno más frecuente en niños y adolescentes, y suele aparecer cerca de la rodilla o del hombro durante el crecimiento.";
        let page = format!(
            "Osteosarcoma: un nuevo tratamiento probado en adolescentes en Madrid\n\
             por Juan Pérez, publicado el 12 de marzo de 2024, actualizado el 13 de marzo\n\n\
             {para}\n\n\
             Para participar en el ensayo hay que cumplir varias condiciones, entre ellas\n\
             tener entre 12 y 25 años y un diagnóstico confirmado por biopsia;\n\n\
             function calcularPromedio(valores, pesos, opcionesDeRedondeo, precision) {{\n\
             const total = valores.reduce((a, b) => a + b, 0) / pesos.length.\n\n\
             {para}\n\n\
             La información de esta página tiene fines educativos y en ningún caso\n\
             sustituye la consulta con su médico o con su equipo sanitario habitual.\n"
        );
        let other = |i: usize| {
            format!(
                "Otra página número {i} sobre el tratamiento del sarcoma de Ewing\n\n\
                 {para} Página {i}.\n\n{para} Otra vez, página {i}.\n\n\
                 La información de esta página tiene fines educativos y en ningún caso\n\
                 sustituye la consulta con su médico o con su equipo sanitario habitual.\n"
            )
        };
        let cleaned = corpus_of(&[page, other(1), other(2)]);
        let p = &cleaned.pages[0];
        let joins: Vec<_> = p
            .log
            .edits
            .iter()
            .filter(|e| e.reason.contains("joined to the next (line"))
            .collect();
        assert!(joins.is_empty(), "{joins:?}");
        assert!(
            p.log
                .warnings
                .iter()
                .any(|w| w.message.contains("reads as Spanish")),
            "{:?}",
            p.log.warnings
        );
        let text = p.doc.outline();
        assert!(!text.contains("sustituye la consulta"), "{text}");
    }

    /// A phrase that starts three or four paragraphs is no SEO filler on that evidence
    /// alone (a blog's related posts, a story's repeated lead words): the paragraphs
    /// keep it. Five paragraphs, or three under a line that is the phrase itself (the
    /// title the filler repeats), make it filler, cut from every paragraph and kept
    /// where it stands alone. A longer phrase that fails does not hide a shorter one
    /// that passes, and a line that only folds to the phrase ("/ Tax plan would
    /// raise growth by ...", a breadcrumb's cut headline) does not stand for it.
    #[test]
    fn a_phrase_is_filler_only_in_five_paragraphs_or_beside_itself() {
        let phrase = "Tax plan would raise growth by";
        // Each goes on with a figure, as a story's lead words do.
        let rests = [
            "2 points over ten years",
            "1 point in the first year",
            "3 points if rates stay low",
            "0.5 points after the cuts",
            "4 points in the best case",
        ];
        let page = |head: &str, lead: &str, n: usize| {
            let body: Vec<String> = rests[..n]
                .iter()
                .map(|r| format!("{lead} {r}, the study of the budget office says."))
                .collect();
            format!("{head}\n\n{}\n", body.join("\n\n"))
        };
        // (edits that cut the phrase as filler, copies of it left in the outline)
        let run = |text: String| {
            let cleaned = clean_one("p.txt", text.as_bytes()).unwrap();
            let p = &cleaned.pages[0];
            let cuts = p
                .log
                .edits
                .iter()
                .filter(|e| {
                    e.before.eq_ignore_ascii_case(phrase) && e.reason.contains("SEO filler")
                })
                .count();
            let outline = p.doc.outline();
            ((cuts, outline.matches(phrase).count()), outline)
        };
        let other = "Budget news of the week";
        for (text, want) in [
            (page(other, phrase, 3), (0, 3)),
            (page(other, phrase, 4), (0, 4)),
            (page(other, phrase, 5), (5, 0)),
            // Kept once, as the title.
            (page(phrase, phrase, 3), (3, 1)),
            // The heading is the title (the first paragraph, a statement that
            // starts the text, never is): four copies.
            (page(&format!("/ {phrase} ..."), phrase, 3), (0, 4)),
        ] {
            let (got, outline) = run(text);
            assert_eq!(got, want, "{outline}");
        }
        // Paragraphs that start "Bone Cancer Survival Rate In Children 2 …" offer
        // three phrases of three uses; the longest does not stand alone, the
        // shortest does (the title), and it is the one cut.
        let title = "Bone Cancer Survival Rate";
        let cleaned = clean_one(
            "p.txt",
            page(title, &format!("{title} In Children"), 3).as_bytes(),
        )
        .unwrap();
        let p = &cleaned.pages[0];
        let cut: Vec<&str> = p
            .log
            .edits
            .iter()
            .filter(|e| e.reason.contains("SEO filler"))
            .map(|e| e.before.as_str())
            .collect();
        assert_eq!(cut, [title; 3], "{}", p.doc.outline());
    }

    /// The language is read from the page as scraped, before a phrase repeated at
    /// the end of its paragraphs is cut: an English tagline on French paragraphs
    /// counts (a reviewer's case; whatever the detector would say of what is left).
    #[test]
    fn the_language_is_read_before_repeated_phrases_are_cut() {
        let tail = "Read more of the news from the site at our desk";
        let page = format!(
            "Le gouvernement présente mercredi un projet de loi sur les retraites. {tail}\n\n\
             Les syndicats contestent depuis plusieurs mois cette réforme du système des retraites. {tail}\n\n\
             La ministre défend une mesure nécessaire pour garantir le financement des pensions. {tail}\n\n\
             Les députés examineront le texte en commission avant la fin du mois prochain. {tail}\n\n\
             Une journée de grève est annoncée dans les transports et les écoles publiques. {tail}\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        // The tagline was cut from every paragraph ...
        assert!(
            !p.doc.outline().contains("our desk. Les"),
            "{}",
            p.doc.outline()
        );
        assert!(
            p.log
                .edits
                .iter()
                .filter(|e| e.before.eq_ignore_ascii_case(tail))
                .count()
                >= 5,
            "{:?}",
            p.log.edits
        );
        // ... after the page was judged English on its text as scraped.
        assert!(
            !p.log
                .warnings
                .iter()
                .any(|w| w.message.contains("not English")),
            "{:?}",
            p.log.warnings
        );
    }

    /// A paragraph of prose repeated right after itself is kept, with a warning
    /// naming both lines; a short line repeated is still a scraping artefact.
    #[test]
    fn a_repeated_paragraph_of_prose_is_kept_and_reported() {
        let para = "The council voted on Tuesday to build a new bridge across the river, \
                    ending a debate that had lasted for more than a decade and divided the \
                    town between those who wanted it and those who did not.";
        let other = "The bridge will open in 2027, and the council says it will cost less than \
                     the ferry it replaces over twenty years, though the figures have not been \
                     published and the opposition has asked to see them.";
        let page = format!(
            "Bridge vote ends decade of debate\n\nThe vote in full\n\nThe vote in full\n\n{para}\n\n{para}\n\n{other}\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        let text = p.doc.outline();
        assert_eq!(
            text.matches("The council voted on Tuesday").count(),
            2,
            "{text}"
        );
        assert_eq!(text.matches("The vote in full").count(), 1, "{text}");
        assert!(
            p.log
                .edits
                .iter()
                .any(|e| e.line == 5 && e.reason.contains("duplicate of the line above")),
            "{:?}",
            p.log.edits
        );
        let warned: Vec<_> = p
            .log
            .warnings
            .iter()
            .filter(|w| w.message.contains("repeats the text above it (line 7)"))
            .collect();
        assert_eq!(warned.len(), 1, "{:?}", p.log.warnings);
        assert_eq!(warned[0].line, 9);
        // An image's alt text over the same long caption is one caption.
        let caption = "Figure 2. Survival of the patients treated with the new regimen over \
                       five years, compared with the patients who were given the standard \
                       regimen in the same hospitals during the same period of time.";
        let page = format!(
            "Bridge vote ends decade of debate\n\n{para}\n\n{caption}\n\n{caption}\n\n{other}\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let text = cleaned.pages[0].doc.outline();
        assert_eq!(
            text.matches("Survival of the patients").count(),
            1,
            "{text}"
        );
    }

    /// A list item's continuation line keeps its own raw line number: a fix there is
    /// reported on that line, not on the item's first line.
    #[test]
    fn an_edit_on_a_continuation_line_names_that_line() {
        let page = "Treatment of bone tumours\n\
            \n\
            Most patients have surgery and chemotherapy. Surgery removes the tumour and surgery is planned early.\n\
            \n\
            - Before surgery, most patients have chemotherapy\n  \
            \x20 and then surgry to remove the tumour\n\
            - After surgery, they have more chemotherapy\n";
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let log = &cleaned.pages[0].log;
        let fix = log
            .edits
            .iter()
            .find(|e| e.before == "surgry")
            .unwrap_or_else(|| panic!("no fix of surgry: {:#?}", log.edits));
        assert_eq!(fix.after, "surgery");
        assert_eq!(fix.line, 6, "{fix}");
    }

    /// A bug of the cleaner on one page costs that page: the stage's panic is caught,
    /// and the page's log says which stage failed and why.
    #[test]
    fn a_stage_that_fails_on_a_page_skips_only_that_page() {
        let mut log = Log::new("bad.txt");
        let r: Option<usize> = isolated("classify", &mut log, |_| panic!("index out of range"));
        assert_eq!(r, None);
        assert!(
            log.warnings
                .iter()
                .any(|w| w.message.contains("classify stage")
                    && w.message.contains("index out of range")
                    && w.message.contains("skipped")),
            "{:?}",
            log.warnings
        );
        let mut log = Log::new("good.txt");
        assert_eq!(isolated("classify", &mut log, |_| 7), Some(7));
        assert!(log.warnings.is_empty());
        let mut skipped = Vec::new();
        let kept = set_aside(vec![Ok(1), Err(Log::new("bad.txt")), Ok(3)], &mut skipped);
        assert_eq!(kept, [1, 3]);
        assert_eq!(skipped.len(), 1);
    }

    /// The order of the work (batches, stage by stage) changes nothing: the
    /// seeds and the fixture pages cleaned in batches of 1, 2 and 3 pages
    /// give the same pages, logs and warnings as in one batch.
    #[test]
    fn batches_change_nothing() {
        let mut inputs = Vec::new();
        for dir in ["../seeds", "tests/fixtures"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let mut paths: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                inputs.push(Input {
                    name: p.file_name().unwrap().to_string_lossy().into_owned(),
                    bytes: std::fs::read(&p).unwrap(),
                });
            }
        }
        assert!(inputs.len() >= 8, "{}", inputs.len());
        let run = |batch| {
            let (c, _) =
                clean_in_batches(&inputs, &Config::default(), &MetadataFile::default(), batch)
                    .unwrap();
            (format!("{:?}", c.pages), format!("{:?}", c.skipped))
        };
        let whole = run(inputs.len());
        assert!(whole.0.contains("Osteosarcoma"));
        for batch in [1, 2, 3] {
            assert_eq!(run(batch), whole, "batch {batch}");
        }
    }

    /// A page left with no text says what is left of it: a one-line page's line is
    /// its title, and the warning says so (not that every line was boilerplate); a
    /// page of boilerplate alone still says that every line was removed.
    #[test]
    fn an_empty_page_warning_says_what_is_left() {
        let warnings = |page: &str| -> Vec<String> {
            let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
            cleaned.warnings().map(|w| w.message.clone()).collect()
        };
        let one = warnings("Some text\n");
        let left: Vec<_> = one
            .iter()
            .filter(|w| w.starts_with("no text was left"))
            .collect();
        assert_eq!(left.len(), 1, "{one:?}");
        assert!(
            left[0].contains("but the title (line 1, \"Some text\"): it is the page's only line"),
            "{one:?}"
        );
        let menu = warnings("Skip to main content\n\nAccept all cookies\n");
        assert!(
            menu.iter().any(|w| w.starts_with(
                "no text was left after cleaning: each of the 2 lines with text was classified as boilerplate"
            )),
            "{menu:?}"
        );
    }
}
