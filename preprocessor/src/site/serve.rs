//! `mdbook-seeds serve`: build the book with mdBook embedded, watch its files
//! with `notify`, serve the site on localhost, and reload open pages after
//! each rebuild.
//!
//! Each build goes into a fresh folder that is served only once it is
//! complete, so a reader never sees a half-written site; a failed build keeps
//! the last good site online and shows the error on the page (a banner) and
//! in the terminal. Open pages learn about builds by polling
//! `/__seeds/status` (a small script added to every HTML response).

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server knows about the latest build.
#[derive(Debug, Clone, Default)]
pub(crate) struct Status {
    /// Increases with every successful build; pages reload when it changes.
    pub(crate) version: u64,
    /// The folder of the last good build.
    pub(crate) site: Option<PathBuf>,
    /// Why the latest build failed, if it did (the last good site is still served).
    pub(crate) error: Option<String>,
    /// Warnings of the latest build.
    pub(crate) warnings: Vec<String>,
    /// Seed files the latest build skipped (binary, unreadable, too large…).
    pub(crate) skipped: Vec<String>,
    /// How long the latest build took.
    pub(crate) build_ms: u128,
    /// The warning kinds of the last build: a rebuild prints only new ones.
    pub(crate) seen: crate::mdbook::SeenWarnings,
}

/// Options of `serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub hostname: String,
    /// 0: any free port.
    pub port: u16,
    pub open: bool,
}

/// Build once into `out`. Returns what the preprocessor reported.
fn build_into(
    root: &Path,
    out: &Path,
    seen: Option<crate::mdbook::SeenWarnings>,
) -> Result<crate::mdbook::RunReport> {
    Ok(crate::site::build_seeing(root, Some(out), seen)?.report)
}

/// Rebuild into a new folder and publish it in `status`.
fn rebuild(root: &Path, builds: &Path, status: &Arc<Mutex<Status>>) {
    let next = status.lock().map(|s| s.version + 1).unwrap_or(1);
    let out = builds.join(format!("site-{next}"));
    let started = Instant::now();
    let seen = status.lock().ok().map(|s| s.seen.clone());
    let result = build_into(root, &out, seen);
    let ms = started.elapsed().as_millis();
    let Ok(mut s) = status.lock() else {
        return;
    };
    s.build_ms = ms;
    match result {
        Ok(report) => {
            let old = s.site.replace(out);
            s.version = next;
            s.error = None;
            s.warnings = report.warnings;
            s.skipped = report.skipped;
            say(&format!(
                "mdbook-seeds serve: rebuilt in {ms} ms ({} warning(s))",
                s.warnings.len()
            ));
            if let Some(old) = old {
                let _ = std::fs::remove_dir_all(old);
            }
        }
        Err(e) => {
            let msg = format!("{e:#}");
            say(&format!(
                "mdbook-seeds serve: the build failed; still serving the last good build.\n{msg}"
            ));
            s.error = Some(msg);
            let _ = std::fs::remove_dir_all(&out);
        }
    }
}

/// A line on standard error; a closed stream must not stop the server.
fn say(msg: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{msg}");
}

/// What the build reads, so what `serve` watches: book.toml, the source folder
/// (`[book] src`), the theme folder (`[output.html] theme`), the seeds folder with the
/// metadata and glossary files (`[preprocessor.seeds]`), and `[build] extra-watch-dirs`.
/// Never the build folder, nor anything else in the book folder (a log file written there
/// must not start a rebuild). Read afresh after each rebuild, since book.toml may change.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WatchList {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl WatchList {
    fn of(root: &Path) -> WatchList {
        let table: toml::Table = std::fs::read_to_string(root.join("book.toml"))
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or_default();
        let get = |path: &[&str]| -> Option<&toml::Value> {
            let mut v = table.get(path[0])?;
            for k in &path[1..] {
                v = v.get(*k)?;
            }
            Some(v)
        };
        let string = |path: &[&str], default: &str| {
            root.join(get(path).and_then(|v| v.as_str()).unwrap_or(default))
        };
        let config = crate::config::Config::from_book_root(root).unwrap_or_default();
        let seeds = root.join(&config.seeds_dir);
        let mut dirs = vec![
            string(&["book", "src"], "src"),
            string(&["output", "html", "theme"], "theme"),
            seeds.clone(),
        ];
        if let Some(extra) = get(&["build", "extra-watch-dirs"]).and_then(|v| v.as_array()) {
            dirs.extend(
                extra
                    .iter()
                    .filter_map(|v| v.as_str())
                    .map(|d| root.join(d)),
            );
        }
        let files = vec![
            root.join("book.toml"),
            seeds.join(&config.metadata),
            seeds.join(&config.terms.file),
        ];
        WatchList { files, dirs }
    }

    /// Does a change of `path` need a rebuild? Editors' backup and lock files do not.
    fn wants(&self, path: &Path) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with('~') || name.ends_with(".swp") || name.starts_with(".#") {
            return false;
        }
        self.files.iter().any(|f| f == path) || self.dirs.iter().any(|d| path.starts_with(d))
    }

    /// Watch what exists of the list (folders recursively), and the book folder itself
    /// without recursion, to see book.toml replaced and listed folders created.
    fn watch(&self, root: &Path, watcher: &mut impl notify::Watcher, done: &mut Vec<PathBuf>) {
        if !done.iter().any(|d| d == root)
            && watcher
                .watch(root, notify::RecursiveMode::NonRecursive)
                .is_ok()
        {
            done.push(root.to_path_buf());
        }
        for d in &self.dirs {
            if d.is_dir()
                && !done.contains(d)
                && watcher.watch(d, notify::RecursiveMode::Recursive).is_ok()
            {
                done.push(d.clone());
            }
        }
        for f in &self.files {
            if f.is_file()
                && !done.contains(f)
                && !self.dirs.iter().any(|d| f.starts_with(d))
                && watcher
                    .watch(f, notify::RecursiveMode::NonRecursive)
                    .is_ok()
            {
                done.push(f.clone());
            }
        }
    }
}

