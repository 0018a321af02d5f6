//! The clock the app asks for `now`: the system's, a fixed one for tests, or a replay that
//! starts at `--at` and runs `--speed` times faster.

use std::time::Duration;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};

/// The end of 9999 (UTC): the last instant `--at` and the config accept and RFC 3339 can write,
/// where a replay stops.
pub(crate) const END: DateTime<Utc> = match DateTime::from_timestamp(253_402_300_799, 0) {
    Some(t) => t,
    None => panic!("9999-12-31T23:59:59Z is a valid instant"),
};

/// A source of the current instant.
#[derive(Debug, Clone, PartialEq)]
pub enum Clock {
    /// The system clock.
    System,
    /// Always the same instant (tests, `--once`).
    Fixed(DateTime<Utc>),
    /// Starts at `start` when the real clock read `real_start`, and runs `speed` times faster.
    Replay {
        /// The replayed instant at launch.
        start: DateTime<Utc>,
        /// The system time at launch.
        real_start: DateTime<Utc>,
        /// How many replayed seconds pass per real second.
        speed: f64,
    },
}

impl Clock {
    /// A replay from `start` at `speed`, anchored to the system clock's current whole second,
    /// so at speed 1 the replayed seconds turn with the real ones.
    pub(crate) fn replay(start: DateTime<Utc>, speed: f64) -> Clock {
        Clock::Replay {
            start,
            real_start: floor_second(Utc::now()),
            speed,
        }
    }

    /// The current instant, read afresh each time (a suspend or NTP step shows at once).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => *t,
            Clock::Replay {
                start,
                real_start,
                speed,
            } => replayed(*start, *real_start, *speed, Utc::now()),
        }
    }

    /// Whether this is a replay that reached the end of 9999, where it stays.
    pub(crate) fn ended(&self) -> bool {
        matches!(self, Clock::Replay { .. }) && self.now() >= END
    }

    /// The real time to wait until the shown second next changes; a fast replay waits at
    /// least `min`.
    pub(crate) fn until_next_second(&self, min: Duration) -> Duration {
        let speed = match self {
            Clock::System => 1.0,
            // A fixed clock never changes, nor does a replay at its end; wake rarely.
            Clock::Fixed(_) => return Duration::from_secs(3600),
            Clock::Replay { .. } if self.ended() => return Duration::from_secs(3600),
            Clock::Replay { speed, .. } => *speed,
        };
        let now = self.now();
        let into = now - floor_second(now);
        let left = (TimeDelta::seconds(1) - into)
            .to_std()
            .unwrap_or(Duration::ZERO);
        let wait = left.div_f64(speed.max(1e-9));
        if speed > 1.0 {
            // At high speed a shown second lasts less than `min`: cap the frame rate instead.
            wait.max(min)
        } else {
            // Just past the boundary, never just before it (that would draw the same second).
            wait + Duration::from_micros(500)
        }
    }
}

/// The replayed instant at real time `real_now`: from `start` on to [`END`] and no further, and
/// never back before `start` (a system clock stepped back holds it there).
fn replayed(
    start: DateTime<Utc>,
    real_start: DateTime<Utc>,
    speed: f64,
    real_now: DateTime<Utc>,
) -> DateTime<Utc> {
    let real = (real_now - real_start)
        .num_microseconds()
        .unwrap_or(i64::MAX) as f64;
    // The microseconds to the end of 9999 (at most 3.2e17) fit an i64, and an f64 to within
    // 64 of them: clamped there, the cast cannot saturate.
    let room = (END - start).num_microseconds().unwrap_or(0).max(0);
    let scaled = (real * speed).max(0.0).min(room as f64) as i64;
    start
        .checked_add_signed(TimeDelta::microseconds(scaled.min(room)))
        .unwrap_or(END)
}

/// `now` with the fraction of a second dropped: what a frame shows.
pub(crate) fn floor_second(now: DateTime<Utc>) -> DateTime<Utc> {
    now.duration_trunc(TimeDelta::seconds(1)).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;
    use crate::testing::utc;

    #[test]
    fn replay_runs_faster_from_its_start() {
        let start = utc("2022-04-24T13:00:00Z");
        let real = utc("2026-11-25T10:00:00Z");
        let later = utc("2026-11-25T10:00:02Z");
        assert_eq!(
            replayed(start, real, 1.0, later),
            utc("2022-04-24T13:00:02Z")
        );
        assert_eq!(
            replayed(start, real, 60.0, later),
            utc("2022-04-24T13:02:00Z")
        );
    }

    #[test]
    fn a_fast_replay_runs_on_to_the_end_of_9999_and_stops_there() {
        let start = utc("2022-04-24T13:00:00Z");
        let real = utc("2026-11-25T10:00:00Z");
        // The fastest speed --speed takes from there runs the full day to the end of 9999,
        // through 2307 (where 2^53 microseconds end) and on.
        let hour = utc("2026-11-25T11:00:00Z");
        let t = replayed(start, real, 2_913_790.0, hour);
        assert_eq!(t.year(), 2354, "{t}");
        let day = utc("2026-11-26T10:00:00Z");
        assert_eq!(
            replayed(start, real, 2_913_790.0, day),
            utc("9999-12-31T13:00:00Z")
        );
        assert_eq!(replayed(start, real, 1e308, hour), END);
        assert_eq!(replayed(utc("9999-12-31T23:59:58Z"), real, 1.0, hour), END);
        // A system clock stepped back before the start holds the replay at its start.
        assert_eq!(
            replayed(start, real, 60.0, utc("2026-11-25T09:00:00Z")),
            start
        );
        let ended = Clock::replay(utc("9999-12-31T23:59:59Z"), 1.0);
        assert!(ended.ended());
        assert_eq!(
            ended.until_next_second(Duration::from_millis(50)),
            Duration::from_secs(3600)
        );
        assert!(!Clock::replay(start, 1.0).ended());
        assert!(!Clock::Fixed(END).ended());
    }

    #[test]
    fn fixed_clock_is_fixed() {
        let t = utc("2022-04-24T13:00:00.5Z");
        let c = Clock::Fixed(t);
        assert_eq!(c.now(), t);
        assert_eq!(floor_second(c.now()), utc("2022-04-24T13:00:00Z"));
    }

    #[test]
    fn waits_never_exceed_a_second_on_the_system_clock() {
        // A key handled just before a boundary must not push the next second back.
        let d = Clock::System.until_next_second(Duration::from_millis(50));
        assert!(d <= Duration::from_millis(1001));
        let fast = Clock::replay(utc("2022-04-24T13:00:00Z"), 1000.0);
        assert_eq!(
            fast.until_next_second(Duration::from_millis(50)),
            Duration::from_millis(50)
        );
    }
}
