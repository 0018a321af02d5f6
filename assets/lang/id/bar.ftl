# Teks `dropwatch bar`. NAMA kolom ({left}) tetap bahasa Inggris.
bar-left-in-window = periode hitung { $left } lagi
bar-anniversary = ulang tahun ke-{ $n } { $left } lagi
bar-to-go = kurang { $n }
bar-config-kept = ✗ { $error } (menampilkan config terakhir yang valid)
bar-phase-upcoming = akan rilis
bar-phase-imminent = segera rilis
bar-phase-live = rilis
bar-phase-released = sudah rilis
