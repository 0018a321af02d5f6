//! The line format of the readings file, `<config stem>.readings.csv`: lines of
//! `time,event,platform,count,source` with an RFC 3339 UTC time and where the count came from.
//! Lines of the older four-column form still read, as [`Origin::Log`]. LF, CR and CRLF end a
//! line; a last line without a line end is read only when it cannot be a write cut short
//! (see [`Tail`]). Blank lines, `#` comments and the header are passed over; any other bad
//! line is skipped with a warning.

use std::io::{self, BufRead};

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};

use super::warnings::{Skip, Warning, Why};
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
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Origin::Manual => "manual",
            Origin::Log => "log",
            Origin::Command => "command",
            Origin::Url => "url",
        }
    }

    /// The origin a word in the file names, if any.
    pub(crate) fn parse(word: &str) -> Option<Origin> {
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

/// A line's fields, borrowed from the line: a good line costs no allocation.
pub(super) struct Line<'a> {
    /// When the count was read.
    pub(super) time: DateTime<Utc>,
    /// The event id.
    pub(super) event: &'a str,
    /// The platform.
    pub(super) platform: &'a str,
    /// The count then.
    pub(super) count: u64,
    /// Where the count came from.
    pub(super) source: Origin,
}

impl Line<'_> {
    /// Whether this is `r` as `Reading::line` wrote it (whole seconds).
    pub(super) fn is(&self, r: &Reading) -> bool {
        self.event == r.event
            && self.platform == r.platform
            && self.count == r.count
            && self.source == r.source
            && self.time.timestamp() == r.time.timestamp()
    }
}

/// How far a reader has got through a file: where a later read goes on from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Position {
    /// Bytes up to and including the last line end read.
    pub(super) end: u64,
    /// Whole lines read.
    pub(super) lines: usize,
    /// The last line end read was a CR: a LF right after it belongs to it (CRLF).
    pub(super) after_cr: bool,
}

/// What a line of the file holds for its reader.
pub(super) enum Found<'a> {
    /// A reading.
    Reading(Line<'a>),
    /// A bad line, skipped: the warning names the file and the line.
    Skipped(Warning),
    /// A last line without a line end that reads as a whole reading (see [`Tail`]): read, but
    /// not passed, so that a later read takes it again once it is ended. Always the last thing
    /// found.
    Unended(Line<'a>),
    /// A last line without a line end that may be a write that did not finish: the warning
    /// names it. Always the last thing found.
    Torn(Warning),
}

/// What a last line without a line end is. A line dropwatch writes is
/// `time,event,platform,count,source` in one write, so a write of ours cut short by a crash
/// leaves a prefix of such a line; its source word comes last and no source word is the start
/// of another, so a cut one never reads as a five-column reading, while one cut inside the
/// count (`…,Spotify,12`) does read as a four-column one, with the wrong count. A person's
/// line typed without a newline looks the same as either. So the rule: a five-column reading,
/// a blank line or a comment is whole (ours lacking only its newline, or a person's), and is
/// kept and ended by the next append; anything else may be a torn write and is never read as
/// a reading, but set aside whole by the next append, never deleted.
pub(super) enum Tail<'a> {
    /// Blank, a comment or the header: nothing to read, nothing torn.
    Nothing,
    /// A whole five-column reading.
    Reading(Line<'a>),
    /// Anything else: perhaps a write that did not finish.
    Torn,
}

/// What the trimmed text of a last line without a line end is, by the rule of [`Tail`].
pub(super) fn tail(line: &str) -> Tail<'_> {
    if passed_over(line) {
        return Tail::Nothing;
    }
    match parse_line(line) {
        Ok(r) if line.split(',').count() == 5 => Tail::Reading(r),
        _ => Tail::Torn,
    }
}

/// What the name of the file a last line is moved into adds to the readings file's name.
pub(super) const SET_ASIDE: &str = ".incomplete";

/// The longest line that can be a reading. Longer ones are skipped, and never held whole.
pub(super) const MAX_LINE: usize = 64 * 1024;

