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

/// The precomposed Latin letters the one-pass check takes as clean are
/// so by the Unicode tables: not whitespace, NFC, combining class 0.
#[test]
fn precomposed_latin_letters_are_clean_by_the_tables() {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let mut taken = 0;
    for c in ('\u{80}'..='\u{2FFF}').filter(|&c| is_precomposed_latin(c)) {
        assert!(!c.is_whitespace(), "{c:?}");
        assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
        assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        assert!(c.is_alphabetic(), "{c:?}");
        taken += 1;
    }
    assert_eq!(taken, (0x24F - 0xC0 + 1 - 2) + 0x100);
    // Spaces as `clean` leaves them, whatever the letters around them.
    for s in ["Nguyễn Văn An", "Đặng Thị Ánh", "Ỷ Lan", "ư"] {
        assert_eq!(clean_if_needed(s), None, "{s}");
        for bad in [
            format!(" {s}"),
            format!("{s} "),
            format!("{s}  x"),
            format!("{s}\tx"),
        ] {
            assert_eq!(clean_if_needed(&bad), Some(clean(&bad)), "{bad:?}");
        }
    }
    // Anything else goes the long way: NBSP, a combining mark, Greek.
    for s in ["Nguyễn\u{a0}An", "Nguye\u{302}\u{303}n", "Ωmega x"] {
        assert_eq!(is_clean_latin(s), None, "{s:?}");
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
