//! The JSON Schema shapes of the config's loose values (times, durations, counts), which serde
//! reads as spans or TOML values: what `schemars(with)` in `raw` says they hold.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// A time as the config takes it: local "YYYY-MM-DD HH:MM[:SS]" in the zone, RFC 3339, or a
/// TOML datetime (which editors see as a string).
pub(crate) struct Time;

impl JsonSchema for Time {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "examples": ["2022-04-24 23:00", "2022-04-24T14:00:00Z"]
        })
    }
}

/// A duration such as "1h", "90m", "1d 12h" or "2w".
pub(crate) struct Duration;

impl JsonSchema for Duration {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "examples": ["1h", "90m", "1d 12h", "2w"]
        })
    }
}

/// A count: a whole number, or a string for counts beyond TOML's integers or written with
/// separators or a suffix ("2,712,345", "2.7M").
pub(crate) struct Count;

impl JsonSchema for Count {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["integer", "string"],
            "minimum": 0
        })
    }
}
