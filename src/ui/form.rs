//! The `a` / `e` / `x` form: a box over the dashboard with its fields, the one being typed
//! into marked, why the last Enter was refused, and the keys it takes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::fit::{fit, pad, wrap};
use crate::app::{Form, FormKind};
use crate::lang::Arg;

/// The form, centred in the area it is given; it shrinks with it, down to nothing.
pub(crate) struct FormOverlay<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
    /// The open form.
    pub(crate) form: &'a Form,
}

impl FormOverlay<'_> {
    /// The lines inside the box, `width` columns wide.
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let (theme, lang) = (self.ctx.theme, self.ctx.lang);
        let form = self.form;
        let mut lines = Vec::new();
        if let FormKind::Delete { name, .. } = &form.kind {
            let q = lang.t_with(
                "messages-form-delete-ask",
                &[("name", Arg::from(name.as_str()))],
            );
            for l in wrap(&q, width, 3) {
                lines.push(Line::from(Span::styled(l, theme.bold())));
            }
        }
        // The labels line up after the widest, padded by columns (a Hangul label is two a
        // syllable), six at least as in English.
        let labels: Vec<_> = form.fields.iter().map(|f| lang.t(f.label)).collect();
        let label_w = labels
            .iter()
            .map(|l| l.as_ref().width())
            .max()
            .unwrap_or(0)
            .max(6);
        for (i, (f, label)) in form.fields.iter().zip(&labels).enumerate() {
            let focused = i == form.focus;
            let label = pad(label, label_w);
            let room = width.saturating_sub(label_w + 2);
            // The end of what is typed stays in view, with a cursor after it.
            let value = if focused {
                let chars: Vec<char> = f.value.chars().collect();
                let keep = room.saturating_sub(1);
                let tail: String = chars[chars.len().saturating_sub(keep)..].iter().collect();
                format!("{tail}▏")
            } else {
                fit(&f.value, room)
            };
            let style = if focused {
                theme.selected()
            } else {
                theme.text()
            };
            lines.push(Line::from(vec![
                Span::styled(label, theme.bold()),
                Span::raw("  "),
                Span::styled(value, style),
            ]));
        }
        if let Some(why) = &form.error {
            for l in wrap(why, width, 4) {
                lines.push(Line::from(Span::styled(l, theme.error())));
            }
        }
        let keys = match (&form.kind, form.saving) {
            (_, true) => "messages-form-saving",
            (FormKind::Delete { .. }, _) => "messages-form-delete-keys",
            _ => "messages-form-keys",
        };
        lines.push(Line::from(Span::styled(
            fit(&lang.t(keys), width),
            theme.dim(),
        )));
        lines
    }
}

impl Widget for FormOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let width = 64.min(area.width);
        if width < 3 || area.height < 3 {
            return;
        }
        let lines = self.lines(width as usize - 2);
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = super::help::centered(area, width, height);
        let title = match self.form.kind {
            FormKind::Add => "messages-form-add",
            FormKind::Edit { .. } => "messages-form-edit",
            FormKind::Delete { .. } => "messages-form-delete",
        };
        let title = format!(" {} ", self.ctx.lang.t(title));
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .block(Block::bordered().title(title).border_style(theme.accent()))
            .render(popup, buf);
    }
}
