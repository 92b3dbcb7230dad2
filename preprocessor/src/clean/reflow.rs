//! Stage 3: lines to paragraph candidates ("units").
//!
//! Undoes hard wraps (only in files that are hard-wrapped, detected from the
//! distribution of line lengths), re-joins paragraphs broken by a page break,
//! resolves end-of-line hyphens with corpus evidence, and attaches indented
//! continuation lines to the bullet above them.

use crate::clean::corpus::Corpus;
use crate::clean::normalise::Line;
use crate::record::{Action, Log, Stage};
use crate::text;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A paragraph candidate with its provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Unit {
    /// First and last raw line numbers (1-based) the unit was built from.
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) indent: usize,
    pub(crate) bullet: bool,
    pub(crate) text: String,
    /// Continuation lines of a bullet, kept as separate lines (e.g. "authors" / "journal").
    pub(crate) extra: Vec<String>,
    /// The raw line number (1-based) of each `extra` line, in the same order.
    pub(crate) extra_lines: Vec<usize>,
    /// The unit is preceded by a blank line (or starts the file).
    pub(crate) gap_before: bool,
    /// A table or infobox row (tab-separated cells).
    pub(crate) cells: bool,
    /// The cells of a one-line table row (see `normalise::Line::row`); empty
    /// otherwise. Trust it only while [`Unit::table_row`] says it still matches `text`.
    pub(crate) row: Vec<String>,
    /// Where each raw line starts in `text`: (byte offset, line number), ascending.
    pub(crate) line_starts: Vec<(usize, usize)>,
    /// A line of a code block (`classify::code`): rendered verbatim, never repaired.
    pub(crate) code: bool,
    /// Raw line numbers inside `first..=last` that belong to other units: the page
    /// number and running header between the halves of a paragraph that a page
    /// break cut ([`join_page_breaks`]). Empty for nearly every unit.
    pub(crate) stepped_over: Vec<usize>,
    /// A printed page's number or running header ([`join_page_breaks`]): one that
    /// stood between the halves of a paragraph a page break cut, or a page number
    /// printed on one line with its running header ("202      Journal of …").
    pub(crate) printed_furniture: bool,
}

impl Unit {
    /// The raw line that the byte at `offset` of `text` came from.
    pub(crate) fn line_at(&self, offset: usize) -> usize {
        self.line_starts
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .map_or(self.first, |(_, no)| *no)
    }

    /// The cells of this unit as a table row: `Some` when it is one raw line that
    /// split into cells and its text is still exactly those cells (no later stage
    /// trimmed or joined it).
    pub(crate) fn table_row(&self) -> Option<&[String]> {
        if self.row.is_empty() || self.first != self.last || !self.extra.is_empty() {
            return None;
        }
        (crate::clean::normalise::row_text(&self.row) == self.text).then_some(self.row.as_slice())
    }

    /// Remove `n` bytes from the start of the text, keeping line offsets right.
    pub(crate) fn drop_prefix(&mut self, n: usize, rest: String) {
        self.text = rest;
        for (o, _) in &mut self.line_starts {
            *o = o.saturating_sub(n);
        }
    }
}

/// The wrap width of a hard-wrapped file, or `None` when lines are paragraphs: the
/// 90th percentile of the lengths of the lines followed by another line of their
/// block (blocks of three lines or more), 30 to 140 characters, when six of those
/// lines in ten are at least three quarters of it; or five in ten when four in ten
/// are that long, stop mid-sentence, and go on in a lower-case line that is as long
/// or ends the sentence (a paragraph's next line or its last). The second test (set
/// on the cleaning harness: L3S-GN1 +0.0004 F1, one wrapped press release 0.43 →
/// 0.86, no other set or page moved; five and five in ten cost an L3S-GN1 title)
/// reflows a short PDF extract whose title, authors and headings are many. A
/// glossary's term under a definition, or a byline under a headline, is short and
/// ends no sentence: not a wrap. Third, when four lines in ten are that long, eight
/// or more of them ([`WRAP_CUTS`]) stop mid-sentence that way and they are six in
/// ten of the long lines: a PDF extract with no blank line between its paragraphs,
/// whose journal line, title, authors, affiliations, numbered headings and table
/// rows are half its lines (a new user's review lost 22 of its 42 lines, its
/// wrapped lines judged one by one as menu items). No public page or medical page
/// changes: their wrapped pages pass the first two tests.
pub(crate) fn wrap_width(lines: &[Line]) -> Option<usize> {
    let len = |l: &Line| l.text.chars().count() + l.indent;
    let mut lens: Vec<usize> = block_pairs(lines).map(|(a, _)| len(a)).collect();
    if lens.len() < 6 {
        return None;
    }
    lens.sort_unstable();
    let p90 = lens[(lens.len() * 9 / 10).min(lens.len() - 1)];
    if !(30..=140).contains(&p90) {
        return None;
    }
    let near = |n: usize| n * 4 >= p90 * 3;
    let near_count = lens.iter().filter(|&&n| near(n)).count();
    // Lines near the width that stop mid-sentence before a lower-case line that is
    // near the width too or ends the sentence (a program's "SELECT" over "avg(n)"
    // is short).
    let cut = block_pairs(lines)
        .filter(|(a, b)| {
            near(len(a))
                && !text::ends_sentence(&a.text)
                && !b.bullet
                && text::starts_lowercase(&b.text)
                && (near(len(b)) || text::ends_sentence(&b.text))
        })
        .count();
    (near_count * 10 >= lens.len() * 6
        || (near_count * 10 >= lens.len() * 5 && cut * 10 >= lens.len() * 4)
        || (cut >= WRAP_CUTS && cut * 10 >= near_count * 6 && near_count * 10 >= lens.len() * 4))
        .then_some(p90)
}

/// Lines cut mid-sentence before a lower-case line that make a file hard-wrapped
/// however many of its lines are short ([`wrap_width`]'s third test): a web page's
/// lines are paragraphs, which end their sentences.
const WRAP_CUTS: usize = 8;

/// Per line, the wrap width of its block when the file as a whole is not wrapped
/// but the block is: three lines or more, none a bullet or a table row, all but
/// the last within a quarter of the longest (50 to 140 characters), and half the
/// breaks or more mid-sentence before a lower-case line (a transcript pasted into
/// a blog post). Measured on the cleaning harness: CleanEval +0.0004 and L3S-GN1
/// +0.0001 (one page each, a briefing's transcript and a wrapped press release),
/// no page worse, the other sets and the medical pages unchanged.
fn local_widths(lines: &[Line]) -> Vec<Option<usize>> {
    let mut out = vec![None; lines.len()];
    let len = |l: &Line| l.text.chars().count() + l.indent;
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len() && !lines[end].is_blank() {
            end += 1;
        }
        let block = &lines[start..end];
        if block.len() >= 3
            && block
                .iter()
                .all(|l| !l.bullet && !l.cells && l.row.is_empty())
        {
            let max = block.iter().map(len).max().unwrap_or(0);
            let body = &block[..block.len() - 1];
            let near = body.iter().all(|l| len(l) * 4 >= max * 3);
            let cut = block
                .windows(2)
                .filter(|w| !text::ends_sentence(&w[0].text) && text::starts_lowercase(&w[1].text))
                .count();
            if (50..=140).contains(&max) && near && cut * 2 >= block.len() - 1 {
                for o in &mut out[start..end] {
                    *o = Some(max);
                }
            }
        }
        start = end + 1;
    }
    out
}

/// Each line and the next line of its block, in blocks of three lines or more (the
/// lines [`wrap_width`] measures).
fn block_pairs(lines: &[Line]) -> impl Iterator<Item = (&Line, &Line)> {
    lines
        .split(Line::is_blank)
        .filter(|b| b.len() >= 3)
        .flat_map(|b| b.windows(2).map(|w| (&w[0], &w[1])))
}

/// A raw line that may be a heading, so a wrapped paragraph must not swallow it:
/// capitalised, no sentence end, at most 10 words. Stricter than classify's
/// `heading_shaped_with` (1–14 words, 110 characters, a question allowed), because
/// here a false yes splits a hard-wrapped paragraph apart at a short line, while
/// classify decides on whole units with their neighbours.
fn line_may_be_heading(s: &str) -> bool {
    text::starts_uppercase_or_digit(s) && !text::ends_sentence(s) && text::at_most_words(s, 10)
}

