//! End to end: the real book, built in a temporary folder with mdBook embedded.

use book_tests::{Site, TestBook, repo_root};
use std::sync::OnceLock;

/// (seed file, chapter title, page) for every seed, in book order.
const SEEDS: &[(&str, &str, &str)] = &[
    (
        "000_5ae4d2602de45b00.txt",
        "Systemic strategies for osteosarcoma: advances and future directions",
        "seeds/systemic-strategies-for-osteosarcoma-advances-and-future.html",
    ),
    (
        "001_7f6635bda31256db.txt",
        "Metastatic osteosarcoma",
        "seeds/metastatic-osteosarcoma.html",
    ),
    (
        "002_e3ceec644d6e421f.txt",
        "Research into primary bone cancer",
        "seeds/research-into-primary-bone-cancer.html",
    ),
    (
        "003_90eeea984f16ed68.txt",
        "Immunotherapy treatment for bone cancer",
        "seeds/immunotherapy-treatment-for-bone-cancer.html",
    ),
    (
        "004_4c123982e35a171b.txt",
        "Outcomes of bone tumours",
        "seeds/outcomes-of-bone-tumours.html",
    ),
];

/// The seed book, built once for the tests that only read it.
fn site() -> &'static Site {
    static SITE: OnceLock<(TestBook, Site)> = OnceLock::new();
    &SITE
        .get_or_init(|| {
            let book = TestBook::copy().expect("copy the book");
            let site = book.build().expect("the seed book builds");
            (book, site)
        })
        .1
}

