//! Criterion benchmarks for the performance budget (README, "Performance"): one frame of the default config at
//! 120x40, one second brought up to date by the parts that show seconds beside a full render,
//! config load, the stream math, a config with 1,000 events and 200 streams, and a year
//! of readings (1,000,000 lines) loaded and framed.

use std::hint::black_box;

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use dropwatch::app::App;
use dropwatch::config::{self, Config, Source};
use dropwatch::readings::{self, Reading, Readings};
use dropwatch::streams;
use dropwatch::terminal::screen::Screen;
use dropwatch::testing::{app_with, default_config, utc};
use dropwatch::view::View;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// One frame as the loop makes it: the view, then every widget.
fn frame_of(app: &App, area: Rect, buf: &mut Buffer) {
    buf.reset();
    let view = View::derive(app);
    dropwatch::ui::draw(app, &view, area, buf);
}

/// A config with `events` events and `streams` streams of four goals each.
fn big_config(events: usize, streams: usize) -> String {
    let mut text = String::from("title = \"big\"\nzones = [\"UTC\", \"Asia/Kolkata\"]\n");
    for i in 0..events {
        text.push_str(&format!(
            "[[event]]\nid = \"e{i}\"\nname = \"Event {i} 지민\"\nby = \"Artist\"\nat = \"2022-{:02}-{:02} 12:00\"\nzone = \"Asia/Seoul\"\n",
            i % 12 + 1,
            i % 28 + 1
        ));
    }
    for i in 0..streams {
        text.push_str(&format!(
            "[[streams]]\nevent = \"e{i}\"\nplatform = \"Spotify\"\ncount = 100\nwindow_end = \"2023-01-01 00:00\"\n"
        ));
        for g in 1..=4 {
            text.push_str(&format!(
                "[[streams.goal]]\nlabel = \"goal {g}\"\nstreams = {g}_000_000\n"
            ));
        }
    }
    text
}

fn readings(n: usize) -> Readings {
    let start = utc("2022-04-24T14:00:00Z");
    (0..n)
        .map(|i| Reading {
            time: start + TimeDelta::minutes(10 * i as i64),
            event: "with-you".into(),
            platform: "Spotify".into(),
            count: 50_000 * i as u64,
            source: dropwatch::readings::Origin::Log,
        })
        .collect()
}

/// Streams in the year-of-readings config: 10 events on 3 platforms.
const YEAR_STREAMS: usize = 30;
const PLATFORMS: [&str; 3] = ["Spotify", "YouTube", "Apple Music"];

/// A config of 10 events released in the first days of 2023, each on 3 platforms with four
/// goals, tracked to the end of the year (what `scripts/measure --readings` writes too).
fn year_config() -> String {
    let mut text = String::from("title = \"a year of readings\"\nzones = [\"UTC\"]\n");
    for e in 0..10 {
        text.push_str(&format!(
            "[[event]]\nid = \"e{e}\"\nname = \"Event {e}\"\nby = \"Artist\"\nat = \"2023-01-{:02} 00:00\"\nzone = \"UTC\"\n",
            e + 1
        ));
    }
    for s in 0..YEAR_STREAMS {
        text.push_str(&format!(
            "[[streams]]\nevent = \"e{}\"\nplatform = \"{}\"\nwindow_end = \"2024-01-01 00:00\"\nwindow_zone = \"UTC\"\n",
            s % 10,
            PLATFORMS[s / 10]
        ));
        for g in 1..=4 {
            text.push_str(&format!(
                "[[streams.goal]]\nlabel = \"goal {g}\"\nstreams = {g}00_000_000\n"
            ));
        }
    }
    text
}

/// `n` lines of a readings file: the 30 streams of `year_config` polled every 15 minutes from
/// 2023-01-01, interleaved as a poller writes them; and the time of the last line.
fn year_of_readings(n: usize) -> (String, DateTime<Utc>) {
    let start = utc("2023-01-01T00:00:00Z");
    let mut text = String::with_capacity(n * 56);
    let mut last = start;
    for i in 0..n {
        let (step, s) = (i / YEAR_STREAMS, i % YEAR_STREAMS);
        last = start + TimeDelta::minutes(15 * step as i64);
        text.push_str(
            &Reading {
                time: last,
                event: format!("e{}", s % 10),
                platform: PLATFORMS[s / 10].into(),
                count: step as u64 * 1000 + s as u64,
                source: dropwatch::readings::Origin::Url,
            }
            .line(),
        );
    }
    (text, last)
}

