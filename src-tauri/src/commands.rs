//! The commands the window calls. Each one unpacks its arguments and calls the core or
//! the store; none holds a rule of its own.

use crate::AppState;
use crate::checks::checked_incident;
use candor_core::log::{parse_log_import, timeline_markdown};
use candor_core::{
    ActionItem, ActionItemDraft, ErrorBody, FactsDraft, Guidance, ImportFormat, ImportPreview,
    Incident, IncidentFacts, IncidentSummary, LogEntry, LogEntryDraft, NewLogEntry, Place,
    SaveReceipt, SectionKey, SectionMark, SessionInfo, View, action, render,
};
use tauri::State;

type Reply<T> = Result<T, ErrorBody>;

/// The setting that remembers where the user left off.
const PLACE_SETTING: &str = "last_place";

pub(crate) fn session(state: &AppState) -> Reply<SessionInfo> {
    let acting_as = state.actor();
    let (role, audit_warning, saved) = state.with_store(|store| {
        let role = store
            .people()?
            .into_iter()
            .find(|(n, _)| *n == acting_as)
            .map(|(_, r)| r);
        let saved = store.setting(crate::review::PROFILE_SETTING)?.is_some();
        Ok((role, store.audit_warning(), saved))
    })?;
    // A run started with CANDOR_AS (scripts, tests) has said who is acting.
    let needs_profile = !saved && std::env::var_os("CANDOR_AS").is_none();
    Ok(SessionInfo {
        database_path: state.database_path.clone(),
        acting_as,
        role,
        audit_warning,
        needs_profile,
    })
}

#[tauri::command]
pub fn session_info(state: State<'_, AppState>) -> Reply<SessionInfo> {
    session(&state)
}

#[tauri::command]
pub fn guidance(state: State<'_, AppState>) -> Reply<Guidance> {
    state.guidance.clone()
}

#[tauri::command]
pub fn list_incidents(state: State<'_, AppState>, query: String) -> Reply<Vec<IncidentSummary>> {
    state.with_store(|store| store.search_incidents(&query))
}

#[tauri::command(async)]
pub fn create_incident(state: State<'_, AppState>, title: String, zone: String) -> Reply<Incident> {
    let facts = IncidentFacts {
        zone,
        ..IncidentFacts::titled(title)
    };
    let id = state.with_store(|store| store.create_incident(facts, &state.actor()))?;
    checked_incident(&state, id)
}

#[tauri::command(async)]
pub fn get_incident(state: State<'_, AppState>, id: i64) -> Reply<Incident> {
    checked_incident(&state, id)
}

/// `base` is the form as it was shown; only the fields the user changed from it are saved.
#[tauri::command(async)]
pub fn update_facts(
    state: State<'_, AppState>,
    id: i64,
    base: FactsDraft,
    draft: FactsDraft,
) -> Reply<Incident> {
    state.with_store(|store| store.edit_facts(id, &base, draft))?;
    checked_incident(&state, id)
}

#[tauri::command]
pub fn save_section(
    state: State<'_, AppState>,
    id: i64,
    section: SectionKey,
    view: View,
    body: String,
    base_revision: Option<i64>,
) -> Reply<SaveReceipt> {
    state.with_store(|store| {
        store.save_section_based_on(id, section, view, &body, &state.actor(), base_revision)
    })
}

#[tauri::command(async)]
pub fn set_section_mark(
    state: State<'_, AppState>,
    id: i64,
    section: SectionKey,
    mark: SectionMark,
) -> Reply<Incident> {
    state.with_store(|store| store.set_section_mark(id, section, &mark))?;
    checked_incident(&state, id)
}

/// A word diff from `old` to `new`, for comparing two versions of a text.
#[tauri::command]
pub fn word_diff(old: String, new: String) -> Vec<candor_core::review::DiffSpan> {
    candor_core::review::word_diff(&old, &new)
}

#[tauri::command]
pub fn render_markdown(text: String) -> String {
    render::markdown_html(&text)
}

#[tauri::command(async)]
pub fn render_letter(state: State<'_, AppState>, id: i64) -> Reply<String> {
    state.with_store(|store| {
        let incident = store.incident(id)?;
        let skip: Vec<SectionKey> = incident
            .progress
            .iter()
            .filter(|p| p.mark.not_needed.is_some())
            .map(|p| p.section)
            .collect();
        Ok(render::letter_html(&incident.letter, &skip))
    })
}

fn zone_of(
    store: &candor_store::Store,
    id: i64,
) -> Result<chrono_tz::Tz, candor_store::StoreError> {
    let facts = store.incident(id)?.facts;
    Ok(facts.time_zone()?)
}

