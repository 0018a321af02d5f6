//! The completion call-back: the scripts `dropwatch completions` writes call the binary back
//! with `_DROPWATCH_COMPLETE` set, and it answers with candidates instead of running.

use clap::CommandFactory;
use clap_complete::CompleteEnv;

use super::args::Cli;

/// The environment variable the completion scripts set when they call back for candidates.
/// Ours rather than the common `COMPLETE`, so a stray variable cannot change what a normal run
/// does.
pub(crate) const COMPLETE_VAR: &str = "_DROPWATCH_COMPLETE";

/// The program the scripts complete and call back: found on PATH as the user runs it.
pub(crate) const BIN: &str = "dropwatch";

/// Answers a completion script's call-back and exits; returns at once on a normal run (one
/// environment lookup). Call first in `main`, before anything is printed.
pub fn complete_from_env() {
    if std::env::var_os(COMPLETE_VAR).is_none() {
        return;
    }
    CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .bin(BIN)
        .completer(BIN)
        .complete();
}
