//! The movement as JSON (`forms --json`, key `movement`): per row its unit
//! or category and one value per column, keyed as the column table says.

use super::Movement;
use super::columns::{CLOSING, COLUMNS, OPENING};
use crate::forms::{Cell, RowKind};

impl Movement {
    /// Opening and closing people over the whole roster.
    #[must_use]
    pub fn totals(&self) -> (u64, u64) {
        let total = self.table.rows.iter().find(|r| r.kind == RowKind::Total);
        let get = |i: usize| match total.map(|r| &r.cells[i]) {
            Some(Cell::Count(v)) => *v,
            _ => 0,
        };
        (get(OPENING), get(CLOSING))
    }

    /// The figures as JSON.
    #[must_use]
    pub fn json(&self) -> serde_json::Value {
        let mut unit = String::new();
        let rows: Vec<serde_json::Value> = self
            .table
            .rows
            .iter()
            .map(|r| {
                let mut o = serde_json::Map::new();
                if r.kind == RowKind::Part {
                    o.insert("unit".into(), unit.clone().into());
                    o.insert("category".into(), r.code.clone().into());
                } else {
                    unit = if r.kind == RowKind::Total {
                        "total".to_string()
                    } else {
                        r.label.clone()
                    };
                    o.insert("unit".into(), unit.clone().into());
                    o.insert("code".into(), r.code.clone().into());
                    o.insert(
                        "kind".into(),
                        serde_json::to_value(r.kind).unwrap_or_default(),
                    );
                }
                for (column, c) in COLUMNS.iter().zip(&r.cells) {
                    if let Cell::Count(v) = c {
                        o.insert(column.key.into(), (*v).into());
                    }
                }
                o.into()
            })
            .collect();
        serde_json::json!({
            "previous_as_of": self.previous_as_of.to_string(),
            "as_of": self.as_of.to_string(),
            "rows": rows,
            "changes": self.changes,
            "unplaced_units": self.unplaced,
            "unknown_map_rows": self.unknown_map_rows,
            "matched": {
                "staff_id": self.matched[0],
                "national_id": self.matched[1],
                "name_and_birth": self.matched[2],
            },
            "unmatched_ties": self.ties,
            "mismatches": self.table.mismatches,
        })
    }
}
