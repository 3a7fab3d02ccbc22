//! The Candor desktop shell. It opens the workspace once (holding the database's lock),
//! then each command unpacks its arguments, calls one operation of `candor-operations`,
//! and hands back the result or an `ErrorBody {code, message}`. No domain rule lives here;
//! what belongs here is the window: plugins, the clipboard, and the command list.

mod commands;
mod ipc;
mod log;
mod pdf;

use candor_core::{ErrorBody, ErrorCode};
use candor_operations::Workspace;
use std::path::PathBuf;
use std::sync::Mutex;

/// The open workspace, or why the database could not be opened: the window still starts
/// and shows the reason.
pub struct AppState {
    workspace: Mutex<Result<Workspace, ErrorBody>>,
}

impl AppState {
    fn open(path: Result<PathBuf, candor_operations::OperationError>) -> AppState {
        let opened = path
            .and_then(|path| Workspace::open_exclusive(&path))
            .map_err(|e| {
                tracing::error!(detail = e.detail(), "opening the database failed: {e}");
                e.to_body()
            });
        AppState {
            workspace: Mutex::new(opened),
        }
    }

    /// Runs one operation on the open workspace, or returns why there is none.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> candor_operations::Outcome<T>,
    ) -> Result<T, ErrorBody> {
        let mut guard = self.workspace.lock().map_err(|_| {
            ErrorBody::new(
                ErrorCode::Internal,
                "the database connection was lost; restart Candor",
            )
        })?;
        let workspace = guard.as_mut().map_err(|e| e.clone())?;
        f(workspace).map_err(|e| {
            match e.detail() {
                Some(detail) => tracing::error!(detail, "{e}"),
                None => tracing::info!("refused: {e}"),
            }
            e.to_body()
        })
    }
}

/// `--db PATH` or `--db=PATH` on the app's command line.
fn db_argument() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

pub fn run() {
    let started = std::time::Instant::now();
    // The spelling and grammar checker gets ready while the window starts.
    std::thread::spawn(candor_core::checks::language::warm_up);
    let path = candor_operations::database_path(db_argument());
    let log_file = match path.as_ref().ok().and_then(|p| p.parent()) {
        Some(dir) => log::start(dir),
        None => log::LogFile(None),
    };
    let shown = path.as_ref().map(|p| p.display().to_string());
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        database = shown.as_deref().unwrap_or("none"),
        "Candor starting"
    );
    let state = AppState::open(path);
    let result = tauri::Builder::default()
        // First, so a second start hands over to the running app before building anything.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            use tauri::Manager;
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(state)
        .manage(commands::export::Started(started))
        .manage(log_file)
        .invoke_handler(tauri::generate_handler![
            commands::incidents::session_info,
            commands::incidents::list_incidents,
            commands::incidents::create_incident,
            commands::incidents::get_incident,
            commands::incidents::update_facts,
            commands::incidents::save_section,
            commands::incidents::set_section_mark,
            commands::incidents::render_letter,
            commands::incidents::add_log_entry,
            commands::incidents::update_log_entry,
            commands::incidents::delete_log_entry,
            commands::incidents::preview_log_import,
            commands::incidents::import_log,
            commands::incidents::preview_log_file,
            commands::incidents::incident_time,
            commands::incidents::history,
            commands::incidents::version_text,
            commands::incidents::restore_version,
            commands::incidents::preview_slack_export,
            commands::incidents::log_timeline,
            commands::incidents::add_action,
            commands::incidents::update_action,
            commands::incidents::delete_action,
            commands::incidents::actions_markdown,
            commands::incidents::remember_place,
            commands::incidents::last_place,
            commands::checks::check_letter,
            commands::checks::check_text,
            commands::checks::dismiss_finding,
            commands::checks::restore_finding,
            commands::checks::list_dismissals,
            commands::checks::audit_log,
            commands::checks::house_style,
            commands::checks::save_house_style,
            commands::checks::import_house_style,
            commands::checks::export_house_style,
            commands::review::set_profile,
            commands::review::review_status,
            commands::review::look_at_review,
            commands::review::request_review,
            commands::review::record_verdict,
            commands::review::add_comment,
            commands::review::resolve_comment,
            commands::review::set_required_roles,
            commands::review::export_package,
            commands::review::import_package,
            commands::review::package_keys,
            commands::review::list_promises,
            commands::review::promises_owed,
            commands::review::settle_promise,
            commands::review::set_promise_due,
            commands::export::export_settings,
            commands::export::save_export_settings,
            commands::export::export_letter,
            commands::export::status_page_preview,
            commands::export::export_plan,
            commands::export::list_backups,
            commands::export::back_up_now,
            commands::export::restore_backup,
            commands::export::copy_for_email,
            pdf::save_pdf,
            commands::export::frontend_ready,
            commands::export::word_diff,
            commands::export::render_markdown,
            commands::export::guidance,
            commands::export::show_log,
            commands::export::copy_log,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("the window could not start: {e}");
        eprintln!("candor: the window could not start: {e}");
        std::process::exit(1);
    }
}
