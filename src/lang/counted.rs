//! A stream's unit in the language: the units dropwatch picks when the config leaves one out
//! (streams, views, plays) are the language's words; a unit the fan wrote stays as written.

use super::{Arg, Lang};

impl Lang {
    /// The plural word of `unit`: "streams" → "스트리밍", "views" → "visualizações"; "회" as is.
    pub fn unit(self, unit: &str) -> String {
        match unit {
            "streams" => self.t("streams-unit-streams").into_owned(),
            "views" => self.t("streams-unit-views").into_owned(),
            "plays" => self.t("streams-unit-plays").into_owned(),
            _ => unit.to_string(),
        }
    }

    /// `n` with `unit`, singular for 1: "2,712,345 streams", "조회수 1,500,000", "1 vista".
    pub fn counted(self, n: u64, unit: &str) -> String {
        let key = match unit {
            "streams" => "streams-counted-streams",
            "views" => "streams-counted-views",
            "plays" => "streams-counted-plays",
            _ if n == 1 => {
                return format!("{} {}", self.count(n), crate::values::text::singular(unit));
            }
            _ => return format!("{} {unit}", self.count(n)),
        };
        let args = [("n", Arg::from(self.count(n))), ("count", Arg::Num(n))];
        self.t_with(key, &args).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_as_before_and_other_languages_in_their_words() {
        for (n, unit) in [
            (1, "streams"),
            (2, "views"),
            (1, "plays"),
            (1, "hugs"),
            (3, "회"),
        ] {
            assert_eq!(
                Lang::En.counted(n, unit),
                crate::values::numbers::counted(n, unit)
            );
        }
        assert_eq!(Lang::Ko.counted(1_500_000, "views"), "조회수 1,500,000");
        assert_eq!(Lang::Es.counted(1, "views"), "1 vista");
        assert_eq!(Lang::PtBr.counted(2_000, "plays"), "2.000 reproduções");
        assert_eq!(Lang::Ko.counted(3, "회"), "3 회");
        assert_eq!(Lang::Ja.unit("streams"), "再生");
        assert_eq!(Lang::Id.unit("hugs"), "hugs");
    }
}
