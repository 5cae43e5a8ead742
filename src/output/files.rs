//! No output overwrites an input, and none is ever half-written: exclusive temporary file in the target folder, sync, rename.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Refuses to run when an output would overwrite an input, or two outputs
/// are one file: `inputs` are (path, what it is), `outputs` are (option,
/// path). Paths are compared as real files (links and hard links followed),
/// so `-o ./r.xlsx`, `-o link-to-r.xlsx` and `-o r.xlsx` are all `r.xlsx`.
pub fn refuse_overwrite(inputs: &[(&Path, &str)], outputs: &[(&'static str, &Path)]) -> Result<()> {
    use crate::ingest::FileId;
    let place = |p: &Path| resolve(p).ok();
    // One of our own outputs found among the inputs is never read (it is
    // passed over with a note), so writing it again destroys nothing.
    let out_ids: Vec<FileId> = outputs
        .iter()
        .filter_map(|(_, o)| FileId::of(o).ok())
        .collect();
    let mut taken: Vec<(Option<FileId>, Option<PathBuf>, String)> = Vec::new();
    for (p, what) in inputs {
        let id = FileId::of(p).ok();
        if id.as_ref().is_some_and(|i| out_ids.contains(i))
            && (crate::ingest::is_own_output(p) || is_issues_csv_file(p))
        {
            continue;
        }
        taken.push((id, place(p), format!("{what} {}", p.display())));
    }
    for (flag, out) in outputs {
        if out.is_dir() {
            return Err(Error::OutputIsInput {
                flag,
                output: out.to_path_buf(),
                what: "this is a folder, not a file".into(),
            });
        }
        // A device, pipe or socket (/dev/null, /dev/stdout) is not replaced
        // by a file: renaming over it would destroy it.
        if let Ok(meta) = std::fs::metadata(out)
            && !meta.is_file()
        {
            return Err(Error::OutputIsInput {
                flag,
                output: out.to_path_buf(),
                what: "this is not a regular file (a device, pipe or socket)".into(),
            });
        }
        let at = place(out);
        let id = at.as_deref().and_then(|a| FileId::of(a).ok());
        let clash = taken.iter().find(|(tid, tplace, _)| {
            (id.is_some() && *tid == id) || (at.is_some() && *tplace == at)
        });
        if let Some((_, _, what)) = clash {
            return Err(Error::OutputIsInput {
                flag,
                output: out.to_path_buf(),
                what: format!("this is the {what}"),
            });
        }
        taken.push((id, at, format!("output of {flag}")));
    }
    Ok(())
}

/// Where a path leads, as an absolute path without `.` or `..` and with
/// links resolved, also when its last parts do not exist yet: the longest
/// existing ancestor is resolved by the file system, the rest by name
/// (`nodir/../r.csv` is `r.csv`, whether `nodir` exists or not).
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    use std::path::Component;
    let absolute = std::path::absolute(path)?;
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    let mut real = loop {
        match std::fs::canonicalize(base) {
            Ok(r) => break r,
            Err(_) => {
                let Some(parent) = base.parent() else {
                    break PathBuf::from("/");
                };
                if let Some(name) = base.file_name() {
                    rest.push(name.to_os_string());
                } else {
                    // `..` or `.` at the end: resolved below by name.
                    rest.push(
                        base.components()
                            .next_back()
                            .map_or_else(std::ffi::OsString::new, |c| c.as_os_str().to_os_string()),
                    );
                }
                base = parent;
            }
        }
    };
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                real.pop();
            }
            Some(Component::CurDir) | None => {}
            Some(_) => {
                real.push(part);
                // A link among the new parts: follow it where it exists.
                if let Ok(r) = std::fs::canonicalize(&real) {
                    real = r;
                }
            }
        }
    }
    Ok(real)
}

/// What every temporary file of ours ends with.
pub(super) const TMP_SUFFIX: &str = ".nhanluc.tmp";

/// The folder a path's file lives in.
pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `path` safely: `write` fills a new temporary file created
/// exclusively (never through an existing name or link) in the same folder;
/// the file is synced, then renamed over `path`, and the folder synced. An
/// existing file is only ever replaced by a complete one; on failure the
/// temporary file is removed. Temporary files left by a killed run of ours
/// for the same output are removed first.
pub fn atomically(path: &Path, write: impl FnOnce(&mut File) -> Result<()>) -> Result<()> {
    let dir = folder_of(path);
    std::fs::create_dir_all(&dir).map_err(|e| write_error(path, e))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let prefix = format!(".{name}.{}.", std::process::id());
    remove_stale(&dir, name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TMP_SUFFIX);
    // Created readable as any new file would be (the umask applies), not
    // private to the owner as temporary files are.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(|e| write_error(path, e))?;
    // On failure `tmp` is dropped, which removes the file.
    write(tmp.as_file_mut())?;
    // A file replaced keeps its permissions.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.as_file().sync_all().map_err(|e| write_error(path, e))?;
    tmp.persist(path).map_err(|e| write_error(path, e.error))?;
    // Make the rename itself durable (not possible on every platform).
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes our temporary files for output `name` in `dir` whose run is over:
/// the process that made them is gone, or they are over a day old.
pub(super) fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let head = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let Some(middle) = n
            .strip_prefix(&head)
            .and_then(|rest| rest.strip_suffix(TMP_SUFFIX))
        else {
            continue;
        };
        // Regular files only (a planted link is not ours to follow or remove).
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let pid = middle.split('.').next().and_then(|p| p.parse::<u32>().ok());
        let gone = pid.is_some_and(|p| {
            p != std::process::id()
                && Path::new("/proc/self").exists()
                && !Path::new(&format!("/proc/{p}")).exists()
        });
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 24 * 3600);
        if gone || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The command line as outputs record it: every argument that names a path
/// outside the working folder cut to its file name ([`shown_path`]).
#[must_use]
pub fn shown_command_line(args: impl IntoIterator<Item = String>) -> String {
    args.into_iter()
        .enumerate()
        .map(|(i, a)| {
            if i == 0 {
                // The program itself: its name, not where it is installed.
                return shown_path(Path::new(&a))
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or("nhanluc")
                    .to_string();
            }
            // "--flag=/abs/path" keeps its flag.
            match a.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    format!("{flag}={}", shown_path(Path::new(value)))
                }
                _ => shown_path(Path::new(&a)),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
