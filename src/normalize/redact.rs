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
    for r in &mut roster.records {
        let name = r.name;
        r.name = *names.entry(name).or_insert_with(|| {
            let short = initials(texts.get(name));
            texts.add(&short)
        });
        if let Some(id) = r.national_id {
            r.national_id = Some(*ids.entry(id).or_insert_with(|| {
                let masked = mask_id(texts.get(id));
                texts.add(&masked)
            }));
        }
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
/// that reads as a person's name written as initials.
fn footer(value: &str) -> String {
    value
        .split(" | ")
        .map(|part| {
            if looks_like_name(part) {
                initials(part)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Two to five words, each a capital followed by lower-case letters
/// ("Lương Thị Hồng"), as a signer's name is typed under a title in capitals.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
        })
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
        ];
        for (value, want) in cases {
            assert_eq!(super::footer(value), want, "{value}");
        }
    }
}
