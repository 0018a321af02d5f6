//! The state's behaviour: selection, keys, the prompt, bells and hooks, reloads.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use chrono_tz::Tz;

use super::*;
use crate::readings::Readings;
use crate::testing::{app, utc};
use crate::view::View;

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn follows_the_next_event_then_the_nearest_anniversary() {
    let id = |now: &str| {
        let a = app(now);
        a.config.events[a.selection().index.unwrap()].id.clone()
    };
    assert_eq!(id("2022-04-24T13:00:00Z"), "with-you");
    assert_eq!(id("2022-04-24T14:30:00Z"), "with-you");
    assert_eq!(id("2022-04-24T15:00:00Z"), "proof");
    // Now: With You's anniversary (April) comes before Proof's (June).
    assert_eq!(id("2026-11-25T19:00:00Z"), "with-you");
    assert_eq!(
        View::derive(&app("2026-11-25T19:00:00Z")).title,
        "With You 5th anniversary in 4mo 29d"
    );
}

#[test]
fn keys_select_cycle_zones_and_quit() {
    let mut a = app("2022-04-24T13:00:00Z");
    assert_eq!(View::derive(&a).title, "With You in 1:00:00");
    press(&mut a, KeyCode::Down);
    assert_eq!(a.selected.as_deref(), Some("proof"));
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(a.selected.as_deref(), Some("with-you"));
    press(&mut a, KeyCode::Char('k'));
    assert_eq!(a.selected.as_deref(), Some("proof"));
    // Each distinct zone once: yours, the events' own (KST), `zones` (UTC listed once).
    let zones: Vec<Tz> = (0..5)
        .map(|_| {
            let z = a.display_zone();
            press(&mut a, KeyCode::Char('z'));
            z
        })
        .collect();
    use chrono_tz::{America, Asia, Europe, UTC};
    assert_eq!(
        zones,
        [
            Europe::Berlin,
            Asia::Seoul,
            UTC,
            Asia::Kolkata,
            America::New_York
        ]
    );
    assert_eq!(a.display_zone(), Europe::Berlin);
    press(&mut a, KeyCode::Char('Z'));
    assert_eq!(a.display_zone(), America::New_York);
    // With your zone UTC, the first press changes the clock: to KST, not UTC again.
    let mut u = app("2022-04-24T13:00:00Z");
    u.local_zone = UTC;
    press(&mut u, KeyCode::Char('z'));
    assert_eq!(u.display_zone(), Asia::Seoul);
    press(&mut u, KeyCode::Char('z'));
    assert_eq!(u.display_zone(), Asia::Kolkata);
    press(&mut a, KeyCode::Char('?'));
    assert_eq!(a.mode, Mode::Help);
    press(&mut a, KeyCode::Esc);
    assert!(a.mode == Mode::Normal && !a.quit);
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit);
}

#[test]
fn bell_rings_once_at_zero() {
    let mut a = app("2022-04-24T13:59:58Z");
    a.tick(utc("2022-04-24T13:59:59Z"));
    assert!(a.effects.is_empty());
    a.tick(utc("2022-04-24T14:00:00Z"));
    assert_eq!(a.effects, [Effect::Bell("With You is out now".into())]);
    a.effects.clear();
    a.set_config(
        crate::testing::default_config(),
        utc("2026-01-01T00:00:00Z"),
    );
    a.tick(utc("2022-04-24T14:00:01Z"));
    assert!(a.effects.is_empty());
}

/// The default config with hooks, at `now`, hooks allowed.
fn hooked(now: &str, bell: bool) -> App {
    let text = format!(
        "on_release = \"released\"\n{}",
        crate::config::DEFAULT_TOML
            .replacen("bell = true", &format!("bell = {bell}"), 1)
            .replacen("[[streams]]\n", "[[streams]]\non_goal = \"goal\"\n", 1)
    );
    let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
    let mut a = crate::testing::app_with(config, Readings::default(), now);
    a.hooks = true;
    a
}

use crate::testing::spotify;

