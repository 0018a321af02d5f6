//! What reaches the state from outside ([`Event`]) and what the state asks of the outside
//! world in return ([`Effect`]): both plain data, so the state never does I/O.

use crossterm::event as term;

use super::hook::Hook;
use crate::readings::Reading;
use crate::readings::poll::{Key, PollResult};

/// What a click landed on, as the last drawn frame laid it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The row of the event at this index of `config.events`.
    Event(usize),
}

/// Something that happened: a key, a click, a signal, a file change, a poll, a hook's end.
#[derive(Debug)]
pub enum Event {
    /// A key, resize or focus event from the terminal (mouse events arrive as [`Event::Click`]).
    Term(term::Event),
    /// A left click, already resolved to what the last drawn frame showed there.
    Click(Hit),
    /// Reading the terminal failed: it is gone.
    InputClosed,
    /// A signal asking us to stop (SIGTERM, SIGHUP, SIGINT).
    Signal(i32),
    /// The process was continued after a stop (SIGCONT).
    Resumed,
    /// The config or readings file changed on disk.
    FileChanged,
    /// A count source was polled.
    Polled(PollResult<Key>),
    /// A hook failed: what it was for and why.
    HookFailed(String),
}

/// Something the runtime must do outside the pure state: the app asks, the runtime acts (or
/// hands it to the front-end, for what only a screen can do).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ring the bell and send a desktop notification with this text (the dashboard only).
    Bell(String),
    /// Re-read the config and readings now.
    Reload,
    /// Append a reading the user typed to the readings file, and say where it went.
    Append(Reading),
    /// Append a reading a count source brought, quietly.
    Record(Reading),
    /// Give the terminal back and stop (Ctrl-Z) (the dashboard only).
    Suspend,
    /// Draw everything again: the terminal was resized or resumed (the dashboard only).
    Redraw,
    /// Run this hook without waiting for it.
    Hook(Hook),
    /// Save a share card of what is shown (of this stream, an index into `config.streams`,
    /// when the overview has one selected) and say its path in the footer.
    Card(Option<usize>),
    /// A goal of this stream (an index into `config.streams`) was reached with
    /// `cards_on_goal` on: save its card, then run the `on_goal` hook, if any, with the card's
    /// path in `DROPWATCH_CARD`.
    GoalCard(usize, Option<Hook>),
    /// Change the config file as a form asked; the answer goes back to the form.
    Edit(super::form::ConfigEdit),
}
