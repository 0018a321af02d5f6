card-more-goals = ほか{ $n }件の目標
