//! The dashboard's small forms: `a` adds an event (name, when, zone), `e` changes the selected
//! one's name and time, `x` deletes it after a confirmation. Each ends in one
//! [`Effect::Edit`] that the runtime carries out on the config file, through the same editing
//! as `dropwatch add`; the reload then shows the result, and a refusal comes back into the form.

use crossterm::event::{KeyCode, KeyEvent};

use super::effect::Effect;
use super::form::{ConfigEdit, Field, Form, FormKind};
use super::mode::Mode;
use super::state::App;
use crate::config::edit::NewEvent;
use crate::values::announce::parse_announced;
use crate::values::when::{parse_zone, shown_in};

/// Which form a key opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opens {
    /// `a`: a new event.
    Add,
    /// `e`: the selected event's name and time.
    Edit,
    /// `x`: deleting the selected event.
    Delete,
}

/// The most characters a field takes.
const MAX_FIELD: usize = 80;

fn field(label: &'static str, value: impl Into<String>) -> Field {
    Field {
        label,
        value: value.into(),
    }
}

impl App {
    /// Opens the form `which` asks for: a new event, or the selected one changed or deleted.
    pub(super) fn open_form(&mut self, which: Opens) {
        let selected = self.selection().index.map(|i| &self.config.events[i]);
        let (kind, fields) = match (which, selected) {
            (Opens::Add, _) => (
                FormKind::Add,
                vec![
                    field("messages-field-name", ""),
                    field("messages-field-when", ""),
                    field("messages-field-zone", self.local_zone.name()),
                ],
            ),
            (_, None) => {
                self.notice = Some(self.lang.t("messages-no-event-selected").into_owned());
                return;
            }
            (Opens::Delete, Some(e)) => (
                FormKind::Delete {
                    id: e.id.clone(),
                    name: e.name.clone(),
                },
                Vec::new(),
            ),
            (Opens::Edit, Some(e)) => {
                let local = shown_in(e.at, e.zone);
                let when = if e.time_tba {
                    local.format("%Y-%m-%d").to_string()
                } else {
                    local.format("%Y-%m-%d %H:%M").to_string()
                };
                (
                    FormKind::Edit { id: e.id.clone() },
                    vec![
                        field("messages-field-name", e.name.clone()),
                        field("messages-field-when", when),
                    ],
                )
            }
        };
        self.mode = Mode::Form(Form {
            kind,
            fields,
            focus: 0,
            error: None,
            saving: false,
        });
    }

    /// A key typed into the open form.
    pub(super) fn on_form_key(&mut self, key: KeyEvent) {
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        if form.saving {
            return;
        }
        let n = form.fields.len().max(1);
        match key.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Char('n' | 'N') if form.fields.is_empty() => self.mode = Mode::Normal,
            KeyCode::Char('y' | 'Y') | KeyCode::Enter if form.fields.is_empty() => {
                self.submit_form()
            }
            KeyCode::Enter => self.submit_form(),
            KeyCode::Tab | KeyCode::Down => form.focus = (form.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => form.focus = (form.focus + n - 1) % n,
            KeyCode::Backspace => {
                if let Some(f) = form.fields.get_mut(form.focus) {
                    f.value.pop();
                    form.error = None;
                }
            }
            KeyCode::Char(c) if !c.is_control() => {
                if let Some(f) = form.fields.get_mut(form.focus)
                    && f.value.chars().count() < MAX_FIELD
                {
                    f.value.push(c);
                    form.error = None;
                }
            }
            _ => {}
        }
    }

    /// Enter: the edit the form describes goes to the runtime, or the form says why not.
    fn submit_form(&mut self) {
        let Mode::Form(form) = &self.mode else {
            return;
        };
        match self.form_edit(form) {
            Ok(edit) => {
                if let Mode::Form(form) = &mut self.mode {
                    form.saving = true;
                    form.error = None;
                }
                self.effects.push(Effect::Edit(edit));
            }
            Err(why) => {
                if let Mode::Form(form) = &mut self.mode {
                    form.error = Some(why);
                }
            }
        }
    }