/// Build units from normalised lines.
/// Build units from normalised lines. `resolve_hyphens`: decide line-end
/// hyphens from the corpus and the word list (else they are always kept).
pub(crate) fn reflow(
    lines: &[Line],
    corpus: &Corpus,
    resolve_hyphens: bool,
    log: &mut Log,
) -> Vec<Unit> {
    let width = wrap_width(lines);
    let local = if width.is_none() {
        local_widths(lines)
    } else {
        Vec::new()
    };
    let mut units: Vec<Unit> = Vec::new();
    let mut cur: Option<(Unit, usize)> = None; // unit, number of raw lines joined
    let mut gap = true;
    // A printed line that a reference marker split ([`Marker::Inline`]: its rest
    // is joined whatever its length, and the whole printed line is the line the
    // next one wraps from) or ended ([`Marker::Last`]: the next line wraps from the
    // sentence's line).
    let mut printed: Option<Printed> = None;
    // Bare number lines met so far that were not made citations.
    let mut bare_seen: HashSet<String> = HashSet::new();
    let mut cited: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(before) = i.checked_sub(1).map(|j| &lines[j])
            && (1..=3).contains(&before.text.len())
            && before.text.bytes().all(|b| b.is_ascii_digit())
            && cited != Some(i - 1)
        {
            bare_seen.insert(before.text.clone());
        }
        let carried = printed.take();
        if line.is_blank() {
            finish(&mut cur, &mut units, log);
            gap = true;
            continue;
        }
        let next_blank = lines.get(i + 1).is_none_or(Line::is_blank);
        if let Some((unit, n)) = cur.as_mut() {
            let whole = match carried {
                Some(Printed::Rest(before)) => {
                    join_into(unit, line, corpus, resolve_hyphens, log);
                    *n += 1;
                    printed = Some(Printed::Whole(visual_line(&before, line)));
                    continue;
                }
                Some(Printed::Whole(whole)) => Some(whole),
                None => None,
            };
            let prev = whole.as_ref().unwrap_or(&lines[i - 1]);
            if let Some(w) = width
                && let Some(marker) = reference_marker(lines, i, w, &bare_seen)
                && !text::at_most_words(&unit.text, 3)
            {
                let citation = Line {
                    text: format!("[{}]", line.text),
                    ..line.clone()
                };
                log.edit(
                    line.no,
                    Stage::Reflow,
                    Action::Changed,
                    line.text.clone(),
                    citation.text.clone(),
                    "a reference number on a line of its own after a sentence (a superscript in print) kept after the sentence, as a citation",
                );
                join_into(unit, &citation, corpus, resolve_hyphens, log);
                *n += 1;
                cited = Some(i);
                printed = Some(match marker {
                    Marker::Inline => Printed::Rest(visual_line(prev, line)),
                    // The marker ended its printed line: the next line wraps from
                    // the sentence's line (a heading after it stays apart).
                    Marker::Last => Printed::Whole(prev.clone()),
                });
                continue;
            }
            if continues_bullet(unit, prev, line, width) {
                if width.is_some() {
                    join_into(unit, line, corpus, resolve_hyphens, log);
                    *n += 1;
                } else {
                    unit.extra.push(line.text.clone());
                    unit.extra_lines.push(line.no);
                    unit.last = line.no;
                }
                continue;
            }
            let width = width.or_else(|| local.get(i).copied().flatten());
            if (width.is_some_and(|w| wraps_into(prev, line, next_blank, w, unit.bullet, *n == 1)))
                || (unit.extra.is_empty() && continues_after_ampersand(prev, line))
            {
                join_into(unit, line, corpus, resolve_hyphens, log);
                *n += 1;
                continue;
            }
        }
        finish(&mut cur, &mut units, log);
        cur = Some((
            Unit {
                first: line.no,
                last: line.no,
                indent: line.indent,
                bullet: line.bullet,
                text: line.text.clone(),
                extra: Vec::new(),
                extra_lines: Vec::new(),
                gap_before: gap,
                cells: line.cells,
                row: line.row.clone(),
                line_starts: vec![(0, line.no)],
                code: false,
                stepped_over: Vec::new(),
                printed_furniture: false,
            },
            1,
        ));
        gap = false;
    }
    finish(&mut cur, &mut units, log);
    join_page_breaks(units, width.is_some(), log)
}

/// The least length of a line that [`join_wrapped_pairs`] takes for a wrapped one:
/// the shortest wrap width [`local_widths`] accepts.
const WRAPPED_LINE_CHARS: usize = 50;

/// On a page in another language, a line broken mid-sentence ("… en niños y") before a
/// line of its block that starts lower case and ends the sentence ("adolescentes.
/// Suele … del hombro.") is one wrapped sentence, however few lines the block has:
/// the two units are joined, and the join is logged. The first line is long (a
/// menu's lower-case labels are not) and ends on a letter, a digit or a comma (not a
/// brace of code); the second ends with a full stop (not a list item's ";", not a
/// byline); neither is a line that [`Corpus::pages_with_line`] finds on
/// `repeat_min_pages` pages or more (a footer, dropped as the site's). English pages
/// are left to [`wrap_width`]: a two-line rule there moved pages both ways on the
/// public sets (a promo joined into a paragraph on Readability's mozilla-1, an
/// L3S-GN1 title lost), and English stop words already tell a short paragraph line
/// from a menu item. Elsewhere that evidence is missing, and each half of a two-line
/// paragraph was dropped as a menu item.
pub(crate) fn join_wrapped_pairs(
    units: &mut Vec<Unit>,
    corpus: &Corpus,
    repeat_min_pages: usize,
    log: &mut Log,
) {
    let plain =
        |u: &Unit| !u.bullet && !u.cells && u.row.is_empty() && !u.code && u.extra.is_empty();
    let site_line = |u: &Unit| {
        corpus.pages >= 2
            && u.first == u.last
            && corpus.pages_with_line(&u.text) >= repeat_min_pages.max(2)
    };
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for u in units.drain(..) {
        if let Some(prev) = out.last_mut()
            && !u.gap_before
            && plain(prev)
            && plain(&u)
            && u.first == prev.last + 1
            && prev.text.chars().count() >= WRAPPED_LINE_CHARS
            && stops_mid_sentence(prev, false)
            && text::starts_lowercase(&u.text)
            && text::ends_full_stop(&u.text)
            && !site_line(prev)
            && !site_line(&u)
        {
            let reason = format!(
                "a line broken mid-sentence (line {}, no end punctuation) joined to the next (line {}, lower case, ends the sentence) on a page in another language",
                prev.last, u.first
            );
            append_unit(prev, &u, reason, log);
            continue;
        }
        out.push(u);
    }
    *units = out;
}

fn finish(cur: &mut Option<(Unit, usize)>, units: &mut Vec<Unit>, log: &mut Log) {
    if let Some((u, n)) = cur.take() {
        if n > 1 {
            log.edit(
                u.first,
                Stage::Reflow,
                Action::Joined,
                "",
                "",
                format!(
                    "{n} hard-wrapped lines ({}-{}) joined into one paragraph",
                    u.first, u.last
                ),
            );
        }
        units.push(u);
    }
}

/// A line that holds only the reference numbers of a citation ("1", "1-4", "5-9",
/// "2,3"): a superscript that PDF text extraction put on a line of its own, after
/// the sentence that cites it ("…involve almost any bone." / "1" / "These" /
/// "tumors vary in presentation…" was "…any bone.¹ These" on one printed line).
/// "1,250" is a number with a thousands separator, not references 1 and 250.
fn is_reference_marker(s: &str) -> bool {
    static MARKER: LazyLock<Regex> =
        LazyLock::new(|| crate::text::builtin_regex(r"^[0-9]{1,3}(?:\s?[-–,]\s?[0-9]{1,3}){0,4}$"));
    static THOUSANDS: LazyLock<Regex> =
        LazyLock::new(|| crate::text::builtin_regex(r"^[0-9]{1,3}(?:,[0-9]{3})+$"));
    MARKER.is_match(s) && !THOUSANDS.is_match(s)
}

/// How a reference marker ([`reference_marker`]) sits in its printed line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// Inside the printed line: the next raw line is the rest of it.
    Inline,
    /// At the end of its printed line (a range or list of references, which no
    /// page number is).
    Last,
}

/// The reflow loop's memory of a printed line that a marker split.
enum Printed {
    /// The marker was joined; the next raw line is the rest of the printed line
    /// that starts with this one (the sentence's line and the marker).
    Rest(Line),
    /// The whole printed line (rest included, or the sentence's line when the
    /// marker ended it): the next raw line wraps from it.
    Whole(Line),
}

