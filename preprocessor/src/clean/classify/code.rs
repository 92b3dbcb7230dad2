//! Signal: preformatted code. A tutorial's SQL, a shell session or a program listing
//! comes out of a browser as short lines of low text density, some repeated ("FROM",
//! "SELECT", "}"), so every text signal calls them menus or running headers. A run of
//! two or more adjacent raw lines (no blank line between, unless a bracket the run
//! opened is still open there and closed by its end) that all look like code,
//! with at least a third of them unmistakably so, is a code block: it is kept as text
//! and rendered verbatim in a fenced block, never repaired.

#[allow(unused_imports)]
use super::*;

/// A line that only code has: a box-drawing character (a table printed by `psql`),
/// an operator ("=>", "->", "::", "==", "!=", ":=", "+=", "&&", "||"), an SQL clause
/// opening the line in capitals, or a program's keyword opening the line followed
/// later by a bracket or an equals sign. A line of HTML or XML is one too
/// ([`HTML_LINE`]), and so is a shell prompt's ([`PROMPT`]).
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        [\u{2500}-\u{257F}]
      | =>|->|::|==|!=|:=|\+=|&&|\|\|
      | ^(?:SELECT|FROM|WHERE|WITH|JOIN|LEFT\ JOIN|INNER\ JOIN|GROUP\ BY|ORDER\ BY|HAVING|LIMIT|INSERT\ INTO|UPDATE|DELETE\ FROM|CREATE\ (?:TABLE|INDEX|VIEW|FUNCTION))\b
      | ^(?:def|class|import|return|var|let|const|function|fn|pub|public|private|static|void|int|if|for|while|elif|else|try|except|catch|\#include|\#define|package|func)\b.*[(\[{=]
    ")
});

/// A shell prompt before a command in lower case ("$ hg clone public test-repo",
/// "$ cd ../dev-repo"): a price never has a space after its "$" and a lower-case
/// word, though a table's unit may ("$ millions", "$ in thousands"), which is no
/// command ([`PROMPT_NOT_COMMAND`]).
static PROMPT: LazyLock<Regex> = LazyLock::new(|| re(r"^\$ ([a-z][\w.-]*)(?: |$)"));

/// Words after "$ " that give a column's unit, not a command.
const PROMPT_NOT_COMMAND: [&str; 12] = [
    "m",
    "mn",
    "bn",
    "k",
    "million",
    "millions",
    "billion",
    "billions",
    "thousand",
    "thousands",
    "in",
    "per",
];

/// A shell prompt's line ([`PROMPT`]).
fn prompt(t: &str) -> bool {
    PROMPT
        .captures(t)
        .and_then(|c| c.get(1))
        .is_some_and(|w| !PROMPT_NOT_COMMAND.contains(&w.as_str()))
}

/// A line of HTML or XML: it starts with a tag, written as markup is
/// (`<!DOCTYPE html>`, `<div id="mocha">`: a name, then attributes whose names start
/// with a letter, each value of at most 100 characters), and, if it goes on, ends
/// with a tag within 100 characters (`  <title>Test</title>`). An advert's embed
/// markup, with its long tracking addresses, stays stray markup; so do
/// `<Prev 1 2 3 Next>`, `<john@example.org>` and `<http://…>`, which are no tags.
/// Two stray tags on adjacent lines (`<br>`, `<div class="clear"></div>`) do make a
/// block, kept when text is kept beside it. Measured: two Readability pages (a
/// tutorial's HTML test file, an RFC's HTML example) come out as code blocks instead
/// of lists of escaped tags (ietf-1 +0.018; the scorer strips the tutorial's tags
/// either way); nothing else moved.
static HTML_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^<(?:!DOCTYPE\s+\w+|/?[A-Za-z][\w:-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>]{0,100}"|'[^'<>]{0,100}'|[^\s"'<>]{1,100}))?)*\s*/?)>(?:.{0,100}>)?$"#,
    )
});

/// A line that ends as a statement or a block does (";", "{", "}", "(", ",") and has
/// a call or an index ("avg(n)", "a[i]"), an equals sign or a brace in it; or is a
/// lone closing bracket. A closing bracket alone does not end a statement: "Last
/// Updated: 18:40 IST(13/1/2008)" is a dateline.
static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"(?x)
        ^[^.!?]*(?:\w[(\[]|=|\{)[^.!?]*[;{}(,]$
      | ^[)\]}]+[;,]?$
    "#)
});

/// A call or an index ("stddev(n)", "a[i]"): a line inside a code block.
static CALL: LazyLock<Regex> = LazyLock::new(|| re(r"\w[(\[]"));

/// A line of prose: eight words or more ending as a sentence does.
fn prose(t: &str) -> bool {
    t.ends_with(['.', '!', '?', ':']) && !text::at_most_words(t, 7)
}

