//! Typographic quotes put back. The normalise stage reads "’" as "'" and "“" as
//! "\"" so that every later stage sees one spelling of a word ("Ewing’s" and
//! "Ewing's" are one word to the speller and the corpus), and remembers each mark
//! as written ([`QuoteMark`]). Here, once the document is assembled, each plain
//! quote of its text gets back the mark the page wrote in the same context: the
//! scraped text is the author's ("the early 1970’s", "5′ end"), and a mark changed
//! is a change the reader cannot see.
//!
//! A mark is found again by its context ([`quote_context`]: the letters and digits
//! beside it) and by which plain quote stands for it. When the page writes one
//! context both ways ("don't" and "don’t"), which one a line of the document came
//! from is unknown: the quote stays plain there. Every mark of a rendered line that
//! does not come back (that, or a later edit changed the word around it) is listed
//! with its line.

use super::{Block, Document, TitleOrigin};
use crate::clean::normalise::{Line, QuoteMark, quote_context};
use crate::record::{Action, Log, Stage};
use foldhash::HashMap;

/// What a page writes in one context.
#[derive(Debug, Clone, Copy, Default)]
struct Written {
    /// The typographic mark written there, if any.
    typographic: Option<char>,
    /// The page also writes the context with a plain quote, or with a second
    /// typographic mark: the mark cannot be put back.
    ambiguous: bool,
    /// Marks put back in the document.
    restored: usize,
}

/// The plain quote that stands for `mark`.
fn plain(mark: char) -> char {
    match mark {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        _ => '\'',
    }
}

/// The table's key for a context: before, the plain quote, after (a NUL between;
/// text holds none after normalisation).
fn key_into(buf: &mut String, before: &str, quote: char, after: &str) {
    buf.clear();
    buf.push_str(before);
    buf.push('\0');
    buf.push(quote);
    buf.push('\0');
    buf.push_str(after);
}

/// Every context the page writes with a typographic mark, and whether it also
/// writes it otherwise. Lines without a typographic mark have no recorded marks;
/// their plain quotes are read from their text.
fn written_marks(lines: &[Line]) -> HashMap<String, Written> {
    let mut table: HashMap<String, Written> = HashMap::default();
    let mut key = String::new();
    for l in lines {
        for m in l.quotes.iter().filter(|m| plain(m.mark) != m.mark) {
            key_into(&mut key, &m.before, plain(m.mark), &m.after);
            let w = table.entry(key.clone()).or_default();
            match w.typographic {
                Some(t) => w.ambiguous |= t != m.mark,
                None => w.typographic = Some(m.mark),
            }
        }
    }
    for l in lines {
        let read;
        let marks = if l.quotes.is_empty() {
            if !l.text.contains(['\'', '"']) {
                continue;
            }
            read = QuoteMark::as_written(&l.text);
            &read
        } else {
            &l.quotes
        };
        for m in marks.iter().filter(|m| plain(m.mark) == m.mark) {
            key_into(&mut key, &m.before, m.mark, &m.after);
            if let Some(w) = table.get_mut(&key) {
                w.ambiguous = true;
            }
        }
    }
    table
}

