//! Who polls a config's count sources, and what a poll result becomes. The dashboard and
//! `dropwatch record` can run on the same config at once; only one of them polls, so that no
//! count is read twice: the first to take an advisory lock on `<stem>.poll.lock` beside the
//! readings file. The other shows what arrives through the readings file, which it watches
//! anyway, and takes over polling if the first one quits.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::PathBuf;

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
}

impl Polling {
    /// Nothing polled.
    pub(crate) fn idle() -> Polling {
        Polling {
            role: Role::Idle,
            lock: None,
            poller: None,
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

/// Hooks run once per event, not once per process: of the dashboard, `bar` and `record` open
/// on one config, the first to take `<stem>.hooks.lock` runs them. `Ok` holds the lock for as
/// long as it is kept (`None`: the embedded default, nothing to share); `Err` names who runs them.
pub(crate) fn hooks_lock(config: &Config, who: &str) -> Result<Option<File>, String> {
    match lock_path(config, "hooks") {
        None => Ok(None),
        Some(path) => take_lock(&path, who).map(Some),
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
    let lock = match lock_path(config, "poll") {
        // The embedded default has no file to share: poll.
        None => None,
        Some(path) => match take_lock(&path, who) {
            Ok(file) => Some(file),
            Err(holder) => {
                return Polling {
                    role: Role::Watching(holder),
                    lock: None,
                    poller: None,
                };
            }
        },
    };
    Polling {
        role: Role::Polling,
        lock,
        poller: Some(sources::spawn(list, on_result)),
    }
}

/// Takes the lock at `path` and writes who holds it; or says who does.
fn take_lock(path: &std::path::Path, who: &str) -> Result<File, String> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| format!("nobody: cannot open {}: {e}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {
            let _ = file.set_len(0);
            let _ = file.rewind();
            let _ = write!(file, "{who} (pid {})", std::process::id());
            let _ = file.flush();
            Ok(file)
        }
        // No locks on this file system (some network mounts): poll, as appends do.
        Err(std::fs::TryLockError::Error(_)) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.take(200).read_to_string(&mut holder);
            Err(if holder.trim().is_empty() {
                "another dropwatch".to_string()
            } else {
                holder.trim().to_string()
            })
        }
    }
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
        let first = hooks_lock(&config, "bar").unwrap();
        assert!(first.is_some());
        let holder = hooks_lock(&config, "the dashboard").unwrap_err();
        assert!(holder.starts_with("bar (pid "), "{holder}");
        // Nothing to share on the embedded default: it runs them.
        let embedded = parse(WITH_SOURCE, Source::Embedded).unwrap();
        assert!(matches!(hooks_lock(&embedded, "the dashboard"), Ok(None)));
    }

    #[test]
    fn nothing_to_poll_is_idle() {
        assert!(start(&parse("", Source::Embedded).unwrap(), "x", |_| {}).role == Role::Idle);
    }
}
