//! `${NAME}` in a source URL: the names are checked when the config loads, the values are read
//! from the environment only when a request is made, and are kept out of every message.

use super::SourceError;

/// A part of a URL template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Literal text.
    Text(&'a str),
    /// `${NAME}`: the name of an environment variable.
    Var(&'a str),
}

/// A malformed `${…}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub hint: &'static str,
}

/// Splits a template into text and `${NAME}`s; a `$` not followed by `{` is text.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    const HINT: &str =
        "write ${NAME} with a name of letters, digits and _, e.g. ${YOUTUBE_API_KEY}";
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(TemplateError {
                message: "has an unclosed ${".into(),
                hint: HINT,
            });
        };
        let name = &after[..end];
        if name.is_empty() {
            return Err(TemplateError {
                message: "has an empty ${}".into(),
                hint: HINT,
            });
        }
        if !is_env_name(name) {
            return Err(TemplateError {
                message: format!("names the variable {name:?}, which is not a variable name"),
                hint: HINT,
            });
        }
        out.push(Piece::Var(name));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// Whether `name` can be a shell environment variable: a letter or `_`, then letters, digits
/// and `_`.
pub fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A URL with its variables filled in, and what to hide from messages about it.
#[derive(Clone)]
pub struct Expanded {
    /// The URL to request.
    pub text: String,
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
    pub fn redact(&self, message: &str) -> String {
        let mut out = message.to_string();
        for (value, name) in &self.secrets {
            out = out.replace(value.as_str(), name);
        }
        out
    }
}

/// Fills in `${NAME}`s from `env`, percent-encoding each value so that it stays one part of
/// the URL. A variable that is not set is an error naming it.
pub fn expand(
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
    fn splits_text_and_names() {
        assert_eq!(
            pieces("a${B}c$d${_E1}").unwrap(),
            [
                Piece::Text("a"),
                Piece::Var("B"),
                Piece::Text("c$d"),
                Piece::Var("_E1")
            ]
        );
        assert!(pieces("${").unwrap_err().message.contains("unclosed"));
        assert!(pieces("${}").unwrap_err().message.contains("empty"));
        assert!(pieces("${a.b}").unwrap_err().message.contains("\"a.b\""));
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
