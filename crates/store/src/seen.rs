//! When each person last looked at a letter in review, and the letter's texts as they
//! stood then.

use crate::time::{now_stamp, parse_stamp, stamp};
use crate::{Store, StoreError, require_incident};
use candor_core::{Letter, SectionKey, View};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use std::collections::BTreeSet;

impl Store {
    /// When `person` last looked at incident `id` in review, if ever.
    pub fn seen_at(&self, id: i64, person: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<String> = self.read(|conn| {
            Ok(conn
                .query_row(
                    "SELECT at FROM seen WHERE incident_id = ?1 AND person = ?2",
                    params![id, person.trim()],
                    |r| r.get(0),
                )
                .optional()?)
        })?;
        at.map(|a| parse_stamp(&a)).transpose()
    }

    /// Records that `person` looked at incident `id` in review now.
    pub fn mark_seen(&mut self, id: i64, person: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            require_incident(tx, id)?;
            tx.execute(
                "INSERT INTO seen (incident_id, person, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (incident_id, person) DO UPDATE SET at = excluded.at",
                params![id, person.trim(), now_stamp()],
            )?;
            Ok(())
        })
    }

    /// The customer texts of incident `id` as they stood at `at`.
    pub fn customer_texts_at(&self, id: i64, at: DateTime<Utc>) -> Result<Letter, StoreError> {
        self.read(|conn| {
            let mut letter = Letter::default();
            let mut stmt = conn.prepare_cached(
                "SELECT body FROM section_revisions
                 WHERE incident_id = ?1 AND section = ?2 AND view = 'customer' AND saved_at <= ?3
                 ORDER BY saved_at DESC, id DESC LIMIT 1",
            )?;
            for key in SectionKey::ALL {
                let body: Option<String> = stmt
                    .query_row(params![id, key.key(), stamp(at)], |r| r.get(0))
                    .optional()?;
                letter
                    .section_mut(key)
                    .set(View::Customer, body.unwrap_or_default());
            }
            Ok(letter)
        })
    }

    /// The incidents whose customer text someone else changed since `person` last looked.
    pub fn changed_since_seen(&self, person: &str) -> Result<BTreeSet<i64>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT s.incident_id FROM seen s WHERE s.person = ?1 AND EXISTS (
                     SELECT 1 FROM section_revisions r
                     WHERE r.incident_id = s.incident_id AND r.view = 'customer'
                       AND r.saved_at > s.at AND r.saved_by <> ?1 COLLATE NOCASE)",
            )?;
            let ids = stmt
                .query_map([person.trim()], |r| r.get(0))?
                .collect::<Result<BTreeSet<i64>, _>>()?;
            Ok(ids)
        })
    }
}
