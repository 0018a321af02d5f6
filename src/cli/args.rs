//! The command line's definitions, for clap's derive: flags, subcommands, help texts.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A live countdown to release events and a tracker of streaming goals, in the terminal.
#[derive(Debug, Parser)]
#[command(name = "dropwatch", version, about, max_term_width = 100)]
pub struct Cli {
    /// Config file (default: $DROPWATCH_CONFIG, ./dropwatch.toml, the user config dir, else
    /// the embedded default).
    #[arg(long, global = true, value_name = "PATH")]
    pub(crate) config: Option<PathBuf>,

    /// Replay from this moment (the dashboard), the reading's time (`log`), or the new event's
    /// (`add`, which also reads "12.05 6PM KST"): RFC 3339, "YYYY-MM-DD HH:MM[:SS] ZONE", or
    /// relative like -2h / +1d.
    #[arg(long, global = true, value_name = "TIME", allow_hyphen_values = true)]
    pub(crate) at: Option<String>,

    /// Run the clock N times faster from --at (replays, demos).
    #[arg(long, value_name = "N")]
    pub(crate) speed: Option<f64>,

    /// Run on_release and on_goal hooks in a replay too (--at or --speed); a live clock
    /// always runs them.
    #[arg(long, global = true)]
    pub(crate) hooks: bool,

    /// Your time zone (IANA name), instead of the system's.
    #[arg(long, value_name = "ZONE")]
    pub(crate) zone: Option<String>,

    /// The language: en, ko, ja, es, pt-BR or id; else the config's `lang`, else LC_ALL,
    /// LC_MESSAGES or LANG, else English.
    #[arg(long, global = true, value_name = "CODE", value_parser = lang_code,
        add = clap_complete::ArgValueCandidates::new(super::candidates::langs))]
    pub(crate) lang: Option<String>,

    /// Print each language with its own name, marking the one dropwatch would speak now.
    #[arg(long)]
    pub(crate) list_langs: bool,

    /// No colors (also with NO_COLOR set).
    #[arg(long)]
    pub(crate) no_color: bool,

    /// Print one frame as text and exit.
    #[arg(long)]
    pub(crate) once: bool,

    /// With --once: print JSON instead of text.
    #[arg(long, requires = "once")]
    pub(crate) json: bool,

    /// With --once: the frame's width in columns.
    #[arg(long, requires = "once", value_name = "N", default_value_t = 100)]
    pub(crate) width: u16,

    /// With --once: the frame's height in rows.
    #[arg(long, requires = "once", value_name = "N", default_value_t = 32)]
    pub(crate) height: u16,

    /// Start in this view: the dashboard, or the overview of every stream (also with --once).
    #[arg(long, value_enum, value_name = "VIEW", default_value_t = StartView::Dashboard)]
    pub(crate) view: StartView,

    /// A subcommand; without one, the live dashboard.
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

/// The view the dashboard starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StartView {
    /// The usual dashboard.
    Dashboard,
    /// Every stream of every event as a scoreboard (`o`).
    Overview,
}

/// `dropwatch add`'s values; `--at` is the global flag, read as the event's time.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AddArgs {
    /// The event's name, e.g. "Drama".
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// Who releases it.
    #[arg(long)]
    pub(crate) by: Option<String>,
    /// The zone its time is announced in (IANA name); default: the zone --at names, else yours.
    #[arg(long, value_name = "ZONE")]
    pub(crate) zone: Option<String>,
    /// Its id (default: the name in lower case with dashes).
    #[arg(long)]
    pub(crate) id: Option<String>,
    /// How long it shows as OUT NOW, e.g. "2h".
    #[arg(long, value_name = "DURATION")]
    pub(crate) live_for: Option<String>,
    /// Add a stream on this platform, e.g. YouTube or Spotify.
    #[arg(long, value_name = "P")]
    pub(crate) platform: Option<String>,
    /// The stream's tracking window ends then (default: 24 hours after the release).
    #[arg(long, value_name = "TIME")]
    pub(crate) window_end: Option<String>,
    /// A goal: "LABEL=2.7M", or "LABEL=4M/24h" for one within a time of the release; repeat it.
    #[arg(long = "goal", value_name = "LABEL=COUNT[/WITHIN]")]
    pub(crate) goals: Vec<String>,
}

impl AddArgs {
    /// Whether no value was given at all (then a terminal is asked).
    pub(crate) fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.by.is_none()
            && self.zone.is_none()
            && self.id.is_none()
            && self.live_for.is_none()
            && self.platform.is_none()
            && self.window_end.is_none()
            && self.goals.is_empty()
    }
}

