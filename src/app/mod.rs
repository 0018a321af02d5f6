//! The app state and its update on events. No I/O here: what needs the outside world (a bell,
//! appending a reading, re-reading the config) is returned as an [`Effect`] for the loop. The
//! state never asks the renderer: a click arrives already resolved to what was under it.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::config::{Config, ConfigErrors, Event, Stream};
use crate::readings::{Reading, Readings};
use crate::runtime::hooks::Hook;
use crate::runtime::polling::Key;
use crate::sources::{PollResult, SourceStatus};
use crate::values::countdown;
use crate::values::numbers::thousands;

/// Something the loop must do outside the pure state: the app asks, the loop acts.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ring the bell and send a desktop notification with this text.
    Bell(String),
    /// Re-read the config and readings now.
    Reload,
    /// Append this reading to the readings file.
    Append(Reading),
    /// Give the terminal back and stop (Ctrl-Z); redraw everything on resume.
    Suspend,
    /// Run this hook without waiting for it.
    Hook(Hook),
}

/// The inline prompt opened by `u`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    /// Index into `config.streams` of the stream being updated.
    pub stream: usize,
    /// What has been typed.
    pub input: String,
    /// Why the last Enter was refused, or what it asks to confirm.
    pub error: Option<String>,
    /// The last Enter found a count lower than the last reading: the next Enter of the same
    /// input records it as a correction.
    pub confirm_lower: bool,
}

/// What the keys do now: one mode at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    /// The dashboard.
    #[default]
    Normal,
    /// The help overlay; any key closes it.
    Help,
    /// The `u` prompt, typing a count.
    Prompt(Prompt),
}

/// What a click landed on, as the last drawn frame laid it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The row of the event at this index of `config.events`.
    Event(usize),
}

/// The state of the dashboard: the config, the readings, the clock's last second, the keys.
#[derive(Debug, Clone)]
pub struct App {
    /// The last good config.
    pub config: Config,
    /// The readings beside it.
    pub readings: Readings,
    /// The instant this frame shows, whole seconds.
    pub now: DateTime<Utc>,
    /// The viewer's zone (`--zone`, `$TZ` or the system's).
    pub local_zone: Tz,
    /// The id the user selected; `None` follows the next event.
    pub selected: Option<String>,
    /// 0 = the viewer's zone, 1..=zones.len() = `zones`, then UTC.
    pub zone_index: usize,
    /// Normal, help or prompt.
    pub mode: Mode,
    /// The error of the last reload that failed, shown as a banner over the last good config.
    pub error: Option<ConfigErrors>,
    /// A short message for the footer (a saved reading, a warning).
    pub notice: Option<String>,
    /// When the config was last loaded (by the real clock).
    pub loaded_at: Option<DateTime<Utc>>,
    /// The app's clock (`now`, replayed or real) at the last load or reload attempt: the
    /// footer shows it beside the header's clock.
    pub load_clock: DateTime<Utc>,
    /// Colors on.
    pub color: bool,
    /// The user asked to quit.
    pub quit: bool,
    /// Effects for the loop to carry out.
    pub effects: Vec<Effect>,
    /// Each polled stream's source: when it last worked, why it fails.
    pub sources: std::collections::BTreeMap<Key, SourceStatus>,
    /// Who polls the sources when it is not this process ("record (pid 4242)").
    pub polled_by: Option<String>,
    /// Whether hooks may run: on the live clock, or in a replay with `--hooks`.
    pub hooks: bool,
    /// Goals reached so far, by (event, platform, label): each rings and hooks once.
    reached: std::collections::BTreeSet<(String, String, String)>,
    /// No goal can be newly reached before this instant (the next deadline or reading after
    /// the last check) while the readings number this many: the tick skips the check.
    goals_quiet: Option<(DateTime<Utc>, usize)>,
}

