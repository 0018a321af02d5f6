//! The warnings about a readings file: every one counted, only the first few kept. A file of
//! millions of bad lines then costs a counter, not a message each, and says its first few
//! and how many more.

use crate::values::numbers::thousands;

/// How many warnings are kept to be said; the rest are only counted.
pub(crate) const KEPT: usize = 20;

/// The warnings about a readings file: the first [`KEPT`] of them, and how many there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Warnings {
    /// The first warnings, at most [`KEPT`].
    kept: Vec<String>,
    /// All of them, kept or not.
    count: u64,
}

impl Warnings {
    /// Counts a warning, and keeps it while there is room.
    pub(crate) fn push(&mut self, warning: String) {
        if self.kept.len() < KEPT {
            self.kept.push(warning);
        }
        self.count += 1;
    }

    /// Takes back the last warning counted.
    pub(super) fn pop(&mut self) {
        // The first `KEPT` are kept: the last is among them only while there are no more.
        if self.count <= self.kept.len() as u64 {
            self.kept.pop();
        }
        self.count = self.count.saturating_sub(1);
    }

    /// How many warnings there were, kept or not.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether there were none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The first warnings, at most [`KEPT`].
    pub fn kept(&self) -> &[String] {
        &self.kept
    }

    /// How many were counted but not kept.
    pub(crate) fn more(&self) -> u64 {
        self.count - self.kept.len() as u64
    }

    /// What to say, a line each: the kept warnings, then "and 6,099,980 more" if some were not.
    pub(crate) fn lines(&self) -> impl Iterator<Item = String> + '_ {
        let more = self.more();
        self.kept
            .iter()
            .cloned()
            .chain((more > 0).then(|| format!("and {} more", thousands(more))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_are_kept_and_the_rest_counted() {
        let mut w = Warnings::default();
        assert!(w.is_empty() && w.lines().next().is_none());
        for i in 0..1_234_567 {
            w.push(format!("line {i}"));
        }
        assert_eq!(w.count(), 1_234_567);
        assert_eq!(w.kept().len(), KEPT);
        assert_eq!(w.kept()[KEPT - 1], format!("line {}", KEPT - 1));
        let lines: Vec<String> = w.lines().collect();
        assert_eq!(lines.len(), KEPT + 1);
        assert_eq!(lines[KEPT], "and 1,234,547 more");
        // Taking back the last counted: kept ones only once nothing past them was counted.
        w.pop();
        assert_eq!((w.count(), w.kept().len()), (1_234_566, KEPT));
        let mut w = Warnings::default();
        w.push("a".into());
        w.push("b".into());
        w.pop();
        assert_eq!((w.count(), w.kept()), (1, &["a".to_string()][..]));
        assert_eq!(w.lines().collect::<Vec<_>>(), ["a"]);
    }
}
