//! The chart of a stream's count against its goals over the tracking window, and the
//! streams/hour bars on the same time axis. Drawn from the frame's figures only.

use chrono::{DateTime, Datelike, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Sparkline, Widget};
use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::fit::{fit, fit_line};
use crate::config::Stream;
use crate::lang::Arg;
use crate::streams::{StreamView, Window};

/// One dataset of the chart: its points, style, marker and kind.
type Series = (Vec<(f64, f64)>, Style, Marker, GraphType);

/// Rows the chart needs to say anything: three rows of plot, the axis and its labels.
pub(crate) const MIN_ROWS: u16 = 5;
/// Rows the streams/hour bars need: a caption, three rows of bars, the axis.
pub(crate) const BARS_MIN_ROWS: u16 = 5;

/// The time span a chart shows, and the mapping of instants onto it (hours from its start).
#[derive(Debug, Clone, Copy)]
struct Span2 {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

impl Span2 {
    /// The span of `stream`'s chart; `minute` is the start of now's minute, so that the time
    /// axis moves once a minute, not every second.
    fn of(stream: &Stream, view: &StreamView, minute: DateTime<Utc>) -> Span2 {
        // Before the window opens, "now" is on the chart too.
        let from = match view.window {
            Window::Opens { .. } => minute.min(stream.window_start),
            _ => stream.window_start,
        };
        Span2 {
            from,
            to: stream.window_end.max(from + chrono::TimeDelta::minutes(1)),
        }
    }

    fn x(&self, t: DateTime<Utc>) -> f64 {
        (t - self.from).num_seconds() as f64 / 3600.0
    }

    fn width(&self) -> f64 {
        self.x(self.to)
    }
}

/// The row of `value` in a plot of `height` rows over 0..=`top`, as ratatui's braille canvas
/// places it (four dots a row).
fn row_of(value: f64, top: f64, height: u16) -> u16 {
    let dots = f64::from(height) * 4.0 - 1.0;
    let dot = ((top - value) / top * dots).round().clamp(0.0, dots);
    (dot / 4.0) as u16
}

/// `a`→`b` cut at `x = limit` (linear), so a path to a later deadline stops at the edge.
fn clip(a: (f64, f64), b: (f64, f64), limit: f64) -> (f64, f64) {
    if b.0 <= limit || b.0 <= a.0 {
        return b;
    }
    let t = (limit - a.0) / (b.0 - a.0);
    (limit, a.1 + (b.1 - a.1) * t)
}

/// `a`→`b` cut where it crosses `y = top`, so a projection far above the goals leaves the
/// plot at its top edge.
fn clip_top(a: (f64, f64), b: (f64, f64), top: f64) -> (f64, f64) {
    if b.1 <= top || b.1 <= a.1 {
        return b;
    }
    let t = ((top - a.1) / (b.1 - a.1)).clamp(0.0, 1.0);
    (a.0 + (b.0 - a.0) * t, top)
}

/// The chart of a stream's count: goals as labelled lines, the count with its readings as
/// points, the needed path to each goal still open, the projection, and now.
pub(crate) struct CountChart<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
    /// The stream's config: its window.
    pub(crate) stream: &'a Stream,
    /// Its figures for this frame.
    pub(crate) figures: &'a StreamView,
}

impl Widget for CountChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < MIN_ROWS || area.width < 20 {
            return;
        }
        let figures = self.figures;
        // Where now goes on the time axis moves once a minute: a column is many minutes wide.
        let minute = self.ctx.view.minute;
        let span = Span2::of(self.stream, figures, minute);
        let top = top_value(figures);
        // The y gutter holds each goal's target at its row, and 0 at the bottom.
        let gutter = figures
            .goals
            .iter()
            .map(|g| self.ctx.lang.short(g.target).width())
            .max()
            .unwrap_or(1)
            .max(1) as u16
            + 1;
        let plot = Rect::new(
            area.x + gutter,
            area.y,
            area.width - gutter,
            area.height - 2,
        );
        let open = matches!(figures.window, Window::Open { .. } | Window::Opens { .. });
        let now_x = span.x(minute);
        let now_on_chart = open && (0.0..=span.width()).contains(&now_x);
        let data = self.series(span, top, now_on_chart);
        let datasets: Vec<Dataset> = data
            .iter()
            .map(|(points, style, marker, kind)| {
                Dataset::default()
                    .data(points)
                    .style(*style)
                    .marker(*marker)
                    .graph_type(*kind)
            })
            .collect();
        Chart::new(datasets)
            .x_axis(Axis::default().bounds([0.0, span.width()]))
            .y_axis(Axis::default().bounds([0.0, top]))
            .render(plot, buf);
        self.label_goals(plot, top, buf);
        self.projection_arrow(span, top, plot, buf);
        self.time_axis(span, now_on_chart.then_some(minute), plot, buf);
    }
}

