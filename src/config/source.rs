//! `[streams.source]`: checks a count source when the config loads, so that polling later can
//! only fail for reasons outside the file (a script's exit, the network).

use std::ops::Range;
use std::time::Duration;

use toml::Spanned;

pub use super::preset::Preset;
use super::raw::RawSource;
use super::template;
use crate::values::when::parse_duration;

/// How often a source is polled when the config does not say.
pub(crate) const DEFAULT_EVERY: Duration = Duration::from_secs(5 * 60);
/// How long one poll may take when the config does not say.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// The shortest polling interval: anything faster only loads the source.
pub(crate) const MIN_EVERY: Duration = Duration::from_secs(1);

/// A checked count source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpec {
    /// What to run or fetch.
    pub kind: SourceKind,
    /// Time between polls after a success, at least [`MIN_EVERY`].
    pub every: Duration,
    /// How long one poll may take before it is abandoned (and a command killed); above zero.
    pub timeout: Duration,
}

impl SourceSpec {
    /// What the source's count counts when a preset knows ("views", "plays"): the stream's
    /// unit unless the config says another.
    pub fn unit(&self) -> Option<&'static str> {
        match &self.kind {
            SourceKind::Url {
                preset: Some(p), ..
            } => Some(p.unit()),
            _ => None,
        }
    }
}

/// What a source runs or fetches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    /// A command run through `sh -c` (`cmd /C` on Windows); its standard output holds the count.
    Command(String),
    /// An http(s) URL fetched with GET.
    Url {
        /// The URL as written: `${NAME}` is expanded only when the request is made.
        url: String,
        /// JSON pointer to the count; without it the body's first whole number counts.
        json: Option<String>,
        /// The API whose answers these are (`youtube`, `lastfm`), read with its own errors.
        preset: Option<Preset>,
    },
}

/// One mistake in a `[streams.source]` table; the caller turns the span into file:line:col.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceProblem {
    /// Byte range in the config text.
    pub(crate) span: Range<usize>,
    /// What is wrong.
    pub(crate) message: String,
    /// What to write instead.
    pub(crate) hint: String,
}

/// Checks a `[streams.source]` table, reporting every mistake at once.
pub(crate) fn validate(raw: &Spanned<RawSource>) -> Result<SourceSpec, Vec<SourceProblem>> {
    let mut problems = Problems(Vec::new());
    let source = raw.get_ref();
    let kind = match super::preset::url(source) {
        Some(preset) => preset_kind(source, preset, &mut problems),
        None => plain_kind(raw, &mut problems),
    };
    let every = poll_every(source.every.as_ref(), &mut problems);
    let timeout = poll_timeout(source.timeout.as_ref(), &mut problems);
    match (kind, every, timeout) {
        (Some(kind), Some(every), Some(timeout)) if problems.0.is_empty() => Ok(SourceSpec {
            kind,
            every,
            timeout,
        }),
        _ => Err(problems.0),
    }
}

/// A `youtube` or `lastfm` source: nothing else that says what to fetch, and a `base_url`
/// that is an http(s) URL.
fn preset_kind(
    source: &RawSource,
    preset: Result<(Preset, String), Vec<super::preset::Problem>>,
    problems: &mut Problems,
) -> Option<SourceKind> {
    let before = problems.0.len();
    for (key, span) in [
        ("command", source.command.as_ref().map(Spanned::span)),
        ("url", source.url.as_ref().map(Spanned::span)),
        ("json", source.json.as_ref().map(Spanned::span)),
    ] {
        if let Some(span) = span {
            problems.push(
                span,
                format!("`{key}` does not go with `youtube` or `lastfm`, which say what to read"),
                "remove it, or remove the preset and write url and json yourself",
            );
        }
    }
    if let Some(base) = &source.base_url
        && let Err((message, hint)) = check_url(base.get_ref())
    {
        problems.push(
            base.span(),
            message.replace("source's url", "base_url"),
            &hint,
        );
    }
    match preset {
        Ok((preset, url)) if problems.0.len() == before => Some(SourceKind::Url {
            url,
            json: Some(preset.pointer().to_string()),
            preset: Some(preset),
        }),
        Ok(_) => None,
        Err(found) => {
            for (span, message, hint) in found {
                problems.push(span, message, &hint);
            }
            None
        }
    }
}

