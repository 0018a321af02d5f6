# Textos de `dropwatch bar`. Los NOMBRES de campo ({left}) quedan en inglés.
bar-left-in-window = quedan { $left } del conteo
bar-anniversary = { $n }.º aniversario en { $left }
bar-to-go = faltan { $n }
bar-config-kept = ✗ { $error } (mostrando la última config válida)
bar-phase-upcoming = próximo
bar-phase-imminent = inminente
bar-phase-live = en vivo
bar-phase-released = lanzado
