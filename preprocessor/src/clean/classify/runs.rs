//! Signal: main text is contiguous (Kohlschütter et al. 2010; jusText's context).
//! Kept units form runs separated by dropped units; a run away from the main text is
//! a sidebar, a related-links list, a teaser or a reader's note, and goes. Which runs
//! go is decided by a logistic regression fitted on the public gold sets
//! (`run_model.rs`, written by `preprocessor/benches/cleaning/fit_run_model.py`).

use super::run_model::{RUN_BIAS, RUN_KEEP_P, RUN_WEIGHTS};
#[allow(unused_imports)]
use super::*;

/// Dropped units (not copies or moved metadata) that separate two runs of kept text.
const RUN_GAP: usize = 3;
/// A run of kept text far from the main run is kept only with this share of its words…
const RUN_SHARE: f64 = 0.25;
/// …or a paragraph of this many words (prose, not a teaser or a link list).
const RUN_PROSE_WORDS: usize = 40;

/// A page with this many runs holding a paragraph of prose is a page of records (a
/// list of abstracts, a forum, a blog's front page): its prose runs are all kept.
/// Chosen on leave-one-set-out figures: news-trained weights would drop CleanEval's
/// records, whose gold standard keeps all text.
const RECORD_PAGE_PROSE_RUNS: usize = 4;

/// The names of [`RunRecord::features`], in order (for the fitting script's header).
/// `log_` features are ln(1 + x); shares are fractions in 0..=1, except
/// `share_of_main`, which exceeds 1 for a teaser list longer than the main text. "Units" are the run's
/// kept units; "text units" those of them that are not headings.
pub(crate) const RUN_FEATURES: [&str; 20] = [
    // 1 when the old hand-written rule kept the run (a paragraph of RUN_PROSE_WORDS,
    // or RUN_SHARE of the main run's words).
    "rule_keep",
    // Words of the run (headings not counted).
    "log_words",
    // The run's words over the main run's.
    "share_of_main",
    // 1 when the run comes after the main run.
    "after_main",
    // Runs between this one and the main run.
    "log_runs_between",
    // Dropped units (not copies) in the gap next to the run, on the main run's side.
    "log_gap_toward_main",
    // Words of the run's longest text unit (paragraph, list item or caption).
    "log_max_paragraph",
    // Share of the run's words in paragraphs of RUN_PROSE_WORDS words or more.
    "prose_share",
    // Headings over units.
    "heading_share",
    // List items over units.
    "list_share",
    // Text units ending in "…" or "..." (a teaser cut short) over text units.
    "ellipsis_share",
    // "I", "my", "you", "we", … (PERSONS) over all words of the units.
    "person_rate",
    // Share of the title's content words (four letters or more) the run uses.
    "title_overlap",
    // Text units ending in a full stop, "!", "?" or a closing quote, over text units.
    "sentence_end_share",
    // ASCII digits over characters.
    "digit_share",
    // 1 when the gap (as in log_gap_toward_main) holds a known boilerplate phrase, a
    // call to action, a menu or a line repeated across pages.
    "boilerplate_in_gap",
    // The run's first unit's index over the page's units.
    "position",
    // Units holding " | ", " » " or "http" over units.
    "link_bar_share",
    // Runs of the page (the main run included) holding a paragraph of prose.
    "log_prose_runs",
    // Words outside the main run over all words of the page's runs.
    "outside_share",
];

/// One run of kept text smaller than the main run, as decided: its first and last
/// line (1-based), whether this pass kept it (a later pass may still drop a run of
/// headings alone), the model's probability, and the features of [`RUN_FEATURES`];
/// `text` is its kept units' text joined with " / " (for labelling against a gold
/// standard).
#[derive(Debug, Clone)]
pub(crate) struct RunRecord {
    pub(crate) first_line: usize,
    pub(crate) last_line: usize,
    pub(crate) kept: bool,
    /// The run model's probability that the run is main text.
    pub(crate) probability: f64,
    pub(crate) features: [f64; RUN_FEATURES.len()],
    pub(crate) text: String,
    /// Set when the run model dropped the run on its probability alone (not as a
    /// teaser stream nor another story's teaser list, whose verdicts hold whatever
    /// stands around them): what `signals::tables_under_their_text` may undo.
    pub(crate) model_drop: Option<ModelDrop>,
}

/// A run dropped on the run model's probability alone: its first item's index and
/// the kinds of its items `first..first + kinds.len()` before the drop (each kept
/// one became `DropReason::OutsideMainText`).
#[derive(Debug, Clone)]
pub(crate) struct ModelDrop {
    pub(crate) first: usize,
    pub(crate) kinds: Vec<Kind>,
}

/// A run: items `first..=last`, with its kept words and whether it has a paragraph
/// of [`RUN_PROSE_WORDS`] words.
struct Run {
    first: usize,
    last: usize,
    words: usize,
    prose: bool,
    /// Started by a teaser list after text ([`teaser_list_starts`]): never the main text.
    teasers: bool,
    /// Started by a teaser list's start right after the run before it, with no gap
    /// between (else after a gap, or the page's first run).
    split: bool,
}

fn kept(k: &Kind) -> bool {
    matches!(
        k,
        Kind::Paragraph | Kind::Heading | Kind::ListItem { .. } | Kind::Caption { .. }
    )
}

/// First- and second-person words: a reader's comment or an author's box speaks to
/// the reader.
const PERSONS: [&str; 10] = [
    "i", "i'm", "i've", "my", "me", "you", "your", "you're", "we", "our",
];

