//! Hooks as data: the user's shell command for a release (`on_release`) or a reached goal
//! (`on_goal`), with what happened in `DROPWATCH_*` environment variables. The state decides
//! when one is due; the runtime runs it.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::config::rank::RankGoal;
use crate::config::{Event, Goal, Stream};
use crate::lang::{Arg, Lang};

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
    /// The hook with its `what` in `lang`, for the fan's notice if it fails; the environment
    /// stays English, since scripts read it.
    pub(crate) fn said_in(mut self, lang: Lang) -> Hook {
        let var = |key: &str| {
            let key = format!("DROPWATCH_{key}");
            let found = self.env.iter().find(|(k, _)| *k == key);
            Arg::from(found.map_or("", |(_, v)| v.as_str()))
        };
        let is_release = matches!(var("KIND"), Arg::Str(kind) if kind == "release");
        let name = ("name", var("EVENT_NAME"));
        self.what = if is_release {
            lang.t_with("messages-hook-release", &[name])
        } else {
            lang.t_with("messages-hook-goal", &[name, ("goal", var("GOAL"))])
        }
        .into_owned();
        self
    }

    /// The goal hook with its `what` naming the goal as `goal` (a rank goal's label in `lang`),
    /// where its environment keeps the label in no language.
    pub(crate) fn goal_said(mut self, lang: Lang, goal: &str) -> Hook {
        let name = self
            .env
            .iter()
            .find(|(k, _)| k == "DROPWATCH_EVENT_NAME")
            .map_or("", |(_, v)| v.as_str());
        let args = [("name", Arg::from(name)), ("goal", Arg::from(goal))];
        self.what = lang.t_with("messages-hook-goal", &args).into_owned();
        self
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    /// A failed hook's notice names it in the fan's language; its environment stays English.
    #[test]
    fn a_hook_says_what_it_is_for_in_the_language() {
        let config = crate::testing::default_config();
        let event = &config.events[0];
        let english = Hook::release("true", event);
        assert_eq!(english.what, "on_release of With You");
        assert_eq!(english.clone().said_in(Lang::En), english);
        let korean = english.clone().said_in(Lang::Ko);
        assert_eq!(korean.what, "With You의 on_release");
        assert_eq!(korean.env, english.env);
        let stream = &config.streams[0];
        let goal = &stream.goals[0];
        let at = event.at;
        let hook = Hook::goal("true", stream, "With You", goal, 1, at).said_in(Lang::Es);
        assert_eq!(hook.what, format!("on_goal de With You ({})", goal.label));
        // A rank goal's hook: the label in no language for scripts, the fan's for her notice.
        let streak = RankGoal {
            rank: 1,
            hold: Some(chrono::TimeDelta::hours(3)),
        };
        let rank = Hook::rank_goal("true", stream, "With You", ("#1 for 3h", streak), 1, at)
            .said_in(Lang::Ko)
            .goal_said(Lang::Ko, "#1 3시간 연속");
        assert_eq!(rank.what, "With You (#1 3시간 연속)의 on_goal");
        let var = rank.env.iter().find(|(k, _)| k == "DROPWATCH_GOAL");
        assert_eq!(var.map(|(_, v)| v.as_str()), Some("#1 for 3h"));
    }
}
