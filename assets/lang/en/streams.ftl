# The Streams panel, its chart, the rank block and the overview.

# Units the config leaves to dropwatch (a unit the fan wrote stays as written).
streams-unit-streams = streams
streams-unit-views = views
streams-unit-plays = plays
# A count with its default unit: $n is formatted, $count selects the singular.
streams-counted-streams = { $n } { $count ->
    [one] stream
   *[other] streams
}
streams-counted-views = { $n } { $count ->
    [one] view
   *[other] views
}
streams-counted-plays = { $n } { $count ->
    [one] play
   *[other] plays
}

# The panel.
streams-title = Streams
streams-more-streams = +{ $n } more streams
streams-more-goals = +{ $n } more { $count ->
    [one] goal
   *[other] goals
}
streams-none-counted = no { $unit } counted yet
streams-corrected-from = corrected from { $n }
streams-stale = stale, last good { $ago }
# The window, long and (when the row is short) without "window".
streams-window-opens-in = window opens in { $span }
streams-window-closes-in = window closes in { $span }
streams-opens-in = opens in { $span }
streams-closes-in = closes in { $span }
streams-closed = closed { $when }
streams-closed-final = closed { $when }, final { $n }
# Goal rows.
streams-goal-at = at { $time }
streams-goal-by = by { $when }
streams-goal-needs = needs { $rate }
# Under a closed window with no reading: the window and what each goal takes.
streams-window-heading = The window
streams-window-opens = opens
streams-window-opened = opened
streams-window-closes = closes
streams-window-closed = closed
streams-window-yours = yours { $when }
streams-takes-heading = What each goal takes: { $unit }/h over its window
streams-takes-over = over { $span }
# The pace row.
streams-result = result: { $reached } of { $n } goals reached
streams-pace = pace { $rate } over { $span }
streams-pace-none = pace — (needs readings 10 min apart)
streams-final = final { $n }
streams-projection = projection { $n } at close
# With no count to judge.
streams-none-closed-log = No reading inside the window, so no result: `dropwatch log { $event } COUNT --at TIME` records past counts.
streams-none-closed-replay = No reading inside the window, so no result. Replay the release: --at '{ $at }'
streams-none-log = No count yet: press u to type one, run `dropwatch log { $event } COUNT`, or give the stream a [streams.source].
streams-none = No count yet: press u to type one, or give the stream a [streams.source].

# The rank block (a stream of chart positions). $rank is "#3"; $span is "2h 10m".
ranks-title = Ranks
ranks-now = { $rank } now
ranks-none-yet = no rank yet
ranks-best = best { $rank }
ranks-next-update = next update in { $span }
ranks-longest = longest { $span }
ranks-held = held { $span }
ranks-reached = reached
ranks-lost = lost
ranks-waiting = waiting
ranks-missed = missed
ranks-no-data = no data
ranks-at-one = #1 on { $n } of { $of } { $count ->
    [one] chart
   *[other] charts
}
ranks-all-kill-for = all-kill for { $span }
ranks-all-kill-ago = all-kill { $span } ago
ranks-chart-release = release
ranks-chart-hours = +{ $n }h
ranks-from = from { $from }
# The headline while a rank stream leads. $at is the goal's rank ("#1", "top 10").
ranks-place = { $rank } on { $platform }
ranks-place-none = no rank yet on { $platform }
ranks-goal = goal { $label }
ranks-all-settled = every rank goal settled
ranks-lead-held = held { $at } for { $span }
ranks-lead-lost-ago = lost { $at } { $span } ago
ranks-lead-lost = lost { $at }
ranks-lead-best = best { $rank } so far
ranks-lead-waiting = waiting for the window
ranks-lead-no-reading = no reading yet

# The chart of the count and the streams/hour bars.
chart-now = now { $time }
chart-rates-key = { $unit }/hour between readings · low { $low } · peak { $peak }

# The overview (o): every stream as a scoreboard.
overview-title = Overview · { $n } { $count ->
    [one] stream
   *[other] streams
} · o or Esc back
overview-empty = no streams: add a [[streams]] table to the config
overview-more = +{ $n } more (↑↓ scrolls)
overview-col-stream = stream
overview-col-count = count
overview-col-next-goal = next goal
overview-col-percent = %
overview-col-status = status
overview-col-window = window
overview-col-needs = needs/h
overview-col-pace = pace
overview-age-config = config
overview-age-now = now
overview-left = { $span } left
overview-opens = opens { $span }
overview-closed = closed
ranks-top = top { $n }
ranks-goal-streak = { $place } for { $span }
