// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Any letter survives a trip through a review package to another machine.

use candor_core::{IncidentFacts, SectionKey, View};
use candor_store::Store;
use proptest::prelude::*;

/// Trusts every key a package brings, as an importer who checked the fingerprints would.
fn trust_all(store: &Store, text: &str) -> Vec<String> {
    store
        .package_keys(text)
        .map(|keys| keys.into_iter().map(|k| k.fingerprint).collect())
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_letter_survives_a_package_round_trip(
        title in "[A-Za-z][A-Za-z0-9 ,.'-]{0,60}",
        texts in proptest::collection::vec("\\PC{0,300}", 12),
        comment in "[^\\s]\\PC{0,80}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Store::open(&dir.path().join("a.db")).unwrap();
        let mut b = Store::open(&dir.path().join("b.db")).unwrap();
        let id = a.create_incident(IncidentFacts::titled(title.clone()), "dana").unwrap();
        for (i, key) in SectionKey::ALL.iter().enumerate() {
            a.save_section(id, *key, View::Customer, &texts[2 * i], "dana").unwrap();
            a.save_section(id, *key, View::Technical, &texts[2 * i + 1], "dana").unwrap();
        }
        a.add_comment(id, Some(SectionKey::Summary), "dana", &comment, None).unwrap();
        let package = a.export_package(id, "dana").unwrap();
        let outcome = b.import_package(&package, "robin", &trust_all(&b, &package)).unwrap();
        let there = b.incident(outcome.incident_id).unwrap();
        let here = a.incident(id).unwrap();
        prop_assert_eq!(there.letter, here.letter);
        prop_assert_eq!(there.facts.title, title.trim());
        prop_assert_eq!(b.review_record(outcome.incident_id).unwrap().comments.len(), 1);
        // A second import changes nothing.
        let again = b.import_package(&package, "robin", &trust_all(&b, &package)).unwrap();
        prop_assert_eq!((again.approvals_added, again.comments_added, again.letter_updated), (0, 0, false));
    }
}
