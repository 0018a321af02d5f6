//! Stream counts as people write and read them: `2,712,345`, `2.7M`, `950k`.

use crate::values::problem::Problem;
use crate::values::text::quote;

/// What to write instead of a count that cannot be read.
const WRITE: &str = "type digits (2712345 or 2,712,345) or a short form (2.7M)";

/// The problem with a text that is not a count at all.
pub(crate) fn not_a_count(text: &str) -> Problem {
    let q = quote(text);
    Problem::said(
        "problems-count-not-a-count",
        &[("text", &q)],
        format!("{q} is not a count"),
        WRITE,
    )
}

/// The problem with a count larger than any a stream can hold.
pub(crate) fn too_big(text: &str) -> Problem {
    let (q, max) = (quote(text), u64::MAX.to_string());
    Problem::said(
        "problems-count-too-big",
        &[("text", &q), ("max", &max)],
        format!("{q} is larger than the largest count ({max})"),
        "check the number of digits",
    )
}

/// The English short-form suffixes and their sizes, smallest first.
pub(crate) const SUFFIXES: [(&str, u64); 6] = [
    ("k", 1_000),
    ("M", 1_000_000),
    ("B", 1_000_000_000),
    ("T", 1_000_000_000_000),
    ("P", 1_000_000_000_000_000),
    ("E", 1_000_000_000_000_000_000),
];

/// The size a short form's last letter stands for: k, M and B in either case ("950K",
/// "2.7m"), T, P and E only as capitals.
pub(crate) fn suffix_size(letter: char) -> Option<u64> {
    let letter = match letter {
        'K' => 'k',
        'm' | 'b' => letter.to_ascii_uppercase(),
        _ => letter,
    };
    SUFFIXES
        .iter()
        .find(|(s, _)| s.starts_with(letter))
        .map(|(_, n)| *n)
}

/// Parses a count: digits with optional `,` `_` or space separators, or a short form with
/// `k`, `M` or `B` (`2.7M`). Errors say why, for inline prompts and config messages.
pub fn parse_count(text: &str) -> Result<u64, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::said(
            "problems-count-empty",
            &[],
            "no count",
            "type a count such as 2,712,345 or 2.7M",
        ));
    }
    if t.starts_with('-') {
        return Err(Problem::said(
            "problems-count-negative",
            &[],
            "a count cannot be negative",
            WRITE,
        ));
    }
    // The suffixes are ASCII, so cutting the last byte is cutting the letter.
    match t.chars().last().and_then(suffix_size) {
        Some(scale) => parse_scaled(&t[..t.len() - 1], scale, t),
        None => parse_scaled(t, 1, t),
    }
}

/// `body` ("2.7", "2,712,345") times `scale`, exactly: a fraction must end within the scale
/// ("2.75" of a million, not "2.5" streams). Errors quote `shown`: what the fan typed, of which
/// `body` is the English number (`lang::Lang::parse_count`).
pub(crate) fn parse_scaled(body: &str, scale: u64, shown: &str) -> Result<u64, Problem> {
    let q = quote(shown);
    // Each of these says what the typed text is not, with the same fix.
    let not =
        |key, what: &str| Problem::said(key, &[("text", &q)], format!("{q} is {what}"), WRITE);
    let body = body.trim();
    // "2,7M" is a decimal comma, not 27M: separators only ever group whole digits in threes.
    if !grouped_in_threes(body) {
        return Err(not_a_count(shown));
    }
    let body: String = body
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(not_a_count(shown));
    }
    let (whole, frac) = body.split_once('.').unwrap_or((&body, ""));
    if frac.contains('.') || (scale == 1 && !frac.is_empty()) {
        return Err(not("problems-count-not-whole", "not a whole number"));
    }
    let too_big = || too_big(shown);
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| too_big())?
    };
    let mut n = whole.checked_mul(scale).ok_or_else(too_big)?;
    // Fractional part of a short form: 2.75M = 2_750_000; digits past the scale must be zero.
    let mut unit = scale;
    for d in frac.chars() {
        unit /= 10;
        let digit = u64::from(d.to_digit(10).unwrap_or(0));
        if unit == 0 {
            if digit != 0 {
                return Err(not(
                    "problems-count-fraction",
                    "not a whole number of streams",
                ));
            }
            continue;
        }
        n = n.checked_add(digit * unit).ok_or_else(too_big)?;
    }
    Ok(n)
}

