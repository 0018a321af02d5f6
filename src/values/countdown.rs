//! Pure countdown math: phases, time left, calendar distance and anniversaries.
//! Everything takes `now` as an argument and knows nothing of the terminal.

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;

use crate::values::clock::END;
use crate::values::when::{YEARS, resolve_local_lenient};

/// Where an event stands relative to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// More than an hour to go.
    Upcoming,
    /// An hour or less to go.
    Imminent,
    /// From the release until `live_for` after it.
    Live,
    /// After the live period.
    Released,
}

impl Phase {
    /// The lower-case name used in JSON and on screen.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Phase::Upcoming => "upcoming",
            Phase::Imminent => "imminent",
            Phase::Live => "live",
            Phase::Released => "released",
        }
    }
}

/// The window before a release in which it counts as imminent.
pub const IMMINENT: TimeDelta = TimeDelta::hours(1);

/// The phase of a release at `at`, live for `live_for`, seen at `now`.
pub fn phase(at: DateTime<Utc>, live_for: TimeDelta, now: DateTime<Utc>) -> Phase {
    if now < at {
        if at - now > IMMINENT {
            Phase::Upcoming
        } else {
            Phase::Imminent
        }
    } else if now < at + live_for {
        Phase::Live
    } else {
        Phase::Released
    }
}

/// Whole seconds from `now` to `at`: positive before, negative after.
pub fn seconds_left(at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (at - now).num_seconds()
}

/// A calendar distance, counted in the zone the event happens in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CalendarSpan {
    /// Whole years.
    pub years: u32,
    /// Whole months after the years.
    pub months: u32,
    /// Whole days after the months.
    pub days: u32,
    /// Hours after the days.
    pub hours: u32,
    /// Minutes after the hours.
    pub minutes: u32,
    /// Seconds after the minutes.
    pub seconds: u32,
}

/// The calendar distance between two instants, read as local times in `zone`
/// (order does not matter): "4 years, 7 months, 2 days" as a person counts them.
pub fn calendar_span(a: DateTime<Utc>, b: DateTime<Utc>, zone: Tz) -> CalendarSpan {
    let (from, to) = if a <= b { (a, b) } else { (b, a) };
    let from = from.with_timezone(&zone).naive_local();
    let to = to.with_timezone(&zone).naive_local();
    // A DST change can make the later local time read earlier; count that as no time.
    if to <= from {
        return CalendarSpan::default();
    }
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let add = |m: i32| -> Option<NaiveDateTime> {
        from.checked_add_months(Months::new(u32::try_from(m).ok()?))
    };
    while months > 0 && add(months).is_none_or(|t| t > to) {
        months -= 1;
    }
    let anchor = add(months.max(0)).unwrap_or(from);
    let rest = (to - anchor).num_seconds().max(0);
    let months = months.max(0) as u32;
    CalendarSpan {
        years: months / 12,
        months: months % 12,
        days: (rest / 86_400) as u32,
        hours: (rest % 86_400 / 3600) as u32,
        minutes: (rest % 3600 / 60) as u32,
        seconds: (rest % 60) as u32,
    }
}

/// The unit words of countdowns in one language. Static, not looked up: the per-second
/// redraw writes countdowns without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Units {
    /// Years: "y".
    pub year: &'static str,
    /// Months: "mo".
    pub month: &'static str,
    /// Months once years show: "m".
    pub month_after_year: &'static str,
    /// Days: "d".
    pub day: &'static str,
    /// Hours: "h".
    pub hour: &'static str,
    /// Minutes: "m".
    pub minute: &'static str,
    /// Seconds: "s".
    pub second: &'static str,
    /// Between a number and its unit: "" in English ("4mo"), " " in Spanish ("4 m").
    pub gap: &'static str,
    /// Between two parts: " " ("4mo 2d"); "" in Japanese ("4か月23日").
    pub sep: &'static str,
}

/// English units: "4y 7m", "7mo 2d", "3d 4h".
pub const EN_UNITS: Units = Units {
    year: "y",
    month: "mo",
    month_after_year: "m",
    day: "d",
    hour: "h",
    minute: "m",
    second: "s",
    gap: "",
    sep: " ",
};

impl CalendarSpan {
    /// The largest `parts` non-zero units, e.g. "4y 7m" (m is months once years show),
    /// "7mo 2d", "3d 4h", "5h 12m", "12m 5s", "5s".
    #[cfg(test)]
    pub(crate) fn short(&self, parts: usize) -> String {
        self.short_in(&EN_UNITS, parts)
    }

