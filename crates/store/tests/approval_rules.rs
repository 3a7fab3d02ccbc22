// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! The ways round an approval that people tried: each is refused, and a refused package
//! changes nothing.

use candor_core::audit::sha256_hex;
use candor_core::review::signature::{Signer, verdict_message};
use candor_core::review::{Approval, Role, Verdict, content_hash, reviewed_content};
use candor_core::{ErrorCode, IncidentFacts, SectionKey, View};
use candor_store::{ReviewPackage, Store, package_message};
use std::path::{Path, PathBuf};

/// Trusts every key a package brings, as an importer who checked the fingerprints would.
fn trust_all(store: &Store, text: &str) -> Vec<String> {
    store
        .package_keys(text)
        .map(|keys| keys.into_iter().map(|k| k.fingerprint).collect())
        .unwrap_or_default()
}

fn store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let store = Store::open(&path).unwrap();
    (dir, path, store)
}

fn in_review(store: &mut Store) -> i64 {
    let id = store
        .create_incident(IncidentFacts::titled("Reminders stopped"), "dana")
        .unwrap();
    for (section, text) in [
        (SectionKey::Summary, "Reminders stopped for three hours."),
        (SectionKey::Thanks, "Thank you for your patience."),
    ] {
        store
            .save_section(id, section, View::Customer, text, "dana")
            .unwrap();
    }
    store.request_review(id, "dana").unwrap();
    id
}

/// What a person sees of the incident: its record, texts and audit log.
fn snapshot(store: &Store, id: i64) -> String {
    format!(
        "{:?}\n{:?}\n{}",
        store.review_record(id).unwrap(),
        store.incident(id).unwrap().letter,
        store.audit_log(Some(id)).unwrap().len()
    )
}

/// The private key `name` signs with in the database at `path`, read from its file.
fn signer(path: &Path, store: &Store, name: &str) -> Signer {
    let key = store
        .person_keys()
        .unwrap()
        .into_iter()
        .find(|k| k.name == name)
        .unwrap();
    let file = candor_store::key_dir(path).join(format!("{}.key", key.public_key));
    Signer::from_secret_hex(&std::fs::read_to_string(file).unwrap()).unwrap()
}

/// The exporter edits their package by hand, recomputes its checksum and signs it again
/// with their own key: only the rules, not the signatures, can stop what they changed.
fn forged(text: &str, by: &Signer, edit: impl FnOnce(&mut ReviewPackage)) -> String {
    let mut package: ReviewPackage = serde_json::from_str(text).unwrap();
    edit(&mut package);
    package.checksum = sha256_hex(&serde_json::to_string(&package.payload).unwrap());
    package.signature = by.sign(&package_message(&package));
    serde_json::to_string(&package).unwrap()
}

#[test]
fn a_package_that_needs_no_role_is_refused_and_changes_nothing() {
    let (_d, path, mut store) = store();
    let id = in_review(&mut store);
    let text = store.export_package(id, "dana").unwrap();
    let before = snapshot(&store, id);
    let dana = signer(&path, &store, "dana");
    let bad = forged(&text, &dana, |p| p.payload.incident.required_roles.clear());
    let err = store
        .import_package(&bad, "dana", &trust_all(&store, &bad))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("names no role"), "{err}");
    assert_eq!(snapshot(&store, id), before);
}

#[test]
fn a_package_that_skips_a_required_section_is_refused() {
    let (_d, path, mut store) = store();
    let id = in_review(&mut store);
    let text = store.export_package(id, "dana").unwrap();
    let before = snapshot(&store, id);
    let dana = signer(&path, &store, "dana");
    let bad = forged(&text, &dana, |p| {
        p.payload.marks[0].not_needed = Some("nothing to say".into());
    });
    let err = store
        .import_package(&bad, "dana", &trust_all(&store, &bad))
        .unwrap_err();
    assert!(err.to_string().contains("Summary of events"), "{err}");
    assert_eq!(snapshot(&store, id), before);
}

#[test]
fn an_approval_by_the_drafter_in_a_package_is_refused_and_changes_nothing() {
    let (_d, path, mut store) = store();
    let id = in_review(&mut store);
    let text = store.export_package(id, "dana").unwrap();
    let before = snapshot(&store, id);
    let incident = store.incident(id).unwrap();
    let content = reviewed_content(&incident.letter, None, &[]);
    // Dana signs an approval of her own letter with her real key.
    let dana = signer(&path, &store, "dana");
    let bad = forged(&text, &dana, |p| {
        let mut approval = Approval {
            uid: "forged-1".into(),
            section: None,
            reviewer: "dana".into(),
            role: Role::Communications,
            verdict: Verdict::Approve,
            comment: String::new(),
            content_hash: content_hash(&content),
            content: content.clone(),
            at: "2026-03-03T10:00:00.000Z".into(),
            public_key: dana.public_key(),
            signature: String::new(),
        };
        approval.signature = dana.sign(&verdict_message(&p.payload.incident.uid, &approval));
        p.payload.approvals.push(approval);
    });
    let err = store
        .import_package(&bad, "robin", &trust_all(&store, &bad))
        .unwrap_err();
    assert!(err.to_string().contains("drafted this letter"), "{err}");
    assert_eq!(snapshot(&store, id), before);
}

#[test]
fn no_approval_is_recorded_before_review_is_asked_for() {
    let (_d, _p, mut store) = store();
    let id = store
        .create_incident(IncidentFacts::titled("Reminders stopped"), "dana")
        .unwrap();
    let err = store
        .record_verdict(
            id,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("not been sent for review"),
        "{err}"
    );
    assert!(store.review_record(id).unwrap().approvals.is_empty());
}

#[test]
fn stored_roles_that_cannot_be_read_are_an_error_not_no_role() {
    let (_d, path, mut store) = store();
    let id = in_review(&mut store);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE incidents SET required_roles = '[]' WHERE id = ?1",
        [id],
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let err = store.review_record(id).unwrap_err();
    assert!(
        err.to_string().contains("cannot be read") || err.code() == ErrorCode::Internal,
        "{err}"
    );
}

#[test]
fn a_reviewers_approval_travels_on_to_a_third_machine() {
    let (_d1, _p1, mut dana) = store();
    let (_d2, _p2, mut robin) = store();
    let (_d3, _p3, mut lee) = store();
    let id = in_review(&mut dana);
    let to_robin = dana.export_package(id, "dana").unwrap();
    let rid = robin
        .import_package(&to_robin, "robin", &trust_all(&robin, &to_robin))
        .unwrap()
        .incident_id;
    robin
        .record_verdict(
            rid,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap();
    // Robin passes the letter on to a second reviewer: the texts arrive under Robin's
    // name, but Robin did not write them, and the approval is accepted.
    let to_lee = robin.export_package(rid, "robin").unwrap();
    let outcome = lee
        .import_package(&to_lee, "lee", &trust_all(&lee, &to_lee))
        .unwrap();
    assert_eq!(outcome.approvals_added, 1);
}
