//! The bad-input catalogue: every config mistake docs/SPEC.md §2 lists as a fixture with the
//! message it must give, odd files, odd readings, every key in every state, and a two-month run
//! of the clock. Nothing may panic.

use std::path::PathBuf;

use chrono::TimeDelta;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dropwatch::app::{App, Effect, Mode};
use dropwatch::config::{self, Source};
use dropwatch::readings::{self, Readings};
use dropwatch::testing::{self, app, app_with, default_config, render, utc};

#[test]
fn every_invalid_fixture_gives_its_message_and_a_hint() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{name}: first line must be `# expect: …`"));
        let errors = config::parse(&text, Source::File(name.clone().into()))
            .expect_err(&format!("{name} should not validate"));
        let first = errors.first().unwrap();
        assert!(
            first.to_string().starts_with(expect),
            "{name}:\n  expected: {expect}\n  got:      {first}"
        );
        assert!(first.hint.is_some(), "{name}: no hint in {first}");
        seen += 1;
    }
    assert!(seen >= 12, "only {seen} fixtures");
}

#[test]
fn odd_files_never_panic() {
    // Empty: valid, nothing to count down to, and the screen says what to do.
    let empty = config::parse("", Source::Embedded).unwrap();
    assert!(empty.events.is_empty());
    let app = App::new(
        empty,
        Readings::default(),
        utc("2022-04-24T13:00:00Z"),
        chrono_tz::UTC,
    );
    let text = testing::text(&app, 100, 30);
    assert!(text.contains("No events yet"), "{text}");

    // Binary: refused with a position, not a panic.
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin.toml");
    std::fs::write(&bin, b"title = \"ok\"\n\xff\xfe\x00\x01garbage").unwrap();
    let e = config::load(&Source::File(bin)).unwrap_err();
    assert!(
        e.to_string().contains(":2:1: the config is not UTF-8"),
        "{e}"
    );

    // 10 MB of one long comment and of junk.
    let big = format!("# {}\ntitle = \"big\"\n", "x".repeat(10 << 20));
    assert_eq!(config::parse(&big, Source::Embedded).unwrap().title, "big");
    let junk: String = (0..10 << 20)
        .map(|i| (b' ' + (i * 7 % 90) as u8) as char)
        .collect();
    assert!(config::parse(&junk, Source::Embedded).is_err());
}

#[test]
fn ten_thousand_events_load_and_render() {
    let mut text = String::from("title = \"many\"\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "[[event]]\nid = \"e{i}\"\nname = \"Event {i} 지민 💜\"\nat = \"2022-{:02}-{:02} 12:00\"\nzone = \"Asia/Seoul\"\n",
            i % 12 + 1,
            i % 28 + 1
        ));
    }
    let config = config::parse(&text, Source::Embedded).unwrap();
    assert_eq!(config.events.len(), 10_000);
    let mut app = App::new(
        config,
        Readings::default(),
        utc("2022-06-01T00:00:00Z"),
        chrono_tz::UTC,
    );
    for _ in 0..5000 {
        app.on_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    }
    let screen = testing::text(&app, 120, 40);
    let selected = &app.config.events[app.selection().index.unwrap()].name;
    assert!(
        screen.contains(&format!("▶ {selected}")),
        "selection off screen:\n{screen}"
    );
}

#[test]
fn odd_readings_are_skipped_with_warnings() {
    let text = "2022-04-24T15:00:00Z,with-you,Spotify,300000\n\
                \u{0}\u{1}binary junk\n\
                2022-04-24T16:00:00Z,with-you,Spotify,18446744073709551616\n\
                2022-04-24T17:00:00Z,with-you,Spotify,18446744073709551615\n\
                2022-04-24T18:00:00Z,with-you,Spo";
    let r = readings::parse(text, "fan.readings.csv");
    assert_eq!(r.len(), 2);
    let counts: Vec<u64> = r.of("with-you", "Spotify").counts.to_vec();
    assert_eq!(counts, [300_000, u64::MAX]);
    assert_eq!(r.warnings.count(), 3);
    assert!(
        r.warnings.kept()[1].starts_with("fan.readings.csv:3:"),
        "{:?}",
        r.warnings
    );
    // The maximum count renders, with separators, at any size.
    let mut app = app_with(default_config(), r, "2022-04-24T17:30:00Z");
    app.local_zone = chrono_tz::UTC;
    let screen = testing::text(&app, 120, 40);
    assert!(
        screen.contains("18,446,744,073,709,551,615 streams"),
        "{screen}"
    );
    assert!(screen.contains("reached"), "{screen}");
    assert!(screen.contains("(+2 more)"), "{screen}");
    for (w, h) in [(1, 1), (30, 8), (500, 200)] {
        render(&app, w, h);
    }
    // Thousands of bad lines: the footer says the first and how many more, all of them.
    let r = readings::parse(&"x\n".repeat(12_345), "f.csv");
    let app = app_with(default_config(), r, "2022-04-24T17:30:00Z");
    let screen = testing::text(&app, 120, 40);
    assert!(screen.contains("(+12,344 more)"), "{screen}");
}

/// Every key, plain and with modifiers, in every state: normal, help, prompt.
#[test]
fn every_key_in_every_state() {
    let mut codes: Vec<KeyCode> = (0x20u8..0x7f).map(|b| KeyCode::Char(b as char)).collect();
    codes.extend(['지', '💜', '\u{7f}', '\t'].map(KeyCode::Char));
    codes.extend([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::F(1),
        KeyCode::F(12),
        KeyCode::Null,
    ]);
    let mods = [
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ];
    let base = app("2022-04-24T16:00:00Z");
    let mut help = base.clone();
    help.mode = Mode::Help;
    let mut prompt = base.clone();
    prompt.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    assert!(matches!(prompt.mode, Mode::Prompt(_)));
    for state in [&base, &help, &prompt] {
        for code in &codes {
            for m in mods {
                let mut app = state.clone();
                app.on_key(KeyEvent::new(*code, m));
                // A second key in whatever state the first left.
                app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
                render(&app, 80, 24);
                render(&app, 12, 3);
            }
        }
    }
}

