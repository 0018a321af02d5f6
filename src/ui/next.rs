//! The Next panel: the selected event, its countdown in big digits, and its time in every zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Areas;
use super::digits::{self, DigitSize};
use super::event_status::status_text;
use super::fit::fit;
use super::parts::Part;
use super::theme::Theme;
use crate::app::App;
use crate::config::Event;
use crate::streams::{GoalView, StreamView, Window};
use crate::values::countdown::{self, Phase, Target};
use crate::values::numbers::{per_hour, short};
use crate::view::{Headline, Push, Selected, View};

/// Columns the push's goal block needs beside the digits.
pub const GOAL_BLOCK: u16 = 40;

/// The largest digits that fit a body of this size, and whether the push's goal block sits
/// beside them; height decides first, so the big digits are the first thing a short terminal
/// gives up. The push prefers smaller digits with its goal beside them to larger ones alone.
pub fn digit_size(view: &View, body: Rect) -> (DigitSize, bool) {
    let glyphs = view.digits.chars().count() as u16;
    let inner = body.width.saturating_sub(4);
    let candidates: &[DigitSize] = if body.height >= 34 {
        &[DigitSize::Full, DigitSize::HalfHeight, DigitSize::Quadrant]
    } else if body.height >= 22 {
        &[DigitSize::HalfHeight, DigitSize::Quadrant]
    } else {
        &[]
    };
    let width = |d: DigitSize| glyphs * d.columns_per_glyph();
    if glyphs == 0 {
        return (DigitSize::None, false);
    }
    if matches!(view.headline, Headline::Push(_))
        && let Some(d) = candidates
            .iter()
            .copied()
            .find(|&d| width(d) + 2 + GOAL_BLOCK <= inner)
    {
        return (d, true);
    }
    let d = candidates
        .iter()
        .copied()
        .find(|&d| width(d) <= inner)
        .unwrap_or(DigitSize::None);
    (d, false)
}

/// Rows the Next panel takes (with its border) for these digits.
pub fn height(view: &View, digits: DigitSize, beside: bool) -> u16 {
    let push_line = matches!(view.headline, Headline::Push(_)) && !beside;
    2 + 3 + digits.rows() + u16::from(push_line)
}

/// What the countdown counts to, in words (long and short forms), and the instant whose time
/// the zones line shows.
fn caption(view: &View, selected: &Selected, event: &Event) -> ([String; 2], DateTime<Utc>) {
    let released = event.at.with_timezone(&event.zone).format("%a %-d %b %Y");
    let ago = || countdown::calendar_span(event.at, view.now, event.zone).short(3);
    match selected.target {
        Target::Release(t) => (
            match selected.phase {
                Phase::Imminent => ["out within the hour:".into(), "out in".into()],
                _ => ["out in".into(), "out in".into()],
            },
            t,
        ),
        Target::Live(t) => (["OUT NOW · out for".into(), "OUT NOW".into()], t),
        Target::Anniversary(n, t) => (
            [
                format!(
                    "out {released} ({} ago) · {} anniversary in",
                    ago(),
                    countdown::ordinal(n)
                ),
                format!("{} anniversary in", countdown::ordinal(n)),
            ],
            t,
        ),
        Target::Since(t) => ([format!("out {released}:"), "out".into()], t),
    }
}

/// "23:00 KST" for `t` in `zone`, with the date when it is the lead entry.
fn zone_time(t: DateTime<Utc>, zone: Tz, with_date: bool) -> String {
    let local = t.with_timezone(&zone);
    if with_date {
        local.format("%a %-d %b %Y %H:%M %Z").to_string()
    } else {
        local.format("%H:%M %Z").to_string()
    }
}

