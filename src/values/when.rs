//! Turning what a user writes for a moment into an instant: config `at` values, `--at TIME`,
//! durations like `1d 12h`, and the DST rules that make some local times absent or doubled.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};

use crate::values::problem::Problem;
use crate::values::text::{clip_quoted, quote};

/// Why a zone's clocks jumped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// Daylight saving time began or ended.
    DaylightSaving,
    /// The zone changed its standard offset (Pacific/Apia skipped 2011-12-30 so).
    OffsetChange {
        /// The offset before the change.
        from: FixedOffset,
        /// The offset after it.
        to: FixedOffset,
    },
}

impl Cause {
    /// Compares the zone's offsets on either side of a jump.
    fn of(before: <Tz as TimeZone>::Offset, after: <Tz as TimeZone>::Offset) -> Cause {
        if before.base_utc_offset() == after.base_utc_offset() {
            Cause::DaylightSaving
        } else {
            Cause::OffsetChange {
                from: before.fix(),
                to: after.fix(),
            }
        }
    }
}

/// Why a local wall-clock time could not become one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalTimeError {
    /// The time falls in a DST gap: the clocks skipped over it.
    Gap {
        /// The local time as written.
        local: NaiveDateTime,
        /// The zone it was written in.
        zone: Tz,
        /// The first valid local time after the gap, to suggest instead.
        after: NaiveDateTime,
        /// Why the clocks skipped.
        cause: Cause,
    },
    /// The time happens twice, at a DST fall-back.
    Ambiguous {
        /// The earlier of the two instants, in the zone's offset then.
        first: DateTime<FixedOffset>,
        /// The later of the two instants.
        second: DateTime<FixedOffset>,
        /// The zone it was written in.
        zone: Tz,
        /// Why the clocks went back.
        cause: Cause,
    },
}

impl LocalTimeError {
    /// What is wrong and what to write instead; the times in ISO form, as the fan types them.
    pub(crate) fn problem(&self) -> Problem {
        let minute = "%Y-%m-%d %H:%M";
        match self {
            LocalTimeError::Gap {
                local,
                zone,
                after,
                cause,
            } => {
                let (local, zone) = (local.format(minute).to_string(), zone.name());
                let after = after.format(minute).to_string();
                let hint = format!("write {after} or give an explicit offset (RFC 3339)");
                let args = [("local", local.as_str()), ("zone", zone), ("after", &after)];
                match cause {
                    Cause::DaylightSaving => Problem::said(
                        "problems-time-skipped",
                        &args,
                        format!(
                            "{local} does not exist in {zone}: the clocks skip it for daylight \
                             saving time"
                        ),
                        hint,
                    ),
                    Cause::OffsetChange { from, to } => {
                        let (from, to) = (from.to_string(), to.to_string());
                        Problem::said(
                            "problems-time-skipped-offset",
                            &[args[0], args[1], args[2], ("from", &from), ("to", &to)],
                            format!(
                                "{local} does not exist in {zone}: the clocks skip it as the \
                                 zone moved from UTC{from} to UTC{to}"
                            ),
                            hint,
                        )
                    }
                }
            }
            LocalTimeError::Ambiguous {
                first,
                second,
                zone,
                cause,
            } => twice(first, second, *zone, *cause),
        }
    }
}

/// A local time that happens twice: which two instants it may be.
fn twice(
    first: &DateTime<FixedOffset>,
    second: &DateTime<FixedOffset>,
    zone: Tz,
    cause: Cause,
) -> Problem {
    let local = first.naive_local().format("%Y-%m-%d %H:%M").to_string();
    let (zone, first, second) = (zone.name(), first.to_rfc3339(), second.to_rfc3339());
    let hint = "write the one you mean with its offset";
    let args = [
        ("local", local.as_str()),
        ("zone", zone),
        ("first", &first),
        ("second", &second),
    ];
    match cause {
        Cause::DaylightSaving => Problem::said(
            "problems-time-twice",
            &args,
            format!(
                "{local} happens twice in {zone} (the clocks fall back): it is either {first} \
                 or {second}"
            ),
            hint,
        ),
        Cause::OffsetChange { from, to } => {
            let (from, to) = (from.to_string(), to.to_string());
            Problem::said(
                "problems-time-twice-offset",
                &[
                    args[0],
                    args[1],
                    args[2],
                    args[3],
                    ("from", &from),
                    ("to", &to),
                ],
                format!(
                    "{local} happens twice in {zone} (the clocks go back as the zone moved from \
                     UTC{from} to UTC{to}): it is either {first} or {second}"
                ),
                hint,
            )
        }
    }
}

