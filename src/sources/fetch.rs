//! One poll of one source, on the caller's thread: the command or the URL, whichever the
//! config names.

use super::command::{self, Running};
use super::http;
use crate::config::{SourceKind, SourceSpec};
use crate::readings::poll::SourceError;

/// Polls `spec` once, now, on this thread: runs the command or fetches the URL, with `${NAME}`
/// in a URL looked up through `env` (the process environment in the app).
pub fn fetch(spec: &SourceSpec, env: &dyn Fn(&str) -> Option<String>) -> Result<u64, SourceError> {
    fetch_listed(spec, env, &Running::default())
}

/// [`fetch`], with a command listed in `running` while it runs, so that its owner can end it.
pub(crate) fn fetch_listed(
    spec: &SourceSpec,
    env: &dyn Fn(&str) -> Option<String>,
    running: &Running,
) -> Result<u64, SourceError> {
    match &spec.kind {
        SourceKind::Command(command) => command::run(command, spec.timeout, running),
        SourceKind::Url { url, json, preset } => {
            http::get(url, json.as_deref(), *preset, spec.timeout, env)
        }
    }
}
