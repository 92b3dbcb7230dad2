//! Signal: readers' comments after the article. News and blog pages end with a comment
//! thread whose posts read like good prose, so density alone keeps them; but each
//! post has a header of the same shape ("Name | 9 November 2012 1:16 AM | Reply",
//! "Name says:", a bare "Reply"). A run of such headers after the article's text
//! starts the comment section, which is not main content (the Dragnet and L3S-GN1
//! gold standards leave comments out). So does a line that opens a comment section
//! ("12 Comments") followed by such headers, or by posts headed by their writers'
//! names alone (`named_posts`).
//!
//! A forum thread is different: its first post has a header too, before any text,
//! so a thread never has enough text before its first header to count as an article.

#[allow(unused_imports)]
use super::*;

/// One comment's header line: only shapes that belong to comments ("says:",
/// "wrote:", a short name and "said,", "Reply", "Link to this comment", Slashcode's moderation score "Re: Bridges
/// (Score:5, Insightful)"). A bare date and time, or "Permalink",
/// also heads the posts of a blog's index page and a forum thread, which are content.
const COMMENT_HEADER_BRANCHES: [&str; 6] = [
    r".{1,80}\b(?:says|wrote)\s*:?",
    r"[^.!?]{1,40}\bsaid\s*[:,]?",
    r"\[?\s*reply(?:\ to\ this(?:\ parent|\ comment)?)?\s*\]?(?:\s*[↓→])?",
    r".{1,120}\|\s*reply",
    r".{0,120}\blink\ to\ this\ comment",
    r".{0,120}\(score:\s*-?\d(?:,\s*[a-z]+)?\)",
];
/// Each of [`COMMENT_HEADER_BRANCHES`] as a whole line, case ignored.
fn comment_header_line(branch: &str) -> String {
    format!(r"(?ix)^(?:{branch})$")
}
static COMMENT_HEADER: LazyLock<Regex> =
    LazyLock::new(|| re(&comment_header_line(&COMMENT_HEADER_BRANCHES.join("|"))));
/// [`COMMENT_HEADER`]'s literals ("says", "wrote", "said", "reply", …), searched
/// first: the pattern reads the whole line, and most lines hold none of them (the
/// same prefilter as the boilerplate phrases', one needle set for all branches; it
/// never changes the answer). Session 44: with [`dated_name`]'s cheap tests, the
/// cleaner's time on the scale bench fell by about a fifth, its output unchanged.
static COMMENT_HEADER_NEEDLES: LazyLock<Option<rules::Needles>> = LazyLock::new(|| {
    let lines: Vec<String> = COMMENT_HEADER_BRANCHES
        .iter()
        .map(|b| comment_header_line(b))
        .collect();
    rules::Needles::of(lines.iter().map(String::as_str)).ok()
});

/// A byline with a date and a time ("Peter Flom 07.08.12 at 13:24", "Posted by: dan |
/// Jan 10, 2008 6:02:53 PM", or the name glued to the date as Blogger's comments come
/// out of a browser: "KellyOctober 29, 2012 3:20 PM", "Ann10/28/12 5:33 PM"): a comment header. (Excluding a post's own date line,
/// "Updated …", "… | Permalink", cost Dragnet 0.002 F1: such lines also head comments.)
static TIME: LazyLock<Regex> = LazyLock::new(|| re(r"\b\d{1,2}:\d{2}"));
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|(?-i:[a-z](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)|(?-i:[a-z]\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}\s*[AP]M\b)",
    )
});
static NAME_LETTERS: LazyLock<Regex> = LazyLock::new(|| re(r"[A-Za-z]{2}"));
/// A byline whose date is relative ("Miles Taylor 12 days ago", "2012 | 1:30 pm - 2
/// hours ago"): who or when, then how long ago, and nothing after, not even a full
/// stop ("That was 20 years ago." is a sentence).
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(.+?)\s+(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago$")
});

/// Whether `t` is a relative-date byline ([`AGO`]) whose part before the age is a
/// name or a time: five words at most, no English stop word nor a stamp's label
/// ("Updated 2 hours ago" is the article's), and either a time, one word (a user
/// name), or words that all start with a capital or a digit. A related story's headline
/// before its age ("Oil prices rise 3 hours ago") is none of these.
fn aged_byline(t: &str) -> bool {
    const STAMP_LABELS: [&str; 8] = [
        "updated",
        "published",
        "posted",
        "edited",
        "modified",
        "added",
        "created",
        "last",
    ];
    let Some(c) = AGO.captures(t) else {
        return false;
    };
    let who = c[1].trim_end_matches([' ', '-', '|', '·', '•', ',', '\u{2013}', '\u{2014}']);
    let words: Vec<&str> = who.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
    };
    (1..=5).contains(&words.len())
        && !words
            .iter()
            .any(|w| text::is_stop_word(w) || STAMP_LABELS.contains(&w.to_lowercase().as_str()))
        && (TIME.is_match(who) || words.len() == 1 || words.iter().all(capitalised))
}

/// Whether `t` heads one comment. `table_row`: the line is a row of a table
/// ([`Unit::table_row`]: cells separated by tabs or aligned by spaces), whose last cell
/// may be an age too (a job board's "Company⇥Town⇥5 Days Ago").
fn is_comment_header(t: &str, table_row: bool) -> bool {
    t.len() <= 200
        && ((!COMMENT_HEADER_NEEDLES
            .as_ref()
            .is_some_and(|n| n.rule_out(t))
            && COMMENT_HEADER.is_match(t))
            || (t.len() <= 90
                && NAME_LETTERS.is_match(t)
                && ((TIME.is_match(t) && DATE.is_match(t)) || (!table_row && aged_byline(t)))))
}

/// A name and a date, nothing else: "Jermaine 07 Nov 12", "3. CmdrR - October 26,
/// 2012", "James Cannon - Runcorn UK - October 26, 2012". A weak header
/// ([`weak_header`]): it needs the comment's text under it, and a strong header or a
/// section line to start the section. Measured on the public sets with
/// [`LINKED_NAME`]: Dragnet +0.0004 (three pages better, none worse), the other sets
/// and the medical pages unchanged. Taken as a header on its own it gained Dragnet
/// 0.0012 (with the linked names), but a patient's timeline ("Surgery - August 12,
/// 2019" over each step) would start a "comment section" that drops the rest of the
/// page (a reviewer's case); without the text under it, or with a day's name as the
/// name ("Tuesday 15 January 2008"), a sidebar's dated headlines counted too and
/// L3S-GN1 lost 0.001.
static DATED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)^(?:\d{1,3}\.\s*)?
        (?P<who>[\p{L}][\p{L}\p{N}_.'’\ -]{0,60}?)
        (?:\s*[-–—|,·•:]\s*|\s+)
        (?:
            (?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{2}|\d{4})
          | \d{1,2}(?:st|nd|rd|th)?\s+(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?:\d{2}|\d{4})
          | (?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?:\d{2}|\d{4})
        )$")
});

/// [`DATED_NAME`] the other way round, the date first ("October 11, 2012 | Eve",
/// Squarespace's signature under each comment): a calendar date, a bar ("|") or a
/// middle dot or bullet ("·", "•"), then the name (never a dash: "August 12, 2019 – Surgery" heads a timeline's step).
static DATE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)^
        (?:
            (?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}
          | \d{1,2}(?:st|nd|rd|th)?\s+(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d{4}
        )
        \s*[|·•]\s*
        (?P<who>[\p{L}][\p{L}\p{N}_.'’@&\ -]{0,60}?)$")
});

/// A calendar date and a permalink, nothing else ("October 2, 2012, | Permalink",
/// "2 October 2012 · Permalink"; any case), as a photo blog's theme prints under
/// each commenter's name: a weak header ([`weak_header`]) when a name line
/// ([`is_name_line`]) stands right above it, since a blog's own posts may end with
/// the same line under their comment count. "Permalink" is no name for
/// [`dated_name`] either (it read the line as a date and a commenter "Permalink"
/// before, but for a comma after the year). Measured on the cleaning harness:
/// Dragnet 0.90711 -> 0.90798 (three pages of one fashion blog, R727 0.09 -> 1.00,
/// R728 0.15 -> 1.00, R729 0.91 -> 1.00; its fourth page, R726, whose gold keeps the
/// comments, already lost them to its "COMMENTS" line), no other set and no medical
/// page moved; the name-line condition and "Permalink" as no name moved nothing.
/// A date with a time before "| Permalink" is a strong header already
/// ([`is_comment_header`]).
static PERMALINK_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?),?\s+\d{4},?\s*[|·•]\s*permalink$",
    )
});

/// A weak comment header at `i`: a name and a date ([`dated_name`]), a web address
/// and a name ([`linked_name`]) or a date and a permalink under a name line
/// ([`PERMALINK_DATE`]), not in a table or code, with the comment's text under it
/// ([`heads_a_post`]). Such lines also head a timeline's entries ("Surgery -
/// August 12, 2019") or a list of links, so weak headers add to a comment section
/// that a strong header or a section line starts, and never start one alone.
fn weak_header(items: &[Item], i: usize) -> bool {
    let it = &items[i];
    !it.unit.code
        && it.unit.table_row().is_none()
        && (dated_name(&it.unit.text)
            || linked_name(&it.unit.text)
            || (PERMALINK_DATE.is_match(it.unit.text.trim())
                && i > 0
                && is_name_line(&items[i - 1].unit.text)))
        && items.get(i + 1).is_some_and(heads_a_post)
}

/// The unit after a [`dated_name`] line, when that line heads a comment: the
/// comment's text (three words or more, no heading, no other header). A list of
/// dated headlines (a sidebar's recent posts) has one under another.
fn heads_a_post(next: &Item) -> bool {
    next.words >= 3
        && !next.heading
        && !dated_name(&next.unit.text)
        && !is_comment_header(&next.unit.text, false)
}

