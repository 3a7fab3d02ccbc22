//! The detectors behind the rules a plain list cannot express.

use super::engine::RuleSet;
use super::rules::{Rule, StructureCheck};
use super::text::{Word, inside, sentences, starts_sentence, words};
use crate::SectionKey;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

static FIRST_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../assets/names/first-names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Names that are also ordinary words, months, days or places. They count as a name only
/// with a strong signal: a surname after them, or a verb of doing.
const AMBIGUOUS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "will",
    "mark",
    "grant",
    "hope",
    "faith",
    "joy",
    "bill",
    "frank",
    "page",
    "chase",
    "dawn",
    "guy",
    "art",
    "drew",
    "miles",
    "ray",
    "jack",
    "chip",
    "lane",
    "rich",
    "sue",
    "summer",
    "autumn",
    "winter",
    "rose",
    "lily",
    "violet",
    "iris",
    "ivy",
    "holly",
    "amber",
    "ruby",
    "pearl",
    "crystal",
    "sky",
    "river",
    "penny",
    "sandy",
    "rusty",
    "sunny",
    "king",
    "duke",
    "prince",
    "major",
    "price",
    "ward",
    "wade",
    "hunter",
    "carter",
    "cole",
    "dale",
    "glen",
    "heath",
    "jordan",
    "georgia",
    "chad",
    "israel",
    "florence",
    "paris",
    "victoria",
    "austin",
    "houston",
    "phoenix",
    "lincoln",
    "jersey",
    "virginia",
    "carolina",
    "dallas",
    "sydney",
    "adelaide",
    "brooklyn",
    "cody",
    "clay",
    "gene",
    "pat",
    "rob",
    "don",
    "stone",
    "forest",
    "storm",
    "star",
    "bay",
    "cliff",
    "dean",
    "dick",
    "earl",
    "gale",
    "june",
    "honey",
    "ginger",
    "candy",
    "angel",
    "destiny",
    "harmony",
    "liberty",
    "trinity",
    "mercy",
    "grace",
    "charity",
    "constance",
    "patience",
    "prudence",
    "precious",
    "sterling",
    "royal",
    "noble",
    "basil",
    "sage",
    "bud",
    "buck",
    "colt",
    "fox",
    "hawk",
    "robin",
    "wren",
    "jay",
    "dove",
    "scarlett",
    "hazel",
    "olive",
    "ash",
    "rowan",
    "reed",
    "bo",
    "max",
    "sol",
    "gay",
    "long",
    "young",
    "brown",
    "white",
    "black",
    "green",
    "gray",
    "grey",
    "bell",
    "belle",
    "nova",
    "echo",
    "sierra",
    "delta",
    "kilo",
    "lima",
    "india",
    "golf",
    "hotel",
    "juliet",
    "oscar",
    "romeo",
    "tango",
    "victor",
    "whiskey",
    "zulu",
    "alpha",
    "bravo",
    "charlie",
    "foxtrot",
    "mike",
    "november",
    "papa",
    "quebec",
    "uniform",
    "x-ray",
    "yankee",
    "ali",
    "ben",
    "lou",
    "al",
    "ed",
    "em",
    "val",
    "vi",
    "di",
    "jo",
    "ty",
    "tad",
    "bert",
    "ernest",
    "happy",
    "lucky",
    "merry",
    "noel",
    "christian",
    "august",
    "easter",
    "christmas",
    "north",
    "south",
    "east",
    "west",
    "central",
    "cash",
    "card",
    "bank",
    "story",
    "case",
    "sale",
];

/// Words before a place or a date: "in Georgia", "on May 3", "since April".
const BEFORE_PLACE_OR_TIME: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "of",
    "on",
    "since",
    "until",
    "by",
    "during",
    "for",
    "near",
    "across",
    "throughout",
    "early",
    "late",
    "mid",
];

/// Nouns for a role: a capitalised word right after one is a person's name.
const ROLES: &[&str] = &[
    "engineer",
    "engineers",
    "technician",
    "technicians",
    "manager",
    "administrator",
    "admin",
    "operator",
    "developer",
    "director",
    "colleague",
    "lead",
    "architect",
    "analyst",
    "contractor",
    "intern",
    "ceo",
    "cto",
    "cio",
    "vp",
    "founder",
    "agent",
    "teammate",
    "sre",
    "dba",
];

/// Words after a name that say a person did something.
const DOING: &[&str] = &[
    "was", "is", "had", "has", "said", "says", "did", "from", "who", "noticed", "asked", "told",
    "wrote", "called", "forgot", "missed", "made", "ran", "took", "saw", "went", "began",
    "thought", "knew", "found", "kept", "left", "felt", "led", "sent", "spent", "stayed", "pushed",
    "tried",
];

