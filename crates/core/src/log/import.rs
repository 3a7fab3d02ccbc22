//! Reading a log file into entries: Candor's own CSV and JSON lines, and the JSON the
//! incident tools export. Every reader returns the rows it can import and, for each it
//! cannot, where it is and why; a file that is not of its format at all is refused whole.

use super::{LogEntryDraft, NewLogEntry};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One row of an import that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProblem {
    /// 1-based line of the file (for CSV, the header is line 1), or of the JSON text the
    /// entry starts on; 0 when the file has no lines to speak of.
    pub line: u32,
    /// Where, in words: "line 4", "log entry 3", "incident-db/2026-11-03.json, message 5".
    pub place: String,
    pub message: String,
}

impl ImportProblem {
    pub(crate) fn at_line(line: u32, message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            line,
            place: format!("line {line}"),
            message: message.into(),
        }
    }

    pub(crate) fn at(
        place: impl Into<String>,
        line: u32,
        message: impl Into<String>,
    ) -> ImportProblem {
        ImportProblem {
            line,
            place: place.into(),
            message: message.into(),
        }
    }
}

/// Times an import found for the incident's facts, offered to the user, never applied
/// on their own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct SuggestedTimes {
    pub started: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
}

/// What an import file holds: the rows that can be imported and the ones that cannot.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    pub format: ImportFormat,
    pub entries: Vec<NewLogEntry>,
    pub problems: Vec<ImportProblem>,
    /// A Slack export's channels, to choose from.
    pub channels: Vec<String>,
    /// The channel read; none when the export has several and none was chosen.
    pub channel: Option<String>,
    /// The people who wrote the entries, so the name checks know them.
    pub people: Vec<String>,
    /// Messages left out on purpose: joins, leaves, bots, outside the time window.
    pub skipped: u32,
    /// When the file says the incident started and was resolved (Statuspage).
    pub times: Option<SuggestedTimes>,
    /// The time window a Slack channel was read in.
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum ImportFormat {
    #[default]
    Csv,
    Jsonl,
    Slack,
    Pagerduty,
    Statuspage,
    IncidentIo,
}

impl ImportFormat {
    pub fn key(self) -> &'static str {
        match self {
            ImportFormat::Csv => "csv",
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Slack => "slack",
            ImportFormat::Pagerduty => "pagerduty",
            ImportFormat::Statuspage => "statuspage",
            ImportFormat::IncidentIo => "incident-io",
        }
    }
}

impl std::str::FromStr for ImportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        use strum::VariantArray;
        ImportFormat::VARIANTS
            .iter()
            .copied()
            .find(|f| f.key() == s.trim())
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not an import format: use auto, csv, jsonl, slack, pagerduty, statuspage or incident-io",
                    s.trim()
                )
            })
    }
}

/// How to read an import: which Slack channel, which time window, which reaction marks a
/// message for the letter, and whether joins, leaves and bots come too.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct ImportOptions {
    pub channel: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// A Slack reaction's name (default `pushpin`, 📌).
    pub pin_reaction: Option<String>,
    pub include_chatter: bool,
}

/// The most rows one import takes; a larger file is refused whole.
pub const IMPORT_MAX_ROWS: usize = 10_000;

/// Which format a text file is in, from what it holds: the incident tools' JSON by their
/// top-level keys, JSON lines by an object on the first line, CSV otherwise. A Slack
/// export is a folder or a zip, told apart by the caller.
pub fn detect_format(text: &str) -> ImportFormat {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(trimmed) {
            let has = |k: &str| value.get(k).is_some();
            if has("log_entries") {
                return ImportFormat::Pagerduty;
            }
            if has("incident_timeline_items") || has("timeline_items") {
                return ImportFormat::IncidentIo;
            }
            if has("incident_updates") || has("incidents") {
                return ImportFormat::Statuspage;
            }
            if let Some(first) = value.as_array().and_then(|a| a.first()) {
                if first
                    .get("type")
                    .and_then(|t| t.as_str())
                    .is_some_and(|t| t.ends_with("_log_entry"))
                {
                    return ImportFormat::Pagerduty;
                }
                if first.get("incident_updates").is_some() {
                    return ImportFormat::Statuspage;
                }
            }
        }
        // Not one JSON document: JSON lines when its first line is an object of its own,
        // otherwise a damaged export, named by its keys so the refusal says where it breaks.
        let first_line = trimmed.lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first_line).is_ok() {
            return ImportFormat::Jsonl;
        }
        for (key, format) in [
            ("\"log_entries\"", ImportFormat::Pagerduty),
            ("\"incident_timeline_items\"", ImportFormat::IncidentIo),
            ("\"timeline_items\"", ImportFormat::IncidentIo),
            ("\"incident_updates\"", ImportFormat::Statuspage),
        ] {
            if trimmed.contains(key) {
                return format;
            }
        }
        return ImportFormat::Jsonl;
    }
    ImportFormat::Csv
}

