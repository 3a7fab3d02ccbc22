//! Incidents, their facts, their letter's texts, log and action items.

use crate::ipc::workspace_commands;
use candor_core::history::Version;
use candor_core::{
    ActionItem, ActionItemDraft, FactsDraft, ImportFormat, ImportOptions, ImportPreview, Incident,
    IncidentSummary, LogEntry, LogEntryDraft, NewLogEntry, Place, SaveReceipt, SectionKey,
    SectionMark, SessionInfo, View,
};
use candor_operations::IncidentRequest;

workspace_commands! {
    fn session_info() -> SessionInfo = |w| w.session();
    fn list_incidents(query: String) -> Vec<IncidentSummary> = |w| w.search_incidents(&query);
    fn create_incident(title: String, zone: String) -> Incident = |w| {
        w.create_incident(IncidentRequest { title, zone, ..Default::default() })
    };
    fn get_incident(id: i64) -> Incident = |w| w.incident(id);
    /// `base` is the form as it was shown; only the fields the user changed are saved.
    fn update_facts(id: i64, base: FactsDraft, draft: FactsDraft) -> Incident =
        |w| w.edit_facts(id, &base, draft);
    /// Refused with `conflict` unless the stored text is still at `base_revision`.
    fn save_section(
        id: i64,
        section: SectionKey,
        view: View,
        body: String,
        base_revision: Option<i64>,
    ) -> SaveReceipt = |w| w.save_section(id, section, view, &body, base_revision);
    fn set_section_mark(id: i64, section: SectionKey, mark: SectionMark) -> Incident =
        |w| w.set_section_mark(id, section, &mark);
    fn render_letter(id: i64) -> String = |w| w.letter_html(id);
    fn add_log_entry(id: i64, draft: LogEntryDraft) -> Vec<LogEntry> =
        |w| w.add_log_entry(id, draft);
    fn update_log_entry(id: i64, entry_id: i64, draft: LogEntryDraft) -> Vec<LogEntry> =
        |w| w.update_log_entry(id, entry_id, draft);
    fn delete_log_entry(id: i64, entry_id: i64) -> Vec<LogEntry> =
        |w| w.delete_log_entry(id, entry_id);
    /// Reads an import file's text without storing anything.
    /// What a file the window read would add; with no format, told from the file.
    fn preview_log_import(id: i64, text: String, format: Option<ImportFormat>) -> ImportPreview =
        |w| w.preview_log_import(id, &text, format);
    /// What the file or Slack export (zip or folder) at `path` would add.
    fn preview_log_file(id: i64, path: String, options: ImportOptions) -> ImportPreview =
        |w| w.preview_log_file(id, path.as_ref(), None, options);
    /// The versions of one text, newest first.
    fn history(id: i64, section: SectionKey, view: View) -> Vec<Version> =
        |w| w.history(id, section, view);
    fn version_text(id: i64, section: SectionKey, view: View, revision: i64) -> String =
        |w| w.version_text(id, section, view, revision);
    /// Sets a text back to an earlier version, kept as a new version.
    fn restore_version(id: i64, section: SectionKey, view: View, revision: i64) -> SaveReceipt =
        |w| w.restore_version(id, section, view, revision);
    /// A time typed in the incident's zone, as the instant it names.
    fn incident_time(id: i64, text: String) -> String =
        |w| w.incident_time(id, "the time", &text).map(|t| t.to_rfc3339());
    fn import_log(id: i64, entries: Vec<NewLogEntry>) -> Vec<LogEntry> =
        |w| w.import_log(id, &entries);
    fn log_timeline(id: i64) -> String = |w| w.log_timeline(id);
    fn add_action(id: i64, draft: ActionItemDraft) -> Vec<ActionItem> =
        |w| w.add_action(id, draft);
    fn update_action(id: i64, action_id: i64, draft: ActionItemDraft) -> Vec<ActionItem> =
        |w| w.update_action(id, action_id, draft);
    fn delete_action(id: i64, action_id: i64) -> Vec<ActionItem> =
        |w| w.delete_action(id, action_id);
    fn actions_markdown(id: i64) -> String = |w| w.actions_markdown(id);
    fn remember_place(place: Option<Place>) -> () = |w| w.remember_place(place.as_ref());
    fn last_place() -> Option<Place> = |w| w.last_place();
}

/// Previews a zipped Slack export the window read from a file input (which gives bytes,
/// not a path), sent raw rather than as a JSON array of numbers.
#[tauri::command(async)]
pub fn preview_slack_export(
    state: tauri::State<'_, crate::AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<ImportPreview, candor_core::ErrorBody> {
    let tauri::ipc::InvokeBody::Raw(body) = request.body() else {
        return Err(candor_core::ErrorBody::new(
            candor_core::ErrorCode::InvalidInput,
            "the Slack export did not arrive as a file".to_string(),
        ));
    };
    state.with(|w| w.preview_slack_upload(body))
}
