//! The language of a page, so that English-only evidence (stop-word density, word
//! repair) is used only on English pages.
//!
//! Detection is whatlang's trigram model (Lingua-style profiles of 69 languages)
//! on the page's longest units, checked against English stop-word density: a page is
//! "not English" only when whatlang is reliably sure of another language *and* the
//! sample has few English stop words (English prose has about 0.4; see
//! jusText's stop-word lists, Pomikálek 2011). A misdetected English page would lose
//! its best evidence, so the bar is high.

use crate::text;

/// What the cleaner knows about a page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageLanguage {
    /// English, or too little text to tell (English evidence is used).
    English,
    /// Reliably another language, as whatlang names it.
    Other(whatlang::Lang),
}

impl PageLanguage {
    pub(crate) fn is_english(self) -> bool {
        self == PageLanguage::English
    }

    /// The language's English name ("Spanish"); `None` for English.
    pub(crate) fn name(self) -> Option<&'static str> {
        match self {
            PageLanguage::English => None,
            PageLanguage::Other(l) => Some(l.eng_name()),
        }
    }

    /// The language's tag for an HTML `lang` attribute (BCP 47, RFC 5646): the ISO 639-1
    /// code where the language has one ("es"). Mandarin and Iranian Persian have none
    /// of their own: they take their macrolanguage's, "zh" and "fa", the tags browsers
    /// and screen readers know (W3C, "Choosing a language tag"). Any other language
    /// without one keeps its ISO 639-3 code, a registered subtag. `None` for English.
    pub(crate) fn tag(self) -> Option<&'static str> {
        match self {
            PageLanguage::English => None,
            PageLanguage::Other(whatlang::Lang::Cmn) => Some("zh"),
            PageLanguage::Other(whatlang::Lang::Pes) => Some("fa"),
            PageLanguage::Other(l) => Some(
                isolang::Language::from_639_3(l.code())
                    .and_then(|i| i.to_639_1())
                    .unwrap_or(l.code()),
            ),
        }
    }
}

/// `line` is reliably in a language other than English: a quarter or more of its
/// letters are outside ASCII (most English lines have none, a name's accent is one
/// letter of many, and whatlang reads a short English line of ASCII letters as
/// Latin or Dutch as easily) and whatlang's detection of another language is
/// reliable ("U tế bào khổng lồ của xương: chẩn đoán và điều trị", a
/// Vietnamese document site's listing title over the English text it hosts).
pub(crate) fn foreign_line(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let other = line
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii())
        .count();
    other * 4 >= letters
        && other > 0
        && whatlang::detect(line)
            .is_some_and(|i| i.is_reliable() && i.lang() != whatlang::Lang::Eng)
}

/// Fewest words of a block that [`foreign_prose`] judges: whatlang's trigrams need
/// a sentence.
const FOREIGN_PROSE_WORDS: usize = 12;

/// Function words of the languages of Western Europe that English does not write
/// (Spanish, Portuguese, Italian, French, German, Dutch): articles, prepositions and
/// conjunctions, the words prose cannot do without and a list of terms has none of.
/// Words English also uses ("a", "die", "den", "per", "con", "do", "no", "in") are
/// left out.
const FOREIGN_FUNCTION_WORDS: [&str; 58] = [
    "de", "la", "el", "los", "las", "y", "en", "que", "del", "por", "para", "una", "un", "se",
    "es", "su", "sus", "al", "lo", "da", "dos", "das", "com", "em", "um", "uma", "il", "di", "che",
    "della", "delle", "nel", "le", "les", "des", "du", "est", "et", "une", "dans", "pour", "sur",
    "qui", "der", "und", "mit", "von", "ist", "zu", "nicht", "ein", "eine", "het", "een", "van",
    "met", "voor", "niet",
];

/// Share of a block's words that must be [`FOREIGN_FUNCTION_WORDS`]: prose in those
/// languages has 0.28 to 0.41 of them (abstracts in each), an English list of terms
/// or a reference ("et al.") under 0.06.
const FOREIGN_FUNCTION_DENSITY: f64 = 0.12;