/// The days of the week, as a date may start.
pub(super) const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// [`DATED_NAME`] or [`DATE_THEN_NAME`] (a calendar's numeric date in the first),
/// whose name is one to four words (in the first, a day's name after a name of two
/// words or more is the date's),
/// none an English stop word, a stamp's label or a day's name, each capitalised
/// unless the name is one word (a user name: "hicham").
fn dated_name(t: &str) -> bool {
    // A stamp's label, a day's or a period's name, a version: no commenter's name.
    const NOT_NAMES: &str = "updated published posted edited modified added created last date \
        reviewed received permalink monday tuesday wednesday thursday friday saturday sunday mon tue \
        tues wed weds thu thur thurs fri sat sun day week month year today yesterday version";
    if t.len() > 90 {
        return false;
    }
    // Cheap tests first (a tenth of the cleaner's time went to these two captures,
    // run on every short line): [`DATED_NAME`] ends in a digit (`\d` is Unicode's
    // decimal digits, all of them `is_numeric`), [`DATE_THEN_NAME`] holds a bar,
    // a middle dot or a bullet.
    let t = t.trim();
    let ends_in_digit = t.chars().next_back().is_some_and(char::is_numeric);
    let barred = t.contains(['|', '·', '•']);
    let (c, name_first) = match ends_in_digit.then(|| DATED_NAME.captures(t)).flatten() {
        Some(c) => (c, true),
        None => match barred.then(|| DATE_THEN_NAME.captures(t)).flatten() {
            Some(c) => (c, false),
            None => return false,
        },
    };
    // A numeric date is a calendar's: a year first (2012-10-26), or a day and a
    // month in either order; never "500-0-500".
    if let (Some(a), Some(b)) = (c.name("a"), c.name("b")) {
        let n = |m: regex::Match| m.as_str().parse::<u32>().unwrap_or(0);
        let (x, y) = (n(a), n(b));
        let calendar = match a.as_str().len() {
            4 => (1..=12).contains(&y),
            1 | 2 => (1..=31).contains(&x) && (1..=31).contains(&y) && (x <= 12 || y <= 12),
            _ => false,
        };
        if !calendar {
            return false;
        }
    }
    let mut who: Vec<&str> = c["who"]
        .split([' ', '-', '–', '—', '|', ',', '·', '•', ':'])
        .filter(|w| !w.is_empty())
        .collect();
    // The day's name before the date belongs to the date ("Aaron Berk Monday,
    // November 5 2012") when a name of two words or more is left; a day's name alone
    // ("Tuesday 15 January 2008") or after one word ("Surgery Monday, November 5
    // 2012", a timeline's step) is no name.
    if name_first
        && who.len() >= 3
        && let Some(last) = who.last()
        && DAY_NAMES.contains(&last.to_lowercase().as_str())
    {
        who.pop();
    }
    (1..=4).contains(&who.len())
        && who.iter().all(|w| {
            let lower = w.to_lowercase();
            !text::is_stop_word(w)
                && !NOT_NAMES.split_whitespace().any(|x| x == lower)
                && (who.len() == 1
                    || w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        })
}

/// A commenter's web address and name, as Disqus and WordPress head a comment
/// ("http://twitter.com/danamac Dana McMahan", "http://free-range.org FreeRange
/// Pamela"): an address, then one to four words (letters first; digits, "_", ".",
/// "-" and apostrophes inside; "@" may start the first), nothing else.
static LINKED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^https?://\S+\s+(?P<who>[\p{L}@][\p{L}\p{N}_.'’-]*(?:\s+\p{L}[\p{L}\p{N}_.'’-]*){0,3})$")
});

/// [`LINKED_NAME`] whose words are no English stop words ("http://x.org is a
/// good site" is a sentence); a link and its site in brackets (Slashdot's
/// "http://… [wsj.com]") is not one. A weak header, like [`DATED_NAME`]'s: a list of
/// useful organisations, each address over a line about it, has the same shape.
fn linked_name(t: &str) -> bool {
    LINKED_NAME
        .captures(t)
        .is_some_and(|c| c["who"].split_whitespace().all(|w| !text::is_stop_word(w)))
}

/// The line that opens a comment section: "12 Comments", "Leave a reply", "Post a
/// comment", "Comments (3)", "Total Comments (920)", "Comments (1 of 12)" (with "Add a
/// comment" after it or not: Dragnet +0.0003, one page better, none worse), "The
/// following comments are owned by whoever posted them", in brackets or not ("{ 69
/// comments… read them below or add one }"); WordPress's "48 Responses to “Post
/// title”" and "2 thoughts on “Post title”", whatever the title's length, the title in
/// quotation marks ("One response to the outbreak: close the schools?" is a
/// sentence); a link's arrow may end it ("Comments »"); "One Comment" in a word, alone,
/// before "Add your comment", or before a separator and a link ("one comment –
/// permalink"), never before a colon ("One response: close the schools."); a sentence
/// that counts comments or replies ("There are 27 comments. Add yours.", "There are 7
/// comments about:"), nothing after the count but a place, a full stop and a call to
/// add one (not responses: "There are 3 responses:" may list a treatment's); a closed
/// thread's line that names the story ("Comments are now closed for this story"; not a
/// bare "Comments are closed.", which ends a thread as often, or a consultation's
/// "Comments are now closed"). With comment headers after it,
/// it marks where the article ends even
/// when the article is short (a news site's summary above hundreds of comments).
static COMMENT_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?ix)^[{(\[]?\s*(?:
        \d[\d,]*\s+(?:of\s+\d[\d,]*\s+)?(?:comments?|responses?|replies|thoughts)\b.{0,40}
      | one\s+(?:comment|response|reply|thought)(?:\s+(?:add|leave|post|write)\s+(?:a|your)\s+comment|\s*[-–—|·»]\s*(?:permalink|add|leave|post|reply)\b.{0,20})?
      | (?:\d[\d,]*|one)\s+(?:comments?|responses?|replies|thoughts?)\s+(?:to|on)\s+[“"«][^”"»]{1,160}[”"»]
      | (?:reader\s+|user\s+|total\s+)?comments?\s*(?:\(\d[\d,]*(?:\s+of\s+\d[\d,]*)?\))?\s*:?(?:\s+(?:add|post|leave|write)\s+(?:a|your)\s+comment)?
      | (?:leave|post|add|write)\s+(?:a|your)\s+(?:comment|reply|response)\b.{0,40}
      | .{0,80}\bcomments\ are\ owned\ by\b.{0,80}
      | join\ the\ (?:discussion|conversation)\b.{0,40}
      | comments\ (?:are|have\ been)\ (?:now\ )?closed\ (?:for|on)\ this\ (?:story|article|post|entry)\.?
      | there\ (?:are|is|have\ been|has\ been)\ (?:\d[\d,]*|one)\ (?:comments?|replies)
        (?:\ so\ far|\ on\ this\ (?:post|article|entry|story|page)|\ about)?\s*[.:!]?
        (?:\s*(?:add|leave|post|write|read)\b.{0,30})?
    )\s*[})\]]?\s*[»›→↓]?$"#)
});

/// A post's title with its comment count after it ("Hot Fixes [ 11 Comments ]", "Don't
/// go to grad school (326 comments)"): a line of a blog's front page or of a list of
/// popular posts, never a comment's.
static POST_WITH_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\w.{3,120}?[\s|(\[-]+\d[\d,]*\s+(?:comments?|responses?|replies)\s*[)\]]?$")
});

/// Posts in `items` titled with their own comment count ([`POST_WITH_COUNT`]) whose
/// next undropped unit is good text: the posts of a blog's front page. A list of
/// popular posts with their counts has titles under titles, not text.
fn front_page_posts(items: &[Item]) -> usize {
    (0..items.len())
        .filter(|&i| {
            POST_WITH_COUNT.is_match(&items[i].unit.text)
                && items[i + 1..]
                    .iter()
                    .find(|it| !matches!(it.kind, Kind::Drop(_)))
                    .is_some_and(|it| it.quality == Quality::Good)
        })
        .count()
}

/// Words of kept text needed before a comment-section line for it to end an article
/// (a photo blog's caption above its thread has twenty or so).
const MIN_MARKED_ARTICLE_WORDS: usize = 20;

/// Words of kept text allowed between a comment-section line and the first comment
/// header after it (a comment form's labels, a sort menu; not an article).
const MAX_WORDS_TO_FIRST_COMMENT: usize = 60;

/// Comment headers needed after the article to call the rest a comment section.
const MIN_HEADERS: usize = 3;
/// An article has at least this many times the words of the median comment.
const ARTICLE_TO_COMMENT: usize = 3;
/// Header-shaped lines allowed before the article's text (its own byline).
const MAX_HEADERS_BEFORE_ARTICLE: usize = 1;
/// Words of kept text needed before the first header (an article, not a thread).
const MIN_ARTICLE_WORDS: usize = 150;

/// Words of a paragraph ending in a colon, the last paragraph, list item or heading
/// before the first comment header, for the headers to be quoted by the article
/// ([`drop_comments`]): a sentence ("And
/// here's the Random Commentary section:"), not a form's label ("Leave a comment:").
/// Measured on the cleaning harness: one page moved, Readability's
/// table-style-attributes (jwz quoting and answering his readers' mail), 0.854 ->
/// 0.991, Readability 0.91812 -> 0.91910; nothing else on any set.
const INTRODUCING_WORDS: usize = 4;

