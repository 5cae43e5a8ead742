//! Counting rules: a form's `count = { … }` tables, read into conditions on
//! the staff frame's columns and turned into polars expressions; and block
//! rules (`units = { … }`) that pick units by level, type and name.

use polars::prelude::*;

use crate::policy::UnitType;
use crate::scales::{Category, Education, GovLevel};
use crate::staff::{EDU, LLCT, QLNN, UNIT_TYPES};
use crate::units::Hierarchy;

/// A person attribute a rule can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dim {
    /// A column of the staff frame.
    Frame(&'static str),
    /// A field the staff table does not hold (religion, ethnic-language
    /// certificate, general education, rotation, contract decree,
    /// academic title): columns testing it are blank.
    NotRecorded(&'static str),
}

/// A test on one attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// Equal to any of these values.
    AnyOf(Vec<i32>),
    /// Within these bounds, inclusive (and known).
    Range(Option<i32>, Option<i32>),
}

/// A rule: every condition must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rule {
    /// (attribute, test).
    pub conds: Vec<(Dim, Test)>,
}

const NOT_RECORDED: &[&str] = &[
    "religion",
    "ethnic_language",
    "general_education",
    "rotated",
    "contract_decree_68",
    "academic_title",
];

const SKILL_KEYS: &[&str] = &["none", "certificate", "degree"];
const GRADE_KEYS: &[&str] = &["cvcc", "cvc", "cv", "can_su", "nhan_vien"];

fn keys_of<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&v| key(v)).collect()
}

/// The ordered keys of a scale column (a key's index is its value).
fn scale_keys(column: &str) -> Option<Vec<&'static str>> {
    Some(match column {
        "category" => keys_of(&Category::ALL, Category::key),
        "education" => keys_of(&EDU, Education::key),
        "political_theory" => keys_of(&LLCT, crate::scales::PoliticalTheory::key),
        "state_management" => keys_of(&QLNN, crate::scales::StateManagement::key),
        "gov_level" => keys_of(&GovLevel::ALL, GovLevel::key),
        "unit_type" => keys_of(&UNIT_TYPES, UnitType::key),
        "grade" => GRADE_KEYS.to_vec(),
        "it" | "english" | "other_language" => SKILL_KEYS.to_vec(),
        _ => return None,
    })
}

/// The frame column a form key tests.
fn frame_column(key: &str) -> Option<&'static str> {
    Some(match key {
        "category" => "category",
        "education" => "education",
        "political_theory" => "political_theory",
        "state_management" => "state_management",
        "gov_level" => "gov_level",
        "unit_type" => "unit_type",
        "grade" => "grade_rank",
        "it" => "it",
        "english" => "english",
        "other_language" => "other_language",
        "title_class" => "title_class",
        "age" => "age",
        "female" => "female",
        "past_retirement" => "past_retirement",
        "minority" => "minority",
        "party" => "party",
        "commune" => "commune",
        _ => return None,
    })
}

fn one_key(keys: &[&str], v: &toml::Value, key: &str) -> Result<i32, String> {
    let s = v
        .as_str()
        .ok_or_else(|| format!("{key}: expected a key such as \"{}\"", keys[0]))?;
    keys.iter()
        .position(|k| *k == s)
        .map(|i| i32::try_from(i).unwrap_or(i32::MAX))
        .ok_or_else(|| format!("{key} = \"{s}\": expected one of {}", keys.join(", ")))
}

fn int(v: &toml::Value, key: &str) -> Result<i32, String> {
    v.as_integer()
        .and_then(|i| i32::try_from(i).ok())
        .ok_or_else(|| format!("{key}: expected a whole number"))
}