impl App {
    /// A new app showing `config` at `now`.
    pub fn new(config: Config, readings: Readings, now: DateTime<Utc>, local_zone: Tz) -> App {
        let mut app = App {
            config,
            readings,
            now: crate::values::clock::floor_second(now),
            local_zone,
            selected: None,
            zone_index: 0,
            mode: Mode::Normal,
            error: None,
            notice: None,
            loaded_at: None,
            load_clock: crate::values::clock::floor_second(now),
            color: true,
            quit: false,
            effects: Vec::new(),
            sources: std::collections::BTreeMap::new(),
            polled_by: None,
            hooks: false,
            reached: Default::default(),
            goals_quiet: None,
        };
        // Goals reached before we started are the past: nobody is paged for them.
        app.check_goals(false);
        app
    }

    /// Takes in a poll of a stream's source (the reading a success brings is added apart).
    pub fn on_poll(&mut self, result: &PollResult<Key>) {
        self.sources
            .entry(result.key.clone())
            .or_default()
            .record(result.at, &result.outcome);
    }

    /// Moves the clock to `now`; rings and runs `on_release` for every event whose release
    /// passed since the last tick (once: a reload does not move the clock back, so it never
    /// rings twice), and likewise for every goal reached since (see [`App::check_goals`]).
    pub fn tick(&mut self, now: DateTime<Utc>) {
        let now = crate::values::clock::floor_second(now);
        if now > self.now {
            for e in &self.config.events {
                if self.now < e.at && e.at <= now {
                    if self.config.bell {
                        self.effects
                            .push(Effect::Bell(format!("{} is out now", e.name)));
                    }
                    if self.hooks
                        && let Some(command) = &e.on_release
                    {
                        self.effects.push(Effect::Hook(Hook::release(command, e)));
                    }
                }
            }
        }
        self.now = now;
        let quiet = self
            .goals_quiet
            .is_some_and(|(until, n)| now < until && n == self.readings.len());
        if !quiet {
            self.check_goals(true);
        }
    }

    /// Says the readings changed in place: the next tick checks the goals again.
    pub fn readings_changed(&mut self) {
        self.goals_quiet = None;
    }

    /// Notes every goal reached by now that was not before, and with `fire` rings and runs
    /// `on_goal` for each. A goal counts as its stream's view does: the newest reading at or
    /// before now (or before its deadline, once that passed), else the config's count. It
    /// also notes until when no goal can be newly reached, so the tick skips it till then.
    fn check_goals(&mut self, fire: bool) {
        // Until the next deadline or reading after now, no count and no goal's rule changes.
        let next_deadline = self
            .config
            .streams
            .iter()
            .flat_map(|s| &s.goals)
            .map(|g| g.deadline)
            .filter(|&d| d > self.now);
        let next_reading = self
            .readings
            .streams()
            .filter_map(|(_, _, series)| series.get(series.upto(self.now)).map(|p| p.time));
        self.goals_quiet = Some((
            next_deadline
                .chain(next_reading)
                .min()
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            self.readings.len(),
        ));
        for (i, stream) in self.config.streams.iter().enumerate() {
            let mut count_now = None;
            for goal in &stream.goals {
                let key = (
                    stream.event.clone(),
                    stream.platform.clone(),
                    goal.label.clone(),
                );
                if self.reached.contains(&key) {
                    continue;
                }
                let count = if self.now >= goal.deadline {
                    count_at(&self.readings, stream, goal.deadline)
                } else {
                    *count_now.get_or_insert_with(|| count_at(&self.readings, stream, self.now))
                };
                if count < goal.streams {
                    continue;
                }
                self.reached.insert(key);
                if !fire {
                    continue;
                }
                let name = self.config.event_name(&stream.event);
                if self.config.bell {
                    self.effects
                        .push(Effect::Bell(format!("{} reached for {name}", goal.label)));
                }
                if self.hooks
                    && let Some(command) = self.config.on_goal(i)
                {
                    self.effects.push(Effect::Hook(Hook::goal(
                        command, stream, name, goal, count, self.now,
                    )));
                }
            }
        }
    }

