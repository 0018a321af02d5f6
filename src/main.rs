use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    dropwatch::cli::complete::complete_from_env();
    let cli = dropwatch::cli::Cli::parse();
    match dropwatch::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            failure.exit_code()
        }
    }
}
