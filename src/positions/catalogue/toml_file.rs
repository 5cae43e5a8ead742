//! A catalogue as a TOML file.

#[allow(clippy::wildcard_imports)]
use super::*;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TomlFile {
    #[serde(default, rename = "position")]
    positions: Vec<TomlPosition>,
    #[serde(default)]
    field_synonyms: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TomlPosition {
    agency: String,
    code: toml::Spanned<String>,
    name: String,
    kind: Option<PositionKind>,
    #[serde(default)]
    grades: Vec<String>,
    min_education: Option<Education>,
    #[serde(default)]
    fields: Vec<String>,
    min_political_theory: Option<PoliticalTheory>,
    min_state_management: Option<StateManagement>,
    other: Option<String>,
    headcount: Option<u32>,
    #[serde(default)]
    aliases: Vec<String>,
    /// Professional levels used: [lowest, highest].
    levels: Option<[u8; 2]>,
}

pub(super) fn from_toml(
    path: &Path,
    text: &str,
    out: &mut Vec<(PositionDef, Origin)>,
    accepted: &mut BTreeMap<String, BTreeSet<String>>,
) -> Result<()> {
    let f: TomlFile = toml::from_str(text).map_err(|e| Error::Toml {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    for p in f.positions {
        let line = text
            .get(..p.code.span().start)
            .map_or(0, |t| t.matches('\n').count() + 1);
        let origin = Origin {
            file: path.to_path_buf(),
            sheet: None,
            row: u32::try_from(line).unwrap_or(u32::MAX),
            column: "code".into(),
        };
        if let Some([lo, hi]) = p.levels
            && !(1 <= lo && lo <= hi && hi <= 5)
        {
            return Err(Error::Toml {
                path: path.to_path_buf(),
                message: format!(
                    "line {line}: levels = [{lo}, {hi}]; expected [lowest, highest] professional levels, 1 to 5, lowest first"
                ),
            });
        }
        let def = PositionDef {
            agency: agency_ref(&p.agency),
            agency_text: p.agency,
            code: p.code.into_inner(),
            name: p.name,
            kind: p.kind,
            grades: p.grades,
            min_education: p.min_education,
            fields: p.fields,
            min_political_theory: p.min_political_theory,
            min_state_management: p.min_state_management,
            other: p.other,
            headcount: p.headcount,
            aliases: p.aliases,
            described: false,
            code_derived: false,
            levels: p.levels.map(|[lo, hi]| (lo, hi)),
        };
        out.push((def, origin));
    }
    add_accepted(accepted, f.field_synonyms);
    Ok(())
}
