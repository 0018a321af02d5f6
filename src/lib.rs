//! dropwatch: a terminal dashboard counting down to releases and tracking streaming goals.
//! The library holds everything; `main.rs` only parses the command line and reports errors.
//!
//! The folders are the layers, each importing only those listed before it (`tests/layers.rs`
//! holds the order): `values` (time, numbers, text) ← `files` ← `config` ← `failure` ←
//! `readings` ← `streams` (pure goal math) ← `sources` (count commands and URLs) ← `app` (the
//! state) ← `view` (what a frame shows, and its JSON and bar forms) ← `ui` (widgets) ← `card`
//! (share cards: SVG, PNG, files) ← `runtime` (effects, reloads, polling, hooks, the file
//! watch) ← `terminal` (the screen, the keys, raw mode) ← `cli` ← `commands` (each command,
//! and the dashboard's loop).

pub mod app;
pub mod card;
pub mod cli;
pub mod commands;
pub mod config;
pub mod failure;
pub(crate) mod files;
pub mod lang;
pub mod readings;
pub mod runtime;
pub mod sources;
pub mod streams;
pub mod terminal;
#[doc(hidden)]
pub mod testing;
pub mod ui;
pub mod values;
pub mod view;
