//! The facts the approval rule (`candor_core::review::approval_refusal`) needs, read from
//! the file, so a verdict recorded here and one arriving in a review package are judged
//! by the same rule on the same facts.

use crate::StoreError;
use candor_core::SectionKey;
use candor_core::review::{ApprovalRequest, approval_refusal};
use rusqlite::{Connection, OptionalExtension, params};

/// Why `reviewer` may not approve `section` (None: the letter) of incident `id`, or None.
/// `except` is an approval already written in this transaction, which does not count as
/// the last approval it is judged against. `imported_at` is the time a package import
/// wrote its texts: those revisions carry the exporter's name but record what arrived,
/// not what the exporter wrote, so they do not count as writing.
pub(crate) fn refusal(
    conn: &Connection,
    id: i64,
    reviewer: &str,
    reviewer_key: &str,
    section: Option<SectionKey>,
    except: Option<&str>,
    imported_at: Option<&str>,
) -> Result<Option<String>, StoreError> {
    let (created_by, created_key, requested): (String, String, Option<String>) = conn
        .query_row(
            "SELECT created_by, created_key, review_requested_at FROM incidents WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or(StoreError::IncidentNotFound(id))?;
    let scope = section.map(|s| s.key());
    let last_approved: Option<String> = conn.query_row(
        "SELECT max(at) FROM approvals
         WHERE incident_id = ?1 AND verdict = 'approve' AND section IS ?2 AND uid IS NOT ?3",
        params![id, scope, except],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(
        "SELECT DISTINCT saved_by, saved_key FROM section_revisions
         WHERE incident_id = ?1 AND view = 'customer'
           AND (?2 IS NULL OR section = ?2)
           AND (?3 IS NULL OR saved_at > ?3)
           AND (?4 IS NULL OR saved_at <> ?4)",
    )?;
    let (writers, writer_keys): (Vec<String>, Vec<String>) = stmt
        .query_map(params![id, scope, last_approved, imported_at], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .unzip();
    Ok(approval_refusal(&ApprovalRequest {
        reviewer,
        reviewer_key,
        section,
        review_requested: requested.is_some(),
        created_by: &created_by,
        created_key: &created_key,
        writers_since_approval: &writers,
        writer_keys_since_approval: &writer_keys,
    }))
}