/// In a file hard-wrapped at `width`, `lines[i]` is a reference marker
/// ([`is_reference_marker`]) after a line that ends a sentence, at the same
/// indent, neither a bullet nor a table row, and there is evidence that it is a
/// superscript, not a step's, a section's, a table's or a page's number:
/// - [`Marker::Inline`]: the next line, the rest of the printed line, would fit
///   with the sentence's line and the marker on one line (within a fifth over the
///   width, as PDF fonts are proportional), and the line after it goes on in lower
///   case ("…any bone." / "1" / "These" / "tumors vary…");
/// - [`Marker::Last`]: a range or list ("1-4", "2,3"; never a page number), each
///   range going up, that ends a printed line of four fifths of the width or more
///   with the sentence's line, and is not over another number line (a table's
///   column: "18-30" / "31-50").
///
/// A single number n is no marker when a bare line n − 1 came before and was none:
/// the steps of a numbered list ("help." / "2" / "Give oxygen…"). `bare_seen`:
/// the earlier bare number lines that were not made markers. A single number
/// without the evidence is left to the page-number rules ("…in a minority of
/// patients." / "118" / "Annals of Bone Research" / "Denosumab is given…" is a
/// page break; "…as described previously." / "2" / "Methods" a section's number).
fn reference_marker(
    lines: &[Line],
    i: usize,
    width: usize,
    bare_seen: &HashSet<String>,
) -> Option<Marker> {
    let line = &lines[i];
    let prev = lines.get(i.checked_sub(1)?)?;
    let plain = |l: &Line| !l.bullet && !l.cells && l.row.is_empty() && l.indent == line.indent;
    if !is_reference_marker(&line.text)
        || !plain(line)
        || !plain(prev)
        || !text::ends_full_stop(&prev.text)
    {
        return None;
    }
    let single = line.text.bytes().all(|b| b.is_ascii_digit());
    if single
        && let Ok(n) = line.text.parse::<u32>()
        && n >= 2
        && bare_seen.contains(&(n - 1).to_string())
    {
        return None;
    }
    let len = |l: &Line| l.text.chars().count();
    let inline = lines.get(i + 1).is_some_and(|rest| {
        !rest.is_blank()
            && plain(rest)
            && (len(prev) + 1 + len(line) + 1 + len(rest) + line.indent) * 10 <= width * 12
            && lines
                .get(i + 2)
                .is_some_and(|after| plain(after) && text::starts_lowercase(&after.text))
    });
    let ranges_go_up = line.text.split(',').all(|part| {
        let mut ends = part.split(['-', '–']).map(|x| x.trim().parse::<u32>());
        match (ends.next(), ends.next()) {
            (Some(Ok(a)), Some(Ok(b))) => a < b,
            (Some(Ok(_)), None) => true,
            _ => false,
        }
    });
    let last = !single
        && ranges_go_up
        && (len(prev) + 1 + len(line) + line.indent) * 10 >= width * 8
        && !lines
            .get(i + 1)
            .is_some_and(|next| is_reference_marker(&next.text));
    if inline {
        Some(Marker::Inline)
    } else if last {
        Some(Marker::Last)
    } else {
        None
    }
}

/// A line that is only a number of one to four digits: a page number, or a
/// marker ([`reference_marker`]), or the last word of a wrapped sentence ("…a
/// platelet count below" / "100").
fn is_page_number(s: &str) -> bool {
    (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A number ([`is_page_number`]), or a range or list of numbers
/// ([`is_reference_marker`]), on a line of its own that did not wrap from `prev`.
/// A wrapped sentence's last word may be a number alone on the last line of its
/// paragraph ("…a platelet count of" / "100" / blank); with more text under it,
/// the words after it would have been printed on its line, so it stands apart (a
/// page number, a step's or a section's number), and so it does when `prev` ends a
/// sentence, would have held it with a fifth of the width to spare (as in
/// [`next_word_fits`]), or is a fifth wider than the wrap width: no line of the
/// wrapped text but a running header across the page ("Journal of the American
/// Academy of Orthopaedic Surgeons" / "292").
fn page_number_apart(prev: &Line, line: &Line, next_blank: bool, width: usize) -> bool {
    let prev_len = prev.text.chars().count() + prev.indent;
    (is_page_number(&line.text) || is_reference_marker(&line.text))
        && (!next_blank
            || text::ends_sentence(&prev.text)
            || (prev_len + 1 + line.text.len()) * 10 < width * 8
            || prev_len * 10 > width * 12)
}

/// `a` and `b` as one printed line: `a`'s indent and line number, the texts joined
/// by a space.
fn visual_line(a: &Line, b: &Line) -> Line {
    Line {
        text: format!("{} {}", a.text, b.text),
        ..a.clone()
    }
}

/// An indented non-bullet line under a bullet continues that bullet.
fn continues_bullet(unit: &Unit, prev: &Line, line: &Line, width: Option<usize>) -> bool {
    // A table row (tab cells or a Markdown pipe row) is never a bullet's continuation.
    if !unit.bullet || line.bullet || line.cells || !line.row.is_empty() {
        return false;
    }
    if line.indent > unit.indent {
        return true;
    }
    // A wrapped bullet whose continuation is not indented.
    width.is_some_and(|w| prev.text.chars().count() + prev.indent >= w * 6 / 10)
        && line.indent >= unit.indent
        && !line_may_be_heading(&line.text)
}

/// A line that starts a new item whatever came before: "[3] Author…", "12. Author…",
/// "1.2 Recommendation…", a copyright line, or a "Label: value" field such as
/// "Keywords: …" or "Methods: …".
pub(crate) fn starts_item(s: &str) -> bool {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        crate::text::builtin_regex(
            r"^(\[\d{1,3}\]\s|\d{1,3}[.)]\s|\d{1,3}(\.\d{1,3})+\.?\s+[A-Z]|[A-Z][A-Za-z]+(?: [a-z]+){0,2}:\s|©|\(c\)\s|Copyright\b)",
        )
    });
    ITEM.is_match(s)
}

/// In a hard-wrapped file, does `line` continue the paragraph that `prev` wrapped?
/// `first`: `prev` is the first line of its paragraph.
fn wraps_into(
    prev: &Line,
    line: &Line,
    next_blank: bool,
    width: usize,
    in_bullet: bool,
    first: bool,
) -> bool {
    if line.bullet
        || line.cells
        || prev.cells
        || !line.row.is_empty()
        || !prev.row.is_empty()
        || line.indent != prev.indent && !in_bullet
        || starts_item(&line.text)
        || page_number_apart(prev, line, next_blank, width)
    {
        return false;
    }
    // "long-" at the end of a line always continues on the next: the word is cut.
    if prev.text.ends_with('-')
        && prev
            .text
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphabetic)
        && text::starts_lowercase(&line.text)
    {
        return true;
    }
    if (prev.text.chars().count() + prev.indent) * 10 < width * 6 {
        return false; // a short line ends its paragraph
    }
    // A heading is a paragraph's first line, and never ends on "of" or "in".
    if first
        && line_may_be_heading(&prev.text)
        && !prev.text.ends_with('-')
        && text::words(&prev.text)
            .last()
            .is_some_and(|w| !text::is_stop_word(w))
        && text::starts_uppercase_or_digit(&line.text)
        && next_word_fits(prev, line, width)
    {
        return false; // a heading over the paragraph it heads
    }
    if text::ends_sentence(&prev.text) && line_may_be_heading(&line.text) && next_blank {
        return false; // a heading glued under the last line of a paragraph
    }
    // One capitalised word with no sentence end, and more text under it, is a
    // section's name ("Abstract" under a PDF's affiliations): a wrap leaves a word
    // alone on a line only at its paragraph's end, or after a line that stops on a
    // comma or a word such as "and" ("Example City," over "USA"). Readability +0.0003 (a page of
    // <br> lines, +0.028), L3S-GN1 +0.00001, no page worse.
    if !next_blank
        && !prev.text.ends_with([',', '&'])
        && text::words(&prev.text)
            .last()
            .is_some_and(|w| !text::is_stop_word(w))
        && text::at_most_words(&line.text, 1)
        && text::starts_uppercase_or_digit(&line.text)
        && !text::ends_sentence(&line.text)
        && !line.text.ends_with([',', ';', ':'])
    {
        return false;
    }
    true
}

/// The first word of `line` would have fitted on `prev` with a tenth of the wrap
/// width to spare: a hard wrap breaks a line only where the next word does not
/// fit, so `prev` ended on purpose ("Important things to know about Ifosfamide"
/// over "Your doctor has prescribed…" in a leaflet wrapped at 60 characters; a
/// journal's name over an article's title, the title over its authors). The spare
/// tenth allows for PDF text, whose proportional fonts make lines of one paragraph
/// differ in characters; a line dense with acronyms may still fall short, so
/// `wraps_into` asks this only of a paragraph's first, heading-shaped line that
/// does not end in a hyphen. Measured on the cleaning harness: L3S-GN1 +0.0001, the
/// other sets unchanged; medical headings 28 → 29 of 29. A fifth to spare (before
/// session 32) glued a PDF extract's title between its journal line and its
/// authors; a tenth changes no public page. With nothing to spare, L3S-GN1 gained a
/// title, but a government page's headline joined its "On This Page" label no more
/// and lost the title to a contents entry (tests/regressions/joined_banner_title.txt).
fn next_word_fits(prev: &Line, line: &Line, width: usize) -> bool {
    let next_word = line.text.split(' ').next().map_or(0, |w| w.chars().count());
    (prev.text.chars().count() + prev.indent + 1 + next_word) * 10 < width * 9
}

