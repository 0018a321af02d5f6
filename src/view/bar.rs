//! `dropwatch bar`: a status-line feed for waybar, i3bar/swaybar, polybar and tmux. It derives
//! the same [`View`] as the dashboard, formats one line from a template, and writes a line only
//! when the text changes.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::app::App;
use crate::lang::{Arg, Lang};
use crate::streams::{GoalView, Status, StreamView, Window};
use crate::values::countdown::{self, Countdown, Phase, Target};
use crate::values::problem::Problem;
use crate::view::{Headline, View};

/// How lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line: text, tooltip, class (the phase), percentage.
    Waybar,
    /// The i3bar/swaybar JSON protocol: a header, then one array of blocks per line.
    I3bar,
    /// The text alone, for polybar's `custom/script` and tmux's `status-right`.
    Plain,
}

/// The template's fields, with what each shows: `--help` and the README list them.
pub(crate) const FIELDS: &[(&str, &str)] = &[
    ("name", "the selected event's name"),
    ("id", "its id"),
    (
        "phase",
        "upcoming, imminent, live or released, in the chosen language",
    ),
    (
        "left",
        "what its countdown says: \"in 1:02:11\", \"OUT NOW\", \"out 4y ago\"",
    ),
    ("title", "the terminal title: name and left"),
    ("count", "its stream's latest count, short (2.7M)"),
    ("goal", "the next goal not yet reached"),
    ("percent", "that goal's progress, in percent"),
    ("needed", "streams that goal still needs, short"),
    ("per_hour", "streams per hour it needs until its deadline"),
    ("window", "time left in the tracking window"),
    ("rank", "its rank stream's newest rank (#3)"),
    (
        "rank_goal",
        "its first rank goal not reached, and its state (\"#1 held 2h 10m\")",
    ),
    ("streak", "the streak held now (2h 10m)"),
    ("next_update", "time until the chart's next update (12m)"),
    ("allkill", "\"#1 on 4 of 6 charts · all-kill 2h 10m ago\""),
];

/// `--help` text listing the fields.
pub(crate) const FIELDS_HELP: &str = "Template fields: {name} the selected event's name, {id} its id, \
{phase} upcoming/imminent/live/released (values in the chosen language), {left} what its countdown says (\"in 1:02:11\", \
\"OUT NOW\"), {title} name and left, {count} its stream's count (2.7M), {goal} the next goal \
not yet reached, {percent} its progress, {needed} streams it still needs, {per_hour} streams \
per hour it needs, {window} time left in the tracking window; for rank streams {rank}, \
{rank_goal}, {streak}, {next_update}, {allkill}. {{ and }} write braces.";

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Field(&'static str),
}

/// A parsed `--template`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    parts: Vec<Part>,
}

impl Template {
    /// Parses `{field}` references; an unknown or unclosed field is a problem naming it.
    pub(crate) fn parse(text: &str) -> Result<Template, Problem> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        let fields = || {
            FIELDS
                .iter()
                .map(|(f, _)| format!("{{{f}}}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("{{") {
                literal.push('{');
                rest = after;
            } else if let Some(after) = rest.strip_prefix("}}") {
                literal.push('}');
                rest = after;
            } else if c == '{' {
                let Some(end) = rest.find('}') else {
                    return Err(Problem::new(
                        format!(
                            "--template: {} has no closing }}",
                            crate::values::text::quote(rest)
                        ),
                        format!(
                            "close the field, or write {{{{ for a brace; fields: {}",
                            fields()
                        ),
                    ));
                };
                let name = &rest[1..end];
                let Some((field, _)) = FIELDS.iter().find(|(f, _)| *f == name) else {
                    return Err(Problem::new(
                        format!("--template: unknown field {{{name}}}"),
                        format!("use one of {}", fields()),
                    ));
                };
                if !literal.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut literal)));
                }
                parts.push(Part::Field(field));
                rest = &rest[end + 1..];
            } else {
                literal.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(Template { parts })
    }

    /// Whether a field that can tick every second is used; else a line a minute suffices.
    pub(crate) fn shows_seconds(&self) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p, Part::Field("left" | "title")))
    }

    /// The template filled in from `facts`.
    pub(crate) fn fill(&self, facts: &Facts) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Field(f) => out.push_str(facts.get(f)),
            }
        }
        out
    }
}

