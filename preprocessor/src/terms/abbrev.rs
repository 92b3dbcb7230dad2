//! Abbreviations defined in running text, found with the Schwartz–Hearst
//! algorithm (A. Schwartz, M. Hearst, "A simple algorithm for identifying
//! abbreviation definitions in biomedical text", PSB 2003).
//!
//! Three shapes are recognised:
//!
//! - `long form (SHORT)`: "intensity modulated radiotherapy (IMRT)";
//! - `SHORT (long form)`: "MR (Magnetic resonance) guided …";
//! - `SHORT stands for long form`: "MRI stands for magnetic resonance imaging"
//!   (also "is short for", "is an abbreviation for").
//!
//! Every candidate goes through the paper's check: the letters of the short
//! form appear in order in the long form, the first one at the start of a
//! word, and the long form has at most min(|S| + 5, 2|S|) words. On top of
//! the paper, a short form must look like one: two or more capitals, or all
//! its letters capitals ("(Fig. 1)", "(left panel)" are not abbreviations).

/// One abbreviation definition found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    pub(crate) short: String,
    pub(crate) long: String,
    /// Byte offset of the definition in the text.
    pub(crate) at: usize,
}

/// Every abbreviation definition in `text` (a paragraph of plain text).
pub(crate) fn find(text: &str) -> Vec<Definition> {
    let mut out = Vec::new();
    for sentence in crate::text::sentences(text) {
        paren_definitions(text, sentence, &mut out);
        stands_for_definitions(text, sentence, &mut out);
    }
    out.sort_by_key(|d| d.at);
    out
}

fn paren_definitions(text: &str, (s0, s1): (usize, usize), out: &mut Vec<Definition>) {
    let sentence = &text[s0..s1];
    let mut search = 0;
    while let Some(open) = sentence[search..].find('(').map(|i| i + search) {
        let Some(close) = matching_close(sentence, open) else {
            break;
        };
        search = open + 1;
        let inside = &sentence[open + 1..close];
        // "(IMRT; see below)" → "IMRT"
        let first = inside
            .split([';', ','])
            .next()
            .unwrap_or(inside)
            .trim()
            .to_string();
        let before = sentence[..open].trim_end();
        if is_short_form(&first) {
            let max = max_words(&first);
            let words: Vec<&str> = before.split_whitespace().collect();
            let take = words.len().min(max);
            let candidate = words[words.len() - take..].join(" ");
            if let Some(long) = best_long_form(&first, &candidate)
                && plausible(&first, &long)
            {
                let k = long.split_whitespace().count();
                let starts = word_starts(before);
                out.push(Definition {
                    short: first,
                    long: trim_long(&long),
                    at: s0
                        + starts
                            .get(starts.len().saturating_sub(k))
                            .copied()
                            .unwrap_or(0),
                });
            }
        } else if inside.split_whitespace().count() >= 2 && !inside.contains(['(', ')']) {
            // "MR (Magnetic resonance)": the word before the bracket is the short form.
            let Some(short) = before.rsplit(' ').next() else {
                continue;
            };
            let short = short.trim_matches(|c: char| !c.is_alphanumeric());
            if !is_short_form(short) {
                continue;
            }
            let long = inside.trim();
            if long.split_whitespace().count() <= max_words(short)
                && best_long_form(short, long).as_deref() == Some(long)
                && plausible(short, long)
            {
                out.push(Definition {
                    short: short.to_string(),
                    long: trim_long(long),
                    at: s0 + before.len() - short.len(),
                });
            }
        }
    }
}

