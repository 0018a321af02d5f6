//! Flags and environment resolved into one value before any command runs: every command reads
//! [`Settings`], none reads the command line or the environment itself.

use std::path::PathBuf;

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;

use crate::cli::{Cli, Command, StartView};
use crate::failure::Failure;
use crate::lang::Choice;
use crate::values::clock::END;
use crate::values::when;

/// How the dashboard shows itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
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
pub(crate) struct Settings {
    /// The config the user named, and who named it (`--config` or `$DROPWATCH_CONFIG`).
    pub(crate) config: Option<(PathBuf, &'static str)>,
    /// `--config` alone: where `init` writes.
    pub(crate) config_flag: Option<PathBuf>,
    /// `--at`: the replay's start, or a reading's time.
    pub(crate) at: Option<DateTime<Utc>>,
    /// `--at` as written: `add` reads it as the event's time, in its own forms.
    pub(crate) at_text: Option<String>,
    /// The real time when the command started.
    pub(crate) real_now: DateTime<Utc>,
    /// `--speed`: how fast a replay runs, above 0.
    pub(crate) speed: f64,
    /// The viewer's zone: `--zone`, else `$TZ`, else the system's, else UTC.
    pub(crate) local_zone: Tz,
    /// Colours on: no `--no-color` and no `$NO_COLOR`.
    pub(crate) color: bool,
    /// Live, text or JSON.
    pub(crate) output: Output,
    /// `--view overview`: the dashboard starts in the overview.
    pub(crate) overview: bool,
    /// The subcommand; `None` is the dashboard.
    pub(crate) command: Option<Command>,
    /// Whether hooks run: on the live clock, or in a replay with `--hooks` (a replay of the
    /// past should not page anyone).
    pub(crate) hooks: bool,
    /// `--lang` and the locale variables, for the config's `lang` to join.
    pub(crate) lang: Choice,
    /// `--list-langs`.
    pub(crate) list_langs: bool,
}

impl Settings {
    /// Resolves `cli` against the environment (`var` reads a variable) at the real time
    /// `real_now`.
    pub(crate) fn resolve(
        cli: Cli,
        var: impl Fn(&str) -> Option<String>,
        real_now: DateTime<Utc>,
    ) -> Result<Settings, Failure> {
        // For `add`, --at is the new event's time, read later in the event's zone.
        let adding = matches!(cli.command, Some(Command::Add(_)));
        let at = cli
            .at
            .as_deref()
            .filter(|_| !adding)
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
        if cli.speed.is_some() {
            check_speed(speed, at.unwrap_or(real_now))?;
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
            at_text: cli.at,
            real_now,
            speed,
            local_zone,
            color: !cli.no_color && var("NO_COLOR").is_none(),
            output,
            overview: cli.view == StartView::Overview,
            command: cli.command,
            hooks: cli.hooks || (at.is_none() && speed == 1.0),
            lang: Choice {
                flag: cli.lang,
                env: ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .map(|n| (n, var(n)))
                    .to_vec(),
            },
            list_langs: cli.list_langs,
        })
    }

    /// The time a command acts at: `--at`, else now.
    pub(crate) fn at_or_now(&self) -> DateTime<Utc> {
        self.at.unwrap_or(self.real_now)
    }
}

