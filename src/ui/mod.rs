//! Rendering: a pure function of the state and its frame's [`View`] to a buffer. [`draw`] lays
//! out the screen, hands each area to a widget and returns what a click would land on; nothing
//! here reads a clock, a file or the terminal.

mod chart;
mod ctx;
mod digits;
mod event_status;
mod events;
mod fit;
mod form;
mod header;
mod help;
mod next;
mod overview;
mod panel;
pub(crate) mod parts;
mod push;
mod ranks;
mod status;
mod streams;
pub mod text;
pub(crate) mod theme;
mod tiny;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Widget;

use crate::app::{App, Hit, Mode};
use crate::view::View;
use ctx::Ctx;
pub(crate) use digits::DigitSize;
use events::EventsList;
use header::Header;
use help::HelpOverlay;
use next::NextPanel;
use overview::OverviewBoard;
pub(crate) use parts::{Part, draw_seconds};
use status::MessageLines;
use streams::StreamsPanel;
use tiny::TinyScreen;

/// Below this width or height the screen shows one line of countdown and nothing else.
const TINY_WIDTH: u16 = 24;
const TINY_HEIGHT: u16 = 5;
/// From this width the events list and the streams panel sit side by side.
const SIDE_BY_SIDE: u16 = 80;

/// Where each part of the screen goes, for a given size and state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Areas {
    /// Title and clock.
    pub(crate) header: Rect,
    /// The selected event's countdown.
    pub(crate) next: Rect,
    /// How big the Next panel's digits are.
    pub(crate) digits: DigitSize,
    /// Whether the push's goal sits beside its digits (else on a line under them).
    pub(crate) beside: bool,
    /// Whether the Next panel lists the other zones.
    pub(crate) side_zones: bool,
    /// The events list (with its border).
    pub(crate) events: Rect,
    /// The streams panel (with its border); may be empty.
    pub(crate) streams: Rect,
    /// The error banner; empty when there is no error.
    pub(crate) banner: Rect,
    /// Keys and config state.
    pub(crate) footer: Rect,
}

/// Lays out the screen for a frame of `area`, with `banner` and `footer` rows of messages
/// (each cut to one row on a short screen).
pub(crate) fn layout(app: &App, view: &View, area: Rect, banner: usize, footer: usize) -> Areas {
    let roomy = area.height >= 12;
    let banner = if area.height < 8 {
        0
    } else if roomy {
        banner
    } else {
        banner.min(1)
    };
    let footer = if roomy { footer.max(1) } else { 1 };
    let [header, body, banner, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(banner as u16),
        Constraint::Length(footer as u16),
    ])
    .areas(area);
    // Reduce in the spec's order: the big digits go first, then the side zones.
    let (digits, beside) = next::digit_size(view, body);
    let side_zones = body.height >= 10;
    let next_height = next::height(view, digits, beside).min(body.height);
    let [next, lower] =
        Layout::vertical([Constraint::Length(next_height), Constraint::Fill(1)]).areas(body);
    let has_streams = !view.streams.is_empty();
    let (events, streams) = if !has_streams || lower.height < 3 {
        (lower, Rect::default())
    } else if lower.width >= SIDE_BY_SIDE {
        // The list takes up to 45%; when that is too narrow for its time column, it gives the
        // time up (the Next panel shows it) and the streams panel gets the room.
        let [e, s] = Layout::horizontal([
            Constraint::Length(events::width(app, lower.width)),
            Constraint::Fill(1),
        ])
        .areas(lower);
        (e, s)
    } else if lower.height >= 7 {
        // At least 3 rows (a border and one event), at most a third of the room.
        let events = u16::try_from(app.config.events.len()).unwrap_or(u16::MAX);
        let rows = events.saturating_add(2).min(lower.height / 3).max(3);
        let [e, s] = Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(lower);
        (e, s)
    } else {
        (lower, Rect::default())
    };
    Areas {
        header,
        next,
        digits,
        beside,
        side_zones,
        events,
        streams,
        banner,
        footer,
    }
}

