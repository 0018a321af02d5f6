//! Criterion benchmarks for the performance budget (README, "Performance"): one frame of the default config at
//! 120x40, config load, the stream math, and a config with 1,000 events and 200 streams.

use std::hint::black_box;

use chrono::TimeDelta;
use criterion::{Criterion, criterion_group, criterion_main};
use dropwatch::app::App;
use dropwatch::config::{self, Config, Source};
use dropwatch::readings::{Reading, Readings};
use dropwatch::streams;
use dropwatch::testing::{app_with, default_config, utc};
use dropwatch::view::View;
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
    Readings {
        items: (0..n)
            .map(|i| Reading {
                time: start + TimeDelta::minutes(10 * i as i64),
                event: "with-you".into(),
                platform: "Spotify".into(),
                count: 50_000 * i as u64,
                source: dropwatch::readings::Origin::Log,
            })
            .collect(),
        warnings: Vec::new(),
    }
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
        b.iter(|| streams::view(black_box(stream), black_box(&r.items), now))
    });
}

criterion_group!(benches, frame, load, math);
criterion_main!(benches);
