# `dropwatch bar` のテキスト。フィールド名({left})は英語のまま。
bar-left-in-window = 集計期間 残り{ $left }
bar-anniversary = { $n }周年まで あと{ $left }
bar-to-go = あと{ $n }
bar-config-kept = ✗ { $error }(最後の正常な設定を表示中)
bar-phase-upcoming = 公開前
bar-phase-imminent = まもなく
bar-phase-live = 公開中
bar-phase-released = 公開済み
