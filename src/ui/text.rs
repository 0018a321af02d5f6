//! A frame as plain text: `--once` prints it, and tests compare it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::view::View;

/// One frame of `app` as plain text, `width` x `height`, trailing spaces trimmed.
pub(crate) fn frame_text(app: &App, view: &View, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width.max(1), height.max(1));
    let mut buf = Buffer::empty(area);
    super::draw(app, view, area, &mut buf);
    buffer_text(&buf)
}

/// The symbols of a buffer, a line per row, trailing spaces trimmed.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell(s).
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
