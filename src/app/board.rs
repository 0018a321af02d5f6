//! The overview's order, which the keys (the selected row) and the view (the rows) both read:
//! open tracking windows first (least time left first), then those still to open (soonest
//! first), then the closed ones (latest close first); config order among equals.

use super::state::App;

impl App {
    /// Indices into `config.streams` in the overview's order at the app's `now`.
    pub(crate) fn board(&self) -> Vec<usize> {
        let now = self.now;
        let key = |i: usize| {
            let s = &self.config.streams[i];
            if now < s.window_start {
                (1, (s.window_start - now).num_seconds(), i)
            } else if now < s.window_end {
                (0, (s.window_end - now).num_seconds(), i)
            } else {
                (2, -s.window_end.timestamp(), i)
            }
        };
        let mut order: Vec<usize> = (0..self.config.streams.len()).collect();
        order.sort_by_key(|&i| key(i));
        order
    }

    /// The stream on row `row` of the overview.
    pub(crate) fn overview_stream(&self, row: usize) -> Option<usize> {
        self.board().get(row).copied()
    }
}
