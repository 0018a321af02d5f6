//! Hooks end to end: `dropwatch bar` replaying a release and a goal runs their hooks once with
//! what happened in the environment, says on stderr when one fails, and runs none in a replay
//! without `--hooks`; `dropwatch record` runs a goal's hook once when a polled count reaches it.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

/// Two releases a second apart, the first with a hook writing its event id to `hooked.txt`,
/// the second with one that fails; a stream of the first whose goal a reading 2 s after the
/// release reaches, with a hook writing the goal's label and count to `goals.txt`.
fn config(dir: &Path) {
    let text = r#"
on_release = "echo \"cannot reach the pager\" >&2; exit 1"

[[event]]
id = "drop"
name = "The Drop"
at = "2022-04-24T14:00:00Z"
zone = "UTC"
live_for = "1s"
anniversaries = false
on_release = "echo $DROPWATCH_EVENT >> hooked.txt"

[[event]]
id = "fails"
name = "Fails"
at = "2022-04-24T14:00:01Z"
zone = "UTC"
live_for = "1s"
anniversaries = false

[[streams]]
event = "drop"
platform = "Spotify"
window_end = "2022-04-24T15:00:00Z"
on_goal = "echo \"$DROPWATCH_GOAL $DROPWATCH_COUNT\" >> goals.txt"

[[streams.goal]]
label = "First 50"
streams = 50
"#;
    std::fs::write(dir.join("fan.toml"), text).unwrap();
    std::fs::write(
        dir.join("fan.readings.csv"),
        "2022-04-24T14:00:02Z,drop,Spotify,120,log\n",
    )
    .unwrap();
}

/// `dropwatch bar` replaying from 10 s before the first release at ten times the speed,
/// isolated from the machine's own config as the other integration tests run it.
fn replay(dir: &Path, hooks: bool) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dropwatch"));
    cmd.args(["--speed", "10", "bar", "--config", "fan.toml"])
        .args([
            "--at",
            "2022-04-24T13:59:50Z",
            "--template",
            "{name} {left}",
        ])
        .current_dir(dir)
        .env_remove("DROPWATCH_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env("HOME", dir)
        .env("TZ", "Europe/Berlin")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(dir.join("bar.out")).unwrap())
        .stderr(std::fs::File::create(dir.join("bar.err")).unwrap());
    if hooks {
        cmd.arg("--hooks");
    }
    cmd.spawn().expect("dropwatch bar starts")
}

/// Waits for the file at `path` to satisfy `pred`, at most `WAIT`.
fn wait_for_file(path: &Path, what: &str, pred: impl Fn(&str) -> bool) -> String {
    common::wait_for_file(path, what, WAIT, pred)
}

/// Waits until the replay is 5 s past the last release (several ticks past every hook's
/// moment), then stops the bar.
fn run_past_the_releases(dir: &Path, mut bar: Child) {
    // The bar follows the headline, The Drop's open window: 0:59:54 left is 14:00:06.
    wait_for_file(&dir.join("bar.out"), "the replay to pass", |t| {
        t.lines().any(|l| {
            l.strip_prefix("The Drop 0:59:")
                .and_then(|r| r.get(..2))
                .and_then(|secs| secs.parse::<u32>().ok())
                .is_some_and(|secs| secs <= 54)
        })
    });
    bar.kill().unwrap();
    bar.wait().unwrap();
}

#[test]
fn a_replay_with_hooks_runs_each_once_and_reports_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config(d);
    let bar = replay(d, true);
    wait_for_file(&d.join("hooked.txt"), "the release hook", |t| !t.is_empty());
    wait_for_file(&d.join("goals.txt"), "the goal hook", |t| !t.is_empty());
    let err = wait_for_file(&d.join("bar.err"), "the failing hook", |t| {
        t.contains("hook failed")
    });
    run_past_the_releases(d, bar);
    let read = |name: &str| std::fs::read_to_string(d.join(name)).unwrap();
    assert_eq!(read("hooked.txt"), "drop\n");
    assert_eq!(read("goals.txt"), "First 50 120\n");
    assert!(
        err.contains("bar: hook failed: on_release of Fails: exit 1: cannot reach the pager"),
        "{err}"
    );
    assert_eq!(read("bar.err").matches("hook failed").count(), 1);
}

