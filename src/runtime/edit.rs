//! A form's change to the config, carried out: the same editing as `dropwatch add` (comments
//! kept, checked before it is written, one step, under the file's lock); the state hears back
//! whether it was written or why not.

use crate::app::{App, ConfigEdit};
use crate::config::Source;
use crate::config::store::{EditError, edit_file};

/// Writes `edit` into the config the app shows; a sentence saying what was done, or why not.
pub(crate) fn apply(app: &App, edit: &ConfigEdit) -> Result<String, String> {
    let Source::File(path) = &app.config.source else {
        return Err(
            "this is the embedded default: run `dropwatch init` to have a config to edit".into(),
        );
    };
    let name_of = |id: &str| app.config.event_name(id).to_string();
    let said = match edit {
        ConfigEdit::Add(event) => {
            let (id, _) = edit_file(path, |e| e.add_event(event)).map_err(say)?;
            format!("added {} ({id}) to {}", event.name, path.display())
        }
        ConfigEdit::Change { id, name, at } => {
            edit_file(path, |e| {
                e.set_event(id, &[("name", Some(name)), ("at", Some(at))])
            })
            .map_err(say)?;
            format!("changed {name}")
        }
        ConfigEdit::Remove { id } => {
            let name = name_of(id);
            let note = format!(
                "{name} ({id}), deleted in the dashboard; remove the leading \"# \" to bring it back:"
            );
            edit_file(path, |e| e.remove_event(id, &note)).map_err(say)?;
            format!(
                "deleted {name}; its lines are kept at the end of {}",
                path.display()
            )
        }
    };
    Ok(said)
}

/// One line for the form: the first error of a config that would not load, with its fix.
fn say(e: EditError) -> String {
    match e {
        EditError::Invalid(errors) => errors
            .first()
            .map_or_else(|| errors.to_string(), |e| e.one_line()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::edit::NewEvent;
    use crate::testing::utc;

    const TEXT: &str = "# mine\n[[event]]\nid = \"drama\"\nname = \"Drama\" # the MV\nat = \"2026-12-05\"\nzone = \"Asia/Seoul\"\n";

    fn app_on(path: &std::path::Path) -> App {
        let config = crate::config::load(&Source::File(path.to_path_buf())).unwrap();
        App::new(
            config,
            Default::default(),
            utc("2026-12-01T00:00:00Z"),
            chrono_tz::UTC,
        )
    }

    #[test]
    fn each_form_edit_lands_in_the_file_and_a_refusal_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, TEXT).unwrap();
        let app = app_on(&path);
        // The time is announced: the TBA event becomes a timed one.
        let said = apply(
            &app,
            &ConfigEdit::Change {
                id: "drama".into(),
                name: "Drama".into(),
                at: "2026-12-05 18:00".into(),
            },
        )
        .unwrap();
        assert_eq!(said, "changed Drama");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("at = \"2026-12-05 18:00\"") && text.contains("# the MV"),
            "{text}"
        );
        let again = NewEvent {
            name: "Drama".into(),
            at: "2026-12-06".into(),
            zone: "Asia/Seoul".into(),
            ..NewEvent::default()
        };
        let why = apply(&app, &ConfigEdit::Add(again)).unwrap_err();
        assert!(why.contains("already in the config"), "{why}");
        let bad = NewEvent {
            name: "Late".into(),
            at: "2026-12-06".into(),
            zone: "Mars/Base".into(),
            ..NewEvent::default()
        };
        let why = apply(&app, &ConfigEdit::Add(bad)).unwrap_err();
        assert!(
            why.contains("fan.toml:") && why.contains("unknown time zone"),
            "{why}"
        );
        apply(&app, &ConfigEdit::Remove { id: "drama".into() }).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let config = crate::config::load(&Source::File(path.clone())).unwrap();
        assert!(config.events.is_empty());
        assert!(text.contains("# name = \"Drama\" # the MV"), "{text}");
        let embedded = App::new(
            crate::config::Config::embedded().unwrap(),
            Default::default(),
            utc("2026-12-01T00:00:00Z"),
            chrono_tz::UTC,
        );
        let why = apply(&embedded, &ConfigEdit::Remove { id: "proof".into() }).unwrap_err();
        assert!(why.contains("dropwatch init"), "{why}");
    }
}
