//! The assemble stage: the typed document a page becomes, from its classified units:
//! headings and their levels, the title, metadata, and the reference list and in-text
//! citations (`references.rs`).

pub(crate) mod quotes;
pub(crate) mod references;

use crate::clean::classify::{Classified, Kind};
use crate::config::PageMeta;
use crate::model::MetaKey;
use crate::record::{Action, Log, Stage};
use crate::text;
use foldhash::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TitleOrigin {
    /// From the metadata file.
    Metadata,
    /// A line of the page.
    Page { line: usize },
    /// The page has no title; derived from its most frequent phrase.
    Derived,
    /// Nothing to derive from: the file name.
    FileName,
}

/// One row of a [`Block::Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableRow {
    /// The cells, in order; empty cells keep the columns aligned.
    pub(crate) cells: Vec<String>,
    /// The raw line (1-based) the row came from.
    pub(crate) line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListEntry {
    pub(crate) text: String,
    /// Continuation lines (authors, journal) shown as separate lines.
    pub(crate) extra: Vec<String>,
    pub(crate) line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    Heading {
        level: u8,
        text: String,
        line: usize,
    },
    Paragraph {
        text: String,
        line: usize,
    },
    List {
        ordered: bool,
        /// The number of an ordered list's first item (1 unless the source's numbers
        /// count up by one from another: "47.", "48.", … of a list cut by the page).
        start: usize,
        items: Vec<ListEntry>,
    },
    Figure {
        label: Option<String>,
        text: String,
        line: usize,
    },
    /// A table: two or more consecutive rows kept as text, each a list of cells
    /// (rows may differ in length; the first row is rendered as the header).
    Table {
        rows: Vec<TableRow>,
    },
    /// A code block (`classify::code`): its lines as scraped (after normalisation:
    /// tabs and runs of spaces inside a line are single spaces), each with its
    /// leading indentation, joined with "\n", and with one blank line where the page
    /// had one or more inside the block.
    Code {
        text: String,
        line: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MetaField {
    pub(crate) key: MetaKey,
    pub(crate) value: String,
    pub(crate) line: usize,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// The seed's file name.
    pub file: String,
    pub(crate) title: String,
    pub(crate) title_origin: TitleOrigin,
    /// Metadata found on the page, in page order.
    pub(crate) meta: Vec<MetaField>,
    /// What the editor told us about the page.
    pub(crate) page: PageMeta,
    pub(crate) blocks: Vec<Block>,
    /// The page's reference list, numbered 1.. as the source numbers it.
    pub(crate) references: Vec<crate::clean::assemble::references::Reference>,
    /// The page's language as a BCP 47 tag ("es") when it is not English: its chapter
    /// says so in a `lang` attribute, so that screen readers speak it in that language.
    pub(crate) language: Option<&'static str>,
}

impl Document {
    /// The first value of `key` found on the page, if any.
    pub(crate) fn meta(&self, key: MetaKey) -> Option<&str> {
        self.meta
            .iter()
            .find(|m| m.key == key && !m.value.is_empty())
            .map(|m| m.value.as_str())
    }

    /// Every value of `key` found on the page, in page order, each once: a page
    /// has several affiliations, author lines or history dates.
    pub(crate) fn meta_all(&self, key: MetaKey) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in &self.meta {
            if m.key == key && !m.value.is_empty() && !out.contains(&m.value.as_str()) {
                out.push(m.value.as_str());
            }
        }
        out
    }

    /// The page's reference list, parsed.
    pub fn references(&self) -> &[references::Reference] {
        &self.references
    }

    /// A plain-text outline (title, metadata, blocks; nothing escaped) for
    /// tests and for reading what the cleaner understood of a page.
    pub fn outline(&self) -> String {
        let mut out = format!("# {}\n", self.title);
        for m in &self.meta {
            if !m.value.is_empty() {
                out.push_str(&format!("meta {}: {}\n", m.key.label(), m.value));
            }
        }
        for b in &self.blocks {
            out.push('\n');
            match b {
                Block::Heading { level, text, .. } => {
                    out.push_str(&format!("{} {text}\n", "#".repeat(*level as usize)));
                }
                Block::Paragraph { text, .. } => out.push_str(&format!("{text}\n")),
                Block::Figure { label, text, .. } => match label {
                    Some(l) => out.push_str(&format!("[figure {l}] {text}\n")),
                    None => out.push_str(&format!("[figure] {text}\n")),
                },
                Block::Table { rows, .. } => {
                    for r in rows {
                        out.push_str(&format!("| {} |\n", r.cells.join(" | ")));
                    }
                }
                Block::Code { text, .. } => out.push_str(&format!("```\n{text}\n```\n")),
                Block::List {
                    ordered,
                    start,
                    items,
                } => {
                    for (i, it) in items.iter().enumerate() {
                        let marker = list_marker(*ordered, start + i);
                        let mut line = format!("{marker} {}", it.text);
                        for e in &it.extra {
                            line.push_str(" / ");
                            line.push_str(e);
                        }
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
            }
        }
        for (i, r) in self.references.iter().enumerate() {
            if i == 0 {
                out.push_str("\n## References\n");
            }
            out.push_str(&format!("[{}] {}\n", i + 1, r.raw));
        }
        out
    }

    /// Words of body text.
    pub(crate) fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Heading { text, .. }
                | Block::Paragraph { text, .. }
                | Block::Figure { text, .. } => text::word_count(text),
                Block::List { items, .. } => items.iter().map(|i| text::word_count(&i.text)).sum(),
                Block::Table { rows, .. } => rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .map(|c| text::word_count(c))
                    .sum(),
                Block::Code { text, .. } => text::word_count(text),
            })
            .sum()
    }
}

