//! A command source: `sh -c` with its output captured, bounded in size and time. On a timeout
//! the whole process group is killed, so a script's own children (a `curl`, a `sleep`) go too;
//! and what is still running when dropwatch quits is ended by whoever started it.

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use super::limit::LIMIT;
use super::number;
use crate::readings::poll::SourceError;

/// What the helper threads report.
enum Done {
    Stdout(std::io::Result<Vec<u8>>),
    Stderr(String),
    Exit(std::io::Result<ExitStatus>),
}

/// How long commands get to end on SIGTERM when their owner stops, before SIGKILL.
pub(crate) const END_GRACE: Duration = Duration::from_secs(1);

/// The process groups of the commands one owner (a poller, a runtime's hooks) started that
/// still run, so that the owner can end them when it stops. Clones share the list.
#[derive(Clone, Default)]
pub(crate) struct Running(Arc<Mutex<Groups>>);

/// The list behind [`Running`].
#[derive(Default)]
struct Groups {
    /// Each command's pid, which leads its process group.
    pids: Vec<u32>,
    /// Ended: no command starts any more.
    closed: bool,
}

impl Running {
    /// The list, locked.
    fn groups(&self) -> MutexGuard<'_, Groups> {
        // A thread that panicked holding the list left it whole: a push or a retain.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a command with `spawn` and lists its group until the [`Entry`] is dropped; under
    /// the lock, so that [`Running::end_all`] never misses a command starting just then.
    fn start(
        &self,
        spawn: impl FnOnce() -> Result<Child, SourceError>,
    ) -> Result<(Child, Entry), SourceError> {
        let mut groups = self.groups();
        if groups.closed {
            return Err(SourceError::Run(
                "not started: dropwatch is stopping".into(),
            ));
        }
        let child = spawn()?;
        groups.pids.push(child.id());
        let entry = Entry {
            running: self.clone(),
            pid: child.id(),
        };
        Ok((child, entry))
    }

    /// Ends every command still listed and lets no other start: SIGTERM to each process group,
    /// then SIGKILL to them all once they are done or `grace` has passed.
    pub(crate) fn end_all(&self, grace: Duration) {
        let ending = {
            let mut groups = self.groups();
            groups.closed = true;
            groups.pids.clone()
        };
        if ending.is_empty() {
            return;
        }
        for &pid in &ending {
            signal_group(pid, false);
        }
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline && self.groups().pids.iter().any(|p| ending.contains(p)) {
            thread::sleep(Duration::from_millis(10));
        }
        // Whatever ignored SIGTERM. Only groups still listed: one whose command was reaped may
        // be empty, and its id may since name another group.
        let left: Vec<u32> = self
            .groups()
            .pids
            .iter()
            .filter(|p| ending.contains(p))
            .copied()
            .collect();
        for pid in left {
            signal_group(pid, true);
        }
    }
}

/// A command's place in [`Running`]; dropping it takes the command off the list.
struct Entry {
    running: Running,
    pid: u32,
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.running.groups().pids.retain(|&p| p != self.pid);
    }
}

/// Runs `command` through `sh -c` and reads the first whole number of its standard output;
/// listed in `running` while it runs.
pub(crate) fn run(command: &str, timeout: Duration, running: &Running) -> Result<u64, SourceError> {
    let stdout = output(command, &[], timeout, true, running)?;
    number::first_count(&String::from_utf8_lossy(&stdout)).ok_or(SourceError::NoNumber("output"))
}

/// Runs `command` through `sh -c` with `env` added to the environment, and returns its standard
/// output (empty when `capture` is false: it is discarded) once it exits with success. A
/// failure says its exit code and the last line of its standard error. The command is listed
/// in `running` until its output is read; without `capture` (a hook), only until its shell
/// exits, so that what it left in the background is let be.
pub(crate) fn output(
    command: &str,
    env: &[(String, String)],
    timeout: Duration,
    capture: bool,
    running: &Running,
) -> Result<Vec<u8>, SourceError> {
    let deadline = Instant::now() + timeout;
    let (child, entry) = running.start(|| start(command, env, capture))?;
    let pid = child.id();
    let (until_exit, _until_read) = if capture {
        (None, Some(entry))
    } else {
        (Some(entry), None)
    };
    let rx = watch(child, until_exit);
    let done = collect(&rx, pid, deadline, timeout, capture)?;
    let status = done
        .status
        .ok_or_else(|| SourceError::Run("lost the command".into()))?;
    if !status.success() {
        return Err(SourceError::Exit {
            code: status.code(),
            stderr: done.stderr.unwrap_or_default(),
        });
    }
    Ok(done.stdout.unwrap_or_default())
}

