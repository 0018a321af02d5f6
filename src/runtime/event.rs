//! One event enum and the plain threads that feed it: terminal input, signals, file changes,
//! count sources (their poller's thread sends [`Event::Polled`]), hooks (their thread sends
//! [`Event::HookFailed`]).
//! The loop owns the only receiver; the clock needs no thread (the loop sleeps until the next
//! second boundary in `recv_timeout`).

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event as term;

/// Something the loop must react to.
#[derive(Debug)]
pub enum Event {
    /// A key, mouse, resize or focus event from the terminal.
    Term(term::Event),
    /// Reading the terminal failed: it is gone.
    InputClosed,
    /// A signal asking us to stop (SIGTERM, SIGHUP, SIGINT).
    Signal(i32),
    /// The process was continued after a stop (SIGCONT): redraw everything.
    Resumed,
    /// The config or readings file changed on disk.
    FileChanged,
    /// A count source was polled.
    Polled(crate::readings::poll::PollResult<crate::readings::poll::Key>),
    /// A hook failed: what it was for and why.
    HookFailed(String),
}

/// Reads terminal events on a thread until the receiver is gone or the terminal closes.
pub fn spawn_input(tx: Sender<Event>) {
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

/// Forwards SIGTERM, SIGHUP and SIGINT to the loop, so it can restore the terminal and exit,
/// and SIGCONT, so it can redraw after a stop.
pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGCONT])?;
    thread::spawn(move || {
        for sig in signals.forever() {
            let event = if sig == SIGCONT {
                Event::Resumed
            } else {
                Event::Signal(sig)
            };
            if tx.send(event).is_err() {
                return;
            }
        }
    });
    Ok(())
}