/// The zones line: the event's own zone first, then UTC, the config's zones and the viewer's;
/// the side zones go first when the line is too long.
fn zones_line(app: &App, event: &Event, t: DateTime<Utc>, width: usize, side: bool) -> String {
    let own = zone_time(t, event.zone, true);
    // Zones are told apart by what they show: Etc/UTC and UTC, or a `zones` entry that is
    // also yours, would otherwise print the same time twice.
    let own_short = zone_time(t, event.zone, false);
    let your_time = zone_time(t, app.local_zone, false);
    let yours = if your_time == own_short {
        String::new()
    } else {
        format!("yours: {your_time}")
    };
    let mut sides: Vec<String> = Vec::new();
    for z in std::iter::once(chrono_tz::UTC).chain(app.config.zones.iter().copied()) {
        let shown = zone_time(t, z, false);
        if shown != own_short && shown != your_time && !sides.contains(&shown) {
            sides.push(shown);
        }
    }
    if !side {
        sides.clear();
    }
    loop {
        let parts: Vec<&str> = std::iter::once(own.as_str())
            .chain(sides.iter().map(String::as_str))
            .chain(std::iter::once(yours.as_str()))
            .filter(|p| !p.is_empty())
            .collect();
        let line = parts.join(" · ");
        if line.width() <= width || sides.is_empty() {
            return line;
        }
        sides.pop();
    }
}

/// Draws the Next panel: the push while a tracking window leads, else the countdown, whose
/// digits are a part that shows seconds when the view says they do.
pub fn render(
    app: &App,
    view: &View,
    areas: &Areas,
    buf: &mut Buffer,
    theme: Theme,
    parts: &mut Vec<Part>,
) {
    let area = areas.next;
    if area.is_empty() {
        return;
    }
    let title = match view.headline {
        Headline::Push(_) => " Now · tracking window ",
        Headline::Countdown => " Next ",
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme.title()))
        .border_style(theme.border());
    let inner = block.inner(area);
    block.render(area, buf);
    match &view.headline {
        Headline::Push(push) => render_push(app, view, push, areas, inner, buf, theme),
        Headline::Countdown => render_countdown(app, view, areas, inner, buf, theme, parts),
    }
}

fn render_countdown(
    app: &App,
    view: &View,
    areas: &Areas,
    inner: Rect,
    buf: &mut Buffer,
    theme: Theme,
    parts: &mut Vec<Part>,
) {
    let (Some(selected), Some(event)) = (&view.selected, view.event(&app.config)) else {
        Paragraph::new("No events yet: add an [[event]] to the config (see README).")
            .style(theme.dim())
            .render(inner, buf);
        return;
    };
    let width = inner.width as usize;
    let phase = selected.phase;
    let [title_row, caption_row, digits_row, zones_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(areas.digits.rows()),
        Constraint::Length(1),
    ])
    .areas(inner);

    let mut title = vec![Span::styled(format!(" {}", event.name), theme.bold())];
    for extra in [&event.by, &event.note] {
        if !extra.is_empty() {
            title.push(Span::styled(format!(" · {extra}"), theme.text()));
        }
    }
    fit_line(title, width).render(title_row, buf);

    let (captions, at) = caption(view, selected, event);
    let part = if areas.digits == DigitSize::None {
        Part::Caption {
            area: caption_row,
            captions: captions.map(|words| format!(" {words}")),
            style: theme.phase(phase),
            digits: theme.accent(),
        }
    } else {
        // The longest caption that fits over the digits.
        let line = captions
            .iter()
            .map(|words| Span::styled(format!(" {words}"), theme.phase(phase)))
            .find(|span| span.width() <= width)
            .unwrap_or_default();
        Line::from(line).render(caption_row, buf);
        let style = if phase == Phase::Live {
            theme.phase(phase)
        } else {
            theme.accent()
        };
        Part::Digits {
            area: digits::centered(&view.digits, areas.digits, digits_row),
            size: areas.digits,
            style,
        }
    };
    part.render(app, view, buf);
    if view.seconds.digits {
        parts.push(part);
    }

    if !zones_row.is_empty() {
        let line = zones_line(app, event, at, width.saturating_sub(1), areas.side_zones);
        Line::from(Span::styled(fit(&format!(" {line}"), width), theme.text()))
            .render(zones_row, buf);
    }
}

/// Spans while they fit `width`; the first span that does not is cut with "…" and ends it.
fn fit_line(spans: Vec<Span<'_>>, width: usize) -> Line<'_> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = span.width();
        if used + w <= width {
            used += w;
            out.push(span);
        } else {
            let room = width - used;
            if room > 1 {
                out.push(Span::styled(fit(&span.content, room), span.style));
            }
            break;
        }
    }
    Line::from(out)
}

/// Groups of spans, in order, while they fit `width` whole; later groups give way first.
fn groups_line<'a>(groups: Vec<Vec<Span<'a>>>, width: usize) -> Line<'a> {
    let mut used = 0;
    let mut out: Vec<Span> = Vec::new();
    for (n, group) in groups.into_iter().enumerate() {
        let w: usize = group.iter().map(Span::width).sum();
        if used + w <= width {
            used += w;
            out.extend(group);
        } else {
            if n == 0 {
                return fit_line(group, width);
            }
            break;
        }
    }
    Line::from(out)
}