#[test]
fn a_replay_without_hooks_runs_none() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config(d);
    run_past_the_releases(d, replay(d, false));
    assert!(!d.join("hooked.txt").exists());
    assert!(!d.join("goals.txt").exists());
    let err = std::fs::read_to_string(d.join("bar.err")).unwrap();
    assert!(!err.contains("hook failed"), "{err}");
}

#[test]
fn record_runs_a_goal_hook_when_a_polled_count_reaches_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    common::live_config(
        d,
        "on_goal = \"echo \\\"$DROPWATCH_PLATFORM $DROPWATCH_TARGET $DROPWATCH_COUNT\\\" >> goals.txt\"",
        "command = \"echo 1234567\"\nevery = \"1s\"",
        1_000_000,
    );
    let mut record = common::record(d, None);
    let goals = wait_for_file(&d.join("goals.txt"), "the goal hook", |t| !t.is_empty());
    // Two more polls of the same count: still once.
    wait_for_file(&d.join("fan.readings.csv"), "three readings", |t| {
        t.lines().count() >= 3
    });
    record.kill().unwrap();
    record.wait().unwrap();
    assert_eq!(goals, "YouTube 1000000 1234567\n");
    assert_eq!(std::fs::read_to_string(d.join("goals.txt")).unwrap(), goals);
}

/// `bar` stopped while a hook's shell still runs ends that shell and what it runs; a child
/// another hook left in the background, its shell done, lives on and finishes its work.
#[test]
fn quitting_ends_running_hooks_but_not_what_they_left_behind() {
    if !common::have_procfs() {
        return;
    }
    // Fractions that make the command lines this test's own among every process.
    let running = format!("sleep 35.{}", std::process::id());
    let left = format!("sleep 3.{}", std::process::id());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = format!(
        "[[event]]\nid = \"player\"\nname = \"Player\"\nat = \"2022-04-24T14:00:00Z\"\nzone = \"UTC\"\n\
         anniversaries = false\non_release = \"({left}; echo done > left-done) & echo started\"\n\
         [[event]]\nid = \"slow\"\nname = \"Slow\"\nat = \"2022-04-24T14:00:01Z\"\nzone = \"UTC\"\n\
         anniversaries = false\non_release = \"{running}; echo done > slow-done\"\n"
    );
    std::fs::write(d.join("fan.toml"), text).unwrap();
    let mut bar = replay(d, true);
    common::wait_running(&running, WAIT);
    assert!(common::terminate(&mut bar, WAIT).success());
    common::wait_none_running(&running, WAIT);
    wait_for_file(
        &d.join("left-done"),
        "the child left in the background to finish",
        |t| !t.is_empty(),
    );
    assert!(!d.join("slow-done").exists());
}

/// A rank stream whose Melon rank goes #3, #1, #2 (lost), #1, #1 a second apart, with a
/// hook writing the goal's label and rank: `#1` runs once, at its first #1, and not again when
/// #1 comes back; `#1 for 1s` runs once, when the second run at #1 has lasted a second.
#[test]
fn a_rank_goal_runs_its_hook_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = r#"
[[event]]
id = "drop"
name = "The Drop"
at = "2022-04-24T14:00:00Z"
zone = "UTC"
anniversaries = false

[[streams]]
event = "drop"
platform = "Melon"
measure = "rank"
window_end = "2022-04-24T15:00:00Z"
on_goal = "echo \"$DROPWATCH_GOAL $DROPWATCH_MEASURE $DROPWATCH_RANK\" >> goals.txt"

[[streams.goal]]
rank = 1

[[streams.goal]]
rank = 1
for = "1s"
"#;
    std::fs::write(d.join("fan.toml"), text).unwrap();
    let lines: String = [(1, 3), (2, 1), (3, 2), (4, 1), (5, 1)]
        .iter()
        .map(|(s, r)| format!("2022-04-24T14:00:0{s}Z,drop,Melon,{r},log\n"))
        .collect();
    std::fs::write(d.join("fan.readings.csv"), lines).unwrap();
    let bar = replay(d, true);
    wait_for_file(&d.join("goals.txt"), "both rank goal hooks", |t| {
        t.lines().count() >= 2
    });
    run_past_the_releases(d, bar);
    assert_eq!(
        std::fs::read_to_string(d.join("goals.txt")).unwrap(),
        "#1 rank 1\n#1 for 1s rank 1\n"
    );
}
