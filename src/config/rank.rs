//! Rank streams in the config: `measure = "rank"` on a `[[streams]]` makes its readings chart
//! positions (1 is the top), its goals ranks (`rank = 1`, labelled "#1"; `rank = 10`, "top 10")
//! or streaks (`rank = 1`, `for = "24h"`), and `updates`/`updates_at` the chart's cadence.

use chrono::TimeDelta;
use toml::Spanned;

use super::raw::{RawGoal, RawStream};
use super::validate::Validator;

/// When a chart publishes: every `every`, `at` past the start of each day in its zone (for a
/// cadence of a day or less), e.g. hourly at ":00" or daily at "00:00".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    /// The time between updates, more than zero.
    pub every: TimeDelta,
    /// The offset of the updates from the start of the day.
    pub at: TimeDelta,
}

/// A rank or streak goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankGoal {
    /// The rank to reach or beat, at least 1.
    pub rank: u64,
    /// For a streak goal: how long in a row.
    pub hold: Option<TimeDelta>,
}

/// A rank stream's checked settings: its cadence and its goals with their labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankSpec {
    /// When the chart updates, if the config says.
    pub cadence: Option<Cadence>,
    /// The goals, in file order, with their labels.
    pub goals: Vec<(String, RankGoal)>,
}

/// "#1", "top 10", "#1 for 24h".
pub(crate) fn rank_label(goal: RankGoal, hold_text: Option<&str>) -> String {
    let place = if goal.rank == 1 {
        "#1".to_string()
    } else {
        format!("top {}", goal.rank)
    };
    match hold_text {
        Some(h) => format!("{place} for {}", h.trim()),
        None => place,
    }
}

/// `updates_at`: ":MM" past each hour, or "HH:MM" past midnight.
fn offset(text: &str) -> Option<TimeDelta> {
    let (h, m) = text.trim().split_once(':')?;
    let h: i64 = if h.is_empty() { 0 } else { h.parse().ok()? };
    let m: i64 = m.parse().ok()?;
    ((0..24).contains(&h) && (0..60).contains(&m) && m.to_string().len() <= 2)
        .then(|| TimeDelta::hours(h) + TimeDelta::minutes(m))
}

