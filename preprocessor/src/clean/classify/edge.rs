//! Signal: a phrase repeated at the start or end of many paragraphs of a page (SEO
//! filler, "Read more" tails), found by counting the first and last three tokens.

#[allow(unused_imports)]
use super::*;

/// A phrase repeated at the start or end of many paragraphs (SEO pages; see
/// [`edge_phrase`]): removed from them, and kept where it stands alone (a unit
/// that is the phrase itself is never cut). Returns the phrase.
pub(super) fn strip_edge_phrase(units: &mut [Unit], log: &mut Log) -> Option<String> {
    let (phrase, n) = edge_phrase(units)?;
    let reason = if stands_alone(units).contains(&phrase.to_lowercase()) {
        format!(
            "phrase used {n} times at the start or end of paragraphs (SEO filler) removed; kept once where it stands alone"
        )
    } else {
        format!("phrase used {n} times at the start or end of paragraphs (SEO filler) removed")
    };
    let k = phrase.split(' ').count();
    for u in units
        .iter_mut()
        .filter(|u| !u.bullet && !unmistakably_code(u))
    {
        let (toks, ntok) = edge_tokens(&u.text);
        if ntok < 8 {
            continue;
        }
        let (new, cut) = if edge_prefix(&u.text, &toks, k)
            .is_some_and(|p| p.eq_ignore_ascii_case(&phrase))
        {
            // The text after the first k tokens.
            let new = last_piece(u.text.splitn(k + 1, ' '));
            let cut = u.text.len() - new.len();
            (new, cut)
        } else if edge_suffix(&u.text, &toks, k).is_some_and(|p| p.eq_ignore_ascii_case(&phrase)) {
            // The text before the last k tokens.
            (last_piece(u.text.rsplitn(k + 1, ' ')), 0)
        } else {
            continue;
        };
        if new != u.text {
            log.edit(
                u.first,
                Stage::Classify,
                Action::Removed,
                phrase.clone(),
                "",
                reason.clone(),
            );
            u.drop_prefix(cut, new);
        }
    }
    Some(phrase)
}

