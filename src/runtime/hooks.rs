//! Hooks: the user's shell commands run when an event comes out (`on_release`) or a goal is
//! reached (`on_goal`), with what happened in `DROPWATCH_*` environment variables. The app
//! decides when (see [`crate::app::App::tick`]); this runs them off the caller's thread, each
//! in its own process group, killed with everything it started when it overruns its time.
//! A hook's shell still running when dropwatch quits is ended with its group; a child it left
//! in the background and whose shell is done (`mpv song.mp3 &`) is let be.

use std::time::Duration;

use crate::app::Hook;
use crate::sources::command::{self, Running};

/// How long a hook may run before it is killed.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(30);

/// Runs `hook` on this thread, its output discarded, for at most `timeout`, listed in `running`
/// while its shell runs; a failure says what the hook was for and why ("on_release of With
/// You: exit 1: no such file").
pub(crate) fn run(hook: &Hook, timeout: Duration, running: &Running) -> Result<(), String> {
    command::output(&hook.command, &hook.env, timeout, false, running)
        .map(drop)
        .map_err(|e| format!("{}: {e}", hook.what))
}

/// Runs `hook` on a thread of its own, so that nothing waits for it, listed in `running`, and
/// hands the outcome to `on_done` there.
pub(crate) fn spawn(
    hook: Hook,
    running: Running,
    on_done: impl FnOnce(Result<(), String>) + Send + 'static,
) {
    std::thread::spawn(move || on_done(run(&hook, TIMEOUT, &running)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::default_config;

    fn hook(command: &str) -> Hook {
        Hook::release(command, &default_config().events[0])
    }

    #[test]
    fn the_environment_says_what_happened() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out.txt");
        let command = format!(
            "echo \"$DROPWATCH_KIND $DROPWATCH_EVENT $DROPWATCH_EVENT_NAME $DROPWATCH_AT\" > '{}'",
            file.display()
        );
        run(&hook(&command), TIMEOUT, &Running::default()).unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "release with-you With You 2022-04-24T14:00:00Z\n"
        );
    }

    #[test]
    fn a_failure_names_the_hook_and_its_last_words() {
        let e = run(
            &hook("echo starting; echo 'no such channel' >&2; exit 3"),
            TIMEOUT,
            &Running::default(),
        );
        assert_eq!(
            e.unwrap_err(),
            "on_release of With You: exit 3: no such channel"
        );
    }

    #[test]
    fn an_overrunning_hook_is_killed() {
        let e = run(
            &hook("sleep 30"),
            Duration::from_millis(100),
            &Running::default(),
        )
        .unwrap_err();
        assert!(e.contains("timeout after 100ms"), "{e}");
    }

    /// A hook that starts a player in the background succeeds as soon as its shell is done,
    /// and the player is left to play.
    #[test]
    fn a_child_left_in_the_background_is_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let done = dir.path().join("done");
        let command = format!("(sleep 1; touch '{}') & echo started", done.display());
        run(
            &hook(&command),
            Duration::from_millis(500),
            &Running::default(),
        )
        .unwrap();
        // Bounded wait for the background child to finish its work: it was not killed.
        let start = std::time::Instant::now();
        while !done.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the child was killed"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn spawn_reports_on_its_own_thread() {
        let (tx, rx) = std::sync::mpsc::channel();
        spawn(hook("exit 1"), Running::default(), move |r| {
            tx.send(r).unwrap()
        });
        let outcome = rx.recv().unwrap();
        assert_eq!(outcome.unwrap_err(), "on_release of With You: exit 1");
    }
}
