//! What the runtime tells the person, in the fan's language: the end of a replay, who polls
//! and who runs the hooks, and why a lock file cannot be used. The paths, the holder's pid and
//! the OS's own error text stay as they are.

use chrono::SecondsFormat;

use super::polling::{Role, Unusable, Why};
use crate::files::Kind;
use crate::lang::{Arg, Lang};
use crate::values::clock::END;

/// Which lock a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Of {
    /// `<stem>.poll.lock`: who polls the sources.
    Poll,
    /// `<stem>.hooks.lock`: who runs the hooks.
    Hooks,
}

/// "the replay reached the end of 9999 (9999-12-31T23:59:59Z) and stops there".
pub(crate) fn replay_end(lang: Lang) -> String {
    let end = END.to_rfc3339_opts(SecondsFormat::Secs, true);
    lang.t_with("messages-replay-end", &[("end", Arg::from(end))])
        .into_owned()
}

/// The holder a lock file names, in `lang`: "the dashboard (pid 42)" is the dashboard's word
/// for itself; `bar` and `record` are command names, and anything else is shown as written.
pub(crate) fn holder(lang: Lang, text: &str) -> String {
    if text == "another dropwatch" {
        return lang.t("messages-holder-other").into_owned();
    }
    let pid = text
        .strip_prefix("the dashboard (pid ")
        .and_then(|rest| rest.strip_suffix(')'))
        .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
    match pid {
        Some(pid) => lang
            .t_with("messages-holder-dashboard", &[("pid", Arg::from(pid))])
            .into_owned(),
        None => text.to_string(),
    }
}

/// A notice about the holder `holder` of a lock: `key` is one of the `messages-hooks-*` or
/// `messages-polling-busy` keys, `config` the config's name where the key takes it.
pub(crate) fn about_holder(lang: Lang, key: &str, holder_text: &str, config: &str) -> String {
    let args = [
        ("holder", Arg::from(holder(lang, holder_text))),
        ("config", Arg::from(config)),
    ];
    lang.t_with(key, &args).into_owned()
}

/// Who polls `config`'s sources, when that changed: "polling the sources of fan.toml", or who
/// else does; nothing when there is nothing to poll.
pub(crate) fn polling(lang: Lang, role: &Role, config: &str) -> Option<String> {
    match role {
        Role::Polling => Some(
            lang.t_with("messages-polling", &[("config", Arg::from(config))])
                .into_owned(),
        ),
        Role::Watching(who) => Some(about_holder(lang, "messages-polling-busy", who, config)),
        Role::Idle => None,
    }
}

impl Unusable {
    /// The message: the file, why it cannot be used, that this process goes on without it
    /// (polling or running the hooks) and what to do.
    pub(crate) fn say(&self, lang: Lang, of: Of) -> String {
        let key = match of {
            Of::Poll => "messages-lock-poll-unusable",
            Of::Hooks => "messages-lock-hooks-unusable",
        };
        let args = [
            ("path", Arg::from(self.path.display().to_string())),
            ("why", Arg::from(why(&self.why, lang))),
            ("fix", Arg::from(lang.t(fix(&self.why)).into_owned())),
        ];
        lang.t_with(key, &args).into_owned()
    }
}

/// Why a lock file cannot be used, in `lang`.
fn why(why: &Why, lang: Lang) -> String {
    match why {
        Why::Kind(kind) => lang.t(kind_key(*kind)).into_owned(),
        Why::HardLink => lang.t("messages-lock-hard-link").into_owned(),
        Why::Symlink(target) => lang
            .t_with(
                "messages-lock-symlink",
                &[("target", Arg::from(target.as_str()))],
            )
            .into_owned(),
        Why::Denied { error, owner } => {
            let owner = match owner {
                Some(uid) => format!("uid {uid}"),
                None => lang.t("messages-lock-another-user").into_owned(),
            };
            let args = [
                ("error", Arg::from(error.as_str())),
                ("owner", Arg::from(owner)),
            ];
            lang.t_with("messages-lock-denied", &args).into_owned()
        }
        Why::Other(error) => error.clone(),
    }
}

/// The key of "it is a directory" and the like.
fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Directory => "messages-lock-is-directory",
        Kind::Fifo => "messages-lock-is-fifo",
        Kind::CharDevice => "messages-lock-is-char-device",
        Kind::BlockDevice => "messages-lock-is-block-device",
        Kind::Socket => "messages-lock-is-socket",
        Kind::Other => "messages-lock-is-not-file",
    }
}

