//! `dropwatch add`: a new event, and a stream with goals if asked, written into the config
//! through [`edit_file`] (comments kept, checked before it is written). From flags, or, with a
//! terminal and no flags, by asking each value in turn with a default.

use std::io::{BufRead, Read, Write};

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::output::print;
use crate::cli::AddArgs;
use crate::cli::settings::Settings;
use crate::config::edit::{NewEvent, NewStream};
use crate::config::store::edit_file;
use crate::failure::Failure;
use crate::values::announce::parse_announced;
use crate::values::numbers::parse_count;
use crate::values::when::{parse_config_time, parse_duration, parse_zone};

/// Adds the event the flags (or the answers) describe.
pub(crate) fn run(settings: &Settings, args: &AddArgs) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let path = super::setup::config_to_edit(settings)?;
    let now = settings.real_now;
    let asking = args.is_empty() && settings.at_text.is_none() && std::io::stdin().is_terminal();
    let (event, stream) = if asking {
        let stdin = std::io::stdin();
        let mut ask = Asker {
            input: stdin.lock(),
            out: std::io::stderr(),
        };
        ask.all(settings.local_zone, now)?
    } else {
        from_flags(args, settings.at_text.as_deref(), settings.local_zone, now)
            .map_err(Failure::Usage)?
    };
    let (id, config) = edit_file(&path, |e| {
        let id = e.add_event(&event)?;
        if let Some(mut s) = stream.clone() {
            s.event = id.clone();
            e.add_stream(&s)?;
        }
        Ok(id)
    })
    .map_err(super::setup::edit_failure)?;
    let shown = config
        .event(&id)
        .map(|e| {
            crate::values::when::shown_in(e.at, e.zone)
                .format(if e.time_tba {
                    "%a %-d %b %Y, time TBA"
                } else {
                    "%a %-d %b %Y %H:%M %Z"
                })
                .to_string()
        })
        .unwrap_or_default();
    print(format_args!(
        "added {} ({id}, {shown}) to {}",
        event.name,
        path.display()
    ))
}

/// The event and stream the flags describe, or what is wrong with them.
pub(crate) fn from_flags(
    args: &AddArgs,
    at: Option<&str>,
    local: Tz,
    now: DateTime<Utc>,
) -> Result<(NewEvent, Option<NewStream>), String> {
    let name = args
        .name
        .as_deref()
        .ok_or("--name is missing: write --name \"Drama\"")?;
    let name = check_name(name)?;
    let at = at.ok_or("--at is missing: write --at \"12.05 6PM KST\" (or a date alone)")?;
    let given_zone = args
        .zone
        .as_deref()
        .map(|z| parse_zone(z).map_err(|e| format!("--zone: {e}")))
        .transpose()?;
    let (at_text, zone) = when(at, given_zone, local, now).map_err(|e| format!("--at: {e}"))?;
    let live_for = match &args.live_for {
        Some(d) => check_duration(d).map_err(|e| format!("--live-for: {e}"))?,
        None => String::new(),
    };
    let event = NewEvent {
        id: args.id.clone().unwrap_or_default(),
        name,
        by: args.by.clone().unwrap_or_default(),
        at: at_text,
        zone: zone.name().to_string(),
        live_for,
        uid: String::new(),
    };
    let wants_stream =
        args.platform.is_some() || args.window_end.is_some() || !args.goals.is_empty();
    if !wants_stream {
        return Ok((event, None));
    }
    let window_end = match &args.window_end {
        Some(t) => {
            when(t, Some(zone), local, now)
                .map_err(|e| format!("--window-end: {e}"))?
                .0
        }
        None => day_after(&event.at, zone)?,
    };
    let goals = args
        .goals
        .iter()
        .map(|g| goal(g).map_err(|e| format!("--goal {g:?}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let stream = NewStream {
        event: String::new(),
        platform: args.platform.clone().unwrap_or_default(),
        window_end,
        goals,
    };
    Ok((event, Some(stream)))
}

/// A name that is not blank.
fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err("the name is empty or has a control character: write one, e.g. Drama".into());
    }
    Ok(name.to_string())
}

fn check_duration(text: &str) -> Result<String, String> {
    parse_duration(text)
        .map(|_| text.trim().to_string())
        .map_err(|e| e.to_string())
}

