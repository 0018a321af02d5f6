use std::collections::BTreeSet;
use std::path::Path;

use chrono::{TimeZone, Utc};
use fluent_bundle::FluentResource;
use proptest::prelude::*;

use super::text::{AREAS, has, sources};
use super::*;

fn env(
    all: Option<&str>,
    messages: Option<&str>,
    lang: Option<&str>,
) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("LC_ALL", all.map(String::from)),
        ("LC_MESSAGES", messages.map(String::from)),
        ("LANG", lang.map(String::from)),
    ]
}

#[test]
fn parses_codes_as_users_write_them() {
    assert_eq!(Lang::parse("pt"), Some(Lang::PtBr));
    assert_eq!(Lang::parse("pt_BR"), Some(Lang::PtBr));
    assert_eq!(Lang::parse("PT-br"), Some(Lang::PtBr));
    assert_eq!(Lang::parse("KO"), Some(Lang::Ko));
    assert_eq!(Lang::parse("fr"), None);
    for l in Lang::ALL {
        assert_eq!(Lang::parse(l.code()), Some(l));
    }
}

#[test]
fn best_matches_posix_locales() {
    assert_eq!(Lang::best_match("ko_KR.UTF-8"), Some(Lang::Ko));
    assert_eq!(Lang::best_match("ja_JP.eucJP@x"), Some(Lang::Ja));
    assert_eq!(Lang::best_match("pt_BR"), Some(Lang::PtBr));
    assert_eq!(Lang::best_match("pt_PT.UTF-8"), Some(Lang::PtBr));
    assert_eq!(Lang::best_match("es_MX.UTF-8"), Some(Lang::Es));
    assert_eq!(Lang::best_match("id_ID.UTF-8"), Some(Lang::Id));
    assert_eq!(Lang::best_match("C"), None);
    assert_eq!(Lang::best_match("C.UTF-8"), None);
    assert_eq!(Lang::best_match("POSIX"), None);
    assert_eq!(Lang::best_match("de_DE.UTF-8"), None);
    assert_eq!(Lang::best_match(""), None);
}

#[test]
fn resolves_flag_then_config_then_environment() {
    let e = env(None, None, Some("ja_JP.UTF-8"));
    assert_eq!(resolve(Some("ko"), Some(Lang::Es), &e), Lang::Ko);
    assert_eq!(resolve(None, Some(Lang::Es), &e), Lang::Es);
    assert_eq!(resolve(None, None, &e), Lang::Ja);
    assert_eq!(resolve(None, None, &env(None, None, None)), Lang::En);
    // LC_ALL wins over LANG; an empty one is skipped.
    let e = env(Some("ko_KR.UTF-8"), None, Some("ja_JP.UTF-8"));
    assert_eq!(resolve(None, None, &e), Lang::Ko);
    let e = env(Some(""), Some("pt_BR.UTF-8"), Some("ja_JP"));
    assert_eq!(resolve(None, None, &e), Lang::PtBr);
    // The first set variable decides, even when it is C: English, not LANG's Japanese.
    let e = env(Some("C"), None, Some("ja_JP.UTF-8"));
    assert_eq!(resolve(None, None, &e), Lang::En);
    // A flag we cannot read falls through to the next source.
    assert_eq!(resolve(Some("xx"), Some(Lang::Id), &e), Lang::Id);
}

