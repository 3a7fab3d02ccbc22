// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use candor_core::review::{ReviewFacts, ReviewStatus, Role, Verdict, review_status};
use candor_core::{ErrorCode, IncidentFacts, LetterState, SectionKey, SectionMark, View};
use candor_store::Store;
use std::path::PathBuf;

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

fn status(store: &Store, id: i64) -> ReviewStatus {
    let incident = store.incident(id).unwrap();
    let record = store.review_record(id).unwrap();
    let skipped: Vec<SectionKey> = incident
        .progress
        .iter()
        .filter(|p| p.mark.not_needed.is_some())
        .map(|p| p.section)
        .collect();
    review_status(&ReviewFacts {
        letter: &incident.letter,
        skipped: &skipped,
        required_roles: &record.required_roles,
        approvals: &record.approvals,
        comments: &record.comments,
        open_errors: 0,
        review_requested: record.review_requested,
        published_hash: record.published_hash.as_deref(),
    })
}

fn drafted(store: &mut Store) -> i64 {
    let id = store
        .create_incident(IncidentFacts::titled("Reminders stopped"), "dana")
        .unwrap();
    store
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "Reminders stopped for three hours.",
            "dana",
        )
        .unwrap();
    store
        .save_section(
            id,
            SectionKey::Thanks,
            View::Customer,
            "Thank you for your patience.",
            "dana",
        )
        .unwrap();
    id
}

/// A drafted letter its drafter has sent for review: approvals are accepted from now on.
fn in_review(store: &mut Store) -> i64 {
    let id = drafted(store);
    store.request_review(id, "dana").unwrap();
    id
}

#[test]
fn every_transition_from_draft_to_published() {
    let (_d, _p, mut store) = store();
    let id = drafted(&mut store);
    assert_eq!(status(&store, id).state, LetterState::Draft);
    store.request_review(id, "dana").unwrap();
    assert_eq!(status(&store, id).state, LetterState::InReview);

    store
        .record_verdict(
            id,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "Reads well",
        )
        .unwrap();
    let s = status(&store, id);
    assert_eq!(s.state, LetterState::Approved, "{:?}", s.blockers);

    store
        .record_publication(id, &s.letter_hash, "html", "dana")
        .unwrap();
    assert_eq!(status(&store, id).state, LetterState::Published);

    // Any edit moves it back to review, and the approval goes stale.
    store
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "Reminders stopped for four hours.",
            "dana",
        )
        .unwrap();
    let s = status(&store, id);
    assert_eq!(s.state, LetterState::InReview);
    assert_eq!(s.stale_roles, vec![Role::Communications]);

    // A new approval of the new text makes it approved again.
    store
        .record_verdict(
            id,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap();
    assert_eq!(status(&store, id).state, LetterState::Approved);
}

#[test]
fn editing_one_section_stales_its_approval_and_not_another() {
    let (_d, _p, mut store) = store();
    let id = in_review(&mut store);
    store
        .record_verdict(
            id,
            Some(SectionKey::Summary),
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap();
    store
        .record_verdict(
            id,
            Some(SectionKey::Thanks),
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap();
    store
        .save_section(
            id,
            SectionKey::Thanks,
            View::Customer,
            "Thank you for your trust.",
            "dana",
        )
        .unwrap();
    // A change to the technical text changes nothing a customer reads.
    store
        .save_section(
            id,
            SectionKey::Summary,
            View::Technical,
            "batcher bug",
            "dana",
        )
        .unwrap();
    let s = status(&store, id);
    let stale = |k: SectionKey| {
        s.verdicts
            .iter()
            .find(|v| v.approval.section == Some(k))
            .unwrap()
            .stale
    };
    assert!(!stale(SectionKey::Summary));
    assert!(stale(SectionKey::Thanks));
}

#[test]
fn the_drafter_cannot_approve_their_own_letter() {
    let (_d, _p, mut store) = store();
    let id = in_review(&mut store);
    let err = store
        .record_verdict(id, None, "Dana", Role::Communications, Verdict::Approve, "")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("drafted this letter"), "{err}");
    assert!(store.review_record(id).unwrap().approvals.is_empty());
    // Asking for changes to one's own letter is not approving it.
    store
        .record_verdict(
            id,
            None,
            "dana",
            Role::Engineering,
            Verdict::RequestChanges,
            "Wait for legal",
        )
        .unwrap();
}

#[test]
fn required_roles_and_comments() {
    let (_d, _p, mut store) = store();
    let id = in_review(&mut store);
    store
        .set_required_roles(id, &[Role::Communications, Role::Legal], "dana")
        .unwrap();
    assert_eq!(
        store
            .set_required_roles(id, &[], "dana")
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput
    );
    store
        .record_verdict(
            id,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap();
    let s = status(&store, id);
    assert_eq!(s.missing_roles, vec![Role::Legal]);

    let c = store
        .add_comment(
            id,
            Some(SectionKey::Summary),
            "robin",
            "Say which clinics.",
            None,
        )
        .unwrap();
    let reply = store
        .add_comment(id, Some(SectionKey::Summary), "dana", "Done.", Some(&c.uid))
        .unwrap();
    assert_eq!(reply.parent.as_deref(), Some(c.uid.as_str()));
    assert_eq!(
        store
            .add_comment(id, None, "x", "  ", None)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        store
            .add_comment(id, None, "x", "hi", Some("nope"))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    store.resolve_comment(id, &c.uid, "dana").unwrap();
    let comments = store.review_record(id).unwrap().comments;
    assert!(comments.iter().find(|x| x.uid == c.uid).unwrap().resolved);
    // Every step is in the audit log, and the chain holds.
    let actions: Vec<String> = store
        .audit_log(Some(id))
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&"approve".to_string())
            && actions.contains(&"resolve comment".to_string()),
        "{actions:?}"
    );
    assert_eq!(store.verify_audit_log().unwrap(), None);
}

#[test]
fn state_changes_are_logged_once() {
    let (_d, _p, mut store) = store();
    let id = drafted(&mut store);
    store
        .log_state(id, LetterState::InReview, "dana", "h")
        .unwrap();
    store
        .log_state(id, LetterState::InReview, "dana", "h")
        .unwrap();
    store
        .log_state(id, LetterState::Approved, "robin", "h")
        .unwrap();
    let states: Vec<String> = store
        .audit_log(Some(id))
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "state")
        .map(|e| e.detail)
        .collect();
    assert_eq!(
        states,
        vec!["draft \u{2192} in_review", "in_review \u{2192} approved"]
    );
    // Lists show the state last derived, without deriving it for every incident.
    assert_eq!(
        store.list_incidents().unwrap()[0].state,
        LetterState::Approved
    );
    assert_eq!(store.incident(id).unwrap().state, LetterState::Approved);
}