/// Reads one key's test.
fn test(key: &str, v: &toml::Value) -> Result<Test, String> {
    if let Some(keys) = scale_keys(key) {
        return match v {
            toml::Value::String(_) => Ok(Test::AnyOf(vec![one_key(&keys, v, key)?])),
            toml::Value::Array(a) => Ok(Test::AnyOf(
                a.iter()
                    .map(|x| one_key(&keys, x, key))
                    .collect::<Result<_, _>>()?,
            )),
            toml::Value::Table(t) => {
                let mut lo = None;
                let mut hi = None;
                for (k, x) in t {
                    match k.as_str() {
                        "at_least" => lo = Some(one_key(&keys, x, key)?),
                        "at_most" => hi = Some(one_key(&keys, x, key)?),
                        _ => return Err(format!("{key}.{k}: expected at_least or at_most")),
                    }
                }
                Ok(Test::Range(lo.or(Some(0)), hi))
            }
            _ => Err(format!(
                "{key}: expected a key, a list of keys or {{ at_least = …, at_most = … }}"
            )),
        };
    }
    match key {
        "age" => {
            let t = v
                .as_table()
                .ok_or_else(|| "age: expected { from = …, to = … }".to_string())?;
            let (mut lo, mut hi) = (Some(0), None);
            for (k, x) in t {
                match k.as_str() {
                    "from" => lo = Some(int(x, "age.from")?),
                    "to" => hi = Some(int(x, "age.to")?),
                    _ => return Err(format!("age.{k}: expected from or to")),
                }
            }
            Ok(Test::Range(lo, hi))
        }
        "title_class" => match v {
            toml::Value::Array(a) => Ok(Test::AnyOf(
                a.iter().map(|x| int(x, key)).collect::<Result<_, _>>()?,
            )),
            _ => Ok(Test::AnyOf(vec![int(v, key)?])),
        },
        "gender" => match v.as_str() {
            Some("female") => Ok(Test::AnyOf(vec![1])),
            Some("male") => Ok(Test::AnyOf(vec![0])),
            _ => Err("gender: expected \"female\" or \"male\"".into()),
        },
        _ => match v.as_bool() {
            Some(b) => Ok(Test::AnyOf(vec![i32::from(b)])),
            None => Err(format!("{key}: expected true or false")),
        },
    }
}

impl Rule {
    /// Reads a `count = { … }` table.
    pub fn parse(t: &toml::Table) -> Result<Self, String> {
        let mut conds = Vec::new();
        for (key, v) in t {
            if key == "political_theory_bachelor" {
                // Form files from before the scale held Cử nhân.
                let keys = scale_keys("political_theory").unwrap_or_default();
                let cu_nhan = one_key(&keys, &"cu_nhan".into(), key)?;
                let test = match v.as_bool() {
                    Some(true) => Test::AnyOf(vec![cu_nhan]),
                    Some(false) => Test::AnyOf((0..cu_nhan).collect()),
                    None => return Err(format!("{key}: expected true or false")),
                };
                conds.push((Dim::Frame("political_theory"), test));
                continue;
            }
            let dim = if let Some(&nr) = NOT_RECORDED.iter().find(|k| **k == key) {
                Dim::NotRecorded(nr)
            } else if key == "gender" {
                Dim::Frame("female")
            } else if let Some(c) = frame_column(key).filter(|c| *c != "female") {
                Dim::Frame(c)
            } else {
                return Err(format!(
                    "unknown key \"{key}\"; expected one of category, commune, gov_level, unit_type, gender, age, past_retirement, minority, party, education, political_theory, state_management, grade, title_class, it, english, other_language, {}",
                    NOT_RECORDED.join(", ")
                ));
            };
            let test = match dim {
                // Never evaluated (the column is blank), but read as written:
                // `contract_decree_68 = false` is "another contract".
                Dim::NotRecorded(_) => Test::AnyOf(vec![v.as_bool().map_or(1, i32::from)]),
                Dim::Frame(_) if key == "commune" => match v.as_bool() {
                    Some(b) => Test::AnyOf(vec![i32::from(b)]),
                    None => return Err("commune: expected true or false".into()),
                },
                Dim::Frame(_) => test(key, v)?,
            };
            conds.push((dim, test));
        }
        Ok(Rule { conds })
    }

    /// The rule as a polars condition; `None` when it tests a field the
    /// staff table does not hold.
    #[must_use]
    pub fn expr(&self) -> Option<Expr> {
        // True on every row (a bare literal would aggregate as one value).
        let mut e = col("rec").gt_eq(lit(0u32));
        for (dim, test) in &self.conds {
            let Dim::Frame(c) = dim else { return None };
            let column = if *c == "commune" {
                col("commune").cast(DataType::Int32)
            } else {
                col(*c).cast(DataType::Int32)
            };
            let one = match test {
                Test::AnyOf(vs) => vs
                    .iter()
                    .map(|v| column.clone().eq(lit(*v)))
                    .reduce(Expr::or)
                    .unwrap_or(lit(false)),
                Test::Range(lo, hi) => {
                    let mut r = column.clone().gt_eq(lit(lo.unwrap_or(0)));
                    if let Some(hi) = hi {
                        r = r.and(column.clone().lt_eq(lit(*hi)));
                    }
                    r
                }
            };
            e = e.and(one);
        }
        Some(e)
    }

    /// The attributes the rule tests.
    #[must_use]
    pub fn dims(&self) -> Vec<Dim> {
        self.conds.iter().map(|(d, _)| *d).collect()
    }

