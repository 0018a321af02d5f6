//! Changing a config's text the way a person would: add an event (and its stream), change one,
//! take one out, with toml_edit so every comment, blank line and key order the person wrote
//! stays; a removed event is kept at the end of the file as comments, never deleted. Pure: the
//! file is read, checked and written in `store`.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::validate::slug;
use crate::values::numbers::thousands;
use crate::values::problem::Said;
use crate::values::text::quote;

/// A new `[[event]]`, as text the config reads (`at` is local to `zone`, or a date alone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewEvent {
    /// `id`; empty leaves it to the name.
    pub id: String,
    /// `name`.
    pub name: String,
    /// `by`; empty writes none.
    pub by: String,
    /// `at`: "2026-12-05 18:00" or "2026-12-05" while the time is TBA.
    pub at: String,
    /// `zone`: an IANA name.
    pub zone: String,
    /// `live_for`, e.g. "2h"; empty writes none.
    pub live_for: String,
    /// `uid`: the iCalendar UID it came from; empty writes none.
    pub uid: String,
}

/// A new `[[streams]]` with its goals, for the event `event`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NewStream {
    /// The event's id.
    pub event: String,
    /// `platform`.
    pub platform: String,
    /// `window_end`, local to the event's zone.
    pub window_end: String,
    /// Goals: label, target, and `within` (empty: the window's end).
    pub goals: Vec<(String, u64, String)>,
}

/// A count goal set from somewhere else (a chart file): its label, target and provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewGoal {
    /// `label`, e.g. "Global top 10".
    pub label: String,
    /// `streams`.
    pub target: u64,
    /// `from`: where the target came from, e.g. "regional-global-daily-2022-04-23.csv, 2022-04-23".
    pub from: String,
}

/// What setting one goal did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GoalChange {
    /// A new `[[streams.goal]]`.
    Added,
    /// The goal with that label had another target (or provenance): the old target, shown.
    Changed(String),
    /// The goal was already so.
    Same,
}

/// A config's text being edited.
pub(crate) struct Edit {
    doc: DocumentMut,
}

/// Why an edit was not made: a message that says what to do (keyed where a form can meet it).
pub(crate) type Refusal = Said;

impl Edit {
    /// Reads `text` for editing.
    pub(crate) fn new(text: &str) -> Result<Edit, Refusal> {
        text.parse::<DocumentMut>()
            .map(|doc| Edit { doc })
            .map_err(|e| {
                let why = e.message();
                Said::keyed(
                    "problems-edit-not-toml",
                    &[("why", why)],
                    format!("the config is not valid TOML: {why}"),
                )
            })
    }

    /// The text as it stands.
    pub(crate) fn text(&self) -> String {
        self.doc.to_string()
    }

    fn events(&self) -> Option<&ArrayOfTables> {
        self.doc.get("event")?.as_array_of_tables()
    }

    /// Each event's id as validation makes it: its `id`, else its name's slug.
    pub(crate) fn ids(&self) -> Vec<String> {
        self.events()
            .map(|a| a.iter().map(id_of).collect())
            .unwrap_or_default()
    }

    /// The index of the event with this `id`.
    fn find(&self, id: &str) -> Option<usize> {
        self.ids().iter().position(|i| i == id)
    }

    /// Appends `event`; refuses an id already used. Returns the id.
    pub(crate) fn add_event(&mut self, event: &NewEvent) -> Result<String, Refusal> {
        let id = if event.id.is_empty() {
            slug(&event.name)
        } else {
            event.id.clone()
        };
        if self.find(&id).is_some() {
            let q = quote(&id);
            return Err(Said::keyed(
                "problems-edit-id-taken",
                &[("id", &q)],
                format!("an event with id {q} is already in the config; choose another with --id"),
            ));
        }
        let mut t = Table::new();
        if !event.id.is_empty() {
            t.insert("id", value(&event.id));
        }
        t.insert("name", value(&event.name));
        put(&mut t, "by", &event.by);
        t.insert("at", value(&event.at));
        t.insert("zone", value(&event.zone));
        put(&mut t, "live_for", &event.live_for);
        put(&mut t, "uid", &event.uid);
        self.push("event", t)?;
        Ok(id)
    }

