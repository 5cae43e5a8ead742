//! A position catalogue for generated rosters.

use std::path::Path;

use super::communes;
use super::words::{CB_TITLES, CC_TITLES};
use crate::error::{Error, Result};
use crate::output;

/// Writes a position catalogue (CSV) for generated rosters: the commune
/// positions shared by every commune (by unit type), then commune-specific
/// rows (by unit code) until `rows` rows are written.
pub fn catalogue(path: &Path, rows: usize) -> Result<()> {
    let communes = communes();
    output::atomically(path, |file| {
        let e = |e: csv::Error| Error::Write {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
        w.write_record([
            "Cơ quan",
            "Mã vị trí việc làm",
            "Tên vị trí việc làm",
            "Ngạch",
            "Trình độ tối thiểu",
            "Biên chế",
            "Tên gọi khác",
        ])
        .map_err(e)?;
        let mut n = 0;
        for (i, t) in CB_TITLES.iter().enumerate() {
            if n < rows {
                w.write_record([
                    "UBND cấp xã",
                    &format!("CB-{i:02}"),
                    t,
                    "",
                    "Trung cấp",
                    "1",
                    t,
                ])
                .map_err(e)?;
                n += 1;
            }
        }
        'outer: for c in &communes {
            for (i, (t, _, code)) in CC_TITLES.iter().enumerate() {
                if n >= rows {
                    break 'outer;
                }
                let grades = format!("{code}; 01.003");
                w.write_record([
                    c.code,
                    &format!("{}-CC{i}", c.code),
                    t,
                    &grades,
                    "Đại học",
                    "1",
                    t,
                ])
                .map_err(e)?;
                n += 1;
            }
        }
        w.flush().map_err(|err| Error::Write {
            path: path.to_path_buf(),
            message: err.to_string(),
        })
    })
}
