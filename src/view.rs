//! One view per frame: what the screen, the terminal title and `--json` show, derived once
//! from the state and its `now`. Widgets read it and never work a figure out again.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::app::{self, App};
use crate::config::{Config, Event, SourceKind, Stream};
use crate::countdown::{self, Phase, Target};
use crate::numbers::short;
use crate::streams::{self, GoalView, StreamView, Window};

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

/// What the big slot of the Next panel leads with this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Headline {
    /// The selected event's countdown: to its release, while live, to an anniversary.
    Countdown,
    /// A tracking window is open: the time left in it and the push to its next goal.
    Push(Push),
}

/// The push: an open tracking window and the next goal it has not reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Push {
    /// Index into `View::streams` of the stream whose window is open.
    pub shown: usize,
    /// Index into `config.streams`.
    pub stream: usize,
    /// When the window closes.
    pub closes: DateTime<Utc>,
    /// Index into the stream's goals of the next goal not reached whose deadline is still
    /// ahead (the earliest deadline, then config order); `None` when every goal is settled.
    pub goal: Option<usize>,
    /// Index into `config.events` of the next release still to come, for the line under the
    /// push; `None` when nothing is coming.
    pub next_release: Option<usize>,
}

impl Push {
    /// The goal the push is for, from the stream's figures.
    pub fn goal<'a>(&self, view: &'a View) -> Option<&'a GoalView> {
        let shown = view.streams.get(self.shown)?;
        shown.figures.goals.get(self.goal?)
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
    /// What the Next panel leads with.
    pub headline: Headline,
    /// The text of the big digits: the headline's countdown (or time since), e.g. "06:00:00".
    pub digits: String,
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
        let mut shown = app::shown_streams(config, index, now);
        let pushed = push_stream(app, selected.as_ref(), &shown);
        if let Some(i) = pushed
            && !shown.contains(&i)
        {
            // An open window of another event leads: its stream is shown first.
            shown.insert(0, i);
        }
        let streams: Vec<Shown> = shown
            .into_iter()
            .map(|i| {
                let figures = stream_view(app, i, now);
                Shown {
                    index: i,
                    fresh: freshness(app, &config.streams[i], &figures, now),
                    figures,
                }
            })
            .collect();
        let headline = match pushed {
            Some(stream) => {
                let at = streams.iter().position(|s| s.index == stream).unwrap_or(0);
                let s = &config.streams[stream];
                Headline::Push(Push {
                    shown: at,
                    stream,
                    closes: s.window_end,
                    goal: next_goal(&streams[at].figures, now),
                    next_release: config
                        .events
                        .iter()
                        .position(|e| now < e.at && e.id != s.event),
                })
            }
            None => Headline::Countdown,
        };
        let mut view = View {
            now,
            zone: app.display_zone(),
            phases,
            selected,
            streams,
            headline,
            digits: String::new(),
            title: String::new(),
            everything: None,
        };
        view.digits = digits(&view, config).unwrap_or_default();
        view.title = match (&view.headline, &view.selected) {
            (Headline::Push(p), _) => push_title(&view, config, p),
            (Headline::Countdown, Some(s)) => title(&config.events[s.index], s.target, now),
            (Headline::Countdown, None) => "dropwatch".to_string(),
        };
        view
    }

    /// The view with every event's anniversary and every stream's figures, for `--json`.
    pub fn derive_everything(app: &App) -> View {
        let mut view = View::derive(app);
        let now = app.now;
        let figures: Vec<StreamView> = app
            .config
            .streams
            .iter()
            .map(|s| streams::view(s, app.readings.of(&s.event, &s.platform), now))
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

/// The stream whose open window leads the headline, if any: the selected event's own open
/// window; when following automatically, any open window, unless the next release is within
/// its imminent hour (then the release countdown leads). A pinned event without an open
/// window keeps its countdown.
fn push_stream(app: &App, selected: Option<&Selected>, shown: &[usize]) -> Option<usize> {
    let config = &app.config;
    let now = app.now;
    let open = |i: &usize| {
        let s = &config.streams[*i];
        s.window_start <= now && now < s.window_end
    };
    let selected = selected?;
    if selected.phase == Phase::Imminent {
        return None;
    }
    let event = &config.events[selected.index].id;
    let own = shown
        .iter()
        .copied()
        .find(|i| open(i) && &config.streams[*i].event == event);
    if own.is_some() || selected.pinned {
        return own;
    }
    shown
        .iter()
        .copied()
        .find(open)
        .or_else(|| (0..config.streams.len()).find(open))
}

/// The next goal not reached whose deadline is still ahead: the earliest deadline first.
pub fn next_goal(figures: &StreamView, now: DateTime<Utc>) -> Option<usize> {
    figures
        .goals
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.reached && now < g.deadline)
        .min_by_key(|(i, g)| (g.deadline, *i))
        .map(|(i, _)| i)
}

