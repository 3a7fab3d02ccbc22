// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use candor_core::{ErrorCode, IncidentFacts, SectionKey, View};
use candor_store::{FindingAt, Store};

fn jargon(section: SectionKey, text: &str) -> FindingAt<'_> {
    FindingAt {
        section,
        view: View::Customer,
        rule: "Candor.Jargon",
        text,
    }
}

#[test]
fn dismissals_are_kept_audited_and_restorable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let mut store = Store::open(&path).unwrap();
    let id = store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    let empty = store.dismiss_finding(id, jargon(SectionKey::Summary, "cache"), " ", "ana");
    assert_eq!(empty.unwrap_err().code(), ErrorCode::InvalidInput);
    store
        .dismiss_finding(
            id,
            jargon(SectionKey::Summary, "cache"),
            "Our customers are developers",
            "ana",
        )
        .unwrap();
    let d = store.dismissals(id).unwrap();
    assert_eq!(d.len(), 1);
    assert!(d[0].covers(
        SectionKey::Summary,
        View::Customer,
        "Candor.Jargon",
        "cache"
    ));
    assert!(!d[0].covers(
        SectionKey::Details,
        View::Customer,
        "Candor.Jargon",
        "cache"
    ));
    let log = store.audit_log(Some(id)).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].action, "dismiss finding");
    assert!(log[0].detail.contains("Our customers are developers"));

    store.restore_finding(id, d[0].id, "ben").unwrap();
    assert!(store.dismissals(id).unwrap().is_empty());
    assert_eq!(store.audit_log(Some(id)).unwrap().len(), 2);
    assert_eq!(store.verify_audit_log().unwrap(), None);
}

#[test]
fn the_audit_log_refuses_edits_and_detects_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let mut store = Store::open(&path).unwrap();
    let id = store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    for text in ["cache", "cluster", "node"] {
        store
            .dismiss_finding(id, jargon(SectionKey::Details, text), "fine here", "ana")
            .unwrap();
    }
    drop(store);

    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(
        conn.execute("UPDATE audit_log SET actor = 'mallory'", [])
            .is_err(),
        "the trigger refuses edits"
    );
    assert!(
        conn.execute("DELETE FROM audit_log", []).is_err(),
        "and deletions"
    );
    // Someone with the file and a SQLite shell can drop the triggers; the chain still tells.
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 2;",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    let broken = store
        .verify_audit_log()
        .unwrap()
        .expect("the chain must break");
    assert_eq!(broken.id, 2);
}
