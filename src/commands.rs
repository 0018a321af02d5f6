//! What each command line does: the dashboard, `--once`, `check`, `init` and `log`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::cli::{Cli, Command};
use crate::clock::Clock;
use crate::config::{self, ConfigErrors, Source};
use crate::readings::{self, Reading};
use crate::text::quote;
use crate::when;

/// Why a command failed, and so its exit code.
#[derive(Debug)]
pub enum Failure {
    /// A mistake in the command line or its values: exit 2.
    Usage(String),
    /// A config that does not validate: exit 2.
    Config(ConfigErrors),
    /// Anything else: exit 1.
    Runtime(anyhow::Error),
}

impl Failure {
    /// The process exit code.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Usage(_) | Failure::Config(_) => ExitCode::from(2),
            Failure::Runtime(_) => ExitCode::from(1),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Usage(m) => write!(f, "error: {m}"),
            Failure::Config(e) => write!(f, "{e}"),
            Failure::Runtime(e) => write!(f, "error: {e:#}"),
        }
    }
}

impl From<ConfigErrors> for Failure {
    fn from(e: ConfigErrors) -> Self {
        Failure::Config(e)
    }
}

impl From<config::ConfigError> for Failure {
    fn from(e: config::ConfigError) -> Self {
        Failure::Config(e.into())
    }
}

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let real_now = Utc::now();
    let at = cli
        .at
        .as_deref()
        .map(|t| when::parse_moment(t, real_now).map_err(|e| Failure::Usage(format!("--at: {e}"))))
        .transpose()?;
    match &cli.command {
        Some(Command::Check) => check(&cli),
        Some(Command::Init { force }) => init(&cli, *force),
        Some(Command::Log {
            event,
            count,
            platform,
            force,
        }) => log(
            &cli,
            event,
            count,
            platform.as_deref(),
            *force,
            at.unwrap_or(real_now),
        ),
        None => dashboard(&cli, at, real_now),
    }
}

/// The viewer's zone: `--zone`, else `$TZ`, else the system's, else UTC.
fn local_zone(cli: &Cli) -> Result<Tz, Failure> {
    if let Some(z) = &cli.zone {
        return when::parse_zone(z).map_err(|e| Failure::Usage(format!("--zone: {e}")));
    }
    let from_env = std::env::var("TZ")
        .ok()
        .and_then(|tz| tz.trim_start_matches(':').parse::<Tz>().ok());
    Ok(from_env
        .or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok())
        .unwrap_or(chrono_tz::UTC))
}

fn load(cli: &Cli) -> Result<config::Config, Failure> {
    let source = config::locate(cli.config.as_deref())?;
    Ok(config::load(&source)?)
}

fn load_readings(source: &Source) -> readings::Readings {
    source
        .readings_path()
        .map(|p| {
            readings::read(&p).unwrap_or_else(|e| readings::Readings {
                items: Vec::new(),
                warnings: vec![format!("cannot read {}: {e}", p.display())],
            })
        })
        .unwrap_or_default()
}

fn dashboard(cli: &Cli, at: Option<DateTime<Utc>>, real_now: DateTime<Utc>) -> Result<(), Failure> {
    let config = load(cli)?;
    let readings = load_readings(&config.source);
    if cli.once {
        // The dashboard shows these; a printed frame has only stderr to say them on.
        for w in &readings.warnings {
            eprintln!("warning: {w}");
        }
    }
    let speed = cli.speed.unwrap_or(1.0);
    if !(speed.is_finite() && speed > 0.0) {
        return Err(Failure::Usage(format!(
            "--speed {speed}: write a number above 0, e.g. --speed 60"
        )));
    }
    let clock = if cli.once {
        Clock::Fixed(at.unwrap_or(real_now))
    } else {
        match (at, speed) {
            (None, 1.0) => Clock::System,
            (start, s) => Clock::replay(start.unwrap_or(real_now), s),
        }
    };
    let mut app = App::new(config, readings, clock.now(), local_zone(cli)?);
    app.color = !cli.no_color && std::env::var_os("NO_COLOR").is_none();
    app.loaded_at = Some(real_now);
    if cli.once {
        let mut out = std::io::stdout().lock();
        let text = if cli.json {
            let mut s = serde_json::to_string_pretty(&crate::json::snapshot(&app))
                .map_err(|e| Failure::Runtime(e.into()))?;
            s.push('\n');
            s
        } else {
            frame_text(&app, cli.width, cli.height)
        };
        return out
            .write_all(text.as_bytes())
            .map_err(|e| Failure::Runtime(e.into()));
    }
    crate::terminal::run(app, clock).map_err(Failure::Runtime)
}

/// One frame as plain text, `width` x `height`, trailing spaces trimmed.
pub fn frame_text(app: &App, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width.max(1), height.max(1));
    let mut app = app.clone();
    app.size = (area.width, area.height);
    let mut buf = Buffer::empty(area);
    (&app).render(area, &mut buf);
    buffer_text(&buf)
}

/// The symbols of a buffer, a line per row, trailing spaces trimmed.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell(s).
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn check(cli: &Cli) -> Result<(), Failure> {
    let config = load(cli)?;
    let readings = load_readings(&config.source);
    for w in &readings.warnings {
        eprintln!("warning: {w}");
    }
    println!(
        "{}: ok ({} events, {} streams, {} readings)",
        config.source.display(),
        config.events.len(),
        config.streams.len(),
        readings.items.len()
    );
    Ok(())
}

fn init(cli: &Cli, force: bool) -> Result<(), Failure> {
    let path: PathBuf = match &cli.config {
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
        std::fs::create_dir_all(dir).map_err(|e| {
            Failure::Runtime(anyhow::anyhow!("cannot create {}: {e}", dir.display()))
        })?;
    }
    std::fs::write(&path, config::DEFAULT_TOML)
        .map_err(|e| Failure::Runtime(anyhow::anyhow!("cannot write {}: {e}", path.display())))?;
    println!("wrote {}", path.display());
    if cli.config.is_some() {
        println!("open it with: dropwatch --config {}", path.display());
    }
    Ok(())
}

fn log(
    cli: &Cli,
    event: &str,
    count: &str,
    platform: Option<&str>,
    force: bool,
    at: DateTime<Utc>,
) -> Result<(), Failure> {
    let config = load(cli)?;
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
    let count =
        crate::numbers::parse_count(count).map_err(|e| Failure::Usage(format!("COUNT: {e}")))?;
    let existing = readings::read(&path).map_err(|e| Failure::Runtime(e.into()))?;
    if let Some(last) = existing
        .of(event, &platform)
        .filter(|r| r.time <= at)
        .last()
        && last.count > count
        && !force
    {
        return Err(Failure::Usage(format!(
            "{} is lower than the last reading ({} at {}); pass --force to record a correction",
            crate::numbers::thousands(count),
            crate::numbers::thousands(last.count),
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
        .map_err(|e| Failure::Runtime(anyhow::anyhow!("cannot write {}: {e}", path.display())))?;
    println!(
        "logged {} {} streams for {event} at {} to {}",
        crate::numbers::thousands(count),
        reading.platform,
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        path.display()
    );
    Ok(())
}
