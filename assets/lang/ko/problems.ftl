# problems: 입력한 값의 문제와 고칠 방법, 설정 편집이 거절된 이유. 시간은 ISO 그대로.
problems-joined = { $message }. { $hint }

problems-count-write = 숫자(2712345, 2,712,345)나 줄임 표기(270만, 2.7M)로 입력하세요
problems-count-empty = 수가 없어요
problems-count-empty-hint = 2,712,345나 270만처럼 입력하세요
problems-count-negative = 수는 음수일 수 없어요
problems-count-negative-hint = { problems-count-write }
problems-count-not-a-count = { $text }은(는) 수가 아니에요
problems-count-not-a-count-hint = { problems-count-write }
problems-count-not-whole = { $text }은(는) 정수가 아니에요
problems-count-not-whole-hint = { problems-count-write }
problems-count-fraction = { $text }은(는) 스트리밍 수로 딱 떨어지지 않아요
problems-count-fraction-hint = { problems-count-write }
problems-count-too-big = { $text }은(는) 최대 수({ $max })보다 커요
problems-count-too-big-hint = 자릿수를 확인하세요
problems-count-two-ways = { $text }은(는) 두 가지로 읽힐 수 있어요
problems-count-two-ways-hint = 전체 수로 쓰세요({ $one } 또는 { $other })

problems-when-not-a-time = { $text }은(는) 올바른 날짜·시각이 아니에요
problems-when-not-a-time-hint = 공지처럼 입력하세요("12.05 6PM KST", "Dec 5 18:00", "2026-12-05 18:00", "6:30 pm"). RFC 3339나 상대 시간("+2h")도 돼요
problems-when-twice = { $text }에 날짜·시각·시간대가 두 번 있어요
problems-when-twice-hint = 하나씩만 입력하세요(예: "12.05 6PM KST")
problems-when-zone-unclear = 시간대 { $text }은(는) 시차가 여럿일 수 있어요
problems-when-zone-unclear-hint = KST, JST, UTC나 IANA 이름("America/New_York")으로 입력하세요
problems-when-not-a-time-of-day = { $text }은(는) 올바른 시각이 아니에요
problems-when-not-a-time-of-day-hint = 18:00, 6PM, 6:30 pm처럼 입력하세요
problems-when-not-12-hour = { $text }은(는) 12시간제 시각이 아니에요
problems-when-not-12-hour-hint = 6PM, 6:30 pm(1~12시)이나 18:00으로 입력하세요
problems-when-not-a-date = { $month }월 { $day }일은 없는 날짜예요
problems-when-not-a-date-hint = 공지처럼 월을 먼저 쓰세요: 12.05는 12월 5일

problems-time-skipped = { $zone }에는 { $local }이(가) 없어요: 서머타임으로 시계가 건너뛰어요
problems-time-skipped-hint = { $after }(으)로 쓰거나 오프셋을 명시하세요(RFC 3339)
problems-time-skipped-offset = { $zone }에는 { $local }이(가) 없어요: 시차가 UTC{ $from }에서 UTC{ $to }(으)로 바뀌며 건너뛰어요
problems-time-skipped-offset-hint = { problems-time-skipped-hint }
problems-time-twice = { $zone }에서 { $local }은(는) 두 번 있어요(서머타임 종료): { $first } 또는 { $second }
problems-time-twice-hint = 원하는 쪽을 오프셋과 함께 쓰세요
problems-time-twice-offset = { $zone }에서 { $local }은(는) 두 번 있어요(시차가 UTC{ $from }에서 UTC{ $to }(으)로 바뀜): { $first } 또는 { $second }
problems-time-twice-offset-hint = { problems-time-twice-hint }
problems-time-out-of-range = { $text }은(는) 범위를 벗어나요
problems-time-out-of-range-hint = { $from }년에서 { $to }년 사이로 입력하세요