    /// The largest `parts` units in a language's `units`: "4개월 23일", "4か月23日".
    pub fn short_in(&self, u: &Units, parts: usize) -> String {
        let month_unit = if self.years > 0 {
            u.month_after_year
        } else {
            u.month
        };
        let units = [
            (self.years, u.year),
            (self.months, month_unit),
            (self.days, u.day),
            (self.hours, u.hour),
            (self.minutes, u.minute),
            (self.seconds, u.second),
        ];
        // Minutes after months would read as months: stop at days once months show.
        let first = units.iter().position(|(n, _)| *n > 0);
        let Some(first) = first else {
            return format!("0{}{}", u.gap, u.second);
        };
        let last = if first <= 1 { 3 } else { units.len() };
        units[first..last]
            .iter()
            .take(parts)
            .filter(|(n, _)| *n > 0)
            .map(|(n, unit)| format!("{n}{}{unit}", u.gap))
            .collect::<Vec<_>>()
            .join(u.sep)
    }
}

/// A countdown in `Dd HH:MM:SS` (days only when non-zero); beyond 99 days, `Nmo Nd` counted
/// on the calendar of `zone`. Negative inputs count as zero.
pub fn countdown_text(now: DateTime<Utc>, target: DateTime<Utc>, zone: Tz) -> String {
    Countdown::new(now, target, zone).to_string()
}

/// A compact countdown for a window title: `1:02:11`, `46d 15:00:00`, `4mo 2d`.
pub fn compact_countdown(now: DateTime<Utc>, target: DateTime<Utc>, zone: Tz) -> String {
    Countdown::new(now, target, zone).compact().to_string()
}

/// The countdown from `now` to `target` as text, written where it goes: formatting it into a
/// string that has room allocates nothing, which the per-second redraw relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Countdown {
    now: DateTime<Utc>,
    target: DateTime<Utc>,
    zone: Tz,
    compact: bool,
    units: &'static Units,
}

impl Countdown {
    /// The countdown to `target` at `now`, months counted in `zone`.
    pub(crate) fn new(now: DateTime<Utc>, target: DateTime<Utc>, zone: Tz) -> Countdown {
        Countdown {
            now,
            target,
            zone,
            compact: false,
            units: &EN_UNITS,
        }
    }

    /// The title's form: no leading zero on the hours (`1:02:11`).
    pub(crate) fn compact(self) -> Countdown {
        Countdown {
            compact: true,
            ..self
        }
    }

    /// The countdown in a language's `units`: "4개월 23일", "46일 15:00:00".
    pub fn in_units(self, units: &'static Units) -> Countdown {
        Countdown { units, ..self }
    }

    /// Whether the text shows seconds (within 99 days), so it changes every second.
    pub(crate) fn shows_seconds(&self) -> bool {
        !self.in_months()
    }

    /// Beyond 99 days the text counts months and days. Whole days count what is left before
    /// the last second, so that the text turns on the target's own second of the minute, as
    /// every other text on screen does (the frame is derived anew on those seconds).
    fn in_months(&self) -> bool {
        (seconds_left(self.target, self.now) - 1).max(0) / 86_400 > 99
    }
}

impl std::fmt::Display for Countdown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = seconds_left(self.target, self.now).max(0);
        let days = secs / 86_400;
        if self.in_months() {
            let before_last = self.now + TimeDelta::seconds(1);
            let span = calendar_span(before_last, self.target, self.zone);
            let months = span.years * 12 + span.months;
            let u = self.units;
            return write!(
                f,
                "{months}{}{}{}{}{}{}",
                u.gap, u.month, u.sep, span.days, u.gap, u.day
            );
        }
        let hours = secs % 86_400 / 3600;
        let (minutes, seconds) = (secs % 3600 / 60, secs % 60);
        if days > 0 {
            let u = self.units;
            write!(
                f,
                "{days}{}{} {hours:02}:{minutes:02}:{seconds:02}",
                u.gap, u.day
            )
        } else if self.compact && hours < 10 {
            write!(f, "{hours}:{minutes:02}:{seconds:02}")
        } else {
            write!(f, "{hours:02}:{minutes:02}:{seconds:02}")
        }
    }
}

/// The `n`th anniversary of a release at `at`, the same local date and time in `zone`
/// (Feb 29 falls on Feb 28 in common years; a time lost to DST moves past the gap). None past
/// the end of 9999, locally or in UTC: no clock runs there and RFC 3339 cannot write it.
pub fn anniversary(at: DateTime<Utc>, zone: Tz, n: u32) -> Option<DateTime<Utc>> {
    let local = at.with_timezone(&zone).naive_local();
    let year = local.year().checked_add(i32::try_from(n).ok()?)?;
    if year > *YEARS.end() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, local.month(), local.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, local.month(), local.day() - 1))?;
    let time = local.time().with_nanosecond(0)?;
    Some(resolve_local_lenient(date.and_time(time), zone)).filter(|t| *t <= END)
}

