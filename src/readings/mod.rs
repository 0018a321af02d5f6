//! The append-only readings file, `<config stem>.readings.csv`: lines of
//! `time,event,platform,count,source` with an RFC 3339 UTC time and where the count came from.
//! Lines of the older four-column form still read, as [`Origin::Log`]. A reading exists once
//! its newline is written: a last line without one is a torn write, never read. Bad lines are
//! skipped with a warning. Readings are held per stream, sorted by time, so the stream math
//! finds "now" and the pace window by binary search however long the file grows.

pub mod poll;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};

use crate::values::text::quote;

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

/// One reading of a stream, without the stream's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// When the count was read.
    pub time: DateTime<Utc>,
    /// The count then.
    pub count: u64,
    /// Where the count came from.
    pub source: Origin,
}

/// One stream's readings, oldest first (stable for equal times), as parallel slices: what the
/// stream math binary-searches. The default is a stream without readings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Series<'a> {
    /// When each count was read, ascending.
    pub times: &'a [DateTime<Utc>],
    /// The counts.
    pub counts: &'a [u64],
    /// Where each count came from.
    pub sources: &'a [Origin],
}

impl<'a> Series<'a> {
    /// How many readings the stream has.
    pub fn len(&self) -> usize {
        self.times.len()
    }

    /// Whether the stream has no readings.
    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    /// The `i`th reading, oldest first.
    pub fn get(&self, i: usize) -> Option<Point> {
        Some(Point {
            time: *self.times.get(i)?,
            count: *self.counts.get(i)?,
            source: *self.sources.get(i)?,
        })
    }

    /// How many readings are at or before `t`: the index just past them.
    pub fn upto(&self, t: DateTime<Utc>) -> usize {
        self.times.partition_point(|&x| x <= t)
    }

    /// The newest reading at or before `t` (the later one in the file on a tie).
    pub fn last_at(&self, t: DateTime<Utc>) -> Option<Point> {
        self.get(self.upto(t).checked_sub(1)?)
    }

    /// The readings, oldest first.
    pub fn iter(self) -> impl Iterator<Item = Point> + 'a {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
}

/// One stream's readings as stored: the names once, then one column per field, which keeps a
/// reading at 21 bytes (a year of 30 streams every 15 minutes is a million of them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Column {
    event: String,
    platform: String,
    times: Vec<DateTime<Utc>>,
    counts: Vec<u64>,
    sources: Vec<Origin>,
    /// A reading went in behind a later one since the last `sort`.
    unsorted: bool,
}

impl Column {
    fn series(&self) -> Series<'_> {
        Series {
            times: &self.times,
            counts: &self.counts,
            sources: &self.sources,
        }
    }

    /// Adds at the end; `sort` restores the order once a batch is in.
    fn push(&mut self, time: DateTime<Utc>, count: u64, source: Origin) {
        self.unsorted |= self.times.last().is_some_and(|&last| time < last);
        self.times.push(time);
        self.counts.push(count);
        self.sources.push(source);
    }

    /// Adds after every reading at or before `time`: the place a stable sort would give it.
    fn insert(&mut self, time: DateTime<Utc>, count: u64, source: Origin) {
        let i = self.times.partition_point(|&x| x <= time);
        self.times.insert(i, time);
        self.counts.insert(i, count);
        self.sources.insert(i, source);
    }

    /// Sorts by time, stable, when a `push` went out of order; a file written in order (the
    /// usual case: it is append-only) costs nothing here.
    fn sort(&mut self) {
        if !std::mem::take(&mut self.unsorted) {
            return;
        }
        let mut order: Vec<usize> = (0..self.times.len()).collect();
        order.sort_by_key(|&i| self.times[i]);
        self.times = order.iter().map(|&i| self.times[i]).collect();
        self.counts = order.iter().map(|&i| self.counts[i]).collect();
        self.sources = order.iter().map(|&i| self.sources[i]).collect();
    }
}

/// The good readings of a file, grouped per stream and sorted by time within each, and a
/// warning for each skipped line. Built once on load and extended as readings are appended,
/// so a frame never walks every reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readings {
    /// One per stream, in the order the file first names them.
    columns: Vec<Column>,
    /// `event,platform` to its column (a comma cannot be in either).
    index: HashMap<String, usize>,
    /// Readings in all columns.
    len: usize,
    /// One message per skipped line, naming the file and line.
    pub warnings: Vec<String>,
    /// Where the file was read: up to which byte and line, and whether the last warning is
    /// for a torn last line that a later read may find finished.
    read: Progress,
    /// Readings this process recorded itself (`add`) and has not read back from the file yet:
    /// when a refresh reads them, they are already in.
    unsaved: Vec<Reading>,
}

