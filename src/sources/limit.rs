//! How much of an answer a source may read. Its own file because both the command and the URL
//! source read it, and `fetch` imports them both.

/// The most a command may print or a URL may answer: 1 MiB, far beyond any count's page.
pub const LIMIT: u64 = 1 << 20;
