//! The append-only audit log, chained by hash.

use crate::time::now_stamp;
use crate::{Store, StoreError};
use candor_core::AuditEntry;
use candor_core::audit::{GENESIS, chain_hash};
use rusqlite::{Connection, OptionalExtension, params};

/// Appends one row, chained to the last.
pub(crate) fn append(
    conn: &Connection,
    incident_id: Option<i64>,
    actor: &str,
    action: &str,
    detail: &str,
    content_hash: &str,
) -> Result<(), StoreError> {
    let prev: String = conn
        .query_row(
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string());
    let at = now_stamp();
    let hash = chain_hash(&prev, incident_id, &at, actor, action, detail, content_hash);
    conn.execute(
        "INSERT INTO audit_log (incident_id, at, actor, action, detail, content_hash, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![incident_id, at, actor, action, detail, content_hash, prev, hash],
    )?;
    Ok(())
}

/// Where the chain first breaks, if it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub id: i64,
}

impl Store {
    /// The audit log of one incident (or all of it), oldest first.
    pub fn audit_log(&self, incident_id: Option<i64>) -> Result<Vec<AuditEntry>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, incident_id, at, actor, action, detail, content_hash, prev_hash, hash
                 FROM audit_log WHERE ?1 IS NULL OR incident_id = ?1 ORDER BY id",
            )?;
            let rows = stmt
                .query_map([incident_id], |r| {
                    Ok(AuditEntry {
                        id: r.get(0)?,
                        incident_id: r.get(1)?,
                        at: r.get(2)?,
                        actor: r.get(3)?,
                        action: r.get(4)?,
                        detail: r.get(5)?,
                        content_hash: r.get(6)?,
                        prev_hash: r.get(7)?,
                        hash: r.get(8)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Recomputes the whole chain; returns the first row whose hash does not follow.
    pub fn verify_audit_log(&self) -> Result<Option<ChainBreak>, StoreError> {
        let mut prev = GENESIS.to_string();
        for e in self.audit_log(None)? {
            let expected = chain_hash(
                &prev,
                e.incident_id,
                &e.at,
                &e.actor,
                &e.action,
                &e.detail,
                &e.content_hash,
            );
            if e.prev_hash != prev || e.hash != expected {
                return Ok(Some(ChainBreak { id: e.id }));
            }
            prev = e.hash;
        }
        // A chain recomputed after a rewrite holds together; the signed head does not.
        Ok(self
            .read(crate::keys::head_break)?
            .map(|id| ChainBreak { id }))
    }
}
