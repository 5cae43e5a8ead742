//! Saving a workbook whose long lists were written by [`super::direct`]:
//! rust_xlsxwriter writes the package to an unnamed scratch file, which is
//! copied entry by entry into the output (compressed data as is), each
//! list's rows spliced into its sheet on the way and the first sheet's
//! header marked "different first page" for a document.
//!
//! The zip is written here, not with the zip crate: it cannot take data
//! deflated beforehand with its CRC, which is what lets the lists deflate
//! on every core. Entries use no zip64: an entry or the package past 4 GiB
//! is refused (a sheet's rows stop at Excel's 1,048,576).

use std::io::{Read, Seek, Write};
use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};

use super::deflate::{Deflated, deflate};
use super::direct::Rows;
use crate::error::Result;

/// How a workbook is saved.
#[derive(Debug, Default)]
pub struct Finish {
    /// The first sheet is an official document: its first page shows no
    /// page number (Decree 30/2020), its later pages do.
    pub document: bool,
    /// The lists written beside the workbook, by sheet name.
    pub lists: Vec<Rows>,
}

/// Saves `workbook` to `path` atomically, as `finish` says.
pub fn save(workbook: &mut Workbook, path: &Path, finish: Finish) -> Result<()> {
    workbook.set_zip_compression_level(3);
    let w = |e: &dyn std::fmt::Display| super::write_error(path, e);
    // Entry names of the lists' sheets: rust_xlsxwriter numbers worksheets
    // in workbook order (chartsheets apart: the tool makes none).
    let mut lists: Vec<(String, Rows)> = Vec::new();
    for rows in finish.lists {
        let at = workbook
            .worksheets()
            .iter()
            .position(|ws| ws.name() == rows.sheet)
            .ok_or_else(|| w(&format!("no sheet named {:?} for its list", rows.sheet)))?;
        lists.push((format!("xl/worksheets/sheet{}.xml", at + 1), rows));
    }
    super::atomically(path, |file| {
        let mut scratch = tempfile::tempfile_in(super::folder_of(path)).map_err(|e| w(&e))?;
        {
            let mut buf = std::io::BufWriter::new(&mut scratch);
            workbook.save_to_writer(&mut buf).map_err(|e| w(&e))?;
            buf.flush().map_err(|e| w(&e))?;
        }
        scratch.rewind().map_err(|e| w(&e))?;
        let mut src = zip::ZipArchive::new(std::io::BufReader::new(scratch)).map_err(|e| w(&e))?;
        let mut dst = ZipOut::new(std::io::BufWriter::new(file));
        for i in 0..src.len() {
            let name = src
                .by_index_raw(i)
                .map_err(|e| w(&e))?
                .name()
                .map_err(|e| w(&e))?
                .to_string();
            let blocks: Vec<Rows> = lists
                .extract_if(.., |(n, _)| *n == name)
                .map(|(_, rows)| rows)
                .collect();
            if !blocks.is_empty() || (finish.document && name == COVER) {
                let mut xml = String::new();
                src.by_index(i)
                    .map_err(|e| w(&e))?
                    .read_to_string(&mut xml)
                    .map_err(|e| w(&e))?;
                if name == COVER && finish.document {
                    xml = xml.replacen("<headerFooter>", "<headerFooter differentFirst=\"1\">", 1);
                }
                let data = splice(&xml, blocks).map_err(|e| w(&e))?;
                dst.add(&name, &data).map_err(|e| w(&e))?;
            } else {
                let mut entry = src.by_index_raw(i).map_err(|e| w(&e))?;
                let method = match entry.compression() {
                    zip::CompressionMethod::Stored => 0,
                    zip::CompressionMethod::Deflated => 8,
                    m => return Err(w(&format!("unexpected compression {m:?} in {name}"))),
                };
                let (crc, size) = (entry.crc32(), entry.size());
                let mut raw = Vec::new();
                entry.read_to_end(&mut raw).map_err(|e| w(&e))?;
                dst.add_raw(&name, method, crc, &[&raw], size)
                    .map_err(|e| w(&e))?;
            }
        }
        if let Some((name, _)) = lists.first() {
            return Err(w(&format!("no {name} in the package for its list")));
        }
        dst.finish().map_err(|e| w(&e))?.flush().map_err(|e| w(&e))
    })
}

const COVER: &str = "xl/worksheets/sheet1.xml";

/// The sheet `xml` with each of `blocks` spliced into its `<sheetData>`
/// (before rust_xlsxwriter's first row below the block) and its dimension
/// widened to them, deflated. A block overlapping rust_xlsxwriter's rows is
/// an error: the sheet's rows must ascend.
fn splice(xml: &str, mut blocks: Vec<Rows>) -> std::result::Result<Vec<Deflated>, XlsxError> {
    blocks.retain(|b| b.span.is_some());
    blocks.sort_by_key(|b| b.span.map(|s| s.0));
    let Some(sheet) = blocks.first().map(|b| b.sheet.clone()) else {
        return Ok(vec![deflate(xml.as_bytes(), true)?]);
    };
    let bad = |what: &str| XlsxError::ParameterError(format!("list sheet {sheet}: {what}"));
    let xml = xml.replacen("<sheetData/>", "<sheetData></sheetData>", 1);
    let start = xml.find("<sheetData>").ok_or_else(|| bad("no sheetData"))? + 11;
    let end = xml
        .find("</sheetData>")
        .ok_or_else(|| bad("no sheetData end"))?;
    // rust_xlsxwriter's rows: where each starts, and its number.
    let mut own = Vec::new();
    let mut from = start;
    while let Some(p) = xml[from..end].find("<row r=\"") {
        let p = from + p;
        let n: u64 = xml[p + 8..]
            .split('"')
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| bad("a row without a number"))?;
        own.push((p, n));
        from = p + 8;
    }
    let reach = blocks
        .iter()
        .filter_map(|b| b.span)
        .fold((0, 0), |(r, c), (_, last, col)| (r.max(last), c.max(col)));
    let mut out = vec![deflate(
        widen_dimension(&xml[..start], reach).as_bytes(),
        false,
    )?];
    let (mut from, mut above) = (start, 0);
    for b in blocks {
        let (first, last, _) = b.span.unwrap_or_default();
        let (first, last) = (u64::from(first) + 1, u64::from(last) + 1);
        let at = own.iter().find(|(_, n)| *n > last).map_or(end, |(p, _)| *p);
        if first <= above || at < from || own.iter().any(|(p, n)| *p < at && *n >= first) {
            return Err(bad(&format!("rows {first}–{last} overlap rows above")));
        }
        above = last;
        out.push(deflate(&xml.as_bytes()[from..at], false)?);
        out.extend(b.xml);
        from = at;
    }
    out.push(deflate(&xml.as_bytes()[from..], true)?);
    Ok(out)
}

