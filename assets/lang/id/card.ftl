card-more-goals = +{ $n } target lagi
