//! What dropwatch hands to other tools: completion scripts the shells accept and that complete
//! event ids, the man page, and the config's JSON Schema (checked in, and true to the config).

mod common;

use common::{dropwatch, fails};

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const SCHEMA: &str = include_str!("../assets/dropwatch.schema.json");

/// stdout of a run that must succeed.
fn output(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A config with two events, `first` and `second`.
fn two_events(first: &str, second: &str) -> String {
    format!(
        "[[event]]\nid = \"{first}\"\nname = \"First\"\nat = \"2030-01-01 00:00\"\nzone = \"UTC\"\n\n\
         [[event]]\nid = \"{second}\"\nname = \"Second\"\nat = \"2030-01-02 00:00\"\nzone = \"UTC\"\n"
    )
}

/// A temp dir holding `dropwatch.toml` (events alpha, beta-2), `other.toml` (gamma, delta) and
/// each shell's completion script, written by the binary.
fn completion_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("dropwatch.toml"), two_events("alpha", "beta-2")).unwrap();
    std::fs::write(d.join("other.toml"), two_events("gamma", "delta")).unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = output(dropwatch(d).args(["completions", shell]));
        assert!(script.contains("dropwatch"), "{shell}: {script}");
        std::fs::write(d.join(format!("dropwatch.{shell}")), script).unwrap();
    }
    dir
}

/// PATH with the binary's directory first, as for a user who installed it: the scripts call
/// `dropwatch` back for candidates.
fn path_with_binary() -> String {
    let bin_dir = PathBuf::from(env!("CARGO_BIN_EXE_dropwatch"))
        .parent()
        .unwrap()
        .to_path_buf();
    let mut paths = vec![bin_dir];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap().into_string().unwrap()
}