/// Drop the comment section after the article: from the first comment header that
/// comes after at least [`MIN_ARTICLE_WORDS`] words of kept text and is followed by
/// [`MIN_HEADERS`] headers in all, to the end of the page, or from an earlier line
/// that opens the section ([`marked_start`]). A page with more than
/// [`MAX_HEADERS_BEFORE_ARTICLE`] headers before that much text is a thread: kept;
/// so are headers that the article's last paragraph introduces with a colon
/// ([`INTRODUCING_WORDS`]), unless a comment-section line marks them.
pub(super) fn drop_comments(items: &mut [Item]) {
    // A line of a code block is not a header (a query's output has dates and times).
    let strong = |it: &Item| {
        !it.unit.code && is_comment_header(&it.unit.text, it.unit.table_row().is_some())
    };
    let headers: Vec<usize> = (0..items.len())
        .filter(|&i| strong(&items[i]) || weak_header(items, i))
        .collect();
    let mut words = 0;
    let mut next_header = 0;
    let mut start = None;
    for (i, it) in items.iter().enumerate() {
        if headers.get(next_header) == Some(&i) {
            // Weak headers alone (a timeline's "Surgery - August 12, 2019", a list of
            // links) never start a section: a strong one must be among them.
            if words >= MIN_ARTICLE_WORDS
                && headers.len() - next_header >= MIN_HEADERS
                && headers[next_header..].iter().any(|&h| strong(&items[h]))
            {
                start = Some(i);
                break;
            }
            next_header += 1;
            // Posts headed like comments from the top: a thread or a blog's index
            // page, whose posts are the content (an article's own byline is one).
            if next_header > MAX_HEADERS_BEFORE_ARTICLE {
                break;
            }
        }
        if matches!(it.kind, Kind::Paragraph | Kind::ListItem { .. }) {
            words += size(it);
        }
    }
    // A comment-section line after some article text, followed by headers, starts
    // the section even when the article is short.
    // Posts that each carry their own comment count, over a post's text ("Hot Fixes
    // [ 11 Comments ]"), between the bylines: a blog's front page, whose dated
    // bylines end posts, not comments. (A sidebar's recent posts after the last
    // header are not.)
    if let (Some(s), Some(&last)) = (start, headers.last())
        && front_page_posts(&items[s..last]) >= 2
    {
        start = None;
    }
    let marked = marked_start(items, &headers).filter(|&m| start.is_none_or(|s| m <= s));
    let Some(start) = marked.or(start) else {
        return;
    };
    // A header before the article with the shape of those after it heads the first
    // post of a thread (an article's byline usually looks different from its
    // comments'; a byline "Jane Doe - October 26, 2012" over comments headed the same
    // way keeps them: a missed drop, never lost text). Posts headed by names alone have
    // no such header after the line: nothing to compare an article's dated byline with.
    let after: Vec<String> = headers
        .iter()
        .filter(|&&h| h >= start)
        .map(|&h| shape(&items[h].unit.text))
        .collect();
    if !after.is_empty()
        && headers.iter().filter(|&&h| h < start).any(|&h| {
            let first = shape(&items[h].unit.text);
            after.iter().filter(|s| **s == first).count() * 2 >= after.len()
        })
    {
        return;
    }
    // A thread whose first post is long: its posts are as long as that "article".
    // An article is much longer than the typical comment under it.
    let mut posts: Vec<usize> = headers
        .windows(2)
        .filter(|w| w[0] >= start)
        .map(|w| {
            items[w[0]..w[1]]
                .iter()
                .filter(|it| matches!(it.kind, Kind::Paragraph | Kind::ListItem { .. }))
                .map(size)
                .sum()
        })
        .collect();
    // The first "comment" longer than all the text before it is the post itself,
    // under its own date line (a blog whose sidebar comes first).
    if marked.is_none() && posts.first().is_some_and(|&first| first > words) {
        return;
    }
    // The article's last line before the first header introduces what follows
    // ("And here's the Random Commentary section:"): the "comments" are readers'
    // letters that the author quotes and answers, part of the article.
    if marked.is_none()
        && items[..start]
            .iter()
            .rev()
            .find(|it| {
                matches!(
                    it.kind,
                    Kind::Paragraph | Kind::ListItem { .. } | Kind::Heading
                )
            })
            .is_some_and(|it| {
                it.kind == Kind::Paragraph
                    && it.words >= INTRODUCING_WORDS
                    && it.unit.text.trim_end().ends_with(':')
            })
    {
        return;
    }
    posts.sort_unstable();
    if marked.is_none()
        && let Some(&median) = posts.get(posts.len() / 2)
        && words < ARTICLE_TO_COMMENT * median
    {
        return;
    }
    for it in &mut items[start..] {
        if matches!(
            it.kind,
            Kind::Paragraph
                | Kind::Heading
                | Kind::ListItem { .. }
                | Kind::Caption { .. }
                | Kind::Open
        ) {
            it.kind = Kind::Drop(DropReason::Comments);
        }
    }
}

/// A thread's short post: on a page of [`MIN_HEADERS`] comment headers or more
/// (strong ones, [`is_comment_header`]) of which most have kept text under them
/// before the next (a thread, its posts the content: [`drop_comments`] kept them),
/// the lines right under a header whose post kept nothing, removed only as short
/// lines between boilerplate, are kept when each reads as text
/// ([`super::context::reads_as_text`]) and ends a sentence: a one-sentence reply
/// ("Thank you both so much, this really helps.") between the forum's furniture is
/// a post, not a menu (a new user's forum thread lost its last post so, with no
/// warning). Runs after the run model ([`super::runs`]), which would take such a
/// lone post for a sidebar. Measured: CleanEval 0.89802 -> 0.89803 (one page),
/// Dragnet unchanged to five places (one page, a news site's kept comments, -0.005),
/// the other sets and the medical pages unchanged. Reviving the lines that the run
/// model dropped as well brought back a news page's teasers (Dragnet R566 -0.07);
/// reviving lines that end in a colon, a comment form's "Write your own comment:".
pub(super) fn keep_short_posts(items: &mut [Item]) {
    let headers: Vec<usize> = (0..items.len())
        .filter(|&i| {
            // Known furniture is no post's header ("Joined: Tue Nov 07, 2023 9:20 pm").
            !items[i].unit.code
                && !matches!(items[i].kind, Kind::Drop(DropReason::Boilerplate { .. }))
                && is_comment_header(&items[i].unit.text, items[i].unit.table_row().is_some())
        })
        .collect();
    if headers.len() < MIN_HEADERS {
        return;
    }
    let n = items.len();
    let end = |k: usize| headers.get(k + 1).copied().unwrap_or(n);
    let kept = |it: &Item| matches!(it.kind, Kind::Paragraph | Kind::ListItem { .. });
    let with_text = (0..headers.len())
        .filter(|&k| items[headers[k] + 1..end(k)].iter().any(kept))
        .count();
    if with_text * 2 <= headers.len() {
        return;
    }
    for (k, &h) in headers.iter().enumerate() {
        let e = end(k);
        if items[h + 1..e].iter().any(kept) {
            continue;
        }
        for it in &mut items[h + 1..e] {
            if matches!(it.kind, Kind::Drop(DropReason::BetweenBoilerplate { .. }))
                && it.quality != Quality::Bad
                && super::context::reads_as_text(&it.unit.text)
                && text::ends_full_stop(&it.unit.text)
            {
                it.kind = Kind::Paragraph;
            } else {
                break;
            }
        }
    }
}

/// The first comment-section line ([`COMMENT_SECTION`]) that opens the comments (a
/// line that fails does not hide a later one): after at least
/// [`MIN_MARKED_ARTICLE_WORDS`] words of kept text, with no more than
/// [`MAX_HEADERS_BEFORE_ARTICLE`] comment headers before it and either
/// [`MIN_HEADERS`] after it or posts headed by names alone ([`named_posts`]).
fn marked_start(items: &[Item], headers: &[usize]) -> Option<usize> {
    let mut words = 0;
    // An earlier comment-section line failed: a later one must be close over its
    // first header (the article may go on below a count at its top, and a line in its
    // text that looks like a count must not end it).
    let mut failed_before = false;
    for (i, it) in items.iter().enumerate() {
        if words >= MIN_MARKED_ARTICLE_WORDS
            && it.unit.text.len() <= 200
            && COMMENT_SECTION.is_match(&it.unit.text)
        {
            let before = headers.iter().filter(|&&h| h < i).count();
            let after = headers.len() - before;
            // The comments follow the line: little kept text before the first header
            // (a "Comments" link above the article is followed by the article).
            // (The line may itself be the first header: "3 comments | Reply".)
            let gap: usize = headers.get(before).map_or(usize::MAX, |&h| {
                items
                    .get(i + 1..h)
                    .map_or(0, |between| running_items(between).map(size).sum())
            });
            // ... and the first header is a comment's: later headers share its shape
            // (an article's own dateline under a "4 Comments" link has none).
            // A header of a shape only comments have ("says:", "(Score:5)") needs no
            // twin, nor one whose post is shorter than the article above the line
            // (an article's dateline heads the whole article).
            let repeated = headers.get(before).is_some_and(|&h| {
                let first = shape(&items[h].unit.text);
                let post: usize = headers.get(before + 1).map_or(usize::MAX, |&k| {
                    running_items(&items[h + 1..k]).map(size).sum()
                });
                COMMENT_HEADER.is_match(&items[h].unit.text)
                    || post < words
                    || headers[before + 1..]
                        .iter()
                        .any(|&k| shape(&items[k].unit.text) == first)
            });
            // The line may say how many comments there are ("{ 2 comments… read
            // them below }"): that many headers are then enough.
            let needed = stated_count(&it.unit.text).map_or(MIN_HEADERS, |n| n.min(MIN_HEADERS));
            // Headers that sign their posts, under each ("by Eric on November 9, 2010
            // at 6:10 am. Reply #"): the text before the first header is the first
            // post, no longer than the longest post between two later headers, and
            // shorter than the article above the line (a "4 Comments" link above the
            // article is followed by the article). Dragnet +0.0006 F1 (10 pages
            // better, one worse: a page whose gold keeps its comments), L3S-GN1
            // +0.0005 (3 better); no other set moves.
            let longest_post = headers[before..]
                .windows(2)
                .map(|w| {
                    running_items(&items[w[0] + 1..w[1]])
                        .map(size)
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(0);
            let headed = before <= MAX_HEADERS_BEFORE_ARTICLE
                && after >= needed
                && (gap <= MAX_WORDS_TO_FIRST_COMMENT
                    || (!failed_before && gap <= longest_post && gap < words))
                && repeated;
            if headed || (before <= MAX_HEADERS_BEFORE_ARTICLE && named_posts(items, i, words)) {
                return Some(i);
            }
            // A line that fails (a "Comments" link above the article, a count in a
            // sidebar) does not hide a later one that opens the comments.
            failed_before = true;
        }
        if running_text(&it.kind) {
            words += size(it);
        }
        if thread_starter(items, i) {
            words = 0;
        }
    }
    None
}

/// `items[i]` is a forum thread's own header line, "Started by leon_r, 11 April
/// 2024" or "Thread starter …": the page is a thread, its posts start here, and
/// what came before (a site's welcome banner) is no article that a count of
/// replies can close. A single forum thread, "Welcome to SarcomaTalk. This is a
/// safe space …" over its question, "Started by …" and "9 replies", lost every post
/// as readers' comments after that 30-word "article" (a synthetic page). No public
/// page has such a line. A blog's byline under a heading does not do (Dragnet
/// R756 "Posted by Pukie at …" ends its post above its comments: it lost 0.88 F1).
fn thread_starter(items: &[Item], i: usize) -> bool {
    THREAD_STARTER.is_match(&items[i].unit.text)
}

/// [`thread_starter`]'s line: "Started by" or "Thread starter", a user name, and at
/// most a short rest ("…, 11 April 2024", "Start date 11 Apr 2024"). A sentence
/// that starts so ("Started by volunteers in 1990, the charity now …") is none.
static THREAD_STARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:started by|thread starter:?)\s+\S+(?:,?\s+[^,.;]{0,40})?$"));

/// The number of comments a comment-section line states ("{ 2 comments… read them
/// below or add one }", "Comments (1)"), when it is one or more; `None` when it
/// states none.
fn stated_count(t: &str) -> Option<usize> {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(\d[\d,]*|\bone)\s+(?:of\s+(\d[\d,]*)\s+)?(?:comments?|responses?|replies|thoughts?)\b|comments?\s*\((\d[\d,]*)(?:\s+of\s+(\d[\d,]*))?\)",
        )
    });
    let c = COUNT.captures(t)?;
    // "Showing 1 of 12 comments": the total.
    let n = c
        .get(2)
        .or(c.get(1))
        .or(c.get(4))
        .or(c.get(3))?
        .as_str()
        .replace(',', "");
    if n.eq_ignore_ascii_case("one") {
        return Some(1);
    }
    n.parse().ok().filter(|&n: &usize| n >= 1)
}