/// `text`, one block of an English page, is prose in another language: twelve words
/// or more ([`FOREIGN_PROSE_WORDS`], numbers not counted), English stop words under
/// [`ENGLISH_STOP_DENSITY`] of them, function words of another language at
/// [`FOREIGN_FUNCTION_DENSITY`] or more, and whatlang reliably sure of another
/// language. A PubMed record's Spanish abstract under its English
/// one ("Un Informe de los Resultados Reportados por los Pacientes …"), whose words
/// are mostly ASCII, so that the repair stage's test of letters outside ASCII cannot
/// see it. whatlang alone is not enough: it reads an English list of medical terms
/// ("hemoglobin, hematocrit, leukocytes, platelets, creatinine, …") as Latin, and
/// reliably so. The detector runs only on blocks the two word counts leave in doubt.
pub(crate) fn foreign_prose(text: &str) -> bool {
    let (mut n, mut stop, mut foreign) = (0usize, 0usize, 0usize);
    for w in text::words(text).filter(|w| w.chars().any(char::is_alphabetic)) {
        n += 1;
        if text::is_stop_word(w) {
            stop += 1;
        }
        let lower = w.to_lowercase();
        if FOREIGN_FUNCTION_WORDS.contains(&lower.as_str()) {
            foreign += 1;
        }
    }
    n >= FOREIGN_PROSE_WORDS
        && (stop as f64) < ENGLISH_STOP_DENSITY * n as f64
        && (foreign as f64) >= FOREIGN_FUNCTION_DENSITY * n as f64
        && whatlang::detect(text)
            .is_some_and(|i| i.is_reliable() && i.lang() != whatlang::Lang::Eng)
}

/// Bytes of the longest units sampled for detection.
const SAMPLE_BYTES: usize = 4_000;
/// Below this share of English stop words, a reliable non-English detection stands.
const ENGLISH_STOP_DENSITY: f64 = 0.15;

