//! Source presets: `youtube = "VIDEO_ID"` and `lastfm = { artist, track }` become the URL and
//! JSON pointer a fan would otherwise have to write, with the API key taken from the
//! environment as `${NAME}` (so the URL machinery's redaction hides it).

use std::ops::Range;

use super::raw::{RawLastfm, RawSource};
use crate::values::text::{percent_encode, quote};

/// A well-known count API whose answers a source reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// YouTube Data API v3 `videos?part=statistics`: `statistics.viewCount`.
    YouTube,
    /// Last.fm `track.getInfo`: `track.playcount`.
    LastFm,
}

impl Preset {
    /// What the count counts, for the stream's unit: "views" or "plays".
    pub fn unit(&self) -> &'static str {
        match self {
            Preset::YouTube => "views",
            Preset::LastFm => "plays",
        }
    }

    /// The JSON pointer to the count in the API's answer.
    pub(crate) fn pointer(&self) -> &'static str {
        match self {
            Preset::YouTube => "/items/0/statistics/viewCount",
            Preset::LastFm => "/track/playcount",
        }
    }

    /// The key written as `key = …` when none is: its usual environment variable.
    fn default_key(&self) -> &'static str {
        match self {
            Preset::YouTube => "${YOUTUBE_API_KEY}",
            Preset::LastFm => "${LASTFM_API_KEY}",
        }
    }

    fn default_base(&self) -> &'static str {
        match self {
            Preset::YouTube => "https://www.googleapis.com",
            Preset::LastFm => "https://ws.audioscrobbler.com",
        }
    }
}

/// A problem at a span: what is wrong and what to write.
pub(crate) type Problem = (Range<usize>, String, String);

/// The preset a source names, with its URL (holding `${NAME}` for the key), or the problems.
pub(crate) fn url(source: &RawSource) -> Option<Result<(Preset, String), Vec<Problem>>> {
    let (preset, query) = match (&source.youtube, &source.lastfm) {
        (None, None) => return None,
        (Some(y), Some(_)) => {
            return Some(Err(vec![(
                y.span(),
                "a source has both `youtube` and `lastfm`".into(),
                "keep one: a stream reads one count".into(),
            )]));
        }
        (Some(y), None) => match video_id(y.get_ref()) {
            Ok(id) => (
                Preset::YouTube,
                format!("/youtube/v3/videos?part=statistics&id={id}"),
            ),
            Err(why) => {
                return Some(Err(vec![(
                    y.span(),
                    why,
                    "write the video's id (the 11 characters after v= in its link), or its \
                     watch, youtu.be or shorts link"
                        .into(),
                )]));
            }
        },
        (None, Some(l)) => (Preset::LastFm, lastfm_query(l.get_ref())),
    };
    let mut problems = Vec::new();
    let key = match &source.key {
        None => preset.default_key().to_string(),
        Some(k) if is_variable(k.get_ref()) => k.get_ref().clone(),
        Some(k) => {
            problems.push((
                k.span(),
                "`key` is written out; it would show wherever the URL does".into(),
                "put the key in the environment and name it: key = \"${MY_API_KEY}\"".into(),
            ));
            String::new()
        }
    };
    let base = match &source.base_url {
        None => preset.default_base().to_string(),
        Some(b) => b.get_ref().trim_end_matches('/').to_string(),
    };
    let url = format!("{base}{query}&{}={key}", key_param(preset));
    if problems.is_empty() {
        Some(Ok((preset, url)))
    } else {
        Some(Err(problems))
    }
}

fn key_param(preset: Preset) -> &'static str {
    match preset {
        Preset::YouTube => "key",
        Preset::LastFm => "api_key",
    }
}

/// `${NAME}` and nothing else.
fn is_variable(text: &str) -> bool {
    text.strip_prefix("${")
        .and_then(|r| r.strip_suffix('}'))
        .is_some_and(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

fn lastfm_query(l: &RawLastfm) -> String {
    format!(
        "/2.0/?method=track.getInfo&artist={}&track={}&format=json",
        percent_encode(&l.artist),
        percent_encode(&l.track)
    )
}

/// A YouTube video id from an id or a watch, youtu.be, shorts, embed or live link.
pub(crate) fn video_id(text: &str) -> Result<String, String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let candidate = if lower.starts_with("http://") || lower.starts_with("https://") {
        let rest = &text[text.find("://").map_or(0, |i| i + 3)..];
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = host.to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        let host = host
            .strip_prefix("m.")
            .or(host.strip_prefix("music."))
            .unwrap_or(host);
        match host {
            "youtu.be" => path.split(['?', '#', '/']).next().unwrap_or_default(),
            "youtube.com" => {
                if let Some(q) = path.strip_prefix("watch?").or(path.strip_prefix("watch/?")) {
                    q.split('&')
                        .find_map(|kv| kv.strip_prefix("v="))
                        .unwrap_or_default()
                } else {
                    let mut parts = path.split(['/', '?', '#']);
                    match parts.next() {
                        Some("shorts" | "embed" | "live" | "v") => parts.next().unwrap_or_default(),
                        _ => "",
                    }
                }
            }
            _ => {
                return Err(format!(
                    "{} is not a YouTube link",
                    quote(crate::values::text::clip(text).as_ref())
                ));
            }
        }
    } else {
        text
    };
    let ok = candidate.len() == 11
        && candidate
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(candidate.to_string())
    } else {
        Err(format!(
            "{} is not a YouTube video id",
            quote(crate::values::text::clip(text).as_ref())
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn video_ids_from_every_link_a_fan_copies() {
        let id = "dQw4w9WgXcQ";
        for text in [
            id,
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=x",
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
        ] {
            assert_eq!(video_id(text).as_deref(), Ok(id), "{text}");
        }
        assert!(
            video_id("https://vimeo.com/123")
                .unwrap_err()
                .contains("not a YouTube link")
        );
        assert!(
            video_id("short")
                .unwrap_err()
                .contains("not a YouTube video id")
        );
        assert!(video_id("https://youtube.com/channel/x").is_err());
    }

    #[test]
    fn names_are_one_query_value_each() {
        assert_eq!(percent_encode("IU & Suga $x"), "IU%20%26%20Suga%20%24x");
        assert_eq!(percent_encode("아이유"), "%EC%95%84%EC%9D%B4%EC%9C%A0");
        assert!(is_variable("${MY_KEY}"));
        assert!(!is_variable("AIzaSy123"));
        assert!(!is_variable("${MY KEY}"));
    }
}