/// The top of the value axis: the highest goal, count or reading, with headroom. Not the
/// projection: one far above the goals (two readings seconds apart) would squash everything
/// else flat; it is clipped at the top with an arrow instead.
fn top_value(figures: &StreamView) -> f64 {
    figures
        .goals
        .iter()
        .map(|g| g.target)
        .chain([figures.count])
        .chain(figures.history.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64
        * 1.08
}

impl CountChart<'_> {
    /// The datasets, back to front: goal lines, the paths while the window is open, the
    /// readings as a line and as points, and now as a vertical line when it is on the chart.
    fn series(&self, span: Span2, top: f64, now_on_chart: bool) -> Vec<Series> {
        let theme = self.ctx.theme;
        let figures = self.figures;
        let end = span.width();
        let mut data: Vec<Series> = Vec::new();
        for g in &figures.goals {
            let y = g.target as f64;
            data.push((
                vec![(0.0, y), (end, y)],
                theme.track(),
                Marker::Braille,
                GraphType::Line,
            ));
        }
        if matches!(figures.window, Window::Open { .. } | Window::Opens { .. }) {
            data.extend(self.paths(span, top));
        }
        let points: Vec<(f64, f64)> = figures
            .history_at
            .iter()
            .zip(&figures.history)
            .map(|(t, c)| (span.x(*t), *c as f64))
            .filter(|(x, _)| (0.0..=end).contains(x))
            .collect();
        data.push((
            points.clone(),
            theme.text(),
            Marker::Braille,
            GraphType::Line,
        ));
        data.push((points, theme.bold(), Marker::Dot, GraphType::Scatter));
        if now_on_chart {
            let now_x = span.x(self.ctx.view.minute);
            data.push((
                vec![(now_x, 0.0), (now_x, top)],
                theme.title(),
                Marker::Braille,
                GraphType::Line,
            ));
        }
        data
    }

    /// From the latest reading (or the opening, with none yet) to each goal still open, and
    /// the projection to the window's end while it is open.
    fn paths(&self, span: Span2, top: f64) -> Vec<Series> {
        let Ctx { view, theme, .. } = *self.ctx;
        let figures = self.figures;
        let end = span.width();
        let from_t = figures
            .count_at
            .filter(|t| *t >= span.from)
            .unwrap_or(view.minute.max(self.stream.window_start));
        let from = (span.x(from_t), figures.count as f64);
        let mut data: Vec<Series> = Vec::new();
        for g in figures
            .goals
            .iter()
            .filter(|g| !g.reached && view.now < g.deadline)
        {
            let to = clip(from, (span.x(g.deadline), g.target as f64), end);
            data.push((
                vec![from, to],
                theme.status(g.status),
                Marker::Braille,
                GraphType::Line,
            ));
        }
        if let (Some(p), Window::Open { .. }) = (figures.projection, figures.window) {
            let to = clip_top(from, (end, p as f64), top);
            data.push((
                vec![from, to],
                theme.projection(),
                Marker::Braille,
                GraphType::Line,
            ));
        }
        data
    }

    /// Goal labels at their rows: the target in the gutter left of `plot`, the label at the
    /// right end; and 0 at the bottom. The next goal is labelled first, so a reached goal on
    /// the same row never hides it; a label whose row is taken moves to a free row next to it,
    /// and is left out only when both are taken.
    fn label_goals(&self, plot: Rect, top: f64, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let goals = &self.figures.goals;
        let next = crate::view::next_goal(self.figures, self.ctx.view.now);
        let order = next
            .into_iter()
            .chain((0..goals.len()).filter(|i| Some(*i) != next));
        let mut taken: Vec<u16> = Vec::new();
        for i in order {
            let g = &goals[i];
            let at = row_of(g.target as f64, top, plot.height);
            let free = [Some(at), at.checked_sub(1), Some(at + 1)]
                .into_iter()
                .flatten()
                .find(|r| *r < plot.height.saturating_sub(1) && !taken.contains(r));
            let Some(row) = free.or((!taken.contains(&at)).then_some(at)) else {
                continue;
            };
            taken.push(row);
            let y = plot.y + row;
            let target = self.ctx.lang.short(g.target);
            let tw = target.width() as u16;
            buf.set_string(plot.x - 1 - tw, y, &target, theme.bold());
            buf.set_string(plot.x - 1, y, "┤", theme.border());
            let label = format!(" {} ", g.label);
            let label = fit(&label, (plot.width / 2) as usize);
            let lw = label.width() as u16;
            buf.set_string(plot.right() - lw, y, &label, theme.status(g.status));
        }
        let zero_y = plot.bottom() - 1;
        if !taken.contains(&(plot.height - 1)) {
            buf.set_string(plot.x - 2, zero_y, "0", theme.dim());
        }
        buf.set_string(plot.x - 1, zero_y, "┤", theme.border());
    }

    /// A projection above the top of the axis: "↑ 173M" where its line leaves the plot.
    fn projection_arrow(&self, span: Span2, top: f64, plot: Rect, buf: &mut Buffer) {
        let figures = self.figures;
        let (Some(p), Window::Open { .. }) = (figures.projection, figures.window) else {
            return;
        };
        if (p as f64) <= top {
            return;
        }
        let from_t = figures.count_at.unwrap_or(self.ctx.view.minute);
        let from = (span.x(from_t.max(span.from)), figures.count as f64);
        let (x, _) = clip_top(from, (span.width(), p as f64), top);
        let col = ((x / span.width()) * f64::from(plot.width.saturating_sub(1))).round() as u16;
        let text = format!("↑ {}", self.ctx.lang.short(p));
        let w = text.width() as u16;
        let at = (plot.x + col.min(plot.width.saturating_sub(1)))
            .saturating_sub(w / 2)
            .min(plot.right().saturating_sub(w))
            .max(plot.x);
        buf.set_stringn(
            at,
            plot.y,
            &text,
            plot.width as usize,
            self.ctx.theme.projection(),
        );
    }

    /// The axis under `plot`: a line, then the start and end times in the display zone, and
    /// now when it is on the chart.
    fn time_axis(&self, span: Span2, now: Option<DateTime<Utc>>, plot: Rect, buf: &mut Buffer) {
        let Ctx { view, theme, .. } = *self.ctx;
        let y = plot.bottom();
        buf.set_string(plot.x - 1, y, "└", theme.border());
        buf.set_string(plot.x, y, "─".repeat(plot.width as usize), theme.border());
        let zone = view.zone;
        let lang = self.ctx.lang;
        // "Sat 18:00", "토 18:00": the weekday in the fan's language.
        let (from, to) = (span.from.with_timezone(&zone), span.to.with_timezone(&zone));
        let start = format!("{} {}", lang.weekday(from.weekday()), from.format("%H:%M"));
        let end = format!("{} {}", lang.weekday(to.weekday()), to.format("%H:%M %Z"));
        let labels = y + 1;
        // The start label gives way to "now" when now is near it.
        let now_col = now.map(|t| column(span, t, plot.width));
        if now_col.is_none_or(|c| c > start.width() as u16 + 6) {
            buf.set_stringn(plot.x, labels, &start, plot.width as usize, theme.dim());
        }
        let ew = end.width() as u16;
        if plot.width > start.width() as u16 + ew + 2 {
            buf.set_string(plot.right() - ew, labels, &end, theme.dim());
        }
        if let Some(now) = now {
            let col = column(span, now, plot.width);
            buf.set_string(plot.x + col, y, "┴", theme.accent());
            let time = now.with_timezone(&zone).format("%H:%M").to_string();
            let text = lang.t_with("chart-now", &[("time", Arg::from(time))]);
            let tw = text.width() as u16;
            let lo = if col > start.width() as u16 + 6 {
                plot.x + start.width() as u16 + 1
            } else {
                plot.x
            };
            let hi = plot.right().saturating_sub(tw + ew + 1);
            let x = (plot.x + col).saturating_sub(tw / 2).min(hi).max(lo);
            if x + tw + ew < plot.right() {
                buf.set_string(x, labels, &text, theme.accent());
            }
        }
    }
}

