//! The mdBook 0.5.4 CLI, running our preprocessor through book.toml's
//! `command`, builds byte-for-byte the same site as `mdbook-seeds build`.
//!
//! CI installs the CLI and sets REQUIRE_MDBOOK_CLI=1, so there this test can
//! only pass by comparing; on a machine without the CLI it says it skipped.

use book_tests::{SearchIndex, repo_root};
use std::path::Path;
use std::process::Command;

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, base, out);
        } else {
            let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
            out.push((rel, std::fs::read(&p).unwrap()));
        }
    }
}

/// Is the mdBook 0.5.4 CLI on PATH? If not: skip, unless REQUIRE_MDBOOK_CLI
/// is set (CI installs it, so there these tests can only pass by running).
fn mdbook_cli() -> bool {
    let Ok(version) = Command::new("mdbook").arg("--version").output() else {
        assert!(
            std::env::var_os("REQUIRE_MDBOOK_CLI").is_none(),
            "REQUIRE_MDBOOK_CLI is set but `mdbook` is not on PATH"
        );
        book_tests::report_skip(
            "mdBook CLI test",
            "no `mdbook` CLI on PATH (install mdbook 0.5.4 to run this test)",
        );
        return false;
    };
    let version = String::from_utf8_lossy(&version.stdout).into_owned();
    assert!(
        version.contains("0.5.4"),
        "expected mdbook v0.5.4, found {version}"
    );
    true
}

#[test]
fn mdbook_cli_builds_the_same_site_as_the_embedded_build() {
    if !mdbook_cli() {
        return;
    }

    let cli_out = tempfile::tempdir().unwrap();
    let status = Command::new("mdbook")
        .current_dir(repo_root())
        .arg("build")
        .arg("--dest-dir")
        .arg(cli_out.path())
        .status()
        .unwrap();
    assert!(status.success(), "mdbook build failed");

    let emb_out = tempfile::tempdir().unwrap();
    let built = mdbook_seeds::build(&repo_root(), Some(emb_out.path())).unwrap();
    assert!(
        built.search_index.is_some(),
        "the index is rebuilt for readers"
    );

    // Everything but search is the same. `mdbook-seeds build` rebuilds mdBook's
    // search index for readers (accents, apostrophes, spelling variants,
    // glossary forms and stop words, no source box: issue 21), which the CLI
    // cannot; the index's hashed file name differs too, so it is normalised
    // everywhere, and the two indexes must hold the same documents.
    let hashed = regex::Regex::new(r"searchindex-[0-9a-f]+\.js").unwrap();
    let normalise = |dir: &Path| {
        let mut v = Vec::new();
        files(dir, dir, &mut v);
        v.sort();
        v.into_iter()
            .map(|(n, bytes)| {
                let n = hashed.replace_all(&n, "searchindex.js").into_owned();
                let bytes = match String::from_utf8(bytes) {
                    Ok(s) => hashed
                        .replace_all(&s, "searchindex.js")
                        .into_owned()
                        .into_bytes(),
                    Err(e) => e.into_bytes(),
                };
                (n, bytes)
            })
            .collect::<Vec<_>>()
    };
    let (a, b) = (normalise(cli_out.path()), normalise(emb_out.path()));
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "the two sites have different files");
    assert!(
        a.iter()
            .any(|(n, _)| n == "seeds/outcomes-of-bone-tumours.html")
    );
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        if name == "searchindex.js" {
            let sa = SearchIndex::parse(&String::from_utf8_lossy(x))
                .unwrap()
                .semantic();
            let sb = SearchIndex::parse(&String::from_utf8_lossy(y))
                .unwrap()
                .semantic();
            assert_eq!(
                sa["doc_urls"], sb["doc_urls"],
                "the indexes hold other documents"
            );
            for s in [&sa, &sb] {
                assert!(
                    s["postings"]["body"]
                        .as_object()
                        .is_some_and(|p| p.len() > 500)
                );
            }
            // Ours has both spellings; the source box's words are not indexed.
            let has = |s: &serde_json::Value, w: &str| s["postings"]["body"].get(w).is_some();
            assert!(has(&sb, "tumor") && has(&sb, "tumour"));
            let bodies = |s: &serde_json::Value| {
                s["documentStore"]["docs"]
                    .as_object()
                    .map(|d| {
                        d.values()
                            .filter(|v| {
                                v["body"]
                                    .as_str()
                                    .is_some_and(|b| b.contains("Cleaned from"))
                            })
                            .count()
                    })
                    .unwrap_or(0)
            };
            assert!(
                bodies(&sa) >= 5 && bodies(&sb) == 0,
                "the source box is in the CLI's snippets only"
            );
        } else {
            assert!(
                x == y,
                "{name} differs between the mdbook CLI and the embedded build"
            );
        }
    }
}

/// `mdbook build` cannot run Pagefind: at the Pagefind threshold the
/// preprocessor says so, and the site keeps mdBook's search.
#[test]
fn mdbook_cli_notes_that_a_big_book_would_get_pagefind() {
    if !mdbook_cli() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let run = Command::new("mdbook")
        .current_dir(repo_root())
        // mdBook's environment override of `[preprocessor.seeds.search] pagefind-from`.
        .env("MDBOOK_PREPROCESSOR__SEEDS__SEARCH__PAGEFIND_FROM", "5")
        .arg("build")
        .arg("--dest-dir")
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "mdbook build failed:\n{stderr}");
    assert!(
        stderr.contains("5 seed pages") && stderr.contains("indexes this book with Pagefind"),
        "{stderr}"
    );
    assert!(!out.path().join("pagefind").exists());
    let has_index = std::fs::read_dir(out.path()).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("searchindex")
    });
    assert!(has_index, "mdBook's search index is still written");
}
