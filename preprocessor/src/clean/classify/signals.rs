//! The per-unit signals, in order: duplicates, stray markup, page furniture, known boilerplate
//! phrases, breadcrumbs, infobox rows, calls to action, metadata, figure labels,
//! navigation lines, running headers, lines repeated across the corpus, forum user
//! names; then list items (bulleted, numbered, or implicit runs), and bulleted lists
//! that are menus.

#[allow(unused_imports)]
use super::*;

pub(super) static ORDERED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\(?\d{1,3}[.)]|\[\d{1,3}\]|\^)\s+\S"));

pub(super) static FIG_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^((fig\.?|figure|table|image|chart|graph)\s*\d+[a-z]?[.:]?|(image|photo|picture|video) caption[,:]?)$",
    )
});

/// A printed page's running header: a one-line unit without a sentence end (the
/// journal's or book's name) right over a page number (one to four digits, not a
/// year from 1800 to 2099), which is right over a paragraph of
/// [`RUNNING_HEADER_TEXT`] words or more joined from wrapped lines (a printed
/// page's text, not a web page's), with no blank line between the three
/// ("Journal of the American Academy of Orthopaedic Surgeons" / "292" /
/// "Cartilaginous neoplasms are…", a PDF's text). Not a step of a numbered list
/// (a number line right above the unit: "1" / "Wash your hands" / "2" / …), not a
/// label over its value ("Heart rate" / "72" / "Systolic pressure"), nor a heading
/// over a year ("Discovery of insulin" / "1921").
fn running_header(items: &[Item], idx: usize) -> bool {
    let t = items[idx].unit.text.as_str();
    let (Some(number), Some(after)) = (items.get(idx + 1), items.get(idx + 2)) else {
        return false;
    };
    let bare = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let year = number.unit.text.len() == 4
        && number
            .unit
            .text
            .parse::<u32>()
            .is_ok_and(|y| (1800..2100).contains(&y));
    !items[idx].unit.bullet
        && items[idx].unit.first == items[idx].unit.last
        && crate::text::at_most_words(t, 12)
        && !crate::text::ends_sentence(t)
        && !idx
            .checked_sub(1)
            .is_some_and(|p| bare(&items[p].unit.text))
        && number.unit.first == items[idx].unit.last + 1
        && after.unit.first == number.unit.last + 1
        && bare(&number.unit.text)
        && !year
        && !number.unit.bullet
        && !after.unit.bullet
        && after.words >= RUNNING_HEADER_TEXT
        && after.unit.last > after.unit.first
}

/// Words of the paragraph under a running header and its page number (see
/// [`running_header`]): a page's text, not a label's value or a list's next step.
const RUNNING_HEADER_TEXT: usize = 20;

pub(super) static BREADCRUMB: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^/>»›‹.!?]{1,40}(\s+(/|>|»|›|‹)\s+[^/>»›‹.!?]{1,60}){2,}$"));

/// A short link that points on: at most five words, then "»" or "›", and no
/// other guillemet (a quotation in guillemets is text, French « … » or Swedish
/// » … »): "MORE TENNIS »", "Next
/// Article in World »", "View Gallery »". On the public gold pages' raw text,
/// 1,433 such lines, 4 of them in a gold (a Spanish page's "Más en Opinión ›").
static ONWARD_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:[^\s«‹»›]+ ){0,4}[^\s«‹»›]*\s?[»›]$"));

/// Words of a teaser's text under a section's link ("Consumer Life »" over a
/// headline and its summary): see [`onward_link`].
const TEASER_WORDS: usize = 15;

/// `items[idx]` is a link that points on to another page ([`ONWARD_LINK`]) and
/// ends the block above it ([`DropReason::OnwardLink`]: a heading over that block
/// introduces no text, as a "Complete Coverage »" under a list of headlines
/// shows). Not when one of the next two lines has [`TEASER_WORDS`] words or more:
/// the link then heads a section of teasers, which it labels ("Consumer Life »").
///
/// Measured on the cleaning harness (F1): CleanEval 0.89809 -> 0.90044 (a schools
/// site's "Show All »" and "Show Calendar »" headings), Readability 0.91097 ->
/// 0.91309 (a celebrity site's page of "VIEW ALL VIDEOS »" links), L3S-GN1 +0.00002,
/// CleanPortalEval unchanged, Dragnet -0.00001 (one page -0.02, one +0.09); the
/// medical pages unchanged. Readability's Spanish page loses "Más en Estados
/// Unidos ›", which its gold keeps. As a boilerplate phrase instead, whose lines a
/// heading looks past to its text, the sidebars under such links came back
/// (CleanPortalEval -0.0005, Dragnet -0.0001); without the teaser guard, L3S-GN1
/// lost 0.0001 (two pages -0.077: a section link's teasers kept as text).
fn onward_link(items: &[Item], idx: usize) -> bool {
    !items[idx].unit.code
        && ONWARD_LINK.is_match(&items[idx].unit.text)
        && !items[idx + 1..items.len().min(idx + 3)]
            .iter()
            .any(|n| n.words >= TEASER_WORDS)
}

/// A trail after its label ("You are here: Home / This & That / It's back! HOT
/// giveaway"): the label says it is a trail, so its last crumb, the page's name,
/// may hold a sentence's marks. Measured on the cleaning harness: Dragnet titles 60
/// → 61 of 88 and F1 +0.00005, no other set moved. (Allowing those marks in an unlabelled trail's last
/// crumb took a quoted line of a Readability page, "I love it / it segfaulted /
/// there's a problem in the manual!", for a trail.)
static LABELLED_BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(you are here|you are in|breadcrumbs?)\s*:\s*[^/>»›.!?]{1,60}(\s+(/|>|»|›)\s+[^/>»›]{1,100})+$",
    )
});

/// A trail that starts at the home page with one crumb or more ("Home > Technology",
/// "Home / Blog / Positioning your startup", "HOME | Money"): two crumbs are too few
/// for [`BREADCRUMB`], but a line that opens with "Home" and a separator is a trail
/// (or a menu), never a sentence. Its last crumb, the page's name, may hold a
/// sentence's marks. On the public gold pages' raw text, 181 such lines, none in a
/// gold; the 8 kept before were all two-crumb trails.
static HOME_TRAIL: LazyLock<Regex> = LazyLock::new(|| {
    // A slash is spaced on one side at least: "Home/school diaries" is a heading.
    let sep = r"(?:\s+/\s*|\s*/\s+|\s*[>»›|]\s*)";
    re(&format!(
        r"(?i)^home(?:\s?page)?{sep}[^/>»›|]{{1,100}}(?:{sep}[^/>»›|]{{1,100}})*$"
    ))
});

/// The last crumb of a trail, the page's own name: the text after its last separator
/// ("/", ">", "»", "›", "‹"), trimmed; the whole line when it has none.
fn last_crumb(t: &str) -> &str {
    t.rsplit(['/', '>', '»', '›', '‹'])
        .next()
        .unwrap_or(t)
        .trim()
}

/// The line after `items[idx]` is the last crumb of the trail `t` ("Home / Positioning
/// your startup" over "Positioning your startup"): the trail names the headline below
/// it, wherever it stands (a blog's sidebar may come first).
fn names_next(items: &[Item], idx: usize, t: &str) -> bool {
    let crumb = last_crumb(t);
    crumb.len() < t.len()
        && items
            .get(idx + 1)
            .is_some_and(|n| text::fold_eq(&n.unit.text, &text::fold(crumb)))
}

/// Words of a trail from the home page at most: a trail names a few pages.
const HOME_TRAIL_WORDS: usize = 20;

/// `t`, above the page's first paragraph of text or over the headline it names
/// (`above_text`, see [`names_next`]), is a trail from the
/// home page ([`HOME_TRAIL`]), not a link bar (recorded as one), nor a line of text
/// that starts with "Home" and a slash or an arrow: no sentence's end in it or after
/// it, no figure in per cent (a table's row, "Home | 120 (30%)"), at most
/// [`HOME_TRAIL_WORDS`] words. Below the first paragraph, a how-to's step ("Home >
/// Settings, where you choose …") or a table's row is text. A trail of three crumbs
/// or more is [`BREADCRUMB`]'s, under the same condition of place.
fn home_trail(t: &str, above_text: bool) -> bool {
    above_text
        && HOME_TRAIL.is_match(t)
        && !is_link_bar(t)
        && !t.contains('%')
        && !t.contains(". ")
        && !t.ends_with('.')
        && t.split_whitespace().count() <= HOME_TRAIL_WORDS
}

pub(super) static FORUM_STAT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(posts|messages|reputation|likes|joined|member since)\b.*$"));

/// The fewest words of a line ending on a colon that introduces the next list
/// right under an implicit list's last item (see [`implicit_lists`]): a sentence
/// ("Call a doctor or call 111 straight away if:"), not a part's label ("For the
/// filling:").
const NEXT_INTRO_WORDS: usize = 4;

/// "Symptoms include:" followed by short lines with no bullets: those lines are a list.
/// A line followed by prose ends the run as a heading, unless the layout binds it
/// to the items: it follows close-packed items as closely as they follow each
/// other, and a blank line sets the prose apart from it ("Who to call at night"
/// after "Bleeding that will not stop"), or it and the item before it start in lower
/// case and end without a full stop or a word that needs what follows ([`CUT_ENDS`]), as no heading does
/// ("osteosarcoma", "chondrosarcoma", "spindle cell sarcoma" with the prose right
/// under them: a new user's page lost the last item to a paragraph; no public page
/// or medical page changes). Headline capitals after items that have none still make
/// it a heading. Items have [`LIST_ITEM_WORDS`] words at most, or up to
/// [`CLAUSE_ITEM_WORDS`] when the list's items start in lower case and the item does
/// too, with no full stop; after such a longer item the list goes on only in lower
/// case (a new user's symptom list lost its last two items, of 13 and 7 words, to
/// paragraphs; a page's line of tags after "In this article:" does not take the
/// byline under it as an item). No public or medical page's text changes, and no
/// list of theirs either.
///
/// The last lower-case item before the prose may end on a stop word ("…before he
/// feels sick, not after": a new user's forum post lost it to a paragraph), and a
/// list written as one sentence keeps its last item, full stop and all, after an
/// item that ends on a comma, a semicolon, "and" or "or" ("…is not desirable, and"
/// / "the principle that curbing doping means fairer and safer sport."). Measured:
/// one public page changes, Dragnet R548, whose three-item list had kept only its
/// first item and now has all three; no text changes, nor any medical page.
///
/// The introduction of the next list ([`NEXT_INTRO_WORDS`] words or more, ending on
/// a colon) ends the run as prose does: a leaflet copied with no blank lines
/// ("skin rash" / "Serious side effects" / "Call a doctor straight away if:") had
/// its section heading as the list's last item. Measured (session 59): no public
/// page's text or F1 changes; Dragnet T122's "Aubrey Sampson … with …" is headed
/// like the page's other entries, its quote no longer an item.
pub(super) fn implicit_lists(items: &mut [Item]) {
    let n = items.len();
    let mut i = 0;
    while i < n {
        let intro = &items[i];
        if !(intro.kind == Kind::Open && intro.unit.text.ends_with(':')) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut spaced = false;
        // An item that starts in lower case, with no full stop: no heading starts so
        // ("spindle cell sarcoma" before the prose; "ask for anti-sickness medicine
        // before he feels sick, not after", though it ends on a stop word).
        // A line cut mid-sentence ("…and for some people the") ends on an article, a
        // conjunction or a preposition that needs its noun: no item.
        let fragment = |k: usize| {
            let t = &items[k].unit.text;
            t.chars().next().is_some_and(char::is_lowercase)
                && !text::ends_sentence(t)
                && text::words(t)
                    .last()
                    .is_none_or(|w| !CUT_ENDS.contains(&w.to_lowercase().as_str()))
        };
        // An item as long as a clause ([`CLAUSE_ITEM_WORDS`]: "a bone that breaks
        // after a minor fall or injury (a pathological fracture)"), when it starts
        // in lower case with no full stop, as the list's first item does.
        let lower_items = items
            .get(i + 1)
            .is_some_and(|x| text::starts_lowercase(&x.unit.text));
        let clause_item = |k: usize| {
            lower_items
                && items[k].quality != Quality::Bad
                && text::starts_lowercase(&items[k].unit.text)
                && !text::ends_sentence(&items[k].unit.text)
        };
        let short_item =
            |k: usize| items[k].quality == Quality::Short && items[k].words <= LIST_ITEM_WORDS;
        let item = |k: usize| {
            items[k].kind == Kind::Open
                && (short_item(k) || (clause_item(k) && items[k].words <= CLAUSE_ITEM_WORDS))
                && !items[k].unit.text.ends_with(':')
        };
        // After a clause item, the list goes on only in lower case: a byline under a
        // line of tags is no item.
        let mut clause_seen = false;
        // The last item of a list written as one sentence ("the idea that …,", "the
        // view that …, and", "the principle that … sport."): in lower case, with the
        // full stop, after an item that ends on a comma, a semicolon, "and" or "or".
        let closes_sentence = |k: usize| {
            k > i + 2
                && lower_items
                && items[k].kind == Kind::Open
                && items[k].quality != Quality::Bad
                && items[k].words <= CLAUSE_ITEM_WORDS
                && text::starts_lowercase(&items[k].unit.text)
                && text::ends_full_stop(&items[k].unit.text)
                && {
                    let prev = items[k - 1].unit.text.trim_end();
                    prev.ends_with([',', ';']) || prev.ends_with(" and") || prev.ends_with(" or")
                }
        };
        while j < n
            && (item(j) || closes_sentence(j))
            && (!clause_seen || text::starts_lowercase(&items[j].unit.text))
        {
            if !item(j) {
                j += 1;
                break;
            }
            clause_seen |= !short_item(j);
            // Prose, or the introduction of the next list ("Call a doctor straight
            // away if:"), which is no item: the line before it heads its section
            // ("Serious side effects"). Not a verse's line over the next ("All
            // imperfection, falling short" / "Of every precept I am taught:"): a
            // heading before an introduction has no comma, unless it starts in
            // capitals after an item in lower case.
            let heads_next_list = |x: &Item| {
                let t = items[j].unit.text.trim_end();
                let case_break = !text::starts_lowercase(t)
                    && j > i + 1
                    && text::starts_lowercase(&items[j - 1].unit.text);
                x.unit.text.ends_with(':')
                    && x.words >= NEXT_INTRO_WORDS
                    && !t.ends_with([',', ';'])
                    && (case_break || !t.contains(','))
            };
            let before_prose = items.get(j + 1).is_some_and(|x| {
                x.kind == Kind::Open
                    && (x.quality == Quality::Good || heads_next_list(x))
                    && !(j + 1 < n && (item(j + 1) || closes_sentence(j + 1)))
            });
            let packed = j > i + 1
                && !spaced
                && !items[j].unit.gap_before
                && (items.get(j + 1).is_some_and(|x| x.unit.gap_before)
                    || (fragment(j) && fragment(j - 1)))
                && (!title_case(&items[j].unit.text) || title_case(&items[j - 1].unit.text));
            // An item that goes on counting ("3. Two energy bars" after "2. Trail
            // mix") is the list's, whatever follows it.
            let counts_on = j > i + 1
                && super::chains::number(&items[j].unit.text).is_some_and(|n| {
                    super::chains::number(&items[j - 1].unit.text) == Some(n.wrapping_sub(1))
                });
            if before_prose && !packed && !counts_on {
                break;
            }
            spaced |= j > i + 1 && items[j].unit.gap_before;
            j += 1;
            if before_prose {
                break;
            }
        }
        if j - i > 2 {
            // Items that count up from their numbers ("1. Trail mix") are an ordered
            // list's.
            let run: Vec<usize> = (i + 1..j).collect();
            let ordered = super::chains::counting(items, &run);
            for it in &mut items[i + 1..j] {
                it.kind = Kind::ListItem { ordered };
            }
        }
        i = j.max(i + 1);
    }
}

/// A sentence of text that ends on a colon ("Here are the places we'll visit for the
/// first half of 2013, not including within the states:") introduces the short lines
/// under it: they are its list, though the page's sidebar repeats them ("Bahrain",
/// "Sri Lanka" stand alone four times on the page) or they look like a menu. Late in
/// classification (after the runs, comments and related content are settled, before
/// the lone-prose rescue), such lines dropped on the page's own evidence of shape or
/// repetition (a block shown twice, a menu, a short line with no text after it,
/// lines between boilerplate or away from the text, a line standing alone up to
/// [`ITEM_SHOWN_AGAIN`] times) come back as the list's items, and the record warns
/// with their lines. The introduction is a kept line of [`INTRO_WORDS`] words or more
/// with the qualities of text that asks nothing of the reader ([`INTRO_CALL`]); the
/// items follow it at once, each of [`LIST_ITEM_WORDS`] words at most, no sentence
/// (no full stop or other sentence end, no "label: value"), no code, from
/// [`LIST_MIN_ITEMS`] to [`LIST_MAX_ITEMS`] of them, two or more dropped. A kept
/// bulleted item goes on the list; a kept heading does only when another item follows
/// it (a heading that text follows, "Side effects", is the next section). Known
/// furniture (a boilerplate phrase, a call to action, comments, related links, a
/// running header) ends the list and stays out. A line found on other pages of the
/// corpus may go on a list of [`LIST_MIN_ITEMS`] items or more, never begin one (a
/// site's "Subscriber Content" and related research under a sentence that ends on a
/// colon: Dragnet R247, -0.044 when it could).
/// Measured on the public cleaning sets (session 54), each set cleaned as one corpus:
/// two pages better, one worse: Dragnet R84 (a tour's 23 destinations, which the
/// site's sidebar lists too; recall 0.51 -> 0.81), Readability's mercurial (a run of
/// commands); Dragnet T76 -0.0015 (three brands named as "the following products",
/// which its gold leaves out). F1 Dragnet 0.9099 -> 0.9100, the others and the
/// medical pages unchanged. Versions measured and not kept: without the sentence test
/// on items, a Dragnet page's tags under a lede that ends on a colon came back (R789,
/// -0.035); with every running header, an RFC's page headers ("Internet-Draft …
/// December 2014") became items; taking table rows and any heading with a short line
/// after it also brought back L3S-GN1's 59 invited players (+0.28, headed in part by
/// headings among bulleted lines) and Readability's table of developers (+0.010), but
/// the same test took a section heading with its own bulleted list into the list
/// before it. A stranger's review found the call to follow the site, the section
/// heading after a list, the running headers and the table rows.
///
/// Bulleted items (session 62): a clause of [`BULLETED_INTRO_WORDS`] words or more,
/// a stop word among them, not of bad quality, introduces them ("The main
/// treatments for osteosarcoma are:"), and a bulleted line the corpus's other pages
/// hold may begin the list: four pages of one site that list "- surgery", "-
/// chemotherapy", "- radiotherapy" lost the three as site navigation, leaving the
/// sentence that introduces them hanging. No public page changes (their scraped
/// text keeps no bullets under such a sentence). Items in lower case count as
/// marked too ([`marked_item`]: innerText drops bullets, and a menu's links are
/// capitalised); no public page changes either.
pub(super) fn lists_under_their_introduction(items: &mut [Item], log: &mut Log) {
    let n = items.len();
    // A short line of the list: no sentence, no "label: value", no code or table row,
    // no longer than an item.
    let short = |it: &Item| {
        let t = it.unit.text.trim_end();
        it.words > 0
            && it.words <= LIST_ITEM_WORDS
            && !it.unit.code
            && !it.unit.cells
            && !t.ends_with(':')
            && !t.contains(": ")
            && !text::ends_sentence(t)
            && !t.contains(". ")
    };
    // A line dropped on the page's own evidence of shape or repetition, the `k`th of
    // the run (1 for the first).
    let restorable = |it: &Item, k: usize| match &it.kind {
        Kind::Drop(
            DropReason::RepeatedBlock
            | DropReason::NavigationMenu
            | DropReason::NoTextAfter
            | DropReason::BetweenBoilerplate { .. }
            | DropReason::OutsideMainText,
        ) => true,
        // An item the page's sidebar shows again stands alone two or three times
        // more; a running header ("Internet-Draft remoteStorage December 2014" on
        // each of an RFC's twenty pages), on every page.
        Kind::Drop(DropReason::RunningHeader { times }) => *times <= ITEM_SHOWN_AGAIN,
        // The site's other pages list some of the items too (a sidebar of countries):
        // such a line goes on a list that has LIST_MIN_ITEMS items already. A
        // bulleted one may begin it: the site's pages on one subject share the
        // items of their lists ("- surgery", "- chemotherapy").
        Kind::Drop(DropReason::RepeatedAcrossPages { .. }) => marked_item(it) || k > LIST_MIN_ITEMS,
        _ => false,
    };
    let mut i = 0;
    while i < n {
        let intro = &items[i];
        // Over bulleted lines, a shorter clause introduces them ("The main
        // treatments are:"): the bullets say they are a list.
        let bulleted = items.get(i + 1).is_some_and(marked_item);
        if !(matches!(intro.kind, Kind::Paragraph | Kind::Open)
            && ((intro.quality == Quality::Good && intro.words >= INTRO_WORDS)
                || (bulleted
                    && intro.quality != Quality::Bad
                    && intro.words >= BULLETED_INTRO_WORDS
                    && text::words(&intro.unit.text).any(text::is_stop_word)))
            && intro.unit.text.trim_end().ends_with(':')
            && !INTRO_CALL.is_match(last_sentence(&intro.unit.text)))
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut dropped = 0;
        while j < n && short(&items[j]) {
            let k = j - i;
            if restorable(&items[j], k) {
                dropped += 1;
            } else {
                match &items[j].kind {
                    Kind::Paragraph | Kind::Open | Kind::ListItem { ordered: false } => {}
                    // A kept heading is an item when a dropped item follows it; when
                    // text or a list of its own does ("Side effects" over "- Hair
                    // loss"), it is the next section.
                    Kind::Heading
                        if items
                            .get(j + 1)
                            .is_some_and(|x| short(x) && restorable(x, k + 1)) => {}
                    _ => break,
                }
            }
            j += 1;
        }
        let count = j - i - 1;
        if (LIST_MIN_ITEMS..=LIST_MAX_ITEMS).contains(&count) && dropped >= 2 {
            for it in &mut items[i + 1..j] {
                it.kind = Kind::ListItem { ordered: false };
            }
            log.warn(
                items[i + 1].unit.first,
                format!(
                    "lines {}-{} are kept as the list that the sentence on line {} introduces, though {dropped} of them looked like page furniture (a menu, lines the page repeats, short lines between boilerplate): check them",
                    items[i + 1].unit.first,
                    items[j - 1].unit.last,
                    items[i].unit.last
                ),
            );
        }
        i = j.max(i + 1);
    }
}

