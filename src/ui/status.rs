//! The footer (keys, config state, the `u` prompt, notices) and the error banner. A message
//! wraps onto up to three lines and is never cut without "…".

use crate::app::keys::footer_hints;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::ctx::Ctx;
use super::fit::{fit, pad, wrap};
use crate::app::{App, Mode, Prompt};
use crate::lang::{Arg, Lang};
use crate::readings::{Skip, Warning, Why};

/// Most lines a message may take.
const MAX_LINES: usize = 3;

/// The banner's lines quoting the config error, over the last good config; none without one.
pub(crate) fn banner_lines(ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let Some(error) = ctx.app.config_error.as_ref().and_then(|e| e.first()) else {
        return Vec::new();
    };
    // The config's error stays English (it quotes the TOML); the note is the fan's.
    let note = ctx.lang.t("messages-banner-last-good");
    let full = format!("✗ {} {note}", error.one_line());
    let short = format!("✗ {}", error.one_line());
    let text_w = width.saturating_sub(2);
    // The whole message if it fits in three lines; else without the note about the config.
    let lines = match wrap(&full, text_w, MAX_LINES) {
        l if !l.last().is_some_and(|s| s.ends_with('…')) => l,
        _ => wrap(&short, text_w, MAX_LINES),
    };
    lines
        .into_iter()
        .map(|l| Line::from(Span::styled(pad(&format!(" {l}"), width), theme.error())))
        .collect()
}

/// The footer's lines: the prompt (its refusal wrapped under it), or a notice too long for
/// one line wrapped over the keys line; at most three.
pub(crate) fn footer_lines(ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let Ctx { app, theme, .. } = *ctx;
    if let Mode::Prompt(prompt) = &app.mode {
        return prompt_lines(ctx, prompt, width);
    }
    let (state, configs) = config_state(ctx);
    // The config's text shortens (path, then words) before the keys lose "? help"; a bar
    // keeps the two apart.
    let keys = footer_hints(ctx.lang);
    let fits = |config: &String, level: usize| {
        keys[level].width() + 1 + SEPARATOR.width() + config.width() + 2 <= width
    };
    let config = configs
        .iter()
        .find(|c| fits(c, 2))
        .or_else(|| configs.iter().rev().find(|c| fits(c, 3)))
        .or(configs.last())
        .cloned()
        .unwrap_or_default();
    let right_w = config.width() + 3 + SEPARATOR.width();
    let left_room = if width < 60 {
        width
    } else {
        width.saturating_sub(right_w)
    };
    let mut above: Vec<Line> = Vec::new();
    // The key table's hints, the widest that fits.
    let keys_span = |room: usize| {
        let k = keys
            .iter()
            .find(|k| k.width() <= room)
            .cloned()
            .unwrap_or_default();
        Span::styled(k, theme.dim())
    };
    let style = if app.notice.is_some() {
        theme.note()
    } else {
        theme.warn()
    };
    let left = match notice(app) {
        Some(n) if n.width() < left_room => Span::styled(format!(" {n}"), style),
        Some(n) => {
            // Too long for beside the config: its own lines over the keys.
            for l in wrap(&n, width.saturating_sub(1), MAX_LINES - 1) {
                above.push(Line::from(Span::styled(format!(" {l}"), style)));
            }
            keys_span(left_room)
        }
        None => keys_span(left_room),
    };
    if width < 60 {
        // Too narrow for the config name: keys or notice only.
        above.push(Line::from(left));
        return above;
    }
    let gap = width.saturating_sub(left.width() + right_w);
    above.push(Line::from(vec![
        left,
        Span::raw(" ".repeat(gap)),
        Span::styled(SEPARATOR, theme.border()),
        Span::styled(config, theme.dim()),
        state,
        Span::raw(" "),
    ]));
    above
}

/// The notice of the moment, else the first readings warning with how many more there are.
fn notice(app: &App) -> Option<String> {
    app.notice.clone().or_else(|| {
        let warnings = &app.readings.warnings;
        let first = warnings.first().map(|w| warning(w, app.lang));
        first.map(|w| match warnings.count() - 1 {
            0 => w,
            more => app
                .lang
                .t_with(
                    "messages-more",
                    &[
                        ("first", Arg::from(w.as_str())),
                        ("n", Arg::from(app.lang.count(more))),
                        ("count", Arg::Num(more)),
                    ],
                )
                .into_owned(),
        })
    })
}

