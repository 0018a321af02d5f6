//! The cells that differ between what the terminal shows and the next frame: ratatui's
//! `Buffer::diff`, cell for cell, at a fraction of its cost. A full render compares every cell
//! (4,800 at 120x40, every second while a window is open); ratatui's diff spent about 175
//! instructions on each equal one, measuring the width of every symbol and comparing cells
//! through calls. Here equal cells cost a few comparisons, and a symbol's width is measured
//! once per run of the same symbol (box lines, braille). A frame that asks for more than
//! plain cells (ratatui's skip or forced widths) goes to ratatui's own diff.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::style::{Color, Modifier};

/// Modifiers that show on a blank cell: what a wide character's trailing column may still
/// show after it is replaced by a narrow one (as ratatui's diff has it).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The updates that bring `prev` to `next`, as ratatui's `prev.diff(next)` gives them, into
/// `out` (cleared first). Both buffers have the same area.
pub(crate) fn diff<'a>(prev: &Buffer, next: &'a Buffer, out: &mut Vec<(u16, u16, &'a Cell)>) {
    out.clear();
    if prev.area != next.area || !plain_diff(prev, next, out) {
        out.clear();
        out.extend(prev.diff(next));
    }
}

/// The diff of two frames of plain cells; false, part way, at a cell that is not plain.
fn plain_diff<'a>(prev: &Buffer, next: &'a Buffer, out: &mut Vec<(u16, u16, &'a Cell)>) -> bool {
    let (old, new) = (&prev.content[..], &next.content[..]);
    let len = new.len().min(old.len());
    let width = usize::from(next.area.width.max(1));
    let at = |i: usize| {
        // Within the area: `i` < width * height, both u16.
        let x = (i % width) as u16 + next.area.x;
        let y = (i / width) as u16 + next.area.y;
        (x, y, &new[i])
    };
    let mut widths = Widths::default();
    let mut i = 0;
    while i < len {
        let (cur, was) = (&new[i], &old[i]);
        if !plain(cur) || !plain(was) {
            return false;
        }
        let (symbol, was_symbol) = (cur.symbol(), was.symbol());
        let w = usize::from(widths.of(symbol));
        if same_symbol(symbol, was_symbol) && same_style(cur, was) {
            i += w.max(1);
            continue;
        }
        out.push(at(i));
        let was_w = usize::from(widths.of(was_symbol));
        i = if w > 1 && symbol.contains('\u{FE0F}') {
            // The emoji covers its trailing columns: only a changed symbol there is sent.
            let Some(end) = trailing(
                new,
                old,
                (i + 1, (i + w).min(len)),
                false,
                &mut widths,
                out,
                &at,
            ) else {
                return false;
            };
            end
        } else if w > 1 {
            i + w
        } else if was_w > w && (was.bg != Color::Reset || was.modifier.intersects(VISIBLE_ON_BLANK))
        {
            // A wide character's style may stay on its trailing columns: all are sent again.
            let Some(end) = trailing(new, old, (i + 1, i + was_w), true, &mut widths, out, &at)
            else {
                return false;
            };
            end
        } else {
            i + 1
        };
    }
    true
}

