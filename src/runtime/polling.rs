//! Who polls a config's count sources and who runs its hooks. The dashboard, `bar` and
//! `record` can run on the same config at once; only one of them polls, so that no count is
//! read twice: the first to take an advisory lock on `<stem>.poll.lock` beside the readings
//! file (and likewise `<stem>.hooks.lock` for the hooks). The others show what arrives through
//! the readings file, which they watch anyway, and take over when the first one quits.

use std::fs::File;
use std::io::{ErrorKind, Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::sources::{self, PollResult, Poller};

pub(crate) use crate::readings::poll::Key;

/// What this process does about the config's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// No stream has a source.
    Idle,
    /// This process polls them.
    Polling,
    /// Another process holds the lock and polls; it says who.
    Watching(String),
}

/// The sources being polled, and the lock that makes this process the poller.
pub(crate) struct Polling {
    /// Polling, watching another poller, or nothing to poll.
    pub(crate) role: Role,
    lock: Option<File>,
    poller: Option<Poller>,
    /// Why this process polls without the lock, to say once.
    pub(crate) warning: Option<Unusable>,
}

impl Polling {
    /// Nothing polled.
    pub(crate) fn idle() -> Polling {
        Polling {
            role: Role::Idle,
            lock: None,
            poller: None,
            warning: None,
        }
    }
}

/// The lock file `<stem>.<what>.lock` beside the config's readings, if it has a file.
fn lock_path(config: &Config, what: &str) -> Option<PathBuf> {
    let readings = config.source.readings_path()?;
    let name = readings
        .file_name()?
        .to_string_lossy()
        .replace(".readings.csv", &format!(".{what}.lock"));
    Some(readings.with_file_name(name))
}

/// What came of trying for a lock file.
#[derive(Debug)]
pub(crate) enum Lock {
    /// This process holds it for as long as the file is kept (`None`: the embedded default,
    /// nothing to share).
    Held(Option<File>),
    /// Another process holds it; it says who ("record (pid 4242)").
    Busy(String),
    /// The lock file cannot be used (a symlink, a directory, another user's unreadable file).
    Unusable(Unusable),
}

/// A lock file that cannot be used: which, why, and what to do about it. The process goes on
/// without the lock, since the locks only keep two processes from doing the same work: the
/// readings file takes every append whole, so a count polled twice is two equal readings,
/// where no polling at all would lose every count (and no hooks every page) without a word.
/// `notices` words it in the fan's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unusable {
    pub(super) path: PathBuf,
    pub(super) why: Why,
}

/// Why a lock file cannot be used; each has its fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    /// It is no regular file: what it is, as `files::kind_of` says.
    Kind(crate::files::Kind),
    /// It has other names (a hard link), so it is some other file too.
    HardLink,
    /// A symbolic link, to this target (control characters shown as "?").
    Symlink(String),
    /// Another user's file this one may not open: the OS's error, and the owner's uid.
    Denied {
        /// The OS's error text.
        error: String,
        /// The owner, where it can be told.
        owner: Option<u32>,
    },
    /// Any other error opening it, as the OS says.
    Other(String),
}

/// Hooks run once per event, not once per process: of the dashboard, `bar` and `record` open
/// on one config, the first to take `<stem>.hooks.lock` runs them.
pub(crate) fn hooks_lock(config: &Config, who: &str) -> Lock {
    match lock_path(config, "hooks") {
        None => Lock::Held(None),
        Some(path) => take_lock(&path, who),
    }
}

/// The config's sources by stream key, to notice a reload that changes them.
pub(crate) fn sources(config: &Config) -> Vec<(Key, crate::config::SourceSpec)> {
    config
        .streams
        .iter()
        .filter_map(|s| Some(((s.event.clone(), s.platform.clone()), s.source.clone()?)))
        .collect()
}

/// Starts polling `config`'s sources as `who` ("the dashboard", "record"), handing each result
/// to `on_result` on the poller's thread, unless another process already polls them.
pub(crate) fn start(
    config: &Config,
    who: &str,
    on_result: impl Fn(PollResult<Key>) + Send + 'static,
) -> Polling {
    let list = sources(config);
    if list.is_empty() {
        return Polling::idle();
    }
    let (lock, warning) = match lock_path(config, "poll").map(|path| take_lock(&path, who)) {
        // The embedded default has no file to share: poll.
        None => (None, None),
        Some(Lock::Held(file)) => (file, None),
        Some(Lock::Unusable(u)) => (None, Some(u)),
        Some(Lock::Busy(holder)) => {
            return Polling {
                role: Role::Watching(holder),
                lock: None,
                poller: None,
                warning: None,
            };
        }
    };
    Polling {
        role: Role::Polling,
        lock,
        poller: Some(sources::spawn(list, on_result)),
        warning,
    }
}

