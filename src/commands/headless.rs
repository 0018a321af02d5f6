//! What `bar` and `record` say about the runtime, having no screen: one line on stderr for a
//! broken config (once per error) and for its recovery, who polls and each notice of the
//! runtime (a lock another holds, the end of a replay), and each notice the state holds (a
//! hook that failed, a reading that could not be saved).

use chrono::{DateTime, Utc};

use crate::app::{App, Event};
use crate::lang::Arg;
use crate::runtime::{Outcome, notices};

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
            if let Some(said) = self.line(app, outcome) {
                eprintln!("{who}: {said}");
            }
        }
        if let Some(notice) = app.notice.take() {
            eprintln!("{who}: {notice}");
        }
    }

    /// What `outcome` says, in the fan's language, if anything.
    fn line(&mut self, app: &App, outcome: &Outcome) -> Option<String> {
        let lang = app.lang;
        match outcome {
            Outcome::ReloadFailed => {
                let line = app
                    .config_error
                    .as_ref()
                    .and_then(|e| e.first())
                    .map(|e| e.one_line())
                    .unwrap_or_default();
                if self.said.as_ref() == Some(&line) {
                    return None;
                }
                // The error itself stays English: it quotes the TOML.
                let error = [("error", Arg::from(line.as_str()))];
                let said = lang
                    .t_with("messages-keeping-last-good", &error)
                    .into_owned();
                self.said = Some(line);
                Some(said)
            }
            Outcome::Reloaded => {
                let key = if self.said.take().is_some() {
                    "messages-config-good-again"
                } else {
                    "messages-config-reloaded"
                };
                let config = [("config", Arg::from(app.config.source.display()))];
                Some(lang.t_with(key, &config).into_owned())
            }
            Outcome::Notice(text) => Some(text.clone()),
            Outcome::Polling(role) => notices::polling(lang, role, &app.config.source.display()),
            _ => None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_reload_is_said_in_the_fans_language() {
        let mut app = crate::testing::app("2022-04-24T13:00:00Z");
        let mut reporter = Reporter::new("bar");
        assert_eq!(
            reporter.line(&app, &Outcome::Reloaded).as_deref(),
            Some("embedded default reloaded")
        );
        app.lang = Lang::Ko;
        reporter.said = Some("fan.toml:3:1: x".into());
        assert_eq!(
            reporter.line(&app, &Outcome::Reloaded).as_deref(),
            Some("embedded default 다시 정상")
        );
    }
}
