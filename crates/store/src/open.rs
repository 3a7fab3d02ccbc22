//! Opening the file: refuse what is not ours or is too new before writing a byte, then set
//! the pragmas and apply each missing migration in its own transaction.

use crate::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// One entry per schema version; `PRAGMA user_version` counts how many were applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_incidents_and_letters.sql"),
    include_str!("migrations/002_log_and_actions.sql"),
    include_str!("migrations/003_marks_settings_search.sql"),
    include_str!("migrations/004_dismissals_and_audit.sql"),
    include_str!("migrations/005_review.sql"),
    include_str!("migrations/006_text_revisions_and_publication.sql"),
    include_str!("migrations/007_keys_and_signatures.sql"),
    include_str!("migrations/008_kept_versions.sql"),
    include_str!("migrations/009_seen.sql"),
    include_str!("migrations/010_promises.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// "Cand" in the file header, so a Candor file is told apart from any other SQLite file.
const APPLICATION_ID: i64 = 0x4361_6e64;

/// How long a writer waits for another process's write to finish before reporting busy:
/// a save checks the whole letter while it holds the lock, and a long letter on a slow
/// machine can take a second or more, so several writers queued behind it must not give up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

pub(crate) fn open_database(path: &Path) -> Result<Connection, StoreError> {
    let located = |e: rusqlite::Error| StoreError::from(e).located(path);
    let unavailable = |reason: String| StoreError::Unavailable {
        path: path.display().to_string(),
        reason,
    };
    if path.is_dir() {
        return Err(unavailable("it is a folder, not a file".into()));
    }
    if !path.exists()
        && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .map_err(|e| unavailable(format!("its folder cannot be created ({e})")))?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(located)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(located)?;

    // Everything up to here only reads, so a file we refuse is left byte for byte as it was.
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(located)?;
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(located)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let foreign = if version > 0 {
        application_id != APPLICATION_ID
    } else {
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(located)?;
        objects > 0
    };
    if foreign {
        return Err(StoreError::Corrupt {
            path: path.display().to_string(),
        });
    }

    // Before changing the schema of a file that holds data, keep a copy of it as it was.
    if version > 0 && version < SCHEMA_VERSION {
        crate::backup::take(&conn, path, "before-migration")?;
    }

    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(located)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(unavailable(
            "it cannot be switched to write-ahead logging".into(),
        ));
    }
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(located)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(located)?;
    migrate(&mut conn, version, SCHEMA_VERSION).map_err(located)?;
    Ok(conn)
}

