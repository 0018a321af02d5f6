//! `--list-langs`: each language with its own name, the one dropwatch would speak marked.

use super::output::print_with;
use super::setup::source;
use crate::cli::settings::Settings;
use crate::failure::Failure;
use crate::lang::Lang;
use crate::runtime::load;

/// Prints "  ko  한국어" per language, "* " before the one chosen now (the config's `lang`
/// counts when the config loads; a config that does not load is left out, not an error).
pub(crate) fn run(settings: &Settings) -> Result<(), Failure> {
    let config = source(settings)
        .ok()
        .and_then(|s| load::both(&s).ok())
        .and_then(|(c, _)| c.lang);
    let chosen = settings.lang.pick(config);
    print_with(|out| {
        for l in Lang::ALL {
            let mark = if l == chosen { "*" } else { " " };
            writeln!(out, "{mark} {:<5}  {}", l.code(), l.native_name())?;
        }
        Ok(())
    })
}
