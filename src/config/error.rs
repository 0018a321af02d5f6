//! Config errors a user can act on: where (file:line:col), what is wrong, what to write instead.

use std::fmt;

/// One problem in a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file as the user named it, or "embedded default".
    pub(crate) file: String,
    /// 1-based line and column; `None` when the problem has no place (a missing file).
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub(crate) message: String,
    /// What to write instead.
    pub hint: Option<String>,
}

impl ConfigError {
    /// An error about the file as a whole.
    pub(crate) fn whole_file(file: &str, message: impl Into<String>, hint: Option<String>) -> Self {
        ConfigError {
            file: file.to_string(),
            position: None,
            message: message.into(),
            hint,
        }
    }

    /// `file:line:col: message`, on one line, for a banner.
    pub fn one_line(&self) -> String {
        let mut s = self.location();
        s.push_str(": ");
        s.push_str(&self.message);
        if let Some(hint) = &self.hint {
            s.push_str(" — ");
            s.push_str(hint);
        }
        s
    }

    /// `file:line:col`, or just the file.
    pub(crate) fn location(&self) -> String {
        match self.position {
            Some((line, col)) => format!("{}:{line}:{col}", self.file),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in one config, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl ConfigErrors {
    /// The first error, for a one-line banner.
    pub fn first(&self) -> Option<&ConfigError> {
        self.0.first()
    }
}

impl From<ConfigError> for ConfigErrors {
    fn from(e: ConfigError) -> Self {
        ConfigErrors(vec![e])
    }
}

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

/// Maps byte offsets in a source text to 1-based line and column (columns count characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based (line, column) of byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let idx = LineIndex::new("a = 1\ntitle = \"💜\" x\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(6), (2, 1));
        // The x after the 4-byte emoji is the 13th character of line 2.
        let x = "a = 1\ntitle = \"💜\" x".len() - 1;
        assert_eq!(idx.position(x), (2, 13));
        assert_eq!(idx.position(10_000), (3, 1));
    }

    #[test]
    fn display_has_location_and_help() {
        let e = ConfigError {
            file: "dropwatch.toml".into(),
            position: Some((3, 8)),
            message: "unknown time zone \"Seoul\"".into(),
            hint: Some("write \"Asia/Seoul\"".into()),
        };
        assert_eq!(
            e.to_string(),
            "dropwatch.toml:3:8: unknown time zone \"Seoul\"\n  help: write \"Asia/Seoul\""
        );
        assert_eq!(
            e.one_line(),
            "dropwatch.toml:3:8: unknown time zone \"Seoul\" — write \"Asia/Seoul\""
        );
    }
}
