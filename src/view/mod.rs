//! One view per frame: what the screen, the terminal title and `--json` show, derived once
//! from the state and its `now`. Widgets read it and never work a figure out again.

pub(crate) mod bar;
pub(crate) mod json;
pub(crate) mod overview;
pub(crate) mod ranks;

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{DateTime, DurationRound, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;

use crate::app::App;
use crate::config::{Config, Event, SourceKind, Stream};
use crate::lang::{Arg, Lang};
pub(crate) use crate::streams::next_goal;
use crate::streams::{self, GoalView, StreamView, Window};
use crate::values::countdown::{self, Countdown, Phase, Target};

/// The selected event and what its countdown counts towards.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Selected {
    /// Index into `config.events`.
    pub(crate) index: usize,
    /// The user picked it (rather than it being followed automatically).
    pub(crate) pinned: bool,
    /// Its phase now.
    pub(crate) phase: Phase,
    /// What its countdown counts to now.
    pub(crate) target: Target,
}

/// A stream shown this frame, with its figures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shown {
    /// Index into `config.streams`.
    pub(crate) index: usize,
    /// Its figures at `now`.
    pub(crate) figures: StreamView,
    /// How old its count is, and how its source fares.
    pub(crate) fresh: Freshness,
}

/// How much a stream's count is worth: its age, and the state of the source that brings it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Freshness {
    /// When the shown count was read, if it came from a reading.
    pub(crate) last_reading_at: Option<DateTime<Utc>>,
    /// Seconds since then.
    pub(crate) age_secs: Option<i64>,
    /// When a count last came in good: the shown reading, or the source's last successful
    /// poll when that is later (a poll that brought the same count).
    pub(crate) last_good: Option<DateTime<Utc>>,
    /// The last good count is older than twice the source's interval (an hour without a
    /// source) while the window is open: the figures may be behind.
    pub(crate) stale: bool,
    /// Where counts come from by themselves: "command" or "url"; `None` when typed or logged.
    pub(crate) source: Option<&'static str>,
    /// Why the source fails now, with when it last worked.
    pub(crate) source_error: Option<String>,
    /// The count before a lower reading that corrected it.
    pub(crate) corrected_from: Option<u64>,
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
    // Staleness runs from the last good count, not from when a failure began.
    let last_good = figures.count_at.max(status.and_then(|s| s.last_ok));
    Freshness {
        last_reading_at: figures.count_at,
        age_secs,
        last_good,
        stale: open && last_good.is_some_and(|t| (now - t).num_seconds() > limit),
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
pub(crate) enum Headline {
    /// The selected event's countdown: to its release, while live, to an anniversary.
    Countdown,
    /// A tracking window is open: the time left in it and the push to its next goal.
    Push(Push),
}

/// The push: an open tracking window and the next goal it has not reached.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Push {
    /// Index into `View::streams` of the stream whose window is open.
    pub(crate) shown: usize,
    /// Index into `config.streams`.
    pub(crate) stream: usize,
    /// When the window closes.
    pub(crate) closes: DateTime<Utc>,
    /// Index into the stream's goals of the next goal not reached whose deadline is still
    /// ahead (the earliest deadline, then config order); `None` when every goal is settled.
    pub(crate) goal: Option<usize>,
    /// Index into `config.events` of the next release still to come, for the line under the
    /// push; `None` when nothing is coming.
    pub(crate) next_release: Option<usize>,
    /// The window's event is in its live hour: the headline reads OUT NOW over the push.
    pub(crate) live: Option<usize>,
    /// The stream measures ranks: the rank push to show instead of the count goal.
    pub(crate) rank: Option<ranks::RankLead>,
}

impl Push {
    /// The goal the push is for, from the stream's figures.
    pub(crate) fn goal<'a>(&self, view: &'a View) -> Option<&'a GoalView> {
        let shown = view.streams.get(self.shown)?;
        shown.figures.goals.get(self.goal?)
    }
}

/// What the headline is about: its event, its stream and the goal it pushes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lead {
    /// Index into `config.events`.
    pub(crate) event: Option<usize>,
    /// Index into `View::streams`.
    pub(crate) shown: Option<usize>,
    /// Index into that stream's goals: the next goal not reached whose deadline is ahead.
    pub(crate) goal: Option<usize>,
    /// When a rank stream leads: index into its rank goals of the goal pushed.
    pub(crate) rank_goal: Option<usize>,
}

