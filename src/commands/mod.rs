//! What each command does: the dashboard (live, `--once` text or JSON), `check`, `init` and
//! `log`. Each reads the resolved [`Settings`]; loading goes through [`crate::runtime::load`].

pub mod record;
pub mod shell;

use std::io::Write;

use crate::app::App;
use crate::cli::settings::{Output, Settings};
use crate::cli::{Cli, Command};
use crate::config::{self, Source};
use crate::failure::Failure;
use crate::readings::{self, Reading};
use crate::runtime::load;
use crate::values::clock::Clock;
use crate::values::numbers::thousands;
use crate::values::text::quote;
use crate::view::View;

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let settings = Settings::resolve(cli, |name| std::env::var(name).ok(), chrono::Utc::now())?;
    match settings.command.clone() {
        Some(Command::Check) => check(&settings),
        Some(Command::Init { force }) => init(&settings, force),
        Some(Command::Log {
            event,
            count,
            platform,
            force,
        }) => log(&settings, &event, &count, platform.as_deref(), force),
        Some(Command::Completions { shell }) => {
            print_with(|out| crate::commands::shell::write_completions(shell, out))
        }
        Some(Command::Bar {
            format,
            template,
            once,
        }) => bar(&settings, format, &template, once),
        Some(Command::Record) if settings.at.is_some() => Err(Failure::Usage(
            "record polls sources now; --at replays only the dashboard and bar".into(),
        )),
        Some(Command::Record) => crate::commands::record::run(&source(&settings)?, settings.hooks),
        Some(Command::Man) => print_with(crate::commands::shell::write_man),
        Some(Command::Schema) => print_with(crate::config::schema::write_schema),
        None => dashboard(&settings),
    }
}

/// Writes generated text (a script, the man page, the schema) to stdout.
fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Failure> {
    write(&mut std::io::stdout().lock()).map_err(|e| Failure::Runtime(e.into()))
}

/// Where the config is, as the settings name it.
fn source(settings: &Settings) -> Result<Source, Failure> {
    Ok(config::locate(
        settings.config.as_ref().map(|(p, by)| (p.as_path(), *by)),
    )?)
}

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
    let _hooks = hooks(settings, &mut app, "the dashboard");
    let text = match settings.output {
        Output::Live => return crate::terminal::run(app, clock).map_err(Failure::Runtime),
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
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| Failure::Runtime(e.into()))
}

/// Turns hooks on when the settings allow them and no other process on this config runs
/// them; the returned lock keeps that so while it is held.
fn hooks(settings: &Settings, app: &mut App, who: &str) -> Option<std::fs::File> {
    if !settings.hooks || settings.output != Output::Live {
        return None;
    }
    match crate::runtime::polling::hooks_lock(&app.config, who) {
        Ok(lock) => {
            app.hooks = true;
            lock
        }
        Err(_) => None,
    }
}

/// The clock a command runs on: fixed for one frame, the system's, or a replay.
fn clock(settings: &Settings, fixed: bool) -> Clock {
    match (fixed, settings.at, settings.speed) {
        (true, at, _) => Clock::Fixed(at.unwrap_or(settings.real_now)),
        (false, None, 1.0) => Clock::System,
        (false, start, s) => Clock::replay(start.unwrap_or(settings.real_now), s),
    }
}

fn bar(
    settings: &Settings,
    format: crate::view::bar::Format,
    template: &str,
    once: bool,
) -> Result<(), Failure> {
    let template =
        crate::view::bar::Template::parse(template).map_err(|e| Failure::Usage(e.to_string()))?;
    let (config, readings) = load::both(&source(settings)?)?;
    let clock = clock(settings, once);
    let mut app = App::new(config, readings, clock.now(), settings.local_zone);
    let _hooks = hooks(settings, &mut app, "bar");
    crate::view::bar::run(app, clock, format, &template, once)
}

