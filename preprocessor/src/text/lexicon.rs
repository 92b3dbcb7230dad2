//! Word lists shipped with the crate (see `data/words/` for sources and licences):
//!
//! - `en.tsv`: English words with their SCOWL size (35 common, 50 standard, 70 large);
//! - `mesh.txt`: words of MeSH topical descriptors (NLM);
//! - `oncology.txt`: bone-cancer and oncology words written for this project;
//! - `frequency.tsv`: word frequencies on the Zipf scale (SymSpell's dictionary:
//!   SCOWL words with Google Books Ngram counts);
//! - `bigrams.tsv`: the commonest word pairs with their frequency (same source);
//! - `webfreq.tsv`: word frequencies in web, news, subtitle and book text
//!   (wordfreq's large English list, CC BY-SA 4.0);
//! - `misspellings.tsv`: common misspellings with their one correction (codespell's
//!   dictionary, from Wikipedia's lists of common misspellings; CC BY-SA 3.0).
//!
//! `make_lists.py` in that folder regenerates the last four from their sources.
//!
//! Loaded once, on first use.

use foldhash::HashMap;
use std::sync::LazyLock;

/// What the shipped lists say about one lower-case word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// SCOWL size (35, 50 or 70) if the word is English, else 0.
    pub(crate) tier: u8,
    /// A medical word (MeSH or the oncology list).
    pub(crate) domain: bool,
    /// Frequency in English books as ten times the Zipf value (the base-10 log of
    /// occurrences per billion words: 30 is one in a million, 70 one in a hundred;
    /// Brysbaert and van Heuven 2014), from Google Books Ngram counts; 0 if unlisted.
    pub(crate) zipf: u8,
}

/// All lists in one table, so that a word costs one lookup.
static WORDS: LazyLock<HashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, Entry> = include_str!("../../data/words/en.tsv")
        .lines()
        .filter_map(|l| {
            let (w, t) = l.split_once('\t')?;
            let tier = t.parse().ok()?;
            Some((
                w,
                Entry {
                    tier,
                    domain: false,
                    zipf: 0,
                },
            ))
        })
        .collect();
    for (w, z) in include_str!("../../data/words/frequency.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
    {
        m.entry(w).or_default().zipf = z.parse().unwrap_or(0);
    }
    for w in include_str!("../../data/words/mesh.txt")
        .lines()
        .chain(include_str!("../../data/words/oncology.txt").lines())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        m.entry(w).or_default().domain = true;
    }
    m
});

/// Words of the frequency list at [`TWO_EDIT_ZIPF`] or more (lower case a-z, three
/// letters or more) as (length, letter mask, word), sorted: the candidates of
/// [`frequent_near`] (the speller's corrections two edits away).
static FREQUENT_SORTED: LazyLock<Vec<(usize, u32, &'static str)>> = LazyLock::new(|| {
    let mut v: Vec<(usize, u32, &'static str)> = WORDS
        .iter()
        .filter(|(w, e)| {
            e.zipf >= TWO_EDIT_ZIPF && w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase())
        })
        .map(|(w, _)| (w.len(), letter_mask(w), *w))
        .collect();
    v.sort_unstable();
    v
});

/// The least frequency (ten times Zipf) of a word [`frequent_near`] lists: 3.0, one in a
/// million words (a rival a correction two edits away must outnumber ten times).
pub(crate) const TWO_EDIT_ZIPF: u8 = 30;

/// The letters a-z of `w` as bits.
pub(crate) fn letter_mask(w: &str) -> u32 {
    w.bytes()
        .filter(u8::is_ascii_lowercase)
        .fold(0, |m, b| m | 1 << (b - b'a'))
}

