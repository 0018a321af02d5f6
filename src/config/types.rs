//! The checked config: what the rest of the program reads. Built only by validation, so every
//! value here is known good (zones exist, times resolve, windows end after they start).

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::origin::Source;
use super::source::SourceSpec;

/// A validated config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Header title.
    pub title: String,
    /// Zones shown beside each event's own and UTC.
    pub(crate) zones: Vec<Tz>,
    /// Ring and notify at zero.
    pub(crate) bell: bool,
    /// Events, sorted by release time.
    pub events: Vec<Event>,
    /// Stream goals, in file order.
    pub streams: Vec<Stream>,
    /// Each stream's `on_goal` command, by index into `streams` (kept beside the streams so
    /// that a `Stream` stays plain data for the code that builds one by hand).
    pub(crate) on_goal: Vec<Option<String>>,
    /// Where each goal's target came from (`from`; empty when written by hand), by stream
    /// and goal index, kept beside the streams for the same reason as `on_goal`.
    pub(crate) goal_from: Vec<Vec<String>>,
    /// Each stream's rank settings when it has `measure = "rank"`, by index into `streams`.
    pub(crate) ranks: Vec<Option<super::rank::RankSpec>>,
    /// Where it was read from.
    pub source: Source,
}

/// A release event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique id, used by streams and `dropwatch log`.
    pub(crate) id: String,
    /// Display name.
    pub name: String,
    /// Artist(s); may be empty.
    pub(crate) by: String,
    /// Free text; may be empty.
    pub(crate) note: String,
    /// The release instant; for a date whose time is still to be announced, the start of
    /// that day in `zone`.
    pub at: DateTime<Utc>,
    /// The iCalendar UID it was imported from; empty when written by hand.
    pub(crate) uid: String,
    /// Only the date is known yet (`at = "2026-12-05"`): shown as "time TBA".
    pub(crate) time_tba: bool,
    /// The zone the release is announced in.
    pub zone: Tz,
    /// How long it shows as live after release.
    pub live_for: TimeDelta,
    /// Whether to count down to anniversaries once released.
    pub(crate) anniversaries: bool,
    /// The shell command run when it comes out: its own `on_release`, else the top-level one.
    pub(crate) on_release: Option<String>,
}

/// A stream count tracked against goals.
#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    /// The event id.
    pub event: String,
    /// Platform name.
    pub platform: String,
    /// The count written in the config (readings override it).
    pub count: u64,
    /// When the tracking window opens: the event's release.
    pub window_start: DateTime<Utc>,
    /// When the tracking window closes.
    pub window_end: DateTime<Utc>,
    /// Zone used to show the window's end.
    pub window_zone: Tz,
    /// Goals, in file order.
    pub goals: Vec<Goal>,
    /// Where the count is polled from, if anywhere.
    pub source: Option<SourceSpec>,
}

/// One goal of a stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// e.g. "Global top 10".
    pub label: String,
    /// Target count, at least 1.
    pub target: u64,
    /// When the target must be reached.
    pub deadline: DateTime<Utc>,
}

impl Config {
    /// The name of the event with this id, else the id itself.
    pub(crate) fn event_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.event(id).map_or(id, |e| e.name.as_str())
    }

    /// The shell command run when a goal of the stream at index `i` is reached.
    pub(crate) fn on_goal(&self, i: usize) -> Option<&str> {
        self.on_goal.get(i)?.as_deref()
    }

    /// Where goal `g` of the stream at index `i` came from, when the config says.
    pub(crate) fn goal_from(&self, i: usize, g: usize) -> Option<&str> {
        Some(self.goal_from.get(i)?.get(g)?.as_str()).filter(|f| !f.is_empty())
    }

    /// The rank settings of the stream at index `i`, when it measures ranks.
    pub(crate) fn rank(&self, i: usize) -> Option<&super::rank::RankSpec> {
        self.ranks.get(i)?.as_ref()
    }

    /// The event with this id.
    pub(crate) fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}
