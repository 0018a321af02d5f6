# Texts of the dashboard area (phase 2 fills it).
