//! The overview (`o`): every stream of every event as one scoreboard, snapshots at 120x40,
//! 80x24 and 60x15 with a fixed clock, its keys, and `--once --view overview`.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dropwatch::app::{App, Board, Effect, Mode};
use dropwatch::readings::{Origin, Reading, Readings};
use dropwatch::testing::{app_with, utc};

/// The default config with With You's MV, a Melon chart, Proof on Spotify and `videos` more
/// videos; readings of Spotify and the MV.
fn config_text(videos: usize) -> String {
    let mut text = dropwatch::config::DEFAULT_TOML.to_string();
    text.push_str(
        "\n[[streams]]\nid = \"mv\"\nevent = \"with-you\"\nplatform = \"YouTube MV\"\n\
         window_end = \"2022-04-25 23:00\"\n[[streams.goal]]\nlabel = \"10M views\"\n\
         streams = 10_000_000\n\
         [[streams]]\nevent = \"with-you\"\nplatform = \"Melon\"\nwindow_end = \"2022-04-24 15:00\"\n\
         window_zone = \"UTC\"\n[[streams.goal]]\nlabel = \"1M\"\nstreams = 1_000_000\n\
         [[streams]]\nevent = \"proof\"\nplatform = \"Spotify\"\nwindow_end = \"2022-06-11 00:00\"\n\
         window_zone = \"UTC\"\n[[streams.goal]]\nlabel = \"Global top 1\"\nstreams = 6_000_000\n",
    );
    for i in 1..=videos {
        text.push_str(&format!(
            "[[streams]]\nevent = \"with-you\"\nplatform = \"Video {i}\"\n\
             window_end = \"2022-04-26 00:00\"\n[[streams.goal]]\nlabel = \"1M\"\n\
             streams = 1_000_000\n"
        ));
    }
    text
}

fn board(videos: usize) -> App {
    let config =
        dropwatch::config::parse(&config_text(videos), dropwatch::config::Source::Embedded)
            .unwrap();
    let r = |t: &str, platform: &str, count| Reading {
        time: utc(t),
        event: "with-you".into(),
        platform: platform.into(),
        count,
        source: Origin::Log,
    };
    let readings: Readings = [
        r("2022-04-24T17:00:00Z", "Spotify", 1_800_000),
        r("2022-04-24T18:00:00Z", "Spotify", 2_880_000),
        r("2022-04-24T17:30:00Z", "YouTube MV", 4_100_000),
        r("2022-04-24T18:30:00Z", "YouTube MV", 5_300_000),
    ]
    .into_iter()
    .collect();
    let mut app = app_with(config, readings, "2022-04-24T19:01:00Z");
    app.mode = Mode::Overview(Board::default());
    app
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn every_stream_at_120x40_open_windows_first() {
    let screen = dropwatch::testing::text(&board(3), 120, 40);
    // Spotify's window closes first (00:00 UTC), then the MV's (14:00 UTC), the videos'
    // (15:00 UTC on the 25th); Proof's opens in June; Melon's closed at 15:00 today.
    let order: Vec<usize> = [
        "With You · Spotify",
        "YouTube MV",
        "Video 1",
        "Proof · Spotify",
        "Melon",
    ]
    .iter()
    .map(|s| screen.find(s).unwrap_or_else(|| panic!("{s} in\n{screen}")))
    .collect();
    assert!(order.is_sorted(), "{order:?}\n{screen}");
    // 2.88M of the top 5's 3.2M: 90%, 320k to go in 4h 59m: 64.2k/h; 1.08M/h since 17:00.
    assert!(screen.contains("2.88M streams · 1h"), "{screen}");
    assert!(screen.contains("Global top 5 3.2M"), "{screen}");
    assert!(screen.contains("64.2k/h"), "{screen}");
    assert!(screen.contains("1.08M/h"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn eighty_by_twenty_four_says_how_many_more() {
    let screen = dropwatch::testing::text(&board(20), 80, 24);
    assert!(screen.contains("+6 more (↑↓ scrolls)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn sixty_by_fifteen_keeps_the_answer() {
    let screen = dropwatch::testing::text(&board(3), 60, 15);
    assert!(
        screen.contains("90%") && screen.contains("on pace"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn the_selection_scrolls_and_enter_opens_the_stream() {
    let mut app = board(20);
    key(&mut app, KeyCode::End);
    let screen = dropwatch::testing::text(&app, 80, 24);
    // The last row (Melon, closed) is on screen and selected; the first rows scrolled away.
    assert!(screen.contains("▶ With You · Melon"), "{screen}");
    assert!(!screen.contains("With You · Spotify"), "{screen}");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('s'));
    // Row 2 is Video 1 (index 4 of the config's streams): its card is asked for.
    assert_eq!(app.effects, [Effect::Card(Some(4))]);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.selected.as_deref(), Some("proof"));
    key(&mut app, KeyCode::Char('o'));
    assert!(matches!(app.mode, Mode::Overview(_)));
    key(&mut app, KeyCode::Esc);
    assert!(app.mode == Mode::Normal && !app.quit);
}

#[test]
fn once_with_the_overview_view() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dropwatch.toml"), config_text(0)).unwrap();
    let out = common::dropwatch(dir.path())
        .args([
            "--once",
            "--view",
            "overview",
            "--at",
            "2022-04-24T19:01:00Z",
        ])
        .args(["--width", "100", "--height", "12"])
        .output()
        .unwrap();
    let text = common::stdout(&out);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(text.contains("Overview · 4 streams"), "{text}");
    assert!(text.contains("Proof · Spotify"), "{text}");
}

#[test]
fn no_size_breaks_it() {
    let mut app = board(20);
    app.on_key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
    for w in (1..=130).step_by(3) {
        for h in (1..=45).step_by(2) {
            let screen = dropwatch::testing::text(&app, w, h);
            assert!(!screen.is_empty() || w == 0 || h == 0);
        }
    }
}

/// In a real terminal: `o` shows the overview, `s` saves the selected stream's card and the
/// footer names it, Esc comes back, `q` quits.
#[test]
fn in_a_terminal_o_shows_the_board_and_s_saves_a_card() {
    if !common::have_tmux() {
        return;
    }
    let wait = std::time::Duration::from_secs(20);
    let bin = common::release_binary();
    let dir = tempfile::tempdir().unwrap();
    let config = config_text(1).replacen("bell = true", "bell = false\ncards_dir = \"cards\"", 1);
    std::fs::write(dir.path().join("fan.toml"), config).unwrap();
    let tmux = common::Tmux::start("board", 100, 30, dir.path());
    tmux.type_line(&format!(
        "{} --config fan.toml --at 2022-04-24T19:01:00Z",
        bin.display()
    ));
    tmux.wait_for("Streams · With You · Spotify", wait);
    tmux.send(&["o"]);
    tmux.wait_for("Overview · 5 streams", wait);
    tmux.send(&["j", "s"]);
    // Row 2 is the MV.
    let screen = tmux.wait_for("card saved: ", wait);
    assert!(
        screen.contains("with-you-youtube-mv-20220424-190"),
        "{screen}"
    );
    let cards: Vec<_> = std::fs::read_dir(dir.path().join("cards"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(cards.len(), 1, "{cards:?}");
    tmux.send(&["Escape"]);
    tmux.wait_until("the dashboard again", wait, |s| {
        s.contains("Streams · With You") && !s.contains("Overview ·")
    });
    tmux.send(&["q"]);
    tmux.wait_for("e2e$", wait);
}
