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

/// Deflates `input` at level 3 (as the rest of the package) into data that
/// ends on a byte: with the final block when `last`, else after a sync flush
/// (so that more deflate data can follow it).
pub(super) fn deflate(input: &[u8], last: bool) -> Result<Deflated, XlsxError> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    let mut c = Compress::new(Compression::new(3), false);
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
