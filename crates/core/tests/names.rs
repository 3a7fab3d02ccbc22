// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Each enum's name as stored in the file and as sent to the window comes from one
//! derive, and is the name serde gives it: a renamed variant cannot change one and not
//! the other.

use candor_core::checks::Category;
use candor_core::export::ExportFormat;
use candor_core::review::{Role, Verdict};
use candor_core::{ActionStatus, LetterState, LogKind, SectionKey, Severity, View};
use strum::VariantArray;

fn same_as_serde<T: VariantArray + serde::Serialize + Copy + std::fmt::Debug>(
    key: impl Fn(T) -> &'static str,
) {
    for &v in T::VARIANTS {
        let serde = serde_json::to_value(v).unwrap();
        assert_eq!(serde.as_str(), Some(key(v)), "{v:?}");
    }
}

#[test]
fn every_stored_name_is_the_serde_name() {
    same_as_serde(SectionKey::key);
    same_as_serde(View::key);
    same_as_serde(ActionStatus::key);
    same_as_serde(Category::key);
    same_as_serde(Severity::key);
    same_as_serde(LogKind::key);
    same_as_serde(ExportFormat::key);
    same_as_serde(Role::key);
    same_as_serde(Verdict::key);
    same_as_serde(LetterState::key);
}

#[test]
fn the_lists_of_all_variants_are_complete_and_in_order() {
    assert_eq!(SectionKey::ALL.as_slice(), SectionKey::VARIANTS);
    assert_eq!(Category::ALL.as_slice(), Category::VARIANTS);
    assert_eq!(Role::ALL.as_slice(), Role::VARIANTS);
}

#[test]
fn stored_names_are_what_earlier_files_hold() {
    // Written by earlier versions of Candor; these must never change.
    assert_eq!(SectionKey::Better.key(), "better");
    assert_eq!(ActionStatus::InProgress.key(), "in_progress");
    assert_eq!(Category::PersonName.key(), "person-name");
    assert_eq!(Severity::Sev1.key(), "sev1");
    assert_eq!(ExportFormat::TechnicalHtml.key(), "technical-html");
    assert_eq!(Verdict::RequestChanges.key(), "request_changes");
    assert_eq!(LetterState::InReview.key(), "in_review");
}
