//! Deflate data that joins: parts deflated apart (on every core) and
//! written one after the other read as one stream, as pigz writes them.

use rust_xlsxwriter::XlsxError;

/// Deflated XML and what the zip entry needs to know of it: parts of an
/// entry are written one after the other, their CRCs combined.
#[derive(Debug)]
pub struct Deflated {
    /// Raw deflate data, every part sync-flushed (none final).
    pub(super) data: Vec<u8>,
    pub(super) crc: crc32fast::Hasher,
    /// Uncompressed bytes.
    pub(super) len: u64,
}

/// Deflates `input` into data that ends on a byte: with the final block
/// when `last`, else after a sync flush (so that more deflate data can
/// follow it).
///
/// At level 2, where the rest of the package is at 3: the lists are most of
/// a national workbook's bytes and of its writing time. On the national
/// roster's BM04/BNV (272 MB of XML), level 3 took 0.92 s and gave 32.7 MB,
/// level 2 0.79–0.83 s and 35.8 MB, level 1 0.71–0.73 s and 48.7 MB.
pub(super) fn deflate(input: &[u8], last: bool) -> Result<Deflated, XlsxError> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    let mut c = Compress::new(Compression::new(2), false);
    let mut data = Vec::with_capacity(input.len() / 4 + 1024);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    loop {
        if data.capacity() - data.len() < 1024 {
            data.reserve(data.capacity().max(1 << 16));
        }
        let at = usize::try_from(c.total_in()).unwrap_or(usize::MAX);
        let status = c
            .compress_vec(&input[at.min(input.len())..], &mut data, flush)
            .map_err(|e| XlsxError::ParameterError(format!("deflate: {e}")))?;
        let consumed = usize::try_from(c.total_in()).is_ok_and(|n| n == input.len());
        let room_left = data.len() < data.capacity();
        match status {
            Status::StreamEnd => break,
            _ if !last && consumed && room_left => break,
            _ => {}
        }
    }
    // Kept until the workbook is saved: a tenth of the room reserved.
    data.shrink_to_fit();
    let mut crc = crc32fast::Hasher::new();
    crc.update(input);
    Ok(Deflated {
        data,
        crc,
        len: input.len() as u64,
    })
}
