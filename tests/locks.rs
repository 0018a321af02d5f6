//! The lock files beside the readings, with real processes: the hooks and the polling are
//! taken over when their holder goes away, a lock file planted as a symbolic link is never
//! followed, and one that cannot be opened is named with why and what to do while polling
//! goes on.

mod common;

use std::path::Path;
use std::process::Child;
use std::time::Duration;

/// Long enough for a retry of the locks (every 10 s) and a poll after it.
const WAIT: Duration = Duration::from_secs(45);

/// A config whose stream's window is open around the real now, polled every second from
/// `count.txt`, with a goal of 1M whose hook appends the count to `goals.txt`.
fn config(dir: &Path) {
    common::live_config(
        dir,
        "on_goal = \"echo $DROPWATCH_COUNT >> goals.txt\"",
        "command = \"cat count.txt\"\nevery = \"1s\"",
        1_000_000,
    );
    std::fs::write(dir.join("count.txt"), "5\n").unwrap();
}

/// `dropwatch record` on the config, its stderr into `stderr`.
fn record(dir: &Path, stderr: &str) -> Child {
    common::record(dir, Some(stderr))
}

fn wait_for_file(path: &Path, what: &str, pred: impl Fn(&str) -> bool) -> String {
    common::wait_for_file(path, what, WAIT, pred)
}

fn stop(mut child: Child) {
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn the_hooks_are_taken_over_when_their_holder_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config(d);
    let first = record(d, "first.err");
    wait_for_file(&d.join("first.err"), "the first to poll", |t| {
        t.contains("record: polling the sources of")
    });
    let second = record(d, "second.err");
    let said = wait_for_file(&d.join("second.err"), "the second to defer", |t| {
        t.contains("runs the hooks; taking over when it stops")
    });
    let pid = format!("record (pid {})", first.id());
    assert!(
        said.contains(&format!(
            "record: {pid} polls fan.toml; taking over when it stops"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "record: {pid} runs the hooks; taking over when it stops"
        )),
        "{said}"
    );
    // Killed: no chance to let go of anything but what the kernel lets go of.
    stop(first);
    wait_for_file(&d.join("second.err"), "the second to take over", |t| {
        t.contains("record: polling the sources of") && t.contains("record: running the hooks")
    });
    // A goal reached after the takeover runs its hook in the second, once.
    std::fs::write(d.join("count.txt"), "2000000\n").unwrap();
    let goals = wait_for_file(&d.join("goals.txt"), "the goal's hook", |t| !t.is_empty());
    wait_for_file(&d.join("fan.readings.csv"), "two more polls", |t| {
        t.matches(",2000000,").count() >= 3
    });
    stop(second);
    assert_eq!(goals, "2000000\n");
    assert_eq!(std::fs::read_to_string(d.join("goals.txt")).unwrap(), goals);
    // Each said once, not at every retry.
    let said = std::fs::read_to_string(d.join("second.err")).unwrap();
    assert_eq!(said.matches("runs the hooks").count(), 1, "{said}");
}

#[cfg(unix)]
#[test]
fn a_lock_file_planted_as_a_symlink_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config(d);
    std::fs::write(d.join("victim.txt"), "precious\n").unwrap();
    for lock in ["fan.poll.lock", "fan.hooks.lock"] {
        std::os::unix::fs::symlink("victim.txt", d.join(lock)).unwrap();
    }
    let child = record(d, "record.err");
    // Polling goes on without the lock: the readings file is written all the same.
    wait_for_file(&d.join("fan.readings.csv"), "a reading", |t| !t.is_empty());
    let said = wait_for_file(&d.join("record.err"), "both locks named", |t| {
        t.contains("fan.poll.lock") && t.contains("fan.hooks.lock")
    });
    stop(child);
    assert_eq!(
        std::fs::read_to_string(d.join("victim.txt")).unwrap(),
        "precious\n"
    );
    for lock in ["fan.poll.lock", "fan.hooks.lock"] {
        let path = d.join(lock);
        assert!(path.is_symlink(), "{lock} is left as it was");
        let line = said.lines().find(|l| l.contains(lock)).unwrap();
        // Named as the config is (`--config fan.toml`): beside it.
        assert!(
            line.contains(&format!(
                "record: cannot use the lock file {lock}: it is a symbolic link (to victim.txt)"
            )),
            "{line}"
        );
        assert!(line.contains("remove the link"), "{line}");
    }
    assert!(said.contains("polling without it"), "{said}");
    assert!(said.contains("running the hooks without it"), "{said}");
}

#[test]
fn a_lock_file_that_cannot_be_opened_is_named_and_polling_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config(d);
    // A directory where the lock file belongs fails for root too (root ignores file modes).
    let lock = d.join("fan.poll.lock");
    std::fs::create_dir(&lock).unwrap();
    let child = record(d, "record.err");
    wait_for_file(&d.join("fan.readings.csv"), "a reading", |t| !t.is_empty());
    let said = wait_for_file(&d.join("record.err"), "the lock named", |t| {
        t.contains("fan.poll.lock")
    });
    stop(child);
    assert!(
        said.contains("record: cannot use the lock file fan.poll.lock: it is a directory"),
        "{said}"
    );
    assert!(said.contains("polling without it"), "{said}");
    assert!(!said.contains("nobody"), "{said}");
    assert!(lock.is_dir(), "left as it was");
}
