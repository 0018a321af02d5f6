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
            screen.contains(&*dropwatch::lang::Lang::En.t(binding.does)),
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
    assert!(big.contains("800,000 views"), "{big}");
    insta::assert_snapshot!(big);
    let small = text_of(&a, 80, 17);
    assert!(small.contains("Streams · With You · Spotify"), "{small}");
    assert!(
        small.contains("YouTube 800,000 views"),
        "summary line expected:\n{small}"
    );
    insta::assert_snapshot!(small);
}

/// A logged count of With You on Spotify at `time`.
fn with_you(time: chrono::DateTime<chrono::Utc>, count: u64) -> Reading {
    Reading {
        time,
        event: "with-you".into(),
        platform: "Spotify".into(),
        count,
        source: dropwatch::readings::Origin::Log,
    }
}

/// The story the README's scenes replay: With You's counts every 30 minutes from its release,
/// about 150k each, then 2.95M a minute before the chart window closes, and the next day's
/// counts towards the 24-hour goals.
fn story(now: &str) -> App {
    let start = utc("2022-04-24T14:00:00Z");
    let reading = with_you;
    let mut a = app(now);
    a.readings = (1..=19u64)
        .map(|i| {
            reading(
                start + chrono::TimeDelta::minutes(30 * i as i64),
                150_000 * i,
            )
        })
        .chain(
            [
                ("2022-04-24T23:59:00Z", 2_950_000),
                ("2022-04-25T06:00:00Z", 3_600_000),
                ("2022-04-25T13:00:00Z", 4_050_000),
            ]
            .map(|(t, c)| reading(utc(t), c)),
        )
        .collect();
    a
}

/// The six scenes the README shows and the snapshots keep (the config error last).
fn scenes() -> Vec<(&'static str, App)> {
    let mut error = app("2022-04-24T12:57:49Z");
    error.config_error = Some(
        dropwatch::config::parse(
            "[[event]]\nid = \"x\"\nname = \"X\"\nat = \"2022-04-24 23:00\"\nzone = \"Seoul\"\n",
            dropwatch::config::Source::File("fan.toml".into()),
        )
        .unwrap_err(),
    );
    // After the window the fan picks With You to see how it went.
    let mut result = story("2022-04-25T15:00:00Z");
    result.selected = Some("with-you".into());
    vec![
        ("today", app("2026-12-07T00:30:00Z")),
        ("hour_before", story("2022-04-24T13:00:00Z")),
        ("release_moment", story("2022-04-24T14:20:00Z")),
        ("window_open", story("2022-04-24T19:00:00Z")),
        ("result", result),
        ("config_error", error),
    ]
}

#[test]
fn six_scenes_at_four_sizes() {
    for (name, a) in scenes() {
        for (w, h) in [(80, 24), (120, 40), (200, 60), (60, 15)] {
            let screen = text_of(&a, w, h);
            insta::assert_snapshot!(format!("scene_{name}_{w}x{h}"), screen);
        }
    }
}

