//! The events list: every event by time, its phase, its countdown or time since, and its time
//! in the display zone. Only the visible rows are built, so a thousand events cost a screenful.

use super::panel::Panel;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::event_status::{
    compact_time, date_year, day_time, full_time, month_year, row_time, status_text, tba_date,
};
use super::fit::{fit, groups_line, set_fit};
use super::parts::Part;
use crate::app::{App, Hit};
use crate::lang::{Arg, Lang};
use crate::values::countdown;
use crate::values::when::shown_in;

/// The first visible row's index, so that the selected row is always on screen.
fn scroll_offset(selected: usize, rows: usize, total: usize) -> usize {
    if rows == 0 || total <= rows {
        return 0;
    }
    // Keep the selection a third of the way down where possible.
    selected.saturating_sub(rows / 3).min(total - rows)
}

/// Columns of a row: marker, status and time; the name column takes what is left.
const MARKER: usize = 2;
const STATUS: usize = 17;

/// The status column's width in `lang`: wider where its words are ("salió hace 4 a 7 m",
/// "rilis 4 th 7 bln lalu"), so that a status reads whole.
fn status_width(lang: Lang) -> usize {
    match lang {
        Lang::Es => STATUS + 2,
        Lang::Id => STATUS + 4,
        _ => STATUS,
    }
}
const TIME: usize = 22;
const MIN_NAME: usize = 10;

/// The name column's natural width: the longest name and a gap, within bounds.
fn name_width(app: &App) -> usize {
    let longest = app
        .config
        .events
        .iter()
        .map(|e| e.name.width())
        .max()
        .unwrap_or(0);
    (longest + 2).clamp(MIN_NAME, 24)
}

/// The widths of the name, status and time columns in a list `width` columns wide inside
/// its border; the time column goes first when the room is short.
fn columns(app: &App, width: usize) -> (usize, usize, usize) {
    let status = status_width(app.lang).min(width.saturating_sub(8));
    let time = if width >= MARKER + MIN_NAME + status + TIME {
        TIME
    } else {
        0
    };
    let name = width
        .saturating_sub(MARKER + status + time)
        .min(name_width(app));
    (name, status, time)
}

/// The list's width beside the streams panel in `total` columns: up to 45%, or just enough
/// without the time column when 45% cannot hold it.
pub(crate) fn width(app: &App, total: u16) -> u16 {
    let share = total as usize * 45 / 100;
    let status = status_width(app.lang);
    let w = if share >= 2 + MARKER + MIN_NAME + status + TIME {
        share
    } else {
        (2 + MARKER + name_width(app) + status).min(share)
    };
    w as u16
}

/// The events list; each drawn row goes to `hits`, each status that counts down to the second
/// to `parts`.
pub(crate) struct EventsList<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
    /// Where a click on a row lands.
    pub(crate) hits: &'a mut Vec<(Rect, Hit)>,
    /// The statuses drawn again each second until the next full render.
    pub(crate) parts: &'a mut Vec<Part>,
}

/// How the list spends its rows: its columns, one line or two an event, and which events show.
struct Rows {
    /// The selected event's index.
    selected: usize,
    /// The name, status and time columns' widths.
    columns: (usize, usize, usize),
    /// Whether the timeline sits under the list.
    timeline: bool,
    /// Whether each event's date takes a second line.
    two_lines: bool,
    /// Lines an event takes (1 or 2).
    per: usize,
    /// Events there is room for, "+N more" included.
    slots: usize,
    /// Events shown.
    visible: usize,
    /// The first event shown.
    offset: usize,
}

