//! Numbers the way each language's fans write them: grouping, compact counts (Korean 만/억,
//! Japanese 万/億, pt-BR "mi"), rates and percentages. English is `values::numbers` exactly.

use super::Lang;
use crate::values::numbers;
use crate::values::problem::Problem;
use crate::values::text::quote;

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

/// The English suffixes and their sizes, as `values::numbers::parse_count` reads them.
const ENGLISH: [(&str, u64); 6] = [
    ("k", 1_000),
    ("M", 1_000_000),
    ("B", 1_000_000_000),
    ("T", 1_000_000_000_000),
    ("P", 1_000_000_000_000_000),
    ("E", 1_000_000_000_000_000_000),
];

/// An English suffix and the places a number's point moves to use it ("k", 1 for 만).
type Unit = (&'static str, usize);

/// A unit of `size` as an English suffix and the places a number's point moves to use it:
/// 10,000 (만) is "k" and one place, 100,000,000 (억) "M" and two.
fn english_unit(size: u64) -> Option<Unit> {
    ENGLISH.iter().rev().find_map(|(letter, n)| {
        let shift = match size / n {
            1 => 0,
            10 => 1,
            100 => 2,
            _ => return None,
        };
        size.is_multiple_of(*n).then_some((*letter, shift))
    })
}

/// `rest` without its trailing spaces, when it ends in a digit: the number before a unit.
fn number_before(rest: &str) -> Option<&str> {
    let rest = rest.trim_end();
    rest.ends_with(|c: char| c.is_ascii_digit()).then_some(rest)
}

/// `number` ("2.7") with its point moved `shift` places right ("270" for two).
fn shift_point(number: &str, shift: usize) -> String {
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    let moved: String = frac
        .chars()
        .chain(std::iter::repeat('0'))
        .take(shift)
        .collect();
    let rest = frac.get(shift..).unwrap_or("");
    if rest.is_empty() {
        format!("{whole}{moved}")
    } else {
        format!("{whole}{moved}.{rest}")
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
    /// ("270만", "2,7 mi", "2.712.345"), or the English short forms ("2.7M"), exactly. What
    /// could be read two ways is refused rather than guessed: Indonesian "M" (miliar, or the
    /// English million), Spanish "B" (billón, or billion), and in a language that writes a
    /// decimal comma, "2.712M" (2.712 or 2712 million).
    pub fn parse_count(self, text: &str) -> Result<u64, Problem> {
        let t = text.trim();
        if t.is_empty() || t.starts_with('-') {
            return numbers::parse_count(t);
        }
        let (number, unit) = self.split_unit(t)?;
        let number = self.english_number(number, unit.is_some(), t)?;
        let (letter, shift) = unit.unwrap_or(("", 0));
        numbers::parse_count_as(&format!("{}{letter}", shift_point(&number, shift)), t)
    }

    /// `t` as its number and its unit, the unit as an English suffix and how many places the
    /// number's point moves to use it (만 is 10k: "2.7만" is "27k").
    fn split_unit(self, t: &str) -> Result<(&str, Option<Unit>), Problem> {
        let mut own: Vec<(u64, &str)> = units(self).iter().map(|(n, s)| (*n, s.trim())).collect();
        own.sort_by_key(|(_, s)| std::cmp::Reverse(s.len()));
        for (size, suffix) in own {
            if let Some(number) = t.strip_suffix(suffix).and_then(number_before) {
                return match english_unit(size) {
                    Some(unit) if !self.clashes(suffix) => Ok((number, Some(unit))),
                    _ => Err(self.two_ways(t)),
                };
            }
        }
        let letter = t.chars().last().filter(|c| "kKmMbBTPE".contains(*c));
        if let Some(letter) = letter
            && let Some(number) = number_before(&t[..t.len() - 1])
        {
            if self.clashes(&letter.to_string()) {
                return Err(self.two_ways(t));
            }
            let unit = ENGLISH
                .iter()
                .find(|(l, _)| l.eq_ignore_ascii_case(&letter.to_string()));
            return Ok((number, unit.map(|(l, _)| (*l, 0))));
        }
        Ok((t, None))
    }

    /// Whether this language's unit `suffix` is also an English suffix of another size.
    fn clashes(self, suffix: &str) -> bool {
        units(self).iter().any(|(size, own)| {
            own.trim().eq_ignore_ascii_case(suffix)
                && ENGLISH
                    .iter()
                    .any(|(l, n)| l.eq_ignore_ascii_case(suffix) && n != size)
        })
    }

    /// `number` with an English point and no grouping: "2.712.345" → "2712345", "2,7" → "2.7"
    /// where the language writes a decimal comma, "2,712,345" → "2712345" where it writes a
    /// point. Grouping must be in threes: "2,7M" is not 27M.
    fn english_number(self, number: &str, unit: bool, t: &str) -> Result<String, Problem> {
        let (group, point) = match self.decimal_mark() {
            '.' => (',', '.'),
            _ => ('.', ','),
        };
        let (whole, frac) = number.split_once(point).unwrap_or((number, ""));
        if frac.contains(group) {
            return Err(numbers::not_a_count(t));
        }
        if frac.contains(point) {
            // "2.7.1M": the English parser says it is not a whole number.
            return Ok(number.replace(group, "").replace(point, "."));
        }
        let groups: Vec<&str> = whole.split(group).collect();
        let threes = groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3);
        if groups.len() > 1 && !threes {
            // "2.7M" where the mark is a comma: the English point, read as such.
            return match (point, groups.as_slice(), frac.is_empty()) {
                (',', [w, f], true) => Ok(format!("{w}.{f}")),
                _ => Err(numbers::not_a_count(t)),
            };
        }
        if point == ',' && threes && unit && frac.is_empty() && groups.len() == 2 {
            // "2.712M": 2,712 million grouped, or 2.712 million the English way.
            return Err(self.two_ways(t));
        }
        let whole = whole.replace(group, "");
        Ok(if frac.is_empty() {
            whole
        } else {
            format!("{whole}.{frac}")
        })
    }

    /// The problem with a count that could be read two ways.
    fn two_ways(self, t: &str) -> Problem {
        let (q, example) = (quote(t), self.count(2_700_000));
        Problem::said(
            "problems-count-two-ways",
            &[("text", &q), ("example", &example)],
            format!("{q} could be read two ways"),
            format!("write the whole count, e.g. {example}"),
        )
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
