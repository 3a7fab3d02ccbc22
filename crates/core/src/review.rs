//! Review and approval: who may approve, what exactly an approval covers (a SHA-256 of a
//! canonical form of the customer text), when an approval goes stale, and the letter's
//! state, which is always derived from these facts and never stored on its own.

use crate::audit::sha256_hex;
use crate::{Letter, LetterState, SectionKey};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Role {
    Communications,
    Security,
    Legal,
    Engineering,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Communications,
        Role::Security,
        Role::Legal,
        Role::Engineering,
    ];

    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.key() == s.trim().to_lowercase())
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a role: use communications, security, legal or engineering",
                    s.trim()
                )
            })
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Verdict {
    Approve,
    RequestChanges,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        match s {
            "approve" => Some(Verdict::Approve),
            "request_changes" => Some(Verdict::RequestChanges),
            _ => None,
        }
    }
}

/// A reviewer's verdict on one section (or, with no section, the whole letter), bound to
/// the exact text they read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Approval {
    /// Stable across machines, so a package imported twice adds it once.
    pub uid: String,
    pub section: Option<SectionKey>,
    pub reviewer: String,
    pub role: Role,
    pub verdict: Verdict,
    pub comment: String,
    /// SHA-256 of the canonical text reviewed.
    pub content_hash: String,
    /// The canonical text reviewed, to show what changed since.
    pub content: String,
    pub at: String,
    /// The reviewer's Ed25519 public key, hex; identity is this key, not the name.
    #[serde(default)]
    pub public_key: String,
    /// Their signature of `signature::verdict_message`, hex.
    #[serde(default)]
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comment {
    pub uid: String,
    pub section: Option<SectionKey>,
    pub author: String,
    pub body: String,
    pub at: String,
    pub resolved: bool,
    /// The comment this one replies to.
    pub parent: Option<String>,
    #[serde(default)]
    pub public_key: String,
    /// The author's signature of `signature::comment_message`, hex.
    #[serde(default)]
    pub signature: String,
}

/// The canonical form of a text for hashing: line endings as `\n`, no trailing spaces on
/// any line, no blank lines at the start or end. Two texts that read the same to a
/// customer hash the same; any change to a word does not.
pub fn canonical_text(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    lines[start..end].join("\n")
}

