//! The tree is the map: this reads every file under `src/` as text, works out which file each
//! `crate::…`, `super::…` and re-export path names, and holds the rules of the layers: no import
//! circle between files or between top-level folders, the state and the pure math import no
//! module that does I/O, `cli` imports no command, and at most six files sit in `src/` itself.
//! Test modules are left out: a test may reach for anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One source file: its module path ("config::parse"), its file, and its text without tests
/// and comments.
struct Module {
    path: Vec<String>,
    file: PathBuf,
    code: String,
}

fn modules() -> Vec<Module> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            // `tests.rs` is a test module in a file of its own.
            if p.extension().is_none_or(|e| e != "rs")
                || p.ends_with("main.rs")
                || p.ends_with("tests.rs")
            {
                continue;
            }
            let rel: Vec<String> = p
                .strip_prefix(&root)
                .unwrap()
                .with_extension("")
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            let is_dir = matches!(rel.last().map(String::as_str), Some("mod" | "lib"));
            let path = if is_dir {
                rel[..rel.len() - 1].to_vec()
            } else {
                rel
            };
            let code = code_of(&std::fs::read_to_string(&p).unwrap());
            out.push(Module {
                path,
                file: p,
                code,
            });
        }
    }
    out
}

/// The text before the test module, without `//` comments (doc links name paths too).
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every path written in `code` that starts at `crate`, `super` or `self`, with one level of
/// `{a, b::c}` groups spread out, plus `pub use a::b` re-exports (relative to the module).
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        let head = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|h| rest.starts_with(h));
        if !starts_word || head.is_none() {
            i += 1;
            continue;
        }
        let (path, end) = read_path(&bytes, i);
        i = end;
        if bytes.get(end) == Some(&'{') {
            let close = bytes[end..].iter().position(|&c| c == '}').unwrap() + end;
            let inner: String = bytes[end + 1..close].iter().collect();
            for item in inner.split(',') {
                let item: Vec<String> = item
                    .split(" as ")
                    .next()
                    .unwrap()
                    .trim()
                    .split("::")
                    .filter(|s| !s.is_empty() && *s != "self")
                    .map(str::to_string)
                    .collect();
                let mut p = path.clone();
                p.extend(item);
                out.push(p);
            }
            i = close;
        } else {
            out.push(path);
        }
    }
    for line in code.lines() {
        let line = line.trim();
        if let Some(rest) = line
            .strip_prefix("pub use ")
            .or(line.strip_prefix("pub(crate) use "))
            && !rest.starts_with("crate::")
            && !rest.starts_with("super::")
            && !rest.starts_with("self::")
        {
            let first = rest.split("::").next().unwrap_or("").trim();
            out.push(vec!["self".to_string(), first.to_string()]);
        }
    }
    out
}

/// The `use` statements of `code`, each on one line however it was wrapped.
fn statements(code: &str) -> Vec<String> {
    code.split(';')
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter_map(|s| {
            let at = ["pub use ", "pub(crate) use "]
                .iter()
                .filter_map(|w| s.rfind(w))
                .max()?;
            Some(s[at..].to_string())
        })
        .collect()
}

/// Paths into the modules `m` declares itself (`mod next;` … `next::digit_size(…)`), which
/// name no `crate`, `super` or `self`: a folder's module using its children.
fn child_paths(m: &Module) -> Vec<Vec<String>> {
    let children: Vec<&str> = m
        .code
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l
                .strip_prefix("pub ")
                .or(l.strip_prefix("pub(crate) "))
                .unwrap_or(l);
            l.strip_prefix("mod ")?.strip_suffix(';')
        })
        .collect();
    let mut out = Vec::new();
    for child in children {
        let word = format!("{child}::");
        let mut rest = m.code.as_str();
        while let Some(at) = rest.find(&word) {
            let before = rest[..at].chars().next_back();
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                out.push(vec!["self".to_string(), child.to_string()]);
            }
            rest = &rest[at + word.len()..];
        }
    }
    out
}

