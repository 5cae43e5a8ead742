//! A large file's SHA-256 computed on a thread of its own at the lowest
//! priority, so that it takes the cores only when reading, cleaning and
//! identifying people leave one idle (their serial passes), not while both
//! are splitting and interning the file.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// A file's digest being computed; [`finish`](Self::finish) waits for it.
/// Dropped unfinished (the file was read another way, or loading failed),
/// its thread stops at its next megabyte.
#[derive(Debug)]
pub struct LaterDigest {
    path: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<Option<String>>>,
}

impl LaterDigest {
    /// Starts digesting the file open as `file` (a handle of its own: the
    /// parts read with offsets, never moving the shared position), which
    /// was `len` bytes long when its reading began.
    pub(crate) fn start(path: &Path, file: File, len: u64) -> LaterDigest {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("digest".into())
            .spawn(move || {
                lowest_priority();
                digest(file, len, &flag)
            })
            .ok();
        LaterDigest {
            path: path.to_path_buf(),
            stop,
            thread,
        }
    }

    /// The digest, lowercase hex. When its thread could not run or read the
    /// file through, or found it longer than when its reading began, the
    /// file is digested again here (an error naming the file when it cannot
    /// be read now).
    pub fn finish(mut self) -> Result<String> {
        let done = self.thread.take().and_then(|t| t.join().ok().flatten());
        match done {
            Some(hex) => Ok(hex),
            None => {
                let read = |e| Error::Read {
                    path: self.path.clone(),
                    source: e,
                };
                let mut file = File::open(&self.path).map_err(read)?;
                let mut hasher = Sha256::new();
                std::io::copy(&mut file, &mut hasher).map_err(read)?;
                Ok(super::hex(&hasher.finalize()))
            }
        }
    }
}

impl Drop for LaterDigest {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The SHA-256 of the file's bytes, read a megabyte at a time; `None` when
/// it cannot be read, is not `len` bytes long, or `stop` is raised.
fn digest(mut file: File, len: u64, stop: &AtomicBool) -> Option<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut read = 0u64;
    loop {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        hasher.update(&buf[..n]);
        read += n as u64;
    }
    (read == len).then(|| super::hex(&hasher.finalize()))
}

/// Lowers the calling thread to the lowest priority (nice 19): on Linux
/// each thread has its own nice value. Elsewhere, and where refused, the
/// thread keeps the process's priority (the digest is then computed as
/// before, sharing the cores evenly).
fn lowest_priority() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SHA-256 of "abc" (FIPS 180-2, appendix B.1).
    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    /// "abc" written to a file, its digest started as if its reading had
    /// begun when it was `len` bytes long.
    fn started(len: u64) -> (tempfile::TempDir, PathBuf, LaterDigest) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("roster.csv");
        std::fs::write(&path, "abc").expect("written");
        let file = File::open(&path).expect("opened");
        let later = LaterDigest::start(&path, file, len);
        (dir, path, later)
    }

    #[cfg(unix)]
    #[test]
    fn the_thread_digests_the_file() {
        // Removed once open: only the thread's handle can still read it (a
        // digest made again from the path would fail).
        let (_dir, path, later) = started(3);
        std::fs::remove_file(&path).expect("removed");
        assert_eq!(later.finish().expect("digest"), ABC);
    }

    #[test]
    fn a_file_of_another_length_is_digested_again_as_it_is_now() {
        // Two bytes when its reading began: the thread's digest of three is
        // not taken; the file is read again.
        let (_dir, _, later) = started(2);
        assert_eq!(later.finish().expect("digest"), ABC);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_gone_when_read_again_is_an_error_naming_it() {
        let (_dir, path, later) = started(2);
        std::fs::remove_file(&path).expect("removed");
        let err = later.finish().expect_err("no file to read again");
        assert!(
            matches!(&err, Error::Read { path: p, .. } if p == &path),
            "{err:?}"
        );
    }
}
