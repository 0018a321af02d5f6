//! Checking a rank stream's keys (`measure`, `updates`, `updates_at`, a goal's `rank` and
//! `for`) as validation reads them; the types they make are in `rank`. Apart from `rank`, so that
//! the types do not import the validator that imports them.

use chrono::TimeDelta;
use toml::Spanned;

use super::rank::{Cadence, RankGoal, RankLabel, RankSpec, offset};
use super::raw::{RawGoal, RawStream};
use super::validate::Validator;

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
        let goals: Vec<Option<(RankLabel, RankGoal)>> =
            raw.goal.iter().map(|g| self.rank_goal(g)).collect();
        Some(RankSpec {
            cadence,
            goals: goals.into_iter().collect::<Option<_>>()?,
        })
    }

    fn rank_goal(&mut self, g: &Spanned<RawGoal>) -> Option<(RankLabel, RankGoal)> {
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
            Some(l) => RankLabel::Written(l.get_ref().clone()),
            None => RankLabel::Made(raw.hold.as_ref().map(|h| h.get_ref().trim().to_string())),
        };
        Some((label, goal))
    }
}
