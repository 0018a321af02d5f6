//! The keys: one table that the key handling, the help overlay and the footer's hints all
//! read, so the help can never forget a key.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::editing::Opens;
use super::effect::Effect;
use super::mode::{Board, Mode};
use super::state::App;
use crate::lang::Lang;

/// What a key does on the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// Leave.
    Quit,
    /// Open the help overlay.
    Help,
    /// Select the event above.
    Previous,
    /// Select the event below.
    Next,
    /// Select the first event.
    First,
    /// Select the last event.
    Last,
    /// The clock's next zone.
    NextZone,
    /// The clock's previous zone.
    PreviousZone,
    /// Type a new count for the selected event's stream.
    Update,
    /// Add an event through a form.
    AddEvent,
    /// Change the selected event's name and time through a form.
    EditEvent,
    /// Delete the selected event, once confirmed.
    DeleteEvent,
    /// Re-read the config and readings.
    Reload,
    /// Give the terminal back until `fg`.
    Suspend,
    /// Select the event clicked on (a mouse action, listed for the help).
    Click,
    /// Show every stream of every event as a scoreboard, or go back.
    Overview,
    /// In the overview: open the selected stream in the usual view.
    Open,
    /// Save a share card of what is shown.
    Card,
    /// In the help: a page further down.
    PageDown,
    /// In the help: a page back up.
    PageUp,
}

/// One way to press a key, as the table lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Press {
    /// A character typed without Ctrl (letters match their case).
    Char(char),
    /// A named key without modifiers (Shift-Tab arrives as `BackTab`).
    Code(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// A left click: never a key press.
    Click,
}

/// A footer hint: its text, a shorter one for narrow footers, and how narrow a footer may be
/// and still show it (0 = only the widest, 3 = every footer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hint {
    /// The hint on a wide footer, a text key ("help-hint-update": "u update count").
    pub(crate) long: &'static str,
    /// The hint once the footer narrows, a text key ("help-hint-update-short": "u count").
    pub(crate) short: &'static str,
    /// The narrowest footer level that keeps it.
    pub(crate) keep: u8,
}

/// One line of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The presses that do it.
    pub(crate) presses: &'static [Press],
    /// The presses as the help overlay shows them.
    pub keys: &'static str,
    /// What it does, for the help overlay: a text key (`help-key-…`), in help.ftl.
    pub does: &'static str,
    /// Its hint in the footer, if it has one.
    pub(crate) hint: Option<Hint>,
    /// What it does, for the key handling.
    pub(crate) action: Action,
}

const fn hint(long: &'static str, short: &'static str, keep: u8) -> Option<Hint> {
    Some(Hint { long, short, keep })
}