/// Assemble the document of one page.
pub(crate) fn assemble(file: &str, page: &PageMeta, c: Classified, log: &mut Log) -> Document {
    let mut meta = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut page_title = None;
    let mut numbers: Vec<(usize, String)> = Vec::new();
    let in_table = table_rows(&c);
    let language = c.language.tag();
    for (idx, it) in c.items.iter().enumerate() {
        let line = it.unit.first;
        if in_table[idx]
            && let Some(row) = it.unit.table_row()
        {
            let row = TableRow {
                cells: row.to_vec(),
                line,
            };
            match blocks.last_mut() {
                // A blank line and another number of cells start a new table.
                Some(Block::Table { rows })
                    if idx > 0
                        && in_table[idx - 1]
                        && !(it.unit.gap_before
                            && rows
                                .last()
                                .is_some_and(|r| r.cells.len() != row.cells.len())) =>
                {
                    rows.push(row)
                }
                _ => blocks.push(Block::Table { rows: vec![row] }),
            }
            continue;
        }
        if it.unit.code && it.kind == Kind::Paragraph {
            let indented = |u: &crate::clean::reflow::Unit, least: usize| {
                format!("{}{}", " ".repeat(u.indent - least), u.text)
            };
            match blocks.last_mut() {
                Some(Block::Code { text, .. })
                    if idx > 0
                        && c.items[idx - 1].unit.code
                        && c.items[idx - 1].kind == Kind::Paragraph =>
                {
                    // A blank line inside the code is kept.
                    let blank = it.unit.first > c.items[idx - 1].unit.last + 1;
                    text.push_str(if blank { "\n\n" } else { "\n" });
                    text.push_str(&indented(&it.unit, 0));
                }
                _ => blocks.push(Block::Code {
                    text: indented(&it.unit, 0),
                    line,
                }),
            }
            continue;
        }
        match &it.kind {
            Kind::Title => page_title = Some((it.unit.text.clone(), line)),
            Kind::Meta { key, value } => {
                meta.push(MetaField {
                    key: *key,
                    value: value.clone(),
                    line,
                });
                if *key == MetaKey::Authors
                    && let Some(j) = crate::clean::classify::journal_after_authors(&it.unit.text)
                {
                    meta.push(MetaField {
                        key: MetaKey::Journal,
                        value: j,
                        line,
                    });
                }
                for (k, value) in crate::clean::classify::byline_extras(*key, &it.unit.text) {
                    if !meta.iter().any(|m: &MetaField| m.key == k) {
                        meta.push(MetaField {
                            key: k,
                            value,
                            line,
                        });
                    }
                }
            }
            Kind::Heading => match label_and_value(&it.unit) {
                Some(text) => {
                    log.edit(
                        line,
                        crate::record::Stage::Assemble,
                        crate::record::Action::Changed,
                        it.unit.text.clone(),
                        text.clone(),
                        "a lone table row of a label and its value: a paragraph, not a heading",
                    );
                    blocks.push(Block::Paragraph { text, line })
                }
                None => blocks.push(Block::Heading {
                    level: 2,
                    text: it.unit.text.clone(),
                    line,
                }),
            },
            Kind::Paragraph | Kind::Open => blocks.push(Block::Paragraph {
                text: it.unit.text.clone(),
                line,
            }),
            Kind::Caption { label } => blocks.push(Block::Figure {
                label: label.clone(),
                text: it.unit.text.clone(),
                line,
            }),
            Kind::ListItem { ordered } => {
                let text = strip_number(&it.unit.text, *ordered);
                if *ordered {
                    let marker = it.unit.text[..it.unit.text.len() - text.len()].trim();
                    numbers.push((line, marker.to_string()));
                }
                let entry = ListEntry {
                    text,
                    extra: it.unit.extra.clone(),
                    line,
                };
                match blocks.last_mut() {
                    Some(Block::List {
                        ordered: o, items, ..
                    }) if o == ordered => items.push(entry),
                    _ => blocks.push(Block::List {
                        ordered: *ordered,
                        start: 1,
                        items: vec![entry],
                    }),
                }
            }
            Kind::Drop(_) | Kind::FigureLabel => {}
        }
    }
    set_heading_levels(&mut blocks);
    for b in &mut blocks {
        if let Block::Table { rows } = b {
            align_columns(rows, log);
        }
    }
    number_lists(&mut blocks, &numbers, log);
    let references = crate::clean::assemble::references::take_reference_list(&mut blocks, log);
    crate::clean::assemble::references::check_citations(&blocks, references.len(), log);
    let (title, title_origin) = if let Some(t) = page.title.clone() {
        (t, TitleOrigin::Metadata)
    } else if let Some((t, line)) = page_title {
        log.edit(
            line,
            Stage::Classify,
            Action::ChosenAsTitle,
            t.clone(),
            "",
            c.title_reason.clone().unwrap_or_default(),
        );
        (t, TitleOrigin::Page { line })
    } else if let Some(t) = derive_title(&blocks) {
        log.warn(
            0,
            format!(
                "the page has no title line; derived \"{t}\" from its most frequent phrase. Set `title` for this file in the metadata file to choose one"
            ),
        );
        (t, TitleOrigin::Derived)
    } else {
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s).to_string();
        log.warn(
            0,
            "the page has no title and no text to derive one from; using the file name",
        );
        (stem, TitleOrigin::FileName)
    };
    Document {
        file: file.to_string(),
        title,
        title_origin,
        meta,
        page: page.clone(),
        blocks,
        references,
        language,
    }
}

