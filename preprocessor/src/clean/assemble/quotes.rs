//! Typographic quotes put back. The normalise stage reads "’" as "'" and "“" as
//! "\"" so that every later stage sees one spelling of a word ("Ewing’s" and
//! "Ewing's" are one word to the speller and the corpus), and remembers each mark
//! as written ([`QuoteMark`]). Here, once the document is assembled, each plain
//! quote of its text gets back the mark the page wrote in the same place of the
//! same word: the scraped text is the author's ("the early 1970’s", "5′ end"), and
//! a mark changed is a change the reader cannot see.
//!
//! A mark is found again by its word: the rest of its whitespace-separated token
//! before and after it ("1970" and "s"). When the page writes that token both ways
//! ("don't" and "don’t"), which one a line of the document came from is unknown:
//! its quotes stay plain and the change is listed, with the first line that wrote
//! the typographic mark. A token that a later stage changed (a glued word split)
//! is not found and keeps its plain quote.

use super::{Block, Document, TitleOrigin};
use crate::clean::normalise::{Line, QuoteMark};
use crate::record::{Action, Log, Stage};
use foldhash::HashMap;

/// The marks a page writes in one place of one token ("1970" + mark + "s").
#[derive(Debug, Clone, Copy)]
struct Written {
    /// The first typographic mark seen there, if any.
    typographic: Option<char>,
    /// The line (1-based) of that mark.
    line: usize,
    /// The page writes this place with two different marks.
    ambiguous: bool,
}

/// Every place of the page's tokens that holds a quotation mark, with the marks
/// written there. Lines without a typographic mark have no recorded marks; their
/// plain quotes are read from their text.
fn written_marks(lines: &[Line]) -> HashMap<(String, String), Written> {
    let mut table: HashMap<(String, String), Written> = HashMap::default();
    let mut record = |m: QuoteMark, line: usize| {
        let w = table.entry((m.before, m.after)).or_insert(Written {
            typographic: None,
            line,
            ambiguous: false,
        });
        if m.mark == '\'' || m.mark == '"' {
            if w.typographic.is_some() {
                w.ambiguous = true;
            } else {
                // Written plain first (line 0 marks it): a typographic mark
                // seen later is ambiguous.
                w.line = 0;
            }
        } else {
            match w.typographic {
                Some(t) => w.ambiguous |= t != m.mark,
                None => {
                    w.ambiguous |= w.line == 0;
                    w.typographic = Some(m.mark);
                    w.line = line;
                }
            }
        }
    };
    for l in lines {
        if l.quotes.is_empty() {
            if l.text.contains(['\'', '"']) {
                for m in QuoteMark::as_written(&l.text) {
                    record(m, l.no);
                }
            }
        } else {
            for m in &l.quotes {
                record(m.clone(), l.no);
            }
        }
    }
    table
}

/// Put the page's typographic quotes back into `doc` (see the module's notes).
/// `lines` are the page's normalised lines. A title from the metadata file is the
/// editor's and is left as it is. Each token left plain although the page wrote it
/// with a typographic mark somewhere is listed in `log` once, at that mark's line.
pub(crate) fn restore_quotes(doc: &mut Document, lines: &[Line], log: &mut Log) {
    if lines.iter().all(|l| l.quotes.is_empty()) {
        return;
    }
    let table = written_marks(lines);
    // (line, the token as the page wrote it there, the token left plain)
    let mut listed: Vec<(usize, String, String)> = Vec::new();
    let mut restore = |s: &mut String| {
        if !s.contains(['\'', '"']) {
            return;
        }
        let mut out = String::with_capacity(s.len() + 8);
        // Tokens with the space or line break after them, as they were.
        for piece in s.split_inclusive([' ', '\n']) {
            let token = piece.trim_end_matches([' ', '\n']);
            for (at, c) in token.char_indices() {
                if c != '\'' && c != '"' {
                    out.push(c);
                    continue;
                }
                let key = (token[..at].to_string(), token[at + 1..].to_string());
                match table.get(&key) {
                    Some(Written {
                        typographic: Some(t),
                        ambiguous: false,
                        ..
                    }) => out.push(*t),
                    Some(Written {
                        typographic: Some(t),
                        ambiguous: true,
                        line,
                    }) => {
                        if !listed.iter().any(|(_, _, plain)| plain == token) {
                            let as_written = format!("{}{t}{}", &token[..at], &token[at + 1..]);
                            listed.push((*line, as_written, token.to_string()));
                        }
                        out.push(c);
                    }
                    _ => out.push(c),
                }
            }
            out.push_str(&piece[token.len()..]);
        }
        *s = out;
    };
    if !matches!(doc.title_origin, TitleOrigin::Metadata) {
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
    for (line, as_written, plain) in listed {
        log.edit(
            line,
            Stage::Assemble,
            Action::Changed,
            as_written,
            plain,
            "typographic quote left as a plain quote: the page writes this word both with it and without it",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::{clean_one, outline_of};

    #[test]
    fn typographic_quotes_and_primes_come_back_as_written() {
        let outline = outline_of(
            "Limb salvage\n\n\
             In the early 1970\u{2019}s, new drugs such as adriamycin were introduced, \
             and the \u{201C}limb salvage\u{201D} era began at the 5\u{2032} end of the decade.\n\n\
             Surgeons say it's a plain word here, written plain.\n",
        );
        assert!(
            outline.contains(
                "In the early 1970\u{2019}s, new drugs such as adriamycin were introduced, \
                 and the \u{201C}limb salvage\u{201D} era began at the 5\u{2032} end"
            ),
            "{outline}"
        );
        assert!(outline.contains("it's a plain word"), "{outline}");
    }

    #[test]
    fn a_word_written_both_ways_stays_plain_and_is_listed() {
        let page = "Ewing sarcoma\n\n\
                    Ewing\u{2019}s sarcoma is a rare tumour of bone in children and young people.\n\n\
                    Most people with Ewing's sarcoma are treated with chemotherapy first.\n";
        let cleaned = match clean_one("p.txt", page.as_bytes()) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        let p = &cleaned.pages[0];
        let outline = p.doc.outline();
        assert!(
            outline.contains("Ewing's sarcoma is a rare")
                && outline.contains("with Ewing's sarcoma are"),
            "{outline}"
        );
        assert!(
            p.log.edits.iter().any(|e| e.line == 3
                && e.before == "Ewing\u{2019}s"
                && e.after == "Ewing's"
                && e.reason.contains("both with it and without it")),
            "{:?}",
            p.log.edits
        );
    }
}
