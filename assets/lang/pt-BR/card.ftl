card-more-goals = +{ $n } { $count ->
    [one] meta
   *[other] metas
}
