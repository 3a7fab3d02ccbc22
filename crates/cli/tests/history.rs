// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! `candor history ID SECTION` lists the versions of a text; `candor history restore`
//! sets it back to one as a new version, which the audit log records.

mod common;
use common::candor;

use serde_json::Value;

#[test]
fn a_cut_paragraph_is_listed_and_restored_as_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    candor(
        &db,
        &[
            "--as",
            "dana",
            "incident",
            "new",
            "--title",
            "Invoices delayed",
        ],
        "",
    );
    let set = |text: &str| {
        let (code, _, err) = candor(
            &db,
            &[
                "--as", "dana", "letter", "set", "1", "summary", "--view", "customer",
            ],
            text,
        );
        assert_eq!(code, 0, "{err}");
    };
    set(
        "Invoices went out a day late.\n\nEvery customer on annual plans was affected, and we are sorry.",
    );
    set("Invoices went out a day late.");
    let (_, out, _) = candor(&db, &["history", "1", "summary", "--format", "json"], "");
    let versions: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(
        versions.len(),
        2,
        "the cut starts a version of its own: {out}"
    );
    let before_cut = versions[1]["revision"].as_i64().unwrap().to_string();

    let (code, out, err) = candor(
        &db,
        &[
            "--as",
            "dana",
            "history",
            "restore",
            "1",
            "summary",
            &before_cut,
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("as a new version"), "{out}");
    let (_, shown, _) = candor(&db, &["letter", "show", "1"], "");
    assert!(shown.contains("annual plans"), "{shown}");
    let (_, out, _) = candor(&db, &["history", "1", "summary", "--format", "json"], "");
    assert_eq!(serde_json::from_str::<Vec<Value>>(&out).unwrap().len(), 3);

    // Restoring the text as it stands, or a version that does not exist, changes nothing.
    let (_, out, _) = candor(&db, &["history", "1", "summary", "--format", "json"], "");
    let newest = serde_json::from_str::<Vec<Value>>(&out).unwrap()[0]["revision"].to_string();
    let (code, _, err) = candor(
        &db,
        &[
            "--as", "dana", "history", "restore", "1", "summary", &newest,
        ],
        "",
    );
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = candor(
        &db,
        &["--as", "dana", "history", "restore", "1", "summary", "999"],
        "",
    );
    assert_eq!(code, 2);
    assert!(err.contains("no version 999"), "{err}");
    let (_, text, _) = candor(&db, &["history", "1", "summary"], "");
    assert_eq!(text.lines().count(), 3);
}
