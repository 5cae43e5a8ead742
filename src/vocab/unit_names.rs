//! A unit's name where a table writes it — a title ("DANH SÁCH … XÃ NÔNG
//! THƯỢNG NĂM 2013"), a sheet or file name ("DS xã Nông Thượng") — read as
//! text: where it starts and ends, its parent, its case.

use super::text::fold;

/// Folded beginnings of a unit's name, for section rows that name a unit
/// ("UBND xã Dương Quang") with nothing else in the row. Surnames that fold to
/// such words (Trương → "truong") are avoided by naming whole kinds of unit.
pub const UNIT_HEADING_PREFIXES: &[&str] = &[
    "ubnd ",
    "uy ban nhan dan ",
    "hdnd ",
    "hoi dong nhan dan ",
    "dang uy ",
    "xa ",
    "phuong ",
    "thi tran ",
    "phong ",
    "van phong ",
    "thanh tra ",
    "truong thcs",
    "truong thpt",
    "truong tieu hoc",
    "truong mam non",
    "truong mau giao",
    "tram y te",
    "trung tam ",
    "ban quan ly",
    "so ",
    "khoi ",
    "co quan ",
    "don vi ",
];

/// Folded words that begin a unit's name in a title block, a sheet or file
/// name: the section-heading ones and the levels above the commune.
pub const MORE_UNIT_WORDS: &[&str] = &[
    "huyen ",
    "thi xa ",
    "thanh pho ",
    "tinh ",
    "dac khu ",
    "benh vien ",
    "chi cuc ",
];

/// Bodies named without their place on one line, the place on the next
/// ("ỦY BAN NHÂN DÂN" / "XÃ NÔNG THƯỢNG").
pub const BARE_BODIES: &[&str] = &[
    "ubnd",
    "uy ban nhan dan",
    "hdnd",
    "hoi dong nhan dan",
    "dang uy",
    "dang bo",
];

/// Words after which a unit named in a title ends ("… XÃ Y NĂM 2013").
pub const TITLE_ENDS: &[&str] = &[
    " nam ",
    " tinh den ",
    " den ngay ",
    " tai thoi diem ",
    " co mat ",
    " kem theo ",
    " giai doan ",
    " thang ",
    " quy ",
    " dot ",
];

/// Section-heading words that group units rather than name one ("Khối
/// Đảng", "Cơ quan …", "Đơn vị …"), and "số" ("Sở" folds like "số lượng",
/// "Biểu số 2b"): not a unit's first word in a title, heading or name.
pub const NOT_A_UNIT_START: &[&str] = &["so ", "khoi ", "co quan ", "don vi "];

/// Words of a unit's kind or body, skipped to reach its own name.
pub const KIND_WORDS: &[&str] = &[
    "ubnd", "uy", "ban", "nhan", "dan", "hdnd", "hoi", "dong", "dang", "xa", "phuong", "thi",
    "tran", "huyen", "quan", "tinh", "thanh", "pho", "dac", "khu",
];

/// Words that cannot begin a unit's own name ("xã thuộc huyện", "xã và
/// phường", "các xã").
pub const CONNECTORS: &[&str] = &[
    "thuoc", "va", "cac", "tren", "trong", "cua", "tai", "nam", "den", "ngay", "voi", "o", "co",
];

/// Texts longer than this are not read for a unit (a title, heading or
/// name is short; reading more only costs time).
pub const MAX_NAME_TEXT: usize = 300;

/// True when a unit's name goes on past its kind to a name of its own:
/// "UBND xã Nông Hạ" does, "Xã", "Xã thuộc huyện …", "Xã và phường" do not.
pub fn is_named_unit(name: &str) -> bool {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    let k = words
        .iter()
        .take_while(|w| KIND_WORDS.contains(&w.as_str()))
        .count();
    words
        .get(k)
        .is_some_and(|w| !CONNECTORS.contains(&w.as_str()))
}

/// The first characters of a text, for reading names from it.
pub fn head(text: &str) -> &str {
    text.char_indices()
        .nth(MAX_NAME_TEXT)
        .map_or(text, |(i, _)| &text[..i])
}

/// True when folded text begins with a word naming a kind of unit ("xã",
/// "UBND", "phòng", "huyện", …) followed by a name.
pub fn starts_with_unit_word(folded: &str) -> bool {
    let f = format!("{folded} ");
    // "Tính đến ngày …" folds like "tỉnh".
    if f.starts_with("tinh den ") {
        return false;
    }
    UNIT_HEADING_PREFIXES
        .iter()
        .filter(|p| !NOT_A_UNIT_START.contains(p))
        .chain(MORE_UNIT_WORDS)
        .any(|p| f.starts_with(p))
}

