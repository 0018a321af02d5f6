//! Which event the dashboard shows and which streams with it: one rule, read by the state (for
//! the keys that move or act on the selection) and by the view (for what a frame shows).

use chrono::{DateTime, Utc};

use crate::config::{Config, Event};
use crate::values::countdown;

/// The selected event and its streams at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Index into `config.events` of the event shown; `None` without events.
    pub index: Option<usize>,
    /// Whether the user picked it (else it follows the next event).
    pub(crate) pinned: bool,
    /// Indexes into `config.streams` of the streams shown for it.
    pub(crate) streams: Vec<usize>,
}

impl Selection {
    /// The selection in `config` at `now`, with `picked` the id the user selected, if any.
    pub(crate) fn of(config: &Config, picked: Option<&str>, now: DateTime<Utc>) -> Selection {
        let pinned = picked.and_then(|id| config.events.iter().position(|e| e.id == id));
        let index = pinned.or_else(|| automatic_selection(&config.events, now));
        Selection {
            index,
            pinned: pinned.is_some(),
            streams: shown_streams(config, index, now),
        }
    }
}

/// The event within its imminent hour, else the next event not yet released (or still live),
/// else the one with the nearest anniversary, else the last.
pub(crate) fn automatic_selection(events: &[Event], now: DateTime<Utc>) -> Option<usize> {
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
pub(crate) fn shown_streams(
    config: &Config,
    selected: Option<usize>,
    now: DateTime<Utc>,
) -> Vec<usize> {
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