/// Two months of clock in minute steps (across both releases and Europe's DST change), with a
/// reload every day: each release rings exactly once, and state does not grow.
#[test]
fn two_months_of_clock_ring_each_release_once() {
    let start = utc("2022-03-20T00:00:00Z");
    let mut app = app("2022-03-20T00:00:00Z");
    let mut bells = Vec::new();
    let mut now = start;
    while now < utc("2022-06-20T00:00:00Z") {
        now += TimeDelta::minutes(1);
        app.tick(now);
        if now.timestamp() % 86_400 == 0 {
            app.set_config(default_config(), now);
        }
        for e in app.effects.drain(..) {
            if let Effect::Bell(text) = e {
                bells.push((now, text));
            }
        }
        if now.timestamp() % 3600 == 0 {
            render(&app, 120, 40);
        }
    }
    assert_eq!(
        bells,
        [
            (
                utc("2022-04-24T14:00:00Z"),
                "With You is out now".to_string()
            ),
            (utc("2022-06-10T04:00:00Z"), "Proof is out now".to_string()),
        ]
    );
    assert!(app.effects.capacity() < 64);
}

#[test]
fn bell_off_means_no_bell() {
    let text = config::DEFAULT_TOML.replace("bell = true", "bell = false");
    let config = config::parse(&text, Source::Embedded).unwrap();
    let mut app = App::new(
        config,
        Readings::default(),
        utc("2022-04-24T13:59:59Z"),
        chrono_tz::UTC,
    );
    app.tick(utc("2022-04-24T14:00:01Z"));
    assert!(app.effects.is_empty());
}

/// A tmpfs of 16 KiB mounted for one test, unmounted on drop.
struct TinyDisk {
    dir: tempfile::TempDir,
}

impl TinyDisk {
    /// Mounts one, or says why it cannot (not root, no permission to mount).
    fn mount() -> Result<TinyDisk, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(TinyDisk { dir })
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn a_full_disk_leaves_no_partial_reading() {
    let disk = match TinyDisk::mount() {
        Ok(d) => d,
        Err(why) => {
            eprintln!("skipping the full-disk test: cannot mount a small tmpfs ({why})");
            return;
        }
    };
    let dir = disk.dir.path();
    std::fs::write(dir.join("fan.toml"), config::DEFAULT_TOML).unwrap();
    // Readings that end 20 bytes short of a page: the next line starts in the page, and
    // the page after it is not there.
    let line = "2022-04-24T15:00:00Z,with-you,Spotify,4000,log\n";
    let mut committed = line.repeat(4096 / line.len() - 1);
    let pad = 4096 - 20 - committed.len() - 1;
    committed.push_str(&format!("#{}\n", "-".repeat(pad - 1)));
    assert_eq!(committed.len(), 4096 - 20);
    let readings_path = dir.join("fan.readings.csv");
    std::fs::write(&readings_path, &committed).unwrap();
    // Fill the rest of the disk.
    {
        use std::io::Write;
        let mut filler = std::fs::File::create(dir.join("filler")).unwrap();
        let page = [0u8; 4096];
        for _ in 0..8 {
            if filler.write_all(&page).is_err() {
                break;
            }
        }
    }

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dropwatch"))
        .current_dir(dir)
        .args(["log", "with-you", "1234567", "--config", "fan.toml"])
        .args(["--at", "2022-04-24T16:00:00Z"])
        .env("TZ", "UTC")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    let after = std::fs::read_to_string(&readings_path).unwrap();
    assert!(
        after == committed,
        "a partial line stayed: {:?}",
        &after[committed.len().min(after.len())..]
    );
}

/// Runs the binary in `dir` with `args`, failing (not hanging) if it has not exited in 10 s.
fn run_bounded(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_dropwatch"))
        .current_dir(dir)
        .args(args)
        .env_remove("DROPWATCH_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dropwatch {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_directory_for_a_file_is_named_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    mkfifo(&d.join("pipe.toml"));
    std::fs::create_dir(d.join("dir.toml")).unwrap();
    let fifo_msg = "is a FIFO (named pipe), not a file";

    for (config, kind) in [
        ("pipe.toml", fifo_msg),
        ("dir.toml", "is a directory, not a file"),
    ] {
        let out = run_bounded(d, &["check", "--config", config]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(kind), "{err}");
        // --force does not write into it.
        let out = run_bounded(d, &["init", "--force", "--config", config]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(kind), "{err}");
    }

    // A readings file that is a FIFO: check and --once warn, log fails, none waits.
    std::fs::write(d.join("fan.toml"), config::DEFAULT_TOML).unwrap();
    mkfifo(&d.join("fan.readings.csv"));
    for args in [
        &["check", "--config", "fan.toml"][..],
        &[
            "--once",
            "--config",
            "fan.toml",
            "--at",
            "2022-04-24T13:00:00Z",
        ],
        &["--once", "--json", "--config", "fan.toml"],
    ] {
        let out = run_bounded(d, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(err.contains(fifo_msg), "{args:?}: {err}");
    }
    let out = run_bounded(d, &["log", "with-you", "5", "--config", "fan.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("fan.readings.csv {fifo_msg}")),
        "{err}"
    );
}
