//! One app per database file: the desktop app holds an exclusive lock on a file beside the
//! database for as long as it runs, so a second window on the same file (another build,
//! another user on a shared disk) is refused with a message instead of opening a second
//! writer whose saves would cross the first one's. The command line takes no lock: its
//! saves are checked against the revision they were based on instead.

use crate::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// How long a start waits for a closing window to let go of the database.
const RELEASE_WAIT: std::time::Duration = std::time::Duration::from_secs(3);
const RELEASE_POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// Held while the app runs; dropping it (or the process ending, even by a crash) frees the
/// database for the next app.
#[derive(Debug)]
pub struct AppLock {
    _file: File,
    pub path: PathBuf,
}

/// The lock file that goes with `db`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    db.with_file_name(name)
}

/// Takes the app's lock on `db`, or says who holds it.
pub fn lock_for_app(db: &Path) -> Result<AppLock, StoreError> {
    let path = lock_path(db);
    let unavailable = |e: std::io::Error| StoreError::Unavailable {
        path: db.display().to_string(),
        reason: format!("its lock file {} cannot be opened ({e})", path.display()),
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(unavailable)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(unavailable)?;
    // A window that was just closed may still be letting go of the file: a start right
    // after a quit waits for it briefly instead of being refused.
    let mut waited = std::time::Duration::ZERO;
    let mut attempt = file.try_lock();
    while matches!(attempt, Err(TryLockError::WouldBlock)) && waited < RELEASE_WAIT {
        std::thread::sleep(RELEASE_POLL);
        waited += RELEASE_POLL;
        attempt = file.try_lock();
    }
    match attempt {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            return Err(StoreError::InUse {
                path: db.display().to_string(),
                holder: holder.trim().to_string(),
            });
        }
        Err(TryLockError::Error(e)) => return Err(unavailable(e)),
    }
    // Who holds it, for the message the next app shows; only informative.
    let _ = file.set_len(0);
    let _ = file.seek(SeekFrom::Start(0));
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let _ = match host.trim() {
        "" => write!(file, "process {}", std::process::id()),
        host => write!(file, "process {} on {host}", std::process::id()),
    };
    let _ = file.flush();
    Ok(AppLock { _file: file, path })
}
