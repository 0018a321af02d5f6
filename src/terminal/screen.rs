//! What is on the terminal, and bringing it up to date: a full render into a fresh frame, or,
//! when only the seconds moved, the parts that show seconds drawn again into the kept frame.
//! Either way only the cells that differ from what the terminal shows are written.

use std::io::{self, Write};

use arrayvec::ArrayVec;
use crossterm::cursor::MoveTo;
use crossterm::queue;
use crossterm::style::{Colors, Print, SetColors};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::backend::{Backend, IntoCrossterm};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::ui::{self, Hits, Part};
use crate::view::View;

/// The terminal's cells as last written, and the frame being drawn. ratatui's `Terminal::draw`
/// writes a style-reset tail and wakes the terminal on every call even when no cell changed,
/// and keeps buffers we would compare again; so we diff our own two buffers and send the
/// changed cells only when there are some. Both buffers are reused from frame to frame.
#[derive(Debug, Default)]
pub struct Screen {
    /// What the terminal shows.
    shown: Buffer,
    /// Scratch for the next frame.
    next: Buffer,
    /// Where the last full render drew what a click can land on.
    pub(crate) hits: Hits,
    /// The parts that show seconds in the last full render; `None` when every frame is full.
    parts: Option<Vec<Part>>,
}

impl Screen {
    /// Clears the terminal and forgets what it showed, so the next draw sends every cell.
    pub(crate) fn clear<B: Backend<Error = io::Error> + Write>(
        &mut self,
        backend: &mut B,
        area: Rect,
    ) -> io::Result<()> {
        // Frames are written from the default style (see `send`); after a suspend the shell
        // may have left another.
        backend.write_all(RESET)?;
        backend.clear_region(ratatui::backend::ClearType::All)?;
        backend.hide_cursor()?;
        self.forget(area);
        Ok(())
    }

    /// Forgets what the terminal showed: the next draw sends every cell of `area`.
    pub fn forget(&mut self, area: Rect) {
        self.shown = Buffer::empty(area);
        self.next = Buffer::empty(area);
        self.parts = None;
    }

    /// What the terminal shows.
    pub fn shown(&self) -> &Buffer {
        &self.shown
    }

    /// Renders `app` in full and sends what changed; returns whether anything was sent.
    pub fn draw<B: Backend<Error = io::Error> + Write>(
        &mut self,
        backend: &mut B,
        app: &App,
        view: &View,
    ) -> io::Result<bool> {
        self.next.reset();
        let area = self.next.area;
        let drawn = ui::draw(app, view, area, &mut self.next);
        self.hits = drawn.hits;
        self.parts = drawn.parts;
        let mut updates = Vec::new();
        super::diff::diff(&self.shown, &self.next, &mut updates);
        if updates.is_empty() {
            return Ok(false);
        }
        send(backend, updates.into_iter())?;
        std::mem::swap(&mut self.shown, &mut self.next);
        Ok(true)
    }

    /// Brings the frame to `view`'s second when only its seconds moved since the last full
    /// render ([`View::advance`] said so): draws the parts that show seconds again, compares
    /// their cells alone and sends those that changed. Allocates nothing. Returns `None` when
    /// there are no parts to draw (the last render kept none): the caller renders in full.
    pub fn second<B: Backend<Error = io::Error> + Write>(
        &mut self,
        backend: &mut B,
        app: &App,
        view: &View,
    ) -> io::Result<Option<bool>> {
        let Some(parts) = &self.parts else {
            return Ok(None);
        };
        ui::draw_seconds(app, view, parts, &mut self.next);
        // One pass over the parts' cells; what changed is noted on the stack.
        let mut changed = ArrayVec::<Position, MAX_CHANGED>::new();
        for part in parts {
            for p in part.area().intersection(self.next.area).positions() {
                let (was, now) = (&self.shown[p], &self.next[p]);
                if was == now {
                    continue;
                }
                // A wide character covers its neighbour, which ratatui's diff knows how to
                // write; the parts are clocks and countdowns, so this is for safety only.
                if !narrow(was) || !narrow(now) || changed.try_push(p).is_err() {
                    return Ok(None);
                }
            }
        }
        if changed.is_empty() {
            return Ok(Some(false));
        }
        let next = &self.next;
        send(backend, changed.iter().map(|p| (p.x, p.y, &next[*p])))?;
        for p in changed {
            self.shown[p].clone_from(&self.next[p]);
        }
        Ok(Some(true))
    }
}

/// Sets the terminal's title (OSC 2), so the countdown reads from a tab or a tmux status line;
/// control characters in it are left out. Allocates nothing.
pub fn set_title(out: &mut impl Write, title: &str) -> io::Result<()> {
    out.write_all(b"\x1b]2;")?;
    for piece in title.split(|c: char| c.is_control()) {
        out.write_all(piece.as_bytes())?;
    }
    out.write_all(b"\x07")?;
    out.flush()
}

