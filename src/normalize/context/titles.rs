//! Commune titles (chức danh) and the category each gives, from policies/commune-titles.toml or a file of the same shape.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Commune titles and the category each implies (see
/// `policies/commune-titles.toml`).
#[derive(Debug, Clone, Default)]
pub struct CommuneTitles {
    /// (folded words, category), longest first.
    pub(super) entries: Vec<(String, Category)>,
}

/// The built-in list.
pub const DEFAULT_COMMUNE_TITLES: &str = include_str!("../../../policies/commune-titles.toml");

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TitlesFile {
    titles: Vec<TitlesEntry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TitlesEntry {
    category: String,
    names: Vec<String>,
}

/// Folded, punctuation as spaces, single-spaced.
pub(super) fn words_of(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    fold(&spaced)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl CommuneTitles {
    /// Reads a titles file (`path` names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        let file: TitlesFile = toml::from_str(text).map_err(|e| Error::Toml {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut seen: BTreeMap<String, Category> = BTreeMap::new();
        for t in file.titles {
            let category = Category::from_key(&t.category).ok_or_else(|| Error::Toml {
                path: path.to_path_buf(),
                message: format!(
                    "category \"{}\": expected one of can_bo, cong_chuc, khong_chuyen_trach, vien_chuc, hop_dong",
                    t.category
                ),
            })?;
            for n in t.names {
                let key = words_of(&n);
                if key.is_empty() {
                    continue;
                }
                if let Some(other) = seen.insert(key.clone(), category)
                    && other != category
                {
                    return Err(Error::Toml {
                        path: path.to_path_buf(),
                        message: format!(
                            "title \"{n}\" is listed under both {} and {}",
                            other.key(),
                            category.key()
                        ),
                    });
                }
            }
        }
        let mut entries: Vec<(String, Category)> = seen.into_iter().collect();
        entries.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(Self { entries })
    }

    /// The built-in list.
    #[must_use]
    pub fn builtin() -> Self {
        Self::parse(
            Path::new("policies/commune-titles.toml"),
            DEFAULT_COMMUNE_TITLES,
        )
        .unwrap_or_default()
    }

    /// Reads `path`, or the built-in list.
    pub fn load(path: Option<&Path>) -> Result<Self> {
        match path {
            None => Ok(Self::builtin()),
            Some(p) => {
                let text = crate::error::read_text(p)?;
                Self::parse(p, &text)
            }
        }
    }

    /// The category a title implies: the longest entry the title begins
    /// with (after a leading "Công chức" / "Cán bộ").
    #[must_use]
    pub fn category_of(&self, title: &str) -> Option<Category> {
        // "CT HĐND kiêm Bí thư ĐU", "Giám đốc HTX kiêm Phó Chủ tịch HĐND":
        // each part in turn, the first known decides.
        let folded = words_of(title);
        if folded.contains(" kiem ") {
            let parts: Vec<&str> = folded.split(" kiem ").collect();
            return parts.iter().find_map(|p| self.category_of_words(p));
        }
        self.category_of_words(&folded)
    }

    fn category_of_words(&self, w: &str) -> Option<Category> {
        let w = ["cong chuc ", "can bo ", "cc ", "cb "]
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .unwrap_or(w);
        let padded = format!("{w} ");
        self.entries
            .iter()
            .find(|(k, _)| padded.starts_with(&format!("{k} ")))
            .map(|(_, c)| *c)
    }
}
