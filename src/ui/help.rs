//! The `?` overlay: every key of the key table, in a box over the dashboard.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::ctx::Ctx;
use crate::app::keys::KEYS;

/// The overlay, centred in the area it is given.
pub(crate) struct HelpOverlay<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let height = (KEYS.len() as u16 + 4).min(area.height);
        let width = 72.min(area.width);
        let [row] = Layout::vertical([Constraint::Length(height)])
            .flex(Flex::Center)
            .areas(area);
        let [popup] = Layout::horizontal([Constraint::Length(width)])
            .flex(Flex::Center)
            .areas(row);
        Clear.render(popup, buf);
        let mut lines: Vec<Line> = KEYS
            .iter()
            .map(|b| {
                Line::from(vec![
                    Span::styled(format!(" {:<17}", b.keys), theme.bold()),
                    Span::raw(b.does),
                ])
            })
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            " The config reloads on save; see README for its keys.",
            theme.dim(),
        )));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(" dropwatch · keys ")
                    .border_style(theme.accent()),
            )
            .render(popup, buf);
    }
}
