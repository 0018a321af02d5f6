//! The runtime under every front-end (the dashboard, `bar`, `record`): it owns the channel the
//! event threads feed, watches the config and readings, carries out the effects the app asks
//! for (reload, save a reading, run a hook), and keeps polling and the hooks with whichever
//! process on the config holds their locks, taking them over when that process goes away.
//! What only a screen can do (a bell, a suspend, a redraw) it hands back to the front-end.

mod edit;
pub(crate) mod hooks;
pub(crate) mod load;
pub(crate) mod notices;
pub(crate) mod polling;
pub(crate) mod signals;
pub(crate) mod watch;

use std::fs::File;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::app::{App, Effect, Event, Hook};
use crate::card::{self, Card};
use crate::config::{self, SourceSpec};
use crate::lang::Arg;
use crate::readings::poll::Key;
use crate::readings::{self, Reading};
use crate::sources::command::{END_GRACE, Running};
use crate::values::clock::Clock;
use crate::view::View;
use notices::Of;
use polling::{Lock, Polling, Role};

/// How often a process that wants the polling or the hooks tries again for their lock while
/// another holds it: well within a minute of that one going away.
pub(crate) const RETRY: Duration = Duration::from_secs(10);

/// What falls to the front-end after the runtime carried out the app's effects.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Ring the bell with this text (a screen's job).
    Bell(String),
    /// Give the terminal back (Ctrl-Z).
    Suspend,
    /// Draw everything again.
    Redraw,
    /// The config was read again and is good, and either changed or was broken before.
    Reloaded,
    /// The config was read again and is broken; the app keeps the last good one and holds
    /// the error.
    ReloadFailed,
    /// A reading a source brought, and whether it was saved (else why not).
    Recorded(Reading, Result<(), String>),
    /// Who polls the sources changed.
    Polling(Role),
    /// Something to tell the person: the dashboard shows it in the footer, `bar` and `record`
    /// say it on stderr.
    Notice(String),
}

/// The one runtime of a front-end.
pub struct Runtime {
    /// Who this is, for lock files and messages ("the dashboard", "bar", "record").
    who: &'static str,
    clock: Clock,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    _watcher: Option<watch::Watcher>,
    /// The sources are polled only on the live clock: a replay shows what was recorded.
    live: bool,
    polling: Polling,
    /// The sources `polling` was started for, to notice a reload that changes them.
    polled: Option<Vec<(Key, SourceSpec)>>,
    /// The app's `loaded_at` when the sources were last compared: only a load can change them,
    /// so a steady second compares (and allocates) nothing.
    compared_at: Option<Option<DateTime<Utc>>>,
    /// Whether the hooks may run here (`--hooks` in a replay, or live).
    hooks_wanted: bool,
    /// The hooks lock while this process holds it (`Some(None)`: nothing to share, or a lock
    /// file that cannot be used).
    hooks_lock: Option<Option<File>>,
    /// Who runs the hooks while another process does, as last said.
    hooks_holder: Option<String>,
    /// What the start-up's effects left for the front-end's first turn.
    pending: Vec<Outcome>,
    /// When the locks were last tried.
    last_try: Option<Instant>,
    /// The hooks whose shells still run, ended when the runtime is.
    hooks_running: Running,
    /// Whether the end of the replay was said.
    said_end: bool,
}

impl Runtime {
    /// Starts the runtime for `app` as `who`: the signal thread, the watch on the config and
    /// its readings, and, on the live clock, polling and (with `hooks`) the hooks.
    pub fn start(
        app: &mut App,
        clock: Clock,
        who: &'static str,
        hooks: bool,
    ) -> anyhow::Result<Runtime> {
        let (tx, rx) = mpsc::channel();
        signals::spawn_signals(tx.clone())
            .map_err(|e| anyhow::anyhow!("cannot listen for signals: {e}"))?;
        let watcher = watch_files(app, &tx, who);
        let live = clock == Clock::System;
        let mut runtime = Runtime {
            who,
            clock,
            tx,
            rx,
            _watcher: watcher,
            live,
            polling: Polling::idle(),
            polled: None,
            compared_at: None,
            hooks_wanted: hooks,
            hooks_lock: None,
            hooks_holder: None,
            pending: Vec::new(),
            last_try: None,
            hooks_running: Running::default(),
            said_end: false,
        };
        // Said on the front-end's first turn: who polls, who runs the hooks.
        runtime.pending = runtime.effects(app);
        Ok(runtime)
    }

