//! Scale benchmark: synthetic corpora of 10 to 10,000 pages made from the seeds
//! and the fixture pages (shuffled paragraphs, injected boilerplate, typos and
//! reference lists), cleaned and built. Prints one row per size, then the
//! targets as ratios measured in the same run. Never asserts timings.
//!
//!     cargo bench -p mdbook-seeds --bench scale            # 10, 100, 1000, 10000 pages
//!     SIZES=10,100 cargo bench -p mdbook-seeds --bench scale
//!     KEEP=/tmp/books SIZES=1000 cargo bench …            # keep the generated books
//!     cargo bench -p mdbook-seeds --bench scale -- --clean-only 1000   # the cleaner alone
//!     DIGEST=1 cargo bench … -- --clean-only 1000          # plus a digest of the result
//!
//! Each size runs in a child process, and within it the cleaner, the whole build
//! and mdBook alone each run in a child process of their own, so that each peak
//! memory is its own. The children run from a copy of the binary, so rebuilding
//! the bench during a long run does not break it.

use mdbook_driver::MDBook;
use mdbook_seeds::internals::clean_corpus_timed;
use mdbook_seeds::internals::{chapters, read_inputs};
use mdbook_seeds::{Config, internals::MetadataFile};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const BOILERPLATE: &[&str] = &[
    "Skip to main content",
    "Share this page",
    "Back to top",
    "Was this page helpful?",
    "Yes",
    "No",
    "We use cookies to make our site work and to improve it.",
    "Print",
    "Email",
    "Menu",
    "Search",
    "© 2024 Example Health Charity. All rights reserved.",
    "Sign up to our newsletter for updates.",
    "Donate now",
    "Related articles",
    "Decorative image",
];

fn paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    for dir in [
        "seeds",
        "preprocessor/tests/fixtures",
        "preprocessor/tests/heldout",
    ] {
        for e in std::fs::read_dir(repo().join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                let text =
                    String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default()).into_owned();
                out.extend(
                    text.split("\n\n")
                        .flat_map(blocks)
                        .filter(|p| p.split_whitespace().count() >= 12)
                        .map(String::from),
                );
            }
        }
    }
    out
}

/// The paragraphs of one blank-line-separated block. A block that is one
/// hard-wrapped paragraph (every line but the last is long) stays whole; any
/// other block (a scraped page without blank lines: headings, menu lines and
/// one paragraph per line) is split at its lines, so that a whole page never
/// becomes one "paragraph" of a generated page.
fn blocks(block: &str) -> Vec<&str> {
    let lines: Vec<&str> = block.trim().lines().map(str::trim).collect();
    let wrapped = lines.len() > 1
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| l.split_whitespace().count() >= 6);
    if lines.len() <= 1 || wrapped {
        vec![block.trim()]
    } else {
        lines
    }
}

fn typo(word: &str, rng: &mut Rng) -> String {
    let mut c: Vec<char> = word.chars().collect();
    if c.len() > 5 && c.iter().all(|c| c.is_ascii_lowercase()) {
        let i = 1 + rng.below(c.len() - 3);
        c.swap(i, i + 1);
    }
    c.into_iter().collect()
}

fn page(i: usize, pool: &[String], rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(4) {
        s.push_str(BOILERPLATE[rng.below(BOILERPLATE.len())]);
        s.push('\n');
    }
    s.push_str(&format!("\nSynthetic page {i} about bone tumours\n\n"));
    for k in 0..8 + rng.below(12) {
        if k % 4 == 3 {
            s.push_str(&format!("Section {k} of page {i}\n\n"));
        }
        let p = &pool[rng.below(pool.len())];
        let words: Vec<String> = p
            .split(' ')
            .map(|w| {
                if rng.below(200) == 0 {
                    typo(w, rng)
                } else {
                    w.to_string()
                }
            })
            .collect();
        s.push_str(&words.join(" "));
        s.push_str("\n\n");
    }
    if rng.below(3) == 0 {
        s.push_str("References\n\n");
        for r in 0..3 + rng.below(5) {
            s.push_str(&format!(
                "    1. Writer{r} A, Author B. Study {i}-{r} of bone tumours. J Bone Oncol. 20{:02};{}:{}-{}. doi:10.1000/bench.{i}.{r} - PMC - PubMed\n",
                10 + rng.below(15),
                1 + rng.below(30),
                1 + rng.below(100),
                101 + rng.below(100)
            ));
        }
        s.push('\n');
    }
    for _ in 0..rng.below(4) {
        s.push_str(BOILERPLATE[rng.below(BOILERPLATE.len())]);
        s.push('\n');
    }
    s
}

