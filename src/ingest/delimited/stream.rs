//! Large files read in parts straight from the file, as
//! [`read_in_parts`](super::parts::read_in_parts) reads their bytes: each
//! core reads its part through a window of whole lines it reuses, and the
//! quotes of every line are checked beside them, so the file is never held
//! whole (its pages were half the memory the national roster's reading
//! touched). Its digest is computed from the file on a thread of its own,
//! at the lowest priority ([`LaterDigest`]).
//!
//! [`LaterDigest`]: crate::ingest::LaterDigest

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicBool, Ordering};

use super::parts::{HEAD_BYTES, Head, PartRead, Parts, Sha, cut_points, holds_replacement};
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
/// them, and so does any part that gives up. One core first runs through
/// the whole file checking every line's quotes, about twenty times faster
/// than the parts: an Excel export with one Alt+Enter cell near its end is
/// left to the bytes within that check's time (0.15 s on the national
/// roster), not after the parts have interned most of it. The digest is
/// started here and left running when the parts are returned.
///
/// [`read_in_parts`]: super::parts::read_in_parts
pub(super) fn read_file_in_parts(
    path: &std::path::Path,
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
    let cuts = cut_points(body_len, how.parts, |at, n| {
        nth_line_feed(file, skip + at, len, n)
    });
    let pieces: Vec<(usize, usize)> = cuts
        .windows(2)
        .map(|w| (skip + w[0], w[1] - w[0]))
        .collect();
    let later = crate::ingest::LaterDigest::start(path, file.try_clone().ok()?, size);
    let stop = AtomicBool::new(false);
    let (quotes, read) = rayon::join(
        || check_quotes(file, len, &head, &stop),
        || {
            pieces
                .par_iter()
                .enumerate()
                .map(|(i, &piece)| {
                    // The first part's builder takes the others' rows.
                    let room = if i == 0 { body_len } else { piece.1 };
                    read_piece(file, piece, room, head.delimiter, how.window, &stop)
                })
                .collect::<Option<Vec<_>>>()
        },
    );
    // Nothing past the size it had: the file did not grow while read.
    if file.read_at(&mut [0u8; 1], size).ok()? > 0 {
        return None;
    }
    quotes?;
    Parts::checked(read?, &head, body_len, Sha::Later(later))
}

/// The offset from `at` of the `n`-th line feed (from 1) at or after it,
/// reading forward 64 kB at a time.
fn nth_line_feed(file: &File, at: usize, len: usize, n: usize) -> Option<usize> {
    let mut buf = vec![0u8; 1 << 16];
    let (mut from, mut left) = (at, n);
    while from < len {
        let k = buf.len().min(len - from);
        file.read_exact_at(&mut buf[..k], from as u64).ok()?;
        for p in memchr::memchr_iter(b'\n', &buf[..k]) {
            left -= 1;
            if left == 0 {
                return Some(from + p - at);
            }
        }
        from += k;
    }
    None
}

/// Reads the `n` bytes at `at` through a buffer of `size` bytes, handing
/// each window's whole lines to `each` while it returns true (up to the
/// last line feed, or all that is held at the end; `None` when a full
/// window holds no line feed, its bytes then dropped); `false` when the
/// file could not be read through or `each` stopped.
fn read_lines(
    file: &File,
    (at, n): (usize, usize),
    size: usize,
    mut each: impl FnMut(Option<&[u8]>) -> bool,
) -> bool {
    let mut buf = vec![0u8; size.min(n)];
    let (mut read, mut held) = (0, 0);
    while read < n || held > 0 {
        let fresh = held..(held + (buf.len() - held).min(n - read));
        if file
            .read_exact_at(&mut buf[fresh.clone()], (at + read) as u64)
            .is_err()
        {
            return false;
        }
        (read, held) = (read + fresh.len(), fresh.end);
        let end = match memchr::memrchr(b'\n', &buf[..held]) {
            _ if read == n => Some(held),
            found => found.map(|p| p + 1),
        };
        if !each(end.map(|e| &buf[..e])) {
            return false;
        }
        let end = end.unwrap_or(held);
        buf.copy_within(end..held, 0);
        held -= end;
    }
    true
}

/// Checks the quotes of the file's `len` bytes, read 1 MB at a time:
/// `stop` is raised at a line whose quotes do not close on it (the text
/// from `head.skip` on, past the byte-order mark), and when the file cannot
/// be read (`None`), and reading stops there. After a line longer than the
/// buffer, lines are no longer checked here (the parts check their own).
fn check_quotes(file: &File, len: usize, head: &Head, stop: &AtomicBool) -> Option<()> {
    let (mut checking, mut text_from) = (true, head.skip);
    let read = read_lines(file, (0, len), 1 << 20, |lines| {
        let text = lines.map(|l| l.get(text_from..).unwrap_or_default());
        match text {
            _ if !checking => {}
            Some(t) if !quotes_close_on_their_lines(t, head.delimiter) => {
                stop.store(true, Ordering::Relaxed);
                checking = false;
            }
            Some(_) => {}
            // A line longer than the buffer: left to the parts.
            None => checking = false,
        }
        text_from = 0;
        checking && !stop.load(Ordering::Relaxed)
    });
    // Stopped while checking: the file could not be read, or a part gave up.
    if !read && checking {
        stop.store(true, Ordering::Relaxed);
        return None;
    }
    Some(())
}

/// Reads the piece of `n` bytes at `at` a window of whole lines at a time
/// (`window` bytes read at most), into a builder that will hold the rows
/// of `room` bytes (see [`PartReader::new`]). `None` where
/// [`read_in_parts`](super::parts::read_in_parts) gives none (a quote not
/// closing on its line, which splitting finds, a value not UTF-8, a grid
/// mostly padding), when a window holds no line feed, when the file cannot
/// be read, or as soon as `stop` is raised (and this raises it).
fn read_piece(
    file: &File,
    piece: (usize, usize),
    room: usize,
    delimiter: u8,
    window: usize,
    stop: &AtomicBool,
) -> Option<PartRead> {
    let mut reader = PartReader::new(piece.1, room, delimiter);
    let (mut lines, mut replaced) = (0u64, false);
    let read = read_lines(file, piece, window, |held| {
        let Some(text) = held.filter(|_| !stop.load(Ordering::Relaxed)) else {
            return false;
        };
        lines += physical_lines(text);
        replaced |= holds_replacement(text);
        reader.feed(text).is_some() && !reader.failed()
    });
    if !read {
        stop.store(true, Ordering::Relaxed);
        return None;
    }
    let (builder, split) = reader.finish()?;
    Some(PartRead {
        builder,
        split,
        lines,
        replaced,
    })
}
