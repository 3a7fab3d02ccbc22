// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Each rule with text it must flag and text it must leave alone.

use candor_core::checks::{Category, CheckContext, Finding, HouseStyle, Level, RuleSet};
use candor_core::{SectionKey, View};
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap());

fn check_with(text: &str, section: Option<SectionKey>, ctx: &CheckContext) -> Vec<Finding> {
    RULES.check_text(text, section, View::Customer, ctx)
}

fn check(text: &str) -> Vec<Finding> {
    check_with(text, None, &CheckContext::default())
}

fn found(text: &str, category: Category) -> Vec<String> {
    check(text)
        .into_iter()
        .filter(|f| f.category == category)
        .map(|f| f.text)
        .collect()
}

fn flags(text: &str, category: Category, expected: &str) {
    let got = found(text, category);
    assert!(
        got.iter().any(|t| t == expected),
        "{category:?} should flag {expected:?} in {text:?}; found {got:?}"
    );
}

fn clean(text: &str, category: Category) {
    let got = found(text, category);
    assert!(
        got.is_empty(),
        "{category:?} should find nothing in {text:?}; found {got:?}"
    );
}

#[test]
fn person_names() {
    use Category::PersonName as P;
    flags(
        "To top it off, Peter and Brian worked through the night.",
        P,
        "Peter",
    );
    flags(
        "To top it off, Peter and Brian worked through the night.",
        P,
        "Brian",
    );
    flags("Our engineer Dana restarted the service.", P, "Dana");
    flags(
        "The fix was written by Samantha Greene on our team.",
        P,
        "Samantha Greene",
    );
    flags("April restarted the primary database at 4 PM.", P, "April");
    flags("Kevin noticed the alarm first.", P, "Kevin");
    clean("In May, we moved our servers. On May 3 we finished.", P);
    clean("May we ask for your patience while we finish?", P);
    clean(
        "We will mark the old service as retired. Will it return? Yes.",
        P,
    );
    clean("The outage began on Tuesday, October 26.", P);
    clean(
        "Jordan customers were affected; our team in Georgia responded.",
        P,
    );
    clean("Thank you for your patience.", P);
    clean("We thank Cisco for their help.", P);
    clean("The Checkout page returned errors. Payments failed.", P);
}

