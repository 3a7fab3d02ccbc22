// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn candor(db: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CANDOR_DB")
        // Test keys stay beside the scratch database, never in the desktop's keyring.
        .env("CANDOR_KEYRING", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // The command may refuse its arguments before reading standard input.
        let _ = input.write_all(bytes);
    }
    drop(input);
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    (dir, path)
}

fn assert_bad_input(run: &Run, needle: &str) {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "one line on stderr: {:?}",
        run.stderr
    );
    assert!(
        run.stderr.contains(needle),
        "{:?} should mention {needle:?}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn writes_and_shows_a_letter() {
    let (_dir, db) = temp_db();
    let new = candor(
        &db,
        &[
            "incident",
            "new",
            "--title",
            "Checkout outage",
            "--zone",
            "America/New_York",
            "--started",
            "2026-10-26T14:05",
            "--resolved",
            "2026-10-26T15:40",
            "--severity",
            "sev1",
            "--region",
            "us-east",
        ],
        None,
    );
    assert_eq!(new.code, 0, "{}", new.stderr);
    let id = new.stdout.trim().to_string();
    assert_eq!(id, "1");

    let set = candor(
        &db,
        &["letter", "set", &id, "summary", "--view", "customer"],
        Some("Checkout was down.".as_bytes()),
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let dir = tempfile::tempdir().unwrap();
    let thanks = dir.path().join("thanks.md");
    std::fs::write(&thanks, "Thank you for your patience.\n").unwrap();
    let set = candor(
        &db,
        &[
            "letter",
            "set",
            &id,
            "Thank you",
            "--view",
            "customer",
            "--file",
            thanks.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let set = candor(
        &db,
        &["letter", "set", &id, "summary", "--view", "technical"],
        Some(b"lb-2 dropped"),
    );
    assert_eq!(set.code, 0, "{}", set.stderr);

    let show = candor(&db, &["letter", "show", &id, "--format", "markdown"], None);
    assert_eq!(show.code, 0);
    assert_eq!(
        show.stdout,
        "# Checkout outage\n\n## Summary of events\n\nCheckout was down.\n\n## Thank you\n\nThank you for your patience.\n"
    );

    let json = candor(&db, &["letter", "show", &id, "--format", "json"], None);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["facts"]["started"], "2026-10-26T18:05:00Z");
    assert_eq!(value["letter"]["summary"]["technical"], "lb-2 dropped");
    assert_eq!(value["derived"]["duration_minutes"], 95);
}

#[test]
fn lists_incidents_newest_first() {
    let (_dir, db) = temp_db();
    for title in ["First", "Second"] {
        assert_eq!(
            candor(&db, &["incident", "new", "--title", title], None).code,
            0
        );
    }
    let list = candor(&db, &["incident", "list", "--format", "json"], None);
    let value: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    let titles: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["Second", "First"]);
    let text = candor(&db, &["incident", "list"], None);
    assert!(
        text.stdout.lines().next().unwrap().ends_with("\tSecond"),
        "{}",
        text.stdout
    );
}

#[test]
fn bad_facts_exit_2_with_one_line() {
    let (_dir, db) = temp_db();
    let zone = candor(
        &db,
        &["incident", "new", "--title", "X", "--zone", "Mars/Base"],
        None,
    );
    assert_bad_input(&zone, "Mars/Base");
    let order = candor(
        &db,
        &[
            "incident",
            "new",
            "--title",
            "X",
            "--started",
            "2026-10-26T14:00Z",
            "--resolved",
            "2026-10-26T13:00Z",
        ],
        None,
    );
    assert_bad_input(&order, "resolved time is before the started time");
    let empty = candor(&db, &["incident", "new", "--title", "  "], None);
    assert_bad_input(&empty, "needs a title");
    let list = candor(&db, &["incident", "list", "--format", "json"], None);
    assert_eq!(list.stdout.trim(), "[]", "nothing was created");
}

#[test]
fn bad_letter_input_exits_2() {
    let (_dir, db) = temp_db();
    candor(&db, &["incident", "new", "--title", "X"], None);
    assert_bad_input(
        &candor(
            &db,
            &["letter", "set", "1", "epilogue", "--view", "customer"],
            Some(b"x"),
        ),
        "unknown section",
    );
    assert_bad_input(
        &candor(
            &db,
            &["letter", "set", "7", "summary", "--view", "customer"],
            Some(b"x"),
        ),
        "no incident 7",
    );
    assert_bad_input(
        &candor(
            &db,
            &["letter", "set", "1", "summary", "--view", "customer"],
            Some(&[0x66, 0xff, 0xfe]),
        ),
        "not UTF-8",
    );
    assert_bad_input(
        &candor(
            &db,
            &[
                "letter",
                "set",
                "1",
                "summary",
                "--view",
                "customer",
                "--file",
                "/nonexistent/x.md",
            ],
            None,
        ),
        "no such file",
    );
    assert_bad_input(
        &candor(&db, &["letter", "show", "9"], None),
        "no incident 9",
    );
}

#[test]
fn refuses_a_damaged_database_and_leaves_it_alone() {
    let (_dir, db) = temp_db();
    let garbage = b"not a database at all\n".repeat(100);
    std::fs::write(&db, &garbage).unwrap();
    let run = candor(&db, &["incident", "list"], None);
    assert_bad_input(&run, "is not a Candor database or is damaged");
    assert_eq!(std::fs::read(&db).unwrap(), garbage);
}

#[test]
fn refuses_a_database_from_a_newer_candor() {
    let (_dir, db) = temp_db();
    candor(&db, &["incident", "new", "--title", "X"], None);
    bump_schema_version(&db);
    let before = std::fs::read(&db).unwrap();
    let run = candor(&db, &["incident", "list"], None);
    assert_bad_input(&run, "newer Candor");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// Sets `user_version` far ahead by writing the header field directly (bytes 60..64), the
/// way a future Candor's schema would look to this one.
fn bump_schema_version(db: &Path) {
    // The CLI closed its connection, so the write-ahead log is folded into the file.
    let mut bytes = std::fs::read(db).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(db, bytes).unwrap();
}

fn check_file(args: &[&str], contents: &str) -> Run {
    let (_dir, db) = temp_db();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("letter.md");
    std::fs::write(&file, contents).unwrap();
    let mut all = vec!["check", file.to_str().unwrap()];
    all.extend_from_slice(args);
    candor(&db, &all, None)
}

const GOOD_LETTER: &str = "# Reminders stopped\n\n## Summary of events\n\nOn Tuesday from 12:40 to 3:50 PM Mountain Time, reminders did not go out.\n\n## What happened in detail\n\nA change we made stopped them.\n\n## Where we went wrong\n\nWe released in clinic hours. We are sorry.\n\n## How we're doing better\n\n- We alert on silence. In place since November 18.\n\n## Thank you\n\nThank you for your patience.\n";

#[test]
fn check_exits_0_on_a_clean_letter_and_1_on_errors() {
    let clean = check_file(&[], GOOD_LETTER);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    assert_eq!(clean.stdout, "");

    let bad = GOOD_LETTER.replace("We are sorry.", "We apologize for any inconvenience.");
    let run = check_file(&[], &bad);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.iter().any(|l| l.ends_with("letter.md:13:33 error Candor.NonApology \u{201c}apologize for any inconvenience\u{201d} reads as an apology that does not own the harm. Say what we are sorry for, without conditions.")), "{lines:?}");
}

#[test]
fn check_json_has_exactly_the_documented_fields() {
    let run = check_file(
        &["--format", "json"],
        &GOOD_LETTER.replace("reminders did not", "Dana saw reminders did not"),
    );
    assert_eq!(run.code, 1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = value.as_array().unwrap();
    let f = findings
        .iter()
        .find(|f| f["category"] == "person-name")
        .unwrap();
    let mut keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "category", "column", "end", "fix", "level", "line", "message", "rule", "section",
            "start", "text"
        ]
    );
    assert_eq!(f["text"], "Dana");
    assert_eq!(f["section"], "summary");
    let (start, end) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &GOOD_LETTER.replace("reminders did not", "Dana saw reminders did not")[start..end],
        "Dana"
    );
}