fn check(settings: &Settings) -> Result<(), Failure> {
    let (config, readings) = load::both(&source(settings)?)?;
    for w in &readings.warnings {
        eprintln!("warning: {w}");
    }
    println!(
        "{}: ok ({} events, {} streams, {} readings)",
        config.source.display(),
        config.events.len(),
        config.streams.len(),
        readings.len()
    );
    Ok(())
}

fn init(settings: &Settings, force: bool) -> Result<(), Failure> {
    let path = match &settings.config_flag {
        Some(p) => p.clone(),
        None => config::user_config_path().ok_or_else(|| {
            Failure::Usage("cannot find your config dir (no $HOME); pass --config PATH".into())
        })?,
    };
    // Not even --force writes into a FIFO (it would wait for a reader) or a device.
    crate::files::require_regular(&path, "the config")
        .map_err(|why| Failure::Usage(format!("{why}; remove it or choose another path")))?;
    if path.exists() && !force {
        return Err(Failure::Usage(format!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::runtime(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::write(&path, crate::config::schema::init_text())
        .map_err(|e| Failure::runtime(format!("cannot write {}: {e}", path.display())))?;
    println!("wrote {}", path.display());
    let schema = crate::config::schema::write_beside(&path).map_err(|e| {
        Failure::runtime(format!(
            "cannot write the schema beside {}: {e}",
            path.display()
        ))
    })?;
    println!("wrote {} (for editors)", schema.display());
    if settings.config_flag.is_some() {
        println!("open it with: dropwatch --config {}", path.display());
    }
    Ok(())
}

fn log(
    settings: &Settings,
    event: &str,
    count: &str,
    platform: Option<&str>,
    force: bool,
) -> Result<(), Failure> {
    let at = settings.at_or_now();
    let (config, existing) = load::both(&source(settings)?)?;
    let Some(path) = config.source.readings_path() else {
        return Err(Failure::Usage(
            "no config file to log beside (this is the embedded default); run `dropwatch init` first".into(),
        ));
    };
    if config.event(event).is_none() {
        let ids: Vec<&str> = config.events.iter().map(|e| e.id.as_str()).collect();
        return Err(Failure::Usage(format!(
            "unknown event {}; write one of: {}",
            quote(event),
            ids.join(", ")
        )));
    }
    let streams: Vec<&config::Stream> =
        config.streams.iter().filter(|s| s.event == event).collect();
    let platform = match platform {
        Some(p) => {
            if !streams.iter().any(|s| s.platform == p) {
                let known: Vec<&str> = streams.iter().map(|s| s.platform.as_str()).collect();
                return Err(Failure::Usage(format!(
                    "{} has no [[streams]] with platform {}; write one of: {}",
                    quote(event),
                    quote(p),
                    if known.is_empty() {
                        "(none: add [[streams]] first)".to_string()
                    } else {
                        known.join(", ")
                    }
                )));
            }
            p.to_string()
        }
        None => match streams.first() {
            Some(s) => s.platform.clone(),
            None => {
                return Err(Failure::Usage(format!(
                    "{} has no [[streams]] in {}; add one first",
                    quote(event),
                    config.source.display()
                )));
            }
        },
    };
    let count = crate::values::numbers::parse_count(count)
        .map_err(|e| Failure::Usage(format!("COUNT: {e}")))?;
    if !force && let Some(last) = existing.lower_than_last(event, &platform, at, count) {
        return Err(Failure::Usage(format!(
            "{} is lower than the last reading ({} at {}); pass --force to record a correction",
            thousands(count),
            thousands(last.count),
            last.time.to_rfc3339()
        )));
    }
    let reading = Reading {
        time: at,
        event: event.to_string(),
        platform,
        count,
        source: readings::Origin::Log,
    };
    readings::append(&path, &reading)
        .map_err(|e| Failure::runtime(format!("cannot write {}: {e}", path.display())))?;
    println!(
        "logged {} {} streams for {event} at {} to {}",
        thousands(count),
        reading.platform,
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        path.display()
    );
    Ok(())
}
