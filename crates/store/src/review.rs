//! Review: required roles, verdicts, comments, the people known here, and the audit of
//! every step.

use crate::time::now_stamp;
use crate::{Store, StoreError, audit, require_incident};
use candor_core::checks::{HouseStyle, RuleSet, TextFindings};
use candor_core::review::{
    Approval, Comment, ReviewFacts, ReviewStatus, Role, Verdict, content_hash, review_status,
    reviewed_content,
};
use candor_core::{LetterState, SectionKey};
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

pub(crate) fn parse_roles(json: &str) -> Vec<Role> {
    serde_json::from_str::<Vec<String>>(json)
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r.parse().ok())
        .collect()
}

pub(crate) fn approvals(conn: &Connection, id: i64) -> Result<Vec<Approval>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT uid, section, reviewer, role, verdict, comment, content_hash, content, at
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
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(
            |(uid, section, reviewer, role, verdict, comment, content_hash, content, at)| {
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
                })
            },
        )
        .collect()
}

pub(crate) fn comments(conn: &Connection, id: i64) -> Result<Vec<Comment>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT uid, section, author, body, at, resolved, parent_uid FROM comments
         WHERE incident_id = ?1 ORDER BY at, id",
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
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(uid, section, author, body, at, resolved, parent)| {
            Ok(Comment {
                uid,
                section: parse_section(section)?,
                author,
                body,
                at,
                resolved,
                parent,
            })
        })
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
        "INSERT INTO approvals (uid, incident_id, section, reviewer, role, verdict, comment, content_hash, content, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
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
            a.at
        ],
    )?;
    Ok(added == 1)
}