/// mdBook renders `'` as a typographic apostrophe and escapes `&`, so compare loosely.
fn text_of(html: &str) -> String {
    // What a reader sees: hidden search keys are not part of it.
    let hidden = regex::Regex::new(r#"<span class="search-key" hidden[^>]*>[^<]*</span>"#).unwrap();
    let html = hidden.replace_all(html, "");
    let inline = regex::Regex::new(r"</?(span|a|abbr|em|strong|code|sup)\b[^>]*>").unwrap();
    let tags = regex::Regex::new(r"<[^>]*>").unwrap();
    let html = inline.replace_all(&html, "");
    tags.replace_all(&html, " ")
        .replace("&amp;", "&")
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_seed_is_a_chapter_with_its_real_title() {
    let h1 = regex::Regex::new(r"<h1 id=[^>]*>(.*?)</h1>").unwrap();
    for (file, title, page) in SEEDS {
        let main = site().main(page);
        let got = h1
            .captures(&main)
            .map(|c| text_of(&c[1]))
            .unwrap_or_else(|| panic!("{page} has no <h1>"));
        assert_eq!(got, *title, "title of the chapter made from {file}");
        assert!(
            main.contains("class=\"seed-source\""),
            "{page} has a source box"
        );
        assert!(
            main.contains(&format!("<code>{file}</code>")),
            "{page} names its seed file"
        );
    }
}

#[test]
fn sidebar_lists_introduction_then_every_seed_in_order_then_notes() {
    let toc = text_of(&site().html("toc.html"));
    let mut last = toc
        .find("Introduction")
        .expect("introduction in the sidebar");
    for (_, title, _) in SEEDS {
        let pos = toc
            .find(title)
            .unwrap_or_else(|| panic!("{title} missing from the sidebar"));
        assert!(pos > last, "{title} out of order in the sidebar");
        last = pos;
    }
    let glossary = toc.find("Glossary").expect("glossary in the sidebar");
    assert!(glossary > last, "the glossary follows the pages");
    assert!(toc.find("Bibliography").is_some_and(|p| p > glossary));
    assert!(toc.find("Editorial notes").is_some_and(|p| p > last));
    assert!(toc.contains("How this book is made"));
    // Seed chapters are numbered 1. to 5. under the "Pages" part title.
    assert!(toc.contains("1. Systemic strategies"), "{toc}");
    assert!(toc.contains("5. Outcomes of bone tumours"), "{toc}");
}

#[test]
fn print_page_holds_every_chapter() {
    let print = text_of(&site().html("print.html"));
    for (_, title, _) in SEEDS {
        assert!(print.contains(title), "{title} missing from print.html");
    }
    for phrase in [
        "Chemotherapy is the mainstay treatment",
        "significantly impacts prognosis [4].",
        "we are waiting for the results",
        "Cytokine therapies, which involve signaling proteins",
        "cyberknife to these nodules",
    ] {
        assert!(print.contains(phrase), "{phrase:?} missing from print.html");
    }
}

#[test]
fn search_finds_a_word_from_every_seed_on_its_page() {
    let index = site().search_index().unwrap();
    for (word, page) in [
        ("mainstay", SEEDS[0].2),
        ("prognostication", SEEDS[1].2),
        ("glucarpidase", SEEDS[2].2),
        ("mifamurtide", SEEDS[2].2),
        ("interleukins", SEEDS[3].2),
        ("cyberknife", SEEDS[4].2),
    ] {
        // The page, and the glossary entry when the word is a glossary term.
        let hits: Vec<String> = index.query(word).into_iter().collect();
        assert!(
            hits.contains(&page.to_string()),
            "search for {word:?}: {hits:?}"
        );
        assert!(
            hits.iter().all(|h| h == page || h == "glossary.html"),
            "search for {word:?}: {hits:?}"
        );
    }
    // The editorial notes (which quote removed boilerplate) are not indexed.
    assert!(index.query("disclaimer").is_empty());
    assert!(
        !index
            .doc_urls
            .iter()
            .any(|u| u.starts_with("editorial-notes"))
    );
    // Nor is the bibliography, which repeats the pages' own reference lists:
    // a reference's author is found on the page that lists it.
    assert!(!index.doc_urls.iter().any(|u| u.starts_with("bibliography")));
    let hits = index.query("chiocca");
    assert!(
        hits.contains(SEEDS[0].2) && hits.iter().all(|h| h == SEEDS[0].2),
        "search for a reference author: {hits:?}"
    );
}

#[test]
fn boilerplate_never_reaches_a_chapter() {
    for page in site().pages() {
        if page.starts_with("editorial-notes") || page == "print.html" {
            continue;
        }
        let main = text_of(&site().main(&page));
        for junk in [
            "Skip to main page content",
            "The site is secure",
            "PubMed Disclaimer",
            "LinkOut",
            "Decorative image",
            "Information and help",
            "Complete the form",
            "Find a specialist",
            "Skip to content",
            "Immunotherapy treatment for bone cancer Immunotherapy",
        ] {
            assert!(!main.contains(junk), "{junk:?} found in {page}");
        }
    }
}

#[test]
fn editorial_notes_list_every_edit_of_every_seed() {
    let root = book_tests::repo_root();
    let config = mdbook_seeds::Config::from_book_root(&root).unwrap();
    let (cleaned, _) = mdbook_seeds::internals::clean_book_dir(&root, &config).unwrap();
    // One notes page per source page, listed by the index.
    let index = site().main("editorial-notes.html");
    let notes: String = site()
        .pages()
        .iter()
        .filter(|p| p.starts_with("editorial-notes/"))
        .map(|p| site().main(p))
        .collect();
    assert_eq!(
        index.matches("href=\"editorial-notes/").count(),
        SEEDS.len()
    );
    let rows = notes.matches("<tr><td").count();
    let edits: usize = cleaned.pages.iter().map(|p| p.log.edits.len()).sum();
    assert!(edits > 40, "the seeds need many edits, got {edits}");
    assert_eq!(rows, edits, "one table row per recorded edit");
    let text = text_of(&notes);
    assert!(text.contains("PubMed Disclaimer"));
    assert!(text.contains("advert: a call to action in the site's voice"));
}

#[test]
fn hostile_seed_text_is_shown_never_executed() {
    let book = TestBook::copy().unwrap();
    std::fs::write(
        book.seeds().join("900_hostile.txt"),
        "Hostile page about bone tumours\n\n\
         This paragraph about bone tumours has <script>alert('x')</script> inside it, and more words.\n\n\
         An image <img src=x onerror=alert(1)> and a [link](javascript:alert(1)) appear in this sentence too.\n\n\
         # Not a heading, and *not emphasis*, with {{#include ../book.toml}} and a | pipe | table.\n\n\
         <!-- a comment that must stay visible --> and ```fenced``` text ends the sentence here.\n",
    )
    .unwrap();
    let site = book.build().unwrap();
    let page = site
        .pages()
        .into_iter()
        .find(|p| p.starts_with("seeds/") && p.contains("hostile-page"))
        .expect("the hostile page is a chapter");
    let main = site.main(&page);
    assert!(!main.contains("<script"), "{main}");
    assert!(!main.contains("<img"), "{main}");
    assert!(!main.contains("href=\"javascript"), "{main}");
    assert!(!main.contains("<!--"), "{main}");
    assert!(!main.contains("<em>not emphasis"), "{main}");
    assert!(!main.contains("<table"), "{main}");
    assert!(
        !main.contains("[preprocessor.seeds]"),
        "an mdBook directive was expanded"
    );
    let text = text_of(&main);
    for visible in [
        "&lt;script&gt;alert('x')&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "[link](javascript:alert(1))",
        "{{#include ../book.toml}}",
        "# Not a heading, and *not emphasis*",
        "&lt;!-- a comment that must stay visible --&gt;",
    ] {
        assert!(
            text.contains(visible),
            "{visible:?} should be visible text in {text}"
        );
    }
}

#[test]
fn two_seeds_with_the_same_title_get_distinct_pages() {
    let book = TestBook::copy().unwrap();
    let copy = std::fs::read(book.seeds().join(SEEDS[4].0)).unwrap();
    std::fs::write(book.seeds().join("005_copy.txt"), copy).unwrap();
    let site = book.build().unwrap();
    let pages = site.pages();
    assert!(pages.contains(&"seeds/outcomes-of-bone-tumours.html".to_string()));
    assert!(
        pages.contains(&"seeds/outcomes-of-bone-tumours-2.html".to_string()),
        "{pages:?}"
    );
}

/// A scraped table (tab-separated cells, as a browser's innerText gives them; cells
/// on lines of their own between tab-only lines, as it gives cells holding
/// paragraphs; and a PDF's space-aligned columns) is an HTML table in the built
/// book, every cell kept (the empty one too), and a list whose bullets were lost
/// keeps its last item.
#[test]
fn scraped_tables_and_unbulleted_lists_render_as_tables_and_lists() {
    let book = TestBook::copy().unwrap();
    let page =
        std::fs::read(repo_root().join("preprocessor/tests/fixtures/chemotherapy_tables_page.txt"))
            .unwrap();
    std::fs::write(book.seeds().join("006_tables.txt"), page).unwrap();
    let site = book.build().unwrap();
    let main = site.main("seeds/chemotherapy-for-osteosarcoma-what-the-trials-found.html");
    assert_eq!(main.matches("<table>").count(), 3, "{main}");
    let first = &main[main.find("<table>").unwrap()..main.find("</table>").unwrap()];
    assert!(first.contains("<th>Drug</th>"), "{first}");
    assert!(first.contains("<td>weeks 4, 5, 9 and 10</td>"), "{first}");
    // The empty cell keeps Cisplatin's row three cells wide.
    assert_eq!(first.matches("<tr>").count(), 4, "{first}");
    assert_eq!(first.matches("<td>").count(), 9, "{first}");
    assert!(first.contains("<td></td>"), "{first}");
    let tables: Vec<&str> = main
        .split("<table>")
        .skip(1)
        .map(|t| &t[..t.find("</table>").unwrap()])
        .collect();
    let second = tables[1];
    assert!(second.contains("<td>Poor response</td>"), "{second}");
    assert!(second.contains("<td>72%</td>"), "{second}");
    // Cells on lines of their own: a header and four rows of two cells.
    let third = tables[2];
    assert!(third.contains("<th>Weeks</th>"), "{third}");
    assert!(third.contains("<td>9 and 10</td>"), "{third}");
    assert_eq!(third.matches("<tr>").count(), 5, "{third}");
    assert_eq!(third.matches("<td>").count(), 8, "{third}");
    assert!(main.contains("<li>Who to call at night</li>"), "{main}");
    assert!(!main.contains(">Who to call at night</h"), "{main}");
}

#[test]
fn a_long_page_is_split_into_sub_chapters_when_configured() {
    let book = TestBook::copy().unwrap();
    let toml = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    let toml = toml
        .replace("min-page-words = 2500", "min-page-words = 500")
        .replace("min-section-words = 300", "min-section-words = 50");
    std::fs::write(book.root().join("book.toml"), toml).unwrap();
    let site = book.build().unwrap();
    let toc = text_of(&site.html("toc.html"));
    // 001 has 14 top-level sections and ~1,400 words: each becomes a sub-chapter.
    assert!(toc.contains("2.1. Abstract"), "{toc}");
    assert!(toc.contains("2.2. Introduction"), "{toc}");
    let sub = site.main("seeds/metastatic-osteosarcoma/diagnostic-evaluation.html");
    assert!(sub.contains("<h1 id=\"diagnostic-evaluation\""), "{sub}");
    assert!(text_of(&sub).contains("Early detection of metastatic disease is crucial"));
}

#[test]
fn every_line_of_every_seed_is_accounted_for() {
    let root = book_tests::repo_root();
    let config = mdbook_seeds::Config::from_book_root(&root).unwrap();
    let (cleaned, _) = mdbook_seeds::internals::clean_book_dir(&root, &config).unwrap();
    for p in &cleaned.pages {
        assert!(p.accounting.is_exact(), "{}: {}", p.doc.file, p.accounting);
        assert!(
            p.accounting.rendered > 0,
            "{}: {}",
            p.doc.file,
            p.accounting
        );
    }
    let notes = site().main("editorial-notes/research-into-primary-bone-cancer.html");
    assert!(notes.contains("104 lines: 52 rendered, 2 removed, 2 moved to metadata, 48 blank"));
}

#[test]
fn seed_typos_are_repaired_in_the_built_book_and_listed_in_the_notes() {
    let print = text_of(&site().html("print.html"));
    for fixed in [
        "Metastatic osteosarcoma in pediatric patients presents a multifaceted challenge",
        "poor response to preoperative chemotherapy for newly diagnosed high grade osteosarcoma",
        "versus MAP alone in patients",
        "First results of the EURAMOS-1",
        "we are waiting for the results",
    ] {
        assert!(print.contains(fixed), "{fixed:?} missing from print.html");
    }
    // The chapters (the editorial notes quote the typos they fixed, as they should).
    let chapters: String = SEEDS
        .iter()
        .map(|(_, _, page)| text_of(&site().main(page)))
        .collect();
    for typo in [
        "ostesarcoma",
        "properative",
        "resutls",
        "waitng",
        "MAPalone",
        "presentsa",
        "Metastaticosteosarcomain",
    ] {
        assert!(!chapters.contains(typo), "{typo} still in a chapter");
    } // Rare correct words are untouched.
    for word in [
        "mifamurtide",
        "deforolimus",
        "glucarpidase",
        "cyberknife",
        "MAPIfn",
        "metaphyseal",
        "interleukins",
    ] {
        assert!(print.contains(word), "{word} was changed");
    }
    let notes = text_of(&site().main("editorial-notes/research-into-primary-bone-cancer.html"));
    assert!(
        notes.contains("ostesarcoma → osteosarcoma"),
        "the notes list the correction"
    );
}

#[test]
fn no_link_in_the_site_is_broken() {
    let broken = site().broken_links();
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn references_are_formatted_linked_and_listed_once_in_the_bibliography() {
    // PubMed: five references, hayagriva-formatted (AMA), DOIs linked, PubMed noise gone.
    let pubmed = site().main(SEEDS[0].2);
    for n in 1..=5 {
        assert!(
            pubmed.contains(&format!("<li id=\"ref-{n}\"")),
            "ref-{n} missing"
        );
    }
    assert!(pubmed.contains("<a href=\"https://doi.org/10.3389/fonc.2021.780264\">"));
    assert!(
        pubmed.contains("2023;9(2):122-139"),
        "issue numbers are kept"
    );
    assert!(!text_of(&pubmed).contains("- PMC - PubMed"));
    // CRUK: the sources list is recognised as the page's references, complete.
    let cruk = site().main(SEEDS[2].2);
    assert!(cruk.contains("<h2 id=\"references\""));
    assert!(cruk.contains("Journal of Clinical Oncology 2013 (suppl;abstr: LBA10504)"));
    // The review's citations have no list in the source: marked, never linked or invented.
    let review = site().main(SEEDS[1].2);
    assert_eq!(review.matches("class=\"cite-missing\"").count(), 9);
    assert!(!review.contains("#ref-"));
    assert!(!review.contains("id=\"ref-"));
    // Bibliography: each of the 9 references once, each linking to where it is listed.
    let bib = site().main("bibliography.html");
    assert_eq!(bib.matches("<li>").count(), 9, "{bib}");
    assert!(
        bib.contains("seeds/systemic-strategies-for-osteosarcoma-advances-and-future.html#ref-5")
    );
}

#[test]
fn citations_link_to_entries_and_entries_link_back() {
    let book = TestBook::copy().unwrap();
    std::fs::write(
        book.seeds().join("900_cited.txt"),
        "A cited page about bone tumours\n\n\
         Bone tumours are rare in adults and in children [1]. Most of them are benign [2,3], and some are treated with surgery alone [1-3].\n\n\
         References\n\n\
         1. Writer A. Bone tumours in adults. J Bone. 2020;1:1-9. doi:10.1000/bone.1\n\
         2. Writer B. Benign bone tumours. J Bone. 2021;2:10-19.\n\
         3. Writer C. Surgery for bone tumours. J Bone. 2022;3:20-29.\n",
    )
    .unwrap();
    let site = book.build().unwrap();
    let main = site.main("seeds/a-cited-page-about-bone-tumours.html");
    assert!(main.contains("<a href=\"#ref-1\">1</a>"), "{main}");
    assert!(main.contains("<span class=\"cite\" id=\"cite-2\">[<a href=\"#ref-2\">2</a>,<a href=\"#ref-3\">3</a>]</span>"), "{main}");
    // Reference 1 is cited twice ([1] and [1-3]): two back-links.
    let li = main
        .split("<li id=\"ref-1\"")
        .nth(1)
        .unwrap()
        .split("</li>")
        .next()
        .unwrap();
    assert!(
        li.contains("href=\"#cite-1\"") && li.contains("href=\"#cite-3\""),
        "{li}"
    );
    assert!(site.broken_links().is_empty(), "{:#?}", site.broken_links());
}

/// (page, heading chain at the link, href, link text) for every term link of
/// every chapter, read from the rendered HTML in document order.
fn term_links() -> Vec<(String, Vec<String>, String, String)> {
    let re = regex::Regex::new(
        r#"<h([1-6]) id="([^"]+)"|<a class="term"[^>]*href="([^"]+)"[^>]*>(.*?)</a>"#,
    )
    .unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let mut out = Vec::new();
    for page in site().pages() {
        if page == "print.html" {
            continue;
        }
        let html = site().main(&page);
        let mut chain: Vec<(usize, String)> = Vec::new();
        for c in re.captures_iter(&html) {
            if let Some(level) = c.get(1) {
                let level: usize = level.as_str().parse().unwrap();
                chain.retain(|(l, _)| *l < level);
                chain.push((level, c[2].to_string()));
            } else {
                out.push((
                    page.clone(),
                    chain.iter().map(|(_, id)| id.clone()).collect(),
                    c[3].to_string(),
                    tags.replace_all(&c[4], "").to_string(),
                ));
            }
        }
    }
    out
}

#[test]
fn every_seed_chapter_links_out_and_no_term_link_points_to_its_own_section() {
    let links = term_links();
    for (_, _, page) in SEEDS {
        let out: Vec<_> = links
            .iter()
            .filter(|(p, _, href, _)| p == page && !href.starts_with('#'))
            .collect();
        assert!(
            !out.is_empty(),
            "{page} links to no other chapter or glossary entry"
        );
    }
    // Each seed also links to another seed chapter where they share a topic.
    let to_chapters = links
        .iter()
        .filter(|(p, _, href, _)| p.starts_with("seeds/") && href.contains("seeds/"))
        .count();
    assert!(
        to_chapters >= 5,
        "{to_chapters} links between seed chapters"
    );
    for (page, chain, href, text) in &links {
        let (file, frag) = href.split_once('#').unwrap_or((href.as_str(), ""));
        let same_page = file.is_empty() || page.ends_with(file.trim_start_matches("../"));
        assert!(
            !(same_page && (frag.is_empty() || chain.iter().any(|id| id == frag))),
            "{page}: {text:?} links to its own section ({href}) from {chain:?}"
        );
        // Every link comes after its page's title heading, in a section of the page.
        assert!(
            !chain.is_empty(),
            "{page}: {text:?} comes before any heading"
        );
    }
    // The count in the closing note of the issue.
    eprintln!("term links in the site: {}", links.len());
}

/// Issue 21: a chapter linking the same terms in every section read as a wall of
/// blue (9.0% of one chapter's words were term links). With one link per chapter
/// (again after 1,500 words), no chapter's term-link words exceed 5% of its words.
#[test]
fn term_links_are_at_most_five_percent_of_a_chapters_words() {
    let link = regex::Regex::new(r#"<a class="term"[^>]*>(.*?)</a>"#).unwrap();
    let mut shares = Vec::new();
    for page in site().pages() {
        if page == "print.html" || page.contains("notes") || page.contains("glossary") {
            continue;
        }
        let html = site().main(&page);
        let words = text_of(&html).split_whitespace().count();
        let linked: usize = link
            .captures_iter(&html)
            .map(|c| text_of(&c[1]).split_whitespace().count())
            .sum();
        if words >= 200 {
            shares.push((page, linked, words, 100.0 * linked as f64 / words as f64));
        }
    }
    eprintln!("term-link words per chapter: {shares:#?}");
    assert!(shares.len() >= 5, "{shares:?}");
    for (page, linked, words, share) in &shares {
        assert!(
            *share <= 5.0,
            "{page}: {linked} of {words} words are term links ({share:.1}%)"
        );
    }
}

#[test]
fn term_links_never_sit_inside_headings() {
    let heading = regex::Regex::new(r"(?s)<h[1-6][^>]*>.*?</h[1-6]>").unwrap();
    for page in site().pages() {
        let html = site().main(&page);
        for h in heading.find_iter(&html) {
            assert!(
                !h.as_str().contains("class=\"term\""),
                "{page}: {}",
                h.as_str()
            );
        }
    }
}

#[test]
fn glossary_lists_every_abbreviation_the_seeds_define_with_back_links() {
    let html = site().main("glossary.html");
    let text = text_of(&html);
    for (short, long) in [
        ("CT", "computed tomography"),
        ("MRI", "magnetic resonance imaging"),
        ("PET", "positron emission tomography"),
        ("CAR", "chimeric antigen receptor"),
        ("CAR-T", "Chimeric antigen receptor T-cell"),
        ("IMRT", "intensity modulated radiotherapy"),
        ("HIFU", "High intensity focused ultrasound"),
        ("MR", "Magnetic resonance"),
    ] {
        let entry = format!("{short}: {long}");
        assert!(
            text.to_lowercase().contains(&entry.to_lowercase()),
            "glossary lacks {entry:?}"
        );
    }
    // Curated definitions name their source; every entry says where it is mentioned.
    assert!(
        text.contains("mifamurtide A drug that activates immune cells"),
        "{text}"
    );
    assert!(text.contains("Source: European Medicines Agency"));
    let entries = html.matches("<h3 id=").count();
    let mentioned = html.matches("Mentioned in:").count();
    assert_eq!(
        entries, mentioned,
        "every glossary entry lists where it is mentioned"
    );
    // Back-links land on the first linked mention in the chapter.
    assert!(
        html.contains("href=\"seeds/research-into-primary-bone-cancer.html#gl-mifamurtide\""),
        "no back-link to the mifamurtide mention"
    );
    assert!(
        site()
            .main("seeds/research-into-primary-bone-cancer.html")
            .contains("id=\"gl-mifamurtide\"")
    );
    eprintln!("glossary entries: {entries}");
}

#[test]
fn abbreviations_show_their_expansion_and_terms_reach_their_home() {
    let research = site().main("seeds/research-into-primary-bone-cancer.html");
    // Each use of IMRT after its definition carries the expansion.
    assert!(
        research
            .matches("<abbr title=\"intensity modulated radiotherapy\">IMRT</abbr>")
            .count()
            >= 3,
        "{research}"
    );
    // "MRI" on the review links to the CRUK section that explains MRI scans.
    let review = site().main("seeds/metastatic-osteosarcoma.html");
    assert!(
        review.contains("href=\"../seeds/research-into-primary-bone-cancer.html#mri-scans\""),
        "no link to the MRI section"
    );
    // CAR-T on the PubMed page reaches the glossary entry with the expansion defined on 003.
    let pubmed = site().main(SEEDS[0].2);
    assert!(
        pubmed.contains("href=\"../glossary.html#car-t\""),
        "{pubmed}"
    );
}

/// Issue #7's search checks: drug names, abbreviations, headings and word forms
/// are found on the right pages, and generated notes never are.
#[test]
fn search_finds_drugs_abbreviations_headings_and_word_forms() {
    let index = site().search_index().unwrap();
    let pages = |q: &str| -> Vec<String> { index.query(q).into_iter().collect() };
    let research = SEEDS[2].2.to_string();
    assert!(pages("mifamurtide").contains(&research));
    assert!(pages("IMRT").contains(&research), "{:?}", pages("IMRT"));
    assert!(pages("imrt").contains(&research), "case does not matter");
    assert!(pages("HIFU").contains(&"glossary.html".to_string()));
    // "Ewing's" is indexed as one word with its apostrophe: the search box's
    // prefix expansion (`expand = true` in book.toml) finds it.
    for (_, _, p) in [SEEDS[2], SEEDS[3], SEEDS[4]] {
        let found = index.query_expanded("Ewing");
        assert!(found.contains(p), "Ewing on {p}: {found:?}");
    }
    // Stemming: "metastasis" finds the pages that only say "metastatic"/"metastases".
    let m = pages("metastasis");
    for p in [SEEDS[1].2, SEEDS[4].2] {
        assert!(m.contains(&p.to_string()), "metastasis → {p}: {m:?}");
    }
    // A heading is indexed as its own result with an anchor.
    let urls = &index.doc_urls;
    assert!(
        urls.iter().any(|u| u
            == "seeds/research-into-primary-bone-cancer.html#high-intensity-focused-ultrasound"),
        "no search entry for the HIFU heading"
    );
    assert!(urls.iter().all(|u| !u.starts_with("editorial-notes")));
}

/// A book at `pagefind-from` seed pages is searched with Pagefind: every
/// chapter is indexed once (not the print page, not index.html, not the
/// chapters book.toml keeps out of search), and mdBook's index and search
/// button are gone.
#[test]
fn a_book_at_the_pagefind_threshold_gets_pagefind_instead_of_mdbooks_index() {
    let book = TestBook::copy().unwrap();
    // The seed book has five pages: at the threshold.
    book.set_search("auto", 5).unwrap();
    let (site, built) = book.build_site().unwrap();
    assert_eq!(built.seed_pages, 5);
    assert_eq!(built.engine, mdbook_seeds::Engine::Pagefind);
    let pages = site.pagefind_pages().unwrap();
    let mut expected: Vec<String> = ["introduction", "how-it-is-made", "glossary"]
        .iter()
        .map(|p| format!("/{p}.html"))
        .chain(SEEDS.iter().map(|s| format!("/{}", s.2)))
        .collect();
    expected.sort();
    assert_eq!(pages.keys().cloned().collect::<Vec<_>>(), expected);
    let research = &pages[&format!("/{}", SEEDS[2].2)];
    assert!(
        research["content"]
            .as_str()
            .unwrap()
            .contains("mifamurtide")
    );
    // Headings are sub-results with their anchors.
    assert!(
        research["anchors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == "high-intensity-focused-ultrasound"),
        "{}",
        research["anchors"]
    );
    // The source box is not page text: it is neither indexed nor shown in a
    // result's snippet (issue 21: snippets read "Kind of page … Cleaned from …").
    let research_text = research["content"].as_str().unwrap();
    for boxed in ["Kind of page", "Cleaned from", "editorial notes"] {
        assert!(!research_text.contains(boxed), "{boxed}: {research_text}");
    }
    // Only <main> is indexed: not the sidebar's chapter list or the menu bar.
    let intro = pages["/introduction.html"]["content"].as_str().unwrap();
    assert!(intro.starts_with("Introduction."), "{intro}");
    assert!(!intro.contains("Keyboard shortcuts"), "{intro}");
    let report = built.pagefind.unwrap();
    assert_eq!(report.pages, expected.len());
    assert!(report.index_bytes > 0 && report.index_bytes < report.bytes);
    assert!(site.pages().iter().all(|p| !p.starts_with("pagefind")));
    let files: Vec<String> = std::fs::read_dir(&site.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        files.iter().all(|f| !f.starts_with("searchindex")),
        "{files:?}"
    );
    assert!(
        !site
            .html("introduction.html")
            .contains("mdbook-search-toggle")
    );
}

/// Below the threshold the book keeps mdBook's search, and no Pagefind bundle.
#[test]
fn a_book_below_the_pagefind_threshold_keeps_mdbooks_search() {
    let book = TestBook::copy().unwrap();
    book.set_search("auto", 6).unwrap();
    let (site, built) = book.build_site().unwrap();
    assert_eq!(built.engine, mdbook_seeds::Engine::Mdbook);
    assert!(built.pagefind.is_none());
    assert!(!site.dir.join("pagefind").exists());
    assert!(!site.search_index().unwrap().query("mifamurtide").is_empty());
    assert!(
        site.html("introduction.html")
            .contains("mdbook-search-toggle")
    );
}
