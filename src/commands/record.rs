//! `dropwatch record`: polls the config's count sources with no screen (a server, a tmux pane,
//! a systemd unit), appends each count to the readings file as the dashboard would, prints a
//! line per poll to stderr, runs the hooks of releases and reached goals as the dashboard
//! would, and stops cleanly on SIGTERM, SIGINT or SIGHUP.

use std::sync::mpsc;
use std::time::Duration;

use chrono::Utc;

use crate::app::App;
use crate::config::Source;
use crate::failure::Failure;
use crate::readings;
use crate::readings::poll::SourceStatus;
use crate::runtime::event::{self, Event};
use crate::runtime::polling::{self, Polling, Role};
use crate::values::numbers::thousands;

/// How often to try again while another process polls.
const RETRY: Duration = Duration::from_secs(10);

/// Polls until a signal; reloads the config when it changes. With `hooks`, runs them.
pub fn run(source: &Source, hooks: bool) -> Result<(), Failure> {
    let mut config = crate::runtime::load::config(source)?;
    // The app decides when a release or a goal calls for a hook, as on the dashboard.
    let mut app = App::new(
        config.clone(),
        crate::runtime::load::readings(&config.source),
        Utc::now(),
        chrono_tz::UTC,
    );
    // Hooks run once per event: here only if no dashboard or bar on this config runs them.
    let _hooks = if hooks {
        crate::runtime::polling::hooks_lock(&config, "record").ok()
    } else {
        None
    };
    app.hooks = _hooks.is_some();
    let Some(path) = config.source.readings_path() else {
        return Err(Failure::Usage(
            "record needs a config file to record beside; run `dropwatch init` first".into(),
        ));
    };
    let (tx, rx) = mpsc::channel();
    event::spawn_signals(tx.clone()).map_err(|e| Failure::runtime(format!("signals: {e}")))?;
    let watcher = match &config.source {
        Source::File(p) => crate::runtime::watch::spawn(std::slice::from_ref(p), tx.clone()).ok(),
        Source::Embedded => None,
    };
    if watcher.is_none() {
        eprintln!("record: not watching the config; restart to pick up changes");
    }
    let start = |config: &crate::config::Config| {
        let tx = tx.clone();
        polling::start(config, "record", move |r| {
            let _ = tx.send(Event::Polled(r));
        })
    };
    let mut polling = start(&config);
    announce(&polling, &config.source.display());
    if polling.role == Role::Idle {
        return Err(Failure::Usage(format!(
            "{} has no [streams.source] to poll; add one (the README's \"Counts that come in by themselves\" shows how)",
            config.source.display()
        )));
    }
    let mut statuses: std::collections::BTreeMap<polling::Key, SourceStatus> = Default::default();
    loop {
        let wait = if matches!(polling.role, Role::Watching(_)) {
            RETRY
        } else {
            Duration::from_secs(3600)
        };
        // Wake for the next release, to run its hook on time.
        let wait = match app.next_release() {
            Some(at) => wait.min((at - Utc::now()).to_std().unwrap_or_default()),
            None => wait,
        };
        let received = rx.recv_timeout(wait);
        app.tick(Utc::now());
        crate::runtime::hooks::run_effects(&mut app, "record");
        match received {
            Ok(Event::Polled(result)) => {
                let (event, platform) = &result.key;
                let status = statuses.entry(result.key.clone()).or_default();
                status.record(result.at, &result.outcome);
                let when = result.at.format("%Y-%m-%dT%H:%M:%SZ");
                match crate::readings::poll::reading(&config, &result) {
                    Some(reading) => match readings::append(&path, &reading) {
                        Ok(()) => {
                            eprintln!(
                                "{when} {event} {platform} {} ({})",
                                thousands(reading.count),
                                reading.source.as_str()
                            );
                            app.add_reading(reading);
                            app.tick(Utc::now());
                            crate::runtime::hooks::run_effects(&mut app, "record");
                        }
                        Err(e) => eprintln!(
                            "{when} {event} {platform}: cannot write {}: {e}",
                            path.display()
                        ),
                    },
                    None => eprintln!(
                        "{when} {event} {platform}: {}",
                        status.describe(result.at).unwrap_or_default()
                    ),
                }
            }
            Ok(Event::Signal(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                drop(polling);
                eprintln!("record: stopped");
                return Ok(());
            }
            Ok(Event::FileChanged) => match crate::runtime::load::config(&config.source) {
                Ok(fresh) => {
                    app.set_config(fresh.clone(), Utc::now());
                    crate::runtime::hooks::run_effects(&mut app, "record");
                    // A save that leaves the sources as they were (a title, a goal) polls
                    // nothing again: API quotas are counted per call.
                    let same = polling::sources(&fresh) == polling::sources(&config);
                    config = fresh;
                    eprintln!("record: reloaded {}", config.source.display());
                    if !same {
                        // Let go of the lock before taking it again.
                        drop(polling);
                        polling = start(&config);
                        announce(&polling, &config.source.display());
                    }
                }
                Err(e) => eprintln!("record: keeping the last good config:\n{e}"),
            },
            Err(mpsc::RecvTimeoutError::Timeout) if matches!(polling.role, Role::Watching(_)) => {
                polling = start(&config);
                if polling.role == Role::Polling {
                    announce(&polling, &config.source.display());
                }
            }
            _ => {}
        }
    }
}

/// Says who polls.
fn announce(polling: &Polling, config: &str) {
    match &polling.role {
        Role::Polling => eprintln!("record: polling the sources of {config}"),
        Role::Watching(who) => {
            eprintln!("record: {who} polls {config}; taking over when it stops")
        }
        Role::Idle => {}
    }
}
