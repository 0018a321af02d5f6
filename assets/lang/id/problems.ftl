# problems: apa yang salah dari nilai yang diketik dan apa yang harus ditulis, dan kenapa
# perubahan konfigurasi ditolak. Waktu tetap dalam ISO.
problems-joined = { $message }; { $hint }

problems-count-write = ketik angka (2712345 atau 2.712.345) atau bentuk singkat (2,7 jt)
problems-count-empty = belum ada angka
problems-count-empty-hint = ketik angka seperti 2.712.345 atau 2,7 jt
problems-count-negative = angka tidak boleh negatif
problems-count-negative-hint = { problems-count-write }
problems-count-not-a-count = { $text } bukan angka
problems-count-not-a-count-hint = { problems-count-write }
problems-count-not-whole = { $text } bukan bilangan bulat
problems-count-not-whole-hint = { problems-count-write }
problems-count-fraction = { $text } bukan jumlah stream yang bulat
problems-count-fraction-hint = { problems-count-write }
problems-count-too-big = { $text } melebihi angka terbesar ({ $max })
problems-count-too-big-hint = cek jumlah digitnya
problems-count-two-ways = { $text } bisa dibaca dua cara
problems-count-two-ways-hint = tulis angka lengkapnya: { $one } atau { $other }

problems-when-not-a-time = { $text } bukan waktu
problems-when-not-a-time-hint = tulis seperti di pengumuman ("12.05 6PM KST", "Dec 5 18:00", "2026-12-05 18:00", "6:30 pm"), RFC 3339, atau relatif ("+2h")
problems-when-twice = { $text } menyebut tanggal, jam, atau zona dua kali
problems-when-twice-hint = tulis masing-masing sekali, mis. "12.05 6PM KST"
problems-when-zone-unclear = zona { $text } bisa berarti lebih dari satu selisih waktu
problems-when-zone-unclear-hint = tulis KST, JST, UTC, atau nama IANA ("America/New_York")
problems-when-not-a-time-of-day = { $text } bukan jam yang valid
problems-when-not-a-time-of-day-hint = tulis 18:00, 6PM, atau 6:30 pm
problems-when-not-12-hour = { $text } bukan jam format 12 jam
problems-when-not-12-hour-hint = tulis 6PM atau 6:30 pm (jam 1 sampai 12), atau 18:00
problems-when-not-a-date = bulan { $month }, tanggal { $day } bukan tanggal yang ada
problems-when-not-a-date-hint = tulis bulan dulu, seperti di pengumuman: 12.05 adalah 5 Desember

problems-time-skipped = { $local } tidak ada di { $zone }: jam dilompati karena waktu musim panas
problems-time-skipped-hint = tulis { $after } atau beri offset eksplisit (RFC 3339)
problems-time-skipped-offset = { $local } tidak ada di { $zone }: jam dilompati karena zona pindah dari UTC{ $from } ke UTC{ $to }
problems-time-skipped-offset-hint = { problems-time-skipped-hint }
problems-time-twice = { $local } terjadi dua kali di { $zone } (jam dimundurkan): bisa { $first } atau { $second }
problems-time-twice-hint = tulis yang kamu maksud beserta offset-nya
problems-time-twice-offset = { $local } terjadi dua kali di { $zone } (jam dimundurkan karena zona pindah dari UTC{ $from } ke UTC{ $to }): bisa { $first } atau { $second }
problems-time-twice-offset-hint = { problems-time-twice-hint }
problems-time-out-of-range = { $text } di luar jangkauan
problems-time-out-of-range-hint = tulis waktu antara tahun { $from } dan { $to }

problems-zone-unknown = zona waktu { $text } tidak dikenal
problems-zone-unknown-hint = tulis nama IANA seperti "Asia/Seoul", "America/New_York", atau "UTC"
problems-zone-unknown-1 = { problems-zone-unknown }
problems-zone-unknown-1-hint = tulis "{ $zone1 }"
problems-zone-unknown-2 = { problems-zone-unknown }
problems-zone-unknown-2-hint = tulis "{ $zone1 }" atau "{ $zone2 }"
problems-zone-unknown-3 = { problems-zone-unknown }
problems-zone-unknown-3-hint = tulis "{ $zone1 }", "{ $zone2 }", atau "{ $zone3 }"

problems-duration-not-a-duration = { $text } bukan durasi ({ $why })
problems-duration-not-a-duration-hint = tulis misalnya "90m", "24h", atau "1d 12h"
problems-duration-too-long = { $text } terlalu lama
problems-duration-too-long-hint = tulis paling lama 100 tahun

problems-moment-not-a-time = { $text } bukan waktu
problems-moment-not-a-time-hint = tulis RFC 3339 ("2022-04-24T08:00:00Z"), "YYYY-MM-DD HH:MM[:SS] ZONA" ("2022-04-24 17:00 Asia/Seoul"), atau waktu relatif ("-2h", "+1d")
problems-moment-abbreviation-2 = { $text } bisa berarti { $zone1 } atau { $zone2 }
problems-moment-abbreviation-2-hint = tulis nama IANA-nya
problems-moment-abbreviation-3 = { $text } bisa berarti { $zone1 }, { $zone2 }, atau { $zone3 }
problems-moment-abbreviation-3-hint = { problems-moment-abbreviation-2-hint }
problems-config-time-not-a-time = { $text } bukan waktu
problems-config-time-not-a-time-hint = tulis "YYYY-MM-DD HH:MM" (waktu lokal { $zone }) atau RFC 3339 seperti "2022-04-24T23:00:00+09:00"

problems-conflict-lower = { $count } lebih rendah dari catatan sebelumnya ({ $other } pada { $time })
problems-conflict-higher = { $count } lebih tinggi dari catatan sesudahnya ({ $other } pada { $time })

problems-edit-embedded = ini konfigurasi bawaan: jalankan `dropwatch init` agar ada konfigurasi untuk diedit
problems-edit-id-taken = acara dengan id { $id } sudah ada di konfigurasi; pilih yang lain dengan --id
problems-edit-id-taken-form = acara dengan id { $id } sudah ada di konfigurasi; pilih nama lain
problems-edit-no-event = tidak ada acara dengan id { $id } di konfigurasi
problems-edit-not-toml = konfigurasi bukan TOML yang valid: { $why }
problems-edit-inline-array = konfigurasi menulis `{ $key }` sebagai array inline; dropwatch hanya menambah ke tabel [[{ $key }]]: tulis masing-masing sebagai tabel [[{ $key }]] sendiri
problems-edit-busy = dropwatch lain sedang mengedit { $path } (memegang { $lock }); coba lagi
problems-edit-lock-unusable = tidak bisa membuka lock { $lock }: { $why }
problems-edit-lock-failed = tidak bisa mengunci { $lock }: { $why }
problems-edit-cannot-read = tidak bisa membaca { $path }: { $why }
problems-edit-cannot-write = tidak bisa menulis { $path }: { $why }
problems-edit-not-a-file = { $path } bukan file ({ $kind ->
        [directory] ini sebuah folder
        [fifo] ini FIFO (named pipe)
        [char-device] ini perangkat karakter
        [block-device] ini perangkat blok
        [socket] ini socket
       *[other] ini bukan file biasa
    })
problems-edit-too-big = { $path } lebih dari 16 MiB; dropwatch hanya mengedit konfigurasi yang bisa ditulis orang
problems-edit-invalid = konfigurasi tidak bisa dimuat, jadi tidak diubah: { $error }