/// The plot column of instant `t`.
fn column(span: Span2, t: DateTime<Utc>, width: u16) -> u16 {
    let f = span.x(t) / span.width();
    ((f * f64::from(width.saturating_sub(1))).round() as u16).min(width.saturating_sub(1))
}

/// The streams/hour between readings as bars on the chart's time axis, with a caption, the
/// peak and zero on the left and an axis under them.
pub(crate) struct RateBars<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
    /// The stream's config: its window.
    pub(crate) stream: &'a Stream,
    /// Its figures for this frame.
    pub(crate) figures: &'a StreamView,
}

impl Widget for RateBars<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Ctx { view, theme, .. } = *self.ctx;
        let figures = self.figures;
        if area.height < BARS_MIN_ROWS || area.width < 20 || figures.rates.is_empty() {
            return;
        }
        let span = Span2::of(self.stream, figures, view.minute);
        let peak = figures.rates.iter().max().copied().unwrap_or(0);
        let low = figures
            .rates
            .iter()
            .filter(|r| **r > 0)
            .min()
            .copied()
            .unwrap_or(0);
        let base = axis_base(low, peak);
        let top = axis_top(low, peak, base);
        // The key: the bars' colour, what they are, their range.
        let caption = fit_line(
            vec![
                Span::styled(" ▆", theme.rates()),
                Span::styled(
                    format!(
                        " {}",
                        self.ctx.lang.t_with(
                            "chart-rates-key",
                            &[
                                ("unit", Arg::from(self.ctx.lang.unit(&self.stream.unit))),
                                ("low", Arg::from(self.ctx.lang.per_hour(low as f64))),
                                ("peak", Arg::from(self.ctx.lang.per_hour(peak as f64))),
                            ],
                        )
                    ),
                    theme.dim(),
                ),
            ],
            area.width as usize,
        );
        caption.render(Rect::new(area.x, area.y, area.width, 1), buf);
        let (peak_label, base_label) = (self.ctx.lang.short(top), self.ctx.lang.short(base));
        let gutter = figures
            .goals
            .iter()
            .map(|g| self.ctx.lang.short(g.target).width())
            .chain([peak_label.width(), base_label.width()])
            .max()
            .unwrap_or(1) as u16
            + 1;
        let plot = Rect::new(
            area.x + gutter,
            area.y + 1,
            area.width - gutter,
            area.height - 2,
        );
        // Bars stand on `base`, near the lowest rate, so a change of pace shows; an interval
        // with a rate keeps at least a sliver.
        let data: Vec<u64> = self
            .columns(span, plot.width)
            .into_iter()
            .map(|r| {
                if r == 0 {
                    0
                } else {
                    r.saturating_sub(base).max(1)
                }
            })
            .collect();
        Sparkline::default()
            .data(data)
            .max(top.saturating_sub(base).max(1))
            .style(theme.rates())
            .render(plot, buf);
        self.axes(plot, &peak_label, &base_label, buf);
    }
}

