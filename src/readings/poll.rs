//! What one poll of a count source brings: a count or why there is none, the reading a count
//! becomes, and what is known of each source from its polls. Data only: the polling itself is
//! in `sources` (the fetches) and `runtime` (who polls).

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{Origin, Reading};
use crate::config::{Config, SourceKind};

/// A stream's key across reloads: its event id and platform.
pub(crate) type Key = (String, String);

/// The outcome of one poll of one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollResult<K> {
    /// Which source, as given to the poller.
    pub key: K,
    /// When the poll finished.
    pub(crate) at: DateTime<Utc>,
    /// The count, or why there is none.
    pub outcome: Result<u64, SourceError>,
}

/// Why a poll gave no count. The text is short, for a stream's status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// The poll took longer than the source's timeout (a command is killed).
    Timeout(Duration),
    /// The command failed: its exit code (`None` when a signal ended it) and last stderr line.
    Exit {
        /// The exit code.
        code: Option<i32>,
        /// The last non-blank line of its standard error; may be empty.
        stderr: String,
    },
    /// The command could not be started or read.
    Run(String),
    /// The output ("output") or body ("body") holds no whole number.
    NoNumber(&'static str),
    /// The output ("output") or body ("body") is over the 1 MiB limit.
    TooLarge(&'static str),
    /// The server answered with this non-success status.
    Status(u16),
    /// The redirects went on past [`MAX_REDIRECTS`].
    TooManyRedirects,
    /// The URL names an environment variable that is not set.
    NotSet(String),
    /// The answer is not what the `json` pointer expects.
    Answer(String),
    /// Any other network failure.
    Http(String),
    /// A URL's failure whose text held a value a `${NAME}` brought: that text, with each such
    /// value put back as `${NAME}`.
    Redacted(String),
    /// The source itself is malformed (config validation prevents this).
    Config(String),
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Timeout(d) => {
                write!(f, "timeout after {}", humantime::format_duration(*d))
            }
            SourceError::Exit { code, stderr } => {
                match code {
                    Some(code) => write!(f, "exit {code}")?,
                    None => write!(f, "killed by a signal")?,
                }
                if !stderr.is_empty() {
                    write!(f, ": {stderr}")?;
                }
                Ok(())
            }
            SourceError::Run(why)
            | SourceError::Answer(why)
            | SourceError::Http(why)
            | SourceError::Redacted(why) => f.write_str(why),
            SourceError::NoNumber(what) => write!(f, "no number in the {what}"),
            SourceError::TooLarge(what) => write!(f, "{what} over 1 MiB"),
            SourceError::Status(code) => write!(f, "HTTP {code}"),
            SourceError::TooManyRedirects => f.write_str("too many redirects"),
            SourceError::NotSet(name) => write!(f, "${name} is not set"),
            SourceError::Config(why) => write!(f, "the source {why}"),
        }
    }
}

impl std::error::Error for SourceError {}

/// The state of one stream's source, built from its poll results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceStatus {
    /// When the last successful poll finished.
    pub(crate) last_ok: Option<DateTime<Utc>>,
    /// The latest failure's text and when the failures began; `None` while the source works.
    pub(crate) failing: Option<(String, DateTime<Utc>)>,
    /// Failures in a row since the last success.
    pub(crate) consecutive_failures: u32,
}

impl SourceStatus {
    /// Takes in a poll that finished at `at`.
    pub(crate) fn record(&mut self, at: DateTime<Utc>, outcome: &Result<u64, SourceError>) {
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
    pub(crate) fn describe(&self, now: DateTime<Utc>) -> Option<String> {
        let (why, _) = self.failing.as_ref()?;
        let last = match self.last_ok {
            Some(t) => format!("last good {}", crate::values::text::ago_secs(t, now)),
            None => "no good reading yet".to_string(),
        };
        Some(format!("source failing: {why} · {last}"))
    }
}

/// The reading a successful poll of `key`'s source brings, or `None` for a failure or a stream
/// that has no source now.
pub(crate) fn reading(config: &Config, result: &PollResult<Key>) -> Option<Reading> {
    let count = *result.outcome.as_ref().ok()?;
    let (event, platform) = &result.key;
    let stream = config
        .streams
        .iter()
        .find(|s| &s.event == event && &s.platform == platform)?;
    let source = match stream.source.as_ref()?.kind {
        SourceKind::Command(_) => Origin::Command,
        SourceKind::Url { .. } => Origin::Url,
    };
    Some(Reading {
        time: crate::values::clock::floor_second(result.at),
        event: event.clone(),
        platform: platform.clone(),
        count,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_short() {
        let cases = [
            (
                SourceError::Timeout(Duration::from_secs(20)),
                "timeout after 20s",
            ),
            (
                SourceError::Timeout(Duration::from_secs(90)),
                "timeout after 1m 30s",
            ),
            (
                SourceError::Exit {
                    code: Some(3),
                    stderr: "no token".into(),
                },
                "exit 3: no token",
            ),
            (
                SourceError::Exit {
                    code: None,
                    stderr: String::new(),
                },
                "killed by a signal",
            ),
            (SourceError::Status(500), "HTTP 500"),
            (SourceError::NoNumber("output"), "no number in the output"),
            (SourceError::TooLarge("body"), "body over 1 MiB"),
            (SourceError::TooManyRedirects, "too many redirects"),
            (
                SourceError::NotSet("YOUTUBE_API_KEY".into()),
                "$YOUTUBE_API_KEY is not set",
            ),
        ];
        for (e, text) in cases {
            assert_eq!(e.to_string(), text);
        }
    }

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

    const WITH_SOURCE: &str = "[[event]]\nid = \"mv\"\nname = \"MV\"\nat = \"2022-04-24 23:00\"\nzone = \"Asia/Seoul\"\n\
        [[streams]]\nevent = \"mv\"\nplatform = \"YouTube\"\nwindow_end = \"2022-04-25 23:00\"\n\
        [streams.source]\ncommand = \"echo 5\"\nevery = \"1h\"\n";

    #[test]
    fn a_success_becomes_a_reading_marked_by_its_source() {
        let config = crate::config::parse(WITH_SOURCE, crate::config::Source::Embedded).unwrap();
        let key: Key = ("mv".into(), "YouTube".into());
        let at = crate::testing::utc("2022-04-24T15:00:00.700Z");
        let ok = PollResult {
            key: key.clone(),
            at,
            outcome: Ok(42),
        };
        let r = reading(&config, &ok).unwrap();
        assert_eq!(
            (r.count, r.source, r.time),
            (
                42,
                Origin::Command,
                crate::testing::utc("2022-04-24T15:00:00Z")
            )
        );
        let failed = PollResult {
            key,
            at,
            outcome: Err(SourceError::NoNumber("output")),
        };
        assert_eq!(reading(&config, &failed), None);
    }
}
