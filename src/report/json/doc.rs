//! A JSON document whose long arrays are written one element at a time.
//!
//! The national roster's plan JSON (69 MB) was built whole as a
//! `serde_json::Value` before it was written: 328,000 retirements, the
//! trainees and the projection's rows as maps of owned strings took `plan
//! --json` to 1,008–1,033 MiB at its peak (770–771 MiB without `--json`),
//! and the report's 119 MB to 1,184–1,195 MiB; now 772–778 and 794–812 MiB.
//! Each element of a long array is made as it is written and dropped after,
//! so the document costs what its small parts do. The text written is the
//! same: keys in the order a `serde_json::Map` keeps them (sorted, as no
//! dependency turns on `preserve_order`), each element's own keys likewise.
//! (`forms --json` streams its rows the same way with structs of its own,
//! `forms::json`.)

use std::cell::Cell;

use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

/// An object: small members held as values, long arrays and nested
/// documents made as they are written. Each key is added once.
pub(super) struct Doc<'a> {
    small: Map<String, Value>,
    made: Vec<(&'static str, Member<'a>)>,
}

/// A member made as it is written.
enum Member<'a> {
    /// An array whose elements an iterator makes (taken when written: a
    /// document is written once).
    Array(Cell<Option<Elements<'a>>>),
    /// A nested object.
    Object(Doc<'a>),
}

type Elements<'a> = Box<dyn Iterator<Item = Value> + 'a>;

impl<'a> Doc<'a> {
    /// A document of the members of `small`, an object (`json!({ … })`);
    /// any other value adds none.
    pub(super) fn new(small: Value) -> Self {
        debug_assert!(small.is_object(), "a document's members are an object's");
        Doc {
            small: match small {
                Value::Object(m) => m,
                _ => Map::new(),
            },
            made: Vec::new(),
        }
    }

    /// Adds an array whose elements `elements` makes as it is written.
    pub(super) fn array(&mut self, key: &'static str, elements: impl Iterator<Item = Value> + 'a) {
        self.small.remove(key);
        self.made
            .push((key, Member::Array(Cell::new(Some(Box::new(elements))))));
    }

    /// Adds a nested document.
    pub(super) fn object(&mut self, key: &'static str, doc: Doc<'a>) {
        self.small.remove(key);
        self.made.push((key, Member::Object(doc)));
    }
}

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A made member's key is not among the small ones (adding it
        // removed it there).
        let mut keys: Vec<(&str, Either<'_, '_>)> = Vec::new();
        keys.extend(
            self.small
                .iter()
                .map(|(k, v)| (k.as_str(), Either::Small(v))),
        );
        keys.extend(self.made.iter().map(|(k, m)| (*k, Either::Made(m))));
        keys.sort_by(|a, b| a.0.cmp(b.0));
        let mut map = s.serialize_map(Some(keys.len()))?;
        for (k, member) in keys {
            match member {
                Either::Small(v) => map.serialize_entry(k, v)?,
                Either::Made(m) => map.serialize_entry(k, m)?,
            }
        }
        map.end()
    }
}

/// A member of either kind, to be written.
enum Either<'v, 'a> {
    Small(&'v Value),
    Made(&'v Member<'a>),
}

impl Serialize for Member<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Member::Object(doc) => doc.serialize(s),
            Member::Array(cell) => {
                let elements = cell
                    .take()
                    .ok_or_else(|| S::Error::custom("a document's array is written once"))?;
                // No length: serde_json writes the same text without it
                // (`[]` when empty), and no iterator's hint is trusted.
                let mut seq = s.serialize_seq(None)?;
                for v in elements {
                    seq.serialize_element(&v)?;
                }
                seq.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_are_written_in_key_order_with_arrays_made_as_written() {
        let made = std::cell::Cell::new(0);
        let mut doc = Doc::new(json!({ "b": 1, "d": [9], "z": null }));
        doc.array(
            "d",
            (0..3).map(|i| {
                made.set(made.get() + 1);
                json!({ "y": i, "x": "t" })
            }),
        );
        doc.array("a", std::iter::empty());
        doc.array("c", (0..4).filter(|i| i % 2 == 1).map(Value::from));
        let mut inner = Doc::new(json!({ "k": true }));
        inner.array("j", std::iter::once(json!("=1+1")));
        doc.object("e", inner);
        assert_eq!(made.get(), 0, "nothing made before it is written");
        let text = serde_json::to_string(&doc).unwrap();
        assert_eq!(made.get(), 3);
        assert_eq!(
            text,
            r#"{"a":[],"b":1,"c":[1,3],"d":[{"x":"t","y":0},{"x":"t","y":1},{"x":"t","y":2}],"e":{"j":["=1+1"],"k":true},"z":null}"#
        );
        let pretty = serde_json::to_string_pretty(&doc);
        assert!(pretty.is_err(), "an array is made once");
    }

    #[test]
    fn pretty_text_is_the_value_s() {
        let small = json!({ "n": 2, "s": "x" });
        let rows = vec![json!({ "b": [], "a": 1 }), json!({ "a": 2, "b": [1] })];
        let mut whole = small.clone();
        whole["rows"] = Value::Array(rows.clone());
        whole["none"] = Value::Array(Vec::new());
        whole["filtered"] = Value::Array(Vec::new());
        let mut doc = Doc::new(small);
        doc.array("rows", rows.into_iter().filter(|_| true));
        doc.array("none", std::iter::empty());
        doc.array("filtered", (0..3).filter(|_| false).map(Value::from));
        assert_eq!(
            serde_json::to_string_pretty(&doc).unwrap(),
            serde_json::to_string_pretty(&whole).unwrap()
        );
    }
}
