//! Companies, online services and software known by name, from a gazetteer of brands: a
//! word inside one of them is not a person ("John Deere", "Claude Code").

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
/// them.
pub(super) fn brands(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    BRANDS
        .iter()
        .flat_map(move |brands| brands.find_iter(text))
        .map(|m| m.range())
        .filter(move |r| {
            !word_char(text[..r.start].chars().next_back())
                && !word_char(text[r.end..].chars().next())
        })
}
