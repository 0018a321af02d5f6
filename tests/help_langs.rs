//! The help overlay, the footer, the `u` prompt, the forms and the bell in each of the six
//! languages: their own words, the help whole at 120x40 in two columns and scrolled at 80x24
//! and 60x15 without a cut, every line inside the terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dropwatch::app::{App, Mode};
use dropwatch::lang::{Choice, Lang};
use dropwatch::testing::{app, text};
use unicode_width::UnicodeWidthStr;

/// The help open over today's dashboard, in `lang`.
fn help(lang: Lang) -> App {
    let mut a = app("2026-12-07T12:00:00Z");
    a.set_lang_choice(Choice {
        flag: Some(lang.code().to_string()),
        env: Vec::new(),
    });
    a.on_key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    assert_eq!(a.mode, Mode::Help);
    a
}

/// A heading and a colour of each language, and the English ones that must be gone.
const SAYS: [(Lang, [&str; 3]); 6] = [
    (Lang::En, ["Goal statuses", "magenta", "lines 1–"]),
    (Lang::Ko, ["목표 상태", "자주색", "줄 중 1–"]),
    (Lang::Ja, ["目標ステータス", "マゼンタ", "行中 1–"]),
    (Lang::Es, ["Estados de la meta", "amarillo", "líneas 1–"]),
    (Lang::PtBr, ["Status da meta", "vermelho", "linhas 1–"]),
    (Lang::Id, ["Status target", "abu-abu", "baris 1–"]),
];

#[test]
fn the_help_speaks_each_language_whole_at_120x40() {
    for (lang, [heading, colour, _]) in SAYS {
        let screen = text(&help(lang), 120, 40);
        assert!(screen.contains(heading), "{}:\n{screen}", lang.code());
        assert!(screen.contains(colour), "{}:\n{screen}", lang.code());
        // Two columns hold it all: no scroll row, nothing cut.
        assert!(!screen.contains("PgDn ·"), "{}:\n{screen}", lang.code());
        assert!(!screen.contains('…'), "{}:\n{screen}", lang.code());
        if lang != Lang::En {
            for english in ["Goal statuses", "Colours", "the count has reached"] {
                assert!(!screen.contains(english), "{}:\n{screen}", lang.code());
            }
        }
    }
}

#[test]
fn the_help_scrolls_in_each_language_without_a_cut() {
    for (lang, [heading, _, lines]) in SAYS {
        for (w, h) in [(80u16, 24u16), (60, 15)] {
            let mut a = help(lang);
            let first = text(&a, w, h);
            assert!(first.contains(lines), "{} {w}x{h}:\n{first}", lang.code());
            let mut seen = first;
            for _ in 0..60 {
                a.on_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
                seen.push_str(&text(&a, w, h));
            }
            assert!(seen.contains(heading), "{} {w}x{h}", lang.code());
            assert!(!seen.contains('…'), "{} {w}x{h}:\n{seen}", lang.code());
        }
    }
}

#[test]
fn every_help_line_fits_its_terminal_in_each_language() {
    for lang in Lang::ALL {
        for (w, h) in [
            (200u16, 60u16),
            (120, 40),
            (110, 30),
            (80, 24),
            (60, 15),
            (20, 5),
            (1, 1),
        ] {
            let screen = text(&help(lang), w, h);
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

/// Today's dashboard in `lang`, nothing open.
fn dashboard(lang: Lang) -> App {
    let mut a = app("2026-12-07T12:00:00Z");
    a.set_lang_choice(Choice {
        flag: Some(lang.code().to_string()),
        env: Vec::new(),
    });
    a
}

/// Types `keys` into the app, one key press each.
fn type_keys(a: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        a.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

#[test]
fn the_footer_prompt_and_form_speak_korean_and_japanese() {
    let cases = [
        (
            Lang::Ko,
            [
                "설정: 내장 기본값",
                "Enter 저장 · Esc 취소",
                "이벤트 추가",
                "이름",
            ],
        ),
        (
            Lang::Ja,
            [
                "設定: 内蔵の既定値",
                "Enter 保存 · Esc 取消",
                "イベントを追加",
                "名前",
            ],
        ),
    ];
    for (lang, [config, prompt, form, label]) in cases {
        let mut a = dashboard(lang);
        let screen = text(&a, 120, 40);
        assert!(screen.contains(config), "{}:\n{screen}", lang.code());
        assert!(!screen.contains("embedded default"), "{screen}");
        type_keys(&mut a, &[KeyCode::Char('u')]);
        let screen = text(&a, 120, 40);
        assert!(screen.contains(prompt), "{}:\n{screen}", lang.code());
        assert!(!screen.contains("count for"), "{screen}");
        type_keys(&mut a, &[KeyCode::Esc, KeyCode::Char('a')]);
        let screen = text(&a, 120, 40);
        assert!(screen.contains(form) && screen.contains(label), "{screen}");
        assert!(!screen.contains("Tab next"), "{screen}");
    }
}

/// The release's bell says "out now" in the language, the event's name in it.
#[test]
fn the_release_bell_speaks_the_language() {
    use dropwatch::app::Effect;
    let says = [
        (Lang::En, "With You is out now"),
        (Lang::Ko, "With You 공개!"),
        (Lang::Id, "With You SUDAH RILIS"),
    ];
    for (lang, bell) in says {
        let mut a = app("2022-04-24T12:59:59Z");
        a.set_lang_choice(Choice {
            flag: Some(lang.code().to_string()),
            env: Vec::new(),
        });
        a.tick(dropwatch::testing::utc("2022-04-24T14:00:01Z"));
        let bells: Vec<String> = a
            .effects
            .drain(..)
            .filter_map(|e| match e {
                Effect::Bell(text) => Some(text),
                _ => None,
            })
            .collect();
        assert!(
            bells.iter().any(|b| b == bell),
            "{}: {bells:?}",
            lang.code()
        );
    }
}

/// The forms and the prompt in every language and size: no line past the terminal's edge,
/// and at 80x24 nothing of theirs cut.
#[test]
fn forms_and_prompt_fit_in_each_language() {
    for lang in Lang::ALL {
        for keys in [
            &[KeyCode::Char('u')][..],
            &[KeyCode::Char('a')],
            &[KeyCode::Char('x')],
        ] {
            let mut a = dashboard(lang);
            type_keys(&mut a, keys);
            for (w, h) in [(120u16, 40u16), (80, 24), (60, 15), (30, 8), (1, 1)] {
                let screen = text(&a, w, h);
                for line in screen.lines() {
                    assert!(
                        line.width() <= w as usize,
                        "{} {w}x{h}: {line:?}",
                        lang.code()
                    );
                }
            }
        }
    }
}