    /// The rule without its conditions on `dim`: whom a criterion testing
    /// `dim` could count, were their value known.
    #[must_use]
    pub fn without(&self, dim: Dim) -> Rule {
        Rule {
            conds: self
                .conds
                .iter()
                .filter(|(d, _)| *d != dim)
                .cloned()
                .collect(),
        }
    }
}

/// Which units a block takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitRule {
    gov_level: Vec<GovLevel>,
    unit_type: Vec<UnitType>,
    /// Folded words, any of which the unit's name contains.
    name: Vec<String>,
    /// Folded words, any of which the name of a unit above it contains
    /// (an ĐVSN "trực thuộc" Tỉnh ủy).
    parent_name: Vec<String>,
}

impl UnitRule {
    /// Reads a `units = { … }` table.
    pub fn parse(t: &toml::Table) -> Result<Self, String> {
        let mut r = UnitRule::default();
        let strings = |v: &toml::Value, key: &str| -> Result<Vec<String>, String> {
            match v {
                toml::Value::String(s) => Ok(vec![s.clone()]),
                toml::Value::Array(a) => a
                    .iter()
                    .map(|x| {
                        x.as_str()
                            .map(str::to_string)
                            .ok_or_else(|| format!("{key}: expected text"))
                    })
                    .collect(),
                _ => Err(format!("{key}: expected text or a list of texts")),
            }
        };
        for (k, v) in t {
            match k.as_str() {
                "gov_level" => {
                    for s in strings(v, k)? {
                        r.gov_level.push(
                            GovLevel::ALL
                                .into_iter()
                                .find(|g| g.key() == s)
                                .ok_or_else(|| format!("gov_level = \"{s}\": expected trung_uong, tinh, huyen or xa"))?,
                        );
                    }
                }
                "unit_type" => {
                    for s in strings(v, k)? {
                        r.unit_type.push(
                            UNIT_TYPES
                                .into_iter()
                                .find(|u| u.key() == s)
                                .ok_or_else(|| format!("unit_type = \"{s}\": expected administrative_agency, public_service_unit, commune_committee or other"))?,
                        );
                    }
                }
                "name" => {
                    r.name = strings(v, k)?
                        .iter()
                        .map(|s| crate::text::fold(s))
                        .collect()
                }
                "parent_name" => {
                    r.parent_name = strings(v, k)?
                        .iter()
                        .map(|s| crate::text::fold(s))
                        .collect();
                }
                _ => {
                    return Err(format!(
                        "unknown key \"{k}\"; expected gov_level, unit_type, name or parent_name"
                    ));
                }
            }
        }
        Ok(r)
    }

    /// Whether a unit (a node of the hierarchy) is in the block; `folded`
    /// holds every node's folded name, computed once per form.
    #[must_use]
    pub fn takes(&self, h: &Hierarchy, node: usize, folded: &[String]) -> bool {
        let n = &h.nodes[node];
        let contains =
            |words: &[String], at: usize| words.iter().any(|w| folded[at].contains(w.as_str()));
        (self.gov_level.is_empty() || n.gov_level.is_some_and(|g| self.gov_level.contains(&g)))
            && (self.unit_type.is_empty()
                || n.unit_type.is_some_and(|t| self.unit_type.contains(&t)))
            && (self.name.is_empty() || contains(&self.name, node))
            && (self.parent_name.is_empty()
                || h.ancestors(node)
                    .iter()
                    .any(|&a| contains(&self.parent_name, a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(text: &str) -> Rule {
        Rule::parse(&text.parse::<toml::Table>().unwrap()).unwrap()
    }

    /// Cử nhân is its own level, after Cao cấp (none 0, sơ cấp 1, trung cấp
    /// 2, cao cấp 3, cử nhân 4); files written before it was say
    /// `political_theory_bachelor`, read as the same test.
    #[test]
    fn cu_nhan_is_a_level_and_the_old_key_reads_as_it() {
        let frame = |t: Test| Rule {
            conds: vec![(Dim::Frame("political_theory"), t)],
        };
        assert_eq!(
            rule("political_theory = \"cu_nhan\""),
            frame(Test::AnyOf(vec![4]))
        );
        assert_eq!(
            rule("political_theory_bachelor = true"),
            frame(Test::AnyOf(vec![4]))
        );
        assert_eq!(
            rule("political_theory_bachelor = false"),
            frame(Test::AnyOf(vec![0, 1, 2, 3]))
        );
        assert_eq!(
            rule("political_theory = [\"cao_cap\", \"cu_nhan\"]"),
            frame(Test::AnyOf(vec![3, 4]))
        );
        assert!(Rule::parse(&"political_theory_bachelor = 1".parse().unwrap()).is_err());
    }
}
