//! The parts of the screen that show seconds, as the last full render placed them. A full
//! render draws each through [`Part::render`] and keeps it; each second until the view's
//! `until`, only these are drawn again into the kept frame, and only their cells compared.
//! Whatever a part needs that cannot change within the minute (the clock's date, the caption's
//! words, where it goes) was worked out by the full render, so drawing one allocates nothing.

use std::fmt::Write as _;

use arrayvec::ArrayString;
use chrono::Timelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::digits::{self, DigitSize};
use super::event_status::Status;
use super::fit::set_fit;
use crate::app::App;
use crate::values::when::shown_in;
use crate::view::View;

/// A text that shows seconds, and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    /// The header's clock: the time (HH:MM:SS) in the view's zone. The date before it and the
    /// zone after it change only with a full render, which draws them.
    Clock {
        /// Where the time starts.
        x: u16,
        /// Its row.
        y: u16,
        /// Its style.
        style: Style,
    },
    /// The headline's countdown in big digits.
    Digits {
        /// The glyphs' own cells: each second compares those alone.
        area: Rect,
        /// Their size.
        size: DigitSize,
        /// Their style.
        style: Style,
    },
    /// The caption row with the headline's countdown inline, when there is no room for big
    /// digits: the first caption that fits beside the countdown, else the countdown alone.
    Caption {
        /// The row.
        area: Rect,
        /// The long and the short caption, each with its leading space.
        captions: [String; 2],
        /// The captions' style.
        style: Style,
        /// The countdown's style.
        digits: Style,
    },
    /// An event's status in the list: "in 01:02:11".
    Status {
        /// Its cell of the row.
        area: Rect,
        /// Index into `config.events`.
        event: usize,
        /// The phase's style.
        style: Style,
        /// The selected row's bar over it, if it is on the selected row.
        selected: Option<Style>,
    },
}

impl Part {
    /// The cells the part may draw on.
    pub(crate) fn area(&self) -> Rect {
        match self {
            Part::Clock { x, y, .. } => Rect::new(*x, *y, CLOCK_WIDTH as u16, 1),
            Part::Digits { area, .. } | Part::Caption { area, .. } | Part::Status { area, .. } => {
                *area
            }
        }
    }

    /// Draws the part for `view`'s second. Allocates nothing.
    pub(crate) fn render(&self, app: &App, view: &View, buf: &mut Buffer) {
        match self {
            Part::Clock { x, y, style } => {
                let local = shown_in(view.now, view.zone);
                let mut time = ArrayString::<16>::new();
                let _ = write!(
                    time,
                    "{:02}:{:02}:{:02}",
                    local.hour(),
                    local.minute(),
                    local.second()
                );
                let width = usize::from(buf.area.right().saturating_sub(*x));
                buf.set_stringn(*x, *y, time, width, *style);
            }
            Part::Digits { area, size, style } => {
                digits::render(&view.digits, *size, *style, *area, buf)
            }
            Part::Caption {
                area,
                captions,
                style,
                digits,
            } => {
                let width = usize::from(area.width);
                let inline = 1 + view.digits.width();
                match captions.iter().find(|c| c.width() + inline <= width) {
                    Some(words) => {
                        let (x, _) = buf.set_stringn(area.x, area.y, words, width, *style);
                        let (x, _) = buf.set_stringn(x, area.y, " ", 1, *digits);
                        buf.set_stringn(x, area.y, &view.digits, width, *digits);
                    }
                    None => {
                        let mut text = ArrayString::<64>::new();
                        let _ = write!(text, " {}", view.digits);
                        set_fit(buf, area.x, area.y, &text, width, *digits);
                    }
                }
            }
            Part::Status {
                area,
                event,
                style,
                selected,
            } => {
                let (Some(e), Some(&phase)) =
                    (app.config.events.get(*event), view.phases.get(*event))
                else {
                    return;
                };
                let mut text = ArrayString::<64>::new();
                let status = Status {
                    event: e,
                    phase,
                    now: view.now,
                    lang: app.lang,
                };
                let _ = write!(text, "{status}");
                set_fit(buf, area.x, area.y, &text, usize::from(area.width), *style);
                if let Some(bar) = selected {
                    buf.set_style(*area, *bar);
                }
            }
        }
    }
}

/// Columns of "HH:MM:SS".
pub(crate) const CLOCK_WIDTH: usize = 8;

/// Draws `parts` again for `view`'s second into `buf`, which holds the full render of the same
/// view at an earlier second: each part's cells are cleared and drawn anew.
pub(crate) fn draw_seconds(app: &App, view: &View, parts: &[Part], buf: &mut Buffer) {
    for part in parts {
        let area = part.area().intersection(buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                buf[(x, y)].reset();
            }
        }
        part.render(app, view, buf);
    }
}
