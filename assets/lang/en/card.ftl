# Share cards. Numbers come formatted ($n); $count only picks the plural form.
card-more-goals = +{ $n } more { $count ->
    [one] goal
   *[other] goals
}
card-more-charts = +{ $n } more { $count ->
    [one] chart
   *[other] charts
}
card-on = on { $platform }
card-of-goal = { $count } of { $target } { $goal }
card-goal-figures = { $count } of { $target } · { $percent } · { $status }
card-final = final { $n }
card-needs = needs { $rate }
card-needs-for = needs { $rate } for { $goal }
card-left = { $left } left
card-window-left = { $left } left in the window
card-window-opens = window opens in { $left }
card-window-closed = window closed
card-pace = pace { $rate }
card-pace-over = pace { $rate } over { $span }
card-projection = projection { $n } at close
card-no-pace = no pace yet: it needs readings ten minutes apart
card-out-in = out in { $left }
card-rank-head = #{ $rank } on { $platform }
card-rank-none = no rank yet on { $platform }
card-release = release { $when }
card-save-failed = saving a card in { $dir }: { $error }
