// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! `candor log import|list`: each incident tool's export from the fixtures written for
//! Candor (`tests/fixtures/imports`), a dry run that changes nothing, and damaged files
//! refused with exit 2 and nothing changed.

use std::path::{Path, PathBuf};

mod common;

fn candor(db: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--as", "avery"];
    all.extend_from_slice(args);
    common::candor(db, &all, "")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/imports")
        .join(name)
        .display()
        .to_string()
}

fn incident() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    let (code, _, err) = candor(
        &db,
        &[
            "incident",
            "new",
            "--title",
            "Checkout errors",
            "--zone",
            "UTC",
            "--started",
            "2026-11-03 13:58",
            "--resolved",
            "2026-11-03 14:41",
        ],
    );
    assert_eq!(code, 0, "{err}");
    (dir, db)
}

fn logged(db: &Path) -> Vec<serde_json::Value> {
    let (_, out, _) = candor(db, &["log", "list", "1", "--format", "json"]);
    serde_json::from_str::<Vec<serde_json::Value>>(&out).unwrap()
}

#[test]
fn each_format_imports_from_its_export_file() {
    for (file, extra, count) in [
        ("pagerduty.json", vec![], 5),
        ("statuspage.json", vec![], 3),
        ("incident-io.json", vec![], 2),
        ("slack", vec!["--channel", "inc-checkout"], 5),
    ] {
        let (_dir, db) = incident();
        let path = fixture(file);
        let mut args = vec!["log", "import", "1", path.as_str()];
        args.extend(extra);
        let (code, out, err) = candor(&db, &args);
        assert_eq!(code, 0, "{file}: {err}");
        assert_eq!(
            out.lines().filter(|l| l.starts_with("imported")).count(),
            count,
            "{file}: {out}"
        );
        assert_eq!(logged(&db).len(), count, "{file}");
    }
}

#[test]
fn a_slack_import_marks_pinned_messages_and_asks_for_a_channel() {
    let (_dir, db) = incident();
    let slack = fixture("slack");
    let (code, _, err) = candor(&db, &["log", "import", "1", &slack]);
    assert_eq!(code, 2);
    assert!(err.contains("#general, #inc-checkout"), "{err}");
    let (code, _, err) = candor(
        &db,
        &[
            "log",
            "import",
            "1",
            &slack,
            "--channel",
            "inc-checkout",
            "--dry-run",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(logged(&db).is_empty(), "a dry run changes nothing");
    candor(
        &db,
        &["log", "import", "1", &slack, "--channel", "inc-checkout"],
    );
    let log = logged(&db);
    let marked: Vec<&str> = log
        .iter()
        .filter(|e| e["use_in_letter"] == true)
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked.len(), 2, "{marked:?}");
    assert!(log.iter().any(|e| e["author"] == "Carmen Oyelaran"));
}

#[test]
fn a_damaged_file_of_each_format_exits_2_naming_where_and_changes_nothing() {
    let (dir, db) = incident();
    for (name, text) in [
        (
            "pd.json",
            "{\"log_entries\": [\n {\"type\": \"trigger_log_entry\",\n \"created_at\": }]}",
        ),
        (
            "sp.json",
            "{\"id\": \"x\",\n\"incident_updates\": [\n{\"body\": ]}",
        ),
        (
            "iio.json",
            "{\"incident_timeline_items\": [\n{\"title\": \"a\"\n\"timestamp\": 1}]}",
        ),
        ("log.csv", "when,what\n1,2\n"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = candor(&db, &["log", "import", "1", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("line"), "{name}: {err}");
    }
    let broken = dir.path().join("slack");
    std::fs::create_dir_all(broken.join("inc-checkout")).unwrap();
    std::fs::write(
        broken.join("channels.json"),
        "[{\"name\": \"inc-checkout\"}]",
    )
    .unwrap();
    std::fs::write(
        broken.join("inc-checkout/2026-11-03.json"),
        "[\n{\"ts\": \n",
    )
    .unwrap();
    let (code, _, err) = candor(&db, &["log", "import", "1", broken.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("inc-checkout/2026-11-03.json"), "{err}");
    let not_zip = dir.path().join("export.zip");
    std::fs::write(&not_zip, "not a zip").unwrap();
    let (code, _, err) = candor(&db, &["log", "import", "1", not_zip.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(logged(&db).is_empty());
}

#[test]
fn only_the_chosen_channel_and_days_are_read() {
    let (dir, db) = incident();
    // Another channel's file, and a day far from the incident, are never opened: damage
    // there does not stop the import (a large export is mostly such files).
    let export = dir.path().join("export");
    for sub in ["inc-checkout", "general"] {
        std::fs::create_dir_all(export.join(sub)).unwrap();
    }
    let src = Path::new(&fixture("slack")).to_path_buf();
    for file in [
        "channels.json",
        "users.json",
        "inc-checkout/2026-11-03.json",
    ] {
        std::fs::copy(src.join(file), export.join(file)).unwrap();
    }
    std::fs::write(export.join("general/2026-11-03.json"), "[ damaged").unwrap();
    std::fs::write(export.join("inc-checkout/2025-01-01.json"), "[ damaged").unwrap();
    let (code, _, err) = candor(
        &db,
        &[
            "log",
            "import",
            "1",
            export.to_str().unwrap(),
            "--channel",
            "inc-checkout",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(logged(&db).len(), 5);
}
