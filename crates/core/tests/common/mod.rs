//! What the checks find in one text of the details section, for the tests that read one
//! category at a time.

use candor_core::checks::{Category, CheckContext, Level, RuleSet};
use candor_core::{SectionKey, View};

/// The words and level of each finding of `category` in `text`.
pub fn found_in(rules: &RuleSet, text: &str, category: Category) -> Vec<(String, Level)> {
    rules
        .check_text(
            text,
            Some(SectionKey::Details),
            View::Customer,
            &CheckContext::default(),
        )
        .into_iter()
        .filter(|f| f.category == category)
        .map(|f| (f.text, f.level))
        .collect()
}

/// The words of each finding of `category` in `text`.
#[allow(dead_code)] // Not every test file that shares this module reads words alone.
pub fn words_found(rules: &RuleSet, text: &str, category: Category) -> Vec<String> {
    found_in(rules, text, category)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}
