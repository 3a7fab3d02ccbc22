//! The commands behind the backups screen.

use crate::AppState;
use candor_core::{BackupInfo, ErrorBody, ErrorCode};
use std::path::{Path, PathBuf};
use tauri::State;

type Reply<T> = Result<T, ErrorBody>;

fn listed(db: &Path) -> Vec<BackupInfo> {
    candor_store::backups(db)
        .into_iter()
        .map(|b| BackupInfo {
            path: b.path.display().to_string(),
            taken_at: b.taken_at,
            bytes: b.bytes,
        })
        .collect()
}

#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    Ok(listed(Path::new(&state.database_path)))
}

#[tauri::command]
pub fn back_up_now(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    state.with_store(|store| store.back_up("manual"))?;
    Ok(listed(Path::new(&state.database_path)))
}

/// Replaces the database with one of its backups; what was there is backed up first.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> Reply<Vec<BackupInfo>> {
    let mut guard = state.store.lock().map_err(|_| {
        ErrorBody::new(
            ErrorCode::Internal,
            "the database connection was lost; restart Candor",
        )
    })?;
    let placeholder = Err(ErrorBody::new(
        ErrorCode::DatabaseUnavailable,
        "the database is being restored",
    ));
    let current = std::mem::replace(&mut *guard, placeholder);
    let store = current.map_err(|e| e.clone())?;
    let path_of_db = store.path().to_path_buf();
    match store.restore(&PathBuf::from(&path)) {
        Ok(restored) => *guard = Ok(restored),
        Err(e) => {
            // Whatever failed, reopen the file as it is so the window keeps working.
            *guard = candor_store::Store::open(&path_of_db).map_err(|e| e.to_body());
            return Err(e.to_body());
        }
    }
    drop(guard);
    state.reload_derived();
    Ok(listed(Path::new(&state.database_path)))
}
