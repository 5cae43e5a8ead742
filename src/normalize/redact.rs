//! `--redact`: copies that leave the personnel office carry no national id
//! and no full name. Applied once to the clean staff table and its data
//! issues, before any output is written, so every output (workbooks, CSV,
//! JSON, terminal) is redacted alike.

use hashbrown::HashMap;

use crate::issues::Problem;
use crate::roster::{Loaded, Private, Text};
use crate::schema::RowKind;
use crate::text::{initials, mask_id};

/// Redacts names and national ids in the staff table and in the values of
/// data issues read from a private column (and ids quoted by an id conflict).
pub fn redact(loaded: &mut Loaded) {
    let roster = &mut loaded.roster;
    let mut names: HashMap<Text, Text> = HashMap::new();
    let mut ids: HashMap<Text, Text> = HashMap::new();
    let texts = &mut roster.texts;
    for name in &mut roster.staff.name {
        let long = *name;
        *name = *names.entry(long).or_insert_with(|| {
            let short = initials(texts.get(long));
            texts.add(&short)
        });
    }
    for id in roster.staff.national_id.iter_mut().flatten() {
        let whole = *id;
        *id = *ids.entry(whole).or_insert_with(|| {
            let masked = mask_id(texts.get(whole));
            texts.add(&masked)
        });
    }
    let private: HashMap<(&str, &str, &str), Private> = loaded
        .sheets
        .iter()
        .flat_map(|s| {
            s.private
                .iter()
                .map(move |(h, p)| ((&*s.file_name, &*s.name, h.as_str()), *p))
        })
        .collect();
    for i in &mut loaded.issues {
        let kind = match i.problem {
            Problem::IdConflict { .. } => Some(Private::Id),
            // A signature footer names its signers among titles, places
            // and dates: the parts that read as a name become initials.
            Problem::NotStaff(RowKind::Footer) => {
                i.value = footer(&i.value);
                None
            }
            _ => private
                .get(&(&*i.file, &*i.sheet, i.column.as_str()))
                .copied(),
        };
        match kind {
            Some(Private::Name) => i.value = initials(&i.value),
            Some(Private::Id) => i.value = mask_id(&i.value),
            None => {}
        }
    }
}

/// A footer row's text ("NGƯỜI LẬP BIỂU | Lương Thị Hồng") with every part
/// that reads as a person's name written as initials (a degree before it
/// kept: "ThS. H.V.T."), and every run of nine or more digits (an id) masked.
/// Errs toward masking: a place named for a person becomes initials too.
fn footer(value: &str) -> String {
    value
        .split(" | ")
        .map(|part| {
            let (degree, rest) = split_degree(part);
            let part = if looks_like_name(rest) {
                let space = if degree.is_empty() { "" } else { " " };
                format!("{degree}{space}{}", initials(rest))
            } else {
                part.to_string()
            };
            mask_digit_runs(&part)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Degrees written before a signer's name.
const DEGREES: &[&str] = &[
    "ThS.", "TS.", "BS.", "CN.", "KS.", "PGS.TS.", "GS.TS.", "Ths.", "Ts.",
];

fn split_degree(part: &str) -> (&str, &str) {
    let t = part.trim_start();
    DEGREES
        .iter()
        .find_map(|d| {
            t.strip_prefix(d)
                .map(|rest| (&t[..d.len()], rest.trim_start()))
        })
        .map_or(("", t), |(d, rest)| (d, rest))
}

/// Words of a footer that are a title, a body or a place, never part of a
/// name (lower case, with their marks: "Phòng" is not the name "Phong").
const NOT_NAME_WORDS: &[&str] = &[
    "người",
    "lập",
    "biểu",
    "chủ",
    "tịch",
    "trưởng",
    "phó",
    "phòng",
    "thủ",
    "tm",
    "kt",
    "ubnd",
    "ủy",
    "ủy",
    "ban",
    "giám",
    "đốc",
    "xác",
    "nhận",
    "tên",
    "ngày",
    "tháng",
    "năm",
    "nơi",
    "đơn",
    "vị",
    "cơ",
    "quan",
    "xã",
    "phường",
    "huyện",
    "tỉnh",
    "ghi",
    "chú",
    "hội",
    "đồng",
];

/// Two to five words of letters, each capitalised ("Lương Thị Hồng") or all
/// in capitals ("NGUYỄN VĂN KÝ"), none a title or body word, as a signer's
/// name is typed under a title.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && (c.clone().all(char::is_lowercase) || c.all(char::is_uppercase))
        })
        && !words.iter().any(|w| {
            let lower = w.to_lowercase();
            NOT_NAME_WORDS.contains(&lower.trim_end_matches('.'))
        })
}

/// Every run of nine digits or more masked as a national id is.
fn mask_digit_runs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 9 {
            out.push_str(&mask_id(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn footer_names_become_initials_and_nothing_else_changes() {
        let cases = [
            ("Lương Thị Hồng | Hoàng Văn Tám", "L.T.H. | H.V.T."),
            (
                "NGƯỜI LẬP BIỂU | TM. ỦY BAN NHÂN DÂN",
                "NGƯỜI LẬP BIỂU | TM. ỦY BAN NHÂN DÂN",
            ),
            (
                "Đức Xuân, ngày 31 tháng 12 năm 2013",
                "Đức Xuân, ngày 31 tháng 12 năm 2013",
            ),
            ("Chủ tịch | Nguyễn Văn An", "Chủ tịch | N.V.A."),
            ("An", "An"),
            // Names in capitals, after a degree; ids in a row below the footer.
            ("NGUYỄN VĂN KÝ | ThS. Hoàng Văn Tám", "N.V.K. | ThS. H.V.T."),
            (
                "Phạm Văn Cường | 03/03/1990 | 001090000333",
                "P.V.C. | 03/03/1990 | *********333",
            ),
            (
                "CHỦ TỊCH UBND | PHÓ TRƯỞNG PHÒNG",
                "CHỦ TỊCH UBND | PHÓ TRƯỞNG PHÒNG",
            ),
        ];
        for (value, want) in cases {
            assert_eq!(super::footer(value), want, "{value}");
        }
    }
}
