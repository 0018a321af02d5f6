# Statuses of a goal, and the units of countdowns.
status-reached = reached
status-on-pace = on pace
status-behind = behind
status-missed = missed
status-waiting = waiting
status-no-data = no data
# A countdown beyond 99 days: months and days.
countdown-months-days = { $months }mo { $days }d
# Days before the hours of a countdown: "46d 15:00:00".
countdown-days = { $days }d