/// What each scene must say, at every size the README shows.
#[test]
fn each_scene_tells_its_story() {
    let says: [(&str, &[&str]); 6] = [
        ("today", &["anniversary", "No reading inside the window"]),
        ("hour_before", &["out within the hour"]),
        ("release_moment", &["OUT NOW", "go stream!"]),
        ("window_open", &["next goal", "pace 300k/h over 3h"]),
        (
            "result",
            &["result: 2 of 4 goals reached", "missed", "reached"],
        ),
        ("config_error", &["fan.toml:5:8"]),
    ];
    for ((name, a), (scene, words)) in scenes().into_iter().zip(says) {
        assert_eq!(name, scene);
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let screen = text_of(&a, w, h);
            for word in words {
                assert!(
                    screen.contains(word),
                    "{name} at {w}x{h}: {word:?}\n{screen}"
                );
            }
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
            .any(|l| l.contains("Global top 10") && l.contains('━')),
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
    let track = cells_with(&buf, "─");
    assert!(!track.is_empty() && track.iter().all(|c| c.fg == Color::DarkGray));
    // No data is neutral: an open window without readings raises no colour.
    // (With no count at all, the panel says what to do instead of judging.)
    let buf = render(&app("2022-04-24T18:00:00Z"), 120, 40);
    assert!(!cells_with(&buf, "No count yet").is_empty());
    let none = cells_with(&buf, "no data");
    assert!(none.iter().all(|c| c.fg == Color::DarkGray));
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

/// The replay: a reading every 30 minutes from With You's release, rising evenly to
/// 2.9M at 19:00 UTC; seen at `now`.
fn replay(now: &str) -> App {
    replay_and(now, &[])
}

/// The replay with `more` readings (time, count) of With You on Spotify.
fn replay_and(now: &str, more: &[(&str, u64)]) -> App {
    let start = utc("2022-04-24T14:00:00Z");
    let reading = with_you;
    let mut a = app(now);
    a.readings = (0..=10u64)
        .map(|i| {
            reading(
                start + chrono::TimeDelta::minutes(30 * i as i64),
                290_000 * i,
            )
        })
        .chain(more.iter().map(|(t, c)| reading(utc(t), *c)))
        .collect();
    a
}

/// Whether `text` shows on `screen` cut short without "…": a prefix of it (4 characters or
/// more) that runs into a border or the edge of the screen.
fn cut_unmarked(screen: &str, text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for line in screen.lines() {
        for k in (4.min(chars.len())..chars.len()).rev() {
            let prefix: String = chars[..k].iter().collect();
            for (at, _) in line.match_indices(&prefix) {
                // Only where a word starts: "load" inside "reload" is not "loaded" cut.
                let before = line[..at].chars().next_back();
                if before.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let after = line[at + prefix.len()..].chars().next();
                if matches!(after, None | Some('│' | '┐' | '┘' | '┤')) {
                    return Some(format!("{text:?} cut to {prefix:?} in {line:?}"));
                }
            }
        }
    }
    None
}

/// The texts every scene must show whole or with "…": statuses, goal labels, key hints.
fn whole_texts(a: &App) -> Vec<String> {
    let mut texts: Vec<String> = [
        "on pace", "behind", "reached", "missed", "no data", "waiting",
    ]
    .map(String::from)
    .to_vec();
    for s in &a.config.streams {
        texts.extend(s.goals.iter().map(|g| g.label.clone()));
    }
    texts.extend(["? help", "q quit", "loaded"].map(String::from));
    texts.push(a.config.title.clone());
    texts
}

#[test]
fn a_rate_of_five_characters_keeps_the_status_whole() {
    // 1.1M still needed for the 24-hour goal by 14:00 the next day: 57.9k/h, 7 columns.
    for w in [80, 120, 200] {
        let screen = text_of(&replay("2022-04-24T19:00:00Z"), w, 40);
        assert!(screen.contains("57.9k/h on pace"), "{screen}");
        assert_eq!(cut_unmarked(&screen, "on pace"), None, "{screen}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 80, ..ProptestConfig::default() })]

    /// At any width from 20 to 300, no status, goal label, key hint or title is cut without
    /// "…", in any of the scenes.
    #[test]
    fn no_text_is_cut_without_an_ellipsis(w in 20u16..=300, h in 12u16..=70, pick in 0usize..5) {
        let mut all = scenes();
        all.push(("replay", replay("2022-04-24T19:00:00Z")));
        let (_, a) = &all[pick % all.len()];
        let screen = text_of(a, w, h);
        for text in whole_texts(a) {
            prop_assert_eq!(cut_unmarked(&screen, &text), None, "{}", screen);
        }
    }
}

/// At 19:00:02 of the replay the top 10 is reached and the top 5 is next: its line and label
/// are on the chart even where the two goals fall on neighbouring rows.
#[test]
fn the_chart_always_labels_the_next_goal() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = text_of(&replay("2022-04-24T19:00:02Z"), w, h);
        let chart: Vec<&str> = screen.lines().filter(|l| l.contains('┤')).collect();
        assert!(
            chart.iter().any(|l| l.contains("Global top 5")),
            "{w}x{h}:\n{screen}"
        );
    }
}

/// Today with the embedded default: no readings, so the streams panel says once what to do and
/// what the goals are, instead of 0% gauges, "no data" and "final 0".
#[test]
fn with_nothing_live_the_streams_panel_says_what_to_do() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = text_of(&app("2026-12-07T00:30:00Z"), w, h);
        assert!(!screen.contains("no data"), "{w}x{h}:\n{screen}");
        assert!(!screen.contains("final 0"), "{w}x{h}:\n{screen}");
        assert!(!screen.contains(" 0%"), "{w}x{h}:\n{screen}");
        assert!(
            screen.contains("No reading inside the window"),
            "{w}x{h}:\n{screen}"
        );
        assert!(screen.contains("Global top 10"), "{w}x{h}:\n{screen}");
    }
}

