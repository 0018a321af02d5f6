//! The config: where the file is ([`locate`]), the compiled-in default ([`default`]), the
//! domain types ([`types`]), reading and parsing it ([`parse`]) and turning the TOML into
//! checked types ([`validate`]), with every mistake reported as file:line:col and what to write
//! instead ([`error`]).

pub mod schema;
mod shapes;
pub(crate) mod store;
pub(crate) mod template;

pub(crate) mod calendar;
mod default;
pub(crate) mod edit;
mod error;
pub(crate) mod locate;
mod origin;
pub(crate) mod parse;
mod preset;
pub mod rank;
mod rank_check;
pub(crate) mod raw;
mod source;
pub(crate) mod types;
mod validate;

pub use default::DEFAULT_TOML;
pub use error::{ConfigError, ConfigErrors, LineIndex};
pub use locate::{locate, user_config_path};
pub use origin::Source;
pub use parse::{load, parse};
pub use source::{Preset, SourceKind, SourceProblem, SourceSpec};
pub use types::{Config, Event, Goal, Stream, Sum, default_unit};
pub(crate) use validate::slug;
