//! The Streams panel: for each stream of the selected event, the count, the tracking window,
//! one gauge per goal, the pace with a sparkline of the readings, and the projection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use super::chart::{self, CountChart, RateBars};
use super::ctx::Ctx;
use super::fit::{fit, fit_line, pad, wrap};
use super::theme::Theme;
use crate::config::Stream;
use crate::lang::Lang;
use crate::streams::{GoalView, StreamView, Window};
use crate::values::numbers::{per_hour, short};
use crate::values::text::{ago, ago_secs, hours_minutes};
use crate::values::when::shown_in;
use crate::view::{Shown, View};

/// Rows one stream block needs at full size: border 2, count 1, goals, pace 1.
fn full_rows(stream: &Stream) -> u16 {
    u16::try_from(stream.goals.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4)
}

/// The Streams panel: a block for each stream of the selected event, the first with the room
/// to spare; a summary line for each that has no room for a block.
pub(crate) struct StreamsPanel<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
}

impl Widget for StreamsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let app = self.ctx.app;
        let shown = &self.ctx.view.streams;
        let wants: Vec<u16> = shown
            .iter()
            .map(|s| {
                app.config.streams.get(s.index).map_or(0, |stream| {
                    full_rows(stream).saturating_add(u16::from(s.figures.history.is_empty()))
                })
            })
            .collect();
        // The first stream (the one the headline pushes) gets the room to spare for its chart.
        let total: u16 = wants.iter().fold(0u16, |a, w| a.saturating_add(*w));
        let spare = area.height.saturating_sub(total);
        let mut y = area.y;
        let mut left = area.height;
        for (n, s) in shown.iter().enumerate() {
            let Some(stream) = app.config.streams.get(s.index) else {
                continue;
            };
            let others = (shown.len() - n - 1) as u16;
            let want = if n == 0 {
                wants[n].saturating_add(spare)
            } else {
                wants[n]
            };
            // Leave a summary row for each stream still to come if this one takes its full size.
            let rows = if n + 1 == shown.len() {
                left
            } else {
                want.min(left.saturating_sub(others))
            };
            if rows < 3 {
                let rest = Rect::new(area.x, y, area.width, left);
                self.render_summaries(&shown[n..], rest, buf);
                return;
            }
            let ctx = self.ctx;
            StreamBlock {
                ctx,
                stream,
                shown: s,
            }
            .render(Rect::new(area.x, y, area.width, rows), buf);
            y += rows;
            left -= rows;
        }
    }
}

impl StreamsPanel<'_> {
    /// No room for a block: one summary line for each of `rest` ("+N more" when even those do
    /// not fit), a row each of `area`.
    fn render_summaries(&self, rest: &[Shown], area: Rect, buf: &mut Buffer) {
        let Ctx {
            app, view, theme, ..
        } = *self.ctx;
        let lines = area.height as usize;
        for (k, rest_s) in rest.iter().enumerate() {
            if k >= lines {
                break;
            }
            let row = Rect::new(area.x, area.y + k as u16, area.width, 1);
            if k + 1 == lines && rest.len() > lines {
                let more = format!(" +{} more streams", rest.len() - k);
                Line::from(Span::styled(fit(&more, area.width as usize), theme.dim()))
                    .render(row, buf);
                break;
            }
            if let Some(s) = app.config.streams.get(rest_s.index) {
                let v = &rest_s.figures;
                let line = format!(
                    " {} {} · {}",
                    s.platform,
                    s.counted(v.count),
                    window_text(view, v)
                );
                Line::from(Span::styled(fit(&line, area.width as usize), theme.dim()))
                    .render(row, buf);
            }
        }
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
            let closed = shown_in(at, frame.zone).format("%-d %b %Y %H:%M %Z");
            match final_count {
                Some(n) => format!("closed {closed}, final {}", short(n)),
                // The panel says what that means in a line of its own.
                None => format!("closed {closed}"),
            }
        }
    }
}

/// A gauge of `width` cells filled to `ratio` (0..=1) with half-cell precision, as the
/// filled part and the empty track (drawn in different styles). Heavy and light lines, not
/// full blocks: gauges on rows one under the other stay apart instead of merging into one
/// staircase.
pub(crate) fn bar(ratio: f64, width: usize) -> (String, String) {
    let ratio = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let halves = (ratio * width as f64 * 2.0).round() as usize;
    let full = (halves / 2).min(width);
    let mut filled = "━".repeat(full);
    let mut rest = width - full;
    if halves % 2 == 1 && rest > 0 {
        filled.push('╸');
        rest -= 1;
    }
    (filled, "─".repeat(rest))
}

