//! Person names: a capitalised word is a person only with evidence.

use super::words::{
    AMBIGUOUS, BEFORE_PLACE_OR_TIME, COMMON_TITLE_WORDS, DOING, FIRST_NAMES,
    PLACE_AND_ORGANISATION_HEADS, PLACES, ROLES, SURNAMES, THING_AFTER, THING_BEFORE,
};
use crate::checks::engine::RuleSet;
use crate::checks::text::{Word, inside, starts_sentence, words};
use std::collections::HashSet;
use std::ops::Range;

/// A name that is also a month, a day, a place or an ordinary word: it needs evidence.
fn is_ambiguous(word: &str) -> bool {
    strongly_ambiguous(word) || is_common_word(word)
}

/// Months, days and places: even a surname after one at the start of a sentence is not
/// enough ("May Day", "Florence Street").
fn strongly_ambiguous(word: &str) -> bool {
    AMBIGUOUS.contains(&word.to_lowercase().as_str()) || PLACES.contains(word)
}

/// A name English also writes in lower case every day ("Hi", "Joy", "Peter" as in "peter
/// out"), as harper-core's dictionary marks it.
fn is_common_word(word: &str) -> bool {
    super::handles::in_lower_case(word, |m| m.common)
}

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_uppercase())
        && chars.clone().any(|c| c.is_lowercase())
        && chars.all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

fn doing(next: &str) -> bool {
    let lower = next.to_lowercase();
    DOING.contains(&lower.as_str()) || (lower.len() > 4 && lower.ends_with("ed"))
}