fn copy_book(to: &Path) {
    std::fs::create_dir_all(to.join("seeds")).unwrap();
    std::fs::copy(repo().join("book.toml"), to.join("book.toml")).unwrap();
    // The curated glossary, so that the build links terms as the real book does.
    std::fs::copy(
        repo().join("seeds/glossary.toml"),
        to.join("seeds/glossary.toml"),
    )
    .unwrap();
    for sub in ["src", "theme"] {
        std::fs::create_dir_all(to.join(sub)).unwrap();
        for e in std::fs::read_dir(repo().join(sub)).unwrap().flatten() {
            std::fs::copy(e.path(), to.join(sub).join(e.file_name())).unwrap();
        }
    }
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                dir_size(&p)
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            }
        })
        .sum()
}

/// The search index of a built site, and the most a first search downloads
/// before any result is shown: mdBook's whole index file, or Pagefind's entry,
/// metadata, WebAssembly, scripts and its largest word-index chunk.
fn search_sizes(site: &Path) -> (u64, u64) {
    let pf = site.join("pagefind");
    if !pf.exists() {
        let s = search_index_size(site);
        return (s, s);
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let files = |sub: &str| -> Vec<PathBuf> {
        std::fs::read_dir(pf.join(sub))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect()
    };
    let chunks = files("index");
    let fragments = files("fragment");
    let top = files("");
    let meta: u64 = top
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pf_meta"))
        .map(|p| size(p))
        .sum();
    let index: u64 = chunks
        .iter()
        .chain(&fragments)
        .map(|p| size(p))
        .sum::<u64>()
        + meta;
    let first: u64 = meta
        + chunks.iter().map(|p| size(p)).max().unwrap_or(0)
        + [
            "pagefind-entry.json",
            "pagefind.js",
            "pagefind-ui.js",
            "pagefind-ui.css",
            "wasm.en.pagefind",
        ]
        .iter()
        .map(|f| size(&pf.join(f)))
        .sum::<u64>();
    (index, first)
}

fn search_index_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("searchindex"))
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum()
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// A fixed workload of the cleaner's kind that no change to the cleaner touches,
/// timed beside it so that a speed figure can be read apart from the machine:
/// every line of `inputs` searched once for a case-insensitive alternation of
/// boilerplate words (the regex crate, as the rules are), and its `\w+` words
/// counted, lower-cased, in a `HashMap` (as the corpus counts lines). Returns a
/// number that depends on all of it, for `black_box`.
///
/// Noisy machines slow both alike when the two alternate; the ratio of the
/// cleaner's best time to this one's is the speed figure CI checks (session 44:
/// one machine timed the same commit at 1,083 and 2,202 ms).
fn calibration(inputs: &[mdbook_seeds::internals::Input]) -> usize {
    let words = regex::Regex::new(r"\w+").unwrap();
    let phrases = regex::Regex::new(
        r"(?i)\b(?:share|print|e-?mail|comments?|subscribe|advertisement|related (?:stories|articles)|copyright|privacy|terms of use|cookies?|sign in|log ?in|newsletter|follow us|read more)\b",
    )
    .unwrap();
    let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut hits = 0;
    for input in inputs {
        let text = String::from_utf8_lossy(&input.bytes);
        for line in text.lines() {
            hits += usize::from(phrases.is_match(line));
            for w in words.find_iter(line) {
                *counts.entry(w.as_str().to_lowercase()).or_default() += 1;
            }
        }
    }
    counts.len() + hits
}

