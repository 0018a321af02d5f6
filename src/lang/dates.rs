//! Month and weekday names and the order of a date's parts, per language (a small table
//! instead of chrono's `unstable-locales`: six languages, a few names, no extra crate).

use chrono::{Datelike, Timelike, Weekday};

use super::Lang;

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const ES_MONTHS: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];
const PT_MONTHS: [&str; 12] = [
    "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
];
const ID_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

impl Lang {
    /// The short name of a weekday: "Thu", "목", "木", "jue", "qui", "Kam".
    pub fn weekday(self, day: Weekday) -> &'static str {
        let i = day.num_days_from_monday() as usize;
        let names: [&str; 7] = match self {
            Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            Lang::Ko => ["월", "화", "수", "목", "금", "토", "일"],
            Lang::Ja => ["月", "火", "水", "木", "金", "土", "日"],
            Lang::Es => ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
            Lang::PtBr => ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"],
            Lang::Id => ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
        };
        names[i]
    }

    /// The short name of month `m` (1–12): "Dec", "12월", "12月", "dic", "dez", "Des".
    pub fn month(self, m: u32) -> String {
        let i = (m.clamp(1, 12) - 1) as usize;
        match self {
            Lang::En => EN_MONTHS[i].to_string(),
            Lang::Ko => format!("{m}월"),
            Lang::Ja => format!("{m}月"),
            Lang::Es => ES_MONTHS[i].to_string(),
            Lang::PtBr => PT_MONTHS[i].to_string(),
            Lang::Id => ID_MONTHS[i].to_string(),
        }
    }

    /// A day and time in the language's order: "Thu 24 Dec 18:00", "12월 24일 (목) 18:00",
    /// "12月24日(木) 18:00", "jue 24 dic 18:00".
    pub fn day_time<T: Datelike + Timelike>(self, at: &T) -> String {
        let (d, m) = (at.day(), at.month());
        let wd = self.weekday(at.weekday());
        let hm = format!("{:02}:{:02}", at.hour(), at.minute());
        match self {
            Lang::Ko => format!("{m}월 {d}일 ({wd}) {hm}"),
            Lang::Ja => format!("{m}月{d}日({wd}) {hm}"),
            _ => format!("{wd} {d} {} {hm}", self.month(m)),
        }
    }

    /// A day with its year: "Thu 24 Dec 2026", "2026년 12월 24일 (목)", "2026年12月24日(木)".
    pub fn day_year(self, at: &impl Datelike) -> String {
        let y = at.year();
        match self {
            Lang::Ko => format!("{y}년 {}", self.day(at)),
            Lang::Ja => format!("{y}年{}", self.day(at)),
            _ => format!("{} {y}", self.day(at)),
        }
    }

    /// A day without time: "Thu 24 Dec", "12월 24일 (목)", "12月24日(木)".
    pub fn day(self, at: &impl Datelike) -> String {
        let (d, m) = (at.day(), at.month());
        let wd = self.weekday(at.weekday());
        match self {
            Lang::Ko => format!("{m}월 {d}일 ({wd})"),
            Lang::Ja => format!("{m}月{d}日({wd})"),
            _ => format!("{wd} {d} {}", self.month(m)),
        }
    }
}
