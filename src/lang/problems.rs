//! A [`Problem`] or [`Said`] in the fan's language: its key's text (and fix), or its English
//! words when it has no key (errors only the config and the CLI show).

use super::{Arg, Lang};
use crate::values::problem::{Problem, Said};

/// The arguments as Fluent takes them.
fn fluent_args(args: &[(&'static str, String)]) -> Vec<(&'static str, Arg)> {
    args.iter()
        .map(|(name, value)| (*name, Arg::from(value.as_str())))
        .collect()
}

impl Lang {
    /// `p` as one line, message then fix, in this language; English is `p`'s Display.
    pub fn problem(self, p: &Problem) -> String {
        let Some(key) = p.key else {
            return p.to_string();
        };
        let args = fluent_args(&p.args);
        let message = self.t_with(key, &args).into_owned();
        let hint = self.t_with(&format!("{key}-hint"), &args).into_owned();
        let both = [("message", Arg::from(message)), ("hint", Arg::from(hint))];
        self.t_with("problems-joined", &both).into_owned()
    }

    /// `s` in this language; English is `s`'s Display.
    pub fn said(self, s: &Said) -> String {
        match s.key {
            Some(key) => self.t_with(key, &fluent_args(&s.args)).into_owned(),
            None => s.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::{DateTime, Utc};
    use chrono_tz::Tz;

    use super::*;
    use crate::values::announce::parse_announced;
    use crate::values::numbers::parse_count;
    use crate::values::when::{parse_config_time, parse_moment, parse_zone};

    fn now() -> DateTime<Utc> {
        crate::testing::utc("2026-12-01T00:00:00Z")
    }

    /// `text` in the When field of the `a` form with `zone` in its Zone field, as the form
    /// reads it: the time, then its `at` in the config.
    fn when(text: &str, zone: Tz) -> Problem {
        parse_announced(text, now(), zone)
            .and_then(|a| a.config_text(zone))
            .expect_err(text)
    }

    /// Every keyed problem the `u` prompt and the `a`/`e` forms can show, and a few only the
    /// CLI shows, each from a bad input.
    fn catalogue() -> Vec<Problem> {
        let seoul = chrono_tz::Asia::Seoul;
        let mut all: Vec<Problem> = ["", "-5", "abc", "2.7.1M", "2.5", "1.2345k", "99999999999T"]
            .iter()
            .map(|t| parse_count(t).expect_err(t))
            .collect();
        for t in [
            "soon",
            "12.05 6PM 7PM",
            "6PM EST",
            "25:00",
            "13pm",
            "13.45",
            "+abc",
            "+200y",
            "1800-01-01T00:00:00Z",
            "12.05 18:00 Mars/Base",
        ] {
            all.push(when(t, seoul));
        }
        all.push(when("2027-03-14 02:30", chrono_tz::America::New_York));
        all.push(when("2026-11-01 01:30", chrono_tz::America::New_York));
        all.push(when("2011-12-30 12:00", chrono_tz::Pacific::Apia));
        all.push(when("2014-10-26 01:30", chrono_tz::Europe::Moscow));
        for zone in ["Seoul", "Mars/Base", "Kentucky", "Indiana"] {
            all.push(parse_zone(zone).expect_err(zone));
        }
        all.push(parse_moment("yesterday", now()).expect_err("yesterday"));
        all.push(parse_moment("2026-12-05 18:00 IST", now()).expect_err("IST"));
        all.push(parse_moment("2026-12-05 18:00 CST", now()).expect_err("CST"));
        all.push(parse_config_time("soon", seoul).expect_err("soon"));
        // Read in a language: a unit that means two sizes.
        all.push(Lang::Id.parse_count("1,5 M").expect_err("1,5 M"));
        all
    }

    /// Keys of the `problems` area that have a fix (`…-hint`): the keys a [`Problem`] uses.
    fn problem_keys() -> BTreeSet<String> {
        let english = super::super::text::sources(Lang::En)[7];
        let ids: BTreeSet<&str> = english
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
            .collect();
        ids.iter()
            .filter(|k| ids.contains(format!("{k}-hint").as_str()))
            .map(|k| k.to_string())
            .collect()
    }

    #[test]
    fn english_says_what_the_cli_says_and_every_key_has_a_bad_input() {
        let all = catalogue();
        let mut seen = BTreeSet::new();
        for p in &all {
            assert_eq!(Lang::En.problem(p), p.to_string(), "{:?}", p.key);
            seen.insert(p.key.expect("keyed").to_string());
        }
        let missing: Vec<String> = problem_keys().difference(&seen).cloned().collect();
        assert!(missing.is_empty(), "no bad input gives {missing:?}");
    }

    #[test]
    fn other_languages_translate_every_problem_and_keep_what_was_typed() {
        for lang in Lang::ALL.into_iter().skip(1) {
            for p in catalogue() {
                let said = lang.problem(&p);
                let english = p.to_string();
                assert_ne!(said, english, "{} {:?}", lang.code(), p.key);
                assert!(!said.contains("problems-"), "{said}");
                // Lists are joined in the language, not with an English "or".
                assert!(!said.contains(" or "), "{}: {said}", lang.code());
                for (name, value) in &p.args {
                    assert!(
                        said.contains(value.as_str()),
                        "{} lost ${name}: {said}",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn an_unkeyed_problem_stays_english() {
        let p = Problem::new("the zone is wrong", "write another");
        assert_eq!(Lang::Ko.problem(&p), "the zone is wrong; write another");
        let s = Said::from("no such file");
        assert_eq!(Lang::Ja.said(&s), "no such file");
    }
}
