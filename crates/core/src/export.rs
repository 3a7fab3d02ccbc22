//! The letter leaving Candor: a self-contained HTML page, e-mail-safe HTML with a plain
//! text twin for the clipboard, GitHub-flavoured Markdown, and the internal technical
//! report. Raw HTML in the Markdown is escaped by comrak and everything rendered passes
//! through ammonia, so no script, handler or remote resource can reach the output.

use crate::facts::display_time;
use crate::{ActionStatus, Incident, LogKind, SectionKey};
use chrono::{DateTime, Utc};
use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};
use std::collections::HashSet;
use std::fmt::Write;

const STYLESHEET: &str = include_str!("../../../assets/export.css");

/// The forms a letter leaves Candor in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    Html,
    Markdown,
    Text,
    TechnicalHtml,
    TechnicalMarkdown,
}

impl ExportFormat {
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Text => "text",
            ExportFormat::TechnicalHtml => "technical-html",
            ExportFormat::TechnicalMarkdown => "technical-markdown",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Html | ExportFormat::TechnicalHtml => "html",
            ExportFormat::Markdown | ExportFormat::TechnicalMarkdown => "md",
            ExportFormat::Text => "txt",
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

    /// Renders `incident` in this form.
    pub fn render(
        self,
        incident: &Incident,
        skipped: &[SectionKey],
        opts: &ExportOptions,
    ) -> String {
        match self {
            ExportFormat::Html => letter_html(incident, skipped, opts),
            ExportFormat::Markdown => letter_markdown(incident, skipped, opts),
            ExportFormat::Text => letter_text(incident, skipped, opts),
            ExportFormat::TechnicalHtml => technical_html(incident),
            ExportFormat::TechnicalMarkdown => technical_markdown(incident),
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            ExportFormat::Html,
            ExportFormat::Markdown,
            ExportFormat::Text,
            ExportFormat::TechnicalHtml,
            ExportFormat::TechnicalMarkdown,
        ]
        .into_iter()
        .find(|f| f.key() == s.trim())
        .ok_or_else(|| format!("\"{}\" is not an export format: use html, markdown, text, technical-html or technical-markdown", s.trim()))
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
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn sanitizer() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "code",
        "pre",
        "blockquote",
        "a",
        "br",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
    ]);
    b.add_tag_attributes("a", ["href"]);
    b.add_tag_attributes("ol", ["start"]);
    b.url_schemes(HashSet::from(["http", "https", "mailto"]));
    b.link_rel(Some("noopener noreferrer"));
    b.url_relative(ammonia::UrlRelative::Deny);
    b
}

/// A Markdown text as safe HTML: comrak escapes raw HTML, ammonia keeps only plain
/// document tags and links to web or mail addresses.
pub fn safe_html(markdown: &str) -> String {
    sanitizer()
        .clean(&crate::render::markdown_html(markdown))
        .to_string()
}

