# Texts of `dropwatch bar`: field values and tooltip lines. Field NAMES ({left}) stay English.
bar-left-in-window = { $left } left in the window
bar-anniversary = { $nth } anniversary in { $left }
bar-to-go = { $n } to go
bar-config-kept = ✗ { $error } (showing the last good config)
bar-phase-upcoming = upcoming
bar-phase-imminent = imminent
bar-phase-live = live
bar-phase-released = released