/// Every field's value at one instant, and what goes beside the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Facts {
    values: Vec<(&'static str, String)>,
    /// The phase, for waybar's `class`.
    pub(crate) class: &'static str,
    /// The next goal's progress, 0 to 100, for waybar's `percentage`.
    pub(crate) percentage: Option<u64>,
    /// The other events and the open goals, a line each.
    pub(crate) tooltip: Vec<String>,
}

impl Facts {
    fn get(&self, field: &str) -> &str {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// The goal a fan looks at next: the first not reached whose deadline is ahead, else the first
/// not reached.
/// The goal a fan looks at next: the one the dashboard's headline pushes (the earliest
/// deadline still ahead), else the first not reached.
fn next_goal(figures: &StreamView, now: chrono::DateTime<chrono::Utc>) -> Option<&GoalView> {
    crate::view::next_goal(figures, now)
        .and_then(|i| figures.goals.get(i))
        .or_else(|| figures.goals.iter().find(|g| !g.reached))
}

/// "in 01:02:11", "OUT NOW", "out 4y 7m ago": an event's state in a few words, in `app.lang`.
fn event_state(app: &App, i: usize, phase: Phase, now: chrono::DateTime<chrono::Utc>) -> String {
    let e = &app.config.events[i];
    match phase {
        Phase::Upcoming | Phase::Imminent => until(app.lang, now, e.at, e.zone),
        Phase::Live => app.lang.status_words().out_now.to_string(),
        Phase::Released => since(app.lang, e.at, now, e.zone),
    }
}

/// "in 1:02:11", "1:02:11 후": the compact countdown to `at` with the language's words.
fn until(lang: Lang, now: DateTime<Utc>, at: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    let words = lang.status_words();
    let left = Countdown::new(now, at, zone)
        .compact()
        .in_units(lang.units());
    format!("{}{left}{}", words.until.0, words.until.1)
}

/// "out 4y 7m ago", "4년 7개월 전 공개": the time since `at`, two units.
fn since(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    let words = lang.status_words();
    let span = countdown::calendar_span(at, now, zone).short_in(lang.units(), 2);
    format!("{}{span}{}", words.since.0, words.since.1)
}

/// "6h 00m", "6시간 00분": whole hours and minutes in the language's units, the minutes always
/// shown (unlike `Lang::hours_minutes`), so `{window}` keeps its width in a status bar.
fn hours_minutes(lang: Lang, secs: u64) -> String {
    let u = lang.units();
    let (h, m) = (secs / 3600, secs % 3600 / 60);
    format!("{h}{}{}{}{m:02}{}{}", u.gap, u.hour, u.sep, u.gap, u.minute)
}

/// The facts of `view`.
pub(crate) fn facts(app: &App, view: &View) -> Facts {
    let mut facts = Facts::default();
    event_fields(app, view, &mut facts);
    stream_fields(app, view, &mut facts);
    let lead = view.lead(&app.config);
    if let Some(event) = lead.event.and_then(|i| app.config.events.get(i)) {
        facts
            .values
            .extend(super::ranks::bar_fields(app, &event.id, view.now));
    }
    facts.class = lead
        .event
        .and_then(|i| view.phases.get(i))
        .map_or("none", |p| p.as_str());
    facts.percentage = lead
        .shown
        .and_then(|i| view.streams.get(i))
        .and_then(|s| next_goal(&s.figures, view.now))
        .map(|g| g.percent.clamp(0.0, 100.0).round() as u64);
    facts.tooltip = tooltip(app, view);
    // A broken config says so where the bar can: its class and the tooltip's first line.
    if let Some(e) = app.config_error.as_ref().and_then(|e| e.first()) {
        facts.class = "error";
        // The error quotes the config, so it stays English; the words around it do not.
        let line = app
            .lang
            .t_with("bar-config-kept", &[("error", Arg::from(e.one_line()))]);
        facts.tooltip.insert(0, line.into_owned());
    }
    facts
}

/// The headline event's fields: name, id, phase, left, title.
fn event_fields(app: &App, view: &View, facts: &mut Facts) {
    let lang = app.lang;
    let mut set = |f: &'static str, v: String| facts.values.push((f, v));
    let lead = view.lead(&app.config);
    let Some((i, event)) = lead
        .event
        .and_then(|i| Some((i, app.config.events.get(i)?)))
    else {
        set("title", view.title.clone());
        return;
    };
    set("name", event.name.clone());
    set("id", event.id.clone());
    set("phase", phase_word(lang, view.phases[i]).into_owned());
    if let Headline::Push(p) = &view.headline {
        // The headline counts the window down: so does the bar.
        let zone = app.config.streams[p.stream].window_zone;
        let left = Countdown::new(view.now, p.closes, zone)
            .compact()
            .in_units(lang.units());
        let args = [("left", Arg::from(left.to_string()))];
        set(
            "left",
            lang.t_with("bar-left-in-window", &args).into_owned(),
        );
        set("title", view.title.clone());
        return;
    }
    let left = match crate::view::target(event, view.now) {
        Target::Release(t) => until(lang, view.now, t, event.zone),
        Target::Live(_) => lang.status_words().out_now.to_string(),
        Target::Anniversary(n, t) => {
            let left = Countdown::new(view.now, t, event.zone)
                .compact()
                .in_units(lang.units());
            let args = [
                ("nth", Arg::from(countdown::ordinal(n))),
                ("n", Arg::from(n.to_string())),
                ("left", Arg::from(left.to_string())),
            ];
            lang.t_with("bar-anniversary", &args).into_owned()
        }
        Target::Since(t) => since(lang, t, view.now, event.zone),
    };
    set("left", left);
    set("title", view.title.clone());
}

/// The headline stream's fields: count, window, and its next goal's.
fn stream_fields(app: &App, view: &View, facts: &mut Facts) {
    let lang = app.lang;
    let mut set = |f: &'static str, v: String| facts.values.push((f, v));
    let Some(shown) = view
        .lead(&app.config)
        .shown
        .and_then(|i| view.streams.get(i))
    else {
        return;
    };
    // A rank stream's figures are ranks: its fields are the rank ones.
    if app.config.rank(shown.index).is_some() {
        return;
    }
    let f = &shown.figures;
    set("count", lang.short(f.count));
    if let Window::Open { left_secs } = f.window {
        set("window", hours_minutes(lang, left_secs.max(0) as u64));
    }
    if let Some(g) = next_goal(f, view.now) {
        set("goal", g.label.clone());
        set("percent", lang.percent(g.percent.min(9999.0)));
        set("needed", lang.short(g.needed));
        if let Some(r) = g.needed_per_hour {
            set("per_hour", lang.per_hour(r));
        }
    }
}

/// The other events and the open goals, a line each.
fn tooltip(app: &App, view: &View) -> Vec<String> {
    let lang = app.lang;
    let mut lines = Vec::new();
    let selected = view.lead(&app.config).event;
    for (i, e) in app.config.events.iter().enumerate() {
        if Some(i) != selected {
            lines.push(format!(
                "{} {}",
                e.name,
                event_state(app, i, view.phases[i], view.now)
            ));
        }
    }
    for shown in &view.streams {
        let platform = &app.config.streams[shown.index].platform;
        for g in &shown.figures.goals {
            if g.reached || g.status == Status::Missed {
                continue;
            }
            let to_go = [("n", Arg::from(lang.short(g.needed)))];
            let mut line = format!(
                "{platform} {}: {} · {}",
                g.label,
                lang.percent(g.percent),
                lang.t_with("bar-to-go", &to_go)
            );
            if let Some(r) = g.needed_per_hour {
                line.push_str(&format!(" · {}", lang.per_hour(r)));
            }
            line.push_str(&format!(" · {}", g.status.text(app.lang)));
            lines.push(line);
        }
    }
    lines
}

/// A phase as the fan reads it in `{phase}`: "upcoming", "공개 예정". The waybar class stays
/// English, for style sheets.
fn phase_word(lang: Lang, phase: Phase) -> std::borrow::Cow<'static, str> {
    match phase {
        Phase::Upcoming => lang.t("bar-phase-upcoming"),
        Phase::Imminent => lang.t("bar-phase-imminent"),
        Phase::Live => lang.t("bar-phase-live"),
        Phase::Released => lang.t("bar-phase-released"),
    }
}

/// The line to write for `facts` in `format` (without the i3bar separator).
pub(crate) fn line(format: Format, template: &Template, facts: &Facts) -> String {
    let text = template.fill(facts);
    match format {
        Format::Plain => text,
        Format::Waybar => {
            let mut v = json!({
                "text": text,
                "tooltip": facts.tooltip.join("\n"),
                "class": facts.class,
            });
            if let Some(p) = facts.percentage {
                v["percentage"] = json!(p);
            }
            v.to_string()
        }
        Format::I3bar => json!([{ "name": "dropwatch", "full_text": text }]).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::app;

    #[test]
    fn templates_name_a_bad_field() {
        let t = Template::parse("{name} {left}").unwrap();
        assert!(t.shows_seconds());
        assert!(!Template::parse("{name} {count}").unwrap().shows_seconds());
        let e = Template::parse("{name} {lft}").unwrap_err();
        assert!(e.message.contains("unknown field {lft}"), "{e}");
        assert!(e.hint.contains("{left}"), "{e}");
        assert!(Template::parse("{name").is_err());
        let braces = Template::parse("{{x}} {id}").unwrap();
        let a = app("2022-04-24T13:00:00Z");
        assert_eq!(braces.fill(&facts(&a, &View::derive(&a))), "{x} with-you");
    }

    #[test]
    fn plain_and_waybar_an_hour_before() {
        let a = app("2022-04-24T13:00:00Z");
        let f = facts(&a, &View::derive(&a));
        let t = Template::parse("{name} {left}").unwrap();
        assert_eq!(line(Format::Plain, &t, &f), "With You in 1:00:00");
        let v: serde_json::Value = serde_json::from_str(&line(Format::Waybar, &t, &f)).unwrap();
        assert_eq!(v["text"], "With You in 1:00:00");
        assert_eq!(v["class"], "imminent");
        assert!(
            v["tooltip"].as_str().unwrap().starts_with("Proof in 46d"),
            "{v}"
        );
        let i3: serde_json::Value = serde_json::from_str(&line(Format::I3bar, &t, &f)).unwrap();
        assert_eq!(i3[0]["full_text"], "With You in 1:00:00");
    }

    #[test]
    fn the_next_goal_inside_an_open_window() {
        let mut a = app("2022-04-24T18:00:00Z");
        a.selected = Some("with-you".into());
        for (t, count) in [
            ("2022-04-24T16:00:00Z", 500_000),
            ("2022-04-24T18:00:00Z", 1_350_000),
        ] {
            a.add_reading(crate::testing::spotify(t, count));
        }
        let f = facts(&a, &View::derive(&a));
        let t = Template::parse("{goal} {percent} {needed} {per_hour} {window} {count}").unwrap();
        // 1.35M of 2.7M is 50%; 1.35M more in the 6 hours to 00:00 UTC is 225k/h.
        assert_eq!(
            line(Format::Plain, &t, &f),
            "Global top 10 50% 1.35M 225k/h 6h 00m 1.35M"
        );
        assert_eq!(f.percentage, Some(50));
    }

    /// Following automatically while With You's window is open, the dashboard's headline is
    /// the push for With You: the bar follows the same event and goal, not the selected Proof.
    #[test]
    fn the_bar_follows_the_headline() {
        let mut a = app("2022-04-24T19:00:00Z");
        a.add_reading(crate::testing::spotify("2022-04-24T18:00:00Z", 2_000_000));
        a.add_reading(crate::testing::spotify("2022-04-24T19:00:00Z", 2_900_000));
        let v = View::derive(&a);
        assert!(matches!(v.headline, Headline::Push(_)), "{v:?}");
        let f = facts(&a, &v);
        let t = Template::parse("{name} {left} {count} {goal} {percent}").unwrap();
        assert_eq!(
            line(Format::Plain, &t, &f),
            "With You 5:00:00 left in the window 2.9M Global top 5 91%"
        );
        assert!(v.title.starts_with("With You: 5:00:00 left"), "{}", v.title);
    }

    #[test]
    fn the_bar_speaks_the_fans_language() {
        let mut a = app("2022-04-24T19:00:00Z");
        a.add_reading(crate::testing::spotify("2022-04-24T18:00:00Z", 2_000_000));
        a.add_reading(crate::testing::spotify("2022-04-24T19:00:00Z", 2_900_000));
        a.lang = Lang::Ko;
        let f = facts(&a, &View::derive(&a));
        let t = Template::parse("{left} {count} {percent} {window}").unwrap();
        assert_eq!(
            line(Format::Plain, &t, &f),
            "집계 기간 5:00:00 남음 290만 91% 5시간 00분"
        );
        let tips = f.tooltip.join("\n");
        assert!(tips.contains("Proof 46일"), "{tips}");
        assert!(tips.contains("남음"), "{tips}");
        assert!(!tips.contains("to go") && !tips.contains(" in "), "{tips}");
        let mut a = app("2022-04-24T13:00:00Z");
        a.lang = Lang::Ja;
        let f = facts(&a, &View::derive(&a));
        let t = Template::parse("{name} {left} {phase}").unwrap();
        assert_eq!(line(Format::Plain, &t, &f), "With You あと1:00:00 まもなく");
    }
}