/// The hooks among the effects, as (kind, goal label or event id), and the bells' texts.
fn fired(a: &mut App) -> (Vec<(String, String)>, Vec<String>) {
    let mut hooks = Vec::new();
    let mut bells = Vec::new();
    for e in std::mem::take(&mut a.effects) {
        match e {
            Effect::Hook(h) => {
                let var = |k: &str| {
                    h.env
                        .iter()
                        .find(|(name, _)| name == &format!("DROPWATCH_{k}"))
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                let what = if var("KIND") == "goal" {
                    var("GOAL")
                } else {
                    var("EVENT")
                };
                hooks.push((h.command.clone(), what));
            }
            Effect::Bell(text) => bells.push(text),
            other => panic!("unexpected {other:?}"),
        }
    }
    (hooks, bells)
}

#[test]
fn a_release_runs_its_hook_once_with_what_happened() {
    let mut a = hooked("2022-04-24T13:59:59Z", true);
    a.tick(utc("2022-04-24T14:00:00Z"));
    let hook = a.effects.iter().find_map(|e| match e {
        Effect::Hook(h) => Some(h.clone()),
        _ => None,
    });
    let env = hook.expect("a release hook").env;
    let expected = [
        ("DROPWATCH_KIND", "release"),
        ("DROPWATCH_EVENT", "with-you"),
        ("DROPWATCH_EVENT_NAME", "With You"),
        ("DROPWATCH_AT", "2022-04-24T14:00:00Z"),
    ];
    assert_eq!(env, expected.map(|(k, v)| (k.to_string(), v.to_string())));
    a.effects.clear();
    a.set_config(a.config.clone(), utc("2026-01-01T00:00:00Z"));
    a.tick(utc("2022-04-24T14:00:05Z"));
    assert!(a.effects.is_empty(), "{:?}", a.effects);
}

#[test]
fn no_hooks_unless_allowed_but_the_bell_still_rings() {
    let mut a = hooked("2022-04-24T13:59:59Z", true);
    a.hooks = false;
    a.tick(utc("2022-04-24T14:00:00Z"));
    a.add_reading(spotify("2022-04-24T14:00:00Z", 3_000_000));
    a.tick(utc("2022-04-24T14:00:01Z"));
    let (hooks, bells) = fired(&mut a);
    assert!(hooks.is_empty());
    assert_eq!(
        bells,
        ["With You is out now", "Global top 10 reached for With You"]
    );
}

#[test]
fn a_goal_fires_once_across_reloads_and_a_repeated_count() {
    let mut a = hooked("2022-04-24T15:00:00Z", true);
    a.add_reading(spotify("2022-04-24T15:00:00Z", 2_000_000));
    a.tick(utc("2022-04-24T15:00:01Z"));
    assert_eq!(fired(&mut a), (vec![], vec![]));
    a.add_reading(spotify("2022-04-24T15:00:01Z", 2_800_000));
    a.tick(utc("2022-04-24T15:00:02Z"));
    let (hooks, bells) = fired(&mut a);
    assert_eq!(hooks, [("goal".to_string(), "Global top 10".to_string())]);
    assert_eq!(bells, ["Global top 10 reached for With You"]);
    // The same count again, a reload of the config and of the readings: nothing new.
    a.add_reading(spotify("2022-04-24T15:00:02Z", 2_800_000));
    a.set_config(a.config.clone(), utc("2026-01-01T00:00:00Z"));
    a.readings = a.readings.clone();
    a.tick(utc("2022-04-24T15:00:03Z"));
    assert_eq!(fired(&mut a), (vec![], vec![]));
    // Two goals at once: both, in file order, each once.
    a.add_reading(spotify("2022-04-24T15:00:03Z", 4_100_000));
    a.tick(utc("2022-04-24T15:00:04Z"));
    let (hooks, _) = fired(&mut a);
    let labels: Vec<&str> = hooks.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["Global top 5", "24-hour goal"]);
    // A reading in the future of a replay fires when the clock passes it.
    a.add_reading(spotify("2022-04-24T16:00:00Z", 5_000_000));
    a.tick(utc("2022-04-24T15:59:59Z"));
    assert_eq!(fired(&mut a), (vec![], vec![]));
    a.tick(utc("2022-04-24T16:00:00Z"));
    assert_eq!(fired(&mut a).0.len(), 1);
}

