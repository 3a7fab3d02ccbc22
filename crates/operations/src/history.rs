//! A section's history: its versions, what any two say differently, and setting a text
//! back to an earlier version, which is itself a new version (history is never rewritten).

use candor_core::history::{Save, SeenChange, SinceSeen, Version, versions};
use candor_core::{SaveReceipt, SectionKey, View};

use crate::{OperationError, Outcome, Workspace};

impl Workspace {
    fn saves(&self, id: i64, section: SectionKey, view: View) -> Outcome<Vec<Save>> {
        Ok(self
            .store
            .revisions(id, section, view)?
            .into_iter()
            .map(|r| Save {
                id: r.id,
                body: r.body,
                saved_at: r.saved_at,
                saved_by: r.saved_by,
                kept: r.kept,
            })
            .collect())
    }

    /// The versions of one text, newest first.
    pub fn history(&self, id: i64, section: SectionKey, view: View) -> Outcome<Vec<Version>> {
        Ok(versions(&self.saves(id, section, view)?))
    }

    /// The text as it was saved in `revision`.
    pub fn version_text(
        &self,
        id: i64,
        section: SectionKey,
        view: View,
        revision: i64,
    ) -> Outcome<String> {
        self.saves(id, section, view)?
            .into_iter()
            .find(|s| s.id == revision)
            .map(|s| s.body)
            .ok_or_else(|| {
                OperationError::Invalid(format!(
                    "\u{201c}{}\u{201d} has no version {revision}; `candor history` lists them",
                    section.title()
                ))
            })
    }

    /// Sets a text back to `revision`, as a new version that says so in the audit log.
    pub fn restore_version(
        &mut self,
        id: i64,
        section: SectionKey,
        view: View,
        revision: i64,
    ) -> Outcome<SaveReceipt> {
        let body = self.version_text(id, section, view, revision)?;
        let receipt = self.change(id, |store, actor| {
            let receipt = store.save_section(id, section, view, &body, actor)?;
            if receipt.changed {
                store.record_restore(id, section, view, revision, actor)?;
            }
            Ok(receipt)
        })?;
        if !receipt.changed {
            return Err(OperationError::Invalid(
                "that version is the text as it stands; nothing to restore".into(),
            ));
        }
        Ok(receipt)
    }
}

impl Workspace {
    /// What changed in each section since the acting person last looked at the letter in
    /// review, and records that they are looking now.
    pub fn look_at_review(&mut self, id: i64) -> Outcome<SinceSeen> {
        let seen_at = self.store.seen_at(id, &self.actor)?;
        let mut changes = Vec::new();
        if let Some(at) = seen_at {
            let then = self.store.customer_texts_at(id, at)?;
            let now = self.store.incident(id)?.letter;
            for key in SectionKey::ALL {
                let (before, after) = (
                    then.section(key).customer.as_str(),
                    now.section(key).customer.as_str(),
                );
                if before != after {
                    changes.push(SeenChange {
                        section: key,
                        diff: candor_core::review::word_diff(before, after),
                    });
                }
            }
        }
        let actor = self.actor.clone();
        self.change_settings(|store, _| store.mark_seen(id, &actor))?;
        Ok(SinceSeen { seen_at, changes })
    }
}
