//! Unit names: the government level a name says ("UBND xã …", "Phòng Nội vụ
//! thị xã …").

use super::scales::GovLevel;
use super::text::fold;

/// Infers the government level from a unit's name ("UBND xã Dương Quang",
/// "Phòng Nội vụ thị xã Bắc Kạn"): the first word naming a kind of
/// administrative unit decides, so place names that fold to such words
/// ("Huyền Tụng" → "huyen") after it do not.
#[must_use]
pub fn level_from_unit_name(name: &str) -> Option<GovLevel> {
    let f = fold(name);
    let words: Vec<&str> = f.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        match (*w, next) {
            ("thi", "xa") | ("huyen", _) => return Some(GovLevel::District),
            ("thi", "tran") | ("dac", "khu") | ("xa" | "phuong", _) => {
                return Some(GovLevel::Commune);
            }
            ("tinh", _) => return Some(GovLevel::Province),
            ("so", _) if i == 0 => return Some(GovLevel::Province),
            // A school or a health station is no government level, whatever
            // place its name goes on to name ("Trường THCS xã A").
            ("truong" | "tram" | "benh", _) if i == 0 => return None,
            _ => {}
        }
    }
    None
}
