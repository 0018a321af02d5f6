//! What the `u` prompt and the `a` form say is wrong with what the fan typed, in each
//! language: the language's words on screen (the English gone), the typed text and the ISO
//! times kept, and every line whole or ending in "…" at 80x24.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dropwatch::app::{App, Mode};
use dropwatch::lang::Lang;
use dropwatch::testing::{app, half_hourly, in_lang, text};

fn press(a: &mut App, code: KeyCode) {
    a.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        press(a, KeyCode::Char(c));
    }
}

/// With You's window open with ten counts, in `lang`, `input` typed in the `u` prompt and
/// Enter pressed.
fn prompt_says(lang: Lang, input: &str) -> App {
    let mut a = app("2022-04-24T19:00:00Z");
    a.readings = half_hourly(10);
    let mut a = in_lang(a, lang);
    press(&mut a, KeyCode::Char('u'));
    type_text(&mut a, input);
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Prompt(_)), "{:?}", a.mode);
    a
}

/// The `a` form in `lang`, filled with a name, `when` and `zone` (the local zone when
/// `None`), Enter pressed.
fn form_says(lang: Lang, when: &str, zone: Option<&str>) -> App {
    let mut a = in_lang(app("2026-12-01T00:00:00Z"), lang);
    press(&mut a, KeyCode::Char('a'));
    type_text(&mut a, "Drama");
    press(&mut a, KeyCode::Tab);
    type_text(&mut a, when);
    if let Some(zone) = zone {
        press(&mut a, KeyCode::Tab);
        for _ in 0..40 {
            press(&mut a, KeyCode::Backspace);
        }
        type_text(&mut a, zone);
    }
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Form(_)), "{:?}", a.mode);
    a
}

/// `screen` holds every one of `present` and none of `absent`.
fn shows(lang: Lang, screen: &str, present: &[&str], absent: &[&str]) {
    for word in present {
        assert!(
            screen.contains(word),
            "{}: {word:?} missing:\n{screen}",
            lang.code()
        );
    }
    for word in absent {
        assert!(
            !screen.contains(word),
            "{}: {word:?} shown:\n{screen}",
            lang.code()
        );
    }
}

#[test]
fn a_count_that_is_not_one_is_refused_in_every_language() {
    let says: [(Lang, [&str; 2]); 6] = [
        (Lang::En, ["\"abc\" is not a count", "a short form (2.7M)"]),
        (
            Lang::Ko,
            ["\"abc\"은(는) 수가 아니에요", "줄임 표기(270만, 2.7M)"],
        ),
        (
            Lang::Ja,
            ["\"abc\" は数ではありません", "短縮形(270万、2.7M)"],
        ),
        (
            Lang::Es,
            ["\"abc\" no es un número válido", "una forma corta (2,7 M)"],
        ),
        (
            Lang::PtBr,
            ["\"abc\" não é um número válido", "forma curta (2,7 mi)"],
        ),
        (Lang::Id, ["\"abc\" bukan angka", "bentuk singkat (2,7 jt)"]),
    ];
    for (lang, words) in says {
        let screen = text(&prompt_says(lang, "abc"), 120, 40);
        let english: &[&str] = if lang == Lang::En {
            &[]
        } else {
            &["is not a count", "short form", "type digits"]
        };
        shows(lang, &screen, &words, english);
    }
}

#[test]
fn a_negative_count_and_one_below_the_last_reading_in_korean_and_japanese() {
    let screen = text(&prompt_says(Lang::Ko, "-5"), 120, 40);
    shows(Lang::Ko, &screen, &["음수일"], &["negative"]);
    let screen = text(&prompt_says(Lang::Ja, "2.7.1M"), 120, 40);
    shows(
        Lang::Ja,
        &screen,
        &["\"2.7.1M\" は整数ではありません"],
        &["whole"],
    );
    // Lower than the last count (1,500,000 at 19:00 UTC): asked again, the neighbour's count in
    // the language's digits and its time in ISO form.
    let screen = text(&prompt_says(Lang::Ko, "1000"), 120, 40);
    shows(
        Lang::Ko,
        &screen,
        &[
            "그래도 기록하려면",
            "이전 기록보다 적어요",
            "2022-04-24T19:00:00Z",
            "1,500,000",
        ],
        &["lower than", "Enter again"],
    );
    let screen = text(&prompt_says(Lang::Ja, "1000"), 120, 40);
    shows(Lang::Ja, &screen, &["前の記録より少ない"], &["lower than"]);
}

