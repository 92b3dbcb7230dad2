//! Stage 5: word repair on the text that will be rendered.
//!
//! Conservative by design (a general dictionary would turn valid medical words
//! into English ones):
//! - explicit corrections from book.toml always win; accepted words are never touched;
//! - a word known to the English, MeSH or oncology lists, or used three or more
//!   times in the corpus, is trusted;
//! - a glued word ("Metastaticosteosarcomain") is split only into known words,
//!   and only when the split needs no change of letters (a function word at the
//!   seam, or pieces the corpus itself uses);
//! - an unknown word that is rare in the corpus is corrected only to a clear
//!   winner one edit away (Damerau) that is a medical word or used at least
//!   twice in the corpus, and is known; other candidates
//!   become warnings with suggestions, never edits;
//! - URLs, DOIs, e-mail addresses, anything with a digit, markup written out as
//!   text, and identifiers with inner capitals (EURAMOS-1, MAPIfn, TKIs) are
//!   never touched.

use crate::clean::classify::{Classified, Kind};
use crate::clean::corpus::Corpus;
use crate::config::RepairConfig;
use crate::record::{Action, Log, Stage};
use crate::text;
use crate::text::lexicon;
use std::collections::BTreeMap;

/// `a` and `b` are regular inflections of each other (one ends where the other adds
/// "s" or "d": "intron"/"introns", "lyse"/"lysed"): a different form of a word, never a
/// misspelling of it.
fn inflection_of(a: &str, b: &str) -> bool {
    let plus = |x: &str, y: &str| {
        y.len() == x.len() + 1 && y.starts_with(x) && (y.ends_with('s') || y.ends_with('d'))
    };
    plus(a, b) || plus(b, a)
}

/// `a` and `b` are one word in two varieties of English: British "ae", "oe", "-ise",
/// "-our", "-tre", "-ence" against American "e", "e", "-ize", "-or", "-ter", "-ense"
/// ("haematocrit"/"hematocrit", "anonymisation"/"anonymization"). Neither is an error.
fn spelling_variants(a: &str, b: &str) -> bool {
    fn american(w: &str) -> String {
        w.replace("ae", "e")
            .replace("oe", "e")
            .replace("isa", "iza")
            .replace("ise", "ize")
            .replace("isi", "izi")
            .replace("our", "or")
            .replace("tre", "ter")
            .replace("ence", "ense")
    }
    a != b && american(a) == american(b)
}

/// What to do with one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Keep,
    Replace {
        with: String,
        reason: String,
    },
    /// Not sure: leave it, warn with these suggestions.
    Unsure(Vec<String>),
}

/// The speller: lists, corpus statistics and configuration.
pub struct Speller<'a> {
    corpus: &'a Corpus,
    config: &'a RepairConfig,
    corrections: BTreeMap<String, String>,
    accept: std::collections::HashSet<String>,
    /// Decisions already made, shared by every page of the corpus.
    /// Indexed by "starts a sentence" (0 or 1), then by the word.
    memo: std::sync::RwLock<[foldhash::HashMap<String, Decision>; 2]>,
    corpus_filter: std::sync::OnceLock<lexicon::Filter>,
}

const CORPUS_TRUSTED: usize = 3;

impl<'a> Speller<'a> {
    pub fn new(corpus: &'a Corpus, config: &'a RepairConfig) -> Self {
        Speller {
            corpus,
            config,
            corrections: config
                .corrections
                .iter()
                .map(|(k, v)| (k.to_lowercase(), v.clone()))
                .collect(),
            accept: config.accept.iter().map(|w| w.to_lowercase()).collect(),
            memo: Default::default(),
            corpus_filter: Default::default(),
        }
    }

