//! Action items: the follow-up work that the `better` section promises.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
}

impl ActionStatus {
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        match s {
            "planned" => Some(ActionStatus::Planned),
            "in_progress" => Some(ActionStatus::InProgress),
            "done" => Some(ActionStatus::Done),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionItem {
    pub id: i64,
    pub description: String,
    /// Internal only: never shown in the customer letter.
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}

/// An action item as the form edits it; `due` is `YYYY-MM-DD` or empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionItemDraft {
    pub description: String,
    pub owner: String,
    pub due: String,
    pub status: ActionStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error("the action item needs a description")]
    NoDescription,
    #[error("\"{0}\" is not a date: use YYYY-MM-DD, e.g. 2026-12-15")]
    BadDate(String),
}

/// A validated action item, not yet stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewActionItem {
    pub description: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}

impl ActionItemDraft {
    pub fn into_item(self) -> Result<NewActionItem, ActionError> {
        let description = self.description.trim().to_string();
        if description.is_empty() {
            return Err(ActionError::NoDescription);
        }
        let due = match self.due.trim() {
            "" => None,
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| ActionError::BadDate(d.to_string()))?,
            ),
        };
        Ok(NewActionItem {
            description,
            owner: self.owner.trim().to_string(),
            due,
            status: self.status,
        })
    }
}

/// The action items as a Markdown list for the customer `better` section: what and by
/// when, never who.
pub fn better_markdown(items: &[ActionItem]) -> String {
    items
        .iter()
        .map(|item| {
            let when = match (item.status, item.due) {
                (ActionStatus::Done, _) => " Done.".to_string(),
                (_, Some(due)) => format!(" By {}.", due.format("%B %-d, %Y")),
                (_, None) => String::new(),
            };
            let description = item.description.trim().trim_end_matches('.');
            format!("- {description}.{when}\n")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn better_list_has_dates_and_no_owners() {
        let items = vec![
            ActionItem {
                id: 1,
                description: "Alert when reminders stop".into(),
                owner: "Priya Raman".into(),
                due: NaiveDate::from_ymd_opt(2026, 12, 15),
                status: ActionStatus::InProgress,
            },
            ActionItem {
                id: 2,
                description: "Release outside clinic hours.".into(),
                owner: "Sam".into(),
                due: None,
                status: ActionStatus::Done,
            },
        ];
        let md = better_markdown(&items);
        assert_eq!(
            md,
            "- Alert when reminders stop. By December 15, 2026.\n- Release outside clinic hours. Done.\n"
        );
        assert!(!md.contains("Priya") && !md.contains("Sam"));
    }

    #[test]
    fn drafts_are_validated() {
        let draft = ActionItemDraft {
            description: " ".into(),
            owner: "".into(),
            due: "".into(),
            status: ActionStatus::Planned,
        };
        assert_eq!(draft.into_item(), Err(ActionError::NoDescription));
        let draft = ActionItemDraft {
            description: "x".into(),
            owner: "".into(),
            due: "next week".into(),
            status: ActionStatus::Planned,
        };
        assert_eq!(
            draft.into_item(),
            Err(ActionError::BadDate("next week".into()))
        );
    }
}