impl std::fmt::Display for LocalTimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.problem().fmt(f)
    }
}

/// `t` as shown in `zone`: there, unless its local year is past 9999 (late on 31 Dec 9999
/// UTC east of Greenwich), which no text writes: then in UTC.
pub(crate) fn shown_in(t: DateTime<Utc>, zone: Tz) -> DateTime<Tz> {
    let local = t.with_timezone(&zone);
    if chrono::Datelike::year(&local) > 9999 {
        t.with_timezone(&chrono_tz::UTC)
    } else {
        local
    }
}

/// Resolves a local wall-clock time in `zone` to one instant, refusing gaps and overlaps.
pub fn resolve_local(local: NaiveDateTime, zone: Tz) -> Result<DateTime<Utc>, LocalTimeError> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            Err(LocalTimeError::Ambiguous {
                cause: Cause::of(*first.offset(), *second.offset()),
                first: first.fixed_offset(),
                second: second.fixed_offset(),
                zone,
            })
        }
        LocalResult::None => {
            // Walk forward minute by minute to the end of the gap (gaps are at most a few hours).
            let mut after = local;
            for _ in 0..(24 * 60) {
                let Some(next) = after.checked_add_signed(TimeDelta::minutes(1)) else {
                    break;
                };
                after = next;
                if !matches!(zone.from_local_datetime(&after), LocalResult::None) {
                    break;
                }
            }
            // The offsets a second before and at the end of the gap tell why it is there.
            let cause =
                zone.from_local_datetime(&after)
                    .earliest()
                    .map_or(Cause::DaylightSaving, |end| {
                        let before = end - TimeDelta::seconds(1);
                        Cause::of(*before.offset(), *end.offset())
                    });
            Err(LocalTimeError::Gap {
                local,
                zone,
                after,
                cause,
            })
        }
    }
}

/// Like [`resolve_local`], but never fails: a gap time moves forward past the gap, an ambiguous
/// time takes the earlier instant. Used for anniversaries, where the user wrote no such time.
pub fn resolve_local_lenient(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match resolve_local(local, zone) {
        Ok(t) => t,
        Err(LocalTimeError::Ambiguous { first, .. }) => first.with_timezone(&Utc),
        Err(LocalTimeError::Gap { after, .. }) => zone
            .from_local_datetime(&after)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            // Unreachable for real zones; fall back to reading the time as UTC.
            .unwrap_or_else(|| Utc.from_utc_datetime(&local)),
    }
}

/// Parses an IANA zone name (`Asia/Seoul`), with a hint naming the closest known zones.
pub(crate) fn parse_zone(name: &str) -> Result<Tz, Problem> {
    if let Ok(tz) = name.parse::<Tz>() {
        return Ok(tz);
    }
    // Case-insensitive exact match first: `asia/seoul` is clearly meant.
    if let Some(tz) = chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(name))
    {
        return Ok(*tz);
    }
    let needle = name.to_ascii_lowercase().replace(' ', "_");
    let suggestions: Vec<&str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|n| {
            let lower = n.to_ascii_lowercase();
            // Zone names are short; searching a huge value for each city would take seconds.
            !needle.is_empty()
                && needle.len() <= 64
                && (lower.contains(&needle)
                    || lower
                        .rsplit('/')
                        .next()
                        .is_some_and(|city| needle.contains(city)))
        })
        .take(3)
        .collect();
    let hint = if suggestions.is_empty() {
        "an IANA zone name such as \"Asia/Seoul\", \"America/New_York\" or \"UTC\"".to_string()
    } else {
        suggestions
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    let q = quote(name);
    // One key per number of suggestions: each language joins them with its own "or".
    let key = match suggestions.len() {
        0 => "problems-zone-unknown",
        1 => "problems-zone-unknown-1",
        2 => "problems-zone-unknown-2",
        _ => "problems-zone-unknown-3",
    };
    let mut args = vec![("text", q.as_str())];
    args.extend(["zone1", "zone2", "zone3"].into_iter().zip(suggestions));
    Err(Problem::said(
        key,
        &args,
        format!("unknown time zone {q}"),
        format!("write {hint}"),
    ))
}

