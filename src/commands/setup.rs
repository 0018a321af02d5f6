//! What every command starts from: where the config is, and the clock it runs on.

use crate::cli::settings::Settings;
use crate::config::{self, Source};
use crate::failure::Failure;
use crate::values::clock::Clock;

/// Where the config is, as the settings name it.
pub(crate) fn source(settings: &Settings) -> Result<Source, Failure> {
    Ok(config::locate(
        settings.config.as_ref().map(|(p, by)| (p.as_path(), *by)),
    )?)
}

/// The clock a command runs on: fixed for one frame, the system's, or a replay.
pub(crate) fn clock(settings: &Settings, fixed: bool) -> Clock {
    match (fixed, settings.at, settings.speed) {
        (true, at, _) => Clock::Fixed(at.unwrap_or(settings.real_now)),
        (false, None, 1.0) => Clock::System,
        (false, start, s) => Clock::replay(start.unwrap_or(settings.real_now), s),
    }
}