    /// A sender for another event thread (the terminal's input).
    pub(crate) fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }

    /// The instant the clock shows now.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The clock the front-end runs on.
    pub(crate) fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Who polls the sources now.
    pub(crate) fn role(&self) -> &Role {
        &self.polling.role
    }

    /// Waits up to `timeout` for the next event.
    pub(crate) fn next_event(&self, timeout: Duration) -> Option<Event> {
        match self.rx.recv_timeout(timeout) {
            Ok(ev) => Some(ev),
            Err(RecvTimeoutError::Timeout) => None,
            // Never: the runtime holds a sender itself.
            Err(RecvTimeoutError::Disconnected) => Some(Event::InputClosed),
        }
    }

    /// The next event already queued, without waiting.
    pub(crate) fn queued(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }

    /// How long the runtime may sleep before it needs a turn: until the next try for a lock
    /// another process holds, or `None` when it wants nothing.
    pub(crate) fn due_in(&self) -> Option<Duration> {
        self.waiting().then(|| {
            self.last_try
                .map_or(Duration::ZERO, |t| RETRY.saturating_sub(t.elapsed()))
        })
    }

    /// Whether this process wants a lock another holds: the polling or the hooks.
    fn waiting(&self) -> bool {
        matches!(self.polling.role, Role::Watching(_))
            || (self.hooks_wanted && self.hooks_lock.is_none())
    }

    /// Carries out the app's effects, and those they lead to, and keeps the polling and the
    /// hooks; returns what falls to the front-end, in order.
    pub fn effects(&mut self, app: &mut App) -> Vec<Outcome> {
        let mut out = std::mem::take(&mut self.pending);
        if !self.said_end && self.clock.ended() {
            self.said_end = true;
            out.push(Outcome::Notice(notices::replay_end(app.lang)));
        }
        self.keep_locks(app, &mut out);
        while !app.effects.is_empty() {
            for effect in std::mem::take(&mut app.effects) {
                self.carry_out(app, effect, &mut out);
            }
            // A reload may have changed the sources.
            self.keep_polling(app, false, &mut out);
        }
        out
    }

    fn carry_out(&mut self, app: &mut App, effect: Effect, out: &mut Vec<Outcome>) {
        match effect {
            Effect::Bell(text) => out.push(Outcome::Bell(text)),
            Effect::Suspend => out.push(Outcome::Suspend),
            Effect::Redraw => out.push(Outcome::Redraw),
            Effect::Reload => out.extend(reload(app)),
            Effect::Append(reading) => {
                let lang = app.lang;
                let (n, event) = (lang.count(reading.count), reading.event.clone());
                app.notice = Some(
                    match (save(app, reading), app.config.source.readings_path()) {
                        (Err(why), _) => why,
                        (Ok(Some(moved)), _) => moved,
                        (Ok(None), Some(path)) => {
                            let path = path.display().to_string();
                            let args = [
                                ("n", Arg::from(n)),
                                ("event", Arg::from(event)),
                                ("path", Arg::from(path)),
                            ];
                            lang.t_with("messages-reading-saved", &args).into_owned()
                        }
                        (Ok(None), None) => lang.t("messages-reading-kept").into_owned(),
                    },
                );
            }
            Effect::Record(reading) => {
                let result = save(app, reading.clone());
                match &result {
                    Err(why) | Ok(Some(why)) => app.notice = Some(why.clone()),
                    Ok(None) => {}
                }
                out.push(Outcome::Recorded(reading, result.map(|_| ())));
            }
            Effect::Edit(edit) => match edit::apply(app, &edit) {
                Ok(said) => {
                    app.form_saved(said);
                    // Shown at once; the watcher's reload of the file follows.
                    out.extend(reload(app));
                }
                Err(why) => app.form_failed(why),
            },
            Effect::Hook(hook) => self.hook(hook),
            Effect::Card(stream) => {
                app.notice = Some(match save_card(app, stream) {
                    Ok(path) => app
                        .lang
                        .t_with("messages-card-saved", &path_arg(&path))
                        .into_owned(),
                    Err(why) => why,
                });
            }
            Effect::GoalCard(stream, hook) => {
                let saved = save_card(app, Some(stream));
                app.notice = Some(match &saved {
                    Ok(path) => app
                        .lang
                        .t_with("messages-goal-card-saved", &path_arg(path))
                        .into_owned(),
                    Err(why) => why.clone(),
                });
                if let Some(mut hook) = hook {
                    if let Ok(path) = saved {
                        let path = path.to_string_lossy().into_owned();
                        hook.env.push(("DROPWATCH_CARD".into(), path));
                    }
                    self.hook(hook);
                }
            }
        }
    }

    /// Runs `hook` off this thread; a failure comes back as an event.
    fn hook(&self, hook: Hook) {
        let tx = self.tx.clone();
        hooks::spawn(hook, self.hooks_running.clone(), move |outcome| {
            if let Err(why) = outcome {
                let _ = tx.send(Event::HookFailed(why));
            }
        });
    }

    /// Tries for the locks this process wants and another holds, at most every [`RETRY`], and
    /// (re)starts polling when the config's sources changed.
    fn keep_locks(&mut self, app: &mut App, out: &mut Vec<Outcome>) {
        // A steady second with nothing to wait for asks no clock.
        let due = self.waiting() && self.last_try.is_none_or(|t| t.elapsed() >= RETRY);
        if self.hooks_wanted && self.hooks_lock.is_none() && due {
            self.try_hooks(app, out);
        }
        let retry = due && matches!(self.polling.role, Role::Watching(_));
        if due {
            self.last_try = Some(Instant::now());
        }
        self.keep_polling(app, retry, out);
    }

    /// Tries for the hooks lock: takes the hooks, or says once who runs them, or why the lock
    /// file cannot be used (and runs them without it).
    fn try_hooks(&mut self, app: &mut App, out: &mut Vec<Outcome>) {
        let taken = match polling::hooks_lock(&app.config, self.who) {
            Lock::Held(file) => {
                if let Some(holder) = self.hooks_holder.take() {
                    let key = "messages-hooks-taken";
                    let text = notices::about_holder(app.lang, key, &holder, "");
                    out.push(Outcome::Notice(text));
                }
                file
            }
            Lock::Unusable(u) => {
                out.push(Outcome::Notice(u.say(app.lang, Of::Hooks)));
                None
            }
            Lock::Busy(holder) => {
                if self.hooks_holder.as_ref() != Some(&holder) {
                    let key = "messages-hooks-busy";
                    let text = notices::about_holder(app.lang, key, &holder, "");
                    out.push(Outcome::Notice(text));
                    self.hooks_holder = Some(holder);
                }
                return;
            }
        };
        self.hooks_lock = Some(taken);
        app.hooks = true;
    }

    /// (Re)starts polling when the config's sources changed since it started, or with
    /// `retry` when another process polls, so that this one takes over when that one quits.
    fn keep_polling(&mut self, app: &mut App, retry: bool, out: &mut Vec<Outcome>) {
        if !self.live || (!retry && self.compared_at == Some(app.loaded_at)) {
            return;
        }
        self.compared_at = Some(app.loaded_at);
        let now = polling::sources(&app.config);
        if self.polled.as_ref() == Some(&now) && !retry {
            return;
        }
        let was = self.polling.role.clone();
        // Let go of the lock before taking it again.
        self.polling = Polling::idle();
        let tx = self.tx.clone();
        self.polling = polling::start(&app.config, self.who, move |r| {
            let _ = tx.send(Event::Polled(r));
        });
        if let Some(warning) = self.polling.warning.take() {
            out.push(Outcome::Notice(warning.say(app.lang, Of::Poll)));
        }
        app.polled_by = match &self.polling.role {
            Role::Watching(who) => Some(who.clone()),
            _ => None,
        };
        self.polled = Some(now);
        if self.polling.role != was {
            out.push(Outcome::Polling(self.polling.role.clone()));
        }
    }
}