#[test]
fn a_goal_reached_before_start_up_or_missed_never_fires() {
    let readings: Readings = [spotify("2022-04-24T20:00:00Z", 3_000_000)]
        .into_iter()
        .collect();
    let config = hooked("2022-04-24T21:00:00Z", true).config;
    let mut a = crate::testing::app_with(config, readings, "2022-04-24T21:00:00Z");
    a.hooks = true;
    a.tick(utc("2022-04-24T21:00:01Z"));
    assert_eq!(fired(&mut a), (vec![], vec![]));
    // Past the window's end, the top-5 goal is missed: a later count does not reach it.
    a.add_reading(spotify("2022-04-25T01:00:00Z", 3_300_000));
    a.tick(utc("2022-04-25T01:00:01Z"));
    assert_eq!(fired(&mut a), (vec![], vec![]));
    // A goal added by a reload below the count is not news either.
    let mut more = a.config.clone();
    more.streams[0].goals.push(crate::config::Goal {
        label: "1M".into(),
        target: 1_000_000,
        deadline: utc("2022-04-26T00:00:00Z"),
    });
    a.set_config(more, utc("2026-01-01T00:00:00Z"));
    a.tick(utc("2022-04-25T01:00:02Z"));
    assert_eq!(fired(&mut a), (vec![], vec![]));
}

#[test]
fn a_reached_goal_rings_unless_the_bell_is_off() {
    let mut a = hooked("2022-04-24T15:00:00Z", false);
    a.add_reading(spotify("2022-04-24T15:00:00Z", 2_700_000));
    a.tick(utc("2022-04-24T15:00:01Z"));
    let (hooks, bells) = fired(&mut a);
    assert_eq!(hooks.len(), 1);
    assert!(bells.is_empty());
}

#[test]
fn prompt_accepts_counts_and_explains_bad_input() {
    let mut a = app("2022-04-24T16:00:00Z");
    a.selected = Some("with-you".into());
    press(&mut a, KeyCode::Char('u'));
    for c in "lots".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    press(&mut a, KeyCode::Enter);
    let Mode::Prompt(p) = &a.mode else {
        panic!("prompt stays open on bad input");
    };
    assert!(p.error.as_ref().unwrap().contains("not a count"));
    for _ in 0..4 {
        press(&mut a, KeyCode::Backspace);
    }
    for c in "2.7M".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let Some(Effect::Append(r)) = a.effects.pop() else {
        panic!("expected an append");
    };
    assert_eq!(
        (r.count, r.platform.as_str(), r.time),
        (2_700_000, "Spotify", utc("2022-04-24T16:00:00Z"))
    );
    // q typed into the prompt is text, not quit.
    press(&mut a, KeyCode::Char('u'));
    press(&mut a, KeyCode::Char('q'));
    assert!(!a.quit);
    press(&mut a, KeyCode::Esc);
    assert!(a.mode == Mode::Normal && !a.quit);
}

#[test]
fn open_windows_stay_on_screen_after_the_selection_moves_on() {
    let a = app("2022-04-24T18:00:00Z");
    let selection = a.selection();
    assert_eq!(a.config.events[selection.index.unwrap()].id, "proof");
    assert_eq!(selection.streams, [0]);
    let later = app("2022-04-25T01:00:00Z");
    assert!(later.selection().streams.is_empty());
}

#[test]
fn a_click_selects_an_event_unless_the_prompt_is_open() {
    let mut a = app("2022-04-24T13:00:00Z");
    a.update(Event::Click(Hit::Event(1)));
    assert_eq!(a.selected.as_deref(), Some("proof"));
    a.update(Event::Click(Hit::Event(7)));
    assert_eq!(a.selected.as_deref(), Some("proof"));
    a.update(Event::Click(Hit::Event(0)));
    assert_eq!(a.selected.as_deref(), Some("with-you"));
    press(&mut a, KeyCode::Char('u'));
    a.update(Event::Click(Hit::Event(1)));
    assert_eq!(a.selected.as_deref(), Some("with-you"));
}

