//! Keeping the full-text index of titles and letters in step with every write.

use crate::StoreError;
use rusqlite::{Connection, params};

/// Rewrites incident `id`'s row in the index from its title and texts.
pub(crate) fn reindex(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.execute("DELETE FROM search_text WHERE rowid = ?1", [id])?;
    conn.execute(
        "INSERT INTO search_text (rowid, title, body)
         SELECT i.id, i.title,
                coalesce((SELECT group_concat(s.body, char(10)) FROM sections s
                          WHERE s.incident_id = i.id), '')
         FROM incidents i WHERE i.id = ?1",
        params![id],
    )?;
    Ok(())
}
