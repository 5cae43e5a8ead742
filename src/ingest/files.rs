//! Listing the roster files under the given paths: folders in sorted order,
//! every real file once, and what was passed over and why.

use std::path::{Path, PathBuf};

use super::{TEXT_EXT, WORKBOOK_EXT};
use crate::error::{Error, Result};

/// The roster files among the inputs, and what was passed over.
#[derive(Debug, Default)]
pub struct Listing {
    /// Files to read, each real file once, in order.
    pub files: Vec<PathBuf>,
    /// Paths not read, with the reason (noted in the data issues).
    pub passed_over: Vec<(PathBuf, PassedOver)>,
}

/// Why a path found among the inputs was not read.
#[derive(Debug, Clone)]
pub enum PassedOver {
    /// A hidden file or an Excel lock file ("~$…") with a roster's extension.
    Hidden,
    /// A roster's name on something that is not a file: a broken link, a
    /// pipe, a device.
    NotAFile,
    /// The same file (or folder) was already reached by another path: a
    /// link, a hard link, or the same path given twice.
    ReachedTwice {
        /// The path it was first read under.
        first: PathBuf,
    },
}

/// A file's identity: the same real file has the same id whatever the path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FileId {
    /// Device and inode.
    Inode(u64, u64),
    /// The canonical path, where inodes are not available.
    Path(PathBuf),
}

impl FileId {
    /// The id of an existing file or folder (links followed).
    pub fn of(path: &Path) -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path)?;
            Ok(FileId::Inode(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            Ok(FileId::Path(std::fs::canonicalize(path)?))
        }
    }
}

/// Lists roster files: a file is taken as given, a folder means every roster
/// file under it, in sorted order. Links are followed, but every real file
/// and folder is visited once: a link back up the tree ends there.
pub fn list_files(paths: &[PathBuf]) -> Result<Listing> {
    let mut listing = Listing::default();
    let mut seen: hashbrown::HashMap<FileId, PathBuf> = hashbrown::HashMap::new();
    for p in paths {
        let mut found = Vec::new();
        if p.is_dir() {
            let id = FileId::of(p).map_err(|source| Error::Read {
                path: p.clone(),
                source,
            })?;
            if let Some(first) = seen.get(&id) {
                listing.passed_over.push((
                    p.clone(),
                    PassedOver::ReachedTwice {
                        first: first.clone(),
                    },
                ));
                continue;
            }
            seen.insert(id, p.clone());
            walk(p, &mut found, &mut seen, &mut listing.passed_over)?;
            found.sort();
        } else if p.is_file() {
            found.push(p.clone());
        } else {
            return Err(Error::NotFound { path: p.clone() });
        }
        for f in found {
            let id = FileId::of(&f).map_err(|source| Error::Read {
                path: f.clone(),
                source,
            })?;
            match seen.entry(id) {
                hashbrown::hash_map::Entry::Occupied(e) => listing.passed_over.push((
                    f,
                    PassedOver::ReachedTwice {
                        first: e.get().clone(),
                    },
                )),
                hashbrown::hash_map::Entry::Vacant(e) => {
                    e.insert(f.clone());
                    listing.files.push(f);
                }
            }
        }
    }
    if listing.files.is_empty() {
        return Err(Error::NoInputFiles {
            paths: paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(listing)
}

fn is_roster_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.') && !name.starts_with("~$") && has_roster_extension(p)
}

fn has_roster_extension(p: &Path) -> bool {
    extension(p)
        .is_some_and(|e| WORKBOOK_EXT.contains(&e.as_str()) || TEXT_EXT.contains(&e.as_str()))
}

/// Whether a path names a delimited-text file (csv, tsv, txt).
#[must_use]
pub fn is_text_file(p: &Path) -> bool {
    extension(p).is_some_and(|e| TEXT_EXT.contains(&e.as_str()))
}

pub(super) fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Collects roster files under `dir`; folders (also through links) are
/// entered once each, by their real identity.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut hashbrown::HashMap<FileId, PathBuf>,
    passed_over: &mut Vec<(PathBuf, PassedOver)>,
) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        // `is_dir` follows links; a broken link is neither and is passed by.
        if path.is_dir() {
            if hidden {
                continue;
            }
            let Ok(id) = FileId::of(&path) else { continue };
            if let Some(first) = seen.get(&id) {
                passed_over.push((
                    path,
                    PassedOver::ReachedTwice {
                        first: first.clone(),
                    },
                ));
                continue;
            }
            seen.insert(id, path.clone());
            walk(&path, out, seen, passed_over)?;
        } else if path.is_file() && is_roster_file(&path) {
            out.push(path);
        } else if path.is_file() && has_roster_extension(&path) {
            passed_over.push((path, PassedOver::Hidden));
        } else if !path.is_file() && has_roster_extension(&path) {
            // A broken link, a pipe or a device: never read, but said.
            passed_over.push((path, PassedOver::NotAFile));
        }
    }
    Ok(())
}
