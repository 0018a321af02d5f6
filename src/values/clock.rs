//! The clock the app asks for `now`: the system's, a fixed one for tests, or a replay that
//! starts at `--at` and runs `--speed` times faster.

use std::time::Duration;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};

/// The end of 9999 (UTC): the last instant `--at` and the config accept and RFC 3339 can write,
/// where a replay stops.
pub const END: DateTime<Utc> = match DateTime::from_timestamp(253_402_300_799, 0) {
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
    pub fn replay(start: DateTime<Utc>, speed: f64) -> Clock {
        Clock::Replay {
            start,
            real_start: floor_second(Utc::now()),
            speed,
        }
    }

    /// The current instant, read afresh each time (a suspend or NTP step shows at once).
    pub fn now(&self) -> DateTime<Utc> {
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

    /// The real time to wait until the shown second next changes; a fast replay waits at
    /// least `min`.
    pub fn until_next_second(&self, min: Duration) -> Duration {
        let speed = match self {
            Clock::System => 1.0,
            // A fixed clock never changes; wake rarely.
            Clock::Fixed(_) => return Duration::from_secs(3600),
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

/// The replayed instant at real time `real_now`.
fn replayed(
    start: DateTime<Utc>,
    real_start: DateTime<Utc>,
    speed: f64,
    real_now: DateTime<Utc>,
) -> DateTime<Utc> {
    let real = (real_now - real_start)
        .num_microseconds()
        .unwrap_or(i64::MAX) as f64;
    let scaled = (real * speed).clamp(-9.0e15, 9.0e15) as i64;
    start
        .checked_add_signed(TimeDelta::microseconds(scaled))
        .unwrap_or(start)
}

/// `now` with the fraction of a second dropped: what a frame shows.
pub fn floor_second(now: DateTime<Utc>) -> DateTime<Utc> {
    now.duration_trunc(TimeDelta::seconds(1)).unwrap_or(now)
}

#[cfg(test)]
mod tests {
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
