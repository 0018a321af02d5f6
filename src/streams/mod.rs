//! Pure stream-goal math: the tracking window, each goal's progress, the pace from recent
//! readings, projections and status. `now` is an argument; nothing here overflows or divides
//! by zero, whatever the counts.

use chrono::{DateTime, TimeDelta, Utc};

use crate::config::{Goal, Stream};
use crate::lang::Lang;
use crate::readings::Series;

/// Rank and streak goals, the chart's cadence and the all-kill.
pub mod rank;

/// How far back readings count towards the pace.
pub const PACE_WINDOW: TimeDelta = TimeDelta::hours(3);

/// The shortest span of readings a pace is worked out over: two readings seconds apart (a
/// poller on a fresh event) would make a pace of anything, and a projection of nonsense.
pub const PACE_MIN_SPAN: TimeDelta = TimeDelta::minutes(10);

/// How many of the latest readings a view keeps for its sparkline and its chart: more than a
/// screen is wide, and a bound, so a frame's cost does not grow with the file.
pub const HISTORY: usize = 512;

/// Where the tracking window stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Not open yet: it opens at the release.
    Opens {
        /// Seconds until it opens.
        in_secs: i64,
    },
    /// Open now.
    Open {
        /// Seconds until it closes.
        left_secs: i64,
    },
    /// Closed, with the count as of its end.
    Closed {
        /// When it closed.
        at: DateTime<Utc>,
        /// The last reading inside the window (from its opening to its close); the config's
        /// count when there are no readings at all and it is not 0; else `None`: a count read
        /// after the close says nothing about the count at it.
        final_count: Option<u64>,
    },
}

/// A goal's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The count has reached the target.
    Reached,
    /// Not yet, but the pace gets there by the deadline.
    OnPace,
    /// The pace falls short of the target by the deadline.
    Behind,
    /// The deadline passed short of the target.
    Missed,
    /// The window has not opened yet.
    Waiting,
    /// No reading inside the goal's window yet: nothing to judge, so no alarm.
    NoData,
}

impl Status {
    /// How the status reads on screen, in `lang`: "on pace", "순항".
    pub(crate) fn text(self, lang: Lang) -> std::borrow::Cow<'static, str> {
        lang.t(match self {
            Status::Reached => "status-reached",
            Status::OnPace => "status-on-pace",
            Status::Behind => "status-behind",
            Status::Missed => "status-missed",
            Status::Waiting => "status-waiting",
            Status::NoData => "status-no-data",
        })
    }
}

/// One goal at `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalView {
    /// e.g. "Global top 10".
    pub(crate) label: String,
    /// The target.
    pub target: u64,
    /// When it must be reached.
    pub(crate) deadline: DateTime<Utc>,
    /// The count that counts for this goal: now, or as of the deadline once it passed.
    pub count: u64,
    /// `count >= streams`.
    pub reached: bool,
    /// Percent of the target, unclamped (112.0 when beaten).
    pub percent: f64,
    /// Progress for a gauge, clamped to 0..=1.
    pub ratio: f64,
    /// Streams still needed (0 once reached).
    pub needed: u64,
    /// Streams per hour needed from now (or the window's opening) to the deadline; `None`
    /// once the deadline has passed.
    pub needed_per_hour: Option<f64>,
    /// Projected count at the deadline at the present pace.
    pub projection: Option<u64>,
    /// Reached, on pace, behind, missed, waiting or no data.
    pub status: Status,
    /// When a reading first showed the target reached inside the goal's window (among the
    /// readings the view keeps), for the result after the window.
    pub reached_at: Option<DateTime<Utc>>,
}

/// A stream at `now`: everything the panel and the JSON show.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamView {
    /// The shown count: the newest reading at or before now, else the config's `count`.
    pub count: u64,
    /// When that count was read, if it came from a reading.
    pub count_at: Option<DateTime<Utc>>,
    /// The window's state.
    pub window: Window,
    /// Streams per hour over the readings of the last three hours (first to last); `None`
    /// without two readings there at least [`PACE_MIN_SPAN`] apart.
    pub pace: Option<f64>,
    /// The span of readings the pace was worked out over, for its label ("over 2h 45m").
    pub pace_over: Option<TimeDelta>,
    /// Projected count at the window's end (the final count once closed).
    pub projection: Option<u64>,
    /// One per goal, in config order.
    pub goals: Vec<GoalView>,
    /// Counts of the last [`HISTORY`] readings up to now, oldest first, for a sparkline.
    pub history: Vec<u64>,
    /// When each of those readings was taken (same order and length as `history`).
    pub history_at: Vec<DateTime<Utc>>,
    /// Streams per hour between consecutive readings of `history`, oldest first (0 where a
    /// reading went down or two share a time).
    pub rates: Vec<u64>,
}

