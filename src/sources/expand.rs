//! A URL's `${NAME}`s filled in from the environment at request time, and every message about
//! that request with the values put back as `${NAME}`, in whatever form the server or the
//! message's own quoting gave them.

use crate::config::template::{Piece, pieces};
use crate::readings::poll::SourceError;
use crate::values::numbers::parse_count;
use crate::values::text::percent_encode;

/// The fewest characters of a value's start, cut off by a quote's "…", that are put back as
/// its `${NAME}`: fewer match ordinary text by chance, and tell nothing of the value.
const CUT_MIN: usize = 3;

/// A URL with its variables filled in, and what to hide from messages about it.
#[derive(Clone)]
pub(crate) struct Expanded {
    /// The URL to request.
    pub(crate) text: String,
    /// (a value as it was in the environment, `${NAME}` to show instead).
    values: Vec<(String, String)>,
    /// (a form a value may take in a message, `${NAME}`), longest first.
    forms: Vec<(String, String)>,
}

impl std::fmt::Debug for Expanded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Debug output ends up in logs and panics: never print the values.
        f.debug_struct("Expanded").finish_non_exhaustive()
    }
}

impl Expanded {
    /// `message` with every expanded value put back as `${NAME}`: raw, percent-encoded (either
    /// case), escaped by JSON or Rust quoting, or its start where a quote cut it with "…".
    pub(crate) fn redact(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        let mut rest = message;
        'scan: while let Some(c) = rest.chars().next() {
            // One pass, longest form first, so a `${NAME}` put in is never matched again.
            for (form, shown) in &self.forms {
                if let Some(after) = rest.strip_prefix(form.as_str()) {
                    out.push_str(shown);
                    rest = after;
                    continue 'scan;
                }
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        let parts: Vec<&str> = out.split('…').collect();
        let last = parts.len() - 1;
        let mut whole = String::with_capacity(out.len());
        for (i, part) in parts.into_iter().enumerate() {
            if i == last {
                whole.push_str(part);
            } else {
                whole.push_str(&self.uncut(part));
                whole.push('…');
            }
        }
        whole
    }

    /// `before` (text a "…" follows) with the longest start of a value it ends with, at least
    /// [`CUT_MIN`] characters, put back as `${NAME}`.
    fn uncut(&self, before: &str) -> String {
        let longest = self
            .forms
            .iter()
            .flat_map(|(form, shown)| {
                // Where each start of the form ends: after 0, 1, 2, … characters.
                let ends = form.char_indices().map(|(i, _)| i).chain([form.len()]);
                ends.skip(CUT_MIN)
                    .filter(|&end| before.ends_with(&form[..end]))
                    .map(move |end| (end, shown))
            })
            .max_by_key(|(end, _)| *end);
        match longest {
            Some((end, shown)) => format!("{}{shown}", &before[..before.len() - end]),
            None => before.to_string(),
        }
    }

    /// `error` as it will be shown, with every expanded value put back as `${NAME}`; the same
    /// error when its text holds none.
    pub(crate) fn redact_error(&self, error: SourceError) -> SourceError {
        let text = error.to_string();
        let safe = self.redact(&text);
        if safe == text {
            error
        } else {
            SourceError::Redacted(safe)
        }
    }

    /// The `${NAME}` whose value reads as `count`: a server that sends back what it was asked.
    pub(crate) fn echoed(&self, count: u64) -> Option<&str> {
        self.values
            .iter()
            .find(|(value, _)| parse_count(value).ok() == Some(count))
            .map(|(_, shown)| shown.as_str())
    }
}

/// Fills in `${NAME}`s from `env`, percent-encoding each value so that it stays one part of
/// the URL. A variable that is not set is an error naming it.
pub(crate) fn expand(
    template: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Expanded, SourceError> {
    let pieces = pieces(template).map_err(|e| SourceError::Config(e.message))?;
    let mut text = String::with_capacity(template.len());
    let mut values = Vec::new();
    let mut forms = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Var(name) => {
                let value = env(name).ok_or_else(|| SourceError::NotSet(name.to_string()))?;
                text.push_str(&percent_encode(&value));
                let shown = format!("${{{name}}}");
                if !value.is_empty() {
                    forms.extend(forms_of(&value).into_iter().map(|f| (f, shown.clone())));
                    values.push((value, shown));
                }
            }
        }
    }
    // Longest first, so that a form containing another is replaced whole.
    forms.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
    forms.dedup();
    Ok(Expanded {
        text,
        values,
        forms,
    })
}

