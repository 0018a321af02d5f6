//! A card as SVG text: self-contained (no external reference, no script, no embedded file),
//! laid out on a 1200-unit-wide canvas whose height follows the asked size, in the dashboard's
//! palette. Pure: the same card and size give the same text.

use std::fmt::Write as _;

use ratatui::style::{Color, Style};
use unicode_width::UnicodeWidthChar;

use super::{Card, StreamCard};
use crate::lang::{Arg, Lang};
use crate::streams::rank::RankStatus;
use crate::streams::{GoalView, Status};
use crate::ui::theme::Theme;

/// The canvas width in SVG units; the height is scaled to the asked size.
const WIDTH: f64 = 1200.0;
/// Left and right margin.
const MARGIN: f64 = 60.0;
/// The fonts asked for, the bundled Latin one first, then those that have Hangul, CJK and
/// emoji where the system has them.
const FONTS: &str = "'DejaVu Sans', 'Noto Sans CJK KR', 'NanumGothic', 'Noto Sans KR', \
                     'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Color Emoji', sans-serif";
/// Korean and Japanese cards ask for a sans CJK font first: the renderer takes the first
/// family it has for a whole line, and a line of Hangul set in DejaVu would fall back glyph
/// by glyph to whatever CJK face it finds first (a serif one, here). The JP cut gives kanji
/// their Japanese shapes. Without those fonts, DejaVu as before.
const FONTS_KO: &str = "'Noto Sans CJK KR', 'NanumGothic', 'Noto Sans KR', \
                        'Apple SD Gothic Neo', 'Malgun Gothic', 'DejaVu Sans', \
                        'Noto Color Emoji', sans-serif";
const FONTS_JA: &str = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', \
                        'Noto Sans CJK KR', 'DejaVu Sans', 'Noto Color Emoji', sans-serif";
/// The card's background and its panel's (the terminal's dark, a step lighter).
const BACKGROUND: &str = "#15121c";
const PANEL: &str = "#1f1b29";
/// Plain text: data.
const TEXT: &str = "#ece8f4";

/// The hex colour an SVG uses for a terminal colour of the palette, as a dark terminal shows it.
fn hex(color: Option<Color>) -> String {
    match color {
        Some(Color::Magenta | Color::LightMagenta) => "#d670d6".into(),
        Some(Color::Green | Color::LightGreen) => "#5fd787".into(),
        Some(Color::Yellow | Color::LightYellow) => "#e5c07b".into(),
        Some(Color::Red | Color::LightRed) => "#ef6b73".into(),
        Some(Color::Cyan | Color::LightCyan) => "#56c8d8".into(),
        Some(Color::Blue | Color::LightBlue) => "#5f87d7".into(),
        Some(Color::White) => TEXT.into(),
        Some(Color::Rgb(r, g, b)) => format!("#{r:02x}{g:02x}{b:02x}"),
        Some(Color::DarkGray | Color::Gray) => "#6c6780".into(),
        _ => TEXT.into(),
    }
}

fn fg(style: Style) -> String {
    hex(style.fg)
}

