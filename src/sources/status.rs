//! What the screen says about a stream's source: nothing while it works, and while it fails,
//! why and how long ago it last worked.

use chrono::{DateTime, Utc};

use super::SourceError;

/// The state of one stream's source, built from its poll results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceStatus {
    /// When the last successful poll finished.
    pub last_ok: Option<DateTime<Utc>>,
    /// The latest failure's text and when the failures began; `None` while the source works.
    pub failing: Option<(String, DateTime<Utc>)>,
    /// Failures in a row since the last success.
    pub consecutive_failures: u32,
}

impl SourceStatus {
    /// Takes in a poll that finished at `at`.
    pub fn record(&mut self, at: DateTime<Utc>, outcome: &Result<u64, SourceError>) {
        match outcome {
            Ok(_) => {
                self.last_ok = Some(at);
                self.failing = None;
                self.consecutive_failures = 0;
            }
            Err(e) => {
                let since = self.failing.as_ref().map_or(at, |(_, since)| *since);
                self.failing = Some((e.to_string(), since));
                self.consecutive_failures = self.consecutive_failures.saturating_add(1);
            }
        }
    }

    /// "source failing: timeout after 20s · last good 12 min ago", or `None` while it works.
    pub fn describe(&self, now: DateTime<Utc>) -> Option<String> {
        let (why, _) = self.failing.as_ref()?;
        let last = match self.last_ok {
            Some(t) => format!("last good {}", ago(t, now)),
            None => "no good reading yet".to_string(),
        };
        Some(format!("source failing: {why} · {last}"))
    }
}

/// "just now", "12 min ago", "3 h 5 min ago", "4 d ago": how long before `now` `t` was.
pub fn ago(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - t).num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match minutes {
        0 => "just now".to_string(),
        1..60 => format!("{mins} min ago"),
        60..2880 if mins == 0 => format!("{} h ago", minutes / 60),
        60..2880 => format!("{} h {mins} min ago", minutes / 60),
        _ if hours == 0 => format!("{days} d ago"),
        _ => format!("{days} d {hours} h ago"),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn says_nothing_while_it_works() {
        let mut s = SourceStatus::default();
        assert_eq!(s.describe(utc("2022-04-24T14:00:00Z")), None);
        s.record(utc("2022-04-24T14:00:00Z"), &Ok(5));
        assert_eq!(s.describe(utc("2022-04-24T14:30:00Z")), None);
    }

    #[test]
    fn a_failure_says_why_and_when_it_last_worked() {
        let mut s = SourceStatus::default();
        s.record(utc("2022-04-24T14:00:00Z"), &Ok(5));
        let timeout = Err(SourceError::Timeout(Duration::from_secs(20)));
        s.record(utc("2022-04-24T14:05:00Z"), &timeout);
        s.record(utc("2022-04-24T14:10:00Z"), &Err(SourceError::Status(500)));
        // Failing since the first failure, showing the latest reason; 14:00 was 12 min before.
        assert_eq!(
            s.failing,
            Some(("HTTP 500".to_string(), utc("2022-04-24T14:05:00Z")))
        );
        assert_eq!(s.consecutive_failures, 2);
        assert_eq!(
            s.describe(utc("2022-04-24T14:12:30Z")).unwrap(),
            "source failing: HTTP 500 · last good 12 min ago"
        );
        // It recovers by itself on the next success.
        s.record(utc("2022-04-24T14:20:00Z"), &Ok(6));
        assert_eq!(s.describe(utc("2022-04-24T14:20:00Z")), None);
        assert_eq!(s.consecutive_failures, 0);
    }

    #[test]
    fn never_worked() {
        let mut s = SourceStatus::default();
        s.record(
            utc("2022-04-24T14:00:00Z"),
            &Err(SourceError::Timeout(Duration::from_secs(20))),
        );
        assert_eq!(
            s.describe(utc("2022-04-24T14:00:00Z")).unwrap(),
            "source failing: timeout after 20s · no good reading yet"
        );
    }

    #[test]
    fn ages() {
        let t = utc("2022-04-24T14:00:00Z");
        let at = |secs: i64| ago(t, t + chrono::TimeDelta::seconds(secs));
        assert_eq!(at(-30), "just now");
        assert_eq!(at(59), "just now");
        assert_eq!(at(60), "1 min ago");
        assert_eq!(at(12 * 60 + 59), "12 min ago");
        assert_eq!(at(3600), "1 h ago");
        assert_eq!(at(3 * 3600 + 5 * 60), "3 h 5 min ago");
        assert_eq!(at(47 * 3600 + 59 * 60), "47 h 59 min ago");
        assert_eq!(at(2 * 86_400), "2 d ago");
        assert_eq!(at(4 * 86_400 + 3 * 3600 + 60), "4 d 3 h ago");
    }
}
