//! Count sources: a stream's count read from a shell command or a URL, polled on a schedule
//! off the screen's thread. A failure says why in a few words, backs off, and recovers by
//! itself; a secret taken from the environment never appears in what it says.

pub(crate) mod command;
mod http;
pub mod number;
pub mod poller;
pub mod schedule;
pub mod status;
pub mod template;

use std::fmt;
use std::time::Duration;

use crate::config::{SourceKind, SourceSpec};

pub use http::MAX_REDIRECTS;
pub use poller::{PollResult, Poller, spawn, spawn_with};
pub use schedule::Schedule;
pub use status::SourceStatus;

/// The most a command may print or a URL may answer: 1 MiB, far beyond any count's page.
pub const LIMIT: u64 = 1 << 20;

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
    /// The output ("output") or body ("body") is over [`LIMIT`].
    TooLarge(&'static str),
    /// The server answered with this non-success status.
    Status(u16),
    /// The redirects went on past [`MAX_REDIRECTS`].
    TooManyRedirects,
    /// The URL names an environment variable that is not set.
    NotSet(String),
    /// The answer is not what the `json` pointer expects.
    Answer(String),
    /// Any other network failure, with expanded values put back as `${NAME}`.
    Http(String),
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
            SourceError::Run(why) | SourceError::Answer(why) | SourceError::Http(why) => {
                f.write_str(why)
            }
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

/// Polls `spec` once, now, on this thread: runs the command or fetches the URL, with `${NAME}`
/// in a URL looked up through `env` (the process environment in the app).
pub fn fetch(spec: &SourceSpec, env: &dyn Fn(&str) -> Option<String>) -> Result<u64, SourceError> {
    match &spec.kind {
        SourceKind::Command(command) => command::run(command, spec.timeout),
        SourceKind::Url { url, json } => http::get(url, json.as_deref(), spec.timeout, env),
    }
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
}
