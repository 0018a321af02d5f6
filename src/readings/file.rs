//! The readings file on disk: read whole, brought up to date by reading only what was
//! appended, and appended to one reading at a time so that a line is either whole or absent.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::index::{Progress, Readings};
use super::line::{self, MAX_LINE, Reading, SET_ASIDE, Tail};

/// Bytes of the file kept to recognise it on a refresh.
const TAIL: u64 = 64;

/// Reads a readings file; a missing file has no readings. Invalid UTF-8 is replaced, so a
/// garbage line is skipped like any other.
pub fn read(path: &Path) -> io::Result<Readings> {
    require_regular(path)?;
    let mut out = Readings::default();
    match File::open(path) {
        Ok(file) => read_on(&mut out, file, path)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    Ok(out)
}

/// Brings `readings` up to date with the file at `path`, which they were read from: when the
/// file only grew, only the new lines are read (and a reading this process `add`ed is not
/// counted twice); when it was rewritten, shrank or went away, it is read again whole.
pub fn refresh(path: &Path, readings: &mut Readings) -> io::Result<()> {
    require_regular(path)?;
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            *readings = Readings::default();
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    if !grown(&readings.read, &mut file)? {
        // Dropped first: the old and the new readings never take memory at once.
        *readings = Readings::default();
        file.seek(SeekFrom::Start(0))?;
    }
    read_on(readings, file, path)
}

/// Reads `file` into `readings` on from where they stopped, where it is positioned, then
/// keeps the bytes before the new end to recognise the file by next time.
fn read_on(readings: &mut Readings, mut file: File, path: &Path) -> io::Result<()> {
    let mut reader = io::BufReader::with_capacity(64 * 1024, &mut file);
    readings.extend(&mut reader, &path.display().to_string())?;
    drop(reader);
    let read = &mut readings.read;
    let from = read.at.end.saturating_sub(TAIL);
    file.seek(SeekFrom::Start(from))?;
    read.tail.clear();
    (&mut file)
        .take(read.at.end - from)
        .read_to_end(&mut read.tail)?;
    Ok(())
}

/// Whether `file` still starts with what was read of it, judged by its length and the bytes
/// before the end of the read; leaves it at that end when so.
fn grown(read: &Progress, file: &mut File) -> io::Result<bool> {
    if file.metadata()?.len() < read.at.end {
        return Ok(false);
    }
    let from = read.at.end - read.tail.len() as u64;
    file.seek(SeekFrom::Start(from))?;
    let mut now = Vec::with_capacity(read.tail.len());
    (&mut *file)
        .take(read.tail.len() as u64)
        .read_to_end(&mut now)?;
    Ok(now == read.tail)
}

/// Appends one reading so that afterwards the file holds either the whole line or nothing of
/// it, and all it held before. A last line without a line end is ended first when it is whole
/// (a reading, a comment: see [`Tail`]); anything else there may be a write of ours that did
/// not finish, which a newline would make a reading with a wrong count, so it is moved whole
/// into [`set_aside_path`] and the file cut before it: nothing a person wrote is dropped.
/// The line goes in one write, then fsync; on any error the file is cut back to where the
/// line began. An exclusive lock keeps two dropwatch processes from cutting each other's
/// lines. Returns where a line was set aside, when one was (the caller words the warning).
pub fn append(path: &Path, reading: &Reading) -> io::Result<Option<PathBuf>> {
    require_regular(path)?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(path)?;
    // Where the file system has no locks, a lone writer is still safe.
    if let Err(e) = file.lock()
        && e.kind() != io::ErrorKind::Unsupported
    {
        return Err(e);
    }
    let aside = set_aside_path(path);
    let moved = append_to(&mut file, reading.line().as_bytes(), |tail| {
        set_aside(tail, &aside).map_err(|e| {
            let why = format!("cannot move its last line to {}: {e}", aside.display());
            io::Error::new(e.kind(), why)
        })
    })?;
    Ok(moved.then_some(aside))
    // The lock goes with the file.
}

/// Where [`append`] moves a last line it cannot keep: `<readings file>.incomplete`.
pub(crate) fn set_aside_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(SET_ASIDE);
    PathBuf::from(name)
}

