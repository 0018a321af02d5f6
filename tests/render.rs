//! Whole-screen snapshots at fixed sizes and a fixed clock (text only; colours are checked on
//! the buffer), plus a sweep of sizes that must not panic.

use dropwatch::app::{App, Mode, Prompt};
use dropwatch::readings::{Reading, Readings};
use dropwatch::testing::{app, app_with, render, utc};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

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
    // One cell: the title is cut, and says so.
    assert_eq!(one, "…\n");
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
    // Every binding of the one key table, Ctrl-Z, Ctrl-L and Shift-Tab among them.
    for binding in dropwatch::app::keys::KEYS {
        assert!(
            screen.contains(binding.keys),
            "{} missing:\n{screen}",
            binding.keys
        );
        assert!(
            screen.contains(binding.does),
            "{} missing:\n{screen}",
            binding.does
        );
    }
    for key in ["Ctrl-Z", "Ctrl-L", "Shift-Tab"] {
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
    a.config_error = Some(bad);
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

/// The four scenes the README shows and the snapshots keep.
fn scenes() -> Vec<(&'static str, App)> {
    let mut error = app("2022-04-24T12:57:49Z");
    error.config_error = Some(
        dropwatch::config::parse(
            "[[event]]\nid = \"x\"\nname = \"X\"\nat = \"2022-04-24 23:00\"\nzone = \"Seoul\"\n",
            dropwatch::config::Source::File("fan.toml".into()),
        )
        .unwrap_err(),
    );
    vec![
        ("hour_before", app("2022-04-24T13:00:00Z")),
        ("window_open", with_readings(app("2022-04-24T18:00:00Z"))),
        ("all_released", app("2026-11-25T19:26:00Z")),
        ("config_error", error),
    ]
}

#[test]
fn four_scenes_at_three_sizes() {
    for (name, a) in scenes() {
        for (w, h) in [(120, 40), (80, 24), (60, 15)] {
            let screen = text_of(&a, w, h);
            insta::assert_snapshot!(format!("scene_{name}_{w}x{h}"), screen);
        }
    }
}

/// The columns of every goal row that must survive: target, percent, needed, needed per hour
/// and status.
fn goal_rows_complete(screen: &str) -> bool {
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Global top") || l.contains("24-hour"))
        .filter(|l| l.contains('%'))
        .collect();
    rows.len() == 4
        && rows.iter().all(|r| {
            r.contains("M ") && r.contains("/h") && (r.contains("on pace") || r.contains("behind"))
        })
}

/// What gives way as the screen shrinks, in the order README and `ui::layout` give: the rate
/// bars, then the big digits, the chart, the timeline, the gauges; the goal figures stay.
#[test]
fn parts_give_way_in_the_written_order() {
    let a = with_readings(app("2022-04-24T18:00:00Z"));
    let has = |s: &str, part: &str| match part {
        "digits" => s
            .split("┌ Events")
            .next()
            .is_some_and(|next| next.contains("██") || next.contains('▟')),
        "chart" => s.contains("┤") && s.contains("now "),
        "bars" => s.contains("streams/hour between readings"),
        "timeline" => s.contains("▼"),
        "gauge" => s
            .lines()
            .any(|l| l.contains("Global top 10") && l.contains('░')),
        _ => unreachable!(),
    };
    let expect = [
        (
            (120, 40),
            ["digits", "chart", "bars", "timeline", "gauge"].as_slice(),
            true,
        ),
        ((100, 30), &["digits", "chart", "timeline", "gauge"], true),
        ((80, 24), &["digits", "chart", "timeline"], true),
        ((60, 15), &[], false),
    ];
    for ((w, h), parts, goals) in expect {
        let s = text_of(&a, w, h);
        for part in ["digits", "chart", "bars", "timeline", "gauge"] {
            assert_eq!(
                has(&s, part),
                parts.contains(&part),
                "{part} at {w}x{h}:\n{s}"
            );
        }
        if goals {
            assert!(goal_rows_complete(&s), "goal rows at {w}x{h}:\n{s}");
        }
    }
    // 40x12 keeps the headline; 20x5 is one line of countdown.
    let s = text_of(&a, 40, 12);
    assert!(s.contains("06:00:00"), "{s}");
    let s = text_of(&a, 20, 5);
    assert!(s.contains("6:00:00"), "{s}");
}

fn cells_with<'a>(buf: &'a Buffer, text: &str) -> Vec<&'a ratatui::buffer::Cell> {
    let width = buf.area.width as usize;
    let rows: Vec<String> = (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' '))
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for (y, row) in rows.iter().enumerate() {
        let chars: Vec<char> = row.chars().collect();
        let needle: Vec<char> = text.chars().collect();
        for x in 0..chars.len().saturating_sub(needle.len() - 1) {
            if chars[x..x + needle.len()] == needle[..] {
                for k in 0..needle.len() {
                    out.push(&buf.content[y * width + x + k]);
                }
            }
        }
    }
    out
}

#[test]
fn status_words_carry_their_colours_and_tracks_stay_neutral() {
    let buf = render(&with_readings(app("2022-04-24T18:00:00Z")), 120, 40);
    let on_pace = cells_with(&buf, "on pace");
    assert!(!on_pace.is_empty() && on_pace.iter().all(|c| c.fg == Color::Green));
    let behind = cells_with(&buf, "behind");
    assert!(!behind.is_empty() && behind.iter().all(|c| c.fg == Color::Yellow));
    let track = cells_with(&buf, "░");
    assert!(!track.is_empty() && track.iter().all(|c| c.fg == Color::DarkGray));
    // No data is neutral: an open window without readings raises no colour.
    let buf = render(&app("2022-04-24T18:00:00Z"), 120, 40);
    let none = cells_with(&buf, "no data");
    assert!(!none.is_empty() && none.iter().all(|c| c.fg == Color::DarkGray));
    assert!(cells_with(&buf, "behind").is_empty());
}

