//! The release binary in a real terminal (tmux): the seconds tick, keys work, the `u` prompt
//! moves a gauge, and every way out (q, Esc, Ctrl-C, SIGTERM, SIGHUP, Ctrl-Z then fg then q)
//! gives the shell back with the terminal restored: cursor shown, main screen, mouse off.

mod common;

use std::time::Duration;

use common::{Tmux, have_tmux, release_binary};

const WAIT: Duration = Duration::from_secs(10);

/// The countdown shown in the events list for With You, e.g. "in 01:02:11".
fn with_you_countdown(screen: &str) -> Option<String> {
    let line = screen
        .lines()
        .find(|l| l.contains("With You") && l.contains(" in "))?;
    let at = line.find(" in ")?;
    Some(line[at + 4..].split_whitespace().next()?.to_string())
}

#[test]
fn dashboard_ticks_takes_keys_and_restores_the_shell() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("ticks", 120, 40, dir.path());
    tmux.type_line(&format!("{} init --config fan.toml", bin.display()));
    tmux.wait_for("wrote fan.toml", WAIT);
    tmux.type_line("stty -g > before.stty");
    // An hour before the drop, replayed at real speed.
    tmux.type_line(&format!(
        "{} --config fan.toml --at '2022-04-24 21:57:49 Asia/Seoul' --zone Europe/Berlin",
        bin.display()
    ));
    // Wait for the whole frame: tmux may show one half-written.
    let screen = tmux.wait_until("the dashboard", WAIT, |s| {
        s.contains("Streams · With You · Spotify")
            && with_you_countdown(s).is_some()
            && s.contains("[z]")
    });
    assert!(screen.contains("ARMY release watch"), "{screen}");
    assert!(
        screen.contains(
            "Sun 24 Apr 2022 23:00 KST · 14:00 UTC · 19:30 IST · 10:00 EDT · yours: 16:00 CEST"
        ),
        "{screen}"
    );

    // The seconds change on their own.
    let first = with_you_countdown(&screen)
        .unwrap_or_else(|| panic!("no countdown for With You:\n{screen}"));
    tmux.wait_until("the countdown to tick", WAIT, |s| {
        with_you_countdown(s).is_some_and(|c| c != first)
    });

    // z moves the header clock to the next zone: the event's own (KST).
    tmux.send(&["z"]);
    tmux.wait_until("the clock in KST", WAIT, |s| {
        s.lines().next().is_some_and(|l| l.contains(" KST"))
    });

    // ? opens help, any key closes it.
    tmux.send(&["?"]);
    tmux.wait_for("dropwatch · help", WAIT);
    tmux.send(&["Space"]);
    tmux.wait_until("help to close", WAIT, |s| !s.contains("dropwatch · help"));

    // u: a bad count is refused inline, a good one moves the gauge.
    tmux.send(&["u"]);
    tmux.wait_for("Spotify count for With You:", WAIT);
    tmux.type_line("lots");
    tmux.wait_for("is not a count", WAIT);
    for _ in 0..4 {
        tmux.send(&["BSpace"]);
    }
    tmux.type_line("1,350,000");
    let screen = tmux.wait_for("1,350,000 streams", WAIT);
    let top10 = screen
        .lines()
        .find(|l| l.contains("Global top 10"))
        .unwrap();
    assert!(top10.contains("50%"), "{top10}");
    assert!(top10.contains('━'), "{top10}");
    let csv = std::fs::read_to_string(dir.path().join("fan.readings.csv")).unwrap();
    assert!(csv.contains(",with-you,Spotify,1350000,manual\n"), "{csv}");

    // Down selects Proof; q quits back to the shell.
    tmux.send(&["Down"]);
    tmux.wait_for("▶ Proof", WAIT);
    tmux.send(&["q"]);
    tmux.wait_until("the shell back", WAIT, |s| {
        !s.contains("┌ Next") && s.contains("e2e$")
    });
    tmux.wait_restored(WAIT);
    // The terminal settings are as they were before.
    tmux.type_line("stty -g > after.stty; cmp before.stty after.stty && echo RESTORED");
    tmux.wait_for("RESTORED", WAIT);
}

#[test]
fn small_terminal_gets_the_reduced_layout() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("small", 60, 15, dir.path());
    tmux.type_line(&format!(
        "{} --at '2022-04-24T12:57:49Z' --zone Europe/Berlin",
        bin.display()
    ));
    let screen = tmux.wait_for("┌ Events", WAIT);
    assert!(screen.contains("out in 01:0"), "{screen}");
    assert!(
        !screen.contains("█████"),
        "no big digits at 60x15:\n{screen}"
    );
    tmux.send(&["C-c"]);
    tmux.wait_until("the shell back", WAIT, |s| !s.contains("┌ Events"));
    tmux.wait_restored(WAIT);
}