/// Refuses a `--speed` that would run a replay from `start` past the end of 9999 within a day
/// (where it stops): checked up front, with the fastest speed that runs a day from there.
fn check_speed(speed: f64, start: DateTime<Utc>) -> Result<(), Failure> {
    let fastest = (END - start).num_seconds().max(0) as f64 / 86_400.0;
    if speed <= fastest {
        return Ok(());
    }
    let hint = if fastest >= 1.0 {
        format!(
            "the fastest that runs a day from there is --speed {}",
            fastest.floor()
        )
    } else if fastest >= 0.01 {
        let fastest = (fastest * 100.0).floor() / 100.0;
        format!("the fastest that runs a day from there is --speed {fastest}")
    } else {
        "leave out --speed, or start earlier with --at".to_string()
    };
    // 1e308 as typed, not as 309 digits.
    let speed = if speed >= 1e6 {
        format!("{speed:e}")
    } else {
        speed.to_string()
    };
    Err(Failure::Usage(format!(
        "--speed {speed}: from {} a replay this fast passes the end of 9999 within a day; {hint}",
        start.to_rfc3339_opts(SecondsFormat::Secs, true)
    )))
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::testing::utc;

    fn resolve(args: &[&str], env: &[(&str, &str)]) -> Result<Settings, Failure> {
        let cli = Cli::try_parse_from(std::iter::once("dropwatch").chain(args.iter().copied()))
            .expect("valid arguments");
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let var = move |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        Settings::resolve(cli, var, utc("2022-04-24T12:00:00Z"))
    }

    #[test]
    fn flags_win_over_the_environment() {
        let s = resolve(&["--config", "a.toml"], &[("DROPWATCH_CONFIG", "b.toml")]).unwrap();
        assert_eq!(s.config, Some((PathBuf::from("a.toml"), "--config")));
        let s = resolve(&[], &[("DROPWATCH_CONFIG", "b.toml")]).unwrap();
        assert_eq!(
            s.config,
            Some((PathBuf::from("b.toml"), "$DROPWATCH_CONFIG"))
        );
        assert_eq!(s.config_flag, None);
        let s = resolve(&["--zone", "Asia/Seoul"], &[("TZ", "UTC")]).unwrap();
        assert_eq!(s.local_zone, chrono_tz::Asia::Seoul);
        let s = resolve(&[], &[("TZ", ":Europe/Berlin")]).unwrap();
        assert_eq!(s.local_zone, chrono_tz::Europe::Berlin);
    }

    #[test]
    fn colour_output_and_time() {
        assert!(!resolve(&[], &[("NO_COLOR", "")]).unwrap().color);
        assert!(!resolve(&["--no-color"], &[]).unwrap().color);
        assert!(resolve(&[], &[]).unwrap().color);
        let s = resolve(&["--once", "--json", "--at", "-2h"], &[]).unwrap();
        assert_eq!(s.output, Output::Json);
        assert_eq!(s.at_or_now(), utc("2022-04-24T10:00:00Z"));
        let s = resolve(&["--once", "--width", "80"], &[]).unwrap();
        assert_eq!(
            s.output,
            Output::Text {
                width: 80,
                height: 32
            }
        );
    }

    #[test]
    fn hooks_run_live_and_in_a_replay_only_when_asked() {
        assert!(resolve(&[], &[]).unwrap().hooks);
        assert!(!resolve(&["--at", "-2h"], &[]).unwrap().hooks);
        assert!(!resolve(&["--speed", "60"], &[]).unwrap().hooks);
        assert!(resolve(&["--at", "-2h", "--hooks"], &[]).unwrap().hooks);
        assert!(
            resolve(&["bar", "--at", "-2h", "--hooks"], &[])
                .unwrap()
                .hooks
        );
    }

    #[test]
    fn a_speed_that_passes_9999_within_a_day_is_refused() {
        let e = resolve(&["--at", "2022-04-24T13:00:00Z", "--speed", "1e308"], &[]).unwrap_err();
        let text = e.to_string();
        assert!(matches!(e, Failure::Usage(_)), "{text}");
        // (9999-12-31T23:59:59Z - 2022-04-24T13:00:00Z) / 86,400 s = 2,913,790.46
        assert!(
            text.contains("--speed 1e308: from 2022-04-24T13:00:00Z a replay this fast passes the end of 9999 within a day; the fastest that runs a day from there is --speed 2913790"),
            "{text}"
        );
        assert!(resolve(&["--at", "2022-04-24T13:00:00Z", "--speed", "2913790"], &[]).is_ok());
        // From now (2022-04-24T12:00:00Z here) without --at.
        assert!(resolve(&["--speed", "1e7"], &[]).is_err());
        let e = resolve(&["--at", "9999-12-31T12:00:00Z", "--speed", "2"], &[]).unwrap_err();
        assert!(e.to_string().contains("is --speed 0.49"), "{e}");
        let e = resolve(&["--at", "9999-12-31T23:59:59Z", "--speed", "2"], &[]).unwrap_err();
        assert!(e.to_string().contains("leave out --speed"), "{e}");
        // The default speed is never refused: a replay that reaches the end stops there.
        assert!(resolve(&["--at", "9999-12-31T23:59:59Z"], &[]).is_ok());
    }

    #[test]
    fn bad_values_are_usage_errors() {
        for args in [
            &["--speed", "0"][..],
            &["--zone", "Mars/Base"],
            &["--at", "soon"],
        ] {
            let e = resolve(args, &[]).unwrap_err();
            assert!(matches!(e, Failure::Usage(_)), "{args:?}: {e}");
        }
    }
}
