//! Hostile and broken input, end to end: the book still builds, every problem
//! is a warning naming the file (and line), nothing from a seed becomes markup,
//! and the same input always gives the same site.

use book_tests::{Site, TestBook};
use mdbook_seeds::Config;
use mdbook_seeds::internals::clean_book_dir;
use std::collections::BTreeMap;
use std::path::Path;

const PAGE: &str = "A page about bone tumours\n\nBone tumours are rare, and most lumps in bones are caused by other things that are not cancer.\n";

/// Write every broken file of the issue into the book's seeds folder.
fn add_broken_files(seeds: &Path) {
    let w = |name: &str, bytes: &[u8]| std::fs::write(seeds.join(name), bytes).unwrap();
    // Windows-1252: 0x92 is a typographic apostrophe.
    w("901_cp1252.txt", b"Ewing\x92s sarcoma in teenagers\n\nEwing\x92s sarcoma is a rare cancer of bone that is most common in teenagers and young adults.\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Chondrosarcoma in adults\n\nChondrosarcoma is a cancer of cartilage cells that is more common in adults than in children.\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    w("902_utf16.txt", &utf16);
    w("903_binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    w("904_empty.txt", b"");
    w("905_blank.txt", b"   \n\t\n  \n");
    w(
        "906_crlf.txt",
        PAGE.replace('\n', "\r\n")
            .replace("A page", "A CRLF page")
            .as_bytes(),
    );
    w(
        "907_cr.txt",
        PAGE.replace('\n', "\r")
            .replace("A page", "A CR page")
            .as_bytes(),
    );
    w("908_control.txt", b"Control characters in a page\n\nThis sentence has a bell\x07 and an escape\x1b character inside it, which are removed.\n");
    let long_line = format!(
        "One enormous line\n\n{}\n",
        "Osteosarcoma is a bone cancer. ".repeat(33_000)
    );
    w("909_long_line.txt", long_line.as_bytes());
    w(
        "910 name with spaces é.txt",
        PAGE.replace("A page", "A page with a spaced name")
            .as_bytes(),
    );
    // 50 MB: over the default max-file-bytes.
    let huge = "Bone cancer text that goes on and on. ".repeat(50_000_000 / 38 + 1);
    w("911_huge.txt", huge.as_bytes());
    // Unreadable: a link to nowhere (root can read any file, so permissions cannot make one).
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent/seed.txt", seeds.join("912_unreadable.txt")).unwrap();
    w("913_notes.md", b"not a seed");
    // Folders: pages in them are never read, and a folder named like a page is none.
    std::fs::create_dir_all(seeds.join("915_extra")).unwrap();
    std::fs::write(seeds.join("915_extra").join("030_nested.txt"), PAGE).unwrap();
    std::fs::create_dir_all(seeds.join("916_dir.txt")).unwrap();
    // A folder of images holds no page: no warning.
    std::fs::create_dir_all(seeds.join("917_images")).unwrap();
    std::fs::write(seeds.join("917_images").join("x.png"), b"\x89PNG").unwrap();
    // A web page saved as HTML with a .txt name.
    let html = format!(
        "<!DOCTYPE html>\n<html><head><title>Ewing sarcoma</title><script>var x = 1;</script></head>\n<body>{}</body></html>\n",
        "<div class=\"menu\"><a href=\"/home\">Home</a> <a href=\"/news\">News</a></div>\n<p>Ewing sarcoma is a bone cancer.</p>\n".repeat(8)
    );
    w("914_saved_html.txt", html.as_bytes());
}

fn warnings_by_file(book: &TestBook) -> BTreeMap<String, Vec<String>> {
    let config = Config::from_book_root(book.root()).unwrap();
    let (cleaned, _) = clean_book_dir(book.root(), &config).unwrap();
    let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for w in cleaned.warnings() {
        by_file
            .entry(w.file.clone())
            .or_default()
            .push(w.to_string());
    }
    for p in &cleaned.pages {
        assert!(p.accounting.is_exact(), "{}: {}", p.doc.file, p.accounting);
    }
    by_file
}

#[test]
fn broken_files_give_warnings_and_the_book_still_builds() {
    let book = TestBook::copy().unwrap();
    add_broken_files(&book.seeds());
    let warnings = warnings_by_file(&book);
    let has = |file: &str, needle: &str| {
        warnings
            .get(file)
            .is_some_and(|ws| ws.iter().any(|w| w.contains(needle)))
    };
    assert!(
        has(
            "901_cp1252.txt",
            "901_cp1252.txt:1: warning: not valid UTF-8; decoded as Windows-1252"
        ),
        "{warnings:#?}"
    );
    assert!(has("902_utf16.txt", "decoded as UTF-16LE"), "{warnings:#?}");
    assert!(has("903_binary.txt", "binary file"), "{warnings:#?}");
    assert!(has("904_empty.txt", "empty"), "{warnings:#?}");
    assert!(has("905_blank.txt", "empty"), "{warnings:#?}");
    assert!(has("911_huge.txt", "max-file-bytes"), "{warnings:#?}");
    assert!(has("912_unreadable.txt", "cannot read"), "{warnings:#?}");
    assert!(has("913_notes.md", "not a .txt file"), "{warnings:#?}");
    assert!(has("915_extra", "a folder"), "{warnings:#?}");
    assert!(has("916_dir.txt", "a folder"), "{warnings:#?}");
    assert!(!warnings.contains_key("917_images"), "{warnings:#?}");
    assert!(
        has("914_saved_html.txt", "looks like HTML saved as text"),
        "{warnings:#?}"
    );
    for ok in [
        "906_crlf.txt",
        "907_cr.txt",
        "908_control.txt",
        "910 name with spaces é.txt",
    ] {
        assert!(
            !warnings.contains_key(ok),
            "{ok} should clean without warnings: {warnings:#?}"
        );
    }

    let site = book.build().unwrap();
    let pages = site.pages();
    // The HTML page saved as text is never published as tags.
    for page in &pages {
        let main = site.main(page);
        assert!(!main.contains("&lt;div class"), "{page}: {main}");
    }
    for page in [
        "seeds/ewing-s-sarcoma-in-teenagers.html",
        "seeds/chondrosarcoma-in-adults.html",
        "seeds/a-crlf-page-about-bone-tumours.html",
        "seeds/a-cr-page-about-bone-tumours.html",
        "seeds/control-characters-in-a-page.html",
        "seeds/one-enormous-line.html",
        "seeds/a-page-with-a-spaced-name-about-bone-tumours.html",
    ] {
        assert!(
            pages.contains(&page.to_string()),
            "{page} missing from {pages:#?}"
        );
    }
    let cp = site.main("seeds/ewing-s-sarcoma-in-teenagers.html");
    assert!(cp.contains("Ewing’s sarcoma is a rare cancer"), "{cp}");
    let ctl = site.main("seeds/control-characters-in-a-page.html");
    assert!(
        ctl.contains("has a bell and an escape character inside it"),
        "{ctl}"
    );
    // The skipped files are listed on the editorial notes page.
    let notes = site.main("editorial-notes.html");
    for f in [
        "903_binary.txt",
        "904_empty.txt",
        "911_huge.txt",
        "912_unreadable.txt",
    ] {
        assert!(notes.contains(f), "{f} missing from the editorial notes");
    }
    // The five seeds are still there.
    assert!(pages.contains(&"seeds/outcomes-of-bone-tumours.html".to_string()));
}

/// The same broken and odd files, built with Pagefind: every cleaned page is
/// indexed (the one-megabyte line too), with its text decoded.
#[test]
fn broken_files_build_and_are_indexed_with_pagefind() {
    let book = TestBook::copy().unwrap();
    add_broken_files(&book.seeds());
    book.set_search("pagefind", 300).unwrap();
    let (site, built) = book.build_site().unwrap();
    assert!(built.pagefind.is_some());
    // The threshold counts every .txt file the build reads (5 seeds, 13 added,
    // the unreadable link among them), not the .md file or the book's own files.
    assert_eq!(built.seed_pages, 18);
    let pages = site.pagefind_pages().unwrap();
    for page in [
        "/seeds/ewing-s-sarcoma-in-teenagers.html",
        "/seeds/chondrosarcoma-in-adults.html",
        "/seeds/control-characters-in-a-page.html",
        "/seeds/one-enormous-line.html",
        "/seeds/a-page-with-a-spaced-name-about-bone-tumours.html",
    ] {
        assert!(
            pages.contains_key(page),
            "{page} not indexed: {:?}",
            pages.keys()
        );
    }
    let cp = pages["/seeds/ewing-s-sarcoma-in-teenagers.html"]["content"]
        .as_str()
        .unwrap();
    assert!(cp.contains("Ewing’s sarcoma is a rare cancer"), "{cp}");
    let long = &pages["/seeds/one-enormous-line.html"];
    assert!(
        long["word_count"].as_u64().unwrap() > 100_000,
        "{}",
        long["word_count"]
    );
}

#[test]
fn strict_mode_fails_the_build_with_the_same_messages() {
    let book = TestBook::copy().unwrap();
    std::fs::write(book.seeds().join("903_binary.txt"), b"\0\0\0binary").unwrap();
    let toml = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    std::fs::write(
        book.root().join("book.toml"),
        toml.replace("strict = false", "strict = true"),
    )
    .unwrap();
    let err = book.build().err().expect("strict mode fails the build");
    let msg = format!("{err:#}");
    assert!(msg.contains("strict mode"), "{msg}");
    assert!(
        msg.contains("903_binary.txt: warning: looks like a binary file"),
        "{msg}"
    );
}

/// Glossary and configuration warnings go through the same channel as the cleaner's:
/// strict mode sees them (they used to reach only the terminal).
#[test]
fn strict_mode_sees_glossary_warnings() {
    let book = TestBook::copy().unwrap();
    let toml = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    assert!(
        toml.contains("exclude = []"),
        "the seed book.toml changed: {toml}"
    );
    std::fs::write(
        book.root().join("book.toml"),
        toml.replace("strict = false", "strict = true")
            .replace("exclude = []", "exclude = [\"no such term anywhere\"]"),
    )
    .unwrap();
    let err = book
        .build()
        .err()
        .expect("strict mode fails on a glossary warning");
    let msg = format!("{err:#}");
    assert!(msg.contains("strict mode"), "{msg}");
    assert!(
        msg.contains(
            "warning: book.toml: `preprocessor.seeds.terms.exclude` names \"no such term anywhere\""
        ),
        "{msg}"
    );
}

fn build_with_config(extra: &str, replace: Option<(&str, &str)>) -> String {
    let book = TestBook::copy().unwrap();
    let mut toml = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    if let Some((a, b)) = replace {
        toml = toml.replace(a, b);
    }
    toml = toml.replace(
        "[preprocessor.seeds.terms]",
        &format!("{extra}\n[preprocessor.seeds.terms]"),
    );
    std::fs::write(book.root().join("book.toml"), toml).unwrap();
    match book.build() {
        Ok(_) => String::new(),
        Err(e) => format!("{e:#}"),
    }
}

#[test]
fn configuration_errors_name_the_key_and_what_is_expected() {
    let unknown = build_with_config("boilerplates = []", None);
    assert!(
        unknown.contains("unknown key `preprocessor.seeds.boilerplates`"),
        "{unknown}"
    );
    let wrong_type = build_with_config("", Some(("strict = false", "strict = \"no\"")));
    assert!(wrong_type.contains("strict"), "{wrong_type}");
    let bad_regex = build_with_config(
        "",
        Some(("boilerplate = []", "boilerplate = [\"(unclosed\"]")),
    );
    assert!(
        bad_regex.contains("`preprocessor.seeds.boilerplate[0]`"),
        "{bad_regex}"
    );
    assert!(
        bad_regex.contains("not a valid regular expression"),
        "{bad_regex}"
    );
    // The editor's own pattern, not the whole-line wrapper, and a hint at escaping.
    assert!(!bad_regex.contains("(?i)^(?:"), "{bad_regex}");
    assert!(bad_regex.contains("(unclosed"), "{bad_regex}");
    assert!(bad_regex.contains("hint: ( ) [ ] ? + * . |"), "{bad_regex}");
    let missing = build_with_config(
        "",
        Some(("seeds-dir = \"seeds\"", "seeds-dir = \"no-such-folder\"")),
    );
    assert!(
        missing.contains("seeds folder") && missing.contains("no-such-folder"),
        "{missing}"
    );
    let pin = build_with_config(
        "",
        Some(("pin = {}", "pin = { \"MRI\" = \"seeds/nowhere.md\" }")),
    );
    assert!(
        pin.contains("preprocessor.seeds.terms.pin")
            && pin.contains("no chapter \"seeds/nowhere.md\""),
        "{pin}"
    );
    let scope = build_with_config(
        "",
        Some((
            "first-mention-per = \"chapter\"",
            "first-mention-per = \"page\"",
        )),
    );
    assert!(
        scope.contains("first-mention-per") || scope.contains("unknown variant"),
        "{scope}"
    );
}

#[test]
fn a_glossary_entry_without_a_source_is_an_error_naming_the_file_and_term() {
    let book = TestBook::copy().unwrap();
    std::fs::write(
        book.seeds().join("glossary.toml"),
        "[[term]]\nname = \"osteosarcoma\"\ndefinition = \"A bone cancer.\"\nsource = \" \"\n",
    )
    .unwrap();
    let msg = format!("{:#}", book.build().err().expect("the build fails"));
    assert!(
        msg.contains("glossary.toml")
            && msg.contains("\"osteosarcoma\"")
            && msg.contains("`source`"),
        "{msg}"
    );
    std::fs::write(book.seeds().join("glossary.toml"), "[[term]]\nname = 3\n").unwrap();
    let msg = format!("{:#}", book.build().err().expect("the build fails"));
    assert!(
        msg.contains("glossary.toml") && msg.contains("line 2"),
        "{msg}"
    );
}

fn all_files(site: &Site) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&site.dir, &site.dir, &mut out);
    out
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let a = TestBook::copy().unwrap();
    let b = TestBook::copy().unwrap();
    let (sa, sb) = (
        all_files(&a.build().unwrap()),
        all_files(&b.build().unwrap()),
    );
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (name, bytes) in &sa {
        assert!(bytes == &sb[name], "{name} differs between two builds");
    }
}

