//! A Spotify chart file, as fans download it: the streams each rank had on a day (or a week),
//! read so that goals can be set from them. Both forms are read: the older download (a line of
//! notes, then `Position,Track Name,Artist,Streams,URL`) and the current one (`rank,uri,
//! artist_names,track_name,[source,]peak_rank,previous_rank,days_on_chart|weeks_on_chart,
//! streams`), with or without a UTF-8 BOM, numbers quoted with commas or not. It lives with the
//! readings because it is one more file of stream counts read from disk; the parsing is pure.

use std::path::Path;

use chrono::NaiveDate;

use crate::values::text::quote;

/// The largest chart file read: a chart has 200 rows (a few dozen KiB); anything far beyond
/// that is not one.
const MAX_CHART: u64 = 4 << 20;

/// How many lines of notes may come before the header.
const MAX_PREAMBLE: usize = 5;

/// One row of a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The position, 1 is the top.
    pub(crate) rank: u32,
    /// The track's title (may be empty when the file has no such column).
    pub(crate) track: String,
    /// The artist(s).
    pub(crate) artist: String,
    /// Streams in the chart's period.
    pub(crate) streams: u64,
}

/// A chart read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chart {
    /// The file's name (not its directory), for provenance.
    pub(crate) file: String,
    /// The region's code from the file name ("global", "kr"), if it names one.
    pub(crate) region: Option<String>,
    /// The chart's date: the file name's (the last date in it), else none.
    pub(crate) date: Option<NaiveDate>,
    /// Whether it is a weekly chart (a `weeks_on_chart` column, or "weekly" in the name).
    pub(crate) weekly: bool,
    /// Rows by rank, in file order.
    pub(crate) rows: Vec<Row>,
}

/// What is wrong with a chart file: the line (1-based) where there is one, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChartProblem {
    /// The line in the file, when the problem is on one.
    pub(crate) line: Option<u64>,
    /// What is wrong.
    pub(crate) message: String,
    /// What to do instead.
    pub(crate) hint: String,
}

