status-reached = batida
status-on-pace = no ritmo
status-behind = atrasada
status-missed = não batida
status-waiting = aguardando
status-no-data = sem dados
