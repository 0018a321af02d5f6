//! The state of the dashboard and how it moves: the clock's tick, a reload, a reading added,
//! the selection. No I/O here: what needs the outside world is returned as an [`Effect`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::effect::Effect;
use super::goals::Goals;
use super::hook::Hook;
use super::mode::Mode;
use super::select::Selection;
use crate::config::{Config, ConfigErrors};
use crate::lang::{Arg, Choice, Lang};
use crate::readings::poll::{Key, SourceStatus};
use crate::readings::{Reading, Readings};
use crate::values::clock::floor_second;

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
    /// The zone `z` picked for the clock and the list; `None` is the viewer's own.
    pub(crate) zone: Option<Tz>,
    /// Normal, help or prompt.
    pub mode: Mode,
    /// The help overlay's first line shown; the overlay keeps it within what it has to show.
    pub(crate) help_scroll: usize,
    /// The error of the last reload that failed, shown as a banner over the last good config.
    pub config_error: Option<ConfigErrors>,
    /// A short message for the footer (a saved reading, a warning).
    pub notice: Option<String>,
    /// When the config was last loaded (by the real clock).
    pub(crate) loaded_at: Option<DateTime<Utc>>,
    /// The app's clock (`now`, replayed or real) at the last load or reload attempt: the
    /// footer shows it beside the header's clock.
    pub(crate) load_clock: DateTime<Utc>,
    /// Colors on.
    pub color: bool,
    /// The user asked to quit.
    pub quit: bool,
    /// Effects for the loop to carry out.
    pub effects: Vec<Effect>,
    /// Each polled stream's source: when it last worked, why it fails.
    pub(crate) sources: BTreeMap<Key, SourceStatus>,
    /// Who polls the sources when it is not this process ("record (pid 4242)").
    pub(crate) polled_by: Option<String>,
    /// Whether this process runs the hooks: it may (live, or a replay with `--hooks`) and no
    /// other process on the config holds them.
    pub(crate) hooks: bool,
    /// The goals reached so far: each rings and hooks once.
    goals: Goals,
    /// The language every text is in, resolved from `lang_choice` and the config.
    pub lang: Lang,
    /// `--lang` and the locale, kept to resolve the language again on a reload.
    pub(crate) lang_choice: Choice,
}

impl App {
    /// A new app showing `config` at `now`.
    pub fn new(config: Config, readings: Readings, now: DateTime<Utc>, local_zone: Tz) -> App {
        let mut app = App {
            config,
            readings,
            now: floor_second(now),
            local_zone,
            selected: None,
            zone: None,
            mode: Mode::Normal,
            help_scroll: 0,
            config_error: None,
            notice: None,
            loaded_at: None,
            load_clock: floor_second(now),
            color: true,
            quit: false,
            effects: Vec::new(),
            sources: BTreeMap::new(),
            polled_by: None,
            hooks: false,
            goals: Goals::default(),
            lang: Lang::En,
            lang_choice: Choice::default(),
        };
        app.lang = app.lang_choice.pick(app.config.lang);
        app.readings.set_sums(&app.config.sum_defs());
        // Goals reached before we started are the past: nobody is paged for them.
        app.check_goals(false);
        app
    }

