//! The letter as text: plain text for the clipboard and terminals, and Markdown that
//! `candor check` reads back.

use super::{DRAFT_SENTENCE, ExportOptions, letter_date, sections};
use crate::Incident;
use crate::SectionKey;
use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};
use std::fmt::Write;

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
