# Texts of the bar area (phase 2 fills it).
