//! The dashboard's small forms as data: what a form is for, its fields, and the change to the
//! config it ends in (the keys that fill one in are in `editing`).

use crate::config::edit::NewEvent;

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// A new event.
    Add,
    /// The event `id`'s name and time.
    Edit {
        /// Its id.
        id: String,
    },
    /// Deleting the event `id`, once confirmed.
    Delete {
        /// Its id.
        id: String,
        /// Its name, for the question.
        name: String,
    },
}

/// One line of a form: its label and what has been typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// e.g. "Name".
    pub label: &'static str,
    /// The text typed, or the value it started with.
    pub value: String,
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// What it is for.
    pub kind: FormKind,
    /// Its fields, in order; none for a deletion.
    pub fields: Vec<Field>,
    /// The field being typed into.
    pub focus: usize,
    /// Why the last Enter was refused (by the form, or by the config when it was written).
    pub error: Option<String>,
    /// The edit went to the runtime and its answer is awaited.
    pub saving: bool,
}

/// A change to the config the dashboard asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigEdit {
    /// Append this event.
    Add(NewEvent),
    /// Set the event `id`'s name and `at`.
    Change {
        /// Its id.
        id: String,
        /// The new name.
        name: String,
        /// The new `at`, as the config writes it.
        at: String,
    },
    /// Take the event `id` out (kept in the file as comments).
    Remove {
        /// Its id.
        id: String,
    },
}
