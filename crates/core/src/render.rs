//! Markdown to HTML for previews and exports. Raw HTML in the Markdown is escaped, never
//! passed through: a letter's text can show `<script>` but never run it.

use crate::{Letter, SectionKey};
use comrak::{Options, markdown_to_html};

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.strikethrough = true;
    o.extension.table = true;
    o.extension.autolink = true;
    o.extension.tasklist = true;
    o.render.escape = true;
    o
}

/// Deeper nesting than any letter needs; past it, Markdown is shown as plain text rather
/// than parsed, because parsers recurse once per level and a pasted wall of `>` or `[`
/// would otherwise exhaust the stack.
pub const MAX_NESTING: usize = 64;

/// How deeply a Markdown text nests: block quotes and list items at the start of a line,
/// and open brackets anywhere.
pub fn nesting_depth(markdown: &str) -> usize {
    let mut deepest = 0;
    for line in markdown.lines() {
        let mut rest = line;
        let mut depth = 0;
        loop {
            rest = rest.trim_start();
            let marker = if rest.starts_with('>') {
                Some(1)
            } else if ["- ", "* ", "+ "].iter().any(|m| rest.starts_with(m)) {
                Some(2)
            } else {
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                (digits > 0
                    && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") ")))
                .then_some(digits + 2)
            };
            match marker {
                Some(len) => {
                    depth += 1;
                    rest = &rest[len..];
                }
                None => break,
            }
        }
        deepest = deepest.max(depth);
    }
    let mut open: usize = 0;
    for c in markdown.chars() {
        match c {
            '[' | '(' => {
                open += 1;
                deepest = deepest.max(open);
            }
            ']' | ')' => open = open.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// One Markdown text as HTML.
pub fn markdown_html(markdown: &str) -> String {
    if nesting_depth(markdown) > MAX_NESTING {
        return format!("<pre>{}</pre>\n", escape(markdown));
    }
    markdown_to_html(markdown, &options())
}

/// The customer letter as HTML: a heading per section that has text, in letter order.
/// `skip` names sections left out (such as `right` when marked not needed).
pub fn letter_html(letter: &Letter, skip: &[SectionKey]) -> String {
    let mut out = String::new();
    for key in SectionKey::ALL {
        let body = letter.section(key).customer.trim();
        if body.is_empty() || skip.contains(&key) {
            continue;
        }
        out.push_str(&format!(
            "<section data-section=\"{}\"><h2>{}</h2>\n{}</section>\n",
            key.key(),
            escape(key.title()),
            markdown_html(body)
        ));
    }
    out
}

/// Text as HTML that shows it literally, in element content and in quoted attributes.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::View;

    #[test]
    fn renders_markdown_and_escapes_raw_html() {
        let html = markdown_html(
            "We **fixed** it.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
        );
        assert!(html.contains("<strong>fixed</strong>"));
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn letter_has_sections_in_order_and_skips_empty_and_skipped() {
        let mut letter = Letter::default();
        letter
            .section_mut(SectionKey::Thanks)
            .set(View::Customer, "Thank you.".into());
        letter
            .section_mut(SectionKey::Summary)
            .set(View::Customer, "We were down.".into());
        letter
            .section_mut(SectionKey::Right)
            .set(View::Customer, "A credit.".into());
        let html = letter_html(&letter, &[SectionKey::Right]);
        let summary = html.find("Summary of events").unwrap();
        let thanks = html.find("Thank you</h2>").unwrap();
        assert!(summary < thanks);
        assert!(!html.contains("Making it right"));
    }
}