    /// `decide`, remembered: the same word in the same position is decided once.
    pub(crate) fn decide_cached(&self, word: &str, sentence_start: bool) -> Decision {
        if self.plainly_kept(word) {
            return Decision::Keep;
        }
        let slot = usize::from(sentence_start);
        if let Ok(m) = self.memo.read()
            && let Some(d) = m[slot].get(word)
        {
            return d.clone();
        }
        let d = self.decide(word, sentence_start);
        if let Ok(mut m) = self.memo.write() {
            m[slot].insert(word.to_string(), d.clone());
        }
        d
    }

    /// Short words without inner capitals are kept by `decide` unless the book
    /// has corrections (which apply at any length): answered without the memo
    /// or an allocation.
    fn plainly_kept(&self, word: &str) -> bool {
        word.len() < 5
            && word.bytes().skip(1).all(|b| b.is_ascii_lowercase())
            && word.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && self.corrections.is_empty()
    }

    fn known(&self, w: &str) -> bool {
        lexicon::is_known(w) || self.corpus.count(w) >= CORPUS_TRUSTED || self.accept.contains(w)
    }

    /// A word good enough to be a piece of a split or the result of a correction.
    fn score(&self, w: &str) -> Option<usize> {
        score_of(self.corpus.count(w), lexicon::lookup(w).unwrap_or_default())
    }

    /// On a page not in English only the book's explicit corrections apply.
    fn explicit(&self, word: &str) -> Decision {
        match self.corrections.get(&word.to_lowercase()) {
            Some(right) => Decision::Replace {
                with: match_case(word, right),
                reason: "explicit correction from book.toml".into(),
            },
            None => Decision::Keep,
        }
    }

    /// Decide about one word. `sentence_start`: the word begins a sentence, so a
    /// capital letter does not mark a name.
    pub fn decide(&self, word: &str, sentence_start: bool) -> Decision {
        let lower = word.to_lowercase();
        if self.accept.contains(&lower) {
            return Decision::Keep;
        }
        if let Some(right) = self.corrections.get(&lower) {
            return Decision::Replace {
                with: match_case(word, right),
                reason: "explicit correction from book.toml".into(),
            };
        }
        let chars: Vec<char> = word.chars().collect();
        let inner_capitals = chars.iter().skip(1).any(|c| c.is_uppercase());
        if inner_capitals {
            return self.capitals_glued(word);
        }
        if chars.len() < 5 || self.known(&lower) {
            return Decision::Keep;
        }
        let capitalised = chars[0].is_uppercase();
        // A capital inside a sentence marks a name ("Marchand", "Stockwell"): it is
        // neither split nor respelled.
        if capitalised && !sentence_start {
            return Decision::Keep;
        }
        // The likeliest explanation first: two glued words, then a one-letter
        // slip, then three glued words ("metastatsis" is not "meta stats is").
        if let Some(d) = self.glued(word, &lower, 2) {
            return d;
        }
        // At a sentence start a capital may still be a name: `spelling` then wants the
        // correction to be frequent in the corpus itself.
        let spelled = self.spelling(word, &lower, capitalised, sentence_start);
        if spelled != Decision::Keep {
            return spelled;
        }
        self.glued(word, &lower, 3).unwrap_or(Decision::Keep)
    }

    fn glued(&self, word: &str, lower: &str, max_pieces: usize) -> Option<Decision> {
        if !self.config.glued {
            return None;
        }
        let pieces = self.split(lower, max_pieces)?;
        Some(Decision::Replace {
            with: match_case(word, &pieces.join(" ")),
            reason: format!("glued words split into known words: {}", pieces.join(" + ")),
        })
    }