#[test]
fn the_selection_is_one_solid_bar() {
    let mut a = app("2022-04-24T13:30:00Z");
    a.selected = Some("with-you".into());
    let buf = render(&a, 120, 40);
    let y = (0..40)
        .find(|&y| buf[(1, y)].symbol() == "▶")
        .expect("a selected row");
    // Every cell inside the list's border, text or blank, has the same bar style.
    let row: Vec<_> = (1..52).map(|x| &buf[(x, y)]).collect();
    assert!(
        row.iter()
            .all(|c| c.bg == Color::Blue && c.fg == Color::White)
    );
    assert!(row.iter().all(|c| c.modifier.contains(Modifier::BOLD)));
}

#[test]
fn a_failed_reload_says_so_at_the_replayed_clock() {
    let mut a = app("2022-04-24T12:57:49Z");
    a.config.source = dropwatch::config::Source::File("fan.toml".into());
    a.tick(utc("2022-04-24T12:58:00Z"));
    let bad = dropwatch::config::parse(
        "title = 3\n",
        dropwatch::config::Source::File("fan.toml".into()),
    )
    .unwrap_err();
    a.reload_failed(bad);
    let screen = text_of(&a, 120, 40);
    // The header reads 14:58 in Berlin; the footer says when, by the same clock.
    assert!(
        screen.contains("config: fan.toml reload failed 14:58:00 ✗"),
        "{screen}"
    );
}

/// The words of `message` all appear in `screen`, or the screen shows "…" where it was cut.
fn shown_whole_or_marked(message: &str, screen: &str) -> bool {
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = message.split_whitespace().collect();
    words.iter().all(|w| flat.contains(w)) || flat.contains('…')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// At any width from 20 to 200, the banner, a notice and a prompt error are either whole
    /// on screen or visibly cut.
    #[test]
    fn no_message_is_cut_without_an_ellipsis(w in 20u16..=200, h in 12u16..=40) {
        let (_, error_scene) = scenes().pop().unwrap();
        let message = error_scene.config_error.as_ref().unwrap().first().unwrap().one_line();
        let screen = text_of(&error_scene, w, h);
        prop_assert!(shown_whole_or_marked(&message, &screen), "{}", screen);

        let mut notice = app("2022-04-24T12:57:49Z");
        let text = "not watching the config (inotify watch limit reached); press r to reload";
        notice.notice = Some(text.into());
        let screen = text_of(&notice, w, h);
        prop_assert!(shown_whole_or_marked(text, &screen), "{}", screen);

        let mut prompt = app("2022-04-24T16:00:00Z");
        let why = dropwatch::values::numbers::parse_count("2.9 milion").unwrap_err().to_string();
        prompt.mode = Mode::Prompt(Prompt {
            stream: 0,
            input: "2.9 milion".into(),
            error: Some(why.clone()),
            confirm: false,
        });
        let screen = text_of(&prompt, w, h);
        prop_assert!(shown_whole_or_marked(&why, &screen), "{}", screen);
    }
}

/// A date whose time is not announced, and the `a` form open over it.
fn tba_app() -> App {
    let text = "title = \"MY comebacks\"\n[[event]]\nname = \"Whiplash\"\nby = \"aespa\"\nat = \"2026-12-20\"\nzone = \"Asia/Seoul\"\n\
                [[event]]\nname = \"Drama\"\nat = \"2026-12-24 18:00\"\nzone = \"Asia/Seoul\"\n";
    let config = dropwatch::config::parse(text, dropwatch::config::Source::Embedded).unwrap();
    app_with(config, Readings::default(), "2026-12-07T00:00:00Z")
}

#[test]
fn a_date_without_its_time_and_the_add_form_at_80x24() {
    let mut app = tba_app();
    let screen = text_of(&app, 80, 24);
    // 20 Dec 00:00 in Seoul is 19 Dec 15:00 UTC: 12 days 15 hours from now.
    assert!(screen.contains("TBA in 12d 15h"), "{screen}");
    assert!(screen.contains("Sun 20 Dec · time TBA"), "{screen}");
    assert!(screen.contains("time TBA · its day starts in"), "{screen}");
    insta::assert_snapshot!(screen);
    let key = |c| crossterm::event::KeyEvent::new(c, crossterm::event::KeyModifiers::NONE);
    app.on_key(key(crossterm::event::KeyCode::Char('a')));
    for c in "Drama".chars() {
        app.on_key(key(crossterm::event::KeyCode::Char(c)));
    }
    app.on_key(key(crossterm::event::KeyCode::Tab));
    app.on_key(key(crossterm::event::KeyCode::Char('?')));
    app.on_key(key(crossterm::event::KeyCode::Enter));
    let screen = text_of(&app, 80, 24);
    assert!(
        screen.contains("add an event") && screen.contains("\"?\" is not a time"),
        "{screen}"
    );
    insta::assert_snapshot!("add_form_refused_at_80x24", screen);
    for (w, h) in [(1, 1), (10, 3), (30, 8), (200, 60)] {
        let _ = render(&app, w, h);
    }
}
