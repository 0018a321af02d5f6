//! iCalendar in and out: the VEVENTs of a comeback calendar as events (`import`), and the
//! config's events as a calendar a phone imports (`export --ics`). Pure: text in, text out, the
//! time passed in.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use icalendar::{
    Alarm, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike, Trigger,
};

use super::types::Config;
use crate::values::when::{parse_zone, resolve_local_lenient, shown_in};

/// One VEVENT as an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Imported {
    /// UID; a VEVENT without one gets its summary and start as one, so that importing the
    /// same file again still finds it.
    pub uid: String,
    /// SUMMARY.
    pub name: String,
    /// DTSTART as an instant (a date alone: the start of that day in `zone`).
    pub at: DateTime<Utc>,
    /// The zone: DTSTART's TZID, UTC for a `Z` time, else the floating zone given.
    pub zone: Tz,
    /// DTSTART was a date alone: the time is to be announced.
    pub tba: bool,
    /// The day as the calendar wrote it (for a date alone, the date itself).
    pub day: NaiveDate,
}

impl Imported {
    /// `at` as a config writes it in `zone`.
    pub(crate) fn at_text(&self, zone: Tz) -> String {
        let local = shown_in(self.at, zone);
        if self.tba {
            self.day.format("%Y-%m-%d").to_string()
        } else {
            local.format("%Y-%m-%d %H:%M").to_string()
        }
    }
}

/// What a calendar held: its events, and a note for each VEVENT passed over.
#[derive(Debug, Default)]
pub(crate) struct Read {
    /// The events, in the calendar's order.
    pub events: Vec<Imported>,
    /// Why each skipped VEVENT was skipped.
    pub skipped: Vec<String>,
}

/// The most VEVENTs one import takes: a calendar of every group's comebacks for years is a few
/// thousand; more is not a calendar a fan follows.
pub(crate) const MAX_EVENTS: usize = 2000;

/// The most characters of a SUMMARY or a UID kept.
const MAX_TEXT: usize = 200;

/// Reads the VEVENTs of `text` whose SUMMARY contains `matching` (case-insensitive); a
/// floating time is read in `floating`.
pub(crate) fn read(text: &str, floating: Tz, matching: Option<&str>) -> Result<Read, String> {
    if !text.trim_start().starts_with("BEGIN:VCALENDAR") {
        return Err(
            "this is not an iCalendar file (it does not start with BEGIN:VCALENDAR)".into(),
        );
    }
    // Counted before parsing: a hundred thousand events are refused in a blink, not parsed.
    let count = text.matches("BEGIN:VEVENT").count();
    if count > MAX_EVENTS * 10 {
        return Err(format!(
            "the calendar has {count} events; dropwatch reads at most {}",
            MAX_EVENTS * 10
        ));
    }
    let calendar: icalendar::Calendar = text.parse().map_err(|e: String| {
        let first = e.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        format!(
            "the calendar does not parse: {}",
            crate::values::text::clip(first.trim())
        )
    })?;
    let needle = matching.map(str::to_lowercase);
    let mut out = Read::default();
    for component in &calendar.components {
        let CalendarComponent::Event(event) = component else {
            continue;
        };
        let Some(name) = event.get_summary().map(str::trim).filter(|s| !s.is_empty()) else {
            out.skipped.push("a VEVENT without a SUMMARY".into());
            continue;
        };
        if let Some(n) = &needle
            && !name.to_lowercase().contains(n.as_str())
        {
            continue;
        }
        if out.events.len() == MAX_EVENTS {
            return Err(format!(
                "the calendar has over {MAX_EVENTS} events{}; take fewer with --match",
                if needle.is_some() { " that match" } else { "" }
            ));
        }
        // Our own export says each event's zone: a round trip keeps it.
        let own = event
            .property_value("X-DROPWATCH-ZONE")
            .and_then(|z| z.parse::<Tz>().ok());
        match start(event.get_start(), floating, own) {
            Ok((at, zone, tba)) => out.events.push(Imported {
                day: shown_in(at, zone).date_naive(),
                // Both go into the config: a line of a megabyte is cut to what a person writes.
                uid: event
                    .get_uid()
                    .map(|u| u.chars().take(MAX_TEXT).collect())
                    .unwrap_or_else(|| format!("{name} {}", at.to_rfc3339())),
                name: name
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(MAX_TEXT)
                    .collect(),
                at,
                zone,
                tba,
            }),
            Err(why) => out
                .skipped
                .push(format!("{}: {why}", crate::values::text::quote(name))),
        }
    }
    Ok(out)
}

/// DTSTART as (instant, zone, date alone); `own` is the zone our export wrote beside it.
fn start(
    start: Option<DatePerhapsTime>,
    floating: Tz,
    own: Option<Tz>,
) -> Result<(DateTime<Utc>, Tz, bool), String> {
    let floating = own.unwrap_or(floating);
    let in_range = |t: DateTime<Utc>| {
        use chrono::Datelike;
        if crate::values::when::YEARS.contains(&t.year()) {
            Ok(t)
        } else {
            Err("its start is out of range".to_string())
        }
    };
    match start.ok_or("it has no DTSTART")? {
        DatePerhapsTime::Date(d) => {
            let t = resolve_local_lenient(d.and_hms_opt(0, 0, 0).ok_or("bad date")?, floating);
            Ok((in_range(t)?, floating, true))
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(t)) => {
            Ok((in_range(t)?, own.unwrap_or(chrono_tz::UTC), false))
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(local)) => Ok((
            in_range(resolve_local_lenient(local, floating))?,
            floating,
            false,
        )),
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            // Outlook writes Windows names; an IANA name is what fan calendars use.
            let zone = parse_zone(tzid.trim_matches('"')).map_err(|e| e.to_string())?;
            Ok((
                in_range(resolve_local_lenient(date_time, zone))?,
                zone,
                false,
            ))
        }
    }
}

