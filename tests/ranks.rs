//! Property tests of the rank math (`streams::rank`): a streak never exceeds the time since
//! the first reading, a reading below the rank resets it, the status follows the newest
//! reading, the next update is always ahead and within one cadence, and an all-kill holds
//! exactly when every chart is at #1.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;

use dropwatch::streams::rank::{Cadence, RankGoal, RankStatus, all_kill, next_update, rank_view};

const ZONES: &[Tz] = &[
    chrono_tz::Asia::Seoul,
    chrono_tz::Asia::Kolkata,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::America::New_York,
    chrono_tz::UTC,
];

fn cfg(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn t(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_654_800_000 + secs, 0).expect("in range")
}

/// Readings oldest first: gaps of 1 minute to 3 hours, ranks 1..=12.
fn readings() -> impl Strategy<Value = Vec<(DateTime<Utc>, u64)>> {
    prop::collection::vec((60i64..10_800, 1u64..=12), 0..40).prop_map(|steps| {
        let mut at = 0;
        steps
            .into_iter()
            .map(|(gap, rank)| {
                at += gap;
                (t(at), rank)
            })
            .collect()
    })
}

fn cadence() -> impl Strategy<Value = Option<Cadence>> {
    prop::option::of(
        (1i64..=48, 0i64..60).prop_map(|(every_quarters, at)| Cadence {
            every: TimeDelta::minutes(15 * every_quarters),
            at: TimeDelta::minutes(at),
        }),
    )
}

proptest! {
    #![proptest_config(cfg(256))]

    #[test]
    fn a_streak_is_bounded_and_reset_by_a_lost_rank(
        points in readings(),
        rank in 1u64..=10,
        hold in prop::option::of(1i64..=30),
        cadence in cadence(),
        now_secs in 0i64..500_000,
    ) {
        let goal = RankGoal { rank, hold: hold.map(TimeDelta::hours) };
        let window = (t(0), t(400_000));
        let now = t(now_secs);
        let v = rank_view(&points, goal, cadence, window, now);
        let seen: Vec<_> = points.iter().filter(|p| p.0 <= now.min(window.1)).collect();
        // Never longer than the time since the first reading, never negative.
        let first = seen.first().map(|p| p.0);
        prop_assert!(v.streak >= TimeDelta::zero());
        prop_assert!(v.longest >= v.streak);
        match first {
            Some(f) => prop_assert!(v.longest <= now - f),
            None => prop_assert_eq!(v.longest, TimeDelta::zero()),
        }
        // The newest reading below the rank: no streak, and not held.
        if let Some(last) = seen.last() {
            prop_assert_eq!(v.current, Some(last.1));
            if last.1 > rank {
                prop_assert_eq!(v.streak, TimeDelta::zero());
                prop_assert!(v.since.is_none());
                prop_assert!(v.status != RankStatus::Held);
            } else if now < window.1 && v.status != RankStatus::Reached {
                prop_assert_eq!(v.status, RankStatus::Held);
            }
        } else {
            prop_assert_eq!(v.status, RankStatus::NoData);
        }
        // A streak goal is reached exactly when the longest run is long enough.
        if let (Some(h), true) = (goal.hold, !seen.is_empty()) {
            prop_assert_eq!(v.status == RankStatus::Reached, v.longest >= h);
        }
        // Held since the run's first reading, which is at or before now.
        if let Some(s) = v.since {
            prop_assert!(s <= now);
            prop_assert_eq!(v.streak, seen.last().map(|p| p.0 - s).unwrap_or_default());
        }
    }

    #[test]
    fn the_next_update_is_ahead_and_within_one_cadence(
        every in 1i64..=1440,
        at in 0i64..60,
        zone in prop::sample::select(ZONES),
        now_secs in 0i64..100_000_000,
    ) {
        let c = Cadence { every: TimeDelta::minutes(every), at: TimeDelta::minutes(at) };
        let now = t(now_secs);
        let next = next_update(c, zone, now);
        prop_assert!(next > now);
        prop_assert!(next - now <= c.every, "{} after {}", next, now);
    }

    #[test]
    fn an_all_kill_holds_exactly_when_every_chart_is_at_one(
        charts in prop::collection::vec(
            prop::collection::vec((60i64..7_200, 1u64..=3), 1..12), 1..5),
        now_secs in 0i64..100_000,
    ) {
        let charts: Vec<Vec<(DateTime<Utc>, u64)>> = charts
            .into_iter()
            .map(|steps| {
                let mut at = 0;
                steps.into_iter().map(|(gap, r)| { at += gap; (t(at), r) }).collect()
            })
            .collect();
        let refs: Vec<&[(DateTime<Utc>, u64)]> = charts.iter().map(Vec::as_slice).collect();
        let now = t(now_secs);
        let k = all_kill(&refs, now);
        let rank_now = |c: &[(DateTime<Utc>, u64)]| c.iter().rev().find(|p| p.0 <= now).map(|p| p.1);
        let at_one = refs.iter().filter(|c| rank_now(c) == Some(1)).count();
        prop_assert_eq!(k.at_one, at_one);
        prop_assert_eq!(k.of, refs.len());
        prop_assert_eq!(k.since.is_some(), at_one == refs.len());
        if let Some(s) = k.since {
            prop_assert!(s <= now);
            prop_assert!(k.ended.is_none());
        }
        if let Some(e) = k.ended {
            prop_assert!(e <= now);
        }
    }
}
