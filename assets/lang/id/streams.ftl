# The Streams panel, its chart, the rank block and the overview.
