//! The jusText-style context pass (a heading takes the class of the text it
//! introduces; short text survives only beside good text and away from
//! boilerplate), captions bound to their labels, sections dropped by configuration,
//! and what follows the last text.

#[allow(unused_imports)]
use super::*;

/// "Fig. 1" labels: the next unit is the caption; duplicate labels were dropped.
pub(super) fn bind_captions(items: &mut [Item]) {
    for i in 0..items.len() {
        if items[i].kind != Kind::FigureLabel {
            continue;
        }
        let label = items[i].unit.text.clone();
        let next = (i + 1..items.len()).find(|&j| !matches!(items[j].kind, Kind::Drop(_)));
        match next {
            Some(j) if items[j].kind == Kind::Open => {
                let label = (!label.to_lowercase().contains("caption")).then_some(label);
                items[j].kind = Kind::Caption { label };
                items[i].kind = Kind::Drop(DropReason::MergedLabel);
            }
            _ => {
                items[i].kind = Kind::Caption { label: None };
            }
        }
    }
}

/// Configured `drop-sections`: a matching heading and everything up to the next heading-shaped line.
pub(super) fn drop_sections(items: &mut [Item], rules: &Rules) {
    let mut dropping: Option<DropReason> = None;
    for it in items.iter_mut() {
        if it.kind != Kind::Open && !matches!(it.kind, Kind::ListItem { .. }) {
            continue;
        }
        if it.heading && it.quality == Quality::Short {
            dropping = rules.drops_section(&it.unit.text);
        }
        if let Some(r) = &dropping {
            it.kind = Kind::Drop(r.clone());
        }
    }
}

/// jusText's maximum heading distance (`max_heading_distance`, default 200, in
/// characters; Pomikálek 2011, see [`solid_neighbours`]): a heading is kept only
/// when the text it introduces starts within this many characters of the
/// heading's own start. Two differences from jusText: the distance counts the
/// heading itself and the headings kept between it and the text, not removed
/// lines (they are not shown); jusText counts every block between, and not the
/// heading (that measured 0.0001 to 0.0004 lower on every public set). And it
/// holds only where no text comes before the heading: a chain of headings after
/// boilerplate or at the page's top (a menu, teaser headlines, a site's sections
/// above a story), not a list of short lines inside the text. Table rows are
/// exempt. Measured on the cleaning harness (F1): CleanEval 0.8929 → 0.8938,
/// CleanPortalEval 0.9804 → 0.9809, Dragnet 0.9033 → 0.9038, L3S-GN1 0.9419 →
/// 0.9437, Readability 0.9085 → 0.9087, the medical pages unchanged; 300 and 400
/// characters gained less on every set. Without the exception for headings after
/// text, CleanPortalEval lost 0.0014 and a medical page its trial's design table
/// (as session 25 measured: lists of short lines read as headings).
const MAX_HEADING_DISTANCE: usize = 200;

