//! Action items: the follow-up work the `better` section promises.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionItem {
    #[ts(type = "number")]
    pub id: i64,
    pub description: String,
    /// Internal only: never shown in the customer letter.
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}
