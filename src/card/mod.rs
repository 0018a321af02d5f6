//! Share cards: what a fan posts. [`Card`] gathers the figures from the same [`View`] the
//! dashboard reads; `svg` draws them as self-contained SVG text, `png` rasterizes that SVG
//! in-process, `save` writes a card where it may go and nowhere else. The card sits after `ui`
//! so it reads the dashboard's palette from `ui::theme` rather than a copy of it.

pub(crate) mod png;
pub(crate) mod save;
pub(crate) mod svg;

use chrono::{DateTime, Utc};

use crate::app::App;
use crate::lang::{Arg, Lang};
use crate::streams::rank::RankStatus;
use crate::streams::{GoalView, Window};
use crate::values::countdown::{self, Countdown, Target};
use crate::values::when::shown_in;
use crate::view::{self, Headline, View, ranks};

/// The card's size when none is asked for: a landscape post.
pub(crate) const DEFAULT_SIZE: (u32, u32) = (1200, 675);

/// The smallest and largest side a card may have, in pixels: a bound on the pixmap's memory.
pub(crate) const SIDES: std::ops::RangeInclusive<u32> = 64..=4096;

/// A size written "1200x675": each side from 64 to 4096 pixels.
pub(crate) fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let bad = || {
        format!(
            "size {} is not WIDTHxHEIGHT with each side from {} to {}; write e.g. --size 1200x675 or --size 1080x1080",
            crate::values::text::quote(text),
            SIDES.start(),
            SIDES.end()
        )
    };
    let (w, h) = text.trim().split_once(['x', 'X']).ok_or_else(bad)?;
    let side = |s: &str| s.trim().parse::<u32>().ok().filter(|n| SIDES.contains(n));
    Ok((side(w).ok_or_else(bad)?, side(h).ok_or_else(bad)?))
}

/// Everything a card shows, as text and figures: one moment of one event and, when it has
/// streams, one of them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Card {
    /// The language of its words, dates and numbers: the state's.
    pub(crate) lang: Lang,
    /// The config's title ("ARMY release watch 💜").
    pub(crate) title: String,
    /// The event's id (for file names).
    pub(crate) event_id: String,
    /// The event's name.
    pub(crate) event: String,
    /// Who, and the note, joined by " · ".
    pub(crate) by: String,
    /// The release time in the event's zone, e.g. "Sun 24 Apr 2022 23:00 KST".
    pub(crate) release: String,
    /// The stream shown, if the event has any.
    pub(crate) stream: Option<StreamCard>,
    /// Without a stream: the countdown, e.g. "out in 1:02:11" or "out 4y 7m ago".
    pub(crate) countdown: String,
    /// The event's rank streams, in config order.
    pub(crate) ranks: Vec<RankCard>,
    /// The event's all-kill line, when it has two or more rank streams: "#1 on 4 of 6 charts ·
    /// all-kill 2h 10m ago".
    pub(crate) all_kill: Option<String>,
    /// The config's hashtags.
    pub(crate) tags: Vec<String>,
    /// The moment shown.
    pub(crate) now: DateTime<Utc>,
}

/// The stream part of a card.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StreamCard {
    /// The language of its words (statuses), the state's.
    pub(crate) lang: Lang,
    /// Platform name.
    pub(crate) platform: String,
    /// The count now.
    pub(crate) count: u64,
    /// The word the count is in.
    pub(crate) unit: String,
    /// Each goal's figures.
    pub(crate) goals: Vec<GoalView>,
    /// Index into `goals` of the goal the card speaks of: the next one still open, else the
    /// highest reached, else the first.
    pub(crate) focus: Option<usize>,
    /// Where the window stands: "4h 59m left", "window closed", "window opens in 2h 00m".
    pub(crate) window: String,
    /// The short time left for the one-line text ("4h59m left"), while the window is open.
    pub(crate) left: Option<String>,
    /// Streams per hour lately.
    pub(crate) pace: Option<f64>,
    /// The span of readings the pace was worked out over.
    pub(crate) pace_over: Option<chrono::TimeDelta>,
    /// The count at the window's end: projected, or final once closed.
    pub(crate) projection: Option<u64>,
    /// The window has closed: the projection is the final count.
    pub(crate) closed: bool,
}

/// A rank stream on a card: its rank now and where each of its goals stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RankCard {
    /// The language of its words.
    pub(crate) lang: Lang,
    /// Platform name.
    pub(crate) platform: String,
    /// The newest rank in the window.
    pub(crate) current: Option<u64>,
    /// Each goal: its label, its state in words ("held 2h 10m", "lost"), and the state.
    pub(crate) goals: Vec<(String, String, RankStatus)>,
}