problems-zone-unknown = 알 수 없는 시간대 { $text }
problems-zone-unknown-hint = "Asia/Seoul", "America/New_York", "UTC" 같은 IANA 이름으로 입력하세요
problems-zone-unknown-1 = { problems-zone-unknown }
problems-zone-unknown-1-hint = "{ $zone1 }"(으)로 입력하세요
problems-zone-unknown-2 = { problems-zone-unknown }
problems-zone-unknown-2-hint = "{ $zone1 }" 또는 "{ $zone2 }"(으)로 입력하세요
problems-zone-unknown-3 = { problems-zone-unknown }
problems-zone-unknown-3-hint = "{ $zone1 }", "{ $zone2 }" 또는 "{ $zone3 }"(으)로 입력하세요

problems-duration-not-a-duration = { $text }은(는) 기간이 아니에요({ $why })
problems-duration-not-a-duration-hint = "90m", "24h", "1d 12h"처럼 입력하세요
problems-duration-too-long = { $text }은(는) 너무 길어요
problems-duration-too-long-hint = 100년 이하로 입력하세요

problems-moment-not-a-time = { $text }은(는) 올바른 날짜·시각이 아니에요
problems-moment-not-a-time-hint = RFC 3339("2022-04-24T08:00:00Z"), "YYYY-MM-DD HH:MM[:SS] ZONE"("2022-04-24 17:00 Asia/Seoul")이나 상대 시간("-2h", "+1d")으로 입력하세요
problems-moment-abbreviation-2 = { $text }은(는) { $zone1 }, { $zone2 } 중 어느 것인지 알 수 없어요
problems-moment-abbreviation-2-hint = IANA 이름으로 입력하세요
problems-moment-abbreviation-3 = { $text }은(는) { $zone1 }, { $zone2 }, { $zone3 } 중 어느 것인지 알 수 없어요
problems-moment-abbreviation-3-hint = { problems-moment-abbreviation-2-hint }
problems-config-time-not-a-time = { $text }은(는) 올바른 날짜·시각이 아니에요
problems-config-time-not-a-time-hint = "YYYY-MM-DD HH:MM"({ $zone } 현지 시간)이나 "2022-04-24T23:00:00+09:00" 같은 RFC 3339로 입력하세요

problems-conflict-lower = { $count }은(는) 이전 기록보다 적어요({ $time }에 { $other })
problems-conflict-higher = { $count }은(는) 다음 기록보다 많아요({ $time }에 { $other })

problems-edit-embedded = 내장 기본 설정이에요: `dropwatch init`으로 편집할 설정 파일을 만드세요
problems-edit-id-taken = id { $id } 이벤트가 이미 설정에 있어요. --id로 다른 id를 정하세요
problems-edit-id-taken-form = id { $id } 이벤트가 이미 설정에 있어요. 다른 이름을 쓰세요
problems-edit-no-event = 설정에 id { $id } 이벤트가 없어요
problems-edit-not-toml = 설정이 올바른 TOML이 아니에요: { $why }
problems-edit-inline-array = 설정에 `{ $key }`이(가) 인라인 배열로 쓰여 있어요. dropwatch는 [[{ $key }]] 테이블에만 추가해요: 하나씩 [[{ $key }]] 테이블로 쓰세요
problems-edit-busy = 다른 dropwatch가 { $path }을(를) 편집 중이에요({ $lock } 사용 중). 다시 시도하세요
problems-edit-lock-unusable = 잠금 파일 { $lock }을(를) 열 수 없어요: { $why }
problems-edit-lock-failed = { $lock }을(를) 잠글 수 없어요: { $why }
problems-edit-cannot-read = { $path }을(를) 읽을 수 없어요: { $why }
problems-edit-cannot-write = { $path }에 쓸 수 없어요: { $why }
problems-edit-not-a-file = { $path }은(는) 파일이 아니에요({ $kind ->
        [directory] 폴더예요
        [fifo] FIFO(이름 있는 파이프)예요
        [char-device] 문자 장치예요
        [block-device] 블록 장치예요
        [socket] 소켓이에요
       *[other] 일반 파일이 아니에요
    })
problems-edit-too-big = { $path }이(가) 16 MiB를 넘어요. dropwatch는 사람이 쓸 만한 설정만 편집해요
problems-edit-invalid = 설정이 읽히지 않아 그대로 둬요: { $error }
