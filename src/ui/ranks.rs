//! A rank stream's block in the streams panel: the rank now, the best, the chart's next update,
//! a row per rank goal with its state, the event's all-kill line, and with rows to spare a
//! chart of the rank over the window with #1 at the top. The streams panel draws this instead
//! of its count block when the stream measures ranks.

use super::panel::Panel;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};
use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::fit::{fit, pad};
use crate::lang::Arg;
use crate::streams::Status;
use crate::streams::rank::{AllKill, RankStatus};
use crate::view::ranks::{RankShown, all_kill_line, all_kill_of, next_update_text, rank_shown};

/// A rank stream's block.
pub(crate) struct RankBlock<'a> {
    /// The frame's context.
    ctx: &'a Ctx<'a>,
    /// Index into `config.streams`.
    index: usize,
    /// Its figures at `now`.
    shown: RankShown,
    /// Its event's all-kill, when the event has two or more rank streams.
    kill: Option<AllKill>,
}

impl<'a> RankBlock<'a> {
    /// The block of stream `index`, when it measures ranks.
    pub(crate) fn of(ctx: &'a Ctx<'a>, index: usize) -> Option<RankBlock<'a>> {
        let now = ctx.view.now;
        let shown = rank_shown(ctx.app, index, now)?;
        let event = &ctx.app.config.streams.get(index)?.event;
        let kill = all_kill_of(ctx.app, event, now);
        Some(RankBlock {
            ctx,
            index,
            shown,
            kill,
        })
    }

    /// Where each rank state draws: held and reached as a reached count goal, lost and missed
    /// as a missed one.
    fn style(&self, status: RankStatus) -> ratatui::style::Style {
        let as_count = match status {
            RankStatus::Held | RankStatus::Reached => Status::Reached,
            RankStatus::Lost | RankStatus::Missed => Status::Missed,
            RankStatus::Waiting => Status::Waiting,
            RankStatus::NoData => Status::NoData,
        };
        self.ctx.theme.status(as_count)
    }

    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let (theme, now, lang) = (self.ctx.theme, self.ctx.view.now, self.ctx.lang);
        let s = &self.shown;
        let mut head = match s.current {
            Some(r) => format!(
                " {}",
                lang.t_with("ranks-now", &[("rank", Arg::from(format!("#{r}")))])
            ),
            None => format!(" {}", lang.t("ranks-none-yet")),
        };
        if let Some(b) = s.best {
            let best = lang.t_with("ranks-best", &[("rank", Arg::from(format!("#{b}")))]);
            head.push_str(&format!(" · {best}"));
        }
        if let Some(next) = s.next_update {
            head.push_str(&format!(" · {}", next_update_text(next, now, lang)));
        }
        let mut lines = vec![Line::from(Span::styled(fit(&head, width), theme.bold()))];
        let label = s.goals.iter().map(|g| g.0.width()).max().unwrap_or(0);
        let label = label.min(width.saturating_sub(14)).min(20);
        for (name, _, v) in &s.goals {
            let state = crate::view::ranks::status_text(v, lang);
            let mut tail = String::new();
            if v.longest > v.streak {
                let span = Arg::from(lang.span(v.longest.num_seconds()));
                tail = format!(" · {}", lang.t_with("ranks-longest", &[("span", span)]));
            }
            let text = format!(" {} {state}{tail}", pad(name, label));
            lines.push(Line::from(Span::styled(
                fit(&text, width),
                self.style(v.status),
            )));
        }
        if let Some(k) = &self.kill {
            let style = if k.since.is_some() {
                theme.ok()
            } else {
                theme.dim()
            };
            let text = format!(" {}", all_kill_line(k, now, lang));
            lines.push(Line::from(Span::styled(fit(&text, width), style)));
        }
        lines
    }

    /// The rank over the window, #1 at the top: the axis runs from the worst rank seen (at
    /// the bottom) to 1, by plotting `worst + 1 - rank`.
    fn render_chart(&self, area: Rect, buf: &mut Buffer) {
        let Some(stream) = self.ctx.app.config.streams.get(self.index) else {
            return;
        };
        if area.height < 4 || area.width < 16 || self.shown.points.len() < 2 {
            return;
        }
        let worst = self
            .shown
            .points
            .iter()
            .map(|p| p.1)
            .max()
            .unwrap_or(1)
            .max(2);
        let start = stream.window_start;
        let x = |t: DateTime<Utc>| (t - start).num_seconds() as f64 / 3600.0;
        let data: Vec<(f64, f64)> = self
            .shown
            .points
            .iter()
            .map(|&(t, r)| (x(t), (worst + 1 - r.min(worst)) as f64))
            .collect();
        let end = x(self.ctx.view.now.min(stream.window_end)).max(1.0);
        let (theme, lang) = (self.ctx.theme, self.ctx.lang);
        let hours = Arg::from(format!("{end:.0}"));
        let chart = Chart::new(vec![
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.accent())
                .data(&data),
        ])
        .x_axis(
            Axis::default()
                .bounds([0.0, end])
                .labels([
                    Span::raw(lang.t("ranks-chart-release")),
                    Span::raw(lang.t_with("ranks-chart-hours", &[("n", hours)])),
                ])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([1.0, worst as f64])
                .labels([Span::raw(format!("#{worst}")), Span::raw("#1")])
                .style(theme.dim()),
        );
        chart.render(area, buf);
    }
}

/// Where the goals of count stream `index` came from, dim: " from
/// regional-global-daily-2022-06-09.csv, chart of 2022-06-09: Global top 10, Global top 5";
/// none when all were written by hand. One line per source, in goal order.
pub(crate) fn provenance(ctx: &Ctx<'_>, index: usize, width: usize) -> Vec<Line<'static>> {
    let Some(stream) = ctx.app.config.streams.get(index) else {
        return Vec::new();
    };
    let mut sources: Vec<(&str, Vec<&str>)> = Vec::new();
    for (g, goal) in stream.goals.iter().enumerate() {
        let Some(from) = ctx.app.config.goal_from(index, g) else {
            continue;
        };
        match sources.iter_mut().find(|(f, _)| *f == from) {
            Some((_, labels)) => labels.push(&goal.label),
            None => sources.push((from, vec![&goal.label])),
        }
    }
    sources
        .into_iter()
        .map(|(from, labels)| {
            // The source first: the labels are on the rows above.
            let from = ctx.lang.t_with("ranks-from", &[("from", Arg::from(from))]);
            let text = format!(" {from}: {}", labels.join(", "));
            Line::from(Span::styled(fit(&text, width), ctx.theme.dim()))
        })
        .collect()
}

impl Widget for RankBlock<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let Some(stream) = self.ctx.app.config.streams.get(self.index) else {
            return;
        };
        let event_name = self.ctx.app.config.event_name(&stream.event);
        let inner = Panel::inner(area);
        Panel::new(
            Span::styled(
                format!(
                    " {} · {event_name} · {} ",
                    self.ctx.lang.t("ranks-title"),
                    stream.platform
                ),
                theme.title(),
            ),
            theme.border(),
        )
        .render(area, buf);
        let lines = self.lines(inner.width as usize);
        let used = lines.len().min(inner.height as usize) as u16;
        for (row, line) in lines.into_iter().take(inner.height as usize).enumerate() {
            line.render(
                Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
                buf,
            );
        }
        let rest = Rect::new(
            inner.x,
            inner.y + used,
            inner.width,
            inner.height.saturating_sub(used),
        );
        self.render_chart(rest, buf);
    }
}
