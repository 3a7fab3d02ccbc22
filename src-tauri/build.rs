/// Every command the front end may call; each becomes an `allow-…` permission that the
/// capability file must grant before the window can use it.
const COMMANDS: &[&str] = &[
    "session_info",
    "guidance",
    "list_incidents",
    "create_incident",
    "get_incident",
    "update_facts",
    "save_section",
    "set_section_mark",
    "render_markdown",
    "word_diff",
    "render_letter",
    "add_log_entry",
    "update_log_entry",
    "delete_log_entry",
    "preview_log_import",
    "import_log",
    "log_timeline",
    "add_action",
    "update_action",
    "delete_action",
    "actions_markdown",
    "remember_place",
    "last_place",
    "check_letter",
    "check_text",
    "dismiss_finding",
    "restore_finding",
    "list_dismissals",
    "audit_log",
    "house_style",
    "save_house_style",
    "import_house_style",
    "export_house_style",
    "set_profile",
    "review_status",
    "request_review",
    "record_verdict",
    "add_comment",
    "resolve_comment",
    "set_required_roles",
    "export_package",
    "import_package",
    "export_settings",
    "save_export_settings",
    "export_letter",
    "export_plan",
    "copy_for_email",
    "list_backups",
    "back_up_now",
    "restore_backup",
    "frontend_ready",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
