//! The overview (`o`): every stream of every event as a scoreboard, one row each, in the
//! view's order (open windows first). Columns give way from the right as the screen narrows,
//! the pace first; rows that do not fit become "+N more", and the selection scrolls them.

use super::panel::Panel;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::fit::set_fit;
use crate::app::Mode;
use crate::lang::{Arg, Lang};
use crate::streams::Window;
use crate::view::overview::Row;

/// One column: its heading's key and width; the name column takes what the others leave.
struct Column {
    heading: &'static str,
    width: usize,
}

/// The columns after the name, in the order they give way (last first).
const COLUMNS: [Column; 7] = [
    Column {
        heading: "overview-col-count",
        width: 12,
    },
    Column {
        heading: "overview-col-next-goal",
        width: 17,
    },
    Column {
        heading: "overview-col-percent",
        width: 5,
    },
    Column {
        heading: "overview-col-status",
        width: 8,
    },
    Column {
        heading: "overview-col-window",
        width: 13,
    },
    Column {
        heading: "overview-col-needs",
        width: 8,
    },
    Column {
        heading: "overview-col-pace",
        width: 8,
    },
];

/// The marker column ("▶ ") and the name column's narrowest and widest: from 78 columns the
/// name ("With You · YouTube MV") keeps 20 before the needs and the pace get theirs, so rows
/// stay told apart; narrower, 12, so the status stays.
const MARKER: usize = 2;
const MIN_NAME: usize = 20;
const MIN_NAME_NARROW: usize = 12;
const MAX_NAME: usize = 44;
/// What the unit adds to the count column (" streams").
const UNIT_ROOM: usize = 9;

/// Typical texts of each column in `lang`, to size it: a count with its age, a goal's target,
/// the widest status, a window's time left, a rate, a rate.
fn samples(lang: Lang) -> [usize; 7] {
    use crate::streams::Status;
    let rate = lang.per_hour(240_000.0).width();
    let status = [
        Status::Reached,
        Status::OnPace,
        Status::Behind,
        Status::Missed,
        Status::Waiting,
        Status::NoData,
    ]
    .iter()
    .map(|s| s.text(lang).width())
    .max()
    .unwrap_or(0);
    [
        format!("{} · {}", lang.short(2_880_000), lang.rough(3540)).width(),
        lang.short(2_700_000).width(),
        0,
        status,
        window_text(Window::Open { left_secs: 86_399 }, lang).width(),
        rate,
        rate,
    ]
}

/// The widths of [`COLUMNS`] in `lang`: English's, wider by what the language's texts need
/// beyond English's ("quedan 5h 00m", "240 mil/h") and by a heading that would not fit, so
/// that translated cells keep whole where English ones do.
fn column_widths(lang: Lang) -> [usize; 7] {
    let (own, english) = (samples(lang), samples(Lang::En));
    let mut widths = [0; 7];
    for (i, c) in COLUMNS.iter().enumerate() {
        let heading = lang.t(c.heading).width() + 1;
        widths[i] = (c.width + own[i].saturating_sub(english[i])).max(heading);
    }
    widths
}

/// How many of [`COLUMNS`] (`widths` wide) fit in `width` beside the marker and the
/// narrowest name, and whether the count has room for its unit.
fn fitting(width: usize, widths: &[usize; 7]) -> (usize, bool) {
    let name = if width >= 78 {
        MIN_NAME
    } else {
        MIN_NAME_NARROW
    };
    let mut used = MARKER + name;
    let mut n = 0;
    for w in widths {
        if used + w > width {
            break;
        }
        used += w;
        n += 1;
    }
    // The unit ("2.88M streams · 1h") needs more room, and leaves the name some.
    (n, n == COLUMNS.len() && used + UNIT_ROOM + 4 <= width)
}

/// The first row shown, so the selected one is on screen.
fn offset(selected: usize, rows: usize, total: usize) -> usize {
    if rows == 0 || total <= rows {
        return 0;
    }
    selected
        .saturating_sub(rows.saturating_sub(1))
        .min(total - rows)
}