/// jusText-style context: a heading takes the class of the text it introduces,
/// within [`MAX_HEADING_DISTANCE`] when no text is before it;
/// a short unit survives only when its nearest non-short neighbours are good text on
/// one side and not boilerplate on the other ([`solid_neighbours`]), or when it reads
/// as text ([`reads_as_text`]) or is a table's row and touches good text; long
/// low-density units survive only next to good text.
///
/// A FAQ's question right under the answer to the one before is passed over as a
/// neighbour: its answer, short or long, follows the answers above it, and the
/// question introduces it. Before, the last question and answer above a footer
/// went, the answer as "between boilerplate" (found by a new-user subagent, session
/// 59). No public page changes; a version that passed over any question under good
/// text gained Dragnet 0.00006 and CleanEval 0.0001 but kept "Liked this post?" /
/// "Get more by subscribing…" and another story's teaser, and one that passed over
/// every heading lost L3S-GN1 0.0015.
pub(super) fn resolve_context(items: &mut [Item]) {
    // Walk backwards, so that what a heading introduces is already decided.
    // `next` is the class of the next decided unit; `next_text` the same but
    // looking past known boilerplate phrases, since a heading's text may sit
    // behind "Asked by …", "On this page" or share buttons; not past a line marked
    // `Item::ends_text` (a phrase that ends an article, such as a comment form's or a
    // footer's, or a sidebar's heading: `signals::article_ending_line`,
    // `signals::SIDEBAR_HEADINGS`), as not past a line dropped as repeated.
    let mut next: Option<bool> = None;
    let mut next_text: Option<bool> = None;
    // The class of the unit before each unit, as labelled before this pass
    // (one forward pass, so the whole walk stays linear).
    let mut prev_good = Vec::with_capacity(items.len());
    let mut last: Option<bool> = None;
    // The unit before is a question ([`question_line`]), and whether it was passed
    // over (see below).
    let mut after_question = false;
    let mut passed_question = false;
    // The last unit was good text right under a question: an answer.
    let mut answer = false;
    for it in items.iter() {
        prev_good.push(last);
        let question = question_line(it);
        match &it.kind {
            Kind::Drop(r) if r.is_transparent() => continue,
            Kind::Meta { .. } | Kind::FigureLabel => continue,
            // A question right under the answer to another is no neighbour: the
            // answer under it follows the answers above it (a FAQ's last answer,
            // before the footer). Not a question under other text ("Liked this
            // post?" after a story), nor a second question (a poll's, over its
            // choices).
            Kind::Open if question && answer && last == Some(true) && !passed_question => {
                passed_question = true;
                after_question = true;
                continue;
            }
            Kind::Drop(_) => last = Some(false),
            Kind::Open => last = Some(it.quality == Quality::Good),
            _ => last = Some(true),
        }
        answer = after_question && last == Some(true) && !question;
        after_question = question;
        passed_question = false;
    }
    let (before, after) = solid_neighbours(items);
    // Characters of the headings kept between the unit and the text they introduce.
    let mut heading_distance = 0usize;
    for i in (0..items.len()).rev() {
        let it = &items[i];
        let decided = match &it.kind {
            Kind::Drop(r) if r.is_transparent() => continue,
            Kind::Drop(r) => {
                next = Some(false);
                if !r.is_furniture() || it.ends_text {
                    next_text = Some(false);
                }
                continue;
            }
            Kind::Meta { .. } | Kind::FigureLabel => continue,
            Kind::Open => None,
            _ => Some(true),
        };
        let keep = match decided {
            Some(k) => k,
            None if it.quality == Quality::Good => {
                items[i].kind = Kind::Paragraph;
                true
            }
            None if it.heading => {
                let len = it.unit.text.chars().count();
                let near = heading_distance + len <= MAX_HEADING_DISTANCE
                    || before[i] == Some(true)
                    || it.unit.table_row().is_some();
                let keep = next_text == Some(true) && near;
                if keep {
                    heading_distance += len;
                }
                items[i].kind = if keep {
                    Kind::Heading
                } else {
                    Kind::Drop(DropReason::NoTextAfter)
                };
                keep
            }
            None => {
                // A short sentence or long low-density text stays next to good text.
                let beside_text = next == Some(true) || prev_good[i] == Some(true);
                let keep = if it.quality == Quality::Short {
                    let (b, a) = (before[i], after[i]);
                    let between_text_and_boilerplate = matches!(
                        (b, a),
                        (Some(true), Some(false)) | (Some(false), Some(true))
                    );
                    if between_text_and_boilerplate
                        && (reads_as_text(&it.unit.text) || it.unit.table_row().is_some())
                    {
                        beside_text
                    } else {
                        // Good text on one side at least, and boilerplate on neither (the
                        // page's edge counts as neither).
                        b != Some(false) && a != Some(false) && (b == Some(true) || a == Some(true))
                    }
                } else {
                    beside_text
                };
                items[i].kind = if keep {
                    Kind::Paragraph
                } else {
                    Kind::Drop(DropReason::BetweenBoilerplate {
                        low_density: it.quality == Quality::Bad,
                    })
                };
                keep
            }
        };
        if keep && items[i].kind != Kind::Heading {
            heading_distance = 0;
        }
        next = Some(keep);
        next_text = Some(keep);
    }
}

/// A question standing as a line of its own, as a FAQ writes each: a heading
/// candidate, not good text, ending on a question mark.
fn question_line(it: &Item) -> bool {
    it.heading && it.quality != Quality::Good && it.unit.text.trim_end().ends_with('?')
}

