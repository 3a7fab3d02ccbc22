//! The detectors behind the rules a plain list cannot express.

use super::rules::{Rule, StructureCheck};
use super::text::{inside, sentences, words};
use crate::SectionKey;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

mod handles;
mod names;
mod organisations;
mod people;
mod profiles;
mod vendors;
mod words;

pub use names::person_names;
pub use vendors::{introduced_vendors, vendor_blame};

/// A pattern written here in the source. It is a literal that compiles, which the unit
/// tests prove on every run (each static below is used by them), so failing to compile it
/// would be a bug in this file, never something a user's text can cause. The lazy DFA
/// gets room for the larger patterns here: with the default cache it gives up on a long
/// text and the search falls back to an engine many times slower.
pub(crate) fn fixed(pattern: &str) -> Regex {
    match regex::RegexBuilder::new(pattern)
        .dfa_size_limit(32 << 20)
        .build()
    {
        Ok(re) => re,
        Err(e) => panic!("a built-in pattern does not compile: {e}"),
    }
}

static IDENTIFIER: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"[A-Za-z0-9][A-Za-z0-9_.:/-]*[A-Za-z0-9]"));
static PLAIN_MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"^(\d+([.,:]\d+)*(%|ms|s|m|h|min|mins|k|x|st|nd|rd|th|am|pm|AM|PM)?|\d{4}-\d{2}-\d{2}|[A-Z]?\d{1,2}(am|pm)?|v?\d+(\.\d+)*)$",
    )
});

/// Tokens that look like the names of systems: letters mixed with digits, underscores,
/// dotted names and addresses. Plain numbers, times, dates and versions are not.
pub fn identifier_tokens(text: &str) -> Vec<&str> {
    IDENTIFIER
        .find_iter(text)
        .map(|m| m.as_str().trim_end_matches(['.', ':', '/']))
        .filter(|t| t.len() >= 3)
        .filter(|t| {
            let digit = t.chars().any(|c| c.is_ascii_digit());
            let alpha = t.chars().any(|c| c.is_ascii_alphabetic());
            let dotted = t.split('.').filter(|p| !p.is_empty()).count() >= 3
                || (t.contains('.')
                    && alpha
                    && !t.ends_with('.')
                    && t.split('.')
                        .all(|p| p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                    && t.split('.').count() >= 2
                    && t.split('.').next_back().is_some_and(|tld| {
                        tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase())
                    }));
            let address = t.split('.').count() == 4
                && t.split('.').all(|p| {
                    !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit())
                });
            address
                || (((digit && alpha) || t.contains('_') || dotted) && !PLAIN_MEASURE.is_match(t))
        })
        .collect()
}

/// Places in the customer text where an identifier of the technical text appears.
pub fn leaks(
    text: &str,
    masked: &[Range<usize>],
    identifiers: &HashSet<String>,
) -> Vec<(usize, usize)> {
    if identifiers.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for id in identifiers {
        let mut from = 0;
        while let Some(pos) = text[from..].find(id.as_str()) {
            let start = from + pos;
            let end = start + id.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let word =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-');
            if !word(before) && !word(after) && !inside(masked, start) {
                out.push((start, end));
            }
            from = end;
        }
    }
    out.sort();
    out.dedup();
    out
}

static APOLOGY: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"(?i)\b(sorry|apologi[sz]e|apology|apologies)\b"));
static THANKS: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"(?i)\b(thank|thanks|grateful|gratitude|appreciate)"));
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?ix)
        \b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2}\b
        | \b\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b
        | \b\d{4}-\d{2}-\d{2}\b
        | \bby\s+(the\s+end\s+of\s+)?(q[1-4]|monday|tuesday|wednesday|thursday|friday|next\s+(week|month|quarter)|this\s+(week|month|quarter)|(january|february|march|april|may|june|july|august|september|october|november|december))
        | \bwithin\s+(\d+|one|two|three|four|six|thirty|ninety)\s+(days?|weeks?|months?)
        | \b(in\s+place|live|done|completed|finished|shipped)\b
        ",
    )
});

static HEDGE: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"(?i)\b(inconvenience|if\s+(you|anyone|any)|may have been|who may)\b"));

/// An apology in a sentence that does not hedge it ("for any inconvenience", "if you").
fn sincere_apology(text: &str) -> bool {
    sentences(text)
        .into_iter()
        .any(|s| APOLOGY.is_match(&text[s.clone()]) && !HEDGE.is_match(&text[s]))
}

/// Whether a section's customer text fails a structure check.
pub fn structure_fails(text: &str, section: SectionKey, check: StructureCheck) -> bool {
    let empty = text.trim().is_empty();
    match check {
        StructureCheck::Empty => empty && !section.is_optional(),
        StructureCheck::Apology => section == SectionKey::Wrong && !empty && !sincere_apology(text),
        StructureCheck::ConcreteStep => {
            section == SectionKey::Better && !empty && !DEADLINE.is_match(text)
        }
        StructureCheck::Thanks => section == SectionKey::Thanks && !empty && !THANKS.is_match(text),
    }
}

fn syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('e');
    let mut count = 0;
    let mut previous_vowel = false;
    for c in w.chars() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    count.max(1)
}

/// Readability findings: the whole text's reading grade (Flesch–Kincaid) above the rule's
/// `grade`, and each sentence longer than its `sentence_words`.
pub fn readability(
    text: &str,
    masked: &[Range<usize>],
    rule: &Rule,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let spans: Vec<Range<usize>> = sentences(text)
        .into_iter()
        .filter(|s| !inside(masked, s.start))
        .collect();
    let mut total_words = 0usize;
    let mut total_syllables = 0usize;
    for s in &spans {
        let ws: Vec<&str> = words(&text[s.clone()])
            .into_iter()
            .map(|w| w.text)
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        total_words += ws.len();
        total_syllables += ws.iter().map(|w| syllables(w)).sum::<usize>();
        if let Some(limit) = rule.def.sentence_words
            && ws.len() > limit
        {
            out.push((
                s.start,
                s.end,
                format!(
                    "This sentence has {} words; readers lose the thread past {limit}. Split it.",
                    ws.len()
                ),
            ));
        }
    }
    if let Some(target) = rule.def.grade
        // Grades of short texts swing on a word or two; only longer ones are graded.
        && total_words >= 80
        && !spans.is_empty()
    {
        let grade = 0.39 * (total_words as f64 / spans.len() as f64)
            + 11.8 * (total_syllables as f64 / total_words as f64)
            - 15.59;
        if grade > target {
            let first = &spans[0];
            out.push((
                first.start,
                first.end,
                format!("This section reads at grade {grade:.1}; aim for {target:.0} or below with shorter sentences and everyday words."),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
