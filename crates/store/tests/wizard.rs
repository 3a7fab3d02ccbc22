// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use candor_core::{
    ActionStatus, ErrorCode, IncidentFacts, LogKind, NewActionItem, NewLogEntry, SectionKey,
    SectionMark, SectionState, View,
};
use candor_store::Store;
use chrono::{DateTime, NaiveDate, Utc};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("candor.db")).unwrap();
    (dir, store)
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn entry(time: &str, text: &str) -> NewLogEntry {
    NewLogEntry {
        at: at(time),
        text: text.into(),
        author: "ana".into(),
        kind: LogKind::Action,
        use_in_letter: false,
    }
}

#[test]
fn log_entries_are_kept_in_time_order_and_edited_in_place() {
    let (_dir, mut store) = store();
    let id = store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    let late = store
        .add_log_entry(id, &entry("2026-10-26T19:00:00Z", "Rolled back"))
        .unwrap();
    store
        .add_log_entry(id, &entry("2026-10-26T18:00:00Z", "Errors begin"))
        .unwrap();
    let texts: Vec<String> = store.log(id).unwrap().into_iter().map(|e| e.text).collect();
    assert_eq!(texts, vec!["Errors begin", "Rolled back"]);

    let edited = NewLogEntry {
        use_in_letter: true,
        kind: LogKind::Resolution,
        ..entry("2026-10-26T19:05:00Z", "Rolled back; errors stop")
    };
    store.update_log_entry(id, late, &edited).unwrap();
    let log = store.log(id).unwrap();
    assert_eq!(log[1].text, "Rolled back; errors stop");
    assert!(log[1].use_in_letter);
    assert_eq!(log[1].kind, LogKind::Resolution);

    store.delete_log_entry(id, late).unwrap();
    assert_eq!(store.log(id).unwrap().len(), 1);
    assert_eq!(
        store.delete_log_entry(id, late).unwrap_err().code(),
        ErrorCode::NotFound
    );
    // An entry of one incident cannot be edited through another.
    let other = store
        .create_incident(IncidentFacts::titled("Other"), "ana")
        .unwrap();
    let first = store.log(id).unwrap()[0].id;
    assert_eq!(
        store.delete_log_entry(other, first).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn import_is_all_or_nothing() {
    let (_dir, mut store) = store();
    let id = store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    let entries = vec![
        entry("2026-10-26T18:00:00Z", "a"),
        entry("2026-10-26T18:01:00Z", "b"),
    ];
    assert_eq!(store.import_log(id, &entries).unwrap(), 2);
    assert_eq!(
        store.import_log(99, &entries).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(store.log(id).unwrap().len(), 2);
}

#[test]
fn action_items_keep_their_order_and_fields() {
    let (_dir, mut store) = store();
    let id = store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    let item = |d: &str| NewActionItem {
        description: d.into(),
        owner: "Priya".into(),
        due: NaiveDate::from_ymd_opt(2026, 12, 15),
        status: ActionStatus::Planned,
    };
    let first = store.add_action(id, &item("Alert on silence")).unwrap();
    store.add_action(id, &item("Test at real size")).unwrap();
    store
        .update_action(
            id,
            first,
            &NewActionItem {
                status: ActionStatus::Done,
                due: None,
                ..item("Alert on silence")
            },
        )
        .unwrap();
    let actions = store.actions(id).unwrap();
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0].description, "Alert on silence");
    assert_eq!(actions[0].status, ActionStatus::Done);
    assert_eq!(actions[0].due, None);
    assert_eq!(actions[1].due, NaiveDate::from_ymd_opt(2026, 12, 15));
    store.delete_action(id, first).unwrap();
    assert_eq!(store.actions(id).unwrap().len(), 1);
}

#[test]
fn marks_drive_section_progress() {
    let (_dir, mut store) = store();
    let id = store
        .create_incident(IncidentFacts::titled("Outage"), "ana")
        .unwrap();
    store
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "We were down.",
            "ana",
        )
        .unwrap();
    store
        .set_section_mark(
            id,
            SectionKey::Summary,
            &SectionMark {
                done: true,
                not_needed: None,
            },
        )
        .unwrap();
    store
        .set_section_mark(
            id,
            SectionKey::Right,
            &SectionMark {
                done: false,
                not_needed: Some(" No costs to customers ".into()),
            },
        )
        .unwrap();
    let progress = store.incident(id).unwrap().progress;
    let states: Vec<SectionState> = progress.iter().map(|p| p.state).collect();
    use SectionState::*;
    assert_eq!(states, vec![Done, Empty, Empty, Empty, NotNeeded, Empty]);
    assert_eq!(
        progress[4].mark.not_needed.as_deref(),
        Some("No costs to customers")
    );

    let required = store.set_section_mark(
        id,
        SectionKey::Wrong,
        &SectionMark {
            done: false,
            not_needed: Some("x".into()),
        },
    );
    assert_eq!(required.unwrap_err().code(), ErrorCode::InvalidInput);
    let no_reason = store.set_section_mark(
        id,
        SectionKey::Right,
        &SectionMark {
            done: false,
            not_needed: Some("  ".into()),
        },
    );
    assert_eq!(no_reason.unwrap_err().code(), ErrorCode::InvalidInput);
}

#[test]
fn search_finds_titles_and_texts_and_ignores_query_syntax() {
    let (_dir, mut store) = store();
    let checkout = store
        .create_incident(IncidentFacts::titled("Checkout outage"), "ana")
        .unwrap();
    let reminders = store
        .create_incident(IncidentFacts::titled("Reminders stopped"), "ana")
        .unwrap();
    store
        .save_section(
            reminders,
            SectionKey::Details,
            View::Technical,
            "The batcher built empty batches.",
            "ana",
        )
        .unwrap();
    fn ids_in(store: &Store, q: &str) -> Vec<i64> {
        store
            .search_incidents(q)
            .unwrap()
            .into_iter()
            .map(|i| i.id)
            .collect()
    }
    let ids = |q: &str| ids_in(&store, q);
    assert_eq!(ids("checkout"), vec![checkout]);
    assert_eq!(ids("batch"), vec![reminders], "prefix match on letter text");
    assert_eq!(ids("empty batches"), vec![reminders]);
    assert_eq!(
        ids("checkout batches"),
        Vec::<i64>::new(),
        "every word must match"
    );
    assert_eq!(ids("\"unbalanced OR ("), Vec::<i64>::new());
    assert_eq!(
        ids("  "),
        vec![reminders, checkout],
        "an empty query lists everything"
    );

    // Editing the title or the text updates the index.
    let ids = |store: &Store, q: &str| ids_in(store, q);
    store
        .save_section(
            reminders,
            SectionKey::Details,
            View::Technical,
            "A queue stalled.",
            "ana",
        )
        .unwrap();
    assert_eq!(ids(&store, "batch"), Vec::<i64>::new());
    let mut facts = store.incident(checkout).unwrap().facts;
    facts.title = "Payments declined".into();
    store.update_facts(checkout, facts).unwrap();
    assert_eq!(ids(&store, "payments"), vec![checkout]);
    assert_eq!(ids(&store, "checkout"), Vec::<i64>::new());
}

#[test]
fn settings_round_trip() {
    let (_dir, mut store) = store();
    assert_eq!(store.setting("last_open").unwrap(), None);
    store.set_setting("last_open", "{\"incident\":1}").unwrap();
    store.set_setting("last_open", "{\"incident\":2}").unwrap();
    assert_eq!(
        store.setting("last_open").unwrap().as_deref(),
        Some("{\"incident\":2}")
    );
}
