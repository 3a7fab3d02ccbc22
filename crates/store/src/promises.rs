//! The promises published letters made, read from each letter when it is published, and
//! how each was settled.

use crate::time::{now_stamp, parse_date, parse_opt_stamp, parse_stamp};
use crate::{Store, StoreError, audit};
use candor_core::promise::{Promise, PromiseStatus, is_overdue, list_order, read_promises};
use candor_core::{SectionKey, View};
use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// How long an overdue promise keeps following new letters about the same service.
const RECENT_DAYS: u64 = 365;

const COLUMNS: &str = "p.id, p.incident_id, i.title, i.service, p.text, p.due, p.status,
    p.reason, p.made_at, p.settled_at, p.settled_by, p.action_id";

fn promise(r: &Row<'_>, today: NaiveDate) -> Result<Promise, StoreError> {
    let status: String = r.get(6)?;
    let status = status
        .parse::<PromiseStatus>()
        .map_err(|_| StoreError::Internal(format!("unknown promise status {status:?}")))?;
    let due = parse_date(Some(r.get(5)?))?
        .ok_or_else(|| StoreError::Internal("a promise without a date".into()))?;
    Ok(Promise {
        id: r.get(0)?,
        incident_id: r.get(1)?,
        incident_title: r.get(2)?,
        service: r.get(3)?,
        text: r.get(4)?,
        overdue: is_overdue(status, due, today),
        due,
        status,
        reason: r.get(7)?,
        made_at: parse_stamp(&r.get::<_, String>(8)?)?,
        settled_at: parse_opt_stamp(r.get(9)?)?,
        settled_by: r.get(10)?,
        from_action: r.get::<_, Option<i64>>(11)?.is_some(),
    })
}

fn query(
    conn: &Connection,
    filter: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<Promise>, StoreError> {
    let today = Utc::now().date_naive();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM promises p JOIN incidents i ON i.id = p.incident_id {filter}"
    ))?;
    let mut rows = stmt.query(args)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(promise(r, today)?);
    }
    list_order(&mut out);
    Ok(out)
}

