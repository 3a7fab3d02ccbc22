// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! The ways English shifts responsibility, promises too much or hedges an apology, each
//! on a sentence written here, with the near misses a plain letter uses and must keep.

mod common;

use candor_core::checks::{Category, Level, RuleSet};
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap());

fn found(text: &str, category: Category) -> Vec<(String, Level)> {
    common::found_in(&RULES, text, category)
}

fn flags(category: Category, text: &str, expected: &str) {
    let got = found(text, category);
    assert!(
        got.iter().any(|(t, _)| t == expected),
        "{category:?} should flag {expected:?} in {text:?}; found {got:?}"
    );
}

fn clean(category: Category, text: &str) {
    let got = found(text, category);
    assert!(
        got.is_empty(),
        "{category:?} should find nothing in {text:?}; found {got:?}"
    );
}

#[test]
fn responsibility_put_on_chance_on_one_person_or_on_customers() {
    use Category::BlameShift as B;
    for (text, expected) in [
        (
            "The failure could not reasonably have been anticipated.",
            "could not reasonably have been anticipated",
        ),
        (
            "In hindsight the outage was unavoidable.",
            "was unavoidable",
        ),
        (
            "A rare combination of events stopped the queue.",
            "A rare combination",
        ),
        (
            "Even the most careful teams ship bugs like this one.",
            "Even the most careful teams ship",
        ),
        ("No platform is immune to this.", "No platform is immune"),
        (
            "We faced a highly sophisticated attack.",
            "highly sophisticated",
        ),
        ("We were victims too.", "We were victims"),
        (
            "A configuration mistake was made on Friday.",
            "A configuration mistake was made",
        ),
        (
            "The archive was accidentally removed.",
            "was accidentally removed",
        ),
        (
            "A junior developer pushed the change.",
            "A junior developer",
        ),
        (
            "An operator mistakenly ran the wrong script.",
            "An operator mistakenly",
        ),
        (
            "Customers who did not update their app lost data.",
            "Customers who did not",
        ),
        (
            "Some of you may have missed the warning banner.",
            "Some of you may have missed",
        ),
        (
            "It was only a brief hiccup for most people.",
            "only a brief hiccup",
        ),
        (
            "Despite our best efforts, the backups failed.",
            "Despite our best efforts",
        ),
        (
            "The scheduler wrongly decided to pause every job.",
            "The scheduler wrongly decided",
        ),
    ] {
        flags(B, text, expected);
    }
    for text in [
        "We made a configuration mistake on Friday, and we are sorry.",
        "Our engineer ran the wrong script; our tooling let her.",
        "We removed the archive by accident.",
        "Customers who saw an error can now try again.",
        "We explain the nature of the fault below.",
        "We expected the change to take ten minutes.",
    ] {
        clean(B, text);
    }
}

#[test]
fn promises_of_an_outcome_rather_than_of_a_step() {
    use Category::AbsolutePromise as A;
    for (text, expected) in [
        (
            "These changes ensure this does not happen again.",
            "ensure this does not happen again",
        ),
        (
            "We are ensuring that signing has no single point of failure.",
            "ensuring that signing has no single point",
        ),
        (
            "The new design ensures uninterrupted service going forward.",
            "ensures uninterrupted service going forward",
        ),
        ("Your payments will never be lost.", "will never be lost"),
        ("The bug is now permanently fixed.", "permanently fixed"),
        ("We have fixed this once and for all.", "once and for all"),
        ("There is now no risk of a repeat.", "no risk of"),
        (
            "The new cluster prevents all future outages of this kind.",
            "prevents all future outages",
        ),
        (
            "The portal will always be available.",
            "will always be available",
        ),
        (
            "We are confident that this will not recur.",
            "We are confident that this will",
        ),
        (
            "Your account details are completely secure.",
            "Your account details are completely secure",
        ),
    ] {
        flags(A, text, expected);
    }
    for text in [
        "We are adding a second link to reduce the impact of any future outage.",
        "We will review every alert rule by June 30.",
        "All data was intact when we checked it on Tuesday.",
        "It is safe to retry the payment now.",
    ] {
        clean(A, text);
    }
}

