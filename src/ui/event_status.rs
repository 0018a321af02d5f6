//! An event's status as the list and the push's next-release line write it: its countdown,
//! "OUT NOW", or the time since. Apart from both, so the per-second parts can write it too.

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use crate::config::Event;
use crate::lang::Lang;
use crate::values::countdown::{self, Phase};
use crate::values::when::shown_in;

/// "in 01:02:11", "OUT NOW", "out 4y 7m ago".
pub(crate) fn status_text(
    event: &Event,
    phase: Phase,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> String {
    Status {
        event,
        phase,
        now,
        lang,
    }
    .to_string()
}

/// An event's status in the list, written where it goes: the per-second redraw writes it
/// into a fixed string, a full render through [`status_text`].
pub(crate) struct Status<'a> {
    /// The event.
    pub(crate) event: &'a Event,
    /// Its phase at `now`.
    pub(crate) phase: Phase,
    /// The instant shown.
    pub(crate) now: chrono::DateTime<chrono::Utc>,
    /// The language of its words and units.
    pub(crate) lang: Lang,
}

impl std::fmt::Display for Status<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (at, zone, now) = (self.event.at, self.event.zone, self.now);
        if self.event.time_tba {
            return tba_status(f, at, zone, now, self.lang);
        }
        let (words, units) = (self.lang.status_words(), self.lang.units());
        match self.phase {
            Phase::Upcoming | Phase::Imminent => {
                let left = countdown::Countdown::new(now, at, zone).in_units(units);
                write!(f, "{}{left}{}", words.until.0, words.until.1)
            }
            Phase::Live => f.write_str(words.out_now),
            Phase::Released => {
                let ago = countdown::calendar_span(at, now, zone).short_in(units, 2);
                write!(f, "{}{ago}{}", words.since.0, words.since.1)
            }
        }
    }
}

/// The words of a day whose time is to be announced: before the days and hours left, on the
/// day. Static: the list's statuses are redrawn each second without allocating.
fn tba_words(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("TBA in ", "TBA today"),
        Lang::Ko => ("미정 · ", "오늘 공개 예정"),
        Lang::Ja => ("未定 · あと", "本日公開予定"),
        Lang::Es => ("por anunciar, en ", "hoy, hora por anunciar"),
        Lang::PtBr => ("a definir, em ", "hoje, horário a definir"),
        Lang::Id => ("belum pasti, ", "hari ini, jam menyusul"),
    }
}

/// A date whose time is not announced yet: "TBA in 5d 12h" to the start of its day, "TBA
/// today" on the day, then the time since, as any release.
fn tba_status(
    f: &mut std::fmt::Formatter<'_>,
    at: DateTime<Utc>,
    zone: Tz,
    now: DateTime<Utc>,
    lang: Lang,
) -> std::fmt::Result {
    let (before, today) = tba_words(lang);
    let u = lang.units();
    if now < at {
        let left = (at - now).num_seconds();
        let (d, h, m) = (left / 86_400, left % 86_400 / 3600, left % 3600 / 60);
        let (g, sep) = (u.gap, u.sep);
        if d > 0 {
            write!(f, "{before}{d}{g}{}{sep}{h}{g}{}", u.day, u.hour)
        } else {
            write!(f, "{before}{h}{g}{}{sep}{m:02}{g}{}", u.hour, u.minute)
        }
    } else if shown_in(now, zone).date_naive() == shown_in(at, zone).date_naive() {
        f.write_str(today)
    } else {
        let words = lang.status_words();
        let ago = countdown::calendar_span(at, now, zone).short_in(u, 2);
        write!(f, "{}{ago}{}", words.since.0, words.since.1)
    }
}

/// "Sat 5 Dec · time TBA" for an event whose time is not announced, else `None`.
/// The day is the one announced, in the event's own zone, whatever the display zone.
pub(crate) fn tba_date(event: &Event, lang: Lang) -> Option<String> {
    event.time_tba.then(|| {
        let day = lang.day(&shown_in(event.at, event.zone));
        format!("{day} · {}", lang.t("events-time-tba"))
    })
}

/// "23:00 KST" for `t` in `zone`, with the date when it is the lead entry.
pub(crate) fn zone_time(t: DateTime<Utc>, zone: Tz, with_date: bool, lang: Lang) -> String {
    let local = shown_in(t, zone);
    if with_date {
        full_time(lang, &local)
    } else {
        local.format("%H:%M %Z").to_string()
    }
}

/// A local time in the fan's language, as chrono would write the English with `format`'s
/// `%H:%M %Z` tail: "Sun 24 Apr 2022 23:00 KST", "2022년 4월 24일 (일) 23:00 KST".
pub(crate) fn full_time(lang: Lang, at: &DateTime<Tz>) -> String {
    if lang == Lang::En {
        return at.format("%a %-d %b %Y %H:%M %Z").to_string();
    }
    format!("{} {}", lang.day_year(at), at.format("%H:%M %Z"))
}