/// A line that starts with "& " continues the line above it when that one has no
/// sentence end, wrapped or not (neither being a bullet's or a table row's line): no heading, sentence or menu item starts with an
/// ampersand ("Ewing Sarcoma Diagnosis, Treatment" / "& Your Role as a Parent",
/// "Subscriber Agreement" / "& Terms of Use"; every such line of the public gold
/// pages in ../shared/bench/cleaning continues the line above).
fn continues_after_ampersand(prev: &Line, line: &Line) -> bool {
    !line.bullet
        && line.text.starts_with("& ")
        && !text::ends_sentence(&prev.text)
        // A table row keeps its cells: a row is never joined, nor joined to.
        && !line.cells
        && !prev.cells
        && line.row.is_empty()
        && prev.row.is_empty()
}

/// Append `line` to `unit`, resolving an end-of-line hyphen.
fn join_into(unit: &mut Unit, line: &Line, corpus: &Corpus, resolve: bool, log: &mut Log) {
    unit.last = line.no;
    let next = &line.text;
    if let Some(stem) = unit.text.strip_suffix('-')
        && stem.chars().last().is_some_and(char::is_alphabetic)
        && text::starts_lowercase(next)
    {
        let left: String = stem
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let right: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        let hyphenated = format!("{left}-{right}");
        let closed = format!("{left}{right}");
        let (keep_hyphen, why) = if !resolve {
            (
                true,
                "hyphen kept (`hyphens = false` in [preprocessor.seeds.repair])".to_string(),
            )
        } else if corpus.count(&hyphenated) > 0 {
            (
                true,
                format!("\"{hyphenated}\" is used elsewhere in the corpus"),
            )
        } else if corpus.count(&closed) > 0 {
            (
                false,
                format!("\"{closed}\" is used elsewhere in the corpus"),
            )
        } else if crate::text::lexicon::is_english(&closed) {
            (false, format!("\"{closed}\" is an English word"))
        } else {
            log.warn(
                line.no - 1,
                format!(
                    "line-end hyphen in \"{left}-/{right}\": neither form found elsewhere; kept the hyphen"
                ),
            );
            (
                true,
                "neither form found elsewhere; hyphen kept".to_string(),
            )
        };
        let joined = if keep_hyphen {
            hyphenated
        } else {
            closed.clone()
        };
        log.edit(
            line.no - 1,
            Stage::Reflow,
            Action::Joined,
            format!("{left}-/{right}"),
            joined,
            format!("line-end hyphen resolved: {why}"),
        );
        if !keep_hyphen {
            unit.text.pop();
        }
        unit.line_starts.push((unit.text.len(), line.no));
        unit.text.push_str(next);
    } else {
        unit.text.push(' ');
        unit.line_starts.push((unit.text.len(), line.no));
        unit.text.push_str(next);
    }
}

/// What a site prints under a headline, starting lower-case: its address
/// ("www.example.cn 2007-11-24", "toronto.example.ca"), a byline ("by Simon Martin"),
/// an update stamp ("last updated: January 13"). Not the rest of a sentence cut by
/// a page break, when the line before is as short as a headline.
static STAMP_AFTER_HEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    text::builtin_regex(
        r"^(?:(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\s|$)|by\s+\p{Lu}|(?:last\s+)?updated\b)",
    )
});

/// The most words of a line that may be a headline: a lower-case line after it may
/// be a stamp ([`STAMP_AFTER_HEADLINE`]), and a quotation that ends it may end it.
const HEADLINE_WORDS: usize = 18;

/// The unit stops mid-sentence: its last character is a letter, a digit or a comma
/// (not a full stop, a colon, or a brace of code). Closing quotes after it are looked
/// past in `printed` text (a hard-wrapped file) or in a unit longer than a headline
/// ([`HEADLINE_WORDS`]): "…a map containing a string-valued 'ETag'" goes on, but on a
/// web page "3 Responses to “Bridge vote”" may head what follows; "…he said 'no.'"
/// ends.
fn stops_mid_sentence(u: &Unit, printed: bool) -> bool {
    let bare = u.text.trim_end_matches(['\'', '"', '’', '”']);
    if bare.len() < u.text.len() && !printed && text::at_most_words(&u.text, HEADLINE_WORDS) {
        return false;
    }
    bare.chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// `u` appended to `prev` after a space, with its raw lines' offsets; the join is
/// logged at `u`'s first line with the text around the break and `reason`.
fn append_unit(prev: &mut Unit, u: &Unit, reason: String, log: &mut Log) {
    log.edit(
        u.first,
        Stage::Reflow,
        Action::Joined,
        format!("…{} / {}…", tail(&prev.text, 30), head(&u.text, 30)),
        "",
        reason,
    );
    prev.text.push(' ');
    let shift = prev.text.len();
    prev.line_starts
        .extend(u.line_starts.iter().map(|(o, no)| (o + shift, *no)));
    prev.text.push_str(&u.text);
    prev.last = u.last;
    prev.stepped_over.extend(&u.stepped_over);
}

/// A printed page's number on a line of its own: "12", "Page 3", "Page 3 of 12",
/// "3 / 12". The page's number is group 1 or group 2.
pub(crate) static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    text::builtin_regex(r"(?i)^(?:page\s+(\d+)(?:\s+(?:of|/)\s+\d+)?|(\d{1,4})|(\d+)\s*/\s*\d+)$")
});

/// [`PAGE_NUMBER`], or an RFC's footer, the author's name before the bracketed page
/// number ("de Jong                    [Page 4]", RFC 7322's page format); only
/// between the halves of a printed paragraph ([`join_page_breaks`]): on a web page
/// "See the dosing table [page 4]" is text.
static PRINTED_PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| text::builtin_regex(r"(?i)^[^\[\]]{0,60}\[page\s+(\d+)\]$"));

/// A printed page's line that holds its number with its running header ("202
/// Journal of Skeletal Oncology 2022; 14(3)", or the header first): the number (one
/// to four digits) and the header ([`RUNNING_LINE_WORDS`] words at most, no sentence
/// end). [`page_furniture`] takes it for one only when the same header is printed so
/// twice or more on the page.
fn numbered_header(u: &Unit) -> Option<(u32, &str)> {
    if u.first != u.last || u.bullet || !u.extra.is_empty() {
        return None;
    }
    let t = u.text.as_str();
    let bare = |c: &str| (1..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit());
    let header = |c: &str| {
        c.chars().any(char::is_alphabetic)
            && text::at_most_words(c, RUNNING_LINE_WORDS)
            && !text::ends_sentence(c)
    };
    let (number, rest) = match (t.split_once(' '), t.rsplit_once(' ')) {
        (Some((n, rest)), _) if bare(n) && header(rest) => (n, rest),
        (_, Some((rest, n))) if bare(n) && header(rest) => (n, rest),
        _ => return None,
    };
    Some((number.parse().ok()?, rest))
}

/// The page's number of a page-number line ([`PAGE_NUMBER`], [`PRINTED_PAGE_NUMBER`]).
fn page_number(t: &str) -> Option<u32> {
    let c = PAGE_NUMBER
        .captures(t)
        .or_else(|| PRINTED_PAGE_NUMBER.captures(t))?;
    c.iter()
        .skip(1)
        .flatten()
        .next()
        .and_then(|m| m.as_str().parse().ok())
}

/// The most words of a line taken for a running header or footer ([`page_furniture`]):
/// a journal's, book's or author's name, not a sentence.
const RUNNING_LINE_WORDS: usize = 12;

/// What a unit is at a printed page's break ([`page_furniture`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// Text, or a line that is not furniture.
    None,
    /// A page number one of a sequence: the page before's or the page after's number
    /// also stands alone on the page.
    Number,
    /// A running header or footer: a short line without a sentence end
    /// ([`RUNNING_LINE_WORDS`] words at most) that stands alone twice or more on the
    /// page verbatim ("Journal of Bone Oncology 2023; 12: 45–67"), or right above or
    /// under a page number ("Smith et al.", a left page's header).
    Running,
}

/// What each unit is at a printed page's break, indexed like `units`.
fn page_furniture(units: &[Unit]) -> Vec<Furniture> {
    let alone = |u: &Unit| u.first == u.last && !u.bullet && u.extra.is_empty() && !u.cells;
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut numbers: HashSet<u32> = HashSet::new();
    // Headers printed with a page number, and how often.
    let mut headers: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, h) in units.iter().filter_map(numbered_header) {
        *headers.entry(h).or_default() += 1;
    }
    // A unit's page number: on a line of its own, or with a running header the page
    // prints so twice or more.
    let number_of = |u: &Unit| {
        if alone(u)
            && let Some(n) = page_number(&u.text)
        {
            return Some(n);
        }
        numbered_header(u)
            .filter(|(_, h)| headers.get(h).is_some_and(|&k| k >= 2))
            .map(|(n, _)| n)
    };
    for u in units.iter().filter(|u| alone(u)) {
        *seen.entry(u.text.as_str()).or_default() += 1;
    }
    numbers.extend(units.iter().filter_map(number_of));
    let numbered: Vec<bool> = units
        .iter()
        .map(|u| {
            number_of(u).is_some_and(|n| {
                numbers.contains(&(n + 1)) || n.checked_sub(1).is_some_and(|p| numbers.contains(&p))
            })
        })
        .collect();
    // "Smith et al." ends on an abbreviation's full stop, not a sentence's.
    let short = |u: &Unit| {
        alone(u)
            && text::at_most_words(&u.text, RUNNING_LINE_WORDS)
            && (!text::ends_sentence(&u.text) || u.text.ends_with("et al."))
    };
    (0..units.len())
        .map(|i| {
            let u = &units[i];
            let beside_number = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter(|&j| j < units.len() && numbered[j])
                .any(|j| units[j].last + 1 == u.first || u.last + 1 == units[j].first);
            if numbered[i] {
                Furniture::Number
            } else if short(u)
                && (seen.get(u.text.as_str()).is_some_and(|&n| n >= 2) || beside_number)
            {
                Furniture::Running
            } else {
                Furniture::None
            }
        })
        .collect()
}

