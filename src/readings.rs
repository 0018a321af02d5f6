//! The append-only readings file, `<config stem>.readings.csv`: lines of
//! `time,event,platform,count,source` with an RFC 3339 UTC time and where the count came from.
//! Lines of the older four-column form still read, as [`Origin::Log`]. A reading exists once
//! its newline is written: a last line without one is a torn write, never read. Bad lines are
//! skipped with a warning.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::text::quote;

/// Where a reading came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Typed into the dashboard's prompt.
    Manual,
    /// Given to `dropwatch log`; also what four-column lines from before this column read as.
    Log,
    /// Printed by a stream's source command.
    Command,
    /// Fetched from a stream's source URL.
    Url,
}

impl Origin {
    /// The word written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Manual => "manual",
            Origin::Log => "log",
            Origin::Command => "command",
            Origin::Url => "url",
        }
    }

    /// The origin a word in the file names, if any.
    pub fn parse(word: &str) -> Option<Origin> {
        [Origin::Manual, Origin::Log, Origin::Command, Origin::Url]
            .into_iter()
            .find(|o| o.as_str() == word)
    }
}

/// One stream-count reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// When the count was read.
    pub time: DateTime<Utc>,
    /// The event id.
    pub event: String,
    /// The platform.
    pub platform: String,
    /// The count then.
    pub count: u64,
    /// Where the count came from.
    pub source: Origin,
}

impl Reading {
    /// The CSV line for this reading, with its newline.
    pub fn line(&self) -> String {
        format!(
            "{},{},{},{},{}\n",
            self.time.to_rfc3339_opts(SecondsFormat::Secs, true),
            self.event,
            self.platform,
            self.count,
            self.source.as_str()
        )
    }
}

/// All good readings of a file, oldest first, and a warning for each skipped line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readings {
    /// Parsed readings, sorted by time (stable for equal times).
    pub items: Vec<Reading>,
    /// One message per skipped line, naming the file and line.
    pub warnings: Vec<String>,
}

impl Readings {
    /// The readings of one stream, oldest first.
    pub fn of<'a>(
        &'a self,
        event: &'a str,
        platform: &'a str,
    ) -> impl Iterator<Item = &'a Reading> + 'a {
        self.items
            .iter()
            .filter(move |r| r.event == event && r.platform == platform)
    }
}

impl Readings {
    /// The rule for a count lower than the stream's last reading at or before `at`: it is a
    /// correction, recorded only once the user confirms (`log --force`, a second Enter in the
    /// prompt). Returns that last reading when `count` is lower than it.
    pub fn lower_than_last(
        &self,
        event: &str,
        platform: &str,
        at: DateTime<Utc>,
        count: u64,
    ) -> Option<&Reading> {
        self.items
            .iter()
            .rfind(|r| r.event == event && r.platform == platform && r.time <= at)
            .filter(|last| count < last.count)
    }
}

/// Parses the text of a readings file; `file` names it in warnings.
pub fn parse(text: &str, file: &str) -> Readings {
    let mut out = Readings::default();
    // Text after the last newline is a write that did not finish: not a reading.
    let (whole, torn) = match text.rfind('\n') {
        Some(i) => text.split_at(i + 1),
        None => ("", text),
    };
    let mut number = 0;
    for (i, line) in whole.lines().enumerate() {
        number = i + 1;
        let line = line.trim();
        if line.is_empty()
            || line.starts_with('#')
            || line == "time,event,platform,count"
            || line == "time,event,platform,count,source"
        {
            continue;
        }
        match parse_line(line) {
            Ok(r) => out.items.push(r),
            Err(why) => out
                .warnings
                .push(format!("{file}:{number}: skipped a reading: {why}")),
        }
    }
    let torn = torn.trim();
    if !torn.is_empty() && !torn.starts_with('#') {
        out.warnings.push(format!(
            "{file}:{}: skipped an incomplete last line (no newline at its end: a write that did not finish)",
            number + 1
        ));
    }
    out.items.sort_by_key(|r| r.time);
    out
}

