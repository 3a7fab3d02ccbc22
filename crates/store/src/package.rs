//! Review packages: one JSON file that carries an incident, its letter, comments and
//! approvals between machines. A checksum over the payload makes a changed file
//! detectable; every verdict and comment carries its author's public key and signature,
//! so a changed one is refused even when the checksum was recomputed. A reviewer's key is
//! pinned under their name the first time a package brings it, once the importer confirmed
//! its fingerprint; a later package signed by another key under that name is refused.
//! Importing merges comments and approvals by their ids, so importing twice adds nothing;
//! an approval whose text no longer matches simply arrives stale.

use crate::package_history::{PackageVersion, import_history, record_imported_text};
use crate::package_trust::{key_checks, same_fingerprint, signers};
use crate::review::{insert_approval, insert_comment, roles_json};
use crate::texts::MAX_TEXT_BYTES;
use crate::time::now_stamp;
use crate::{Store, StoreError, audit, search_index};
use candor_core::audit::sha256_hex;
use candor_core::review::signature::{comment_problem, verdict_problem, verify};
use candor_core::review::{Approval, Comment, ImportOutcome, Role};
use candor_core::{IncidentFacts, Letter, SectionKey, SectionMark, View};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

pub const PACKAGE_FORMAT: &str = "candor-review-package";
/// 2: verdicts and comments are signed. 3: the texts' recent versions come along. Version
/// 1 packages carry no signatures and are refused: nothing in them can be told apart from
/// a forgery.
pub const PACKAGE_VERSION: u32 = 3;
const OLDEST_SIGNED_VERSION: u64 = 2;
/// Far beyond any letter; a larger file is not a package Candor wrote.
pub const PACKAGE_MAX_BYTES: usize = 32 << 20;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageIncident {
    pub uid: String,
    pub facts: IncidentFacts,
    pub created_by: String,
    /// The creator's public key, so the drafter rule knows them under any name.
    #[serde(default)]
    pub created_key: String,
    pub required_roles: Vec<Role>,
    pub review_requested: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackagePayload {
    pub incident: PackageIncident,
    pub letter: Letter,
    /// One per section, in letter order.
    pub marks: Vec<SectionMark>,
    pub approvals: Vec<Approval>,
    pub comments: Vec<Comment>,
    /// Each text's recent versions, so the reviewer sees what changed (from version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PackageVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewPackage {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub exported_by: String,
    pub payload: PackagePayload,
    /// SHA-256 of the payload serialised as compact JSON.
    pub checksum: String,
    /// The exporter's public key and signature of [`package_message`]: the checksum
    /// alone can be recomputed by anyone who edits the file.
    pub public_key: String,
    pub signature: String,
}

/// What the exporter of a package signs: `["candor-package/1", checksum, exported by,
/// exported at]`.
pub fn package_message(p: &ReviewPackage) -> String {
    serde_json::to_string(&[
        "candor-package/1",
        &p.checksum,
        &p.exported_by,
        &p.exported_at,
    ])
    .unwrap_or_default()
}

fn checksum(payload: &PackagePayload) -> Result<String, StoreError> {
    let json = serde_json::to_string(payload).map_err(|e| StoreError::Internal(e.to_string()))?;
    Ok(sha256_hex(&json))
}

pub(crate) fn refused(why: &str) -> StoreError {
    StoreError::Refused(format!("{why}; nothing was imported"))
}

/// Reads and checks a package without touching the database.
pub fn read_package(text: &str) -> Result<ReviewPackage, StoreError> {
    if text.len() > PACKAGE_MAX_BYTES {
        return Err(refused("the file is far larger than any review package"));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| {
        refused("the file is not a Candor review package, or it is cut short or damaged")
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(PACKAGE_FORMAT) {
        return Err(refused("the file is not a Candor review package"));
    }
    if value
        .get("version")
        .and_then(|v| v.as_u64())
        .is_some_and(|v| v > u64::from(PACKAGE_VERSION))
    {
        return Err(refused(
            "the package was made by a newer Candor; update Candor to open it",
        ));
    }
    if value
        .get("version")
        .and_then(|v| v.as_u64())
        .is_some_and(|v| v < OLDEST_SIGNED_VERSION)
    {
        return Err(refused(
            "the package was made by an older Candor whose verdicts are not signed; ask for a fresh copy",
        ));
    }
    let package: ReviewPackage = serde_json::from_value(value)
        .map_err(|e| refused(&format!("the package is damaged ({e})")))?;
    if checksum(&package.payload)? != package.checksum
        || !verify(
            &package.public_key,
            &package_message(&package),
            &package.signature,
        )
    {
        tracing::warn!(
            "review package from {} refused: changed after it was signed",
            package.exported_by
        );
        return Err(refused(&format!(
            "the package was changed after {} exported and signed it; ask for a fresh copy",
            package.exported_by
        )));
    }
    let p = &package.payload;
    if p.marks.len() != SectionKey::ALL.len() {
        return Err(refused("the package is damaged (section marks)"));
    }
    let too_long = |t: &str| t.len() > MAX_TEXT_BYTES;
    if SectionKey::ALL.iter().any(|&key| {
        [View::Technical, View::Customer]
            .iter()
            .any(|&view| too_long(p.letter.section(key).get(view)))
    }) || p.history.iter().any(|v| too_long(&v.body))
    {
        return Err(refused("a text in the package is too long"));
    }
    p.incident
        .facts
        .clone()
        .validated()
        .map_err(|e| refused(&format!("the incident facts are invalid ({e})")))?;
    if p.comments
        .iter()
        .any(|c| c.body.trim().is_empty() || c.body.contains('\0'))
    {
        return Err(refused("the package is damaged (an empty comment)"));
    }
    let uid = &p.incident.uid;
    let problem = p
        .approvals
        .iter()
        .find_map(|a| verdict_problem(uid, a))
        .or_else(|| p.comments.iter().find_map(|c| comment_problem(uid, c)));
    if let Some(problem) = problem {
        tracing::warn!("review package refused: {problem}");
        return Err(refused(&problem));
    }
    Ok(package)
}

impl Store {
    /// The review package of incident `id`, as JSON text.
    pub fn export_package(&mut self, id: i64, by: &str) -> Result<String, StoreError> {
        let incident = self.incident(id)?;
        let record = self.review_record(id)?;
        let payload = PackagePayload {
            incident: PackageIncident {
                uid: incident.uid.clone(),
                facts: incident.facts.clone(),
                created_by: record.created_by,
                created_key: self.read(|conn| {
                    Ok(conn.query_row(
                        "SELECT created_key FROM incidents WHERE id = ?1",
                        [id],
                        |r| r.get(0),
                    )?)
                })?,
                required_roles: record.required_roles,
                review_requested: record.review_requested,
            },
            letter: incident.letter.clone(),
            marks: incident.progress.iter().map(|p| p.mark.clone()).collect(),
            approvals: record.approvals,
            comments: record.comments,
            history: self.package_history(id)?,
        };
        let signer = self.signer(by)?;
        let mut package = ReviewPackage {
            format: PACKAGE_FORMAT.into(),
            version: PACKAGE_VERSION,
            exported_at: now_stamp(),
            exported_by: by.to_string(),
            checksum: checksum(&payload)?,
            payload,
            public_key: signer.public_key(),
            signature: String::new(),
        };
        package.signature = signer.sign(&package_message(&package));
        let text = serde_json::to_string_pretty(&package)
            .map_err(|e| StoreError::Internal(e.to_string()))?;
        self.write(|tx| {
            audit::append(
                tx,
                Some(id),
                by,
                "export review package",
                "",
                &sha256_hex(&text),
            )
        })?;
        Ok(text)
    }

    /// Imports a package: a new incident is created whole; a known one gains the
    /// package's comments and approvals, and its texts when the importer is not the
    /// letter's drafter (a reviewer receiving a new draft). Keys not yet known here are
    /// pinned when their fingerprints are among `trusted`, and refused otherwise. All or
    /// nothing.
    pub fn import_package(
        &mut self,
        text: &str,
        by: &str,
        trusted: &[String],
    ) -> Result<ImportOutcome, StoreError> {
        let package = read_package(text)?;
        // Refused before the write begins, so a refused package leaves the file untouched.
        self.read(|conn| key_checks(conn, &package))?;
        let p = &package.payload;
        let facts = p.incident.facts.clone().validated()?;
        if p.incident.required_roles.is_empty() {
            return Err(StoreError::Refused(
                "the package names no role to approve the letter; it was not imported".into(),
            ));
        }
        if let Some((key, _)) = SectionKey::ALL
            .iter()
            .zip(&p.marks)
            .find(|(k, m)| !k.is_optional() && m.not_needed.is_some())
        {
            return Err(StoreError::Refused(format!(
                "the package marks \u{201c}{}\u{201d} as not needed, but every letter needs it; it was not imported",
                key.title()
            )));
        }
        self.write(|tx| {
            let keys = key_checks(tx, &package)?;
            let unconfirmed: Vec<String> = keys
                .iter()
                .filter(|k| !k.known && !trusted.iter().any(|t| same_fingerprint(t, &k.fingerprint)))
                .map(|k| format!("{} ({})", k.name, k.fingerprint))
                .collect();
            if !unconfirmed.is_empty() {
                return Err(refused(&format!(
                    "not yet trusted here: {}; check each fingerprint with that person, then trust it",
                    unconfirmed.join(", ")
                )));
            }
            let mut keys_pinned = Vec::new();
            for k in keys.into_iter().filter(|k| !k.known) {
                let public_key = signers(&package)
                    .into_iter()
                    .find(|(n, _)| *n == k.name)
                    .map(|(_, key)| key)
                    .unwrap_or_default();
                crate::keys::pin(tx, &k.name, &public_key, by)?;
                audit::append(tx, None, by, "pin key", &format!("{} {}, confirmed by {by}", k.name, k.fingerprint), "")?;
                keys_pinned.push(k);
            }
            let existing: Option<(i64, String)> = tx
                .query_row("SELECT id, created_by FROM incidents WHERE uid = ?1", [&p.incident.uid], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let now = now_stamp();
            let (id, created) = match &existing {
                Some((id, _)) => (*id, false),
                None => {
                    tx.execute(
                        "INSERT INTO incidents (uid, title, service, severity, zone, started_at, detected_at,
                             mitigated_at, resolved_at, affected_share, affected_count, regions,
                             created_at, created_by, updated_at, required_roles, review_requested_at, created_key)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?15, ?16, ?17)",
                        params![
                            p.incident.uid,
                            facts.title,
                            facts.service,
                            facts.severity.key(),
                            facts.zone,
                            facts.started.map(crate::time::stamp),
                            facts.detected.map(crate::time::stamp),
                            facts.mitigated.map(crate::time::stamp),
                            facts.resolved.map(crate::time::stamp),
                            facts.affected_share,
                            facts.affected_count,
                            serde_json::Value::from(facts.regions.clone()).to_string(),
                            now,
                            p.incident.created_by,
                            roles_json(&p.incident.required_roles),
                            p.incident.review_requested.then(|| now.clone()),
                            p.incident.created_key,
                        ],
                    )?;
                    (tx.last_insert_rowid(), true)
                }
            };
            let is_drafter = existing.as_ref().is_some_and(|(_, drafter)| drafter.trim().eq_ignore_ascii_case(by.trim()));
            let mut letter_updated = false;
            if created || !is_drafter {
                import_history(tx, id, &p.history)?;
                for (i, key) in SectionKey::ALL.iter().enumerate() {
                    for view in [View::Technical, View::Customer] {
                        let body = p.letter.section(*key).get(view);
                        let current: Option<String> = tx
                            .query_row(
                                "SELECT body FROM sections WHERE incident_id = ?1 AND section = ?2 AND view = ?3",
                                params![id, key.key(), view.key()],
                                |r| r.get(0),
                            )
                            .optional()?;
                        if current.as_deref().unwrap_or("") != body {
                            tx.execute(
                                "INSERT INTO sections (incident_id, section, view, body, updated_at, updated_by, revision)
                                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)
                                 ON CONFLICT (incident_id, section, view) DO UPDATE SET body = excluded.body,
                                     updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                                     revision = sections.revision + 1",
                                params![id, key.key(), view.key(), body, now, package.exported_by],
                            )?;
                            record_imported_text(tx, id, (*key, view), body, &now, &package.exported_by)?;
                            letter_updated = true;
                        }
                    }
                    let mark = &p.marks[i];
                    tx.execute(
                        "INSERT INTO section_marks (incident_id, section, done, not_needed) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (incident_id, section) DO UPDATE SET done = excluded.done, not_needed = excluded.not_needed",
                        params![id, key.key(), mark.done, mark.not_needed],
                    )?;
                }
                if !created {
                    tx.execute(
                        "UPDATE incidents SET required_roles = ?2, updated_at = ?3 WHERE id = ?1",
                        params![id, roles_json(&p.incident.required_roles), now],
                    )?;
                }
            }
            let mut approvals_added = 0;
            if p.incident.review_requested {
                tx.execute(
                    "UPDATE incidents SET review_requested_at = coalesce(review_requested_at, ?2) WHERE id = ?1",
                    params![id, now],
                )?;
            }
            for a in &p.approvals {
                let added = insert_approval(tx, id, a)?;
                // An approval from elsewhere is judged by the same rule as one given here.
                if added
                    && a.verdict == candor_core::review::Verdict::Approve
                    && let Some(why) = crate::approval_rule::refusal(tx, id, &a.reviewer, &a.public_key, a.section, Some(&a.uid), Some(&now))?
                {
                    return Err(StoreError::Refused(format!(
                        "the package's approval by {}: {why}; nothing was imported",
                        a.reviewer
                    )));
                }
                approvals_added += usize::from(added);
            }
            let mut comments_added = 0;
            for c in &p.comments {
                comments_added += usize::from(insert_comment(tx, id, c)?);
            }
            search_index::reindex(tx, id)?;
            let detail = format!(
                "from {}: {approvals_added} verdicts and {comments_added} comments added{}",
                package.exported_by,
                if letter_updated { ", letter updated" } else { "" }
            );
            audit::append(tx, Some(id), by, "import review package", &detail, &package.checksum)?;
            Ok(ImportOutcome { incident_id: id, created, letter_updated, approvals_added, comments_added, keys_pinned })
        })
    }
}
