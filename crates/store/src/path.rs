use crate::StoreError;
use std::path::PathBuf;

/// Names a database file in place of the default, for the app and the CLI alike.
pub const DB_ENV_VAR: &str = "CANDOR_DB";

/// `candor.db` in the per-user data folder (`~/.local/share/candor` on Linux).
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Candor", "candor")
        .map(|dirs| dirs.data_dir().join("candor.db"))
}

/// The file to open: an explicit `--db`, else `CANDOR_DB`, else the default.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    if let Some(p) = explicit {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os(DB_ENV_VAR).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    default_db_path().ok_or_else(|| StoreError::Unavailable {
        path: "the default database".into(),
        reason: "this system has no per-user data folder".into(),
    })
}

/// Who is acting when nobody says: the login name, until profiles exist.
pub fn local_profile_name() -> String {
    ["CANDOR_AS", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "local".to_string())
}