/// Words a commenter's name line may have ("Gibbo", "Mars Dorian", "Dan @ ZenPresence").
const MAX_NAME_WORDS: usize = 4;

/// Whether the units after the comment-section line at `marker` are posts headed by
/// their writers' names alone, as some blog themes print them ("{ 131 comments }",
/// then "Gibbo", a post, "Robert", a post): [`MIN_HEADERS`] name lines (a short line
/// of [`MAX_NAME_WORDS`] words or fewer, with no sentence punctuation), the first
/// within [`MAX_WORDS_TO_FIRST_COMMENT`] words of the line, each followed by running
/// text before the next, no two in a row (a tag list, share links), and posts much
/// shorter than the `article_words` of text above the line (the median post at most
/// 1 / [`ARTICLE_TO_COMMENT`] of it, or [`SHORT_COMMENT_WORDS`]): an article's own
/// sections under short subheadings, an interview's answers or a blog index's other
/// posts are as long as what came before.
fn named_posts(items: &[Item], marker: usize, article_words: usize) -> bool {
    // The kept units after the line: a name line, or the words of running text.
    let units = items[marker + 1..].iter().filter_map(|it| match it.kind {
        Kind::Heading | Kind::Paragraph if is_name_line(&it.unit.text) => Some(None),
        // A post of one line may come out as a heading ("Is the map wrong?").
        Kind::Heading => Some(Some(size(it))),
        _ if running_text(&it.kind) => Some(Some(size(it))),
        _ => None,
    });
    let mut before_first = 0;
    // The words of each post so far (the last one still growing).
    let mut posts: Vec<usize> = Vec::new();
    for unit in units {
        let full = posts.len() == MIN_HEADERS;
        match (unit, posts.last_mut()) {
            (Some(words), None) => {
                before_first += words;
                if before_first > MAX_WORDS_TO_FIRST_COMMENT {
                    return false;
                }
            }
            (Some(words), Some(post)) => *post += words,
            // Two name lines in a row are a menu, not posts.
            (None, Some(0)) => return false,
            (None, _) if full => break,
            (None, _) => posts.push(0),
        }
    }
    if posts.len() < MIN_HEADERS || posts.last() == Some(&0) {
        return false;
    }
    posts.sort_unstable();
    let median = posts[posts.len() / 2];
    median <= SHORT_COMMENT_WORDS || median * ARTICLE_TO_COMMENT <= article_words
}

/// Posts this short are comments whatever is above them (a photo blog's caption:
/// "Love her outfit!"); an article's sections and an interview's answers are longer.
const SHORT_COMMENT_WORDS: usize = 25;

/// A short line of letters with no sentence punctuation: a name heading a post. A
/// post's own date and permalink ("October 2, 2012 | Permalink", [`PERMALINK_DATE`])
/// is no name: on a blog's front page, under each post's "2 Comments", such lines
/// made the posts read as comments headed by names (a reviewer's case; no public
/// page moved). Nor is a button's label and count ("Save 0", [`button_count`]).
fn is_name_line(t: &str) -> bool {
    let t = t.trim();
    let words = text::word_count(t);
    (1..=MAX_NAME_WORDS).contains(&words)
        && t.chars().count() <= 40
        && t.chars().next().is_some_and(char::is_alphabetic)
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201d}'])
        && !PERMALINK_DATE.is_match(t)
        && !button_count(t)
}

/// A button's label and its count ("Save 0", "Pin It 12", "Like 3"): words of letters,
/// then a number. No commenter's name: a recipe site's "Save 0" under its "10 Comments"
/// link read as the first post's name, and the whole article under it as comments
/// (Dragnet R741, 0.78 -> 0.01 F1 once the "Pin It" beside it went as a share button).
fn button_count(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.split_last() {
        Some((last, label)) => {
            !label.is_empty()
                && last.bytes().all(|b| b.is_ascii_digit())
                && label.iter().all(|w| w.chars().all(char::is_alphabetic))
        }
        None => false,
    }
}

/// The length of a text in words, or in characters / 6 when that is more: Chinese
/// and Japanese put no spaces between words, so a whole post would count as a few
/// "words" and a thread's posts would look like short comments under an article.
fn size(it: &Item) -> usize {
    let t = &it.unit.text;
    // Characters are at most bytes: count them only when that could win.
    if t.len() / 6 <= it.words {
        it.words
    } else {
        it.words.max(t.chars().count() / 6)
    }
}