/// With room under the goals of a closed window without readings, the panel says when the
/// window opened and closed (the event's zone and the viewer's) and what each goal takes an
/// hour over its window, as bars in proportion, instead of 30 blank rows.
#[test]
fn an_empty_closed_window_says_what_each_goal_took() {
    let screen = text_of(&app("2026-12-07T12:00:00Z"), 200, 60);
    for text in [
        "opened Sun 24 Apr 2022 23:00 KST · yours Sun 24 Apr 16:00 CEST",
        "closed Mon 25 Apr 2022 09:00 KST",
        "270k/h over 10h",
        "208k/h over 24h",
    ] {
        assert!(screen.contains(text), "{text}:\n{screen}");
    }
    // At 80x24 there is no room: the goals keep their rows and nothing is half drawn.
    let small = text_of(&app("2026-12-07T12:00:00Z"), 80, 24);
    assert!(!small.contains("The window"), "{small}");
}

/// A closed window's time of day gives way before its date is cut: at 80x24 the count line
/// reads "closed 25 Apr 2022", not "closed 25 Apr 2022 02…".
#[test]
fn a_narrow_count_line_drops_the_closing_time_not_half_of_it() {
    let screen = text_of(&app("2026-12-07T00:30:00Z"), 80, 24);
    let line = screen
        .lines()
        .find(|l| l.contains("no streams counted yet"))
        .unwrap_or("");
    assert!(line.contains("closed 25 Apr 2022 │"), "{screen}");
    assert!(!line.contains('…'), "{screen}");
    // After the window: the year goes too, so the final figure stays whole.
    let mut result = story("2022-04-25T15:00:00Z");
    result.selected = Some("with-you".into());
    let result = text_of(&result, 80, 24);
    assert!(result.contains("closed 25 Apr, final 2.95M"), "{result}");
}

/// The Events panel uses its height at 200x60: every event's time in its own zone and the
/// viewer's, how long since, its next anniversaries; the timeline takes the rows left with a
/// lane per event, so no more than a few rows of the panel stay blank.
#[test]
fn a_tall_events_panel_shows_each_events_details_and_lanes() {
    let screen = text_of(&app("2026-12-07T12:00:00Z"), 200, 60);
    for text in [
        "Sun 24 Apr 2022 23:00 KST · yours Sun 24 Apr 16:00 CEST",
        "out 4y 7m 12d ago",
        "next: 5th 24 Apr 2027 (in 4mo 17d) · 6th 24 Apr 2028 · 7th 24 Apr 2029",
        "With You · 24 Apr 2027 ○",
        "Proof · 10 Jun 2027 ○",
    ] {
        assert!(screen.contains(text), "{text}:\n{screen}");
    }
    // The events panel's blank rows: inside its border, up to the streams panel beside it.
    let top = screen
        .lines()
        .find(|l| l.contains("┌ Events"))
        .unwrap_or("");
    let right = top.chars().position(|c| c == '┐').unwrap_or(1);
    let blank = screen
        .lines()
        .skip_while(|l| !l.contains("┌ Events"))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .filter(|l| l.chars().skip(1).take(right - 1).all(|c| c == ' '))
        .count();
    assert!(blank <= 6, "{blank} blank rows:\n{screen}");
    // In the live hour, since when it is out.
    let live = text_of(&app("2022-04-24T14:20:00Z"), 200, 60);
    assert!(live.contains("OUT NOW · out 20m ago"), "{live}");
    // Before a release there is no anniversary to list yet.
    let before = text_of(&app("2022-04-24T13:00:00Z"), 200, 60);
    assert!(
        before.contains("Details") && !before.contains("next: 1st"),
        "{before}"
    );
}

