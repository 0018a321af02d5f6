card-more-goals = +{ $n } { $count ->
    [one] meta más
   *[other] metas más
}
