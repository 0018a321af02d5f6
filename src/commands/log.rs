//! `dropwatch log`: appends one reading to the readings file beside the config.

use super::output::print;
use super::setup::source;
use crate::cli::settings::Settings;
use crate::config;
use crate::failure::Failure;
use crate::readings::{self, Reading};
use crate::runtime::load;
use crate::values::numbers::thousands;
use crate::values::text::quote;

/// Logs `count` for `event` (and `platform`, else the event's first stream) at `--at` or now.
pub(crate) fn run(
    settings: &Settings,
    event: &str,
    count: &str,
    platform: Option<&str>,
    force: bool,
) -> Result<(), Failure> {
    let at = settings.at_or_now();
    let (config, existing) = load::both(&source(settings)?)?;
    let Some(path) = config.source.readings_path() else {
        return Err(Failure::Usage(
            "no config file to log beside (this is the embedded default); run `dropwatch init` first".into(),
        ));
    };
    if config.event(event).is_none() {
        let ids: Vec<&str> = config.events.iter().map(|e| e.id.as_str()).collect();
        return Err(Failure::Usage(format!(
            "unknown event {}; write one of: {}",
            quote(event),
            ids.join(", ")
        )));
    }
    let streams: Vec<&config::Stream> =
        config.streams.iter().filter(|s| s.event == event).collect();
    let platform = platform_of(&config, &streams, event, platform)?;
    refuse_sum(&config, event, &platform)?;
    let count = crate::values::numbers::parse_count(count)
        .map_err(|e| Failure::Usage(format!("COUNT: {e}")))?;
    let rank = measures_rank(&config, event, &platform, count)?;
    if !force
        && !rank
        && let Some(conflict) = existing.conflict(event, &platform, at, count)
    {
        return Err(Failure::Usage(format!(
            "{}; pass --force to record it anyway",
            conflict.describe(count, crate::lang::Lang::En)
        )));
    }
    let reading = Reading {
        time: at,
        event: event.to_string(),
        platform,
        count,
        source: readings::Origin::Log,
    };
    let moved = readings::append(&path, &reading)
        .map_err(|e| Failure::runtime(format!("cannot write {}: {e}", path.display())))?;
    if let Some(aside) = moved {
        eprintln!(
            "warning: {}: its last line had no newline and was not a whole reading (a write that did not finish?); moved it to {}",
            path.display(),
            aside.display()
        );
    }
    // A rank reads "#3 Melon"; a count "2,712,345 Spotify streams".
    let (figure, unit) = if rank {
        (format!("#{count}"), "rank")
    } else {
        (
            thousands(count),
            unit_of(&streams, &reading.platform, count),
        )
    };
    print(format_args!(
        "logged {figure} {} {unit} for {event} at {} to {}",
        reading.platform,
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        path.display()
    ))
}

/// The unit of `platform`'s stream among `streams`, singular for a count of 1.
fn unit_of<'a>(streams: &[&'a crate::config::Stream], platform: &str, count: u64) -> &'a str {
    let unit = streams
        .iter()
        .find(|s| s.platform == platform)
        .map_or("streams", |s| s.unit.as_str());
    if count == 1 {
        crate::values::text::singular(unit)
    } else {
        unit
    }
}

/// A sum counts its parts' readings: a count logged for it would never show.
fn refuse_sum(config: &config::Config, event: &str, platform: &str) -> Result<(), Failure> {
    match config
        .streams
        .iter()
        .position(|s| s.event == event && s.platform == platform)
    {
        Some(i) if config.sum_parts(i).is_some() => Err(Failure::Usage(format!(
            "{} {} is a sum of{}: log a count for one of its parts instead",
            quote(event),
            quote(platform),
            config.sum_text(i).trim_start_matches(" =")
        ))),
        _ => Ok(()),
    }
}

/// Whether the stream measures ranks (a rank goes down as well as up, so no reading of one
/// contradicts another); a rank of 0 is refused.
fn measures_rank(
    config: &config::Config,
    event: &str,
    platform: &str,
    count: u64,
) -> Result<bool, Failure> {
    let rank = (0..config.streams.len()).any(|i| {
        config.rank(i).is_some()
            && config.streams[i].event == event
            && config.streams[i].platform == platform
    });
    if rank && count == 0 {
        return Err(Failure::Usage(format!(
            "{} on {platform} measures ranks, and 0 is not one: write the position, 1 for #1",
            quote(event)
        )));
    }
    Ok(rank)
}

/// The platform a reading is for: the one named, which the event must have, else the event's
/// first stream's.
fn platform_of(
    config: &config::Config,
    streams: &[&config::Stream],
    event: &str,
    platform: Option<&str>,
) -> Result<String, Failure> {
    Ok(match platform {
        Some(p) => {
            if !streams.iter().any(|s| s.platform == p) {
                let known: Vec<&str> = streams.iter().map(|s| s.platform.as_str()).collect();
                return Err(Failure::Usage(format!(
                    "{} has no [[streams]] with platform {}; write one of: {}",
                    quote(event),
                    quote(p),
                    if known.is_empty() {
                        "(none: add [[streams]] first)".to_string()
                    } else {
                        known.join(", ")
                    }
                )));
            }
            p.to_string()
        }
        None => match streams.first() {
            Some(s) => s.platform.clone(),
            None => {
                return Err(Failure::Usage(format!(
                    "{} has no [[streams]] in {}; add one first",
                    quote(event),
                    config.source.display()
                )));
            }
        },
    })
}
