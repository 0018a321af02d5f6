//! The app state and its update on events. No I/O here: what needs the outside world (a bell,
//! appending a reading, re-reading the config, a hook) is returned as an [`Effect`] for the
//! runtime. The state never asks the renderer: a click arrives already resolved to what was
//! under it.

mod board;
mod editing;
mod effect;
mod form;
mod goals;
mod hook;
pub mod keys;
mod mode;
mod prompt;
pub(crate) mod select;
mod state;
#[cfg(test)]
mod tests;
mod update;

pub use effect::{Effect, Event, Hit};
pub use form::{ConfigEdit, Field, Form, FormKind};
pub(crate) use hook::Hook;
pub use mode::{Board, Mode, Prompt};
pub use state::App;