/// What only `--json` needs: every event's next anniversary and every stream's figures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Everything {
    /// For each event (config order), its next anniversary, `None` when it has them off.
    pub(crate) anniversaries: Vec<Option<DateTime<Utc>>>,
    /// For each stream (config order), its figures at `now`.
    pub(crate) streams: Vec<StreamView>,
    /// For each stream (config order), how fresh its count is.
    pub(crate) fresh: Vec<Freshness>,
}

/// Which of the frame's texts show seconds. The header clock always does; these may. Between
/// two full renders (see [`View::until`]) nothing else on screen changes, so each second in
/// between redraws only these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Seconds {
    /// The headline's digits (and the title): a countdown within 99 days.
    pub(crate) digits: bool,
    /// The terminal title counts down to the second.
    pub(crate) title: bool,
    /// For each event (config order), whether its status in the list counts down to the
    /// second.
    pub(crate) events: Vec<bool>,
}

/// One frame's worth of derived facts.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The instant shown, whole seconds.
    pub(crate) now: DateTime<Utc>,
    /// The start of `now`'s minute: what moves slower than the clock (the chart's and the
    /// timeline's "now") moves once a minute.
    pub(crate) minute: DateTime<Utc>,
    /// Until this instant only the texts in `seconds` change: the next minute, or sooner the
    /// next instant anything else on screen may change (a phase, a reading in a replay, an
    /// age or a deadline that falls within a minute). From it on, the view is derived anew.
    pub(crate) until: DateTime<Utc>,
    /// Which texts show seconds.
    pub(crate) seconds: Seconds,
    /// The zone of the header clock and the events list.
    pub(crate) zone: Tz,
    /// Each event's phase, in config order.
    pub(crate) phases: Vec<Phase>,
    /// The event the Next panel shows.
    pub(crate) selected: Option<Selected>,
    /// The streams panel's streams.
    pub(crate) streams: Vec<Shown>,
    /// What the Next panel leads with.
    pub(crate) headline: Headline,
    /// The text of the big digits: the headline's countdown (or time since), e.g. "06:00:00".
    pub(crate) digits: String,
    /// The terminal title, e.g. "With You in 1:02:11".
    pub title: String,
    /// Filled for `--json` only.
    pub(crate) everything: Option<Everything>,
    /// Every stream's row, while the overview is shown.
    pub(crate) overview: Option<overview::Overview>,
    /// For each event (config order) with several streams: its goals reached, of all.
    pub(crate) reached: Vec<Option<(usize, usize)>>,
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
        let selection = app.selection();
        let index = selection.index;
        let selected = index.map(|index| {
            let e = &config.events[index];
            Selected {
                index,
                pinned: selection.pinned,
                phase: phases[index],
                target: target(e, now),
            }
        });
        let mut shown = selection.streams;
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
                let event = config.events.iter().position(|e| e.id == s.event);
                let rank = ranks::rank_lead(app, stream, now, app.lang);
                Headline::Push(Push {
                    live: event.filter(|i| phases[*i] == Phase::Live),
                    shown: at,
                    stream,
                    closes: s.window_end,
                    goal: next_goal(&streams[at].figures, now).filter(|_| rank.is_none()),
                    rank,
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
            minute: now.duration_trunc(TimeDelta::minutes(1)).unwrap_or(now),
            until: now,
            seconds: Seconds::default(),
            zone: app.display_zone(),
            phases,
            selected,
            streams,
            headline,
            digits: String::new(),
            title: String::new(),
            everything: None,
            overview: matches!(app.mode, crate::app::Mode::Overview(_))
                .then(|| overview::overview(app)),
            reached: overview::goals_reached(app, now),
        };
        view.write_digits(config, app.lang);
        view.write_title(config, app.lang);
        view.seconds = seconds(&view, config);
        view.until = until(app, &view);
        view
    }

    /// Moves the view to `app.now` when only its seconds changed since it was derived: the
    /// digits and the title are rewritten in place, allocating nothing. False when the view
    /// must be derived anew: at or past [`View::until`], when the clock went back, or when the
    /// zone changed.
    pub fn advance(&mut self, app: &App) -> bool {
        let now = app.now;
        if now < self.now || now >= self.until || app.display_zone() != self.zone {
            return false;
        }
        if now != self.now {
            self.now = now;
            if self.seconds.digits {
                self.write_digits(&app.config, app.lang);
            }
            if self.seconds.title {
                self.write_title(&app.config, app.lang);
            }
        }
        true
    }

    /// Writes the big digits' text for the headline: the countdown (or time since).
    fn write_digits(&mut self, config: &Config, lang: Lang) {
        let mut out = std::mem::take(&mut self.digits);
        out.clear();
        let now = self.now;
        let units = lang.units();
        let _ = match (&self.headline, &self.selected) {
            (Headline::Push(p), _) => {
                let zone = config.streams[p.stream].window_zone;
                write!(
                    out,
                    "{}",
                    Countdown::new(now, p.closes, zone).in_units(units)
                )
            }
            (Headline::Countdown, Some(selected)) => match config.events.get(selected.index) {
                Some(event) => match selected.target {
                    Target::Release(t) | Target::Anniversary(_, t) => {
                        write!(
                            out,
                            "{}",
                            Countdown::new(now, t, event.zone).in_units(units)
                        )
                    }
                    Target::Live(t) => {
                        write!(
                            out,
                            "{}",
                            Countdown::new(t, now, event.zone).in_units(units)
                        )
                    }
                    Target::Since(t) => out.write_str(
                        &countdown::calendar_span(t, now, event.zone).short_in(units, 3),
                    ),
                },
                None => Ok(()),
            },
            (Headline::Countdown, None) => Ok(()),
        };
        self.digits = out;
    }

    /// Writes the terminal title, e.g. "With You in 1:02:11".
    /// The words come from static tables: the title is rewritten each second.
    fn write_title(&mut self, config: &Config, lang: Lang) {
        let mut out = std::mem::take(&mut self.title);
        out.clear();
        let now = self.now;
        let (words, units) = (lang.status_words(), lang.units());
        let _ = match (&self.headline, &self.selected) {
            (Headline::Push(p), _) => out.write_str(&push_title(self, config, p, lang)),
            (Headline::Countdown, Some(s)) => {
                let event = &config.events[s.index];
                let (name, zone) = (&event.name, event.zone);
                match s.target {
                    Target::Release(t) => {
                        let left = Countdown::new(now, t, zone).compact().in_units(units);
                        let (before, after) = words.until;
                        write!(out, "{name} {before}{left}{after}")
                    }
                    Target::Live(_) => write!(out, "{name} {}", words.out_now),
                    Target::Anniversary(n, t) => {
                        let (before, after) = lang.anniversary_in();
                        let left = Countdown::new(now, t, zone).compact().in_units(units);
                        write!(out, "{name} {before}{}{after}{left}", lang.nth(n))
                    }
                    Target::Since(t) => {
                        let ago = countdown::calendar_span(t, now, zone).short_in(units, 2);
                        let (before, after) = words.since;
                        write!(out, "{name} {before}{ago}{after}")
                    }
                }
            }
            (Headline::Countdown, None) => out.write_str("dropwatch"),
        };
        self.title = out;
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

    /// What the headline is about, for everything that shows it (the Next panel, the title,
    /// `bar`, `--json`): one place, so they never follow different events.
    pub(crate) fn lead(&self, config: &Config) -> Lead {
        match &self.headline {
            Headline::Push(p) => Lead {
                event: config
                    .streams
                    .get(p.stream)
                    .and_then(|s| config.events.iter().position(|e| e.id == s.event)),
                shown: Some(p.shown),
                goal: p.goal,
                rank_goal: p.rank.as_ref().and_then(|r| r.goal),
            },
            Headline::Countdown => {
                let event = self.selected.as_ref().map(|s| s.index);
                // The headline event's own stream, else the first shown.
                let own = event.and_then(|i| {
                    self.streams.iter().position(|s| {
                        config
                            .streams
                            .get(s.index)
                            .is_some_and(|st| st.event == config.events[i].id)
                    })
                });
                let shown = own.or((!self.streams.is_empty()).then_some(0));
                Lead {
                    event,
                    shown,
                    goal: shown.and_then(|i| next_goal(&self.streams[i].figures, self.now)),
                    rank_goal: None,
                }
            }
        }
    }

    /// The selected event of `config`, which this view was derived from.
    pub(crate) fn event<'a>(&self, config: &'a Config) -> Option<&'a Event> {
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

