//! The domain of Candor, with no I/O: an incident and its facts, the letter with its six
//! sections (each a technical and a customer text), the incident log, action items, the
//! facts derived from them, and the validation that keeps them sane. The store, the CLI and
//! the desktop shell all speak these types; nothing here knows of SQLite, files or Tauri.

pub mod action;
pub mod audit;
pub mod checks;
pub mod error;
pub mod export;
pub mod facts;
pub mod guidance;
pub mod history;
pub mod letter;
pub mod log;
pub mod promise;
pub mod render;
pub mod review;
pub mod section;

pub use action::{ActionError, ActionItem, ActionItemDraft, ActionStatus, NewActionItem};
pub use audit::AuditEntry;
pub use error::{ErrorBody, ErrorCode};
pub use facts::{DerivedFacts, FactsDraft, FactsError, IncidentFacts, PublishClock, Severity};
pub use guidance::{Guidance, Step, StepGuidance};
pub use letter::{
    BackupInfo, Incident, IncidentSummary, Letter, LetterState, LogText, Place, SaveReceipt,
    SectionMark, SectionProgress, SectionState, SectionTexts, SessionInfo, TextRevision,
    section_state,
};
pub use log::{
    ImportFormat, ImportOptions, ImportPreview, ImportProblem, LogEntry, LogEntryDraft, LogError,
    LogKind, NewLogEntry, SuggestedTimes,
};
pub use section::{SectionKey, View};

#[cfg(test)]
mod bindings;