/// The canonical whole letter: each section that goes out, in order, as `## key` then
/// its canonical customer text, separated by blank lines. Sections marked not needed
/// are left out.
pub fn canonical_letter(letter: &Letter, skipped: &[SectionKey]) -> String {
    SectionKey::ALL
        .iter()
        .filter(|k| !skipped.contains(k))
        .map(|&k| {
            format!(
                "## {}\n{}\n",
                k.key(),
                canonical_text(&letter.section(k).customer)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What an approval of `section` (or the whole letter) covers, as it stands now.
pub fn reviewed_content(
    letter: &Letter,
    section: Option<SectionKey>,
    skipped: &[SectionKey],
) -> String {
    match section {
        Some(k) => canonical_text(&letter.section(k).customer),
        None => canonical_letter(letter, skipped),
    }
}

pub fn content_hash(content: &str) -> String {
    sha256_hex(content)
}

/// An approval with what it means now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApprovalState {
    pub approval: Approval,
    /// The text changed since: the approval no longer covers what would go out.
    pub stale: bool,
    /// What changed since, word by word; empty when current.
    pub diff: Vec<DiffSpan>,
    /// The short form of the reviewer's key, shown beside their name; empty if unsigned.
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewStatus {
    pub state: LetterState,
    /// Whether the drafter asked for review; approvals are accepted only once they have.
    pub review_requested: bool,
    pub required_roles: Vec<Role>,
    /// Each reviewer's latest verdict per section and on the whole letter.
    pub verdicts: Vec<ApprovalState>,
    pub comments: Vec<Comment>,
    /// The short form of each comment's signing key, in the order of `comments`; empty
    /// for a comment made before comments were signed.
    pub comment_fingerprints: Vec<String>,
    /// Required roles without a current approval of the whole letter.
    pub missing_roles: Vec<Role>,
    /// Required roles whose approval of the whole letter is stale.
    pub stale_roles: Vec<Role>,
    pub open_errors: usize,
    /// Why the letter is not approved, in words, for the export dialog and the CLI.
    pub blockers: Vec<String>,
    pub letter_hash: String,
}

/// What importing a review package did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    pub incident_id: i64,
    pub created: bool,
    pub letter_updated: bool,
    pub approvals_added: usize,
    pub comments_added: usize,
    /// Reviewers whose keys were pinned by this import.
    pub keys_pinned: Vec<PackageKey>,
}

/// A person who signed something in a review package, and whether this file knows
/// their key. A key not yet known is trusted only after the importer confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PackageKey {
    pub name: String,
    pub fingerprint: String,
    /// Already pinned here (or made here) under this name.
    pub known: bool,
}

/// The facts the letter state is derived from.
pub struct ReviewFacts<'a> {
    pub letter: &'a Letter,
    pub skipped: &'a [SectionKey],
    pub required_roles: &'a [Role],
    pub approvals: &'a [Approval],
    pub comments: &'a [Comment],
    /// Error-level findings not dismissed.
    pub open_errors: usize,
    /// The drafter asked for review.
    pub review_requested: bool,
    /// The hash of the letter as last exported final, if ever.
    pub published_hash: Option<&'a str>,
}

/// Derives the letter's state: `approved` when every required role has a current approval
/// of the whole letter and no error is open; `published` when the letter is exactly what
/// was last exported final; `in review` once the drafter asked for review.
pub fn review_status(f: &ReviewFacts<'_>) -> ReviewStatus {
    let letter_hash = content_hash(&canonical_letter(f.letter, f.skipped));
    // The latest verdict of each reviewer on each scope; `approvals` is oldest first.
    let mut latest: Vec<&Approval> = Vec::new();
    for a in f.approvals {
        latest.retain(|l| !(l.reviewer == a.reviewer && l.section == a.section));
        latest.push(a);
    }
    let verdicts: Vec<ApprovalState> = latest
        .iter()
        .map(|a| {
            let now = reviewed_content(f.letter, a.section, f.skipped);
            let stale = content_hash(&now) != a.content_hash;
            let diff = if stale {
                word_diff(&a.content, &now)
            } else {
                Vec::new()
            };
            ApprovalState {
                fingerprint: if a.public_key.is_empty() {
                    String::new()
                } else {
                    signature::fingerprint(&a.public_key)
                },
                approval: (*a).clone(),
                stale,
                diff,
            }
        })
        .collect();
    let letter_verdicts = |role: Role| {
        verdicts.iter().filter(move |v| {
            v.approval.section.is_none()
                && v.approval.role == role
                && v.approval.verdict == Verdict::Approve
        })
    };
    let missing_roles: Vec<Role> = f
        .required_roles
        .iter()
        .copied()
        .filter(|&r| letter_verdicts(r).all(|v| v.stale))
        .collect();
    let stale_roles: Vec<Role> = missing_roles
        .iter()
        .copied()
        .filter(|&r| letter_verdicts(r).any(|v| v.stale))
        .collect();
    let changes_requested: Vec<&ApprovalState> = verdicts
        .iter()
        .filter(|v| v.approval.verdict == Verdict::RequestChanges && !v.stale)
        .collect();

    let mut blockers = Vec::new();
    if f.required_roles.is_empty() {
        // Without a required role, "every role approved" would be true of no approval.
        blockers.push("no role is set to approve this letter".to_string());
    }
    for role in &missing_roles {
        if stale_roles.contains(role) {
            blockers.push(format!(
                "the {role} approval is stale: the letter changed after it was approved"
            ));
        } else {
            blockers.push(format!("no {role} approval of the whole letter yet"));
        }
    }
    for v in &changes_requested {
        let place = v.approval.section.map_or("the letter".to_string(), |s| {
            format!("\u{201c}{}\u{201d}", s.title())
        });
        blockers.push(format!(
            "{} ({}) asked for changes to {place}",
            v.approval.reviewer, v.approval.role
        ));
    }
    if f.open_errors > 0 {
        blockers.push(format!(
            "{} error-level finding{} open",
            f.open_errors,
            if f.open_errors == 1 { " is" } else { "s are" }
        ));
    }
    let approved = blockers.is_empty();
    let state = if approved && f.published_hash == Some(letter_hash.as_str()) {
        LetterState::Published
    } else if approved {
        LetterState::Approved
    } else if f.review_requested || !f.approvals.is_empty() {
        // A comment alone does not put a letter in review: only the drafter's request (or
        // a verdict already given, in files from before approvals needed one) does, so
        // "Send for review" stays offered until it is used.
        LetterState::InReview
    } else {
        LetterState::Draft
    };
    ReviewStatus {
        state,
        review_requested: f.review_requested,
        required_roles: f.required_roles.to_vec(),
        verdicts,
        comments: f.comments.to_vec(),
        comment_fingerprints: f
            .comments
            .iter()
            .map(|c| {
                if c.public_key.is_empty() {
                    String::new()
                } else {
                    signature::fingerprint(&c.public_key)
                }
            })
            .collect(),
        missing_roles,
        stale_roles,
        open_errors: f.open_errors,
        blockers,
        letter_hash,
    }
}

mod diff;
mod rule;
pub mod signature;
pub use diff::{DiffKind, DiffSpan, word_diff};
pub use rule::{ApprovalRequest, approval_refusal};

#[cfg(test)]
mod tests;
