//! The classify stage: label every unit of a page.
//!
//! The order is the list of calls in [`classify`]: heading suffixes and repeated edge
//! phrases are stripped (`edge.rs`); the per-unit signals label what they are sure of
//! (`signals.rs`, in the order of its chain: duplicates, stray markup, page furniture, known phrases,
//! breadcrumbs, infobox rows, calls to action, metadata, figure labels, navigation
//! lines, running headers, corpus repetition, forum names; tables of contents from
//! `contents.rs`); lists; captions; configured sections; jusText-style quality with
//! neighbour context, which decides headings (`context.rs`); readers' comments
//! (`comments.rs`); the title and the zone before it (`title.rs`); small runs away from
//! the main text; what follows the last text; and, last, chains of headings that
//! are lists (`chains.rs`).

mod chains;
mod code;
mod comments;
mod contents;
mod context;
mod edge;
mod metadata;
pub(crate) mod rules;
mod run_model;
mod runs;
mod signals;
mod title;
mod title_model;

use chains::*;
use code::*;
use comments::*;
use contents::*;
use context::*;
use edge::*;
use metadata::*;
pub(crate) use metadata::{byline_extras, date_in, journal_after_authors};
use runs::*;
pub(crate) use runs::{ModelDrop, RUN_FEATURES, RunRecord};
use signals::*;
use title::*;
pub(crate) use title::{TITLE_FEATURES, TitleCandidate};

use crate::clean::classify::rules::Rules;
use crate::clean::corpus::Corpus;
use crate::clean::reflow::Unit;
pub(crate) use crate::model::{DropReason, MetaKey};
use crate::record::{Action, Log, Stage};
use crate::text;
use crate::text::language::{PageLanguage, page_language};
use foldhash::{HashMap, HashSet};
use regex::Regex;
use std::sync::LazyLock;

/// What a unit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Not decided yet (internal).
    Open,
    /// Removed from the text, for this reason.
    Drop(DropReason),
    Meta {
        key: MetaKey,
        value: String,
    },
    Title,
    Heading,
    Paragraph,
    ListItem {
        ordered: bool,
    },
    FigureLabel,
    Caption {
        label: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quality {
    Good,
    Short,
    Bad,
}

#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) unit: Unit,
    pub(crate) kind: Kind,
    quality: Quality,
    /// `heading_shaped_with` of the text as classified (classify never changes it;
    /// repair, later, may).
    heading: bool,
    /// The text's words ([`text::words`]), counted once: a dozen rules read it.
    words: usize,
    /// Of those, English stop words ([`text::is_stop_word`]).
    stops: usize,
    /// Built-in boilerplate that text does not sit behind ([`context::resolve_context`]):
    /// a line of a group that ends an article (a comment form, a footer;
    /// [`signals::article_ending_line`]), or a sidebar's heading
    /// ([`signals::SIDEBAR_HEADINGS`]).
    ends_text: bool,
}

impl Item {
    /// An open item of `unit`, its quality judged on English evidence or not.
    #[cfg(test)]
    fn new(unit: Unit, english: bool) -> Item {
        let (words, stops) = text::word_and_stop_counts(&unit.text);
        Item::counted(unit, english, words, stops)
    }

    /// [`Item::new`] of a unit of `words` words, `stops` of them English stop words.
    fn counted(unit: Unit, english: bool, words: usize, stops: usize) -> Item {
        let (quality, heading) = quality_counted(&unit.text, english, true, words, stops);
        Item {
            unit,
            kind: Kind::Open,
            quality,
            heading,
            words,
            stops,
            ends_text: false,
        }
    }
}

/// A page after classification.
#[derive(Debug, Clone)]
pub(crate) struct Classified {
    pub(crate) items: Vec<Item>,
    /// The page's language: English-only evidence (stop words, word repair) is used
    /// only on English pages.
    pub(crate) language: PageLanguage,
    /// The lines the title was chosen from, with the title model's features.
    pub(crate) title_candidates: Vec<TitleCandidate>,
    /// Why the unit of kind `Title` was chosen, in words an editor understands.
    pub(crate) title_reason: Option<String>,
    /// The runs of kept text other than the main one, with their features.
    pub(crate) runs: Vec<RunRecord>,
}

/// A line of contact details alone: a phone number (seven digits or more) or an
/// e-mail address, after a short label or none ("Call us on 020 7946 0000",
/// "Teléfono: 900 123 456", "enquiries@example.org").
static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:[\p{L}][\p{L} .]{0,24}:?\s+)?(?:\+?\(?\d[\d ()./-]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$",
    )
});

/// Why a unit was removed, in the editorial notes: the reason's own words, except
/// that a line of contact details that went as a short line outside the text says
/// what it is, not "menu item or button" (a new user read a phone number called
/// a menu item).
fn reason_for(reason: &DropReason, text: &str) -> String {
    match reason {
        DropReason::NoTextAfter | DropReason::BetweenBoilerplate { .. }
            if CONTACT_LINE.is_match(text)
                && (text.contains('@')
                    || text.chars().filter(char::is_ascii_digit).count() >= 7) =>
        {
            format!("contact details (a phone number or an e-mail address), removed as a {reason}")
        }
        r => r.to_string(),
    }
}

static EDIT_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\s*\[(edit|edit source|change source)\]$"));

/// What a page tells about its own structure, found while labelling.
#[derive(Debug, Default)]
struct Hints {
    /// The last element of a breadcrumb trail: the page's own name.
    crumb: Option<String>,
    /// The item of the trail that gave [`Hints::crumb`].
    crumb_at: Option<usize>,
    /// Keys of headings listed in a table of contents: section names, never the title.
    toc: HashSet<String>,
    /// The page is no copy of others: a sentence it shares with other pages is the
    /// site's ([`signals::drop_site_sentences`]).
    site_sentences: bool,
    /// The page is in English ([`PageLanguage::is_english`]).
    english: bool,
}

/// A unit of running text, kept or not decided yet: a paragraph, a list item, or
/// an open unit.
fn running_text(kind: &Kind) -> bool {
    matches!(kind, Kind::Paragraph | Kind::ListItem { .. } | Kind::Open)
}

/// The units of running text ([`running_text`]) in `items`.
fn running_items(items: &[Item]) -> impl Iterator<Item = &Item> {
    items.iter().filter(|it| running_text(&it.kind))
}

/// Compare headings without their numbering ("2 Diagnosis" = "Diagnosis").
fn heading_key(t: &str) -> String {
    text::fold(text::strip_numbering(t))
}

use crate::text::builtin_regex as re;

/// A unit that could be a heading: short, capitalised, no sentence end
/// (except a question), 1 to [`HEADING_WORDS`] words (`words`: its word count), at
/// most 110 characters. Looser than reflow's `line_may_be_heading` (at most 10
/// words, no question), which guards wrapped paragraphs; here the context pass
/// decides.
fn heading_shaped_with(s: &str, words: usize) -> bool {
    text::chars_at_most(s, 110)
        && text::starts_uppercase_or_digit(s)
        && (!text::ends_sentence(s) || s.ends_with('?'))
        && !letter_line(s)
        && !PHOTO_CREDIT_END.is_match(s.trim_end())
        && (1..=HEADING_WORDS).contains(&words)
        && (words <= 14 || sentence_breaks(s) < 2)
}

/// A letter's or a post's greeting ("Dear All,", "Hi Aaron,", "Hello Michael,") or
/// closing ("Yours sincerely", "Kind regards,", "Thanks in advance x", "Many
/// Blessings"): a line of the text, never a heading, even between text and
/// boilerplate ([`context::reads_as_text`]). Title-cased and without a full stop,
/// such lines were read as headings: on the public sets 17 pages had one as a
/// `##` heading or as the page's title ("# Dear all,"); on the medical pages, a
/// forum post's "Many Blessings". A closing on several pages of the corpus
/// ("Cheers,") is no menu either (`signals`). Measured with both: CleanEval
/// 0.89797 -> 0.89802, CleanPortalEval 0.98097 -> 0.98099, Dragnet 0.90617 ->
/// 0.90621 (greetings and closings the gold keeps and we dropped; one title right;
/// three pages worse, the most by 0.012: a comment under a post, whose "Hi David,"
/// now keeps it), L3S-GN1 and Readability unchanged; the medical pages unchanged
/// but for the forum post's headings. Any line of 1-2 words ending in a comma, in
/// place of the lists, was mixed (Readability -0.0003: lines of code).
fn letter_line(s: &str) -> bool {
    let s = s.trim();
    GREETING.is_match(s) || CLOSING.is_match(s)
}

/// A greeting: "Dear …,", "Hi …,", "Hello …,", with a comma after at most 30 characters.
static GREETING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(dear|hi|hello|hey|greetings)\b[^!?:;,]{0,30},$"));

/// A closing, alone on its line: "Yours sincerely,", "Best wishes", "Thanks in
/// advance x", "God bless".
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:yours (?:sincerely|faithfully|truly|apologetically)|sincerely yours|(?:best|kind|warm|warmest|kindest) (?:wishes|regards)|(?:many )?thanks (?:again|in advance|so much)|many thanks|thank you (?:all|both|so much)|(?:lots of|much|many) love|all the best|many blessings|god bless)[,!.]?|(?:yours|sincerely|regards|thanks|thank you|cheers|love|best|blessings|take care),)(?: x+)?$|(?i)^(?:thanks|thank you|love|cheers) x+$",
    )
});

/// A letter's closing ([`CLOSING`]).
fn closing_line(s: &str) -> bool {
    CLOSING.is_match(s.trim())
}

/// A photo's credit at the end of a line, a photographer and an agency after a
/// slash ("James Anderson/Getty Images", "Rob Carr / Getty Images", "Benoit
/// Tessier/Reuters"; a capitalised name before the slash and the agency's own
/// capitals, so "DHA/EPA" and "hCG/AFP" stay headings): the line is a caption or a
/// credit, never a heading (nor a page's title: a Readability page's title was "The
/// Moulin Rouge cabaret in Paris Benoit Tessier/Reuters"). Measured: Dragnet
/// 0.90621 -> 0.90637 (six pages better, two worse by 0.004), L3S-GN1 0.94616 -> 0.94618, Readability 0.91100 ->
/// 0.91097 (its title now right, the page's gold keeps the caption), the other sets
/// unchanged; medical F1 0.930 -> 0.931 (a caption was a heading, and the standfirst
/// above it, then taken for a label, is kept). Dropping such lines as boilerplate
/// instead was mixed (Readability -0.0003: its gold keeps captions).
static PHOTO_CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)\p{Lu}\p{Ll}[\p{L}.'’-]*\s?/\s?(?:[\p{L} ]{1,30}\s?/\s?)?(?:Getty ?Images(?: News)?|Shutterstock(?:\.com)?|iStock(?:photo)?|AP(?: Photo)?|AFP|Reuters|Corbis|Alamy|Rex Features|EPA|Bloomberg)$",
    )
});

