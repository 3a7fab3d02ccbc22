//! incident.io's timeline (`GET /v2/incident_timeline_items`): `incident_timeline_items[]`
//! with a `timestamp`, a `title`, an optional Markdown `description` and a `creator` that
//! is a user, an API key, an alert or a workflow.

use super::import::{ImportPreview, ImportProblem, entry_text, instant, people, unreadable};
use super::{LogKind, NewLogEntry};
use serde_json::Value;

fn creator(item: &Value) -> String {
    [
        "/creator/user/name",
        "/creator/workflow/name",
        "/creator/api_key/name",
        "/creator/alert/title",
    ]
    .iter()
    .find_map(|p| item.pointer(p).and_then(|v| v.as_str()))
    .unwrap_or("")
    .trim()
    .to_string()
}

pub(super) fn parse(text: &str) -> Result<ImportPreview, ImportProblem> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| unreadable("an incident.io timeline", &e))?;
    let items = value
        .get("incident_timeline_items")
        .or_else(|| value.get("timeline_items"))
        .or(Some(&value))
        .and_then(|v| v.as_array())
        .ok_or_else(|| {
            ImportProblem::at(
                "the file",
                1,
                "this is not an incident.io timeline: it has no incident_timeline_items list",
            )
        })?;
    let mut preview = ImportPreview::default();
    for (i, item) in items.iter().enumerate() {
        let place = format!("timeline item {}", i + 1);
        let Some(at) = instant(item.get("timestamp")) else {
            preview
                .problems
                .push(ImportProblem::at(place, 0, "it has no readable timestamp"));
            continue;
        };
        let title = item
            .get("title")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .trim();
        let description = item
            .get("description")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .trim();
        let text = match (title.is_empty(), description.is_empty()) {
            (true, true) => {
                preview.problems.push(ImportProblem::at(
                    place,
                    0,
                    "it has neither a title nor a description",
                ));
                continue;
            }
            (false, true) => title.to_string(),
            (true, false) => description.to_string(),
            (false, false) => format!("{title}: {description}"),
        };
        preview.entries.push(NewLogEntry {
            at,
            text: entry_text(&text),
            author: creator(item),
            kind: LogKind::Action,
            use_in_letter: false,
        });
    }
    preview.entries.sort_by_key(|e| e.at);
    preview.people = people(&preview.entries);
    Ok(preview)
}