    fn spelling(
        &self,
        word: &str,
        lower: &str,
        capitalised: bool,
        sentence_start: bool,
    ) -> Decision {
        if !self.config.spelling || self.corpus.count(lower) >= CORPUS_TRUSTED {
            return Decision::Keep;
        }
        // A capital inside a sentence marks a name: never "correct" names.
        if capitalised && !sentence_start {
            return Decision::Keep;
        }
        // Hundreds of candidates per word, nearly all of them not words. The two
        // word tables are megabytes and the rest of the pipeline evicts them from
        // the processor's caches, so a lookup costs a memory access or two
        // (about 60 ns each, measured). All candidates are first tested against
        // Bloom filters of both tables, in one tight loop; only the few that
        // may be words are looked up. A lower-case ASCII candidate is its own
        // lookup key, so the filters can only drop candidates that both
        // lookups would miss; other candidates skip the filters.
        let mut all = String::new();
        let mut spans: Vec<(u64, usize, usize)> = Vec::new();
        for_each_edit1(lower, |c| {
            spans.push((lexicon::Filter::hash(c), all.len(), c.len()));
            all.push_str(c);
        });
        let corpus_filter = self
            .corpus_filter
            .get_or_init(|| lexicon::Filter::of(self.corpus.words.keys().map(String::as_str)));
        let lex = &*lexicon::FILTER;
        let plain = lower.bytes().all(|b| b.is_ascii_lowercase());
        spans.retain(|&(h, _, _)| {
            !plain || lex.may_contain_hash(h) || corpus_filter.may_contain_hash(h)
        });
        let mut cands: Vec<(usize, String)> = Vec::new();
        // Only the survivors are allocated.
        for &(_, at, len) in &spans {
            let c = &all[at..at + len];
            // Swapping two equal letters ("geoff", "immunohistochemical") gives the
            // word back: it is not a candidate for itself.
            if c == lower
                || inflection_of(c, lower)
                || c.as_bytes().first() != lower.as_bytes().first()
                || spelling_variants(c, lower)
            {
                continue;
            }
            let corpus = self.corpus.count(c);
            let entry = lexicon::lookup(c).unwrap_or_default();
            let Some(s) = score_of(corpus, entry) else {
                continue;
            };
            // Frequent in the corpus or a medical word: an English word the
            // corpus never uses is a suggestion, not a correction.
            if corpus < 2 && !entry.domain {
                cands.push((0, c.to_string()));
            } else if !capitalised || corpus >= 2 {
                // At a sentence start, a dictionary word alone is not enough: names
                // begin sentences in reference lists.
                cands.push((s, c.to_string()));
            }
        }
        cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        cands.dedup_by(|a, b| a.1 == b.1);
        match cands.as_slice() {
            [] => Decision::Keep,
            [(best, w), rest @ ..]
                if rest.first().is_none_or(|(s, _)| *best >= 2 * s) && *best >= 3 =>
            {
                Decision::Replace {
                    with: match_case(word, w),
                    reason: format!(
                        "spelling: one edit from \"{w}\" (corpus frequency {}{})",
                        self.corpus.count(w),
                        if lexicon::is_domain(w) {
                            ", medical word list"
                        } else {
                            ""
                        }
                    ),
                }
            }
            _ => Decision::Unsure(cands.iter().take(3).map(|(_, w)| w.clone()).collect()),
        }
    }

    /// "MAPalone": an all-capital word the corpus uses on its own, glued to a known word.
    fn capitals_glued(&self, word: &str) -> Decision {
        if !self.config.glued {
            return Decision::Keep;
        }
        let caps: String = word.chars().take_while(|c| c.is_uppercase()).collect();
        let rest = &word[caps.len()..];
        let rest_ok = rest.chars().count() >= 3
            && rest.chars().all(|c| c.is_lowercase())
            && self.score(rest).is_some();
        if caps.chars().count() >= 2
            && rest_ok
            && self.corpus.count(&caps) >= 2
            && !self.known(&word.to_lowercase())
        {
            return Decision::Replace {
                with: format!("{caps} {rest}"),
                reason: format!(
                    "glued words split: \"{caps}\" (used alone in the corpus) + \"{rest}\""
                ),
            };
        }
        Decision::Keep
    }

