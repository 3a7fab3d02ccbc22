//! Compacting old autosaves (`candor_core::history::kept` decides which): the history
//! stays readable and small, and no version a person could ask for is lost, nor any text
//! that was approved or sent out.

use crate::time::parse_stamp;
use crate::{Store, StoreError};
use candor_core::history::{Save, kept};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

/// What a compaction did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compaction {
    pub removed: usize,
    pub kept: usize,
    /// Bytes of saved text left in the history.
    pub bytes: i64,
}

/// When each text of incident `id` had to be kept as it stood: every verdict and export,
/// and each reviewer's last look (what they will be shown changes since).
fn pinned(conn: &Connection, id: i64) -> Result<Vec<DateTime<Utc>>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT at FROM approvals WHERE incident_id = ?1
         UNION SELECT at FROM audit_log WHERE incident_id = ?1 AND action LIKE 'export%'
         UNION SELECT at FROM seen WHERE incident_id = ?1",
    )?;
    let stamps = stmt
        .query_map([id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    stamps.iter().map(|s| parse_stamp(s)).collect()
}

impl Store {
    /// Removes the autosaves no kept version needs, in one transaction.
    pub fn compact_history(&mut self, now: DateTime<Utc>) -> Result<Compaction, StoreError> {
        self.write(|tx| {
            let texts: Vec<(i64, String, String)> = tx
                .prepare("SELECT DISTINCT incident_id, section, view FROM section_revisions")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            let mut removed = 0;
            for (id, section, view) in texts {
                let pins = pinned(tx, id)?;
                let rows: Vec<(i64, String, String, String, bool)> = tx
                    .prepare_cached(
                        "SELECT id, body, saved_at, saved_by, kept FROM section_revisions
                         WHERE incident_id = ?1 AND section = ?2 AND view = ?3 ORDER BY id",
                    )?
                    .query_map(params![id, section, view], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })?
                    .collect::<Result<_, _>>()?;
                let saves = rows
                    .into_iter()
                    .map(|(id, body, at, by, kept)| {
                        Ok(Save { id, body, saved_at: parse_stamp(&at)?, saved_by: by, kept })
                    })
                    .collect::<Result<Vec<_>, StoreError>>()?;
                let keep = kept(&saves, &pins, now);
                let mut delete = tx.prepare_cached("DELETE FROM section_revisions WHERE id = ?1")?;
                let mut mark = tx.prepare_cached("UPDATE section_revisions SET kept = 1 WHERE id = ?1")?;
                for s in &saves {
                    if !keep.contains(&s.id) {
                        removed += delete.execute([s.id])?;
                    } else if !s.kept {
                        mark.execute([s.id])?;
                    }
                }
            }
            let (kept, bytes): (i64, i64) = tx.query_row(
                "SELECT count(*), coalesce(sum(length(CAST(body AS BLOB))), 0) FROM section_revisions",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(Compaction { removed, kept: kept as usize, bytes })
        })
    }
}
