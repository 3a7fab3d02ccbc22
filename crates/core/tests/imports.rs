// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! The incident tools' exports read into log entries, from fixtures written for Candor
//! after each tool's documented shape (`tests/fixtures/imports`).

use candor_core::log::{
    ImportFormat, ImportOptions, SlackFiles, detect_format, parse_log_import, parse_slack,
};
use candor_core::{LogKind, facts::parse_zone};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/imports")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

fn slack() -> SlackFiles {
    let root = fixtures().join("slack");
    let mut files = SlackFiles::new();
    for entry in walk(&root) {
        let rel = entry
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        files.insert(rel, std::fs::read_to_string(&entry).unwrap());
    }
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn each_format_is_told_from_what_the_file_holds() {
    assert_eq!(
        detect_format(&read("pagerduty.json")),
        ImportFormat::Pagerduty
    );
    assert_eq!(
        detect_format(&read("statuspage.json")),
        ImportFormat::Statuspage
    );
    assert_eq!(
        detect_format(&read("incident-io.json")),
        ImportFormat::IncidentIo
    );
    assert_eq!(
        detect_format("{\"time\":\"2026-11-03 14:00\",\"text\":\"x\"}\n"),
        ImportFormat::Jsonl
    );
    assert_eq!(
        detect_format("time,text\n2026-11-03 14:00,x\n"),
        ImportFormat::Csv
    );
}

#[test]
fn a_slack_channel_arrives_in_order_in_plain_words_with_pinned_messages_marked() {
    let options = ImportOptions {
        channel: Some("inc-checkout".into()),
        since: Some(utc("2026-11-03T13:00:00Z")),
        until: Some(utc("2026-11-03T16:00:00Z")),
        ..ImportOptions::default()
    };
    let p = parse_slack(&slack(), &options).unwrap();
    assert_eq!(p.channels, vec!["general", "inc-checkout"]);
    assert_eq!(p.channel.as_deref(), Some("inc-checkout"));
    let texts: Vec<&str> = p.entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "@here checkout is returning errors for card payments, paging @Bodhi Nakamura",
            "looking; the error rate started at 13:58 UTC",
            "status page updated: incident page (https://status.example.com/incidents/abc) & support told",
            "rolling back the payment gateway config change from 13:55 in #inc-checkout",
            "[file: Error rate graph]",
        ]
    );
    let authors: Vec<&str> = p.entries.iter().map(|e| e.author.as_str()).collect();
    assert_eq!(
        authors[..3],
        ["Avery Lindqvist", "Bodhi Nakamura", "Carmen Oyelaran"]
    );
    let pinned: Vec<bool> = p.entries.iter().map(|e| e.use_in_letter).collect();
    assert_eq!(pinned, vec![true, false, false, true, false]);
    assert_eq!(p.entries[0].at, utc("2026-11-03T14:00:00.0002Z"));
    // The join, the bot, the edit event and the next day's message are left out.
    assert_eq!(p.skipped, 4);
    assert_eq!(
        p.people,
        vec!["Avery Lindqvist", "Bodhi Nakamura", "Carmen Oyelaran"]
    );
    assert!(p.problems.is_empty(), "{:?}", p.problems);
}

#[test]
fn slack_chatter_comes_only_when_asked_and_another_reaction_can_mark() {
    let options = ImportOptions {
        channel: Some("#inc-checkout".into()),
        include_chatter: true,
        pin_reaction: Some(":eyes:".into()),
        ..ImportOptions::default()
    };
    let p = parse_slack(&slack(), &options).unwrap();
    assert!(
        p.entries
            .iter()
            .any(|e| e.text == "ALERT card_auth_error_rate > 5%" && e.author == "pagebot")
    );
    assert!(
        p.entries
            .iter()
            .any(|e| e.text.contains("has joined the channel"))
    );
    assert_eq!(p.entries.iter().filter(|e| e.use_in_letter).count(), 1);
    assert!(p.entries.iter().any(|e| e.text.starts_with("next day")));
}

#[test]
fn an_export_of_several_channels_asks_which_and_a_wrong_one_is_refused() {
    let p = parse_slack(&slack(), &ImportOptions::default()).unwrap();
    assert!(p.channel.is_none());
    assert!(p.entries.is_empty());
    let err = parse_slack(
        &slack(),
        &ImportOptions {
            channel: Some("random".into()),
            ..ImportOptions::default()
        },
    )
    .unwrap_err();
    assert!(
        err.message.contains("#general, #inc-checkout"),
        "{}",
        err.message
    );
}

