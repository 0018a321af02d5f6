//! The help overlay in each of the six languages: its own words, whole at 120x40 in two
//! columns, scrolled at 80x24 and 60x15 without a cut, every line inside the terminal.

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