/// A readings warning in `lang`: the file and line as they are, the frame and the common
/// reasons in words; what it quotes from the line stays quoted as it was.
fn warning(w: &Warning, lang: Lang) -> String {
    let at = Arg::from(format!("{}:{}", w.file, w.line));
    let (key, args) = match &w.skip {
        Skip::Reading(why) => {
            let why = Arg::from(reason(why, lang));
            ("messages-skipped-reading", vec![("at", at), ("why", why)])
        }
        Skip::Long(kib) => {
            let kib = Arg::from(kib.to_string());
            ("messages-skipped-long", vec![("at", at), ("kib", kib)])
        }
        Skip::Torn(aside) => {
            let aside = Arg::from(aside.as_str());
            ("messages-skipped-torn", vec![("at", at), ("aside", aside)])
        }
        Skip::CannotRead(error) => {
            let file = Arg::from(w.file.as_str());
            let error = Arg::from(error.as_str());
            (
                "messages-cannot-read",
                vec![("file", file), ("error", error)],
            )
        }
    };
    lang.t_with(key, &args).into_owned()
}

/// Why a line is no reading, in `lang`.
fn reason(why: &Why, lang: Lang) -> String {
    let (key, args) = match why {
        Why::Fields(n) => ("messages-why-fields", [("n", Arg::from(n.to_string()))]),
        Why::Source(s) => ("messages-why-source", [("source", Arg::from(s.as_str()))]),
        Why::Time(t) => ("messages-why-time", [("time", Arg::from(t.as_str()))]),
        Why::NoEvent => ("messages-why-no-event", [("n", Arg::from(""))]),
        Why::Count(c) => ("messages-why-count", [("count", Arg::from(c.as_str()))]),
    };
    let max = ("max", Arg::from(u64::MAX.to_string()));
    let [first] = args;
    lang.t_with(key, &[first, max]).into_owned()
}

/// The `u` prompt: what is counted, the input and a cursor, then the hint or the refusal
/// (beside it if it fits, else wrapped under it).
fn prompt_lines(ctx: &Ctx, prompt: &Prompt, width: usize) -> Vec<Line<'static>> {
    let Ctx { app, theme, .. } = *ctx;
    let what = app
        .config
        .streams
        .get(prompt.stream)
        .map(|s| {
            let name = app.config.event_name(&s.event);
            ctx.lang
                .t_with(
                    "messages-prompt-count-for",
                    &[
                        ("platform", Arg::from(s.platform.as_str())),
                        ("name", Arg::from(name)),
                    ],
                )
                .into_owned()
        })
        .unwrap_or_default();
    let head = fit(&format!(" {what}: "), width.saturating_sub(8).max(1));
    let mut first = vec![
        Span::styled(head, theme.bold()),
        Span::raw(prompt.input.clone()),
        Span::styled("█", theme.accent()),
    ];
    let used: usize = first.iter().map(Span::width).sum();
    let mut lines = Vec::new();
    match &prompt.error {
        Some(e) => {
            let inline = format!("  {e}");
            if used + inline.width() <= width {
                first.push(Span::styled(inline, theme.warn()));
                lines.push(Line::from(first));
            } else {
                lines.push(Line::from(first));
                for l in wrap(e, width.saturating_sub(1), MAX_LINES - 1) {
                    lines.push(Line::from(Span::styled(format!(" {l}"), theme.warn())));
                }
            }
        }
        None => {
            let hint = ["messages-prompt-keys", "messages-prompt-keys-short"]
                .into_iter()
                .map(|key| format!("  {}", ctx.lang.t(key)))
                .find(|h| used + h.width() <= width)
                .unwrap_or_default();
            first.push(Span::styled(hint, theme.dim()));
            lines.push(Line::from(first));
        }
    }
    lines
}

/// What sits between the keys and the config's state.
const SEPARATOR: &str = "│ ";