/// Where a line ends: a LF, a CR, or a CR and LF together. Editors on every system write one
/// of these, and a file of CR-only lines holds as many readings as it has lines.
pub(super) fn is_line_end(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// Reads the whole lines of `reader` one at a time, on from `at`, and hands what each holds to
/// `found`: never the whole file in memory. `file` names it in warnings; `at` ends after the
/// last line end, so a last line without one is read again next time.
pub(super) fn read_lines<R: BufRead>(
    mut reader: R,
    file: &str,
    at: &mut Position,
    mut found: impl FnMut(Found<'_>),
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(128);
    loop {
        skip_lf_after_cr(&mut reader, at)?;
        let (n, end, long) = next_line(&mut reader, &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(without_bom(&buf, at.end));
        let line = text.trim();
        let Some(end) = end else {
            match if long { Tail::Torn } else { tail(line) } {
                Tail::Nothing => {}
                Tail::Reading(r) => found(Found::Unended(r)),
                Tail::Torn => found(Found::Torn(Warning {
                    file: file.to_string(),
                    line: at.lines + 1,
                    skip: Skip::Torn(format!("{file}{SET_ASIDE}")),
                })),
            }
            return Ok(());
        };
        at.end += n;
        at.lines += 1;
        at.after_cr = end == b'\r';
        if long {
            found(Found::Skipped(Warning {
                file: file.to_string(),
                line: at.lines,
                skip: Skip::Long(MAX_LINE / 1024),
            }));
            continue;
        }
        if passed_over(line) {
            continue;
        }
        found(match parse_line(line) {
            Ok(r) => Found::Reading(r),
            Err(why) => Found::Skipped(Warning {
                file: file.to_string(),
                line: at.lines,
                skip: Skip::Reading(why),
            }),
        });
    }
}

/// The bytes of a line that begins at `start` in the file, without the UTF-8 byte order mark
/// some editors (Notepad, spreadsheets) put first in a file.
pub(super) fn without_bom(line: &[u8], start: u64) -> &[u8] {
    match line.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) if start == 0 => rest,
        _ => line,
    }
}

/// Takes the LF of a CRLF whose CR ended the last line read, once there is a byte to look at.
fn skip_lf_after_cr<R: BufRead>(reader: &mut R, at: &mut Position) -> io::Result<()> {
    if !at.after_cr {
        return Ok(());
    }
    if let Some(&first) = fill(reader)?.first() {
        at.after_cr = false;
        if first == b'\n' {
            reader.consume(1);
            at.end += 1;
        }
    }
    Ok(())
}

/// Reads the next line into `buf`, without its line end and at most [`MAX_LINE`] bytes of it
/// (the rest is passed over, never held); returns the bytes taken (its line end included),
/// that line end (`None` when the file ends first), and whether it was longer.
fn next_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>) -> io::Result<(u64, Option<u8>, bool)> {
    buf.clear();
    let mut n = 0;
    let mut long = false;
    loop {
        let chunk = fill(reader)?;
        if chunk.is_empty() {
            return Ok((n, None, long));
        }
        let (text, end) = match chunk.iter().position(|&b| is_line_end(b)) {
            Some(i) => (&chunk[..i], Some(chunk[i])),
            None => (chunk, None),
        };
        let room = MAX_LINE - buf.len();
        long |= text.len() > room;
        buf.extend_from_slice(&text[..text.len().min(room)]);
        let taken = text.len() + usize::from(end.is_some());
        reader.consume(taken);
        n += taken as u64;
        if end.is_some() {
            return Ok((n, end, long));
        }
    }
}

/// The reader's next bytes, read again when a signal interrupts the read.
fn fill<R: BufRead>(reader: &mut R) -> io::Result<&[u8]> {
    // Checked, then taken: a loop returning the bytes it borrowed would hold `reader` for its
    // next turn. The second call only hands back what the first read.
    while let Err(e) = reader.fill_buf() {
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    reader.fill_buf()
}

/// A line that holds no reading and is no mistake either: blank, a comment or a header.
fn passed_over(line: &str) -> bool {
    line.is_empty()
        || line.starts_with('#')
        || line == "time,event,platform,count"
        || line == "time,event,platform,count,source"
}

/// The fields of one line (trimmed, without its newline), or why it is not a reading.
fn parse_line(line: &str) -> Result<Line<'_>, Why> {
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
        5 => Origin::parse(source).ok_or_else(|| Why::Source(quote(source)))?,
        _ => return Err(Why::Fields(found)),
    };
    let time = parse_time(time).ok_or_else(|| Why::Time(quote(time)))?;
    if event.is_empty() {
        return Err(Why::NoEvent);
    }
    let count = count.parse::<u64>().map_err(|_| Why::Count(quote(count)))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readings::parse;

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
        assert_eq!(r.warnings.count(), 5);
        assert!(
            r.warnings.kept()[0].starts_with("fan.readings.csv:3: skipped"),
            "{:?}",
            r.warnings
        );
        assert!(r.warnings.kept()[1].contains("\"-4\""), "{:?}", r.warnings);
        assert!(
            r.warnings.kept()[4].starts_with("fan.readings.csv:7:"),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn a_bom_before_the_first_line_is_skipped() {
        // Notepad and some spreadsheets start a UTF-8 file with one.
        let text = "\u{feff}2022-04-24T15:00:00Z,with-you,Spotify,1,log\n\
                    \u{feff}2022-04-24T16:00:00Z,with-you,Spotify,2,log\n";
        let r = parse(text, "f.csv");
        assert_eq!(r.of("with-you", "Spotify").counts, [1]);
        // Only the first: one later is a bad line.
        assert_eq!(r.warnings.count(), 1, "{:?}", r.warnings);
        assert!(
            r.warnings.kept()[0].starts_with("f.csv:2:"),
            "{:?}",
            r.warnings
        );
        let r = parse("\u{feff}time,event,platform,count,source\r", "f.csv");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let r = parse(
            "\u{feff}2022-04-24T15:00:00Z,with-you,Spotify,1,log",
            "f.csv",
        );
        assert_eq!(r.len(), 1);
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
        assert_eq!(r.warnings.count(), 1);
        assert!(
            r.warnings.kept()[0].starts_with("f.csv:4:"),
            "{:?}",
            r.warnings
        );
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
}
