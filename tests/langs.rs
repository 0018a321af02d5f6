//! The six languages on screen and at the command line: snapshots of every language at 80x24
//! and 120x40 of today and of an open window (double-width text keeps its columns), the
//! no-cut property in every language, `--once` in each, the README's story in Korean,
//! `--lang` and `--list-langs`, the config's `lang`, and names read as NFC.

mod common;

use common::{dropwatch, fails, stdout};
use dropwatch::app::App;
use dropwatch::lang::Lang;
use dropwatch::readings::{Origin, Reading};
use dropwatch::testing::{app, half_hourly, in_lang, text, utc};
use proptest::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The README's story: With You's counts every 30 minutes from its release, in `lang`.
fn story(now: &str, lang: Lang) -> App {
    let mut a = app(now);
    a.readings = half_hourly(19);
    in_lang(a, lang)
}

fn today(lang: Lang) -> App {
    in_lang(app("2026-12-07T00:30:00Z"), lang)
}

/// With You four hours into its chart window, with the four hourly readings the render tests
/// use (300k at 15:00 UTC to 1.14M at 18:00), in `lang`.
fn open_window(lang: Lang) -> App {
    let r = |t: &str, count| Reading {
        time: utc(t),
        event: "with-you".into(),
        platform: "Spotify".into(),
        count,
        source: Origin::Log,
    };
    let mut a = app("2022-04-24T18:00:00Z");
    a.readings = [
        r("2022-04-24T15:00:00Z", 300_000),
        r("2022-04-24T16:00:00Z", 580_000),
        r("2022-04-24T17:00:00Z", 860_000),
        r("2022-04-24T18:00:00Z", 1_140_000),
    ]
    .into_iter()
    .collect();
    in_lang(a, lang)
}

/// A language's code as a snapshot name takes it: "pt_br".
fn slug(lang: Lang) -> String {
    lang.code().to_ascii_lowercase().replace('-', "_")
}

/// The matrix: each language, today and an open window, at 80x24 and 120x40. Named
/// `langs__<lang>_<scene>_<size>` so that one language's screens sit together for review.
#[test]
fn every_language_today_and_open_window_at_80x24_and_120x40() {
    for lang in Lang::ALL {
        for (scene, a) in [("today", today(lang)), ("open_window", open_window(lang))] {
            for (w, h) in [(80, 24), (120, 40)] {
                let name = format!("{}_{scene}_{w}x{h}", slug(lang));
                insta::assert_snapshot!(name, text(&a, w, h));
            }
        }
    }
}

/// The README's story in Korean: the window open at 19:00 UTC with half-hourly counts.
#[test]
fn korean_story_window_open_at_80x24_and_120x40() {
    let a = story("2022-04-24T19:00:00Z", Lang::Ko);
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("ko_window_open_{w}x{h}"), text(&a, w, h));
    }
}

/// Every line of every language fills exactly its width: a wide character counted as one
/// column would push the line past it, or leave it short.
#[test]
fn every_language_keeps_its_columns() {
    for lang in Lang::ALL {
        for a in [today(lang), story("2022-04-24T19:00:00Z", lang)] {
            for (w, h) in [(80u16, 24u16), (120, 40), (200, 60), (60, 15), (1, 1)] {
                let screen = text(&a, w, h);
                for line in screen.lines() {
                    assert!(
                        line.width() <= w as usize,
                        "{} {w}x{h}: {line:?} is {} wide",
                        lang.code(),
                        line.width()
                    );
                }
            }
        }
    }
}

