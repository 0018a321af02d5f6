//! Count sources end to end, without the internet: shell scripts that print counts (or fail,
//! or hang and get killed), and an HTTP server on 127.0.0.1 that answers well and badly.

mod common;

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::http::{Reply, Server};
use dropwatch::config::{self, Source, SourceKind, SourceSpec};
use dropwatch::sources::{self, PollResult, SourceError};

const SECRET: &str = "s3cr3t-Value_42";
/// A secret that URLs carry percent-encoded and JSON and Rust quoting escape.
const ODD: &str = "p/ss w\"rd&\u{fc}=1";
/// Sent percent-encoded, as dropwatch sends it: `ODD` in the query.
const ODD_SENT: &str = "p%2Fss%20w%22rd%26%C3%BC%3D1";
/// Longer than a quote keeps: a message cuts it with "…".
const LONG_SECRET: &str = "LongSecret-k9F2xQ7mZ4vB8nR1tY6wE3pL0sD5gH2jK7cV9bN4mX1zA8qW6e";
/// A secret that reads as a count.
const NUMBER: &str = "90210";

/// The environment the URL sources see: these secrets, nothing else.
fn env(name: &str) -> Option<String> {
    match name {
        "DW_TEST_KEY" => Some(SECRET.into()),
        "DW_TEST_ODD" => Some(ODD.into()),
        "DW_TEST_LONG" => Some(LONG_SECRET.into()),
        "DW_TEST_NUMBER" => Some(NUMBER.into()),
        _ => None,
    }
}

fn command(cmd: &str, timeout: Duration) -> Result<u64, SourceError> {
    let spec = SourceSpec {
        kind: SourceKind::Command(cmd.into()),
        every: Duration::from_secs(60),
        timeout,
    };
    sources::fetch(&spec, &env)
}

fn url(url: &str, json: Option<&str>, timeout: Duration) -> Result<u64, SourceError> {
    let spec = SourceSpec {
        kind: SourceKind::Url {
            url: url.into(),
            json: json.map(str::to_string),
            preset: None,
        },
        every: Duration::from_secs(60),
        timeout,
    };
    sources::fetch(&spec, &env)
}

const LONG: Duration = Duration::from_secs(20);
const SHORT: Duration = Duration::from_millis(300);

#[test]
fn scripts_that_print_counts() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("mv-views.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\necho 'fetching…' >&2\necho \"views: 2,712,345\"\n",
    )
    .unwrap();
    let run = format!("sh '{}'", script.display());
    assert_eq!(command(&run, LONG), Ok(2_712_345));
    assert_eq!(command("printf '2.7M\\n'", LONG), Ok(2_700_000));
    assert_eq!(command("echo 12; echo 13", LONG), Ok(12));
    // The shell does its own expansion; the environment is inherited.
    assert_eq!(command("N=41; echo $((N + 1))", LONG), Ok(42));
}

#[test]
fn scripts_that_fail_say_why() {
    assert_eq!(
        command("echo lots of views", LONG),
        Err(SourceError::NoNumber("output"))
    );
    assert_eq!(command("true", LONG), Err(SourceError::NoNumber("output")));
    let e = command(
        "echo 5; echo starting >&2; echo 'no token' >&2; exit 3",
        LONG,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "exit 3: no token");
    // Endless output is cut at 1 MiB and the command killed, not read forever.
    assert_eq!(
        command("yes 12", LONG),
        Err(SourceError::TooLarge("output"))
    );
}

#[test]
fn a_script_past_its_timeout_is_killed_with_its_children() {
    let dir = tempfile::tempdir().unwrap();
    let pids = dir.path().join("pids");
    // The shell starts a child that would outlive it, notes both pids, and waits.
    let cmd = format!("sleep 100 & echo $$ $! > '{}'; wait", pids.display());
    // Long enough for a loaded machine to start both and write the file before the kill.
    let timeout = Duration::from_secs(2);
    let e = command(&cmd, timeout).unwrap_err();
    assert_eq!(e, SourceError::Timeout(timeout));
    assert_eq!(e.to_string(), "timeout after 2s");
    let text = std::fs::read_to_string(&pids).unwrap();
    let pids: Vec<u32> = text
        .split_whitespace()
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(pids.len(), 2, "{text}");
    for pid in pids {
        wait_until_gone(pid);
    }
}

