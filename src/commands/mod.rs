//! What each command does, one file each: the dashboard (live, or one frame as text or JSON),
//! `bar`, `record`, `check`, `init`, `log`, and the generated texts (completions, man page,
//! schema). Each reads the resolved [`Settings`]; loading goes through
//! [`crate::runtime::load`], and the live front-ends run on [`crate::runtime::Runtime`].

mod bar;
mod check;
pub mod dashboard;
mod headless;
mod init;
mod log;
mod record;
pub mod shell;

use std::io::Write;

use crate::app::App;
use crate::cli::settings::{Output, Settings};
use crate::cli::{Cli, Command};
use crate::config::{self, Source};
use crate::failure::Failure;
use crate::runtime::load;
use crate::values::clock::Clock;
use crate::view::View;

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let settings = Settings::resolve(cli, |name| std::env::var(name).ok(), chrono::Utc::now())?;
    match settings.command.clone() {
        Some(Command::Check) => check::run(&settings),
        Some(Command::Init { force }) => init::run(&settings, force),
        Some(Command::Log {
            event,
            count,
            platform,
            force,
        }) => log::run(&settings, &event, &count, platform.as_deref(), force),
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
        Some(Command::Record) => record::run(&source(&settings)?, settings.hooks),
        Some(Command::Man) => print_with(shell::write_man),
        Some(Command::Schema) => print_with(config::schema::write_schema),
        None => dashboard(&settings),
    }
}

/// Writes to stdout through `write`: every command prints here. A closed pipe (`dropwatch man
/// | head -1`) is the reader saying it has had enough, so it ends quietly with success, as cat
/// and ripgrep do (Rust ignores SIGPIPE: `println!` would panic instead).
fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Failure::Runtime(e.into())),
    }
}

/// Prints `text` and a newline on stdout, as [`print_with`] does.
fn print(text: impl std::fmt::Display) -> Result<(), Failure> {
    print_with(|out| writeln!(out, "{text}"))
}

/// Where the config is, as the settings name it.
fn source(settings: &Settings) -> Result<Source, Failure> {
    Ok(config::locate(
        settings.config.as_ref().map(|(p, by)| (p.as_path(), *by)),
    )?)
}

/// The dashboard: live in the terminal, or one frame printed as text or JSON.
fn dashboard(settings: &Settings) -> Result<(), Failure> {
    let (config, readings) = load::both(&source(settings)?)?;
    let clock = clock(settings, settings.output != Output::Live);
    if settings.output != Output::Live {
        // The dashboard shows these; a printed frame has only stderr to say them on.
        for w in &readings.warnings {
            eprintln!("warning: {w}");
        }
    }
    let mut app = App::new(config, readings, clock.now(), settings.local_zone);
    app.color = settings.color;
    app.loaded_at = Some(settings.real_now);
    let text = match settings.output {
        Output::Live => {
            return dashboard::run(app, clock, settings.hooks).map_err(Failure::Runtime);
        }
        Output::Json => {
            let view = View::derive_everything(&app);
            let mut s = serde_json::to_string_pretty(&crate::view::json::snapshot(&app, &view))
                .map_err(|e| Failure::Runtime(e.into()))?;
            s.push('\n');
            s
        }
        Output::Text { width, height } => {
            crate::ui::text::frame_text(&app, &View::derive(&app), width, height)
        }
    };
    print_with(|out| out.write_all(text.as_bytes()))
}

/// The clock a command runs on: fixed for one frame, the system's, or a replay.
fn clock(settings: &Settings, fixed: bool) -> Clock {
    match (fixed, settings.at, settings.speed) {
        (true, at, _) => Clock::Fixed(at.unwrap_or(settings.real_now)),
        (false, None, 1.0) => Clock::System,
        (false, start, s) => Clock::replay(start.unwrap_or(settings.real_now), s),
    }
}