pub(crate) fn insert_comment(conn: &Connection, id: i64, c: &Comment) -> Result<bool, StoreError> {
    let added = conn.execute(
        "INSERT INTO comments (uid, incident_id, section, author, body, at, resolved, parent_uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (uid) DO NOTHING",
        params![
            c.uid,
            id,
            c.section.map(|s| s.key()),
            c.author,
            c.body,
            c.at,
            c.resolved,
            c.parent
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

fn where_(section: Option<SectionKey>) -> String {
    section.map_or("the whole letter".to_string(), |s| {
        format!("\u{201c}{}\u{201d}", s.title())
    })
}

/// The setting that holds the house style guide, as its TOML text.
const HOUSE_SETTING: &str = "house_style";

impl Store {
    /// The house style guide kept in this database (empty when none was saved).
    pub fn house_style(&self) -> Result<HouseStyle, StoreError> {
        match self.setting(HOUSE_SETTING)? {
            None => Ok(HouseStyle::default()),
            Some(text) => {
                HouseStyle::from_toml(&text).map_err(|e| StoreError::Refused(e.to_string()))
            }
        }
    }

    pub fn set_house_style(&mut self, style: &HouseStyle) -> Result<(), StoreError> {
        self.set_setting(HOUSE_SETTING, &style.to_toml())
    }

    /// The letter's review status, derived now from its approvals, comments, dismissals
    /// and the open error-level findings under `rules`; a change of state is written to
    /// the audit log.
    pub fn review_status(
        &mut self,
        id: i64,
        rules: &RuleSet,
        by: &str,
    ) -> Result<ReviewStatus, StoreError> {
        let findings = self.letter_findings(id, rules)?;
        self.review_status_from(id, &findings, by)
    }

    /// Every text's findings under `rules`, without the dismissed ones.
    pub fn letter_findings(
        &self,
        id: i64,
        rules: &RuleSet,
    ) -> Result<Vec<TextFindings>, StoreError> {
        let incident = self.incident(id)?;
        let dismissals = self.dismissals(id)?;
        let dismissed = |s: SectionKey, v: candor_core::View, rule: &str, text: &str| {
            dismissals.iter().any(|d| d.covers(s, v, rule, text))
        };
        Ok(candor_core::checks::incident::letter_findings(
            rules, &incident, &dismissed,
        ))
    }

    /// The review status given findings already made, so a caller that shows the
    /// findings does not check the letter twice.
    pub fn review_status_from(
        &mut self,
        id: i64,
        findings: &[TextFindings],
        by: &str,
    ) -> Result<ReviewStatus, StoreError> {
        let incident = self.incident(id)?;
        let record = self.review_record(id)?;
        let open_errors = findings
            .iter()
            .filter(|t| t.view == candor_core::View::Customer)
            .flat_map(|t| &t.findings)
            .filter(|f| f.level == candor_core::checks::Level::Error)
            .count();
        let skipped = incident.skipped_sections();
        let status = review_status(&ReviewFacts {
            letter: &incident.letter,
            skipped: &skipped,
            required_roles: &record.required_roles,
            approvals: &record.approvals,
            comments: &record.comments,
            open_errors,
            review_requested: record.review_requested,
            published_hash: record.published_hash.as_deref(),
        });
        self.log_state(id, status.state, by, &status.letter_hash)?;
        Ok(status)
    }

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
                required_roles: parse_roles(&roles),
                review_requested: requested.is_some(),
                published_hash: published,
                approvals: approvals(conn, id)?,
                comments: comments(conn, id)?,
            })
        })
    }

    pub fn set_required_roles(
        &mut self,
        id: i64,
        roles: &[Role],
        by: &str,
    ) -> Result<(), StoreError> {
        if roles.is_empty() {
            return Err(StoreError::Refused(
                "a letter needs at least one role to approve it".into(),
            ));
        }
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        self.write(|tx| {
            require_incident(tx, id)?;
            tx.execute(
                "UPDATE incidents SET required_roles = ?2 WHERE id = ?1",
                params![id, roles_json(&roles)],
            )?;
            let names: Vec<&str> = roles.iter().map(|r| r.key()).collect();
            audit::append(
                tx,
                Some(id),
                by,
                "set required roles",
                &names.join(", "),
                "",
            )
        })
    }

    /// The drafter asks for review: the letter is in review from now on.
    pub fn request_review(&mut self, id: i64, by: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            require_incident(tx, id)?;
            tx.execute(
                "UPDATE incidents SET review_requested_at = coalesce(review_requested_at, ?2) WHERE id = ?1",
                params![id, now_stamp()],
            )?;
            audit::append(tx, Some(id), by, "request review", "", "")
        })
    }

    /// Records an approval or a request for changes of a section (or, with no section,
    /// the whole letter), bound to the hash of the text as it stands. The drafter cannot
    /// approve their own letter.
    pub fn record_verdict(
        &mut self,
        id: i64,
        section: Option<SectionKey>,
        reviewer: &str,
        role: Role,
        verdict: Verdict,
        comment: &str,
    ) -> Result<Approval, StoreError> {
        let reviewer = reviewer.trim();
        if reviewer.is_empty() {
            return Err(StoreError::Refused(
                "say who is reviewing (--as NAME)".into(),
            ));
        }
        let incident = self.incident(id)?;
        let record = self.review_record(id)?;
        if verdict == Verdict::Approve && record.created_by.trim().eq_ignore_ascii_case(reviewer) {
            return Err(StoreError::Refused(format!(
                "{reviewer} drafted this letter and cannot approve it; someone else must"
            )));
        }
        let skipped = incident.skipped_sections();
        if section.is_some_and(|s| skipped.contains(&s)) {
            return Err(StoreError::Refused(
                "that section is marked not needed; there is nothing to review".into(),
            ));
        }
        let content = reviewed_content(&incident.letter, section, &skipped);
        let approval = Approval {
            uid: uuid::Uuid::new_v4().to_string(),
            section,
            reviewer: reviewer.to_string(),
            role,
            verdict,
            comment: comment.trim().to_string(),
            content_hash: content_hash(&content),
            content,
            at: now_stamp(),
        };
        self.write(|tx| {
            insert_approval(tx, id, &approval)?;
            let action = match verdict {
                Verdict::Approve => "approve",
                Verdict::RequestChanges => "request changes",
            };
            let detail = format!(
                "{action} {} as {role}{}",
                where_(section),
                if approval.comment.is_empty() {
                    String::new()
                } else {
                    format!(": {}", approval.comment)
                }
            );
            audit::append(
                tx,
                Some(id),
                reviewer,
                action,
                &detail,
                &approval.content_hash,
            )
        })?;
        Ok(approval)
    }

    pub fn add_comment(
        &mut self,
        id: i64,
        section: Option<SectionKey>,
        author: &str,
        body: &str,
        parent: Option<&str>,
    ) -> Result<Comment, StoreError> {
        // A NUL cannot be stored in text that SQLite measures; it is never meant anyway.
        let cleaned = body.replace('\0', "");
        let body = cleaned.trim();
        if body.is_empty() {
            return Err(StoreError::Refused("the comment is empty".into()));
        }
        let comment = Comment {
            uid: uuid::Uuid::new_v4().to_string(),
            section,
            author: author.to_string(),
            body: body.to_string(),
            at: now_stamp(),
            resolved: false,
            parent: parent.map(str::to_string),
        };
        self.write(|tx| {
            require_incident(tx, id)?;
            if let Some(p) = parent {
                let exists = tx
                    .query_row(
                        "SELECT 1 FROM comments WHERE uid = ?1 AND incident_id = ?2",
                        params![p, id],
                        |_| Ok(()),
                    )
                    .optional()?;
                if exists.is_none() {
                    return Err(StoreError::ItemNotFound("comment"));
                }
            }
            insert_comment(tx, id, &comment)?;
            audit::append(
                tx,
                Some(id),
                author,
                "comment",
                &format!("on {}: {body}", where_(section)),
                "",
            )
        })?;
        Ok(comment)
    }

    pub fn resolve_comment(&mut self, id: i64, uid: &str, by: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE comments SET resolved = 1 WHERE incident_id = ?1 AND uid = ?2",
                params![id, uid],
            )?;
            if changed == 0 {
                return Err(StoreError::ItemNotFound("comment"));
            }
            audit::append(tx, Some(id), by, "resolve comment", uid, "")
        })
    }

    /// Writes a change of the letter's state to the audit log, once.
    pub fn log_state(
        &mut self,
        id: i64,
        state: LetterState,
        by: &str,
        letter_hash: &str,
    ) -> Result<(), StoreError> {
        let key = match state {
            LetterState::Draft => "draft",
            LetterState::InReview => "in_review",
            LetterState::Approved => "approved",
            LetterState::Published => "published",
        };
        self.write(|tx| {
            let logged: String = tx.query_row(
                "SELECT logged_state FROM incidents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if logged != key {
                tx.execute(
                    "UPDATE incidents SET logged_state = ?2 WHERE id = ?1",
                    params![id, key],
                )?;
                audit::append(
                    tx,
                    Some(id),
                    by,
                    "state",
                    &format!("{logged} \u{2192} {key}"),
                    letter_hash,
                )?;
            }
            Ok(())
        })
    }

    /// Records a final export of exactly this letter.
    pub fn record_publication(
        &mut self,
        id: i64,
        letter_hash: &str,
        format: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE incidents SET published_hash = ?2,
                     published_at = coalesce(published_at, ?3) WHERE id = ?1",
                params![id, letter_hash, crate::time::now_stamp()],
            )?;
            audit::append(tx, Some(id), by, "export final", format, letter_hash)
        })
    }

    /// Records a draft export, so the log shows what left the machine.
    pub fn record_export(
        &mut self,
        id: i64,
        letter_hash: &str,
        format: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        self.write(|tx| audit::append(tx, Some(id), by, "export draft", format, letter_hash))
    }

    /// The people known here, with their roles.
    pub fn people(&self) -> Result<Vec<(String, Role)>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT name, role FROM people ORDER BY name")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(n, r)| Ok((n, r.parse().map_err(StoreError::Internal)?)))
                .collect()
        })
    }

    pub fn save_person(&mut self, name: &str, role: Role) -> Result<(), StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Refused("a profile needs a name".into()));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO people (name, role) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET role = excluded.role",
                params![name, role.key()],
            )?;
            Ok(())
        })
    }
}