/// The forms `value` may take in a message: as it is, percent-encoded as sent (and with
/// lowercase hex, or `+` for a space, as a server may write it back), and inside the quotes of
/// a JSON string or of Rust's `{:?}` (which [`crate::values::text::quote`] uses).
fn forms_of(value: &str) -> Vec<String> {
    let sent = percent_encode(value);
    let lower = lower_hex(&sent);
    let plus = sent.replace("%20", "+");
    let json = serde_json::to_string(value).unwrap_or_default();
    let debug = format!("{value:?}");
    let unquote = |s: &str| {
        s.get(1..s.len().saturating_sub(1))
            .unwrap_or_default()
            .to_string()
    };
    let mut forms = vec![
        value.to_string(),
        unquote(&json),
        unquote(&debug),
        plus,
        lower,
        sent,
    ];
    forms.retain(|f| !f.is_empty());
    forms
}

/// `encoded` with the hex digits of each `%XX` in lowercase.
fn lower_hex(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut hex_left = 0;
    for c in encoded.chars() {
        if hex_left > 0 {
            out.push(c.to_ascii_lowercase());
            hex_left -= 1;
        } else {
            out.push(c);
            if c == '%' {
                hex_left = 2;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "KEY" => Some("s3cret".into()),
            "ODD" => Some("a b&c".into()),
            "EMPTY" => Some(String::new()),
            _ => None,
        }
    }

    #[test]
    fn expands_encodes_and_redacts() {
        let e = expand("https://x.test/?k=${KEY}&o=${ODD}&e=${EMPTY}", &env).unwrap();
        assert_eq!(e.text, "https://x.test/?k=s3cret&o=a%20b%26c&e=");
        assert_eq!(
            e.redact(&format!("failed: {} (s3cret, a b&c)", e.text)),
            "failed: https://x.test/?k=${KEY}&o=${ODD}&e= (${KEY}, ${ODD})"
        );
        assert!(!format!("{e:?}").contains("s3cret"));
    }

    #[test]
    fn every_form_of_a_value_is_put_back() {
        let e = expand("https://x.test/?o=${ODD}", &env).unwrap();
        for (form, why) in [
            ("a b&c", "raw"),
            ("a%20b%26c", "as sent"),
            ("a+b%26c", "a space as +"),
            ("A%20B%26C", "no: another value"),
        ] {
            let shown = e.redact(&format!("[{form}]"));
            let put_back = shown == "[${ODD}]";
            assert_eq!(put_back, !why.starts_with("no"), "{why}: {shown}");
        }
        let q = expand("https://x.test/?q=${Q}", &|_| Some("say \"hi\"\n".into())).unwrap();
        // Escaped by JSON and by Rust's {:?}; and the hex of %XX in lowercase.
        assert_eq!(q.redact(r#"got "say \"hi\"\n""#), r#"got "${Q}""#);
        assert_eq!(q.redact("say%20%22hi%22%0a"), "${Q}");
    }

    #[test]
    fn a_value_cut_by_a_quote_is_put_back() {
        let long = |_: &str| Some("abcdefghijklmnopqrstuvwxyz".to_string());
        let e = expand("https://x.test/?k=${KEY}", &long).unwrap();
        assert_eq!(e.redact("\"views abcdefgh…\""), "\"views ${KEY}…\"");
        assert_eq!(e.redact("\"views abc…\""), "\"views ${KEY}…\"");
        // Two characters tell nothing and match by chance: left.
        assert_eq!(e.redact("\"views ab…\" …"), "\"views ab…\" …");
    }

    #[test]
    fn a_value_spelling_its_own_name_is_put_back_once() {
        let e = expand("https://x.test/?k=${KEY}", &|_| Some("KEY".into())).unwrap();
        // The `KEY` inside a `${KEY}` put in is not matched again.
        assert_eq!(e.redact("KEY and {KEY}"), "${KEY} and {${KEY}}");
    }

    #[test]
    fn a_count_that_is_a_value_is_an_echo() {
        let e = expand("https://x.test/?n=${N}", &|_| Some("90210".into())).unwrap();
        assert_eq!(e.echoed(90_210), Some("${N}"));
        assert_eq!(e.echoed(90_211), None);
    }

    #[test]
    fn a_missing_variable_is_named() {
        let e = expand("https://x.test/?k=${NOPE}", &env).unwrap_err();
        assert_eq!(e.to_string(), "$NOPE is not set");
    }
}
