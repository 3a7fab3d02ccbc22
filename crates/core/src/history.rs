//! A section's history as people read it: the saves of one text grouped into versions
//! (consecutive autosaves by one person within a few minutes are one version), each with
//! who, when and how much changed since the version before. A save that cuts or adds a
//! good part of the text always starts a new version, so what was there just before a
//! paragraph was cut can be had back however quickly it happened, and a restore shows.

use crate::review::{DiffKind, word_diff};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Saves by one person closer together than this are one version.
pub const GROUP_MINUTES: i64 = 5;

/// One save of a text, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Save {
    pub id: i64,
    pub body: String,
    pub saved_at: DateTime<Utc>,
    pub saved_by: String,
}

/// A version of a text: the last of a run of saves by one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Version {
    /// The save this version ends with; restoring or comparing names it.
    pub revision: i64,
    pub saved_by: String,
    pub first_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
    /// How many saves the version gathers.
    pub saves: u32,
    pub words: usize,
    /// Words added and removed since the version before.
    pub added: usize,
    pub removed: usize,
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether going from `before` to `after` cuts or adds a good part of the text at once:
/// ten words, or three or more that are a quarter of it (a changed word or two is just
/// editing). A paste, a cut paragraph or a restored version is then a version of its own.
fn big_change(before: &str, after: &str) -> bool {
    let size = word_count(before).max(word_count(after));
    let (mut added, mut removed) = (0, 0);
    for span in word_diff(before, after) {
        match span.kind {
            DiffKind::Insert => added += word_count(&span.text),
            DiffKind::Delete => removed += word_count(&span.text),
            DiffKind::Equal => {}
        }
    }
    [added, removed]
        .iter()
        .any(|&n| n >= 10 || (n >= 3 && n * 4 >= size))
}

/// The versions of a text, newest first.
pub fn versions(saves: &[Save]) -> Vec<Version> {
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (i, s) in saves.iter().enumerate() {
        match groups.last_mut() {
            Some((_, end))
                if saves[*end].saved_by == s.saved_by
                    && s.saved_at - saves[*end].saved_at <= Duration::minutes(GROUP_MINUTES)
                    && !big_change(&saves[*end].body, &s.body) =>
            {
                *end = i;
            }
            _ => groups.push((i, i)),
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    let mut before = "";
    for (start, end) in groups {
        let last = &saves[end];
        let (mut added, mut removed) = (0, 0);
        for span in word_diff(before, &last.body) {
            match span.kind {
                DiffKind::Insert => added += word_count(&span.text),
                DiffKind::Delete => removed += word_count(&span.text),
                DiffKind::Equal => {}
            }
        }
        out.push(Version {
            revision: last.id,
            saved_by: last.saved_by.clone(),
            first_at: saves[start].saved_at,
            last_at: last.saved_at,
            saves: (end - start + 1) as u32,
            words: word_count(&last.body),
            added,
            removed,
        });
        before = &last.body;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn save(id: i64, minute: i64, by: &str, body: &str) -> Save {
        Save {
            id,
            body: body.into(),
            saved_at: DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap_or_default(),
            saved_by: by.into(),
        }
    }

    #[test]
    fn autosaves_by_one_person_minutes_apart_are_one_version() {
        let saves = vec![
            save(1, 0, "dana", "Orders"),
            save(2, 1, "dana", "Orders were late"),
            save(3, 3, "dana", "Orders were late on Monday"),
            save(4, 20, "dana", "Orders were late on Monday morning"),
            save(5, 21, "robin", "Some orders were late on Monday morning"),
        ];
        let v = versions(&saves);
        let ids: Vec<i64> = v.iter().map(|v| v.revision).collect();
        assert_eq!(ids, vec![5, 4, 3]);
        assert_eq!(v[2].saves, 3);
        assert_eq!(v[2].added, 5);
        assert_eq!(v[0].saved_by, "robin");
        // "Orders" became "Some orders": one word out, two in.
        assert_eq!((v[0].added, v[0].removed), (2, 1));
        assert_eq!(v[1].words, 6);
    }

    #[test]
    fn cutting_a_paragraph_starts_a_new_version_at_once() {
        let saves = vec![
            save(1, 0, "dana", "First paragraph.\n\nSecond paragraph, the one that matters most here."),
            save(2, 1, "dana", "First paragraph."),
            save(3, 2, "dana", "First paragraph, reworded."),
        ];
        let v = versions(&saves);
        let ids: Vec<i64> = v.iter().map(|v| v.revision).collect();
        assert_eq!(ids, vec![3, 1]);
        assert_eq!(v[0].removed, 8);
    }
}
