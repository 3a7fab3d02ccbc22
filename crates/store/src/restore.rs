//! Putting one of the database's backups back in its place.

use crate::backup::backups;
use crate::{Store, StoreError};
use rusqlite::MAIN_DB;
use std::path::Path;

impl Store {
    /// Replaces the database with a backup, after backing up what is there now, and
    /// opens the result. The backup must be one of this file's own. When anything fails
    /// before the copy, the database is as it was.
    pub fn restore(&mut self, backup: &Path) -> Result<(), StoreError> {
        let known = backups(&self.path).iter().any(|b| b.path == backup);
        if !known {
            return Err(StoreError::Refused(
                "that file is not one of this database's backups".into(),
            ));
        }
        // The backup must itself be a Candor database this version can read.
        crate::open::check_readable(backup)?;
        self.back_up("before-restore")?;
        let path = self.path.clone();
        // Online restore: copies the backup's pages into the live file inside one
        // transaction, so a crash midway leaves the old database or the new, never a mix.
        self.conn
            .restore(MAIN_DB, backup, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|e| StoreError::from(e).located(&path))?;
        // Opened afresh: an older backup is migrated, and its audit log verified.
        let os_keyring = self.keys.use_os_keyring;
        *self = Store::open(&path)?;
        self.keys.use_os_keyring = os_keyring;
        Ok(())
    }
}
