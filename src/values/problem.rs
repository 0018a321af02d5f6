//! A mistake in something a user wrote, as data: what is wrong and what to write instead.
//! Parsers return it; the config validator adds the place (file:line:col), the CLI the flag.

use std::fmt;

/// What is wrong with a value, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, e.g. `unknown time zone "Seoul"`.
    pub(crate) message: String,
    /// What to write instead, e.g. `write "Asia/Seoul"`.
    pub(crate) hint: String,
    /// The text's key (`problems-zone-unknown`, its fix under `…-hint`), so that the prompt
    /// and the forms can say it in the fan's language; `None` stays English.
    pub(crate) key: Option<&'static str>,
    /// The key's arguments, already written as the text shows them (the quoted input).
    pub(crate) args: Vec<(&'static str, String)>,
}

impl Problem {
    /// A problem with its fix, said in English only.
    pub(crate) fn new(message: impl Into<String>, hint: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            hint: hint.into(),
            key: None,
            args: Vec::new(),
        }
    }

    /// A problem with its fix and the key that says both in any language; the English
    /// `message` and `hint` are what `key` says in English (a test holds them equal).
    pub(crate) fn said(
        key: &'static str,
        args: &[(&'static str, &str)],
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Problem {
        Problem {
            message: message.into(),
            hint: hint.into(),
            key: Some(key),
            args: args.iter().map(|(n, v)| (*n, v.to_string())).collect(),
        }
    }
}

impl fmt::Display for Problem {
    /// One line, message then fix: how the CLI shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.message, self.hint)
    }
}

/// A sentence in English with the key that says it in any language: a refusal the CLI prints
/// as it is and a form shows in the fan's language. Without a key it stays English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// The English sentence.
    pub(crate) text: String,
    /// Its key (`problems-edit-no-event`), if it has one.
    pub(crate) key: Option<&'static str>,
    /// The key's arguments, written as the text shows them.
    pub(crate) args: Vec<(&'static str, String)>,
}

impl Said {
    /// `text`, which `key` with `args` says in English (a test holds them equal).
    pub(crate) fn keyed(
        key: &'static str,
        args: &[(&'static str, &str)],
        text: impl Into<String>,
    ) -> Said {
        Said {
            text: text.into(),
            key: Some(key),
            args: args.iter().map(|(n, v)| (*n, v.to_string())).collect(),
        }
    }
}

impl From<String> for Said {
    /// A sentence only the CLI shows, so English only.
    fn from(text: String) -> Said {
        Said {
            text,
            key: None,
            args: Vec::new(),
        }
    }
}

impl From<&str> for Said {
    /// A sentence only the CLI shows, so English only.
    fn from(text: &str) -> Said {
        Said::from(text.to_string())
    }
}

impl fmt::Display for Said {
    /// The English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