/// Parses a local date and time: `2022-04-24 23:00`, `2022-04-24 23:00:05` or with a `T`.
pub(crate) fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    for fmt in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, fmt) {
            return Some(t);
        }
    }
    None
}

/// A config time: RFC 3339 with an offset, or a local time in `zone`.
pub(crate) fn parse_config_time(text: &str, zone: Tz) -> Result<DateTime<Utc>, Problem> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return in_range(t.with_timezone(&Utc), text);
    }
    match parse_naive(text) {
        Some(local) => in_range(resolve_local(local, zone).map_err(|e| e.problem())?, text),
        None => {
            let q = quote(text);
            Err(Problem::said(
                "problems-config-time-not-a-time",
                &[("text", &q), ("zone", zone.name())],
                format!("{q} is not a time"),
                format!(
                    "write \"YYYY-MM-DD HH:MM\" (local time in {zone}) \
                     or RFC 3339 like \"2022-04-24T23:00:00+09:00\""
                ),
            ))
        }
    }
}

/// Parses a duration: `90m`, `24h`, `1d 12h`, `2w` (humantime's grammar).
pub(crate) fn parse_duration(text: &str) -> Result<TimeDelta, Problem> {
    let d = humantime::parse_duration(text.trim()).map_err(|e| {
        // humantime's reason stays in its own (English) words, inside the translated frame.
        let (q, why) = (quote(text), clip_quoted(&e.to_string()));
        Problem::said(
            "problems-duration-not-a-duration",
            &[("text", &q), ("why", &why)],
            format!("{q} is not a duration ({why})"),
            "write something like \"90m\", \"24h\" or \"1d 12h\"",
        )
    })?;
    TimeDelta::from_std(d)
        .ok()
        .filter(|d| *d <= MAX_DURATION)
        .ok_or_else(|| {
            let q = quote(text);
            Problem::said(
                "problems-duration-too-long",
                &[("text", &q)],
                format!("{q} is too long"),
                "write at most 100 years",
            )
        })
}

/// The longest duration accepted anywhere: keeps every `at + duration` far from overflow.
pub(crate) const MAX_DURATION: TimeDelta = TimeDelta::days(36_525);

/// Instants outside these years are refused: nothing is released then, and the bound keeps
/// all the time math far from chrono's limits.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// Refuses an instant outside [`YEARS`].
fn in_range(t: DateTime<Utc>, text: &str) -> Result<DateTime<Utc>, Problem> {
    use chrono::Datelike;
    if YEARS.contains(&t.year()) {
        Ok(t)
    } else {
        Err(out_of_range(text))
    }
}

/// `text` is outside [`YEARS`].
fn out_of_range(text: &str) -> Problem {
    let q = quote(text);
    let (from, to) = (YEARS.start().to_string(), YEARS.end().to_string());
    Problem::said(
        "problems-time-out-of-range",
        &[("text", &q), ("from", &from), ("to", &to)],
        format!("{q} is out of range"),
        format!("write a time between the years {from} and {to}"),
    )
}

/// Time-zone abbreviations accepted in `--at`, only those that mean one offset worldwide.
const ABBREVIATIONS: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("KST", 9 * 3600),
    ("JST", 9 * 3600),
    ("HKT", 8 * 3600),
    ("SGT", 8 * 3600),
    ("PHT", 8 * 3600),
    ("AEST", 10 * 3600),
    ("AEDT", 11 * 3600),
    ("CET", 3600),
    ("CEST", 2 * 3600),
    ("EET", 2 * 3600),
    ("EEST", 3 * 3600),
    ("EST", -5 * 3600),
    ("EDT", -4 * 3600),
    ("CDT", -5 * 3600),
    ("MST", -7 * 3600),
    ("MDT", -6 * 3600),
    ("PST", -8 * 3600),
    ("PDT", -7 * 3600),
    ("NZST", 12 * 3600),
    ("NZDT", 13 * 3600),
];

