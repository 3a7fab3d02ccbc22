//! The letter: six sections, each with a technical and a customer text, and the incident
//! that owns it.

use crate::{ActionItem, DerivedFacts, FactsDraft, IncidentFacts, LogEntry, SectionKey, View};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
pub struct SectionTexts {
    pub technical: String,
    pub customer: String,
}

impl SectionTexts {
    pub fn get(&self, view: View) -> &str {
        match view {
            View::Technical => &self.technical,
            View::Customer => &self.customer,
        }
    }

    pub fn set(&mut self, view: View, body: String) {
        match view {
            View::Technical => self.technical = body,
            View::Customer => self.customer = body,
        }
    }
}

/// Every section of a letter, in letter order; a section never written is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
pub struct Letter {
    pub summary: SectionTexts,
    pub details: SectionTexts,
    pub wrong: SectionTexts,
    pub better: SectionTexts,
    pub right: SectionTexts,
    pub thanks: SectionTexts,
}

impl Letter {
    pub fn section(&self, key: SectionKey) -> &SectionTexts {
        match key {
            SectionKey::Summary => &self.summary,
            SectionKey::Details => &self.details,
            SectionKey::Wrong => &self.wrong,
            SectionKey::Better => &self.better,
            SectionKey::Right => &self.right,
            SectionKey::Thanks => &self.thanks,
        }
    }

    pub fn section_mut(&mut self, key: SectionKey) -> &mut SectionTexts {
        match key {
            SectionKey::Summary => &mut self.summary,
            SectionKey::Details => &mut self.details,
            SectionKey::Wrong => &mut self.wrong,
            SectionKey::Better => &mut self.better,
            SectionKey::Right => &mut self.right,
            SectionKey::Thanks => &mut self.thanks,
        }
    }

    /// The customer letter as Markdown: a `# ` title, then a `## ` heading per section
    /// that has text. This is the form `candor check` reads back.
    pub fn customer_markdown(&self, title: &str) -> String {
        let mut out = format!("# {}\n", title.trim());
        for key in SectionKey::ALL {
            let body = self.section(key).customer.trim();
            if body.is_empty() {
                continue;
            }
            out.push_str(&format!("\n## {}\n\n{}\n", key.title(), body));
        }
        out
    }
}

/// What saving a section text did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveReceipt {
    /// False when the text was already exactly this: nothing was written.
    pub changed: bool,
    pub saved_at: DateTime<Utc>,
    /// Every section's standing after the save, for the step rail.
    pub progress: Vec<SectionProgress>,
    /// The text's revision now: the base for the next save.
    #[ts(type = "number")]
    pub revision: i64,
}

/// Which revision of one text is stored, and who saved it. A save names the revision it
/// was based on, so a save from an out-of-date copy is refused instead of overwriting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TextRevision {
    pub section: SectionKey,
    pub view: View,
    /// 0 for a text never saved; one more with every saved change.
    #[ts(type = "number")]
    pub revision: i64,
    pub saved_by: String,
    pub saved_at: Option<DateTime<Utc>>,
}

impl Incident {
    /// The sections the letter leaves out on purpose (marked "not needed").
    pub fn skipped_sections(&self) -> Vec<SectionKey> {
        self.progress
            .iter()
            .filter(|p| p.mark.not_needed.is_some())
            .map(|p| p.section)
            .collect()
    }

    /// The people the incident names in its log and action items: their names must not
    /// reach the customer letter.
    pub fn people(&self) -> Vec<String> {
        let mut people: Vec<String> = self
            .log
            .iter()
            .map(|e| e.author.trim().to_string())
            .chain(self.actions.iter().map(|a| a.owner.trim().to_string()))
            .chain(self.reviewers.iter().map(|r| r.trim().to_string()))
            .filter(|p| !p.is_empty())
            .collect();
        people.sort();
        people.dedup();
        people
    }
}

/// A backup of the database file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    pub path: String,
    pub taken_at: String,
    pub bytes: u64,
}

/// The end of the app's log, and where the whole of it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LogText {
    /// Empty when no log could be opened.
    pub path: String,
    pub text: String,
}

/// Where the user was: the incident open and the wizard step, restored on start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Place {
    pub incident_id: i64,
    pub step: String,
}

/// Where a letter is on its way to customers.
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
pub enum LetterState {
    Draft,
    InReview,
    Approved,
    Published,
}

impl LetterState {
    /// As stored and sent to the window: "in_review".
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// As a sentence says it: "in review".
    pub fn label(self) -> &'static str {
        match self {
            LetterState::Draft => "draft",
            LetterState::InReview => "in review",
            LetterState::Approved => "approved",
            LetterState::Published => "published",
        }
    }
}

