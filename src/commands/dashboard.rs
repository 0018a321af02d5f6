//! The dashboard: one frame printed as text or JSON (`--once`), or live, the terminal's
//! front-end over the runtime. One turn of the live loop walks down once: an event goes to
//! `app.update`, the runtime carries out the effects, the loop derives the view (it owns it),
//! `ui::draw` renders it, and the screen writes what changed.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::event::{Event as TermEvent, MouseButton, MouseEventKind};
use ratatui::backend::Backend;
use ratatui::layout::Rect;

use super::output::print_with;
use super::setup::{clock, source};
use crate::app::{App, Board, Event, Mode};
use crate::cli::settings::{Output, Settings};
use crate::failure::Failure;
use crate::runtime::load;
use crate::runtime::{Outcome, Runtime};
use crate::terminal::screen::{self, Screen};
use crate::terminal::{Tui, input, is_terminal_gone};
use crate::ui::Hits;
use crate::values::clock::Clock;
use crate::view::View;

/// The shortest wait between frames, so a fast replay redraws at most 20 times a second.
const MIN_FRAME: Duration = Duration::from_millis(50);

/// The dashboard: live in the terminal, or one frame printed as text or JSON.
pub(crate) fn start(settings: &Settings) -> Result<(), Failure> {
    let (config, readings) = load::both(&source(settings)?)?;
    let clock = clock(settings, settings.output != Output::Live);
    if settings.output != Output::Live {
        // The dashboard shows these; a printed frame has only stderr to say them on.
        for w in readings.warnings.lines() {
            eprintln!("warning: {w}");
        }
    }
    let mut app = App::new(config, readings, clock.now(), settings.local_zone);
    app.set_lang_choice(settings.lang.clone());
    app.color = settings.color;
    app.loaded_at = Some(settings.real_now);
    if settings.overview {
        app.mode = Mode::Overview(Board::default());
    }
    let text = match settings.output {
        Output::Live => {
            return run(app, clock, settings.hooks).map_err(Failure::Runtime);
        }
        Output::Json => {
            let view = View::derive_everything(&app);
            let mut s = serde_json::to_string_pretty(&crate::view::json::snapshot(&app, &view))
                .map_err(|e| Failure::Runtime(e.into()))?;
            s.push('\n');
            s
        }
        Output::Text { width, height } => {
            crate::ui::text::frame_text(&app, &View::derive(&app), width, height)
        }
    };
    print_with(|out| out.write_all(text.as_bytes()))
}

/// Runs the dashboard until the user quits, a signal arrives or the terminal goes away; with
/// `hooks`, this process runs them when no other on the config does.
pub(crate) fn run(mut app: App, clock: Clock, hooks: bool) -> anyhow::Result<()> {
    let mut runtime = Runtime::start(&mut app, clock, "the dashboard", hooks)?;
    let mut tui = Tui::enter()?;
    let result = event_loop(&mut tui, &mut app, &mut runtime);
    // The terminal first: ending the commands still running may take a second.
    drop(tui);
    drop(runtime);
    match result {
        // A closed terminal (hang-up, stdout gone) is an ending, not an error to report.
        Err(e) if is_terminal_gone(&e) => Ok(()),
        other => other,
    }
}

/// What the loop keeps from frame to frame.
#[derive(Default)]
struct Shown {
    screen: Screen,
    /// The view of the last frame.
    view: Option<View>,
    /// The title last written.
    title: String,
    /// Everything must be drawn again (first frame, resize, resume).
    redraw: bool,
}

fn event_loop(tui: &mut Tui, app: &mut App, runtime: &mut Runtime) -> anyhow::Result<()> {
    input::spawn_input(runtime.sender());
    let mut shown = Shown {
        redraw: true,
        ..Shown::default()
    };
    // Whether anything but the clock moved since the last frame (an event, an effect): then
    // the view is derived anew and the frame rendered in full.
    let mut changed = true;
    loop {
        app.tick(runtime.now());
        changed |= !app.effects.is_empty();
        for outcome in runtime.effects(app) {
            changed = true;
            if let Outcome::Notice(text) = &outcome {
                app.notice = Some(text.clone());
            }
            front_end(tui, &mut shown, outcome)?;
        }
        if app.quit {
            return Ok(());
        }
        draw(tui, &mut shown, app, changed)?;
        if let Some(last) = shown.screen.hits.help_last() {
            app.hold_help_scroll(last);
        }
        changed = false;
        let wait = runtime.clock().until_next_second(MIN_FRAME);
        let Some(first) = runtime.next_event(wait) else {
            continue;
        };
        changed = true;
        // Apply whatever else is queued before drawing once.
        let mut next = Some(first);
        while let Some(ev) = next {
            if let Some(ev) = resolve(ev, &shown.screen.hits) {
                app.update(ev);
            }
            if app.quit {
                return Ok(());
            }
            next = runtime.queued();
        }
    }
}

/// What only the dashboard does: ring, suspend, redraw.
fn front_end(tui: &mut Tui, shown: &mut Shown, outcome: Outcome) -> anyhow::Result<()> {
    match outcome {
        Outcome::Bell(text) => {
            let mut out = io::stdout();
            // BEL, then OSC 9: a desktop notification in terminals that support it.
            let _ = write!(out, "\x07\x1b]9;{}\x07", text.replace(['\x07', '\x1b'], ""));
            let _ = out.flush();
        }
        Outcome::Suspend => {
            tui.suspend()?;
            shown.redraw = true;
            shown.title.clear();
        }
        Outcome::Redraw => shown.redraw = true,
        // The state shows the rest: the banner, the footer, the count.
        _ => {}
    }
    Ok(())
}

/// Brings the terminal up to `app`, and its title.
fn draw(tui: &mut Tui, shown: &mut Shown, app: &App, changed: bool) -> anyhow::Result<()> {
    let backend = tui.backend();
    let mut changed = changed;
    if shown.redraw {
        let size = backend.size()?;
        shown
            .screen
            .clear(backend, Rect::new(0, 0, size.width, size.height))?;
        shown.redraw = false;
        changed = true;
    }
    frame(backend, &mut shown.screen, app, &mut shown.view, changed)?;
    if let Some(v) = &shown.view
        && v.title != shown.title
    {
        screen::set_title(&mut io::stdout().lock(), &v.title)?;
        shown.title.clone_from(&v.title);
    }
    Ok(())
}

/// One frame: when nothing but the clock moved since `view` was derived (`changed` is false)
/// and [`View::advance`] says only its seconds did, the screen draws the parts that show
/// seconds; else the view is derived anew and rendered in full. Returns whether it took the
/// per-second path.
pub fn frame<B: Backend<Error = io::Error> + Write>(
    backend: &mut B,
    screen: &mut Screen,
    app: &App,
    view: &mut Option<View>,
    changed: bool,
) -> io::Result<bool> {
    if let Some(v) = view.as_mut().filter(|_| !changed)
        && v.advance(app)
        && screen.second(backend, app, v)?.is_some()
    {
        return Ok(true);
    }
    let fresh = View::derive(app);
    screen.draw(backend, app, &fresh)?;
    *view = Some(fresh);
    Ok(false)
}

/// A mouse event becomes a click on what the last frame drew there, or nothing.
fn resolve(ev: Event, hits: &Hits) -> Option<Event> {
    match ev {
        Event::Term(TermEvent::Mouse(m)) => (m.kind == MouseEventKind::Down(MouseButton::Left))
            .then(|| hits.at(m.column, m.row))
            .flatten()
            .map(Event::Click),
        other => Some(other),
    }
}
