// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! A review package carries each text's recent versions, so the reviewer's machine shows
//! the drafter's history with the drafter's times; importing again adds nothing twice.

use candor_core::{IncidentFacts, SectionKey, View};
use candor_store::Store;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("candor.db")).unwrap();
    (dir, store)
}

fn import(into: &mut Store, text: &str, by: &str) -> i64 {
    let trusted: Vec<String> = into
        .package_keys(text)
        .unwrap()
        .into_iter()
        .map(|k| k.fingerprint)
        .collect();
    into.import_package(text, by, &trusted).unwrap().incident_id
}

fn summary_history(store: &Store, id: i64) -> Vec<(String, String)> {
    store
        .revisions(id, SectionKey::Summary, View::Customer)
        .unwrap()
        .into_iter()
        .map(|r| (r.body, r.saved_at.to_rfc3339()))
        .collect()
}

const FIRST: &str = "Invoices went out a day late.";
const SECOND: &str = "Invoices went out a day late. Every customer billed on the first of the month got theirs on the second, and some paid twice.";
const TWEAKED: &str = "Invoices went out a day late. Every customer billed on the first of the month got theirs on the second, and a few paid twice.";
const THIRD: &str = "Invoices went out a day late. Every customer billed on the first of the month got theirs on the second, and a few paid twice. We refunded every double payment within a day, without anyone having to ask.";

#[test]
fn the_reviewer_sees_the_drafters_versions_with_their_times() {
    let (_d, mut dana) = store();
    let (_r, mut robin) = store();
    let id = dana
        .create_incident(IncidentFacts::titled("Invoices delayed"), "dana")
        .unwrap();
    for text in [FIRST, SECOND, TWEAKED] {
        dana.save_section(id, SectionKey::Summary, View::Customer, text, "dana")
            .unwrap();
    }
    dana.request_review(id, "dana").unwrap();

    let rid = import(
        &mut robin,
        &dana.export_package(id, "dana").unwrap(),
        "robin",
    );
    let drafted = summary_history(&dana, id);
    let seen = summary_history(&robin, rid);
    // Two versions: the first text, and the second as tweaked; each at the drafter's time.
    assert_eq!(
        seen.iter().map(|(b, _)| b.as_str()).collect::<Vec<_>>(),
        [FIRST, TWEAKED]
    );
    assert_eq!(seen[0], drafted[0]);
    assert_eq!(seen[1], drafted[2]);

    dana.save_section(id, SectionKey::Summary, View::Customer, THIRD, "dana")
        .unwrap();
    let again = dana.export_package(id, "dana").unwrap();
    import(&mut robin, &again, "robin");
    import(&mut robin, &again, "robin");
    let bodies: Vec<String> = summary_history(&robin, rid)
        .into_iter()
        .map(|(b, _)| b)
        .collect();
    assert_eq!(bodies, [FIRST, TWEAKED, THIRD]);
    assert_eq!(robin.incident(rid).unwrap().letter.summary.customer, THIRD);
}

/// Packages from the Candor before histories (version 2, signed, no history) still import.
#[test]
fn a_package_from_before_histories_still_imports() {
    let (_d, mut dana) = store();
    let (_r, mut robin) = store();
    let id = dana
        .create_incident(IncidentFacts::titled("Invoices delayed"), "dana")
        .unwrap();
    dana.request_review(id, "dana").unwrap();
    let package = dana.export_package(id, "dana").unwrap();
    assert!(
        !package.contains("\"history\""),
        "no text was saved, so no history is carried"
    );
    let older = package.replacen("\"version\": 3", "\"version\": 2", 1);
    assert_ne!(older, package);
    let rid = import(&mut robin, &older, "robin");
    assert_eq!(robin.incident(rid).unwrap().facts.title, "Invoices delayed");
}
