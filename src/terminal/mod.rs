//! The terminal loop: set the terminal up, then wait for an event or the next second boundary,
//! update the app, draw only when the frame changed, and always restore the terminal.

pub mod screen;

use std::io::{self, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use anyhow::Context;
use chrono::Timelike;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event as TermEvent};
use crossterm::event::{MouseButton, MouseEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::config;
use crate::readings;
use crate::runtime::event::{self, Event};
use crate::runtime::load;
use crate::runtime::polling::{self, Polling, Role};
use crate::terminal::screen::Screen;
use crate::ui::Hits;
use crate::values::clock::Clock;
use crate::view::View;

/// The shortest wait between frames, so a fast replay redraws at most 20 times a second.
const MIN_FRAME: Duration = Duration::from_millis(50);

/// Pushes the terminal's title on its stack (CSI 22 t) so it can be restored on exit.
const PUSH_TITLE: &str = "\x1b[22;2t";
/// Pops it back (CSI 23 t).
const POP_TITLE: &str = "\x1b[23;2t";

/// Runs the dashboard until the user quits, a signal arrives or the terminal goes away.
pub fn run(mut app: App, clock: Clock) -> anyhow::Result<()> {
    install_panic_hook();
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may be on already when entering the alternate screen failed.
            restore();
            return Err(anyhow::Error::new(e).context(
                "cannot set up the terminal (run it in an interactive terminal, or use --once to print one frame)",
            ));
        }
    };
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

