//! The screen for a terminal too small for panels: one line per row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::ctx::Ctx;
use super::fit::{fit, wrap};
use crate::app::Mode;
use crate::lang::Arg;

/// The countdown first, then the message of the moment (wrapped, "…" when cut), then how to
/// quit.
pub(crate) struct TinyScreen<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
}

impl Widget for TinyScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Ctx {
            app, view, theme, ..
        } = *self.ctx;
        let width = area.width as usize;
        let rows = area.height as usize;
        let mut lines = Vec::new();
        let (message, style) = match &app.mode {
            Mode::Prompt(prompt) => {
                let input = Arg::from(prompt.input.as_str());
                let count = self
                    .ctx
                    .lang
                    .t_with("messages-prompt-tiny", &[("input", input)]);
                lines.push(Line::from(fit(&count, width)));
                (prompt.error.clone(), theme.warn())
            }
            _ => match app.config_error.as_ref().and_then(|e| e.first()) {
                Some(e) => (Some(e.one_line()), theme.error()),
                None => (app.notice.clone(), theme.note()),
            },
        };
        lines.push(Line::from(Span::styled(
            fit(&view.title, width),
            theme.accent(),
        )));
        let room = rows.saturating_sub(lines.len() + 1);
        if let Some(m) = message {
            for l in wrap(&m, width, room) {
                lines.push(Line::from(Span::styled(l, style)));
            }
        }
        lines.push(Line::from(Span::styled(
            fit(&self.ctx.lang.t("help-hint-quit"), width),
            theme.dim(),
        )));
        for (i, line) in lines.into_iter().take(rows).enumerate() {
            line.render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
        }
    }
}
