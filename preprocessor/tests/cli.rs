//! The `mdbook-seeds` binary, run as a user (or mdBook) runs it.

use mdbook_driver::MDBook;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, BookItem};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mdbook-seeds"))
}

fn repo() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).to_path_buf()
}

fn seeds() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn clean_out_dir_writes_one_markdown_file_per_seed_and_a_report() {
    let out = tempfile::tempdir().unwrap();
    let status = bin()
        .current_dir(repo())
        .arg("clean")
        .arg("--out-dir")
        .arg(out.path())
        .arg("--report")
        .args(seeds())
        .status()
        .unwrap();
    assert!(status.success());
    for s in seeds() {
        let stem = s.file_stem().unwrap().to_string_lossy().into_owned();
        let md = std::fs::read_to_string(out.path().join(format!("{stem}.md"))).unwrap();
        assert!(md.starts_with("# "), "{stem}.md starts with its title");
        // Same text as the reviewed snapshot.
        let snap = std::fs::read_to_string(repo().join(format!(
            "preprocessor/tests/snapshots/seeds__{stem}.md.snap"
        )))
        .unwrap();
        // The insta header is the block between the first two "---" lines.
        let body: String = snap.splitn(3, "---\n").nth(2).unwrap().to_string();
        assert_eq!(
            md.trim_end(),
            body.trim_end(),
            "{stem}: CLI output differs from the snapshot"
        );
    }
    let report = std::fs::read_to_string(out.path().join("report.txt")).unwrap();
    assert!(report.contains(
        "000_5ae4d2602de45b00.txt:36: [classify] removed: boilerplate: bibliographic database page furniture: \"PubMed Disclaimer\""
    ));
    assert!(
        report.lines().all(|l| l.contains(".txt:")),
        "every line names file:line"
    );
}

/// With `--out-dir --report` the report goes to its file, and the terminal says where
/// it is and how much it holds, and prints every warning once (a skipped file's text
/// is in no output).
#[test]
fn clean_report_to_a_folder_is_announced_with_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.txt"),
        "A page title\n\nSome text of the page, long enough to be a paragraph of prose.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
    let o = bin()
        .current_dir(dir.path())
        .args([
            "clean",
            "--out-dir",
            "out",
            "--report",
            "page.txt",
            "empty.txt",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "mdbook-seeds: 1 page cleaned into out; every edit and 1 warning are listed in out/report.txt\n"
        ),
        "{err}"
    );
    assert_eq!(
        err.matches("empty.txt: warning: the file is empty").count(),
        1,
        "{err}"
    );
}

#[test]
fn clean_prints_markdown_and_reports_to_stderr() {
    let out = bin()
        .arg("clean")
        .arg("--report")
        .arg(repo().join("seeds/004_4c123982e35a171b.txt"))
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Outcomes of bone tumours\n"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("004_4c123982e35a171b.txt:27: [classify] removed: advert"),
        "{err}"
    );
}

/// Run inside the book, `clean` on one seed speaks only of that file: the metadata
/// file's other pages are in the folder, and are no concern of this command.
#[test]
fn clean_of_one_file_inside_the_book_names_no_other_page() {
    let one = seeds().into_iter().next().unwrap();
    let out = bin()
        .current_dir(repo())
        .arg("clean")
        .arg(&one)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("no such file in the seeds folder"),
        "{stderr}"
    );
}

#[test]
fn clean_refuses_colliding_output_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    std::fs::create_dir_all(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("a/page.txt"), "Some text here.").unwrap();
    std::fs::write(dir.path().join("b/page.txt"), "Other text here.").unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["clean", "--out-dir", "out", "a/page.txt", "b/page.txt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"page\"") && err.contains("a/page.txt") && err.contains("b/page.txt"),
        "{err}"
    );
    // Names that differ only in letter case are one file on macOS and Windows.
    std::fs::write(dir.path().join("b/Page.txt"), "Other text here.").unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["clean", "--out-dir", "out", "a/page.txt", "b/Page.txt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("letter case aside") && err.contains("b/Page.txt"),
        "{err}"
    );
}

#[test]
fn supports_every_renderer() {
    assert!(bin().args(["supports", "html"]).status().unwrap().success());
    assert!(
        bin()
            .args(["supports", "markdown"])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        &["--help"][..],
        &["build", "--help"],
        &["clean", "--help"],
        &["supports", "--help"],
    ] {
        let out = bin().args(sub).output().unwrap();
        assert!(out.status.success(), "{sub:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage:"),
            "{sub:?}"
        );
    }
}

#[test]
fn preprocessor_protocol_round_trip_matches_in_process_run() {
    let md = MDBook::load(repo()).unwrap();
    let ctx = PreprocessorContext::new(repo(), md.config.clone(), "html".into());
    let input = serde_json::to_string(&(&ctx, &md.book)).unwrap();
    let mut child = bin()
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book: Book = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<String> = book
        .iter()
        .filter_map(|i| match i {
            BookItem::Chapter(c) => Some(c.name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        names,
        vec![
            "Introduction",
            "Systemic strategies for osteosarcoma: advances and future directions",
            "Metastatic osteosarcoma",
            "Research into primary bone cancer",
            "Immunotherapy treatment for bone cancer",
            "Outcomes of bone tumours",
            "Glossary",
            "Bibliography",
            "How this book is made",
            "Editorial notes",
            "Notes: Systemic strategies for osteosarcoma: advances and future directions",
            "Notes: Metastatic osteosarcoma",
            "Notes: Research into primary bone cancer",
            "Notes: Immunotherapy treatment for bone cancer",
            "Notes: Outcomes of bone tumours",
        ]
    );
    let in_process = mdbook_preprocessor::Preprocessor::run(
        &mdbook_seeds::SeedsPreprocessor::default(),
        &ctx,
        md.book.clone(),
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(&book).unwrap(),
        serde_json::to_value(&in_process).unwrap()
    );
}

#[test]
fn build_writes_the_site_to_the_destination() {
    let out = tempfile::tempdir().unwrap();
    let run = bin()
        .args(["build"])
        .arg(repo())
        .arg("--dest-dir")
        .arg(out.path())
        .env_remove("MDBOOK_SEEDS_VERBOSE")
        .output()
        .unwrap();
    assert!(run.status.success());
    // Warnings are summarised, one line per kind, not printed one by one.
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("kind(s); a page's warnings are also in its editorial notes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("× citation [N] has no reference list"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("citation [8] has no reference list"),
        "{stderr}"
    );
    assert!(out.path().join("index.html").exists());
    assert!(
        out.path()
            .join("seeds/outcomes-of-bone-tumours.html")
            .exists()
    );
}