impl Rows {
    /// The rows of a list with `inner` inside its border and `selected` on screen.
    fn new(app: &App, inner: Rect, selected: usize) -> Rows {
        let events = app.config.events.len();
        let width = inner.width as usize;
        let columns = columns(app, width);
        // With room, a timeline of every event under the list (a blank row and three rows).
        let timeline = inner.height as usize >= events + 5 && width >= 20;
        let list_rows = if timeline {
            inner.height as usize - 4
        } else {
            inner.height as usize
        };
        // Narrow, with rows to spare: each event's date on a second line.
        let two_lines = columns.2 == 0 && list_rows >= events * 2;
        let per = if two_lines { 2 } else { 1 };
        let slots = list_rows / per;
        // "+N more" takes the last slot when not every event fits.
        let visible = if events > slots && slots >= 2 {
            slots.saturating_sub(1)
        } else {
            slots
        };
        Rows {
            selected,
            columns,
            timeline,
            two_lines,
            per,
            slots,
            visible,
            offset: scroll_offset(selected, visible, events),
        }
    }
}

/// Writes `text` cut to `width` columns at (`x`, `y`), and moves `x` past the column.
fn put(buf: &mut Buffer, x: &mut u16, y: u16, text: &str, width: usize, style: Style) {
    buf.set_stringn(*x, y, fit(text, width), width, style);
    *x = x.saturating_add(width as u16);
}

impl Widget for EventsList<'_> {
    fn render(mut self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let (theme, lang) = (self.ctx.theme, self.ctx.lang);
        let inner = Panel::inner(area);
        Panel::new(format!(" {} ", lang.t("events-title")), theme.border()).render(area, buf);
        let events = &self.ctx.app.config.events;
        if events.is_empty() {
            Line::from(Span::styled(
                format!(" {}", lang.t("events-none")),
                theme.dim(),
            ))
            .render(inner, buf);
            return;
        }
        let selected = self.ctx.view.selected.as_ref().map_or(0, |s| s.index);
        let rows = Rows::new(self.ctx.app, inner, selected);
        let shown = rows.offset..(rows.offset + rows.visible).min(events.len());
        for (slot, i) in shown.enumerate() {
            self.render_row(&rows, i, slot, inner, buf);
        }
        let hidden = events.len() - rows.visible.min(events.len());
        if hidden > 0 && rows.visible < rows.slots {
            let y = inner.y + (rows.visible * rows.per) as u16;
            let n = [("n", Arg::from(lang.count(hidden as u64)))];
            let more = format!("  {}", lang.t_with("events-more", &n));
            let width = inner.width as usize;
            buf.set_stringn(inner.x, y, fit(&more, width), width, theme.dim());
        }
        let used = (rows.visible.min(events.len()) * rows.per) as u16 + u16::from(hidden > 0);
        let below = if rows.timeline { 4 } else { 0 };
        let spare = inner.height.saturating_sub(used + below);
        let details = details_rows(self.ctx.app) as u16;
        let mut lanes = 0;
        if spare > details {
            let area = Rect::new(inner.x, inner.y + used + 1, inner.width, details);
            self.render_details(area, buf);
            // Past the details, a tall panel's rows go to the timeline: a lane per event.
            let extra = spare - 1 - details;
            if rows.timeline && extra as usize > events.len() * 2 {
                lanes = extra - 1;
            }
        } else if spare >= 3 {
            let area = Rect::new(inner.x, inner.y + used + 1, inner.width, spare - 1);
            self.render_anniversaries(area, buf);
        }
        if rows.timeline {
            self.render_timeline(&rows, inner, lanes, buf);
        }
    }
}

impl EventsList<'_> {
    /// The timeline at the bottom of the list, `lanes` rows taller than its three, and over
    /// it the selected event's streams summed up.
    fn render_timeline(&self, rows: &Rows, inner: Rect, lanes: u16, buf: &mut Buffer) {
        let Ctx {
            app, view, theme, ..
        } = *self.ctx;
        let events = &app.config.events;
        // The selected event's, else that of the stream the screen leads with.
        let lead = view.streams.first().and_then(|s| {
            let id = &app.config.streams[s.index].event;
            events.iter().position(|e| &e.id == id)
        });
        let line = reached_text(view, rows.selected, events, self.ctx.lang)
            .or_else(|| reached_text(view, lead?, events, self.ctx.lang));
        if let Some(line) = line {
            let width = (inner.width as usize).saturating_sub(2);
            let y = inner.bottom() - 4 - lanes;
            buf.set_stringn(inner.x + 2, y, fit(&line, width), width, theme.dim());
        }
        let area = Rect::new(
            inner.x + 1,
            inner.bottom() - 3 - lanes,
            inner.width - 2,
            3 + lanes,
        );
        Timeline {
            ctx: self.ctx,
            selected: rows.selected,
        }
        .render(area, buf);
    }
}

