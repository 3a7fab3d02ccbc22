//! Incidents and the texts of their letters.

use crate::{Store, StoreError};
use candor_core::{
    FactsDraft, Incident, IncidentFacts, IncidentSummary, Letter, SaveReceipt, SectionKey,
    Severity, View,
};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde_json::Value;

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
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_stamp(s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Internal(format!("unreadable time {s:?} in the database")))
}

fn parse_opt_stamp(s: Option<String>) -> Result<Option<DateTime<Utc>>, StoreError> {
    s.as_deref().map(parse_stamp).transpose()
}

const FACTS_COLUMNS: &str = "id, uid, title, service, severity, zone, started_at, detected_at, \
     mitigated_at, resolved_at, affected_share, affected_count, regions, created_at, updated_at";

/// A row of `incidents` as stored, before its text columns are parsed.
struct IncidentRow {
    id: i64,
    uid: String,
    title: String,
    service: String,
    severity: String,
    zone: String,
    times: [Option<String>; 4],
    affected_share: Option<f64>,
    affected_count: Option<i64>,
    regions: String,
    created_at: String,
    updated_at: String,
}

impl IncidentRow {
    fn read(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(IncidentRow {
            id: r.get(0)?,
            uid: r.get(1)?,
            title: r.get(2)?,
            service: r.get(3)?,
            severity: r.get(4)?,
            zone: r.get(5)?,
            times: [r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?],
            affected_share: r.get(10)?,
            affected_count: r.get(11)?,
            regions: r.get(12)?,
            created_at: r.get(13)?,
            updated_at: r.get(14)?,
        })
    }

    fn facts(&self) -> Result<IncidentFacts, StoreError> {
        let [started, detected, mitigated, resolved] = self.times.clone();
        let regions = match serde_json::from_str::<Value>(&self.regions) {
            Ok(Value::Array(items)) => items
                .into_iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        Ok(IncidentFacts {
            title: self.title.clone(),
            service: self.service.clone(),
            severity: self
                .severity
                .parse::<Severity>()
                .map_err(|e| StoreError::Internal(e.to_string()))?,
            zone: self.zone.clone(),
            started: parse_opt_stamp(started)?,
            detected: parse_opt_stamp(detected)?,
            mitigated: parse_opt_stamp(mitigated)?,
            resolved: parse_opt_stamp(resolved)?,
            affected_share: self.affected_share,
            affected_count: self.affected_count,
            regions,
        })
    }
}

impl Store {
    /// Stores a new incident after validating its facts; returns its id.
    pub fn create_incident(&mut self, facts: IncidentFacts, by: &str) -> Result<i64, StoreError> {
        let facts = facts.validated()?;
        let now = stamp(Utc::now());
        let uid = uuid::Uuid::new_v4().to_string();
        let regions = serde_json::Value::from(facts.regions.clone()).to_string();
        let inserted = self.conn.execute(
            "INSERT INTO incidents (uid, title, service, severity, zone, started_at, detected_at,
                 mitigated_at, resolved_at, affected_share, affected_count, regions,
                 created_at, created_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13)",
            params![
                uid,
                facts.title,
                facts.service,
                facts.severity.key(),
                facts.zone,
                facts.started.map(stamp),
                facts.detected.map(stamp),
                facts.mitigated.map(stamp),
                facts.resolved.map(stamp),
                facts.affected_share,
                facts.affected_count,
                regions,
                now,
                by,
            ],
        );
        inserted.map_err(|e| self.located(e.into()))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Replaces an incident's facts after validating them.
    pub fn update_facts(&mut self, id: i64, facts: IncidentFacts) -> Result<(), StoreError> {
        let facts = facts.validated()?;
        let regions = serde_json::Value::from(facts.regions.clone()).to_string();
        let changed = self
            .conn
            .execute(
                "UPDATE incidents SET title = ?2, service = ?3, severity = ?4, zone = ?5,
                     started_at = ?6, detected_at = ?7, mitigated_at = ?8, resolved_at = ?9,
                     affected_share = ?10, affected_count = ?11, regions = ?12, updated_at = ?13
                 WHERE id = ?1",
                params![
                    id,
                    facts.title,
                    facts.service,
                    facts.severity.key(),
                    facts.zone,
                    facts.started.map(stamp),
                    facts.detected.map(stamp),
                    facts.mitigated.map(stamp),
                    facts.resolved.map(stamp),
                    facts.affected_share,
                    facts.affected_count,
                    regions,
                    stamp(Utc::now()),
                ],
            )
            .map_err(|e| self.located(e.into()))?;
        if changed == 0 {
            return Err(StoreError::IncidentNotFound(id));
        }
        Ok(())
    }