/// Puts a table's cells over their columns: a column empty in every row goes (a
/// row's leading tab kept as an empty cell by `normalise`, an icon's column). A
/// header one cell short of two or more rows that all agree is left in order (the
/// renderer pads it at its end) with a warning naming its line: which cell the
/// scrape lost cannot be told from the text. The top-left corner is the usual one
/// ("Osteosarcoma⇥Ewing sarcoma" over "Usual age⇥10 to 25⇥10 to 20"), but a dose
/// table's "Drug⇥Dose" over "Cisplatin⇥120 mg/m2⇥day 1" lost its last; set at the
/// front, "Drug" would head the doses. A corner the page kept (a leading tab, a
/// header indented past the rows) is a cell like any other.
fn align_columns(rows: &mut [TableRow], log: &mut Log) {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for k in (0..width).rev() {
        if rows
            .iter()
            .all(|r| r.cells.get(k).is_none_or(String::is_empty))
        {
            for r in rows.iter_mut() {
                if k < r.cells.len() {
                    r.cells.remove(k);
                }
            }
        }
    }
    let Some((head, body)) = rows.split_first() else {
        return;
    };
    let Some(n) = body.first().map(|r| r.cells.len()) else {
        return;
    };
    if body.len() >= 2 && body.iter().all(|r| r.cells.len() == n) && head.cells.len() + 1 == n {
        log.warn(
            head.line,
            format!(
                "the table's header row has {} cells and its rows {n}: its cells are set over the first columns, the last left empty; check which column each names (the scrape may have lost the empty top-left cell)",
                head.cells.len()
            ),
        );
    }
}

