//! The config's JSON Schema, derived from the serde types that read it, so editors can check and
//! complete a config as it is typed; and the schema file `dropwatch init` writes beside a config.

use std::path::{Path, PathBuf};

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use serde_json::Value;

use super::default::DEFAULT_TOML;
use super::raw::RawConfig;

/// The schema's file name, beside the config.
pub(crate) const SCHEMA_FILE: &str = "dropwatch.schema.json";

/// The config's JSON Schema. Draft 7: TOML editors' validators support it, where newer drafts
/// are not everywhere yet.
pub(crate) fn schema() -> Schema {
    SchemaSettings::draft07()
        .with_transform(NoNull)
        .into_generator()
        .into_root_schema_for::<RawConfig>()
}

/// Drops the `null` that schemars adds to each optional key's types: TOML has no null, an
/// optional key is simply left out (and is not in `required`).
#[derive(Clone)]
struct NoNull;

impl Transform for NoNull {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(Value::Array(types)) = schema.get_mut("type") {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                let only = only.clone();
                schema.insert("type".into(), only);
            }
        }
        transform_subschemas(self, schema);
    }
}

/// The schema as pretty JSON with a final newline, as `dropwatch schema` prints it.
pub fn schema_json() -> String {
    // A Schema is a JSON value: serializing it cannot fail.
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the schema, as `dropwatch schema` prints it.
pub(crate) fn write_schema(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(schema_json().as_bytes())
}

/// What `dropwatch init` writes: the default config under a `#:schema` directive, the comment
/// that TOML editors (taplo, Even Better TOML) read to find the schema, relative to the file.
pub fn init_text() -> String {
    format!("#:schema ./{SCHEMA_FILE}\n{DEFAULT_TOML}")
}

/// Where `init` writes the schema: beside `config`, so the `#:schema` directive finds it offline.
pub(crate) fn beside(config: &Path) -> PathBuf {
    config.with_file_name(SCHEMA_FILE)
}

/// Whether the file at `path` is other than what [`schema_json`] writes (a schema of its own, or
/// an older one): `init` then replaces it only with `--force`. False when there is none.
pub(crate) fn differs(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|text| text != schema_json().as_bytes())
}

/// Writes the schema beside `config` and returns its path.
pub(crate) fn write_beside(config: &Path) -> std::io::Result<PathBuf> {
    let path = beside(config);
    std::fs::write(&path, schema_json())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_docs_and_unknown_keys_are_refused() {
        let schema = schema();
        let v = schema.as_value();
        assert_eq!(v["additionalProperties"], false);
        assert!(v["properties"]["$schema"].is_object());
        let event = &v["definitions"]["Event"];
        assert_eq!(event["properties"]["name"]["description"], "Display name.");
        assert_eq!(event["properties"]["at"]["type"], "string");
        // Optional keys are left out, never null.
        assert_eq!(event["properties"]["by"]["type"], "string");
        assert_eq!(event["additionalProperties"], false);
        let required: Vec<&str> = event["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r.as_str())
            .collect();
        assert_eq!(required, ["name", "at", "zone"]);
        let goal = &v["definitions"]["Goal"];
        assert_eq!(
            goal["properties"]["streams"]["type"],
            serde_json::json!(["integer", "string"])
        );
    }

    #[test]
    fn init_text_starts_with_the_directive() {
        let text = init_text();
        assert_eq!(
            text.lines().next(),
            Some("#:schema ./dropwatch.schema.json")
        );
        assert!(text.ends_with(DEFAULT_TOML));
    }
}
