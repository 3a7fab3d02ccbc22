//! The internal technical report: facts, technical texts, the log and the action items.

use super::STYLESHEET;
use super::safe_html;
use crate::facts::display_time;
use crate::render::escape;
use crate::{ActionStatus, Incident, LogKind, SectionKey};
use chrono::{DateTime, Utc};
use std::fmt::Write;

fn kind_name(kind: LogKind) -> &'static str {
    match kind {
        LogKind::Detection => "detection",
        LogKind::Action => "action",
        LogKind::Communication => "communication",
        LogKind::Resolution => "resolution",
    }
}

fn status_name(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => "planned",
        ActionStatus::InProgress => "in progress",
        ActionStatus::Done => "done",
    }
}

/// The internal report as Markdown: facts, technical texts, the log and the action items
/// with their owners.
pub fn technical_markdown(incident: &Incident) -> String {
    let f = &incident.facts;
    let zone = f.time_zone().unwrap_or(chrono_tz::Tz::UTC);
    let time = |t: Option<DateTime<Utc>>| t.map_or("—".to_string(), |t| display_time(t, zone));
    let mut out = format!(
        "# {}: technical report\n\n**INTERNAL: not for customers.**\n\n",
        f.title.trim()
    );
    let _ = writeln!(out, "| fact | value |\n|---|---|");
    let _ = writeln!(
        out,
        "| service | {} |\n| severity | {} |",
        f.service, f.severity
    );
    for (name, t) in [
        ("started", f.started),
        ("detected", f.detected),
        ("mitigated", f.mitigated),
        ("resolved", f.resolved),
    ] {
        let _ = writeln!(out, "| {name} | {} |", time(t));
    }
    if let Some(share) = f.affected_share {
        let _ = writeln!(out, "| customers affected | {share}% |");
    }
    for key in SectionKey::ALL {
        let text = incident.letter.section(key).technical.trim();
        if !text.is_empty() {
            let _ = write!(out, "\n## {}\n\n{}\n", key.title(), text);
        }
    }
    if !incident.log.is_empty() {
        out.push_str("\n## Incident log\n\n| time | kind | author | entry |\n|---|---|---|---|\n");
        for e in &incident.log {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                display_time(e.at, zone),
                kind_name(e.kind),
                e.author,
                e.text.replace('|', "\\|").replace('\n', " ")
            );
        }
    }
    if !incident.actions.is_empty() {
        out.push_str("\n## Action items\n\n| action | owner | due | status |\n|---|---|---|---|\n");
        for a in &incident.actions {
            let due = a.due.map_or("—".to_string(), |d| d.to_string());
            let _ = writeln!(
                out,
                "| {} | {} | {due} | {} |",
                a.description.replace('|', "\\|"),
                a.owner,
                status_name(a.status)
            );
        }
    }
    out
}

/// The internal report as a self-contained HTML page.
pub fn technical_html(incident: &Incident) -> String {
    let title = escape(&format!(
        "{}: technical report",
        incident.facts.title.trim()
    ));
    let body = safe_html(&technical_markdown(incident));
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>\n{STYLESHEET}</style>\n</head>\n<body>\n<main class=\"letter\">\n\
         <div class=\"internal\" role=\"note\">INTERNAL · the technical account, not for customers</div>\n{body}</main>\n</body>\n</html>\n"
    )
}
