//! The incident log: what happened and what was done, as it happened.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LogKind {
    Detection,
    Action,
    Communication,
    Resolution,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LogEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: DateTime<Utc>,
    pub text: String,
    pub author: String,
    pub kind: LogKind,
    /// Marked to be inserted into the summary's timeline.
    pub use_in_letter: bool,
}
