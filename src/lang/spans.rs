//! Spans of time in words per language: "12 min ago", "2h 45m", "9h 05m", "3d 4h". Static
//! tables like the countdown's; English is `values::text::{ago, hours_minutes}` exactly.

use super::Lang;
use crate::values::countdown::Units;

/// The words of "how long ago": the unit words (a language's countdown units: the number, its
/// `gap`, the unit, parts joined by `sep`), what goes before and after the span, and the word
/// for "just now".
struct AgoWords {
    units: &'static Units,
    before: &'static str,
    after: &'static str,
    now: &'static str,
}

/// The units of a short span ("2h 45m"), with whether minutes after hours take two digits.
struct ShortWords {
    day: &'static str,
    hour: &'static str,
    minute: &'static str,
    sep: &'static str,
    pad: bool,
}

impl Lang {
    fn ago_words(self) -> AgoWords {
        // English's countdown writes "5h 12m"; its "ago" says "12 min", as Spanish and
        // Portuguese count.
        let units = match self {
            Lang::En => Lang::Es.units(),
            other => other.units(),
        };
        let (before, after, now) = match self {
            Lang::En => ("", " ago", "just now"),
            Lang::Es => ("hace ", "", "ahora mismo"),
            Lang::PtBr => ("há ", "", "agora mesmo"),
            Lang::Ko => ("", " 전", "방금"),
            Lang::Ja => ("", "前", "たった今"),
            Lang::Id => ("", " lalu", "baru saja"),
        };
        AgoWords {
            units,
            before,
            after,
            now,
        }
    }

    fn short_words(self) -> ShortWords {
        match self {
            Lang::Ko => ShortWords {
                day: "일",
                hour: "시간",
                minute: "분",
                sep: " ",
                pad: false,
            },
            Lang::Ja => ShortWords {
                day: "日",
                hour: "時間",
                minute: "分",
                sep: "",
                pad: false,
            },
            Lang::Id => ShortWords {
                day: "hr",
                hour: "j",
                minute: "m",
                sep: " ",
                pad: true,
            },
            Lang::En | Lang::Es | Lang::PtBr => ShortWords {
                day: "d",
                hour: "h",
                minute: "m",
                sep: " ",
                pad: true,
            },
        }
    }

    /// How long ago, `secs` before now: "just now", "12 min ago", "3 h 5 min ago", "4 d ago",
    /// "12분 전", "hace 12 min".
    pub fn ago(self, secs: i64) -> String {
        let w = self.ago_words();
        let minutes = (secs / 60).max(0);
        let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        let part = |n: i64, unit: &str| format!("{n}{}{unit}", w.units.gap);
        let span = match minutes {
            0 => return w.now.to_string(),
            1..60 => part(mins, w.units.minute),
            60..2880 if mins == 0 => part(minutes / 60, w.units.hour),
            60..2880 => format!(
                "{}{}{}",
                part(minutes / 60, w.units.hour),
                w.units.sep,
                part(mins, w.units.minute)
            ),
            _ if hours == 0 => part(days, w.units.day),
            _ => format!(
                "{}{}{}",
                part(days, w.units.day),
                w.units.sep,
                part(hours, w.units.hour)
            ),
        };
        format!("{}{span}{}", w.before, w.after)
    }

    /// As [`Lang::ago`], to the second under a minute: "45 s ago", "45초 전".
    pub fn ago_secs(self, secs: i64) -> String {
        match secs {
            1..60 => {
                let w = self.ago_words();
                format!(
                    "{}{secs}{}{}{}",
                    w.before, w.units.gap, w.units.second, w.after
                )
            }
            _ => self.ago(secs),
        }
    }

    /// A span in hours and whole minutes: "2h 45m", "45m", "3h", "2시간 45분", "2時間45分".
    pub fn hours_minutes(self, secs: i64) -> String {
        let w = self.short_words();
        let minutes = (secs / 60).max(0);
        match (minutes / 60, minutes % 60) {
            (0, m) => format!("{m}{}", w.minute),
            (h, 0) => format!("{h}{}", w.hour),
            (h, m) if w.pad => format!("{h}{}{}{m:02}{}", w.hour, w.sep, w.minute),
            (h, m) => format!("{h}{}{}{m}{}", w.hour, w.sep, w.minute),
        }
    }

