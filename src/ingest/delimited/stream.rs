//! Large files read in parts straight from the file, as
//! [`read_in_parts`](super::parts::read_in_parts) reads their bytes: each
//! core reads its part through a window of whole lines it reuses, and the
//! digest is computed from the file beside them, so the file is never held
//! whole (its pages were half the memory the national roster's reading
//! touched).

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::{Digest, Sha256};

use super::parts::{HEAD_BYTES, Head, PartRead, Parts, cut_points, holds_replacement};
use super::rows::PartReader;
use super::scan::{physical_lines, quotes_close_on_their_lines};

/// Bytes a core reads at a time (whole lines of them are split).
pub(super) const WINDOW: usize = 4 << 20;

/// How a file is read in parts from the disk.
pub(super) struct Reading {
    /// Files smaller than this are not.
    pub(super) from: usize,
    /// Bytes a part's window holds.
    pub(super) window: usize,
    /// Parts, one per core.
    pub(super) parts: usize,
}

/// The file read in parts as [`read_in_parts`] reads its bytes; `None`
/// when it does not qualify, or could not be read through, or changed size
/// while read (it is then read as bytes, which says why). A file rewritten
/// in place at the same size while it is read is not noticed, as a file
/// rewritten between two reads of it is not.
///
/// A quoted line break or a stray quote found by any core stops all of
/// them, and so does any part that gives up. The digest, which runs through
/// the whole file about ten times faster than the parts, checks every
/// line's quotes as it goes: an Excel export with one Alt+Enter cell near
/// its end is left to the bytes within the digest's time (0.25 s on the
/// national roster), not after the parts have interned most of it.
///
/// [`read_in_parts`]: super::parts::read_in_parts
pub(super) fn read_file_in_parts(
    file: &File,
    size: u64,
    tsv: bool,
    how: &Reading,
) -> Option<Parts> {
    use rayon::prelude::*;
    let len = usize::try_from(size).ok()?;
    if len < how.from {
        return None;
    }
    let mut start = vec![0u8; len.min(HEAD_BYTES)];
    file.read_exact_at(&mut start, 0).ok()?;
    let head = Head::of(&start, len, tsv)?;
    let (skip, body_len) = (head.skip, len - head.skip);
    let cuts = cut_points(body_len, how.parts, |at| {
        next_line_feed(file, skip + at, len)
    });
    let pieces: Vec<(usize, usize)> = cuts
        .windows(2)
        .map(|w| (skip + w[0], w[1] - w[0]))
        .collect();
    let stop = AtomicBool::new(false);
    let (sha256, read) = rayon::join(
        || digest(file, len, &head, &stop),
        || {
            pieces
                .par_iter()
                .map(|&piece| read_piece(file, piece, head.delimiter, how.window, &stop))
                .collect::<Option<Vec<_>>>()
        },
    );
    // Nothing past the size it had: the file did not grow while read.
    if file.read_at(&mut [0u8; 1], size).ok()? > 0 {
        return None;
    }
    Parts::checked(read?, &head, body_len, sha256?)
}

/// The offset from `at` of the first line feed at or after it, reading
/// forward 64 kB at a time.
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

/// The SHA-256 of the file's `len` bytes, read 1 MB at a time; the quotes
/// of each line read are checked on the way, and `stop` is raised at a
/// line whose quotes do not close on it (the text from `head.skip` on, past
/// the byte-order mark), and when the file cannot be read. After a line
/// longer than the buffer, lines are no longer checked here (the parts
/// check their own).
fn digest(file: &File, len: usize, head: &Head, stop: &AtomicBool) -> Option<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let (mut at, mut held, mut checking) = (0, 0, true);
    let mut text_from = head.skip;
    while at < len {
        let n = (buf.len() - held).min(len - at);
        if file
            .read_exact_at(&mut buf[held..held + n], at as u64)
            .is_err()
        {
            stop.store(true, Ordering::Relaxed);
            return None;
        }
        hasher.update(&buf[held..held + n]);
        (at, held) = (at + n, held + n);
        let end = match memchr::memrchr(b'\n', &buf[..held]) {
            _ if at == len => held,
            Some(p) => p + 1,
            None => {
                checking = false;
                held
            }
        };
        let text = buf.get(text_from..end).unwrap_or_default();
        if checking && !quotes_close_on_their_lines(text, head.delimiter) {
            stop.store(true, Ordering::Relaxed);
            checking = false;
        }
        text_from = 0;
        buf.copy_within(end..held, 0);
        held -= end;
    }
    Some(super::super::hex(&hasher.finalize()))
}

/// Reads the piece of `n` bytes at `at` a window of whole lines at a time
/// (`window` bytes read at most). `None` where
/// [`read_in_parts`](super::parts::read_in_parts) gives none (a quote not
/// closing on its line, a value not UTF-8, a grid mostly padding), when a
/// window holds no line feed, when the file cannot be read, or as soon as
/// `stop` is raised (and this raises it).
fn read_piece(
    file: &File,
    (at, n): (usize, usize),
    delimiter: u8,
    window: usize,
    stop: &AtomicBool,
) -> Option<PartRead> {
    let mut reader = PartReader::new(n, delimiter);
    let mut buf = vec![0u8; window.min(n)];
    let (mut read, mut held) = (0, 0);
    let (mut lines, mut replaced) = (0u64, false);
    let give_up = || -> Option<PartRead> {
        stop.store(true, Ordering::Relaxed);
        None
    };
    while read < n || held > 0 {
        let want = (buf.len() - held).min(n - read);
        let into = &mut buf[held..held + want];
        if stop.load(Ordering::Relaxed) || file.read_exact_at(into, (at + read) as u64).is_err() {
            return give_up();
        }
        (read, held) = (read + want, held + want);
        // Whole lines only, but for the piece's last.
        let end = match memchr::memrchr(b'\n', &buf[..held]) {
            _ if read == n => held,
            Some(p) => p + 1,
            None => return give_up(),
        };
        let text = &buf[..end];
        if !quotes_close_on_their_lines(text, delimiter)
            || reader.feed(text).is_none()
            || reader.failed()
        {
            return give_up();
        }
        lines += physical_lines(text);
        replaced |= holds_replacement(text);
        buf.copy_within(end..held, 0);
        held -= end;
    }
    let (builder, split) = reader.finish()?;
    Some(PartRead {
        builder,
        split,
        lines,
        replaced,
    })
}
