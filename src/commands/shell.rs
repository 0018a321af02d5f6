//! Shell integration: completion scripts that ask the binary for candidates (so `dropwatch log
//! <TAB>` offers the event ids of the user's config), and the man page.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_complete::env::Shells;
use roff::{Inline, Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::cli::complete::{BIN, COMPLETE_VAR};

/// Writes the completion script for `shell`: it registers a function that calls back
/// `_DROPWATCH_COMPLETE=SHELL dropwatch -- WORDS...` for candidates.
pub(crate) fn write_completions(shell: Shell, out: &mut dyn Write) -> std::io::Result<()> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| std::io::Error::other(format!("no completion support for {name}")))?;
    completer.write_registration(COMPLETE_VAR, BIN, BIN, BIN, out)?;
    if shell == Shell::Zsh {
        // The script registers itself with `compdef` when sourced. Autoloaded from `_dropwatch`
        // on $fpath, it runs as the completion function instead: then complete right away
        // rather than only from the second TAB on.
        writeln!(
            out,
            "if [[ \"${{funcstack[1]}}\" == _{BIN} ]]; then _clap_dynamic_completer_{BIN} \"$@\"; fi"
        )?;
    }
    Ok(())
}

/// Writes the man page (roff) for the whole command line: one page, so each subcommand's usage
/// and arguments are on it rather than on pages of their own that nobody installs.
pub(crate) fn write_man(out: &mut dyn Write) -> std::io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut page = Roff::new();
    page.control("SH", ["SUBCOMMANDS"]);
    for sub in cmd.get_subcommands_mut() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let usage = sub.render_usage().to_string();
        page.control("TP", [])
            .text([bold(usage.trim_start_matches("Usage: ").trim())]);
        if let Some(about) = sub.get_about() {
            page.text([roman(about.to_string())]);
        }
        let own = sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set() && a.get_id() != "help");
        let mut any = false;
        for arg in own {
            if !any {
                page.control("RS", []);
                any = true;
            }
            page.control("TP", []).text(arg_tag(arg));
            let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let choices: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if arg.get_action().takes_values() && !choices.is_empty() {
                help.push_str(&format!(" [possible values: {}]", choices.join(", ")));
            }
            page.text([roman(help)]);
        }
        if any {
            page.control("RE", []);
        }
    }
    page.to_writer(out)?;
    man.render_version_section(out)
}

/// How an argument is named in the man page: `--platform <P>` or `<EVENT>`.
fn arg_tag(arg: &clap::Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    match arg.get_long() {
        Some(long) if arg.get_action().takes_values() => {
            vec![
                bold(format!("--{long}")),
                roman(" "),
                italic(format!("<{value}>")),
            ]
        }
        Some(long) => vec![bold(format!("--{long}"))],
        None => vec![italic(format!("<{value}>"))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_has_a_script() {
        for shell in [
            Shell::Bash,
            Shell::Elvish,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Zsh,
        ] {
            let mut out = Vec::new();
            write_completions(shell, &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains(COMPLETE_VAR), "{shell}: {text}");
        }
    }
}