/// The next goal not reached whose deadline is still ahead: the earliest deadline first.
pub(crate) fn next_goal(figures: &StreamView, now: DateTime<Utc>) -> Option<usize> {
    figures
        .goals
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.reached && now < g.deadline)
        .min_by_key(|(i, g)| (g.deadline, *i))
        .map(|(i, _)| i)
}

/// Hours between two instants, as a float (negative if `b` is before `a`).
fn hours(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    (b - a).num_milliseconds() as f64 / 3_600_000.0
}

/// Saturating `f64` → `u64`.
fn to_count(x: f64) -> u64 {
    if x.is_nan() || x <= 0.0 {
        0
    } else if x >= u64::MAX as f64 {
        u64::MAX
    } else {
        x as u64
    }
}

/// The newest reading at or before `t`, else the config's count.
fn count_at(stream: &Stream, series: Series, t: DateTime<Utc>) -> (u64, Option<DateTime<Utc>>) {
    series
        .last_at(t)
        .map_or((stream.count, None), |r| (r.count, Some(r.time)))
}

/// Streams per hour from the first to the last reading of the `PACE_WINDOW` before `now`, with
/// the span between them; `None` when they are less than [`PACE_MIN_SPAN`] apart.
/// First-to-last rather than least squares: it matches how fans compute "per hour" by hand,
/// and a count corrected downwards (a lower reading) yields 0 rather than a negative pace.
pub(crate) fn pace(series: Series, now: DateTime<Utc>) -> Option<(f64, TimeDelta)> {
    let end = series.upto(now);
    // Readings at or after `now - PACE_WINDOW`; before the earliest instant, all of them.
    let start = now
        .checked_sub_signed(PACE_WINDOW)
        .map_or(0, |from| series.times[..end].partition_point(|&t| t < from));
    if end < start + 2 {
        return None;
    }
    let (first, last) = (series.get(start)?, series.get(end - 1)?);
    let over = last.time - first.time;
    if over < PACE_MIN_SPAN {
        return None;
    }
    let span = hours(first.time, last.time);
    Some((
        (last.count as f64 - first.count as f64).max(0.0) / span,
        over,
    ))
}

/// The window's final figure: its last reading inside it, else (no readings at all) the
/// config's count when it is not 0.
fn final_count(stream: &Stream, series: Series) -> Option<u64> {
    match series.last_at(stream.window_end) {
        Some(r) if r.time >= stream.window_start => Some(r.count),
        Some(_) => None,
        None if series.times.is_empty() && stream.count > 0 => Some(stream.count),
        None => None,
    }
}

/// `count` carried forward from `now` to `t` at `rate` per hour.
fn project(count: u64, rate: f64, now: DateTime<Utc>, t: DateTime<Utc>) -> u64 {
    let ahead = hours(now, t).max(0.0);
    to_count(count as f64 + rate * ahead)
}

