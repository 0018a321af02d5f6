//! Whole-screen snapshots at fixed sizes and a fixed clock (text only; colours are checked on
//! the buffer), plus a sweep of sizes that must not panic.

use dropwatch::app::{App, Mode};
use dropwatch::readings::{Reading, Readings};
use dropwatch::testing::{app, app_with, render, utc};
use ratatui::style::Color;

fn with_readings(mut app: App) -> App {
    let r = |t: &str, count| Reading {
        time: utc(t),
        event: "with-you".into(),
        platform: "Spotify".into(),
        count,
        source: dropwatch::readings::Origin::Log,
    };
    app.readings = [
        r("2022-04-24T15:00:00Z", 300_000),
        r("2022-04-24T16:00:00Z", 580_000),
        r("2022-04-24T17:00:00Z", 860_000),
        r("2022-04-24T18:00:00Z", 1_140_000),
    ]
    .into_iter()
    .collect();
    app
}

/// `app` at `width` x `height` as text.
fn text_of(app: &App, width: u16, height: u16) -> String {
    dropwatch::testing::text(app, width, height)
}

#[test]
fn an_hour_before_with_you_at_120x40() {
    let screen = text_of(&app("2022-04-24T12:57:49Z"), 120, 40);
    assert!(screen.contains("in 01:02:11"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn an_hour_before_with_you_at_40x12() {
    let screen = text_of(&app("2022-04-24T12:57:49Z"), 40, 12);
    assert!(screen.contains("01:02:11"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn four_hours_into_the_window_at_120x40() {
    let screen = text_of(&with_readings(app("2022-04-24T18:00:00Z")), 120, 40);
    assert!(screen.contains("1,140,000 streams"), "{screen}");
    assert!(screen.contains("on pace"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn streams_panel_at_60x20() {
    let screen = text_of(&with_readings(app("2022-04-24T18:00:00Z")), 60, 20);
    assert!(screen.contains("Streams"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn today_both_are_past_and_count_to_anniversaries() {
    let screen = text_of(&app("2026-11-25T19:26:00Z"), 120, 40);
    assert!(screen.contains("out 4y 7m ago"), "{screen}");
    assert!(screen.contains("5th anniversary in"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// 60x15 with a tracking window open: the list and a cut-down streams panel share the room
/// (this size once hit a `clamp` with min > max).
#[test]
fn open_window_at_60x15() {
    let screen = text_of(&with_readings(app("2022-04-24T18:00:00Z")), 60, 15);
    assert!(screen.contains("┌ Events"), "{screen}");
    assert!(screen.contains("1,140,000 streams"), "{screen}");
}

#[test]
fn tiny_sizes_show_the_countdown() {
    let one = text_of(&app("2022-04-24T12:57:49Z"), 1, 1);
    assert_eq!(one, "W\n");
    insta::assert_snapshot!("one_by_one", one);
    let small = text_of(&app("2022-04-24T12:57:49Z"), 20, 5);
    insta::assert_snapshot!(small);
    assert!(small.contains("1:02:11"), "{small}");
}

#[test]
fn help_overlay_lists_the_keys() {
    let mut a = app("2022-04-24T12:57:49Z");
    a.mode = Mode::Help;
    let screen = text_of(&a, 120, 40);
    for key in ["q  Esc  Ctrl-C", "z  Z", "cycle the clock's zone"] {
        assert!(screen.contains(key), "{key} missing:\n{screen}");
    }
}

#[test]
fn error_banner_quotes_the_error_over_the_last_good_config() {
    let mut a = app("2022-04-24T12:57:49Z");
    let bad = dropwatch::config::parse(
        "title = 3\n",
        dropwatch::config::Source::File("fan.toml".into()),
    )
    .unwrap_err();
    a.error = Some(bad);
    let screen = text_of(&a, 120, 40);
    assert!(screen.contains("✗ fan.toml:1:9: invalid type"), "{screen}");
    assert!(screen.contains("With You"), "{screen}");
}

#[test]
fn imminent_is_coloured_and_no_color_drops_colours() {
    let a = app("2022-04-24T13:30:00Z");
    let buf = render(&a, 120, 40);
    let has = |buf: &ratatui::buffer::Buffer, c: Color| buf.content.iter().any(|cell| cell.fg == c);
    assert!(has(&buf, Color::Yellow), "imminent phase should be yellow");
    let mut plain = a.clone();
    plain.color = false;
    let buf = render(&plain, 120, 40);
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

#[test]
fn no_size_panics() {
    let states = [
        app("2022-04-24T12:57:49Z"),
        with_readings(app("2022-04-24T18:00:00Z")),
        app("2026-11-25T19:26:00Z"),
    ];
    for a in &states {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (2, 1),
            (1, 40),
            (500, 1),
            (23, 4),
            (24, 5),
            (79, 13),
            (80, 24),
            (500, 200),
        ] {
            let mut a = a.clone();
            if w % 2 == 0 {
                a.mode = Mode::Help;
            }
            render(&a, w, h);
        }
        // Every height, and every width around the layout's thresholds.
        for w in (1..130).step_by(9).chain([59, 60, 61, 79, 80, 81]) {
            for h in 1..45 {
                let buf = render(a, w, h);
                assert_eq!(buf.area.width, w);
            }
        }
    }
}

/// Two platforms for one event each get a block; with no room, the rest are summarised.
#[test]
fn several_streams_for_one_event() {
    let extra = "\n[[streams]]\nevent = \"with-you\"\nplatform = \"YouTube\"\ncount = 800_000\n\
                 window_end = \"2022-04-25 09:00\"\n[[streams.goal]]\nlabel = \"1M views\"\nstreams = 1_000_000\n";
    let text = format!("{}{extra}", dropwatch::config::DEFAULT_TOML);
    let config = dropwatch::config::parse(&text, dropwatch::config::Source::Embedded).unwrap();
    let mut a = with_readings(app_with(
        config,
        Readings::default(),
        "2022-04-24T18:00:00Z",
    ));
    a.selected = Some("with-you".into());
    let big = text_of(&a, 120, 40);
    assert!(big.contains("Streams · With You · Spotify"), "{big}");
    assert!(big.contains("Streams · With You · YouTube"), "{big}");
    assert!(big.contains("800,000 streams"), "{big}");
    insta::assert_snapshot!(big);
    let small = text_of(&a, 80, 17);
    assert!(small.contains("Streams · With You · Spotify"), "{small}");
    assert!(
        small.contains("YouTube 800,000 streams"),
        "summary line expected:\n{small}"
    );
    insta::assert_snapshot!(small);
}
