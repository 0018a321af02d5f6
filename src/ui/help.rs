//! The `?` overlay: every key of the key table, what each goal status means and what each
//! colour means, in a box over the dimmed dashboard.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::ctx::Ctx;
use super::fit::{fit, wrap};
use super::theme::Theme;
use crate::app::keys::{Action, KEYS};
use crate::lang::Arg;
use crate::streams::Status;

/// Each goal status and the text key of what it says, in the order a push goes through them.
const STATUSES: [(Status, &str); 6] = [
    (Status::Reached, "help-means-reached"),
    (Status::OnPace, "help-means-on-pace"),
    (Status::Behind, "help-means-behind"),
    (Status::Missed, "help-means-missed"),
    (Status::Waiting, "help-means-waiting"),
    (Status::NoData, "help-means-no-data"),
];

/// The rank goal states (`#1`, `top 10`, `#1 for 24h`), two to a row to save rows, each in
/// the colour of the count status it draws as, and what the two say (text keys).
type RankRow = ((&'static str, Status), (&'static str, Status), &'static str);
const RANK_STATUSES: [RankRow; 2] = [
    (
        ("help-rank-held", Status::Reached),
        ("status-waiting", Status::Waiting),
        "help-means-rank-now",
    ),
    (
        ("status-reached", Status::Reached),
        ("help-rank-lost", Status::Missed),
        "help-means-rank-end",
    ),
];

/// The overlay, centred in the area it is given.
pub(crate) struct HelpOverlay<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
}

/// The colours, each with the text keys of its name and its one meaning (as `theme.rs`
/// lists them).
fn colours(theme: Theme) -> [(Style, &'static str, &'static str); 7] {
    [
        (theme.accent(), "help-colour-magenta", "help-means-magenta"),
        (
            theme.status(Status::OnPace),
            "help-colour-green",
            "help-means-green",
        ),
        (
            theme.status(Status::Behind),
            "help-colour-yellow",
            "help-means-yellow",
        ),
        (
            theme.status(Status::Missed),
            "help-colour-red",
            "help-means-red",
        ),
        (theme.projection(), "help-colour-cyan", "help-means-cyan"),
        (theme.rates(), "help-colour-blue", "help-means-blue"),
        (theme.dim(), "help-colour-grey", "help-means-grey"),
    ]
}

/// The narrowest terminal that lays the help out in two columns when one does not fit.
const TWO_COLUMNS: u16 = 110;
/// The widest the two-column box grows, so a very wide terminal keeps its lines together.
const TWO_COLUMNS_MAX: u16 = 160;
/// Between the two columns: a space and a rule (each right line starts with its own space).
const GUTTER: &str = " │";
/// The gutter's width in columns.
const GUTTER_WIDTH: usize = 2;
/// The narrowest the right column of two gets.
const RIGHT_MIN: usize = 30;
/// The least width of the cells (after a leading space) in a column as wide as the 80-column
/// box, so the usual help lines its meanings up in one place.
const CELL: usize = 17;

/// One group of rows: a key or status cell and what it means.
struct Group {
    /// The heading above the rows, if any.
    heading: Option<String>,
    /// Each cell (unpadded) and its meaning.
    rows: Vec<(Line<'static>, String)>,
}

/// What the overlay says, before it is laid out in a width.
struct Help {
    /// The keys, the goal statuses, the rank states and the colours, in that order.
    groups: Vec<Group>,
    /// The closing note.
    note: String,
}

/// `groups` in `width` columns, each meaning wrapped under itself beside its cell rather than
/// cut. A column narrower than the usual box gives its cells only the room their widest needs.
fn lay(groups: &[Group], width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for group in groups {
        if let Some(heading) = &group.heading {
            lines.push(Line::from(Span::styled(
                format!(" {heading}"),
                theme.title(),
            )));
        }
        let widest = group.rows.iter().map(|(c, _)| c.width()).max().unwrap_or(0);
        let cell = if width + 2 >= 80 {
            CELL.max(widest + 2)
        } else {
            widest + 2
        };
        for (key, means) in &group.rows {
            let mut key = key.clone();
            key.spans.insert(0, Span::raw(" "));
            key.spans
                .push(Span::raw(" ".repeat(cell.saturating_sub(key.width() - 1))));
            let indent = key.width();
            let mut key = Some(key);
            for part in wrap(means, width.saturating_sub(indent), 4) {
                let mut lead = key.take().unwrap_or_else(|| " ".repeat(indent).into());
                lead.spans.push(Span::raw(part));
                lines.push(lead);
            }
        }
    }
    lines
}

/// The widest of `lines`, in columns.
fn widest(lines: &[Line]) -> usize {
    lines.iter().map(Line::width).max().unwrap_or(0)
}

impl Help {
    /// The note in `width` columns, dimmed.
    fn note(&self, width: usize, theme: Theme) -> Vec<Line<'static>> {
        wrap(&self.note, width.saturating_sub(1), 4)
            .into_iter()
            .map(|part| Line::from(Span::styled(format!(" {part}"), theme.dim())))
            .collect()
    }

