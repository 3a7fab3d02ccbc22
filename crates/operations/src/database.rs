//! Looking after the file itself: backups, restoring one, and its integrity.

use candor_core::BackupInfo;
use std::path::Path;

use crate::{Outcome, Workspace};

/// What `db check` found: empty lists when the file and its audit log are sound.
#[derive(Debug, Clone, Default)]
pub struct Soundness {
    pub integrity_problems: Vec<String>,
    pub audit_warning: Option<String>,
}

impl Soundness {
    pub fn is_sound(&self) -> bool {
        self.integrity_problems.is_empty() && self.audit_warning.is_none()
    }
}

impl Workspace {
    /// The backups kept beside this file, newest first.
    pub fn backups(&self) -> Vec<BackupInfo> {
        candor_store::backups(self.store.path())
            .into_iter()
            .map(|b| BackupInfo {
                path: b.path.display().to_string(),
                taken_at: b.taken_at,
                bytes: b.bytes,
            })
            .collect()
    }

    pub fn back_up_now(&self) -> Outcome<Vec<BackupInfo>> {
        self.store.back_up("manual")?;
        Ok(self.backups())
    }

    /// Replaces the database with one of its backups (what was there is backed up
    /// first), then reads again what was derived from it: the rules and who is acting.
    pub fn restore_backup(&mut self, backup: &Path) -> Outcome<Vec<BackupInfo>> {
        self.forget_reads();
        self.store.restore(backup)?;
        if !self.actor_given {
            (self.actor, self.actor_given) = crate::identity::decide(&self.store, None);
        }
        self.reload_rules();
        Ok(self.backups())
    }

    pub fn soundness(&self) -> Outcome<Soundness> {
        Ok(Soundness {
            integrity_problems: self.store.integrity_problems()?,
            audit_warning: self.store.audit_warning(),
        })
    }
}