/// A one-row sparkline of the last `width` values, scaled between their min and max.
pub(crate) fn sparkline(values: &[u64], width: usize) -> String {
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

/// The goal rows' columns in a panel `width` wide: what gives way first is the gauge, then
/// the label's length (down to 6), then needed and needed per hour; the target, the percent
/// and the status stay to the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GoalColumns {
    label: usize,
    bar: usize,
    figures: bool,
}

/// Target, percent; then needed, needed/h and status with their spaces. A short count is at
/// most 5 columns ("99.9k") and a rate 7 ("99.9k/h"); the status word at most 7 ("no data").
const CORE: usize = 1 + 5 + 1 + 4;
const FIGURES: usize = 1 + 5 + 1 + 7 + 1 + 7;
const STATUS_ONLY: usize = 1 + 7;

fn label_widths(stream: &Stream, width: usize) -> GoalColumns {
    let natural = stream
        .goals
        .iter()
        .map(|g| g.label.width())
        .max()
        .unwrap_or(0)
        .min(20);
    for (figures, tail) in [(true, FIGURES), (false, STATUS_ONLY)] {
        let room = width.saturating_sub(1 + CORE + tail);
        if room >= natural + 6 {
            return GoalColumns {
                label: natural,
                bar: room - natural - 1,
                figures,
            };
        }
        if room >= natural.min(6) {
            return GoalColumns {
                label: room.min(natural),
                bar: 0,
                figures,
            };
        }
    }
    GoalColumns {
        label: width.saturating_sub(1 + CORE + STATUS_ONLY),
        bar: 0,
        figures: false,
    }
}

/// One goal: label, target, gauge, percent, needed, needed per hour, status.
fn goal_row<'a>(
    goal: &'a GoalView,
    cols: &GoalColumns,
    width: usize,
    theme: Theme,
    view: &View,
    lang: Lang,
) -> Line<'a> {
    let needed = if goal.needed == 0 {
        String::new()
    } else {
        short(goal.needed)
    };
    let rate = match goal.needed_per_hour {
        Some(r) if goal.needed > 0 => per_hour(r),
        _ => String::new(),
    };
    // A reached goal says when, in the columns it no longer needs: "at 21:30" today, else
    // "24 Apr 21:30".
    let when = goal.reached_at.filter(|_| goal.reached).map(|t| {
        let (t, now) = (shown_in(t, view.zone), shown_in(view.now, view.zone));
        if t.date_naive() == now.date_naive() {
            t.format("at %H:%M").to_string()
        } else {
            t.format("%-d %b %H:%M").to_string()
        }
    });
    let status = theme.status(goal.status);
    let mut spans = vec![
        Span::raw(format!(" {}", pad(&goal.label, cols.label))),
        Span::styled(format!(" {:>5}", short(goal.target)), theme.bold()),
    ];
    if cols.bar > 0 {
        let (filled, track) = bar(goal.ratio, cols.bar);
        spans.push(Span::raw(" "));
        spans.push(Span::styled(filled, status));
        spans.push(Span::styled(track, theme.track()));
    }
    spans.push(Span::raw(format!(" {:>3.0}%", goal.percent.min(999.0))));
    if cols.figures {
        match &when {
            Some(w) => spans.push(Span::styled(format!(" {w:>13}"), theme.dim())),
            None => spans.push(Span::raw(format!(" {needed:>5} {rate:>7}"))),
        }
    }
    let label = goal.status.text(lang);
    let gap = 7usize.saturating_sub(label.width());
    spans.push(Span::styled(format!(" {label}{}", " ".repeat(gap)), status));
    // The columns are sized to fit; should a figure still outgrow them, it ends in "…".
    fit_line(spans, width)
}

/// One stream's block: the count and its window, a gauge per goal, the pace, and with rows
/// to spare the chart and the streams/hour bars.
struct StreamBlock<'a> {
    /// The frame's context.
    ctx: &'a Ctx<'a>,
    /// The stream's config.
    stream: &'a Stream,
    /// Its figures for this frame.
    shown: &'a Shown,
}