/// The class of the nearest decided unit before and after each unit, skipping short
/// units, headings, long low-density units, metadata and transparent drops (a
/// duplicate line): `Some(true)` for good text or a unit already kept (a list item, a
/// caption, however short), `Some(false)` for a unit already dropped (a one-word
/// "Advertisement" too), `None` when there is none up to the page's edge. Both
/// vectors are as long as `items`.
///
/// After jusText's neighbourhood for short blocks (Pomikálek 2011, *Removing
/// Boilerplate and Duplicate Content from Web Corpora*, PhD thesis, Masaryk
/// University; the algorithm as described in the jusText repository's
/// `doc/algorithm.rst`): a short block is good when its nearest non-short
/// neighbours are good, bad when they are bad, and bad between good and bad unless
/// a "near-good" block is next to it. This pass differs: the page's edge counts as
/// neither (jusText counts it as bad: that cost Readability 0.003 F1 on the cleaning
/// harness, CleanEval gaining 0.0007), long low-density units are skipped (jusText
/// counts them as bad), there is no near-good class, and one good neighbour with
/// the page's edge on the other side is enough.
fn solid_neighbours(items: &[Item]) -> (Vec<Option<bool>>, Vec<Option<bool>>) {
    let class = |it: &Item| match &it.kind {
        Kind::Drop(r) if r.is_transparent() => None,
        Kind::Drop(_) => Some(false),
        Kind::Meta { .. } | Kind::FigureLabel => None,
        Kind::Open if it.quality == Quality::Good => Some(true),
        Kind::Open => None,
        _ => Some(true),
    };
    let mut before = Vec::with_capacity(items.len());
    let mut last = None;
    for it in items {
        before.push(last);
        last = class(it).or(last);
    }
    let mut after = vec![None; items.len()];
    let mut next = None;
    for i in (0..items.len()).rev() {
        after[i] = next;
        next = class(&items[i]).or(next);
    }
    (before, after)
}

/// A short line that reads as part of the text beside it, not as page furniture,
/// even between text and boilerplate: a line of three words or more (or eight Han or
/// kana characters) that ends a sentence or a clause, closing quotes aside (a poem's
/// line, a reply's last sentence), or one of four words or more with English stop
/// words at least three in ten (a running sentence; menus and link bars have few).
/// The guard of the neighbour rule, measured on the cleaning harness (F1 with the
/// rule and without the guard → with both): CleanPortalEval 0.971 → 0.973, Dragnet
/// 0.883 → 0.884, L3S-GN1 0.941 → 0.938, CleanEval and Readability unchanged.
/// A letter's greeting or closing ([`letter_line`]: "Dear All,", "Best wishes")
/// reads as text too.
/// Trimming closing brackets too ("(Requires free registration.)") or counting any
/// line of eight characters, or an ellipsis as an end, cost up to 0.003.
pub(super) fn reads_as_text(t: &str) -> bool {
    let t = t.trim();
    let (n, stop) = text::word_and_stop_counts(t);
    // Closing quotes after the sentence's end ("We are done.").
    let end = t.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', '\u{300d}', '\u{300f}']);
    // A clause of eight characters or more where words are not spaced (Chinese).
    let clause = n >= 3 || end.chars().filter(|&c| super::is_cjk(c)).count() >= 8;
    (clause && end.ends_with(SENTENCE_OR_CLAUSE_END))
        || (n >= 4 && stop * 10 >= n * 3)
        || letter_line(t)
}

/// Marks that end a sentence or a clause, in Latin and Chinese or Japanese script.
const SENTENCE_OR_CLAUSE_END: [char; 10] = [
    '.', ',', ';', '!', '?', ':', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{ff0c}',
];

