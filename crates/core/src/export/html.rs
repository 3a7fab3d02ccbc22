//! The letter as HTML: a self-contained page, and the e-mail form with inline styles.

use super::{DRAFT_SENTENCE, ExportOptions, STYLESHEET, is_logo_uri, letter_date, sections};
use crate::render::escape;
use crate::{Incident, SectionKey};
use std::collections::HashSet;
use std::fmt::Write;

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
