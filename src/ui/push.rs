//! The Next panel's push mode, while a tracking window leads: the time left in the window in
//! big digits, the next goal and what it needs, and the next release.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::ctx::Ctx;
use super::digits::{self, DigitSize};
use super::event_status::{day_time, status_text, weekday_time, zone_time};
use super::fit::{fit_line, groups_line};
use super::theme::Theme;
use crate::lang::{Arg, Lang};
use crate::streams::{GoalView, Status, StreamView, Window};
use crate::view::ranks::RankLead;
use crate::view::{Push, View, call_to_action};

/// The push inside the Next panel's border.
pub(crate) struct PushBody<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
    /// The push the headline shows.
    pub(crate) push: &'a Push,
    /// How big the digits are.
    pub(crate) digits: DigitSize,
    /// Whether the goal sits beside the digits (else on a line under them).
    pub(crate) beside: bool,
}

impl Widget for PushBody<'_> {
    fn render(self, inner: Rect, buf: &mut Buffer) {
        let Ctx {
            app, view, theme, ..
        } = *self.ctx;
        let Some(shown) = view.streams.get(self.push.shown) else {
            return;
        };
        if app.config.streams.get(self.push.stream).is_none() {
            return;
        }
        let width = inner.width as usize;
        let [title_row, caption_row, digits_row, goal_row, next_row] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(self.digits.rows()),
            Constraint::Length(u16::from(!self.beside)),
            Constraint::Length(1),
        ])
        .areas(inner);
        self.title_line(width).render(title_row, buf);
        self.caption_line(width).render(caption_row, buf);
        let goal = self.push.goal(view);
        if self.digits != DigitSize::None {
            if self.beside {
                self.render_beside(goal, &shown.figures, digits_row, buf);
            } else {
                let at = digits::centered(&view.digits, self.digits, digits_row);
                digits::render(&view.digits, self.digits, theme.accent(), at, buf);
            }
        }
        if !goal_row.is_empty() {
            let groups = match &self.push.rank {
                Some(rank) => rank_groups(rank, theme),
                None => goal_groups(goal, &shown.figures, theme, self.ctx.lang),
            };
            groups_line(groups, width).render(goal_row, buf);
        }
        self.next_release_line(width).render(next_row, buf);
    }
}