/// Content words of a text (lower case, four letters or more).
fn content_words(t: &str) -> HashSet<String> {
    text::words(t)
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// What [`features`] needs of the whole page, computed once: the title's content
/// words, the number of runs holding prose, and the words of all runs.
struct PageTotals {
    title: HashSet<String>,
    prose_runs: usize,
    words: usize,
}

/// The features of run `k` of `runs` (in [`RUN_FEATURES`] order), whose largest is
/// `main` (`k != main`).
fn features(
    items: &[Item],
    runs: &[Run],
    k: usize,
    main: usize,
    page: &PageTotals,
) -> [f64; RUN_FEATURES.len()] {
    let title = &page.title;
    let r = &runs[k];
    let m = &runs[main];
    let ln = |x: usize| (1.0 + x as f64).ln();
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let units: Vec<&Item> = items[r.first..=r.last]
        .iter()
        .filter(|it| kept(&it.kind))
        .collect();
    let texts: Vec<&Item> = units
        .iter()
        .copied()
        .filter(|it| !matches!(it.kind, Kind::Heading))
        .collect();
    let words_of = |it: &Item| it.words;
    let max_para = texts.iter().map(|it| words_of(it)).max().unwrap_or(0);
    let prose_words: usize = texts
        .iter()
        .filter(|it| matches!(it.kind, Kind::Paragraph))
        .map(|it| words_of(it))
        .filter(|&w| w >= RUN_PROSE_WORDS)
        .sum();
    let headings = units.len() - texts.len();
    let lists = units
        .iter()
        .filter(|it| matches!(it.kind, Kind::ListItem { .. }))
        .count();
    let ellipsis = texts
        .iter()
        .filter(|it| {
            let t = it.unit.text.trim_end();
            t.ends_with('…') || t.ends_with("...")
        })
        .count();
    let sentence_end = texts
        .iter()
        .filter(|it| {
            it.unit
                .text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '\''])
        })
        .count();
    let link_bars = units
        .iter()
        .filter(|it| {
            let t = &it.unit.text;
            t.contains(" | ") || t.contains(" » ") || t.contains("http")
        })
        .count();
    let (mut all_words, mut persons) = (0, 0);
    let mut seen: HashSet<String> = HashSet::default();
    let (mut chars, mut digits) = (0, 0);
    for it in &units {
        for w in text::words(&it.unit.text) {
            all_words += 1;
            let l = w.to_lowercase();
            if PERSONS.contains(&l.as_str()) {
                persons += 1;
            }
            if l.chars().count() >= 4 {
                seen.insert(l);
            }
        }
        for c in it.unit.text.chars() {
            chars += 1;
            digits += usize::from(c.is_ascii_digit());
        }
    }
    let title_overlap = share(
        title.iter().filter(|w| seen.contains(*w)).count(),
        title.len(),
    );
    // The dropped units between this run and the next one toward the main run.
    let (gap_from, gap_to) = if k > main {
        (runs[k - 1].last + 1, r.first)
    } else {
        (r.last + 1, runs[k + 1].first)
    };
    let gap = &items[gap_from..gap_to];
    let gap_units = gap
        .iter()
        .filter(|it| matches!(&it.kind, Kind::Drop(d) if !d.is_transparent()))
        .count();
    let boilerplate_in_gap = gap.iter().any(|it| {
        matches!(
            &it.kind,
            Kind::Drop(
                DropReason::Boilerplate { .. }
                    | DropReason::CallToAction
                    | DropReason::NavigationMenu
                    | DropReason::ArchiveList
                    | DropReason::LinkBar
                    | DropReason::RepeatedAcrossPages { .. }
            )
        )
    });
    [
        f64::from(u8::from(
            r.prose || r.words as f64 >= RUN_SHARE * m.words as f64,
        )),
        ln(r.words),
        share(r.words, m.words),
        f64::from(u8::from(k > main)),
        ln(k.abs_diff(main) - 1),
        ln(gap_units),
        ln(max_para),
        share(prose_words, r.words),
        share(headings, units.len()),
        share(lists, units.len()),
        share(ellipsis, texts.len()),
        share(persons, all_words),
        title_overlap,
        share(sentence_end, texts.len()),
        share(digits, chars),
        f64::from(u8::from(boilerplate_in_gap)),
        share(r.first, items.len()),
        share(link_bars, units.len()),
        ln(page.prose_runs),
        share(page.words - m.words, page.words),
    ]
}

