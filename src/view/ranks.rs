//! What rank streams show, derived from the app at `now`: each one's rank goals (from
//! [`crate::streams::rank`]), the chart's next update, and an event's all-kill line; and the
//! same as JSON for `--once --json` and as `bar` fields. Kept apart from the count figures so
//! that a rank stream is one branch wherever streams are drawn.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

use crate::app::App;
use crate::config::rank::{RankGoal, RankSpec};
use crate::lang::{Arg, Lang};
use crate::streams::rank::{AllKill, RankView, all_kill, goal_label, next_update, rank_view};

/// A rank stream's figures at `now`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RankShown {
    /// The newest rank in the window.
    pub(crate) current: Option<u64>,
    /// The best rank in the window.
    pub(crate) best: Option<u64>,
    /// The chart's next update, when its cadence is known.
    pub(crate) next_update: Option<DateTime<Utc>>,
    /// Each goal: its label (in the fan's language when made), the goal, and where it stands.
    pub(crate) goals: Vec<(String, RankGoal, RankView)>,
    /// The readings judged (time, rank), oldest first, for a chart.
    pub(crate) points: Vec<(DateTime<Utc>, u64)>,
}

/// The readings of stream `i` from its window's start up to `now`.
fn points(app: &App, i: usize, now: DateTime<Utc>) -> Vec<(DateTime<Utc>, u64)> {
    let Some(s) = app.config.streams.get(i) else {
        return Vec::new();
    };
    let series = app.readings.of(&s.event, &s.platform);
    crate::streams::rank::points(series, (s.window_start, s.window_end), now)
}

/// The figures of stream `i` when it measures ranks.
pub(crate) fn rank_shown(app: &App, i: usize, now: DateTime<Utc>) -> Option<RankShown> {
    rank_shown_in(app, i, now, app.lang)
}

/// As [`rank_shown`], the labels made in `lang`.
fn rank_shown_in(app: &App, i: usize, now: DateTime<Utc>, lang: Lang) -> Option<RankShown> {
    let spec: &RankSpec = app.config.rank(i)?;
    let s = app.config.streams.get(i)?;
    let points = points(app, i, now);
    let window = (s.window_start, s.window_end);
    let goals = spec
        .goals
        .iter()
        .map(|(label, g)| {
            (
                goal_label(label, *g, lang),
                *g,
                rank_view(&points, *g, spec.cadence, window, now),
            )
        })
        .collect();
    Some(RankShown {
        current: points.last().map(|p| p.1),
        best: points.iter().map(|p| p.1).min(),
        next_update: spec.cadence.map(|c| next_update(c, s.window_zone, now)),
        goals,
        points,
    })
}

/// What the headline says while a rank stream leads: its rank against its goal, where the
/// goal stands, and when the chart updates next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RankLead {
    /// Index into the stream's rank goals of the goal pushed: the first neither reached nor
    /// missed; `None` when every one is settled.
    pub(crate) goal: Option<usize>,
    /// "#3 on Melon · goal #1", "no rank yet on Melon · goal top 10".
    pub(crate) place: String,
    /// "held #1 for 5h", "lost #1 12m ago", "best #4 so far", "every rank goal settled".
    pub(crate) state: String,
    /// "next update in 12m", when the chart's cadence is known.
    pub(crate) next: Option<String>,
}

impl RankLead {
    /// The three parts joined: "#3 on Melon · goal #1 · lost #1 12m ago · next update in 12m".
    pub(crate) fn line(&self) -> String {
        let mut out = format!("{} · {}", self.place, self.state);
        if let Some(next) = &self.next {
            out.push_str(" · ");
            out.push_str(next);
        }
        out
    }
}

/// The headline of rank stream `i` at `now` in `lang` (`--json` takes English); `None` when it
/// does not measure ranks.
pub(crate) fn rank_lead(app: &App, i: usize, now: DateTime<Utc>, lang: Lang) -> Option<RankLead> {
    use crate::streams::rank::RankStatus as S;
    let shown = rank_shown_in(app, i, now, lang)?;
    let platform = Arg::from(app.config.streams.get(i)?.platform.as_str());
    let goal = shown
        .goals
        .iter()
        .position(|(_, _, v)| !matches!(v.status, S::Reached | S::Missed));
    let mut place = match shown.current {
        Some(r) => lang.t_with(
            "ranks-place",
            &[("rank", Arg::from(format!("#{r}"))), ("platform", platform)],
        ),
        None => lang.t_with("ranks-place-none", &[("platform", platform)]),
    }
    .into_owned();
    let Some((label, g, v)) = goal.and_then(|k| shown.goals.get(k)) else {
        return Some(RankLead {
            goal,
            place,
            state: lang.t("ranks-all-settled").into_owned(),
            next: None,
        });
    };
    let goal_text = lang.t_with("ranks-goal", &[("label", Arg::from(label.as_str()))]);
    place.push_str(&format!(" · {goal_text}"));
    // "#1", "top 10": the goal's place in the language's words.
    let at = match g.rank {
        1 => "#1".to_string(),
        n => lang
            .t_with("ranks-top", &[("n", Arg::from(lang.count(n)))])
            .into_owned(),
    };
    let at = || ("at", Arg::from(at.as_str()));
    let state = match v.status {
        S::Held => lang.t_with(
            "ranks-lead-held",
            &[at(), ("span", Arg::from(lang.span(v.streak.num_seconds())))],
        ),
        S::Lost => match crate::streams::rank::lost_at(&shown.points, g.rank) {
            Some(t) => lang.t_with(
                "ranks-lead-lost-ago",
                &[
                    at(),
                    ("span", Arg::from(lang.span((now - t).num_seconds()))),
                ],
            ),
            None => lang.t_with("ranks-lead-lost", &[at()]),
        },
        S::Waiting | S::Reached | S::Missed => match shown.best {
            Some(b) => lang.t_with("ranks-lead-best", &[("rank", Arg::from(format!("#{b}")))]),
            None => lang.t("ranks-lead-waiting"),
        },
        S::NoData => lang.t("ranks-lead-no-reading"),
    }
    .into_owned();
    Some(RankLead {
        goal,
        place,
        state,
        next: shown.next_update.map(|t| next_update_text(t, now, lang)),
    })
}

