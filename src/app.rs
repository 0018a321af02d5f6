//! The app state and its update on events. No I/O here: what needs the outside world (a bell,
//! appending a reading, re-reading the config) is returned as an [`Effect`] for the loop.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::config::{Config, ConfigErrors, Event};
use crate::countdown::{self, Phase};
use crate::readings::{Reading, Readings};
use crate::streams::{self, StreamView};

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
}

/// The inline prompt opened by `u`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    /// Index into `config.streams` of the stream being updated.
    pub stream: usize,
    /// What has been typed.
    pub input: String,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

/// What the Next panel counts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The release itself, still ahead.
    Release(DateTime<Utc>),
    /// Out now: since the release.
    Live(DateTime<Utc>),
    /// The `n`th anniversary, ahead.
    Anniversary(u32, DateTime<Utc>),
    /// Released, no anniversaries: time since.
    Since(DateTime<Utc>),
}

/// Everything the screen shows, and the state of the keys.
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
    /// The help overlay is open.
    pub show_help: bool,
    /// The `u` prompt, when open.
    pub prompt: Option<Prompt>,
    /// The error of the last reload that failed, shown as a banner over the last good config.
    pub error: Option<ConfigErrors>,
    /// A short message for the footer (a saved reading, a warning).
    pub notice: Option<String>,
    /// When the config was last loaded (by the real clock).
    pub loaded_at: Option<DateTime<Utc>>,
    /// Colors on.
    pub color: bool,
    /// The user asked to quit.
    pub quit: bool,
    /// Terminal size, for mapping mouse clicks to rows.
    pub size: (u16, u16),
    /// Effects for the loop to carry out.
    pub effects: Vec<Effect>,
    /// The automatic selection, memoised for one `now`: a frame asks for it a dozen times and,
    /// once everything is released, it means finding every event's next anniversary.
    auto_selection: std::cell::Cell<Option<(DateTime<Utc>, Option<usize>)>>,
}

impl App {
    /// A new app showing `config` at `now`.
    pub fn new(config: Config, readings: Readings, now: DateTime<Utc>, local_zone: Tz) -> App {
        App {
            config,
            readings,
            now: crate::clock::floor_second(now),
            local_zone,
            selected: None,
            zone_index: 0,
            show_help: false,
            prompt: None,
            error: None,
            notice: None,
            loaded_at: None,
            color: true,
            quit: false,
            size: (0, 0),
            effects: Vec::new(),
            auto_selection: std::cell::Cell::new(None),
        }
    }

    /// Moves the clock to `now`; rings for every event whose release passed since the last tick
    /// (once: a reload does not move the clock back, so it never rings twice).
    pub fn tick(&mut self, now: DateTime<Utc>) {
        let now = crate::clock::floor_second(now);
        if self.config.bell && now > self.now {
            for e in &self.config.events {
                if self.now < e.at && e.at <= now {
                    self.effects
                        .push(Effect::Bell(format!("{} is out now", e.name)));
                }
            }
        }
        self.now = now;
    }