#[test]
fn apologies_that_doubt_the_harm() {
    use Category::NonApology as N;
    flags(
        N,
        "We are sorry for any confusion the emails caused.",
        "sorry for any confusion the",
    );
    flags(
        N,
        "We apologise for the delays this may have caused.",
        "apologise for the delays this may have caused",
    );
    clean(N, "We are sorry for the missed deliveries on Monday.");
}

#[test]
fn one_finding_per_phrase_at_the_stronger_level() {
    let got = found("This will never happen again.", Category::AbsolutePromise);
    assert_eq!(
        got,
        vec![("will never happen again".to_string(), Level::Error)]
    );
}

fn flags_some(category: Category, text: &str) {
    let got = found(text, category);
    assert!(
        !got.is_empty(),
        "{category:?} should flag something in {text:?}"
    );
}

#[test]
fn more_ways_to_put_the_cause_on_customers_machines_or_nobody() {
    for text in [
        "The outage was triggered by an unusually large spike in traffic from a single customer.",
        "A customer's misconfigured script flooded our sign-in page.",
        "The incident happened because users had not updated their apps.",
        "If customers had enabled two-factor sign-in, their accounts would have been safe.",
        "This was an isolated incident.",
        "The impact was limited to a small subset of users.",
        "Some users may have noticed slightly slower pages.",
        "It was a minor issue that affected very few people.",
        "The root cause was a configuration change that was made without review.",
        "A script was run against the wrong database.",
        "Things like this are bound to happen at our size.",
        "The load balancer misbehaved and dropped connections.",
        "The attackers used a flaw that no one could have defended against.",
        "The traffic was far higher than anyone could have expected.",
        "An intern pushed the change to production.",
        "It was an honest mistake by one of our engineers.",
    ] {
        flags_some(Category::BlameShift, text);
    }
}

#[test]
fn more_promises_no_one_can_keep() {
    for text in [
        "This will not recur.",
        "We can promise that your data was never at risk.",
        "We have put safeguards in place so that an outage like this is no longer possible.",
        "There is absolutely no risk to your information.",
        "We have eliminated every single point of failure.",
        "Nothing was lost, and nothing ever will be.",
        "Our systems are now fully resilient against this kind of failure.",
        "Rest easy: this is behind us.",
        "We've made our platform immune to this class of problem.",
    ] {
        flags_some(Category::AbsolutePromise, text);
    }
}

#[test]
fn plain_accounts_near_those_forms_stay_clean() {
    for text in [
        "We have added a check so this kind of mistake is caught before release.",
        "Customers who had enabled two-factor sign-in were not affected.",
        "If you use the mobile app, please update it to the latest version.",
        "We made the change without a review, and that was our mistake.",
        "A customer's report helped us find the fault within minutes.",
        "We received the first report from a single customer in Lisbon.",
        "We thank the intern who spotted the alert.",
        "It is impossible to sign in with an old password now, by design.",
        "The rollout was limited to a small group of servers first.",
        "Our engineers ran the script against the wrong database. We have since added a confirmation step.",
        "We expected this traffic and still did not have enough capacity.",
    ] {
        clean(Category::BlameShift, text);
        clean(Category::AbsolutePromise, text);
    }
}

#[test]
fn harm_made_small_has_its_own_rule_and_message() {
    let ctx = candor_core::checks::CheckContext::default();
    let findings = RULES.check_text(
        "This was an isolated incident, only a brief hiccup.",
        None,
        candor_core::View::Customer,
        &ctx,
    );
    let played_down: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "Candor.HarmPlayedDown")
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(played_down, ["an isolated incident", "only a brief hiccup"]);
    assert!(
        findings
            .iter()
            .filter(|f| f.rule == "Candor.HarmPlayedDown")
            .all(|f| f.message.contains("smaller than it was"))
    );
}
