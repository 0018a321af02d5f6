//! `dropwatch goals --from-chart`: count goals read off a real chart, as fans set them by hand
//! ("2.7M for the Global top 10"): the streams the song at each rank had, plus one, written
//! through the same config editing as `add` with the file and the chart's date kept in `from`.

use chrono::NaiveDate;

use super::output::print;
use crate::cli::GoalsArgs;
use crate::cli::settings::Settings;
use crate::config::edit::{GoalChange, NewGoal};
use crate::config::store::{edit_file, preview_edit};
use crate::failure::Failure;
use crate::readings::chart::{Chart, read_chart};
use crate::values::numbers::thousands;
use crate::values::text::quote;

/// Sets the goals the chart gives, or says what it would set.
pub(crate) fn run(settings: &Settings, args: &GoalsArgs) -> Result<(), Failure> {
    let date = args
        .date
        .as_deref()
        .map(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| format!("--date {d:?}: write the chart's date as 2022-04-23"))
        })
        .transpose()
        .map_err(Failure::Usage)?;
    let chart = read_chart(&args.from_chart).map_err(Failure::Usage)?;
    let goals = from_chart(&chart, &args.ranks, date).map_err(Failure::Usage)?;
    let (event, platform) = match args.stream.split_once('/') {
        Some((e, p)) => (e.trim(), Some(p.trim()).filter(|p| !p.is_empty())),
        None => (args.stream.trim(), None),
    };
    let path = super::setup::config_to_edit(settings)?;
    let set = |e: &mut crate::config::edit::Edit| e.set_goals(event, platform, &goals);
    let changes = if args.dry_run {
        preview_edit(&path, set)
    } else {
        edit_file(&path, set)
    }
    .map_err(super::setup::edit_failure)?
    .0;
    let stream = platform.map_or_else(|| event.to_string(), |p| format!("{event}/{p}"));
    for (goal, change) in goals.iter().zip(changes) {
        print(said(goal, &change, args.dry_run, &stream))?;
    }
    Ok(())
}

/// One line on what happened to `goal`.
fn said(goal: &NewGoal, change: &GoalChange, dry_run: bool, stream: &str) -> String {
    let what = format!(
        "{} = {} (from {})",
        quote(&goal.label),
        thousands(goal.target),
        goal.from
    );
    match (change, dry_run) {
        (GoalChange::Added, false) => format!("added {what} to {stream}"),
        (GoalChange::Added, true) => format!("would add {what} to {stream}"),
        (GoalChange::Changed(old), false) => format!("set {what} on {stream}, was {old}"),
        (GoalChange::Changed(old), true) => format!("would set {what} on {stream}, now {old}"),
        (GoalChange::Same, _) => format!("{what} is already set on {stream}"),
    }
}

/// The goals `chart` gives for `ranks`: the streams at each rank plus one (beating the song
/// there), labelled with the chart's region. `date` overrides the one in the file's name.
pub(crate) fn from_chart(
    chart: &Chart,
    ranks: &[u32],
    date: Option<NaiveDate>,
) -> Result<Vec<NewGoal>, String> {
    let date = date.or(chart.date).ok_or_else(|| {
        format!(
            "{}: its name has no date (regional-global-daily-2022-04-23.csv has one); pass --date 2022-04-23",
            chart.file
        )
    })?;
    let mut seen = Vec::new();
    let mut goals = Vec::new();
    for &rank in ranks {
        if seen.contains(&rank) {
            continue;
        }
        seen.push(rank);
        let last = chart.rows.iter().map(|r| r.rank).max().unwrap_or(0);
        let streams = chart.streams_at(rank).ok_or_else(|| match last {
            0 => format!("{} has no rows: pass a chart with its ranks", chart.file),
            _ => format!(
                "{} has no rank {rank}: its ranks go from 1 to {last}; pass --ranks between them",
                chart.file
            ),
        })?;
        goals.push(NewGoal {
            label: label(chart, rank),
            target: streams.saturating_add(1),
            from: format!("{}, chart of {date}", chart.file),
        });
    }
    Ok(goals)
}

/// "Global top 10", "KR #1", "Global weekly top 5".
fn label(chart: &Chart, rank: u32) -> String {
    let weekly = if chart.weekly { " weekly" } else { "" };
    let place = if rank == 1 {
        "#1".to_string()
    } else {
        format!("top {rank}")
    };
    format!("{}{weekly} {place}", chart.region_label())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readings::chart::parse_chart;

    fn chart(rows: &[(u32, u64)], name: &str) -> Chart {
        let mut text = String::from("rank,uri,artist_names,track_name,streams\n");
        for (rank, streams) in rows {
            text.push_str(&format!(
                "{rank},spotify:track:x,A,T,\"{}\"\n",
                thousands(*streams)
            ));
        }
        parse_chart(text.as_bytes(), name).unwrap()
    }

    #[test]
    fn a_goal_is_the_streams_at_the_rank_plus_one() {
        let c = chart(
            &[(5, 3_200_000), (10, 2_699_999)],
            "regional-global-daily-2022-06-09.csv",
        );
        let g = from_chart(&c, &[10, 5, 10], None).unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(
            (g[0].label.as_str(), g[0].target),
            ("Global top 10", 2_700_000)
        );
        assert_eq!(
            (g[1].label.as_str(), g[1].target),
            ("Global top 5", 3_200_001)
        );
        assert_eq!(
            g[0].from,
            "regional-global-daily-2022-06-09.csv, chart of 2022-06-09"
        );
    }

    #[test]
    fn a_missing_rank_or_date_is_a_clear_error() {
        let c = chart(&[(1, 9)], "latest.csv");
        let e = from_chart(&c, &[1], None).unwrap_err();
        assert!(e.contains("latest.csv") && e.contains("--date"), "{e}");
        let d = NaiveDate::from_ymd_opt(2022, 4, 23);
        let g = from_chart(&c, &[1], d).unwrap();
        assert_eq!(g[0].label, "Spotify #1");
        let e = from_chart(&c, &[10], d).unwrap_err();
        assert!(e.contains("no rank 10") && e.contains("1 to 1"), "{e}");
    }
}