impl ChartProblem {
    fn new(line: Option<u64>, message: impl Into<String>, hint: impl Into<String>) -> Self {
        ChartProblem {
            line,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The problem as one message naming `file`.
    pub(crate) fn describe(&self, file: &str) -> String {
        let at = self.line.map(|l| format!(":{l}")).unwrap_or_default();
        format!("{file}{at}: {}; {}", self.message, self.hint)
    }
}

impl Chart {
    /// The streams the row at `rank` had.
    pub(crate) fn streams_at(&self, rank: u32) -> Option<u64> {
        self.rows.iter().find(|r| r.rank == rank).map(|r| r.streams)
    }

    /// The region as a label starts with it: "Global", "KR"; "Spotify" when the file does not
    /// name one.
    pub(crate) fn region_label(&self) -> String {
        match self.region.as_deref() {
            Some("global") => "Global".into(),
            Some(code) => code.to_uppercase(),
            None => "Spotify".into(),
        }
    }
}

/// Reads the chart file at `path`, refusing a special file or one over 4 MiB.
pub(crate) fn read_chart(path: &Path) -> Result<Chart, String> {
    use std::io::Read;
    let shown = path.display().to_string();
    crate::files::require_regular(path, "the chart")?;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_CHART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > MAX_CHART {
        return Err(format!(
            "{shown} is over 4 MiB, far more than a chart of 200 rows; pass the chart's CSV file"
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_chart(&bytes, &name).map_err(|p| p.describe(&shown))
}

/// Reads a chart from the bytes of a file named `name`.
pub(crate) fn parse_chart(bytes: &[u8], name: &str) -> Result<Chart, ChartProblem> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ChartProblem::new(
            None,
            "this is not UTF-8 text",
            "pass the CSV file the chart site downloads",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let columns = header(&mut records)?;
    let mut rows: Vec<Row> = Vec::new();
    for record in records {
        let record = record.map_err(|e| {
            let line = e.position().map(csv::Position::line);
            ChartProblem::new(line, "this line is not CSV", "pass the chart's CSV file")
        })?;
        let line = record.position().map(csv::Position::line);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let row = columns.row(&record, line)?;
        if rows.iter().any(|r| r.rank == row.rank) {
            return Err(ChartProblem::new(
                line,
                format!("rank {} is on the chart twice", row.rank),
                "pass the chart file as downloaded",
            ));
        }
        rows.push(row);
    }
    let (region, weekly_name, date) = name_parts(name);
    Ok(Chart {
        file: name.to_string(),
        region,
        date,
        weekly: columns.weekly || weekly_name,
        rows,
    })
}

/// Where each column is.
struct Columns {
    rank: usize,
    streams: usize,
    track: Option<usize>,
    artist: Option<usize>,
    weekly: bool,
}

/// Finds the header among the first lines (the older form has a line of notes first).
fn header(records: &mut csv::StringRecordsIter<'_, &[u8]>) -> Result<Columns, ChartProblem> {
    for _ in 0..=MAX_PREAMBLE {
        let Some(record) = records.next() else { break };
        let Ok(record) = record else { continue };
        let names: Vec<String> = record.iter().map(|f| f.trim().to_lowercase()).collect();
        let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
        let (Some(rank), Some(streams)) = (find(&["position", "rank"]), find(&["streams"])) else {
            continue;
        };
        return Ok(Columns {
            rank,
            streams,
            track: find(&["track name", "track_name"]),
            artist: find(&["artist", "artist_names"]),
            weekly: find(&["weeks_on_chart"]).is_some(),
        });
    }
    Err(ChartProblem::new(
        Some(1),
        "no header with a rank (or Position) and a streams column in the first lines",
        "pass a Spotify chart CSV: rank,uri,artist_names,track_name,…,streams",
    ))
}

impl Columns {
    fn row(&self, record: &csv::StringRecord, line: Option<u64>) -> Result<Row, ChartProblem> {
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let rank = field(self.rank);
        let rank: u32 = rank.parse().ok().filter(|r| *r > 0).ok_or_else(|| {
            ChartProblem::new(
                line,
                format!("the rank {} is not a position", quote(rank)),
                "a rank is a whole number from 1",
            )
        })?;
        let streams = field(self.streams);
        // Thousands separators as fans' spreadsheets write them; never a decimal point.
        let digits: String = streams
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_'))
            .collect();
        let streams = digits.parse::<u64>().map_err(|_| {
            ChartProblem::new(
                line,
                format!(
                    "the streams {} at rank {rank} are not a count",
                    quote(streams)
                ),
                "streams are a whole number, e.g. 2712345 or \"2,712,345\"",
            )
        })?;
        Ok(Row {
            rank,
            track: self.track.map(field).unwrap_or_default().to_string(),
            artist: self.artist.map(field).unwrap_or_default().to_string(),
            streams,
        })
    }
}

/// From a name like `regional-global-daily-2022-04-23.csv`: the region, whether it is weekly,
/// and the last date in it (a weekly file may name a range).
pub(crate) fn name_parts(name: &str) -> (Option<String>, bool, Option<NaiveDate>) {
    let stem = name.strip_suffix(".csv").unwrap_or(name).to_lowercase();
    let region = stem
        .strip_prefix("regional-")
        .and_then(|rest| rest.split('-').next())
        .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_string);
    let weekly = stem.split('-').any(|p| p == "weekly");
    let date = (0..stem.len())
        .rev()
        .filter_map(|i| stem.get(i..i + 10))
        .filter(|s| s.starts_with(|c: char| c.is_ascii_digit()))
        .find_map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    (region, weekly, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "\"Note that these figures are generated using a formula that protects against any artificial inflation of chart positions.\",,,,\nPosition,\"Track Name\",Artist,Streams,URL\n1,\"As It Was\",\"Harry Styles\",6283634,https://open.spotify.com/track/4Dvkj6JhhA12EX05fT7y2e\n2,\"Heat Waves\",\"Glass Animals\",\"3,712,345\",https://open.spotify.com/track/02MWAaffLxlfxAUY7c5dvx\n";

    const NEW: &str = "\u{feff}rank,uri,artist_names,track_name,source,peak_rank,previous_rank,days_on_chart,streams\n1,spotify:track:4Dvkj6JhhA12EX05fT7y2e,Harry Styles,As It Was,Columbia,1,1,24,\"6,283,634\"\n2,spotify:track:02MWAaffLxlfxAUY7c5dvx,Glass Animals,Heat Waves,Polydor,1,2,400,3712345\n";

    #[test]
    fn the_older_download_with_its_notes_line() {
        let c = parse_chart(OLD.as_bytes(), "regional-global-daily-2022-04-23.csv").unwrap();
        assert_eq!(c.streams_at(1), Some(6_283_634));
        assert_eq!(c.streams_at(2), Some(3_712_345));
        assert_eq!(c.rows[1].track, "Heat Waves");
        assert_eq!(c.region_label(), "Global");
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2022, 4, 23));
        assert!(!c.weekly);
    }

    #[test]
    fn the_current_form_with_a_bom_and_quoted_numbers() {
        let c = parse_chart(NEW.as_bytes(), "regional-kr-daily-2022-06-10.csv").unwrap();
        assert_eq!(c.streams_at(1), Some(6_283_634));
        assert_eq!(c.rows[0].artist, "Harry Styles");
        assert_eq!(c.region_label(), "KR");
    }

    #[test]
    fn without_source_and_weekly() {
        let text = "rank,uri,artist_names,track_name,peak_rank,previous_rank,weeks_on_chart,streams\n1,spotify:track:x,IVE,LOVE DIVE,1,1,3,40123456\n";
        let c = parse_chart(
            text.as_bytes(),
            "regional-global-weekly-2022-04-21--2022-04-28.csv",
        )
        .unwrap();
        assert_eq!(c.streams_at(1), Some(40_123_456));
        assert!(c.weekly);
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2022, 4, 28));
    }

    #[test]
    fn a_name_without_a_date_or_region() {
        assert_eq!(name_parts("chart.csv"), (None, false, None));
        let c = parse_chart(NEW.as_bytes(), "latest.csv").unwrap();
        assert_eq!(c.region_label(), "Spotify");
    }

    #[test]
    fn bad_files_name_the_line_and_say_what_to_do() {
        let p = parse_chart(b"hello\nworld\n", "x.csv").unwrap_err();
        assert!(p.describe("x.csv").contains("rank"), "{p:?}");
        let bad = "rank,streams\n1,100\n2,lots\n";
        let p = parse_chart(bad.as_bytes(), "x.csv").unwrap_err();
        assert_eq!(p.line, Some(3));
        assert!(p.message.contains("\"lots\""), "{p:?}");
        let twice = "rank,streams\n1,100\n1,90\n";
        assert!(parse_chart(twice.as_bytes(), "x.csv").is_err());
        assert!(parse_chart(&[0xff, 0xfe], "x.csv").is_err());
        let long = format!("rank,streams\n1,{}\n", "9x".repeat(100_000));
        let p = parse_chart(long.as_bytes(), "x.csv").unwrap_err();
        assert!(p.message.len() < 200, "{}", p.message.len());
        let decimal = "rank,streams\n1,2.7\n";
        assert!(parse_chart(decimal.as_bytes(), "x.csv").is_err());
    }

    #[test]
    fn a_huge_file_is_refused_before_it_is_all_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        std::fs::write(&path, vec![b'1'; (MAX_CHART + 10) as usize]).unwrap();
        assert!(read_chart(&path).unwrap_err().contains("4 MiB"));
        assert!(read_chart(dir.path()).unwrap_err().contains("directory"));
    }
}
