//! Config loading and validation: find the file, parse the TOML, turn it into checked domain
//! types, and report every mistake with file:line:col and what to write instead.

mod error;
mod raw;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use toml::Spanned;

pub use error::{ConfigError, ConfigErrors, LineIndex};
use raw::{RawConfig, RawEvent, RawGoal, RawStream};

use crate::text::{clip_quoted, quote};
use crate::when::{parse_config_time, parse_duration, parse_zone};

/// The default config, compiled in.
pub const DEFAULT_TOML: &str = include_str!("../../assets/dropwatch.toml");

/// Where a config came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The compiled-in default.
    Embedded,
    /// A file on disk, as the user named it or as found.
    File(PathBuf),
}

impl Source {
    /// How the source is named in messages and the footer.
    pub fn display(&self) -> String {
        match self {
            Source::Embedded => "embedded default".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// The readings file beside the config: `<stem>.readings.csv`.
    pub fn readings_path(&self) -> Option<PathBuf> {
        match self {
            Source::Embedded => None,
            Source::File(p) => {
                let stem = p.file_stem()?.to_string_lossy().into_owned();
                Some(p.with_file_name(format!("{stem}.readings.csv")))
            }
        }
    }
}

/// A validated config.
#[derive(Debug, Clone)]
pub struct Config {
    /// Header title.
    pub title: String,
    /// Zones shown beside each event's own and UTC.
    pub zones: Vec<Tz>,
    /// Ring and notify at zero.
    pub bell: bool,
    /// Events, sorted by release time.
    pub events: Vec<Event>,
    /// Stream goals, in file order.
    pub streams: Vec<Stream>,
    /// Where it was read from.
    pub source: Source,
}

/// A release event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique id, used by streams and `dropwatch log`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Artist(s); may be empty.
    pub by: String,
    /// Free text; may be empty.
    pub note: String,
    /// The release instant.
    pub at: DateTime<Utc>,
    /// The zone the release is announced in.
    pub zone: Tz,
    /// How long it shows as live after release.
    pub live_for: TimeDelta,
    /// Whether to count down to anniversaries once released.
    pub anniversaries: bool,
}

/// A stream count tracked against goals.
#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    /// The event id.
    pub event: String,
    /// Platform name.
    pub platform: String,
    /// The count written in the config (readings override it).
    pub count: u64,
    /// When the tracking window opens: the event's release.
    pub window_start: DateTime<Utc>,
    /// When the tracking window closes.
    pub window_end: DateTime<Utc>,
    /// Zone used to show the window's end.
    pub window_zone: Tz,
    /// Goals, in file order.
    pub goals: Vec<Goal>,
}

/// One goal of a stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// e.g. "Global top 10".
    pub label: String,
    /// Target count, at least 1.
    pub streams: u64,
    /// When the target must be reached.
    pub deadline: DateTime<Utc>,
}

impl Config {
    /// The embedded default config.
    pub fn embedded() -> Result<Config, ConfigErrors> {
        parse(DEFAULT_TOML, Source::Embedded)
    }

    /// The name of the event with this id, else the id itself.
    pub fn event_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.event(id).map_or(id, |e| e.name.as_str())
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}

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

