# Texts of the problems area: what a value typed in the `u` prompt or the `a`/`e` forms gets
# wrong, with what to write instead (`Lang::problem` joins the two), and the refusals of a
# config edit. Each `…-hint` is the fix of the key before it. Times stay in ISO form (the fan
# types them so); quoted input arrives quoted.
problems-joined = { $message }; { $hint }

problems-count-write = type digits (2712345 or 2,712,345) or a short form (2.7M)
problems-count-empty = no count
problems-count-empty-hint = type a count such as 2,712,345 or 2.7M
problems-count-negative = a count cannot be negative
problems-count-negative-hint = { problems-count-write }
problems-count-not-a-count = { $text } is not a count
problems-count-not-a-count-hint = { problems-count-write }
problems-count-not-whole = { $text } is not a whole number
problems-count-not-whole-hint = { problems-count-write }
problems-count-fraction = { $text } is not a whole number of streams
problems-count-fraction-hint = { problems-count-write }
problems-count-too-big = { $text } is larger than the largest count ({ $max })
problems-count-too-big-hint = check the number of digits
problems-count-two-ways = { $text } could be read two ways
problems-count-two-ways-hint = write the whole count: { $one } or { $other }

problems-when-not-a-time = { $text } is not a time
problems-when-not-a-time-hint = write it as an announcement does ("12.05 6PM KST", "Dec 5 18:00", "2026-12-05 18:00", "6:30 pm"), RFC 3339, or relative ("+2h")
problems-when-twice = { $text } gives the date, time or zone twice
problems-when-twice-hint = write one of each, e.g. "12.05 6PM KST"
problems-when-zone-unclear = the zone { $text } may mean more than one offset
problems-when-zone-unclear-hint = write KST, JST, UTC or the IANA name ("America/New_York")
problems-when-not-a-time-of-day = { $text } is not a time of day
problems-when-not-a-time-of-day-hint = write 18:00, 6PM or 6:30 pm
problems-when-not-12-hour = { $text } is not a 12-hour time
problems-when-not-12-hour-hint = write 6PM or 6:30 pm (hours 1 to 12), or 18:00
problems-when-not-a-date = month { $month }, day { $day } is not a date
problems-when-not-a-date-hint = write the month first, as announcements do: 12.05 is 5 December

problems-time-skipped = { $local } does not exist in { $zone }: the clocks skip it for daylight saving time
problems-time-skipped-hint = write { $after } or give an explicit offset (RFC 3339)
problems-time-skipped-offset = { $local } does not exist in { $zone }: the clocks skip it as the zone moved from UTC{ $from } to UTC{ $to }
problems-time-skipped-offset-hint = { problems-time-skipped-hint }
problems-time-twice = { $local } happens twice in { $zone } (the clocks fall back): it is either { $first } or { $second }
problems-time-twice-hint = write the one you mean with its offset
problems-time-twice-offset = { $local } happens twice in { $zone } (the clocks go back as the zone moved from UTC{ $from } to UTC{ $to }): it is either { $first } or { $second }
problems-time-twice-offset-hint = { problems-time-twice-hint }
problems-time-out-of-range = { $text } is out of range
problems-time-out-of-range-hint = write a time between the years { $from } and { $to }

problems-zone-unknown = unknown time zone { $text }
problems-zone-unknown-hint = write an IANA zone name such as "Asia/Seoul", "America/New_York" or "UTC"
problems-zone-unknown-1 = { problems-zone-unknown }
problems-zone-unknown-1-hint = write "{ $zone1 }"
problems-zone-unknown-2 = { problems-zone-unknown }
problems-zone-unknown-2-hint = write "{ $zone1 }" or "{ $zone2 }"
problems-zone-unknown-3 = { problems-zone-unknown }
problems-zone-unknown-3-hint = write "{ $zone1 }" or "{ $zone2 }" or "{ $zone3 }"

problems-duration-not-a-duration = { $text } is not a duration ({ $why })
problems-duration-not-a-duration-hint = write something like "90m", "24h" or "1d 12h"
problems-duration-too-long = { $text } is too long
problems-duration-too-long-hint = write at most 100 years

problems-moment-not-a-time = { $text } is not a time
problems-moment-not-a-time-hint = write RFC 3339 ("2022-04-24T08:00:00Z"), "YYYY-MM-DD HH:MM[:SS] ZONE" ("2022-04-24 17:00 Asia/Seoul") or a relative time ("-2h", "+1d")
problems-moment-abbreviation-2 = { $text } could mean { $zone1 } or { $zone2 }
problems-moment-abbreviation-2-hint = write the IANA name instead
problems-moment-abbreviation-3 = { $text } could mean { $zone1 }, { $zone2 } or { $zone3 }
problems-moment-abbreviation-3-hint = { problems-moment-abbreviation-2-hint }
problems-config-time-not-a-time = { $text } is not a time
problems-config-time-not-a-time-hint = write "YYYY-MM-DD HH:MM" (local time in { $zone }) or RFC 3339 like "2022-04-24T23:00:00+09:00"

# A count the `u` prompt asks to confirm: it disagrees with a reading around it.
problems-conflict-lower = { $count } is lower than the reading before it ({ $other } at { $time })
problems-conflict-higher = { $count } is higher than the reading after it ({ $other } at { $time })

# Refusals of a config edit (the `a`/`e`/`x` forms; `dropwatch add` says them in English).
problems-edit-embedded = this is the embedded default: run `dropwatch init` to have a config to edit
problems-edit-id-taken = an event with id { $id } is already in the config; choose another with --id
problems-edit-id-taken-form = an event with id { $id } is already in the config; choose another name
problems-edit-no-event = no event with id { $id } in the config
problems-edit-not-toml = the config is not valid TOML: { $why }
problems-edit-inline-array = the config writes `{ $key }` as an inline array; dropwatch adds only to [[{ $key }]] tables: write each as its own [[{ $key }]] table
problems-edit-busy = another dropwatch is editing { $path } (it holds { $lock }); try again
problems-edit-lock-unusable = cannot open the lock { $lock }: { $why }
problems-edit-lock-failed = cannot lock { $lock }: { $why }
problems-edit-cannot-read = cannot read { $path }: { $why }
problems-edit-cannot-write = cannot write { $path }: { $why }
problems-edit-not-a-file = { $path } is { $kind ->
        [directory] a directory
        [fifo] a FIFO (named pipe)
        [char-device] a character device
        [block-device] a block device
        [socket] a socket
       *[other] not a regular file
    }, not a file
problems-edit-too-big = { $path } is over 16 MiB; dropwatch edits only a config a person could write
problems-edit-invalid = the config would not load, so it is unchanged: { $error }
