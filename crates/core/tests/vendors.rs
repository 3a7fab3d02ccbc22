// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Third parties the letter introduces itself, made the cause of the outage in the ways
//! English says so, on names no list holds. Thanking or working with a supplier is not
//! blame, and neither is a name the letter never presents as someone else's.

mod common;

use candor_core::checks::{Category, RuleSet};
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap());

fn blamed(text: &str) -> Vec<String> {
    common::words_found(&RULES, text, Category::VendorBlame)
}

fn flags(text: &str, expected: &str) {
    let got = blamed(text);
    assert!(
        got.iter().any(|t| t == expected),
        "should blame {expected:?} in {text:?}; found {got:?}"
    );
}

fn clean(text: &str) {
    let got = blamed(text);
    assert!(
        got.is_empty(),
        "should blame no one in {text:?}; found {got:?}"
    );
}

#[test]
fn a_supplier_given_its_role_and_then_made_the_cause() {
    flags(
        "Quorvex, our network provider, dropped every route to our west region for forty minutes.",
        "Quorvex",
    );
    flags(
        "Tallowmere, the carrier we send text messages through, rejected our codes overnight.",
        "Tallowmere",
    );
    // The role introduces the name; a later sentence makes it the cause.
    flags(
        "Our DNS host is Pellucid. Shortly after nine, Pellucid was unreachable from most of Asia.",
        "Pellucid",
    );
}

#[test]
fn the_cause_placed_with_a_named_company() {
    flags(
        "The root cause lay with Quorvex Systems, whose router update went wrong.",
        "Quorvex Systems",
    );
    flags(
        "We traced the fault to Harrowgate Networks.",
        "Harrowgate Networks",
    );
    flags(
        "The bad data originated at Brindle Payments and reached our ledger unchecked.",
        "Brindle Payments",
    );
}

#[test]
fn a_faulty_change_attributed_to_a_named_partner() {
    flags(
        "A faulty certificate from our partner Quorvex stopped logins.",
        "Quorvex",
    );
    flags(
        "The broken configuration was rolled out by Ostrander Hosting at 14:02.",
        "Ostrander Hosting",
    );
}

#[test]
fn a_service_the_letter_says_it_uses_and_then_fails() {
    flags(
        "We use Quorvex for DNS. On Tuesday morning Quorvex was unreachable, so our site could not be found.",
        "Quorvex",
    );
    // The failure may come before the letter says who the name is.
    flags(
        "Pellucid returned errors for every lookup. We rely on Pellucid for name resolution.",
        "Pellucid",
    );
    flags(
        "A deployment inside Harrowgate's network cut us off.",
        "Harrowgate",
    );
}

#[test]
fn working_with_or_thanking_a_supplier_is_not_blame() {
    clean("We use Quorvex for DNS and have added a second provider alongside it.");
    clean("Our network provider, Quorvex, helped us reroute traffic within minutes.");
    clean("We thank the engineers at Harrowgate Networks for staying on the call with us.");
    clean("We are moving our payments to Brindle Payments next quarter.");
}

#[test]
fn the_letters_own_words_are_not_third_parties() {
    // A capitalised phrase after "we use" is not a company.
    clean("We use The same deploy tool for every region, and it failed us today.");
    // Our own mistake, told plainly, blames no one else.
    clean("Our engineers pushed a bad configuration, and the site went down.");
}

#[test]
fn a_named_supplier_as_what_hit_us_or_as_the_one_at_fault() {
    flags(
        "Our checkout was hit by Quorvex, which hosts the payment page.",
        "Quorvex",
    );
    flags(
        "Deliveries were delayed by Lincoln Freight Ltd for most of the day.",
        "Lincoln Freight Ltd",
    );
    flags(
        "Our provider, Tallowmere, was responsible for the dropped messages.",
        "Tallowmere",
    );
    flags(
        "Harrowgate Networks took our site offline for an hour on Monday.",
        "Harrowgate Networks",
    );
}

#[test]
fn the_words_that_place_the_fault_and_a_supplier_in_the_middle_of_causing_it() {
    // The finding is the phrase that puts the fault elsewhere, not each mention of the name.
    assert_eq!(
        blamed(
            "We use Pellucid for our pages. Pellucid strips one header, a known fault on their side, so we changed our settings."
        ),
        vec!["on their side"]
    );
    flags(
        "We use Tallowmere Storage for our files. The latter is causing the slow downloads.",
        "The latter",
    );
    flags(
        "The errors were related to an external network problem.",
        "an external network problem",
    );
    flags(
        "Sign-ins failed after an upstream outage.",
        "an upstream outage",
    );
}

#[test]
fn a_supplier_the_letter_hosts_with_or_names_by_its_trade_is_found_wherever_it_fails() {
    let text = "We host our storage with Kestrel Cloud. Kestrel Cloud had a power failure in \
                one hall. Services were unavailable because Kestrel Cloud lost power.";
    // Saying where the storage is hosted is not blame; the two failures are.
    assert_eq!(blamed(text), vec!["Kestrel Cloud", "Kestrel Cloud"]);
    // A capitalised everyday word inside a sentence is part of the name.
    flags(
        "We were let down by Orbital Networks, whose engineers misconfigured a router.",
        "Orbital Networks",
    );
    // At the start of a sentence it is not: "Yesterday" is no part of the name.
    flags(
        "Yesterday Harrowgate Networks dropped our routes.",
        "Harrowgate Networks",
    );
}

#[test]
fn more_ways_to_make_a_supplier_the_cause() {
    flags(
        "Our certificate provider, Certly, let our certificate expire.",
        "Certly",
    );
    flags(
        "Our payments go through Brightpay. According to Brightpay, a failed database \
         migration caused the errors.",
        "Brightpay",
    );
    flags(
        "We use Quillmail for email. We are waiting on Quillmail to restore delivery.",
        "Quillmail",
    );
    flags("The cause was a misconfiguration by our CDN.", "our CDN");
    flags(
        "The problem lay entirely with an external supplier.",
        "an external supplier",
    );
    flags(
        "Third-party library Fastjson shipped a broken release that crashed our workers.",
        "Third-party library",
    );
}

#[test]
fn a_suppliers_own_account_without_a_cause_is_not_blame() {
    clean("We use Quillmail for email. According to Quillmail, delivery is back to normal.");
    clean("We use Quillmail for email, and Quillmail's status page was quiet all year.");
}

#[test]
fn an_entry_in_a_tracker_is_not_trouble_at_the_tracker() {
    clean("Each action item becomes a GitHub issue, and we start on the urgent ones at once.");
    flags("A GitHub outage stopped our deploys for an hour.", "GitHub");
}

#[test]
fn their_systems_failing_right_after_the_supplier_is_named() {
    let text =
        "We use Norrland DNS for name resolution. Their resolvers stopped answering at 09:12.";
    assert_eq!(blamed(text), vec!["Their"]);
    clean("We use Norrland DNS for name resolution. Their engineers fixed the fault by noon.");
}

#[test]
fn external_requests_are_a_kind_of_traffic_not_a_third_party() {
    clean("An invalid quota update caused external API requests to be rejected.");
    clean("We saw more errors in external API calls than usual.");
    flags(
        "The outage was caused by an external API provider.",
        "an external API provider",
    );
}
