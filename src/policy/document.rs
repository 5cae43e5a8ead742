//! `[document]`: what the report's first page needs to be an official
//! document (Decree 30/2020/NĐ-CP, Appendix I): the bodies, number, place
//! and date, the signer and the recipients. Anything not given prints as a
//! blank to fill in by hand.
//!
//! ```toml
//! [document]
//! parent_body = "UBND TỈNH BẮC KẠN"      # cơ quan chủ quản (optional)
//! number = "125"                          # Số: 125/BC-UBND; omit to fill by hand
//! symbol = "BC-UBND"                      # default "BC-" and a blank
//! place = "Bắc Kạn"                       # "Bắc Kạn, ngày … tháng … năm …"
//! date = 2014-01-15                       # omit to fill by hand
//! authority = "TM. ỦY BAN NHÂN DÂN"       # TM./KT./Q./TL./TUQ. line (optional)
//! signer_title = "CHỦ TỊCH"
//! signer = "Nguyễn Văn An"
//! recipients = ["UBND tỉnh Bắc Kạn", "Sở Nội vụ tỉnh Bắc Kạn", "Lưu: VT, NV"]
//! ```

use super::{Deserialize, Error, NaiveDate, Path, Result, toml_date};

/// The document form's variable parts.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The body above the issuing body (cơ quan chủ quản).
    pub parent_body: Option<String>,
    /// The number ("125"); blank to fill in by hand.
    pub number: Option<String>,
    /// The symbol after the slash ("BC-UBND").
    pub symbol: Option<String>,
    /// The place named before the date ("Bắc Kạn").
    pub place: Option<String>,
    /// The date signed.
    #[serde(default, deserialize_with = "optional_date")]
    pub date: Option<NaiveDate>,
    /// The authority line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
    pub authority: Option<String>,
    /// The signer's title ("CHỦ TỊCH", "PHÓ CHỦ TỊCH").
    pub signer_title: Option<String>,
    /// The signer's full name.
    pub signer: Option<String>,
    /// "Nơi nhận", one entry per line; the filing line ("Lưu: VT, …") last.
    #[serde(default)]
    pub recipients: Vec<String>,
}

fn optional_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    toml_date(d).map(Some)
}

/// A file holding only a `[document]` table (`--document FILE`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentFile {
    document: Document,
}

impl Document {
    /// Reads `--document FILE`: a TOML file with a `[document]` table.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::error::read_text(path)?;
        toml::from_str::<DocumentFile>(&text)
            .map(|f| f.document)
            .map_err(|e| Error::Toml {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
    }

    /// A value given and not blank.
    #[must_use]
    pub fn given(value: Option<&String>) -> Option<&str> {
        value.map(|s| s.trim()).filter(|s| !s.is_empty())
    }
}
