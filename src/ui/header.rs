//! The header: the config's title on the left, the clock in the display zone on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::fit::fit;
use super::parts::{CLOCK_WIDTH, Part};
use crate::values::when::shown_in;

/// The header row; its clock is a part that shows seconds, added to `parts`.
pub(crate) struct Header<'a> {
    /// The frame's context.
    pub(crate) ctx: &'a Ctx<'a>,
    /// Where the clock's part goes, for the seconds until the next full render.
    pub(crate) parts: &'a mut Vec<Part>,
}

impl Widget for Header<'_> {
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
        let local = shown_in(view.now, view.zone);
        let width = area.width as usize;
        // Longest clock first; shorter forms as the width shrinks. The date and the zone cannot
        // change within the minute, so only the time between them is drawn each second.
        let zone = local.format("%Z").to_string();
        let clocks = [
            (
                format!("{} ", lang.day_year(&local)),
                format!(" {zone}  [z] "),
            ),
            (format!("{} ", lang.day(&local)), format!(" {zone} ")),
            (String::new(), format!(" {zone} ")),
            (String::new(), " ".to_string()),
        ];
        let title = format!(" {}", app.config.title);
        let clock = clocks.into_iter().find(|(prefix, suffix)| {
            prefix.width() + CLOCK_WIDTH + suffix.width() + title.width().min(12) <= width
        });
        let clock_width = clock
            .as_ref()
            .map_or(0, |(p, s)| p.width() + CLOCK_WIDTH + s.width());
        let title_width = width.saturating_sub(clock_width + 1);
        buf.set_stringn(
            area.x,
            area.y,
            fit(&title, title_width),
            title_width,
            theme.accent(),
        );
        if let Some((prefix, suffix)) = clock {
            // The clock fits whole: the date, the time and the zone each take their width.
            let x = area.x + (width - clock_width) as u16;
            let (x, _) = buf.set_stringn(x, area.y, &prefix, prefix.width(), theme.text());
            let part = Part::Clock {
                x,
                y: area.y,
                style: theme.text(),
            };
            part.render(app, view, buf);
            self.parts.push(part);
            let x = x.saturating_add(CLOCK_WIDTH as u16);
            buf.set_stringn(x, area.y, &suffix, suffix.width(), theme.text());
        }
    }
}
