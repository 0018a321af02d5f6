//! Goals read off a real chart: `goals --from-chart` with chart files the tests write in both
//! forms fans download (the older one with a notes line, the current one with or without
//! `source`, a weekly one, with a BOM and quoted numbers), an oracle check that each goal is
//! the streams at its rank plus one, and the hostile cases: a rank the file lacks, a file that
//! is not a chart, a huge file, a FIFO, a config with inline goals.

mod common;

use common::{dropwatch, fails, stdout};
use std::path::Path;

const CONFIG: &str = "# my list: keep this comment\n\n[[event]]\nid = \"proof\"\nname = \"Yet To Come\"\nat = \"2022-06-10 13:00\"\nzone = \"Asia/Seoul\"\n\n[[streams]]\nevent = \"proof\" # the title track\nplatform = \"Spotify\"\nwindow_end = \"2022-06-11 13:00\"\n\n[[streams.goal]]\nlabel = \"Global top 10\"\nstreams = 2_700_000 # by hand, from last week\n\n[[streams]]\nevent = \"proof\"\nplatform = \"YouTube\"\nwindow_end = \"2022-06-11 13:00\"\n";

/// The older download: a line of notes, then Position,Track Name,Artist,Streams,URL.
fn older(rows: &[(u32, u64)]) -> String {
    let mut s = String::from(
        "\"Note that these figures are generated using a formula that protects against any artificial inflation of chart positions.\",,,,\nPosition,\"Track Name\",Artist,Streams,URL\n",
    );
    for (rank, streams) in rows {
        s.push_str(&format!(
            "{rank},\"Song {rank}, Pt. 2\",\"Artist {rank}\",{streams},https://open.spotify.com/track/{rank}\n"
        ));
    }
    s
}

