//! Spelling and grammar, offline, from harper-core's curated English linters and
//! dictionary. Each finding is a warning with harper's suggestions as one-click fixes. Words
//! the letter's own world knows (the house style's products, people and vendors, the
//! incident's people, the jargon glossary) are never misspellings.
//!
//! These checks cost more than the rule engine (tens of milliseconds for a long section),
//! so results are kept per text: a section that did not change is not checked again.

use super::model::{Category, Finding, Level};
use super::text::line_column;
use harper_core::linting::{LintGroup, LintKind, Suggestion};
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::{LazyLock, Mutex};

/// harper's linters that do not suit a letter: Candor's section titles are in sentence
/// case by design, and the rest are matters of taste the house style decides.
const OFF: &[&str] = &[
    "UseTitleCase",
    "SentenceCapitalization",
    "LongSentences",
    // Says the same as ItsContraction about "Its our", with a fix that changes nothing.
    "MultipleSequentialPronouns",
];

/// The start of every spelling and grammar rule's id.
pub const RULE_PREFIX: &str = "Language.";

/// How many checked texts are remembered; a letter has twelve.
const REMEMBERED: usize = 64;

/// One lint as found, before the words the letter knows are taken out.
#[derive(Clone)]
struct Raw {
    rule: String,
    category: Category,
    start: usize,
    end: usize,
    message: String,
    fix: Option<String>,
}

struct Checker {
    linter: LintGroup,
    remembered: HashMap<u64, Vec<Raw>>,
}

static CHECKER: LazyLock<Mutex<Checker>> = LazyLock::new(|| {
    let mut linter = LintGroup::new_curated(FstDictionary::curated(), Dialect::American);
    for rule in OFF {
        linter.config.set_rule_enabled(*rule, false);
    }
    Mutex::new(Checker {
        linter,
        remembered: HashMap::new(),
    })
});

fn category(kind: LintKind) -> Option<Category> {
    match kind {
        LintKind::Spelling | LintKind::Typo => Some(Category::Spelling),
        LintKind::Agreement
        | LintKind::BoundaryError
        | LintKind::Eggcorn
        | LintKind::Grammar
        | LintKind::Malapropism
        | LintKind::Punctuation
        | LintKind::Repetition
        | LintKind::WordChoice
        | LintKind::Capitalization => Some(Category::Grammar),
        _ => None,
    }
}

fn fix(suggestion: Option<&Suggestion>) -> Option<String> {
    match suggestion? {
        Suggestion::ReplaceWith(chars) => Some(chars.iter().collect()),
        Suggestion::Remove => Some(String::new()),
        Suggestion::InsertAfter(_) => None,
    }
}

fn lint(text: &str) -> Vec<Raw> {
    // Byte offset of every char index, and of the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let document = Document::new_markdown_default_curated(text);
    let Ok(mut checker) = CHECKER.lock() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (rule, lints) in checker.linter.organized_lints(&document) {
        for lint in lints {
            let Some(category) = category(lint.lint_kind) else {
                continue;
            };
            let (Some(&start), Some(&end)) = (bytes.get(lint.span.start), bytes.get(lint.span.end))
            else {
                continue;
            };
            out.push(Raw {
                rule: format!("{RULE_PREFIX}{rule}"),
                category,
                start,
                end,
                message: quoted(&lint.message),
                fix: fix(lint.suggestions.first()),
            });
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    // One finding per place: a lint overlapping an earlier one adds nothing.
    let mut kept: Vec<Raw> = Vec::with_capacity(out.len());
    for r in out {
        if kept.last().is_none_or(|k| k.end <= r.start) {
            kept.push(r);
        }
    }
    kept
}

/// harper writes words in backticks; a letter's reviewer reads quotation marks.
fn quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut open = true;
    for c in message.chars() {
        if c == '`' {
            out.push(if open { '\u{201c}' } else { '\u{201d}' });
            open = !open;
        } else {
            out.push(c);
        }
    }
    out
}

/// The raw lints of `text`, from memory when the same text was checked before.
fn lints_of(text: &str) -> Vec<Raw> {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    let key = hasher.finish();
    if let Ok(checker) = CHECKER.lock()
        && let Some(found) = checker.remembered.get(&key)
    {
        return found.clone();
    }
    let found = lint(text);
    if let Ok(mut checker) = CHECKER.lock() {
        if checker.remembered.len() >= REMEMBERED {
            checker.remembered.clear();
        }
        checker.remembered.insert(key, found.clone());
    }
    found
}

/// Makes the checker ready: its first run builds what later runs reuse, which takes a
/// moment the app spends at start, off its main thread, rather than at the first keystroke.
pub fn warm_up() {
    let _ = lint(
        "## What happened\n\nOn Tuesday our servise was down for an hour. Its a mistake we \
         made when we changed how payments are sent, and we should of tested it. Customers \
         who's cards were charged twice will get there money back by Friday. We're sorry, \
         and we thank you for you patience.\n\n- We now test every change at full size.\n",
    );
}

/// Words everyday English writes that harper's dictionary lacks, and that no glossary
/// term brings in since they are not jargon.
const EVERYDAY_WORDS: &[&str] = &["postmortem", "post-mortem", "postmortems"];

/// Words the letter knows, lower-cased and split, so "Northwind Hosting" makes both
/// "northwind" and "hosting" known; with them the everyday words harper lacks.
pub fn known_words<'a>(terms: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    terms
        .into_iter()
        .chain(EVERYDAY_WORDS.iter().copied())
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Spelling and grammar findings in `text`, outside `masked` (code and link targets).
pub fn findings(
    text: &str,
    masked: &[Range<usize>],
    known: &[&HashSet<String>],
    section: Option<crate::SectionKey>,
) -> Vec<Finding> {
    lints_of(text)
        .into_iter()
        .filter(|r| !masked.iter().any(|m| m.contains(&r.start)))
        .filter(|r| {
            let word = text[r.start..r.end].to_lowercase();
            r.category != Category::Spelling || !known.iter().any(|k| k.contains(&word))
        })
        .map(|r| {
            let (line, column) = line_column(text, r.start);
            Finding {
                rule: r.rule,
                category: r.category,
                level: Level::Warning,
                section,
                message: r.message,
                text: text[r.start..r.end].to_string(),
                start: r.start,
                end: r.end,
                line,
                column,
                fix: r.fix,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_misspelling_with_its_fix() {
        let text = "We restored the servise at noon.";
        let found = findings(text, &[], &[], None);
        let spelling = found
            .iter()
            .find(|f| f.category == Category::Spelling)
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_eq!(spelling.text, "servise");
        assert_eq!(spelling.fix.as_deref(), Some("service"));
        assert_eq!(spelling.level, Level::Warning);
    }

    #[test]
    fn words_the_letter_knows_are_not_misspelt() {
        let text = "Quillfeather was down.";
        let known = known_words(["Quillfeather"]);
        assert!(
            findings(text, &[], &[&known], None)
                .iter()
                .all(|f| f.category != Category::Spelling)
        );
    }

    #[test]
    fn offsets_are_bytes_after_wide_characters() {
        let text = "Caf\u{e9} \u{2014} we restored the servise.";
        let found = findings(text, &[], &[], None);
        let f = found
            .iter()
            .find(|f| f.text == "servise")
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_eq!(&text[f.start..f.end], "servise");
    }
}