/// The path starting at `i`: its segments and where it stops (at `{` for a group).
fn read_path(chars: &[char], mut i: usize) -> (Vec<String>, usize) {
    let mut segs = Vec::new();
    let mut seg = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            seg.push(c);
            i += 1;
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            segs.push(std::mem::take(&mut seg));
            i += 2;
            if chars.get(i) == Some(&'{') {
                return (segs, i);
            }
        } else {
            break;
        }
    }
    if !seg.is_empty() {
        segs.push(seg);
    }
    (segs, i)
}

/// The file a path written in `from` names: the deepest module it walks into, or, for an item
/// a folder's module re-exports, the module it re-exports it from.
fn resolve(
    from: &Module,
    path: &[String],
    all: &BTreeMap<Vec<String>, usize>,
    mods: &[Module],
) -> Option<usize> {
    let mut here: Vec<String> = Vec::new();
    let mut segs = path.iter().peekable();
    match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segs.next();
        }
        Some("super") | Some("self") => {
            here = from.path.clone();
            while segs.peek().map(|s| s.as_str()) == Some("super") {
                segs.next();
                here.pop();
            }
            if segs.peek().map(|s| s.as_str()) == Some("self") {
                segs.next();
            }
        }
        _ => return None,
    }
    for seg in segs {
        let mut next = here.clone();
        next.push(seg.clone());
        if all.contains_key(&next) {
            here = next;
            continue;
        }
        // An item of `here`: follow a re-export of it to its own module.
        let m = &mods[*all.get(&here)?];
        if let Some(target) = reexport(m, seg, all) {
            return Some(target);
        }
        break;
    }
    all.get(&here).copied()
}

/// The module `m` re-exports `name` from (`pub use sub::Name;`, `pub use sub::{A, Name}`).
fn reexport(m: &Module, name: &str, all: &BTreeMap<Vec<String>, usize>) -> Option<usize> {
    for stmt in statements(&m.code) {
        let line = stmt.as_str();
        let Some(rest) = line
            .strip_prefix("pub use ")
            .or(line.strip_prefix("pub(crate) use "))
        else {
            continue;
        };
        let words: Vec<&str> = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        if words.contains(&name) && !rest.starts_with("crate::") && !rest.starts_with("super::") {
            let mut p = m.path.clone();
            p.push(words[0].to_string());
            if let Some(&i) = all.get(&p) {
                return Some(i);
            }
        }
    }
    None
}

/// Edges between files: from each module to each other module it names.
fn graph(mods: &[Module]) -> BTreeMap<usize, BTreeSet<usize>> {
    let all: BTreeMap<Vec<String>, usize> = mods
        .iter()
        .enumerate()
        .map(|(i, m)| (m.path.clone(), i))
        .collect();
    let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, m) in mods.iter().enumerate() {
        for p in paths(&m.code).into_iter().chain(child_paths(m)) {
            if let Some(j) = resolve(m, &p, &all, mods)
                && j != i
                && !mods[j].path.is_empty()
            {
                edges.entry(i).or_default().insert(j);
            }
        }
    }
    edges
}

