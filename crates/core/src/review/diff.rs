//! Word diffs: what changed in a text since someone last approved or read it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    Equal,
    Insert,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiffSpan {
    pub kind: DiffKind,
    pub text: String,
}

/// What changed between two texts, word by word.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut out: Vec<DiffSpan> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => DiffKind::Equal,
            similar::ChangeTag::Insert => DiffKind::Insert,
            similar::ChangeTag::Delete => DiffKind::Delete,
        };
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => out.push(DiffSpan {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    out
}