/// The all-kill across the rank streams of `event`, when it has two or more.
pub(crate) fn all_kill_of(app: &App, event: &str, now: DateTime<Utc>) -> Option<AllKill> {
    let charts: Vec<Vec<(DateTime<Utc>, u64)>> = (0..app.config.streams.len())
        .filter(|&i| app.config.rank(i).is_some() && app.config.streams[i].event == event)
        .map(|i| points(app, i, now))
        .collect();
    if charts.len() < 2 {
        return None;
    }
    let refs: Vec<&[(DateTime<Utc>, u64)]> = charts.iter().map(Vec::as_slice).collect();
    Some(all_kill(&refs, now))
}

/// "#1 on 4 of 6 charts · all-kill 2h 10m ago", "#1 on 6 of 6 charts · all-kill for 35m".
pub(crate) fn all_kill_line(k: &AllKill, now: DateTime<Utc>, lang: Lang) -> String {
    let head = lang.t_with(
        "ranks-at-one",
        &[
            ("n", Arg::from(lang.count(k.at_one as u64))),
            ("of", Arg::from(lang.count(k.of as u64))),
            ("count", Arg::Num(k.of as u64)),
        ],
    );
    let span = |d: TimeDelta| [("span", Arg::from(lang.span(d.num_seconds())))];
    match (k.since, k.ended) {
        (Some(s), _) => format!(
            "{head} · {}",
            lang.t_with("ranks-all-kill-for", &span(now - s))
        ),
        (None, Some(e)) => format!(
            "{head} · {}",
            lang.t_with("ranks-all-kill-ago", &span(now - e))
        ),
        (None, None) => head.into_owned(),
    }
}

/// "next update in 12m".
pub(crate) fn next_update_text(next: DateTime<Utc>, now: DateTime<Utc>, lang: Lang) -> String {
    let secs = (next - now + TimeDelta::seconds(59)).num_seconds();
    lang.t_with("ranks-next-update", &[("span", Arg::from(lang.span(secs)))])
        .into_owned()
}

/// A goal's state in words: "held 2h 10m", "lost", "reached", "waiting", "missed", "no data".
pub(crate) fn status_text(v: &RankView, lang: Lang) -> String {
    use crate::streams::rank::RankStatus as S;
    let key = match v.status {
        S::Held => {
            let span = Arg::from(lang.span(v.streak.num_seconds()));
            return lang.t_with("ranks-held", &[("span", span)]).into_owned();
        }
        S::Reached => "ranks-reached",
        S::Lost => "ranks-lost",
        S::Waiting => "ranks-waiting",
        S::Missed => "ranks-missed",
        S::NoData => "ranks-no-data",
    };
    lang.t(key).into_owned()
}

/// `streams` (the JSON streams, in config order) with each rank stream's ranks, streaks and
/// next update.
pub(crate) fn with_ranks(app: &App, now: DateTime<Utc>, mut streams: Vec<Value>) -> Vec<Value> {
    for (i, stream) in streams.iter_mut().enumerate() {
        let (Some(shown), Some(obj)) = (rank_shown(app, i, now), stream.as_object_mut()) else {
            continue;
        };
        let secs = |t: TimeDelta| t.num_seconds();
        // Labels without a language: `--json` is read by programs.
        let labels = app
            .config
            .rank(i)
            .map(|spec| &spec.goals[..])
            .unwrap_or(&[]);
        let goals: Vec<Value> = shown
            .goals
            .iter()
            .zip(labels)
            .map(|((_, g, v), (label, _))| {
                json!({
                    "label": label.neutral(*g),
                    "rank": g.rank,
                    "for_seconds": g.hold.map(secs),
                    "status": v.status,
                    "since": v.since.map(|t| t.to_rfc3339()),
                    "streak_seconds": secs(v.streak),
                    "longest_seconds": secs(v.longest),
                })
            })
            .collect();
        obj.insert("measure".into(), json!("rank"));
        obj.insert("rank".into(), json!(shown.current));
        obj.insert("best_rank".into(), json!(shown.best));
        obj.insert(
            "next_update".into(),
            json!(shown.next_update.map(|t| t.to_rfc3339())),
        );
        obj.insert("rank_goals".into(), Value::Array(goals));
    }
    streams
}