/// Where the rate axis starts: a round figure a little under the lowest rate (0 when the
/// rates vary by more than half the peak), so a change of pace is not lost in a tall bar.
fn axis_base(low: u64, peak: u64) -> u64 {
    if low == 0 || low < peak / 2 {
        return 0;
    }
    let below = low - (peak - low).max(low / 10) / 2;
    // Round down to two significant digits.
    let mut unit = 1u64;
    while below / unit >= 100 {
        unit = unit.saturating_mul(10);
    }
    below / unit * unit
}

/// Where the rate axis ends: on a raised base, as far over the peak as the base is under the
/// lowest rate (rounded up to two significant digits), so steady rates stand at half height
/// instead of filling the plot with one solid block; on 0, the peak itself.
fn axis_top(low: u64, peak: u64, base: u64) -> u64 {
    if base == 0 {
        return peak;
    }
    let top = peak.saturating_add(low.saturating_sub(base));
    let mut unit = 1u64;
    while top / unit >= 100 {
        unit = unit.saturating_mul(10);
    }
    top.div_ceil(unit).saturating_mul(unit)
}

impl RateBars<'_> {
    /// The axes left of and under `plot`: the peak at the top, the base at the bottom.
    fn axes(&self, plot: Rect, peak_label: &str, base_label: &str, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let label_x = |w: usize| plot.x - 1 - w as u16;
        buf.set_string(label_x(peak_label.width()), plot.y, peak_label, theme.dim());
        for y in plot.y..plot.bottom() {
            buf.set_string(plot.x - 1, y, "│", theme.border());
        }
        let bottom = plot.bottom() - 1;
        if bottom > plot.y {
            buf.set_string(label_x(base_label.width()), bottom, base_label, theme.dim());
        }
        buf.set_string(plot.x - 1, plot.bottom(), "└", theme.border());
        buf.set_string(
            plot.x,
            plot.bottom(),
            "─".repeat(plot.width as usize),
            theme.border(),
        );
    }

    /// The rate at each of `width` columns: each interval's rate fills the columns of its
    /// time span.
    fn columns(&self, span: Span2, width: u16) -> Vec<u64> {
        let figures = self.figures;
        let mut columns = vec![0u64; width as usize];
        for (k, rate) in figures.rates.iter().enumerate() {
            let (Some(a), Some(b)) = (figures.history_at.get(k), figures.history_at.get(k + 1))
            else {
                continue;
            };
            let (ca, cb) = (column(span, *a, width), column(span, *b, width));
            for c in columns
                .iter_mut()
                .take(cb as usize + 1)
                .skip(ca as usize + 1)
            {
                *c = *rate;
            }
        }
        columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_axis_starts_near_the_lowest_rate() {
        // 280k to 300k: the axis starts at 260k, a round figure under the lowest.
        assert_eq!(axis_base(280_000, 300_000), 260_000);
        // Steady: a tenth of the rate below it.
        assert_eq!(axis_base(580_000, 580_000), 550_000);
        // Rates that vary a lot stand on 0.
        assert_eq!(axis_base(100_000, 580_000), 0);
        assert_eq!(axis_base(0, 10), 0);
        assert!(axis_base(u64::MAX, u64::MAX) < u64::MAX);
    }

    #[test]
    fn steady_rates_stand_at_half_height() {
        // 280k steady: the axis runs 260k-300k, so the bars reach halfway, not the top.
        let base = axis_base(280_000, 280_000);
        assert_eq!((base, axis_top(280_000, 280_000, base)), (260_000, 300_000));
        // 280k to 300k: 260k-320k, the peak two thirds up.
        assert_eq!(axis_top(280_000, 300_000, 260_000), 320_000);
        // On 0 the tallest bar is the peak.
        assert_eq!(axis_top(100_000, 580_000, 0), 580_000);
        assert_eq!(axis_top(u64::MAX, u64::MAX, 1), u64::MAX);
    }

    #[test]
    fn rows_follow_the_braille_canvas() {
        assert_eq!(row_of(100.0, 100.0, 10), 0);
        assert_eq!(row_of(0.0, 100.0, 10), 9);
        assert_eq!(row_of(50.0, 100.0, 10), 5);
    }

    #[test]
    fn a_path_past_the_edge_is_cut_there() {
        assert_eq!(clip((0.0, 0.0), (20.0, 200.0), 10.0), (10.0, 100.0));
        assert_eq!(clip((0.0, 0.0), (5.0, 50.0), 10.0), (5.0, 50.0));
    }
}