/// The words of the frequency list at [`TWO_EDIT_ZIPF`] or more whose length is
/// within two of `lower`'s and whose letters differ from its in at most four
/// (two edits change at most four letters' presence), and that `keep` accepts:
/// the candidates a caller measures by edit distance. Scans the words of those
/// lengths (a binary search, then a mask test each).
pub(crate) fn frequent_near(
    lower: &str,
    mut keep: impl FnMut(&'static str) -> bool,
) -> Vec<&'static str> {
    let n = lower.len();
    let mask = letter_mask(lower);
    let words = &*FREQUENT_SORTED;
    let from = words.partition_point(|(len, _, _)| *len + 2 < n);
    words[from..]
        .iter()
        .take_while(|(len, _, _)| *len <= n + 2)
        .filter(|(_, m, w)| (m ^ mask).count_ones() <= 4 && keep(w))
        .map(|(_, _, w)| *w)
        .collect()
}

/// The commonest word pairs ("first second") with their frequency on the Zipf
/// scale ×10 (SymSpell's bigram dictionary: Google Books Ngram counts).
static BIGRAMS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    include_str!("../../data/words/bigrams.tsv")
        .lines()
        .filter_map(|l| {
            let (pair, z) = l.split_once('\t')?;
            Some((pair, z.parse().ok()?))
        })
        .collect()
});

/// wordfreq's English words (see `data/words/webfreq.tsv`): word → ten times its
/// Zipf value in web, news, subtitle and book text. Kept apart from [`WORDS`]: it
/// lists the common slips of web text too ("teh", "inthe"), so a word in it is not
/// thereby known to be right.
static WEB: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    include_str!("../../data/words/webfreq.tsv")
        .lines()
        .filter_map(|l| {
            let (w, z) = l.split_once('\t')?;
            Some((w, z.parse().ok()?))
        })
        .collect()
});

/// How often `word` (lower case) is written in English web, news, subtitle and book
/// text, ten times the Zipf value (wordfreq 3.1.1's "large" list, Speer 2022), or
/// that of its singular ("timepoints" → "timepoint") when the word is that
/// singular's regular plural in English spelling ([`takes_s`], [`takes_es`]) and the
/// list has not the other ending ("researchs" beside "researches", "newss" after a
/// sibilant are slips, not the web's plurals); 0 if neither is listed. The list's
/// floor is 10 (one in a hundred million words).
pub(crate) fn web_zipf(word: &str) -> u8 {
    let web = &*WEB;
    let listed = |w: &str| web.contains_key(w);
    web.get(word)
        .or_else(|| {
            word.strip_suffix('s')
                .filter(|b| takes_s(b) && !listed(&format!("{b}es")))
                .and_then(|b| web.get(b))
        })
        .or_else(|| {
            word.strip_suffix("es")
                .filter(|b| takes_es(b) && !listed(&format!("{b}s")))
                .and_then(|b| web.get(b))
        })
        .copied()
        .unwrap_or(0)
}

/// How often `a` is followed by `b` in English books (lower case), ten times the
/// Zipf value; 0 when SymSpell's bigram dictionary (242,342 pairs of letters a-z)
/// does not list the pair.
pub(crate) fn bigram(a: &str, b: &str) -> u8 {
    let mut key = String::with_capacity(a.len() + b.len() + 1);
    key.push_str(a);
    key.push(' ');
    key.push_str(b);
    BIGRAMS.get(key.as_str()).copied().unwrap_or(0)
}

/// The rarest frequency (ten times Zipf) of a pair that [`common_bigram`] reports:
/// the 91,211 commonest pairs of the list (the 80,000 it shipped before, and ties).
pub(crate) const COMMON_PAIR: u8 = 46;

/// [`bigram`] for the commonest pairs only (at least [`COMMON_PAIR`]), else 0: the
/// evidence that a glued token is two words. A rarer listed pair is often a closed
/// compound written open ("drug free" 4.4, "guitar work" 4.3), measured on the
/// spelling benchmark: with every pair as evidence, "drugfree" was split.
pub(crate) fn common_bigram(a: &str, b: &str) -> u8 {
    let z = bigram(a, b);
    if z >= COMMON_PAIR { z } else { 0 }
}

/// Common misspellings and their one correction, lower case (codespell's main
/// dictionary less every entry that is itself a word of the lists above).
static MISSPELLINGS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/words/misspellings.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// The correction of a listed common misspelling (`word` lower case):
/// `misspelling("recieve")` is `Some("receive")`.
pub(crate) fn misspelling(word: &str) -> Option<&'static str> {
    MISSPELLINGS.get(word).copied()
}

