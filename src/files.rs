//! What a path is when it is not a regular file: reading a FIFO or a device would block or
//! never end, so config, readings and `init` paths are checked before they are opened.

use std::path::Path;

/// What `path` is when it exists but is not a regular file, following symlinks, e.g.
/// "a FIFO (named pipe)"; `None` for a regular file or a path that does not exist.
pub(crate) fn kind_of(path: &Path) -> Option<&'static str> {
    let meta = std::fs::metadata(path).ok()?;
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// `Err("<what> <path> is a FIFO (named pipe), not a file")` when `path` exists and is not a
/// regular file.
pub(crate) fn require_regular(path: &Path, what: &str) -> Result<(), String> {
    match kind_of(path) {
        None => Ok(()),
        Some(kind) => Err(format!("{what} {} is {kind}, not a file", path.display())),
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
        assert_eq!(kind_of(dir.path()), Some("a directory"));
        #[cfg(unix)]
        assert_eq!(kind_of(Path::new("/dev/null")), Some("a character device"));
        let err = require_regular(dir.path(), "the config").unwrap_err();
        assert_eq!(
            err,
            format!(
                "the config {} is a directory, not a file",
                dir.path().display()
            )
        );
    }
}
