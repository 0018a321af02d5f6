//! Countdown words per language, as static tables rather than Fluent texts: the per-second
//! redraw writes countdowns and event statuses into fixed strings without allocating.

use super::Lang;
use crate::values::countdown::{EN_UNITS, Units};

/// An event's status around its countdown: "in 46d 09:00:00", "OUT NOW", "out 4y 7m ago".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusWords {
    /// Before and after the countdown to the release.
    pub until: (&'static str, &'static str),
    /// While it is out now.
    pub out_now: &'static str,
    /// Before and after the time since the release.
    pub since: (&'static str, &'static str),
}

const KO: Units = Units {
    year: "년",
    month: "개월",
    month_after_year: "개월",
    day: "일",
    hour: "시간",
    minute: "분",
    second: "초",
    gap: "",
    sep: " ",
};
const JA: Units = Units {
    year: "年",
    month: "か月",
    month_after_year: "か月",
    day: "日",
    hour: "時間",
    minute: "分",
    second: "秒",
    gap: "",
    sep: "",
};
const ES: Units = Units {
    year: "a",
    month: "m",
    month_after_year: "m",
    day: "d",
    hour: "h",
    minute: "min",
    second: "s",
    gap: " ",
    sep: " ",
};
const PT: Units = Units { year: "a", ..ES };
const ID: Units = Units {
    year: "th",
    month: "bln",
    month_after_year: "bln",
    day: "hr",
    hour: "j",
    minute: "mnt",
    second: "dtk",
    gap: " ",
    sep: " ",
};

impl Lang {
    /// The unit words of this language's countdowns: "4mo 23d", "4개월 23일", "4か月23日",
    /// "4 m 23 d", "4 bln 23 hr".
    pub fn units(self) -> &'static Units {
        match self {
            Lang::En => &EN_UNITS,
            Lang::Ko => &KO,
            Lang::Ja => &JA,
            Lang::Es => &ES,
            Lang::PtBr => &PT,
            Lang::Id => &ID,
        }
    }

    /// The words around an event's countdown: "in …", "… 후", "あと…".
    pub fn status_words(self) -> &'static StatusWords {
        const fn w(
            until: (&'static str, &'static str),
            out_now: &'static str,
            since: (&'static str, &'static str),
        ) -> StatusWords {
            StatusWords {
                until,
                out_now,
                since,
            }
        }
        const EN: StatusWords = w(("in ", ""), "OUT NOW", ("out ", " ago"));
        const KO: StatusWords = w(("", " 후"), "공개!", ("", " 전 공개"));
        const JA: StatusWords = w(("あと", ""), "公開中！", ("", "前に公開"));
        const ES: StatusWords = w(("en ", ""), "¡YA SALIÓ!", ("salió hace ", ""));
        const PT: StatusWords = w(("em ", ""), "JÁ SAIU!", ("saiu há ", ""));
        const ID: StatusWords = w(("", " lagi"), "SUDAH RILIS", ("rilis ", " lalu"));
        match self {
            Lang::En => &EN,
            Lang::Ko => &KO,
            Lang::Ja => &JA,
            Lang::Es => &ES,
            Lang::PtBr => &PT,
            Lang::Id => &ID,
        }
    }
}