/// The most words of a signature under a letter's closing ("Synovial Mom", "Shaun").
const SIGNATURE_WORDS: usize = 3;

/// Sentence breaks inside a line: ". " followed by a capital or a digit. A long
/// heading (15 words or more) has at most one ("Dr. Smith"); a reference entry ("1.
/// Writer A. Bone tumours in adults. J Bone. 2020;1:1-9") has several. (Applied to
/// shorter lines too, it cost CleanEval precision.)
fn sentence_breaks(s: &str) -> usize {
    s.match_indices(". ")
        .filter(|(i, _)| {
            s[i + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count()
}

/// A line that stops mid-sentence: eight words or more, ending on a stop word.
fn cut_sentence(t: &str) -> bool {
    !text::at_most_words(t, 7) && text::words(t).last().is_some_and(text::is_stop_word)
}

/// The most words of a heading or headline: news headlines and patient-information
/// titles run to 16 or more ("What Adults Who Were Treated As Children for Primary
/// Bone Cancer Should Know About Late Effects"). Raised from 14, it helped F1 on
/// every public set (cleanportaleval 0.908 -> 0.917).
const HEADING_WORDS: usize = 18;

/// The quality of a unit's text of `n` words, `stop` of them English stop words,
/// and whether it is heading-shaped (never when `may_head` is false: a line that
/// cannot be a heading is judged as text). `english`: the page is English, so the
/// density of English stop words is evidence (jusText's signal); otherwise only
/// length and punctuation are.
fn quality_counted(
    s: &str,
    english: bool,
    may_head: bool,
    n: usize,
    stop: usize,
) -> (Quality, bool) {
    if !english {
        return quality_any_language(s, n);
    }
    let heading = may_head && heading_shaped_with(s, n);
    let d = if n == 0 { 0.0 } else { stop as f64 / n as f64 };
    let q = if n < 8 || text::chars_at_most(s, 49) || (!text::ends_sentence(s) && n < 15) || heading
    {
        Quality::Short
    } else if d >= 0.25 || (n >= 25 && d >= 0.15) {
        Quality::Good
    } else {
        Quality::Bad
    };
    (q, heading)
}

/// Quality on language-independent evidence: length in characters (words are not
/// spaced in every script) and sentence punctuation, in any script's form. A long unit
/// with sentence punctuation is text; a long one without any is a menu or a list of
/// links; anything shorter is decided by its neighbours.
fn quality_any_language(s: &str, n: usize) -> (Quality, bool) {
    let heading = heading_shaped_with(s, n);
    const SENTENCE_MARKS: &[char] = &['.', '!', '?', '。', '！', '？', '؟', '।', '…', ';', '；'];
    // Chinese and Japanese write a clause in a dozen characters, not eighty: a
    // line with two space-separated clauses of eight such characters or more, or
    // twenty of them and a sentence mark, is text ("一波波接續性低溫寒流報到
    // 已將新竹尖石鄉…"); a menu's items are two to six characters long.
    let han = |c: &str| c.chars().filter(|&ch| is_cjk(ch)).count();
    let clauses = s.split_whitespace().filter(|c| han(c) >= 8).count();
    if !heading && (clauses >= 2 || (han(s) >= 20 && s.contains(SENTENCE_MARKS))) {
        return (Quality::Good, false);
    }
    let q = if heading || text::chars_at_most(s, 79) {
        Quality::Short
    } else if s.contains(SENTENCE_MARKS) {
        Quality::Good
    } else {
        Quality::Bad
    };
    (q, heading)
}

/// A Han, kana or Hangul character (scripts written without spaces between words).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF) // CJK Compatibility Ideographs
}

/// Classify the units of one page.
pub(crate) fn classify(
    units: Vec<Unit>,
    rules: &Rules,
    corpus: &Corpus,
    log: &mut Log,
) -> Classified {
    let mut units = units;
    // Words and stop words of each unit, counted once: the language and every
    // rule below read them.
    let mut counts: Vec<(usize, usize)> = units
        .iter()
        .map(|u| text::word_and_stop_counts(&u.text))
        .collect();
    // The language of the page as scraped, before anything is cut from it.
    let language = page_language(
        units
            .iter()
            .map(|u| u.text.as_str())
            .zip(counts.iter().copied()),
    );
    if let Some(name) = language.name() {
        log.warn(
            0,
            format!(
                "the page reads as {name}, not English: cleaned on language-independent evidence only (length, punctuation, repetition, known furniture), and its words were not repaired"
            ),
        );
        let before = units.len();
        crate::clean::reflow::join_wrapped_pairs(&mut units, corpus, rules.repeat_min_pages, log);
        if units.len() != before {
            counts = units
                .iter()
                .map(|u| text::word_and_stop_counts(&u.text))
                .collect();
        }
    }
    let lengths: Vec<usize> = units.iter().map(|u| u.text.len()).collect();
    strip_heading_suffixes(&mut units, log);
    strip_joined_boilerplate_tails(&mut units, rules, log);
    strip_footer_sentences(&mut units, rules, log);
    let edge = strip_edge_phrase(&mut units, log);
    // The strips only shorten a unit: those they cut are counted again.
    for ((u, n), count) in units.iter().zip(lengths).zip(&mut counts) {
        if u.text.len() != n {
            *count = text::word_and_stop_counts(&u.text);
        }
    }
    let mut items: Vec<Item> = units
        .into_iter()
        .zip(counts)
        .map(|(u, (words, stops))| Item::counted(u, language.is_english(), words, stops))
        .collect();
    // The page's last line cut mid-sentence (a stored excerpt, a truncated scrape: it
    // ends on "is", "the", "of") is text, not a heading.
    if let Some(last) = items.last_mut()
        && last.heading
        && cut_sentence(&last.unit.text)
    {
        (last.quality, last.heading) = quality_counted(
            &last.unit.text,
            language.is_english(),
            false,
            last.words,
            last.stops,
        );
    }

    // The signature under a letter's closing ("Yours apologetically," / "Shaun"): a
    // name of at most three words is text, not a heading.
    for i in 1..items.len() {
        if items[i].heading
            && items[i].words <= SIGNATURE_WORDS
            && !items[i].unit.text.contains(|c: char| c.is_ascii_digit())
            && closing_line(&items[i - 1].unit.text)
            && !items[i - 1].unit.text.trim_end().ends_with(['!', '.'])
        {
            let it = &mut items[i];
            (it.quality, it.heading) = quality_counted(
                &it.unit.text,
                language.is_english(),
                false,
                it.words,
                it.stops,
            );
        }
    }

    let code_blocks = mark_code_blocks(&mut items);
    let hints = label_units(
        &mut items,
        rules,
        corpus,
        edge.as_deref(),
        language.is_english(),
    );
    story_lists(&mut items);
    signals::archive_lists(&mut items);
    // Title case marks a menu's labels in English; German capitalises every noun.
    if language.is_english() {
        bulleted_menus(&mut items);
    }
    implicit_lists(&mut items);
    quantity_lists(&mut items);
    signals::drop_site_sentences(&mut items, corpus, hints.site_sentences);
    bind_captions(&mut items);
    drop_sections(&mut items, rules);
    resolve_context(&mut items);
    drop_comments(&mut items);
    let (title_candidates, title_reason) =
        choose_title(&mut items, rules, corpus, edge.as_deref(), &hints);
    let runs = drop_outlying_runs(&mut items);
    drop_trailing(&mut items);
    drop_related(&mut items);
    drop_after_post_footer(&mut items);
    keep_short_posts(&mut items);
    keep_whole_code_blocks(&mut items, &code_blocks);
    keep_whole_tables(&mut items);
    let model_drops: Vec<&ModelDrop> = runs.iter().filter_map(|r| r.model_drop.as_ref()).collect();
    tables_under_their_text(&mut items, &model_drops, log);
    lists_under_their_introduction(&mut items, log);
    // English only: its evidence of prose is the stop words (and a run of Chinese
    // or Japanese characters counts as one word).
    if language == PageLanguage::English {
        rescue_lone_prose(&mut items, log);
    }
    for it in &mut items {
        if it.kind == Kind::Open {
            it.kind = Kind::Paragraph;
        }
    }
    // A paragraph of prose repeated word for word is kept (signals::repeated_prose):
    // the editor is told, to delete one copy if the page repeated it by mistake.
    let title_reason = title_reason.or_else(|| first_heading_title(&mut items, rules));
    dateline_under_title(&mut items);
    // Furniture glued to the headline's line stays out of the title, in the record.
    if let Some(i) = items.iter().position(|it| it.kind == Kind::Title)
        && let Some(glued) = title::glued_furniture(&items, i)
    {
        let unit = &mut items[i].unit;
        for (offset, furniture, what) in glued.cuts {
            log.edit(
                unit.line_at(offset),
                Stage::Classify,
                Action::Removed,
                furniture,
                "",
                format!("{what} glued to the headline, left out of the title"),
            );
        }
        let headline = unit.text[glued.headline.clone()].to_string();
        unit.drop_prefix(glued.headline.start, headline);
        items[i].words = text::word_count(&items[i].unit.text);
    }
    // Last: a chain of kept headings may be a list, whose markup changes only.
    heading_chains_as_lists(&mut items, rules);
    let kept = |it: &Item| !matches!(it.kind, Kind::Drop(_) | Kind::Meta { .. });
    for i in 1..items.len() {
        let (above, it) = (&items[i - 1], &items[i]);
        if above.unit.text == it.unit.text
            && signals::repeated_prose(&items, i)
            && kept(above)
            && kept(it)
        {
            log.warn(
                it.unit.first,
                format!(
                    "this text repeats the text above it (line {}) word for word; both are kept, since prose is never dropped as a duplicate: delete one if the page repeated it by mistake",
                    above.unit.first
                ),
            );
        }
    }
    for it in &items {
        match &it.kind {
            Kind::Drop(reason) => {
                let mut text = it.unit.text.clone();
                for e in &it.unit.extra {
                    text.push_str(" / ");
                    text.push_str(e);
                }
                log.removed(
                    it.unit.first,
                    Stage::Classify,
                    &text,
                    reason_for(reason, &text),
                );
            }
            Kind::Meta { key, .. } => log.edit(
                it.unit.first,
                Stage::Classify,
                Action::MovedToMetadata,
                it.unit.text.clone(),
                "",
                format!("page metadata ({})", key.label()),
            ),
            _ => {}
        }
    }
    Classified {
        items,
        language,
        title_candidates,
        title_reason,
        runs,
    }
}

/// A line that is only a date ([`title::is_date_line`]: "Friday January 18, 2008 6:08
/// PM", "10/01/2008"), kept as a heading right under the title (past at most
/// [`DATELINE_SKIPS`] removed lines or lines of metadata, and one byline kept as a
/// heading: "By Jane Doe"), is the article's dateline, not a section: it stays as a
/// line of text and leaves the chapter's outline, where a "##" heading would stand
/// for a section with nothing of its own. A page with another date heading (a blog's day headers, a
/// forum thread's post stamps) keeps them all as they are: there the dates head the
/// posts. The date is not taken for the page's publication date: under a title it
/// may as well be an event's ("Patient information day" / "Saturday 14 June 2025,
/// 10.00 am"); a stranger's review of the first version, which moved it to the
/// source box as "Published", found that case and a label heading over a date ("Next
/// meeting" / "14 June 2025"), now left alone.
/// Measured on the public cleaning sets (session 54): no figure moves (the scorer
/// reads words, not markup); 35 L3S-GN1 pages, 32 Dragnet pages and one page each of
/// CleanEval and Readability lose a date heading under the headline. Moved to the
/// source box instead, L3S-GN1 rose 0.0012 (its gold leaves the date out) and
/// Dragnet fell 0.0005 (its gold keeps it).
fn dateline_under_title(items: &mut [Item]) {
    let Some(t) = items.iter().position(|it| it.kind == Kind::Title) else {
        return;
    };
    let date_heading = |it: &Item| it.kind == Kind::Heading && title::is_date_line(&it.unit.text);
    if items.iter().filter(|it| date_heading(it)).count() != 1 {
        return;
    }
    let (mut skipped, mut byline) = (0, false);
    for it in &mut items[t + 1..] {
        match it.kind {
            Kind::Drop(_) | Kind::Meta { .. } if skipped < DATELINE_SKIPS => skipped += 1,
            _ if date_heading(it) => {
                it.kind = Kind::Paragraph;
                return;
            }
            Kind::Heading if !byline && title::is_signed(it.unit.text.trim()) => byline = true,
            _ => return,
        }
    }
}

/// Removed lines (share buttons, a section label) that may stand between a title
/// and its dateline in [`dateline_under_title`].
const DATELINE_SKIPS: usize = 3;

/// Kept units before a page's first heading, and words in each, that still let the
/// heading be the page's title when no line was chosen as one: short lines (a link
/// to the previous post above a blog post's headline), not an introduction.
const UNITS_BEFORE_FIRST_HEADING: usize = 2;
const WORDS_PER_UNIT_BEFORE_FIRST_HEADING: usize = 10;

/// The page's first kept heading as its title, when no line was chosen as one: a
/// heading with at most [`UNITS_BEFORE_FIRST_HEADING`] kept units before it, each of
/// [`WORDS_PER_UNIT_BEFORE_FIRST_HEADING`] words or fewer, that the title model
/// could have taken: not a section name ("Abstract", "Key points": the generic
/// headings of boilerplate.toml), a date or a credit, a numbered section, a
/// question or HTML markup. A short post's text may be too little for the title model's
/// candidates (a blog post of 35 words under its headline), and its headline is
/// still there as a heading. Returns why, for the edit record; `None` (nothing
/// changed) when a title exists or no heading qualifies.
fn first_heading_title(items: &mut [Item], rules: &Rules) -> Option<String> {
    if items.iter().any(|it| it.kind == Kind::Title) {
        return None;
    }
    let mut units = 0;
    for it in items.iter_mut() {
        match &it.kind {
            Kind::Drop(_) | Kind::Meta { .. } | Kind::FigureLabel => continue,
            Kind::Heading => {
                let t = it.unit.text.as_str();
                if rules.is_generic_heading(t)
                    || title::date_or_credit(t)
                    || title::SECTION_NUMBER.is_match(t)
                    || signals::stray_markup(t)
                    || t.trim_end().ends_with('?')
                {
                    return None;
                }
                it.kind = Kind::Title;
                return Some(format!(
                    "no line was chosen as the title: the page's first heading, with {} short line(s) before it",
                    units
                ));
            }
            _ => {}
        }
        units += 1;
        if units > UNITS_BEFORE_FIRST_HEADING || it.words > WORDS_PER_UNIT_BEFORE_FIRST_HEADING {
            return None;
        }
    }
    None
}

/// A label of another page's stories on the same site, its name after "on": "Also on
/// Reuters", "ALSO ON HUFFPOST:", "Elsewhere on the BBC", "Related Stories on 9to5Mac".
/// After [`TEXT_BEFORE_RELATED`] words of text (whether the label itself was kept or
/// went as the site's), everything after it goes, long paragraphs too: a news site's
/// slideshow of other stories follows it to the end of the page. On the public sets
/// no gold text keeps anything after such a label once the article has begun (55
/// pages; two that keep text after it have the label above the article). Dragnet
/// 0.9002 -> 0.9011 (three HuffPost pages, +0.57 to +0.82 each), no page worse, the
/// other sets and the medical pages unchanged.
static SITE_RELATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(also|elsewhere|related( news| stories| posts| articles)?) on [^.!?:]{1,40}:?$")
});

