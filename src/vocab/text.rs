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
mod tests {
    use super::*;

    /// The fold from its definition: NFD of the whole string without
    /// marks, `đ` as `d`, its runs of letters and digits lowercased and
    /// joined by single spaces.
    fn fold_by_nfd(s: &str) -> String {
        let bare: String = s
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .map(|c| {
                if matches!(c, 'đ' | 'Đ' | 'ð' | 'Ð') {
                    'd'
                } else {
                    c
                }
            })
            .collect();
        bare.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_folding_table_folds_as_nfd_does() {
        for u in (0..0x3400).chain(0xAC00..0xAC40).chain(0x1F600..0x1F610) {
            let Some(c) = char::from_u32(u) else { continue };
            for s in [c.to_string(), format!("a{c}"), format!("{c} b\u{301}{c}e")] {
                assert_eq!(fold(&s), fold_by_nfd(&s), "U+{u:04X} in {s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_by_character_is_folding_the_string(
            picks in proptest::collection::vec(0usize..24, 0..40)
        ) {
            // Vietnamese precomposed and decomposed, marks alone, spaces and
            // punctuation, ligatures, Greek, Cyrillic, Hangul, CJK, emoji.
            const POOL: [&str; 24] = [
                "a", "Ă", "ệ", "e\u{302}\u{323}", "\u{301}", "\u{323}\u{302}", " ", "-",
                "Đ", "ư", "Ơ\u{303}", "ǅ", "ﬁ", "İ", "ΐ", "Ё", "й", "한", "ᄀ\u{1161}", "中",
                "😀", "\u{a0}", "2", "ẞ",
            ];
            let s: String = picks.iter().map(|&i| POOL[i]).collect();
            proptest::prop_assert_eq!(fold(&s), fold_by_nfd(&s));
        }
    }

    proptest::proptest! {
        /// ASCII text is clean when cleaning keeps it (the empty text never).
        #[test]
        fn ascii_text_is_clean_when_cleaning_keeps_it(s in "[ \t\n\r\x0b\x0c\x1c\x1fa1-]{1,12}") {
            proptest::prop_assert_eq!(is_clean(&s), clean(&s) == s);
        }
    }

    #[test]
    fn initials_and_masked_ids() {
        assert_eq!(initials("Nguyễn Văn An"), "N.V.A.");
        assert_eq!(initials("  đặng   thị  \t Ánh "), "Đ.T.Á.");
        assert_eq!(initials("(Trần) 2 Bình"), "T.B.");
        assert_eq!(initials(""), "");
        assert_eq!(mask_id("001075000123"), "*********123");
        assert_eq!(mask_id(" 123456789 "), "******789");
        assert_eq!(mask_id("123"), "***");
        assert_eq!(mask_id(""), "");
    }

    #[test]
    fn clean_is_nfc_and_collapses_whitespace() {
        let cases = [
            ("  Nguyễn   Văn\tAn ", "Nguyễn Văn An"),
            ("Nguye\u{302}\u{303}n", "Nguyễn"), // NFD
            ("Đại\u{a0}học", "Đại học"),        // NBSP
            ("\u{feff}Họ tên", "Họ tên"),       // BOM remnant
            ("a\r\nb", "a b"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "{input:?}");
        }
    }

    #[test]
    fn clean_if_needed_spares_clean_text() {
        for s in ["Nguyễn Văn An", "ABC", "Đại học"] {
            assert_eq!(clean_if_needed(s), None, "{s}");
        }
        for s in [" a", "a ", "a  b", "a\tb", "Nguye\u{302}\u{303}n", ""] {
            assert_eq!(clean_if_needed(s), Some(clean(s)), "{s:?}");
        }
    }

    #[test]
    fn fold_strips_marks_case_and_punctuation() {
        let cases = [
            ("Trình độ Chuyên môn", "trinh do chuyen mon"),
            ("TRÌNH ĐỘ CHUYÊN MÔN", "trinh do chuyen mon"),
            ("Tri\u{300}nh đô\u{323}", "trinh do"), // NFD
            ("Họ và tên (1)", "ho va ten 1"),
            ("Cơ quan/đơn vị", "co quan don vi"),
            ("hòa", "hoa"),
            ("hoà", "hoa"),
            ("Th.S", "th s"),
            ("  ", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input:?}");
        }
        assert_eq!(fold_compact("Th. S"), "ths");
    }

    #[test]
    fn title_case_words() {
        assert_eq!(title_case("NGUYỄN văn an"), "Nguyễn Văn An");
        assert_eq!(title_case("đỗ thị  hà"), "Đỗ Thị Hà");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16_383), "XFD");
    }

    #[test]
    fn section_labels_come_off() {
        for (text, rest) in [
            ("I. CÁN BỘ", "CÁN BỘ"),
            ("II - CÔNG CHỨC", "CÔNG CHỨC"),
            ("A) Cán bộ", "Cán bộ"),
            ("1. Khối Đảng", "Khối Đảng"),
            ("PHẦN III: Người HĐKCT", "Người HĐKCT"),
            ("I.CÁN BỘ", "CÁN BỘ"),
            ("IV", ""),
            ("Xí nghiệp", "Xí nghiệp"),
            ("A Lưới", "A Lưới"),
            ("UBND xã A", "UBND xã A"),
            ("Vi Văn An", "Vi Văn An"),
        ] {
            assert_eq!(without_section_label(text), rest, "{text}");
        }
    }
}