impl PushBody<'_> {
    /// The event and platform, and when the window closes; in the event's live hour, OUT NOW
    /// with the event and the call to action first.
    fn title_line(&self, width: usize) -> Line<'_> {
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let Some(stream) = app.config.streams.get(self.push.stream) else {
            return Line::default();
        };
        let name = app.config.event_name(&stream.event);
        if let Some(event) = self.push.live.and_then(|i| app.config.events.get(i)) {
            let live = theme.phase(crate::values::countdown::Phase::Live);
            let by = if event.by.is_empty() {
                String::new()
            } else {
                format!(" · {}", event.by)
            };
            return groups_line(
                vec![
                    vec![
                        Span::styled(
                            format!(" {} ", lang.status_words().out_now),
                            live.add_modifier(Modifier::REVERSED),
                        ),
                        Span::styled(format!(" {name}"), theme.bold()),
                    ],
                    vec![Span::styled(
                        format!(" · {}!", call_to_action(event, lang)),
                        live,
                    )],
                    vec![Span::styled(by, theme.text())],
                ],
                width,
            );
        }
        let closes = self.push.closes.with_timezone(&view.zone);
        fit_line(
            vec![
                Span::styled(format!(" {name} · {}", stream.platform), theme.bold()),
                Span::styled(
                    format!(" · {}", window_closes(lang, day_time(lang, &closes))),
                    theme.text(),
                ),
            ],
            width,
        )
    }

    /// What the digits count; with no room for big digits, the time left inline too. Under
    /// OUT NOW, the window's platform and close lead it.
    fn caption_line(&self, width: usize) -> Line<'_> {
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let mut caption = Vec::new();
        if self.push.live.is_some()
            && let Some(stream) = app.config.streams.get(self.push.stream)
        {
            let closes = self.push.closes.with_timezone(&view.zone);
            caption.push(Span::styled(
                format!(
                    " {} {} ·",
                    stream.platform,
                    window_closes(lang, weekday_time(lang, &closes))
                ),
                theme.text(),
            ));
        }
        if self.digits == DigitSize::None {
            caption.push(Span::styled(format!(" {}", view.digits), theme.accent()));
        }
        caption.push(Span::styled(
            format!(" {}", lang.t("dashboard-left-in-window")),
            theme.text(),
        ));
        fit_line(caption, width)
    }

    /// Digits and goal side by side in `row`, centred together.
    fn render_beside(
        &self,
        goal: Option<&GoalView>,
        figures: &StreamView,
        row: Rect,
        buf: &mut Buffer,
    ) {
        let Ctx { view, theme, .. } = *self.ctx;
        let digits_w = self.digits.width_of(&view.digits);
        let lines = match &self.push.rank {
            Some(rank) => rank_block(rank, theme),
            None => goal_block(view, goal, figures, theme, self.ctx.lang),
        };
        let block_w = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
        let block_w = block_w.min(row.width.saturating_sub(digits_w + 3));
        let total = digits_w + 3 + block_w;
        let x = row.x + row.width.saturating_sub(total) / 2;
        let left = Rect::new(x, row.y, digits_w, row.height);
        digits::render(
            &view.digits,
            self.digits,
            theme.accent(),
            left.intersection(row),
            buf,
        );
        let right = Rect::new(x + digits_w + 3, row.y, block_w, row.height).intersection(row);
        let top = right.y + right.height.saturating_sub(lines.len() as u16) / 2;
        for (i, line) in lines.into_iter().enumerate() {
            let y = top + i as u16;
            if y < right.bottom() {
                fit_line(line.spans, right.width as usize)
                    .render(Rect::new(right.x, y, right.width, 1), buf);
            }
        }
    }

    /// The next release's name, status and time, or that none is coming.
    fn next_release_line(&self, width: usize) -> Line<'_> {
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let next = self
            .push
            .next_release
            .and_then(|i| app.config.events.get(i).map(|e| (i, e)));
        let groups = match next {
            Some((i, e)) => vec![
                vec![Span::styled(
                    format!(" {} ", lang.t("dashboard-next-release")),
                    theme.dim(),
                )],
                vec![Span::styled(e.name.clone(), theme.bold())],
                vec![Span::styled(
                    format!(" {}", status_text(e, view.phases[i], view.now, app.lang)),
                    theme.phase(view.phases[i]),
                )],
                vec![Span::styled(
                    format!(" · {}", zone_time(e.at, e.zone, true, lang)),
                    theme.text(),
                )],
            ],
            None => vec![vec![Span::styled(
                format!(" {}", lang.t("dashboard-no-release")),
                theme.dim(),
            )]],
        };
        groups_line(groups, width)
    }
}

/// The next goal as groups of spans for one line, most important first.
fn goal_groups<'a>(
    goal: Option<&'a GoalView>,
    figures: &StreamView,
    theme: Theme,
    lang: Lang,
) -> Vec<Vec<Span<'a>>> {
    let Some(g) = goal else {
        return vec![vec![Span::styled(
            format!(" {}", lang.t("dashboard-all-settled")),
            theme.dim(),
        )]];
    };
    let status = theme.status(g.status);
    let mut groups = vec![
        vec![
            Span::styled(format!(" {}", g.label), theme.bold()),
            Span::styled(format!(" {}", lang.short(g.target)), theme.bold()),
        ],
        vec![Span::raw(format!(
            " · {}",
            lang.t_with("dashboard-to-go", &[("n", Arg::from(lang.short(g.needed)))])
        ))],
    ];
    if let Some(r) = g.needed_per_hour {
        groups.push(vec![
            Span::raw(format!(" · {} ", lang.t("dashboard-needs"))),
            Span::styled(lang.per_hour(r), status),
        ]);
    }
    // Without a count or a pace, "no pace yet" says what "no data" would.
    if g.status != Status::NoData || figures.pace.is_some() {
        groups.push(vec![
            Span::raw(" · "),
            Span::styled(g.status.text(lang), status),
        ]);
    }
    groups.push(vec![Span::styled(pace_text(figures, lang), theme.text())]);
    if let Some(p) = g.projection {
        groups.push(vec![Span::styled(
            format!(" · → {}", lang.short(p)),
            theme.projection(),
        )]);
    }
    groups
}