/// After the last text: headings with nothing after them go, and so does
/// metadata that repeats a key the page already has (a related item's date).
pub(super) fn drop_trailing(items: &mut [Item]) {
    let Some(last) = items.iter().rposition(|i| {
        matches!(
            i.kind,
            Kind::Paragraph | Kind::ListItem { .. } | Kind::Caption { .. } | Kind::Open
        )
    }) else {
        return;
    };
    let keys_before: HashSet<MetaKey> = items[..last]
        .iter()
        .filter_map(|i| match &i.kind {
            Kind::Meta { key, .. } => Some(*key),
            _ => None,
        })
        .collect();
    for it in &mut items[last + 1..] {
        match &it.kind {
            Kind::Heading => it.kind = Kind::Drop(DropReason::TrailingHeading),
            Kind::Meta { key, .. } if keys_before.contains(key) => {
                it.kind = Kind::Drop(DropReason::TrailingMetadata { key: *key });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::outline_of;

    const ARTICLE: &str = "The council voted on Tuesday to build a new bridge across the river, ending a debate that had lasted for more than a decade and divided the town.";

    /// The outline of a page: a headline, two paragraphs of the story, `line`, and a
    /// site footer.
    fn kept(line: &str) -> String {
        outline_of(&format!(
            "Bridge vote ends decade of debate\n\n{ARTICLE} This is the first paragraph.\n\n{ARTICLE} This is the second paragraph.\n\n{line}\n\nCopyright 2012 Example News. All rights reserved.\n"
        ))
    }

    /// jusText's maximum heading distance: in a chain of headings after boilerplate,
    /// those more than 200 characters above the text go, the nearer ones stay; a
    /// chain after text stays whole (a list of short lines).
    #[test]
    fn headings_far_from_their_text_go_unless_text_is_before_them() {
        let teasers = "Bone pain that gets worse at night\n\nSwelling and a lump near a joint\n\n\
                       A fracture after only a minor fall\n\nTiredness that does not get better\n\n\
                       A limp that lasts for several weeks\n\nFever and weight loss without a cause\n\nCommon symptoms";
        let out = outline_of(&format!(
            "Bridge vote ends decade of debate\n\n{ARTICLE} This is the first paragraph.\n\nAdvertisement\n\n{teasers}\n\n{ARTICLE} This is the second paragraph.\n\n{ARTICLE} This is the third paragraph.\n"
        ));
        assert!(out.contains("Common symptoms"), "{out}");
        assert!(out.contains("Fever and weight loss"), "{out}");
        assert!(!out.contains("Bone pain that gets worse"), "{out}");
        // After text, the same lines are kept: they may be the story's list.
        let out = outline_of(&format!(
            "Bridge vote ends decade of debate\n\n{ARTICLE} This is the first paragraph.\n\n{teasers}\n\n{ARTICLE} This is the second paragraph.\n"
        ));
        assert!(out.contains("Bone pain that gets worse"), "{out}");
    }

    /// The last question of a FAQ and its answer, before the footer: the answer
    /// follows the answers kept above its question (the question no neighbour of
    /// it), and the question introduces it. A term and its definition at the end
    /// of a glossary the same.
    #[test]
    fn the_last_answer_under_its_question_stays_before_the_footer() {
        let faq = "Billing questions\n\
                   When will I get my first bill?\n\
                   Your first bill arrives about a week after your service goes live, and it may be higher than usual because it includes a part-month charge.\n\
                   What happens if I miss a payment?\n\
                   We will send you a reminder. If you still have not paid after 14 days, we may add a late payment charge and could restrict your service.\n\
                   Is there a charge for paper bills?\n\
                   Yes, paper bills cost 2 pounds a month. Online bills are free.\n\
                   Still need help?\nChat with us\nAbout us\nCareers\nPrivacy and cookies\n";
        let out = outline_of(faq);
        assert!(
            out.contains("## Is there a charge for paper bills?"),
            "{out}"
        );
        assert!(out.contains("Online bills are free."), "{out}");
        assert!(!out.contains("Chat with us"), "{out}");
    }

    /// jusText's rule: a short line between the text and boilerplate is boilerplate.
    #[test]
    fn a_short_line_between_text_and_boilerplate_goes() {
        let out = kept("filed under bridges, council");
        assert!(out.contains("second paragraph"), "{out}");
        assert!(!out.contains("filed under"), "{out}");
    }

    /// ... unless it reads as text: a line of a poem, a running sentence, a table's
    /// row.
    #[test]
    fn a_short_line_that_reads_as_text_stays_beside_the_text() {
        for line in [
            // Clause punctuation (and few stop words).
            "snow falls on silent hills,",
            // A sentence's end inside closing quotes.
            "\"Cold, white, silent.\"",
            // Stop words, no punctuation.
            "they said that it was the end of it",
            // Chinese: a clause of eight characters or more and its full stop.
            "目前警方正在调查此事。",
        ] {
            let out = kept(line);
            assert!(out.contains(line), "{line}: {out}");
        }
        // A table's row after the text. (Only the row next to the text: a second row
        // before the footer has a short line, not text, on its other side.)
        let out = kept("(Unknown)\t5126\t23.2%");
        assert!(out.contains("5126"), "{out}");
    }
}