    /// The edit `form` asks for, checked as far as the state can.
    fn form_edit(&self, form: &Form) -> Result<ConfigEdit, String> {
        let value = |i: usize| form.fields.get(i).map_or("", |f| f.value.trim());
        let name = value(0);
        if !form.fields.is_empty() && name.is_empty() {
            return Err(self.lang.t("messages-write-a-name").into_owned());
        }
        match &form.kind {
            FormKind::Delete { id, .. } => Ok(ConfigEdit::Remove { id: id.clone() }),
            FormKind::Add => {
                let zone = parse_zone(value(2)).map_err(|e| self.lang.problem(&e))?;
                let announced =
                    parse_announced(value(1), self.now, zone).map_err(|e| self.lang.problem(&e))?;
                let zone = if value(2) == self.local_zone.name() {
                    // The zone left as it was, and the time names one: that one is meant.
                    announced.zone().unwrap_or(zone)
                } else {
                    zone
                };
                let at = announced
                    .config_text(zone)
                    .map_err(|e| self.lang.problem(&e))?;
                Ok(ConfigEdit::Add(NewEvent {
                    name: name.to_string(),
                    at,
                    zone: zone.name().to_string(),
                    ..NewEvent::default()
                }))
            }
            FormKind::Edit { id } => {
                let zone = self.config.event(id).map_or(self.local_zone, |e| e.zone);
                let at = parse_announced(value(1), self.now, zone)
                    .and_then(|a| a.config_text(zone))
                    .map_err(|e| self.lang.problem(&e))?;
                Ok(ConfigEdit::Change {
                    id: id.clone(),
                    name: name.to_string(),
                    at,
                })
            }
        }
    }

    /// The runtime wrote the edit: the form closes and says so.
    pub(crate) fn form_saved(&mut self, said: String) {
        self.mode = Mode::Normal;
        self.notice = Some(said);
    }

    /// The runtime could not write the edit: the form stays open and says why.
    pub(crate) fn form_failed(&mut self, why: String) {
        match &mut self.mode {
            Mode::Form(form) => {
                form.saving = false;
                form.error = Some(why);
            }
            _ => self.notice = Some(why),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::app;
    use crossterm::event::KeyModifiers;

    fn press(app: &mut App, code: KeyCode) {
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            press(app, KeyCode::Char(c));
        }
    }

    #[test]
    fn a_adds_an_event_in_the_zone_its_time_names() {
        let mut app = app("2026-12-01T00:00:00Z");
        press(&mut app, KeyCode::Char('a'));
        assert!(matches!(app.mode, Mode::Form(_)));
        // q is a letter in a form, not quit.
        type_text(&mut app, "qwer");
        press(&mut app, KeyCode::Enter);
        let Mode::Form(form) = &app.mode else {
            panic!()
        };
        assert!(
            form.error.as_deref().unwrap_or("").contains("not a time"),
            "{form:?}"
        );
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "12.05 6PM KST");
        press(&mut app, KeyCode::Enter);
        assert!(!app.quit);
        assert_eq!(
            app.effects.last(),
            Some(&Effect::Edit(ConfigEdit::Add(NewEvent {
                name: "qwer".into(),
                at: "2026-12-05 18:00".into(),
                zone: "Asia/Seoul".into(),
                ..NewEvent::default()
            })))
        );
        // Keys wait while it is saved; a refusal comes back into the form.
        press(&mut app, KeyCode::Esc);
        assert!(matches!(app.mode, Mode::Form(_)));
        app.form_failed("an event with id \"qwer\" is already in the config".into());
        let Mode::Form(form) = &app.mode else {
            panic!()
        };
        assert!(form.error.as_deref().unwrap_or("").contains("already"));
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.mode, Mode::Normal);
    }

    #[test]
    fn e_changes_the_selected_event_and_x_asks_first() {
        let mut app = app("2022-04-24T13:00:00Z");
        press(&mut app, KeyCode::Char('e'));
        let Mode::Form(form) = &app.mode else {
            panic!()
        };
        assert_eq!(form.fields[1].value, "2022-04-24 23:00");
        press(&mut app, KeyCode::Tab);
        for _ in 0..5 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "22:00");
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.effects.last(),
            Some(&Effect::Edit(ConfigEdit::Change {
                id: "with-you".into(),
                name: "With You".into(),
                at: "2022-04-24 22:00".into(),
            }))
        );
        app.form_saved("changed With You".into());
        press(&mut app, KeyCode::Char('x'));
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.mode, Mode::Normal);
        press(&mut app, KeyCode::Char('x'));
        press(&mut app, KeyCode::Char('y'));
        assert_eq!(
            app.effects.last(),
            Some(&Effect::Edit(ConfigEdit::Remove {
                id: "with-you".into()
            }))
        );
    }
}
