//! The one way a config and its readings are read: at start-up, for `--once`, `check` and
//! `log`, and on every reload.

use crate::config::{self, Config, ConfigErrors, Source};
use crate::readings::{self, Readings};

/// Reads and validates the config from `source`.
pub fn config(source: &Source) -> Result<Config, ConfigErrors> {
    config::load(source)
}

/// Reads the readings beside the config at `source`; a file that cannot be read gives no
/// readings and a warning, never an error (the dashboard still counts down without them).
pub fn readings(source: &Source) -> Readings {
    let Some(path) = source.readings_path() else {
        return Readings::default();
    };
    readings::read(&path).unwrap_or_else(|e| Readings {
        items: Vec::new(),
        warnings: vec![format!("cannot read {}: {e}", path.display())],
    })
}

/// The config and its readings.
pub fn both(source: &Source) -> Result<(Config, Readings), ConfigErrors> {
    let config = config(source)?;
    let readings = readings(&config.source);
    Ok((config, readings))
}
