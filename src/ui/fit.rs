//! Text cut, padded and wrapped to a width in columns, never cut without "…". Every panel
//! writes through these, so they sit apart from the panels and from `draw`.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `text` to at most `width` columns, ending in "…" when cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // One column is kept for the "…".
    format!("{}…", &text[..cut_at(text, width - 1)])
}

/// `text` word-wrapped to `width` columns on at most `max_lines` lines; what does not fit ends
/// the last line with "…", so nothing is cut without saying so. A word longer than a line is
/// broken where the line ends.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let words = text.split(' ').filter(|w| !w.is_empty());
    let mut rest_from: Option<usize> = None;
    let mut consumed = 0;
    for word in words {
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            consumed += 1;
            continue;
        }
        let mut w = word;
        // A word longer than a line is broken anyway, so it begins where this line has room:
        // Korean and Japanese sentences run long between spaces.
        let room = width.saturating_sub(line.width() + 1);
        if w.width() > width && !line.is_empty() && cut_at(w, room) > 0 {
            let cut = cut_at(w, room);
            line.push(' ');
            line.push_str(&w[..cut]);
            w = &w[cut..];
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            if lines.len() == max_lines {
                rest_from = Some(consumed);
                break;
            }
        }
        // The word starts a line; longer than the line, it is broken.
        while w.width() > width {
            let cut = cut_at(w, width);
            if cut == 0 {
                break;
            }
            lines.push(w[..cut].to_string());
            w = &w[cut..];
            if lines.len() == max_lines {
                break;
            }
        }
        if lines.len() == max_lines {
            rest_from = Some(consumed);
            break;
        }
        line = w.to_string();
        consumed += 1;
    }
    if rest_from.is_none() && !line.is_empty() {
        lines.push(line);
    } else if rest_from.is_some()
        && let Some(last) = lines.last_mut()
    {
        // More text than lines: the last line says so.
        let cut = fit(&format!("{last} …"), width);
        *last = if cut.ends_with('…') {
            cut
        } else {
            fit(&format!("{last}…"), width)
        };
    }
    lines
}

/// The byte length of the longest start of `word` within `width` columns.
fn cut_at(word: &str, width: usize) -> usize {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let cw = c.width().unwrap_or(0);
        if used + cw > width {
            return i;
        }
        used += cw;
    }
    word.len()
}

/// `text` padded with spaces (or cut) to exactly `width` columns.
pub(crate) fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let w = cut.width();
    format!("{cut}{}", " ".repeat(width.saturating_sub(w)))
}

/// Writes `text` cut to `width` columns, ending in "…" when cut, as `set_stringn` of
/// [`fit`] would, without making the cut string.
pub(crate) fn set_fit(buf: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
    if text.width() <= width {
        buf.set_stringn(x, y, text, width, style);
        return;
    }
    if width == 0 {
        return;
    }
    let end = cut_at(text, width - 1);
    // Columns as `cut_at` counted them, char by char.
    let used = text[..end].chars().map(|c| c.width().unwrap_or(0)).sum();
    let (x, _) = buf.set_stringn(x, y, &text[..end], used, style);
    buf.set_stringn(x, y, "…", width - used, style);
}

/// Spans while they fit `width`; the first span that does not is cut with "…" and ends it.
pub(crate) fn fit_line(spans: Vec<Span<'_>>, width: usize) -> Line<'_> {
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
pub(crate) fn groups_line<'a>(groups: Vec<Vec<Span<'a>>>, width: usize) -> Line<'a> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn fit_and_pad_count_columns() {
        assert_eq!(fit("With You", 20), "With You");
        assert_eq!(fit("With You", 5), "With…");
        assert_eq!(fit("지민 하성운", 5), "지민…");
        assert_eq!(pad("💜", 4), "💜  ");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_says_when_it_cuts() {
        assert_eq!(wrap("one two three", 7, 3), ["one two", "three"]);
        assert_eq!(wrap("one two three four", 7, 2), ["one two", "three …"]);
        assert_eq!(wrap("abcdefghij", 4, 3), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("abcdefghij", 4, 2), ["abcd", "efg…"]);
        assert_eq!(wrap("", 4, 2), Vec::<String>::new());
        // A word that must be broken begins on the line that has room for part of it.
        assert_eq!(wrap("ab cdefghij", 5, 3), ["ab cd", "efghi", "j"]);
        assert_eq!(
            wrap("\"abc\" は数ではありません", 12, 3),
            ["\"abc\" は数で", "はありません"]
        );
        assert_eq!(wrap("abcd efghij", 5, 3), ["abcd", "efghi", "j"]);
    }

    #[test]
    fn set_fit_cuts_as_fit_does() {
        for (text, width) in [
            ("in 01:02:11", 17),
            ("in 46d 15:00:00", 9),
            ("지민 하성운", 5),
            ("abc", 0),
            ("abc", 1),
        ] {
            let area = Rect::new(0, 0, 20, 1);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            set_fit(&mut ours, 1, 0, text, width, Style::new());
            theirs.set_stringn(1, 0, fit(text, width), width, Style::new());
            assert_eq!(ours, theirs, "{text:?} in {width}");
        }
    }
}