/// Byte offsets where the words of `s` start.
fn word_starts(s: &str) -> Vec<usize> {
    s.char_indices()
        .filter(|&(i, c)| !c.is_whitespace() && (i == 0 || s[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i)
        .collect()
}

const STANDS_FOR: [&str; 3] = [" stands for ", " is short for ", " is an abbreviation for "];

fn stands_for_definitions(text: &str, (s0, s1): (usize, usize), out: &mut Vec<Definition>) {
    let sentence = &text[s0..s1];
    for marker in STANDS_FOR {
        let mut from = 0;
        while let Some(i) = sentence[from..].find(marker).map(|i| i + from) {
            from = i + marker.len();
            let short = sentence[..i]
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric());
            if !is_short_form(short) {
                continue;
            }
            let rest = &sentence[from..];
            let end = rest
                .find([',', ';', ':', '.', '(', ')'])
                .unwrap_or(rest.len());
            let words: Vec<&str> = rest[..end].split_whitespace().collect();
            // The shortest run of words that spells the short form from its first word.
            for n in 1..=words.len().min(max_words(short)) {
                let candidate = words[..n].join(" ");
                if best_long_form(short, &candidate).as_deref() == Some(candidate.as_str())
                    && covers_last_letter(short, &candidate)
                    && plausible(short, &candidate)
                {
                    out.push(Definition {
                        short: short.to_string(),
                        long: trim_long(&candidate),
                        at: s0 + i - short.len(),
                    });
                    break;
                }
            }
        }
    }
}

/// The long form's last word holds the short form's last letter ("magnetic
/// resonance imaging", not "magnetic resonance" for MRI).
fn covers_last_letter(short: &str, long: &str) -> bool {
    let Some(last) = short.chars().rev().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    let last_word = long.rsplit(' ').next().unwrap_or(long);
    let before_last: String = long[..long.len() - last_word.len()].to_string();
    // The letters before the last one must fit in the words before the last word.
    let short_rest: String = {
        let mut s: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).collect();
        s.pop();
        s.into_iter().collect()
    };
    last_word.to_lowercase().contains(last.to_ascii_lowercase())
        && (short_rest.is_empty() || best_long_form(&short_rest, before_last.trim()).is_some())
}