/// The script added to every HTML page: poll the status, reload on a new
/// build, show a failed build's error.
const RELOAD_JS: &str = r#"<script>
(function () {
  var seen = __SEEDS_VERSION__;
  function banner(text) {
    var b = document.getElementById("seeds-serve-error");
    if (!text) { if (b) b.remove(); return; }
    if (!b) {
      b = document.createElement("pre");
      b.id = "seeds-serve-error";
      b.setAttribute("role", "alert");
      b.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:1000;margin:0;max-height:40vh;overflow:auto;padding:1em;background:#7a1010;color:#fff;font-size:14px;white-space:pre-wrap";
      document.body.appendChild(b);
    }
    b.textContent = text;
  }
  function poll() {
    fetch("/__seeds/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (s.version !== seen) { location.reload(); return; }
      var text = s.error ? "The last change broke the build; this page shows the last good build.\n\n" + s.error : "";
      // Seed files left out of the book; other warnings stay in the terminal.
      if (!text && s.skipped.length) text = "Some seed files are not in the book:\n" + s.skipped.join("\n");
      banner(text);
    }).catch(function () {}).then(function () { setTimeout(poll, 300); });
  }
  poll();
})();
</script>"#;

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn status_json(s: &Status) -> String {
    serde_json::json!({
        "version": s.version,
        "error": s.error,
        "warnings": s.warnings,
        "skipped": s.skipped,
        "build_ms": s.build_ms,
    })
    .to_string()
}

