use super::*;
use crate::action::better_markdown;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const PUBLISHED: (i32, u32, u32) = (2026, 11, 20);

fn read(text: &str) -> Vec<(String, NaiveDate)> {
    let (y, m, day) = PUBLISHED;
    read_promises(text, &[], d(y, m, day))
        .into_iter()
        .map(|p| (p.text, p.due))
        .collect()
}

#[test]
fn dated_future_steps_are_promises_and_past_work_is_not() {
    let text = "We have already doubled the reminder workers. By March 15, 2027 we will move \
                the scheduler to its own cluster.\n\nOn November 3 we added an alert. We plan \
                to publish a status history in Q1.";
    assert_eq!(
        read(text),
        [
            (
                "By March 15, 2027 we will move the scheduler to its own cluster.".to_string(),
                d(2027, 3, 15)
            ),
            (
                "We plan to publish a status history in Q1.".to_string(),
                d(2027, 3, 31)
            ),
        ]
    );
}

#[test]
fn a_date_before_publication_is_no_promise() {
    assert!(read("We will finish the review by October 1, 2026.").is_empty());
}

#[test]
fn a_list_item_is_one_step_with_its_date_sentence() {
    let text = "- Add a second reminder queue. By January 31, 2027.\n\
                1. Alert on stalled reminders, within two weeks.\n";
    assert_eq!(
        read(text),
        [
            (
                "Add a second reminder queue. By January 31, 2027.".to_string(),
                d(2027, 1, 31)
            ),
            (
                "Alert on stalled reminders, within two weeks.".to_string(),
                d(2026, 12, 4)
            ),
        ]
    );
}

#[test]
fn action_items_in_the_text_become_promises_once() {
    let actions = vec![
        ActionItem {
            id: 7,
            description: "Add a second reminder queue".into(),
            owner: "Priya Raman".into(),
            due: Some(d(2027, 1, 31)),
            status: ActionStatus::Planned,
        },
        ActionItem {
            id: 8,
            description: "Rotate the paging keys".into(),
            owner: "Priya Raman".into(),
            due: Some(d(2027, 2, 1)),
            status: ActionStatus::Planned,
        },
    ];
    // Only the first went into the letter.
    let text = better_markdown(&actions[..1]);
    let promises = read_promises(&text, &actions, d(2026, 11, 20));
    assert_eq!(
        promises,
        [PromiseDraft {
            text: "Add a second reminder queue".into(),
            due: d(2027, 1, 31),
            action_id: Some(7),
        }]
    );
}

#[test]
fn a_later_letter_mentions_a_promise_in_its_own_words() {
    let promise = "By March 15, 2027 we will move the scheduler to its own cluster.";
    assert!(mentions(
        "Moving the scheduler onto a cluster of its own took longer than we said; it is now due in May.",
        promise
    ));
    assert!(!mentions(
        "We added more alerts to the billing service.",
        promise
    ));
    assert!(!mentions("The scheduler was slow again.", promise));
}

#[test]
fn overdue_comes_first_then_open_by_date_then_settled() {
    let base = Promise {
        id: 1,
        incident_id: 1,
        incident_title: "t".into(),
        service: "s".into(),
        text: "x".into(),
        due: d(2027, 1, 1),
        status: PromiseStatus::Open,
        reason: String::new(),
        made_at: Utc::now(),
        settled_at: None,
        settled_by: String::new(),
        overdue: false,
        from_action: false,
    };
    let mut list = vec![
        Promise {
            id: 1,
            status: PromiseStatus::Done,
            ..base.clone()
        },
        Promise {
            id: 2,
            due: d(2027, 2, 1),
            ..base.clone()
        },
        Promise {
            id: 3,
            due: d(2026, 1, 1),
            overdue: true,
            ..base.clone()
        },
        Promise {
            id: 4,
            ..base.clone()
        },
    ];
    list_order(&mut list);
    assert_eq!(list.iter().map(|p| p.id).collect::<Vec<_>>(), [3, 4, 2, 1]);
    assert!(is_overdue(
        PromiseStatus::Open,
        d(2026, 1, 1),
        d(2026, 1, 2)
    ));
    assert!(!is_overdue(
        PromiseStatus::Dropped,
        d(2026, 1, 1),
        d(2026, 1, 2)
    ));
}
