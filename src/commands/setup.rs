//! What every command starts from: where the config is (and which file an edit writes), and
//! the clock it runs on.

use std::path::PathBuf;

use super::output::print;
use crate::cli::settings::Settings;
use crate::config::store::EditError;
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

/// The config file to edit: the one found, or, where only the embedded default is, the user
/// config (or `--config PATH`) written first as `init` writes it.
pub(crate) fn config_to_edit(settings: &Settings) -> Result<PathBuf, Failure> {
    if let Some((path, _)) = &settings.config
        && !path.exists()
        && std::fs::symlink_metadata(path).is_err()
    {
        super::init::write_default(path, false)?;
        return Ok(path.clone());
    }
    match source(settings)? {
        Source::File(path) => Ok(path),
        Source::Embedded => {
            let path = config::user_config_path().ok_or_else(|| {
                Failure::Usage("cannot find your config dir (no $HOME); pass --config PATH".into())
            })?;
            print("no config yet: writing the default first")?;
            super::init::write_default(&path, false)?;
            Ok(path)
        }
    }
}

/// Our failure for an edit's.
pub(crate) fn edit_failure(e: EditError) -> Failure {
    match e {
        EditError::Invalid(errors) => Failure::Config(errors),
        EditError::Refused(why) => Failure::Usage(why.to_string()),
        EditError::Io(why) => Failure::runtime(why.to_string()),
    }
}
