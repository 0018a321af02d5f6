//! Numbers the way each language's fans write them: grouping, compact counts (Korean 만/억,
//! Japanese 万/億, pt-BR "mi"), rates and percentages. English is `values::numbers` exactly.

use super::Lang;
use crate::values::numbers;
use crate::values::problem::Problem;

/// The compact units of a language, largest first: (size, suffix). A suffix starting with a
/// space is written apart from the number ("2,7 mi").
fn units(lang: Lang) -> &'static [(u64, &'static str)] {
    const E18: u64 = 1_000_000_000_000_000_000;
    const E16: u64 = 10_000_000_000_000_000;
    const E15: u64 = 1_000_000_000_000_000;
    const E12: u64 = 1_000_000_000_000;
    match lang {
        Lang::En => &[],
        Lang::Ko => &[
            (E16, "경"),
            (E12, "조"),
            (100_000_000, "억"),
            (10_000, "만"),
        ],
        Lang::Ja => &[
            (E16, "京"),
            (E12, "兆"),
            (100_000_000, "億"),
            (10_000, "万"),
        ],
        Lang::Es => &[
            (E18, " E"),
            (E15, " P"),
            (E12, " B"),
            (1_000_000_000, " mil M"),
            (1_000_000, " M"),
            (1_000, " mil"),
        ],
        Lang::PtBr => &[
            (E18, " E"),
            (E15, " P"),
            (E12, " tri"),
            (1_000_000_000, " bi"),
            (1_000_000, " mi"),
            (1_000, " mil"),
        ],
        Lang::Id => &[
            (E18, " E"),
            (E15, " P"),
            (E12, " T"),
            (1_000_000_000, " M"),
            (1_000_000, " jt"),
            (1_000, " rb"),
        ],
    }
}

impl Lang {
    /// The decimal mark: "." in en/ko/ja, "," in es/pt-BR/id.
    pub fn decimal_mark(self) -> char {
        match self {
            Lang::En | Lang::Ko | Lang::Ja => '.',
            Lang::Es | Lang::PtBr | Lang::Id => ',',
        }
    }

    /// `2700000` grouped: "2,700,000" (en, ko, ja) or "2.700.000" (es, pt-BR, id).
    pub fn count(self, n: u64) -> String {
        let text = numbers::thousands(n);
        match self.decimal_mark() {
            '.' => text,
            _ => text.replace(',', "."),
        }
    }

    /// A compact count with at most three significant digits: "2.7M", "270만", "2,7 mi".
    /// Korean and Japanese write counts under 10,000 in full ("3,500"), as their fans do.
    pub fn short(self, n: u64) -> String {
        if self == Lang::En {
            return numbers::short(n);
        }
        let table = units(self);
        let Some(i) = table.iter().position(|(size, _)| n >= *size) else {
            return self.count(n);
        };
        let (size, suffix) = table[i];
        let mut value = n as f64 / size as f64;
        let mut suffix = suffix;
        // 9,999.7만 rounds to 10,000만: that is 1억, the next unit.
        if i > 0 && value.round() >= (table[i - 1].0 / size) as f64 {
            value = n as f64 / table[i - 1].0 as f64;
            suffix = table[i - 1].1;
        }
        format!("{}{suffix}", self.significant(value))
    }

    /// `value` with three significant digits, trailing zeros dropped, this language's marks.
    fn significant(self, value: f64) -> String {
        let text = if value >= 1000.0 {
            return self.count(value.round() as u64);
        } else if value >= 100.0 {
            format!("{value:.0}")
        } else if value >= 10.0 {
            format!("{value:.1}")
        } else {
            format!("{value:.2}")
        };
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        text.replace('.', &self.decimal_mark().to_string())
    }

    /// A count as this language's fans type it: what [`Lang::count`] and [`Lang::short`] show
    /// ("270만", "2,7 mi", "2.712.345"), or the English forms `values::numbers::parse_count`
    /// reads ("2.7M"). A unit written apart ("1,5 M") is this language's, so Indonesian
    /// "1,5 M" is 1.5 miliar; written on ("1.5M") it is the English one.
    pub fn parse_count(self, text: &str) -> Result<u64, Problem> {
        let t = text.trim();
        for &(size, suffix) in units(self) {
            let Some(number) = t.strip_suffix(suffix) else {
                continue;
            };
            let number = number.trim_end();
            if number.is_empty() || number.starts_with('-') {
                break;
            }
            // The number before the unit, in thousandths of it: three decimals at most. One
            // that is not a number is said of the whole text, below.
            let Ok(milli) = numbers::parse_count(&format!("{number}k")) else {
                break;
            };
            return u64::try_from(u128::from(milli) * u128::from(size) / 1000)
                .map_err(|_| numbers::too_big(t));
        }
        numbers::parse_count(t)
    }

    /// A rate per hour in short form: "212k/h", "시간당 21.2만", "21.2万/時", "212 mil/h".
    /// Korean fans put the hour first ("시간당"), the others write it after the number.
    pub fn per_hour(self, rate: f64) -> String {
        let (before, after) = match self {
            Lang::En | Lang::Es | Lang::PtBr => ("", "/h"),
            Lang::Ko => ("시간당 ", ""),
            Lang::Ja => ("", "/時"),
            Lang::Id => ("", "/jam"),
        };
        let n = if !rate.is_finite() || rate <= 0.0 {
            "0".to_string()
        } else {
            self.short(rate.round().min(u64::MAX as f64) as u64)
        };
        format!("{before}{n}{after}")
    }

    /// A percentage, whole: "42%" (every language here writes the sign right after).
    pub fn percent(self, p: f64) -> String {
        if !p.is_finite() {
            return "0%".to_string();
        }
        format!("{:.0}%", p.max(0.0))
    }
}
