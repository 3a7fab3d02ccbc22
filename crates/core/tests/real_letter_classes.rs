// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! The kinds of mistake the checks made on real letters, each on a sentence written here:
//! product and feature names that contain a first name, a company named after a person,
//! and the sensitive details real letters give away (sizes, versions, host names, regions,
//! network numbers, advisories, commits, source paths, machine counts).

mod common;

use candor_core::checks::{Category, CheckContext, HouseStyle, RuleSet};
use candor_core::{SectionKey, View};

use common::words_found as found;

fn names(text: &str) -> Vec<String> {
    found(&RuleSet::builtin().unwrap(), text, Category::PersonName)
}

#[test]
fn product_and_feature_names_with_a_first_name_in_them_are_not_people() {
    assert!(names("Our builds run on Travis CI, which stopped for an hour.").is_empty());
    assert!(names("The rules you set in Page Rules were ignored.").is_empty());
    assert!(names("Open My Morgan and choose Settings.").is_empty());
    assert!(names("Invoices are sent by Jenkins Jobs every night.").is_empty());
    // A person is still a person.
    assert_eq!(
        names("Last night Morgan restarted the queue."),
        vec!["Morgan"]
    );
    assert_eq!(names("We called engineer Dana at once."), vec!["Dana"]);
}

#[test]
fn regions_and_places_named_by_compass_points_are_not_people() {
    for text in [
        "Shoppers on the Gold Coast could not pay for about an hour.",
        "Customers across South America saw slow pages all morning.",
        "The Pacific Northwest lost power, and our office there with it.",
        "Sign-ins from Northern Europe and East Asia failed until noon.",
        "Traffic to the Eastern Seaboard was rerouted through Chicago.",
        // Cities that are also first names, and cities of two words.
        "The outage hit Charlotte, Denver and Phoenix hardest.",
        "Orders shipped from Jackson and Madison were late.",
        "Pages loaded slowly for Victoria and Regina users.",
        "Customers near San Jose and Santa Clara saw errors.",
    ] {
        assert!(names(text).is_empty(), "{text:?}: {:?}", names(text));
    }
    // A city's name is still a person's with the evidence a person gets.
    assert_eq!(
        names("Last night Sydney Okafor restarted the queue."),
        vec!["Sydney Okafor"]
    );
    // One region written many times is still no one.
    let repeated =
        "Orders from the Sunshine Coast stalled. The Sunshine Coast is served from one site. \
                    We are adding a second site for the Sunshine Coast."
            .to_string();
    assert!(names(&repeated).is_empty(), "{:?}", names(&repeated));
}

#[test]
fn a_company_whose_name_holds_a_first_name_or_a_town_is_not_a_person() {
    for text in [
        "Payments through Harper Brothers Bank failed for two hours.",
        "Our courier, Lincoln Freight Ltd, could not reach the warehouse.",
        "Invoices from Sydney Print Co arrived late.",
    ] {
        assert!(names(text).is_empty(), "{text:?}: {:?}", names(text));
    }
}

#[test]
fn a_known_brand_that_starts_with_a_first_name_is_not_a_person() {
    // Brands from the gazetteer in assets/names/organisations.txt, each followed by a verb
    // of doing, which would make a first name and a surname a person.
    for text in [
        "Claude Code opened the pull request that broke the build.",
        "Leroy Merlin reported the problem to us first.",
        "John Deere said its dealers could not log in.",
    ] {
        assert!(names(text).is_empty(), "{text:?}: {:?}", names(text));
    }
    // A person with the same first name still is one.
    assert_eq!(
        names("John Okafor said the dealers could not log in."),
        vec!["John Okafor"]
    );
}

#[test]
fn storms_assistants_products_and_greetings_named_like_people_are_not_people() {
    for text in [
        "Storm Ciara brought down power lines across the region.",
        "Hurricane Sandy flooded the building in 2012.",
        "Our chatbot Olivia gave wrong answers during the outage.",
        "Ask Alexa skills stopped responding.",
        "Our Aurora cluster failed over at 09:12, and the Lily app kept working.",
        "Hi Team, here is the update.",
    ] {
        assert!(names(text).is_empty(), "{text:?}: {:?}", names(text));
    }
    // People whose first names are also English words still are people.
    assert_eq!(
        names("Peter Smith wrote the fix the same day."),
        vec!["Peter Smith"]
    );
    assert_eq!(names("Joy restarted the queue at noon."), vec!["Joy"]);
}