/// True for the national motto and the date line of a title block.
pub fn is_motto_or_date(f: &str) -> bool {
    let f = f.trim_start_matches(['(', '[', ' ']);
    f.starts_with("cong hoa")
        || f.starts_with("doc lap")
        || f.contains(" ngay ") && f.contains(" thang ")
        || f.starts_with("so ") && f.contains('/')
        || [
            "tinh den", "co den", "den ngay", "bieu so", "mau so", "so:", "kem theo",
        ]
        .iter()
        .any(|p| f.starts_with(p))
}

/// A unit's name as written in a title or a name, split from what follows
/// it: "phường Đức Xuân, thị xã Bắc Kạn" and "Xã Nông Hạ - huyện Chợ Mới" are
/// the ward or commune, the rest its parent; a leading "Đơn vị:" is dropped.
pub fn split_unit(name: &str) -> (String, Option<String>) {
    let mut name = name.trim();
    let f = fold(name);
    for lead in ["don vi:", "don vi :", "don vi "] {
        if f.starts_with(lead) {
            let n = lead.trim_end().chars().count();
            name = name
                .char_indices()
                .nth(n)
                .map_or("", |(i, _)| &name[i..])
                .trim_start_matches([':', ' ']);
            break;
        }
    }
    for sep in [",", " - ", " – ", "; "] {
        if let Some((head, tail)) = name.split_once(sep)
            && starts_with_unit_word(&fold(tail.trim()))
            && starts_with_unit_word(&fold(head.trim()))
        {
            return (head.trim().to_string(), Some(tail.trim().to_string()));
        }
    }
    (name.trim().to_string(), None)
}

/// Writes a unit named in capitals as a unit is written: "UBND XÃ NÔNG
/// THƯỢNG" → "UBND xã Nông Thượng". Other text is kept as written.
pub fn unit_case(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().any(|c| c.is_lowercase()) {
        return s.trim().to_string();
    }
    // "ỦY BAN NHÂN DÂN HUYỆN X" is written "UBND huyện X".
    let f = fold(s);
    for (long, short) in [("uy ban nhan dan ", "UBND"), ("hoi dong nhan dan ", "HĐND")] {
        if f.starts_with(long) {
            let n = long.split_whitespace().count();
            let rest: Vec<&str> = s.split_whitespace().skip(n).collect();
            return unit_case(&format!("{short} {}", rest.join(" ")));
        }
    }
    let kinds = [
        "xã",
        "phường",
        "thị",
        "trấn",
        "huyện",
        "quận",
        "tỉnh",
        "đặc",
        "khu",
        "thành",
        "phố",
    ];
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            // Acronyms (UBND, HĐND, THCS): no vowel, or a known one.
            let vowels = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
            if !lower.chars().any(|c| vowels.contains(c)) || ACRONYMS.contains(&lower.as_str()) {
                return w.to_string();
            }
            if i > 0 && kinds.contains(&lower.as_str()) {
                return lower;
            }
            let mut cs = lower.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Acronyms of unit names, lowercased: written in capitals in any text.
pub const ACRONYMS: [&str; 9] = [
    "ubnd", "hđnd", "mttq", "thcs", "thpt", "lhpn", "tncs", "ccb", "bch",
];

/// The unit named inside a title ("DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ NÔNG
/// THƯỢNG NĂM 2013" → "XÃ NÔNG THƯỢNG"), if any. "cấp xã" is a class of
/// staff, not a unit.
pub fn unit_in_title(text: &str) -> Option<String> {
    let text = head(text);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ';' || c == ':')
        .filter(|w| !w.is_empty())
        .collect();
    let folded: Vec<String> = words
        .iter()
        .map(|w| fold(w.trim_matches([',', '(', ')'])))
        .collect();
    for i in 0..words.len() {
        if i > 0 && matches!(folded[i - 1].as_str(), "cap" | "cac" | "khoi" | "thuoc") {
            continue;
        }
        let rest = folded[i..].join(" ");
        if !starts_with_unit_word(&rest) {
            continue;
        }
        // Cut at the first word that ends the unit's name.
        let padded = format!(" {rest} ");
        let end_words = TITLE_ENDS
            .iter()
            .filter_map(|e| padded.find(e))
            .min()
            .map_or(words.len() - i, |at| {
                padded[..at].split_whitespace().count()
            });
        let mut name: Vec<&str> = words[i..i + end_words.min(words.len() - i)].to_vec();
        while name
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || "()-.".contains(c)))
        {
            name.pop();
        }
        let name = name
            .join(" ")
            .trim_end_matches(['(', '-', '.', ','])
            .trim()
            .to_string();
        // A kind of unit alone ("XÃ") or with no name of its own ("XÃ
        // THUỘC HUYỆN …", "XÃ, PHƯỜNG") names none.
        if is_named_unit(&split_unit(&name).0) {
            return Some(name);
        }
    }
    None
}

