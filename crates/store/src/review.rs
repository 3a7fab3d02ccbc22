//! Review records as stored: required roles, verdicts and comments, read and written as
//! rows. The operations on them are in `verdicts` (review steps), `state` (the derived
//! letter state) and `house` (the house style and the people known here).

use crate::{Store, StoreError};
use candor_core::SectionKey;
use candor_core::review::{Approval, Comment, Role, Verdict};
use rusqlite::{Connection, OptionalExtension, params};

/// Everything the letter's review state is derived from, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRecord {
    pub created_by: String,
    pub required_roles: Vec<Role>,
    pub review_requested: bool,
    pub published_hash: Option<String>,
    pub approvals: Vec<Approval>,
    pub comments: Vec<Comment>,
}

fn parse_section(s: Option<String>) -> Result<Option<SectionKey>, StoreError> {
    s.map(|s| {
        s.parse::<SectionKey>()
            .map_err(|e| StoreError::Internal(e.to_string()))
    })
    .transpose()
}

pub(crate) fn roles_json(roles: &[Role]) -> String {
    serde_json::Value::from(roles.iter().map(|r| r.key()).collect::<Vec<_>>()).to_string()
}

/// The roles stored for a letter. Unreadable or empty roles are an error, never "no role
/// needed": a letter with no required role would count as approved with no approval.
pub(crate) fn parse_roles(json: &str) -> Result<Vec<Role>, StoreError> {
    let unreadable = || {
        StoreError::Internal(format!(
            "the roles required to approve this letter cannot be read ({json:?})"
        ))
    };
    let roles = serde_json::from_str::<Vec<String>>(json)
        .map_err(|_| unreadable())?
        .iter()
        .map(|r| r.parse::<Role>().map_err(|_| unreadable()))
        .collect::<Result<Vec<_>, _>>()?;
    if roles.is_empty() {
        return Err(unreadable());
    }
    Ok(roles)
}

pub(crate) fn approvals(conn: &Connection, id: i64) -> Result<Vec<Approval>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT uid, section, reviewer, role, verdict, comment, content_hash, content, at,
                public_key, signature
         FROM approvals WHERE incident_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                (r.get::<_, String>(9)?, r.get::<_, String>(10)?),
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(
            |(
                uid,
                section,
                reviewer,
                role,
                verdict,
                comment,
                content_hash,
                content,
                at,
                signed,
            )| {
                Ok(Approval {
                    uid,
                    section: parse_section(section)?,
                    reviewer,
                    role: role.parse().map_err(StoreError::Internal)?,
                    verdict: Verdict::parse(&verdict)
                        .ok_or_else(|| StoreError::Internal(format!("verdict {verdict:?}")))?,
                    comment,
                    content_hash,
                    content,
                    at,
                    public_key: signed.0,
                    signature: signed.1,
                })
            },
        )
        .collect()
}

pub(crate) fn comments(conn: &Connection, id: i64) -> Result<Vec<Comment>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT uid, section, author, body, at, resolved, parent_uid, public_key, signature
         FROM comments WHERE incident_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, bool>(5)?,
                r.get::<_, Option<String>>(6)?,
                (r.get::<_, String>(7)?, r.get::<_, String>(8)?),
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(
            |(uid, section, author, body, at, resolved, parent, signed)| {
                Ok(Comment {
                    uid,
                    section: parse_section(section)?,
                    author,
                    body,
                    at,
                    resolved,
                    parent,
                    public_key: signed.0,
                    signature: signed.1,
                })
            },
        )
        .collect()
}

/// Everyone who gave a verdict or a comment on incident `id`.
pub(crate) fn reviewers(conn: &Connection, id: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT reviewer FROM approvals WHERE incident_id = ?1
         UNION SELECT author FROM comments WHERE incident_id = ?1 ORDER BY 1",
    )?;
    let rows = stmt
        .query_map([id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub(crate) fn insert_approval(
    conn: &Connection,
    id: i64,
    a: &Approval,
) -> Result<bool, StoreError> {
    let added = conn.execute(
        "INSERT INTO approvals (uid, incident_id, section, reviewer, role, verdict, comment, content_hash, content, at,
             public_key, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (uid) DO NOTHING",
        params![
            a.uid,
            id,
            a.section.map(|s| s.key()),
            a.reviewer,
            a.role.key(),
            a.verdict.key(),
            a.comment,
            a.content_hash,
            a.content,
            a.at,
            a.public_key,
            a.signature
        ],
    )?;
    Ok(added == 1)
}

pub(crate) fn insert_comment(conn: &Connection, id: i64, c: &Comment) -> Result<bool, StoreError> {
    let added = conn.execute(
        "INSERT INTO comments (uid, incident_id, section, author, body, at, resolved, parent_uid,
             public_key, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (uid) DO NOTHING",
        params![
            c.uid,
            id,
            c.section.map(|s| s.key()),
            c.author,
            c.body,
            c.at,
            c.resolved,
            c.parent,
            c.public_key,
            c.signature
        ],
    )?;
    if added == 0 && c.resolved {
        conn.execute(
            "UPDATE comments SET resolved = 1 WHERE uid = ?1 AND incident_id = ?2",
            params![c.uid, id],
        )?;
    }
    Ok(added == 1)
}

impl Store {
    pub fn review_record(&self, id: i64) -> Result<ReviewRecord, StoreError> {
        self.read(|conn| {
            let (created_by, roles, requested, published): (String, String, Option<String>, Option<String>) = conn
                .query_row(
                    "SELECT created_by, required_roles, review_requested_at, published_hash FROM incidents WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or(StoreError::IncidentNotFound(id))?;
            Ok(ReviewRecord {
                created_by,
                required_roles: parse_roles(&roles)?,
                review_requested: requested.is_some(),
                published_hash: published,
                approvals: approvals(conn, id)?,
                comments: comments(conn, id)?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn roles_round_trip_through_json() {
        use super::*;
        use candor_core::review::Role;
        let roles = vec![Role::Communications, Role::Legal];
        assert_eq!(parse_roles(&roles_json(&roles)).ok(), Some(roles));
        assert!(parse_roles("[]").is_err());
        assert!(parse_roles("[\"janitor\"]").is_err());
        assert!(parse_roles("not json").is_err());
    }
}
