//! A release time as a fan copies it from an announcement: "12.05 6PM KST", "Dec 5 18:00",
//! "6:30 pm", "2026-12-05", besides every form `--at` takes. A date without a time is a date
//! whose time is still to be announced; a month and day mean their next coming.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use crate::values::problem::Problem;
use crate::values::text::quote;
use crate::values::when::{parse_moment, parse_zone, resolve_local};

/// A moment as an announcement gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Announced {
    /// A form that names one instant: RFC 3339, relative (`+2h`), `now`.
    Instant(DateTime<Utc>),
    /// A local date, with its time if it is known, and the zone if the text named one.
    Local {
        /// The day.
        date: NaiveDate,
        /// The time of day; `None` while it is "TBA".
        time: Option<NaiveTime>,
        /// The zone the text named (`KST`, `Asia/Seoul`), if any.
        zone: Option<Tz>,
    },
}

/// The abbreviations an announcement may use: each means one offset all year, so one zone.
const ZONES: &[(&str, Tz)] = &[
    ("KST", chrono_tz::Asia::Seoul),
    ("JST", chrono_tz::Asia::Tokyo),
    ("UTC", chrono_tz::UTC),
    ("GMT", chrono_tz::UTC),
];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const USAGE: &str = "write it as an announcement does (\"12.05 6PM KST\", \"Dec 5 18:00\", \
                     \"2026-12-05 18:00\", \"6:30 pm\"), RFC 3339, or relative (\"+2h\")";

/// Reads `text` at `now`; `zone` is where a month and day without a year are reckoned.
pub(crate) fn parse_announced(
    text: &str,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Announced, Problem> {
    // Every `--at` text that the announcement reader refuses (a full date with "EST") still
    // reads as `--at` reads it.
    parse_local(text.trim(), now, zone).or_else(|problem| {
        parse_moment(text, now)
            .map(Announced::Instant)
            .map_err(|_| problem)
    })
}

fn parse_local(text: &str, now: DateTime<Utc>, zone: Tz) -> Result<Announced, Problem> {
    let not_a_time = || {
        let q = quote(text);
        Problem::said(
            "problems-when-not-a-time",
            &[("text", &q)],
            format!("{q} is not a time"),
            USAGE,
        )
    };
    if text.is_empty() || text.len() > 100 {
        return Err(not_a_time());
    }
    let first = text.chars().next().unwrap_or(' ');
    if text.eq_ignore_ascii_case("now")
        || first == '+'
        || first == '-'
        || DateTime::parse_from_rfc3339(text).is_ok()
    {
        return parse_moment(text, now).map(Announced::Instant);
    }
    let mut date = None;
    let mut time = None;
    let mut named = None;
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
        .filter(|w| !w.is_empty() && !is_filler(w))
        .map(str::to_string)
        .collect();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let next = words.get(i + 1).map(String::as_str);
        // "6 PM": a number and its half of the day are one word.
        if let Some(half) = next.filter(|n| is_half(n)) {
            set(&mut time, twelve_hour(&format!("{word}{half}"))?, text)?;
            i += 2;
            continue;
        }
        // "Dec 5" / "5 Dec": a month name and a day are one word.
        if let Some(month) = month_of(word)
            && let Some(day) = next.and_then(|n| n.parse::<u32>().ok())
        {
            set(&mut date, month_day(month, day, now, zone)?, text)?;
            i += 2;
            continue;
        }
        if let Some(day) = word.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
            && let Some(month) = next.and_then(month_of)
        {
            set(&mut date, month_day(month, day, now, zone)?, text)?;
            i += 2;
            continue;
        }
        match classify(word, now, zone)? {
            Word::Date(d) => set(&mut date, d, text)?,
            Word::Time(t) => set(&mut time, t, text)?,
            Word::Zone(z) => set(&mut named, z, text)?,
            Word::Other => return Err(not_a_time()),
        }
        i += 1;
    }
    let date = match (date, time) {
        (Some(d), _) => d,
        (None, Some(t)) => next_day_at(t, now, named.unwrap_or(zone)),
        (None, None) => return Err(not_a_time()),
    };
    Ok(Announced::Local {
        date,
        time,
        zone: named,
    })
}

