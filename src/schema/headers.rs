//! Header text matched to fields: the built-in names, and the user's from a
//! `--columns` file.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::Field;
use crate::error::{Error, Result};
use crate::text::fold;

/// User header names from a `--columns` TOML file:
///
/// ```toml
/// [aliases]
/// full_name = ["Tên cán bộ"]
/// education = ["TĐ CM", "Bằng cấp"]
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnAliases {
    /// Extra header names per field id.
    #[serde(default)]
    pub aliases: BTreeMap<Field, Vec<String>>,
}

impl ColumnAliases {
    /// Reads and validates a `--columns` file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::error::read_text(path)?;
        toml::from_str(&text).map_err(|e| Error::Toml {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }
}

/// Matches folded header text to fields.
#[derive(Debug)]
pub struct HeaderMatcher {
    by_key: Vec<(String, Field)>,
}

impl HeaderMatcher {
    /// The built-in names plus the user's.
    #[must_use]
    pub fn new(extra: &ColumnAliases) -> Self {
        let mut by_key = Vec::new();
        for (field, names) in &extra.aliases {
            for n in names {
                by_key.push((fold(n), *field));
            }
        }
        for f in Field::ALL {
            for a in f.aliases() {
                by_key.push((fold(a), f));
            }
            by_key.push((fold(f.id()), f));
        }
        Self { by_key }
    }

    /// The field a header text names, if any. Text in parentheses ("Họ và
    /// tên (1)", "Ngày sinh (dd/mm/yyyy)") is tried with and without.
    #[must_use]
    pub fn field(&self, header: &str) -> Option<Field> {
        let key = fold(header);
        if key.is_empty() {
            return None;
        }
        if let Some(f) = self.lookup(&key) {
            return Some(f);
        }
        let stripped = strip_parens(header);
        if stripped != header {
            return self.lookup(&fold(&stripped));
        }
        None
    }

    fn lookup(&self, key: &str) -> Option<Field> {
        self.by_key.iter().find(|(k, _)| k == key).map(|(_, f)| *f)
    }

    /// Every accepted name of a field, for error messages.
    #[must_use]
    pub fn accepted(&self, field: Field) -> Vec<String> {
        let mut names: Vec<String> = field.aliases().iter().map(|s| (*s).to_string()).collect();
        names.push(field.id().to_string());
        names
    }
}

fn strip_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}