#[tauri::command]
pub fn add_log_entry(
    state: State<'_, AppState>,
    id: i64,
    draft: LogEntryDraft,
) -> Reply<Vec<LogEntry>> {
    state.with_store(|store| {
        let entry = draft.into_entry(zone_of(store, id)?).map_err(refused)?;
        store.add_log_entry(id, &entry)?;
        store.log(id)
    })
}

#[tauri::command]
pub fn update_log_entry(
    state: State<'_, AppState>,
    id: i64,
    entry_id: i64,
    draft: LogEntryDraft,
) -> Reply<Vec<LogEntry>> {
    state.with_store(|store| {
        let entry = draft.into_entry(zone_of(store, id)?).map_err(refused)?;
        store.update_log_entry(id, entry_id, &entry)?;
        store.log(id)
    })
}

#[tauri::command]
pub fn delete_log_entry(
    state: State<'_, AppState>,
    id: i64,
    entry_id: i64,
) -> Reply<Vec<LogEntry>> {
    state.with_store(|store| {
        store.delete_log_entry(id, entry_id)?;
        store.log(id)
    })
}

/// Reads an import file's text without storing anything.
#[tauri::command]
pub fn preview_log_import(
    state: State<'_, AppState>,
    id: i64,
    text: String,
    format: ImportFormat,
) -> Reply<ImportPreview> {
    state.with_store(|store| {
        parse_log_import(&text, format, zone_of(store, id)?).map_err(|p| {
            candor_store::StoreError::Refused(format!("line {}: {}", p.line, p.message))
        })
    })
}

#[tauri::command]
pub fn import_log(
    state: State<'_, AppState>,
    id: i64,
    entries: Vec<NewLogEntry>,
) -> Reply<Vec<LogEntry>> {
    state.with_store(|store| {
        store.import_log(id, &entries)?;
        store.log(id)
    })
}

#[tauri::command]
pub fn log_timeline(state: State<'_, AppState>, id: i64) -> Reply<String> {
    state.with_store(|store| Ok(timeline_markdown(&store.log(id)?, zone_of(store, id)?)))
}

#[tauri::command]
pub fn add_action(
    state: State<'_, AppState>,
    id: i64,
    draft: ActionItemDraft,
) -> Reply<Vec<ActionItem>> {
    let item = draft.into_item()?;
    state.with_store(|store| {
        store.add_action(id, &item)?;
        store.actions(id)
    })
}

#[tauri::command]
pub fn update_action(
    state: State<'_, AppState>,
    id: i64,
    action_id: i64,
    draft: ActionItemDraft,
) -> Reply<Vec<ActionItem>> {
    let item = draft.into_item()?;
    state.with_store(|store| {
        store.update_action(id, action_id, &item)?;
        store.actions(id)
    })
}

#[tauri::command]
pub fn delete_action(
    state: State<'_, AppState>,
    id: i64,
    action_id: i64,
) -> Reply<Vec<ActionItem>> {
    state.with_store(|store| {
        store.delete_action(id, action_id)?;
        store.actions(id)
    })
}

#[tauri::command]
pub fn actions_markdown(state: State<'_, AppState>, id: i64) -> Reply<String> {
    state.with_store(|store| Ok(action::better_markdown(&store.actions(id)?)))
}

#[tauri::command]
pub fn remember_place(state: State<'_, AppState>, place: Option<Place>) -> Reply<()> {
    let value = serde_json::to_string(&place).unwrap_or_else(|_| "null".into());
    state.with_store(|store| store.set_setting(PLACE_SETTING, &value))
}

#[tauri::command]
pub fn last_place(state: State<'_, AppState>) -> Reply<Option<Place>> {
    state.with_store(|store| {
        let saved = store.setting(PLACE_SETTING)?;
        // A place that no longer parses is forgotten rather than reported.
        Ok(saved
            .and_then(|s| serde_json::from_str::<Option<Place>>(&s).ok())
            .flatten())
    })
}

fn refused(e: candor_core::LogError) -> candor_store::StoreError {
    candor_store::StoreError::Refused(e.to_string())
}

/// When the process started, to report how long the window took to become usable.
pub struct Started(pub std::time::Instant);

/// The window calls this once its first screen is drawn. With CANDOR_EXIT_WHEN_READY set
/// (the start-up benchmark), Candor reports the time on stderr and quits.
#[tauri::command]
pub fn frontend_ready(app: tauri::AppHandle, started: State<'_, Started>) {
    let ms = started.0.elapsed().as_secs_f64() * 1000.0;
    if std::env::var_os("CANDOR_EXIT_WHEN_READY").is_some() {
        eprintln!("candor: ready after {ms:.1} ms");
        app.exit(0);
    }
}
