//! The Next panel: the selected event, its countdown in big digits, and its time in every zone;
//! while a tracking window leads, the push (in `push.rs`) instead.

use super::panel::Panel;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::digits::{self, DigitSize};
use super::event_status::{full_time, tba_date, zone_time};
use super::fit::{fit, fit_line};
use super::parts::Part;
use super::push::PushBody;
use crate::app::App;
use crate::config::Event;
use crate::lang::{Arg, Lang};
use crate::values::countdown::{self, Phase, Target};
use crate::values::when::shown_in;
use crate::view::{Headline, Selected, View, call_to_action};

/// Columns the push's goal block needs beside the digits.
pub(crate) const GOAL_BLOCK: u16 = 40;

/// The largest digits that fit a body of this size, and whether the push's goal block sits
/// beside them; height decides first, so the big digits are the first thing a short terminal
/// gives up. The push prefers smaller digits with its goal beside them to larger ones alone.
pub(crate) fn digit_size(view: &View, body: Rect) -> (DigitSize, bool) {
    let glyphs = view.digits.chars().count() as u16;
    let inner = body.width.saturating_sub(4);
    let candidates: &[DigitSize] = if body.height >= 54 {
        &[
            DigitSize::Double,
            DigitSize::Full,
            DigitSize::HalfHeight,
            DigitSize::Quadrant,
        ]
    } else if body.height >= 34 {
        &[DigitSize::Full, DigitSize::HalfHeight, DigitSize::Quadrant]
    } else if body.height >= 22 {
        &[DigitSize::HalfHeight, DigitSize::Quadrant]
    } else {
        &[]
    };
    let width = |d: DigitSize| d.width_of(&view.digits);
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
pub(crate) fn height(view: &View, digits: DigitSize, beside: bool) -> u16 {
    let push_line = matches!(view.headline, Headline::Push(_)) && !beside;
    2 + 3 + digits.rows() + u16::from(push_line)
}

/// What the countdown counts to, in words (long and short forms), and the instant whose time
/// the zones line shows.
fn caption(
    view: &View,
    selected: &Selected,
    event: &Event,
    lang: Lang,
) -> ([String; 2], DateTime<Utc>) {
    let t = |key: &str| lang.t(key).into_owned();
    let released = || Arg::from(lang.day_year(&shown_in(event.at, event.zone)));
    let ago = || countdown::calendar_span(event.at, view.now, event.zone).short_in(lang.units(), 3);
    let out_now = lang.status_words().out_now;
    match selected.target {
        Target::Release(at) => (
            match selected.phase {
                // The hour is not announced: what counts down is the day.
                _ if event.time_tba => [t("dashboard-tba-day-starts"), t("dashboard-day-in")],
                Phase::Imminent => [t("dashboard-out-within-hour"), t("dashboard-out-in")],
                _ => [t("dashboard-out-in"), t("dashboard-out-in")],
            },
            at,
        ),
        Target::Live(at) => (
            [
                format!(
                    "{out_now} · {}! · {}",
                    call_to_action(event, lang),
                    t("dashboard-out-for")
                ),
                out_now.into(),
            ],
            at,
        ),
        Target::Anniversary(n, at) => {
            let nth = ("nth", Arg::from(lang.nth(n).to_string()));
            let long = [("date", released()), ("ago", Arg::from(ago())), nth.clone()];
            (
                [
                    lang.t_with("dashboard-anniversary-long", &long)
                        .into_owned(),
                    lang.t_with("dashboard-anniversary-in", &[nth]).into_owned(),
                ],
                at,
            )
        }
        Target::Since(at) => (
            [
                lang.t_with("dashboard-out-on", &[("date", released())])
                    .into_owned(),
                t("dashboard-out"),
            ],
            at,
        ),
    }
}

/// The zones line: the event's own zone first, then UTC, the config's zones and the viewer's;
/// the side zones go first when the line is too long.
fn zones_line(app: &App, event: &Event, t: DateTime<Utc>, width: usize, side: bool) -> String {
    let lang = app.lang;
    // No hour to convert while the time is to be announced: the day, in its own zone.
    if t == event.at
        && let Some(tba) = tba_date(event, lang)
    {
        return tba;
    }
    let own = full_time(lang, &shown_in(t, event.zone));
    // Zones are told apart by what they show: Etc/UTC and UTC, or a `zones` entry that is
    // also yours, would otherwise print the same time twice.
    let own_short = zone_time(t, event.zone, false, lang);
    let your_time = zone_time(t, app.local_zone, false, lang);
    let yours = if your_time == own_short {
        String::new()
    } else {
        let time = [("time", Arg::from(your_time.as_str()))];
        lang.t_with("dashboard-yours", &time).into_owned()
    };
    let mut sides: Vec<String> = Vec::new();
    for z in std::iter::once(chrono_tz::UTC).chain(app.config.zones.iter().copied()) {
        let shown = zone_time(t, z, false, lang);
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

/// The Next panel: the push while a tracking window leads, else the countdown, whose digits
/// are a part that shows seconds when the view says they do.
pub(crate) struct NextPanel<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
    /// How big the digits are.
    pub(crate) digits: DigitSize,
    /// Whether the push's goal sits beside its digits (else on a line under them).
    pub(crate) beside: bool,
    /// Whether the zones line lists the other zones.
    pub(crate) side_zones: bool,
    /// The digits drawn again each second until the next full render.
    pub(crate) parts: &'a mut Vec<Part>,
}

impl Widget for NextPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let (theme, lang) = (self.ctx.theme, self.ctx.lang);
        let title = match self.ctx.view.headline {
            Headline::Push(_) => lang.t("dashboard-title-push"),
            Headline::Countdown => lang.t("dashboard-title-next"),
        };
        let title = format!(" {title} ");
        let inner = Panel::inner(area);
        Panel::new(Span::styled(title, theme.title()), theme.border()).render(area, buf);
        match &self.ctx.view.headline {
            Headline::Push(push) => PushBody {
                ctx: self.ctx,
                push,
                digits: self.digits,
                beside: self.beside,
            }
            .render(inner, buf),
            Headline::Countdown => self.render_countdown(inner, buf),
        }
    }
}