/// After the window of the replay: the result, each goal reached or missed, and when the top
/// 10 was reached; polled counts years later change none of it.
#[test]
fn after_the_window_the_result_shows() {
    let a = replay_and(
        "2026-12-07T00:30:00Z",
        &[
            ("2026-12-07T00:00:00Z", 1_560_000_000),
            ("2026-12-07T00:00:02Z", 1_560_003_000),
        ],
    );
    let screen = text_of(&a, 120, 40);
    assert!(screen.contains("final 2.9M"), "{screen}");
    assert!(screen.contains("result: 1 of 4 goals reached"), "{screen}");
    assert!(screen.contains("24 Apr 21:00 reached"), "{screen}");
    assert!(screen.contains("missed"), "{screen}");
    assert!(!screen.contains("B/h"), "{screen}");
}

/// The help overlay dims what is behind it, keeps a blank margin beside its border, and says
/// what each status and each colour means, each word in its colour.
#[test]
fn help_dims_the_background_and_explains_statuses_and_colours() {
    let mut a = with_readings(app("2022-04-24T18:00:00Z"));
    a.mode = Mode::Help;
    let buf = render(&a, 120, 40);
    let screen = dropwatch::ui::text::buffer_text(&buf);
    for word in [
        "reached", "on pace", "behind", "missed", "waiting", "no data",
    ] {
        assert!(screen.contains(word), "{word}:\n{screen}");
    }
    assert!(
        screen.contains("the pace falls short by the deadline"),
        "{screen}"
    );
    assert!(
        screen.contains("magenta") && screen.contains("look here"),
        "{screen}"
    );
    // The first row, the header behind the box, is dimmed and grey.
    // (Up to the title's 💜: the cell after a wide character is never drawn.)
    let header = (0..20).map(|x| &buf[(x, 0)]);
    assert!(
        header
            .clone()
            .all(|c| c.modifier.contains(Modifier::DIM) && c.fg == Color::DarkGray)
    );
    // Beside the box's left border, a blank column.
    let y = (0..40).find(|&y| buf[(23, y)].symbol() == "│" || buf[(23, y)].symbol() == "┌");
    if let Some(y) = y {
        assert_eq!(buf[(22, y)].symbol(), " ");
    }
    let behind = cells_with(&buf, "behind");
    assert!(behind.iter().any(|c| c.fg == Color::Yellow));
}

/// A long config path gives way before "? help" does, and a bar keeps keys and path apart.
#[test]
fn a_long_config_path_never_hides_the_help_hint() {
    let mut a = app("2022-04-24T12:57:49Z");
    a.config.source = dropwatch::config::Source::File(
        "/home/a-fan-with-a-long-name/.config/dropwatch/profiles/army/dropwatch.toml".into(),
    );
    for (w, h) in [(60, 15), (80, 24), (120, 40), (200, 60)] {
        let screen = text_of(&a, w, h);
        let footer = screen.lines().last().unwrap_or_default();
        assert!(footer.contains("? help"), "{w}x{h}: {footer:?}");
        assert!(footer.contains("│ "), "{w}x{h}: {footer:?}");
        assert!(footer.contains("dropwatch.toml"), "{w}x{h}: {footer:?}");
        assert!(!footer.contains("reload config"), "{w}x{h}: {footer:?}");
    }
}

/// The streams/hour bars are drawn in the palette's blue, not white, on an axis that starts
/// near their lowest value, with a key.
#[test]
fn rate_bars_have_a_colour_a_key_and_a_near_axis() {
    let buf = render(&replay("2022-04-24T19:00:00Z"), 120, 40);
    let screen = dropwatch::ui::text::buffer_text(&buf);
    assert!(
        screen.contains("▆ streams/hour between readings · low 580k/h · peak 580k/h"),
        "{screen}"
    );
    assert!(screen.contains("550k│"), "{screen}");
    let caption = screen
        .lines()
        .position(|l| l.contains("between readings"))
        .unwrap_or(0) as u16;
    let bars: Vec<_> = (caption..40)
        .flat_map(|y| (0..120).map(move |x| (x, y)))
        .map(|p| &buf[p])
        .filter(|c| c.symbol() == "█")
        .collect();
    assert!(!bars.is_empty(), "{screen}");
    assert!(bars.iter().all(|c| c.fg == Color::Blue));
}

