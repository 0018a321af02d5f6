//! The terminal: [`Tui`] sets it up (raw mode, the alternate screen, mouse capture, the title
//! stack), suspends and resumes it, and always restores it, on drop and before a panic's
//! message; [`screen::Screen`] writes only the cells that changed; [`input`] reads keys.

mod diff;
pub(crate) mod input;
pub mod screen;

use std::io::{self, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::EnterAlternateScreen;
use ratatui::backend::{Backend, CrosstermBackend};

/// Pushes the terminal's title on its stack (CSI 22 t) so it can be restored on exit.
const PUSH_TITLE: &str = "\x1b[22;2t";
/// Pops it back (CSI 23 t).
const POP_TITLE: &str = "\x1b[23;2t";

/// The terminal while the dashboard owns it; dropping it gives the terminal back as it was.
pub(crate) struct Tui {
    backend: CrosstermBackend<io::Stdout>,
}

impl Tui {
    /// Takes the terminal: raw mode, the alternate screen, mouse capture, the title pushed.
    pub(crate) fn enter() -> anyhow::Result<Tui> {
        install_panic_hook();
        // What `ratatui::try_init` does, without its `Terminal`: the screen keeps its own two
        // frames (`screen::Screen`), and the Terminal's two more cost 460 KB at 120x40.
        let backend = CrosstermBackend::new(io::stdout());
        let setup = crossterm::terminal::enable_raw_mode()
            .and_then(|()| execute!(io::stdout(), EnterAlternateScreen))
            .and_then(|()| backend.size().map(drop));
        if let Err(e) = setup {
            // Raw mode may be on already when entering the alternate screen failed.
            restore();
            return Err(anyhow::Error::new(e).context(
                "cannot set up the terminal (run it in an interactive terminal, or use --once to print one frame)",
            ));
        }
        enter_extras();
        Ok(Tui { backend })
    }

    /// The terminal to draw on.
    pub(crate) fn backend(&mut self) -> &mut CrosstermBackend<io::Stdout> {
        &mut self.backend
    }

    /// Ctrl-Z: gives the terminal back, stops until `fg`, then takes it again (the caller
    /// redraws everything). Raw mode and the alternate screen are set up by hand on resume:
    /// `ratatui::try_init` would install its panic hook once more on every suspend.
    #[cfg(unix)]
    pub(crate) fn suspend(&mut self) -> anyhow::Result<()> {
        restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        // Here after SIGCONT.
        crossterm::terminal::enable_raw_mode()?;
        execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
        enter_extras();
        Ok(())
    }

    /// Ctrl-Z does nothing: Windows consoles have no job control to stop into.
    #[cfg(not(unix))]
    pub(crate) fn suspend(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}

/// Mouse capture and the title stack, beyond what `ratatui::init` sets up.
fn enter_extras() {
    let mut out = io::stdout();
    let _ = execute!(out, EnableMouseCapture);
    let _ = write!(out, "{PUSH_TITLE}");
    let _ = out.flush();
}

/// Leaves the terminal as we found it: mouse off, title popped, raw mode off, main screen,
/// cursor shown. `ratatui::restore` does not show the cursor the draw loop hid.
fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = write!(out, "{POP_TITLE}");
    let _ = out.flush();
    ratatui::restore();
    let _ = execute!(out, crossterm::cursor::Show);
}

/// Restores the terminal before the default panic message, so the message is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Whether `e` says the terminal went away (hang-up, stdout gone): an ending, not an error.
pub(crate) fn is_terminal_gone(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof
            ) || (cfg!(unix) && io.raw_os_error() == Some(5)) // EIO: the tty was closed
        })
    })
}
