//! Validation: the raw TOML values become domain types, and each mistake becomes a
//! [`ConfigError`] at its span with what to write instead. Every error is collected, not just
//! the first.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use toml::Spanned;

use super::error::{ConfigError, ConfigErrors, LineIndex};
use super::origin::Source;
use super::raw::{RawConfig, RawEvent, RawGoal, RawSource, RawStream};
use super::source::SourceSpec;
use super::types::{Cards, Config, Event, Goal, Stream};
use crate::lang::{Lang, nfc};
use crate::values::problem::Problem;

/// A stream's `on_goal` command, `id`, and `sum` as written, kept beside the streams.
type StreamExtras<'r> = (
    Option<String>,
    Option<String>,
    Option<&'r Spanned<RawStream>>,
);
use crate::values::text::quote;
use crate::values::when::{parse_config_time, parse_duration, parse_zone};

/// Builds the domain types from `raw`, or every error found, in file order.
pub(super) fn validate(
    raw: RawConfig,
    source: Source,
    file: String,
    index: LineIndex<'_>,
) -> Result<Config, ConfigErrors> {
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

/// Collects errors while building domain types.
pub(super) struct Validator<'a> {
    file: String,
    index: LineIndex<'a>,
    errors: Vec<ConfigError>,
}

impl Validator<'_> {
    pub(super) fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.errors.push(ConfigError {
            file: self.file.clone(),
            position: Some(self.index.position(span.start)),
            message: message.into(),
            hint: Some(hint.into()),
        });
    }

    /// Reports a parser's problem at `span`.
    fn problem(&mut self, span: Range<usize>, problem: Problem) {
        self.error(span, problem.message, problem.hint);
    }

    /// A zone, or an error at its span.
    fn zone(&mut self, name: &Spanned<String>) -> Option<Tz> {
        match parse_zone(name.get_ref()) {
            Ok(tz) => Some(tz),
            Err(problem) => {
                self.problem(name.span(), problem);
                None
            }
        }
    }

    /// `lang = "ko"`: one of the codes dropwatch speaks.
    fn lang(&mut self, code: &Spanned<String>) -> Option<Lang> {
        let lang = Lang::parse(code.get_ref());
        if lang.is_none() {
            self.error(
                code.span(),
                format!(
                    "lang {} is not a language dropwatch speaks",
                    quote(code.get_ref())
                ),
                format!("write one of {}, e.g. lang = \"ko\"", crate::lang::codes()),
            );
        }
        lang
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
            Err(problem) => {
                self.problem(value.span(), problem);
                None
            }
        }
    }

    /// A whole, non-negative count: an integer, or a string of digits for counts beyond i64.
    pub(super) fn count(&mut self, value: &Spanned<toml::Value>, key: &str) -> Option<u64> {
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
            toml::Value::String(s) => crate::values::numbers::parse_count(s)
                .map_err(|e| bad(format!("`{key}`: {}", e.message))),
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

    pub(super) fn duration(&mut self, text: &Spanned<String>) -> Option<TimeDelta> {
        match parse_duration(text.get_ref()) {
            Ok(d) => Some(d),
            Err(problem) => {
                self.problem(text.span(), problem);
                None
            }
        }
    }

    /// A hook's shell command: not blank, or an error at its span.
    fn hook(&mut self, command: Option<&Spanned<String>>, key: &str) -> Option<String> {
        let command = command?;
        if command.get_ref().trim().is_empty() {
            self.error(
                command.span(),
                format!("`{key}` is empty"),
                format!(
                    "write a shell command, e.g. {key} = \"notify-send \\\"$DROPWATCH_EVENT_NAME\\\"\", or remove the key"
                ),
            );
            return None;
        }
        Some(command.get_ref().clone())
    }

    /// A `call_to_action`: a short line of text; an error if it is empty, too long for a
    /// headline, or has a control character.
    fn call_to_action(&mut self, call: Option<&Spanned<String>>) -> Option<String> {
        let call = call?;
        let text = call.get_ref();
        if text.trim().is_empty() || text.chars().count() > 40 || text.chars().any(char::is_control)
        {
            self.error(
                call.span(),
                format!(
                    "call_to_action {} is empty, longer than 40 characters, or has a control character",
                    quote(text)
                ),
                "write a few words for the release moment, e.g. call_to_action = \"go stream\"",
            );
            return None;
        }
        Some(text.clone())
    }

    fn config(&mut self, raw: RawConfig, source: Source) -> Config {
        let on_release = self.hook(raw.on_release.as_ref(), "on_release");
        let call = self.call_to_action(raw.call_to_action.as_ref());
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
            if let Some(mut event) = self.event(raw_event.get_ref()) {
                event.on_release = event.on_release.or_else(|| on_release.clone());
                if raw_event.get_ref().call_to_action.is_none()
                    && let Some(c) = &call
                {
                    event.call_to_action = Some(c.clone());
                }
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
        let mut ids: HashMap<String, usize> = HashMap::new();
        #[expect(clippy::type_complexity, reason = "columns beside the streams")]
        let (streams, (extras, (goal_from, ranks))): (
            Vec<Stream>,
            (Vec<StreamExtras>, (Vec<Vec<String>>, Vec<_>)),
        ) = raw
            .streams
            .iter()
            .filter_map(|s| {
                let on_goal = self.hook(s.get_ref().on_goal.as_ref(), "on_goal");
                let id = self.stream_id(s.get_ref().id.as_ref(), &mut ids);
                let sum = s.get_ref().sum.is_some().then_some(s);
                let from = s.get_ref().goal.iter();
                let from = from.map(|g| g.get_ref().from.clone().unwrap_or_default());
                let rank = self.rank_of(s.get_ref())?;
                let stream = self.stream(s.get_ref(), &events, &raw.events)?;
                Some((stream, ((on_goal, id, sum), (from.collect(), rank))))
            })
            .unzip();
        let mut streams = streams;
        let (on_goal, stream_ids, sums) = self.sums(&mut streams, extras);
        let cards = self.cards(raw.tags.as_ref(), raw.cards_dir.as_ref(), raw.cards_on_goal);
        events.sort_by_key(|e| e.at);
        Config {
            title: raw
                .title
                .map(|t| t.into_inner())
                .unwrap_or_else(|| "dropwatch".to_string()),
            zones,
            bell: raw.bell.unwrap_or(true),
            lang: raw.lang.as_ref().and_then(|l| self.lang(l)),
            events,
            streams,
            on_goal,
            stream_ids,
            sums,
            cards,
            goal_from,
            ranks,
            source,
        }
    }

    /// Splits the streams' extras, and resolves each `sum` into its parts' indices: every id
    /// known, not the stream itself, no sum of sums, no source of its own. A sum's own count
    /// starts as its parts' counts added.
    #[expect(clippy::type_complexity, reason = "three columns beside the streams")]
    fn sums(
        &mut self,
        streams: &mut [Stream],
        extras: Vec<StreamExtras<'_>>,
    ) -> (
        Vec<Option<String>>,
        Vec<Option<String>>,
        Vec<Option<Vec<usize>>>,
    ) {
        let ids: Vec<Option<String>> = extras.iter().map(|e| e.1.clone()).collect();
        let is_sum: Vec<bool> = extras.iter().map(|e| e.2.is_some()).collect();
        let mut sums = Vec::with_capacity(extras.len());
        let mut on_goal = Vec::with_capacity(extras.len());
        for (i, (hook, _, raw)) in extras.into_iter().enumerate() {
            on_goal.push(hook);
            sums.push(raw.and_then(|raw| self.sum(i, raw, &ids, &is_sum)));
        }
        for (i, parts) in sums.iter().enumerate() {
            if let Some(parts) = parts {
                let count = parts
                    .iter()
                    .fold(0u64, |n, &p| n.saturating_add(streams[p].count));
                streams[i].count = count;
            }
        }
        (on_goal, ids, sums)
    }

    /// The parts of stream `i`'s `sum`, or `None` after saying what is wrong.
    fn sum(
        &mut self,
        i: usize,
        raw: &Spanned<RawStream>,
        ids: &[Option<String>],
        is_sum: &[bool],
    ) -> Option<Vec<usize>> {
        let stream = raw.get_ref();
        let names = stream.sum.as_ref()?;
        if let Some(source) = &stream.source {
            self.error(
                source.span(),
                "a stream with `sum` has a [streams.source]",
                "a sum counts its parts' readings: poll each part and leave the source out here",
            );
            return None;
        }
        if names.is_empty() {
            let span = raw.span();
            self.error(
                span,
                "`sum` names no stream",
                "write the ids of the streams to add, e.g. sum = [\"mv\", \"dance\"]",
            );
            return None;
        }
        let known: Vec<String> = ids.iter().flatten().map(|id| quote(id)).collect();
        let mut parts = Vec::new();
        for name in names {
            let Some(p) = ids
                .iter()
                .position(|id| id.as_deref() == Some(name.get_ref()))
            else {
                self.error(
                    name.span(),
                    format!("`sum` names no stream with id {}", quote(name.get_ref())),
                    if known.is_empty() {
                        "give the streams to add an id, e.g. id = \"mv\", and list them in sum"
                            .to_string()
                    } else {
                        format!("write ids of [[streams]]: {}", known.join(", "))
                    },
                );
                return None;
            };
            if p == i || is_sum[p] {
                self.error(
                    name.span(),
                    format!(
                        "`sum` names {}, which is a sum itself",
                        quote(name.get_ref())
                    ),
                    "list the streams that have readings of their own",
                );
                return None;
            }
            if !parts.contains(&p) {
                parts.push(p);
            }
        }
        Some(parts)
    }

    /// A stream's `id`: a plain name, used once.
    fn stream_id(
        &mut self,
        id: Option<&Spanned<String>>,
        seen: &mut HashMap<String, usize>,
    ) -> Option<String> {
        let id = id?;
        let text = id.get_ref();
        if !is_field(text) {
            self.error(
                id.span(),
                format!(
                    "stream id {} is empty or has a comma or control character",
                    quote(text)
                ),
                "write a short plain name, e.g. id = \"mv\"",
            );
            return None;
        }
        let line = self.index.position(id.span().start).0;
        if let Some(first) = seen.get(text) {
            self.error(
                id.span(),
                format!(
                    "duplicate stream id {} (first used on line {first})",
                    quote(text)
                ),
                "give each [[streams]] its own id, e.g. id = \"mv-2\"",
            );
            return None;
        }
        seen.insert(text.clone(), line);
        Some(text.clone())
    }

    /// The share-card settings: tags and the folder cards go to.
    fn cards(
        &mut self,
        raw_tags: Option<&Vec<Spanned<String>>>,
        raw_dir: Option<&Spanned<String>>,
        on_goal: Option<bool>,
    ) -> Cards {
        let mut tags = Vec::new();
        for t in raw_tags.into_iter().flatten() {
            let text = t.get_ref().trim();
            if text.is_empty() || text.chars().any(char::is_control) {
                self.error(
                    t.span(),
                    format!(
                        "tag {} is empty or has a control character",
                        quote(t.get_ref())
                    ),
                    "write each tag as one word, e.g. tags = [\"#WithYou\", \"#Jimin\"]",
                );
                continue;
            }
            tags.push(text.to_string());
        }
        let dir = raw_dir.and_then(|d| {
            if d.get_ref().trim().is_empty() || d.get_ref().chars().any(char::is_control) {
                self.error(
                    d.span(),
                    "`cards_dir` is empty or has a control character",
                    "name a folder, e.g. cards_dir = \"cards\" (beside the config), or leave it out for the current directory",
                );
                return None;
            }
            Some(d.get_ref().clone())
        });
        Cards {
            tags,
            dir,
            on_goal: on_goal.unwrap_or(false),
        }
    }

    fn event(&mut self, raw: &RawEvent) -> Option<Event> {
        // NFC: Hangul typed on macOS arrives decomposed and would render as loose jamo.
        let name = nfc(raw.name.get_ref().trim());
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
        let day = zone.and_then(|z| date_only(raw.at.get_ref(), z));
        let at = match day {
            Some(start) => Some(start),
            None => zone.and_then(|z| self.time(&raw.at, z, "at")),
        };
        let live_for = match &raw.live_for {
            Some(d) => self.duration(d),
            None => Some(TimeDelta::hours(1)),
        };
        let on_release = self.hook(raw.on_release.as_ref(), "on_release");
        let call_to_action = self.call_to_action(raw.call_to_action.as_ref());
        Some(Event {
            id: id?,
            name,
            by: raw.by.clone().unwrap_or_default(),
            note: raw.note.clone().unwrap_or_default(),
            at: at?,
            time_tba: day.is_some(),
            uid: raw.uid.clone().unwrap_or_default(),
            zone: zone?,
            live_for: live_for?,
            anniversaries: raw.anniversaries.unwrap_or(true),
            on_release,
            call_to_action,
        })
    }

    fn stream(
        &mut self,
        raw: &RawStream,
        events: &[Event],
        raw_events: &[Spanned<RawEvent>],
    ) -> Option<Stream> {
        let event = self.stream_event(raw, events, raw_events)?;
        let platform = self.platform(raw.platform.as_ref())?;
        let unit = self.unit(raw.unit.as_ref(), &platform);
        let window_zone = match &raw.window_zone {
            Some(z) => self.zone(z)?,
            None => event.zone,
        };
        let count = match &raw.count {
            Some(c) => self.count(c, "count"),
            None => Some(0),
        };
        let window_end = self.window_end(&raw.window_end, event, window_zone);
        // A rank stream's goals are ranks, kept beside the streams (`Config::ranks`).
        let rank = raw.measure.as_ref().is_some_and(|m| m.get_ref() == "rank");
        let goals: Vec<Option<Goal>> = if rank {
            Vec::new()
        } else {
            raw.goal
                .iter()
                .map(|g| self.goal(g.get_ref(), event, window_zone, window_end))
                .collect()
        };
        let source = raw.source.as_ref().map(|s| self.source(s));
        // A preset knows what its count counts (YouTube views, Last.fm plays) better than the
        // platform's name does; a `unit` written in the config wins over both.
        let preset_unit = match &source {
            Some(Ok(spec)) if raw.unit.is_none() => spec.unit(),
            _ => None,
        };
        let unit = preset_unit.map(str::to_string).or(unit)?;
        let window_end = window_end.filter(|end| *end > event.at)?;
        Some(Stream {
            event: event.id.clone(),
            platform,
            unit,
            count: count?,
            window_start: event.at,
            window_end,
            window_zone,
            goals: goals.into_iter().collect::<Option<Vec<_>>>()?,
            source: source.transpose().ok()?,
        })
    }

    /// The event a `[[streams]]` belongs to; an error if no `[[event]]` has its id.
    fn stream_event<'e>(
        &mut self,
        raw: &RawStream,
        events: &'e [Event],
        raw_events: &[Spanned<RawEvent>],
    ) -> Option<&'e Event> {
        let event = events.iter().find(|e| &e.id == raw.event.get_ref());
        if event.is_some() {
            return event;
        }
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
        None
    }

    /// A stream's platform, "streams" when left out; an error if it cannot be a readings field.
    fn platform(&mut self, platform: Option<&Spanned<String>>) -> Option<String> {
        let Some(p) = platform else {
            return Some("streams".to_string());
        };
        if !is_field(p.get_ref()) {
            self.error(
                p.span(),
                format!(
                    "platform {} is empty, has a comma or control character, or starts or ends with a space",
                    quote(p.get_ref())
                ),
                "write a plain name, e.g. platform = \"Spotify\" (it is a field of the readings file)",
            );
            return None;
        }
        Some(nfc(p.get_ref()))
    }

    /// A stream's unit, by its platform when left out; an error if it is not a short word or
    /// two that reads after a number.
    fn unit(&mut self, unit: Option<&Spanned<String>>, platform: &str) -> Option<String> {
        let Some(u) = unit else {
            return Some(super::types::default_unit(platform).to_string());
        };
        let text = u.get_ref();
        let ok = !text.trim().is_empty()
            && text.trim() == text
            && text.chars().count() <= 20
            && !text.chars().any(|c| c.is_control() || c.is_ascii_digit());
        if !ok {
            self.error(
                u.span(),
                format!(
                    "unit {} is empty, longer than 20 characters, or has a digit or control character",
                    quote(text)
                ),
                "write the plural word the count counts, e.g. unit = \"views\" (or leave it out: views on YouTube, plays on Last.fm, else streams)",
            );
            return None;
        }
        Some(text.clone())
    }

    /// The end of a stream's tracking window; an error if it is not after the release. An end
    /// before the release is still returned, for the goals that default to it.
    fn window_end(
        &mut self,
        raw: &Spanned<toml::Value>,
        event: &Event,
        zone: Tz,
    ) -> Option<DateTime<Utc>> {
        let end = self.time(raw, zone, "window_end");
        if let Some(end) = end
            && end <= event.at
        {
            self.error(
                raw.span(),
                format!(
                    "the tracking window ends ({}) before it starts (the release, {})",
                    end.with_timezone(&zone).format("%Y-%m-%d %H:%M %Z"),
                    event.at.with_timezone(&zone).format("%Y-%m-%d %H:%M %Z"),
                ),
                "write a window_end after the event's `at`",
            );
        }
        end
    }

    /// A stream's `[streams.source]`, each of its problems reported at its span.
    fn source(&mut self, raw: &Spanned<RawSource>) -> Result<SourceSpec, ()> {
        super::source::validate(raw).map_err(|problems| {
            for p in problems {
                self.error(p.span, p.message, p.hint);
            }
        })
    }

    fn goal(
        &mut self,
        raw: &RawGoal,
        event: &Event,
        zone: Tz,
        window_end: Option<DateTime<Utc>>,
    ) -> Option<Goal> {
        let label = nfc(&self.count_goal_keys(raw)?);
        let streams = raw.streams.as_ref()?;
        let streams_n = self.count(streams, "streams");
        if streams_n == Some(0) {
            self.error(
                streams.span(),
                "a goal of 0 streams is always reached",
                "write the target, e.g. streams = 2_700_000",
            );
        }
        let streams = streams_n;
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
            label,
            target: streams.filter(|n| *n > 0)?,
            deadline: deadline?,
        })
    }
}

