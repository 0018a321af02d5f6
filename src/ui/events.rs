//! The events list: every event by time, its phase, its countdown or time since, and its time
//! in the display zone. Only the visible rows are built, so a thousand events cost a screenful.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use crate::app::{App, Hit};
use crate::config::Event;
use crate::countdown::{self, Phase};
use crate::view::View;

/// The first visible row's index, so that the selected row is always on screen.
fn scroll_offset(selected: usize, rows: usize, total: usize) -> usize {
    if rows == 0 || total <= rows {
        return 0;
    }
    // Keep the selection a third of the way down where possible.
    selected.saturating_sub(rows / 3).min(total - rows)
}

/// Columns of a row: marker, status and time; the name column takes what is left.
const MARKER: usize = 2;
const STATUS: usize = 17;
const TIME: usize = 22;
const MIN_NAME: usize = 10;

/// The name column's natural width: the longest name and a gap, within bounds.
fn name_width(app: &App) -> usize {
    let longest = app
        .config
        .events
        .iter()
        .map(|e| e.name.width())
        .max()
        .unwrap_or(0);
    (longest + 2).clamp(MIN_NAME, 24)
}

/// The widths of the name, status and time columns in a list `width` columns wide inside
/// its border; the time column goes first when the room is short.
fn columns(app: &App, width: usize) -> (usize, usize, usize) {
    let status = STATUS.min(width.saturating_sub(8));
    let time = if width >= MARKER + MIN_NAME + status + TIME {
        TIME
    } else {
        0
    };
    let name = width
        .saturating_sub(MARKER + status + time)
        .min(name_width(app));
    (name, status, time)
}

/// The list's width beside the streams panel in `total` columns: up to 45%, or just enough
/// without the time column when 45% cannot hold it.
pub fn width(app: &App, total: u16) -> u16 {
    let share = total as usize * 45 / 100;
    let w = if share >= 2 + MARKER + MIN_NAME + STATUS + TIME {
        share
    } else {
        (2 + MARKER + name_width(app) + STATUS).min(share)
    };
    w as u16
}

/// "in 01:02:11", "OUT NOW", "out 4y 7m ago".
pub fn status_text(event: &Event, phase: Phase, now: chrono::DateTime<chrono::Utc>) -> String {
    match phase {
        Phase::Upcoming | Phase::Imminent => {
            format!(
                "in {}",
                countdown::countdown_text(now, event.at, event.zone)
            )
        }
        Phase::Live => "OUT NOW".to_string(),
        Phase::Released => format!(
            "out {} ago",
            countdown::calendar_span(event.at, now, event.zone).short(2)
        ),
    }
}

/// Draws the list, and adds each drawn row to `hits`.
pub fn render(
    app: &App,
    view: &View,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
    hits: &mut Vec<(Rect, Hit)>,
) {
    if area.is_empty() {
        return;
    }
    let block = Block::bordered()
        .title(" Events ")
        .border_style(theme.border());
    let inner = block.inner(area);
    block.render(area, buf);
    let events = &app.config.events;
    if events.is_empty() {
        Line::from(Span::styled(" no events", theme.dim())).render(inner, buf);
        return;
    }
    let selected = view.selected.as_ref().map_or(0, |s| s.index);
    let pinned = view.selected.as_ref().is_some_and(|s| s.pinned);
    let rows = inner.height as usize;
    let offset = scroll_offset(selected, rows, events.len());
    let width = inner.width as usize;
    let (name_w, status_w, time_w) = columns(app, width);
    let zone = view.zone;
    for (row, (i, event)) in events
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .enumerate()
    {
        let phase = view.phases[i];
        let is_selected = i == selected;
        let marker = if is_selected { "▶ " } else { "  " };
        let y = inner.y + row as u16;
        hits.push((Rect::new(inner.x, y, inner.width, 1), Hit::Event(i)));
        if is_selected && pinned {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected());
        }
        // Columns are written where they go rather than padded with spaces: a frame is drawn
        // every second, and blank cells cost as much to write as letters.
        let mut x = inner.x;
        let mut put = |text: &str, width: usize, style: Style| {
            buf.set_stringn(x, y, fit(text, width), width, style);
            x = x.saturating_add(width as u16);
        };
        put(marker, 2, theme.accent());
        put(
            &event.name,
            name_w,
            if is_selected {
                theme.bold()
            } else {
                theme.text()
            },
        );
        put(
            &status_text(event, phase, view.now),
            status_w,
            theme.phase(phase),
        );
        if time_w > 0 {
            let local = event.at.with_timezone(&zone);
            put(
                &local.format(" %-d %b %y %H:%M %Z").to_string(),
                time_w,
                theme.dim(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_visible() {
        assert_eq!(scroll_offset(0, 10, 5), 0);
        assert_eq!(scroll_offset(500, 30, 1000), 490);
        assert_eq!(scroll_offset(999, 30, 1000), 970);
        assert_eq!(scroll_offset(3, 0, 1000), 0);
    }
}