/// Starts `sh -c command` (`cmd /C command` on Windows) in a process group of its own, its
/// standard error piped and its standard output piped only when `capture` is true.
fn start(command: &str, env: &[(String, String)], capture: bool) -> Result<Child, SourceError> {
    let mut cmd = shell(command);
    cmd.envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(if capture {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // A group of its own, so that one signal reaches everything the command started.
        cmd.process_group(0);
    }
    cmd.spawn()
        .map_err(|e| SourceError::Run(format!("cannot run {SHELL}: {e}")))
}

/// The shell that runs commands and hooks, as named in errors.
const SHELL: &str = if cfg!(unix) { "sh" } else { "cmd" };

/// `sh -c command`.
#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut cmd = Command::new(SHELL);
    cmd.arg("-c").arg(command);
    cmd
}

/// `cmd /C command`, the command passed as written: cmd.exe parses its own line, and the
/// quoting `arg` adds for other programs would reach it as part of the command.
#[cfg(windows)]
fn shell(command: &str) -> Command {
    use std::os::windows::process::CommandExt;
    let mut cmd = Command::new(SHELL);
    cmd.arg("/C").raw_arg(command);
    cmd
}

/// Reads the child's output and waits for its exit, each on a thread of its own that sends
/// what it found, so that the caller can keep the clock; `until_exit` is dropped as it exits.
fn watch(mut child: Child, until_exit: Option<Entry>) -> Receiver<Done> {
    let (tx, rx) = mpsc::channel();
    // A send fails only once the caller has given up, when nobody listens any more.
    if let Some(mut out) = child.stdout.take() {
        let tx = tx.clone();
        thread::spawn(move || {
            let mut buf = Vec::new();
            let read = (&mut out)
                .take(LIMIT + 1)
                .read_to_end(&mut buf)
                .map(|_| buf);
            let _ = tx.send(Done::Stdout(read));
        });
    }
    if let Some(err) = child.stderr.take() {
        let tx = tx.clone();
        thread::spawn(move || {
            let _ = tx.send(Done::Stderr(last_line(err)));
        });
    }
    thread::spawn(move || {
        let exit = child.wait();
        drop(until_exit);
        let _ = tx.send(Done::Exit(exit));
    });
    rx
}

/// What the helper threads have reported.
struct Collected {
    stdout: Option<Vec<u8>>,
    stderr: Option<String>,
    status: Option<ExitStatus>,
}

/// Waits for the output, the last line of standard error and the exit of the process group led
/// by `pid`, until `deadline`; kills the group when the output is too large or time runs out.
fn collect(
    rx: &Receiver<Done>,
    pid: u32,
    deadline: Instant,
    timeout: Duration,
    capture: bool,
) -> Result<Collected, SourceError> {
    let mut done = Collected {
        // Nothing to read when the output is discarded.
        stdout: (!capture).then(Vec::new),
        stderr: None,
        status: None,
    };
    // A hook may leave a child behind (`mpv song.mp3 &`) that keeps stderr open: once the
    // shell is done, give its stderr a moment and let the child be, rather than kill it.
    const GRACE: Duration = Duration::from_millis(200);
    let mut exited_at: Option<Instant> = None;
    while done.stdout.is_none() || done.stderr.is_none() || done.status.is_none() {
        let until = match exited_at {
            Some(t) if !capture => deadline.min(t + GRACE),
            _ => deadline,
        };
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Done::Stdout(Ok(bytes))) if bytes.len() as u64 > LIMIT => {
                kill_group(pid);
                return Err(SourceError::TooLarge("output"));
            }
            Ok(Done::Stdout(read)) => {
                done.stdout = Some(read.map_err(|e| SourceError::Run(format!("cannot read: {e}")))?)
            }
            Ok(Done::Stderr(line)) => done.stderr = Some(line),
            Ok(Done::Exit(exit)) => {
                exited_at = Some(Instant::now());
                done.status = Some(exit.map_err(|e| SourceError::Run(format!("cannot wait: {e}")))?)
            }
            Err(RecvTimeoutError::Timeout) if exited_at.is_some() && !capture => {
                done.stderr.get_or_insert_with(String::new);
                break;
            }
            Err(RecvTimeoutError::Timeout) => {
                kill_group(pid);
                return Err(SourceError::Timeout(timeout));
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    Ok(done)
}

/// The last non-blank line of a stream, at most 200 characters; reads to the end but keeps
/// only a tail, so a chatty command cannot fill memory.
fn last_line(mut from: impl Read) -> String {
    const KEEP: usize = 4096;
    let mut tail: Vec<u8> = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 2 * KEEP {
                    tail.drain(..tail.len() - KEEP);
                }
            }
        }
    }
    let text = String::from_utf8_lossy(&tail);
    let line = text
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    line.chars().take(200).collect()
}