impl NextPanel<'_> {
    /// The selected event: its name, what the countdown counts to, the digits, its zones.
    fn render_countdown(self, inner: Rect, buf: &mut Buffer) {
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let (Some(selected), Some(event)) = (&view.selected, view.event(&app.config)) else {
            // Cut with "…" where the panel is narrow, never silently.
            Paragraph::new(fit(&lang.t("dashboard-no-events"), inner.width as usize))
                .style(theme.dim())
                .render(inner, buf);
            return;
        };
        let width = inner.width as usize;
        let [title_row, caption_row, digits_row, zones_row] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(self.digits.rows()),
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

        let (captions, at) = caption(view, selected, event, lang);
        let part = self.countdown_part(captions, selected.phase, caption_row, digits_row, buf);
        part.render(app, view, buf);
        if view.seconds.digits {
            self.parts.push(part);
        }

        if !zones_row.is_empty() {
            let line = zones_line(app, event, at, width.saturating_sub(1), self.side_zones);
            Line::from(Span::styled(fit(&format!(" {line}"), width), theme.text()))
                .render(zones_row, buf);
        }
    }

    /// The countdown as a part: inline on the caption row without big digits; else the
    /// longest caption that fits is drawn here, over the digits the part draws.
    fn countdown_part(
        &self,
        captions: [String; 2],
        phase: Phase,
        caption_row: Rect,
        digits_row: Rect,
        buf: &mut Buffer,
    ) -> Part {
        let Ctx { view, theme, .. } = *self.ctx;
        if self.digits == DigitSize::None {
            return Part::Caption {
                area: caption_row,
                captions: captions.map(|words| format!(" {words}")),
                style: theme.phase(phase),
                digits: theme.accent(),
            };
        }
        let line = captions
            .iter()
            .map(|words| Span::styled(format!(" {words}"), theme.phase(phase)))
            .find(|span| span.width() <= caption_row.width as usize)
            .unwrap_or_default();
        Line::from(line).render(caption_row, buf);
        let style = if phase == Phase::Live {
            theme.phase(phase)
        } else {
            theme.accent()
        };
        Part::Digits {
            area: digits::centered(&view.digits, self.digits, digits_row),
            size: self.digits,
            style,
        }
    }
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