#[test]
fn every_ftl_parses_without_errors_or_duplicates() {
    let mut bad = Vec::new();
    for l in Lang::ALL {
        let mut seen = BTreeSet::new();
        for (area, source) in AREAS.iter().zip(sources(l)) {
            match FluentResource::try_new(source.to_string()) {
                Ok(r) => {
                    for id in ids(&r) {
                        if !seen.insert(id.clone()) {
                            bad.push(format!("{}/{area}.ftl: {id} twice", l.code()));
                        }
                    }
                }
                Err((_, errors)) => bad.push(format!("{}/{area}.ftl: {errors:?}", l.code())),
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

fn ids(r: &FluentResource) -> Vec<String> {
    r.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn english_keys() -> BTreeSet<String> {
    sources(Lang::En)
        .iter()
        .filter_map(|s| FluentResource::try_new(s.to_string()).ok())
        .flat_map(|r| ids(&r))
        .collect()
}

/// The list phase 2 watches: per language, the keys English has that it lacks.
#[test]
fn no_language_lacks_a_key() {
    let english = english_keys();
    let mut missing = Vec::new();
    for l in Lang::ALL {
        let lacks: Vec<&String> = english.iter().filter(|k| !has(l, k)).collect();
        if !lacks.is_empty() {
            missing.push(format!("{}: {lacks:?}", l.code()));
        }
    }
    assert!(missing.is_empty(), "missing keys:\n{}", missing.join("\n"));
}

/// Prefixes of text keys: a string literal in `src/` starting with one is a key English
/// must hold.
const KEY_PREFIXES: [&str; 14] = [
    "status-",
    "streams-",
    "chart-",
    "ranks-",
    "overview-",
    "countdown-",
    "help-",
    "dashboard-",
    "events-",
    "card-",
    "bar-",
    "messages-",
    "common-",
    "problems-",
];

#[test]
fn every_key_used_in_code_is_in_english() {
    let english = english_keys();
    let mut unknown = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for piece in text.split('"').skip(1).step_by(2) {
                    let looks = KEY_PREFIXES.iter().any(|k| piece.starts_with(k))
                        && piece
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if looks && !english.contains(piece) && !KEY_PREFIXES.contains(&piece) {
                        unknown.push(format!("{}: {piece}", p.display()));
                    }
                }
            }
        }
    }
    assert!(unknown.is_empty(), "keys English lacks: {unknown:#?}");
}

#[test]
fn falls_back_to_english_and_takes_arguments() {
    assert_eq!(Lang::Ko.t("status-on-pace"), "순항");
    assert_eq!(Lang::En.t("status-on-pace"), "on pace");
    let more = |lang: Lang, n: u64| {
        let args = [("n", Arg::from(lang.count(n))), ("count", Arg::Num(n))];
        lang.t_with("card-more-goals", &args).into_owned()
    };
    assert_eq!(more(Lang::En, 1), "+1 more goal");
    assert_eq!(more(Lang::En, 1200), "+1,200 more goals");
    assert_eq!(more(Lang::Es, 1), "+1 meta más");
    assert_eq!(more(Lang::PtBr, 1200), "+1.200 metas");
    assert_eq!(more(Lang::Ko, 3), "목표 3개 더");
    // No isolation marks around arguments: they would take terminal columns.
    assert!(!more(Lang::Ja, 3).contains('\u{2068}'));
    assert_eq!(Lang::Ko.t("no-such-key"), "no-such-key");
}

#[test]
fn numbers_per_language() {
    assert_eq!(Lang::En.count(2_700_000), "2,700,000");
    assert_eq!(Lang::Es.count(2_700_000), "2.700.000");
    assert_eq!(Lang::Ko.short(2_700_000), "270만");
    assert_eq!(Lang::Ko.short(270_000_000), "2.7억");
    assert_eq!(Lang::Ko.short(120_000_000), "1.2억");
    assert_eq!(Lang::Ko.short(3_500), "3,500");
    assert_eq!(Lang::Ko.short(99_999_999), "1억");
    assert_eq!(Lang::Ja.short(2_700_000), "270万");
    assert_eq!(Lang::Ja.short(120_000_000), "1.2億");
    assert_eq!(Lang::PtBr.short(2_700_000), "2,7 mi");
    assert_eq!(Lang::Es.short(2_700_000), "2,7 M");
    assert_eq!(Lang::Id.short(2_700_000), "2,7 jt");
    assert_eq!(Lang::Id.short(950_000), "950 rb");
    assert_eq!(Lang::En.short(2_700_000), "2.7M");
    assert_eq!(Lang::En.per_hour(212_000.4), "212k/h");
    // Korean fans write the hour first: "시간당 21.2만", never "21.2만/시간".
    assert_eq!(Lang::Ko.per_hour(212_000.4), "시간당 21.2만");
    assert_eq!(Lang::Ko.per_hour(0.0), "시간당 0");
    assert_eq!(Lang::Ja.per_hour(212_000.4), "21.2万/時");
    assert_eq!(Lang::Ko.percent(41.6), "42%");
}

#[test]
fn countdown_units_per_language() {
    use crate::values::countdown::{CalendarSpan, Countdown};
    let span = CalendarSpan {
        years: 0,
        months: 4,
        days: 23,
        hours: 0,
        minutes: 0,
        seconds: 0,
    };
    assert_eq!(span.short_in(Lang::En.units(), 2), span.short(2));
    assert_eq!(span.short_in(Lang::Ko.units(), 2), "4개월 23일");
    assert_eq!(span.short_in(Lang::Ja.units(), 2), "4か月23日");
    assert_eq!(span.short_in(Lang::Es.units(), 2), "4 m 23 d");
    assert_eq!(span.short_in(Lang::Id.units(), 2), "4 bln 23 hr");
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).unwrap();
    let later = now + chrono::TimeDelta::seconds(46 * 86_400 + 3723);
    let ko = Countdown::new(now, later, chrono_tz::UTC).in_units(Lang::Ko.units());
    assert_eq!(ko.to_string(), "46일 01:02:03");
    let en = Countdown::new(now, later, chrono_tz::UTC).in_units(Lang::En.units());
    assert_eq!(en.to_string(), "46d 01:02:03");
}

#[test]
fn dates_per_language() {
    let at = Utc.with_ymd_and_hms(2026, 12, 24, 18, 0, 0).unwrap();
    assert_eq!(Lang::Ko.day_time(&at), "12월 24일 (목) 18:00");
    assert_eq!(Lang::Ja.day_time(&at), "12月24日(木) 18:00");
    assert_eq!(Lang::Es.day_time(&at), "jue 24 dic 18:00");
    assert_eq!(Lang::PtBr.day(&at), "qui 24 dez");
    assert_eq!(Lang::En.day(&at), "Thu 24 Dec");
    assert_eq!(
        Lang::En.day_year(&at),
        at.format("%a %-d %b %Y").to_string()
    );
    assert_eq!(Lang::Ko.day_year(&at), "2026년 12월 24일 (목)");
    assert_eq!(Lang::Ja.day_year(&at), "2026年12月24日(木)");
}

/// Reads a compact count back to the number it stands for (up to rounding).
fn read_back(lang: Lang, text: &str) -> f64 {
    let units: &[(&str, f64)] = match lang {
        Lang::Ko => &[("경", 1e16), ("조", 1e12), ("억", 1e8), ("만", 1e4)],
        Lang::Ja => &[("京", 1e16), ("兆", 1e12), ("億", 1e8), ("万", 1e4)],
        Lang::PtBr => &[
            (" tri", 1e12),
            (" bi", 1e9),
            (" mi", 1e6),
            (" mil", 1e3),
            (" E", 1e18),
            (" P", 1e15),
        ],
        Lang::Es => &[
            (" mil M", 1e9),
            (" M", 1e6),
            (" mil", 1e3),
            (" B", 1e12),
            (" E", 1e18),
            (" P", 1e15),
        ],
        Lang::Id => &[
            (" jt", 1e6),
            (" rb", 1e3),
            (" M", 1e9),
            (" T", 1e12),
            (" E", 1e18),
            (" P", 1e15),
        ],
        Lang::En => &[
            ("k", 1e3),
            ("M", 1e6),
            ("B", 1e9),
            ("T", 1e12),
            ("P", 1e15),
            ("E", 1e18),
        ],
    };
    let (body, scale) = units
        .iter()
        .find_map(|(s, f)| text.strip_suffix(s).map(|b| (b, *f)))
        .unwrap_or((text, 1.0));
    let group = if lang.decimal_mark() == ',' { '.' } else { ',' };
    let body: String = body.chars().filter(|c| *c != group).collect();
    body.replace(',', ".").parse::<f64>().unwrap() * scale
}

/// Counts typed as each language's fans write them.
#[test]
fn counts_as_fans_type_them() {
    let ok = |l: Lang, t: &str, n: u64| assert_eq!(l.parse_count(t), Ok(n), "{} {t}", l.code());
    ok(Lang::Ko, "270만", 2_700_000);
    ok(Lang::Ko, "2.7억", 270_000_000);
    ok(Lang::Ko, "2.7345만", 27_345);
    ok(Lang::Ja, "271万", 2_710_000);
    ok(Lang::En, "2,712,345", 2_712_345);
    ok(Lang::En, "2.7M", 2_700_000);
    ok(Lang::Es, "2,7 M", 2_700_000);
    ok(Lang::Es, "2,712 M", 2_712_000);
    ok(Lang::Es, "2,7 mil M", 2_700_000_000);
    ok(Lang::PtBr, "2,7 mi", 2_700_000);
    ok(Lang::PtBr, "2.712.345", 2_712_345);
    ok(Lang::Id, "1,234 jt", 1_234_000);
    ok(Lang::Id, "2,7 jt", 2_700_000);
    // The English point where the language writes a comma: it cannot be grouping.
    ok(Lang::Es, "2.7M", 2_700_000);
    // English units are read as English where the language has none of that letter.
    ok(Lang::PtBr, "950k", 950_000);
    let refused = |l: Lang, t: &str, key: &str| {
        let why = l.parse_count(t).expect_err(t);
        assert_eq!(why.key, Some(key), "{} {t}: {why}", l.code());
        assert!(why.to_string().contains(&format!("\"{t}\"")), "{why}");
    };
    // A unit that is one size in the language and another in English, either way written.
    refused(Lang::Id, "1,5 M", "problems-count-two-ways");
    refused(Lang::Id, "1.5M", "problems-count-two-ways");
    refused(Lang::Es, "1,5 B", "problems-count-two-ways");
    // 2,712 or 2.712 million, in a language that writes a decimal comma.
    refused(Lang::Es, "2.712M", "problems-count-two-ways");
    refused(Lang::PtBr, "1.500 mil", "problems-count-two-ways");
    // Each names both readings, as the language writes counts.
    let both = |l: Lang, t: &str, one: &str, other: &str| {
        let why = l.problem(&l.parse_count(t).expect_err(t));
        assert!(why.contains(one) && why.contains(other), "{t}: {why}");
    };
    both(Lang::Id, "1,5 M", "1.500.000.000", "1.500.000");
    both(Lang::Id, "1.5m", "1.500.000", "1.500.000.000");
    both(Lang::Es, "1,5 b", "1.500.000.000", "1.500.000.000.000");
    both(Lang::Es, "2.712M", "2.712.000", "2.712.000.000");
    both(Lang::PtBr, "1.500 mil", "1.500", "1.500.000");
    // Grouped by spaces before a unit, as some fans write.
    ok(Lang::Ko, "1 234만", 12_340_000);
    // Grouping is in threes: "2,7M" is not 27M where the point is the decimal mark.
    refused(Lang::En, "2,7M", "problems-count-not-a-count");
    refused(Lang::Ko, "2,7만", "problems-count-not-a-count");
    refused(Lang::Es, "2,712,345", "problems-count-not-whole");
    // Units are the language's own: Korean has no "mi".
    refused(Lang::Ko, "2.7 mi", "problems-count-not-a-count");
    refused(Lang::Ko, "abc만", "problems-count-not-a-count");
    refused(Lang::Ko, "2.73456만", "problems-count-fraction");
    refused(Lang::Ko, "9999999999경", "problems-count-too-big");
    assert!(Lang::Ko.parse_count("-3만").is_err());
    assert!(Lang::Ko.parse_count("").is_err());
}

proptest! {
    #[test]
    fn short_counts_read_back_close_short_and_in_order(a in any::<u64>(), b in any::<u64>()) {
        let (lo, hi) = (a.min(b), a.max(b));
        for l in Lang::ALL {
            let (s_lo, s_hi) = (l.short(lo), l.short(hi));
            prop_assert!(s_lo.chars().count() <= 9, "{} {s_lo}", l.code());
            let (r_lo, r_hi) = (read_back(l, &s_lo), read_back(l, &s_hi));
            prop_assert!(r_lo <= r_hi, "{}: {s_lo} > {s_hi}", l.code());
            // Three significant digits (or the full count): within 0.5% of the number.
            if lo >= 10_000 {
                prop_assert!((r_lo - lo as f64).abs() <= lo as f64 * 0.005 + 0.5, "{}: {lo} as {s_lo}", l.code());
            } else {
                prop_assert!((r_lo - lo as f64).abs() < 6.0, "{}: {lo} as {s_lo}", l.code());
            }
        }
    }

    /// What the dashboard shows a fan, typed back into the `u` prompt, is the count shown:
    /// exactly for the grouped count, within its three significant digits for the short one,
    /// or refused as two-way where the language's unit is also an English one of another size
    /// (Indonesian "1,5 M" for miliar); never another count. Counts of every magnitude.
    #[test]
    fn what_is_shown_types_back(x in any::<u64>(), digits in 1u32..=19) {
        let n = x % 10u64.pow(digits);
        for l in Lang::ALL {
            prop_assert_eq!(l.parse_count(&l.count(n)), Ok(n), "{}", l.code());
            let short = l.short(n);
            match l.parse_count(&short) {
                Ok(back) => {
                    let back = back as f64;
                    prop_assert!((back - n as f64).abs() <= n as f64 * 0.005 + 0.5, "{}: {n} as {short} is {back}", l.code());
                }
                Err(why) => prop_assert_eq!(why.key, Some("problems-count-two-ways"), "{}: {}", l.code(), short),
            }
        }
    }

    #[test]
    fn grouping_round_trips(n in any::<u64>()) {
        for l in Lang::ALL {
            let text = l.count(n);
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(digits.parse::<u64>().unwrap(), n);
        }
    }

    #[test]
    fn english_is_values_numbers_exactly(n in any::<u64>()) {
        prop_assert_eq!(Lang::En.short(n), crate::values::numbers::short(n));
        prop_assert_eq!(Lang::En.count(n), crate::values::numbers::thousands(n));
    }

    #[test]
    fn cjk_units_turn_at_exact_powers(k in 1u64..10) {
        prop_assert_eq!(Lang::Ko.short(10_000 * k), format!("{k}만"));
        prop_assert_eq!(Lang::Ko.short(100_000_000 * k), format!("{k}억"));
        prop_assert_eq!(Lang::Ja.short(10_000 * k), format!("{k}万"));
        prop_assert_eq!(Lang::Ja.short(100_000_000 * k), format!("{k}億"));
        prop_assert_eq!(Lang::Ko.short(10_000 * k - 1), if k == 1 { "9,999".to_string() } else { format!("{k}만") });
    }
}
