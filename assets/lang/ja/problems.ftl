# problems: 入力した値の問題と直し方、設定の編集が断られた理由。日時は ISO のまま。
problems-joined = { $message }。{ $hint }

problems-count-write = 数字(2712345、2,712,345)か短縮形(270万、2.7M)で入力してください
problems-count-empty = 数がありません
problems-count-empty-hint = 2,712,345 や 270万 のように入力してください
problems-count-negative = 数はマイナスにできません
problems-count-negative-hint = { problems-count-write }
problems-count-not-a-count = { $text } は数ではありません
problems-count-not-a-count-hint = { problems-count-write }
problems-count-not-whole = { $text } は整数ではありません
problems-count-not-whole-hint = { problems-count-write }
problems-count-fraction = { $text } は再生数として端数が出ます
problems-count-fraction-hint = { problems-count-write }
problems-count-too-big = { $text } は最大値({ $max })を超えています
problems-count-too-big-hint = 桁数を確認してください
problems-count-two-ways = { $text } は二通りに読めます
problems-count-two-ways-hint = 全桁で入力してください({ $one } または { $other })

problems-when-not-a-time = { $text } は日時ではありません
problems-when-not-a-time-hint = 告知の書き方("12.05 6PM KST"、"Dec 5 18:00"、"2026-12-05 18:00"、"6:30 pm")、RFC 3339、または相対時間("+2h")で入力してください
problems-when-twice = { $text } に日付・時刻・タイムゾーンが二つあります
problems-when-twice-hint = 一つずつ入力してください(例: "12.05 6PM KST")
problems-when-zone-unclear = タイムゾーン { $text } は複数の時差を指すことがあります
problems-when-zone-unclear-hint = KST、JST、UTC または IANA 名("America/New_York")で入力してください
problems-when-not-a-time-of-day = { $text } は時刻ではありません
problems-when-not-a-time-of-day-hint = 18:00、6PM、6:30 pm のように入力してください
problems-when-not-12-hour = { $text } は12時間制の時刻ではありません
problems-when-not-12-hour-hint = 6PM、6:30 pm(1〜12時)または 18:00 で入力してください
problems-when-not-a-date = { $month }月{ $day }日という日付はありません
problems-when-not-a-date-hint = 告知と同じく月を先に: 12.05 は12月5日

problems-time-skipped = { $local } は { $zone } に存在しません: 夏時間で時計が飛びます
problems-time-skipped-hint = { $after } と書くか、オフセットを明記してください(RFC 3339)
problems-time-skipped-offset = { $local } は { $zone } に存在しません: 時差が UTC{ $from } から UTC{ $to } に変わり時計が飛びます
problems-time-skipped-offset-hint = { problems-time-skipped-hint }
problems-time-twice = { $local } は { $zone } で2回あります(夏時間の終了): { $first } または { $second }
problems-time-twice-hint = どちらかをオフセット付きで書いてください
problems-time-twice-offset = { $local } は { $zone } で2回あります(時差が UTC{ $from } から UTC{ $to } に変更): { $first } または { $second }
problems-time-twice-offset-hint = { problems-time-twice-hint }
problems-time-out-of-range = { $text } は範囲外です
problems-time-out-of-range-hint = { $from }年から{ $to }年までの日時を入力してください

problems-zone-unknown = 不明なタイムゾーン { $text }
problems-zone-unknown-hint = "Asia/Seoul"、"America/New_York"、"UTC" などの IANA 名で入力してください
problems-zone-unknown-1 = { problems-zone-unknown }
problems-zone-unknown-1-hint = "{ $zone1 }" と入力してください
problems-zone-unknown-2 = { problems-zone-unknown }
problems-zone-unknown-2-hint = "{ $zone1 }" または "{ $zone2 }" と入力してください
problems-zone-unknown-3 = { problems-zone-unknown }
problems-zone-unknown-3-hint = "{ $zone1 }"、"{ $zone2 }" または "{ $zone3 }" と入力してください

problems-duration-not-a-duration = { $text } は期間ではありません({ $why })
problems-duration-not-a-duration-hint = "90m"、"24h"、"1d 12h" のように入力してください
problems-duration-too-long = { $text } は長すぎます
problems-duration-too-long-hint = 100年以内で入力してください

problems-moment-not-a-time = { $text } は日時ではありません
problems-moment-not-a-time-hint = RFC 3339("2022-04-24T08:00:00Z")、"YYYY-MM-DD HH:MM[:SS] ZONE"("2022-04-24 17:00 Asia/Seoul")、または相対時間("-2h"、"+1d")で入力してください
problems-moment-abbreviation-2 = { $text } は { $zone1 } か { $zone2 } か分かりません
problems-moment-abbreviation-2-hint = IANA 名で入力してください
problems-moment-abbreviation-3 = { $text } は { $zone1 }、{ $zone2 }、{ $zone3 } のどれか分かりません
problems-moment-abbreviation-3-hint = { problems-moment-abbreviation-2-hint }
problems-config-time-not-a-time = { $text } は日時ではありません
problems-config-time-not-a-time-hint = "YYYY-MM-DD HH:MM"({ $zone } の現地時刻)か "2022-04-24T23:00:00+09:00" のような RFC 3339 で入力してください

problems-conflict-lower = { $count } は前の記録より少ないです({ $time } に { $other })
problems-conflict-higher = { $count } は次の記録より多いです({ $time } に { $other })

problems-edit-embedded = 組み込みの初期設定です: `dropwatch init` で編集できる設定ファイルを作ってください
problems-edit-id-taken = ID { $id } のイベントはすでに設定にあります。--id で別の ID にしてください
problems-edit-id-taken-form = ID { $id } のイベントはすでに設定にあります。別の名前にしてください
problems-edit-no-event = 設定に ID { $id } のイベントがありません
problems-edit-not-toml = 設定が正しい TOML ではありません: { $why }
problems-edit-inline-array = 設定の `{ $key }` がインライン配列で書かれています。dropwatch は [[{ $key }]] テーブルにだけ追加します: 一つずつ [[{ $key }]] テーブルで書いてください
problems-edit-busy = 別の dropwatch が { $path } を編集中です({ $lock } を使用中)。もう一度お試しください
problems-edit-lock-unusable = ロックファイル { $lock } を開けません: { $why }
problems-edit-lock-failed = { $lock } をロックできません: { $why }
problems-edit-cannot-read = { $path } を読めません: { $why }
problems-edit-cannot-write = { $path } に書き込めません: { $why }
problems-edit-not-a-file = { $path } はファイルではありません({ $kind ->
        [directory] フォルダです
        [fifo] FIFO(名前付きパイプ)です
        [char-device] キャラクタデバイスです
        [block-device] ブロックデバイスです
        [socket] ソケットです
       *[other] 通常のファイルではありません
    })
problems-edit-too-big = { $path } は 16 MiB を超えています。dropwatch は人が書ける大きさの設定だけを編集します
problems-edit-invalid = 設定が読み込めないため変更していません: { $error }