/// How sure a line is code: 2 unmistakably, 1 maybe (a short line or a call inside
/// a block: "series,", "avg(n) + stddev(n) AS upper_bound"), 0 not (prose, or a line of a hard-wrapped paragraph).
fn code_score(u: &Unit) -> u8 {
    let t = u.text.trim();
    if u.first != u.last || !u.extra.is_empty() || t.is_empty() || prose(t) {
        return 0;
    }
    if STRONG.is_match(t) || STATEMENT.is_match(t) || HTML_LINE.is_match(t) || prompt(t) {
        2
    } else if text::at_most_words(t, 8) || CALL.is_match(t) {
        1
    } else {
        0
    }
}

/// A unit that is unmistakably a line of code ([`code_score`] 2: a `psql` table's
/// row, an SQL clause, a shell prompt): a phrase repeated at its edges is the
/// program's, never SEO filler (`edge`).
pub(super) fn unmistakably_code(u: &Unit) -> bool {
    code_score(u) == 2
}

/// Brackets a line opens ("(", "[", "{") less those it closes: a program's block
/// left open at a blank line goes on after it ("(function(exports) {", a blank
/// line, "function Cow(name) {" … "})(this);"), when the run closes it. Brackets
/// inside strings and comments count too: a run they leave open at its end is cut
/// at its first blank line, as before.
fn bracket_depth(t: &str) -> i32 {
    t.chars()
        .map(|c| match c {
            '(' | '[' | '{' => 1,
            ')' | ']' | '}' => -1,
            _ => 0,
        })
        .sum()
}

/// Mark the code blocks of a page ([`Unit::code`]) and keep them as text: runs of
/// two or more units, each one raw line right under the one before (or after one
/// blank line while the run leaves a bracket open that it closes by its end,
/// [`bracket_depth`]), each with
/// [`code_score`] 1 or more and at least a third of them (two or more) 2. Returns the blocks as
/// `first..=last` index ranges.
pub(super) fn mark_code_blocks(items: &mut [Item]) -> Vec<(usize, usize)> {
    let mut scores: Vec<u8> = items.iter().map(|it| code_score(&it.unit)).collect();
    // A command's output: the lines right under a shell prompt's line, up to a blank
    // line, that do not read as prose, are the session's however long they are
    // ("0 files updated, 0 files merged, 0 files removed, 0 files unresolved").
    let mut in_session = false;
    for j in 0..items.len() {
        let u = &items[j].unit;
        let under = j > 0 && u.first == items[j - 1].unit.last + 1;
        in_session = prompt(u.text.trim()) || (in_session && under);
        if in_session && scores[j] == 0 && u.first == u.last && !prose(u.text.trim()) {
            scores[j] = 1;
        }
    }
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i;
        let mut depth = bracket_depth(&items[i].unit.text);
        // The last unit before the first blank line the run crossed.
        let mut before_blank = None;
        while scores[j] > 0
            && j + 1 < items.len()
            && scores[j + 1] > 0
            && (items[j + 1].unit.first == items[j].unit.last + 1
                || (depth > 0 && items[j + 1].unit.first == items[j].unit.last + 2))
        {
            if items[j + 1].unit.first > items[j].unit.last + 1 {
                before_blank.get_or_insert(j);
            }
            j += 1;
            depth += bracket_depth(&items[j].unit.text);
        }
        let is_code = |j: usize| {
            let strong = scores[i..=j].iter().filter(|&&s| s == 2).count();
            scores[i] > 0 && j > i && strong >= 2 && strong * 3 >= j + 1 - i
        };
        // A run carried across a blank line must close its brackets by its end and
        // be code as a whole; else it ends at the first blank line, as any run does
        // (an unclosed snippet, "app.get('/', function(req, res) {", does not
        // swallow the short lines and headings after it).
        if let Some(b) = before_blank
            && (depth > 0 || !is_code(j))
        {
            j = b;
        }
        if is_code(j) {
            for it in &mut items[i..=j] {
                it.unit.code = true;
                it.kind = Kind::Paragraph;
            }
            blocks.push((i, j));
        }
        i = j + 1;
    }
    blocks
}