/// Put the page's typographic quotes back into `doc` (see the module's notes).
/// `lines` are the page's normalised lines and `visible[i]` tells whether line
/// `i + 1` is rendered or moved to the metadata. A title from the metadata file or
/// the file's name is left as it is. Every mark of a visible line that does not
/// come back is listed in `log` at its line.
pub(crate) fn restore_quotes(doc: &mut Document, lines: &[Line], visible: &[bool], log: &mut Log) {
    if lines.iter().all(|l| l.quotes.is_empty()) {
        return;
    }
    let mut table = written_marks(lines);
    let mut key = String::new();
    let mut restore = |s: &mut String| {
        if !s.contains(['\'', '"']) {
            return;
        }
        let mut out = String::with_capacity(s.len() + 8);
        for (at, c) in s.char_indices() {
            if c != '\'' && c != '"' {
                out.push(c);
                continue;
            }
            let (before, after) = quote_context(s, at);
            key_into(&mut key, before, c, after);
            match table.get_mut(&key) {
                Some(w) if !w.ambiguous => {
                    w.restored += 1;
                    out.push(w.typographic.unwrap_or(c));
                }
                _ => out.push(c),
            }
        }
        *s = out;
    };
    if matches!(
        doc.title_origin,
        TitleOrigin::Page { .. } | TitleOrigin::Derived
    ) {
        restore(&mut doc.title);
    }
    for m in &mut doc.meta {
        restore(&mut m.value);
    }
    for b in &mut doc.blocks {
        match b {
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::Code { text, .. } => restore(text),
            Block::Figure { label, text, .. } => {
                restore(text);
                if let Some(l) = label {
                    restore(l);
                }
            }
            Block::List { items, .. } => {
                for it in items {
                    restore(&mut it.text);
                    for e in &mut it.extra {
                        restore(e);
                    }
                }
            }
            Block::Table { rows } => {
                for r in rows {
                    for c in &mut r.cells {
                        restore(c);
                    }
                }
            }
        }
    }
    for r in &mut doc.references {
        restore(&mut r.raw);
        for a in &mut r.authors {
            restore(a);
        }
        for f in [
            &mut r.title,
            &mut r.journal,
            &mut r.publisher,
            &mut r.place,
            &mut r.site,
            &mut r.accessed,
        ]
        .into_iter()
        .flatten()
        {
            restore(f);
        }
    }
    // The marks of visible lines, in page order, beyond those put back in their
    // context: each is listed at its line.
    for l in lines {
        if !visible.get(l.no.wrapping_sub(1)).copied().unwrap_or(false) {
            continue;
        }
        for m in l.quotes.iter().filter(|m| plain(m.mark) != m.mark) {
            key_into(&mut key, &m.before, plain(m.mark), &m.after);
            let Some(w) = table.get_mut(&key) else {
                continue;
            };
            if w.restored > 0 {
                w.restored -= 1;
                continue;
            }
            let reason = if w.ambiguous {
                "typographic quote written as a plain quote: the page writes this word both with it and without it"
            } else {
                "typographic quote written as a plain quote: a later edit changed the word around it"
            };
            log.edit(
                l.no,
                Stage::Assemble,
                Action::Changed,
                format!("{}{}{}", m.before, m.mark, m.after),
                format!("{}{}{}", m.before, plain(m.mark), m.after),
                reason,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::{Cleaned, clean_one};
    use crate::record::Edit;

    fn cleaned(page: &str) -> Cleaned {
        match clean_one("p.txt", page.as_bytes()) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    /// The assemble stage's edits of the page.
    fn quote_edits(c: &Cleaned) -> Vec<&Edit> {
        c.pages[0]
            .log
            .edits
            .iter()
            .filter(|e| e.reason.starts_with("typographic quote"))
            .collect()
    }

    #[test]
    fn typographic_quotes_and_primes_come_back_as_written() {
        let c = cleaned(
            "The \u{201C}limb salvage\u{201D} era\n\n\
             In the early 1970\u{2019}s, new drugs such as adriamycin were introduced, \
             and the \u{201C}limb salvage\u{201D} era began at the 5\u{2032} end of the decade.\n\n\
             The patients\u{2019} families said \u{201C}we trust the patients\u{201D} and it's \
             a plain word here, written plain on this page.\n",
        );
        let outline = c.pages[0].doc.outline();
        assert!(
            outline.starts_with("# The \u{201C}limb salvage\u{201D} era\n"),
            "{outline}"
        );
        assert!(
            outline.contains(
                "In the early 1970\u{2019}s, new drugs such as adriamycin were introduced, \
                 and the \u{201C}limb salvage\u{201D} era began at the 5\u{2032} end"
            ),
            "{outline}"
        );
        // "patients’" and "patients”": the same word, two different quotes.
        assert!(
            outline.contains(
                "The patients\u{2019} families said \u{201C}we trust the patients\u{201D} and it's a plain"
            ),
            "{outline}"
        );
        assert!(quote_edits(&c).is_empty(), "{:?}", quote_edits(&c));
    }

    #[test]
    fn a_word_written_both_ways_stays_plain_and_is_listed_where_it_is_shown() {
        let c = cleaned(
            "Ewing sarcoma\n\n\
             Ewing\u{2019}s sarcoma is a rare tumour of bone in children and young people.\n\n\
             Most people with Ewing's sarcoma are treated with chemotherapy first, \
             and Ewing\u{2019}s sarcoma can come back years later.\n",
        );
        let p = &c.pages[0];
        let outline = p.doc.outline();
        assert!(
            outline.contains("Ewing's sarcoma is a rare")
                && outline.contains("with Ewing's sarcoma are")
                && outline.contains("and Ewing's sarcoma can"),
            "{outline}"
        );
        let edits: Vec<(usize, &str, &str)> = quote_edits(&c)
            .iter()
            .map(|e| (e.line, e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(
            edits,
            [
                (3, "Ewing\u{2019}s", "Ewing's"),
                (5, "Ewing\u{2019}s", "Ewing's")
            ],
            "{:?}",
            p.log.edits
        );
        assert!(
            quote_edits(&c)
                .iter()
                .all(|e| e.reason.contains("both with it and without it"))
        );
    }

    #[test]
    fn a_mark_on_a_removed_line_is_not_listed() {
        // The page writes "Ewing's" plain in its text; the typographic one is on
        // a cookie banner that goes.
        let c = cleaned(
            "Ewing sarcoma\n\n\
             We use cookies on Ewing\u{2019}s site to improve your experience of the website.\n\n\
             Most people with Ewing's sarcoma are treated with chemotherapy first, then \
             surgery or radiotherapy to the place where the tumour started.\n",
        );
        let outline = c.pages[0].doc.outline();
        assert!(!outline.contains("cookies"), "{outline}");
        assert!(outline.contains("with Ewing's sarcoma"), "{outline}");
        assert!(quote_edits(&c).is_empty(), "{:?}", quote_edits(&c));
    }

    #[test]
    fn the_context_of_a_mark_survives_punctuation_around_its_word() {
        use crate::clean::normalise::quote_context;
        for (s, at, want) in [
            ("the early 1970's, new", 14, ("1970", "s")),
            ("\"Stop", 0, ("", "Stop")),
            ("said.\"", 5, (".", "")),
            ("a \" b", 2, ("", "")),
            ("(\"well-known\")", 1, ("(", "well")),
            ("(\"well-known\")", 12, ("known", ")")),
        ] {
            assert_eq!(quote_context(s, at), want, "{s:?} at {at}");
        }
    }
}