/// A table that the text introduces is kept, though each of its rows looked like a
/// short line with no text after it: a run of [`TABLE_MIN_ROWS`] or more one-line
/// table rows (`Unit::table_row`: cells split by tabs, runs of spaces or pipes),
/// every row removed on the page's own evidence of shape or repetition (a block
/// shown twice, a short line with no text after it, lines between boilerplate or
/// away from the text, a line standing alone up to [`ITEM_SHOWN_AGAIN`] times; a
/// copy of the row above stays removed), comes back whole when it is introduced:
/// - it stands under a kept paragraph or list item of prose ([`TABLE_TEXT_WORDS`]
///   words or more, of good quality), or under the last row of a table that this
///   rule brought back, with at most [`TABLE_CAPTION_LINES`] short lines between
///   (restorable lines or kept headings of at most [`TABLE_CAPTION_WORDS`] words,
///   not code, not of bad quality: "Most active OpenOffice developers" / "By
///   changesets", a poll's question); lines that say nothing of their
///   neighbours (a copy of a line, stray markup) are looked past;
/// - and it has a caption, or that paragraph ends on a colon or a question (a
///   poll's results under it): a table right under an article's last paragraph
///   with nothing of its own is a sidebar's. (Kept text after the table was
///   measured as a third sign and moved no page: a table with text under it is
///   seldom dropped.)
///
/// The restored caption lines become paragraphs, the rows a table's rows, and the
/// record warns with their lines. The run right under the table (past lines that
/// say nothing of their neighbours), or the rest of the run that held the table,
/// when the run model dropped it on its probability alone as text away from the
/// main text (`runs::ModelDrop`: a run dropped as a teaser stream or as other
/// stories' teasers is not one), comes back too, to that run's end, each item as
/// it was before the drop (a list item stays one, a line dropped for another reason
/// stays dropped): the removed table between it and the text was what set it
/// apart. Readability's lwn-1: the paragraphs between its tables of OpenOffice and
/// LibreOffice developers, 0.966 -> 0.995, no other page moved. (A first version
/// restored every line dropped as away from the text down to the next line dropped
/// otherwise, as a paragraph or a heading by its shape; a stranger's review showed
/// it would bring back teasers and make a list's items headings.) A row dropped as a menu, as known furniture or as
/// a line that other pages of the corpus print leaves the table removed, and so
/// does a kept row among the dropped ones (a table half kept is
/// `keep_whole_tables`'s). Runs late, after `keep_whole_tables`.
///
/// Measured on the public cleaning sets (session 55), each set cleaned as one
/// corpus: two pages better, none worse. Dragnet T60 0.806 -> 0.984 (a page of
/// poll results, each table under its question), Readability's lwn-1 0.944 ->
/// 0.995 (tables of developers under their captions, and the text between them);
/// F1 Dragnet 0.91000 -> 0.91011, Readability 0.92325 -> 0.92365, the other sets
/// and the medical pages unchanged. Of the 153 tables of three rows or more that the public pages lose
/// whole, 12 hold gold text; most of the others stand under labels that the corpus
/// repeats (an L3S-GN1 scoreboard under "SCOREBOARD") or away from any text. A first
/// version that asked for no caption, colon, question or text after also kept a
/// line-up table between two paragraphs (Dragnet T51, +0.027), but would take a
/// sidebar's table under an article's last paragraph (a stranger's review); two
/// rows and three caption lines took an L3S-GN1 sidebar table (-0.003).
///
/// A table right under the text (no caption line between) that nothing introduces
/// comes back only when a cell holds a figure or a phrase ([`TABLE_PHRASE_WORDS`]),
/// its rows those of [`under_text_table_end`], and the record warns to check it is
/// the page's, naming the run's rows left out (session 57: a dose table that ends a
/// page was lost whole; a grid of labels, "Print⇥Subscribe", stays removed; session
/// 58: a short row, a header short of its corner or a footer's grid under it no
/// longer loses the whole table). On the public sets it brings back one
/// table, Dragnet T51's line-up (+0.026; Dragnet 0.91016 -> 0.91031), and no other
/// page moves.
pub(super) fn tables_under_their_text(
    items: &mut [Item],
    model_drops: &[&ModelDrop],
    log: &mut Log,
) {
    let n = items.len();
    let restorable = |it: &Item| match &it.kind {
        Kind::Drop(
            DropReason::RepeatedBlock
            | DropReason::NoTextAfter
            | DropReason::BetweenBoilerplate { .. }
            | DropReason::OutsideMainText,
        ) => true,
        Kind::Drop(DropReason::RunningHeader { times }) => *times <= ITEM_SHOWN_AGAIN,
        _ => false,
    };
    let transparent = |it: &Item| matches!(&it.kind, Kind::Drop(r) if r.is_transparent());
    let row = |it: &Item| it.unit.table_row().is_some();
    let prose = |it: &Item| {
        matches!(
            it.kind,
            Kind::Paragraph | Kind::Open | Kind::ListItem { .. }
        ) && it.quality == Quality::Good
            && it.words >= TABLE_TEXT_WORDS
    };
    // The last row of the last table this rule brought back.
    let mut restored_end: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if !row(&items[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && row(&items[j]) {
            j += 1;
        }
        let rows = &items[i..j];
        let dropped = rows.iter().filter(|it| restorable(it)).count();
        let whole = rows.iter().all(|it| restorable(it) || transparent(it));
        if dropped < TABLE_MIN_ROWS {
            i = j;
            continue;
        }
        // Up from the table: its caption's lines, then the text or a table kept so.
        let mut captions = Vec::new();
        let mut k = i;
        let mut anchor = None;
        while k > 0 {
            k -= 1;
            let it = &items[k];
            if transparent(it) {
                continue;
            }
            if prose(it) || (row(it) && restored_end == Some(k)) {
                anchor = Some(k);
                break;
            }
            let caption = (restorable(it) || it.kind == Kind::Heading)
                && !row(it)
                && (1..=TABLE_CAPTION_WORDS).contains(&it.words)
                && it.quality != Quality::Bad
                && !it.unit.code;
            if !caption || captions.len() == TABLE_CAPTION_LINES {
                break;
            }
            captions.push(k);
        }
        // Introduced: by a caption, or by a sentence ending on a colon or a question.
        let introduced = whole
            && anchor.is_some_and(|a| {
                !captions.is_empty() || items[a].unit.text.trim_end().ends_with([':', '?'])
            });
        // Or a table of figures right under the text, nothing between: the rows
        // from the first ([`under_text_table_end`]).
        let same_end = under_text_table_end(&items[i..j], &restorable, &transparent) + i;
        let figures_under_text = !introduced
            && anchor.is_some()
            && captions.is_empty()
            && items[i..same_end]
                .iter()
                .filter(|it| !transparent(it))
                .count()
                >= TABLE_MIN_ROWS
            && items[i..same_end].iter().any(|it| {
                it.unit.table_row().is_some_and(|r| {
                    r.iter().any(|c| {
                        c.chars().any(|ch| ch.is_ascii_digit())
                            || c.split_whitespace().count() >= TABLE_PHRASE_WORDS
                    })
                })
            });
        let run_end = j;
        let j = if figures_under_text { same_end } else { j };
        if introduced || figures_under_text {
            for &c in &captions {
                if restorable(&items[c]) {
                    items[c].kind = Kind::Paragraph;
                }
            }
            for it in &mut items[i..j] {
                if restorable(it) {
                    it.kind = Kind::Paragraph;
                }
            }
            restored_end = Some(j - 1);
            // The run right under the table (past lines that say nothing of their
            // neighbours), which the run model dropped on its probability, as a
            // run away from the main text, while the table stood removed between
            // the two (or that held the table, kept then): from the table to the
            // run's end, it goes on from the table, each item as it was.
            let mut last = j - 1;
            let next = (j..n).find(|&k| !transparent(&items[k]));
            let holding = |k: usize| {
                model_drops
                    .iter()
                    .find(move |d| (d.first..d.first + d.kinds.len()).contains(&k))
                    .map(|d| (k, d))
            };
            if let Some((next, drop)) = next.and_then(holding) {
                for (k, kind) in (drop.first..).zip(&drop.kinds).skip(next - drop.first) {
                    if items[k].kind == Kind::Drop(DropReason::OutsideMainText) {
                        items[k].kind = kind.clone();
                        last = k;
                    }
                }
            }
            let from = captions.last().copied().unwrap_or(i);
            const FURNITURE: &str = "short lines with no text after them, lines the page repeats or lines between boilerplate";
            let (start, message) = if figures_under_text {
                let kept = items[i..j].iter().filter(|it| !transparent(it)).count();
                // Rows of the run left out (a footer's grid, a row of another
                // width at the end) are named, so nothing goes unsaid.
                let left = (j..run_end)
                    .filter(|&k| !transparent(&items[k]) && matches!(items[k].kind, Kind::Drop(_)))
                    .collect::<Vec<_>>();
                let left = match (left.first(), left.last()) {
                    (Some(&a), Some(&b)) if items[a].unit.first == items[b].unit.last => format!(
                        "; line {} under it, a row of another width or dropped otherwise, is not part of it",
                        items[a].unit.first
                    ),
                    (Some(&a), Some(&b)) => format!(
                        "; lines {}-{} under it, rows of another width or dropped otherwise, are not part of it",
                        items[a].unit.first, items[b].unit.last
                    ),
                    _ => String::new(),
                };
                (
                    i,
                    format!(
                        "a table right under the text, though no caption, colon or question introduces it and its {kept} rows looked like page furniture ({FURNITURE}): check it is the page's and not a sidebar's{left}"
                    ),
                )
            } else {
                (
                    from,
                    format!(
                        "the table that the text above introduces, with its caption and the text under it, though its {dropped} rows looked like page furniture ({FURNITURE}): check them"
                    ),
                )
            };
            log.warn(
                items[start].unit.first,
                format!(
                    "lines {}-{} are kept as {message}",
                    items[start].unit.first, items[last].unit.last
                ),
            );
            if figures_under_text {
                i = run_end;
                continue;
            }
        }
        i = j;
    }
}
/// The end (exclusive, an index into `run`) of the table that a run of table rows
/// under the text starts with, for [`tables_under_their_text`]: its rows are those
/// the classifier removed as restorable (`restorable`; lines that say nothing of
/// their neighbours, `transparent`, are passed), of the table's width, which is
/// its first row's, or one more when the second row has one more (a header that
/// lost its empty top-left cell, "Osteosarcoma⇥Ewing sarcoma" over "Usual
/// age⇥10 to 25⇥10 to 20"; `assemble` warns of it). A row of fewer cells, two or
/// more, belongs to it when a row of its width follows ("Regional⇥95" between two
/// full rows). It ends at the first other row: one dropped as a menu or furniture,
/// or one of another width (a footer's link grid under it, "About us⇥Contact
/// us"). 0 when the run is empty.
fn under_text_table_end(
    run: &[Item],
    restorable: &dyn Fn(&Item) -> bool,
    transparent: &dyn Fn(&Item) -> bool,
) -> usize {
    let cells = |it: &Item| it.unit.table_row().map_or(0, <[String]>::len);
    let rows: Vec<usize> = (0..run.len()).filter(|&k| !transparent(&run[k])).collect();
    let Some(&first) = rows.first() else {
        return 0;
    };
    let w0 = cells(&run[first]);
    let width = match rows.get(1) {
        Some(&k) if cells(&run[k]) == w0 + 1 => w0 + 1,
        _ => w0,
    };
    let mut end = 0;
    for &k in &rows {
        let c = cells(&run[k]);
        if !restorable(&run[k]) {
            break;
        }
        if c == width || k == first {
            end = k + 1;
        } else if !(2..width).contains(&c) {
            break;
        }
    }
    end
}

/// The fewest words of a cell that makes a table under the text data, not a grid
/// of labels ("Males after puberty", not "Print⇥Subscribe").
const TABLE_PHRASE_WORDS: usize = 3;
/// The fewest rows of a table that [`tables_under_their_text`] brings back (two
/// rows also took an L3S-GN1 sidebar's table, -0.003).
const TABLE_MIN_ROWS: usize = 3;
/// The fewest words of the paragraph of prose above such a table: a clause, as a
/// list's introduction has ([`INTRO_WORDS`]).
const TABLE_TEXT_WORDS: usize = 10;
/// The most lines of its caption, between the text and the table: a title and a
/// sort order ("Most active OpenOffice developers" / "By changesets", Readability's
/// lwn-1); three took an L3S-GN1 sidebar's table (-0.003).
const TABLE_CAPTION_LINES: usize = 2;
/// The most words of a caption's line: a poll's question over its results runs to
/// 26 ("Do you feel Mark Rogers (5.91 ERA, two walks and 12 strikeouts in 10.2 MLB
/// innings) deserves another shot …?", Dragnet T60).
const TABLE_CAPTION_WORDS: usize = 30;

/// The last sentence of a paragraph: after its last ". ", "! " or "? " (the whole
/// paragraph when it has one sentence).
fn last_sentence(t: &str) -> &str {
    [". ", "! ", "? "]
        .iter()
        .filter_map(|end| t.rfind(end))
        .max()
        .map_or(t, |at| &t[at + 2..])
}
/// The fewest words of a sentence that introduces a list in
/// [`lists_under_their_introduction`]: a clause with a verb ("Here are the places
/// we'll visit …:"), not a label ("Share this:", "Related posts:").
const INTRO_WORDS: usize = 10;
/// A line marked as a list's item, not a menu's: bulleted, or starting in lower
/// case ("chemotherapy", "surgery"; a menu's links are capitalised).
fn marked_item(it: &Item) -> bool {
    it.unit.bullet || text::starts_lowercase(&it.unit.text)
}

/// The fewest words of a sentence that introduces a bulleted list in
/// [`lists_under_their_introduction`] ("The main treatments for osteosarcoma are:").
const BULLETED_INTRO_WORDS: usize = 5;
/// The fewest items of such a list.
const LIST_MIN_ITEMS: usize = 3;
/// The most: a longer run under a sentence is a site's menu or index, not the
/// sentence's list (the public pages' longest list under a sentence, L3S-GN1's
/// invited players, has 59 items).
const LIST_MAX_ITEMS: usize = 80;
/// The most times a line of such a list may stand alone on its page: the list's
/// line and the page's sidebars or menus showing it again (Dragnet R84's countries,
/// three and four times).
const ITEM_SHOWN_AGAIN: usize = 4;

/// A sentence that asks the reader to follow, share, subscribe or read on introduces
/// the site's links, not the article's list ("Follow us on social media to keep up
/// with our latest news:", "Stay in touch with the team on these sites:", "You may
/// also like these related articles:"). Only the asking phrases, read in the
/// introduction's last sentence: "Your child's follow-up appointments will include
/// the following tests:" and "The risks of surgery related to the tumour's site
/// include:" introduce lists.
static INTRO_CALL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:follow (?:us|me)|(?:like|find|follow|join) us on|share (?:this|it) (?:with|on)|subscribe|sign up (?:for|to)|social media|stay (?:in touch|connected)|mailing list|inbox|spread the word|(?:our|the) newsletter|related (?:articles|stories|posts|links|content|reading)|you(?:'ll| will| may| might)? also (?:like|enjoy|be interested)|also (?:viewed|visited|read)|(?:read|see) more (?:stories|articles|posts|from)|more (?:stories|articles|posts) (?:from|like)|check out (?:these|our|more)|keep reading)\b",
    )
});

/// Words that end a line cut mid-sentence, not a list's item: an article, a
/// conjunction or a preposition that needs what follows ("…for some people the").
const CUT_ENDS: [&str; 13] = [
    "the", "a", "an", "of", "to", "and", "or", "for", "with", "from", "by", "that", "which",
];

/// The most words of an item of a list without bullets ([`implicit_lists`]).
const LIST_ITEM_WORDS: usize = 12;
/// The most words of such an item that starts in lower case with no full stop, in a
/// list whose first item starts in lower case: a clause, not a paragraph.
const CLAUSE_ITEM_WORDS: usize = 20;

/// A line that starts with a quantity and a lower-case word: "2 tablespoons olive oil",
/// "1 large sweet onion, chopped", "1 1/2 cups flour", "2 (14.5-ounce) cans beans",
/// "1-2 tablets a day". (A numbered list's "1." or "1)" is not one: [`ORDERED`].)
static QUANTITY_LED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\d+(?:[./-]\d+)*(?:\s+\d/\d)?|[½¼¾⅓⅔⅛])\s+(?:\([^)]{1,30}\)\s*)?\p{Ll}")
});

/// [`QUANTITY_LED`] with a unit of measure, a size or a container after the number:
/// the lines of a recipe's ingredients or of a dosing table ("4 cups chicken broth",
/// "3 large cloves garlic", "5 mg twice daily"), never a counter ("3 replies") or a
/// ranked list of searches ("1 beyonce falling").
static QUANTITY_WITH_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\d+(?:[./-]\d+)*(?:\s+\d/\d)?|[½¼¾⅓⅔⅛])\s*(?:\([^)]{1,30}\)\s*)?(?:cups?|c\.|tablespoons?|tbsps?\.?|teaspoons?|tsps?\.?|ounces?|oz\.?|pounds?|lbs?\.?|grams?|g|kg|mg|mcg|µg|ml|millilit(?:re|er)s?|lit(?:re|er)s?|l|pints?|quarts?|gallons?|pinch(?:es)?|dash(?:es)?|cloves?|cans?|jars?|packages?|pkgs?\.?|sticks?|slices?|sprigs?|bunch(?:es)?|heads?|stalks?|ribs?|large|medium|small|whole|handfuls?|drops?|sheets?|pieces?|inch(?:es)?|units?|tablets?|capsules?|puffs?)\b",
    )
});

/// Lines with a quantity and a unit a run needs to be a list ([`quantity_lists`]).
const MIN_QUANTITY_LINES: usize = 3;
/// Words any line of a quantity list may have ("Salt and freshly ground black pepper
/// to taste" among the ingredients).
const MAX_QUANTITY_LIST_WORDS: usize = 12;
/// Words a line that starts with a quantity may have ("6 cups of butternut squash,
/// peeled & diced into 1/2\" pieces (about 2 medium squash, 3 pounds total)").
const MAX_QUANTITY_LINE_WORDS: usize = 30;