/// A label of related content: "Around the web", "You might also like", "Related
/// stories", "Recommended for you", "Most read". ("More from <site>" is left out: a
/// syndicated post's gold keeps its list; so is "Recommended" alone, which a
/// guideline may use as a heading, at a cost of Readability 0.0001.)
static RELATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(around the web|from around the web|you may also like|you might also like|related (stories|articles|posts|content|links)|recommended (for you|stories|articles|reading|posts)|trending( now)?|most (read|popular|viewed|shared))\s*:?$",
    )
});

/// Words of kept text before a [`RELATED_LABEL`] for it to end the text.
const TEXT_BEFORE_RELATED: usize = 150;

/// Words of a good paragraph that ends the related content.
const PARAGRAPH_AFTER_RELATED: usize = 40;

/// A label of related content ([`RELATED_LABEL`]) kept after
/// [`TEXT_BEFORE_RELATED`] words of text: it and the kept units after it go, up to
/// the next good paragraph of [`PARAGRAPH_AFTER_RELATED`] words (the teasers under
/// the label are headlines and short blurbs). A label of the site's other stories
/// ([`SITE_RELATED_LABEL`]) ends the page's text. Readability +0.0012 (three pages, none
/// worse), the other sets unchanged; from 50 words of text before, Readability
/// +0.0036 but L3S-GN1 -0.0001; stopping at a paragraph of 15 words, +0.0005.
fn drop_related(items: &mut [Item]) {
    let mut words = 0;
    let mut i = 0;
    while i < items.len() {
        if words >= TEXT_BEFORE_RELATED && SITE_RELATED_LABEL.is_match(items[i].unit.text.trim()) {
            for it in &mut items[i..] {
                if !matches!(it.kind, Kind::Drop(_) | Kind::Meta { .. } | Kind::Title) {
                    it.kind = Kind::Drop(DropReason::RelatedContent);
                }
            }
            return;
        }
        let kept = !matches!(
            items[i].kind,
            Kind::Drop(_) | Kind::Meta { .. } | Kind::Title
        );
        // A sidebar's heading went as built-in boilerplate: its teasers go the same way.
        let sidebar = matches!(&items[i].kind,
            Kind::Drop(DropReason::Boilerplate { label }) if label == signals::SIDEBAR_HEADINGS);
        if (kept || sidebar)
            && words >= TEXT_BEFORE_RELATED
            && RELATED_LABEL.is_match(&items[i].unit.text)
        {
            if kept {
                items[i].kind = Kind::Drop(DropReason::RelatedContent);
            }
            let mut j = i + 1;
            while j < items.len() {
                let it = &items[j];
                if it.quality == Quality::Good && it.words >= PARAGRAPH_AFTER_RELATED {
                    break;
                }
                if !matches!(it.kind, Kind::Drop(_) | Kind::Meta { .. }) {
                    items[j].kind = Kind::Drop(DropReason::RelatedContent);
                }
                j += 1;
            }
            i = j;
            continue;
        }
        if matches!(
            items[i].kind,
            Kind::Paragraph | Kind::Open | Kind::ListItem { .. }
        ) {
            words += items[i].words;
        }
        i += 1;
    }
}

/// A blog post's footer as Blogger prints it under each post: "Posted by Jane Doe
/// at 3:49 PM" (a name, no date, a time), nothing else on the line.
static POST_FOOTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^posted by [^\d.!?|:]{1,40}? at \d{1,2}:\d{2}\s*(?:am|pm)?$"));

/// Blogger's furniture under a post's footer: share links, labels, the comment
/// count ("Email ThisBlogThis!Share to Twitter", "Labels: education", "4 comments:").
static FOOTER_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:email this|blogthis|share to (?:twitter|facebook)|labels?:|(?:\d+|no|one) comments?:|links to this post|post a comment|newer post|older post)",
    )
});

/// Units after a [`POST_FOOTER`] among which [`FOOTER_FURNITURE`] is looked for.
const FURNITURE_AFTER_FOOTER: usize = 4;

/// Words of kept text before a [`POST_FOOTER`] for it to end the post.
const TEXT_BEFORE_FOOTER: usize = 50;

/// Words of a good paragraph after a [`POST_FOOTER`] that stays: prose, such as the
/// blog's description of itself, which CleanEval's gold text keeps (its page 50 lost
/// 0.05 F1 without this exception).
const PROSE_AFTER_FOOTER: usize = 40;

