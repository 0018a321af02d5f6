//! The Next panel: the selected event, its countdown in big digits, and its time in every zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{Areas, fit};
use crate::app::App;
use crate::config::Event;
use crate::countdown::{self, Phase, Target};
use crate::view::{Selected, View};

/// How large the countdown digits are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DigitSize {
    /// Plain text on the caption line.
    #[default]
    None,
    /// 4 cells wide, 4 rows tall per glyph.
    Quadrant,
    /// 8 cells wide, 4 rows tall per glyph.
    HalfHeight,
    /// 8 cells wide, 8 rows tall per glyph.
    Full,
}

impl DigitSize {
    /// Rows the digits take.
    pub fn rows(self) -> u16 {
        match self {
            DigitSize::None => 0,
            DigitSize::Quadrant | DigitSize::HalfHeight => 4,
            DigitSize::Full => 8,
        }
    }

    fn columns_per_glyph(self) -> u16 {
        match self {
            DigitSize::None => 0,
            DigitSize::Quadrant => 4,
            DigitSize::HalfHeight | DigitSize::Full => 8,
        }
    }

    fn pixel_size(self) -> PixelSize {
        match self {
            DigitSize::Quadrant => PixelSize::Quadrant,
            DigitSize::HalfHeight | DigitSize::None => PixelSize::HalfHeight,
            DigitSize::Full => PixelSize::Full,
        }
    }
}

/// The largest digits that fit a body of this size; height decides first, so the big digits
/// are the first thing a short terminal gives up.
pub fn digit_size(app: &App, view: &View, body: Rect) -> DigitSize {
    let glyphs = countdown_digits(app, view).map_or(0, |s| s.chars().count()) as u16;
    let inner = body.width.saturating_sub(4);
    let candidates: &[DigitSize] = if body.height >= 34 {
        &[DigitSize::Full, DigitSize::HalfHeight, DigitSize::Quadrant]
    } else if body.height >= 22 {
        &[DigitSize::HalfHeight, DigitSize::Quadrant]
    } else {
        &[]
    };
    candidates
        .iter()
        .copied()
        .find(|d| glyphs > 0 && glyphs * d.columns_per_glyph() <= inner)
        .unwrap_or(DigitSize::None)
}

/// The text the big digits show for the selected event.
fn countdown_digits(app: &App, view: &View) -> Option<String> {
    let selected = view.selected.as_ref()?;
    let event = view.event(&app.config)?;
    let now = view.now;
    Some(match selected.target {
        Target::Release(t) | Target::Anniversary(_, t) => {
            countdown::countdown_text(now, t, event.zone)
        }
        Target::Live(t) => countdown::countdown_text(t, now, event.zone),
        Target::Since(t) => countdown::calendar_span(t, now, event.zone).short(3),
    })
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

/// Draws the Next panel.
pub fn render(app: &App, view: &View, areas: &Areas, buf: &mut Buffer, theme: Theme) {
    let area = areas.next;
    if area.is_empty() {
        return;
    }
    let block = Block::bordered()
        .title(" Next ")
        .border_style(theme.border());
    let inner = block.inner(area);
    block.render(area, buf);
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
    Line::from(title).render(title_row, buf);

    let (captions, at) = caption(view, selected, event);
    let digits = countdown_digits(app, view).unwrap_or_default();
    let inline = if areas.digits == DigitSize::None {
        format!(" {digits}")
    } else {
        String::new()
    };
    // The longest caption that fits beside the countdown; with no room, the countdown alone.
    let caption_line = captions
        .iter()
        .map(|words| {
            Line::from(vec![
                Span::styled(format!(" {words}"), theme.phase(phase)),
                Span::styled(inline.clone(), theme.accent()),
            ])
        })
        .find(|line| line.width() <= width)
        .unwrap_or_else(|| Line::from(Span::styled(fit(&inline, width), theme.accent())));
    caption_line.render(caption_row, buf);

    if areas.digits != DigitSize::None {
        let style = if phase == Phase::Live {
            theme.phase(phase)
        } else {
            theme.accent()
        };
        BigText::builder()
            .pixel_size(areas.digits.pixel_size())
            .style(style)
            .lines(vec![Line::from(digits)])
            .centered()
            .build()
            .render(digits_row, buf);
    }

    if !zones_row.is_empty() {
        let line = zones_line(app, event, at, width.saturating_sub(1), areas.side_zones);
        Line::from(Span::styled(fit(&format!(" {line}"), width), theme.text()))
            .render(zones_row, buf);
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