/// Person names in `text`: the people known to the incident anywhere, and names from the
/// shipped list where the context says a person is meant. Returns byte ranges.
pub fn person_names(
    rules: &RuleSet,
    text: &str,
    masked: &[Range<usize>],
    people: &[String],
) -> Vec<(usize, usize)> {
    // Words inside the name of a product, the company or a vendor are not people:
    // "Travis" in "Travis CI", "Dana" in "Dana Cloud".
    let mut organisations: Vec<Range<usize>> = rules
        .organisations
        .find_iter(text)
        .map(|m| m.range())
        .collect();
    organisations.extend(super::organisations::brands(text));
    let ws: Vec<Word<'_>> = words(text)
        .into_iter()
        .filter(|w| !inside(masked, w.start) && !inside(&organisations, w.start))
        .collect();
    let vendors: HashSet<String> = rules.vendor_terms().map(|v| v.to_lowercase()).collect();
    let known: Vec<Vec<&str>> = people
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .collect();
    let known_first: HashSet<&str> = known
        .iter()
        .filter_map(|p| p.first().copied())
        .filter(|f| f.len() > 1)
        .collect();
    let known_last: HashSet<&str> = known
        .iter()
        .filter(|p| p.len() > 1)
        .filter_map(|p| p.last().copied())
        .collect();

    // Names used mid-sentence somewhere count as names at the start of a sentence too.
    let mut repeated: HashSet<&str> = HashSet::new();
    for w in &ws {
        if capitalised(w.text)
            && FIRST_NAMES.contains(base(w.text))
            && !is_ambiguous(base(w.text))
            && !starts_sentence(text, w.start)
        {
            repeated.insert(base(w.text));
        }
    }

    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        let name = base(w.text);
        let next = ws
            .get(i + 1)
            .filter(|n| gap_is_space(text, w.end(), n.start));
        let prev = i
            .checked_sub(1)
            .map(|p| ws[p])
            .filter(|p| gap_is_space(text, p.end(), w.start));
        if !capitalised(w.text) || vendors.contains(&name.to_lowercase()) {
            i += 1;
            continue;
        }
        let at_start = starts_sentence(text, w.start);
        let surname_next = next.is_some_and(|n| {
            capitalised(n.text)
                && !vendors.contains(&n.text.to_lowercase())
                && !strongly_ambiguous(n.text)
        });
        let listed = FIRST_NAMES.contains(name);
        // "engineer Okonkwo" is a person; "Developer Team" and "Developer Experience" are not.
        let after_role = prev.is_some_and(|p| ROLES.contains(&p.text.to_lowercase().as_str()))
            && (listed || !super::handles::everyday_word(name));
        let known_person = known_first.contains(name) || known_last.contains(name);
        let followed_by_number =
            next.is_some_and(|n| n.text.chars().next().is_some_and(|c| c.is_ascii_digit()));
        // "Jordan and Casey": two listed names joined by "and" are people.
        let paired = next.is_some_and(|n| n.text == "and")
            && ws.get(i + 2).is_some_and(|n2| {
                capitalised(n2.text)
                    && FIRST_NAMES.contains(base(n2.text))
                    && !strongly_ambiguous(base(n2.text))
            });

        // A listed name inside a title-case name ("My Travis", "Page Rules", "Travis CI")
        // names a product or a feature, not a person.
        let acronym_next = next.is_some_and(|n| is_acronym(n.text));
        let capitalised_before = prev.is_some_and(|p| {
            (capitalised(p.text) || is_acronym(p.text))
                && (!starts_sentence(text, p.start)
                    || matches!(p.text.to_lowercase().as_str(), "my" | "our" | "your"))
        });
        let common_word_next = next.is_some_and(|n| {
            capitalised(n.text) && COMMON_TITLE_WORDS.contains(&n.text.to_lowercase().as_str())
        });
        // "Storm Ciara", "our chatbot Olivia", "Alexa skills": a thing's name, not a person's.
        let names_a_thing = prev
            .is_some_and(|p| THING_BEFORE.contains(&p.text.to_lowercase().as_str()))
            || next.is_some_and(|n| {
                n.text.chars().next().is_some_and(char::is_lowercase)
                    && THING_AFTER.contains(&n.text.to_lowercase().as_str())
            });
        let determiner = matches!(
            name.to_lowercase().as_str(),
            "my" | "our" | "your" | "his" | "her" | "their" | "its" | "the" | "an"
        );
        // A first name in no list before a listed surname, neither of them a word English
        // writes in lower case: "Wojtek Baran", not "Release Parker" or "Azure Monitor".
        let unlisted_with_surname = !listed
            && !determiner
            && !capitalised_before
            && next.is_some_and(|n| {
                SURNAMES.contains(base(n.text))
                    && !is_acronym(n.text)
                    && !super::handles::everyday_word(base(n.text))
            })
            && !super::handles::everyday_word(name);
        // "the Sunshine Coast", "Harper Brothers Bank": the run of capitalised words this
        // one starts ends in a word for a place or an organisation.
        let mut run: Vec<&Word<'_>> = Vec::new();
        let mut run_end = w.end();
        for n in ws[i + 1..].iter().take(3) {
            if !capitalised(n.text) || !gap_is_space(text, run_end, n.start) {
                break;
            }
            run.push(n);
            run_end = n.end();
        }
        // ... or is itself the name of a place: "San Jose", "Santa Clara".
        let names_place_or_body = run
            .iter()
            .any(|n| PLACE_AND_ORGANISATION_HEADS.contains(&n.text.to_lowercase().as_str()))
            || run.iter().any(|n| PLACES.contains(&text[w.start..n.end()]));
        let is_name = if (names_place_or_body || names_a_thing) && !known_person {
            false
        } else if known_person || after_role || unlisted_with_surname {
            true
        } else if !listed
            || determiner
            || followed_by_number
            || acronym_next
            || common_word_next
            || capitalised_before
        {
            false
        } else if is_ambiguous(name) {
            let place_or_time = prev
                .is_some_and(|p| BEFORE_PLACE_OR_TIME.contains(&p.text.to_lowercase().as_str()));
            // At the start of a sentence, "Peter Smith" and "John Okafor" are people and
            // "Hi Team" is not: the word after must be a listed surname or no everyday word.
            let listed_surname_next = !strongly_ambiguous(name)
                && next.is_some_and(|n| {
                    SURNAMES.contains(base(n.text)) || !super::handles::everyday_word(base(n.text))
                });
            !place_or_time
                && (surname_next && (!at_start || listed_surname_next)
                    || paired
                    || next.is_some_and(|n| doing(n.text)))
        } else if at_start {
            surname_next || paired || next.is_some_and(|n| doing(n.text)) || repeated.contains(name)
        } else {
            true
        };
        if is_name {
            // Take a surname with it: "Peter Smith" is one finding.
            let end = if surname_next {
                next.map_or(w.end(), |n| n.end())
            } else {
                w.end()
            };
            out.push((w.start, w.start + (end - w.start)));
            i += if surname_next { 2 } else { 1 };
            continue;
        }
        i += 1;
    }
    // People in no list, where the sentence puts a person; then people named by their
    // user names; then the parts of full names used on their own.
    let context = super::people::people_in_context(text, masked, &organisations, &out);
    add_new(&mut out, context);
    let handles = super::handles::handles(text, masked, &out);
    add_new(&mut out, handles);
    let own: Vec<String> = rules.own_names().map(str::to_string).collect();
    add_new(&mut out, super::profiles::account_names(text, &own));
    let parts = super::people::parts_of_full_names(text, masked, &out);
    add_new(&mut out, parts);
    out
}

/// Adds the ranges of `more` that overlap none in `out`, keeping `out` sorted.
fn add_new(out: &mut Vec<(usize, usize)>, more: Vec<(usize, usize)>) {
    let more: Vec<(usize, usize)> = more
        .into_iter()
        .filter(|&(s, e)| !out.iter().any(|&(os, oe)| os < e && s < oe))
        .collect();
    out.extend(more);
    out.sort_unstable();
    out.dedup_by(|b, a| a.0 < b.1 && b.0 < a.1);
}

fn is_acronym(word: &str) -> bool {
    word.len() > 1
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A word without a possessive ending: "Peter's" is "Peter".
fn base(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

fn gap_is_space(text: &str, a: usize, b: usize) -> bool {
    text[a..b].chars().all(|c| c == ' ')
}
