//! A URL's `${NAME}`s filled in from the environment at request time, and every message about
//! that request with the values put back as `${NAME}`.

use crate::config::template::{Piece, pieces};
use crate::readings::poll::SourceError;

/// A URL with its variables filled in, and what to hide from messages about it.
#[derive(Clone)]
pub(crate) struct Expanded {
    /// The URL to request.
    pub(crate) text: String,
    /// (value as it may appear in a message, `${NAME}` to show instead), longest first.
    secrets: Vec<(String, String)>,
}

impl std::fmt::Debug for Expanded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Debug output ends up in logs and panics: never print the values.
        f.debug_struct("Expanded").finish_non_exhaustive()
    }
}

impl Expanded {
    /// `message` with every expanded value, raw or percent-encoded, put back as `${NAME}`.
    pub(crate) fn redact(&self, message: &str) -> String {
        let mut out = message.to_string();
        for (value, name) in &self.secrets {
            out = out.replace(value.as_str(), name);
        }
        out
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
    let mut secrets = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Var(name) => {
                let value = env(name).ok_or_else(|| SourceError::NotSet(name.to_string()))?;
                let encoded = percent_encode(&value);
                text.push_str(&encoded);
                let shown = format!("${{{name}}}");
                if !value.is_empty() {
                    secrets.push((encoded.clone(), shown.clone()));
                    secrets.push((value, shown));
                }
            }
        }
    }
    // Longest first, so that a value containing another is replaced whole.
    secrets.sort_by_key(|(value, _)| std::cmp::Reverse(value.len()));
    Ok(Expanded { text, secrets })
}

/// Encodes all but the URL's unreserved characters (letters, digits, `-._~`).
fn percent_encode(value: &str) -> String {
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
    fn a_missing_variable_is_named() {
        let e = expand("https://x.test/?k=${NOPE}", &env).unwrap_err();
        assert_eq!(e.to_string(), "$NOPE is not set");
    }
}