/// What the headline says to do while `event` is out now: the config's words, else "go
/// stream" in `lang` ("스밍 가자").
pub(crate) fn call_to_action(event: &Event, lang: Lang) -> Cow<'_, str> {
    match &event.call_to_action {
        Some(c) => Cow::Borrowed(c.as_str()),
        None => lang.t("dashboard-go-stream"),
    }
}

/// "With You: 6:00:00 left, 1.56M to Global top 10".
fn push_title(view: &View, config: &Config, push: &Push, lang: Lang) -> String {
    let stream = &config.streams[push.stream];
    let name = config.event_name(&stream.event);
    let left = Countdown::new(view.now, push.closes, stream.window_zone)
        .compact()
        .in_units(lang.units())
        .to_string();
    let mut args = vec![("name", Arg::from(name)), ("left", Arg::from(left))];
    if let Some(event) = push.live.and_then(|i| config.events.get(i)) {
        args.push(("out", Arg::from(lang.status_words().out_now)));
        args.push(("cta", Arg::from(call_to_action(event, lang).into_owned())));
        return lang.t_with("dashboard-title-live", &args).into_owned();
    }
    if let Some(rank) = &push.rank {
        return format!("{name}: {}", rank.line());
    }
    match push.goal(view) {
        Some(g) => {
            args.push(("n", Arg::from(lang.short(g.needed))));
            args.push(("goal", Arg::from(g.label.as_str())));
            lang.t_with("dashboard-title-goal", &args).into_owned()
        }
        None => lang.t_with("dashboard-title-window", &args).into_owned(),
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
pub(crate) fn target(event: &Event, now: DateTime<Utc>) -> Target {
    countdown::target(
        event.at,
        event.zone,
        event.live_for,
        event.anniversaries,
        now,
    )
}

/// Which texts of `view` show seconds.
fn seconds(view: &View, config: &Config) -> Seconds {
    let now = view.now;
    let ticks = |c: Countdown| c.shows_seconds();
    let (digits, title) = match (&view.headline, &view.selected) {
        (Headline::Push(_), _) => (true, true),
        (Headline::Countdown, Some(s)) => {
            let zone = config.events[s.index].zone;
            match s.target {
                Target::Release(t) | Target::Anniversary(_, t) => {
                    let t = ticks(Countdown::new(now, t, zone));
                    (t, t)
                }
                Target::Live(t) => (ticks(Countdown::new(t, now, zone)), false),
                Target::Since(_) => (false, false),
            }
        }
        (Headline::Countdown, None) => (false, false),
    };
    let events = config
        .events
        .iter()
        .zip(&view.phases)
        .map(|(e, phase)| {
            matches!(phase, Phase::Upcoming | Phase::Imminent)
                && ticks(Countdown::new(now, e.at, e.zone))
        })
        .collect();
    Seconds {
        digits,
        title,
        events,
    }
}

/// The next instant after `view.now` at which anything on screen but the texts that show
/// seconds may change. Texts that count in minutes or days (ages, "window opens in", "out 4y 7m
/// ago", phases, dates) change on a whole minute, or on the second of the minute of the
/// instant they count from or to (a second later for "window opens in"); so the frame is
/// derived anew at those seconds of each minute (once a minute for a config of whole
/// minutes, twice while a window is about to open). A replay reaches readings recorded later
/// than now: each is due at its own instant. An open tracking window's figures (needed per
/// hour, projection) move with every second.
fn until(app: &App, view: &View) -> DateTime<Utc> {
    let now = view.now;
    let second = TimeDelta::seconds(1);
    let open = view
        .streams
        .iter()
        .any(|s| matches!(s.figures.window, Window::Open { .. }));
    if open || matches!(view.headline, Headline::Push(_)) || view.overview.is_some() {
        return now + second;
    }
    let config = &app.config;
    // Bit n: something may change when the clock's seconds read n; 0 is the minute itself.
    // Texts counting from or to an instant in whole minutes or days turn on its second.
    let mut due: u64 = 1;
    let mut on = |t: DateTime<Utc>| due |= 1 << ceil_second(t).second();
    for e in &config.events {
        on(e.at);
        if let Some(end) = e.at.checked_add_signed(e.live_for) {
            on(end);
        }
    }
    for s in &config.streams {
        on(s.window_start);
        on(s.window_end);
        s.goals.iter().for_each(|g| on(g.deadline));
    }
    for shown in &view.streams {
        if let Some(t) = shown.fresh.last_reading_at {
            on(t);
        }
        // "window opens in 1h 02m" counts whole minutes down: it turns a second later.
        if matches!(shown.figures.window, Window::Opens { .. }) {
            on(config.streams[shown.index].window_start + TimeDelta::seconds(1));
        }
    }
    for status in app.sources.values() {
        status.last_ok.into_iter().for_each(&mut on);
        if let Some((_, since)) = &status.failing {
            on(*since);
        }
    }
    let at = i64::from(now.second());
    let ahead = (1..=60)
        .find(|d| due & (1 << ((at + d) % 60)) != 0)
        .unwrap_or(60);
    let mut until = now + TimeDelta::seconds(ahead);
    for shown in &view.streams {
        let stream = &config.streams[shown.index];
        let series = app.readings.of(&stream.event, &stream.platform);
        if let Some(next) = series.get(series.upto(now)) {
            until = until.min(ceil_second(next.time));
        }
    }
    until.max(now + second)
}

/// `t`, or the next whole second when it falls within one.
fn ceil_second(t: DateTime<Utc>) -> DateTime<Utc> {
    let floor = crate::values::clock::floor_second(t);
    if floor == t {
        t
    } else {
        floor + TimeDelta::seconds(1)
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
        // In its live hour its window is open: the push leads, under OUT NOW.
        let v = View::derive(&app("2022-04-24T14:30:00Z"));
        assert_eq!(push(&v).and_then(|p| p.live), Some(0), "{v:?}");
        assert_eq!(v.title, "With You OUT NOW · go stream · 9:30:00 left");
        // The call to action no config wrote is said in the fan's language; one written stays.
        let mut a = app("2022-04-24T14:30:00Z");
        a.lang = Lang::Ko;
        assert!(View::derive(&a).title.contains(" · 스밍 가자 · "));
        a.config.events[0].call_to_action = Some("stream With You".into());
        assert!(View::derive(&a).title.contains(" · stream With You · "));
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

    /// A source polling every 2 s that has failed since the reading 30 s ago: the count is
    /// stale, and says so with its real age, never "just now".
    #[test]
    fn staleness_runs_from_the_last_good_count() {
        let text = crate::config::DEFAULT_TOML.replace(
            "[[streams.goal]]\nlabel = \"Global top 10\"",
            "[streams.source]\ncommand = \"true\"\nevery = \"2s\"\n\n[[streams.goal]]\nlabel = \"Global top 10\"",
        );
        let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
        assert!(
            config.streams[0].source.is_some(),
            "the source is in the config"
        );
        let mut a = crate::testing::app_with(
            config,
            crate::readings::Readings::default(),
            "2022-04-24T14:30:30Z",
        );
        a.add_reading(crate::testing::spotify("2022-04-24T14:30:00Z", 215_000));
        let key = ("with-you".to_string(), "Spotify".to_string());
        let status = a.sources.entry(key).or_default();
        status.record(crate::testing::utc("2022-04-24T14:30:00Z"), &Ok(215_000));
        let failed = Err(crate::readings::poll::SourceError::TooManyRedirects);
        status.record(crate::testing::utc("2022-04-24T14:30:02Z"), &failed);
        let v = View::derive(&a);
        let fresh = &v.streams[0].fresh;
        assert!(fresh.stale, "{fresh:?}");
        assert_eq!(
            fresh.last_good,
            Some(crate::testing::utc("2022-04-24T14:30:00Z"))
        );
        let screen = crate::testing::text(&a, 120, 40);
        assert!(screen.contains("stale, last good 30 s ago"), "{screen}");
        assert!(!screen.contains("just now"), "{screen}");
    }
}
