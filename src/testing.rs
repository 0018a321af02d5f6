//! Fixtures shared by the unit tests, the integration tests and the benchmarks, so each thing
//! tests do often is written once: an instant, the default app, a rendered frame.
//! Test support only: it panics on bad input, which only a test can give it.

use chrono::{DateTime, TimeDelta, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::App;
use crate::config::Config;
use crate::lang::{Choice, Lang};
use crate::readings::{Origin, Reading, Readings};
use crate::ui::Dashboard;
use crate::view::View;

/// An instant from RFC 3339 text, e.g. `utc("2022-04-24T13:00:00Z")`.
pub fn utc(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap_or_else(|e| panic!("bad instant {rfc3339:?} in a test: {e}"))
        .with_timezone(&Utc)
}

/// A reading a URL source brought for `event` on `platform` at `time` (RFC 3339).
#[cfg(test)]
pub(crate) fn url_reading(
    time: &str,
    event: &str,
    platform: &str,
    count: u64,
) -> crate::readings::Reading {
    crate::readings::Reading {
        time: utc(time),
        event: event.into(),
        platform: platform.into(),
        count,
        source: crate::readings::Origin::Url,
    }
}

/// A reading of With You on Spotify, as `dropwatch log` records it, at `time` (RFC 3339).
#[cfg(test)]
pub(crate) fn spotify(time: &str, count: u64) -> crate::readings::Reading {
    crate::readings::Reading {
        time: utc(time),
        event: "with-you".into(),
        platform: "Spotify".into(),
        count,
        source: crate::readings::Origin::Log,
    }
}

/// The embedded default config.
pub fn default_config() -> Config {
    Config::embedded().unwrap_or_else(|e| panic!("the embedded default must validate: {e}"))
}

/// The embedded default at `now` (RFC 3339), seen from Berlin, no readings.
pub fn app(now: &str) -> App {
    app_with(default_config(), Readings::default(), now)
}

/// `config` with `readings` at `now` (RFC 3339), seen from Berlin.
pub fn app_with(config: Config, readings: Readings, now: &str) -> App {
    App::new(config, readings, utc(now), chrono_tz::Europe::Berlin)
}

/// `app` speaking `lang`, chosen as `--lang` would choose it.
pub fn in_lang(mut app: App, lang: Lang) -> App {
    app.set_lang_choice(Choice {
        flag: Some(lang.code().to_string()),
        env: Vec::new(),
    });
    app
}

/// The README's story: With You's first `n` counts, one every 30 minutes from its release
/// (2022-04-24 14:00 UTC), 150,000 more each time.
pub fn half_hourly(n: i64) -> Readings {
    let start = utc("2022-04-24T14:00:00Z");
    (1..=n)
        .map(|i| Reading {
            time: start + TimeDelta::minutes(30 * i),
            event: "with-you".into(),
            platform: "Spotify".into(),
            count: 150_000 * i as u64,
            source: Origin::Log,
        })
        .collect()
}

/// `app` drawn on a `width` x `height` test terminal, with its view derived as the loop does.
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let view = View::derive(app);
    let mut terminal = Terminal::new(TestBackend::new(width, height))
        .unwrap_or_else(|e| panic!("a test terminal: {e}"));
    terminal
        .draw(|f| f.render_widget(Dashboard { app, view: &view }, f.area()))
        .unwrap_or_else(|e| panic!("drawing on a test terminal: {e}"));
    terminal.backend().buffer().clone()
}

/// `app` drawn at `width` x `height`, as plain text.
pub fn text(app: &App, width: u16, height: u16) -> String {
    crate::ui::text::buffer_text(&render(app, width, height))
}

/// A terminal for a backend in tests: what was written, readable while the backend holds it.
#[derive(Clone, Default)]
pub struct Sink(pub std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Sink {
    /// A sink with room for `bytes` before it grows.
    pub fn with_capacity(bytes: usize) -> Sink {
        Sink(std::rc::Rc::new(std::cell::RefCell::new(
            Vec::with_capacity(bytes),
        )))
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