/// `at` as the config writes it, and the event's zone: `zone` if given, else the one `at`
/// names, else the viewer's.
fn when(at: &str, zone: Option<Tz>, local: Tz, now: DateTime<Utc>) -> Result<(String, Tz), String> {
    let reckon = zone.unwrap_or(local);
    let announced = parse_announced(at, now, reckon).map_err(|e| e.to_string())?;
    let zone = zone.or(announced.zone()).unwrap_or(local);
    let text = announced.config_text(zone).map_err(|e| e.to_string())?;
    // A month-day read in the viewer's zone but written in the event's: check it once more.
    parse_config_time(&text, zone)
        .or_else(|e| date_ok(&text).ok_or(e))
        .map_err(|e| e.to_string())?;
    Ok((text, zone))
}

/// A date alone, as the config reads it.
fn date_ok(text: &str) -> Option<DateTime<Utc>> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|_| DateTime::UNIX_EPOCH)
}

/// The default tracking window's end: 24 hours after the release (the day after a date).
fn day_after(at: &str, zone: Tz) -> Result<String, String> {
    let start = match parse_config_time(at, zone) {
        Ok(t) => t,
        Err(_) => chrono::NaiveDate::parse_from_str(at, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| crate::values::when::resolve_local_lenient(d, zone))
            .ok_or_else(|| format!("{at:?} is not a time"))?,
    };
    let end = (start + TimeDelta::hours(24)).with_timezone(&zone);
    Ok(end.format("%Y-%m-%d %H:%M").to_string())
}

/// "LABEL=2.7M" or "LABEL=4M/24h": a label, a target and a time within the release.
pub(crate) fn goal(text: &str) -> Result<(String, u64, String), String> {
    let (label, rest) = text
        .rsplit_once('=')
        .ok_or("write LABEL=2.7M, or LABEL=4M/24h for a goal within 24 hours")?;
    let label = label.trim();
    if label.is_empty() {
        return Err("the goal has no label: write e.g. \"Global top 10=2.7M\"".into());
    }
    let (count, within) = match rest.split_once('/') {
        Some((c, w)) => (c, check_duration(w)?),
        None => (rest, String::new()),
    };
    let target = parse_count(count).map_err(|e| e.to_string())?;
    if target == 0 {
        return Err("a goal of 0 is always reached: write the target, e.g. 2.7M".into());
    }
    Ok((label.to_string(), target, within))
}

/// Asks each value on a terminal, with a default, until it is one that can be written.
struct Asker<R, W> {
    input: R,
    out: W,
}

