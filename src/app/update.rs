//! The state's one entry for what happens: `App::update(event)`. Keys and clicks go to their
//! handlers; a file change, a poll or a hook's failure becomes state and effects.

use crossterm::event::Event as TermEvent;

use super::effect::Hit;
use super::effect::{Effect, Event};
use super::mode::Mode;
use super::state::App;
use crate::lang::Arg;
use crate::readings::poll::{self, Key, PollResult};

impl App {
    /// Applies one event; what it needs of the outside world lands in `effects`.
    pub(crate) fn update(&mut self, event: Event) {
        match event {
            Event::Term(TermEvent::Key(key)) => self.on_key(key),
            Event::Term(TermEvent::Resize(..)) | Event::Resumed => {
                self.effects.push(Effect::Redraw);
            }
            Event::Term(_) => {}
            Event::Click(hit) => self.on_click(hit),
            Event::InputClosed | Event::Signal(_) => self.quit = true,
            Event::FileChanged => self.effects.push(Effect::Reload),
            Event::HookFailed(why) => {
                let why = Arg::from(why);
                let said = self.lang.t_with("messages-hook-failed", &[("why", why)]);
                self.notice = Some(said.into_owned());
            }
            Event::Polled(result) => self.on_poll(&result),
        }
    }

    /// Applies a left click on what the last frame drew at that spot.
    fn on_click(&mut self, hit: Hit) {
        if matches!(self.mode, Mode::Prompt(_) | Mode::Form(_)) {
            return;
        }
        match hit {
            Hit::Event(i) => self.select(i),
        }
    }

    /// Takes in a poll of a stream's source: its status, and the reading a success brings.
    fn on_poll(&mut self, result: &PollResult<Key>) {
        self.sources
            .entry(result.key.clone())
            .or_default()
            .record(result.at, &result.outcome);
        if let Some(reading) = poll::reading(&self.config, result) {
            self.effects.push(Effect::Record(reading));
        }
    }
}
