//! `--once --json`: one object, stable for scripts (SPEC 3).

use chrono::{DateTime, Offset, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde_json::{Value, json};

use crate::app::App;
use crate::countdown;
use crate::streams::{self, Window};

/// `t` in `zone`'s offset; in UTC when that offset has seconds (Monrovia before 1972 was
/// -00:44:30), since RFC 3339 offsets are whole minutes and a rounded one names another instant.
fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    let local = t.with_timezone(&zone);
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

/// The whole state at `app.now` as SPEC 3's object.
pub fn snapshot(app: &App) -> Value {
    let now = app.now;
    let events: Vec<Value> = app
        .config
        .events
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "name": e.name,
                "by": e.by,
                "at": rfc3339(e.at, e.zone),
                "zone": e.zone.name(),
                "phase": countdown::phase(e.at, e.live_for, now).as_str(),
                "seconds_left": countdown::seconds_left(e.at, now),
                "next_anniversary": e
                    .anniversaries
                    .then(|| countdown::next_anniversary(e.at, e.zone, now))
                    .flatten()
                    .map(|(_, t)| rfc3339(t, e.zone)),
            })
        })
        .collect();
    let streams: Vec<Value> = app
        .config
        .streams
        .iter()
        .map(|s| {
            let v = streams::view(s, &app.readings.items, now);
            let seconds_left = match v.window {
                Window::Opens { .. } => (s.window_end - now).num_seconds(),
                Window::Open { left_secs } => left_secs,
                Window::Closed { .. } => 0,
            };
            let goals: Vec<Value> = v
                .goals
                .iter()
                .map(|g| {
                    json!({
                        "label": g.label,
                        "streams": g.streams,
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
                "seconds_left_in_window": seconds_left,
                "pace_per_hour": v.pace.map(num),
                "projection": v.projection,
                "goals": goals,
            })
        })
        .collect();
    json!({
        "now": now.to_rfc3339_opts(SecondsFormat::Secs, true),
        "events": events,
        "streams": streams,
    })
}
