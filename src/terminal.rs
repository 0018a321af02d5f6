//! The terminal loop: set the terminal up, then wait for an event or the next second boundary,
//! update the app, draw only when the frame changed, and always restore the terminal.

use std::io::{self, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event as TermEvent};
use crossterm::execute;
use ratatui::DefaultTerminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Effect};
use crate::clock::Clock;
use crate::config;
use crate::event::{self, Event};
use crate::readings;

/// The shortest wait between frames, so a fast replay redraws at most 20 times a second.
const MIN_FRAME: Duration = Duration::from_millis(50);

/// Pushes the terminal's title on its stack (CSI 22 t) so it can be restored on exit.
const PUSH_TITLE: &str = "\x1b[22;2t";
/// Pops it back (CSI 23 t).
const POP_TITLE: &str = "\x1b[23;2t";

/// Runs the dashboard until the user quits, a signal arrives or the terminal goes away.
pub fn run(mut app: App, clock: Clock) -> anyhow::Result<()> {
    install_panic_hook();
    let mut terminal = ratatui::try_init().context(
        "cannot set up the terminal (run it in an interactive terminal, or use --once to print one frame)",
    )?;
    enter_extras();
    let result = event_loop(&mut terminal, &mut app, &clock);
    restore();
    match result {
        // A closed terminal (hang-up, stdout gone) is an ending, not an error to report.
        Err(e) if is_terminal_gone(&e) => Ok(()),
        other => other,
    }
}

/// Mouse capture and the title stack, beyond what `ratatui::init` sets up.
fn enter_extras() {
    let mut out = io::stdout();
    let _ = execute!(out, EnableMouseCapture);
    let _ = write!(out, "{PUSH_TITLE}");
    let _ = out.flush();
}

/// Leaves the terminal as we found it: mouse off, title popped, raw mode off, main screen.
fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = write!(out, "{POP_TITLE}");
    let _ = out.flush();
    ratatui::restore();
}

/// Restores the terminal before the default panic message, so the message is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn is_terminal_gone(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof
            ) || io.raw_os_error() == Some(5) // EIO: the tty was closed
        })
    })
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, clock: &Clock) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    event::spawn_input(tx.clone());
    event::spawn_signals(tx.clone()).context("cannot listen for signals")?;
    // Watch the config and readings; without a watch (embedded default, or the OS refused)
    // `r` still reloads by hand.
    let _watcher = match &app.config.source {
        config::Source::File(path) => {
            let mut files = vec![path.clone()];
            files.extend(app.config.source.readings_path());
            match crate::watch::spawn(&files, tx.clone()) {
                Ok(w) => Some(w),
                Err(e) => {
                    app.notice = Some(format!("not watching the config ({e}); press r to reload"));
                    None
                }
            }
        }
        config::Source::Embedded => None,
    };
    let mut last_frame: Option<Buffer> = None;
    let mut last_title = String::new();
    loop {
        app.tick(clock.now());
        for effect in std::mem::take(&mut app.effects) {
            if effect == Effect::Suspend {
                suspend(terminal)?;
                last_frame = None;
                last_title.clear();
            } else {
                apply(app, effect);
            }
        }
        if app.quit {
            return Ok(());
        }
        // Draw only when a cell would change: ratatui's diff skips unchanged cells, but each
        // `draw` still writes a style-reset tail, and a frame costs a wake-up of the terminal.
        if last_frame.is_none() {
            // A full redraw (first frame, resize, resume). `resize` clears without asking the
            // terminal for the cursor position, a query the input thread would swallow.
            let size = terminal.size()?;
            app.size = (size.width, size.height);
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
            terminal.hide_cursor()?;
        }
        if draw(terminal, app, &mut last_frame)? {
            Backend::flush(terminal.backend_mut())?;
        }
        let title = app.title_text();
        if title != last_title {
            // OSC 2 so the countdown reads from a tab or a tmux status line.
            let mut out = io::stdout();
            write!(out, "\x1b]2;{}\x07", title.replace(['\x07', '\x1b'], ""))?;
            out.flush()?;
            last_title = title;
        }
        match rx.recv_timeout(clock.until_next_second(MIN_FRAME)) {
            Ok(ev) => {
                if !on_event(app, ev, &mut last_frame) {
                    return Ok(());
                }
                // Apply whatever else is queued before drawing once.
                while let Ok(ev) = rx.try_recv() {
                    if !on_event(app, ev, &mut last_frame) {
                        return Ok(());
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// Renders the app into ratatui's buffer and sends the changed cells, only when some cell
/// changed since the last frame sent: `Terminal::draw` would write a style-reset tail and wake
/// the terminal every second even when nothing moved. Buffers are reused, not reallocated.
/// Returns whether anything was sent.
fn draw(terminal: &mut DefaultTerminal, app: &App, last: &mut Option<Buffer>) -> io::Result<bool> {
    let buf = terminal.current_buffer_mut();
    buf.reset();
    let area = buf.area;
    app.render(area, buf);
    if last.as_ref() == Some(&*buf) {
        return Ok(false);
    }
    match last {
        Some(prev) if prev.area == area => prev.content.clone_from(&buf.content),
        _ => *last = Some(buf.clone()),
    }
    terminal.flush()?;
    terminal.swap_buffers();
    Ok(true)
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again for a full redraw.
fn suspend(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Here after SIGCONT.
    *terminal = ratatui::try_init()?;
    enter_extras();
    Ok(())
}

/// Applies one event; false means stop.
fn on_event(app: &mut App, ev: Event, last_frame: &mut Option<Buffer>) -> bool {
    match ev {
        Event::Term(TermEvent::Key(key)) => app.on_key(key),
        Event::Term(TermEvent::Mouse(m)) => app.on_mouse(m),
        Event::Term(TermEvent::Resize(w, h)) => {
            app.size = (w, h);
            *last_frame = None;
        }
        Event::Term(_) => {}
        Event::Resumed => *last_frame = None,
        Event::InputClosed | Event::Signal(_) => return false,
        Event::FileChanged => app.effects.push(Effect::Reload),
    }
    !app.quit
}

/// Carries out an effect the app asked for.
fn apply(app: &mut App, effect: Effect) {
    match effect {
        Effect::Bell(text) => {
            let mut out = io::stdout();
            // BEL, then OSC 9: a desktop notification in terminals that support it.
            let _ = write!(out, "\x07\x1b]9;{}\x07", text.replace(['\x07', '\x1b'], ""));
            let _ = out.flush();
        }
        Effect::Reload => reload(app),
        Effect::Append(reading) => match app.config.source.readings_path() {
            Some(path) => match readings::append(&path, &reading) {
                Ok(()) => {
                    app.notice = Some(format!(
                        "saved {} for {} to {}",
                        crate::numbers::thousands(reading.count),
                        reading.event,
                        path.display()
                    ));
                    reload(app);
                }
                Err(e) => app.notice = Some(format!("cannot write {}: {e}", path.display())),
            },
            None => {
                app.add_reading(reading);
                app.notice = Some("kept until quit: run `dropwatch init` to save readings".into());
            }
        },
        Effect::Suspend => {}
    }
}

/// Re-reads the config and readings; a bad config keeps the last good one with a banner.
pub fn reload(app: &mut App) {
    match config::load(&app.config.source) {
        Ok(c) => app.set_config(c, chrono::Utc::now()),
        Err(e) => app.error = Some(e),
    }
    if let Some(path) = app.config.source.readings_path() {
        match readings::read(&path) {
            Ok(r) => app.readings = r,
            Err(e) => app.notice = Some(format!("cannot read {}: {e}", path.display())),
        }
    }
}
