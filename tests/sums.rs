//! A stream that is the sum of others (`sum = ["mv", "dance"]`): its count at every moment is
//! the sum of its parts' latest readings, and its goals, pace and view work as for any stream.

mod common;

use common::{dropwatch, fails, stdout};

const CONFIG: &str = r#"
[[event]]
id = "with-you"
name = "With You"
at = "2022-04-24 23:00"
zone = "Asia/Seoul"

[[streams]]
id = "mv"
event = "with-you"
platform = "MV"
window_end = "2022-04-26 00:00"

[[streams]]
id = "dance"
event = "with-you"
platform = "Dance practice"
count = 1_000
window_end = "2022-04-26 00:00"

[[streams]]
event = "with-you"
platform = "All videos"
window_end = "2022-04-26 00:00"
sum = ["mv", "dance"]
[[streams.goal]]
label = "1M views"
streams = 1_000_000
"#;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dropwatch.toml"), CONFIG).unwrap();
    std::fs::write(
        dir.path().join("dropwatch.readings.csv"),
        "2022-04-24T15:00:00Z,with-you,MV,400000,url\n\
         2022-04-24T16:00:00Z,with-you,Dance practice,200000,url\n\
         2022-04-24T17:00:00Z,with-you,MV,900000,url\n",
    )
    .unwrap();
    dir
}

fn json_at(dir: &std::path::Path, at: &str) -> serde_json::Value {
    let out = dropwatch(dir)
        .args(["--once", "--json", "--at", at])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn a_sum_counts_its_parts_latest_readings_and_meets_its_goals() {
    let dir = setup();
    let all = |v: &serde_json::Value| v["streams"][2].clone();
    // 15:30: MV 400k + the dance practice's config count 1,000.
    let v = json_at(dir.path(), "2022-04-24T15:30:00Z");
    assert_eq!(all(&v)["count"], 401_000);
    // 16:30: 400k + 200k.
    let v = json_at(dir.path(), "2022-04-24T16:30:00Z");
    assert_eq!(all(&v)["count"], 600_000);
    // 17:30: 900k + 200k = 1.1M, past the goal; pace from 15:00 to 17:00: (1.1M - 401k) / 2h.
    let v = json_at(dir.path(), "2022-04-24T17:30:00Z");
    let s = all(&v);
    assert_eq!(s["count"], 1_100_000);
    assert_eq!(s["goals"][0]["status"], "reached");
    assert_eq!(s["pace_per_hour"], 349_500.0);
}

#[test]
fn the_view_lists_the_parts_and_log_refuses_a_sum() {
    let dir = setup();
    let out = dropwatch(dir.path())
        .args([
            "--once",
            "--view",
            "overview",
            "--at",
            "2022-04-24T17:30:00Z",
        ])
        .args(["--width", "140", "--height", "12"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("All videos = MV + Dance practice"), "{text}");
    assert!(text.contains("1.1M streams"), "{text}");
    fails(
        dropwatch(dir.path()).args(["log", "with-you", "5", "--platform", "All videos"]),
        2,
        "is a sum of MV + Dance practice: log a count for one of its parts instead",
    );
}
