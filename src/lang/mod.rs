//! The fan's language: which one ([`Lang`], [`resolve`]), its texts (Fluent files under
//! `assets/lang/<code>/`), its numbers and its dates. Pure: the environment comes in as strings.
//!
//! Turning an English literal into a text (phase 2 follows this pattern, file by file):
//! - Name the key `area-thing-detail` (`help-key-quit`, `status-on-pace`, `events-none`) and add
//!   it to `assets/lang/en/<area>.ftl`, the area being the file the text shows in: `common`
//!   (statuses, units), `dashboard` (panels), `help` (overlay, footer, keys), `card`, `bar`,
//!   `messages` (toasts, prompts, forms), `problems` (what a typed value gets wrong, with
//!   its fix: [`Lang::problem`]). Then the same key in the five other languages.
//! - Write `ctx.lang.t("key")` in a widget (`ui::ctx::Ctx` has `lang`), `app.lang` elsewhere
//!   with the state. Arguments: `lang.t_with("key", &[("name", Arg::from(text))])`; numbers go
//!   in already formatted (`lang.count(n)`, `lang.short(n)`) plus `("count", Arg::Num(n))` for
//!   a plural selector `{ $count -> [one] … *[other] … }`, so Fluent never formats a number.
//! - A key missing in a language shows the English text; `cargo test -q --lib lang` lists the
//!   keys each language lacks and fails while any do, and fails on a key used in `src/` that
//!   English lacks (a string literal starting with an area prefix such as `"help-"`).
//! - Per-second texts (countdowns, event statuses) may not allocate, so their words are static
//!   tables here (`units`, `status_words`) rather than Fluent texts. Numbers and dates:
//!   `count`, `short`, `per_hour`, `percent`, `day`, `day_year`, `day_time`; English is
//!   byte-identical to `values::numbers` and the `%a %-d %b` dates.
//! - Columns: pad and cut by display width (`ui::fit::pad`, `fit`), never `{:<7}`, which counts
//!   a Hangul syllable as one column.

mod counted;
mod dates;
mod numbers;
mod ordinal;
mod problems;
mod spans;
#[cfg(test)]
mod tests;
mod text;
mod units;

pub use ordinal::Nth;
pub use text::Arg;
pub use units::StatusWords;

/// One of the languages dropwatch speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the fallback for every missing text.
    #[default]
    En,
    /// Korean.
    Ko,
    /// Japanese.
    Ja,
    /// Spanish.
    Es,
    /// Brazilian Portuguese.
    PtBr,
    /// Indonesian.
    Id,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Ko, Lang::Ja, Lang::Es, Lang::PtBr, Lang::Id];

    /// The code `--lang` and the config take: "en", "pt-BR".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Ja => "ja",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
            Lang::Id => "id",
        }
    }

    /// The language's name in itself: "한국어".
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
            Lang::Ja => "日本語",
            Lang::Es => "Español",
            Lang::PtBr => "Português (Brasil)",
            Lang::Id => "Bahasa Indonesia",
        }
    }

    /// A code as a user writes it: "ko", "pt", "pt-BR", "pt_br", any case.
    pub fn parse(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase().replace('_', "-");
        match c.as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "ko" | "ko-kr" => Some(Lang::Ko),
            "ja" | "ja-jp" => Some(Lang::Ja),
            "es" => Some(Lang::Es),
            "pt" | "pt-br" => Some(Lang::PtBr),
            "id" | "id-id" | "in" => Some(Lang::Id),
            _ if c.starts_with("es-") => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language of a POSIX locale (`ko_KR.UTF-8`, `pt_BR`, `ja_JP@x`); `C`, `POSIX` and
    /// languages we do not speak give `None`.
    pub fn best_match(locale: &str) -> Option<Lang> {
        let base = locale.split(['.', '@']).next().unwrap_or("");
        let language = base.split(['_', '-']).next().unwrap_or("");
        match language.to_ascii_lowercase().as_str() {
            "c" | "posix" | "" => None,
            "pt" => Some(Lang::PtBr),
            l => Lang::parse(l),
        }
    }
}

/// The language to speak: `--lang`, then the config's `lang`, then the first non-empty of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` (the POSIX order) best-matched, else English. `env` holds
/// the variables as the cli read them; a flag the cli did not refuse is parsed here again.
pub fn resolve(flag: Option<&str>, config: Option<Lang>, env: &[(&str, Option<String>)]) -> Lang {
    if let Some(l) = flag.and_then(Lang::parse) {
        return l;
    }
    if let Some(l) = config {
        return l;
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        let value = env
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.as_deref())
            .filter(|v| !v.is_empty());
        // POSIX: the first set variable decides, even when it names a language we lack.
        if let Some(v) = value {
            return Lang::best_match(v).unwrap_or_default();
        }
    }
    Lang::En
}

/// `text` in Unicode NFC: "방탄" typed on macOS (decomposed jamo) becomes whole syllables.
pub fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

/// What picks the language besides the config: `--lang` and the locale variables, captured
/// once at start so that a config reload re-resolves with the same inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    /// `--lang`, as typed.
    pub flag: Option<String>,
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` as the cli read them.
    pub env: Vec<(&'static str, Option<String>)>,
}

impl Choice {
    /// The language for a config that asks for `config`.
    pub fn pick(&self, config: Option<Lang>) -> Lang {
        resolve(self.flag.as_deref(), config, &self.env)
    }
}

/// The valid codes, for error messages: "en, ko, ja, es, pt-BR, id".
pub fn codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}