/// Ten times the Zipf frequency of `word` (any case), 0 if the frequency list
/// does not have it. See [`Entry::zipf`].
pub(crate) fn zipf(word: &str) -> u8 {
    lookup(word).map_or(0, |e| e.zipf)
}

/// A Bloom filter of words: a "no" is exact, a "maybe" must ask the real
/// table. Hashes are computed once with [`Filter::hash`] and tested against
/// several filters.
pub(crate) struct Filter(fastbloom::BloomFilter<foldhash::fast::FixedState>);

impl Filter {
    /// A filter of `words`, false "maybe" for about 1% of other strings.
    pub(crate) fn of<'a>(words: impl ExactSizeIterator<Item = &'a str>) -> Filter {
        let n = words.len().max(1);
        let mut f = fastbloom::BloomFilter::with_false_pos(0.01)
            .hasher(HASHER)
            .expected_items(n);
        for w in words {
            f.insert_hash(Self::hash(w));
        }
        Filter(f)
    }

    pub(crate) fn hash(word: &str) -> u64 {
        use std::hash::BuildHasher;
        HASHER.hash_one(word)
    }

    pub(crate) fn may_contain_hash(&self, h: u64) -> bool {
        self.0.contains_hash(h)
    }
}

const HASHER: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0x5eed);

/// Every word of the lists, as a filter (the speller's candidates are tested
/// against it first).
pub(crate) static FILTER: LazyLock<Filter> = LazyLock::new(|| Filter::of(WORDS.keys().copied()));

/// The lists' entry for `word` (any case).
pub(crate) fn lookup(word: &str) -> Option<Entry> {
    if is_lower(word) {
        return WORDS.get(word).copied();
    }
    WORDS.get(word.to_lowercase().as_str()).copied()
}

/// The words of the English list (SCOWL, `en.tsv`), sorted, for scans by prefix.
static ENGLISH_SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = include_str!("../../data/words/en.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(w, _)| w))
        .collect();
    v.sort_unstable();
    v
});

/// How many words of the English list (SCOWL) are the word `a` (lower case) followed
/// by another listed word of three letters or more: closed compounds ("head" +
/// "ache", "band", "gear": 113 for "head", 77 for "water", 36 for "door"), and also
/// forms whose ending is listed as a word ("join" + "ing", "der", "ers": 7 for "join").
/// None for "physician", "rectal" or "screening". A word that begins many is a
/// productive stem, and a token that starts with it is as likely a word the lists lack
/// ("headgroups", "waterbirth", "doorknocking", "joinpoint") as two glued words. 0 for
/// a piece under three letters (no caller asks). Scans the words that start with `a`
/// (a binary search, then one lookup per word: a few hundred for "head").
pub(crate) fn compounds_begun_by(a: &str) -> usize {
    if a.len() < 3 {
        return 0;
    }
    let words = &*ENGLISH_SORTED;
    let from = words.partition_point(|w| *w < a);
    words[from..]
        .iter()
        .take_while(|w| w.starts_with(a))
        .filter(|w| {
            let rest = &w[a.len()..];
            rest.len() >= 3 && is_english(rest)
        })
        .count()
}

/// The SCOWL size of an English word (35, 50 or 70), if it is one.
pub(crate) fn english_tier(word: &str) -> Option<u8> {
    lookup(word).map(|e| e.tier).filter(|&t| t > 0)
}