/// The run model's probability that a run is main text (logistic regression on
/// [`RUN_FEATURES`]; weights in `run_model.rs`).
fn keep_probability(f: &[f64; RUN_FEATURES.len()]) -> f64 {
    let z: f64 = RUN_BIAS
        + f.iter()
            .zip(RUN_WEIGHTS)
            .map(|(x, w)| x * f64::from(w))
            .sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Words of text a run must hold before a teaser list starts a run of its own.
const TEASER_AFTER_WORDS: usize = 100;
/// Words of the longest paragraph under a teaser's heading (a story's summary).
const TEASER_WORDS: usize = 60;
/// Heading-and-summary pairs in a row that make a teaser list.
const TEASER_PAIRS: usize = 3;

/// A story's headline: three words or more, no question (a FAQ's or an
/// interview's), no time or date of day (a forum post's or a comment's header:
/// "05-06-2005, 05:41 PM", "Jermaine 07 Nov 12").
fn headline(t: &str) -> bool {
    !t.ends_with('?')
        && !t.chars().any(|c| c.is_ascii_digit())
        && text::words(t)
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count()
            >= 3
}

/// Whether run `k`, which a teaser list starts ([`Run::teasers`]), is other stories
/// after the main text rather than more of the page: it follows the run before it
/// with no gap ([`Run::split`]: fewer than [`RUN_GAP`] dropped units between, so a
/// list after a gap is left to the run model), and
/// - it goes on no list of headed sections under the title: it was not split from
///   the run right under the title, or the two kept units of that run before it
///   are not a heading over a paragraph ("8 great talks on war and peace", each talk
///   a heading over its summary; an index page of book reviews);
/// - its headings do not echo the title: fewer than half of them share a content
///   word ([`content_words`]) with it ("Symptoms of bone cancer", "Causes of bone
///   cancer" under "Bone cancer" are the article's own sections). With no title,
///   the run is left to the model.
fn other_stories(
    items: &[Item],
    runs: &[Run],
    k: usize,
    under_title: Option<usize>,
    title: &HashSet<String>,
) -> bool {
    let r = &runs[k];
    if !(r.teasers && r.split) || title.is_empty() {
        return false;
    }
    let before = &runs[k - 1];
    let mut above = items[before.first..r.first]
        .iter()
        .rev()
        .filter(|it| kept(&it.kind));
    let goes_on_sections = under_title == Some(k - 1)
        && matches!(
            (above.next(), above.next()),
            (Some(p), Some(h)) if p.kind == Kind::Paragraph && h.kind == Kind::Heading
        );
    let headings: Vec<&Item> = items[r.first..=r.last]
        .iter()
        .filter(|it| it.kind == Kind::Heading)
        .collect();
    let echoing = headings
        .iter()
        .filter(|h| !content_words(&h.unit.text).is_disjoint(title))
        .count();
    !goes_on_sections && echoing * 2 < headings.len()
}

/// Where lists of teasers start: [`TEASER_PAIRS`] or more kept headlines in a row
/// (three words or more, no question, no digits), each followed by one paragraph of
/// at most [`TEASER_WORDS`] words and then the next heading (or nothing), with no
/// paragraph of [`RUN_PROSE_WORDS`] words, nor two paragraphs in a row, after them
/// before the next gap: "More
/// headlines", "Recommended for you" (another story's headline and its one-sentence
/// summary, over and over). An article's sections hold several paragraphs; a forum
/// thread's posts and a blog's comments are headed by names and dates. Such a list after the article's text starts a
/// run of its own, which goes when it holds other stories ([`other_stories`]) and is
/// otherwise judged by the run model like any other (its gap toward the main text is
/// empty). Returns the index of each list's first heading.
fn teaser_list_starts(items: &[Item]) -> HashSet<usize> {
    let shown: Vec<usize> = (0..items.len()).filter(|&i| kept(&items[i].kind)).collect();
    let pair_at = |j: usize| {
        let (Some(&h), Some(&p)) = (shown.get(j), shown.get(j + 1)) else {
            return false;
        };
        items[h].kind == Kind::Heading
            && headline(&items[h].unit.text)
            && items[p].kind == Kind::Paragraph
            && items[p].words <= TEASER_WORDS
            && shown
                .get(j + 2)
                .is_none_or(|&n| items[n].kind == Kind::Heading)
    };
    // Prose after the list, before the next gap (a paragraph of RUN_PROSE_WORDS,
    // or two paragraphs in a row), means the list is inside the article (its "Key
    // points"), not after it.
    let prose_follows = |from: usize| {
        let mut gap = 0;
        let mut paragraph_before = false;
        for it in &items[from..] {
            match &it.kind {
                Kind::Paragraph if paragraph_before || it.words >= RUN_PROSE_WORDS => {
                    return true;
                }
                Kind::Paragraph => {
                    paragraph_before = true;
                    gap = 0;
                }
                k if kept(k) => {
                    paragraph_before = false;
                    gap = 0;
                }
                Kind::Drop(r) if !r.is_transparent() => {
                    gap += 1;
                    if gap >= RUN_GAP {
                        return false;
                    }
                }
                _ => {}
            }
        }
        false
    };
    let mut out = HashSet::default();
    let mut j = 0;
    while j < shown.len() {
        let mut pairs = 0;
        while pair_at(j + 2 * pairs) {
            pairs += 1;
        }
        let end = shown.get(j + 2 * pairs).copied().unwrap_or(items.len());
        if pairs >= TEASER_PAIRS && !prose_follows(end) {
            out.insert(shown[j]);
            j += 2 * pairs;
        } else {
            j += 1;
        }
    }
    out
}

/// Which runs are a stream of teasers after the main text: [`TEASER_PAIRS`] or more
/// runs after the main run (`main`), each of them one paragraph of at most
/// [`TEASER_WORDS`] words, under a [`headline`] or under no heading. A portal prints
/// its other stories that way under an article ("Founder of CorePower Yoga Found
/// Dead…" and its one-sentence summary, then "Save / More like this / Fewer like
/// this", over and over); as each sits between lines of furniture, the teaser list
/// of [`teaser_list_starts`] (pairs in a row) never sees them, and a summary of 40
/// words or more made the page one of records, all kept. An article's runs after a
/// gap hold several paragraphs, a list, or a heading that is no headline: a
/// question over its answer (a FAQ, a question-and-answer site), a dated or
/// numbered heading ("Abstract 2: …", a comment's "05-06-2005, 05:41 PM").
/// Measured against keeping them: Readability 0.9089 -> 0.9103 (yahoo-3 +0.29,
/// dropbox-blog -0.007), Dragnet 0.90513 -> 0.90548 (six pages better, none
/// worse), the other sets and the medical pages unchanged. Any heading of three
/// words (questions and numbers too) gained Readability 0.0002 more, at that risk.
/// Two such runs were enough on more pages but cost an L3S-GN1 page 0.066 and made a
/// Dragnet page worse than raw; runs of a paragraph under up to three headings, one
/// Dragnet page; lone paragraphs only where they do not speak as "I" or "you" lost
/// most of the gain (portals' summaries do). The cost: a page of records whose
/// records are that short and headed like headlines (search results' snippets)
/// keeps only its first.
fn teaser_stream(items: &[Item], runs: &[Run], main: usize) -> Vec<bool> {
    let teaser = |r: &Run| {
        let shown: Vec<&Item> = items[r.first..=r.last]
            .iter()
            .filter(|it| kept(&it.kind))
            .collect();
        let summary = |p: &Item| p.kind == Kind::Paragraph && p.words <= TEASER_WORDS;
        match shown.as_slice() {
            [h, p] => h.kind == Kind::Heading && headline(&h.unit.text) && summary(p),
            [p] => summary(p),
            _ => false,
        }
    };
    let stream: Vec<bool> = runs
        .iter()
        .enumerate()
        .map(|(k, r)| k > main && teaser(r))
        .collect();
    if stream.iter().filter(|&&t| t).count() < TEASER_PAIRS {
        return vec![false; runs.len()];
    }
    stream
}

/// The labels of built-in boilerplate ([`DropReason::Boilerplate`]) that a forum
/// or a question-and-answer site prints under each post (data/boilerplate.toml):
/// "Like", "Quote", "Report", "Reply". Share and print buttons, skip links and
/// footers are not among them: a news site prints those under its article and
/// between its teasers alike.
const POST_FURNITURE: [&str; 2] = ["forum furniture", "question-and-answer site furniture"];

/// The non-transparent dropped units right after run `k`, up to the next run or the
/// page's end: each one's text (trimmed, lower case) and whether it is a post's
/// furniture ([`POST_FURNITURE`]).
fn gap_after(items: &[Item], runs: &[Run], k: usize) -> Vec<(String, bool)> {
    let end = runs.get(k + 1).map_or(items.len(), |r| r.first);
    items[runs[k].last + 1..end]
        .iter()
        .filter_map(|it| match &it.kind {
            Kind::Drop(d) if !d.is_transparent() => Some((
                it.unit.text.trim().to_lowercase(),
                matches!(d, DropReason::Boilerplate { label } if POST_FURNITURE.contains(&label.as_str())),
            )),
            _ => None,
        })
        .collect()
}

/// Whether run `k` is another post of the thread whose post is the main run: the
/// same post furniture ([`POST_FURNITURE`]) follows both ("Like / Quote / Report"
/// under a forum's question and under each reply): the first block of post
/// furniture in each gap (past a signature the post ends with, "Jo, BoneWise
/// specialist nurse"), two units or more, with the same texts in the same order,
/// the shorter block beginning the longer (the last post's runs on into the
/// thread's own buttons, "Reply to this thread") (so "Like (3)"
/// and "Like (5)" differ, and the rule does not fire). What follows it may differ:
/// the next post's author ("leon_r", "Member", "Posts: 12"), or the page's footer
/// after the last post. A reply of one or two
/// sentences is otherwise a small run between boilerplate, which the run model
/// drops as a sidebar. (`comments::keep_short_posts` keeps short posts under
/// comment headers, names and dates; this is the case without them.) A news
/// site's teasers between share buttons do not count: share buttons are no post
/// furniture.
fn sibling_post(items: &[Item], runs: &[Run], k: usize, main: usize) -> bool {
    let furniture = |k: usize| -> Vec<String> {
        gap_after(items, runs, k)
            .into_iter()
            .skip_while(|(_, post)| !*post)
            .take_while(|(_, post)| *post)
            .map(|(t, _)| t)
            .collect()
    };
    let (a, b) = (furniture(main), furniture(k));
    let n = a.len().min(b.len());
    n >= 2 && a[..n] == b[..n]
}

/// Kept units form runs separated by at least [`RUN_GAP`] dropped units, or by the
/// start of a teaser list ([`teaser_list_starts`]). Every run
/// smaller than the largest (the main text) is kept when the run model gives it a probability
/// of at least `RUN_KEEP_P` of being main content ([`keep_probability`]; the old
/// hand-written rule, a quarter of the main run's words or a paragraph of
/// [`RUN_PROSE_WORDS`], is one of its features); else it is a sidebar, a related-links
/// list, a teaser or a reader's note, and goes. The run right under the title (the
/// article's start) is never dropped, nor a run with prose on a page of records
/// ([`RECORD_PAGE_PROSE_RUNS`]), nor another post of a thread under the same post
/// furniture as the main run ([`sibling_post`]: on none of the 2,200 public pages;
/// found on a synthetic forum thread, whose one reply went as a sidebar). A run of
/// a stream of teasers ([`teaser_stream`])
/// goes whatever the model and the records guard say, unless it is the one under
/// the title; so does a run of other stories that a teaser list starts right after
/// the main text ("More headlines": another story's headline over its summary,
/// three times or more; [`other_stories`]), whatever the model and the records
/// guard say. The model kept such lists when they outweighed a short article.
/// Measured on the cleaning harness (F1, before -> after): L3S-GN1 0.94841 ->
/// 0.94960 (six pages better by 0.17 to 0.23, none worse), Dragnet 0.90911 ->
/// 0.90936 (two better, none worse), Readability 0.92031 -> 0.92115 (one better), CleanEval
/// 0.90122 -> 0.90120 (a page's list of further reading, each title over its web
/// address, −0.002), CleanPortalEval and the medical pages unchanged. Without the
/// exception for a list that goes on headed sections under the title, an index
/// page of book reviews and a "great talks" article lost half their text
/// (CleanEval −0.0026, Dragnet −0.0001); dropping lists after a gap too, or lists
/// whose headings echo the title, gained one Dragnet blog page (+0.32: its other
/// posts all name the car maker of its title) and a further L3S-GN1 list (+0.06),
/// at the risk of a patient leaflet's short sections.
/// A run as large as the largest is kept undecided.
/// Returns every run decided, with its features.
pub(super) fn drop_outlying_runs(items: &mut [Item]) -> Vec<RunRecord> {
    let teasers = teaser_list_starts(items);
    let mut runs: Vec<Run> = Vec::new();
    let mut gap = usize::MAX;
    for (i, it) in items.iter().enumerate() {
        match &it.kind {
            k if kept(k) => {
                let words = if matches!(k, Kind::Heading) {
                    0
                } else {
                    it.words
                };
                let prose = matches!(k, Kind::Paragraph) && words >= RUN_PROSE_WORDS;
                match runs.last_mut() {
                    Some(r)
                        if gap < RUN_GAP
                            && !(teasers.contains(&i) && r.words >= TEASER_AFTER_WORDS) =>
                    {
                        r.last = i;
                        r.words += words;
                        r.prose |= prose;
                    }
                    // Within the gap, only a teaser list starts a run.
                    _ => runs.push(Run {
                        first: i,
                        last: i,
                        words,
                        prose,
                        teasers: teasers.contains(&i),
                        split: gap < RUN_GAP,
                    }),
                }
                gap = 0;
            }
            Kind::Drop(r) if !r.is_transparent() => gap = gap.saturating_add(1),
            _ => {}
        }
    }
    // The largest run (the first of equals) is the main text; a teaser list is not,
    // however long.
    let Some(main) = runs
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, r)| (!r.teasers, r.words))
        .map(|(k, _)| k)
    else {
        return Vec::new();
    };
    let title_at = items.iter().position(|i| i.kind == Kind::Title);
    let page = PageTotals {
        title: title_at.map_or_else(HashSet::default, |t| content_words(&items[t].unit.text)),
        prose_runs: runs.iter().filter(|r| r.prose).count(),
        words: runs.iter().map(|r| r.words).sum(),
    };
    // The run right under the title is where the article starts, however short it is.
    let under_title = title_at.and_then(|t| runs.iter().position(|r| r.first > t));
    let records = page.prose_runs >= RECORD_PAGE_PROSE_RUNS;
    let stream = teaser_stream(items, &runs, main);
    let mut out = Vec::new();
    for k in 0..runs.len() {
        if k == main || runs[k].words == runs[main].words {
            continue;
        }
        let f = features(items, &runs, k, main, &page);
        let p = keep_probability(&f);
        let teaser_list = k > main && other_stories(items, &runs, k, under_title, &page.title);
        let keep = Some(k) == under_title
            || (!stream[k]
                && !teaser_list
                && (p >= RUN_KEEP_P
                    || (runs[k].prose && records)
                    || sibling_post(items, &runs, k, main)));
        let r = &runs[k];
        let text: Vec<&str> = items[r.first..=r.last]
            .iter()
            .filter(|it| kept(&it.kind))
            .map(|it| it.unit.text.as_str())
            .collect();
        let on_probability = !keep && Some(k) != under_title && !stream[k] && !teaser_list;
        out.push(RunRecord {
            first_line: items[r.first].unit.first,
            last_line: items[r.last].unit.last,
            kept: keep,
            probability: p,
            features: f,
            text: text.join(" / "),
            model_drop: on_probability.then(|| ModelDrop {
                first: r.first,
                kinds: items[r.first..=r.last]
                    .iter()
                    .map(|it| it.kind.clone())
                    .collect(),
            }),
        });
        if !keep {
            for it in &mut items[r.first..=r.last] {
                if kept(&it.kind) {
                    it.kind = Kind::Drop(DropReason::OutsideMainText);
                }
            }
        }
    }
    out
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

    /// A forum thread: the question and a short reply, each under the same post
    /// furniture, the last running on into the site's footer. The reply is another
    /// post, not a sidebar.
    #[test]
    fn a_short_reply_under_the_same_post_furniture_stays() {
        let furniture = "Like\n\nQuote\n\nReport\n\n";
        let page = format!(
            "Ifosfamide made my dad confused - is this normal?\n\n\
             My dad is on cycle 3 of VIDE for Ewing sarcoma. Tonight on the ward he did not \
             know where he was and kept seeing people in the corner of the room. The nurses \
             have stopped the ifosfamide. Has anyone seen this before?\n\n{furniture}\
             That sounds like ifosfamide encephalopathy. It usually improves within 48 to 72 \
             hours of stopping.\n\n{furniture}Privacy policy\n\nTerms of use\n"
        );
        let cleaned = clean_one("thread.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("ifosfamide encephalopathy"), "{out}");
        assert!(!out.contains("Quote"), "{out}");
        // Kept by this rule: the run model alone would drop it.
        let runs = &cleaned.pages[0].runs;
        assert!(
            runs.iter().any(|r| r.kept
                && r.text.contains("ifosfamide encephalopathy")
                && r.probability < super::RUN_KEEP_P),
            "{runs:?}"
        );
    }

    /// A news article and one teaser, each under the same share buttons: share
    /// buttons are no post furniture, so the teaser is no reply and goes.
    #[test]
    fn a_teaser_under_the_same_share_buttons_is_no_reply() {
        let mut page = String::from("Council approves new river bridge\n\n");
        push_prose(&mut page, 0..6);
        page.push_str(FURNITURE);
        page.push_str("Mayor says the new park will open in the summer after a long delay.\n\n");
        page.push_str(FURNITURE);
        page.push_str("Home\n\nContact us\n\nPrivacy policy\n");
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Paragraph 5."), "{out}");
        assert!(!out.contains("new park will open"), "{out}");
    }

    /// `PROSE` paragraphs numbered `from..to`.
    fn push_prose(page: &mut String, numbers: std::ops::Range<usize>) {
        for i in numbers {
            page.push_str(&format!("{PROSE} Paragraph {i}.\n\n"));
        }
    }

    /// Headings, each over one short paragraph (ending with `end` instead of its
    /// full stop: "." as written, " …" for a teaser cut short).
    fn push_sections(page: &mut String, sections: &[(&str, &str)], end: &str) {
        for (heading, text) in sections {
            let text = text.trim_end_matches('.');
            page.push_str(&format!("{heading}\n\n{text}{end}\n\n"));
        }
    }

    /// Short sections inside the article (a heading over one short paragraph,
    /// three times, then another section) with more of the article after them:
    /// not a teaser list.
    #[test]
    fn short_sections_inside_the_article_stay_in_its_run() {
        let mut page = String::from("Council approves new river bridge\n\n");
        push_prose(&mut page, 0..4);
        push_sections(
            &mut page,
            &[
                (
                    "Cost of the bridge",
                    "The bridge will cost twelve million pounds over three years.",
                ),
                (
                    "Work on the site",
                    "Work on the site starts in the spring and ends in the autumn.",
                ),
                (
                    "Roads closed meanwhile",
                    "Two roads near the river will close while the work goes on.",
                ),
            ],
            ".",
        );
        page.push_str("What happens next\n\n");
        push_prose(&mut page, 4..7);
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Roads closed meanwhile"), "{out}");
        assert!(out.contains("Paragraph 6."), "{out}");
        assert!(
            cleaned.pages[0].runs.is_empty(),
            "{:?}",
            cleaned.pages[0].runs
        );
    }

    const FURNITURE: &str =
        "Share on Facebook\n\nShare on Twitter\n\nPrint this page\n\nSkip to content\n\n";

    /// Other stories' headlines, each with its summary cut with "…", right after the
    /// article with no furniture between: a run of its own, judged and dropped; the
    /// article's own sections (a heading over several paragraphs) stay.
    #[test]
    fn a_teaser_list_after_the_article_is_a_run_of_its_own() {
        let mut page = String::from("Council approves new river bridge\n\n");
        push_prose(&mut page, 0..3);
        page.push_str("What happens next\n\n");
        push_prose(&mut page, 3..12);
        // Teasers are cut with "…" (the story goes on elsewhere).
        push_sections(
            &mut page,
            &[
                (
                    "Storm closes schools",
                    "Schools across the county closed on Monday as a storm brought heavy snow.",
                ),
                (
                    "Mayor opens new library",
                    "The new library opened its doors on Saturday after two years of work.",
                ),
                (
                    "Hospital wins award",
                    "The city hospital was named the best in the region for patient care.",
                ),
                (
                    "Team reaches final",
                    "The local team beat its rivals to reach the final for the first time.",
                ),
                (
                    "Bakery marks a century",
                    "The family bakery on the high street celebrated its hundredth year.",
                ),
                (
                    "Trains return to the coast line",
                    "Services on the coast line resumed after a month of repairs.",
                ),
            ],
            " …",
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("What happens next"), "{out}");
        assert!(out.contains("Paragraph 11."), "{out}");
        assert!(!out.contains("Schools across the county"), "{out}");
        assert!(!out.contains("Team reaches final"), "{out}");
        let runs = &cleaned.pages[0].runs;
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(!runs[0].kept && runs[0].text.starts_with("Storm closes schools"));
    }

    /// Other stories' headlines, each over a whole one-sentence summary, right after a
    /// short article (four paragraphs): the run model alone would keep the list, which
    /// is nearly as long as the article. Other stories after the main text go.
    #[test]
    fn other_stories_right_after_a_short_article_go() {
        let mut page = String::from("Council approves new river bridge\n\n");
        push_prose(&mut page, 0..4);
        push_sections(&mut page, &TEASERS, ".");
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Paragraph 3."), "{out}");
        for (headline, summary) in TEASERS {
            assert!(!out.contains(headline), "{out}");
            assert!(!out.contains(summary.trim_end_matches('.')), "{out}");
        }
        let runs = &cleaned.pages[0].runs;
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(runs[0].probability >= super::RUN_KEEP_P, "{runs:?}");
        assert!(!runs[0].kept && runs[0].text.starts_with("Storm closes schools"));
    }

    /// A list of headed sections that starts right under the title and goes on past
    /// the start of a teaser list ("8 great talks": each a heading over its summary)
    /// is the article itself, and stays.
    #[test]
    fn headed_sections_that_go_on_under_the_title_stay() {
        let mut page = String::from("Eight stories that changed the town\n\n");
        push_prose(&mut page, 0..1);
        // Two sections whose paragraphs are too long for a teaser's summary, then
        // sections shaped like teasers.
        for (heading, n) in [("How the old bridge fell", 1), ("Why the ferry stopped", 2)] {
            page.push_str(&format!("{heading}\n\n{PROSE} {PROSE} Section {n}.\n\n"));
        }
        push_sections(&mut page, &TEASERS, ".");
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Section 2."), "{out}");
        for (headline, _) in TEASERS {
            assert!(out.contains(headline), "{out}");
        }
        // The list was split from the sections above it and judged: kept.
        let runs = &cleaned.pages[0].runs;
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(runs[0].kept && runs[0].text.starts_with("Storm closes schools"));
    }

    /// The article's own short sections after its introduction, each a heading that
    /// names the title's subject over one short paragraph, are shaped like a teaser
    /// list, but they echo the title: the run model judges them, and keeps them.
    #[test]
    fn short_sections_that_echo_the_title_are_left_to_the_model() {
        let mut page = String::from("Bone cancer in adults\n\n");
        push_prose(&mut page, 0..4);
        push_sections(
            &mut page,
            &[
                (
                    "Symptoms of bone cancer",
                    "The commonest symptom is a deep ache in the bone that gets worse at night.",
                ),
                (
                    "Causes of bone cancer",
                    "Most people who get it have no known cause, though some earlier treatments raise the risk.",
                ),
                (
                    "Tests for bone cancer",
                    "An x-ray is usually the first test, followed by a scan and a biopsy of the bone.",
                ),
                (
                    "Treating bone cancer",
                    "Treatment is usually surgery to take out the tumour, with chemotherapy before and after it.",
                ),
            ],
            ".",
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Treating bone cancer"), "{out}");
        assert!(
            out.contains("with chemotherapy before and after it"),
            "{out}"
        );
        let runs = &cleaned.pages[0].runs;
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(runs[0].probability >= super::RUN_KEEP_P && runs[0].kept);
    }

    /// Other stories after a gap of furniture below the article are no list split
    /// from the text: the run model judges them as any run.
    #[test]
    fn a_teaser_list_after_a_gap_is_left_to_the_model() {
        let mut page = String::from("Council approves new river bridge\n\n");
        push_prose(&mut page, 0..3);
        page.push_str(FURNITURE);
        push_sections(&mut page, &TEASERS, ".");
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let runs = &cleaned.pages[0].runs;
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(runs[0].text.starts_with("Storm closes schools"), "{runs:?}");
        assert!(runs[0].probability >= super::RUN_KEEP_P && runs[0].kept);
    }

    /// Six other stories, each a headline over a one-sentence summary.
    const TEASERS: [(&str, &str); 6] = [
        (
            "Storm closes schools",
            "Schools across the county closed on Monday as a storm brought heavy snow and strong winds to the hills.",
        ),
        (
            "Mayor opens new library",
            "The new library opened its doors on Saturday after two years of work and a long public campaign.",
        ),
        (
            "Hospital wins regional award",
            "The city hospital was named the best in the region for patient care by an independent panel.",
        ),
        (
            "Team reaches the final",
            "The local team beat its old rivals to reach the final for the first time in forty years.",
        ),
        (
            "Bakery marks a century",
            "The family bakery on the high street celebrated its hundredth year with a party for its customers.",
        ),
        (
            "Trains return to the coast line",
            "Services on the coast line resumed on Sunday after a month of repairs to the sea wall.",
        ),
    ];

    /// Other stories under the article, each a headline over a summary of 40 words
    /// or more, set apart by buttons: a stream of teasers, dropped, though four runs
    /// of prose made the page one of records (all of its prose runs kept).
    #[test]
    fn a_stream_of_teasers_between_buttons_goes() {
        let mut page = String::from("Council approves new river bridge\n\n");
        push_prose(&mut page, 0..8);
        let stories = [
            ("Storm closes schools", "storm"),
            ("Mayor opens new library", "library"),
            ("Hospital wins regional award", "hospital"),
            ("Trains return to the coast line", "railway"),
        ];
        for (headline, topic) in stories {
            page.push_str(FURNITURE);
            page.push_str(&format!(
                "{headline}\n\nThe {topic} story began on Monday morning, when people in the county woke to find that nothing was quite as it had been the night before, and by the evening the whole town was talking about what the {topic} would mean for them this year.\n\n"
            ));
        }
        page.push_str(FURNITURE);
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Paragraph 7."), "{out}");
        for (headline, topic) in stories {
            assert!(!out.contains(headline), "{out}");
            assert!(!out.contains(&format!("The {topic} story")), "{out}");
        }
    }

    /// A reader's note after the article, long enough to pass for prose.
    const CHAT: &str = "I love this blog and you always make my day, thank you so much for sharing your ideas with us, I have been reading you for years and I will try this with my kids next weekend, you are the best and I hope you keep writing for a long time.";

    #[test]
    fn a_readers_note_after_the_article_goes_though_it_is_long_prose() {
        let mut page = String::from("Council approves new river bridge\n\n");
        for i in 0..6 {
            page.push_str(&format!("{PROSE} Paragraph {i}.\n\n"));
        }
        page.push_str(FURNITURE);
        page.push_str(&format!("{CHAT}\n\n"));
        page.push_str("Home\n\nContact us\n\nPrivacy policy\n\nCookie settings\n");
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("Paragraph 5."), "{out}");
        // The hand-written rule kept any run with a paragraph of 40 words.
        assert!(!out.contains("I love this blog"), "{out}");
        let runs = &cleaned.pages[0].runs;
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(!runs[0].kept && runs[0].probability < super::RUN_KEEP_P);
        let feature = |name: &str| {
            let i = super::RUN_FEATURES.iter().position(|n| *n == name).unwrap();
            runs[0].features[i]
        };
        assert_eq!(
            feature("rule_keep"),
            1.0,
            "the old rule's keep is a feature"
        );
        assert_eq!(feature("after_main"), 1.0);
        assert_eq!(feature("log_runs_between"), 0.0);
        assert_eq!(
            feature("log_gap_toward_main"),
            5f64.ln(),
            "four buttons between"
        );
        assert!(feature("person_rate") > 0.2, "{}", feature("person_rate"));
        assert_eq!(feature("prose_share"), 1.0);
    }

    /// Short records under numbered headings ("Abstract 2: …", three sentences each)
    /// are no stream of teasers: a numbered heading is no headline.
    #[test]
    fn short_records_under_numbered_headings_are_kept() {
        let mut page = String::from("Reports on school grade configurations\n\n");
        for i in 0..6 {
            page.push_str(&format!("Abstract {i}: what the study found\n\n"));
            for _ in 0..if i == 0 { 10 } else { 1 } {
                page.push_str(&format!("{PROSE} Record {i}.\n\n"));
            }
            page.push_str(FURNITURE);
        }
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        for i in 0..6 {
            assert!(
                out.contains(&format!("Record {i}.")),
                "record {i} lost:\n{out}"
            );
        }
    }

    /// A question-and-answer page: each question over an answer of 40 to 60 words,
    /// between "Helpful? Yes No" buttons. Its runs of prose make it a page of
    /// records, all kept; a question is no headline, so the answers after the
    /// longest are no stream of teasers.
    #[test]
    fn answers_under_questions_are_no_teasers() {
        let mut page = String::from("Questions about bone cancer\n\n");
        let questions = [
            "Can osteosarcoma come back after treatment?",
            "Is bone cancer hereditary?",
            "Will my child need a wheelchair?",
            "Can my child go back to school?",
            "Is swimming allowed during chemotherapy?",
        ];
        for (i, q) in questions.iter().enumerate() {
            let n = if i == 0 { 3 } else { 1 };
            page.push_str(&format!("{q}\n\n"));
            for k in 0..n {
                page.push_str(&format!(
                    "The team will talk this through with you at the clinic, because every child is different and the answer depends on the tumour, the treatment and how your child is recovering; ask the nurse specialist if anything is unclear. Answer {i}, part {k}.\n\n"
                ));
            }
            page.push_str(
                "Helpful? Yes No\n\nReport this answer\n\nShare this answer\n\nPrint this page\n\n",
            );
        }
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        for (i, q) in questions.iter().enumerate() {
            assert!(out.contains(q), "{q}:\n{out}");
            assert!(
                out.contains(&format!("Answer {i}, part 0.")),
                "answer {i}:\n{out}"
            );
        }
    }

    #[test]
    fn a_page_of_records_keeps_every_record() {
        // A long first abstract, then five shorter ones (of five sentences: a summary
        // of 60 words or fewer, one after another, is a stream of teasers, see
        // `teaser_stream`), each under its own heading and separated by furniture: a
        // list of records, not an article with sidebars.
        const SENTENCES: [&str; 8] = [
            "Districts that moved sixth grade into middle schools saw attendance fall in the first year.",
            "Teachers in smaller schools reported closer contact with families and fewer discipline referrals.",
            "The survey covered seven hundred districts across twenty seven states over three school years.",
            "Transitions between buildings were linked to lower test scores for students from poorer homes.",
            "Most superintendents said that transport costs weighed more than teaching when they chose a plan.",
            "Parents valued keeping siblings together, which favoured schools that span many grade levels.",
            "Researchers found no single best configuration, only trade-offs that depend on local conditions.",
            "Rural districts often kept all grades in one building because enrolment was too small to split.",
        ];
        let mut page = String::from("Reports on school grade configurations\n\n");
        let mut n = 0;
        for i in 0..6 {
            page.push_str(&format!("Abstract {i}: what the study found\n\n"));
            for _ in 0..if i == 0 { 20 } else { 1 } {
                for _ in 0..if i == 0 { 4 } else { 5 } {
                    page.push_str(SENTENCES[n % 8]);
                    page.push(' ');
                    n += 1;
                }
                page.push_str(&format!("Record {i}, part {n}.\n\n"));
            }
            page.push_str(FURNITURE);
            page.push_str("Email this record\n\nSave to my list\n\nCite this\n\nExport\n\n");
        }
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        let runs = &cleaned.pages[0].runs;
        for i in 0..6 {
            assert!(
                out.contains(&format!("Record {i}, part")),
                "record {i} lost:\n{out}\n{runs:?}"
            );
        }
        // The model alone would have dropped them: the guard keeps them.
        let p: Vec<f64> = runs.iter().map(|r| r.probability).collect();
        assert!(p.iter().any(|&p| p < super::RUN_KEEP_P), "{p:?}");
    }

    #[test]
    fn a_run_before_the_main_text_is_measured_toward_it() {
        let mut page = String::from("Council approves new river bridge\n\n");
        page.push_str("The vote came after a long night of debate in the town hall.\n\n");
        page.push_str(FURNITURE);
        page.push_str("Mayor says the new park will open in the summer after a long delay.\n\n");
        page.push_str("Home\n\nContact us\n\nPrivacy policy\n\nCookie settings\n\nSitemap\n\n");
        for i in 0..6 {
            page.push_str(&format!("{PROSE} Paragraph {i}.\n\n"));
        }
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        let runs = &cleaned.pages[0].runs;
        assert!(
            out.contains("long night of debate"),
            "the run under the title stays: {out}"
        );
        let park = runs
            .iter()
            .find(|r| r.text.contains("new park"))
            .unwrap_or_else(|| panic!("{runs:?}"));
        let feature = |name: &str| {
            let i = super::RUN_FEATURES.iter().position(|n| *n == name).unwrap();
            park.features[i]
        };
        assert_eq!(feature("after_main"), 0.0);
        assert_eq!(feature("log_runs_between"), 0.0);
        assert_eq!(
            feature("log_gap_toward_main"),
            6f64.ln(),
            "five links before the text"
        );
        assert_eq!(park.kept, park.probability >= super::RUN_KEEP_P);
        assert_eq!(out.contains("new park"), park.kept, "{out}");
    }
}