/// Finds the config: `--config`, `$DROPWATCH_CONFIG`, `./dropwatch.toml`, the user config dir,
/// else the embedded default. A path the user named must exist.
pub fn locate(cli: Option<&Path>) -> Result<Source, ConfigError> {
    let named = cli.map(|p| (p.to_path_buf(), "--config")).or_else(|| {
        std::env::var_os("DROPWATCH_CONFIG")
            .filter(|v| !v.is_empty())
            .map(|v| (PathBuf::from(v), "$DROPWATCH_CONFIG"))
    });
    if let Some((path, by)) = named {
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

/// Reads and validates the config from `source`.
pub fn load(source: &Source) -> Result<Config, ConfigErrors> {
    match source {
        Source::Embedded => Config::embedded(),
        Source::File(path) => {
            let name = path.display().to_string();
            // Reading a FIFO would wait for a writer; a directory would fail obscurely.
            if let Some(kind) = crate::files::kind_of(path) {
                return Err(ConfigError::whole_file(
                    &name,
                    format!("it is {kind}, not a file"),
                    Some("put the TOML file back".into()),
                )
                .into());
            }
            let bytes = std::fs::read(path).map_err(|e| {
                ConfigError::whole_file(
                    &name,
                    format!("cannot read the config: {e}"),
                    Some("check the path and its permissions".into()),
                )
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let (line, col) = LineIndex::new(
                    std::str::from_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()])
                        .unwrap_or_default(),
                )
                .position(usize::MAX);
                ConfigError {
                    file: name.clone(),
                    position: Some((line, col)),
                    message: "the config is not UTF-8 text".into(),
                    hint: Some("save it as UTF-8 TOML".into()),
                }
            })?;
            parse(&text, source.clone())
        }
    }
}

/// Parses and validates config text; `source` names it in errors.
pub fn parse(text: &str, source: Source) -> Result<Config, ConfigErrors> {
    let file = source.display();
    let index = LineIndex::new(text);
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let position = e.span().map(|s| index.position(s.start));
        let (message, hint) = explain_toml_error(e.message());
        ConfigErrors::from(ConfigError {
            file: file.clone(),
            position,
            message,
            hint,
        })
    })?;
    let mut v = Validator {
        file,
        index,
        errors: Vec::new(),
    };
    let config = v.config(raw, source);
    if v.errors.is_empty() {
        Ok(config)
    } else {
        v.errors.sort_by_key(|e| e.position);
        Err(ConfigErrors(v.errors))
    }
}

/// Turns serde/toml's wording into ours, with a hint where one helps.
fn explain_toml_error(message: &str) -> (String, Option<String>) {
    let message = clip_quoted(message.trim());
    let hint = if message.starts_with("unknown field") {
        Some("remove it or fix its spelling; the keys are listed in the README".to_string())
    } else if message.starts_with("missing field") {
        Some("add it to this table".to_string())
    } else if message.contains("invalid type") {
        Some(
            "check the value's type: text goes in \"quotes\", counts are whole numbers".to_string(),
        )
    } else {
        Some("fix the TOML syntax here".to_string())
    };
    (message, hint)
}

/// Collects errors while building domain types.
struct Validator<'a> {
    file: String,
    index: LineIndex<'a>,
    errors: Vec<ConfigError>,
}