/// How much of the file a [`Readings`] holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Progress {
    /// Bytes up to and including the last newline read.
    end: u64,
    /// Whole lines read.
    lines: usize,
    /// The last warning is for a torn last line.
    torn: bool,
    /// Up to the last [`TAIL`] bytes before `end`: a refresh reads on from `end` only when the
    /// file still has them there (it grew by appends rather than being rewritten).
    tail: Vec<u8>,
}

/// Bytes of the file kept to recognise it on a refresh.
const TAIL: u64 = 64;

impl Readings {
    /// The readings of one stream, oldest first; empty when it has none.
    pub fn of(&self, event: &str, platform: &str) -> Series<'_> {
        self.column(event, platform)
            .map_or_else(Series::default, Column::series)
    }

    fn column(&self, event: &str, platform: &str) -> Option<&Column> {
        let i = *self.index.get(&key(event, platform))?;
        self.columns.get(i)
    }

    /// The column of a stream, made when it is new. `key` is scratch space, reused from line
    /// to line so that finding the column of a known stream allocates nothing.
    fn column_mut(&mut self, event: &str, platform: &str, key: &mut String) -> &mut Column {
        key.clear();
        key.push_str(event);
        key.push(',');
        key.push_str(platform);
        let i = match self.index.get(key.as_str()) {
            Some(&i) => i,
            None => {
                self.index.insert(key.clone(), self.columns.len());
                self.columns.push(Column {
                    event: event.to_string(),
                    platform: platform.to_string(),
                    ..Column::default()
                });
                self.columns.len() - 1
            }
        };
        &mut self.columns[i]
    }

    /// How many readings there are, in all streams.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no readings at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Each stream with readings, as (event, platform, readings), in the order the file first
    /// names them.
    pub fn streams(&self) -> impl Iterator<Item = (&str, &str, Series<'_>)> {
        self.columns
            .iter()
            .map(|c| (c.event.as_str(), c.platform.as_str(), c.series()))
    }

    /// Every reading, stream by stream, each stream oldest first.
    pub fn iter(&self) -> impl Iterator<Item = Reading> + '_ {
        self.streams().flat_map(|(event, platform, series)| {
            series.iter().map(move |p| Reading {
                time: p.time,
                event: event.to_string(),
                platform: platform.to_string(),
                count: p.count,
                source: p.source,
            })
        })
    }

    /// Puts one reading in its stream, after the readings at or before its time.
    fn insert(&mut self, r: Reading) {
        self.column_mut(&r.event, &r.platform, &mut String::new())
            .insert(r.time, r.count, r.source);
        self.len += 1;
    }

    /// Records a reading this process appended to the file (or keeps in memory without one):
    /// it extends its own stream only, and a later [`refresh`] does not count it twice.
    pub fn add(&mut self, reading: Reading) {
        self.unsaved.push(reading.clone());
        self.insert(reading);
    }

    /// The rule for a count lower than the stream's last reading at or before `at`: it is a
    /// correction, recorded only once the user confirms (`log --force`, a second Enter in the
    /// prompt). Returns that last reading when `count` is lower than it.
    pub fn lower_than_last(
        &self,
        event: &str,
        platform: &str,
        at: DateTime<Utc>,
        count: u64,
    ) -> Option<Point> {
        self.of(event, platform)
            .last_at(at)
            .filter(|last| count < last.count)
    }

    /// Reads on from where the last read stopped, line by line: never the whole file in memory.
    /// `file` names it in warnings.
    fn extend<R: BufRead>(&mut self, mut reader: R, file: &str) -> io::Result<()> {
        if std::mem::take(&mut self.read.torn) {
            // Read again below: finished by now, or still torn and warned about again.
            self.warnings.pop();
        }
        let mut buf = Vec::with_capacity(128);
        let mut key = String::new();
        loop {
            buf.clear();
            let n = reader.read_until(b'\n', &mut buf)?;
            if n == 0 {
                break;
            }
            let Some(whole) = buf.strip_suffix(b"\n") else {
                // Text after the last newline is a write that did not finish: not a reading.
                let text = String::from_utf8_lossy(&buf);
                let torn = text.trim();
                if !torn.is_empty() && !torn.starts_with('#') {
                    self.warnings.push(format!(
                        "{file}:{}: skipped an incomplete last line (no newline at its end: a write that did not finish)",
                        self.read.lines + 1
                    ));
                    self.read.torn = true;
                }
                break;
            };
            self.read.end += n as u64;
            self.read.lines += 1;
            let text = String::from_utf8_lossy(whole);
            let line = text.trim();
            if line.is_empty()
                || line.starts_with('#')
                || line == "time,event,platform,count"
                || line == "time,event,platform,count,source"
            {
                continue;
            }
            match parse_line(line) {
                Ok(r) => self.take(r, &mut key),
                Err(why) => self.warnings.push(format!(
                    "{file}:{}: skipped a reading: {why}",
                    self.read.lines
                )),
            }
        }
        for c in &mut self.columns {
            c.sort();
        }
        Ok(())
    }

    /// A reading read from the file: new, or one this process recorded already.
    fn take(&mut self, r: Line<'_>, key: &mut String) {
        if !self.unsaved.is_empty()
            && let Some(i) = self.unsaved.iter().position(|u| r.is(u))
        {
            self.unsaved.remove(i);
            return;
        }
        self.column_mut(r.event, r.platform, key)
            .push(r.time, r.count, r.source);
        self.len += 1;
    }
}

