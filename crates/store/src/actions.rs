//! Action items.

use crate::time::{now_stamp, parse_date};
use crate::{Store, StoreError, require_incident, touch};
use candor_core::{ActionItem, ActionStatus, NewActionItem};
use rusqlite::params;

impl Store {
    /// The action items of incident `id`, in the order they were added.
    pub fn actions(&self, id: i64) -> Result<Vec<ActionItem>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, description, owner, due, status FROM action_items
                 WHERE incident_id = ?1 ORDER BY position, id",
            )?;
            let rows = stmt
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(id, description, owner, due, status)| {
                    Ok(ActionItem {
                        id,
                        description,
                        owner,
                        due: parse_date(due)?,
                        status: ActionStatus::parse(&status).ok_or_else(|| {
                            StoreError::Internal(format!("unknown status {status:?}"))
                        })?,
                    })
                })
                .collect()
        })
    }

    pub fn add_action(&mut self, id: i64, item: &NewActionItem) -> Result<i64, StoreError> {
        self.write(|tx| {
            require_incident(tx, id)?;
            tx.execute(
                "INSERT INTO action_items (incident_id, description, owner, due, status, position)
                 VALUES (?1, ?2, ?3, ?4, ?5,
                         (SELECT coalesce(max(position), 0) + 1 FROM action_items WHERE incident_id = ?1))",
                params![id, item.description, item.owner, item.due.map(|d| d.to_string()), item.status.key()],
            )?;
            let action_id = tx.last_insert_rowid();
            touch(tx, id, &now_stamp())?;
            Ok(action_id)
        })
    }

    pub fn update_action(
        &mut self,
        id: i64,
        action_id: i64,
        item: &NewActionItem,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE action_items SET description = ?3, owner = ?4, due = ?5, status = ?6
                 WHERE incident_id = ?1 AND id = ?2",
                params![
                    id,
                    action_id,
                    item.description,
                    item.owner,
                    item.due.map(|d| d.to_string()),
                    item.status.key()
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::ItemNotFound("action item"));
            }
            touch(tx, id, &now_stamp())
        })
    }

    pub fn delete_action(&mut self, id: i64, action_id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            let changed = tx.execute(
                "DELETE FROM action_items WHERE incident_id = ?1 AND id = ?2",
                params![id, action_id],
            )?;
            if changed == 0 {
                return Err(StoreError::ItemNotFound("action item"));
            }
            touch(tx, id, &now_stamp())
        })
    }
}
