# Statuses of a goal. (Countdown units are a static table in src/lang/units.rs: the
# per-second redraw writes them without allocating.)
status-reached = reached
status-on-pace = on pace
status-behind = behind
status-missed = missed
status-waiting = waiting
status-no-data = no data
