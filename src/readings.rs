//! The append-only readings file, `<config stem>.readings.csv`: lines of
//! `time,event,platform,count` with an RFC 3339 UTC time. Bad lines are skipped with a warning.

use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};

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
}

impl Reading {
    /// The CSV line for this reading, with its newline.
    pub fn line(&self) -> String {
        format!(
            "{},{},{},{}\n",
            self.time.to_rfc3339_opts(SecondsFormat::Secs, true),
            self.event,
            self.platform,
            self.count
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
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == "time,event,platform,count" {
            continue;
        }
        match parse_line(line) {
            Ok(r) => out.items.push(r),
            Err(why) => out
                .warnings
                .push(format!("{file}:{}: skipped a reading: {why}", i + 1)),
        }
    }
    out.items.sort_by_key(|r| r.time);
    out
}

fn parse_line(line: &str) -> Result<Reading, String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let [time, event, platform, count] = fields[..] else {
        return Err(format!(
            "expected 4 fields (time,event,platform,count), found {}",
            fields.len()
        ));
    };
    let time = DateTime::parse_from_rfc3339(time)
        .map_err(|_| format!("\"{time}\" is not an RFC 3339 time"))?
        .with_timezone(&Utc);
    if event.is_empty() {
        return Err("the event is empty".into());
    }
    let count = count
        .parse::<u64>()
        .map_err(|_| format!("\"{count}\" is not a whole number from 0 to {}", u64::MAX))?;
    Ok(Reading {
        time,
        event: event.to_string(),
        platform: platform.to_string(),
        count,
    })
}

/// Reads a readings file; a missing file has no readings. Invalid UTF-8 is replaced, so a
/// garbage line is skipped like any other.
pub fn read(path: &Path) -> io::Result<Readings> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(
            &String::from_utf8_lossy(&bytes),
            &path.display().to_string(),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Readings::default()),
        Err(e) => Err(e),
    }
}

/// Appends one reading with a single `write` of the whole line, then fsyncs. If the file ends
/// in a torn line, a newline goes first in the same write so the new line stands alone.
pub fn append(path: &Path, reading: &Reading) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(path)?;
    let len = file.metadata()?.len();
    let mut line = reading.line();
    if len > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::Start(len - 1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            line.insert(0, '\n');
        }
    }
    file.write_all(line.as_bytes())?;
    file.sync_all()
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

    #[test]
    fn append_after_a_torn_line_starts_a_new_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.readings.csv");
        std::fs::write(&path, "2022-04-24T15:00:00Z,with-you,Spotify,4000").unwrap();
        let reading = Reading {
            time: DateTime::parse_from_rfc3339("2022-04-24T16:00:00Z")
                .unwrap()
                .to_utc(),
            event: "with-you".into(),
            platform: "Spotify".into(),
            count: 2_712_345,
        };
        append(&path, &reading).unwrap();
        append(&path, &reading).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "2022-04-24T15:00:00Z,with-you,Spotify,4000\n\
             2022-04-24T16:00:00Z,with-you,Spotify,2712345\n\
             2022-04-24T16:00:00Z,with-you,Spotify,2712345\n"
        );
        assert_eq!(read(&path).unwrap().items.len(), 3);
    }

    #[test]
    fn missing_file_is_empty() {
        let r = read(Path::new("/nonexistent/dropwatch.readings.csv")).unwrap();
        assert!(r.items.is_empty() && r.warnings.is_empty());
    }
}
