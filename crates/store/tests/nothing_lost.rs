// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Nothing a user writes is lost or silently overwritten: saves based on an old copy are
//! refused, a facts edit changes only the fields it touched, times cannot be in the
//! future, and only one app holds a database.

use candor_core::{ErrorCode, FactsDraft, IncidentFacts, PublishClock, SectionKey, View};
use candor_store::{Store, StoreError, lock_for_app};
use chrono::{DateTime, Duration, Utc};
use std::path::PathBuf;

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    (dir, path)
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn facts() -> IncidentFacts {
    IncidentFacts {
        zone: "America/New_York".into(),
        service: "Checkout".into(),
        started: Some(utc("2026-10-26T18:00:00Z")),
        resolved: Some(utc("2026-10-26T19:30:00Z")),
        affected_share: Some(64.0),
        ..IncidentFacts::titled("Checkout outage")
    }
}

fn revision(store: &Store, id: i64, section: SectionKey, view: View) -> i64 {
    store
        .incident(id)
        .unwrap()
        .revisions
        .iter()
        .find(|r| r.section == section && r.view == view)
        .map_or(0, |r| r.revision)
}

#[test]
fn a_save_based_on_an_old_revision_is_refused_and_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.create_incident(facts(), "ana").unwrap();
    let (s, v) = (SectionKey::Summary, View::Customer);
    assert_eq!(revision(&store, id, s, v), 0);

    let first = store
        .save_section_based_on(id, s, v, "First words.", "ana", Some(0))
        .unwrap();
    assert_eq!(first.revision, 1);
    // Someone else saves on top of revision 1.
    let second = store
        .save_section_based_on(id, s, v, "Ben's newer words.", "ben", Some(1))
        .unwrap();
    assert_eq!(second.revision, 2);

    // Ana's window still thinks revision 1 is stored.
    let err = store
        .save_section_based_on(id, s, v, "Ana's stale copy.", "ana", Some(1))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { revision: 2, .. }),
        "{err}"
    );
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert!(err.to_string().contains("ben"), "{err}");
    let incident = store.incident(id).unwrap();
    assert_eq!(incident.letter.summary.customer, "Ben's newer words.");
    assert_eq!(store.revisions(id, s, v).unwrap().len(), 2);

    // Based on what is stored now, the save goes through.
    let third = store
        .save_section_based_on(id, s, v, "Ana's stale copy.", "ana", Some(2))
        .unwrap();
    assert_eq!(third.revision, 3);
}

#[test]
fn a_facts_edit_saves_only_the_fields_it_changed() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.create_incident(facts(), "ana").unwrap();
    // A form that was opened before the times and zone were entered.
    let stale = FactsDraft {
        title: "Checkout outage".into(),
        zone: "UTC".into(),
        ..FactsDraft::default()
    };
    let edited = FactsDraft {
        affected_share: Some(30.0),
        ..stale.clone()
    };
    store.edit_facts(id, &stale, edited).unwrap();
    let after = store.incident(id).unwrap().facts;
    assert_eq!(after.affected_share, Some(30.0));
    assert_eq!(after.zone, "America/New_York");
    assert_eq!(after.started, facts().started);
    assert_eq!(after.resolved, facts().resolved);
    assert_eq!(after.service, "Checkout");
}

#[test]
fn times_in_the_future_are_refused() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let tomorrow = Utc::now() + Duration::days(1);
    let future = IncidentFacts {
        resolved: Some(tomorrow),
        ..facts()
    };
    let err = store.create_incident(future.clone(), "ana").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("future"), "{err}");
    let id = store.create_incident(facts(), "ana").unwrap();
    assert!(store.update_facts(id, future).is_err());
    assert_eq!(store.incident(id).unwrap().facts.resolved, facts().resolved);
    // A minute of clock difference is allowed.
    let skewed = IncidentFacts {
        resolved: Some(Utc::now() + Duration::seconds(20)),
        started: Some(Utc::now() - Duration::hours(1)),
        ..facts()
    };
    store.update_facts(id, skewed).unwrap();
}

#[test]
fn a_published_letter_stops_the_clock() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.create_incident(facts(), "ana").unwrap();
    assert_eq!(
        store.incident(id).unwrap().derived.publish_clock,
        PublishClock::Overdue
    );
    store.record_publication(id, "abc", "html", "ana").unwrap();
    let derived = store.incident(id).unwrap().derived;
    assert_eq!(derived.publish_clock, PublishClock::Published);
    assert!(derived.hours_to_publish.unwrap() > 24.0);
    let listed = store.list_incidents().unwrap();
    assert_eq!(listed[0].derived.publish_clock, PublishClock::Published);
}

#[test]
fn only_one_app_holds_a_database() {
    let (_dir, path) = temp_db();
    let held = lock_for_app(&path).unwrap();
    let err = lock_for_app(&path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DatabaseInUse);
    assert!(
        err.to_string()
            .contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    drop(held);
    lock_for_app(&path).unwrap();
}

/// A file from before text revisions: each text's revision counts its saved versions, and
/// a published letter's clock stops at its first final export.
#[test]
fn upgrades_a_version_5_database() {
    let (_dir, path) = temp_db();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v5.db");
    std::fs::copy(&fixture, &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(revision(&store, 1, SectionKey::Summary, View::Customer), 3);
    let derived = store.incident(1).unwrap().derived;
    assert_eq!(derived.publish_clock, PublishClock::Published);
    assert_eq!(derived.hours_to_publish, Some(8.0));
    let err = store
        .save_section_based_on(1, SectionKey::Summary, View::Customer, "x", "ops", Some(2))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    store
        .save_section_based_on(1, SectionKey::Summary, View::Customer, "x", "ops", Some(3))
        .unwrap();
}

/// A file from before promises: the published letter's dated step is read once at open,
/// with the publication's date, and opening again reads nothing twice.
#[test]
fn upgrades_a_version_9_database_and_reads_its_published_promises() {
    let (_dir, path) = temp_db();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v9.db");
    std::fs::copy(&fixture, &path).unwrap();
    let store = Store::open(&path).unwrap();
    let promises = store.promises(false).unwrap();
    assert_eq!(promises.len(), 1, "{promises:?}");
    assert_eq!(
        promises[0].text,
        "By the end of March 2027 we will split exports into their own queue."
    );
    assert_eq!(promises[0].due.to_string(), "2027-03-31");
    assert_eq!(
        promises[0].made_at.to_rfc3339(),
        "2026-10-01T10:00:00+00:00"
    );
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.promises(false).unwrap().len(), 1);
}
