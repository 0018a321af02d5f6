//! serde structs that mirror the TOML file, with spans so errors can point at a line and column.
//! They also derive the config's JSON Schema (`dropwatch schema`): the doc comments become its
//! descriptions, and `schemars(with)` says what a span or a loose TOML value holds.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::shapes::{Count, Duration, Time};

/// A dropwatch config file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "dropwatch config")]
pub(crate) struct RawConfig {
    /// The JSON Schema this file follows, for editors; dropwatch ignores it.
    #[serde(rename = "$schema")]
    #[expect(
        dead_code,
        reason = "accepted for editors; dropwatch has no use for it"
    )]
    pub(crate) schema: Option<String>,
    /// Header title.
    #[schemars(with = "Option<String>")]
    pub(crate) title: Option<Spanned<String>>,
    /// Extra zones shown beside each event's own.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) zones: Option<Vec<Spanned<String>>>,
    /// Ring and notify at zero.
    pub(crate) bell: Option<bool>,
    /// The language of the dashboard, bar and cards: en, ko, ja, es, pt-BR or id. `--lang`
    /// wins; without either, LC_ALL, LC_MESSAGES or LANG decide.
    #[schemars(with = "Option<String>")]
    pub(crate) lang: Option<Spanned<String>>,
    /// Run through `sh -c` (`cmd /C` on Windows) when any event comes out; an event's own wins.
    #[schemars(with = "Option<String>")]
    pub(crate) on_release: Option<Spanned<String>>,
    /// What the headline tells fans to do while an event is out now; default "go stream".
    #[schemars(with = "Option<String>")]
    pub(crate) call_to_action: Option<Spanned<String>>,
    /// Hashtags for share cards, e.g. ["#WithYou", "#Jimin"].
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) tags: Option<Vec<Spanned<String>>>,
    /// Where the `s` key and `cards_on_goal` save share cards; relative to the config's
    /// folder. Default: the current directory.
    #[schemars(with = "Option<String>")]
    pub(crate) cards_dir: Option<Spanned<String>>,
    /// Save a share card by itself when a goal is reached (its path goes to `on_goal` hooks as
    /// DROPWATCH_CARD).
    pub(crate) cards_on_goal: Option<bool>,
    /// `[[event]]` tables.
    #[serde(default, rename = "event")]
    #[schemars(with = "Vec<RawEvent>")]
    pub(crate) events: Vec<Spanned<RawEvent>>,
    /// `[[streams]]` tables.
    #[serde(default)]
    #[schemars(with = "Vec<RawStream>")]
    pub(crate) streams: Vec<Spanned<RawStream>>,
}

/// One `[[event]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Event")]
pub(crate) struct RawEvent {
    /// Short id; defaults to the name in lower-case with dashes.
    #[schemars(with = "Option<String>")]
    pub(crate) id: Option<Spanned<String>>,
    /// Display name.
    #[schemars(with = "String")]
    pub(crate) name: Spanned<String>,
    /// Artist(s).
    pub(crate) by: Option<String>,
    /// Free text, e.g. "Our Blues OST".
    pub(crate) note: Option<String>,
    /// Local time in `zone`, RFC 3339, a TOML datetime, or a date alone while the time is TBA.
    #[schemars(with = "Time")]
    pub(crate) at: Spanned<toml::Value>,
    /// IANA zone name.
    #[schemars(with = "String")]
    pub(crate) zone: Spanned<String>,
    /// How long the event shows as live, e.g. "1h".
    #[schemars(with = "Option<Duration>")]
    pub(crate) live_for: Option<Spanned<String>>,
    /// Count down to anniversaries once released.
    pub(crate) anniversaries: Option<bool>,
    /// The iCalendar UID it was imported from: importing again updates this event.
    pub(crate) uid: Option<String>,
    /// Run through `sh -c` (`cmd /C` on Windows) when this event comes out, over the top-level one.
    #[schemars(with = "Option<String>")]
    pub(crate) on_release: Option<Spanned<String>>,
    /// What the headline tells fans to do while this event is out now, over the top-level one.
    #[schemars(with = "Option<String>")]
    pub(crate) call_to_action: Option<Spanned<String>>,
}

