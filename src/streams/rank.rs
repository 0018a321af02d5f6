//! Pure rank math: a chart position (1 is the top) read over time, judged against rank goals
//! ("#1", "top 10") and streak goals ("#1 for 24h in a row"), the chart's next update, and the
//! all-kill across several charts. Readings are `(time, rank)` oldest first; `now` is an
//! argument. A streak is counted at the readings (the chart's update times): from the first
//! reading of the current run at or above the rank to the newest one, so it never exceeds the
//! time since the first reading, and a reading below the rank resets it.

use chrono::{DateTime, Days, TimeDelta, Utc};
use chrono_tz::Tz;

use crate::config::rank::RankLabel;
pub use crate::config::rank::{Cadence, RankGoal};
use crate::lang::{Arg, Lang};
use crate::readings::Series;

/// The most readings of one rank stream judged at once (the newest): weeks of readings a
/// minute apart, and a bound on the work whatever the file holds.
const MOST: usize = 20_000;

/// The readings of a rank `series` from `start` up to `now` (or `end`, when sooner), the
/// newest [`MOST`], as `(time, rank)` oldest first. A 0 is no position (a source's "not
/// charting" or a slip): it is not judged.
pub(crate) fn points(
    series: Series<'_>,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, u64)> {
    let hi = series.upto(now.min(end));
    let lo = series
        .upto(start - TimeDelta::seconds(1))
        .max(hi.saturating_sub(MOST));
    (lo..hi)
        .filter_map(|k| series.get(k))
        .filter(|p| p.count > 0)
        .map(|p| (p.time, p.count))
        .collect()
}

/// Whether `goal` was reached by `now` in the readings `points` (oldest first, inside the
/// window): a rank goal at its first reading at or above the rank, a streak goal once a run
/// lasted long enough. Losing the rank later does not undo it.
pub(crate) fn reached(
    points: &[(DateTime<Utc>, u64)],
    goal: RankGoal,
    cadence: Option<Cadence>,
) -> bool {
    let (_, _, longest) = runs(points, goal.rank, cadence.map(|c| c.every * 2));
    match goal.hold {
        None => points.iter().any(|p| p.1 <= goal.rank),
        Some(h) => points.iter().any(|p| p.1 <= goal.rank) && longest >= h,
    }
}

/// When the rank was last lost: the first reading below `rank` after the newest reading at
/// or above it; `None` when never at it, or at it now.
pub(crate) fn lost_at(points: &[(DateTime<Utc>, u64)], rank: u64) -> Option<DateTime<Utc>> {
    let last = points.iter().rposition(|p| p.1 <= rank)?;
    points.get(last + 1).map(|p| p.0)
}

/// Where a rank goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RankStatus {
    /// Done: the streak was held long enough, or the window closed after the rank was reached.
    Reached,
    /// At or above the rank now (a streak goal not yet long enough).
    Held,
    /// It was reached in the window, and the newest reading is below it.
    Lost,
    /// The window is open and the rank has not been reached yet (or the window has not opened).
    Waiting,
    /// The window closed without it.
    Missed,
    /// No reading in the window yet.
    NoData,
}

/// A rank goal's figures at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankView {
    /// The newest rank at or before `now` in the window.
    pub current: Option<u64>,
    /// The best (lowest) rank in the window.
    pub best: Option<u64>,
    /// The status.
    pub status: RankStatus,
    /// The current run at or above the goal's rank: since when (its first reading).
    pub since: Option<DateTime<Utc>>,
    /// The current streak (zero when not at or above the rank now).
    pub streak: TimeDelta,
    /// The longest streak in the window.
    pub longest: TimeDelta,
}