#[test]
fn people_known_to_the_incident_are_always_names() {
    let ctx = CheckContext {
        people: vec!["Priya Raman".into(), "Okonkwo".into()],
        ..Default::default()
    };
    let names = |t: &str| {
        check_with(t, None, &ctx)
            .into_iter()
            .filter(|f| f.category == Category::PersonName)
            .map(|f| f.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(names("Priya rolled the change back."), vec!["Priya"]);
    assert_eq!(
        names("Thanks to Okonkwo for staying late."),
        vec!["Okonkwo"]
    );
    assert_eq!(names("Priya Raman led the response."), vec!["Priya Raman"]);
}

#[test]
fn vendor_blame() {
    use Category::VendorBlame as V;
    flags(
        "The data center mislabeled the cables on our racks, so the wrong server went dark.",
        V,
        "The data center",
    );
    flags("The outage was caused by Cloudflare.", V, "Cloudflare");
    flags(
        "Due to an outage at our cloud provider, sign-ins failed.",
        V,
        "our cloud provider",
    );
    flags("AWS's failure took our site down.", V, "AWS");
    clean("We thank Cisco for their help in finding the cause.", V);
    clean(
        "We are working with our provider to add a second connection.",
        V,
    );
    clean("Cisco engineers are helping us test the new firmware.", V);
    clean("We pulled the wrong cable in the data center.", V);
    // Blame found from how the sentence is built, on names the rules do not list.
    flags(
        "Our hosting provider, Brightwell Hosting, misrouted traffic for an hour.",
        V,
        "Brightwell Hosting",
    );
    flags(
        "Payments stopped because of Quillmark Ltd's expired certificate.",
        V,
        "Quillmark Ltd",
    );
    flags(
        "A third-party carrier unintentionally dropped our messages.",
        V,
        "A third-party carrier",
    );
    flags(
        "Sign-ins failed after a third-party breach.",
        V,
        "a third-party breach",
    );
    flags(
        "Orders were delayed. Our email provider has since fixed the problem. It was a known fault on their side.",
        V,
        "on their side",
    );
    flags("Fastly had a brief outage in Europe.", V, "Fastly");
    flags(
        "Uploads stalled during the Cloudflare outage.",
        V,
        "Cloudflare",
    );
    clean(
        "Our hosting provider, Brightwell Hosting, helped us move the database.",
        V,
    );
    clean("We host our website with Fastly and our files with AWS.", V);
    // A name the letter introduced counts wherever it comes back, and "they" after it.
    flags(
        "We send texts through our carrier, Lanternwave. On Tuesday Lanternwave dropped every message for an hour.",
        V,
        "Lanternwave",
    );
    flags(
        "Card checks go through our payments partner, Orrery Pay. They had an outage that evening.",
        V,
        "They",
    );
    clean(
        "Card checks go through our payments partner, Orrery Pay. They helped us retry every payment.",
        V,
    );
    // "Our ISP" is a third party even unnamed.
    flags("An outage at our ISP cut the office off.", V, "our ISP");
    clean(
        "We changed a setting in AWS, and uploads failed for two hours.",
        V,
    );
    // A no-break space (as editors and word processors insert) is a word boundary.
    flags(
        "We are sorry.\n\u{a0}Our CDN provider failed us.",
        V,
        "Our CDN provider",
    );
    flags(
        "Jargon after a curly quote: \u{201c}VLAN\u{201d}.",
        Category::Jargon,
        "VLAN",
    );
}

#[test]
fn responsibility_shifted_and_sweeping_reassurance_by_structure() {
    use Category::AbsolutePromise as A;
    use Category::BlameShift as B;
    flags(
        "The cause was outside our direct control.",
        B,
        "outside our direct control",
    );
    flags("Sadly, accidents happen.", B, "accidents happen");
    flags(
        "It is up to the user to check each link.",
        B,
        "It is up to the user",
    );
    flags(
        "The engineer who deployed it forgot to run the tests.",
        B,
        "The engineer who deployed it forgot",
    );
    flags(
        "The failure was not our own mistake.",
        B,
        "was not our own mistake",
    );
    clean("The change was outside the window we had planned.", B);
    clean("We did not check the link, and we should have.", B);
    flags("Your data remains safe.", A, "Your data remains safe");
    flags(
        "We are preventing the recurrence of this bug.",
        A,
        "preventing the recurrence",
    );
    flags(
        "We will make sure this can never recur.",
        A,
        "make sure this can never recur",
    );
    clean("We keep every backup in a second region.", A);
}

#[test]
fn blame_shift() {
    use Category::BlameShift as B;
    flags("This was not our fault.", B, "was not our fault");
    flags(
        "Mistakes were made during the upgrade.",
        B,
        "Mistakes were made",
    );
    flags(
        "The failure was beyond our control.",
        B,
        "beyond our control",
    );
    flags("It came down to human error.", B, "human error");
    clean("This was our fault, and we are sorry.", B);
    clean("We control every step of the release now.", B);
}

#[test]
fn non_apology() {
    use Category::NonApology as N;
    flags(
        "We apologize for any inconvenience.",
        N,
        "apologize for any inconvenience",
    );
    flags("We're sorry if you were affected.", N, "sorry if");
    flags(
        "We apologise to anyone who may have been affected.",
        N,
        "We apologise to anyone who",
    );
    clean(
        "We are sorry. Missed reminders meant missed appointments.",
        N,
    );
    clean(
        "We apologize for the missed payments and the lost sales.",
        N,
    );
}

#[test]
fn apologise_once() {
    let text = "We are sorry. We apologize. Our apologies. Sorry again.";
    let hits: Vec<Finding> = check(text)
        .into_iter()
        .filter(|f| f.rule == "Candor.ApologyOnce")
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].level, Level::Suggestion);
    assert!(
        check("We are sorry. We apologize.")
            .iter()
            .all(|f| f.rule != "Candor.ApologyOnce")
    );
}

#[test]
fn absolute_promises() {
    use Category::AbsolutePromise as A;
    flags(
        "This will never happen again.",
        A,
        "will never happen again",
    );
    flags("We guarantee 100% uptime from now on.", A, "guarantee");
    flags(
        "Service will be fully restored by 5 PM today.",
        A,
        "will be fully restored by 5 PM today",
    );
    clean("We are adding a second network link by December 15.", A);
    clean("We will post an update by 5 PM.", A);
}

#[test]
fn jargon_with_plain_fixes() {
    let f: Vec<Finding> = check("A VLAN dropped packets when the load balancer hit a timeout.")
        .into_iter()
        .filter(|f| f.category == Category::Jargon)
        .collect();
    let pairs: Vec<(&str, Option<&str>)> = f
        .iter()
        .map(|f| (f.text.as_str(), f.fix.as_deref()))
        .collect();
    assert!(
        pairs.contains(&("VLAN", Some("part of our network"))),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&(
            "load balancer",
            Some("the system that spreads traffic across our servers")
        )),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("timeout", Some("wait limit"))),
        "{pairs:?}"
    );
    flags("Two VLANs were affected.", Category::Jargon, "VLANs");
    clean("Our team got the site back online.", Category::Jargon);
    clean("We will hand each clinic a credit.", Category::Jargon);
    // Acronyms match only in capitals.
    clean("Ha! That was quick.", Category::Jargon);
}

