//! Review: asking for it, verdicts, comments, the roles a letter needs, and the package
//! that carries a letter to a reviewer on another machine and back.

use candor_core::SectionKey;
use candor_core::review::{ImportOutcome, PackageKey, ReviewStatus, Role, Verdict};

use crate::{Outcome, Workspace};

impl Workspace {
    /// Where the letter stands, derived now (a change of state is written to the log).
    pub fn review_status(&mut self, id: i64) -> Outcome<ReviewStatus> {
        let rules = self.rules()?;
        let actor = self.actor.clone();
        Ok(self
            .store
            .atomically(|store| store.review_status(id, &rules, &actor))?)
    }

    pub fn request_review(&mut self, id: i64) -> Outcome<ReviewStatus> {
        self.change(id, |store, actor| store.request_review(id, actor))?;
        self.review_status(id)
    }

    /// Approves or asks for changes to the letter (`section` None) or one section.
    pub fn record_verdict(
        &mut self,
        id: i64,
        section: Option<SectionKey>,
        role: Role,
        verdict: Verdict,
        comment: &str,
    ) -> Outcome<ReviewStatus> {
        self.change(id, |store, actor| {
            store.record_verdict(id, section, actor, role, verdict, comment)
        })?;
        self.review_status(id)
    }

    pub fn add_comment(
        &mut self,
        id: i64,
        section: Option<SectionKey>,
        body: &str,
        parent: Option<&str>,
    ) -> Outcome<ReviewStatus> {
        self.change(id, |store, actor| {
            store.add_comment(id, section, actor, body, parent)
        })?;
        self.review_status(id)
    }

    pub fn resolve_comment(&mut self, id: i64, uid: &str) -> Outcome<ReviewStatus> {
        self.change(id, |store, actor| store.resolve_comment(id, uid, actor))?;
        self.review_status(id)
    }

    pub fn set_required_roles(&mut self, id: i64, roles: &[Role]) -> Outcome<ReviewStatus> {
        self.change(id, |store, actor| {
            store.set_required_roles(id, roles, actor)
        })?;
        self.review_status(id)
    }

    /// The review package of incident `id`, as the text of its file.
    pub fn export_package(&mut self, id: i64) -> Outcome<String> {
        let actor = self.actor.clone();
        Ok(self.store.export_package(id, &actor)?)
    }

    /// Who signed a package, and which of their keys this file does not know yet.
    pub fn package_keys(&self, text: &str) -> Outcome<Vec<PackageKey>> {
        Ok(self.store.package_keys(text)?)
    }

    /// Merges a review package into this database, pinning the new keys whose
    /// fingerprints the importer confirmed (`trusted`); the letter's state is derived and
    /// logged in the same transaction.
    pub fn import_package(&mut self, text: &str, trusted: &[String]) -> Outcome<ImportOutcome> {
        self.forget_reads();
        let rules = self.rules()?;
        let actor = self.actor.clone();
        Ok(self.store.atomically(|store| {
            let outcome = store.import_package(text, &actor, trusted)?;
            store.review_status(outcome.incident_id, &rules, &actor)?;
            Ok(outcome)
        })?)
    }
}
