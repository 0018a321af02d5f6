//! The file watcher: notify on the config's (and readings') parent directory, non-recursive,
//! filtered to our file names, so editors that save by writing a new file and renaming it over
//! the old one, or that delete and re-create it, are seen like an in-place write. A file
//! reached through a symlink is watched in its target's directory too, re-resolved after every
//! change so a repointed link is followed.
//!
//! Bursts (truncate, write, rename) are debounced on a thread of our own that blocks while
//! nothing happens: a debouncer crate that ticks on a timer would wake the process when idle.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::app::Event;

/// Quiet time after the last change before a reload: long enough to cover an editor's burst,
/// short enough to stay well inside the 250 ms budget.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(40);

/// Owns the OS watch; dropping it stops watching.
pub(crate) struct Watcher {
    _inner: Arc<Mutex<RecommendedWatcher>>,
}

/// What to watch for the files as their symlinks resolve now: the file names that matter and
/// the directories they are in. A file reached through a symlink is watched twice: in the
/// link's directory (the link repointed) and in its target's (the target saved).
#[derive(Debug, Default, PartialEq, Eq)]
struct Targets {
    names: HashSet<OsString>,
    dirs: HashSet<PathBuf>,
}

impl Targets {
    fn resolve(files: &[PathBuf]) -> Targets {
        let mut t = Targets::default();
        for file in files {
            t.names.extend(file.file_name().map(|n| n.to_os_string()));
            let dir = parent(file);
            let Ok(real) = std::fs::canonicalize(file) else {
                t.dirs.insert(dir);
                continue;
            };
            t.names.extend(real.file_name().map(|n| n.to_os_string()));
            let real_dir = parent(&real);
            // One directory under two spellings would be one OS watch reported twice.
            if !std::fs::canonicalize(&dir).is_ok_and(|d| d == real_dir) {
                t.dirs.insert(real_dir);
            }
            t.dirs.insert(dir);
        }
        t
    }
}

/// Watches `files` and sends one [`Event::FileChanged`] per burst of changes to any of them,
/// following symlinks to their targets and to new targets when a link is repointed.
pub(crate) fn spawn(files: &[PathBuf], tx: Sender<Event>) -> notify::Result<Watcher> {
    let files = files.to_vec();
    let targets = Targets::resolve(&files);
    let names = Arc::new(Mutex::new(targets.names.clone()));
    let (raw_tx, raw_rx) = mpsc::channel::<()>();
    let filter = Arc::clone(&names);
    let mut inner = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if matters(
            &event,
            &filter.lock().unwrap_or_else(PoisonError::into_inner),
        ) {
            let _ = raw_tx.send(());
        }
    })?;
    for dir in &targets.dirs {
        inner.watch(dir, RecursiveMode::NonRecursive)?;
    }
    let inner = Arc::new(Mutex::new(inner));
    // Weak, so dropping the Watcher drops the OS watch, which ends this thread.
    let weak = Arc::downgrade(&inner);
    let mut watched = targets.dirs;
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
            // A repointed link: watch its new target before saying so, so the next save of
            // the new target is seen. (Here, not in the callback: adding a watch from inside
            // notify's own thread would wait on itself.)
            let now = Targets::resolve(&files);
            *names.lock().unwrap_or_else(PoisonError::into_inner) = now.names;
            let Some(inner) = weak.upgrade() else { return };
            for dir in now.dirs.difference(&watched) {
                let mut inner = inner.lock().unwrap_or_else(PoisonError::into_inner);
                // A directory that cannot be watched leaves `r` to reload by hand.
                let _ = inner.watch(dir, RecursiveMode::NonRecursive);
            }
            drop(inner);
            watched.extend(now.dirs);
            if tx.send(Event::FileChanged).is_err() {
                return;
            }
        }
    });
    Ok(Watcher { _inner: inner })
}

/// Whether `event` may change one of our files (by name, in a watched directory).
fn matters(event: &notify::Event, names: &HashSet<OsString>) -> bool {
    // Opening or reading a file is no change: our own reload opens the config, and taking
    // that for a save would reload it again, 25 times a second, for ever.
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return false;
    }
    event.need_rescan()
        || event
            .paths
            .iter()
            .any(|p| p.file_name().is_some_and(|n| names.contains(n)))
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

    fn wait(rx: &mpsc::Receiver<Event>) -> bool {
        matches!(
            rx.recv_timeout(Duration::from_secs(5)),
            Ok(Event::FileChanged)
        )
    }

    #[test]
    fn sees_writes_renames_and_recreation() {
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
    }

    #[test]
    fn other_files_and_reads_are_no_change() {
        use notify::event::{AccessKind, CreateKind, EventKind, ModifyKind};
        let names: HashSet<OsString> = [OsString::from("fan.toml")].into();
        let event = |kind, path: &str| notify::Event::new(kind).add_path(PathBuf::from(path));
        let write = EventKind::Modify(ModifyKind::Any);
        assert!(matters(&event(write, "/d/fan.toml"), &names));
        assert!(matters(
            &event(EventKind::Create(CreateKind::File), "/d/fan.toml"),
            &names
        ));
        // Another file in the same directory is not ours.
        assert!(!matters(&event(write, "/d/other.txt"), &names));
        // Reading our own file, as a reload does, is no change.
        let read = EventKind::Access(AccessKind::Any);
        assert!(!matters(&event(read, "/d/fan.toml"), &names));
        // The OS lost track: look again.
        let rescan = notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(matters(&rescan, &names));
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_symlink_to_its_target_and_to_a_new_target() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let (links, first, second) = (
            dir.path().join("links"),
            dir.path().join("first"),
            dir.path().join("second"),
        );
        for d in [&links, &first, &second] {
            std::fs::create_dir(d).unwrap();
        }
        let target = first.join("real.toml");
        std::fs::write(&target, "a").unwrap();
        let config = links.join("fan.toml");
        symlink(&target, &config).unwrap();
        let (tx, rx) = mpsc::channel();
        let _w = spawn(std::slice::from_ref(&config), tx).unwrap();

        std::fs::write(&target, "b").unwrap();
        assert!(wait(&rx), "target written in place");

        let tmp = first.join("real.toml~");
        std::fs::write(&tmp, "c").unwrap();
        std::fs::rename(&tmp, &target).unwrap();
        assert!(wait(&rx), "target replaced by rename");

        // Repointed, the way `ln -sfn` does it: a new link renamed over the old.
        let other = second.join("other.toml");
        std::fs::write(&other, "d").unwrap();
        let new_link = links.join("fan.toml.new");
        symlink(&other, &new_link).unwrap();
        std::fs::rename(&new_link, &config).unwrap();
        assert!(wait(&rx), "link repointed");

        std::fs::write(&other, "e").unwrap();
        assert!(wait(&rx), "new target written in place");
    }

    #[test]
    fn a_plain_file_is_watched_once() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("fan.toml");
        std::fs::write(&config, "a").unwrap();
        let t = Targets::resolve(std::slice::from_ref(&config));
        assert_eq!(t.dirs.len(), 1, "{t:?}");
    }

    #[test]
    fn bare_names_watch_the_current_directory() {
        assert_eq!(parent(Path::new("dropwatch.toml")), PathBuf::from("."));
        assert_eq!(parent(Path::new("/x/y.toml")), PathBuf::from("/x"));
    }
}
