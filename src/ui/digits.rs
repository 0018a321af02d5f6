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
use unicode_width::UnicodeWidthChar;

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
    /// The full glyphs doubled: 16 cells wide, 16 rows tall, for a large terminal.
    Double,
}

impl DigitSize {
    /// Rows the digits take.
    pub(crate) fn rows(self) -> u16 {
        match self {
            DigitSize::None => 0,
            DigitSize::Quadrant | DigitSize::HalfHeight => 4,
            DigitSize::Full => 8,
            DigitSize::Double => 16,
        }
    }

    /// The row of a glyph that unit letters ("mo", "d") sit on as plain text: the digits'
    /// last drawn row.
    fn baseline(self) -> u16 {
        match self {
            DigitSize::None => 0,
            DigitSize::Quadrant | DigitSize::HalfHeight => 3,
            DigitSize::Full => 6,
            DigitSize::Double => 13,
        }
    }

    /// Columns `c` takes: a glyph's width for a digit or a colon, a letter's own width
    /// (drawn as text: "d", or the double-width "일"), half a glyph for a space, one column
    /// for a space that sits beside a unit ("4 m" in Spanish), which is text as well.
    fn columns_of(self, c: char, next: Option<char>) -> u16 {
        if is_unit(c) {
            // A unit right before a digit ("4か月23日") keeps a column from its glyph.
            let gap = u16::from(next.is_some_and(|n| n.is_ascii_digit()));
            UnicodeWidthChar::width(c).unwrap_or(1).max(1) as u16 + gap
        } else if c == ' ' && next.is_some_and(is_unit) {
            1
        } else if c == ' ' {
            self.columns_per_glyph() / 2
        } else {
            self.columns_per_glyph()
        }
    }

    /// Columns `text` takes in these digits.
    pub(crate) fn width_of(self, text: &str) -> u16 {
        let mut chars = text.chars().peekable();
        let mut w = 0u16;
        while let Some(c) = chars.next() {
            w = w.saturating_add(self.columns_of(c, chars.peek().copied()));
        }
        w
    }

    /// Columns one glyph takes.
    pub(crate) fn columns_per_glyph(self) -> u16 {
        match self {
            DigitSize::None => 0,
            DigitSize::Quadrant => 4,
            DigitSize::HalfHeight | DigitSize::Full => 8,
            DigitSize::Double => 16,
        }
    }
}

/// The characters glyphs are kept for: all a countdown draws as glyphs (see [`is_unit`]).
const CHARS: [char; 12] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ' '];

/// One character drawn at one size: its cells, row by row (at most 8 by 8).
#[derive(Clone, Copy)]
struct Glyph {
    cells: [[char; 8]; 8],
}

/// The glyphs at each of the three sizes, each size made the first time a full render uses
/// it: drawing every size at start cost more than the rest of the first frame.
static GLYPHS: [OnceLock<[Glyph; CHARS.len()]>; 3] = [const { OnceLock::new() }; 3];

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
        DigitSize::Full | DigitSize::Double => PixelSize::Full,
    }
}

/// Whether `c` is a unit's letter, drawn as text rather than as a glyph: all but digits, the
/// colon and spaces.
fn is_unit(c: char) -> bool {
    !(c.is_ascii_digit() || c == ':' || c == ' ')
}

fn glyph(c: char, size: DigitSize) -> Option<&'static Glyph> {
    let (i, size) = match size {
        DigitSize::None => return None,
        DigitSize::Quadrant => (0, DigitSize::Quadrant),
        DigitSize::HalfHeight => (1, DigitSize::HalfHeight),
        DigitSize::Full | DigitSize::Double => (2, DigitSize::Full),
    };
    let set = GLYPHS[i].get_or_init(|| CHARS.map(|c| draw_glyph(c, size)));
    set.get(CHARS.iter().position(|&k| k == c)?)
}

/// The columns `text` takes in big digits of `size` centred in `area`, as `BigText` centres
/// a line; cut to `area`.
pub(crate) fn centered(text: &str, size: DigitSize, area: Rect) -> Rect {
    let width = size.width_of(text);
    let x = area.x + (area.width / 2).saturating_sub(width / 2);
    Rect::new(x, area.y, width, area.height).intersection(area)
}