/// A `command` or a `url` source.
fn plain_kind(raw: &Spanned<RawSource>, problems: &mut Problems) -> Option<SourceKind> {
    let source = raw.get_ref();
    for (key, span) in [
        ("key", source.key.as_ref().map(Spanned::span)),
        ("base_url", source.base_url.as_ref().map(Spanned::span)),
    ] {
        if let Some(span) = span {
            problems.push(
                span,
                format!("`{key}` applies only to a `youtube` or `lastfm` source"),
                "remove it; a url source writes ${NAME} in its url",
            );
        }
    }
    match (&source.command, &source.url) {
        (Some(_), Some(url)) => {
            problems.push(
                url.span(),
                "a source has both `command` and `url`".into(),
                "keep one: `command` runs a shell command, `url` fetches a page",
            );
            None
        }
        (None, None) => {
            problems.push(
                raw.span(),
                "a source needs a `command` or a `url`".into(),
                "write command = \"sh ~/bin/views.sh\" or url = \"https://…\"",
            );
            None
        }
        (Some(command), None) => command_kind(command, source.json.as_ref(), problems),
        (None, Some(url)) => url_kind(url, source.json.as_ref(), problems),
    }
}

/// The mistakes found so far in one table, in the order they were found.
struct Problems(Vec<SourceProblem>);

impl Problems {
    fn push(&mut self, span: Range<usize>, message: String, hint: &str) {
        self.0.push(SourceProblem {
            span,
            message,
            hint: hint.to_string(),
        });
    }
}

/// A `command` source: a command that is not blank, and no `json`.
fn command_kind(
    command: &Spanned<String>,
    json: Option<&Spanned<String>>,
    problems: &mut Problems,
) -> Option<SourceKind> {
    if let Some(json) = json {
        problems.push(
            json.span(),
            "`json` applies only to a `url` source".into(),
            "remove `json`; a command prints the count itself",
        );
    }
    if command.get_ref().trim().is_empty() {
        problems.push(
            command.span(),
            "the source's command is empty".into(),
            "write a command that prints the count, e.g. command = \"sh ~/bin/views.sh\"",
        );
        return None;
    }
    Some(SourceKind::Command(command.get_ref().clone()))
}

/// A `url` source: an http(s) URL, and a well-formed JSON pointer if there is one.
fn url_kind(
    url: &Spanned<String>,
    json: Option<&Spanned<String>>,
    problems: &mut Problems,
) -> Option<SourceKind> {
    let url_ok = match check_url(url.get_ref()) {
        Ok(()) => true,
        Err((message, hint)) => {
            problems.push(url.span(), message, &hint);
            false
        }
    };
    let json_ok = match json {
        Some(json) => match check_pointer(json.get_ref()) {
            Ok(()) => true,
            Err(message) => {
                problems.push(
                    json.span(),
                    message,
                    "write a JSON pointer such as json = \"/items/0/statistics/viewCount\" (~1 for a / in a key, ~0 for a ~)",
                );
                false
            }
        },
        None => true,
    };
    (url_ok && json_ok).then(|| SourceKind::Url {
        url: url.get_ref().clone(),
        json: json.map(|j| j.get_ref().clone()),
        preset: None,
    })
}

/// `every`, or [`DEFAULT_EVERY`]; a problem when it is shorter than [`MIN_EVERY`].
fn poll_every(text: Option<&Spanned<String>>, problems: &mut Problems) -> Option<Duration> {
    let every = duration(text, DEFAULT_EVERY, "every", problems);
    if let Some(d) = every
        && d < MIN_EVERY
        && let Some(text) = text
    {
        problems.push(
            text.span(),
            format!("`every` = \"{}\" is shorter than a second", text.get_ref()),
            "poll at most once a second, e.g. every = \"5m\"",
        );
    }
    every
}

/// `timeout`, or [`DEFAULT_TIMEOUT`]; a problem when it is zero.
fn poll_timeout(text: Option<&Spanned<String>>, problems: &mut Problems) -> Option<Duration> {
    let timeout = duration(text, DEFAULT_TIMEOUT, "timeout", problems);
    if timeout == Some(Duration::ZERO)
        && let Some(text) = text
    {
        problems.push(
            text.span(),
            format!("`timeout` = \"{}\" leaves no time to poll", text.get_ref()),
            "write a timeout above zero, e.g. timeout = \"20s\"",
        );
    }
    timeout
}