/// Reads the promises of the letter of `id` as published now, keeping those already
/// stored (and how they were settled), and notes which publication they came from.
pub(crate) fn read_from_letter(
    tx: &Connection,
    id: i64,
    better: &str,
    actions: &[candor_core::ActionItem],
    by: Option<&str>,
) -> Result<usize, StoreError> {
    let (published_at, hash): (Option<String>, Option<String>) = tx.query_row(
        "SELECT published_at, published_hash FROM incidents WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let made_at = published_at.unwrap_or_else(now_stamp);
    let published = parse_stamp(&made_at)?.date_naive();
    let mut added = 0;
    for draft in read_promises(better, actions, published) {
        added += tx.execute(
            "INSERT INTO promises (incident_id, action_id, text, due, made_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (incident_id, text) DO NOTHING",
            params![
                id,
                draft.action_id,
                draft.text,
                draft.due.format("%Y-%m-%d").to_string(),
                made_at
            ],
        )?;
    }
    tx.execute(
        "UPDATE incidents SET promises_hash = ?2 WHERE id = ?1",
        params![id, hash],
    )?;
    if let Some(by) = by
        && added > 0
    {
        let what = if added == 1 { "promise" } else { "promises" };
        audit::append(
            tx,
            Some(id),
            by,
            "promises",
            &format!("{added} {what} read from the published letter"),
            "",
        )?;
    }
    Ok(added)
}

impl Store {
    /// Every promise, overdue first; only the overdue ones when asked.
    pub fn promises(&self, overdue_only: bool) -> Result<Vec<Promise>, StoreError> {
        let mut all = self.read(|conn| query(conn, "", []))?;
        if overdue_only {
            all.retain(|p| p.overdue);
        }
        Ok(all)
    }

    /// The open promises other letters made to the customers of `service`: those still to
    /// come and those overdue by less than a year (older ones stay on the Promises screen).
    pub fn open_promises_for(
        &self,
        service: &str,
        except: i64,
    ) -> Result<Vec<Promise>, StoreError> {
        if service.trim().is_empty() {
            return Ok(Vec::new());
        }
        let since = Utc::now().date_naive() - chrono::Days::new(RECENT_DAYS);
        self.read(|conn| {
            query(
                conn,
                "WHERE p.status = 'open' AND p.incident_id != ?2 AND p.due >= ?3
                   AND lower(trim(i.service)) = lower(trim(?1))",
                params![service, except, since.format("%Y-%m-%d").to_string()],
            )
        })
    }

    /// The open promises other letters made to the customers of incident `id`'s service,
    /// without loading the incident whole (its wizard asks on every visit to a step).
    pub fn promises_owed(&self, id: i64) -> Result<Vec<Promise>, StoreError> {
        let service: String = self
            .read(|conn| {
                Ok(conn
                    .query_row("SELECT service FROM incidents WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .optional()?)
            })?
            .ok_or(StoreError::IncidentNotFound(id))?;
        self.open_promises_for(&service, id)
    }

    pub fn promise(&self, promise_id: i64) -> Result<Promise, StoreError> {
        self.read(|conn| query(conn, "WHERE p.id = ?1", [promise_id]))?
            .into_iter()
            .next()
            .ok_or(StoreError::ItemNotFound("promise"))
    }

    /// Marks a promise done, dropped (a reason is required) or open again.
    pub fn settle_promise(
        &mut self,
        promise_id: i64,
        status: PromiseStatus,
        reason: &str,
        by: &str,
    ) -> Result<Promise, StoreError> {
        let reason = reason.trim();
        if status == PromiseStatus::Dropped && reason.is_empty() {
            return Err(StoreError::Refused(
                "say why the promise is dropped: customers may ask".into(),
            ));
        }
        let before = self.promise(promise_id)?;
        self.write(|tx| {
            let (at, who, why) = match status {
                PromiseStatus::Open => (None, "", ""),
                PromiseStatus::Done => (Some(now_stamp()), by, ""),
                PromiseStatus::Dropped => (Some(now_stamp()), by, reason),
            };
            tx.execute(
                "UPDATE promises SET status = ?2, settled_at = ?3, settled_by = ?4, reason = ?5
                 WHERE id = ?1",
                params![promise_id, status.key(), at, who, why],
            )?;
            let detail = match status {
                PromiseStatus::Dropped => format!("{}: dropped ({reason})", before.text),
                _ => format!("{}: {}", before.text, status.key()),
            };
            audit::append(tx, Some(before.incident_id), by, "promise", &detail, "")
        })?;
        self.promise(promise_id)
    }

    /// Corrects the date a promise is due, when the letter's words were read wrongly or
    /// the date was agreed again.
    pub fn set_promise_due(
        &mut self,
        promise_id: i64,
        due: NaiveDate,
        by: &str,
    ) -> Result<Promise, StoreError> {
        let before = self.promise(promise_id)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE promises SET due = ?2 WHERE id = ?1",
                params![promise_id, due.format("%Y-%m-%d").to_string()],
            )?;
            let detail = format!("{}: due {} instead of {}", before.text, due, before.due);
            audit::append(tx, Some(before.incident_id), by, "promise", &detail, "")
        })?;
        self.promise(promise_id)
    }

    /// Reads the promises of every published letter not yet read since it was published:
    /// letters published before promises were kept, once, when the file is opened.
    pub(crate) fn read_unread_promises(&mut self) -> Result<(), StoreError> {
        let unread: Vec<i64> = self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT id FROM incidents WHERE published_hash IS NOT NULL
                   AND (promises_hash IS NULL OR promises_hash != published_hash)",
            )?;
            let ids = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<i64>, _>>()?;
            Ok(ids)
        })?;
        // Nobody acts here, so nothing is added to the audit log (whose head is signed
        // by whoever acted last).
        for id in unread {
            self.read_promises_of(id, None)?;
        }
        Ok(())
    }

    pub(crate) fn read_promises_of(
        &mut self,
        id: i64,
        by: Option<&str>,
    ) -> Result<usize, StoreError> {
        let better = self
            .read(|conn| {
                Ok(conn
                    .query_row(
                        "SELECT body FROM sections
                         WHERE incident_id = ?1 AND section = ?2 AND view = ?3",
                        params![id, SectionKey::Better.key(), View::Customer.key()],
                        |r| r.get::<_, String>(0),
                    )
                    .optional()?)
            })?
            .unwrap_or_default();
        let actions = self.actions(id)?;
        self.write(|tx| read_from_letter(tx, id, &better, &actions, by))
    }
}
