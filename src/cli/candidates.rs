//! Candidates the completion scripts offer: the event ids of the config that the command line
//! being completed would load.

use std::ffi::OsString;
use std::path::PathBuf;

use clap_complete::CompletionCandidate;

use crate::config;

/// The event ids of the config that the command line being completed would load (its
/// `--config`, else the usual search), each with the event's name as help. None when the config
/// does not load: completion stays quiet rather than printing errors into the prompt.
pub(crate) fn event_ids() -> Vec<CompletionCandidate> {
    let named = config_arg(std::env::args_os())
        .map(|p| (p, "--config"))
        .or_else(|| {
            std::env::var_os("DROPWATCH_CONFIG")
                .filter(|v| !v.is_empty())
                .map(|v| (std::path::PathBuf::from(v), "$DROPWATCH_CONFIG"))
        });
    let loaded = config::locate(named.as_ref().map(|(p, by)| (p.as_path(), *by)))
        .ok()
        .and_then(|source| config::load(&source).ok());
    let Some(config) = loaded else {
        return Vec::new();
    };
    config
        .events
        .iter()
        .map(|e| CompletionCandidate::new(&e.id).help(Some(e.name.clone().into())))
        .collect()
}

/// The language codes, each with its own name as help.
pub(crate) fn langs() -> Vec<CompletionCandidate> {
    crate::lang::Lang::ALL
        .iter()
        .map(|l| CompletionCandidate::new(l.code()).help(Some(l.native_name().into())))
        .collect()
}

/// The `--config PATH` (or `--config=PATH`) among the words being completed, which follow `--`
/// in the call-back's arguments.
fn config_arg(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let words: Vec<OsString> = args.into_iter().skip_while(|a| a != "--").skip(1).collect();
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let Some(text) = word.to_str() else { continue };
        if text == "--" {
            break;
        }
        if text == "--config" {
            found = words.get(i + 1).map(PathBuf::from);
        } else if let Some(path) = text.strip_prefix("--config=") {
            found = Some(PathBuf::from(path));
        }
    }
    found.filter(|p| !p.as_os_str().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn config_arg_reads_the_completed_words() {
        let found = |w: &[&str]| config_arg(args(w));
        assert_eq!(found(&["dropwatch", "--", "dropwatch", "log", ""]), None);
        assert_eq!(
            found(&[
                "dropwatch",
                "--",
                "dropwatch",
                "--config",
                "a.toml",
                "log",
                ""
            ]),
            Some(PathBuf::from("a.toml"))
        );
        assert_eq!(
            found(&["dropwatch", "--", "dropwatch", "log", "--config=b.toml", ""]),
            Some(PathBuf::from("b.toml"))
        );
        // Still being typed: nothing yet.
        assert_eq!(found(&["dropwatch", "--", "dropwatch", "--config"]), None);
        // Before the call-back's `--` is not the user's command line.
        assert_eq!(found(&["dropwatch", "--config", "x.toml", "--"]), None);
    }
}