/// The first anniversary strictly after `now`, with its number (1 = one year on).
pub fn next_anniversary(
    at: DateTime<Utc>,
    zone: Tz,
    now: DateTime<Utc>,
) -> Option<(u32, DateTime<Utc>)> {
    let release_year = at.with_timezone(&zone).year();
    let now_year = now.with_timezone(&zone).year();
    // Start a year early: the anniversary in the current year may still be ahead.
    let mut n = u32::try_from(now_year - release_year - 1)
        .unwrap_or(0)
        .max(1);
    // Two steps always suffice from there; bound the loop anyway.
    for _ in 0..4 {
        let t = anniversary(at, zone, n)?;
        if t > now {
            return Some((n, t));
        }
        n = n.checked_add(1)?;
    }
    None
}

/// What a countdown for one event counts towards at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// The release itself, still ahead.
    Release(DateTime<Utc>),
    /// Out now: since the release.
    Live(DateTime<Utc>),
    /// The `n`th anniversary, ahead.
    Anniversary(u32, DateTime<Utc>),
    /// Released, no anniversaries: time since.
    Since(DateTime<Utc>),
}

/// What a release at `at` in `zone`, live for `live_for`, counts towards at `now`: the release,
/// then time since it while live, then the next anniversary (or time since, without them).
pub(crate) fn target(
    at: DateTime<Utc>,
    zone: Tz,
    live_for: TimeDelta,
    anniversaries: bool,
    now: DateTime<Utc>,
) -> Target {
    match phase(at, live_for, now) {
        Phase::Upcoming | Phase::Imminent => Target::Release(at),
        Phase::Live => Target::Live(at),
        Phase::Released => match anniversaries
            .then(|| next_anniversary(at, zone, now))
            .flatten()
        {
            Some((n, t)) => Target::Anniversary(n, t),
            None => Target::Since(at),
        },
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st"…
pub(crate) fn ordinal(n: u32) -> String {
    Ordinal(n).to_string()
}

/// "1st", "2nd", "11th", written where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ordinal(pub u32);

impl std::fmt::Display for Ordinal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0;
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        write!(f, "{n}{suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::utc;
    use chrono_tz::{America, Asia, Australia, UTC};

    #[test]
    fn phases_around_a_release() {
        let at = utc("2022-04-24T14:00:00Z");
        let hour = TimeDelta::hours(1);
        assert_eq!(
            phase(at, hour, utc("2022-04-24T12:59:59Z")),
            Phase::Upcoming
        );
        assert_eq!(
            phase(at, hour, utc("2022-04-24T13:00:00Z")),
            Phase::Imminent
        );
        assert_eq!(
            phase(at, hour, utc("2022-04-24T13:59:59Z")),
            Phase::Imminent
        );
        assert_eq!(phase(at, hour, utc("2022-04-24T14:00:00Z")), Phase::Live);
        assert_eq!(phase(at, hour, utc("2022-04-24T14:59:59Z")), Phase::Live);
        assert_eq!(
            phase(at, hour, utc("2022-04-24T15:00:00Z")),
            Phase::Released
        );
    }

    #[test]
    fn proof_is_46_days_15_hours_out_when_with_you_is_an_hour_out() {
        let now = utc("2022-04-24T13:00:00Z");
        assert_eq!(seconds_left(utc("2022-06-10T04:00:00Z"), now), 4_028_400);
        assert_eq!(
            countdown_text(now, utc("2022-06-10T04:00:00Z"), Asia::Seoul),
            "46d 15:00:00"
        );
        assert_eq!(
            countdown_text(now, utc("2022-04-24T14:00:00Z"), Asia::Seoul),
            "01:00:00"
        );
        assert_eq!(
            compact_countdown(now, utc("2022-04-24T14:00:00Z"), Asia::Seoul),
            "1:00:00"
        );
    }

    #[test]
    fn long_countdowns_switch_to_months() {
        let now = utc("2022-01-01T00:00:00Z");
        assert_eq!(
            countdown_text(now, utc("2022-06-10T00:00:01Z"), UTC),
            "5mo 9d"
        );
        // The day turns on the target's own second: with exactly 5 months and 9 days left,
        // what is left before the last second reads 5mo 8d.
        assert_eq!(
            countdown_text(now, utc("2022-06-10T00:00:00Z"), UTC),
            "5mo 8d"
        );
        // The seconds start when 99 days and a second are left.
        let hundred = now + TimeDelta::days(100);
        assert_eq!(countdown_text(now, hundred, UTC), "100d 00:00:00");
        assert_eq!(
            countdown_text(now, hundred + TimeDelta::seconds(1), UTC),
            "3mo 10d"
        );
    }

    #[test]
    fn calendar_distance_since_with_you() {
        let span = calendar_span(
            utc("2022-04-24T14:00:00Z"),
            utc("2026-11-25T19:26:00Z"),
            Asia::Seoul,
        );
        assert_eq!((span.years, span.months, span.days), (4, 7, 1));
        assert_eq!(span.short(2), "4y 7m");
        assert_eq!(span.short(3), "4y 7m 1d");
    }

    #[test]
    fn short_forms_below_a_year() {
        let at = utc("2022-04-24T14:00:00Z");
        let s = |to: &str| calendar_span(at, utc(to), UTC).short(2);
        assert_eq!(s("2022-04-27T15:00:00Z"), "3d 1h");
        assert_eq!(s("2022-04-24T15:02:00Z"), "1h 2m");
        assert_eq!(s("2022-04-24T14:00:09Z"), "9s");
        assert_eq!(s("2022-06-26T14:00:00Z"), "2mo 2d");
        assert_eq!(s("2022-04-24T14:00:00Z"), "0s");
    }

    #[test]
    fn leap_day_anniversary_falls_on_feb_28() {
        let at = utc("2024-02-29T12:00:00Z");
        assert_eq!(anniversary(at, UTC, 1), Some(utc("2025-02-28T12:00:00Z")));
        assert_eq!(anniversary(at, UTC, 4), Some(utc("2028-02-29T12:00:00Z")));
    }

    #[test]
    fn next_anniversary_keeps_local_time_across_dst() {
        // Released in New York winter time; the anniversary is the same wall-clock time.
        let at = utc("2022-03-01T15:00:00Z"); // 10:00 EST
        let (n, t) = next_anniversary(at, America::New_York, utc("2026-11-25T00:00:00Z")).unwrap();
        assert_eq!(n, 5);
        assert_eq!(t, utc("2027-03-01T15:00:00Z"));
        let (n, t) = next_anniversary(at, America::New_York, utc("2026-02-01T00:00:00Z")).unwrap();
        assert_eq!((n, t), (4, utc("2026-03-01T15:00:00Z")));
    }

    #[test]
    fn next_anniversary_of_with_you() {
        let at = utc("2022-04-24T14:00:00Z");
        let (n, t) = next_anniversary(at, Asia::Seoul, utc("2026-11-25T19:26:00Z")).unwrap();
        assert_eq!((n, t), (5, utc("2027-04-24T14:00:00Z")));
        // On the moment itself the next one is a year on.
        let (n, _) = next_anniversary(at, Asia::Seoul, utc("2023-04-24T14:00:00Z")).unwrap();
        assert_eq!(n, 2);
        // Before the release, the first anniversary.
        let (n, _) = next_anniversary(at, Asia::Seoul, utc("2020-01-01T00:00:00Z")).unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn no_anniversary_past_9999() {
        let at = utc("2022-04-24T14:00:00Z");
        assert_eq!(
            anniversary(at, Asia::Seoul, 7977),
            Some(utc("9999-04-24T14:00:00Z"))
        );
        assert_eq!(anniversary(at, Asia::Seoul, 7978), None);
        assert_eq!(
            next_anniversary(at, Asia::Seoul, utc("9999-12-31T23:59:59Z")),
            None
        );
        // 31 Dec 9999 in New York is already 10000 in UTC: past the end of 9999 too.
        let late = utc("2023-01-01T03:00:00Z");
        assert_eq!(anniversary(late, America::New_York, 7977), None);
        let now = utc("9999-06-01T00:00:00Z");
        assert_eq!(next_anniversary(late, America::New_York, now), None);
    }

    #[test]
    fn anniversary_in_a_dst_gap_moves_past_it() {
        // 02:30 EDT on 2020-03-14; a year on, 02:30 is inside New York's spring-forward gap.
        let at = utc("2020-03-14T06:30:00Z");
        let a = anniversary(at, America::New_York, 1).unwrap();
        assert_eq!(a, utc("2021-03-14T07:00:00Z")); // 03:00 EDT, just past the gap
    }

    #[test]
    fn half_and_three_quarter_hour_zones() {
        let at = utc("2022-04-24T14:00:00Z");
        let kolkata = at.with_timezone(&Asia::Kolkata).format("%H:%M").to_string();
        let kathmandu = at
            .with_timezone(&Asia::Kathmandu)
            .format("%H:%M")
            .to_string();
        assert_eq!(kolkata, "19:30");
        assert_eq!(kathmandu, "19:45");
        let (_, t) = next_anniversary(at, Australia::Eucla, at).unwrap();
        assert_eq!(t, utc("2023-04-24T14:00:00Z"));
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .map(ordinal)
            .into();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
    }
}