fn parse_line(line: &str) -> Result<Reading, String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let (time, event, platform, count, source) = match fields[..] {
        [time, event, platform, count] => (time, event, platform, count, Origin::Log),
        [time, event, platform, count, source] => (
            time,
            event,
            platform,
            count,
            Origin::parse(source).ok_or_else(|| {
                format!(
                    "unknown source {}; write manual, log, command or url",
                    quote(source)
                )
            })?,
        ),
        _ => {
            return Err(format!(
                "expected 5 fields (time,event,platform,count,source), found {}",
                fields.len()
            ));
        }
    };
    let time = DateTime::parse_from_rfc3339(time)
        .map_err(|_| format!("{} is not an RFC 3339 time", quote(time)))?
        .with_timezone(&Utc);
    if event.is_empty() {
        return Err("the event is empty".into());
    }
    let count = count.parse::<u64>().map_err(|_| {
        format!(
            "{} is not a whole number from 0 to {}",
            quote(count),
            u64::MAX
        )
    })?;
    Ok(Reading {
        time,
        event: event.to_string(),
        platform: platform.to_string(),
        count,
        source,
    })
}

/// Reads a readings file; a missing file has no readings. Invalid UTF-8 is replaced, so a
/// garbage line is skipped like any other.
pub fn read(path: &Path) -> io::Result<Readings> {
    require_regular(path)?;
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(
            &String::from_utf8_lossy(&bytes),
            &path.display().to_string(),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Readings::default()),
        Err(e) => Err(e),
    }
}

