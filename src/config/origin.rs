//! Where a config came from, and the readings file beside it: plain data, kept apart from
//! [`locate`](super::locate) (which reads the environment and the disk) so that code naming a
//! config's origin imports no I/O.

use std::path::PathBuf;

/// Where a config came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The compiled-in default.
    Embedded,
    /// A file on disk, as the user named it or as found.
    File(PathBuf),
}

impl Source {
    /// How the source is named in messages and the footer.
    pub(crate) fn display(&self) -> String {
        match self {
            Source::Embedded => "embedded default".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// The readings file beside the config: `<stem>.readings.csv`.
    pub(crate) fn readings_path(&self) -> Option<PathBuf> {
        match self {
            Source::Embedded => None,
            Source::File(p) => {
                let stem = p.file_stem()?.to_string_lossy().into_owned();
                Some(p.with_file_name(format!("{stem}.readings.csv")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_path_sits_beside_the_config() {
        let s = Source::File("/x/fan.toml".into());
        assert_eq!(
            s.readings_path(),
            Some(PathBuf::from("/x/fan.readings.csv"))
        );
        assert_eq!(Source::Embedded.readings_path(), None);
    }
}
