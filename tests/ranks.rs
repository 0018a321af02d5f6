//! Property tests of the rank math (`streams::rank`): a streak never exceeds the time since
//! the first reading, a reading below the rank resets it, the status follows the newest
//! reading, the next update is always ahead and within one cadence, and an all-kill holds
//! exactly when every chart is at #1.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;

use dropwatch::streams::rank::{Cadence, RankGoal, RankStatus, all_kill, next_update, rank_view};

const ZONES: &[Tz] = &[
    chrono_tz::Asia::Seoul,
    chrono_tz::Asia::Kolkata,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::America::New_York,
    chrono_tz::UTC,
];

fn cfg(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn t(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_654_800_000 + secs, 0).expect("in range")
}

/// Readings oldest first: gaps of 1 minute to 3 hours, ranks 1..=12.
fn readings() -> impl Strategy<Value = Vec<(DateTime<Utc>, u64)>> {
    prop::collection::vec((60i64..10_800, 1u64..=12), 0..40).prop_map(|steps| {
        let mut at = 0;
        steps
            .into_iter()
            .map(|(gap, rank)| {
                at += gap;
                (t(at), rank)
            })
            .collect()
    })
}

fn cadence() -> impl Strategy<Value = Option<Cadence>> {
    prop::option::of(
        (1i64..=48, 0i64..60).prop_map(|(every_quarters, at)| Cadence {
            every: TimeDelta::minutes(15 * every_quarters),
            at: TimeDelta::minutes(at),
        }),
    )
}