    /// Split into 2 or 3 known pieces, keeping every letter. Allowed only when a
    /// seam has a common function word ("osteosarcomain", "presentsa", "thelungs")
    /// and every piece is used alone in the corpus or is a common English word.
    fn split(&self, w: &str, max_pieces: usize) -> Option<Vec<String>> {
        let n = w.len();
        if !w.is_ascii() || n < 6 {
            return None;
        }
        // Function words may be short ("a", "in"); other pieces are real words of
        // four letters or more ("reinfusing" is not "re in fusing").
        let piece_ok = |p: &str| {
            self.score(p).is_some()
                && if text::is_stop_word(p) {
                    // "a" is the one single-letter piece ("vector i sing" is not a split).
                    (lexicon::english_tier(p) == Some(35) && p.len() >= 2) || p == "a"
                } else {
                    p.len() >= 4
                }
        };
        let judge = |pieces: &[&str]| -> Option<usize> {
            if !pieces.iter().all(|p| piece_ok(p)) {
                return None;
            }
            // One function word at most: "osteosarcoma in", not "sarcoma to us".
            let function_words = pieces.iter().filter(|p| text::is_stop_word(p)).count();
            if function_words > 1 {
                return None;
            }
            let function_word = function_words == 1;
            // Every piece is used alone somewhere in the corpus, or is a common English
            // word (SCOWL's size-35 list): "in tron" and "dish was hing" are neither.
            if !pieces
                .iter()
                .all(|p| self.corpus.count(p) >= 1 || lexicon::english_tier(p) == Some(35))
            {
                return None;
            }
            // Without a function word at a seam, two words glued are as likely a closed
            // compound ("framerate", "homestand", "overexpress"): the spelling benchmark
            // counted 59 such false splits in 150,000 words against 83 glued pairs found.
            function_word.then(|| {
                pieces
                    .iter()
                    .map(|p| self.score(p).unwrap_or(0) + 10 * p.len())
                    .sum::<usize>()
                    / pieces.len()
            })
        };
        // Fewest pieces first; among them the best scored (earliest on a tie).
        let mut best: Option<(usize, Vec<&str>)> = None;
        for i in 1..n {
            let p = [&w[..i], &w[i..]];
            if let Some(s) = judge(&p)
                && best.as_ref().is_none_or(|(b, _)| s > *b)
            {
                best = Some((s, p.to_vec()));
            }
        }
        if best.is_none() && max_pieces >= 3 {
            for i in 1..n {
                for j in i + 1..n {
                    let p = [&w[..i], &w[i..j], &w[j..]];
                    if let Some(s) = judge(&p)
                        && best.as_ref().is_none_or(|(b, _)| s > *b)
                    {
                        best = Some((s, p.to_vec()));
                    }
                }
            }
        }
        best.map(|(_, p)| p.into_iter().map(String::from).collect())
    }
}

/// How good a word is as a piece of a split or the result of a correction, from
/// its corpus count and the lists: `None` if it is not good enough at all.
fn score_of(corpus: usize, entry: lexicon::Entry) -> Option<usize> {
    if corpus == 0 && !entry.domain && !matches!(entry.tier, 35 | 50) {
        return None;
    }
    Some(
        corpus * 10
            + if entry.domain { 8 } else { 0 }
            + match entry.tier {
                35 => 6,
                50 => 3,
                _ => 0,
            },
    )
}

/// Every string at Damerau edit distance 1 from `w` (deletions, transpositions,
/// replacements by a–z, insertions of a–z), in the order of `edits1`, built in
/// one reused buffer.
pub(crate) fn for_each_edit1(w: &str, mut f: impl FnMut(&str)) {
    if w.is_ascii() {
        return for_each_edit1_ascii(w, f);
    }
    let c: Vec<char> = w.chars().collect();
    let mut buf = String::with_capacity(w.len() + 4);
    let mut emit = |buf: &mut String, chars: &mut dyn Iterator<Item = char>| {
        buf.clear();
        buf.extend(chars);
        f(buf);
    };
    for i in 0..c.len() {
        let (before, after) = (&c[..i], &c[i + 1..]);
        emit(&mut buf, &mut before.iter().chain(after).copied());
        if i + 1 < c.len() {
            let swapped = [c[i + 1], c[i]];
            emit(
                &mut buf,
                &mut before.iter().chain(&swapped).chain(&c[i + 2..]).copied(),
            );
        }
        for l in 'a'..='z' {
            if l != c[i] {
                emit(
                    &mut buf,
                    &mut before
                        .iter()
                        .copied()
                        .chain([l])
                        .chain(after.iter().copied()),
                );
            }
        }
    }
    for i in 0..=c.len() {
        for l in 'a'..='z' {
            emit(
                &mut buf,
                &mut c[..i]
                    .iter()
                    .copied()
                    .chain([l])
                    .chain(c[i..].iter().copied()),
            );
        }
    }
}

