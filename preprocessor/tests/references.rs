//! Issue 21: the share of reference entries parsed into a title, a container
//! (journal, site or publisher) and a year or date, on every page we have with
//! a reference list: the seed book, the fixture and held-out pages, the medical
//! benchmark pages and (an ignored test, run in release) the 2,200 public
//! cleaning-benchmark pages. Prints the share and every entry that does not parse.

use mdbook_seeds::Config;
use mdbook_seeds::internals::{Input, MetadataFile, clean_corpus};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (complete, all, failures) over the pages of `dirs`, each folder one corpus;
/// with `MDBOOK_SEEDS_SHOW_PARSED=1`, every parsed entry's fields are printed too.
fn share(dirs: &[PathBuf]) -> (usize, usize, Vec<String>) {
    let show = std::env::var_os("MDBOOK_SEEDS_SHOW_PARSED").is_some();
    let (mut complete, mut all, mut failures) = (0, 0, Vec::new());
    for dir in dirs {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut inputs: Vec<Input> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| {
                Some(Input {
                    name: p.file_name()?.to_string_lossy().into_owned(),
                    bytes: std::fs::read(&p).ok()?,
                })
            })
            .collect();
        inputs.sort_by(|a, b| a.name.cmp(&b.name));
        let cleaned = clean_corpus(&inputs, &Config::default(), &MetadataFile::default())
            .expect("the pages clean");
        for page in &cleaned.pages {
            for r in page.doc.references() {
                all += 1;
                if r.is_complete() {
                    complete += 1;
                    if show {
                        eprintln!("    parsed: {}", r.fields());
                    }
                } else {
                    failures.push(format!("{}: {}", page.doc.file, r.raw()));
                }
            }
        }
    }
    (complete, all, failures)
}

fn report(label: &str, (complete, all, failures): &(usize, usize, Vec<String>)) -> f64 {
    let s = if *all == 0 {
        1.0
    } else {
        *complete as f64 / *all as f64
    };
    eprintln!(
        "{label}: {complete} of {all} reference entries parsed ({:.1}%)",
        100.0 * s
    );
    for f in failures {
        eprintln!("    not parsed: {f}");
    }
    s
}

#[test]
fn reference_entries_parse_into_title_container_and_date() {
    let r = root();
    let book = share(&[r.join("seeds")]);
    let fixtures = share(&[
        r.join("preprocessor/tests/fixtures"),
        r.join("preprocessor/tests/heldout"),
    ]);
    let s_book = report("seed book", &book);
    let s_fix = report("fixtures and held-out pages", &fixtures);
    let medical_dir = r.join("../shared/bench/medical");
    if medical_dir.is_dir() {
        report("medical benchmark pages", &share(&[medical_dir]));
    } else {
        book_skip("../shared/bench/medical is not here");
    }
    let total = (book.0 + fixtures.0) as f64 / ((book.1 + fixtures.1).max(1)) as f64;
    eprintln!("in the repository: {:.1}%", 100.0 * total);
    // "Clinical Trials Database. Cancer Research UK" has no date to find.
    eprintln!(
        "seed book {:.1}%, fixtures {:.1}%",
        100.0 * s_book,
        100.0 * s_fix
    );
    assert!(total >= 0.9, "{total}");
}

/// The public cleaning benchmark's pages with reference lists (slow in a debug
/// build: `cargo test --release -p mdbook-seeds --test references -- --ignored`).
#[test]
#[ignore = "cleans 2,200 pages; run in release with --ignored"]
fn reference_entries_of_the_cleaning_benchmark() {
    let bench = root().join("../shared/bench/cleaning");
    let sets: Vec<PathBuf> = [
        "cleaneval-dev",
        "cleanportaleval",
        "dragnet",
        "l3s-gn1",
        "readability-tests",
    ]
    .iter()
    .map(|s| bench.join(s).join("text"))
    .collect();
    report("cleaning benchmark pages", &share(&sets));
}

fn book_skip(why: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED part of reference_entries_parse: {why}"
    );
}