/// Takes the lock at `path` and writes who holds it; or says who does, or why the file cannot
/// serve as a lock.
fn take_lock(path: &Path, who: &str) -> Lock {
    let (mut file, signed) = match open_lock(path, true) {
        Ok(file) => (file, true),
        // Another user's lock file: one opened for reading locks as well (flock needs no write
        // access), so the lock is still shared, only not signed with who holds it.
        Err(e) if e.kind() == ErrorKind::PermissionDenied => match open_lock(path, false) {
            Ok(file) => (file, false),
            Err(e) => return Lock::Unusable(unusable(path, &e)),
        },
        Err(e) => return Lock::Unusable(unusable(path, &e)),
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        let kind = crate::files::kind_of(path).unwrap_or(crate::files::Kind::Other);
        return Lock::Unusable(Unusable {
            path: path.to_path_buf(),
            why: Why::Kind(kind),
        });
    }
    // A hard link planted in its place is another file's contents: signing the lock would
    // overwrite them, as a followed symlink would.
    #[cfg(unix)]
    if file
        .metadata()
        .is_ok_and(|m| std::os::unix::fs::MetadataExt::nlink(&m) > 1)
    {
        return Lock::Unusable(Unusable {
            path: path.to_path_buf(),
            why: Why::HardLink,
        });
    }
    match file.try_lock() {
        Ok(()) => {
            if signed {
                let _ = file.set_len(0);
                let _ = file.rewind();
                let _ = write!(file, "{who} (pid {})", std::process::id());
                let _ = file.flush();
            }
            Lock::Held(Some(file))
        }
        // No locks on this file system (some network mounts): go on, as appends do.
        Err(std::fs::TryLockError::Error(_)) => Lock::Held(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.take(200).read_to_string(&mut holder);
            // Whatever a planted file holds goes into a message: no control characters.
            let holder: String = holder.trim().chars().filter(|c| !c.is_control()).collect();
            Lock::Busy(if holder.is_empty() {
                "another dropwatch".to_string()
            } else {
                holder
            })
        }
    }
}

/// Opens the lock file at `path`, creating it when `write`. Never through a symlink planted in
/// its place (that would write into whatever it points at), and never waiting on a FIFO.
fn open_lock(path: &Path, write: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options
        .read(true)
        .write(write)
        .create(write)
        .truncate(false);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    options.open(path)
}

/// Why the lock file at `path` could not be opened (`e`).
fn unusable(path: &Path, e: &std::io::Error) -> Unusable {
    let meta = std::fs::symlink_metadata(path);
    let why = if meta.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        let target = std::fs::read_link(path).unwrap_or_default();
        Why::Symlink(target.display().to_string().replace(char::is_control, "?"))
    } else if let Some(kind) = crate::files::kind_of(path) {
        Why::Kind(kind)
    } else if e.kind() == ErrorKind::PermissionDenied {
        Why::Denied {
            error: e.to_string(),
            owner: owner(meta.ok().as_ref()),
        }
    } else {
        Why::Other(e.to_string())
    };
    Unusable {
        path: path.to_path_buf(),
        why,
    }
}

/// The owner's uid, where that can be told.
fn owner(meta: Option<&std::fs::Metadata>) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Some(m) = meta {
            return Some(m.uid());
        }
    }
    let _ = meta;
    None
}

impl Drop for Polling {
    fn drop(&mut self) {
        // Stop polling before letting go of the lock, so the next poller never overlaps.
        self.poller.take();
        self.lock.take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Source, parse};

    const WITH_SOURCE: &str = "[[event]]\nid = \"mv\"\nname = \"MV\"\nat = \"2022-04-24 23:00\"\nzone = \"Asia/Seoul\"\n\
        [[streams]]\nevent = \"mv\"\nplatform = \"YouTube\"\nwindow_end = \"2022-04-25 23:00\"\n\
        [streams.source]\ncommand = \"echo 5\"\nevery = \"1h\"\n";

