//! The one way a config and its readings are read: at start-up, for `--once`, `check` and
//! `log`, and on every reload.

use std::path::Path;

use crate::config::{self, Config, ConfigErrors, Source};
use crate::readings::{self, Readings, Skip, Warning};

/// Reads and validates the config from `source`.
pub(crate) fn config(source: &Source) -> Result<Config, ConfigErrors> {
    config::load(source)
}

/// Reads the readings beside the config at `source`; a file that cannot be read gives no
/// readings and a warning, never an error (the dashboard still counts down without them).
pub(crate) fn readings(source: &Source) -> Readings {
    let Some(path) = source.readings_path() else {
        return Readings::default();
    };
    readings::read(&path).unwrap_or_else(|e| cannot_read(&path, &e))
}

/// Brings `readings`, read earlier beside the config at `source`, up to date: only the lines
/// appended since are read, unless the file was rewritten. What the watcher's reload calls, so
/// an append to a year of readings costs its own line, not the year again.
pub(crate) fn refresh_readings(source: &Source, readings: &mut Readings) {
    let Some(path) = source.readings_path() else {
        return;
    };
    if let Err(e) = readings::refresh(&path, readings) {
        *readings = cannot_read(&path, &e);
    }
}

/// No readings, and a warning that says why.
fn cannot_read(path: &Path, e: &std::io::Error) -> Readings {
    let mut out = Readings::default();
    out.warnings.push(Warning {
        file: path.display().to_string(),
        line: 0,
        skip: Skip::CannotRead(e.to_string()),
    });
    out
}

/// The config and its readings.
pub(crate) fn both(source: &Source) -> Result<(Config, Readings), ConfigErrors> {
    let config = config(source)?;
    let readings = readings(&config.source);
    Ok((config, readings))
}
