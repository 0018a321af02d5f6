//! The Streams panel, its chart, the rank block and the overview in each language: their
//! words are the language's (and not English's), and no line outgrows the terminal.

mod common;

use dropwatch::app::{App, Board, Mode};
use dropwatch::lang::Lang;
use dropwatch::testing::{app, app_with, half_hourly, in_lang, text};
use unicode_width::UnicodeWidthStr;

/// With You's counts every 30 minutes from its release: the window is open at 19:00 UTC.
fn open_window(lang: Lang) -> App {
    let mut a = app("2022-04-24T19:00:00Z");
    a.readings = half_hourly(19);
    in_lang(a, lang)
}

/// A closed window with no reading: the how-to, the goals' deadlines, the window and what
/// each goal takes.
fn closed_window(lang: Lang) -> App {
    in_lang(app("2026-12-07T00:30:00Z"), lang)
}

fn overview(lang: Lang) -> App {
    let mut a = open_window(lang);
    a.mode = Mode::Overview(Board::default());
    a
}

const RANKS: &str = "[[event]]\nid = \"proof\"\nname = \"Yet To Come\"\nat = \"2022-06-10 13:00\"\nzone = \"Asia/Seoul\"\n\n[[streams]]\nevent = \"proof\"\nplatform = \"Melon\"\nmeasure = \"rank\"\nupdates = \"1h\"\nupdates_at = \":00\"\nwindow_end = \"2022-06-17 13:00\"\n\n[[streams.goal]]\nrank = 1\n\n[[streams.goal]]\nrank = 1\nfor = \"3h\"\n\n[[streams]]\nevent = \"proof\"\nplatform = \"Genie\"\nmeasure = \"rank\"\nwindow_end = \"2022-06-17 13:00\"\n\n[[streams.goal]]\nrank = 1\n";

/// Melon at #1 for an hour, Genie fallen to #2: the rank block with a held goal, the next
/// update and the all-kill line.
fn ranks(lang: Lang) -> App {
    let config = dropwatch::config::parse(RANKS, dropwatch::config::Source::Embedded).unwrap();
    let lines = "2022-06-10T05:00:00Z,proof,Melon,4,log\n2022-06-10T05:30:00Z,proof,Melon,2,log\n2022-06-10T06:00:00Z,proof,Melon,1,log\n2022-06-10T06:30:00Z,proof,Genie,1,log\n2022-06-10T07:00:00Z,proof,Melon,1,log\n2022-06-10T07:30:00Z,proof,Genie,2,log\n";
    let readings = dropwatch::readings::parse(lines, "r.readings.csv");
    in_lang(app_with(config, readings, "2022-06-10T07:48:00Z"), lang)
}

/// For each language: words of each scene that must show at 120x40, and the English words
/// they replace, which must not.
fn words(lang: Lang) -> [(&'static str, [&'static str; 2]); 4] {
    match lang {
        Lang::En => [
            ("open", ["pace 300k/h over 3h", "window closes in 5h 00m"]),
            ("closed", ["The window", "What each goal takes"]),
            ("overview", ["next goal", "5h 00m left"]),
            ("ranks", ["next update in 12m", "#1 on 1 of 2 charts"]),
        ],
        Lang::Ko => [
            ("open", ["속도 시간당 30만", "집계 마감까지 5시간"]),
            ("closed", ["집계 기간", "목표별 필요 속도"]),
            ("overview", ["다음 목표", "5시간 남음"]),
            ("ranks", ["다음 갱신 12분 후", "차트 2개 중 1개 1위"]),
        ],
        Lang::Ja => [
            ("open", ["ペース 30万/時", "集計終了まで 5時間"]),
            ("closed", ["集計期間", "目標ごとの必要ペース"]),
            ("overview", ["次の目標", "残り 5時間"]),
            ("ranks", ["次の更新まで 12分", "2 チャート中 1 で1位"]),
        ],
        Lang::Es => [
            (
                "open",
                ["ritmo 300 mil/h en 3h", "el conteo cierra en 5h 00m"],
            ),
            ("closed", ["El periodo de conteo", "Lo que pide cada meta"]),
            ("overview", ["próxima meta", "quedan 5h 00m"]),
            (
                "ranks",
                ["próxima actualización en 12m", "#1 en 1 de 2 charts"],
            ),
        ],
        Lang::PtBr => [
            (
                "open",
                ["ritmo 300 mil/h em 3h", "contagem fecha em 5h 00m"],
            ),
            ("closed", ["A contagem", "O que cada meta pede"]),
            ("overview", ["próxima meta", "faltam 5h 00m"]),
            (
                "ranks",
                ["próxima atualização em 12m", "#1 em 1 de 2 paradas"],
            ),
        ],
        Lang::Id => [
            (
                "open",
                [
                    "laju 300 rb/jam selama 3j",
                    "periode hitung tutup dalam 5j 00m",
                ],
            ),
            ("closed", ["Periode hitung", "Kebutuhan tiap target"]),
            ("overview", ["target berikutnya", "sisa 5j 00m"]),
            (
                "ranks",
                ["update berikutnya 12m lagi", "#1 di 1 dari 2 chart"],
            ),
        ],
    }
}

