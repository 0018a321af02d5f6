//! Hooks as data: the user's shell command for a release (`on_release`) or a reached goal
//! (`on_goal`), with what happened in `DROPWATCH_*` environment variables. The state decides
//! when one is due; the runtime runs it.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::config::rank::RankGoal;
use crate::config::{Event, Goal, Stream};

/// A command to run and the environment that says what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// What it is for, in a few words, for a failure's message ("on_release of With You").
    pub(crate) what: String,
    /// The shell command, run through `sh -c` (`cmd /C` on Windows).
    pub(crate) command: String,
    /// `DROPWATCH_*` variables added to the environment.
    pub(crate) env: Vec<(String, String)>,
}

impl Hook {
    /// The `on_release` hook `command` for `event`, which came out.
    pub(crate) fn release(command: &str, event: &Event) -> Hook {
        Hook {
            what: format!("on_release of {}", event.name),
            command: command.to_string(),
            env: vars(&[
                ("KIND", "release".into()),
                ("EVENT", event.id.clone()),
                ("EVENT_NAME", event.name.clone()),
                ("AT", rfc3339(event.at)),
            ]),
        }
    }

    /// The `on_goal` hook `command` for `goal` of `stream`, reached with `count` at `at`.
    pub(crate) fn goal(
        command: &str,
        stream: &Stream,
        event_name: &str,
        goal: &Goal,
        count: u64,
        at: DateTime<Utc>,
    ) -> Hook {
        Hook {
            what: format!("on_goal of {} ({})", event_name, goal.label),
            command: command.to_string(),
            env: vars(&[
                ("KIND", "goal".into()),
                ("EVENT", stream.event.clone()),
                ("EVENT_NAME", event_name.to_string()),
                ("PLATFORM", stream.platform.clone()),
                ("GOAL", goal.label.clone()),
                ("TARGET", goal.target.to_string()),
                ("COUNT", count.to_string()),
                ("AT", rfc3339(at)),
            ]),
        }
    }

    /// The `on_goal` hook `command` for the rank goal `(label, goal)` of `stream`, reached at
    /// `at` with `rank` its best rank then. `TARGET` is the goal's rank and `COUNT` the rank,
    /// so a hook written for counts still reads; `MEASURE` says which it is.
    pub(crate) fn rank_goal(
        command: &str,
        stream: &Stream,
        event_name: &str,
        (label, goal): (&str, RankGoal),
        rank: u64,
        at: DateTime<Utc>,
    ) -> Hook {
        let hold = goal
            .hold
            .map_or(String::new(), |h| h.num_seconds().to_string());
        Hook {
            what: format!("on_goal of {event_name} ({label})"),
            command: command.to_string(),
            env: vars(&[
                ("KIND", "goal".into()),
                ("MEASURE", "rank".into()),
                ("EVENT", stream.event.clone()),
                ("EVENT_NAME", event_name.to_string()),
                ("PLATFORM", stream.platform.clone()),
                ("GOAL", label.to_string()),
                ("TARGET", goal.rank.to_string()),
                ("COUNT", rank.to_string()),
                ("RANK", rank.to_string()),
                ("FOR_SECONDS", hold),
                ("AT", rfc3339(at)),
            ]),
        }
    }
}

/// `DROPWATCH_`-prefixed pairs.
fn vars(pairs: &[(&str, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (format!("DROPWATCH_{k}"), v.clone()))
        .collect()
}

/// "2022-04-24T14:00:00Z".
fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}
