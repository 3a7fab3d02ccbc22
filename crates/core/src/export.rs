//! The letter leaving Candor: a self-contained HTML page, e-mail-safe HTML with a plain
//! text twin for the clipboard, GitHub-flavoured Markdown, and the internal technical
//! report. Raw HTML in the Markdown is escaped by comrak and every exported text passes
//! through ammonia, so no script, handler or remote resource can reach the output.

mod html;
mod plain;
pub mod seal;
pub mod status;
mod technical;

pub use html::{letter_email_html, letter_html, safe_html};
pub use plain::{letter_markdown, letter_text, plain_text};
pub use technical::{technical_html, technical_markdown};

use crate::{Incident, SectionKey};
use chrono::{DateTime, Utc};

const STYLESHEET: &str = include_str!("../../../assets/export.css");

/// The forms a letter leaves Candor in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    ts_rs::TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ExportFormat {
    Html,
    Markdown,
    Text,
    TechnicalHtml,
    TechnicalMarkdown,
    /// What "Copy for e-mail" puts on the clipboard: HTML with the styles inline.
    EmailHtml,
    /// Atlassian Statuspage's postmortem request bodies.
    Statuspage,
    /// A PagerDuty status page's postmortem request body.
    PagerdutyStatus,
    /// The HTML letter, which the window's print engine lays out on paper as a PDF.
    Pdf,
}

impl ExportFormat {
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Html | ExportFormat::TechnicalHtml | ExportFormat::EmailHtml => "html",
            ExportFormat::Statuspage | ExportFormat::PagerdutyStatus => "json",
            ExportFormat::Markdown | ExportFormat::TechnicalMarkdown => "md",
            ExportFormat::Text => "txt",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// The internal report is never the customer letter: it neither needs approval nor
    /// publishes anything.
    pub fn is_technical(self) -> bool {
        matches!(
            self,
            ExportFormat::TechnicalHtml | ExportFormat::TechnicalMarkdown
        )
    }

    /// A status page is sent only an approved letter: there is no DRAFT mark there.
    pub fn is_status_page(self) -> bool {
        matches!(
            self,
            ExportFormat::Statuspage | ExportFormat::PagerdutyStatus
        )
    }

    /// Renders `incident` in this form; refused with the reason when the letter does not
    /// fit the form (too long for a status page).
    pub fn render(
        self,
        incident: &Incident,
        skipped: &[SectionKey],
        opts: &ExportOptions,
    ) -> Result<String, String> {
        Ok(match self {
            ExportFormat::Html | ExportFormat::Pdf => letter_html(incident, skipped, opts),
            ExportFormat::Markdown => letter_markdown(incident, skipped, opts),
            ExportFormat::Text => letter_text(incident, skipped, opts),
            ExportFormat::TechnicalHtml => technical_html(incident),
            ExportFormat::TechnicalMarkdown => technical_markdown(incident),
            ExportFormat::EmailHtml => letter_email_html(incident, skipped, opts),
            ExportFormat::Statuspage => status::statuspage_payload(incident, skipped, opts),
            ExportFormat::PagerdutyStatus => status::pagerduty_payload(incident, skipped, opts)?,
        })
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim() == "pdf" {
            return Err("a PDF is laid out by the window's print engine: open the letter in Candor and choose Export, then Save as PDF".into());
        }
        [
            ExportFormat::Html,
            ExportFormat::Markdown,
            ExportFormat::Text,
            ExportFormat::TechnicalHtml,
            ExportFormat::TechnicalMarkdown,
            ExportFormat::EmailHtml,
            ExportFormat::Statuspage,
            ExportFormat::PagerdutyStatus,
        ]
        .into_iter()
        .find(|f| f.key() == s.trim())
        .ok_or_else(|| format!("\"{}\" is not an export format: use html, markdown, text, email-html, statuspage, pagerduty-status, technical-html or technical-markdown", s.trim()))
    }
}