/// The most units of page furniture ([`page_furniture`]) between the halves of a
/// paragraph that [`join_page_breaks`] re-joins: a page number, a running footer
/// and the next page's running header.
const FURNITURE_BETWEEN: usize = 3;

/// Re-join a paragraph that a page break cut mid-sentence: the unit after the
/// break starts in lower case, after a blank line, and the paragraph before it
/// stops mid-sentence.
///
/// In a hard-wrapped file (`printed`: a PDF's text) a printed page's break may
/// stand between the halves: one page number of a sequence and up to two running
/// headers or footers ([`page_furniture`], [`FURNITURE_BETWEEN`] units at most).
/// The halves are re-joined across them, and they are moved before the re-joined
/// paragraph, marked [`Unit::printed_furniture`] for classification to remove. Page
/// furniture is never a half: a running header is not glued to the next page's
/// text. A lone number is not enough (a figure's axis, "0" / "12" / "24", sits
/// inside paragraphs too). (On web pages, lines repeated between a comment's first
/// line and the next, "Reply", "Permalink", are no page break: across such lines,
/// 414 joins on the public pages, nearly all of two comments, moved Dragnet and
/// CleanEval F1 both ways.)
fn join_page_breaks(mut units: Vec<Unit>, printed: bool, log: &mut Log) -> Vec<Unit> {
    let furniture = if printed {
        page_furniture(&units)
    } else {
        vec![Furniture::None; units.len()]
    };
    // A page number printed with its running header is furniture wherever it is
    // (it reads as a table row or a heading otherwise).
    for (u, kind) in units.iter_mut().zip(&furniture) {
        if *kind == Furniture::Number && page_number(&u.text).is_none() {
            u.printed_furniture = true;
        }
    }
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    // What each unit of `out` is at a page break.
    let mut out_furniture: Vec<Furniture> = Vec::with_capacity(units.len());
    for (u, kind) in units.into_iter().zip(furniture) {
        let between = out_furniture
            .iter()
            .rev()
            .take_while(|f| **f != Furniture::None)
            .count();
        let tail = &out_furniture[out_furniture.len() - between..];
        let page_break = between > 0
            && between <= FURNITURE_BETWEEN
            && tail.iter().filter(|f| **f == Furniture::Number).count() == 1;
        let half = out.len().checked_sub(between + 1);
        if kind == Furniture::None
            && (if between == 0 {
                u.gap_before
            } else {
                page_break
            })
            && let Some(at) = half
            && can_rejoin(&out[at], &u, printed)
        {
            if between == 0 {
                let prev = &mut out[at];
                let reason = format!(
                    "paragraph broken mid-sentence (line {} has no end punctuation, line {} starts lower-case) re-joined",
                    prev.last, u.first
                );
                append_unit(prev, &u, reason, log);
                continue;
            }
            // The furniture goes before the paragraph, so that the paragraph is
            // last again: a next page's break is re-joined the same way.
            let mut furniture: Vec<Unit> = out.drain(at + 1..).collect();
            out_furniture.truncate(at + 1);
            let Some(mut prev) = out.pop() else {
                continue;
            };
            out_furniture.pop();
            let reason = format!(
                "paragraph broken mid-sentence by a page break (line {} has no end punctuation, line {} starts lower-case) re-joined; the page number and running header between them (lines {}) go",
                prev.last,
                u.first,
                furniture
                    .iter()
                    .map(|f| f.first.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for f in &mut furniture {
                prev.stepped_over.extend(f.first..=f.last);
                f.printed_furniture = true;
            }
            append_unit(&mut prev, &u, reason, log);
            for f in furniture {
                out.push(f);
                out_furniture.push(Furniture::None);
            }
            out.push(prev);
            out_furniture.push(Furniture::None);
            continue;
        }
        out.push(u);
        out_furniture.push(kind);
    }
    out
}

/// `prev` stops mid-sentence and `u`, which starts in lower case, can go on from it:
/// neither is a bullet, `prev` is more than a short label and has no continuation
/// lines, and `u` is not a stamp under a headline ([`STAMP_AFTER_HEADLINE`]).
fn can_rejoin(prev: &Unit, u: &Unit, printed: bool) -> bool {
    let stamp =
        text::at_most_words(&prev.text, HEADLINE_WORDS) && STAMP_AFTER_HEADLINE.is_match(&u.text);
    // A table row (tab cells, a pipe row, columns of spaces, cells joined from lines
    // of their own) is never half of a paragraph ("… Comment" over "new | new | …").
    !u.bullet
        && !prev.bullet
        && !u.cells
        && !prev.cells
        && u.row.is_empty()
        && prev.row.is_empty()
        && prev.extra.is_empty()
        && text::starts_lowercase(&u.text)
        && !text::at_most_words(&prev.text, 3)
        && !stamp
        && stops_mid_sentence(prev, printed)
}

fn tail(s: &str, n: usize) -> String {
    let v: Vec<char> = s.chars().collect();
    v[v.len().saturating_sub(n)..].iter().collect()
}

fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::clean::normalise::normalise;

    fn run(s: &str, corpus_text: &str) -> (Vec<Unit>, Log) {
        let mut log = Log::new("t");
        let lines = normalise(s, &mut log);
        let clines = normalise(corpus_text, &mut Log::new("c"));
        let corpus = Corpus::build([clines.as_slice(), lines.as_slice()]);
        let units = reflow(&lines, &corpus, true, &mut log);
        (units, log)
    }

    const WRAPPED: &str = "Osteosarcoma is the most common primary malignant bone tumor\n\
in children and adolescents, characterized by the formation of osteoid\n\
tissue by malignant osteoblasts. Metastatic osteosarcoma refers to the\n\
spread of cancer cells beyond the primary tumor site to distant organs or\n\
tissues, most commonly the lungs. Metastasis occurs in approximately\n\
15-20% of pediatric osteosarcoma cases and significantly impacts\n\
\n\
prognosis [4].\n\
Diagnostic evaluation\n\
\n\
Early detection of metastatic disease is crucial for treatment\n\
planning and prognostication. Diagnostic evaluation typically includes\n\
imaging studies such as computed tomography scans and many others too.\n";

    /// A PDF's text, wrapped at about 40 characters: a running header over a page
    /// number, and reference numbers that print as superscripts on lines of their
    /// own.
    pub(crate) const PDF_EXCERPT: &str = "Annals of Imaginary Bone Research\n\
117\n\
Giant cell tumours are benign but locally\n\
aggressive lesions of the bone ends.\n\
1\n\
They\n\
usually occur in young adults after the\n\
growth plates have closed, and most of\n\
them arise in the bones around the knee.\n\
2-4\n\
Curettage with a high-speed burr and the\n\
filling of the cavity with cement is the\n\
usual treatment, and recurrence follows\n\
in a minority of patients.\n\
5\n\
Denosumab\n\
is given when the lesion cannot be taken\n\
out without harm to the joint nearby it.\n";

    /// A reference number on a line of its own stays with the sentence it cites,
    /// as a citation, and the rest of its printed line ("They") goes on with the
    /// paragraph instead of standing alone as a heading; a page number never ends
    /// the wrapped line above it.
    #[test]
    fn reference_markers_and_page_numbers_in_a_wrapped_pdf() {
        let (u, log) = run(PDF_EXCERPT, "");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts[0], "Annals of Imaginary Bone Research", "{texts:#?}");
        assert_eq!(texts[1], "117", "{texts:#?}");
        assert!(
            texts[2].starts_with("Giant cell tumours")
                && texts[2].contains("bone ends. [1] They usually occur")
                && texts[2].contains("around the knee. [2-4]"),
            "{texts:#?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("patients. [5] Denosumab is given")),
            "{texts:#?}"
        );
        assert!(
            !texts.iter().any(|t| *t == "They" || *t == "Denosumab"),
            "{texts:#?}"
        );
        // Each citation is an edit in the record, with its line.
        let cited: Vec<usize> = log
            .edits
            .iter()
            .filter(|e| e.reason.contains("as a citation"))
            .map(|e| e.line)
            .collect();
        assert_eq!(cited, vec![5, 10, 15]);
        // A number after a line that ends no sentence is no citation: a page number.
        let (u, _) = run(&PDF_EXCERPT.replace("ends.\n1\n", "ends\n1\n"), "");
        assert!(
            !u.iter().any(|u| u.text.contains("[1]")),
            "{:#?}",
            u.iter().map(|u| &u.text).collect::<Vec<_>>()
        );
    }

    /// Numbers on lines of their own that are no superscripts, in a file wrapped at
    /// about 40 characters: each keeps its place, none becomes a citation.
    #[test]
    fn numbers_that_are_no_citations() {
        const WRAP: &str = "Giant cell tumours are benign but locally\n\
aggressive lesions at the ends of bones,\n\
and they usually occur in young adults\n\
after the growth plates have closed, and\n\
most of them arise in the bones around\n\
the knee, the wrist or the upper arm, and\n\
some of them come back after treatment.\n";
        let units = |case: &str| -> Vec<String> {
            let (u, log) = run(&format!("{WRAP}\n{case}"), "");
            assert!(
                !log.edits.iter().any(|e| e.reason.contains("as a citation")),
                "{case}"
            );
            u.into_iter().map(|u| u.text).collect()
        };
        // A step of a numbered procedure, and a section's number over its heading.
        let steps = units(
            "Check the airway and the breathing first.\n2\nGive oxygen to keep the saturation up.\n",
        );
        assert_eq!(
            steps[1..],
            [
                "Check the airway and the breathing first.",
                "2",
                "Give oxygen to keep the saturation up."
            ],
            "{steps:#?}"
        );
        // A numbered list's next step, even where it would fit as a superscript: its
        // number, on a line of its own, starts the step (normalise joins the two).
        let list = units(
            "1\nOpen the airway and call for\nhelp.\n2\nGive oxygen to keep the saturation\nabove 94 per cent.\n",
        );
        assert!(
            list.iter().any(|t| t.starts_with("2. Give oxygen")),
            "{list:#?}"
        );
        // A table's column of ranges.
        let column = units("Table 2. Patients by their age group.\n18-30\n31-50\n51-70\n");
        assert!(column.iter().any(|t| t == "18-30"), "{column:#?}");
        let section = units(
            "The method was described before.\n2\nMethods\nThe patients were seen in clinic.\n",
        );
        assert!(section.iter().any(|t| t == "Methods"), "{section:#?}");
        // A page break: a page number, the running header, the page's text.
        let page = units(
            "Recurrence follows in a few patients.\n118\nAnnals of Imaginary Bone Research\nDenosumab is given when the lesion\n",
        );
        assert_eq!(
            page[1..3],
            ["Recurrence follows in a few patients.", "118"],
            "{page:#?}"
        );
        assert!(page[3].starts_with("Annals of Imaginary"), "{page:#?}");
        // A count with a thousands separator.
        let count =
            units("The trial screened every patient.\n1,250\nwere found to be eligible for it.\n");
        assert!(!count.iter().any(|t| t.contains("[1,250]")), "{count:#?}");
        // A number that did not fit on the wrapped line ends its paragraph.
        let (u, _) = run(
            &format!(
                "{WRAP}\nThe drug is stopped at a platelet count of\n100\n\nIt is given again later, at a lower dose.\n"
            ),
            "",
        );
        assert!(
            u.iter().any(|u| u.text.ends_with("platelet count of 100")),
            "{:#?}",
            u.iter().map(|u| &u.text).collect::<Vec<_>>()
        );
        // A heading after a cited range stays apart from the sentence.
        let (u, _) = run(
            &format!(
                "{WRAP}\nThe lesion recurs in a few of the patients.\n2-4\nTreatment\n\nCurettage is the usual treatment of it.\n"
            ),
            "",
        );
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert!(texts.contains(&"Treatment"), "{texts:#?}");
        assert!(
            texts.iter().any(|t| t.ends_with("patients. [2-4]")),
            "{texts:#?}"
        );
    }

    #[test]
    fn hard_wraps_page_breaks_and_glued_heading() {
        let (u, log) = run(WRAPPED, "");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:#?}");
        assert!(texts[0].starts_with("Osteosarcoma is"));
        assert!(texts[0].ends_with("significantly impacts prognosis [4]."));
        assert_eq!(texts[1], "Diagnostic evaluation");
        assert!(texts[2].ends_with("many others too."));
        assert_eq!((u[0].first, u[0].last), (1, 8));
        assert!(log.edits.iter().any(|e| e.reason.contains("re-joined")));
    }

    /// A heading right above the paragraph it heads, in a hard-wrapped leaflet: its
    /// next line's first word would have fitted, so the break is the writer's.
    #[test]
    fn a_heading_over_a_wrapped_paragraph_stays_apart() {
        let page = "Ifosfamide belongs to a group of medicines called alkylating\n\
             agents, which are used to treat several kinds of cancer,\n\
             including sarcomas of bone and soft tissue. It is given into\n\
             a vein by a drip, in hospital, over a few hours or a few\n\
             days. Your doctor or nurse will tell you how often you will\n\
             have it and for how long the course will last.\n\n\
             Important things to know about Ifosfamide\n\
             Your doctor has prescribed Ifosfamide because you have\n\
             cancer that can be treated. Ifosfamide is a medicine that\n\
             kills cancer cells but, as a result, also attacks normal\n\
             cells. It can therefore have a number of side effects.\n";
        assert!(any_unit(page, |t| t == "Important things to know about Ifosfamide"));
        assert!(any_unit(page, |t| t
            .starts_with("Your doctor has prescribed")
            && t.ends_with("a number of side effects.")));
        // Inside a paragraph, or ending on "about", a short capitalised line is
        // wrapped text: joined to the next line.
        let page = page.replace(
            "cells. It can therefore have a number of side effects.",
            "cells. It can therefore have a number of side effects.\n\
             Dose reductions of MTX and DOX for AYA\n\
             Patients were not needed in most of the cases here.",
        );
        assert!(any_unit(&page, |t| t.contains(
            "side effects. Dose reductions of MTX and DOX for AYA Patients"
        )));
        let page = page.replace(
            "\nImportant things to know about Ifosfamide\n",
            "\nImportant things you should know about\n",
        );
        assert!(any_unit(&page, |t| t.starts_with(
            "Important things you should know about Your doctor"
        )));
    }

    /// Some unit that reflow makes of `page` satisfies `f` (the units are printed
    /// when none does).
    fn any_unit(page: &str, f: impl Fn(&str) -> bool) -> bool {
        let (u, _) = run(page, "");
        let found = u.iter().any(|u| f(&u.text));
        if !found {
            let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
            eprintln!("{texts:#?}");
        }
        found
    }

    /// The first page of a PDF's text, which stops mid-sentence.
    const FIRST_PAGE: &str = "Advances in the treatment of osteosarcoma\n\n\
Osteosarcoma is the most common primary malignant tumour of bone in children\n\
and adolescents. Treatment combines neoadjuvant chemotherapy with surgical\n\
resection and adjuvant chemotherapy, and the survival of patients with\n\
localised disease has reached about seventy per cent in cooperative trials\n\
of the last three decades, while the survival of patients whose disease has\n\n";

    /// A PDF's paragraph cut by a page break ([`FIRST_PAGE`], then the page number,
    /// the running header and the next page): the page number and the header go
    /// before the re-joined paragraph, as units of their own, and the header is
    /// never glued to the next page's text.
    pub(crate) fn page_break() -> String {
        FIRST_PAGE.to_string()
            + "12\n\
Journal of Bone Oncology 2023; 12: 45-67\n\n\
spread to the lungs at diagnosis has remained at about thirty per cent over\n\
the same decades, despite many attempts to intensify the chemotherapy given\n\
before and after the operation in the largest trials of the period.\n\n\
13\n\
Journal of Bone Oncology 2023; 12: 45-67\n"
    }

    #[test]
    fn a_page_break_in_a_printed_paragraph_is_stepped_over() {
        let (u, log) = run(&page_break(), "");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            &texts[1..3],
            ["12", "Journal of Bone Oncology 2023; 12: 45-67"],
            "{texts:#?}"
        );
        assert!(u[1].printed_furniture && u[2].printed_furniture);
        assert!(texts[3].contains("whose disease has spread to the lungs at diagnosis"));
        assert!(texts[3].ends_with("of the period."));
        assert_eq!((u[3].first, u[3].last), (3, 14));
        assert_eq!(u[3].stepped_over, [9, 10]);
        assert!(
            log.edits
                .iter()
                .any(|e| e.reason.contains("by a page break"))
        );
        // Without the page number, a repeated line is no printed page's break: the
        // halves stay apart, and the repeated line is not glued to the text after it.
        let no_number = page_break().replace("\n12\n", "\n");
        let (u, _) = run(&no_number, "");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert!(
            texts.contains(&"Journal of Bone Oncology 2023; 12: 45-67"),
            "{texts:#?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("spread to the lungs")),
            "{texts:#?}"
        );
        // A header printed once (a left page's "Smith et al."), right under the page
        // number, is furniture too; a paragraph over three pages is re-joined twice.
        let three_pages = FIRST_PAGE.to_string()
            + "12\n\
Smith et al.\n\n\
spread to the lungs at diagnosis has remained at about thirty per cent over\n\
the same decades, in spite of many attempts by the cooperative groups of\n\
Europe and North America to improve it, in the largest of which patients\n\
whose tumours responded poorly were given more drugs or higher doses of the\n\
same drugs; none of these attempts to intensify the chemotherapy given\n\n\
13\n\
Journal of Bone Oncology 2023; 12: 45-67\n\n\
before and after the operation improved the survival of these patients, and\n\
the outcome of patients who relapse after the end of their first treatment\n\
has changed even less in the same time, although new drugs are being tried\n\
in trials for them at many centres, and some of these trials are recruiting\n\
patients with a relapse after treatment at present, which is encouraging.\n\n\
14\n";
        let (u, _) = run(&three_pages, "");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        let whole = texts
            .iter()
            .find(|t| t.starts_with("Osteosarcoma is"))
            .copied()
            .unwrap_or_default();
        assert!(
            whole.contains("has spread to the lungs")
                && whole.contains("chemotherapy given before and after the operation")
                && whole.ends_with("which is encouraging."),
            "{texts:#?}"
        );
        assert!(!whole.contains("Smith"), "{texts:#?}");
        // Numbers that are no page's (a figure's axis), or one number that no page
        // number before or after it on the page continues, are no page break.
        for numbers in ["\n0\n\n6\n\n24\n", "\n7\n"] {
            let (u, _) = run(&page_break().replace("\n12\n", numbers), "");
            assert!(
                u.iter().any(|u| u.text.starts_with("spread to the lungs")),
                "{numbers:?}: {:#?}",
                u.iter().map(|u| &u.text).collect::<Vec<_>>()
            );
        }
        // An RFC's footer is a page number between a printed paragraph's halves.
        for footer in [
            "de Jong                    [Page 4]",
            "Page 3 of 12",
            "3 / 12",
        ] {
            assert!(page_number(footer).is_some(), "{footer}");
        }
        assert_eq!(page_number("Page 3 of 12"), Some(3));
        assert!(!PAGE_NUMBER.is_match("de Jong [Page 4]"));
        assert!(page_number("See page 4 of the leaflet for the doses").is_none());
    }

    /// A page number printed on one line with its running header ("202 Journal of
    /// …"), the header the same at each page: the paragraph it cuts is re-joined,
    /// and every such line is page furniture, even where it cuts nothing.
    #[test]
    fn a_page_number_printed_with_its_header_is_furniture() {
        let header =
            |n: u32| format!("{n}                     Journal of Bone Oncology 2023; 12(3)");
        let page = page_break()
            .replace(
                "12\nJournal of Bone Oncology 2023; 12: 45-67\n",
                &format!("{}\n", header(12)),
            )
            .replace(
                "13\nJournal of Bone Oncology 2023; 12: 45-67\n",
                &format!("{}\n", header(13)),
            );
        let (u, _) = run(&page, "");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .any(|t| t.contains("whose disease has spread to the lungs")),
            "{texts:#?}"
        );
        let furniture: Vec<&str> = u
            .iter()
            .filter(|u| u.printed_furniture)
            .map(|u| u.text.as_str())
            .collect();
        assert_eq!(
            furniture,
            [
                "12 Journal of Bone Oncology 2023; 12(3)",
                "13 Journal of Bone Oncology 2023; 12(3)"
            ]
        );
        // Printed once, a numbered line is no header: a list's step, a table's row.
        let once = page.replace(&header(13), "13");
        let (u, _) = run(&once, "");
        assert!(
            u.iter()
                .all(|u| !u.text.starts_with("12 Journal") || !u.printed_furniture)
        );
    }

    /// On a web page (no hard wraps) nothing is re-joined across a page number: a
    /// numbered comment or list is no printed page.
    #[test]
    fn a_web_page_is_not_rejoined_across_a_number() {
        let page = "The nurses on the ward explained every step of the treatment to us and\n\n\
12\n\n\
we were given a leaflet to read at home.\n";
        let (u, _) = run(page, "");
        assert_eq!(
            u.len(),
            3,
            "{:?}",
            u.iter().map(|u| &u.text).collect::<Vec<_>>()
        );
    }

    /// A closing quote after a word does not end a sentence; a full stop inside one does.
    #[test]
    fn a_closing_quote_after_a_word_is_mid_sentence() {
        let unit = |t: &str| Unit {
            text: t.to_string(),
            ..Unit::default()
        };
        let long = "A folder description sent by the server in answer to a request is a map that holds a string-valued";
        assert!(stops_mid_sentence(&unit(&format!("{long} 'ETag'")), false));
        assert!(stops_mid_sentence(
            &unit(&format!("{long} \u{201c}ETag\u{201d}")),
            false
        ));
        assert!(!stops_mid_sentence(
            &unit(&format!("{long} field, and he said 'no.'")),
            false
        ));
        // On a web page, a line as short as a headline may end on a quotation; in
        // printed text it goes on.
        let short = unit("3 Responses to \u{201c}Bridge vote\u{201d}");
        assert!(!stops_mid_sentence(&short, false));
        assert!(stops_mid_sentence(&short, true));
    }

    /// A site's address, a byline or an update stamp under a headline starts
    /// lower-case after a blank line, like the rest of a sentence cut by a page
    /// break; it is not joined to the headline. A long line cut mid-sentence still is.
    #[test]
    fn a_stamp_under_a_headline_is_not_a_page_break() {
        for stamp in [
            "www.example.cn 2008-01-11 11:37:09 Print",
            "toronto.example.ca",
            "by Simon Example (Columnist) 1 comments",
            "last updated: January 13, 2008 09:31:06 PM",
        ] {
            let page = format!("Official sacked after the flood inquiry in the north\n\n{stamp}\n");
            let (u, _) = run(&page, "");
            let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
            assert_eq!(
                texts,
                [
                    "Official sacked after the flood inquiry in the north",
                    stamp
                ]
            );
        }
        let (u, _) = run(
            "The trial enrolled patients from many centres across the country who were treated\n\nby the same surgical team over ten years.\n",
            "",
        );
        assert_eq!(
            u.len(),
            1,
            "{:?}",
            u.iter().map(|u| &u.text).collect::<Vec<_>>()
        );
    }

    /// A title wrapped before its ampersand is one line, on a page without hard
    /// wraps; a line after a sentence end, or a bullet, is not joined.
    #[test]
    fn a_line_that_starts_with_an_ampersand_continues_the_line_above() {
        let (u, _) = run(
            "Ewing Sarcoma Diagnosis, Treatment\n& Your Role as a Parent\n\nShort text.\n",
            "",
        );
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Ewing Sarcoma Diagnosis, Treatment & Your Role as a Parent",
                "Short text."
            ]
        );
        let (u, _) = run("It ends here.\n& so on\n", "");
        assert_eq!(u.len(), 2);
        // A table row is never joined to.
        let (u, _) = run("Stage\tFive-year survival\n& Terms of Use\n", "");
        assert_eq!(
            u.len(),
            2,
            "{:?}",
            u.iter().map(|u| &u.text).collect::<Vec<_>>()
        );
        // Nor is a bullet joined: it starts an item.
        let (u, _) = run("Diagnosis and treatment\n• & more\n", "");
        assert_eq!(
            u.len(),
            2,
            "{:?}",
            u.iter().map(|u| &u.text).collect::<Vec<_>>()
        );
    }

    /// A short PDF extract: a title, its authors and headings make up half of the
    /// lines, and the wrapped lines stop mid-sentence.
    const PDF_EXTRACT: &str = "Limb Salvage Surgery for Extremity Sarcomas\n\
Jane Writer, MD\n\
Department of Orthopedics\n\
University Hospital\n\
Introduction\n\
Limb salvage surgery includes all of the surgical procedures designed to accomplish removal of a\n\
malignant tumor and reconstruction of the limb with an acceptable oncologic, functional, and cosmetic\n\
result. In the recent past, most sarcomas were treated by amputation, and tumor recurrence and a\n\
generally dismal prognosis were a powerful deterrent to progress in the treatment of these\n\
tumors.\n\
Early Management\n\
Referral and Staging\n\
A successful limb salvage depends on a well coordinated and timely series of events that begins\n\
with the first visit of the patient, and the biopsy should be done by the surgeon who will perform\n\
the resection, because a poorly placed biopsy may turn a limb salvage procedure into an amputation\n\
and may change the outcome of the treatment for the patient and the family for years to come.\n\
Results\n";

    #[test]
    fn a_pdf_extract_with_many_headings_is_reflowed() {
        let mut log = Log::new("t");
        let lines = normalise(PDF_EXTRACT, &mut log);
        assert_eq!(wrap_width(&lines), Some(98));
        let (u, _) = run(PDF_EXTRACT, "");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Limb salvage surgery includes")
                    && t.ends_with("treatment of these tumors.")),
            "{texts:#?}"
        );
        assert!(texts.contains(&"Early Management"), "{texts:#?}");
        // A glossary: each definition (no full stop) over the next lower-case term.
        let glossary = "Words you may hear from your doctor or nurse about bone cancer and its care\n\
biopsy\n\
the removal of a small piece of tissue so that it can be looked at under a microscope\n\
chemotherapy\n\
treatment with drugs that kill cancer cells or stop them from growing and dividing\n\
metastasis\n\
the spread of cancer cells from where the cancer started to another part of the body\n\
osteosarcoma\n\
a cancer that starts in the cells that make bone, most often in the long bones\n\
radiotherapy\n\
treatment that uses high energy rays to kill cancer cells in one part of the body\n";
        assert_eq!(wrap_width(&normalise(glossary, &mut log)), None);
        // A page of short lines and sentences, one per line, is not wrapped.
        let lines = normalise(
            "Home\nNews\nSport\nThe council voted on Tuesday to build a new bridge.\nIt will open in 2026.\nWeather\nContact us\n",
            &mut log,
        );
        assert_eq!(wrap_width(&lines), None);
    }

    /// A page of one-line paragraphs with a transcript wrapped at 75 characters
    /// pasted in: the transcript's block is joined, the page's lines are not.
    #[test]
    fn a_wrapped_block_in_an_unwrapped_page_is_joined() {
        let page = "News Round Up\n\n\
            The State Department was asked about Syria again today, and the answer was the one we have heard all month from the spokesman.\n\n\
            QUESTION: Asharq al-Awsat newspaper said today that President Bush will not\n\
            deal with Syrian President Bashar al-Assad and the U.S. is not pleased at\n\
            all with Syria's policies. How do you characterize the relations?\n\n\
            Short line one.\nShort line two.\nShort line three.\n\n\
            The briefing went on for an hour, and most of it was about other countries, which is why I quote only this part of it here.\n";
        let (u, _) = run(page, "");
        assert!(
            u.iter().any(|x| x.text
                == "QUESTION: Asharq al-Awsat newspaper said today that President Bush will not \
                    deal with Syrian President Bashar al-Assad and the U.S. is not pleased at \
                    all with Syria's policies. How do you characterize the relations?"),
            "{:#?}",
            u.iter().map(|x| &x.text).collect::<Vec<_>>()
        );
        assert!(u.iter().any(|x| x.text == "Short line one."), "{u:#?}");
    }

    #[test]
    fn unwrapped_lines_stay_paragraphs() {
        let (u, _) = run(
            "First paragraph is one line.\nSecond paragraph is one line.\n",
            "",
        );
        assert_eq!(u.len(), 2);
    }

    fn hyphen_case(corpus: &str) -> String {
        let s = "Continued research efforts aimed at unraveling the underlying and\n\
strategies are essential to further advance the field and improve long-\n\
term survival rates for these patients and to do other things that\n\
matter a great deal to all of the patients and the families involved\n\
in the care of these young people over many years of their lives.\n\
Another line that is long enough to look like a wrapped line of text\n\
and the paragraph ends here with a full stop at the very end of it.\n";
        run(s, corpus).0[0].text.clone()
    }

    #[test]
    fn line_end_hyphen_uses_corpus_evidence() {
        assert!(hyphen_case("long-term outcomes").contains("improve long-term survival"));
        assert!(hyphen_case("longterm outcomes").contains("improve longterm survival"));
        // Unknown either way: the hyphen stays, nothing is lost.
        assert!(hyphen_case("").contains("improve long-term survival"));
    }

    /// A PDF extract with no blank line between its paragraphs, whose journal line,
    /// title, authors, affiliations, headings and table rows are half its lines: it
    /// is hard-wrapped (its wrapped lines were judged one by one, and most went as
    /// menu items), its paragraphs are joined, and its title, "Abstract" and
    /// headings stay lines of their own.
    #[test]
    fn a_pdf_extract_without_blank_lines_is_reflowed() {
        let s = "Annals of Imaginary Bone Research 2022; 9(2): 101-119\n\
Treatment of chondrosarcoma of the pelvis: a review\n\
J. Smith1, K. Patel2\n\
1 Department of Orthopaedics, Example University Hospital, Example City\n\
2 Department of Oncology, Another Cancer Centre, Another City\n\
Received 3 May 2021; accepted 9 January 2022; published online 2 March 2022\n\
Abstract\n\
Chondrosarcoma is the second most frequent primary malignant tumour of bone in\n\
adults. It does not respond well to chemotherapy or radiotherapy, so wide sur-\n\
gical resection remains the main treatment, and margins decide the outcome in\n\
most of the patients who are treated at the centres that we have studied, with\n\
recurrence in about a fifth of them within five years of the first operation.\n\
Keywords: chondrosarcoma; pelvis; surgery\n\
1. Introduction\n\
The pelvis is the commonest site of chondrosarcoma in adults, and tumours there\n\
are often large at diagnosis because they grow slowly and cause little pain in\n\
the early stages, so that resection is difficult and needs careful planning by\n\
a team that includes surgeons, radiologists, pathologists and nurse specialists.\n\
Table 1. Local recurrence by margin\n\
Margin\tPatients\tRecurrence (%)\n\
Wide\t120\t9\n\
Marginal\t44\t27\n\
Intralesional\t12\t58\n\
Page 2 of 12\n\
2. Surgery\n\
Internal hemipelvectomy with reconstruction is now possible in most patients,\n\
and the functional results are better than those of hindquarter amputation in\n\
nearly every series that has compared the two operations over long follow-up,\n\
although complications such as infection and loosening remain common after it.\n";
        let mut log = Log::new("t");
        assert!(wrap_width(&normalise(s, &mut log)).is_some());
        let (units, _) = run(s, "");
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        for line in [
            "Annals of Imaginary Bone Research 2022; 9(2): 101-119",
            "Treatment of chondrosarcoma of the pelvis: a review",
            "J. Smith1, K. Patel2",
            "Abstract",
            "1. Introduction",
            "2. Surgery",
        ] {
            assert!(texts.contains(&line), "{line}: {texts:#?}");
        }
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Chondrosarcoma is the second")
                    && t.contains("wide surgical resection")
                    && t.ends_with("within five years of the first operation.")),
            "{texts:#?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Internal hemipelvectomy")
                    && t.ends_with("remain common after it.")),
            "{texts:#?}"
        );
    }

    #[test]
    fn hyphen_cases() {
        // chemo-/therapy: the closed form is in the corpus; well-/being: the hyphenated one.
        let s = "Children who have finished their treatment with the usual chemo-\n\
therapy and surgery are seen in clinic for many years afterwards, so that\n\
problems with their well-\n\
being, growth and schooling are picked up early by the team and treated,\n\
and so that their families can ask the questions that they have about it\n\
at each of the visits, which are planned with them well before each one.\n\
This last line is long enough to look like a wrapped line of the text too.\n";
        let text = run(s, "chemotherapy and well-being").0[0].text.clone();
        assert!(text.contains("usual chemotherapy and surgery"), "{text}");
        assert!(text.contains("their well-being, growth"), "{text}");
        // A hyphen before a capital or a number is never removed.
        let s2 = s.replace("chemo-\ntherapy", "anti-\nPD-1");
        let t2 = run(&s2, "").0[0].text.clone();
        assert!(
            t2.contains("anti- PD-1") || t2.contains("anti-PD-1"),
            "{t2}"
        );
    }

    #[test]
    fn line_end_hyphen_joins_an_english_word_without_corpus_evidence() {
        let s = "Two reviewers extracted the number of patients and the imaging schedule\n\
and the proportion of relapses found by imaging before symptoms. Dis-\n\
agreements were resolved by dis-\n\
cussion between the two reviewers who read each of the papers in full\n\
and who then checked the extracted numbers against the original tables\n\
of each of the studies, so that no number was copied from the wrong place\n\
or from the wrong group of patients in any of the papers that they read.\n\
A last line that is long enough to look like a wrapped line of the text.\n";
        let text = run(s, "").0[0].text.clone();
        assert!(text.contains("resolved by discussion between"), "{text}");
        assert!(text.contains("symptoms. Disagreements were"), "{text}");
    }

    #[test]
    fn bullet_continuations_are_kept_as_lines() {
        let (u, _) = run(
            "  • Comparison of MAPIE versus MAP\n    N M Marin and others\n    Lancet Oncology, 2016\n\n  • Next item\n",
            "",
        );
        assert_eq!(u.len(), 2);
        assert_eq!(
            u[0].extra,
            vec!["N M Marin and others", "Lancet Oncology, 2016"]
        );
    }

    #[test]
    fn a_list_intro_is_not_joined_to_following_sentence() {
        let (u, _) = run(
            "Doctors continue to study different:\n\n  • combinations\n\nThe aim is clear.\n",
            "",
        );
        assert_eq!(u.len(), 3);
    }
}