/// Damerau edit distance 1: deletions, transpositions, replacements, insertions.
#[cfg(test)]
pub(crate) fn edits1(w: &str) -> Vec<String> {
    let c: Vec<char> = w.chars().collect();
    let letters = 'a'..='z';
    let mut out = Vec::new();
    for i in 0..c.len() {
        let mut d = c.clone();
        d.remove(i);
        out.push(d.iter().collect());
        if i + 1 < c.len() {
            let mut t = c.clone();
            t.swap(i, i + 1);
            out.push(t.iter().collect());
        }
        for l in letters.clone() {
            if l != c[i] {
                let mut r = c.clone();
                r[i] = l;
                out.push(r.iter().collect());
            }
        }
    }
    for i in 0..=c.len() {
        for l in letters.clone() {
            let mut ins = c.clone();
            ins.insert(i, l);
            out.push(ins.iter().collect());
        }
    }
    out
}

/// `for_each_edit1` of an ASCII word (nearly every word the speller checks):
/// each candidate is copied from slices of `w`, whose every byte is a
/// character boundary.
fn for_each_edit1_ascii(w: &str, mut f: impl FnMut(&str)) {
    let b = w.as_bytes();
    let mut buf = String::with_capacity(w.len() + 1);
    let mut emit = |parts: &[&str]| {
        buf.clear();
        for p in parts {
            buf.push_str(p);
        }
        f(&buf);
    };
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
    for i in 0..b.len() {
        emit(&[&w[..i], &w[i + 1..]]);
        if i + 1 < b.len() {
            emit(&[&w[..i], &w[i + 1..i + 2], &w[i..i + 1], &w[i + 2..]]);
        }
        for (l, letter) in LETTERS.bytes().enumerate() {
            if letter != b[i] {
                emit(&[&w[..i], &LETTERS[l..l + 1], &w[i + 1..]]);
            }
        }
    }
    for i in 0..=b.len() {
        for l in 0..26 {
            emit(&[&w[..i], &LETTERS[l..l + 1], &w[i..]]);
        }
    }
}

/// Give `right` the case pattern of `original` (Capitalised, UPPER, lower).
fn match_case(original: &str, right: &str) -> String {
    let mut oc = original.chars();
    let first_upper = oc.next().is_some_and(char::is_uppercase);
    let all_upper = original
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && original.chars().filter(|c| c.is_alphabetic()).count() > 1;
    if all_upper {
        right.to_uppercase()
    } else if first_upper {
        let mut r = right.chars();
        r.next()
            .map(|f| f.to_uppercase().chain(r).collect())
            .unwrap_or_default()
    } else {
        right.to_string()
    }
}

/// ASCII bytes that protect the chunk they are in: a slash (URLs, "://",
/// "and/or"), "@" (e-mail), a digit, or markup and code written out as text
/// ("<iframe", "a_b", "x=y").
static PROTECTING: [bool; 128] = {
    let mut t = [false; 128];
    let special = b"/@<>={}[]|*_#\\`0123456789";
    let mut i = 0;
    while i < special.len() {
        t[special[i] as usize] = true;
        i += 1;
    }
    t
};

