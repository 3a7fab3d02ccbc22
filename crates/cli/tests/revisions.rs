// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! `candor letter set --if-revision N`: a script that read the letter, then writes it,
//! never overwrites words saved in between.

mod common;
use common::candor;

use std::path::Path;

fn summary_and_revision(db: &Path) -> (String, i64) {
    let (_, out, _) = candor(db, &["letter", "show", "1", "--format", "json"], "");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let revision = value["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["section"] == "summary" && r["view"] == "customer")
        .map_or(0, |r| r["revision"].as_i64().unwrap());
    (
        value["letter"]["summary"]["customer"]
            .as_str()
            .unwrap()
            .to_string(),
        revision,
    )
}

#[test]
fn a_set_based_on_an_old_revision_exits_2_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    let (code, _, _) = candor(&db, &["incident", "new", "--title", "Outage"], "");
    assert_eq!(code, 0);
    let set = ["letter", "set", "1", "summary", "--view", "customer"];

    let (code, _, err) = candor(&db, &[&set[..], &["--if-revision", "0"]].concat(), "One.");
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = candor(&db, &[&set[..], &["--if-revision", "1"]].concat(), "Two.");
    assert_eq!(code, 0, "{err}");
    assert_eq!(summary_and_revision(&db), ("Two.".to_string(), 2));
    let before = std::fs::read(&db).unwrap();

    let (code, out, err) = candor(&db, &[&set[..], &["--if-revision", "1"]].concat(), "Stale.");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "one line on standard error: {err}");
    assert!(err.contains("revision 2"), "{err}");
    assert!(err.contains("not saved"), "{err}");
    assert_eq!(summary_and_revision(&db), ("Two.".to_string(), 2));
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is unchanged");

    // Without --if-revision the command line saves as before.
    let (code, _, _) = candor(&db, &set, "Three.");
    assert_eq!(code, 0);
    assert_eq!(summary_and_revision(&db), ("Three.".to_string(), 3));
}