/// A recipe's ingredients or a dosing table with no bullets: a run of lines, from
/// the first that starts with a quantity ([`QUANTITY_LED`], [`QUANTITY_WITH_UNIT`])
/// to the last, at least half of them so and [`MIN_QUANTITY_LINES`] with a unit of
/// measure, the others short ([`MAX_QUANTITY_LIST_WORDS`]), blank lines between
/// them or not. Each line is a list item, kept: short and without a verb, each
/// looked like a menu's label, and the recipe's steps below, cut off from the text
/// above, went as a sidebar. A quantity line the site's other pages also print
/// ("1/2 cup sugar") is an item too; a line that ends with a colon ("For the
/// filling:") stays as it was inside the run; a numbered item or low-density text
/// that starts with no quantity ends the run.
pub(super) fn quantity_lists(items: &mut [Item]) {
    let led = |it: &Item| {
        let t = it.unit.text.trim();
        QUANTITY_LED.is_match(t) || QUANTITY_WITH_UNIT.is_match(t)
    };
    // A line of the run: open (a long quantity line may read as low-density text),
    // an unnumbered list item, or a quantity line the site's other pages print too.
    // A line that ends with a colon ("For the filling:") heads a part of the list: it
    // stays in the run, as it was, and is no item.
    let heads_part = |it: &Item| it.unit.text.trim_end().ends_with(':');
    let member = |it: &Item| {
        let kind_ok = match it.kind {
            Kind::Open => it.quality != Quality::Bad || led(it),
            Kind::ListItem { ordered } => !ordered,
            Kind::Drop(DropReason::RepeatedAcrossPages { .. }) => led(it),
            _ => false,
        };
        kind_ok
            && !it.unit.code
            && (it.words <= MAX_QUANTITY_LIST_WORDS
                || (it.words <= MAX_QUANTITY_LINE_WORDS && led(it)))
    };
    let mut i = 0;
    while i < items.len() {
        if !member(&items[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < items.len() && member(&items[end]) {
            end += 1;
        }
        let run = i..end;
        i = end;
        let (Some(first), Some(last)) = (
            run.clone().find(|&k| led(&items[k])),
            run.clone().rev().find(|&k| led(&items[k])),
        ) else {
            continue;
        };
        let span = &items[first..=last];
        let quantities = span.iter().filter(|it| led(it)).count();
        let units = span
            .iter()
            .filter(|it| QUANTITY_WITH_UNIT.is_match(it.unit.text.trim()))
            .count();
        if units >= MIN_QUANTITY_LINES && quantities * 2 >= span.len() {
            for it in &mut items[first..=last] {
                if !heads_part(it) {
                    it.kind = Kind::ListItem { ordered: false };
                }
            }
        }
    }
}

/// Headline-style capitals: three words or more, and at least 70% of the words of
/// four letters or more start with a capital ("Google Runs a Little Nemo Comic").
pub(super) fn title_case(t: &str) -> bool {
    let long: Vec<&str> = t.split(' ').filter(|w| w.chars().count() >= 4).collect();
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    t.split(' ').count() >= 3 && !long.is_empty() && caps * 10 >= long.len() * 7
}

/// A line of HTML tags, one with an attribute at least, and at most two words of
/// text between them (`<div style="position:absolute;"><img width=1 height=1 src=…>`):
/// markup a scrape kept. Beside another line of markup it may be a code sample
/// (a tutorial's listing): the classifier removes it only alone among text lines
/// ([`DropReason::StrayMarkup`]); as a title it is never right, alone or not
/// (`title::never_title`). In the public sets,
/// 45 such lines stand alone among text lines, none of them in a gold text.
pub(super) fn stray_markup(t: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"));
    static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| re(r"<[A-Za-z][^<>]*\s[\w-]+="));
    let t = t.trim();
    t.starts_with('<')
        && t.ends_with('>')
        && ATTRIBUTE.is_match(t)
        && text::word_count(&TAG.replace_all(t, " ")) <= 2
}

/// Pages a long line (over 80 bytes) must appear on, verbatim, to be the site's.
const LONG_REPEAT_PAGES: usize = 4;

/// Whether a page is a copy of other pages of the corpus, whose repeated long lines
/// are its own text. `long_pages`: per unit, the pages with its text when it is a
/// long line. The lines on [`LONG_REPEAT_PAGES`] pages or more must be over a third
/// of its long lines' bytes, and also, when the page has [`COPY_PROSE_LINES`] long
/// lines of prose or more, over half of those or more than [`SITE_BLOCKS`] of them.
/// Bytes, because an article that four sites carry, each copy with its own reference
/// list of many shorter lines, is a copy by the length of its shared paragraphs;
/// lines of prose, because a site's sidebar of a few long blocks (a testimonial, an
/// author's blurb, a comment policy) can outweigh a short post in bytes, and its
/// post's paragraphs are still the page's own. Prose: English stop words three in
/// ten or more, as in running text; reference entries, link bars and text in another
/// language mostly fall below and count by bytes only. Measured on the cleaning
/// harness (bytes alone → both): Dragnet 0.8895 → 0.8937, the other sets and the
/// medical pages unchanged; without the [`SITE_BLOCKS`] bound 0.8940, with lines of
/// any kind instead of prose 0.8923.
fn copy_of_others(items: &[Item], long_pages: &[Option<usize>]) -> bool {
    let (mut repeated_bytes, mut long_bytes) = (0, 0);
    let (mut repeated_prose, mut prose) = (0, 0);
    for (it, pages) in items.iter().zip(long_pages) {
        let Some(n) = pages else { continue };
        let is_prose = usize::from(it.words > 0 && it.stops * 10 >= it.words * 3);
        long_bytes += it.unit.text.len();
        prose += is_prose;
        if *n >= LONG_REPEAT_PAGES {
            repeated_bytes += it.unit.text.len();
            repeated_prose += is_prose;
        }
    }
    let by_bytes = repeated_bytes * 3 > long_bytes;
    let by_prose =
        prose < COPY_PROSE_LINES || repeated_prose * 2 > prose || repeated_prose > SITE_BLOCKS;
    by_bytes && by_prose
}

/// Long lines of prose a page needs for their count to say it is no copy
/// ([`copy_of_others`]): with fewer, bytes alone decide (a test page of two
/// paragraphs, one shared).
const COPY_PROSE_LINES: usize = 3;

/// Repeated long lines of prose a site's furniture may have on one page ([`copy_of_others`]):
/// with more, the page is a copy of a shared text (a leaflet that several hospital
/// sites print, each with prose of its own around it), whose paragraphs stay. Three
/// measured Dragnet 0.8921, four 0.8937, no bound 0.8940.
const SITE_BLOCKS: usize = 4;

/// Words from which a short line (80 characters or fewer) that ends a sentence is
/// a site's sentence when [`LONG_REPEAT_PAGES`] pages or more of the corpus print it
/// ("For complete area coverage pick up a newspaper copy at a store near you.",
/// "Follow @nytimesworld for international breaking news and headlines.", AP's "This
/// material may not be published, broadcast, rewritten, or redistributed."). A
/// line shaped like a heading, a list item or a question is never one (a template's question headings,
/// "What's the Big Idea?", and a leaflet's bulleted advice are content), nor a
/// sentence of five words or fewer ("The vote passed.", "Talk to your doctor."),
/// which pages of different sites share. Against the rule left out: CleanPortalEval
/// 0.9779 -> 0.9804 (5 pages better), L3S-GN1 0.9407 -> 0.9419 (15 better), Dragnet
/// 0.8970 -> 0.8979 (54 better, 7 worse: gold keeps a byline "Post written by Leo
/// Babauta.", a blog's tagline); CleanEval, Readability and the medical pages
/// unchanged. Four words, headings and questions included, measured the same in all
/// but 34 Dragnet pages, 23 of them worse with it.
const SHORT_SENTENCE_WORDS: usize = 6;

/// Drop the site's short sentences ([`SHORT_SENTENCE_WORDS`]) among the units still
/// open once lists are found (a list's items, bulleted, numbered or implicit, are
/// never taken), unless the page is a copy of others (`site_sentences` false). A
/// line shaped like a heading or a question is never one either.
pub(super) fn drop_site_sentences(items: &mut [Item], corpus: &Corpus, site_sentences: bool) {
    if !site_sentences || corpus.pages < 2 {
        return;
    }
    for it in items.iter_mut() {
        let t = it.unit.text.as_str();
        if it.kind == Kind::Open
            && !it.heading
            && !it.unit.bullet
            && text::chars_at_most(t, 80)
            && !t
                .trim_end_matches(['"', '\'', ')', ']', ' ', '\u{201d}', '\u{2019}'])
                .ends_with('?')
            && text::ends_full_stop(t)
            && !text::at_most_words(t, SHORT_SENTENCE_WORDS - 1)
            && let Some(kind) = repeated_sentence(Some(corpus.pages_with_line(t)))
        {
            it.kind = kind;
        }
    }
}

/// Unit `idx` is a table's header row: a table row right over two rows or more of
/// as many cells. A site's drug pages share their tables' header ("Side
/// effect⇥How common"); dropped as navigation, it left the first row of figures as
/// the header (found by a subagent's table attack, session 57). A widget repeated
/// whole on every page (a rates box) still goes: its rows are dropped as
/// navigation, and its header, alone then, by the context rules. On the public
/// cleaning sets no page changes.
fn header_of_own_table(items: &[Item], idx: usize) -> bool {
    let Some(n) = items[idx].unit.table_row().map(<[String]>::len) else {
        return false;
    };
    let rows = items[idx + 1..]
        .iter()
        .take_while(|it| it.unit.table_row().map(<[String]>::len) == Some(n))
        .count();
    rows >= 2
}

/// The most words of a section heading a site's pages share ([`heads_own_text`]).
const SHARED_HEADING_WORDS: usize = 6;
/// The fewest words of the prose around such a heading: a promotion's blurb under
/// its heading ("Horoscopes" / "Check your daily horoscope and much more.") is shorter.
const SHARED_HEADING_PROSE_WORDS: usize = 12;

/// Unit `idx` is a section heading the site's pages share, inside this page's text:
/// a short line ([`SHARED_HEADING_WORDS`] words at most) in capitals, with no
/// sentence end, after the page's first line of prose, between two units of the
/// page's own (each on this page only, neither boilerplate), the one under it prose
/// or the introduction of a list ("These happen in more than 1 in 100 people:"). A
/// site's drug leaflets all have "Common side effects"; dropped as navigation, each
/// leaflet lost the heading over its side effects (found by a new-user subagent,
/// session 59). A menu's line has menu lines or the page's edge around it. The prose
/// around it has [`SHARED_HEADING_PROSE_WORDS`] words or more, the prose above ends
/// a sentence (not a headline over an agency's name), and the line holds no digit,
/// "|", "@", "(" or "#" and names no box of other stories ("Related coverage", "More
/// news", "You may also like"). Measured on the public cleaning sets, each cleaned
/// as one corpus: Dragnet 0.91028 -> 0.91039 (30 pages better, up to +0.014, by
/// section headings their gold keeps: "How It Works", "Permissions"; three worse,
/// by 0.001 at most), L3S-GN1 +0.00001 (three BBC pages keep "Have your say", -0.006
/// at most), Readability +0.00003, CleanEval -0.00001; the medical pages unchanged.
/// Without the limits on the prose and the line, Dragnet gained 0.0002 but L3S-GN1
/// lost 0.0009: a TV station's promotions ("Horoscopes" / "Check your daily
/// horoscope…") and "Press Trust of India" as a title.
///
/// A section's paragraph may be short (session 62): under the heading, a sentence of
/// [`SHORT_SECTION_WORDS`] words or more that names a word of the page's first
/// paragraph ([`topic_words`]: "Treatment for chordoma usually includes surgery."),
/// over it the prose above or, when the shared heading kept last heads it, such a
/// short paragraph ("Treatment" / its sentence / "Symptoms"), of any density of
/// stop words. Three pages of one site lost both headings and the first's sentence.
/// One public page moves (L3S-GN1 +0.014, the set +0.00002); taking any sentence over the heading
/// kept a share button's "Share This Story" under a promotion's blurb ("Get the
/// latest news, photos and more for S. Fla. teams.", L3S-GN1 -0.000005), so a
/// heading under a short sentence that is no section ("Check with your pharmacist
/// before taking any new medicine." / "Possible side effects") still goes.
///
/// The prose around it may be prose the site's pages share, on fewer pages than make
/// it the site's own text ([`LONG_REPEAT_PAGES`], so it is kept): a charity's pages
/// say the same before and under "Diagnosis" (session 62; L3S-GN1 +0.00006, two
/// pages +0.019; Dragnet -0.000004, two pages -0.003 at most).
///
/// A section may hold a list instead of prose (session 62): under the heading, a
/// list of the page's own lines (two or more, not prose, in sentence case, no date
/// or credit, [`SHARED_LIST_ITEM_WORDS`] words each or more and
/// [`SHARED_HEADING_PROSE_WORDS`] in all); or over it, such a list that is itself the
/// section of the shared heading kept last (`last_section`), with prose of
/// [`SHARED_SECTION_PROSE_WORDS`] words or more under it. Four pages of one site with
/// "Symptoms" over a list and "Diagnosis" under it lost both headings and the
/// list, the list as short lines with no text after them. On the public sets this
/// moves six pages (Dragnet -0.000003, L3S-GN1 -0.00001, the others unchanged); a
/// version that let any list over the heading count kept a TV station's promotions
/// and agencies' names under datelines (L3S-GN1 -0.0005), one that let prose count
/// as a list item kept "Continue reading the main story" (CleanPortalEval -0.00006).
fn heads_own_text(
    items: &[Item],
    idx: usize,
    first_good: usize,
    corpus: &Corpus,
    rules: &Rules,
    last_section: Option<usize>,
    topic: &HashSet<String>,
) -> bool {
    let t = items[idx].unit.text.trim();
    let own = |it: &Item| {
        it.unit.table_row().is_none()
            && !it.unit.code
            && corpus.pages_with_line(&it.unit.text) <= 1
            && unit_boilerplate(&it.unit, rules).is_none()
            && !rules.is_call_to_action(&it.unit.text)
    };
    let (Some(before), Some(after)) = (idx.checked_sub(1).map(|i| &items[i]), items.get(idx + 1))
    else {
        return false;
    };
    let prose = |it: &Item| it.quality == Quality::Good && it.words >= SHARED_HEADING_PROSE_WORDS;
    // Prose the site's pages share, on fewer pages than make it the site's own text
    // (LONG_REPEAT_PAGES), so kept as text: a charity's pages on three cancers say
    // the same under "Diagnosis" ("Your GP will examine you and may arrange an
    // X-ray. …").
    let shared_prose = |it: &Item| {
        prose(it)
            && it.unit.table_row().is_none()
            && !it.unit.code
            && corpus.pages_with_line(&it.unit.text) < LONG_REPEAT_PAGES
            && unit_boilerplate(&it.unit, rules).is_none()
            && !rules.is_call_to_action(&it.unit.text)
    };
    // A list of the page's own lines: two items or more of SHARED_LIST_ITEM_WORDS
    // words or more, SHARED_HEADING_PROSE_WORDS words in all, right under (or, its
    // last items, right over) the heading.
    // Its items, 0 when it is no such list.
    let own_list = |items: &mut dyn Iterator<Item = &Item>| {
        let (mut n, mut words) = (0, 0);
        for it in items.take_while(|it| {
            own(it)
                && it.kind == Kind::Open
                && it.quality != Quality::Good
                && it.words >= SHARED_LIST_ITEM_WORDS
                && !super::title::date_or_credit(&it.unit.text)
                && !title_case(&it.unit.text)
        }) {
            n += 1;
            words += it.words;
        }
        if n >= 2 && words >= SHARED_HEADING_PROSE_WORDS {
            n
        } else {
            0
        }
    };
    let list_after = own_list(&mut items[idx + 1..].iter()) > 0;
    // The list over it is the section of the shared heading right over it
    // (`last_section`, "Symptoms" over its list, then "Diagnosis"): not a box of
    // other stories' headlines, nor a headline and its dateline over an agency's
    // name ("Associated Press").
    let above = own_list(&mut items[..idx].iter().rev());
    let list_before =
        above > 0 && last_section.is_some() && idx.checked_sub(above + 1) == last_section;
    // A short paragraph of the page's subject: a sentence of SHORT_SECTION_WORDS
    // words or more that names a word of the page's first paragraph (`topic`:
    // "Treatment for chordoma usually includes surgery." under "Treatment"); a
    // promotion's blurb under its heading names the site's offer, not the story.
    let on_topic = |it: &Item| {
        it.words >= SHORT_SECTION_WORDS
            && text::ends_sentence(&it.unit.text)
            && text::words(&it.unit.text).any(|w| topic.contains(&w.to_lowercase()))
    };
    // The paragraph over it is the section of the shared heading right over it.
    let section_before = last_section.is_some() && idx.checked_sub(2) == last_section;
    idx > first_good
        && text::at_most_words(t, SHARED_HEADING_WORDS)
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.contains(['|', '@', '(', '#'])
        // A box of other stories' heading ("Related coverage", "Most read", "More
        // news") is the site's.
        && !super::RELATED_LABEL.is_match(t.trim_end_matches(|c: char| !c.is_alphanumeric()))
        && !super::title::RELATED_LINKS_HEADING.is_match(t)
        && !t.starts_with("More ")
        && !t.chars().any(|c| c.is_ascii_digit())
        && t.chars().any(char::is_lowercase)
        && !text::ends_sentence(t)
        && !t.ends_with([':', ',', ';'])
        && (own(before) || shared_prose(before))
        && (own(after) || shared_prose(after))
        && (((prose(before) && text::ends_sentence(&before.unit.text))
            || (text::starts_lowercase(&before.unit.text) && before.quality == Quality::Short))
            && (prose(after)
                || (after.unit.text.ends_with(':') && after.words >= NEXT_INTRO_WORDS)
                || list_after)
            || (list_before && prose(after) && after.words >= SHARED_SECTION_PROSE_WORDS)
            || (((prose(before) && text::ends_sentence(&before.unit.text))
                || (section_before && on_topic(before)))
                && on_topic(after)))
}

/// The fewest words of a short section's paragraph under a shared heading
/// ([`heads_own_text`]).
const SHORT_SECTION_WORDS: usize = 6;

/// The words of the page's first paragraph of text (`first_good`) that say what it
/// is about: four letters or more, no stop word, lower case. [`heads_own_text`]
/// asks a short section's paragraph to name one.
fn topic_words(items: &[Item], first_good: usize) -> HashSet<String> {
    items.get(first_good).map_or_else(HashSet::default, |it| {
        text::words(&it.unit.text)
            .filter(|w| w.chars().count() >= 4 && !text::is_stop_word(w))
            .map(str::to_lowercase)
            .collect()
    })
}

/// The fewest words of the prose under a shared section heading that has a list of
/// the page's own over it ([`heads_own_text`]): a section's paragraph, longer than
/// a promotion's blurb ("Find out what's going on around town and post your local
/// events.", 12 words, under "Community Calendar" after other promotions).
const SHARED_SECTION_PROSE_WORDS: usize = 20;

/// The fewest words of an item of a list of the page's own under or over a shared
/// section heading ([`heads_own_text`]): "A swelling near the knee".
const SHARED_LIST_ITEM_WORDS: usize = 3;

/// A section heading that the page's own numbered table of contents lists (`toc`:
/// the keys of the numbered entries of [`mark_table_of_contents`], "2 History"; an
/// unnumbered one is as often a menu shown twice): the page's structure, not the
/// site's, however
/// many other pages of the corpus have a line "History", "Diagnosis" or
/// "Treatment". Before, a Wikipedia article lost "History", "Environment",
/// "Climate" and "Economy" as site navigation, because menus of other pages hold
/// the same words; a book on one subject has the same section names on many pages.
fn in_own_contents(toc: &HashSet<String>, t: &str) -> bool {
    !toc.is_empty() && toc.contains(&heading_key(t))
}

/// A long line, a full sentence or more, found verbatim on [`LONG_REPEAT_PAGES`]
/// pages or more of the corpus: the site's own text (a comment form's help, a
/// reprint notice, the author's blurb), not an article's. Short lines are judged
/// by the navigation rule, which leaves full sentences alone; a short full
/// sentence of [`SHORT_SENTENCE_WORDS`] words or more is judged here too. Not used
/// on a page that shares most of its long lines with others (a copy of the same
/// story). `pages`: the pages with the line's text, for a line of 81 bytes up to
/// `MAX_COUNTED_LINE` or a short sentence; `None` for any other line.
fn repeated_sentence(pages: Option<usize>) -> Option<Kind> {
    pages
        .filter(|&pages| pages >= LONG_REPEAT_PAGES)
        .map(|pages| Kind::Drop(DropReason::RepeatedAcrossPages { pages }))
}

/// The boilerplate label of a unit: of its whole text, or, when reflow joined
/// several raw lines that are each boilerplate on their own ("An official
/// website of the United States government" / "Here's how you know"), of its
/// first line. Every unit-level boilerplate test in this stage goes through here.
pub(super) fn unit_boilerplate(u: &Unit, rules: &Rules) -> Option<DropReason> {
    if let Some(label) = rules.boilerplate(&u.text) {
        return Some(label);
    }
    if u.line_starts.len() < 2 {
        return None;
    }
    let mut first = None;
    for (k, (start, _)) in u.line_starts.iter().enumerate() {
        let end = u.line_starts.get(k + 1).map_or(u.text.len(), |(e, _)| *e);
        let label = rules.boilerplate(u.text.get(*start..end)?.trim())?;
        first.get_or_insert(label);
    }
    first
}

/// Words of a good unit (text by [`Quality::Good`]) from which a copy of the line
/// above is prose, not a scraping artefact: it is kept, and [`classify`](super::classify)
/// warns about it. Readability's test pages repeat their paragraphs, and their gold keeps
/// every copy (Readability 0.8926 -> 0.9072, seven pages better, the other sets and the
/// medical pages unchanged). From 20 words, a repeated notice of 27 ("This site requires
/// that JavaScript be enabled ...") stays (L3S-GN1 -0.0002); 30 to 50 measure the same.
pub(super) const DUPLICATE_PROSE_WORDS: usize = 30;

/// A caption's start: "Figure 2.", "Fig. 3a", "Table 1:", "Image 4".
static CAPTION_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(fig\.?|figure|table|image|photo|chart|graph)\s*\d+[a-z]?\b"));

/// `items[i]`, a copy of the unit above it, is prose of its own: a good unit of
/// [`DUPLICATE_PROSE_WORDS`] words or more, never dropped as a copy. A caption is not:
/// an image's alt text over the same caption (a text that starts "Figure 2." or
/// follows a figure label) is one caption.
pub(super) fn repeated_prose(items: &[Item], i: usize) -> bool {
    let it = &items[i];
    let t = &it.unit.text;
    it.quality == Quality::Good
        && it.words >= DUPLICATE_PROSE_WORDS
        && !CAPTION_START.is_match(t)
        && !(i >= 2 && FIG_LABEL.is_match(&items[i - 2].unit.text))
}

pub(super) fn label_units(
    items: &mut [Item],
    rules: &Rules,
    corpus: &Corpus,
    edge: Option<&str>,
    english: bool,
) -> Hints {
    let mut hints = Hints {
        toc: mark_table_of_contents(items, rules),
        english,
        ..Hints::default()
    };
    // The numbered entries of the page's own table of contents ("2 History",
    // "4.2 Climate"), by key: [`in_own_contents`].
    let numbered_contents: HashSet<String> = items
        .iter()
        .filter(|it| {
            it.kind == Kind::Drop(DropReason::TableOfContents)
                && text::strip_numbering(&it.unit.text).len() < it.unit.text.len()
        })
        .map(|it| heading_key(&it.unit.text))
        .collect();
    // Short lines, folded once: running headers and site navigation are short.
    // A page most of whose long lines other pages repeat is a copy of them (the same
    // story scraped twice, a test page's variants): its sentences are its text.
    // Most by bytes and by lines of prose both ([`copy_of_others`]).
    // Per unit: the pages with its text, for a long line (81 bytes up to the
    // longest counted).
    let long_pages: Vec<Option<usize>> = items
        .iter()
        .map(|it| {
            let t = &it.unit.text;
            (81..=crate::clean::corpus::MAX_COUNTED_LINE)
                .contains(&t.len())
                .then(|| corpus.pages_with_line(t))
        })
        .collect();
    let site_sentences = !copy_of_others(items, &long_pages);
    hints.site_sentences = site_sentences;
    let folds: Vec<Option<String>> = items
        .iter()
        .map(|it| text::chars_at_most(&it.unit.text, 80).then(|| text::fold(&it.unit.text)))
        .collect();
    // Running headers/footers: the same short line standing alone 3+ times.
    let mut standalone: HashMap<&str, usize> = HashMap::default();
    for f in folds.iter().flatten() {
        *standalone.entry(f.as_str()).or_default() += 1;
    }
    let first_good = items
        .iter()
        .position(|i| {
            i.quality == Quality::Good
                && !i.unit.bullet
                && unit_boilerplate(&i.unit, rules).is_none()
                && !rules.is_call_to_action(&i.unit.text)
        })
        .unwrap_or(items.len());
    let figures = tables_of_figures(items);
    // The item before this one (its text is compared, never copied).
    let mut prev: Option<usize> = None;
    let mut pending_meta: Option<usize> = None;
    // The last section heading the site's pages share kept by [`heads_own_text`].
    let mut last_section: Option<usize> = None;
    let topic = topic_words(items, first_good);
    for idx in 0..items.len() {
        if items[idx].kind != Kind::Open {
            prev = Some(idx);
            continue;
        }
        let it = &items[idx];
        let t = it.unit.text.as_str();
        // Where a trail may stand: above the text or over the headline it names;
        // below the text, a line of arrows is a how-to's steps ("Home > Messages >
        // Ask my care team"). Measured: Readability 0.92118 -> 0.92221 (a Japanese
        // story's lines with "›" kept: 0.55 -> 0.66), L3S-GN1 titles 508 -> 509,
        // Dragnet -0.00002 (three footer trails kept, three pages better).
        let trail_place = || idx < first_good || names_next(items, idx, t);
        // Only short lines can be running headers (the table holds only those).
        let folded = folds[idx].as_deref();
        let standing = folded.and_then(|f| standalone.get(f)).copied().unwrap_or(0);
        let kind = if prev.is_some_and(|p| items[p].unit.text == t) && !repeated_prose(items, idx) {
            Some(Kind::Drop(DropReason::Duplicate))
        } else if !it.unit.code
            && stray_markup(t)
            && [idx.checked_sub(1), Some(idx + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| items.get(j))
                .all(|n| !n.unit.code && !n.unit.text.trim_start().starts_with('<'))
        {
            Some(Kind::Drop(DropReason::StrayMarkup))
        } else if crate::clean::reflow::PAGE_NUMBER.is_match(t)
            || it.unit.printed_furniture
            || running_header(items, idx)
        {
            Some(Kind::Drop(DropReason::PageFurniture))
        } else if let Some(label) = unit_boilerplate(&it.unit, rules) {
            Some(Kind::Drop(label))
        } else if (BREADCRUMB.is_match(t) && trail_place())
            || LABELLED_BREADCRUMB.is_match(t)
            || (HOME_TRAIL.is_match(t) && home_trail(t, trail_place()))
        {
            // The first trail names the page (title.rs looks for its heading right
            // after the first trail); a later one is a menu in the footer. Links set
            // apart by "|" from "Home" are a menu, not a trail, and name no page
            // ("Home | Columns | News | Videos").
            if hints.crumb.is_none() && !t.contains('|') {
                hints.crumb = Some(last_crumb(t).to_string());
                hints.crumb_at = Some(idx);
            }
            Some(Kind::Drop(DropReason::Breadcrumb))
        } else if onward_link(items, idx) {
            Some(Kind::Drop(DropReason::OnwardLink))
        } else if it.unit.cells && idx < first_good && !figures[idx] {
            Some(Kind::Drop(DropReason::Infobox))
        } else if rules.is_call_to_action(t) {
            Some(Kind::Drop(DropReason::CallToAction))
        } else if let Some((key, value)) = metadata(t, idx < first_good) {
            Some(Kind::Meta { key, value })
        } else if FIG_LABEL.is_match(t) {
            Some(Kind::FigureLabel)
        } else if is_navigation_line(t) {
            Some(Kind::Drop(DropReason::NavigationMenu))
        } else if !it.unit.bullet && is_link_bar(t) {
            Some(Kind::Drop(DropReason::LinkBar))
        } else if !it.unit.bullet && post_navigation(items, idx, english) {
            Some(Kind::Drop(DropReason::Boilerplate {
                label: "links to the previous and next posts".into(),
            }))
        } else if standing >= 3
            && edge.is_none_or(|e| folded.is_none_or(|f| !text::fold_eq(e, f)))
            && !rules.is_generic_heading(t)
        {
            Some(Kind::Drop(DropReason::RunningHeader { times: standing }))
        } else {
            folded
                .filter(|_| !text::ends_full_stop(t) && corpus.pages >= 2)
                .map(|_| corpus.pages_with_line(t))
                .filter(|&n| {
                    n >= rules.repeat_min_pages.max(2)
                        && !rules.is_generic_heading(t)
                        // "Cheers," on four pages is how people sign off, not a menu.
                        && !super::letter_line(t)
                        && !header_of_own_table(items, idx)
                        && !{
                            let own = heads_own_text(
                                items,
                                idx,
                                first_good,
                                corpus,
                                rules,
                                last_section,
                                &topic,
                            );
                            if own {
                                last_section = Some(idx);
                            }
                            own
                        }
                        && !in_own_contents(&numbered_contents, t)
                })
                .map(|pages| Kind::Drop(DropReason::RepeatedAcrossPages { pages }))
                .or_else(|| {
                    site_sentences
                        .then(|| repeated_sentence(long_pages[idx]))
                        .flatten()
                })
        };
        let kind = match kind {
            Some(k) => Some(k),
            None if text::at_most_words(t, 3)
                && items
                    .get(idx + 1)
                    .is_some_and(|n| FORUM_STAT.is_match(&n.unit.text)) =>
            {
                Some(Kind::Drop(DropReason::ForumUserName))
            }
            None if it.unit.bullet => Some(Kind::ListItem { ordered: false }),
            None if ORDERED.is_match(t)
                && !it.heading
                && (it.unit.indent > 0
                    || t.starts_with(['[', '^'])
                    || [idx.wrapping_sub(1), idx + 1].iter().any(|&j| {
                        items.get(j).is_some_and(|o| ORDERED.is_match(&o.unit.text))
                    })) =>
            {
                Some(Kind::ListItem { ordered: true })
            }
            None => None,
        };
        // A metadata label whose value is on the next line ("Last reviewed:" / "05 Dec 2017").
        let date_value =
            (pending_meta.is_some() && kind.is_none() && DATE.is_match(t)).then(|| t.to_string());
        // A sentence-like line immediately duplicated is an image's alt text and caption.
        let caption_before = matches!(&kind, Some(Kind::Drop(DropReason::Duplicate)))
            && idx > 0
            && items[idx - 1].kind == Kind::Open
            && text::word_count(t) >= 5;
        if let (Some(p), Some(v)) = (pending_meta, date_value) {
            if let Kind::Meta { value, .. } = &mut items[p].kind {
                *value = v;
            }
            items[idx].kind = Kind::Drop(DropReason::MetaValue);
            pending_meta = None;
            prev = Some(idx);
            continue;
        }
        pending_meta = match &kind {
            Some(Kind::Meta { value, .. }) if value.is_empty() => Some(idx),
            _ => None,
        };
        if caption_before {
            items[idx - 1].kind = Kind::Caption { label: None };
        }
        if let Some(Kind::Drop(DropReason::Boilerplate { label })) = &kind {
            // Above the first paragraph of text nothing has ended yet (a "Leave a comment"
            // link under a post's byline).
            items[idx].ends_text = label == SIDEBAR_HEADINGS
                || (idx > first_good && article_ending_line(&items[idx], label, rules, corpus));
        }
        if let Some(k) = kind {
            items[idx].kind = k;
        }
        prev = Some(idx);
    }
    affiliation_block(items, first_good);
    hints
}

/// Groups of built-in boilerplate (`data/boilerplate.toml`, by label) whose lines end
/// an article or stand outside one: a comment form, a footer, links to the site's own
/// pages, an appeal, a blog post's filing line, a print-edition note, skip links, and
/// cookie, browser and account notices, and the heading over a list of the site's other
/// stories ("More Business stories": unlike a sidebar's heading, [`SIDEBAR_HEADINGS`],
/// only after the first paragraph, so that "More patient stories" under a story's
/// headline ends nothing). Not the groups whose lines may sit between a
/// heading and its text: share bars, "On this page", "Expand all", "Show more",
/// "Main article: …", "Answered by …", a forum post's buttons.
pub(super) const ARTICLE_ENDING_GROUPS: [&str; 10] = [
    "comment form",
    "other stories heading",
    "copyright, licence or site footer",
    OWN_PAGES,
    "newsletter or donation appeal",
    "blog post's filing line",
    "newspaper's print-edition note",
    "accessibility skip link",
    "cookie notice",
    "browser or account notice",
];

/// The group of built-in boilerplate (`data/boilerplate.toml`) that heads a sidebar's
/// list of other stories or posts ("Most Read", "Sponsored Links", "You might also
/// like", "Trending now", "Recent Posts", "Blog Archive", "Top Stories"): such a line
/// ends the text, repeated or not, as a line dropped as repeated across pages does
/// ([`Item::ends_text`]). Looked past as furniture, it let
/// a heading above it introduce the list under it. Measured (F1, before → after):
/// as one corpus Dragnet 0.90827 → 0.90849, L3S-GN1 +0.00002, Readability 0.91971 →
/// 0.91991, no page worse; each page cleaned alone CleanEval 0.8982 → 0.9003,
/// Dragnet 0.8801 → 0.8817, L3S-GN1 0.9247 → 0.9252, Readability +0.00015 (a few
/// pages worse, by up to 0.10, where the line before the heading was the text's last).
/// Blogs' sidebar headings then ("Recent Posts", "Popular Posts", "Blog Archive",
/// "Latest News", "Top Stories", "Blogroll", "Around the Web"): as one corpus CleanEval
/// +0.00001 (page 19's title, no longer "Recent Entries"), L3S-GN1 +0.00005,
/// Readability 0.91991 -> 0.92019, no page worse; alone Dragnet 0.8817 -> 0.8845,
/// L3S-GN1 +0.0004, Readability +0.0005.
/// As furniture looked past, like a share bar, the same phrases cost CleanEval
/// 0.0013 and Readability 0.0003 as one corpus; dropping the short lines under such
/// a heading too cost Dragnet 0.004 (a "Most popular" box above the story took the
/// headline with it), and so did keeping the line as furniture when prose follows it
/// (Dragnet -0.00004: a sidebar's teasers may come out glued into one long line).
/// "Archives" is no such heading (a top menu's item too), nor "Trending" alone (a
/// nurse trends vital signs).
pub(super) const SIDEBAR_HEADINGS: &str = "sidebar section heading";

/// Whether a line of group `label` ends the text only where the corpus repeats it
/// ([`article_ending_line`]): a link to one of the site's own pages ([`OWN_PAGES`]), a
/// link to a policy or information page of another group ("Copyright policy", "Cookie
/// policy", "Copyright information"), or a credit ("© Science Photo Library", which may
/// sit under a section heading over its text).
fn needs_repetition(label: &str, t: &str) -> bool {
    let lower = t.trim().to_lowercase();
    label == OWN_PAGES
        || lower.starts_with('©')
        || lower.ends_with(" policy")
        || lower.ends_with(" information")
}

/// The group of links to the site's own pages ("Contact us", "About us"), which ends
/// the text only where the corpus repeats the line ([`article_ending_line`]).
const OWN_PAGES: &str = "link to one of the site's own pages (about, contact, privacy, terms)";

/// `it`, built-in boilerplate of group `label`, is where an article ends: a line of
/// one of [`ARTICLE_ENDING_GROUPS`], of two words or more, no digit and no sentence (80
/// characters at most), that would be dropped as repeated if no built-in pattern named
/// it (no generic heading, no letter's closing), after the page's first paragraph of
/// text (a "Leave a comment" link under a post's byline ends nothing). A link to one
/// of the site's own pages ([`OWN_PAGES`]: "Contact us" may stand between a
/// hospital's heading and its phone numbers), a policy link or a credit
/// ([`needs_repetition`]) must also be on [`Rules::repeat_min_pages`] pages of the
/// corpus or more (two at least). The context pass then takes it for where text ends, as it takes a line
/// dropped as repeated across pages, instead of looking past it as past furniture that
/// may sit inside an article ([`super::context::resolve_context`]): a heading over a
/// blog's "Leave a Reply" and a sidebar no longer introduces the sidebar. Before, the
/// same line ended the text or not depending on which rule named it first.
///
/// Measured (F1, before → after, each set as one corpus), session 41, with every group
/// repeated across the corpus: Dragnet 0.90795 → 0.90809, L3S-GN1 0.94726 → 0.94741,
/// the others unchanged; 14 pages better (by up to 0.08), 2 worse (by 0.010 and 0.005);
/// titles and the medical pages unchanged. Every group but the share bars gained more
/// (L3S-GN1 +0.0002 more, Dragnet +0.0001 more) but would have dropped a hospital
/// site's section headings over a repeated "On this page" or "Expand all"; every group
/// and one-word labels too ("Home", "Menu", shared by many sites): L3S-GN1 +0.00085,
/// Readability −0.0008, two Dragnet titles lost under a repeated share bar.
/// Session 42, repeated or not but for the site's own pages: as one corpus Dragnet and
/// Readability +0.00001; each page cleaned alone (where nothing repeats) Dragnet
/// 0.8845 → 0.8853, L3S-GN1 0.9255 → 0.9269, three pages worse by 0.010 at most (a
/// dateline or a caption over a comment form went with it). The own pages without
/// repetition added nothing (−0.00002 alone).
pub(super) fn article_ending_line(it: &Item, label: &str, rules: &Rules, corpus: &Corpus) -> bool {
    let t = it.unit.text.as_str();
    ARTICLE_ENDING_GROUPS.contains(&label)
        && it.words >= 2
        && !t.contains(|c: char| c.is_ascii_digit())
        && text::chars_at_most(t, 80)
        && !text::ends_full_stop(t)
        && !rules.is_generic_heading(t)
        && !super::letter_line(t)
        && (!needs_repetition(label, t)
            || (corpus.pages >= 2 && corpus.pages_with_line(t) >= rules.repeat_min_pages.max(2)))
}

/// A line of a site's list of stories: an optional tag of up to four words, a clock
/// time, and a headline of three words or more ("squee 11:30 PM This Cat's Halloween
/// Costume…", "Grierson & Leitch 6:43 PM I ♥ David O. Russell…"). A time zone after the
/// time ("03:06 PM EDT") makes it a dateline, not a headline.
static STORY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\S+(?: \S+){0,3} )?\d{1,2}:\d{2} ?(?:[AP]M|[ap]m) [A-Z\x22'‘“]\S*(?: \S+){2,}")
});

