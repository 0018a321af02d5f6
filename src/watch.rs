//! The file watcher: notify on the config's (and readings') parent directory, non-recursive,
//! filtered to our file names, so editors that save by writing a new file and renaming it over
//! the old one, or that delete and re-create it, are seen like an in-place write.
//!
//! Bursts (truncate, write, rename) are debounced on a thread of our own that blocks while
//! nothing happens: a debouncer crate that ticks on a timer would wake the process when idle.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::event::Event;

/// Quiet time after the last change before a reload: long enough to cover an editor's burst,
/// short enough to stay well inside the 250 ms budget.
pub const DEBOUNCE: Duration = Duration::from_millis(40);

/// Owns the OS watch; dropping it stops watching.
pub struct Watcher {
    _inner: RecommendedWatcher,
}

/// Watches `files` and sends one [`Event::FileChanged`] per burst of changes to any of them.
pub fn spawn(files: &[PathBuf], tx: Sender<Event>) -> notify::Result<Watcher> {
    let names: HashSet<OsString> = files
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_os_string()))
        .collect();
    let dirs: HashSet<PathBuf> = files.iter().map(|f| parent(f)).collect();
    let (raw_tx, raw_rx) = mpsc::channel::<()>();
    let mut inner = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if event.need_rescan()
            || event
                .paths
                .iter()
                .any(|p| p.file_name().is_some_and(|n| names.contains(n)))
        {
            let _ = raw_tx.send(());
        }
    })?;
    for dir in &dirs {
        inner.watch(dir, RecursiveMode::NonRecursive)?;
    }
    thread::spawn(move || {
        // Block until a change, then wait for a quiet spell before saying so once.
        while raw_rx.recv().is_ok() {
            loop {
                match raw_rx.recv_timeout(DEBOUNCE) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if tx.send(Event::FileChanged).is_err() {
                return;
            }
        }
    });
    Ok(Watcher { _inner: inner })
}

/// The directory to watch for `file`: its parent, or `.` for a bare file name.
fn parent(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn wait(rx: &mpsc::Receiver<Event>) -> bool {
        matches!(
            rx.recv_timeout(Duration::from_secs(5)),
            Ok(Event::FileChanged)
        )
    }

    #[test]
    fn sees_writes_renames_and_recreation_but_not_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("fan.toml");
        std::fs::write(&config, "a").unwrap();
        let (tx, rx) = mpsc::channel();
        let _w = spawn(std::slice::from_ref(&config), tx).unwrap();

        std::fs::write(&config, "b").unwrap();
        assert!(wait(&rx), "in-place write");

        let tmp = dir.path().join(".fan.toml.swp");
        std::fs::write(&tmp, "c").unwrap();
        std::fs::rename(&tmp, &config).unwrap();
        assert!(wait(&rx), "write and rename");

        std::fs::remove_file(&config).unwrap();
        assert!(wait(&rx), "delete");
        std::fs::write(&config, "d").unwrap();
        assert!(wait(&rx), "re-create");

        // Another file in the same directory is not ours. (First let any straggler of the
        // bursts above arrive, so it is not taken for a reaction to this one.)
        std::thread::sleep(Duration::from_millis(200));
        while rx.try_recv().is_ok() {}
        let start = Instant::now();
        std::fs::write(dir.path().join("other.txt"), "x").unwrap();
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
        assert!(start.elapsed() >= Duration::from_millis(300));
    }

    #[test]
    fn bare_names_watch_the_current_directory() {
        assert_eq!(parent(Path::new("dropwatch.toml")), PathBuf::from("."));
        assert_eq!(parent(Path::new("/x/y.toml")), PathBuf::from("/x"));
    }
}
