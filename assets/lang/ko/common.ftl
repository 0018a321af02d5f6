status-reached = 달성
status-on-pace = 순항
status-behind = 부족
status-missed = 실패
status-waiting = 대기
status-no-data = 자료 없음