/// A whitespace chunk that must not be touched: URLs, DOIs, e-mail, numbers, codes.
fn protected_chunk(chunk: &str) -> bool {
    let b = chunk.as_bytes();
    // One pass over the bytes (this runs on every chunk of every rendered
    // paragraph). Only ASCII bytes can protect: "://" contains a slash, and a
    // non-ASCII character is never one of the bytes above.
    if b.iter().any(|&x| x < 0x80 && PROTECTING[usize::from(x)]) {
        return true;
    }
    // Case-insensitive tests; an ASCII chunk needs no lower-cased copy.
    if chunk.is_ascii() {
        chunk
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."))
            || b.windows(3).any(|w| w.eq_ignore_ascii_case(b"doi"))
    } else {
        let l = chunk.to_lowercase();
        l.starts_with("www.") || l.contains("doi")
    }
}

/// Repair one text; edits are recorded against the unit's raw lines. `None`
/// when nothing changed (the common case: no copy is made).
/// Repair the words of `text`; `line_of(offset)` is the raw line of a byte of `text`
/// (a continuation line has one line of its own).
fn repair_text(
    speller: &Speller,
    english: bool,
    text: &str,
    line_of: impl Fn(usize) -> usize,
    log: &mut Log,
) -> Option<String> {
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut sentence_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Whitespace-separated chunk [i, j): a byte loop, since chunks are words
        // a few bytes long.
        let j = bytes[i..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(text.len(), |k| i + k);
        let chunk = &text[i..j];
        if !protected_chunk(chunk) {
            // Words: runs of letters inside the chunk.
            let mut k = i;
            while k < j {
                let Some(ws) = next_letter(text, k, j, true) else {
                    break;
                };
                let we = next_letter(text, ws, j, false).unwrap_or(j);
                let word = &text[ws..we];
                // Not part of a hyphenated identifier or an apostrophe form.
                let glued_left = ws > i && matches!(bytes[ws - 1], b'-' | b'\'');
                let glued_right = we < j && matches!(bytes[we], b'-' | b'\'');
                if !(glued_left || glued_right) {
                    let decision = if english {
                        speller.decide_cached(word, sentence_start && ws == i)
                    } else {
                        speller.explicit(word)
                    };
                    match decision {
                        Decision::Keep => {}
                        Decision::Replace { with, reason } => {
                            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
                            o.push_str(&text[last..ws]);
                            o.push_str(&with);
                            last = we;
                            log.edit(line_of(ws), Stage::Repair, Action::Changed, word, with, reason);
                        }
                        Decision::Unsure(s) => log.warn(
                            line_of(ws),
                            format!(
                                "unknown word \"{word}\" left as it is; did you mean {}? Add a correction or an accepted word in [preprocessor.seeds.repair]",
                                s.join(", ")
                            ),
                        ),
                    }
                }
                k = we;
            }
        }
        sentence_start = text::ends_full_stop(chunk) || chunk.ends_with(':');
        i = j + 1;
    }
    let mut out = out?;
    out.push_str(&text[last..]);
    Some(out)
}

/// The offset in `text[from..to]` of the first character that is a letter
/// (`letter`) or is not one (`!letter`); ASCII is tested byte by byte.
fn next_letter(text: &str, from: usize, to: usize, letter: bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = from;
    while k < to {
        let x = b[k];
        if x < 0x80 {
            if x.is_ascii_alphabetic() == letter {
                return Some(k);
            }
            k += 1;
        } else {
            let c = text.get(k..to)?.chars().next()?;
            if c.is_alphabetic() == letter {
                return Some(k);
            }
            k += c.len_utf8();
        }
    }
    None
}

