//! Profiles, review mode, review packages, and the promises published letters made.

use crate::ipc::workspace_commands;
use candor_core::SectionKey;
use candor_core::SessionInfo;
use candor_core::promise::{Promise, PromiseStatus};
use candor_core::review::{ImportOutcome, PackageKey, ReviewStatus, Role, Verdict};

workspace_commands! {
    fn set_profile(name: String, role: Role) -> SessionInfo = |w| w.set_profile(&name, role);
    fn review_status(id: i64) -> ReviewStatus = |w| w.review_status(id);
    /// What changed since this person last looked at the letter in review; looking now.
    fn look_at_review(id: i64) -> candor_core::history::SinceSeen = |w| w.look_at_review(id);
    fn request_review(id: i64) -> ReviewStatus = |w| w.request_review(id);
    fn record_verdict(
        id: i64,
        section: Option<SectionKey>,
        role: Role,
        verdict: Verdict,
        comment: String,
    ) -> ReviewStatus = |w| w.record_verdict(id, section, role, verdict, &comment);
    fn add_comment(
        id: i64,
        section: Option<SectionKey>,
        body: String,
        parent: Option<String>,
    ) -> ReviewStatus = |w| w.add_comment(id, section, &body, parent.as_deref());
    fn resolve_comment(id: i64, uid: String) -> ReviewStatus = |w| w.resolve_comment(id, &uid);
    fn set_required_roles(id: i64, roles: Vec<Role>) -> ReviewStatus =
        |w| w.set_required_roles(id, &roles);
    /// Writes the review package to the file chosen in the save dialog.
    fn export_package(id: i64, path: String) -> () = |w| {
        candor_operations::write_file(path.as_ref(), &w.export_package(id)?)
    };
    /// Who signed a package the window read, and which keys are new here.
    fn package_keys(text: String) -> Vec<PackageKey> = |w| w.package_keys(&text);
    /// Imports a package whose text the window read from a file the user chose, pinning
    /// the new keys whose fingerprints the user confirmed.
    fn import_package(text: String, trusted: Vec<String>) -> ImportOutcome =
        |w| w.import_package(&text, &trusted);
    /// Every promise published letters made, overdue first.
    fn list_promises(overdue_only: bool) -> Vec<Promise> = |w| w.promises(overdue_only);
    /// The open promises earlier letters made to the customers of this incident's service.
    fn promises_owed(id: i64) -> Vec<Promise> = |w| w.promises_owed(id);
    fn settle_promise(promise_id: i64, status: PromiseStatus, reason: String) -> Promise =
        |w| w.settle_promise(promise_id, status, &reason);
    fn set_promise_due(promise_id: i64, due: String) -> Promise =
        |w| w.set_promise_due(promise_id, &due);
}
