// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Promises from publication to follow-up: a published letter's dated step is kept as a
//! promise; once overdue, the next letter to the same service's customers shows it and is
//! warned until its "better" section says what became of it.

use candor_core::checks::Category;
use candor_core::export::ExportFormat;
use candor_core::promise::PromiseStatus;
use candor_core::review::{Role, Verdict};
use candor_core::{SectionKey, View};
use candor_operations::{IncidentRequest, Workspace};
use std::path::Path;

fn as_person(path: &Path, name: &str) -> Workspace {
    Workspace::open(path, Some(name.into())).unwrap()
}

fn incident(w: &mut Workspace, title: &str, service: &str) -> i64 {
    w.create_incident(IncidentRequest {
        title: title.into(),
        service: service.into(),
        zone: "UTC".into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

const PROMISE: &str =
    "By 31 March 2099 we will run a second copy of the reminder scheduler in another region.";

fn published_letter(path: &Path) -> i64 {
    let mut dana = as_person(path, "dana");
    let id = incident(&mut dana, "Reminders stopped", "Reminders");
    for (section, text) in [
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
            &format!("We already test every scheduling change. {PROMISE}"),
        ),
        (SectionKey::Thanks, "Thank you for your patience."),
    ] {
        dana.save_section(id, section, View::Customer, text, None)
            .unwrap();
    }
    dana.request_review(id).unwrap();
    let mut robin = as_person(path, "robin");
    robin
        .record_verdict(id, None, Role::Communications, Verdict::Approve, "")
        .unwrap();
    let exported = robin.export(id, ExportFormat::Html).unwrap();
    assert!(exported.is_final);
    id
}

fn follow_ups(w: &mut Workspace, id: i64, better: &str) -> Vec<String> {
    w.check_text(id, SectionKey::Better, View::Customer, better)
        .unwrap()
        .into_iter()
        .filter(|f| f.category == Category::FollowUp)
        .map(|f| f.message)
        .collect()
}

#[test]
fn an_overdue_promise_follows_the_next_letter_to_the_same_customers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let first = published_letter(&path);
    let mut dana = as_person(&path, "dana");

    let promises = dana.promises(false).unwrap();
    assert_eq!(promises.len(), 1, "{promises:?}");
    let promise = &promises[0];
    assert_eq!(
        (promise.incident_id, promise.text.as_str()),
        (first, PROMISE)
    );
    assert_eq!(promise.due.to_string(), "2099-03-31");
    assert!(!promise.overdue);
    assert!(dana.promises(true).unwrap().is_empty());

    // The date agreed again, now in the past: the promise is overdue.
    let corrected = dana.set_promise_due(promise.id, "2026-01-15").unwrap();
    assert!(corrected.overdue);
    assert_eq!(dana.promises(true).unwrap().len(), 1);

    let other = incident(&mut dana, "Invoices late", "Billing");
    assert!(dana.incident(other).unwrap().promises.is_empty());
    let second = incident(&mut dana, "Reminders late again", " reminders ");
    let shown = dana.incident(second).unwrap().promises;
    assert_eq!(shown.iter().map(|p| p.id).collect::<Vec<_>>(), [promise.id]);

    let silent = "By 30 June we will alert when reminders queue for more than five minutes.";
    let found = follow_ups(&mut dana, second, silent);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("Reminders stopped") && found[0].contains("second copy"),
        "{}",
        found[0]
    );

    let answered = format!(
        "{silent} The second copy of the scheduler we promised in another region is late: it now runs in testing."
    );
    assert!(follow_ups(&mut dana, second, &answered).is_empty());

    // Settled, it is no longer owed.
    dana.settle_promise(promise.id, PromiseStatus::Done, "")
        .unwrap();
    assert!(follow_ups(&mut dana, second, silent).is_empty());
    assert!(dana.incident(second).unwrap().promises.is_empty());
}

#[test]
fn a_promise_is_dropped_only_with_a_reason_and_a_bad_date_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    published_letter(&path);
    let mut dana = as_person(&path, "dana");
    let id = dana.promises(false).unwrap()[0].id;
    let audit_before = dana.audit_log(None).unwrap().len();

    let err = dana
        .settle_promise(id, PromiseStatus::Dropped, "  ")
        .unwrap_err();
    assert!(
        err.to_body().message.contains("say why"),
        "{}",
        err.to_body().message
    );
    let err = dana.set_promise_due(id, "31/03/2027").unwrap_err();
    assert!(
        err.to_body().message.contains("YYYY-MM-DD"),
        "{}",
        err.to_body().message
    );
    assert_eq!(dana.audit_log(None).unwrap().len(), audit_before);
    assert_eq!(dana.promises(false).unwrap()[0].status, PromiseStatus::Open);

    let dropped = dana
        .settle_promise(
            id,
            PromiseStatus::Dropped,
            "The region closed; we moved the copy elsewhere",
        )
        .unwrap();
    assert_eq!(dropped.status, PromiseStatus::Dropped);
    assert_eq!(dropped.settled_by, "dana");
    let log = dana.audit_log(None).unwrap();
    assert!(
        log.iter()
            .any(|e| e.detail.contains("dropped (The region closed")),
        "{log:?}"
    );
    let reopened = dana.settle_promise(id, PromiseStatus::Open, "").unwrap();
    assert_eq!(
        (reopened.status, reopened.reason.as_str()),
        (PromiseStatus::Open, "")
    );
}
