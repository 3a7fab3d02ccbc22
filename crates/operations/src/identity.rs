//! Who is acting, decided in one place for the window and the command line: the audit
//! log, the drafter rule and every verdict depend on it.

use candor_core::SessionInfo;
use candor_core::review::Role;
use candor_store::Store;

use crate::{Outcome, Workspace};

/// The setting naming the profile chosen in the window.
pub const PROFILE_SETTING: &str = "profile";

/// `given` (the command line's `--as`), else CANDOR_AS, else the profile saved in the
/// window, else the login name. The flag says whether the run named someone itself.
pub(crate) fn decide(store: &Store, given: Option<String>) -> (String, bool) {
    let named = given
        .or_else(|| std::env::var("CANDOR_AS").ok())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    if let Some(name) = named {
        return (name, true);
    }
    // A profile that cannot be read is not a reason to refuse the run: the login name acts.
    let saved = store.setting(PROFILE_SETTING).ok().flatten();
    (
        saved.unwrap_or_else(candor_store::local_profile_name),
        false,
    )
}

impl Workspace {
    /// Who is acting and what the window needs to know about this database.
    pub fn session(&self) -> Outcome<SessionInfo> {
        let role = self
            .store
            .people()?
            .into_iter()
            .find(|(n, _)| *n == self.actor)
            .map(|(_, r)| r);
        let saved = self.store.setting(PROFILE_SETTING)?.is_some();
        let fingerprint = self
            .store
            .person_keys()?
            .into_iter()
            .find(|k| k.name.eq_ignore_ascii_case(&self.actor))
            .map(|k| k.fingerprint)
            .unwrap_or_default();
        Ok(SessionInfo {
            fingerprint,
            database_path: self.database_path().display().to_string(),
            acting_as: self.actor.clone(),
            role,
            audit_warning: self.store.audit_warning(),
            needs_profile: !saved && !self.actor_given,
        })
    }

    /// Saves the local profile and acts as it from now on. A new name for the saved
    /// profile renames it: the same key, so the same person to every rule, unless the
    /// name is already another local profile's (then this switches to it).
    pub fn set_profile(&mut self, name: &str, role: Role) -> Outcome<SessionInfo> {
        let name = name.trim().to_string();
        let saved = self.store.setting(PROFILE_SETTING)?;
        let switching = self
            .store
            .person_keys()?
            .iter()
            .any(|k| k.local && k.name.eq_ignore_ascii_case(&name));
        self.change_settings(|store, _| {
            if let Some(old) = saved.as_deref().filter(|_| !switching) {
                store.rename_person(old, &name)?;
            }
            store.save_person(&name, role)?;
            // The key is made with the profile, so its fingerprint can be shared at once.
            store.key_for(&name)?;
            store.set_setting(PROFILE_SETTING, &name)
        })?;
        self.actor = name;
        self.actor_given = false;
        self.session()
    }
}
