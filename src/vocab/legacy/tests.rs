//! TCVN3 and VNI decoded from tables, Unicode left alone, detection.

use super::*;

#[test]
fn tcvn3_table_driven() {
    let cases = [
        ("Ninh B×nh", "Ninh Bình"),
        ("hép møt tÕt", "hộp mứt tết"),
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\u{ad}êng Kh\u{ad}¬ng", "Mường Khương"),
        ("§¹i häc", "Đại học"),
        ("Trung cÊp", "Trung cấp"),
        ("NguyÔn V¨n An", "Nguyễn Văn An"),
        ("C¸n bé", "Cán bộ"),
        ("C«ng chøc", "Công chức"),
        ("Th¹c sÜ", "Thạc sĩ"),
        ("Cao ®¼ng", "Cao đẳng"),
        ("Hä vµ tªn", "Họ và tên"),
        ("NGUYÔN", "NGUYỄN"),
        ("Bé Néi vô", "Bộ Nội vụ"),
        // One capital and a toned letter, among capitals.
        ("TM. ñY BAN NH¢N D¢N", "TM. ỦY BAN NHÂN DÂN"),
        // … but not in mixed case, an acronym among capitalised words
        // included.
        ("Ph¹m ñy", "Phạm ủy"),
        ("UBND X· N«ng Th\u{ad}îng", "UBND Xã Nông Thượng"),
        ("(UBND) X· N«ng Th\u{ad}îng", "(UBND) Xã Nông Thượng"),
        ("UBND X· N¤NG TH¦îNG", "UBND XÃ NÔNG THƯỢNG"),
    ];
    for (input, want) in cases {
        assert_eq!(
            decode(input, Encoding::Tcvn3).as_deref(),
            Some(want),
            "{input}"
        );
    }
}

#[test]
fn vni_table_driven() {
    let cases = [
        ("chaøo caùc baïn", "chào các bạn"),
        ("Ñaïi hoïc", "Đại học"),
        ("Trung caáp", "Trung cấp"),
        ("Nguyeãn Vaên An", "Nguyễn Văn An"),
        ("Thaïc só", "Thạc sĩ"),
        ("Cao ñaúng", "Cao đẳng"),
        ("Coâng chöùc", "Công chức"),
        ("Hoï vaø teân", "Họ và tên"),
        ("Tröôøng", "Trường"),
    ];
    for (input, want) in cases {
        assert_eq!(
            decode(input, Encoding::Vni).as_deref(),
            Some(want),
            "{input}"
        );
    }
}

#[test]
fn unicode_and_ascii_are_left_alone() {
    assert_eq!(decode("Nguyễn Văn An", Encoding::Tcvn3), None);
    assert_eq!(decode("Nguyen Van An", Encoding::Vni), None);
    assert_eq!(decode("Đại học", Encoding::Unicode), None);
}

#[test]
fn tcvn3_round_trip() {
    for s in [
        "Nguyễn Thị Hương",
        "Đại học Luật",
        "Công chức cấp xã",
        "Phường Sông Cầu",
    ] {
        let enc = encode_tcvn3(s);
        assert_ne!(enc, s);
        assert_eq!(detect([enc.as_str()]), Encoding::Tcvn3, "{enc}");
        assert_eq!(decode(&enc, Encoding::Tcvn3).as_deref(), Some(s));
    }
}

#[test]
fn detection() {
    assert_eq!(detect(["Hä vµ tªn", "§¹i häc", "Nam"]), Encoding::Tcvn3);
    assert_eq!(detect(["Hoï vaø teân", "Ñaïi hoïc"]), Encoding::Vni);
    assert_eq!(detect(["Họ và tên", "Đại học", "Hoà"]), Encoding::Unicode);
    assert_eq!(detect(["Nam", "Nu"]), Encoding::Unicode);
}
