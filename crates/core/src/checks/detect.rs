//! The detectors behind the rules a plain list cannot express.

use super::rules::{Rule, StructureCheck};
use super::text::{inside, sentences, words};
use crate::SectionKey;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

mod names;
mod words;

pub use names::person_names;

/// A pattern written here in the source. It is a literal that compiles, which the unit
/// tests prove on every run (each static below is used by them), so failing to compile it
/// would be a bug in this file, never something a user's text can cause.
pub(crate) fn fixed(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(re) => re,
        Err(e) => panic!("a built-in pattern does not compile: {e}"),
    }
}

static COOPERATION: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(thank|thanks|grateful|appreciat|worked with|working with|work with|together with|alongside|helped|helping|help us|partnered|with the help)",
    )
});

/// The words for something going wrong, as nouns.
const TROUBLE: &str = r"outages?|incidents?|issues?|problems?|failures?|bugs?|errors?|disruptions?|degradations?|breach(?:es)?|leaks?|fault|mistakes?|downtime";

/// A third party as the one who did it: the subject of a verb of failing or of doing
/// harm ("the carrier dropped", "X has an outage", "X could not"), with up to three words
/// of its name or a possessive between ("X's routing layer failed"), or a name in
/// apposition ("our provider, X, dropped").
static AS_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)^(?:,[^,.;]{{1,60}},|,|(?:['’]s)?(?:[ -][\w./+-]+){{0,3}}?)\s+(?:(?:was|were|is|are|had|has|have)\s+(?:been\s+)?)?(?:\w+ly\s+)?(?:experienc\w*|suffer\w*|(?:had|has|have|having|hit|saw)\s+(?:an?\s+|the\s+|some\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}(?:{TROUBLE})|went down|was down|were down|is down|fail\w*|broke\b|dropped|lost|leaked|propagated|rejected|mislabel\w*|misconfigured|misrouted|introduced|caused|pushed|deployed|could not|couldn['’]t|did not|didn['’]t|stopped|blocked|throttled|imposed|discontinued|corrupted|deleted|revoked|was passing|were passing)\b",
    ))
});

/// A third party as the agent of a passive or the named cause ("caused by X", "because of
/// X's change").
static AS_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)(?:\b(?:caused|imposed|triggered|introduced|broken|corrupted|rejected|blocked|throttled|dropped|misrouted|leaked|mangled|escaped|double-escaped|deleted|revoked|pushed)\s+by|\bbecause\s+of|\bdue\s+to|\bowing\s+to|\bas\s+a\s+result\s+of|\bblamed?\s+on)\s+(?:the\s+|a\s+|an\s+|our\s+)?$",
    )
});

/// A third party as the place of the trouble ("an outage at X", "issues with X").
static AS_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b(?:{TROUBLE})\s+(?:at|in|with|on|inside|within|from|affecting)\s+(?:the\s+|our\s+|a\s+|an\s+)?$"
    ))
});

/// A third party's trouble as one noun phrase ("X's failure", "X networking issues").
static AS_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)^(?:['’]s)?(?:\s*\+\s*[\w-]+)?\s*(?:[\w-]+\s+){{0,2}}(?:{TROUBLE})\b"
    ))
});

/// "On their side": the trouble was the third party's, named in this sentence.
static THEIR_SIDE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b(?:on|at) their (?:side|end)\b|\btheir\s+(?:[\w-]+\s+){{0,2}}?(?:{TROUBLE})\b"
    ))
});

/// Third parties a letter introduces itself: "our provider, Northwind", "Acme Inc.",
/// "a third-party network provider", "an external service".
static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?x)
        \b(?:[Oo]ur|[Tt]he|[Aa]|[Aa]n)\s+(?:[\w-]+\s+){0,2}?(?:provider|vendor|host|supplier|partner|carrier|registrar|ISP|CDN|contractor)s?,?\s+
          (?P<named>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})
        | (?P<org>\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}\s+(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|plc|AG|B\.V)\b\.?)
        | (?P<generic>\b(?:[Aa]|[Aa]n|[Tt]he|[Oo]ur)\s+(?:third[- ]party|external|upstream|outside)\s+(?:[\w/-]+\s+){0,2}?(?:provider|vendor|service|host|carrier|supplier|partner|company|network|breach|leak|outage|problem|failure|issue|incident|bug)s?\b)
        ",
    )
});

/// A third party's trouble named as one phrase ("a third-party breach", "an external
/// outage"): blame on its own, whatever the rest of the sentence says.
static TROUBLE_ITSELF: LazyLock<Regex> = LazyLock::new(|| fixed(&format!(r"(?i)(?:{TROUBLE})$")));

/// The third parties a letter names by introducing them, as byte ranges.
pub fn introduced_vendors(text: &str) -> Vec<(usize, usize)> {
    INTRODUCED
        .captures_iter(text)
        .filter_map(|c| {
            c.name("named")
                .or_else(|| c.name("org"))
                .or_else(|| c.name("generic"))
        })
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Vendor mentions that a sentence makes the cause of the trouble: the vendor as the
/// subject of failing, the agent of a passive, the place of the trouble or its owner, or
/// "on their side" (or the rule's own `patterns`), unless the sentence thanks or works
/// with them.
pub fn vendor_blame(text: &str, hits: &[(usize, usize)], rule: &Rule) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if hits.is_empty() {
        return out;
    }
    let mut previous_named_one = false;
    for sentence in sentences(text) {
        let mentions: Vec<(usize, usize)> = hits
            .iter()
            .copied()
            .filter(|&(s, _)| s >= sentence.start && s < sentence.end)
            .collect();
        let body = &text[sentence.clone()];
        let named_before = std::mem::replace(&mut previous_named_one, !mentions.is_empty());
        if COOPERATION.is_match(body) {
            continue;
        }
        if mentions.is_empty() {
            // "A known bug on their side", right after the sentence that named them.
            if named_before && let Some(m) = THEIR_SIDE.find(body) {
                out.push((sentence.start + m.start(), sentence.start + m.end()));
            }
            continue;
        }
        let whole = THEIR_SIDE.is_match(body) || rule.regexes.iter().any(|re| re.is_match(body));
        for (s, e) in mentions {
            let before = &text[sentence.start..s];
            let after = &text[e..sentence.end];
            if whole
                || TROUBLE_ITSELF.is_match(&text[s..e])
                || AS_SUBJECT.is_match(after)
                || AS_OWNER.is_match(after)
                || AS_AGENT.is_match(before)
                || AS_PLACE.is_match(before)
            {
                out.push((s, e));
            }
        }
    }
    out
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