fn logo_uri(logo: Option<&str>) -> Option<&str> {
    let logo = logo?.trim();
    is_logo_uri(logo).then_some(logo)
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

fn draft_banner(reasons: &[String]) -> String {
    let mut out =
        format!("<div class=\"draft\" role=\"note\"><strong>DRAFT</strong> · {DRAFT_SENTENCE}");
    if !reasons.is_empty() {
        out.push_str("<ul>");
        for r in reasons {
            let _ = write!(out, "<li>{}</li>", escape(r));
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>\n");
    out
}

/// The letter as one self-contained page: inline CSS, no scripts, no remote resources.
pub fn letter_html(incident: &Incident, skipped: &[SectionKey], opts: &ExportOptions) -> String {
    let title = escape(&incident.facts.title);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}{title}</title>\n<style>\n{STYLESHEET}</style>\n</head>\n<body>\n<main class=\"letter\">\n",
        if opts.draft_reasons.is_some() {
            "DRAFT: "
        } else {
            ""
        }
    );
    if let Some(reasons) = &opts.draft_reasons {
        out.push_str(&draft_banner(reasons));
    }
    out.push_str("<header>\n");
    if let Some(logo) = logo_uri(opts.logo.as_deref()) {
        let _ = writeln!(
            out,
            "<img class=\"logo\" src=\"{logo}\" alt=\"{}\">",
            escape(&opts.company)
        );
    }
    if !opts.company.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"company\">{}</p>",
            escape(opts.company.trim())
        );
    }
    let _ = writeln!(
        out,
        "<h1>{title}</h1>\n<p class=\"date\">{}</p>\n</header>",
        letter_date(incident, opts.date)
    );
    for (key, text) in sections(incident, skipped) {
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>\n{}</section>",
            escape(key.title()),
            safe_html(&text)
        );
    }
    if !opts.company.trim().is_empty() {
        let _ = writeln!(
            out,
            "<footer><p>{}</p></footer>",
            escape(opts.company.trim())
        );
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Inline styles per tag, for mail clients that drop `<style>` blocks and classes.
const EMAIL_STYLES: &[(&str, &str)] = &[
    (
        "<h1>",
        "<h1 style=\"font-size:24px;line-height:1.3;margin:0 0 6px;font-weight:bold;\">",
    ),
    (
        "<h2>",
        "<h2 style=\"font-size:18px;line-height:1.35;margin:22px 0 8px;font-weight:bold;\">",
    ),
    (
        "<h3>",
        "<h3 style=\"font-size:16px;margin:18px 0 6px;font-weight:bold;\">",
    ),
    ("<p>", "<p style=\"margin:0 0 14px;\">"),
    ("<ul>", "<ul style=\"margin:0 0 14px;padding-left:22px;\">"),
    ("<ol>", "<ol style=\"margin:0 0 14px;padding-left:22px;\">"),
    ("<li>", "<li style=\"margin:0 0 6px;\">"),
    (
        "<blockquote>",
        "<blockquote style=\"margin:0 0 14px;padding-left:12px;border-left:3px solid #d8d3c8;color:#4a5258;\">",
    ),
    (
        "<code>",
        "<code style=\"font-family:monospace;background:#f1f1ee;padding:0 3px;\">",
    ),
    ("<a ", "<a style=\"color:#1f4a5c;\" "),
];

fn inline_styles(html: &str) -> String {
    let mut out = html.to_string();
    for (tag, styled) in EMAIL_STYLES {
        out = out.replace(tag, styled);
    }
    out
}

/// The letter as e-mail HTML: styles on the elements themselves, no `<style>`, no classes.
pub fn letter_email_html(
    incident: &Incident,
    skipped: &[SectionKey],
    opts: &ExportOptions,
) -> String {
    let mut body = String::new();
    if let Some(reasons) = &opts.draft_reasons {
        let _ = write!(
            body,
            "<div style=\"background:#fff4d6;border:2px dashed #b7791f;color:#6b4400;padding:10px 14px;margin:0 0 18px;font-family:Arial,sans-serif;font-size:14px;\"><strong>DRAFT</strong> · {DRAFT_SENTENCE}{}</div>",
            if reasons.is_empty() {
                String::new()
            } else {
                format!(" {}", escape(&reasons.join("; ")))
            }
        );
    }
    let _ = write!(
        body,
        "<h1>{}</h1><p style=\"color:#5a6269;\">{}</p>",
        escape(&incident.facts.title),
        letter_date(incident, opts.date)
    );
    for (key, text) in sections(incident, skipped) {
        let _ = write!(body, "<h2>{}</h2>{}", escape(key.title()), safe_html(&text));
    }
    if !opts.company.trim().is_empty() {
        let _ = write!(
            body,
            "<p style=\"color:#5a6269;\">{}</p>",
            escape(opts.company.trim())
        );
    }
    format!(
        "<div style=\"font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.6;color:#1f2326;max-width:640px;\">{}</div>",
        inline_styles(&body)
    )
}

fn plain_inline<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Text(t) => out.push_str(&t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak => out.push(' '),
            NodeValue::LineBreak => out.push('\n'),
            NodeValue::HtmlInline(h) | NodeValue::Raw(h) => out.push_str(&h),
            NodeValue::Link(link) => {
                let before = out.len();
                plain_inline(child, out);
                let text = out[before..].to_string();
                if !link.url.is_empty()
                    && text.trim() != link.url
                    && format!("mailto:{}", text.trim()) != link.url
                {
                    let _ = write!(out, " ({})", link.url);
                }
            }
            NodeValue::Image(_) => plain_inline(child, out),
            _ => plain_inline(child, out),
        }
    }
}