/// Repair every unit that will be rendered.
pub(crate) fn repair(c: &mut Classified, speller: &Speller, log: &mut Log) {
    let english = c.language.is_english();
    for it in &mut c.items {
        if matches!(
            it.kind,
            Kind::Drop(_) | Kind::Meta { .. } | Kind::FigureLabel
        ) {
            continue;
        }
        let text = repair_text(
            speller,
            english,
            &it.unit.text,
            |at| it.unit.line_at(at),
            log,
        );
        let extra: Vec<Option<String>> = it
            .unit
            .extra
            .iter()
            .zip(&it.unit.extra_lines)
            .map(|(e, &no)| repair_text(speller, english, e, |_| no, log))
            .collect();
        if let Some(t) = text {
            it.unit.text = t;
        }
        for (e, fixed) in it.unit.extra.iter_mut().zip(extra) {
            if let Some(f) = fixed {
                *e = f;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::normalise::normalise;
    use crate::clean::reflow::Unit;

    fn corpus(text: &str) -> Corpus {
        let lines = normalise(text, &mut Log::new("c"));
        Corpus::build([lines.as_slice()])
    }

    const CORPUS: &str = "Osteosarcoma is a bone tumour. Metastatic osteosarcoma spreads to the lungs. \
        Treatment of osteosarcoma uses chemotherapy. Osteosarcoma in children. Results of MAP and MAP \
        with preoperative chemotherapy. The results were waiting. Metastatic disease in patients.";

    fn decide(word: &str, start: bool) -> Decision {
        let c = corpus(CORPUS);
        let cfg = RepairConfig::default();
        Speller::new(&c, &cfg).decide(word, start)
    }

    fn fixed(word: &str, start: bool) -> Option<String> {
        match decide(word, start) {
            Decision::Replace { with, .. } => Some(with),
            _ => None,
        }
    }

    #[test]
    fn edit_visitor_gives_exactly_the_edits_of_the_plain_definition() {
        for w in [
            "",
            "a",
            "ab",
            "waitng",
            "ostesarcoma",
            "tumeur",
            "naïve",
            "éé",
        ] {
            let mut seen = Vec::new();
            for_each_edit1(w, |c| seen.push(c.to_string()));
            assert_eq!(seen, edits1(w), "{w}");
        }
        // 54n + 25 candidates for an n-letter word without repeated letters.
        let mut n = 0;
        for_each_edit1("bone", |_| n += 1);
        assert_eq!(n, 4 + 3 + 4 * 25 + 5 * 26);
    }

    #[test]
    fn seed_typos_are_fixed() {
        assert_eq!(fixed("ostesarcoma", false).as_deref(), Some("osteosarcoma"));
        assert_eq!(fixed("properative", false).as_deref(), Some("preoperative"));
        assert_eq!(fixed("resutls", false).as_deref(), Some("results"));
        assert_eq!(fixed("waitng", false).as_deref(), Some("waiting"));
        assert_eq!(fixed("Ostesarcoma", true).as_deref(), Some("Osteosarcoma"));
    }

    #[test]
    fn glued_words_are_split_keeping_every_letter() {
        assert_eq!(
            fixed("Metastaticosteosarcomain", true).as_deref(),
            Some("Metastatic osteosarcoma in")
        );
        assert_eq!(fixed("presentsa", false).as_deref(), Some("presents a"));
        assert_eq!(fixed("MAPalone", false).as_deref(), Some("MAP alone"));
        assert_eq!(fixed("thelungs", false).as_deref(), Some("the lungs"));
        // Never medical words into syllables.
        assert_eq!(fixed("osteosarcoma", false), None);
        assert_eq!(fixed("sarcomatous", false), None);
        assert_eq!(fixed("metastatsis", false).as_deref(), Some("metastasis"));
    }

    /// Found by the spelling benchmark (preprocessor/benches/spelling): names split or
    /// respelled, words "corrected" into themselves, compounds cut into non-words.
    #[test]
    fn names_compounds_and_identity_edits_are_left_alone() {
        // A capital inside a sentence is a name: never split, never respelled.
        for name in ["Marchand", "Stockwell", "Sanderson", "Overstreet", "Megson"] {
            assert_eq!(fixed(name, false), None, "{name}");
        }
        // Swapping two equal letters gives the word back: no edit, no suggestion of itself.
        for w in ["kapoor", "geoffs", "tierra"] {
            match decide(w, false) {
                Decision::Replace { with, .. } => assert_ne!(with, w),
                Decision::Unsure(s) => assert!(!s.iter().any(|x| x == w), "{w}: {s:?}"),
                Decision::Keep => {}
            }
        }
        // Pieces this corpus never writes and no common word: not a split.
        assert_eq!(fixed("intron", false), None);
        // Nor is an inflection a misspelling of its word.
        assert!(inflection_of("introns", "intron") && inflection_of("lyse", "lysed"));
        assert!(!inflection_of("waitng", "waiting"));
        // British and American forms.
        assert!(spelling_variants("haematocrit", "hematocrit"));
        assert!(spelling_variants("anonymisation", "anonymization"));
        assert!(!spelling_variants("ostesarcoma", "osteosarcoma"));

        assert_eq!(fixed("vectorising", false), None);
    }

    #[test]
    fn rare_correct_words_and_identifiers_survive() {
        for w in [
            "mifamurtide",
            "deforolimus",
            "glucarpidase",
            "ifosfamide",
            "metaphyseal",
            "osteoid",
            "chondrosarcoma",
            "cyberknife",
            "MAPIE",
            "MAPIfn",
            "TKIs",
            "interleukins",
            "Morya",
            "Marin",
            "Bielack",
            "reinfusing",
            "resectable",
        ] {
            assert!(
                !matches!(decide(w, false), Decision::Replace { .. }),
                "{w} must never be changed"
            );
        }
    }

    #[test]
    fn names_inside_a_sentence_are_not_corrected() {
        // "Marin" is one edit from "marine", a common word.
        assert_eq!(decide("Marin", false), Decision::Keep);
    }

    #[test]
    fn explicit_corrections_and_accepted_words() {
        let c = corpus(CORPUS);
        let mut cfg = RepairConfig::default();
        cfg.corrections.insert("tumer".into(), "tumour".into());
        cfg.accept.push("ostesarcoma".into());
        let s = Speller::new(&c, &cfg);
        assert!(
            matches!(s.decide("Tumer", true), Decision::Replace { ref with, .. } if with == "Tumour")
        );
        assert_eq!(s.decide("ostesarcoma", false), Decision::Keep);
    }

    #[test]
    fn protected_chunks() {
        // Case-insensitive, with or without non-ASCII letters.
        for (chunk, protected) in [
            ("https://doi.org/10.1/x", true),
            ("EURAMOS-1", true),
            ("name@example.org", true),
            ("5mg", true),
            ("<iframe", true),
            ("WWW.Example.org", true),
            ("DOI:10.1000", true),
            ("(DOI)", true),
            ("Doi·é", true),
            ("wWw.exämple", true),
            ("osteosarcoma,", false),
            ("Www", false),
            ("döing", false),
        ] {
            assert_eq!(protected_chunk(chunk), protected, "{chunk}");
        }
    }

    #[test]
    fn edits_are_recorded_on_the_right_line() {
        let mut log = Log::new("f.txt");
        let c = corpus(CORPUS);
        let cfg = RepairConfig::default();
        let s = Speller::new(&c, &cfg);
        let unit = Unit {
            first: 10,
            last: 11,
            indent: 0,
            bullet: false,
            text: "We are waitng for the resutls now.".into(),
            extra: vec![],
            extra_lines: vec![],
            gap_before: true,
            cells: false,
            line_starts: vec![(0, 10), (14, 11)],
        };
        let out = repair_text(&s, true, &unit.text, |at| unit.line_at(at), &mut log);
        assert_eq!(out.as_deref(), Some("We are waiting for the results now."));
        assert_eq!(log.edits[0].line, 10);
        assert_eq!(log.edits[1].line, 11);
        assert_eq!(log.edits[1].before, "resutls");
    }
}