/// Whether the separators (`,` `_` or space) in `body` sit only between groups of three digits
/// before any point: "2,712,345" and "2_712.5" yes, "2,7" and "27,12,345" no.
fn grouped_in_threes(body: &str) -> bool {
    let is_sep = |c: char| matches!(c, ',' | '_' | ' ');
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    if frac.contains(is_sep) {
        return false;
    }
    if !whole.contains(is_sep) {
        return true;
    }
    let mut groups = whole.split(is_sep);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// `2712345` → `2,712,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `2700000` → `2.7M`, `950000` → `950k`, `12` → `12`: at most three significant digits.
pub fn short(n: u64) -> String {
    for &(suffix, unit) in SUFFIXES.iter().rev() {
        if n >= unit {
            let value = n as f64 / unit as f64;
            let text = if value >= 100.0 {
                format!("{value:.0}")
            } else if value >= 10.0 {
                format!("{value:.1}")
            } else {
                format!("{value:.2}")
            };
            // 2.70 → 2.7, 3.00 → 3
            let text = if text.contains('.') {
                text.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                text
            };
            return format!("{text}{suffix}");
        }
    }
    n.to_string()
}

/// `n` in thousands with `unit` (a plural word), singular for exactly 1: "1 stream",
/// "2,712,345 streams", "1 play". A unit not ending in "s" stays as written.
pub(crate) fn counted(n: u64, unit: &str) -> String {
    let n_text = thousands(n);
    if n == 1 {
        format!("{n_text} {}", crate::values::text::singular(unit))
    } else {
        format!("{n_text} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_fans_type() {
        assert_eq!(parse_count("2,712,345"), Ok(2_712_345));
        assert_eq!(parse_count("2712345"), Ok(2_712_345));
        assert_eq!(parse_count("2.7M"), Ok(2_700_000));
        assert_eq!(parse_count("2.75m"), Ok(2_750_000));
        assert_eq!(parse_count("950k"), Ok(950_000));
        assert_eq!(parse_count(" 1_000 "), Ok(1000));
        assert_eq!(parse_count("2 712 345"), Ok(2_712_345));
        assert_eq!(parse_count("1,234.5k"), Ok(1_234_500));
        assert_eq!(parse_count("18446744073709551615"), Ok(u64::MAX));
    }

    #[test]
    fn refuses_with_a_reason() {
        assert!(
            parse_count("")
                .unwrap_err()
                .to_string()
                .contains("type a count")
        );
        assert!(
            parse_count("-3")
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        assert!(
            parse_count("2.5")
                .unwrap_err()
                .to_string()
                .contains("whole")
        );
        assert!(
            parse_count("lots")
                .unwrap_err()
                .to_string()
                .contains("not a count")
        );
        assert!(
            parse_count("18446744073709551616")
                .unwrap_err()
                .to_string()
                .contains("larger")
        );
        assert!(
            parse_count("20000000000000000B")
                .unwrap_err()
                .to_string()
                .contains("larger")
        );
        assert!(
            parse_count("1.2.3M")
                .unwrap_err()
                .to_string()
                .contains("whole")
        );
    }

    #[test]
    fn separators_group_only_in_threes() {
        // A decimal comma is refused rather than read as 27M or 27,000.
        for t in [
            "2,7M",
            "2,7",
            "27,12,345",
            "1,2345",
            ",123",
            "1,,234",
            "2.7,5M",
            "1234,567",
        ] {
            let why = parse_count(t).expect_err(t).to_string();
            assert!(
                why.contains("not a count") && why.contains("2.7M"),
                "{t}: {why}"
            );
        }
    }

    #[test]
    fn plurals() {
        assert_eq!(counted(1, "streams"), "1 stream");
        assert_eq!(counted(2, "streams"), "2 streams");
        assert_eq!(counted(0, "views"), "0 views");
        assert_eq!(counted(2_712_345, "plays"), "2,712,345 plays");
        assert_eq!(counted(1, "s"), "1 s");
    }

    #[test]
    fn formats() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_904_220), "1,904,220");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(short(2_700_000), "2.7M");
        assert_eq!(short(4_000_000), "4M");
        assert_eq!(short(212_345), "212k");
        assert_eq!(short(12_345), "12.3k");
        assert_eq!(short(999), "999");
        assert_eq!(short(u64::MAX), "18.4E");
    }
}
