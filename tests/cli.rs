//! The command line as a user runs it: exit codes, messages, `--once`, `check`, `init`, `log`.

mod common;

use common::{dropwatch, fails, stderr, stdout};
use serde_json::Value;

#[test]
fn json_an_hour_before_with_you() {
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path())
        .args(["--once", "--json", "--at", "2022-04-24T13:00:00Z"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["now"], "2022-04-24T13:00:00Z");
    let with_you = &v["events"][0];
    assert_eq!(with_you["id"], "with-you");
    assert_eq!(with_you["seconds_left"], 3600);
    assert_eq!(with_you["phase"], "imminent");
    assert_eq!(with_you["at"], "2022-04-24T23:00:00+09:00");
    assert_eq!(with_you["next_anniversary"], "2023-04-24T23:00:00+09:00");
    let proof = &v["events"][1];
    assert_eq!(proof["seconds_left"], 4_028_400);
    assert_eq!(proof["phase"], "upcoming");
    let s = &v["streams"][0];
    assert_eq!(s["platform"], "Spotify");
    assert_eq!(s["window_end"], "2022-04-25T00:00:00Z");
    assert_eq!(s["seconds_left_in_window"], 11 * 3600);
    assert_eq!(s["pace_per_hour"], Value::Null);
    let labels: Vec<&str> = s["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Global top 10",
            "Global top 5",
            "24-hour goal",
            "24-hour stretch goal"
        ]
    );
    assert_eq!(s["goals"][0]["status"], "waiting");
    assert_eq!(s["goals"][2]["deadline"], "2022-04-25T14:00:00Z");
}

#[test]
fn at_accepts_local_time_with_zone_and_relative_times() {
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path())
        .args(["--once", "--json", "--at", "2022-04-24 22:00 Asia/Seoul"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["events"][0]["seconds_left"], 3600);
    let out = dropwatch(dir.path())
        .args(["--once", "--json", "--at", "-2h"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    fails(
        dropwatch(dir.path()).args(["--once", "--at", "yesterday"]),
        2,
        "--at: \"yesterday\" is not a time",
    );
}

#[test]
fn once_prints_a_frame_at_the_width_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path())
        .args(["--once", "--at", "2022-04-24T12:57:49Z", "--width", "120"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("in 01:02:11"), "{text}");
    assert!(text.contains("yours: 16:00 CEST"), "{text}");
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 120)
    );
    assert!(!text.contains('\x1b'), "no escape codes in --once text");
}

#[test]
fn check_quotes_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[event]]\nname = \"With You\"\nat = \"2022-04-24 23:00\"\nzone = \"Seoul\"\n",
    )
    .unwrap();
    let err = fails(
        dropwatch(dir.path()).args(["check", "--config", "bad.toml"]),
        2,
        "",
    );
    assert!(
        err.contains("bad.toml:4:8: unknown time zone \"Seoul\""),
        "{err}"
    );
    assert!(err.contains("help: write \"Asia/Seoul\""), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

#[test]
fn check_reports_every_error_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dropwatch.toml"),
        "zones = [\"Mars/Olympus\"]\n[[event]]\nid = \"a\"\nname = \"A\"\nat = \"2022-03-13 02:30\"\nzone = \"America/New_York\"\n\
         [[streams]]\nevent = \"b\"\nwindow_end = \"2022-04-25 00:00\"\n",
    )
    .unwrap();
    let err = fails(dropwatch(dir.path()).arg("check"), 2, "");
    assert!(
        err.contains("dropwatch.toml:1:10: unknown time zone"),
        "{err}"
    );
    assert!(
        err.contains("dropwatch.toml:5:6: 2022-03-13 02:30 does not exist"),
        "{err}"
    );
    assert!(
        err.contains("dropwatch.toml:8:9: streams for unknown event \"b\""),
        "{err}"
    );
}