/// A section's standing in the wizard's step rail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SectionState {
    Empty,
    InProgress,
    HasErrors,
    Done,
    NotNeeded,
}

/// What the drafter has said about a section: that it is done, or (for `right` only)
/// that the letter does not need it, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
pub struct SectionMark {
    pub done: bool,
    pub not_needed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SectionProgress {
    pub section: SectionKey,
    pub state: SectionState,
    pub mark: SectionMark,
}

/// Done means marked done with customer text written and no error open; an error
/// outranks everything but "not needed" and a section with no text at all.
pub fn section_state(texts: &SectionTexts, mark: &SectionMark, errors: usize) -> SectionState {
    if mark.not_needed.is_some() {
        return SectionState::NotNeeded;
    }
    let customer = !texts.customer.trim().is_empty();
    // An untouched section is empty, not wrong: the letter's own check says it is missing.
    if !customer && texts.technical.trim().is_empty() {
        return SectionState::Empty;
    }
    if errors > 0 {
        return SectionState::HasErrors;
    }
    if mark.done && customer {
        SectionState::Done
    } else if customer || !texts.technical.trim().is_empty() {
        SectionState::InProgress
    } else {
        SectionState::Empty
    }
}

/// A line in the incident list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IncidentSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub service: String,
    pub severity: crate::Severity,
    pub state: LetterState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub derived: DerivedFacts,
    /// Someone else changed its customer text since the acting person last looked at it
    /// in review.
    #[serde(default)]
    pub unseen_changes: bool,
}

/// An incident with everything the incident page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Incident {
    #[ts(type = "number")]
    pub id: i64,
    /// Stable across machines, for review packages.
    pub uid: String,
    pub facts: IncidentFacts,
    /// The facts as the form shows them, times on the wall clock of the incident's zone.
    pub draft: FactsDraft,
    pub derived: DerivedFacts,
    pub letter: Letter,
    /// The stored revision of every text that was ever saved.
    pub revisions: Vec<TextRevision>,
    /// One per section, in letter order.
    pub progress: Vec<SectionProgress>,
    pub log: Vec<LogEntry>,
    pub actions: Vec<ActionItem>,
    /// Everyone who reviewed or commented on the letter.
    pub reviewers: Vec<String>,
    /// Open promises earlier letters made to the customers of the same service.
    pub promises: Vec<crate::promise::Promise>,
    pub state: LetterState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Which database the app has open and who it acts as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionInfo {
    pub database_path: String,
    pub acting_as: String,
    /// The profile's role, once chosen.
    pub role: Option<crate::review::Role>,
    /// Set when the audit log was found altered at open.
    pub audit_warning: Option<String>,
    /// No profile has been chosen yet: the window asks who is writing.
    pub needs_profile: bool,
    /// The short form of the acting person's key; empty until they first act.
    pub fingerprint: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_state_follows_text_marks_and_errors() {
        let empty = SectionTexts::default();
        let written = SectionTexts {
            technical: String::new(),
            customer: "We were down.".into(),
        };
        let done = SectionMark {
            done: true,
            not_needed: None,
        };
        let skipped = SectionMark {
            done: false,
            not_needed: Some("No costs to customers".into()),
        };
        assert_eq!(
            section_state(&empty, &SectionMark::default(), 0),
            SectionState::Empty
        );
        assert_eq!(
            section_state(&written, &SectionMark::default(), 0),
            SectionState::InProgress
        );
        assert_eq!(section_state(&written, &done, 0), SectionState::Done);
        assert_eq!(section_state(&empty, &done, 0), SectionState::Empty);
        assert_eq!(section_state(&written, &done, 2), SectionState::HasErrors);
        assert_eq!(
            section_state(&empty, &SectionMark::default(), 1),
            SectionState::Empty
        );
        assert_eq!(
            section_state(&written, &skipped, 2),
            SectionState::NotNeeded
        );
    }

    #[test]
    fn customer_markdown_has_headings_in_order_and_skips_empty_sections() {
        let mut letter = Letter::default();
        letter
            .section_mut(SectionKey::Thanks)
            .set(View::Customer, "Thank you.".into());
        letter
            .section_mut(SectionKey::Summary)
            .set(View::Customer, " We were down. \n".into());
        letter
            .section_mut(SectionKey::Wrong)
            .set(View::Technical, "db-7 failed".into());
        assert_eq!(
            letter.customer_markdown("Checkout outage"),
            "# Checkout outage\n\n## Summary of events\n\nWe were down.\n\n## Thank you\n\nThank you.\n"
        );
    }
}
