//! Flags and environment resolved into one value before any command runs: every command reads
//! [`Settings`], none reads the command line or the environment itself.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::cli::{Cli, Command};
use crate::failure::Failure;
use crate::when;

/// How the dashboard shows itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The live dashboard in the terminal.
    Live,
    /// One frame as text (`--once`), this size.
    Text {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// One JSON object (`--once --json`).
    Json,
}

/// Everything the command line and the environment say, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config the user named, and who named it (`--config` or `$DROPWATCH_CONFIG`).
    pub config: Option<(PathBuf, &'static str)>,
    /// `--config` alone: where `init` writes.
    pub config_flag: Option<PathBuf>,
    /// `--at`: the replay's start, or a reading's time.
    pub at: Option<DateTime<Utc>>,
    /// The real time when the command started.
    pub real_now: DateTime<Utc>,
    /// `--speed`: how fast a replay runs, above 0.
    pub speed: f64,
    /// The viewer's zone: `--zone`, else `$TZ`, else the system's, else UTC.
    pub local_zone: Tz,
    /// Colours on: no `--no-color` and no `$NO_COLOR`.
    pub color: bool,
    /// Live, text or JSON.
    pub output: Output,
    /// The subcommand; `None` is the dashboard.
    pub command: Option<Command>,
}

impl Settings {
    /// Resolves `cli` against the environment (`var` reads a variable) at the real time
    /// `real_now`.
    pub fn resolve(
        cli: Cli,
        var: impl Fn(&str) -> Option<String>,
        real_now: DateTime<Utc>,
    ) -> Result<Settings, Failure> {
        let at = cli
            .at
            .as_deref()
            .map(|t| {
                when::parse_moment(t, real_now).map_err(|e| Failure::Usage(format!("--at: {e}")))
            })
            .transpose()?;
        let speed = cli.speed.unwrap_or(1.0);
        if !(speed.is_finite() && speed > 0.0) {
            return Err(Failure::Usage(format!(
                "--speed {speed}: write a number above 0, e.g. --speed 60"
            )));
        }
        let local_zone = match &cli.zone {
            Some(z) => when::parse_zone(z).map_err(|e| Failure::Usage(format!("--zone: {e}")))?,
            None => var("TZ")
                .and_then(|tz| tz.trim_start_matches(':').parse::<Tz>().ok())
                .or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok())
                .unwrap_or(chrono_tz::UTC),
        };
        let config = cli.config.clone().map(|p| (p, "--config")).or_else(|| {
            var("DROPWATCH_CONFIG")
                .filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), "$DROPWATCH_CONFIG"))
        });
        let output = match (cli.once, cli.json) {
            (false, _) => Output::Live,
            (true, true) => Output::Json,
            (true, false) => Output::Text {
                width: cli.width,
                height: cli.height,
            },
        };
        Ok(Settings {
            config,
            config_flag: cli.config,
            at,
            real_now,
            speed,
            local_zone,
            color: !cli.no_color && var("NO_COLOR").is_none(),
            output,
            command: cli.command,
        })
    }

    /// The time a command acts at: `--at`, else now.
    pub fn at_or_now(&self) -> DateTime<Utc> {
        self.at.unwrap_or(self.real_now)
    }
}