impl Widget for StreamBlock<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // A stream of chart positions draws as ranks, not counts.
        if let Some(ranks) = super::ranks::RankBlock::of(self.ctx, self.shown.index) {
            return ranks.render(area, buf);
        }
        let theme = self.ctx.theme;
        let config = &self.ctx.app.config;
        let event_name = config.event_name(&self.stream.event);
        let block = Block::bordered()
            .title(Span::styled(
                format!(
                    " Streams · {event_name} · {}{} ",
                    self.stream.platform,
                    config.sum_text(self.shown.index)
                ),
                theme.title(),
            ))
            .border_style(theme.border());
        let inner = block.inner(area);
        block.render(area, buf);
        let width = inner.width as usize;
        let mut lines = vec![self.count_line(width)];
        if let Some(why) = &self.shown.fresh.source_error {
            lines.push(Line::from(Span::styled(
                fit(&format!(" {why}"), width),
                theme.warn(),
            )));
        }
        if self.nothing_to_judge() {
            // No count to judge: say once what to do, then what the goals are, not a row of
            // zeros and "no data".
            for l in wrap(&self.no_readings_text(), width.saturating_sub(1), 3) {
                lines.push(Line::from(Span::styled(format!(" {l}"), theme.note())));
            }
            let room = (inner.height as usize).saturating_sub(lines.len());
            self.push_goal_targets(&mut lines, width, room);
            let room = (inner.height as usize).saturating_sub(lines.len());
            self.push_window_asks(&mut lines, width, room);
        } else {
            self.push_goals(&mut lines, width, (inner.height as usize).saturating_sub(1));
            lines.push(self.pace_line(width));
        }
        lines.extend(super::ranks::provenance(self.ctx, self.shown.index, width));
        let used = lines.len().min(inner.height as usize) as u16;
        for (row, line) in lines.into_iter().take(inner.height as usize).enumerate() {
            line.render(
                Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
                buf,
            );
        }
        self.render_charts(inner, used, buf);
    }
}

