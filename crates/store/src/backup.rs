//! Rolling backups of the database file: SQLite's online backup, taken before every
//! migration and once a day, the last five kept in a folder beside the file.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, MAIN_DB};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many backups are kept.
pub const KEEP: usize = 5;
/// How often a backup is taken on open when nothing else asked for one.
pub const DAILY: Duration = Duration::from_secs(24 * 60 * 60);

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Backup {
    pub path: PathBuf,
    pub taken_at: String,
    pub bytes: u64,
}

/// `candor.db` keeps its backups in `candor.db.backups/`.
pub fn backup_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".backups");
    db.with_file_name(name)
}

/// The backups of `db`, newest first.
pub fn backups(db: &Path) -> Vec<Backup> {
    let Ok(entries) = std::fs::read_dir(backup_dir(db)) else {
        return Vec::new();
    };
    let mut out: Vec<Backup> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let taken: DateTime<Utc> = meta.modified().ok()?.into();
            Some(Backup {
                path: e.path(),
                taken_at: taken.to_rfc3339(),
                bytes: meta.len(),
            })
        })
        .collect();
    out.sort_by(|a, b| b.path.cmp(&a.path));
    out
}

/// Copies the open database into a new file in the backup folder, then keeps the newest
/// five. `why` goes into the file name (`before-migration`, `daily`, `before-restore`).
pub(crate) fn take(conn: &Connection, db: &Path, why: &str) -> Result<PathBuf, StoreError> {
    let dir = backup_dir(db);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::Unavailable {
        path: dir.display().to_string(),
        reason: format!("the backup folder cannot be created ({e})"),
    })?;
    let stamp = Utc::now().format("%Y%m%d-%H%M%S%.3f");
    let path = dir.join(format!("candor-{stamp}-{why}.db"));
    conn.backup(MAIN_DB, &path, None::<fn(rusqlite::backup::Progress)>)?;
    let all = backups(db);
    for old in all.iter().skip(KEEP) {
        let _ = std::fs::remove_file(&old.path);
    }
    Ok(path)
}

/// Whether the newest backup is older than a day (or there is none).
pub(crate) fn due(db: &Path) -> bool {
    match backups(db)
        .first()
        .and_then(|b| std::fs::metadata(&b.path).ok()?.modified().ok())
    {
        None => true,
        Some(t) => t.elapsed().map_or(true, |age| age > DAILY),
    }
}

impl Store {
    /// Takes a backup now.
    pub fn back_up(&self, why: &str) -> Result<PathBuf, StoreError> {
        take(&self.conn, &self.path, why).map_err(|e| self.located(e))
    }
}