/// Appends `tail`, a line without its line end, and a newline to the file at `aside`, and
/// flushes it to the disk: it must be safe there before it is cut from the readings.
fn set_aside(tail: &mut dyn Read, aside: &Path) -> io::Result<()> {
    crate::files::require_regular(aside, "the file for set-aside lines")
        .map_err(|why| io::Error::new(io::ErrorKind::InvalidInput, why))?;
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    // Never through a symlink planted there: the line would land in whatever it points at.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let mut file = options.open(aside)?;
    // Copied a buffer at a time: a torn line can be of any length.
    io::copy(tail, &mut file)?;
    file.write_all(b"\n")?;
    file.sync_all()
}

/// Refuses a FIFO, device or directory before opening it: opening a FIFO waits for the other
/// end, reading a device may never end.
fn require_regular(path: &Path) -> io::Result<()> {
    crate::files::require_regular(path, "the readings file")
        .map_err(|why| io::Error::new(io::ErrorKind::InvalidInput, why))
}

/// A file as `append_to` needs it; tests put a file that fails part way in its place.
trait Store: Read + Write + Seek {
    /// Cuts or extends the file to `len` bytes.
    fn set_len(&mut self, len: u64) -> io::Result<()>;
    /// Flushes the data to the disk.
    fn sync(&mut self) -> io::Result<()>;
}

impl Store for File {
    fn set_len(&mut self, len: u64) -> io::Result<()> {
        File::set_len(self, len)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.sync_all()
    }
}

/// Appends `line` to `file` by the rule of [`append`], handing a last line that cannot stay to
/// `aside` (positioned at its start, ending with the file); returns whether one was moved.
fn append_to<S: Store>(
    file: &mut S,
    line: &[u8],
    aside: impl FnOnce(&mut dyn Read) -> io::Result<()>,
) -> io::Result<bool> {
    let len = file.seek(SeekFrom::End(0))?;
    let boundary = line_boundary(file, len)?;
    let (keep, ended, moved) = if boundary == len {
        (len, line.to_vec(), false)
    } else if whole_tail(file, boundary, len)? {
        (len, [b"\n", line].concat(), false)
    } else {
        file.seek(SeekFrom::Start(boundary))?;
        aside(&mut (&mut *file).take(len - boundary))?;
        file.set_len(boundary)?;
        (boundary, line.to_vec(), true)
    };
    file.seek(SeekFrom::Start(keep))?;
    if let Err(e) = file.write_all(&ended).and_then(|()| file.sync()) {
        // Nothing partial may stay: it would read as a different count.
        let _ = file.set_len(keep);
        let _ = file.sync();
        return Err(e);
    }
    Ok(moved)
}

/// Whether the last line, from `boundary` to `len` and without a line end, is one to keep and
/// end with a newline (see [`Tail`]). One longer than a line can be is not.
fn whole_tail<S: Read + Seek>(file: &mut S, boundary: u64, len: u64) -> io::Result<bool> {
    if len - boundary > MAX_LINE as u64 {
        return Ok(false);
    }
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(boundary))?;
    (&mut *file).take(len - boundary).read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(line::without_bom(&bytes, boundary));
    Ok(!matches!(line::tail(text.trim()), Tail::Torn))
}

