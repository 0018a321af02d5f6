//! `dropwatch import` and `dropwatch export --ics`: a comeback calendar's events into the
//! config (each keeping its UID, so importing again updates, never doubles), and the config's
//! events out as a calendar a phone imports.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use chrono_tz::Tz;

use super::output::print;
use super::setup::source;
use crate::cli::settings::Settings;
use crate::config::calendar::{self, Imported};
use crate::config::edit::NewEvent;
use crate::config::store::edit_file;
use crate::config::{Config, Source};
use crate::failure::Failure;
use crate::values::text::quote;

/// The largest calendar read, from a file or a server: a fan calendar of years is well under
/// a megabyte.
const MAX_ICS: u64 = 8 << 20;
/// What `import` was asked.
pub(crate) struct Import<'a> {
    /// A file or a URL.
    pub(crate) from: &'a str,
    /// `--match`.
    pub(crate) matching: Option<&'a str>,
    /// `--zone`.
    pub(crate) zone: Option<&'a str>,
    /// `--timeout`, as written.
    pub(crate) timeout: &'a str,
    /// `--dry-run`.
    pub(crate) dry_run: bool,
}

/// What importing does to one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A new event.
    Add(NewEvent),
    /// The event `id` changed its name or time: the keys to set, and how it was.
    Change {
        /// The event's id.
        id: String,
        /// New `name`, when it changed.
        name: Option<String>,
        /// New `at`, when it changed.
        at: Option<String>,
        /// What it said before, for the report.
        was: String,
    },
    /// The event `id` is as the calendar says.
    Same(String),
}

/// Imports `from` (a file or a URL) into the config.
pub(crate) fn import(settings: &Settings, args: &Import<'_>) -> Result<(), Failure> {
    let Import {
        from,
        matching,
        zone,
        dry_run,
        ..
    } = *args;
    let timeout = crate::values::when::parse_duration(args.timeout)
        .ok()
        .and_then(|d| d.to_std().ok())
        .filter(|d| !d.is_zero())
        .ok_or_else(|| Failure::Usage("--timeout: write a duration such as 30s".into()))?;
    let floating = match zone {
        Some(z) => crate::values::when::parse_zone(z)
            .map_err(|e| Failure::Usage(format!("--zone: {e}")))?,
        None => settings.local_zone,
    };
    let text = fetch(from, timeout)?;
    let read = calendar::read(&text, floating, matching)
        .map_err(|e| Failure::Usage(format!("{}: {e}", shown(from))))?;
    for why in &read.skipped {
        eprintln!("skipped {why}");
    }
    let source = source(settings)?;
    let config = crate::runtime::load::config(&source)?;
    let steps = plan(&config, &read.events);
    if dry_run {
        return report(&steps, &config, true);
    }
    let path = match source {
        Source::File(p) => p,
        Source::Embedded => super::setup::config_to_edit(settings)?,
    };
    let apply = steps.clone();
    edit_file(&path, move |e| {
        for step in &apply {
            match step {
                Step::Add(event) => {
                    e.add_event(event)?;
                }
                Step::Change { id, name, at, .. } => {
                    e.set_event(id, &[("name", name.as_deref()), ("at", at.as_deref())])?;
                }
                Step::Same(_) => {}
            }
        }
        Ok(())
    })
    .map_err(super::setup::edit_failure)?;
    report(&steps, &config, false)?;
    print(format_args!("into {}", path.display()))
}