    /// Appends a `[[streams]]` with its goals.
    pub(crate) fn add_stream(&mut self, stream: &NewStream) -> Result<(), Refusal> {
        let mut t = Table::new();
        t.insert("event", value(&stream.event));
        put(&mut t, "platform", &stream.platform);
        t.insert("window_end", value(&stream.window_end));
        let mut goals = ArrayOfTables::new();
        for (label, target, within) in &stream.goals {
            let mut g = Table::new();
            g.insert("label", value(label));
            // TOML integers stop at i64; a string of digits carries the rest.
            match i64::try_from(*target) {
                Ok(n) => g.insert("streams", value(n)),
                Err(_) => g.insert("streams", value(target.to_string())),
            };
            put(&mut g, "within", within);
            goals.push(g);
        }
        if !goals.is_empty() {
            t.insert("goal", Item::ArrayOfTables(goals));
        }
        self.push("streams", t)
    }

    /// Sets `goals` on the stream of `event` on `platform` (the event's only stream when no
    /// platform is given): a goal with the same label gets the new `streams` and `from`, its
    /// other keys and comments kept; a new label is appended.
    pub(crate) fn set_goals(
        &mut self,
        event: &str,
        platform: Option<&str>,
        goals: &[NewGoal],
    ) -> Result<Vec<GoalChange>, Refusal> {
        if self.find(event).is_none() {
            return Err(no_event(event));
        }
        let i = self.stream_of(event, platform)?;
        let Some(Item::ArrayOfTables(streams)) = self.doc.get_mut("streams") else {
            return Err(no_stream(event, platform));
        };
        let stream = streams
            .get_mut(i)
            .ok_or_else(|| no_stream(event, platform))?;
        let list = match stream.get_mut("goal") {
            None => {
                stream.insert("goal", Item::ArrayOfTables(ArrayOfTables::new()));
                stream.get_mut("goal").and_then(Item::as_array_of_tables_mut)
            }
            Some(item) => item.as_array_of_tables_mut(),
        }
        .ok_or("this stream's goals are written inline (goal = [...]); write each as a [[streams.goal]] table to set goals from a chart")?;
        Ok(goals.iter().map(|g| set_goal(list, g)).collect())
    }

    /// The index among `[[streams]]` of the stream of `event` on `platform`.
    fn stream_of(&self, event: &str, platform: Option<&str>) -> Result<usize, Refusal> {
        let tables = self.doc.get("streams").and_then(Item::as_array_of_tables);
        let of_event: Vec<(usize, &str)> = tables
            .iter()
            .flat_map(|a| a.iter().enumerate())
            .filter(|(_, t)| t.get("event").and_then(Item::as_str) == Some(event))
            .map(|(i, t)| (i, t.get("platform").and_then(Item::as_str).unwrap_or("")))
            .collect();
        let found: Vec<usize> = of_event
            .iter()
            .filter(|(_, p)| platform.is_none_or(|want| p.eq_ignore_ascii_case(want)))
            .map(|(i, _)| *i)
            .collect();
        match found.as_slice() {
            [i] => Ok(*i),
            [] => Err(no_stream(event, platform)),
            _ => {
                let names: Vec<String> = of_event.iter().map(|(_, p)| quote(p)).collect();
                Err(format!(
                    "the event {} has {} streams ({}): name one, e.g. --stream {event}/{}",
                    quote(event),
                    of_event.len(),
                    names.join(", "),
                    of_event.first().map_or("Spotify", |(_, p)| p)
                )
                .into())
            }
        }
    }

