//! `dropwatch init`: writes the default config (and its schema beside it) where the user's
//! config belongs, or where `--config` says.

use super::output::print;
use crate::cli::settings::Settings;
use crate::config::{self, schema};
use crate::failure::Failure;

/// Writes the default config; refuses to overwrite one without `force`.
pub(crate) fn run(settings: &Settings, force: bool) -> Result<(), Failure> {
    let path = match &settings.config_flag {
        Some(p) => p.clone(),
        None => config::user_config_path().ok_or_else(|| {
            Failure::Usage("cannot find your config dir (no $HOME); pass --config PATH".into())
        })?,
    };
    write_default(&path, force)?;
    if settings.config_flag.is_some() {
        print(format_args!(
            "open it with: dropwatch --config {}",
            path.display()
        ))?;
    }
    Ok(())
}

/// Writes the default config and its schema at `path`, saying so; refuses to overwrite
/// without `force`.
pub(crate) fn write_default(path: &std::path::Path, force: bool) -> Result<(), Failure> {
    let path = path.to_path_buf();
    // Not even --force writes into a FIFO (it would wait for a reader) or a device.
    crate::files::require_regular(&path, "the config")
        .map_err(|why| Failure::Usage(format!("{why}; remove it or choose another path")))?;
    if path.exists() && !force {
        return Err(Failure::Usage(format!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        )));
    }
    // The schema beside it may be someone's own (or another version's): checked before anything
    // is written, so a refusal leaves no config without its schema.
    let schema = schema::beside(&path);
    crate::files::require_regular(&schema, "the schema")
        .map_err(|why| Failure::Usage(format!("{why}; remove it or choose another directory")))?;
    if !force && schema::differs(&schema) {
        return Err(Failure::Usage(format!(
            "{} already exists and is not the schema this dropwatch writes; pass --force to \
             overwrite it, or init the config in another directory",
            schema.display()
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::runtime(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::write(&path, schema::init_text())
        .map_err(|e| Failure::runtime(format!("cannot write {}: {e}", path.display())))?;
    print(format_args!("wrote {}", path.display()))?;
    let schema = schema::write_beside(&path).map_err(|e| {
        Failure::runtime(format!(
            "cannot write the schema beside {}: {e}",
            path.display()
        ))
    })?;
    print(format_args!("wrote {} (for editors)", schema.display()))
}
