//! The Streams panel: for each stream of the selected event, the count, the tracking window,
//! one gauge per goal, the pace with a sparkline of the readings, and the projection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Sparkline, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{fit, pad};
use crate::app::App;
use crate::config::Stream;
use crate::numbers::{per_hour, short, thousands};
use crate::sources::status::ago;
use crate::streams::{StreamView, Window};
use crate::view::{Shown, View};

/// Rows one stream block needs at full size: border 2, count 1, goals, pace 1.
fn full_rows(stream: &Stream) -> u16 {
    u16::try_from(stream.goals.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4)
}

/// Draws the panel into `area` (nothing when empty).
pub fn render(app: &App, frame: &View, area: Rect, buf: &mut Buffer, theme: Theme) {
    if area.is_empty() {
        return;
    }
    let shown = &frame.streams;
    let mut y = area.y;
    let mut left = area.height;
    for (n, s) in shown.iter().enumerate() {
        let (Some(stream), view) = (app.config.streams.get(s.index), &s.figures) else {
            continue;
        };
        let others = (shown.len() - n - 1) as u16;
        let want = full_rows(stream).saturating_add(u16::from(view.history.is_empty()));
        // Leave a summary row for each stream still to come if this one takes its full size.
        let rows = if n + 1 == shown.len() {
            left
        } else {
            want.min(left.saturating_sub(others))
        };
        if rows < 3 {
            // No room for a block: one summary line for each remaining stream.
            for (k, rest) in shown[n..].iter().enumerate() {
                if k as u16 >= left {
                    break;
                }
                if let Some(s) = app.config.streams.get(rest.index) {
                    let v = &rest.figures;
                    let line = format!(
                        " {} {} streams · {}",
                        s.platform,
                        thousands(v.count),
                        window_text(frame, v)
                    );
                    Line::from(Span::styled(fit(&line, area.width as usize), theme.dim()))
                        .render(Rect::new(area.x, y + k as u16, area.width, 1), buf);
                }
            }
            return;
        }
        render_block(
            app,
            frame,
            stream,
            s,
            Rect::new(area.x, y, area.width, rows),
            buf,
            theme,
        );
        y += rows;
        left -= rows;
    }
}

/// "closes in 9h 12m", "opens in 1h 02m", "closed Mon 25 Apr 09:00 KST, final 3,210,000".
fn window_text(frame: &View, view: &StreamView) -> String {
    let hm = |secs: i64| {
        let secs = secs.max(0);
        if secs >= 86_400 {
            format!("{}d {}h", secs / 86_400, secs % 86_400 / 3600)
        } else {
            format!("{}h {:02}m", secs / 3600, secs % 3600 / 60)
        }
    };
    match view.window {
        Window::Opens { in_secs } => format!("window opens in {}", hm(in_secs)),
        Window::Open { left_secs } => format!("window closes in {}", hm(left_secs)),
        Window::Closed { at, final_count } => {
            let zone = frame.zone;
            format!(
                "closed {}, final {}",
                at.with_timezone(&zone).format("%-d %b %Y %H:%M %Z"),
                thousands(final_count)
            )
        }
    }
}

/// A bar of `width` cells filled to `ratio` (0..=1) with eighth-cell precision.
pub fn bar(ratio: f64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let ratio = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (ratio * width as f64 * 8.0).round() as usize;
    let full = eighths / 8;
    let mut s = "█".repeat(full.min(width));
    if full < width {
        let part = eighths % 8;
        s.push(if part == 0 { '░' } else { PARTS[part] });
        s.push_str(&"░".repeat(width - full - 1));
    }
    s
}

/// A one-row sparkline of the last `width` values, scaled between their min and max.
pub fn sparkline(values: &[u64], width: usize) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let tail = &values[values.len().saturating_sub(width)..];
    let (Some(&min), Some(&max)) = (tail.iter().min(), tail.iter().max()) else {
        return String::new();
    };
    let span = (max - min) as f64;
    tail.iter()
        .map(|&v| {
            if span == 0.0 {
                LEVELS[3]
            } else {
                LEVELS[(((v - min) as f64 / span) * 7.0).round() as usize]
            }
        })
        .collect()
}

