//! The Streams panel: for each stream of the selected event, the count, the tracking window,
//! one gauge per goal, the pace with a sparkline of the readings, and the projection.

use super::panel::Panel;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::chart::{self, CountChart, RateBars};
use super::ctx::Ctx;
use super::fit::{fit, fit_line, pad, wrap};
use super::theme::Theme;
use crate::config::Stream;
use crate::lang::{Arg, Lang};
use crate::streams::{GoalView, Status, StreamView, Window};
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
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let lines = area.height as usize;
        for (k, rest_s) in rest.iter().enumerate() {
            if k >= lines {
                break;
            }
            let row = Rect::new(area.x, area.y + k as u16, area.width, 1);
            if k + 1 == lines && rest.len() > lines {
                let n = (rest.len() - k) as u64;
                let more = format!(" {}", lang.t_with("streams-more-streams", &num(lang, n)));
                Line::from(Span::styled(fit(&more, area.width as usize), theme.dim()))
                    .render(row, buf);
                break;
            }
            if let Some(s) = app.config.streams.get(rest_s.index) {
                let v = &rest_s.figures;
                let line = format!(
                    " {} {} · {}",
                    s.platform,
                    lang.counted(v.count, &s.unit),
                    window_text(view, v, lang, true)
                );
                Line::from(Span::styled(fit(&line, area.width as usize), theme.dim()))
                    .render(row, buf);
            }
        }
    }
}

/// `n` formatted for a text's `$n`, and as `$count` for its plural.
fn num(lang: Lang, n: u64) -> [(&'static str, Arg); 2] {
    [("n", Arg::from(lang.count(n))), ("count", Arg::Num(n))]
}

/// A day without its weekday, with the year when `year`: "25 Apr 2022", "2022년 4월 25일",
/// "2022年4月25日", "25 abr 2022".
pub(crate) fn date(lang: Lang, t: &impl chrono::Datelike, year: bool) -> String {
    let (y, m, d) = (t.year(), t.month(), t.day());
    match (lang, year) {
        (Lang::Ko, true) => format!("{y}년 {m}월 {d}일"),
        (Lang::Ko, false) => format!("{m}월 {d}일"),
        (Lang::Ja, true) => format!("{y}年{m}月{d}日"),
        (Lang::Ja, false) => format!("{m}月{d}日"),
        (_, true) => format!("{d} {} {y}", lang.month(m)),
        (_, false) => format!("{d} {}", lang.month(m)),
    }
}

/// "window closes in 9h 12m", "opens in 1h 02m" (not `long`), "closed 25 Apr 2022 09:00 KST,
/// final 3.2M".
fn window_text(frame: &View, view: &StreamView, lang: Lang, long: bool) -> String {
    let span = |secs: i64| [("span", Arg::from(lang.window_span(secs)))];
    match view.window {
        Window::Opens { in_secs } if long => lang.t_with("streams-window-opens-in", &span(in_secs)),
        Window::Opens { in_secs } => lang.t_with("streams-opens-in", &span(in_secs)),
        Window::Open { left_secs } if long => {
            lang.t_with("streams-window-closes-in", &span(left_secs))
        }
        Window::Open { left_secs } => lang.t_with("streams-closes-in", &span(left_secs)),
        Window::Closed { at, final_count } => {
            let t = shown_in(at, frame.zone);
            let when = format!("{} {}", date(lang, &t, true), t.format("%H:%M %Z"));
            closed_text(lang, when, final_count)
        }
    }
    .into_owned()
}

/// "closed WHEN, final 3.2M", or "closed WHEN" with no final count.
fn closed_text(
    lang: Lang,
    when: String,
    final_count: Option<u64>,
) -> std::borrow::Cow<'static, str> {
    match final_count {
        Some(n) => lang.t_with(
            "streams-closed-final",
            &[("when", Arg::from(when)), ("n", Arg::from(lang.short(n)))],
        ),
        // The panel says what that means in a line of its own.
        None => lang.t_with("streams-closed", &[("when", Arg::from(when))]),
    }
}

