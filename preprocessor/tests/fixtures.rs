//! Pages in other sites' styles (written for these tests, not scraped), each
//! with the outline a careful editor would make of it: title, metadata, and
//! every block. Each page is cleaned on its own, as an unseen page would be.
//!
//! The test prints, per page, how many expected blocks the cleaner produced,
//! missed, and added, and fails unless the outline is exactly the expected one.

use mdbook_seeds::internals::clean_one;
use std::collections::HashSet;
use std::path::Path;

struct Score {
    expected: usize,
    found: usize,
    extra: usize,
    headings_expected: usize,
    headings_found: usize,
    title_ok: bool,
}

fn blocks(outline: &str) -> Vec<String> {
    outline
        .split("\n\n")
        .flat_map(|b| b.lines())
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn score(expected: &str, got: &str) -> Score {
    let e = blocks(expected);
    let g = blocks(got);
    let gs: HashSet<&String> = g.iter().collect();
    let es: HashSet<&String> = e.iter().collect();
    let is_heading = |l: &&String| l.starts_with("##");
    Score {
        expected: e.len(),
        found: e.iter().filter(|l| gs.contains(l)).count(),
        extra: g.iter().filter(|l| !es.contains(l)).count(),
        headings_expected: e.iter().filter(is_heading).count(),
        headings_found: e
            .iter()
            .filter(is_heading)
            .filter(|l| gs.contains(l))
            .count(),
        title_ok: e.first() == g.first(),
    }
}

/// Pages the cleaner's rules were developed against.
#[test]
fn every_fixture_cleans_to_its_expected_outline() {
    check_dir("tests/fixtures", 10);
}

/// Pages whose outlines were written by hand before the cleaner first ran on
/// them (see tests/heldout/README.md for their first-run scores).
#[test]
fn every_held_out_page_cleans_to_its_hand_written_outline() {
    check_dir("tests/heldout", 5);
}

fn check_dir(rel: &str, at_least: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let dir = dir.as_path();
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(
        names.len() >= at_least,
        "at least {at_least} pages in {rel}"
    );
    let mut failures = Vec::new();
    let mut table = format!(
        "{:<36} {:>6} {:>6} {:>6} {:>8} {:>6}\n",
        rel, "blocks", "found", "extra", "headings", "title"
    );
    for name in &names {
        let raw = std::fs::read(dir.join(name)).unwrap();
        let expected_path = dir.join(name.replace(".txt", ".expected"));
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no expected outline", name));
        let cleaned = clean_one(name, &raw).unwrap();
        let got = cleaned.pages[0].doc.outline();
        let s = score(&expected, &got);
        table.push_str(&format!(
            "{:<36} {:>6} {:>6} {:>6} {:>4}/{:<3} {:>6}\n",
            name.trim_end_matches(".txt"),
            s.expected,
            s.found,
            s.extra,
            s.headings_found,
            s.headings_expected,
            if s.title_ok { "ok" } else { "WRONG" }
        ));
        if got != expected {
            failures.push(format!(
                "=== {name}\n--- expected\n{expected}\n--- got\n{got}"
            ));
        }
    }
    println!("{table}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