/// The current form, with a BOM, `source` or not, days or weeks, streams quoted with commas.
fn current(rows: &[(u32, u64)], source: bool, weekly: bool) -> String {
    let mut s = String::from("\u{feff}rank,uri,artist_names,track_name,");
    if source {
        s.push_str("source,");
    }
    s.push_str("peak_rank,previous_rank,");
    s.push_str(if weekly {
        "weeks_on_chart"
    } else {
        "days_on_chart"
    });
    s.push_str(",streams\n");
    for (rank, streams) in rows {
        let quoted = with_commas(*streams);
        let source = if source {
            "\"Big Hit Music, Inc.\","
        } else {
            ""
        };
        s.push_str(&format!(
            "{rank},spotify:track:{rank},\"A, B\",Song {rank},{source}1,2,3,\"{quoted}\"\n"
        ));
    }
    s
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Ranks 1..=n with falling streams that are not round numbers.
fn rows(n: u32) -> Vec<(u32, u64)> {
    (1..=n)
        .map(|r| (r, 9_000_000 - u64::from(r) * 612_345 + u64::from(r * r)))
        .collect()
}

fn setup(dir: &Path, chart_name: &str, chart: &str) {
    std::fs::write(dir.join("fan.toml"), CONFIG).unwrap();
    std::fs::write(dir.join(chart_name), chart).unwrap();
}

fn goals(dir: &Path, chart: &str, extra: &[&str]) -> std::process::Output {
    dropwatch(dir)
        .args(["goals", "--config", "fan.toml", "--from-chart", chart])
        .args(["--ranks", "10,5", "--stream", "proof/spotify"])
        .args(extra)
        .output()
        .unwrap()
}

/// The goals of the Spotify stream as `--once --json` reports them: (label, streams, from).
fn json_goals(dir: &Path) -> Vec<(String, u64, Option<String>)> {
    let out = dropwatch(dir)
        .args(["--config", "fan.toml", "--once", "--json"])
        .args(["--at", "2022-06-10 14:00 KST"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["streams"][0]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["label"].as_str().unwrap().to_string(),
                g["streams"].as_u64().unwrap(),
                g["from"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn every_form_gives_the_streams_at_the_rank_plus_one() {
    let table = rows(12);
    let forms = [
        ("regional-global-daily-2022-06-09.csv", older(&table), ""),
        (
            "regional-global-daily-2022-06-09.csv",
            current(&table, true, false),
            "",
        ),
        (
            "regional-global-daily-2022-06-09.csv",
            current(&table, false, false),
            "",
        ),
        (
            "regional-global-weekly-2022-06-02--2022-06-09.csv",
            current(&table, false, true),
            " weekly",
        ),
    ];
    for (name, text, weekly) in forms {
        let dir = tempfile::tempdir().unwrap();
        setup(dir.path(), name, &text);
        let out = goals(dir.path(), name, &[]);
        assert!(out.status.success(), "{name}: {}", common::stderr(&out));
        let got = json_goals(dir.path());
        // The oracle: the chart's own row at each rank, plus one.
        for rank in [10u32, 5] {
            let label = format!("Global{weekly} top {rank}");
            let want = table[rank as usize - 1].1 + 1;
            let goal = got.iter().find(|g| g.0 == label);
            assert_eq!(goal.map(|g| g.1), Some(want), "{name} rank {rank}: {got:?}");
            let from = goal.and_then(|g| g.2.clone()).unwrap_or_default();
            assert_eq!(from, format!("{name}, chart of 2022-06-09"));
        }
        let text = std::fs::read_to_string(dir.path().join("fan.toml")).unwrap();
        // The person's comments stay, the goal written by hand is updated in place.
        assert!(text.starts_with("# my list: keep this comment\n"), "{text}");
        assert!(
            text.contains("event = \"proof\" # the title track"),
            "{text}"
        );
        if weekly.is_empty() {
            assert!(text.contains("# by hand, from last week"), "{text}");
            assert_eq!(text.matches("label = \"Global top 10\"").count(), 1);
        }
    }
}

#[test]
fn dry_run_writes_nothing_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let name = "regional-kr-daily-2022-06-09.csv";
    setup(dir.path(), name, &older(&rows(10)));
    let out = goals(dir.path(), name, &["--dry-run"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        stdout(&out).contains("would add \"KR top 10\""),
        "{}",
        stdout(&out)
    );
    let text = std::fs::read_to_string(dir.path().join("fan.toml")).unwrap();
    assert_eq!(text, CONFIG);
    assert!(goals(dir.path(), name, &[]).status.success());
    let once = std::fs::read_to_string(dir.path().join("fan.toml")).unwrap();
    let out = goals(dir.path(), name, &[]);
    assert!(stdout(&out).contains("is already set"), "{}", stdout(&out));
    let twice = std::fs::read_to_string(dir.path().join("fan.toml")).unwrap();
    assert_eq!(once, twice);
}

#[test]
fn a_date_comes_from_the_name_or_date() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), "latest.csv", &older(&rows(10)));
    fails(
        dropwatch(dir.path())
            .args([
                "goals",
                "--config",
                "fan.toml",
                "--from-chart",
                "latest.csv",
            ])
            .args(["--ranks", "10", "--stream", "proof/Spotify"]),
        2,
        "pass --date",
    );
    let out = goals(dir.path(), "latest.csv", &["--date", "2022-06-09"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let got = json_goals(dir.path());
    assert!(
        got.iter()
            .any(|g| g.2.as_deref() == Some("latest.csv, chart of 2022-06-09")),
        "{got:?}"
    );
}

#[test]
fn what_cannot_be_done_is_said_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let name = "regional-global-daily-2022-06-09.csv";
    setup(dir.path(), name, &older(&rows(8)));
    let run = |extra: &[&str], stream: &str| {
        let mut cmd = dropwatch(dir.path());
        cmd.args(["goals", "--config", "fan.toml", "--from-chart", name])
            .args(["--stream", stream])
            .args(extra);
        cmd
    };
    fails(
        &mut run(&["--ranks", "10,5"], "proof/Spotify"),
        2,
        "no rank 10",
    );
    fails(&mut run(&["--ranks", "5"], "proof"), 2, "--stream proof/");
    fails(&mut run(&["--ranks", "5"], "nope"), 2, "no event");
    fails(
        &mut run(&["--ranks", "5"], "proof/Melon"),
        2,
        "no [[streams]]",
    );
    std::fs::write(dir.path().join("bad.csv"), "rank,streams\n1,lots\n").unwrap();
    let err = fails(
        dropwatch(dir.path())
            .args(["goals", "--config", "fan.toml", "--from-chart", "bad.csv"])
            .args([
                "--ranks",
                "1",
                "--stream",
                "proof/Spotify",
                "--date",
                "2022-06-09",
            ]),
        2,
        "bad.csv:2",
    );
    assert!(err.contains("\"lots\""), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("fan.toml")).unwrap(),
        CONFIG
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_rather_than_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fan.toml"), CONFIG).unwrap();
    let fifo = dir.path().join("regional-global-daily-2022-06-09.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    fails(
        dropwatch(dir.path())
            .args(["goals", "--config", "fan.toml", "--from-chart"])
            .arg(&fifo)
            .args(["--ranks", "1", "--stream", "proof/Spotify"])
            .timeout(std::time::Duration::from_secs(20)),
        2,
        "FIFO",
    );
}

#[test]
fn where_a_goal_came_from_shows_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let name = "regional-global-daily-2022-06-09.csv";
    setup(dir.path(), name, &older(&rows(10)));
    assert!(goals(dir.path(), name, &[]).status.success());
    let out = dropwatch(dir.path())
        .args([
            "--config", "fan.toml", "--once", "--width", "200", "--height", "40",
        ])
        .args(["--at", "2022-06-10 14:00 KST"])
        .output()
        .unwrap();
    let screen = stdout(&out);
    assert!(
        screen.contains(
            "from regional-global-daily-2022-06-09.csv, chart of 2022-06-09: Global top 10, Global top 5"
        ),
        "{screen}"
    );
}