impl Validator<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        self.errors.push(ConfigError {
            file: self.file.clone(),
            position: Some(self.index.position(span.start)),
            message: message.into(),
            hint: Some(hint.into()),
        });
    }

    /// A zone, or an error at its span.
    fn zone(&mut self, name: &Spanned<String>) -> Option<Tz> {
        match parse_zone(name.get_ref()) {
            Ok(tz) => Some(tz),
            Err(msg) => {
                let (message, hint) = split_hint(&msg);
                self.error(name.span(), message, hint);
                None
            }
        }
    }

    /// A time written as text or as a TOML datetime, read in `zone`.
    fn time(&mut self, value: &Spanned<toml::Value>, zone: Tz, key: &str) -> Option<DateTime<Utc>> {
        let text = match value.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            other => {
                self.error(
                    value.span(),
                    format!("`{key}` must be a time, not {}", other.type_str()),
                    format!("write {key} = \"2022-04-24 23:00\" (local time in {zone})"),
                );
                return None;
            }
        };
        match parse_config_time(&text, zone) {
            Ok(t) => Some(t),
            Err(msg) => {
                let (message, hint) = split_hint(&msg);
                self.error(value.span(), message, hint);
                None
            }
        }
    }

    /// A whole, non-negative count: an integer, or a string of digits for counts beyond i64.
    fn count(&mut self, value: &Spanned<toml::Value>, key: &str) -> Option<u64> {
        let bad = |what: String| {
            (
                what,
                format!("write a whole number such as {key} = 2_700_000"),
            )
        };
        let result = match value.get_ref() {
            toml::Value::Integer(n) if *n >= 0 => Ok(*n as u64),
            toml::Value::Integer(n) => Err(bad(format!("`{key}` is negative ({n})"))),
            toml::Value::Float(f) => Err(bad(format!("`{key}` is not a whole number ({f})"))),
            toml::Value::String(s) => {
                crate::numbers::parse_count(s).map_err(|e| bad(format!("`{key}`: {e}")))
            }
            other => Err(bad(format!(
                "`{key}` must be a number, not {}",
                other.type_str()
            ))),
        };
        match result {
            Ok(n) => Some(n),
            Err((message, hint)) => {
                self.error(value.span(), message, hint);
                None
            }
        }
    }

    fn duration(&mut self, text: &Spanned<String>) -> Option<TimeDelta> {
        match parse_duration(text.get_ref()) {
            Ok(d) => Some(d),
            Err(msg) => {
                let (message, hint) = split_hint(&msg);
                self.error(text.span(), message, hint);
                None
            }
        }
    }

    fn config(&mut self, raw: RawConfig, source: Source) -> Config {
        let zones = raw
            .zones
            .unwrap_or_default()
            .iter()
            .filter_map(|z| self.zone(z))
            .collect();
        let mut events: Vec<Event> = Vec::new();
        let mut first_line: HashMap<String, usize> = HashMap::new();
        for raw_event in &raw.events {
            let span = raw_event.span();
            if let Some(event) = self.event(raw_event.get_ref()) {
                let line = self.index.position(span.start).0;
                if let Some(first) = first_line.get(&event.id) {
                    let id_span = raw_event.get_ref().id.as_ref().map_or(span, |i| i.span());
                    self.error(
                        id_span,
                        format!(
                            "duplicate event id {} (first used on line {first})",
                            quote(&event.id)
                        ),
                        "give each [[event]] its own id, e.g. id = \"with-you-2\"",
                    );
                    continue;
                }
                first_line.insert(event.id.clone(), line);
                events.push(event);
            }
        }
        let streams = raw
            .streams
            .iter()
            .filter_map(|s| self.stream(s.get_ref(), &events, &raw.events))
            .collect();
        events.sort_by_key(|e| e.at);
        Config {
            title: raw
                .title
                .map(|t| t.into_inner())
                .unwrap_or_else(|| "dropwatch".to_string()),
            zones,
            bell: raw.bell.unwrap_or(true),
            events,
            streams,
            source,
        }
    }

    fn event(&mut self, raw: &RawEvent) -> Option<Event> {
        let name = raw.name.get_ref().trim().to_string();
        if name.is_empty() {
            self.error(
                raw.name.span(),
                "the event's name is empty",
                "write name = \"With You\"",
            );
        }
        let id = match &raw.id {
            Some(id) if !is_field(id.get_ref()) || id.get_ref().contains(' ') => {
                self.error(
                    id.span(),
                    format!(
                        "id {} is empty or has a space, comma or control character",
                        quote(id.get_ref())
                    ),
                    "write a short id of letters, digits and dashes, e.g. id = \"with-you\"",
                );
                None
            }
            Some(id) => Some(id.get_ref().clone()),
            None if name.is_empty() => None,
            None => {
                let id = slug(&name);
                if id.is_empty() {
                    self.error(
                        raw.name.span(),
                        format!("no id can be made from the name {}", quote(&name)),
                        "add an id of letters, digits and dashes, e.g. id = \"my-event\"",
                    );
                    None
                } else {
                    Some(id)
                }
            }
        };
        let zone = self.zone(&raw.zone);
        let at = zone.and_then(|z| self.time(&raw.at, z, "at"));
        let live_for = match &raw.live_for {
            Some(d) => self.duration(d),
            None => Some(TimeDelta::hours(1)),
        };
        Some(Event {
            id: id?,
            name,
            by: raw.by.clone().unwrap_or_default(),
            note: raw.note.clone().unwrap_or_default(),
            at: at?,
            zone: zone?,
            live_for: live_for?,
            anniversaries: raw.anniversaries.unwrap_or(true),
        })
    }

    fn stream(
        &mut self,
        raw: &RawStream,
        events: &[Event],
        raw_events: &[Spanned<RawEvent>],
    ) -> Option<Stream> {
        let Some(event) = events.iter().find(|e| &e.id == raw.event.get_ref()) else {
            // An event that failed validation has already been reported; don't pile on.
            let known_raw = raw_events.iter().any(|e| {
                e.get_ref()
                    .id
                    .as_ref()
                    .map(|i| i.get_ref().clone())
                    .unwrap_or_else(|| slug(e.get_ref().name.get_ref()))
                    == *raw.event.get_ref()
            });
            if !known_raw {
                let ids: Vec<String> = events.iter().map(|e| quote(&e.id)).collect();
                let hint = if ids.is_empty() {
                    "add an [[event]] with that id first".to_string()
                } else {
                    format!("write one of the event ids: {}", ids.join(", "))
                };
                self.error(
                    raw.event.span(),
                    format!("streams for unknown event {}", quote(raw.event.get_ref())),
                    hint,
                );
            }
            return None;
        };
        if let Some(p) = &raw.platform
            && !is_field(p.get_ref())
        {
            self.error(
                p.span(),
                format!("platform {} is empty, has a comma or control character, or starts or ends with a space", quote(p.get_ref())),
                "write a plain name, e.g. platform = \"Spotify\" (it is a field of the readings file)",
            );
            return None;
        }
        let window_zone = match &raw.window_zone {
            Some(z) => self.zone(z)?,
            None => event.zone,
        };
        let count = match &raw.count {
            Some(c) => self.count(c, "count"),
            None => Some(0),
        };
        let window_end = self.time(&raw.window_end, window_zone, "window_end");
        if let Some(end) = window_end
            && end <= event.at
        {
            self.error(
                raw.window_end.span(),
                format!(
                    "the tracking window ends ({}) before it starts (the release, {})",
                    end.with_timezone(&window_zone).format("%Y-%m-%d %H:%M %Z"),
                    event
                        .at
                        .with_timezone(&window_zone)
                        .format("%Y-%m-%d %H:%M %Z"),
                ),
                "write a window_end after the event's `at`",
            );
        }
        let goals: Vec<Option<Goal>> = raw
            .goal
            .iter()
            .map(|g| self.goal(g.get_ref(), event, window_zone, window_end))
            .collect();
        let window_end = window_end.filter(|end| *end > event.at)?;
        Some(Stream {
            event: event.id.clone(),
            platform: raw
                .platform
                .as_ref()
                .map(|p| p.get_ref().clone())
                .unwrap_or_else(|| "streams".to_string()),
            count: count?,
            window_start: event.at,
            window_end,
            window_zone,
            goals: goals.into_iter().collect::<Option<Vec<_>>>()?,
        })
    }

    fn goal(
        &mut self,
        raw: &RawGoal,
        event: &Event,
        zone: Tz,
        window_end: Option<DateTime<Utc>>,
    ) -> Option<Goal> {
        let streams = self.count(&raw.streams, "streams");
        if streams == Some(0) {
            self.error(
                raw.streams.span(),
                "a goal of 0 streams is always reached",
                "write the target, e.g. streams = 2_700_000",
            );
        }
        let deadline = match (&raw.within, &raw.deadline) {
            (Some(within), Some(_)) => {
                self.error(
                    within.span(),
                    "a goal has both `within` and `deadline`",
                    "keep one: `within` counts from the release, `deadline` is a time",
                );
                None
            }
            (Some(within), None) => self.duration(within).map(|d| event.at + d),
            (None, Some(deadline)) => {
                let t = self.time(deadline, zone, "deadline");
                if let Some(t) = t
                    && t <= event.at
                {
                    self.error(
                        deadline.span(),
                        "the goal's deadline is before the release",
                        "write a deadline after the event's `at`",
                    );
                    return None;
                }
                t
            }
            (None, None) => window_end,
        };
        Some(Goal {
            label: raw.label.get_ref().clone(),
            streams: streams.filter(|n| *n > 0)?,
            deadline: deadline?,
        })
    }
}