/// The big digits' text for the headline.
fn digits(view: &View, config: &Config) -> Option<String> {
    let now = view.now;
    if let Headline::Push(p) = &view.headline {
        let zone = config.streams[p.stream].window_zone;
        return Some(countdown::countdown_text(now, p.closes, zone));
    }
    let selected = view.selected.as_ref()?;
    let event = config.events.get(selected.index)?;
    Some(match selected.target {
        Target::Release(t) | Target::Anniversary(_, t) => {
            countdown::countdown_text(now, t, event.zone)
        }
        Target::Live(t) => countdown::countdown_text(t, now, event.zone),
        Target::Since(t) => countdown::calendar_span(t, now, event.zone).short(3),
    })
}

/// "With You: 6:00:00 left, 1.56M to Global top 10".
fn push_title(view: &View, config: &Config, push: &Push) -> String {
    let stream = &config.streams[push.stream];
    let name = config.event_name(&stream.event);
    let left = countdown::compact_countdown(view.now, push.closes, stream.window_zone);
    match push.goal(view) {
        Some(g) => format!("{name}: {left} left, {} to {}", short(g.needed), g.label),
        None => format!("{name}: {left} left in the window"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::app;

    fn push(view: &View) -> Option<&Push> {
        match &view.headline {
            Headline::Push(p) => Some(p),
            Headline::Countdown => None,
        }
    }

    #[test]
    fn an_open_window_leads_unless_a_release_is_imminent_or_another_event_is_pinned() {
        // An hour before With You: the release leads.
        let v = View::derive(&app("2022-04-24T13:00:00Z"));
        assert_eq!(v.headline, Headline::Countdown);
        assert_eq!(v.digits, "01:00:00");
        // In its live hour its window is open: the push leads.
        let v = View::derive(&app("2022-04-24T14:30:00Z"));
        assert!(push(&v).is_some(), "{v:?}");
        // Four hours in, following Proof automatically: With You's window leads, 6 h left,
        // for the top 10 (the earliest deadline not reached), with Proof as the next release.
        let v = View::derive(&app("2022-04-24T18:00:00Z"));
        let p = push(&v).expect("push");
        assert_eq!((p.stream, p.goal, p.next_release), (0, Some(0), Some(1)));
        assert_eq!(v.digits, "06:00:00");
        assert_eq!(v.title, "With You: 6:00:00 left, 2.7M to Global top 10");
        // Pinned Proof wins; pinned With You pushes.
        let mut a = app("2022-04-24T18:00:00Z");
        a.selected = Some("proof".into());
        let v = View::derive(&a);
        assert_eq!(v.headline, Headline::Countdown);
        assert!(v.title.starts_with("Proof in "), "{}", v.title);
        a.selected = Some("with-you".into());
        assert!(push(&View::derive(&a)).is_some());
        // After the window: the countdown again.
        let v = View::derive(&app("2022-04-25T01:00:00Z"));
        assert_eq!(v.headline, Headline::Countdown);
    }

    /// Two drops 90 minutes apart: 45 minutes after the first, while its window is open, the
    /// second is within its hour, and its countdown leads.
    #[test]
    fn a_release_within_its_hour_leads_over_another_events_window() {
        let text = crate::config::DEFAULT_TOML.replace("2022-06-10 13:00", "2022-04-25 00:30");
        let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
        let a = crate::testing::app_with(
            config,
            crate::readings::Readings::default(),
            "2022-04-24T14:45:00Z",
        );
        let v = View::derive(&a);
        assert_eq!(v.headline, Headline::Countdown);
        assert_eq!(v.selected.as_ref().map(|s| s.index), Some(1));
        assert_eq!(v.digits, "00:45:00");
    }

    #[test]
    fn the_push_moves_to_the_next_goal_once_one_is_reached() {
        let mut a = app("2022-04-24T20:00:00Z");
        a.add_reading(crate::testing::spotify("2022-04-24T20:00:00Z", 2_800_000));
        let v = View::derive(&a);
        let p = push(&v).expect("push");
        assert_eq!(p.goal, Some(1));
        assert_eq!(p.goal(&v).map(|g| g.label.as_str()), Some("Global top 5"));
    }
}