/// Reads a log file in a text format. Times without an offset are read in `zone`. A row
/// that cannot be read is reported with its place and left out; the rest are returned.
/// A Slack export is read by [`super::parse_slack`].
pub fn parse_log_import(
    text: &str,
    format: ImportFormat,
    zone: Tz,
) -> Result<ImportPreview, ImportProblem> {
    let preview = match format {
        ImportFormat::Csv => drafts(csv_rows(text)?, zone),
        ImportFormat::Jsonl => drafts(jsonl_rows(text), zone),
        ImportFormat::Pagerduty => super::pagerduty::parse(text)?,
        ImportFormat::Statuspage => super::statuspage::parse(text)?,
        ImportFormat::IncidentIo => super::incident_io::parse(text)?,
        ImportFormat::Slack => {
            return Err(ImportProblem::at(
                "the file",
                0,
                "a Slack export is a folder or a .zip file, not one text file",
            ));
        }
    };
    let count = preview.entries.len() + preview.problems.len();
    if count > IMPORT_MAX_ROWS {
        return Err(ImportProblem::at(
            "the file",
            0,
            format!("the file has {count} rows; Candor imports up to {IMPORT_MAX_ROWS} at a time"),
        ));
    }
    Ok(ImportPreview { format, ..preview })
}

fn drafts(rows: Vec<Row>, zone: Tz) -> ImportPreview {
    let mut preview = ImportPreview::default();
    for (line, row) in rows {
        match row.and_then(|r| r.into_entry(zone).map_err(|e| e.to_string())) {
            Ok(entry) => preview.entries.push(entry),
            Err(message) => preview.problems.push(ImportProblem::at_line(line, message)),
        }
    }
    preview.people = people(&preview.entries);
    preview
}

/// The distinct authors of `entries`, in order of first appearance.
pub(crate) fn people(entries: &[NewLogEntry]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for e in entries {
        let a = e.author.trim();
        if !a.is_empty() && !seen.iter().any(|s| s == a) {
            seen.push(a.to_string());
        }
    }
    seen
}

/// A JSON document that does not parse, refused with the line serde stopped at.
pub(crate) fn unreadable(what: &str, e: &serde_json::Error) -> ImportProblem {
    ImportProblem::at(
        format!("line {}", e.line()),
        e.line() as u32,
        format!("this is not {what}: {e}"),
    )
}

/// Text for a log entry: trimmed, and cut (with an ellipsis) at the longest an entry may be.
pub(crate) fn entry_text(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= super::LOG_TEXT_MAX_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(super::LOG_TEXT_MAX_CHARS - 1).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// An RFC 3339 time from an incident tool's JSON.
pub(crate) fn instant(value: Option<&serde_json::Value>) -> Option<DateTime<Utc>> {
    value
        .and_then(|v| v.as_str())
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .map(|t| t.with_timezone(&Utc))
}

type Row = (u32, Result<LogEntryDraft, String>);

fn truthy(s: &str) -> Result<bool, String> {
    match s.trim().to_lowercase().as_str() {
        "" | "0" | "false" | "no" | "n" => Ok(false),
        "1" | "true" | "yes" | "y" | "x" => Ok(true),
        other => Err(format!("use_in_letter must be yes or no, not \"{other}\"")),
    }
}

fn csv_rows(text: &str) -> Result<Vec<Row>, ImportProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header_problem = |message: String| ImportProblem::at_line(1, message);
    let headers = reader
        .headers()
        .map_err(|e| header_problem(format!("the header cannot be read: {e}")))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(time), Some(body)) = (column("time"), column("text")) else {
        return Err(header_problem(
            "the first line must name the columns, with at least time and text (and optionally author, kind, use_in_letter)".into(),
        ));
    };
    let (author, kind, use_in_letter) = (column("author"), column("kind"), column("use_in_letter"));
    let mut rows = Vec::new();
    for record in reader.records() {
        let (line, row) = match record {
            Err(e) => (
                e.position().map_or(0, |p| p.line() as u32),
                Err(format!("this row cannot be read: {e}")),
            ),
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as u32);
                let field = |i: Option<usize>| i.and_then(|i| r.get(i)).unwrap_or("").to_string();
                let row = (|| {
                    Ok(LogEntryDraft {
                        at: field(Some(time)),
                        text: field(Some(body)),
                        author: field(author),
                        kind: field(kind).parse()?,
                        use_in_letter: truthy(&field(use_in_letter))?,
                    })
                })();
                (line, row)
            }
        };
        rows.push((line, row));
    }
    Ok(rows)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRow {
    time: String,
    text: String,
    #[serde(default)]
    author: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    use_in_letter: bool,
}

fn jsonl_rows(text: &str) -> Vec<Row> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let row = serde_json::from_str::<JsonRow>(l)
                .map_err(|e| format!("not a log entry object: {e}"))
                .and_then(|r| {
                    Ok(LogEntryDraft {
                        at: r.time,
                        text: r.text,
                        author: r.author,
                        kind: r.kind.parse()?,
                        use_in_letter: r.use_in_letter,
                    })
                });
            (i as u32 + 1, row)
        })
        .collect()
}