/// The stream at `now`, given its own readings (`Readings::of` the stream). Binary searches
/// and the last [`HISTORY`] readings only: a frame costs the same for ten readings or a million.
pub fn view(stream: &Stream, series: Series, now: DateTime<Utc>) -> StreamView {
    let (count, count_at_time) = count_at(stream, series, now);
    let (pace, pace_over) = pace(series, now).unzip();
    // For status only: without two recent readings, the average since the release (the count
    // started at 0 then) is the best guess of the pace.
    let since = hours(stream.window_start, now);
    let guess = pace.or_else(|| (since > 0.0).then(|| count as f64 / since));

    let window = if now < stream.window_start {
        Window::Opens {
            in_secs: (stream.window_start - now).num_seconds(),
        }
    } else if now < stream.window_end {
        Window::Open {
            left_secs: (stream.window_end - now).num_seconds(),
        }
    } else {
        Window::Closed {
            at: stream.window_end,
            final_count: final_count(stream, series),
        }
    };
    let projection = match window {
        Window::Closed { final_count, .. } => final_count,
        Window::Opens { .. } => None,
        Window::Open { .. } => pace.map(|p| project(count, p, now, stream.window_end)),
    };
    let mut goals: Vec<GoalView> = stream
        .goals
        .iter()
        .map(|g| goal_view(stream, g, series, now, count, pace, guess))
        .collect();
    // Once the window has closed, its chart and rates show the window: counts polled since
    // (the total years later) would dwarf it.
    let end = match window {
        Window::Closed { at, .. } => series.upto(at),
        _ => series.upto(now),
    };
    let from = end.saturating_sub(HISTORY);
    let (times, counts) = (&series.times[from..end], &series.counts[from..end]);
    for g in &mut goals {
        g.reached_at = times
            .iter()
            .zip(counts)
            .find(|(t, c)| **c >= g.target && **t >= stream.window_start && **t <= g.deadline)
            .map(|(t, _)| *t);
    }
    let history = counts.to_vec();
    let history_at = times.to_vec();
    let rates = times
        .windows(2)
        .zip(counts.windows(2))
        .map(|(t, c)| {
            let h = hours(t[0], t[1]);
            if h <= 0.0 {
                0
            } else {
                to_count((c[1] as f64 - c[0] as f64) / h)
            }
        })
        .collect();
    StreamView {
        count,
        count_at: count_at_time,
        window,
        pace,
        pace_over,
        projection,
        goals,
        history,
        history_at,
        rates,
    }
}

