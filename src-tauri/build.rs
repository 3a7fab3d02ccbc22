/// Every command the front end may call; each becomes an `allow-…` permission that the
/// capability file must grant before the window can use it.
const COMMANDS: &[&str] = &[
    "session_info",
    "list_incidents",
    "create_incident",
    "get_incident",
    "update_facts",
    "save_section",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