fn render_block(
    app: &App,
    frame: &View,
    stream: &Stream,
    shown: &Shown,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let view = &shown.figures;
    let fresh = &shown.fresh;
    let event_name = app.config.event_name(&stream.event);
    let block = Block::bordered()
        .title(format!(" Streams · {event_name} · {} ", stream.platform))
        .border_style(theme.border());
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();

    let count = format!(" {} streams", thousands(view.count));
    let mut window = window_text(frame, view);
    if count.width() + window.width() + 2 > width {
        window = window.replacen("window ", "", 1);
    }
    // The count's worth: its age (stale in warning colour), or the correction it made.
    let age = match (fresh.corrected_from, fresh.last_reading_at) {
        (Some(before), _) => format!(" · corrected from {}", short(before)),
        (None, Some(t)) if fresh.stale => format!(" · stale, {}", ago(t, frame.now)),
        (None, Some(t)) => format!(" · {}", ago(t, frame.now)),
        (None, None) => String::new(),
    };
    let age = if count.width() + age.width() + window.width() + 2 <= width {
        age
    } else {
        String::new()
    };
    let gap = width
        .saturating_sub(count.width() + age.width() + window.width() + 1)
        .max(2);
    let age_style = if fresh.stale || fresh.corrected_from.is_some() {
        theme.warn()
    } else {
        theme.dim()
    };
    lines.push(Line::from(vec![
        Span::styled(count, theme.bold()),
        Span::styled(age, age_style),
        Span::raw(" ".repeat(gap)),
        Span::styled(window, theme.text()),
    ]));
    if let Some(why) = &fresh.source_error {
        lines.push(Line::from(Span::styled(
            fit(&format!(" {why}"), width),
            theme.warn(),
        )));
    }

    // Goal rows; columns drop right to left as the width shrinks.
    let label_w = stream
        .goals
        .iter()
        .map(|g| g.label.width())
        .max()
        .unwrap_or(0)
        .min(16)
        .min(width * 2 / 5);
    for goal in &view.goals {
        let target = format!("{:>5}", short(goal.streams));
        let percent = format!("{:>4.0}%", goal.percent.min(9999.0));
        let needed = if goal.needed == 0 {
            String::new()
        } else {
            short(goal.needed)
        };
        let rate = match goal.needed_per_hour {
            Some(r) if goal.needed > 0 => per_hour(r),
            _ => String::new(),
        };
        let status = goal.status.label();
        let fixed = 1 + label_w + 1 + 5 + 1 + 5 + 1;
        let tail_full = format!(" {needed:>6} {rate:>7} {status:<7}");
        let tail_short = format!(" {status:<7}");
        // The bar goes first, then needed and needed/h: the figures say more than the bar.
        let (tail, bar_w) = if width >= fixed + tail_full.width() + 4 {
            let w = width - fixed - tail_full.width();
            (tail_full, w)
        } else if width >= fixed + tail_full.width() {
            (tail_full, 0)
        } else if width >= fixed + tail_short.width() + 5 {
            let w = width - fixed - tail_short.width();
            (tail_short, w)
        } else {
            (tail_short, 0)
        };
        let mut spans = vec![
            Span::raw(format!(" {} ", pad(&goal.label, label_w))),
            Span::styled(target, theme.bold()),
            Span::raw(" "),
        ];
        if bar_w > 0 {
            spans.push(Span::styled(
                bar(goal.ratio, bar_w),
                theme.status(goal.status),
            ));
        }
        spans.push(Span::raw(percent));
        spans.push(Span::styled(tail, theme.status(goal.status)));
        lines.push(Line::from(spans));
    }

    // Pace, sparkline and projection on one row.
    let pace = match view.pace {
        Some(p) => format!(" pace {} (last 3h)", per_hour(p)),
        None => " pace — (needs 2 readings in 3h)".to_string(),
    };
    let projection = match (view.projection, view.window) {
        (Some(p), Window::Closed { .. }) => format!("final {}", short(p)),
        (Some(p), _) => format!("projection {} at close", short(p)),
        (None, _) => String::new(),
    };
    let projection = if pace.width() + projection.width() + 2 > width {
        projection
            .replace("projection ", "→ ")
            .replace(" at close", "")
    } else {
        projection
    };
    let room = width.saturating_sub(pace.width() + projection.width() + 4);
    let spark = if room >= 4 {
        sparkline(&view.history, room.min(40))
    } else {
        String::new()
    };
    lines.push(Line::from(vec![
        Span::styled(pace, theme.text()),
        Span::raw("  "),
        Span::styled(spark, theme.accent()),
        Span::raw("  "),
        Span::styled(projection, theme.bold()),
    ]));
    if view.history.is_empty() {
        let how = match (view.window, app.config.source.readings_path()) {
            // A closed window: a count typed now would come after every deadline.
            (Window::Closed { .. }, Some(_)) => format!(
                " no readings: `dropwatch log {} COUNT --at TIME` records past counts",
                stream.event
            ),
            (Window::Closed { .. }, None) => {
                let zone = app
                    .config
                    .event(&stream.event)
                    .map_or(stream.window_zone, |e| e.zone);
                let before =
                    (stream.window_start - chrono::TimeDelta::hours(1)).with_timezone(&zone);
                format!(
                    " no readings; replay: --at '{} {zone}'",
                    before.format("%Y-%m-%d %H:%M")
                )
            }
            (_, Some(_)) => {
                format!(
                    " no readings yet: press u, or run `dropwatch log {} COUNT`",
                    stream.event
                )
            }
            (_, None) => " no readings yet: press u to add a count".to_string(),
        };
        lines.push(Line::from(Span::styled(fit(&how, width), theme.dim())));
    }
    let used = lines.len().min(inner.height as usize) as u16;
    for (row, line) in lines.into_iter().take(inner.height as usize).enumerate() {
        line.render(
            Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            buf,
        );
    }
    // With rows to spare, a chart of the pace between readings under the figures.
    let spare = inner.height.saturating_sub(used + 1);
    if spare >= 3 && view.rates.len() >= 2 {
        let top = inner.y + used + 1;
        let peak = view.rates.iter().max().copied().unwrap_or(0);
        let caption = format!(
            " streams/hour between readings · peak {}",
            per_hour(peak as f64)
        );
        Line::from(Span::styled(fit(&caption, width), theme.dim()))
            .render(Rect::new(inner.x, top, inner.width, 1), buf);
        let chart = Rect::new(
            inner.x + 1,
            top + 1,
            inner.width.saturating_sub(2),
            (spare - 1).min(8),
        );
        let data = &view.rates[view.rates.len().saturating_sub(chart.width as usize)..];
        Sparkline::default()
            .data(data)
            .style(theme.accent())
            .render(chart, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_eighths_and_clamp() {
        assert_eq!(bar(0.0, 4), "░░░░");
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(0.5625, 4), "██▎░");
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(7.0, 3), "███");
        assert_eq!(bar(f64::NAN, 2), "░░");
        assert_eq!(bar(0.5, 0), "");
    }

    #[test]
    fn sparkline_scales_between_min_and_max() {
        assert_eq!(sparkline(&[0, 50, 100], 10), "▁▅█");
        assert_eq!(sparkline(&[7, 7], 10), "▄▄");
        assert_eq!(sparkline(&[1, 2, 3, 4], 2), "▁█");
        assert_eq!(sparkline(&[], 10), "");
        assert_eq!(sparkline(&[0, u64::MAX], 10), "▁█");
    }
}
