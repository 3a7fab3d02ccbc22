//! Every operation a person can do in Candor, once, for both front ends. The window's
//! commands and the `candor` command line unpack their arguments and call a method of
//! [`Workspace`]; each method decides who is acting, makes the write, derives the
//! letter's state and records both in the audit log in one transaction. Nothing here
//! knows about windows, IPC or terminals; rules about letters live in `candor-core` and
//! SQL in `candor-store`.

mod checks;
mod database;
mod error;
mod export;
mod history;
mod identity;
mod incidents;
mod log_import;
mod promises;
mod publish;
mod records;
mod review;

pub use candor_store::FindingAt;
pub use checks::check_markdown;
pub use database::Soundness;
pub use error::OperationError;
pub use export::{ExportSettings, export_format, signature_path, verify_letter};
pub use identity::PROFILE_SETTING;
pub use incidents::IncidentRequest;
pub use promises::promise_status;
pub use publish::{STATUSPAGE_URL, StatuspageTarget, save_statuspage_key};

use candor_core::checks::{Dismissal, RuleSet, TextFindings};
use candor_core::{Guidance, Incident};
use candor_store::{AppLock, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub type Outcome<T> = Result<T, OperationError>;

/// An open Candor database with what is derived from it: the rules compiled from its
/// house style, who is acting, and the incident the inline checks last read.
pub struct Workspace {
    store: Store,
    /// Built-in rules plus the house style; rebuilt when the guide changes. When the
    /// stored guide does not compile, saving still works and the checks say why not.
    rules: Result<Arc<RuleSet>, String>,
    actor: String,
    /// `--as` or CANDOR_AS named who is acting for this run: the saved profile is not used.
    actor_given: bool,
    /// What the checks of one text need from the store, read once per change of the file
    /// rather than once per keystroke.
    cached: Option<CachedIncident>,
    /// The letter's findings as the last change computed them, so the whole-letter check
    /// the window asks for right after a save does not run every rule a second time.
    checked: Option<CheckedLetter>,
    /// Held by the desktop app for as long as it runs (see `candor_store::lock_for_app`).
    _lock: Option<AppLock>,
}

struct CheckedLetter {
    id: i64,
    data_version: i64,
    texts: Vec<TextFindings>,
}

struct CachedIncident {
    id: i64,
    data_version: i64,
    incident: Arc<Incident>,
    dismissals: Arc<Vec<Dismissal>>,
}

impl Workspace {
    /// Opens the database for the command line: no lock, each save checked on its own.
    /// `acting_as` is `--as`; without it, CANDOR_AS, the saved profile, then the login name.
    pub fn open(path: &Path, acting_as: Option<String>) -> Outcome<Workspace> {
        Self::opened(Store::open(path)?, acting_as, None)
    }

    /// Opens the database for the desktop app, which holds its lock while it runs. The
    /// lock comes first: a file another app has open is not even read.
    pub fn open_exclusive(path: &Path) -> Outcome<Workspace> {
        let lock = candor_store::lock_for_app(path)?;
        Self::opened(Store::open(path)?, None, Some(lock))
    }

    fn opened(
        mut store: Store,
        acting_as: Option<String>,
        lock: Option<AppLock>,
    ) -> Outcome<Workspace> {
        // People's private keys go to the desktop's keyring where there is one, unless
        // CANDOR_KEYRING=off (tests and scratch databases keep theirs beside the file).
        store.use_os_keyring(std::env::var("CANDOR_KEYRING").map_or(true, |v| v != "off"));
        let (actor, actor_given) = identity::decide(&store, acting_as);
        let mut workspace = Workspace {
            rules: Err(String::new()),
            store,
            actor,
            actor_given,
            cached: None,
            checked: None,
            _lock: lock,
        };
        workspace.reload_rules();
        Ok(workspace)
    }

    /// Where the file is, as the user would write it.
    pub fn database_path(&self) -> &Path {
        self.store.path()
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    fn reload_rules(&mut self) {
        self.rules = self
            .store
            .house_style()
            .map_err(|e| e.to_string())
            .and_then(|house| RuleSet::with_house(&house).map_err(|e| e.to_string()))
            .map(Arc::new);
    }

    fn rules(&self) -> Outcome<Arc<RuleSet>> {
        self.rules.clone().map_err(OperationError::Rules)
    }

    /// One change to incident `id`: `f`'s writes, then the letter's state derived from
    /// them (a change of state is written to the audit log), in one transaction.
    fn change<T>(
        &mut self,
        id: i64,
        f: impl FnOnce(&mut Store, &str) -> Result<T, candor_store::StoreError>,
    ) -> Outcome<T> {
        self.forget_reads();
        let rules = self.rules.clone().ok();
        let actor = self.actor.clone();
        let (value, texts) = self.store.atomically(|store| {
            let value = f(store, &actor)?;
            // Without rules the state cannot be derived; the next check that can, does.
            let Some(rules) = rules else {
                return Ok((value, None));
            };
            let texts = store.letter_findings(id, &rules)?;
            store.review_status_from(id, &texts, &actor)?;
            Ok((value, Some(texts)))
        })?;
        if let Some(texts) = texts {
            self.checked = Some(CheckedLetter {
                id,
                data_version: self.store.data_version()?,
                texts,
            });
        }
        Ok(value)
    }

    /// Forgets what was read or checked before a write, so nothing stale is reused.
    fn forget_reads(&mut self) {
        self.cached = None;
        self.checked = None;
    }

    /// The findings the last change computed for letter `id`, while the file is as that
    /// change left it.
    fn checked_findings(&mut self, id: i64) -> Outcome<Option<Vec<TextFindings>>> {
        let version = self.store.data_version()?;
        Ok(match self.checked.take() {
            Some(c) if c.id == id && c.data_version == version => Some(c.texts),
            _ => None,
        })
    }

    /// A write that is not about one incident (settings, the house style, profiles).
    fn change_settings<T>(
        &mut self,
        f: impl FnOnce(&mut Store, &str) -> Result<T, candor_store::StoreError>,
    ) -> Outcome<T> {
        self.forget_reads();
        let actor = self.actor.clone();
        Ok(self.store.atomically(|store| f(store, &actor))?)
    }

    /// The incident and its dismissals, from the cache while the file is unchanged.
    fn cached_incident(&mut self, id: i64) -> Outcome<(Arc<Incident>, Arc<Vec<Dismissal>>)> {
        let version = self.store.data_version()?;
        if let Some(c) = &self.cached
            && c.id == id
            && c.data_version == version
        {
            return Ok((c.incident.clone(), c.dismissals.clone()));
        }
        let incident = Arc::new(self.store.incident(id)?);
        let dismissals = Arc::new(self.store.dismissals(id)?);
        self.cached = Some(CachedIncident {
            id,
            data_version: version,
            incident: incident.clone(),
            dismissals: dismissals.clone(),
        });
        Ok((incident, dismissals))
    }
}

/// The wizard's guidance for each step, as shipped.
pub fn guidance() -> Outcome<Guidance> {
    Guidance::builtin().map_err(|e| OperationError::Rules(e.to_string()))
}

/// The text of a file the user named; it must be UTF-8.
pub fn read_text_file(path: &Path) -> Outcome<String> {
    let bytes = std::fs::read(path).map_err(|e| OperationError::reading(path, &e))?;
    String::from_utf8(bytes).map_err(|_| {
        OperationError::Invalid(format!(
            "{} is not UTF-8 text; save it as UTF-8 and try again",
            path.display()
        ))
    })
}

/// Writes what an operation produced to the file the user chose.
pub fn write_file(path: &Path, content: &str) -> Outcome<()> {
    std::fs::write(path, content).map_err(|e| OperationError::writing(path, &e))
}

/// The database to open: `--db`, else CANDOR_DB, else the user's data folder.
pub fn database_path(explicit: Option<PathBuf>) -> Outcome<PathBuf> {
    Ok(candor_store::resolve_db_path(explicit)?)
}
