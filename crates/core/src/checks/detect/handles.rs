//! People named by their user names: "@ana-l", "thanks to jsha and sgrif", "Ana Lopes
//! (analopes)". A handle is not a capitalised name, so the name detector cannot see it;
//! it is found where English introduces people and is not an English word.

use super::fixed;
use crate::checks::text::inside;
use harper_core::DictWordMetadata;
use harper_core::spell::{Dictionary, FstDictionary};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "@name", not inside an e-mail address.
static AT_HANDLE: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"(?:^|[^\w.@])(@[A-Za-z0-9][A-Za-z0-9_-]{1,38})\b"));

/// Where a letter credits or names the people who did something.
pub(super) static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(?:thanks?\s+(?:goes?\s+)?to|thank|credit\s+(?:goes\s+)?to|(?:reported|discovered|found|spotted|noticed|investigated|fixed)\s+by|with\s+help\s+from)\s+",
    )
});

static TOKEN: LazyLock<Regex> = LazyLock::new(|| fixed(r"^@?[A-Za-z][A-Za-z0-9_-]{1,38}\b"));
pub(super) static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"));

/// A user name rather than a word: no English word, some lower case, and not a
/// capitalised name (which the name detector judges with its own evidence). Run-together
/// capitals ("QuietRiver") count only where the place itself says a person is meant
/// (`loose`): in a list of thanks they are more often a company ("JFrog").
fn looks_like_handle(token: &str, loose: bool) -> bool {
    let bare = token.trim_start_matches('@');
    let first_upper = bare.chars().next().is_some_and(char::is_uppercase);
    let inner_upper = bare.chars().skip(1).any(char::is_uppercase);
    let marked = bare.contains(['_', '-']) || bare.chars().any(|c| c.is_ascii_digit());
    let shaped = !first_upper || marked || (inner_upper && loose);
    if bare.len() < 3 || !bare.chars().any(char::is_lowercase) || !shaped {
        return false;
    }
    let dictionary = FstDictionary::curated();
    !dictionary.contains_word_str(bare) && !dictionary.contains_word_str(&bare.to_lowercase())
}

/// A word English writes in lower case ("team", "experience"), as harper's dictionary
/// has it: a capitalised one is a name only with more evidence than a title before it.
pub(super) fn everyday_word(word: &str) -> bool {
    in_lower_case(word, |_| true)
}

/// Whether harper-core's dictionary has `word` in lower case, with what `test` asks of it.
pub(super) fn in_lower_case(word: &str, test: impl FnOnce(&DictWordMetadata) -> bool) -> bool {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    FstDictionary::curated()
        .get_word_metadata_exact(&lower)
        .is_some_and(test)
}

/// Handles in `text`, as byte ranges; `names` are the person names found already, whose
/// user name may follow in brackets.
pub fn handles(
    text: &str,
    masked: &[Range<usize>],
    names: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for c in AT_HANDLE.captures_iter(text) {
        if let Some(m) = c.get(1)
            && !inside(masked, m.start())
        {
            out.push((m.start(), m.end()));
        }
    }
    for credit in CREDIT.find_iter(text) {
        let mut at = credit.end();
        for _ in 0..8 {
            let Some(token) = TOKEN.find(&text[at..]) else {
                break;
            };
            let (s, e) = (at + token.start(), at + token.end());
            if looks_like_handle(token.as_str(), false) && !inside(masked, s) {
                out.push((s, e));
            }
            let Some(sep) = SEPARATOR.find(&text[e..]) else {
                break;
            };
            at = e + sep.end();
        }
    }
    for &(_, end) in names {
        let rest = &text[end..];
        if let Some(inner) = rest.strip_prefix(" (")
            && let Some(close) = inner.find(')')
            && TOKEN
                .find(&inner[..close])
                .is_some_and(|t| t.end() == close)
            && looks_like_handle(&inner[..close], true)
        {
            let s = end + 2;
            out.push((s, s + close));
        }
    }
    out.sort_unstable();
    out.dedup_by(|b, a| a.0 < b.1 && b.0 < a.1);
    out
}