/// What exporting a letter produced.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Exported {
    pub content: String,
    /// The plain-text twin, for the clipboard.
    pub text: Option<String>,
    /// Final (approved, and recorded as published) or a draft.
    pub is_final: bool,
    pub draft_reasons: Vec<String>,
    pub file_name: String,
    /// A final HTML letter's detached signature, the text of `LETTER.sig.json`.
    pub signature: Option<String>,
}

/// What the export dialog shows before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ExportPlan {
    pub status: crate::review::ReviewStatus,
    /// `2026-10-26-core-network-outage`: the file name without its extension.
    pub file_stem: String,
    pub company: String,
    pub has_logo: bool,
}

/// How a status page export is delivered: whether subscribers are told, and (PagerDuty)
/// which post the postmortem belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Delivery {
    pub notify_subscribers: bool,
    pub status_post: String,
}

/// What an export says besides the letter.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    pub company: String,
    /// A `data:image/png|jpeg|gif|webp;base64,…` URI; anything else is left out.
    pub logo: Option<String>,
    /// When the export is not final, why: shown in the DRAFT mark.
    pub draft_reasons: Option<Vec<String>>,
    /// The date the letter carries.
    pub date: DateTime<Utc>,
    /// Status pages: tell their subscribers when the postmortem is published.
    pub notify_subscribers: bool,
    /// PagerDuty status pages: the id of the post the postmortem belongs to.
    pub status_post: String,
}

/// `2026-10-26-core-network-outage.html`: the incident's start date (in its zone, else the
/// export date) and its title.
pub fn file_name(incident: &Incident, extension: &str, now: DateTime<Utc>) -> String {
    let zone = incident.facts.time_zone().unwrap_or(chrono_tz::Tz::UTC);
    let date = incident
        .facts
        .started
        .unwrap_or(now)
        .with_timezone(&zone)
        .format("%Y-%m-%d");
    let mut slug = String::new();
    for c in incident.facts.title.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("{date}-letter.{extension}")
    } else {
        format!("{date}-{slug}.{extension}")
    }
}

/// What every export carries besides the letter: the company's name and its logo.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ExportSettings {
    pub company: String,
    /// A data URI of the logo image, or empty.
    pub logo: String,
}

/// The logo image types every e-mail client and browser shows inline.
const LOGO_PREFIXES: [&str; 4] = [
    "data:image/png;base64,",
    "data:image/jpeg;base64,",
    "data:image/gif;base64,",
    "data:image/webp;base64,",
];

/// Base64 of about 380 kB of image: larger logos make every e-mail heavy.
const MAX_LOGO_CHARS: usize = 512 * 1024;

impl ExportSettings {
    /// Trimmed, with the logo checked; the message says what is wrong.
    pub fn validated(self) -> Result<ExportSettings, String> {
        let logo = self.logo.trim();
        if !logo.is_empty() && !is_logo_uri(logo) {
            return Err("the logo must be a PNG, JPEG, GIF or WebP image".into());
        }
        if logo.len() > MAX_LOGO_CHARS {
            return Err("the logo is too large: keep it under 380 kB".into());
        }
        Ok(ExportSettings {
            company: self.company.trim().to_string(),
            logo: logo.to_string(),
        })
    }
}

/// A base64 data URI of an image type every mail client shows, and nothing else.
fn is_logo_uri(logo: &str) -> bool {
    LOGO_PREFIXES
        .iter()
        .find_map(|p| logo.strip_prefix(p))
        .is_some_and(|body| {
            body.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
        })
}

fn sections(incident: &Incident, skipped: &[SectionKey]) -> Vec<(SectionKey, String)> {
    SectionKey::ALL
        .iter()
        .filter(|k| !skipped.contains(k))
        .map(|&k| (k, incident.letter.section(k).customer.trim().to_string()))
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

fn letter_date(incident: &Incident, date: DateTime<Utc>) -> String {
    let zone = incident.facts.time_zone().unwrap_or(chrono_tz::Tz::UTC);
    date.with_timezone(&zone).format("%B %-d, %Y").to_string()
}

const DRAFT_SENTENCE: &str = "Not approved for sending.";
