//! Any bytes as a seed page: cleaning must not panic, must account for every
//! line, and the rendered chapter must not let seed text become markup.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mdbook_seeds::internals::chapters;
use mdbook_seeds::Config;
use mdbook_seeds::internals::clean_one;

fuzz_target!(|data: &[u8]| {
    let Ok(cleaned) = clean_one("fuzz.txt", data) else {
        return;
    };
    for p in &cleaned.pages {
        assert!(p.accounting.is_exact(), "{}", p.accounting);
    }
    let (chs, notes) = chapters(&cleaned, &Config::default());
    for c in &chs {
        let md = c.markdown();
        // Seed text is escaped: every '<' after the generator's source box is
        // backslash-escaped or inside a fenced code block (which Markdown never
        // reads) or the generator's own `<pre><code>` block of entities, and no
        // mdBook directive survives.
        let body = md.split("</aside>").nth(1).unwrap_or(&md);
        let mut prose = String::new();
        let mut fence: Option<String> = None;
        for line in body.lines() {
            let ticks: String = line.chars().take_while(|&c| c == '`').collect();
            match &fence {
                None if ticks.len() >= 3 => fence = Some(ticks),
                Some(f) if ticks.len() >= f.len() && line.trim_end() == ticks => fence = None,
                Some(_) => {}
                None => {
                    // The generator's own tags around a code block of entities.
                    let line = line.replace("<pre><code>", "").replace("</code></pre>", "");
                    prose.push_str(&line);
                    prose.push('\n');
                }
            }
        }
        let mut prev = ' ';
        for ch in prose.chars() {
            assert!(!(ch == '<' && prev != '\\'), "unescaped '<' in {body}");
            prev = if prev == '\\' && ch == '\\' { ' ' } else { ch };
        }
        assert!(!body.contains("{{#"), "{body}");
    }
    assert!(!notes.contains("{{#"));
});