#[test]
fn a_damaged_slack_day_file_is_refused_with_its_name_and_line() {
    let mut files = slack();
    files.insert(
        "inc-checkout/2026-11-03.json".into(),
        "[\n{\"type\": \"message\",\n\"ts\": }\n]".into(),
    );
    let options = ImportOptions {
        channel: Some("inc-checkout".into()),
        ..ImportOptions::default()
    };
    let err = parse_slack(&files, &options).unwrap_err();
    assert_eq!(err.line, 3);
    assert!(
        err.place.starts_with("inc-checkout/2026-11-03.json"),
        "{}",
        err.place
    );
    let mut not_slack = SlackFiles::new();
    not_slack.insert("notes.txt".into(), "hello".into());
    assert!(parse_slack(&not_slack, &ImportOptions::default()).is_err());
}

#[test]
fn pagerduty_entries_map_to_kinds_with_notes_and_agents() {
    let p = parse_log_import(
        &read("pagerduty.json"),
        ImportFormat::Pagerduty,
        parse_zone("UTC").unwrap(),
    )
    .unwrap();
    let seen: Vec<(LogKind, &str, &str)> = p
        .entries
        .iter()
        .map(|e| (e.kind, e.text.as_str(), e.author.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                LogKind::Detection,
                "Triggered through the API",
                "Checkout API"
            ),
            (
                LogKind::Action,
                "Acknowledged by Bodhi Nakamura",
                "Bodhi Nakamura"
            ),
            (
                LogKind::Communication,
                "Notified Carmen Oyelaran by SMS",
                "Checkout API"
            ),
            (
                LogKind::Action,
                "Note: Rolled back the gateway config change.",
                "Bodhi Nakamura"
            ),
            (
                LogKind::Resolution,
                "Resolved by Avery Lindqvist",
                "Avery Lindqvist"
            ),
        ]
    );
    assert_eq!(p.problems.len(), 1);
    assert_eq!(p.problems[0].place, "log entry 6");
    assert!(p.problems[0].message.contains("created_at"));
}

#[test]
fn statuspage_updates_are_communications_and_its_times_are_offered_not_applied() {
    let p = parse_log_import(
        &read("statuspage.json"),
        ImportFormat::Statuspage,
        parse_zone("UTC").unwrap(),
    )
    .unwrap();
    let texts: Vec<&str> = p.entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Investigating: Some card payments are failing at checkout. We are looking into it.",
            "Monitoring: A fix is in place and we are watching the results.",
            "Resolved: Card payments are working normally again.",
        ]
    );
    assert_eq!(p.entries[0].kind, LogKind::Communication);
    assert_eq!(p.entries[2].kind, LogKind::Resolution);
    let times = p.times.unwrap();
    assert_eq!(times.started, Some(utc("2026-11-03T13:58:00Z")));
    assert_eq!(times.resolved, Some(utc("2026-11-03T14:41:00Z")));
}

#[test]
fn incident_io_items_join_title_and_description_and_name_their_creator() {
    let p = parse_log_import(
        &read("incident-io.json"),
        ImportFormat::IncidentIo,
        parse_zone("UTC").unwrap(),
    )
    .unwrap();
    assert_eq!(p.entries.len(), 2);
    assert_eq!(
        p.entries[1].text,
        "Rolled back gateway config: Reverted the **13:55** change."
    );
    assert_eq!(p.entries[1].author, "Rollback workflow");
    assert_eq!(p.problems.len(), 1);
    assert_eq!(p.problems[0].place, "timeline item 3");
}

#[test]
fn a_malformed_file_of_each_format_is_refused_with_its_line() {
    let zone = parse_zone("UTC").unwrap();
    for (format, text) in [
        (
            ImportFormat::Pagerduty,
            "{\"log_entries\": [\n  {\"type\": \"trigger_log_entry\",,}\n]}",
        ),
        (
            ImportFormat::Statuspage,
            "{\"incident_updates\": [\n\n  {\"body\": }\n]}",
        ),
        (
            ImportFormat::IncidentIo,
            "{\n\"incident_timeline_items\": [\n{\n\"title\": nope\n}]}",
        ),
    ] {
        let err = parse_log_import(text, format, zone).unwrap_err();
        assert!(err.line >= 2, "{format:?}: {err:?}");
        assert!(err.message.contains("this is not"), "{format:?}: {err:?}");
    }
    // Well-formed JSON of another shape is refused too.
    for format in [
        ImportFormat::Pagerduty,
        ImportFormat::Statuspage,
        ImportFormat::IncidentIo,
    ] {
        assert!(
            parse_log_import("{\"hello\": 1}", format, zone).is_err(),
            "{format:?}"
        );
    }
}

#[test]
fn a_damaged_export_is_still_recognised_so_its_refusal_names_the_line() {
    let damaged = "{\"log_entries\": [\n {\"type\": \"trigger_log_entry\",\n \"created_at\": }]}";
    assert_eq!(detect_format(damaged), ImportFormat::Pagerduty);
    let err =
        parse_log_import(damaged, detect_format(damaged), parse_zone("UTC").unwrap()).unwrap_err();
    assert_eq!(err.line, 3);
}