/// Names that say nothing about a unit ("Sheet1", "Danh sách", "DS CBCC").
pub fn is_generic_name(f: &str) -> bool {
    let words: Vec<&str> = f.split_whitespace().collect();
    let generic = [
        "sheet", "trang", "tinh", "ds", "danh", "sach", "tong", "hop", "bao", "cao", "bieu", "mau",
        "cbcc", "cb", "cc", "vc", "data", "du", "lieu", "roster", "staff", "book", "copy", "ban",
        "sao", "final", "new", "moi", "export", "file", "nhan", "su", "can", "bo", "cong", "chuc",
        "vien", "nam", "chinh", "thuc", "nhap", "tt", "list", "hdld", "hd", "kct",
    ];
    words.iter().all(|w| {
        let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
        letters.is_empty() || generic.contains(&letters)
    })
}

/// A sheet or file name as a unit: from its first unit word when it has one
/// ("DS xã Nông Thượng" → "xã Nông Thượng"), else the whole name unless it is
/// generic. Leading numbers ("01-") and a trailing year are dropped.
pub fn unit_in_name(name: &str) -> Option<String> {
    // Without "(final)", "(1)" and the like.
    let mut bare = String::new();
    let mut depth = 0i32;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let spaced: String = bare
        .chars()
        .map(|c| {
            if matches!(c, '-' | '_' | '.' | '+' | ',') {
                ' '
            } else {
                c
            }
        })
        .collect();
    // Version marks and copies: "v2", "final", "Copy of", "ban sao".
    let noise = |w: &str| {
        let f = fold(w);
        ["final", "copy", "of", "new", "sao"].contains(&f.as_str())
            || (f.starts_with('v') && f.len() > 1 && f[1..].chars().all(|c| c.is_ascii_digit()))
    };
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| noise(w) || w.chars().all(|c| c.is_ascii_digit()))
    {
        words.pop();
    }
    while words.first().is_some_and(|w| noise(w)) {
        words.remove(0);
    }
    while words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        words.pop();
    }
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    if let Some(i) = (0..words.len()).find(|&i| {
        !(i > 0 && folded[i - 1] == "cap") && starts_with_unit_word(&folded[i..].join(" "))
    }) && words.len() - i >= 2
        && is_named_unit(&words[i..].join(" "))
    {
        return Some(unit_case(&words[i..].join(" ")));
    }
    // A bare name is a place only when nothing in it says date, form or
    // category ("Tháng 12", "Biểu 2a", "Cán bộ xã").
    let not_place = [
        "thang", "bieu", "mau", "quy", "dot", "nam", "can", "bo", "cong", "chuc", "vien", "danh",
        "sach", "bao", "cao", "tong", "hop", "ke", "khai", "phu", "luc", "hd", "kct",
    ];
    // A place's name has two words or more ("Nông Hạ", "Đức Xuân"); "t0",
    // "roster", "abc" name none.
    let all = folded.join(" ");
    (folded.len() >= 2
        && !is_generic_name(&all)
        && !folded.iter().any(|w| not_place.contains(&w.as_str())))
    .then(|| unit_case(&words.join(" ")))
}

/// A unit's name as compared: folded, and "UBND xã X" the same as "Xã X"
/// (a commune's list may name the commune or its people's committee).
#[must_use]
pub fn unit_key(name: &str) -> String {
    let f = fold(name);
    for body in ["ubnd ", "uy ban nhan dan "] {
        if let Some(rest) = f.strip_prefix(body)
            && [
                "xa ",
                "phuong ",
                "thi tran ",
                "dac khu ",
                "huyen ",
                "quan ",
                "thi xa ",
                "thanh pho ",
            ]
            .iter()
            .any(|k| rest.starts_with(k))
        {
            return rest.to_string();
        }
    }
    f
}