fn plain_blocks<'a>(node: &'a AstNode<'a>, indent: &str, out: &mut String) {
    for child in node.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Paragraph => {
                let mut line = String::new();
                plain_inline(child, &mut line);
                let _ = writeln!(out, "{indent}{}\n", line.trim());
            }
            NodeValue::Heading(_) => {
                let mut line = String::new();
                plain_inline(child, &mut line);
                let _ = writeln!(out, "{indent}{}\n", line.trim());
            }
            NodeValue::List(list) => {
                for (n, item) in (list.start.max(1)..).zip(child.children()) {
                    let marker = if list.list_type == ListType::Ordered {
                        format!("{n}. ")
                    } else {
                        "- ".to_string()
                    };
                    let mut inner = String::new();
                    plain_blocks(item, "", &mut inner);
                    let text = inner.trim_end();
                    let pad = " ".repeat(marker.len());
                    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                        let _ = writeln!(
                            out,
                            "{indent}{}{line}",
                            if i == 0 {
                                marker.as_str()
                            } else {
                                pad.as_str()
                            }
                        );
                    }
                }
                out.push('\n');
            }
            NodeValue::CodeBlock(code) => {
                for line in code.literal.lines() {
                    let _ = writeln!(out, "{indent}    {line}");
                }
                out.push('\n');
            }
            NodeValue::HtmlBlock(h) => {
                let _ = writeln!(out, "{indent}{}\n", h.literal.trim());
            }
            NodeValue::BlockQuote => plain_blocks(child, &format!("{indent}  "), out),
            NodeValue::ThematicBreak => out.push_str("* * *\n\n"),
            _ => plain_blocks(child, indent, out),
        }
    }
}

/// Markdown as clean text: headings, lists and links readable without Markdown symbols.
pub fn plain_text(markdown: &str) -> String {
    if crate::render::nesting_depth(markdown) > crate::render::MAX_NESTING {
        return markdown.trim_end().to_string();
    }
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    let root = parse_document(&arena, markdown, &options);
    let mut out = String::new();
    plain_blocks(root, "", &mut out);
    out.trim_end().to_string()
}

/// The letter as plain text, for the clipboard beside the HTML and for terminals.
pub fn letter_text(incident: &Incident, skipped: &[SectionKey], opts: &ExportOptions) -> String {
    let mut out = String::new();
    if let Some(reasons) = &opts.draft_reasons {
        let _ = writeln!(
            out,
            "DRAFT: {DRAFT_SENTENCE}{}\n",
            if reasons.is_empty() {
                String::new()
            } else {
                format!(" ({})", reasons.join("; "))
            }
        );
    }
    let title = incident.facts.title.trim();
    let _ = writeln!(
        out,
        "{title}\n{}\n{}\n",
        "=".repeat(title.chars().count()),
        letter_date(incident, opts.date)
    );
    for (key, text) in sections(incident, skipped) {
        let _ = writeln!(
            out,
            "{}\n{}\n\n{}\n",
            key.title(),
            "-".repeat(key.title().chars().count()),
            plain_text(&text)
        );
    }
    if !opts.company.trim().is_empty() {
        let _ = writeln!(out, "{}", opts.company.trim());
    }
    out.trim_end().to_string() + "\n"
}

/// The letter as GitHub-flavoured Markdown: `# title`, one `## ` heading per section;
/// `candor check` reads it back.
pub fn letter_markdown(
    incident: &Incident,
    skipped: &[SectionKey],
    opts: &ExportOptions,
) -> String {
    let mut out = String::new();
    if let Some(reasons) = &opts.draft_reasons {
        let _ = writeln!(
            out,
            "**DRAFT: {DRAFT_SENTENCE}**{}\n",
            if reasons.is_empty() {
                String::new()
            } else {
                format!(" {}", reasons.join("; "))
            }
        );
    }
    let _ = writeln!(
        out,
        "# {}\n\n_{}_",
        incident.facts.title.trim(),
        letter_date(incident, opts.date)
    );
    for (key, text) in sections(incident, skipped) {
        let _ = write!(out, "\n## {}\n\n{}\n", key.title(), text);
    }
    out
}

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