impl FromIterator<Reading> for Readings {
    fn from_iter<I: IntoIterator<Item = Reading>>(iter: I) -> Readings {
        let mut out = Readings::default();
        for r in iter {
            out.insert(r);
        }
        out
    }
}

fn key(event: &str, platform: &str) -> String {
    format!("{event},{platform}")
}

/// Parses the text of a readings file; `file` names it in warnings.
pub fn parse(text: &str, file: &str) -> Readings {
    let mut out = Readings::default();
    // Reading from memory cannot fail.
    let _ = out.extend(text.as_bytes(), file);
    out
}

/// A line's fields, borrowed from the line.
struct Line<'a> {
    time: DateTime<Utc>,
    event: &'a str,
    platform: &'a str,
    count: u64,
    source: Origin,
}

impl Line<'_> {
    /// Whether this is `r` as `Reading::line` wrote it (whole seconds).
    fn is(&self, r: &Reading) -> bool {
        self.event == r.event
            && self.platform == r.platform
            && self.count == r.count
            && self.source == r.source
            && self.time.timestamp() == r.time.timestamp()
    }
}

fn parse_line(line: &str) -> Result<Line<'_>, String> {
    let mut fields = [""; 5];
    let mut found = 0;
    for field in line.split(',') {
        if let Some(slot) = fields.get_mut(found) {
            *slot = field.trim();
        }
        found += 1;
    }
    let [time, event, platform, count, source] = fields;
    let source = match found {
        4 => Origin::Log,
        5 => Origin::parse(source).ok_or_else(|| {
            format!(
                "unknown source {}; write manual, log, command or url",
                quote(source)
            )
        })?,
        _ => {
            return Err(format!(
                "expected 5 fields (time,event,platform,count,source), found {found}"
            ));
        }
    };
    let time =
        parse_time(time).ok_or_else(|| format!("{} is not an RFC 3339 time", quote(time)))?;
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
    Ok(Line {
        time,
        event,
        platform,
        count,
        source,
    })
}

/// An RFC 3339 time. The form this file writes, `2022-04-24T15:00:00Z`, is read by hand: a
/// million of them load several times faster than through the general parser, which reads
/// every other form (offsets, fractions, leap seconds).
fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    plain_utc(text).or_else(|| {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    })
}

/// `YYYY-MM-DDTHH:MM:SSZ` exactly, with a real date and a second below 60; else `None`.
fn plain_utc(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 7)?, num(8, 10)?)?;
    let time = NaiveTime::from_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
    Some(date.and_time(time).and_utc())
}

