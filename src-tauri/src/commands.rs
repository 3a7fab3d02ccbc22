//! The commands the window calls. Each one unpacks its arguments and calls the store.

use crate::AppState;
use candor_core::{
    ErrorBody, FactsDraft, Incident, IncidentFacts, IncidentSummary, SaveReceipt, SectionKey,
    SessionInfo, View,
};
use tauri::State;

type Reply<T> = Result<T, ErrorBody>;

#[tauri::command]
pub fn session_info(state: State<'_, AppState>) -> Reply<SessionInfo> {
    state.with_store(|_| Ok(()))?;
    Ok(SessionInfo {
        database_path: state.database_path.clone(),
        acting_as: state.acting_as.clone(),
    })
}

#[tauri::command]
pub fn list_incidents(state: State<'_, AppState>) -> Reply<Vec<IncidentSummary>> {
    state.with_store(|store| store.list_incidents())
}

#[tauri::command]
pub fn create_incident(state: State<'_, AppState>, title: String, zone: String) -> Reply<Incident> {
    let facts = IncidentFacts {
        zone,
        ..IncidentFacts::titled(title)
    };
    state.with_store(|store| {
        let id = store.create_incident(facts, &state.acting_as)?;
        store.incident(id)
    })
}

#[tauri::command]
pub fn get_incident(state: State<'_, AppState>, id: i64) -> Reply<Incident> {
    state.with_store(|store| store.incident(id))
}

#[tauri::command]
pub fn update_facts(state: State<'_, AppState>, id: i64, draft: FactsDraft) -> Reply<Incident> {
    let facts = draft.into_facts()?;
    state.with_store(|store| {
        store.update_facts(id, facts)?;
        store.incident(id)
    })
}

#[tauri::command]
pub fn save_section(
    state: State<'_, AppState>,
    id: i64,
    section: SectionKey,
    view: View,
    body: String,
) -> Reply<SaveReceipt> {
    state.with_store(|store| store.save_section(id, section, view, &body, &state.acting_as))
}