#[test]
fn follows_edits_survives_mistakes_and_restores_on_sigterm() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("fan.toml");
    let tmux = Tmux::start("reload", 120, 40, dir.path());
    tmux.type_line(&format!("{} init --config fan.toml", bin.display()));
    tmux.wait_for("wrote fan.toml", WAIT);
    tmux.type_line("stty -g > before.stty");
    tmux.type_line(&format!(
        "{} --config fan.toml --at '2022-04-24T12:00:00Z' --zone Europe/Berlin",
        bin.display()
    ));
    let screen = tmux.wait_for("ARMY release watch", WAIT);
    assert!(!screen.contains('✗'), "{screen}");
    let good = std::fs::read_to_string(&config).unwrap();

    // Saved in place with a mistake: a banner quoting file:line:col, the last good config kept.
    std::fs::write(
        &config,
        good.replace(
            "zone = \"Asia/Seoul\"\nlive_for",
            "zone = \"Seoul\"\nlive_for",
        ),
    )
    .unwrap();
    let screen = tmux.wait_for("unknown time zone \"Seoul\"", WAIT);
    // Line 24: init's `#:schema` line comes before the default config.
    assert!(
        screen.contains("✗ fan.toml:24:8: unknown time zone"),
        "{screen}"
    );
    assert!(screen.contains("ARMY release watch"), "{screen}");

    // Fixed, with a new title: banner gone, change shown.
    std::fs::write(&config, good.replace("ARMY release watch", "Fixed watch")).unwrap();
    let screen = tmux.wait_for("Fixed watch", WAIT);
    assert!(!screen.contains("unknown time zone"), "{screen}");

    // Saved the way vim does by default: a new file renamed over the old.
    let tmp = dir.path().join("fan.toml~new");
    std::fs::write(&tmp, good.replace("ARMY release watch", "Renamed watch")).unwrap();
    std::fs::rename(&tmp, &config).unwrap();
    tmux.wait_for("Renamed watch", WAIT);

    // Deleted: a banner; re-created: back.
    std::fs::remove_file(&config).unwrap();
    tmux.wait_for("cannot read the config", WAIT);
    std::fs::write(
        &config,
        good.replace("ARMY release watch", "Recreated watch"),
    )
    .unwrap();
    let screen = tmux.wait_for("Recreated watch", WAIT);
    assert!(!screen.contains("cannot read"), "{screen}");

    // A reading logged from elsewhere shows up.
    let out = std::process::Command::new(&bin)
        .current_dir(dir.path())
        .args([
            "log",
            "with-you",
            "1234567",
            "--config",
            "fan.toml",
            "--at",
            "2022-04-24T12:00:00Z",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux.wait_for("1,234,567 streams", WAIT);

    // SIGTERM: the terminal is restored and the shell is back.
    // The dashboard is the child of this pane's shell (other tests run their own).
    let status = std::process::Command::new("pkill")
        .args(["-TERM", "-P", &tmux.pane_pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    tmux.wait_until("the shell back", WAIT, |s| !s.contains("┌ Next"));
    tmux.wait_restored(WAIT);
    tmux.type_line("stty -g > after.stty; cmp before.stty after.stty && echo RESTORED");
    tmux.wait_for("RESTORED", WAIT);
}

#[test]
fn esc_and_sighup_restore_the_terminal() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("esc-hup", 100, 30, dir.path());
    tmux.type_line("stty -g > before.stty");
    for (how, run) in [("Esc", 1), ("SIGHUP", 2)] {
        tmux.type_line(&format!("{} --zone UTC", bin.display()));
        tmux.wait_for("┌ Events", WAIT);
        if how == "Esc" {
            tmux.send(&["Escape"]);
        } else {
            // The dashboard is the child of this pane's shell, which stays.
            let status = std::process::Command::new("pkill")
                .args(["-HUP", "-P", &tmux.pane_pid().to_string()])
                .status()
                .unwrap();
            assert!(status.success());
        }
        tmux.wait_until(&format!("the shell back after {how}"), WAIT, |s| {
            !s.contains("┌ Events")
        });
        tmux.wait_restored(WAIT);
        tmux.type_line(&format!(
            "stty -g > after.stty; cmp before.stty after.stty && echo RESTORED-$((0+{run}))"
        ));
        tmux.wait_for(&format!("RESTORED-{run}"), WAIT);
    }
}

#[test]
fn a_closed_terminal_ends_the_process() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("hangup", 80, 24, dir.path());
    tmux.type_line(&format!("exec {} --zone UTC", bin.display()));
    tmux.wait_for("┌ Events", WAIT);
    // `exec` made the dashboard the pane's process; closing the terminal hangs it up.
    let pid = tmux.pane_pid();
    drop(tmux);
    let proc = std::path::PathBuf::from(format!("/proc/{pid}"));
    let start = std::time::Instant::now();
    while proc.exists()
        && !std::fs::read_to_string(proc.join("stat"))
            .unwrap_or_default()
            .contains(") Z")
    {
        assert!(
            start.elapsed() < WAIT,
            "dropwatch {pid} still running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("suspend", 100, 30, dir.path());
    tmux.type_line(&format!("{} --zone UTC", bin.display()));
    tmux.wait_for("┌ Events", WAIT);
    tmux.send(&["C-z"]);
    // The shell is back, with the dashboard stopped and its screen gone.
    let screen = tmux.wait_until("the shell after Ctrl-Z", WAIT, |s| {
        !s.contains("┌ Events") && s.contains("e2e$") && s.to_lowercase().contains("stopped")
    });
    assert!(!screen.contains("┌ Next"), "{screen}");
    tmux.wait_restored(WAIT);
    tmux.type_line("fg");
    tmux.wait_until("a full redraw after fg", WAIT, |s| {
        s.contains("┌ Events") && s.contains("┌ Next") && s.contains("[z]")
    });
    tmux.send(&["q"]);
    tmux.wait_until("the shell back", WAIT, |s| !s.contains("┌ Events"));
    tmux.wait_restored(WAIT);
}

/// `dropwatch add` with a terminal and no flags asks each value in turn, with a default, says
/// why an answer is refused and asks again; the event it writes is on the dashboard, where `a`
/// adds another through its form and the reload shows it at once.
#[test]
fn add_asks_each_value_and_the_dashboard_form_adds_another() {
    if !have_tmux() {
        return;
    }
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fan.toml"),
        "# mine\ntitle = \"MY comebacks\"\n",
    )
    .unwrap();
    let tmux = Tmux::start("add", 100, 30, dir.path());
    tmux.type_line(&format!("{} add --config fan.toml", bin.display()));
    tmux.wait_for("Name:", WAIT);
    tmux.type_line("");
    tmux.wait_for("✗ the name is empty", WAIT);
    tmux.type_line("Drama");
    tmux.wait_for("By (artist):", WAIT);
    tmux.type_line("aespa");
    tmux.wait_for("When (", WAIT);
    tmux.type_line("soon");
    tmux.wait_for("\"soon\" is not a time", WAIT);
    tmux.type_line("12.05 6PM KST");
    // The zone the time named is the default.
    tmux.wait_for("Zone [Asia/Seoul]:", WAIT);
    tmux.type_line("");
    tmux.wait_for("Id [drama]:", WAIT);
    tmux.type_line("");
    tmux.wait_for("Stream platform (empty: no stream):", WAIT);
    tmux.type_line("YouTube");
    tmux.wait_for("Tracking window ends [", WAIT);
    tmux.type_line("");
    tmux.wait_for("Goal (", WAIT);
    tmux.type_line("24h=x");
    tmux.wait_for("not a count", WAIT);
    tmux.type_line("24-hour views=10M/24h");
    tmux.wait_until("the next goal", WAIT, |s| s.matches("Goal (").count() >= 3);
    tmux.type_line("");
    tmux.wait_for("added Drama (drama,", WAIT);
    let text = std::fs::read_to_string(dir.path().join("fan.toml")).unwrap();
    assert!(text.starts_with("# mine\n"), "{text}");
    assert!(text.contains("streams = 10000000"), "{text}");

    tmux.type_line(&format!(
        "{} --config fan.toml --at '2026-11-30 09:00 KST'",
        bin.display()
    ));
    tmux.wait_for("Drama", WAIT);
    tmux.send(&["a"]);
    tmux.wait_for("add an event", WAIT);
    tmux.send(&["-l", "Whiplash"]);
    tmux.send(&["Tab"]);
    tmux.send(&["-l", "Dec 20"]);
    tmux.send(&["Tab"]);
    tmux.send(&["C-u"]);
    // Clear the zone field and write Seoul's.
    for _ in 0..40 {
        tmux.send(&["BSpace"]);
    }
    tmux.send(&["-l", "Asia/Seoul"]);
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("Sun 20 Dec · time TBA", WAIT);
    assert!(screen.contains("added Whiplash"), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_for("e2e$", WAIT);
    let text = std::fs::read_to_string(dir.path().join("fan.toml")).unwrap();
    assert!(text.contains("at = \"2026-12-20\""), "{text}");
}
