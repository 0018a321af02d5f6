# The Streams panel, its chart, the rank block and the overview.

streams-unit-streams = streams
streams-unit-views = visualizações
streams-unit-plays = reproduções
streams-counted-streams = { $n } { $count ->
    [one] stream
   *[other] streams
}
streams-counted-views = { $n } { $count ->
    [one] visualização
   *[other] visualizações
}
streams-counted-plays = { $n } { $count ->
    [one] reprodução
   *[other] reproduções
}

streams-title = Streams
streams-more-streams = +{ $n } streams a mais
streams-more-goals = +{ $n } { $count ->
    [one] meta a mais
   *[other] metas a mais
}
streams-none-counted = { $unit }: nenhuma contagem ainda
streams-corrected-from = corrigido de { $n }
streams-stale = desatualizado, último bom { $ago }
streams-window-opens-in = contagem abre em { $span }
streams-window-closes-in = contagem fecha em { $span }
streams-opens-in = abre em { $span }
streams-closes-in = fecha em { $span }
streams-closed = fechou { $when }
streams-closed-final = fechou { $when }, final { $n }
streams-goal-at = às { $time }
streams-goal-by = até { $when }
streams-goal-needs = precisa { $rate }
streams-window-heading = A contagem
streams-window-opens = abre
streams-window-opened = abriu
streams-window-closes = fecha
streams-window-closed = fechou
streams-window-yours = seu { $when }
streams-takes-heading = O que cada meta pede: { $unit }/h no período
streams-takes-over = em { $span }
streams-result = resultado: { $reached } de { $n } metas batidas
streams-pace = ritmo { $rate } em { $span }
streams-pace-none = ritmo — (precisa de leituras com 10 min de intervalo)
streams-final = final { $n }
streams-projection = projeção { $n } no fechamento
streams-none-closed-log = Nenhuma leitura dentro da contagem, então sem resultado: `dropwatch log { $event } COUNT --at TIME` registra contagens passadas.
streams-none-closed-replay = Nenhuma leitura dentro da contagem, então sem resultado. Reveja o lançamento: --at '{ $at }'
streams-none-log = Sem contagem ainda: aperte u para digitar uma, rode `dropwatch log { $event } COUNT` ou dê ao stream um [streams.source].
streams-none = Sem contagem ainda: aperte u para digitar uma ou dê ao stream um [streams.source].

ranks-title = Posições
ranks-now = { $rank } agora
ranks-none-yet = sem posição ainda
ranks-best = melhor { $rank }
ranks-next-update = próxima atualização em { $span }
ranks-longest = recorde { $span }
ranks-held = mantida { $span }
ranks-reached = batida
ranks-lost = perdida
ranks-waiting = aguardando
ranks-missed = não batida
ranks-no-data = sem dados
ranks-at-one = #1 em { $n } de { $of } { $count ->
    [one] parada
   *[other] paradas
}
ranks-all-kill-for = all-kill há { $span }
ranks-all-kill-ago = all-kill terminou há { $span }
ranks-chart-release = lançamento
ranks-chart-hours = +{ $n }h
ranks-from = de { $from }
ranks-place = { $rank } no { $platform }
ranks-place-none = sem posição ainda no { $platform }
ranks-goal = meta { $label }
ranks-all-settled = todas as metas de posição decididas
ranks-lead-held = { $at } mantida há { $span }
ranks-lead-lost-ago = perdeu { $at } há { $span }
ranks-lead-lost = perdeu { $at }
ranks-lead-best = melhor { $rank } até agora
ranks-lead-waiting = aguardando a contagem
ranks-lead-no-reading = nenhuma leitura ainda

chart-now = agora { $time }
chart-rates-key = { $unit }/hora entre leituras · mín. { $low } · pico { $peak }

overview-title = Visão geral · { $n } { $count ->
    [one] stream
   *[other] streams
} · o ou Esc volta
overview-empty = nenhum stream: adicione uma tabela [[streams]] à configuração
overview-more = +{ $n } a mais (↑↓ rola)
overview-col-stream = stream
overview-col-count = contagem
overview-col-next-goal = próxima meta
overview-col-percent = %
overview-col-status = status
overview-col-window = período
overview-col-needs = precisa/h
overview-col-pace = ritmo
overview-age-config = config
overview-age-now = agora
overview-left = faltam { $span }
overview-opens = abre em { $span }
overview-closed = fechada
ranks-top = top { $n }
ranks-goal-streak = { $place } por { $span }
