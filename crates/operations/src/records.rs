//! The incident's log of what happened and its action items.

use candor_core::log::timeline_markdown;
use candor_core::{ActionItem, ActionItemDraft, LogEntry, LogEntryDraft, NewLogEntry, action};

use crate::{Outcome, Workspace};

impl Workspace {
    pub(crate) fn zone_of(&self, id: i64) -> Outcome<chrono_tz::Tz> {
        Ok(self.store.incident(id)?.facts.time_zone()?)
    }

    pub fn log(&self, id: i64) -> Outcome<Vec<LogEntry>> {
        Ok(self.store.log(id)?)
    }

    pub fn add_log_entry(&mut self, id: i64, draft: LogEntryDraft) -> Outcome<Vec<LogEntry>> {
        let entry = draft.into_entry(self.zone_of(id)?)?;
        self.change(id, |store, _| store.add_log_entry(id, &entry))?;
        self.log(id)
    }

    pub fn update_log_entry(
        &mut self,
        id: i64,
        entry_id: i64,
        draft: LogEntryDraft,
    ) -> Outcome<Vec<LogEntry>> {
        let entry = draft.into_entry(self.zone_of(id)?)?;
        self.change(id, |store, _| store.update_log_entry(id, entry_id, &entry))?;
        self.log(id)
    }

    pub fn delete_log_entry(&mut self, id: i64, entry_id: i64) -> Outcome<Vec<LogEntry>> {
        self.change(id, |store, _| store.delete_log_entry(id, entry_id))?;
        self.log(id)
    }

    /// Adds the previewed entries, all or none.
    pub fn import_log(&mut self, id: i64, entries: &[NewLogEntry]) -> Outcome<Vec<LogEntry>> {
        self.change(id, |store, _| store.import_log(id, entries))?;
        self.log(id)
    }

    /// The log as a Markdown timeline, times in the incident's zone.
    pub fn log_timeline(&self, id: i64) -> Outcome<String> {
        Ok(timeline_markdown(&self.log(id)?, self.zone_of(id)?))
    }

    pub fn actions(&self, id: i64) -> Outcome<Vec<ActionItem>> {
        Ok(self.store.actions(id)?)
    }

    pub fn add_action(&mut self, id: i64, draft: ActionItemDraft) -> Outcome<Vec<ActionItem>> {
        let item = draft.into_item()?;
        self.change(id, |store, _| store.add_action(id, &item))?;
        self.actions(id)
    }

    pub fn update_action(
        &mut self,
        id: i64,
        action_id: i64,
        draft: ActionItemDraft,
    ) -> Outcome<Vec<ActionItem>> {
        let item = draft.into_item()?;
        self.change(id, |store, _| store.update_action(id, action_id, &item))?;
        self.actions(id)
    }

    pub fn delete_action(&mut self, id: i64, action_id: i64) -> Outcome<Vec<ActionItem>> {
        self.change(id, |store, _| store.delete_action(id, action_id))?;
        self.actions(id)
    }

    /// The action items as the "How we're doing better" section would list them.
    pub fn actions_markdown(&self, id: i64) -> Outcome<String> {
        Ok(action::better_markdown(&self.actions(id)?))
    }
}