    /// Appends `table` to the `[[key]]` tables; refuses a `key` written another way (an
    /// inline array), which replacing would lose.
    fn push(&mut self, key: &str, table: Table) -> Result<(), Refusal> {
        match self.doc.get_mut(key) {
            Some(Item::ArrayOfTables(a)) => a.push(table),
            None => {
                let mut a = ArrayOfTables::new();
                a.push(table);
                self.doc.insert(key, Item::ArrayOfTables(a));
            }
            Some(_) => {
                return Err(Said::keyed(
                    "problems-edit-inline-array",
                    &[("key", key)],
                    format!(
                        "the config writes `{key}` as an inline array; dropwatch adds only to \
                         [[{key}]] tables: write each as its own [[{key}]] table"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Sets the keys of the event `id` that are given (`Some`); an empty value removes the
    /// key. Other keys, and the comments around them, stay as they were.
    pub(crate) fn set_event(
        &mut self,
        id: &str,
        keys: &[(&str, Option<&str>)],
    ) -> Result<(), Refusal> {
        let i = self.find(id).ok_or_else(|| no_event(id))?;
        let named = self.events().is_some_and(|a| {
            a.get(i)
                .is_some_and(|t| t.get("id").is_some_and(|v| v.is_str()))
        });
        let Some(Item::ArrayOfTables(a)) = self.doc.get_mut("event") else {
            return Err(no_event(id));
        };
        let t = a.get_mut(i).ok_or_else(|| no_event(id))?;
        // Renaming an event without an id would change its id and orphan its streams.
        if !named && keys.iter().any(|(k, v)| *k == "name" && v.is_some()) {
            t.insert("id", value(id));
        }
        for (key, v) in keys {
            match v {
                Some("") => {
                    t.remove(key);
                }
                Some(v) => match t.get_mut(key).and_then(Item::as_value_mut) {
                    // Keeps the comment after the value and the spaces around it.
                    Some(old) => {
                        let decor = old.decor().clone();
                        *old = toml_edit::Value::from(*v);
                        *old.decor_mut() = decor;
                    }
                    None => {
                        t.insert(key, value(*v));
                    }
                },
                None => {}
            }
        }
        Ok(())
    }

    /// Takes out the event `id` and its streams. Their text is kept at the end of the file as
    /// comments under `note`, so what a person wrote can be put back by uncommenting it.
    pub(crate) fn remove_event(&mut self, id: &str, note: &str) -> Result<(), Refusal> {
        let i = self.find(id).ok_or_else(|| no_event(id))?;
        let mut kept = DocumentMut::new();
        if let Some(Item::ArrayOfTables(a)) = self.doc.get_mut("event") {
            let mut removed = ArrayOfTables::new();
            if let Some(t) = a.get(i) {
                removed.push(t.clone());
            }
            a.remove(i);
            kept.insert("event", Item::ArrayOfTables(removed));
        }
        if let Some(Item::ArrayOfTables(a)) = self.doc.get_mut("streams") {
            let mut removed = ArrayOfTables::new();
            let mut j = 0;
            while j < a.len() {
                if a.get(j).and_then(|t| t.get("event")?.as_str()) == Some(id) {
                    if let Some(t) = a.get(j) {
                        removed.push(t.clone());
                    }
                    a.remove(j);
                } else {
                    j += 1;
                }
            }
            if !removed.is_empty() {
                kept.insert("streams", Item::ArrayOfTables(removed));
            }
        }
        let mut trailing = self.doc.trailing().as_str().unwrap_or_default().to_string();
        if !trailing.is_empty() && !trailing.ends_with('\n') {
            trailing.push('\n');
        }
        trailing.push_str(&format!("\n# {note}\n"));
        for line in kept.to_string().trim_start().lines() {
            trailing.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
        }
        self.doc.set_trailing(trailing);
        Ok(())
    }
}

/// Inserts `key = text` unless `text` is empty.
fn put(t: &mut Table, key: &str, text: &str) {
    if !text.is_empty() {
        t.insert(key, value(text));
    }
}

fn id_of(t: &Table) -> String {
    match t.get("id").and_then(Item::as_str) {
        Some(id) => id.to_string(),
        None => slug(t.get("name").and_then(Item::as_str).unwrap_or_default()),
    }
}

/// Sets one goal in `list`: the target and provenance of the goal with its label, else a new one.
fn set_goal(list: &mut ArrayOfTables, goal: &NewGoal) -> GoalChange {
    let target = match i64::try_from(goal.target) {
        Ok(n) => value(n),
        Err(_) => value(goal.target.to_string()),
    };
    let same_label = |t: &&mut Table| {
        t.get("label").and_then(Item::as_str).map(str::trim) == Some(goal.label.trim())
    };
    if let Some(t) = list.iter_mut().find(same_label) {
        // The old target as a number where it is one (2_700_000 or "2700000"), for the report.
        let old = t.get("streams").and_then(|v| {
            v.as_integer()
                .and_then(|n| u64::try_from(n).ok())
                .or_else(|| v.as_str()?.trim().parse().ok())
        });
        let old_from = t.get("from").and_then(Item::as_str);
        if old == Some(goal.target) && old_from == Some(goal.from.as_str()) {
            return GoalChange::Same;
        }
        // Keep the decor (a comment after the value) of the key being replaced.
        set_keeping_decor(t, "streams", target);
        set_keeping_decor(t, "from", value(&goal.from));
        return GoalChange::Changed(old.map_or_else(|| "not a count".into(), thousands));
    }
    let mut t = Table::new();
    t.insert("label", value(&goal.label));
    t.insert("streams", target);
    t.insert("from", value(&goal.from));
    list.push(t);
    GoalChange::Added
}

/// `t[key] = new`, keeping the old value's comments around it.
fn set_keeping_decor(t: &mut Table, key: &str, mut new: Item) {
    if let (Some(old), Some(v)) = (t.get(key).and_then(Item::as_value), new.as_value_mut()) {
        *v.decor_mut() = old.decor().clone();
    }
    t.insert(key, new);
}

fn no_stream(event: &str, platform: Option<&str>) -> Refusal {
    let on = platform
        .map(|p| format!(" on {}", quote(p)))
        .unwrap_or_default();
    format!(
        "the event {} has no [[streams]]{on}: add one first, e.g. with `dropwatch add`, or write [[streams]] with event = {} and a window_end",
        quote(event),
        quote(event)
    )
    .into()
}

fn no_event(id: &str) -> Refusal {
    let q = quote(id);
    Said::keyed(
        "problems-edit-no-event",
        &[("id", &q)],
        format!("no event with id {q} in the config"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Source, parse};

    const TEXT: &str = "# my comeback list\ntitle = \"mine\" # keep this\n\n[[event]]\nname = \"With You\" # the OST\nat = \"2022-04-24 23:00\"\nzone = \"Asia/Seoul\"\n\n[[streams]]\nevent = \"with-you\"\nwindow_end = \"2022-04-25 09:00\"\n";

    fn new_event() -> NewEvent {
        NewEvent {
            name: "Drama".into(),
            by: "aespa".into(),
            at: "2026-12-05 18:00".into(),
            zone: "Asia/Seoul".into(),
            ..NewEvent::default()
        }
    }

    #[test]
    fn adding_keeps_every_byte_already_there() {
        let mut e = Edit::new(TEXT).unwrap();
        assert_eq!(e.add_event(&new_event()).unwrap(), "drama");
        e.add_stream(&NewStream {
            event: "drama".into(),
            platform: "YouTube".into(),
            window_end: "2026-12-06 18:00".into(),
            goals: vec![("24h".into(), 4_000_000, "24h".into())],
        })
        .unwrap();
        let text = e.text();
        // Every line that was there is there still, in its order, comments and all.
        let mut lines = text.lines();
        for old in TEXT.lines() {
            assert!(lines.any(|l| l == old), "{old:?} lost in\n{text}");
        }
        let c = parse(&text, Source::Embedded).unwrap();
        assert_eq!(c.events.len(), 2);
        assert_eq!(c.streams[1].goals[0].target, 4_000_000);
        let again = e.add_event(&new_event()).unwrap_err().to_string();
        assert!(again.contains("already"), "{again}");
    }

    #[test]
    fn events_written_as_an_inline_array_are_never_replaced() {
        let text = "event = [{ name = \"A\", at = \"2026-12-05\", zone = \"UTC\" }]\n";
        let mut e = Edit::new(text).unwrap();
        let why = e.add_event(&new_event()).unwrap_err().to_string();
        assert!(why.contains("inline array"), "{why}");
        assert_eq!(e.text(), text);
    }

    #[test]
    fn renaming_keeps_the_id_and_the_comment() {
        let mut e = Edit::new(TEXT).unwrap();
        e.set_event(
            "with-you",
            &[
                ("name", Some("With You (OST)")),
                ("at", Some("2022-04-24 22:00")),
            ],
        )
        .unwrap();
        let text = e.text();
        assert!(
            text.contains("name = \"With You (OST)\" # the OST"),
            "{text}"
        );
        assert!(text.contains("id = \"with-you\""), "{text}");
        let c = parse(&text, Source::Embedded).unwrap();
        assert_eq!(c.streams.len(), 1);
    }

    #[test]
    fn removing_keeps_the_text_as_comments() {
        let mut e = Edit::new(TEXT).unwrap();
        e.remove_event("with-you", "removed in dropwatch").unwrap();
        let text = e.text();
        let c = parse(&text, Source::Embedded).unwrap();
        assert!(c.events.is_empty() && c.streams.is_empty());
        assert!(
            text.contains("# removed in dropwatch\n# [[event]]\n# name = \"With You\" # the OST"),
            "{text}"
        );
        assert!(
            text.contains("# window_end = \"2022-04-25 09:00\""),
            "{text}"
        );
        assert!(text.starts_with("# my comeback list\ntitle = \"mine\" # keep this"));
    }

    fn chart_goal(label: &str, target: u64) -> NewGoal {
        NewGoal {
            label: label.into(),
            target,
            from: "regional-global-daily-2022-04-23.csv, chart of 2022-04-23".into(),
        }
    }

    #[test]
    fn goals_from_a_chart_update_by_label_and_append_the_rest() {
        let text = format!(
            "{TEXT}\n[[streams.goal]]\nlabel = \"Global top 10\" # mine\nstreams = 2_700_000 # guessed\nwithin = \"24h\"\n"
        );
        let mut e = Edit::new(&text).unwrap();
        let goals = [
            chart_goal("Global top 10", 2_712_346),
            chart_goal("Global top 5", 3_200_001),
        ];
        let changes = e.set_goals("with-you", None, &goals).unwrap();
        assert_eq!(
            changes,
            [GoalChange::Changed("2,700,000".into()), GoalChange::Added]
        );
        let out = e.text();
        assert!(out.contains("label = \"Global top 10\" # mine\nstreams = 2712346 # guessed\nwithin = \"24h\"\nfrom = "), "{out}");
        let c = parse(&out, Source::Embedded).unwrap();
        let targets: Vec<u64> = c.streams[0].goals.iter().map(|g| g.target).collect();
        assert_eq!(targets, [2_712_346, 3_200_001]);
        assert_eq!(c.goal_from(0, 1), Some(goals[1].from.as_str()));
        assert_eq!(
            e.set_goals("with-you", None, &goals).unwrap()[1],
            GoalChange::Same
        );
    }

    #[test]
    fn goals_need_one_stream_and_table_goals() {
        let mut e = Edit::new(TEXT).unwrap();
        let g = [chart_goal("Global #1", 1)];
        assert!(
            e.set_goals("nope", None, &g)
                .unwrap_err()
                .to_string()
                .contains("no event")
        );
        let melon = e
            .set_goals("with-you", Some("Melon"), &g)
            .unwrap_err()
            .to_string();
        assert!(melon.contains("no [[streams]] on \"Melon\""), "{melon}");
        let inline = format!("{TEXT}goal = [{{ label = \"a\", streams = 1 }}]\n");
        let mut e = Edit::new(&inline).unwrap();
        let err = e.set_goals("with-you", None, &g).unwrap_err().to_string();
        assert!(err.contains("[[streams.goal]]"), "{err}");
    }
}
