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
}

impl AppState {
    fn open(explicit: Option<PathBuf>) -> AppState {
        let path = resolve_db_path(explicit);
        let database_path = path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let store = path.and_then(|p| Store::open(&p)).map_err(|e| {
            if let Some(detail) = e.detail() {
                eprintln!("candor: opening the database failed: {detail}");
            }
            e.to_body()
        });
        let house = match &store {
            Ok(s) => s.house_style().unwrap_or_default(),
            Err(_) => Default::default(),
        };
        let rules = RwLock::new(checks::rules_for(&house).map(Arc::new));
        // The profile chosen in the window, unless CANDOR_AS says otherwise for this run.
        let saved_profile = match (&store, std::env::var_os("CANDOR_AS")) {
            (Ok(s), None) => s.setting(review::PROFILE_SETTING).ok().flatten(),
            _ => None,
        };
        let acting_as = saved_profile.unwrap_or_else(local_profile_name);
        let guidance =
            Guidance::builtin().map_err(|e| ErrorBody::new(ErrorCode::Internal, e.to_string()));
        AppState {
            store: Mutex::new(store),
            rules,
            guidance,
            database_path,
            acting_as: RwLock::new(acting_as),
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
    let state = AppState::open(db_argument());
    let result = tauri::Builder::default()
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