/// What to do about it: the key of the fix.
fn fix(why: &Why) -> &'static str {
    match why {
        Why::Kind(_) => "messages-lock-fix-move",
        Why::HardLink => "messages-lock-fix-hard-link",
        Why::Symlink(_) => "messages-lock-fix-link",
        Why::Denied { .. } => "messages-lock-fix-owner",
        Why::Other(_) => "messages-lock-fix-dir",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn unusable(why: Why) -> Unusable {
        Unusable {
            path: PathBuf::from("fan.poll.lock"),
            why,
        }
    }

    #[test]
    fn english_reads_as_it_always_did() {
        assert_eq!(
            replay_end(Lang::En),
            "the replay reached the end of 9999 (9999-12-31T23:59:59Z) and stops there"
        );
        let said = polling(Lang::En, &Role::Polling, "fan.toml");
        assert_eq!(said.as_deref(), Some("polling the sources of fan.toml"));
        let busy = about_holder(Lang::En, "messages-hooks-busy", "record (pid 7)", "");
        assert_eq!(
            busy,
            "record (pid 7) runs the hooks; taking over when it stops"
        );
        let dir = unusable(Why::Kind(Kind::Directory)).say(Lang::En, Of::Poll);
        assert_eq!(
            dir,
            "cannot use the lock file fan.poll.lock: it is a directory; polling without it \
             meanwhile (another dropwatch on this config may poll too); move it out of the \
             way; dropwatch then creates the file itself"
        );
        let denied = Why::Denied {
            error: "Permission denied (os error 13)".into(),
            owner: None,
        };
        assert!(
            unusable(denied)
                .say(Lang::En, Of::Hooks)
                .contains("Permission denied (os error 13): it belongs to another user; running the hooks without it")
        );
    }

    #[test]
    fn the_notices_are_in_the_fans_language() {
        assert_eq!(
            replay_end(Lang::Ko),
            "재현 시각이 9999년 끝(9999-12-31T23:59:59Z)에 닿아 여기서 멈춰요"
        );
        assert_eq!(
            about_holder(
                Lang::Ko,
                "messages-hooks-busy",
                "the dashboard (pid 42)",
                ""
            ),
            "대시보드 (pid 42)에서 훅 실행 중: 끝나면 이어받아요"
        );
        assert_eq!(
            about_holder(Lang::Ja, "messages-hooks-taken", "another dropwatch", ""),
            "ここでフックを実行します（別の dropwatch から引き継ぎ）"
        );
        let watching = Role::Watching("bar (pid 9)".into());
        assert_eq!(
            polling(Lang::Ko, &watching, "fan.toml").as_deref(),
            Some("bar (pid 9)에서 fan.toml 조회 중: 끝나면 이어받아요")
        );
        assert_eq!(polling(Lang::Ko, &Role::Idle, "fan.toml"), None);
        // A command's name and a holder written by hand stay as written.
        assert_eq!(holder(Lang::Ko, "record (pid 7)"), "record (pid 7)");
        assert_eq!(
            holder(Lang::Ko, "the dashboard (pid x)"),
            "the dashboard (pid x)"
        );
        let link = unusable(Why::Symlink("victim.txt".into())).say(Lang::Ko, Of::Poll);
        assert_eq!(
            link,
            "잠금 파일 fan.poll.lock 사용 불가: 심볼릭 링크(victim.txt 가리킴)인데, 잠금 파일은 \
             링크를 따라가지 않아요. 그동안 잠금 없이 조회해요(이 설정의 다른 dropwatch도 조회할 \
             수 있음). 링크를 지우면 dropwatch가 파일을 새로 만들어요"
        );
        let fifo = unusable(Why::Kind(Kind::Fifo)).say(Lang::Es, Of::Hooks);
        assert!(
            fifo.contains("es un FIFO (tubería con nombre); mientras tanto ejecuto los hooks"),
            "{fifo}"
        );
    }

    #[test]
    fn every_kind_a_file_can_be_has_its_words() {
        for (kind, key) in [
            (Kind::Directory, "messages-lock-is-directory"),
            (Kind::Fifo, "messages-lock-is-fifo"),
            (Kind::CharDevice, "messages-lock-is-char-device"),
            (Kind::BlockDevice, "messages-lock-is-block-device"),
            (Kind::Socket, "messages-lock-is-socket"),
            (Kind::Other, "messages-lock-is-not-file"),
        ] {
            assert_eq!(kind_key(kind), key);
            // English says what `files::kind_of` says, as it did.
            assert_eq!(Lang::En.t(key), format!("it is {kind}"));
            // The config edit's refusal words the kind in each language, not in English.
            let args = [
                ("path", Arg::from("c.toml")),
                ("kind", Arg::from(kind.token())),
            ];
            let en = Lang::En.t_with("problems-edit-not-a-file", &args);
            assert_eq!(en, format!("c.toml is {kind}, not a file"));
            for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
                let said = lang.t_with("problems-edit-not-a-file", &args);
                assert!(!said.contains(kind.english()), "{}: {said}", lang.code());
            }
        }
        let dir = std::env::temp_dir();
        assert_eq!(
            kind_key(crate::files::kind_of(&dir).unwrap()),
            "messages-lock-is-directory"
        );
    }
}
