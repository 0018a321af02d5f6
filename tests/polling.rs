//! Counts that come in by themselves, end to end: `dropwatch record` polling a command and
//! stopping on SIGTERM with a well-formed readings file, only one process polling a config, and
//! the dashboard in a real terminal showing a count a source brought in, then a broken
//! source's reason, then its recovery.

mod common;

use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

use common::http::{Reply, Server};
use common::{Tmux, have_tmux, release_binary};

const WAIT: Duration = Duration::from_secs(15);

/// A config whose one stream's window is open around the real now, polled every second from
/// `count.txt` through a command.
fn config_with_a_source(dir: &Path) -> std::path::PathBuf {
    std::fs::write(dir.join("count.txt"), "views: 1,234,567\n").unwrap();
    config_with(
        dir,
        "command = \"cat count.txt\"\nevery = \"1s\"\ntimeout = \"5s\"",
    )
}

/// A config whose one stream's window is open around the real now, with `source` (TOML lines)
/// as its `[streams.source]`.
fn config_with(dir: &Path, source: &str) -> std::path::PathBuf {
    common::live_config(dir, "", source, 10_000_000)
}

/// Sends SIGTERM to `child` and waits, at most `WAIT`, for it to exit.
fn terminate(child: &mut Child) -> ExitStatus {
    common::terminate(child, WAIT)
}

/// Waits for the file at `path` to satisfy `pred`, at most `WAIT`.
fn wait_for_file(path: &Path, what: &str, pred: impl Fn(&str) -> bool) -> String {
    common::wait_for_file(path, what, WAIT, pred)
}

#[test]
fn record_polls_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config_with_a_source(d);
    let record = |stderr: &str| {
        Command::new(env!("CARGO_BIN_EXE_dropwatch"))
            .args(["record", "--config", "fan.toml"])
            .current_dir(d)
            .stderr(std::fs::File::create(d.join(stderr)).unwrap())
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut first = record("first.err");
    let readings = d.join("fan.readings.csv");
    wait_for_file(&readings, "two readings", |t| t.lines().count() >= 2);
    // A second recorder on the same config does not poll: it says who does.
    let mut second = record("second.err");
    wait_for_file(&d.join("second.err"), "the second to defer", |t| {
        t.contains("record (pid ") && t.contains("polls")
    });
    for child in [&mut first, &mut second] {
        let exit = terminate(child);
        assert!(exit.success(), "{exit:?}");
    }
    let log = std::fs::read_to_string(d.join("first.err")).unwrap();
    assert!(log.contains("mv YouTube 1,234,567 (command)"), "{log}");
    assert!(log.ends_with("record: stopped\n"), "{log}");
    let text = std::fs::read_to_string(&readings).unwrap();
    assert!(text.ends_with('\n'), "{text:?}");
    for line in text.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 5, "{line}");
        assert_eq!(
            &fields[1..],
            ["mv", "YouTube", "1234567", "command"],
            "{line}"
        );
    }
    // Only the first polled: the second's lines never reached the file.
    let second_log = std::fs::read_to_string(d.join("second.err")).unwrap();
    assert!(!second_log.contains("(command)"), "{second_log}");
}

/// `record` stopped by SIGTERM while its count command runs (a minute's timeout, far from
/// over) leaves nothing of the command running: not the shell, not its `sleep`.
#[test]
fn record_stopped_mid_poll_leaves_no_command_running() {
    if !common::have_procfs() {
        return;
    }
    // The fraction makes the command line this test's own among every process.
    let marker = format!("sleep 34.{}", std::process::id());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config_with(
        d,
        &format!("command = \"{marker}; echo 1\"\nevery = \"1s\"\ntimeout = \"60s\""),
    );
    let mut record = common::record(d, None);
    common::wait_running(&marker, WAIT);
    assert!(terminate(&mut record).success());
    common::wait_none_running(&marker, WAIT);
}

/// A server that answers with the secret its URL carries, as the count: `record` says the
/// source fails and names the variable, and neither its stderr, the readings nor a printed
/// frame of the config hold the secret.
#[test]
fn a_secret_the_server_sends_back_is_written_nowhere() {
    const SECRET: &str = "s3cr3t-Echo_7731";
    let server = Server::start(1000, |_| {
        Reply::Body(
            200,
            "application/json",
            format!(r#"{{"count":"{SECRET}"}}"#),
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let url = server.url("/x?k=${DW_ECHO_SECRET}");
    config_with(
        d,
        &format!("url = \"{url}\"\njson = \"/count\"\nevery = \"1s\"\ntimeout = \"5s\""),
    );
    let mut record = Command::new(env!("CARGO_BIN_EXE_dropwatch"))
        .args(["record", "--config", "fan.toml"])
        .current_dir(d)
        .env("DW_ECHO_SECRET", SECRET)
        .stderr(std::fs::File::create(d.join("record.err")).unwrap())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let said = wait_for_file(&d.join("record.err"), "the source to fail", |t| {
        t.contains("source failing")
    });
    assert!(terminate(&mut record).success());
    let said = std::fs::read_to_string(d.join("record.err")).unwrap_or(said);
    assert!(
        said.contains("\"/count\" is \"${DW_ECHO_SECRET}\""),
        "{said}"
    );
    let frame = common::dropwatch(d)
        .args(["--config", "fan.toml", "--once", "--json"])
        .env("DW_ECHO_SECRET", SECRET)
        .output()
        .unwrap();
    let json = common::stdout(&frame);
    assert!(json.contains("\"source_error\""), "{json}");
    let readings = std::fs::read_to_string(d.join("fan.readings.csv")).unwrap_or_default();
    for (what, text) in [
        ("stderr", said.as_str()),
        ("the readings", &readings),
        ("--once --json", &json),
        ("--once --json's stderr", &common::stderr(&frame)),
    ] {
        assert!(!text.contains(SECRET), "the secret is in {what}:\n{text}");
    }
}

#[test]
fn the_dashboard_shows_what_a_source_brings_and_why_it_fails() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    config_with_a_source(d);
    let tmux = Tmux::start("sources", 120, 40, d);
    tmux.type_line(&format!("{} --config fan.toml", bin.display()));
    tmux.wait_for("1,234,567 views", WAIT);
    // Broken: the reason shows on the stream, the last count stays.
    std::fs::write(d.join("count.txt"), "no views today\n").unwrap();
    let screen = tmux.wait_for("source failing: no number", WAIT);
    assert!(screen.contains("last good"), "{screen}");
    assert!(screen.contains("1,234,567 views"), "{screen}");
    // Fixed: it recovers by itself (the backoff after two or three failures is a few seconds).
    std::fs::write(d.join("count.txt"), "2.5M\n").unwrap();
    let screen = tmux.wait_until("the source to recover", Duration::from_secs(30), |s| {
        s.contains("2,500,000 views")
    });
    assert!(!screen.contains("source failing"), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_restored(WAIT);
}
