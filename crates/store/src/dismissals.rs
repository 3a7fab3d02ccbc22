//! Findings dismissed with a reason. The text is never changed; the finding is hidden
//! while the same rule matches the same words in the same text.

use crate::time::now_stamp;
use crate::{Store, StoreError, audit, require_incident};
use candor_core::checks::Dismissal;
use candor_core::{SectionKey, View, audit::sha256_hex};
use rusqlite::params;

/// The finding to dismiss: the rule, the words it matched, and where.
#[derive(Debug, Clone, Copy)]
pub struct FindingAt<'a> {
    pub section: SectionKey,
    pub view: View,
    pub rule: &'a str,
    pub text: &'a str,
}

impl Store {
    pub fn dismissals(&self, id: i64) -> Result<Vec<Dismissal>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, section, view, rule, text, reason, dismissed_by, dismissed_at
                 FROM dismissals WHERE incident_id = ?1 ORDER BY id",
            )?;
            let rows = stmt
                .query_map([id], |r| {
                    Ok(Dismissal {
                        id: r.get(0)?,
                        section: r.get(1)?,
                        view: r.get(2)?,
                        rule: r.get(3)?,
                        text: r.get(4)?,
                        reason: r.get(5)?,
                        dismissed_by: r.get(6)?,
                        dismissed_at: r.get(7)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Dismisses a finding with a reason, and records it in the audit log.
    pub fn dismiss_finding(
        &mut self,
        id: i64,
        finding: FindingAt<'_>,
        reason: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        let FindingAt {
            section,
            view,
            rule,
            text,
        } = finding;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::Refused(
                "say why this finding does not apply".into(),
            ));
        }
        self.write(|tx| {
            require_incident(tx, id)?;
            tx.execute(
                "INSERT INTO dismissals (incident_id, section, view, rule, text, reason, dismissed_by, dismissed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (incident_id, section, view, rule, text)
                 DO UPDATE SET reason = excluded.reason, dismissed_by = excluded.dismissed_by,
                               dismissed_at = excluded.dismissed_at",
                params![id, section.key(), view.key(), rule, text, reason, by, now_stamp()],
            )?;
            let detail = format!("{rule} on \u{201c}{text}\u{201d} in {section} ({view}): {reason}");
            audit::append(tx, Some(id), by, "dismiss finding", &detail, &sha256_hex(text))
        })
    }

    /// Brings a dismissed finding back.
    pub fn restore_finding(
        &mut self,
        id: i64,
        dismissal_id: i64,
        by: &str,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let text: Option<(String, String)> = tx
                .query_row(
                    "SELECT rule, text FROM dismissals WHERE incident_id = ?1 AND id = ?2",
                    params![id, dismissal_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .ok();
            let Some((rule, text)) = text else {
                return Err(StoreError::ItemNotFound("dismissal"));
            };
            tx.execute("DELETE FROM dismissals WHERE id = ?1", [dismissal_id])?;
            audit::append(
                tx,
                Some(id),
                by,
                "restore finding",
                &format!("{rule} on \u{201c}{text}\u{201d}"),
                &sha256_hex(&text),
            )
        })
    }
}