/// A lone table row of two cells, a label and its value ("Other names⇥Osteogenic
/// sarcoma", an infobox's row outside the table the rest of it makes), kept as a
/// heading: its text to stand as a paragraph instead, as "label: value" when the
/// label is a name of four words or fewer that ends in no stop or dash and neither
/// cell holds a colon ("Demonym(s): New Zealander"), else its cells joined by a
/// space as before. As a heading it read "Other names Osteogenic sarcoma" and
/// started a section. `None` (the heading stays) for any other unit, and for a
/// row whose label numbers a section ([`SECTION_LABEL`]: "2⇥Methods", "Chapter
/// 1⇥Introduction", "IV⇥Results", "A.⇥Scope") or holds no letter.
///
/// In the public cleaning sets' text, 31 rows are such headings (CleanEval 20,
/// mostly a cycling calendar's "Distance: 165 mi⇥When: Sun, April 18"; Readability
/// 7, Wikipedia's infobox; L3S-GN1 4); the shingle F1 does not see the change.
fn label_and_value(u: &crate::clean::reflow::Unit) -> Option<String> {
    let [label, value] = u.table_row()? else {
        return None;
    };
    if !label.chars().any(char::is_alphabetic) || SECTION_LABEL.is_match(label.trim()) {
        return None;
    }
    let named = text::at_most_words(label, 4)
        && !label.ends_with(|c: char| ".,;:!?-–".contains(c))
        && !label.contains(':')
        && !value.contains(':');
    Some(format!("{label}{}{value}", if named { ": " } else { " " }))
}

/// A label that numbers a section, in a row that is a numbered heading ("Chapter
/// 1⇥Introduction"): a word of document structure and a number or a letter
/// ("Chapter 1", "Appendix A", "Step 3", "Part IV"), a Roman numeral ("IV", "iv."),
/// or a letter with a stop or a bracket ("A.", "b)").
static SECTION_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    text::builtin_regex(
        r"(?i)^(?:(?:chapter|part|section|appendix|annex|step|stage|unit|lesson|article|book|volume|table|figure)\s+(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]?|[ivxlc]+[.)]?|[a-z][.)])$",
    )
});

/// Which items are rows of a table: runs of two or more consecutive items that are
/// one-line table rows (tab-separated cells, or cells laid out with spaces; see
/// `normalise::Line::row`) and that the classifier kept as text (a heading, a
/// paragraph or a list item). A row the classifier removed (a menu bar, an infobox
/// before the text) ends the run; a lone row stays what it was classified as (a
/// label and its value kept as a heading becomes a paragraph: [`label_and_value`]).
fn table_rows(c: &Classified) -> Vec<bool> {
    let row = |i: usize| {
        let it = &c.items[i];
        matches!(
            it.kind,
            Kind::Heading | Kind::Paragraph | Kind::Open | Kind::ListItem { .. }
        ) && it.unit.table_row().is_some()
    };
    let mut out = vec![false; c.items.len()];
    let mut i = 0;
    while i < c.items.len() {
        let mut j = i;
        while j < c.items.len() && row(j) {
            j += 1;
        }
        if j - i >= 2 {
            out[i..j].fill(true);
        }
        i = j.max(i + 1);
    }
    out
}

/// The Markdown marker of an item numbered `number` ("7." of an ordered list, or
/// "-").
pub(crate) fn list_marker(ordered: bool, number: usize) -> String {
    if ordered {
        format!("{number}.")
    } else {
        "-".into()
    }
}

