//! Incidents: their facts, and the whole incident as the window shows it.

use crate::texts::letter;
use crate::time::{now_stamp, parse_opt_stamp, parse_stamp, stamp};
use crate::{Store, StoreError, search_index};
use candor_core::{
    FactsDraft, Incident, IncidentFacts, IncidentSummary, Letter, LetterState, SectionKey,
    SectionProgress, Severity, section_state,
};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::Value;

pub(crate) const FACTS_COLUMNS: &str = "id, uid, title, service, severity, zone, started_at, \
     detected_at, mitigated_at, resolved_at, affected_share, affected_count, regions, created_at, \
     updated_at, logged_state, published_at";

/// A row of `incidents` as stored, before its text columns are parsed.
pub(crate) struct IncidentRow {
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
    /// The state last derived and written to the audit log, for lists that cannot afford
    /// to derive it for every incident.
    logged_state: String,
    /// When the letter first went out final; the publishing clock stops there.
    published_at: Option<String>,
}

impl IncidentRow {
    pub(crate) fn read(r: &Row<'_>) -> rusqlite::Result<Self> {
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
            logged_state: r.get(15)?,
            published_at: r.get(16)?,
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

    fn state(&self) -> LetterState {
        match self.logged_state.as_str() {
            "in_review" => LetterState::InReview,
            "approved" => LetterState::Approved,
            "published" => LetterState::Published,
            _ => LetterState::Draft,
        }
    }

    fn derived(
        &self,
        facts: &IncidentFacts,
        now: DateTime<Utc>,
    ) -> Result<candor_core::DerivedFacts, StoreError> {
        let published = parse_opt_stamp(self.published_at.clone())?;
        Ok(facts.derive_published(now, published))
    }

    pub(crate) fn summary(self, now: DateTime<Utc>) -> Result<IncidentSummary, StoreError> {
        let facts = self.facts()?;
        Ok(IncidentSummary {
            id: self.id,
            derived: self.derived(&facts, now)?,
            title: facts.title,
            service: facts.service,
            severity: facts.severity,
            state: self.state(),
            created_at: parse_stamp(&self.created_at)?,
            updated_at: parse_stamp(&self.updated_at)?,
            unseen_changes: false,
        })
    }
}

/// Writes validated facts over the stored ones; times after this moment are refused.
fn write_facts(tx: &Connection, id: i64, facts: IncidentFacts) -> Result<(), StoreError> {
    let facts = facts.validated()?;
    facts.check_not_future(Utc::now())?;
    let changed = tx.execute(
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
            regions_json(&facts),
            now_stamp(),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::IncidentNotFound(id));
    }
    search_index::reindex(tx, id)
}

fn regions_json(facts: &IncidentFacts) -> String {
    Value::from(facts.regions.clone()).to_string()
}

impl Store {
    /// Stores a new incident after validating its facts; returns its id.
    pub fn create_incident(&mut self, facts: IncidentFacts, by: &str) -> Result<i64, StoreError> {
        let facts = facts.validated()?;
        facts.check_not_future(Utc::now())?;
        let uid = uuid::Uuid::new_v4().to_string();
        let key = self.key_for(by)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO incidents (uid, title, service, severity, zone, started_at, detected_at,
                     mitigated_at, resolved_at, affected_share, affected_count, regions,
                     created_at, created_by, updated_at, created_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?15)",
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
                    regions_json(&facts),
                    now_stamp(),
                    by,
                    key,
                ],
            )?;
            let id = tx.last_insert_rowid();
            search_index::reindex(tx, id)?;
            Ok(id)
        })
    }

    /// Applies what someone changed in the facts form: the fields where `edited` differs
    /// from `base` (what the form showed) replace the stored ones, and every other field
    /// stays as stored, in one transaction.
    pub fn edit_facts(
        &mut self,
        id: i64,
        base: &FactsDraft,
        edited: FactsDraft,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let row = tx
                .query_row(
                    &format!("SELECT {FACTS_COLUMNS} FROM incidents WHERE id = ?1"),
                    [id],
                    IncidentRow::read,
                )
                .optional()?
                .ok_or(StoreError::IncidentNotFound(id))?;
            let stored = FactsDraft::from_facts(&row.facts()?);
            let facts = edited.merged_onto(base, stored).into_facts()?;
            write_facts(tx, id, facts)
        })
    }

    /// Replaces an incident's facts after validating them.
    pub fn update_facts(&mut self, id: i64, facts: IncidentFacts) -> Result<(), StoreError> {
        self.write(|tx| write_facts(tx, id, facts))
    }

    /// Every incident, newest first.
    pub fn list_incidents(&self) -> Result<Vec<IncidentSummary>, StoreError> {
        let now = Utc::now();
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {FACTS_COLUMNS} FROM incidents ORDER BY created_at DESC, id DESC"
            ))?;
            let rows = stmt
                .query_map([], IncidentRow::read)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(|row| row.summary(now)).collect()
        })
    }

    /// One incident with its whole letter, log and action items.
    pub fn incident(&self, id: i64) -> Result<Incident, StoreError> {
        let row = self
            .read(|conn| {
                Ok(conn
                    .query_row(
                        &format!("SELECT {FACTS_COLUMNS} FROM incidents WHERE id = ?1"),
                        [id],
                        IncidentRow::read,
                    )
                    .optional()?)
            })?
            .ok_or(StoreError::IncidentNotFound(id))?;
        let facts = row.facts()?;
        let letter = self.read(|conn| letter(conn, id))?;
        let progress = self.progress_of(id, &letter)?;
        let promises = self.open_promises_for(&facts.service, id)?;
        Ok(Incident {
            id,
            uid: row.uid.clone(),
            draft: FactsDraft::from_facts(&facts),
            derived: row.derived(&facts, Utc::now())?,
            revisions: self.text_revisions(id)?,
            facts,
            letter,
            progress,
            log: self.log(id)?,
            actions: self.actions(id)?,
            reviewers: self.read(|conn| crate::review::reviewers(conn, id))?,
            promises,
            state: row.state(),
            created_at: parse_stamp(&row.created_at)?,
            updated_at: parse_stamp(&row.updated_at)?,
        })
    }

    pub(crate) fn progress_of(
        &self,
        id: i64,
        letter: &Letter,
    ) -> Result<Vec<SectionProgress>, StoreError> {
        let marks = self.section_marks(id)?;
        Ok(SectionKey::ALL
            .iter()
            .zip(marks)
            .map(|(&section, mark)| SectionProgress {
                section,
                state: section_state(letter.section(section), &mark, 0),
                mark,
            })
            .collect())
    }
}