/// `text` made safe inside an XML element or attribute: the five escapes, and characters
/// XML 1.0 does not allow (most control characters) left out.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` cut with "…" to about `width` units at font `size` (a column is ~0.55 em: Latin at
/// DejaVu's average advance, Hangul and emoji two columns).
pub(crate) fn fit(text: &str, size: f64, width: f64) -> String {
    let room = (width / (size * 0.55)).floor().max(1.0) as usize;
    let mut used = 0;
    let mut out = String::new();
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= room {
        return text.to_string();
    }
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Writes a `<text>` element.
fn text(out: &mut String, x: f64, y: f64, size: f64, fill: &str, extra: &str, body: &str) {
    let _ = writeln!(
        out,
        r#"<text x="{x:.0}" y="{y:.0}" font-size="{size:.0}" fill="{fill}"{extra}>{}</text>"#,
        escape(body)
    );
}

/// The card `card` as SVG, `width` x `height` pixels.
pub(crate) fn svg(card: &Card, width: u32, height: u32) -> String {
    let theme = Theme::new(true);
    let h = (f64::from(height) * WIDTH / f64::from(width.max(1))).round();
    let fonts = match card.lang {
        Lang::Ko => FONTS_KO,
        Lang::Ja => FONTS_JA,
        _ => FONTS,
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {WIDTH:.0} {h:.0}" font-family="{fonts}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="{WIDTH:.0}" height="{h:.0}" fill="{BACKGROUND}"/>"#
    );
    let accent = fg(theme.accent());
    let dim = fg(theme.dim());
    let _ = writeln!(
        out,
        r#"<rect width="{WIDTH:.0}" height="8" fill="{accent}"/>"#
    );
    let inner = WIDTH - 2.0 * MARGIN;
    text(
        &mut out,
        MARGIN,
        62.0,
        24.0,
        &dim,
        "",
        &fit(&card.title, 24.0, inner * 0.6),
    );
    let when = card.now.format("%Y-%m-%d %H:%M UTC").to_string();
    text(
        &mut out,
        WIDTH - MARGIN,
        62.0,
        24.0,
        &dim,
        r#" text-anchor="end""#,
        &when,
    );
    let name_room = if card.stream.is_some() {
        inner * 0.55
    } else {
        inner
    };
    text(
        &mut out,
        MARGIN,
        128.0,
        56.0,
        TEXT,
        r#" font-weight="bold""#,
        &fit(&card.event, 56.0, name_room),
    );
    text(
        &mut out,
        MARGIN,
        170.0,
        26.0,
        TEXT,
        "",
        &fit(&card.by, 26.0, name_room),
    );
    let bottom = h - 48.0;
    body(&mut out, card, theme, h);
    footer(&mut out, card, bottom, &dim, &accent);
    out.push_str("</svg>\n");
    out
}

/// Under the event's name: the count part (or the countdown), then the rank rows.
fn body(out: &mut String, card: &Card, theme: Theme, h: f64) {
    let accent = fg(theme.accent());
    // The rank rows take the room above the footer; the count's goal rows get the rest.
    let rows = card.ranks.len() + usize::from(card.all_kill.is_some());
    let ranks_h = (RANK_ROW * rows as f64).min((h - 358.0) / 2.0).max(0.0);
    match &card.stream {
        Some(s) => stream_part(out, s, theme, h - ranks_h),
        None if card.ranks.is_empty() => {
            let fill = &accent;
            text(
                out,
                MARGIN,
                260.0,
                64.0,
                fill,
                r#" font-weight="bold""#,
                &card.countdown,
            );
        }
        None => text(out, MARGIN, 228.0, 32.0, &accent, "", &card.countdown),
    }
    if rows > 0 {
        let top = if card.stream.is_some() {
            h - 100.0 - ranks_h
        } else {
            250.0
        };
        rank_part(out, card, theme, top, h - 80.0);
    }
}

/// The count, the window, a bar per goal and the pace.
fn stream_part(out: &mut String, s: &StreamCard, theme: Theme, h: f64) {
    let (accent, dim) = (fg(theme.accent()), fg(theme.dim()));
    let right = WIDTH - MARGIN;
    let count = fit(&s.count_text(), 48.0, 520.0);
    text(
        out,
        right,
        128.0,
        48.0,
        TEXT,
        r#" text-anchor="end" font-weight="bold""#,
        &count,
    );
    let lang = s.lang;
    let on = lang.t_with("card-on", &[("platform", Arg::from(s.platform.clone()))]);
    text(
        out,
        right,
        170.0,
        26.0,
        &dim,
        r#" text-anchor="end""#,
        &fit(&on, 26.0, 460.0),
    );
    text(
        out,
        MARGIN,
        228.0,
        32.0,
        &accent,
        r#" font-weight="bold""#,
        &s.window,
    );
    // Goal rows share the room between the window line and the footer; on a tall card what
    // is left over goes above and below them evenly, with the pace line under the last row.
    let (top, end) = (258.0, h - 100.0);
    let n = s.goals.len().max(1) as f64;
    let row = ((end - 50.0 - top) / n).clamp(20.0, 140.0);
    let size = (row * 0.3).clamp(12.0, 34.0);
    let top = top + ((end - 50.0 - top - row * n) / 2.0).max(0.0);
    let pace_y = (top + row * n + 30.0).min(end - 12.0);
    for (i, g) in s.goals.iter().enumerate() {
        let y = top + row * i as f64;
        if y + row > pace_y {
            let more = more_goals(s.lang, (s.goals.len() - i) as u64);
            text(out, MARGIN, y + size, size, &dim, "", &more);
            break;
        }
        goal_row(out, (g, s.lang), theme, y, row, size, Some(i) == s.focus);
    }
    let line = format!("{}{}", pace_words(s), needs_words(s));
    let line = fit(&line, 24.0, WIDTH - 2.0 * MARGIN);
    text(
        out,
        MARGIN,
        pace_y,
        24.0,
        &fg(theme.projection()),
        "",
        &line,
    );
}

/// "pace 180k/h over 1h · projection 3.5M at close", "final 3.3M", or why there is no pace.
fn pace_words(s: &StreamCard) -> String {
    let lang = s.lang;
    let short = |n: u64| Arg::from(lang.short(n));
    let rate = |r: f64| ("rate", Arg::from(lang.per_hour(r)));
    // The span, as on the dashboard: a pace says what it was worked out over.
    let pace = |r: f64| match s.pace_over {
        Some(d) => {
            let span = ("span", Arg::from(super::span_words(lang, d)));
            lang.t_with("card-pace-over", &[rate(r), span])
        }
        None => lang.t_with("card-pace", &[rate(r)]),
    };
    match (s.pace, s.projection, s.closed) {
        (_, Some(p), true) => lang.t_with("card-final", &[("n", short(p))]).into_owned(),
        (Some(r), Some(p), false) => format!(
            "{} · {}",
            pace(r),
            lang.t_with("card-projection", &[("n", short(p))])
        ),
        (Some(r), None, false) => pace(r).into_owned(),
        _ => lang.t("card-no-pace").into_owned(),
    }
}

/// " · needs 53.5k/h for Global top 5" while the focused goal is open, else nothing.
fn needs_words(s: &StreamCard) -> String {
    let lang = s.lang;
    s.focus_goal()
        .filter(|g| !g.reached && !s.closed)
        .and_then(|g| {
            let args = [
                ("rate", Arg::from(lang.per_hour(g.needed_per_hour?))),
                ("goal", Arg::from(g.label.clone())),
            ];
            Some(format!(" · {}", lang.t_with("card-needs-for", &args)))
        })
        .unwrap_or_default()
}

/// The height of a rank row on the card.
const RANK_ROW: f64 = 48.0;

/// A row per rank stream from `top` down to `end`: its rank and platform on the left, its
/// goals' states on the right in the first open goal's colour; then the all-kill line.
fn rank_part(out: &mut String, card: &Card, theme: Theme, top: f64, end: f64) {
    let (accent, dim) = (fg(theme.accent()), fg(theme.dim()));
    let size = 30.0;
    let mut y = top + size + 8.0;
    for (i, r) in card.ranks.iter().enumerate() {
        if y > end {
            let n = (card.ranks.len() - i) as u64;
            let args = [("n", Arg::from(card.lang.count(n))), ("count", Arg::Num(n))];
            let more = card.lang.t_with("card-more-charts", &args);
            text(out, MARGIN, y - RANK_ROW + size, 24.0, &dim, "", &more);
            return;
        }
        let head = fit(&r.head(), size, 420.0);
        text(out, MARGIN, y, size, TEXT, r#" font-weight="bold""#, &head);
        let open = r
            .goals
            .iter()
            .find(|g| g.2 != RankStatus::Reached)
            .or(r.goals.first());
        let colour = open.map_or(dim.clone(), |g| rank_colour(g.2, theme));
        let goals = fit(&r.goals_text(), 24.0, WIDTH - 2.0 * MARGIN - 460.0);
        text(
            out,
            WIDTH - MARGIN,
            y,
            24.0,
            &colour,
            r#" text-anchor="end""#,
            &goals,
        );
        y += RANK_ROW;
    }
    if let Some(kill) = card.all_kill.as_ref().filter(|_| y <= end) {
        let line = fit(kill, 26.0, WIDTH - 2.0 * MARGIN);
        text(
            out,
            MARGIN,
            y,
            26.0,
            &accent,
            r#" font-weight="bold""#,
            &line,
        );
    }
}

/// A rank state's colour, as the dashboard's rank block draws it.
fn rank_colour(status: RankStatus, theme: Theme) -> String {
    let as_count = match status {
        RankStatus::Held | RankStatus::Reached => Status::Reached,
        RankStatus::Lost | RankStatus::Missed => Status::Missed,
        RankStatus::Waiting | RankStatus::NoData => return fg(theme.dim()),
    };
    fg(theme.status(as_count))
}

/// "+3 more goals" in `lang`, for the goals a short card has no room for.
fn more_goals(lang: Lang, n: u64) -> String {
    let args = [("n", Arg::from(lang.count(n))), ("count", Arg::Num(n))];
    lang.t_with("card-more-goals", &args).into_owned()
}

/// One goal: its label and figures over a bar filled to its ratio in its status's colour.
fn goal_row(
    out: &mut String,
    (g, lang): (&GoalView, Lang),
    theme: Theme,
    y: f64,
    row: f64,
    size: f64,
    focus: bool,
) {
    let colour = match g.status {
        // A neutral status still fills its part of the bar visibly, in the panel's grey.
        Status::Waiting | Status::NoData => fg(theme.dim()),
        s => fg(theme.status(s)),
    };
    let weight = if focus { r#" font-weight="bold""# } else { "" };
    let label = fit(&g.label, size, 560.0);
    text(out, MARGIN, y + size, size, TEXT, weight, &label);
    let args = [
        ("count", Arg::from(lang.short(g.count))),
        ("target", Arg::from(lang.short(g.target))),
        ("percent", Arg::from(lang.percent(g.percent.min(999.0)))),
        ("status", Arg::from(g.status.text(lang).to_string())),
    ];
    let figures = lang.t_with("card-goal-figures", &args);
    let anchor = format!(r#" text-anchor="end"{weight}"#);
    text(
        out,
        WIDTH - MARGIN,
        y + size,
        size,
        &colour,
        &anchor,
        &figures,
    );
    let bar_y = y + size + 8.0;
    let bar_h = (row - size - 18.0).clamp(6.0, 40.0);
    let inner = WIDTH - 2.0 * MARGIN;
    let _ = writeln!(
        out,
        r#"<rect x="{MARGIN:.0}" y="{bar_y:.0}" width="{inner:.0}" height="{bar_h:.0}" rx="4" fill="{PANEL}"/>"#
    );
    let filled = (inner * g.ratio.clamp(0.0, 1.0)).round();
    if filled > 0.0 {
        let _ = writeln!(
            out,
            r#"<rect x="{MARGIN:.0}" y="{bar_y:.0}" width="{filled:.0}" height="{bar_h:.0}" rx="4" fill="{colour}"/>"#
        );
    }
}

/// The release time, the tags and the mark.
fn footer(out: &mut String, card: &Card, y: f64, dim: &str, accent: &str) {
    let args = [("when", Arg::from(card.release.clone()))];
    let release = card.lang.t_with("card-release", &args);
    text(out, MARGIN, y, 22.0, dim, "", &release);
    let tags = fit(&card.tags.join(" "), 24.0, 520.0);
    text(
        out,
        WIDTH / 2.0 + 40.0,
        y,
        24.0,
        accent,
        r#" text-anchor="middle""#,
        &tags,
    );
    text(
        out,
        WIDTH - MARGIN,
        y,
        24.0,
        accent,
        r#" text-anchor="end" font-weight="bold""#,
        "dropwatch",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_markup_out_and_drops_what_xml_forbids() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}\u{7}d"),
            "a&lt;b&gt;&amp;&quot;c&apos;d"
        );
        assert_eq!(escape("지민 💜"), "지민 💜");
    }

    #[test]
    fn fitting_counts_wide_characters_twice() {
        // 10 units at size 1 is 18 columns: "With You" fits; 10 Hangul (20 columns) do not.
        assert_eq!(fit("With You", 1.0, 10.0), "With You");
        assert_eq!(fit("가나다라마바사아자차", 1.0, 10.0), "가나다라마바사아…");
    }
}
