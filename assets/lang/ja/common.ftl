status-reached = 達成
status-on-pace = 順調
status-behind = 遅れ
status-missed = 未達
status-waiting = 待機中
status-no-data = データなし
