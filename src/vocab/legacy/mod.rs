//! Legacy Vietnamese encodings: detection and conversion to Unicode.
//!
//! Rosters typed with the `.VnTime` (TCVN3, "ABC") or `VNI-Times` fonts store
//! Vietnamese letters as Latin-1 look-alikes: TCVN3 "Ninh B×nh" is
//! "Ninh Bình", VNI "chaøo caùc baïn" is "chào các bạn". A workbook saved from
//! such a file keeps those characters, so a sheet is classified once from all
//! its text ([`detect`]) and every cell of a legacy sheet is converted
//! ([`decode`]). A cell already holding Vietnamese-specific Unicode letters is
//! left alone, so mixed sheets survive.

/// The encoding a sheet's text was typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Encoding {
    /// Unicode (already right).
    Unicode,
    /// TCVN3 / ABC (`.VnTime`).
    Tcvn3,
    /// VNI-Windows (`VNI-Times`).
    Vni,
}

mod tables;
#[cfg(test)]
mod tests;

use tables::{TCVN3, TCVN3_MARKERS, VNI, VNI_SINGLE, VNI_STRONG_MARKS};

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'o' | 'u' | 'y' | 'A' | 'E' | 'O' | 'U' | 'Y' | 'ô' | 'ö' | 'Ô' | 'Ö'
    )
}

/// True when `s` holds letters that only Unicode Vietnamese uses (ă, đ, ơ,
/// ư, ĩ, ũ and the toned letters of the Latin Extended Additional block), or
/// combining marks. Such text is already Unicode.
#[must_use]
pub fn has_unicode_vietnamese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0x0102..=0x01B0 | 0x1EA0..=0x1EF9 | 0x0300..=0x0323))
}

/// Evidence for each legacy encoding in one text.
fn score(s: &str) -> (bool, bool) {
    let tcvn = s.chars().any(|c| TCVN3_MARKERS.contains(c));
    let mut vni = false;
    let mut prev = ' ';
    for c in s.chars() {
        if (is_vowel(prev) && VNI_STRONG_MARKS.contains(c)) || matches!(c, 'ñ' | 'Ñ') {
            vni = true;
            break;
        }
        prev = c;
    }
    (tcvn, vni)
}

/// Classifies a sheet from all of its texts. A legacy encoding wins only when
/// more texts carry its markers than carry Vietnamese-specific Unicode letters.
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Encoding {
    tally(texts).encoding()
}

/// Texts that read as Unicode Vietnamese, as TCVN3 and as VNI: counted per
/// part of a sheet (in parallel), added, then decided by [`Tally::encoding`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    unicode: usize,
    tcvn: usize,
    vni: usize,
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, o: Tally) -> Tally {
        Tally {
            unicode: self.unicode + o.unicode,
            tcvn: self.tcvn + o.tcvn,
            vni: self.vni + o.vni,
        }
    }
}

impl Tally {
    /// The encoding the counts point to (Unicode unless a legacy one wins).
    #[must_use]
    pub fn encoding(self) -> Encoding {
        let Tally { unicode, tcvn, vni } = self;
        if tcvn > unicode && tcvn >= vni && tcvn > 0 {
            Encoding::Tcvn3
        } else if vni > unicode && vni > 0 {
            Encoding::Vni
        } else {
            Encoding::Unicode
        }
    }
}

/// Counts the texts' readings (see [`Tally`]).
pub fn tally<'a>(texts: impl IntoIterator<Item = &'a str>) -> Tally {
    let mut t = Tally::default();
    for s in texts {
        if s.is_ascii() {
            continue;
        }
        if has_unicode_vietnamese(s) {
            t.unicode += 1;
            continue;
        }
        let (tc, v) = score(s);
        t.tcvn += usize::from(tc);
        t.vni += usize::from(v);
    }
    t
}

/// Converts one text from `enc` to Unicode. Text that already holds
/// Vietnamese-specific Unicode letters, and ASCII text, is returned unchanged.
#[must_use]
pub fn decode(s: &str, enc: Encoding) -> Option<String> {
    if enc == Encoding::Unicode || s.is_ascii() || has_unicode_vietnamese(s) {
        return None;
    }
    let out = match enc {
        Encoding::Unicode => return None,
        Encoding::Tcvn3 => restore_caps(
            &s.chars()
                .map(|c| TCVN3.iter().find(|(k, _)| *k == c).map_or(c, |&(_, v)| v))
                .collect::<String>(),
        ),
        Encoding::Vni => decode_vni(s),
    };
    (out != s).then_some(out)
}

/// Encodes Unicode text as TCVN3 would store it (for tests and samples).
/// Toned capitals have no TCVN3 code and are written with the lowercase one,
/// as the `.VnTime` fonts do.
#[must_use]
pub fn encode_tcvn3(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc()
        .map(|c| {
            let find = |c: char| TCVN3.iter().find(|(_, v)| *v == c).map(|(k, _)| *k);
            find(c)
                .or_else(|| c.to_lowercase().next().and_then(find))
                .unwrap_or(c)
        })
        .collect()
}

fn decode_vni(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 1 < chars.len() {
            let pair: String = chars[i..i + 2].iter().collect();
            if let Some(&(_, v)) = VNI.iter().find(|(k, _)| *k == pair) {
                out.push(v);
                i += 2;
                continue;
            }
        }
        let c = chars[i];
        out.push(
            VNI_SINGLE
                .iter()
                .find(|(k, _)| *k == c)
                .map_or(c, |&(_, v)| v),
        );
        i += 1;
    }
    out
}

/// TCVN3 loses the case of toned capitals: "NGUYÔN" decodes to "NGUYễN".
/// A word whose other letters are all capitals is uppercased whole; so is a
/// word of one capital and a toned letter ("ñY" → "ỦY") in a text of
/// capitals ("TM. ỦY BAN NHÂN DÂN"): more words in capitals than
/// capitalised, acronyms not counted ("UBND Xã Nông Thượng" is not).
fn restore_caps(s: &str) -> String {
    let (mut capitals, mut capitalised) = (0, 0);
    for w in s.split(' ') {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        // "UBND", "(UBND)", "UBND,": its letters.
        let word: String = letters.iter().flat_map(|c| c.to_lowercase()).collect();
        let acronym = crate::vocab::unit_names::ACRONYMS.contains(&word.as_str());
        if letters.len() < 2 || acronym {
            continue;
        }
        if letters.iter().all(|c| c.is_uppercase()) {
            capitals += 1;
        } else if letters[0].is_uppercase()
            && letters[1..].iter().all(|c| c.is_lowercase())
            && letters[1..].iter().any(char::is_ascii)
        {
            // "Nông"; not "Xã", whose case is what is in question.
            capitalised += 1;
        }
    }
    let in_capitals = capitals > capitalised;
    s.split(' ')
        .map(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let upper = letters.iter().filter(|c| c.is_uppercase()).count();
            let enough = upper >= 2 || (upper == 1 && in_capitals);
            if enough && upper + 1 >= letters.len() {
                let lower_is_toned = letters
                    .iter()
                    .filter(|c| c.is_lowercase())
                    .all(|&c| !c.is_ascii());
                if lower_is_toned {
                    return w.to_uppercase();
                }
            }
            w.to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
