//! The commands behind profiles, review mode and review packages.

use crate::AppState;
use candor_core::review::ImportOutcome;
use candor_core::review::{ReviewStatus, Role, Verdict};
use candor_core::{ErrorBody, ErrorCode, SectionKey};
use tauri::State;

type Reply<T> = Result<T, ErrorBody>;

/// The setting naming the local profile.
pub const PROFILE_SETTING: &str = "profile";

pub(crate) fn status(state: &AppState, id: i64) -> Reply<ReviewStatus> {
    let by = state.actor();
    let rules = state.rules_snapshot()?;
    state.with_store(|store| store.review_status(id, &rules, &by))
}

#[tauri::command]
pub fn set_profile(
    state: State<'_, AppState>,
    name: String,
    role: Role,
) -> Reply<candor_core::SessionInfo> {
    let name = name.trim().to_string();
    state.with_store(|store| {
        store.save_person(&name, role)?;
        store.set_setting(PROFILE_SETTING, &name)
    })?;
    state.set_actor(name);
    crate::commands::session(&state)
}

#[tauri::command]
pub fn review_status(state: State<'_, AppState>, id: i64) -> Reply<ReviewStatus> {
    status(&state, id)
}

#[tauri::command]
pub fn request_review(state: State<'_, AppState>, id: i64) -> Reply<ReviewStatus> {
    let by = state.actor();
    state.with_store(|store| store.request_review(id, &by))?;
    status(&state, id)
}

#[tauri::command]
pub fn record_verdict(
    state: State<'_, AppState>,
    id: i64,
    section: Option<SectionKey>,
    role: Role,
    verdict: Verdict,
    comment: String,
) -> Reply<ReviewStatus> {
    let by = state.actor();
    state.with_store(|store| store.record_verdict(id, section, &by, role, verdict, &comment))?;
    status(&state, id)
}

#[tauri::command]
pub fn add_comment(
    state: State<'_, AppState>,
    id: i64,
    section: Option<SectionKey>,
    body: String,
    parent: Option<String>,
) -> Reply<ReviewStatus> {
    let by = state.actor();
    state.with_store(|store| store.add_comment(id, section, &by, &body, parent.as_deref()))?;
    status(&state, id)
}

#[tauri::command]
pub fn resolve_comment(state: State<'_, AppState>, id: i64, uid: String) -> Reply<ReviewStatus> {
    let by = state.actor();
    state.with_store(|store| store.resolve_comment(id, &uid, &by))?;
    status(&state, id)
}

#[tauri::command]
pub fn set_required_roles(
    state: State<'_, AppState>,
    id: i64,
    roles: Vec<Role>,
) -> Reply<ReviewStatus> {
    let by = state.actor();
    state.with_store(|store| store.set_required_roles(id, &roles, &by))?;
    status(&state, id)
}

/// Writes the review package to the file chosen in the save dialog.
#[tauri::command]
pub fn export_package(state: State<'_, AppState>, id: i64, path: String) -> Reply<()> {
    let by = state.actor();
    let text = state.with_store(|store| store.export_package(id, &by))?;
    std::fs::write(&path, text)
        .map_err(|e| ErrorBody::new(ErrorCode::InvalidInput, format!("cannot write {path}: {e}")))
}

/// Imports a package whose text the window read from a file the user chose.
#[tauri::command]
pub fn import_package(state: State<'_, AppState>, text: String) -> Reply<ImportOutcome> {
    let by = state.actor();
    let outcome = state.with_store(|store| store.import_package(&text, &by))?;
    status(&state, outcome.incident_id)?;
    Ok(outcome)
}
