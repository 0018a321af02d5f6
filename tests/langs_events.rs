//! The Events and Next panels, the push and the terminal title in each language: their words
//! translated on screen (and the English gone), anniversaries counted the language's way.

use dropwatch::app::App;
use dropwatch::lang::Lang;
use dropwatch::testing::{app, half_hourly, in_lang, text};
use dropwatch::view::View;

/// With You's window open, counts every 30 minutes from its release: the push leads.
fn window_open(lang: Lang) -> App {
    let mut a = app("2022-04-24T19:00:00Z");
    a.readings = half_hourly(10);
    in_lang(a, lang)
}

/// Years after both releases: the Next panel counts to an anniversary, Events has details.
fn today(lang: Lang) -> App {
    in_lang(app("2026-12-07T00:30:00Z"), lang)
}

/// Words of the push (window open) and of today's panels, per language, and the English they
/// replace.
const SAYS: [(Lang, [&str; 4], [&str; 4]); 6] = [
    (
        Lang::En,
        [
            "Now · tracking window",
            "next release:",
            "Events",
            "left in the tracking window",
        ],
        ["Next ", "Details", "5th 24 Apr 2027", "next: 5th"],
    ),
    (
        Lang::Ko,
        ["지금 · 집계 기간", "다음 컴백:", "이벤트", "집계 마감까지"],
        ["다음 ", "상세", "5주년 2027년 4월 24일", "다음:"],
    ),
    (
        Lang::Ja,
        ["今 · 集計期間", "次のリリース:", "イベント", "集計終了まで"],
        ["次 ", "詳細", "5周年 2027年4月24日", "次:"],
    ),
    (
        Lang::Es,
        [
            "Ahora · periodo de conteo",
            "próximo lanzamiento:",
            "Eventos",
            "restantes del periodo",
        ],
        ["Próximo", "Detalles", "5.º 24 abr 2027", "próx.:"],
    ),
    (
        Lang::PtBr,
        [
            "Agora · período de contagem",
            "próximo lançamento:",
            "Eventos",
            "restantes no período",
        ],
        ["Próximo", "Detalhes", "5º 24 abr 2027", "próx.:"],
    ),
    (
        Lang::Id,
        [
            "Sekarang · periode hitung",
            "rilis berikutnya:",
            "Acara",
            "tersisa di periode hitung",
        ],
        ["Berikutnya", "Detail", "ke-5 24 Apr 2027", "berikut:"],
    ),
];

/// The screen without the Streams panel beside Events (another part of the screen, with
/// words of its own) and without the footer: the Next panel or push, and Events.
fn ours(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let body = &lines[..lines.len().saturating_sub(1)];
    body.iter()
        .map(
            |line| match line.find("┐┌").or(line.find("││")).or(line.find("┘└")) {
                Some(at) => &line[..at],
                None => line,
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_panels_speak_the_language_and_leave_no_english_behind() {
    let english = SAYS[0];
    for (lang, push, panels) in SAYS {
        let open = text(&window_open(lang), 120, 40);
        let now = text(&today(lang), 120, 40);
        for (screen, words) in [(&open, push), (&now, panels)] {
            for word in words {
                assert!(
                    screen.contains(word),
                    "{}: {word:?} missing:\n{screen}",
                    lang.code()
                );
            }
        }
        if lang == Lang::En {
            continue;
        }
        for (screen, words) in [(&open, english.1), (&now, english.2)] {
            for word in words {
                assert!(
                    !screen.contains(word),
                    "{}: {word:?} left:\n{screen}",
                    lang.code()
                );
            }
        }
        for screen in [ours(&open), ours(&now)] {
            for word in [
                "out ",
                "m ago",
                "h ago",
                "yours",
                "anniversary",
                "next goal",
                "to go",
                "now",
            ] {
                assert!(
                    !screen.contains(word),
                    "{}: {word:?} left:\n{screen}",
                    lang.code()
                );
            }
        }
    }
}

/// The title, written each second without Fluent, says the anniversary, the release's
/// countdown and the push in the language.
#[test]
fn the_terminal_title_follows_the_language() {
    let titles: Vec<String> = Lang::ALL
        .iter()
        .map(|&l| View::derive(&today(l)).title)
        .collect();
    assert_eq!(titles[0], "With You 5th anniversary in 4mo 17d");
    assert_eq!(titles[1], "With You 5주년까지 4개월 17일");
    assert_eq!(titles[2], "With You 5周年まで4か月17日");
    assert_eq!(titles[3], "With You 5.º aniversario en 4 m 17 d");
    assert_eq!(titles[4], "With You 5º aniversário em 4 m 17 d");
    assert_eq!(titles[5], "With You ultah ke-5 dalam 4 bln 17 hr");
    let push = View::derive(&window_open(Lang::Ko)).title;
    assert!(
        push.starts_with("With You: 5:00:00 남음, Global top 10까지 "),
        "{push}"
    );
    let release = View::derive(&in_lang(app("2022-04-24T13:00:00Z"), Lang::Ja)).title;
    assert_eq!(release, "With You あと1:00:00");
}

/// Korean and Japanese dates are twice as wide: the narrow list writes them short rather
/// than cut, and the timeline's "now" keeps its place in any language.
#[test]
fn wide_dates_fit_the_narrow_list() {
    let screen = text(&window_open(Lang::Ko), 80, 24);
    assert!(screen.contains("2022.4.24 (일) 16:00 CEST"), "{screen}");
    assert!(screen.contains("│ 지금 "), "{screen}");
    let screen = text(&window_open(Lang::Ja), 80, 24);
    assert!(screen.contains("2022/4/24(日) 16:00 CEST"), "{screen}");
}