/// Waits until process `pid` has ended (gone, or a zombie waiting to be reaped); panics if it
/// is still running after a generous while.
fn wait_until_gone(pid: u32) {
    let stat = format!("/proc/{pid}/stat");
    if !Path::new("/proc/self/stat").exists() {
        return; // no procfs to look in
    }
    let start = Instant::now();
    loop {
        let state = std::fs::read_to_string(&stat)
            .ok()
            .and_then(|s| s.rsplit_once(") ").map(|(_, rest)| rest.chars().next()))
            .flatten();
        if matches!(state, None | Some('Z' | 'X')) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "process {pid} still runs (state {state:?})"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn json(body: &str) -> Reply {
    Reply::Body(200, "application/json", body.to_string())
}

#[test]
fn a_url_answering_json() {
    let server = Server::start(3, |path| match path {
        "/stats" => json(r#"{"items":[{"statistics":{"viewCount":"2712345","likes":1200}}]}"#),
        _ => Reply::Body(404, "text/plain", "no".into()),
    });
    let at = |pointer| url(&server.url("/stats"), Some(pointer), LONG);
    assert_eq!(at("/items/0/statistics/viewCount"), Ok(2_712_345));
    assert_eq!(at("/items/0/statistics/likes"), Ok(1200));
    let e = at("/items/1/statistics/viewCount").unwrap_err();
    assert_eq!(
        e.to_string(),
        "nothing at \"/items/1/statistics/viewCount\" in the JSON"
    );
}

#[test]
fn a_url_without_a_pointer_reads_the_first_count() {
    let server = Server::start(2, |path| match path {
        "/page" => Reply::Body(200, "text/html", "<p>2.7M views</p>".into()),
        _ => Reply::Body(200, "text/html", "<p>no views yet</p>".into()),
    });
    assert_eq!(url(&server.url("/page"), None, LONG), Ok(2_700_000));
    assert_eq!(
        url(&server.url("/empty"), None, LONG),
        Err(SourceError::NoNumber("body"))
    );
}

#[test]
fn a_url_that_answers_badly() {
    let server = Server::start(20, |path| match path {
        "/500" => Reply::Body(500, "text/plain", "oops 12".into()),
        "/html" => Reply::Body(200, "text/html", "<html>12</html>".into()),
        "/huge" => Reply::Body(200, "text/plain", "1".repeat(2 << 20)),
        "/endless" => Reply::Stream(b'7', 3 << 20),
        "/loop" => Reply::Redirect("/loop".into()),
        "/slow" => Reply::Hang,
        _ => Reply::Body(404, "text/plain", "".into()),
    });
    let get = |path, pointer| url(&server.url(path), pointer, LONG);
    assert_eq!(get("/500", None), Err(SourceError::Status(500)));
    assert_eq!(get("/nowhere", None), Err(SourceError::Status(404)));
    let e = get("/html", Some("/views")).unwrap_err().to_string();
    assert!(e.starts_with("the answer is not JSON"), "{e}");
    assert_eq!(get("/huge", None), Err(SourceError::TooLarge("body")));
    assert_eq!(get("/endless", None), Err(SourceError::TooLarge("body")));
    assert_eq!(get("/loop", None), Err(SourceError::TooManyRedirects));
    let e = url(&server.url("/slow"), None, SHORT).unwrap_err();
    assert_eq!(e.to_string(), "timeout after 300ms");
    // The loop was cut after the first request and five redirects.
    let loops = server.seen().iter().filter(|l| l.contains("/loop")).count();
    assert_eq!(loops, 1 + sources::MAX_REDIRECTS as usize);
}

/// `{"count": 8}` gzipped, its header's timestamp bytes spelling " 42 ": read as text, the
/// compressed bytes hold a count that is not the answer's.
const GZIPPED: [u8; 33] = [
    0x1f, 0x8b, 0x08, 0x00, 0x20, 0x34, 0x32, 0x20, 0x02, 0xff, 0xab, 0x56, 0x4a, 0xce, 0x2f, 0xcd,
    0x2b, 0x51, 0xb2, 0x52, 0xb0, 0xa8, 0xe5, 0x02, 0x00, 0x84, 0x5e, 0x10, 0x79, 0x0d, 0x00, 0x00,
    0x00,
];

/// A whole answer: a status line, `headers` (each ending in CRLF) and `body`.
fn raw(status: &str, headers: &str, body: &[u8]) -> Reply {
    let mut bytes = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    Reply::Raw(bytes)
}

#[test]
fn a_compressed_answer_is_refused_not_read() {
    let server = Server::start(10, |path| match path {
        "/gzip" => raw("200 OK", "Content-Encoding: gzip\r\n", &GZIPPED),
        "/br" => raw("200 OK", "Content-Encoding: br\r\n", &GZIPPED),
        // No coding at all, said out loud.
        _ => raw("200 OK", "Content-Encoding: identity\r\n", b"12 views"),
    });
    for (path, pointer, coding) in [
        ("/gzip", None, "gzip"),
        ("/gzip", Some("/count"), "gzip"),
        ("/br", None, "br"),
    ] {
        let e = url(&server.url(path), pointer, LONG).expect_err(path);
        assert_eq!(
            e.to_string(),
            format!("answer compressed with {coding}; dropwatch asks for none"),
            "{path}"
        );
    }
    assert_eq!(url(&server.url("/identity"), None, LONG), Ok(12));
}

#[test]
fn a_secret_reaches_the_server_and_no_message() {
    let server = Server::start(10, |path| {
        if path.starts_with("/ok") {
            json(r#"{"n": 5}"#)
        } else if path.starts_with("/fail") {
            Reply::Body(500, "text/plain", "".into())
        } else {
            Reply::Hang
        }
    });
    let with_key = |path: &str| server.url(&format!("{path}?key=${{DW_TEST_KEY}}&id=1"));
    assert_eq!(url(&with_key("/ok"), Some("/n"), LONG), Ok(5));
    let seen = server.seen();
    assert!(
        seen[0].contains(&format!("/ok?key={SECRET}&id=1")),
        "{seen:?}"
    );

    let mut errors = vec![
        url(&with_key("/fail"), Some("/n"), LONG),
        url(&with_key("/ok"), Some("/missing"), LONG),
        url(&with_key("/slow"), None, SHORT),
        // Nothing listens on port 1: a transport error, whose text may name the URL.
        url("http://127.0.0.1:1/?key=${DW_TEST_KEY}", None, LONG),
        url("https://example.invalid/?key=${DW_NOT_SET}", None, LONG),
    ]
    .into_iter()
    .map(|r| r.expect_err("each of these fails").to_string())
    .collect::<Vec<_>>();
    assert_eq!(errors[0], "HTTP 500");
    assert!(errors[3].starts_with("Connection refused"), "{}", errors[3]);
    assert_eq!(errors[4], "$DW_NOT_SET is not set");
    errors.push(format!("{:?}", errors));
    for e in &errors {
        assert!(!e.contains(SECRET), "the secret leaked: {e}");
    }
}

/// Every way `secret` could show in a message: as it is, percent-encoded either way, quoted
/// by JSON or by Rust, and its first ten characters (what a cut quote would keep).
fn traces(secret: &str) -> Vec<String> {
    let encoded: String = secret
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    let json = serde_json::to_string(secret).unwrap();
    let debug = format!("{secret:?}");
    let start: String = secret.chars().take(10).collect();
    vec![
        secret.to_string(),
        encoded.to_lowercase(),
        encoded,
        json[1..json.len() - 1].to_string(),
        debug[1..debug.len() - 1].to_string(),
        start,
    ]
}

/// A server that sends the request's secrets back every way it can: in the value the pointer
/// names (as sent, raw, escaped, cut), in an error body and status text, in a header, in
/// redirects, and as the count itself. No message may carry any of them.
#[test]
fn a_secret_the_server_sends_back_shows_in_no_message() {
    let odd_json = serde_json::to_string(ODD).unwrap();
    let server = Server::start(40, move |path| {
        let path = path.split('?').next().unwrap_or_default();
        match path {
            "/raw" => json(&format!(r#"{{"count":"{SECRET}"}}"#)),
            "/odd" => json(&format!(r#"{{"count":{odd_json}}}"#)),
            "/sent" => json(&format!(r#"{{"count":"{ODD_SENT}"}}"#)),
            "/sent-lower" => json(&format!(r#"{{"count":"{}"}}"#, ODD_SENT.to_lowercase())),
            "/long" => json(&format!(r#"{{"count":"views for {LONG_SECRET}"}}"#)),
            "/echo" => json(&format!(r#"{{"count":{NUMBER}}}"#)),
            "/not-json" => Reply::Body(200, "text/html", format!("<p>{SECRET}</p>")),
            "/error-body" => Reply::Body(500, "text/plain", format!("bad key {SECRET}")),
            "/status-text" => raw(&format!("500 {SECRET}"), "", b""),
            "/header" => raw("200 OK", &format!("Content-Encoding: x-{SECRET}\r\n"), b"5"),
            "/redirect-raw" => Reply::Redirect(format!("http://bad host/{SECRET}")),
            "/redirect-sent" => {
                Reply::Redirect(format!("http://bad host/{}", ODD_SENT.to_lowercase()))
            }
            "/redirect-odd" => raw(
                "302 Found",
                &format!("Location: http://bad host/{ODD}\r\n"),
                b"",
            ),
            _ => Reply::Body(404, "text/plain", String::new()),
        }
    });
    let query = "?k=${DW_TEST_KEY}&o=${DW_TEST_ODD}&l=${DW_TEST_LONG}&n=${DW_TEST_NUMBER}";
    let get = |path: &str| url(&server.url(&format!("{path}{query}")), Some("/count"), LONG);
    let mut messages = Vec::new();
    for path in [
        "/raw",
        "/odd",
        "/sent",
        "/sent-lower",
        "/long",
        "/echo",
        "/not-json",
        "/error-body",
        "/status-text",
        "/header",
        "/redirect-raw",
        "/redirect-sent",
        "/redirect-odd",
    ] {
        let e = get(path).expect_err(path);
        messages.push(format!("{path}: {e}"));
        messages.push(format!("{path}: {e:?}"));
    }
    let all = messages.join("\n");
    for secret in [SECRET, ODD, LONG_SECRET, NUMBER] {
        for trace in traces(secret) {
            assert!(
                !all.contains(&trace),
                "{trace:?} of {secret:?} leaked:\n{all}"
            );
        }
    }
    // What the messages say instead: the names, and what was wrong.
    for said in [
        "/raw: \"/count\" is \"${DW_TEST_KEY}\": \"${DW_TEST_KEY}\" is not a count",
        "/odd: \"/count\" is \"${DW_TEST_ODD}\"",
        "/sent: \"/count\" is \"${DW_TEST_ODD}\"",
        "/sent-lower: \"/count\" is \"${DW_TEST_ODD}\"",
        "/long: \"/count\" is \"views for ${DW_TEST_LONG}…\"",
        "/echo: the count is the value of ${DW_TEST_NUMBER}",
        "/error-body: HTTP 500",
        "/status-text: HTTP 500",
        "/header: answer compressed with x-${DW_TEST_KEY}",
    ] {
        assert!(all.contains(said), "{said:?} not in:\n{all}");
    }
}

#[test]
fn a_config_with_sources_validates() {
    let text = r#"
[[event]]
id = "with-you"
name = "With You"
at = "2022-04-24 23:00"
zone = "Asia/Seoul"
[[streams]]
event = "with-you"
platform = "YouTube"
window_end = "2022-04-25 00:00"
[streams.source]
url = "https://www.example.com/videos?id=abc&key=${YOUTUBE_API_KEY}"
json = "/items/0/statistics/viewCount"
every = "10m"
[[streams]]
event = "with-you"
platform = "Spotify"
window_end = "2022-04-25 00:00"
[streams.source]
command = "sh ~/bin/mv-views.sh"
"#;
    let c = config::parse(text, Source::Embedded).unwrap();
    assert_eq!(
        c.streams[0].source,
        Some(SourceSpec {
            kind: SourceKind::Url {
                url: "https://www.example.com/videos?id=abc&key=${YOUTUBE_API_KEY}".into(),
                json: Some("/items/0/statistics/viewCount".into()),
                preset: None,
            },
            every: Duration::from_secs(600),
            timeout: Duration::from_secs(20),
        })
    );
    assert_eq!(
        c.streams[1].source.as_ref().map(|s| &s.kind),
        Some(&SourceKind::Command("sh ~/bin/mv-views.sh".into()))
    );
}

#[test]
fn the_poller_reports_each_source_off_the_callers_thread() {
    let spec = |cmd: &str| SourceSpec {
        kind: SourceKind::Command(cmd.into()),
        every: Duration::from_secs(3600),
        timeout: LONG,
    };
    let (tx, rx) = mpsc::channel();
    let caller = std::thread::current().id();
    let poller = sources::spawn(
        vec![("ok", spec("echo 2,712,345")), ("bad", spec("exit 3"))],
        move |result: PollResult<&'static str>| {
            let _ = tx.send((result, std::thread::current().id()));
        },
    );
    let mut got: Vec<_> = (0..2)
        .map(|_| {
            rx.recv_timeout(Duration::from_secs(20))
                .expect("a poll result")
        })
        .collect();
    got.sort_by_key(|(r, _)| r.key);
    assert_eq!(got[0].0.key, "bad");
    assert_eq!(
        got[0].0.outcome,
        Err(SourceError::Exit {
            code: Some(3),
            stderr: String::new()
        })
    );
    assert_eq!(got[1].0.key, "ok");
    assert_eq!(got[1].0.outcome, Ok(2_712_345));
    assert!(got.iter().all(|(_, thread)| *thread != caller));
    // Stopping returns once the poller's thread has ended; with an hour to the next poll,
    // nothing more arrives.
    poller.stop();
    assert!(matches!(rx.recv(), Err(mpsc::RecvError)));
}

/// The source a preset table makes, pointed at `server` with `base_url`.
fn preset_source(table: &str, server: &Server) -> SourceSpec {
    let text = format!(
        "[[event]]\nid = \"d\"\nname = \"D\"\nat = \"2026-12-05 18:00\"\nzone = \"Asia/Seoul\"\n\
         [[streams]]\nevent = \"d\"\nwindow_end = \"2026-12-06 18:00\"\n[streams.source]\n{table}\n\
         base_url = \"{}\"\n",
        server.url("")
    );
    let c = config::parse(&text, Source::Embedded).unwrap_or_else(|e| panic!("{e}"));
    c.streams[0].source.clone().expect("a source")
}

#[test]
fn the_youtube_preset_reads_views_and_says_what_went_wrong() {
    let server = Server::start(3, |path| {
        let json = "application/json";
        if path.contains("id=dQw4w9WgXcQ") && path.contains(&format!("key={SECRET}")) {
            Reply::Body(200, json, r#"{"kind":"youtube#videoListResponse","items":[{"id":"dQw4w9WgXcQ","statistics":{"viewCount":"123456","likeCount":"7"}}],"pageInfo":{"totalResults":1,"resultsPerPage":1}}"#.into())
        } else if path.contains("id=AAAAAAAAAAA") {
            Reply::Body(200, json, r#"{"kind":"youtube#videoListResponse","items":[],"pageInfo":{"totalResults":0,"resultsPerPage":0}}"#.into())
        } else {
            // A server that quotes the key back in its error.
            let key = path.split("key=").nth(1).unwrap_or_default().to_string();
            Reply::Body(
                400,
                json,
                format!(r#"{{"error":{{"code":400,"message":"API key not valid: {key}"}}}}"#),
            )
        }
    });
    let spec = preset_source(
        "youtube = \"https://youtu.be/dQw4w9WgXcQ?si=x\"\nkey = \"${DW_TEST_KEY}\"",
        &server,
    );
    assert_eq!(sources::fetch(&spec, &env), Ok(123_456));
    let unknown = preset_source(
        "youtube = \"AAAAAAAAAAA\"\nkey = \"${DW_TEST_KEY}\"",
        &server,
    );
    let e = sources::fetch(&unknown, &env).unwrap_err().to_string();
    assert!(e.contains("no such video"), "{e}");
    let echo = preset_source(
        "youtube = \"BBBBBBBBBBB\"\nkey = \"${DW_TEST_KEY}\"",
        &server,
    );
    let e = sources::fetch(&echo, &env).unwrap_err().to_string();
    assert!(
        e.contains("HTTP 400") && e.contains("API key not valid"),
        "{e}"
    );
    assert!(!e.contains(SECRET), "the key leaked: {e}");
    assert!(e.contains("${DW_TEST_KEY}"), "{e}");
}

#[test]
fn the_lastfm_preset_reads_plays_and_an_error_is_never_a_count() {
    let server = Server::start(2, |path| {
        let json = "application/json";
        if path.contains("artist=IU%20%26%20SUGA") && path.contains("track=eight") {
            Reply::Body(
                200,
                json,
                r#"{"track":{"name":"eight","playcount":"4321","listeners":"99"}}"#.into(),
            )
        } else {
            Reply::Body(
                200,
                json,
                r#"{"error":6,"message":"Track not found","links":[]}"#.into(),
            )
        }
    });
    let spec = preset_source(
        "lastfm = { artist = \"IU & SUGA\", track = \"eight\" }\nkey = \"${DW_TEST_KEY}\"",
        &server,
    );
    assert_eq!(sources::fetch(&spec, &env), Ok(4321));
    let SourceKind::Url { preset, .. } = &spec.kind else {
        panic!("a url")
    };
    assert_eq!(preset.map(|p| p.unit()), Some("plays"));
    assert_eq!(spec.unit(), Some("plays"));
    let missing = preset_source(
        "lastfm = { artist = \"nobody\", track = \"none\" }\nkey = \"${DW_TEST_KEY}\"",
        &server,
    );
    let e = sources::fetch(&missing, &env).unwrap_err().to_string();
    assert!(e.contains("error 6: Track not found"), "{e}");
}
