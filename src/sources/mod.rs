//! Count sources: a stream's count read from a shell command or a URL, polled on a schedule
//! off the screen's thread. A failure says why in a few words, backs off, and recovers by
//! itself; a secret taken from the environment never appears in what it says.

pub(crate) mod command;
mod expand;
mod http;
pub mod number;
pub mod poller;
pub mod schedule;

use crate::config::{SourceKind, SourceSpec};

pub use crate::readings::poll::{PollResult, SourceError, SourceStatus};
pub use http::MAX_REDIRECTS;
pub use poller::{Poller, spawn, spawn_with};
pub use schedule::Schedule;

/// The most a command may print or a URL may answer: 1 MiB, far beyond any count's page.
pub const LIMIT: u64 = 1 << 20;

/// Polls `spec` once, now, on this thread: runs the command or fetches the URL, with `${NAME}`
/// in a URL looked up through `env` (the process environment in the app).
pub fn fetch(spec: &SourceSpec, env: &dyn Fn(&str) -> Option<String>) -> Result<u64, SourceError> {
    match &spec.kind {
        SourceKind::Command(command) => command::run(command, spec.timeout),
        SourceKind::Url { url, json } => http::get(url, json.as_deref(), spec.timeout, env),
    }
}