impl Announced {
    /// The zone the text named, if it named one.
    pub(crate) fn zone(&self) -> Option<Tz> {
        match self {
            Announced::Instant(_) => None,
            Announced::Local { zone, .. } => *zone,
        }
    }

    /// The moment as a config's `at` writes it in `zone`: "2026-12-05 18:00" (seconds only
    /// when there are some), or "2026-12-05" while the time is to be announced. A time the text
    /// put in another zone is moved into `zone`; a local time a DST change skips or doubles is
    /// refused with what to write.
    pub(crate) fn config_text(&self, zone: Tz) -> Result<String, Problem> {
        let instant = match *self {
            Announced::Instant(t) => t,
            Announced::Local {
                date, time: None, ..
            } => return Ok(date.format("%Y-%m-%d").to_string()),
            Announced::Local {
                date,
                time: Some(time),
                zone: named,
            } => resolve_local(date.and_time(time), named.unwrap_or(zone))
                .map_err(|e| e.problem())?,
        };
        let local = instant.with_timezone(&zone).naive_local();
        let format = if local.second() == 0 {
            "%Y-%m-%d %H:%M"
        } else {
            "%Y-%m-%d %H:%M:%S"
        };
        Ok(local.format(format).to_string())
    }
}

/// What one word of an announcement is.
enum Word {
    Date(NaiveDate),
    Time(NaiveTime),
    Zone(Tz),
    Other,
}

/// Puts `value` in `slot`, refusing a second date, time or zone.
fn set<T>(slot: &mut Option<T>, value: T, text: &str) -> Result<(), Problem> {
    if slot.is_some() {
        let q = quote(text);
        return Err(Problem::said(
            "problems-when-twice",
            &[("text", &q)],
            format!("{q} gives the date, time or zone twice"),
            "write one of each, e.g. \"12.05 6PM KST\"",
        ));
    }
    *slot = Some(value);
    Ok(())
}

/// Words an announcement adds that say nothing of the moment: "at", a weekday.
fn is_filler(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    matches!(lower.as_str(), "at" | "@" | "on")
        || ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .any(|d| lower.starts_with(d) && lower.len() <= 9)
}

fn is_half(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a.m." | "p.m."
    )
}

/// The month (1-12) a word names: "Dec", "December", "dec.".
fn month_of(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 || !lower.is_ascii() {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (0..12)
        .find(|&m| lower == MONTHS[m] || (full[m].starts_with(&lower) && lower.len() >= 3))
        .map(|m| m as u32 + 1)
}

fn classify(word: &str, now: DateTime<Utc>, zone: Tz) -> Result<Word, Problem> {
    let upper = word.to_ascii_uppercase();
    if let Some((_, tz)) = ZONES.iter().find(|(a, _)| *a == upper) {
        return Ok(Word::Zone(*tz));
    }
    if word.contains('/') && word.chars().next().is_some_and(char::is_alphabetic) {
        return parse_zone(word).map(Word::Zone);
    }
    if word.len() >= 2 && word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase()) {
        if month_of(word).is_none() && !is_half(word) {
            let q = quote(word);
            return Err(Problem::said(
                "problems-when-zone-unclear",
                &[("text", &q)],
                format!("the zone {q} may mean more than one offset"),
                "write KST, JST, UTC or the IANA name (\"America/New_York\")",
            ));
        }
        return Ok(Word::Other);
    }
    let lower = word.to_ascii_lowercase();
    if lower.ends_with("am") || lower.ends_with("pm") || lower.ends_with("m.") {
        return twelve_hour(word).map(Word::Time);
    }
    if word.contains(':') {
        return NaiveTime::parse_from_str(word, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(word, "%H:%M:%S"))
            .map(Word::Time)
            .map_err(|_| {
                let q = quote(word);
                Problem::said(
                    "problems-when-not-a-time-of-day",
                    &[("text", &q)],
                    format!("{q} is not a time of day"),
                    "write 18:00, 6PM or 6:30 pm",
                )
            });
    }
    if let Ok(d) = NaiveDate::parse_from_str(word, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(word, "%Y.%m.%d"))
        .or_else(|_| NaiveDate::parse_from_str(word, "%Y/%m/%d"))
    {
        return Ok(Word::Date(d));
    }
    // "12.05" and "12/05": month then day, as Korean and Japanese announcements write them.
    let parts: Vec<&str> = word.split(['.', '/']).collect();
    if parts.len() == 2
        && let (Ok(m), Ok(d)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>())
    {
        return month_day(m, d, now, zone).map(Word::Date);
    }
    Ok(Word::Other)
}

