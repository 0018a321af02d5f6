//! The `u` prompt: typing a new count for the selected event's stream, with a refusal that
//! says why, and a second Enter to record a count that disagrees with the readings around it.

use crossterm::event::{KeyCode, KeyEvent};

use super::effect::Effect;
use super::mode::{Mode, Prompt};
use super::state::App;
use crate::lang::Arg;
use crate::readings::{Origin, Reading};

/// The most characters the prompt takes.
const MAX_INPUT: usize = 40;

impl App {
    /// Opens the prompt on the first stream shown, or says the event has none.
    pub(super) fn open_prompt(&mut self) {
        let selection = self.selection();
        // A sum is counted from its parts: the prompt takes the first stream with counts of
        // its own.
        let own = selection
            .streams
            .iter()
            .find(|&&i| self.config.sum_parts(i).is_none());
        match own {
            Some(&stream) => {
                self.mode = Mode::Prompt(Prompt {
                    stream,
                    ..Prompt::default()
                });
            }
            None => {
                let name = selection
                    .index
                    .map(|i| &self.config.events[i])
                    .map_or(self.lang.t("messages-this-event").into_owned(), |e| {
                        e.name.clone()
                    });
                let name = Arg::from(name);
                let said = self.lang.t_with("messages-no-streams", &[("name", name)]);
                self.notice = Some(said.into_owned());
            }
        }
    }

    /// A key typed into the open prompt.
    pub(super) fn on_prompt_key(&mut self, key: KeyEvent) {
        let Mode::Prompt(prompt) = &mut self.mode else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Enter => self.submit(),
            KeyCode::Backspace => {
                prompt.input.pop();
                prompt.error = None;
                prompt.confirm = false;
            }
            KeyCode::Char(c) if !c.is_control() && prompt.input.chars().count() < MAX_INPUT => {
                prompt.input.push(c);
                prompt.error = None;
                prompt.confirm = false;
            }
            _ => {}
        }
    }

    /// Enter: records the typed count, or says why not, or asks to confirm one lower than the
    /// reading before it or higher than the one after it (in a replay).
    fn submit(&mut self) {
        let Mode::Prompt(prompt) = &mut self.mode else {
            return;
        };
        let count = match self.lang.parse_count(&prompt.input) {
            Ok(count) => count,
            Err(why) => {
                prompt.error = Some(self.lang.problem(&why));
                return;
            }
        };
        let Some(stream) = self.config.streams.get(prompt.stream) else {
            self.mode = Mode::Normal;
            return;
        };
        // A rank goes down as well as up: no reading of a rank stream contradicts another.
        if !prompt.confirm
            && self.config.rank(prompt.stream).is_none()
            && let Some(conflict) =
                self.readings
                    .conflict(&stream.event, &stream.platform, self.now, count)
        {
            let why = Arg::from(conflict.describe(count, self.lang));
            let said = self.lang.t_with("messages-prompt-again", &[("why", why)]);
            prompt.error = Some(said.into_owned());
            prompt.confirm = true;
            return;
        }
        let reading = Reading {
            time: self.now,
            event: stream.event.clone(),
            platform: stream.platform.clone(),
            count,
            source: Origin::Manual,
        };
        self.mode = Mode::Normal;
        self.effects.push(Effect::Append(reading));
    }
}