/// The digits of a source list marker ("12." → 12, "(3)" → 3).
fn marker_number(marker: &str) -> Option<usize> {
    let digits: String = marker.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Ordered lists' numbers: a list whose source numbers count up by one from a
/// number other than 1 (the second part of a list the page split, "47." "48."
/// "49.") keeps them, starting there (a CommonMark start number); any other is
/// rendered 1, 2, 3 …, and where a source number differs ("1. 1. 1." on PubMed, an
/// item lost from the middle) the change is recorded. `numbers` holds each
/// numbered item's line and source marker.
fn number_lists(blocks: &mut [Block], numbers: &[(usize, String)], log: &mut Log) {
    let original: HashMap<usize, &str> = numbers.iter().map(|(l, m)| (*l, m.as_str())).collect();
    for b in blocks {
        let Block::List {
            ordered: true,
            start,
            items,
        } = b
        else {
            continue;
        };
        let source: Vec<Option<usize>> = items
            .iter()
            .map(|it| original.get(&it.line).and_then(|m| marker_number(m)))
            .collect();
        if let Some(Some(first)) = source.first().copied()
            && first > 1
            && source
                .iter()
                .enumerate()
                .all(|(i, &n)| n == Some(first + i))
        {
            *start = first;
        }
        for (i, it) in items.iter().enumerate() {
            let Some(marker) = original.get(&it.line) else {
                continue;
            };
            if marker_number(marker) != Some(*start + i) {
                log.edit(
                    it.line,
                    crate::record::Stage::Assemble,
                    crate::record::Action::Changed,
                    *marker,
                    format!("{}.", *start + i),
                    "list renumbered in order",
                );
            }
        }
    }
}

fn strip_number(t: &str, ordered: bool) -> String {
    if !ordered {
        return t.to_string();
    }
    if let Some(rest) = t.strip_prefix("^ ") {
        return rest.to_string();
    }
    let rest = t.trim_start_matches(['(', '[']);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.strip_prefix(['.', ')', ']'])
        .map_or(t, str::trim_start)
        .to_string()
}

/// Numbered headings ("2.1 Methods") nest by their number. Otherwise a heading
/// directly followed by another heading is a parent: the headings after it are
/// one level deeper until the next such parent.
fn set_heading_levels(blocks: &mut [Block]) {
    let mut in_parent = false;
    for i in 0..blocks.len() {
        let next_is_heading = matches!(blocks.get(i + 1), Some(Block::Heading { .. }));
        if let Block::Heading { level, text, .. } = &mut blocks[i] {
            if let Some(depth) = numbered_depth(text) {
                *level = (depth + 1).min(6) as u8;
                continue;
            }
            if next_is_heading {
                *level = 2;
                in_parent = true;
            } else {
                *level = if in_parent { 3 } else { 2 };
            }
        }
    }
}

/// "2. Methods" → 1, "2.1 Design" → 2.
fn numbered_depth(t: &str) -> Option<usize> {
    let num: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let rest = &t[num.len()..];
    if num.is_empty() || !rest.starts_with(' ') || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(num.trim_end_matches('.').split('.').count())
}

/// The body's words for `derive_title`, each once: its spelling (`orig`),
/// the paragraphs as ranges of words (phrases never cross them), and the
/// lower-case words joined by single spaces with each word's bounds in it, so
/// that the phrase of words k..k+n is one slice. Words hold no spaces, and a
/// space sorts before every character a word can hold, so comparing slices
/// compares word lists. Also whether each word is a stop word or has a digit.
struct TitleWords<'a> {
    orig: Vec<&'a str>,
    spans: Vec<std::ops::Range<usize>>,
    lower: String,
    bounds: Vec<(usize, usize)>,
    stop: Vec<bool>,
    digit: Vec<bool>,
}

