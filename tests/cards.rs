//! Share cards, as `dropwatch card` writes them: the SVG is well-formed XML that holds the
//! figures the view has, is self-contained and stable for a replayed moment (snapshot); the
//! PNG has the size asked and is not blank; Hangul renders where a Korean font is installed;
//! a card saved by itself never overwrites, follows a symlink or leaves its folder.

mod common;

use std::path::Path;

use common::{dropwatch, fails, stdout};
use resvg::tiny_skia::Pixmap;

/// The default config with tags, a cards folder and four hourly readings of With You.
fn setup(dir: &Path, by: &str) {
    let config = dropwatch::config::DEFAULT_TOML
        .replacen(
            "bell = true",
            "bell = true\ntags = [\"#WithYou\", \"#Jimin\"]\ncards_dir = \"cards\"",
            1,
        )
        .replacen(
            "by = \"Jimin & Ha Sung Woon\"",
            &format!("by = \"{by}\""),
            1,
        );
    std::fs::write(dir.join("dropwatch.toml"), config).unwrap();
    std::fs::write(
        dir.join("dropwatch.readings.csv"),
        "2022-04-24T15:00:00Z,with-you,Spotify,620000,log\n\
         2022-04-24T16:00:00Z,with-you,Spotify,1240000,log\n\
         2022-04-24T17:00:00Z,with-you,Spotify,1800000,log\n\
         2022-04-24T18:00:00Z,with-you,Spotify,2880000,log\n",
    )
    .unwrap();
}

const AT: &str = "2022-04-24T19:01:00Z";

fn card(dir: &Path, args: &[&str]) -> String {
    let out = dropwatch(dir)
        .args(["card", "--at", AT])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    stdout(&out)
}

