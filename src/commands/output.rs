//! Every command's stdout. A closed pipe (`dropwatch man | head -1`) is the reader saying it
//! has had enough, so writing ends quietly with success, as cat and ripgrep do (Rust ignores
//! SIGPIPE: `println!` would panic instead).

use std::io::Write;

use crate::failure::Failure;

/// Writes to stdout through `write`, a closed pipe taken as success.
pub(crate) fn print_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Failure::Runtime(e.into())),
    }
}

/// Prints `text` and a newline on stdout, as [`print_with`] does.
pub(crate) fn print(text: impl std::fmt::Display) -> Result<(), Failure> {
    print_with(|out| writeln!(out, "{text}"))
}