fn frame(c: &mut Criterion) {
    let area = Rect::new(0, 0, 120, 40);
    let app = app_with(default_config(), readings(60), "2022-04-24T20:00:00Z");
    let mut buf = Buffer::empty(area);
    c.bench_function("frame 120x40, default config, streams window open", |b| {
        b.iter(|| frame_of(black_box(&app), area, &mut buf))
    });
    let mut today = app.clone();
    today.tick(utc("2026-11-25T19:26:00Z"));
    c.bench_function("frame 120x40, default config, anniversaries", |b| {
        b.iter(|| frame_of(black_box(&today), area, &mut buf))
    });

    let big = big_config(1000, 200);
    let many = App::new(
        config::parse(&big, Source::Embedded).unwrap(),
        Readings::default(),
        utc("2022-06-01T00:00:00Z"),
        chrono_tz::UTC,
    );
    c.bench_function("frame 120x40, 1,000 events / 200 streams", |b| {
        b.iter(|| frame_of(black_box(&many), area, &mut buf))
    });
}

fn load(c: &mut Criterion) {
    c.bench_function("config load, default", |b| {
        b.iter(|| config::parse(black_box(config::DEFAULT_TOML), Source::Embedded).unwrap())
    });
    let big = big_config(1000, 200);
    c.bench_function("config load, 1,000 events / 200 streams", |b| {
        b.iter(|| config::parse(black_box(&big), Source::Embedded).unwrap())
    });
}

fn math(c: &mut Criterion) {
    let config: Config = default_config();
    let stream = &config.streams[0];
    let r = readings(144);
    let now = utc("2022-04-24T20:00:00Z");
    c.bench_function("stream math, 4 goals, 144 readings", |b| {
        b.iter(|| {
            streams::view(
                black_box(stream),
                black_box(r.of("with-you", "Spotify")),
                now,
            )
        })
    });
}

/// A year of 30 streams polled every 15 minutes: loading it, and a frame over it.
fn million(c: &mut Criterion) {
    let (text, last) = year_of_readings(1_000_000);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("year.readings.csv");
    std::fs::write(&path, &text).expect("writing the readings");
    drop(text);
    let mut group = c.benchmark_group("million");
    group.sample_size(10);
    group.bench_function("load 1,000,000 readings", |b| {
        b.iter(|| readings::read(black_box(&path)).expect("reading the readings"))
    });
    group.finish();

    let loaded = readings::read(&path).expect("reading the readings");
    assert_eq!(loaded.len(), 1_000_000);
    let config = config::parse(&year_config(), Source::Embedded).expect("the year config");
    let empty = App::new(config.clone(), Readings::default(), last, chrono_tz::UTC);
    let app = App::new(config, loaded, last, chrono_tz::UTC);
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    c.bench_function("frame 120x40, the same 30 streams without readings", |b| {
        b.iter(|| frame_of(black_box(&empty), area, &mut buf))
    });
    c.bench_function("frame 120x40 with 1,000,000 readings", |b| {
        b.iter(|| frame_of(black_box(&app), area, &mut buf))
    });
    c.bench_function("--json view of 30 streams with 1,000,000 readings", |b| {
        b.iter(|| View::derive_everything(black_box(&app)))
    });
}

/// Bringing a screen of 120x40 up to date when a second passed, as the loop does: the parts
/// that show seconds drawn into the kept frame and only their changed cells written, beside a
/// full render, diff and write of the same two seconds. Two views a second apart take turns,
/// so every call has a second to show.
fn second(c: &mut Criterion) {
    let area = Rect::new(0, 0, 120, 40);
    let scenes = [
        ("default today", "2026-11-26T12:00:10Z"),
        ("big digits, the hour before", "2022-04-24T13:00:10Z"),
    ];
    for (scene, at) in scenes {
        let mut app = dropwatch::testing::app(at);
        let first = View::derive(&app);
        app.tick(utc(at) + TimeDelta::seconds(1));
        let mut second = first.clone();
        assert!(second.advance(&app), "one second later, only seconds moved");
        let views = [first, second];
        let mut backend = CrosstermBackend::new(std::io::sink());
        let mut screen = Screen::default();
        screen.forget(area);
        screen.draw(&mut backend, &app, &views[0]).expect("a frame");
        let mut turn = 0;
        c.bench_function(&format!("second 120x40, {scene}: the parts"), |b| {
            b.iter(|| {
                turn ^= 1;
                screen
                    .second(&mut backend, &app, black_box(&views[turn]))
                    .expect("a second")
            })
        });
        c.bench_function(&format!("second 120x40, {scene}: a full render"), |b| {
            b.iter(|| {
                turn ^= 1;
                screen
                    .draw(&mut backend, &app, black_box(&views[turn]))
                    .expect("a frame")
            })
        });
    }
}

criterion_group!(benches, frame, second, load, math, million);
criterion_main!(benches);