    #[cfg(unix)]
    #[test]
    fn a_lock_file_planted_as_a_hard_link_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, WITH_SOURCE).unwrap();
        let victim = dir.path().join("notes.txt");
        std::fs::write(&victim, "precious").unwrap();
        std::fs::hard_link(&victim, dir.path().join("fan.poll.lock")).unwrap();
        let config = parse(WITH_SOURCE, Source::File(path)).unwrap();
        let polling = start(&config, "record", |_| {});
        // Polls without the lock, as for any lock file it cannot use, and says why.
        assert_eq!(polling.role, Role::Polling);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let Lock::Unusable(u) = take_lock(&dir.path().join("fan.poll.lock"), "x") else {
            panic!("a hard link is usable");
        };
        assert_eq!(u.why, Why::HardLink);
    }

    #[test]
    fn only_one_process_polls_a_config() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, WITH_SOURCE).unwrap();
        let config = parse(WITH_SOURCE, Source::File(path)).unwrap();
        let first = start(&config, "record", |_| {});
        assert_eq!(first.role, Role::Polling);
        let second = start(&config, "the dashboard", |_| {});
        let Role::Watching(holder) = &second.role else {
            panic!("a second poller: {:?}", second.role);
        };
        assert!(holder.starts_with("record (pid "), "{holder}");
        // The first one gone, the next to start polls. A command forked just then (by the
        // first's poller, or another test) holds a copy of the lock until it execs, so the
        // lock can stay taken a moment longer: try again for a while.
        drop(first);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut next = start(&config, "the dashboard", |_| {});
        while next.role != Role::Polling && std::time::Instant::now() < deadline {
            drop(next);
            std::thread::sleep(std::time::Duration::from_millis(10));
            next = start(&config, "the dashboard", |_| {});
        }
        assert_eq!(next.role, Role::Polling);
        assert!(dir.path().join("fan.poll.lock").is_file());
    }

    #[test]
    fn only_one_process_runs_the_hooks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, WITH_SOURCE).unwrap();
        let config = parse(WITH_SOURCE, Source::File(path)).unwrap();
        let first = hooks_lock(&config, "bar");
        assert!(matches!(first, Lock::Held(Some(_))), "{first:?}");
        let Lock::Busy(holder) = hooks_lock(&config, "the dashboard") else {
            panic!("a second hooks runner");
        };
        assert!(holder.starts_with("bar (pid "), "{holder}");
        // Nothing to share on the embedded default: it runs them.
        let embedded = parse(WITH_SOURCE, Source::Embedded).unwrap();
        assert!(matches!(
            hooks_lock(&embedded, "the dashboard"),
            Lock::Held(None)
        ));
    }

    /// Root reads and writes any file whatever its mode: the tests of modes say so and return.
    #[cfg(unix)]
    fn root() -> bool {
        let root = rustix::process::geteuid().is_root();
        if root {
            eprintln!("running as root, which ignores file modes: skipping");
        }
        root
    }

    #[cfg(unix)]
    #[test]
    fn another_users_lock_file_still_locks_or_is_named() {
        use std::os::unix::fs::PermissionsExt;
        if root() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.poll.lock");
        std::fs::write(&path, "record (pid 1)").unwrap();
        // Readable but not writable (another user's, 0644): a lock all the same, unsigned.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let first = take_lock(&path, "record");
        assert!(matches!(first, Lock::Held(Some(_))), "{first:?}");
        assert!(matches!(take_lock(&path, "bar"), Lock::Busy(_)));
        drop(first);
        // Not even readable (0600 of another user): named, with why and what to do.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        let Lock::Unusable(u) = take_lock(&path, "record") else {
            panic!("an unreadable lock file taken");
        };
        let text = u.say(crate::lang::Lang::En, super::super::notices::Of::Poll);
        assert!(
            text.starts_with(&format!("cannot use the lock file {}: ", path.display())),
            "{text}"
        );
        assert!(text.contains("Permission denied"), "{text}");
        assert!(text.contains("it belongs to uid "), "{text}");
        assert!(
            text.contains("remove it when no dropwatch of its owner runs"),
            "{text}"
        );
    }

    #[test]
    fn nothing_to_poll_is_idle() {
        assert!(start(&parse("", Source::Embedded).unwrap(), "x", |_| {}).role == Role::Idle);
    }
}
