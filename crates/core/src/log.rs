//! The incident log: what happened and what was done, as it happened; importing it from
//! CSV, JSON lines and the tools incidents are run in (Slack, PagerDuty, Statuspage,
//! incident.io); and turning marked entries into the summary's timeline.

use crate::facts::{FactsError, parse_time};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
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
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum LogKind {
    Detection,
    Action,
    Communication,
    Resolution,
}

impl LogKind {
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for LogKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for LogKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "detection" | "detect" | "detected" => Ok(LogKind::Detection),
            "action" | "" => Ok(LogKind::Action),
            "communication" | "comms" | "update" => Ok(LogKind::Communication),
            "resolution" | "resolved" | "resolve" => Ok(LogKind::Resolution),
            other => Err(format!(
                "\"{other}\" is not a kind of entry: use detection, action, communication or resolution"
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LogEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub text: String,
    pub author: String,
    pub kind: LogKind,
    /// Marked to be inserted into the summary's timeline.
    pub use_in_letter: bool,
}

/// A log entry before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewLogEntry {
    pub at: DateTime<Utc>,
    pub text: String,
    pub author: String,
    pub kind: LogKind,
    pub use_in_letter: bool,
}

/// A log entry as the form edits it: the time is a wall-clock time in the incident's zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LogEntryDraft {
    pub at: String,
    pub text: String,
    pub author: String,
    pub kind: LogKind,
    pub use_in_letter: bool,
}

pub const LOG_TEXT_MAX_CHARS: usize = 4000;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LogError {
    #[error("{0}")]
    Time(#[from] FactsError),
    #[error("the entry needs a time")]
    NoTime,
    #[error("the entry needs some text")]
    NoText,
    #[error("the entry is too long: keep it under {LOG_TEXT_MAX_CHARS} characters")]
    TooLong,
    #[error("{0}")]
    Kind(String),
}

impl LogEntryDraft {
    pub fn into_entry(self, zone: Tz) -> Result<NewLogEntry, LogError> {
        let at = parse_time("log entry", &self.at, zone)?.ok_or(LogError::NoTime)?;
        let text = self.text.trim().to_string();
        if text.is_empty() {
            return Err(LogError::NoText);
        }
        if text.chars().count() > LOG_TEXT_MAX_CHARS {
            return Err(LogError::TooLong);
        }
        Ok(NewLogEntry {
            at,
            text,
            author: self.author.trim().to_string(),
            kind: self.kind,
            use_in_letter: self.use_in_letter,
        })
    }
}

/// The marked entries as a short Markdown timeline for the summary, times in `zone`
/// ("4:05 PM EDT"). The date is shown too when the entries span more than one day.
pub fn timeline_markdown(entries: &[LogEntry], zone: Tz) -> String {
    let mut marked: Vec<&LogEntry> = entries.iter().filter(|e| e.use_in_letter).collect();
    marked.sort_by_key(|e| (e.at, e.id));
    let days: std::collections::BTreeSet<_> = marked
        .iter()
        .map(|e| e.at.with_timezone(&zone).date_naive())
        .collect();
    let format = if days.len() > 1 {
        "%b %-d, %-I:%M %p %Z"
    } else {
        "%-I:%M %p %Z"
    };
    marked
        .iter()
        .map(|e| {
            format!(
                "- **{}**: {}\n",
                e.at.with_timezone(&zone).format(format),
                e.text.trim()
            )
        })
        .collect()
}

mod import;
mod incident_io;
mod pagerduty;
mod slack;
mod statuspage;

pub use import::{
    IMPORT_MAX_ROWS, ImportFormat, ImportOptions, ImportPreview, ImportProblem, SuggestedTimes,
    detect_format, parse_log_import,
};
pub use slack::{SlackFiles, parse_slack, slack_channels};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::parse_zone;

    fn ny() -> Tz {
        parse_zone("America/New_York").unwrap()
    }

    fn entry(id: i64, at: &str, text: &str, marked: bool) -> LogEntry {
        LogEntry {
            id,
            at: DateTime::parse_from_rfc3339(at)
                .unwrap()
                .with_timezone(&Utc),
            text: text.into(),
            author: "ana".into(),
            kind: LogKind::Action,
            use_in_letter: marked,
        }
    }

    #[test]
    fn timeline_lists_marked_entries_in_time_order_in_the_zone() {
        let entries = vec![
            entry(2, "2026-10-26T20:05:00Z", "Service restored", true),
            entry(1, "2026-10-26T18:00:00Z", "Errors begin", true),
            entry(3, "2026-10-26T19:00:00Z", "Internal note", false),
        ];
        assert_eq!(
            timeline_markdown(&entries, ny()),
            "- **2:00 PM EDT**: Errors begin\n- **4:05 PM EDT**: Service restored\n"
        );
    }

    #[test]
    fn timeline_shows_dates_when_it_spans_days() {
        let entries = vec![
            entry(1, "2026-10-26T23:30:00Z", "Errors begin", true),
            entry(2, "2026-10-27T05:00:00Z", "Restored", true),
        ];
        let t = timeline_markdown(&entries, ny());
        assert!(t.starts_with("- **Oct 26, 7:30 PM EDT**"), "{t}");
        assert!(t.contains("**Oct 27, 1:00 AM EDT**"), "{t}");
    }

    #[test]
    fn csv_import_reads_good_rows_and_reports_bad_ones() {
        let csv = "Time,Text,Author,Kind,use_in_letter\n\
                   2026-10-26 14:00,Errors begin,ana,detection,yes\n\
                   yesterday,Bad time,ana,action,\n\
                   2026-10-26 14:30,\"Rolled back, errors fall\",ben,action,no\n\
                   2026-10-26 14:40,Odd kind,ben,party,\n\
                   2026-10-26 14:50,,ben,action,\n";
        let p = parse_log_import(csv, ImportFormat::Csv, ny()).unwrap();
        let texts: Vec<&str> = p.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, vec!["Errors begin", "Rolled back, errors fall"]);
        assert_eq!(p.entries[0].kind, LogKind::Detection);
        assert!(p.entries[0].use_in_letter);
        assert_eq!(
            p.entries[0].at,
            DateTime::parse_from_rfc3339("2026-10-26T18:00:00Z").unwrap()
        );
        let lines: Vec<u32> = p.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 5, 6]);
        assert!(p.problems[1].message.contains("party"));
        assert!(p.problems[2].message.contains("needs some text"));
    }

    #[test]
    fn csv_without_the_needed_columns_is_refused() {
        let err = parse_log_import("when,what\nx,y\n", ImportFormat::Csv, ny()).unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("time and text"));
    }

    #[test]
    fn jsonl_import_reads_objects_per_line() {
        let jsonl = "{\"time\":\"2026-10-26T18:00:00Z\",\"text\":\"Errors begin\",\"kind\":\"detection\",\"use_in_letter\":true}\n\
                     \n\
                     {\"time\":\"2026-10-26 14:30\",\"text\":\"Rolled back\"}\n\
                     not json\n\
                     {\"time\":\"2026-10-26 14:30\",\"text\":\"x\",\"colour\":\"red\"}\n";
        let p = parse_log_import(jsonl, ImportFormat::Jsonl, ny()).unwrap();
        assert_eq!(p.entries.len(), 2);
        assert_eq!(p.entries[1].kind, LogKind::Action);
        let lines: Vec<u32> = p.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![4, 5]);
    }
}
