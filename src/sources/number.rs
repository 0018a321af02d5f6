//! Finding the count in what a source answered: the first whole number of a text, or the value
//! a JSON pointer names.

use serde_json::Value;

use crate::config::Preset;
use crate::readings::poll::SourceError;
use crate::values::numbers::parse_count;

/// The first whole number in `text`, read as people write counts (`2,712,345`, `2.7M`).
/// A number inside a word (`mp3`, `7Mbps`), a negative one or a fraction (`2.5`) is passed
/// over.
pub(crate) fn first_count(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let end = number_end(bytes, start);
        i = end;
        let before = start.checked_sub(1).map(|j| bytes[j]);
        let in_word = before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
        let negative = before == Some(b'-')
            && start
                .checked_sub(2)
                .is_none_or(|j| !bytes[j].is_ascii_alphanumeric());
        let glued = bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if in_word || negative || glued {
            continue;
        }
        // The token is ASCII, so slicing at these offsets is on character boundaries.
        if let Ok(n) = parse_count(&text[start..end]) {
            return Some(n);
        }
    }
    None
}

/// The end of the number starting at `start`: digits with `,` or `_` between them, an
/// optional fraction, and a unit letter (k, M, B, T, P, E) that does not begin a word.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digit_at = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    let mut end = start;
    while digit_at(end) || (matches!(bytes.get(end), Some(b',' | b'_')) && digit_at(end + 1)) {
        end += 1;
    }
    if bytes.get(end) == Some(&b'.') && digit_at(end + 1) {
        end += 1;
        while digit_at(end) {
            end += 1;
        }
    }
    let unit = bytes.get(end).is_some_and(|b| {
        matches!(
            b,
            b'k' | b'K' | b'm' | b'M' | b'b' | b'B' | b'T' | b'P' | b'E'
        )
    });
    let word_goes_on = bytes
        .get(end + 1)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    if unit && !word_goes_on {
        end += 1;
    }
    end
}

/// The count at `pointer` in a JSON document: a whole number or a numeric string.
pub(crate) fn json_count(body: &[u8], pointer: &str) -> Result<u64, SourceError> {
    let doc: Value = serde_json::from_slice(body)
        .map_err(|e| SourceError::Answer(format!("the answer is not JSON ({e})")))?;
    let value = doc
        .pointer(pointer)
        .ok_or_else(|| SourceError::Answer(format!("nothing at {pointer:?} in the JSON")))?;
    let not_a_count = |why: String| SourceError::Answer(format!("{pointer:?} {why}"));
    match value {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| {
                // 2712345.0: some APIs send every number as a float.
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < u64::MAX as f64)
                    .map(|f| f as u64)
            })
            .ok_or_else(|| not_a_count(format!("is {n}, not a whole count"))),
        Value::String(s) => parse_count(s)
            .map_err(|e| not_a_count(format!("is {}: {e}", crate::values::text::quote(s)))),
        other => Err(not_a_count(format!("is {}, not a count", kind(other)))),
    }
}

/// The count in an answer of `preset`'s API, or the failure the API reported in it: Last.fm
/// reports errors with HTTP 200 and `{"error": N, "message": …}`, YouTube an unknown video as
/// no item. Never a count out of an error.
pub(crate) fn preset_count(body: &[u8], preset: Preset) -> Result<u64, SourceError> {
    let doc: Value = serde_json::from_slice(body)
        .map_err(|e| SourceError::Answer(format!("the answer is not JSON ({e})")))?;
    if let Some(message) = api_error(&doc) {
        return Err(SourceError::Answer(message));
    }
    if preset == Preset::YouTube
        && doc
            .get("items")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
    {
        return Err(SourceError::Answer(
            "no such video: YouTube knows no video with this id".into(),
        ));
    }
    json_count(body, preset.pointer())
}

