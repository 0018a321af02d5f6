# Share cards. Numbers come formatted ($n); $count only picks the plural form.
card-more-goals = +{ $n } more { $count ->
    [one] goal
   *[other] goals
}
