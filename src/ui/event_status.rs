//! An event's status as the list and the push's next-release line write it: its countdown,
//! "OUT NOW", or the time since. Apart from both, so the per-second parts can write it too.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Event;
use crate::values::countdown::{self, Phase};
use crate::values::when::shown_in;

/// "in 01:02:11", "OUT NOW", "out 4y 7m ago".
pub(crate) fn status_text(
    event: &Event,
    phase: Phase,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    Status { event, phase, now }.to_string()
}

/// An event's status in the list, written where it goes: the per-second redraw writes it
/// into a fixed string, a full render through [`status_text`].
pub(crate) struct Status<'a> {
    /// The event.
    pub(crate) event: &'a Event,
    /// Its phase at `now`.
    pub(crate) phase: Phase,
    /// The instant shown.
    pub(crate) now: chrono::DateTime<chrono::Utc>,
}

impl std::fmt::Display for Status<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (at, zone, now) = (self.event.at, self.event.zone, self.now);
        match self.phase {
            Phase::Upcoming | Phase::Imminent => {
                write!(f, "in {}", countdown::Countdown::new(now, at, zone))
            }
            Phase::Live => f.write_str("OUT NOW"),
            Phase::Released => write!(
                f,
                "out {} ago",
                countdown::calendar_span(at, now, zone).short(2)
            ),
        }
    }
}

/// "23:00 KST" for `t` in `zone`, with the date when it is the lead entry.
pub(crate) fn zone_time(t: DateTime<Utc>, zone: Tz, with_date: bool) -> String {
    let local = shown_in(t, zone);
    if with_date {
        local.format("%a %-d %b %Y %H:%M %Z").to_string()
    } else {
        local.format("%H:%M %Z").to_string()
    }
}
