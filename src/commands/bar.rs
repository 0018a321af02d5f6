//! `dropwatch bar`: the status-line front-end over the runtime. It derives the same view as
//! the dashboard, fills the template, and writes a line only when the text changes; a closed
//! pipe ends it quietly.

use std::io::{self, Write};
use std::time::Duration;

use chrono::Timelike;

use super::headless::Reporter;
use super::setup::{clock, source};
use crate::app::App;
use crate::cli::settings::Settings;
use crate::failure::Failure;
use crate::runtime::{Runtime, load};
use crate::values::clock::Clock;
use crate::view::View;
use crate::view::bar::{Format, Template, facts, line};

/// Runs the bar until its reader goes away or a signal arrives; with `once`, one line.
pub(crate) fn run(
    settings: &Settings,
    format: Format,
    template: &str,
    once: bool,
) -> Result<(), Failure> {
    let template = Template::parse(template).map_err(|e| Failure::Usage(e.to_string()))?;
    let (config, readings) = load::both(&source(settings)?)?;
    let clock = clock(settings, once);
    let mut app = App::new(config, readings, clock.now(), settings.local_zone);
    app.set_lang_choice(settings.lang.clone());
    let mut out = Lines::new(format, io::stdout().lock());
    let written = out.start().and_then(|()| {
        if once {
            return out.write(&line(format, &template, &facts(&app, &View::derive(&app))));
        }
        live(&mut app, clock, &template, &mut out, settings.hooks)
    });
    match written {
        // A closed pipe is the reader's way to say it has had enough.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Runtime(e.into())),
        Ok(()) => Ok(()),
    }
}

/// The lines written so far, in the format's framing.
struct Lines<W: Write> {
    format: Format,
    out: W,
    last: String,
    first: bool,
}

impl<W: Write> Lines<W> {
    fn new(format: Format, out: W) -> Self {
        Lines {
            format,
            out,
            last: String::new(),
            first: true,
        }
    }

    /// The i3bar protocol's header; nothing for the other formats.
    fn start(&mut self) -> io::Result<()> {
        if self.format == Format::I3bar {
            writeln!(self.out, "{{\"version\":1}}\n[")?;
            self.out.flush()?;
        }
        Ok(())
    }

    /// Writes `text` when it differs from the last line.
    fn write(&mut self, text: &str) -> io::Result<()> {
        if text == self.last {
            return Ok(());
        }
        let sep = if self.format == Format::I3bar && !self.first {
            ","
        } else {
            ""
        };
        writeln!(self.out, "{sep}{text}")?;
        self.out.flush()?;
        self.first = false;
        text.clone_into(&mut self.last);
        Ok(())
    }
}

/// The bar's loop on the runtime: a line each time the text changes, until a signal.
fn live<W: Write>(
    app: &mut App,
    clock: Clock,
    template: &Template,
    out: &mut Lines<W>,
    hooks: bool,
) -> io::Result<()> {
    let mut runtime = Runtime::start(app, clock, "bar", hooks).map_err(io::Error::other)?;
    let mut reporter = Reporter::new("bar");
    loop {
        app.tick(runtime.now());
        let outcomes = runtime.effects(app);
        reporter.report(app, &outcomes);
        if app.quit {
            return Ok(());
        }
        out.write(&line(out.format, template, &facts(app, &View::derive(app))))?;
        let wait = wait(runtime.clock(), app, template);
        let wait = runtime.due_in().map_or(wait, |due| due.min(wait));
        let mut next = runtime.next_event(wait);
        while let Some(ev) = next {
            reporter.update(app, ev);
            next = runtime.queued();
        }
    }
}

/// Until the next line may change: the next second, or the next minute when nothing the
/// template shows ticks by the second on the live clock.
fn wait(clock: &Clock, app: &App, template: &Template) -> Duration {
    let wait = clock.until_next_second(Duration::from_millis(50));
    if template.shows_seconds() || !matches!(clock, Clock::System) {
        wait
    } else {
        wait + Duration::from_secs(u64::from(59 - app.now.second().min(59)))
    }
}
