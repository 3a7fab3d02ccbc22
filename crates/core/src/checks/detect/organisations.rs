//! Companies, online services and software known by name, from a gazetteer of brands: a
//! word inside one is not a person, and one of them can be a third party.

use super::words::entries;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

static BRANDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(entries(include_str!(
            "../../../../../assets/names/organisations.txt"
        )))
        .ok()
});

/// The brands named in `text`, as whole words and with their capitals as the brand writes
/// them. A brand that is also an English word ("Stellar") counts only inside a sentence:
/// at its start, or in a heading, the capital says nothing.
pub fn brands(text: &str) -> Vec<Range<usize>> {
    let Some(brands) = BRANDS.as_ref() else {
        return Vec::new();
    };
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    brands
        .find_iter(text)
        .map(|m| m.range())
        .filter(|r| {
            !word_char(text[..r.start].chars().next_back())
                && !word_char(text[r.end..].chars().next())
        })
        .filter(|r| {
            let found = &text[r.clone()];
            found.contains(' ')
                || !super::handles::in_lower_case(found, |_| true)
                || !(super::vendors::opens_sentence(&text[..r.start])
                    || in_heading(text, r.start)
                    || in_title_case(text, r.clone()))
        })
        .collect()
}

/// Whether the word before or after `range` is capitalised too, as in a title written in
/// title case ("SSL Handshake Failures").
fn in_title_case(text: &str, range: Range<usize>) -> bool {
    let capitalised = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    capitalised(text[..range.start].split_whitespace().next_back())
        || capitalised(text[range.end..].split_whitespace().next())
}

fn in_heading(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].starts_with('#')
}
