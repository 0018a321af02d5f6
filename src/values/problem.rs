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
}

impl Problem {
    /// A problem with its fix.
    pub(crate) fn new(message: impl Into<String>, hint: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// One line, message then fix: how the CLI and the `u` prompt show it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.message, self.hint)
    }
}