/// The readings in `[start, min(now, end)]`, as runs at or above `rank`: the current streak and
/// its start, and the longest streak. Two readings further apart than twice the cadence break
/// a run: nothing says where the song was between them.
fn runs(
    points: &[(DateTime<Utc>, u64)],
    rank: u64,
    gap: Option<TimeDelta>,
) -> (Option<DateTime<Utc>>, TimeDelta, TimeDelta) {
    let mut start: Option<DateTime<Utc>> = None;
    let mut last: Option<DateTime<Utc>> = None;
    let mut longest = TimeDelta::zero();
    for &(t, r) in points {
        let broken = match (last, gap) {
            (Some(prev), Some(g)) => t - prev > g,
            _ => false,
        };
        if r > rank || broken {
            start = None;
        }
        if r <= rank {
            let s = *start.get_or_insert(t);
            longest = longest.max(t - s);
        }
        last = Some(t);
    }
    let streak = match (start, last) {
        (Some(s), Some(l)) => l - s,
        _ => TimeDelta::zero(),
    };
    (start, streak, longest)
}

/// A rank goal at `now`, for a window from `start` to `end`, from readings oldest first.
pub fn rank_view(
    points: &[(DateTime<Utc>, u64)],
    goal: RankGoal,
    cadence: Option<Cadence>,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> RankView {
    let upto = now.min(end);
    let lo = points.partition_point(|p| p.0 < start);
    let hi = points.partition_point(|p| p.0 <= upto);
    let inside = points.get(lo..hi).unwrap_or_default();
    let gap = cadence.map(|c| c.every * 2);
    let (since, streak, longest) = runs(inside, goal.rank, gap);
    let current = inside.last().map(|p| p.1);
    let best = inside.iter().map(|p| p.1).min();
    let reached_ever = best.is_some_and(|b| b <= goal.rank);
    let held_now = current.is_some_and(|c| c <= goal.rank) && since.is_some();
    let enough = goal.hold.is_none_or(|h| longest >= h);
    let status = if now < start {
        RankStatus::Waiting
    } else if inside.is_empty() {
        RankStatus::NoData
    } else if reached_ever && enough && (goal.hold.is_some() || now >= end) {
        RankStatus::Reached
    } else if now >= end {
        RankStatus::Missed
    } else if held_now {
        RankStatus::Held
    } else if reached_ever {
        RankStatus::Lost
    } else {
        RankStatus::Waiting
    };
    RankView {
        current,
        best,
        status,
        since: since.filter(|_| held_now),
        streak: if held_now { streak } else { TimeDelta::zero() },
        longest,
    }
}

/// The chart's first update after `now`: `at` past the start of each day in `zone`, then
/// every `every` (for a cadence over a day, counted from the Unix epoch).
pub fn next_update(cadence: Cadence, zone: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let every = cadence.every.max(TimeDelta::minutes(1));
    let anchor = if every > TimeDelta::days(1) {
        DateTime::UNIX_EPOCH
    } else {
        let day = now.with_timezone(&zone).date_naive();
        let midnight = day
            .checked_sub_days(Days::new(1))
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| crate::values::when::resolve_local_lenient(d, zone));
        midnight.unwrap_or(now)
    } + cadence.at;
    let periods = ((now - anchor).num_seconds().div_euclid(every.num_seconds())).max(-1);
    let mut next = anchor + every * i32::try_from(periods).unwrap_or(0);
    // At most a step or two: the division lands at or just before `now`.
    while next <= now {
        next += every;
    }
    next
}

/// Where a set of charts stands at #1: how many are at #1 now, and the all-kill (all of them
/// at #1 at once) that holds now or last held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllKill {
    /// How many charts are at #1 now.
    pub at_one: usize,
    /// How many charts there are.
    pub of: usize,
    /// The all-kill holding now: since when.
    pub since: Option<DateTime<Utc>>,
    /// The last all-kill, when none holds now: when it ended.
    pub ended: Option<DateTime<Utc>>,
}