/// "config: fan.toml loaded 20:49:41 " with ✓, or "… reload failed 20:49:41 " with ✗, the
/// time by the header's clock (replayed or real) in its zone; then shorter forms of it, for
/// a narrow footer: the file name alone, without "config:", without the time.
fn config_state(ctx: &Ctx) -> (Span<'static>, Vec<String>) {
    let (state, full) = config_state_full(ctx);
    let app = ctx.app;
    let name = source_name(app, ctx.lang);
    let base = match &app.config.source {
        crate::config::Source::File(p) if p.parent().is_some_and(|d| !d.as_os_str().is_empty()) => {
            p.file_name()
                .map_or(name.clone(), |f| format!("…/{}", f.to_string_lossy()))
        }
        _ => name.clone(),
    };
    let failed = if app.config_error.is_some() {
        format!(" {}", ctx.lang.t("messages-config-reload-failed"))
    } else {
        String::new()
    };
    let mut forms = vec![
        full.clone(),
        full.replacen(&name, &base, 1),
        format!("{base}{failed} "),
    ];
    forms.dedup();
    (state, forms)
}

/// The config's name as the footer shows it: its path, or the built-in one's name.
fn source_name(app: &App, lang: Lang) -> String {
    match &app.config.source {
        crate::config::Source::Embedded => lang.t("messages-config-embedded").into_owned(),
        source => source.display(),
    }
}

/// The config's state in full (see [`config_state`]).
fn config_state_full(ctx: &Ctx) -> (Span<'static>, String) {
    let Ctx {
        app,
        view,
        theme,
        lang,
        ..
    } = *ctx;
    let at = app.load_clock.with_timezone(&view.zone).format("%H:%M:%S");
    let file = matches!(app.config.source, crate::config::Source::File(_));
    let name = lang.t_with(
        "messages-config",
        &[("name", Arg::from(source_name(app, lang)))],
    );
    let (mark, word) = if app.config_error.is_some() {
        (
            Span::styled("✗", theme.warn()),
            "messages-config-reload-failed",
        )
    } else {
        (Span::styled("✓", theme.ok()), "messages-config-loaded")
    };
    let when = match (file, app.config_error.is_some()) {
        (true, _) => format!(" {} {at}", lang.t(word)),
        (false, true) => format!(" {}", lang.t(word)),
        (false, false) => String::new(),
    };
    (mark, format!("{name}{when} "))
}

/// Message lines, one a row from the top of the area, as many as fit: the banner and the
/// footer.
pub(crate) struct MessageLines(pub(crate) Vec<Line<'static>>);

impl Widget for MessageLines {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (i, line) in self.0.into_iter().take(area.height as usize).enumerate() {
            line.render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(skip: Skip) -> Warning {
        Warning {
            file: "fan.readings.csv".into(),
            line: 3,
            skip,
        }
    }

    fn every_warning() -> Vec<Warning> {
        vec![
            at(Skip::Reading(Why::Fields(1))),
            at(Skip::Reading(Why::Source("\"bot\"".into()))),
            at(Skip::Reading(Why::Time("\"yesterday\"".into()))),
            at(Skip::Reading(Why::NoEvent)),
            at(Skip::Reading(Why::Count("\"-4\"".into()))),
            at(Skip::Long(64)),
            at(Skip::Torn("fan.readings.csv.incomplete".into())),
            at(Skip::CannotRead("Permission denied (os error 13)".into())),
        ]
    }

    #[test]
    fn english_warnings_read_as_check_prints_them() {
        for w in every_warning() {
            assert_eq!(warning(&w, Lang::En), w.to_string());
        }
    }

    #[test]
    fn a_warning_is_worded_in_the_fans_language_with_the_file_and_line_as_they_are() {
        let count = at(Skip::Reading(Why::Count("\"-4\"".into())));
        assert_eq!(
            warning(&count, Lang::Ko),
            "fan.readings.csv:3: 기록 하나 건너뜀: \"-4\": 0부터 18446744073709551615까지의 정수가 아니에요"
        );
        let empty = at(Skip::Reading(Why::NoEvent));
        assert_eq!(
            warning(&empty, Lang::Ja),
            "fan.readings.csv:3: 記録を1件スキップ: イベントが空です"
        );
        for lang in Lang::ALL.into_iter().skip(1) {
            for w in every_warning() {
                let said = warning(&w, lang);
                assert!(said.contains("fan.readings.csv"), "{said}");
                assert!(!said.contains("skipped"), "{}: {said}", lang.code());
                assert!(!said.contains("cannot read"), "{}: {said}", lang.code());
            }
        }
    }
}
