//! Text primitives shared by every stage: Unicode NFC with whitespace cleanup,
//! and the diacritic-folded match key used to compare headers and values.
//!
//! The folded key lowercases, strips Vietnamese tone and vowel marks
//! (`đ` → `d`), turns every run of non-alphanumeric characters into one
//! space and trims. Old and new tone placement ("hòa" / "hoà") and NFD input
//! fold to the same key.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// True when `s` is already clean: NFC, no leading, trailing, doubled or
/// unusual whitespace.
fn is_clean(s: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    if s.is_ascii() {
        return is_clean_ascii(s.as_bytes());
    }
    if let Some(clean) = is_clean_latin(s) {
        return clean;
    }
    let mut prev_space = true;
    for c in s.chars() {
        let space = c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}';
        if space && (prev_space || c != ' ') {
            return false;
        }
        prev_space = space;
    }
    !prev_space && (s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes)
}

/// Latin letters with Vietnamese marks, precomposed: Latin-1's and Latin
/// Extended-A and B's letters (U+00C0–U+024F) and Latin Extended
/// Additional (U+1E00–U+1EFF). None is whitespace, each is NFC as it
/// stands and starts no combining sequence (combining class 0): a text of
/// ASCII and these is clean when its spaces are (the test checks every one
/// against the Unicode tables).
fn is_precomposed_latin(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '\u{D7}' && c != '\u{F7}'
}

/// [`is_clean`] in one pass for a text of ASCII and precomposed Latin
/// letters (a roster's names, units, titles): `None` for any other text.
/// Decoding each character twice (whitespace, then the NFC quick check) was
/// 0.2 s of a core on a national roster's 800,000 distinct names.
fn is_clean_latin(s: &str) -> Option<bool> {
    let mut prev_space = true;
    for c in s.chars() {
        let space = if c.is_ascii() {
            let b = c as u8;
            if b != b' ' && (b'\t'..=b'\r').contains(&b) {
                return Some(false);
            }
            b == b' '
        } else if is_precomposed_latin(c) {
            false
        } else {
            return None;
        };
        if space && prev_space {
            return Some(false);
        }
        prev_space = space;
    }
    Some(!prev_space)
}

/// [`is_clean`] byte by byte for ASCII, whose whitespace is the space and
/// tab to carriage return: a national roster's 7.4 M ids are checked without
/// decoding characters (callgrind, 300,000 rows: 217 M instructions in
/// `clean_if_needed`, 172 M).
fn is_clean_ascii(b: &[u8]) -> bool {
    let mut prev_space = true;
    for &c in b {
        let space = c == b' ' || (b'\t'..=b'\r').contains(&c);
        if space && (prev_space || c != b' ') {
            return false;
        }
        prev_space = space;
    }
    !prev_space
}

/// Like [`clean`], but `None` when the text is already clean (no allocation).
#[must_use]
pub fn clean_if_needed(s: &str) -> Option<String> {
    (!is_clean(s)).then(|| clean(s))
}

/// NFC, with every run of whitespace (including NBSP, tabs and line breaks)
/// collapsed to one space and the ends trimmed.
#[must_use]
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfc() {
        if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The folded match key: lowercase ASCII letters and digits separated by single
/// spaces. `"Trình độ  Chuyên-môn"` → `"trinh do chuyen mon"`.
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut emit = |piece: Option<char>| match piece {
        Some(l) => {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(l);
        }
        None => pending_space = !out.is_empty(),
    };
    let table = &*FOLDED;
    for c in s.chars() {
        match table.get(c as usize).copied().unwrap_or(Folded::Other) {
            Folded::Mark => {}
            Folded::Letter(l) => emit(Some(l)),
            Folded::Separator => emit(None),
            Folded::Other => fold_char(c, &mut emit),
        }
    }
    out
}

