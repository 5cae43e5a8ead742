//! Loading a catalogue: its files (TOML, CSV, workbooks; a folder's in
//! order), the field synonyms, grade standards and job descriptions read
//! with it, the agencies it names, and the check that a code names one
//! position of an agency.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The same code twice for one agency (or unit type) is an error naming both
/// rows; two rows saying exactly the same are one row, with a note.
fn check_duplicates(
    rows: Vec<(PositionDef, Origin)>,
) -> Result<(Vec<PositionDef>, Vec<DataIssue>)> {
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut kept: Vec<(PositionDef, Origin)> = Vec::with_capacity(rows.len());
    let mut notes = Vec::new();
    for (def, origin) in rows {
        let scope = match &def.agency {
            AgencyRef::Unit(k) => format!("unit:{k}"),
            AgencyRef::Type(t) => format!("type:{t:?}"),
        };
        let key = (scope, fold(&def.code));
        if let Some(&i) = seen.get(&key) {
            let (first, first_origin) = &kept[i];
            if *first == def {
                notes.push(DataIssue {
                    file: ingest::shown_path(&origin.file).into(),
                    sheet: origin.sheet.clone().unwrap_or_default().into(),
                    row: Some(origin.row),
                    column: origin.column.clone(),
                    value: def.code.clone(),
                    problem: Problem::CataloguePositionRepeated {
                        first: first_origin.describe(),
                    },
                    action: Action::Ignored,
                });
                continue;
            }
            return Err(Error::Toml {
                path: origin.file.clone(),
                message: format!(
                    "position code \"{}\" (column \"{}\") is given twice for the agency \"{}\", differently: {} and {}; a code names one position of an agency (give one of them another code, or remove one)",
                    first.code,
                    origin.column,
                    def.agency_text,
                    first_origin.describe(),
                    origin.describe()
                ),
            });
        }
        seen.insert(key, kept.len());
        kept.push((def, origin));
    }
    Ok((kept.into_iter().map(|(d, _)| d).collect(), notes))
}

/// A file's bytes, its path and SHA-256 recorded among the files read.
fn read_recorded(f: &Path, files: &mut Vec<(PathBuf, String)>) -> Result<Vec<u8>> {
    let bytes = std::fs::read(f).map_err(|source| Error::Read {
        path: f.to_path_buf(),
        source,
    })?;
    files.push((f.to_path_buf(), ingest::sha256_hex(&bytes)));
    Ok(bytes)
}

impl Catalogue {
    /// Loads a catalogue file, or every catalogue file in a folder (sorted),
    /// with the built-in field synonyms.
    pub fn load(path: &Path) -> Result<Self> {
        Self::load_with(path, None, None)
    }

    /// Loads a catalogue, with the field-synonyms file given (else the
    /// built-in one) and the agency of sheets that name none (`--agency`).
    pub fn load_with(
        path: &Path,
        field_synonyms: Option<&Path>,
        agency: Option<&str>,
    ) -> Result<Self> {
        Self::load_all(
            path,
            &LoadOptions {
                field_synonyms,
                agency,
                ..LoadOptions::default()
            },
        )
    }

    /// Loads a catalogue with the files `opts` names (else the built-in
    /// field synonyms and grade standards).
    pub fn load_all(path: &Path, opts: &LoadOptions<'_>) -> Result<Self> {
        let (field_synonyms, agency) = (opts.field_synonyms, opts.agency);
        let mut cat = Catalogue::default();
        cat.grade_standards = match opts.grade_standards {
            Some(f) => {
                let bytes = read_recorded(f, &mut cat.files)?;
                parse_grade_standards(f, &String::from_utf8_lossy(&bytes))?
            }
            None => parse_grade_standards(
                Path::new("policies/grade-standards.toml"),
                DEFAULT_GRADE_STANDARDS,
            )?,
        };
        cat.accepted_fields = match field_synonyms {
            Some(f) => {
                let bytes = read_recorded(f, &mut cat.files)?;
                parse_field_synonyms(f, &String::from_utf8_lossy(&bytes))?
            }
            None => parse_field_synonyms(
                Path::new("policies/field-synonyms.toml"),
                DEFAULT_FIELD_SYNONYMS,
            )?,
        };
        let files = catalogue_files(path)?;
        let mut read = Read {
            rows: Vec::new(),
            notes: Vec::new(),
            codes: BTreeMap::new(),
        };
        for f in files {
            let bytes = read_recorded(&f, &mut cat.files)?;
            if f.extension().and_then(|e| e.to_str()) == Some("toml") {
                let text = String::from_utf8_lossy(&bytes);
                from_toml(&f, &text, &mut read.rows, &mut cat.accepted_fields)?;
            } else {
                let sheets = ingest::read_file(&f, 0, None)?.into_sheets();
                for s in &sheets {
                    from_sheet(&f, s, agency, &mut read)?;
                }
            }
        }
        let rows = read.rows;
        for (def, origin) in &rows {
            if let AgencyRef::Unit(key) = &def.agency
                && !cat.agencies.iter().any(|a| a.key == *key)
            {
                cat.agencies.push(AgencyEntry {
                    key: key.clone(),
                    text: def.agency_text.clone(),
                    file: crate::ingest::shown_path(&origin.file),
                    sheet: origin.sheet.clone().unwrap_or_default(),
                    row: origin.row,
                    column: origin.column.clone(),
                });
            }
        }
        (cat.positions, cat.notes) = check_duplicates(rows)?;
        cat.notes.extend(read.notes);
        if let Some(f) = opts.job_descriptions {
            read_recorded(f, &mut cat.files)?;
            let descriptions = job_description::read(f, &mut cat.notes)?;
            job_description::apply(&mut cat.positions, &descriptions);
        }
        Ok(cat)
    }
}

/// The files of a catalogue: the file given, or a folder's catalogue files
/// (TOML, CSV, workbooks) in sorted order.
fn catalogue_files(path: &Path) -> Result<Vec<PathBuf>> {
    if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                // Files only; not hidden files or Excel's "~$" lock files.
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                p.is_file()
                    && !name.starts_with('.')
                    && !name.starts_with("~$")
                    && p.extension()
                        .and_then(|e| e.to_str())
                        .map(str::to_ascii_lowercase)
                        .is_some_and(|e| {
                            ["toml", "csv", "xlsx", "xls", "ods"].contains(&e.as_str())
                        })
            })
            .collect();
        v.sort();
        Ok(v)
    } else if path.is_file() {
        Ok(vec![path.to_path_buf()])
    } else {
        Err(Error::NotFound {
            path: path.to_path_buf(),
        })
    }
}