/// The cycles of a graph, one per strongly connected component of two or more nodes.
fn cycles<T: Ord + Clone>(edges: &BTreeMap<T, BTreeSet<T>>) -> Vec<Vec<T>> {
    let nodes: BTreeSet<T> = edges
        .iter()
        .flat_map(|(a, bs)| std::iter::once(a.clone()).chain(bs.iter().cloned()))
        .collect();
    let reach = |from: &T| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(n) = todo.pop() {
            for m in edges.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    todo.push(m.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<T, BTreeSet<T>> = nodes.iter().map(|n| (n.clone(), reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(n) || !reaches[n].contains(n) {
            continue;
        }
        let scc: Vec<T> = nodes
            .iter()
            .filter(|m| reaches[n].contains(*m) && reaches[*m].contains(n))
            .cloned()
            .collect();
        done.extend(scc.iter().cloned());
        out.push(scc);
    }
    out
}

fn name(m: &Module) -> String {
    m.file
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .display()
        .to_string()
}

/// The top-level folder (or file) a module sits in.
fn layer(m: &Module) -> String {
    m.path.first().cloned().unwrap_or_default()
}

/// Whether a file itself touches the outside world.
fn does_io(m: &Module) -> bool {
    [
        "std::fs",
        "fs::",
        "File::",
        "OpenOptions",
        "std::process",
        "Command::new",
        "ureq",
        "notify::",
        "stdout()",
        "stderr()",
        "println!",
        "eprintln!",
        "thread::spawn",
        "std::env::var",
    ]
    .iter()
    .any(|w| m.code.contains(w))
}

#[test]
fn no_import_circle_between_files() {
    let mods = modules();
    let found: Vec<Vec<String>> = cycles(&graph(&mods))
        .into_iter()
        .map(|c| c.iter().map(|&i| name(&mods[i])).collect())
        .collect();
    assert!(found.is_empty(), "import circles between files: {found:#?}");
}

#[test]
fn no_import_circle_between_folders() {
    let mods = modules();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, bs) in graph(&mods) {
        for b in bs {
            let (la, lb) = (layer(&mods[a]), layer(&mods[b]));
            if la != lb && la != "testing" {
                edges.entry(la).or_default().insert(lb);
            }
        }
    }
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "import circles between folders: {found:?}\n{edges:#?}"
    );
}

#[test]
fn the_state_and_the_pure_math_import_no_io() {
    let mods = modules();
    let edges = graph(&mods);
    let mut wrong = Vec::new();
    for (i, m) in mods.iter().enumerate() {
        if !["app", "values", "lang", "streams", "view"].contains(&layer(m).as_str()) {
            continue;
        }
        let clock = m.path == ["values", "clock"];
        if does_io(m) && !clock {
            wrong.push(format!("{} does I/O itself", name(m)));
        }
        for &j in edges.get(&i).into_iter().flatten() {
            if does_io(&mods[j]) && layer(&mods[j]) != "testing" {
                wrong.push(format!(
                    "{} imports {}, which does I/O",
                    name(m),
                    name(&mods[j])
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn cli_imports_no_command() {
    let mods = modules();
    let edges = graph(&mods);
    let mut wrong = Vec::new();
    for (i, m) in mods.iter().enumerate().filter(|(_, m)| layer(m) == "cli") {
        for &j in edges.get(&i).into_iter().flatten() {
            if layer(&mods[j]) == "commands" {
                wrong.push(format!("{} imports {}", name(m), name(&mods[j])));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn at_most_six_files_sit_in_src() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top: Vec<String> = std::fs::read_dir(src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(top.len() <= 6, "{top:?}");
}

#[test]
fn the_reader_finds_what_it_must() {
    // The rules above are only as good as the reading: check it on a known shape.
    let p =
        paths("use crate::config::{self, Config, types::Event};\nlet x = super::super::fit(a);");
    assert!(p.contains(&vec!["crate".into(), "config".into()]));
    assert!(p.contains(&vec![
        "crate".into(),
        "config".into(),
        "types".into(),
        "Event".into()
    ]));
    assert!(p.contains(&vec!["super".into(), "super".into(), "fit".into()]));
    let mods = modules();
    let edges = graph(&mods);
    let find = |n: &str| mods.iter().position(|m| m.path.join("::") == n).unwrap();
    // `view` reads the state: that edge must be seen, or the rules see nothing.
    assert!(edges[&find("view")].contains(&find("app")));
    assert!(
        cycles(&BTreeMap::from([
            (1, BTreeSet::from([2])),
            (2, BTreeSet::from([1]))
        ]))
        .len()
            == 1
    );
}

/// The layers from the bottom up: a folder (or top-level file) imports only those before it.
/// The README's module table lists them in this order.
const ORDER: &[&str] = &[
    "values", "lang", "files", "config", "failure", "readings", "streams", "sources", "app",
    "view", "ui", "card", "runtime", "terminal", "cli", "commands", "testing",
];

#[test]
fn every_folder_imports_only_the_layers_below_it() {
    let mods = modules();
    let at = |l: &str| ORDER.iter().position(|o| *o == l);
    let mut wrong = Vec::new();
    for (a, bs) in graph(&mods) {
        for b in bs {
            let (la, lb) = (layer(&mods[a]), layer(&mods[b]));
            match (at(&la), at(&lb)) {
                (Some(x), Some(y)) if y <= x => {}
                (None, _) => wrong.push(format!("{la} is not in ORDER")),
                _ => wrong.push(format!(
                    "{} imports {}, a layer above it",
                    name(&mods[a]),
                    name(&mods[b])
                )),
            }
        }
    }
    wrong.dedup();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