    /// The next release after the app's clock, to wake for.
    pub fn next_release(&self) -> Option<DateTime<Utc>> {
        self.config
            .events
            .iter()
            .map(|e| e.at)
            .find(|at| *at > self.now)
    }

    /// Swaps in a freshly loaded config, keeping the selection when its event still exists.
    /// Goals the old config reached by now fire first; those the new one has already reached
    /// do not (a goal added below the count is not news).
    pub fn set_config(&mut self, config: Config, loaded_at: DateTime<Utc>) {
        self.check_goals(true);
        if let Some(id) = &self.selected
            && config.event(id).is_none()
        {
            self.selected = None;
        }
        self.zone_index = self.zone_index.min(config.zones.len() + 1);
        // An open prompt follows its stream (by event and platform) to its new place, or closes.
        if let Mode::Prompt(p) = &mut self.mode {
            let key = self
                .config
                .streams
                .get(p.stream)
                .map(|s| (s.event.clone(), s.platform.clone()));
            match config.streams.iter().position(|s| {
                key.as_ref()
                    .is_some_and(|(e, pl)| &s.event == e && &s.platform == pl)
            }) {
                Some(i) => p.stream = i,
                None => self.mode = Mode::Normal,
            }
        }
        self.config = config;
        self.check_goals(false);
        self.error = None;
        self.loaded_at = Some(loaded_at);
        self.load_clock = self.now;
    }

    /// Keeps the last good config after a reload that failed with `error`.
    pub fn reload_failed(&mut self, error: ConfigErrors) {
        self.error = Some(error);
        self.load_clock = self.now;
    }

    /// The zone the header clock and the events list use.
    pub fn display_zone(&self) -> Tz {
        match self.zone_index {
            0 => self.local_zone,
            i if i <= self.config.zones.len() => self.config.zones[i - 1],
            _ => chrono_tz::UTC,
        }
    }

    /// The index of the event the Next panel shows: the user's pick, else the next event
    /// not yet released (or still live), else the one with the nearest anniversary.
    pub fn selected_index(&self) -> Option<usize> {
        self.pinned_index()
            .or_else(|| automatic_selection(&self.config.events, self.now))
    }

    /// The index of the event the user picked, while it exists.
    pub fn pinned_index(&self) -> Option<usize> {
        let id = self.selected.as_ref()?;
        self.config.events.iter().position(|e| &e.id == id)
    }

