//! The default config, compiled in: what runs when no file is found, what `dropwatch init`
//! writes, and what the tests start from.

/// The default config's TOML text.
pub const DEFAULT_TOML: &str = include_str!("../../assets/dropwatch.toml");
