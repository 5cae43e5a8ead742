//! The forms' figures as JSON (`forms --json`), written as they are made:
//! a form's rows one at a time, the list forms' people made from the roster
//! as they are written, so the national lists are never held whole.
//!
//! Objects keep their keys in alphabetical order, as a `serde_json::Value`
//! prints them: fields are declared in that order, and rows, notes and
//! checks pass through a `Value` each.

use chrono::Datelike;
use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::Value;

use super::sheet::SheetInput;
use super::{Form, FormTable, people};

/// The whole document: the forms, then what the command adds.
#[derive(serde::Serialize)]
pub struct Document<'a> {
    as_of: String,
    forms: Vec<FormJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    movement: Option<Value>,
    reporting_unit: Option<&'a str>,
    structure: Value,
}

/// One form: its header, columns (number, label, groups, evidence), rows,
/// notes and failed checks.
#[derive(serde::Serialize)]
struct FormJson<'a> {
    basis: &'a str,
    blocks: Vec<Value>,
    code: &'a str,
    criteria: Vec<Value>,
    mismatches: Value,
    notes: Value,
    notes_text: Vec<String>,
    rows: Rows<'a>,
    sources: &'a Option<String>,
    title: String,
}

/// A form's rows, serialised one at a time.
struct Rows<'a> {
    form: &'a Form,
    table: &'a FormTable,
    input: &'a SheetInput<'a>,
}

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.table;
        let mut seq = s.serialize_seq(Some(t.rows.len() + t.people.len()))?;
        for r in &t.rows {
            seq.serialize_element(&serde_json::to_value(r).unwrap_or_default())?;
        }
        for (k, p) in t.people.iter().enumerate() {
            let row = people::row(self.form, self.input, k + 1, *p);
            seq.serialize_element(&serde_json::to_value(row).unwrap_or_default())?;
        }
        seq.end()
    }
}

/// The document for the filled `forms`, with the structure and, when
/// asked for, the movement.
#[must_use]
pub fn document<'a>(
    forms: &'a [Form],
    tables: &'a [FormTable],
    input: &'a SheetInput<'a>,
    structure: Value,
    movement: Option<Value>,
) -> Document<'a> {
    let forms = forms
        .iter()
        .zip(tables)
        .map(|(f, t)| FormJson {
            basis: &f.basis,
            blocks: f
                .blocks
                .iter()
                .map(|(b, _)| serde_json::json!({"number": b.number, "label": b.label, "group": b.group}))
                .collect(),
            code: &f.code,
            criteria: f
                .criteria
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "number": c.number,
                        "label": c.label,
                        "group": c.group,
                        "evidence": c.evidence,
                    })
                })
                .collect(),
            mismatches: serde_json::to_value(&t.mismatches).unwrap_or_default(),
            notes: serde_json::to_value(&t.notes).unwrap_or_default(),
            notes_text: super::notes::note_lines(f, t, input.lang),
            rows: Rows {
                form: f,
                table: t,
                input,
            },
            sources: &f.sources,
            title: f.title.replace("{year}", &input.as_of.year().to_string()),
        })
        .collect();
    Document {
        as_of: input.as_of.to_string(),
        forms,
        movement,
        reporting_unit: input.reporting_unit,
        structure,
    }
}
