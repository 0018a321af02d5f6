//! `--once --json`: one object, stable for scripts (the README's "JSON" section lists its
//! fields). It reads the frame's [`View`] and works nothing out itself.

use chrono::{DateTime, Offset, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde_json::{Value, json};

use crate::app::App;
use crate::config::Config;
use crate::lang::Lang;
use crate::streams::Window;
use crate::values::countdown;
use crate::values::when::shown_in;
use crate::view::ranks::RankLead;
use crate::view::{Headline, View};

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

/// One event of `snapshot`, the `i`th, with its next anniversary if it has one.
fn event_json(
    e: &crate::config::Event,
    view: &View,
    i: usize,
    anniversary: Option<chrono::DateTime<chrono::Utc>>,
) -> Value {
    json!({
        "id": e.id,
        "name": e.name,
        "by": e.by,
        "at": rfc3339(e.at, e.zone),
        "zone": e.zone.name(),
        "time_tba": e.time_tba,
        "phase": view.phases[i].as_str(),
        "seconds_left": countdown::seconds_left(e.at, view.now),
        "next_anniversary": anniversary.map(|t| rfc3339(t, e.zone)),
    })
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
        .map(|(i, e)| event_json(e, view, i, anniversaries.get(i).copied().flatten()))
        .collect();
    let streams: Vec<Value> = app
        .config
        .streams
        .iter()
        .zip(stream_views)
        .zip(fresh)
        .map(|((s, v), fresh)| stream_json(s, v, fresh, now))
        .collect();
    json!({
        "now": now.to_rfc3339_opts(SecondsFormat::Secs, true),
        "headline": headline(app, view),
        "events": events,
        "streams": super::ranks::with_ranks(app, now, with_provenance(&app.config, streams)),
        "all_kills": super::ranks::all_kills_json(app, now),
    })
}

/// One stream's object.
fn stream_json(
    s: &crate::config::Stream,
    v: &crate::streams::StreamView,
    fresh: &crate::view::Freshness,
    now: DateTime<Utc>,
) -> Value {
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
        "unit": s.unit,
        "count": v.count,
        "window_end": rfc3339(s.window_end, s.window_zone),
        "seconds_left_in_window": seconds_left,
        "pace_per_hour": v.pace.map(num),
        "pace_over_seconds": v.pace_over.map(|d| d.num_seconds()),
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
}

/// What the dashboard's headline leads with, from the same place as the screen and `bar`:
/// `{"kind": "push"|"rank_push"|"countdown", "event", "platform", "goal", "text"}` (null where
/// there is none; `text` is a rank push's words, "#3 on Melon · goal #1 · …").
fn headline(app: &App, view: &View) -> Value {
    let lead = view.lead(&app.config);
    let config = &app.config;
    let shown = lead.shown.and_then(|i| view.streams.get(i));
    let stream = shown.and_then(|s| config.streams.get(s.index));
    let goal = shown
        .zip(lead.goal)
        .and_then(|(s, g)| s.figures.goals.get(g));
    // A rank push names its rank goal, and says the headline's words, in English: `--json`
    // is read by programs, whatever the screen's language.
    let rank = match &view.headline {
        Headline::Push(p) if p.rank.is_some() => {
            crate::view::ranks::rank_lead(app, p.stream, view.now, Lang::En)
        }
        _ => None,
    };
    let rank_goal = shown
        .zip(lead.rank_goal)
        .and_then(|(s, g)| config.rank(s.index)?.goals.get(g))
        .map(|(label, g)| label.neutral(*g));
    json!({
        "kind": match (&view.headline, &rank) {
            (Headline::Push(_), Some(_)) => "rank_push",
            (Headline::Push(_), None) => "push",
            (Headline::Countdown, _) => "countdown",
        },
        "event": lead.event.and_then(|i| config.events.get(i)).map(|e| &e.id),
        "platform": stream.map(|s| &s.platform),
        "goal": goal.map(|g| g.label.clone()).or(rank_goal),
        "text": rank.as_ref().map(RankLead::line),
    })
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