#[test]
fn check_passes_the_default_and_finds_dropwatch_toml_in_cwd() {
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path()).arg("check").output().unwrap();
    assert!(out.status.success());
    assert!(
        stdout(&out).starts_with("embedded default: ok (2 events, 1 stream,"),
        "{}",
        stdout(&out)
    );
    std::fs::write(dir.path().join("dropwatch.toml"), "title = \"mine\"\n").unwrap();
    let out = dropwatch(dir.path()).arg("check").output().unwrap();
    assert!(
        stdout(&out).starts_with("dropwatch.toml: ok (0 events"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_missing_config_is_a_config_error() {
    let dir = tempfile::tempdir().unwrap();
    fails(
        dropwatch(dir.path()).args(["--once", "--config", "nope.toml"]),
        2,
        "nope.toml: no such config file",
    );
    fails(
        dropwatch(dir.path())
            .env("DROPWATCH_CONFIG", "gone.toml")
            .arg("check"),
        2,
        "gone.toml: no such config file (named by $DROPWATCH_CONFIG)",
    );
}

#[test]
fn init_writes_the_default_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path()).arg("init").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let written = dir.path().join("xdg/dropwatch/dropwatch.toml");
    // The default config under the line that points editors at the schema written beside it.
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        format!(
            "#:schema ./dropwatch.schema.json\n{}",
            dropwatch::config::DEFAULT_TOML
        )
    );
    assert!(
        dir.path()
            .join("xdg/dropwatch/dropwatch.schema.json")
            .is_file()
    );
    fails(
        dropwatch(dir.path()).arg("init"),
        2,
        "already exists; pass --force",
    );
    let out = dropwatch(dir.path())
        .args(["init", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success());
    // The user config dir is in the search order.
    let out = dropwatch(dir.path()).arg("check").output().unwrap();
    assert!(
        stdout(&out).contains("xdg/dropwatch/dropwatch.toml: ok"),
        "{}",
        stdout(&out)
    );
    // --config before or after the subcommand.
    let out = dropwatch(dir.path())
        .args(["--config", "here.toml", "init"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(dir.path().join("here.toml").is_file());
}

#[test]
fn log_appends_readings_and_guards_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // On the embedded default there is no file to log beside.
    fails(
        dropwatch(d).args(["log", "with-you", "100"]),
        2,
        "run `dropwatch init` first",
    );

    dropwatch(d)
        .args(["init", "--config", "fan.toml"])
        .assert()
        .success();
    let log_cmd = |args: &[&str]| {
        let mut all = vec!["log"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--config", "fan.toml"]);
        let mut cmd = dropwatch(d);
        cmd.args(&all);
        cmd
    };
    let log = |args: &[&str]| log_cmd(args).output().unwrap();
    let out = log(&["with-you", "2,712,345", "--at", "2022-04-24T20:00:00Z"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = log(&[
        "with-you",
        "2.8M",
        "--at",
        "2022-04-24 18:00 America/New_York",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = std::fs::read_to_string(d.join("fan.readings.csv")).unwrap();
    assert_eq!(
        csv,
        "2022-04-24T20:00:00Z,with-you,Spotify,2712345,log\n2022-04-24T22:00:00Z,with-you,Spotify,2800000,log\n"
    );

    fails(
        &mut log_cmd(&["with-you", "2,000,000", "--at", "2022-04-24T23:00:00Z"]),
        2,
        "2,000,000 is lower than the reading before it (2,800,000 at 2022-04-24T22:00:00Z); pass --force to record it anyway",
    );
    // Back-filled: checked against the reading after it too.
    fails(
        &mut log_cmd(&["with-you", "3,000,000", "--at", "2022-04-24T21:00:00Z"]),
        2,
        "3,000,000 is higher than the reading after it (2,800,000 at 2022-04-24T22:00:00Z); pass --force to record it anyway",
    );
    let out = log(&[
        "with-you",
        "2,000,000",
        "--at",
        "2022-04-24T23:00:00Z",
        "--force",
    ]);
    assert!(out.status.success());

    fails(
        &mut log_cmd(&["without-you", "5"]),
        2,
        "unknown event \"without-you\"; write one of: with-you, proof",
    );
    fails(&mut log_cmd(&["with-you", "2.5"]), 2, "not a whole number");
    fails(
        &mut log_cmd(&["with-you", "5", "--platform", "YouTube"]),
        2,
        "no [[streams]] with platform \"YouTube\"",
    );
    fails(&mut log_cmd(&["proof", "5"]), 2, "no [[streams]]");

    // The dashboard reads them back.
    let out = dropwatch(d)
        .args([
            "--config",
            "fan.toml",
            "--once",
            "--json",
            "--at",
            "2022-04-24T22:30:00Z",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["streams"][0]["count"], 2_800_000);
    assert_eq!(v["streams"][0]["pace_per_hour"], 43_827.5);
    assert_eq!(v["streams"][0]["goals"][0]["status"], "reached");
}

#[test]
fn log_refuses_a_decimal_comma_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    dropwatch(d)
        .args(["init", "--config", "fan.toml"])
        .assert()
        .success();
    // "2,7M" is 2.7M written with a decimal comma, not 27M.
    fails(
        dropwatch(d).args(["log", "with-you", "2,7M", "--config", "fan.toml"]),
        2,
        "\"2,7M\" is not a count",
    );
    assert!(!d.join("fan.readings.csv").exists());
}

#[test]
fn usage_errors_exit_2_and_runtime_errors_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    fails(dropwatch(dir.path()).arg("--bogus"), 2, "--bogus");
    fails(
        dropwatch(dir.path()).args(["--zone", "Mars/Base", "--once"]),
        2,
        "--zone: unknown time zone",
    );
    fails(
        dropwatch(dir.path()).args(["--speed", "0"]),
        2,
        "--speed 0: write a number above 0",
    );
    // No terminal to draw on: a runtime error, said plainly.
    fails(&mut dropwatch(dir.path()), 1, "cannot set up the terminal");
}

#[test]
fn check_cuts_a_huge_value_in_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let default = dropwatch::config::DEFAULT_TOML;
    let big = "x".repeat(10_000_000);
    let cases = [
        default.replacen("zone = \"Asia/Seoul\"", &format!("zone = \"{big}\""), 1),
        default.replacen("live_for = \"1h\"", &format!("live_for = \"{big}\""), 1),
        default.replacen("bell = true", &format!("bell = \"{big}\""), 1),
        default.replacen("bell = true", &format!("{big} = 1"), 1),
    ];
    for (i, text) in cases.iter().enumerate() {
        let path = dir.path().join(format!("big{i}.toml"));
        std::fs::write(&path, text).unwrap();
        let out = dropwatch(dir.path())
            .args(["check", "--config"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "case {i}");
        let err = stderr(&out);
        assert!(
            err.contains("xxxx…"),
            "case {i}: {}",
            &err[..err.len().min(300)]
        );
        let longest = err.lines().map(str::len).max().unwrap_or(0);
        assert!(longest < 300, "case {i}: a line of {longest} bytes");
    }
}

#[test]
fn json_instants_are_exact_and_anniversaries_can_be_off() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("old.toml"),
        "title = \"Old\"\n\
         [[event]]\nid = \"monrovia\"\nname = \"Monrovia\"\nat = \"1971-06-01 12:00\"\n\
         zone = \"Africa/Monrovia\"\n\
         [[event]]\nid = \"quiet\"\nname = \"Quiet\"\nat = \"1970-06-01 12:00\"\n\
         zone = \"UTC\"\nanniversaries = false\n\
         [[event]]\nid = \"loud\"\nname = \"Loud\"\nat = \"1970-06-01 12:00\"\nzone = \"UTC\"\n",
    )
    .unwrap();
    let out = dropwatch(dir.path())
        .args(["--once", "--json", "--config", "old.toml"])
        .args(["--at", "1971-05-01T00:00:00Z"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(v["now"].as_str().unwrap()).unwrap();
    // Monrovia was 44 min 30 s behind UTC: `at` must name the instant seconds_left counts to.
    let event = |id: &str| {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap()
            .clone()
    };
    let monrovia = event("monrovia");
    let at = chrono::DateTime::parse_from_rfc3339(monrovia["at"].as_str().unwrap()).unwrap();
    assert_eq!(
        (at - now).num_seconds(),
        monrovia["seconds_left"].as_i64().unwrap(),
        "{monrovia}"
    );
    assert_eq!(at.to_utc().to_rfc3339(), "1971-06-01T12:44:30+00:00");
    assert_eq!(event("quiet")["next_anniversary"], Value::Null);
    assert_eq!(event("loud")["next_anniversary"], "1971-06-01T12:00:00Z");
}

#[test]
fn once_warns_about_skipped_readings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fan.toml"), dropwatch::config::DEFAULT_TOML).unwrap();
    std::fs::write(
        dir.path().join("fan.readings.csv"),
        "2022-04-24T15:00:00Z,with-you,Spotify,300000,log\ngarbage\n",
    )
    .unwrap();
    for json in [false, true] {
        let mut cmd = dropwatch(dir.path());
        cmd.args([
            "--once",
            "--config",
            "fan.toml",
            "--at",
            "2022-04-24T16:00:00Z",
        ]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("warning: fan.readings.csv:2: skipped a reading"),
            "json {json}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // Many: the first 20, then how many more, with `check` as with `--once`.
    std::fs::write(
        dir.path().join("fan.readings.csv"),
        "garbage\n".repeat(1234),
    )
    .unwrap();
    for args in [&["check"][..], &["--once"]] {
        let out = dropwatch(dir.path())
            .args(args)
            .args(["--config", "fan.toml"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 21, "{err}");
        assert!(
            lines[19].starts_with("warning: fan.readings.csv:20: skipped"),
            "{err}"
        );
        assert_eq!(lines[20], "warning: and 1,214 more");
    }
}

#[test]
fn log_keeps_what_a_person_wrote_in_the_readings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("fan.toml"), dropwatch::config::DEFAULT_TOML).unwrap();
    let csv = d.join("fan.readings.csv");
    let readings = || {
        let out = dropwatch(d)
            .args(["check", "--config", "fan.toml"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let log = |count: &str| {
        let out = dropwatch(d)
            .args(["log", "with-you", count, "--force", "--config", "fan.toml"])
            .args(["--at", "2022-04-24T18:00:00Z"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    let ours = "2022-04-24T18:00:00Z,with-you,Spotify,9000,log\n";
    // Typed by hand, the last line without a newline: read, and kept by the append.
    let typed = "2022-04-24T15:00:00Z,with-you,Spotify,1000,log\n\
                 2022-04-24T16:00:00Z,with-you,Spotify,2000,manual";
    std::fs::write(&csv, typed).unwrap();
    assert!(readings().ends_with("2 readings)\n"), "{}", readings());
    assert_eq!(log("9000"), "");
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        format!("{typed}\n{ours}")
    );
    // Saved by an editor with CR line ends: every line reads, and the append keeps them.
    let cr = "2022-04-24T15:00:00Z,with-you,Spotify,1000,log\r\
              2022-04-24T16:00:00Z,with-you,Spotify,2000,log\r";
    std::fs::write(&csv, cr).unwrap();
    assert!(readings().ends_with("2 readings)\n"), "{}", readings());
    log("9000");
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        format!("{cr}{ours}")
    );
    assert!(readings().ends_with("3 readings)\n"), "{}", readings());
    // A last line that may be a write cut short is moved aside, and the move is said.
    let cut = "2022-04-24T17:00:00Z,with-you,Spotify,30";
    std::fs::write(&csv, format!("{cr}{cut}")).unwrap();
    let said = log("9000");
    assert!(
        said.contains("moved it to fan.readings.csv.incomplete"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        format!("{cr}{ours}")
    );
    assert_eq!(
        std::fs::read_to_string(d.join("fan.readings.csv.incomplete")).unwrap(),
        format!("{cut}\n")
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // `dropwatch man | head -1`: the reader is gone before anything is written. Every command
    // that prints ends as cat and ripgrep do then: exit 0, nothing on stderr.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("fan.toml"), dropwatch::config::DEFAULT_TOML).unwrap();
    let at = ["--at", "2022-04-24T16:00:00Z"];
    let runs: [&[&str]; 9] = [
        &["man"],
        &["schema"],
        &["completions", "bash"],
        &["--once", "--config", "fan.toml"],
        &["--once", "--json", "--config", "fan.toml"],
        &["check", "--config", "fan.toml"],
        &[
            "log", "with-you", "400000", "--config", "fan.toml", at[0], at[1],
        ],
        &["init", "--config", "new/fan.toml"],
        &["bar", "--once", "--config", "fan.toml"],
    ];
    for args in runs {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dropwatch"))
            .args(args)
            .current_dir(d)
            .env_remove("DROPWATCH_CONFIG")
            .env("XDG_CONFIG_HOME", d.join("xdg"))
            .env("HOME", d)
            .stdin(std::process::Stdio::null())
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    // What the commands did besides printing still happened.
    assert!(d.join("new/fan.toml").is_file());
    let readings = std::fs::read_to_string(d.join("fan.readings.csv")).unwrap();
    assert!(
        readings.contains(",with-you,Spotify,400000,log"),
        "{readings}"
    );
}

#[test]
fn init_keeps_a_schema_someone_wrote_beside_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mine = "{\"my\": \"own schema\"}\n";
    std::fs::write(d.join("dropwatch.schema.json"), mine).unwrap();
    let err = fails(
        dropwatch(d).args(["init", "--config", "fan.toml"]),
        2,
        "dropwatch.schema.json already exists",
    );
    assert!(err.contains("--force"), "{err}");
    // Nothing written: neither the schema over the user's nor a config without its schema.
    let read = |name: &str| std::fs::read_to_string(d.join(name)).unwrap();
    assert_eq!(read("dropwatch.schema.json"), mine);
    assert!(!d.join("fan.toml").exists());
    let out = dropwatch(d)
        .args(["init", "--config", "fan.toml", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        read("dropwatch.schema.json"),
        dropwatch::config::schema::schema_json()
    );
    // The schema init writes itself is no obstacle to a second config beside the first.
    let out = dropwatch(d)
        .args(["init", "--config", "other.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn json_writes_no_time_past_9999() {
    // The last second of 9999: the next anniversaries fall in 10000, which RFC 3339 cannot
    // write (null); a release late on 31 Dec 9999 UTC is already 10000 in Seoul (in UTC then).
    let dir = tempfile::tempdir().unwrap();
    let mut config = dropwatch::config::DEFAULT_TOML.to_string();
    config.push_str(
        "\n[[event]]\nid = \"last\"\nname = \"Last\"\nat = \"9999-12-31T23:00:00Z\"\nzone = \"Asia/Seoul\"\n",
    );
    std::fs::write(dir.path().join("fan.toml"), config).unwrap();
    let out = dropwatch(dir.path())
        .args(["--once", "--json", "--config", "fan.toml"])
        .args(["--at", "9999-12-31T23:59:59Z"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut times = vec![v["now"].clone()];
    for e in v["events"].as_array().unwrap() {
        assert_eq!(e["next_anniversary"], Value::Null, "{e}");
        times.push(e["at"].clone());
    }
    for s in v["streams"].as_array().unwrap() {
        times.push(s["window_end"].clone());
        times.extend(
            s["goals"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["deadline"].clone()),
        );
    }
    assert!(times.len() > 4, "{v}");
    for t in times {
        let text = t.as_str().unwrap_or_default();
        assert!(
            chrono::DateTime::parse_from_rfc3339(text).is_ok(),
            "{text:?} in {v}"
        );
    }
    assert_eq!(v["events"][2]["at"], "9999-12-31T23:00:00Z");
}

#[test]
fn the_screen_shows_no_time_past_9999() {
    // The last second of 9999 is 08:59:59 on 1 Jan 10000 in Seoul: the screen says it in UTC.
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path())
        .args([
            "--once",
            "--width",
            "120",
            "--height",
            "40",
            "--zone",
            "Asia/Seoul",
        ])
        .args(["--at", "9999-12-31T23:59:59Z"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("10000"), "{text}");
    assert!(text.contains("Fri 31 Dec 9999 23:59:59 UTC"), "{text}");
}

#[test]
fn a_replay_that_reaches_the_end_of_9999_stops_there_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // Too fast to run a day is refused up front, with the fastest that does.
    fails(
        dropwatch(dir.path()).args(["--at", "2022-04-24T13:00:00Z", "--speed", "1e308"]),
        2,
        "--speed 1e308: from 2022-04-24T13:00:00Z a replay this fast passes the end of 9999 \
         within a day; the fastest that runs a day from there is --speed 2913790",
    );
    std::fs::write(dir.path().join("fan.toml"), dropwatch::config::DEFAULT_TOML).unwrap();
    // Said in the fan's language: `bar`'s notices are hers too.
    for (lang, end) in [
        (
            "en",
            "bar: the replay reached the end of 9999 (9999-12-31T23:59:59Z) and stops there",
        ),
        (
            "ko",
            "bar: 재현 시각이 9999년 끝(9999-12-31T23:59:59Z)에 닿아 여기서 멈춰요",
        ),
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dropwatch"))
            .args(["bar", "--config", "fan.toml", "--lang", lang])
            .args(["--at", "9999-12-31T23:59:58Z"])
            .current_dir(dir.path())
            .env_remove("DROPWATCH_CONFIG")
            .env("HOME", dir.path())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let errors = common::lines_of(child.stderr.take().unwrap());
        let said = errors.recv_timeout(std::time::Duration::from_secs(20));
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(said.as_deref(), Ok(end));
    }
}
