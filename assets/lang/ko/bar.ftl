# `dropwatch bar`의 텍스트. 필드 이름({left})은 영어 그대로.
bar-left-in-window = 집계 기간 { $left } 남음
bar-anniversary = { $n }주년 { $left } 후
bar-to-go = { $n } 남음
bar-config-kept = ✗ { $error } (마지막 정상 설정 표시 중)
bar-phase-upcoming = 공개 예정
bar-phase-imminent = 곧 공개
bar-phase-live = 공개 중
bar-phase-released = 공개됨
