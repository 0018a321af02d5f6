status-reached = tercapai
status-on-pace = sesuai target
status-behind = tertinggal
status-missed = gagal
status-waiting = menunggu
status-no-data = tanpa data