fn is_lower(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Is `word` (any case) an English word of the shipped list?
pub(crate) fn is_english(word: &str) -> bool {
    english_tier(word).is_some()
}

/// Is `word` a medical word (MeSH or the oncology list)?
pub(crate) fn is_domain(word: &str) -> bool {
    lookup(word).is_some_and(|e| e.domain)
}

/// `base` + "s" can be a plural or a verb's third person in English spelling: not
/// after a sibilant written "s", "x", "z" or "sh" (that takes "es": "newss",
/// "boxs" are slips), after "ch" only when the lists lack the "-ches" form (a "ch"
/// said "k": "stomachs"; "researchs" is a slip of "researches"), and never of a
/// function word ("theys", "fews").
pub(crate) fn takes_s(base: &str) -> bool {
    !(base.ends_with(['s', 'x', 'z'])
        || base.ends_with("sh")
        || (base.ends_with("ch") && WORDS.contains_key(format!("{base}es").as_str()))
        || crate::text::is_stop_word(base))
}

/// `base` + "es" can be a plural or a third person: after "s", "x", "z", "ch", "sh"
/// or "o" ("buses", "boxes", "churches", "heroes"); "secondes" is a slip.
/// Not after a plural: "labses" is a slip ([`is_plural_of_known`]).
fn takes_es(base: &str) -> bool {
    (base.ends_with('s') && !is_plural_of_known(base))
        || base.ends_with(['x', 'z', 'o'])
        || base.ends_with("ch")
        || base.ends_with("sh")
}

/// A word of the lists, a regular plural or third person of one ([`takes_s`],
/// [`takes_es`]), or the singular in "-in" of a medical plural
/// ([`is_medical_singular_in_in`]: "adhesin" of MeSH's "adhesins").
pub(crate) fn is_known(word: &str) -> bool {
    let known = |w: &str| WORDS.contains_key(w);
    let plural = |w: &str| {
        known(w)
            || w.strip_suffix('s').is_some_and(|b| known(b) && takes_s(b))
            || w.strip_suffix("es")
                .is_some_and(|b| known(b) && takes_es(b))
            || is_medical_singular_in_in(w)
    };
    // Callers mostly pass lower-case words: no copy then.
    if is_lower(word) {
        plural(word)
    } else {
        plural(&word.to_lowercase())
    }
}

/// `w` (lower case) is a name in "-in" whose plural the medical list has: MeSH
/// names classes of proteins, peptides, toxins, antibiotics and other compounds in
/// the plural ("Adhesins, Bacterial", "Formins", "Tensins", "Kinesins",
/// "Gentamicins"), and the lists lack the singular, so "adhesin", "formin",
/// "tensin" were read as slips of "adhesion", "form in", "tension" (a page about
/// one uses the other). 200 words (MeSH as shipped in `mesh.txt`), from
/// "acetogenin" to "zeaxanthin"; not when `w` + "e" is a listed word (the plural
/// is then that word's). Plurals of other shapes are left out: MeSH also has
/// "acidosis", "aureus", "allergies", whose "singulars" would be slips. The cost: a
/// slip that lands on one of the 200 stays ("alarmin" for "alarming").
///
/// On the spelling benchmark over twenty-four seeds (`--seeds 6` at 20261130,
/// 20261140, 20261180 and 20261190): seven false edits of clean medical text fewer
/// ("adhesin", "tensin" respelled, "formin" split), no right edit lost.
fn is_medical_singular_in_in(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("in")
        && WORDS
            .get(format!("{w}s").as_str())
            .is_some_and(|e| e.domain)
        && !WORDS.contains_key(format!("{w}e").as_str())
}

/// A word's American spelling by the regular British/American rules: "ae" and
/// "oe" → "e", "-ise"/"-isa-"/"-isi-" → "-ize-", "-our" → "-or", "-tre" → "-ter",
/// "-ence" → "-ense" ("haematocrit" → "hematocrit", "tumour" → "tumor"). Only a
/// rewrite the lists confirm makes two words variants: see [`variants`].
pub(crate) fn american(w: &str) -> String {
    w.replace("ae", "e")
        .replace("oe", "e")
        .replace("isa", "iza")
        .replace("ise", "ize")
        .replace("isi", "izi")
        .replace("our", "or")
        .replace("tre", "ter")
        .replace("ence", "ense")
}

/// English words grouped by [`american`]: only groups of two or more words the
/// English list has (SCOWL's British, Canadian, Australian and American
/// spellings). A rewritten form needs six letters or more: "four" and "for",
/// "shoe" and "she" are not variants.
static VARIANTS: LazyLock<HashMap<String, Vec<&'static str>>> = LazyLock::new(|| {
    let mut groups: HashMap<String, Vec<&'static str>> = HashMap::default();
    for (&w, e) in WORDS.iter() {
        if e.tier == 0 {
            continue;
        }
        let a = american(w);
        // A rewritten (British) form needs six letters; the American form is
        // its own key.
        if a == w || w.len() >= 6 {
            groups.entry(a).or_default().push(w);
        }
    }
    groups.retain(|_, forms| {
        forms.sort_unstable();
        forms.dedup();
        forms.len() >= 2
    });
    groups
});