#[test]
fn a_package_round_trip_between_two_machines() {
    let (_d1, _p1, mut drafter) = store();
    let (_d2, _p2, mut reviewer) = store();
    let id = drafted(&mut drafter);
    drafter
        .set_section_mark(
            id,
            SectionKey::Right,
            &SectionMark {
                done: false,
                not_needed: Some("No costs".into()),
            },
        )
        .unwrap();
    drafter.request_review(id, "dana").unwrap();
    let package = drafter.export_package(id, "dana").unwrap();

    // The reviewer opens it, comments and approves, and sends it back.
    let opened = reviewer
        .import_package(&package, "robin", &trust_all(&reviewer, &package))
        .unwrap();
    assert!(opened.created);
    let rid = opened.incident_id;
    assert_eq!(
        reviewer.incident(rid).unwrap().letter.summary.customer,
        "Reminders stopped for three hours."
    );
    assert_eq!(status(&reviewer, rid).state, LetterState::InReview);
    reviewer
        .add_comment(
            rid,
            Some(SectionKey::Summary),
            "robin",
            "Name the time zone.",
            None,
        )
        .unwrap();
    reviewer
        .record_verdict(
            rid,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap();
    let back = reviewer.export_package(rid, "robin").unwrap();

    let merged = drafter
        .import_package(&back, "dana", &trust_all(&drafter, &back))
        .unwrap();
    assert_eq!(merged.incident_id, id);
    assert!(!merged.created && !merged.letter_updated);
    assert_eq!((merged.approvals_added, merged.comments_added), (1, 1));
    assert_eq!(status(&drafter, id).state, LetterState::Approved);

    // A second import adds nothing.
    let again = drafter
        .import_package(&back, "dana", &trust_all(&drafter, &back))
        .unwrap();
    assert_eq!((again.approvals_added, again.comments_added), (0, 0));
    assert_eq!(drafter.review_record(id).unwrap().approvals.len(), 1);
}

#[test]
fn an_approval_of_older_text_arrives_stale() {
    let (_d1, _p1, mut drafter) = store();
    let (_d2, _p2, mut reviewer) = store();
    let id = in_review(&mut drafter);
    let package = drafter.export_package(id, "dana").unwrap();
    let rid = reviewer
        .import_package(&package, "robin", &trust_all(&reviewer, &package))
        .unwrap()
        .incident_id;
    reviewer
        .record_verdict(
            rid,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap();
    let back = reviewer.export_package(rid, "robin").unwrap();
    // Meanwhile the drafter changed a word.
    drafter
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "Reminders stopped for two hours.",
            "dana",
        )
        .unwrap();
    drafter
        .import_package(&back, "dana", &trust_all(&drafter, &back))
        .unwrap();
    assert_eq!(
        drafter.incident(id).unwrap().letter.summary.customer,
        "Reminders stopped for two hours.",
        "the drafter's text stays"
    );
    let s = status(&drafter, id);
    assert_eq!(s.state, LetterState::InReview);
    assert_eq!(s.stale_roles, vec![Role::Communications]);
}

#[test]
fn tampered_truncated_and_foreign_packages_are_refused_and_change_nothing() {
    let (_d1, _p1, mut drafter) = store();
    let (_d2, path, mut reviewer) = store();
    let id = drafted(&mut drafter);
    drafter
        .add_comment(id, None, "dana", "Please check the times.", None)
        .unwrap();
    let package = drafter.export_package(id, "dana").unwrap();

    let tampered = package.replace("Please check the times.", "Approve it without reading.");
    let truncated = &package[..package.len() / 2];
    let foreign = r#"{"format":"something-else","version":1}"#;
    let newer = package.replacen("\"version\": 3", "\"version\": 9", 1);
    let unsigned = package.replacen("\"version\": 3", "\"version\": 1", 1);
    for (bad, why) in [
        (
            tampered.as_str(),
            "changed after dana exported and signed it",
        ),
        (truncated, "cut short or damaged"),
        (foreign, "not a Candor review package"),
        ("", "cut short or damaged"),
        (newer.as_str(), "newer Candor"),
        (unsigned.as_str(), "not signed"),
    ] {
        let err = reviewer
            .import_package(bad, "robin", &trust_all(&reviewer, bad))
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert!(err.to_string().contains(why), "{err}");
        assert!(err.to_string().contains("nothing was imported"), "{err}");
    }
    assert!(reviewer.list_incidents().unwrap().is_empty());
    drop(reviewer);
    // Nothing was written: the database holds no incident after reopening.
    let reviewer = Store::open(&path).unwrap();
    assert!(reviewer.list_incidents().unwrap().is_empty());
}
