//! What `bar` and `record` say about the runtime, having no screen: one line on stderr for a
//! broken config (once per error) and for its recovery, who polls and each notice of the
//! runtime (a lock another holds, the end of a replay), and each notice the state holds (a
//! hook that failed, a reading that could not be saved).

use chrono::{DateTime, Utc};

use crate::app::{App, Event};
use crate::runtime::Outcome;
use crate::runtime::notices;

/// The stderr of a front-end without a screen.
pub(crate) struct Reporter {
    /// Who speaks: "bar", "record".
    who: &'static str,
    /// The config error last said, so that a reload with the same error says nothing new.
    said: Option<String>,
}

impl Reporter {
    /// A reporter for `who`.
    pub(crate) fn new(who: &'static str) -> Reporter {
        Reporter { who, said: None }
    }

    /// Applies `ev` to `app`, and says a poll that failed, with why and when the source last
    /// worked.
    pub(crate) fn update(&self, app: &mut App, ev: Event) {
        let failed = failed_poll(&ev);
        app.update(ev);
        if let Some(key) = failed {
            say_failure(app, &key);
        }
    }

    /// Says on stderr what the turn's `outcomes` and the app's notice hold for a person.
    pub(crate) fn report(&mut self, app: &mut App, outcomes: &[Outcome]) {
        let who = self.who;
        for outcome in outcomes {
            match outcome {
                Outcome::ReloadFailed => {
                    let line = app
                        .config_error
                        .as_ref()
                        .and_then(|e| e.first())
                        .map(|e| e.one_line())
                        .unwrap_or_default();
                    if self.said.as_ref() != Some(&line) {
                        eprintln!("{who}: keeping the last good config: {line}");
                        self.said = Some(line);
                    }
                }
                Outcome::Reloaded => {
                    let now = if self.said.take().is_some() {
                        "is good again"
                    } else {
                        "reloaded"
                    };
                    eprintln!("{who}: {} {now}", app.config.source.display());
                }
                Outcome::Notice(text) => eprintln!("{who}: {text}"),
                Outcome::Polling(role) => {
                    let config = app.config.source.display();
                    if let Some(said) = notices::polling(app.lang, role, &config) {
                        eprintln!("{who}: {said}");
                    }
                }
                _ => {}
            }
        }
        if let Some(notice) = app.notice.take() {
            eprintln!("{who}: {notice}");
        }
    }
}

/// The stream and time of a poll that failed.
fn failed_poll(ev: &Event) -> Option<(String, String, DateTime<Utc>)> {
    match ev {
        Event::Polled(r) if r.outcome.is_err() => Some((r.key.0.clone(), r.key.1.clone(), r.at)),
        _ => None,
    }
}

/// "2022-04-24T14:00:00Z mv YouTube: source failing: …".
fn say_failure(app: &App, (event, platform, at): &(String, String, DateTime<Utc>)) {
    let key = (event.clone(), platform.clone());
    let why = app
        .sources
        .get(&key)
        .and_then(|s| s.describe(*at))
        .unwrap_or_default();
    eprintln!(
        "{} {event} {platform}: {why}",
        at.format("%Y-%m-%dT%H:%M:%SZ")
    );
}