/// Writes `cells` inside a synchronized update (CSI ?2026h … ?2026l), so a terminal that
/// supports it never shows half a frame. Like ratatui's crossterm backend it moves the cursor
/// only where a cell does not follow the last one and sets only the style that changed; unlike
/// it, it ends with a reset only when the last cell's style was not the default (every frame
/// starts from the default and leaves it so). For the second's one changed cell that is 25
/// bytes, where the backend's four-part reset tail made it 44.
fn send<'a, W: Write>(
    out: &mut W,
    cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    queue!(out, BeginSynchronizedUpdate)?;
    let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in cells {
        if !matches!(last, Some((lx, ly)) if x == lx.wrapping_add(1) && y == ly) {
            queue!(out, MoveTo(x, y))?;
        }
        last = Some((x, y));
        if cell.modifier != modifier {
            if !(modifier - cell.modifier).is_empty() {
                // Something to take away: start again from the default.
                out.write_all(RESET)?;
                (fg, bg, modifier) = (Color::Reset, Color::Reset, Modifier::empty());
            }
            for (m, sgr) in ATTRIBUTES {
                if cell.modifier.contains(m) && !modifier.contains(m) {
                    out.write_all(sgr)?;
                }
            }
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            queue!(
                out,
                SetColors(Colors::new(
                    cell.fg.into_crossterm(),
                    cell.bg.into_crossterm()
                ))
            )?;
            (fg, bg) = (cell.fg, cell.bg);
        }
        queue!(out, Print(cell.symbol()))?;
    }
    if fg != Color::Reset || bg != Color::Reset || !modifier.is_empty() {
        out.write_all(RESET)?;
    }
    queue!(out, EndSynchronizedUpdate)?;
    out.flush()
}

/// The most cells a second may change and still be written from the parts: the biggest digits
/// are 8 by 8 cells each. More falls back to a full render.
const MAX_CHANGED: usize = 2048;

/// Whether `cell` takes one column.
fn narrow(cell: &Cell) -> bool {
    cell.symbol().width() == 1
}

/// Resets every attribute and colour (SGR 0).
const RESET: &[u8] = b"\x1b[0m";

/// Each modifier and the SGR sequence that sets it. Written as bytes: crossterm's
/// `SetAttribute` formats its code through a `String`, one allocation per attribute.
const ATTRIBUTES: [(Modifier, &[u8]); 9] = [
    (Modifier::BOLD, b"\x1b[1m"),
    (Modifier::DIM, b"\x1b[2m"),
    (Modifier::ITALIC, b"\x1b[3m"),
    (Modifier::UNDERLINED, b"\x1b[4m"),
    (Modifier::SLOW_BLINK, b"\x1b[5m"),
    (Modifier::RAPID_BLINK, b"\x1b[6m"),
    (Modifier::REVERSED, b"\x1b[7m"),
    (Modifier::HIDDEN, b"\x1b[8m"),
    (Modifier::CROSSED_OUT, b"\x1b[9m"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Sink;
    use ratatui::backend::CrosstermBackend;

    #[test]
    fn a_frame_is_one_synchronized_update_and_no_change_writes_nothing() {
        let app = crate::testing::app("2022-04-24T13:00:00Z");
        let view = View::derive(&app);
        let sink = Sink::default();
        let mut backend = CrosstermBackend::new(sink.clone());
        let mut screen = Screen::default();
        screen.forget(Rect::new(0, 0, 40, 12));
        assert!(screen.draw(&mut backend, &app, &view).unwrap());
        let out = String::from_utf8_lossy(&sink.0.borrow()).to_string();
        assert!(out.starts_with("\x1b[?2026h"), "{out:?}");
        assert!(out.ends_with("\x1b[?2026l"), "{out:?}");
        assert!(out.contains("With You"), "{out:?}");
        sink.0.borrow_mut().clear();
        assert!(!screen.draw(&mut backend, &app, &view).unwrap());
        assert!(sink.0.borrow().is_empty());
    }

    /// A second of the embedded default today changes one cell of the clock: the frame is
    /// that cell alone, moved to and written inside the synchronized update, no reset tail.
    #[test]
    fn a_clock_second_writes_one_cell() {
        let mut app = crate::testing::app("2026-11-26T12:00:03Z");
        let sink = Sink::default();
        let mut backend = CrosstermBackend::new(sink.clone());
        let mut screen = Screen::default();
        screen.forget(Rect::new(0, 0, 120, 40));
        let mut view = View::derive(&app);
        assert!(screen.draw(&mut backend, &app, &view).unwrap());
        sink.0.borrow_mut().clear();
        app.tick(crate::testing::utc("2026-11-26T12:00:04Z"));
        assert!(view.advance(&app));
        assert_eq!(
            screen.second(&mut backend, &app, &view).unwrap(),
            Some(true)
        );
        let out = String::from_utf8_lossy(&sink.0.borrow()).to_string();
        assert_eq!(out, "\x1b[?2026h\x1b[1;110H4\x1b[?2026l");
        // The kept frame is what a full render of that second draws.
        assert_eq!(screen.shown(), &crate::testing::render(&app, 120, 40));
    }
}