/// The other spellings of `word` (lower case) in the English list: "tumour" gives
/// ["tumor"], "paediatric" ["pediatric"]; empty for most words.
pub(crate) fn variants(word: &str) -> Vec<&'static str> {
    VARIANTS
        .get(&american(word))
        .map(|forms| forms.iter().copied().filter(|f| *f != word).collect())
        .unwrap_or_default()
}

/// Suffixes of regular inflection and derivation: a known word plus one of these is
/// a word ("genotype" + "d", "hypoxia" → "hypoxic" is not one: only additions count).
const SUFFIXES: [&str; 30] = [
    "s", "es", "d", "ed", "ing", "er", "ers", "est", "ly", "ist", "ists", "ism", "isms", "ise",
    "ised", "ises", "ising", "ize", "ized", "izes", "izing", "ic", "al", "ity", "ness", "ment",
    "ments", "able", "ally", "ation",
];

/// Prefixes that make new words of known ones ("over" + "billing",
/// "down" + "regulates", "photo" + "anode"): the usual English and scientific ones.
pub(crate) const PREFIXES: [&str; 41] = [
    "anti", "auto", "bio", "co", "counter", "cyber", "de", "dis", "down", "extra", "hyper", "hypo",
    "inter", "intra", "iso", "macro", "micro", "mid", "mis", "multi", "nano", "neo", "neuro",
    "non", "off", "out", "over", "photo", "post", "pre", "pro", "pseudo", "re", "self", "semi",
    "sub", "super", "trans", "un", "under", "up",
];

/// Combining forms of medical and scientific terms ("phyto" + "chemistry", "immuno" +
/// "staining"): they make a regular form only of a long word (see
/// [`is_regular_form`]), as a short rest makes slips look regular ("histo" + "rain",
/// "electro" + "city", "angio" + "platy", "radio" + "ology").
const COMBINING_FORMS: [&str; 17] = [
    "angio", "cardio", "chemo", "chondro", "cyto", "gastro", "haemato", "hemato", "immuno", "myo",
    "onco", "osteo", "patho", "phyto", "psycho", "radio", "thermo",
];

/// `prefix` (lower case) is a prefix of [`PREFIXES`] or a combining form of
/// [`COMBINING_FORMS`] that ends in a combining vowel "o" ("pseudo", "osteo",
/// "neuro"): the vowel that medical terminology drops before a part beginning with
/// a vowel, and writers often keep ("pseudarthrosis" and "pseudoarthrosis").
pub(crate) fn ends_in_combining_vowel(prefix: &str) -> bool {
    prefix.ends_with('o') && (PREFIXES.contains(&prefix) || COMBINING_FORMS.contains(&prefix))
}

/// Letters of the word after a [`COMBINING_FORMS`] prefix.
const AFTER_COMBINING_FORM: usize = 8;

/// `word` (lower case) is a plural in "-s" of another known word ("labs" of
/// "lab"), not a noun that ends in "s" ("bus", "atlas"): a plural is no more
/// frequent than its singular, so "lens", commoner than "len", is a singular and
/// "lensed" a regular form.
fn is_plural_of_known(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.len() >= 3
            && !stem.ends_with(['s', 'u', 'i'])
            && WORDS.contains_key(stem)
            && zipf(word) <= zipf(stem)
    })
}