/// The UID an event is exported with: its own, or one made of its id.
pub(crate) fn uid_of(event: &super::Event) -> String {
    if event.uid.is_empty() {
        format!("{}@dropwatch", event.id)
    } else {
        event.uid.clone()
    }
}

/// The id an exported UID names, when it was made by [`uid_of`].
pub(crate) fn id_of_uid(uid: &str) -> Option<&str> {
    uid.strip_suffix("@dropwatch")
}

/// The config's events as an iCalendar text: a timed event in UTC, a date alone as an all-day
/// event; each with a reminder an hour before (for a date alone, at 9:00 the day before is
/// less useful than the hour before midnight: the same rule for both). `now` is the stamp.
pub(crate) fn write(config: &Config, now: DateTime<Utc>) -> String {
    let mut calendar = icalendar::Calendar::new();
    calendar.name(&config.title);
    for e in &config.events {
        let mut event = icalendar::Event::new();
        event.uid(&uid_of(e)).summary(&e.name).timestamp(now);
        if e.time_tba {
            let day: NaiveDate = shown_in(e.at, e.zone).date_naive();
            // DTEND of a date is exclusive: the day after.
            event.all_day(day).ends(day.succ_opt().unwrap_or(day));
        } else {
            event.starts(CalendarDateTime::Utc(e.at));
            event.ends(CalendarDateTime::Utc(
                e.at + e.live_for.max(TimeDelta::minutes(1)),
            ));
        }
        if !e.by.is_empty() {
            event.description(&e.by);
        }
        event.add_property("X-DROPWATCH-ZONE", e.zone.name());
        // The alarm's stamp and UID are ours too, so an export of the same config is the same
        // text (the crate would take the system clock and a random UID).
        let mut alarm = Alarm::display(
            &format!("{} in an hour", e.name),
            Trigger::before_start(TimeDelta::hours(1)),
        );
        alarm.timestamp(now).uid(&format!("{}-alarm", uid_of(e)));
        event.alarm(alarm.done());
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Source, parse};
    use crate::testing::utc;

    const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fans//comebacks//EN\r\n\
BEGIN:VEVENT\r\nUID:drama-1@fans\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:aespa - Drama\r\n\
DTSTART;TZID=Asia/Seoul:20261205T180000\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:tba-2@fans\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:aespa - Whiplash\r\n\
DTSTART;VALUE=DATE:20261220\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:utc-3@fans\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:IVE - Rebel\r\n\
DTSTART:20261210T090000Z\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:float-4@fans\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:IVE - Accendio\r\n\
DTSTART:20261211T180000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn each_kind_of_start() {
        let seoul = chrono_tz::Asia::Seoul;
        let r = read(ICS, seoul, None).unwrap();
        let got: Vec<(&str, String, &str, bool)> = r
            .events
            .iter()
            .map(|e| (e.uid.as_str(), e.at.to_rfc3339(), e.zone.name(), e.tba))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "drama-1@fans",
                    "2026-12-05T09:00:00+00:00".into(),
                    "Asia/Seoul",
                    false
                ),
                (
                    "tba-2@fans",
                    "2026-12-19T15:00:00+00:00".into(),
                    "Asia/Seoul",
                    true
                ),
                (
                    "utc-3@fans",
                    "2026-12-10T09:00:00+00:00".into(),
                    "UTC",
                    false
                ),
                (
                    "float-4@fans",
                    "2026-12-11T09:00:00+00:00".into(),
                    "Asia/Seoul",
                    false
                ),
            ]
        );
        assert_eq!(r.events[1].at_text(seoul), "2026-12-20");
        let ive = read(ICS, seoul, Some("ive")).unwrap();
        assert_eq!(ive.events.len(), 2);
    }

    #[test]
    fn what_is_not_a_calendar_is_refused() {
        assert!(
            read("hello", chrono_tz::UTC, None)
                .unwrap_err()
                .contains("not an iCalendar")
        );
        let broken = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n";
        assert!(read(broken, chrono_tz::UTC, None).is_err());
    }

    #[test]
    fn an_export_reads_back_as_the_same_events() {
        let text = "[[event]]\nid = \"drama\"\nname = \"Drama\"\nat = \"2026-12-05 18:00\"\nzone = \"Asia/Seoul\"\n\
                    [[event]]\nname = \"Whiplash\"\nat = \"2026-12-20\"\nzone = \"Asia/Seoul\"\nuid = \"tba-2@fans\"\n";
        let c = parse(text, Source::Embedded).unwrap();
        let ics = write(&c, utc("2026-12-01T00:00:00Z"));
        assert!(
            ics.contains("BEGIN:VALARM") && ics.contains("START:-PT3600S"),
            "{ics}"
        );
        assert!(
            !ics.contains("20261207"),
            "only the given now is stamped: {ics}"
        );
        assert!(ics.contains("DTSTART:20261205T090000Z"), "{ics}");
        let back = read(&ics, chrono_tz::UTC, None).unwrap();
        let ats: Vec<_> = back
            .events
            .iter()
            .map(|e| (e.uid.as_str(), e.tba))
            .collect();
        assert_eq!(ats, [("drama@dropwatch", false), ("tba-2@fans", true)]);
        assert_eq!(back.events[0].at, c.events[0].at);
        assert_eq!(back.events[1].at_text(chrono_tz::Asia::Seoul), "2026-12-20");
        assert_eq!(back.events[0].zone, chrono_tz::Asia::Seoul);
    }
}