/// Whether `text` can stand as a field of the readings CSV: not empty, no comma or control
/// character, no space at either end (the reader trims fields).
fn is_field(text: &str) -> bool {
    !text.is_empty() && text.trim() == text && !text.chars().any(|c| c == ',' || c.is_control())
}

/// Splits "message; hint" as produced by the time helpers.
fn split_hint(msg: &str) -> (String, String) {
    match msg.split_once("; ") {
        Some((m, h)) => (m.to_string(), h.to_string()),
        None => (
            msg.to_string(),
            "see the README for the accepted forms".to_string(),
        ),
    }
}

/// "With You" → "with-you": an id derived from a name.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse(text, Source::File("t.toml".into())) {
            Ok(_) => vec![],
            Err(e) => e.0.iter().map(|e| e.to_string()).collect(),
        }
    }

    const EVENT: &str =
        "[[event]]\nid = \"a\"\nname = \"A\"\nat = \"2022-04-24 23:00\"\nzone = \"Asia/Seoul\"\n";

    #[test]
    fn embedded_default_is_valid_and_has_the_seed() {
        let c = Config::embedded().expect("the embedded default must validate");
        assert_eq!(c.events.len(), 2);
        assert_eq!(c.events[0].id, "with-you");
        assert_eq!(c.events[0].at.to_rfc3339(), "2022-04-24T14:00:00+00:00");
        assert_eq!(c.events[1].at.to_rfc3339(), "2022-06-10T04:00:00+00:00");
        let s = &c.streams[0];
        assert_eq!(s.window_end.to_rfc3339(), "2022-04-25T00:00:00+00:00");
        let targets: Vec<u64> = s.goals.iter().map(|g| g.streams).collect();
        assert_eq!(targets, [2_700_000, 3_200_000, 4_000_000, 5_000_000]);
        assert_eq!(
            s.goals[2].deadline.to_rfc3339(),
            "2022-04-25T14:00:00+00:00"
        );
    }

    #[test]
    fn unknown_key_points_at_it() {
        let e = errors(&format!("{EVENT}colour = \"red\"\n"));
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("t.toml:6:1: unknown field `colour`"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn unknown_zone_suggests() {
        let e = errors(&EVENT.replace("Asia/Seoul", "Seoul"));
        assert!(
            e[0].starts_with("t.toml:5:8: unknown time zone \"Seoul\""),
            "{}",
            e[0]
        );
        assert!(e[0].contains("help: write \"Asia/Seoul\""), "{}", e[0]);
    }

    #[test]
    fn duplicate_ids() {
        let e = errors(&format!("{EVENT}{EVENT}"));
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("t.toml:7:6: duplicate event id \"a\" (first used on line 1)"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn dst_gap_and_overlap() {
        let gap = EVENT
            .replace("Asia/Seoul", "America/New_York")
            .replace("2022-04-24 23:00", "2022-03-13 02:30");
        let e = errors(&gap);
        assert!(
            e[0].starts_with("t.toml:4:6: 2022-03-13 02:30 does not exist"),
            "{}",
            e[0]
        );
        let overlap = EVENT
            .replace("Asia/Seoul", "America/New_York")
            .replace("2022-04-24 23:00", "2022-11-06 01:30");
        let e = errors(&overlap);
        assert!(e[0].contains("2022-11-06T01:30:00-04:00"), "{}", e[0]);
        assert!(e[0].contains("2022-11-06T01:30:00-05:00"), "{}", e[0]);
    }

    #[test]
    fn stream_errors() {
        let stream = "[[streams]]\nevent = \"b\"\nwindow_end = \"2022-04-25 00:00\"\n";
        let e = errors(&format!("{EVENT}{stream}"));
        assert!(
            e[0].starts_with("t.toml:7:9: streams for unknown event \"b\""),
            "{}",
            e[0]
        );
        assert!(e[0].contains("\"a\""), "{}", e[0]);

        let early = "[[streams]]\nevent = \"a\"\nwindow_end = \"2022-04-24 22:00\"\n";
        let e = errors(&format!("{EVENT}{early}"));
        assert!(
            e[0].contains("ends") && e[0].contains("before it starts"),
            "{}",
            e[0]
        );

        for (count, what) in [("-5", "negative"), ("1.5", "not a whole number")] {
            let s = format!(
                "[[streams]]\nevent = \"a\"\ncount = {count}\nwindow_end = \"2022-04-25 09:00\"\n"
            );
            let e = errors(&format!("{EVENT}{s}"));
            assert!(
                e[0].starts_with("t.toml:8:9:") && e[0].contains(what),
                "{}",
                e[0]
            );
        }

        let zero = "[[streams]]\nevent = \"a\"\nwindow_end = \"2022-04-25 09:00\"\n[[streams.goal]]\nlabel = \"x\"\nstreams = 0\n";
        let e = errors(&format!("{EVENT}{zero}"));
        assert!(e[0].starts_with("t.toml:11:11: a goal of 0"), "{}", e[0]);
    }

    #[test]
    fn huge_counts_as_strings() {
        let s = "[[streams]]\nevent = \"a\"\ncount = \"18446744073709551615\"\nwindow_end = \"2022-04-25 09:00\"\n";
        let c = parse(&format!("{EVENT}{s}"), Source::Embedded).unwrap();
        assert_eq!(c.streams[0].count, u64::MAX);
    }

    #[test]
    fn syntax_error_has_position() {
        let e = errors("title = \"x\nzones = []\n");
        assert!(e[0].starts_with("t.toml:1:"), "{}", e[0]);
    }

    #[test]
    fn ids_and_platforms_must_fit_the_readings_file() {
        let e = errors("[[event]]\nname = \"💜\"\nat = \"2022-04-24 23:00\"\nzone = \"UTC\"\n");
        assert!(
            e[0].starts_with("t.toml:2:8: no id can be made from the name"),
            "{}",
            e[0]
        );
        let e = errors(&EVENT.replace("id = \"a\"", "id = \"a\\tb\""));
        assert!(
            e[0].starts_with("t.toml:2:6: id \"a\\tb\" is empty or has"),
            "{}",
            e[0]
        );
        let s = "[[streams]]\nevent = \"a\"\nplatform = \"Spotify, Global\"\nwindow_end = \"2022-04-25 09:00\"\n";
        let e = errors(&format!("{EVENT}{s}"));
        assert!(
            e[0].starts_with("t.toml:8:12: platform \"Spotify, Global\""),
            "{}",
            e[0]
        );
        let s = "[[streams]]\nevent = \"a\"\nplatform = \" Spotify\"\nwindow_end = \"2022-04-25 09:00\"\n";
        assert_eq!(errors(&format!("{EVENT}{s}")).len(), 1);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("With You"), "with-you");
        assert_eq!(slug("  Proof!! (Anthology) "), "proof-anthology");
    }

    #[test]
    fn readings_path_sits_beside_the_config() {
        let s = Source::File("/x/fan.toml".into());
        assert_eq!(
            s.readings_path(),
            Some(PathBuf::from("/x/fan.readings.csv"))
        );
        assert_eq!(Source::Embedded.readings_path(), None);
    }
}