/// The push: the time left in the window, the next goal and what it needs, the next release.
fn render_push(
    app: &App,
    view: &View,
    push: &Push,
    areas: &Areas,
    inner: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let (Some(stream), Some(shown)) = (
        app.config.streams.get(push.stream),
        view.streams.get(push.shown),
    ) else {
        return;
    };
    let width = inner.width as usize;
    let [title_row, caption_row, digits_row, goal_row, next_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(areas.digits.rows()),
        Constraint::Length(u16::from(!areas.beside)),
        Constraint::Length(1),
    ])
    .areas(inner);

    let name = app.config.event_name(&stream.event);
    let closes = push.closes.with_timezone(&view.zone);
    fit_line(
        vec![
            Span::styled(format!(" {name} · {}", stream.platform), theme.bold()),
            Span::styled(
                format!(" · window closes {}", closes.format("%a %-d %b %H:%M %Z")),
                theme.text(),
            ),
        ],
        width,
    )
    .render(title_row, buf);

    let caption = if areas.digits == DigitSize::None {
        vec![
            Span::styled(format!(" {}", view.digits), theme.accent()),
            Span::styled(" left in the tracking window", theme.text()),
        ]
    } else {
        vec![Span::styled(" left in the tracking window", theme.text())]
    };
    fit_line(caption, width).render(caption_row, buf);

    let goal = push.goal(view);
    if areas.digits != DigitSize::None {
        if areas.beside {
            // Digits and goal side by side, centred together.
            let digits_w = view.digits.chars().count() as u16 * areas.digits.columns_per_glyph();
            let lines = goal_block(view, goal, &shown.figures, theme);
            let block_w = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
            let block_w = block_w.min(digits_row.width.saturating_sub(digits_w + 3));
            let total = digits_w + 3 + block_w;
            let x = digits_row.x + digits_row.width.saturating_sub(total) / 2;
            let left = Rect::new(x, digits_row.y, digits_w, digits_row.height);
            digits::render(
                &view.digits,
                areas.digits,
                theme.accent(),
                left.intersection(digits_row),
                buf,
            );
            let right = Rect::new(x + digits_w + 3, digits_row.y, block_w, digits_row.height)
                .intersection(digits_row);
            let top = right.y + right.height.saturating_sub(lines.len() as u16) / 2;
            for (i, line) in lines.into_iter().enumerate() {
                let y = top + i as u16;
                if y < right.bottom() {
                    fit_line(line.spans, right.width as usize)
                        .render(Rect::new(right.x, y, right.width, 1), buf);
                }
            }
        } else {
            let at = digits::centered(&view.digits, areas.digits, digits_row);
            digits::render(&view.digits, areas.digits, theme.accent(), at, buf);
        }
    }
    if !goal_row.is_empty() {
        groups_line(goal_groups(goal, &shown.figures, theme), width).render(goal_row, buf);
    }

    let next = push
        .next_release
        .and_then(|i| app.config.events.get(i).map(|e| (i, e)));
    let line = match next {
        Some((i, e)) => vec![
            vec![Span::styled(" next release: ", theme.dim())],
            vec![Span::styled(e.name.clone(), theme.bold())],
            vec![Span::styled(
                format!(" {}", status_text(e, view.phases[i], view.now)),
                theme.phase(view.phases[i]),
            )],
            vec![Span::styled(
                format!(" · {}", zone_time(e.at, e.zone, true)),
                theme.text(),
            )],
        ],
        None => vec![vec![Span::styled(" no release coming", theme.dim())]],
    };
    groups_line(line, width).render(next_row, buf);
}