/// Every key of the dashboard, in the order the help lists them.
pub const KEYS: &[Binding] = &[
    Binding {
        presses: &[
            Press::Char('q'),
            Press::Code(KeyCode::Esc),
            Press::Ctrl('c'),
        ],
        keys: "q  Esc  Ctrl-C",
        does: "help-key-quit",
        hint: hint("help-hint-quit", "help-hint-quit", 3),
        action: Action::Quit,
    },
    Binding {
        presses: &[Press::Char('?')],
        keys: "?",
        does: "help-key-help",
        hint: hint("help-hint-help", "help-hint-help", 2),
        action: Action::Help,
    },
    Binding {
        presses: &[
            Press::Code(KeyCode::Up),
            Press::Char('k'),
            Press::Code(KeyCode::BackTab),
        ],
        keys: "↑  k  Shift-Tab",
        does: "help-key-previous",
        hint: hint("help-hint-select", "help-hint-select", 1),
        action: Action::Previous,
    },
    Binding {
        presses: &[
            Press::Code(KeyCode::Down),
            Press::Char('j'),
            Press::Code(KeyCode::Tab),
        ],
        keys: "↓  j  Tab",
        does: "help-key-next",
        hint: None,
        action: Action::Next,
    },
    Binding {
        presses: &[Press::Code(KeyCode::Home)],
        keys: "Home",
        does: "help-key-first",
        hint: None,
        action: Action::First,
    },
    Binding {
        presses: &[Press::Code(KeyCode::End)],
        keys: "End",
        does: "help-key-last",
        hint: None,
        action: Action::Last,
    },
    Binding {
        presses: &[Press::Char('z')],
        keys: "z",
        does: "help-key-next-zone",
        hint: hint("help-hint-zone", "help-hint-zone", 1),
        action: Action::NextZone,
    },
    Binding {
        presses: &[Press::Char('Z')],
        keys: "Z",
        does: "help-key-previous-zone",
        hint: None,
        action: Action::PreviousZone,
    },
    Binding {
        presses: &[Press::Char('u')],
        keys: "u",
        does: "help-key-update",
        hint: hint("help-hint-update", "help-hint-update-short", 1),
        action: Action::Update,
    },
    Binding {
        presses: &[Press::Char('o')],
        keys: "o",
        does: "help-key-overview",
        hint: hint("help-hint-overview", "help-hint-overview", 0),
        action: Action::Overview,
    },
    Binding {
        presses: &[Press::Code(KeyCode::Enter)],
        keys: "Enter",
        does: "help-key-open",
        hint: None,
        action: Action::Open,
    },
    Binding {
        presses: &[Press::Char('s')],
        keys: "s",
        does: "help-key-card",
        hint: None,
        action: Action::Card,
    },
    Binding {
        presses: &[Press::Char('a')],
        keys: "a",
        does: "help-key-add",
        hint: None,
        action: Action::AddEvent,
    },
    Binding {
        presses: &[Press::Char('e')],
        keys: "e",
        does: "help-key-edit",
        hint: None,
        action: Action::EditEvent,
    },
    Binding {
        presses: &[Press::Char('x')],
        keys: "x",
        does: "help-key-delete",
        hint: None,
        action: Action::DeleteEvent,
    },
    Binding {
        presses: &[Press::Char('r'), Press::Ctrl('l')],
        keys: "r  Ctrl-L",
        does: "help-key-reload",
        hint: hint("help-hint-reload", "help-hint-reload", 0),
        action: Action::Reload,
    },
    Binding {
        presses: &[Press::Ctrl('z')],
        keys: "Ctrl-Z",
        does: "help-key-suspend",
        hint: None,
        action: Action::Suspend,
    },
    Binding {
        presses: &[Press::Code(KeyCode::PageDown)],
        keys: "PgDn",
        does: "help-key-page-down",
        hint: None,
        action: Action::PageDown,
    },
    Binding {
        presses: &[Press::Code(KeyCode::PageUp)],
        keys: "PgUp",
        does: "help-key-page-up",
        hint: None,
        action: Action::PageUp,
    },
    Binding {
        presses: &[Press::Click],
        keys: "click",
        does: "help-key-click",
        hint: None,
        action: Action::Click,
    },
];

/// Lines a page key scrolls the help by: a page of the smallest overlay that scrolls.
const HELP_PAGE: usize = 10;
/// The help's scroll never goes further than this: past every line the help has, not so far
/// that ↑ after a held ↓ seems dead for long.
const HELP_SCROLL_MAX: usize = KEYS.len() + 24;

