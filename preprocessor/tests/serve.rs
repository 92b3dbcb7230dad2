//! `mdbook-seeds serve`: the site is served, a seed edit rebuilds it and bumps
//! the version open pages poll, a broken build keeps the last good site online
//! with its error on the status, and fixing it recovers.
//!
//! Latencies are printed, not asserted (speed is measured by benchmarks).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// A copy of the book (book.toml, src, seeds, theme) in a temporary folder.
fn copy_book() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo_root().join("book.toml"), dir.path().join("book.toml")).unwrap();
    for sub in ["src", "seeds", "theme"] {
        copy_dir(&repo_root().join(sub), &dir.path().join(sub));
    }
    dir
}

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path) -> Server {
    start_with(root, &[])
}

/// `start`, with environment variables (mdBook's `MDBOOK_*` overrides).
fn start_with(root: &Path, env: &[(&str, &str)]) -> Server {
    start_inner(root, env, None)
}

/// `start`, collecting what the server prints on standard error into `lines`.
fn start_capturing(root: &Path, lines: std::sync::Arc<std::sync::Mutex<Vec<String>>>) -> Server {
    start_inner(root, &[], Some(lines))
}

fn start_inner(
    root: &Path,
    env: &[(&str, &str)],
    stderr_lines: Option<std::sync::Arc<std::sync::Mutex<Vec<String>>>>,
) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mdbook-seeds"))
        .envs(env.iter().copied())
        .args(["serve", "--port", "0"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(if stderr_lines.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .spawn()
        .expect("start mdbook-seeds serve");
    if let (Some(lines), Some(err)) = (stderr_lines, child.stderr.take()) {
        std::thread::spawn(move || {
            let mut reader = BufReader::new(err);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                if let Ok(mut l) = lines.lock() {
                    l.push(line.trim_end().to_string());
                }
                line.clear();
            }
        });
    }
    let stdout = child.stdout.take().expect("stdout");
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    reader
        .read_line(&mut line)
        .expect("the server says where it listens");
    // Keep reading what it prints, as a terminal would.
    std::thread::spawn(move || {
        let mut sink = String::new();
        while reader.read_line(&mut sink).is_ok_and(|n| n > 0) {
            sink.clear();
        }
    });
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

/// (status code, body) of a GET.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (code, body)
}

fn status(addr: &str) -> serde_json::Value {
    let (code, body) = get(addr, "/__seeds/status");
    serde_json::from_str(&body)
        .unwrap_or_else(|e| panic!("status {code} is not JSON ({e}): {body:?}"))
}

/// Wait (up to a minute) until the status satisfies `f`; return how long it took.
fn wait_for(addr: &str, f: impl Fn(&serde_json::Value) -> bool) -> Duration {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        if f(&status(addr)) {
            return t.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out; last status {}", status(addr));
}

#[test]
fn serve_rebuilds_on_change_and_survives_a_broken_build() {
    let book = copy_book();
    let seeds = book.path().join("seeds");
    let server = start(book.path());
    let addr = server.addr.clone();
    let page = "/seeds/research-into-primary-bone-cancer.html";

    let s = status(&addr);
    assert_eq!(s["version"], 1, "{s}");
    assert!(s["error"].is_null(), "{s}");
    let (code, html) = get(&addr, page);
    assert_eq!(code, 200);
    assert!(
        html.contains("/__seeds/status"),
        "pages get the reload script"
    );
    assert!(html.contains("glucarpidase"));
    assert_eq!(get(&addr, "/no-such-page.html").0, 404);
    assert_eq!(get(&addr, "/../../etc/passwd").0, 404);

    // Edit a seed: a new build, with the new text.
    let seed = seeds.join("002_e3ceec644d6e421f.txt");
    let mut text = std::fs::read_to_string(&seed).unwrap();
    assert!(text.contains("to reduce the side effects of methotrexate."));
    text = text.replace(
        "to reduce the side effects of methotrexate.",
        "to reduce the side effects of methotrexate. Zebrafish models were also studied.",
    );
    std::fs::write(&seed, &text).unwrap();
    let took = wait_for(&addr, |s| s["version"] == 2);
    eprintln!("seed edit → new build served in {} ms", took.as_millis());
    eprintln!(
        "rebuild took {} ms (status build_ms)",
        status(&addr)["build_ms"]
    );
    assert!(
        get(&addr, page)
            .1
            .contains("Zebrafish models were also studied.")
    );

    // Break the build (an invalid glossary file): the error is reported, the last good site stays.
    std::fs::write(seeds.join("glossary.toml"), "[[term]]\nname = 3\n").unwrap();
    wait_for(&addr, |s| !s["error"].is_null());
    let s = status(&addr);
    assert_eq!(s["version"], 2, "no new version for a failed build");
    assert!(
        s["error"].as_str().unwrap_or("").contains("glossary.toml"),
        "{s}"
    );
    let (code, html) = get(&addr, page);
    assert_eq!(code, 200, "the last good build is still served");
    assert!(html.contains("Zebrafish models were also studied."));

    // A seed that cannot be cleaned: a warning on the page, the book still builds.
    std::fs::copy(
        repo_root().join("seeds/glossary.toml"),
        seeds.join("glossary.toml"),
    )
    .unwrap();
    std::fs::write(seeds.join("900_binary.txt"), b"\0\0\0binary").unwrap();
    wait_for(&addr, |s| {
        s["error"].is_null()
            && s["skipped"].as_array().is_some_and(|w| {
                w.iter()
                    .any(|w| w.as_str().unwrap_or("").contains("900_binary.txt"))
            })
    });
    // Only files left out of the book are "skipped"; the seeds' own warnings are not.
    let s = status(&addr);
    assert_eq!(s["skipped"].as_array().map(Vec::len), Some(1), "{s}");
    assert!(s["warnings"].as_array().is_some_and(|w| w.len() > 1), "{s}");
    assert_eq!(get(&addr, page).0, 200);
}

/// A book served with Pagefind: the bundle is served with the site, its entry
/// lists the English index, and mdBook's own index and search button are gone.
#[test]
fn serve_builds_and_serves_the_pagefind_index() {
    let book = copy_book();
    let server = start_with(
        book.path(),
        &[("MDBOOK_PREPROCESSOR__SEEDS__SEARCH__ENGINE", "pagefind")],
    );
    let addr = server.addr.clone();
    assert!(status(&addr)["error"].is_null());
    let (code, entry) = get(&addr, "/pagefind/pagefind-entry.json");
    assert_eq!(code, 200, "{entry}");
    let entry: serde_json::Value = serde_json::from_str(&entry).unwrap();
    assert!(
        entry["languages"]["en"]["page_count"].as_u64().unwrap_or(0) >= 8,
        "{entry}"
    );
    assert_eq!(get(&addr, "/pagefind/pagefind-ui.js").0, 200);
    let (_, html) = get(&addr, "/introduction.html");
    assert!(!html.contains("mdbook-search-toggle"), "{html}");
    // theme/seeds.js (hashed), which shows Pagefind's search button.
    assert!(html.contains("theme/seeds-"), "{html}");
}

/// `serve` watches what the build reads, not the whole book folder: a log file written
/// beside book.toml, or a file in the output folder, starts no rebuild (before, a
/// `nohup` log rebuilt the book about every quarter second, without end); a seed edit
/// starts exactly one.
#[test]
fn serve_rebuilds_only_for_files_the_build_reads() {
    let book = copy_book();
    let server = start(book.path());
    let addr = server.addr.clone();
    assert_eq!(status(&addr)["version"], 1);
    std::fs::write(book.path().join("nohup.out"), "log line\n").unwrap();
    std::fs::create_dir_all(book.path().join("book")).unwrap();
    std::fs::write(book.path().join("book/extra.html"), "<p>x</p>").unwrap();
    for i in 0..4 {
        std::fs::write(book.path().join("nohup.out"), format!("log line {i}\n")).unwrap();
        std::thread::sleep(Duration::from_millis(500));
    }
    assert_eq!(
        status(&addr)["version"],
        1,
        "no rebuild for files the build does not read"
    );
    let seed = book.path().join("seeds/002_e3ceec644d6e421f.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(
        &seed,
        text.replace("methotrexate.", "methotrexate. Edited."),
    )
    .unwrap();
    wait_for(&addr, |s| s["version"] == 2);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        status(&addr)["version"],
        2,
        "exactly one rebuild for one edit"
    );
}

/// Issue 20: every rebuild printed every warning again (11 to 14 for the seed
/// book). The first build prints the summary; a rebuild prints only the warnings
/// whose kind and file are new.
#[test]
fn serve_prints_only_warnings_new_since_the_last_build() {
    let book = copy_book();
    let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let server = start_capturing(book.path(), lines.clone());
    let addr = server.addr.clone();
    assert_eq!(status(&addr)["version"], 1);
    let printed = |from: usize| -> Vec<String> {
        std::thread::sleep(Duration::from_millis(300));
        lines.lock().unwrap()[from..].to_vec()
    };
    let first = printed(0);
    assert!(
        first.iter().any(|l| l.contains(" × citation [N]")),
        "{first:#?}"
    );
    // An edit that adds no new kind of warning: one line says so, nothing repeats.
    let n = lines.lock().unwrap().len();
    let seed = book.path().join("seeds/002_e3ceec644d6e421f.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(
        &seed,
        text.replace("methotrexate.", "methotrexate. Edited."),
    )
    .unwrap();
    wait_for(&addr, |s| s["version"] == 2);
    let second = printed(n);
    assert!(
        second
            .iter()
            .any(|l| l.contains("none new since the last build")),
        "{second:#?}"
    );
    assert!(!second.iter().any(|l| l.contains(" × ")), "{second:#?}");
    // A new page with warnings of known kinds: new for that file, so printed.
    let n = lines.lock().unwrap().len();
    std::fs::copy(
        book.path().join("seeds/001_7f6635bda31256db.txt"),
        book.path().join("seeds/005_copy.txt"),
    )
    .unwrap();
    wait_for(&addr, |s| s["version"] == 3);
    let third = printed(n);
    assert!(
        third.iter().any(|l| l.contains("new since the last build")),
        "{third:#?}"
    );
    assert!(
        third.iter().any(|l| l.contains("(first in 005_copy.txt)")),
        "{third:#?}"
    );
    assert!(
        !third.iter().any(|l| l.contains("(first in 001_")),
        "{third:#?}"
    );
}
