//! The runtime under every front-end (the dashboard, `bar`, `record`): it carries out the
//! effects the app asks for, reloads the config and readings, polls the count sources and
//! runs the hooks.

pub mod event;
pub mod hooks;
pub mod load;
pub mod polling;
pub mod watch;