impl RankCard {
    /// "#3 on Melon", "no rank yet on Melon".
    pub(crate) fn head(&self) -> String {
        let platform = ("platform", Arg::from(self.platform.clone()));
        match self.current {
            Some(r) => {
                let args = [("rank", Arg::from(r.to_string())), platform];
                self.lang.t_with("card-rank-head", &args).into_owned()
            }
            None => self.lang.t_with("card-rank-none", &[platform]).into_owned(),
        }
    }

    /// "#1 lost · #1 for 3h held 1h 0m".
    pub(crate) fn goals_text(&self) -> String {
        self.goals
            .iter()
            .map(|(label, state, _)| format!("{label} {state}"))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The rank streams of `event` at `now`, in config order, and its all-kill line.
fn rank_cards(app: &App, event: &str, now: DateTime<Utc>) -> (Vec<RankCard>, Option<String>) {
    let cards = (0..app.config.streams.len())
        .filter(|&i| app.config.streams[i].event == event)
        .filter_map(|i| {
            let shown = ranks::rank_shown(app, i, now)?;
            Some(RankCard {
                lang: app.lang,
                platform: app.config.streams[i].platform.clone(),
                current: shown.current,
                goals: shown
                    .goals
                    .iter()
                    .map(|(label, _, v)| (label.clone(), ranks::status_text(v, app.lang), v.status))
                    .collect(),
            })
        })
        .collect();
    let kill = ranks::all_kill_of(app, event, now).map(|k| ranks::all_kill_line(&k, now, app.lang));
    (cards, kill)
}

impl Card {
    /// The card of what `view` shows: the stream `stream` (an index into `config.streams`)
    /// when the view has it, else the stream the headline pushes, else the selected event's
    /// first stream, else the selected event alone; `None` without any event.
    pub(crate) fn of(app: &App, view: &View, stream: Option<usize>) -> Option<Card> {
        let config = &app.config;
        let pushed = match &view.headline {
            Headline::Push(p) => Some(p.stream),
            Headline::Countdown => None,
        };
        let selected = view.event(config);
        // A rank stream has no count to put on the card: it goes in the ranks below.
        let counts = || {
            view.streams
                .iter()
                .filter(|s| config.rank(s.index).is_none())
        };
        let shown = counts()
            .find(|s| stream.is_some() && Some(s.index) == stream)
            .or_else(|| counts().find(|s| Some(s.index) == pushed))
            .or_else(|| {
                let id = &selected?.id;
                counts().find(|s| &config.streams[s.index].event == id)
            });
        // The stream asked for, or the pushed one, names the event even when it is a rank
        // stream.
        let named = [stream, pushed]
            .into_iter()
            .flatten()
            .find(|i| view.streams.iter().any(|s| s.index == *i))
            .and_then(|i| config.streams.get(i));
        let event = match (shown, named) {
            (Some(s), _) => config.event(&config.streams[s.index].event)?,
            (None, Some(s)) => config.event(&s.event)?,
            (None, None) => selected?,
        };
        let now = view.now;
        let (ranks, all_kill) = rank_cards(app, &event.id, now);
        let stream_card = shown.map(|s| {
            let platform = config.streams[s.index].platform.clone() + &config.sum_text(s.index);
            let unit = config.streams[s.index].unit.clone();
            stream_card(app.lang, platform, unit, &s.figures, now)
        });
        let by = [event.by.as_str(), event.note.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        let local = shown_in(event.at, event.zone);
        let release = format!("{} {}", app.lang.day_year(&local), local.format("%H:%M %Z"));
        Some(Card {
            lang: app.lang,
            title: config.title.clone(),
            event_id: event.id.clone(),
            event: event.name.clone(),
            by,
            release,
            stream: stream_card,
            countdown: countdown_words(app.lang, event, now),
            ranks,
            all_kill,
            tags: config.cards.tags.clone(),
            now,
        })
    }

    /// The card as one line to paste: "With You · 2.88M of 3.2M Global top 5 · 90% · 4h59m
    /// left · needs 64k/h #WithYou".
    pub(crate) fn text(&self) -> String {
        let mut parts = vec![self.event.clone()];
        match &self.stream {
            Some(s) => parts.extend(s.text_parts()),
            None if self.ranks.is_empty() => parts.push(self.countdown.clone()),
            None => {}
        }
        for r in &self.ranks {
            parts.push(format!("{} ({})", r.head(), r.goals_text()));
        }
        parts.extend(self.all_kill.clone());
        let mut line = parts.join(" · ");
        for tag in &self.tags {
            line.push(' ');
            line.push_str(tag);
        }
        line
    }
}

impl StreamCard {
    /// The goal the card speaks of.
    pub(crate) fn focus_goal(&self) -> Option<&GoalView> {
        self.goals.get(self.focus?)
    }

    /// "2.88M of 3.2M Global top 5", "90%", "4h59m left", "needs 64k/h".
    fn text_parts(&self) -> Vec<String> {
        let lang = self.lang;
        let Some(g) = self.focus_goal() else {
            return vec![format!("{} {}", lang.short(self.count), self.unit)];
        };
        let of = [
            ("count", Arg::from(lang.short(g.count))),
            ("target", Arg::from(lang.short(g.target))),
            ("goal", Arg::from(g.label.clone())),
        ];
        let mut parts = vec![
            lang.t_with("card-of-goal", &of).into_owned(),
            lang.percent(g.percent.min(999.0)),
        ];
        if g.reached {
            parts.push(lang.t("status-reached").into_owned());
        }
        if self.closed {
            let n = lang.short(self.projection.unwrap_or(self.count));
            parts.push(
                lang.t_with("card-final", &[("n", Arg::from(n))])
                    .into_owned(),
            );
        } else if let Some(left) = &self.left {
            parts.push(left.clone());
        }
        if let Some(rate) = g.needed_per_hour.filter(|_| !g.reached) {
            let args = [("rate", Arg::from(lang.per_hour(rate)))];
            parts.push(lang.t_with("card-needs", &args).into_owned());
        }
        parts
    }

    /// "2,880,000 streams".
    pub(crate) fn count_text(&self) -> String {
        format!("{} {}", self.lang.count(self.count), self.unit)
    }
}

/// The stream part of a card from its figures at `now`.
fn stream_card(
    lang: Lang,
    platform: String,
    unit: String,
    figures: &crate::streams::StreamView,
    now: DateTime<Utc>,
) -> StreamCard {
    let focus = crate::streams::next_goal(figures, now)
        .or_else(|| {
            figures
                .goals
                .iter()
                .enumerate()
                .filter(|(_, g)| g.reached)
                .max_by_key(|(_, g)| g.target)
                .map(|(i, _)| i)
        })
        .or_else(|| (!figures.goals.is_empty()).then_some(0));
    let words = |key: &str, secs: i64| {
        let args = [("left", Arg::from(hours_minutes(lang, secs, " ")))];
        lang.t_with(key, &args).into_owned()
    };
    let (window, left, closed) = match figures.window {
        Window::Opens { in_secs } => (words("card-window-opens", in_secs), None, false),
        Window::Open { left_secs } => {
            let args = [("left", Arg::from(hours_minutes(lang, left_secs, "")))];
            let left = lang.t_with("card-left", &args).into_owned();
            (words("card-window-left", left_secs), Some(left), false)
        }
        Window::Closed { .. } => (lang.t("card-window-closed").into_owned(), None, true),
    };
    StreamCard {
        lang,
        platform,
        count: figures.count,
        unit,
        goals: figures.goals.clone(),
        focus,
        window,
        left,
        pace: figures.pace,
        pace_over: figures.pace_over,
        projection: figures.projection,
        closed,
    }
}

/// "4h 59m" (with `sep` " ") or "4h59m"; "2d 3h" beyond a day; other languages in their
/// units with their own spacing ("4시간 59분", "4時間59分"), whatever `sep`.
pub(crate) fn hours_minutes(lang: Lang, secs: i64, sep: &str) -> String {
    let secs = secs.max(0);
    let u = lang.units();
    let (sep, gap) = if lang == Lang::En {
        (sep, "")
    } else {
        (u.sep, u.gap)
    };
    if secs >= 86_400 {
        let (d, h) = (secs / 86_400, secs % 86_400 / 3600);
        format!("{d}{gap}{}{sep}{h}{gap}{}", u.day, u.hour)
    } else {
        let (h, m) = (secs / 3600, secs % 3600 / 60);
        format!("{h}{gap}{}{sep}{m:02}{gap}{}", u.hour, u.minute)
    }
}

/// A pace's span: "1h", "45m", "1h 05m"; "1시간 05분" in Korean. (A private stand-in until
/// the language layer has one of its own.)
pub(crate) fn span_words(lang: Lang, span: chrono::TimeDelta) -> String {
    if lang == Lang::En {
        return crate::values::text::hours_minutes(span);
    }
    let u = lang.units();
    let minutes = span.num_minutes().max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}{}{}", u.gap, u.minute),
        (h, 0) => format!("{h}{}{}", u.gap, u.hour),
        (h, m) => format!("{h}{}{}{}{m:02}{}{}", u.gap, u.hour, u.sep, u.gap, u.minute),
    }
}

/// The event's countdown in words: "out in 1:02:11", "OUT NOW", "out 4y 7m ago".
fn countdown_words(lang: Lang, event: &crate::config::Event, now: DateTime<Utc>) -> String {
    let words = lang.status_words();
    match view::target(event, now) {
        Target::Release(t) => {
            let left = Countdown::new(now, t, event.zone)
                .compact()
                .in_units(lang.units());
            let args = [("left", Arg::from(left.to_string()))];
            lang.t_with("card-out-in", &args).into_owned()
        }
        Target::Live(_) => words.out_now.to_string(),
        Target::Anniversary(..) | Target::Since(_) => {
            let span = countdown::calendar_span(event.at, now, event.zone);
            let span = span.short_in(lang.units(), 2);
            format!("{}{span}{}", words.since.0, words.since.1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{app, spotify};

    fn card_at(a: &App) -> Card {
        Card::of(a, &View::derive(a), None).expect("a card")
    }

    #[test]
    fn the_line_to_paste_speaks_of_the_next_goal() {
        // 18:01 UTC, 5h 59m before the window closes at 00:00 UTC; 2.88M read at 18:00 and
        // 2.7M at 17:00: 180k/h. The top 10 (2.7M) is reached; the next is the top 5 (3.2M):
        // 2.88M / 3.2M = 90%, 320k to go in 5h 59m = 53.5k/h.
        let mut a = app("2022-04-24T18:01:00Z");
        a.add_reading(spotify("2022-04-24T17:00:00Z", 2_700_000));
        a.add_reading(spotify("2022-04-24T18:00:00Z", 2_880_000));
        let c = card_at(&a);
        assert_eq!(
            c.text(),
            "With You · 2.88M of 3.2M Global top 5 · 90% · 5h59m left · needs 53.5k/h"
        );
        let s = c.stream.as_ref().expect("stream");
        assert_eq!(s.count_text(), "2,880,000 streams");
        assert_eq!(c.release, "Sun 24 Apr 2022 23:00 KST");
    }

    #[test]
    fn a_closed_window_gives_the_final_count_and_tags_follow() {
        let mut a = app("2022-04-26T00:00:00Z");
        a.add_reading(spotify("2022-04-24T23:00:00Z", 3_300_000));
        a.config.cards.tags = vec!["#WithYou".into(), "#Jimin".into()];
        a.selected = Some("with-you".into());
        let c = card_at(&a);
        let text = c.text();
        assert!(text.contains("final 3.3M"), "{text}");
        assert!(text.ends_with(" #WithYou #Jimin"), "{text}");
    }

    #[test]
    fn sizes_are_two_bounded_sides() {
        assert_eq!(parse_size("1080x1080"), Ok((1080, 1080)));
        assert_eq!(parse_size("1200X675"), Ok((1200, 675)));
        for bad in ["", "1200", "0x675", "100000x100000", "axb", "-5x10"] {
            let e = parse_size(bad).expect_err(bad);
            assert!(e.contains("--size 1200x675"), "{e}");
        }
    }

    #[test]
    fn an_event_without_streams_has_its_countdown() {
        let mut a = app("2022-06-10T03:00:00Z");
        a.selected = Some("proof".into());
        let c = card_at(&a);
        assert_eq!(c.text(), "Proof · out in 1:00:00");
    }

    #[test]
    fn the_line_to_paste_speaks_the_fans_language() {
        let mut a = app("2022-04-24T18:01:00Z");
        a.add_reading(spotify("2022-04-24T17:00:00Z", 2_700_000));
        a.add_reading(spotify("2022-04-24T18:00:00Z", 2_880_000));
        a.lang = Lang::Ko;
        let c = card_at(&a);
        assert_eq!(
            c.text(),
            "With You · Global top 5 288만 / 320만 · 90% · 5시간 59분 남음 · 시간당 5.35만 필요"
        );
        assert_eq!(c.release, "2022년 4월 24일 (일) 23:00 KST");
        let s = c.stream.as_ref().expect("stream");
        assert_eq!(s.window, "집계 기간 5시간 59분 남음");
        a.lang = Lang::PtBr;
        let c = card_at(&a);
        assert_eq!(
            c.text(),
            "With You · 2,88 mi de 3,2 mi Global top 5 · 90% · faltam 5 h 59 min · precisa de 53,5 mil/h"
        );
        assert_eq!(c.stream.expect("stream").count_text(), "2.880.000 streams");
        let mut a = app("2022-06-10T03:00:00Z");
        a.selected = Some("proof".into());
        a.lang = Lang::Ja;
        assert_eq!(card_at(&a).text(), "Proof · あと1:00:00で公開");
    }
}