proptest! {
    #![proptest_config(cfg(256))]

    #[test]
    fn a_streak_is_bounded_and_reset_by_a_lost_rank(
        points in readings(),
        rank in 1u64..=10,
        hold in prop::option::of(1i64..=30),
        cadence in cadence(),
        now_secs in 0i64..500_000,
    ) {
        let goal = RankGoal { rank, hold: hold.map(TimeDelta::hours) };
        let window = (t(0), t(400_000));
        let now = t(now_secs);
        let v = rank_view(&points, goal, cadence, window, now);
        let seen: Vec<_> = points.iter().filter(|p| p.0 <= now.min(window.1)).collect();
        // Never longer than the time since the first reading, never negative.
        let first = seen.first().map(|p| p.0);
        prop_assert!(v.streak >= TimeDelta::zero());
        prop_assert!(v.longest >= v.streak);
        match first {
            Some(f) => prop_assert!(v.longest <= now - f),
            None => prop_assert_eq!(v.longest, TimeDelta::zero()),
        }
        // The newest reading below the rank: no streak, and not held.
        if let Some(last) = seen.last() {
            prop_assert_eq!(v.current, Some(last.1));
            if last.1 > rank {
                prop_assert_eq!(v.streak, TimeDelta::zero());
                prop_assert!(v.since.is_none());
                prop_assert!(v.status != RankStatus::Held);
            } else if now < window.1 && v.status != RankStatus::Reached {
                prop_assert_eq!(v.status, RankStatus::Held);
            }
        } else {
            prop_assert_eq!(v.status, RankStatus::NoData);
        }
        // A streak goal is reached exactly when the longest run is long enough.
        if let (Some(h), true) = (goal.hold, !seen.is_empty()) {
            prop_assert_eq!(v.status == RankStatus::Reached, v.longest >= h);
        }
        // Held since the run's first reading, which is at or before now.
        if let Some(s) = v.since {
            prop_assert!(s <= now);
            prop_assert_eq!(v.streak, seen.last().map(|p| p.0 - s).unwrap_or_default());
        }
    }

    #[test]
    fn the_next_update_is_ahead_and_within_one_cadence(
        every in 1i64..=1440,
        at in 0i64..60,
        zone in prop::sample::select(ZONES),
        now_secs in 0i64..100_000_000,
    ) {
        let c = Cadence { every: TimeDelta::minutes(every), at: TimeDelta::minutes(at) };
        let now = t(now_secs);
        let next = next_update(c, zone, now);
        prop_assert!(next > now);
        prop_assert!(next - now <= c.every, "{} after {}", next, now);
    }

    #[test]
    fn an_all_kill_holds_exactly_when_every_chart_is_at_one(
        charts in prop::collection::vec(
            prop::collection::vec((60i64..7_200, 1u64..=3), 1..12), 1..5),
        now_secs in 0i64..100_000,
    ) {
        let charts: Vec<Vec<(DateTime<Utc>, u64)>> = charts
            .into_iter()
            .map(|steps| {
                let mut at = 0;
                steps.into_iter().map(|(gap, r)| { at += gap; (t(at), r) }).collect()
            })
            .collect();
        let refs: Vec<&[(DateTime<Utc>, u64)]> = charts.iter().map(Vec::as_slice).collect();
        let now = t(now_secs);
        let k = all_kill(&refs, now);
        let rank_now = |c: &[(DateTime<Utc>, u64)]| c.iter().rev().find(|p| p.0 <= now).map(|p| p.1);
        let at_one = refs.iter().filter(|c| rank_now(c) == Some(1)).count();
        prop_assert_eq!(k.at_one, at_one);
        prop_assert_eq!(k.of, refs.len());
        prop_assert_eq!(k.since.is_some(), at_one == refs.len());
        if let Some(s) = k.since {
            prop_assert!(s <= now);
            prop_assert!(k.ended.is_none());
        }
        if let Some(e) = k.ended {
            prop_assert!(e <= now);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rank streams end to end: readings logged by hand, `--once --json` and `bar`
// ---------------------------------------------------------------------------------------------

mod common;

const RANKS: &str = "[[event]]\nid = \"proof\"\nname = \"Yet To Come\"\nat = \"2022-06-10 13:00\"\nzone = \"Asia/Seoul\"\n\n[[streams]]\nevent = \"proof\"\nplatform = \"Melon\"\nmeasure = \"rank\"\nupdates = \"1h\"\nupdates_at = \":00\"\nwindow_end = \"2022-06-17 13:00\"\n\n[[streams.goal]]\nrank = 1\n\n[[streams.goal]]\nrank = 1\nfor = \"3h\"\n\n[[streams]]\nevent = \"proof\"\nplatform = \"Genie\"\nmeasure = \"rank\"\nwindow_end = \"2022-06-17 13:00\"\n\n[[streams.goal]]\nrank = 1\n";

/// A config of two rank streams with their ranks logged by hand.
fn logged_ranks() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fan.toml"), RANKS).unwrap();
    // Melon #4 at 14:00, #1 at 15:00 and 16:00 (a rank that falls back is no conflict);
    // Genie #1 at 15:30, #2 at 16:30. All-kill from 15:30 to 16:30.
    let logs = [
        ("Melon", "4", "2022-06-10 14:00 KST"),
        ("Melon", "1", "2022-06-10 15:00 KST"),
        ("Genie", "1", "2022-06-10 15:30 KST"),
        ("Melon", "1", "2022-06-10 16:00 KST"),
        ("Genie", "2", "2022-06-10 16:30 KST"),
    ];
    for (platform, rank, at) in logs {
        let out = common::dropwatch(dir.path())
            .args(["log", "proof", rank, "--platform", platform, "--at", at])
            .args(["--config", "fan.toml"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
    }
    dir
}

#[test]
fn ranks_and_the_all_kill_in_json_and_bar() {
    let dir = logged_ranks();
    let out = common::dropwatch(dir.path())
        .args(["--config", "fan.toml", "--once", "--json"])
        .args(["--at", "2022-06-10 16:48 KST"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let melon = &v["streams"][0];
    assert_eq!(melon["measure"], "rank");
    assert_eq!(melon["rank"], 1);
    assert_eq!(melon["best_rank"], 1);
    assert_eq!(melon["next_update"], "2022-06-10T08:00:00+00:00");
    assert_eq!(melon["rank_goals"][0]["label"], "#1");
    assert_eq!(melon["rank_goals"][0]["status"], "held");
    // Held since 15:00 KST, a streak of one hour counted at the updates (15:00 to 16:00).
    assert_eq!(melon["rank_goals"][0]["since"], "2022-06-10T06:00:00+00:00");
    assert_eq!(melon["rank_goals"][0]["streak_seconds"], 3600);
    assert_eq!(melon["rank_goals"][1]["label"], "#1 for 3h");
    assert_eq!(melon["rank_goals"][1]["status"], "held");
    assert_eq!(v["streams"][1]["rank_goals"][0]["status"], "lost");
    // The headline is the rank push: one headline for the screen, the title and the JSON.
    let head = &v["headline"];
    assert_eq!(head["kind"], "rank_push");
    assert_eq!(
        (&head["platform"], &head["goal"]),
        (&"Melon".into(), &"#1".into())
    );
    assert_eq!(
        head["text"],
        "#1 on Melon · goal #1 · held #1 for 1h 0m · next update in 12m"
    );
    let kill = &v["all_kills"][0];
    assert_eq!(
        (kill["at_one"].as_u64(), kill["charts"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(kill["text"], "#1 on 1 of 2 charts · all-kill 18m ago");
    // The rank stream leads: `{count}` is empty (its figures are ranks), the rank fields fill.
    let out = common::dropwatch(dir.path())
        .args(["bar", "--once", "--config", "fan.toml"])
        .args([
            "--template",
            "{count}|{rank} {rank_goal} · {next_update} · {allkill}",
        ])
        .args(["--at", "2022-06-10 16:48 KST"])
        .output()
        .unwrap();
    assert_eq!(
        common::stdout(&out).trim(),
        "|#1 #1 held 1h 0m · 12m · #1 on 1 of 2 charts · all-kill 18m ago",
        "{}",
        common::stderr(&out)
    );
}

/// In Korean: `bar`'s rank fields in the fans' words; `--json` keeps its labels and its
/// all-kill text language-free, for the programs that read it.
#[test]
fn ranks_in_the_fans_language_in_bar_and_language_free_in_json() {
    let dir = logged_ranks();
    let out = common::dropwatch(dir.path())
        .args(["bar", "--once", "--config", "fan.toml", "--lang", "ko"])
        .args([
            "--template",
            "{rank} {rank_goal} · {streak} · {next_update} · {allkill}",
        ])
        .args(["--at", "2022-06-10 16:48 KST"])
        .output()
        .unwrap();
    assert_eq!(
        common::stdout(&out).trim(),
        "#1 #1 1시간 유지 · 1시간 · 12분 · 차트 2개 중 1개 1위 · 올킬 18분 전",
        "{}",
        common::stderr(&out)
    );
    let out = common::dropwatch(dir.path())
        .args(["--config", "fan.toml", "--once", "--json", "--lang", "ko"])
        .args(["--at", "2022-06-10 16:48 KST"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["streams"][0]["rank_goals"][1]["label"], "#1 for 3h");
    assert_eq!(v["headline"]["goal"], "#1");
    assert_eq!(
        v["headline"]["text"],
        "#1 on Melon · goal #1 · held #1 for 1h 0m · next update in 12m"
    );
    assert_eq!(
        v["all_kills"][0]["text"],
        "#1 on 1 of 2 charts · all-kill 18m ago"
    );
}

/// The rank block at three sizes: ranks with #1 at the top of the axis, each goal's state, the
/// next update and the all-kill line; no panic down to 1x1.
#[test]
fn the_rank_block_on_screen() {
    use dropwatch::testing::{app_with, text};
    let config = dropwatch::config::parse(RANKS, dropwatch::config::Source::Embedded).unwrap();
    let lines = "2022-06-10T05:00:00Z,proof,Melon,4,log\n2022-06-10T05:30:00Z,proof,Melon,2,log\n2022-06-10T06:00:00Z,proof,Melon,1,log\n2022-06-10T06:30:00Z,proof,Genie,1,log\n2022-06-10T07:00:00Z,proof,Melon,1,log\n2022-06-10T07:30:00Z,proof,Genie,2,log\n";
    let readings = dropwatch::readings::parse(lines, "r.readings.csv");
    assert_eq!(readings.len(), 6);
    let app = app_with(config, readings, "2022-06-10T07:48:00Z");
    for (w, h) in [(80u16, 24u16), (120, 40), (200, 60)] {
        let screen = text(&app, w, h);
        assert!(screen.contains("Ranks · Yet To Come · Melon"), "{screen}");
        assert!(
            screen.contains("#1 now · best #1 · next update in 12m"),
            "{screen}"
        );
        assert!(screen.contains("held 1h 0m"), "{screen}");
        assert!(
            screen.contains("#1 on 1 of 2 charts · all-kill 18m ago"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("rank_block_at_{w}x{h}"), screen);
    }
    // The axis has #1 above the worst rank seen.
    let screen = text(&app, 120, 40);
    let top = screen
        .lines()
        .position(|l| l.contains("│#1 ") || l.contains("│#1  "));
    let bottom = screen.lines().position(|l| l.contains("│#4 "));
    assert!(top.is_some() && top < bottom, "{screen}");
    for (w, h) in [(1u16, 1u16), (2, 2), (20, 5), (40, 12)] {
        let _ = text(&app, w, h);
    }
}

/// The headline while the rank stream leads and has lost its #1: the rank against the goal,
/// when it was lost, and the chart's next update, beside the window's digits at 120x40 and
/// under them at 80x24; the title says the same.
#[test]
fn the_headline_pushes_the_rank() {
    use dropwatch::testing::{app_with, text};
    let config = dropwatch::config::parse(RANKS, dropwatch::config::Source::Embedded).unwrap();
    // Melon #3 at 05:00 UTC, #1 at 06:00, #2 at 07:00: at 07:12 it lost #1 12 minutes ago.
    let lines = "2022-06-10T05:00:00Z,proof,Melon,3,log\n2022-06-10T06:00:00Z,proof,Melon,1,log\n2022-06-10T07:00:00Z,proof,Melon,2,log\n";
    let readings = dropwatch::readings::parse(lines, "r.readings.csv");
    let app = app_with(config, readings, "2022-06-10T07:12:00Z");
    let view = dropwatch::view::View::derive(&app);
    assert_eq!(
        view.title,
        "Yet To Come: #2 on Melon · goal #1 · lost #1 12m ago · next update in 48m"
    );
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let screen = text(&app, w, h);
        let head: String = screen.lines().take(11).collect::<Vec<_>>().join("\n");
        assert!(head.contains("#2 on Melon · goal #1"), "{head}");
        assert!(head.contains("lost #1 12m ago"), "{head}");
        assert!(head.contains("next update in 48m"), "{head}");
        insta::assert_snapshot!(format!("rank_headline_at_{w}x{h}"), head);
    }
}

#[test]
fn a_rank_of_zero_is_refused_by_log() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fan.toml"), RANKS).unwrap();
    common::fails(
        common::dropwatch(dir.path())
            .args([
                "log",
                "proof",
                "0",
                "--platform",
                "Melon",
                "--config",
                "fan.toml",
            ])
            .args(["--at", "2022-06-10 14:00 KST"]),
        2,
        "0 is not one",
    );
}

/// The help overlay says what the rank states mean, each pair in its colours' row.
#[test]
fn the_help_explains_the_rank_states() {
    use dropwatch::testing::{app_with, text};
    let config = dropwatch::config::parse(RANKS, dropwatch::config::Source::Embedded).unwrap();
    let mut app = app_with(config, Default::default(), "2022-06-10T07:48:00Z");
    app.mode = dropwatch::app::Mode::Help;
    let screen = text(&app, 120, 40);
    assert!(
        screen.contains("held · waiting   rank goals: at the rank now (streak so far) · not yet"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "reached · lost   streak lasted or the rank stood at close · had it, not now"
        ),
        "{screen}"
    );
}