/// `word` (lower case) is a regular form of a known word: a known word that is
/// neither a function word nor a plural ([`is_plural_of_known`]) plus a
/// suffix of [`SUFFIXES`] (with a final "e" dropped before a suffix beginning with a
/// vowel, a final "y" after a consonant turned to "i" before a suffix other than "s"
/// and those beginning with "i", or a final consonant doubled; "d" only after "e"),
/// or a prefix of [`PREFIXES`] plus an English word of
/// five letters or more or a medical word of four, neither a function word, or a
/// combining form of [`COMBINING_FORMS`] plus a listed word of
/// [`AFTER_COMBINING_FORM`] letters or more, or a Latin "-ar" adjective of a medical
/// noun in "-la" whose "-al" form the lists lack ("amygdalar").
///
/// A form is not regular when the lists know another spelling of the same
/// formation: "occuring" is "occur" + "ing", but the lists have "occurring", so
/// "occuring" is a misspelling; "writting" gives "writing".
pub(crate) fn is_regular_form(word: &str) -> bool {
    if word.len() < 5 || !is_lower(word) {
        return false;
    }
    let known = |w: &str| WORDS.contains_key(w);
    for suffix in SUFFIXES {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 3 {
            continue;
        }
        // The bases this stem may come from, and the regular spellings of base + suffix.
        let last = stem.as_bytes()[stem.len() - 1];
        let mut bases: Vec<String> = vec![stem.to_string()];
        // A final "e" is dropped only before a vowel ("tribe" + "al" is "tribal";
        // "billie" + "s" is "billies", so "billis" is no form of it).
        if suffix.starts_with(['a', 'e', 'i', 'o', 'u']) {
            bases.push(format!("{stem}e"));
        }
        // "stopp" + "ed" is "stop" doubled; "agee" + "ment" is not "age" doubled.
        if stem.len() >= 4 && last == stem.as_bytes()[stem.len() - 2] && !b"aeiouy".contains(&last)
        {
            bases.push(stem[..stem.len() - 1].to_string());
        }
        // "y" after a consonant becomes "i" before a suffix not beginning with "i"
        // ("cry" + "ed" is "cried", "say" + "ed" is not "saied", "billy" + "s" is
        // "billies").
        if let Some(s) = stem.strip_suffix('i')
            && suffix != "s"
            && !suffix.starts_with('i')
            && s.bytes().last().is_some_and(|b| !b"aeiou".contains(&b))
        {
            bases.push(format!("{s}y"));
        }
        // The base is not a function word: "and" + "er", "they" + "s" are slips
        // of "under", "their".
        for base in bases.iter().filter(|b| {
            known(b)
                && !crate::text::is_stop_word(b)
                // "amon" + "d": a past in "d" only of a verb in "e".
                && (suffix != "d" || b.ends_with('e'))
                // No ending after a plural: "labs" + "es" is no word ("labses", a slip
                // that took "lab session" for "labses" + "sion").
                && !is_plural_of_known(b)
        }) {
            let b = base.as_bytes();
            // The same inflection with its other ending: "second" + "es" beside
            // "seconds", "walk" + "d" beside "walked".
            let twin = match suffix {
                "s" => Some("es"),
                "es" => Some("s"),
                "d" => Some("ed"),
                "ed" => Some("d"),
                _ => None,
            };
            let mut spellings = vec![format!("{base}{suffix}")];
            spellings.extend(twin.map(|t| format!("{base}{t}")));
            if let Some(x) = base.strip_suffix('e') {
                spellings.push(format!("{x}{suffix}"));
            }
            if let Some(x) = base.strip_suffix('y') {
                spellings.push(format!("{x}i{suffix}"));
            }
            if let Some(&l) = b.last()
                && !b"aeiouwxy".contains(&l)
            {
                spellings.push(format!("{base}{}{suffix}", char::from(l)));
            }
            if !spellings.iter().any(|s| s != word && known(s)) {
                return true;
            }
        }
    }
    // A Latin adjective in "-ar" (Latin "-aris", after an "l") of a medical noun in
    // "-la" ("amygdala" → "amygdalar", "uvula" → "uvular"), unless the lists have its
    // "-al" form: "medicar", "spinar" are slips of "medical", "spinal".
    if let Some(noun) = word.strip_suffix('r')
        && noun.ends_with("la")
        && WORDS.get(noun).is_some_and(|e| e.domain)
        && !known(&format!("{noun}l"))
    {
        return true;
    }
    is_prefixed_form(word)
}

