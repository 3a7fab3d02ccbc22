//! Promises: the dated steps a published letter's "How we're doing better" section makes
//! to customers, and the action items that went into it. Each is followed until it is
//! done or dropped with a reason; an open one past its date is overdue, and the next
//! letter to the same customers should say what became of it.

pub mod dates;

use crate::action::{ActionItem, ActionStatus};
use crate::checks::text::sentences;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;
use ts_rs::TS;

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
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum PromiseStatus {
    Open,
    Done,
    Dropped,
}

impl PromiseStatus {
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// A promise as the store keeps it, with the letter it was made in. Named otherwise in
/// TypeScript, where `Promise` is taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "CustomerPromise")]
pub struct Promise {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub incident_id: i64,
    pub incident_title: String,
    /// The affected service of the letter that made it: its customers are the ones owed.
    pub service: String,
    pub text: String,
    pub due: NaiveDate,
    pub status: PromiseStatus,
    /// Why it was dropped; empty otherwise.
    pub reason: String,
    /// When the letter that made it was first published.
    pub made_at: DateTime<Utc>,
    pub settled_at: Option<DateTime<Utc>>,
    pub settled_by: String,
    /// Open and past its date, as of when it was read.
    pub overdue: bool,
    /// Came from an action item rather than a sentence of the letter.
    pub from_action: bool,
}

/// A promise read from a letter, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseDraft {
    pub text: String,
    pub due: NaiveDate,
    pub action_id: Option<i64>,
}

/// Open and past its date on `today`.
pub fn is_overdue(status: PromiseStatus, due: NaiveDate, today: NaiveDate) -> bool {
    status == PromiseStatus::Open && due < today
}

/// A verb or phrase that puts a step in the future ("we will", "we plan to", "by …").
static FUTURE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::checks::detect::fixed(
        r"(?i)\b(will|shall|plan|plans|planned|planning|going\s+to|intend|intends|expect|expects|aim|aims|target|targeting|scheduled|committed|commit|by|before|within|until|no\s+later\s+than)\b|\w['\u{2019}]ll\b|\bwe(?:['\u{2019}]re|\s+are)\s+\w+ing\b",
    )
});

/// The steps of a text: each Markdown list item whole, and each sentence of prose. A
/// sentence that is only a date ("By March 3.") belongs to the step before it.
fn steps(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_item = false;
    for range in sentences(text) {
        let raw = &text[range.clone()];
        // The sentence splitter cuts "1." off a numbered item; the item starts after it.
        if number_marker(raw.trim()) {
            continue;
        }
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let prefix = text[line_start..range.start].trim();
        let numbered = number_marker(prefix);
        let starts_line = prefix.is_empty() || numbered;
        let item = numbered || (starts_line && list_marker(raw).is_some());
        let body = clean(list_marker(raw).filter(|_| starts_line).unwrap_or(raw));
        let date_only = dates::deadlines(&body, NaiveDate::MIN)
            .first()
            .is_some_and(|(r, _)| {
                words(&body[..r.start]).len() <= 2 && words(&body[r.end..]).is_empty()
            });
        let continues = !starts_line && in_item;
        if (date_only || continues)
            && let Some(last) = out.last_mut()
        {
            last.push(' ');
            last.push_str(&body);
            continue;
        }
        if starts_line {
            in_item = item;
        }
        out.push(body);
    }
    out
}

fn number_marker(s: &str) -> bool {
    s.strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn list_marker(s: &str) -> Option<&str> {
    let t = s.trim_start();
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let (n, rest) = t.split_once(". ")?;
    (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some(rest)
}

/// A step as people read it: no emphasis marks, one space between words.
fn clean(s: &str) -> String {
    s.replace("**", "")
        .replace("__", "")
        .replace('`', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn normalised(s: &str) -> String {
    clean(s).to_lowercase().trim_end_matches('.').to_string()
}

/// Every promise the "better" text of a letter published on `published` makes: the steps
/// with a deadline on or after that day, and the action items still to do whose words
/// are in the text.
pub fn read_promises(
    better: &str,
    actions: &[ActionItem],
    published: NaiveDate,
) -> Vec<PromiseDraft> {
    let mut out: Vec<PromiseDraft> = Vec::new();
    let listed: Vec<(&ActionItem, String)> = actions
        .iter()
        .filter(|a| a.status != ActionStatus::Done && a.due.is_some())
        .map(|a| (a, normalised(&a.description)))
        .filter(|(_, d)| !d.is_empty() && normalised(better).contains(d.as_str()))
        .collect();
    for (action, _) in &listed {
        if let Some(due) = action.due {
            out.push(PromiseDraft {
                text: clean(action.description.trim().trim_end_matches('.')),
                due,
                action_id: Some(action.id),
            });
        }
    }
    for step in steps(better) {
        let lower = step.to_lowercase();
        if listed.iter().any(|(_, d)| lower.contains(d.as_str())) || !FUTURE.is_match(&step) {
            continue;
        }
        let due = dates::deadlines(&step, published)
            .into_iter()
            .map(|(_, d)| d)
            .filter(|d| *d >= published)
            .max();
        if let Some(due) = due
            && !out.iter().any(|p| p.text == step)
        {
            out.push(PromiseDraft {
                text: step,
                due,
                action_id: None,
            });
        }
    }
    out
}

const STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "also",
    "been",
    "before",
    "being",
    "better",
    "both",
    "customer",
    "customers",
    "does",
    "doing",
    "done",
    "down",
    "each",
    "even",
    "every",
    "from",
    "further",
    "have",
    "having",
    "into",
    "just",
    "make",
    "making",
    "more",
    "most",
    "next",
    "once",
    "only",
    "other",
    "over",
    "plan",
    "same",
    "should",
    "some",
    "such",
    "sure",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "within",
    "work",
    "would",
    "your",
    "ours",
    "promise",
    "promised",
    "step",
    "steps",
    "team",
    "teams",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "end",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "quarter",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "early",
    "late",
    "days",
];

fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(root) = w.strip_suffix(suffix)
            && root.chars().count() >= 3
        {
            return root.to_string();
        }
    }
    w
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words that carry what a promise is about: not function words, dates or numbers.
fn content_words(s: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    words(s)
        .into_iter()
        .filter(|w| {
            let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
            (w.chars().count() >= 4 || acronym)
                && !w.chars().all(|c| c.is_ascii_digit())
                && !STOP.contains(&w.to_lowercase().as_str())
        })
        .map(stem)
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

/// Whether `text` speaks of the promise: at least half of what it is about (and at least
/// two words of it, when it is about more than one thing) appears there.
pub fn mentions(text: &str, promise: &str) -> bool {
    let wanted = content_words(promise);
    if wanted.is_empty() {
        return true;
    }
    let present: HashSet<String> = content_words(text).into_iter().collect();
    let found = wanted.iter().filter(|w| present.contains(*w)).count();
    let needed = wanted.len().div_ceil(2).max(wanted.len().min(2));
    found >= needed
}

/// The order of the Promises screen: overdue first (oldest first), then open by date,
/// then the settled ones, last settled first.
pub fn list_order(promises: &mut [Promise]) {
    promises.sort_by(|a, b| {
        let rank = |p: &Promise| match (p.overdue, p.status) {
            (true, _) => 0,
            (false, PromiseStatus::Open) => 1,
            _ => 2,
        };
        rank(a)
            .cmp(&rank(b))
            .then_with(|| match rank(a) {
                2 => b.settled_at.cmp(&a.settled_at),
                _ => a.due.cmp(&b.due),
            })
            .then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests;