impl<'a> TitleWords<'a> {
    fn of(blocks: &'a [Block]) -> TitleWords<'a> {
        let mut orig: Vec<&str> = Vec::new();
        let mut spans = Vec::new();
        for b in blocks {
            if let Block::Paragraph { text: t, .. } = b {
                let start = orig.len();
                orig.extend(text::words(t));
                spans.push(start..orig.len());
            }
        }
        let mut lower = String::new();
        let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(orig.len());
        for w in &orig {
            if !lower.is_empty() {
                lower.push(' ');
            }
            let start = lower.len();
            text::push_lower(&mut lower, w);
            bounds.push((start, lower.len()));
        }
        let stop = orig.iter().map(|w| text::is_stop_word(w)).collect();
        let digit = orig
            .iter()
            .map(|w| w.bytes().any(|b| b.is_ascii_digit()))
            .collect();
        TitleWords {
            orig,
            spans,
            lower,
            bounds,
            stop,
            digit,
        }
    }

    /// The title from counted phrases `(phrase, uses, first word, words)`: the
    /// most words × uses, earliest on a tie (then the smaller phrase), in the
    /// spelling of its first use.
    fn best<'b>(
        &self,
        found: impl Iterator<Item = (&'b str, usize, usize, usize)>,
    ) -> Option<String> {
        let (_, _, at, len) = found.max_by(|(ka, ca, pa, na), (kb, cb, pb, nb)| {
            (na * ca)
                .cmp(&(nb * cb))
                .then(pb.cmp(pa))
                .then_with(|| kb.cmp(ka))
        })?;
        let phrase = self.orig[at..at + len].join(" ");
        let mut chars = phrase.chars();
        let first = chars.next()?;
        Some(first.to_uppercase().chain(chars).collect())
    }
}

/// The phrase (2 to 6 words, content words at both ends, used at least three
/// times in the body) with the most words × uses, earliest on a tie: what the
/// page is about, for pages with no title.
pub(crate) fn derive_title(blocks: &[Block]) -> Option<String> {
    let w = TitleWords::of(blocks);
    let (lower, bounds, stop, digit) = (&w.lower, &w.bounds, &w.stop, &w.digit);
    // Phrases of 2 to 6 words inside one paragraph, without digits, that occur
    // 3+ times. Level by level: a phrase of n + 1 words occurs no more often
    // than its first n words, so only the starts of frequent phrases are
    // extended (nearly every pair of words is rare: one pass of hashing over
    // the page, not five). Whether a phrase may begin or end on a stop word
    // depends on its words only, so it is decided per phrase.
    let mut span_end = vec![0; w.orig.len()];
    for span in &w.spans {
        span_end[span.clone()].fill(span.end);
    }
    let mut starts: Vec<usize> = (0..w.orig.len())
        .filter(|&k| k + 2 <= span_end[k] && !digit[k] && !digit[k + 1])
        .collect();
    // (phrase, count, first position, number of words)
    let mut found: Vec<(&str, usize, usize, usize)> = Vec::new();
    let mut level: HashMap<&str, (usize, usize)> = HashMap::default();
    for n in 2..=6 {
        level.clear();
        let phrase = |k: usize| &lower[bounds[k].0..bounds[k + n - 1].1];
        for &k in &starts {
            level.entry(phrase(k)).or_insert((0, k)).0 += 1;
        }
        for (p, &(c, first)) in &level {
            if c >= 3 && !stop[first] && !stop[first + n - 1] {
                found.push((p, c, first, n));
            }
        }
        starts.retain(|&k| {
            k + n < span_end[k] && !digit[k + n] && level.get(phrase(k)).is_some_and(|e| e.0 >= 3)
        });
    }
    w.best(found.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition (every phrase of 2 to 6 words counted), which the
    /// level-by-level count must agree with.
    fn derive_title_reference(blocks: &[Block]) -> Option<String> {
        let w = TitleWords::of(blocks);
        let (lower, bounds, stop, digit) = (&w.lower, &w.bounds, &w.stop, &w.digit);
        // phrase (lower case) → (count, first position, number of words)
        let mut counts: HashMap<&str, (usize, usize, usize)> = HashMap::default();
        for span in w.spans.iter().cloned() {
            for n in 2..=6 {
                for k in span.start..(span.end + 1).saturating_sub(n).max(span.start) {
                    let w = k..k + n;
                    if stop[k] || stop[k + n - 1] || digit[w.clone()].iter().any(|d| *d) {
                        continue;
                    }
                    let phrase = &lower[bounds[k].0..bounds[k + n - 1].1];
                    counts.entry(phrase).or_insert((0, k, n)).0 += 1;
                }
            }
        }
        w.best(
            counts
                .into_iter()
                .filter(|(_, (c, _, _))| *c >= 3)
                .map(|(p, (c, k, n))| (p, c, k, n)),
        )
    }

    proptest::proptest! {
        #[test]
        fn derived_title_is_the_plain_definition(
            paras in proptest::collection::vec(
                proptest::collection::vec(
                    // Few words, so that long phrases repeat.
                    proptest::sample::select(vec!["bone", "Bone", "tumour", "of", "2021", "x1"]),
                    0..40,
                ),
                1..5,
            )
        ) {
            let blocks: Vec<Block> = paras.iter().map(|w| para(&w.join(" "))).collect();
            proptest::prop_assert_eq!(derive_title(&blocks), derive_title_reference(&blocks));
        }
    }

    /// An encyclopaedia's infobox row standing apart from the rest of its table
    /// (its image's caption between) was a heading, "Other names Osteogenic
    /// sarcoma", over a section of its own; it is its label and value.
    #[test]
    fn a_lone_label_and_value_row_is_no_heading() {
        let page = "Osteosarcoma\n\
            From Wikipedia, the free encyclopedia\n\
            Jump to navigation Jump to search\n\
            \"Osteogenic sarcoma\" redirects here. For the same tumour in dogs, see Osteosarcoma in dogs.\n\
            Osteosarcoma\n\
            Other names\tOsteogenic sarcoma\n\
            X-ray of an osteosarcoma of the distal femur, showing a sunburst pattern\n\
            Specialty\tOncology\n\
            Symptoms\tBone pain, swelling, a lump, limited movement\n\
            Usual onset\tAdolescence\n\
            Types\tConventional, telangiectatic, small cell, low-grade central, parosteal, periosteal\n\
            Risk factors\tPrevious radiation therapy, Paget's disease of bone, hereditary retinoblastoma\n\
            Diagnostic method\tMedical imaging, biopsy\n\
            Treatment\tSurgery, chemotherapy\n\
            Prognosis\tFive-year survival about 65% (localised disease)\n\
            Frequency\tAbout 4 per million people a year\n\
            \n\
            Osteosarcoma (OS) is a cancerous tumor of bone in which the malignant cells produce immature bone, called osteoid. It is the most common primary malignant tumor of bone in children and young adults, and it most often arises in the long bones near the knee.[1]\n\
            \n\
            The disease usually presents with pain at the site of the tumor, which may be worse at night, and sometimes with a lump or a fracture through the weakened bone.[2] Diagnosis relies on imaging and a biopsy reviewed by a specialist pathologist.[3]\n\
            \n\
            Contents\n\
            1\tSigns and symptoms\n\
            2\tCause\n\
            3\tDiagnosis\n\
            4\tTreatment\n\
            5\tPrognosis\n\
            6\tReferences\n\
            \n\
            Signs and symptoms[edit]\n\
            Many patients first complain of pain that may be worse at night, may be intermittent and of varying intensity, and may have been present for a long time. Teenagers who are active in sports often complain of pain in the lower femur, or immediately below the knee.[4]\n\
            \n\
            Cause[edit]\n";
        let cleaned = crate::clean::clean_one("p.txt", page.as_bytes()).unwrap();
        let blocks = &cleaned.pages[0].doc.blocks;
        let heading = |t: &str| {
            blocks
                .iter()
                .any(|b| matches!(b, Block::Heading { text, .. } if text.contains(t)))
        };
        assert!(
            blocks.iter().any(
                |b| matches!(b, Block::Paragraph { text, .. } if text == "Other names: Osteogenic sarcoma")
            ),
            "{blocks:?}"
        );
        assert!(!heading("Other names"), "{blocks:?}");
        // The rest of the infobox is its table.
        assert!(
            blocks
                .iter()
                .any(|b| matches!(b, Block::Table { rows } if rows.len() == 9)),
            "{blocks:?}"
        );
    }

    /// Which lone rows become a label and its value, and how they read.
    #[test]
    fn label_and_value_keeps_numbered_headings_and_colons() {
        let row = |cells: &[&str]| {
            let row: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            let u = crate::clean::reflow::Unit {
                first: 1,
                last: 1,
                text: crate::clean::normalise::row_text(&row),
                row,
                ..Default::default()
            };
            label_and_value(&u)
        };
        assert_eq!(
            row(&["Other names", "Osteogenic sarcoma"]).as_deref(),
            Some("Other names: Osteogenic sarcoma")
        );
        assert_eq!(
            row(&["Demonym(s)", "New Zealander"]).as_deref(),
            Some("Demonym(s): New Zealander")
        );
        // A colon in a cell, or a label ending in a stop: the cells as they were.
        assert_eq!(
            row(&["Distance: 165 mi", "When: Sun, April 18"]).as_deref(),
            Some("Distance: 165 mi When: Sun, April 18")
        );
        assert_eq!(
            row(&["Symptoms:", "Pain"]).as_deref(),
            Some("Symptoms: Pain")
        );
        // Numbered headings stay headings.
        for label in [
            "2",
            "2.1",
            "Chapter 1",
            "Appendix A",
            "Step 3",
            "IV",
            "iv.",
            "A.",
            "b)",
            "•",
        ] {
            assert_eq!(row(&[label, "Introduction"]), None, "{label}");
        }
    }

    fn para(t: &str) -> Block {
        Block::Paragraph {
            text: t.into(),
            line: 1,
        }
    }

    #[test]
    fn derived_title_prefers_long_frequent_phrase() {
        let b = vec![
            para("Metastatic osteosarcoma in pediatric patients is hard."),
            para("We treat metastatic osteosarcoma in pediatric patients."),
            para("Outcomes for metastatic osteosarcoma in pediatric patients vary."),
            para("Bone tumours differ. Bone tumours vary. Bone tumours grow."),
        ];
        assert_eq!(
            derive_title(&b).as_deref(),
            Some("Metastatic osteosarcoma in pediatric patients")
        );
        assert_eq!(derive_title(&[para("nothing repeats here")]), None);
    }

    #[test]
    fn heading_levels() {
        let h = |t: &str| Block::Heading {
            level: 0,
            text: t.into(),
            line: 1,
        };
        let mut b = vec![
            h("Understanding cells"),
            h("How cells work"),
            para("x"),
            h("Genetic changes"),
            para("y"),
        ];
        set_heading_levels(&mut b);
        let levels: Vec<u8> = b
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .collect();
        assert_eq!(levels, vec![2, 3, 3]);
        let mut n = vec![h("2. Methods"), para("x"), h("2.1 Design"), para("y")];
        set_heading_levels(&mut n);
        assert!(matches!(n[2], Block::Heading { level: 3, .. }));
    }

    #[test]
    fn ordered_numbers_are_stripped() {
        assert_eq!(strip_number("1. Sheng G", true), "Sheng G");
        assert_eq!(strip_number("(2) Ma R", true), "Ma R");
        assert_eq!(strip_number("[12] Ma R", true), "Ma R");
    }

    /// A table's header keeps its cells over their columns: a leading tab is the
    /// empty top-left corner, a header one cell short of its rows gets the corner
    /// back, and a column empty in every row (a leading tab on every row) goes.
    #[test]
    fn table_headers_stay_over_their_columns() {
        let text = |rows: &str| {
            format!(
                "Bone cancer types compared\n\nOsteosarcoma and Ewing sarcoma are the two commonest primary bone cancers in children and young people, and they differ in several ways.\n\n{rows}\nBoth are treated with chemotherapy and surgery, and often radiotherapy too.\n"
            )
        };
        let page = |rows: &str| crate::clean::outline_of(&text(rows));
        let header_warnings =
            |rows: &str| match crate::clean::clean_one("p.txt", text(rows).as_bytes()) {
                Ok(c) => c.pages[0]
                    .log
                    .warnings
                    .iter()
                    .filter(|w| w.message.contains("header row has"))
                    .map(|w| (w.line, w.message.clone()))
                    .collect::<Vec<_>>(),
                Err(e) => panic!("{e}"),
            };
        // The page kept the empty top-left cell: a leading tab, or two of them
        // for a table whose every row starts with one (that column goes).
        let want = "|  | Osteosarcoma | Ewing sarcoma |\n| Usual age | 10 to 25 | 10 to 20 |\n| Common site | Knee | Pelvis |\n";
        for rows in [
            "\tOsteosarcoma\tEwing sarcoma\nUsual age\t10 to 25\t10 to 20\nCommon site\tKnee\tPelvis\n",
            "\t\tOsteosarcoma\tEwing sarcoma\n\tUsual age\t10 to 25\t10 to 20\n\tCommon site\tKnee\tPelvis\n",
        ] {
            let out = page(rows);
            assert!(out.contains(want), "{rows:?}: {out}");
            assert_eq!(header_warnings(rows), vec![], "{rows:?}");
        }
        // The scrape lost a header cell, and which one cannot be told: a corner
        // here, the last cell of a dose table. The header is left in order and
        // its line is named.
        for (rows, head) in [
            (
                "Osteosarcoma\tEwing sarcoma\nUsual age\t10 to 25\t10 to 20\nCommon site\tKnee\tPelvis\n",
                "\n| Osteosarcoma | Ewing sarcoma |\n",
            ),
            (
                "Drug\tDose\nCisplatin\t120 mg/m2\tday 1\nDoxorubicin\t75 mg/m2\tdays 1-2\nMethotrexate\t12 g/m2\tweeks 4 and 5\n",
                "\n| Drug | Dose |\n",
            ),
        ] {
            let out = page(rows);
            assert!(out.contains(head), "{rows:?}: {out}");
            let warned = header_warnings(rows);
            assert_eq!(warned.len(), 1, "{rows:?}: {warned:?}");
            assert_eq!(warned[0].0, 5, "{warned:?}");
        }
        // Two label columns: two empty cells at the corner.
        let out = page(
            "\t\tMen\tWomen\nUnder 40\tOsteosarcoma\t42\t37\nOver 40\tChondrosarcoma\t20\t18\n",
        );
        assert!(
            out.contains("|  |  | Men | Women |\n| Under 40 | Osteosarcoma | 42 | 37 |\n"),
            "{out}"
        );
        // A full header is left as it is.
        let rows = "Type\tUsual age\tCommon site\nOsteosarcoma\t10 to 25\tKnee\nEwing sarcoma\t10 to 20\tPelvis\n";
        assert!(
            page(rows).contains(
                "| Type | Usual age | Common site |\n| Osteosarcoma | 10 to 25 | Knee |\n"
            ),
            "{}",
            page(rows)
        );
        assert_eq!(header_warnings(rows), vec![]);
    }
}
