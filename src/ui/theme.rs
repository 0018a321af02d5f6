//! Styles in one place, and one palette in which each colour means one thing:
//!
//! | colour              | means                 | where                                         |
//! |---------------------|-----------------------|-----------------------------------------------|
//! | magenta             | look here             | the headline figure, panel titles, "now"      |
//! | green               | good                  | out now, reached, on pace, config loaded      |
//! | yellow              | soon, or falling short| imminent, behind                              |
//! | red                 | failed                | missed, errors, a refused entry, reload failed|
//! | cyan                | ahead                 | upcoming events, the projection               |
//! | blue                | history               | the streams/hour bars                         |
//! | dark grey           | in the background     | borders, labels, empty tracks, released, waiting, no data |
//! | blue background     | selected              | the selected event's row                      |
//!
//! Plain text (the default colour) is data: counts, targets, readings. With colours off
//! (`NO_COLOR`, `--no-color`) only bold, dim and reverse remain.

use ratatui::style::{Color, Modifier, Style};

use crate::streams::Status;
use crate::values::countdown::Phase;

/// The palette for one frame.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Theme {
    color: bool,
}

impl Theme {
    /// Colors on or off.
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Plain text: data.
    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Look here: the headline figure and "now" (magenta, bold).
    pub(crate) fn accent(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// A panel's title in its border: look here, not bold (the border is not the content).
    pub(crate) fn title(&self) -> Style {
        self.fg(Color::Magenta)
    }

    /// In the background: labels, hints, what is past.
    pub(crate) fn dim(&self) -> Style {
        if self.color {
            self.fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Bold text: the count and targets.
    pub(crate) fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Block borders.
    pub(crate) fn border(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The selected row: one solid bar, every cell the same, whatever its text's colour.
    pub(crate) fn selected(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// A phase's colour: upcoming is ahead, imminent is soon, live is good, released steps back.
    pub fn phase(&self, phase: Phase) -> Style {
        match phase {
            Phase::Upcoming => self.fg(Color::Cyan),
            Phase::Imminent => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Phase::Live => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Phase::Released => self.dim(),
        }
    }

    /// A goal status's colour, for its word and the filled part of its gauge.
    pub(crate) fn status(&self, status: Status) -> Style {
        match status {
            Status::Reached => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Status::OnPace => self.fg(Color::Green),
            Status::Behind => self.fg(Color::Yellow),
            Status::Missed => self.fg(Color::Red),
            Status::Waiting | Status::NoData => self.dim(),
        }
    }

    /// A gauge's empty track: neutral, whatever the status.
    pub(crate) fn track(&self) -> Style {
        self.dim()
    }

    /// History: the streams/hour bars between readings (blue, not the white of data text,
    /// so the bars are not the brightest thing on screen).
    pub(crate) fn rates(&self) -> Style {
        self.fg(Color::Blue)
    }

    /// The projection: where the count is headed (ahead).
    pub(crate) fn projection(&self) -> Style {
        self.fg(Color::Cyan)
    }

    /// The error banner.
    pub(crate) fn error(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// Failed: a refused prompt entry, a failed reload.
    pub(crate) fn warn(&self) -> Style {
        self.fg(Color::Red)
    }

    /// A notice that is not a failure (a saved reading).
    pub(crate) fn note(&self) -> Style {
        Style::new()
    }

    /// The config-loaded tick.
    pub(crate) fn ok(&self) -> Style {
        self.fg(Color::Green)
    }
}
