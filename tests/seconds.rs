//! The per-second path gives the frame a full render gives. Between two full renders the loop
//! draws only the parts that show seconds into the frame it kept and writes the cells that
//! changed; here the screen is brought up to date second by second as the loop does, and what
//! it shows compared with a full render of that second: across a phase change, a release,
//! minutes, a day boundary and readings a replay reaches, at several sizes.

use chrono::TimeDelta;
use dropwatch::app::App;
use dropwatch::commands::dashboard::frame;
use dropwatch::config::{self, Source};
use dropwatch::readings::{Origin, Reading, Readings};
use dropwatch::terminal::screen::Screen;
use dropwatch::testing::{app_with, utc};
use dropwatch::ui::{self, text::buffer_text};
use dropwatch::view::View;
use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Sizes the dashboard is laid out differently at: big digits full and half height, inline
/// digits, a narrow list with dates on second lines, and the one-line screen.
const SIZES: [(u16, u16); 5] = [(120, 40), (80, 24), (60, 15), (44, 30), (20, 4)];

/// How `run` brought each second up to date.
#[derive(Debug, Default)]
struct Paths {
    /// Seconds drawn by the per-second path.
    seconds: usize,
    /// Seconds rendered in full.
    full: usize,
}

/// Moves `app` one second at a time for `seconds`, bringing the screen up to date as the loop
/// does (the parts that show seconds while the view says only they moved, else a full render),
/// and checks what the terminal then shows against a full render of that second.
fn run(app: &mut App, seconds: i64, width: u16, height: u16) -> Paths {
    let area = Rect::new(0, 0, width, height);
    let mut backend = CrosstermBackend::new(std::io::sink());
    let mut screen = Screen::default();
    screen.forget(area);
    let mut view = None;
    frame(&mut backend, &mut screen, app, &mut view, true).expect("first frame");
    let mut paths = Paths::default();
    let start = app.now;
    for s in 1..=seconds {
        app.tick(start + TimeDelta::seconds(s));
        let changed = !app.effects.is_empty();
        app.effects.clear();
        let steady = frame(&mut backend, &mut screen, app, &mut view, changed).expect("a second");
        if steady {
            paths.seconds += 1;
        } else {
            paths.full += 1;
        }
        let mut full = Buffer::empty(area);
        ui::draw(app, &View::derive(app), area, &mut full);
        let kept = screen.shown();
        if kept != &full {
            let at = kept
                .content()
                .iter()
                .zip(full.content())
                .position(|(a, b)| a != b)
                .map(|i| kept.pos_of(i));
            panic!(
                "at {} ({width}x{height}), first differing cell {at:?}\n\
                 per-second path:\n{}\nfull render:\n{}",
                app.now,
                buffer_text(kept),
                buffer_text(&full)
            );
        }
    }
    paths
}

/// A night in Berlin: a drop at 23:59:30 (on the half minute) live for 90 seconds, one a few
/// days later in Seoul, one months off (counted in months and days) at 12:00:45 Paris time,
/// one released years ago at 00:00:15 New York time, and a stream of the drop with readings
/// at odd seconds, some later than the replay's start.
fn night(readings: &[(&str, u64)], at: &str, live_for: &str) -> (config::Config, Readings) {
    let text = format!(
        r#"
title = "a night of seconds"
zones = ["UTC", "Asia/Kolkata"]

[[event]]
id = "drop"
name = "Drop"
by = "Somebody"
at = "{at}"
zone = "Europe/Berlin"
live_for = "{live_for}"

[[event]]
id = "later"
name = "Later"
at = "2030-03-12 08:00"
zone = "Asia/Seoul"

[[event]]
id = "far"
name = "Far off"
at = "2030-09-01 12:00:45"
zone = "Europe/Paris"

[[event]]
id = "old"
name = "Old one"
at = "2021-03-10 00:00:15"
zone = "America/New_York"

[[streams]]
event = "drop"
platform = "Spotify"
window_end = "2030-03-10 01:00"
window_zone = "Europe/Berlin"

[[streams.goal]]
label = "top 10"
streams = 2_000_000

[[streams.goal]]
label = "a day"
streams = 4_000_000
within = "24h"
"#
    );
    let config = config::parse(&text, Source::Embedded).expect("the night's config");
    let mut all = Readings::default();
    for &(time, count) in readings {
        all.add(Reading {
            time: utc(time),
            event: "drop".into(),
            platform: "Spotify".into(),
            count,
            source: Origin::Url,
        });
    }
    (config, all)
}

/// From 22:58 to 00:03 Berlin time, every second at every size: the drop turns imminent at
/// 22:59:30, is released at 23:59:30 (its window opens), the day turns at midnight, it stops
/// being live at 00:01:00, and readings recorded at odd seconds appear as the replay reaches
/// them.
#[test]
fn a_night_second_by_second_at_every_size() {
    let readings = [
        ("2030-03-09T21:30:07Z", 1_000),
        ("2030-03-09T22:31:41Z", 2_000),
        ("2030-03-09T22:59:53Z", 150_000),
        ("2030-03-09T23:01:13Z", 400_000),
    ];
    for (width, height) in SIZES {
        let (config, readings) = night(&readings, "2030-03-09 23:59:30", "90s");
        let mut app = app_with(config, readings, "2030-03-09T21:58:00Z");
        let paths = run(&mut app, 65 * 60, width, height);
        if (width, height) == (20, 4) {
            // Too small for panels: every second is a full render.
            assert_eq!(paths.seconds, 0, "{paths:?}");
        } else {
            // Before the window opens, all but about a dozen seconds a minute (those its
            // instants and readings fall on) take the per-second path; inside it, every
            // second is full.
            assert!(paths.seconds > 3_000, "{width}x{height}: {paths:?}");
            assert!(paths.full > 200, "{width}x{height}: {paths:?}");
        }
    }
}

/// The help overlay covers the parts: every second under it is a full render, and right.
#[test]
fn under_the_help_overlay_every_second_is_full() {
    let (config, readings) = night(&[], "2030-03-09 23:59:30", "1h");
    let mut app = app_with(config, readings, "2030-03-09T22:58:50Z");
    app.on_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('?'),
    ));
    let paths = run(&mut app, 20, 120, 40);
    assert_eq!(paths.seconds, 0, "{paths:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any second of the minute for the release, any live period, any start around it, any
    /// size, readings at any second, any event pinned: the per-second path and the full
    /// render agree.
    #[test]
    fn any_release_second_and_start(
        second in 0u32..60,
        live_secs in 1u32..4_000,
        start in -3_700i64..300,
        size in 0usize..SIZES.len(),
        reading_offsets in proptest::collection::vec(-4_000i64..400, 0..4),
        pinned in proptest::option::of(0usize..4),
    ) {
        let at = format!("2030-03-09 23:59:{second:02}");
        let release = utc(&format!("2030-03-09T22:59:{second:02}Z"));
        let times: Vec<String> = reading_offsets
            .iter()
            .map(|o| (release + TimeDelta::seconds(*o)).to_rfc3339())
            .collect();
        let readings: Vec<(&str, u64)> = times
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), 1_000 * (i as u64 + 1)))
            .collect();
        let (config, readings) = night(&readings, &at, &format!("{live_secs}s"));
        let from = (release + TimeDelta::seconds(start)).to_rfc3339();
        let mut app = app_with(config, readings, &from);
        // A pinned event leads the Next panel: the far one counts down in months and days,
        // the old one to its next anniversary.
        app.selected = pinned.map(|i| ["drop", "later", "far", "old"][i].to_string());
        let (width, height) = SIZES[size];
        run(&mut app, 150, width, height);
    }
}