/// The sheet's `<dimension ref="A1:H7"/>` reaching (row, column) `(r, c)`.
fn widen_dimension(head: &str, (r, c): (u32, u16)) -> String {
    let Some(start) = head.find("<dimension ref=\"") else {
        return head.to_string();
    };
    let from = start + "<dimension ref=\"".len();
    let Some(len) = head[from..].find('"') else {
        return head.to_string();
    };
    let old = &head[from..from + len];
    let (first, end) = old.split_once(':').unwrap_or((old, old));
    let (end_col, end_row) = split_ref(end);
    let row = end_row.max(u64::from(r) + 1);
    let col = end_col.max(u32::from(c));
    let col_name =
        rust_xlsxwriter::utility::column_number_to_name(u16::try_from(col).unwrap_or(u16::MAX));
    format!(
        "{}{first}:{col_name}{row}{}",
        &head[..from],
        &head[from + len..]
    )
}

/// A cell reference's 0-based column and 1-based row ("H7" → (7, 7)).
fn split_ref(r: &str) -> (u32, u64) {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    let col = r[..letters].bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    (col.saturating_sub(1), r[letters..].parse().unwrap_or(1))
}

/// A zip written entry by entry from data compressed beforehand.
struct ZipOut<W: Write> {
    w: W,
    at: u64,
    central: Vec<u8>,
    entries: u16,
}

fn too_big() -> std::io::Error {
    std::io::Error::other("the workbook would pass 4 GiB, beyond a zip without zip64")
}

/// A size or offset of a zip without zip64 (0xFFFFFFFF marks zip64).
fn u32_of(n: u64) -> std::io::Result<u32> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n != u32::MAX)
        .ok_or_else(too_big)
}

impl<W: Write> ZipOut<W> {
    fn new(w: W) -> Self {
        Self {
            w,
            at: 0,
            central: Vec::new(),
            entries: 0,
        }
    }

    /// Adds entry `name`, deflated in `parts` that join in order.
    fn add(&mut self, name: &str, parts: &[Deflated]) -> std::io::Result<()> {
        let mut crc = crc32fast::Hasher::new();
        let (mut size, mut data) = (0, Vec::with_capacity(parts.len()));
        for p in parts {
            crc.combine(&p.crc);
            size += p.len;
            data.push(p.data.as_slice());
        }
        self.add_raw(name, 8, crc.finalize(), &data, size)
    }

    /// Adds entry `name`: `data` (its parts in order) compressed with
    /// `method` (0 stored, 8 deflated), `size` bytes uncompressed with CRC
    /// `crc`.
    fn add_raw(
        &mut self,
        name: &str,
        method: u16,
        crc: u32,
        data: &[&[u8]],
        size: u64,
    ) -> std::io::Result<()> {
        // 1980-01-01 00:00, as the zip crate's default: no clock read.
        const DATE: u16 = (1 << 5) | 1;
        let compressed: u64 = data.iter().map(|d| d.len() as u64).sum();
        let (csize, size, at) = (u32_of(compressed)?, u32_of(size)?, u32_of(self.at)?);
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        let mut local = Vec::with_capacity(30 + name.len());
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0, method, 0, DATE] {
            local.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, csize, size] {
            local.extend_from_slice(&v.to_le_bytes());
        }
        local.extend_from_slice(&name_len.to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(name.as_bytes());
        self.w.write_all(&local)?;
        for d in data {
            self.w.write_all(d)?;
        }
        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0, method, 0, DATE] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, csize, size] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_len, 0, 0, 0, 0] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        c.extend_from_slice(&0u32.to_le_bytes());
        c.extend_from_slice(&at.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        self.at += local.len() as u64 + compressed;
        self.entries = self.entries.checked_add(1).ok_or_else(too_big)?;
        Ok(())
    }

    /// Writes the central directory; returns the writer.
    fn finish(mut self) -> std::io::Result<W> {
        let (size, at) = (u32_of(self.central.len() as u64)?, u32_of(self.at)?);
        self.w.write_all(&self.central)?;
        let mut end = Vec::with_capacity(22);
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for v in [0u16, 0, self.entries, self.entries] {
            end.extend_from_slice(&v.to_le_bytes());
        }
        end.extend_from_slice(&size.to_le_bytes());
        end.extend_from_slice(&at.to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes());
        self.w.write_all(&end)?;
        Ok(self.w)
    }
}
