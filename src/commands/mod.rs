//! What each command does, one file each: the dashboard (live, or one frame as text or JSON),
//! `bar`, `record`, `check`, `init`, `log`, and the generated texts (completions, man page,
//! schema). Each reads the resolved [`Settings`]; loading goes through
//! [`crate::runtime::load`], and the live front-ends run on [`crate::runtime::Runtime`].

mod add;
mod bar;
mod calendar;
mod card;
mod check;
pub mod dashboard;
mod goals;
mod headless;
mod init;
mod langs;
mod log;
mod output;
mod record;
mod setup;
pub(crate) mod shell;

use crate::cli::settings::Settings;
use crate::cli::{Cli, Command};
use crate::config;
use crate::failure::Failure;
use output::print_with;

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let settings = Settings::resolve(cli, |name| std::env::var(name).ok(), chrono::Utc::now())?;
    if settings.list_langs {
        return langs::run(&settings);
    }
    match settings.command.clone() {
        Some(Command::Check) => check::run(&settings),
        Some(Command::Add(args)) => add::run(&settings, &args),
        Some(Command::Goals(args)) => goals::run(&settings, &args),
        Some(Command::Import {
            source,
            matching,
            dry_run,
            zone,
            timeout,
        }) => calendar::import(
            &settings,
            &calendar::Import {
                from: &source,
                matching: matching.as_deref(),
                zone: zone.as_deref(),
                timeout: &timeout,
                dry_run,
            },
        ),
        Some(Command::Export { ics: _, out }) => calendar::export(&settings, out.as_deref()),
        Some(Command::Init { force }) => init::run(&settings, force),
        Some(Command::Log {
            event,
            count,
            platform,
            force,
        }) => log::run(&settings, &event, &count, platform.as_deref(), force),
        Some(Command::Card {
            event,
            stream,
            out,
            size,
            text,
        }) => card::run(
            &settings,
            &card::Ask {
                event,
                stream,
                out,
                size,
                text,
            },
        ),
        Some(Command::Completions { shell }) => {
            print_with(|out| shell::write_completions(shell, out))
        }
        Some(Command::Bar {
            format,
            template,
            once,
        }) => bar::run(&settings, format, &template, once),
        Some(Command::Record) if settings.at.is_some() => Err(Failure::Usage(
            "record polls sources now; --at replays only the dashboard and bar".into(),
        )),
        Some(Command::Record) => record::run(&setup::source(&settings)?, settings.hooks),
        Some(Command::Man) => print_with(shell::write_man),
        Some(Command::Schema) => print_with(config::schema::write_schema),
        None => dashboard::start(&settings),
    }
}
