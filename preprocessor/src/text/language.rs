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
    /// Reliably another language: its English name (whatlang's `Lang::eng_name`).
    Other(&'static str),
}

impl PageLanguage {
    pub(crate) fn is_english(self) -> bool {
        self == PageLanguage::English
    }
}

/// Bytes of the longest units sampled for detection.
const SAMPLE_BYTES: usize = 4_000;
/// Below this share of English stop words, a reliable non-English detection stands.
const ENGLISH_STOP_DENSITY: f64 = 0.15;

/// The language of a page from the texts of its units.
pub(crate) fn page_language<'a>(texts: impl Iterator<Item = &'a str>) -> PageLanguage {
    // Addresses and markup written out as text are no language: a tracking
    // pixel's URL would be the page's longest "sentence".
    let prose = |t: &str| -> String {
        t.split_whitespace()
            .filter(|c| !c.contains("://") && !c.contains('<') && !c.contains('='))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut longest: Vec<String> = texts.map(prose).filter(|t| t.len() >= 40).collect();
    longest.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut sample = String::new();
    for t in longest {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(&t);
        sample.push('\n');
    }
    if sample.len() < 100 {
        return PageLanguage::English;
    }
    // English stop words at this density settle it whatever the detector says: they
    // are counted first, and the detector (a third of the cleaner's time when it ran
    // on every page) runs only on pages that may be in another language.
    let (n, stop) = text::word_and_stop_counts(&sample);
    if n > 0 && stop as f64 / n as f64 >= ENGLISH_STOP_DENSITY {
        return PageLanguage::English;
    }
    let Some(info) = whatlang::detect(&sample) else {
        return PageLanguage::English;
    };
    if info.lang() == whatlang::Lang::Eng || !info.is_reliable() {
        return PageLanguage::English;
    }
    PageLanguage::Other(info.lang().eng_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_other_languages() {
        let en = "Osteosarcoma is the most common primary bone cancer in children and young adults, and it is usually treated with chemotherapy and surgery.";
        assert_eq!(page_language([en, en].into_iter()), PageLanguage::English);
        let fr = "Le gouvernement a présenté mercredi un projet de loi qui prévoit de réformer le système des retraites, une mesure contestée par les syndicats depuis plusieurs mois.";
        assert_eq!(
            page_language([fr, fr].into_iter()),
            PageLanguage::Other("French")
        );
        let la = "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.";
        assert!(!page_language([la].into_iter()).is_english());
        // A tracking pixel's address is not the page's language.
        let ja = "トレンドマイクロは3月9日、Wi-Fi利用時の通信を暗号化し保護するスマホ・タブレット向けのセキュリティアプリの発売を開始すると発表した。";
        let pixel = format!(
            "<img width=1 height=1 alt=\"\" src=\"http://b5.example.jp/b?P={}&T=16lu7dcl9\">",
            "oI9TLjE4Mi66RLpAorxEdAVuMTE4LgAAAAA2TzUA".repeat(20)
        );
        assert_eq!(
            page_language([pixel.as_str(), ja, ja].into_iter()),
            PageLanguage::Other("Japanese")
        );
        // Too little text to tell: English evidence applies.
        assert_eq!(
            page_language(["Menu", "Home"].into_iter()),
            PageLanguage::English
        );
    }
}