/// A code block is kept or removed as a whole, like a table: a block some of whose
/// lines a line-level signal removed (a repeated "FROM" taken for a running header)
/// is restored when a unit of text is kept right before or after it (ignoring units
/// dropped as copies); a block in a removed sidebar stays removed.
pub(super) fn keep_whole_code_blocks(items: &mut [Item], blocks: &[(usize, usize)]) {
    let shown = |it: &Item| {
        matches!(
            it.kind,
            Kind::Paragraph | Kind::Heading | Kind::ListItem { .. } | Kind::Caption { .. }
        ) && !it.unit.code
    };
    let decided = |it: &Item| !matches!(&it.kind, Kind::Drop(r) if r.is_transparent());
    for &(first, last) in blocks {
        let before = items[..first].iter().rev().find(|it| decided(it));
        let after = items[last + 1..].iter().find(|it| decided(it));
        let any_kept = items[first..=last]
            .iter()
            .any(|it| it.kind == Kind::Paragraph);
        if any_kept && (before.is_some_and(shown) || after.is_some_and(shown)) {
            for it in &mut items[first..=last] {
                it.kind = Kind::Paragraph;
            }
        } else {
            for it in &mut items[first..=last] {
                if it.kind == Kind::Paragraph {
                    it.kind = Kind::Drop(DropReason::OutsideMainText);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::clean_one;

    const PROSE: &str = "To find the anomaly in the series we first need to define what a reasonable value is, and then how far from it a value may be before we call it an anomaly.";

    fn kept(page: &str) -> String {
        let cleaned = clean_one("p.txt", page.as_bytes()).unwrap();
        cleaned.pages[0].doc.outline()
    }

    /// A printed table's rows that all start alike ("500 │ 2020-08-01") are code,
    /// kept verbatim: the phrase is no SEO filler to cut from each row.
    #[test]
    fn rows_of_a_printed_table_keep_their_repeated_start() {
        let rows: String = (0..8)
            .map(|m| format!("        500 │ 2020-08-01 17:5{m}:00+00 │       0 │ 0.1639344262 │ 0.3732884438\n"))
            .collect();
        let page = format!(
            "Detecting anomalies with SQL\n\n{PROSE} The query:\n\nSELECT *\nFROM calculations_over_window\nLIMIT 8;\n\n{PROSE} It prints:\n\n{rows}\n{PROSE} The end.\n"
        );
        let out = kept(&page);
        assert_eq!(out.matches("500 │ 2020-08-01 17:5").count(), 8, "{out}");
    }

    /// A shell session (commands after a "$ " prompt and what they print, however
    /// long) between paragraphs is a code block, kept verbatim; a line that starts with a price
    /// ("$ 5 million"), a column's unit ("$ millions") or a transcript's ">>> " is no
    /// prompt.
    #[test]
    fn a_shell_session_between_paragraphs_is_code() {
        let session = "$ cd test-repo\n$ echo 'my new project' > file1\n$ hg add file1\n$ hg commit -m 'create new project'\n$ hg push\n[...]\n";
        // A command's output of nine words or more is the session's too.
        let clones = "$ hg clone public test-repo\nupdating to branch default\n0 files updated, 0 files merged, 0 files removed, 0 files unresolved\n$ hg clone test-repo dev-repo\nupdating to branch default\n0 files updated, 0 files merged, 0 files removed, 0 files unresolved\n";
        let page = format!(
            "Sharing changes between clones\n\n{PROSE} We need two clones.\n\n{clones}\n{PROSE} Then a first change.\n\n{session}\n{PROSE} Then edit the configuration.\n"
        );
        let out = kept(&page);
        assert!(out.contains(&format!("```\n{session}```")), "{out}");
        assert!(out.contains(&format!("```\n{clones}```")), "{out}");
        assert!(super::prompt("$ cd ../dev-repo"));
        for not_code in [
            "$ 5 million was raised",
            ">>> finally tonight",
            "$5 billion",
            "$ millions",
            "$ in thousands, except per share",
        ] {
            assert!(!super::prompt(not_code), "{not_code}");
            assert!(!super::STRONG.is_match(not_code), "{not_code}");
        }
    }

    #[test]
    fn a_query_between_paragraphs_is_kept_whole_and_verbatim() {
        let query = "SELECT\n   avg(n) - stddev(n) AS lower_bound,\n   avg(n) + stddev(n) AS upper_bound\nFROM\n   unnest(array[2, 3, 5, 2, 3, 12, 5, 3, 4]) AS n;\n";
        let mut page = String::from("Detecting anomalies with SQL\n\n");
        for i in 0..3 {
            page.push_str(&format!("{PROSE} Step {i}.\n\n{query}\n"));
        }
        page.push_str(&format!("{PROSE} The end.\n"));
        let out = kept(&page);
        assert_eq!(out.matches("```").count(), 6, "{out}");
        assert!(
            out.contains("```\nSELECT\n   avg(n) - stddev(n) AS lower_bound,\n"),
            "{out}"
        );
        assert!(out.contains("Step 2."), "{out}");
    }

    /// A program whose first lines open a bracket goes on across a blank line, which
    /// the block keeps; a closed run stops at one.
    #[test]
    fn an_open_bracket_carries_a_code_block_across_a_blank_line() {
        let program = "// cow.js\n(function(exports) {\n  \"use strict\";\n\n  function Cow(name) {\n    this.name = name || \"Anon cow\";\n  }\n  exports.Cow = Cow;\n})(this);\n";
        let page = format!("Testing a cow\n\n{PROSE}\n\n{program}\n{PROSE} The end.\n");
        let out = kept(&page);
        assert!(
            out.contains("```\n// cow.js\n(function(exports) {\n  \"use strict\";\n\n  function Cow(name) {\n"),
            "{out}"
        );
        assert!(out.contains("})(this);\n```"), "{out}");
        // An unclosed snippet ends at its blank line: the heading and the short
        // line after it stay text.
        let unclosed = "function start(req, res) {\n  var x = f(req);\n  var y = g(z);\n\nNext steps\n\nRun it with node.\n";
        let out = kept(&format!(
            "Testing a cow\n\n{PROSE}\n\n{unclosed}\n{PROSE} The end.\n"
        ));
        assert!(out.contains("var y = g(z);\n```"), "{out}");
        assert!(!out.contains("```\nNext steps"), "{out}");
        // Carried across the blank line, the run is no code as a whole (seven
        // short words to three lines of code): it ends at the blank line.
        let mostly_words =
            "function f(a) {\n  var b = g(a);\n\none\ntwo\nthree\nfour\nfive\nsix\nseven\n}\n";
        let out = kept(&format!(
            "Testing a cow\n\n{PROSE}\n\n{mostly_words}\n{PROSE} The end.\n"
        ));
        assert!(
            out.contains("```\nfunction f(a) {\n  var b = g(a);\n```"),
            "{out}"
        );
        // Closed before the blank line: the short lines above it are no code.
        let closed = "// cow.js\nvar a = f(b);\nmore\n\n  function Cow(name) {\n    this.name = name;\n  }\n";
        let out = kept(&format!(
            "Testing a cow\n\n{PROSE}\n\n{closed}\n{PROSE} The end.\n"
        ));
        assert!(
            out.contains("```\n  function Cow(name) {")
                || out.contains("```\nfunction Cow(name) {"),
            "{out}"
        );
    }

    /// Short lines without code's punctuation (a menu, a poem, an address) are not
    /// code, nor is a poem whose lines end with a semicolon.
    #[test]
    fn menus_poems_and_addresses_are_not_code() {
        use super::mark_code_blocks;
        use crate::clean::classify::{Item, Quality};
        use crate::clean::reflow::Unit;
        let items = |lines: &[&str]| -> Vec<Item> {
            lines
                .iter()
                .enumerate()
                .map(|(k, t)| Item {
                    quality: Quality::Short,
                    heading: false,
                    ..Item::new(
                        Unit {
                            first: k + 1,
                            last: k + 1,
                            text: t.to_string(),
                            ..Unit::default()
                        },
                        true,
                    )
                })
                .collect()
        };
        for lines in [
            &["Home", "News", "Sport", "Weather"][..],
            &[
                "He in his madness prays for storms;",
                "And dreams that storms will bring him peace;",
                "Mihail Lermontov (1814-1841)",
            ],
            &["12 Main Street", "Springfield, IL 62701", "(217) 555-0100"],
        ] {
            let mut it = items(lines);
            assert!(mark_code_blocks(&mut it).is_empty(), "{lines:?}");
        }
        let mut it = items(&["for (i = 0; i < n; i++) {", "    sum += a[i];", "}"]);
        assert_eq!(mark_code_blocks(&mut it), vec![(0, 2)]);
        // An HTML listing is code; an advert's long embed markup between labels is
        // not (it stays stray markup, removed).
        let mut it = items(&[
            "<!DOCTYPE html>",
            "<html>",
            "<head>",
            "  <title>Test</title>",
            "</head>",
        ]);
        assert_eq!(mark_code_blocks(&mut it), vec![(0, 4)]);
        let embed = "<div><a href=\"http://ad.example.net/jump/mac/inhalt;sz=500x500;kw=Mac,Passwort,Sicherheit;tile=1;ord=7840756744?\" target=\"_blank\"><img alt=\"\" src=\"http://ad.example.net/ad/mac/inhalt;sz=500x500;tile=1;ord=7840756744?\" /></a></div>";
        let mut it = items(&["Anzeige", embed, "Anzeige", embed, "Heft 2/2015"]);
        assert!(mark_code_blocks(&mut it).is_empty());
        // Pagination and addresses in angle brackets are no tags.
        let mut it = items(&[
            "<Prev 1 2 3 Next>",
            "<john@example.org>",
            "<http://www.example.org/>",
        ]);
        assert!(mark_code_blocks(&mut it).is_empty());
    }
}