/// A rank push as groups of spans for one line: the rank against the goal first, then where
/// the goal stands, then the chart's next update.
fn rank_groups(rank: &RankLead, theme: Theme) -> Vec<Vec<Span<'_>>> {
    let mut groups = vec![
        vec![Span::styled(format!(" {}", rank.place), theme.bold())],
        vec![Span::styled(format!(" · {}", rank.state), theme.text())],
    ];
    if let Some(next) = &rank.next {
        groups.push(vec![Span::styled(format!(" · {next}"), theme.dim())]);
    }
    groups
}

/// A rank push as short lines, for beside the digits.
fn rank_block(rank: &RankLead, theme: Theme) -> Vec<Line<'_>> {
    let mut lines = vec![
        Line::from(Span::styled(rank.place.clone(), theme.bold())),
        Line::from(Span::styled(rank.state.clone(), theme.text())),
    ];
    if let Some(next) = &rank.next {
        lines.push(Line::from(Span::styled(next.clone(), theme.dim())));
    }
    lines
}

/// " · pace 280k/h" or " · no pace yet".
fn pace_text(figures: &StreamView, lang: Lang) -> String {
    match figures.pace {
        Some(p) => format!(" · {}", pace(lang, "dashboard-pace", p)),
        None => format!(" · {}", lang.t("dashboard-no-pace")),
    }
}

/// "pace 280k/h" (or another `key` with a `rate`) in the language.
fn pace(lang: Lang, key: &str, rate: f64) -> String {
    lang.t_with(key, &[("rate", Arg::from(lang.per_hour(rate)))])
        .into_owned()
}

/// "window closes Thu 18:00 KST" with `at` written already.
fn window_closes(lang: Lang, at: String) -> String {
    lang.t_with("dashboard-window-closes", &[("at", Arg::from(at))])
        .into_owned()
}

/// The next goal as up to four short lines, for beside the digits.
fn goal_block<'a>(
    view: &View,
    goal: Option<&'a GoalView>,
    figures: &StreamView,
    theme: Theme,
    lang: Lang,
) -> Vec<Line<'a>> {
    let Some(g) = goal else {
        return vec![Line::from(Span::styled(
            lang.t("dashboard-all-settled"),
            theme.dim(),
        ))];
    };
    let status = theme.status(g.status);
    let deadline = g
        .deadline
        .with_timezone(&view.zone)
        .format("%H:%M %Z")
        .to_string();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", lang.t("dashboard-next-goal")), theme.dim()),
            Span::styled(g.label.clone(), theme.bold()),
            Span::styled(format!(" {}", lang.short(g.target)), theme.bold()),
        ]),
        Line::from(vec![
            Span::styled(lang.short(g.needed), theme.bold()),
            Span::raw(format!(
                " {}",
                lang.t_with("dashboard-to-go-by", &[("time", Arg::from(deadline))])
            )),
        ]),
    ];
    let mut rate = Vec::new();
    if let Some(r) = g.needed_per_hour {
        rate.push(Span::raw(format!("{} ", lang.t("dashboard-needs"))));
        rate.push(Span::styled(lang.per_hour(r), status));
    }
    match figures.pace {
        Some(p) if rate.is_empty() => rate.push(Span::raw(pace(lang, "dashboard-pace", p))),
        Some(p) => rate.push(Span::raw(format!(
            " {}",
            pace(lang, "dashboard-vs-pace", p)
        ))),
        None => rate.push(Span::styled(pace_text(figures, lang), theme.dim())),
    }
    lines.push(Line::from(rate));
    let mut last = Vec::new();
    if let Some(p) = g.projection {
        let at = match figures.window {
            Window::Open { .. } => lang.t("dashboard-projection"),
            _ => lang.t("dashboard-final"),
        };
        last.push(Span::styled(
            format!("{at} {}", lang.short(p)),
            theme.projection(),
        ));
    }
    // Without a count or a pace, the line above's "no pace yet" says what "no data" would.
    if g.status != Status::NoData || figures.pace.is_some() {
        if !last.is_empty() {
            last.push(Span::styled(" · ", theme.projection()));
        }
        last.push(Span::styled(g.status.text(lang), status));
    }
    if !last.is_empty() {
        lines.push(Line::from(last));
    }
    lines
}
