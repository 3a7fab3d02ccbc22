//! Candor's log: what went wrong underneath a message (the SQLite error behind "the
//! database cannot be written", a clipboard failure), in `candor.log` beside the database,
//! where a user can read it in the window and send it.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where the log is written, for the window's "Log" screen; `None` when it could not be
/// opened (the app then runs without one).
pub struct LogFile(pub Option<PathBuf>);

/// A log that has grown past this is moved to `candor.log.old` at start.
const KEEP_BYTES: u64 = 1024 * 1024;

/// The window shows the end of the log: enough for the last few sessions.
const SHOWN_BYTES: u64 = 64 * 1024;

/// Starts writing the log in `dir`. Failing to is not a reason to stop the app.
pub fn start(dir: &Path) -> LogFile {
    let path = dir.join("candor.log");
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > KEEP_BYTES) {
        let _ = std::fs::rename(&path, dir.join("candor.log.old"));
    }
    let file = std::fs::create_dir_all(dir)
        .and_then(|()| OpenOptions::new().create(true).append(true).open(&path));
    let Ok(file) = file else {
        return LogFile(None);
    };
    let installed = tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_target(false)
        .try_init();
    LogFile(installed.ok().map(|()| path))
}

/// The end of the log, as the window shows it.
pub fn tail(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(SHOWN_BYTES)))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    // Starting mid-file, the first line is usually cut: begin at the next whole one.
    Ok(match (len > SHOWN_BYTES, text.find('\n')) {
        (true, Some(i)) => text[i + 1..].to_string(),
        _ => text.into_owned(),
    })
}