/// Rows the details of every event take: a heading, then per event its name, its time in
/// its zone and yours, how long since or until, its next anniversaries, and a blank row.
fn details_rows(app: &App) -> usize {
    1 + app.config.events.len() * 5
}

/// A released event's next anniversaries for the details, the first with how far off it is:
/// "5th 24 Apr 2027 (in 4mo 17d)", "6th 24 Apr 2028", …
fn next_anniversaries(
    e: &crate::config::Event,
    phase: crate::values::countdown::Phase,
    view: &crate::view::View,
    lang: Lang,
) -> Vec<String> {
    let mut next = Vec::new();
    if !e.anniversaries || phase != crate::values::countdown::Phase::Released {
        return next;
    }
    let Some((n, _)) = countdown::next_anniversary(e.at, e.zone, view.minute) else {
        return next;
    };
    for k in n..n.saturating_add(NEXT_ANNIVERSARIES) {
        if let Some(t) = countdown::anniversary(e.at, e.zone, k) {
            let date = date_year(lang, &shown_in(t, view.zone));
            let mut text = format!("{} {date}", lang.nth(k));
            if k == n {
                let left =
                    countdown::calendar_span(view.minute, t, e.zone).short_in(lang.units(), 2);
                let (before, after) = lang.status_words().until;
                text.push_str(&format!(" ({before}{left}{after})"));
            }
            next.push(text);
        }
    }
    next
}

/// Anniversaries shown per event in the details.
const NEXT_ANNIVERSARIES: u32 = 3;