fn scene(name: &str, lang: Lang) -> App {
    match name {
        "open" => open_window(lang),
        "closed" => closed_window(lang),
        "overview" => overview(lang),
        _ => ranks(lang),
    }
}

#[test]
fn each_language_speaks_its_own_words_in_the_streams_panels() {
    let english = words(Lang::En);
    for lang in Lang::ALL {
        for ((name, says), (_, english_says)) in words(lang).iter().zip(&english) {
            let screen = text(&scene(name, lang), 120, 40);
            for w in says {
                assert!(
                    screen.contains(w),
                    "{} {name}: no {w:?}\n{screen}",
                    lang.code()
                );
            }
            if lang != Lang::En {
                for w in english_says {
                    assert!(
                        !screen.contains(w),
                        "{} {name}: {w:?}\n{screen}",
                        lang.code()
                    );
                }
            }
        }
    }
}

/// A unit the fan wrote in the config stays as written; a default one is the language's.
#[test]
fn a_written_unit_stays_and_a_default_one_is_translated() {
    let mut a = open_window(Lang::Ko);
    let screen = text(&a, 120, 40);
    assert!(screen.contains("1,500,000 스트리밍 · 방금"), "{screen}");
    let spotify = a
        .config
        .streams
        .iter()
        .position(|s| s.platform == "Spotify" && s.event == "with-you")
        .unwrap();
    a.config.streams[spotify].unit = "회".into();
    let screen = text(&a, 120, 40);
    assert!(screen.contains("1,500,000 회 · 방금"), "{screen}");
    a.config.streams[spotify].unit = "views".into();
    let screen = text(&a, 120, 40);
    assert!(screen.contains("조회수 1,500,000 · 방금"), "{screen}");
}

/// Every line of every scene in every language fits its terminal, down to 1x1: a wide
/// character counted as one column would push a line past it.
#[test]
fn no_line_outgrows_the_terminal_in_any_language() {
    for lang in Lang::ALL {
        for name in ["open", "closed", "overview", "ranks"] {
            let a = scene(name, lang);
            for (w, h) in [
                (80u16, 24u16),
                (120, 40),
                (200, 60),
                (60, 15),
                (30, 10),
                (1, 1),
            ] {
                let screen = text(&a, w, h);
                for line in screen.lines() {
                    assert!(
                        line.width() <= w as usize,
                        "{} {name} {w}x{h}: {line:?} is {} wide",
                        lang.code(),
                        line.width()
                    );
                }
            }
        }
    }
}

/// Korean and Japanese keep the goals' gauges at 120x40, as English does: their status words
/// are narrower than English's, and the rate's "시간당" takes the room they leave.
#[test]
fn cjk_goal_rows_keep_their_gauges_at_120x40() {
    for lang in [Lang::En, Lang::Ko, Lang::Ja] {
        let screen = text(&open_window(lang), 120, 40);
        let row = |l: &&str| l.contains("24-hour goal") && l.contains('%');
        let rows = screen.lines().filter(row).count();
        let gauges = screen
            .lines()
            .filter(row)
            .filter(|l| l.contains('━'))
            .count();
        assert!(rows > 0 && gauges == rows, "{}:\n{screen}", lang.code());
    }
}