/// Only the cleaner, on one core, on a corpus of `n` pages generated in memory:
/// the process to run under `perf record` or `heaptrack`, and the peak memory of
/// the cleaner without mdBook. Prints
/// `CLEAN\tpages\tbytes\tms\tpeak_kb\tcalibration_ms`: the best of five runs of
/// the cleaner and of [`calibration`], which alternate.
fn clean_only(n: usize) {
    let pool = paragraphs();
    let mut rng = Rng(0x9E3779B97F4A7C15 ^ n as u64);
    let inputs: Vec<mdbook_seeds::internals::Input> = (0..n)
        .map(|i| mdbook_seeds::internals::Input {
            name: format!("p{i:05}.txt"),
            bytes: page(i, &pool, &mut rng).into_bytes(),
        })
        .collect();
    drop(pool);
    let bytes: u64 = inputs.iter().map(|i| i.bytes.len() as u64).sum();
    let config = Config::default();
    let meta = MetadataFile::default();
    let pool1 = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    // Warm up as in `run_one`: word lists and built-in rules load once per
    // process. On the pool's thread, as a one-core run would: the regex crate
    // gives a fast path to the first thread that uses a regex, and every other
    // thread takes a cache from a shared pool (a mutex) on each search.
    let _ = pool1.install(|| {
        mdbook_seeds::internals::clean_one("warm.txt", b"Warm up text about bone tumours.")
    });
    // The best of five runs: the machine's noise only ever adds time.
    let mut ms = f64::MAX;
    let mut calibration_ms = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(pool1.install(|| calibration(&inputs)));
        calibration_ms = calibration_ms.min(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let (cleaned, st) = pool1.install(|| clean_corpus_timed(&inputs, &config, &meta).unwrap());
        let run = t.elapsed().as_secs_f64() * 1000.0;
        if run < ms {
            ms = run;
            let f = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
            eprintln!(
                "stages (ms): decode+normalise {:.0}, corpus {:.0}, reflow {:.0}, classify {:.0}, repair {:.0}, assemble {:.0}",
                f(st.decode_normalise),
                f(st.corpus),
                f(st.reflow),
                f(st.classify),
                f(st.repair),
                f(st.assemble)
            );
        }
        if std::env::var_os("DIGEST").is_some() {
            // The whole result (pages, edit logs, warnings), to check that an
            // optimisation changed nothing: compare the digest across commits.
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            format!("{:?}", cleaned.pages).hash(&mut h);
            eprintln!("digest {:016x}", h.finish());
        }
        std::hint::black_box(&cleaned);
    }
    println!(
        "CLEAN\t{n}\t{bytes}\t{ms:.1}\t{}\t{calibration_ms:.1}",
        peak_rss_kb()
    );
}

