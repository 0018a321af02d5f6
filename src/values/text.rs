//! Values quoted back in messages, cut to a readable length: a 10 MB value in a config must
//! not come back whole in its error; and how long ago a moment was.

use chrono::{DateTime, Utc};

/// The most characters of a value a message quotes before cutting it with "…".
pub(crate) const QUOTE_MAX: usize = 40;

/// `s` cut to [`QUOTE_MAX`] characters (on a character boundary) with "…" appended when cut.
pub(crate) fn clip(s: &str) -> String {
    match s.char_indices().nth(QUOTE_MAX) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}

/// `s` clipped and in double quotes, with quotes and control characters escaped so a value
/// cannot break the message's line or move the terminal's cursor.
pub(crate) fn quote(s: &str) -> String {
    format!("{:?}", clip(s))
}

/// `message` with every "…" or `…` span in it clipped, for messages written by other crates
/// that quote the value whole.
pub(crate) fn clip_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' && c != '`' {
            continue;
        }
        // Inside a span: keep QUOTE_MAX characters, skip the rest, up to the closing mark.
        let mut kept = 0;
        let mut cut = false;
        let mut escaped = false;
        let mut closed = false;
        for inner in chars.by_ref() {
            let closes = inner == c && !escaped;
            escaped = c == '"' && inner == '\\' && !escaped;
            if closes {
                if cut {
                    out.push('…');
                }
                out.push(inner);
                closed = true;
                break;
            }
            if kept < QUOTE_MAX {
                out.push(inner);
                kept += 1;
            } else {
                cut = true;
            }
        }
        if cut && !closed {
            // No closing mark: the span ran to the end.
            out.push('…');
        }
    }
    out
}

/// "just now", "12 min ago", "3 h 5 min ago", "4 d ago": how long before `now` `t` was.
pub(crate) fn ago(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - t).num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match minutes {
        0 => "just now".to_string(),
        1..60 => format!("{mins} min ago"),
        60..2880 if mins == 0 => format!("{} h ago", minutes / 60),
        60..2880 => format!("{} h {mins} min ago", minutes / 60),
        _ if hours == 0 => format!("{days} d ago"),
        _ => format!("{days} d {hours} h ago"),
    }
}

/// As [`ago`], but to the second under a minute ("45 s ago"): for a stale count, which may be
/// stale within a minute when its source polls every few seconds.
pub(crate) fn ago_secs(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match (now - t).num_seconds() {
        s @ 1..60 => format!("{s} s ago"),
        _ => ago(t, now),
    }
}

/// The singular of a plural `unit`: "streams" → "stream"; "plays" → "play".
pub(crate) fn singular(unit: &str) -> &str {
    unit.strip_suffix('s')
        .filter(|s| !s.is_empty())
        .unwrap_or(unit)
}

/// Encodes all but the URL's unreserved characters (letters, digits, `-._~`), so a value
/// stays one query value (and a `$` in it never reads as a `${NAME}`).
pub(crate) fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// "2h 45m", "45m", "3h": a span of readings in hours and whole minutes.
pub(crate) fn hours_minutes(span: chrono::TimeDelta) -> String {
    let minutes = span.num_minutes().max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m:02}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_kept_and_long_ones_cut_on_a_char_boundary() {
        assert_eq!(quote("Seoul"), "\"Seoul\"");
        assert_eq!(quote("a\nb\"c"), "\"a\\nb\\\"c\"");
        let long = "é".repeat(100);
        let q = quote(&long);
        assert_eq!(q, format!("\"{}…\"", "é".repeat(QUOTE_MAX)));
        assert_eq!(clip(&"x".repeat(QUOTE_MAX)), "x".repeat(QUOTE_MAX));
    }

    #[test]
    fn quoted_spans_in_other_messages_are_cut() {
        let x = "x".repeat(1000);
        let forty = "x".repeat(QUOTE_MAX);
        assert_eq!(
            clip_quoted(&format!("invalid type: string \"{x}\", expected u64")),
            format!("invalid type: string \"{forty}…\", expected u64")
        );
        assert_eq!(
            clip_quoted(&format!("unknown field `{x}`, expected `title`")),
            format!("unknown field `{forty}…`, expected `title`")
        );
        assert_eq!(
            clip_quoted("a \"with \\\" quote\" b"),
            "a \"with \\\" quote\" b"
        );
        assert_eq!(
            clip_quoted(&format!("open \"{x}")),
            format!("open \"{forty}…")
        );
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("streams"), "stream");
        assert_eq!(singular("s"), "s");
        assert_eq!(singular("fish"), "fish");
    }

    #[test]
    fn spans_in_hours_and_minutes() {
        let m = chrono::TimeDelta::minutes;
        assert_eq!(hours_minutes(m(10)), "10m");
        assert_eq!(hours_minutes(m(165)), "2h 45m");
        assert_eq!(hours_minutes(m(180)), "3h");
        assert_eq!(hours_minutes(m(-5)), "0m");
    }

    #[test]
    fn ages() {
        let utc = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let t = utc("2022-04-24T14:00:00Z");
        let at = |secs: i64| ago(t, t + chrono::TimeDelta::seconds(secs));
        assert_eq!(at(-30), "just now");
        assert_eq!(at(59), "just now");
        assert_eq!(at(60), "1 min ago");
        assert_eq!(at(12 * 60 + 59), "12 min ago");
        assert_eq!(at(3600), "1 h ago");
        assert_eq!(at(3 * 3600 + 5 * 60), "3 h 5 min ago");
        assert_eq!(at(47 * 3600 + 59 * 60), "47 h 59 min ago");
        assert_eq!(at(2 * 86_400), "2 d ago");
        assert_eq!(at(4 * 86_400 + 3 * 3600 + 60), "4 d 3 h ago");
        assert_eq!(ago_secs(t, t + chrono::TimeDelta::seconds(45)), "45 s ago");
        assert_eq!(ago_secs(t, t + chrono::TimeDelta::seconds(90)), "1 min ago");
    }
}