#[test]
fn the_svg_is_xml_that_holds_the_views_figures_and_stays_put() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), "Jimin & Ha Sung Woon");
    card(dir.path(), &["--out", "card.svg"]);
    let svg = std::fs::read_to_string(dir.path().join("card.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    // The view at 19:01: 2,880,000 read at 18:00; 1.08M/h over the last three hours; the top
    // 10 (2.7M) reached, the top 5 (3.2M) at 90% and the card's focus; 4h 59m left.
    for want in [
        "With You",
        "2,880,000 streams",
        "on Spotify",
        "4h 59m left in the window",
        "Global top 10",
        "2.88M of 2.7M · 107% · reached",
        "2.88M of 3.2M · 90% · on pace",
        "release Sun 24 Apr 2022 23:00 KST",
        "#WithYou #Jimin",
        "dropwatch",
    ] {
        assert!(texts.contains(&want), "{want:?} not in {texts:#?}");
    }
    assert!(
        texts.iter().any(|t| t.starts_with("pace 1.08M/h")),
        "{texts:#?}"
    );
    // Self-contained: nothing it would fetch.
    assert!(!svg.contains("href") && !svg.contains("<script") && !svg.contains("url("));
    insta::assert_snapshot!("with_you_card_svg", svg);
}

/// Pixels of `png` in the rectangle that differ from its top-left background pixel.
fn inked(png: &Pixmap, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> usize {
    let bg = png.pixel(20, 20).unwrap();
    let mut n = 0;
    for y in y0..y1.min(png.height()) {
        for x in x0..x1.min(png.width()) {
            if png.pixel(x, y).unwrap() != bg {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn the_png_has_the_size_asked_and_bars_on_a_background() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), "Jimin & Ha Sung Woon");
    for (size, w, h) in [("1200x675", 1200, 675), ("1080x1080", 1080, 1080)] {
        let name = format!("card-{size}.png");
        card(dir.path(), &["--out", &name, "--size", size]);
        let png = Pixmap::load_png(dir.path().join(&name)).expect("a PNG");
        assert_eq!((png.width(), png.height()), (w, h));
        // The first goal's bar is full (107%): a row through it is the status colour over
        // most of the width, unlike the background.
        let bg = png.pixel(20, 20).unwrap();
        let rows_with_bar = (0..h)
            .filter(|&y| {
                (0..w).filter(|&x| png.pixel(x, y).unwrap() != bg).count() > (w as usize) * 3 / 4
            })
            .count();
        assert!(rows_with_bar >= 10, "{size}: {rows_with_bar} rows of bar");
    }
}

/// Whether fontconfig has a font for `lang` ("ko", "ja").
fn have_font(lang: &str) -> bool {
    std::process::Command::new("fc-list")
        .arg(format!(":lang={lang}"))
        .output()
        .is_ok_and(|o| !o.stdout.is_empty())
}

#[test]
fn hangul_renders_where_a_korean_font_is_installed() {
    if !have_font("ko") {
        eprintln!("skipped: no Korean font (fc-list :lang=ko); .ci/run installs one");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let by_line = |by: &str| {
        setup(dir.path(), by);
        card(dir.path(), &["--out", "by.png"]);
        let png = Pixmap::load_png(dir.path().join("by.png")).unwrap();
        // The line under the title: "by · note".
        inked(&png, (60, 145, 300, 180))
    };
    let hangul = by_line("지민 하성운 지민 하성운");
    // Ideographic spaces: the same line with nothing to draw before the note.
    let blank = by_line("\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}");
    eprintln!("Hangul {hangul} pixels, blanks {blank}");
    assert!(
        hangul > blank + 500,
        "Hangul drew {hangul} pixels against {blank} for blanks"
    );
}

/// A card in Korean: its words, numbers and date; no English word of the card's own is left.
#[test]
fn a_korean_card_speaks_korean() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), "Jimin & Ha Sung Woon");
    card(dir.path(), &["--lang", "ko", "--out", "ko.svg"]);
    let svg = std::fs::read_to_string(dir.path().join("ko.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for want in [
        "Spotify 기준",
        "집계 기간 4시간 59분 남음",
        "288만 / 320만 · 90% · 순항",
        "공개 2022년 4월 24일 (일) 23:00 KST",
    ] {
        assert!(texts.contains(&want), "{want:?} not in {texts:#?}");
    }
    for english in ["left in the window", "on Spotify", "release 2022", " of "] {
        assert!(
            !texts.iter().any(|t| t.contains(english)),
            "{english:?} in {texts:#?}"
        );
    }
    assert!(svg.contains("font-family=\"'Noto Sans CJK KR'"), "{svg}");
    // The line to paste, in Korean and in Spanish.
    assert_eq!(
        card(dir.path(), &["--lang", "ko", "--text"]),
        "With You · Global top 5 288만 / 320만 · 90% · 4시간 59분 남음 · 시간당 6.42만 필요 #WithYou #Jimin\n"
    );
    assert_eq!(
        card(dir.path(), &["--lang", "es", "--text", "--event", "proof"]),
        "Proof · sale en 46 d 08:59:00 #WithYou #Jimin\n"
    );
}

/// A Japanese card draws its kana and kanji: the window line ("集計期間 残り4時間59分") inks
/// far more than the same card's empty band below the title.
#[test]
fn japanese_renders_where_a_cjk_font_is_installed() {
    if !have_font("ja") {
        eprintln!("skipped: no Japanese font (fc-list :lang=ja)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let by_line = |by: &str| {
        setup(dir.path(), by);
        card(dir.path(), &["--lang", "ja", "--out", "ja.png"]);
        let png = Pixmap::load_png(dir.path().join("ja.png")).unwrap();
        (
            inked(&png, (60, 145, 300, 180)),
            inked(&png, (60, 190, 420, 235)),
        )
    };
    let (kana, window) = by_line("ジミン ハソンウン 公開");
    let (blank, _) = by_line("\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}");
    eprintln!("kana {kana} pixels, blanks {blank}, window line {window}");
    assert!(
        kana > blank + 500,
        "kana drew {kana} pixels against {blank} for blanks"
    );
    assert!(window > 1500, "the window line drew {window} pixels");
}

#[test]
fn the_line_to_paste() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), "Jimin & Ha Sung Woon");
    // 320k to go for the top 5 in 4h 59m: 64.2k/h.
    assert_eq!(
        card(dir.path(), &["--text"]),
        "With You · 2.88M of 3.2M Global top 5 · 90% · 4h59m left · needs 64.2k/h #WithYou #Jimin\n"
    );
    assert_eq!(
        card(dir.path(), &["--text", "--event", "proof"]),
        "Proof · out in 46d 08:59:00 #WithYou #Jimin\n"
    );
}

#[test]
fn a_saved_card_is_a_new_file_in_its_folder_and_never_follows_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), "Jimin & Ha Sung Woon");
    let cards = dir.path().join("cards");
    std::fs::create_dir(&cards).unwrap();
    let name = "with-you-spotify-20220424-190100.png";
    std::fs::write(cards.join(name), "a person wrote this").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("victim"),
        cards.join("with-you-spotify-20220424-190100-2.png"),
    )
    .unwrap();
    let printed = card(dir.path(), &[]);
    assert!(printed.trim_end().ends_with("-3.png"), "{printed}");
    assert_eq!(
        std::fs::read_to_string(cards.join(name)).unwrap(),
        "a person wrote this"
    );
    assert!(!dir.path().join("victim").exists());
    assert!(
        Pixmap::load_png(printed.trim_end()).is_ok()
            || Pixmap::load_png(dir.path().join(printed.trim_end())).is_ok()
    );
}

