//! Candor's persistence: one SQLite file per user holding every incident, letter, revision,
//! log entry and action item. This crate owns the schema and its migrations, the pragmas
//! the file is opened with, and every query; it speaks `candor-core` types to its callers
//! and never lets SQLite's own error text reach them.

mod error;
mod incidents;
mod open;
mod path;

pub use error::StoreError;
pub use incidents::{MAX_TEXT_BYTES, Revision};
pub use open::SCHEMA_VERSION;
pub use path::{DB_ENV_VAR, default_db_path, local_profile_name, resolve_db_path};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// An open Candor database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, migrating it to the current
    /// schema. A damaged file, a foreign file or one from a newer Candor is refused and
    /// left exactly as it was.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = open::open_database(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Turns a raw SQLite failure into one that names this file, for the caller.
    fn located(&self, e: StoreError) -> StoreError {
        e.located(&self.path)
    }
}