/// Abbreviations that name more than one offset, with what they might mean.
const AMBIGUOUS: &[(&str, &[&str])] = &[
    ("IST", &["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]),
    ("CST", &["America/Chicago", "Asia/Shanghai"]),
    ("BST", &["Europe/London", "Asia/Dhaka"]),
    ("AST", &["America/Halifax", "Asia/Riyadh"]),
];

/// Parses a `--at`/`--at`-style TIME: RFC 3339, `YYYY-MM-DD HH:MM[:SS] ZONE`, or `-2h`/`+1d`.
pub(crate) fn parse_moment(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, Problem> {
    in_range(parse_moment_unchecked(text.trim(), now)?, text)
}

fn parse_moment_unchecked(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, Problem> {
    if text.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Some(rest) = text.strip_prefix('+') {
        return Ok(now + parse_duration(rest)?);
    }
    if let Some(rest) = text.strip_prefix('-') {
        return Ok(now - parse_duration(rest)?);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let usage = "write RFC 3339 (\"2022-04-24T08:00:00Z\"), \"YYYY-MM-DD HH:MM[:SS] ZONE\" \
                 (\"2022-04-24 17:00 Asia/Seoul\") or a relative time (\"-2h\", \"+1d\")";
    let not_a_time = || {
        let q = quote(text);
        Problem::said(
            "problems-moment-not-a-time",
            &[("text", &q)],
            format!("{q} is not a time"),
            usage,
        )
    };
    let Some((local_text, zone_text)) = text.rsplit_once(' ') else {
        return Err(not_a_time());
    };
    let Some(local) = parse_naive(local_text) else {
        return Err(not_a_time());
    };
    let upper = zone_text.to_ascii_uppercase();
    if let Some((_, secs)) = ABBREVIATIONS.iter().find(|(a, _)| *a == upper) {
        let offset = FixedOffset::east_opt(*secs).unwrap_or(Utc.fix());
        return offset
            .from_local_datetime(&local)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| out_of_range(text));
    }
    if let Some((abbr, zones)) = AMBIGUOUS.iter().find(|(a, _)| *a == upper) {
        let q = quote(abbr);
        let english = match zones {
            [one, two] => format!("{one} or {two}"),
            _ => format!("{}, {} or {}", zones[0], zones[1], zones[2]),
        };
        // One key per number of zones: each language joins them with its own "or".
        let key = match zones.len() {
            2 => "problems-moment-abbreviation-2",
            _ => "problems-moment-abbreviation-3",
        };
        let mut args = vec![("text", q.as_str())];
        args.extend(
            ["zone1", "zone2", "zone3"]
                .into_iter()
                .zip(zones.iter().copied()),
        );
        return Err(Problem::said(
            key,
            &args,
            format!("{q} could mean {english}"),
            "write the IANA name instead",
        ));
    }
    let zone = parse_zone(zone_text)?;
    resolve_local(local, zone).map_err(|e| e.problem())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::utc;

    #[test]
    fn seoul_local_time_is_nine_hours_ahead() {
        let t = parse_config_time("2022-04-24 23:00", chrono_tz::Asia::Seoul).unwrap();
        assert_eq!(t, utc("2022-04-24T14:00:00Z"));
    }

    #[test]
    fn rfc3339_ignores_the_zone() {
        let t = parse_config_time("2022-04-24T23:00:00+09:00", chrono_tz::UTC).unwrap();
        assert_eq!(t, utc("2022-04-24T14:00:00Z"));
    }

    #[test]
    fn gap_names_the_time_after_it() {
        let local = parse_naive("2022-03-13 02:30").unwrap();
        let err = resolve_local(local, chrono_tz::America::New_York).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("does not exist"), "{text}");
        assert!(text.contains("2022-03-13 03:00"), "{text}");
    }

    #[test]
    fn overlap_names_both_instants() {
        let local = parse_naive("2022-11-06 01:30").unwrap();
        let err = resolve_local(local, chrono_tz::America::New_York).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("2022-11-06T01:30:00-04:00"), "{text}");
        assert!(text.contains("2022-11-06T01:30:00-05:00"), "{text}");
    }

    #[test]
    fn lenient_resolution_never_fails() {
        let gap = parse_naive("2022-03-13 02:30").unwrap();
        let t = resolve_local_lenient(gap, chrono_tz::America::New_York);
        assert_eq!(t, utc("2022-03-13T07:00:00Z"));
        let overlap = parse_naive("2022-11-06 01:30").unwrap();
        let t = resolve_local_lenient(overlap, chrono_tz::America::New_York);
        assert_eq!(t, utc("2022-11-06T05:30:00Z"));
    }

    #[test]
    fn moments_in_all_three_forms() {
        let now = utc("2026-01-01T00:00:00Z");
        assert_eq!(
            parse_moment("2022-04-24T08:00:00Z", now).unwrap(),
            utc("2022-04-24T08:00:00Z")
        );
        assert_eq!(
            parse_moment("2022-04-24 17:00 Asia/Seoul", now).unwrap(),
            utc("2022-04-24T08:00:00Z")
        );
        assert_eq!(
            parse_moment("2022-04-24 17:00:30 KST", now).unwrap(),
            utc("2022-04-24T08:00:30Z")
        );
        assert_eq!(
            parse_moment("-2h", now).unwrap(),
            utc("2025-12-31T22:00:00Z")
        );
        assert_eq!(
            parse_moment("+1d", now).unwrap(),
            utc("2026-01-02T00:00:00Z")
        );
    }

    #[test]
    fn ambiguous_abbreviation_is_refused_with_choices() {
        let now = utc("2026-01-01T00:00:00Z");
        let err = parse_moment("2022-04-24 17:00 IST", now).unwrap_err();
        assert!(err.to_string().contains("Asia/Kolkata"), "{err}");
    }

    #[test]
    fn unknown_zone_suggests_a_real_one() {
        let err = parse_zone("Seoul").unwrap_err();
        assert!(err.to_string().contains("Asia/Seoul"), "{err}");
        assert_eq!(parse_zone("asia/seoul").unwrap(), chrono_tz::Asia::Seoul);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90m").unwrap(), TimeDelta::minutes(90));
        assert_eq!(parse_duration("1d 12h").unwrap(), TimeDelta::hours(36));
        assert_eq!(parse_duration("2w").unwrap(), TimeDelta::days(14));
        assert!(parse_duration("soon").is_err());
        assert!(
            parse_duration("300000y")
                .unwrap_err()
                .to_string()
                .contains("at most 100 years")
        );
    }

    #[test]
    fn far_times_are_refused_not_overflowed() {
        let now = utc("9990-01-01T00:00:00Z");
        assert!(
            parse_moment("+99y", now)
                .unwrap_err()
                .to_string()
                .contains("out of range")
        );
        assert!(parse_config_time("+262142-12-31 23:59", chrono_tz::America::New_York).is_err());
        assert!(parse_config_time("1899-12-31 23:59", chrono_tz::UTC).is_err());
        let last = NaiveDateTime::MAX;
        assert!(resolve_local(last, chrono_tz::America::New_York).is_err());
    }
    #[test]
    fn a_gap_names_its_cause() {
        let gap = |local: &str, zone: Tz| {
            resolve_local(parse_naive(local).unwrap(), zone)
                .unwrap_err()
                .to_string()
        };
        let text = gap("2022-03-13 02:30", chrono_tz::America::New_York);
        assert!(text.contains("skip it for daylight saving time"), "{text}");
        // Samoa crossed the date line: the whole of 2011-12-30 never happened in Apia.
        let text = gap("2011-12-30 12:00", chrono_tz::Pacific::Apia);
        assert!(!text.contains("daylight"), "{text}");
        assert!(
            text.contains("as the zone moved from UTC-10:00 to UTC+14:00"),
            "{text}"
        );
        assert!(text.contains("write 2011-12-31 00:00"), "{text}");
        // Pyongyang went from +08:30 back to +09:00 on 2018-05-05.
        let text = gap("2018-05-04 23:45", chrono_tz::Asia::Pyongyang);
        assert!(text.contains("moved from UTC+08:30 to UTC+09:00"), "{text}");
        assert!(text.contains("write 2018-05-05 00:00"), "{text}");
    }

    #[test]
    fn an_overlap_names_its_cause() {
        let overlap = |local: &str, zone: Tz| {
            resolve_local(parse_naive(local).unwrap(), zone)
                .unwrap_err()
                .to_string()
        };
        let text = overlap("2022-11-06 01:30", chrono_tz::America::New_York);
        assert!(text.contains("(the clocks fall back)"), "{text}");
        // Pyongyang moved from +09:00 to +08:30 at midnight on 2015-08-15.
        let text = overlap("2015-08-14 23:45", chrono_tz::Asia::Pyongyang);
        assert!(!text.contains("daylight"), "{text}");
        assert!(text.contains("moved from UTC+09:00 to UTC+08:30"), "{text}");
    }
}