/// A duration key, or its default; a problem at its span when it does not parse.
fn duration(
    text: Option<&Spanned<String>>,
    default: Duration,
    key: &str,
    problems: &mut Problems,
) -> Option<Duration> {
    let Some(text) = text else {
        return Some(default);
    };
    match parse_duration(text.get_ref()).map(|d| d.to_std()) {
        Ok(Ok(d)) => Some(d),
        Ok(Err(_)) => None,
        Err(msg) => {
            problems.push(
                text.span(),
                msg.message,
                &format!("write a duration such as {key} = \"{}\"", example(key)),
            );
            None
        }
    }
}

fn example(key: &str) -> &'static str {
    if key == "every" { "5m" } else { "20s" }
}

/// An http(s) URL whose `${NAME}`s are well formed; errors are (message, hint).
fn check_url(url: &str) -> Result<(), (String, String)> {
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    match rest {
        None => {
            return Err((
                format!("the source's url {url:?} is not an http(s) URL"),
                "write a URL starting with https://".into(),
            ));
        }
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            return Err((
                format!("the source's url {url:?} has no host"),
                "write the full URL, e.g. url = \"https://example.com/views\"".into(),
            ));
        }
        Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            return Err((
                format!("the source's url {url:?} has a space or control character"),
                "write %20 for a space".into(),
            ));
        }
        Some(_) => {}
    }
    let pieces = template::pieces(url).map_err(|e| {
        (
            format!("the source's url {url:?} {}", e.message),
            e.hint.to_string(),
        )
    })?;
    check_port(url)?;
    // Any value a `${NAME}` brings is percent-encoded into letters, digits, `-._~` and `%XX`:
    // `x` stands for it while the client's own parser reads the rest.
    let filled: String = pieces
        .iter()
        .map(|p| match p {
            template::Piece::Text(t) => t,
            template::Piece::Var(_) => "x",
        })
        .collect();
    match filled.parse::<http::Uri>() {
        Ok(_) => Ok(()),
        Err(e) => Err((
            format!("the source's url {url:?} is not a URL ({e})"),
            "percent-encode what a URL cannot hold, as a browser's address bar shows it (%3C for <, %22 for \")".into(),
        )),
    }
}

/// The port of an http(s) URL, when it names one: a number from 1 to 65535 (or a `${NAME}`).
fn check_port(url: &str) -> Result<(), (String, String)> {
    // After the scheme, up to the path, query or fragment; then after any `user:pass@`.
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    // An IPv6 host is in brackets and full of colons: the port follows the `]`.
    let after_host = match host_port.rfind(']') {
        Some(end) => &host_port[end + 1..],
        None => host_port,
    };
    let Some((_, port)) = after_host.rsplit_once(':') else {
        return Ok(());
    };
    let hint = "a port is a number from 1 to 65535, e.g. url = \"http://127.0.0.1:8080/views\"";
    if port.is_empty() || port.contains("${") {
        return Ok(());
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            format!("the source's url {url:?} has port {port:?}, not a number"),
            hint.into(),
        ));
    }
    match port.parse::<u32>() {
        Ok(1..=65535) => Ok(()),
        _ => Err((
            format!("the source's url {url:?} has port {port}, out of range"),
            hint.into(),
        )),
    }
}

