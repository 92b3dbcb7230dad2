//! Linking one chapter: the first mention of each term (per chapter, again after
//! `relink-after-words` words without a link to it; or per section), never in
//! headings, links or code, never to the section it is in.

#[allow(unused_imports)]
use super::*;

/// Is the long form written at the start of a sentence (so its capital says nothing)?
pub(super) fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}

/// Read-only state shared by the chapters while they are linked.
pub(super) struct Ctx<'a> {
    pub(super) chapters: &'a [ChapterText],
    pub(super) scans: &'a [Scan],
    pub(super) entries: &'a [Entry],
    pub(super) matcher: &'a Matcher,
    pub(super) setup: &'a Setup<'a>,
}

impl Ctx<'_> {
    /// Where a mention of `e` in chapter `ci`, inside the sections `chain`,
    /// links to; None when that is the section the mention is in (or the
    /// page itself, for a home at a page's title).
    fn href(&self, e: &Entry, ci: usize, chain: &[usize]) -> Option<String> {
        let from = &self.chapters[ci].path;
        let Some(p) = e.home else {
            return Some(format!(
                "{}#{}",
                crate::output::relative(from, &crate::output::html_path(self.setup.glossary_path)),
                e.id
            ));
        };
        let sections = &self.scans[p.chapter].sections;
        let title = match p.section {
            None => true,
            Some(s) => sections[s].level == 1,
        };
        if p.chapter == ci {
            return match p.section {
                Some(s) if !title && !chain.contains(&s) => Some(format!("#{}", sections[s].id)),
                _ => None,
            };
        }
        let page = crate::output::relative(
            from,
            &crate::output::html_path(&self.chapters[p.chapter].path),
        );
        Some(match p.section {
            Some(s) if !title => format!("{page}#{}", sections[s].id),
            _ => page,
        })
    }
}

/// Link one chapter. Returns the new content, the entries it mentions (with
/// the anchor of the first linked mention), and the number of links made.
pub(super) fn link_chapter(ctx: &Ctx, ci: usize) -> (String, Mentions, usize) {
    let md = &ctx.chapters[ci].content;
    let scan = &ctx.scans[ci];
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut linked_in: HashSet<(Option<usize>, usize)> = HashSet::new();
    let mut links_in: HashMap<Option<usize>, usize> = HashMap::new();
    let mut mentioned: Mentions = Vec::new();
    let ids: HashSet<&str> = scan.sections.iter().map(|s| s.id.as_str()).collect();
    let mut links = 0;
    // Words of the chapter's text before the current span, and the word offset
    // of each entry's last link: with one link per chapter, a term is linked
    // again after `relink_after_words` words without a link to it.
    let mut words_before = 0usize;
    let mut last_link_at: HashMap<usize, usize> = HashMap::new();
    let relink = ctx.setup.config.relink_after_words;
    for span in &scan.spans {
        let text = &md[span.range.clone()];
        let chain = scan.chain(span.section);
        let span_words = crate::text::word_count(text);
        let span_start = words_before;
        words_before += span_words;
        // Words before each hit, counted on from the previous hit (hits come in
        // order), so that a long paragraph is read once.
        let (mut counted_to, mut counted) = (0usize, 0usize);
        for hit in ctx.matcher.find(text) {
            if hit.range.start >= counted_to {
                counted += crate::text::word_count(&text[counted_to..hit.range.start]);
                counted_to = hit.range.start;
            }
            let at = span_start + counted;
            let e = &ctx.entries[hit.entry];
            let words = &text[hit.range.clone()];
            let abs = span.range.start + hit.range.start..span.range.start + hit.range.end;
            if !mentioned.iter().any(|(x, _)| *x == hit.entry) {
                mentioned.push((hit.entry, None));
            }
            let inner = match (&e.expansion, hit.short) {
                (Some(x), true) => format!("<abbr title=\"{}\">{words}</abbr>", escape::html(x)),
                _ => words.to_string(),
            };
            let scope = match ctx.setup.config.first_mention_per {
                LinkScope::Section => span.section,
                LinkScope::Chapter => None,
            };
            let count = links_in.entry(span.section).or_insert(0);
            let stale = scope.is_none()
                && relink > 0
                && last_link_at
                    .get(&hit.entry)
                    .is_some_and(|&w| at.saturating_sub(w) >= relink);
            let href = if (linked_in.contains(&(scope, hit.entry)) && !stale)
                || *count >= ctx.setup.config.max_links_per_section
            {
                None
            } else {
                ctx.href(e, ci, &chain)
            };
            let Some(href) = href else {
                if hit.short && e.expansion.is_some() {
                    edits.push((abs, inner));
                }
                continue;
            };
            linked_in.insert((scope, hit.entry));
            last_link_at.insert(hit.entry, at);
            *count += 1;
            links += 1;
            let mut id_attr = String::new();
            let anchor = format!("gl-{}", e.id);
            if let Some(m) = mentioned.iter_mut().find(|(x, _)| *x == hit.entry)
                && m.1.is_none()
                && !ids.contains(anchor.as_str())
            {
                id_attr = format!(" id=\"{anchor}\"");
                m.1 = Some(anchor);
            }
            // The search index reads page text only: a mention written in another
            // form ("metastatic", "tumor", "IMRT") also carries the entry's own
            // words, hidden, so that searching for those finds this page.
            let key = match (hit.short, &e.expansion) {
                (true, Some(x)) => x.as_str(),
                _ => e.name.as_str(),
            };
            // A typographic apostrophe ("Ewing’s") is the same form.
            let folded = |s: &str| s.to_lowercase().replace(crate::text::APOSTROPHES, "'");
            let plain = inflections(key, hit.short)
                .iter()
                .any(|f| folded(f) == folded(words));
            let search_key = if plain {
                String::new()
            } else {
                format!(
                    "<span class=\"search-key\" hidden> {}</span>",
                    escape::html(key)
                )
            };
            let title = match (hit.short, e.tip()) {
                (false, Some(t)) => format!(" title=\"{}\"", escape::html(&t)),
                _ => String::new(),
            };
            edits.push((
                abs,
                format!(
                    "<a class=\"term\"{id_attr} href=\"{}\"{title}>{inner}{search_key}</a>",
                    escape::html(&href)
                ),
            ));
        }
    }
    let mut out = String::with_capacity(md.len() + edits.len() * 80);
    let mut last = 0;
    for (r, rep) in edits {
        out.push_str(&md[last..r.start]);
        out.push_str(&rep);
        last = r.end;
    }
    out.push_str(&md[last..]);
    (out, mentioned, links)
}