/// A paragraph's edges as `edge_phrase` reads them: its first and last three
/// tokens (of a split at single spaces, as in `edge_tokens`).
pub(super) struct Edges<'a> {
    text: &'a str,
    first: [&'a str; 3],
    last: [&'a str; 3],
    /// It may start with a phrase (it starts with a capital or a digit) and end
    /// with one (it does not end with punctuation).
    prefixes: bool,
    suffixes: bool,
}

/// How many times a phrase must start or end a paragraph for it to be a page's
/// edge phrase on that evidence alone (SEO filler, a "Print News | Mail" tail):
/// five (a paragraph that both starts and ends with it counts twice). Three or
/// four uses count when the phrase also stands alone on the page, as a short
/// line of its own that is no list item ([`stands_alone`]: the title an SEO
/// page repeats). Three uses alone were as often a blog's related-post titles
/// or a story's repeated lead words ("Posted by Anonymous | November", "How to
/// Throw a", cut from ehow's headline), which the strip cut from text.
/// Measured on the cleaning harness (F1, three uses -> this rule): CleanEval
/// 0.89609 -> 0.89635, Dragnet 0.90387 -> 0.90406, Readability 0.90835 ->
/// 0.90859 (one more title right), L3S-GN1 0.94367 -> 0.94363, CleanPortalEval
/// and the medical pages unchanged. Four uses gained less on three sets, six to
/// twelve lost Readability's gain; the exception for a phrase that stands alone
/// changes no public page (it keeps the SEO fixture's filler, used three times
/// under its title, found).
pub(super) const EDGE_PHRASE_USES: usize = 5;

/// The phrase found at the start or the end of paragraphs [`EDGE_PHRASE_USES`]
/// times or more, or three times or more when it stands alone on the page
/// (compared in lower case; the spelling of its first use), and how many:
/// the most used, then the longest. Phrases are 3 to 12 tokens; see
/// `edge_prefix` and `edge_suffix` for what may be one.
///
/// Every paragraph offers up to 20 candidate phrases and nearly all of them
/// occur once, so a first pass counts only the paragraphs' first three and
/// last three tokens (case-blind hashes). A phrase used `a` times as a prefix
/// and `b` times as a suffix starts with a paragraph's first three tokens
/// `a` times and ends with a paragraph's last three `b` times, so when
/// those counts for its own first and last three tokens add up to less than
/// three, it cannot be the answer and is not counted. The condition is the
/// same at every use of a phrase, so a phrase is counted at all its uses or
/// at none (a hash collision only counts more).
pub(super) fn edge_phrase(units: &[Unit]) -> Option<(String, usize)> {
    let mut paras: Vec<Edges> = Vec::with_capacity(units.len());
    // Lines of code are verbatim: a `psql` table's rows all start "500 │".
    paras.extend(
        units
            .iter()
            .filter(|u| !u.bullet && !unmistakably_code(u))
            .filter_map(|u| {
                // Cheap tests first: most paragraphs end with a full stop, so they
                // have no suffix phrase.
                let text = u.text.as_str();
                let prefixes = text::starts_uppercase_or_digit(text);
                let suffixes = !text.ends_with(|c: char| c.is_ascii_punctuation());
                if !(prefixes || suffixes) {
                    return None;
                }
                let (first, last) = first_and_last_three(text)?;
                Some(Edges {
                    text,
                    first,
                    last,
                    prefixes,
                    suffixes,
                })
            }),
    );
    let token = |t: &str| {
        let mut h = 0u64;
        fold_chars(t, |c| h = fold_hash_push(h, c));
        h
    };
    let three = |t: &[&str]| {
        t.iter().fold(0u64, |h, x| {
            (h ^ token(x)).wrapping_mul(FOLD_HASH_MUL).rotate_left(29)
        })
    };
    let mut starts: HashMap<u64, usize> = HashMap::default();
    let mut ends: HashMap<u64, usize> = HashMap::default();
    for p in &paras {
        if p.prefixes {
            *starts.entry(three(&p.first)).or_default() += 1;
        }
        if p.suffixes {
            *ends.entry(three(&p.last)).or_default() += 1;
        }
    }
    let most = |m: &HashMap<u64, usize>| m.values().copied().max().unwrap_or(0);
    let (most_starts, most_ends) = (most(&starts), most(&ends));
    let count = |m: &HashMap<u64, usize>, t: &[&str]| m.get(&three(t)).copied().unwrap_or(0);
    let mut counts: HashMap<String, (usize, &str)> = HashMap::default();
    for p in &paras {
        let a = if p.prefixes {
            count(&starts, &p.first)
        } else {
            0
        };
        let b = if p.suffixes { count(&ends, &p.last) } else { 0 };
        let prefixes = p.prefixes && a + most_ends >= 3;
        let suffixes = p.suffixes && most_starts + b >= 3;
        if !(prefixes || suffixes) {
            continue;
        }
        // Only now the paragraph is split: most never are.
        let (toks, ntok) = edge_tokens(p.text);
        let (toks, n, top) = (&toks, toks.len(), 12.min(ntok - 4));
        if prefixes {
            for k in 3..=top {
                if let Some(phrase) = edge_prefix(p.text, toks, k)
                    && a + count(&ends, &toks[k - 3..k]) >= 3
                {
                    counts.entry(phrase.to_lowercase()).or_insert((0, phrase)).0 += 1;
                }
            }
        }
        if suffixes {
            for k in 3..=top {
                if let Some(phrase) = edge_suffix(p.text, toks, k)
                    && count(&starts, &toks[n - k..n - k + 3]) + b >= 3
                {
                    counts.entry(phrase.to_lowercase()).or_insert((0, phrase)).0 += 1;
                }
            }
        }
    }
    most_used_phrase(counts, units)
}

/// Of phrases counted in lower case (with the spelling of their first use) on the
/// page of `units`, the one used [`EDGE_PHRASE_USES`] times or more, or three
/// times or more when it [stands alone](stands_alone): the most used, then the
/// longest, then the first in alphabetical order. Judged before the choice, so a
/// longer phrase that fails does not hide a shorter one that passes.
pub(super) fn most_used_phrase(
    counts: HashMap<String, (usize, &str)>,
    units: &[Unit],
) -> Option<(String, usize)> {
    let mut alone: Option<HashSet<String>> = None;
    let (_, (n, phrase)) = counts
        .into_iter()
        .filter(|(k, (n, _))| {
            *n >= EDGE_PHRASE_USES
                || (*n >= 3 && alone.get_or_insert_with(|| stands_alone(units)).contains(k))
        })
        .max_by_key(|(k, (n, _))| (*n, k.len(), std::cmp::Reverse(k.clone())))?;
    Some((phrase.to_string(), n))
}

/// The texts, in lower case, of the units a phrase may stand alone as: a line of
/// its own of at most 12 words (an edge phrase's longest), not a list item. Only
/// case is ignored: "/ Vegas Express Jet Introduces ...", a breadcrumb's cut
/// headline, is not the phrase "Vegas Express Jet Introduces" (folding it so cut
/// a Dragnet headline).
pub(super) fn stands_alone(units: &[Unit]) -> HashSet<String> {
    units
        .iter()
        .filter(|u| !u.bullet && text::at_most_words(&u.text, 12))
        .map(|u| u.text.trim().to_lowercase())
        .collect()
}

/// The first three and the last three tokens of a text split at single
/// spaces, when it has eight tokens or more; found by a byte loop from each
/// end (a paragraph is not split whole for them).
pub(super) fn first_and_last_three(text: &str) -> Option<([&str; 3], [&str; 3])> {
    let b = text.as_bytes();
    let mut ahead = [0usize; 7];
    let mut n = 0;
    for (i, &x) in b.iter().enumerate() {
        if x == b' ' {
            ahead[n] = i;
            n += 1;
            if n == ahead.len() {
                break;
            }
        }
    }
    if n < ahead.len() {
        return None;
    }
    let mut back = [0usize; 3];
    let mut m = 0;
    for (i, &x) in b.iter().enumerate().rev() {
        if x == b' ' {
            back[m] = i;
            m += 1;
            if m == back.len() {
                break;
            }
        }
    }
    // Cuts at ASCII spaces: character boundaries.
    Some((
        [
            &text[..ahead[0]],
            &text[ahead[0] + 1..ahead[1]],
            &text[ahead[1] + 1..ahead[2]],
        ],
        [
            &text[back[2] + 1..back[1]],
            &text[back[1] + 1..back[0]],
            &text[back[0] + 1..],
        ],
    ))
}

/// The space-separated tokens of `text` that `edge_prefix` and `edge_suffix`
/// (k ≤ 12) can look at, and the number of tokens: exact up to 26; above
/// that, `usize::MAX`, and the paragraph is represented by its first 13 and
/// last 13 tokens instead of being split whole.
pub(super) fn edge_tokens(text: &str) -> (EdgeTokens<'_>, usize) {
    // A byte loop: this runs for every paragraph, and `split(' ')` pays a
    // search call per token (the tokens are words, a few bytes long).
    let b = text.as_bytes();
    let mut t = EdgeTokens {
        toks: [""; 26],
        len: 26,
    };
    let (mut count, mut start) = (0, 0);
    for (i, &x) in b.iter().enumerate() {
        if x == b' ' {
            if count == 25 {
                // A 27th token follows: keep the first 13 and the last 13.
                for (k, p) in text.rsplit(' ').take(13).enumerate() {
                    t.toks[25 - k] = p;
                }
                return (t, usize::MAX);
            }
            // Cut at an ASCII space: always a character boundary.
            t.toks[count] = &text[start..i];
            count += 1;
            start = i + 1;
        }
    }
    t.toks[count] = &text[start..];
    t.len = count + 1;
    let n = t.len;
    (t, n)
}

/// At most 26 tokens, on the stack (this runs for every paragraph).
pub(super) struct EdgeTokens<'a> {
    toks: [&'a str; 26],
    len: usize,
}

impl<'a> std::ops::Deref for EdgeTokens<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.toks[..self.len]
    }
}

