//! The warnings about a readings file: every one counted, only the first few kept. A file of
//! millions of bad lines then costs a counter, not a message each, and says its first few
//! and how many more. Each is kept as its parts, so that the dashboard can say it in the fan's
//! language; their English text is what `check` and a printed frame say.

use std::fmt;

use crate::values::numbers::thousands;

/// How many warnings are kept to be said; the rest are only counted.
pub(crate) const KEPT: usize = 20;

/// A line of a readings file skipped: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Warning {
    /// The file, as named to the reader ("fan.readings.csv").
    pub(crate) file: String,
    /// The line, counted from 1.
    pub(crate) line: usize,
    /// Why it was skipped.
    pub(crate) skip: Skip,
}

/// Why a line was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Skip {
    /// It is no reading.
    Reading(Why),
    /// It is longer than a reading can be: this many KiB.
    Long(usize),
    /// The last line, without a newline and no whole reading (a write that did not finish?):
    /// the next reading recorded moves it to this file.
    Torn(String),
    /// Not a line: the whole file could not be read, as the OS says (its line is 0).
    CannotRead(String),
}

/// Why a line is no reading. The parts quoted from the line are quoted already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    /// Not 4 or 5 fields: how many there were.
    Fields(usize),
    /// A fifth field that is no source word.
    Source(String),
    /// A time that is no RFC 3339 time.
    Time(String),
    /// No event.
    NoEvent,
    /// A count that is no whole number in range.
    Count(String),
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Fields(n) => write!(
                f,
                "expected 5 fields (time,event,platform,count,source), found {n}"
            ),
            Why::Source(s) => write!(f, "unknown source {s}; write manual, log, command or url"),
            Why::Time(t) => write!(f, "{t} is not an RFC 3339 time"),
            Why::NoEvent => write!(f, "the event is empty"),
            Why::Count(c) => write!(f, "{c} is not a whole number from 0 to {}", u64::MAX),
        }
    }
}

impl fmt::Display for Warning {
    /// The English text: "fan.readings.csv:3: skipped a reading: the event is empty".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, line) = (&self.file, self.line);
        match &self.skip {
            Skip::Reading(why) => write!(f, "{file}:{line}: skipped a reading: {why}"),
            Skip::Long(kib) => write!(
                f,
                "{file}:{line}: skipped a line longer than a reading can be ({kib} KiB)"
            ),
            Skip::CannotRead(e) => write!(f, "cannot read {file}: {e}"),
            Skip::Torn(aside) => write!(
                f,
                "{file}:{line}: skipped the last line: it has no newline and is not a whole reading (a write that did not finish?); if you wrote it, end it with a newline, else the next reading recorded moves it to {aside}"
            ),
        }
    }
}

/// The warnings about a readings file: the first [`KEPT`] of them, and how many there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Warnings {
    /// The first warnings, at most [`KEPT`], as their parts: English is their `Display`.
    kept: Vec<Warning>,
    /// All of them, kept or not.
    count: u64,
}

impl Warnings {
    /// Counts a warning, and keeps it while there is room.
    pub(crate) fn push(&mut self, warning: Warning) {
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

    /// The first warnings, at most [`KEPT`], in English.
    pub fn kept(&self) -> Vec<String> {
        self.kept.iter().map(Warning::to_string).collect()
    }

    /// The first warning as its parts, for a language to word.
    pub(crate) fn first(&self) -> Option<&Warning> {
        self.kept.first()
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
            .map(Warning::to_string)
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
            w.push(at(i + 1));
        }
        assert_eq!(w.count(), 1_234_567);
        assert_eq!(w.kept().len(), KEPT);
        assert_eq!(
            w.kept()[KEPT - 1],
            format!("f.csv:{KEPT}: skipped a reading: the event is empty")
        );
        assert_eq!(w.first(), Some(&at(1)));
        let lines: Vec<String> = w.lines().collect();
        assert_eq!(lines.len(), KEPT + 1);
        assert_eq!(lines[KEPT], "and 1,234,547 more");
        // Taking back the last counted: kept ones only once nothing past them was counted.
        w.pop();
        assert_eq!((w.count(), w.kept().len()), (1_234_566, KEPT));
        let mut w = Warnings::default();
        w.push(at(1));
        w.push(at(2));
        w.pop();
        let a = "f.csv:1: skipped a reading: the event is empty".to_string();
        assert_eq!((w.count(), w.kept()), (1, vec![a.clone()]));
        assert_eq!(w.lines().collect::<Vec<_>>(), [a]);
        assert_eq!(w.first(), Some(&at(1)));
    }

    fn at(line: usize) -> Warning {
        Warning {
            file: "f.csv".into(),
            line,
            skip: Skip::Reading(Why::NoEvent),
        }
    }
}
