status-reached = 달성
status-on-pace = 순항
status-behind = 부족
status-missed = 실패
status-waiting = 대기
status-no-data = 자료 없음
countdown-months-days = { $months }개월 { $days }일
countdown-days = { $days }일