/// A clock time before a headline's first word, anywhere in a unit: hour, minute,
/// AM or PM.
static STORY_TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2}):(\d{2}) ?([AP]M|[ap]m) [A-Z\x22'‘“]"));

/// Time zones that follow a clock time in a dateline.
static TIME_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\d{1,2}:\d{2} ?(?:[AP]M|[ap]m) (?:[ECMP][SD]?T|GMT|UTC|BST|CET|IST|AEST|ET|PT)\b")
});

/// The most lines between two lines of one list of stories ([`story_lists`]): a
/// teaser or a blank-looking line the list holds.
const STORY_GAP: usize = 2;

/// The most words of one entry of a list of stories: a tag, a time and a headline
/// (of the public pages' lines that start with a tag, a time and a headline, 95% have
/// 23 words or fewer). A live blog's entry is a paragraph.
const STORY_WORDS: usize = 24;

/// Which items are rows of a table of figures, which is text even before the page's
/// first paragraph ("Stage⇥Five-year survival" / "Localised⇥about 7 in 10" under the
/// title). A run of one-line table rows, adjacent and with no blank line between,
/// is one when it has
/// - two rows or more, all with the same number of cells (two or more), none empty;
/// - a column after the first with a digit in every row, or in every row but the
///   first (a header): an infobox's values ("Born⇥12 May 1950", "Nationality⇥
///   British") and a menu with "Top 10" in it have figures in some rows only;
/// - a cell of two words or more in half of its rows or more (a ticker of one-word
///   cells is furniture: currency rates "USD⇥0,8453", a forum's "Online:⇥45");
/// - not 1, 2, 3, … as the first cells of the rows under a header (a ranked list
///   of most-read stories, a league table).
///
/// Each run is judged once. Other tabbed rows before the text are dropped as an
/// infobox or a layout table. On the public sets (`benches/cleaning`) those are
/// menus laid out in columns and login forms: 74 of the 3,462 words dropped that way
/// are gold text. No run there has this shape (the tickers and the ranked list that
/// come nearest are not gold either), so this exception changes none of their
/// figures: it keeps a scraped page's table of figures, which a book must not lose.
/// Known limit: a ticker of named figures ("FTSE 100⇥7,512.3⇥+0.4%") has this shape.
fn tables_of_figures(items: &[Item]) -> Vec<bool> {
    let mut figures = vec![false; items.len()];
    let mut i = 0;
    while i < items.len() {
        if items[i].unit.table_row().is_none() {
            i += 1;
            continue;
        }
        let mut rows: Vec<&[String]> = Vec::new();
        let mut j = i;
        while let Some(r) = items.get(j).and_then(|n| n.unit.table_row())
            && (j == i || !items[j].unit.gap_before)
        {
            rows.push(r);
            j += 1;
        }
        let cells = rows[0].len();
        let digit = |c: &String| c.bytes().any(|b| b.is_ascii_digit());
        let header = !rows[0].iter().skip(1).any(digit);
        let body = &rows[usize::from(header)..];
        let column_of_figures =
            (1..cells).any(|c| body.iter().all(|r| r.get(c).is_some_and(digit)));
        let ranked = body
            .iter()
            .enumerate()
            .all(|(k, r)| r[0].trim() == (k + 1).to_string());
        let figures_here = rows.len() >= 2
            && rows
                .iter()
                .all(|r| r.len() == cells && r.iter().all(|c| !c.trim().is_empty()))
            && column_of_figures
            && 2 * rows
                .iter()
                .filter(|r| r.iter().any(|c| c.split_whitespace().nth(1).is_some()))
                .count()
                >= rows.len()
            && !ranked;
        figures[i..j].fill(figures_here);
        i = j;
    }
    figures
}

/// The times of a unit's stories, in minutes after midnight, when the unit reads as
/// lines of a list of stories: it starts with a [`STORY_LINE`], has no time zone
/// after a time, does not end with a full stop, and has at most [`STORY_WORDS`] words
/// a story. None otherwise.
fn story_times(t: &str) -> Option<Vec<u32>> {
    // A headline may end in a question, an exclamation or an ellipsis ("…", "..."),
    // not in a full stop.
    let end = t.trim_end_matches(['"', '\'', ')', ' ', '’', '”']);
    let full_stop = end.ends_with('.') && !end.ends_with("...");
    if !STORY_LINE.is_match(t) || TIME_ZONE.is_match(t) || full_stop {
        return None;
    }
    let times: Vec<u32> = STORY_TIME
        .captures_iter(t)
        .filter_map(|c| {
            let h: u32 = c[1].parse().ok()?;
            let m: u32 = c[2].parse().ok()?;
            let pm = c[3].eq_ignore_ascii_case("pm");
            (1..=12)
                .contains(&h)
                .then_some(((h % 12) + if pm { 12 } else { 0 }) * 60 + m)
        })
        .collect();
    (!times.is_empty() && text::word_count(t) <= STORY_WORDS * times.len()).then_some(times)
}

/// A site's list of its stories, each line a time and a headline (a blog network's
/// river of posts beside the article): three entries or more ([`story_times`]), each
/// line at most [`STORY_GAP`] units after the last, newest first (the times fall from
/// one entry to the next at least twice as often as they rise: a list of several
/// days rises at each new day), go as site navigation ([`DropReason::StoryList`];
/// the lines between stay as they were, lines already dropped count, and a unit that
/// holds several lines, joined, counts each). A schedule, a timeline or a dosing plan
/// in an article runs forwards in time ("5:00 PM Drink the first half of the prep",
/// "9:00 PM Drink the second half"), and a live blog's entries end with a full stop
/// or stand over a paragraph of prose (between half the run's lines or more): they
/// stay. Of the 511 lines of the public pages of `../shared/bench/cleaning` that
/// start with a tag, a time and a capital (no time zone), 25 are gold text:
/// datelines ("Posted: 08/09/2012 10:56 am Updated: …") and a forum's signatures
/// with the posts between them ("-- Affek @ 2:36PM Wed 19 Jul 2006"); no run this
/// drops holds one.
pub(super) fn story_lists(items: &mut [Item]) {
    // Lines already dropped (as repeated across pages, say) count towards the run.
    let lines: Vec<(usize, Vec<u32>)> = (0..items.len())
        .filter(|&i| matches!(items[i].kind, Kind::Open | Kind::Drop(_)))
        .filter_map(|i| story_times(&items[i].unit.text).map(|t| (i, t)))
        .collect();
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len() && lines[end].0 - lines[end - 1].0 <= STORY_GAP + 1 {
            end += 1;
        }
        let times: Vec<u32> = lines[start..end]
            .iter()
            .flat_map(|(_, t)| t.iter().copied())
            .collect();
        let rises = times.windows(2).filter(|w| w[1] > w[0]).count();
        let falls = times.windows(2).filter(|w| w[1] < w[0]).count();
        // A live blog's entries are a timed heading and a paragraph of prose: prose
        // stands between half the run's consecutive lines or more (a river of
        // stories holds a teaser here and there).
        let gaps: Vec<bool> = lines[start..end]
            .windows(2)
            .map(|w| {
                (w[0].0 + 1..w[1].0).any(|k| {
                    let u = &items[k].unit.text;
                    text::word_count(u) >= 15 && text::ends_full_stop(u)
                })
            })
            .collect();
        let prose_between =
            !gaps.is_empty() && gaps.iter().filter(|&&p| p).count() * 2 >= gaps.len();
        if times.len() >= 3 && falls >= 2 && falls >= 2 * rises && !prose_between {
            for (i, _) in &lines[start..end] {
                if items[*i].kind == Kind::Open {
                    items[*i].kind = Kind::Drop(DropReason::StoryList);
                }
            }
        }
        start = end;
    }
}