/// "now", "5m", "3h", "2d": how old a count is; "config" when the config gave it.
fn age(secs: Option<i64>, lang: Lang) -> String {
    match secs {
        None => lang.t("overview-age-config").into_owned(),
        Some(s) if s < 60 => lang.t("overview-age-now").into_owned(),
        Some(s) => lang.rough(s),
    }
}

/// "4h 59m left", "opens 2d 3h", "closed".
fn window_text(window: Window, lang: Lang) -> String {
    let span = |secs: i64| [("span", Arg::from(lang.window_span(secs)))];
    match window {
        Window::Open { left_secs } => lang.t_with("overview-left", &span(left_secs)),
        Window::Opens { in_secs } => lang.t_with("overview-opens", &span(in_secs)),
        Window::Closed { .. } => lang.t("overview-closed"),
    }
    .into_owned()
}

/// " Overview · 3 streams · o or Esc back ".
fn title(lang: Lang, rows: usize) -> String {
    let n = rows as u64;
    let args = [("n", Arg::from(lang.count(n))), ("count", Arg::Num(n))];
    format!(" {} ", lang.t_with("overview-title", &args))
}

/// "With You · All videos = MV + Dance practice": a row's stream.
fn row_name(app: &crate::app::App, i: usize) -> String {
    let stream = &app.config.streams[i];
    format!(
        "{} · {}{}",
        app.config.event_name(&stream.event),
        stream.platform,
        app.config.sum_text(i)
    )
}

/// The scoreboard of every stream.
pub(crate) struct OverviewBoard<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
}

impl Widget for OverviewBoard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let rows = view
            .overview
            .as_ref()
            .map_or(&[][..], |o| o.rows.as_slice());
        let inner = Panel::inner(area);
        Panel::new(
            Span::styled(title(lang, rows.len()), theme.title()),
            theme.border(),
        )
        .render(area, buf);
        if inner.is_empty() {
            return;
        }
        if rows.is_empty() {
            let text = format!(" {}", lang.t("overview-empty"));
            let text = super::fit::fit(&text, inner.width as usize);
            Line::from(Span::styled(text, theme.dim())).render(inner, buf);
            return;
        }
        let width = inner.width as usize;
        let widths = column_widths(lang);
        let (columns, unit) = fitting(width, &widths);
        let fixed: usize =
            widths[..columns].iter().sum::<usize>() + if unit { UNIT_ROOM } else { 0 };
        // The names get the room they need up to 30, then the goal's label up to 10 more, then
        // the names what is left (up to 44).
        let free = width.saturating_sub(MARKER + fixed);
        let longest = rows
            .iter()
            .map(|r| row_name(app, r.stream).width() + 1)
            .max()
            .unwrap_or(0);
        let name = longest.clamp(MIN_NAME_NARROW, 30).min(free);
        let goal = if columns >= 2 {
            (free - name).min(10)
        } else {
            0
        };
        let name = (free - goal).clamp(1, MAX_NAME);
        let layout = Layout {
            widths,
            columns,
            unit,
            name,
            goal,
        };
        layout.heading(inner, buf, theme.dim(), lang);
        let selected = match app.mode {
            Mode::Overview(b) => b.row.min(rows.len() - 1),
            _ => 0,
        };
        let room = (inner.height as usize).saturating_sub(1);
        // "+N more" takes the last line when not every row fits.
        let shown = room.saturating_sub(usize::from(rows.len() > room));
        let first = offset(selected, shown, rows.len());
        for (line, (i, row)) in rows.iter().enumerate().skip(first).take(shown).enumerate() {
            let y = inner.y + 1 + line as u16;
            let row_area = Rect::new(inner.x, y, inner.width, 1);
            layout.row(self.ctx, row, row_area, buf);
            if i == selected {
                set_fit(buf, inner.x, y, "▶", MARKER, theme.accent());
                buf.set_style(row_area, theme.selected());
            }
        }
        let hidden = rows.len().saturating_sub(shown);
        if hidden > 0 && shown < room {
            let y = inner.y + 1 + shown as u16;
            let n = Arg::from(lang.count(hidden as u64));
            let more = format!("  {}", lang.t_with("overview-more", &[("n", n)]));
            set_fit(buf, inner.x, y, &more, width, theme.dim());
        }
    }
}

