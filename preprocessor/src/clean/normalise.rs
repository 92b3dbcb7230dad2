//! Stage 2: decoded text to lines with provenance.
//!
//! Line endings, invisible and non-breaking spaces, typographic quotes,
//! bullets, control characters and Unicode composition are normalised here,
//! once, so later stages see one spelling of each thing. Typographic quotes are
//! remembered ([`QuoteMark`]) and put back by the assemble stage.

use crate::record::{Action, Log, Stage};
use unicode_normalization::UnicodeNormalization;

/// One line of a raw file after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the raw file.
    pub no: usize,
    /// Leading spaces before the text (after tab expansion).
    pub(crate) indent: usize,
    /// The line started with a bullet character (removed from `text`).
    pub(crate) bullet: bool,
    /// The text, trimmed, with single spaces. Empty for a blank line.
    pub text: String,
    /// A tab separated two parts of the text (a table or infobox row).
    pub(crate) cells: bool,
    /// The cells of a table row, in order, each trimmed with single spaces (empty
    /// cells kept, so columns stay aligned): the line's tab-separated parts (a
    /// browser's `innerText` separates cells by tabs), or its parts separated by
    /// runs of three or more spaces when the neighbouring lines split into the same
    /// number of parts (a PDF's text layout; see [`space_tables`]), or its cells
    /// between pipes (a scraper's Markdown table; see [`pipe_tables`]). Empty when the
    /// line is not a row: fewer than two cells hold text (one, in a pipe row with
    /// pipes at both edges inside a wider table, or in a row of a table whose cells
    /// stood on lines of their own: see [`block_cell_tables`]). The non-empty cells joined by
    /// single spaces are exactly `text`.
    pub(crate) row: Vec<String>,
    /// Every quotation mark of `text` that was written as a typographic one, and
    /// every plain one on a line that has any: see [`QuoteMark`]. Empty on most
    /// lines.
    pub(crate) quotes: Vec<QuoteMark>,
    /// A table cell that stood on a line of its own: the line number of the row
    /// that now holds its text (this line is left blank; see
    /// [`block_cell_tables`]). The page's accounting counts the line where that
    /// row goes: rendered, removed or moved to metadata.
    pub(crate) moved_to: Option<usize>,
}

/// One quotation mark of a line as the page wrote it. `text` holds a plain `'` or
/// `"` in its place, so later stages see one spelling of each word ("Ewing's"); the
/// assemble stage puts the typographic mark back (`assemble::quotes`), finding it
/// again by its context ([`quote_context`]): "1970’s" is `("1970", "s", '’')`,
/// "“Stop" is `("", "Stop", '“')`, "said.”" is `(".", "", '”')`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteMark {
    pub(crate) before: String,
    pub(crate) after: String,
    /// The mark as written: `'`, `"`, or a typographic quote or prime
    /// (‘ ’ ‛ ′ “ ” ‟ ″).
    pub(crate) mark: char,
}

/// The context of the quote at byte `at` of `s`: the letters and digits right
/// before it and right after it, or on a side with none, the one character there
/// that is not a space (a full stop, a bracket, another quote), or nothing.
/// Letters and digits survive the later stages' edits around a word (a hyphen
/// joined, punctuation trimmed from a reference's title), so the context finds the
/// mark again where the whole token would not.
pub(crate) fn quote_context(s: &str, at: usize) -> (&str, &str) {
    let head = &s[..at];
    let tail = s.get(at + 1..).unwrap_or("");
    let run_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(head.len(), |(i, _)| i);
    let before = if run_start < head.len() {
        &head[run_start..]
    } else {
        match head.chars().next_back() {
            Some(c) if !c.is_whitespace() => &head[head.len() - c.len_utf8()..],
            _ => "",
        }
    };
    let run_end = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    let after = if run_end > 0 {
        &tail[..run_end]
    } else {
        match tail.chars().next() {
            Some(c) if !c.is_whitespace() => &tail[..c.len_utf8()],
            _ => "",
        }
    };
    (before, after)
}

impl QuoteMark {
    /// The quotes of a line's `text` written plain, as marks.
    pub(crate) fn as_written(text: &str) -> Vec<QuoteMark> {
        let plain: Vec<char> = text.chars().filter(|&c| c == '\'' || c == '"').collect();
        QuoteMark::of(text, &plain)
    }

    /// The marks of `text` (plain quotes) in order, given the marks as written, one
    /// per plain quote of `text`, in order.
    fn of(text: &str, written: &[char]) -> Vec<QuoteMark> {
        text.char_indices()
            .filter(|(_, c)| *c == '\'' || *c == '"')
            .zip(written)
            .map(|((at, _), &mark)| {
                let (before, after) = quote_context(text, at);
                QuoteMark {
                    before: before.to_string(),
                    after: after.to_string(),
                    mark,
                }
            })
            .collect()
    }
}

impl Line {
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty() && !self.bullet
    }

    /// This line's text now stands on line `to` (a table's row, a numbered item):
    /// the line is left blank, naming it (see [`Line::moved_to`]).
    fn move_into(&mut self, to: usize) {
        self.text.clear();
        self.quotes.clear();
        self.indent = 0;
        self.moved_to = Some(to);
    }
}

const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '●', '○', '■', '□', '‣', '⁃', '∙', '·', '➢', '►', '▶', '✓', '✔',
];

/// The item after a word processor's list marker and its tab: "o⇥one merino" (a
/// second-level bullet, as Word writes it in plain text) or "§⇥…" (a third), with
/// no other tab (a table's row keeps its cells). `None` for any other line.
fn word_list_marker(body: &str) -> Option<&str> {
    let rest = body
        .strip_prefix(['o', '§'])?
        .strip_prefix('\t')?
        .trim_start();
    (!rest.is_empty() && !rest.contains('\t')).then_some(rest)
}

/// "1.⇥Breakfast oats" (a numbered item pasted from a word processor, its number
/// and text a tab apart) as "1. Breakfast oats", a numbered item: a tab there is no
/// table's cell. A line with another tab ("1.⇥Hughes⇥238", a ranked table's row)
/// or nothing after the number stays as it is (`None`).
fn numbered_item_with_tab(body: &str) -> Option<String> {
    let (number, rest) = body.split_once('\t')?;
    let digits = number.strip_suffix(['.', ')'])?;
    let rest = rest.trim();
    (!digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !rest.is_empty()
        && !rest.contains('\t'))
    .then(|| format!("{number} {rest}"))
}

