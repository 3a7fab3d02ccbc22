// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! People whose first names are in no list, found by where English puts people, each on
//! text written here; and the title-case phrases in the same places that are not people.

mod common;

use candor_core::checks::{Category, RuleSet};
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().unwrap());

fn names(text: &str) -> Vec<String> {
    common::words_found(&RULES, text, Category::PersonName)
}

#[test]
fn bylines_and_thanks_name_people() {
    assert_eq!(
        names("**Authors**: Tomek, Ifeoma, Rhiannon\n\nThe queue stopped at noon."),
        vec!["Tomek", "Ifeoma", "Rhiannon"]
    );
    assert_eq!(
        names("Posted 3 May · by Tomek Zielarz and Ifeoma Obi-Nwosu\n\nWe are sorry."),
        vec!["Tomek Zielarz", "Ifeoma Obi-Nwosu"]
    );
    assert_eq!(
        names("Thanks to Ruairi Blathmac for the report."),
        vec!["Ruairi Blathmac"]
    );
    // A list of thanks also names companies; one word in no list is not enough there.
    assert!(names("Thanks to Quorvex for the report.").is_empty());
    // A team is not a person.
    assert!(names("Written by Release Engineering.").is_empty());
}

#[test]
fn a_name_beside_a_role_or_a_pronoun_is_a_person() {
    assert_eq!(
        names("Tomek Zielarz, our lead engineer, restored the backup."),
        vec!["Tomek Zielarz"]
    );
    assert_eq!(
        names("The call was led by Ifeoma Obi, who is the Director of Support."),
        vec!["Ifeoma Obi"]
    );
    assert_eq!(
        names("On Friday I (Tomek Zielarz) was paged at 02:10."),
        vec!["Tomek Zielarz"]
    );
    // A product beside a role-like word is not a person.
    assert!(names("Storage Engine, the component, was slow.").is_empty());
}

#[test]
fn a_listed_surname_after_an_unlisted_first_name() {
    assert_eq!(
        names("On Monday, Wojtek Baran rolled the change back."),
        vec!["Wojtek Baran"]
    );
    // An everyday word before a surname is a title-case phrase.
    assert!(names("Open Release Parker to see the notes.").is_empty());
}

#[test]
fn a_name_joined_to_a_person_and_the_parts_of_full_names() {
    assert_eq!(
        names("Tomek Zielarz and Peter Hale stayed on the call. Zielarz wrote the fix."),
        vec!["Tomek Zielarz", "Peter Hale", "Zielarz"]
    );
}

#[test]
fn a_name_only_a_person_takes() {
    assert_eq!(
        names("Margit, who was on call that night, paged the database team."),
        vec!["Margit"]
    );
    assert_eq!(
        names("Jonas and I stayed on the call until the queue drained."),
        vec!["Jonas"]
    );
    assert_eq!(
        names("Ximena from our support team answered every message."),
        vec!["Ximena"]
    );
    // Companies take "who" and teams too: a name in no list is not taken for a person.
    assert!(names("Quorvex, who host our DNS, were slow to answer.").is_empty());
    assert!(names("Customers who paid twice get a refund.").is_empty());
    assert!(names("Everyone on the billing team helped.").is_empty());
}

#[test]
fn the_words_of_a_link_to_a_personal_profile_name_a_person() {
    // Reference links, as a timeline credits people: the shown label is the user name.
    let text = "At 01:40 [brightfern] found the full disk, and [Odile Marchetti][om] moved the \
                files.\n\n[brightfern]: https://github.com/brightfern\n[om]: https://github.com/omarch\n";
    let got = names(text);
    assert!(got.contains(&"brightfern".to_string()), "{got:?}");
    assert!(got.contains(&"Odile Marchetti".to_string()), "{got:?}");
    // The address behind a link is not shown in the letter.
    assert!(!got.contains(&"omarch".to_string()), "{got:?}");
    // A team's or the company's own account is not a person.
    assert!(names("Follow [our status team](https://x.com/quillstatus) for updates.").is_empty());
    assert!(names("The code is on [GitHub](https://github.com/quill).").is_empty());
}

#[test]
fn a_user_name_given_as_someones_own_is_a_person_wherever_it_recurs() {
    let text =
        "A token for my user account, `tfenwick`, leaked. We revoked every token for `tfenwick`.";
    assert_eq!(names(text), vec!["tfenwick", "tfenwick"]);
    // A machine's account is not a person.
    assert!(names("The service account `deploy-bot` lost its key.").is_empty());
}
