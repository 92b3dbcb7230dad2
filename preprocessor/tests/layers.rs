//! The crate's layers: a module may use only the layers below its own (see `src/lib.rs`).
//!
//! Every `crate::…` and `super::…` path in `src/` is checked, not only `use` lines: inline
//! paths, grouped imports (`crate::{a, b}`) and test modules count the same. Comments and
//! string literals are skipped by a small lexer, so a path in a doc comment or a message
//! does not count.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Bottom to top; a module may use its own layer and those before it.
const LAYERS: &[&str] = &[
    "config", "text", "model", "record", "clean", "output", "terms", "mdbook", "site", "main",
];

fn layer(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == top)
}

/// The code of a Rust file with comments removed and string and char literals emptied.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if c == b'r' && matches!(b.get(i + 1), Some(b'"') | Some(b'#')) {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            j += 1;
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            while j < b.len() && !b[j..].starts_with(&close) {
                j += 1;
            }
            out.push_str("\"\"");
            i = j + close.len();
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += 1;
        } else if c == b'\'' {
            // A char literal ('x', '\n', '\u{..}', '"') or a lifetime ('a).
            let end = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..]
                    .iter()
                    .position(|&x| x == b'\'')
                    .map(|p| i + 2 + p)
            } else {
                let len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + len) == Some(&b'\'')).then_some(i + 1 + len)
            };
            match end {
                Some(e) => {
                    out.push_str("' '");
                    i = e + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let len = src[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&src[i..i + len]);
            i += len;
        }
    }
    out
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first path segments named by what follows `crate::` (an ident or a `{…}` group).
fn first_segments(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut items = vec![String::new()];
        for ch in group.chars() {
            match ch {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => items.push(String::new()),
                _ => {}
            }
            if depth == 0
                && ch != ','
                && ch != '}'
                && let Some(last) = items.last_mut()
            {
                last.push(ch);
            }
        }
        items
            .iter()
            .map(|s| ident_at(s.trim()).to_string())
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        vec![ident_at(rest).to_string()]
    }
}

/// Module path of a file: `src/clean/classify/mod.rs` → `[clean, classify]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().map(String::as_str) == Some("mod") || parts == ["lib"] {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every upward edge in the crate: (file, line, the path, its layer, the file's layer).
fn upward_edges(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for f in &files {
        let module = module_path(src, f);
        let Some(top) = module.first() else { continue }; // lib.rs: the crate root
        let own =
            layer(top).unwrap_or_else(|| panic!("{}: module {top} is in no layer", f.display()));
        let code = code_only(&std::fs::read_to_string(f).unwrap());
        // Inline modules (`mod tests {`) deepen the module path for `super::`.
        let mut inline: Vec<usize> = Vec::new(); // brace depth at which each inline mod opened
        let mut depth = 0usize;
        for (no, line) in code.lines().enumerate() {
            let t = line.trim_start();
            let opens_mod = (t.starts_with("mod ")
                || t.starts_with("pub mod ")
                || t.starts_with("pub(crate) mod "))
                && t.trim_end().ends_with('{');
            let mut targets = Vec::new();
            let mut rest = line;
            while let Some(p) = rest.find("crate::") {
                let before = rest[..p].chars().next_back();
                if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
                    targets.extend(first_segments(&rest[p + 7..]));
                }
                rest = &rest[p + 7..];
            }
            let mut rest = line;
            while let Some(p) = rest.find("super::") {
                let mut after = &rest[p..];
                let mut ups = 0;
                while let Some(r) = after.strip_prefix("super::") {
                    ups += 1;
                    after = r;
                }
                let path: Vec<String> = module
                    .iter()
                    .cloned()
                    .chain((0..inline.len()).map(|_| "<inline>".to_string()))
                    .collect();
                let base = path.len().saturating_sub(ups);
                match path[..base].first() {
                    Some(t) => targets.push(t.clone()),
                    None => targets.extend(first_segments(after)),
                }
                rest = &rest[p + 7 * ups..];
            }
            for t in targets {
                if t == "self" || t.is_empty() {
                    continue;
                }
                match layer(&t) {
                    Some(l) if l > own => bad.push(format!(
                        "{}:{}: `{t}` ({}) used from layer {} ({top})",
                        f.display(),
                        no + 1,
                        l + 1,
                        own + 1
                    )),
                    Some(_) => {}
                    None => bad.push(format!(
                        "{}:{}: `crate::{t}` is not a layer module (name the layer it lives in)",
                        f.display(),
                        no + 1
                    )),
                }
            }
            for ch in line.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth = depth.saturating_sub(1);
                        if inline.last() == Some(&depth) {
                            inline.pop();
                        }
                    }
                    _ => {}
                }
            }
            if opens_mod {
                inline.push(depth - 1);
            }
        }
    }
    bad
}

#[test]
fn imports_only_point_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let bad = upward_edges(&src);
    assert!(
        bad.is_empty(),
        "{} paths point up a layer:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The checker itself: it sees grouped, inline and `super::` paths, and not comments or strings.
#[test]
fn the_checker_finds_what_it_should() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("text")).unwrap();
    std::fs::write(
        src.join("text/mod.rs"),
        "//! crate::site in a doc comment\nuse crate::{config, clean::x};\nfn f() { let s = \"crate::mdbook\"; crate::output::g(); }\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\nfn h() { super::site::go(); }\n",
    )
    .unwrap();
    std::fs::write(
        src.join("config.rs"),
        "fn f() { let c = '{'; }\nmod m {\n  use super::super::text;\n}\n",
    )
    .unwrap();
    let bad = upward_edges(src);
    let found: BTreeSet<String> = bad
        .iter()
        .map(|b| b.split(": ").nth(1).unwrap_or("").to_string())
        .collect();
    assert_eq!(
        found,
        [
            "`clean` (5) used from layer 2 (text)",
            "`output` (6) used from layer 2 (text)",
            "`site` (9) used from layer 2 (text)",
            "`text` (2) used from layer 1 (config)",
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        "{bad:#?}"
    );
}
