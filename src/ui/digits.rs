//! The big digits, drawn from glyphs made once: tui-big-text draws each printable ASCII
//! character once per size into a small buffer, and every frame after copies cells. Building
//! a `BigText` each second allocated its lines and looked every glyph up in eight fonts.

use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// How large the countdown digits are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum DigitSize {
    /// Plain text on the caption line.
    #[default]
    None,
    /// 4 cells wide, 4 rows tall per glyph.
    Quadrant,
    /// 8 cells wide, 4 rows tall per glyph.
    HalfHeight,
    /// 8 cells wide, 8 rows tall per glyph.
    Full,
}

impl DigitSize {
    /// Rows the digits take.
    pub(crate) fn rows(self) -> u16 {
        match self {
            DigitSize::None => 0,
            DigitSize::Quadrant | DigitSize::HalfHeight => 4,
            DigitSize::Full => 8,
        }
    }

    /// Columns one glyph takes.
    pub(crate) fn columns_per_glyph(self) -> u16 {
        match self {
            DigitSize::None => 0,
            DigitSize::Quadrant => 4,
            DigitSize::HalfHeight | DigitSize::Full => 8,
        }
    }
}

/// The characters glyphs are kept for: printable ASCII, which is all a countdown writes.
const FIRST: u8 = b' ';
const LAST: u8 = b'~';

/// One character drawn at one size: its cells, row by row (at most 8 by 8).
#[derive(Clone, Copy)]
struct Glyph {
    cells: [[char; 8]; 8],
}

/// The glyphs of every character at the three sizes, made on first use.
struct Glyphs {
    sizes: [Vec<Glyph>; 3],
}

fn glyphs() -> &'static Glyphs {
    static GLYPHS: OnceLock<Glyphs> = OnceLock::new();
    GLYPHS.get_or_init(|| Glyphs {
        sizes: [DigitSize::Quadrant, DigitSize::HalfHeight, DigitSize::Full].map(|size| {
            (FIRST..=LAST)
                .map(|c| draw_glyph(char::from(c), size))
                .collect()
        }),
    })
}

/// `c` as tui-big-text draws it at `size`.
fn draw_glyph(c: char, size: DigitSize) -> Glyph {
    let (w, h) = (size.columns_per_glyph(), size.rows());
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    BigText::builder()
        .pixel_size(pixel_size(size))
        .lines(vec![Line::from(c.to_string())])
        .left_aligned()
        .build()
        .render(area, &mut buf);
    let mut cells = [[' '; 8]; 8];
    for y in 0..h {
        for x in 0..w {
            cells[y as usize][x as usize] = buf[(x, y)].symbol().chars().next().unwrap_or(' ');
        }
    }
    Glyph { cells }
}

fn pixel_size(size: DigitSize) -> PixelSize {
    match size {
        DigitSize::Quadrant => PixelSize::Quadrant,
        DigitSize::HalfHeight | DigitSize::None => PixelSize::HalfHeight,
        DigitSize::Full => PixelSize::Full,
    }
}

fn glyph(c: char, size: DigitSize) -> Option<&'static Glyph> {
    let set = match size {
        DigitSize::None => return None,
        DigitSize::Quadrant => &glyphs().sizes[0],
        DigitSize::HalfHeight => &glyphs().sizes[1],
        DigitSize::Full => &glyphs().sizes[2],
    };
    set.get(u32::from(c).checked_sub(u32::from(FIRST))? as usize)
}

/// The columns `text` takes in big digits of `size` centred in `area`, as `BigText` centres
/// a line; cut to `area`.
pub(crate) fn centered(text: &str, size: DigitSize, area: Rect) -> Rect {
    let count = text.chars().count();
    let columns = count.saturating_mul(usize::from(size.columns_per_glyph()));
    let width = u16::try_from(columns).unwrap_or(u16::MAX);
    let x = area.x + (area.width / 2).saturating_sub(width / 2);
    Rect::new(x, area.y, width, area.height).intersection(area)
}

/// Draws `text` in big digits of `size` from the left edge of `area` in `style`, cut at the
/// area's edges as `BigText` would. Allocates nothing.
pub(crate) fn render(text: &str, size: DigitSize, style: Style, area: Rect, buf: &mut Buffer) {
    let (w, h) = (size.columns_per_glyph(), size.rows());
    if w == 0 || area.is_empty() {
        return;
    }
    let area = area.intersection(buf.area);
    let mut x = area.x;
    for c in text.chars() {
        if x >= area.right() {
            break;
        }
        let cell = Rect::new(x, area.y, w.min(area.right() - x), h.min(area.height));
        buf.set_style(cell, style);
        if let Some(g) = glyph(c, size) {
            for (dy, row) in g.cells.iter().take(cell.height as usize).enumerate() {
                for (dx, &ch) in row.iter().take(cell.width as usize).enumerate() {
                    buf[(cell.x + dx as u16, cell.y + dy as u16)].set_char(ch);
                }
            }
        }
        x = x.saturating_add(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    /// The cached glyphs draw exactly what `BigText` draws, centred and cut alike.
    #[test]
    fn the_same_cells_as_big_text() {
        for size in [DigitSize::Quadrant, DigitSize::HalfHeight, DigitSize::Full] {
            for (text, width) in [
                ("01:23:45", 80),
                ("46d 15:00:00", 100),
                ("4mo 29d", 30),
                ("9", 3),
            ] {
                for centered in [true, false] {
                    let area = Rect::new(2, 1, width, size.rows());
                    let style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
                    let mut ours = Buffer::empty(Rect::new(0, 0, width + 4, size.rows() + 2));
                    let mut theirs = ours.clone();
                    let at = if centered {
                        super::centered(text, size, area)
                    } else {
                        area
                    };
                    render(text, size, style, at, &mut ours);
                    let mut big = BigText::builder();
                    big.pixel_size(pixel_size(size))
                        .style(style)
                        .lines(vec![Line::from(text)]);
                    if centered {
                        big.centered();
                    } else {
                        big.left_aligned();
                    }
                    big.build().render(area, &mut theirs);
                    assert_eq!(ours, theirs, "{text:?} at {size:?}, centred {centered}");
                }
            }
        }
    }
}
