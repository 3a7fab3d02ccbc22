//! The letter's review state, derived from its record and its findings, and the audit
//! entries for changes of state and for exports.

use crate::{Store, StoreError, audit};
use candor_core::checks::{RuleSet, TextFindings};
use candor_core::review::{ReviewFacts, ReviewStatus, review_status};
use candor_core::{LetterState, SectionKey};
use rusqlite::params;

impl Store {
    /// The letter's review status, derived now from its approvals, comments, dismissals
    /// and the open error-level findings under `rules`; a change of state is written to
    /// the audit log.
    pub fn review_status(
        &mut self,
        id: i64,
        rules: &RuleSet,
        by: &str,
    ) -> Result<ReviewStatus, StoreError> {
        let findings = self.letter_findings(id, rules)?;
        self.review_status_from(id, &findings, by)
    }

    /// Every text's findings under `rules`, without the dismissed ones.
    pub fn letter_findings(
        &self,
        id: i64,
        rules: &RuleSet,
    ) -> Result<Vec<TextFindings>, StoreError> {
        let incident = self.incident(id)?;
        let dismissals = self.dismissals(id)?;
        let dismissed = |s: SectionKey, v: candor_core::View, rule: &str, text: &str| {
            dismissals.iter().any(|d| d.covers(s, v, rule, text))
        };
        Ok(candor_core::checks::incident::letter_findings(
            rules, &incident, &dismissed,
        ))
    }

    /// The review status given findings already made, so a caller that shows the
    /// findings does not check the letter twice.
    pub fn review_status_from(
        &mut self,
        id: i64,
        findings: &[TextFindings],
        by: &str,
    ) -> Result<ReviewStatus, StoreError> {
        let incident = self.incident(id)?;
        let record = self.review_record(id)?;
        let open_errors = findings
            .iter()
            .filter(|t| t.view == candor_core::View::Customer)
            .flat_map(|t| &t.findings)
            .filter(|f| f.level == candor_core::checks::Level::Error)
            .count();
        let skipped = incident.skipped_sections();
        let status = review_status(&ReviewFacts {
            letter: &incident.letter,
            skipped: &skipped,
            required_roles: &record.required_roles,
            approvals: &record.approvals,
            comments: &record.comments,
            open_errors,
            review_requested: record.review_requested,
            published_hash: record.published_hash.as_deref(),
        });
        self.log_state(id, status.state, by, &status.letter_hash)?;
        Ok(status)
    }

    /// Writes a change of the letter's state to the audit log, once.
    pub fn log_state(
        &mut self,
        id: i64,
        state: LetterState,
        by: &str,
        letter_hash: &str,
    ) -> Result<(), StoreError> {
        let key = state.key();
        self.write(|tx| {
            let logged: String = tx.query_row(
                "SELECT logged_state FROM incidents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if logged != key {
                tx.execute(
                    "UPDATE incidents SET logged_state = ?2 WHERE id = ?1",
                    params![id, key],
                )?;
                audit::append(
                    tx,
                    Some(id),
                    by,
                    "state",
                    &format!("{logged} \u{2192} {key}"),
                    letter_hash,
                )?;
            }
            Ok(())
        })
    }

    /// Records a final export of exactly this letter.
    pub fn record_publication(
        &mut self,
        id: i64,
        letter_hash: &str,
        format: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        // The promises it makes are read in the same transaction, so a published letter
        // never lacks them.
        self.atomically(|store| {
            store.write(|tx| {
                tx.execute(
                    "UPDATE incidents SET published_hash = ?2,
                         published_at = coalesce(published_at, ?3) WHERE id = ?1",
                    params![id, letter_hash, crate::time::now_stamp()],
                )?;
                audit::append(tx, Some(id), by, "export final", format, letter_hash)
            })?;
            store.read_promises_of(id, Some(by)).map(|_| ())
        })
    }

    /// Records a draft export, so the log shows what left the machine.
    pub fn record_export(
        &mut self,
        id: i64,
        letter_hash: &str,
        format: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        self.write(|tx| audit::append(tx, Some(id), by, "export draft", format, letter_hash))
    }
}