#[test]
fn the_open_window_says_its_status_and_keys_in_the_language() {
    let says = [
        (Lang::En, ["on pace", "q quit"]),
        (Lang::Ko, ["순항", "q 종료"]),
        (Lang::Ja, ["順調", "q 終了"]),
        (Lang::Es, ["a ritmo", "q salir"]),
        (Lang::PtBr, ["no ritmo", "q sair"]),
        (Lang::Id, ["sesuai target", "q keluar"]),
    ];
    for (lang, words) in says {
        let screen = text(&story("2022-04-24T19:00:00Z", lang), 120, 40);
        for word in words {
            assert!(
                screen.contains(word),
                "{}: {word:?} missing:\n{screen}",
                lang.code()
            );
        }
    }
    // The header's date in the language's order.
    let screen = text(&today(Lang::Ko), 120, 40);
    assert!(screen.contains("2026년 12월 7일 (월)"), "{screen}");
}

#[test]
fn list_langs_marks_the_one_chosen_now() {
    let dir = tempfile::tempdir().unwrap();
    let out = dropwatch(dir.path())
        .args(["--list-langs"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("* ko     한국어"), "{text}");
    assert!(text.contains("  pt-BR  Português (Brasil)"), "{text}");
    assert_eq!(text.lines().count(), 6, "{text}");
    // --lang wins over the environment.
    let out = dropwatch(dir.path())
        .args(["--list-langs", "--lang", "pt_BR"])
        .env("LC_ALL", "ja_JP.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&out).contains("* pt-BR"), "{}", stdout(&out));
    fails(
        dropwatch(dir.path()).args(["--lang", "fr", "--list-langs"]),
        2,
        "write one of en, ko, ja, es, pt-BR, id",
    );
}

#[test]
fn the_config_names_a_language_or_is_told_the_codes() {
    let source = || dropwatch::config::Source::File("fan.toml".into());
    let ok = dropwatch::config::parse("lang = \"ja\"\n", source()).unwrap();
    assert_eq!(ok.lang, Some(Lang::Ja));
    let err = dropwatch::config::parse("title = \"x\"\nlang = \"fr\"\n", source())
        .unwrap_err()
        .to_string();
    assert!(err.contains("fan.toml:2:8"), "{err}");
    assert!(err.contains("en, ko, ja, es, pt-BR, id"), "{err}");
}

#[test]
fn names_are_read_as_nfc() {
    // "방탄" as macOS types it: decomposed jamo.
    let nfd = "\u{1107}\u{1161}\u{11BC}\u{1110}\u{1161}\u{11AB}";
    let toml = format!(
        "[[event]]\nid = \"bt\"\nname = \"{nfd}\"\nat = \"2026-12-24 18:00\"\nzone = \"Asia/Seoul\"\n\n[[streams]]\nevent = \"bt\"\nplatform = \"{nfd}\"\nwindow_end = \"2026-12-25 18:00\"\n[[streams.goal]]\nlabel = \"{nfd}\"\nstreams = 1000\n"
    );
    let config =
        dropwatch::config::parse(&toml, dropwatch::config::Source::File("fan.toml".into()))
            .unwrap();
    assert_eq!(config.events[0].name, "방탄");
    assert_eq!(config.events[0].name.chars().count(), 2);
    assert_eq!(config.streams[0].platform, "방탄");
}

/// Whether `text` shows on `screen` cut short without "…": a prefix of it that runs into a
/// border or the edge of the screen, at a word's start. Prefixes of 4 characters or more, or
/// of 1 for text that starts with a double-width character ("순항" cut to "순").
fn cut_unmarked(screen: &str, text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let wide = chars.first().is_some_and(|c| c.width() == Some(2));
    let shortest = if wide { 1 } else { 4 };
    for line in screen.lines() {
        for k in (shortest.min(chars.len())..chars.len()).rev() {
            let prefix: String = chars[..k].iter().collect();
            // A line that ends at a space is how wrapped prose looks ("então sem" and then
            // "resultado" below, where "sem dados" is a status too): not a cut.
            if prefix.ends_with(' ') {
                continue;
            }
            for (at, _) in line.match_indices(&prefix) {
                let before = line[..at].chars().next_back();
                if before.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let after = line[at + prefix.len()..].chars().next();
                if matches!(after, None | Some('│' | '┐' | '┘' | '┤')) {
                    return Some(format!("{text:?} cut to {prefix:?} in {line:?}"));
                }
            }
        }
    }
    None
}

/// The check above can fail: a status cut at a border is found, whole or marked ones are not.
#[test]
fn a_cut_status_is_found_in_any_script() {
    assert!(cut_unmarked("│ 42% 순│", "순항").is_some());
    assert!(cut_unmarked("│ 42% atras│", "atrasado").is_some());
    assert_eq!(cut_unmarked("│ 42% 순항 │", "순항"), None);
    assert_eq!(cut_unmarked("│ 42% atrasa…│", "atrasado"), None);
    // A status word inside prose that wraps at its space is whole; one cut inside a word is not.
    assert_eq!(
        cut_unmarked("│ da contagem, então sem │\n│ dados. Reveja │", "sem dados"),
        None
    );
    assert!(cut_unmarked("│ 42% sem da│", "sem dados").is_some());
}

/// What every screen must show whole or with "…", in `lang`: the statuses, the goal labels,
/// the footer's help and quit hints, the title.
fn whole_texts(a: &App, lang: Lang) -> Vec<String> {
    let mut texts: Vec<String> = [
        "status-on-pace",
        "status-behind",
        "status-reached",
        "status-missed",
        "status-no-data",
        "status-waiting",
        "help-hint-help",
        "help-hint-quit",
    ]
    .map(|k| lang.t(k).into_owned())
    .to_vec();
    for s in &a.config.streams {
        texts.extend(s.goals.iter().map(|g| g.label.clone()));
    }
    texts.push(a.config.title.clone());
    texts
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// render.rs's no-cut property in every language: at any width from 20 to 300, no status,
    /// goal label, key hint or title is cut without "…", and no line is wider than the screen.
    #[test]
    fn no_text_is_cut_without_an_ellipsis_in_any_language(
        w in 20u16..=300,
        h in 12u16..=70,
        pick in 0usize..3,
    ) {
        for lang in Lang::ALL {
            let a = match pick {
                0 => today(lang),
                1 => open_window(lang),
                _ => story("2022-04-24T19:00:00Z", lang),
            };
            let screen = text(&a, w, h);
            for text in whole_texts(&a, lang) {
                prop_assert_eq!(cut_unmarked(&screen, &text), None, "{}:\n{}", lang.code(), screen);
            }
            for line in screen.lines() {
                prop_assert!(line.width() <= w as usize, "{}: {:?}", lang.code(), line);
            }
        }
    }
}

/// `--once` prints the frame in the language `--lang` names: its status word for the goal on
/// pace is there, and (but in English) the English one is not.
#[test]
fn once_speaks_each_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dropwatch.toml"),
        dropwatch::config::DEFAULT_TOML,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dropwatch.readings.csv"),
        "2022-04-24T15:00:00Z,with-you,Spotify,300000,log\n\
         2022-04-24T16:00:00Z,with-you,Spotify,580000,log\n\
         2022-04-24T17:00:00Z,with-you,Spotify,860000,log\n\
         2022-04-24T18:00:00Z,with-you,Spotify,1140000,log\n",
    )
    .unwrap();
    for lang in Lang::ALL {
        let out = dropwatch(dir.path())
            .args([
                "--lang",
                lang.code(),
                "--once",
                "--width",
                "120",
                "--height",
                "40",
            ])
            .args(["--at", "2022-04-24T18:00:00Z"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
        let screen = stdout(&out);
        let word = lang.t("status-on-pace");
        assert!(
            screen.contains(&*word),
            "{}: {word:?} missing:\n{screen}",
            lang.code()
        );
        if lang != Lang::En {
            assert!(!screen.contains("on pace"), "{}:\n{screen}", lang.code());
        }
        for line in screen.lines() {
            assert!(line.width() <= 120, "{}: {line:?}", lang.code());
        }
    }
}