    /// Every incident, newest first.
    pub fn list_incidents(&self) -> Result<Vec<IncidentSummary>, StoreError> {
        let now = Utc::now();
        let rows = (|| {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {FACTS_COLUMNS} FROM incidents ORDER BY created_at DESC, id DESC"
            ))?;
            let rows = stmt.query_map([], IncidentRow::read)?;
            rows.collect::<Result<Vec<_>, _>>()
        })()
        .map_err(|e| self.located(e.into()))?;
        rows.into_iter()
            .map(|row| {
                let facts = row.facts()?;
                Ok(IncidentSummary {
                    id: row.id,
                    derived: facts.derive(now),
                    title: facts.title,
                    service: facts.service,
                    severity: facts.severity,
                    created_at: parse_stamp(&row.created_at)?,
                    updated_at: parse_stamp(&row.updated_at)?,
                })
            })
            .collect()
    }

    /// One incident with its whole letter.
    pub fn incident(&self, id: i64) -> Result<Incident, StoreError> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {FACTS_COLUMNS} FROM incidents WHERE id = ?1"),
                [id],
                IncidentRow::read,
            )
            .optional()
            .map_err(|e| self.located(e.into()))?
            .ok_or(StoreError::IncidentNotFound(id))?;
        let facts = row.facts()?;
        let letter = self.letter(id)?;
        Ok(Incident {
            id,
            uid: row.uid.clone(),
            draft: FactsDraft::from_facts(&facts),
            derived: facts.derive(Utc::now()),
            facts,
            letter,
            created_at: parse_stamp(&row.created_at)?,
            updated_at: parse_stamp(&row.updated_at)?,
        })
    }

    fn letter(&self, id: i64) -> Result<Letter, StoreError> {
        let texts = (|| {
            let mut stmt = self
                .conn
                .prepare("SELECT section, view, body FROM sections WHERE incident_id = ?1")?;
            let rows = stmt.query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            rows.collect::<Result<Vec<_>, _>>()
        })()
        .map_err(|e| self.located(e.into()))?;
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

    fn require_incident(&self, id: i64) -> Result<(), StoreError> {
        let found = self
            .conn
            .query_row("SELECT 1 FROM incidents WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map_err(|e| self.located(e.into()))?;
        found.ok_or(StoreError::IncidentNotFound(id))
    }

    /// Saves one text of one section and keeps a revision of it, in one transaction.
    /// Saving the text it already has writes nothing.
    pub fn save_section(
        &mut self,
        id: i64,
        section: SectionKey,
        view: View,
        body: &str,
        by: &str,
    ) -> Result<SaveReceipt, StoreError> {
        if body.len() > MAX_TEXT_BYTES {
            return Err(StoreError::TextTooLong {
                bytes: body.len(),
                limit: MAX_TEXT_BYTES,
            });
        }
        self.require_incident(id)?;
        let now = Utc::now();
        let result = (|| {
            let tx = self.conn.transaction()?;
            let current: Option<String> = tx
                .query_row(
                    "SELECT body FROM sections WHERE incident_id = ?1 AND section = ?2 AND view = ?3",
                    params![id, section.key(), view.key()],
                    |r| r.get(0),
                )
                .optional()?;
            if current.as_deref().unwrap_or("") == body {
                return Ok(false);
            }
            let at = stamp(now);
            tx.execute(
                "INSERT INTO sections (incident_id, section, view, body, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (incident_id, section, view)
                 DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by",
                params![id, section.key(), view.key(), body, at, by],
            )?;
            tx.execute(
                "INSERT INTO section_revisions (incident_id, section, view, body, saved_at, saved_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, section.key(), view.key(), body, at, by],
            )?;
            tx.execute(
                "UPDATE incidents SET updated_at = ?2 WHERE id = ?1",
                params![id, at],
            )?;
            tx.commit()?;
            Ok(true)
        })();
        let changed = result.map_err(|e: rusqlite::Error| self.located(e.into()))?;
        Ok(SaveReceipt {
            changed,
            saved_at: now,
        })
    }

    /// Every saved version of one text, oldest first.
    pub fn revisions(
        &self,
        id: i64,
        section: SectionKey,
        view: View,
    ) -> Result<Vec<Revision>, StoreError> {
        let rows = (|| {
            let mut stmt = self.conn.prepare(
                "SELECT id, body, saved_at, saved_by FROM section_revisions
                 WHERE incident_id = ?1 AND section = ?2 AND view = ?3 ORDER BY id",
            )?;
            let rows = stmt.query_map(params![id, section.key(), view.key()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            rows.collect::<Result<Vec<_>, _>>()
        })()
        .map_err(|e| self.located(e.into()))?;
        rows.into_iter()
            .map(|(id, body, saved_at, saved_by)| {
                Ok(Revision {
                    id,
                    body,
                    saved_at: parse_stamp(&saved_at)?,
                    saved_by,
                })
            })
            .collect()
    }
}
