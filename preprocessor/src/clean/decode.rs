//! Stage 1: raw bytes to text. UTF-8 (with or without BOM), UTF-16 with BOM,
//! else Windows-1252 with a warning. Binary files are refused.

use crate::record::Log;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file looks binary (NUL bytes or mostly control characters).
    Binary { offset: usize },
    /// The file is an HTML page saved with a text extension: `percent` of its
    /// non-space bytes are inside tags; the first tag is on `line`.
    Markup { percent: usize, line: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => write!(
                f,
                "looks like a binary file (NUL or control byte at offset {offset}); only text pages can be cleaned, so it was skipped"
            ),
            DecodeError::Markup { percent, line } => write!(
                f,
                "looks like HTML saved as text ({percent}% of it is markup, the first tag on line {line}); it was skipped so that no tags are published. Save the page's visible text instead (open it in a browser, select all, copy into a .txt file) or convert it with an HTML-to-text tool"
            ),
        }
    }
}

/// Decode raw bytes. Warnings (legacy encoding) go to `log`. Errors: binary data, or
/// an HTML page saved as text ([`markup`]).
pub fn decode(bytes: &[u8], log: &mut Log) -> Result<String, DecodeError> {
    let text = decode_text(bytes, log)?;
    if let Some(e) = markup(&text) {
        return Err(e);
    }
    Ok(text)
}

/// Share of a page's non-space bytes inside tags from which it is HTML, not text.
const MARKUP_SHARE: f64 = 0.4;
/// Tags needed before the share counts (a page may quote a tag or two).
const MARKUP_TAGS: usize = 10;
/// Share of a page's non-blank lines with a tag from which it is HTML: markup is on
/// most lines of a saved page (or on its few long ones), while a scraped page's
/// stray tags, however long (a tracking pixel's URL), sit on a few lines.
const MARKUP_LINES: f64 = 0.3;

/// An HTML page saved as text: at least [`MARKUP_TAGS`] tags holding at least
/// [`MARKUP_SHARE`] of the non-space bytes, on at least [`MARKUP_LINES`] of the
/// non-blank lines. (A scraped page's visible text has none, or a few stray tags
/// such as a tracking pixel and a `<noscript>` box.)
fn markup(text: &str) -> Option<DecodeError> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::builtin_regex(r"<(?:[!/?]?[A-Za-z][^<>]{0,1000})>")
    });
    let mut tags = 0;
    let mut inside = 0;
    let mut first = None;
    for m in TAG.find_iter(text) {
        tags += 1;
        inside += m
            .as_str()
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .count();
        first.get_or_insert(m.start());
    }
    let total = text.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    if tags < MARKUP_TAGS || (inside as f64) < MARKUP_SHARE * total as f64 {
        return None;
    }
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    let (with_tags, all) = lines.fold((0usize, 0usize), |(t, n), l| {
        // A tag may span lines (one attribute per line): any angle bracket counts.
        (t + usize::from(l.contains(['<', '>'])), n + 1)
    });
    if (with_tags as f64) < MARKUP_LINES * all as f64 {
        return None;
    }
    let line = first.map_or(1, |at| text[..at].matches('\n').count() + 1);
    Some(DecodeError::Markup {
        percent: inside * 100 / total.max(1),
        line,
    })
}

fn decode_text(bytes: &[u8], log: &mut Log) -> Result<String, DecodeError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if enc != encoding_rs::UTF_8 {
            log.warn(0, format!("decoded as {} (byte-order mark)", enc.name()));
        }
        if had_errors {
            log.warn(
                0,
                format!("invalid {} sequences were replaced with U+FFFD", enc.name()),
            );
        }
        return Ok(text.into_owned());
    }
    if let Some(offset) = binary_offset(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            log.warn(
                line,
                "not valid UTF-8; decoded as Windows-1252. Save the file as UTF-8 to silence this warning",
            );
            Ok(text.into_owned())
        }
    }
}

/// Offset of the first byte that marks the data as binary, if any.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Some(i);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if !sample.is_empty() && control * 10 > sample.len() {
        return sample
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_saved_as_text_is_refused_and_a_stray_tag_is_not() {
        let mut log = Log::new("p.txt");
        let page = format!(
            "<!DOCTYPE html>\n<html><head><title>Bone cancer</title></head>\n<body>{}</body></html>",
            "<div class=\"nav\"><a href=\"/a\">Home</a></div><p>Text.</p>".repeat(5)
        );
        match decode(page.as_bytes(), &mut log) {
            Err(DecodeError::Markup { percent, line }) => {
                assert!(percent >= 40, "{percent}");
                assert_eq!(line, 1);
            }
            other => panic!("{other:?}"),
        }
        let scraped = "<img src=\"https://t.example/pixel.gif\" alt=\"\" />\nOsteosarcoma is a bone cancer.\nIt is treated with surgery.\n";
        assert!(decode(scraped.as_bytes(), &mut log).is_ok());
        // A short page in a script without spaces, under a noscript box of ten
        // small tags and a pixel with a long URL: most bytes are markup, but on
        // few of its lines.
        let noscript = format!(
            "<div><img width=1 src=\"https://t.example/b?P={}\"></div>\n<div class=\"a\">\n<i>\n</i>\n<p>\n<em>\n</em>\n</p>\n</div>\n{}",
            "x".repeat(900),
            "ニュースです。\n".repeat(30)
        );
        assert!(decode(noscript.as_bytes(), &mut log).is_ok());
        // Pretty-printed HTML, one attribute per line, is still HTML.
        let pretty =
            "<div\n  class=\"nav\"\n  id=\"top\"\n  role=\"menu\"\n  data-x=\"1\">\nHome\n</div>\n"
                .repeat(12);
        assert!(matches!(
            decode(pretty.as_bytes(), &mut log),
            Err(DecodeError::Markup { .. })
        ));
    }

    #[test]
    fn utf8_passes_through() {
        let mut log = Log::new("a.txt");
        assert_eq!(
            decode("ostéosarcome".as_bytes(), &mut log).unwrap(),
            "ostéosarcome"
        );
        assert!(log.warnings.is_empty());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning_naming_the_line() {
        let mut log = Log::new("a.txt");
        let text = decode(b"ok\nEwing\x92s sarcoma", &mut log).unwrap();
        assert_eq!(text, "ok\nEwing\u{2019}s sarcoma");
        assert_eq!(log.warnings.len(), 1);
        assert_eq!(log.warnings[0].line, 2);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "bone".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut log = Log::new("a.txt");
        assert_eq!(decode(&bytes, &mut log).unwrap(), "bone");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let mut log = Log::new("a.txt");
        assert_eq!(decode(b"\xEF\xBB\xBFbone", &mut log).unwrap(), "bone");
    }

    #[test]
    fn binary_is_refused() {
        let mut log = Log::new("a.bin");
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0", &mut log),
            Err(DecodeError::Binary { offset: 8 })
        );
    }
}
