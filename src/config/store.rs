//! An edit of the config file: read it, change it ([`Edit`]), check the result as `check`
//! does, and write it in one step under the file's lock.

use std::path::Path;
use std::time::Duration;

use super::edit::{Edit, Refusal};
use super::error::{ConfigError, ConfigErrors};
use super::origin::Source;
use super::parse::parse;
use super::types::Config;
use crate::values::problem::Said;

/// What went wrong editing a file: the edit was refused, the result would not load, or the
/// file could not be read or written.
#[derive(Debug)]
pub(crate) enum EditError {
    /// The edit itself was refused (a duplicate id, no such event).
    Refused(Refusal),
    /// The edited config would not load: it is not written.
    Invalid(ConfigErrors),
    /// Reading or writing the file failed.
    Io(Said),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Refused(why) | EditError::Io(why) => why.fmt(f),
            EditError::Invalid(e) => {
                write!(f, "the config would not load, so it is unchanged:\n{e}")
            }
        }
    }
}

/// How long an edit waits for another one on the same file.
const PATIENCE: Duration = Duration::from_secs(5);

/// The largest config an edit reads: far beyond any hand-written one.
const MAX_CONFIG: u64 = 16 << 20;

/// Reads the config at `path`, applies `change`, checks the result as loading would, and
/// writes it in one step, all under the file's edit lock. Returns what `change` returned and
/// the config as it now loads.
pub(crate) fn edit_file<T>(
    path: &Path,
    change: impl FnOnce(&mut Edit) -> Result<T, Refusal>,
) -> Result<(T, Config), EditError> {
    let _lock = crate::files::EditLock::take(path, PATIENCE).map_err(EditError::Io)?;
    let text = read_capped(path)?;
    let mut edit = Edit::new(&text).map_err(EditError::Refused)?;
    let out = change(&mut edit).map_err(EditError::Refused)?;
    let new = edit.text();
    let config = parse(&new, Source::File(path.to_path_buf())).map_err(EditError::Invalid)?;
    if new != text {
        crate::files::replace_atomically(path, &new)
            .map_err(|e| EditError::Io(io_failed(true, path, &e)))?;
    }
    Ok((out, config))
}

/// What [`edit_file`] would do, without writing: `change` applied to the text at `path` and
/// the result checked as loading would (for `--dry-run`).
pub(crate) fn preview_edit<T>(
    path: &Path,
    change: impl FnOnce(&mut Edit) -> Result<T, Refusal>,
) -> Result<(T, Config), EditError> {
    let mut edit = Edit::new(&read_capped(path)?).map_err(EditError::Refused)?;
    let out = change(&mut edit).map_err(EditError::Refused)?;
    let config =
        parse(&edit.text(), Source::File(path.to_path_buf())).map_err(EditError::Invalid)?;
    Ok((out, config))
}

/// Writing (or reading) `path` failed: the OS's words, inside the sentence.
fn io_failed(writing: bool, path: &Path, e: &std::io::Error) -> Said {
    let (shown, why) = (path.display().to_string(), e.to_string());
    let (key, verb) = if writing {
        ("problems-edit-cannot-write", "write")
    } else {
        ("problems-edit-cannot-read", "read")
    };
    Said::keyed(
        key,
        &[("path", &shown), ("why", &why)],
        format!("cannot {verb} {shown}: {why}"),
    )
}

/// The text of the config at `path`, refusing a special file or one over [`MAX_CONFIG`].
fn read_capped(path: &Path) -> Result<String, EditError> {
    use std::io::Read;
    if let Some(kind) = crate::files::kind_of(path) {
        let shown = path.display().to_string();
        // Each language words the kind itself, selecting on its token.
        return Err(EditError::Io(Said::keyed(
            "problems-edit-not-a-file",
            &[("path", &shown), ("kind", kind.token())],
            format!("{shown} is {kind}, not a file"),
        )));
    }
    let cannot_read = |e: std::io::Error| EditError::Io(io_failed(false, path, &e));
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_CONFIG {
        let shown = path.display().to_string();
        return Err(EditError::Io(Said::keyed(
            "problems-edit-too-big",
            &[("path", &shown)],
            format!("{shown} is over 16 MiB; dropwatch edits only a config a person could write"),
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        EditError::Invalid(
            ConfigError::whole_file(
                &path.display().to_string(),
                "the config is not UTF-8 text",
                Some("save it as UTF-8 TOML".into()),
            )
            .into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::edit::NewEvent;

    const TEXT: &str = "# my comeback list\ntitle = \"mine\" # keep this\n\n[[event]]\nname = \"With You\" # the OST\nat = \"2022-04-24 23:00\"\nzone = \"Asia/Seoul\"\n";

    fn new_event() -> NewEvent {
        NewEvent {
            name: "Drama".into(),
            at: "2026-12-05 18:00".into(),
            zone: "Asia/Seoul".into(),
            ..NewEvent::default()
        }
    }

    #[test]
    fn a_file_edit_that_would_not_load_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, TEXT).unwrap();
        let bad = NewEvent {
            zone: "Seoul".into(),
            ..new_event()
        };
        let err = edit_file(&path, |e| e.add_event(&bad)).err().unwrap();
        assert!(err.to_string().contains("Asia/Seoul"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), TEXT);
        let (id, c) = edit_file(&path, |e| e.add_event(&new_event())).unwrap();
        assert_eq!((id.as_str(), c.events.len()), ("drama", 2));
    }
}
