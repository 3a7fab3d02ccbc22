//! People whose names are in no list, found where English puts people: a byline
//! ("Authors: …", "by … and …"), a list of thanks, a name set beside a role ("…, our
//! lead engineer", "… is the Director of …"), a name in brackets after "I", and a name
//! joined by "and" to someone already found. A name found in full also counts where
//! the letter later uses one part of it.

use super::fixed;
use super::handles::{CREDIT, SEPARATOR, everyday_word};
use super::words::{FIRST_NAMES, SURNAMES};
use crate::checks::text::inside;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One capitalised part of a name: "Ana", "Meadows-Jönsson", "Siân".
const PART: &str = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*";

/// A name of one to three parts at the start of the text, perhaps a Markdown link text.
static NAME_AT_START: LazyLock<Regex> =
    LazyLock::new(|| fixed(&format!(r"^\[?({PART}(?:[ \t]+{PART}){{0,2}})\]?")));

/// Any word at the start of the text, to step over what is not a name in a list.
static WORD_AT_START: LazyLock<Regex> = LazyLock::new(|| fixed(r"^[\[@]?[\w.-]+\]?"));

/// A byline: "Authors: …", "**Written by** …", "· by …".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?im)(?:^[\s>*_#-]*(?:authors?|written\s+by|posted\s+by|by|contributors?)[*_]*\s*:?[*_]*|[·|—–]\s*by)[ \t]+",
    )
});

/// A name set beside what the person does: "…, our lead engineer", "… is the Director".
static BESIDE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"({PART}(?:[ \t]+{PART}){{1,2}})(?:,[ \t]+|[ \t]+(?:is|was)[ \t]+)(?i:(?:the|our|a|an|one\s+of\s+our)\s+)?(?:[\w-]+[ \t]+){{0,3}}?(?i:engineer|director|manager|lead|head|maintainer|developer|administrator|founder|co-founder|ceo|cto|vp|architect|researcher|officer|president|chair|member)s?\b"
    ))
});

/// A name in brackets after the pronoun it stands for: "I (Ana Lopes)".
static AFTER_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"\b(?:I|me|myself)[ \t]+\(({PART}(?:[ \t]+{PART}){{0,2}})\)"
    ))
});

/// A name only a person takes: followed by "who", joined to "I" or "me", placed on a team,
/// or thanked by name ("Ana, who was on call", "Ana and I", "Ana from our support team",
/// "Thank you, Ana.").
static AS_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"({PART}(?:[ \t]+{PART}){{0,2}})(?:,?[ \t]+who\b|[ \t]+and[ \t]+I\b|[ \t]+(?:from|on|of)[ \t]+(?:our|the|my)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?team\b)|\b(?:[Mm]e|I)[ \t]+and[ \t]+({PART}(?:[ \t]+{PART}){{0,2}})\b|\b[Tt]hank(?:s|[ \t]+you),?[ \t]+({PART}(?:[ \t]+{PART}){{0,2}})[ \t]*[.!,]"
    ))
});

/// "Ana Lopes and " just before a person found already.
static JOINED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| fixed(&format!(r"({PART}[ \t]+{PART})[ \t]+and[ \t]+\[?$")));

static ONE_PART: LazyLock<Regex> = LazyLock::new(|| fixed(PART));

/// A name whose first part English writes in lower case is more likely a title-case
/// phrase ("Release Notes") than a person, unless that part is a listed first name.
/// Surnames are often words ("Baker", "Mach"), so the other parts may be.
fn person_shaped(name: &str, parts_needed: usize) -> bool {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = parts.first() else {
        return false;
    };
    parts.len() >= parts_needed && (FIRST_NAMES.contains(first) || !everyday_word(first))
}

/// Whether the name starts with a listed first name or ends with a listed surname.
fn listed_part(name: &str) -> bool {
    let mut parts = name.split_whitespace();
    // After the first part is taken, the last is there only in a name of two or more.
    parts.next().is_some_and(|f| FIRST_NAMES.contains(f))
        || parts.next_back().is_some_and(|l| SURNAMES.contains(l))
}

/// Names in `text` with the evidence of where they stand, as byte ranges; `found` are the
/// names found already, `not_people` the spans of products, the company and vendors.
pub fn people_in_context(
    text: &str,
    masked: &[Range<usize>],
    not_people: &[Range<usize>],
    found: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let take = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        if !inside(masked, s) && !inside(not_people, s) {
            out.push((s, e));
        }
    };
    // Bylines take a single name ("Authors: Lukas, Dana"); thanks want a full one, since a
    // list of thanks also names companies.
    let lists = BYLINE
        .find_iter(text)
        .map(|m| (m.end(), 1))
        .chain(CREDIT.find_iter(text).map(|m| (m.end(), 2)));
    for (mut at, parts_needed) in lists {
        for _ in 0..8 {
            let rest = &text[at..];
            let end = if let Some(c) = NAME_AT_START.captures(rest)
                && let Some(name) = c.get(1)
            {
                if person_shaped(name.as_str(), parts_needed) {
                    take(at + name.start(), at + name.end(), &mut out);
                }
                at + c.get(0).map_or(name.end(), |m| m.end())
            } else if let Some(word) = WORD_AT_START.find(rest) {
                at + word.end()
            } else {
                break;
            };
            let Some(sep) = SEPARATOR.find(&text[end..]) else {
                break;
            };
            at = end + sep.end();
        }
    }
    for re in [&*BESIDE_ROLE, &*AFTER_PRONOUN] {
        for c in re.captures_iter(text) {
            if let Some(name) = c.get(1)
                && person_shaped(name.as_str(), 1)
            {
                take(name.start(), name.end(), &mut out);
            }
        }
    }
    for c in AS_PERSON.captures_iter(text) {
        // Companies take "who" and teams too, so the name must look like a person's: a
        // listed first name, or a listed surname at its end.
        if let Some(name) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))
            && person_shaped(name.as_str(), 1)
            && listed_part(name.as_str())
        {
            take(name.start(), name.end(), &mut out);
        }
    }
    for &(s, _) in found.iter().chain(out.clone().iter()) {
        let from = floor_boundary(text, s.saturating_sub(80));
        if let Some(c) = JOINED_BEFORE.captures(&text[from..s])
            && let Some(name) = c.get(1)
            && person_shaped(name.as_str(), 2)
        {
            take(from + name.start(), from + name.end(), &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Every later use of one part of a full name: "Ana Lopes … Ana's fix", "… Lopes said".
pub fn parts_of_full_names(
    text: &str,
    masked: &[Range<usize>],
    names: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut parts: Vec<&str> = names
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .filter(|n| n.split_whitespace().count() > 1)
        .flat_map(|n| ONE_PART.find_iter(n).map(|m| m.as_str()))
        .filter(|p| p.chars().count() > 1 && !everyday_word(p))
        .collect();
    parts.sort_unstable();
    parts.dedup();
    let mut out = Vec::new();
    for p in parts {
        for (s, _) in text.match_indices(p) {
            let e = s + p.len();
            let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !word_char(text[..s].chars().next_back())
                && !word_char(text[e..].chars().next())
                && !inside(masked, s)
                && !names.iter().any(|&(ns, ne)| ns < e && s < ne)
            {
                out.push((s, e));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
