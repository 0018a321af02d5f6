# problems: qué tiene mal un valor escrito y qué escribir en su lugar, y por qué se rechazó un
# cambio de la configuración. Las horas quedan en ISO.
problems-joined = { $message }; { $hint }

problems-count-write = escribe dígitos (2712345 o 2.712.345) o una forma corta (2,7 M)
problems-count-empty = falta el número
problems-count-empty-hint = escribe un número como 2.712.345 o 2,7 M
problems-count-negative = el número no puede ser negativo
problems-count-negative-hint = { problems-count-write }
problems-count-not-a-count = { $text } no es un número válido
problems-count-not-a-count-hint = { problems-count-write }
problems-count-not-whole = { $text } no es un número entero
problems-count-not-whole-hint = { problems-count-write }
problems-count-fraction = { $text } no da un número entero de streams
problems-count-fraction-hint = { problems-count-write }
problems-count-too-big = { $text } supera el número máximo ({ $max })
problems-count-too-big-hint = revisa cuántos dígitos tiene
problems-count-two-ways = { $text } se puede leer de dos formas
problems-count-two-ways-hint = escribe el número completo: { $one } o { $other }

problems-when-not-a-time = { $text } no es una hora
problems-when-not-a-time-hint = escríbela como el anuncio ("12.05 6PM KST", "Dec 5 18:00", "2026-12-05 18:00", "6:30 pm"), en RFC 3339 o relativa ("+2h")
problems-when-twice = { $text } da la fecha, la hora o la zona dos veces
problems-when-twice-hint = escribe una de cada, p. ej. "12.05 6PM KST"
problems-when-zone-unclear = la zona { $text } puede tener más de un desfase
problems-when-zone-unclear-hint = escribe KST, JST, UTC o el nombre IANA ("America/New_York")
problems-when-not-a-time-of-day = { $text } no es una hora del día
problems-when-not-a-time-of-day-hint = escribe 18:00, 6PM o 6:30 pm
problems-when-not-12-hour = { $text } no está en formato de 12 horas
problems-when-not-12-hour-hint = escribe 6PM o 6:30 pm (horas de 1 a 12), o 18:00
problems-when-not-a-date = mes { $month }, día { $day } no es una fecha
problems-when-not-a-date-hint = escribe primero el mes, como los anuncios: 12.05 es el 5 de diciembre

problems-time-skipped = { $local } no existe en { $zone }: el reloj se la salta por el horario de verano
problems-time-skipped-hint = escribe { $after } o da un desfase explícito (RFC 3339)
problems-time-skipped-offset = { $local } no existe en { $zone }: el reloj se la salta porque la zona pasó de UTC{ $from } a UTC{ $to }
problems-time-skipped-offset-hint = { problems-time-skipped-hint }
problems-time-twice = { $local } ocurre dos veces en { $zone } (el reloj se atrasa): es { $first } o { $second }
problems-time-twice-hint = escribe la que quieras con su desfase
problems-time-twice-offset = { $local } ocurre dos veces en { $zone } (el reloj se atrasa porque la zona pasó de UTC{ $from } a UTC{ $to }): es { $first } o { $second }
problems-time-twice-offset-hint = { problems-time-twice-hint }
problems-time-out-of-range = { $text } está fuera de rango
problems-time-out-of-range-hint = escribe una hora entre los años { $from } y { $to }

problems-zone-unknown = zona horaria desconocida { $text }
problems-zone-unknown-hint = escribe un nombre IANA como "Asia/Seoul", "America/New_York" o "UTC"
problems-zone-unknown-1 = { problems-zone-unknown }
problems-zone-unknown-1-hint = escribe "{ $zone1 }"
problems-zone-unknown-2 = { problems-zone-unknown }
problems-zone-unknown-2-hint = escribe "{ $zone1 }" o "{ $zone2 }"
problems-zone-unknown-3 = { problems-zone-unknown }
problems-zone-unknown-3-hint = escribe "{ $zone1 }", "{ $zone2 }" o "{ $zone3 }"

problems-duration-not-a-duration = { $text } no es una duración ({ $why })
problems-duration-not-a-duration-hint = escribe algo como "90m", "24h" o "1d 12h"
problems-duration-too-long = { $text } es demasiado largo
problems-duration-too-long-hint = escribe 100 años como máximo

problems-moment-not-a-time = { $text } no es una hora
problems-moment-not-a-time-hint = escribe RFC 3339 ("2022-04-24T08:00:00Z"), "YYYY-MM-DD HH:MM[:SS] ZONA" ("2022-04-24 17:00 Asia/Seoul") o una hora relativa ("-2h", "+1d")
problems-moment-abbreviation-2 = { $text } puede ser { $zone1 } o { $zone2 }
problems-moment-abbreviation-2-hint = escribe el nombre IANA
problems-moment-abbreviation-3 = { $text } puede ser { $zone1 }, { $zone2 } o { $zone3 }
problems-moment-abbreviation-3-hint = { problems-moment-abbreviation-2-hint }
problems-config-time-not-a-time = { $text } no es una hora
problems-config-time-not-a-time-hint = escribe "YYYY-MM-DD HH:MM" (hora local de { $zone }) o RFC 3339 como "2022-04-24T23:00:00+09:00"

problems-conflict-lower = { $count } es menor que el registro anterior ({ $other } el { $time })
problems-conflict-higher = { $count } es mayor que el registro siguiente ({ $other } el { $time })

problems-edit-embedded = es la configuración incorporada: ejecuta `dropwatch init` para tener una que editar
problems-edit-id-taken = ya hay un evento con id { $id } en la configuración; elige otro con --id
problems-edit-id-taken-form = ya hay un evento con id { $id } en la configuración; elige otro nombre
problems-edit-no-event = no hay ningún evento con id { $id } en la configuración
problems-edit-not-toml = la configuración no es TOML válido: { $why }
problems-edit-inline-array = la configuración escribe `{ $key }` como array en línea; dropwatch solo añade a tablas [[{ $key }]]: escribe cada uno como su propia tabla [[{ $key }]]
problems-edit-busy = otro dropwatch está editando { $path } (tiene { $lock }); inténtalo de nuevo
problems-edit-lock-unusable = no se puede abrir el bloqueo { $lock }: { $why }
problems-edit-lock-failed = no se puede bloquear { $lock }: { $why }
problems-edit-cannot-read = no se puede leer { $path }: { $why }
problems-edit-cannot-write = no se puede escribir { $path }: { $why }
problems-edit-not-a-file = { $path } no es un archivo ({ $kind ->
        [directory] es una carpeta
        [fifo] es un FIFO (tubería con nombre)
        [char-device] es un dispositivo de caracteres
        [block-device] es un dispositivo de bloques
        [socket] es un socket
       *[other] no es un archivo normal
    })
problems-edit-too-big = { $path } pasa de 16 MiB; dropwatch solo edita una configuración que una persona podría escribir
problems-edit-invalid = la configuración no cargaría, así que no se cambió: { $error }