#[test]
fn a_time_the_add_form_cannot_read_is_refused_in_korean_and_japanese() {
    let screen = text(&form_says(Lang::Ko, "soon", None), 120, 40);
    shows(
        Lang::Ko,
        &screen,
        &["\"soon\"은(는)", "공지처럼"],
        &["is not a time", "announcement"],
    );
    let screen = text(&form_says(Lang::Ja, "soon", None), 120, 40);
    shows(
        Lang::Ja,
        &screen,
        &["日時ではありません"],
        &["is not a time"],
    );
    let screen = text(&form_says(Lang::Ko, "13pm", None), 120, 40);
    shows(Lang::Ko, &screen, &["12시간제"], &["12-hour"]);
}

#[test]
fn a_zone_and_a_skipped_local_time_are_refused_in_korean_and_japanese() {
    let screen = text(&form_says(Lang::Ko, "12.05 18:00", Some("Seoul")), 120, 40);
    shows(
        Lang::Ko,
        &screen,
        &["알 수 없는 시간대 \"Seoul\"", "\"Asia/Seoul\"(으)로"],
        &["unknown time zone"],
    );
    let screen = text(&form_says(Lang::Ja, "12.05 18:00", Some("Seoul")), 120, 40);
    shows(Lang::Ja, &screen, &["不明なタイムゾーン"], &["unknown"]);
    // The clocks skip 02:30 in New York on 14 March 2027: the numbers as typed, the words not.
    let ny = Some("America/New_York");
    let screen = text(&form_says(Lang::Ko, "2027-03-14 02:30", ny), 120, 40);
    shows(
        Lang::Ko,
        &screen,
        &["서머타임", "2027-03-14 02:30", "2027-03-14 03:00"],
        &["does not exist", "daylight"],
    );
    let screen = text(&form_says(Lang::Ja, "2027-03-14 02:30", ny), 120, 40);
    shows(
        Lang::Ja,
        &screen,
        &["夏時間", "2027-03-14 03:00"],
        &["daylight"],
    );
}

/// The error an app shows in its prompt or form.
fn error_of(a: &App) -> String {
    match &a.mode {
        Mode::Prompt(p) => p.error.clone(),
        Mode::Form(f) => f.error.clone(),
        _ => None,
    }
    .expect("an error")
}

/// At 80x24 each error shows whole (its end on screen) in every language, and no line
/// is wider than the screen.
#[test]
fn the_errors_fit_80x24_in_every_language() {
    use unicode_width::UnicodeWidthStr;
    for lang in Lang::ALL {
        let apps = [
            prompt_says(lang, "abc"),
            prompt_says(lang, "1000"),
            form_says(lang, "soon", None),
            form_says(lang, "2027-03-14 02:30", Some("America/New_York")),
        ];
        for a in apps {
            let screen = text(&a, 80, 24);
            let error = error_of(&a);
            // Its last characters: a Korean or Japanese sentence wraps within its words.
            let tail: String = error.chars().rev().take(4).collect();
            let last: String = tail.chars().rev().collect();
            assert!(
                screen.contains(&last),
                "{}: {error:?} cut:\n{screen}",
                lang.code()
            );
            for line in screen.lines() {
                assert!(line.width() <= 80, "{}: {line:?}", lang.code());
            }
        }
    }
}

/// A count typed as the dashboard shows it in the fan's language is recorded as that count.
#[test]
fn a_count_typed_as_the_language_shows_it_is_recorded() {
    for (lang, typed, count) in [
        (Lang::Ko, "290만", 2_900_000),
        (Lang::Ja, "290万", 2_900_000),
        (Lang::Es, "2,9 M", 2_900_000),
        (Lang::PtBr, "2,9 mi", 2_900_000),
        (Lang::Id, "2,9 jt", 2_900_000),
        (Lang::Es, "2.900.000", 2_900_000),
    ] {
        let mut a = app("2022-04-24T19:00:00Z");
        a.readings = half_hourly(10);
        let mut a = in_lang(a, lang);
        press(&mut a, KeyCode::Char('u'));
        type_text(&mut a, typed);
        press(&mut a, KeyCode::Enter);
        assert!(matches!(a.mode, Mode::Normal), "{typed}: {:?}", a.mode);
        let appended = a.effects.iter().find_map(|e| match e {
            dropwatch::app::Effect::Append(r) => Some(r.count),
            _ => None,
        });
        assert_eq!(appended, Some(count), "{} {typed}", lang.code());
    }
}
