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

/// `rest` without its trailing spaces, when it ends in a digit: the number before a unit.
fn number_before(rest: &str) -> Option<&str> {
    let rest = rest.trim_end();
    rest.ends_with(|c: char| c.is_ascii_digit()).then_some(rest)
}

/// A typed count cut at its unit: "2,7" and a million for "2,7 mi".
struct Split<'a> {
    /// The number as typed, in the language's marks.
    number: &'a str,
    /// The unit's size, 1 without one.
    size: u64,
    /// The other size the same unit means, where the language and English disagree
    /// (Indonesian "M": miliar, or the English million).
    other: Option<u64>,
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
    /// could be read two ways is refused with both readings rather than guessed: Indonesian
    /// "M" (miliar, or the English million), Spanish "B" (billón, or billion), and in a
    /// language that writes a decimal comma, "2.712M" (2.712 or 2712 million).
    pub fn parse_count(self, text: &str) -> Result<u64, Problem> {
        let t = text.trim();
        if t.is_empty() || t.starts_with('-') {
            return numbers::parse_count(t);
        }
        let split = self.split_unit(t);
        let number = self.english_number(split.number, split.size, t)?;
        let n = numbers::parse_scaled(&number, split.size, t)?;
        match split.other {
            Some(other) => Err(self.two_ways(t, n, numbers::parse_scaled(&number, other, t)?)),
            None => Ok(n),
        }
    }

    /// `t` cut at its unit: the language's own (the longest that ends it, "mil M" before
    /// "M"), else an English short form's letter.
    fn split_unit(self, t: &str) -> Split<'_> {
        let own = units(self)
            .iter()
            .filter_map(|&(size, suffix)| {
                let suffix = suffix.trim();
                let number = t.strip_suffix(suffix).and_then(number_before)?;
                Some((suffix, size, number))
            })
            .max_by_key(|(suffix, ..)| suffix.len());
        let english = || {
            let letter = t.chars().last()?;
            let size = numbers::suffix_size(letter)?;
            // The letters are ASCII: cutting the last byte is cutting the letter.
            let number = number_before(&t[..t.len() - 1])?;
            Some((&t[t.len() - 1..], size, number))
        };
        match own.or_else(english) {
            Some((suffix, size, number)) => Split {
                number,
                size,
                other: self.other_size(suffix, size),
            },
            None => Split {
                number: t,
                size: 1,
                other: None,
            },
        }
    }

    /// The size other than `size` that `suffix` stands for, in this language or in English,
    /// in either case: Indonesian "M" is 10⁹ and the English "M" 10⁶.
    fn other_size(self, suffix: &str, size: u64) -> Option<u64> {
        let own = units(self).iter().map(|&(n, s)| (s.trim(), n));
        own.chain(numbers::SUFFIXES)
            .find(|&(s, n)| s.eq_ignore_ascii_case(suffix) && n != size)
            .map(|(_, n)| n)
    }

    /// `number` with an English point and no grouping: "2.712.345" → "2712345", "2,7" → "2.7"
    /// where the language writes a decimal comma, "2,712,345" → "2712345" where it writes a
    /// point. Grouping must be in threes: "2,7M" is not 27M.
    fn english_number(self, number: &str, size: u64, t: &str) -> Result<String, Problem> {
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
        if let (',', true, true, [w, f]) = (point, size > 1, frac.is_empty(), groups.as_slice()) {
            // "2.712M": 2,712 million grouped, or 2.712 million the English way.
            let grouped = numbers::parse_scaled(&format!("{w}{f}"), size, t)?;
            let pointed = numbers::parse_scaled(&format!("{w}.{f}"), size, t)?;
            return Err(self.two_ways(t, pointed, grouped));
        }
        let whole = whole.replace(group, "");
        Ok(if frac.is_empty() {
            whole
        } else {
            format!("{whole}.{frac}")
        })
    }

    /// The problem with a count that could be read two ways, `one` or `other`.
    fn two_ways(self, t: &str, one: u64, other: u64) -> Problem {
        let (q, one, other) = (quote(t), self.count(one), self.count(other));
        Problem::said(
            "problems-count-two-ways",
            &[("text", &q), ("one", &one), ("other", &other)],
            format!("{q} could be read two ways"),
            format!("write the whole count: {one} or {other}"),
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
