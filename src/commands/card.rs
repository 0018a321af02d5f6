//! `dropwatch card`: a share card of what the dashboard shows at `--at` (or now), as SVG, PNG
//! or one line of text.

use std::path::PathBuf;

use super::output::print;
use super::setup::{clock, source};
use crate::app::App;
use crate::card::save::{self, Format};
use crate::card::{Card, parse_size};
use crate::cli::settings::Settings;
use crate::failure::Failure;
use crate::runtime::load;
use crate::values::text::quote;
use crate::view::View;

/// What the command line asks of `card`.
pub(crate) struct Ask {
    /// `--event`.
    pub(crate) event: Option<String>,
    /// `--stream`.
    pub(crate) stream: Option<String>,
    /// `--out`.
    pub(crate) out: Option<PathBuf>,
    /// `--size`.
    pub(crate) size: String,
    /// `--text`.
    pub(crate) text: bool,
}

/// Renders the card and writes it (or prints its line).
pub(crate) fn run(settings: &Settings, ask: &Ask) -> Result<(), Failure> {
    let size = parse_size(&ask.size).map_err(Failure::Usage)?;
    let format = match &ask.out {
        Some(path) => Some(Format::of(path).ok_or_else(|| {
            Failure::Usage(format!(
                "--out {} names neither an .svg nor a .png file; write e.g. --out card.png",
                quote(&path.display().to_string())
            ))
        })?),
        None => None,
    };
    let (config, readings) = load::both(&source(settings)?)?;
    let now = clock(settings, true).now();
    let mut app = App::new(config, readings, now, settings.local_zone);
    app.set_lang_choice(settings.lang.clone());
    let stream = pick(&mut app, ask)?;
    let view = View::derive(&app);
    let card = Card::of(&app, &view, stream).ok_or_else(|| {
        Failure::Usage("the config has no events: nothing to put on a card".into())
    })?;
    if ask.text {
        return print(card.text());
    }
    match (&ask.out, format) {
        (Some(path), Some(format)) => {
            let bytes = save::render(&card, format, size).map_err(Failure::runtime)?;
            save::write_named(path, &bytes).map_err(|e| {
                Failure::runtime(format!("writing the card to {}: {e}", path.display()))
            })?;
            print(path.display())
        }
        _ => {
            let bytes = save::render(&card, Format::Png, size).map_err(Failure::runtime)?;
            let dir = save::folder(&app.config);
            let path =
                save::write_new(&dir, &save::stem(&card), Format::Png, &bytes).map_err(|e| {
                    Failure::runtime(format!("saving a card in {}: {e}", dir.display()))
                })?;
            print(path.display())
        }
    }
}

/// Pins the event `--event` names (or `--stream`'s event) and returns the stream asked for.
fn pick(app: &mut App, ask: &Ask) -> Result<Option<usize>, Failure> {
    let config = &app.config;
    if let Some(id) = &ask.event
        && config.event(id).is_none()
    {
        let ids: Vec<String> = config.events.iter().map(|e| quote(&e.id)).collect();
        return Err(Failure::Usage(format!(
            "no event {}; write one of the event ids: {}",
            quote(id),
            ids.join(", ")
        )));
    }
    let stream =
        match &ask.stream {
            Some(name) => Some(config.stream_named(name, ask.event.as_deref()).ok_or_else(
                || {
                    let names: Vec<String> = config
                        .streams
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| ask.event.as_deref().is_none_or(|e| s.event == e))
                        .map(|(i, s)| quote(config.stream_ids[i].as_deref().unwrap_or(&s.platform)))
                        .collect();
                    Failure::Usage(format!(
                        "no stream {}; write a stream's id or platform: {}",
                        quote(name),
                        names.join(", ")
                    ))
                },
            )?),
            None => None,
        };
    let event = ask
        .event
        .clone()
        .or_else(|| stream.map(|i| config.streams[i].event.clone()));
    if event.is_some() {
        app.selected = event;
    }
    Ok(stream)
}
