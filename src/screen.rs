//! What is on the terminal, and bringing it up to date: a full render into a fresh frame, or,
//! when only the seconds moved, the parts that show seconds drawn again into the kept frame.
//! Either way only the cells that differ from what the terminal shows are written.

use std::io::{self, Write};

use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

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
    pub hits: Hits,
    /// The parts that show seconds in the last full render; `None` when every frame is full.
    parts: Option<Vec<Part>>,
}

impl Screen {
    /// Clears the terminal and forgets what it showed, so the next draw sends every cell.
    pub fn clear<B: Backend<Error = io::Error>>(
        &mut self,
        backend: &mut B,
        area: Rect,
    ) -> io::Result<()> {
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
        let updates = self.shown.diff(&self.next);
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
        let (shown, next) = (&self.shown, &self.next);
        let changed = || {
            parts
                .iter()
                .flat_map(|p| p.area().intersection(next.area).positions())
                .filter(|&p| shown.cell(p) != next.cell(p))
        };
        if changed().next().is_none() {
            return Ok(Some(false));
        }
        send(
            backend,
            changed().map(|p: Position| (p.x, p.y, &next[(p.x, p.y)])),
        )?;
        for part in parts {
            for p in part.area().intersection(self.next.area).positions() {
                self.shown[p].clone_from(&self.next[p]);
            }
        }
        Ok(Some(true))
    }
}

/// Sends `cells` inside a synchronized update (CSI ?2026h … ?2026l), so a terminal that
/// supports it never shows half a frame.
fn send<'a, B: Backend<Error = io::Error> + Write>(
    backend: &mut B,
    cells: impl Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
) -> io::Result<()> {
    crossterm::queue!(backend, crossterm::terminal::BeginSynchronizedUpdate)?;
    backend.draw(cells)?;
    crossterm::queue!(backend, crossterm::terminal::EndSynchronizedUpdate)?;
    Backend::flush(backend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// What the backend wrote, readable while the backend holds it.
    #[derive(Clone, Default)]
    struct Sink(Rc<RefCell<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

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
}
