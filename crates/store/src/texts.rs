//! The texts of letters: each save keeps a revision, and a save may name the revision it
//! was based on so words saved elsewhere in between are never overwritten.

use crate::time::{parse_stamp, stamp};
use crate::{Store, StoreError, require_incident, search_index, touch};
use candor_core::{Letter, SaveReceipt, SectionKey, TextRevision, View};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

/// The largest section text Candor stores; far beyond any letter, small enough that a
/// stray paste cannot swell the file.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// One saved version of a section text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub id: i64,
    pub body: String,
    pub saved_at: DateTime<Utc>,
    pub saved_by: String,
    /// Kept by a compaction of old autosaves.
    pub kept: bool,
}

impl Store {
    /// Saves one text of one section and keeps a revision of it, in one transaction,
    /// whatever revision is stored. The window and scripts that may race another writer
    /// use [`Store::save_section_based_on`].
    pub fn save_section(
        &mut self,
        id: i64,
        section: SectionKey,
        view: View,
        body: &str,
        by: &str,
    ) -> Result<SaveReceipt, StoreError> {
        self.save_section_based_on(id, section, view, body, by, None)
    }

    /// Saves one text of one section and keeps a revision of it, in one transaction.
    /// With `base`, the save is refused with [`StoreError::Conflict`] unless the stored
    /// text is still at that revision, so words written elsewhere since are never
    /// overwritten. Saving the text it already has writes nothing.
    pub fn save_section_based_on(
        &mut self,
        id: i64,
        section: SectionKey,
        view: View,
        body: &str,
        by: &str,
        base: Option<i64>,
    ) -> Result<SaveReceipt, StoreError> {
        if body.len() > MAX_TEXT_BYTES {
            return Err(StoreError::TextTooLong {
                bytes: body.len(),
                limit: MAX_TEXT_BYTES,
            });
        }
        let now = Utc::now();
        let key = self.key_for(by)?;
        let (changed, revision) = self.write(|tx| {
            require_incident(tx, id)?;
            let current: Option<(String, i64, String, String)> = tx
                .query_row(
                    "SELECT body, revision, updated_by, updated_at FROM sections
                     WHERE incident_id = ?1 AND section = ?2 AND view = ?3",
                    params![id, section.key(), view.key()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let stored_revision = current.as_ref().map_or(0, |c| c.1);
            if current.as_ref().map_or("", |c| c.0.as_str()) == body {
                return Ok((false, stored_revision));
            }
            if let Some(base) = base
                && base != stored_revision
            {
                let (saved_by, saved_at) = current
                    .map(|c| (c.2, parse_stamp(&c.3).ok()))
                    .unwrap_or_default();
                return Err(StoreError::Conflict {
                    section,
                    view,
                    revision: stored_revision,
                    saved_by,
                    saved_at: saved_at
                        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                        .unwrap_or_default(),
                });
            }
            let at = stamp(now);
            tx.execute(
                "INSERT INTO sections (incident_id, section, view, body, updated_at, updated_by, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (incident_id, section, view)
                 DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by, revision = excluded.revision",
                params![id, section.key(), view.key(), body, at, by, stored_revision + 1],
            )?;
            tx.execute(
                "INSERT INTO section_revisions (incident_id, section, view, body, saved_at, saved_by, saved_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, section.key(), view.key(), body, at, by, key],
            )?;
            touch(tx, id, &at)?;
            search_index::reindex(tx, id)?;
            Ok((true, stored_revision + 1))
        })?;
        let letter = self.read(|conn| letter(conn, id))?;
        Ok(SaveReceipt {
            changed,
            saved_at: now,
            progress: self.progress_of(id, &letter)?,
            revision,
        })
    }

    /// The stored revision of every text of `id` that was ever saved.
    pub fn text_revisions(&self, id: i64) -> Result<Vec<TextRevision>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT section, view, revision, updated_by, updated_at FROM sections
                 WHERE incident_id = ?1",
            )?;
            let rows = stmt
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(section, view, revision, saved_by, saved_at)| {
                    Ok(TextRevision {
                        section: section
                            .parse::<SectionKey>()
                            .map_err(|e| StoreError::Internal(e.to_string()))?,
                        view: view
                            .parse::<View>()
                            .map_err(|e| StoreError::Internal(e.to_string()))?,
                        revision,
                        saved_by,
                        saved_at: parse_stamp(&saved_at).ok(),
                    })
                })
                .collect()
        })
    }

    /// Every saved version of one text, oldest first.
    pub fn revisions(
        &self,
        id: i64,
        section: SectionKey,
        view: View,
    ) -> Result<Vec<Revision>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, body, saved_at, saved_by, kept FROM section_revisions
                 WHERE incident_id = ?1 AND section = ?2 AND view = ?3 ORDER BY id",
            )?;
            let rows = stmt
                .query_map(params![id, section.key(), view.key()], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get(1)?,
                        r.get::<_, String>(2)?,
                        r.get(3)?,
                        r.get(4)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(id, body, saved_at, saved_by, kept)| {
                    Ok(Revision {
                        id,
                        body,
                        saved_at: parse_stamp(&saved_at)?,
                        saved_by,
                        kept,
                    })
                })
                .collect()
        })
    }
}

pub(crate) fn letter(conn: &Connection, id: i64) -> Result<Letter, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT section, view, body FROM sections WHERE incident_id = ?1")?;
    let texts = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut letter = Letter::default();
    for (section, view, body) in texts {
        let key = section
            .parse::<SectionKey>()
            .map_err(|e| StoreError::Internal(e.to_string()))?;
        let view = view
            .parse::<View>()
            .map_err(|e| StoreError::Internal(e.to_string()))?;
        letter.section_mut(key).set(view, body);
    }
    Ok(letter)
}

impl Store {
    /// Records in the audit log that a text was set back to an earlier version.
    pub fn record_restore(
        &mut self,
        id: i64,
        section: SectionKey,
        view: View,
        revision: i64,
        by: &str,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            crate::audit::append(
                tx,
                Some(id),
                by,
                "restore version",
                &format!(
                    "\u{201c}{}\u{201d} ({} text) set back to version {revision}",
                    section.title(),
                    view.key()
                ),
                "",
            )
        })
    }
}
