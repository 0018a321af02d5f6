card-more-goals = +{ $n } { $count ->
    [one] meta
   *[other] metas
}
card-more-charts = +{ $n } { $count ->
    [one] chart
   *[other] charts
}
card-on = no { $platform }
card-of-goal = { $count } de { $target } { $goal }
card-goal-figures = { $count } de { $target } · { $percent } · { $status }
card-final = final { $n }
card-needs = precisa de { $rate }
card-needs-for = precisa { $rate } p/ { $goal }
card-left = faltam { $left }
card-window-left = faltam { $left } da contagem
card-window-opens = a contagem abre em { $left }
card-window-closed = contagem encerrada
card-pace = ritmo { $rate }
card-pace-over = ritmo { $rate } em { $span }
card-projection = projeção { $n }
card-no-pace = sem ritmo ainda: precisa de leituras com dez minutos de intervalo
card-out-in = sai em { $left }
card-rank-head = #{ $rank } no { $platform }
card-rank-none = ainda sem posição no { $platform }
card-release = lançamento { $when }
card-save-failed = não deu para salvar o card em { $dir }: { $error }