/// The all-kill across `charts` (each one's readings, oldest first) at `now`. A chart is at
/// its newest reading's rank until its next reading.
pub fn all_kill(charts: &[&[(DateTime<Utc>, u64)]], now: DateTime<Utc>) -> AllKill {
    let at = |c: &[(DateTime<Utc>, u64)], t| {
        let i = c.partition_point(|p| p.0 <= t);
        i.checked_sub(1).and_then(|i| c.get(i)).map(|p| p.1)
    };
    let mut times: Vec<DateTime<Utc>> = charts
        .iter()
        .flat_map(|c| c.iter().map(|p| p.0))
        .filter(|t| *t <= now)
        .collect();
    times.sort_unstable();
    times.dedup();
    let mut since = None;
    let mut ended = None;
    for t in times {
        let all = !charts.is_empty() && charts.iter().all(|c| at(c, t) == Some(1));
        match (all, since) {
            (true, None) => since = Some(t),
            (false, Some(_)) => {
                since = None;
                ended = Some(t);
            }
            _ => {}
        }
    }
    AllKill {
        at_one: charts.iter().filter(|c| at(c, now) == Some(1)).count(),
        of: charts.len(),
        since,
        ended: if since.is_some() { None } else { ended },
    }
}

/// A rank goal's label as shown in `lang`: as written in the config, else made from the goal:
/// "#1", "top 10" ("10위권"), "#1 for 24h" ("#1 24시간 연속"). English writes the `for` as
/// the config does; the others in their own units.
pub(crate) fn goal_label(label: &RankLabel, goal: RankGoal, lang: Lang) -> String {
    let RankLabel::Made(hold) = label else {
        return label.neutral(goal);
    };
    if lang == Lang::En {
        return label.neutral(goal);
    }
    let place = match goal.rank {
        1 => "#1".to_string(),
        n => lang
            .t_with("ranks-top", &[("n", Arg::from(lang.count(n)))])
            .into_owned(),
    };
    match (goal.hold, hold) {
        (Some(h), Some(_)) => lang
            .t_with(
                "ranks-goal-streak",
                &[
                    ("place", Arg::from(place)),
                    ("span", Arg::from(lang.hours_minutes(h.num_seconds()))),
                ],
            )
            .into_owned(),
        _ => place,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::utc;

    fn hourly(from: &str, ranks: &[u64]) -> Vec<(DateTime<Utc>, u64)> {
        let t0 = utc(from);
        (0..)
            .zip(ranks)
            .map(|(h, r)| (t0 + TimeDelta::hours(h), *r))
            .collect()
    }

    const HOURLY: Cadence = Cadence {
        every: TimeDelta::hours(1),
        at: TimeDelta::zero(),
    };

    fn window() -> (DateTime<Utc>, DateTime<Utc>) {
        (utc("2022-06-10T04:00:00Z"), utc("2022-06-12T04:00:00Z"))
    }

    #[test]
    fn number_one_for_three_hours_then_lost() {
        // #3 at 04:00, #1 at 05:00, 06:00, 07:00 (a 2h streak, counted at the updates), #2 at 08:00.
        let p = hourly("2022-06-10T04:00:00Z", &[3, 1, 1, 1, 2]);
        let one = RankGoal {
            rank: 1,
            hold: None,
        };
        let at_7 = rank_view(&p, one, Some(HOURLY), window(), utc("2022-06-10T07:30:00Z"));
        assert_eq!(at_7.status, RankStatus::Held);
        assert_eq!(at_7.since, Some(utc("2022-06-10T05:00:00Z")));
        assert_eq!(at_7.streak, TimeDelta::hours(2));
        let at_8 = rank_view(&p, one, Some(HOURLY), window(), utc("2022-06-10T08:00:00Z"));
        assert_eq!(
            (at_8.status, at_8.streak),
            (RankStatus::Lost, TimeDelta::zero())
        );
        assert_eq!((at_8.current, at_8.best), (Some(2), Some(1)));
        assert_eq!(at_8.longest, TimeDelta::hours(2));
        let top10 = RankGoal {
            rank: 10,
            hold: Some(TimeDelta::hours(4)),
        };
        let v = rank_view(
            &p,
            top10,
            Some(HOURLY),
            window(),
            utc("2022-06-10T08:00:00Z"),
        );
        assert_eq!(
            (v.status, v.streak),
            (RankStatus::Reached, TimeDelta::hours(4))
        );
    }

    #[test]
    fn waiting_no_data_and_missed() {
        let one = RankGoal {
            rank: 1,
            hold: None,
        };
        let p = hourly("2022-06-10T04:00:00Z", &[4, 2]);
        let before = rank_view(&p, one, None, window(), utc("2022-06-10T03:00:00Z"));
        assert_eq!(before.status, RankStatus::Waiting);
        assert_eq!(
            rank_view(&[], one, None, window(), utc("2022-06-10T05:00:00Z")).status,
            RankStatus::NoData
        );
        let open = rank_view(&p, one, None, window(), utc("2022-06-10T06:00:00Z"));
        assert_eq!(open.status, RankStatus::Waiting);
        let closed = rank_view(&p, one, None, window(), utc("2022-06-13T00:00:00Z"));
        assert_eq!(closed.status, RankStatus::Missed);
    }

    #[test]
    fn a_gap_in_the_readings_breaks_the_streak() {
        // #1 at 04:00 and 05:00, nothing until 09:00 (#1 again): the run starts over.
        let mut p = hourly("2022-06-10T04:00:00Z", &[1, 1]);
        p.push((utc("2022-06-10T09:00:00Z"), 1));
        let one = RankGoal {
            rank: 1,
            hold: Some(TimeDelta::hours(3)),
        };
        let v = rank_view(&p, one, Some(HOURLY), window(), utc("2022-06-10T09:10:00Z"));
        assert_eq!((v.status, v.streak), (RankStatus::Held, TimeDelta::zero()));
        let without = rank_view(&p, one, None, window(), utc("2022-06-10T09:10:00Z"));
        assert_eq!(without.streak, TimeDelta::hours(5));
    }

    #[test]
    fn the_next_update_by_hand() {
        let seoul: Tz = "Asia/Seoul".parse().unwrap();
        // Hourly at :00: at 13:48 the next is 14:00, in 12 minutes.
        let next = next_update(HOURLY, seoul, utc("2022-06-10T13:48:00Z"));
        assert_eq!(next, utc("2022-06-10T14:00:00Z"));
        // On the hour, the next is the one after.
        let next = next_update(HOURLY, seoul, utc("2022-06-10T14:00:00Z"));
        assert_eq!(next, utc("2022-06-10T15:00:00Z"));
        // Daily at 00:00 KST (15:00 UTC).
        let daily = Cadence {
            every: TimeDelta::days(1),
            at: TimeDelta::zero(),
        };
        let next = next_update(daily, seoul, utc("2022-06-10T16:00:00Z"));
        assert_eq!(next, utc("2022-06-11T15:00:00Z"));
    }

    #[test]
    fn all_kill_now_and_the_last_one() {
        let a = hourly("2022-06-10T04:00:00Z", &[2, 1, 1, 1]);
        let b = hourly("2022-06-10T04:00:00Z", &[1, 1, 1, 3]);
        let c = hourly("2022-06-10T04:30:00Z", &[1, 1, 1, 1]);
        let k = all_kill(&[&a, &b, &c], utc("2022-06-10T06:45:00Z"));
        // All three at #1 from 05:00 (a's climb) on.
        assert_eq!(
            (k.at_one, k.of, k.since),
            (3, 3, Some(utc("2022-06-10T05:00:00Z")))
        );
        let k = all_kill(&[&a, &b, &c], utc("2022-06-10T08:00:00Z"));
        assert_eq!((k.at_one, k.since), (2, None));
        assert_eq!(k.ended, Some(utc("2022-06-10T07:00:00Z")));
        assert_eq!(all_kill(&[], utc("2022-06-10T08:00:00Z")).of, 0);
    }
}