/// Normalise `text` into lines. Counts of invisible changes are recorded once per kind.
pub fn normalise(text: &str, log: &mut Log) -> Vec<Line> {
    let mut out = Vec::new();
    let mut nbsp = Counter::default();
    let mut invisible = Counter::default();
    let mut gapped: Vec<Vec<String>> = Vec::new();
    let mut voids: Vec<Void> = Vec::new();
    // Split on \r\n, \r and \n alike.
    let has_cr = text.contains('\r');
    let unified: std::borrow::Cow<str> = if has_cr {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    if has_cr {
        log.edit(
            1,
            Stage::Normalise,
            Action::Changed,
            "",
            "",
            "converted CRLF/CR line endings to LF",
        );
    }
    // A final line break ends the last line; it starts none.
    let body = unified.strip_suffix('\n').unwrap_or(&unified);
    for (i, raw) in body.split('\n').enumerate() {
        let no = i + 1;
        let mut cells = false;
        // Printable ASCII needs none of the replacements below (the common
        // case): the line is read in place.
        let plain = raw.bytes().all(|b| (0x20..0x7f).contains(&b));
        let repaired = if plain { None } else { undo_mojibake(raw) };
        let raw = match &repaired {
            Some((fixed, pairs)) => {
                let (before, after): (Vec<&str>, Vec<&str>) =
                    pairs.iter().map(|(b, a)| (b.as_str(), a.as_str())).unzip();
                log.edit(
                    no,
                    Stage::Normalise,
                    Action::Changed,
                    before.join(" "),
                    after.join(" "),
                    "mojibake repaired: UTF-8 text that was read as Windows-1252",
                );
                fixed.as_str()
            }
            None => raw,
        };
        let mut s = String::new();
        // The quotation marks as written, one per plain quote of `s`, when the
        // line has a typographic one.
        let mut written: Vec<char> = Vec::new();
        let mut typographic = false;
        if !plain {
            s.reserve(raw.len());
            for c in raw.chars() {
                match c {
                    '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                        nbsp.hit(no);
                        s.push(' ');
                    }
                    '\t' => {
                        cells |= !s.trim().is_empty();
                        s.push('\t');
                    }
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
                        invisible.hit(no);
                    }
                    '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => {
                        typographic = true;
                        written.push(c);
                        s.push('\'');
                    }
                    '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => {
                        typographic = true;
                        written.push(c);
                        s.push('"');
                    }
                    '\'' | '"' => {
                        written.push(c);
                        s.push(c);
                    }
                    c if c.is_control() => {
                        log.edit(
                            no,
                            Stage::Normalise,
                            Action::Removed,
                            format!("U+{:04X}", c as u32),
                            "",
                            "control character removed",
                        );
                    }
                    c => s.push(c),
                }
            }
        }
        // Most text is already composed (all ASCII text is): compose only when needed.
        let s: &str = if plain {
            raw
        } else if s.is_ascii()
            || unicode_normalization::is_nfc_quick(s.chars())
                == unicode_normalization::IsNormalized::Yes
        {
            &s
        } else {
            s = s.nfc().collect();
            &s
        };
        // A tab indents by four spaces and separates cells.
        let lead = s.len() - s.trim_start_matches([' ', '\t']).len();
        let indent = s[..lead]
            .bytes()
            .map(|b| if b == b'\t' { 4 } else { 1 })
            .sum();
        let mut body = s.trim();
        let mut bullet = false;
        if let Some(first) = body.chars().next()
            && BULLETS.contains(&first)
        {
            bullet = true;
            body = body[first.len_utf8()..].trim_start();
        } else if let Some(rest) = body
            .strip_prefix(['-', '*', '–'])
            .filter(|r| r.starts_with([' ', '\t']))
            && !rest.trim().is_empty()
        {
            bullet = true;
            body = rest.trim_start();
        } else if let Some(rest) = word_list_marker(body) {
            bullet = true;
            body = rest;
        }
        gapped.push(if body.contains("   ") {
            body.split("   ")
                .map(|c| c.trim_matches([' ', '\t']))
                .filter(|c| !c.is_empty())
                .map(collapse_spaces)
                .collect()
        } else {
            Vec::new()
        });
        let numbered = numbered_item_with_tab(body);
        let body: &str = numbered.as_deref().unwrap_or(body);
        let (text, row) = if body.contains('\t') {
            let mut row = split_row(body, "\t");
            // A tab before the first cell is an empty cell (a table's top-left
            // corner over its row labels), not only indentation: kept, so that the
            // header's cells stay over their columns.
            if !row.is_empty() {
                let empty = s[..lead].matches('\t').count();
                row.splice(0..0, std::iter::repeat_n(String::new(), empty));
            }
            (collapse_spaces(&body.replace('\t', " ")), row)
        } else {
            (collapse_spaces(body), Vec::new())
        };
        let quotes = if typographic {
            let marks = QuoteMark::of(&text, &written);
            if marks.len() != written.len() {
                // Not expected (every mark is kept as a plain one); if it happens,
                // the marks stay plain and the change is listed.
                log.edit(
                    no,
                    Stage::Normalise,
                    Action::Changed,
                    "",
                    "",
                    "typographic quotes replaced by plain quotes",
                );
                Vec::new()
            } else {
                marks
            }
        } else {
            Vec::new()
        };
        voids.push(if !text.is_empty() || bullet {
            Void::Text
        } else if raw.contains('\t') {
            Void::Tab(raw.matches('\t').count())
        } else if raw.chars().any(|c| c != ' ' && c.is_whitespace()) {
            Void::Spacer
        } else {
            Void::Blank
        });
        out.push(Line {
            no,
            indent,
            bullet,
            text,
            cells,
            row,
            quotes,
            moved_to: None,
        });
    }
    space_tables(&mut out, &gapped);
    pipe_tables(&mut out, log);
    block_cell_tables(&mut out, &voids, log);
    numbers_on_their_own_lines(&mut out, log);
    // Trailing blank lines are kept: they carry nothing, but they are lines of the
    // file, counted in its editorial notes as an editor counts them.
    nbsp.report(
        log,
        "non-breaking or special spaces replaced by plain spaces",
    );
    invisible.report(
        log,
        "invisible characters (zero-width, soft hyphen, BOM) removed",
    );
    out
}

/// UTF-8 text that was decoded as Windows-1252 somewhere before the scrape ("â€™" for
/// "’", "Ã©" for "é"), undone: a run of characters whose Windows-1252 bytes form one
/// valid multi-byte UTF-8 sequence (a lead byte C2–F4 and its continuation bytes
/// 80–BF) is replaced by the character those bytes encode (ftfy's rule, Speer 2015).
/// Returns the repaired line and each (mojibake, repair) pair, or `None` if the line
/// has none. A run that does not decode (a lost byte) is left as it is.
pub(crate) fn undo_mojibake(s: &str) -> Option<(String, Vec<(String, String)>)> {
    if !s.chars().any(|c| ('\u{C2}'..='\u{F4}').contains(&c)) {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(lead @ 0xC2..=0xF4) = cp1252_byte(chars[i]) {
            let n = match lead {
                0xC2..=0xDF => 1,
                0xE0..=0xEF => 2,
                _ => 3,
            };
            let bytes: Vec<u8> = std::iter::once(lead)
                .chain(
                    chars[i + 1..]
                        .iter()
                        .take(n)
                        .map_while(|&c| cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))),
                )
                .collect();
            if bytes.len() == n + 1
                && let Ok(t) = std::str::from_utf8(&bytes)
            {
                pairs.push((chars[i..=i + n].iter().collect(), t.to_string()));
                out.push_str(t);
                i += n + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    (!pairs.is_empty()).then_some((out, pairs))
}

/// The Windows-1252 byte of a non-ASCII character, as browsers decode it (WHATWG's
/// index, which also maps the five unassigned bytes to C1 controls).
fn cp1252_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    (!unmappable && bytes.len() == 1).then(|| bytes[0])
}

