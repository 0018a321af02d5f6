//! Count sources: a stream's count read from a shell command or a URL, polled on a schedule
//! off the screen's thread. A failure says why in a few words, backs off, and recovers by
//! itself; a secret taken from the environment never appears in what it says.

pub(crate) mod command;
mod expand;
mod fetch;
mod http;
mod limit;
pub(crate) mod number;
pub(crate) mod poller;
pub(crate) mod schedule;

pub use crate::readings::poll::{PollResult, SourceError, SourceStatus};
pub use fetch::fetch;
pub use http::MAX_REDIRECTS;
pub(crate) use http::body;
pub use limit::LIMIT;
pub use poller::{Poller, spawn, spawn_with};
pub use schedule::Schedule;
