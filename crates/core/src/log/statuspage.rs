//! A Statuspage incident (`GET /pages/{page}/incidents/{id}`, or a list under `incidents`):
//! each of its `incident_updates` is a message customers saw, so it arrives as a
//! communication entry; the incident's `started_at` (or `created_at`) and `resolved_at`
//! are offered for the facts.

use super::import::{
    ImportPreview, ImportProblem, SuggestedTimes, entry_text, instant, unreadable,
};
use super::{LogKind, NewLogEntry};
use serde_json::Value;

fn status_label(status: &str) -> String {
    let mut label = status.replace('_', " ");
    if let Some(first) = label.get(..1) {
        label = format!("{}{}", first.to_uppercase(), &label[1..]);
    }
    label
}

pub(super) fn parse(text: &str) -> Result<ImportPreview, ImportProblem> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| unreadable("a Statuspage incident", &e))?;
    let incidents: Vec<&Value> = match value.get("incidents").and_then(|v| v.as_array()) {
        Some(list) => list.iter().collect(),
        None => match value.as_array() {
            Some(list) => list.iter().collect(),
            None => vec![&value],
        },
    };
    if incidents
        .iter()
        .all(|i| i.get("incident_updates").is_none())
    {
        return Err(ImportProblem::at(
            "the file",
            1,
            "this is not a Statuspage incident: it has no incident_updates",
        ));
    }
    let mut preview = ImportPreview::default();
    let several = incidents.len() > 1;
    for (n, incident) in incidents.iter().enumerate() {
        let name = incident
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .trim();
        let updates = incident
            .get("incident_updates")
            .and_then(|v| v.as_array())
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (i, update) in updates.iter().enumerate() {
            let place = if several {
                format!("incident {}, update {}", n + 1, i + 1)
            } else {
                format!("update {}", i + 1)
            };
            let Some(at) =
                instant(update.get("display_at")).or_else(|| instant(update.get("created_at")))
            else {
                preview.problems.push(ImportProblem::at(
                    place,
                    0,
                    "it has no readable display_at or created_at time",
                ));
                continue;
            };
            let body = update
                .get("body")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .trim();
            if body.is_empty() {
                preview
                    .problems
                    .push(ImportProblem::at(place, 0, "its body is empty"));
                continue;
            }
            let status = update.get("status").and_then(|v| v.as_str()).unwrap_or("");
            let prefix = match (several && !name.is_empty(), status.is_empty()) {
                (true, false) => format!("{name}, {}: ", status_label(status)),
                (true, true) => format!("{name}: "),
                (false, false) => format!("{}: ", status_label(status)),
                (false, true) => String::new(),
            };
            preview.entries.push(NewLogEntry {
                at,
                text: entry_text(&format!("{prefix}{body}")),
                author: "Status page".into(),
                kind: if status == "resolved" {
                    LogKind::Resolution
                } else {
                    LogKind::Communication
                },
                use_in_letter: false,
            });
        }
    }
    if let [incident] = incidents.as_slice() {
        let times = SuggestedTimes {
            started: instant(incident.get("started_at"))
                .or_else(|| instant(incident.get("created_at"))),
            resolved: instant(incident.get("resolved_at")),
        };
        preview.times = (times.started.is_some() || times.resolved.is_some()).then_some(times);
    }
    preview.entries.sort_by_key(|e| e.at);
    Ok(preview)
}
