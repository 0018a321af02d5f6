//! The readings in memory: held per stream and sorted by time, so the stream math finds "now"
//! and the pace window by binary search however long the file grows. Filled from the lines of
//! the file (or any text) and extended as readings are appended; no file is opened here.

use std::collections::HashMap;
use std::io::{self, BufRead};

use chrono::{DateTime, SecondsFormat, Utc};

use super::line::{self, Found, Line, Origin, Position, Reading};
use super::warnings::Warnings;
use crate::config::Sum;
use crate::lang::{Arg, Lang};

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

/// A count that disagrees with a neighbouring reading of its stream (see
/// [`Readings::conflict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// Lower than this reading, the stream's last at or before its time.
    Lower(Point),
    /// Higher than this reading, the stream's first after its time.
    Higher(Point),
}

impl Conflict {
    /// "2,000,000 is lower than the reading before it (2,800,000 at 2022-04-24T22:00:00Z)":
    /// what `log` (in English) and the prompt (in the fan's language) say, naming the
    /// neighbour; its time in ISO form, as the fan would type it.
    pub(crate) fn describe(self, count: u64, lang: Lang) -> String {
        let (key, p) = match self {
            Conflict::Lower(p) => ("problems-conflict-lower", p),
            Conflict::Higher(p) => ("problems-conflict-higher", p),
        };
        let time = p.time.to_rfc3339_opts(SecondsFormat::Secs, true);
        let args = [
            ("count", Arg::from(lang.count(count))),
            ("other", Arg::from(lang.count(p.count))),
            ("time", Arg::from(time)),
        ];
        lang.t_with(key, &args).into_owned()
    }
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
    pub(crate) sources: &'a [Origin],
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

    /// Takes out one reading of `time`, `count` and `source`, if there is one; the column is
    /// sorted.
    fn remove(&mut self, time: DateTime<Utc>, count: u64, source: Origin) -> bool {
        let from = self.times.partition_point(|&x| x < time);
        let to = self.times.partition_point(|&x| x <= time);
        let Some(i) = (from..to)
            .rev()
            .find(|&i| self.counts[i] == count && self.sources[i] == source)
        else {
            return false;
        };
        self.times.remove(i);
        self.counts.remove(i);
        self.sources.remove(i);
        true
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
    /// One message per skipped line, naming the file and line: the first few, and how many.
    pub warnings: Warnings,
    /// How much of the file these readings hold: where a refresh reads on from.
    pub(super) read: Progress,
    /// Readings this process recorded itself (`add`) and has not read back from the file yet:
    /// when a refresh reads them, they are already in.
    unsaved: Vec<Reading>,
    /// The streams that are sums of others, their readings worked out by [`Readings::set_sums`].
    sums: Vec<Column>,
}

/// How much of the file a [`Readings`] holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Progress {
    /// Bytes and whole lines read, up to the last newline.
    pub(super) at: Position,
    /// The last warning is for a torn last line, which a later read may find finished.
    torn: bool,
    /// The last line had no line end but read as a reading, which is in: a later read takes
    /// it out and reads the line again, ended by then or not.
    unended: Option<Reading>,
    /// The last few bytes before `at.end`, kept by the file reader: a refresh reads on from
    /// `at` only when the file still has them there (it grew by appends, not a rewrite).
    pub(super) tail: Vec<u8>,
}

