//! Watching the next comeback without writing TOML: `add` from flags, `import` of a comeback
//! calendar (a file the test writes, and a server of its own on 127.0.0.1), `export --ics`
//! and back, and the hostile cases: a config that is a symlink, two `add`s at once, a calendar
//! server that stalls or sends a gigabyte, a calendar of 100,000 events.

mod common;

use common::http::{Reply, Server};
use common::{dropwatch, fails, stdout};
use std::path::Path;

const CONFIG: &str = "# my list: keep this comment\ntitle = \"mine\"\n\n[[event]]\nid = \"old\"\nname = \"Old\"  # by hand\nat = \"2022-04-24 23:00\"\nzone = \"Asia/Seoul\"\n";

fn config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("fan.toml");
    std::fs::write(&path, CONFIG).unwrap();
    path
}

fn ics(events: &[(&str, &str, &str)]) -> String {
    let mut s =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fans//kpop comebacks//EN\r\n");
    for (uid, summary, start) in events {
        s.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:{summary}\r\nDTSTART{start}\r\nEND:VEVENT\r\n"
        ));
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}

#[test]
fn add_from_flags_keeps_the_comments_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(dir.path());
    let out = dropwatch(dir.path())
        .args([
            "add", "--config", "fan.toml", "--name", "Drama", "--by", "aespa",
        ])
        .args(["--at", "2026-12-05 6PM KST", "--platform", "YouTube"])
        .args(["--goal", "24-hour views=10M/24h", "--goal", "Top=2.7M"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        stdout(&out).contains("added Drama (drama, Sat 5 Dec 2026 18:00 KST)"),
        "{}",
        stdout(&out)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# my list: keep this comment\n"), "{text}");
    assert!(text.contains("name = \"Old\"  # by hand"), "{text}");
    assert!(text.contains("window_end = \"2026-12-06 18:00\""), "{text}");
    dropwatch(dir.path())
        .args(["check", "--config", "fan.toml"])
        .assert()
        .success();
    // The same id again is refused, and the file is as it was.
    fails(
        dropwatch(dir.path()).args([
            "add", "--config", "fan.toml", "--name", "Drama", "--at", "Dec 6",
        ]),
        2,
        "already in the config",
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // A date alone is an event whose time is still to come.
    dropwatch(dir.path())
        .args([
            "add",
            "--config",
            "fan.toml",
            "--name",
            "Whiplash",
            "--at",
            "2026-12-20",
            "--zone",
            "Asia/Seoul",
        ])
        .assert()
        .success();
    let json = dropwatch(dir.path())
        .args([
            "--config",
            "fan.toml",
            "--once",
            "--json",
            "--at",
            "2026-12-07T00:00:00Z",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let tba: Vec<bool> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["time_tba"].as_bool().unwrap())
        .collect();
    assert_eq!(tba, [false, false, true]);
}

#[test]
fn add_on_the_embedded_default_writes_the_user_config_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path())
        .args([
            "add",
            "--name",
            "Drama",
            "--at",
            "Dec 5 18:00",
            "--zone",
            "Asia/Seoul",
        ])
        .output()
        .unwrap();
    let said = stdout(&out);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let user = dir.path().join("xdg/dropwatch/dropwatch.toml");
    assert!(
        said.contains(&format!("wrote {}", user.display())),
        "{said}"
    );
    let text = std::fs::read_to_string(&user).unwrap();
    assert!(text.contains("name = \"Drama\""), "{text}");
}

#[test]
fn add_refuses_what_would_not_load_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(dir.path());
    fails(
        dropwatch(dir.path()).args([
            "add",
            "--config",
            "fan.toml",
            "--name",
            "X",
            "--at",
            "12.05 6PM",
            "--zone",
            "Seoul",
        ]),
        2,
        "Asia/Seoul",
    );
    fails(
        dropwatch(dir.path()).args(["add", "--config", "fan.toml", "--name", "X", "--at", "13PM"]),
        2,
        "hours 1 to 12",
    );
    fails(
        dropwatch(dir.path()).args([
            "add", "--config", "fan.toml", "--name", "X", "--at", "Dec 5", "--goal", "x=0",
        ]),
        2,
        "always reached",
    );
    // A window that ends before the release: the edited config would not load.
    fails(
        dropwatch(dir.path()).args([
            "add",
            "--config",
            "fan.toml",
            "--name",
            "X",
            "--at",
            "2026-12-05 18:00 KST",
            "--window-end",
            "2026-12-01 00:00",
        ]),
        2,
        "before it starts",
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), CONFIG);
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_symlink_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = config(dir.path());
    std::os::unix::fs::symlink(&real, dir.path().join("link.toml")).unwrap();
    fails(
        dropwatch(dir.path()).args([
            "add",
            "--config",
            "link.toml",
            "--name",
            "X",
            "--at",
            "Dec 5",
        ]),
        1,
        "symbolic link",
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), CONFIG);
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn two_adds_at_once_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(dir.path());
    let spawn = |name: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_dropwatch"))
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
            .env("HOME", dir.path())
            .env("TZ", "Europe/Berlin")
            .args([
                "add",
                "--config",
                "fan.toml",
                "--name",
                name,
                "--at",
                "Dec 5 18:00",
            ])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut children: Vec<_> = (0..6).map(|i| spawn(&format!("Song {i}"))).collect();
    for c in &mut children {
        assert!(c.wait().unwrap().success());
    }
    let text = std::fs::read_to_string(&path).unwrap();
    for i in 0..6 {
        assert!(
            text.contains(&format!("name = \"Song {i}\"")),
            "Song {i} lost:\n{text}"
        );
    }
}

