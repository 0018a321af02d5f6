# The Streams panel, its chart, the rank block and the overview.

streams-unit-streams = streams
streams-unit-views = vistas
streams-unit-plays = reproducciones
streams-counted-streams = { $n } { $count ->
    [one] stream
   *[other] streams
}
streams-counted-views = { $n } { $count ->
    [one] vista
   *[other] vistas
}
streams-counted-plays = { $n } { $count ->
    [one] reproducción
   *[other] reproducciones
}

streams-title = Streams
streams-more-streams = +{ $n } streams más
streams-more-goals = +{ $n } { $count ->
    [one] meta más
   *[other] metas más
}
streams-none-counted = aún sin { $unit } contados
streams-corrected-from = corregido desde { $n }
streams-stale = sin actualizar, último bueno { $ago }
streams-window-opens-in = el conteo abre en { $span }
streams-window-closes-in = el conteo cierra en { $span }
streams-opens-in = abre en { $span }
streams-closes-in = cierra en { $span }
streams-closed = cerró { $when }
streams-closed-final = cerró { $when }, final { $n }
streams-goal-at = a las { $time }
streams-goal-by = para el { $when }
streams-goal-needs = necesita { $rate }
streams-window-heading = El periodo de conteo
streams-window-opens = abre
streams-window-opened = abrió
streams-window-closes = cierra
streams-window-closed = cerró
streams-window-yours = tuya { $when }
streams-takes-heading = Lo que pide cada meta: { $unit }/h en su periodo
streams-takes-over = en { $span }
streams-result = resultado: { $reached } de { $n } metas logradas
streams-pace = ritmo { $rate } en { $span }
streams-pace-none = ritmo — (faltan lecturas con 10 min de diferencia)
streams-final = final { $n }
streams-projection = proyección { $n } al cierre
streams-none-closed-log = No hay lecturas dentro del periodo, así que no hay resultado: `dropwatch log { $event } COUNT --at TIME` registra conteos pasados.
streams-none-closed-replay = No hay lecturas dentro del periodo, así que no hay resultado. Repite el lanzamiento: --at '{ $at }'
streams-none-log = Aún sin conteo: pulsa u para escribir uno, ejecuta `dropwatch log { $event } COUNT` o dale al stream un [streams.source].
streams-none = Aún sin conteo: pulsa u para escribir uno o dale al stream un [streams.source].

ranks-title = Rankings
ranks-now = { $rank } ahora
ranks-none-yet = aún sin puesto
ranks-best = mejor { $rank }
ranks-next-update = próxima actualización en { $span }
ranks-longest = récord { $span }
ranks-held = se mantiene { $span }
ranks-reached = logrado
ranks-lost = cae
ranks-waiting = en espera
ranks-missed = no logrado
ranks-no-data = sin datos
ranks-at-one = #1 en { $n } de { $of } { $count ->
    [one] chart
   *[other] charts
}
ranks-all-kill-for = all-kill desde hace { $span }
ranks-all-kill-ago = all-kill hace { $span }
ranks-chart-release = lanzamiento
ranks-chart-hours = +{ $n }h
ranks-from = de { $from }
ranks-place = { $rank } en { $platform }
ranks-place-none = aún sin puesto en { $platform }
ranks-goal = meta { $label }
ranks-all-settled = todas las metas de puesto resueltas
ranks-lead-held = mantiene { $at } desde hace { $span }
ranks-lead-lost-ago = cayó de { $at } hace { $span }
ranks-lead-lost = cayó de { $at }
ranks-lead-best = mejor { $rank } hasta ahora
ranks-lead-waiting = esperando el periodo de conteo
ranks-lead-no-reading = aún sin lecturas

chart-now = ahora { $time }
chart-rates-key = { $unit }/hora entre lecturas · mín. { $low } · máx. { $peak }

overview-title = Resumen · { $n } { $count ->
    [one] stream
   *[other] streams
} · o o Esc para volver
overview-empty = sin streams: añade una tabla [[streams]] a la configuración
overview-more = +{ $n } más (↑↓ desplaza)
overview-col-stream = stream
overview-col-count = conteo
overview-col-next-goal = próxima meta
overview-col-percent = %
overview-col-status = estado
overview-col-window = periodo
overview-col-needs = necesita/h
overview-col-pace = ritmo
overview-age-config = config
overview-age-now = ahora
overview-left = quedan { $span }
overview-opens = abre en { $span }
overview-closed = cerrado
ranks-top = top { $n }
ranks-goal-streak = { $place } por { $span }
