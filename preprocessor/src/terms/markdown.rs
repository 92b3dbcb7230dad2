//! What the linker needs to know of a chapter's Markdown: its sections (with
//! the ids mdBook will give their headings), its paragraphs as plain text,
//! and the runs of text where a link may go.
//!
//! The chapter is parsed with mdBook's own parser settings
//! (`mdbook-markdown`), so headings, links, code and HTML are what mdBook will
//! see. A run of text is linkable only outside headings, links, images, code
//! and inline HTML elements such as `<a>`, `<abbr>` or `<code>`, and only when
//! its source bytes are exactly its text (no escapes or entities inside), so
//! that a link can be spliced into the source without changing anything else.

use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::collections::HashSet;
use std::ops::Range;

/// The parts of `[output.html]` that change how mdBook reads Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MdOptions {
    pub(crate) smart_punctuation: bool,
    pub(crate) definition_lists: bool,
}

impl Default for MdOptions {
    fn default() -> Self {
        MdOptions {
            smart_punctuation: true,
            definition_lists: true,
        }
    }
}

impl MdOptions {
    fn mdbook(&self, smart: bool) -> MarkdownOptions {
        let mut o = MarkdownOptions::default();
        o.smart_punctuation = smart && self.smart_punctuation;
        o.definition_lists = self.definition_lists;
        o
    }
}

/// A heading and the text under it (up to the next heading of the same or a higher level).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    pub(crate) level: u8,
    /// The heading's text.
    pub(crate) heading: String,
    /// The `id` mdBook gives the heading.
    pub(crate) id: String,
    /// The enclosing section.
    pub(crate) parent: Option<usize>,
    /// Words of body text directly under this heading.
    pub(crate) words: usize,
}

/// A run of text a link may go into: `md[range]` is plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) range: Range<usize>,
    /// The innermost section it is in (`None`: before the first heading).
    pub(crate) section: Option<usize>,
}

/// A paragraph (or list item, table cell, definition) as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub(crate) section: Option<usize>,
    pub(crate) text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    pub(crate) sections: Vec<Section>,
    pub(crate) spans: Vec<Span>,
    pub(crate) paragraphs: Vec<Paragraph>,
}

impl Scan {
    /// The section and its ancestors, innermost first.
    pub(crate) fn chain(&self, section: Option<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        let mut s = section;
        while let Some(i) = s {
            out.push(i);
            s = self.sections[i].parent;
        }
        out
    }
}

/// Inline HTML elements whose content is never linked.
const OPAQUE: &[&str] = &[
    "a", "abbr", "code", "kbd", "samp", "var", "pre", "script", "style", "button", "h1", "h2",
    "h3", "h4", "h5", "h6", "dfn", "svg", "math", "textarea", "select", "option", "label",
];

/// The tag name of an inline HTML tag and whether it closes (`</a>`), or None
/// for comments, self-closing and unknown tags.
fn html_tag(html: &str) -> Option<(String, bool)> {
    let t = html.trim();
    let inner = t.strip_prefix('<')?;
    if inner.starts_with('!') || inner.starts_with('?') || t.ends_with("/>") {
        return None;
    }
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (!name.is_empty()).then_some((name, closing))
}

/// mdBook's heading id: lower case, letters, digits, `_` and `-` kept, spaces to `-`.
pub(crate) fn id_from_content(content: &str) -> String {
    content
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|ch| {
            if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                Some(ch)
            } else if ch.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// mdBook's rule for repeated ids: `x`, `x-1`, `x-2` …
pub(crate) fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_string()) {
        return id.to_string();
    }
    let mut n: u32 = 1;
    loop {
        let c = format!("{id}-{n}");
        if used.insert(c.clone()) {
            return c;
        }
        n += 1;
    }
}

