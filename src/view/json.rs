//! `--once --json`: one object, stable for scripts (the README's "JSON" section lists its
//! fields). It reads the frame's [`View`] and works nothing out itself.

use chrono::{DateTime, Offset, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde_json::{Value, json};

use crate::app::App;
use crate::config::{Config, Stream};
use crate::streams::{StreamView, Window};
use crate::values::countdown;
use crate::values::when::shown_in;
use crate::view::View;

/// `t` in `zone`'s offset; in UTC when that offset has seconds (Monrovia before 1972 was
/// -00:44:30), since RFC 3339 offsets are whole minutes and a rounded one names another instant,
/// and when the local year is past 9999 (31 Dec 9999 late in UTC), which RFC 3339 cannot write.
fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    let local = shown_in(t, zone);
    if local.offset().fix().local_minus_utc() % 60 != 0 {
        return t.to_rfc3339_opts(SecondsFormat::Secs, true);
    }
    local.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A number for JSON: finite floats rounded to 2 decimals, else null.
fn num(x: f64) -> Value {
    if x.is_finite() {
        json!((x * 100.0).round() / 100.0)
    } else {
        Value::Null
    }
}

/// The whole state at `view.now` as one object; `view` must come from
/// [`View::derive_everything`] (without it, no anniversaries and no streams are listed).
pub(crate) fn snapshot(app: &App, view: &View) -> Value {
    let now = view.now;
    let (anniversaries, stream_views, fresh) = match &view.everything {
        Some(e) => (
            e.anniversaries.as_slice(),
            e.streams.as_slice(),
            e.fresh.as_slice(),
        ),
        None => (&[][..], &[][..], &[][..]),
    };
    let events: Vec<Value> = app
        .config
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            json!({
                "id": e.id,
                "name": e.name,
                "by": e.by,
                "at": rfc3339(e.at, e.zone),
                "zone": e.zone.name(),
                "time_tba": e.time_tba,
                "phase": view.phases[i].as_str(),
                "seconds_left": countdown::seconds_left(e.at, now),
                "next_anniversary": anniversaries.get(i).copied().flatten()
                    .map(|t| rfc3339(t, e.zone)),
            })
        })
        .collect();
    let streams: Vec<Value> = app
        .config
        .streams
        .iter()
        .zip(stream_views)
        .zip(fresh)
        .map(|((s, v), fresh)| {
            let goals: Vec<Value> = v
                .goals
                .iter()
                .map(|g| {
                    json!({
                        "label": g.label,
                        "streams": g.target,
                        "deadline": rfc3339(g.deadline, s.window_zone),
                        "reached": g.reached,
                        "percent": num(g.percent),
                        "needed": g.needed,
                        "needed_per_hour": g.needed_per_hour.map(num),
                        "status": g.status,
                    })
                })
                .collect();
            json!({
                "event": s.event,
                "platform": s.platform,
                "count": v.count,
                "window_end": rfc3339(s.window_end, s.window_zone),
                "seconds_left_in_window": seconds_left(s, v, now),
                "pace_per_hour": v.pace.map(num),
                "projection": v.projection,
                "goals": goals,
                "last_reading_at": fresh.last_reading_at
                    .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
                "age_seconds": fresh.age_secs,
                "stale": fresh.stale,
                "source": fresh.source,
                "source_error": fresh.source_error,
                "corrected_from": fresh.corrected_from,
            })
        })
        .collect();
    json!({
        "now": now.to_rfc3339_opts(SecondsFormat::Secs, true),
        "events": events,
        "streams": super::ranks::with_ranks(app, now, with_provenance(&app.config, streams)),
        "all_kills": super::ranks::all_kills_json(app, now),
    })
}

/// Seconds until the stream's tracking window closes (0 once it has).
fn seconds_left(s: &Stream, v: &StreamView, now: DateTime<Utc>) -> i64 {
    match v.window {
        Window::Opens { .. } => (s.window_end - now).num_seconds(),
        Window::Open { left_secs } => left_secs,
        Window::Closed { .. } => 0,
    }
}

/// Each goal's `from` (where its target came from; null when written by hand).
fn with_provenance(config: &Config, mut streams: Vec<Value>) -> Vec<Value> {
    for (i, stream) in streams.iter_mut().enumerate() {
        let Some(goals) = stream.get_mut("goals").and_then(Value::as_array_mut) else {
            continue;
        };
        for (g, goal) in goals.iter_mut().enumerate() {
            if let Some(goal) = goal.as_object_mut() {
                goal.insert("from".into(), json!(config.goal_from(i, g)));
            }
        }
    }
    streams
}