#[test]
fn check_with_a_house_style_and_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let style = dir.path().join("house.toml");
    std::fs::write(&style, "banned = [\"clinic hours\"]\n").unwrap();
    let run = check_file(&["--style", style.to_str().unwrap()], GOOD_LETTER);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("House.Banned"), "{}", run.stdout);

    std::fs::write(&style, "baned = [\"x\"]\n").unwrap();
    let run = check_file(&["--style", style.to_str().unwrap()], GOOD_LETTER);
    assert_bad_input(&run, "house.toml:1");

    let (_d, db) = temp_db();
    assert_bad_input(
        &candor(&db, &["check", "/nonexistent/letter.md"], None),
        "no such file",
    );
    let bin = dir.path().join("bin.md");
    std::fs::write(&bin, [0xff, 0xfe, 0x00]).unwrap();
    assert_bad_input(
        &candor(&db, &["check", bin.to_str().unwrap()], None),
        "not UTF-8",
    );
}

#[test]
fn a_file_that_is_not_a_letter_is_checked_as_one_text() {
    let run = check_file(&[], "## Notes\n\nWe apologize for any inconvenience.\n");
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains("EmptySection"), "{}", run.stdout);
    assert!(run.stdout.contains("Candor.NonApology"));
}

fn write_clean_letter(db: &Path) -> String {
    let id = candor(
        db,
        &[
            "--as",
            "dana",
            "incident",
            "new",
            "--title",
            "Reminders stopped",
        ],
        None,
    )
    .stdout
    .trim()
    .to_string();
    for (section, text) in [
        (
            "summary",
            "On Tuesday from 12:40 to 3:50 PM Mountain Time, reminders did not go out.",
        ),
        ("details", "A change we made stopped them."),
        ("wrong", "We released in clinic hours. We are sorry."),
        (
            "better",
            "- We alert on silence. In place since November 18.",
        ),
        ("thanks", "Thank you for your patience."),
    ] {
        let run = candor(
            db,
            &[
                "--as", "dana", "letter", "set", &id, section, "--view", "customer",
            ],
            Some(text.as_bytes()),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    id
}

#[test]
fn review_from_the_command_line() {
    let (_dir, db) = temp_db();
    let id = write_clean_letter(&db);
    let status = candor(&db, &["review", "status", &id], None);
    assert!(
        status.stdout.starts_with("state: draft\n"),
        "{}",
        status.stdout
    );
    assert!(
        status
            .stdout
            .contains("blocked: no communications approval of the whole letter yet")
    );

    // Nothing is approved before the drafter asks for review.
    let early = candor(
        &db,
        &[
            "review",
            "approve",
            &id,
            "--as",
            "robin",
            "--role",
            "communications",
        ],
        None,
    );
    assert_bad_input(&early, "has not been sent for review");
    let requested = candor(&db, &["--as", "dana", "review", "request", &id], None);
    assert_eq!(requested.stdout.trim(), "in review", "{}", requested.stderr);

    // Anyone who wrote customer text is a drafter too, not only the incident's creator.
    let edit = candor(
        &db,
        &[
            "--as", "sam", "letter", "set", &id, "details", "--view", "customer",
        ],
        Some(b"A change we made to the schedule stopped them."),
    );
    assert_eq!(edit.code, 0, "{}", edit.stderr);
    let writer = candor(
        &db,
        &[
            "review",
            "approve",
            &id,
            "--as",
            "Sam",
            "--role",
            "communications",
        ],
        None,
    );
    assert_bad_input(&writer, "wrote customer text of this letter");
    let section_writer = candor(
        &db,
        &[
            "review",
            "approve",
            &id,
            "--as",
            "sam",
            "--role",
            "legal",
            "--section",
            "details",
        ],
        None,
    );
    assert_bad_input(
        &section_writer,
        "wrote customer text of \u{201c}What happened in detail\u{201d}",
    );

    // The drafter cannot approve their own letter.
    let own = candor(
        &db,
        &[
            "review",
            "approve",
            &id,
            "--as",
            "dana",
            "--role",
            "communications",
        ],
        None,
    );
    assert_bad_input(&own, "drafted this letter");

    let ok = candor(
        &db,
        &[
            "review",
            "approve",
            &id,
            "--as",
            "robin",
            "--role",
            "communications",
            "--comment",
            "Clear",
        ],
        None,
    );
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(ok.stdout.trim(), "approved");

    // An edit makes the approval stale and the letter goes back to review.
    candor(
        &db,
        &[
            "--as", "dana", "letter", "set", &id, "thanks", "--view", "customer",
        ],
        Some(b"Thank you for your trust."),
    );
    let json = candor(&db, &["review", "status", &id, "--format", "json"], None);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["state"], "in_review");
    assert_eq!(value["stale_roles"][0], "communications");
    assert_bad_input(
        &candor(
            &db,
            &[
                "review",
                "approve",
                &id,
                "--as",
                "robin",
                "--role",
                "marketing",
            ],
            None,
        ),
        "not a role",
    );
}

#[test]
fn packages_from_the_command_line() {
    let (_dir, drafter) = temp_db();
    let (_dir2, reviewer) = temp_db();
    let id = write_clean_letter(&drafter);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.candor.json");
    let export = candor(
        &drafter,
        &[
            "--as",
            "dana",
            "package",
            "export",
            &id,
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(export.code, 0, "{}", export.stderr);

    // Dana's key is new to Robin: nothing is imported until Robin trusts it.
    let unconfirmed = candor(
        &reviewer,
        &["--as", "robin", "package", "import", out.to_str().unwrap()],
        None,
    );
    assert_eq!(unconfirmed.code, 2, "{}", unconfirmed.stderr);
    let fingerprint = unconfirmed
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("candor: dana signed with a key not seen here: "))
        .unwrap_or_else(|| panic!("{}", unconfirmed.stderr))
        .to_string();
    assert!(
        unconfirmed.stderr.contains("--trust"),
        "{}",
        unconfirmed.stderr
    );
    let listed = candor(&reviewer, &["incident", "list", "--format", "json"], None);
    assert_eq!(listed.stdout.trim(), "[]", "nothing was imported");

    let import = candor(
        &reviewer,
        &[
            "--as",
            "robin",
            "package",
            "import",
            out.to_str().unwrap(),
            "--trust",
            &fingerprint,
        ],
        None,
    );
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert!(import.stdout.contains("created"), "{}", import.stdout);
    assert!(import.stdout.contains(&fingerprint), "{}", import.stdout);

    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::write(
        &out,
        text.replace("reminders did not go out", "everything was fine"),
    )
    .unwrap();
    let tampered = candor(
        &reviewer,
        &["--as", "robin", "package", "import", out.to_str().unwrap()],
        None,
    );
    assert_bad_input(&tampered, "changed after dana exported and signed it");
}

#[test]
fn export_is_a_draft_until_approved_then_final_and_published() {
    let (_dir, db) = temp_db();
    let id = write_clean_letter(&db);
    let draft = candor(&db, &["export", &id, "--format", "html"], None);
    assert_eq!(draft.code, 0, "{}", draft.stderr);
    assert!(draft.stdout.contains("<strong>DRAFT</strong>"));
    assert!(
        draft
            .stdout
            .contains("no communications approval of the whole letter yet")
    );
    let md = candor(&db, &["export", &id, "--format", "markdown"], None);
    assert!(md.stdout.starts_with("**DRAFT"), "{}", md.stdout);

    candor(&db, &["--as", "dana", "review", "request", &id], None);
    candor(
        &db,
        &[
            "review",
            "approve",
            &id,
            "--as",
            "robin",
            "--role",
            "communications",
        ],
        None,
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("letter.html");
    let final_ = candor(
        &db,
        &[
            "--as",
            "dana",
            "export",
            &id,
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(final_.code, 0, "{}", final_.stderr);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("DRAFT"), "an approved letter exports final");
    assert!(html.contains("<h2>Summary of events</h2>"));
    assert!(
        html.contains("Approved by robin (communications)"),
        "{html}"
    );

    // Anyone sent the letter and its signature can check it, without a database.
    let verified = candor(&db, &["verify", out.to_str().unwrap()], None);
    assert_eq!(verified.code, 0, "{}", verified.stderr);
    assert!(
        verified
            .stdout
            .contains("approved by robin, communications"),
        "{}",
        verified.stdout
    );
    std::fs::write(
        &out,
        html.replacen("<h2>Summary of events</h2>", "<h2>Summary of event</h2>", 1),
    )
    .unwrap();
    let changed = candor(&db, &["verify", out.to_str().unwrap()], None);
    assert_eq!(changed.code, 1, "{}", changed.stdout);
    assert!(
        changed.stderr.contains("changed after it was signed"),
        "{}",
        changed.stderr
    );
    std::fs::write(&out, &html).unwrap();
    std::fs::remove_file(dir.path().join("letter.sig.json")).unwrap();
    assert_bad_input(
        &candor(&db, &["verify", out.to_str().unwrap()], None),
        "no signature beside",
    );
    let status = candor(&db, &["review", "status", &id], None);
    assert!(
        status.stdout.starts_with("state: published"),
        "{}",
        status.stdout
    );

    // The Markdown export reads back through `candor check` without an error.
    let md_path = dir.path().join("letter.md");
    candor(
        &db,
        &[
            "export",
            &id,
            "--format",
            "markdown",
            "--out",
            md_path.to_str().unwrap(),
        ],
        None,
    );
    let check = candor(&db, &["check", md_path.to_str().unwrap()], None);
    assert_eq!(check.code, 0, "{}", check.stdout);

    let technical = candor(&db, &["export", &id, "--format", "technical-html"], None);
    assert!(technical.stdout.contains("INTERNAL"));
    // A PDF needs the window's print engine; the command line says where to find it.
    assert_bad_input(
        &candor(&db, &["export", &id, "--format", "pdf"], None),
        "Save as PDF",
    );
    assert_bad_input(
        &candor(&db, &["export", &id, "--format", "docx"], None),
        "not an export format",
    );
}

#[test]
fn without_a_desktop_keyring_a_key_goes_to_a_private_file_beside_the_database() {
    let (dir, db) = temp_db();
    // The keyring is asked for (no CANDOR_KEYRING=off), but no Secret Service answers.
    let run = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "--as",
            "dana",
            "incident",
            "new",
            "--title",
            "Exports stalled",
        ])
        .env_remove("CANDOR_DB")
        .env_remove("CANDOR_KEYRING")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", dir.path().join("no-bus").display()),
        )
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let keys: Vec<_> = std::fs::read_dir(db.with_file_name("candor.db.keys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(keys.len(), 1, "{keys:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&keys[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "mode {mode:o}");
    }
}