impl StreamBlock<'_> {
    /// The count, its age (stale in warning colour) or the correction it made, and the window.
    fn count_line(&self, width: usize) -> Line<'static> {
        let Ctx { view, theme, .. } = *self.ctx;
        let (figures, fresh) = (&self.shown.figures, &self.shown.fresh);
        let count = if figures.count == 0 && figures.count_at.is_none() {
            format!(" no {} counted yet", self.stream.unit)
        } else {
            format!(" {}", self.stream.counted(figures.count))
        };
        let age = match (fresh.corrected_from, fresh.last_reading_at) {
            (Some(before), _) => format!(" · corrected from {}", short(before)),
            // Stale means the last good count is old: say how old, to the second under a minute.
            (None, Some(_)) if fresh.stale => {
                let t = fresh.last_good.unwrap_or(view.now);
                format!(" · stale, last good {}", ago_secs(t, view.now))
            }
            (None, Some(t)) => format!(" · {}", ago(t, view.now)),
            (None, None) => String::new(),
        };
        // "window " gives way before the age does.
        let mut window = window_text(view, figures);
        if count.width() + age.width() + window.width() + 2 > width {
            window = window.replacen("window ", "", 1);
        }
        // Then a closed window's time of day goes, before its date would be cut.
        if let Window::Closed { at, final_count } = figures.window
            && count.width() + window.width() + 2 > width
        {
            let fin = final_count.map(|n| format!(", final {}", short(n)));
            let fin = fin.unwrap_or_default();
            let t = shown_in(at, view.zone);
            window = format!("{}{fin}", t.format("closed %-d %b %Y"));
            // The year too, so the final figure stays whole.
            if count.width() + window.width() + 2 > width {
                window = format!("{}{fin}", t.format("closed %-d %b"));
            }
        }
        // Still too long: cut, and say so.
        let window = fit(&window, width.saturating_sub(count.width() + 2));
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
        Line::from(vec![
            Span::styled(count, theme.bold()),
            Span::styled(age, age_style),
            Span::raw(" ".repeat(gap)),
            Span::styled(window, theme.text()),
        ])
    }

    /// No reading to judge the goals by: none at all and no count in the config, or a closed
    /// window with no reading inside it.
    fn nothing_to_judge(&self) -> bool {
        let f = &self.shown.figures;
        f.history.is_empty()
            && (f.count == 0
                || matches!(
                    f.window,
                    Window::Closed {
                        final_count: None,
                        ..
                    }
                ))
    }

    /// Each goal as what it asks: label, target, deadline, and the pace it needs while that
    /// can still be met; in `room` rows.
    fn push_goal_targets<'s>(&'s self, lines: &mut Vec<Line<'s>>, width: usize, room: usize) {
        let Ctx { view, theme, .. } = *self.ctx;
        let goals = &self.shown.figures.goals;
        let label = goals
            .iter()
            .map(|g| g.label.width())
            .max()
            .unwrap_or(0)
            .min(24);
        for (k, g) in goals.iter().enumerate() {
            if k + 1 == room && goals.len() > room {
                let more = format!(" +{} more goals", goals.len() - k);
                lines.push(Line::from(Span::styled(fit(&more, width), theme.dim())));
                return;
            }
            if k >= room {
                return;
            }
            let by = shown_in(g.deadline, view.zone).format("%a %-d %b %H:%M");
            let mut spans = vec![
                Span::raw(format!(" {}", pad(&g.label, label))),
                Span::styled(format!(" {:>5}", short(g.target)), theme.bold()),
                Span::styled(format!(" by {by}"), theme.dim()),
            ];
            if let Some(r) = g.needed_per_hour.filter(|_| g.needed > 0) {
                spans.push(Span::styled(
                    format!(" · needs {}", per_hour(r)),
                    theme.dim(),
                ));
            }
            lines.push(fit_line(spans, width));
        }
    }

    /// With rows to spare under the goals of a closed window: the window (when it opens and closes, in the event's
    /// zone and the display zone) and the streams per hour each goal takes on average over
    /// its window, as bars in proportion, so an empty push still says what it will ask.
    fn push_window_asks<'s>(&'s self, lines: &mut Vec<Line<'s>>, width: usize, room: usize) {
        let Ctx {
            app, view, theme, ..
        } = *self.ctx;
        let (stream, goals) = (self.stream, &self.shown.figures.goals);
        // A blank row, a heading, opens, closes; a blank row, a heading and a row per goal.
        // Before and during the window the chart of the goals' lines uses the room instead.
        let closed = matches!(self.shown.figures.window, Window::Closed { .. });
        if !closed || goals.is_empty() || room < 4 + 2 + goals.len() {
            return;
        }
        let zone = app
            .config
            .event(&stream.event)
            .map_or(stream.window_zone, |e| e.zone);
        let when = |t: chrono::DateTime<chrono::Utc>| {
            let own = t.with_timezone(&zone).format("%a %-d %b %Y %H:%M %Z");
            let yours = shown_in(t, view.zone);
            if yours.format("%Z %z").to_string()
                == t.with_timezone(&zone).format("%Z %z").to_string()
            {
                own.to_string()
            } else {
                format!("{own} · yours {}", yours.format("%a %-d %b %H:%M %Z"))
            }
        };
        let past = view.now >= stream.window_start;
        let heading = |text: &str| Line::from(Span::styled(fit(text, width), theme.title()));
        lines.push(Line::default());
        lines.push(heading(" The window"));
        for (word, t) in [
            (if past { "opened" } else { "opens" }, stream.window_start),
            (
                if view.now >= stream.window_end {
                    "closed"
                } else {
                    "closes"
                },
                stream.window_end,
            ),
        ] {
            let spans = vec![
                Span::styled(format!("  {word:<7}"), theme.dim()),
                Span::raw(when(t)),
            ];
            lines.push(fit_line(spans, width));
        }
        lines.push(Line::default());
        let unit = &stream.unit;
        lines.push(heading(&format!(
            " What each goal takes: {unit}/h over its window"
        )));
        let rates: Vec<(f64, String)> = goals
            .iter()
            .map(|g| {
                let span = g.deadline - stream.window_start;
                let hours = (span.num_seconds() as f64 / 3600.0).max(1.0 / 60.0);
                (g.target as f64 / hours, hours_minutes(span))
            })
            .collect();
        let top = rates.iter().map(|r| r.0).fold(0.0, f64::max);
        let label = goals
            .iter()
            .map(|g| g.label.width())
            .max()
            .unwrap_or(0)
            .min(24);
        // Label, bar, "270k/h over 10h": the bar takes what the words leave, up to 40.
        let bar_w = width.saturating_sub(1 + label + 1 + 1 + 20).min(40);
        for (g, (rate, over)) in goals.iter().zip(&rates) {
            let mut spans = vec![Span::raw(format!("  {}", pad(&g.label, label)))];
            if bar_w >= 4 {
                let (filled, track) = bar(rate / top.max(1.0), bar_w);
                spans.push(Span::raw(" "));
                spans.push(Span::styled(filled, theme.projection()));
                spans.push(Span::styled(track, theme.track()));
            }
            spans.push(Span::styled(
                format!(" {:>7}", per_hour(*rate)),
                theme.bold(),
            ));
            spans.push(Span::styled(format!(" over {over}"), theme.dim()));
            lines.push(fit_line(spans, width));
        }
    }

    /// A row per goal in `room` rows; those that do not fit end in "+N more goals".
    fn push_goals<'s>(&'s self, lines: &mut Vec<Line<'s>>, width: usize, room: usize) {
        let theme = self.ctx.theme;
        let goals = &self.shown.figures.goals;
        let cols = label_widths(self.stream, width);
        let fits = if goals.len() > room {
            room.saturating_sub(1)
        } else {
            goals.len()
        };
        for goal in &goals[..fits] {
            lines.push(goal_row(
                goal,
                &cols,
                width,
                theme,
                self.ctx.view,
                self.ctx.lang,
            ));
        }
        if fits < goals.len() && room > 0 {
            let more = format!(" +{} more goals", goals.len() - fits);
            lines.push(Line::from(Span::styled(fit(&more, width), theme.dim())));
        }
    }

    /// Pace, sparkline and projection on one row.
    fn pace_line(&self, width: usize) -> Line<'static> {
        let theme = self.ctx.theme;
        let figures = &self.shown.figures;
        let pace = match (figures.window, figures.pace, figures.pace_over) {
            // After the window its result, not a pace.
            (Window::Closed { .. }, _, _) => {
                let reached = figures.goals.iter().filter(|g| g.reached).count();
                format!(
                    " result: {reached} of {} goals reached",
                    figures.goals.len()
                )
            }
            (_, Some(p), Some(over)) => {
                format!(" pace {} over {}", per_hour(p), hours_minutes(over))
            }
            _ => " pace — (needs readings 10 min apart)".to_string(),
        };
        let projection = match (figures.projection, figures.window) {
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
            sparkline(&figures.history, room.min(40))
        } else {
            String::new()
        };
        fit_line(
            vec![
                Span::styled(pace, theme.text()),
                Span::raw("  "),
                Span::styled(spark, theme.text()),
                Span::raw("  "),
                Span::styled(projection, theme.projection()),
            ],
            width,
        )
    }

    /// With no readings, how to add one: by `log`, by `u`, or by replaying the window.
    fn no_readings_text(&self) -> String {
        let app = self.ctx.app;
        let stream = self.stream;
        match (self.shown.figures.window, app.config.source.readings_path()) {
            // A closed window: a count typed now would come after every deadline.
            (Window::Closed { .. }, Some(_)) => format!(
                "No reading inside the window, so no result: `dropwatch log {} COUNT --at TIME` records past counts.",
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
                    "No reading inside the window, so no result. Replay the release: --at '{} {zone}'",
                    before.format("%Y-%m-%d %H:%M")
                )
            }
            (_, Some(_)) => {
                format!(
                    "No count yet: press u to type one, run `dropwatch log {} COUNT`, or give the stream a [streams.source].",
                    stream.event
                )
            }
            (_, None) => {
                "No count yet: press u to type one, or give the stream a [streams.source]."
                    .to_string()
            }
        }
    }

    /// With rows to spare under the `used` rows of figures, the chart; with more, the
    /// streams/hour bars share the room (a third, on the same time axis).
    fn render_charts(&self, inner: Rect, used: u16, buf: &mut Buffer) {
        let figures = &self.shown.figures;
        let closed = matches!(figures.window, Window::Closed { .. });
        // A blank row under the figures when the chart can spare it.
        let gap = u16::from(inner.height.saturating_sub(used) > chart::MIN_ROWS + 2);
        let spare = inner.height.saturating_sub(used + gap);
        let top = inner.y + used + gap;
        let bars =
            if figures.rates.len() >= 2 && spare >= chart::MIN_ROWS + 2 + chart::BARS_MIN_ROWS {
                (spare / 3).max(chart::BARS_MIN_ROWS)
            } else {
                0
            };
        let chart_rows = spare - bars;
        let width = inner.width.saturating_sub(1);
        let (ctx, stream) = (self.ctx, self.stream);
        if chart_rows >= chart::MIN_ROWS && !(figures.history.is_empty() && closed) {
            let area = Rect::new(inner.x, top, width, chart_rows);
            CountChart {
                ctx,
                stream,
                figures,
            }
            .render(area, buf);
        }
        if bars > 0 {
            let area = Rect::new(inner.x, top + chart_rows, width, bars);
            RateBars {
                ctx,
                stream,
                figures,
            }
            .render(area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_halves_and_clamp() {
        let joined = |r, w| {
            let (a, b) = bar(r, w);
            format!("{a}|{b}")
        };
        assert_eq!(joined(0.0, 4), "|────");
        assert_eq!(joined(0.5, 4), "━━|──");
        assert_eq!(joined(0.625, 4), "━━╸|─");
        assert_eq!(joined(1.0, 4), "━━━━|");
        assert_eq!(joined(7.0, 3), "━━━|");
        assert_eq!(joined(f64::NAN, 2), "|──");
        assert_eq!(joined(0.5, 0), "|");
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