    /// Moves the clock to `now`; rings and runs `on_release` for every event whose release
    /// passed since the last tick (once: a reload does not move the clock back, so it never
    /// rings twice), and likewise for every goal reached since.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        let now = floor_second(now);
        if now > self.now {
            // A date whose time is TBA starts its day, not its release: nothing rings.
            for e in self.config.events.iter().filter(|e| !e.time_tba) {
                if self.now < e.at && e.at <= now {
                    if self.config.bell {
                        self.effects.push(Effect::Bell(out_now(self.lang, &e.name)));
                    }
                    if self.hooks
                        && let Some(command) = &e.on_release
                    {
                        self.effects
                            .push(Effect::Hook(Hook::release(command, e).said_in(self.lang)));
                    }
                }
            }
        }
        self.now = now;
        if !self.goals.is_quiet(now, &self.readings) {
            self.check_goals(true);
        }
    }

    /// Says the readings changed in place: the next tick checks the goals again.
    pub(crate) fn readings_changed(&mut self) {
        // Sums follow their parts.
        self.readings.set_sums(&self.config.sum_defs());
        self.goals.readings_changed();
    }

    /// Notes the goals reached by now; with `fire`, asks for their bells and hooks.
    fn check_goals(&mut self, fire: bool) {
        self.goals.check(
            &self.config,
            &self.readings,
            self.now,
            (fire, self.hooks),
            self.lang,
            &mut self.effects,
        );
    }

    /// The next release after the app's clock, to wake for.
    pub(crate) fn next_release(&self) -> Option<DateTime<Utc>> {
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
        self.lang = self.lang_choice.pick(self.config.lang);
        self.readings.set_sums(&self.config.sum_defs());
        self.check_goals(false);
        self.config_error = None;
        self.loaded_at = Some(loaded_at);
        self.load_clock = self.now;
    }

    /// Sets what picks the language besides the config (`--lang`, the locale), and picks.
    pub fn set_lang_choice(&mut self, choice: Choice) {
        self.lang_choice = choice;
        self.lang = self.lang_choice.pick(self.config.lang);
    }

    /// Keeps the last good config after a reload that failed with `error`.
    pub fn reload_failed(&mut self, error: ConfigErrors) {
        self.config_error = Some(error);
        self.load_clock = self.now;
    }

    /// The zone the header clock and the events list use.
    pub(crate) fn display_zone(&self) -> Tz {
        self.zone.unwrap_or(self.local_zone)
    }

    /// The zones `z` cycles through: the viewer's, each event's own, each of `zones`, then
    /// UTC; a zone that shows the same time and name now as one before it is left out, so
    /// every press changes what the clock says.
    pub(crate) fn zone_cycle(&self) -> Vec<Tz> {
        let mut cycle: Vec<Tz> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let candidates = std::iter::once(self.local_zone)
            .chain(self.config.events.iter().map(|e| e.zone))
            .chain(self.config.zones.iter().copied())
            .chain(std::iter::once(chrono_tz::UTC));
        for z in candidates {
            let shown = self.now.with_timezone(&z).format("%H:%M %Z").to_string();
            if !seen.contains(&shown) {
                seen.push(shown);
                cycle.push(z);
            }
        }
        cycle
    }

    /// Moves the display zone `by` steps along [`App::zone_cycle`].
    pub(crate) fn step_zone(&mut self, by: isize) {
        let cycle = self.zone_cycle();
        let now = self.display_zone();
        let here = cycle.iter().position(|z| *z == now).unwrap_or(0);
        let n = cycle.len() as isize;
        let next = (here as isize + by).rem_euclid(n.max(1)) as usize;
        let zone = cycle.get(next).copied().unwrap_or(self.local_zone);
        self.zone = (zone != self.local_zone).then_some(zone);
    }

    /// The event shown and its streams now (see [`Selection`]).
    pub fn selection(&self) -> Selection {
        Selection::of(&self.config, self.selected.as_deref(), self.now)
    }

    /// Pins the event at index `i` of `config.events`.
    pub(crate) fn select(&mut self, i: usize) {
        if let Some(e) = self.config.events.get(i) {
            self.selected = Some(e.id.clone());
        }
    }

    /// Records a reading the runtime appended (or, for the embedded config, kept in memory).
    pub(crate) fn add_reading(&mut self, reading: Reading) {
        self.readings.add(reading);
        self.readings_changed();
    }
}

/// The bell's text for the event `name` coming out, in `lang`.
fn out_now(lang: Lang, name: &str) -> String {
    lang.t_with("messages-bell-out-now", &[("name", Arg::from(name))])
        .into_owned()
}