/// "by Mon 25 Apr 02:00", or without the weekday ("by 25 Apr 02:00") when that does not fit
/// in `room` columns, so the time stays whole.
fn deadline_text<T: chrono::TimeZone>(lang: Lang, t: chrono::DateTime<T>, room: usize) -> String
where
    T::Offset: std::fmt::Display,
{
    let by = |when: String| {
        lang.t_with("streams-goal-by", &[("when", Arg::from(when))])
            .into_owned()
    };
    let full = by(lang.day_time(&t));
    if full.width() <= room {
        return full;
    }
    by(format!("{} {}", date(lang, &t, false), t.format("%H:%M")))
}

/// `text` right-aligned in `width` columns by display width, as `{:>N}` would by characters
/// (never cut: the row's `fit_line` cuts with "…").
pub(crate) fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
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
    /// The widths of a short count, a rate and a status word.
    count: usize,
    rate: usize,
    status: usize,
}

/// The widths of the figures of `goals` in `lang`, at least those English needs at most: a
/// short count 5 columns ("99.9k"), a rate 7 ("99.9k/h"), so that the columns of English rows
/// do not move, and a status word 7 ("on pace", "reached") or, in a language whose words for
/// a goal with a count are all narrower, its widest (Korean "순항", 4), so its columns do not
/// move either; "시간당 18.4만" and "자료 없음" take more when they show.
fn figure_widths(goals: &[GoalView], lang: Lang) -> (usize, usize, usize) {
    let words = [
        Status::Reached,
        Status::OnPace,
        Status::Behind,
        Status::Missed,
        Status::Waiting,
    ];
    let status = words.map(|s| s.text(lang).width()).into_iter().max();
    let mut widths = (5, 7, status.unwrap_or(7).min(7));
    for g in goals {
        widths.0 = widths.0.max(lang.short(g.target).width());
        widths.0 = widths.0.max(lang.short(g.needed).width());
        if let Some(r) = g.needed_per_hour {
            widths.1 = widths.1.max(lang.per_hour(r).width());
        }
        widths.2 = widths.2.max(g.status.text(lang).width());
    }
    widths
}