/// The error an API answer reports: Last.fm's `{"error": 6, "message": "Track not found"}`,
/// Google's `{"error": {"code": 400, "message": "API key not valid…"}}`; clipped.
pub(crate) fn api_error(doc: &Value) -> Option<String> {
    let error = doc.get("error")?;
    let (code, message) = match error {
        Value::Object(o) => (o.get("code"), o.get("message")),
        _ => (Some(error), doc.get("message")),
    };
    let message = message.and_then(Value::as_str).unwrap_or("no message");
    let code = code.map(|c| format!(" {c}")).unwrap_or_default();
    Some(format!(
        "the API answered error{}: {}",
        crate::values::text::clip(&code),
        crate::values::text::clip(message)
    ))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_whole_number_as_people_write_it() {
        assert_eq!(first_count("2712345\n"), Some(2_712_345));
        assert_eq!(first_count("views: 2,712,345 (up 3)"), Some(2_712_345));
        assert_eq!(first_count("about 2.7M plays"), Some(2_700_000));
        assert_eq!(first_count("950k"), Some(950_000));
        assert_eq!(first_count("{\"views\":\"1_000\"}"), Some(1000));
        // Passed over: inside a word, negative, a fraction, a unit letter that starts a word.
        assert_eq!(first_count("mp3 player: 12"), Some(12));
        assert_eq!(first_count("delta -5, total 40"), Some(40));
        assert_eq!(first_count("ratio 2.5 of 80"), Some(80));
        assert_eq!(first_count("7 Mbps"), Some(7));
        assert_eq!(first_count("7Mbps 9"), Some(9));
        // A list "1, 2" is two numbers, not 12.
        assert_eq!(first_count("1, 2"), Some(1));
        assert_eq!(first_count("no digits here"), None);
        assert_eq!(first_count(""), None);
        assert_eq!(first_count("99999999999999999999999"), None);
    }

    #[test]
    fn preset_answers_and_their_errors() {
        let yt = br#"{"kind":"youtube#videoListResponse","items":[{"id":"x","statistics":{"viewCount":"123","likeCount":"4"}}],"pageInfo":{"totalResults":1}}"#;
        assert_eq!(preset_count(yt, Preset::YouTube), Ok(123));
        let none =
            br#"{"kind":"youtube#videoListResponse","items":[],"pageInfo":{"totalResults":0}}"#;
        let e = preset_count(none, Preset::YouTube).unwrap_err().to_string();
        assert!(e.contains("no such video"), "{e}");
        let bad_key = br#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key."}}"#;
        let e = preset_count(bad_key, Preset::YouTube)
            .unwrap_err()
            .to_string();
        assert!(e.contains("error 400: API key not valid"), "{e}");
        let fm = br#"{"track":{"name":"Drama","playcount":"12345","listeners":"99"}}"#;
        assert_eq!(preset_count(fm, Preset::LastFm), Ok(12_345));
        // An error with HTTP 200 and a number in it: a failure with its message, not 6 plays.
        let e = preset_count(
            br#"{"error":6,"message":"Track not found","links":[]}"#,
            Preset::LastFm,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("error 6: Track not found"), "{e}");
    }

    #[test]
    fn json_pointers() {
        let body = br#"{"items":[{"statistics":{"viewCount":"2712345","likes":12,"f":3.0,"neg":-1,"x":1.5,"o":{}}}]}"#;
        let at = |p: &str| json_count(body, p);
        assert_eq!(at("/items/0/statistics/viewCount"), Ok(2_712_345));
        assert_eq!(at("/items/0/statistics/likes"), Ok(12));
        assert_eq!(at("/items/0/statistics/f"), Ok(3));
        for (p, why) in [
            ("/items/1", "nothing at \"/items/1\""),
            ("/items/0/statistics/neg", "is -1, not a whole count"),
            ("/items/0/statistics/x", "is 1.5"),
            ("/items/0/statistics/o", "is an object"),
        ] {
            let e = at(p).unwrap_err().to_string();
            assert!(e.contains(why), "{p}: {e}");
        }
        let e = json_count(b"<html>nope</html>", "/a")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("the answer is not JSON"), "{e}");
        assert_eq!(json_count(b"42", ""), Ok(42));
    }
}
