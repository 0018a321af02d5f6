# Textos do `dropwatch bar`. Os NOMES dos campos ({left}) ficam em inglês.
bar-left-in-window = faltam { $left } da contagem
bar-anniversary = { $n }º aniversário em { $left }
bar-to-go = faltam { $n }
bar-config-kept = ✗ { $error } (mostrando a última config válida)
bar-phase-upcoming = em breve
bar-phase-imminent = quase lá
bar-phase-live = no ar
bar-phase-released = lançado