/// The last piece of `splitn(k + 1, ' ')` or `rsplitn(k + 1, ' ')`: the text
/// without its first or last k tokens.
pub(super) fn last_piece<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    pieces.last().unwrap_or_default().to_string()
}

/// The first `k` tokens of `text` as one slice of it, when they look like a
/// phrase put in front of a paragraph. `toks` are `text`'s tokens from
/// `edge_tokens`: pieces of a split at single spaces, so `k` consecutive tokens
/// are exactly `text`'s bytes over their lengths plus `k - 1` spaces.
pub(super) fn edge_prefix<'a>(text: &'a str, toks: &[&str], k: usize) -> Option<&'a str> {
    let last = toks.get(k.checked_sub(1)?)?;
    let next = toks.get(k)?;
    let len = toks[..k].iter().map(|t| t.len()).sum::<usize>() + k - 1;
    (text::starts_uppercase_or_digit(toks[0])
        && !last.ends_with(|c: char| c.is_ascii_punctuation())
        && text::starts_uppercase_or_digit(next))
    .then(|| text.get(..len))
    .flatten()
}

/// The last `k` tokens of `text` as one slice of it, when they look like a
/// phrase put after a paragraph (see `edge_prefix`).
pub(super) fn edge_suffix<'a>(text: &'a str, toks: &[&str], k: usize) -> Option<&'a str> {
    if k == 0 {
        return None;
    }
    let start = toks.len().checked_sub(k)?;
    let before = toks.get(start.checked_sub(1)?)?;
    let len = toks[start..].iter().map(|t| t.len()).sum::<usize>() + k - 1;
    (text::ends_full_stop(before)
        && text::starts_uppercase_or_digit(toks[start])
        && !toks[toks.len() - 1].ends_with(|c: char| c.is_ascii_punctuation()))
    .then(|| text.get(text.len().checked_sub(len)?..))
    .flatten()
}

/// The characters of `s.to_lowercase()`, except that a final sigma is not
/// told apart (`ς` comes out as `σ`): strings equal in lower case give equal
/// sequences, which is all `strip_edge_phrase`'s hash needs.
pub(super) fn fold_chars(s: &str, mut f: impl FnMut(char)) {
    for c in s.chars() {
        if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else {
            c.to_lowercase()
                .for_each(|l| f(if l == 'ς' { 'σ' } else { l }));
        }
    }
}

/// A polynomial hash of a character sequence, built forwards (`push`: append
/// one character) or backwards (`prepend`, with the running power of the
/// multiplier): both give the same value for the same sequence.
pub(super) const FOLD_HASH_MUL: u64 = 0x0000_0100_0000_01b3;

pub(super) fn fold_hash_push(h: u64, c: char) -> u64 {
    h.wrapping_mul(FOLD_HASH_MUL).wrapping_add(u64::from(c) + 1)
}