#[test]
fn import_adds_once_updates_what_changed_and_dry_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(dir.path());
    let cal = dir.path().join("comebacks.ics");
    std::fs::write(
        &cal,
        ics(&[
            (
                "drama@fans",
                "aespa - Drama",
                ";TZID=Asia/Seoul:20261205T180000",
            ),
            ("whip@fans", "aespa - Whiplash", ";VALUE=DATE:20261220"),
            ("rebel@fans", "IVE - Rebel", ":20261210T090000Z"),
        ]),
    )
    .unwrap();
    let import = |extra: &[&str]| {
        let out = dropwatch(dir.path())
            .args([
                "import",
                "comebacks.ics",
                "--config",
                "fan.toml",
                "--match",
                "aespa",
            ])
            .args(["--zone", "Asia/Seoul"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
        stdout(&out)
    };
    let said = import(&["--dry-run"]);
    assert!(
        said.contains("would add \"aespa - Drama\" (aespa-drama): 2026-12-05 18:00 Asia/Seoul"),
        "{said}"
    );
    assert!(!said.contains("Rebel"), "{said}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        CONFIG,
        "a dry run writes nothing"
    );
    let said = import(&[]);
    assert!(
        said.contains("added \"aespa - Whiplash\" (aespa-whiplash): 2026-12-20 Asia/Seoul"),
        "{said}"
    );
    let once = std::fs::read_to_string(&path).unwrap();
    assert!(once.contains("uid = \"drama@fans\""), "{once}");
    assert!(once.starts_with("# my list: keep this comment"), "{once}");
    // The same calendar again: nothing changes, not a byte.
    assert!(import(&[]).contains("2 unchanged"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), once);
    // Whiplash's time is announced: the TBA event becomes a timed one, nothing is added.
    std::fs::write(
        &cal,
        ics(&[
            (
                "drama@fans",
                "aespa - Drama",
                ";TZID=Asia/Seoul:20261205T180000",
            ),
            (
                "whip@fans",
                "aespa - Whiplash",
                ";TZID=Asia/Seoul:20261220T180000",
            ),
        ]),
    )
    .unwrap();
    let said = import(&[]);
    assert!(
        said.contains("changed aespa-whiplash: at 2026-12-20 18:00 Asia/Seoul"),
        "{said}"
    );
    let twice = std::fs::read_to_string(&path).unwrap();
    assert_eq!(twice.matches("[[event]]").count(), 3, "{twice}");
    assert!(twice.contains("at = \"2026-12-20 18:00\""), "{twice}");
}

#[test]
fn an_export_imported_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(dir.path());
    dropwatch(dir.path())
        .args([
            "add",
            "--config",
            "fan.toml",
            "--name",
            "Whiplash",
            "--at",
            "2026-12-20",
            "--zone",
            "Asia/Seoul",
        ])
        .assert()
        .success();
    let out = dropwatch(dir.path())
        .args([
            "export", "--ics", "--config", "fan.toml", "--out", "mine.ics",
        ])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("wrote 2 events to mine.ics"),
        "{}",
        stdout(&out)
    );
    let ics = std::fs::read_to_string(dir.path().join("mine.ics")).unwrap();
    assert!(ics.contains("BEGIN:VALARM"), "{ics}");
    assert!(ics.contains("DTSTART:20220424T140000Z"), "{ics}");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = dropwatch(dir.path())
        .args(["import", "mine.ics", "--config", "fan.toml"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("2 unchanged"), "{}", stdout(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn import_from_a_server_and_from_servers_that_misbehave() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(dir.path());
    let body = ics(&[(
        "drama@fans",
        "aespa - Drama",
        ";TZID=Asia/Seoul:20261205T180000",
    )]);
    let server = Server::start(3, move |path| match path {
        p if p.starts_with("/cal.ics") => Reply::Body(200, "text/calendar", body.clone()),
        "/huge.ics" => Reply::Stream(b'x', 1 << 30),
        _ => Reply::Hang,
    });
    let url = server.url("/cal.ics?token=s3cret");
    let out = dropwatch(dir.path())
        .args(["import", &url, "--config", "fan.toml"])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("added \"aespa - Drama\""),
        "{}",
        common::stderr(&out)
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("drama@fans")
    );
    let err = fails(
        dropwatch(dir.path()).args(["import", &server.url("/huge.ics"), "--config", "fan.toml"]),
        2,
        "over 8 MiB",
    );
    assert!(!err.contains("s3cret"));
    // A server that never answers: the import gives up after its timeout, with a reason.
    let err = fails(
        dropwatch(dir.path()).args([
            "import",
            &server.url("/stall.ics?token=s3cret"),
            "--config",
            "fan.toml",
            "--timeout",
            "1s",
        ]),
        1,
        "cannot fetch",
    );
    assert!(!err.contains("s3cret"), "{err}");
    assert!(err.contains("timeout after 1s"), "{err}");
}

#[test]
fn a_calendar_of_a_hundred_thousand_events_or_absurd_lines_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    config(dir.path());
    let mut many = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n");
    for i in 0..100_000 {
        many.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{i}\r\nSUMMARY:E{i}\r\nDTSTART:20261205T090000Z\r\nEND:VEVENT\r\n"
        ));
    }
    many.push_str("END:VCALENDAR\r\n");
    assert!(many.len() < 8 << 20);
    std::fs::write(dir.path().join("many.ics"), many).unwrap();
    fails(
        dropwatch(dir.path()).args(["import", "many.ics", "--config", "fan.toml"]),
        2,
        "dropwatch reads at most 20000",
    );
    let line = format!(
        "BEGIN:VCALENDAR\r\nX-JUNK:{}\r\nEND:VCALENDAR\r\n",
        "y".repeat(4 << 20)
    );
    std::fs::write(dir.path().join("line.ics"), line).unwrap();
    let out = dropwatch(dir.path())
        .args(["import", "line.ics", "--config", "fan.toml"])
        .output()
        .unwrap();
    assert!(!common::stderr(&out).contains("panicked"));
    assert!(stdout(&out).contains("0 unchanged") || !out.status.success());
    fails(
        dropwatch(dir.path()).args(["import", "fan.toml", "--config", "fan.toml"]),
        2,
        "not an iCalendar file",
    );
}
