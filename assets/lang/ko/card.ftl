card-more-goals = 목표 { $n }개 더