/// Reads a readings file; a missing file has no readings. Invalid UTF-8 is replaced, so a
/// garbage line is skipped like any other.
pub fn read(path: &Path) -> io::Result<Readings> {
    require_regular(path)?;
    let mut out = Readings::default();
    match File::open(path) {
        Ok(file) => out.read_on(file, path)?,
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
    if !readings.read.grown(&mut file)? {
        // Dropped first: the old and the new readings never take memory at once.
        *readings = Readings::default();
        file.seek(SeekFrom::Start(0))?;
    }
    readings.read_on(file, path)
}

impl Readings {
    /// Reads `file` on from `self.read.end`, where it is positioned.
    fn read_on(&mut self, mut file: File, path: &Path) -> io::Result<()> {
        let mut reader = io::BufReader::with_capacity(64 * 1024, &mut file);
        self.extend(&mut reader, &path.display().to_string())?;
        drop(reader);
        let from = self.read.end.saturating_sub(TAIL);
        file.seek(SeekFrom::Start(from))?;
        self.read.tail.clear();
        (&mut file)
            .take(self.read.end - from)
            .read_to_end(&mut self.read.tail)?;
        Ok(())
    }
}

impl Progress {
    /// Whether `file` still starts with what was read of it, judged by its length and the
    /// bytes before `end`; leaves it at `end` when so.
    fn grown(&self, file: &mut File) -> io::Result<bool> {
        if file.metadata()?.len() < self.end {
            return Ok(false);
        }
        let from = self.end - self.tail.len() as u64;
        file.seek(SeekFrom::Start(from))?;
        let mut now = Vec::with_capacity(self.tail.len());
        (&mut *file)
            .take(self.tail.len() as u64)
            .read_to_end(&mut now)?;
        Ok(now == self.tail)
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
        let counts: Vec<u64> = r.iter().map(|r| r.count).collect();
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
        assert_eq!(before.len(), 1);
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
        assert_eq!(after.len(), 3);
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
        let items: Vec<Reading> = r.iter().collect();
        let sources: Vec<Origin> = items.iter().map(|r| r.source).collect();
        assert_eq!(sources, [Origin::Log, Origin::Manual, Origin::Url]);
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].starts_with("f.csv:4:"), "{:?}", r.warnings);
        for o in [Origin::Manual, Origin::Log, Origin::Command, Origin::Url] {
            assert_eq!(Origin::parse(o.as_str()), Some(o));
        }
        let line = items[1].line();
        assert_eq!(
            parse(&line, "g").iter().collect::<Vec<_>>(),
            [items[1].clone()]
        );
    }

    #[test]
    fn missing_file_is_empty() {
        let r = read(Path::new("/nonexistent/dropwatch.readings.csv")).unwrap();
        assert!(r.is_empty() && r.warnings.is_empty());
    }

    fn at(time: &str, event: &str, platform: &str, count: u64) -> Reading {
        Reading {
            time: crate::testing::utc(time),
            event: event.into(),
            platform: platform.into(),
            count,
            source: Origin::Url,
        }
    }

    #[test]
    fn readings_are_grouped_per_stream_in_time_order() {
        let text = "2022-04-24T16:00:00Z,with-you,Spotify,2,url\n\
                    2022-04-24T15:00:00Z,with-you,YouTube,10,url\n\
                    2022-04-24T15:00:00Z,with-you,Spotify,1,log\n\
                    2022-04-24T16:00:00Z,with-you,Spotify,3,manual\n\
                    2022-04-24T17:00:00+09:00,proof,Spotify,7\n";
        let r = parse(text, "f.csv");
        assert_eq!(r.len(), 5);
        let spotify = r.of("with-you", "Spotify");
        // Sorted by time; the two 16:00 readings keep their order in the file.
        assert_eq!(spotify.counts, [1, 2, 3]);
        assert_eq!(spotify.sources, [Origin::Log, Origin::Url, Origin::Manual]);
        assert_eq!(r.of("with-you", "YouTube").counts, [10]);
        assert_eq!(
            r.of("proof", "Spotify").times,
            [crate::testing::utc("2022-04-24T08:00:00Z")]
        );
        assert!(r.of("proof", "YouTube").is_empty());
        assert!(r.of("with-you", "spotify").is_empty(), "names are exact");
        let names: Vec<(&str, &str)> = r.streams().map(|(e, p, _)| (e, p)).collect();
        assert_eq!(
            names,
            [
                ("with-you", "Spotify"),
                ("with-you", "YouTube"),
                ("proof", "Spotify")
            ]
        );
    }

    #[test]
    fn add_extends_one_stream_in_time_order() {
        let mut r: Readings = [
            at("2022-04-24T15:00:00Z", "with-you", "Spotify", 1),
            at("2022-04-24T17:00:00Z", "with-you", "Spotify", 3),
            at("2022-04-24T15:00:00Z", "with-you", "YouTube", 10),
        ]
        .into_iter()
        .collect();
        r.add(at("2022-04-24T18:00:00Z", "with-you", "Spotify", 4));
        // Out of order, and on a tie after the reading already there.
        r.add(at("2022-04-24T16:00:00Z", "with-you", "Spotify", 2));
        r.add(at("2022-04-24T17:00:00Z", "with-you", "Spotify", 5));
        r.add(at("2022-04-24T12:00:00Z", "proof", "Spotify", 7));
        assert_eq!(r.of("with-you", "Spotify").counts, [1, 2, 3, 5, 4]);
        assert_eq!(r.of("with-you", "YouTube").counts, [10]);
        assert_eq!(r.of("proof", "Spotify").counts, [7]);
        assert_eq!(r.len(), 7);
    }

    #[test]
    fn lower_than_last_looks_at_the_stream_up_to_the_time() {
        let r: Readings = [
            at("2022-04-24T15:00:00Z", "with-you", "Spotify", 1000),
            at("2022-04-24T16:00:00Z", "with-you", "Spotify", 2000),
            at("2022-04-24T16:00:00Z", "with-you", "YouTube", 9000),
        ]
        .into_iter()
        .collect();
        let t = crate::testing::utc;
        let last = r
            .lower_than_last("with-you", "Spotify", t("2022-04-24T17:00:00Z"), 1500)
            .unwrap();
        assert_eq!((last.count, last.time), (2000, t("2022-04-24T16:00:00Z")));
        // Before 16:00 the last is 1000; the other platform's 9000 is not this stream's.
        assert!(
            r.lower_than_last("with-you", "Spotify", t("2022-04-24T15:30:00Z"), 1500)
                .is_none()
        );
        assert!(
            r.lower_than_last("with-you", "Spotify", t("2022-04-24T17:00:00Z"), 2000)
                .is_none()
        );
        assert!(
            r.lower_than_last("with-you", "Spotify", t("2022-04-24T14:00:00Z"), 0)
                .is_none()
        );
        assert!(
            r.lower_than_last("proof", "Spotify", t("2022-04-24T17:00:00Z"), 0)
                .is_none()
        );
    }

    #[test]
    fn a_long_file_read_in_reverse_is_sorted_once() {
        let mut text = String::new();
        for i in (0..5000u64).rev() {
            let t =
                crate::testing::utc("2022-04-24T00:00:00Z") + chrono::TimeDelta::minutes(i as i64);
            text.push_str(&at("2022-04-24T00:00:00Z", "e", "p", i).line().replacen(
                "2022-04-24T00:00:00Z",
                &t.to_rfc3339_opts(SecondsFormat::Secs, true),
                1,
            ));
        }
        let r = parse(&text, "f.csv");
        let counts = r.of("e", "p").counts;
        assert_eq!(counts.len(), 5000);
        assert!(counts.windows(2).all(|w| w[0] + 1 == w[1]));
    }

    #[test]
    fn the_plain_utc_form_reads_as_the_general_parser_reads_it() {
        for text in [
            "2022-04-24T15:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "2024-02-29T12:34:56Z",
        ] {
            assert_eq!(
                plain_utc(text),
                DateTime::parse_from_rfc3339(text).ok().map(|t| t.to_utc()),
                "{text}"
            );
        }
        // Not real dates or times: the fast path declines, and so does the parser.
        for text in [
            "2023-02-29T12:00:00Z",
            "2022-13-01T00:00:00Z",
            "2022-04-24T24:00:00Z",
            "2022-04-24T15:60:00Z",
            "2022-04-24T15:00:0xZ",
            "+022-04-24T15:00:00Z",
        ] {
            assert_eq!(plain_utc(text), None, "{text}");
            assert_eq!(parse_time(text), None, "{text}");
        }
        // Forms only the general parser reads.
        assert_eq!(
            parse_time("2022-04-24T15:00:60Z"),
            DateTime::parse_from_rfc3339("2022-04-24T15:00:60Z")
                .ok()
                .map(|t| t.to_utc())
        );
        assert_eq!(
            parse_time("2022-04-25T00:00:00+09:00"),
            Some(crate::testing::utc("2022-04-24T15:00:00Z"))
        );
        assert_eq!(
            parse_time("2022-04-24t15:00:00.5z"),
            DateTime::parse_from_rfc3339("2022-04-24t15:00:00.5z")
                .ok()
                .map(|t| t.to_utc())
        );
    }

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
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].ends_with(":4: skipped an incomplete last line (no newline at its end: a write that did not finish)"), "{:?}", r.warnings);
        file.write_all(b"6,url\nbad line\n").unwrap();
        refresh(&path, &mut r).unwrap();
        assert_eq!(r.of("proof", "Spotify").counts, [5, 6]);
        assert_eq!(r.warnings.len(), 1);
        assert!(
            r.warnings[0].contains(":5: skipped a reading"),
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
        assert_eq!(r.warnings.len(), 2);
        assert!(
            r.warnings[0].contains(":20002: skipped a reading"),
            "{:?}",
            r.warnings
        );
        assert!(
            r.warnings[1].contains(":20003: skipped an incomplete"),
            "{:?}",
            r.warnings
        );
        assert!(r.iter().eq(expected.iter()));
        assert_eq!(r.warnings, expected.warnings);
    }
}