/// Checks a JSON pointer: empty, or `/`-separated tokens where `~` is only `~0` or `~1`.
fn check_pointer(pointer: &str) -> Result<(), String> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return Err(format!("`json` = {pointer:?} does not start with /"));
    }
    let mut chars = pointer.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return Err(format!("`json` = {pointer:?} has a ~ that is not ~0 or ~1"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Doc {
        source: Spanned<RawSource>,
    }

    fn check(table: &str) -> Result<SourceSpec, Vec<String>> {
        let text = format!("[source]\n{table}");
        let doc: Doc = toml::from_str(&text).expect("test TOML parses");
        validate(&doc.source).map_err(|ps| {
            ps.into_iter()
                .map(|p| format!("{}: {} | {}", &text[p.span], p.message, p.hint))
                .collect()
        })
    }

    #[test]
    fn a_command_with_defaults() {
        let spec = check("command = \"echo 5\"").unwrap();
        assert_eq!(spec.kind, SourceKind::Command("echo 5".into()));
        assert_eq!(spec.every, Duration::from_secs(300));
        assert_eq!(spec.timeout, Duration::from_secs(20));
    }

    #[test]
    fn a_url_with_a_pointer_and_times() {
        let spec = check(
            "url = \"https://x.test/v?id=1&key=${YOUTUBE_API_KEY}\"\njson = \"/items/0/n\"\nevery = \"1s\"\ntimeout = \"1m\"",
        )
        .unwrap();
        assert_eq!(
            spec.kind,
            SourceKind::Url {
                url: "https://x.test/v?id=1&key=${YOUTUBE_API_KEY}".into(),
                json: Some("/items/0/n".into()),
                preset: None,
            }
        );
        assert_eq!(spec.every, Duration::from_secs(1));
        assert_eq!(spec.timeout, Duration::from_secs(60));
        // Plain http is allowed (a local exporter), and so is the whole document as pointer.
        assert!(check("url = \"HTTP://127.0.0.1:9/\"\njson = \"\"").is_ok());
    }

    #[test]
    fn each_mistake_is_reported_at_its_value() {
        let e = check("command = \"a\"\nurl = \"https://x.test\"").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("\"https://x.test\": a source has both"),
            "{e:?}"
        );

        let e = check("every = \"5m\"").unwrap_err();
        assert!(e[0].contains("needs a `command` or a `url`"), "{e:?}");

        let e = check("command = \"a\"\nevery = \"0s\"\ntimeout = \"0s\"").unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].starts_with("\"0s\": `every` = \"0s\" is shorter than a second"));
        assert!(e[1].contains("`timeout` = \"0s\" leaves no time"), "{e:?}");

        let e = check("command = \"a\"\nevery = \"often\"").unwrap_err();
        assert!(e[0].contains("\"often\" is not a duration"), "{e:?}");
        assert!(e[0].ends_with("every = \"5m\""), "{e:?}");

        let e = check("command = \"a\"\njson = \"/x\"").unwrap_err();
        assert!(
            e[0].starts_with("\"/x\": `json` applies only to a `url`"),
            "{e:?}"
        );

        let e = check("command = \"  \"").unwrap_err();
        assert!(e[0].contains("command is empty"), "{e:?}");
    }

    #[test]
    fn urls_and_pointers() {
        for (url, what) in [
            ("ftp://x.test/", "not an http(s) URL"),
            ("x.test/views", "not an http(s) URL"),
            ("https://", "has no host"),
            ("https://x.test/a b", "space"),
            ("https://x.test/?k=${KEY", "unclosed"),
            ("https://x.test/?k=${}", "empty"),
            ("https://x.test/?k=${1KEY}", "\"1KEY\""),
            ("https://x.test/?k=${A-B}", "\"A-B\""),
            ("http://127.0.0.1:99999/", "has port 99999, out of range"),
            ("http://127.0.0.1:0/", "has port 0, out of range"),
            ("http://x.test:99999999999999999999", "out of range"),
            ("http://x.test:80a/", "has port \"80a\", not a number"),
            (
                "https://x.test/?q=<b>",
                "is not a URL (invalid uri character)",
            ),
            ("https://[::1/", "is not a URL"),
            ("https://x.test:1:2/", "is not a URL"),
        ] {
            let e = check(&format!("url = {url:?}")).unwrap_err();
            assert!(e[0].contains(what), "{url}: {e:?}");
        }
        for (pointer, what) in [
            ("items/0", "does not start with /"),
            ("/a~2b", "not ~0 or ~1"),
            ("/a~", "not ~0 or ~1"),
        ] {
            let e = check(&format!("url = \"https://x.test\"\njson = {pointer:?}")).unwrap_err();
            assert!(e[0].contains(what), "{pointer}: {e:?}");
        }
        assert!(check("url = \"https://x.test\"\njson = \"/a~0b/c~1d/0\"").is_ok());
        for url in [
            "http://[::1]:8080/v",
            "http://${HOST}:${PORT}/v?k=${KEY}",
            "https://user:p%40ss@x.test:443/v",
            "http://x.test:/v",
            "https://x.test/{a}/v?q=a|b^c",
        ] {
            assert!(check(&format!("url = {url:?}")).is_ok(), "{url}");
        }
    }
}