/// The action of `key` on the dashboard, if the table has one.
pub(crate) fn action(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let matches = |p: &Press| match (*p, key.code) {
        (Press::Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
        (Press::Char(c), KeyCode::Char(k)) => !ctrl && k == c,
        (Press::Code(c), code) => !ctrl && c == code,
        _ => false,
    };
    KEYS.iter()
        .find(|b| b.presses.iter().any(matches))
        .map(|b| b.action)
}

/// The footer's key hints from widest to narrowest: each level keeps the hints that reach it,
/// in their short form from level 1 on; the last is a bare "q".
pub(crate) fn footer_hints(lang: Lang) -> [String; 5] {
    let level = |n: u8| {
        let words: Vec<_> = KEYS
            .iter()
            .filter_map(|b| b.hint)
            .filter(|h| h.keep >= n)
            .map(|h| lang.t(if n == 0 { h.long } else { h.short }))
            .collect();
        format!(" {}", words.join("  "))
    };
    [level(0), level(1), level(2), level(3), "q".to_string()]
}

impl App {
    /// Applies a key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        // A notice is read by the next key press.
        self.notice = None;
        let action = action(&key);
        // Ctrl-C, Ctrl-Z and Ctrl-L work in every mode; other Ctrl keys do nothing.
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            if let Some(a) = action {
                self.act(a);
            }
            return;
        }
        match &self.mode {
            Mode::Prompt(_) => self.on_prompt_key(key),
            Mode::Form(_) => self.on_form_key(key),
            Mode::Help => self.on_help_key(key.code, action),
            Mode::Overview(_) => self.on_overview_key(key.code, action),
            Mode::Normal => {
                if let Some(a) = action {
                    self.act(a);
                }
            }
        }
    }

    /// A key in the help: the selection and page keys scroll it, any other key closes it
    /// (q still quits).
    fn on_help_key(&mut self, code: KeyCode, action: Option<Action>) {
        let at = self.help_scroll;
        self.help_scroll = match action {
            Some(Action::Next) => at + 1,
            Some(Action::Previous) => at.saturating_sub(1),
            Some(Action::PageDown) => at + HELP_PAGE,
            Some(Action::PageUp) => at.saturating_sub(HELP_PAGE),
            Some(Action::First) => 0,
            Some(Action::Last) => HELP_SCROLL_MAX,
            _ => {
                self.mode = Mode::Normal;
                self.quit = code == KeyCode::Char('q');
                return;
            }
        }
        // The overlay shows at most its last page whatever the number; the cap keeps a held
        // key from running up presses that ↑ would first have to undo.
        .min(HELP_SCROLL_MAX);
    }

    /// Holds the help's scroll to `last`, the furthest it goes at the size last drawn.
    pub(crate) fn hold_help_scroll(&mut self, last: usize) {
        self.help_scroll = self.help_scroll.min(last);
    }

    /// A key in the overview: the selection keys move its row, Enter opens the row's stream,
    /// `o` and Esc come back; the rest do what they do on the dashboard.
    fn on_overview_key(&mut self, code: KeyCode, action: Option<Action>) {
        let Mode::Overview(Board { row }) = self.mode else {
            return;
        };
        let last = self.config.streams.len().saturating_sub(1);
        let mut go = |row: usize| self.mode = Mode::Overview(Board { row });
        match (code, action) {
            (KeyCode::Esc, _) | (_, Some(Action::Overview)) => self.mode = Mode::Normal,
            (_, Some(Action::Previous)) => go(row.saturating_sub(1)),
            (_, Some(Action::Next)) => go((row + 1).min(last)),
            (_, Some(Action::First)) => go(0),
            (_, Some(Action::Last)) => go(last),
            (_, Some(Action::Open)) => {
                if let Some(stream) = self.overview_stream(row) {
                    self.selected = Some(self.config.streams[stream].event.clone());
                }
                self.mode = Mode::Normal;
            }
            (_, Some(Action::Card)) => {
                let stream = self.overview_stream(row);
                self.effects.push(Effect::Card(stream));
            }
            (_, Some(a)) => self.act(a),
            (_, None) => {}
        }
    }

    /// Does what `action` says.
    fn act(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::Previous => self.move_selection(-1),
            Action::Next => self.move_selection(1),
            Action::First => self.select(0),
            Action::Last => self.select(self.config.events.len().saturating_sub(1)),
            Action::NextZone => self.step_zone(1),
            Action::PreviousZone => self.step_zone(-1),
            Action::Update => self.open_prompt(),
            Action::AddEvent => self.open_form(Opens::Add),
            Action::EditEvent => self.open_form(Opens::Edit),
            Action::DeleteEvent => self.open_form(Opens::Delete),
            Action::Reload => self.effects.push(Effect::Reload),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Overview => self.mode = Mode::Overview(Board::default()),
            Action::Card => self.effects.push(Effect::Card(None)),
            Action::Click | Action::Open | Action::PageDown | Action::PageUp => {}
        }
    }

    fn move_selection(&mut self, by: isize) {
        let n = self.config.events.len();
        if n == 0 {
            return;
        }
        let current = self.selection().index.unwrap_or(0) as isize;
        let next = (current + by).rem_euclid(n as isize) as usize;
        self.select(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_hints_narrow_in_steps() {
        assert_eq!(
            footer_hints(Lang::En),
            [
                " q quit  ? help  ↑↓ select  z zone  u update count  o overview  r reload",
                " q quit  ? help  ↑↓ select  z zone  u count",
                " q quit  ? help",
                " q quit",
                "q",
            ]
        );
    }

    #[test]
    fn every_press_in_the_table_finds_its_own_action() {
        for b in KEYS {
            for p in b.presses {
                let key = match *p {
                    Press::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                    Press::Code(c) => KeyEvent::new(c, KeyModifiers::NONE),
                    Press::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
                    Press::Click => continue,
                };
                assert_eq!(action(&key), Some(b.action), "{p:?}");
            }
        }
        // Ctrl and a letter the table does not bind does nothing, not the letter's action.
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(action(&ctrl_q), None);
    }
}