/// Draws `text` in big digits of `size` from the left edge of `area` in `style`, cut at the
/// area's edges as `BigText` would; letters (the units "mo", "d") as plain text on the
/// digits' last row, since bitmap letters beside digits read crudely. Allocates nothing.
pub(crate) fn render(text: &str, size: DigitSize, style: Style, area: Rect, buf: &mut Buffer) {
    let h = size.rows();
    if size.columns_per_glyph() == 0 || area.is_empty() {
        return;
    }
    let area = area.intersection(buf.area);
    // Doubled glyphs read each cell of the full glyph twice across and twice down.
    let scale = if size == DigitSize::Double { 2 } else { 1 };
    let mut x = area.x;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if x >= area.right() {
            break;
        }
        let w = size.columns_of(c, chars.peek().copied());
        let cell = Rect::new(x, area.y, w.min(area.right() - x), h.min(area.height));
        buf.set_style(cell, style);
        if is_unit(c) {
            let y = area.y + size.baseline();
            if y < area.bottom() {
                // Through a stack buffer: a wide letter must fit whole, or not be drawn.
                let mut bytes = [0u8; 4];
                let room = usize::from(area.right() - x);
                buf.set_stringn(x, y, c.encode_utf8(&mut bytes), room, Style::new());
            }
        } else if let Some(g) = glyph(c, size) {
            for dy in 0..cell.height {
                for dx in 0..cell.width {
                    let ch = g.cells[usize::from(dy / scale)][usize::from(dx / scale)];
                    buf[(cell.x + dx, cell.y + dy)].set_char(ch);
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

    /// Double-width units take their two columns, whole, and keep a column from the next
    /// glyph; a space before a unit is one column ("4 m" in Spanish).
    #[test]
    fn wide_units_beside_digits() {
        let size = DigitSize::Full;
        assert_eq!(size.width_of("4개월 23일"), 8 + 4 + 4 + 16 + 2);
        assert_eq!(size.width_of("4か月23日"), 8 + 4 + 1 + 16 + 2);
        assert_eq!(size.width_of("4 m"), 8 + 1 + 1);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 8));
        render(
            "4개월",
            size,
            Style::new(),
            Rect::new(0, 0, 40, 8),
            &mut buf,
        );
        // A wide letter's second cell is blank, as ratatui writes it.
        let row: String = (8..12).map(|x| buf[(x, 6)].symbol().to_string()).collect();
        assert_eq!(row, "개 월 ");
        // One column short of the last unit: it is left out rather than half drawn.
        let mut buf = Buffer::empty(Rect::new(0, 0, 11, 8));
        render(
            "4개월",
            size,
            Style::new(),
            Rect::new(0, 0, 11, 8),
            &mut buf,
        );
        assert_eq!(buf[(8, 6)].symbol(), "개");
        assert_eq!(buf[(10, 6)].symbol(), " ");
    }

    /// Units are one column of text each on the digits' last row; a space is half a glyph.
    #[test]
    fn units_beside_digits_are_text() {
        let size = DigitSize::Full;
        assert_eq!(size.width_of("4mo 23d"), 8 + 2 + 4 + 16 + 1);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 8));
        render("4mo", size, Style::new(), Rect::new(0, 0, 40, 8), &mut buf);
        assert_eq!(buf[(8, 6)].symbol(), "m");
        assert_eq!(buf[(9, 6)].symbol(), "o");
        assert!((0..6).all(|y| buf[(8, y)].symbol() == " "));
        // Doubled: each full glyph's cell is two by two.
        let mut big = Buffer::empty(Rect::new(0, 0, 16, 16));
        render(
            "8",
            DigitSize::Double,
            Style::new(),
            Rect::new(0, 0, 16, 16),
            &mut big,
        );
        let mut full = Buffer::empty(Rect::new(0, 0, 8, 8));
        render(
            "8",
            DigitSize::Full,
            Style::new(),
            Rect::new(0, 0, 8, 8),
            &mut full,
        );
        for (x, y) in [(0, 0), (3, 2), (7, 7)] {
            assert_eq!(big[(2 * x + 1, 2 * y + 1)].symbol(), full[(x, y)].symbol());
        }
    }

    /// The cached glyphs draw exactly what `BigText` draws, centred and cut alike.
    #[test]
    fn the_same_cells_as_big_text() {
        for size in [DigitSize::Quadrant, DigitSize::HalfHeight, DigitSize::Full] {
            // (Digits only: letters and spaces are drawn narrower than `BigText` draws them.)
            for (text, width) in [("01:23:45", 80), ("15:00:00", 100), ("9", 3)] {
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
