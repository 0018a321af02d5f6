//! The readings: stream counts over time, kept in an append-only CSV file beside the config.
//! One job a file, each importing only those before it: `line` is the file's line format,
//! `index` holds the readings per stream for the stream math (pure: no file is opened), and
//! `file` reads, refreshes and appends the file. `poll` is what a poll of a count source
//! brings. `chart` reads a Spotify chart file (goals are set from it). Everything is named from here, so callers need not know the split.

pub(crate) mod chart;
mod file;
mod index;
mod line;
pub(crate) mod poll;
mod warnings;

pub use file::{append, read, refresh};
pub use index::{Conflict, Point, Readings, Series, parse};
pub use line::{Origin, Reading};
pub use warnings::Warnings;
pub(crate) use warnings::{Skip, Warning, Why};
