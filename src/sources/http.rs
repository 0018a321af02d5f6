//! A URL source: one GET, bounded in time, redirects and size, with `${NAME}` filled in from the
//! environment at request time and kept out of every error.

use std::time::Duration;

use ureq::Agent;

use super::expand::{self, Expanded};
use super::limit::LIMIT;
use super::number;
use crate::config::Preset;
use crate::readings::poll::SourceError;

/// Redirects followed before giving up: enough for a moved API, few enough to end a loop fast.
pub const MAX_REDIRECTS: u32 = 5;

/// Fetches `url` and reads the count at `json`, or the body's first whole number.
pub(crate) fn get(
    url: &str,
    json: Option<&str>,
    preset: Option<Preset>,
    timeout: Duration,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<u64, SourceError> {
    let expanded = expand::expand(url, env)?;
    // The fetch's one exit: whatever went wrong and whatever the server sent back, no value a
    // `${NAME}` brought leaves in a message, nor as the count.
    fetch(&expanded, json, preset, timeout)
        .and_then(|count| match expanded.echoed(count) {
            Some(name) => Err(SourceError::Answer(format!(
                "the count is the value of {name}: the server sent back what it was asked"
            ))),
            None => Ok(count),
        })
        .map_err(|e| expanded.redact_error(e))
}

/// One GET of the expanded URL, and the count read from its answer.
fn fetch(
    expanded: &Expanded,
    json: Option<&str>,
    preset: Option<Preset>,
    timeout: Duration,
) -> Result<u64, SourceError> {
    let body = body(&expanded.text, timeout, LIMIT, preset)?;
    match (preset, json) {
        (Some(preset), _) => number::preset_count(&body, preset),
        (None, Some(pointer)) => number::json_count(&body, pointer),
        (None, None) => number::first_count(&String::from_utf8_lossy(&body))
            .ok_or(SourceError::NoNumber("body")),
    }
}

/// The body of one GET of `url`, at most `limit` bytes, within `timeout`, over at most
/// [`MAX_REDIRECTS`] redirects, uncompressed; a failing status is an error (with the reason a
/// known API gives in its body).
pub(crate) fn body(
    url: &str,
    timeout: Duration,
    limit: u64,
    preset: Option<Preset>,
) -> Result<Vec<u8>, SourceError> {
    let agent: Agent = Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        // Statuses are read below, so that a 500 is reported as such and not as a transport error.
        .http_status_as_error(false)
        .user_agent(concat!("dropwatch/", env!("CARGO_PKG_VERSION")))
        // Said out loud: without the header a server may pick any coding it likes.
        .accept_encoding("identity")
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| from_ureq(e, timeout))?;
    let status = response.status();
    if !status.is_success() {
        // A known API says why in its body ("API key not valid"): worth the read, capped.
        let why = preset.and_then(|_| {
            let body = response
                .body_mut()
                .with_config()
                .limit(LIMIT)
                .read_to_vec()
                .ok()?;
            number::api_error(&serde_json::from_slice(&body).ok()?)
        });
        return Err(match why {
            Some(why) => SourceError::Answer(format!("HTTP {}: {why}", status.as_u16())),
            None => SourceError::Status(status.as_u16()),
        });
    }
    // The client decodes nothing: a compressed body read as text gives a count out of bytes.
    if let Some(coding) = response.headers().get(ureq::http::header::CONTENT_ENCODING) {
        let coding = String::from_utf8_lossy(coding.as_bytes());
        if !coding.trim().eq_ignore_ascii_case("identity") {
            return Err(SourceError::Answer(format!(
                "answer compressed with {}; dropwatch asks for none",
                crate::values::text::clip(coding.trim())
            )));
        }
    }
    response
        .body_mut()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| from_ureq(e, timeout))
}

/// Our error for one of ureq's.
fn from_ureq(e: ureq::Error, timeout: Duration) -> SourceError {
    match e {
        ureq::Error::Timeout(_) => SourceError::Timeout(timeout),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            SourceError::Timeout(timeout)
        }
        ureq::Error::TooManyRedirects => SourceError::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => SourceError::TooLarge("body"),
        ureq::Error::StatusCode(code) => SourceError::Status(code),
        ureq::Error::HostNotFound => SourceError::Http("host not found".into()),
        ureq::Error::ConnectionFailed => SourceError::Http("cannot connect".into()),
        ureq::Error::Io(io) => SourceError::Http(io.to_string()),
        other => SourceError::Http(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_that_quote_the_url_show_the_names_not_the_values() {
        let env = |_: &str| Some("s3cret".to_string());
        let expanded = expand::expand("https://x.test/?key=${KEY}", &env).unwrap();
        let e = from_ureq(
            ureq::Error::BadUri(expanded.text.clone()),
            Duration::from_secs(1),
        );
        let e = expanded.redact_error(e);
        assert_eq!(e.to_string(), "bad uri: https://x.test/?key=${KEY}");
        // An error whose text holds no value stays as it was.
        let e = expanded.redact_error(SourceError::Status(500));
        assert_eq!(e, SourceError::Status(500));
    }
}
