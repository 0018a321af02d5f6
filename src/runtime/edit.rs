//! A form's change to the config, carried out: the same editing as `dropwatch add` (comments
//! kept, checked before it is written, one step, under the file's lock); the state hears back
//! whether it was written or why not.

use crate::app::{App, ConfigEdit};
use crate::config::Source;
use crate::config::store::{EditError, edit_file};
use crate::lang::{Arg, Lang};
use crate::values::problem::Said;

/// Writes `edit` into the config the app shows; a sentence saying what was done, or why not
/// (in the fan's language).
pub(crate) fn apply(app: &App, edit: &ConfigEdit) -> Result<String, String> {
    let lang = app.lang;
    let Source::File(path) = &app.config.source else {
        return Err(lang.t("problems-edit-embedded").into_owned());
    };
    let say = |e| say(e, lang);
    let name_of = |id: &str| app.config.event_name(id).to_string();
    let said = match edit {
        ConfigEdit::Add(event) => {
            let (id, _) = edit_file(path, |e| e.add_event(event)).map_err(|e| match e {
                // The form has no --id to pass: the fan changes the name instead.
                EditError::Refused(why) if why.key == Some("problems-edit-id-taken") => {
                    lang.said(&Said {
                        key: Some("problems-edit-id-taken-form"),
                        ..why
                    })
                }
                other => say(other),
            })?;
            let args = [
                ("name", Arg::from(event.name.as_str())),
                ("id", Arg::from(id)),
                ("path", Arg::from(path.display().to_string())),
            ];
            lang.t_with("messages-form-added", &args).into_owned()
        }
        ConfigEdit::Change { id, name, at } => {
            edit_file(path, |e| {
                e.set_event(id, &[("name", Some(name)), ("at", Some(at))])
            })
            .map_err(say)?;
            let args = [("name", Arg::from(name.as_str()))];
            lang.t_with("messages-form-changed", &args).into_owned()
        }
        ConfigEdit::Remove { id } => {
            let name = name_of(id);
            // Written into the config, beside its English keys: the note stays English too.
            let note = format!(
                "{name} ({id}), deleted in the dashboard; remove the leading \"# \" to bring it back:"
            );
            edit_file(path, |e| e.remove_event(id, &note)).map_err(say)?;
            let args = [
                ("name", Arg::from(name)),
                ("path", Arg::from(path.display().to_string())),
            ];
            lang.t_with("messages-form-deleted", &args).into_owned()
        }
    };
    Ok(said)
}