/// One entry of a blog's archive: a month and its year, or a span of dates, with
/// the count of its posts or not ("November 2012", "► October 2012 (15)",
/// "10/01/2012 - 11/01/2012 (3)", "2012 (120)", "May (4)"). A year or a month alone
/// is not one (a dateline split over lines: "Jul" / "2012"), nor a number of four
/// digits that is no year of 1900 to 2099 ("1502 (70)", a table's cell).
static ARCHIVE_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    const MONTH: &str = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";
    const YEAR: &str = r"(?:19|20)\d\d";
    re(&format!(
        r"(?i)^(?:[►▼▶»•·*-]\s*)*(?:(?P<m1>{MONTH})\.?,? (?P<y1>{YEAR})|(?P<y2>{YEAR}),? (?P<m2>{MONTH})|(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y3>\d{{2,4}}) - \d{{1,2}}/\d{{1,2}}/\d{{2,4}}|(?P<y4>{YEAR}) \(\d+\)|(?P<m3>{MONTH}) \(\d+\))\s*(?:\(\d+\))?$"
    ))
});

/// Entries a run needs to be a blog's archive ([`archive_lists`]).
const ARCHIVE_ENTRIES: usize = 3;

/// Entries from which a run is an archive in any order ([`archive_lists`]): a
/// sidebar's full list of months. The public pages' runs of three to five all run
/// newest first; the only runs in rising order are of 18, 29 and 71 months.
const ARCHIVE_ANY_ORDER: usize = 8;

/// Where an [`ARCHIVE_ENTRY`] falls in time, for comparing with its neighbours:
/// (year, month or first number of a date, second number), a year's own line
/// ("2012 (120)", over its months in Blogger's tree) after all of its months, a
/// month without its year in the `year` of the line before.
fn archive_key(t: &str, year: &mut Option<u32>) -> Option<(u32, u32, u32)> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let c = ARCHIVE_ENTRY.captures(t)?;
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = |n: &str| {
        c.name(n).and_then(|m| {
            let m = m.as_str().to_lowercase();
            MONTHS
                .iter()
                .position(|p| m.starts_with(p))
                .map(|k| k as u32 + 1)
        })
    };
    let key = if let (Some(m), Some(y)) = (month("m1"), num("y1")) {
        (y, m, 0)
    } else if let (Some(m), Some(y)) = (month("m2"), num("y2")) {
        (y, m, 0)
    } else if let (Some(a), Some(b), Some(y)) = (num("a"), num("b"), num("y3")) {
        (y, a, b)
    } else if let Some(y) = num("y4") {
        (y, 13, 0)
    } else {
        (year.unwrap_or(0), month("m3")?, 0)
    };
    *year = Some(key.0);
    Some(key)
}