/// A page with one [`POST_FOOTER`] line after [`TEXT_BEFORE_FOOTER`] words of
/// kept text, and either Blogger's furniture right under it ([`FOOTER_FURNITURE`]) or
/// no more kept text after it than before: a single post, which ends there. What
/// follows (labels, share links, comments, the blog's sidebar) goes, but for
/// paragraphs of prose ([`PROSE_AFTER_FOOTER`]). A blog's front page, with a footer
/// under each of its posts, is left alone, and so is a footer under a post's title
/// with the post below it (a question above, its answer below). Dragnet 0.8999 ->
/// 0.9002 (5 pages better, none worse), the other sets and the medical pages
/// unchanged. The footer with a date ("Posted by Max Fisher on October 29, 2012 at
/// 2:54 pm") heads a post instead, and never matches.
fn drop_after_post_footer(items: &mut [Item]) {
    let footers: Vec<usize> = (0..items.len())
        .filter(|&i| POST_FOOTER.is_match(items[i].unit.text.trim()))
        .collect();
    let [footer] = footers[..] else {
        return;
    };
    let running = |it: &&Item| {
        matches!(
            it.kind,
            Kind::Paragraph | Kind::Open | Kind::ListItem { .. }
        )
    };
    let before: usize = items[..footer]
        .iter()
        .filter(running)
        .map(|it| it.words)
        .sum();
    let after: usize = items[footer + 1..]
        .iter()
        .filter(running)
        .map(|it| it.words)
        .sum();
    let furniture = items[footer + 1..]
        .iter()
        .take(FURNITURE_AFTER_FOOTER)
        .any(|it| FOOTER_FURNITURE.is_match(it.unit.text.trim()));
    if before < TEXT_BEFORE_FOOTER || !(furniture || after <= before) {
        return;
    }
    for it in &mut items[footer + 1..] {
        if it.quality == Quality::Good && it.words >= PROSE_AFTER_FOOTER {
            continue;
        }
        if !matches!(it.kind, Kind::Drop(_) | Kind::Meta { .. } | Kind::Title) {
            it.kind = Kind::Drop(DropReason::AfterPostFooter);
        }
    }
}

/// Words of kept text (paragraphs and list items) under which a page is taken to
/// have lost its text.
const LONE_PROSE_BELOW: usize = 30;

/// A page whose kept text is under [`LONE_PROSE_BELOW`] words may have lost its
/// text (a photo blog's post of two sentences between a sidebar and a footer): the
/// longest run of units removed on weak evidence alone (short, between
/// boilerplate, away from the main text, before the title) that reads as prose (an
/// optional heading-shaped line, then lines with a fifth of their words stop words,
/// one of them ending a sentence; ten words or more) is kept when it is longer than
/// the text kept (captions count as kept), with a warning naming its lines. English
/// pages only. Measured on the public sets: Dragnet +0.0007 (three pages that
/// had lost their post), no page worse, the other sets unchanged; the same from
/// 30 to 300 words, nothing moved at 15.
fn rescue_lone_prose(items: &mut [Item], log: &mut Log) {
    let kept: usize = items
        .iter()
        .filter(|it| {
            matches!(
                it.kind,
                Kind::Paragraph | Kind::Open | Kind::ListItem { .. } | Kind::Caption { .. }
            )
        })
        .map(|it| it.words)
        .sum();
    if kept >= LONE_PROSE_BELOW {
        return;
    }
    // Removed on weak evidence alone.
    let weak = |it: &Item| {
        matches!(
            it.kind,
            Kind::Drop(
                DropReason::NoTextAfter
                    | DropReason::BetweenBoilerplate { .. }
                    | DropReason::OutsideMainText
                    | DropReason::HeaderBeforeTitle
                    | DropReason::LabelAfterTitle
                    | DropReason::TrailingHeading
            )
        )
    };
    // Shaped like prose: a fifth of its words stop words (on an English page).
    let prose = |it: &Item| it.words > 0 && !it.heading && it.stops * 5 >= it.words;
    // Candidates: a heading-shaped line (the post's title) or none, then one or
    // more lines of prose, all removed on weak evidence; one of them ends a
    // sentence.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < items.len() {
        let head = weak(&items[i]) && items[i].heading;
        let mut j = if head { i + 1 } else { i };
        while j < items.len() && weak(&items[j]) && prose(&items[j]) {
            j += 1;
        }
        let body = if head { i + 1 } else { i };
        if j == body {
            i += 1;
            continue;
        }
        let run = &items[i..j];
        let words: usize = run.iter().map(|it| it.words).sum();
        let sentence = items[body..j]
            .iter()
            .any(|it| text::ends_full_stop(&it.unit.text));
        if sentence && words >= 10 && words > kept && best.is_none_or(|(_, _, w)| words > w) {
            best = Some((i, j, words));
        }
        i = j;
    }
    if let Some((i, j, _)) = best {
        log.warn(
            items[i].unit.first,
            format!(
                "little text was found on this page ({kept} words), so lines {}-{}, removed on weak evidence (short lines between boilerplate), were kept as its text: check them",
                items[i].unit.first,
                items[j - 1].unit.last
            ),
        );
        for (k, it) in items[i..j].iter_mut().enumerate() {
            it.kind = if k == 0 && it.heading {
                Kind::Heading
            } else {
                Kind::Paragraph
            };
        }
    }
}

/// A table is kept or removed as a whole: in a run of two or more one-line table
/// rows (`Unit::table_row`) of which at least half are kept as text, a row that a
/// line-level signal removed (a header row that looked like a menu, or that repeats
/// above each table of the page; a repeated row) is kept too, so that every cell of
/// the table reaches the page.
fn keep_whole_tables(items: &mut [Item]) {
    let kept = |it: &Item| {
        matches!(
            it.kind,
            Kind::Heading | Kind::Paragraph | Kind::Open | Kind::ListItem { .. }
        )
    };
    let mut i = 0;
    while i < items.len() {
        let mut j = i;
        while j < items.len() && items[j].unit.table_row().is_some() {
            j += 1;
        }
        let run = &mut items[i..j];
        let weak = |it: &Item| {
            matches!(
                it.kind,
                Kind::Drop(
                    DropReason::NavigationMenu
                        | DropReason::ArchiveList
                        | DropReason::LinkBar
                        | DropReason::RunningHeader { .. }
                        | DropReason::NoTextAfter
                        | DropReason::Duplicate
                )
            )
        };
        let n_kept = run.iter().filter(|it| kept(it)).count();
        // Tables the classifier removed whole stay removed: restoring those that hold
        // figures was measured on the public sets and cost precision on three of
        // them (score tables and tickers in sidebars).
        let whole = n_kept >= 1 && n_kept * 2 >= run.len();
        if run.len() >= 2 && whole {
            for it in run.iter_mut().filter(|it| weak(it)) {
                it.kind = Kind::Paragraph;
            }
        }
        i = j.max(i + 1);
    }
}

/// Wiki "[edit]" links glued to headings, and "Thread: …" / "Topic: …" labels
/// in front of a forum's title.
fn strip_heading_suffixes(units: &mut [Unit], log: &mut Log) {
    for u in units.iter_mut() {
        if let Some(c) = TITLE_LABEL.captures(&u.text)
            && !c[2].ends_with('.')
        {
            let label = format!("{}:", &c[1]);
            let rest = c[2].to_string();
            let cut = u.text.len() - rest.len();
            log.edit(
                u.first,
                Stage::Classify,
                Action::Removed,
                label,
                "",
                "label in front of a title",
            );
            u.drop_prefix(cut, rest);
        }
    }
    for u in units {
        if u.text.ends_with(']')
            && text::at_most_words(&u.text, 14)
            && let Some(m) = EDIT_SUFFIX.find(&u.text)
        {
            log.edit(
                u.first,
                Stage::Classify,
                Action::Removed,
                m.as_str().trim(),
                "",
                "wiki edit link after a heading",
            );
            u.text.truncate(m.start());
        }
    }
}

/// Words a joined unit may have for its last raw line to be cut off as boilerplate:
/// a heading's length ([`strip_joined_boilerplate_tails`]).
const JOINED_TAIL_UNIT_WORDS: usize = 20;

/// A short unit that reflow joined from raw lines, whose last line alone is a known
/// boilerplate phrase of two words or more and whose first is not ("Osteosarcoma
/// and Undifferentiated Pleomorphic Sarcoma of Bone Treatment" / "On This Page"):
/// that last line is cut off, and the cut recorded with its line and label, so the
/// headline stands alone. One word ("Home", "Search") may end a wrapped headline,
/// and the second half of a hyphenated word ("Re-" / "search") is no line.
/// ([`signals::unit_boilerplate`] drops a unit whose every line is boilerplate.)
fn strip_joined_boilerplate_tails(units: &mut [Unit], rules: &Rules, log: &mut Log) {
    for u in units.iter_mut() {
        if u.line_starts.len() < 2
            || u.table_row().is_some()
            || !text::at_most_words(&u.text, JOINED_TAIL_UNIT_WORDS)
        {
            continue;
        }
        let Some(&(start, line)) = u.line_starts.last() else {
            continue;
        };
        let Some(tail) = u.text.get(start..).map(str::trim) else {
            continue;
        };
        let first_end = u.line_starts[1].0;
        let first_is_boilerplate = u
            .text
            .get(..first_end)
            .is_some_and(|f| rules.boilerplate(f.trim()).is_some());
        if first_is_boilerplate {
            continue;
        }
        // Not the second half of a word a line-end hyphen split ("Re-" / "search"),
        // and a phrase of two words or more: one word ("Home") may end a headline.
        let after_space = u.text.get(..start).is_some_and(|h| h.ends_with(' '));
        if after_space
            && text::word_count(tail) >= 2
            && let Some(label) = rules.boilerplate(tail)
        {
            log.removed(
                line,
                Stage::Classify,
                tail,
                format!("{label}, joined to the line above by reflow"),
            );
            u.text.truncate(start);
            u.text.truncate(u.text.trim_end().len());
            // The unit keeps its raw line range (the accounting of lines reads it),
            // as other cuts within a unit do; the record lists the cut line.
            u.line_starts.pop();
        }
    }
}

/// Words of prose a paragraph keeps before the footer sentences cut from its end
/// ([`strip_footer_sentences`]): about three sentences, a paragraph's length. A
/// site's credit lines before its copyright ("All times listed are in Pacific
/// Time unless otherwise specified. Athlete Photos: Getty Images (unless otherwise
/// specified). MLB logos provided by MLB.com. © MLB.com.", 20 words) are shorter.
const FOOTER_HEAD_WORDS: usize = 50;

/// The marks of a copyright notice: a paragraph whose first sentences carry one is a
/// notice of several sentences ("CNN name, logo and all associated elements ® and ©
/// 2012 Cable News Network …. All rights reserved."), not prose that ends in one.
/// "(c)" counts only before a year: "(a) …, (b) … and (c) …" enumerate.
static COPYRIGHT_MARKS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)©|®|™|\(c\)\s*\d{4}|\b(copyright|trademarks?|rights reserved)\b"));

/// The words of a licence or reuse notice ("licensed under", "without written
/// permission"): with [`COPYRIGHT_MARKS`], what makes a sentence at the end of a
/// paragraph part of its notice. Not a mark of a notice at a paragraph's head, where
/// an abstract may say "a licensed scale" or "with permission".
static LICENCE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(licen[cs]e[ds]?|permissions?)\b"));

