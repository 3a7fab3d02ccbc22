// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use candor_core::{ErrorCode, IncidentFacts, SectionKey, View};
use candor_store::{Store, backups};

#[test]
fn a_daily_backup_is_taken_and_only_five_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let mut store = Store::open(&path).unwrap();
    assert!(
        backups(&path).is_empty(),
        "an empty database is not backed up"
    );
    store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        backups(&path).len(),
        1,
        "the first open with data takes the daily backup"
    );
    drop(store);
    Store::open(&path).unwrap();
    assert_eq!(backups(&path).len(), 1, "once a day");
    let store = Store::open(&path).unwrap();
    for _ in 0..7 {
        store.back_up("manual").unwrap();
    }
    assert_eq!(backups(&path).len(), 5);
}

#[test]
fn a_backup_restores_and_the_restore_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let mut store = Store::open(&path).unwrap();
    let id = store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    store
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "The good text.",
            "ana",
        )
        .unwrap();
    let good = store.back_up("manual").unwrap();
    store
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "A text written by mistake.",
            "ana",
        )
        .unwrap();

    store.restore(&good).unwrap();
    assert_eq!(
        store.incident(id).unwrap().letter.summary.customer,
        "The good text."
    );
    // What was there before the restore was kept too.
    let before = backups(&path)
        .into_iter()
        .find(|b| b.path.to_string_lossy().contains("before-restore"))
        .unwrap();
    store.restore(&before.path).unwrap();
    assert_eq!(
        store.incident(id).unwrap().letter.summary.customer,
        "A text written by mistake."
    );

    // Only this database's own backups can be restored, and a refusal changes nothing.
    let stranger = dir.path().join("other.db");
    std::fs::write(&stranger, b"not a database").unwrap();
    assert_eq!(
        store.restore(&stranger).err().unwrap().code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        store.incident(id).unwrap().letter.summary.customer,
        "A text written by mistake."
    );
}

#[test]
fn a_migration_is_preceded_by_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.db");
    std::fs::copy(&fixture, &path).unwrap();
    Store::open(&path).unwrap();
    let kept = backups(&path);
    let before = kept
        .iter()
        .find(|b| b.path.to_string_lossy().contains("before-migration"))
        .expect("a backup before migrating");
    let conn = rusqlite::Connection::open(&before.path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, 1,
        "the backup holds the file as it was before the upgrade"
    );
}