/// The length of the file up to and including its last line end (0 without one).
fn line_boundary<S: Read + Seek>(file: &mut S, len: u64) -> io::Result<u64> {
    let mut end = len;
    let mut chunk = [0u8; 4096];
    while end > 0 {
        let start = end.saturating_sub(chunk.len() as u64);
        let buf = &mut chunk[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(buf)?;
        if let Some(i) = buf.iter().rposition(|&b| line::is_line_end(b)) {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readings::warnings::KEPT;
    use crate::readings::{Origin, parse};
    use chrono::DateTime;

    fn reading() -> Reading {
        Reading {
            time: DateTime::parse_from_rfc3339("2022-04-24T16:00:00Z")
                .unwrap()
                .to_utc(),
            event: "with-you".into(),
            platform: "Spotify".into(),
            count: 2_712_345,
            source: Origin::Log,
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_line_is_never_set_aside_through_a_planted_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        std::fs::write(&path, "2022-04-24T15:30:00Z,with-you,Spotify,12").unwrap();
        let victim = dir.path().join("notes.txt");
        std::fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, set_aside_path(&path)).unwrap();
        // The move fails, so nothing is cut and nothing appended; the victim is untouched.
        assert!(append(&path, &reading()).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "2022-04-24T15:30:00Z,with-you,Spotify,12"
        );
    }

    #[test]
    fn append_moves_a_torn_tail_aside_instead_of_making_it_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        // What a full disk left of `log with-you 1234567`: "12" is not the count. Or a line
        // typed without a newline: it cannot be told apart, so it is kept aside, not dropped.
        let torn = "2022-04-24T15:30:00Z,with-you,Spotify,12";
        std::fs::write(
            &path,
            format!("2022-04-24T15:00:00Z,with-you,Spotify,4000\n{torn}"),
        )
        .unwrap();
        let before = read(&path).unwrap();
        assert_eq!(before.len(), 1);
        assert_eq!(
            before.warnings.kept(),
            [format!(
                "{}:2: skipped the last line: it has no newline and is not a whole reading (a write that did not finish?); if you wrote it, end it with a newline, else the next reading recorded moves it to {}",
                path.display(),
                set_aside_path(&path).display()
            )]
        );
        let aside = set_aside_path(&path);
        assert_eq!(append(&path, &reading()).unwrap(), Some(aside.clone()));
        assert_eq!(append(&path, &reading()).unwrap(), None);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "2022-04-24T15:00:00Z,with-you,Spotify,4000\n\
             2022-04-24T16:00:00Z,with-you,Spotify,2712345,log\n\
             2022-04-24T16:00:00Z,with-you,Spotify,2712345,log\n"
        );
        assert_eq!(
            std::fs::read_to_string(&aside).unwrap(),
            format!("{torn}\n")
        );
        let after = read(&path).unwrap();
        assert_eq!(after.len(), 3);
        assert!(after.warnings.is_empty(), "{:?}", after.warnings);
    }

    #[test]
    fn append_keeps_a_whole_last_line_without_a_newline() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        // Typed by hand in an editor that adds no newline: a whole reading, and a comment.
        for last in [
            "2022-04-24T15:30:00Z,with-you,Spotify,5000,manual",
            "# checked on the phone ",
        ] {
            let first = "2022-04-24T15:00:00Z,with-you,Spotify,4000,log\n";
            std::fs::write(&path, format!("{first}{last}")).unwrap();
            let before = read(&path).unwrap();
            assert!(before.warnings.is_empty(), "{:?}", before.warnings);
            let counts = before.of("with-you", "Spotify").counts.to_vec();
            assert_eq!(append(&path, &reading()).unwrap(), None);
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(text, format!("{first}{last}\n{}", reading().line()));
            let after = read(&path).unwrap();
            assert_eq!(
                after.of("with-you", "Spotify").counts.len(),
                counts.len() + 1
            );
        }
        assert!(!set_aside_path(&path).exists());
        // A file with a BOM and one line, typed without a newline.
        let bom = "\u{feff}2022-04-24T15:30:00Z,with-you,Spotify,5000,manual";
        std::fs::write(&path, bom).unwrap();
        assert_eq!(append(&path, &reading()).unwrap(), None);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("{bom}\n{}", reading().line()));
        assert_eq!(read(&path).unwrap().len(), 2);
    }

    #[test]
    fn cr_and_crlf_end_lines_and_an_append_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        for end in ["\r", "\r\n", "\n"] {
            let lines = [
                "time,event,platform,count,source",
                "2022-04-24T15:00:00Z,with-you,Spotify,1000,log",
                "",
                "bad",
                "2022-04-24T15:30:00Z,with-you,Spotify,2000,log",
            ];
            let text = lines.map(|l| format!("{l}{end}")).concat();
            std::fs::write(&path, &text).unwrap();
            let r = read(&path).unwrap();
            assert_eq!(r.of("with-you", "Spotify").counts, [1000, 2000], "{end:?}");
            assert_eq!(r.warnings.count(), 1, "{end:?}: {:?}", r.warnings);
            assert!(
                r.warnings.kept()[0].contains(":4: skipped"),
                "{:?}",
                r.warnings
            );
            append(&path, &reading()).unwrap();
            let after = std::fs::read_to_string(&path).unwrap();
            assert_eq!(after, format!("{text}{}", reading().line()), "{end:?}");
            assert_eq!(read(&path).unwrap().len(), 3, "{end:?}");
        }
    }

    #[test]
    fn a_torn_tail_longer_than_a_chunk_is_found_whole() {
        let mut file = io::Cursor::new(format!("a\n{}", "x".repeat(10_000)).into_bytes());
        assert_eq!(line_boundary(&mut file, 10_002).unwrap(), 2);
        let mut file = io::Cursor::new(vec![b'x'; 5000]);
        assert_eq!(line_boundary(&mut file, 5000).unwrap(), 0);
    }

    #[test]
    fn a_long_torn_tail_is_moved_whole_and_a_failed_move_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        let first = "2022-04-24T15:00:00Z,with-you,Spotify,4000,log\n";
        let long = "x".repeat(MAX_LINE * 3);
        std::fs::write(&path, format!("{first}{long}")).unwrap();
        assert!(append(&path, &reading()).unwrap().is_some());
        let aside = std::fs::read_to_string(set_aside_path(&path)).unwrap();
        assert!(
            aside == format!("{long}\n"),
            "{} bytes set aside",
            aside.len()
        );
        // Where the line cannot be set aside, nothing is cut and nothing appended.
        let text = format!("{first}2022-04-24T15:30:00Z,with-you,Spo");
        let mut file = FullDisk {
            bytes: io::Cursor::new(text.clone().into_bytes()),
            room: 1000,
        };
        let failed = |_: &mut dyn Read| Err(io::Error::other("read-only"));
        let err = append_to(&mut file, reading().line().as_bytes(), failed).unwrap_err();
        assert_eq!(err.to_string(), "read-only");
        assert_eq!(String::from_utf8(file.bytes.into_inner()).unwrap(), text);
    }

    /// A file on a disk that fills after `room` more bytes: writes past it fail part way.
    struct FullDisk {
        bytes: io::Cursor<Vec<u8>>,
        room: usize,
    }

    impl Read for FullDisk {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.bytes.read(buf)
        }
    }

    impl Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "No space left on device",
                ));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.bytes.write(&buf[..n])
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Seek for FullDisk {
        fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
            self.bytes.seek(pos)
        }
    }

    impl Store for FullDisk {
        fn set_len(&mut self, len: u64) -> io::Result<()> {
            self.bytes.get_mut().truncate(len as usize);
            Ok(())
        }

        fn sync(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn no_aside(_: &mut dyn Read) -> io::Result<()> {
        panic!("nothing to set aside")
    }

    #[test]
    fn a_failed_append_leaves_nothing_of_its_line() {
        let committed = "2022-04-24T15:00:00Z,with-you,Spotify,4000\n";
        let line = reading().line();
        // A whole last line without a newline stays as it was too.
        let unended = "2022-04-24T15:00:00Z,with-you,Spotify,4000,log";
        for room in [0, 1, 40] {
            let mut file = FullDisk {
                bytes: io::Cursor::new(unended.as_bytes().to_vec()),
                room,
            };
            append_to(&mut file, line.as_bytes(), no_aside).unwrap_err();
            assert_eq!(file.bytes.into_inner(), unended.as_bytes());
        }
        for room in [0, 1, 40, line.len() - 1] {
            let mut file = FullDisk {
                bytes: io::Cursor::new(committed.as_bytes().to_vec()),
                room,
            };
            let err = append_to(&mut file, line.as_bytes(), no_aside).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::StorageFull);
            assert_eq!(
                String::from_utf8(file.bytes.into_inner()).unwrap(),
                committed,
                "room for {room} bytes"
            );
        }
        let mut file = FullDisk {
            bytes: io::Cursor::new(committed.as_bytes().to_vec()),
            room: line.len(),
        };
        append_to(&mut file, line.as_bytes(), no_aside).unwrap();
        let text = String::from_utf8(file.bytes.into_inner()).unwrap();
        assert_eq!(text, format!("{committed}{line}"));
    }

    #[test]
    fn missing_file_is_empty() {
        let r = read(Path::new("/nonexistent/dropwatch.readings.csv")).unwrap();
        assert!(r.is_empty() && r.warnings.is_empty());
    }

    use crate::testing::url_reading as at;

    #[test]
    fn a_refresh_reads_only_what_was_appended() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        let first = at("2022-04-24T15:00:00Z", "with-you", "Spotify", 1000);
        std::fs::write(&path, first.line()).unwrap();
        let mut r = read(&path).unwrap();
        // This process records one (the dashboard's prompt), another appends one (`log`).
        let mine = at("2022-04-24T16:00:00Z", "with-you", "Spotify", 2000);
        append(&path, &mine).unwrap();
        r.add(mine);
        let theirs = at("2022-04-24T17:00:00Z", "proof", "Spotify", 5);
        append(&path, &theirs).unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.of("with-you", "Spotify").counts, [1000, 2000]);
        assert_eq!(r.of("proof", "Spotify").counts, [5]);
        assert_eq!(r.len(), 3);
        // A refresh with nothing new changes nothing.
        let before = r.clone();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r, before);
        // A torn line warns; once it is finished, the warning goes and the reading comes.
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(b"2022-04-24T18:00:00Z,proof,Spotify,")
            .unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.warnings.count(), 1);
        assert!(
            r.warnings.kept()[0].contains(":4: skipped the last line: it has no newline"),
            "{:?}",
            r.warnings
        );
        file.write_all(b"6,url\nbad line\n").unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.of("proof", "Spotify").counts, [5, 6]);
        assert_eq!(r.warnings.count(), 1);
        assert!(
            r.warnings.kept()[0].contains(":5: skipped a reading"),
            "{:?}",
            r.warnings
        );
        // Rewritten (here: shorter): read again whole, so what is gone is gone.
        std::fs::write(&path, theirs.line()).unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r, read(&path).unwrap());
        assert_eq!(r.len(), 1);
        // Rewritten to the same length or longer, with other bytes before the old end.
        let other = at("2022-04-24T17:00:00Z", "proof", "YouTube", 5);
        std::fs::write(&path, format!("{}{}", other.line(), first.line())).unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r, read(&path).unwrap());
        assert!(r.of("proof", "Spotify").is_empty());
        std::fs::remove_file(&path).unwrap();
        refresh(&path, &mut r).unwrap();
        assert!(r.is_empty());
    }

    #[test]
    fn a_refresh_reads_a_last_line_once_when_its_newline_comes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        let first = at("2022-04-24T15:00:00Z", "with-you", "Spotify", 1000);
        let typed = at("2022-04-24T15:30:00Z", "proof", "Spotify", 7);
        let line = typed.line();
        std::fs::write(&path, format!("{}{}", first.line(), line.trim_end())).unwrap();
        let mut r = read(&path).unwrap();
        assert_eq!(r.of("proof", "Spotify").counts, [7]);
        // The dashboard records one: the append ends the typed line first.
        let mine = at("2022-04-24T16:00:00Z", "with-you", "Spotify", 2000);
        append(&path, &mine).unwrap();
        r.add(mine);
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.of("proof", "Spotify").counts, [7]);
        assert_eq!(r.of("with-you", "Spotify").counts, [1000, 2000]);
        assert_eq!(r.len(), 3);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        // A CR ends a line; the LF of a CRLF that comes later is not a line of its own.
        std::fs::write(&path, format!("{}{}\r", first.line(), line.trim_end())).unwrap();
        let mut r = read(&path).unwrap();
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(b"\nbad\n").unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.len(), 2);
        assert!(
            r.warnings.kept()[0].contains(":3: skipped"),
            "{:?}",
            r.warnings
        );
        // A typed line later taken out again is no stream.
        std::fs::write(&path, format!("{}{}", first.line(), line.trim_end())).unwrap();
        let mut r = read(&path).unwrap();
        std::fs::write(
            &path,
            format!(
                "{}{}",
                first.line(),
                "2022-04-24T15:30:00Z,proof,Spotify,7,man"
            ),
        )
        .unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.streams().count(), 1);
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn a_file_of_garbage_keeps_a_few_warnings_and_counts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        // 100,000 bad lines, a line far longer than a line can be, and a readable line.
        let mut garbage = b"not a reading\r\n".repeat(100_000);
        garbage.extend(vec![b'9'; 3 * MAX_LINE]);
        garbage.push(b'\n');
        let bytes = [&garbage[..], b"2022-04-24T15:00:00Z,e,p,1,log\n"].concat();
        std::fs::write(&path, &bytes).unwrap();
        let r = read(&path).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r.warnings.count(), 100_001);
        assert_eq!(r.warnings.kept().len(), KEPT);
        assert!(
            r.warnings.kept()[0].ends_with(":1: skipped a reading: expected 5 fields (time,event,platform,count,source), found 1"),
            "{:?}",
            r.warnings
        );
        assert!(
            r.warnings.kept()[KEPT - 1].ends_with(":20: skipped a reading: expected 5 fields (time,event,platform,count,source), found 1"),
            "{:?}",
            r.warnings
        );
        let long = parse(&format!("{}\n", "9".repeat(MAX_LINE + 1)), "f.csv");
        assert_eq!(
            long.warnings.kept(),
            ["f.csv:1: skipped a line longer than a reading can be (64 KiB)"]
        );
        let lines: Vec<String> = r.warnings.lines().collect();
        assert_eq!(lines.last().unwrap(), "and 99,981 more");
        // The long line, its own warning; then one without a line end, never held whole.
        let long = [garbage, vec![b'7'; 2 * MAX_LINE]].concat();
        std::fs::write(&path, &long).unwrap();
        let mut r = read(&path).unwrap();
        assert_eq!((r.len(), r.warnings.count()), (0, 100_002));
        // A refresh takes the torn last warning back and counts it again: the count stays.
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.warnings.count(), 100_002);
        let parsed = parse(&String::from_utf8_lossy(&bytes), "f.csv");
        assert!(parsed.warnings.kept()[KEPT - 1].starts_with("f.csv:20: "));
        assert_eq!(parsed.warnings.count(), 100_001);
    }

    #[test]
    fn read_streams_a_file_as_parse_reads_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        let mut text = String::from("time,event,platform,count,source\n");
        for i in 0..20_000u64 {
            text.push_str(
                &at(
                    "2022-04-24T15:00:00Z",
                    "e",
                    ["a", "b", "c"][i as usize % 3],
                    i,
                )
                .line(),
            );
        }
        let mut bytes = text.into_bytes();
        bytes.extend(b"\0bad\xff\n2022-04-24T15:00:00Z,e,a,1");
        std::fs::write(&path, &bytes).unwrap();
        let r = read(&path).unwrap();
        let expected = parse(
            &String::from_utf8_lossy(&bytes),
            &path.display().to_string(),
        );
        assert_eq!(r.len(), 20_000);
        assert_eq!(r.warnings.count(), 2);
        assert!(
            r.warnings.kept()[0].contains(":20002: skipped a reading"),
            "{:?}",
            r.warnings
        );
        assert!(
            r.warnings.kept()[1].contains(":20003: skipped the last line"),
            "{:?}",
            r.warnings
        );
        assert!(r.iter().eq(expected.iter()));
        assert_eq!(r.warnings, expected.warnings);
    }
}
