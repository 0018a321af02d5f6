//! When a source is polled next: `every` after a success, backing off exponentially after
//! failures up to half an hour, so a broken source neither hammers a server nor goes quiet
//! for long once it is fixed. Pure: every function takes `now`.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

/// The longest wait after failures (unless `every` itself is longer).
pub(crate) const MAX_BACKOFF: TimeDelta = TimeDelta::minutes(30);

/// The wait before the next poll after `failures` failures in a row: `every` after a success,
/// else `every · 2^failures` capped at [`MAX_BACKOFF`], and never shorter than `every`.
pub(crate) fn delay(every: TimeDelta, failures: u32) -> TimeDelta {
    if failures == 0 {
        return every;
    }
    // 2^30 times even one second is past the cap, so larger exponents change nothing.
    let factor = 1i32 << failures.min(30);
    let backed_off = every.checked_mul(factor).unwrap_or(TimeDelta::MAX);
    backed_off.min(MAX_BACKOFF).max(every)
}

/// One source's polling clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    every: TimeDelta,
    failures: u32,
    next: DateTime<Utc>,
}

impl Schedule {
    /// A schedule whose first poll is due at `now`.
    pub(crate) fn new(every: Duration, now: DateTime<Utc>) -> Schedule {
        Schedule {
            every: TimeDelta::from_std(every).unwrap_or(TimeDelta::MAX),
            failures: 0,
            next: now,
        }
    }

    /// When the next poll is due.
    pub(crate) fn next(&self) -> DateTime<Utc> {
        self.next
    }

    /// Whether a poll is due at `now`.
    pub(crate) fn is_due(&self, now: DateTime<Utc>) -> bool {
        now >= self.next
    }

    /// Failures in a row since the last success.
    #[cfg(test)]
    fn failures(&self) -> u32 {
        self.failures
    }

    /// Records a poll that finished at `now` and sets the next one.
    pub(crate) fn record(&mut self, ok: bool, now: DateTime<Utc>) {
        self.failures = if ok {
            0
        } else {
            self.failures.saturating_add(1)
        };
        self.next = now
            .checked_add_signed(delay(self.every, self.failures))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn every_five_minutes_backs_off_to_half_an_hour() {
        let every = TimeDelta::minutes(5);
        // 5 min, then 5·2 = 10, 5·4 = 20, 5·8 = 40 → capped at 30.
        let waits: Vec<i64> = (0..6).map(|n| delay(every, n).num_minutes()).collect();
        assert_eq!(waits, [5, 10, 20, 30, 30, 30]);
        // A source slower than the cap keeps its own pace.
        assert_eq!(delay(TimeDelta::hours(2), 3), TimeDelta::hours(2));
        assert_eq!(delay(TimeDelta::seconds(1), u32::MAX), MAX_BACKOFF);
    }

    #[test]
    fn a_schedule_fails_backs_off_and_recovers() {
        let t0 = utc("2022-04-24T14:00:00Z");
        let mut s = Schedule::new(Duration::from_secs(60), t0);
        assert!(s.is_due(t0));
        s.record(false, t0);
        // One failure: 1 min · 2.
        assert_eq!(s.next(), utc("2022-04-24T14:02:00Z"));
        assert!(!s.is_due(utc("2022-04-24T14:01:59Z")));
        assert!(s.is_due(utc("2022-04-24T14:02:00Z")));
        s.record(false, s.next());
        // Two: 1 min · 4 from 14:02.
        assert_eq!(s.next(), utc("2022-04-24T14:06:00Z"));
        assert_eq!(s.failures(), 2);
        s.record(true, s.next());
        assert_eq!(s.failures(), 0);
        assert_eq!(s.next(), utc("2022-04-24T14:07:00Z"));
    }

    proptest! {
        #[test]
        fn delay_is_bounded_and_grows(
            every_ms in 1_000i64..=3_155_760_000_000,
            failures in 0u32..200,
        ) {
            let every = TimeDelta::milliseconds(every_ms);
            let d = delay(every, failures);
            prop_assert!(d >= every);
            prop_assert!(d <= every.max(MAX_BACKOFF));
            prop_assert!(delay(every, failures + 1) >= d);
            if failures == 0 {
                prop_assert_eq!(d, every);
            } else if every * 2 <= MAX_BACKOFF {
                prop_assert!(d >= every * 2);
            }
        }
    }
}