impl EventsList<'_> {
    /// With room for every event's details under the list (a tall terminal): each event's
    /// time in its own zone and in yours, the time since or until it, and its next
    /// anniversaries, so the panel uses its height instead of leaving rows blank.
    fn render_details(&self, area: Rect, buf: &mut Buffer) {
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let width = area.width as usize;
        let mut lines = vec![Line::from(Span::styled(
            fit(&format!(" {}", lang.t("events-details")), width),
            theme.title(),
        ))];
        for (i, e) in app.config.events.iter().enumerate() {
            let phase = view.phases[i];
            let own = full_time(lang, &shown_in(e.at, e.zone));
            let yours = shown_in(e.at, view.zone);
            let mut when = vec![vec![Span::styled(
                format!("    {}", tba_date(e, lang).unwrap_or(own)),
                theme.dim(),
            )]];
            // Yours gives way whole on a narrow panel: the list row shows it already.
            if view.zone != e.zone {
                let text = format!(" · {} {}", lang.t("events-yours"), day_time(lang, &yours));
                when.push(vec![Span::styled(text, theme.dim())]);
            }
            let (from, to) = if e.at <= view.minute {
                (e.at, view.minute)
            } else {
                (view.minute, e.at)
            };
            let span = countdown::calendar_span(from, to, e.zone).short_in(lang.units(), 3);
            let words = lang.status_words();
            let (before, after) = words.since;
            let since = match phase {
                crate::values::countdown::Phase::Released => format!("{before}{span}{after}"),
                // Live: the list already says OUT NOW; here, since when.
                crate::values::countdown::Phase::Live => {
                    format!("{} · {before}{span}{after}", words.out_now)
                }
                _ => status_text(e, phase, view.now, lang),
            };
            let next = next_anniversaries(e, phase, view, lang);
            let name_style = if i == self.selected_index() {
                theme.bold()
            } else {
                theme.text()
            };
            lines.push(Line::from(Span::styled(
                fit(&format!("  {}", e.name), width),
                name_style,
            )));
            lines.push(groups_line(when, width));
            lines.push(groups_line(
                vec![vec![Span::styled(
                    format!("    {since}"),
                    theme.phase(phase),
                )]],
                width,
            ));
            if !next.is_empty() {
                // The later anniversaries give way whole before the next one is cut.
                let upcoming = theme.phase(crate::values::countdown::Phase::Upcoming);
                let label = format!("    {} ", lang.t("events-next"));
                let groups = next
                    .iter()
                    .enumerate()
                    .map(|(k, text)| {
                        let lead = if k == 0 { label.as_str() } else { " · " };
                        vec![Span::styled(format!("{lead}{text}"), upcoming)]
                    })
                    .collect();
                lines.push(groups_line(groups, width));
            }
            lines.push(Line::default());
        }
        for (row, line) in lines.into_iter().take(area.height as usize).enumerate() {
            line.render(Rect::new(area.x, area.y + row as u16, area.width, 1), buf);
        }
    }

    /// The selected event's index.
    fn selected_index(&self) -> usize {
        self.ctx.view.selected.as_ref().map_or(0, |s| s.index)
    }

    /// With rows to spare under the list: the next anniversaries of released events, soonest
    /// first, each with its date in the display zone and how far off it is.
    fn render_anniversaries(&self, area: Rect, buf: &mut Buffer) {
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let mut coming: Vec<(chrono::DateTime<chrono::Utc>, u32, usize)> = app
            .config
            .events
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                e.anniversaries && view.phases[*i] == crate::values::countdown::Phase::Released
            })
            .filter_map(|(i, e)| {
                countdown::next_anniversary(e.at, e.zone, view.minute).map(|(n, t)| (t, n, i))
            })
            .collect();
        if coming.is_empty() || area.height < 2 {
            return;
        }
        coming.sort();
        let width = area.width as usize;
        set_fit(
            buf,
            area.x,
            area.y,
            &format!(" {}", lang.t("events-next-anniversaries")),
            width,
            theme.title(),
        );
        for (row, (t, n, i)) in coming.iter().enumerate().take(area.height as usize - 1) {
            let e = &app.config.events[*i];
            let when = date_year(lang, &shown_in(*t, view.zone));
            // From the start of now's minute, as the timeline: this list is not redrawn on the
            // seconds in between.
            let left = countdown::calendar_span(view.minute, *t, e.zone).short_in(lang.units(), 2);
            let (before, after) = lang.status_words().until;
            let upcoming = theme.phase(crate::values::countdown::Phase::Upcoming);
            // The date, then how far off, give way before the name does.
            let line = groups_line(
                vec![
                    vec![Span::styled(
                        format!("  {} {}", e.name, lang.nth(*n)),
                        upcoming,
                    )],
                    vec![Span::styled(format!(" · {before}{left}{after}"), upcoming)],
                    vec![Span::styled(format!(" · {when}"), theme.dim())],
                ],
                width,
            );
            let y = area.y + 1 + row as u16;
            line.render(Rect::new(area.x, y, area.width, 1), buf);
        }
    }

    /// Event `i` in the list's `slot`: marker, name, status, and its time beside or under it.
    fn render_row(&mut self, rows: &Rows, i: usize, slot: usize, inner: Rect, buf: &mut Buffer) {
        let Ctx {
            app, view, theme, ..
        } = *self.ctx;
        let event = &app.config.events[i];
        let (name_w, status_w, time_w) = rows.columns;
        let phase = view.phases[i];
        let is_selected = i == rows.selected;
        let y = inner.y + (slot * rows.per) as u16;
        let row = Rect::new(inner.x, y, inner.width, rows.per as u16);
        self.hits.push((row, Hit::Event(i)));
        // Columns are written where they go rather than padded with spaces: a frame is drawn
        // every second, and blank cells cost as much to write as letters.
        let mut x = inner.x;
        let marker = if is_selected { "▶ " } else { "  " };
        put(buf, &mut x, y, marker, 2, theme.accent());
        let name_style = if is_selected {
            theme.bold()
        } else {
            theme.text()
        };
        // A name that fills its column still keeps a space before the status.
        let name = fit(&event.name, name_w.saturating_sub(1));
        put(buf, &mut x, y, &name, name_w, name_style);
        if view.seconds.events.get(i) == Some(&true) {
            // A countdown to the second: a part, drawn again each second on its own.
            let part = Part::Status {
                area: Rect::new(x, y, status_w as u16, 1).intersection(inner),
                event: i,
                style: theme.phase(phase),
                selected: is_selected.then(|| theme.selected()),
            };
            part.render(app, view, buf);
            self.parts.push(part);
            x = x.saturating_add(status_w as u16);
        } else {
            let status = status_text(event, phase, view.now, app.lang);
            put(buf, &mut x, y, &status, status_w, theme.phase(phase));
        }
        let local = shown_in(event.at, view.zone);
        let lang = self.ctx.lang;
        let tba = tba_date(event, lang);
        if time_w > 0 {
            let time = match &tba {
                Some(tba) => format!(" {tba}"),
                None => format!(" {}", row_time(lang, &local)),
            };
            put(buf, &mut x, y, &time, time_w, theme.dim());
        } else if rows.two_lines {
            let width = (inner.width as usize).saturating_sub(2);
            let mut date = tba.unwrap_or_else(|| {
                let full = full_time(lang, &local);
                if full.width() <= width {
                    full
                } else {
                    compact_time(lang, &local)
                }
            });
            if let Some(&Some((reached, all))) = view.reached.get(i) {
                let args = goals_args(lang, reached, all);
                date.push_str(&format!(" · {}", lang.t_with("events-goals-of", &args)));
            }
            buf.set_stringn(inner.x + 2, y + 1, fit(&date, width), width, theme.dim());
        }
        if is_selected {
            // One solid bar over the whole row, whatever its columns' colours.
            buf.set_style(row, theme.selected());
        }
    }
}

