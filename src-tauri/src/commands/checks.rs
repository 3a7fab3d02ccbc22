//! The inline checks, dismissals, the audit log and the house style guide.

use crate::ipc::workspace_commands;
use candor_core::checks::{Dismissal, Finding, HouseStyle, LetterCheck};
use candor_core::{AuditEntry, SectionKey, View};
use candor_operations::FindingAt;

workspace_commands! {
    fn check_letter(id: i64) -> LetterCheck = |w| w.check_letter(id);
    /// The findings of the text in an editor, before it is saved.
    fn check_text(id: i64, section: SectionKey, view: View, text: String) -> Vec<Finding> =
        |w| w.check_text(id, section, view, &text);
    fn dismiss_finding(
        id: i64,
        section: SectionKey,
        view: View,
        rule: String,
        text: String,
        reason: String,
    ) -> LetterCheck = |w| {
        let finding = FindingAt { section, view, rule: &rule, text: &text };
        w.dismiss_finding(id, finding, &reason)
    };
    fn restore_finding(id: i64, dismissal_id: i64) -> LetterCheck =
        |w| w.restore_finding(id, dismissal_id);
    fn list_dismissals(id: i64) -> Vec<Dismissal> = |w| w.dismissals(id);
    fn audit_log(id: i64) -> Vec<AuditEntry> = |w| w.audit_log(Some(id));
    fn house_style() -> HouseStyle = |w| w.house_style();
    fn save_house_style(style: HouseStyle) -> HouseStyle = |w| w.save_house_style(style);
    fn import_house_style(text: String) -> HouseStyle = |w| w.import_house_style(&text);
    /// Writes the guide to the file chosen in the save dialog.
    fn export_house_style(path: String) -> () = |w| {
        candor_operations::write_file(path.as_ref(), &w.house_style_toml()?)
    };
}
