// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use candor_core::{ErrorCode, FactsError, IncidentFacts, SectionKey, Severity, View};
use candor_store::{SCHEMA_VERSION, Store, StoreError};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    (dir, path)
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn facts(title: &str) -> IncidentFacts {
    IncidentFacts {
        zone: "America/New_York".into(),
        started: Some(utc("2026-10-26T18:00:00Z")),
        resolved: Some(utc("2026-10-26T19:30:00Z")),
        severity: Severity::Sev1,
        regions: vec!["us-east".into()],
        affected_share: Some(64.0),
        ..IncidentFacts::titled(title)
    }
}

fn user_version(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn creates_lists_newest_first_and_reads_back() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let first = store
        .create_incident(facts("Login failures"), "ana")
        .unwrap();
    let second = store
        .create_incident(facts("Checkout down"), "ana")
        .unwrap();
    let list = store.list_incidents().unwrap();
    let ids: Vec<i64> = list.iter().map(|i| i.id).collect();
    assert_eq!(ids, vec![second, first]);
    assert_eq!(list[0].derived.duration_minutes, Some(90));

    let incident = store.incident(first).unwrap();
    assert_eq!(incident.facts, facts("Login failures"));
    assert_eq!(incident.draft.started, "2026-10-26 14:00");
    assert!(incident.letter.summary.customer.is_empty());
}

#[test]
fn section_texts_survive_reopening_and_keep_revisions() {
    let (_dir, path) = temp_db();
    let id = {
        let mut store = Store::open(&path).unwrap();
        let id = store.create_incident(facts("Search slow"), "ana").unwrap();
        let first = store
            .save_section(
                id,
                SectionKey::Summary,
                View::Customer,
                "We were slow.",
                "ana",
            )
            .unwrap();
        assert!(first.changed);
        store
            .save_section(
                id,
                SectionKey::Summary,
                View::Customer,
                "Search was slow.",
                "ben",
            )
            .unwrap();
        let same = store
            .save_section(
                id,
                SectionKey::Summary,
                View::Customer,
                "Search was slow.",
                "ben",
            )
            .unwrap();
        assert!(!same.changed, "saving the same text again writes nothing");
        store
            .save_section(
                id,
                SectionKey::Summary,
                View::Technical,
                "es-3 GC pauses",
                "ana",
            )
            .unwrap();
        id
    };
    let store = Store::open(&path).unwrap();
    let letter = store.incident(id).unwrap().letter;
    assert_eq!(letter.summary.customer, "Search was slow.");
    assert_eq!(letter.summary.technical, "es-3 GC pauses");
    let revisions = store
        .revisions(id, SectionKey::Summary, View::Customer)
        .unwrap();
    let bodies: Vec<(&str, &str)> = revisions
        .iter()
        .map(|r| (r.body.as_str(), r.saved_by.as_str()))
        .collect();
    assert_eq!(
        bodies,
        vec![("We were slow.", "ana"), ("Search was slow.", "ben")]
    );
}

#[test]
fn invalid_facts_are_refused_and_nothing_changes() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.create_incident(facts("Outage"), "ana").unwrap();
    let backwards = IncidentFacts {
        resolved: Some(utc("2026-10-26T17:00:00Z")),
        ..facts("Outage")
    };
    let err = store.update_facts(id, backwards).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(matches!(
        err,
        StoreError::Invalid(FactsError::OutOfOrder { .. })
    ));
    assert_eq!(store.incident(id).unwrap().facts, facts("Outage"));

    let unknown_zone = IncidentFacts {
        zone: "Atlantis/Capital".into(),
        ..facts("Outage")
    };
    assert!(store.create_incident(unknown_zone, "ana").is_err());
    assert_eq!(store.list_incidents().unwrap().len(), 1);
}

#[test]
fn missing_incident_is_not_found() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.incident(42).unwrap_err().code(), ErrorCode::NotFound);
    let err = store
        .save_section(42, SectionKey::Thanks, View::Customer, "Thanks", "ana")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(
        store.update_facts(42, facts("x")).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn oversized_text_is_refused() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.create_incident(facts("Outage"), "ana").unwrap();
    // A 10 MB paste, far past the 1 MB a section may hold.
    let huge = "a".repeat(10 * 1024 * 1024);
    let err = store
        .save_section(id, SectionKey::Details, View::Technical, &huge, "ana")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(
        store
            .incident(id)
            .unwrap()
            .letter
            .details
            .technical
            .is_empty()
    );
}

#[test]
fn new_database_is_wal_with_foreign_keys_and_current_schema() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store.create_incident(facts("Outage"), "ana").unwrap();
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // A text for an incident that does not exist is refused. (That the foreign keys
    // themselves are enforced is tested on the connection, in `open.rs`.)
    let mut store = Store::open(&path).unwrap();
    let err = store
        .save_section(99, SectionKey::Wrong, View::Customer, "x", "ana")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn creates_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/candor.db");
    Store::open(&path).unwrap();
    assert!(path.exists());
}

fn assert_refused_untouched(path: &Path, expected: ErrorCode) {
    let before = std::fs::read(path).unwrap();
    let err = Store::open(path).err().expect("the file must be refused");
    assert_eq!(err.code(), expected, "{err}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "a refused file must not change"
    );
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    assert!(
        !wal.exists(),
        "no write-ahead log is started for a refused file"
    );
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(!message.contains("SQLITE"), "{message}");
}

#[test]
fn refuses_a_file_that_is_not_a_database() {
    let (_dir, path) = temp_db();
    std::fs::write(
        &path,
        b"these are meeting notes, not a database\n".repeat(200),
    )
    .unwrap();
    assert_refused_untouched(&path, ErrorCode::DatabaseCorrupt);
}

#[test]
fn refuses_a_sqlite_file_that_is_not_candors() {
    let (_dir, path) = temp_db();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path, ErrorCode::DatabaseCorrupt);
}

#[test]
fn refuses_a_database_from_a_newer_candor() {
    let (_dir, path) = temp_db();
    Store::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE;").unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path, ErrorCode::DatabaseTooNew);
    let message = Store::open(&path).err().unwrap().to_string();
    assert!(message.contains("newer Candor"), "{message}");
}

#[test]
fn refuses_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open(dir.path()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::DatabaseUnavailable);
}

/// A database written by the first schema upgrades in place and keeps every text.
#[test]
fn upgrades_a_version_1_database() {
    let (_dir, path) = temp_db();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.db");
    std::fs::copy(&fixture, &path).unwrap();
    assert_eq!(user_version(&path), 1);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let incident = store.incident(1).unwrap();
    assert_eq!(incident.facts.title, "Payments delayed");
    assert_eq!(incident.facts.zone, "Europe/Berlin");
    assert_eq!(incident.facts.regions, vec!["eu-central".to_string()]);
    assert_eq!(
        incident.letter.summary.customer,
        "Card payments were delayed for 85 minutes."
    );
    assert_eq!(incident.derived.duration_minutes, Some(85));
    // The upgraded file takes new writes.
    store
        .save_section(1, SectionKey::Thanks, View::Customer, "Thank you.", "ops")
        .unwrap();
    assert_eq!(
        store
            .revisions(1, SectionKey::Summary, View::Customer)
            .unwrap()
            .len(),
        1
    );
}