/// Where each event sits on the timeline: its release; once every event is out, each one's
/// next anniversary (where it has them), so the axis spreads over what is still to come
/// instead of piling the releases up years back.
fn points(app: &App, view: &crate::view::View) -> Vec<chrono::DateTime<chrono::Utc>> {
    let events = &app.config.events;
    let all_out = events.iter().all(|e| e.at < view.minute);
    events
        .iter()
        .map(|e| {
            if !all_out || !e.anniversaries {
                return e.at;
            }
            countdown::next_anniversary(e.at, e.zone, view.minute).map_or(e.at, |(_, t)| t)
        })
        .collect()
}

/// "3 of 5 goals reached · With You" for an event with several streams.
fn reached_text(
    view: &crate::view::View,
    i: usize,
    events: &[crate::config::Event],
    lang: Lang,
) -> Option<String> {
    let (reached, all) = (*view.reached.get(i)?)?;
    let name = &events.get(i)?.name;
    let mut args = goals_args(lang, reached, all).to_vec();
    args.push(("name", Arg::from(name.as_str())));
    Some(lang.t_with("events-goals-reached", &args).into_owned())
}

/// The arguments of "3 of 5 goals", numbers formatted in the language.
fn goals_args(lang: Lang, reached: usize, all: usize) -> [(&'static str, Arg); 3] {
    [
        ("reached", Arg::from(lang.count(reached as u64))),
        ("all", Arg::from(lang.count(all as u64))),
        ("count", Arg::Num(all as u64)),
    ]
}

impl Timeline<'_> {
    /// `text` beside column `x` on row `y`: to its right where it fits, else to its left.
    fn label(&self, area: Rect, x: u16, y: u16, text: &str, style: Style, buf: &mut Buffer) {
        let text = fit(text, area.width as usize / 2);
        let w = text.width() as u16;
        let nx = if x + 2 + w <= area.right() {
            x + 2
        } else {
            x.saturating_sub(w + 1).max(area.x)
        };
        buf.set_string(nx, y, &text, style);
    }
}

