//! Any text as a reference entry (with continuation lines) and as running text
//! with citations: parsing, citation finding and formatting never panic, and
//! formatted output never carries seed markup.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mdbook_seeds::internals::format_references;
use mdbook_seeds::internals::{citations, parse_reference as parse};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let extra: Vec<String> = lines.take(4).map(String::from).collect();
    let r = parse(first, &extra);
    for c in citations(&text) {
        assert!(c.start < c.end && c.end <= text.len());
        assert!(!c.numbers.is_empty() && c.numbers.len() <= 51 * 20);
    }
    for html in format(&[r]) {
        // Only the formatter's own tags: the entry's text is escaped.
        assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<iframe"), "{html}");
    }
});
