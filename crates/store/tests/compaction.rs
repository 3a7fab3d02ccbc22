// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! A working day of autosaves, compacted: the history stays small, every version a
//! person can see is still there, and so is every text that was approved or exported.

use candor_core::audit::{GENESIS, chain_hash, sha256_hex};
use candor_core::{IncidentFacts, SectionKey, View};
use candor_store::Store;
use chrono::{Duration, SecondsFormat, Utc};
use rusqlite::{OptionalExtension, params};

fn stamp(t: chrono::DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[test]
fn two_thousand_autosaves_of_a_5000_word_letter_compact_under_5_mb_keeping_what_matters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let mut store = Store::open(&path).unwrap();
    let id = store
        .create_incident(IncidentFacts::titled("Orders delayed"), "dana")
        .unwrap();
    drop(store);

    // Dana types all day: 2,000 autosaves over eight hours, the text growing from 2,500
    // to 5,000 words, a few words per save, as the window's autosave would write them.
    let now = Utc::now();
    let start = now - Duration::hours(8);
    let words: Vec<String> = (0..5000).map(|i| format!("word{}", i % 97)).collect();
    let text_at = |n: usize| words[..2500 + n * 2500 / 1999].join(" ");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    for n in 0..2000 {
        let at = start + Duration::milliseconds(n as i64 * 14_400);
        conn.execute(
            "INSERT INTO section_revisions (incident_id, section, view, body, saved_at, saved_by)
             VALUES (?1, 'details', 'customer', ?2, ?3, 'dana')",
            params![id, text_at(n), stamp(at)],
        )
        .unwrap();
    }
    // Robin approved the text as it stood at save 700; the letter was exported at save 1,400.
    let approved_at = start + Duration::milliseconds(700 * 14_400 + 1_000);
    conn.execute(
        "INSERT INTO approvals (uid, incident_id, section, reviewer, role, verdict, comment, content_hash, content, at)
         VALUES ('a1', ?1, 'details', 'robin', 'communications', 'approve', '', ?2, ?3, ?4)",
        params![id, sha256_hex(&text_at(700)), text_at(700), stamp(approved_at)],
    )
    .unwrap();
    let exported_at = start + Duration::milliseconds(1400 * 14_400 + 1_000);
    let prev: String = conn
        .query_row(
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
        .unwrap_or_else(|| GENESIS.to_string());
    let at = stamp(exported_at);
    let hash = chain_hash(&prev, Some(id), &at, "dana", "export final", "html", "h");
    conn.execute(
        "INSERT INTO audit_log (incident_id, at, actor, action, detail, content_hash, prev_hash, hash)
         VALUES (?1, ?2, 'dana', 'export final', 'html', 'h', ?3, ?4)",
        params![id, at, prev, hash],
    )
    .unwrap();
    conn.execute_batch("COMMIT").unwrap();
    let before: i64 = conn
        .query_row("SELECT sum(length(body)) FROM section_revisions", [], |r| {
            r.get(0)
        })
        .unwrap();
    drop(conn);

    // The versions as they read before compaction, from the saves as written.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let written: Vec<candor_core::history::Save> = conn
        .prepare("SELECT id, body, saved_at, saved_by FROM section_revisions WHERE section = 'details' ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            let at: String = r.get(2)?;
            Ok(candor_core::history::Save {
                id: r.get(0)?,
                body: r.get(1)?,
                saved_at: chrono::DateTime::parse_from_rfc3339(&at).unwrap().with_timezone(&Utc),
                saved_by: r.get(3)?,
                kept: false,
            })
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    drop(conn);
    let versions_before = candor_core::history::versions(&written);
    // Opening the file compacts it once a day, after its daily backup.
    let mut store = Store::open(&path).unwrap();
    let done = store.compact_history(now).unwrap();
    let after = saves(&store, id);
    println!(
        "2,000 saves, {before} bytes of text; compacted to {} saves, {} bytes",
        done.kept, done.bytes
    );
    assert!(done.bytes < 5_000_000, "{} bytes", done.bytes);
    assert!(
        before > 20_000_000,
        "the day wrote {before} bytes before compaction"
    );
    // Every version a person saw is still there: the save each one ended with.
    for v in &versions_before {
        assert!(
            after.iter().any(|s| s.id == v.revision),
            "version {} was lost",
            v.revision
        );
    }
    let kept: Vec<&str> = after.iter().map(|s| s.body.as_str()).collect();
    assert!(
        kept.contains(&text_at(700).as_str()),
        "the approved text is kept"
    );
    assert!(
        kept.contains(&text_at(1400).as_str()),
        "the exported text is kept"
    );
    assert!(
        kept.contains(&text_at(1999).as_str()),
        "the newest text is kept"
    );
    assert_eq!(done.removed, 0, "compacting again removes nothing");
    assert_eq!(after.len(), done.kept);
    assert!(after.len() < 2000);
}

fn saves(store: &Store, id: i64) -> Vec<candor_core::history::Save> {
    store
        .revisions(id, SectionKey::Details, View::Customer)
        .unwrap()
        .into_iter()
        .map(|r| candor_core::history::Save {
            id: r.id,
            body: r.body,
            saved_at: r.saved_at,
            saved_by: r.saved_by,
            kept: r.kept,
        })
        .collect()
}
