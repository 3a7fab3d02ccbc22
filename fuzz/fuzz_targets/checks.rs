//! The checks take any text: no panic, and every finding points at real bytes of it.
#![no_main]

use candor_core::checks::{CheckContext, RuleSet, markdown_letter};
use candor_core::{SectionKey, View};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap_or_else(|e| panic!("{e}")));

fuzz_target!(|text: &str| {
    for f in RULES.check_text(text, Some(SectionKey::Wrong), View::Customer, &CheckContext::default()) {
        assert!(f.start <= f.end && f.end <= text.len());
        assert_eq!(&text[f.start..f.end], f.text);
    }
    markdown_letter::check(&RULES, text, &[]);
});
