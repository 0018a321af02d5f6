//! The signal thread: SIGTERM, SIGHUP and SIGINT ask the front-end to stop (so the dashboard
//! restores the terminal), SIGCONT says it was continued after a stop. Unix only: Windows has
//! none of these signals, and there Ctrl-C reaches the dashboard as a key in raw mode.

use std::sync::mpsc::Sender;

use crate::app::Event;

/// Forwards SIGTERM, SIGHUP and SIGINT to the loop, so it can restore the terminal and exit,
/// and SIGCONT, so it can redraw after a stop.
#[cfg(unix)]
pub(crate) fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGCONT])?;
    std::thread::spawn(move || {
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

/// Nothing to listen for: `record` and `bar` end with the console's Ctrl-C, without the
/// clean stop that Unix signals get.
#[cfg(not(unix))]
pub(crate) fn spawn_signals(_tx: Sender<Event>) -> std::io::Result<()> {
    Ok(())
}
