//! serde structs that mirror the TOML file, with spans so errors can point at a line and column.

use serde::Deserialize;
use toml::Spanned;

/// The whole file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Header title.
    pub title: Option<Spanned<String>>,
    /// Extra zones shown beside each event's own.
    pub zones: Option<Vec<Spanned<String>>>,
    /// Ring and notify at zero.
    pub bell: Option<bool>,
    /// `[[event]]` tables.
    #[serde(default, rename = "event")]
    pub events: Vec<Spanned<RawEvent>>,
    /// `[[streams]]` tables.
    #[serde(default)]
    pub streams: Vec<Spanned<RawStream>>,
}

/// One `[[event]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Short id; defaults to the name in lower-case with dashes.
    pub id: Option<Spanned<String>>,
    /// Display name.
    pub name: Spanned<String>,
    /// Artist(s).
    pub by: Option<String>,
    /// Free text, e.g. "Our Blues OST".
    pub note: Option<String>,
    /// Local time in `zone`, RFC 3339, or a TOML datetime.
    pub at: Spanned<toml::Value>,
    /// IANA zone name.
    pub zone: Spanned<String>,
    /// How long the event shows as live, e.g. "1h".
    pub live_for: Option<Spanned<String>>,
    /// Count down to anniversaries once released.
    pub anniversaries: Option<bool>,
}

/// One `[[streams]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStream {
    /// The id of the event the streams belong to.
    pub event: Spanned<String>,
    /// Platform name, e.g. "Spotify".
    pub platform: Option<Spanned<String>>,
    /// Latest count: a whole number (a string of digits for counts beyond TOML's integers).
    pub count: Option<Spanned<toml::Value>>,
    /// End of the tracking window.
    pub window_end: Spanned<toml::Value>,
    /// Zone of `window_end` and goal deadlines; defaults to the event's zone.
    pub window_zone: Option<Spanned<String>>,
    /// `[[streams.goal]]` tables.
    #[serde(default)]
    pub goal: Vec<Spanned<RawGoal>>,
    /// `[streams.source]`: where the count is polled from.
    pub source: Option<Spanned<RawSource>>,
}

/// One `[streams.source]`: a shell command or a URL whose answer holds the count.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Run through `sh -c`; its standard output holds the count.
    pub command: Option<Spanned<String>>,
    /// Fetched with GET; `${NAME}` is taken from the environment at request time.
    pub url: Option<Spanned<String>>,
    /// JSON pointer to the count in the URL's answer, e.g. "/items/0/statistics/viewCount".
    pub json: Option<Spanned<String>>,
    /// How often to poll, e.g. "5m".
    pub every: Option<Spanned<String>>,
    /// How long one poll may take, e.g. "20s".
    pub timeout: Option<Spanned<String>>,
}

/// One `[[streams.goal]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    /// e.g. "Global top 10".
    pub label: Spanned<String>,
    /// Target count.
    pub streams: Spanned<toml::Value>,
    /// Deadline as a duration after the release.
    pub within: Option<Spanned<String>>,
    /// Deadline as a time.
    pub deadline: Option<Spanned<toml::Value>>,
}
