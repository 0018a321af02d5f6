//! Why a command failed, and so its exit code: 0 ok, 1 runtime error, 2 usage or config error.

use std::process::ExitCode;

use crate::config::{ConfigError, ConfigErrors};

/// Why a command failed, and so its exit code.
#[derive(Debug)]
pub enum Failure {
    /// A mistake in the command line or its values: exit 2.
    Usage(String),
    /// A config that does not validate: exit 2.
    Config(ConfigErrors),
    /// Anything else: exit 1.
    Runtime(anyhow::Error),
}

impl Failure {
    /// The process exit code.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Usage(_) | Failure::Config(_) => ExitCode::from(2),
            Failure::Runtime(_) => ExitCode::from(1),
        }
    }

    /// A runtime failure with this message.
    pub(crate) fn runtime(message: impl std::fmt::Display) -> Failure {
        Failure::Runtime(anyhow::anyhow!("{message}"))
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Usage(m) => write!(f, "error: {m}"),
            Failure::Config(e) => write!(f, "{e}"),
            Failure::Runtime(e) => write!(f, "error: {e:#}"),
        }
    }
}

impl From<ConfigErrors> for Failure {
    fn from(e: ConfigErrors) -> Self {
        Failure::Config(e)
    }
}

impl From<ConfigError> for Failure {
    fn from(e: ConfigError) -> Self {
        Failure::Config(e.into())
    }
}