/// A blog's archive of its months ("November 2012" / "October 2012" / "September
/// 2012", with their counts of posts or not): [`ARCHIVE_ENTRIES`] lines or more in a
/// row, each an [`ARCHIVE_ENTRY`] alone, bulleted or not (lines already dropped, as
/// repeated across pages, say, count towards the run), newest first unless the run
/// has [`ARCHIVE_ANY_ORDER`] lines or more. A run stays when the line before it ends
/// with a colon (a list the text introduces: "Affected lots were distributed in:"),
/// when one of its entries has lines of its own (a timeline's bullet over its
/// events), or when it runs forwards in time (a trial's milestones, a table's
/// months). Of the public pages of `../shared/bench/cleaning`, 404 hold runs of
/// three or more, 23,398 lines, none of them gold text; cleaned as one corpus most
/// are dropped already as repeated on the site's other pages, but a page cleaned
/// alone kept them all.
/// Measured (F1, before → after): as one corpus CleanEval +0.00005, Dragnet
/// +0.00001 (one page better by 0.03, one worse by 0.003), the rest unchanged; each
/// page cleaned alone (`harness.py --alone`) Dragnet 0.8752 → 0.8792 (pages better
/// by up to 0.73, none worse), CleanEval +0.0002; titles and the medical pages
/// unchanged.
pub(super) fn archive_lists(items: &mut [Item]) {
    let entry = |it: &Item| {
        matches!(it.kind, Kind::Open | Kind::ListItem { .. } | Kind::Drop(_))
            && it.unit.extra.is_empty()
            && ARCHIVE_ENTRY.is_match(&it.unit.text)
    };
    let mut i = 0;
    while i < items.len() {
        let mut j = i;
        while j < items.len() && entry(&items[j]) {
            j += 1;
        }
        let introduced = i > 0 && items[i - 1].unit.text.trim_end().ends_with(':');
        let newest_first = || {
            let mut year = None;
            let keys: Vec<_> = items[i..j]
                .iter()
                .filter_map(|it| archive_key(&it.unit.text, &mut year))
                .collect();
            keys.windows(2).all(|w| w[1] <= w[0])
        };
        if j - i >= ARCHIVE_ENTRIES && !introduced && (j - i >= ARCHIVE_ANY_ORDER || newest_first())
        {
            for it in &mut items[i..j] {
                if matches!(it.kind, Kind::Open | Kind::ListItem { .. }) {
                    it.kind = Kind::Drop(DropReason::ArchiveList);
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Most words of an item of a bulleted menu: a menu entry or a short headline.
const MENU_ITEM_WORDS: usize = 8;

/// A menu that the scrape kept as a bulleted list ("- Study Details", "- Tabular
/// View", "- Results Submitted"): three or more bulleted one-line items in a row,
/// each of at most [`MENU_ITEM_WORDS`] words with a content word (four letters or
/// more, not a stop word), in title case (every content word capitalised), with no
/// sentence or clause punctuation. For English pages only (German capitalises its
/// nouns). The list stays when the line before the whole bulleted list ends with a
/// colon (it is introduced: "The following schools will be closed:"), when good
/// text stands next to it on either side, headings aside (a list of the article's,
/// even one the text never names: "Drugs in this regimen" over the drugs), or
/// when half its items or more share a content word, plurals folded, with the
/// page's good text (a list of the page's own subjects: "Image Quality and
/// Sharpness", "Zoom Length" on a page about choosing lenses). The items go as a
/// navigation menu.
///
/// Measured on the cleaning harness (F1, before → after): CleanEval 0.8907 →
/// 0.8919 (a game site's menu of headed link lists, page 27 0.76 → 0.83),
/// Readability 0.8890 → 0.8902 (a test page of links in lists, 0.84 → 0.96),
/// L3S-GN1 0.9385 → 0.9388, Dragnet +0.00001, CleanPortalEval unchanged; medical
/// boilerplate removed 47 → 50 of 61 lines, content unchanged. Without the
/// title-case test, Readability gained 0.0001 only; without the shared-word test,
/// two Dragnet articles lost their lists of school districts and of lens features
/// (Dragnet −0.0001).
pub(super) fn bulleted_menus(items: &mut [Item]) {
    // The page's good text, singular: "sarcomas" in an item matches "sarcoma".
    let stem = |w: &str| {
        let w = w.to_lowercase();
        if let Some(s) = w.strip_suffix("ies") {
            return format!("{s}y");
        }
        match w.strip_suffix('s') {
            Some(s) if s.len() >= 4 => s.to_string(),
            _ => w,
        }
    };
    // Built when a list first needs it: most pages have no bulleted menu.
    let mut good_words: Option<HashSet<String>> = None;
    let menu_item = |it: &Item| {
        let t = it.unit.text.as_str();
        it.kind == (Kind::ListItem { ordered: false })
            && it.unit.bullet
            && it.unit.extra.is_empty()
            && text::at_most_words(t, MENU_ITEM_WORDS)
            && text::starts_uppercase_or_digit(t)
            && !t.contains(['.', ',', ';', ':', '!', '?'])
            && text::words(t).any(|w| menu_content_word(&w.to_lowercase()))
            && text::words(t).all(|w| {
                !menu_content_word(&w.to_lowercase())
                    || w.chars().next().is_some_and(char::is_uppercase)
            })
    };
    let bulleted = |it: &Item| it.unit.bullet && it.kind == (Kind::ListItem { ordered: false });
    // The nearest unit that is no heading, before the list or after it, is good text.
    let good_at = |k: Option<&Item>| {
        k.is_some_and(|it| it.quality == Quality::Good && !matches!(it.kind, Kind::Drop(_)))
    };
    let mut i = 0;
    while i < items.len() {
        if !menu_item(&items[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < items.len() && menu_item(&items[j]) {
            j += 1;
        }
        // The whole bulleted list this run is part of, and what stands around it.
        let start = (0..i)
            .rev()
            .take_while(|&k| bulleted(&items[k]))
            .last()
            .unwrap_or(i);
        let end = (j..items.len())
            .take_while(|&k| bulleted(&items[k]))
            .last()
            .map_or(j, |k| k + 1);
        let introduced = start > 0 && items[start - 1].unit.text.trim_end().ends_with(':');
        let before = (0..start)
            .rev()
            .find(|&k| !items[k].heading)
            .map(|k| &items[k]);
        let after = (end..items.len())
            .find(|&k| !items[k].heading)
            .map(|k| &items[k]);
        let beside_text = good_at(before) || good_at(after);
        if j - i < 3 || introduced || beside_text {
            i = j;
            continue;
        }
        let good_words = good_words.get_or_insert_with(|| {
            items
                .iter()
                .filter(|it| it.quality == Quality::Good && !matches!(it.kind, Kind::Drop(_)))
                .flat_map(|it| text::words(&it.unit.text).map(stem).collect::<Vec<_>>())
                .filter(|w| menu_content_word(w))
                .collect()
        });
        let told = items[i..j]
            .iter()
            .filter(|it| text::words(&it.unit.text).any(|w| good_words.contains(&stem(w))))
            .count();
        if told * 2 < j - i {
            for it in &mut items[i..j] {
                it.kind = Kind::Drop(DropReason::NavigationMenu);
            }
        }
        i = j;
    }
}

/// A word that says what a line is about: four letters or more, not a stop word
/// (`w` in lower case).
fn menu_content_word(w: &str) -> bool {
    w.chars().count() >= 4 && !text::is_stop_word(w)
}

/// Links a line needs to be a link bar ([`is_link_bar`]).
const LINK_BAR_LINKS: usize = 3;

/// Words a link of a link bar may have ([`is_link_bar`]).
const LINK_BAR_WORDS: usize = 6;

/// A link bar: [`LINK_BAR_LINKS`] links or more on one line, set apart by " | ",
/// " · " or " • " ("Football | Cricket | Rugby Union | Tennis", "about | flickr |
/// feed | archive", "« Saturday 121110 | close | Monday 121112 »"), each of at most
/// [`LINK_BAR_WORDS`] words and none ending in a full stop ([`text::ends_full_stop`]:
/// "Home | U.S. | World" is kept), with fewer than half of
/// them a label and its value ("Prep Time: 2 Hours | Cook Time: 20 Minutes |
/// Servings: 12" and "Date:November 5 | Category:Zillow | Author:Erin Lantz" are a
/// post's facts, which gold keeps). A line with a pipe at its edge is a table's row
/// that `normalise` did not make a table (a lone row, or one whose neighbour
/// wrapped), and a bulleted line is a list's item (the caller's test): neither is
/// a link bar (no public page changes; they guard tables and lists of drugs).
///
/// The issue's "link bars joined with '|'". Measured on the cleaning harness
/// (F1): CleanEval 0.89635 -> 0.89740, Dragnet 0.90406 -> 0.90438, L3S-GN1 0.94363
/// -> 0.94541 (2 more titles right), Readability 0.90859 -> 0.90894, CleanPortalEval
/// and the medical pages unchanged, no page newly worse than its raw text. Four
/// links gained less everywhere (L3S-GN1 +0.0009); two links lost 0.0006 of
/// medical F1; 4 or 8 words per link gained less on Dragnet, 10 made a CleanEval
/// page worse than raw. Of the lines it drops,
/// gold keeps lists of outlets ("Tampa Bay Times | The New York Times | Slate") and
/// some dated bylines ("Henry Blodget | Aug. 9, 2012, 10:10 AM | 17,749 | 78"):
/// four Dragnet pages lose 0.014-0.020, but sparing lines with a date or "By" cost
/// CleanEval 0.0009, and sparing a line beside another of as many links (a table
/// without edge pipes) cost L3S-GN1 0.0006. As a furniture neighbour (like a
/// breadcrumb) instead of boilerplate, it cost L3S-GN1 0.0007 and two titles.
pub(super) fn is_link_bar(t: &str) -> bool {
    if t.starts_with('|') || t.ends_with('|') {
        return false;
    }
    let mut links = 0;
    let mut labelled = 0;
    for link in t
        .split(" | ")
        .flat_map(|p| p.split(" · "))
        .flat_map(|p| p.split(" • "))
    {
        let link = link.trim();
        if link.is_empty()
            || !text::at_most_words(link, LINK_BAR_WORDS)
            || text::ends_full_stop(link)
        {
            return false;
        }
        links += 1;
        labelled += usize::from(link.contains(':'));
    }
    links >= LINK_BAR_LINKS && labelled * 2 < links
}

/// Words of a line linking to one post ([`post_navigation`]).
const POST_LINK_WORDS: usize = 25;

/// Links to a blog's previous and next posts, each of at most [`POST_LINK_WORDS`]
/// words: "« Older title | Main | Newer title »" (TypePad: a link "Main" among
/// them), "« Previous Post Older title Next Post » Newer title", or, on an English
/// page, a line "« Older title" beside a line "Newer title »" (WordPress's pair),
/// neither ending in a full stop nor a list's item. A quotation in guillemets has
/// both marks on its line; one split over two lines is French typography, which an
/// English page seldom has, and ends its sentences ("« Le traitement a duré six
/// mois." / "Je vais mieux aujourd'hui. »"): neither is a pair. A lone "Read more
/// »" stays.
///
/// Measured on the cleaning harness: Dragnet 0.90438 -> 0.90488 (one more title
/// right; each of the three shapes gains on its own: +0.00014, +0.00016,
/// +0.00023; the full-stop and English-page guards cost 0.00002), the other sets
/// and the medical pages unchanged. Three Dragnet pages lose 0.011-0.072 where the
/// line's removal moved the title model to another wrong line.
fn post_navigation(items: &[Item], idx: usize, english: bool) -> bool {
    let t = items[idx].unit.text.trim();
    if !text::at_most_words(t, 2 * POST_LINK_WORDS) {
        return false;
    }
    let marked = t.starts_with(['«', '‹']) || t.ends_with(['»', '›']);
    let main = t
        .split(" | ")
        .any(|l| l.trim_matches(['«', '‹', '»', '›', ' ']) == "Main");
    let older = |s: &str| {
        (s.starts_with("« ") || s.starts_with("‹ "))
            && !s.contains(['»', '›'])
            && !s.ends_with('.')
            && text::at_most_words(s, POST_LINK_WORDS)
    };
    let newer = |s: &str| {
        (s.ends_with(" »") || s.ends_with(" ›"))
            && !s.contains(['«', '‹'])
            && !s.trim_end_matches(['»', '›', ' ']).ends_with('.')
            && text::at_most_words(s, POST_LINK_WORDS)
    };
    let at = |j: Option<usize>, f: &dyn Fn(&str) -> bool| {
        j.and_then(|j| items.get(j))
            .is_some_and(|o| !o.unit.bullet && f(o.unit.text.trim()))
    };
    (marked && main)
        || (marked && t.contains("Previous Post") && t.contains("Next Post"))
        || (english
            && ((older(t) && at(Some(idx + 1), &newer))
                || (newer(t) && at(idx.checked_sub(1), &older))))
}

/// "Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation".
pub(super) fn is_navigation_line(t: &str) -> bool {
    if text::ends_sentence(t) {
        return false;
    }
    // At least six words, every one capitalised and none a stop word: stop at the first that is not.
    let mut n = 0;
    for w in text::words(t) {
        if text::is_stop_word(w) || !w.chars().next().is_some_and(|c| c.is_uppercase()) {
            return false;
        }
        n += 1;
    }
    n >= 6
}

#[cfg(test)]
mod tests {
    use crate::clean::{clean_one, outline_of};

    /// A sentence ending on a colon brings back the short lines under it as its
    /// list, though the page's sidebar repeats them, and the record says so. A line
    /// of nine words introduces no list, nor does a call to follow the site; a
    /// sentence in the run ends it, and a heading that text follows after the list
    /// stays a section.
    #[test]
    fn a_sentence_ending_on_a_colon_keeps_its_list() {
        let places = ["Leeds", "Sheffield", "Bristol", "Cardiff", "Glasgow"];
        let sidebar: String = places.iter().map(|p| format!("{p}\n")).collect();
        let list: String = places.iter().map(|p| format!("{p}\n\n")).collect();
        let page = |intro: &str, list: &str| {
            format!(
                "Clinics\n{sidebar}\nOur outreach clinics for bone sarcoma follow-up\n\n{STORY}\n\n{intro}\n\n{list}Side effects\n\n{STORY} It is the second paragraph, after the list.\n\nClinics\n{sidebar}"
            )
        };
        let intro = "From January the sarcoma team will hold follow-up clinics in these cities:";
        let cleaned = clean_one("p.txt", page(intro, &list).as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        for p in places {
            assert!(out.contains(&format!("\n- {p}\n")), "{p}: {out}");
        }
        assert!(out.contains("\n## Side effects\n"), "{out}");
        assert!(
            warns(&cleaned, "kept as the list that the sentence on line"),
            "{:?}",
            cleaned.pages[0].log.warnings
        );
        // A heading over a bulleted list of its own after the list is the next
        // section, not an item.
        let out = outline_of(&page(
            intro,
            &format!(
                "{list}Side effects of chemotherapy\n\n- Hair loss\n- Feeling sick\n- Tiredness\n\n"
            ),
        ));
        assert!(out.contains("- Glasgow"), "{out}");
        assert!(out.contains("\n## Side effects of chemotherapy\n"), "{out}");
        // Nine words introduce no list.
        let out = outline_of(&page(
            "From January our team holds clinics in these cities:",
            &list,
        ));
        assert!(!out.contains("- Leeds"), "{out}");
        // A call to follow the site introduces its links, not a list.
        let follow =
            "Follow us on Instagram, YouTube and TikTok for the latest news from our clinics:";
        let social = "Instagram\nYouTube\nTikTok\n";
        let out = outline_of(&format!(
            "{social}\nOur outreach clinics for bone sarcoma follow-up\n\n{STORY}\n\n{follow}\n\nInstagram\n\nYouTube\n\nTikTok\n\nSide effects\n\n{STORY} It is the second paragraph.\n\n{social}"
        ));
        assert!(!out.contains("- YouTube"), "{out}");
        // Known furniture under the colon stays out.
        let share = "If you found this page useful, please help spread the word on these sites:";
        let out = outline_of(&page(share, "Facebook\n\nTwitter\n\nLinkedIn\n\nEmail\n\n"));
        assert!(!out.contains("Twitter"), "{out}");
        // A sentence in the run ends it: the lines after it are not the list's.
        let out = outline_of(&page(
            intro,
            "Leeds\n\nSheffield\n\nParking at each clinic is free.\n\nBristol\n\nCardiff\n\nGlasgow\n\n",
        ));
        assert!(!out.contains("- Bristol"), "{out}");
        // In a corpus whose other pages show the site's menu of cities, the lines
        // of that menu under a sentence ending on a colon begin no list: they are
        // the site's, not the page's.
        let menu = "Clinics\nLeeds\nSheffield\nBristol\nCardiff\n";
        let corpus = |first: String| -> String {
            let inputs: Vec<crate::clean::Input> = (0..4)
                .map(|i| crate::clean::Input {
                    name: format!("p{i}.txt"),
                    bytes: if i == 0 {
                        first.clone()
                    } else {
                        format!("{menu}\nClinic news number {i} for the region\n\n{STORY} Page {i}.\n\n{STORY} Again, page {i}.\n")
                    }
                    .into_bytes(),
                })
                .collect();
            crate::clean::clean_corpus(&inputs, &Default::default(), &Default::default())
                .unwrap()
                .pages[0]
                .doc
                .outline()
        };
        let out = corpus(format!(
            "{menu}\nOur outreach clinics for bone sarcoma follow-up\n\n{STORY}\n\n{intro}\n\nLeeds\n\nSheffield\n\nBristol\n\nCardiff\n\n{STORY} It is the second paragraph, after the list.\n"
        ));
        assert!(!out.contains("- Leeds"), "{out}");
    }

    /// A table under the text that introduces it comes back whole with its caption,
    /// though its rows looked like menu items; the record says so, with its lines.
    /// A table under the site's furniture, under more short lines than a caption
    /// has, or of two rows, stays removed. Right under the text with nothing to
    /// introduce it, a table of figures or phrases is kept with a warning, one of
    /// labels is not.
    #[test]
    fn a_table_under_its_text_is_kept_whole() {
        let rows = "Stage\tPatients\tFive-year survival\nLocalised\t210\t70%\nMetastatic\t45\t30%\nRelapsed\t30\t20%\n";
        let page = |above: &str, rows: &str| {
            format!(
                "Bone sarcoma outcomes at our centre\n\n{STORY}\n\n{above}\n\n{rows}\nShare\nPrint\nEmail\n"
            )
        };
        let text = "Of the 285 patients treated here since 2010, these are the numbers by the stage at which the tumour was found.";
        let cleaned = clean_one(
            "p.txt",
            page(&format!("{text}\n\nSurvival by stage"), rows).as_bytes(),
        )
        .unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(
            out.contains("\n\nSurvival by stage\n\n| Stage | Patients | Five-year survival |\n| Localised | 210 | 70% |\n| Metastatic | 45 | 30% |\n| Relapsed | 30 | 20% |\n"),
            "{out}"
        );
        assert!(!out.contains("Share"), "{out}");
        assert!(
            warns(
                &cleaned,
                "lines 7-12 are kept as the table that the text above introduces"
            ),
            "{:?}",
            cleaned.pages[0].log.warnings
        );
        // A caption of two lines, a title and a sort order, comes back with it.
        let out = outline_of(&page(
            &format!("{text}\n\nSurvival by stage\n\nBy number of patients"),
            rows,
        ));
        assert!(
            out.contains("\n\nBy number of patients\n\n| Stage |"),
            "{out}"
        );
        // With no caption, a sentence ending on a colon introduces it, and so does
        // a question over its answers.
        for intro in [
            "Of the 285 patients treated here since 2010, these are the numbers by the stage at which the tumour was found:",
            "How many of the 285 patients treated here since 2010 were alive five years later, by the stage at which the tumour was found?",
        ] {
            let out = outline_of(&page(intro, rows));
            assert!(out.contains("| Metastatic | 45 | 30% |"), "{intro}: {out}");
        }
        // A second table under the first, with its own caption, is kept too.
        let ages = "Age\tPatients\nUnder 18\t120\n18 to 40\t110\nOver 40\t55\n";
        let out = outline_of(&page(
            &format!("{text}\n\nSurvival by stage"),
            &format!("{rows}\nPatients by age\n\n{ages}"),
        ));
        assert!(
            out.contains("\n\nPatients by age\n\n| Age | Patients |\n"),
            "{out}"
        );
        assert!(out.contains("| Over 40 | 55 |"), "{out}");
        // Right under an article's last paragraph, with no caption, colon or
        // question, a table of figures is kept, with a warning to check it;
        // a grid of labels there ("Print⇥Subscribe") stays removed.
        let cleaned = clean_one("p.txt", page(text, rows).as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("| Metastatic | 45 | 30% |"), "{out}");
        assert!(
            warns(
                &cleaned,
                "lines 7-10 are kept as a table right under the text"
            ),
            "{:?}",
            cleaned.pages[0].log.warnings
        );
        let labels = "Print\tSubscribe\nE-mail\tToolbar\nShare\tComments\n";
        let out = outline_of(&page(text, labels));
        assert!(!out.contains("Subscribe"), "{out}");
        // A table of words is data when a cell is a phrase; the footer's link grid
        // right under it is no row of it.
        let options = "Option\tWho it is for\nSperm banking\tMales after puberty\nEgg freezing\tFemales after puberty\nAbout us\tContact\tPrivacy\n";
        let out = outline_of(&page(text, options));
        assert!(
            out.contains("| Option | Who it is for |\n| Sperm banking | Males after puberty |\n| Egg freezing | Females after puberty |\n"),
            "{out}"
        );
        assert!(!out.contains("About us"), "{out}");
        // A stranger's attack (session 58): a row short of cells between full
        // rows, a header that lost its top-left cell, and a footer's grid of the
        // same width under the table each lost the whole table, with no warning.
        // The rows left out are named in the warning.
        for (rows, want) in [
            (
                "Stage\tPatients\tFive-year survival\nLocalised\t210\t70%\nRegional\t95\nMetastatic\t45\t30%\nRelapsed\t30\t20%\n",
                "| Regional | 95 |",
            ),
            (
                "Osteosarcoma\tEwing sarcoma\nUsual age\t10 to 25\t10 to 20\nCommon site\tKnee\tPelvis\nFive-year survival\t70%\t65%\n",
                "| Common site | Knee | Pelvis |",
            ),
            (
                "Stage\tFive-year survival\nLocalised\t70%\nMetastatic\t30%\n\nAbout us\tContact us\nPrivacy\tTerms\nCookies\tSitemap\n",
                "| Metastatic | 30% |",
            ),
        ] {
            let cleaned = clean_one("p.txt", page(text, rows).as_bytes()).unwrap();
            let out = cleaned.pages[0].doc.outline();
            assert!(out.contains(want), "{rows:?}: {out}");
            assert!(!out.contains("Sitemap"), "{out}");
            assert!(
                warns(&cleaned, "are kept as a table right under the text"),
                "{rows:?}: {:?}",
                cleaned.pages[0].log.warnings
            );
        }
        // The run's rows left out are named: a footer's grid, dropped as a menu,
        // and a row short of cells at the table's end.
        for (rows, left) in [
            (
                "Stage\tFive-year survival\nLocalised\t70%\nMetastatic\t30%\n\nAbout us\tContact us\nPrivacy\tTerms\nCookies\tSitemap\n",
                "; lines 11-13 under it, rows of another width or dropped otherwise, are not part of it",
            ),
            (
                "Stage\tPatients\tFive-year survival\nLocalised\t210\t70%\nMetastatic\t45\t30%\nRegional\t95\n",
                "; line 10 under it, a row of another width or dropped otherwise, is not part of it",
            ),
        ] {
            let cleaned = clean_one("p.txt", page(text, rows).as_bytes()).unwrap();
            assert!(
                warns(&cleaned, left),
                "{rows:?}: {:?}",
                cleaned.pages[0].log.warnings
            );
        }
        // So it does under the site's furniture between it and the text.
        let out = outline_of(&page(
            &format!("{text}\n\nAdvertisement\n\nSurvival by stage"),
            rows,
        ));
        assert!(!out.contains("Metastatic"), "{out}");
        // Under a line of tags, which is no caption.
        let tags = "Tags: bone sarcoma, osteosarcoma, Ewing sarcoma, chondrosarcoma, chordoma, MAP chemotherapy, limb salvage, amputation, prosthesis, physiotherapy";
        let out = outline_of(&page(&format!("{text}\n\n{tags}"), rows));
        assert!(!out.contains("Metastatic"), "{out}");
        // Under three short lines, more than a caption's two.
        let out = outline_of(&page(
            &format!("{text}\n\nOur centre\n\nSurvival by stage\n\nBy number of patients"),
            rows,
        ));
        assert!(!out.contains("Metastatic"), "{out}");
        // Under a sentence of nine words, too short to be the text that
        // introduces it.
        let out = outline_of(&page(
            "Below are the outcomes of treatment at our centres.\n\nSurvival by stage",
            rows,
        ));
        assert!(!out.contains("Metastatic"), "{out}");
        // Two rows are no table to bring back.
        let out = outline_of(&page(
            &format!("{text}\n\nSurvival by stage"),
            "Stage\tPatients\nLocalised\t210\n",
        ));
        assert!(!out.contains("Localised"), "{out}");
    }

    /// The run under a restored table, which the run model dropped on its
    /// probability as a run away from the main text while the table stood removed
    /// between, comes back with it, each item as it was (its kinds set by hand
    /// here: the run model's verdict is hard to reach with a small page), and so
    /// does the next table under it. A line of the run dropped for another reason
    /// stays dropped, a run that held the table goes on from it the same way, and
    /// a run dropped as teasers (no record of a model drop) is not restored, nor
    /// the table under it.
    #[test]
    fn the_run_under_a_restored_table_comes_back() {
        use super::super::{DropReason, Item, Kind, ModelDrop};
        use crate::clean::{normalise::row_text, reflow::Unit};
        let line = |t: &str, kind: Kind| {
            let mut it = Item::new(
                Unit {
                    text: t.to_string(),
                    ..Unit::default()
                },
                true,
            );
            it.kind = kind;
            it
        };
        let row = |cells: &[&str]| {
            let row: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            let mut it = Item::new(
                Unit {
                    text: row_text(&row),
                    row,
                    ..Unit::default()
                },
                true,
            );
            it.kind = Kind::Drop(DropReason::NoTextAfter);
            it
        };
        let no_text_after = Kind::Drop(DropReason::NoTextAfter);
        let outside = Kind::Drop(DropReason::OutsideMainText);
        let table = || {
            vec![
                row(&["Stage", "Patients"]),
                row(&["Localised", "210"]),
                row(&["Metastatic", "45"]),
            ]
        };
        let page = || {
            let mut items = vec![
                line(STORY, Kind::Paragraph),
                line("Survival by stage", no_text_after.clone()),
            ];
            items.extend(table());
            // 5: the run under the table: a list item, a line dropped on its own
            // evidence, a paragraph.
            items.push(line(
                "Localised means the tumour has not spread",
                outside.clone(),
            ));
            items.push(line("Share this page", no_text_after.clone()));
            items.push(line(
                &format!("{STORY} It goes on under the table."),
                outside.clone(),
            ));
            items.push(line("Patients by age", no_text_after.clone()));
            items.extend(table());
            items
        };
        let drop = ModelDrop {
            first: 5,
            kinds: vec![
                Kind::ListItem { ordered: false },
                no_text_after.clone(),
                Kind::Paragraph,
            ],
        };
        let mut items = page();
        super::tables_under_their_text(&mut items, &[&drop], &mut crate::record::Log::default());
        let kinds: Vec<&Kind> = items.iter().map(|it| &it.kind).collect();
        assert_eq!(kinds[5], &Kind::ListItem { ordered: false }, "{kinds:?}");
        assert_eq!(kinds[6], &no_text_after, "{kinds:?}");
        assert_eq!(kinds[7], &Kind::Paragraph, "{kinds:?}");
        assert!(
            kinds[8..].iter().all(|k| **k == Kind::Paragraph),
            "{kinds:?}"
        );
        // A run that held the table too (its rows were kept when the run model
        // dropped it) goes on from the table the same way.
        let mut items = page();
        for it in &mut items[2..5] {
            it.kind = outside.clone();
        }
        let held = ModelDrop {
            first: 2,
            kinds: [vec![Kind::Paragraph; 3], drop.kinds.clone()].concat(),
        };
        super::tables_under_their_text(&mut items, &[&held], &mut crate::record::Log::default());
        let kinds: Vec<&Kind> = items.iter().map(|it| &it.kind).collect();
        assert_eq!(kinds[5], &Kind::ListItem { ordered: false }, "{kinds:?}");
        assert_eq!(kinds[7], &Kind::Paragraph, "{kinds:?}");
        // Dropped as teasers, the run stays dropped, and the table under it too.
        let mut items = page();
        super::tables_under_their_text(&mut items, &[], &mut crate::record::Log::default());
        let kinds: Vec<&Kind> = items.iter().map(|it| &it.kind).collect();
        assert!(
            kinds[2..5].iter().all(|k| **k == Kind::Paragraph),
            "{kinds:?}"
        );
        assert_eq!(kinds[7], &outside, "{kinds:?}");
        assert_eq!(kinds[11], &no_text_after, "{kinds:?}");
    }

    /// Whether the first page of `cleaned` has a warning whose message contains `part`.
    fn warns(cleaned: &crate::clean::Cleaned, part: &str) -> bool {
        cleaned.pages[0]
            .log
            .warnings
            .iter()
            .any(|w| w.message.contains(part))
    }

    const STORY: &str = "The trial compared two ways of giving chemotherapy to children and young adults with bone tumours, and it reported how many of them were alive five years later.";

    /// The outline of a page: a title, `list` as bulleted lines between `before`
    /// and a footer line, and the story.
    fn outline(before: &str, list: &[&str]) -> String {
        let items: String = list.iter().map(|i| format!("- {i}\n")).collect();
        outline_of(&format!(
            "Chemotherapy for bone tumours in young people\n\n{before}\n\n{items}\nCopyright 2024 Example Registry. All rights reserved.\n\n{STORY}\n\n{STORY} It is the second paragraph.\n"
        ))
    }

    /// A news page with `lines` between its second and last paragraphs of text.
    fn between_paragraphs(lines: &str) -> String {
        format!(
            "Bone tumour news\n\n{STORY}\n\n{STORY} It is the second paragraph.\n\n{lines}\n\n{STORY} It is the last paragraph.\n"
        )
    }

    /// `page` cleaned alone: its outline, and whether an edit's reason contains
    /// `reason`.
    fn cleaned_with(page: &str, reason: &str) -> (String, bool) {
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let p = &cleaned.pages[0];
        let found = p.log.edits.iter().any(|e| e.reason.contains(reason));
        (p.doc.outline(), found)
    }

    /// A sidebar's heading ends the text on a page alone: the heading above it no longer
    /// introduces the sidebar's stories under it. A share bar there is looked past.
    #[test]
    fn a_sidebar_heading_ends_the_text_before_it() {
        let page = |notice: &str| {
            format!(
                "Match report\n\n{STORY} First.\n\n{STORY} Second.\n\n\
                 Respond to the report on the match\n\n{notice}\n\n\
                 Our sponsor sells tickets to every home game of the season, and members of the club pay half price for them.\n"
            )
        };
        for notice in [
            "Most Read",
            "You might also like:",
            "Sponsored Links",
            "Trending now",
            "Recent Posts",
            "Blog Archive",
        ] {
            let (outline, found) = cleaned_with(&page(notice), super::SIDEBAR_HEADINGS);
            assert!(found, "{notice}");
            assert!(!outline.contains("Respond to the report"), "{outline}");
        }
        // A share bar is looked past; "Trending" alone is no sidebar's heading.
        for notice in ["Share this page", "Trending"] {
            let (outline, _) = cleaned_with(&page(notice), "");
            assert!(outline.contains("Respond to the report"), "{outline}");
        }
        // The heading over the site's other stories ends the text after the first
        // paragraph too.
        for notice in ["More Business stories", "Other news"] {
            let (outline, found) = cleaned_with(&page(notice), "other stories heading");
            assert!(found, "{notice}");
            assert!(!outline.contains("Respond to the report"), "{outline}");
        }
    }

    /// A comment form's heading is where the article ends, repeated or not: the heading
    /// over it no longer introduces the sidebar under it. Behind a share bar or "On this
    /// page", or a link to the site's own pages that the corpus does not repeat, a
    /// heading still looks past such a line to its text.
    #[test]
    fn an_article_ending_line_ends_the_text_before_it() {
        let page = |i: usize, notice: &str| {
            format!(
                "Match report number {i}\n\n{STORY} Match {i}.\n\n{STORY} Again, match {i}.\n\n\
                 Respond to the report on match {i}\n\n{notice}\n\n\
                 Our sponsor for match {i} sells tickets to every home game of the season, and members of the club pay half price for them.\n"
            )
        };
        let corpus = |notice: &str| -> Vec<String> {
            let inputs: Vec<crate::clean::Input> = (0..4)
                .map(|i| crate::clean::Input {
                    name: format!("p{i}.txt"),
                    bytes: page(i, notice).into_bytes(),
                })
                .collect();
            crate::clean::clean_corpus(&inputs, &Default::default(), &Default::default())
                .unwrap()
                .pages
                .iter()
                .map(|p| p.doc.outline())
                .collect()
        };
        for outline in corpus("Leave a Reply") {
            assert!(!outline.contains("Respond to the report"), "{outline}");
        }
        // A share bar or a page's contents label may stand between a heading and its text.
        for notice in ["Share this page", "On this page"] {
            for outline in corpus(notice) {
                assert!(outline.contains("Respond to the report"), "{outline}");
            }
        }
        // On a page alone too; but a link to one of the site's own pages ends the
        // text only where the corpus repeats it.
        let (outline, _) = cleaned_with(&page(0, "Leave a Reply"), "");
        assert!(!outline.contains("Respond to the report"), "{outline}");
        let (outline, _) = cleaned_with(&page(0, "Contact us"), "");
        assert!(outline.contains("Respond to the report"), "{outline}");
        for outline in corpus("Contact us") {
            assert!(!outline.contains("Respond to the report"), "{outline}");
        }
        // Each listed group is a group of the built-in list.
        let rules = crate::clean::classify::Rules::new(Default::default(), 3).unwrap();
        for line in [
            "Leave a Reply",
            "All rights reserved",
            "Contact us",
            "Subscribe to our newsletter",
            "Skip to content",
            "We use cookies",
        ] {
            let label = match rules.boilerplate(line) {
                Some(crate::model::DropReason::Boilerplate { label }) => label,
                other => panic!("{line}: {other:?}"),
            };
            assert!(
                super::ARTICLE_ENDING_GROUPS.contains(&label.as_str()),
                "{label}"
            );
        }
        assert!(!super::ARTICLE_ENDING_GROUPS.contains(&"share, print and save buttons"));
        assert_eq!(
            rules.boilerplate("Contact us"),
            Some(crate::model::DropReason::Boilerplate {
                label: super::OWN_PAGES.to_string()
            })
        );
    }

    /// Policy links and credits end the text only where the corpus repeats them.
    #[test]
    fn policy_links_and_credits_need_repetition() {
        for line in [
            "Copyright policy",
            "Cookie Policy",
            "© Science Photo Library",
        ] {
            assert!(super::needs_repetition(
                "copyright, licence or site footer",
                line
            ));
        }
        assert!(super::needs_repetition(super::OWN_PAGES, "Contact us"));
        assert!(!super::needs_repetition(
            "copyright, licence or site footer",
            "All rights reserved"
        ));
        assert!(!super::needs_repetition("comment form", "Leave a Reply"));
    }

    /// A blog's archive of months in a row goes, newest first, with or without its
    /// counts of posts, in Blogger's tree of years and months too. Months that run
    /// forwards, a list the text introduces with a colon, a timeline's bullets with
    /// their events under them, months heading paragraphs, and a run of two stay.
    #[test]
    fn a_blogs_archive_of_months_is_a_menu() {
        let gone = |lines: &str| {
            let (outline, found) = cleaned_with(&between_paragraphs(lines), "archive of months");
            assert!(found, "{outline}");
            outline
        };
        let outline = gone("November 2012 (3)\n► October 2012 (5)\nSeptember 2012");
        assert!(!outline.contains("2012"), "{outline}");
        let outline = gone(
            "10/01/2012 - 11/01/2012 (3)\n09/01/2012 - 10/01/2012 (2)\n08/01/2012 - 09/01/2012",
        );
        assert!(!outline.contains("2012"), "{outline}");
        let outline = gone("▼ 2012 (120)\n► November (10)\n► October (15)\n► 2011 (98)");
        assert!(!outline.contains("(10)"), "{outline}");
        let kept = |lines: &str, month: &str| {
            let (outline, found) = cleaned_with(&between_paragraphs(lines), "archive of months");
            assert!(!found && outline.contains(month), "{outline}");
        };
        kept(
            "September 2012 (2)\nOctober 2012 (5)\nNovember 2012 (3)",
            "October 2012",
        );
        kept(
            "Affected lots were distributed in:\nDecember 2012\nNovember 2012\nOctober 2012",
            "November 2012",
        );
        kept(
            "- March 2013\n    Phase III trial opens; 600 patients enrolled.\n- June 2012\n    Interim analysis.\n- January 2012\n    The application is filed.",
            "June 2012",
        );
        kept("November 2012 (3)\nOctober 2012 (5)", "October 2012 (5)");
        kept("1502 (70)\n1398 (66)\n1290 (68)", "1398 (66)");
        let timeline = format!(
            "March 2012\n\n{STORY}\n\nFebruary 2012\n\n{STORY} Later.\n\nJanuary 2012\n\n{STORY} Later still."
        );
        kept(&timeline, "February 2012");
    }

    /// A phpBB trail ("‹") is a breadcrumb; a chain of arrows in prose or a
    /// pathway ("Glucose → pyruvate → lactate") is not.
    #[test]
    fn a_trail_with_left_guillemets_is_a_breadcrumb() {
        assert!(super::BREADCRUMB.is_match("Board index ‹ Patients and carers ‹ Osteosarcoma"));
        assert!(!super::BREADCRUMB.is_match("Glucose → pyruvate → lactate"));
        assert!(!super::BREADCRUMB.is_match("Referral → biopsy → MDT review → surgery"));
    }

    /// A short line ending in "»" or "›" is a link to another page; not a section's
    /// link over a teaser's text, nor a line with a quotation in guillemets, nor a
    /// line of six words before the mark.
    #[test]
    fn a_short_line_ending_in_a_guillemet_is_a_link_onwards() {
        use super::super::Item;
        use crate::clean::reflow::Unit;
        let items = |lines: &[&str]| -> Vec<Item> {
            lines
                .iter()
                .map(|t| {
                    Item::new(
                        Unit {
                            text: (*t).to_string(),
                            ..Unit::default()
                        },
                        true,
                    )
                })
                .collect()
        };
        let teaser = "Canada's real estate market may not be slowing, but a study suggests income growth is not keeping pace with housing prices.";
        for lines in [
            &[
                "Holmes to face formal charges in Colorado",
                "Complete Coverage »",
                "About us",
            ][..],
            &["MORE TENNIS »", "Most read"],
            &["View Gallery ›"],
        ] {
            let it = items(lines);
            let at = it
                .iter()
                .position(|i| i.unit.text.ends_with(['»', '›']))
                .unwrap();
            assert!(super::onward_link(&it, at), "{lines:?}");
        }
        for lines in [
            // A section's link over a teaser: its label, not a link that ends a block.
            &[
                "Consumer Life »",
                "Housing prices outpacing income growth: study",
                teaser,
            ][..],
            &["Consumer Life »", teaser],
            // A quotation in guillemets.
            &["Les « boîtes noires »"],
            &["»Jag vet inte»"],
            // Six words before the mark.
            &["Read the latest bone tumour news »"],
        ] {
            assert!(!super::onward_link(&items(lines), 0), "{lines:?}");
        }
    }

    /// A table of figures right under the title is text, kept as a table with every
    /// cell, even beside furniture a blank line away; an infobox, a menu laid out in
    /// columns, a ticker of one-word cells, a ranked list or league table, and rows of
    /// unequal or empty cells there are still dropped, every row of them.
    #[test]
    fn a_table_of_figures_before_the_text_is_kept() {
        let page = |rows: &str| {
            format!(
                "Survival for bone tumours\n\n{rows}\n\n{STORY}\n\n{STORY} It is the second paragraph.\n"
            )
        };
        // The page's outline and how many rows went as an infobox.
        let cleaned = |rows: &str| {
            let cleaned = crate::clean::clean_one("p.txt", page(rows).as_bytes()).unwrap();
            let p = &cleaned.pages[0];
            let dropped = p
                .log
                .edits
                .iter()
                .filter(|e| e.reason.contains("infobox"))
                .count();
            (p.doc.outline(), dropped)
        };
        let figures = "Stage\tFive-year survival\nLocalised\tabout 7 in 10\nSpread\tabout 3 in 10";
        let table = "| Stage | Five-year survival |\n| Localised | about 7 in 10 |\n| Spread | about 3 in 10 |";
        let (outline, dropped) = cleaned(figures);
        assert_eq!(dropped, 0, "{outline}");
        assert!(outline.contains(table), "{outline}");
        // A menu in columns a blank line above is another run: it goes, the table stays.
        let (outline, dropped) = cleaned(&format!(
            "Arts\tMovie reviews\nCelebrity news\tLocal events\n\n{figures}"
        ));
        assert_eq!(dropped, 2, "{outline}");
        assert!(outline.contains(table), "{outline}");
        for furniture in [
            // A menu in two columns: no figures.
            "Arts\tMovie reviews\nCelebrity news\tLocal events\nHigh school sports\tPhotos",
            // An infobox: figures in some of its values only.
            "Born\t12 May 1950, London\nDied\t3 June 2010 (aged 60)\nNationality\tBritish\nKnown for\tLimb-sparing surgery",
            // A ticker: one-word cells.
            "USD\t0,8453\nEUR\t1,2516\nCHF\t0,7679",
            // A ranked list of the most-read stories, and a league table under its header.
            "1\tArt work on display\n2\tFirm builds on budget deal\n3\tPupils cut it fine",
            "Pos\tTeam\tPts\n1\tManchester City\t91\n2\tLeeds United\t85",
            // Unequal rows, and an empty cell.
            "Stage\tFive-year survival\tSource\nLocalised\tabout 7 in 10",
            "Stage\tFive-year survival\tSource\nLocalised\t\tRegistry 2019\nSpread\tabout 3 in 10\tRegistry 2019",
            // One row alone.
            "Localised\tabout 7 in 10",
        ] {
            let (outline, dropped) = cleaned(furniture);
            assert_eq!(
                dropped,
                furniture.lines().count(),
                "{furniture:?}:\n{outline}"
            );
        }
    }

    /// A running header needs its page's text under the page number; a heading over
    /// a year and a numbered list's steps are not page furniture.
    #[test]
    fn a_heading_over_a_year_or_a_step_is_no_running_header() {
        // A printed page's text, wrapped at about 40 characters.
        let para = "Two surgeons in Toronto showed that an\n\
            extract of the pancreas lowered the\n\
            blood sugar of diabetic dogs, and within\n\
            a year the extract was saving the lives\n\
            of children who would otherwise have\n\
            died within months of the diagnosis, and\n\
            the two surgeons shared a Nobel prize\n\
            for the work only two years after it.";
        let body = |page: &str| match crate::clean::clean_one("p.txt", page.as_bytes()) {
            Ok(c) => format!("{} {:?}", c.pages[0].doc.title, c.pages[0].doc.blocks),
            Err(e) => panic!("{e}"),
        };
        let intro = "A short history of diabetes care\n\n";
        let year = body(&format!("{intro}Discovery of insulin\n1921\n{para}\n"));
        assert!(year.contains("Discovery of insulin"), "{year}");
        let steps = body(&format!("{intro}1\nWash your hands with soap\n2\n{para}\n"));
        assert!(steps.contains("Wash your hands"), "{steps}");
        // A label over its value, another label under it.
        let values = body(&format!(
            "{intro}{para}\n\nThe patient on admission\n\nHeart rate per minute\n72\nSystolic pressure\n120\n\n{para}\n"
        ));
        assert!(values.contains("Heart rate per minute"), "{values}");
        // A web page's statistic over a paragraph that is one line, not a printed
        // page's wrapped text.
        let stat = body(&format!(
            "{intro}Patients enrolled in the trial\n412\n{}\n",
            para.replace('\n', " ")
        ));
        assert!(stat.contains("Patients enrolled"), "{stat}");
        // Without a year or a step above it, the same line is the page's header.
        let header = body(&format!("{intro}Discovery of insulin\n121\n{para}\n"));
        assert!(!header.contains("Discovery of insulin"), "{header}");
    }

    /// A blog network's list of its stories beside a short post ("squee 11:30 PM
    /// This Cat's…"), newest first: three lines or more of a time and a headline go,
    /// the post stays; two such lines are no list, a dateline with its time zone is
    /// no line of one, and a schedule in an article (its times run forwards) stays.
    #[test]
    fn a_list_of_stories_with_their_times_goes() {
        let text = |river: &str| {
            format!(
                "A Costume Contest at the Animal Shelter\n\n\
                 The shelter held its first costume contest on Saturday, and the winner was a \
                 grey cat dressed as a general, who sat still for the judges for almost a minute.\n\n\
                 Latest Stories\n\n{river}\n\nAbout\nHelp\nPrivacy\n"
            )
        };
        // The lines that went as a list of stories, by the page's edit record.
        let listed = |page: &str| match crate::clean::clean_one("p.txt", page.as_bytes()) {
            Ok(c) => crate::record::page_report("p.txt", &c.pages[0].accounting, &c.pages[0].log)
                .lines()
                .filter(|l| l.contains("the site's list of stories"))
                .map(str::to_string)
                .collect::<Vec<_>>(),
            Err(e) => panic!("{e}"),
        };
        let river = "squee 11:30 PM A Costume Contest at the Animal Shelter\n\n\
                     frankenstorm 10:15 PM The Mayor Asks Everyone to Stay at Home Tonight\n\n\
                     Updated 10:05 PM EDT Police Name the Driver in Friday's Crash\n\n\
                     Grierson & Leitch 6:43 PM An Unpredictable Career Gets Back on Track?\n\n\
                     weighty matters 5:45 PM Horror Movies Burn Calories, Says a New Study";
        let out = outline_of(&text(river));
        assert!(out.contains("grey cat dressed as a general"), "{out}");
        for gone in ["The Mayor Asks", "Career Gets Back", "Horror Movies Burn"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        let went = listed(&text(river));
        // The first two reach the classifier joined (a lower-case line continues the
        // one above it), the dateline stays apart.
        assert_eq!(went.len(), 3, "{went:?}");
        assert!(went.iter().all(|l| !l.contains("Police Name")), "{went:?}");
        let two = "frankenstorm 10:15 PM The Mayor Asks Everyone to Stay at Home Tonight\n\n\
                   weighty matters 5:45 PM Horror Movies Burn Calories, Says a New Study";
        assert_eq!(
            listed(&text(two)),
            Vec::<String>::new(),
            "two lines are no list"
        );
        // A bowel preparation's schedule between two paragraphs of an article.
        let schedule = "Preparing for a colonoscopy\n\n\
             The day before the test you eat only clear liquids, and in the evening you drink \
             the preparation in two halves, as your nurse will explain to you.\n\n\
             5:00 PM Drink the first half of the prep solution\n\
             9:00 PM Drink the second half of the solution\n\
             11:00 PM Nothing more by mouth until the procedure\n\n\
             On the morning of the test you may take your usual tablets with a sip of water, \
             unless your doctor has told you otherwise.\n";
        assert_eq!(listed(schedule), Vec::<String>::new());
        assert!(
            outline_of(schedule).contains("Drink the first half"),
            "{}",
            outline_of(schedule)
        );
        // A live blog, newest first: entries that end their sentences, and timed
        // headings over paragraphs of prose.
        let blog = "update 11:30 PM The governor declared an emergency in three counties.\n\n\
                    update 10:15 PM Power is out for two hundred thousand customers tonight.\n\n\
                    update 9:45 PM The storm reached the coast an hour earlier than forecast.";
        assert_eq!(listed(&text(blog)), Vec::<String>::new());
        let headed = "Storm updates\n\n\
             The storm reached the coast on Monday evening, and these are the latest reports \
             from our correspondents as they came in.\n\n\
             11:30 PM Governor Declares an Emergency\n\n\
             The governor declared an emergency in three counties and asked people to stay \
             at home until the morning.\n\n\
             10:15 PM Power Out for Thousands\n\n\
             About two hundred thousand customers had no power by ten o'clock, the company \
             said in a statement.\n\n\
             9:45 PM Storm Reaches the Coast\n\n\
             The storm reached the coast an hour earlier than forecast, with winds of almost \
             ninety miles an hour.\n";
        assert_eq!(listed(headed), Vec::<String>::new());
        // Entries longer than a headline (a live blog's) are no list either.
        let long = "update 11:30 PM Officials Say the Emergency Covers Three Counties Along the \
                    Coast and Schools Will Stay Closed on Tuesday While Crews Clear the Roads\n\n\
                    update 10:15 PM Power Company Says Two Hundred Thousand Customers Are Without \
                    Power and Crews From Four States Are on Their Way to Help\n\n\
                    update 9:45 PM Forecasters Say the Storm Reached the Coast an Hour Earlier \
                    Than Expected With Winds of Almost Ninety Miles an Hour";
        assert_eq!(listed(&text(long)), Vec::<String>::new());
    }

    /// A recipe's ingredients, one per line with no bullets, are a list, and the
    /// steps after them stay; lines with a number but no unit (a ranked list of
    /// searches) are no such list.
    #[test]
    fn quantity_lines_are_a_list() {
        let page = |lines: &str| {
            format!(
                "Pasta and beans for a cold night\n\nHOME\nRECIPES\nABOUT\nCONTACT\n\n\
                 This is the soup my grandmother made every winter, and it has fed our family \
                 through more snowstorms than I can count, so here it is for you.\n\n\
                 Ingredients\n\n{lines}\n\nDirections\n\n\
                 Heat the oil in a large pot over medium heat and cook the onion until it is soft.\n\
                 Add the beans and the broth, bring to a boil and simmer for twenty minutes.\n\n\
                 Print This Post\n\nCopyright 2012 Example Kitchen. All rights reserved.\n"
            )
        };
        let ingredients = "2 tablespoons olive oil\n1 large sweet onion, chopped\n1 carrot, diced\n\
                           2 (14.5-ounce) cans cannellini beans, drained and rinsed\n\
                           Salt and freshly ground black pepper to taste\n4 cups chicken broth";
        let out = outline_of(&page(ingredients));
        for item in [
            "- 2 tablespoons olive oil",
            "- 1 carrot, diced",
            "- Salt and freshly ground black pepper to taste",
            "- 4 cups chicken broth",
        ] {
            assert!(out.contains(item), "{item}: {out}");
        }
        assert!(out.contains("Heat the oil in a large pot"), "{out}");
        // Parts of a list under their own lines with colons, and units glued to the
        // number ("250g"): every line is an item but the parts' heads.
        let parts = "For the crust:\n250g plain flour\n125g cold butter, diced\n1 large egg yolk\n\
                     For the filling:\n500 g apples, sliced\n2 tablespoons brown sugar";
        let out = outline_of(&page(parts));
        for item in [
            "- 250g plain flour",
            "- 1 large egg yolk",
            "- 2 tablespoons brown sugar",
        ] {
            assert!(out.contains(item), "{item}: {out}");
        }
        assert!(!out.contains("- For the filling:"), "{out}");
        // A ranked list of searches has numbers but no unit: no quantity list (on
        // the page, its lines may still read as a list by their layout).
        let ranked = [
            "1 beyonce falling",
            "2 virginia tech",
            "3 weather",
            "4 owen wilson",
        ];
        let mut items: Vec<super::Item> = ranked
            .iter()
            .map(|t| {
                let unit = super::Unit {
                    text: t.to_string(),
                    ..super::Unit::default()
                };
                super::Item::new(unit, true)
            })
            .collect();
        super::quantity_lists(&mut items);
        assert!(items.iter().all(|it| it.kind == super::Kind::Open));
    }

    /// A site's tabs kept as a bulleted list go as a menu; a list the text
    /// introduces, a list of the page's subjects, and items in sentence case stay.
    #[test]
    fn bulleted_menus_go_and_lists_stay() {
        const META: &str = "Last Update Posted June 2018";
        let tabs = ["Study Details", "Tabular View", "Results Submitted"];
        // (line before the list, the list, an item, whether it stays)
        let cases: [(&str, [&str; 3], &str, bool); 6] = [
            (META, tabs, "Tabular View", false),
            // Introduced by a colon.
            (
                "The trial has three kinds of record:",
                tabs,
                "Tabular View",
                true,
            ),
            // Half the items or more name what the text is about.
            (
                META,
                ["Chemotherapy Doses", "Surviving Children", "Late Effects"],
                "Late Effects",
                true,
            ),
            // Sentence case: not a menu's labels.
            (
                META,
                ["Study details", "Tabular view", "Results submitted"],
                "Tabular view",
                true,
            ),
            // Plurals of the text's words name its subjects too.
            (
                META,
                ["Chemotherapies", "Trials", "Tabular View"],
                "Tabular View",
                true,
            ),
            // Abbreviations have no word to be a menu's label.
            (META, ["MRI", "CT", "PET"], "- PET", true),
        ];
        for (before, list, item, stays) in cases {
            let out = outline(before, &list);
            assert_eq!(out.contains(item), stays, "{list:?}: {out}");
            assert!(out.contains("second paragraph"), "{out}");
        }
    }

    /// `line`, between a page's title and its text, is removed as a breadcrumb.
    fn removed_as_breadcrumb(line: &str) -> bool {
        let page = format!(
            "Our bone cancer fun run\n\n{line}\n\n{STORY}\n\n{STORY} It is the second paragraph.\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        cleaned.pages[0]
            .log
            .edits
            .iter()
            .any(|e| e.before == line && e.reason == "breadcrumb navigation")
    }

    /// A trail after its label is a breadcrumb even when its last crumb, the page's
    /// name, ends a sentence; an unlabelled line of slashes that ends one is text.
    #[test]
    fn a_labelled_trail_is_a_breadcrumb() {
        for (line, crumb) in [
            (
                "You are here: Home / Support / It's back! Our bone cancer fun run",
                true,
            ),
            (
                "I love it / it segfaulted / there's a problem in the manual!",
                false,
            ),
        ] {
            assert_eq!(removed_as_breadcrumb(line), crumb, "{line}");
        }
    }

    /// A trail from the home page is a breadcrumb even with one crumb after "Home",
    /// spaced or not, and whatever its last crumb holds; a line that merely starts
    /// with the word, or with "Homeopathy", is text.
    #[test]
    fn a_trail_from_home_is_a_breadcrumb() {
        for (line, crumb) in [
            ("Home > Treatment", true),
            ("Home> Treatment", true),
            ("Home » Family stories", true),
            (
                "Home / Patient stories / Running again after limb salvage?",
                true,
            ),
            ("HOME | Support", true),
            ("Home page / News", true),
            (
                "Home is where most of the recovery after surgery happens",
                false,
            ),
            ("Home visits / phone calls from the nurse", false),
            ("Homeopathy > evidence", false),
            ("Home/school diaries", false),
            // A sentence, or a table's row with a figure in per cent, is no trail.
            (
                "Home / community rehabilitation after limb salvage shortened the stay.",
                false,
            ),
            ("Home | 120 (30%)", false),
        ] {
            assert_eq!(removed_as_breadcrumb(line), crumb, "{line}");
        }
    }

    /// Below the first paragraph, a line that starts from "Home" is text: a how-to's
    /// step through a portal's menus (of two crumbs or three), or a table's row.
    #[test]
    fn a_step_from_home_in_the_text_stays() {
        for line in [
            "Home > Settings, where you choose how the clinic contacts you",
            "Home > Messages > Ask my care team",
            "Home | Hospital at home services",
        ] {
            let page = format!(
                "Using the patient portal\n\n{STORY}\n\n{line}\n\n{STORY} It is the second paragraph.\n"
            );
            let out = outline_of(&page);
            assert!(out.contains(line), "{line}: {out}");
        }
    }

    /// The heading that repeats a trail's last crumb right after it is the title; one
    /// far below the text (the section's name over its list of stories) is not, and
    /// the text above it stays.
    #[test]
    fn a_trails_last_crumb_names_only_the_heading_near_it() {
        let page = format!(
            "Bone Tumour Trust\n\nHome / Running again after limb salvage\n\nRunning again after limb salvage\n\n{STORY}\n\n{STORY} It is the second paragraph.\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        assert_eq!(
            cleaned.pages[0].doc.title,
            "Running again after limb salvage"
        );
        // A menu from "Home" set apart by "|" above the trail names no page, and does
        // not hide the trail's crumb.
        let page = format!(
            "Bone Tumour Trust\n\nHome | Support | News | Events\n\nHome » Running again after limb salvage\n\nRelated topics\nSurgery\nSport\nRecovery\n\nRunning again after limb salvage\n\n{STORY}\n\n{STORY} It is the second paragraph.\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let log = &cleaned.pages[0].log.edits;
        assert!(
            log.iter()
                .any(|e| e.before == "Running again after limb salvage"
                    && e.reason.contains("also the hand-written rules' pick")),
            "{:?}",
            log.iter().map(|e| &e.reason).collect::<Vec<_>>()
        );
        let page = format!(
            "Bone Tumour Trust\n\nHome » Family Stories\n\nRunning again after limb salvage\n\n{STORY}\n\n{STORY} It is the second paragraph.\n\n{STORY} It is the third paragraph.\n\n{STORY} It is the fourth paragraph.\n\nLatest news\nFamily Stories\nStories\nVideos\nA swim for research\nA young runner trained for a year after her surgery and swam a mile for the trust\n— Our cake sale\n— A walk in the hills\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        let doc = &cleaned.pages[0].doc;
        assert_ne!(doc.title, "Family Stories", "{}", doc.outline());
        // Nor do the rules pick it (the title model, sure here, would overrule them;
        // on a page where it is not, the rules' line is the title).
        let far = 1 + page.lines().position(|l| l == "Family Stories").unwrap();
        let log = &cleaned.pages[0].log.edits;
        assert!(
            !log.iter()
                .any(|e| e.reason.contains(&format!("rules chose line {far}"))),
            "{:?}",
            log.iter().map(|e| &e.reason).collect::<Vec<_>>()
        );
        assert!(
            doc.outline().contains("second paragraph"),
            "{}",
            doc.outline()
        );
    }

    /// A tracking pixel's markup alone among the paragraphs goes, with its reason in
    /// the log; a listing of markup (two lines of tags in a row) is a code sample and
    /// stays, and so does a sentence that names a tag.
    #[test]
    fn stray_markup_goes_and_a_listing_stays() {
        let pixel = r#"<div style="position:absolute;"><img width=1 height=1 alt="" src="http://b5.example.com/b?P=x"></div>"#;
        let page = format!(
            "Our bone cancer fun run\n\n{STORY}\n\n{pixel}\n\n{STORY} It is the second paragraph.\n"
        );
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        assert!(!cleaned.pages[0].doc.outline().contains("position:absolute"));
        assert!(cleaned.pages[0].log.edits.iter().any(|e| e.before == pixel
            && e.reason
                == "stray HTML markup (tags with attributes and no text, alone among text lines)"));
        let listing = r#"<link rel="stylesheet" href="book.css">"#;
        let page = format!(
            "Styling the book\n\n{STORY}\n\n{listing}\n<script src=\"book.js\"></script>\n\n{STORY} It is the second paragraph.\n"
        );
        assert!(
            outline_of(&page).contains("book.css"),
            "{}",
            outline_of(&page)
        );
        for t in [
            r#"<a href="https://example.com">the trial's results</a>"#,
            "<p>",
            "Use <img src=x> to add a picture.",
        ] {
            assert!(!super::stray_markup(t), "{t}");
        }
        assert!(super::stray_markup(pixel));
    }

    /// A list under a heading between paragraphs of the text is part of it, and so
    /// is one under a heading after the text; so is a list introduced by a colon
    /// whose first item is in sentence case.
    #[test]
    fn lists_inside_the_text_stay() {
        let drugs = "- Methotrexate Sodium\n- Doxorubicin Hydrochloride\n- Cisplatin Injection\n";
        let page = format!(
            "Chemotherapy for bone tumours in young people\n\n{STORY}\n\nGiven Together\n\n{drugs}\n{STORY} It is the second paragraph.\n"
        );
        let out = outline_of(&page);
        assert!(out.contains("Doxorubicin Hydrochloride"), "{out}");
        let page = format!(
            "Chemotherapy for bone tumours in young people\n\n{STORY}\n\n{STORY} It is the second paragraph.\n\nDrugs In This Regimen\n\n{drugs}\nCopyright 2024 Example Registry. All rights reserved.\n"
        );
        let out = outline_of(&page);
        assert!(out.contains("Doxorubicin Hydrochloride"), "{out}");
        let page = String::from(
            "Chemotherapy for bone tumours in young people\n\nLast Update Posted June 2018\n\nThe registry keeps these records:\n\n- Study details\n- Tabular View\n- Results Submitted\n- Record History\n\nLast Update Posted June 2018\n",
        );
        let out = outline_of(&page);
        assert!(out.contains("Record History"), "{out}");
    }

    /// Items under a colon that count up from their numbers are an ordered list's,
    /// not bullets with numbers in their text.
    #[test]
    fn numbered_items_under_an_introduction_are_an_ordered_list() {
        let out = outline_of(
            "Packing for a week in the hills\n\nI get asked a lot what I take on a walk of several days, so here is the list from my last trip to the hills.\n\
             I bought most food in town, but I carried:\n1. Breakfast oats in zip bags\n2. Trail mix\n3. Two emergency energy bars\n\
             A second pair of shoes stayed at home next time, since I never wore them and they weighed almost a kilo.\n",
        );
        assert!(
            out.contains(
                "\n1. Breakfast oats in zip bags\n2. Trail mix\n3. Two emergency energy bars\n"
            ),
            "{out}"
        );
    }

    /// A leaflet copied with no blank lines: the section heading between one list
    /// and the next list's introduction heads the next section, not the list before
    /// it ("skin rash" / "Serious side effects" / "Call a doctor straight away if:");
    /// a verse's line over a line that ends on a colon stays where it was.
    #[test]
    fn a_heading_before_the_next_lists_introduction_is_no_item() {
        let page = |heading: &str| {
            outline_of(&format!(
                "Amoxicillin capsules\n\nAmoxicillin is an antibiotic. It is used to treat bacterial infections such as chest infections and dental abscesses.\n\
                 Common side effects\nThese happen in more than 1 in 100 people:\nfeeling sick\ndiarrhoea\nskin rash\n{heading}\n\
                 Call a doctor or call 111 straight away if:\nyour skin turns yellow\nyou bruise more easily than usual\nyour diarrhoea has blood in it\n\
                 You could be having a serious reaction and may need treatment in hospital.\n"
            ))
        };
        for heading in ["Serious side effects", "Serious, rare side effects"] {
            let out = page(heading);
            assert!(out.contains(&format!("## {heading}")), "{out}");
            assert!(!out.contains(&format!("- {heading}")), "{out}");
            assert!(out.contains("- skin rash"), "{out}");
            assert!(out.contains("- your diarrhoea has blood in it"), "{out}");
        }
        // A verse: a line with a comma over a line that ends on a colon heads nothing.
        let out = outline_of(
            "A hymn for the evening\n\nThis hymn was written for the evening service and is sung to a slow tune in most of the churches that still use it.\n\
             Sung to these words:\nChrist leads me to the path again\nAnd washes me from every stain\nAll imperfection, falling short\n\
             Of every precept I am taught:\nIs there no hope for me?\n",
        );
        assert!(!out.contains("## All imperfection"), "{out}");
    }

    /// Unbulleted items after a colon, prose right under the last with no blank line:
    /// a last item in lower case, ending on a content word, is still an item; a
    /// capitalised line there heads the prose.
    #[test]
    fn the_last_unbulleted_item_before_prose_stays_in_its_list() {
        let page = |last: &str| {
            outline_of(&format!(
                "Bone cancer types\n\nPrimary bone cancer starts in the cells of the bone and is rare in adults, though it is one of the commoner cancers of teenagers.\n\
                 The most common types are:\nosteosarcoma\nEwing sarcoma\nchondrosarcoma\n{last}\n\
                 Osteosarcoma and Ewing sarcoma are more common in young people aged 10 to 24, and chondrosarcoma in adults over 40.\n"
            ))
        };
        let out = page("spindle cell sarcoma");
        assert!(out.contains("- spindle cell sarcoma"), "{out}");
        let out = page("Who Treats Bone Cancer");
        assert!(!out.contains("- Who Treats Bone Cancer"), "{out}");
        assert!(out.contains("- chondrosarcoma"), "{out}");
        // A lower-case item that ends on a stop word is still an item.
        let tips = |last: &str| {
            outline_of(&format!(
                "Chemotherapy tips\n\nI am a children's cancer nurse, and these are the things families tell me helped them most in the first weeks.\n\
                 A few practical tips:\nkeep a diary of his temperature\nbring his own pillow and blanket\n{last}\n\
                 Please always ring the ward straight away if his temperature goes above 38C, whatever the time.\n"
            ))
        };
        let out = tips("ask for anti-sickness medicine before he feels sick, not after");
        assert!(
            out.contains("- ask for anti-sickness medicine before he feels sick, not after"),
            "{out}"
        );
        // A line cut mid-sentence, on a word that needs what follows, is no item.
        let out = tips("ask for anti-sickness medicine before he feels sick, and the");
        assert!(!out.contains("- ask for anti-sickness"), "{out}");
        // Two lines of a post after a colon are no list of one item and its close.
        let out = outline_of(
            "My scan\n\nI had my scan last week at the hospital and waited a long time to see the consultant about it afterwards.\n\
             The doctor said:\nit is probably nothing serious, and\nwe should come back in two weeks if it gets any worse.\n\
             I am still worried about it, but I will try to wait for the next appointment before I read any more.\n",
        );
        assert!(!out.contains("- it is probably"), "{out}");
        // A list written as one sentence keeps its last item, full stop and all, after
        // an item that ends on "and"; without that, a sentence is no item.
        let out = tips("and remember to eat something small before each dose.");
        assert!(!out.contains("- and remember"), "{out}");
        let sentence = |second: &str| {
            outline_of(&format!(
                "Doping rules\n\nSome philosophers use these arguments to call into question several principles that underlie the anti-doping rules of sport.\n\
                 In particular they challenge:\nthe idea that anti-doping measures will ever have a significant impact,\n{second}\n\
                 the principle that curbing doping means fairer and safer sport.\n\
                 These areas have been discussed at length in other postings, and regular readers will know the arguments well.\n"
            ))
        };
        let out = sentence("the view that competition enhanced by drugs is not desirable, and");
        assert!(
            out.contains("- the principle that curbing doping means fairer and safer sport."),
            "{out}"
        );
        let out = sentence("the view that competition enhanced by drugs is not desirable");
        assert!(!out.contains("- the principle"), "{out}");
    }

    /// Items of a lower-case list may be clauses of up to twenty words; after one,
    /// the list goes on only in lower case.
    #[test]
    fn a_lower_case_list_keeps_its_longer_items() {
        let page = |items: &str| {
            outline_of(&format!(
                "Signs of bone cancer\n\nThe commonest sign of bone cancer is pain in the bone, which may come and go at first and is often worse at night.\n\
                 Other signs can include:\na swelling over the bone\na limp, if the bone is in the leg\n{items}\n\
                 These signs are far more often caused by injuries or growing pains, but see a doctor if the pain does not go away.\n"
            ))
        };
        let out = page(
            "a bone that breaks after a minor fall or a small knock (a pathological fracture)\ntiredness, fever or weight loss",
        );
        for item in [
            "- a swelling over the bone",
            "- a bone that breaks after a minor fall or a small knock (a pathological fracture)",
            "- tiredness, fever or weight loss",
        ] {
            assert!(out.contains(item), "{item}: {out}");
        }
        // A sentence is no item.
        let out = page(
            "a bone that breaks after a minor fall or a small knock, as it did in my case.\ntiredness, fever or weight loss",
        );
        assert!(!out.contains("- a bone that breaks"), "{out}");
        // After a clause item, a capitalised line (the author's name under the
        // list) is no item.
        let out = page(
            "a bone that breaks after a minor fall or a small knock (a pathological fracture)\nDr Anna Example\nConsultant oncologist",
        );
        assert!(out.contains("- a bone that breaks"), "{out}");
        assert!(!out.contains("- Dr Anna Example"), "{out}");
    }

    /// A line of three short links or more set apart by "|", "·" or "•" is a link
    /// bar and goes, recorded as one; two links, a link of seven words, a post's
    /// labelled facts (half of the links or more), a link that ends a sentence, a
    /// list's item, a table's row with its edge pipes and a whole table stay.
    #[test]
    fn a_line_of_short_links_is_a_link_bar() {
        let page = between_paragraphs;
        for bar in [
            "Home | News | Sport | Weather | Jobs",
            "about · flickr · feed · archive",
            "« Saturday 121110 | close | Monday 121112 »",
            "Football • Cricket • Rugby Union",
            // Six words a link, and one label in three.
            "Surgery | Chemotherapy | Radiotherapy for tumours that cannot be",
            "Symptoms: pain | Diagnosis | Treatment",
        ] {
            let (out, found) = cleaned_with(&page(bar), "link bar (short links");
            assert!(!out.contains(bar), "{bar}: {out}");
            assert!(out.contains("second paragraph"), "{out}");
            assert!(found, "{bar}: not recorded as a link bar");
        }
        for kept in [
            "Print this page | Email this page",
            "Prep Time: 2 Hours | Cook Time: 20 Minutes | Serves: 12",
            "Drug | Common effect | Rare effect |",
            "Date:November 5, 2012 | Category:Zillow News | Author:Erin Lantz",
            "Symptoms: pain | Diagnosis: scans | Treatment | Follow-up",
            "The trial closed early. | It enrolled 300 children | It ran for six years",
            "Surgery | Chemotherapy | Radiotherapy for tumours that cannot be removed",
            "| Drug | Common effect | Rare effect |",
        ] {
            let out = outline_of(&page(kept));
            assert!(out.contains(kept), "{kept}: {out}");
        }
        let listed = outline_of(&page("- Cisplatin | Doxorubicin | Methotrexate"));
        assert!(
            listed.contains("Cisplatin | Doxorubicin | Methotrexate"),
            "{listed}"
        );
        let table = outline_of(&page(
            "| Drug | Common effect | Rare effect |\n|---|---|---|\n| Ifosfamide | Nausea | Kidney damage |",
        ));
        assert!(table.contains("Common effect"), "{table}");
        assert!(table.contains("Kidney damage"), "{table}");
    }

    /// A blog's links to its previous and next posts go, in each of their three
    /// shapes; a quotation in guillemets, a lone "« Title" and a lone "Read more »"
    /// stay.
    #[test]
    fn links_to_the_previous_and_next_posts_go() {
        let page = between_paragraphs;
        for nav in [
            "« A new ward for children opens at the city hospital | Main | The trial results are in »",
            "« Previous Post A new ward for children Next Post » The trial results are in",
            "« A new ward for children\nThe trial results are in »",
        ] {
            let (out, found) = cleaned_with(&page(nav), "previous and next posts");
            assert!(!out.contains("new ward"), "{nav}: {out}");
            assert!(out.contains("last paragraph"), "{out}");
            assert!(found, "{nav}: not recorded as post links");
        }
        for kept in [
            // A quotation over a "read on" link: no pair of post links.
            "« Nous avons ouvert un nouveau service », a dit la directrice\nLire la suite »",
            "« Nouveau service\nElle a dit « nous sommes prêts »",
            // A quotation split over two lines, and "Main" only inside a link.
            "« Le traitement a duré six mois.\nJe vais mieux aujourd'hui. »",
            "« Le traitement a duré six mois.\nJe vais mieux »",
            "« The Previous Post on this ward's blog told how the unit was planned over two years by surgeons, nurses and parents, and the Next Post will tell how the first children were treated there and what their families said about the care they had during the long weeks on the ward » said the editor",
            "« The clinic moved to Portland | Maine Medical Center opened a ward »",
            "« A new ward for children\n- The trial results are in »",
            "Our blog's Previous Post told how the ward was planned, and the Next Post will tell how it opened; both are linked from the hospital's home page for families who want to read more about it.",
            "« A new ward for children",
            "The trial results are in »",
        ] {
            let (out, found) = cleaned_with(&page(kept), "previous and next posts");
            assert!(!found, "{kept}: {out}");
        }
        // On a French page a quotation split over two lines is French typography.
        let french = "Le nouveau service\n\n\
            Le nouveau service de chirurgie des tumeurs osseuses a ouvert ses portes lundi à l'hôpital de la ville, et il accueillera environ deux cents enfants par an.\n\n\
            Les médecins disent que le service réunit les chirurgiens, les oncologues et les infirmières dans un même lieu.\n\n\
            « Le traitement a duré six mois\nJe vais mieux aujourd'hui »\n\n\
            La directrice a remercié les familles et les associations qui ont soutenu le projet depuis le début.\n";
        let (out, found) = cleaned_with(french, "previous and next posts");
        assert!(out.contains("Je vais mieux") && !found, "{out}");
    }

    /// A table header that the site's other pages print over their own tables
    /// ("Side effect⇥How common" on every drug page) stays this page's header; a
    /// widget repeated whole on every page, header and rows, goes.
    #[test]
    fn a_heading_its_pages_numbered_contents_lists_is_no_site_navigation() {
        // Every page's menu holds "Diagnosis" and "Treatment": lines on three pages
        // of the corpus. The article lists them in its numbered contents, and its
        // sections start with a hatnote (boilerplate), not with prose.
        let menu = "Home\nDiagnosis\nTreatment\nSupport\n";
        let article = format!(
            "{menu}Osteosarcoma\nContents\n1 Diagnosis\n2 Treatment\n\nOsteosarcoma is a cancer of the bone. {STORY}\n\nDiagnosis\nMain article: Diagnosis of osteosarcoma\nDoctors take an X-ray and then a biopsy of the bone. {STORY}\n\nTreatment\nMain article: Treatment of osteosarcoma\nMost people have chemotherapy before and after surgery. {STORY}\n"
        );
        let other = |topic: &str| {
            format!("{menu}{topic}\n\n{topic} is a cancer of the bone as well. {STORY}\n")
        };
        let inputs: Vec<crate::clean::Input> =
            [article, other("Ewing sarcoma"), other("Chondrosarcoma")]
                .into_iter()
                .enumerate()
                .map(|(i, text)| crate::clean::Input {
                    name: format!("p{i}.txt"),
                    bytes: text.into_bytes(),
                })
                .collect();
        let cleaned =
            crate::clean::clean_corpus(&inputs, &Default::default(), &Default::default()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        assert!(out.contains("## Diagnosis\n"), "{out}");
        assert!(out.contains("## Treatment\n"), "{out}");
        // The menu above the title still goes.
        assert!(!out.contains("Support"), "{out}");
    }

    #[test]
    fn a_sites_shared_section_headings_keep_their_lists() {
        // Four pages of one site, each with the same sections: "Symptoms" over a
        // list without bullets, "Diagnosis" under that list, "Treatment". Each
        // heading is on four pages of the corpus; what is under it is the page's own.
        let pages = [
            (
                "Osteosarcoma",
                "Pain in the bone that is worse at night\nA swelling near the knee\nA limp that does not go away",
            ),
            (
                "Ewing sarcoma",
                "Pain and swelling in the affected area\nA high temperature that comes and goes\nTiredness and weight loss",
            ),
            (
                "Chondrosarcoma",
                "A dull ache deep in the hip or pelvis\nA lump that grows slowly\nPain that wakes you at night",
            ),
            (
                "Giant cell tumour",
                "Pain around a joint, often the knee\nSwelling and stiffness\nA fracture after a small fall",
            ),
        ];
        let subjects: Vec<&str> = pages.iter().map(|p| p.0).collect();
        let cleaned = clean_site(&subjects, |name| {
            let symptoms = pages.iter().find(|p| p.0 == name).map_or("", |p| p.1);
            format!(
                "{name}\n\n{name} is a rare tumour of the bone that is most often found in young people, and it is best treated in a specialist centre.\n\nSymptoms\n{symptoms}\n\nDiagnosis\nFor {name}, your doctor arranges an X-ray first; if it shows a problem, you have an MRI scan and a biopsy at a specialist centre.\n\nTreatment\nMost people with {name} have surgery, and many also have chemotherapy before and after the operation.\n"
            )
        });
        let out = cleaned.pages[0].doc.outline();
        assert!(
            out.contains("## Symptoms\n\n- Pain in the bone that is worse at night\n- A swelling near the knee\n- A limp that does not go away\n"),
            "{out}"
        );
        assert!(out.contains("## Diagnosis\n"), "{out}");
        assert!(out.contains("## Treatment\n"), "{out}");
    }

    /// Pages of one site, one per subject (`page(subject)` is its text, named
    /// p0.txt, p1.txt, …), cleaned as one corpus.
    fn clean_site(subjects: &[&str], page: impl Fn(&str) -> String) -> crate::clean::Cleaned {
        let inputs: Vec<crate::clean::Input> = subjects
            .iter()
            .enumerate()
            .map(|(i, subject)| crate::clean::Input {
                name: format!("p{i}.txt"),
                bytes: page(subject).into_bytes(),
            })
            .collect();
        crate::clean::clean_corpus(&inputs, &Default::default(), &Default::default()).unwrap()
    }

    #[test]
    fn a_bulleted_list_the_sites_pages_share_stays_under_its_introduction() {
        // Four pages of one site list the same treatments, bulleted, under a short
        // sentence that ends on a colon: each item is on four pages of the corpus.
        let cleaned = clean_site(
            &[
                "Osteosarcoma",
                "Ewing sarcoma",
                "Chondrosarcoma",
                "Spindle cell sarcoma",
            ],
            |name| {
                format!(
                    "{name}\n\n{name} is a rare tumour of the bone. It is most often found in young people, and it is best treated in a specialist centre.\n\nThe main treatments for {name} are:\n- surgery\n- chemotherapy\n- radiotherapy\n\nYour team will explain which of these suit you, and how long each part of the treatment for {name} takes.\n"
                )
            },
        );
        let out = cleaned.pages[0].doc.outline();
        assert!(
            out.contains("are:\n\n- surgery\n- chemotherapy\n- radiotherapy\n"),
            "{out}"
        );
        // The record says why they stay, with their lines.
        assert!(
            cleaned.pages[0]
                .log
                .warnings
                .iter()
                .any(|w| w.message.starts_with("lines 6-8 are kept as the list")),
            "{:?}",
            cleaned.pages[0].log.warnings
        );
    }

    #[test]
    fn a_lower_case_list_the_sites_pages_share_stays_under_its_introduction() {
        // No bullets (innerText drops them), but items in lower case: a menu's links
        // are capitalised. Found by a subagent's attack on a charity's pages.
        let cleaned = clean_site(&["Osteosarcoma", "Chondrosarcoma", "Chordoma"], |name| {
            format!(
                "{name}\n\n{name} is a rare type of bone cancer. This page explains {name} in more detail for patients and families.\n\nTreatment\n\nTreatment for {name} usually involves a combination of:\n\nchemotherapy\nsurgery\nradiotherapy\n\nMost people with {name} have chemotherapy first, then surgery to remove the whole tumour with a margin of healthy tissue.\n"
            )
        });
        for page in &cleaned.pages {
            let out = page.doc.outline();
            assert!(
                out.contains("of:\n\n- chemotherapy\n- surgery\n- radiotherapy\n"),
                "{out}"
            );
        }
    }

    #[test]
    fn a_shared_heading_over_a_short_paragraph_on_the_pages_subject_stays() {
        // Three pages of one site: each section's paragraph is one short sentence
        // that names the page's subject. Found by a subagent's attack.
        let cleaned = clean_site(&["chordoma", "Ewing sarcoma", "osteosarcoma"], |name| {
            format!(
                "About {name}\n\nThis is a rare type of bone cancer called {name}. It is most common in young people, and about 100 people are diagnosed with it in the UK each year.\n\nTreatment\n\nTreatment for {name} usually includes surgery, and sometimes radiotherapy.\n\nSymptoms\n\nThe most common symptom of {name} is pain that is often worse at night.\n"
            )
        });
        for page in &cleaned.pages {
            let out = page.doc.outline();
            assert!(out.contains("## Treatment\n\nTreatment for "), "{out}");
            assert!(out.contains("## Symptoms\n\nThe most common "), "{out}");
        }
    }

    #[test]
    fn a_shared_heading_between_prose_the_pages_share_stays() {
        // Three pages of one site say the same before and under "Diagnosis": prose
        // on fewer pages than make it the site's own text, so kept, and its heading
        // with it. Found by a subagent's attack on a charity's pages.
        let cleaned = clean_site(
            &["Osteosarcoma", "Ewing sarcoma", "Chondrosarcoma"],
            |name| {
                format!(
                    "{name}\n\n{name} is a rare type of bone cancer. This page explains {name} in more detail for patients and their families.\n\nIf you or your child has bone pain that does not go away, or that keeps you awake at night, see your GP. Most bone pain is not caused by cancer.\n\nDiagnosis\n\nYour GP will examine you and may arrange an X-ray. If the X-ray shows anything unusual, you will be referred urgently to a specialist bone tumour centre.\n"
                )
            },
        );
        for page in &cleaned.pages {
            let out = page.doc.outline();
            assert!(
                out.contains("## Diagnosis\n\nYour GP will examine you"),
                "{out}"
            );
        }
    }

    #[test]
    fn a_shared_table_header_stays_over_its_rows() {
        let drugs = [
            (
                "Cisplatin",
                "Hearing loss\tCommon\nKidney damage\tCommon\nSickness\tVery common",
            ),
            (
                "Doxorubicin",
                "Hair loss\tVery common\nHeart damage\tUncommon\nSore mouth\tCommon",
            ),
            (
                "Methotrexate",
                "Liver changes\tCommon\nSore mouth\tVery common\nSkin rash\tUncommon",
            ),
        ];
        let widget = "Clinic\tWait\nLeeds\t2 weeks\nBristol\t3 weeks\n";
        let subjects: Vec<&str> = drugs.iter().map(|p| p.0).collect();
        let cleaned = clean_site(&subjects, |drug| {
            let rows = drugs.iter().find(|p| p.0 == drug).map_or("", |p| p.1);
            format!(
                "{drug} and its side effects\n\n{drug} is one of the drugs used for osteosarcoma. {STORY}\n\nSide effect\tHow common\n{rows}\n\nYour team checks for these at every visit. {STORY}\n\n{widget}\nAsk your team about {drug} at any visit: they would rather hear about a side effect early than late. {STORY}\n"
            )
        });
        let out = cleaned.pages[0].doc.outline();
        assert!(
            out.contains("| Side effect | How common |\n| Hearing loss | Common |\n"),
            "{out}"
        );
        assert!(!out.contains("Bristol"), "{out}");
        assert!(!out.contains("Clinic"), "{out}");
    }
}