/// What the last frame drew where a click could land: the loop keeps it to hit-test clicks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Hits {
    areas: Vec<(Rect, Hit)>,
    /// With the help open: the furthest it scrolls at this size.
    help_last: Option<usize>,
}

impl Hits {
    /// With the help open, the furthest it scrolls at the size last drawn.
    pub(crate) fn help_last(&self) -> Option<usize> {
        self.help_last
    }

    /// What was drawn at (`x`, `y`), if anything clickable.
    pub(crate) fn at(&self, x: u16, y: u16) -> Option<Hit> {
        self.areas
            .iter()
            .find(|(r, _)| r.contains((x, y).into()))
            .map(|(_, hit)| *hit)
    }
}

/// What a full render leaves behind for the frames until the next one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// Where a click lands.
    pub(crate) hits: Hits,
    /// The parts that show seconds, for [`draw_seconds`]; `None` when each second needs a
    /// full render (the help overlay covers them, or the screen is too small for panels).
    pub(crate) parts: Option<Vec<Part>>,
}

fn is_tiny(area: Rect) -> bool {
    area.width < TINY_WIDTH || area.height < TINY_HEIGHT
}

/// Draws the whole dashboard into `area` and returns where its clickable parts and its parts
/// that show seconds went; any size, down to 0x0, is fine.
pub fn draw(app: &App, view: &View, area: Rect, buf: &mut Buffer) -> Drawn {
    let mut hits = Hits::default();
    if area.is_empty() {
        return Drawn::default();
    }
    let ctx = &Ctx::new(app, view);
    if is_tiny(area) {
        TinyScreen { ctx }.render(area, buf);
        return Drawn::default();
    }
    let width = area.width as usize;
    let banner = status::banner_lines(ctx, width);
    let mut footer = status::footer_lines(ctx, width);
    let areas = layout(app, view, area, banner.len(), footer.len());
    // A one-row footer keeps its last line (the prompt's first, or the keys).
    if areas.footer.height == 1 && footer.len() > 1 {
        let keep = if matches!(app.mode, Mode::Prompt(_)) {
            0
        } else {
            footer.len() - 1
        };
        footer = vec![footer.swap_remove(keep)];
    }
    let mut parts = Vec::new();
    if view.overview.is_some() {
        // The overview takes the body; every second is a full render.
        Header {
            ctx,
            parts: &mut parts,
        }
        .render(areas.header, buf);
        let body = Rect::new(
            area.x,
            areas.next.y,
            area.width,
            areas
                .banner
                .y
                .min(areas.footer.y)
                .saturating_sub(areas.next.y),
        );
        OverviewBoard { ctx }.render(body, buf);
        MessageLines(banner).render(areas.banner, buf);
        MessageLines(footer).render(areas.footer, buf);
        return Drawn { hits, parts: None };
    }
    Header {
        ctx,
        parts: &mut parts,
    }
    .render(areas.header, buf);
    NextPanel {
        ctx,
        digits: areas.digits,
        beside: areas.beside,
        side_zones: areas.side_zones,
        parts: &mut parts,
    }
    .render(areas.next, buf);
    EventsList {
        ctx,
        hits: &mut hits.areas,
        parts: &mut parts,
    }
    .render(areas.events, buf);
    StreamsPanel { ctx }.render(areas.streams, buf);
    MessageLines(banner).render(areas.banner, buf);
    MessageLines(footer).render(areas.footer, buf);
    if app.mode == Mode::Help {
        hits.help_last = Some(help::last_top(ctx, area));
        HelpOverlay { ctx }.render(area, buf);
        return Drawn { hits, parts: None };
    }
    if let Mode::Form(form) = &app.mode {
        form::FormOverlay { ctx, form }.render(area, buf);
        return Drawn { hits, parts: None };
    }
    Drawn {
        hits,
        parts: Some(parts),
    }
}

/// The dashboard as a widget, for a caller that does not need the hit areas.
pub(crate) struct Dashboard<'a> {
    /// The state.
    pub(crate) app: &'a App,
    /// Its view for this frame.
    pub(crate) view: &'a View,
}

impl Widget for Dashboard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        draw(self.app, self.view, area, buf);
    }
}
