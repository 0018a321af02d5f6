//! What the keys do now: the dashboard, the help overlay, the `u` prompt and what was typed,
//! the overview of every stream, or a form.

/// What the keys do now: one mode at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    /// The dashboard.
    #[default]
    Normal,
    /// The help overlay; the scroll keys move it, any other key closes it.
    Help,
    /// The `u` prompt, typing a count.
    Prompt(Prompt),
    /// A form: adding, changing or deleting an event (`a`, `e`, `x`).
    Form(super::form::Form),
    /// The overview of every stream (`o`), with its selected row.
    Overview(Board),
}

/// The overview's state: which row is selected (rows in the order the view sorts them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Board {
    /// Index of the selected row.
    pub row: usize,
}

/// The inline prompt opened by `u`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    /// Index into `config.streams` of the stream being updated.
    pub stream: usize,
    /// What has been typed.
    pub input: String,
    /// Why the last Enter was refused, or what it asks to confirm.
    pub error: Option<String>,
    /// The last Enter found a count lower than the reading before it or higher than the one
    /// after it: the next Enter of the same input records it all the same.
    pub confirm: bool,
}
