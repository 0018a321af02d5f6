//! The footer (keys, config state, the `u` prompt) and the error banner.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{fit, pad};
use crate::app::{App, Mode};

/// Draws the red banner quoting the config error, over the last good config.
pub fn render_banner(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let Some(error) = app.error.as_ref().and_then(|e| e.first()) else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let text = format!(" ✗ {} (showing the last good config)", error.one_line());
    Line::from(Span::styled(pad(&text, area.width as usize), theme.error())).render(area, buf);
}

/// Draws the footer: the prompt when open, else keys on the left and the config on the right.
pub fn render_footer(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    if area.is_empty() {
        return;
    }
    let width = area.width as usize;
    if let Mode::Prompt(prompt) = &app.mode {
        let what = app
            .config
            .streams
            .get(prompt.stream)
            .map(|s| {
                let name = app.config.event_name(&s.event);
                format!("{} count for {name}", s.platform)
            })
            .unwrap_or_default();
        let mut spans = vec![
            Span::styled(format!(" {what}: "), theme.bold()),
            Span::raw(prompt.input.clone()),
            Span::styled("█", theme.accent()),
        ];
        match &prompt.error {
            Some(e) => spans.push(Span::styled(format!("  {e}"), theme.warn())),
            None => spans.push(Span::styled("  Enter save · Esc cancel", theme.dim())),
        }
        Line::from(spans).render(area, buf);
        return;
    }
    let state = if app.error.is_some() {
        Span::styled("✗", theme.warn())
    } else {
        Span::styled("✓", theme.ok())
    };
    let loaded = match (&app.config.source, app.loaded_at) {
        (crate::config::Source::File(_), Some(t)) => {
            format!(
                " loaded {}",
                t.with_timezone(&app.local_zone).format("%H:%M:%S")
            )
        }
        _ => String::new(),
    };
    let config = format!("config: {}{loaded} ", app.config.source.display());
    let right_w = config.width() + 2;
    let left_room = if width < 60 {
        width
    } else {
        width.saturating_sub(right_w + 1)
    };
    let notice = app.notice.clone().or_else(|| {
        app.readings
            .warnings
            .first()
            .map(|w| format!("{w} (+{} more)", app.readings.warnings.len() - 1))
            .map(|w| w.replace(" (+0 more)", ""))
    });
    let left = match notice {
        Some(n) => Span::styled(fit(&format!(" {n}"), left_room), theme.warn()),
        None => {
            let keys = [
                " q quit  ? help  ↑↓ select  z zone  u update count  r reload",
                " q quit  ? help  ↑↓ select  z zone  u count",
                " q quit  ? help",
            ];
            let k = keys
                .iter()
                .find(|k| k.width() <= left_room)
                .copied()
                .unwrap_or("");
            Span::styled(k, theme.dim())
        }
    };
    if width < 60 {
        // Too narrow for the config name: keys or notice only.
        Line::from(left).render(area, buf);
        return;
    }
    let gap = width.saturating_sub(left.width() + right_w);
    Line::from(vec![
        left,
        Span::raw(" ".repeat(gap)),
        Span::styled(config, theme.dim()),
        state,
        Span::raw(" "),
    ])
    .render(area, buf);
}
