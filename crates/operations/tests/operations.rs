// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use candor_core::export::{Delivery, ExportFormat};
use candor_core::review::{Role, Verdict};
use candor_core::{ErrorCode, LetterState, SectionKey, View};
use candor_operations::{IncidentRequest, Workspace};
use candor_store::{Store, StoreError};
use std::path::{Path, PathBuf};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    (dir, path)
}

fn as_person(path: &Path, name: &str) -> Workspace {
    Workspace::open(path, Some(name.into())).unwrap()
}

fn new_incident(w: &mut Workspace) -> i64 {
    w.create_incident(IncidentRequest {
        title: "Reminders stopped".into(),
        zone: "UTC".into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

const CLEAN: [(SectionKey, &str); 5] = [
    (
        SectionKey::Summary,
        "On 3 March, from 09:00 to 11:00 UTC, reminders did not reach you.",
    ),
    (
        SectionKey::Details,
        "A change to how we schedule reminders stopped them from being sent.",
    ),
    (
        SectionKey::Wrong,
        "We are sorry: we released the change without a test that sends a real reminder.",
    ),
    (
        SectionKey::Better,
        "By 31 March we will test every scheduling change by sending a reminder.",
    ),
    (SectionKey::Thanks, "Thank you for your patience."),
];

fn approved_letter(path: &Path) -> i64 {
    let mut dana = as_person(path, "dana");
    let id = new_incident(&mut dana);
    for (section, text) in CLEAN {
        dana.save_section(id, section, View::Customer, text, None)
            .unwrap();
    }
    dana.request_review(id).unwrap();
    let mut robin = as_person(path, "robin");
    let status = robin
        .record_verdict(id, None, Role::Communications, Verdict::Approve, "")
        .unwrap();
    let errors: Vec<_> = robin
        .check_letter(id)
        .unwrap()
        .texts
        .into_iter()
        .flat_map(|t| t.findings)
        .filter(|f| f.level == candor_core::checks::Level::Error)
        .collect();
    assert_eq!(
        status.state,
        LetterState::Approved,
        "{:?} {errors:?}",
        status.blockers
    );
    id
}

#[test]
fn a_save_derives_and_logs_the_letters_state_in_the_same_operation() {
    let (_dir, path) = temp_db();
    let id = approved_letter(&path);
    let mut dana = as_person(&path, "dana");
    dana.save_section(
        id,
        SectionKey::Thanks,
        View::Customer,
        "Thank you for bearing with us.",
        None,
    )
    .unwrap();
    // Nothing else was asked of the workspace: the save itself recorded the change.
    let log = Store::open(&path).unwrap().audit_log(Some(id)).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.action, "state", "{log:#?}");
    assert_eq!(last.detail, "approved \u{2192} in_review");
    assert_eq!(last.actor, "dana");
}

#[test]
fn a_failed_operation_leaves_nothing_behind() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .create_incident(
            candor_core::IncidentFacts::titled("Reminders stopped"),
            "dana",
        )
        .unwrap();
    let entries_before = store.audit_log(Some(id)).unwrap().len();
    let failed: Result<(), StoreError> = store.atomically(|s| {
        s.save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "Half done.",
            "dana",
        )?;
        Err(StoreError::Refused("stopped on purpose".into()))
    });
    assert!(failed.is_err());
    let incident = store.incident(id).unwrap();
    assert_eq!(incident.letter.summary.customer, "");
    assert_eq!(store.audit_log(Some(id)).unwrap().len(), entries_before);
}

#[test]
fn who_is_acting_is_the_named_person_else_the_saved_profile() {
    let (_dir, path) = temp_db();
    let mut window = as_person(&path, "someone");
    window
        .set_profile("Robin Vale", Role::Communications)
        .unwrap();
    assert_eq!(window.actor(), "Robin Vale");
    // The command line without --as acts as the profile chosen in the window (unless the
    // environment names someone, as CANDOR_AS does in scripts).
    if std::env::var_os("CANDOR_AS").is_none() {
        let cli = Workspace::open(&path, None).unwrap();
        assert_eq!(cli.actor(), "Robin Vale");
        assert!(!cli.session().unwrap().needs_profile);
    }
    let named = as_person(&path, "dana");
    assert_eq!(named.actor(), "dana");
}

