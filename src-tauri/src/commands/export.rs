//! The export dialog, backups, and the commands that reach outside the database: the
//! clipboard and the start-up report.

use crate::ipc::workspace_commands;
use candor_core::export::{Delivery, ExportFormat, ExportPlan, ExportSettings, Exported};
use candor_core::{BackupInfo, ErrorBody, ErrorCode, LogText};
use tauri::State;
use tauri_plugin_clipboard_manager::ClipboardExt;

workspace_commands! {
    fn export_settings() -> ExportSettings = |w| w.export_settings();
    fn save_export_settings(settings: ExportSettings) -> ExportSettings =
        |w| w.save_export_settings(settings);
    /// Renders the export and writes it to the file chosen in the save dialog (with the
    /// signature of a final letter beside it).
    fn export_letter(id: i64, format: ExportFormat, path: String, delivery: Delivery) -> Exported =
        |w| w.export_to(id, format, &delivery, path.as_ref());
    /// The letter as a status page would show it.
    fn status_page_preview(id: i64, format: ExportFormat) -> String =
        |w| w.status_page_preview(id, format);
    /// Whether an export would be final, and the file name the save dialog suggests.
    fn export_plan(id: i64) -> ExportPlan = |w| w.export_plan(id);
    fn list_backups() -> Vec<BackupInfo> = |w| Ok(w.backups());
    fn back_up_now() -> Vec<BackupInfo> = |w| w.back_up_now();
    /// Replaces the database with one of its backups; what was there is backed up first.
    fn restore_backup(path: String) -> Vec<BackupInfo> = |w| w.restore_backup(path.as_ref());
}

/// Puts the letter on the clipboard as e-mail HTML with a plain-text twin.
#[tauri::command(async)]
pub fn copy_for_email(
    app: tauri::AppHandle,
    state: State<'_, crate::AppState>,
    id: i64,
) -> Result<Exported, ErrorBody> {
    let exported = state.with(|w| w.export_email(id))?;
    app.clipboard()
        .write_html(exported.content.clone(), exported.text.clone())
        .map_err(|e| {
            ErrorBody::new(
                ErrorCode::Internal,
                format!("the clipboard could not be written: {e}"),
            )
        })?;
    Ok(exported)
}

/// When `run()` began, to report how long the window took to become usable.
pub struct Started(pub std::time::Instant);

/// The window calls this once its first screen is drawn. With CANDOR_EXIT_WHEN_READY set
/// (the start-up benchmark), Candor reports the time on stderr and quits.
#[tauri::command]
pub fn frontend_ready(app: tauri::AppHandle, started: State<'_, Started>) {
    let ms = started.0.elapsed().as_secs_f64() * 1000.0;
    if std::env::var_os("CANDOR_EXIT_WHEN_READY").is_some() {
        eprintln!("candor: ready after {ms:.1} ms");
        tracing::info!("ready after {ms:.1} ms");
        app.exit(0);
    }
}

/// A word diff from `before` to `after`, for comparing two versions of a text.
#[tauri::command(async)]
pub fn word_diff(before: String, after: String) -> Vec<candor_core::review::DiffSpan> {
    candor_core::review::word_diff(&before, &after)
}

#[tauri::command(async)]
pub fn render_markdown(text: String) -> String {
    candor_core::render::markdown_html(&text)
}

#[tauri::command(async)]
pub fn guidance() -> Result<candor_core::Guidance, ErrorBody> {
    candor_operations::guidance().map_err(ErrorBody::from)
}

/// The end of Candor's log, for the Log screen.
#[tauri::command(async)]
pub fn show_log(log: State<'_, crate::log::LogFile>) -> Result<LogText, ErrorBody> {
    let Some(path) = &log.0 else {
        return Ok(LogText {
            path: String::new(),
            text: String::new(),
        });
    };
    let text = crate::log::tail(path).map_err(|e| {
        ErrorBody::new(
            ErrorCode::Internal,
            format!("the log {} cannot be read: {e}", path.display()),
        )
    })?;
    Ok(LogText {
        path: path.display().to_string(),
        text,
    })
}

/// Puts the end of the log on the clipboard, to paste into a message.
#[tauri::command(async)]
pub fn copy_log(
    app: tauri::AppHandle,
    log: State<'_, crate::log::LogFile>,
) -> Result<(), ErrorBody> {
    let shown = show_log(log)?;
    app.clipboard()
        .write_text(format!("{}\n\n{}", shown.path, shown.text))
        .map_err(|e| {
            ErrorBody::new(
                ErrorCode::Internal,
                format!("the clipboard could not be written: {e}"),
            )
        })
}

/// The commands above that are not declared with `workspace_commands!`.
#[cfg(test)]
pub fn other_signatures(cfg: &ts_rs::Config) -> Vec<crate::ipc::Signature> {
    use crate::ipc::Signature;
    use ts_rs::TS;
    let string = || String::name(cfg);
    vec![
        Signature::of::<Exported>("copy_for_email", vec![("id", i64::name(cfg))], cfg),
        Signature::of::<Exported>(
            "save_pdf",
            vec![("id", i64::name(cfg)), ("path", string())],
            cfg,
        ),
        Signature::of::<()>("frontend_ready", vec![], cfg),
        Signature::of::<Vec<candor_core::review::DiffSpan>>(
            "word_diff",
            vec![("before", string()), ("after", string())],
            cfg,
        ),
        Signature::of::<String>("render_markdown", vec![("text", string())], cfg),
        Signature::of::<candor_core::Guidance>("guidance", vec![], cfg),
        Signature::of::<LogText>("show_log", vec![], cfg),
        Signature::of::<()>("copy_log", vec![], cfg),
    ]
}