fn goal_view(
    stream: &Stream,
    goal: &Goal,
    series: Series,
    now: DateTime<Utc>,
    count_now: u64,
    pace: Option<f64>,
    guess: Option<f64>,
) -> GoalView {
    let passed = now >= goal.deadline;
    let count = if passed {
        count_at(stream, series, goal.deadline).0
    } else {
        count_now
    };
    let target = goal.target.max(1);
    let reached = count >= target;
    let percent = count as f64 / target as f64 * 100.0;
    let needed = target.saturating_sub(count);
    let from = now.max(stream.window_start);
    let needed_per_hour = (!passed).then(|| {
        let h = hours(from, goal.deadline);
        if needed == 0 || h <= 0.0 {
            0.0
        } else {
            needed as f64 / h
        }
    });
    let projection = if passed {
        Some(count)
    } else {
        pace.map(|p| project(count, p, from, goal.deadline))
    };
    // A reading inside the goal's window (from the opening to the deadline, up to now): without
    // one there is no count to call short at the deadline and no pace to call behind.
    let until = now.min(goal.deadline);
    let first_inside = series.times.partition_point(|&t| t < stream.window_start);
    let has_data = series.times.get(first_inside).is_some_and(|&t| t <= until);
    let status = if now < stream.window_start {
        Status::Waiting
    } else if reached {
        Status::Reached
    } else if !has_data {
        Status::NoData
    } else if passed {
        Status::Missed
    } else if guess.is_some_and(|g| project(count, g, now, goal.deadline) >= target) {
        Status::OnPace
    } else {
        Status::Behind
    };
    GoalView {
        label: goal.label.clone(),
        target: goal.target,
        deadline: goal.deadline,
        count,
        reached,
        percent,
        ratio: (percent / 100.0).clamp(0.0, 1.0),
        needed,
        needed_per_hour,
        projection,
        status,
        reached_at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readings::{Reading, Readings};

    /// Readings seconds apart (a 2 s poller on a fresh event) make no pace and no projection;
    /// ten minutes apart they do, and say over what span.
    #[test]
    fn a_pace_needs_ten_minutes_of_readings() {
        let close = [
            reading("2022-04-24T14:00:00Z", 0),
            reading("2022-04-24T14:00:02Z", 10_800),
        ];
        // 10,800 in 2 s would be 19.4M/h, projecting 190M+ at the close.
        let v = view_of(&seed(), &close, utc("2022-04-24T14:00:02Z"));
        assert_eq!((v.pace, v.pace_over, v.projection), (None, None, None));
        let apart = [
            reading("2022-04-24T14:00:00Z", 0),
            reading("2022-04-24T14:10:00Z", 50_000),
        ];
        let v = view_of(&seed(), &apart, utc("2022-04-24T14:10:00Z"));
        // 50k in 10 min: 300k/h.
        assert_eq!(v.pace, Some(300_000.0));
        assert_eq!(v.pace_over, Some(TimeDelta::minutes(10)));
    }
    use crate::testing::utc;

    /// The view of `stream` given readings of any streams, in any order.
    fn view_of(stream: &Stream, readings: &[Reading], now: DateTime<Utc>) -> StreamView {
        let readings: Readings = readings.iter().cloned().collect();
        view(stream, readings.of(&stream.event, &stream.platform), now)
    }

    /// The seed's scenario: With You out 2022-04-24 14:00 UTC (23:00 KST), the chart window
    /// closes 2022-04-25 00:00 UTC (10 h), goals 2.7M / 3.2M by the window, 4M / 5M within 24 h.
    fn seed() -> Stream {
        let release = utc("2022-04-24T14:00:00Z");
        let window_end = utc("2022-04-25T00:00:00Z");
        let day = utc("2022-04-25T14:00:00Z");
        let goal = |label: &str, target, deadline| Goal {
            label: label.into(),
            target,
            deadline,
        };
        Stream {
            event: "with-you".into(),
            platform: "Spotify".into(),
            unit: "streams".into(),
            count: 0,
            window_start: release,
            window_end,
            window_zone: chrono_tz::UTC,
            goals: vec![
                goal("Global top 10", 2_700_000, window_end),
                goal("Global top 5", 3_200_000, window_end),
                goal("24-hour goal", 4_000_000, day),
                goal("24-hour stretch goal", 5_000_000, day),
            ],
            source: None,
        }
    }

    use crate::testing::spotify as reading;

    /// Readings every hour from the release: 300k in the first hour, then 280k/h.
    fn seed_readings() -> Vec<Reading> {
        vec![
            reading("2022-04-24T15:00:00Z", 300_000),
            reading("2022-04-24T16:00:00Z", 580_000),
            reading("2022-04-24T17:00:00Z", 860_000),
            reading("2022-04-24T18:00:00Z", 1_140_000),
        ]
    }

    #[test]
    fn before_the_release_every_goal_waits() {
        let v = view_of(&seed(), &seed_readings(), utc("2022-04-24T13:00:00Z"));
        assert_eq!(v.window, Window::Opens { in_secs: 3600 });
        assert_eq!(v.count, 0);
        assert!(v.goals.iter().all(|g| g.status == Status::Waiting));
        // Needed per hour counts from the window's opening: 2.7M over 10 h.
        assert_eq!(v.goals[0].needed_per_hour, Some(270_000.0));
        assert_eq!(v.goals[2].needed_per_hour, Some(4_000_000.0 / 24.0));
    }

    #[test]
    fn four_hours_in_the_seed_scenario_by_hand() {
        let now = utc("2022-04-24T18:00:00Z");
        let v = view_of(&seed(), &seed_readings(), now);
        assert_eq!(v.count, 1_140_000);
        assert_eq!(
            v.window,
            Window::Open {
                left_secs: 6 * 3600
            }
        );
        // Last 3 h: 300k at 15:00 to 1.14M at 18:00 = 840k / 3 h.
        assert_eq!(v.pace, Some(280_000.0));
        // 1.14M + 6 h × 280k = 2.82M at the window's end.
        assert_eq!(v.projection, Some(2_820_000));
        let top10 = &v.goals[0];
        assert_eq!(top10.needed, 1_560_000);
        assert_eq!(top10.needed_per_hour, Some(260_000.0)); // 1.56M / 6 h
        assert_eq!(top10.status, Status::OnPace);
        let top5 = &v.goals[1];
        assert_eq!(top5.needed, 2_060_000);
        assert!((top5.needed_per_hour.unwrap() - 343_333.33).abs() < 0.01); // 2.06M / 6 h
        assert_eq!(top5.status, Status::Behind);
        let day = &v.goals[2];
        // 2.86M / 20 h = 143k/h; the pace projects 1.14M + 20 × 280k = 6.74M.
        assert_eq!(day.needed_per_hour, Some(143_000.0));
        assert_eq!(day.projection, Some(6_740_000));
        assert_eq!(day.status, Status::OnPace);
        assert!((top10.percent - 42.222).abs() < 0.001);
        assert_eq!(v.history, [300_000, 580_000, 860_000, 1_140_000]);
        assert_eq!(v.rates, [280_000, 280_000, 280_000]);
    }

    #[test]
    fn after_the_window_closes_goals_are_reached_or_missed() {
        let mut readings = seed_readings();
        readings.push(reading("2022-04-24T23:59:00Z", 2_950_000));
        readings.push(reading("2022-04-25T02:00:00Z", 3_400_000));
        let v = view_of(&seed(), &readings, utc("2022-04-25T03:00:00Z"));
        assert_eq!(
            v.window,
            Window::Closed {
                at: utc("2022-04-25T00:00:00Z"),
                final_count: Some(2_950_000)
            }
        );
        assert_eq!(v.goals[0].status, Status::Reached);
        // The top 10 was first seen reached at 23:59 (2.95M), the 24-hour goal not yet.
        assert_eq!(v.goals[0].reached_at, Some(utc("2022-04-24T23:59:00Z")));
        assert_eq!(v.goals[2].reached_at, None);
        assert_eq!(v.goals[1].status, Status::Missed);
        assert_eq!(v.goals[1].needed_per_hour, None);
        assert_eq!(v.goals[1].count, 2_950_000);
        // The 24 h goal at 03:00: only one reading in the last 3 h, so no pace; its status
        // comes from the average since release, 3.4M over 13 h ≈ 261.5k/h, which projects
        // 3.4M + 11 h × 261.5k ≈ 6.28M by 14:00: on pace, 600k still needed.
        assert_eq!(v.pace, None);
        assert_eq!(v.goals[2].needed, 600_000);
        assert_eq!(v.goals[2].status, Status::OnPace);
        assert!((v.goals[2].needed_per_hour.unwrap() - 600_000.0 / 11.0).abs() < 1e-6);
    }

    /// Counts polled years later make no final figure and no chart: the window closed without
    /// a reading in it.
    #[test]
    fn readings_after_the_close_never_make_the_final_figure() {
        let late = [
            reading("2026-12-07T00:00:00Z", 1_560_000_000),
            reading("2026-12-07T00:00:02Z", 1_560_001_000),
        ];
        let v = view_of(&seed(), &late, utc("2026-12-07T00:00:02Z"));
        assert_eq!(
            v.window,
            Window::Closed {
                at: utc("2022-04-25T00:00:00Z"),
                final_count: None
            }
        );
        assert_eq!(v.projection, None);
        assert!(v.history.is_empty() && v.rates.is_empty(), "{v:?}");
        assert_eq!(v.count, 1_560_001_000);
        // A count typed into the config with no readings at all is taken as the final.
        let mut s = seed();
        s.count = 2_800_000;
        let v = view_of(&s, &[], utc("2026-12-07T00:00:00Z"));
        assert!(matches!(
            v.window,
            Window::Closed {
                final_count: Some(2_800_000),
                ..
            }
        ));
    }

    #[test]
    fn one_reading_gives_no_pace() {
        let v = view_of(
            &seed(),
            &[reading("2022-04-24T15:00:00Z", 300_000)],
            utc("2022-04-24T15:30:00Z"),
        );
        assert_eq!(v.pace, None);
        assert_eq!(v.projection, None);
    }

    #[test]
    fn a_beaten_goal_clamps_the_gauge_not_the_percent() {
        let v = view_of(
            &seed(),
            &[reading("2022-04-24T20:00:00Z", 3_024_000)],
            utc("2022-04-24T20:00:00Z"),
        );
        let g = &v.goals[0];
        assert!((g.percent - 112.0).abs() < 1e-9);
        assert_eq!(g.ratio, 1.0);
        assert_eq!(g.needed, 0);
        assert_eq!(g.needed_per_hour, Some(0.0));
        assert_eq!(g.status, Status::Reached);
    }

    #[test]
    fn no_reading_in_the_window_is_no_data_not_an_alarm() {
        // Open window, no readings at all: nothing is behind.
        let v = view_of(&seed(), &[], utc("2022-04-24T18:00:00Z"));
        assert!(v.goals.iter().all(|g| g.status == Status::NoData), "{v:?}");
        // Closed window, no readings: nothing is missed either.
        let v = view_of(&seed(), &[], utc("2026-11-25T19:26:00Z"));
        assert!(v.goals.iter().all(|g| g.status == Status::NoData), "{v:?}");
        // A reading before the release is outside the window: still no data.
        let early = [reading("2022-04-24T13:00:00Z", 5_000)];
        let v = view_of(&seed(), &early, utc("2022-04-24T18:00:00Z"));
        assert_eq!(v.goals[0].status, Status::NoData);
        // A reading after the window's deadline says nothing about the count at it: the
        // window goals have no data, the 24-hour goals (deadline later) are judged: 2M over
        // the 13 h since release ≈ 154k/h, 2M + 11 h × 154k ≈ 3.69M by 14:00, short of 4M.
        let late = [reading("2022-04-25T02:00:00Z", 2_000_000)];
        let v = view_of(&seed(), &late, utc("2022-04-25T03:00:00Z"));
        assert_eq!(v.goals[0].status, Status::NoData);
        assert_eq!(v.goals[2].status, Status::Behind);
        // One reading inside the window before its deadline: now it is missed.
        let one = [reading("2022-04-24T20:00:00Z", 1_000_000)];
        let v = view_of(&seed(), &one, utc("2022-04-25T03:00:00Z"));
        assert_eq!(v.goals[0].status, Status::Missed);
        // A config count at or over the target is reached, reading or not.
        let mut s = seed();
        s.count = 2_800_000;
        let v = view_of(&s, &[], utc("2022-04-24T18:00:00Z"));
        assert_eq!(v.goals[0].status, Status::Reached);
        assert_eq!(v.goals[1].status, Status::NoData);
    }

    #[test]
    fn no_data_reads_as_no_data_in_json() {
        assert_eq!(
            serde_json::to_value(Status::NoData).unwrap(),
            serde_json::json!("no_data")
        );
        assert_eq!(Status::NoData.text(Lang::En), "no data");
        assert_eq!(Status::NoData.text(Lang::Ko), "자료 없음");
    }

    #[test]
    fn readings_of_other_streams_are_ignored() {
        let mut r = reading("2022-04-24T15:00:00Z", 9);
        r.platform = "YouTube".into();
        let v = view_of(&seed(), &[r], utc("2022-04-24T16:00:00Z"));
        assert_eq!(v.count, 0);
        assert!(v.history.is_empty());
    }

    #[test]
    fn history_and_rates_keep_the_latest_readings_up_to_now() {
        let start = utc("2022-04-24T14:00:00Z");
        let readings: Vec<Reading> = (0..HISTORY as u64 + 100)
            .map(|i| Reading {
                time: start + TimeDelta::minutes(i as i64),
                count: i * 1000,
                ..reading("2022-04-24T14:00:00Z", 0)
            })
            .collect();
        // 50 readings lie after now: the last one shown is number HISTORY + 49.
        let now = start + TimeDelta::minutes(HISTORY as i64 + 49);
        let v = view_of(&seed(), &readings, now);
        assert_eq!(v.history.len(), HISTORY);
        assert_eq!(v.history.first(), Some(&50_000));
        assert_eq!(v.history.last(), Some(&((HISTORY as u64 + 49) * 1000)));
        assert_eq!(v.rates.len(), HISTORY - 1);
        assert!(v.rates.iter().all(|&r| r == 60_000), "{:?}", v.rates);
        // The pace still looks at the last three hours only: 1000 a minute.
        assert_eq!(v.pace, Some(60_000.0));
    }

    #[test]
    fn pace_counts_readings_exactly_three_hours_old() {
        let readings = [
            reading("2022-04-24T14:59:59Z", 0),
            reading("2022-04-24T15:00:00Z", 100_000),
            reading("2022-04-24T18:00:00Z", 400_000),
            reading("2022-04-24T18:00:01Z", 999_999),
        ];
        let all: Readings = readings.iter().cloned().collect();
        let series = all.of("with-you", "Spotify");
        assert_eq!(
            pace(series, utc("2022-04-24T18:00:00Z")),
            Some((100_000.0, TimeDelta::hours(3)))
        );
        assert_eq!(pace(series, utc("2022-04-24T14:59:59Z")), None);
        assert_eq!(pace(Series::default(), utc("2022-04-24T18:00:00Z")), None);
    }
}