    /// Applies a key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        // A notice is read by the next key press.
        self.notice = None;
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            match key.code {
                KeyCode::Char('c') => self.quit = true,
                KeyCode::Char('z') => self.effects.push(Effect::Suspend),
                KeyCode::Char('l') => self.effects.push(Effect::Reload),
                _ => {}
            }
            return;
        }
        match &self.mode {
            Mode::Prompt(_) => self.on_prompt_key(key),
            Mode::Help => {
                // Any key closes help; q still quits.
                self.mode = Mode::Normal;
                if matches!(key.code, KeyCode::Char('q')) {
                    self.quit = true;
                }
            }
            Mode::Normal => self.on_normal_key(key),
        }
    }

    fn on_normal_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            KeyCode::Char('?') => self.mode = Mode::Help,
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => self.move_selection(-1),
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => self.move_selection(1),
            KeyCode::Home => self.select(0),
            KeyCode::End => self.select(self.config.events.len().saturating_sub(1)),
            KeyCode::Char('z') => {
                self.zone_index = (self.zone_index + 1) % (self.config.zones.len() + 2)
            }
            KeyCode::Char('Z') => {
                let n = self.config.zones.len() + 2;
                self.zone_index = (self.zone_index + n - 1) % n;
            }
            KeyCode::Char('u') => self.open_prompt(),
            KeyCode::Char('r') => self.effects.push(Effect::Reload),
            _ => {}
        }
    }

    fn move_selection(&mut self, by: isize) {
        let n = self.config.events.len();
        if n == 0 {
            return;
        }
        let current = self.selected_index().unwrap_or(0) as isize;
        let next = (current + by).rem_euclid(n as isize) as usize;
        self.select(next);
    }

    /// Pins the event at index `i` of `config.events`.
    pub fn select(&mut self, i: usize) {
        if let Some(e) = self.config.events.get(i) {
            self.selected = Some(e.id.clone());
        }
    }

    fn open_prompt(&mut self) {
        let selected = self.selected_index();
        match shown_streams(&self.config, selected, self.now).first() {
            Some(&stream) => {
                self.mode = Mode::Prompt(Prompt {
                    stream,
                    ..Prompt::default()
                });
            }
            None => {
                let name = selected
                    .map(|i| &self.config.events[i])
                    .map_or("this event".to_string(), |e| e.name.clone());
                self.notice = Some(format!("{name} has no [[streams]] in the config to update"));
            }
        }
    }

    fn on_prompt_key(&mut self, key: KeyEvent) {
        let Mode::Prompt(prompt) = &mut self.mode else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Enter => {
                let count = match crate::values::numbers::parse_count(&prompt.input) {
                    Ok(count) => count,
                    Err(why) => {
                        prompt.error = Some(why.to_string());
                        return;
                    }
                };
                let Some(stream) = self.config.streams.get(prompt.stream) else {
                    self.mode = Mode::Normal;
                    return;
                };
                if !prompt.confirm_lower
                    && let Some(last) = self.readings.lower_than_last(
                        &stream.event,
                        &stream.platform,
                        self.now,
                        count,
                    )
                {
                    prompt.error = Some(format!(
                        "Enter again to record {} as a correction: it is lower than the last reading ({})",
                        thousands(count),
                        thousands(last.count),
                    ));
                    prompt.confirm_lower = true;
                    return;
                }
                let reading = Reading {
                    time: self.now,
                    event: stream.event.clone(),
                    platform: stream.platform.clone(),
                    count,
                    source: crate::readings::Origin::Manual,
                };
                self.mode = Mode::Normal;
                self.effects.push(Effect::Append(reading));
            }
            KeyCode::Backspace => {
                prompt.input.pop();
                prompt.error = None;
                prompt.confirm_lower = false;
            }
            KeyCode::Char(c) if !c.is_control() && prompt.input.chars().count() < 40 => {
                prompt.input.push(c);
                prompt.error = None;
                prompt.confirm_lower = false;
            }
            _ => {}
        }
    }

    /// Records a reading the loop appended (or, for the embedded config, kept in memory).
    pub fn add_reading(&mut self, reading: Reading) {
        self.readings.add(reading);
        self.readings_changed();
    }

    /// Applies a left click on what the last frame drew at that spot.
    pub fn on_click(&mut self, hit: Hit) {
        if matches!(self.mode, Mode::Prompt(_)) {
            return;
        }
        match hit {
            Hit::Event(i) => self.select(i),
        }
    }
}

/// The count of `stream` at `t`: its newest reading at or before `t`, else the config's count
/// (a binary search in the stream's own readings).
fn count_at(readings: &Readings, stream: &Stream, t: DateTime<Utc>) -> u64 {
    readings
        .of(&stream.event, &stream.platform)
        .last_at(t)
        .map_or(stream.count, |p| p.count)
}

/// The event within its imminent hour, else the next event not yet released (or still live),
/// else the one with the nearest anniversary, else the last.
pub fn automatic_selection(events: &[Event], now: DateTime<Utc>) -> Option<usize> {
    // A release within its hour leads, even while an earlier one is still live.
    if let Some(i) = events
        .iter()
        .position(|e| countdown::phase(e.at, e.live_for, now) == countdown::Phase::Imminent)
    {
        return Some(i);
    }
    if let Some(i) = events.iter().position(|e| now < e.at + e.live_for) {
        return Some(i);
    }
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.anniversaries)
        .filter_map(|(i, e)| countdown::next_anniversary(e.at, e.zone, now).map(|(_, t)| (t, i)))
        .min()
        .map(|(_, i)| i)
        .or_else(|| events.len().checked_sub(1))
}

