use candor_core::{ErrorBody, ErrorCode, FactsError};
use rusqlite::ErrorCode as Sqlite;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} is not a Candor database or is damaged; Candor left it untouched. Move it aside or choose another file with --db or CANDOR_DB"
    )]
    Corrupt { path: String },
    #[error(
        "{path} was written by a newer Candor (schema {found}; this version reads up to {supported}). Update Candor to open it; the file was left untouched"
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error(
        "Candor cannot open {path}: {reason}. Check that the folder exists and you may write to it, or choose another file with --db or CANDOR_DB"
    )]
    Unavailable { path: String, reason: String },
    #[error("the database is busy in another Candor process; try again in a moment")]
    Busy,
    #[error("there is no incident {0}; `candor incident list` shows the incidents there are")]
    IncidentNotFound(i64),
    #[error("that {0} no longer exists; it may have been deleted")]
    ItemNotFound(&'static str),
    /// Input that breaks a rule other than the facts': the message says which.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Invalid(#[from] FactsError),
    #[error(
        "the text is too long to save ({bytes} bytes; the limit is {limit}); nothing was saved"
    )]
    TextTooLong { bytes: usize, limit: usize },
    /// The text was saved elsewhere since the copy being saved was loaded.
    #[error(
        "the {} text of \"{}\" was changed elsewhere (revision {revision}{}{}) after the copy you edited, so your version was not saved; compare the two and keep one",
        view.key(), section.title(),
        if saved_by.is_empty() { String::new() } else { format!(", saved by {saved_by}") },
        if saved_at.is_empty() { String::new() } else { format!(" at {saved_at}") }
    )]
    Conflict {
        section: candor_core::SectionKey,
        view: candor_core::View,
        revision: i64,
        saved_by: String,
        saved_at: String,
    },
    /// Another Candor app has the file open for writing.
    #[error(
        "Candor is already open on {path} in another window{}. Switch to that window; only one Candor may write to a database at a time",
        if holder.is_empty() { String::new() } else { format!(" ({holder})") }
    )]
    InUse { path: String, holder: String },
    /// A SQLite failure not yet tied to a file; `located` classifies it.
    #[error("the database failed unexpectedly; nothing was saved")]
    Sqlite(#[from] rusqlite::Error),
    /// Something that cannot happen with a file Candor wrote; the detail is for the log.
    #[error("the database failed unexpectedly; nothing was saved")]
    Internal(String),
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Corrupt { .. } => ErrorCode::DatabaseCorrupt,
            StoreError::TooNew { .. } => ErrorCode::DatabaseTooNew,
            StoreError::Unavailable { .. } => ErrorCode::DatabaseUnavailable,
            StoreError::Busy => ErrorCode::DatabaseBusy,
            StoreError::Conflict { .. } => ErrorCode::Conflict,
            StoreError::InUse { .. } => ErrorCode::DatabaseInUse,
            StoreError::IncidentNotFound(_) | StoreError::ItemNotFound(_) => ErrorCode::NotFound,
            StoreError::Refused(_) => ErrorCode::InvalidInput,
            StoreError::Invalid(_) | StoreError::TextTooLong { .. } => ErrorCode::InvalidInput,
            StoreError::Sqlite(_) | StoreError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// What a person is shown. Raw SQLite text stays in `detail` for the log.
    pub fn to_body(&self) -> ErrorBody {
        ErrorBody::new(self.code(), self.to_string())
    }

    /// The underlying cause, for a log line; never for a person.
    pub fn detail(&self) -> Option<String> {
        match self {
            StoreError::Sqlite(e) => Some(e.to_string()),
            StoreError::Internal(d) => Some(d.clone()),
            _ => None,
        }
    }

    pub(crate) fn located(self, path: &Path) -> StoreError {
        let StoreError::Sqlite(e) = self else {
            return self;
        };
        let path = path.display().to_string();
        match e.sqlite_error_code() {
            Some(Sqlite::NotADatabase | Sqlite::DatabaseCorrupt) => StoreError::Corrupt { path },
            Some(Sqlite::DatabaseBusy | Sqlite::DatabaseLocked) => StoreError::Busy,
            Some(Sqlite::CannotOpen) => StoreError::Unavailable {
                path,
                reason: "the file cannot be opened".into(),
            },
            Some(Sqlite::PermissionDenied | Sqlite::ReadOnly) => StoreError::Unavailable {
                path,
                reason: "permission denied".into(),
            },
            Some(Sqlite::DiskFull) => StoreError::Unavailable {
                path,
                reason: "the disk is full".into(),
            },
            Some(Sqlite::SystemIoFailure) => StoreError::Unavailable {
                path,
                reason: "the disk reported an error".into(),
            },
            _ => StoreError::Internal(e.to_string()),
        }
    }
}