fn label_widths(stream: &Stream, width: usize, goals: &[GoalView], lang: Lang) -> GoalColumns {
    let (count, rate, status) = figure_widths(goals, lang);
    // Target, percent; then needed, needed/h and status with their spaces.
    let core = 1 + count + 1 + 4;
    let figures_w = 1 + count + 1 + rate + 1 + status;
    let status_only = 1 + status;
    let natural = stream
        .goals
        .iter()
        .map(|g| g.label.width())
        .max()
        .unwrap_or(0)
        .min(20);
    let cols = |label, bar, figures| GoalColumns {
        label,
        bar,
        figures,
        count,
        rate,
        status,
    };
    for (figures, tail) in [(true, figures_w), (false, status_only)] {
        let room = width.saturating_sub(1 + core + tail);
        if room >= natural + 6 {
            return cols(natural, room - natural - 1, figures);
        }
        if room >= natural.min(6) {
            return cols(room.min(natural), 0, figures);
        }
    }
    cols(width.saturating_sub(1 + core + status_only), 0, false)
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
        lang.short(goal.needed)
    };
    let rate = match goal.needed_per_hour {
        Some(r) if goal.needed > 0 => lang.per_hour(r),
        _ => String::new(),
    };
    // A reached goal says when, in the columns it no longer needs: "at 21:30" today, else
    // "24 Apr 21:30".
    let when = goal.reached_at.filter(|_| goal.reached).map(|t| {
        let (t, now) = (shown_in(t, view.zone), shown_in(view.now, view.zone));
        let time = t.format("%H:%M").to_string();
        if t.date_naive() == now.date_naive() {
            lang.t_with("streams-goal-at", &[("time", Arg::from(time))])
                .into_owned()
        } else {
            format!("{} {time}", date(lang, &t, false))
        }
    });
    let status = theme.status(goal.status);
    let mut spans = vec![
        Span::raw(format!(" {}", pad(&goal.label, cols.label))),
        Span::styled(
            format!(" {}", pad_left(&lang.short(goal.target), cols.count)),
            theme.bold(),
        ),
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
            Some(w) => spans.push(Span::styled(
                format!(" {}", pad_left(w, cols.count + 1 + cols.rate)),
                theme.dim(),
            )),
            None => spans.push(Span::raw(format!(
                " {} {}",
                pad_left(&needed, cols.count),
                pad_left(&rate, cols.rate)
            ))),
        }
    }
    let label = goal.status.text(lang);
    let gap = cols.status.saturating_sub(label.width());
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
        let inner = Panel::inner(area);
        Panel::new(
            Span::styled(
                format!(
                    " {} · {event_name} · {}{} ",
                    self.ctx.lang.t("streams-title"),
                    self.stream.platform,
                    config.sum_text(self.shown.index)
                ),
                theme.title(),
            ),
            theme.border(),
        )
        .render(area, buf);
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
            // At most three lines, fewer where the panel ends sooner: its last one says "…".
            let room = (inner.height as usize).saturating_sub(lines.len()).min(3);
            for l in wrap(&self.no_readings_text(), width.saturating_sub(1), room) {
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
        let Ctx {
            view, theme, lang, ..
        } = *self.ctx;
        let (figures, fresh) = (&self.shown.figures, &self.shown.fresh);
        let unit = &self.stream.unit;
        let count = if figures.count == 0 && figures.count_at.is_none() {
            let unit = Arg::from(lang.unit(unit));
            format!(
                " {}",
                lang.t_with("streams-none-counted", &[("unit", unit)])
            )
        } else {
            format!(" {}", lang.counted(figures.count, unit))
        };
        // A count wider than the panel (a long "none counted yet") ends in "…".
        let count = fit(&count, width);
        let age = match (fresh.corrected_from, fresh.last_reading_at) {
            (Some(before), _) => {
                let n = Arg::from(lang.short(before));
                format!(" · {}", lang.t_with("streams-corrected-from", &[("n", n)]))
            }
            // Stale means the last good count is old: say how old, to the second under a minute.
            (None, Some(_)) if fresh.stale => {
                let t = fresh.last_good.unwrap_or(view.now);
                let ago = Arg::from(lang.ago_secs((view.now - t).num_seconds()));
                format!(" · {}", lang.t_with("streams-stale", &[("ago", ago)]))
            }
            (None, Some(t)) => format!(" · {}", lang.ago((view.now - t).num_seconds())),
            (None, None) => String::new(),
        };
        // "window " gives way before the age does.
        let mut window = window_text(view, figures, lang, true);
        if count.width() + age.width() + window.width() + 2 > width {
            window = window_text(view, figures, lang, false);
        }
        // Then a closed window's time of day goes, before its date would be cut.
        if let Window::Closed { at, final_count } = figures.window
            && count.width() + window.width() + 2 > width
        {
            let t = shown_in(at, view.zone);
            window = closed_text(lang, date(lang, &t, true), final_count).into_owned();
            // The year too, so the final figure stays whole.
            if count.width() + window.width() + 2 > width {
                window = closed_text(lang, date(lang, &t, false), final_count).into_owned();
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
        let Ctx {
            view, theme, lang, ..
        } = *self.ctx;
        let goals = &self.shown.figures.goals;
        let label = goals
            .iter()
            .map(|g| g.label.width())
            .max()
            .unwrap_or(0)
            .min(24);
        for (k, g) in goals.iter().enumerate() {
            if k + 1 == room && goals.len() > room {
                let n = (goals.len() - k) as u64;
                let more = format!(" {}", lang.t_with("streams-more-goals", &num(lang, n)));
                lines.push(Line::from(Span::styled(fit(&more, width), theme.dim())));
                return;
            }
            if k >= room {
                return;
            }
            let target = pad_left(&lang.short(g.target), 5);
            let room = width.saturating_sub(label + target.width() + 3);
            let by = deadline_text(lang, shown_in(g.deadline, view.zone), room);
            let mut spans = vec![
                Span::raw(format!(" {}", pad(&g.label, label))),
                Span::styled(format!(" {target}"), theme.bold()),
                Span::styled(format!(" {by}"), theme.dim()),
            ];
            if let Some(r) = g.needed_per_hour.filter(|_| g.needed > 0) {
                let rate = Arg::from(lang.per_hour(r));
                spans.push(Span::styled(
                    format!(
                        " · {}",
                        lang.t_with("streams-goal-needs", &[("rate", rate)])
                    ),
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
            app,
            view,
            theme,
            lang,
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
            let there = t.with_timezone(&zone);
            let own = format!("{} {}", lang.day_year(&there), there.format("%H:%M %Z"));
            let yours = shown_in(t, view.zone);
            if yours.format("%Z %z").to_string() == there.format("%Z %z").to_string() {
                own
            } else {
                let at = format!("{} {}", lang.day_time(&yours), yours.format("%Z"));
                let at = lang.t_with("streams-window-yours", &[("when", Arg::from(at))]);
                format!("{own} · {at}")
            }
        };
        let past = view.now >= stream.window_start;
        let heading = |text: &str| Line::from(Span::styled(fit(text, width), theme.title()));
        lines.push(Line::default());
        lines.push(heading(&format!(" {}", lang.t("streams-window-heading"))));
        let ended = view.now >= stream.window_end;
        for (word, t) in [
            (
                if past {
                    "streams-window-opened"
                } else {
                    "streams-window-opens"
                },
                stream.window_start,
            ),
            (
                if ended {
                    "streams-window-closed"
                } else {
                    "streams-window-closes"
                },
                stream.window_end,
            ),
        ] {
            let spans = vec![
                Span::styled(format!("  {}", pad(&lang.t(word), 7)), theme.dim()),
                Span::raw(when(t)),
            ];
            lines.push(fit_line(spans, width));
        }
        self.push_takes(lines, width);
    }

    /// A blank row, a heading and a row per goal: the streams per hour each goal takes on
    /// average over its window, as bars in proportion.
    fn push_takes<'s>(&'s self, lines: &mut Vec<Line<'s>>, width: usize) {
        let (theme, lang) = (self.ctx.theme, self.ctx.lang);
        let (stream, goals) = (self.stream, &self.shown.figures.goals);
        let heading = |text: &str| Line::from(Span::styled(fit(text, width), theme.title()));
        lines.push(Line::default());
        let unit = Arg::from(lang.unit(&stream.unit));
        lines.push(heading(&format!(
            " {}",
            lang.t_with("streams-takes-heading", &[("unit", unit)])
        )));
        let rates: Vec<(f64, String)> = goals
            .iter()
            .map(|g| {
                let span = g.deadline - stream.window_start;
                let hours = (span.num_seconds() as f64 / 3600.0).max(1.0 / 60.0);
                (
                    g.target as f64 / hours,
                    lang.hours_minutes(span.num_seconds()),
                )
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
        let over = |span: &str| {
            lang.t_with("streams-takes-over", &[("span", Arg::from(span))])
                .into_owned()
        };
        let words = rates
            .iter()
            .map(|(r, span)| 1 + lang.per_hour(*r).width().max(7) + 1 + over(span).width())
            .max()
            .unwrap_or(0)
            .max(20);
        let bar_w = width.saturating_sub(1 + label + 1 + 1 + words).min(40);
        for (g, (rate, span)) in goals.iter().zip(&rates) {
            let mut spans = vec![Span::raw(format!("  {}", pad(&g.label, label)))];
            if bar_w >= 4 {
                let (filled, track) = bar(rate / top.max(1.0), bar_w);
                spans.push(Span::raw(" "));
                spans.push(Span::styled(filled, theme.projection()));
                spans.push(Span::styled(track, theme.track()));
            }
            spans.push(Span::styled(
                format!(" {}", pad_left(&lang.per_hour(*rate), 7)),
                theme.bold(),
            ));
            spans.push(Span::styled(format!(" {}", over(span)), theme.dim()));
            lines.push(fit_line(spans, width));
        }
    }

    /// A row per goal in `room` rows; those that do not fit end in "+N more goals".
    fn push_goals<'s>(&'s self, lines: &mut Vec<Line<'s>>, width: usize, room: usize) {
        let theme = self.ctx.theme;
        let goals = &self.shown.figures.goals;
        let cols = label_widths(self.stream, width, goals, self.ctx.lang);
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
            let (lang, n) = (self.ctx.lang, (goals.len() - fits) as u64);
            let more = format!(" {}", lang.t_with("streams-more-goals", &num(lang, n)));
            lines.push(Line::from(Span::styled(fit(&more, width), theme.dim())));
        }
    }

    /// Pace, sparkline and projection on one row.
    fn pace_line(&self, width: usize) -> Line<'static> {
        let (theme, lang) = (self.ctx.theme, self.ctx.lang);
        let figures = &self.shown.figures;
        let pace = match (figures.window, figures.pace, figures.pace_over) {
            // After the window its result, not a pace.
            (Window::Closed { .. }, _, _) => {
                let reached = figures.goals.iter().filter(|g| g.reached).count() as u64;
                let n = figures.goals.len() as u64;
                let args = [
                    ("reached", Arg::from(lang.count(reached))),
                    ("n", Arg::from(lang.count(n))),
                    ("count", Arg::Num(n)),
                ];
                format!(" {}", lang.t_with("streams-result", &args))
            }
            (_, Some(p), Some(over)) => {
                let args = [
                    ("rate", Arg::from(lang.per_hour(p))),
                    ("span", Arg::from(lang.hours_minutes(over.num_seconds()))),
                ];
                format!(" {}", lang.t_with("streams-pace", &args))
            }
            _ => format!(" {}", lang.t("streams-pace-none")),
        };
        let projection = match (figures.projection, figures.window) {
            (Some(p), Window::Closed { .. }) => {
                lang.t_with("streams-final", &[("n", Arg::from(lang.short(p)))])
            }
            (Some(p), _) => lang.t_with("streams-projection", &[("n", Arg::from(lang.short(p)))]),
            (None, _) => "".into(),
        }
        .into_owned();
        let projection = match figures.projection {
            Some(p)
                if pace.width() + projection.width() + 4 > width
                    && !matches!(figures.window, Window::Closed { .. }) =>
            {
                format!("→ {}", lang.short(p))
            }
            _ => projection,
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
        let (app, lang) = (self.ctx.app, self.ctx.lang);
        let stream = self.stream;
        match (self.shown.figures.window, app.config.source.readings_path()) {
            // A closed window: a count typed now would come after every deadline.
            (Window::Closed { .. }, Some(_)) => lang.t_with(
                "streams-none-closed-log",
                &[("event", Arg::from(stream.event.as_str()))],
            ),
            (Window::Closed { .. }, None) => {
                let zone = app
                    .config
                    .event(&stream.event)
                    .map_or(stream.window_zone, |e| e.zone);
                let before =
                    (stream.window_start - chrono::TimeDelta::hours(1)).with_timezone(&zone);
                let at = format!("{} {zone}", before.format("%Y-%m-%d %H:%M"));
                lang.t_with("streams-none-closed-replay", &[("at", Arg::from(at))])
            }
            (_, Some(_)) => lang.t_with(
                "streams-none-log",
                &[("event", Arg::from(stream.event.as_str()))],
            ),
            (_, None) => lang.t("streams-none"),
        }
        .into_owned()
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