    /// Swaps in a freshly loaded config, keeping the selection when its event still exists.
    pub fn set_config(&mut self, config: Config, loaded_at: DateTime<Utc>) {
        if let Some(id) = &self.selected
            && config.event(id).is_none()
        {
            self.selected = None;
        }
        self.zone_index = self.zone_index.min(config.zones.len() + 1);
        // An open prompt follows its stream (by event and platform) to its new place, or closes.
        if let Some(p) = self.prompt.as_mut() {
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
                None => self.prompt = None,
            }
        }
        self.config = config;
        self.auto_selection.set(None);
        self.error = None;
        self.loaded_at = Some(loaded_at);
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
        let events = &self.config.events;
        if let Some(i) = self
            .selected
            .as_ref()
            .and_then(|id| events.iter().position(|e| &e.id == id))
        {
            return Some(i);
        }
        if let Some((at, i)) = self.auto_selection.get()
            && at == self.now
        {
            return i;
        }
        let i = self.automatic_selection();
        self.auto_selection.set(Some((self.now, i)));
        i
    }

    /// The next event not yet released (or still live), else the one with the nearest
    /// anniversary, else the last.
    fn automatic_selection(&self) -> Option<usize> {
        let events = &self.config.events;
        if let Some(i) = events.iter().position(|e| self.now < e.at + e.live_for) {
            return Some(i);
        }
        events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.anniversaries)
            .filter_map(|(i, e)| {
                countdown::next_anniversary(e.at, e.zone, self.now).map(|(_, t)| (t, i))
            })
            .min()
            .map(|(_, i)| i)
            .or_else(|| events.len().checked_sub(1))
    }

    /// The selected event.
    pub fn selected_event(&self) -> Option<&Event> {
        self.selected_index().map(|i| &self.config.events[i])
    }

    /// What the Next panel counts towards for `event`.
    pub fn target(&self, event: &Event) -> Target {
        match countdown::phase(event.at, event.live_for, self.now) {
            Phase::Upcoming | Phase::Imminent => Target::Release(event.at),
            Phase::Live => Target::Live(event.at),
            Phase::Released => match event
                .anniversaries
                .then(|| countdown::next_anniversary(event.at, event.zone, self.now))
                .flatten()
            {
                Some((n, t)) => Target::Anniversary(n, t),
                None => Target::Since(event.at),
            },
        }
    }

    /// Indexes into `config.streams` of the streams the panel shows: the selected event's; if
    /// it has none, those whose tracking window is open now (a drop's window outlasts its live
    /// hour, when the selection has already moved on to the next event).
    pub fn selected_streams(&self) -> Vec<usize> {
        let Some(event) = self.selected_event() else {
            return Vec::new();
        };
        let of_event: Vec<usize> = self
            .config
            .streams
            .iter()
            .enumerate()
            .filter(|(_, s)| s.event == event.id)
            .map(|(i, _)| i)
            .collect();
        if !of_event.is_empty() {
            return of_event;
        }
        self.config
            .streams
            .iter()
            .enumerate()
            .filter(|(_, s)| s.window_start <= self.now && self.now < s.window_end)
            .map(|(i, _)| i)
            .collect()
    }

    /// The stream at index `i` at this frame's `now`.
    pub fn stream_view(&self, i: usize) -> Option<StreamView> {
        let stream = self.config.streams.get(i)?;
        Some(streams::view(stream, &self.readings.items, self.now))
    }

    /// The terminal title: the selected countdown, e.g. "With You in 1:02:11".
    pub fn title_text(&self) -> String {
        let Some(event) = self.selected_event() else {
            return "dropwatch".to_string();
        };
        match self.target(event) {
            Target::Release(t) => format!(
                "{} in {}",
                event.name,
                countdown::compact_countdown(self.now, t, event.zone)
            ),
            Target::Live(_) => format!("{} OUT NOW", event.name),
            Target::Anniversary(n, t) => format!(
                "{} {} anniversary in {}",
                event.name,
                countdown::ordinal(n),
                countdown::compact_countdown(self.now, t, event.zone)
            ),
            Target::Since(t) => format!(
                "{} out {} ago",
                event.name,
                countdown::calendar_span(t, self.now, event.zone).short(2)
            ),
        }
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
        if self.prompt.is_some() {
            self.on_prompt_key(key);
            return;
        }
        if self.show_help {
            // Any key closes help; q still quits.
            self.show_help = false;
            if matches!(key.code, KeyCode::Char('q')) {
                self.quit = true;
            }
            return;
        }
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            KeyCode::Char('?') => self.show_help = true,
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

    fn select(&mut self, i: usize) {
        if let Some(e) = self.config.events.get(i) {
            self.selected = Some(e.id.clone());
        }
    }

    fn open_prompt(&mut self) {
        match self.selected_streams().first() {
            Some(&stream) => {
                self.prompt = Some(Prompt {
                    stream,
                    ..Prompt::default()
                });
            }
            None => {
                let name = self
                    .selected_event()
                    .map_or("this event".to_string(), |e| e.name.clone());
                self.notice = Some(format!("{name} has no [[streams]] in the config to update"));
            }
        }
    }

    fn on_prompt_key(&mut self, key: KeyEvent) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.prompt = None,
            KeyCode::Enter => match crate::numbers::parse_count(&prompt.input) {
                Ok(count) => {
                    let Some(stream) = self.config.streams.get(prompt.stream) else {
                        self.prompt = None;
                        return;
                    };
                    let reading = Reading {
                        time: self.now,
                        event: stream.event.clone(),
                        platform: stream.platform.clone(),
                        count,
                        source: crate::readings::Origin::Manual,
                    };
                    self.prompt = None;
                    self.effects.push(Effect::Append(reading));
                }
                Err(why) => prompt.error = Some(why),
            },
            KeyCode::Backspace => {
                prompt.input.pop();
                prompt.error = None;
            }
            KeyCode::Char(c) if !c.is_control() && prompt.input.chars().count() < 40 => {
                prompt.input.push(c);
                prompt.error = None;
            }
            _ => {}
        }
    }

    /// Records a reading the loop appended (or, for the embedded config, kept in memory).
    pub fn add_reading(&mut self, reading: Reading) {
        let pos = self
            .readings
            .items
            .partition_point(|r| r.time <= reading.time);
        self.readings.items.insert(pos, reading);
    }

    /// Applies a mouse event: a left click on an event row selects it.
    pub fn on_mouse(&mut self, mouse: MouseEvent) {
        if mouse.kind != MouseEventKind::Down(MouseButton::Left) || self.prompt.is_some() {
            return;
        }
        if let Some(i) = crate::ui::event_at(self, mouse.column, mouse.row) {
            self.select(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn app(now: &str) -> App {
        App::new(
            Config::embedded().unwrap(),
            Readings::default(),
            utc(now),
            chrono_tz::Europe::Berlin,
        )
    }

    fn press(app: &mut App, code: KeyCode) {
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn follows_the_next_event_then_the_nearest_anniversary() {
        assert_eq!(
            app("2022-04-24T13:00:00Z").selected_event().unwrap().id,
            "with-you"
        );
        assert_eq!(
            app("2022-04-24T14:30:00Z").selected_event().unwrap().id,
            "with-you"
        );
        assert_eq!(
            app("2022-04-24T15:00:00Z").selected_event().unwrap().id,
            "proof"
        );
        // Now: With You's anniversary (April) comes before Proof's (June).
        let a = app("2026-11-25T19:00:00Z");
        assert_eq!(a.selected_event().unwrap().id, "with-you");
        assert_eq!(a.title_text(), "With You 5th anniversary in 4mo 29d");
    }

    #[test]
    fn keys_select_cycle_zones_and_quit() {
        let mut a = app("2022-04-24T13:00:00Z");
        assert_eq!(a.title_text(), "With You in 1:00:00");
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
        assert!(a.show_help);
        press(&mut a, KeyCode::Esc);
        assert!(!a.show_help && !a.quit);
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
        a.set_config(Config::embedded().unwrap(), utc("2026-01-01T00:00:00Z"));
        a.tick(utc("2022-04-24T14:00:01Z"));
        assert!(a.effects.is_empty());
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
        let p = a.prompt.as_ref().expect("prompt stays open on bad input");
        assert!(p.error.as_ref().unwrap().contains("not a count"));
        for _ in 0..4 {
            press(&mut a, KeyCode::Backspace);
        }
        for c in "2.7M".chars() {
            press(&mut a, KeyCode::Char(c));
        }
        press(&mut a, KeyCode::Enter);
        assert!(a.prompt.is_none());
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
        assert!(a.prompt.is_none() && !a.quit);
    }

    #[test]
    fn open_windows_stay_on_screen_after_the_selection_moves_on() {
        let a = app("2022-04-24T18:00:00Z");
        assert_eq!(a.selected_event().unwrap().id, "proof");
        assert_eq!(a.selected_streams(), [0]);
        assert!(app("2022-04-25T01:00:00Z").selected_streams().is_empty());
    }

    #[test]
    fn a_click_on_a_row_selects_its_event() {
        use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
        let mut a = app("2022-04-24T13:00:00Z");
        a.size = (120, 40);
        let list = crate::ui::layout(&a, ratatui::layout::Rect::new(0, 0, 120, 40)).events;
        let click = |row: u16| MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: list.x + 3,
            row,
            modifiers: KeyModifiers::NONE,
        };
        // The second row inside the border is Proof.
        a.on_mouse(click(list.y + 2));
        assert_eq!(a.selected.as_deref(), Some("proof"));
        // The border and the empty rows below select nothing.
        a.on_mouse(click(list.y));
        a.on_mouse(click(list.y + 5));
        assert_eq!(a.selected.as_deref(), Some("proof"));
        a.on_mouse(click(list.y + 1));
        assert_eq!(a.selected.as_deref(), Some("with-you"));
    }

    #[test]
    fn an_open_prompt_follows_its_stream_across_a_reload() {
        let mut a = app("2022-04-24T16:00:00Z");
        a.selected = Some("with-you".into());
        press(&mut a, KeyCode::Char('u'));
        assert_eq!(a.prompt.as_ref().unwrap().stream, 0);
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
        assert_eq!(a.prompt.as_ref().unwrap().stream, 1);
        // Its stream removed: the prompt closes.
        let none = crate::config::parse("", crate::config::Source::Embedded).unwrap();
        a.set_config(none, utc("2026-01-01T00:00:00Z"));
        assert!(a.prompt.is_none());
    }

    #[test]
    fn u_on_an_event_without_streams_says_so() {
        let mut a = app("2022-04-25T16:00:00Z");
        a.selected = Some("proof".into());
        press(&mut a, KeyCode::Char('u'));
        assert!(a.prompt.is_none());
        assert!(a.notice.as_ref().unwrap().contains("no [[streams]]"));
    }
}