#[test]
fn a_company_named_like_a_person_is_not_a_person_once_the_house_style_says_so() {
    let house = HouseStyle {
        products: vec!["Tessa Cloud".into()],
        ..HouseStyle::default()
    };
    let rules = RuleSet::with_house(&house).unwrap();
    let text = "Today Tessa Cloud was slow for some customers, and Tessa Cloud is fast again.";
    assert!(found(&rules, text, Category::PersonName).is_empty());
    assert!(found(&rules, text, Category::Spelling).is_empty());
}

#[test]
fn the_sensitive_details_real_letters_give_away_are_found() {
    let rules = RuleSet::builtin().unwrap();
    let cases = [
        ("Each upload was limited to 512MB before the fix.", "512MB"),
        ("The cache held 300 GB at the time.", "300 GB"),
        (
            "The attack peaked at 40 million packets per second.",
            "40 million packets per second",
        ),
        (
            "We were running Postgres 11.4 on that server.",
            "Postgres 11.4",
        ),
        (
            "The bad release was widget-core@2.3.1 on the registry.",
            "widget-core@2.3.1",
        ),
        (
            "Calls to files.example-cdn.com failed.",
            "files.example-cdn.com",
        ),
        ("Everything in us-east-2 was affected.", "us-east-2"),
        (
            "Our platform team of three was asleep when the alarm fired.",
            "team of three",
        ),
        (
            "There was one person on call that night.",
            "one person on call",
        ),
        (
            "Only two engineers know how the billing system is built.",
            "Only two engineers",
        ),
        (
            "The backlog held 230 Jenkins jobs by noon.",
            "230 Jenkins jobs",
        ),
        (
            "Mail sent through relay.quillpost.ca bounced.",
            "relay.quillpost.ca",
        ),
        (
            "The fix was tested on [our staging site](https://staging.example.io/login) first.",
            "staging.example.io",
        ),
        (
            "Builds on ci.example.org queued for an hour.",
            "ci.example.org",
        ),
        (
            "The graph is at https://ops.example.net/d/x7Hq2/latency if you want it.",
            "https://ops.example.net/d/x7Hq2/latency",
        ),
        ("A route for AS64512 was announced by mistake.", "AS64512"),
        (
            "The fix is described in GHSA-abcd-1234-wxyz.",
            "GHSA-abcd-1234-wxyz",
        ),
        (
            "The change between 1a2b3c4..5d6e7f8 caused it.",
            "1a2b3c4..5d6e7f8",
        ),
        (
            "The bug was in billing/jobs/send_invoice.py all along.",
            "billing/jobs/send_invoice.py",
        ),
        ("We added 24 more build machines.", "24 more build machines"),
        // Names from code and configuration, and versions written without a product name.
        (
            "The job reconcile_ledger_rows ran twice.",
            "reconcile_ledger_rows",
        ),
        (
            "RetryDeclinedChargesJob stopped retrying.",
            "RetryDeclinedChargesJob",
        ),
        (
            "The bug was in Invoice.due_on, which ignored leap years.",
            "Invoice.due_on",
        ),
        (
            "We pinned the parser in Gemfile.lock yesterday.",
            "Gemfile.lock",
        ),
        (
            "A stale copy sat in vendor/cache for a week.",
            "vendor/cache",
        ),
        (
            "It read defaults from conf/billing/limits before the change.",
            "conf/billing/limits",
        ),
        ("Upgrading tinyparse 2.4.1 fixed it.", "2.4.1"),
        (
            "We rolled back to ledger-api:v4.2.0-rc3.",
            "ledger-api:v4.2.0-rc3",
        ),
        ("Every server in europe-west3 restarted.", "europe-west3"),
        ("It failed 2.4M requests over the hour.", "2.4M requests"),
        ("Pods in kube-system were evicted.", "kube-system"),
        // Paths from a variable, environment variables and named resources.
        (
            "The job reads $HOME/.config/quill/token at start.",
            "$HOME/.config/quill/token",
        ),
        ("The value of DATABASE_URL was logged.", "DATABASE_URL"),
        (
            "The bucket quill-prod-backups was public.",
            "quill-prod-backups",
        ),
        (
            "Our namespace payments-prod ran out of quota.",
            "payments-prod",
        ),
        ("The disk on db-prod-03 filled up.", "db-prod-03"),
        (
            "Queue depth reached 1.2 million messages.",
            "1.2 million messages",
        ),
    ];
    for (text, detail) in cases {
        let hits = found(&rules, text, Category::SensitiveDetail);
        assert!(
            hits.iter()
                .any(|h| h.contains(detail) || detail.contains(h.as_str())),
            "{text}: {hits:?}"
        );
    }
    // An address is one finding, not also a version number.
    assert_eq!(
        found(
            &rules,
            "Traffic from 10.12.0.0/16 was dropped.",
            Category::SensitiveDetail
        ),
        ["10.12.0.0/16"]
    );
    // Ordinary numbers and the company's public pages are not details to hide.
    for text in [
        "About 1,200 customers were affected for 90 minutes.",
        "One person wrote in to tell us, and we thank them.",
        "Our support team of agents answered every message the same day.",
        "See www.example.com for updates.",
        "We will write again on March 4.",
        "Read the guide at https://docs.example.com/guides/billing/limits for details.",
        "Read [the latest news](https://latest.example.com/news) or [enter the contest](https://contest.example.org/).",
        "Use the web app or the mobile app, and/or our API.",
        "This is version 2 of our status page, built with Node.js and PayPal checkout.",
        "About 1.5 million people use the app each day; Over 2.5 hours it recovered.",
        "We moved 2 million customers to the new plan.",
        "The end-to-end tests in our non-production and pre-production setups passed.",
        "We keep off-site backups and a production-ready runbook.",
    ] {
        assert!(
            found(&rules, text, Category::SensitiveDetail).is_empty(),
            "{text}"
        );
    }
}

