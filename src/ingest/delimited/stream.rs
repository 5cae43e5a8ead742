//! Large files read in parts straight from the file, as
//! [`read_in_parts`](super::parts::read_in_parts) reads their bytes: each
//! core reads its part through a window of whole lines it reuses, and the
//! digest is computed from the file beside them, so the file is never held
//! whole (its pages were half the memory the national roster's reading
//! touched).

use std::fs::File;
use std::os::unix::fs::FileExt;

use sha2::{Digest, Sha256};

use super::SheetBuilder;
use super::parts::{HEAD_BYTES, Head, Parts, cut_points, holds_replacement};
use super::rows::PartReader;
use super::scan::{physical_lines, quotes_close_on_their_lines};
use super::split::Split;

/// Bytes a core reads at a time (whole lines of them are split).
pub(super) const WINDOW: usize = 4 << 20;

/// The file read in parts, one per core, as [`read_in_parts`] reads its
/// bytes, `window` bytes at a time; `None` when it does not qualify, or
/// could not be read whole and unchanged (it is then read as bytes, which
/// says why).
///
/// [`read_in_parts`]: super::parts::read_in_parts
pub(super) fn read_file_in_parts(
    file: &File,
    size: u64,
    tsv: bool,
    (from, window): (usize, usize),
) -> Option<Parts> {
    use rayon::prelude::*;
    let len = usize::try_from(size).ok()?;
    if len < from {
        return None;
    }
    let mut start = vec![0u8; len.min(HEAD_BYTES)];
    file.read_exact_at(&mut start, 0).ok()?;
    let head = Head::of(&start, len, tsv)?;
    let (skip, body_len) = (head.skip, len - head.skip);
    let cuts = cut_points(body_len, rayon::current_num_threads(), |at| {
        next_line_feed(file, skip + at, len)
    });
    let pieces: Vec<(usize, usize)> = cuts
        .windows(2)
        .map(|w| (skip + w[0], w[1] - w[0]))
        .collect();
    let (sha256, read) = rayon::join(
        || digest(file, len),
        || {
            pieces
                .par_iter()
                .map(|&(at, n)| read_piece(file, (at, n), head.delimiter, window))
                .collect::<Option<Vec<_>>>()
        },
    );
    // Nothing past the size it had: the file did not grow while read.
    if file.read_at(&mut [0u8; 1], size).ok()? > 0 {
        return None;
    }
    head.parts(read?, body_len, sha256?)
}

/// The offset from `at` of the first line feed at or after it, reading
/// forward a window at a time.
fn next_line_feed(file: &File, at: usize, len: usize) -> Option<usize> {
    let mut buf = vec![0u8; 1 << 16];
    let mut from = at;
    while from < len {
        let n = buf.len().min(len - from);
        file.read_exact_at(&mut buf[..n], from as u64).ok()?;
        if let Some(p) = memchr::memchr(b'\n', &buf[..n]) {
            return Some(from + p - at);
        }
        from += n;
    }
    None
}

/// The SHA-256 of the file's `len` bytes, read a window at a time.
fn digest(file: &File, len: usize) -> Option<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut at = 0;
    while at < len {
        let n = buf.len().min(len - at);
        file.read_exact_at(&mut buf[..n], at as u64).ok()?;
        hasher.update(&buf[..n]);
        at += n;
    }
    Some(super::super::hex(&hasher.finalize()))
}

/// Reads the piece of `n` bytes at `at` a window of whole lines at a time
/// (`window` bytes read at most):
/// its rows, how it split, its lines, whether it holds U+FFFD. `None` where
/// [`read_in_parts`](super::parts::read_in_parts) gives none (a quote not
/// closing on its line, a value not UTF-8, a grid mostly padding), when a
/// window holds no line feed, or when the file cannot be read.
fn read_piece(
    file: &File,
    (at, n): (usize, usize),
    delimiter: u8,
    window: usize,
) -> Option<(SheetBuilder, Split, u64, bool)> {
    let mut reader = PartReader::new(n, delimiter);
    let mut buf = vec![0u8; window.min(n)];
    let (mut read, mut held) = (0, 0);
    let (mut lines, mut replaced) = (0u64, false);
    while read < n || held > 0 {
        let want = (buf.len() - held).min(n - read);
        file.read_exact_at(&mut buf[held..held + want], (at + read) as u64)
            .ok()?;
        (read, held) = (read + want, held + want);
        // Whole lines only, but for the piece's last.
        let end = if read == n {
            held
        } else {
            memchr::memrchr(b'\n', &buf[..held])? + 1
        };
        let text = &buf[..end];
        if !quotes_close_on_their_lines(text, delimiter) {
            return None;
        }
        lines += physical_lines(text);
        replaced |= holds_replacement(text);
        reader.feed(text)?;
        buf.copy_within(end..held, 0);
        held -= end;
    }
    let (builder, split) = reader.finish()?;
    Some((builder, split, lines, replaced))
}