/// The language of a page from its units: each unit's text with its number of
/// words and of English stop words ([`text::word_and_stop_counts`], counted once by
/// the caller).
pub(crate) fn page_language<'a>(
    units: impl Iterator<Item = (&'a str, (usize, usize))>,
) -> PageLanguage {
    // Addresses and markup written out as text are no language: a tracking
    // pixel's URL would be the page's longest "sentence". A unit's prose is its
    // other whitespace-separated tokens joined by single spaces; its length is
    // counted without building it.
    let is_prose = |c: &&str| !c.contains("://") && !c.contains('<') && !c.contains('=');
    // Most units are their own prose: ASCII, single spaces, no markup.
    let plain = |t: &str| {
        let b = t.as_bytes();
        b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && b.iter().all(|&x| {
                x.is_ascii()
                    && x != b'<'
                    && x != b'='
                    && (x == b' ' || !(x.is_ascii_whitespace() || x == 0x0B))
            })
            && !t.contains("  ")
            && !t.contains("://")
    };
    let prose = |t: &str| {
        t.split_whitespace()
            .filter(is_prose)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Prose is never longer than its unit: shorter units cannot qualify.
    // (prose bytes, text, its counts when the text is its own prose)
    type Sampled<'t> = (usize, &'t str, Option<(usize, usize)>);
    let mut longest: Vec<Sampled> = units
        .filter(|(t, _)| t.len() >= 40)
        .map(|(t, counts)| {
            if plain(t) {
                (t.len(), t, Some(counts))
            } else {
                let (mut bytes, mut tokens) = (0, 0);
                for c in t.split_whitespace().filter(is_prose) {
                    bytes += c.len();
                    tokens += 1;
                }
                (bytes + tokens.max(1) - 1, t, None)
            }
        })
        .filter(|&(n, _, _)| n >= 40)
        .collect();
    longest.sort_by_key(|&(n, _, _)| std::cmp::Reverse(n));
    // The sample: the longest units' prose, one per line, until SAMPLE_BYTES.
    let (mut bytes, mut n, mut stop) = (0, 0, 0);
    let mut taken = 0;
    for &(len, t, counts) in &longest {
        if bytes >= SAMPLE_BYTES {
            break;
        }
        let (w, s) = counts.unwrap_or_else(|| text::word_and_stop_counts(&prose(t)));
        (bytes, n, stop, taken) = (bytes + len + 1, n + w, stop + s, taken + 1);
    }
    if bytes < 100 {
        return PageLanguage::English;
    }
    // English stop words at this density settle it whatever the detector says: they
    // are counted first, and the detector (a third of the cleaner's time when it ran
    // on every page) runs only on pages that may be in another language.
    if n > 0 && stop as f64 / n as f64 >= ENGLISH_STOP_DENSITY {
        return PageLanguage::English;
    }
    let mut sample = String::with_capacity(bytes);
    for &(_, t, counts) in &longest[..taken] {
        if counts.is_some() {
            sample.push_str(t);
        } else {
            sample.push_str(&prose(t));
        }
        sample.push('\n');
    }
    let Some(info) = whatlang::detect(&sample) else {
        return PageLanguage::English;
    };
    if info.lang() == whatlang::Lang::Eng || !info.is_reliable() {
        return PageLanguage::English;
    }
    PageLanguage::Other(info.lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(texts: &[&str]) -> PageLanguage {
        page_language(texts.iter().map(|t| (*t, text::word_and_stop_counts(t))))
    }

    #[test]
    fn a_line_mostly_in_another_script_is_foreign() {
        // A Vietnamese document site's listing title; letters outside ASCII abound.
        assert!(foreign_line(
            "U tế bào khổng lồ của xương: chẩn đoán và điều trị pdf"
        ));
        // A title in French over an English forum thread: one accent in fifty letters.
        assert!(!foreign_line(
            "View Full Version : la matière officielle de Le Tour de France"
        ));
        assert!(!foreign_line("Giant cell tumour of bone: a review"));
        assert!(!foreign_line("Müller"));
        // Letters outside ASCII, and English all the same.
        assert!(!foreign_line("Café Über Alles"));
    }

    #[test]
    fn a_block_of_prose_in_another_language_is_foreign() {
        // Spanish written in ASCII letters: no accent gives it away.
        assert!(foreign_prose(
            "Se eligieron expertos de tres paneles para seleccionar elementos de alta \
             prioridad, y una serie de reuniones permitio a los pacientes participar."
        ));
        assert!(!foreign_prose(
            "Experts from three panels chose the items of high priority, and a series of \
             meetings let the patients take part in the final consensus."
        ));
        // Few stop words, and English: lists of terms, which whatlang reads as
        // Latin (the first reliably so: only the function words of another
        // language tell them from prose); a reference with "et al.".
        assert!(!foreign_prose(
            "Tests ordered: hemoglobin, hematocrit, leukocytes, platelets, creatinine, \
             glucose, potasium, sodium, calcium, magnesium, phosphate"
        ));
        assert!(!foreign_prose(
            "Tibia, fibula, femur, patella, humerous, radius, ulna, scapula, clavicle, \
             sternum, pelvis, sacrum, coccyx"
        ));
        assert!(!foreign_prose(
            "Bielack SS, Kempf-Bielack B, Delling G, et al. Prognostic factors in high-grade \
             osteosarcoma of the extremities or trunk: an analysis of 1,702 patients."
        ));
        // Too short to judge.
        assert!(!foreign_prose("Estudio de consenso Delphi"));
    }

    #[test]
    fn english_and_other_languages() {
        let en = "Osteosarcoma is the most common primary bone cancer in children and young adults, and it is usually treated with chemotherapy and surgery.";
        assert_eq!(detect(&[en, en]), PageLanguage::English);
        let fr = "Le gouvernement a présenté mercredi un projet de loi qui prévoit de réformer le système des retraites, une mesure contestée par les syndicats depuis plusieurs mois.";
        assert_eq!(detect(&[fr, fr]).name(), Some("French"));
        assert_eq!(detect(&[fr, fr]).tag(), Some("fr"));
        let la = "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.";
        assert!(!detect(&[la]).is_english());
        // A tracking pixel's address is not the page's language.
        let ja = "トレンドマイクロは3月9日、Wi-Fi利用時の通信を暗号化し保護するスマホ・タブレット向けのセキュリティアプリの発売を開始すると発表した。";
        let pixel = format!(
            "<img width=1 height=1 alt=\"\" src=\"http://b5.example.jp/b?P={}&T=16lu7dcl9\">",
            "oI9TLjE4Mi66RLpAorxEdAVuMTE4LgAAAAA2TzUA".repeat(20)
        );
        assert_eq!(detect(&[pixel.as_str(), ja, ja]).tag(), Some("ja"));
        // Every language whatlang detects gets a two-letter tag: its ISO 639-1 code or
        // its macrolanguage's.
        for l in whatlang::Lang::all() {
            let tag = PageLanguage::Other(*l).tag().unwrap_or_default();
            assert_eq!(tag.len(), 2, "{l:?}: {tag}");
        }
        assert_eq!(PageLanguage::Other(whatlang::Lang::Cmn).tag(), Some("zh"));
        assert_eq!(PageLanguage::Other(whatlang::Lang::Spa).tag(), Some("es"));
        assert_eq!(PageLanguage::Other(whatlang::Lang::Nob).tag(), Some("nb"));
        assert_eq!(PageLanguage::English.tag(), None);
        // Too little text to tell: English evidence applies.
        assert_eq!(detect(&["Menu", "Home"]), PageLanguage::English);
    }
}
