//! The steps of review: required roles, asking for review, verdicts and comments, each
//! written with its audit entry.

use crate::review::{insert_approval, insert_comment, roles_json};
use crate::time::now_stamp;
use crate::{Store, StoreError, audit, require_incident};
use candor_core::SectionKey;
use candor_core::review::signature::{comment_message, verdict_message};
use candor_core::review::{Approval, Comment, Role, Verdict, content_hash, reviewed_content};
use rusqlite::{OptionalExtension, params};

/// Where a verdict or comment applies, as the audit log says it.
fn where_(section: Option<SectionKey>) -> String {
    section.map_or("the whole letter".to_string(), |s| {
        format!("\u{201c}{}\u{201d}", s.title())
    })
}

impl Store {
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
    /// the whole letter), bound to the hash of the text as it stands. An approval is
    /// judged by `candor_core::review::approval_refusal`: not before review was asked for,
    /// and not by anyone who wrote what is approved since it was last approved.
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
        let signer = self.signer(reviewer)?;
        let public_key = signer.public_key();
        if verdict == Verdict::Approve
            && let Some(why) = self.read(|conn| {
                crate::approval_rule::refusal(conn, id, reviewer, &public_key, section, None, None)
            })?
        {
            return Err(StoreError::Refused(why));
        }
        let skipped = incident.skipped_sections();
        if section.is_some_and(|s| skipped.contains(&s)) {
            return Err(StoreError::Refused(
                "that section is marked not needed; there is nothing to review".into(),
            ));
        }
        let content = reviewed_content(&incident.letter, section, &skipped);
        let mut approval = Approval {
            uid: uuid::Uuid::new_v4().to_string(),
            section,
            reviewer: reviewer.to_string(),
            role,
            verdict,
            comment: comment.trim().to_string(),
            content_hash: content_hash(&content),
            content,
            at: now_stamp(),
            public_key,
            signature: String::new(),
        };
        approval.signature = signer.sign(&verdict_message(&incident.uid, &approval));
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
        let incident_uid: String = self.read(|conn| {
            conn.query_row("SELECT uid FROM incidents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::IncidentNotFound(id))
        })?;
        let signer = self.signer(author)?;
        let mut comment = Comment {
            uid: uuid::Uuid::new_v4().to_string(),
            section,
            author: author.to_string(),
            body: body.to_string(),
            at: now_stamp(),
            resolved: false,
            parent: parent.map(str::to_string),
            public_key: signer.public_key(),
            signature: String::new(),
        };
        comment.signature = signer.sign(&comment_message(&incident_uid, &comment));
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
}