    /// Everything in one column `width` wide.
    fn one_column(&self, width: usize, theme: Theme) -> Vec<Line<'static>> {
        let mut lines = lay(&self.groups, width, theme);
        lines.extend(self.note(width, theme));
        lines
    }

    /// Two columns in `inner` columns and `room` rows, if they fit: the groups fill the left
    /// column in order at their full width (so a key's line stays whole), the rest and the
    /// note go on the right in what is left, wrapped.
    fn two_columns(&self, inner: usize, room: usize, theme: Theme) -> Option<Vec<Line<'static>>> {
        let most = inner.checked_sub(GUTTER_WIDTH + RIGHT_MIN)?;
        (1..self.groups.len()).rev().find_map(|split| {
            let left = lay(&self.groups[..split], most, theme);
            let width = widest(&left);
            let right_width = inner - GUTTER_WIDTH - width;
            let mut right = lay(&self.groups[split..], right_width, theme);
            right.extend(self.note(right_width, theme));
            (left.len().max(right.len()) <= room).then(|| side_by_side(left, width, right, theme))
        })
    }
}

/// Two columns joined row by row, the left one padded to `width` columns.
fn side_by_side(
    left: Vec<Line<'static>>,
    width: usize,
    right: Vec<Line<'static>>,
    theme: Theme,
) -> Vec<Line<'static>> {
    let rows = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..rows)
        .map(|_| {
            let mut line = left.next().unwrap_or_default();
            let fill = width.saturating_sub(line.width());
            line.spans.push(Span::raw(" ".repeat(fill)));
            line.spans.push(Span::styled(GUTTER, theme.dim()));
            line.spans.extend(right.next().unwrap_or_default().spans);
            line
        })
        .collect()
}

impl HelpOverlay<'_> {
    /// What the overlay says in the frame's language.
    fn help(&self) -> Help {
        let (theme, lang) = (self.ctx.theme, self.ctx.lang);
        let t = |key: &str| lang.t(key).into_owned();
        let keys = KEYS
            .iter()
            .map(|b| {
                // Keys are named as the keyboard labels them; a click is a word.
                let name = match b.action {
                    Action::Click => t("help-keys-click"),
                    _ => b.keys.to_string(),
                };
                (Line::from(Span::styled(name, theme.bold())), t(b.does))
            })
            .collect();
        let statuses = STATUSES
            .iter()
            .map(|&(status, means)| {
                let cell = Span::styled(status.text(lang).into_owned(), theme.status(status));
                (Line::from(cell), t(means))
            })
            .collect();
        let ranks = RANK_STATUSES
            .iter()
            .map(|&((a, sa), (b, sb), means)| {
                let cell = Line::from(vec![
                    Span::styled(t(a), theme.status(sa)),
                    Span::raw(" · "),
                    Span::styled(t(b), theme.status(sb)),
                ]);
                (cell, t(means))
            })
            .collect();
        let colours = colours(theme)
            .into_iter()
            .map(|(style, name, means)| (Line::from(Span::styled(t(name), style)), t(means)))
            .collect();
        let group = |heading: Option<&str>, rows| Group {
            heading: heading.map(t),
            rows,
        };
        Help {
            groups: vec![
                group(Some("help-heading-keys"), keys),
                group(Some("help-heading-statuses"), statuses),
                group(None, ranks),
                group(Some("help-heading-colours"), colours),
            ],
            note: t("help-note"),
        }
    }

    /// The box's width and its lines in `area`: one column when it fits or the terminal is
    /// narrow, two side by side when one is too tall for a wide terminal, and one column
    /// again (that scrolls) when even two do not fit.
    fn layout(&self, area: Rect) -> (u16, Vec<Line<'static>>) {
        let theme = self.ctx.theme;
        let help = self.help();
        let width = 80.min(area.width);
        let one = help.one_column(width.saturating_sub(2) as usize, theme);
        let room = area.height.saturating_sub(2) as usize;
        if one.len() <= room || area.width < TWO_COLUMNS {
            return (width, one);
        }
        // A blank column each side of the box, and its two borders.
        let inner = TWO_COLUMNS_MAX.min(area.width).saturating_sub(4);
        match help.two_columns(inner as usize, room, theme) {
            Some(two) => ((widest(&two) + 2) as u16, two),
            None => (width, one),
        }
    }
}

/// The furthest the help scrolls in `area`: 0 when it all fits. The loop holds the scroll
/// to it after each frame, so ↑ moves at once after a held ↓ or End.
pub(crate) fn last_top(ctx: &Ctx, area: Rect) -> usize {
    let total = HelpOverlay { ctx }.layout(area).1.len();
    let room = (total + 2).min(area.height as usize).saturating_sub(2);
    if total > room && room > 1 {
        total - (room - 1)
    } else {
        0
    }
}

/// The help's last row when it scrolls: which lines show, and which way the rest lies.
fn scroll_hint(top: usize, last: usize, total: usize, ctx: &Ctx, width: usize) -> Line<'static> {
    let lang = ctx.lang;
    let shown = total - last;
    let way = match (top > 0, top < last) {
        (false, _) => "help-scroll-down",
        (true, true) => "help-scroll-both",
        (true, false) => "help-scroll-end",
    };
    let n = |n: usize| Arg::from(lang.count(n as u64));
    let lines = lang.t_with(
        "help-scroll-lines",
        &[
            ("from", n(top + 1)),
            ("to", n(top + shown)),
            ("total", n(total)),
        ],
    );
    let text = format!(" {} · {lines}", lang.t(way));
    Line::from(Span::styled(fit(&text, width), ctx.theme.accent()))
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
        let (width, mut lines) = self.layout(area);
        let inner_width = width.saturating_sub(2) as usize;
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
                self.ctx,
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
                    .title(Span::styled(
                        format!(" {} ", self.ctx.lang.t("help-title")),
                        theme.title(),
                    ))
                    .border_style(theme.accent()),
            )
            .render(popup, buf);
    }
}
