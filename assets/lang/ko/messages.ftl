# Texts of the messages area (phase 2 fills it).
