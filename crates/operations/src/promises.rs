//! The promises published letters made to customers, and settling each one: done, or
//! dropped with a reason, or open again.

use candor_core::promise::{Promise, PromiseStatus};
use chrono::NaiveDate;

use crate::{OperationError, Outcome, Workspace};

/// `open`, `done` or `dropped`, as people type them.
pub fn promise_status(name: &str) -> Outcome<PromiseStatus> {
    name.trim().to_lowercase().parse().map_err(|_| {
        OperationError::Invalid(format!(
            "\u{201c}{name}\u{201d} is not a promise status: use open, done or dropped"
        ))
    })
}

impl Workspace {
    /// Every promise across all letters, overdue first; only the overdue ones when asked.
    pub fn promises(&self, overdue_only: bool) -> Outcome<Vec<Promise>> {
        Ok(self.store.promises(overdue_only)?)
    }

    /// What earlier letters promised the customers of incident `id`'s service and is still
    /// open, as its wizard shows them.
    pub fn promises_owed(&self, id: i64) -> Outcome<Vec<Promise>> {
        Ok(self.store.promises_owed(id)?)
    }

    /// Marks a promise done, dropped (with the reason customers would be given) or open.
    pub fn settle_promise(
        &mut self,
        promise_id: i64,
        status: PromiseStatus,
        reason: &str,
    ) -> Outcome<Promise> {
        self.forget_reads();
        let actor = self.actor.clone();
        Ok(self
            .store
            .settle_promise(promise_id, status, reason, &actor)?)
    }

    /// Corrects when a promise is due; `due` is `YYYY-MM-DD`.
    pub fn set_promise_due(&mut self, promise_id: i64, due: &str) -> Outcome<Promise> {
        let date = NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d").map_err(|_| {
            OperationError::Invalid(format!(
                "\u{201c}{due}\u{201d} is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31"
            ))
        })?;
        self.forget_reads();
        let actor = self.actor.clone();
        Ok(self.store.set_promise_due(promise_id, date, &actor)?)
    }
}