/// The next goal as groups of spans for one line, most important first.
fn goal_groups<'a>(
    goal: Option<&'a GoalView>,
    figures: &StreamView,
    theme: Theme,
) -> Vec<Vec<Span<'a>>> {
    let Some(g) = goal else {
        return vec![vec![Span::styled(
            " every goal settled for this window",
            theme.dim(),
        )]];
    };
    let status = theme.status(g.status);
    let mut groups = vec![
        vec![
            Span::styled(format!(" {}", g.label), theme.bold()),
            Span::styled(format!(" {}", short(g.streams)), theme.bold()),
        ],
        vec![Span::raw(format!(" · {} to go", short(g.needed)))],
    ];
    if let Some(r) = g.needed_per_hour {
        groups.push(vec![
            Span::raw(" · needs "),
            Span::styled(per_hour(r), status),
        ]);
    }
    groups.push(vec![
        Span::raw(" · "),
        Span::styled(g.status.label(), status),
    ]);
    groups.push(vec![Span::styled(pace_text(figures), theme.text())]);
    if let Some(p) = g.projection {
        groups.push(vec![Span::styled(
            format!(" · → {}", short(p)),
            theme.projection(),
        )]);
    }
    groups
}

/// " · pace 280k/h" or " · no pace yet".
fn pace_text(figures: &StreamView) -> String {
    match figures.pace {
        Some(p) => format!(" · pace {}", per_hour(p)),
        None => " · no pace yet".to_string(),
    }
}

/// The next goal as up to four short lines, for beside the digits.
fn goal_block<'a>(
    view: &View,
    goal: Option<&'a GoalView>,
    figures: &StreamView,
    theme: Theme,
) -> Vec<Line<'a>> {
    let Some(g) = goal else {
        return vec![Line::from(Span::styled(
            "every goal settled for this window",
            theme.dim(),
        ))];
    };
    let status = theme.status(g.status);
    let deadline = g.deadline.with_timezone(&view.zone).format("%H:%M %Z");
    let mut lines = vec![
        Line::from(vec![
            Span::styled("next goal ", theme.dim()),
            Span::styled(g.label.clone(), theme.bold()),
            Span::styled(format!(" {}", short(g.streams)), theme.bold()),
        ]),
        Line::from(vec![
            Span::styled(short(g.needed), theme.bold()),
            Span::raw(format!(" to go by {deadline}")),
        ]),
    ];
    let mut rate = Vec::new();
    if let Some(r) = g.needed_per_hour {
        rate.push(Span::raw("needs "));
        rate.push(Span::styled(per_hour(r), status));
    }
    match figures.pace {
        Some(p) if rate.is_empty() => rate.push(Span::raw(format!("pace {}", per_hour(p)))),
        Some(p) => rate.push(Span::raw(format!(" vs pace {}", per_hour(p)))),
        None => rate.push(Span::styled(" · no pace yet", theme.dim())),
    }
    lines.push(Line::from(rate));
    let mut last = Vec::new();
    if let Some(p) = g.projection {
        let at = match figures.window {
            Window::Open { .. } => "projection",
            _ => "final",
        };
        last.push(Span::styled(
            format!("{at} {} · ", short(p)),
            theme.projection(),
        ));
    }
    last.push(Span::styled(g.status.label(), status));
    lines.push(Line::from(last));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_line_drops_side_zones_to_fit() {
        let app = crate::testing::app("2022-04-24T12:57:49Z");
        let event = &app.config.events[0];
        let full = zones_line(&app, event, event.at, 200, true);
        assert_eq!(
            full,
            "Sun 24 Apr 2022 23:00 KST · 14:00 UTC · 19:30 IST · 10:00 EDT · yours: 16:00 CEST"
        );
        let narrow = zones_line(&app, event, event.at, 60, true);
        assert_eq!(
            narrow,
            "Sun 24 Apr 2022 23:00 KST · 14:00 UTC · yours: 16:00 CEST"
        );
        let none = zones_line(&app, event, event.at, 200, false);
        assert_eq!(none, "Sun 24 Apr 2022 23:00 KST · yours: 16:00 CEST");
        let mut utc_viewer = app.clone();
        utc_viewer.local_zone = "Etc/UTC".parse().unwrap();
        let line = zones_line(&utc_viewer, event, event.at, 200, true);
        assert_eq!(
            line,
            "Sun 24 Apr 2022 23:00 KST · 19:30 IST · 10:00 EDT · yours: 14:00 UTC"
        );
        let mut seoul_viewer = app.clone();
        seoul_viewer.local_zone = chrono_tz::Asia::Seoul;
        let line = zones_line(&seoul_viewer, event, event.at, 200, true);
        assert_eq!(
            line,
            "Sun 24 Apr 2022 23:00 KST · 14:00 UTC · 19:30 IST · 10:00 EDT"
        );
    }
}
