// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Exports: hostile text never yields anything that runs or loads, the DRAFT mark shows
//! exactly when asked, plain text is clean, and the Markdown export reads back clean.

use candor_core::checks::{RuleSet, markdown_letter};
use candor_core::export::{
    ExportOptions, file_name, letter_email_html, letter_html, letter_markdown, letter_text,
    plain_text, technical_html,
};
use candor_core::{
    ActionItem, ActionStatus, DerivedFacts, FactsDraft, Incident, IncidentFacts, Letter,
    LetterState, LogEntry, LogKind, PublishClock, SectionKey, View,
};
use chrono::{DateTime, Utc};
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[a-zA-Z!/][^>]*>").unwrap());
static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""[^"]*"|'[^']*'"#).unwrap());
static HANDLER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\son[a-z]+\s*=").unwrap());
static REMOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(src|srcset|data|action|background|poster)\s*=\s*["']?\s*(https?:)?//"#).unwrap()
});
static HREF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"href="([^"]*)""#).unwrap());

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn incident(title: &str, letter: Letter) -> Incident {
    let facts = IncidentFacts {
        zone: "America/Denver".into(),
        started: Some(at("2026-11-17T19:40:00Z")),
        resolved: Some(at("2026-11-17T22:50:00Z")),
        ..IncidentFacts::titled(title)
    };
    Incident {
        id: 1,
        uid: "u".into(),
        draft: FactsDraft::from_facts(&facts),
        derived: DerivedFacts {
            ongoing: false,
            duration_minutes: Some(190),
            time_to_detect_minutes: None,
            time_to_mitigate_minutes: None,
            hours_since_resolution: None,
            hours_to_publish: None,
            publish_clock: PublishClock::OnTime,
            meets_letter_rule: None,
            complete: true,
        },
        facts,
        letter,
        revisions: Vec::new(),
        progress: Vec::new(),
        log: vec![LogEntry {
            id: 1,
            at: at("2026-11-17T19:40:00Z"),
            text: "Reminders stop".into(),
            author: "Sam".into(),
            kind: LogKind::Detection,
            use_in_letter: true,
        }],
        actions: vec![ActionItem {
            id: 1,
            description: "Alert on silence".into(),
            owner: "Priya Raman".into(),
            due: None,
            status: ActionStatus::Planned,
        }],
        reviewers: Vec::new(),
        promises: Vec::new(),
        state: LetterState::Draft,
        created_at: at("2026-11-17T23:00:00Z"),
        updated_at: at("2026-11-17T23:00:00Z"),
    }
}

fn options(draft: bool) -> ExportOptions {
    ExportOptions {
        company: "Quillfeather".into(),
        logo: None,
        draft_reasons: draft
            .then(|| vec!["no communications approval of the whole letter yet".into()]),
        date: at("2026-11-18T16:00:00Z"),
        notify_subscribers: false,
        status_post: String::new(),
    }
}

fn hostile(payload: &str) -> Incident {
    let mut letter = Letter::default();
    for key in SectionKey::ALL {
        letter.section_mut(key).set(
            View::Customer,
            format!("Before.\n\n{payload}\n\nAfter {payload} inline."),
        );
        letter
            .section_mut(key)
            .set(View::Technical, payload.to_string());
    }
    let mut i = incident(payload, letter);
    i.facts.service = payload.into();
    i.log[0].text = payload.into();
    i.log[0].author = payload.into();
    i.actions[0].description = payload.into();
    i.actions[0].owner = payload.into();
    i
}

/// What may never appear in an export, whatever the letter says. Escaped text such as
/// `&lt;img src="…"&gt;` is harmless words; only real tags are examined.
fn assert_inert(html: &str, payload: &str) {
    let tags: Vec<&str> = TAG.find_iter(html).map(|m| m.as_str()).collect();
    let allowed = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "div",
        "header",
        "footer",
        "section",
        "img",
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
        "span",
    ];
    for tag in &tags {
        let lower = tag.to_lowercase();
        if lower.starts_with("<!doctype") || lower.starts_with("</") {
            continue;
        }
        let name: String = lower[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            allowed.contains(&name.as_str()),
            "a <{name}> tag from {payload:?}: {tag}"
        );
        // Attribute names only: what stands inside quotes is a value, not an attribute.
        let names = QUOTED.replace_all(&lower, "\"\"");
        assert!(
            !HANDLER.is_match(&names),
            "an event handler from {payload:?}: {tag}"
        );
        assert!(
            !lower.contains("javascript:") && !lower.contains("vbscript:"),
            "a script URL from {payload:?}: {tag}"
        );
        // Nothing loads from elsewhere: the only image is the logo, as a data URI.
        if name == "img" {
            assert!(
                lower.contains("src=\"data:image/"),
                "an image from elsewhere from {payload:?}: {tag}"
            );
        }
        assert!(
            !REMOTE.is_match(&lower),
            "a remote resource from {payload:?}: {tag}"
        );
        if name == "a" {
            for cap in HREF.captures_iter(&lower) {
                let url = &cap[1];
                assert!(
                    url.starts_with("https://")
                        || url.starts_with("http://")
                        || url.starts_with("mailto:"),
                    "href {url:?} from {payload:?}"
                );
            }
        }
        if name == "meta" {
            assert!(!lower.contains("refresh"), "a refresh from {payload:?}");
        }
    }
    // Style blocks are ours alone: no url() or @import anywhere in the page's CSS.
    let lower = html.to_lowercase();
    for block in lower.split("<style>").skip(1) {
        let css = block.split("</style>").next().unwrap_or("");
        assert!(
            !css.contains("url(") && !css.contains("@import"),
            "CSS that loads from {payload:?}"
        );
    }
}

fn payloads() -> Vec<String> {
    let text = include_str!("../../../tests/xss/payloads.txt");
    let mut out: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    // The whole file at once, for payloads that span lines.
    out.push(text.to_string());
    out
}

#[test]
fn hostile_text_never_reaches_the_exports_alive() {
    let payloads = payloads();
    assert!(payloads.len() >= 31, "at least 30 payloads");
    for payload in &payloads {
        let i = hostile(payload);
        for draft in [false, true] {
            assert_inert(&letter_html(&i, &[], &options(draft)), payload);
            assert_inert(&letter_email_html(&i, &[], &options(draft)), payload);
        }
        assert_inert(&technical_html(&i), payload);
    }
}

#[test]
fn the_page_is_self_contained() {
    let html = letter_html(&hostile("<script>x</script>"), &[], &options(false));
    assert!(html.contains("<style>") && html.contains("Content-Security-Policy"));
    assert!(!html.contains("<link") && !html.contains("<script"));
}

#[test]
fn the_draft_mark_shows_exactly_when_asked() {
    let mut letter = Letter::default();
    letter
        .section_mut(SectionKey::Summary)
        .set(View::Customer, "Reminders stopped.".into());
    let i = incident("Reminders stopped", letter);
    for draft in [false, true] {
        let has = |s: &str| s.contains("DRAFT");
        assert_eq!(has(&letter_html(&i, &[], &options(draft))), draft);
        assert_eq!(has(&letter_email_html(&i, &[], &options(draft))), draft);
        assert_eq!(
            letter_text(&i, &[], &options(draft)).starts_with("DRAFT"),
            draft
        );
        assert_eq!(
            letter_markdown(&i, &[], &options(draft)).starts_with("**DRAFT"),
            draft
        );
    }
    assert!(
        letter_html(&i, &[], &options(true))
            .contains("no communications approval of the whole letter yet")
    );
}

#[test]
fn email_html_has_inline_styles_and_no_classes() {
    let mut letter = Letter::default();
    letter.section_mut(SectionKey::Summary).set(
        View::Customer,
        "We were **down**.\n\n- one\n- [status](https://status.example.com)".into(),
    );
    let html = letter_email_html(&incident("Outage", letter), &[], &options(true));
    assert!(
        !html.contains("<style") && !html.contains("class="),
        "{html}"
    );
    assert!(
        html.contains("<p style=") && html.contains("<li style=") && html.contains("<h2 style="),
        "{html}"
    );
}

#[test]
fn plain_text_reads_without_markdown_symbols() {
    let text = plain_text(
        "We were **down** for `95` minutes.\n\n- First, [our status page](https://status.example.com)\n- Second\n\n1. One\n2. Two\n\n> Quoted",
    );
    assert_eq!(
        text,
        "We were down for 95 minutes.\n\n- First, our status page (https://status.example.com)\n- Second\n\n1. One\n2. Two\n\n  Quoted"
    );
    let mut letter = Letter::default();
    letter
        .section_mut(SectionKey::Summary)
        .set(View::Customer, "We were **down**.".into());
    letter
        .section_mut(SectionKey::Thanks)
        .set(View::Customer, "Thank you.".into());
    let t = letter_text(&incident("Outage", letter), &[], &options(false));
    assert_eq!(
        t,
        "Outage\n======\nNovember 18, 2026\n\nSummary of events\n-----------------\n\nWe were down.\n\nThank you\n---------\n\nThank you.\n\nQuillfeather\n"
    );
}

#[test]
fn the_markdown_export_checks_clean() {
    let text = include_str!("../../../tests/letters/01-good-reminders.md");
    let parsed = markdown_letter::parse(text);
    let mut letter = Letter::default();
    for (key, range) in parsed.sections {
        letter
            .section_mut(key)
            .set(View::Customer, text[range].trim().to_string());
    }
    let md = letter_markdown(
        &incident("Appointment reminders stopped on Tuesday", letter),
        &[],
        &options(false),
    );
    // The company's product name is in its house style, as it would be in use.
    let house = candor_core::checks::HouseStyle {
        products: vec!["Quillfeather".into()],
        ..Default::default()
    };
    let rules = RuleSet::with_house(&house).unwrap();
    let findings = markdown_letter::check(&rules, &md, &[]);
    assert!(findings.is_empty(), "{findings:#?}\n{md}");
}

#[test]
fn the_technical_report_is_marked_internal_and_keeps_owners() {
    let mut letter = Letter::default();
    letter
        .section_mut(SectionKey::Summary)
        .set(View::Technical, "Batcher built empty batches.".into());
    let html = technical_html(&incident("Reminders stopped", letter));
    assert!(
        html.contains("INTERNAL")
            && html.contains("Priya Raman")
            && html.contains("Batcher built empty batches.")
    );
    assert!(
        html.contains("2026-11-17 12:40 MST"),
        "times in the incident's zone"
    );
}

#[test]
fn file_names_are_dated_and_readable() {
    let i = incident("Core network outage: part 2!", Letter::default());
    assert_eq!(
        file_name(&i, "html", at("2026-12-01T00:00:00Z")),
        "2026-11-17-core-network-outage-part-2.html"
    );
    let untitled = incident("  ???  ", Letter::default());
    assert_eq!(
        file_name(&untitled, "md", at("2026-12-01T00:00:00Z")),
        "2026-11-17-letter.md"
    );
}