/// "6PM", "6:30pm", "12 a.m.": a 12-hour time.
fn twelve_hour(word: &str) -> Result<NaiveTime, Problem> {
    let lower = word.to_ascii_lowercase().replace('.', "");
    let bad = || {
        let q = quote(word);
        Problem::said(
            "problems-when-not-12-hour",
            &[("text", &q)],
            format!("{q} is not a 12-hour time"),
            "write 6PM or 6:30 pm (hours 1 to 12), or 18:00",
        )
    };
    let (digits, pm) = if let Some(d) = lower.strip_suffix("pm") {
        (d, true)
    } else if let Some(d) = lower.strip_suffix("am") {
        (d, false)
    } else {
        return Err(bad());
    };
    let (h, m) = match digits.trim().split_once(':') {
        Some((h, m)) => (h, m),
        None => (digits.trim(), "0"),
    };
    let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>()) else {
        return Err(bad());
    };
    if !(1..=12).contains(&h) || m > 59 {
        return Err(bad());
    }
    let h = h % 12 + if pm { 12 } else { 0 };
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(bad)
}

/// Month `m`, day `d`, in the coming year: today or the next time that day comes, in `zone`.
fn month_day(m: u32, d: u32, now: DateTime<Utc>, zone: Tz) -> Result<NaiveDate, Problem> {
    let today = now.with_timezone(&zone).date_naive();
    let bad = || {
        Problem::said(
            "problems-when-not-a-date",
            &[("month", &m.to_string()), ("day", &d.to_string())],
            format!("month {m}, day {d} is not a date"),
            "write the month first, as announcements do: 12.05 is 5 December",
        )
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    // 29 February waits for the next leap year (at most eight years on, 2096→2104).
    (today.year()..=today.year() + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|date| *date >= today)
        .ok_or_else(bad)
}

/// The next day on which `time` in `zone` is still to come: today, or tomorrow.
fn next_day_at(time: NaiveTime, now: DateTime<Utc>, zone: Tz) -> NaiveDate {
    let local = now.with_timezone(&zone);
    let today = local.date_naive();
    if time > local.time() {
        today
    } else {
        today.succ_opt().unwrap_or(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::utc;
    use chrono_tz::Asia::Seoul;

    fn local(text: &str, now: &str) -> (NaiveDate, Option<NaiveTime>, Option<Tz>) {
        match parse_announced(text, utc(now), Seoul).unwrap() {
            Announced::Local { date, time, zone } => (date, time, zone),
            other => panic!("{other:?}"),
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn hm(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn announcement_forms() {
        let now = "2026-12-01T00:00:00Z";
        assert_eq!(
            local("12.05 6PM KST", now),
            (ymd(2026, 12, 5), hm(18, 0), Some(Seoul))
        );
        assert_eq!(
            local("Dec 5 18:00", now),
            (ymd(2026, 12, 5), hm(18, 0), None)
        );
        assert_eq!(local("5 December, 6 pm", now).1, hm(18, 0));
        assert_eq!(local("2026-12-05", now), (ymd(2026, 12, 5), None, None));
        assert_eq!(
            local("2026-12-05 18:00 Asia/Tokyo", now).2,
            Some(chrono_tz::Asia::Tokyo)
        );
        assert_eq!(local("12 AM 12.05", now).1, hm(0, 0));
        assert_eq!(local("12.05 12pm", now).1, hm(12, 0));
    }

    #[test]
    fn a_month_and_day_mean_the_coming_one() {
        // 1 Dec 2026 09:00 in Seoul: 30 Nov is eleven months away, 1 Dec is today.
        let now = "2026-12-01T00:00:00Z";
        assert_eq!(local("11.30", now).0, ymd(2027, 11, 30));
        assert_eq!(local("12.01", now).0, ymd(2026, 12, 1));
        assert_eq!(local("Feb 29", now).0, ymd(2028, 2, 29));
    }

    #[test]
    fn a_time_alone_is_its_next_coming() {
        // 09:00 in Seoul: 6:30 pm is still today, 8 am is tomorrow.
        let now = "2026-12-01T00:00:00Z";
        assert_eq!(local("6:30 pm", now), (ymd(2026, 12, 1), hm(18, 30), None));
        assert_eq!(local("8am", now).0, ymd(2026, 12, 2));
    }

    #[test]
    fn refusals_say_why() {
        let now = utc("2026-12-01T00:00:00Z");
        let err = |t: &str| parse_announced(t, now, Seoul).unwrap_err().to_string();
        assert!(err("12.05 6PM EST").contains("more than one offset"));
        assert_eq!(
            parse_announced("2022-04-24 17:00 EDT", now, Seoul).unwrap(),
            Announced::Instant(utc("2022-04-24T21:00:00Z"))
        );
        assert!(err("13PM").contains("hours 1 to 12"));
        assert!(err("13.05").contains("month first"));
        assert!(err("soon").contains("not a time"));
        assert!(err("12.05 6PM 7PM").contains("twice"));
        assert!(err("25:00").contains("not a time of day"));
    }

    #[test]
    fn every_older_form_still_reads() {
        let now = utc("2026-12-01T00:00:00Z");
        assert_eq!(
            parse_announced("+1d", now, Seoul).unwrap(),
            Announced::Instant(utc("2026-12-02T00:00:00Z"))
        );
        assert_eq!(
            parse_announced("2022-04-24T08:00:00Z", now, Seoul).unwrap(),
            Announced::Instant(utc("2022-04-24T08:00:00Z"))
        );
        assert_eq!(
            local("2022-04-24 17:00:30 KST", "2026-12-01T00:00:00Z"),
            (
                ymd(2022, 4, 24),
                NaiveTime::from_hms_opt(17, 0, 30),
                Some(Seoul)
            )
        );
    }

    #[test]
    fn config_text_moves_a_named_zone_into_the_events() {
        let now = utc("2026-12-01T00:00:00Z");
        let text = |t: &str, zone: Tz| {
            parse_announced(t, now, zone)
                .and_then(|a| a.config_text(zone))
                .map_err(|e| e.to_string())
        };
        assert_eq!(text("12.05 6PM KST", Seoul).unwrap(), "2026-12-05 18:00");
        // 18:00 in Seoul (UTC+9) is 09:00 in London (UTC+0 in December).
        assert_eq!(
            text("12.05 6PM KST", chrono_tz::Europe::London).unwrap(),
            "2026-12-05 09:00"
        );
        assert_eq!(text("Dec 5", Seoul).unwrap(), "2026-12-05");
        assert_eq!(text("+90s", chrono_tz::UTC).unwrap(), "2026-12-01 00:01:30");
        let gap = text("2027-03-14 02:30", chrono_tz::America::New_York).unwrap_err();
        assert!(gap.contains("does not exist"), "{gap}");
    }

    proptest::proptest! {
        /// Any month-day is read as a date in the year ahead of now, never in the past.
        #[test]
        fn month_days_land_in_the_coming_year(
            secs in 0i64..4_000_000_000, m in 1u32..=12, d in 1u32..=28
        ) {
            let now = DateTime::from_timestamp(secs, 0).unwrap();
            let today = now.with_timezone(&Seoul).date_naive();
            let got = month_day(m, d, now, Seoul).unwrap();
            proptest::prop_assert!(got >= today);
            proptest::prop_assert!(got < today + chrono::Days::new(366));
            proptest::prop_assert_eq!((got.month(), got.day()), (m, d));
        }

        /// Every 12-hour time reads as the 24-hour time it names.
        #[test]
        fn twelve_hour_times(h in 1u32..=12, m in 0u32..60, pm: bool) {
            let text = format!("{h}:{m:02} {}", if pm { "PM" } else { "am" });
            let got = twelve_hour(&text.replace(' ', "")).unwrap();
            let want = h % 12 + if pm { 12 } else { 0 };
            proptest::prop_assert_eq!(got, NaiveTime::from_hms_opt(want, m, 0).unwrap());
        }

        /// No text makes the reader panic.
        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = parse_announced(&text, utc("2026-12-01T00:00:00Z"), Seoul);
        }
    }
}
