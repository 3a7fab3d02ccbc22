//! PagerDuty's incident log (`GET /incidents/{id}/log_entries`): `log_entries[]`, each with
//! a `type` such as `trigger_log_entry`, a `created_at`, the `agent` who acted and, for a
//! note, its text in `channel.summary` (or `note`, which the API schema documents).

use super::import::{ImportPreview, ImportProblem, entry_text, instant, people, unreadable};
use super::{LogKind, NewLogEntry};
use serde_json::Value;

fn kind(entry_type: &str) -> LogKind {
    match entry_type.trim_end_matches("_log_entry") {
        "trigger" => LogKind::Detection,
        "resolve" => LogKind::Resolution,
        "notify" | "status_update" => LogKind::Communication,
        _ => LogKind::Action,
    }
}

fn text_of(entry: &Value, entry_type: &str) -> String {
    let field = |path: &[&str]| {
        path.iter()
            .try_fold(entry, |v, k| v.get(k))
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let said = match entry_type {
        "annotate_log_entry" => field(&["channel", "summary"])
            .or_else(|| field(&["note"]))
            .or_else(|| field(&["channel", "content"]))
            .map(|note| format!("Note: {note}")),
        "status_update_log_entry" => field(&["message"]),
        _ => None,
    };
    said.or_else(|| field(&["summary"])).unwrap_or_default()
}

pub(super) fn parse(text: &str) -> Result<ImportPreview, ImportProblem> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| unreadable("PagerDuty log entries", &e))?;
    let entries = value
        .get("log_entries")
        .or(Some(&value))
        .and_then(|v| v.as_array())
        .ok_or_else(|| {
            ImportProblem::at(
                "the file",
                1,
                "this is not a PagerDuty incident log: it has no log_entries list",
            )
        })?;
    let mut preview = ImportPreview::default();
    for (i, entry) in entries.iter().enumerate() {
        let place = format!("log entry {}", i + 1);
        let Some(entry_type) = entry.get("type").and_then(|t| t.as_str()) else {
            preview
                .problems
                .push(ImportProblem::at(place, 0, "it has no type"));
            continue;
        };
        let Some(at) = instant(entry.get("created_at")) else {
            preview.problems.push(ImportProblem::at(
                place,
                0,
                "it has no readable created_at time",
            ));
            continue;
        };
        let text = text_of(entry, entry_type);
        if text.is_empty() {
            preview
                .problems
                .push(ImportProblem::at(place, 0, "it says nothing (no summary)"));
            continue;
        }
        preview.entries.push(NewLogEntry {
            at,
            text: entry_text(&text),
            author: entry
                .pointer("/agent/summary")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .trim()
                .to_string(),
            kind: kind(entry_type),
            use_in_letter: false,
        });
    }
    preview.entries.sort_by_key(|e| e.at);
    preview.people = people(&preview.entries);
    Ok(preview)
}
