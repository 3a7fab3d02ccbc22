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

/// One Markdown text as HTML.
pub fn markdown_html(markdown: &str) -> String {
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
            html_escape(key.title()),
            markdown_html(body)
        ));
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
