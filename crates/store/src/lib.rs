//! Candor's persistence: one SQLite file per user holding every incident, letter, revision,
//! log entry and action item. This crate owns the schema and its migrations, the pragmas
//! the file is opened with, and every query; it speaks `candor-core` types to its callers
//! and never lets SQLite's own error text reach them.

mod actions;
mod approval_rule;
mod audit;
mod backup;
mod compact;
mod dismissals;
mod error;
mod export;
mod house;
mod incidents;
mod keys;
mod lock;
mod log;
mod marks;
mod open;
mod package;
mod package_history;
mod package_trust;
mod path;
mod promises;
mod restore;
mod review;
mod search;
mod search_index;
mod seen;
mod settings;
mod state;
mod texts;
mod time;
mod verdicts;

pub use audit::ChainBreak;
pub use backup::{Backup, backup_dir, backups};
pub use compact::Compaction;
pub use dismissals::FindingAt;
pub use error::StoreError;
pub use export::{COMPANY_SETTING, LOGO_SETTING};
pub use keys::{PersonKey, key_dir};
pub use lock::{AppLock, lock_for_app, lock_path};
pub use open::SCHEMA_VERSION;
pub use package::{PACKAGE_FORMAT, ReviewPackage, package_message, read_package};
pub use path::{DB_ENV_VAR, default_db_path, local_profile_name, resolve_db_path};
pub use review::ReviewRecord;
pub use texts::{MAX_TEXT_BYTES, Revision};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// An open Candor database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Where the audit log's hash chain broke, as found when the file was opened.
    audit_break: Option<ChainBreak>,
    /// The private keys of the people acting here, loaded as they sign.
    keys: keys::KeyStore,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, migrating it to the current
    /// schema. A damaged file, a foreign file or one from a newer Candor is refused and
    /// left exactly as it was.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = open::open_database(path)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            audit_break: None,
            keys: keys::KeyStore::beside(path),
        };
        store.audit_break = store.verify_audit_log()?;
        if backup::due(path) && store.holds_data()? {
            store.back_up("daily")?;
            // Once a day, after the backup: old autosaves no kept version needs go.
            store.compact_history(chrono::Utc::now())?;
        }
        // Letters published before promises were kept are read once.
        store.read_unread_promises()?;
        Ok(store)
    }

    /// A sentence for people when the audit log was altered, checked at open.
    pub fn audit_warning(&self) -> Option<String> {
        self.audit_break.as_ref().map(|b| {
            format!(
                "The audit log was altered outside Candor: its history no longer holds together from entry {}. Treat its history as untrustworthy.",
                b.id
            )
        })
    }

    /// What `PRAGMA integrity_check` finds wrong with the file; empty when it is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare("PRAGMA integrity_check")?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows.into_iter().filter(|r| r != "ok").collect())
        })
    }

    fn holds_data(&self) -> Result<bool, StoreError> {
        self.read(|conn| {
            Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM incidents)", [], |r| r.get(0))?)
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Turns a raw SQLite failure into one that names this file, for the caller.
    fn located(&self, e: StoreError) -> StoreError {
        e.located(&self.path)
    }

    /// Runs reads; a SQLite failure comes back classified and naming the file.
    fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        f(&self.conn).map_err(|e| self.located(e))
    }

    /// Runs writes in one transaction: all of them land, or none does. Inside
    /// [`Store::atomically`] it is a savepoint of the enclosing transaction instead.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = (|| {
            if !self.conn.is_autocommit() {
                // The enclosing transaction signs the audit head when it commits.
                let savepoint = self.conn.savepoint()?;
                let value = f(&savepoint)?;
                savepoint.commit()?;
                return Ok(value);
            }
            // Immediate: the write lock is taken first, so a transaction that reads and then
            // writes waits for another writer instead of failing on a stale snapshot.
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            keys::seal(&tx, &mut self.keys)?;
            tx.commit()?;
            Ok(value)
        })();
        result.map_err(|e| self.located(e))
    }

    /// Runs `f` as one transaction: every write it makes (and every audit entry those
    /// writes append) lands together, or none does. A user operation that writes, derives
    /// the letter's state and records both goes through here.
    pub fn atomically<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.located(e.into()))?;
        match f(self).and_then(|value| {
            keys::seal(&self.conn, &mut self.keys).map_err(|e| self.located(e))?;
            Ok(value)
        }) {
            Ok(value) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(value),
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(self.located(e.into()))
                }
            },
            Err(e) => {
                // Nothing of a failed operation stays, whatever part of it failed.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// A number that changes whenever another connection commits to the file, so a
    /// cache of what was read can tell it is out of date without reading it again.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.read(|conn| Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?))
    }
}

/// Fails with `IncidentNotFound` unless incident `id` exists.
fn require_incident(conn: &Connection, id: i64) -> Result<(), StoreError> {
    use rusqlite::OptionalExtension;
    conn.query_row("SELECT 1 FROM incidents WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .ok_or(StoreError::IncidentNotFound(id))
}

/// Marks incident `id` as edited now.
fn touch(conn: &Connection, id: i64, at: &str) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE incidents SET updated_at = ?2 WHERE id = ?1",
        rusqlite::params![id, at],
    )?;
    Ok(())
}
