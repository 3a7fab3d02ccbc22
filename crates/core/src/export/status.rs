//! The letter as the request bodies of two status pages' postmortem APIs, so a script (or
//! `candor export`) can send an approved letter to where customers already look.
//!
//! - Atlassian Statuspage: `PUT /v1/pages/{page}/incidents/{incident}/postmortem` takes
//!   `{"postmortem": {"body_draft": …}}` and `PUT …/postmortem/publish` takes
//!   `{"postmortem": {"notify_subscribers": …, "notify_twitter": …}}`. The file holds both,
//!   under `create` and `publish`.
//! - PagerDuty status pages: `PUT /status_pages/{id}/posts/{post}/postmortem` takes
//!   `{"postmortem": {"type": "status_page_post_postmortem", "message": …, "post": {"id",
//!   "type"}, "notify_subscribers": …}}`, the message at most 10,000 characters.

use super::{ExportOptions, letter_markdown, safe_html, sections};
use crate::render::escape;
use crate::{Incident, SectionKey};
use serde_json::json;

/// The longest message a PagerDuty status page postmortem takes.
pub const PAGERDUTY_MESSAGE_MAX_CHARS: usize = 10_000;

pub fn statuspage_payload(
    incident: &Incident,
    skipped: &[SectionKey],
    opts: &ExportOptions,
) -> String {
    let body = letter_markdown(incident, skipped, opts);
    let payload = json!({
        "create": { "postmortem": { "body_draft": body } },
        "publish": { "postmortem": {
            "notify_subscribers": opts.notify_subscribers,
            "notify_twitter": false,
        } },
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&payload).unwrap_or_default()
    )
}

/// The letter as the HTML a PagerDuty status page shows, one heading per section.
pub fn pagerduty_message(incident: &Incident, skipped: &[SectionKey]) -> String {
    sections(incident, skipped)
        .into_iter()
        .map(|(key, text)| format!("<h2>{}</h2>{}", escape(key.title()), safe_html(&text)))
        .collect()
}

pub fn pagerduty_payload(
    incident: &Incident,
    skipped: &[SectionKey],
    opts: &ExportOptions,
) -> Result<String, String> {
    let message = pagerduty_message(incident, skipped);
    let count = message.chars().count();
    if count > PAGERDUTY_MESSAGE_MAX_CHARS {
        return Err(format!(
            "the letter is {count} characters as a PagerDuty status page postmortem, which takes at most {PAGERDUTY_MESSAGE_MAX_CHARS}; shorten it by {}",
            count - PAGERDUTY_MESSAGE_MAX_CHARS
        ));
    }
    let payload = json!({
        "postmortem": {
            "type": "status_page_post_postmortem",
            "message": message,
            "notify_subscribers": opts.notify_subscribers,
            "post": { "id": opts.status_post, "type": "status_page_post" },
        }
    });
    Ok(format!(
        "{}\n",
        serde_json::to_string_pretty(&payload).unwrap_or_default()
    ))
}

/// The letter as the status page will show it, for the export dialog's preview: the
/// Markdown Statuspage renders, or the HTML PagerDuty shows. Empty for other formats.
pub fn shown_html(
    format: super::ExportFormat,
    incident: &Incident,
    skipped: &[SectionKey],
    opts: &ExportOptions,
) -> String {
    match format {
        super::ExportFormat::Statuspage => safe_html(&letter_markdown(incident, skipped, opts)),
        super::ExportFormat::PagerdutyStatus => pagerduty_message(incident, skipped),
        _ => String::new(),
    }
}