#[test]
fn an_open_prompt_follows_its_stream_across_a_reload() {
    let mut a = app("2022-04-24T16:00:00Z");
    a.selected = Some("with-you".into());
    press(&mut a, KeyCode::Char('u'));
    let stream = |a: &App| match &a.mode {
        Mode::Prompt(p) => Some(p.stream),
        _ => None,
    };
    assert_eq!(stream(&a), Some(0));
    // A YouTube stream is inserted before Spotify: the prompt still means Spotify.
    let youtube = "[[streams]]\nevent = \"with-you\"\nplatform = \"YouTube\"\nwindow_end = \"2022-04-25 09:00\"\n";
    let text =
        crate::config::DEFAULT_TOML.replacen("[[streams]]", &format!("{youtube}[[streams]]"), 1);
    let config = crate::config::parse(&text, crate::config::Source::Embedded).unwrap();
    assert_eq!(config.streams[1].platform, "Spotify");
    a.set_config(config, utc("2026-01-01T00:00:00Z"));
    assert_eq!(stream(&a), Some(1));
    // Its stream removed: the prompt closes.
    let none = crate::config::parse("", crate::config::Source::Embedded).unwrap();
    a.set_config(none, utc("2026-01-01T00:00:00Z"));
    assert_eq!(stream(&a), None);
}

#[test]
fn u_on_an_event_without_streams_says_so() {
    let mut a = app("2022-04-25T16:00:00Z");
    a.selected = Some("proof".into());
    press(&mut a, KeyCode::Char('u'));
    assert_eq!(a.mode, Mode::Normal);
    assert!(a.notice.as_ref().unwrap().contains("no [[streams]]"));
}

#[test]
fn a_lower_count_in_the_prompt_asks_to_confirm() {
    let mut a = app("2022-04-24T16:00:00Z");
    a.selected = Some("with-you".into());
    a.add_reading(spotify("2022-04-24T15:00:00Z", 1_000_000));
    let type_count = |a: &mut App, text: &str| {
        for c in text.chars() {
            press(a, KeyCode::Char(c));
        }
    };
    press(&mut a, KeyCode::Char('u'));
    type_count(&mut a, "900k");
    press(&mut a, KeyCode::Enter);
    let Mode::Prompt(p) = &a.mode else {
        panic!("a lower count keeps the prompt open");
    };
    assert!(p.error.as_ref().unwrap().contains("Enter again"), "{p:?}");
    assert!(a.effects.is_empty());
    // Editing the count asks again; a second Enter on the same count records it.
    press(&mut a, KeyCode::Backspace);
    type_count(&mut a, "k");
    press(&mut a, KeyCode::Enter);
    assert!(a.effects.is_empty());
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let Some(Effect::Append(r)) = a.effects.pop() else {
        panic!("expected the correction to be appended");
    };
    assert_eq!(r.count, 900_000);
    // A higher count goes straight in.
    press(&mut a, KeyCode::Char('u'));
    type_count(&mut a, "1.2M");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.effects.pop(), Some(Effect::Append(_))));
}

#[test]
fn in_a_replay_the_prompt_checks_the_readings_on_both_sides() {
    // Replaying 16:00, with readings at 15:00 and, recorded since, at 17:00.
    let mut a = app("2022-04-24T16:00:00Z");
    a.selected = Some("with-you".into());
    a.add_reading(spotify("2022-04-24T15:00:00Z", 1_000_000));
    a.add_reading(spotify("2022-04-24T17:00:00Z", 1_100_000));
    let submit = |a: &mut App, text: &str| {
        press(a, KeyCode::Char('u'));
        for c in text.chars() {
            press(a, KeyCode::Char(c));
        }
        press(a, KeyCode::Enter);
    };
    let asked = |a: &App| match &a.mode {
        Mode::Prompt(p) => p.error.clone().unwrap_or_default(),
        other => panic!("the prompt stays open to confirm: {other:?}"),
    };
    // Higher than the reading after it: it would flip the board into a correction.
    submit(&mut a, "1.2M");
    assert_eq!(
        asked(&a),
        "Enter again to record it anyway: 1,200,000 is higher than the reading after it (1,100,000 at 2022-04-24T17:00:00Z)"
    );
    assert!(a.effects.is_empty());
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.effects.pop(), Some(Effect::Append(r)) if r.count == 1_200_000));
    // Lower than the reading before it, named the same way.
    submit(&mut a, "900k");
    assert_eq!(
        asked(&a),
        "Enter again to record it anyway: 900,000 is lower than the reading before it (1,000,000 at 2022-04-24T15:00:00Z)"
    );
    press(&mut a, KeyCode::Esc);
    // Between the two: straight in.
    submit(&mut a, "1,050,000");
    assert!(matches!(a.effects.pop(), Some(Effect::Append(r)) if r.count == 1_050_000));
}

