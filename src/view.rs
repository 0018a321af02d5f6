//! One view per frame: what the screen, the terminal title and `--json` show, derived once
//! from the state and its `now`. Widgets read it and never work a figure out again.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::app::{self, App};
use crate::config::{Config, Event};
use crate::countdown::{self, Phase, Target};
use crate::streams::{self, StreamView};

/// The selected event and what its countdown counts towards.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    /// Index into `config.events`.
    pub index: usize,
    /// The user picked it (rather than it being followed automatically).
    pub pinned: bool,
    /// Its phase now.
    pub phase: Phase,
    /// What its countdown counts to now.
    pub target: Target,
}

/// A stream shown this frame, with its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// Index into `config.streams`.
    pub index: usize,
    /// Its figures at `now`.
    pub figures: StreamView,
}

/// What only `--json` needs: every event's next anniversary and every stream's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Everything {
    /// For each event (config order), its next anniversary, `None` when it has them off.
    pub anniversaries: Vec<Option<DateTime<Utc>>>,
    /// For each stream (config order), its figures at `now`.
    pub streams: Vec<StreamView>,
}

/// One frame's worth of derived facts.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The instant shown, whole seconds.
    pub now: DateTime<Utc>,
    /// The zone of the header clock and the events list.
    pub zone: Tz,
    /// Each event's phase, in config order.
    pub phases: Vec<Phase>,
    /// The event the Next panel shows.
    pub selected: Option<Selected>,
    /// The streams panel's streams.
    pub streams: Vec<Shown>,
    /// The terminal title, e.g. "With You in 1:02:11".
    pub title: String,
    /// Filled for `--json` only.
    pub everything: Option<Everything>,
}

impl View {
    /// The view of `app` at its `now`, for the screen and the title.
    pub fn derive(app: &App) -> View {
        let now = app.now;
        let config = &app.config;
        let phases = config
            .events
            .iter()
            .map(|e| countdown::phase(e.at, e.live_for, now))
            .collect::<Vec<_>>();
        let pinned = app.pinned_index();
        let index = pinned.or_else(|| app::automatic_selection(&config.events, now));
        let selected = index.map(|index| {
            let e = &config.events[index];
            Selected {
                index,
                pinned: pinned.is_some(),
                phase: phases[index],
                target: target(e, now),
            }
        });
        let streams = app::shown_streams(config, index, now)
            .into_iter()
            .map(|i| Shown {
                index: i,
                figures: stream_view(app, i, now),
            })
            .collect();
        let title = match &selected {
            Some(s) => title(&config.events[s.index], s.target, now),
            None => "dropwatch".to_string(),
        };
        View {
            now,
            zone: app.display_zone(),
            phases,
            selected,
            streams,
            title,
            everything: None,
        }
    }

    /// The view with every event's anniversary and every stream's figures, for `--json`.
    pub fn derive_everything(app: &App) -> View {
        let mut view = View::derive(app);
        let now = app.now;
        view.everything = Some(Everything {
            anniversaries: app
                .config
                .events
                .iter()
                .map(|e| {
                    e.anniversaries
                        .then(|| countdown::next_anniversary(e.at, e.zone, now))
                        .flatten()
                        .map(|(_, t)| t)
                })
                .collect(),
            streams: (0..app.config.streams.len())
                .map(|i| stream_view(app, i, now))
                .collect(),
        });
        view
    }

    /// The selected event of `config`, which this view was derived from.
    pub fn event<'a>(&self, config: &'a Config) -> Option<&'a Event> {
        self.selected
            .as_ref()
            .and_then(|s| config.events.get(s.index))
    }
}

/// The figures of `app`'s stream `index` at `now`, from that stream's readings alone.
fn stream_view(app: &App, index: usize, now: DateTime<Utc>) -> StreamView {
    let stream = &app.config.streams[index];
    streams::view(
        stream,
        app.readings.of(&stream.event, &stream.platform),
        now,
    )
}

/// What `event`'s countdown counts to at `now`.
pub fn target(event: &Event, now: DateTime<Utc>) -> Target {
    countdown::target(
        event.at,
        event.zone,
        event.live_for,
        event.anniversaries,
        now,
    )
}

/// The terminal title for `event` counting to `target`.
fn title(event: &Event, target: Target, now: DateTime<Utc>) -> String {
    match target {
        Target::Release(t) => format!(
            "{} in {}",
            event.name,
            countdown::compact_countdown(now, t, event.zone)
        ),
        Target::Live(_) => format!("{} OUT NOW", event.name),
        Target::Anniversary(n, t) => format!(
            "{} {} anniversary in {}",
            event.name,
            countdown::ordinal(n),
            countdown::compact_countdown(now, t, event.zone)
        ),
        Target::Since(t) => format!(
            "{} out {} ago",
            event.name,
            countdown::calendar_span(t, now, event.zone).short(2)
        ),
    }
}
