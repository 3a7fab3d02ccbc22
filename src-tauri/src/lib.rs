//! The Candor desktop shell. It opens the store once, then each command unpacks its
//! arguments, calls `candor-core` or `candor-store`, and hands back the result or an
//! `ErrorBody {code, message}`. No domain rule lives here.

mod backups;
mod checks;
mod commands;
mod export;
mod review;

use candor_core::checks::RuleSet;
use candor_core::{ErrorBody, ErrorCode, Guidance};
use candor_store::{Store, local_profile_name, resolve_db_path};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

/// The store, or why it could not be opened: the window still starts and shows the reason.
pub struct AppState {
    store: Mutex<Result<Store, ErrorBody>>,
    /// The built-in rules plus the house style guide; rebuilt when the guide changes.
    rules: RwLock<Result<Arc<RuleSet>, ErrorBody>>,
    /// The wizard's guidance, read and checked once at start.
    guidance: Result<Guidance, ErrorBody>,
    database_path: String,
    /// Who is acting: the local profile, switchable in the window.
    acting_as: RwLock<String>,
    /// Held while the window runs, so no second app writes to the same file.
    _lock: Option<candor_store::AppLock>,
}

impl AppState {
    fn open(explicit: Option<PathBuf>) -> AppState {
        let path = resolve_db_path(explicit);
        let database_path = path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        // The lock comes first: a file another app has open is not even read.
        let opened = path.and_then(|p| {
            let lock = candor_store::lock_for_app(&p)?;
            Ok((Store::open(&p)?, lock))
        });
        let (store, lock) = match opened {
            Ok((store, lock)) => (Ok(store), Some(lock)),
            Err(e) => (Err(e), None),
        };
        let store = store.map_err(|e| {
            if let Some(detail) = e.detail() {
                eprintln!("candor: opening the database failed: {detail}");
            }
            e.to_body()
        });
        let (rules, acting_as) = derived_from(store.as_ref().ok());
        let guidance =
            Guidance::builtin().map_err(|e| ErrorBody::new(ErrorCode::Internal, e.to_string()));
        AppState {
            store: Mutex::new(store),
            rules: RwLock::new(rules),
            guidance,
            database_path,
            acting_as: RwLock::new(acting_as),
            _lock: lock,
        }
    }

    /// After the file was replaced (a restore), what was read from it at start is read
    /// again: the rules with its house style, and who is acting.
    fn reload_derived(&self) {
        let derived = self
            .store
            .lock()
            .ok()
            .map(|guard| derived_from(guard.as_ref().ok()));
        if let Some((rules, acting_as)) = derived {
            if let Ok(mut guard) = self.rules.write() {
                *guard = rules;
            }
            self.set_actor(acting_as);
        }
    }

    /// Runs `f` on the open store, or returns why there is none.
    fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, candor_store::StoreError>,
    ) -> Result<T, ErrorBody> {
        let mut guard = self.store.lock().map_err(|_| {
            ErrorBody::new(
                ErrorCode::Internal,
                "the database connection was lost; restart Candor",
            )
        })?;
        let store = guard.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(|e| {
            if let Some(detail) = e.detail() {
                eprintln!("candor: {detail}");
            }
            e.to_body()
        })
    }
}

impl AppState {
    /// Runs `f` with the current rules.
    fn with_rules<T>(
        &self,
        f: impl FnOnce(&RuleSet) -> Result<T, ErrorBody>,
    ) -> Result<T, ErrorBody> {
        let rules = self.rules_snapshot()?;
        f(&rules)
    }

    /// The current rules, shared: compiled once at start and again only when the house
    /// style changes.
    fn rules_snapshot(&self) -> Result<Arc<RuleSet>, ErrorBody> {
        let guard = self.rules.read().map_err(|_| {
            ErrorBody::new(
                ErrorCode::Internal,
                "the checks stopped working; restart Candor",
            )
        })?;
        guard.clone()
    }

    fn actor(&self) -> String {
        self.acting_as.read().map(|a| a.clone()).unwrap_or_default()
    }

    fn set_actor(&self, name: String) {
        if let Ok(mut a) = self.acting_as.write() {
            *a = name;
        }
    }

    fn replace_rules(&self, rules: Arc<RuleSet>) {
        if let Ok(mut guard) = self.rules.write() {
            *guard = Ok(rules);
        }
    }
}

/// What the app reads from the database once: the rules with its house style, and the
/// profile chosen in the window (unless CANDOR_AS says who is acting for this run).
fn derived_from(store: Option<&Store>) -> (Result<Arc<RuleSet>, ErrorBody>, String) {
    let house = store.and_then(|s| s.house_style().ok()).unwrap_or_default();
    let rules = checks::rules_for(&house).map(Arc::new);
    let saved_profile = match (store, std::env::var_os("CANDOR_AS")) {
        (Some(s), None) => s.setting(review::PROFILE_SETTING).ok().flatten(),
        _ => None,
    };
    (rules, saved_profile.unwrap_or_else(local_profile_name))
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
    let state = AppState::open(db_argument());
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
        .manage(commands::Started(started))
        .invoke_handler(tauri::generate_handler![
            commands::session_info,
            commands::guidance,
            commands::list_incidents,
            commands::create_incident,
            commands::get_incident,
            commands::update_facts,
            commands::save_section,
            commands::set_section_mark,
            commands::render_markdown,
            commands::word_diff,
            commands::render_letter,
            commands::add_log_entry,
            commands::update_log_entry,
            commands::delete_log_entry,
            commands::preview_log_import,
            commands::import_log,
            commands::log_timeline,
            commands::add_action,
            commands::update_action,
            commands::delete_action,
            commands::actions_markdown,
            commands::remember_place,
            commands::last_place,
            checks::check_letter,
            checks::check_text,
            checks::dismiss_finding,
            checks::restore_finding,
            checks::list_dismissals,
            checks::audit_log,
            checks::house_style,
            checks::save_house_style,
            checks::import_house_style,
            checks::export_house_style,
            review::set_profile,
            review::review_status,
            review::request_review,
            review::record_verdict,
            review::add_comment,
            review::resolve_comment,
            review::set_required_roles,
            review::export_package,
            review::import_package,
            export::export_settings,
            export::save_export_settings,
            export::export_letter,
            export::export_plan,
            export::copy_for_email,
            backups::list_backups,
            backups::back_up_now,
            backups::restore_backup,
            commands::frontend_ready,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("candor: the window could not start: {e}");
        std::process::exit(1);
    }
}