/// `dropwatch goals`'s values.
#[derive(Debug, Clone, clap::Args)]
pub struct GoalsArgs {
    /// A Spotify chart CSV, e.g. regional-global-daily-2022-04-23.csv.
    #[arg(long = "from-chart", value_name = "FILE")]
    pub(crate) from_chart: PathBuf,
    /// The ranks whose streams to beat, e.g. 10,5.
    #[arg(long, value_name = "N,N", value_delimiter = ',', required = true)]
    pub(crate) ranks: Vec<u32>,
    /// The stream: an event id, and its platform when it has several streams.
    #[arg(long, value_name = "EVENT[/PLATFORM]",
          add = clap_complete::ArgValueCandidates::new(super::candidates::event_ids))]
    pub(crate) stream: String,
    /// The chart's date (YYYY-MM-DD), when the file's name has none or names another.
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,
    /// Say what would be set, and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
}

/// Subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Validate the config; exit 0, or 2 with every error.
    Check,
    /// Write the default config to the user config dir (or --config PATH).
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Poll the config's count sources with no screen, appending each count to the readings
    /// file; a line per poll on stderr; stops on SIGTERM or Ctrl-C.
    Record,
    /// A status-line feed for waybar, i3bar/swaybar, polybar or tmux: writes a line whenever
    /// its text changes.
    #[command(after_help = crate::view::bar::FIELDS_HELP)]
    Bar {
        /// waybar (JSON per line), i3bar (its JSON protocol) or plain (one line of text).
        #[arg(long, value_enum, default_value_t = crate::view::bar::Format::Plain)]
        format: crate::view::bar::Format,
        /// What the line says; fields are listed below.
        #[arg(long, value_name = "T", default_value = "{name} {left}")]
        template: String,
        /// Write one line and exit.
        #[arg(long)]
        once: bool,
    },
    /// Append a stream-count reading for EVENT to the readings file beside the config.
    Log {
        /// The event id, as in the config.
        #[arg(add = clap_complete::ArgValueCandidates::new(super::candidates::event_ids))]
        event: String,
        /// The count: 2712345, 2,712,345 or 2.7M.
        count: String,
        /// The platform (default: the event's first [[streams]]).
        #[arg(long, value_name = "P")]
        platform: Option<String>,
        /// Accept a count lower than the reading before it or higher than the one after it
        /// (a correction).
        #[arg(long)]
        force: bool,
    },
    /// Render a share card of what the dashboard shows (at --at, or now): the event, the count
    /// against each goal, the time left or the final count, pace, release time and the
    /// config's tags. Without --out, a new PNG in `cards_dir` (or the current directory).
    Card {
        /// The event id (default: the one the dashboard shows).
        #[arg(long, value_name = "ID", add = clap_complete::ArgValueCandidates::new(super::candidates::event_ids))]
        event: Option<String>,
        /// The stream: its `id`, or its platform (default: the one the dashboard shows).
        #[arg(long, value_name = "ID")]
        stream: Option<String>,
        /// The file to write, FILE.svg or FILE.png; replaced if it exists.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The image's size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1200x675")]
        size: String,
        /// Print the card as one line of text to paste, instead of an image.
        #[arg(long, conflicts_with = "out")]
        text: bool,
    },
    /// Add an event (and a stream with goals) to the config, keeping its comments; with a
    /// terminal and no flags, asks for each value. --at takes announcement forms too:
    /// "12.05 6PM KST", "Dec 5 18:00", "6:30 pm", or a date alone while the time is TBA.
    Add(AddArgs),
    /// Set count goals of a stream from a Spotify chart file (either download form): for each
    /// rank, the streams the song there had, plus one, as "Global top 10"; each goal keeps the
    /// file and the chart's date in `from`.
    Goals(GoalsArgs),
    /// Import the events of an iCalendar file or an http(s):// or webcal:// URL into the
    /// config; each keeps its UID, so importing again updates the changed ones and adds none
    /// twice.
    Import {
        /// A .ics file, or an http(s):// or webcal:// URL to one.
        source: String,
        /// Keep only the events whose summary contains TEXT (case-insensitive).
        #[arg(long = "match", value_name = "TEXT")]
        matching: Option<String>,
        /// Say what would be added, changed and left, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The zone of floating times and all-day dates (default: yours).
        #[arg(long, value_name = "ZONE")]
        zone: Option<String>,
        /// How long fetching a URL may take.
        #[arg(long, value_name = "DURATION", default_value = "30s")]
        timeout: String,
    },
    /// Write the config's events as iCalendar (UTC times, a reminder an hour before), for a
    /// phone's calendar.
    Export {
        /// iCalendar: the one format there is.
        #[arg(long, required = true)]
        ics: bool,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print the shell completion script for SHELL (it offers event ids for `log`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Print the config's JSON Schema.
    Schema,
}

/// `--lang`: one of the codes dropwatch speaks, as written ("pt_BR" too).
fn lang_code(code: &str) -> Result<String, String> {
    crate::lang::Lang::parse(code)
        .map(|_| code.to_string())
        .ok_or_else(|| format!("write one of {}", crate::lang::codes()))
}
