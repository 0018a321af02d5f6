//! The overview: every stream of every event as one scoreboard row, in the order a fan reads
//! them: open tracking windows first (least time left first), then those still to open
//! (soonest first), then the closed ones (latest first).

use chrono::{DateTime, Utc};

use crate::app::App;
use crate::streams::{self, Status, Window, next_goal};

/// One row of the overview.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// Index into `config.streams`.
    pub(crate) stream: usize,
    /// The count now.
    pub(crate) count: u64,
    /// Seconds since that count was read; `None` when it is the config's.
    pub(crate) age_secs: Option<i64>,
    /// Where the window stands.
    pub(crate) window: Window,
    /// The goal the row speaks of: the next one still open, else the last in config order.
    pub(crate) goal: Option<RowGoal>,
    /// Streams per hour lately.
    pub(crate) pace: Option<f64>,
}

/// The goal a row shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowGoal {
    /// Its label.
    pub(crate) label: String,
    /// Its target.
    pub(crate) target: u64,
    /// Percent of it, unclamped.
    pub(crate) percent: f64,
    /// Needed per hour to its deadline, while it is ahead.
    pub(crate) needed_per_hour: Option<f64>,
    /// Its status.
    pub(crate) status: Status,
}

/// The overview's rows, and how many of the goals of all streams are reached.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Overview {
    /// One row per stream, in reading order.
    pub(crate) rows: Vec<Row>,
}

/// Every stream of `app` at its `now`, as rows in the order of [`App::board`].
pub(crate) fn overview(app: &App) -> Overview {
    let now = app.now;
    let rows: Vec<Row> = app
        .board()
        .into_iter()
        .map(|i| {
            let s = &app.config.streams[i];
            let figures = streams::view(s, app.readings.of(&s.event, &s.platform), now);
            let goal = next_goal(&figures, now)
                .or_else(|| figures.goals.len().checked_sub(1))
                .and_then(|g| figures.goals.get(g))
                .map(|g| RowGoal {
                    label: g.label.clone(),
                    target: g.target,
                    percent: g.percent,
                    needed_per_hour: g.needed_per_hour.filter(|_| !g.reached),
                    status: g.status,
                });
            Row {
                stream: i,
                count: figures.count,
                age_secs: figures.count_at.map(|t| (now - t).num_seconds().max(0)),
                window: figures.window,
                goal,
                pace: figures.pace,
            }
        })
        .collect();
    Overview { rows }
}

/// "3 of 5 goals reached" for each event with more than one stream, by event index.
pub(crate) fn goals_reached(app: &App, now: DateTime<Utc>) -> Vec<Option<(usize, usize)>> {
    let config = &app.config;
    config
        .events
        .iter()
        .map(|e| {
            let own: Vec<_> = config.streams.iter().filter(|s| s.event == e.id).collect();
            if own.len() < 2 {
                return None;
            }
            // Binary searches only, as a goal's view counts it: the count now, or as of its
            // deadline once that passed; no pace or history is worked out for this.
            let (mut reached, mut all) = (0, 0);
            for s in own {
                let series = app.readings.of(&s.event, &s.platform);
                for g in &s.goals {
                    let count = series
                        .last_at(now.min(g.deadline))
                        .map_or(s.count, |p| p.count);
                    all += 1;
                    reached += usize::from(count >= g.target);
                }
            }
            // Rank streams have no count goals: no line of "0 of 0".
            (all > 0).then_some((reached, all))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{app, spotify};

    #[test]
    fn open_windows_lead_then_those_to_open_then_the_closed() {
        // A second stream of Proof (its window opens 2022-06-10 04:00 UTC), and With You's
        // open window at 18:00 UTC on 24 Apr: With You first, then Proof.
        let text = crate::config::DEFAULT_TOML.to_string()
            + "\n[[streams]]\nevent = \"proof\"\nplatform = \"Melon\"\nwindow_end = \"2022-06-11 13:00\"\n[[streams.goal]]\nlabel = \"1M\"\nstreams = 1_000_000\n";
        let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
        let mut a = crate::testing::app_with(
            config,
            crate::readings::Readings::default(),
            "2022-04-24T18:00:00Z",
        );
        a.add_reading(spotify("2022-04-24T17:00:00Z", 1_800_000));
        let o = overview(&a);
        assert_eq!(o.rows.iter().map(|r| r.stream).collect::<Vec<_>>(), [0, 1]);
        let first = &o.rows[0];
        assert_eq!((first.count, first.age_secs), (1_800_000, Some(3600)));
        // 1.8M of the top 10's 2.7M: 66.7%; 900k in 6 h is 150k/h.
        let g = first.goal.as_ref().unwrap();
        assert_eq!(g.label, "Global top 10");
        assert!((g.percent - 66.666).abs() < 0.01, "{}", g.percent);
        assert_eq!(g.needed_per_hour.map(f64::round), Some(150_000.0));
        // A year on, both closed: the later close (Proof's) first.
        a.tick(crate::testing::utc("2023-04-24T18:00:00Z"));
        let o = overview(&a);
        assert_eq!(o.rows.iter().map(|r| r.stream).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn a_summary_counts_goals_only_for_events_of_several_streams() {
        let a = app("2022-04-24T18:00:00Z");
        assert_eq!(goals_reached(&a, a.now), [None, None]);
        // A second With You stream with one goal of 1: reached by its config count. Spotify's
        // 2.8M at 20:00 reaches the top 10 (2.7M) only: 2 of 5.
        let text = crate::config::DEFAULT_TOML.to_string()
            + "\n[[streams]]\nevent = \"with-you\"\nplatform = \"Melon\"\ncount = 1\nwindow_end = \"2022-04-26 00:00\"\n[[streams.goal]]\nlabel = \"one\"\nstreams = 1\n";
        let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
        let mut a = crate::testing::app_with(
            config,
            crate::readings::Readings::default(),
            "2022-04-24T20:00:00Z",
        );
        a.add_reading(spotify("2022-04-24T20:00:00Z", 2_800_000));
        assert_eq!(goals_reached(&a, a.now), [Some((2, 5)), None]);
    }
}
