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
    /// The language the config asks for; `--lang` wins over it.
    pub lang: Option<crate::lang::Lang>,
    /// Events, sorted by release time.
    pub events: Vec<Event>,
    /// Stream goals, in file order.
    pub streams: Vec<Stream>,
    /// Each stream's `on_goal` command, by index into `streams` (kept beside the streams so
    /// that a `Stream` stays plain data for the code that builds one by hand).
    pub(crate) on_goal: Vec<Option<String>>,
    /// Each stream's `id`, by index into `streams` (beside them, as `on_goal`).
    pub(crate) stream_ids: Vec<Option<String>>,
    /// Each stream's parts when it is a `sum`, as indices into `streams`.
    pub(crate) sums: Vec<Option<Vec<usize>>>,
    /// What share cards carry and where they go.
    pub(crate) cards: Cards,
    /// Where each goal's target came from (`from`; empty when written by hand), by stream
    /// and goal index, kept beside the streams for the same reason as `on_goal`.
    pub(crate) goal_from: Vec<Vec<String>>,
    /// Each stream's rank settings when it has `measure = "rank"`, by index into `streams`.
    pub(crate) ranks: Vec<Option<super::rank::RankSpec>>,
    /// Where it was read from.
    pub source: Source,
}

/// A stream that counts the sum of other streams (`sum = ["mv", "dance"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    /// The sum's event id.
    pub event: String,
    /// The sum's platform.
    pub platform: String,
    /// Each part's event, platform, and the count it has before its first reading.
    pub parts: Vec<(String, String, u64)>,
}

/// The config's settings for share cards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cards {
    /// Hashtags, as written ("#WithYou").
    pub(crate) tags: Vec<String>,
    /// Where cards are saved, as written (relative to the config's folder); `None`: the
    /// current directory.
    pub(crate) dir: Option<String>,
    /// Save a card when a goal is reached.
    pub(crate) on_goal: bool,
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
    /// What the headline says to do while it is out now: its own, or the top-level one; `None`
    /// when neither is written, for the view to say "go stream" in the fan's language.
    pub(crate) call_to_action: Option<String>,
}

/// A stream count tracked against goals.
#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    /// The event id.
    pub event: String,
    /// Platform name.
    pub platform: String,
    /// What the count counts, plural ("streams", "views"): see [`default_unit`].
    pub unit: String,
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

/// What a stream's count counts when its config does not say: "views" on YouTube, "plays" on
/// Last.fm, else "streams". The one place the default is decided (presets call it too).
pub fn default_unit(platform: &str) -> &'static str {
    let p: String = platform
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    // "YouTube MV", "YouTube dance practice": every YouTube count is of views.
    match p.as_str() {
        p if p.starts_with("youtube") => "views",
        "lastfm" => "plays",
        _ => "streams",
    }
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

    /// The stream with this `id`, else the first whose platform is `name` (any case); of
    /// `event`'s streams only, when one is named.
    pub(crate) fn stream_named(&self, name: &str, event: Option<&str>) -> Option<usize> {
        let of_event = |i: &usize| event.is_none_or(|e| self.streams[*i].event == e);
        (0..self.streams.len())
            .filter(of_event)
            .find(|&i| self.stream_ids.get(i).and_then(Option::as_deref) == Some(name))
            .or_else(|| {
                (0..self.streams.len())
                    .filter(of_event)
                    .find(|&i| self.streams[i].platform.eq_ignore_ascii_case(name))
            })
    }

    /// The parts of the stream at index `i`, when it is a sum.
    pub(crate) fn sum_parts(&self, i: usize) -> Option<&[usize]> {
        self.sums.get(i)?.as_deref()
    }

    /// " = MV + Dance practice" after a sum's name: its parts by platform (with their event
    /// when it is another's); empty for a stream that is no sum.
    pub(crate) fn sum_text(&self, i: usize) -> String {
        let Some(parts) = self.sum_parts(i) else {
            return String::new();
        };
        let own = self.streams.get(i).map(|s| s.event.as_str());
        let names: Vec<String> = parts
            .iter()
            .map(|&p| {
                let s = &self.streams[p];
                if Some(s.event.as_str()) == own {
                    s.platform.clone()
                } else {
                    format!("{} {}", self.event_name(&s.event), s.platform)
                }
            })
            .collect();
        format!(" = {}", names.join(" + "))
    }

    /// What the sum streams count, for the readings to add up: each sum's (event, platform)
    /// and its parts' (event, platform, config count).
    pub(crate) fn sum_defs(&self) -> Vec<Sum> {
        (0..self.streams.len())
            .filter_map(|i| {
                let parts = self.sum_parts(i)?;
                let s = &self.streams[i];
                Some(Sum {
                    event: s.event.clone(),
                    platform: s.platform.clone(),
                    parts: parts
                        .iter()
                        .map(|&p| {
                            let p = &self.streams[p];
                            (p.event.clone(), p.platform.clone(), p.count)
                        })
                        .collect(),
                })
            })
            .collect()
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