/// The calendar's text, from a file or an http(s):// or webcal:// URL, at most [`MAX_ICS`].
fn fetch(from: &str, timeout: Duration) -> Result<String, Failure> {
    let bytes = if let Some(url) = url_of(from) {
        get(&url, from, timeout)?
    } else {
        let path = Path::new(from);
        crate::files::require_regular(path, "the calendar").map_err(Failure::Usage)?;
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::Usage(format!("cannot read {from}: {e}")))?;
        let mut bytes = Vec::new();
        file.take(MAX_ICS + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Usage(format!("cannot read {from}: {e}")))?;
        bytes
    };
    if bytes.len() as u64 > MAX_ICS {
        return Err(Failure::Usage(format!(
            "{} is over 8 MiB: not a calendar of comebacks",
            shown(from)
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| Failure::Usage(format!("{} is not UTF-8 text", shown(from))))
}

/// The URL to fetch when `from` is one: http(s) as it is, webcal (a calendar over https) as
/// https.
fn url_of(from: &str) -> Option<String> {
    let lower = from.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("webcal://") {
        return Some(format!("https://{}", &from[from.len() - rest.len()..]));
    }
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| from.to_string())
}

fn get(url: &str, as_given: &str, timeout: Duration) -> Result<Vec<u8>, Failure> {
    crate::sources::body(url, timeout, MAX_ICS, None).map_err(|e| {
        if let crate::sources::SourceError::TooLarge(_) = e {
            return Failure::Usage(format!(
                "{} is over 8 MiB: not a calendar of comebacks",
                shown(as_given)
            ));
        }
        // The message may quote the URL: its query (often a private calendar's token) is cut.
        let text = e.to_string().replace(url, &shown(url));
        Failure::runtime(format!("cannot fetch {}: {text}", shown(as_given)))
    })
}

/// A URL without its query and fragment, where a private calendar keeps its token.
fn shown(from: &str) -> String {
    match from.find(['?', '#']) {
        Some(i) if from.contains("://") => format!("{}?…", &from[..i]),
        _ => from.to_string(),
    }
}

/// What importing `events` into `config` does to each.
pub(crate) fn plan(config: &Config, events: &[Imported]) -> Vec<Step> {
    let mut ids: Vec<String> = config.events.iter().map(|e| e.id.clone()).collect();
    let mut seen_uids: Vec<&str> = Vec::new();
    let mut steps = Vec::new();
    for imp in events {
        // One UID twice in a calendar: the first counts.
        if seen_uids.contains(&imp.uid.as_str()) {
            continue;
        }
        seen_uids.push(&imp.uid);
        let existing = config.events.iter().find(|e| {
            e.uid == imp.uid
                || (e.uid.is_empty() && calendar::id_of_uid(&imp.uid) == Some(e.id.as_str()))
        });
        let Some(e) = existing else {
            let id = unique_id(&imp.name, &ids);
            ids.push(id.clone());
            steps.push(Step::Add(NewEvent {
                id: id.clone(),
                name: imp.name.clone(),
                at: imp.at_text(imp.zone),
                zone: imp.zone.name().to_string(),
                uid: imp.uid.clone(),
                ..NewEvent::default()
            }));
            continue;
        };
        let same_time = if imp.tba {
            e.time_tba && crate::values::when::shown_in(e.at, e.zone).date_naive() == imp.day
        } else {
            !e.time_tba && e.at == imp.at
        };
        let name = (e.name != imp.name).then(|| imp.name.clone());
        let at = (!same_time).then(|| imp.at_text(e.zone));
        if name.is_none() && at.is_none() {
            steps.push(Step::Same(e.id.clone()));
        } else {
            steps.push(Step::Change {
                id: e.id.clone(),
                name,
                at,
                was: format!("{}, {}", e.name, when(e.at, e.zone, e.time_tba)),
            });
        }
    }
    steps
}

/// An id from `name` that none of `ids` has: its slug, then slug-2, slug-3, …
fn unique_id(name: &str, ids: &[String]) -> String {
    let base = match crate::config::slug(name) {
        s if s.is_empty() => "event".to_string(),
        s => s.chars().take(40).collect(),
    };
    let base = base.trim_end_matches('-').to_string();
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !ids.contains(id))
        .unwrap_or(base)
}

fn when(at: chrono::DateTime<chrono::Utc>, zone: Tz, tba: bool) -> String {
    let local = crate::values::when::shown_in(at, zone);
    if tba {
        local.format("%a %-d %b %Y, time TBA").to_string()
    } else {
        local.format("%a %-d %b %Y %H:%M %Z").to_string()
    }
}

