//! Styles in one place; with colors off (`NO_COLOR`, `--no-color`) only bold, dim and reverse remain.

use ratatui::style::{Color, Modifier, Style};

use crate::countdown::Phase;
use crate::streams::Status;

/// The palette for one frame.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
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

    /// Plain text.
    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Titles and the big digits.
    pub fn accent(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// Less important text.
    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Bold text.
    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Block borders.
    pub fn border(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The selected row.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A phase's color: imminent stands out, live shouts, released steps back.
    pub fn phase(&self, phase: Phase) -> Style {
        match phase {
            Phase::Upcoming => self.fg(Color::Cyan),
            Phase::Imminent => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Phase::Live => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Phase::Released => self.dim(),
        }
    }

    /// A goal status's color.
    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::Reached => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Status::OnPace => self.fg(Color::Cyan),
            Status::Behind => self.fg(Color::Yellow),
            Status::Missed => self.fg(Color::Red),
            Status::Waiting => self.dim(),
        }
    }

    /// The error banner.
    pub fn error(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// Inline problems (a refused prompt entry).
    pub fn warn(&self) -> Style {
        self.fg(Color::Red)
    }

    /// The config-loaded tick.
    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }
}