/// Appends one reading so that afterwards the file holds either the whole line or nothing of
/// it. A torn tail left by an earlier failed write is cut off first (it is not a reading, and a
/// newline after it would make it one); the line goes in one write, then fsync; on any error
/// the file is cut back to where the line began. An exclusive lock keeps two dropwatch
/// processes from cutting each other's lines.
pub fn append(path: &Path, reading: &Reading) -> io::Result<()> {
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
    append_to(&mut file, reading.line().as_bytes())
    // The lock goes with the file.
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

fn append_to<S: Store>(file: &mut S, line: &[u8]) -> io::Result<()> {
    let len = file.seek(SeekFrom::End(0))?;
    let keep = line_boundary(file, len)?;
    if keep < len {
        file.set_len(keep)?;
    }
    file.seek(SeekFrom::Start(keep))?;
    if let Err(e) = file.write_all(line).and_then(|()| file.sync()) {
        // Nothing partial may stay: it would read as a different count.
        let _ = file.set_len(keep);
        let _ = file.sync();
        return Err(e);
    }
    Ok(())
}

/// The length of the file up to and including its last newline (0 without one).
fn line_boundary<S: Read + Seek>(file: &mut S, len: u64) -> io::Result<u64> {
    let mut end = len;
    let mut chunk = [0u8; 4096];
    while end > 0 {
        let start = end.saturating_sub(chunk.len() as u64);
        let buf = &mut chunk[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(buf)?;
        if let Some(i) = buf.iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines_sorted_and_bad_lines_named() {
        let text = "2022-04-24T16:00:00Z,with-you,Spotify,900000\n\
                    2022-04-24T15:00:00Z,with-you,Spotify,400000\n\
                    garbage\n\
                    2022-04-24T17:00:00Z,with-you,Spotify,-4\n\
                    2022-04-24T18:00:00Z,with-you,Spotify,99999999999999999999\n\
                    not-a-time,with-you,Spotify,5\n\
                    2022-04-24T19:00:00Z,with-you,Spot";
        let r = parse(text, "fan.readings.csv");
        let counts: Vec<u64> = r.items.iter().map(|r| r.count).collect();
        assert_eq!(counts, [400_000, 900_000]);
        assert_eq!(r.warnings.len(), 5);
        assert!(
            r.warnings[0].starts_with("fan.readings.csv:3: skipped"),
            "{:?}",
            r.warnings
        );
        assert!(r.warnings[1].contains("\"-4\""), "{:?}", r.warnings);
        assert!(
            r.warnings[4].starts_with("fan.readings.csv:7:"),
            "{:?}",
            r.warnings
        );
    }

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

    #[test]
    fn append_cuts_a_torn_tail_instead_of_making_it_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        // What a full disk left of `log with-you 1234567`: "12" is not a reading.
        std::fs::write(
            &path,
            "2022-04-24T15:00:00Z,with-you,Spotify,4000\n2022-04-24T15:30:00Z,with-you,Spotify,12",
        )
        .unwrap();
        let before = read(&path).unwrap();
        assert_eq!(before.items.len(), 1);
        assert_eq!(
            before.warnings,
            [format!(
                "{}:2: skipped an incomplete last line (no newline at its end: a write that did not finish)",
                path.display()
            )]
        );
        append(&path, &reading()).unwrap();
        append(&path, &reading()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "2022-04-24T15:00:00Z,with-you,Spotify,4000\n\
             2022-04-24T16:00:00Z,with-you,Spotify,2712345,log\n\
             2022-04-24T16:00:00Z,with-you,Spotify,2712345,log\n"
        );
        let after = read(&path).unwrap();
        assert_eq!(after.items.len(), 3);
        assert!(after.warnings.is_empty(), "{:?}", after.warnings);
    }

    #[test]
    fn a_torn_tail_longer_than_a_chunk_is_cut_whole() {
        let mut file = io::Cursor::new(format!("a\n{}", "x".repeat(10_000)).into_bytes());
        assert_eq!(line_boundary(&mut file, 10_002).unwrap(), 2);
        let mut file = io::Cursor::new(vec![b'x'; 5000]);
        assert_eq!(line_boundary(&mut file, 5000).unwrap(), 0);
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

    #[test]
    fn a_failed_append_leaves_nothing_of_its_line() {
        let committed = "2022-04-24T15:00:00Z,with-you,Spotify,4000\n";
        let line = reading().line();
        for room in [0, 1, 40, line.len() - 1] {
            let mut file = FullDisk {
                bytes: io::Cursor::new(committed.as_bytes().to_vec()),
                room,
            };
            let err = append_to(&mut file, line.as_bytes()).unwrap_err();
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
        append_to(&mut file, line.as_bytes()).unwrap();
        let text = String::from_utf8(file.bytes.into_inner()).unwrap();
        assert_eq!(text, format!("{committed}{line}"));
    }

    #[test]
    fn four_column_lines_read_as_log_and_sources_round_trip() {
        let text = "2022-04-24T15:00:00Z,with-you,Spotify,1\n\
                    2022-04-24T16:00:00Z,with-you,Spotify,2,manual\n\
                    2022-04-24T17:00:00Z,with-you,Spotify,3,url\n\
                    2022-04-24T18:00:00Z,with-you,Spotify,4,fax\n";
        let r = parse(text, "f.csv");
        let sources: Vec<Origin> = r.items.iter().map(|r| r.source).collect();
        assert_eq!(sources, [Origin::Log, Origin::Manual, Origin::Url]);
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].starts_with("f.csv:4:"), "{:?}", r.warnings);
        for o in [Origin::Manual, Origin::Log, Origin::Command, Origin::Url] {
            assert_eq!(Origin::parse(o.as_str()), Some(o));
        }
        let line = r.items[1].line();
        assert_eq!(parse(&line, "g").items, [r.items[1].clone()]);
    }

    #[test]
    fn missing_file_is_empty() {
        let r = read(Path::new("/nonexistent/dropwatch.readings.csv")).unwrap();
        assert!(r.items.is_empty() && r.warnings.is_empty());
    }
}