/// Says what was (or would be) added, changed and left.
fn report(steps: &[Step], config: &Config, dry_run: bool) -> Result<(), Failure> {
    let (add, change) = if dry_run {
        ("would add", "would change")
    } else {
        ("added", "changed")
    };
    let mut same = 0;
    for step in steps {
        match step {
            Step::Add(e) => print(format_args!(
                "{add} {} ({}): {} {}",
                quote(&e.name),
                e.id,
                e.at,
                e.zone
            ))?,
            Step::Change { id, name, at, was } => {
                let mut what = Vec::new();
                if let Some(n) = name {
                    what.push(format!("name {}", quote(n)));
                }
                if let Some(a) = at {
                    let zone = config.event(id).map_or("", |e| e.zone.name());
                    what.push(format!("at {a} {zone}"));
                }
                print(format_args!(
                    "{change} {id}: {} (was {was})",
                    what.join(", ")
                ))?;
            }
            Step::Same(_) => same += 1,
        }
    }
    print(format_args!("{same} unchanged"))
}

/// Writes the config's events as iCalendar to `out`, or standard output.
pub(crate) fn export(settings: &Settings, out: Option<&Path>) -> Result<(), Failure> {
    let config = crate::runtime::load::config(&source(settings)?)?;
    let text = calendar::write(&config, settings.real_now);
    match out {
        None => super::output::print_with(|w| w.write_all(text.as_bytes())),
        Some(path) => {
            crate::files::replace_atomically(path, &text)
                .map_err(|e| Failure::runtime(format!("cannot write {}: {e}", path.display())))?;
            print(format_args!(
                "wrote {} events to {}",
                config.events.len(),
                path.display()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;

    #[test]
    fn unique_ids_and_hidden_tokens() {
        let ids = vec!["drama".to_string(), "drama-2".to_string()];
        assert_eq!(unique_id("Drama", &ids), "drama-3");
        assert_eq!(unique_id("!!!", &ids), "event");
        assert_eq!(
            shown("https://cal.test/u/x.ics?token=s3cret"),
            "https://cal.test/u/x.ics?…"
        );
        assert_eq!(shown("./fan.ics"), "./fan.ics");
        assert_eq!(
            url_of("webcal://Cal.test/K-Pop.ics").as_deref(),
            Some("https://Cal.test/K-Pop.ics")
        );
        assert_eq!(
            url_of("HTTP://x.test/a.ics").as_deref(),
            Some("HTTP://x.test/a.ics")
        );
        assert_eq!(url_of("comebacks.ics"), None);
    }

    #[test]
    fn a_plan_adds_new_uids_changes_moved_ones_and_leaves_the_rest() {
        let text = "[[event]]\nid = \"drama\"\nname = \"Drama\"\nat = \"2026-12-20\"\nzone = \"Asia/Seoul\"\nuid = \"d@fans\"\n\
                    [[event]]\nid = \"rebel\"\nname = \"Rebel\"\nat = \"2026-12-10 18:00\"\nzone = \"Asia/Seoul\"\nuid = \"r@fans\"\n";
        let config = parse(text, Source::Embedded).unwrap();
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n\
BEGIN:VEVENT\r\nUID:d@fans\r\nSUMMARY:Drama\r\nDTSTART;TZID=Asia/Seoul:20261220T180000\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:r@fans\r\nSUMMARY:Rebel\r\nDTSTART:20261210T090000Z\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:n@fans\r\nSUMMARY:Rebel\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:n@fans\r\nSUMMARY:Rebel again\r\nDTSTART;VALUE=DATE:20270102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let read = calendar::read(ics, chrono_tz::Asia::Seoul, None).unwrap();
        let steps = plan(&config, &read.events);
        assert_eq!(steps.len(), 3, "{steps:?}");
        // The date's time was announced: the TBA event gets it.
        assert!(
            matches!(&steps[0], Step::Change { id, at: Some(at), name: None, .. } if id == "drama" && at == "2026-12-20 18:00"),
            "{steps:?}"
        );
        assert_eq!(steps[1], Step::Same("rebel".into()));
        let Step::Add(new) = &steps[2] else {
            panic!("{steps:?}")
        };
        assert_eq!(
            (new.id.as_str(), new.at.as_str(), new.uid.as_str()),
            ("rebel-2", "2027-01-01", "n@fans")
        );
    }
}