#[test]
fn completion_scripts_pass_the_shells_syntax_checks() {
    let dir = completion_dir();
    let d = dir.path();
    // bash is always here; the others are checked where installed.
    let checks: [(&str, &[&str]); 3] = [
        ("bash", &["-n"]),
        ("zsh", &["-n"]),
        ("fish", &["--no-execute"]),
    ];
    for (shell, flags) in checks {
        if shell != "bash" && !common::have_shell(shell) {
            continue;
        }
        let out = Command::new(shell)
            .args(flags)
            .arg(d.join(format!("dropwatch.{shell}")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{shell} rejects its script: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// What bash's completion function offers for `words` (the last being completed), with the
/// script sourced as a user's shell would.
fn bash_complete(dir: &Path, words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let script = r#"
source ./dropwatch.bash
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
COMP_TYPE=9
_clap_complete_dropwatch dropwatch "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let mut cmd = Command::new("bash");
    cmd.args(["--norc", "--noprofile", "-c", script, "bash"])
        .args(words)
        .current_dir(dir)
        .env("PATH", path_with_binary())
        .env_remove("DROPWATCH_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env("HOME", dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    output(&mut assert_cmd::Command::from_std(cmd))
        .lines()
        .map(str::to_string)
        .collect()
}

/// The candidates that are not options.
fn values(candidates: &[String]) -> Vec<&str> {
    candidates
        .iter()
        .map(String::as_str)
        .filter(|c| !c.starts_with('-'))
        .collect()
}

#[test]
fn bash_completes_the_event_ids_of_the_config_the_command_would_load() {
    let dir = completion_dir();
    let d = dir.path();
    // ./dropwatch.toml
    let offered = bash_complete(d, &["dropwatch", "log", ""], &[]);
    assert_eq!(values(&offered), ["alpha", "beta-2"], "{offered:?}");
    assert!(offered.iter().any(|c| c == "--platform"), "{offered:?}");
    assert_eq!(
        bash_complete(d, &["dropwatch", "log", "b"], &[]),
        ["beta-2"]
    );
    // --config on the line being completed, either spelling.
    let offered = bash_complete(d, &["dropwatch", "--config", "other.toml", "log", ""], &[]);
    assert_eq!(values(&offered), ["gamma", "delta"]);
    let offered = bash_complete(d, &["dropwatch", "log", "--config=other.toml", ""], &[]);
    assert_eq!(values(&offered), ["gamma", "delta"]);
    // $DROPWATCH_CONFIG.
    let offered = bash_complete(
        d,
        &["dropwatch", "log", ""],
        &[("DROPWATCH_CONFIG", "other.toml")],
    );
    assert_eq!(values(&offered), ["gamma", "delta"]);
    // A config that does not load offers no ids, and prints nothing into the prompt.
    std::fs::write(d.join("broken.toml"), "[[event]\n").unwrap();
    let offered = bash_complete(d, &["dropwatch", "--config", "broken.toml", "log", ""], &[]);
    assert_eq!(values(&offered), Vec::<&str>::new(), "{offered:?}");
    // Subcommands and shells complete too.
    let offered = bash_complete(d, &["dropwatch", "comp"], &[]);
    assert_eq!(offered, ["completions"]);
    let offered = bash_complete(d, &["dropwatch", "completions", ""], &[]);
    assert_eq!(
        values(&offered),
        ["bash", "elvish", "fish", "powershell", "zsh"]
    );
}

#[test]
fn fish_and_zsh_get_the_ids_with_the_event_names() {
    let dir = completion_dir();
    let d = dir.path();
    if common::have_shell("fish") {
        let mut fish = Command::new("fish");
        fish.args(["--no-config", "-c"])
            .arg("source dropwatch.fish; complete -C 'dropwatch --config other.toml log '")
            .current_dir(d)
            .env("PATH", path_with_binary())
            .env("HOME", d);
        let offered = output(&mut assert_cmd::Command::from_std(fish));
        let ids: Vec<&str> = offered.lines().filter(|l| !l.starts_with('-')).collect();
        assert_eq!(ids, ["gamma\tFirst", "delta\tSecond"], "{offered}");
    }
    // zsh's script makes this call back; zsh itself only draws the menu.
    let offered = output(
        dropwatch(d)
            .args(["--", "dropwatch", "log", ""])
            .env("_DROPWATCH_COMPLETE", "zsh")
            .env("_CLAP_COMPLETE_INDEX", "2"),
    );
    let ids: Vec<&str> = offered.lines().filter(|l| !l.starts_with('-')).collect();
    assert_eq!(ids, ["alpha:First", "beta-2:Second"], "{offered}");
}

#[test]
fn without_the_call_back_variable_a_run_is_a_normal_run() {
    let dir = tempfile::tempdir().unwrap();
    // The call-back's arguments are a usage error to a normal run.
    let out = dropwatch(dir.path())
        .args(["--", "dropwatch", "log", ""])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // The common COMPLETE variable is not ours.
    let out = dropwatch(dir.path())
        .arg("check")
        .env("COMPLETE", "bash")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("embedded default: ok"));
}

#[test]
fn man_page_has_its_header_and_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let page = output(dropwatch(dir.path()).arg("man"));
    let header = page.lines().find(|l| l.starts_with(".TH")).unwrap();
    assert!(header.starts_with(".TH dropwatch 1 "), "{header}");
    assert!(page.contains(".SH SYNOPSIS"));
    assert!(page.contains(".SH SUBCOMMANDS"));
    for sub in ["check", "init", "log", "completions", "man", "schema"] {
        assert!(
            page.contains(&format!("\\fBdropwatch {sub} ")),
            "{sub} missing from:\n{page}"
        );
    }
    // Arguments of a subcommand are on the page too.
    assert!(page.contains("\\fB\\-\\-platform\\fR"), "{page}");
    assert!(page.contains("bash, elvish, fish, powershell, zsh"));
}

#[test]
fn checked_in_schema_is_what_the_config_types_generate() {
    let dir = tempfile::tempdir().unwrap();
    let printed = output(dropwatch(dir.path()).arg("schema"));
    assert!(
        printed == SCHEMA,
        "assets/dropwatch.schema.json is out of date with the config types; regenerate it with\n  \
         cargo run -- schema > assets/dropwatch.schema.json"
    );
}

/// TOML as the JSON an editor validates: datetimes become strings.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::from(n),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// The schema's complaints about `toml_text`, empty when it validates.
fn schema_errors(toml_text: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let instance = toml_to_json(toml::from_str(toml_text).unwrap());
    validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_embedded_default_validates_against_the_schema() {
    let errors = schema_errors(dropwatch::config::DEFAULT_TOML);
    assert!(errors.is_empty(), "{errors:#?}");
    // What `init` writes, with its schema line, too.
    let errors = schema_errors(&dropwatch::config::schema::init_text());
    assert!(errors.is_empty(), "{errors:#?}");
    // TOML datetimes are times as well.
    let errors = schema_errors(
        "[[event]]\nname = \"X\"\nat = 2022-04-24T23:00:00+09:00\nzone = \"Asia/Seoul\"\n",
    );
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_refuses_what_the_parser_refuses() {
    let unknown = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/unknown_key.toml"),
    )
    .unwrap();
    assert!(!schema_errors(&unknown).is_empty());
    let top = format!("colour = \"red\"\n{}", dropwatch::config::DEFAULT_TOML);
    let errors = schema_errors(&top);
    assert!(errors.iter().any(|e| e.contains("colour")), "{errors:#?}");
    let missing = "[[event]]\nname = \"X\"\nzone = \"UTC\"\n";
    let errors = schema_errors(missing);
    assert!(errors.iter().any(|e| e.contains("\"at\"")), "{errors:#?}");
    let float = "[[streams]]\nevent = \"x\"\nwindow_end = \"2030-01-01 00:00\"\ncount = 1.5\n";
    assert!(!schema_errors(float).is_empty());
}

#[test]
fn a_top_level_schema_key_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "\"$schema\" = \"./dropwatch.schema.json\"\n{}",
        dropwatch::config::DEFAULT_TOML
    );
    std::fs::write(dir.path().join("dropwatch.toml"), &text).unwrap();
    let printed = output(dropwatch(dir.path()).arg("check"));
    assert!(printed.contains("dropwatch.toml: ok"), "{printed}");
    assert!(schema_errors(&text).is_empty());
    // Other keys are still refused.
    std::fs::write(
        dir.path().join("dropwatch.toml"),
        format!("\"$schemas\" = \"x\"\n{}", dropwatch::config::DEFAULT_TOML),
    )
    .unwrap();
    let out = dropwatch(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn init_writes_the_schema_directive_and_the_schema_beside_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let printed = output(dropwatch(d).args(["--config", "cfg/fan.toml", "init"]));
    let written = std::fs::read_to_string(d.join("cfg/fan.toml")).unwrap();
    assert_eq!(
        written.lines().next(),
        Some("#:schema ./dropwatch.schema.json")
    );
    // The directive's relative path is resolved from the config's directory.
    let schema = std::fs::read_to_string(d.join("cfg/dropwatch.schema.json")).unwrap();
    assert_eq!(schema, SCHEMA);
    assert!(printed.contains("dropwatch.schema.json"), "{printed}");
    let checked = output(dropwatch(d).args(["--config", "cfg/fan.toml", "check"]));
    assert!(checked.contains("ok"), "{checked}");
}

/// `bar` writes a line only when its text changes: every second while it shows seconds, and
/// only when its text moves when it shows none. The test waits for lines, never for time: a
/// replay at 3600x reaches the release a second after it starts.
#[test]
fn bar_writes_a_line_when_its_text_changes() {
    let dir = tempfile::tempdir().unwrap();
    // The first `n` lines `bar` writes with `args` (after `global` flags), each waited for
    // (bounded), then it is killed.
    let run = |global: &[&str], args: &[&str], n: usize| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dropwatch"))
            .current_dir(dir.path())
            .env_remove("DROPWATCH_CONFIG")
            .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
            .args(global)
            .args(["bar", "--at", "2022-04-24T13:00:00Z"])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let lines = common::lines_of(child.stdout.take().unwrap());
        let got: Vec<String> = (0..n)
            .map_while(|_| lines.recv_timeout(std::time::Duration::from_secs(20)).ok())
            .collect();
        child.kill().unwrap();
        child.wait().unwrap();
        got
    };
    // A line a second, each a second on from the last (the first is the start's second, or
    // the next when the machine was slow to start the process).
    let ticking = run(&[], &[], 2);
    let secs = |line: &str| {
        let t = line
            .strip_prefix("With You in ")
            .unwrap_or_else(|| panic!("{line}"));
        t.split(':')
            .fold(0, |acc, n| acc * 60 + n.parse::<u32>().unwrap())
    };
    assert_eq!(ticking.len(), 2, "{ticking:?}");
    assert!((3598..=3600).contains(&secs(&ticking[0])), "{ticking:?}");
    assert_eq!(secs(&ticking[1]), secs(&ticking[0]) - 1, "{ticking:?}");
    // No seconds shown: one line while the phase holds, the next when it changes, though
    // every second of the hour between was a turn of the loop.
    let still = run(&["--speed", "3600"], &["--template", "{name} · {phase}"], 2);
    assert_eq!(still, ["With You · imminent", "With You · live"]);
    let waybar = run(&[], &["--format", "waybar", "--template", "{name}"], 1);
    let v: Value = serde_json::from_str(&waybar[0]).unwrap();
    assert_eq!(v["text"], "With You");
    assert_eq!(v["class"], "imminent");
    assert!(
        v["tooltip"].as_str().unwrap().contains("Proof in 46d"),
        "{v}"
    );
}

#[test]
fn bar_i3bar_protocol_and_bad_templates() {
    let dir = tempfile::tempdir().unwrap();
    let out = output(dropwatch(dir.path()).args([
        "bar",
        "--once",
        "--format",
        "i3bar",
        "--at",
        "2022-04-24T13:00:00Z",
    ]));
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("{\"version\":1}"));
    assert_eq!(lines.next(), Some("["));
    let blocks: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(blocks[0]["full_text"], "With You in 1:00:00");
    fails(
        dropwatch(dir.path()).args(["bar", "--template", "{name} {lefts}"]),
        2,
        "unknown field {lefts}",
    );
    let help = output(dropwatch(dir.path()).args(["bar", "--help"]));
    assert!(help.contains("{per_hour}"), "{help}");
}

/// `bar` reloads as the dashboard does: a broken config keeps the last good one and says so
/// once on stderr and in waybar's tooltip and class, and a fixed one is taken up by itself.
#[test]
fn bar_says_when_the_config_breaks_and_recovers_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("fan.toml");
    std::fs::write(&config, dropwatch::config::DEFAULT_TOML).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dropwatch"))
        .current_dir(dir.path())
        .args(["--config", "fan.toml", "--at", "2022-04-24T13:00:00Z"])
        .args(["bar", "--format", "waybar", "--template", "{name}"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = common::lines_of(child.stdout.take().unwrap());
    let errors = common::lines_of(child.stderr.take().unwrap());
    let wait = std::time::Duration::from_secs(20);
    let next = |rx: &std::sync::mpsc::Receiver<String>, what: &str| {
        rx.recv_timeout(wait)
            .unwrap_or_else(|_| panic!("no line for {what}"))
    };
    // The tooltip ticks each second: the first line that shows `what`, skipping the ticks.
    let first_with = |what: &str, pred: &dyn Fn(&Value) -> bool| loop {
        let v: Value = serde_json::from_str(&next(&lines, what)).unwrap();
        if pred(&v) {
            break v;
        }
    };
    let first = first_with("the start", &|_| true);
    assert_eq!(first["class"], "imminent");
    let good = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{good}\nthis is = = broken [[\n")).unwrap();
    let broken = first_with("the break", &|v| v["class"] == "error");
    assert_eq!(broken["text"], "With You", "the last good config stays");
    let tooltip = broken["tooltip"].as_str().unwrap();
    assert!(tooltip.starts_with("✗ fan.toml:"), "{tooltip}");
    let said = next(&errors, "the break on stderr");
    assert!(
        said.starts_with("bar: keeping the last good config: fan.toml:"),
        "{said}"
    );
    std::fs::write(&config, good.replace("With You", "With Me")).unwrap();
    let fixed = first_with("the fix", &|v| v["class"] != "error");
    assert_eq!(fixed["class"], "imminent", "{fixed}");
    assert_eq!(fixed["text"], "With Me");
    assert_eq!(
        next(&errors, "the fix on stderr"),
        "bar: fan.toml is good again"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}
