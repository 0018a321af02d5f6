//! The `?` overlay: every key of the key table, what each goal status means and what each
//! colour means, in a box over the dimmed dashboard.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::ctx::Ctx;
use super::fit::{fit, pad, wrap};
use super::theme::Theme;
use crate::app::keys::KEYS;
use crate::streams::Status;

/// Each goal status and what it says, in the order a push goes through them.
const STATUSES: [(Status, &str); 6] = [
    (Status::Reached, "the count has reached the target"),
    (
        Status::OnPace,
        "not yet; the pace gets there by the deadline",
    ),
    (Status::Behind, "the pace falls short by the deadline"),
    (Status::Missed, "the deadline passed short of the target"),
    (Status::Waiting, "the tracking window has not opened yet"),
    (
        Status::NoData,
        "no reading inside the window: nothing to judge",
    ),
];

/// The rank goal states (`#1`, `top 10`, `#1 for 24h`), two to a row to save rows, each in
/// the colour of the count status it draws as, and what the two say.
type RankRow = ((&'static str, Status), (&'static str, Status), &'static str);
const RANK_STATUSES: [RankRow; 2] = [
    (
        ("held", Status::Reached),
        ("waiting", Status::Waiting),
        "rank goals: at the rank now (streak so far) · not yet",
    ),
    (
        ("reached", Status::Reached),
        ("lost", Status::Missed),
        "streak lasted or the rank stood at close · had it, not now",
    ),
];

/// The overlay, centred in the area it is given.
pub(crate) struct HelpOverlay<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
}

/// The colours, each with its one meaning (as `theme.rs` lists them).
fn colours(theme: Theme) -> Vec<(Style, &'static str, &'static str)> {
    vec![
        (
            theme.accent(),
            "magenta",
            "look here: the headline, panel titles, now",
        ),
        (
            theme.status(Status::OnPace),
            "green",
            "good: out now, reached, on pace, loaded",
        ),
        (
            theme.status(Status::Behind),
            "yellow",
            "soon or falling short: imminent, behind",
        ),
        (
            theme.status(Status::Missed),
            "red",
            "failed: missed, errors, a refused entry",
        ),
        (
            theme.projection(),
            "cyan",
            "ahead: upcoming events, the projection",
        ),
        (theme.rates(), "blue", "history: the streams/hour bars"),
        (
            theme.dim(),
            "grey",
            "background: borders, labels, past, waiting",
        ),
    ]
}

impl HelpOverlay<'_> {
    /// Every line of the overlay: keys, statuses, colours.
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let theme = self.ctx.theme;
        // A narrow overlay wraps what a key does under itself rather than cutting it.
        let row = |key: Span<'static>, text: &str| -> Vec<Line<'static>> {
            let indent = key.width();
            let room = width.saturating_sub(indent);
            let mut key = Some(key);
            wrap(text, room, 3)
                .into_iter()
                .map(|part| {
                    let lead = key.take().unwrap_or_else(|| Span::raw(" ".repeat(indent)));
                    Line::from(vec![lead, Span::raw(part)])
                })
                .collect()
        };
        let heading = |text: &'static str| Line::from(Span::styled(text, theme.title()));
        let mut lines = vec![heading(" Keys")];
        for b in KEYS {
            lines.extend(row(
                Span::styled(format!(" {:<17}", b.keys), theme.bold()),
                &self.ctx.lang.t(b.does),
            ));
        }
        lines.push(heading(" Goal statuses"));
        for (status, means) in STATUSES {
            lines.extend(row(
                Span::styled(
                    format!(" {}", pad(&status.text(self.ctx.lang), 17)),
                    theme.status(status),
                ),
                means,
            ));
        }
        for ((a, sa), (b, sb), means) in RANK_STATUSES {
            let pad = 17usize.saturating_sub(a.len() + b.len() + 3);
            let mut spans = vec![Span::styled(format!(" {a}"), theme.status(sa))];
            spans.push(Span::raw(" · "));
            spans.push(Span::styled(
                format!("{b}{}", " ".repeat(pad)),
                theme.status(sb),
            ));
            let key = Line::from(spans);
            let room = width.saturating_sub(key.width());
            lines.push(Line::from(
                [key.spans, vec![Span::raw(fit(means, room))]].concat(),
            ));
        }
        lines.push(heading(" Colours"));
        for (style, name, means) in colours(theme) {
            lines.extend(row(Span::styled(format!(" {name:<17}"), style), means));
        }
        let note = "The config reloads on save; see README for its keys.";
        for part in wrap(note, width.saturating_sub(1), 2) {
            lines.push(Line::from(Span::styled(format!(" {part}"), theme.dim())));
        }
        lines
    }
}

/// The furthest the help scrolls in `area`: 0 when it all fits. The loop holds the scroll
/// to it after each frame, so ↑ moves at once after a held ↓ or End.
pub(crate) fn last_top(ctx: &Ctx, area: Rect) -> usize {
    let inner_width = 80.min(area.width).saturating_sub(2) as usize;
    let total = HelpOverlay { ctx }.lines(inner_width).len();
    let room = (total + 2).min(area.height as usize).saturating_sub(2);
    if total > room && room > 1 {
        total - (room - 1)
    } else {
        0
    }
}

/// The help's last row when it scrolls: which lines show, and which way the rest lies.
fn scroll_hint(top: usize, last: usize, total: usize, theme: Theme, width: usize) -> Line<'static> {
    let shown = total - last;
    let way = match (top > 0, top < last) {
        (false, _) => "↓ more: j ↓ PgDn",
        (true, true) => "↓ more: j ↓ PgDn · ↑ k PgUp",
        (true, false) => "↑ back: k ↑ PgUp · end",
    };
    let text = format!(" {way} · lines {}–{} of {total}", top + 1, top + shown);
    Line::from(Span::styled(fit(&text, width), theme.accent()))
}

/// Dims everything already drawn in `area`, so the overlay stands out from what is behind it.
fn dim(area: Rect, buf: &mut Buffer, color: bool) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if color {
                cell.set_style(Style::new().fg(Color::DarkGray).bg(Color::Reset));
            }
            cell.modifier = Modifier::DIM;
        }
    }
}

/// A box `width` by `height` in the middle of `area`, for an overlay (help, a form).
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    popup
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        dim(area, buf, self.ctx.app.color);
        let width = 80.min(area.width);
        let inner_width = width.saturating_sub(2) as usize;
        let mut lines = self.lines(inner_width);
        let height = (lines.len() as u16 + 2).min(area.height);
        let room = height.saturating_sub(2) as usize;
        if lines.len() > room && room > 1 {
            // Too tall: a window onto the lines that ↓ ↑ PgDn PgUp move, and a last row that
            // says where it is and how to see the rest.
            let shown = room - 1;
            let last = lines.len() - shown;
            let top = self.ctx.app.help_scroll.min(last);
            let mut window: Vec<Line> = lines.drain(top..top + shown).collect();
            window.push(scroll_hint(
                top,
                last,
                lines.len() + shown,
                theme,
                inner_width,
            ));
            lines = window;
        }
        let popup = centered(area, width, height);
        // A blank margin around the box, so no half-word behind it touches its border.
        let margin = Rect::new(
            popup.x.saturating_sub(1),
            popup.y,
            popup.width.saturating_add(2),
            popup.height,
        )
        .intersection(area);
        Clear.render(margin, buf);
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .title(Span::styled(" dropwatch · help ", theme.title()))
                    .border_style(theme.accent()),
            )
            .render(popup, buf);
    }
}
