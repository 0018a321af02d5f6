//! An event's status as the list and the push's next-release line write it: its countdown,
//! "OUT NOW", or the time since. Apart from both, so the per-second parts can write it too.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Event;
use crate::lang::Lang;
use crate::values::countdown::{self, Phase};
use crate::values::when::shown_in;

/// "in 01:02:11", "OUT NOW", "out 4y 7m ago".
pub(crate) fn status_text(
    event: &Event,
    phase: Phase,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> String {
    Status {
        event,
        phase,
        now,
        lang,
    }
    .to_string()
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
    /// The language of its words and units.
    pub(crate) lang: Lang,
}

impl std::fmt::Display for Status<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (at, zone, now) = (self.event.at, self.event.zone, self.now);
        if self.event.time_tba {
            return tba_status(f, at, zone, now);
        }
        let (words, units) = (self.lang.status_words(), self.lang.units());
        match self.phase {
            Phase::Upcoming | Phase::Imminent => {
                let left = countdown::Countdown::new(now, at, zone).in_units(units);
                write!(f, "{}{left}{}", words.until.0, words.until.1)
            }
            Phase::Live => f.write_str(words.out_now),
            Phase::Released => {
                let ago = countdown::calendar_span(at, now, zone).short_in(units, 2);
                write!(f, "{}{ago}{}", words.since.0, words.since.1)
            }
        }
    }
}

/// A date whose time is not announced yet: "TBA in 5d 12h" to the start of its day, "TBA
/// today" on the day, then the time since, as any release.
fn tba_status(
    f: &mut std::fmt::Formatter<'_>,
    at: DateTime<Utc>,
    zone: Tz,
    now: DateTime<Utc>,
) -> std::fmt::Result {
    if now < at {
        let left = (at - now).num_seconds();
        let (d, h, m) = (left / 86_400, left % 86_400 / 3600, left % 3600 / 60);
        if d > 0 {
            write!(f, "TBA in {d}d {h}h")
        } else {
            write!(f, "TBA in {h}h {m:02}m")
        }
    } else if shown_in(now, zone).date_naive() == shown_in(at, zone).date_naive() {
        f.write_str("TBA today")
    } else {
        write!(
            f,
            "out {} ago",
            countdown::calendar_span(at, now, zone).short(2)
        )
    }
}

/// "Sat 5 Dec · time TBA" for an event whose time is not announced, else `None`.
/// The day is the one announced, in the event's own zone, whatever the display zone.
pub(crate) fn tba_date(event: &Event) -> Option<String> {
    event.time_tba.then(|| {
        format!(
            "{} · time TBA",
            shown_in(event.at, event.zone).format("%a %-d %b")
        )
    })
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
