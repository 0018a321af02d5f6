//! dropwatch: a terminal dashboard counting down to releases and tracking streaming goals.
//! The library holds everything; `main.rs` only parses the command line and reports errors.

pub mod app;
pub mod bar;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod countdown;
pub mod event;
pub mod failure;
pub mod files;
pub mod hooks;
pub mod json;
pub mod load;
pub mod numbers;
pub mod polling;
pub mod problem;
pub mod readings;
pub mod record;
pub mod schema;
pub mod screen;
pub mod settings;
pub mod shell;
pub mod sources;
pub mod streams;
pub mod terminal;
#[doc(hidden)]
pub mod testing;
pub mod text;
pub mod ui;
pub mod view;
pub mod watch;
pub mod when;
