//! `dropwatch check`: loads the config and readings as the dashboard would and says so.

use super::output::print;
use super::setup::source;
use crate::cli::settings::Settings;
use crate::failure::Failure;
use crate::runtime::load;

/// Checks the config and readings: warnings on stderr, a summary on stdout.
pub(crate) fn run(settings: &Settings) -> Result<(), Failure> {
    let (config, readings) = load::both(&source(settings)?)?;
    for w in readings.warnings.lines() {
        eprintln!("warning: {w}");
    }
    let n = |count: usize, unit: &str| crate::values::numbers::counted(count as u64, unit);
    print(format_args!(
        "{}: ok ({}, {}, {})",
        config.source.display(),
        n(config.events.len(), "events"),
        n(config.streams.len(), "streams"),
        n(readings.len(), "readings")
    ))
}
