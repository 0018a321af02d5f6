//! Support shared by every integration test: the binary run as a user runs it (isolated from
//! the machine's own config), one helper for "this call fails with exit N and says X", and a
//! real terminal for end-to-end tests (a private tmux server running a plain shell, with
//! helpers that wait for text on the screen rather than sleeping a fixed time). Fixtures of
//! the library itself (`utc`, the default app, a rendered frame) are in `dropwatch::testing`.

#![allow(dead_code)]

/// An HTTP server on 127.0.0.1, for tests of URL count sources.
pub mod http;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The binary, isolated from the machine's own config: `dir` as cwd, home and config dir.
pub fn dropwatch(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("dropwatch").expect("the dropwatch binary");
    cmd.current_dir(dir)
        .env_remove("DROPWATCH_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env("HOME", dir)
        .env("TZ", "Europe/Berlin");
    cmd
}

/// What a run printed on standard output.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed on standard error.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `cmd`, which must exit with `code` and say `says` on standard error, never a panic;
/// returns standard error.
pub fn fails(cmd: &mut assert_cmd::Command, code: i32, says: &str) -> String {
    let out = cmd.output().expect("the command runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "exit code; stderr:\n{err}");
    assert!(err.contains(says), "expected {says:?} in stderr:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Waits, polling, until `pred` holds for the text of the file at `path`; panics with its
/// text after `timeout`. For files a child process writes (readings, hook output, stderr).
pub fn wait_for_file(
    path: &Path,
    what: &str,
    timeout: Duration,
    pred: impl Fn(&str) -> bool,
) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if pred(&text) {
            return text;
        }
        assert!(
            start.elapsed() < timeout,
            "timed out waiting for {what}:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The lines `from` writes, sent one at a time as they arrive, so a test waits for output
/// (with `recv_timeout`) instead of for time to pass.
pub fn lines_of(from: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(from).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

/// True when tmux is on PATH. Outside CI a missing tmux skips the end-to-end tests; in CI
/// (`CI` set) it fails them, since `.ci/run` installs it.
pub fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is missing in CI: .ci/run should install it"
        );
        eprintln!("tmux not found: skipping the end-to-end test (apt-get install tmux)");
    }
    ok
}

/// The release-built binary, built on first use (a no-op when it is up to date).
pub fn release_binary() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--bin", "dropwatch"])
        .current_dir(manifest)
        .status()
        .expect("cargo build --release");
    assert!(status.success(), "release build failed");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("target"));
    target.join("release").join("dropwatch")
}

/// A tmux server of our own with one window running `sh`; killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a `width` x `height` terminal with a shell whose prompt is `e2e$ `.
    pub fn start(name: &str, width: u16, height: u16, dir: &Path) -> Tmux {
        let socket = format!("dropwatch-{name}-{}", std::process::id());
        let t = Tmux { socket };
        let status = Command::new("tmux")
            .args([
                "-L",
                &t.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "e2e",
            ])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .args(["-c", &dir.display().to_string()])
            .args([
                "env",
                "PS1=e2e$ ",
                "TERM=xterm-256color",
                "TZ=Europe/Berlin",
            ])
            .arg(format!("HOME={}", dir.display()))
            .args(["XDG_CONFIG_HOME=/nonexistent", "sh"])
            .status()
            .expect("tmux new-session");
        assert!(status.success());
        t.wait_for("e2e$", Duration::from_secs(10));
        t
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }

    /// Types `keys` (tmux key names, e.g. "Enter", "q", "Up").
    pub fn send(&self, keys: &[&str]) {
        let status = self
            .tmux()
            .args(["send-keys", "-t", "e2e"])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Types `text` literally, then Enter.
    pub fn type_line(&self, text: &str) {
        let status = self
            .tmux()
            .args(["send-keys", "-t", "e2e", "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
        self.send(&["Enter"]);
    }

    /// Resizes the terminal, as a user dragging the window would.
    pub fn resize(&self, width: u16, height: u16) {
        let status = self
            .tmux()
            .args([
                "resize-window",
                "-t",
                "e2e",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        let out = self
            .tmux()
            .args(["capture-pane", "-p", "-t", "e2e"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until `pred` holds for the screen, polling; panics with the screen on timeout.
    pub fn wait_until(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `text` is on the screen.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?}"), timeout, |s| s.contains(text))
    }

    /// A tmux format of the pane, e.g. `#{cursor_flag}`.
    pub fn pane_format(&self, format: &str) -> String {
        let out = self
            .tmux()
            .args(["display-message", "-p", "-t", "e2e", format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the pane shows the cursor, on the main screen, with mouse reporting off;
    /// panics naming what is still wrong on timeout. Polled, since the program may still be
    /// writing its last bytes when the shell's screen is back.
    pub fn wait_restored(&self, timeout: Duration) {
        const WANT: &str = "cursor=1 alternate=0 mouse=0";
        let format = "cursor=#{cursor_flag} alternate=#{alternate_on} mouse=#{mouse_any_flag}";
        let start = Instant::now();
        loop {
            let got = self.pane_format(format);
            if got == WANT {
                return;
            }
            if start.elapsed() > timeout {
                panic!(
                    "terminal not restored: want {WANT}, got {got}; screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the shell running in the pane.
    pub fn pane_pid(&self) -> u32 {
        let out = self
            .tmux()
            .args(["display-message", "-p", "-t", "e2e", "#{pane_pid}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").status();
    }
}

/// True when `shell` runs here; otherwise prints why the test that needs it is skipped.
pub fn have_shell(shell: &str) -> bool {
    let ok = Command::new(shell)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("{shell} not found: skipping its part of the test");
    }
    ok
}

/// Sends SIGTERM to `child` and waits, at most `timeout`, for it to exit.
pub fn terminate(child: &mut std::process::Child, timeout: Duration) -> std::process::ExitStatus {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let start = Instant::now();
    loop {
        if let Some(exit) = child.try_wait().expect("try_wait") {
            return exit;
        }
        assert!(
            start.elapsed() < timeout,
            "{} did not stop on SIGTERM",
            child.id()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// True when this machine has /proc to look for processes in; else says so, for a test that
/// then skips what needs it.
pub fn have_procfs() -> bool {
    let ok = Path::new("/proc/self/cmdline").exists();
    if !ok {
        eprintln!("no /proc: skipping the check for processes left running");
    }
    ok
}

/// The pids of live processes (not zombies) whose command line contains `marker`.
pub fn running_with(marker: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let state = stat.rsplit_once(") ").and_then(|(_, s)| s.chars().next());
            cmdline.contains(marker) && !matches!(state, None | Some('Z' | 'X'))
        })
        .collect()
}

/// Waits, at most `timeout`, until some process whose command line holds `marker` runs.
pub fn wait_running(marker: &str, timeout: Duration) {
    let start = Instant::now();
    while running_with(marker).is_empty() {
        assert!(start.elapsed() < timeout, "nothing with {marker:?} started");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits, at most `timeout`, until no process whose command line holds `marker` runs.
pub fn wait_none_running(marker: &str, timeout: Duration) {
    let start = Instant::now();
    loop {
        let left = running_with(marker);
        if left.is_empty() {
            return;
        }
        assert!(
            start.elapsed() < timeout,
            "still running with {marker:?}: {left:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Writes `fan.toml` in `dir`: one event released two hours ago whose YouTube stream's window
/// is open for ten more hours (around the real now, for the live clock of `record`), with
/// `stream` (TOML lines, e.g. an `on_goal`), `source` (the `[streams.source]` keys) and one
/// goal of `goal` views. Returns its path.
pub fn live_config(dir: &Path, stream: &str, source: &str, goal: u64) -> PathBuf {
    let now = chrono::Utc::now();
    let at = (now - chrono::TimeDelta::hours(2)).format("%Y-%m-%dT%H:%M:%SZ");
    let end = (now + chrono::TimeDelta::hours(10)).format("%Y-%m-%dT%H:%M:%SZ");
    let text = format!(
        "title = \"sources\"\n[[event]]\nid = \"mv\"\nname = \"The MV\"\nat = \"{at}\"\nzone = \"UTC\"\n\
         [[streams]]\nevent = \"mv\"\nplatform = \"YouTube\"\nwindow_end = \"{end}\"\n{stream}\n\
         [streams.source]\n{source}\n\
         [[streams.goal]]\nlabel = \"{} views\"\nstreams = {goal}\n",
        short_label(goal)
    );
    let path = dir.join("fan.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// "1M", "10M": a goal's label as the configs here write it.
fn short_label(n: u64) -> String {
    format!("{}M", n / 1_000_000)
}

/// `dropwatch record` on `fan.toml` in `dir`, its stderr into the file `stderr` there (or
/// nowhere when `None`).
pub fn record(dir: &Path, stderr: Option<&str>) -> std::process::Child {
    let err = match stderr {
        Some(name) => std::process::Stdio::from(std::fs::File::create(dir.join(name)).unwrap()),
        None => std::process::Stdio::null(),
    };
    Command::new(env!("CARGO_BIN_EXE_dropwatch"))
        .args(["record", "--config", "fan.toml"])
        .current_dir(dir)
        .env_remove("DROPWATCH_CONFIG")
        .env("HOME", dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(err)
        .spawn()
        .expect("dropwatch record starts")
}
