//! The terminal's input thread: keys, mouse, resizes and focus, until the terminal closes.

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event as term;

use crate::app::Event;

/// Reads terminal events on a thread until the receiver is gone or the terminal closes.
pub(crate) fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let event = match term::read() {
                Ok(e) => Event::Term(e),
                Err(_) => Event::InputClosed,
            };
            let closed = matches!(event, Event::InputClosed);
            if tx.send(event).is_err() || closed {
                return;
            }
        }
    });
}
