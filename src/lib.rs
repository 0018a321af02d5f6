//! dropwatch: a terminal dashboard counting down to releases and tracking streaming goals.
//! The library holds everything; `main.rs` only parses the command line and reports errors.

pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod countdown;
pub mod event;
pub mod files;
pub mod json;
pub mod numbers;
pub mod readings;
pub mod streams;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod watch;
pub mod when;