/// Kills the process group led by `pid`: the shell and everything it started.
fn kill_group(pid: u32) {
    signal_group(pid, true);
}

/// Sends SIGKILL (`kill`) or SIGTERM to the process group led by `pid`.
#[cfg(unix)]
fn signal_group(pid: u32, kill: bool) {
    use rustix::process::{Pid, Signal, kill_process_group};
    if let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) {
        // Already gone is fine: that is what we wanted.
        let _ = kill_process_group(pid, if kill { Signal::KILL } else { Signal::TERM });
    }
}

/// Kills the process tree rooted at `pid`: Windows has no SIGTERM to ask first.
#[cfg(not(unix))]
fn signal_group(pid: u32, _kill: bool) {
    let _ = Command::new("taskkill")
        .args(["/F", "/T", "/PID", &pid.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `command` on a thread of its own, listed in `running`; returns once it is listed.
    fn started(command: &str, running: &Running) -> mpsc::Receiver<Result<Vec<u8>, SourceError>> {
        let (tx, rx) = mpsc::channel();
        let (command, listed) = (command.to_string(), running.clone());
        thread::spawn(move || {
            let _ = tx.send(output(
                &command,
                &[],
                Duration::from_secs(60),
                true,
                &listed,
            ));
        });
        let start = Instant::now();
        while running.groups().pids.is_empty() {
            assert!(start.elapsed() < Duration::from_secs(10), "never started");
            thread::sleep(Duration::from_millis(5));
        }
        rx
    }

    #[test]
    fn ending_stops_what_runs_and_what_would_start() {
        let running = Running::default();
        let rx = started("sleep 30; echo 1", &running);
        running.end_all(END_GRACE);
        // SIGTERM ended it, long before its minute.
        let outcome = rx.recv_timeout(Duration::from_secs(10)).expect("it ended");
        assert_eq!(outcome.unwrap_err().to_string(), "killed by a signal");
        assert!(running.groups().pids.is_empty());
        let e = output("echo 1", &[], Duration::from_secs(5), true, &running).unwrap_err();
        assert_eq!(e.to_string(), "not started: dropwatch is stopping");
    }

    #[test]
    fn a_command_deaf_to_sigterm_is_killed_after_the_grace() {
        let running = Running::default();
        // The shell and its sleep ignore SIGTERM; SIGKILL cannot be ignored.
        let dir = tempfile::tempdir().unwrap();
        let deaf = dir.path().join("deaf");
        let command = format!("trap '' TERM; touch '{}'; sleep 30; echo 1", deaf.display());
        let rx = started(&command, &running);
        let start = Instant::now();
        while !deaf.exists() {
            assert!(start.elapsed() < Duration::from_secs(10), "no trap set");
            thread::sleep(Duration::from_millis(5));
        }
        let start = Instant::now();
        running.end_all(Duration::from_millis(200));
        assert!(start.elapsed() >= Duration::from_millis(200));
        let outcome = rx.recv_timeout(Duration::from_secs(10)).expect("it ended");
        assert_eq!(outcome.unwrap_err().to_string(), "killed by a signal");
    }

    #[test]
    fn keeps_the_last_line_of_stderr() {
        assert_eq!(last_line(&b"warming up\nno token\n\n"[..]), "no token");
        assert_eq!(last_line(&b""[..]), "");
        let long = "x".repeat(100_000) + "\nfinal words";
        assert_eq!(last_line(long.as_bytes()), "final words");
        assert_eq!(last_line("y".repeat(500).as_bytes()).len(), 200);
    }
}