impl Validator<'_> {
    /// The rank settings of `raw` when it measures ranks (`Some(None)` for a count stream;
    /// `None` when they are wrong, with the errors reported).
    pub(super) fn rank_of(&mut self, raw: &RawStream) -> Option<Option<RankSpec>> {
        if !self.measures_rank(raw) {
            for key in [&raw.updates, &raw.updates_at].into_iter().flatten() {
                self.error(
                    key.span(),
                    "a count stream has a chart cadence (`updates`, `updates_at`)",
                    "add measure = \"rank\" for a chart position, or take the key out",
                );
            }
            return Some(None);
        }
        self.rank_spec(raw).map(Some)
    }

    /// A count goal's keys: `label` and `streams` there, no `rank` or `for`. Its label.
    pub(super) fn count_goal_keys(&mut self, raw: &RawGoal) -> Option<String> {
        if let Some(r) = raw
            .rank
            .as_ref()
            .map(Spanned::span)
            .or(raw.hold.as_ref().map(Spanned::span))
        {
            self.error(
                r,
                "a count goal has `rank` or `for`",
                "add measure = \"rank\" to its [[streams]] for chart positions, or write streams = 2_700_000",
            );
            return None;
        }
        let Some(label) = &raw.label else {
            let at = raw.streams.as_ref().map_or(0..0, Spanned::span);
            self.error(
                at,
                "a goal has no `label`",
                "write label = \"Global top 10\"",
            );
            return None;
        };
        if raw.streams.is_none() {
            self.error(
                label.span(),
                "a goal has no `streams`",
                "write its target, e.g. streams = 2_700_000",
            );
            return None;
        }
        Some(label.get_ref().clone())
    }

    /// Whether `raw` measures ranks; an unknown `measure` is an error (and counts go on).
    pub(super) fn measures_rank(&mut self, raw: &RawStream) -> bool {
        let Some(m) = &raw.measure else { return false };
        match m.get_ref().as_str() {
            "rank" => true,
            "count" => false,
            other => {
                self.error(
                    m.span(),
                    format!("`measure` is {other:?}"),
                    "write measure = \"rank\" for chart positions, or leave it out for counts",
                );
                false
            }
        }
    }

    /// The rank settings of a `measure = "rank"` stream.
    pub(super) fn rank_spec(&mut self, raw: &RawStream) -> Option<RankSpec> {
        let every = raw.updates.as_ref().map(|u| (u, self.duration(u)));
        let every = match every {
            Some((u, Some(d))) if d <= TimeDelta::zero() => {
                self.error(
                    u.span(),
                    "`updates` is zero",
                    "write the chart's cadence, e.g. updates = \"1h\"",
                );
                None
            }
            Some((_, d)) => Some(d?),
            None => None,
        };
        let at = match &raw.updates_at {
            Some(a) => Some(offset(a.get_ref()).or_else(|| {
                self.error(
                    a.span(),
                    format!("`updates_at` is {:?}", a.get_ref()),
                    "write \":00\" (minutes past each hour) or \"00:00\" (a time of day)",
                );
                None
            })?),
            None => None,
        };
        let cadence = match (every, at) {
            (None, None) => None,
            (every, at) => Some(Cadence {
                every: every.unwrap_or(TimeDelta::hours(1)),
                at: at.unwrap_or_default(),
            }),
        };
        let goals: Vec<Option<(String, RankGoal)>> =
            raw.goal.iter().map(|g| self.rank_goal(g)).collect();
        Some(RankSpec {
            cadence,
            goals: goals.into_iter().collect::<Option<_>>()?,
        })
    }

    fn rank_goal(&mut self, g: &Spanned<RawGoal>) -> Option<(String, RankGoal)> {
        let raw = g.get_ref();
        if let Some(s) = raw
            .streams
            .as_ref()
            .map(Spanned::span)
            .or(raw.within.as_ref().map(Spanned::span))
            .or(raw.deadline.as_ref().map(Spanned::span))
        {
            self.error(
                s,
                "a rank stream's goal has `streams`, `within` or `deadline`",
                "write rank = 1 (a position) or leave out measure = \"rank\" for counts",
            );
            return None;
        }
        let Some(rank) = &raw.rank else {
            self.error(
                g.span(),
                "a rank stream's goal has no `rank`",
                "write rank = 1 for #1, or rank = 10 for the top 10",
            );
            return None;
        };
        let n = self.count(rank, "rank")?;
        if n == 0 {
            self.error(
                rank.span(),
                "`rank` is 0",
                "ranks start at 1: write rank = 1 for #1",
            );
            return None;
        }
        let hold = match &raw.hold {
            Some(h) => Some(self.duration(h)?),
            None => None,
        };
        let goal = RankGoal { rank: n, hold };
        let label = match &raw.label {
            Some(l) => l.get_ref().clone(),
            None => rank_label(goal, raw.hold.as_ref().map(|h| h.get_ref().as_str())),
        };
        Some((label, goal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_labels() {
        assert_eq!(offset(":00"), Some(TimeDelta::zero()));
        assert_eq!(offset(":30"), Some(TimeDelta::minutes(30)));
        assert_eq!(offset("18:05"), Some(TimeDelta::minutes(18 * 60 + 5)));
        assert_eq!(offset("24:00"), None);
        assert_eq!(offset("1h"), None);
        let one = RankGoal {
            rank: 1,
            hold: None,
        };
        assert_eq!(rank_label(one, None), "#1");
        assert_eq!(
            rank_label(
                RankGoal {
                    rank: 10,
                    hold: None
                },
                None
            ),
            "top 10"
        );
        assert_eq!(rank_label(one, Some("24h")), "#1 for 24h");
    }
}

#[cfg(test)]
mod config_tests {
    use crate::config::{Source, parse};
    use chrono::TimeDelta;

    #[test]
    fn a_rank_stream_reads_its_goals_and_cadence() {
        let text = "[[event]]\nid = \"proof\"\nname = \"Yet To Come\"\nat = \"2022-06-10 13:00\"\nzone = \"Asia/Seoul\"\n[[streams]]\nevent = \"proof\"\nplatform = \"Melon\"\nmeasure = \"rank\"\nupdates = \"1h\"\nupdates_at = \":00\"\nwindow_end = \"2022-06-17 13:00\"\n[[streams.goal]]\nrank = 1\n[[streams.goal]]\nrank = 1\nfor = \"24h\"\n[[streams.goal]]\nlabel = \"top ten\"\nrank = 10\n";
        let c = parse(text, Source::Embedded).unwrap();
        assert!(c.streams[0].goals.is_empty());
        let spec = c.rank(0).unwrap();
        let labels: Vec<&str> = spec.goals.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(labels, ["#1", "#1 for 24h", "top ten"]);
        assert_eq!(spec.goals[1].1.hold, Some(TimeDelta::hours(24)));
        assert_eq!(spec.cadence.map(|c| c.every), Some(TimeDelta::hours(1)));
    }
}