/// Checks, without writing anything, that `path` is a Candor database this version reads.
pub(crate) fn check_readable(path: &Path) -> Result<(), StoreError> {
    let located = |e: rusqlite::Error| StoreError::from(e).located(path);
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(located)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(located)?;
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(located)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 || application_id != APPLICATION_ID {
        return Err(StoreError::Corrupt {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// Applies migrations `from + 1 ..= to`, each in its own transaction, so an interrupted
/// upgrade leaves the file at the last version that completed.
pub(crate) fn migrate(conn: &mut Connection, from: i64, to: i64) -> Result<(), rusqlite::Error> {
    let steps = MIGRATIONS
        .iter()
        .enumerate()
        .skip(from as usize)
        .take((to - from).max(0) as usize);
    for (index, sql) in steps {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        if index == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_enforces_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open_database(&dir.path().join("candor.db")).unwrap();
        let orphan = conn.execute(
            "INSERT INTO sections (incident_id, section, view, body, updated_at, updated_by)
             VALUES (99, 'summary', 'customer', 'x', '2026-01-01T00:00:00.000Z', 'ana')",
            [],
        );
        let err = orphan.expect_err("a text for a missing incident must be refused");
        assert_eq!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::ConstraintViolation),
            "{err}"
        );
    }

    /// Writes `tests/fixtures/v1.db`: a database as Candor 0.1's first schema left it,
    /// with one incident and its texts, for the upgrade tests. Run by hand, once:
    /// `cargo test -p candor-store -- --ignored write_v1_fixture`.
    #[test]
    #[ignore]
    fn write_v1_fixture() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.db");
        let _ = std::fs::remove_file(&path);
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, 0, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO incidents (id, uid, title, service, severity, zone, started_at, resolved_at,
                 affected_share, regions, created_at, created_by, updated_at)
             VALUES (1, '0b7e2f4c-5d1a-4e8b-9c3f-2a6d8e1f4b70', 'Payments delayed', 'Payments',
                 'sev1', 'Europe/Berlin', '2026-09-14T07:40:00.000Z', '2026-09-14T09:05:00.000Z',
                 72.5, '[\"eu-central\"]', '2026-09-14T09:30:00.000Z', 'ops',
                 '2026-09-14T10:00:00.000Z');
             INSERT INTO sections VALUES (1, 'summary', 'customer',
                 'Card payments were delayed for 85 minutes.', '2026-09-14T10:00:00.000Z', 'ops');
             INSERT INTO sections VALUES (1, 'summary', 'technical',
                 'Queue consumer stalled after a config push.', '2026-09-14T10:00:00.000Z', 'ops');
             INSERT INTO section_revisions (incident_id, section, view, body, saved_at, saved_by)
             VALUES (1, 'summary', 'customer', 'Card payments were delayed for 85 minutes.',
                 '2026-09-14T10:00:00.000Z', 'ops');",
        )
        .unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE;").unwrap();
    }

    /// Writes `tests/fixtures/v5.db`: the schema before text revisions and publication
    /// times, with a text saved three times and a published letter. Run by hand, once:
    /// `cargo test -p candor-store -- --ignored write_v5_fixture`.
    #[test]
    #[ignore]
    fn write_v5_fixture() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v5.db");
        let _ = std::fs::remove_file(&path);
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, 0, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO incidents (id, uid, title, service, severity, zone, started_at, resolved_at,
                 affected_share, regions, created_at, created_by, updated_at, published_hash,
                 logged_state)
             VALUES (1, '5d0c1e7a-8b2f-4c3d-9e4a-6f7b8c9d0e1f', 'Search returned nothing', 'Search',
                 'sev2', 'Asia/Tokyo', '2026-08-03T01:10:00.000Z', '2026-08-03T02:40:00.000Z',
                 58.0, '[]', '2026-08-03T03:00:00.000Z', 'ops', '2026-08-03T09:00:00.000Z',
                 'feed', 'published');
             INSERT INTO sections VALUES (1, 'summary', 'customer',
                 'Search showed no results for 90 minutes.', '2026-08-03T08:00:00.000Z', 'ops');
             INSERT INTO section_revisions (incident_id, section, view, body, saved_at, saved_by)
             VALUES (1, 'summary', 'customer', 'Search was down.', '2026-08-03T06:00:00.000Z', 'ops'),
                    (1, 'summary', 'customer', 'Search showed nothing.', '2026-08-03T07:00:00.000Z', 'ops'),
                    (1, 'summary', 'customer', 'Search showed no results for 90 minutes.',
                     '2026-08-03T08:00:00.000Z', 'ops');
             INSERT INTO audit_log (incident_id, at, actor, action, detail, content_hash, prev_hash, hash)
             VALUES (1, '2026-08-03T10:40:00.000Z', 'ops', 'export final', 'html', 'feed', '', 'x');",
        )
        .unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE;").unwrap();
    }

    /// Writes `tests/fixtures/v9.db`: the schema before promises, with a letter published
    /// on 1 October 2026 whose "better" section promises a step by March 2027. Run by hand,
    /// once: `cargo test -p candor-store -- --ignored write_v9_fixture`.
    #[test]
    #[ignore]
    fn write_v9_fixture() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v9.db");
        let _ = std::fs::remove_file(&path);
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, 0, 9).unwrap();
        conn.execute_batch(
            "INSERT INTO incidents (id, uid, title, service, severity, zone, created_at, created_by,
                 updated_at, published_hash, published_at, logged_state)
             VALUES (1, '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', 'Exports stalled', 'Exports',
                 'sev2', 'UTC', '2026-09-30T08:00:00.000Z', 'ops', '2026-10-01T09:00:00.000Z',
                 'feed', '2026-10-01T10:00:00.000Z', 'published');
             INSERT INTO sections (incident_id, section, view, body, updated_at, updated_by, revision)
             VALUES (1, 'better', 'customer',
                 'We now alert when exports stall. By the end of March 2027 we will split exports into their own queue.',
                 '2026-10-01T08:00:00.000Z', 'ops', 1);",
        )
        .unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE;").unwrap();
    }
}