/// A date whose time is not announced reaches its day without a bell or a hook: it is not out.
#[test]
fn a_tba_date_rings_nothing_at_the_start_of_its_day() {
    let text = "on_release = \"echo out\"\n[[event]]\nname = \"Whiplash\"\nat = \"2026-12-20\"\nzone = \"Asia/Seoul\"\n";
    let config = crate::config::parse(text, crate::config::Source::Embedded).unwrap();
    let mut a = App::new(
        config,
        Default::default(),
        utc("2026-12-19T14:59:59Z"),
        chrono_tz::UTC,
    );
    a.hooks = true;
    a.tick(utc("2026-12-19T15:00:01Z"));
    assert_eq!(a.effects, []);
}

/// A rank stream's goals ring and run their hook once each: `#1` at the first #1 (not again
/// when #1 is lost and regained), `#1 for 3h` when a run at #1 lasted three hours; an app
/// started after a goal was reached does not run it again.
#[test]
fn rank_goals_fire_once() {
    let text = "[[event]]\nid = \"proof\"\nname = \"Proof\"\nat = \"2022-06-10 13:00\"\nzone = \"Asia/Seoul\"\n\n[[streams]]\nevent = \"proof\"\nplatform = \"Melon\"\nmeasure = \"rank\"\nupdates = \"1h\"\nwindow_end = \"2022-06-17 13:00\"\non_goal = \"goal\"\n\n[[streams.goal]]\nrank = 1\n\n[[streams.goal]]\nrank = 1\nfor = \"3h\"\n";
    let config = crate::config::parse(text, crate::config::Source::Embedded).unwrap();
    let mut a =
        crate::testing::app_with(config.clone(), Readings::default(), "2022-06-10T04:30:00Z");
    a.hooks = true;
    let rank = |a: &mut App, at: &str, r: u64| {
        a.add_reading(crate::readings::Reading {
            time: utc(at),
            event: "proof".into(),
            platform: "Melon".into(),
            count: r,
            source: crate::readings::Origin::Log,
        });
        a.tick(utc(at));
    };
    rank(&mut a, "2022-06-10T05:00:00Z", 3);
    assert!(fired(&mut a).0.is_empty());
    rank(&mut a, "2022-06-10T06:00:00Z", 1);
    assert_eq!(fired(&mut a).0, [("goal".to_string(), "#1".to_string())]);
    rank(&mut a, "2022-06-10T07:00:00Z", 2);
    rank(&mut a, "2022-06-10T08:00:00Z", 1);
    rank(&mut a, "2022-06-10T09:00:00Z", 1);
    rank(&mut a, "2022-06-10T10:00:00Z", 1);
    assert!(fired(&mut a).0.is_empty(), "a regained #1 is not news");
    rank(&mut a, "2022-06-10T11:00:00Z", 1);
    let (hooks, bells) = fired(&mut a);
    assert_eq!(hooks, [("goal".to_string(), "#1 for 3h".to_string())]);
    assert_eq!(bells, ["#1 for 3h reached for Proof"]);
    // Started again later with the same readings: nothing is news.
    let mut b = crate::testing::app_with(config, a.readings.clone(), "2022-06-10T12:00:00Z");
    b.hooks = true;
    b.tick(utc("2022-06-10T12:00:01Z"));
    assert!(fired(&mut b).0.is_empty());
}
