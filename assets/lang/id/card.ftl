# Texts of the card area (phase 2 fills it).
