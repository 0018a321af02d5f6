status-reached = logrado
status-on-pace = a ritmo
status-behind = atrasado
status-missed = no logrado
status-waiting = en espera
status-no-data = sin datos