impl Readings {
    /// The readings of one stream, oldest first; empty when it has none. A sum's are those
    /// [`Readings::set_sums`] worked out.
    pub fn of(&self, event: &str, platform: &str) -> Series<'_> {
        if let Some(sum) = self
            .sums
            .iter()
            .find(|c| c.event == event && c.platform == platform)
        {
            return sum.series();
        }
        self.column(event, platform)
            .map_or_else(Series::default, Column::series)
    }

    /// Works out the readings of each sum stream again from its parts' readings: at each
    /// instant any part was read, the sum of every part's newest reading then (a part not read
    /// yet counts its config count). Call after the readings or the sums changed.
    pub(crate) fn set_sums(&mut self, sums: &[Sum]) {
        self.sums = sums.iter().map(|s| self.sum_column(s)).collect();
    }

    fn sum_column(&self, sum: &Sum) -> Column {
        let parts: Vec<Series<'_>> = sum
            .parts
            .iter()
            .map(|(e, p, _)| {
                self.column(e, p)
                    .map_or_else(Series::default, Column::series)
            })
            .collect();
        let mut current: Vec<u64> = sum.parts.iter().map(|p| p.2).collect();
        let mut at = vec![0usize; parts.len()];
        let mut out = Column {
            event: sum.event.clone(),
            platform: sum.platform.clone(),
            ..Column::default()
        };
        // A merge of the parts' sorted times: each instant once, every part moved past it.
        while let Some(t) = parts
            .iter()
            .zip(&at)
            .filter_map(|(s, &i)| s.times.get(i).copied())
            .min()
        {
            let mut source = Origin::Log;
            for (k, (s, i)) in parts.iter().zip(at.iter_mut()).enumerate() {
                while s.times.get(*i) == Some(&t) {
                    current[k] = s.counts[*i];
                    source = s.sources[*i];
                    *i += 1;
                }
            }
            let total = current.iter().fold(0u64, |n, &c| n.saturating_add(c));
            out.push(t, total, source);
        }
        out
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
            // A column emptied again (a last line read before its line end came) is no stream.
            .filter(|c| !c.times.is_empty())
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
    /// it extends its own stream only, and a later [`refresh`](super::refresh) does not count
    /// it twice.
    pub fn add(&mut self, reading: Reading) {
        self.unsaved.push(reading.clone());
        self.insert(reading);
    }

    /// The one rule for a count recorded at `at` (now, or back-filled in a replay or with
    /// `log --at`): counts only grow, so one lower than the stream's reading just before it or
    /// higher than the one just after it is a correction or a mistake, recorded only once the
    /// user confirms (`log --force`, a second Enter in the prompt). Returns which neighbour it
    /// disagrees with; the one before first when it disagrees with both.
    pub fn conflict(
        &self,
        event: &str,
        platform: &str,
        at: DateTime<Utc>,
        count: u64,
    ) -> Option<Conflict> {
        let series = self.of(event, platform);
        // Readings at `at` itself come before it: a new one goes in after them.
        let after = series.upto(at);
        let before = after.checked_sub(1).and_then(|i| series.get(i));
        if let Some(before) = before.filter(|b| count < b.count) {
            return Some(Conflict::Lower(before));
        }
        series
            .get(after)
            .filter(|a| count > a.count)
            .map(Conflict::Higher)
    }

    /// Reads on from where the last read stopped, line by line: never the whole file in memory.
    /// `file` names it in warnings.
    pub(super) fn extend<R: BufRead>(&mut self, reader: R, file: &str) -> io::Result<()> {
        if std::mem::take(&mut self.read.torn) {
            // Read again below: finished by now, or still torn and warned about again.
            self.warnings.pop();
        }
        if let Some(r) = self.read.unended.take()
            && let Some(&i) = self.index.get(&key(&r.event, &r.platform))
            && self.columns[i].remove(r.time, r.count, r.source)
        {
            self.len -= 1;
        }
        let mut at = self.read.at;
        let mut key = String::new();
        let read = line::read_lines(reader, file, &mut at, |found| match found {
            Found::Reading(r) => self.take(r, &mut key),
            Found::Skipped(why) => self.warnings.push(why),
            Found::Unended(r) => {
                // Not matched with `unsaved`: what this process recorded has its newline.
                self.column_mut(r.event, r.platform, &mut key)
                    .push(r.time, r.count, r.source);
                self.len += 1;
                self.read.unended = Some(Reading {
                    time: r.time,
                    event: r.event.to_string(),
                    platform: r.platform.to_string(),
                    count: r.count,
                    source: r.source,
                });
            }
            Found::Torn(why) => {
                self.warnings.push(why);
                self.read.torn = true;
            }
        });
        self.read.at = at;
        read?;
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

#[cfg(test)]
mod sum_tests {
    use super::*;

    #[test]
    fn a_sum_adds_each_parts_newest_reading_at_every_instant() {
        // MV read at 10:00 (100) and 12:00 (300); the dance practice at 11:00 (50), and 7
        // before that (its config count). At 10:00: 100 + 7; 11:00: 100 + 50; 12:00: 300 + 50.
        let text = "2022-04-24T10:00:00Z,e,MV,100,url\n\
                    2022-04-24T11:00:00Z,e,Dance,50,url\n\
                    2022-04-24T12:00:00Z,e,MV,300,url\n";
        let mut r = parse(text, "r.csv");
        r.set_sums(&[Sum {
            event: "e".into(),
            platform: "All".into(),
            parts: vec![
                ("e".into(), "MV".into(), 0),
                ("e".into(), "Dance".into(), 7),
            ],
        }]);
        let all = r.of("e", "All");
        assert_eq!(all.counts, [107, 150, 350]);
        assert_eq!(all.times.len(), 3);
        assert_eq!(r.len(), 3, "a sum's readings are not readings of the file");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::url_reading as at;

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
    fn a_conflict_is_with_the_reading_just_before_or_just_after() {
        let r: Readings = [
            at("2022-04-24T15:00:00Z", "with-you", "Spotify", 1000),
            at("2022-04-24T16:00:00Z", "with-you", "Spotify", 2000),
            at("2022-04-24T18:00:00Z", "with-you", "Spotify", 3000),
            at("2022-04-24T16:00:00Z", "with-you", "YouTube", 9000),
        ]
        .into_iter()
        .collect();
        let t = crate::testing::utc;
        let point = |time: &str, count| Point {
            time: t(time),
            count,
            source: Origin::Url,
        };
        let conflict = |time: &str, count| r.conflict("with-you", "Spotify", t(time), count);
        // After the last reading: only the one before counts.
        assert_eq!(
            conflict("2022-04-24T19:00:00Z", 2500),
            Some(Conflict::Lower(point("2022-04-24T18:00:00Z", 3000)))
        );
        assert_eq!(conflict("2022-04-24T19:00:00Z", 3000), None);
        // Between 16:00 and 18:00: from 2000 to 3000, either end included.
        assert_eq!(conflict("2022-04-24T17:00:00Z", 2000), None);
        assert_eq!(conflict("2022-04-24T17:00:00Z", 3000), None);
        assert_eq!(
            conflict("2022-04-24T17:00:00Z", 3001),
            Some(Conflict::Higher(point("2022-04-24T18:00:00Z", 3000)))
        );
        assert_eq!(
            conflict("2022-04-24T17:00:00Z", 1999),
            Some(Conflict::Lower(point("2022-04-24T16:00:00Z", 2000)))
        );
        // At 16:00 itself the 16:00 reading is the one before; before 15:00, only one after.
        assert_eq!(conflict("2022-04-24T16:00:00Z", 2500), None);
        assert_eq!(
            conflict("2022-04-24T14:00:00Z", 1001),
            Some(Conflict::Higher(point("2022-04-24T15:00:00Z", 1000)))
        );
        assert_eq!(conflict("2022-04-24T14:00:00Z", 0), None);
        // The other platform's 9000 is not this stream's; a stream without readings has none.
        assert_eq!(conflict("2022-04-24T15:30:00Z", 1500), None);
        assert_eq!(
            r.conflict("proof", "Spotify", t("2022-04-24T17:00:00Z"), 0),
            None
        );
        assert_eq!(
            Conflict::Higher(point("2022-04-24T18:00:00Z", 3_000_000))
                .describe(3_000_001, Lang::En),
            "3,000,001 is higher than the reading after it (3,000,000 at 2022-04-24T18:00:00Z)"
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
                &t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                1,
            ));
        }
        let r = parse(&text, "f.csv");
        let counts = r.of("e", "p").counts;
        assert_eq!(counts.len(), 5000);
        assert!(counts.windows(2).all(|w| w[0] + 1 == w[1]));
    }
}