impl Drop for Runtime {
    /// A front-end that quits leaves nothing it started running: polling stops and its
    /// commands in flight are ended, then the hooks whose shells still run.
    fn drop(&mut self) {
        self.polling = Polling::idle();
        self.hooks_running.end_all(END_GRACE);
    }
}

/// Watches the config and its readings when they are files; says so in the app's notice when
/// the OS refuses, with what `who` can do instead (the dashboard's `r`; a restart elsewhere).
fn watch_files(app: &mut App, tx: &Sender<Event>, who: &str) -> Option<watch::Watcher> {
    let config::Source::File(path) = &app.config.source else {
        return None;
    };
    let mut files = vec![path.clone()];
    files.extend(app.config.source.readings_path());
    match watch::spawn(&files, tx.clone()) {
        Ok(w) => Some(w),
        Err(e) => {
            let instead = if who == "the dashboard" {
                "messages-not-watching-reload"
            } else {
                "messages-not-watching-restart"
            };
            let args = [
                ("error", Arg::from(e.to_string())),
                ("instead", Arg::from(app.lang.t(instead).into_owned())),
            ];
            let text = app.lang.t_with("messages-not-watching", &args);
            app.notice = Some(text.into_owned());
            None
        }
    }
}

/// Saves a share card of what `app` shows, or of `stream` (its event shown), as a new PNG in
/// the config's cards folder; its path, or why not.
fn save_card(app: &mut App, stream: Option<usize>) -> Result<std::path::PathBuf, String> {
    let pinned = app.selected.clone();
    if let Some(s) = stream.and_then(|i| app.config.streams.get(i)) {
        app.selected = Some(s.event.clone());
    }
    let view = View::derive(app);
    app.selected = pinned;
    let Some(card) = Card::of(app, &view, stream) else {
        return Err(app.lang.t("messages-no-card-event").into_owned());
    };
    card::save::save_png(&app.config, &card)
}