/// A sentence that starts with an enumerator ("(c) Results favoured …"): a list's
/// item, never a copyright line, though "(c) " starts one ("(c) 2021 APA").
static ENUMERATED: LazyLock<Regex> = LazyLock::new(|| re(r"^\([a-z]\)\s+\p{L}"));

/// A paragraph of prose that ends in a copyright line ("… across all criteria.
/// (PsycInfo Database Record (c) 2021 APA, all rights reserved)."): a line with
/// several sentences of prose is never a footer, so the footer sentences are cut
/// from its end and recorded with their lines and label, and the prose stays.
/// Only when
/// - the paragraph is boilerplate only through a notice phrase found anywhere in
///   it ([`Rules::phrase_only_boilerplate`]: not a notice by its first words);
/// - it ends in a run of notice sentences (each with a mark of [`COPYRIGHT_MARKS`]
///   or [`LICENCE_WORDS`], or boilerplate on its own; none [`ENUMERATED`]), after
///   its first sentence; the cut starts at the first sentence of that run that is
///   on its own a notice that may end prose ([`Rules::prose_footer`]: "© 2021
///   Elsevier Ltd. All rights reserved.");
/// - the sentences before the cut are [`FOOTER_HEAD_WORDS`] words or more, with no
///   mark of [`COPYRIGHT_MARKS`], so a notice of several sentences stays whole for
///   the boilerplate rules to drop.
///
/// The cut lines keep their place in the unit's raw line range, as other cuts
/// within a unit do: the accounting counts them as rendered, and the record names
/// them.
fn strip_footer_sentences(units: &mut [Unit], rules: &Rules, log: &mut Log) {
    for u in units.iter_mut() {
        if u.table_row().is_some()
            || u.code
            || text::at_most_words(&u.text, FOOTER_HEAD_WORDS)
            || !rules.phrase_only_boilerplate(&u.text)
        {
            continue;
        }
        let sentences = text::sentences(&u.text);
        let said = |k: usize| &u.text[sentences[k].0..sentences[k].1];
        let notice = |k: usize| {
            let t = said(k);
            !ENUMERATED.is_match(t)
                && (COPYRIGHT_MARKS.is_match(t)
                    || LICENCE_WORDS.is_match(t)
                    || rules.boilerplate(t).is_some())
        };
        // The run of notice sentences that ends the paragraph, after its first.
        let mut run = sentences.len();
        while run > 1 && notice(run - 1) {
            run -= 1;
        }
        let Some((k, label)) =
            (run..sentences.len()).find_map(|k| Some((k, rules.prose_footer(said(k))?)))
        else {
            continue;
        };
        let start = sentences[k].0;
        let head = &u.text[..start];
        if text::at_most_words(head, FOOTER_HEAD_WORDS - 1) || COPYRIGHT_MARKS.is_match(head) {
            continue;
        }
        let (from, to) = (u.line_at(start), u.line_at(u.text.len().saturating_sub(1)));
        log.removed(
            from,
            Stage::Classify,
            u.text[start..].trim(),
            if to > from {
                format!("{label}: the last sentences of a paragraph of prose (lines {from}-{to})")
            } else {
                format!("{label}: the last sentences of a paragraph of prose")
            },
        );
        u.text.truncate(start);
        u.text.truncate(u.text.trim_end().len());
        u.line_starts.retain(|&(o, _)| o < start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A phone number or an e-mail address removed as a short line is named as
    /// contact details, with the reason it went; other lines keep their reason.
    #[test]
    fn contact_lines_are_named_in_the_notes() {
        let short = DropReason::NoTextAfter;
        for t in [
            "Call us on 020 7946 0000",
            "Teléfono: 900 123 456",
            "enquiries@example-clinic.co.uk",
            "Tel. +44 (0)20 7946 0000",
        ] {
            let why = reason_for(&short, t);
            assert!(
                why.starts_with("contact details (a phone number or an e-mail address), removed as a short line that introduces no text"),
                "{t}: {why}"
            );
        }
        for t in [
            "About",
            "Room 101",
            "Stage 2 of 4",
            "Ring the ward on arrival",
        ] {
            assert_eq!(reason_for(&short, t), short.to_string(), "{t}");
        }
        // Only the short-line reasons are renamed.
        assert_eq!(
            reason_for(&DropReason::Duplicate, "020 7946 0000"),
            DropReason::Duplicate.to_string()
        );
    }

    /// A headline that reflow joined to a navigation phrase under it loses the
    /// phrase (recorded); a line that is all boilerplate, or a long one, keeps it.
    #[test]
    fn a_joined_navigation_line_is_cut_from_a_headline() {
        let rules = Rules::new(Default::default(), 3).unwrap();
        let unit = |text: &str, second: usize| Unit {
            first: 3,
            last: 4,
            text: text.to_string(),
            line_starts: vec![(0, 3), (second, 4)],
            ..Unit::default()
        };
        let mut log = Log::default();
        let mut units = vec![
            unit("Osteosarcoma Treatment On This Page", 23),
            unit("Menu Search", 5),
            unit("The Long Road Home", 14),
            unit("Cancer Research", 9),
            unit("ReadOn This Page", 4),
        ];
        strip_joined_boilerplate_tails(&mut units, &rules, &mut log);
        assert_eq!(units[0].text, "Osteosarcoma Treatment");
        assert_eq!(units[1].text, "Menu Search");
        assert_eq!(units[2].text, "The Long Road Home");
        // "Cancer Re-" / "search", joined at the hyphen.
        assert_eq!(units[3].text, "Cancer Research");
        // "Read-" / "On This Page": no space before the tail, so no line of its own.
        assert_eq!(units[4].text, "ReadOn This Page");
        assert!(
            log.edits
                .iter()
                .any(|e| e.line == 4 && e.reason.contains("joined to the line above"))
        );
    }

    /// An abstract that ends in its copyright line loses the line (recorded), not
    /// the abstract; a legal notice of several sentences, a site's short credit
    /// lines, and prose that names a copyright in its middle are left whole.
    #[test]
    fn a_copyright_line_is_cut_from_the_end_of_prose() {
        let rules = Rules::new(Default::default(), 3).unwrap();
        let unit = |text: &str| Unit {
            first: 7,
            last: 7,
            text: text.to_string(),
            line_starts: vec![(0, 7)],
            ..Unit::default()
        };
        let prose = "Objective: Implicit and explicit drinking self-identity appear to be \
            useful in predicting alcohol-related outcomes. However, there are several \
            different implicit and explicit measures which can be used to assess drinking \
            self-identity. Method: This study systematically compared two commonly used \
            measures of drinking self-identity with three relational measures of implicit \
            self-identity on a range of criteria relevant to clinical researchers.";
        let footer = "(PsycInfo Database Record (c) 2021 APA, all rights reserved).";
        let notice = "NHL.com is the official web site of the National Hockey League. NHL, \
            the NHL Shield, the word mark and image of the Stanley Cup, Center Ice name and \
            logo, NHL Conference logos and NHL Winter Classic name are registered \
            trademarks and Vintage Hockey word mark and logo, Live Every Shift, Hot Off the \
            Ice, NHL Power Play, NHL Winter Classic logo, NHL Heritage Classic name and logo \
            are trademarks of the National Hockey League. All rights reserved.";
        let credits = "All times listed are in Pacific Time unless otherwise specified. \
            Athlete Photos: Getty Images (unless otherwise specified). MLB logos provided \
            by MLB.com. \u{a9} MLB.com. All rights reserved. Reproduction in whole or in \
            part in any form or medium without the express written permission of MLB \
            Advanced Media is prohibited by law and by the terms of use of this site.";
        let middle = format!(
            "{prose} The authors hold the rights; all rights reserved by the society apply \
             to the figures only. Results: Overall, we found mixed performances."
        );
        // An enumerator "(c)" is no copyright line, nor does it stop the cut.
        let listed = format!("{prose} (c) Results favoured the relational measures overall.");
        // Wrapped: the footer starts on the third raw line and ends on the fourth.
        let wrapped_text = format!("{prose} {footer} Reuse needs written permission.");
        let third = wrapped_text.find(footer).unwrap_or_default();
        let fourth = wrapped_text.find("Reuse").unwrap_or_default();
        let wrapped = Unit {
            first: 20,
            last: 23,
            text: wrapped_text.clone(),
            line_starts: vec![(0, 20), (40, 21), (third, 22), (fourth, 23)],
            ..Unit::default()
        };
        let mut units = vec![
            unit(&format!("{prose} {footer}")),
            unit(notice),
            unit(credits),
            unit(&middle),
            unit(&format!("{listed} {footer}")),
            wrapped,
        ];
        let mut log = Log::default();
        strip_footer_sentences(&mut units, &rules, &mut log);
        assert_eq!(units[0].text, prose);
        assert_eq!(units[1].text, notice);
        assert_eq!(units[2].text, credits);
        assert_eq!(units[3].text, middle);
        assert_eq!(units[4].text, listed);
        assert_eq!(units[5].text, prose);
        assert_eq!(units[5].line_starts, vec![(0, 20), (40, 21)]);
        assert_eq!(log.edits.len(), 3);
        assert!(log.edits[0].line == 7 && log.edits[0].reason.contains("paragraph of prose"));
        assert!(log.edits[2].line == 22 && log.edits[2].reason.contains("(lines 22-23)"));
    }

    /// Sentence ranges: a sentence ends at ". " before a capital, a digit, an opening
    /// bracket, a quote or "©", never after a word of one or two letters.
    #[test]
    fn sentences_end_before_capitals_brackets_and_quotes() {
        let t = "It rose. (See below) \"Yes,\" she said. \"No.\" Look at e.g. Fig 2 and them. \u{a9} 2021 APA.";
        let got: Vec<&str> = text::sentences(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            [
                "It rose.",
                "(See below) \"Yes,\" she said.",
                "\"No.\" Look at e.g. Fig 2 and them.",
                "\u{a9} 2021 APA."
            ]
        );
    }

    /// With no line chosen as the title, the first kept heading is the title when at
    /// most two short lines come before it, and never a section name ("Abstract"), a
    /// date or a question.
    #[test]
    fn the_first_heading_is_the_title_when_no_line_was_chosen() {
        let rules = Rules::new(Default::default(), 3).unwrap();
        let items = |page: &[(&str, Kind)]| -> Vec<Item> {
            page.iter()
                .map(|(t, k)| {
                    let mut it = Item::new(
                        Unit {
                            text: (*t).to_string(),
                            ..Unit::default()
                        },
                        true,
                    );
                    it.kind = k.clone();
                    it
                })
                .collect()
        };
        let text = "Courtesy RoboCross.de, who are building a band to go with the drummer.";
        let mut page = items(&[
            ("Home", Kind::Drop(DropReason::NavigationMenu)),
            ("« Campus Party Europe – Live in Berlin!", Kind::Paragraph),
            ("And Now, A Robot Plays Iron Man", Kind::Heading),
            (text, Kind::Paragraph),
        ]);
        assert!(first_heading_title(&mut page, &rules).is_some());
        assert_eq!(page[2].kind, Kind::Title);
        // A title already chosen stays the only one.
        assert!(first_heading_title(&mut page, &rules).is_none());
        // A section name is never the title; past a paragraph of text, a heading is a
        // section's.
        let long = "The council voted on Tuesday to rebuild the old bridge over the river, ending a debate that had lasted for more than a decade and divided the town and its people.";
        for page in [
            vec![
                ("Abstract", Kind::Heading),
                (long, Kind::Paragraph),
                ("Costs", Kind::Heading),
            ],
            vec![(long, Kind::Paragraph), ("Costs rose", Kind::Heading)],
            vec![
                (
                    "The bridge will cost far less than the old ferry it replaces, the mayor said.",
                    Kind::Paragraph,
                ),
                ("Side effects", Kind::Heading),
            ],
            vec![
                ("What is osteosarcoma?", Kind::Heading),
                (long, Kind::Paragraph),
            ],
            vec![
                ("Monday, March 3, 2008", Kind::Heading),
                (long, Kind::Paragraph),
            ],
            vec![
                ("One.", Kind::Paragraph),
                ("Two.", Kind::Paragraph),
                ("Three.", Kind::Paragraph),
                ("Costs rose", Kind::Heading),
            ],
        ] {
            let mut page = items(&page);
            assert!(
                first_heading_title(&mut page, &rules).is_none(),
                "{}",
                page[0].unit.text
            );
            assert!(page.iter().all(|it| it.kind != Kind::Title));
        }
    }

    /// A Blogger post ends at its footer ("Posted by Jane at 3:49 PM"): the labels,
    /// share links and sidebar after it go, a paragraph of prose stays; a front page
    /// with a footer under each post, and a post too short to judge, keep everything.
    #[test]
    fn a_blog_post_ends_at_its_footer() {
        let para = "The council voted on Tuesday to build a new bridge across the river, \
                    ending a debate that had lasted for more than a decade and divided the \
                    town between those who wanted it and those who did not.";
        let about = "This blog is written by two retired engineers who have watched the river \
                     and its bridges for forty years, and who write about every plan the \
                     council has made for them since the first one in 1985, with maps, minutes and \
                     letters from readers.";
        let tail = "Labels: bridges, council\n\nShare this post\n\nEmail This BlogThis! Share to Twitter\n\n\
                    Newer Post Older Post Home\n\nSubscribe to: Post Comments (Atom)";
        let page = |posts: usize| {
            let mut p = String::from("Bridge vote ends decade of debate\n\n");
            for i in 0..posts {
                p.push_str(&format!(
                    "{para} Paragraph {i}.\n\n{para}\n\nPosted by Jane Doe at 3:49 PM\n\n"
                ));
            }
            p.push_str(&format!("{tail}\n\n{about}\n"));
            p
        };
        let out = crate::clean::outline_of(&page(1));
        assert!(out.contains("Paragraph 0."), "{out}");
        assert!(!out.contains("Share to Twitter"), "{out}");
        assert!(!out.contains("Newer Post Older Post"), "{out}");
        assert!(out.contains("two retired engineers"), "{out}");
        let out = crate::clean::outline_of(&page(2));
        assert!(out.contains("Paragraph 1."), "{out}");
        assert!(out.contains("Share to Twitter"), "{out}");
        // The footer under a question's title, the answer below it: not the end.
        let question = format!(
            "Is the bridge safe?\n\n{para} Asked first.\n\n{para}\n\nPosted by Jane Doe at 3:49 PM\n\n\
             What the engineers found\n\n{para} Answer one.\n\n{para} Answer two.\n\n\
             {para} Answer three.\n\n{tail}\n"
        );
        let out = crate::clean::outline_of(&question);
        assert!(out.contains("What the engineers found"), "{out}");
    }

    /// "Around The Web" after an article: the label and the teasers under it go, up
    /// to the next long paragraph; on a short page the label stays.
    #[test]
    fn related_content_after_the_text_goes() {
        let para = "The council voted on Tuesday to build a new bridge across the river, \
                    ending a debate that had lasted for more than a decade and divided the \
                    town between those who wanted it and those who did not.";
        let teasers = "Around The Web\n\nKourtney Kardashian Shares Post-Baby Weight\n\n\
                       Selena Gomez Shows Off Her New Look\n\n\
                       Nick Cannon: Chicks Love My New Back Tattoo!";
        let tail = "The bridge will open in 2027, and the council says it will cost less than \
                    the ferry it replaces over twenty years, though the figures behind that \
                    claim have not been published and the opposition has asked to see them \
                    before the work begins next spring.";
        let article: String = (1..=4)
            .map(|i| format!("{para} This is paragraph {i} of the story.\n\n"))
            .collect();
        let long = format!("Bridge vote ends decade of debate\n\n{article}{teasers}\n\n{tail}\n");
        let outline = crate::clean::outline_of(&long);
        assert!(!outline.contains("Around The Web"), "{outline}");
        assert!(!outline.contains("Kardashian"), "{outline}");
        assert!(!outline.contains("Back Tattoo"), "{outline}");
        assert!(
            outline.contains("The bridge will open in 2027"),
            "{outline}"
        );
        // "Most Read" goes as a sidebar's heading (built-in boilerplate) before this
        // rule sees it: its teasers still go, and the text after them stays.
        let most_read = teasers.replace("Around The Web", "Most Read");
        let outline = crate::clean::outline_of(&format!(
            "Bridge vote ends decade of debate\n\n{article}{most_read}\n\n{tail}\n"
        ));
        assert!(!outline.contains("Kardashian"), "{outline}");
        assert!(
            outline.contains("The bridge will open in 2027"),
            "{outline}"
        );
        let short = format!("Bridge vote ends decade of debate\n\n{para}\n\n{teasers}\n\n{tail}\n");
        let outline = crate::clean::outline_of(&short);
        assert!(outline.contains("Around The Web"), "{outline}");
        // The site's other stories after "ALSO ON HUFFPOST:": long paragraphs too.
        let slideshow = format!(
            "Bridge vote ends decade of debate\n\n{article}ALSO ON HUFFPOST:\n\nFerry Costs Rise Again\n\n{tail}\n"
        );
        let outline = crate::clean::outline_of(&slideshow);
        assert!(outline.contains("paragraph 4 of the story"), "{outline}");
        assert!(!outline.contains("Ferry Costs"), "{outline}");
        assert!(
            !outline.contains("The bridge will open in 2027"),
            "{outline}"
        );
    }

    /// A craft blog's post of three wrapped lines between a category menu and a
    /// sidebar: every line of it is short between boilerplate, and it would be lost
    /// with only a sidebar's few words kept. A post shorter than what is kept is left
    /// out (the sidebar is not added to a page that kept its post).
    #[test]
    fn a_page_that_kept_almost_nothing_keeps_its_longest_prose() {
        let page = |sidebar: &str, post: &str| {
            format!(
                "Crafts for Kids - The Crafty Site\nHOME\nABOUT\nCONTACT\nSUBSCRIBE BY EMAIL\n\
                 Categories\nAnimals & Bugs\nArt History\nBead Crafts\nBirthday Parties\n\n\
                 Words of Wisdom\n\n{sidebar}\n\n« Indian Corn Printing Craft | Main\n\n\
                 Paper Punched Leaves for Crafting\n\n{post}\n\n\
                 11/09/2012 in Crafts, Fall Crafts, Family, Free & Fun Crafts | Permalink\n\n\
                 Comments\n\nPrivacy Policy\n"
            )
        };
        let wrapped = "I love the idea of preserving these paper\n\
                       punched leaves for other craft projects!\n\
                       Get the details at Grow Creative.";
        let cleaned = match crate::clean::clean_one(
            "p.txt",
            page("Click on the photo. Enjoy!", wrapped).as_bytes(),
        ) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        let outline = cleaned.pages[0].doc.outline();
        assert!(
            outline.contains("punched leaves for other craft projects!")
                && outline.contains("Get the details at Grow Creative."),
            "{outline}"
        );
        assert!(
            cleaned.pages[0]
                .log
                .warnings
                .iter()
                .any(|w| w.message.contains("little text was found")),
            "{:?}",
            cleaned.pages[0].log.warnings
        );
        let one_line = "I love the idea of preserving these paper punched leaves for other \
                        craft projects! Get the details at Grow Creative.";
        let outline = crate::clean::outline_of(&page(
            "Click on the photo to find the tutorial. Enjoy!",
            one_line,
        ));
        assert!(outline.contains(one_line), "{outline}");
        assert!(!outline.contains("Click on the photo"), "{outline}");
    }

    /// Chinese and Japanese lines are text by their clauses, not by eighty characters;
    /// a menu of short items is not.
    #[test]
    fn text_in_scripts_without_spaces() {
        let q = |t: &str| quality_any_language(t, text::word_count(t)).0;
        assert_eq!(
            q("一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣"),
            Quality::Good
        );
        assert_eq!(
            q(
                "トレンドマイクロは3月9日、スマホ向けのセキュリティアプリの発売を開始すると発表した。"
            ),
            Quality::Good
        );
        assert_ne!(
            q("ニュース トピックス テーマ 意識調査 全国紙パック"),
            Quality::Good
        );
        assert_ne!(q("ユーザーページ"), Quality::Good);
    }

    #[test]
    fn long_headings_are_one_sentence() {
        let shaped = |t: &str| heading_shaped_with(t, text::word_count(t));
        assert!(shaped(
            "What Adults Who Were Treated As Children for Primary Bone Cancer Should Know About Late Effects"
        ));
        assert!(!shaped(
            "1. Writer A. Bone tumours in adults. J Bone. 2020;1:1-9. doi:10.1000/bone.1"
        ));
        assert!(shaped(
            "Dr. Smith on what parents of children with bone cancer should ask the team at the first visit"
        ));
    }

    /// A 16-word headline is the title; the page's last line, cut mid-sentence by the
    /// scraper, stays as text rather than being taken for a heading with no text after.
    #[test]
    fn long_headlines_and_a_cut_last_line() {
        let page = "Skip To The Main Content\n\n\
            What Adults Who Were Treated As Children for Primary Bone Cancer Should Know About Late Effects\n\n\
            If you were a child or adolescent when you were treated for bone cancer, you could have longer lasting effects called late effects.\n\n\
            Good mouth care will help prevent mouth sores.\n\n\
            You and your child should know the names of all the medicines he or she is\n";
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let doc = &cleaned.pages[0].doc;
        assert_eq!(
            doc.title,
            "What Adults Who Were Treated As Children for Primary Bone Cancer Should Know About Late Effects"
        );
        let outline = doc.outline();
        assert!(
            outline.contains(
                "\nYou and your child should know the names of all the medicines he or she is\n"
            ),
            "{outline}"
        );
    }

    /// A line that ends with a photo's credit is a caption, never a heading.
    #[test]
    fn a_photo_credit_is_no_heading() {
        for t in [
            "Xray of a human male's knee. James Anderson/Getty Images",
            "Rob Carr / Getty Images",
            "The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters",
        ] {
            assert!(!heading_shaped_with(t, text::word_count(t)), "{t}");
        }
        for t in [
            "Reuters/Ipsos Poll Shows a Close Race",
            "Getty Images",
            "Fish oil supplements: DHA/EPA",
            "Tumour markers: hCG/AFP",
            "Chest X-ray views: PA/AP",
        ] {
            assert!(heading_shaped_with(t, text::word_count(t)), "{t}");
        }
    }

    /// A letter's or a post's greeting, closing and signature are lines of its text,
    /// never headings; a closing found on several pages of the corpus is not a menu.
    #[test]
    fn a_letters_greeting_closing_and_signature_are_text() {
        for t in [
            "Dear All,",
            "Dear Mr. Smith,",
            "Hi Aaron,",
            "Hello Michael,",
            "Yours apologetically,",
            "Kind regards,",
            "Thanks in advance x",
            "Many Blessings",
            "Cheers,",
        ] {
            assert!(letter_line(t), "{t}");
            assert!(!heading_shaped_with(t, text::word_count(t)), "{t}");
        }
        // Headings that start like one are not.
        for t in [
            "Dear Evan Hansen",
            "Hello World program",
            "Regards to the family of the late Mr. Jones",
            "Love Island",
            "Best practice",
            "Thanks to our sponsors",
            // One word is a closing only with its comma or kiss: else a menu's label,
            // a button or a heading.
            "Love",
            "Thank You",
            "Cheers",
            "Take care",
            "Thank you!",
        ] {
            assert!(!letter_line(t), "{t}");
        }
        let page = "Letters of Note\n\nSome annoying news\n\nDear All,\n\n\
            I have some annoying news. Despite our very best efforts, publication of the book has been delayed until early next year, and I am very sorry for it.\n\n\
            In short, producing the book has been like wading through a sea of treacle, due in no small part to the hundreds of permissions needed before it can go to print.\n\n\
            Yours apologetically,\n\nShaun\n\n\
            P.S. I will be updating this website a little less in the coming months, maybe two or three times a week, while the book is finished.\n";
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let outline = cleaned.pages[0].doc.outline();
        for line in ["Dear All,", "Yours apologetically,", "Shaun"] {
            assert!(
                outline.contains(&format!("\n{line}\n")),
                "{line}: {outline}"
            );
            assert!(!outline.contains(&format!("# {line}")), "{line}: {outline}");
        }
        // Between a post's text and the forum's furniture under it, the closing stays.
        let page = "Chemo for my son - what to expect?\n\n\
            Hi everyone, my son is fifteen and starts chemotherapy next Monday. Can anyone tell me what the first few weeks were like for your family?\n\n\
            Thanks in advance x\n\nPosts: 3\n\nJoined: Tue Nov 07, 2023 9:20 pm\n\n\
            So sorry you are going through this. My daughter had the same treatment two years ago, and the first weeks were the hardest for all of us.\n";
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let outline = cleaned.pages[0].doc.outline();
        assert!(outline.contains("\nThanks in advance x\n"), "{outline}");
        assert!(!outline.contains("# Thanks"), "{outline}");
        // "Cheers," on four pages of the corpus: each keeps it, with the name under it.
        let names = ["Malte", "Aaron", "Sophia", "Timo"];
        let inputs: Vec<crate::clean::Input> = (0..4)
            .map(|i| crate::clean::Input {
                name: format!("p{i}.txt"),
                bytes: format!(
                    "Post number {i}\n\n\
                     I just tried the new release {i} on my laptop and the start-up time is much better than it was, so thank you for all the work on it.\n\n\
                     Cheers,\n\n{}\n\n\
                     Another reader wrote that the release {i} still takes a long time to open the first window on an older machine with little memory.\n",
                    names[i]
                )
                .into_bytes(),
            })
            .collect();
        let cleaned =
            crate::clean::clean_corpus(&inputs, &Default::default(), &Default::default()).unwrap();
        for (page, name) in cleaned.pages.iter().zip(names) {
            let outline = page.doc.outline();
            assert!(
                outline.contains(&format!("\nCheers,\n\n{name}\n")),
                "{outline}"
            );
        }
    }

    /// A table's header row that repeats above every table of the page looks like a
    /// running header on its own; as a row of a kept table it stays, with every cell.
    #[test]
    fn a_repeated_table_header_row_stays_with_its_table() {
        let mut page = String::from(
            "Readers' polls on limb salvage\n\nWe asked readers three questions about surgery for bone tumours of the leg, and here is how they answered them.\n\n",
        );
        for (q, yes, no) in [
            ("Was surgery explained?", 149, 52),
            ("Did you see a physiotherapist?", 120, 81),
            ("Would you choose the same?", 171, 30),
        ] {
            page.push_str(&format!(
                "{q} Most readers who answered this question had their operation in the last five years.\n\nResponse\tVotes\tShare\nYes\t{yes}\t{}%\nNo\t{no}\t{}%\n\n",
                yes * 100 / 201,
                no * 100 / 201
            ));
        }
        page.push_str("We will run more polls on recovery after surgery later this year, and we will share the results here.\n");
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let outline = cleaned.pages[0].doc.outline();
        assert_eq!(
            outline.matches("| Response | Votes | Share |").count(),
            3,
            "{outline}"
        );
        assert!(outline.contains("| No | 81 | 40% |"), "{outline}");
    }

    /// A contents list whose entries come back later as numbered lines that
    /// end with a full stop (not heading-shaped, so found by their keys): the
    /// list is dropped, and the later lines stay.
    #[test]
    fn contents_entries_found_again_as_sentences() {
        let page = "Bone tumours in children\n\nDiagnosis\nTreatment options\nOutlook\n\n\
            The text of this page explains how doctors find and treat these tumours in young people.\n\n\
            1 DIAGNOSIS.\n\nDoctors use scans and a biopsy to find out whether a bone tumour is cancer or not.\n\n\
            2 Treatment options.\n\nMost people have surgery and chemotherapy, and some of them also have radiotherapy.\n\n\
            3 Outlook.\n\nThe outlook depends on where the tumour is and whether it has spread to other parts.\n";
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let log = &cleaned.pages[0].log;
        let toc: Vec<&str> = log
            .edits
            .iter()
            .filter(|e| e.reason.starts_with("table of contents"))
            .map(|e| e.before.as_str())
            .collect();
        assert_eq!(
            toc,
            ["Diagnosis", "Treatment options", "Outlook"],
            "{:?}",
            log.edits
        );
    }

    /// A forum thread (phpBB): the trail with "‹" is a breadcrumb; the buttons and
    /// page count above and below the posts are boilerplate; "Top" and each reply's
    /// "Re: …" come back over every post, a block the page repeats, not a table of
    /// contents; and the subject, a question that each reply repeats after "Re:",
    /// is one question, so it may be the title.
    #[test]
    fn a_forum_threads_repeated_lines_are_named_for_what_they_are() {
        let page = "BoneCancerTalk Forum\n\
            Board index ‹ Patients and carers ‹ Osteosarcoma\n\
            Son just diagnosed with osteosarcoma - what to expect from chemo?\n\
            Post Reply\n\
            5 posts • Page 1 of 1\n\
            Son just diagnosed with osteosarcoma - what to expect from chemo?\n\
            Posted by worriedmum22 » Tue Nov 07, 2023 9:41 pm\n\
            Hi everyone, my son is 15 and was told last week he has osteosarcoma in his left femur. They want to start chemo next Monday.\n\
            Top\n\
            Re: Son just diagnosed with osteosarcoma - what to expect from chemo?\n\
            Posted by DaveK » Tue Nov 07, 2023 10:15 pm\n\
            So sorry you are going through this. My daughter had MAP two years ago and her hair went after about three weeks.\n\
            Top\n\
            Re: Son just diagnosed with osteosarcoma - what to expect from chemo?\n\
            Posted by nurse_jo » Wed Nov 08, 2023 7:03 am\n\
            Please always ring the ward straight away if his temperature goes above 38C, day or night.\n\
            Top\n\
            Post Reply\n\
            5 posts • Page 1 of 1\n\
            Return to Osteosarcoma\n";
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        let reason = |line: usize| {
            p.log
                .edits
                .iter()
                .find(|e| e.line == line)
                .map(|e| e.reason.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            p.doc.title,
            "Son just diagnosed with osteosarcoma - what to expect from chemo?"
        );
        assert_eq!(reason(2), "breadcrumb navigation");
        assert!(reason(4).contains("forum furniture"), "{}", reason(4));
        assert!(reason(5).contains("site navigation"), "{}", reason(5));
        // The last "Top" and "Re: …" come back only as the closing "Top": a running
        // footer, not a block.
        for line in [9, 10] {
            assert!(
                reason(line).starts_with("block of short lines the page shows again"),
                "line {line}: {}",
                reason(line)
            );
        }
        assert!(
            p.log
                .edits
                .iter()
                .all(|e| !e.reason.starts_with("table of contents")),
            "{:#?}",
            p.log.edits
        );
    }

    /// A related-links box shown above a story and again under it, where its lines
    /// head no text, is a repeated block; a contents list whose entries come back
    /// over their sections is a table of contents.
    #[test]
    fn a_repeated_block_is_not_a_table_of_contents() {
        let story = "Chinese officials in the city of Shanghai have ordered the temporary closure of its poultry markets due to the bird flu outbreak.\n\n\
            A spokesman for the city authorities said the decision was taken on grounds of public safety.\n\n";
        let page = format!(
            "Shanghai closes poultry markets over bird flu\n\nRelated Stories\nChina media: Bird flu outbreak\n\n{story}\
             More on This Story\nRelated Stories\nChina media: Bird flu outbreak\n05 APRIL 2013, CHINA\nFrom other news sites\n"
        );
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let reasons: Vec<(String, String)> = cleaned.pages[0]
            .log
            .edits
            .iter()
            .filter(|e| e.line <= 4)
            .map(|e| (e.before.clone(), e.reason.clone()))
            .collect();
        for entry in ["Related Stories", "China media: Bird flu outbreak"] {
            assert!(
                reasons.iter().any(|(b, r)| b == entry
                    && r.starts_with("block of short lines the page shows again")),
                "{reasons:#?}"
            );
        }
        let contents = "Bone cancer explained\n\nContents\n\nCauses of bone cancer\nSymptoms of bone cancer\n\n\
            Bone cancer is rare, and most lumps and pains in the bones are caused by something else.\n\n\
            Causes of bone cancer\n\nMost bone cancers have no known cause, though some are linked to earlier radiotherapy.\n\n\
            Symptoms of bone cancer\n\nThe commonest symptom is a pain in the bone that gets worse over time and at night.\n";
        let cleaned = crate::clean::clean_one("p.txt", contents.as_bytes()).unwrap();
        let toc: Vec<&str> = cleaned.pages[0]
            .log
            .edits
            .iter()
            .filter(|e| e.reason.starts_with("table of contents"))
            .map(|e| e.before.as_str())
            .collect();
        assert_eq!(toc, ["Causes of bone cancer", "Symptoms of bone cancer"]);
    }

    /// An indented contents list whose last entries the scrape did not reach (their
    /// sections are not on the page) is dropped whole: those entries are no
    /// headings over the first paragraph. Not across a blank line, an indent
    /// change, a sentence or question, or an entry met again (a heading of the
    /// text), and not for an unindented list.
    #[test]
    fn the_rest_of_an_indented_contents_list_goes_with_it() {
        let page = |list: &str| {
            format!(
                "Late effects of treatment\n\n{list}\n\n\
                 Treatment for a bone tumour in childhood can change how the bones and muscles grow, and these effects may show only years later.\n\n\
                 Bone and joint\n\nAbnormal bone growth\n\n\
                 Radiation can slow the growth of the bones in its field, most of all in the youngest children.\n"
            )
        };
        let toc = |list: &str| -> (Vec<String>, String) {
            let cleaned = crate::clean::clean_one("p.txt", page(list).as_bytes()).unwrap();
            let p = &cleaned.pages[0];
            let toc = p
                .log
                .edits
                .iter()
                .filter(|e| e.reason.starts_with("table of contents"))
                .map(|e| e.before.clone())
                .collect();
            (toc, p.doc.outline())
        };
        let (entries, outline) = toc(
            "Bone and joint\n    Abnormal bone growth\n    Joint contractures\n    Osteonecrosis",
        );
        assert_eq!(
            entries,
            [
                "Bone and joint",
                "Abnormal bone growth",
                "Joint contractures",
                "Osteonecrosis"
            ],
            "{outline}"
        );
        assert!(!outline.contains("Osteonecrosis"), "{outline}");
        for (list, want) in [
            // Unindented: only the entries found again.
            (
                "Bone and joint\nAbnormal bone growth\nJoint contractures",
                &["Bone and joint", "Abnormal bone growth"][..],
            ),
            // A blank line ends the list.
            (
                "Bone and joint\n    Abnormal bone growth\n\n    Joint contractures",
                &["Bone and joint", "Abnormal bone growth"][..],
            ),
            // A sentence is no entry.
            (
                "Bone and joint\n    Abnormal bone growth\n    Each section below is about one late effect and what can be done about it.",
                &["Bone and joint", "Abnormal bone growth"][..],
            ),
            // Nor is a question.
            (
                "Bone and joint\n    Abnormal bone growth\n    Did you know most children treated for a bone tumour grow up to lead full lives?",
                &["Bone and joint", "Abnormal bone growth"][..],
            ),
            // Another indent ends it too.
            (
                "Bone and joint\n    Abnormal bone growth\n        Joint contractures",
                &["Bone and joint", "Abnormal bone growth"][..],
            ),
        ] {
            let (entries, outline) = toc(list);
            assert_eq!(entries, want, "{list:?}\n{outline}");
        }
        // An entry met again is a heading of the text: the list stops before it.
        let (entries, outline) =
            toc("Bone and joint\n    Abnormal bone growth\n    Osteonecrosis\n    Bone and joint");
        assert_eq!(
            entries,
            ["Bone and joint", "Abnormal bone growth", "Osteonecrosis"],
            "{outline}"
        );
    }

    fn hash_forwards(s: &str) -> u64 {
        let mut h = 0;
        fold_chars(s, |c| h = fold_hash_push(h, c));
        h
    }

    proptest::proptest! {
        /// The edge-phrase token hash is case-blind in the sense of `to_lowercase`.
        #[test]
        fn edge_phrase_hash_is_lower_case_equality(
            a in "[a-zA-Z ΣσςİIıÉé\u{0130}\u{212A}]{0,12}",
            flips in proptest::collection::vec(proptest::bool::ANY, 12)
        ) {
            // `b` is `a` with some characters upper-cased.
            let b: String = a
                .chars()
                .zip(flips.iter().cycle())
                .flat_map(|(c, &up)| -> Vec<char> {
                    if up { c.to_uppercase().collect() } else { vec![c] }
                })
                .collect();
            if a.to_lowercase() == b.to_lowercase() {
                proptest::prop_assert_eq!(hash_forwards(&a), hash_forwards(&b));
            }
        }
    }

    /// `edge_phrase` by its plain definition: every candidate phrase of every
    /// paragraph counted in lower case.
    fn edge_phrase_reference(units: &[Unit]) -> Option<(String, usize)> {
        let mut counts: HashMap<String, (usize, &str)> = HashMap::default();
        for u in units.iter().filter(|u| !u.bullet) {
            let all: Vec<&str> = u.text.split(' ').collect();
            if all.len() < 8 {
                continue;
            }
            let t = u.text.as_str();
            for k in 3..=12.min(all.len() - 4) {
                let prefix = text::starts_uppercase_or_digit(t)
                    .then(|| edge_prefix(t, &all, k))
                    .flatten();
                if let Some(p) = prefix {
                    counts.entry(p.to_lowercase()).or_insert((0, p)).0 += 1;
                }
            }
            for k in 3..=12.min(all.len() - 4) {
                let suffix = (!t.ends_with(|c: char| c.is_ascii_punctuation()))
                    .then(|| edge_suffix(t, &all, k))
                    .flatten();
                if let Some(p) = suffix {
                    counts.entry(p.to_lowercase()).or_insert((0, p)).0 += 1;
                }
            }
        }
        most_used_phrase(counts, units)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Pages whose paragraphs share starts and ends (in any case), from
        /// a few words: the pruned count finds the phrase the plain one does.
        #[test]
        fn edge_phrase_matches_its_plain_definition(
            phrase in proptest::collection::vec(0usize..20, 3..7),
            paras in proptest::collection::vec(
                (
                    proptest::collection::vec(0usize..20, 5..14),
                    0u8..4,
                    proptest::bool::ANY,
                    proptest::bool::ANY,
                ),
                0..10,
            ),
        ) {
            const WORDS: [&str; 20] = [
                "Bone", "bone", "BONE", "Cancer", "cancer", "Care", "in", "Children",
                "Σarcoma", "σarcoma", "Osteo", "Tumour", "tumour", "of", "Leeds",
                "Clinic.", "the", "2024", "Best", "best",
            ];
            let phrase: Vec<&str> = phrase.iter().map(|&i| WORDS[i]).collect();
            let units: Vec<Unit> = paras
                .iter()
                .map(|(words, edges, upper, stop)| {
                    let mut w: Vec<String> = words.iter().map(|&i| WORDS[i].to_string()).collect();
                    // The shared phrase at the start (1), the end (2) or both (3),
                    // sometimes in upper case.
                    let p: Vec<String> = phrase
                        .iter()
                        .map(|x| if *upper { x.to_uppercase() } else { x.to_string() })
                        .collect();
                    if edges & 1 == 1 {
                        w.splice(0..0, p.iter().cloned());
                    }
                    if edges & 2 == 2 {
                        w.extend(p.iter().cloned());
                    }
                    Unit {
                        text: format!("{}{}", w.join(" "), if *stop { "." } else { "" }),
                        ..Unit::default()
                    }
                })
                .collect();
            proptest::prop_assert_eq!(edge_phrase(&units), edge_phrase_reference(&units));
        }
    }

    proptest::proptest! {
        /// The byte loops give the first and last three pieces of a split at
        /// single spaces, from eight pieces on (empty pieces included).
        #[test]
        fn first_and_last_three_are_the_split_edges(text in "[a é.]{0,40}") {
            let all: Vec<&str> = text.split(' ').collect();
            let want = (all.len() >= 8).then(|| {
                (
                    [all[0], all[1], all[2]],
                    [all[all.len() - 3], all[all.len() - 2], all[all.len() - 1]],
                )
            });
            proptest::prop_assert_eq!(first_and_last_three(&text), want);
        }
    }

    proptest::proptest! {
        /// The shortened token list gives the same edge phrases as the whole one,
        /// and the slices that replace the joins are the same text.
        #[test]
        fn edge_tokens_stand_in_for_the_whole_paragraph(
            words in proptest::collection::vec("[A-Za-z]{1,3}[.,]?", 1..60)
        ) {
            let text = words.join(" ");
            let all: Vec<&str> = text.split(' ').collect();
            let (toks, n) = edge_tokens(&text);
            proptest::prop_assert_eq!(n.min(27), all.len().min(27));
            if all.len() >= 8 {
                for k in 3..=12.min(all.len() - 4) {
                    let (p, q) = (edge_prefix(&text, &toks, k), edge_prefix(&text, &all, k));
                    proptest::prop_assert_eq!(p, q);
                    if let Some(p) = p {
                        proptest::prop_assert_eq!(p, all[..k].join(" "));
                    }
                    let (p, q) = (edge_suffix(&text, &toks, k), edge_suffix(&text, &all, k));
                    proptest::prop_assert_eq!(p, q);
                    if let Some(p) = p {
                        proptest::prop_assert_eq!(p, all[all.len() - k..].join(" "));
                    }
                    proptest::prop_assert_eq!(
                        text.splitn(k + 1, ' ').last().unwrap_or_default(),
                        all[k..].join(" ")
                    );
                    proptest::prop_assert_eq!(
                        text.rsplitn(k + 1, ' ').last().unwrap_or_default(),
                        all[..all.len() - k].join(" ")
                    );
                }
            }
        }
    }
}
