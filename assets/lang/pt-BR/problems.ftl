# problems: o que um valor digitado tem de errado e o que escrever no lugar, e por que uma
# mudança na configuração foi recusada. Os horários ficam em ISO.
problems-joined = { $message }; { $hint }

problems-count-write = digite números (2712345 ou 2.712.345) ou uma forma curta (2,7 mi)
problems-count-empty = falta o número
problems-count-empty-hint = digite um número como 2.712.345 ou 2,7 mi
problems-count-negative = o número não pode ser negativo
problems-count-negative-hint = { problems-count-write }
problems-count-not-a-count = { $text } não é um número válido
problems-count-not-a-count-hint = { problems-count-write }
problems-count-not-whole = { $text } não é um número inteiro
problems-count-not-whole-hint = { problems-count-write }
problems-count-fraction = { $text } não dá um número inteiro de streams
problems-count-fraction-hint = { problems-count-write }
problems-count-too-big = { $text } passa do maior número possível ({ $max })
problems-count-too-big-hint = confira a quantidade de dígitos
problems-count-two-ways = { $text } pode ser lido de duas formas
problems-count-two-ways-hint = escreva o número completo: { $one } ou { $other }

problems-when-not-a-time = { $text } não é um horário
problems-when-not-a-time-hint = escreva como no anúncio ("12.05 6PM KST", "Dec 5 18:00", "2026-12-05 18:00", "6:30 pm"), em RFC 3339 ou relativo ("+2h")
problems-when-twice = { $text } traz a data, a hora ou o fuso duas vezes
problems-when-twice-hint = escreva um de cada, ex.: "12.05 6PM KST"
problems-when-zone-unclear = o fuso { $text } pode indicar mais de uma diferença de UTC
problems-when-zone-unclear-hint = escreva KST, JST, UTC ou o nome IANA ("America/New_York")
problems-when-not-a-time-of-day = { $text } não é uma hora do dia
problems-when-not-a-time-of-day-hint = escreva 18:00, 6PM ou 6:30 pm
problems-when-not-12-hour = { $text } não é um horário de 12 horas
problems-when-not-12-hour-hint = escreva 6PM ou 6:30 pm (horas de 1 a 12), ou 18:00
problems-when-not-a-date = mês { $month }, dia { $day } não é uma data
problems-when-not-a-date-hint = escreva o mês primeiro, como nos anúncios: 12.05 é 5 de dezembro

problems-time-skipped = { $local } não existe em { $zone }: o relógio pula essa hora por causa do horário de verão
problems-time-skipped-hint = escreva { $after } ou informe a diferença de UTC (RFC 3339)
problems-time-skipped-offset = { $local } não existe em { $zone }: o relógio pula esse horário porque o fuso mudou de UTC{ $from } para UTC{ $to }
problems-time-skipped-offset-hint = { problems-time-skipped-hint }
problems-time-twice = { $local } acontece duas vezes em { $zone } (o relógio volta): é { $first } ou { $second }
problems-time-twice-hint = escreva o que você quer com a diferença de UTC
problems-time-twice-offset = { $local } acontece duas vezes em { $zone } (o relógio volta porque o fuso mudou de UTC{ $from } para UTC{ $to }): é { $first } ou { $second }
problems-time-twice-offset-hint = { problems-time-twice-hint }
problems-time-out-of-range = { $text } está fora do intervalo
problems-time-out-of-range-hint = escreva um horário entre os anos { $from } e { $to }

problems-zone-unknown = fuso horário desconhecido { $text }
problems-zone-unknown-hint = escreva um nome IANA como "Asia/Seoul", "America/New_York" ou "UTC"
problems-zone-unknown-1 = { problems-zone-unknown }
problems-zone-unknown-1-hint = escreva "{ $zone1 }"
problems-zone-unknown-2 = { problems-zone-unknown }
problems-zone-unknown-2-hint = escreva "{ $zone1 }" ou "{ $zone2 }"
problems-zone-unknown-3 = { problems-zone-unknown }
problems-zone-unknown-3-hint = escreva "{ $zone1 }", "{ $zone2 }" ou "{ $zone3 }"

problems-duration-not-a-duration = { $text } não é uma duração ({ $why })
problems-duration-not-a-duration-hint = escreva algo como "90m", "24h" ou "1d 12h"
problems-duration-too-long = { $text } é longo demais
problems-duration-too-long-hint = escreva no máximo 100 anos

problems-moment-not-a-time = { $text } não é um horário
problems-moment-not-a-time-hint = escreva RFC 3339 ("2022-04-24T08:00:00Z"), "YYYY-MM-DD HH:MM[:SS] FUSO" ("2022-04-24 17:00 Asia/Seoul") ou um horário relativo ("-2h", "+1d")
problems-moment-abbreviation-2 = { $text } pode ser { $zone1 } ou { $zone2 }
problems-moment-abbreviation-2-hint = escreva o nome IANA
problems-moment-abbreviation-3 = { $text } pode ser { $zone1 }, { $zone2 } ou { $zone3 }
problems-moment-abbreviation-3-hint = { problems-moment-abbreviation-2-hint }
problems-config-time-not-a-time = { $text } não é um horário
problems-config-time-not-a-time-hint = escreva "YYYY-MM-DD HH:MM" (hora local de { $zone }) ou RFC 3339 como "2022-04-24T23:00:00+09:00"

problems-conflict-lower = { $count } é menor que o registro anterior ({ $other } em { $time })
problems-conflict-higher = { $count } é maior que o registro seguinte ({ $other } em { $time })

problems-edit-embedded = esta é a configuração padrão embutida: rode `dropwatch init` para ter uma para editar
problems-edit-id-taken = já existe um evento com id { $id } na configuração; escolha outro com --id
problems-edit-id-taken-form = já existe um evento com id { $id } na configuração; escolha outro nome
problems-edit-no-event = não há evento com id { $id } na configuração
problems-edit-not-toml = a configuração não é TOML válido: { $why }
problems-edit-inline-array = a configuração escreve `{ $key }` como array inline; o dropwatch só adiciona a tabelas [[{ $key }]]: escreva cada um como sua própria tabela [[{ $key }]]
problems-edit-busy = outro dropwatch está editando { $path } (está com { $lock }); tente de novo
problems-edit-lock-unusable = não foi possível abrir o lock { $lock }: { $why }
problems-edit-lock-failed = não foi possível travar { $lock }: { $why }
problems-edit-cannot-read = não foi possível ler { $path }: { $why }
problems-edit-cannot-write = não foi possível gravar { $path }: { $why }
problems-edit-not-a-file = { $path } não é um arquivo ({ $kind ->
        [directory] é uma pasta
        [fifo] é um FIFO (pipe nomeado)
        [char-device] é um dispositivo de caractere
        [block-device] é um dispositivo de bloco
        [socket] é um socket
       *[other] não é um arquivo comum
    })
problems-edit-too-big = { $path } passa de 16 MiB; o dropwatch só edita uma configuração que uma pessoa escreveria
problems-edit-invalid = a configuração não carregaria, então não mudou: { $error }
