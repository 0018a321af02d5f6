//! The header: the config's title on the left, the clock in the display zone on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use crate::app::App;
use crate::view::View;

/// Draws the header row.
pub fn render(app: &App, view: &View, area: Rect, buf: &mut Buffer, theme: Theme) {
    if area.is_empty() {
        return;
    }
    let local = view.now.with_timezone(&view.zone);
    let width = area.width as usize;
    // Longest clock first; shorter forms as the width shrinks.
    let clocks = [
        format!("{}  [z] ", local.format("%a %-d %b %Y %H:%M:%S %Z")),
        format!("{} ", local.format("%a %-d %b %H:%M:%S %Z")),
        format!("{} ", local.format("%H:%M:%S %Z")),
        format!("{} ", local.format("%H:%M:%S")),
    ];
    let title = format!(" {}", app.config.title);
    let clock = clocks
        .iter()
        .find(|c| c.width() + title.width().min(12) <= width)
        .cloned()
        .unwrap_or_default();
    let title_width = width.saturating_sub(clock.width() + 1);
    buf.set_stringn(
        area.x,
        area.y,
        fit(&title, title_width),
        title_width,
        theme.accent(),
    );
    let clock = fit(&clock, width);
    let x = area.x + (width - clock.width().min(width)) as u16;
    buf.set_stringn(x, area.y, &clock, width, theme.text());
}