/// A projection far above the goals (2M in the first ten minutes) is clipped at the chart's
/// top with an arrow; the axis still tops out near the highest goal.
#[test]
fn an_outlier_projection_is_clipped_with_an_arrow() {
    let mut a = app("2022-04-24T14:10:00Z");
    let r = |t: &str, count| Reading {
        time: utc(t),
        event: "with-you".into(),
        platform: "Spotify".into(),
        count,
        source: dropwatch::readings::Origin::Log,
    };
    a.readings = [
        r("2022-04-24T14:00:00Z", 0),
        r("2022-04-24T14:10:00Z", 2_000_000),
    ]
    .into_iter()
    .collect();
    let screen = text_of(&a, 120, 40);
    // 12M/h for the 9h 50m left: 2M + 118M = 120M.
    assert!(screen.contains("↑ 120M"), "{screen}");
    assert!(screen.contains("5M┤"), "{screen}");
    assert!(!screen.contains("120M┤"), "{screen}");
}

/// Every colour of the palette has its line in the help, blue among them.
#[test]
fn help_names_every_colour() {
    let mut a = app("2022-04-24T18:00:00Z");
    a.mode = Mode::Help;
    let screen = text_of(&a, 120, 40);
    for colour in ["magenta", "green", "yellow", "red", "cyan", "blue", "grey"] {
        assert!(screen.contains(colour), "{colour}:\n{screen}");
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

/// At 80x24 and 60x15 the help does not fit: it says so with "↓ more", and ↓ / PgDn / End
/// reach every key, status and colour, each line whole (wrapped at 60 columns, not cut); at
/// 200x60 it all shows at once without the hint.
#[test]
fn the_whole_help_is_reachable_by_scrolling() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let press = |a: &mut App, code: KeyCode| a.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    for (w, h) in [(80, 24), (60, 15)] {
        let mut a = app("2026-12-07T12:00:00Z");
        press(&mut a, KeyCode::Char('?'));
        let first = text_of(&a, w, h);
        assert!(first.contains("↓ more"), "{first}");
        assert!(!first.contains("grey"), "{first}");
        let mut seen = first.clone();
        for _ in 0..40 {
            press(&mut a, KeyCode::Down);
            seen.push_str(&text_of(&a, w, h));
        }
        assert_eq!(a.mode, Mode::Help, "the scroll keys keep the help open");
        for binding in dropwatch::app::keys::KEYS {
            assert!(seen.contains(binding.keys), "{} at {w}x{h}", binding.keys);
        }
        for word in ["no data", "grey", "reloads on save"] {
            assert!(seen.contains(word), "{word} at {w}x{h}");
        }
        // The overlay fills these screens; what does not fit a line wraps, nothing is cut.
        assert!(!seen.contains('…'), "{w}x{h}:\n{seen}");
        press(&mut a, KeyCode::End);
        let end = text_of(&a, w, h);
        assert!(end.contains("· end"), "{end}");
        press(&mut a, KeyCode::Home);
        assert_eq!(text_of(&a, w, h), first);
        if (w, h) == (80, 24) {
            insta::assert_snapshot!("help_80x24_top", first);
            insta::assert_snapshot!("help_80x24_end", end);
        } else {
            insta::assert_snapshot!("help_60x15_top", first);
        }
        press(&mut a, KeyCode::Char('x'));
        assert_eq!(a.mode, Mode::Normal, "any other key closes it");
    }
    let mut a = app("2026-12-07T12:00:00Z");
    press(&mut a, KeyCode::Char('?'));
    let tall = text_of(&a, 200, 60);
    assert!(!tall.contains("↓ more") && tall.contains("grey"), "{tall}");
}

#[test]
fn readings_before_the_window_leave_its_goals_without_data() {
    // Counts from before the release say nothing of the window: its goals have no data, and
    // the line ends on the status without a dangling separator.
    let mut a = app("2022-04-24T14:10:00Z");
    a.readings = [
        with_you(utc("2022-04-24T13:00:00Z"), 10_000),
        with_you(utc("2022-04-24T13:40:00Z"), 20_000),
    ]
    .into_iter()
    .collect();
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = text_of(&a, w, h);
        assert!(screen.contains("projection 168k · no data"), "{screen}");
        assert!(
            !screen.contains("·  ") && !screen.contains("· │"),
            "{screen}"
        );
    }
}