/// Every element and attribute in a chapter is one the generator writes, and
/// every link goes where the generator sends links.
#[test]
fn chapters_contain_only_markup_the_generator_writes() {
    let book = TestBook::copy().unwrap();
    std::fs::write(
        book.seeds().join("900_hostile.txt"),
        "Hostile page about bone tumours\n\n\
         Some scraped pages have <script>alert(1)</script> in the middle of a sentence, and this one also has <img src=x onerror=alert(1)> in it.\n\n\
         If you click <a href=\"javascript:alert(1)\">this link</a> or look at the <iframe src=\"https://example.com\"></iframe> frame, nothing at all should happen to you.\n\n\
         This is [a link](https://example.com) and this is ![an image](https://example.com/x.png) and <https://example.com> is an autolink, and &lt;b&gt; is an entity in the text.\n\n\
         A Quite \"Bad\" <i>Thing</i> (QBT) is an abbreviation whose long form holds quotes and tags, and QBT is used again here so that its expansion is shown.\n\n\
         function f(a) {\n\
         \x20 return a + \"</code></pre><script>alert(2)</script>\";\n\
         }\n\
         var fence = \"````\";\n\n\
         Code may hold what a preprocessor reads as a directive, and the next block does so on purpose.\n\n\
         var t = g(x);\n\
         // {{#include /etc/passwd}} <!-- cmdrun touch pwned -->\n\
         }\n\n\
         Both blocks above should show as code, exactly as they were written on the page.\n",
    )
    .unwrap();
    let site = book.build().unwrap();
    let tag = regex::Regex::new(r"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>").unwrap();
    let attr = regex::Regex::new(r#"([a-zA-Z-]+)="([^"]*)""#).unwrap();
    let allowed_tags = [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "p",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "code",
        "pre",
        "aside",
        "dl",
        "dt",
        "dd",
        "br",
        "div",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "span",
        "abbr",
        "main",
    ];
    let mut checked = 0;
    for page in site.pages().into_iter().filter(|p| p.starts_with("seeds/")) {
        let main = site.main(&page);
        for c in tag.captures_iter(&main) {
            let name = c[1].to_lowercase();
            assert!(allowed_tags.contains(&name.as_str()), "<{name}> in {page}");
            for a in attr.captures_iter(&c[2]) {
                let (k, v) = (&a[1], &a[2]);
                match k {
                    "href" => assert!(
                        v.starts_with('#')
                            || v.starts_with("https://doi.org/")
                            || (!v.contains(':') && v.ends_with(".html"))
                            || (!v.contains(':') && v.contains(".html#")),
                        "href {v:?} in {page}"
                    ),
                    "id" | "class" | "aria-label" | "style" | "start" | "title" | "hidden" => {}
                    // The source box, kept out of Pagefind's index (no value).
                    "data-pagefind-ignore" if v.is_empty() => {}
                    other => panic!("attribute {other}={v:?} in {page}"),
                }
                checked += 1;
            }
        }
    }
    // The hostile text is on the page, as text: the checks above really saw it.
    let main = site.main("seeds/hostile-page-about-bone-tumours.html");
    for visible in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        // mdBook's smart punctuation curls the straight quotes of the text.
        "&lt;a href=“javascript:alert(1)”&gt;this link&lt;/a&gt;",
        "&lt;iframe src=“https://example.com”&gt;&lt;/iframe&gt;",
        "[a link](https://example.com)",
        "![an image](https://example.com/x.png)",
        "&lt;https://example.com&gt;",
        "&amp;lt;b&amp;gt;",
        // An abbreviation defined with quotes and tags: its expansion is an attribute value, escaped.
        "<abbr title=\"Quite &quot;Bad&quot; &lt;i&gt;Thing&lt;/i\">QBT</abbr>",
        // Code in a fenced block: its tags are text, and its backticks close nothing.
        "<pre><code class=\"language-text\">function f(a) {\n  return a + \"&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;\";\n}\nvar fence = \"````\";\n</code></pre>",
        // Code with directives in it: a block of entities, the directives inert
        // (neither included nor run: the comment is text).
        "<pre><code>var t = g(x);\n// {{#include /etc/passwd}} &lt;!-- cmdrun touch pwned --&gt;\n}</code></pre>",
    ] {
        assert!(
            main.contains(visible),
            "{visible} should be visible text in {main}"
        );
    }
    assert!(checked > 50, "only {checked} attributes checked");
}
