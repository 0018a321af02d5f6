//! The six languages on screen and at the command line: Korean snapshots of today and of an
//! open window (double-width text keeps its columns), every language at the README's sizes,
//! `--lang` and `--list-langs`, the config's `lang`, and names read as NFC.

mod common;

use chrono::TimeDelta;
use common::{dropwatch, fails, stdout};
use dropwatch::app::App;
use dropwatch::lang::{Choice, Lang};
use dropwatch::readings::{Origin, Reading};
use dropwatch::testing::{app, text, utc};
use unicode_width::UnicodeWidthStr;

/// The README's story: With You's counts every 30 minutes from its release, in `lang`.
fn story(now: &str, lang: Lang) -> App {
    let start = utc("2022-04-24T14:00:00Z");
    let mut a = app(now);
    a.readings = (1..=19i64)
        .map(|i| Reading {
            time: start + TimeDelta::minutes(30 * i),
            event: "with-you".into(),
            platform: "Spotify".into(),
            count: 150_000 * i as u64,
            source: Origin::Log,
        })
        .collect();
    in_lang(a, lang)
}

fn in_lang(mut a: App, lang: Lang) -> App {
    a.set_lang_choice(Choice {
        flag: Some(lang.code().to_string()),
        env: Vec::new(),
    });
    a
}

fn today(lang: Lang) -> App {
    in_lang(app("2026-12-07T00:30:00Z"), lang)
}

#[test]
fn korean_today_and_open_window_at_80x24_and_120x40() {
    for (name, a) in [
        ("today", today(Lang::Ko)),
        ("window_open", story("2022-04-24T19:00:00Z", Lang::Ko)),
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("ko_{name}_{w}x{h}"), text(&a, w, h));
        }
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
