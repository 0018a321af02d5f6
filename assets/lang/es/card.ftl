card-more-goals = +{ $n } { $count ->
    [one] meta más
   *[other] metas más
}
card-more-charts = +{ $n } { $count ->
    [one] chart más
   *[other] charts más
}
card-on = en { $platform }
card-of-goal = { $count } de { $target } { $goal }
card-goal-figures = { $count } de { $target } · { $percent } · { $status }
card-final = final { $n }
card-needs = faltan { $rate }
card-needs-for = faltan { $rate } para { $goal }
card-left = quedan { $left }
card-window-left = quedan { $left } del conteo
card-window-opens = el conteo abre en { $left }
card-window-closed = conteo cerrado
card-pace = ritmo { $rate }
card-pace-over = ritmo { $rate } en { $span }
card-projection = proyección { $n }
card-no-pace = sin ritmo aún: faltan lecturas con diez minutos de diferencia
card-out-in = sale en { $left }
card-rank-head = #{ $rank } en { $platform }
card-rank-none = aún sin puesto en { $platform }
card-release = lanzamiento { $when }
card-save-failed = no se pudo guardar la tarjeta en { $dir }: { $error }