/// Re-reads the config and readings; a bad config keeps the last good one and the app holds
/// its error. The one reload rule of every front-end.
fn reload(app: &mut App) -> Option<Outcome> {
    let outcome = match load::config(&app.config.source) {
        Ok(c) => {
            let news = app.config_error.is_some() || c != app.config;
            app.set_config(c, Utc::now());
            news.then_some(Outcome::Reloaded)
        }
        Err(e) => {
            app.reload_failed(e);
            Some(Outcome::ReloadFailed)
        }
    };
    load::refresh_readings(&app.config.source, &mut app.readings);
    app.readings_changed();
    outcome
}

/// Appends `reading` to the readings file (the path `log` takes) and shows it at once; the
/// embedded default keeps it in memory. Says why when it cannot be written, and what the
/// append had to move aside to keep a person's line.
fn save(app: &mut App, reading: Reading) -> Result<Option<String>, String> {
    let mut moved = None;
    if let Some(path) = app.config.source.readings_path() {
        let lang = app.lang;
        let file = || ("file", Arg::from(path.display().to_string()));
        moved = readings::append(&path, &reading)
            .map_err(|e| {
                let args = [file(), ("error", Arg::from(e.to_string()))];
                lang.t_with("messages-cannot-write", &args).into_owned()
            })?
            .map(|aside| {
                let args = [file(), ("aside", Arg::from(aside.display().to_string()))];
                lang.t_with("messages-line-moved", &args).into_owned()
            });
    }
    // Shown at once; the watcher's reload of the file follows.
    app.add_reading(reading);
    // A goal the reading reaches fires now, not at the next wake-up (which, for `record`
    // without a watcher, may be the next poll).
    let now = app.now;
    app.tick(now);
    Ok(moved)
}