fn is_ambiguous(word: &str) -> bool {
    let lower = word.to_lowercase();
    AMBIGUOUS.contains(&lower.as_str())
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
    let lower = text.to_lowercase();
    let organisations: Vec<Range<usize>> = rules
        .organisation_terms()
        .filter(|t| !t.trim().is_empty())
        .flat_map(|t| {
            let t = t.to_lowercase();
            lower
                .match_indices(t.as_str())
                .map(|(i, m)| i..i + m.len())
                .collect::<Vec<_>>()
        })
        .collect();
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
                && !is_ambiguous(n.text)
        });
        let listed = FIRST_NAMES.contains(name);
        let after_role = prev.is_some_and(|p| ROLES.contains(&p.text.to_lowercase().as_str()));
        let known_person = known_first.contains(name) || known_last.contains(name);
        let followed_by_number =
            next.is_some_and(|n| n.text.chars().next().is_some_and(|c| c.is_ascii_digit()));
        // "Jordan and Casey": two listed names joined by "and" are people.
        let paired = next.is_some_and(|n| n.text == "and")
            && ws.get(i + 2).is_some_and(|n2| {
                capitalised(n2.text)
                    && FIRST_NAMES.contains(base(n2.text))
                    && !is_ambiguous(base(n2.text))
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
        let determiner = matches!(
            name.to_lowercase().as_str(),
            "my" | "our" | "your" | "his" | "her" | "their" | "its" | "the" | "an"
        );
        let is_name = if known_person || after_role {
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
            !place_or_time
                && (surname_next && !at_start || paired || next.is_some_and(|n| doing(n.text)))
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
    out
}

fn is_acronym(word: &str) -> bool {
    word.len() > 1
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Common nouns that make a title-case product or feature name with the word before them
/// ("Page Rules", "Jenkins Jobs"): never a surname.
const COMMON_TITLE_WORDS: &[&str] = &[
    "rules",
    "rule",
    "web",
    "app",
    "apps",
    "api",
    "cloud",
    "pages",
    "page",
    "jobs",
    "job",
    "server",
    "servers",
    "service",
    "services",
    "platform",
    "portal",
    "console",
    "dashboard",
    "network",
    "networks",
    "storage",
    "functions",
    "workers",
    "experience",
    "manager",
    "studio",
    "hub",
    "desk",
    "mail",
    "pay",
    "connect",
    "analytics",
    "insights",
    "engine",
    "edge",
    "gateway",
    "registry",
    "store",
    "center",
    "centre",
    "labs",
    "suite",
    "cli",
];

/// A word without a possessive ending: "Peter's" is "Peter".
fn base(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

fn gap_is_space(text: &str, a: usize, b: usize) -> bool {
    text[a..b].chars().all(|c| c == ' ')
}

/// A pattern written here in the source. It is a literal that compiles, which the unit
/// tests prove on every run (each static below is used by them), so failing to compile it
/// would be a bug in this file, never something a user's text can cause.
fn fixed(pattern: &str) -> Regex {
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

static BLAME: LazyLock<Vec<Regex>> =
    LazyLock::new(|| super::BLAME_CUES.iter().map(|p| fixed(p)).collect());

/// Vendor mentions in a sentence that also blames (the built-in cues, plus the rule's own
/// `patterns`), unless the sentence thanks or works with them.
pub fn vendor_blame(text: &str, hits: &[(usize, usize)], rule: &Rule) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if hits.is_empty() {
        return out;
    }
    for sentence in sentences(text) {
        let mentions: Vec<(usize, usize)> = hits
            .iter()
            .copied()
            .filter(|&(s, _)| s >= sentence.start && s < sentence.end)
            .collect();
        if mentions.is_empty() {
            continue;
        }
        let body = &text[sentence.clone()];
        if COOPERATION.is_match(body) {
            continue;
        }
        if BLAME
            .iter()
            .chain(rule.regexes.iter())
            .any(|re| re.is_match(body))
        {
            out.extend(mentions);
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
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_system_names_not_numbers() {
        let t = "At 14:05 db-7 in pay.internal (10.0.4.12) dropped 5% of traffic for 95 min on 2026-11-17; v412 and cache_ttl too.";
        let ids = identifier_tokens(t);
        assert!(ids.contains(&"db-7"), "{ids:?}");
        assert!(ids.contains(&"pay.internal"), "{ids:?}");
        assert!(ids.contains(&"10.0.4.12"), "{ids:?}");
        assert!(ids.contains(&"cache_ttl"), "{ids:?}");
        assert!(
            !ids.iter()
                .any(|i| ["14:05", "95", "2026-11-17", "v412"].contains(i)),
            "{ids:?}"
        );
    }

    #[test]
    fn syllables_are_roughly_right() {
        assert_eq!(syllables("outage"), 2);
        assert_eq!(syllables("customer"), 3);
        assert_eq!(syllables("the"), 1);
    }
}
