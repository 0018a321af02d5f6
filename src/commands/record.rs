//! `dropwatch record`: the front-end with no screen (a server, a tmux pane, a systemd unit).
//! The runtime polls the config's count sources and appends each count to the readings file,
//! runs the hooks of releases and reached goals, and reloads as the dashboard does; this says
//! a line per poll on stderr and stops cleanly on SIGTERM, SIGINT or SIGHUP.

use std::time::Duration;

use chrono::Utc;

use super::headless::Reporter;
use crate::app::App;
use crate::config::Source;
use crate::failure::Failure;
use crate::runtime::polling::Role;
use crate::runtime::{Outcome, Runtime, load};
use crate::values::clock::Clock;
use crate::values::numbers::thousands;

/// The longest sleep with nothing due.
const IDLE: Duration = Duration::from_secs(3600);

/// Polls until a signal; reloads the config when it changes. With `hooks`, runs them.
pub(crate) fn run(source: &Source, hooks: bool) -> Result<(), Failure> {
    let (config, readings) = load::both(source)?;
    if config.source.readings_path().is_none() {
        return Err(Failure::Usage(
            "record needs a config file to record beside; run `dropwatch init` first".into(),
        ));
    }
    // The app decides when a release or a goal calls for a hook, as on the dashboard.
    let mut app = App::new(config, readings, Utc::now(), chrono_tz::UTC);
    let mut runtime =
        Runtime::start(&mut app, Clock::System, "record", hooks).map_err(Failure::Runtime)?;
    if *runtime.role() == Role::Idle {
        let config = app.config.source.display();
        return Err(Failure::Usage(format!(
            "{config} has no [streams.source] to poll; add one (the README's \"Counts that come in by themselves\" shows how)"
        )));
    }
    let mut reporter = Reporter::new("record");
    loop {
        // The first turn says what the start-up found: who polls, who runs the hooks.
        app.tick(Utc::now());
        let outcomes = runtime.effects(&mut app);
        outcomes.iter().for_each(say);
        reporter.report(&mut app, &outcomes);
        if app.quit {
            eprintln!("record: stopped");
            return Ok(());
        }
        // Wake for the next release, to run its hook on time, and for the locks' next try.
        let wait = app
            .next_release()
            .map_or(IDLE, |at| (at - Utc::now()).to_std().unwrap_or_default())
            .min(runtime.due_in().unwrap_or(IDLE));
        let mut next = runtime.next_event(wait);
        while let Some(ev) = next {
            reporter.update(&mut app, ev);
            next = runtime.queued();
        }
    }
}

/// A line for a reading saved (the reporter says the rest).
fn say(outcome: &Outcome) {
    if let Outcome::Recorded(r, Ok(())) = outcome {
        eprintln!(
            "{} {} {} {} ({})",
            r.time.format("%Y-%m-%dT%H:%M:%SZ"),
            r.event,
            r.platform,
            thousands(r.count),
            r.source.as_str()
        );
    }
}
