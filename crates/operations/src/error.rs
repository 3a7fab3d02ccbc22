//! Why an operation failed, and how that reads across the IPC boundary and on stderr.

use candor_core::{ErrorBody, ErrorCode};
use candor_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum OperationError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// What the user asked for breaks a rule; the message says which.
    #[error("{0}")]
    Invalid(String),
    /// A file the user chose could not be read or written.
    #[error("cannot {verb} {path}: {reason}")]
    File {
        verb: &'static str,
        path: String,
        reason: String,
    },
    /// The house style stored in the file no longer compiles into rules.
    #[error("the checks cannot run: {0}")]
    Rules(String),
}

impl OperationError {
    pub fn code(&self) -> ErrorCode {
        match self {
            OperationError::Store(e) => e.code(),
            OperationError::Invalid(_) | OperationError::File { .. } => ErrorCode::InvalidInput,
            OperationError::Rules(_) => ErrorCode::Internal,
        }
    }

    pub fn to_body(&self) -> ErrorBody {
        match self {
            OperationError::Store(e) => e.to_body(),
            other => ErrorBody::new(other.code(), other.to_string()),
        }
    }

    /// What went wrong underneath, for the log; never shown as the message.
    pub fn detail(&self) -> Option<String> {
        match self {
            OperationError::Store(e) => e.detail(),
            _ => None,
        }
    }

    pub(crate) fn reading(path: &std::path::Path, e: &std::io::Error) -> Self {
        OperationError::File {
            verb: "read",
            path: path.display().to_string(),
            reason: io_reason(e),
        }
    }

    pub(crate) fn writing(path: &std::path::Path, e: &std::io::Error) -> Self {
        OperationError::File {
            verb: "write",
            path: path.display().to_string(),
            reason: io_reason(e),
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

macro_rules! invalid_from {
    ($($t:ty),*) => {$(
        impl From<$t> for OperationError {
            fn from(e: $t) -> Self {
                OperationError::Invalid(ErrorBody::from(e).message)
            }
        }
    )*};
}
invalid_from!(
    candor_core::FactsError,
    candor_core::LogError,
    candor_core::ActionError
);

impl From<OperationError> for ErrorBody {
    fn from(e: OperationError) -> Self {
        e.to_body()
    }
}
