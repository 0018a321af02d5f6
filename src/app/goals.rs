//! Which goals have been reached, so that each rings and runs its hook once: across reloads,
//! repeated counts and replays, and never for a goal reached before start-up.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::effect::Effect;
use super::hook::Hook;
use crate::config::{Config, Stream};
use crate::lang::{Arg, Lang};
use crate::readings::Readings;
use crate::streams::rank;

/// The goals reached so far, and until when no new one can be.
#[derive(Debug, Clone, Default)]
pub(crate) struct Goals {
    /// By (event, platform, label).
    reached: BTreeSet<(String, String, String)>,
    /// No goal can be newly reached before this instant (the next deadline or reading after
    /// the last check) while the readings number this many: a check until then is skipped.
    quiet: Option<(DateTime<Utc>, usize)>,
    /// The language of the bells the last check asked for.
    lang: Lang,
}

/// The bell's text for `goal` of the event `name` reached, in `lang`.
fn reached(lang: Lang, goal: &str, name: &str) -> String {
    let args = [("goal", Arg::from(goal)), ("name", Arg::from(name))];
    lang.t_with("messages-bell-goal", &args).into_owned()
}

impl Goals {
    /// Says the readings changed in place: the next check looks again.
    pub(crate) fn readings_changed(&mut self) {
        self.quiet = None;
    }

    /// Whether a check at `now` could find nothing new.
    pub(crate) fn is_quiet(&self, now: DateTime<Utc>, readings: &Readings) -> bool {
        self.quiet
            .is_some_and(|(until, n)| now < until && n == readings.len())
    }

    /// Notes every goal reached by `now` that was not before, and with `fire` asks for its bell
    /// (when the config rings) and, with `hooks`, its `on_goal` hook. A goal counts as its
    /// stream's view does: the newest reading at or before now (or before its deadline, once
    /// that passed), else the config's count. The bells speak `lang`.
    pub(crate) fn check(
        &mut self,
        config: &Config,
        readings: &Readings,
        now: DateTime<Utc>,
        (fire, hooks): (bool, bool),
        lang: Lang,
        effects: &mut Vec<Effect>,
    ) {
        self.lang = lang;
        self.quiet = Some((quiet_until(config, readings, now), readings.len()));
        for (i, stream) in config.streams.iter().enumerate() {
            self.check_ranks(config, readings, i, now, (fire, fire && hooks), effects);
            let mut count_now = None;
            for goal in &stream.goals {
                let key = (
                    stream.event.clone(),
                    stream.platform.clone(),
                    goal.label.clone(),
                );
                if self.reached.contains(&key) {
                    continue;
                }
                let count = if now >= goal.deadline {
                    count_at(readings, stream, goal.deadline)
                } else {
                    *count_now.get_or_insert_with(|| count_at(readings, stream, now))
                };
                if count < goal.target || !self.reached.insert(key) || !fire {
                    continue;
                }
                let name = config.event_name(&stream.event);
                if config.bell {
                    effects.push(Effect::Bell(reached(lang, &goal.label, name)));
                }
                if !hooks {
                    continue;
                }
                let hook = config.on_goal(i).map(|command| {
                    Hook::goal(command, stream, name, goal, count, now).said_in(lang)
                });
                // The process that runs the hooks saves the milestone's card, once.
                if config.cards.on_goal {
                    effects.push(Effect::GoalCard(i, hook));
                } else if let Some(hook) = hook {
                    effects.push(Effect::Hook(hook));
                }
            }
        }
    }
}

impl Goals {
    /// Notes the rank goals of stream `i` reached by `now` (a rank at or above the goal's at a
    /// reading in the window, a streak that lasted long enough), each once: a rank lost and
    /// regained is not reached again. With `ring`, asks for the bell; with `hooks` too, the hook.
    fn check_ranks(
        &mut self,
        config: &Config,
        readings: &Readings,
        i: usize,
        now: DateTime<Utc>,
        (ring, hooks): (bool, bool),
        effects: &mut Vec<Effect>,
    ) {
        let (Some(spec), Some(stream)) = (config.rank(i), config.streams.get(i)) else {
            return;
        };
        let series = readings.of(&stream.event, &stream.platform);
        let points = rank::points(series, (stream.window_start, stream.window_end), now);
        for (label, goal) in &spec.goals {
            // Noted by the label in no language, which a change of language leaves as it is.
            let neutral = label.neutral(*goal);
            let key = (
                stream.event.clone(),
                stream.platform.clone(),
                neutral.clone(),
            );
            if self.reached.contains(&key) || !rank::reached(&points, *goal, spec.cadence) {
                continue;
            }
            self.reached.insert(key);
            if !ring {
                continue;
            }
            let name = config.event_name(&stream.event);
            if config.bell {
                let shown = rank::goal_label(label, *goal, self.lang);
                effects.push(Effect::Bell(reached(self.lang, &shown, name)));
            }
            let best = points.iter().map(|p| p.1).min().unwrap_or(goal.rank);
            let hook = config.on_goal(i).filter(|_| hooks).map(|command| {
                let hook = Hook::rank_goal(command, stream, name, (&neutral, *goal), best, now);
                // Scripts read the label in no language; the fan's notice names it in hers.
                hook.said_in(self.lang)
                    .goal_said(self.lang, &rank::goal_label(label, *goal, self.lang))
            });
            if hooks && config.cards.on_goal {
                effects.push(Effect::GoalCard(i, hook));
            } else if let Some(hook) = hook {
                effects.push(Effect::Hook(hook));
            }
        }
    }
}

/// Until the next deadline or reading after `now`, no count and no goal's rule changes.
fn quiet_until(config: &Config, readings: &Readings, now: DateTime<Utc>) -> DateTime<Utc> {
    let next_deadline = config
        .streams
        .iter()
        .flat_map(|s| &s.goals)
        .map(|g| g.deadline)
        .filter(|&d| d > now);
    let next_reading = readings
        .streams()
        .filter_map(|(_, _, series)| series.get(series.upto(now)).map(|p| p.time));
    next_deadline
        .chain(next_reading)
        .min()
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The count of `stream` at `t`: its newest reading at or before `t`, else the config's count
/// (a binary search in the stream's own readings).
fn count_at(readings: &Readings, stream: &Stream, t: DateTime<Utc>) -> u64 {
    readings
        .of(&stream.event, &stream.platform)
        .last_at(t)
        .map_or(stream.count, |p| p.count)
}