/// [`full_time`] in fewer columns where a language's long form is wide: "2022.4.24 (일) 16:00
/// KST" rather than "2022년 4월 24일 (일) 16:00 KST"; the same elsewhere.
pub(crate) fn compact_time(lang: Lang, at: &DateTime<Tz>) -> String {
    let (y, m, d) = (at.year(), at.month(), at.day());
    let wd = lang.weekday(at.weekday());
    let hm = at.format("%H:%M %Z");
    match lang {
        Lang::Ko => format!("{y}.{m}.{d} ({wd}) {hm}"),
        Lang::Ja => format!("{y}/{m}/{d}({wd}) {hm}"),
        _ => full_time(lang, at),
    }
}

/// A date without weekday: "24 Apr 2027", "2027년 4월 24일", "2027年4月24日".
pub(crate) fn date_year(lang: Lang, at: &impl Datelike) -> String {
    let (y, m, d) = (at.year(), at.month(), at.day());
    match lang {
        Lang::Ko => format!("{y}년 {m}월 {d}일"),
        Lang::Ja => format!("{y}年{m}月{d}日"),
        _ => format!("{d} {} {y}", lang.month(m)),
    }
}

/// A month and year: "Apr 2027", "2027년 4월", "2027年4月".
pub(crate) fn month_year(lang: Lang, at: &impl Datelike) -> String {
    let (y, m) = (at.year(), at.month());
    match lang {
        Lang::Ko => format!("{y}년 {m}월"),
        Lang::Ja => format!("{y}年{m}月"),
        _ => format!("{} {y}", lang.month(m)),
    }
}

/// A row's date and time, short: "24 Apr 22 23:00 KST", "22.4.24 23:00 KST", "22/4/24 23:00 KST".
pub(crate) fn row_time(lang: Lang, at: &DateTime<Tz>) -> String {
    let (y, m, d) = (at.year() % 100, at.month(), at.day());
    let hm = at.format("%H:%M %Z");
    match lang {
        Lang::En => at.format("%-d %b %y %H:%M %Z").to_string(),
        Lang::Ko => format!("{y:02}.{m}.{d} {hm}"),
        Lang::Ja => format!("{y:02}/{m}/{d} {hm}"),
        _ => format!("{d} {} {y:02} {hm}", lang.month(m)),
    }
}

/// A weekday, day and time: "Thu 24 Dec 18:00 KST", "12월 24일 (목) 18:00 KST".
pub(crate) fn day_time(lang: Lang, at: &DateTime<Tz>) -> String {
    format!("{} {}", lang.day_time(at), at.format("%Z"))
}

/// A weekday and time: "Thu 18:00 KST", "(목) 18:00 KST".
pub(crate) fn weekday_time(lang: Lang, at: &DateTime<Tz>) -> String {
    let wd = lang.weekday(at.weekday());
    match lang {
        Lang::Ko | Lang::Ja => format!("({wd}) {}", at.format("%H:%M %Z")),
        _ => format!("{wd} {}", at.format("%H:%M %Z")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::utc;

    /// English dates stay what chrono's formats wrote; the others put day and month in
    /// their order.
    #[test]
    fn dates_in_each_language() {
        let at = utc("2022-04-24T14:00:00Z").with_timezone(&chrono_tz::Asia::Seoul);
        let all = |f: fn(Lang, &DateTime<Tz>) -> String| Lang::ALL.map(|l| f(l, &at));
        assert_eq!(full_time(Lang::En, &at), "Sun 24 Apr 2022 23:00 KST");
        assert_eq!(full_time(Lang::Ko, &at), "2022년 4월 24일 (일) 23:00 KST");
        assert_eq!(
            all(row_time),
            [
                "24 Apr 22 23:00 KST",
                "22.4.24 23:00 KST",
                "22/4/24 23:00 KST",
                "24 abr 22 23:00 KST",
                "24 abr 22 23:00 KST",
                "24 Apr 22 23:00 KST",
            ]
        );
        assert_eq!(compact_time(Lang::Ja, &at), "2022/4/24(日) 23:00 KST");
        assert_eq!(day_time(Lang::En, &at), "Sun 24 Apr 23:00 KST");
        assert_eq!(weekday_time(Lang::Ko, &at), "(일) 23:00 KST");
        assert_eq!(date_year(Lang::En, &at), "24 Apr 2022");
        assert_eq!(date_year(Lang::Ja, &at), "2022年4月24日");
        assert_eq!(month_year(Lang::En, &at), "Apr 2022");
        assert_eq!(month_year(Lang::Ko, &at), "2022년 4월");
    }

    /// A day whose time is to be announced counts down in the language's units.
    #[test]
    fn tba_statuses_in_korean() {
        let toml =
            "[[event]]\nid = \"x\"\nname = \"X\"\nat = \"2026-12-24\"\nzone = \"Asia/Seoul\"\n";
        let config = crate::config::parse(toml, crate::config::Source::File("t.toml".into()))
            .expect("config");
        let e = &config.events[0];
        assert!(e.time_tba);
        let status = |now: &str| status_text(e, Phase::Upcoming, utc(now), Lang::Ko);
        assert_eq!(status("2026-12-18T12:00:00Z"), "미정 · 5일 3시간");
        assert_eq!(status("2026-12-23T13:30:00Z"), "미정 · 1시간 30분");
        assert_eq!(status("2026-12-24T03:00:00Z"), "오늘 공개 예정");
        assert_eq!(
            tba_date(e, Lang::Ja).as_deref(),
            Some("12月24日(木) · 時間未定")
        );
    }
}