/// Every event on one time axis around now, in proportion: past and future, the selected one
/// marked above its tick, now on the axis, the span's ends and now labelled under it.
struct Timeline<'a> {
    /// The frame's context.
    ctx: &'a Ctx<'a>,
    /// The selected event's index.
    selected: usize,
}

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Ctx {
            app,
            view,
            theme,
            lang,
        } = *self.ctx;
        let events = &app.config.events;
        // Now moves along the axis once a minute: the frames in between redraw only seconds.
        let now = view.minute;
        let at = points(app, view);
        let first = at.iter().copied().min().unwrap_or(now).min(now);
        let last = at.iter().copied().max().unwrap_or(now).max(now);
        let span = (last - first).num_seconds().max(1) as f64;
        let w = area.width.saturating_sub(1);
        let col = |t: chrono::DateTime<chrono::Utc>| {
            let f = (t - first).num_seconds() as f64 / span;
            area.x + (f * f64::from(w)).round() as u16
        };
        let (mark, axis, labels) = (area.y, area.bottom() - 2, area.bottom() - 1);
        buf.set_string(
            area.x,
            axis,
            "─".repeat(area.width as usize),
            theme.border(),
        );
        let now_x = col(now);
        buf.set_string(now_x, axis, "┼", theme.accent());
        for (i, (e, t)) in events.iter().zip(&at).enumerate() {
            // A hollow mark is an anniversary to come, a full one the release.
            let mark = if *t == e.at { "●" } else { "○" };
            buf.set_string(col(*t), axis, mark, theme.phase(view.phases[i]));
        }
        if area.height > 3 {
            // Tall: each event on a lane of its own above the axis, spread over the rows.
            let above = area.height - 2;
            let n = events.len() as u16;
            for (i, (e, t)) in events.iter().zip(&at).enumerate() {
                let y = area.y + i as u16 * above / n.max(1);
                let x = col(*t);
                for stem in y + 1..axis {
                    buf.set_string(x, stem, "│", theme.border());
                }
                let mark = if *t == e.at { "●" } else { "○" };
                buf.set_string(x, y, mark, theme.phase(view.phases[i]));
                if i == self.selected && y + 1 < axis {
                    // The selected event's stem ends in the marker the short timeline has.
                    buf.set_string(x, axis - 1, "▼", theme.accent());
                }
                let date = date_year(lang, &shown_in(*t, view.zone));
                let style = if i == self.selected {
                    theme.bold()
                } else {
                    theme.text()
                };
                self.label(area, x, y, &format!("{} · {date}", e.name), style, buf);
            }
        } else if let (Some(e), Some(t)) = (events.get(self.selected), at.get(self.selected)) {
            let x = col(*t);
            buf.set_string(x, mark, "▼", theme.accent());
            self.label(area, x, mark, &e.name, theme.bold(), buf);
        }
        // Labels under the axis: now at its tick, the span's ends where they do not touch it.
        let zone = view.zone;
        let now_text = fit(&lang.t("events-now"), area.width as usize);
        let now_w = now_text.width() as u16;
        let nx = now_x
            .saturating_sub(now_w / 2)
            .clamp(area.x, area.right().saturating_sub(now_w));
        buf.set_string(nx, labels, now_text, theme.accent());
        let start = month_year(lang, &shown_in(first, zone));
        let end = month_year(lang, &shown_in(last, zone));
        let sw = start.width() as u16;
        let ew = end.width() as u16;
        if area.x + sw < nx {
            buf.set_string(area.x, labels, &start, theme.dim());
        }
        if start != end
            && nx + now_w + 1 < area.right().saturating_sub(ew)
            && area.x + sw < area.right() - ew
        {
            buf.set_string(area.right() - ew, labels, &end, theme.dim());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_visible() {
        assert_eq!(scroll_offset(0, 10, 5), 0);
        assert_eq!(scroll_offset(500, 30, 1000), 490);
        assert_eq!(scroll_offset(999, 30, 1000), 970);
        assert_eq!(scroll_offset(3, 0, 1000), 0);
    }
}
