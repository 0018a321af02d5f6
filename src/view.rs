//! One view per frame: what the screen, the terminal title and `--json` show, derived once
//! from the state and its `now`. Widgets read it and never work a figure out again.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::app::{self, App};
use crate::config::{Config, Event, SourceKind, Stream};
use crate::countdown::{self, Phase, Target};
use crate::streams::{self, StreamView, Window};

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
    /// How old its count is, and how its source fares.
    pub fresh: Freshness,
}

/// How much a stream's count is worth: its age, and the state of the source that brings it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freshness {
    /// When the shown count was read, if it came from a reading.
    pub last_reading_at: Option<DateTime<Utc>>,
    /// Seconds since then.
    pub age_secs: Option<i64>,
    /// Older than twice the source's interval (an hour without a source) while the window is
    /// open: the figures may be behind.
    pub stale: bool,
    /// Where counts come from by themselves: "command" or "url"; `None` when typed or logged.
    pub source: Option<&'static str>,
    /// Why the source fails now, with when it last worked.
    pub source_error: Option<String>,
    /// The count before a lower reading that corrected it.
    pub corrected_from: Option<u64>,
}

/// The freshness of `stream`'s count `figures` at `now`.
fn freshness(app: &App, stream: &Stream, figures: &StreamView, now: DateTime<Utc>) -> Freshness {
    let age_secs = figures.count_at.map(|t| (now - t).num_seconds().max(0));
    let limit = stream.source.as_ref().map_or(3600, |s| {
        i64::try_from(s.every.as_secs().saturating_mul(2)).unwrap_or(i64::MAX)
    });
    let open = matches!(figures.window, Window::Open { .. });
    let status = app
        .sources
        .iter()
        .find(|((e, p), _)| *e == stream.event && *p == stream.platform)
        .map(|(_, s)| s);
    let n = figures.history.len();
    Freshness {
        last_reading_at: figures.count_at,
        age_secs,
        stale: open && age_secs.is_some_and(|a| a > limit),
        source: stream.source.as_ref().map(|s| match s.kind {
            SourceKind::Command(_) => "command",
            SourceKind::Url { .. } => "url",
        }),
        source_error: status.and_then(|s| s.describe(now)),
        corrected_from: (n >= 2 && figures.history[n - 1] < figures.history[n - 2])
            .then(|| figures.history[n - 2]),
    }
}

/// What only `--json` needs: every event's next anniversary and every stream's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Everything {
    /// For each event (config order), its next anniversary, `None` when it has them off.
    pub anniversaries: Vec<Option<DateTime<Utc>>>,
    /// For each stream (config order), its figures at `now`.
    pub streams: Vec<StreamView>,
    /// For each stream (config order), how fresh its count is.
    pub fresh: Vec<Freshness>,
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
            .map(|i| {
                let figures = streams::view(&config.streams[i], &app.readings.items, now);
                Shown {
                    index: i,
                    fresh: freshness(app, &config.streams[i], &figures, now),
                    figures,
                }
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
        let figures: Vec<StreamView> = app
            .config
            .streams
            .iter()
            .map(|s| streams::view(s, &app.readings.items, now))
            .collect();
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
            fresh: app
                .config
                .streams
                .iter()
                .zip(&figures)
                .map(|(s, f)| freshness(app, s, f, now))
                .collect(),
            streams: figures,
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
