//! What a path is when it is not a regular file: reading a FIFO or a device would block or
//! never end, so config, readings and `init` paths are checked before they are opened.

use std::path::Path;

use crate::values::problem::Said;

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A directory.
    Directory,
    /// A FIFO: reading it waits for a writer.
    Fifo,
    /// A character device (`/dev/null`, a terminal).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl Kind {
    /// The kind in English, as messages put it after "is": "a FIFO (named pipe)".
    pub(crate) fn english(self) -> &'static str {
        match self {
            Kind::Directory => "a directory",
            Kind::Fifo => "a FIFO (named pipe)",
            Kind::CharDevice => "a character device",
            Kind::BlockDevice => "a block device",
            Kind::Socket => "a socket",
            Kind::Other => "not a regular file",
        }
    }

    /// The kind as a translation selects on it: "directory", "fifo", …, "other".
    pub(crate) fn token(self) -> &'static str {
        match self {
            Kind::Directory => "directory",
            Kind::Fifo => "fifo",
            Kind::CharDevice => "char-device",
            Kind::BlockDevice => "block-device",
            Kind::Socket => "socket",
            Kind::Other => "other",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

/// What `path` is when it exists but is not a regular file, following symlinks, e.g. a FIFO;
/// `None` for a regular file or a path that does not exist.
pub(crate) fn kind_of(path: &Path) -> Option<Kind> {
    let meta = std::fs::metadata(path).ok()?;
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(Kind::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(Kind::Fifo);
        }
        if kind.is_char_device() {
            return Some(Kind::CharDevice);
        }
        if kind.is_block_device() {
            return Some(Kind::BlockDevice);
        }
        if kind.is_socket() {
            return Some(Kind::Socket);
        }
    }
    Some(Kind::Other)
}

/// `Err("<what> <path> is a FIFO (named pipe), not a file")` when `path` exists and is not a
/// regular file.
pub(crate) fn require_regular(path: &Path, what: &str) -> Result<(), String> {
    match kind_of(path) {
        None => Ok(()),
        Some(kind) => Err(format!("{what} {} is {kind}, not a file", path.display())),
    }
}

/// Replaces the file at `path` with `text` in one step: a new file written and synced beside
/// it, then renamed over it, so a crash leaves the old text or the new, never half. Refuses a
/// symlink at `path` (the rename would replace the link, and writing through it would change a
/// file elsewhere); the new file keeps the old one's permissions.
pub(crate) fn replace_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let meta = std::fs::symlink_metadata(path);
    if meta.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::other(format!(
            "{} is a symbolic link (to {}); dropwatch writes a file itself, never through a \
             link: name the file it points to",
            path.display(),
            std::fs::read_link(path)
                .unwrap_or_default()
                .display()
                .to_string()
                .replace(char::is_control, "?")
        )));
    }
    if let Some(kind) = kind_of(path) {
        return Err(std::io::Error::other(format!(
            "{} is {kind}, not a file",
            path.display()
        )));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut n = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        // `create_new` opens with O_EXCL: a link planted at this name fails it, never followed.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    };
    let written = (|| {
        file.write_all(text.as_bytes())?;
        if let Ok(m) = &meta {
            file.set_permissions(m.permissions())?;
        }
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// An exclusive hold on editing the file at `path`, through a hidden lock file beside it
/// (`.NAME.lock`, opened without following a link): two `add`s at once take turns, so
/// neither loses the other's event. Released when dropped.
pub(crate) struct EditLock(#[allow(dead_code, reason = "held for its lock")] std::fs::File);

impl EditLock {
    /// Waits up to `patience` for the lock, then says who to wait for.
    pub(crate) fn take(path: &Path, patience: std::time::Duration) -> Result<EditLock, Said> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let lock = dir.join(format!(".{name}.lock"));
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use rustix::fs::OFlags;
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
        }
        let shown = lock.display().to_string();
        let file = options.open(&lock).map_err(|e| {
            let why = e.to_string();
            Said::keyed(
                "problems-edit-lock-unusable",
                &[("lock", &shown), ("why", &why)],
                format!("cannot open the lock {shown}: {why}"),
            )
        })?;
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(EditLock(file)),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < patience => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    let path = path.display().to_string();
                    return Err(Said::keyed(
                        "problems-edit-busy",
                        &[("path", &path), ("lock", &shown)],
                        format!(
                            "another dropwatch is editing {path} (it holds {shown}); try again"
                        ),
                    ));
                }
                // The OS's words alone did not say which file: now they name the lock.
                Err(std::fs::TryLockError::Error(e)) => {
                    let why = e.to_string();
                    return Err(Said::keyed(
                        "problems-edit-lock-failed",
                        &[("lock", &shown), ("why", &why)],
                        format!("cannot lock {shown}: {why}"),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_a_path_is() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(kind_of(&file), None);
        assert_eq!(kind_of(&dir.path().join("missing")), None);
        assert_eq!(kind_of(dir.path()), Some(Kind::Directory));
        #[cfg(unix)]
        assert_eq!(kind_of(Path::new("/dev/null")), Some(Kind::CharDevice));
        let err = require_regular(dir.path(), "the config").unwrap_err();
        assert_eq!(
            err,
            format!(
                "the config {} is a directory, not a file",
                dir.path().display()
            )
        );
    }

    #[test]
    fn atomic_replacement_keeps_nothing_half_and_follows_no_link() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "old").unwrap();
        replace_atomically(&file, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        // Only the file: no temporary left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            let target = dir.path().join("elsewhere");
            std::fs::write(&target, "theirs").unwrap();
            let link = dir.path().join("link.toml");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            let err = replace_atomically(&link, "mine").unwrap_err();
            assert!(err.to_string().contains("symbolic link"), "{err}");
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "theirs");
        }
    }

    #[test]
    fn a_second_editor_waits_and_is_told_who_holds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let held = EditLock::take(&file, std::time::Duration::ZERO).unwrap();
        let err = EditLock::take(&file, std::time::Duration::ZERO)
            .err()
            .unwrap();
        assert!(err.to_string().contains("another dropwatch"), "{err}");
        drop(held);
        assert!(EditLock::take(&file, std::time::Duration::ZERO).is_ok());
    }
}