/// Sends the cells from `start` to `end` after a changed wide cell: each one (`force`) or
/// those whose symbol changed; returns where the scan goes on, `None` at a cell that is not
/// plain.
fn trailing<'a: 'w, 'w>(
    new: &'a [Cell],
    old: &'w [Cell],
    (start, end): (usize, usize),
    force: bool,
    widths: &mut Widths<'w>,
    out: &mut Vec<(u16, u16, &'a Cell)>,
    at: &impl Fn(usize) -> (u16, u16, &'a Cell),
) -> Option<usize> {
    let len = new.len().min(old.len());
    let (mut j, mut end) = (start, end.min(len));
    while j < end {
        let k = j;
        if !plain(&new[k]) {
            return None;
        }
        j += usize::from(widths.of(new[k].symbol())).max(1);
        end = end.max(j).min(len);
        if force || old[k].symbol() != new[k].symbol() {
            out.push(at(k));
        }
    }
    Some(end.max(start))
}

/// Whether a cell asks the diff for no more than its symbol and style: no skip, no forced
/// width. Frames with such cells go to ratatui's diff.
#[allow(deprecated)] // `skip` is read only to leave such a frame to ratatui's diff
fn plain(cell: &Cell) -> bool {
    !cell.skip && cell.diff_option == CellDiffOption::None
}

/// Whether two symbols are the same, a single byte compared without a call.
fn same_symbol(a: &str, b: &str) -> bool {
    match (a.as_bytes(), b.as_bytes()) {
        ([p], [q]) => p == q,
        (x, y) => x == y,
    }
}

/// Whether two plain cells with the same symbol are equal: the rest of `==` on `Cell`.
fn same_style(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
}

/// The last symbol of more than one byte that was measured, and its width: runs of the same
/// box-drawing or braille symbol are measured once.
#[derive(Default)]
struct Widths<'a> {
    last: Option<(&'a str, u16)>,
}

impl<'a> Widths<'a> {
    /// The columns `symbol` takes, as ratatui's diff counts them.
    fn of(&mut self, symbol: &'a str) -> u16 {
        if symbol.len() == 1 {
            return 1;
        }
        match self.last {
            Some((s, w)) if s == symbol => w,
            _ => {
                let w = symbol.cell_width();
                self.last = Some((symbol, w));
                w
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// Pieces a frame is made of: ASCII, box lines, braille, Hangul and kana (wide), an emoji
    /// with VS16, a blank.
    const PIECES: [&str; 9] = [
        "ab",
        "│─",
        "⠤⡇",
        "시간",
        "日本",
        "💜",
        "❤\u{fe0f}",
        "  ",
        "x",
    ];

    fn style(n: u8) -> Style {
        match n % 4 {
            0 => Style::new(),
            1 => Style::new().fg(Color::Blue),
            2 => Style::new().bg(Color::Yellow),
            _ => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// A buffer drawn as widgets draw: strings set at places, in styles.
    fn frame(area: Rect, writes: &[(u16, u16, usize, u8)]) -> Buffer {
        let mut buf = Buffer::empty(area);
        for &(x, y, piece, s) in writes {
            let (x, y) = (x % area.width, y % area.height);
            let text = PIECES[piece % PIECES.len()];
            let room = usize::from(area.width - x);
            buf.set_stringn(area.x + x, area.y + y, text, room, style(s));
        }
        buf
    }

    fn writes() -> impl Strategy<Value = Vec<(u16, u16, usize, u8)>> {
        prop::collection::vec((0u16..40, 0u16..6, 0usize..9, 0u8..4), 0..40)
    }

    proptest! {
        /// Every pair of frames gives exactly ratatui's updates, in its order.
        #[test]
        fn the_updates_are_ratatuis(a in writes(), b in writes(), w in 1u16..24, h in 1u16..5) {
            let area = Rect::new(3, 2, w, h);
            let (prev, next) = (frame(area, &a), frame(area, &b));
            let mut ours = Vec::new();
            diff(&prev, &next, &mut ours);
            prop_assert_eq!(ours, prev.diff(&next));
        }
    }

    /// A wide character replaced by narrow ones, and the reverse, in a style that shows on
    /// blanks: the trailing column is sent again.
    #[test]
    fn a_styled_wide_character_replaced_sends_its_trailing_column() {
        let area = Rect::new(0, 0, 4, 1);
        let mut prev = Buffer::empty(area);
        prev.set_string(0, 0, "시", Style::new().bg(Color::Blue));
        let mut next = Buffer::empty(area);
        next.set_string(0, 0, "a", Style::new());
        let mut ours = Vec::new();
        diff(&prev, &next, &mut ours);
        assert_eq!(ours.len(), 2, "{ours:?}");
        assert_eq!(ours, prev.diff(&next));
        diff(&next, &prev, &mut ours);
        assert_eq!(ours, next.diff(&prev));
    }

    /// A frame with a skipped cell goes to ratatui's diff, which leaves that cell alone.
    #[test]
    fn a_skipped_cell_is_left_to_ratatui() {
        let area = Rect::new(0, 0, 3, 1);
        let prev = Buffer::empty(area);
        let mut next = Buffer::empty(area);
        next.set_string(0, 0, "abc", Style::new());
        next[(1, 0)].set_diff_option(CellDiffOption::Skip);
        let mut ours = Vec::new();
        diff(&prev, &next, &mut ours);
        assert_eq!(ours.len(), 2);
        assert_eq!(ours, prev.diff(&next));
    }
}
