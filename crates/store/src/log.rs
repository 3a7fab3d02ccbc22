//! The incident log.

use crate::time::{now_stamp, parse_stamp, stamp};
use crate::{Store, StoreError, require_incident, touch};
use candor_core::{LogEntry, LogKind, NewLogEntry};
use rusqlite::{Connection, params};

fn kind(s: &str) -> Result<LogKind, StoreError> {
    s.parse::<LogKind>().map_err(StoreError::Internal)
}

fn insert(conn: &Connection, id: i64, e: &NewLogEntry) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO log_entries (incident_id, at, text, author, kind, use_in_letter)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            stamp(e.at),
            e.text,
            e.author,
            e.kind.key(),
            e.use_in_letter
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

impl Store {
    /// The log of incident `id`, in time order.
    pub fn log(&self, id: i64) -> Result<Vec<LogEntry>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, at, text, author, kind, use_in_letter FROM log_entries
                 WHERE incident_id = ?1 ORDER BY at, id",
            )?;
            let rows = stmt
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, bool>(5)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(id, at, text, author, k, use_in_letter)| {
                    Ok(LogEntry {
                        id,
                        at: parse_stamp(&at)?,
                        text,
                        author,
                        kind: kind(&k)?,
                        use_in_letter,
                    })
                })
                .collect()
        })
    }

    pub fn add_log_entry(&mut self, id: i64, entry: &NewLogEntry) -> Result<i64, StoreError> {
        self.write(|tx| {
            require_incident(tx, id)?;
            let entry_id = insert(tx, id, entry)?;
            touch(tx, id, &now_stamp())?;
            Ok(entry_id)
        })
    }

    /// Adds every entry or, if any fails, none.
    pub fn import_log(&mut self, id: i64, entries: &[NewLogEntry]) -> Result<usize, StoreError> {
        self.write(|tx| {
            require_incident(tx, id)?;
            for e in entries {
                insert(tx, id, e)?;
            }
            touch(tx, id, &now_stamp())?;
            Ok(entries.len())
        })
    }

    pub fn update_log_entry(
        &mut self,
        id: i64,
        entry_id: i64,
        entry: &NewLogEntry,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE log_entries SET at = ?3, text = ?4, author = ?5, kind = ?6, use_in_letter = ?7
                 WHERE incident_id = ?1 AND id = ?2",
                params![id, entry_id, stamp(entry.at), entry.text, entry.author, entry.kind.key(), entry.use_in_letter],
            )?;
            if changed == 0 {
                return Err(StoreError::ItemNotFound("log entry"));
            }
            touch(tx, id, &now_stamp())
        })
    }

    pub fn delete_log_entry(&mut self, id: i64, entry_id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            let changed = tx.execute(
                "DELETE FROM log_entries WHERE incident_id = ?1 AND id = ?2",
                params![id, entry_id],
            )?;
            if changed == 0 {
                return Err(StoreError::ItemNotFound("log entry"));
            }
            touch(tx, id, &now_stamp())
        })
    }
}
