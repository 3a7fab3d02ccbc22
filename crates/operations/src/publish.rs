//! Sending an approved letter to Atlassian Statuspage as an incident's postmortem: opt-in,
//! from the command line. The API key is read from the desktop keyring (or, for a CI job,
//! the CANDOR_STATUSPAGE_KEY environment variable); it is never written to the database
//! or a file. Two requests, as Statuspage's API reference gives them:
//! `PUT {base}/pages/{page}/incidents/{incident}/postmortem` with the draft, then
//! `PUT …/postmortem/publish` with whether to notify subscribers.

use candor_core::LetterState;
use candor_core::export::{Delivery, ExportFormat, ExportOptions, status::statuspage_payload};
use std::time::Duration;

use crate::{OperationError, Outcome, Workspace};

pub const STATUSPAGE_URL: &str = "https://api.statuspage.io/v1";
const KEYRING_SERVICE: &str = "Candor Statuspage API key";
const KEYRING_USER: &str = "statuspage";

/// Where to publish: the Statuspage page and incident the postmortem belongs to.
#[derive(Debug, Clone)]
pub struct StatuspageTarget {
    pub page: String,
    pub incident: String,
    pub notify_subscribers: bool,
    /// The API's base URL: Statuspage's own unless CANDOR_STATUSPAGE_URL says otherwise.
    pub base_url: String,
}

fn id_part(what: &str, value: &str) -> Outcome<String> {
    let value = value.trim();
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(OperationError::Invalid(format!(
            "the Statuspage {what} id is letters and digits, as in the page's address, not \"{value}\""
        )));
    }
    Ok(value.to_string())
}

/// Saves the Statuspage API key in the desktop keyring.
pub fn save_statuspage_key(key: &str) -> Outcome<()> {
    let key = key.trim();
    if key.is_empty() {
        return Err(OperationError::Invalid("the API key is empty".into()));
    }
    keyring::Entry::new(KEYRING_SERVICE, KEYRING_USER)
        .and_then(|e| e.set_password(key))
        .map_err(|e| {
            OperationError::Invalid(format!(
                "the key could not be saved in the desktop keyring ({e}); in a CI job, set CANDOR_STATUSPAGE_KEY instead"
            ))
        })
}

fn statuspage_key() -> Outcome<String> {
    if let Ok(key) = std::env::var("CANDOR_STATUSPAGE_KEY")
        && !key.trim().is_empty()
    {
        return Ok(key.trim().to_string());
    }
    keyring::Entry::new(KEYRING_SERVICE, KEYRING_USER)
        .and_then(|e| e.get_password())
        .map_err(|_| {
            OperationError::Invalid(
                "no Statuspage API key: save one with `candor publish --to statuspage --save-key` (it reads the key from standard input)".into(),
            )
        })
}

fn put(agent: &ureq::Agent, url: &str, key: &str, body: &serde_json::Value) -> Outcome<()> {
    let mut response = agent
        .put(url)
        .header("Authorization", &format!("OAuth {key}"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .send(body.to_string())
        .map_err(|e| {
            OperationError::Invalid(format!(
                "Statuspage could not be reached ({e}); nothing was published"
            ))
        })?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let text = response.body_mut().read_to_string().unwrap_or_default();
    let said = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| {
            v.get("error")
                .or_else(|| v.get("message"))
                .map(|m| m.to_string())
        })
        .unwrap_or_else(|| text.chars().take(200).collect());
    Err(OperationError::Invalid(format!(
        "Statuspage refused the postmortem (HTTP {}): {said}",
        status.as_u16()
    )))
}

impl Workspace {
    /// Sends the approved letter to Statuspage as the incident's postmortem and publishes
    /// it there; recorded like a final export once Statuspage has accepted it.
    pub fn publish_statuspage(&mut self, id: i64, target: &StatuspageTarget) -> Outcome<()> {
        let page = id_part("page", &target.page)?;
        let incident_id = id_part("incident", &target.incident)?;
        let status = self.review_status(id)?;
        if !matches!(status.state, LetterState::Approved | LetterState::Published) {
            return Err(OperationError::Invalid(format!(
                "only an approved letter goes to a status page, and this one is not: {}",
                status.blockers.join("; ")
            )));
        }
        let key = statuspage_key()?;
        let incident = self.store.incident(id)?;
        let settings = self.export_settings()?;
        let opts = ExportOptions {
            company: settings.company,
            date: chrono::Utc::now(),
            notify_subscribers: target.notify_subscribers,
            ..Default::default()
        };
        let payload: serde_json::Value = serde_json::from_str(&statuspage_payload(
            &incident,
            &incident.skipped_sections(),
            &opts,
        ))
        .map_err(|e| {
            OperationError::Invalid(format!("the postmortem could not be prepared ({e})"))
        })?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .http_status_as_error(false)
            .build()
            .into();
        let base = target.base_url.trim_end_matches('/');
        let url = format!("{base}/pages/{page}/incidents/{incident_id}/postmortem");
        put(&agent, &url, &key, &payload["create"])?;
        put(&agent, &format!("{url}/publish"), &key, &payload["publish"])?;
        self.export_delivered(
            id,
            ExportFormat::Statuspage,
            &Delivery {
                notify_subscribers: target.notify_subscribers,
                status_post: String::new(),
            },
        )?;
        Ok(())
    }
}
