//! A panel's frame: the plain border and the title on it, drawn as ratatui's
//! `Block::bordered().title(…).border_style(…)` draws them, cell for cell. `Block` first sets its
//! style on every cell of its area, a no-op for ours (they have none) that cost a fifth of a
//! once-a-minute full render on the default screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// A bordered panel with a title on its top border.
pub(crate) struct Panel<'a> {
    /// The title, from the top-left corner's right.
    title: Line<'a>,
    /// The border's style.
    border: Style,
}

impl<'a> Panel<'a> {
    /// A panel titled `title` with its border in `border`.
    pub(crate) fn new(title: impl Into<Line<'a>>, border: Style) -> Panel<'a> {
        Panel {
            title: title.into(),
            border,
        }
    }

    /// The area inside the border, as `Block::inner` gives it.
    pub(crate) fn inner(area: Rect) -> Rect {
        let x = area.x.saturating_add(1).min(area.right());
        let y = area.y.saturating_add(1).min(area.bottom());
        Rect::new(
            x,
            y,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        )
    }
}

impl Widget for Panel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let set = border::PLAIN;
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        // Sides, then corners over their ends, in `Block`'s order: on a panel one cell wide or
        // high the same cells end with the same symbols.
        let mut put = |x: u16, y: u16, symbol: &str| {
            buf[(x, y)].set_symbol(symbol).set_style(self.border);
        };
        (top..=bottom).for_each(|y| put(left, y, set.vertical_left));
        (left..=right).for_each(|x| put(x, top, set.horizontal_top));
        (top..=bottom).for_each(|y| put(right, y, set.vertical_right));
        (left..=right).for_each(|x| put(x, bottom, set.horizontal_bottom));
        put(right, bottom, set.bottom_right);
        put(right, top, set.top_right);
        put(left, bottom, set.bottom_left);
        put(left, top, set.top_left);
        let room = Rect::new(left.saturating_add(1), top, area.width.saturating_sub(2), 1);
        if !room.is_empty() {
            let width = u16::try_from(self.title.width()).unwrap_or(u16::MAX);
            self.title.render(
                Rect {
                    width: width.min(room.width),
                    ..room
                },
                buf,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::Color;
    use ratatui::text::Span;
    use ratatui::widgets::Block;

    proptest! {
        /// At every size and place, with any title, the cells are `Block`'s and so is the inner
        /// area.
        #[test]
        fn draws_what_block_draws(
            x in 0u16..4, y in 0u16..4, w in 0u16..30, h in 0u16..8,
            title in "[ a-z시간·]{0,40}",
        ) {
            let whole = Rect::new(0, 0, 24, 8);
            let area = Rect::new(x, y, w, h);
            let border = Style::new().fg(Color::DarkGray);
            let line = || Span::styled(title.clone(), Style::new().bold());
            let mut ours = Buffer::empty(whole);
            Panel::new(line(), border).render(area, &mut ours);
            let mut theirs = Buffer::empty(whole);
            let block = Block::bordered().title(line()).border_style(border);
            prop_assert_eq!(Panel::inner(area), block.inner(area));
            block.render(area, &mut theirs);
            prop_assert_eq!(ours, theirs);
        }
    }
}
