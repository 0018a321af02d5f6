//! Where the config is: `--config`, `$DROPWATCH_CONFIG`, `./dropwatch.toml`, the user config
//! dir, else the embedded default.

use std::path::{Path, PathBuf};

use super::error::ConfigError;
use super::origin::Source;

/// The user config dir's config file: `$XDG_CONFIG_HOME/dropwatch/dropwatch.toml` or the
/// platform's equivalent.
pub fn user_config_path() -> Option<PathBuf> {
    let dir = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            if cfg!(windows) {
                std::env::var_os("APPDATA").map(PathBuf::from)
            } else {
                let home = PathBuf::from(std::env::var_os("HOME")?);
                Some(if cfg!(target_os = "macos") {
                    home.join("Library/Application Support")
                } else {
                    home.join(".config")
                })
            }
        })?;
    Some(dir.join("dropwatch").join("dropwatch.toml"))
}

/// Finds the config: the one the user `named` (by `--config` or `$DROPWATCH_CONFIG`, which
/// must exist), else `./dropwatch.toml`, the user config dir, else the embedded default.
pub fn locate(named: Option<(&Path, &str)>) -> Result<Source, ConfigError> {
    if let Some((path, by)) = named {
        let path = path.to_path_buf();
        if let Some(kind) = crate::files::kind_of(&path) {
            return Err(ConfigError::whole_file(
                &path.display().to_string(),
                format!("it is {kind}, not a file (named by {by})"),
                Some("name the TOML file itself".into()),
            ));
        }
        if !path.is_file() {
            return Err(ConfigError::whole_file(
                &path.display().to_string(),
                format!("no such config file (named by {by})"),
                Some(format!(
                    "check the path, or create it with `dropwatch init --config {}`",
                    path.display()
                )),
            ));
        }
        return Ok(Source::File(path));
    }
    let local = PathBuf::from("dropwatch.toml");
    if local.is_file() {
        return Ok(Source::File(local));
    }
    if let Some(user) = user_config_path().filter(|p| p.is_file()) {
        return Ok(Source::File(user));
    }
    Ok(Source::Embedded)
}
