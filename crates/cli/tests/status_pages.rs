// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! `candor export --format statuspage|pagerduty-status|email-html`: the request bodies
//! checked against the shapes the two services document, refused for a letter that is not
//! approved or is too long.

mod common;
use common::candor;

use serde_json::Value;
use std::path::Path;

/// A letter by dana, approved by robin, with `summary` as its summary.
fn approved(db: &Path, summary: &str) {
    candor(
        db,
        &[
            "--as",
            "dana",
            "incident",
            "new",
            "--title",
            "Exports stalled",
        ],
        "",
    );
    for (section, text) in [
        ("summary", summary),
        ("details", "A change we made stopped them."),
        ("wrong", "We released during working hours. We are sorry."),
        (
            "better",
            "- We alert when exports stall. In place since November 18.",
        ),
        ("thanks", "Thank you for your patience."),
    ] {
        let (code, _, err) = candor(
            db,
            &[
                "--as", "dana", "letter", "set", "1", section, "--view", "customer",
            ],
            text,
        );
        assert_eq!(code, 0, "{err}");
    }
    candor(db, &["--as", "dana", "review", "request", "1"], "");
    let (code, _, err) = candor(
        db,
        &[
            "--as",
            "robin",
            "review",
            "approve",
            "1",
            "--role",
            "communications",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
}

/// The body of `PUT /v1/pages/{page}/incidents/{id}/postmortem` and of
/// `PUT …/postmortem/publish`, as Statuspage's API reference gives them.
fn is_statuspage_request(v: &Value) -> Result<(), String> {
    let draft = v
        .pointer("/create/postmortem/body_draft")
        .ok_or("no create.postmortem.body_draft")?;
    if !draft.is_string() {
        return Err("body_draft must be a string".into());
    }
    let publish = v
        .pointer("/publish/postmortem")
        .and_then(Value::as_object)
        .ok_or("no publish.postmortem")?;
    for (key, value) in publish {
        match key.as_str() {
            "notify_subscribers" | "notify_twitter" if value.is_boolean() => {}
            "custom_tweet" if value.is_string() => {}
            other => {
                return Err(format!(
                    "publish.postmortem.{other} is not in the documented body"
                ));
            }
        }
    }
    Ok(())
}

/// The body of PagerDuty's `PUT /status_pages/{id}/posts/{post_id}/postmortem`: `type`,
/// `message` (at most 10,000 characters), `post` {`id`, `type`} and `notify_subscribers`,
/// all required.
fn is_pagerduty_request(v: &Value) -> Result<(), String> {
    let p = v
        .get("postmortem")
        .and_then(Value::as_object)
        .ok_or("no postmortem object")?;
    if p.get("type").and_then(Value::as_str) != Some("status_page_post_postmortem") {
        return Err("type must be status_page_post_postmortem".into());
    }
    let message = p
        .get("message")
        .and_then(Value::as_str)
        .ok_or("message must be a string")?;
    if message.chars().count() > 10_000 {
        return Err("message is longer than 10,000 characters".into());
    }
    if !p.get("notify_subscribers").is_some_and(Value::is_boolean) {
        return Err("notify_subscribers must be true or false".into());
    }
    let post = p.get("post").and_then(Value::as_object).ok_or("no post")?;
    if post
        .get("id")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        return Err("post.id is required".into());
    }
    for key in p.keys() {
        if !["type", "message", "post", "notify_subscribers"].contains(&key.as_str()) {
            return Err(format!("postmortem.{key} is not in the documented body"));
        }
    }
    Ok(())
}

#[test]
fn an_approved_letter_becomes_both_status_page_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    approved(
        &db,
        "On Tuesday from 9:10 to 10:05 AM, exports did not finish.",
    );
    let (code, out, err) = candor(
        &db,
        &[
            "export",
            "1",
            "--format",
            "statuspage",
            "--notify-subscribers",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    is_statuspage_request(&v).unwrap();
    assert!(
        v.pointer("/create/postmortem/body_draft")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("## Summary of events")
    );
    assert_eq!(
        v.pointer("/publish/postmortem/notify_subscribers"),
        Some(&Value::Bool(true))
    );

    let (code, _, err) = candor(&db, &["export", "1", "--format", "pagerduty-status"], "");
    assert_eq!(code, 2);
    assert!(err.contains("--post"), "{err}");
    let (code, out, err) = candor(
        &db,
        &[
            "export",
            "1",
            "--format",
            "pagerduty-status",
            "--post",
            "PPOST12",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    is_pagerduty_request(&v).unwrap();
    assert!(
        v.pointer("/postmortem/message")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("<h2>Summary of events</h2>")
    );

    // The e-mail form, as "Copy for e-mail" puts it on the clipboard.
    let (code, out, _) = candor(&db, &["export", "1", "--format", "email-html"], "");
    assert_eq!(code, 0);
    assert!(out.contains("<h2 style="), "{out}");
    assert!(!out.contains("<style") && !out.contains("class="));
}

#[test]
fn a_status_page_gets_no_draft_and_no_letter_too_long_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    candor(
        &db,
        &[
            "--as",
            "dana",
            "incident",
            "new",
            "--title",
            "Exports stalled",
        ],
        "",
    );
    candor(
        &db,
        &[
            "--as", "dana", "letter", "set", "1", "summary", "--view", "customer",
        ],
        "Exports stalled.",
    );
    let (code, _, err) = candor(&db, &["export", "1", "--format", "statuspage"], "");
    assert_eq!(code, 2);
    assert!(err.contains("only an approved letter"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    let long = "Exports stalled for some customers while we moved them. ".repeat(200);
    approved(&db, &long);
    let (code, _, err) = candor(
        &db,
        &[
            "export",
            "1",
            "--format",
            "pagerduty-status",
            "--post",
            "PPOST12",
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("at most 10000") && err.contains("characters"),
        "{err}"
    );
    // Statuspage documents no limit: the same letter goes.
    let (code, _, err) = candor(&db, &["export", "1", "--format", "statuspage"], "");
    assert_eq!(code, 0, "{err}");
}

#[test]
fn the_shape_checks_catch_what_they_should() {
    let bad: Value = serde_json::from_str(
        r#"{"postmortem":{"type":"x","message":"m","post":{"id":"P"},"notify_subscribers":false}}"#,
    )
    .unwrap();
    assert!(is_pagerduty_request(&bad).is_err());
    let bad: Value = serde_json::from_str(
        r#"{"create":{"postmortem":{"body_draft":1}},"publish":{"postmortem":{}}}"#,
    )
    .unwrap();
    assert!(is_statuspage_request(&bad).is_err());
}