/// A saved file's path as the `path` argument of a message.
fn path_arg(path: &std::path::Path) -> [(&'static str, Arg); 1] {
    [("path", Arg::from(path.display().to_string()))]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Hook;

    #[test]
    fn a_failed_hook_shows_in_the_footer() {
        let mut app = crate::testing::app("2022-04-24T13:00:00Z");
        let clock = Clock::Fixed(app.now);
        let mut runtime = Runtime::start(&mut app, clock, "the dashboard", false).unwrap();
        let hook = Hook::release(
            "echo ok; echo 'no display' >&2; exit 1",
            &app.config.events[0],
        );
        app.effects.push(Effect::Hook(hook));
        assert!(runtime.effects(&mut app).is_empty());
        let ev = runtime
            .next_event(Duration::from_secs(30))
            .expect("the hook's end");
        app.update(ev);
        let text = crate::testing::text(&app, 120, 30);
        assert!(
            text.contains("hook failed: on_release of With You: exit 1: no display"),
            "{text}"
        );
    }

    /// What the dashboard's `q` does: the runtime goes, and a hook still running goes with it.
    #[test]
    fn quitting_ends_a_hook_whose_shell_still_runs() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let mut app = crate::testing::app("2022-04-24T13:00:00Z");
        let clock = Clock::Fixed(app.now);
        let mut runtime = Runtime::start(&mut app, clock, "the dashboard", false).unwrap();
        let command = format!("echo $$ > '{}'; exec sleep 30", pid_file.display());
        let hook = Hook::release(&command, &app.config.events[0]);
        app.effects.push(Effect::Hook(hook));
        runtime.effects(&mut app);
        let start = Instant::now();
        let pid = loop {
            let text = std::fs::read_to_string(&pid_file).unwrap_or_default();
            if let Ok(pid) = text.trim().parse::<u32>() {
                break pid;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no hook ran");
            std::thread::sleep(Duration::from_millis(10));
        };
        drop(runtime);
        // Ended and reaped by the time the runtime is gone.
        if std::path::Path::new("/proc/self").exists() {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            assert!(!stat.contains("(sleep)"), "the hook still runs: {stat}");
        }
    }

    #[test]
    fn a_goal_a_polled_reading_reaches_rings_at_once() {
        let mut app = crate::testing::app("2022-04-24T15:00:00Z");
        let clock = Clock::Fixed(app.now);
        let mut runtime = Runtime::start(&mut app, clock, "record", false).unwrap();
        let reading = crate::testing::spotify("2022-04-24T15:00:00Z", 2_800_000);
        app.effects.push(Effect::Record(reading.clone()));
        // The same turn: no tick of the loop between the save and the goal.
        assert_eq!(
            runtime.effects(&mut app),
            [
                Outcome::Recorded(reading, Ok(())),
                Outcome::Bell("Global top 10 reached for With You".into())
            ]
        );
    }

    #[test]
    fn a_broken_config_keeps_the_last_good_one_until_it_is_fixed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, config::DEFAULT_TOML).unwrap();
        let source = config::Source::File(path.clone());
        let (config, readings) = load::both(&source).unwrap();
        let now = crate::testing::utc("2022-04-24T13:00:00Z");
        let mut app = App::new(config, readings, now, chrono_tz::UTC);
        let mut runtime = Runtime::start(&mut app, Clock::Fixed(now), "bar", false).unwrap();
        std::fs::write(&path, "this is = = broken [[").unwrap();
        app.effects.push(Effect::Reload);
        assert_eq!(runtime.effects(&mut app), [Outcome::ReloadFailed]);
        assert!(app.config_error.is_some());
        assert_eq!(app.config.events.len(), 2, "the last good config stays");
        // The same config again is no news; a fixed one is.
        std::fs::write(&path, config::DEFAULT_TOML.replace("With You", "With Me")).unwrap();
        app.effects.push(Effect::Reload);
        assert_eq!(runtime.effects(&mut app), [Outcome::Reloaded]);
        assert!(app.config_error.is_none());
        assert_eq!(app.config.events[0].name, "With Me");
        app.effects.push(Effect::Reload);
        assert!(runtime.effects(&mut app).is_empty());
    }

    /// A second front-end on a config whose hooks another runs says so in the footer in the
    /// fan's language, the holder's command name and pid as they are.
    #[test]
    fn who_runs_the_hooks_is_said_in_the_fans_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, config::DEFAULT_TOML).unwrap();
        let source = config::Source::File(path);
        let now = crate::testing::utc("2022-04-24T13:00:00Z");
        let start = |lang| {
            let (config, readings) = load::both(&source).unwrap();
            let mut app = App::new(config, readings, now, chrono_tz::UTC);
            app.lang = lang;
            let runtime = Runtime::start(&mut app, Clock::Fixed(now), "bar", true).unwrap();
            (app, runtime)
        };
        let (_, _first) = start(crate::lang::Lang::En);
        let (mut app, mut second) = start(crate::lang::Lang::Ko);
        let said = second.effects(&mut app);
        let holder = format!("bar (pid {})", std::process::id());
        let busy = format!("{holder}에서 훅 실행 중: 끝나면 이어받아요");
        assert_eq!(said, [Outcome::Notice(busy.clone())]);
        app.notice = Some(busy.clone());
        let screen = crate::testing::text(&app, 120, 40);
        assert!(screen.contains(&busy), "{screen}");
        assert!(!screen.contains("runs the hooks"), "{screen}");
    }

    /// A file config with a cards folder, in `dir`, at `now`.
    fn card_app(dir: &std::path::Path, extra: &str, now: &str) -> App {
        let path = dir.join("fan.toml");
        let text = config::DEFAULT_TOML.replacen(
            "bell = true",
            &format!("bell = true\ncards_dir = \"cards\"\n{extra}"),
            1,
        );
        std::fs::write(&path, text).unwrap();
        let (config, readings) = load::both(&config::Source::File(path)).unwrap();
        crate::testing::app_with(config, readings, now)
    }

    #[test]
    fn s_saves_a_card_beside_the_config_and_the_footer_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = card_app(dir.path(), "", "2022-04-24T18:00:00Z");
        let clock = Clock::Fixed(app.now);
        let mut runtime = Runtime::start(&mut app, clock, "the dashboard", false).unwrap();
        app.on_key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('s'),
            crossterm::event::KeyModifiers::NONE,
        ));
        runtime.effects(&mut app);
        let card = dir
            .path()
            .join("cards/with-you-spotify-20220424-180000.png");
        let png = std::fs::read(&card).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        let text = crate::testing::text(&app, 160, 30);
        assert!(text.contains("card saved: "), "{text}");
        assert!(
            text.contains("with-you-spotify-20220424-180000.png"),
            "{text}"
        );
    }

    #[test]
    fn the_footer_says_what_was_saved_in_the_fans_language() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = card_app(dir.path(), "lang = \"ko\"", "2022-04-24T18:00:00Z");
        let clock = Clock::Fixed(app.now);
        let mut runtime = Runtime::start(&mut app, clock, "the dashboard", false).unwrap();
        app.effects.push(Effect::Append(crate::testing::spotify(
            "2022-04-24T18:00:00Z",
            1_140_000,
        )));
        runtime.effects(&mut app);
        let notice = app.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("with-you 1,140,000 저장: "), "{notice}");
        app.effects.push(Effect::Card(None));
        runtime.effects(&mut app);
        let notice = app.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("카드 저장됨: "), "{notice}");
        assert!(!notice.contains("saved"), "{notice}");
    }

    #[test]
    fn a_goal_reached_saves_its_card_and_hands_the_hook_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("posted");
        let hook = format!("printf %s \"$DROPWATCH_CARD\" > '{}'", out.display());
        let mut app = card_app(dir.path(), "cards_on_goal = true", "2022-04-24T15:00:00Z");
        app.config.on_goal = vec![Some(hook)];
        let clock = Clock::Fixed(app.now);
        let mut runtime = Runtime::start(&mut app, clock, "record", true).unwrap();
        assert!(app.hooks, "this process runs the hooks");
        let reading = crate::testing::spotify("2022-04-24T15:00:00Z", 2_800_000);
        app.effects.push(Effect::Record(reading));
        runtime.effects(&mut app);
        let card = dir
            .path()
            .join("cards/with-you-spotify-20220424-150000.png");
        assert!(card.exists(), "{:?}", app.notice);
        let start = Instant::now();
        while std::fs::read_to_string(&out).unwrap_or_default().is_empty() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the hook did not run"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            card.display().to_string()
        );
    }
}