fn matching_close(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The paper's short-form shape (2–10 characters, at most two words, first
/// character a letter or digit, some letter), plus: two or more capitals, or
/// every letter a capital.
pub(crate) fn is_short_form(s: &str) -> bool {
    let chars = s.chars().count();
    if !(2..=10).contains(&chars) || s.split_whitespace().count() > 2 {
        return false;
    }
    if !s.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    let caps = letters.iter().filter(|c| c.is_uppercase()).count();
    caps >= 2 || (caps == letters.len() && letters.len() >= 2)
}

/// At most min(|S| + 5, 2|S|) words of long form.
fn max_words(short: &str) -> usize {
    let n = short.chars().filter(|c| c.is_alphanumeric()).count();
    (n + 5).min(2 * n)
}

/// The paper's `findBestLongForm`: match the short form's characters right to
/// left in the candidate; the first one must start a word.
pub(crate) fn best_long_form(short: &str, long: &str) -> Option<String> {
    let s: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    let l: Vec<char> = long.chars().flat_map(char::to_lowercase).collect();
    if l.len() != long.chars().count() || s.len() != short.chars().count() {
        // A character whose lower case is longer: positions would not line up.
        return None;
    }
    let mut si = s.len() as isize - 1;
    let mut li = l.len() as isize - 1;
    while si >= 0 {
        let c = s[si as usize];
        if !c.is_alphanumeric() {
            si -= 1;
            continue;
        }
        while li >= 0
            && (l[li as usize] != c || (si == 0 && li > 0 && l[li as usize - 1].is_alphanumeric()))
        {
            li -= 1;
        }
        if li < 0 {
            return None;
        }
        li -= 1;
        si -= 1;
    }
    let start = (li + 1) as usize;
    // Back to the start of the word the first match is in.
    let chars: Vec<char> = long.chars().collect();
    let mut w = start;
    while w > 0 && chars[w - 1] != ' ' {
        w -= 1;
    }
    Some(chars[w..].iter().collect())
}

/// The paper's final checks: the long form is longer than the short form,
/// does not contain it as a word, and is not too many words.
fn plausible(short: &str, long: &str) -> bool {
    let words = long.split_whitespace().count();
    long.chars().count() > short.chars().count()
        && words <= max_words(short)
        && !long.split_whitespace().any(|w| w == short)
        && long.chars().any(|c| c.is_lowercase())
}

fn trim_long(long: &str) -> String {
    long.trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        find(text).into_iter().map(|d| (d.short, d.long)).collect()
    }

    fn p(s: &str, l: &str) -> (String, String) {
        (s.to_string(), l.to_string())
    }

    #[test]
    fn long_form_then_short_form() {
        assert_eq!(
            pairs("Intensity modulated radiotherapy (IMRT) is a way of targeting."),
            vec![p("IMRT", "Intensity modulated radiotherapy")]
        );
        assert_eq!(
            pairs(
                "Imaging such as computed tomography (CT) scans, magnetic resonance imaging (MRI), and positron emission tomography (PET) scans."
            ),
            vec![
                p("CT", "computed tomography"),
                p("MRI", "magnetic resonance imaging"),
                p("PET", "positron emission tomography")
            ]
        );
        assert_eq!(
            pairs("High intensity focused ultrasound (HIFU) uses sound."),
            vec![p("HIFU", "High intensity focused ultrasound")]
        );
    }

    #[test]
    fn hyphenated_and_overlapping_short_forms() {
        assert_eq!(
            pairs("Chimeric antigen receptor T-cell (CAR-T) therapy, a form of transfer."),
            vec![p("CAR-T", "Chimeric antigen receptor T-cell")]
        );
        assert_eq!(
            pairs(
                "including checkpoint inhibitors and chimeric antigen receptor (CAR) T-cell therapy"
            ),
            vec![p("CAR", "chimeric antigen receptor")]
        );
    }

    #[test]
    fn short_form_then_long_form() {
        assert_eq!(
            pairs(
                "researchers think that MR (Magnetic resonance) guided focused ultrasound may work"
            ),
            vec![p("MR", "Magnetic resonance")]
        );
    }

    #[test]
    fn stands_for() {
        assert_eq!(
            pairs("MRI stands for magnetic resonance imaging. It uses magnetism."),
            vec![p("MRI", "magnetic resonance imaging")]
        );
        assert_eq!(
            pairs("PET is short for positron emission tomography, a scan."),
            vec![p("PET", "positron emission tomography")]
        );
    }

    #[test]
    fn brackets_that_are_not_abbreviations() {
        for t in [
            "Plain X-ray (left panel) and MRI scans (right panels) of the femur.",
            "as shown (Fig. 1) in the review",
            "rates of 60-70% (2023) were seen",
            "targeted therapies (e.g., IGF-1R inhibitors, TKIs) are promising",
            "the bone marrow (the soft tissue) was harvested",
        ] {
            assert_eq!(pairs(t), vec![], "{t}");
        }
        // Letters that fit.
        assert_eq!(
            pairs("a peripheral blood stem cell (PBSC) transplant"),
            vec![p("PBSC", "peripheral blood stem cell")]
        );
        assert_eq!(
            pairs("the European Union (EU)"),
            vec![p("EU", "European Union")]
        );
        // The first letter must start a word.
        assert_eq!(pairs("an unrelated acronym (XR) here"), vec![]);
    }

    #[test]
    fn long_form_stays_in_its_sentence() {
        assert_eq!(
            pairs("Scans help. Tomography (TG) is one."),
            vec![p("TG", "Tomography")]
        );
    }

    #[test]
    fn offsets_point_at_the_definition() {
        let t = "Doctors use intensity modulated radiotherapy (IMRT) now.";
        let d = &find(t)[0];
        assert!(t[d.at..].starts_with("intensity"), "{}", &t[d.at..]);
        let t = "And MR (Magnetic resonance) guided.";
        let d = &find(t)[0];
        assert!(t[d.at..].starts_with("MR ("), "{}", &t[d.at..]);
    }

    #[test]
    fn best_long_form_follows_the_paper() {
        assert_eq!(
            best_long_form(
                "HSF",
                "Gene transcription is regulated by heat shock factor"
            )
            .as_deref(),
            Some("heat shock factor")
        );
        assert_eq!(best_long_form("ABC", "nothing here"), None);
    }
}