/// The text of a table row: its non-empty cells joined by single spaces (what
/// `Line::text` holds for a row).
pub(crate) fn row_text(cells: &[String]) -> String {
    let parts: Vec<&str> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(String::as_str)
        .collect();
    parts.join(" ")
}

/// The cells of `body` split at `sep`, trimmed, with trailing empty cells dropped;
/// empty unless two cells hold text.
fn split_row(body: &str, sep: &str) -> Vec<String> {
    let mut cells: Vec<String> = body
        .split(sep)
        .map(|c| collapse_spaces(c.trim_matches([' ', '\t'])))
        .collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    if cells.iter().filter(|c| !c.is_empty()).count() < 2 {
        cells.clear();
    }
    cells
}

/// Widest cell of a table laid out with spaces, in characters: wider parts are
/// prose with a wide gap (justified text), not cells.
const SPACE_CELL_MAX: usize = 60;

/// A line with a pipe at an edge: a Markdown table's row, however its columns are
/// padded ([`pipe_tables`] reads it), or an ASCII box's side.
fn pipe_edged(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('|') || t.ends_with('|')
}

/// Tables laid out with spaces (a PDF's text layer, a plain-text table): two or more
/// consecutive lines that split at runs of three or more spaces into the same
/// number (two or more) of parts, none wider than [`SPACE_CELL_MAX`] characters,
/// become rows. `gapped[i]` holds line `i`'s parts (empty when it has no such run).
/// A single line with a wide gap ("PDF options:  View Fullscreen   Download PDF")
/// stays a line, and so do lines that have tab-separated cells already.
fn space_tables(lines: &mut [Line], gapped: &[Vec<String>]) {
    let fits = |p: &Vec<String>| {
        p.len() >= 2
            && p.iter()
                .all(|c| !c.is_empty() && c.chars().count() <= SPACE_CELL_MAX)
    };
    let mut i = 0;
    while i < lines.len() {
        let n = gapped[i].len();
        let mut j = i;
        while j < lines.len()
            && fits(&gapped[j])
            && gapped[j].len() == n
            && lines[j].row.is_empty()
            && !pipe_edged(&lines[j].text)
        {
            j += 1;
        }
        if j - i >= 2 {
            for k in i..j {
                lines[k].row = gapped[k].clone();
            }
            // The header over the rows' labels, one part short and indented three
            // spaces or more past the rows: its first cell is the empty top-left corner
            // ("                 Low grade       High grade" over "Growth   Slow   Fast").
            if let Some(h) = i.checked_sub(1) {
                let parts = if gapped[h].is_empty() {
                    vec![lines[h].text.clone()]
                } else {
                    gapped[h].clone()
                };
                if lines[h].row.is_empty()
                    && !lines[h].text.is_empty()
                    && !lines[h].bullet
                    && lines[h].indent >= lines[i].indent + 3
                    && parts.len() + 1 == n
                    && parts
                        .iter()
                        .all(|c| !c.is_empty() && c.chars().count() <= SPACE_CELL_MAX)
                    && !pipe_edged(&lines[h].text)
                {
                    lines[h].row = std::iter::once(String::new()).chain(parts).collect();
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// What a line without text held: see [`block_cell_tables`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Void {
    /// The line has text (or a bullet).
    Text,
    /// Nothing, or plain spaces: a blank line.
    Blank,
    /// Tabs (and spaces) only, this many tabs: the separator between two cells of a
    /// table row, with an empty cell between each two tabs (`"\t\u{a0}\t"`).
    Tab(usize),
    /// Non-breaking or other special spaces only: an empty paragraph
    /// (`<p>&nbsp;</p>`), or an empty cell where a cell stands.
    Spacer,
}

/// The fewest rows of a table whose cells stand on lines of their own: a header
/// and one row, as for tab-separated rows (`assemble::table_rows`).
const BLOCK_TABLE_ROWS: usize = 2;

/// One line of the page as [`block_cell_tables`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A line of text that may be a cell (not a bullet, not a row already).
    Cell,
    /// A line of special spaces: an empty paragraph or an empty cell.
    Empty,
    /// A tab-only line with this many tabs.
    Tab(usize),
    /// Any other line of text.
    Other,
}

/// One row of a table whose cells stood on lines of their own.
struct BlockRow {
    /// The cells' texts, in order (empty cells included).
    cells: Vec<String>,
    /// The line (index into `lines`) of each cell with text, in order; the first
    /// is the row's line (the first cell's, even when it is empty).
    lines: Vec<usize>,
    /// Tokens `start..end` are the row's.
    start: usize,
    end: usize,
    /// The row's last cell is followed by a line after one blank line only: the
    /// cell's next paragraph, or the text after a table (innerText writes one blank
    /// line there). Only a table's last row may end so.
    open_end: bool,
}

/// Tables whose cells hold paragraphs, as a browser's `innerText` writes them: each
/// cell on a line of its own, one blank line, a line holding only a tab, one blank
/// line, the next cell; rows apart by two blank lines or more (the row's line
/// break and its cells' paragraph margins); the text after a table one blank line
/// below it. "District", "⇥", "Incumbent" over "AZ-1", "⇥", "NEW" is a table of
/// two rows, not six short lines.
///
/// A row is a cell, then one or more times: one blank line, a tab-only line, one
/// blank line, a cell. A cell is one line of text, with lines of special spaces
/// (empty paragraphs) before or after it, or such lines alone (an empty cell); a
/// tab-only line with `n` tabs has `n - 1` empty cells between them. A row starts
/// after a blank line (or at the page's first line) and ends before two blank
/// lines or more: a cell whose line goes on without a blank line (a line break
/// inside it) makes no row, and neither does a row ending in a tab or holding no
/// text. A row whose last cell is followed after one blank line by more text (the
/// cell's next paragraph, or the text after the table) may only end a table, under
/// [`BLOCK_TABLE_ROWS`] rows or more that end clean; if that last cell's line came
/// after empty paragraphs, the cell is empty and the line is the text after the
/// table (innerText writes an empty cell, `<td>&nbsp;</td>`, and a cell's empty
/// paragraph before its text alike). [`BLOCK_TABLE_ROWS`] rows or more with the
/// same number of cells, with only blank lines between them, are a table: each
/// row's cells go into the line of its first cell (`Line::row`), the other cells'
/// lines are left blank and point at it (`Line::moved_to`), and the move is listed
/// at the row's line.
///
/// A layout table's cell of several paragraphs (an article, a forum post) makes no
/// row with the cells before it, unless it ends a table of data rows, whose last
/// row then holds its first paragraph only; its last paragraph may begin a row
/// with the cells after it. Either way every line stays, in order.
fn block_cell_tables(lines: &mut [Line], voids: &[Void], log: &mut Log) {
    if !voids.iter().any(|v| matches!(v, Void::Tab(_))) {
        return;
    }
    // The page as tokens, each with the number of blank lines before it.
    let mut toks: Vec<(Tok, usize, usize)> = Vec::new();
    let mut blanks = 0;
    for (i, l) in lines.iter().enumerate() {
        // `voids` has one entry per raw line; `lines` may have lost one (a Markdown
        // table's delimiter row).
        let void =
            l.no.checked_sub(1)
                .and_then(|k| voids.get(k))
                .copied()
                .unwrap_or(Void::Text);
        let tok = match void {
            Void::Blank if l.is_blank() => {
                blanks += 1;
                continue;
            }
            Void::Spacer if l.is_blank() => Tok::Empty,
            Void::Tab(n) if l.is_blank() => Tok::Tab(n),
            _ if l.is_blank() => {
                blanks += 1;
                continue;
            }
            _ if l.row.is_empty() && !l.cells && !l.bullet => Tok::Cell,
            _ => Tok::Other,
        };
        toks.push((tok, i, blanks));
        blanks = 0;
    }
    let mut rows: Vec<BlockRow> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        match block_row(&toks, k, lines) {
            Ok(row) => {
                k = row.end;
                rows.push(row);
            }
            // Every row started inside the same chain of cells would end where this
            // one failed, and fail alike: go on after it (a page of a million cells
            // is read once).
            Err(end) => k = end.max(k + 1),
        }
    }
    // Tables: runs of rows of one width, nothing but blank lines between, only the
    // last row open at its end, and that one only under [`BLOCK_TABLE_ROWS`] rows
    // that end clean (a header and a post's first paragraph are no table).
    let mut r = 0;
    while r < rows.len() {
        let width = rows[r].cells.len();
        let mut e = r + 1;
        while e < rows.len()
            && !rows[e - 1].open_end
            && rows[e].cells.len() == width
            && rows[e - 1].end == rows[e].start
        {
            e += 1;
        }
        let closed = e - r - usize::from(rows[e - 1].open_end);
        if closed >= BLOCK_TABLE_ROWS {
            for row in &rows[r..e] {
                join_row(lines, row, log);
            }
        }
        r = e;
    }
}

/// The row of [`block_cell_tables`] that starts at token `k`, or the token where
/// the attempt ended (`Err`). `toks` holds (token, index into `lines`, blank lines
/// before).
fn block_row(toks: &[(Tok, usize, usize)], k: usize, lines: &[Line]) -> Result<BlockRow, usize> {
    let one_blank = |j: usize| toks.get(j).is_some_and(|t| t.2 == 1);
    // Empty paragraphs after a cell's text (`<p>&nbsp;</p>` under it) are the
    // cell's when a tab, the page's end or a row's gap follows them: the token
    // after them, or `j` if they are not the cell's.
    let trailing_empty = |j: usize| {
        let mut t = j;
        while one_blank(t) && toks[t].0 == Tok::Empty {
            t += 1;
        }
        let ends_cell = match toks.get(t) {
            None => true,
            Some(&(Tok::Tab(_), _, b)) => b == 1,
            Some(&(_, _, b)) => b >= 2,
        };
        if t > j && ends_cell { t } else { j }
    };
    // The cell at token `j`: its text (empty for an empty cell), the token of its
    // line of text if it has one, the token after it, and whether empty paragraphs
    // (lines of special spaces) came before its text.
    let cell = |mut j: usize| -> Option<(String, Option<usize>, usize, bool)> {
        let from = j;
        while one_blank(j) && toks[j].0 == Tok::Empty {
            j += 1;
        }
        if one_blank(j) && toks[j].0 == Tok::Cell {
            let text = lines[toks[j].1].text.clone();
            return Some((text, Some(j), trailing_empty(j + 1), j > from));
        }
        (j > from).then(|| (String::new(), None, j, false))
    };
    let (first, start_line) = match toks[k] {
        (Tok::Cell, i, b) if b >= 1 || k == 0 => (lines[i].text.clone(), i),
        (Tok::Empty, i, b) if b >= 1 || k == 0 => (String::new(), i),
        _ => return Err(k + 1),
    };
    let mut cells = vec![first];
    let mut cell_lines = vec![start_line];
    let mut j = trailing_empty(k + 1);
    // The last cell's line of text, when it came after empty paragraphs.
    let mut padded = None;
    while let Some(&(Tok::Tab(n), _, 1)) = toks.get(j) {
        cells.extend(std::iter::repeat_n(String::new(), n.saturating_sub(1)));
        let Some((text, at, next, after_empty)) = cell(j + 1) else {
            // A row ending in a tab.
            return Err(j + 1);
        };
        cells.push(text);
        cell_lines.extend(at.map(|t| toks[t].1));
        padded = at.filter(|_| after_empty);
        j = next;
    }
    // A row of empty cells holds nothing to join.
    if cells.len() < 2 || cells.iter().all(String::is_empty) {
        return Err(j.max(k + 1));
    }
    let open_end = match toks.get(j).map(|t| t.2) {
        None => false,
        Some(b) if b >= 2 => false,
        Some(1) => true,
        // The last cell's line goes on after a line break.
        Some(_) => return Err(j),
    };
    // A last cell of empty paragraphs and then a line of text, with more text after
    // it, is an empty cell and the text after the table: the line is not the row's.
    if open_end && let Some(at) = padded {
        cells.pop();
        cells.push(String::new());
        cell_lines.pop();
        j = at;
    }
    Ok(BlockRow {
        cells,
        lines: cell_lines,
        start: k,
        end: j,
        open_end,
    })
}

/// The cells of `row` joined into its first line's `row`; the other cells' lines
/// left blank, pointing at it, their typographic quotes moved with their text.
fn join_row(lines: &mut [Line], row: &BlockRow, log: &mut Log) {
    let text = row_text(&row.cells);
    let typographic = row.lines.iter().any(|&i| !lines[i].quotes.is_empty());
    let quotes = if typographic {
        let written: Vec<char> = row
            .lines
            .iter()
            .flat_map(|&i| {
                let l = &lines[i];
                if l.quotes.is_empty() {
                    QuoteMark::as_written(&l.text)
                        .into_iter()
                        .map(|m| m.mark)
                        .collect::<Vec<_>>()
                } else {
                    l.quotes.iter().map(|m| m.mark).collect()
                }
            })
            .collect();
        QuoteMark::of(&text, &written)
    } else {
        Vec::new()
    };
    let first = row.lines[0];
    let numbers: Vec<String> = row.lines.iter().map(|&i| lines[i].no.to_string()).collect();
    // A row of one line with text (its other cells empty) moved nothing.
    if row.lines.len() > 1 {
        log.edit(
            lines[first].no,
            Stage::Normalise,
            Action::Changed,
            lines[first].text.clone(),
            text.clone(),
            format!(
                "a table row whose cells stood on lines {} (cells holding paragraphs, as a browser's innerText writes them) joined on one line",
                numbers.join(", ")
            ),
        );
    }
    let row_no = lines[first].no;
    for &i in &row.lines[1..] {
        lines[i].move_into(row_no);
    }
    let l = &mut lines[first];
    l.text = text;
    l.row = row.cells.clone();
    l.cells = true;
    l.quotes = quotes;
}

/// The number of a list item standing on a line of its own ("1", "2." or "3)"),
/// as a page's styled step counters come out of a browser's `innerText`: the
/// number, or `None`.
fn bare_item_number(l: &Line) -> Option<usize> {
    if !l.row.is_empty() || l.bullet || l.moved_to.is_some() {
        return None;
    }
    let t = l.text.strip_suffix(['.', ')']).unwrap_or(&l.text);
    if t.is_empty() || t.len() > 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// The index of the first line from `i` on that is not blank, skipping at most one
/// blank line.
fn next_text_line(lines: &[Line], i: usize) -> Option<usize> {
    (i..lines.len().min(i + 2)).find(|&j| !lines[j].is_blank())
}

/// The most lines a step may take after its first before the next step's number
/// (a command and its output: "Find the commit:", "git log --oneline -3", "The
/// output looks like this:", three lines of output); a printed page's number is
/// tens of lines from the next.
const STEP_LINES: usize = 12;

/// Numbered items whose numbers stood on lines of their own: "1", "Open the box.",
/// "2", "Take out the device." (a step list whose counters a page draws in boxes).
/// A run of two or more numbers counting up from 1, each followed by a line of
/// text (at most one blank line apart) and the next within [`STEP_LINES`] lines,
/// becomes the items "1. Open the box.",
/// "2. Take out the device.": each number's line holds its item's first line, and that
/// line is left blank, naming the number's line (`Line::moved_to`), so the page's
/// accounting counts it where the item goes. Each join is recorded. Before, each
/// number was read as a page number and its item as a short line between
/// boilerplate, and both were removed. Whether the list is the page's text or a
/// sidebar's ("Most read": "1", a headline, "2", a headline) is left to the
/// classifier, as for any numbered list.
fn numbers_on_their_own_lines(lines: &mut [Line], log: &mut Log) {
    let mut i = 0;
    while i < lines.len() {
        // The run's (number line, item line) pairs.
        let mut run: Vec<(usize, usize)> = Vec::new();
        let mut at = i;
        while let Some(n) = lines.get(at).and_then(bare_item_number) {
            let item = next_text_line(lines, at + 1).filter(|&j| {
                let l = &lines[j];
                l.row.is_empty()
                    && !l.bullet
                    && l.moved_to.is_none()
                    && bare_item_number(l).is_none()
                    && l.text.chars().any(char::is_alphabetic)
            });
            let Some(item) = item.filter(|_| n == run.len() + 1) else {
                break;
            };
            run.push((at, item));
            // The next number: right under the item, or after the step's other
            // lines (a command, its output), within [`STEP_LINES`] lines.
            match (item + 1..lines.len().min(item + 1 + STEP_LINES))
                .find(|&j| bare_item_number(&lines[j]).is_some())
            {
                Some(next) => at = next,
                None => break,
            }
        }
        if run.len() < 2 {
            i += 1;
            continue;
        }
        for (k, &(num, item)) in run.iter().enumerate() {
            let text = format!("{}. {}", k + 1, lines[item].text);
            let marks: Vec<char> = lines[item].quotes.iter().map(|m| m.mark).collect();
            let quotes = if marks.is_empty() {
                Vec::new()
            } else {
                QuoteMark::of(&text, &marks)
            };
            log.edit(
                lines[num].no,
                Stage::Normalise,
                Action::Changed,
                lines[num].text.clone(),
                text.clone(),
                format!(
                    "a numbered item whose number stood on a line of its own joined to its text on line {}",
                    lines[item].no
                ),
            );
            let no = lines[num].no;
            lines[item].move_into(no);
            let to = &mut lines[num];
            to.text = text;
            to.quotes = quotes;
        }
        i = run.last().map_or(i, |&(_, item)| item) + 1;
    }
}

/// A Markdown table's delimiter row ("---|---|---", "| :--- | ---: |", "|:-:|"):
/// cells of dashes, with optional colons, between pipes. CommonMark's GFM table
/// extension (the GitHub Flavored Markdown Spec, section 4.10).
fn is_delimiter_row(t: &str) -> bool {
    let inner = t.trim().trim_start_matches('|').trim_end_matches('|');
    t.contains('|')
        && inner.split('|').all(|c| {
            let c = c.trim().trim_start_matches(':').trim_end_matches(':');
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
}

/// The cells of a line written as a Markdown table row ("Masking: | None (Open
/// Label) |", "| Stage | Survival |"), split at its pipes, the edge pipes' empty
/// cells dropped and trailing empty cells too; `None` unless a pipe stands at an
/// edge of the line (a link bar, "Home | News | Contact", has none there) and two
/// cells hold text, or one when pipes stand at both edges ("| Total | | |", a row
/// with empty cells). A line with an escaped pipe (`\|`) is left as text.
fn pipe_cells(t: &str) -> Option<Vec<String>> {
    let t = t.trim();
    if !(t.starts_with('|') || t.ends_with('|')) || t.contains("\\|") {
        return None;
    }
    let both = t.len() > 1 && t.starts_with('|') && t.ends_with('|');
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells: Vec<String> = inner
        .split('|')
        .map(|c| collapse_spaces(c.trim_matches([' ', '\t'])))
        .collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    let filled = cells.iter().filter(|c| !c.is_empty()).count();
    (filled >= 2 || (both && filled == 1)).then_some(cells)
}

/// An ASCII table's border ("+----+-------+"): pipe rows between such lines are a
/// program's output, text to keep as written (a code block), not a Markdown table.
fn ascii_border(t: &str) -> bool {
    let t = t.trim();
    t.len() > 2
        && t.starts_with('+')
        && t.ends_with('+')
        && t.chars().all(|c| matches!(c, '+' | '-' | '='))
}

/// Tables a scraper wrote as Markdown (pipe rows, with or without a delimiter
/// row): two or more consecutive lines that are rows ([`pipe_cells`]; a header row
/// may lack its edge pipes when a delimiter row follows it), one of them with two
/// cells of text or more, become rows: their text is their cells joined by spaces
/// (the pipes were markup), and the table is rendered as one. The delimiter row,
/// right after the first row as GFM has it, is markup too: removed, and the removal
/// recorded with its line. A lone row keeps its pipes as text, and so do a
/// delimiter row anywhere else, one-column runs ("| Print |" / "| Email |") and
/// rows inside an ASCII table's borders ([`ascii_border`]).
fn pipe_tables(lines: &mut Vec<Line>, log: &mut Log) {
    let mut delimiters: Vec<usize> = Vec::new();
    let cells_of = |lines: &[Line], k: usize| -> Option<Vec<String>> {
        let l = &lines[k];
        if !l.row.is_empty() || l.bullet || is_delimiter_row(&l.text) {
            return None;
        }
        pipe_cells(&l.text).or_else(|| {
            let header = lines.get(k + 1).is_some_and(|n| is_delimiter_row(&n.text));
            header
                .then(|| split_row(&l.text, "|"))
                .filter(|c| !c.is_empty())
        })
    };
    let mut i = 0;
    while i < lines.len() {
        let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
        let mut delimiter = None;
        let mut j = i;
        while j < lines.len() {
            if rows.len() == 1 && delimiter.is_none() && is_delimiter_row(&lines[j].text) {
                delimiter = Some(j);
                j += 1;
                continue;
            }
            match cells_of(lines, j) {
                Some(cells) => rows.push((j, cells)),
                None => break,
            }
            j += 1;
        }
        let bordered = [i.checked_sub(1), Some(j)]
            .into_iter()
            .flatten()
            .any(|k| lines.get(k).is_some_and(|l| ascii_border(&l.text)));
        let wide = rows
            .iter()
            .any(|(_, c)| c.iter().filter(|c| !c.is_empty()).count() >= 2);
        if rows.len() >= 2 && wide && !bordered {
            delimiters.extend(delimiter);
            for (k, cells) in rows {
                lines[k].text = row_text(&cells);
                lines[k].row = cells;
            }
        }
        i = j.max(i + 1);
    }
    for &k in delimiters.iter().rev() {
        let line = lines.remove(k);
        log.edit(
            line.no,
            Stage::Normalise,
            Action::Removed,
            line.text,
            "",
            "a Markdown table's delimiter row (table markup; the table is rendered as one)",
        );
    }
}

/// Runs of spaces become one space. Spaces are ASCII, so the text is copied
/// in slices between runs (this runs on every line of every page).
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b' ' && b[i + 1] == b' ' {
            // Keep the first space of the run, skip the rest.
            out.push_str(&s[from..=i]);
            i += 1;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[from..]);
    out
}

#[derive(Default)]
struct Counter {
    count: usize,
    lines: usize,
    first: usize,
    last_line: usize,
}

impl Counter {
    fn hit(&mut self, no: usize) {
        if self.count == 0 {
            self.first = no;
        }
        self.count += 1;
        if self.last_line != no {
            self.lines += 1;
            self.last_line = no;
        }
    }

    fn report(&self, log: &mut Log, what: &str) {
        if self.count > 0 {
            log.edit(
                self.first,
                Stage::Normalise,
                Action::Changed,
                "",
                "",
                format!("{} {what} on {} line(s)", self.count, self.lines),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<Line> {
        normalise(s, &mut Log::new("t"))
    }

    /// Each row's line number and cells.
    fn row_cells(l: &[Line]) -> Vec<(usize, Vec<&str>)> {
        l.iter()
            .filter(|l| !l.row.is_empty())
            .map(|l| (l.no, l.row.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn nbsp_runs_and_leading_space() {
        let l = lines(" Abstract\u{00A0}\u{00A0} \nword\u{00A0}word ");
        assert_eq!(l[0].text, "Abstract");
        assert_eq!(l[0].indent, 1);
        assert_eq!(l[1].text, "word word");
    }

    #[test]
    fn bullets_are_recognised_and_removed() {
        let l = lines("  • combinations of drugs\n- item\n-5 degrees\n* star");
        assert!(l[0].bullet && l[0].text == "combinations of drugs" && l[0].indent == 2);
        assert!(l[1].bullet && l[1].text == "item");
        assert!(!l[2].bullet && l[2].text == "-5 degrees");
        assert!(l[3].bullet);
    }

    #[test]
    fn line_endings_and_line_numbers() {
        let mut log = Log::new("t");
        // Lines as an editor counts them: the two blank lines at the end are lines 4
        // and 5, and the last line break starts no sixth.
        let l = normalise("a\r\nb\rc\n\n\n", &mut log);
        assert_eq!(
            l.iter().map(|l| l.no).collect::<Vec<_>>(),
            vec![1, 2, 3, 4, 5]
        );
        assert!(l[3].is_blank() && l[4].is_blank());
        assert!(log.edits.iter().any(|e| e.reason.contains("CRLF")));
        // Old Mac line endings alone are converted and reported too.
        let mut log = Log::new("t");
        let l = normalise("a\rb\rc", &mut log);
        assert_eq!(l.iter().map(|l| l.no).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(log.edits.iter().any(|e| e.reason.contains("CRLF/CR")));
    }

    proptest::proptest! {
        /// A row's non-empty cells, joined by single spaces, are its text (the
        /// invariant `Unit::table_row` checks before a row is rendered as cells).
        #[test]
        fn a_rows_text_cells_are_its_text(s in "([ab\u{2003}\u{2028}•-]{0,4}[ \t]{0,4}){0,12}(\n[ab \t]{0,12}){0,3}") {
            let mut log = Log::new("f.txt");
            for l in normalise(&s, &mut log) {
                if !l.row.is_empty() {
                    proptest::prop_assert_eq!(row_text(&l.row), l.text.clone());
                }
            }
        }

        /// The slice-copying `collapse_spaces` is the plain definition: every
        /// run of spaces becomes one space.
        #[test]
        fn collapse_spaces_is_the_definition(s in "[a é\u{2003}.]{0,30}") {
            let mut reference = String::new();
            for c in s.chars() {
                if !(c == ' ' && reference.ends_with(' ')) {
                    reference.push(c);
                }
            }
            proptest::prop_assert_eq!(collapse_spaces(&s), reference);
        }
    }

    #[test]
    fn tab_separated_cells_are_a_row_and_the_text_is_unchanged() {
        let mut log = Log::new("f.txt");
        let l = normalise(
            "Cisplatin\t\tweeks 1  and 6\t\n-\tItem\tNote\n\tindented only",
            &mut log,
        );
        assert_eq!(l[0].text, "Cisplatin weeks 1 and 6");
        assert_eq!(l[0].row, ["Cisplatin", "", "weeks 1 and 6"]);
        assert!(l[0].cells);
        // A bullet before a tab is still a bullet; its cells follow it.
        assert!(l[1].bullet);
        assert_eq!(l[1].row, ["Item", "Note"]);
        // A leading tab indents: one cell of text is not a row.
        assert_eq!((l[2].indent, l[2].row.len()), (4, 0));
    }

    /// A table whose cells hold paragraphs, as a browser's innerText writes it:
    /// each cell on a line of its own between tab-only lines, rows two blank lines
    /// or more apart, one blank line before the text after it. Each row's cells go
    /// into its first cell's line; the other lines are left blank and point at it;
    /// the paragraphs before and after the table stay lines of text. An empty
    /// paragraph (a line of non-breaking spaces) before a cell's text is no cell;
    /// two tabs around a non-breaking space hold an empty cell, and so does a line
    /// of non-breaking spaces in a cell's place. A pipe table above, whose
    /// delimiter row normalise removes, moves nothing out of line.
    #[test]
    fn cells_on_lines_of_their_own_are_a_table() {
        let mut log = Log::new("t");
        let page = "| a | b |\n|---|---|\n| 1 | 2 |\n\nSeats to watch.\n\n\
                    District\n\n\t\n\nIncumbent\n\n\t\n\n\u{a0}\n\nMargin\n\n\n\n\n\
                    AZ-1\n\n\t\u{a0}\t\n\nMcCain +3\n\n\n\n\n\
                    CA-10\n\n\t\n\nJeff Denham\n\n\t\n\n\u{a0}\n\nBoth are close.\n\nThe end.\n";
        let l = normalise(page, &mut log);
        let rows = row_cells(&l);
        assert_eq!(
            rows,
            [
                (1, vec!["a", "b"]),
                (3, vec!["1", "2"]),
                (7, vec!["District", "Incumbent", "Margin"]),
                (22, vec!["AZ-1", "", "McCain +3"]),
                (31, vec!["CA-10", "Jeff Denham", ""]),
            ]
        );
        let text = |no: usize| l.iter().find(|l| l.no == no).map(|l| l.text.as_str());
        assert_eq!(text(7), Some("District Incumbent Margin"));
        assert_eq!(text(5), Some("Seats to watch."));
        assert_eq!(text(41), Some("Both are close."));
        // Each joined cell's line is blank now and names its row's line.
        let moved: Vec<(usize, usize)> = l
            .iter()
            .filter_map(|l| l.moved_to.map(|r| (l.no, r)))
            .collect();
        assert_eq!(moved, [(11, 7), (17, 7), (26, 22), (35, 31)]);
        assert!(moved.iter().all(|&(no, _)| text(no) == Some("")));
        assert!(
            log.edits.iter().any(|e| e.line == 22
                && e.before == "AZ-1"
                && e.after == "AZ-1 McCain +3"
                && e.reason
                    .starts_with("a table row whose cells stood on lines 22, 26 ")),
            "{:?}",
            log.edits
        );
    }

    /// What is not such a table stays lines of text: one row alone; a cell whose
    /// next paragraph follows after one blank line (only a table's last row may
    /// end so: the next line is not another row); rows of different widths; a row
    /// ending in a tab (an empty last cell) under another; a cell whose line goes on
    /// without a blank line (a line break inside it): its next line cannot start a
    /// row, and its own row is none; so is a first cell whose line follows another
    /// without a blank line.
    #[test]
    fn cell_lines_that_are_no_table_stay_text() {
        for page in [
            "Name\n\n\t\n\nValue\n",
            "A\n\n\t\n\nB\n\nC\n\n\t\n\nD\n",
            "A\n\n\t\n\nB\n\n\n\nC\n\n\t\n\nD\n\n\t\n\nE\n",
            "A\n\n\t\n\nB\n\n\n\nC\n\n\t\n\nD\n\n\t\n",
            "A\n\n\t\n\nB\nC\n\n\t\n\nD\n",
            "A\n\n\t\n\nB\n\n\n\nC\n\n\t\n\nD\nline two of D\n",
            "line one of A\nA\n\n\t\n\nB\n\n\n\nC\n\n\t\n\nD\n",
        ] {
            let l = lines(page);
            assert!(
                l.iter().all(|l| l.row.is_empty() && l.moved_to.is_none()),
                "{page:?}: {l:?}"
            );
        }
        // A row whose cell goes on ends a table only under two rows that end clean
        // (a header over a post's first paragraph is none), and the row after it
        // is not the table's.
        let rows = |page: &str| -> Vec<usize> {
            lines(page)
                .iter()
                .filter(|l| !l.row.is_empty())
                .map(|l| l.no)
                .collect()
        };
        assert_eq!(
            rows("H\n\n\t\n\nI\n\n\n\nA\n\n\t\n\nB\n\nC\n\n\t\n\nD\n"),
            [0; 0]
        );
        assert_eq!(
            rows("H\n\n\t\n\nI\n\n\n\nA\n\n\t\n\nB\n\n\n\nC\n\n\t\n\nD\n\nE\n\n\t\n\nF\n"),
            [1, 9, 17]
        );
    }

    /// Empty paragraphs around a cell's text are the cell's; a table may start
    /// with an empty cell, and a middle row may end with one.
    #[test]
    fn empty_paragraphs_and_empty_cells_keep_a_table_whole() {
        let l = lines(
            "\u{a0}\n\n\t\n\nB\n\n\t\n\nC\n\n\u{a0}\n\n\n\n\
             A\n\n\u{a0}\n\n\t\n\nB2\n\n\t\n\n\u{a0}\n\n\n\n\
             A3\n\n\t\n\nB3\n\n\t\n\nC3\n",
        );
        let rows = row_cells(&l);
        assert_eq!(
            rows,
            [
                (1, vec!["", "B", "C"]),
                (15, vec!["A", "B2", ""]),
                (29, vec!["A3", "B3", "C3"]),
            ]
        );
    }

    /// A scraper's Markdown table: rows with pipes at their edges (a header row
    /// with none before its delimiter row) are rows, the delimiter row goes and is
    /// recorded; a link bar, a lone row and a delimiter row alone stay text.
    #[test]
    fn markdown_pipe_rows_are_a_table() {
        let mut log = Log::default();
        let l = normalise(
            "Stage | Five-year survival\n---|---\nLocalised | about 7 in 10 |\n| Spread | about 3 in 10 |\n\n\
             Home | News | Contact\nAbout | Help | Jobs\n\nMasking: | None (Open Label) |\n\n---|---\n",
            &mut log,
        );
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Stage Five-year survival",
                "Localised about 7 in 10",
                "Spread about 3 in 10",
                "",
                "Home | News | Contact",
                "About | Help | Jobs",
                "",
                "Masking: | None (Open Label) |",
                "",
                "---|---",
            ]
        );
        assert_eq!(l[0].row, ["Stage", "Five-year survival"]);
        // Padded columns are still one Markdown table, not columns of spaces.
        let t = normalise(
            "| Name      | Value |\n|-----------|-------|\n| A         | 1     |\n| B         | 2     |\n",
            &mut log,
        );
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(
            (t[0].row.clone(), t[2].row.clone()),
            (
                vec!["Name".to_string(), "Value".into()],
                vec!["B".to_string(), "2".into()]
            )
        );
        // A program's ASCII table, one-column runs and a dash row among the data
        // stay as written.
        let t = normalise(
            "+----+-------+\n| 1 | Alice |\n| 2 | Bob |\n+----+-------+\n",
            &mut log,
        );
        assert!(
            t.iter().all(|l| l.row.is_empty() && !l.text.is_empty()),
            "{t:?}"
        );
        let t = normalise("| Print |\n| Email |\n", &mut log);
        assert!(t.iter().all(|l| l.row.is_empty()), "{t:?}");
        let t = normalise(
            "| Drug | Dose |\n|---|---|\n| A | 1 |\n| - | - |\n| B | 2 |\n",
            &mut log,
        );
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[2].text, "| - | - |");
        // A row with one filled cell, pipes at both edges, stays in its table.
        let t = normalise(
            "| Stage | Survival |\n| Total | |\n| Spread | 3 in 10 |\n",
            &mut log,
        );
        assert_eq!(t[1].row, ["Total"]);
        assert_eq!(t[1].text, "Total");
        assert_eq!(l[2].row, ["Spread", "about 3 in 10"]);
        assert!(l[4].row.is_empty() && l[7].row.is_empty());
        assert!(
            log.edits
                .iter()
                .any(|e| e.line == 2 && e.reason.contains("delimiter row"))
        );
    }

    /// A word processor's list pasted as text: "o⇥" and "§⇥" mark its lower levels'
    /// bullets and "1.⇥" its numbers, so those lines are items, not two-cell table
    /// rows; a ranked table's row ("1.⇥Hughes⇥238") stays a row.
    #[test]
    fn pasted_list_markers_before_a_tab_are_items() {
        let mut log = Log::new("t");
        let l = normalise(
            "\u{2022}\tTwo base layers\no\tone merino\n\u{a7}\tfine wool\n1.\tBreakfast oats\n12)\tTrail mix\n1.\tHughes\t238\no\n",
            &mut log,
        );
        let got: Vec<(bool, &str, usize)> = l
            .iter()
            .map(|l| (l.bullet, l.text.as_str(), l.row.len()))
            .collect();
        assert_eq!(
            got,
            [
                (true, "Two base layers", 0),
                (true, "one merino", 0),
                (true, "fine wool", 0),
                (false, "1. Breakfast oats", 0),
                (false, "12) Trail mix", 0),
                (false, "1. Hughes 238", 3),
                (false, "o", 0),
            ]
        );
    }

    /// Step numbers on lines of their own are joined to their items, and the
    /// joins are recorded; a lone number, a count that does not start at 1, a
    /// number over a number or a table row, and page numbers between paragraphs
    /// are left as they are.
    #[test]
    fn numbers_on_their_own_lines_become_numbered_items() {
        let page = "Steps:\n\n1\nOpen the box.\n2.\n\n\u{201c}Take out\u{201d} the device.\n3)\nPlug it in.\n\nDone.\n";
        let mut log = Log::new("t");
        let l = normalise(page, &mut log);
        let text = |no: usize| l.iter().find(|l| l.no == no).map(|l| l.text.as_str());
        assert_eq!(text(3), Some("1. Open the box."));
        assert_eq!(text(5), Some("2. \"Take out\" the device."));
        assert_eq!(text(8), Some("3. Plug it in."));
        assert_eq!(text(11), Some("Done."));
        let moved: Vec<(usize, usize)> = l
            .iter()
            .filter_map(|l| l.moved_to.map(|r| (l.no, r)))
            .collect();
        assert_eq!(moved, [(4, 3), (7, 5), (9, 8)]);
        // The typographic quotes of a moved item go with it.
        let item = l.iter().find(|l| l.no == 5).map(|l| l.quotes.clone());
        assert_eq!(
            item.unwrap_or_default()
                .iter()
                .map(|m| m.mark)
                .collect::<String>(),
            "\u{201c}\u{201d}"
        );
        let joins: Vec<(usize, &str, &str)> = log
            .edits
            .iter()
            .filter(|e| e.reason.starts_with("a numbered item whose number stood"))
            .map(|e| (e.line, e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(
            joins,
            [
                (3, "1", "1. Open the box."),
                (5, "2.", "2. \"Take out\" the device."),
                (8, "3)", "3. Plug it in.")
            ]
        );
        // A step of several lines (its command, the command's output) ends at the
        // next number.
        let mut log = Log::new("t");
        let l = normalise(
            "1.\nFind the commit:\ngit log --oneline -3\nThe output looks like this:\na1b2c3d Add login form\n9f8e7d6 Fix typo\n2.\nReset to it:\ngit reset --soft HEAD~1\n",
            &mut log,
        );
        let text = |no: usize| l.iter().find(|l| l.no == no).map(|l| l.text.as_str());
        assert_eq!(text(1), Some("1. Find the commit:"));
        assert_eq!(text(3), Some("git log --oneline -3"));
        assert_eq!(text(7), Some("2. Reset to it:"));
        assert_eq!(text(9), Some("git reset --soft HEAD~1"));
        for page in [
            // One number alone.
            "1\nOpen the box.\n\nThen wait.\n",
            // A count that starts at 2 (a page's second page number).
            "2\nOpen the box.\n3\nTake it out.\n",
            // A number over a number: a score or a page count.
            "1\n2\n3\n4\n",
            // Page numbers between paragraphs two blank lines away.
            "1\n\n\nA paragraph.\n\n\n2\n\n\nAnother.\n",
            // A table's rows under the numbers.
            "1\nStage\tSurvival\n2\nLocal\t70%\n",
            // Printed pages' numbers, a page of lines apart.
            &format!(
                "1\nPage one.\n{}2\nPage two.\n",
                "A line of the page.\n".repeat(12)
            ),
        ] {
            let mut log = Log::new("t");
            let l = normalise(page, &mut log);
            assert!(l.iter().all(|l| l.moved_to.is_none()), "{page:?}");
            assert!(log.edits.is_empty(), "{page:?}: {:?}", log.edits);
        }
    }

    #[test]
    fn space_aligned_columns_are_rows_only_on_two_lines_or_more() {
        let mut log = Log::new("f.txt");
        let l = normalise(
            "PDF options:  View Fullscreen   Download PDF\n\nGroup     Event-free   Overall\nGood      64%          81%\nPoor response   55%\n",
            &mut log,
        );
        assert!(l[0].row.is_empty(), "one line with a gap is not a table");
        assert_eq!(l[2].row, ["Group", "Event-free", "Overall"]);
        assert_eq!(l[3].row, ["Good", "64%", "81%"]);
        assert_eq!(l[3].text, "Good 64% 81%");
        // Two parts, not three: the run of rows ends.
        assert!(l[4].row.is_empty());
        // Wide parts are prose with a gap, not cells.
        let wide = format!("{}   b\n{}   c", "a".repeat(61), "d".repeat(61));
        assert!(normalise(&wide, &mut log).iter().all(|l| l.row.is_empty()));
    }

    #[test]
    fn mojibake_is_repaired_and_recorded() {
        let mut log = Log::new("f.txt");
        let l = normalise(
            "Kosovo\u{e2}\u{20ac}\u{2122}s future, caf\u{c3}\u{a9}, 10\u{c2}\u{b0}C",
            &mut log,
        );
        assert_eq!(l[0].text, "Kosovo's future, café, 10°C");
        assert!(
            log.edits
                .iter()
                .any(|e| e.reason.starts_with("mojibake") && e.line == 1)
        );
        // Correct text is never touched: accents and symbols that are not mojibake.
        for ok in [
            "Müller and Ångström",
            "naïve café à la carte",
            "£5 · 20°C",
            "Ã alone",
        ] {
            assert_eq!(undo_mojibake(ok), None, "{ok}");
        }
    }

    #[test]
    fn quotes_nfc_and_control_characters() {
        let mut log = Log::new("t");
        let l = normalise("Ewing\u{2019}s e\u{0301}\u{0007}", &mut log);
        assert_eq!(l[0].text, "Ewing's \u{00E9}");
        assert!(log.edits.iter().any(|e| e.reason.contains("control")));
    }

    /// A table laid out with spaces keeps a header that is one part short and
    /// indented past its rows: its first cell is the empty corner. The same line
    /// indented no further than the rows (a code block's output) is left alone.
    #[test]
    fn an_indented_space_table_header_is_the_tables() {
        let page = |header: &str, rows: &str| {
            crate::clean::outline_of(&format!(
                "Bone tumour grading at a glance\n\nPathologists grade bone tumours by how abnormal the cells look under the microscope, and the grade affects both treatment and outlook.\n\n{header}\n{rows}\nYour pathology report will say which grade your tumour is, and your team will explain it.\n"
            ))
        };
        let rows = "Growth           Slow            Fast\nSpread           Rare            Common\nChemotherapy     Not usually     Usually\n";
        let out = page("                 Low grade       High grade", rows);
        assert!(
            out.contains("|  | Low grade | High grade |\n| Growth | Slow | Fast |\n"),
            "{out}"
        );
        let indented: String = rows.lines().map(|l| format!("    {l}\n")).collect();
        let out = page("    Low grade       High grade", &indented);
        assert!(!out.contains("|  | Low grade"), "{out}");
    }
}
