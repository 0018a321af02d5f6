//! The command line, parsed by clap (derive): help, errors and exit code 2 for usage mistakes
//! come for free and match what users expect of a polished tool. `args` defines it,
//! `settings` resolves it with the environment, `complete` answers the completion scripts.

mod args;
mod candidates;
pub mod complete;
pub(crate) mod settings;

pub use args::{AddArgs, Cli, Command, GoalsArgs, StartView};
