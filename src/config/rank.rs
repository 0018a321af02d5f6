//! Rank streams in the config: `measure = "rank"` on a `[[streams]]` makes its readings chart
//! positions (1 is the top), its goals ranks (`rank = 1`, labelled "#1"; `rank = 10`, "top 10")
//! or streaks (`rank = 1`, `for = "24h"`), and `updates`/`updates_at` the chart's cadence.

use chrono::TimeDelta;

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
pub(crate) struct RankSpec {
    /// When the chart updates, if the config says.
    pub cadence: Option<Cadence>,
    /// The goals, in file order, with their labels.
    pub goals: Vec<(RankLabel, RankGoal)>,
}

/// A rank goal's label: the one the config wrote, else one made from the goal. The config
/// knows no language, so a made label is worded where it is shown (`view::ranks::goal_label`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RankLabel {
    /// `label = "…"`, shown as written.
    Written(String),
    /// No label: made from the goal, with its `for` as written ("24h"), if any.
    Made(Option<String>),
}

impl RankLabel {
    /// The label in no particular language, for `--json`: as written, or made in English
    /// ("#1", "top 10", "#1 for 24h").
    pub(crate) fn neutral(&self, goal: RankGoal) -> String {
        match self {
            RankLabel::Written(l) => l.clone(),
            RankLabel::Made(hold) => rank_label(goal, hold.as_deref()),
        }
    }
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
pub(super) fn offset(text: &str) -> Option<TimeDelta> {
    let (h, m) = text.trim().split_once(':')?;
    let h: i64 = if h.is_empty() { 0 } else { h.parse().ok()? };
    let m: i64 = m.parse().ok()?;
    ((0..24).contains(&h) && (0..60).contains(&m) && m.to_string().len() <= 2)
        .then(|| TimeDelta::hours(h) + TimeDelta::minutes(m))
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
    use crate::config::rank::RankLabel;
    use crate::config::{Source, parse};
    use chrono::TimeDelta;

    #[test]
    fn a_rank_stream_reads_its_goals_and_cadence() {
        let text = "[[event]]\nid = \"proof\"\nname = \"Yet To Come\"\nat = \"2022-06-10 13:00\"\nzone = \"Asia/Seoul\"\n[[streams]]\nevent = \"proof\"\nplatform = \"Melon\"\nmeasure = \"rank\"\nupdates = \"1h\"\nupdates_at = \":00\"\nwindow_end = \"2022-06-17 13:00\"\n[[streams.goal]]\nrank = 1\n[[streams.goal]]\nrank = 1\nfor = \"24h\"\n[[streams.goal]]\nlabel = \"top ten\"\nrank = 10\n";
        let c = parse(text, Source::Embedded).unwrap();
        assert!(c.streams[0].goals.is_empty());
        let spec = c.rank(0).unwrap();
        let labels: Vec<String> = spec.goals.iter().map(|(l, g)| l.neutral(*g)).collect();
        assert_eq!(labels, ["#1", "#1 for 24h", "top ten"]);
        // Only the written label is kept as text: the others are worded where shown.
        assert_eq!(spec.goals[2].0, RankLabel::Written("top ten".into()));
        assert_eq!(spec.goals[1].0, RankLabel::Made(Some("24h".into())));
        assert_eq!(spec.goals[1].1.hold, Some(TimeDelta::hours(24)));
        assert_eq!(spec.cadence.map(|c| c.every), Some(TimeDelta::hours(1)));
    }
}