/// The shape of a line: digits as `9`, letters as `a`, runs collapsed
/// ("05-06-2005, 05:28 PM" → "9-9-9, 9:9 a").
fn shape(t: &str) -> String {
    let mut out = String::new();
    for c in t.chars() {
        let k = if c.is_ascii_digit() {
            '9'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if out.ends_with(k) && (k == '9' || k == 'a') {
            continue;
        }
        out.push(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{button_count, is_name_line};
    use crate::clean::clean_one;

    #[test]
    fn a_thread_starter_line_names_a_user_and_a_date_at_most() {
        for t in [
            "Started by leon_r, 11 April 2024",
            "Started by leon_r",
            "Thread starter leon_r Start date 11 Apr 2024",
        ] {
            assert!(super::THREAD_STARTER.is_match(t), "{t}");
        }
        for t in [
            "Started by volunteers in 1990, the charity now supports families across the country.",
            "He started by asking about the scan.",
        ] {
            assert!(!super::THREAD_STARTER.is_match(t), "{t}");
        }
        // The title's byline pattern reads it the same way.
        let signed = crate::clean::classify::title::is_signed;
        assert!(signed("Started by leon_r, 11 April 2024"));
        assert!(!signed(
            "Started by volunteers in 1990, the charity now supports families across the country."
        ));
    }

    /// A single forum thread: a site's welcome banner (three sentences) over the
    /// thread's question, its "Started by" line and its count of replies, then four
    /// posts, each under its author and date and over "Like / Quote / Report". The
    /// posts are the page's text: none goes as readers' comments after the banner,
    /// nor (the short ones) as a sidebar, and the question is the title.
    #[test]
    fn a_single_threads_posts_all_stay() {
        let page = "SarcomaTalk Community\n\
         Log in\n\
         Forums\n\
         Welcome to SarcomaTalk. This is a safe space to share experiences. Please read our community guidelines before posting. For urgent medical advice, contact your care team or call 111.\n\
         Forums\n\
         Bone sarcoma\n\
         Ewing sarcoma\n\
         Ifosfamide made my dad confused – is this normal?\n\
         Started by leon_r, 11 April 2024\n\
         9 replies\n\
         \n\
         leon_r\n\
         Member\n\
         Posts: 12\n\
         11 April 2024 at 23:05\n\
         \n\
         My dad is on cycle 3 of VIDE for Ewing sarcoma. Tonight on the ward he didn't know where he was and kept saying there were people in the corner of the room. The nurses have stopped the ifosfamide. Has anyone seen this before?\n\
         \n\
         Like\n\
         Quote\n\
         Report\n\
         \n\
         nurse_jo\n\
         Posts: 2,318\n\
         11 April 2024 at 23:41\n\
         \n\
         Hi Leon, I'm sorry you and your dad are going through this tonight. What you describe sounds like ifosfamide encephalopathy, a known side effect. It can cause confusion, sleepiness and seeing things that are not there.\n\
         \n\
         In most people it improves within 48 to 72 hours of stopping. Doctors sometimes give a medicine called methylene blue, which can help it settle faster.\n\
         \n\
         Jo, specialist nurse\n\
         \n\
         Like\n\
         Quote\n\
         Report\n\
         \n\
         leon_r\n\
         Member\n\
         Posts: 12\n\
         13 April 2024 at 10:15\n\
         \n\
         Thank you Jo. They gave him methylene blue and by this morning he was much more himself.\n\
         \n\
         Like\n\
         Quote\n\
         Report\n\
         \n\
         mike_2021\n\
         Member\n\
         Posts: 340\n\
         13 April 2024 at 12:48\n\
         \n\
         Same happened to me on cycle 2. It was frightening for my wife, but I honestly don't remember it.\n\
         \n\
         Like\n\
         Quote\n\
         Report\n\
         \n\
         Reply to this thread\n\
         You must be logged in to reply.\n\
         Privacy\n\
         Terms\n";
        let cleaned = clean_one("thread.txt", page.as_bytes()).unwrap();
        let out = cleaned.pages[0].doc.outline();
        for post in [
            "My dad is on cycle 3",
            "ifosfamide encephalopathy",
            "Thank you Jo.",
            "Same happened to me on cycle 2.",
        ] {
            assert!(out.contains(post), "{post}: {out}");
        }
        assert!(!out.contains("Quote"), "{out}");
        // The thread's question, signed "Started by …", is the title; the banner
        // above it is the site's.
        let doc = &cleaned.pages[0].doc;
        assert_eq!(
            doc.title,
            "Ifosfamide made my dad confused – is this normal?"
        );
        assert!(!out.contains("Welcome to SarcomaTalk"), "{out}");
    }

    const ARTICLE: &str = "The council voted on Tuesday to build a new bridge across the river, ending a debate that had lasted for more than a decade and divided the town.";

    fn article(paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|i| format!("{ARTICLE} This is paragraph {i} of the story.\n\n"))
            .collect()
    }

    /// Three comments, each under a "Name | date time | Reply" header, saying `post`.
    fn thread(post: &str) -> String {
        [
            ("Anna", "10:15 am"),
            ("Ben", "11:02 am"),
            ("Cleo", "1:40 pm"),
        ]
        .iter()
        .map(|(name, t)| format!("{name} | November 9, 2012 {t} | Reply\n\n{post}\n\n"))
        .collect()
    }

    /// A forum thread whose last reply is one short sentence between the forum's
    /// furniture keeps it; a comment form's label after the last header stays out.
    #[test]
    fn a_threads_short_last_post_is_kept() {
        let page = |last: &str| {
            let mut page = String::from("Chemo for my son: what to expect?\n\nBoard index\n\n");
            for (name, time, post) in [
                (
                    "worriedmum",
                    "9:41 pm",
                    "My son is fifteen and starts chemotherapy next Monday. Can anyone tell me what the first few weeks were like for your family?",
                ),
                (
                    "DaveK",
                    "10:15 pm",
                    "So sorry you are going through this. My daughter had the same treatment two years ago, and the first weeks were the hardest.",
                ),
                (
                    "nurse_jo",
                    "11:03 pm",
                    "I am a children's cancer nurse, speaking for myself. Keep a diary of his temperature and ring the ward if it goes above 38C.",
                ),
                ("worriedmum", "11:30 pm", last),
            ] {
                page.push_str(&format!(
                    "Posted by {name} » Tue Nov 07, 2023 {time}\n{post}\nPosts: 12\nJoined: Mon Jan 04, 2021 6:02 pm\nTop\nRe: Chemo for my son: what to expect?\n"
                ));
            }
            page.push_str("Post Reply\nReturn to Osteosarcoma\nWho is online\n");
            let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
            cleaned.pages[0].doc.outline()
        };
        let out = page("Thank you both so much, this really helps.");
        assert!(
            out.contains("\nThank you both so much, this really helps.\n"),
            "{out}"
        );
        let out = page("Write your own reply:");
        assert!(!out.contains("Write your own reply"), "{out}");
        // Under an article, a comment section stays out, its short comments too.
        let mut page = story_and_thread();
        page.push_str(
            "Dana | November 9, 2012 2:00 pm | Reply\n\nGreat article, thanks.\n\nLeave a reply\n",
        );
        let out = clean_one("p.txt", page.as_bytes()).unwrap().pages[0]
            .doc
            .outline();
        assert!(out.contains("This is paragraph 7"), "{out}");
        assert!(!out.contains("Great article"), "{out}");
    }

    /// A story of eight paragraphs, then a thread of three comments saying the bridge
    /// is "a waste of money".
    fn story_and_thread() -> String {
        let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(8));
        page.push_str(&thread(
            "I think the bridge is a waste of money and the council should have listened to the people who live near the river.",
        ));
        page
    }

    /// Three sections of the story, each a paragraph ("This is section N of the
    /// story.") and then a short subheading.
    fn sections() -> String {
        ["Costs rose", "The vote", "What comes next"]
            .iter()
            .enumerate()
            .map(|(i, subheading)| {
                format!("{ARTICLE} This is section {i} of the story.\n\n{subheading}\n\n")
            })
            .collect()
    }

    fn kept(page: &str) -> String {
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        cleaned.pages[0].doc.outline()
    }

    /// "3 comments | Reply" opens the comment section and is a comment header too:
    /// the page is cleaned (it used to panic on an empty range between the two).
    #[test]
    fn a_comment_count_that_is_also_a_header() {
        let out = kept(&format!(
            "A post about bridges\n\n{}3 comments | Reply\n\nI agree and walk across it every day.\n",
            article(1)
        ));
        assert!(out.contains("This is paragraph 0"), "{out}");
    }

    #[test]
    /// The literal prefilter in front of [`super::COMMENT_HEADER`] rules out a line
    /// of prose (so it is in use) and never a header, in any case (look-alikes
    /// that fold to ASCII letters are the rules' prefilter's own tests).
    fn comment_header_prefilter_rules_out_prose_only() {
        use super::{COMMENT_HEADER, COMMENT_HEADER_NEEDLES, is_comment_header};
        let needles = COMMENT_HEADER_NEEDLES.as_ref().unwrap();
        assert!(needles.rule_out("The council voted on Tuesday to build a bridge."));
        for t in [
            "Nash SAYS:",
            "REPLY",
            "Anna | November 9 | rEpLy",
            "Bob - Link to this comment",
            "Re: Bridges (SCORE:5, Insightful)",
            "Re: Bridges (Score:5, Insightful)",
        ] {
            assert!(COMMENT_HEADER.is_match(t), "{t}");
            assert!(!needles.rule_out(t), "{t}");
            assert!(is_comment_header(t, false), "{t}");
        }
    }

    #[test]
    fn comment_header_and_section_shapes() {
        use super::{COMMENT_SECTION, is_comment_header};
        for t in [
            "Nash says:",
            "reply to this comment",
            "[Reply]",
            "Anna | November 9, 2012 10:15 am | Reply",
            "Re:Waste of money (Score:5, Insightful)",
            "Re: (Score:-1)",
            "Peter Flom 07.08.12 at 13:24",
            // A post's own dated line counts too: excluding such lines cost Dragnet.
            "Posted by Dan | Jan 10, 2008 6:02 PM | Permalink",
            // Blogger's name and date, glued by the browser's text.
            "KellyOctober 29, 2012 3:20 PM",
            "Beth :: Our Front Porch ViewOctober 29, 2012 3:45 PM",
            // ... and with a numeric date (Dragnet +0.0004, four pages better, none
            // worse).
            "Dr. Joan McGettigan10/28/12 5:33 PM",
            // A relative date after a name or a time.
            "Miles Taylor 12 days ago",
            "thejuiceman236 3 hours ago",
            "2012 | 1:30 pm - 2 hours ago",
            // A WordPress theme's "Name said," (Dragnet +0.0008, L3S-GN1 +0.0003, no
            // page worse).
            "Progress Trap said,",
            "Nikos said:",
        ] {
            assert!(is_comment_header(t, false), "{t}");
        }
        for t in [
            "The score was 3:1 in the second half",
            "Posted by Dan at 4:29 PM, a long line of prose about the bridge and the council vote",
            // A related story's headline and age.
            "Guardian.co.uk Japan aims to jump-start its economy 20 hrs ago",
            "Oil prices rise 3 hours ago",
            // A sentence, and an article's own stamp.
            "That was 20 years ago.",
            "She died a year ago",
            // A sentence that ends on "said" is no comment's name.
            "Costs rose by a third last year. The minister said,",
            "When asked about the vote on the bridge project, the minister of transport said:",
            "Updated 2 hours ago",
            // A dose schedule, not a name glued to a date.
            "Cycles given on day1/8/15 from 9:30",
            // A commenter's address and name heads a comment only with its text
            // under it, and only among other headers (see `weak_header`).
            "http://twitter.com/danamac Dana McMahan",
        ] {
            assert!(!is_comment_header(t, false), "{t}");
        }
        // A job board's row ends on an age too.
        assert!(!is_comment_header(
            "OfficeTeam | Reading | 5 Days Ago",
            true
        ));
        assert_eq!(
            super::stated_count("{ 2 comments… read them below or add one }"),
            Some(2)
        );
        assert_eq!(super::stated_count("Comments (1)"), Some(1));
        assert_eq!(
            super::stated_count("1,204 Responses to “Bridge”"),
            Some(1204)
        );
        assert_eq!(super::stated_count("Showing 1 of 12 comments"), Some(12));
        assert_eq!(super::stated_count("1 thought on “Bridge”"), Some(1));
        assert_eq!(super::stated_count("0 Comments"), None);
        assert_eq!(super::stated_count("Leave a reply"), None);
        assert_eq!(super::stated_count("Total Comments (1,465)"), Some(1465));
        assert_eq!(super::stated_count("Comments (1 of 12)"), Some(12));
        assert_eq!(super::stated_count("One Comment"), Some(1));
        assert_eq!(super::stated_count("Someone commented"), None);
        for t in [
            "12 Comments",
            "Total Comments (920)",
            "Comments (9) Add A Comment",
            "Comments (3 of 3)",
            "{ 69 comments… read them below or add one }",
            "(3 responses)",
            "53 Responses to “1,400 Rectangles”",
            // WordPress's heading over a long title (Dragnet +0.0003, seven pages
            // better, one 0.003 worse).
            "48 Responses to “Searching for Guinea Bissau in Midtown Manhattan”",
            "One Response to “Scouting Report: Will Manny Machado Be The Next Mike Trout?”",
            "2 thoughts on “PubCon 2012 Las Vegas Coverage, Day Three Afternoon”",
            "Leave a reply",
            // A link's arrow after it (Dragnet +0.0007, three pages better, none worse).
            "Comments»",
            "53 Comments »",
            // One, in a word (Dragnet +0.0005, L3S-GN1 +0.0002, five pages better,
            // none worse).
            "One Comment",
            "One comment Add your comment",
            "one comment – permalink",
            // A sentence that counts them (Dragnet +0.0005, two pages better, none
            // worse).
            "There are 27 comments. Add yours.",
            "There are 7 comments about:",
            "There has been 1 comment on this post.",
            // A closed thread's line that names the story, over the comments it keeps
            // (L3S-GN1 +0.0007, one page better, none worse; session 48).
            "Comments are now closed for this story",
            "Comments have been closed on this article.",
        ] {
            assert!(COMMENT_SECTION.is_match(t), "{t}");
        }
        for t in [
            "Comments on the draft law are due by Friday",
            // Sentences and a list's title: the long form needs a quoted title.
            "One response to the outbreak: close the schools across the whole county?",
            "5 responses to chemotherapy were seen in the trial (see Table 2)",
            "10 Thoughts on Leadership in a Crisis for Hospital Managers Everywhere",
            "Comments » Policy",
            "One comment from the mayor surprised everyone",
            "One commentator said the bridge was too costly",
            "One response: close the schools.",
            "One thought: wash your hands often.",
            "One response – surgery – was tried.",
            "There are 3 responses to treatment, each graded by the panel.",
            "There are 2 comments I want to make about the plan.",
            // A treatment's responses, listed under the line, are the text's.
            "There are 3 responses:",
            // WordPress's "Comments are closed." ends a thread more often than it opens
            // one, and a consultation's page may say it over its own short sections.
            "Comments are closed.",
            "Comments are now closed. Thank you to everyone who took part.",
            "Comments are closed until the hearing on 3 May.",
            "Comments are now closed for this consultation",
            "Comments closed",
        ] {
            assert!(!COMMENT_SECTION.is_match(t), "{t}");
        }
    }

    /// A comment-section line that says how many comments follow needs only that
    /// many headers after it; one that does not say needs three.
    #[test]
    fn a_stated_count_of_comments_is_enough_headers() {
        let page = |section: &str| {
            let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(2));
            page.push_str(section);
            page.push_str("\n\n");
            for (name, t) in [("Nathan", "21:35"), ("Mike", "22:07")] {
                page.push_str(&format!(
                    "{name} 07.16.12 at {t}\n\nI think the bridge is a waste of money, and the council should have listened.\n\n"
                ));
            }
            kept(&page)
        };
        let out = page("{ 2 comments… read them below or add one }");
        assert!(out.contains("paragraph 1 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        let out = page("Comments");
        assert!(out.contains("waste of money"), "{out}");
        // A count the page does not bear out (two headers for five comments).
        let out = page("5 Comments");
        assert!(out.contains("waste of money"), "{out}");
    }

    /// A blog's front page: each post ends on a dated byline (the shape of a comment's
    /// header) and the next starts with its title and its own comment count. The
    /// posts stay; the same bylines over comments go.
    #[test]
    fn a_front_page_of_posts_with_comment_counts_is_kept() {
        let page = |count: bool| {
            let mut page = format!("Dark Age News\n\n{}", article(8));
            page.push_str("-- Affek @ 2:36PM Wed 19 Jul 2006\n\n");
            for (i, (title, text)) in [
                ("Hot Fixes", "As if we needed any more heat this week, the Herald has a few hot fixes for the players who asked."),
                ("Patch notes", "The patch notes for the new version are out, with changes to the keeps that many of you asked about."),
                ("Server moves", "Three of the old servers move to the new hall on Friday, and the team says that the move takes an hour."),
            ]
            .iter()
            .enumerate()
            {
                if count {
                    page.push_str(&format!("{title} [ 1{i} Comments ]\n\n"));
                }
                page.push_str(&format!("{text}\n\n-- Affek @ {}:10PM Wed 19 Jul 2006\n\n", i + 3));
            }
            kept(&page)
        };
        let out = page(true);
        assert!(out.contains("the move takes an hour"), "{out}");
        // Without the counts the bylines head short posts under a long one: comments.
        let out = page(false);
        assert!(out.contains("paragraph 1 of the story"), "{out}");
        assert!(!out.contains("the move takes an hour"), "{out}");
        // A sidebar of popular posts with their counts, titles under titles, is no
        // front page: the comments above it still go.
        let mut page = story_and_thread();
        page.push_str("Popular posts:\n- Don't go to grad school (326 comments)\n- Choose sex over money (287 comments)\n- Living up to your potential is BS (143 comments)\n");
        let out = kept(&page);
        assert!(out.contains("paragraph 7 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        // Nor are recent posts with their excerpts after the last comment.
        let mut page = story_and_thread();
        page.push_str("Recent posts\n\nWhy the vote went the way it did (14 comments)\n\nThe council met for six hours on Tuesday night, and in the end the vote went the way that most of the town had expected.\n\nTen years of plans on one map (9 comments)\n\nWe put every plan that has been sent to the council since 2014 on one map, and the picture that comes out of it is not a pretty one.\n");
        let out = kept(&page);
        assert!(!out.contains("waste of money"), "{out}");
    }

    #[test]
    fn comments_after_an_article_are_dropped() {
        let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(8));
        page.push_str("12 Comments\n\n");
        page.push_str(&thread(
            "I think the bridge is a waste of money and the council should have listened to the people who live near the river.",
        ));
        let out = kept(&page);
        assert!(out.contains("paragraph 7 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        assert!(!out.contains("12 Comments"), "{out}");
    }

    /// Readers' letters that the article introduces with a colon and answers are the
    /// article's; the same letters after a plain paragraph are a comment section.
    #[test]
    fn letters_the_article_introduces_are_kept() {
        let letters = "Makali wrote:\n\nThe new bridge is the ugliest thing the council has ever built.\n\nI disagree: it is the cheapest one they could find, and it will last.\n\nVarious people wrote:\n\nWhy not a tunnel instead of a bridge?\n\nBecause a tunnel costs four times as much, as the report says.\n\nSomeone else wrote:\n\nWho pays for the upkeep?\n\nThe county does, for the first ten years.\n\n";
        let introduced = format!(
            "Bridge vote ends decade of debate\n\n{}And here is what my readers wrote to me about it:\n\n{letters}",
            article(8)
        );
        let out = kept(&introduced);
        assert!(out.contains("ugliest thing"), "{out}");
        assert!(out.contains("The county does"), "{out}");
        let plain = format!(
            "Bridge vote ends decade of debate\n\n{}The council meets again in the spring to choose a builder.\n\n{letters}",
            article(8)
        );
        let out = kept(&plain);
        assert!(!out.contains("ugliest thing"), "{out}");
        // A form's label is no sentence, and a comment-section line marks a section
        // whatever precedes it.
        for intro in [
            "Leave a comment:\n\n".to_string(),
            "And here is what my readers wrote to me about it:\n\n3 Comments\n\n".to_string(),
        ] {
            let page = format!(
                "Bridge vote ends decade of debate\n\n{}{intro}{letters}",
                article(8)
            );
            let out = kept(&page);
            assert!(!out.contains("ugliest thing"), "{intro}: {out}");
        }
    }

    /// Comments headed by a name and a date only, numbered or not ("3. CmdrR -
    /// October 26, 2012", "Jermaine 07 Nov 12"), each over its text, are dropped; a
    /// sidebar's dated headlines one under another, or an article's dated byline
    /// alone, are no comments.
    #[test]
    fn comments_headed_by_a_name_and_a_date_are_dropped() {
        for t in [
            "http://twitter.com/danamac Dana McMahan",
            "http://free-range.org FreeRange Pamela",
        ] {
            assert!(super::linked_name(t), "{t}");
        }
        for t in [
            "http://online.wsj.com/article/BT-CO-20120703-702076.html [wsj.com]",
            "http://www.sarcoma.org.uk is great",
        ] {
            assert!(!super::linked_name(t), "{t}");
        }
        for t in [
            "4. Harry Ballz - October 26, 2012",
            "3. CmdrR - October 26, 2012",
            "James Cannon - Runcorn UK - October 26, 2012",
            "Jermaine 07 Nov 12",
            "Alejandro Moreno 07 Nov 12",
            "Kat - 10/26/2012",
            // Signed under the comment, the date first (Squarespace), or with the
            // day's name before the date (Dragnet +0.0004, two pages better, none
            // worse).
            "October 11, 2012 | Eve",
            "October 11, 2012 | Riverside Photographer",
            "Aaron Berk Monday, November 5 2012",
        ] {
            assert!(super::dated_name(t), "{t}");
        }
        for t in [
            "Tuesday 15 January 2008",
            "Monday, November 5 2012",
            "October 11, 2012 | Updated",
            "October 11, 2012 | the council met again",
            "August 12, 2019 – Surgery",
            "Surgery Monday, November 5 2012",
            "Posted on October 26, 2012",
            "By Jane Doe, October 26, 2012",
            "Five tips for a better night's sleep from the clinic's nurses October 26, 2012",
            "The bridge was closed on 26 October 2012",
            "Doctor 12 2019",
            "Metformin 500-0-500",
            "Server 192.168.1.10",
            "Cycle 1 - Day 1 - 12/03/2021",
        ] {
            assert!(!super::dated_name(t), "{t}");
        }
        // Under a section line, or with a strong header among them, they are comments.
        for opening in [
            "3 Comments\n\n",
            "Dee | November 9, 2012 10:15 am | Reply\n\nAgreed.\n\n",
        ] {
            let mut page = format!(
                "Bridge vote ends decade of debate\n\n{}{opening}",
                article(8)
            );
            for (k, name) in ["Anna Berg", "Ben", "Cleo Dunn"].iter().enumerate() {
                page.push_str(&format!(
                    "{}. {name} - October 2{k}, 2012\n\nI think the bridge is a waste of money and the council should have listened to the people who live near the river, who will pay for it for years to come and who said so at every one of the meetings held about it.\n\n",
                    k + 1
                ));
            }
            let out = kept(&page);
            assert!(out.contains("paragraph 7 of the story"), "{out}");
            assert!(!out.contains("waste of money"), "{out}");
        }
        // Dated headlines one under another, then a paragraph: not comments.
        let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(8));
        page.push_str("Italian Pot Roast Oct 22, 2012\nPumpkin Pancakes Oct 29, 2012\nTomorrow's Recipes Oct 26, 2012\n\n");
        page.push_str("The council will publish the full plans for the bridge next month, with a public meeting at the town hall.\n\n");
        let out = kept(&page);
        assert!(out.contains("full plans for the bridge"), "{out}");
        // A patient's timeline, dated entries over their text, and a list of links
        // with names: weak headers alone start no comment section.
        let mut page = format!("My daughter's osteosarcoma\n\n{}", article(8));
        for (step, date) in [
            ("Diagnosis", "March 3, 2019"),
            ("Chemotherapy", "April 1, 2019"),
            ("Surgery", "August 12, 2019"),
        ] {
            page.push_str(&format!(
                "{step} - {date}\n\nAn MRI and a biopsy showed the tumour in her left femur, and the team planned the next step of her treatment with us.\n\n"
            ));
        }
        for (url, name) in [
            ("https://www.macmillan.org.uk", "Macmillan Cancer Support"),
            ("https://www.sarcoma.org.uk", "Sarcoma UK"),
            ("https://www.cancer.org", "American Cancer Society"),
        ] {
            page.push_str(&format!(
                "{url} {name}\n\nA charity that answers questions about bone cancer by phone and by email, for patients and their families.\n\n"
            ));
        }
        page.push_str(
            "What we learned is that every family needs a nurse they can call at night.\n",
        );
        let out = kept(&page);
        for kept_text in [
            "Surgery",
            "tumour in her left femur",
            "Sarcoma UK",
            "What we learned",
        ] {
            assert!(out.contains(kept_text), "{kept_text}: {out}");
        }
    }

    /// A photo blog's comments, each a name over "October 2, 2012, | Permalink" and
    /// the comment, some signed with an address and a kiss ("X", which with the next
    /// name makes two name lines in a row, as a menu has), under "119 Comments":
    /// dropped. The same date line under the blog's own posts, under each post's
    /// comment count and no name, keeps every post.
    #[test]
    fn comments_dated_with_a_permalink_are_dropped() {
        for t in [
            "October 2, 2012, | Permalink",
            "November 8, 2012 | Permalink",
            "Oct 2, 2012 · permalink",
            "2 October 2012, | Permalink",
            "OCTOBER 2ND, 2012 | PERMALINK",
        ] {
            assert!(super::PERMALINK_DATE.is_match(t), "{t}");
            // "Permalink" is no commenter's name: the line is no name and a date.
            assert!(!super::dated_name(t), "{t}");
        }
        for t in [
            "11/09/2012 in Crafts, Fall Crafts | Permalink",
            "Posted by Seth Godin on July 9, 2012 | Permalink",
            "October 2, 2012",
        ] {
            assert!(!super::PERMALINK_DATE.is_match(t), "{t}");
        }
        let caption = "I am totally inspired by this season's collection, my all time favourite. \
                       The shirt and tie are vintage, the jeans are new and the bag is my mother's.";
        let mut page = format!("IN ST. GERMAIN – PARIS\n\n{caption}\n\n119 Comments\n");
        for (k, (name, comment)) in [
            (
                "dipitblack",
                "Love her and love her outfit! And what an amazing bag!",
            ),
            (
                "Cristine Arroyo",
                "The mixing of the prints is spot on, and those shoes are adorable.",
            ),
            (
                "Emilie",
                "Ties are on my radar at the moment, they make a plain shirt so chic.",
            ),
            (
                "Amber Jade",
                "I would love to find such a shirt in a second hand shop!",
            ),
        ]
        .iter()
        .enumerate()
        {
            page.push_str(&format!(
                "{name}\nOctober {}, 2012, | Permalink\n\n{comment}\n\n",
                k + 2
            ));
            // A commenter's signature: her blog's address, then a kiss.
            if k == 0 {
                page.push_str("http://www.dipitblack.wordpress.com\n\nX\n\n");
            }
        }
        let out = kept(&page);
        assert!(out.contains("totally inspired"), "{out}");
        for comment in ["amazing bag", "spot on", "radar", "second hand"] {
            assert!(!out.contains(comment), "{comment}: {out}");
        }
        // A blog's front page: each post ends with its comment count, its date and
        // its permalink; no name line stands over the date, so the posts are kept.
        let mut page = String::from("My Garden Diary\n\n");
        for (k, plant) in ["tomatoes", "beans", "leeks", "onions"].iter().enumerate() {
            page.push_str(&format!(
                "Today I planted the {plant} in the long bed by the wall, after two weeks of rain, and covered them against the slugs.\n\n{} Comments\nOctober {}, 2012, | Permalink\n\n",
                k + 2,
                k + 2
            ));
        }
        let out = kept(&page);
        for plant in ["tomatoes", "beans", "leeks", "onions"] {
            assert!(
                out.contains(&format!("planted the {plant}")),
                "{plant}: {out}"
            );
        }
    }

    /// A news site's short summary above a long thread: the line that opens the
    /// comment section ends the article, however short it is.
    #[test]
    fn a_comment_section_line_ends_a_short_article() {
        let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(2));
        page.push_str("The following comments are owned by whoever posted them.\n\n");
        for (name, t, id) in [
            ("anna", "08:25", 1),
            ("ben", "08:35", 2),
            ("cleo", "09:02", 3),
        ] {
            page.push_str(&format!(
                "Re: bridges (Score:5)\nby {name} (12{id}) on Monday July 23, @{t}PM (#4074{id})\n\n{}\n\n",
                "I think the bridge is a waste of money and the council should have listened to the people who live near the river, who will pay for it for years."
            ));
        }
        let out = kept(&page);
        assert!(out.contains("paragraph 1 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        // A blog's count in brackets opens the section the same way.
        let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(2));
        page.push_str("{ 14 comments… read them below or add one }\n\n");
        for (name, t) in [("Anna", "3:56 pm"), ("Ben", "4:39 am"), ("Cleo", "4:25 pm")] {
            page.push_str(&format!(
                " {name} July 26, 2012 at {t}\n\nI think the bridge is a waste of money.\n\nReply\n\n"
            ));
        }
        let out = kept(&page);
        assert!(out.contains("paragraph 1 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        assert!(!out.contains("read them below"), "{out}");
        // A first comment header with a shape of its own (a pingback), whose post is
        // shorter than the article.
        let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(2));
        page.push_str("3 Responses to “Bridge vote”\n\n");
        page.push_str("on 25 Oct 2012 at 7:14 pm1 dy/dan » Blog Archive » Bridges\n\n[...] the vote [...]\n\n");
        for (i, (name, place)) in [("Timon Piccini", "the river"), ("Audrey", "the school")]
            .iter()
            .enumerate()
        {
            page.push_str(&format!(
                "on 25 Oct 2012 at 7:2{i} pm{} {name}\n\nI think the bridge is a waste of money, said the neighbour from {place}.\n\n",
                i + 2
            ));
        }
        let out = kept(&page);
        assert!(out.contains("paragraph 1 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        // Slashcode's headers carry a moderation score and no date.
        let mut page = format!("Bridge vote ends decade of debate\n\n{}", article(2));
        page.push_str("The following comments are owned by whoever posted them.\n\n");
        for (title, name, place) in [
            // A first title whose shape no other header has.
            ("Waste", "anna", "the river"),
            ("Re:Waste of money", "ben", "the school"),
            ("Money for nothing", "cleo", "the old mill"),
        ] {
            page.push_str(&format!(
                "{title} (Score:4, Insightful)\nby {name} (123456)\n\nI think the bridge is a waste of money, said the neighbour from {place}, who has lived there for years.\n\n"
            ));
        }
        let out = kept(&page);
        assert!(out.contains("paragraph 1 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
    }

    /// Posts signed by a header line ("by Eric on November 9, 2010 at 6:10 am.
    /// Reply #"), `n` of them, each `paragraphs` copies of `post`: the header under
    /// its post, or (`header_first`) over it.
    fn signed_thread(post: &str, n: usize, paragraphs: usize, header_first: bool) -> String {
        [
            ("Eric", "6:10 am"),
            ("Rand", "8:23 am"),
            ("Zed", "4:25 pm"),
            ("Will", "5:02 pm"),
        ]
        .iter()
        .take(n)
        .map(|(name, t)| {
            let header = format!("by {name} on November 9, 2010 at {t}. Reply #\n\n");
            let text = format!("{post}\n\n").repeat(paragraphs);
            if header_first {
                header + &text
            } else {
                text + &header
            }
        })
        .collect()
    }

    /// A comment section whose headers sign each post from below: the first post,
    /// between the count line and the first header, goes with the rest.
    #[test]
    fn comments_signed_under_their_posts_are_dropped_from_the_first() {
        // The count line, then posts each signed under its text: the first post (over
        // 60 words) comes before the first header and goes with the rest.
        let post = "I think the bridge is a waste of money and the council should have listened to the people who live near the river, who will pay for it for years to come through their taxes and their tolls.";
        let headline = "Bridge vote ends decade of debate\n\n";
        let later = |n| article(n).replace("This is paragraph", "This is later paragraph");
        let page = format!(
            "{headline}{}45 comments\n\n{}",
            article(3),
            signed_thread(post, 4, 2, false)
        );
        let out = kept(&page);
        assert!(out.contains("paragraph 2 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        // A first "post" longer than the article above the line is no post, however
        // long the posts after: the count line is a link above the rest of the article.
        let page = format!(
            "{headline}{}45 comments\n\n{}{}",
            article(1),
            later(4),
            signed_thread(post, 3, 5, true)
        );
        let out = kept(&page);
        assert!(out.contains("later paragraph 3"), "{out}");
        // A count link inside a long article: the text after it, longer than any post
        // below, is the article's, however much longer the article above it is.
        let page = format!(
            "{headline}{}45 comments\n\n{}{}",
            article(4),
            later(2),
            signed_thread(post, 4, 1, false)
        );
        let out = kept(&page);
        assert!(out.contains("later paragraph 1"), "{out}");
    }

    /// A "4 Comments" link above the article, then the article's own dateline: the
    /// article is not a comment.
    #[test]
    fn a_comment_count_above_the_article_keeps_the_article() {
        let page = format!(
            "Bridge vote ends decade of debate\n\nLatest news from the county, updated through the day and the night by our reporters in the town hall and the courts.\n\n4 Comments\n\nMon Oct 29, 2012 9:47 AM EDT\n\n{}Anna | November 9, 2012 10:15 am | Reply\n\nGood.\n\nBen | November 9, 2012 11:02 am | Reply\n\nBad.\n\nCleo | November 9, 2012 1:40 pm | Reply\n\nFine.\n",
            article(4)
        );
        let out = kept(&page);
        assert!(out.contains("paragraph 3 of the story"), "{out}");
    }

    /// A blog whose sidebar comes first: the post's own date line looks like a
    /// comment header, but the "comment" under it is longer than all the text
    /// before it: it is the post, and stays.
    #[test]
    fn a_post_under_its_own_date_line_is_not_a_comment() {
        let mut page = String::from("Steven and Fiona's travel notes\n\n");
        page.push_str(&"We like blue skies and quiet days, and we write about the places we camp in the hills and by the sea every season of the year. ".repeat(7));
        page.push_str("\n\nDec 28 Sat 2013 00:28\n\n");
        page.push_str(&article(10));
        page.push_str(&thread(
            "Lovely photos of the bridge and the river, thank you for writing this up.",
        ));
        let out = kept(&page);
        assert!(out.contains("paragraph 9 of the story"), "{out}");
    }

    /// A button's label and count ("Save 0") is no commenter's name: under a "10
    /// Comments" link above the article (a recipe site's, Dragnet R741), it made the
    /// article read as the first of posts headed by names (the recipes' names under it),
    /// and the whole article went as comments.
    #[test]
    fn a_buttons_count_is_no_commenters_name() {
        assert!(is_name_line("Mars Dorian"));
        assert!(is_name_line("Dan @ ZenPresence"));
        assert!(is_name_line("October 22, 2012 | Maggie"));
        assert!(!is_name_line("Save 0"));
        assert!(!is_name_line("Pin It 12"));
        assert!(!button_count("12"));
        let mut page = format!(
            "Community picks for the holiday table\n\n{}10 Comments\n\nSave 0\n\n{}",
            article(1),
            article(3)
        );
        for (recipe, blurb) in [
            ("Osso Buco", "Braised shanks with gremolata."),
            ("Turkey Schnitzel", "Crisp cutlets in a sage sauce."),
            ("Roast Turkey", "Butter and herbs under the skin."),
            ("Pumpkin Pie", "Spiced custard in a flaky crust."),
        ] {
            page.push_str(&format!("{recipe}\n\n{blurb}\n\n"));
        }
        let out = kept(&page);
        assert!(out.contains("paragraph 2 of the story"), "{out}");
    }

    /// A blog theme that heads each comment with its writer's name alone: the line
    /// that opens the section, then name, post, name, post.
    /// A page: `title`, a three-paragraph article, the line `marker`, then each of
    /// `posts` as a short line (a writer's name, or a section's heading) over its text.
    fn article_then_posts(title: &str, marker: &str, posts: &[(&str, &str)]) -> String {
        let mut page = format!("{title}\n\n{}{marker}\n\n", article(3));
        for (name, post) in posts {
            page.push_str(&format!("{name}\n\n{post}\n\n"));
        }
        page
    }

    /// Four readers' posts, each under its writer's name alone.
    const NAMED_POSTS: [(&str, &str); 4] = [
        ("Gibbo", "I think the bridge is a waste of money."),
        (
            "Robert",
            "Not seeing the update on my street yet, is the map wrong?",
        ),
        (
            "Mars Dorian",
            "We waited ten years for this and it is finally happening.",
        ),
        (
            "Dan @ ZenPresence",
            "Who pays for the upkeep once it is built, the county or us?",
        ),
    ];

    #[test]
    fn comments_headed_by_names_alone_are_dropped() {
        let out = kept(&article_then_posts(
            "Bridge vote ends decade of debate",
            "{ 131 comments }",
            &NAMED_POSTS,
        ));
        assert!(out.contains("paragraph 2 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        assert!(!out.contains("Robert"), "{out}");
    }

    /// A comment link under the first paragraph opens nothing (the article follows
    /// it), and does not hide the count below the article, over posts headed by their
    /// writers' names, that opens the comments.
    #[test]
    fn a_failed_comment_line_does_not_hide_a_later_one() {
        // The link under the first paragraph, then three more paragraphs of the article.
        let top = format!(
            "Bridge vote ends decade of debate\n\n{}4 Comments",
            article(1)
        );
        let page = article_then_posts(&top, "{ 4 comments }", &NAMED_POSTS);
        let out = kept(&page);
        assert!(out.contains("paragraph 2 of the story"), "{out}");
        assert!(!out.contains("waste of money"), "{out}");
        assert!(!out.contains("Robert"), "{out}");
    }

    /// A closed thread's line ("Comments are now closed for this story") over posts
    /// headed by their writers' names alone starts the comment section, as a count
    /// does.
    #[test]
    fn a_closed_threads_line_over_named_posts_starts_the_comments() {
        let out = kept(&article_then_posts(
            "Premiers meet for dinner",
            "Comments are now closed for this story",
            &[
                (
                    "Stephen B",
                    "The province should cut its own spending first.",
                ),
                ("Lina", "Industry is not the government's job to prop up."),
                (
                    "Frank @ Hamilton",
                    "The deficit was falling before the downturn hit.",
                ),
                ("Doug", "Every meeting ends the same way, cap in hand."),
            ],
        ));
        assert!(out.contains("paragraph 2 of the story"), "{out}");
        assert!(!out.contains("cap in hand"), "{out}");
        assert!(!out.contains("Lina"), "{out}");
    }

    /// A consultation's page that says its comments are closed, over its own short
    /// sections, keeps them: a bare closed line opens no comment section.
    #[test]
    fn a_closed_consultation_keeps_its_short_sections() {
        let out = kept(&article_then_posts(
            "Plans for the new children's ward",
            "Comments are now closed.",
            &[
                (
                    "What you told us",
                    "Most families asked for rooms where a parent can sleep.",
                ),
                (
                    "What happens next",
                    "The board will publish its answer in the spring.",
                ),
                (
                    "Key dates",
                    "Building starts in June and the ward opens a year later.",
                ),
                (
                    "Contact",
                    "Write to the project team at the hospital's main address.",
                ),
            ],
        ));
        assert!(out.contains("a parent can sleep"), "{out}");
        assert!(out.contains("opens a year later"), "{out}");
    }

    /// A comment count and the story's tags in the middle of a long article, then more
    /// of it under short subheadings: two short lines in a row are not a name and a
    /// post.
    #[test]
    fn a_comment_count_above_tags_keeps_the_article() {
        let mut page = format!(
            "Bridge vote ends decade of debate\n\n{}455 comments\n\nBridges\n\nTown council\n\n",
            article(8)
        );
        page.push_str(&sections());
        page.push_str(&article(2));
        let out = kept(&page);
        assert!(out.contains("section 1 of the story"), "{out}");
    }

    /// A comment link under a standfirst, then the article in sections under short
    /// subheadings: the sections are as long as the text above the link, so they are
    /// not comments headed by names.
    #[test]
    fn sections_under_a_comment_link_are_not_named_comments() {
        let mut page = format!(
            "Bridge vote ends decade of debate\n\n{}4 Comments\n\n",
            article(1)
        );
        page.push_str(&sections());
        page.push_str(&format!("{ARTICLE} This is the last section.\n"));
        let out = kept(&page);
        assert!(out.contains("section 1 of the story"), "{out}");
        assert!(out.contains("the last section"), "{out}");
    }

    #[test]
    fn a_thread_whose_first_post_is_long_keeps_its_replies() {
        let mut page = String::from("Forum > Bone cancer > Treatment\n\n");
        let post = |page: &mut String, t: &str, body: &str| {
            page.push_str(&format!("05-06-2005, {t} PM\n\n{body}\n\n"));
        };
        post(&mut page, "05:28", &article(8));
        for t in ["05:41", "05:48", "05:49"] {
            post(
                &mut page,
                t,
                "My son had the same surgery last year and the recovery took longer than the doctors first told us, so be patient.",
            );
        }
        let out = kept(&page);
        assert!(out.contains("recovery took longer"), "{out}");
    }

    #[test]
    fn a_blog_index_keeps_its_posts() {
        let mut page = String::from("Jamie's notes\n\n");
        for t in ["04:29", "03:54", "08:12", "04:00"] {
            page.push_str(&article(3));
            page.push_str(&format!(
                "Posted by jamie k at {t} PM | Permalink | Comments (0) | TrackBack (0)\n\n"
            ));
        }
        let out = kept(&page);
        assert_eq!(out.matches("paragraph 2 of the story").count(), 4, "{out}");
    }
}
