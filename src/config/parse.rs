//! Reading a config: the file's bytes as UTF-8 text, the TOML into the raw serde types, then
//! validation into [`Config`](super::Config).

use super::default::DEFAULT_TOML;
use super::error::{ConfigError, ConfigErrors, LineIndex};
use super::origin::Source;
use super::raw::RawConfig;
use super::types::Config;
use super::validate::validate;

// Here rather than beside the type: building a `Config` goes through parsing, and `types`
// stays below `parse` so that the two do not import each other.
impl Config {
    /// The embedded default config.
    pub fn embedded() -> Result<Config, ConfigErrors> {
        parse(DEFAULT_TOML, Source::Embedded)
    }
}

/// Reads and validates the config from `source`.
pub fn load(source: &Source) -> Result<Config, ConfigErrors> {
    match source {
        Source::Embedded => Config::embedded(),
        Source::File(path) => {
            let name = path.display().to_string();
            // Reading a FIFO would wait for a writer; a directory would fail obscurely.
            if let Some(kind) = crate::files::kind_of(path) {
                return Err(ConfigError::whole_file(
                    &name,
                    format!("it is {kind}, not a file"),
                    Some("put the TOML file back".into()),
                )
                .into());
            }
            let bytes = std::fs::read(path).map_err(|e| {
                ConfigError::whole_file(
                    &name,
                    format!("cannot read the config: {e}"),
                    Some("check the path and its permissions".into()),
                )
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let (line, col) = LineIndex::new(
                    std::str::from_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()])
                        .unwrap_or_default(),
                )
                .position(usize::MAX);
                ConfigError {
                    file: name.clone(),
                    position: Some((line, col)),
                    message: "the config is not UTF-8 text".into(),
                    hint: Some("save it as UTF-8 TOML".into()),
                }
            })?;
            parse(&text, source.clone())
        }
    }
}

/// Parses and validates config text; `source` names it in errors.
pub fn parse(text: &str, source: Source) -> Result<Config, ConfigErrors> {
    let file = source.display();
    let index = LineIndex::new(text);
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let position = e.span().map(|s| index.position(s.start));
        let (message, hint) = explain_toml_error(e.message());
        ConfigErrors::from(ConfigError {
            file: file.clone(),
            position,
            message,
            hint,
        })
    })?;
    validate(raw, source, file, index)
}

/// Turns serde/toml's wording into ours, with a hint where one helps.
fn explain_toml_error(message: &str) -> (String, Option<String>) {
    let message = crate::values::text::clip_quoted(message.trim());
    let hint = if message.starts_with("unknown field") {
        Some("remove it or fix its spelling; the keys are listed in the README".to_string())
    } else if message.starts_with("missing field") {
        Some("add it to this table".to_string())
    } else if message.contains("invalid type") {
        Some(
            "check the value's type: text goes in \"quotes\", counts are whole numbers".to_string(),
        )
    } else {
        Some("fix the TOML syntax here".to_string())
    };
    (message, hint)
}