/// What one character folds to, the fold computed once for every character
/// below U+2000 (Latin with Vietnamese, Greek, Cyrillic …): NFD per
/// character was 5–8% of a run's instructions, most of it in unit names.
/// Folding character by character is folding the string: NFD only reorders
/// combining marks, which the fold drops.
#[derive(Debug, Clone, Copy)]
enum Folded {
    /// Nothing (a combining mark).
    Mark,
    /// One letter or digit.
    Letter(char),
    /// A separator (anything else).
    Separator,
    /// Several pieces: folded on the spot.
    Other,
}

static FOLDED: std::sync::LazyLock<Vec<Folded>> = std::sync::LazyLock::new(|| {
    (0..0x2000u32)
        .map(|u| {
            let Some(c) = char::from_u32(u) else {
                return Folded::Other;
            };
            let mut pieces = Vec::new();
            fold_char(c, &mut |p| pieces.push(p));
            match pieces[..] {
                [] => Folded::Mark,
                [Some(l)] => Folded::Letter(l),
                [None] => Folded::Separator,
                _ => Folded::Other,
            }
        })
        .collect()
});

/// The pieces `c` folds to, in order: a letter or digit, lowercased and
/// without marks (`đ` → `d`), or `None` for a separator.
fn fold_char(c: char, emit: &mut impl FnMut(Option<char>)) {
    for c in std::iter::once(c).nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
            _ => c,
        };
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                emit(Some(l));
            }
        } else {
            emit(None);
        }
    }
}

/// The folded key without spaces, for comparing abbreviations typed with or
/// without dots and spaces ("Th.S" / "ThS" / "th s").
#[must_use]
pub fn fold_compact(s: &str) -> String {
    fold(s).replace(' ', "")
}

/// A name as initials, for redacted copies: the first letter of every word,
/// capitalised, each followed by a dot ("Nguyễn Văn An" → "N.V.A.").
#[must_use]
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(|c| c.to_uppercase().chain(['.']))
        .collect()
}

/// An identifier masked but for its last three characters, for redacted
/// copies ("001075000123" → "*********123"); three or fewer are all masked.
#[must_use]
pub fn mask_id(id: &str) -> String {
    let id = id.trim();
    let n = id.chars().count();
    let keep = if n > 3 { 3 } else { 0 };
    id.chars()
        .enumerate()
        .map(|(i, c)| if i < n - keep { '*' } else { c })
        .collect()
}

/// Name case for display: every word capitalised, the rest lowercased
/// ("NGUYỄN văn  an" → "Nguyễn Văn An").
#[must_use]
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            for c in chars {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// A column's letters as Excel shows them (0 → "A", 26 → "AA").
#[must_use]
pub fn column_letter(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + u8::try_from(rem).unwrap_or(0));
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A heading's text without its section label: "I. CÁN BỘ", "II - CÔNG
/// CHỨC", "A) Cán bộ", "1. Khối Đảng", "PHẦN III: Người HĐKCT", "I.CÁN BỘ"
/// all lose their leading label. Roman numerals count in capitals or with a
/// mark after them ("VI", "vi."), single letters only with one ("A.", "b)"),
/// so a name like "Xí nghiệp" or "A Lưới" keeps its first word.
#[must_use]
pub fn without_section_label(text: &str) -> &str {
    let mut rest = text.trim_start();
    loop {
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '.' | ')' | ':' | '-' | '–'))
            .unwrap_or(rest.len());
        let (core, after) = rest.split_at(end);
        let marked = after.starts_with(['.', ')', ':', '-', '–']);
        let n = core.chars().count();
        let label = !core.is_empty()
            && ((core.chars().all(|c| "IVXL".contains(c)) && n <= 5)
                || (core.chars().all(|c| c.is_ascii_digit()) && n <= 3)
                || (marked && n <= 4 && core.chars().all(|c| "ivxl".contains(c)))
                || (marked && n == 1 && core.chars().all(|c| c.is_ascii_alphabetic()))
                || matches!(fold(core).as_str(), "phan" | "muc"));
        let dash = core.is_empty() && marked;
        if !(label || dash) {
            return rest;
        }
        rest = after
            .trim_start_matches(['.', ')', ':', '-', '–'])
            .trim_start();
    }
}

#[cfg(test)]
mod tests;
