//! The texts: one Fluent bundle per language from the `.ftl` files embedded at build time,
//! built once and shared by every thread; a key a language lacks falls back to English.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

#[cfg(test)]
/// The areas, one `.ftl` file each, so that texts of different parts can be added apart.
pub(crate) const AREAS: [&str; 8] = [
    "common",
    "dashboard",
    "streams",
    "help",
    "card",
    "bar",
    "messages",
    "problems",
];

macro_rules! area_files {
    ($code:literal) => {
        [
            include_str!(concat!("../../assets/lang/", $code, "/common.ftl")),
            include_str!(concat!("../../assets/lang/", $code, "/dashboard.ftl")),
            include_str!(concat!("../../assets/lang/", $code, "/streams.ftl")),
            include_str!(concat!("../../assets/lang/", $code, "/help.ftl")),
            include_str!(concat!("../../assets/lang/", $code, "/card.ftl")),
            include_str!(concat!("../../assets/lang/", $code, "/bar.ftl")),
            include_str!(concat!("../../assets/lang/", $code, "/messages.ftl")),
            include_str!(concat!("../../assets/lang/", $code, "/problems.ftl")),
        ]
    };
}

/// The embedded sources of `lang`, in the order of [`AREAS`].
pub(crate) fn sources(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::En => area_files!("en"),
        Lang::Ko => area_files!("ko"),
        Lang::Ja => area_files!("ja"),
        Lang::Es => area_files!("es"),
        Lang::PtBr => area_files!("pt-BR"),
        Lang::Id => area_files!("id"),
    }
}

/// An argument of a text: a string shown as given, or a number for a plural selector only.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Shown as written (numbers already formatted the language's way).
    Str(String),
    /// Selects a plural form (`{ $count -> [one] … *[other] … }`); not meant to be shown.
    Num(u64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of `lang`, built on its first use, each language apart: a fan's dashboard parses
/// only its own language's files (and English's when a text is missing), not all six at start.
/// Entries that do not parse are left out (a test fails on them), so a broken file never stops
/// the dashboard.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    BUNDLES[i].get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) around arguments would count as columns in a terminal.
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        // A key defined twice keeps its first text; the tests catch the duplicate.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The text of `key` in `lang`, or `None` when `lang` lacks it.
fn lookup(lang: Lang, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

#[cfg(test)]
/// Whether `lang`'s own files hold `key` (no fallback).
pub(crate) fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

impl Lang {
    /// The text of `key`: this language's, else English's, else the key itself (a bug the
    /// tests catch: every key used in `src/` is in English).
    pub fn t(self, key: &str) -> Cow<'static, str> {
        self.t_with(key, &[])
    }

    /// The text of `key` with arguments, e.g. `("count", Arg::Num(3))`.
    pub fn t_with(self, key: &str, args: &[(&str, Arg)]) -> Cow<'static, str> {
        let fargs = (!args.is_empty()).then(|| {
            let mut f = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Arg::Str(s) => f.set(*name, FluentValue::from(s.clone())),
                    Arg::Num(n) => f.set(*name, FluentValue::from(*n as f64)),
                }
            }
            f
        });
        lookup(self, key, fargs.as_ref())
            .or_else(|| lookup(Lang::En, key, fargs.as_ref()))
            .map_or_else(|| Cow::Owned(key.to_string()), Cow::Owned)
    }
}
