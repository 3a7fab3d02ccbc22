//! The error shape every front end sees: a closed set of codes and a sentence for people.
//! Each crate keeps its own error enum and maps it onto these codes at its edge.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// What the user entered breaks a rule; the message says which.
    InvalidInput,
    /// The incident (or other thing asked for) does not exist.
    NotFound,
    /// The database file is not a Candor database, or is damaged.
    DatabaseCorrupt,
    /// The database was written by a newer Candor.
    DatabaseTooNew,
    /// The database cannot be opened or written (permissions, disk, missing folder).
    DatabaseUnavailable,
    /// Another Candor process holds the database for longer than we wait.
    DatabaseBusy,
    /// Another Candor window has this database open; only one may write to it.
    DatabaseInUse,
    /// The text changed since this copy of it was loaded; nothing was saved.
    Conflict,
    /// Something that should not happen; the message says so and the details go to the log.
    Internal,
}

/// `{code, message}`: what crosses the IPC boundary and what the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ErrorBody {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<crate::FactsError> for ErrorBody {
    fn from(e: crate::FactsError) -> Self {
        ErrorBody::new(ErrorCode::InvalidInput, e.to_string())
    }
}

impl From<crate::LogError> for ErrorBody {
    fn from(e: crate::LogError) -> Self {
        ErrorBody::new(ErrorCode::InvalidInput, e.to_string())
    }
}

impl From<crate::ActionError> for ErrorBody {
    fn from(e: crate::ActionError) -> Self {
        ErrorBody::new(ErrorCode::InvalidInput, e.to_string())
    }
}