#[test]
fn mistakes_say_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), "Jimin & Ha Sung Woon");
    fails(
        dropwatch(dir.path()).args(["card", "--out", "card.gif"]),
        2,
        "names neither an .svg nor a .png file",
    );
    fails(
        dropwatch(dir.path()).args(["card", "--out", "c.png", "--size", "99999x2"]),
        2,
        "--size 1200x675",
    );
    fails(
        dropwatch(dir.path()).args(["card", "--event", "nope", "--text"]),
        2,
        "write one of the event ids: \"with-you\", \"proof\"",
    );
    fails(
        dropwatch(dir.path()).args(["card", "--stream", "melon", "--text"]),
        2,
        "write a stream's id or platform: \"Spotify\"",
    );
}

/// An event with two rank streams: Melon #1 since 15:00 KST (both its goals held an hour),
/// Genie back at #2 after a #1. The card shows each rank stream's rank and goals and the
/// all-kill line, in the SVG and in the line to paste; the PNGs have the sizes asked.
#[test]
fn a_card_shows_the_ranks_and_the_all_kill() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let config = "[[event]]\nid = \"proof\"\nname = \"Yet To Come\"\nat = \"2022-06-10 13:00\"\nzone = \"Asia/Seoul\"\n\n\
        [[streams]]\nevent = \"proof\"\nplatform = \"Melon\"\nmeasure = \"rank\"\nupdates = \"1h\"\nwindow_end = \"2022-06-17 13:00\"\n\
        [[streams.goal]]\nrank = 1\n[[streams.goal]]\nrank = 1\nfor = \"3h\"\n\n\
        [[streams]]\nevent = \"proof\"\nplatform = \"Genie\"\nmeasure = \"rank\"\nwindow_end = \"2022-06-17 13:00\"\n\
        [[streams.goal]]\nrank = 1\n";
    std::fs::write(d.join("dropwatch.toml"), config).unwrap();
    std::fs::write(
        d.join("dropwatch.readings.csv"),
        "2022-06-10T05:00:00Z,proof,Melon,4,log\n\
         2022-06-10T06:00:00Z,proof,Melon,1,log\n\
         2022-06-10T06:30:00Z,proof,Genie,1,log\n\
         2022-06-10T07:00:00Z,proof,Melon,1,log\n\
         2022-06-10T07:30:00Z,proof,Genie,2,log\n",
    )
    .unwrap();
    let at = ["card", "--at", "2022-06-10T07:48:00Z"];
    let run = |args: &[&str]| {
        let out = dropwatch(d).args(at).args(args).output().unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        run(&["--text"]).trim(),
        "Yet To Come · #1 on Melon (#1 held 1h 0m · #1 for 3h held 1h 0m) · #2 on Genie (#1 lost) · #1 on 1 of 2 charts · all-kill 18m ago"
    );
    // In Korean: the ranks, their states, the goal's made label ("#1 for 3h") and the all-kill
    // in the fans' words, as the rank block writes them.
    assert_eq!(
        run(&["--lang", "ko", "--text"]).trim(),
        "Yet To Come · Melon 1위 (#1 1시간 유지 · #1 3시간 연속 1시간 유지) · Genie 2위 (#1 하락) · 차트 2개 중 1개 1위 · 올킬 18분 전"
    );
    for (name, size) in [("wide.png", "1200x675"), ("square.png", "1080x1080")] {
        run(&["--out", name, "--size", size]);
        let png = Pixmap::load_png(d.join(name)).expect("a PNG");
        let (w, h) = size.split_once('x').unwrap();
        assert_eq!(
            (png.width().to_string(), png.height().to_string()),
            (w.into(), h.into())
        );
    }
    run(&["--out", "card.svg"]);
    let svg = std::fs::read_to_string(d.join("card.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for want in [
        "Yet To Come",
        "#1 on Melon",
        "#1 held 1h 0m · #1 for 3h held 1h 0m",
        "#2 on Genie",
        "#1 lost",
        "#1 on 1 of 2 charts · all-kill 18m ago",
    ] {
        assert!(texts.contains(&want), "{want:?} not in {texts:#?}");
    }
}