/// The file for a URL path inside `site`, refusing anything outside it.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut out = site.to_path_buf();
    for part in path.split('/') {
        let part = percent_decode(part);
        match part.as_str() {
            "" | "." => {}
            ".." => return None,
            p if p.contains(['\\', '\0']) => return None,
            p => out.push(p),
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A response: status code, content type, body.
struct Reply {
    code: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

/// Answer one GET for `url` from the current build.
fn reply(url: &str, status: &Arc<Mutex<Status>>) -> Reply {
    let snapshot = status.lock().map(|s| s.clone()).unwrap_or_default();
    if url.starts_with("/__seeds/status") {
        return Reply {
            code: 200,
            content_type: "application/json",
            body: status_json(&snapshot).into_bytes(),
        };
    }
    let Some(site) = snapshot.site else {
        return Reply {
            code: 503,
            content_type: "text/plain; charset=utf-8",
            body: format!(
                "The first build failed:\n\n{}",
                snapshot.error.unwrap_or_default()
            )
            .into_bytes(),
        };
    };
    let (path, code) = match resolve(&site, url).filter(|f| f.is_file()) {
        Some(f) => (f, 200),
        None => (site.join("404.html"), 404),
    };
    let Ok(mut body) = std::fs::read(&path) else {
        return Reply {
            code: 404,
            content_type: "text/plain; charset=utf-8",
            body: b"not found".to_vec(),
        };
    };
    let content_type = content_type(&path);
    if content_type.starts_with("text/html") {
        let html = String::from_utf8_lossy(&body);
        // The page knows which build it comes from, so a build that finishes
        // while it loads still reloads it.
        let js = RELOAD_JS.replace("__SEEDS_VERSION__", &snapshot.version.to_string());
        let html = match html.rfind("</body>") {
            Some(i) => format!("{}{js}{}", &html[..i], &html[i..]),
            None => format!("{html}{js}"),
        };
        body = html.into_bytes();
    }
    Reply {
        code,
        content_type,
        body,
    }
}

/// One connection: read the request head, answer it, close. (A hand-written
/// HTTP/1.1 subset, one request per connection: with tiny_http 0.12 and kept-
/// alive connections, Chromium sometimes waited forever for a stylesheet.)
fn handle(mut stream: std::net::TcpStream, status: &Arc<Mutex<Status>>) {
    use std::io::{BufRead, BufReader, Write};
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers, up to the blank line (at most 100 of them).
    for _ in 0..100 {
        let mut h = String::new();
        match reader.read_line(&mut h) {
            Ok(0) | Err(_) => break,
            Ok(_) if h == "\r\n" || h == "\n" => break,
            Ok(_) => {}
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, url) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let r = if method == "GET" || method == "HEAD" {
        reply(url, status)
    } else {
        Reply {
            code: 405,
            content_type: "text/plain; charset=utf-8",
            body: b"only GET".to_vec(),
        }
    };
    let reason = match r.code {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        r.code,
        r.content_type,
        r.body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&r.body);
    }
    let _ = stream.flush();
}

fn open_in_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(cmd).arg(url).spawn() {
        say(&format!(
            "mdbook-seeds serve: could not open a browser ({cmd}: {e}); open {url} yourself"
        ));
    }
}

/// Run the server until the process is stopped.
pub fn serve(opts: &ServeOptions) -> Result<()> {
    let root = opts
        .root
        .canonicalize()
        .with_context(|| format!("no book folder {}", opts.root.display()))?;
    if !root.join("book.toml").exists() {
        anyhow::bail!("{} has no book.toml: not a book folder", root.display());
    }
    let builds = std::env::temp_dir().join(format!("mdbook-seeds-serve-{}", std::process::id()));
    std::fs::create_dir_all(&builds)
        .with_context(|| format!("cannot create {}", builds.display()))?;
    let status = Arc::new(Mutex::new(Status::default()));
    rebuild(&root, &builds, &status);

    let listener = std::net::TcpListener::bind((opts.hostname.as_str(), opts.port))
        .with_context(|| format!("cannot listen on {}:{}", opts.hostname, opts.port))?;
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| format!("{}:{}", opts.hostname, opts.port));
    let url = format!("http://{addr}/");
    // Watch what the build reads (`WatchList`), before saying so: an edit made as soon
    // as the address is printed is seen.
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).context("starting the file watcher")?;
    let mut watched = Vec::new();
    let mut list = WatchList::of(&root);
    list.watch(&root, &mut watcher, &mut watched);
    if watched.is_empty() {
        anyhow::bail!("cannot watch {}", root.display());
    }
    // A closed standard output (a caller that stopped reading) must not stop the server.
    {
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = writeln!(
            out,
            "mdbook-seeds serve: serving {} on {url}",
            root.display()
        );
        let _ = writeln!(
            out,
            "mdbook-seeds serve: watching for changes; press Ctrl-C to stop"
        );
        let _ = out.flush();
    }
    if opts.open {
        open_in_browser(&url);
    }

    {
        let root = root.clone();
        let builds = builds.clone();
        let status = status.clone();
        std::thread::spawn(move || {
            // The watcher lives as long as the loop runs.
            let mut watcher = watcher;
            while let Ok(ev) = rx.recv() {
                let relevant = |ev: &notify::Result<notify::Event>, list: &WatchList| match ev {
                    Ok(e) => {
                        !matches!(e.kind, notify::EventKind::Access(_))
                            && e.paths.iter().any(|p| list.wants(p))
                    }
                    Err(_) => false,
                };
                if !relevant(&ev, &list) {
                    continue;
                }
                // Editors save in several steps: wait for 100 ms of quiet.
                while rx.recv_timeout(Duration::from_millis(100)).is_ok() {}
                rebuild(&root, &builds, &status);
                // book.toml may name other folders now, and a listed folder may exist now.
                list = WatchList::of(&root);
                list.watch(&root, &mut watcher, &mut watched);
            }
        });
    }
    // One thread per connection: a browser opens several at once.
    for stream in listener.incoming().flatten() {
        let status = status.clone();
        std::thread::spawn(move || handle(stream, &status));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let site = Path::new("/srv/site");
        assert_eq!(
            resolve(site, "/seeds/a.html?x=1#top"),
            Some(PathBuf::from("/srv/site/seeds/a.html"))
        );
        assert_eq!(resolve(site, "/../etc/passwd"), None);
        assert_eq!(resolve(site, "/seeds/%2e%2e/%2e%2e/x"), None);
        assert_eq!(
            resolve(site, "/a%20b.html"),
            Some(PathBuf::from("/srv/site/a b.html"))
        );
    }

    #[test]
    fn only_what_the_build_reads_triggers_rebuilds() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("book.toml"),
            "[book]\nsrc = \"pages\"\n[build]\nextra-watch-dirs = [\"notes\"]\n[preprocessor.seeds]\nseeds-dir = \"raw\"\n",
        )
        .unwrap();
        let list = WatchList::of(root);
        for yes in [
            "book.toml",
            "pages/SUMMARY.md",
            "raw/001.txt",
            "raw/seeds.toml",
            "theme/x.css",
            "notes/a.md",
        ] {
            assert!(list.wants(&root.join(yes)), "{yes}");
        }
        for no in [
            "nohup.out",
            "book/index.html",
            "target/x",
            "raw/.#001.txt",
            "raw/001.txt~",
            "src/old.md",
            "seeds/001.txt",
        ] {
            assert!(!list.wants(&root.join(no)), "{no}");
        }
    }
}
