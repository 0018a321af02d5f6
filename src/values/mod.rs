//! Values and time: user-written times and zones, the clock, countdowns, counts, and short
//! texts. Pure: nothing here reads a file or the system clock, but `clock::Clock::System`.

pub mod announce;
pub mod clock;
pub mod countdown;
pub mod numbers;
pub mod problem;
pub(crate) mod text;
pub mod when;