/// Run this benchmark binary with `args` and read two numbers (milliseconds and
/// peak kB) from fields `ms` and `kb` of its line that starts with `tag`; also
/// returns everything it printed.
fn child(args: &[&str], tag: &str, ms: usize, kb: usize) -> (f64, u64, String) {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe).args(args).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let Some(line) = text.lines().find(|l| l.starts_with(tag)) else {
        panic!("{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    };
    let f: Vec<&str> = line.split('\t').collect();
    let (ms, kb) = (f[ms].parse().unwrap(), f[kb].parse().unwrap());
    (ms, kb, text)
}

/// Build the book in `dir`, with the preprocessor (`seeds`) or mdBook alone
/// (`plain`): prints `BUILD\tms\tpeak_kb`.
fn build_only(kind: &str, dir: &Path) {
    let t = Instant::now();
    if kind == "seeds" {
        // As `mdbook-seeds build` does it, with the search the book's size calls for.
        let built = mdbook_seeds::build(dir, None).unwrap();
        if let Some(p) = built.pagefind {
            println!("PAGEFIND\t{:.1}", p.elapsed.as_secs_f64() * 1000.0);
        }
    } else {
        MDBook::load(dir).unwrap().build().unwrap();
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    println!("BUILD\t{ms:.1}\t{}", peak_rss_kb());
}

/// One size, in this process: prints a tab-separated row.
fn run_one(n: usize) {
    let tmp = tempfile::tempdir().unwrap();
    // KEEP=dir keeps the generated books (dir/book, dir/plain) for inspection.
    let keep = std::env::var_os("KEEP").map(PathBuf::from);
    let root = keep.as_deref().unwrap_or(tmp.path());
    let book = root.join("book");
    copy_book(&book);
    let pool = paragraphs();
    let mut rng = Rng(0x9E3779B97F4A7C15 ^ n as u64);
    for i in 0..n {
        std::fs::write(
            book.join("seeds").join(format!("p{i:05}.txt")),
            page(i, &pool, &mut rng),
        )
        .unwrap();
    }
    let config = Config::from_book_root(&book).unwrap();
    let seeds = book.join("seeds");
    let (inputs, _) = read_inputs(
        &seeds,
        &[
            seeds.join("seeds.toml").as_path(),
            seeds.join("glossary.toml").as_path(),
        ],
        u64::MAX,
    )
    .unwrap();
    let bytes: u64 = inputs.iter().map(|i| i.bytes.len() as u64).sum();
    let meta = MetadataFile::default();
    // Warm up: word lists and built-in rules load once per process.
    let _ = mdbook_seeds::internals::clean_one("warm.txt", b"Warm up text about bone tumours.");
    // All cores.
    let t = Instant::now();
    let (cleaned, stages) = clean_corpus_timed(&inputs, &config, &meta).unwrap();
    let clean_wall = t.elapsed();
    // One core, for throughput, and the cleaner's own peak memory: in a child
    // process that holds only the corpus and the cleaner.
    let (clean_1, peak_clean, _) = child(&["--clean-only", &n.to_string()], "CLEAN\t", 3, 4);
    let t = Instant::now();
    let (chs, _) = chapters(&cleaned, &config);
    let render = t.elapsed();
    // The terms pass (index, homes, one automaton pass per chapter, glossary) on those chapters.
    let mut texts = Vec::new();
    fn flatten(
        c: &mdbook_seeds::internals::ChapterOut,
        out: &mut Vec<mdbook_seeds::internals::ChapterText>,
    ) {
        out.push(mdbook_seeds::internals::ChapterText {
            path: c.path.clone(),
            name: c.name.clone(),
            content: c.content.clone(),
            derived_title: false,
        });
        for ch in &c.children {
            flatten(ch, out);
        }
    }
    for c in &chs {
        flatten(c, &mut texts);
    }
    let curated = mdbook_seeds::internals::Curated::load(&seeds.join("glossary.toml")).unwrap();
    let setup = mdbook_seeds::internals::Setup {
        config: &config.terms,
        curated: &curated,
        md: Default::default(),
        glossary_path: "glossary.md",
    };
    let t = Instant::now();
    let linked = mdbook_seeds::internals::link_book(&texts, &setup).unwrap();
    let terms = t.elapsed();
    println!(
        "TERMS\t{n}\t{:.1}\t{}\t{}",
        terms.as_secs_f64() * 1000.0,
        linked.links,
        linked.entries.len()
    );
    // The whole build, as `mdbook-seeds build` does it, in its own process.
    let (build, peak_build, printed) = child(
        &["--build", "seeds", &book.to_string_lossy()],
        "BUILD\t",
        1,
        2,
    );
    // Pagefind's share of that build (0 when the book kept mdBook's search).
    let pagefind_ms: f64 = printed
        .lines()
        .find_map(|l| l.strip_prefix("PAGEFIND\t"))
        .and_then(|x| x.parse().ok())
        .unwrap_or(0.0);
    let out = book.join("book");
    let out_size = dir_size(&out);
    let (index_size, first_search) = search_sizes(&out);
    let engine = if out.join("pagefind").exists() {
        "pagefind"
    } else {
        "mdbook"
    };
    println!("SEARCH\t{n}\t{engine}\t{index_size}\t{first_search}\t{pagefind_ms:.0}");
    // The floor: mdBook alone on the same text as plain Markdown.
    let plain = root.join("plain");
    std::fs::create_dir_all(plain.join("src/seeds")).unwrap();
    std::fs::write(
        plain.join("book.toml"),
        "[book]\ntitle = \"plain\"\n[output.html.search]\nexpand = true\n",
    )
    .unwrap();
    let mut summary = String::from("# Summary\n\n");
    for (k, c) in chs.iter().enumerate() {
        std::fs::write(plain.join("src").join(&c.path), c.markdown()).unwrap();
        summary.push_str(&format!("- [Page {k}]({})\n", c.path));
    }
    std::fs::write(plain.join("src/SUMMARY.md"), summary).unwrap();
    let (floor, peak_floor, _) = child(
        &["--build", "plain", &plain.to_string_lossy()],
        "BUILD\t",
        1,
        2,
    );
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "ROW\t{n}\t{bytes}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{peak_clean}\t{peak_build}\t{peak_floor}\t{out_size}\t{index_size}",
        ms(stages.decode_normalise),
        ms(stages.corpus),
        ms(stages.reflow),
        ms(stages.classify),
        ms(stages.repair),
        ms(stages.assemble),
        ms(clean_wall),
        clean_1,
        ms(render),
        build,
        floor,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(p) = args.iter().position(|a| a == "--build") {
        build_only(&args[p + 1], Path::new(&args[p + 2]));
        return;
    }
    if let Some(p) = args.iter().position(|a| a == "--clean-only") {
        clean_only(args[p + 1].parse().unwrap());
        return;
    }
    if let Some(p) = args.iter().position(|a| a == "--one") {
        run_one(args[p + 1].parse().unwrap());
        return;
    }
    let sizes: Vec<usize> = std::env::var("SIZES")
        .unwrap_or_else(|_| "10,100,1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    // The children run from a copy of this binary: a rebuild during a long run
    // (10,000 pages take about 25 minutes) replaces the original file.
    let exe_dir = tempfile::tempdir().unwrap();
    let exe = exe_dir.path().join("scale-bench");
    std::fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    println!(
        "{:>6} {:>6} | {:>6} {:>6} {:>6} {:>8} {:>6} {:>8} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6}",
        "pages",
        "MB in",
        "decode",
        "corpus",
        "reflow",
        "classify",
        "repair",
        "assemble",
        "clean",
        "1 core",
        "render",
        "build",
        "floor",
        "clean",
        "build",
        "floor",
        "site",
        "index"
    );
    println!(
        "{:>13} | stage ms, wall clock, all cores           | wall ms (clean: all cores)| wall ms       | peak MB (own process) | MB",
        ""
    );
    let mut rows: Vec<Vec<f64>> = Vec::new();
    let mut terms_rows: Vec<String> = Vec::new();
    let mut search_rows: Vec<String> = Vec::new();
    for n in sizes {
        let out = std::process::Command::new(&exe)
            .args(["--one", &n.to_string()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let Some(line) = text.lines().find(|l| l.starts_with("ROW\t")) else {
            eprintln!("size {n} failed: {}", String::from_utf8_lossy(&out.stderr));
            continue;
        };
        if let Some(t) = text.lines().find(|l| l.starts_with("SEARCH\t")) {
            let f: Vec<&str> = t.split('\t').collect();
            let mb = |x: &str| x.parse::<f64>().unwrap_or(0.0) / 1e6;
            search_rows.push(format!(
                "  {:>6} pages: {:<8} index {:.2} MB, a first search downloads at most {:.2} MB before its results{}",
                f[1],
                f[2],
                mb(f[3]),
                mb(f[4]),
                if f[2] == "pagefind" {
                    format!("; indexing took {} ms of the build", f[5])
                } else {
                    String::new()
                }
            ));
        }
        if let Some(t) = text.lines().find(|l| l.starts_with("TERMS\t")) {
            let f: Vec<&str> = t.split('\t').collect();
            terms_rows.push(format!(
                "  {:>6} pages: terms pass {} ms (wall, all cores), {} links, {} terms",
                f[1], f[2], f[3], f[4]
            ));
        }
        // 0 pages, 1 bytes, 2-7 stages, 8 clean wall, 9 clean one core, 10 render,
        // 11 build, 12 floor, 13-15 peak kB (cleaner, build, floor), 16 site, 17 index.
        let v: Vec<f64> = line
            .split('\t')
            .skip(1)
            .filter_map(|x| x.parse().ok())
            .collect();
        println!(
            "{:>6} {:>6.2} | {:>6.0} {:>6.0} {:>6.0} {:>8.0} {:>6.0} {:>8.0} | {:>6.0} {:>6.0} {:>6.0} | {:>6.0} {:>6.0} | {:>6.0} {:>6.0} {:>6.0} | {:>6.1} {:>6.1}",
            v[0],
            v[1] / 1e6,
            v[2],
            v[3],
            v[4],
            v[5],
            v[6],
            v[7],
            v[8],
            v[9],
            v[10],
            v[11],
            v[12],
            v[13] / 1024.0,
            v[14] / 1024.0,
            v[15] / 1024.0,
            v[16] / 1e6,
            v[17] / 1e6
        );
        rows.push(v);
    }
    println!("\nGlossary and cross-links (part of the build above):");
    for r in &terms_rows {
        println!("{r}");
    }
    println!("\nSearch (`[preprocessor.seeds.search]`: Pagefind from 300 seed pages on):");
    for r in &search_rows {
        println!("{r}");
    }
    println!("\nTargets (ratios from this run):");
    for v in &rows {
        let mb = v[1] / 1e6;
        let limit = 10.0 * mb + 100.0;
        // The build includes cleaning (all cores) and rendering the chapters.
        let prep = v[8] + v[10];
        println!(
            "  {:>6} pages: preprocessing {:.0}% of the build | cleaning {:.1} MB/s on one core | peak: cleaner {:.0} MB, build {:.0} MB (mdBook alone {:.0} MB) vs limit {:.0} MB (10x corpus + 100)",
            v[0],
            100.0 * prep / v[11].max(1.0),
            mb / (v[9] / 1000.0),
            v[13] / 1024.0,
            v[14] / 1024.0,
            v[15] / 1024.0,
            limit
        );
    }
    for w in rows.windows(2) {
        println!(
            "  {:>6} -> {:>6} pages ({:.0}x): preprocessing time x{:.1} (target <= 11x for 10x)",
            w[0][0],
            w[1][0],
            w[1][0] / w[0][0],
            w[1][8] / w[0][8].max(0.001)
        );
    }
}