#[test]
fn the_house_style_turns_rules_off_lowers_them_and_allows_terms() {
    let text = "Tessa Fenwick was down. Our VLAN failed. Sorry, the servise is back.";
    let style = HouseStyle::from_toml(
        r#"
[rules]
"Candor.Jargon" = "off"
"Language.SpellCheck" = "suggestion"

[allow]
"Candor.PersonName" = ["Tessa Fenwick"]
"#,
    )
    .unwrap();
    let rules = RuleSet::with_house(&style).unwrap();
    let ctx = CheckContext {
        language: true,
        ..CheckContext::default()
    };
    let findings = rules.check_text(text, Some(SectionKey::Details), View::Customer, &ctx);
    assert!(
        findings.iter().all(|f| f.category != Category::PersonName),
        "{findings:?}"
    );
    assert!(
        findings.iter().all(|f| f.category != Category::Jargon),
        "{findings:?}"
    );
    let spelling = findings
        .iter()
        .find(|f| f.category == Category::Spelling)
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert_eq!(spelling.level, candor_core::checks::Level::Suggestion);
    assert_eq!(
        spelling.text, "servise",
        "allowed words are not misspellings either"
    );

    // Without the settings, the same words are flagged.
    let plain = RuleSet::builtin().unwrap();
    let findings = plain.check_text(text, Some(SectionKey::Details), View::Customer, &ctx);
    assert!(
        findings.iter().any(|f| f.category == Category::PersonName),
        "{findings:?}"
    );
    assert!(
        findings.iter().any(|f| f.category == Category::Jargon),
        "{findings:?}"
    );

    // A rule id that does not exist is refused, with the id.
    let typo = HouseStyle::from_toml("[rules]\n\"Candor.Jargn\" = \"off\"\n").unwrap();
    let err = RuleSet::with_house(&typo)
        .err()
        .expect("an unknown rule is refused");
    assert!(err.to_string().contains("Candor.Jargn"), "{err}");
}

#[test]
fn deploy_data_and_security_vocabulary_is_jargon_with_a_plain_wording() {
    let rules = RuleSet::builtin().unwrap();
    let text = "We put the fix into production once the staging environment passed its test suite. \
                A leaked API token let threat actors reach an S3 bucket through the control plane.";
    let hits = found(&rules, text, Category::Jargon);
    for term in [
        "production",
        "staging environment",
        "test suite",
        "API token",
        "threat actors",
        "S3 bucket",
        "control plane",
    ] {
        assert!(hits.iter().any(|h| h == term), "{term}: {hits:?}");
    }
    // Each comes with words to use instead.
    let ctx = candor_core::checks::CheckContext::default();
    let findings = rules.check_text(text, None, candor_core::View::Customer, &ctx);
    assert!(
        findings
            .iter()
            .filter(|f| f.category == Category::Jargon)
            .all(|f| f.fix.as_deref().is_some_and(|fix| !fix.is_empty()))
    );
    // Everyday words stay: a record number, for instance, a branch near you.
    assert!(
        found(
            &rules,
            "A record number of people visited a branch, for instance in March.",
            Category::Jargon
        )
        .is_empty()
    );
    // Words everyday English uses in the same sense are neither jargon nor misspelt.
    let plain = "We wrote a post-mortem after the degradation, and the fix was deployed from \
                 an IP address we own. This postmortem says why.";
    assert!(found(&rules, plain, Category::Jargon).is_empty());
    assert!(found(&rules, plain, Category::Spelling).is_empty());
}