#[test]
fn sensitive_details() {
    use Category::SensitiveDetail as S;
    flags("Traffic from 10.20.30.40 was dropped.", S, "10.20.30.40");
    clean("It started at 14:05:30 and ended at 15:10:00.", S);
    flags(
        "The host fe80::1ff:fe23:4567:890a stopped.",
        S,
        "fe80::1ff:fe23:4567:890a",
    );
    flags(
        "The server db-7.pay.internal ran out of space.",
        S,
        "db-7.pay.internal",
    );
    flags("Our 10G uplinks and a 40 Gbps link were full.", S, "10G");
    flags(
        "Our 10G uplinks and a 40 Gbps link were full.",
        S,
        "40 Gbps",
    );
    flags("Two Catalyst 6500 chassis rebooted.", S, "Catalyst 6500");
    flags("We patched CVE-2024-3094 the same day.", S, "CVE-2024-3094");
    flags("Port 8443 was open to the internet.", S, "Port 8443");
    flags(
        "It read /etc/payments/keys.conf at start.",
        S,
        "/etc/payments/keys.conf",
    );
    flags(
        "The key AKIAIOSFODNN7EXAMPLE was exposed.",
        S,
        "AKIAIOSFODNN7EXAMPLE",
    );
    flags(
        "See http://grafana.corp:3000/d/payments for details.",
        S,
        "http://grafana.corp:3000/d/payments",
    );
    // Code spans and link targets are scanned too.
    flags(
        "The config `api_key = abc123` leaked.",
        S,
        "api_key = abc123`",
    );
    clean(
        "Our status page at https://status.example.com has every update.",
        S,
    );
    clean(
        "About 70% of customers were affected for 95 minutes, from 12:40 to 2:15 PM.",
        S,
    );
    clean("We served 2,000 clinics in 3 regions.", S);
    let cve = check("We patched CVE-2024-3094.")
        .into_iter()
        .find(|f| f.category == S)
        .unwrap();
    assert_eq!(cve.level, Level::Warning, "a CVE id may be deliberate");
}

#[test]
fn prose_rules_skip_code_and_link_targets() {
    clean("Run `sorry if` in the shell.", Category::NonApology);
    clean(
        "See [our update](https://example.com/never-happen-again).",
        Category::AbsolutePromise,
    );
    clean("```\nguarantee\n```", Category::AbsolutePromise);
}

