//! What the drafter says of each section: done, or (for optional sections) not needed.

use crate::time::now_stamp;
use crate::{Store, StoreError, require_incident, touch};
use candor_core::{SectionKey, SectionMark};
use rusqlite::params;

pub const REASON_MAX_CHARS: usize = 500;

impl Store {
    /// One mark per section, in letter order; a section never marked has the default.
    pub fn section_marks(&self, id: i64) -> Result<Vec<SectionMark>, StoreError> {
        let rows = self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT section, done, not_needed FROM section_marks WHERE incident_id = ?1",
            )?;
            let rows = stmt
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, bool>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })?;
        Ok(SectionKey::ALL
            .iter()
            .map(|key| {
                rows.iter()
                    .find(|(s, _, _)| s == key.key())
                    .map(|(_, done, not_needed)| SectionMark {
                        done: *done,
                        not_needed: not_needed.clone(),
                    })
                    .unwrap_or_default()
            })
            .collect())
    }

    /// Records that a section is done (or not), or not needed with a reason.
    pub fn set_section_mark(
        &mut self,
        id: i64,
        section: SectionKey,
        mark: &SectionMark,
    ) -> Result<(), StoreError> {
        let not_needed = match mark.not_needed.as_deref().map(str::trim) {
            None => None,
            Some(_) if !section.is_optional() => {
                return Err(StoreError::Refused(format!(
                    "\"{}\" is required in every letter; only \"{}\" can be marked not needed",
                    section.title(),
                    SectionKey::Right.title()
                )));
            }
            Some("") => {
                return Err(StoreError::Refused(
                    "say briefly why the letter does not need this section".into(),
                ));
            }
            Some(r) if r.chars().count() > REASON_MAX_CHARS => {
                return Err(StoreError::Refused(format!(
                    "keep the reason under {REASON_MAX_CHARS} characters"
                )));
            }
            Some(r) => Some(r.to_string()),
        };
        self.write(|tx| {
            require_incident(tx, id)?;
            tx.execute(
                "INSERT INTO section_marks (incident_id, section, done, not_needed) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (incident_id, section) DO UPDATE SET done = excluded.done, not_needed = excluded.not_needed",
                params![id, section.key(), mark.done, not_needed],
            )?;
            touch(tx, id, &now_stamp())
        })
    }
}