impl<R: BufRead, W: Write> Asker<R, W> {
    /// One answer: the default for an empty line, asked again while `check` refuses it.
    fn ask<T>(
        &mut self,
        question: &str,
        default: &str,
        check: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, Failure> {
        loop {
            let shown = if default.is_empty() {
                String::new()
            } else {
                format!(" [{default}]")
            };
            write!(self.out, "{question}{shown}: ").map_err(Failure::runtime)?;
            self.out.flush().map_err(Failure::runtime)?;
            let mut line = String::new();
            // One line, capped: a pasted megabyte is not an answer.
            let read = std::io::Read::by_ref(&mut self.input)
                .take(4096)
                .read_line(&mut line)
                .map_err(Failure::runtime)?;
            if read == 0 {
                return Err(Failure::Usage(format!(
                    "no answer to \"{question}\": nothing was added"
                )));
            }
            let answer = line.trim();
            let answer = if answer.is_empty() { default } else { answer };
            match check(answer) {
                Ok(v) => return Ok(v),
                Err(why) => writeln!(self.out, "  ✗ {why}").map_err(Failure::runtime)?,
            }
        }
    }

    /// Every value in turn.
    fn all(
        &mut self,
        local: Tz,
        now: DateTime<Utc>,
    ) -> Result<(NewEvent, Option<NewStream>), Failure> {
        let name = self.ask("Name", "", check_name)?;
        let by = self.ask("By (artist)", "", |s| Ok(s.to_string()))?;
        let at = self.ask(
            "When (e.g. 12.05 6PM KST, Dec 5 18:00, or a date alone)",
            "",
            |s| {
                parse_announced(s, now, local)
                    .map(|_| s.to_string())
                    .map_err(|e| e.to_string())
            },
        )?;
        let named = parse_announced(&at, now, local).ok().and_then(|a| a.zone());
        let zone_default = named.unwrap_or(local).name().to_string();
        let (at_text, zone) = self.ask("Zone", &zone_default, |z| {
            let zone = parse_zone(z).map_err(|e| e.to_string())?;
            when(&at, Some(zone), local, now)
        })?;
        let id = self.ask("Id", &crate::config::slug(&name), |s| {
            if s.chars()
                .any(|c| c.is_whitespace() || c == ',' || c.is_control())
            {
                Err("write letters, digits and dashes".into())
            } else {
                Ok(s.to_string())
            }
        })?;
        let event = NewEvent {
            id,
            name,
            by,
            at: at_text,
            zone: zone.name().to_string(),
            ..NewEvent::default()
        };
        let platform = self.ask("Stream platform (empty: no stream)", "", |s| {
            Ok(s.to_string())
        })?;
        if platform.is_empty() {
            return Ok((event, None));
        }
        let end_default = day_after(&event.at, zone).map_err(Failure::Usage)?;
        let window_end = self.ask("Tracking window ends", &end_default, |t| {
            when(t, Some(zone), local, now).map(|(text, _)| text)
        })?;
        let mut goals = Vec::new();
        loop {
            let g = self.ask("Goal (LABEL=2.7M or LABEL=4M/24h; empty: done)", "", |s| {
                if s.is_empty() {
                    Ok(None)
                } else {
                    goal(s).map(Some)
                }
            })?;
            match g {
                Some(g) => goals.push(g),
                None => break,
            }
        }
        let stream = NewStream {
            event: String::new(),
            platform,
            window_end,
            goals,
        };
        Ok((event, Some(stream)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::utc;

    fn args(name: &str) -> AddArgs {
        AddArgs {
            name: Some(name.into()),
            ..AddArgs::default()
        }
    }

    #[test]
    fn flags_make_an_event_in_the_zone_the_time_names() {
        let now = utc("2026-12-01T00:00:00Z");
        let (e, s) =
            from_flags(&args("Drama"), Some("12.05 6PM KST"), chrono_tz::UTC, now).unwrap();
        assert_eq!(
            (e.at.as_str(), e.zone.as_str()),
            ("2026-12-05 18:00", "Asia/Seoul")
        );
        assert!(s.is_none());
        let mut a = args("Drama");
        a.goals = vec!["Top 10=2.7M".into(), "24h=4M/24h".into()];
        a.platform = Some("YouTube".into());
        let (_, s) = from_flags(&a, Some("Dec 5"), chrono_tz::Asia::Seoul, now).unwrap();
        let s = s.unwrap();
        assert_eq!(s.window_end, "2026-12-06 00:00");
        assert_eq!(s.goals[1], ("24h".into(), 4_000_000, "24h".into()));
    }

    #[test]
    fn flag_mistakes_say_what_to_write() {
        let now = utc("2026-12-01T00:00:00Z");
        let err =
            |a: &AddArgs, at: Option<&str>| from_flags(a, at, chrono_tz::UTC, now).unwrap_err();
        assert!(err(&args("X"), None).contains("--at is missing"));
        assert!(err(&AddArgs::default(), Some("Dec 5")).contains("--name"));
        let mut a = args("X");
        a.goals = vec!["big".into()];
        assert!(err(&a, Some("Dec 5")).contains("LABEL=2.7M"));
        a.goals = vec!["big=0".into()];
        assert!(err(&a, Some("Dec 5")).contains("always reached"));
        assert!(err(&args("X"), Some("13PM")).contains("--at"));
    }

    #[test]
    fn asking_repeats_until_an_answer_can_be_written() {
        let now = utc("2026-12-01T00:00:00Z");
        let answers = "\nDrama\naespa\nsoon\n12.05 6PM KST\n\n\nYouTube\n\nbad\nTop=2.7M\n\n";
        let mut out = Vec::new();
        let mut asker = Asker {
            input: answers.as_bytes(),
            out: &mut out,
        };
        let (e, s) = asker.all(chrono_tz::UTC, now).unwrap();
        let said = String::from_utf8(out).unwrap();
        assert!(said.contains("✗ the name is empty"), "{said}");
        assert!(said.contains("\"soon\" is not a time"), "{said}");
        assert!(said.contains("Zone [Asia/Seoul]"), "{said}");
        assert!(
            said.contains("Tracking window ends [2026-12-06 18:00]"),
            "{said}"
        );
        assert_eq!(
            (e.name.as_str(), e.id.as_str(), e.zone.as_str()),
            ("Drama", "drama", "Asia/Seoul")
        );
        assert_eq!(s.unwrap().goals.len(), 1);
        // The input ending before the last answer adds nothing.
        let mut asker = Asker {
            input: "Drama\n".as_bytes(),
            out: Vec::new(),
        };
        assert!(asker.all(chrono_tz::UTC, now).is_err());
    }
}