/// Each event with two or more rank streams: its id, and its all-kill.
pub(crate) fn all_kills_json(app: &App, now: DateTime<Utc>) -> Value {
    let kills: Vec<Value> = app
        .config
        .events
        .iter()
        .filter_map(|e| {
            let k = all_kill_of(app, &e.id, now)?;
            Some(json!({
                "event": e.id,
                "at_one": k.at_one,
                "charts": k.of,
                "since": k.since.map(|t| t.to_rfc3339()),
                "ended": k.ended.map(|t| t.to_rfc3339()),
                "text": all_kill_line(&k, now, Lang::En),
            }))
        })
        .collect();
    Value::Array(kills)
}

/// The `bar` fields of the first rank stream of `event`, in the fan's language: rank ("#3"),
/// rank_goal (its first goal not reached, with its state), streak, next_update, allkill.
pub(crate) fn bar_fields(
    app: &App,
    event: &str,
    now: DateTime<Utc>,
) -> Vec<(&'static str, String)> {
    let lang = app.lang;
    let mut out = Vec::new();
    let first = (0..app.config.streams.len())
        .find(|&i| app.config.rank(i).is_some() && app.config.streams[i].event == event);
    if let Some(shown) = first.and_then(|i| rank_shown(app, i, now)) {
        if let Some(r) = shown.current {
            out.push(("rank", format!("#{r}")));
        }
        use crate::streams::rank::RankStatus as S;
        let open = shown.goals.iter().find(|(_, _, v)| v.status != S::Reached);
        if let Some((label, _, v)) = open.or(shown.goals.last()) {
            out.push(("rank_goal", format!("{label} {}", status_text(v, lang))));
        }
        if let Some((_, _, v)) = shown
            .goals
            .iter()
            .find(|(_, _, v)| v.streak > TimeDelta::zero())
        {
            out.push(("streak", lang.span(v.streak.num_seconds())));
        }
        if let Some(next) = shown.next_update {
            let secs = (next - now + TimeDelta::seconds(59)).num_seconds();
            out.push(("next_update", lang.span(secs)));
        }
    }
    if let Some(k) = all_kill_of(app, event, now) {
        out.push(("allkill", all_kill_line(&k, now, lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::rank::RankLabel;
    use crate::testing::utc;

    #[test]
    fn spans_and_lines_by_hand() {
        let now = utc("2022-06-10T12:00:00Z");
        let k = AllKill {
            at_one: 4,
            of: 6,
            since: None,
            ended: Some(utc("2022-06-10T09:50:00Z")),
        };
        assert_eq!(
            all_kill_line(&k, now, Lang::En),
            "#1 on 4 of 6 charts · all-kill 2h 10m ago"
        );
        // 11:48:00 to 12:00 is 12 minutes; 11:48:30 still reads 12m (rounded up to the minute).
        assert_eq!(
            next_update_text(now, utc("2022-06-10T11:48:00Z"), Lang::En),
            "next update in 12m"
        );
        assert_eq!(
            next_update_text(now, utc("2022-06-10T11:48:30Z"), Lang::En),
            "next update in 12m"
        );
    }

    #[test]
    fn a_made_goal_label_is_worded_in_the_fans_language_and_a_written_one_stays() {
        let goal = |rank, hold: Option<i64>| RankGoal {
            rank,
            hold: hold.map(TimeDelta::hours),
        };
        let made = |hold: Option<&str>| RankLabel::Made(hold.map(String::from));
        let label = |l: &RankLabel, g, lang| goal_label(l, g, lang);
        // English as it always read, the `for` as the config wrote it.
        assert_eq!(label(&made(None), goal(1, None), Lang::En), "#1");
        assert_eq!(label(&made(None), goal(10, None), Lang::En), "top 10");
        let day = goal(1, Some(24));
        assert_eq!(label(&made(Some("1d")), day, Lang::En), "#1 for 1d");
        assert_eq!(label(&made(None), goal(10, None), Lang::Ko), "10위권");
        assert_eq!(label(&made(Some("1d")), day, Lang::Ko), "#1 24시간 연속");
        assert_eq!(label(&made(Some("24h")), day, Lang::Ja), "#1 24時間連続");
        assert_eq!(label(&made(Some("24h")), day, Lang::Es), "#1 por 24h");
        // A written label is the fan's own words in every language; `--json` keeps English.
        let written = RankLabel::Written("top ten".into());
        assert_eq!(label(&written, goal(10, None), Lang::Ko), "top ten");
        assert_eq!(made(Some("24h")).neutral(day), "#1 for 24h");
    }
}