#[test]
fn leaks_from_the_technical_text() {
    let rules = &*RULES;
    let technical =
        "pay-router-3 in 10.0.4.12 timed out; Dana Whitfield rolled back routing-config v412.";
    let ctx = CheckContext {
        technical_identifiers: candor_core::checks::identifiers(technical, rules, &[]),
        ..Default::default()
    };
    let leaks = |t: &str| {
        rules
            .check_text(t, None, View::Customer, &ctx)
            .into_iter()
            .filter(|f| f.category == Category::Leak)
            .map(|f| f.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        leaks("Our pay-router-3 system timed out."),
        vec!["pay-router-3"]
    );
    assert!(leaks("Our payment system timed out.").is_empty());
    // A name is a person-name finding, not a second leak at the same place.
    let all = rules.check_text("Dana Whitfield rolled it back.", None, View::Customer, &ctx);
    assert_eq!(
        all.iter().filter(|f| f.text == "Dana Whitfield").count(),
        1,
        "{all:?}"
    );
}

#[test]
fn structure() {
    let ctx = CheckContext::default();
    let rules_for = |text: &str, s: SectionKey| {
        check_with(text, Some(s), &ctx)
            .into_iter()
            .filter(|f| f.category == Category::Structure)
            .map(|f| f.rule)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rules_for("", SectionKey::Summary),
        vec!["Candor.EmptySection"]
    );
    assert!(
        rules_for("", SectionKey::Right).is_empty(),
        "right is optional"
    );
    assert_eq!(
        rules_for("We released during clinic hours.", SectionKey::Wrong),
        vec!["Candor.NoApology"]
    );
    assert!(
        rules_for(
            "We released during clinic hours. We are sorry.",
            SectionKey::Wrong
        )
        .is_empty()
    );
    assert_eq!(
        rules_for("We will try harder.", SectionKey::Better),
        vec!["Candor.NoConcreteStep"]
    );
    assert!(
        rules_for(
            "- Alert on silence. By December 1, 2026.",
            SectionKey::Better
        )
        .is_empty()
    );
    assert!(rules_for("We added the alert within two weeks.", SectionKey::Better).is_empty());
    assert_eq!(
        rules_for("That is all.", SectionKey::Thanks),
        vec!["Candor.NoThanks"]
    );
    assert!(rules_for("Thank you for your patience.", SectionKey::Thanks).is_empty());
    let skipped = CheckContext {
        skipped: vec![SectionKey::Thanks],
        ..Default::default()
    };
    assert!(check_with("", Some(SectionKey::Thanks), &skipped).is_empty());
}

#[test]
fn readability() {
    let long = "We know that the unexpected and unprecedented interruption of connectivity across multiple geographically distributed infrastructure components, which occurred as a consequence of an unanticipated interaction between configuration modifications and previously undocumented behaviour, created considerable operational difficulties for organisations depending on continuous availability.";
    let f = check(&format!("{long} {long}"));
    let r: Vec<&Finding> = f
        .iter()
        .filter(|f| f.category == Category::Readability)
        .collect();
    assert!(r.iter().any(|f| f.message.contains("words")), "{r:?}");
    assert!(r.iter().any(|f| f.message.contains("grade")), "{r:?}");
    clean(
        "We were down for an hour. Card payments failed. We fixed it and we are sorry. Everything works now. We will test every change before it ships. We will tell you sooner next time. Thank you for your patience with us today.",
        Category::Readability,
    );
}

#[test]
fn house_style() {
    let house = HouseStyle::from_toml(
        "banned = [\"synergy\"]\nproducts = [\"Quillfeather\"]\npeople = [\"Morgan\"]\nvendors = [\"Northwind Hosting\"]\n[[preferred]]\nuse = \"sign in\"\ninstead_of = [\"log in\"]\n",
    )
    .unwrap();
    let rules = RuleSet::with_house(&house).unwrap();
    let f = rules.check_text(
        "Please log in to quillfeather again. Synergy matters. Morgan helped. The outage was caused by Northwind Hosting.",
        None,
        View::Customer,
        &CheckContext::default(),
    );
    let by_rule = |id: &str| {
        f.iter()
            .filter(|x| x.rule == id)
            .map(|x| (x.text.as_str(), x.fix.as_deref()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by_rule("House.Preferred"),
        vec![("log in", Some("sign in"))]
    );
    assert_eq!(
        by_rule("House.ProductNames"),
        vec![("quillfeather", Some("Quillfeather"))]
    );
    assert_eq!(by_rule("House.Banned"), vec![("Synergy", None)]);
    assert_eq!(by_rule("House.People"), vec![("Morgan", None)]);
    assert_eq!(
        by_rule("House.VendorBlame"),
        vec![("Northwind Hosting", None)]
    );
    assert!(
        rules
            .check_text(
                "Quillfeather is back.",
                None,
                View::Customer,
                &CheckContext::default()
            )
            .iter()
            .all(|x| x.rule != "House.ProductNames")
    );
}

#[test]
fn findings_carry_offsets_lines_and_columns() {
    let text = "All good here.\nWe apologize for any inconvenience.";
    let f = check(text)
        .into_iter()
        .find(|f| f.category == Category::NonApology)
        .unwrap();
    assert_eq!(&text[f.start..f.end], f.text);
    assert_eq!((f.line, f.column), (2, 4));
    assert_eq!(f.rule, "Candor.NonApology");
}

#[test]
fn technical_texts_are_not_held_to_customer_rules() {
    let f = RULES.check_text(
        "db-7 at 10.0.0.1 failed; Peter rolled back. Sorry for any inconvenience.",
        None,
        View::Technical,
        &CheckContext::default(),
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn people_named_by_their_user_names_are_names() {
    let ctx = CheckContext::default();
    let names = |t: &str| {
        check_with(t, None, &ctx)
            .into_iter()
            .filter(|f| f.category == Category::PersonName)
            .map(|f| f.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("The fix came from @tova-k within the hour."),
        vec!["@tova-k"]
    );
    assert_eq!(
        names("Thanks to mbrennick, qlx_ops and dvorakfan for the report."),
        vec!["mbrennick", "qlx_ops", "dvorakfan"]
    );
    assert_eq!(
        names("It was spotted by Tova Kessler (tkessler) on Monday."),
        vec!["Tova Kessler", "tkessler"]
    );
    // A title before a word English writes in lower case is no person; before a name it is.
    assert!(
        names("Reported to the Backend Developer Team, then to Developer Experience.").is_empty()
    );
    assert_eq!(
        names("The on-call engineer Okonkwo restarted it."),
        vec!["Okonkwo"]
    );
    // Words, companies and addresses are not user names.
    assert!(names("Thanks to everyone who wrote in, and to our partners.").is_empty());
    assert!(names("Thanks to GitHub and JFrog for their quick help.").is_empty());
    assert!(names("Write to help@example.com with any questions.").is_empty());
}
