// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Input no one should send, answered calmly: no panic, no endless work, a clear message.

use candor_core::checks::{CheckContext, RuleSet, markdown_letter};
use candor_core::log::{ImportFormat, parse_log_import};
use candor_core::{SectionKey, View, export, render};
use proptest::prelude::*;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap());

fn zone() -> chrono_tz::Tz {
    candor_core::facts::parse_zone("Europe/Berlin").unwrap()
}

#[test]
fn deeply_nested_markdown_renders_and_checks() {
    let rules = &*RULES;
    for nested in [
        "> ".repeat(5_000) + "deep",
        "- ".repeat(5_000) + "deep",
        "[".repeat(5_000) + "x" + &"](y)".repeat(5_000),
        "*".repeat(20_000),
        "`".repeat(20_000),
        "<div>".repeat(5_000),
    ] {
        let html = render::markdown_html(&nested);
        assert!(!html.contains("<div>"));
        rules.check_text(
            &nested,
            Some(SectionKey::Details),
            View::Customer,
            &CheckContext::default(),
        );
        export::plain_text(&nested);
        markdown_letter::check(rules, &nested, &[]);
    }
}

#[test]
fn a_hundred_thousand_line_csv_is_refused_whole() {
    let mut csv = String::from("time,text\n");
    for i in 0..100_000 {
        csv.push_str(&format!("2026-11-17 12:{:02},entry {i}\n", i % 60));
    }
    let err = parse_log_import(&csv, ImportFormat::Csv, zone()).unwrap_err();
    assert!(err.message.contains("up to 10000"), "{}", err.message);
}

#[test]
fn binary_and_garbage_imports_report_problems_not_panics() {
    let garbage: String = (0..5000u32)
        .map(|i| char::from_u32((i * 7919) % 0xD7FF).unwrap_or('?'))
        .collect();
    let p = parse_log_import(&garbage, ImportFormat::Jsonl, zone()).unwrap();
    assert!(p.entries.is_empty());
    assert!(!p.problems.is_empty());
    assert!(parse_log_import(&garbage, ImportFormat::Csv, zone()).is_err());
    let malformed =
        "{\"time\": \"2026-11-17 12:00\", \"text\": \n{]\nnull\n[1,2]\n\"just a string\"\n";
    let p = parse_log_import(malformed, ImportFormat::Jsonl, zone()).unwrap();
    assert_eq!(p.problems.len(), 5);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every row of a CSV import is either an entry or a problem with its line.
    #[test]
    fn csv_rows_are_entries_or_problems(rows in proptest::collection::vec(("[0-9: -]{0,18}", "[^\\n\\r]{0,40}", "[a-z]{0,12}"), 0..40)) {
        let mut csv = String::from("time,text,kind\n");
        for (t, text, kind) in &rows {
            let quoted = format!("\"{}\"", text.replace('"', "\"\""));
            csv.push_str(&format!("{t},{quoted},{kind}\n"));
        }
        let p = parse_log_import(&csv, ImportFormat::Csv, zone()).unwrap();
        prop_assert_eq!(p.entries.len() + p.problems.len(), rows.len());
        for problem in &p.problems {
            prop_assert!(problem.line >= 2 && problem.line as usize <= rows.len() + 1);
        }
    }

    /// Text built from the pieces the detectors look for (introductions of vendors, names,
    /// pronouns, trouble, dates, code, sentence ends in odd places) never makes a check
    /// panic, and every finding points at real words.
    #[test]
    fn checks_take_any_arrangement_of_what_they_look_for(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "our carrier,", "our provider", "Lanternwave", "Lanternwave.", "Orrery Pay", "Acme Inc.", "They", "they",
        "had an outage", "dropped", "caused by", "on their side", "a third-party", "breach", "We", "are sorry",
        "Priya Raman", "Dana", "March 15,", "2027", "by", "will", "never", "again", ".", ",", "\n", "\n\n", "- ",
        "1. ", "`code`", "[link](https://x.example/a_b)", "\u{2019}s", "'s", "snake_case_name", "v1.2.3", "10.0.0.1",
    ]), 0..60), separators in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  ", "\n", "\u{a0}"]), 60)) {
        let mut text = String::new();
        for (piece, sep) in pieces.iter().zip(separators.iter()) {
            text.push_str(piece);
            text.push_str(sep);
        }
        for section in [SectionKey::Summary, SectionKey::Wrong, SectionKey::Better] {
            for f in RULES.check_text(&text, Some(section), View::Customer, &CheckContext::default()) {
                prop_assert!(f.start <= f.end && f.end <= text.len());
                prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
            }
        }
    }

    /// The checks and the renderer take any text without panicking, and findings point
    /// at real places in it.
    #[test]
    fn checks_take_any_text(text in "\\PC{0,400}") {
        for f in RULES.check_text(&text, Some(SectionKey::Wrong), View::Customer, &CheckContext::default()) {
            prop_assert!(f.start <= f.end && f.end <= text.len());
            prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
        }
        render::markdown_html(&text);
    }
}
