//! The history a review package carries: the recent versions of each text, as the
//! section history groups them, so a reviewer on another machine sees what changed and
//! when, in the drafter's own times. Importing adds only the versions not yet there.

use crate::{Store, StoreError};
use candor_core::history::{Save, versions};
use candor_core::{SectionKey, View};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// The most recent versions of each text a package carries: enough to see every change
/// a review round makes, without letting years of drafts swell the file.
const VERSIONS_PER_TEXT: usize = 30;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageVersion {
    pub section: SectionKey,
    pub view: View,
    pub body: String,
    pub saved_at: String,
    pub saved_by: String,
}

impl Store {
    /// Each text's recent versions, oldest first.
    pub(crate) fn package_history(&self, id: i64) -> Result<Vec<PackageVersion>, StoreError> {
        let mut out = Vec::new();
        for section in SectionKey::ALL {
            for view in [View::Technical, View::Customer] {
                let saves: Vec<Save> = self
                    .revisions(id, section, view)?
                    .into_iter()
                    .map(|r| Save {
                        id: r.id,
                        body: r.body,
                        saved_at: r.saved_at,
                        saved_by: r.saved_by,
                        kept: r.kept,
                    })
                    .collect();
                // Newest first, as the history lists them.
                let ends: Vec<i64> = versions(&saves)
                    .iter()
                    .take(VERSIONS_PER_TEXT)
                    .map(|v| v.revision)
                    .collect();
                out.extend(saves.into_iter().filter(|s| ends.contains(&s.id)).map(|s| {
                    PackageVersion {
                        section,
                        view,
                        body: s.body,
                        saved_at: crate::time::stamp(s.saved_at),
                        saved_by: s.saved_by,
                    }
                }));
            }
        }
        Ok(out)
    }
}

/// Adds the package's versions this file does not hold yet, kept so that compaction
/// leaves them as they came.
pub(crate) fn import_history(
    tx: &Connection,
    id: i64,
    history: &[PackageVersion],
) -> Result<(), StoreError> {
    for v in history {
        crate::time::parse_stamp(&v.saved_at)?;
        tx.execute(
            "INSERT INTO section_revisions (incident_id, section, view, body, saved_at, saved_by, kept)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, 1
             WHERE NOT EXISTS (SELECT 1 FROM section_revisions WHERE incident_id = ?1
                 AND section = ?2 AND view = ?3 AND saved_at = ?5 AND body = ?4)",
            params![id, v.section.key(), v.view.key(), v.body, v.saved_at, v.saved_by],
        )?;
    }
    Ok(())
}

/// Records an imported text as a revision, unless the history it came with already ends
/// with exactly that text.
pub(crate) fn record_imported_text(
    tx: &Connection,
    id: i64,
    (section, view): (SectionKey, View),
    body: &str,
    at: &str,
    by: &str,
) -> Result<(), StoreError> {
    let latest: Option<String> = tx
        .query_row(
            "SELECT body FROM section_revisions WHERE incident_id = ?1 AND section = ?2 AND view = ?3
             ORDER BY saved_at DESC, id DESC LIMIT 1",
            params![id, section.key(), view.key()],
            |r| r.get(0),
        )
        .optional()?;
    if latest.as_deref() != Some(body) {
        tx.execute(
            "INSERT INTO section_revisions (incident_id, section, view, body, saved_at, saved_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, section.key(), view.key(), body, at, by],
        )?;
    }
    Ok(())
}