/// `word` (lower case) is a regular form made by a prefix: a prefix of [`PREFIXES`]
/// plus an English word of five letters or more or a medical word of four, neither a
/// function word, or a combining form of [`COMBINING_FORMS`] plus a listed word of
/// [`AFTER_COMBINING_FORM`] letters or more ("prestent", "unpaced",
/// "immunostaining"). One of the ways [`is_regular_form`] accepts a word.
pub(crate) fn is_prefixed_form(word: &str) -> bool {
    // After a prefix, a word of five letters or more ("pro" + "move" is a slip of
    // "promote", "pro" + "tact" of "protect"), or a medical word ("pre" + "dose").
    PREFIXES.iter().any(|p| {
        word.strip_prefix(p).is_some_and(|rest| {
            rest.len() >= 4
                && WORDS
                    .get(rest)
                    .is_some_and(|e| e.domain || (rest.len() >= 5 && e.tier > 0))
                && !crate::text::is_stop_word(rest)
        })
    }) || COMBINING_FORMS.iter().any(|p| {
        word.strip_prefix(p).is_some_and(|rest| {
            rest.len() >= AFTER_COMBINING_FORM
                && WORDS.get(rest).is_some_and(|e| e.domain || e.tier > 0)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Productive stems begin many listed words made of them and another listed
    /// word; a word that begins none is not one.
    #[test]
    fn compound_formers_are_counted_from_the_list() {
        assert!(compounds_begun_by("head") >= 100, "headache, headband, …");
        assert!(compounds_begun_by("water") >= 50);
        assert_eq!(compounds_begun_by("physician"), 0);
        assert_eq!(compounds_begun_by("rectal"), 0);
        // Endings listed as words count too ("joining", "joinder").
        assert_eq!(compounds_begun_by("join"), 7);
        // A piece under three letters is no stem; "zzz" ends the ASCII words.
        assert_eq!(compounds_begun_by("s"), 0);
        assert_eq!(compounds_begun_by("zzz"), 0);
    }

    /// A plural or third person of a listed word is known only in English spelling:
    /// "-s" not after a sibilant, "-es" after one or after "o", never of a function
    /// word (a slip then: "theys" for "their", "secondes", "newss").
    #[test]
    fn plurals_follow_english_spelling() {
        for w in [
            "chondrosarcomas",
            "interleukins",
            "tomatoes",
            "biopsies",
            "osteosarcomas",
        ] {
            assert!(is_known(w), "{w}");
        }
        for w in ["theys", "fews", "newss", "secondes", "boxs", "researchs"] {
            assert!(!is_known(w), "{w}");
        }
        // No ending after a plural ("labs" + "es", "labs" + "ing"); "-es" after a
        // singular in "s" the lists do not inflect is still a plural.
        assert!(!is_known("labses") && !is_regular_form("labses") && !is_regular_form("labsing"));
        assert!(is_regular_form("lensed"));
        assert!(is_known("abraxases") && !WORDS.contains_key("abraxases"));
        // "-chs" after a "ch" the lists never write "-ches" for: "biotechs" is no
        // listed word, but the plural of one.
        assert!(is_known("biotechs") && is_known("researches"));
        // The web's frequency of a singular vouches only for its regular plural.
        assert!(web_zipf("timepoints") > 0 && web_zipf("autarchs") > 0);
        for slip in ["researchs", "approachs", "wishs", "crashs"] {
            assert_eq!(web_zipf(slip), 0, "{slip}");
        }
    }

    /// MeSH lists protein classes in the plural: their singulars in "-in" are known;
    /// the "singulars" of plurals of other shapes ("acidosis", "aureus") are not.
    #[test]
    fn singulars_of_medical_names_in_in_are_known() {
        for w in ["adhesin", "formin", "tensin", "kinesin", "Adhesin"] {
            assert!(is_known(w), "{w}");
        }
        for w in ["acidosi", "aureu", "allergie", "proteinn", "adhesi"] {
            assert!(!is_known(w), "{w}");
        }
    }

    #[test]
    fn lists_load_with_tiers() {
        assert!(is_english("Discussion"));
        assert!(is_english("tumour") && is_english("tumor"));
        assert!(!is_english("cussion") && !is_english("longterm"));
        assert_eq!(english_tier("the"), Some(35));
        assert!(is_domain("osteosarcoma") && is_domain("ifosfamide") && is_domain("mifamurtide"));
        assert!(is_known("Chondrosarcomas") && is_known("interleukins"));
        assert!(!is_known("ostesarcoma") && !is_known("waitng"));
        // A word on both lists keeps its tier and its medical mark.
        assert_eq!(
            lookup("Tumour"),
            Some(Entry {
                tier: english_tier("tumour").unwrap_or(0),
                domain: is_domain("tumour"),
                zipf: zipf("tumour"),
            })
        );
        assert_eq!(lookup("ifosfamide").map(|e| e.domain), Some(true));
        // Frequencies: "the" is about one word in twenty; "saute", unaccented, is known.
        assert!(zipf("the") >= 75 && zipf("osteosarcoma") < zipf("tumour"));
        assert!(is_known("saute"));
        assert_eq!(misspelling("recieve"), Some("receive"));
        assert_eq!(misspelling("teh"), Some("the"));
        // Regular forms of known words are words; misspelt formations are not.
        for w in [
            "genotyped",
            "overbilling",
            "downregulates",
            "photoanode",
            "upregulating",
        ] {
            assert!(is_known(w) || is_regular_form(w), "{w}");
        }
        for w in [
            "occuring", "writting", "begining", "recieve", "waitng", "overthe",
        ] {
            assert!(!is_known(w) && !is_regular_form(w), "{w}");
        }
        // Spelling rules of the suffixes: "e" drops before a vowel ("lyse" +
        // "ing"), "d" follows only "e" ("lyse" + "d"). Slips of other shapes are no regular forms: "say"
        // + "ed" is "said" ("saied"), "billy" or "billie" + "s" is "billies"
        // ("billis"), "amon" + "d" is no past ("amond", a slip of "among").
        for w in ["lysing", "lysed", "genotyped"] {
            assert!(!WORDS.contains_key(w) && is_regular_form(w), "{w}");
        }
        for w in ["saied", "billis", "amond"] {
            assert!(!is_known(w) && !is_regular_form(w), "{w}");
        }
        // Spelling variants come from the list: both forms must be English words.
        assert_eq!(variants("tumour"), vec!["tumor"]);
        assert_eq!(variants("tumor"), vec!["tumour"]);
        assert!(variants("paediatric").contains(&"pediatric"));
        assert!(variants("anaemia").contains(&"anemia"));
        assert!(variants("four").is_empty() && variants("poets").is_empty());
        assert!(bigram("of", "the") > bigram("of", "tea"));
        assert_eq!(bigram("qzx", "the"), 0);
        // A codespell entry that is a real word is not a misspelling here.
        assert_eq!(misspelling("infarction"), None);
    }

    /// The filter never says "no" to a word of the lists, and says "maybe" to
    /// few other strings (the speller's speed depends on it, not its results).
    #[test]
    fn the_filter_has_every_word_and_few_others() {
        assert!(
            WORDS
                .keys()
                .all(|w| FILTER.may_contain_hash(Filter::hash(w)))
        );
        let others: Vec<String> = WORDS
            .keys()
            .take(20_000)
            .map(|w| format!("{w}qx"))
            .filter(|w| !WORDS.contains_key(w.as_str()))
            .collect();
        let maybe = others
            .iter()
            .filter(|w| FILTER.may_contain_hash(Filter::hash(w)))
            .count();
        assert!(
            maybe * 100 < others.len() * 3,
            "{maybe} of {}",
            others.len()
        );
    }
}
