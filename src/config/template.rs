//! `${NAME}` in a source URL: the names are checked when the config loads, the values are read
//! from the environment only when a request is made, and are kept out of every message.

/// A part of a URL template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Literal text.
    Text(&'a str),
    /// `${NAME}`: the name of an environment variable.
    Var(&'a str),
}

/// A malformed `${…}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TemplateError {
    /// What is wrong.
    pub(crate) message: String,
    /// What to write instead.
    pub(crate) hint: &'static str,
}

/// Splits a template into text and `${NAME}`s; a `$` not followed by `{` is text.
pub(crate) fn pieces(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
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
pub(crate) fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