/// One line for the form: the refusal in `lang`, or the first error of a config that would not
/// load with its fix (in English: it quotes the TOML, at its file:line:col).
fn say(e: EditError, lang: Lang) -> String {
    match e {
        EditError::Invalid(errors) => {
            let error = errors
                .first()
                .map_or_else(|| errors.to_string(), |e| e.one_line());
            let args = [("error", Arg::from(error))];
            lang.t_with("problems-edit-invalid", &args).into_owned()
        }
        EditError::Refused(why) | EditError::Io(why) => lang.said(&why),
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

    /// Every refusal of an edit a form can meet, each from a file set up to give it.
    fn refusals(dir: &std::path::Path) -> Vec<Said> {
        use crate::config::store::edit_file;
        use crate::files::EditLock;
        let mut all = Vec::new();
        let path = dir.join("fan.toml");
        std::fs::write(&path, TEXT).unwrap();
        let refused = |e: EditError| match e {
            EditError::Refused(s) | EditError::Io(s) => s,
            EditError::Invalid(e) => panic!("{e}"),
        };
        let drama = NewEvent {
            name: "Drama".into(),
            ..NewEvent::default()
        };
        let add = |p: &std::path::Path| edit_file(p, |e| e.add_event(&drama)).map(|_| ());
        all.push(refused(add(&path).unwrap_err()));
        let gone = edit_file(&path, |e| e.set_event("gone", &[("name", Some("x"))]));
        all.push(refused(gone.unwrap_err()));
        let inline = dir.join("inline.toml");
        std::fs::write(&inline, "event = []\n").unwrap();
        all.push(refused(add(&inline).unwrap_err()));
        let broken = dir.join("broken.toml");
        std::fs::write(&broken, "[[event]\n").unwrap();
        all.push(refused(add(&broken).unwrap_err()));
        all.push(refused(add(&dir.join("missing.toml")).unwrap_err()));
        let folder = dir.join("folder.toml");
        std::fs::create_dir(&folder).unwrap();
        all.push(refused(add(&folder).unwrap_err()));
        let huge = dir.join("huge.toml");
        std::fs::write(&huge, vec![b'#'; (16 << 20) + 1]).unwrap();
        all.push(refused(add(&huge).unwrap_err()));
        // A link is read through but never written through.
        #[cfg(unix)]
        {
            let link = dir.join("link.toml");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            let rename = |e: &mut crate::config::edit::Edit| {
                e.set_event("drama", &[("name", Some("Drama 2"))])
            };
            all.push(refused(edit_file(&link, rename).unwrap_err()));
        }
        let _held = EditLock::take(&path, std::time::Duration::ZERO).unwrap();
        all.push(
            EditLock::take(&path, std::time::Duration::ZERO)
                .err()
                .unwrap(),
        );
        std::fs::create_dir(dir.join(".locked.toml.lock")).unwrap();
        let locked = dir.join("locked.toml");
        all.push(
            EditLock::take(&locked, std::time::Duration::ZERO)
                .err()
                .unwrap(),
        );
        all
    }

    #[test]
    fn a_refusal_is_said_in_english_as_the_cli_says_it_and_translated_with_its_words() {
        let dir = tempfile::tempdir().unwrap();
        let all = refusals(dir.path());
        let keys: Vec<_> = all.iter().map(|s| s.key.expect("keyed")).collect();
        for key in [
            "problems-edit-id-taken",
            "problems-edit-no-event",
            "problems-edit-inline-array",
            "problems-edit-not-toml",
            "problems-edit-cannot-read",
            "problems-edit-not-a-file",
            "problems-edit-too-big",
            "problems-edit-busy",
            "problems-edit-lock-unusable",
        ] {
            assert!(keys.contains(&key), "no case gives {key}: {keys:?}");
        }
        #[cfg(unix)]
        assert!(keys.contains(&"problems-edit-cannot-write"), "{keys:?}");
        for said in &all {
            assert_eq!(Lang::En.said(said), said.to_string());
            for lang in Lang::ALL.into_iter().skip(1) {
                let text = lang.said(said);
                assert_ne!(text, said.to_string(), "{} {:?}", lang.code(), said.key);
                // `kind` is a token the translation selects its words by, never shown.
                for (name, value) in said.args.iter().filter(|(n, _)| *n != "kind") {
                    assert!(text.contains(value.as_str()), "${name} lost: {text}");
                }
            }
        }
    }

    #[test]
    fn the_form_hears_a_refusal_in_the_fans_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, TEXT).unwrap();
        let again = ConfigEdit::Add(NewEvent {
            name: "Drama".into(),
            at: "2026-12-06".into(),
            zone: "Asia/Seoul".into(),
            ..NewEvent::default()
        });
        // English: the form has no --id to pass, so the fix is another name.
        let why = apply(&app_on(&path), &again).unwrap_err();
        assert_eq!(
            why,
            "an event with id \"drama\" is already in the config; choose another name"
        );
        let ko = crate::testing::in_lang(app_on(&path), Lang::Ko);
        let why = apply(&ko, &again).unwrap_err();
        assert!(
            why.contains("\"drama\"") && why.contains("다른 이름"),
            "{why}"
        );
        assert!(!why.contains("already"), "{why}");
        let gone = ConfigEdit::Remove { id: "gone".into() };
        let why = apply(&ko, &gone).unwrap_err();
        assert_eq!(why, "설정에 id \"gone\" 이벤트가 없어요");
        let embedded = crate::testing::in_lang(
            App::new(
                crate::config::Config::embedded().unwrap(),
                Default::default(),
                utc("2026-12-01T00:00:00Z"),
                chrono_tz::UTC,
            ),
            Lang::Ja,
        );
        let why = apply(&embedded, &gone).unwrap_err();
        assert!(
            why.contains("dropwatch init") && why.contains("組み込み"),
            "{why}"
        );
        // A config error quotes the TOML at its line and column: English, in the language's frame.
        std::fs::write(
            &path,
            format!("{TEXT}[[event]]\nname = \"Late\"\nat = \"2026-13-01\"\n"),
        )
        .unwrap();
        let why = apply(&ko, &ConfigEdit::Remove { id: "drama".into() }).unwrap_err();
        assert!(
            why.starts_with("설정이 읽히지 않아") && why.contains("fan.toml:"),
            "{why}"
        );
    }

    #[test]
    fn the_form_says_what_it_wrote_in_the_fans_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fan.toml");
        std::fs::write(&path, TEXT).unwrap();
        let ko = crate::testing::in_lang(app_on(&path), Lang::Ko);
        let change = ConfigEdit::Change {
            id: "drama".into(),
            name: "Drama".into(),
            at: "2026-12-05 18:00".into(),
        };
        assert_eq!(apply(&ko, &change).unwrap(), "Drama 변경함");
        let add = ConfigEdit::Add(NewEvent {
            name: "Next".into(),
            at: "2026-12-24".into(),
            zone: "Asia/Seoul".into(),
            ..NewEvent::default()
        });
        let ja = crate::testing::in_lang(app_on(&path), Lang::Ja);
        let said = apply(&ja, &add).unwrap();
        assert!(
            said.starts_with("Next(next)を追加しました: ") && said.ends_with("fan.toml"),
            "{said}"
        );
        let es = crate::testing::in_lang(app_on(&path), Lang::Es);
        let said = apply(&es, &ConfigEdit::Remove { id: "next".into() }).unwrap();
        assert!(
            said.starts_with("Next borrado; sus líneas quedan al final de "),
            "{said}"
        );
        // The note in the file stays English, as the file's keys are.
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("deleted in the dashboard"), "{text}");
    }
}