/// One `[[streams]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Streams")]
pub(crate) struct RawStream {
    /// Short id for `sum` and `dropwatch card --stream`; unique among the streams.
    #[schemars(with = "Option<String>")]
    pub(crate) id: Option<Spanned<String>>,
    /// This stream counts the sum of these streams' latest readings (their ids), e.g.
    /// ["mv", "dance"]; it has no source or readings of its own.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) sum: Option<Vec<Spanned<String>>>,
    /// The id of the event the streams belong to.
    #[schemars(with = "String")]
    pub(crate) event: Spanned<String>,
    /// Platform name, e.g. "Spotify".
    #[schemars(with = "Option<String>")]
    pub(crate) platform: Option<Spanned<String>>,
    /// What the count counts, as a plural word ("views", "plays"); by default "views" on
    /// YouTube, "plays" on Last.fm, else "streams".
    #[schemars(with = "Option<String>")]
    pub(crate) unit: Option<Spanned<String>>,
    /// Latest count: a whole number (a string of digits for counts beyond TOML's integers).
    #[schemars(with = "Option<Count>")]
    pub(crate) count: Option<Spanned<toml::Value>>,
    /// End of the tracking window.
    #[schemars(with = "Time")]
    pub(crate) window_end: Spanned<toml::Value>,
    /// Zone of `window_end` and goal deadlines; defaults to the event's zone.
    #[schemars(with = "Option<String>")]
    pub(crate) window_zone: Option<Spanned<String>>,
    /// `[[streams.goal]]` tables.
    #[serde(default)]
    #[schemars(with = "Vec<RawGoal>")]
    pub(crate) goal: Vec<Spanned<RawGoal>>,
    /// `[streams.source]`: where the count is polled from.
    #[schemars(with = "Option<RawSource>")]
    pub(crate) source: Option<Spanned<RawSource>>,
    /// Run through `sh -c` (`cmd /C` on Windows) when one of these goals is reached.
    #[schemars(with = "Option<String>")]
    pub(crate) on_goal: Option<Spanned<String>>,
    /// "rank": the readings are chart positions (1 is the top) and the goals ranks; default
    /// "count".
    #[schemars(with = "Option<String>")]
    pub(crate) measure: Option<Spanned<String>>,
    /// How often the chart updates, e.g. "1h" (a rank stream's "next update in 12m").
    #[schemars(with = "Option<Duration>")]
    pub(crate) updates: Option<Spanned<String>>,
    /// When it updates: ":00" (minutes past each hour) or "00:00" (a time of day in the
    /// stream's zone).
    #[schemars(with = "Option<String>")]
    pub(crate) updates_at: Option<Spanned<String>>,
}

/// One `[streams.source]`: a shell command or a URL whose answer holds the count.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub(crate) struct RawSource {
    /// Run through `sh -c` (`cmd /C` on Windows); its standard output holds the count.
    #[schemars(with = "Option<String>")]
    pub(crate) command: Option<Spanned<String>>,
    /// Fetched with GET; `${NAME}` is taken from the environment at request time.
    #[schemars(with = "Option<String>")]
    pub(crate) url: Option<Spanned<String>>,
    /// JSON pointer to the count in the URL's answer, e.g. "/items/0/statistics/viewCount".
    #[schemars(with = "Option<String>")]
    pub(crate) json: Option<Spanned<String>>,
    /// A YouTube video (its id, or a watch, youtu.be or shorts link): its views, from the
    /// YouTube Data API with the key in `$YOUTUBE_API_KEY` (or `key`).
    #[schemars(with = "Option<String>")]
    pub(crate) youtube: Option<Spanned<String>>,
    /// A Last.fm track: its play count, from `track.getInfo` with the key in
    /// `$LASTFM_API_KEY` (or `key`).
    #[schemars(with = "Option<RawLastfm>")]
    pub(crate) lastfm: Option<Spanned<RawLastfm>>,
    /// The API key of `youtube` or `lastfm`, as an environment variable: "${MY_API_KEY}".
    #[schemars(with = "Option<String>")]
    pub(crate) key: Option<Spanned<String>>,
    /// Where `youtube` or `lastfm` asks instead of the API's own server (a mirror).
    #[schemars(with = "Option<String>")]
    pub(crate) base_url: Option<Spanned<String>>,
    /// How often to poll, e.g. "5m"; at least 1s.
    #[schemars(with = "Option<Duration>")]
    pub(crate) every: Option<Spanned<String>>,
    /// How long one poll may take, e.g. "20s".
    #[schemars(with = "Option<Duration>")]
    pub(crate) timeout: Option<Spanned<String>>,
}

/// A Last.fm track.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Lastfm")]
pub(crate) struct RawLastfm {
    /// The artist, as Last.fm names them.
    pub(crate) artist: String,
    /// The track's title.
    pub(crate) track: String,
}

/// One `[[streams.goal]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Goal")]
pub(crate) struct RawGoal {
    /// e.g. "Global top 10"; a rank goal's defaults to "#1", "top 10", "#1 for 24h".
    #[schemars(with = "Option<String>")]
    pub(crate) label: Option<Spanned<String>>,
    /// Target count (a count stream's goals).
    #[schemars(with = "Option<Count>")]
    pub(crate) streams: Option<Spanned<toml::Value>>,
    /// The rank to reach or beat (a `measure = "rank"` stream's goals): 1 is #1.
    #[schemars(with = "Option<u64>")]
    pub(crate) rank: Option<Spanned<toml::Value>>,
    /// With `rank`: how long in a row at or above it, e.g. "24h" (a streak goal).
    #[serde(rename = "for")]
    #[schemars(rename = "for", with = "Option<Duration>")]
    pub(crate) hold: Option<Spanned<String>>,
    /// Deadline as a duration after the release.
    #[schemars(with = "Option<Duration>")]
    pub(crate) within: Option<Spanned<String>>,
    /// Deadline as a time.
    #[schemars(with = "Option<Time>")]
    pub(crate) deadline: Option<Spanned<toml::Value>>,
    /// Where the target came from, e.g. "regional-global-daily-2022-04-23.csv, chart of
    /// 2022-04-23" (`goals --from-chart` writes it); shown beside the goal.
    pub(crate) from: Option<String>,
}