/// The ids mdBook gives the headings (h1–h6, and `dt` which shares the
/// counter) of a chapter, in order. Headings written as raw HTML get none.
fn heading_ids(md: &str, opts: &MdOptions) -> Vec<String> {
    let mut used = HashSet::new();
    let mut out = Vec::new();
    let mut current: Option<(String, Option<String>, bool)> = None; // (text, explicit id, is heading)
    for ev in new_cmark_parser(md, &opts.mdbook(true)) {
        match ev {
            Event::Start(Tag::Heading { id, .. }) => {
                current = Some((String::new(), id.map(|s| s.to_string()), true));
            }
            Event::Start(Tag::DefinitionListTitle) => current = Some((String::new(), None, false)),
            Event::Text(t) | Event::Code(t) => {
                if let Some((s, _, _)) = &mut current {
                    s.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((s, _, _)) = &mut current {
                    s.push('\n');
                }
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::DefinitionListTitle) => {
                if let Some((text, explicit, is_heading)) = current.take() {
                    let id = match explicit {
                        Some(id) => id,
                        None => unique_id(&id_from_content(&text), &mut used),
                    };
                    if is_heading {
                        out.push(id);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Scan a chapter.
pub(crate) fn scan(md: &str, opts: &MdOptions) -> Scan {
    let ids = heading_ids(md, opts);
    let mut scan = Scan::default();
    let mut section: Option<usize> = None;
    let mut heading: Option<(u8, String)> = None;
    // Depth of contexts where nothing is linked.
    let mut opaque = 0usize;
    let mut html_stack: Vec<String> = Vec::new();
    let mut para: Option<String> = None;
    for (ev, range) in new_cmark_parser(md, &opts.mdbook(false)).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    let mut parent = section;
                    while let Some(p) = parent {
                        if scan.sections[p].level < level {
                            break;
                        }
                        parent = scan.sections[p].parent;
                    }
                    let id = ids.get(scan.sections.len()).cloned().unwrap_or_default();
                    scan.sections.push(Section {
                        level,
                        heading: text.trim().to_string(),
                        id,
                        parent,
                        words: 0,
                    });
                    section = Some(scan.sections.len() - 1);
                }
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::TableCell)
            | Event::Start(Tag::DefinitionListDefinition) => {
                para = Some(String::new());
            }
            // A tight list item has no paragraph; its text still forms one.
            Event::Start(Tag::Item) if para.is_none() => para = Some(String::new()),
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::TableCell)
            | Event::End(TagEnd::DefinitionListDefinition)
            | Event::End(TagEnd::Item) => {
                if let Some(text) = para.take()
                    && !text.trim().is_empty()
                {
                    if let Some(s) = section {
                        scan.sections[s].words += crate::text::word_count(&text);
                    }
                    scan.paragraphs.push(Paragraph { section, text });
                }
            }
            Event::Start(Tag::Link { .. })
            | Event::Start(Tag::Image { .. })
            | Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::MetadataBlock(_))
            | Event::Start(Tag::HtmlBlock) => opaque += 1,
            Event::End(TagEnd::Link)
            | Event::End(TagEnd::Image)
            | Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::MetadataBlock(_))
            | Event::End(TagEnd::HtmlBlock) => opaque = opaque.saturating_sub(1),
            Event::InlineHtml(h) => {
                if let Some((name, closing)) = html_tag(&h)
                    && OPAQUE.contains(&name.as_str())
                {
                    if closing {
                        if let Some(pos) = html_stack.iter().rposition(|n| *n == name) {
                            html_stack.truncate(pos);
                        }
                    } else {
                        html_stack.push(name);
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, h)) = &mut heading {
                    h.push_str(&t);
                    continue;
                }
                if let Some(p) = &mut para {
                    p.push_str(&t);
                }
                if opaque == 0 && html_stack.is_empty() && md.get(range.clone()) == Some(&*t) {
                    scan.spans.push(Span { range, section });
                }
            }
            Event::Code(t) => {
                if let Some((_, h)) = &mut heading {
                    h.push_str(&t);
                } else if let Some(p) = &mut para {
                    p.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = &mut para {
                    p.push(' ');
                }
            }
            _ => {}
        }
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<&str> {
        scan(md, &MdOptions::default())
            .spans
            .iter()
            .map(|s| &md[s.range.clone()])
            .collect()
    }

    #[test]
    fn ids_follow_mdbook() {
        let md = "# Title\n\n## Side effects\n\ntext\n\n## Side effects\n\n### Ewing's sarcoma -- 2\n\n## Own {#mine}\n";
        let s = scan(md, &MdOptions::default());
        let ids: Vec<&str> = s.sections.iter().map(|s| s.id.as_str()).collect();
        // Smart punctuation turns "--" into an en dash, which the id drops.
        assert_eq!(
            ids,
            vec![
                "title",
                "side-effects",
                "side-effects-1",
                "ewings-sarcoma--2",
                "mine"
            ]
        );
        assert_eq!(s.sections[3].parent, Some(2));
        assert_eq!(s.sections[1].parent, Some(0));
        assert_eq!(s.sections[1].words, 1);
        let plain = MdOptions {
            smart_punctuation: false,
            ..MdOptions::default()
        };
        assert_eq!(scan(md, &plain).sections[3].id, "ewings-sarcoma----2");
    }

    #[test]
    fn headings_links_code_and_html_are_not_linkable() {
        let md = "# Osteosarcoma\n\nSee [osteosarcoma](x.md) and `osteosarcoma` and <a href=\"x\">osteosarcoma</a> or <abbr title=\"t\">CT</abbr>, then osteosarcoma.\n\n```\nosteosarcoma\n```\n\n<div>\nosteosarcoma\n</div>\n";
        let t = texts(md);
        assert_eq!(
            t,
            vec!["See ", " and ", " and ", " or ", ", then osteosarcoma."]
        );
    }

    #[test]
    fn escaped_text_is_not_linkable_but_its_neighbours_are() {
        let md = "Bone \\*cancer\\* and sarcoma &amp; more\n";
        let t = texts(md);
        assert!(t.contains(&"Bone "), "{t:?}");
        assert!(
            t.iter().all(|s| !s.contains('\\') && !s.contains("&amp;")),
            "{t:?}"
        );
    }

    #[test]
    fn paragraphs_carry_plain_text_and_section() {
        let md = "Intro *text*.\n\n## A\n\n- one item\n- two (X) item\n";
        let s = scan(md, &MdOptions::default());
        let p: Vec<(Option<usize>, &str)> = s
            .paragraphs
            .iter()
            .map(|p| (p.section, p.text.as_str()))
            .collect();
        assert_eq!(
            p,
            vec![
                (None, "Intro text."),
                (Some(0), "one item"),
                (Some(0), "two (X) item")
            ]
        );
    }
}