#[test]
fn the_inline_check_sees_what_another_process_wrote() {
    let (_dir, path) = temp_db();
    let mut window = as_person(&path, "dana");
    let id = new_incident(&mut window);
    // A first name in no shipped list: only the incident's log makes her a person.
    let text = "Ikenna Okafor restarted the scheduler.";
    let names = |w: &mut Workspace| {
        w.check_text(id, SectionKey::Details, View::Customer, text)
            .unwrap()
            .into_iter()
            .filter(|f| f.text == "Ikenna Okafor")
            .count()
    };
    let before = names(&mut window);
    // The command line adds her to the incident's log while the window is open.
    let mut cli = Store::open(&path).unwrap();
    let entry = candor_core::LogEntryDraft {
        at: "2026-03-03T09:10".into(),
        author: "Ikenna Okafor".into(),
        text: "Restarted the scheduler".into(),
        kind: candor_core::LogKind::Action,
        use_in_letter: false,
    }
    .into_entry(chrono_tz::Tz::UTC)
    .unwrap();
    cli.add_log_entry(id, &entry).unwrap();
    assert!(
        names(&mut window) > before,
        "a person named in the log must be flagged in the customer text"
    );
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut w = as_person(&path, "dana");
    let e = w
        .create_incident(IncidentRequest {
            title: "Reminders stopped".into(),
            zone: "Mars/Olympus".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert!(e.to_string().contains("Mars/Olympus"), "{e}");
    assert!(w.list_incidents().unwrap().is_empty());
}

#[test]
fn the_letter_check_after_a_save_is_the_saved_letter_even_when_another_process_wrote() {
    let (_dir, path) = temp_db();
    let mut window = as_person(&path, "dana");
    let id = new_incident(&mut window);
    let jargon = |w: &mut Workspace| {
        w.check_letter(id)
            .unwrap()
            .texts
            .into_iter()
            .flat_map(|t| t.findings)
            .filter(|f| f.rule == "Candor.Jargon")
            .count()
    };
    window
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "Our VLAN failed.",
            None,
        )
        .unwrap();
    assert_eq!(jargon(&mut window), 1);
    window
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "Our network failed.",
            None,
        )
        .unwrap();
    // The command line writes between the window's save and its check.
    let mut cli = Store::open(&path).unwrap();
    cli.save_section(
        id,
        SectionKey::Details,
        View::Customer,
        "The VLAN and the BGP session.",
        "sam",
    )
    .unwrap();
    assert_eq!(
        jargon(&mut window),
        2,
        "the other process's text is checked too"
    );
}

#[test]
fn an_export_that_cannot_be_written_is_not_recorded_and_publishes_nothing() {
    let (dir, path) = temp_db();
    let id = approved_letter(&path);
    let mut robin = as_person(&path, "robin");
    let audit_before = robin.audit_log(Some(id)).unwrap().len();
    let nowhere = dir.path().join("no-such-folder").join("letter.html");
    let err = robin
        .export_to(id, ExportFormat::Html, &Delivery::default(), &nowhere)
        .unwrap_err();
    assert!(
        err.to_body().message.contains("no-such-folder"),
        "{}",
        err.to_body().message
    );
    assert_eq!(robin.audit_log(Some(id)).unwrap().len(), audit_before);
    assert_eq!(
        robin.review_status(id).unwrap().state,
        LetterState::Approved
    );

    let there = dir.path().join("letter.html");
    robin
        .export_to(id, ExportFormat::Html, &Delivery::default(), &there)
        .unwrap();
    assert!(
        std::fs::read_to_string(&there)
            .unwrap()
            .contains("reminders")
    );
    assert_eq!(
        robin.review_status(id).unwrap().state,
        LetterState::Published
    );
}
