//! Where a card's file goes, and writing it there without harm: a card saved by itself (`s`,
//! `cards_on_goal`, `dropwatch card` without `--out`) gets a new file in `cards_dir` named by
//! dropwatch, opened with create-new (so a file a person wrote is never overwritten and a
//! planted symlink is never followed), and never a name that leaves that folder. Only
//! `--out FILE` writes where the user says, replacing that file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Card, png, svg};
use crate::config::{Config, Source};
use crate::lang::Arg;

/// How many numbered names to try when the plain one is taken.
const TRIES: usize = 100;

/// A card's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// SVG text.
    Svg,
    /// A PNG image.
    Png,
}

impl Format {
    /// The format a file name asks for by its extension.
    pub(crate) fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

/// The bytes of `card` as `format` at `size`.
pub(crate) fn render(card: &Card, format: Format, (w, h): (u32, u32)) -> Result<Vec<u8>, String> {
    let text = svg::svg(card, w, h);
    match format {
        Format::Svg => Ok(text.into_bytes()),
        Format::Png => png::png(&text, w, h),
    }
}

/// The folder cards go to: `cards_dir` (relative to the config's folder), else the current
/// directory.
pub(crate) fn folder(config: &Config) -> PathBuf {
    let Some(dir) = &config.cards.dir else {
        return PathBuf::from(".");
    };
    let dir = PathBuf::from(dir);
    match &config.source {
        Source::File(p) if dir.is_relative() => p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or(dir.clone(), |d| d.join(&dir)),
        _ => dir,
    }
}

/// A file name stem for `card`: "with-you-spotify-20220424-180100", only letters, digits,
/// dashes and dots, never starting with a dot: it cannot leave the folder or hide in it.
pub(crate) fn stem(card: &Card) -> String {
    let platform = card.stream.as_ref().map_or("", |s| s.platform.as_str());
    let raw = format!(
        "{}-{}-{}",
        card.event_id,
        platform,
        card.now.format("%Y%m%d-%H%M%S")
    );
    let mut out = String::new();
    for c in raw.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '.' {
            c.to_ascii_lowercase()
        } else {
            '-'
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    let out = out.trim_start_matches(['.', '-']).to_string();
    let out: String = out.chars().take(96).collect();
    if out.is_empty() { "card".into() } else { out }
}

/// Writes `bytes` to a new file named after `stem` in `dir` ("stem.png", else "stem-2.png"
/// and on), creating `dir` when missing, and returns its path. Never replaces or follows
/// anything already there.
pub(crate) fn write_new(
    dir: &Path,
    stem: &str,
    format: Format,
    bytes: &[u8],
) -> io::Result<PathBuf> {
    fs::create_dir_all(dir).map_err(|e| {
        if dir.exists() && !dir.is_dir() {
            io::Error::new(
                io::ErrorKind::AlreadyExists,
                "it is a file, not a folder: set cards_dir to a folder",
            )
        } else {
            e
        }
    })?;
    for n in 1..=TRIES {
        let name = if n == 1 {
            format!("{stem}.{}", format.ext())
        } else {
            format!("{stem}-{n}.{}", format.ext())
        };
        let path = dir.join(name);
        // create_new is O_CREAT|O_EXCL: it fails on any existing name, a symlink included,
        // without following it.
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(bytes)?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{TRIES} cards named {stem} are there already"),
    ))
}

/// Writes `bytes` to `path`, which the user named: through a new file beside it, renamed over
/// it, so a reader never sees half a card and a symlink there is replaced, not followed.
pub(crate) fn write_named(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "names no file"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Renders `card` as a PNG at the default size and saves it as a new file in the config's
/// cards folder; returns its path, or why not.
pub(crate) fn save_png(config: &Config, card: &Card) -> Result<PathBuf, String> {
    let bytes = render(card, Format::Png, super::DEFAULT_SIZE)?;
    let dir = folder(config);
    write_new(&dir, &stem(card), Format::Png, &bytes).map_err(|e| {
        // The folder and the system's reason stay as they are; the words around them are the
        // fan's.
        let args = [
            ("dir", Arg::from(dir.display().to_string())),
            ("error", Arg::from(e.to_string())),
        ];
        card.lang.t_with("card-save-failed", &args).into_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_card_never_replaces_or_follows_what_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("c.png");
        fs::write(&mine, "a person wrote this").unwrap();
        let first = write_new(dir.path(), "c", Format::Png, b"card").unwrap();
        assert_eq!(first, dir.path().join("c-2.png"));
        assert_eq!(fs::read_to_string(&mine).unwrap(), "a person wrote this");
        #[cfg(unix)]
        {
            // A symlink planted under the next name, pointing outside: skipped, not followed.
            let outside = tempfile::tempdir().unwrap();
            let target = outside.path().join("victim");
            std::os::unix::fs::symlink(&target, dir.path().join("c-3.png")).unwrap();
            let next = write_new(dir.path(), "c", Format::Png, b"card").unwrap();
            assert_eq!(next, dir.path().join("c-4.png"));
            assert!(!target.exists());
        }
    }

    #[test]
    fn a_stem_stays_in_its_folder() {
        let mut card = crate::card::Card::of(
            &crate::testing::app("2022-04-24T18:00:00Z"),
            &crate::view::View::derive(&crate::testing::app("2022-04-24T18:00:00Z")),
            None,
        )
        .unwrap();
        assert_eq!(stem(&card), "with-you-spotify-20220424-180000");
        card.event_id = "../../etc/passwd".into();
        let s = stem(&card);
        assert!(!s.contains('/') && !s.starts_with('.'), "{s}");
    }

    #[test]
    fn a_card_that_cannot_be_saved_says_so_in_the_fans_language() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "x").unwrap();
        let mut a = crate::testing::app("2022-04-24T18:00:00Z");
        a.config.cards.dir = Some(file.display().to_string());
        a.lang = crate::lang::Lang::Ko;
        let card = crate::card::Card::of(&a, &crate::view::View::derive(&a), None).unwrap();
        let e = save_png(&a.config, &card).unwrap_err();
        assert!(e.starts_with("카드 저장 실패 ("), "{e}");
        assert!(e.contains("set cards_dir to a folder"), "{e}");
    }
}