/// Leaves the terminal as we found it: mouse off, title popped, raw mode off, main screen,
/// cursor shown. `ratatui::restore` does not show the cursor the draw loop hid.
fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = write!(out, "{POP_TITLE}");
    let _ = out.flush();
    ratatui::restore();
    let _ = execute!(out, crossterm::cursor::Show);
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
            match crate::runtime::watch::spawn(&files, tx.clone()) {
                Ok(w) => Some(w),
                Err(e) => {
                    app.notice = Some(format!("not watching the config ({e}); press r to reload"));
                    None
                }
            }
        }
        config::Source::Embedded => None,
    };
    // Sources are read now: a replay shows what was recorded and polls nothing.
    let live = *clock == Clock::System;
    let mut polling = Polling::idle();
    let mut polled_sources = Polled::default();
    let mut screen = Screen::default();
    let mut full_redraw = true;
    let mut last_title = String::new();
    // The view of the last frame, and whether anything but the clock moved since (an event,
    // an effect): then the view is derived anew and the frame rendered in full.
    let mut view: Option<View> = None;
    let mut changed = true;
    loop {
        app.tick(clock.now());
        if live {
            changed |= keep_polling(app, &mut polling, &mut polled_sources, &tx);
        }
        changed |= !app.effects.is_empty();
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Suspend => {
                    suspend()?;
                    full_redraw = true;
                    last_title.clear();
                }
                Effect::Hook(hook) => run_hook(hook, &tx),
                effect => apply(app, effect),
            }
        }
        if app.quit {
            return Ok(());
        }
        if full_redraw {
            // First frame, resize, resume.
            let size = terminal.size()?;
            screen.clear(
                terminal.backend_mut(),
                Rect::new(0, 0, size.width, size.height),
            )?;
            full_redraw = false;
            changed = true;
        }
        // Only the seconds moved: draw the parts that show them. Else a full render.
        screen.update(terminal.backend_mut(), app, &mut view, changed)?;
        changed = false;
        if let Some(v) = &view
            && v.title != last_title
        {
            crate::terminal::screen::set_title(&mut io::stdout().lock(), &v.title)?;
            last_title.clone_from(&v.title);
        }
        match rx.recv_timeout(clock.until_next_second(MIN_FRAME)) {
            Ok(ev) => {
                changed = true;
                if !on_event(app, ev, &screen.hits, &mut full_redraw) {
                    return Ok(());
                }
                // Apply whatever else is queued before drawing once.
                while let Ok(ev) = rx.try_recv() {
                    if !on_event(app, ev, &screen.hits, &mut full_redraw) {
                        return Ok(());
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again for a full redraw.
/// Raw mode and the alternate screen are set up by hand on resume: `ratatui::try_init` would
/// install its panic hook once more on every suspend.
fn suspend() -> anyhow::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Here after SIGCONT.
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    enter_extras();
    Ok(())
}

/// Runs `hook` beside the screen; only a failure comes back, for the footer.
fn run_hook(hook: crate::runtime::hooks::Hook, tx: &mpsc::Sender<Event>) {
    let tx = tx.clone();
    crate::runtime::hooks::spawn(hook, move |outcome| {
        if let Err(why) = outcome {
            let _ = tx.send(Event::HookFailed(why));
        }
    });
}

/// Applies one event, hit-testing clicks against the last drawn frame; false means stop.
fn on_event(app: &mut App, ev: Event, hits: &Hits, full_redraw: &mut bool) -> bool {
    match ev {
        Event::Term(TermEvent::Key(key)) => app.on_key(key),
        Event::Term(TermEvent::Mouse(m)) => {
            if m.kind == MouseEventKind::Down(MouseButton::Left)
                && let Some(hit) = hits.at(m.column, m.row)
            {
                app.on_click(hit);
            }
        }
        Event::Term(TermEvent::Resize(..)) => *full_redraw = true,
        Event::Term(_) => {}
        Event::Resumed => *full_redraw = true,
        Event::InputClosed | Event::Signal(_) => return false,
        Event::FileChanged => app.effects.push(Effect::Reload),
        Event::HookFailed(why) => app.notice = Some(format!("hook failed: {why}")),
        Event::Polled(result) => {
            app.on_poll(&result);
            if let Some(reading) = crate::readings::poll::reading(&app.config, &result)
                && let Err(why) = save(app, reading)
            {
                app.notice = Some(why);
            }
        }
    }
    !app.quit
}

/// The sources being polled, and the load of the config they came from.
#[derive(Default)]
struct Polled {
    loaded_at: Option<chrono::DateTime<chrono::Utc>>,
    sources: Option<Vec<(polling::Key, config::SourceSpec)>>,
}

/// (Re)starts polling when a reload changed the config's sources, and retries once a minute
/// while another process polls, so that this one takes over when that one quits. Returns
/// whether it (re)started.
fn keep_polling(
    app: &mut App,
    polling: &mut Polling,
    polled: &mut Polled,
    tx: &mpsc::Sender<Event>,
) -> bool {
    let reloaded = polled.loaded_at != app.loaded_at || polled.sources.is_none();
    let retry = matches!(polling.role, Role::Watching(_)) && app.now.second() == 0;
    if !reloaded && !retry {
        return false;
    }
    polled.loaded_at = app.loaded_at;
    let now = polling::sources(&app.config);
    if polled.sources.as_ref() == Some(&now) && !retry {
        return false;
    }
    // Let go of the lock before taking it again.
    *polling = Polling::idle();
    let tx = tx.clone();
    *polling = polling::start(&app.config, "the dashboard", move |r| {
        let _ = tx.send(Event::Polled(r));
    });
    app.polled_by = match &polling.role {
        Role::Watching(who) => Some(who.clone()),
        _ => None,
    };
    polled.sources = Some(now);
    true
}

/// Appends `reading` to the readings file (the path `log` takes) and shows it at once; the
/// embedded default keeps it in memory. Says why when it cannot be written.
fn save(app: &mut App, reading: readings::Reading) -> Result<(), String> {
    let result = match app.config.source.readings_path() {
        Some(path) => readings::append(&path, &reading)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => Ok(()),
    };
    if result.is_ok() {
        // Shown at once; the watcher's reload of the file follows.
        app.add_reading(reading);
    }
    result
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
        Effect::Append(reading) => {
            let saved = format!(
                "saved {} for {}",
                crate::values::numbers::thousands(reading.count),
                reading.event,
            );
            app.notice = Some(
                match (save(app, reading), app.config.source.readings_path()) {
                    (Err(why), _) => why,
                    (Ok(()), Some(path)) => format!("{saved} to {}", path.display()),
                    (Ok(()), None) => {
                        "kept until quit: run `dropwatch init` to save readings".into()
                    }
                },
            );
        }
        // Handled in the loop, which owns the terminal and the channel.
        Effect::Suspend | Effect::Hook(_) => {}
    }
}

/// Re-reads the config and readings; a bad config keeps the last good one with a banner.
fn reload(app: &mut App) {
    match load::config(&app.config.source) {
        Ok(c) => app.set_config(c, chrono::Utc::now()),
        Err(e) => app.reload_failed(e),
    }
    load::refresh_readings(&app.config.source, &mut app.readings);
    app.readings_changed();
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_failed_hook_shows_in_the_footer() {
        let mut app = crate::testing::app("2022-04-24T13:00:00Z");
        let (tx, rx) = mpsc::channel();
        let hook = crate::runtime::hooks::Hook::release(
            "echo ok; echo 'no display' >&2; exit 1",
            &app.config.events[0],
        );
        run_hook(hook, &tx);
        let mut full_redraw = false;
        assert!(on_event(
            &mut app,
            rx.recv().unwrap(),
            &Hits::default(),
            &mut full_redraw
        ));
        let text = crate::testing::text(&app, 120, 30);
        assert!(
            text.contains("hook failed: on_release of With You: exit 1: no display"),
            "{text}"
        );
    }
}
