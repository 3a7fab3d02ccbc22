// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Two writers at once, and a writer killed mid-write: the file stays sound and holds one
//! whole version of every text, never a mix.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn candor(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_candor"));
    c.env("CANDOR_KEYRING", "off");
    c.arg("--db")
        .arg(db)
        .env_remove("CANDOR_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn new_incident(db: &Path) -> String {
    let out = candor(db)
        .args(["incident", "new", "--title", "Outage"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn db_check(db: &Path) -> String {
    let out = candor(db).args(["db", "check"]).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn version_text(n: usize) -> String {
    // Large enough that a write takes a while, so kills land in the middle of some.
    format!(
        "version {n}\n{}",
        format!("line of version {n} ").repeat(20_000)
    )
}

#[test]
fn eight_writers_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    let id = new_incident(&db);
    let mut children = Vec::new();
    for n in 0..8 {
        let section = if n % 2 == 0 { "summary" } else { "details" };
        let mut child = candor(&db)
            .args(["letter", "set", &id, section, "--view", "customer"])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(version_text(n).as_bytes())
            .unwrap();
        children.push(child);
    }
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Writers wait their turn: none may give up while the others finish.
        assert!(out.status.success(), "a writer failed: {stderr}");
    }
    assert_eq!(db_check(&db), "ok\n");
    let show = candor(&db)
        .args(["letter", "show", &id, "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    for (section, parity) in [("summary", 0), ("details", 1)] {
        let text = value["letter"][section]["customer"].as_str().unwrap();
        let n: usize = text.lines().next().unwrap()["version ".len()..]
            .parse()
            .unwrap();
        assert_eq!(n % 2, parity);
        assert_eq!(text, version_text(n), "one whole version, never a mix");
        let revision = value["revisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["section"] == section && r["view"] == "customer")
            .unwrap()["revision"]
            .as_i64()
            .unwrap();
        assert_eq!(revision, 4, "each of the four writes of {section} landed");
    }
}

#[test]
fn a_writer_killed_mid_write_leaves_a_sound_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    let id = new_incident(&db);
    let mut last_completed = None;
    let mut killed = 0;
    for n in 0..24 {
        let mut child = candor(&db)
            .args(["letter", "set", &id, "summary", "--view", "customer"])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(version_text(n).as_bytes());
        drop(stdin);
        // Every fourth writer is left to finish, so the file has completed writes to keep;
        // the others are killed at different moments of theirs.
        if n % 4 != 3 {
            std::thread::sleep(Duration::from_millis((n as u64 * 7) % 40));
            let _ = child.kill();
        }
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            last_completed = Some(n);
        } else {
            killed += 1;
        }
    }
    assert!(
        last_completed.is_some(),
        "no write completed, so nothing was tested"
    );
    assert!(killed > 0, "no writer was killed, so nothing was tested");
    assert_eq!(
        db_check(&db),
        "ok\n",
        "the file passes PRAGMA integrity_check after the kills"
    );
    let show = candor(&db)
        .args(["letter", "show", &id, "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    let summary = value["letter"]["summary"]["customer"].as_str().unwrap();
    if summary.is_empty() {
        assert_eq!(last_completed, None, "a completed write was lost");
        return;
    }
    let n: usize = summary
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("version ")
        .parse()
        .unwrap();
    assert_eq!(
        summary,
        version_text(n),
        "the text is one whole version, never a mix"
    );
    if let Some(done) = last_completed {
        assert!(
            n >= done,
            "version {done} completed but the file holds version {n}"
        );
    }
}