/// Indexes into `config.streams` of the streams shown for the selected event: its own; if it
/// has none, those whose tracking window is open now (a drop's window outlasts its live hour,
/// when the selection has already moved on to the next event).
pub fn shown_streams(config: &Config, selected: Option<usize>, now: DateTime<Utc>) -> Vec<usize> {
    let Some(event) = selected.and_then(|i| config.events.get(i)) else {
        return Vec::new();
    };
    let of_event: Vec<usize> = config
        .streams
        .iter()
        .enumerate()
        .filter(|(_, s)| s.event == event.id)
        .map(|(i, _)| i)
        .collect();
    if !of_event.is_empty() {
        return of_event;
    }
    config
        .streams
        .iter()
        .enumerate()
        .filter(|(_, s)| s.window_start <= now && now < s.window_end)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{app, utc};
    use crate::view::View;

    fn press(app: &mut App, code: KeyCode) {
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn follows_the_next_event_then_the_nearest_anniversary() {
        let id = |now: &str| {
            let a = app(now);
            a.config.events[a.selected_index().unwrap()].id.clone()
        };
        assert_eq!(id("2022-04-24T13:00:00Z"), "with-you");
        assert_eq!(id("2022-04-24T14:30:00Z"), "with-you");
        assert_eq!(id("2022-04-24T15:00:00Z"), "proof");
        // Now: With You's anniversary (April) comes before Proof's (June).
        assert_eq!(id("2026-11-25T19:00:00Z"), "with-you");
        assert_eq!(
            View::derive(&app("2026-11-25T19:00:00Z")).title,
            "With You 5th anniversary in 4mo 29d"
        );
    }

    #[test]
    fn keys_select_cycle_zones_and_quit() {
        let mut a = app("2022-04-24T13:00:00Z");
        assert_eq!(View::derive(&a).title, "With You in 1:00:00");
        press(&mut a, KeyCode::Down);
        assert_eq!(a.selected.as_deref(), Some("proof"));
        press(&mut a, KeyCode::Char('j'));
        assert_eq!(a.selected.as_deref(), Some("with-you"));
        press(&mut a, KeyCode::Char('k'));
        assert_eq!(a.selected.as_deref(), Some("proof"));
        let zones: Vec<Tz> = (0..5)
            .map(|_| {
                let z = a.display_zone();
                press(&mut a, KeyCode::Char('z'));
                z
            })
            .collect();
        use chrono_tz::{America, Asia, Europe, UTC};
        assert_eq!(
            zones,
            [Europe::Berlin, UTC, Asia::Kolkata, America::New_York, UTC]
        );
        assert_eq!(a.display_zone(), Europe::Berlin);
        press(&mut a, KeyCode::Char('?'));
        assert_eq!(a.mode, Mode::Help);
        press(&mut a, KeyCode::Esc);
        assert!(a.mode == Mode::Normal && !a.quit);
        press(&mut a, KeyCode::Char('q'));
        assert!(a.quit);
    }

    #[test]
    fn bell_rings_once_at_zero() {
        let mut a = app("2022-04-24T13:59:58Z");
        a.tick(utc("2022-04-24T13:59:59Z"));
        assert!(a.effects.is_empty());
        a.tick(utc("2022-04-24T14:00:00Z"));
        assert_eq!(a.effects, [Effect::Bell("With You is out now".into())]);
        a.effects.clear();
        a.set_config(
            crate::testing::default_config(),
            utc("2026-01-01T00:00:00Z"),
        );
        a.tick(utc("2022-04-24T14:00:01Z"));
        assert!(a.effects.is_empty());
    }

    /// The default config with hooks, at `now`, hooks allowed.
    fn hooked(now: &str, bell: bool) -> App {
        let text = format!(
            "on_release = \"released\"\n{}",
            crate::config::DEFAULT_TOML
                .replacen("bell = true", &format!("bell = {bell}"), 1)
                .replacen("[[streams]]\n", "[[streams]]\non_goal = \"goal\"\n", 1)
        );
        let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
        let mut a = crate::testing::app_with(config, Readings::default(), now);
        a.hooks = true;
        a
    }

    use crate::testing::spotify;

    /// The hooks among the effects, as (kind, goal label or event id), and the bells' texts.
    fn fired(a: &mut App) -> (Vec<(String, String)>, Vec<String>) {
        let mut hooks = Vec::new();
        let mut bells = Vec::new();
        for e in std::mem::take(&mut a.effects) {
            match e {
                Effect::Hook(h) => {
                    let var = |k: &str| {
                        h.env
                            .iter()
                            .find(|(name, _)| name == &format!("DROPWATCH_{k}"))
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default()
                    };
                    let what = if var("KIND") == "goal" {
                        var("GOAL")
                    } else {
                        var("EVENT")
                    };
                    hooks.push((h.command.clone(), what));
                }
                Effect::Bell(text) => bells.push(text),
                other => panic!("unexpected {other:?}"),
            }
        }
        (hooks, bells)
    }

    #[test]
    fn a_release_runs_its_hook_once_with_what_happened() {
        let mut a = hooked("2022-04-24T13:59:59Z", true);
        a.tick(utc("2022-04-24T14:00:00Z"));
        let hook = a.effects.iter().find_map(|e| match e {
            Effect::Hook(h) => Some(h.clone()),
            _ => None,
        });
        let env = hook.expect("a release hook").env;
        let expected = [
            ("DROPWATCH_KIND", "release"),
            ("DROPWATCH_EVENT", "with-you"),
            ("DROPWATCH_EVENT_NAME", "With You"),
            ("DROPWATCH_AT", "2022-04-24T14:00:00Z"),
        ];
        assert_eq!(env, expected.map(|(k, v)| (k.to_string(), v.to_string())));
        a.effects.clear();
        a.set_config(a.config.clone(), utc("2026-01-01T00:00:00Z"));
        a.tick(utc("2022-04-24T14:00:05Z"));
        assert!(a.effects.is_empty(), "{:?}", a.effects);
    }

    #[test]
    fn no_hooks_unless_allowed_but_the_bell_still_rings() {
        let mut a = hooked("2022-04-24T13:59:59Z", true);
        a.hooks = false;
        a.tick(utc("2022-04-24T14:00:00Z"));
        a.add_reading(spotify("2022-04-24T14:00:00Z", 3_000_000));
        a.tick(utc("2022-04-24T14:00:01Z"));
        let (hooks, bells) = fired(&mut a);
        assert!(hooks.is_empty());
        assert_eq!(
            bells,
            ["With You is out now", "Global top 10 reached for With You"]
        );
    }

    #[test]
    fn a_goal_fires_once_across_reloads_and_a_repeated_count() {
        let mut a = hooked("2022-04-24T15:00:00Z", true);
        a.add_reading(spotify("2022-04-24T15:00:00Z", 2_000_000));
        a.tick(utc("2022-04-24T15:00:01Z"));
        assert_eq!(fired(&mut a), (vec![], vec![]));
        a.add_reading(spotify("2022-04-24T15:00:01Z", 2_800_000));
        a.tick(utc("2022-04-24T15:00:02Z"));
        let (hooks, bells) = fired(&mut a);
        assert_eq!(hooks, [("goal".to_string(), "Global top 10".to_string())]);
        assert_eq!(bells, ["Global top 10 reached for With You"]);
        // The same count again, a reload of the config and of the readings: nothing new.
        a.add_reading(spotify("2022-04-24T15:00:02Z", 2_800_000));
        a.set_config(a.config.clone(), utc("2026-01-01T00:00:00Z"));
        a.readings = a.readings.clone();
        a.tick(utc("2022-04-24T15:00:03Z"));
        assert_eq!(fired(&mut a), (vec![], vec![]));
        // Two goals at once: both, in file order, each once.
        a.add_reading(spotify("2022-04-24T15:00:03Z", 4_100_000));
        a.tick(utc("2022-04-24T15:00:04Z"));
        let (hooks, _) = fired(&mut a);
        let labels: Vec<&str> = hooks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["Global top 5", "24-hour goal"]);
        // A reading in the future of a replay fires when the clock passes it.
        a.add_reading(spotify("2022-04-24T16:00:00Z", 5_000_000));
        a.tick(utc("2022-04-24T15:59:59Z"));
        assert_eq!(fired(&mut a), (vec![], vec![]));
        a.tick(utc("2022-04-24T16:00:00Z"));
        assert_eq!(fired(&mut a).0.len(), 1);
    }

    #[test]
    fn a_goal_reached_before_start_up_or_missed_never_fires() {
        let readings: Readings = [spotify("2022-04-24T20:00:00Z", 3_000_000)]
            .into_iter()
            .collect();
        let config = hooked("2022-04-24T21:00:00Z", true).config;
        let mut a = crate::testing::app_with(config, readings, "2022-04-24T21:00:00Z");
        a.hooks = true;
        a.tick(utc("2022-04-24T21:00:01Z"));
        assert_eq!(fired(&mut a), (vec![], vec![]));
        // Past the window's end, the top-5 goal is missed: a later count does not reach it.
        a.add_reading(spotify("2022-04-25T01:00:00Z", 3_300_000));
        a.tick(utc("2022-04-25T01:00:01Z"));
        assert_eq!(fired(&mut a), (vec![], vec![]));
        // A goal added by a reload below the count is not news either.
        let mut more = a.config.clone();
        more.streams[0].goals.push(crate::config::Goal {
            label: "1M".into(),
            streams: 1_000_000,
            deadline: utc("2022-04-26T00:00:00Z"),
        });
        a.set_config(more, utc("2026-01-01T00:00:00Z"));
        a.tick(utc("2022-04-25T01:00:02Z"));
        assert_eq!(fired(&mut a), (vec![], vec![]));
    }

    #[test]
    fn a_reached_goal_rings_unless_the_bell_is_off() {
        let mut a = hooked("2022-04-24T15:00:00Z", false);
        a.add_reading(spotify("2022-04-24T15:00:00Z", 2_700_000));
        a.tick(utc("2022-04-24T15:00:01Z"));
        let (hooks, bells) = fired(&mut a);
        assert_eq!(hooks.len(), 1);
        assert!(bells.is_empty());
    }

    #[test]
    fn prompt_accepts_counts_and_explains_bad_input() {
        let mut a = app("2022-04-24T16:00:00Z");
        a.selected = Some("with-you".into());
        press(&mut a, KeyCode::Char('u'));
        for c in "lots".chars() {
            press(&mut a, KeyCode::Char(c));
        }
        press(&mut a, KeyCode::Enter);
        let Mode::Prompt(p) = &a.mode else {
            panic!("prompt stays open on bad input");
        };
        assert!(p.error.as_ref().unwrap().contains("not a count"));
        for _ in 0..4 {
            press(&mut a, KeyCode::Backspace);
        }
        for c in "2.7M".chars() {
            press(&mut a, KeyCode::Char(c));
        }
        press(&mut a, KeyCode::Enter);
        assert_eq!(a.mode, Mode::Normal);
        let Some(Effect::Append(r)) = a.effects.pop() else {
            panic!("expected an append");
        };
        assert_eq!(
            (r.count, r.platform.as_str(), r.time),
            (2_700_000, "Spotify", utc("2022-04-24T16:00:00Z"))
        );
        // q typed into the prompt is text, not quit.
        press(&mut a, KeyCode::Char('u'));
        press(&mut a, KeyCode::Char('q'));
        assert!(!a.quit);
        press(&mut a, KeyCode::Esc);
        assert!(a.mode == Mode::Normal && !a.quit);
    }

    #[test]
    fn open_windows_stay_on_screen_after_the_selection_moves_on() {
        let a = app("2022-04-24T18:00:00Z");
        let selected = a.selected_index();
        assert_eq!(a.config.events[selected.unwrap()].id, "proof");
        assert_eq!(shown_streams(&a.config, selected, a.now), [0]);
        let later = app("2022-04-25T01:00:00Z");
        assert!(shown_streams(&later.config, later.selected_index(), later.now).is_empty());
    }

    #[test]
    fn a_click_selects_an_event_unless_the_prompt_is_open() {
        let mut a = app("2022-04-24T13:00:00Z");
        a.on_click(Hit::Event(1));
        assert_eq!(a.selected.as_deref(), Some("proof"));
        a.on_click(Hit::Event(7));
        assert_eq!(a.selected.as_deref(), Some("proof"));
        a.on_click(Hit::Event(0));
        assert_eq!(a.selected.as_deref(), Some("with-you"));
        press(&mut a, KeyCode::Char('u'));
        a.on_click(Hit::Event(1));
        assert_eq!(a.selected.as_deref(), Some("with-you"));
    }

    #[test]
    fn an_open_prompt_follows_its_stream_across_a_reload() {
        let mut a = app("2022-04-24T16:00:00Z");
        a.selected = Some("with-you".into());
        press(&mut a, KeyCode::Char('u'));
        let stream = |a: &App| match &a.mode {
            Mode::Prompt(p) => Some(p.stream),
            _ => None,
        };
        assert_eq!(stream(&a), Some(0));
        // A YouTube stream is inserted before Spotify: the prompt still means Spotify.
        let youtube = "[[streams]]\nevent = \"with-you\"\nplatform = \"YouTube\"\nwindow_end = \"2022-04-25 09:00\"\n";
        let text = crate::config::DEFAULT_TOML.replacen(
            "[[streams]]",
            &format!("{youtube}[[streams]]"),
            1,
        );
        let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
        assert_eq!(config.streams[1].platform, "Spotify");
        a.set_config(config, utc("2026-01-01T00:00:00Z"));
        assert_eq!(stream(&a), Some(1));
        // Its stream removed: the prompt closes.
        let none = crate::config::parse("", crate::config::Source::Embedded).unwrap();
        a.set_config(none, utc("2026-01-01T00:00:00Z"));
        assert_eq!(stream(&a), None);
    }

    #[test]
    fn u_on_an_event_without_streams_says_so() {
        let mut a = app("2022-04-25T16:00:00Z");
        a.selected = Some("proof".into());
        press(&mut a, KeyCode::Char('u'));
        assert_eq!(a.mode, Mode::Normal);
        assert!(a.notice.as_ref().unwrap().contains("no [[streams]]"));
    }

    #[test]
    fn a_lower_count_in_the_prompt_asks_to_confirm() {
        let mut a = app("2022-04-24T16:00:00Z");
        a.selected = Some("with-you".into());
        a.add_reading(spotify("2022-04-24T15:00:00Z", 1_000_000));
        let type_count = |a: &mut App, text: &str| {
            for c in text.chars() {
                press(a, KeyCode::Char(c));
            }
        };
        press(&mut a, KeyCode::Char('u'));
        type_count(&mut a, "900k");
        press(&mut a, KeyCode::Enter);
        let Mode::Prompt(p) = &a.mode else {
            panic!("a lower count keeps the prompt open");
        };
        assert!(p.error.as_ref().unwrap().contains("Enter again"), "{p:?}");
        assert!(a.effects.is_empty());
        // Editing the count asks again; a second Enter on the same count records it.
        press(&mut a, KeyCode::Backspace);
        type_count(&mut a, "k");
        press(&mut a, KeyCode::Enter);
        assert!(a.effects.is_empty());
        press(&mut a, KeyCode::Enter);
        assert_eq!(a.mode, Mode::Normal);
        let Some(Effect::Append(r)) = a.effects.pop() else {
            panic!("expected the correction to be appended");
        };
        assert_eq!(r.count, 900_000);
        // A higher count goes straight in.
        press(&mut a, KeyCode::Char('u'));
        type_count(&mut a, "1.2M");
        press(&mut a, KeyCode::Enter);
        assert!(matches!(a.effects.pop(), Some(Effect::Append(_))));
    }
}