/// The columns shown at this width.
struct Layout {
    /// The widths of [`COLUMNS`] in the frame's language.
    widths: [usize; 7],
    /// How many of [`COLUMNS`].
    columns: usize,
    /// Whether the count has its unit.
    unit: bool,
    /// The name column's width.
    name: usize,
    /// Columns the goal's gets beyond its own.
    goal: usize,
}

impl Layout {
    fn widths(&self) -> impl Iterator<Item = usize> + '_ {
        self.widths[..self.columns]
            .iter()
            .enumerate()
            .map(|(i, w)| match i {
                0 if self.unit => w + UNIT_ROOM,
                1 => w + self.goal,
                _ => *w,
            })
    }

    fn heading(&self, inner: Rect, buf: &mut Buffer, style: Style, lang: Lang) {
        let mut x = inner.x + (MARKER + self.name) as u16;
        set_fit(
            buf,
            inner.x + MARKER as u16,
            inner.y,
            &lang.t("overview-col-stream"),
            self.name,
            style,
        );
        for (c, w) in COLUMNS.iter().zip(self.widths()) {
            set_fit(
                buf,
                x,
                inner.y,
                &lang.t(c.heading),
                w.saturating_sub(1),
                style,
            );
            x = x.saturating_add(w as u16);
        }
    }

    fn row(&self, ctx: &Ctx, row: &Row, area: Rect, buf: &mut Buffer) {
        let Ctx {
            app, theme, lang, ..
        } = *ctx;
        let name = row_name(app, row.stream);
        set_fit(
            buf,
            area.x + MARKER as u16,
            area.y,
            &name,
            self.name.saturating_sub(1),
            theme.bold(),
        );
        let goal = row.goal.as_ref();
        let status = goal.map(|g| g.status);
        let count = if self.unit {
            format!(
                "{} {} · {}",
                lang.short(row.count),
                lang.unit(&app.config.streams[row.stream].unit),
                age(row.age_secs, lang)
            )
        } else {
            format!("{} · {}", lang.short(row.count), age(row.age_secs, lang))
        };
        let dash = || "—".to_string();
        let cells: [(String, Style); 7] = [
            (count, theme.text()),
            (
                goal.map_or_else(dash, |g| format!("{} {}", g.label, lang.short(g.target))),
                theme.text(),
            ),
            (
                goal.map_or_else(dash, |g| format!("{:.0}%", g.percent.min(999.0))),
                theme.bold(),
            ),
            (
                status.map_or_else(dash, |s| s.text(ctx.lang).into_owned()),
                status.map_or(theme.dim(), |s| theme.status(s)),
            ),
            (window_text(row.window, lang), theme.dim()),
            (
                goal.and_then(|g| g.needed_per_hour)
                    .map_or_else(dash, |r| lang.per_hour(r)),
                theme.text(),
            ),
            (
                row.pace.map_or_else(dash, |r| lang.per_hour(r)),
                theme.projection(),
            ),
        ];
        let mut x = area.x + (MARKER + self.name) as u16;
        for ((text, style), w) in cells.iter().zip(self.widths()) {
            set_fit(buf, x, area.y, text, w.saturating_sub(1), *style);
            x = x.saturating_add(w as u16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_give_way_from_the_pace_and_the_unit_needs_room() {
        let en = column_widths(Lang::En);
        assert_eq!(en, COLUMNS.map(|c| c.width));
        // 2 + 20 + 12 + 17 + 5 + 8 + 13 + 8 + 8 = 93: every column from 93, the unit from 106;
        // at 80 columns (78 inside the border) the needs and the pace give way.
        assert_eq!(fitting(93, &en), (7, false));
        assert_eq!(fitting(92, &en), (6, false));
        assert_eq!(fitting(106, &en), (7, true));
        assert_eq!(fitting(78, &en), (5, false));
        // 60 columns: the name narrows first, the status stays.
        assert_eq!(fitting(58, &en), (4, false));
        assert_eq!(fitting(10, &en), (0, false));
    }

    #[test]
    fn the_selected_row_stays_on_screen() {
        assert_eq!(offset(0, 5, 10), 0);
        assert_eq!(offset(7, 5, 10), 3);
        assert_eq!(offset(9, 5, 10), 5);
        assert_eq!(offset(3, 0, 10), 0);
    }
}