/// The start of the day in `zone` when `at` is a date alone (`"2026-12-05"` or a TOML date):
/// its time is still to be announced. A midnight that a DST change skips is the first instant
/// of the day there.
fn date_only(at: &toml::Value, zone: Tz) -> Option<DateTime<Utc>> {
    let text = match at {
        toml::Value::String(s) => s.trim().to_string(),
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
        _ => return None,
    };
    let date = chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    if !crate::values::when::YEARS.contains(&date.year()) {
        return None;
    }
    Some(crate::values::when::resolve_local_lenient(
        date.and_hms_opt(0, 0, 0)?,
        zone,
    ))
}

/// Whether `text` can stand as a field of the readings CSV: not empty, no comma or control
/// character, no space at either end (the reader trims fields).
fn is_field(text: &str) -> bool {
    !text.is_empty() && text.trim() == text && !text.chars().any(|c| c == ',' || c.is_control())
}

/// "With You" → "with-you": an id derived from a name.
pub(crate) fn slug(name: &str) -> String {
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
    use crate::config::parse;

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
        let targets: Vec<u64> = s.goals.iter().map(|g| g.target).collect();
        assert_eq!(targets, [2_700_000, 3_200_000, 4_000_000, 5_000_000]);
        assert_eq!(
            s.goals[2].deadline.to_rfc3339(),
            "2022-04-25T14:00:00+00:00"
        );
    }

    #[test]
    fn a_unit_defaults_by_platform_and_can_be_written() {
        assert_eq!(super::super::default_unit("YouTube"), "views");
        assert_eq!(super::super::default_unit("youtube music"), "views");
        assert_eq!(super::super::default_unit("YouTube MV"), "views");
        assert_eq!(super::super::default_unit("Last.fm"), "plays");
        assert_eq!(super::super::default_unit("Spotify"), "streams");
        let text = |platform: &str, unit: &str| {
            format!(
                "[[event]]\nid = \"a\"\nname = \"A\"\nat = \"2022-04-24 23:00\"\nzone = \"UTC\"\n\
                 [[streams]]\nevent = \"a\"\nplatform = \"{platform}\"\n{unit}window_end = \"2022-04-25 09:00\"\n"
            )
        };
        let unit_of = |t: String| {
            crate::config::parse(&t, crate::config::Source::Embedded)
                .unwrap()
                .streams[0]
                .unit
                .clone()
        };
        assert_eq!(unit_of(text("YouTube", "")), "views");
        assert_eq!(unit_of(text("Last.fm", "")), "plays");
        assert_eq!(unit_of(text("Melon", "")), "streams");
        assert_eq!(unit_of(text("Spotify", "unit = \"listens\"\n")), "listens");
    }

    #[test]
    fn huge_counts_as_strings() {
        let s = "[[streams]]\nevent = \"a\"\ncount = \"18446744073709551615\"\nwindow_end = \"2022-04-25 09:00\"\n";
        let c = parse(&format!("{EVENT}{s}"), Source::Embedded).unwrap();
        assert_eq!(c.streams[0].count, u64::MAX);
    }

    /// The default config's commented source example is valid once uncommented.
    #[test]
    fn the_commented_source_example_validates() {
        let start = crate::config::DEFAULT_TOML
            .find("# [[streams]]")
            .expect("the example is in the default config");
        let example: String = crate::config::DEFAULT_TOML[start..]
            .lines()
            .map(|l| l.strip_prefix("# ").or(l.strip_prefix('#')).unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        let text = format!("{}\n{example}\n", &crate::config::DEFAULT_TOML[..start]);
        let c = parse(&text, Source::Embedded).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let youtube = &c.streams[1];
        assert_eq!(youtube.platform, "YouTube");
        let source = youtube.source.as_ref().expect("a source");
        assert_eq!(source.every, std::time::Duration::from_secs(300));
    }

    #[test]
    fn an_event_hook_wins_over_the_top_one_and_goal_hooks_follow_their_streams() {
        let second = "[[event]]\nid = \"b\"\nname = \"B\"\nat = \"2022-05-24 23:00\"\nzone = \"Asia/Seoul\"\non_release = \"mine\"\n";
        let streams = "[[streams]]\nevent = \"a\"\nwindow_end = \"2022-04-25 09:00\"\n[[streams]]\nevent = \"b\"\nwindow_end = \"2022-05-25 09:00\"\non_goal = \"goal!\"\n";
        let text = format!("on_release = \"all\"\n{EVENT}{second}{streams}");
        let c = parse(&text, Source::Embedded).unwrap();
        let hooks: Vec<_> = c.events.iter().map(|e| e.on_release.as_deref()).collect();
        assert_eq!(hooks, [Some("all"), Some("mine")]);
        assert_eq!(
            (c.on_goal(0), c.on_goal(1), c.on_goal(2)),
            (None, Some("goal!"), None)
        );
        let blank = format!(
            "{EVENT}{}on_goal = \"  \"\n",
            &streams[..streams.find("[[streams]]\nevent = \"b\"").unwrap()]
        );
        let e = parse(&blank, Source::Embedded).unwrap_err();
        assert!(e.to_string().contains("`on_goal` is empty"), "{e}");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("With You"), "with-you");
        assert_eq!(slug("  Proof!! (Anthology) "), "proof-anthology");
    }
}