    /// A span in its largest whole unit, for a narrow column: "5m", "3h", "2d", "3시간".
    pub fn rough(self, secs: i64) -> String {
        let w = self.short_words();
        match secs.max(0) {
            s if s < 3600 => format!("{}{}", s / 60, w.minute),
            s if s < 86_400 => format!("{}{}", s / 3600, w.hour),
            s => format!("{}{}", s / 86_400, w.day),
        }
    }

    /// A span as a rank streak: "12m", "2h 10m", "3d 4h" (minutes not padded).
    pub fn span(self, secs: i64) -> String {
        let w = self.short_words();
        let m = (secs / 60).max(0);
        match (m / 1440, m / 60 % 24, m % 60) {
            (0, 0, m) => format!("{m}{}", w.minute),
            // "1시간", not "1시간 0분"; English keeps "1h 0m" as it always wrote it.
            (0, h, 0) if !w.pad => format!("{h}{}", w.hour),
            (0, h, m) => format!("{h}{}{}{m}{}", w.hour, w.sep, w.minute),
            (d, h, _) => format!("{d}{}{}{h}{}", w.day, w.sep, w.hour),
        }
    }

    /// Time left in a window: "9h 05m", "0h 40m", "1d 4h", "9시간 5분", "1日4時間".
    pub fn window_span(self, secs: i64) -> String {
        let w = self.short_words();
        let secs = secs.max(0);
        let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
        if d > 0 {
            format!("{d}{}{}{h}{}", w.day, w.sep, w.hour)
        } else if w.pad {
            format!("{}{}{}{m:02}{}", secs / 3600, w.hour, w.sep, w.minute)
        } else if m == 0 && h > 0 {
            // "5시간", not "5시간 0분": unpadded languages drop a zero.
            format!("{h}{}", w.hour)
        } else {
            format!("{}{}{}{m}{}", secs / 3600, w.hour, w.sep, w.minute)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::text;
    use chrono::{TimeDelta, TimeZone, Utc};

    #[test]
    fn english_is_the_old_text_exactly() {
        let now = Utc.with_ymd_and_hms(2026, 12, 24, 18, 0, 0).unwrap();
        for secs in [
            0, 5, 59, 60, 61, 720, 3599, 3600, 3660, 11_100, 172_799, 172_800, 270_000,
        ] {
            let t = now - TimeDelta::seconds(secs);
            assert_eq!(Lang::En.ago(secs), text::ago(t, now), "{secs}");
            assert_eq!(Lang::En.ago_secs(secs), text::ago_secs(t, now), "{secs}");
            let d = TimeDelta::seconds(secs);
            assert_eq!(
                Lang::En.hours_minutes(secs),
                text::hours_minutes(d),
                "{secs}"
            );
        }
        assert_eq!(Lang::En.span(130 * 60), "2h 10m");
        assert_eq!(Lang::En.span(76 * 3600), "3d 4h");
        assert_eq!(Lang::En.window_span(9 * 3600 + 300), "9h 05m");
        assert_eq!(Lang::En.window_span(100_800), "1d 4h");
    }

    #[test]
    fn other_languages_write_their_own_words() {
        assert_eq!(Lang::Ko.ago(720), "12분 전");
        assert_eq!(Lang::Ja.ago(11_100), "3時間5分前");
        assert_eq!(Lang::Es.ago(720), "hace 12 min");
        assert_eq!(Lang::PtBr.ago_secs(45), "há 45 s");
        assert_eq!(Lang::Id.ago(0), "baru saja");
        assert_eq!(Lang::Ko.hours_minutes(9900), "2시간 45분");
        assert_eq!(Lang::Ja.window_span(100_800), "1日4時間");
        assert_eq!(Lang::Id.span(130 * 60), "2j 10m");
        assert_eq!(Lang::Ko.span(3600), "1시간");
        assert_eq!(Lang::En.span(3600), "1h 0m");
    }
}
