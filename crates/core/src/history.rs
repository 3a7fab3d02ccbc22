//! A section's history as people read it: the saves of one text grouped into versions
//! (consecutive autosaves by one person within a few minutes are one version), each with
//! who, when and how much changed since the version before. A save that cuts or adds a
//! good part of the text always starts a new version, so what was there just before a
//! paragraph was cut can be had back however quickly it happened, and a restore shows.

use crate::review::{DiffKind, word_diff};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Saves by one person within this many minutes of a version's first save are that version.
pub const GROUP_MINUTES: i64 = 5;

/// One save of a text, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Save {
    pub id: i64,
    pub body: String,
    pub saved_at: DateTime<Utc>,
    pub saved_by: String,
    /// Kept by an earlier compaction: it always ends a version.
    pub kept: bool,
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

/// What changed in one section's customer text since the reader last looked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeenChange {
    pub section: crate::SectionKey,
    pub diff: Vec<crate::review::DiffSpan>,
}

/// What changed since the acting person last looked at a letter in review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SinceSeen {
    /// When they last looked; none the first time.
    pub seen_at: Option<DateTime<Utc>>,
    pub changes: Vec<SeenChange>,
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
        // Measured from the version's first save, so a day of steady typing is many
        // versions, not one.
        match groups.last_mut() {
            Some((start, end))
                if !saves[*end].kept
                    && saves[*end].saved_by == s.saved_by
                    && s.saved_at - saves[*start].saved_at <= Duration::minutes(GROUP_MINUTES)
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

/// Which saves of one text to keep when old autosaves are compacted: the last save of
/// every version from the last day, then of the last version in each hour for a week,
/// then in each day; the text as it stood at every moment in `pinned` (each approval and
/// export); and always the newest save. Returns the ids to keep.
pub fn kept(
    saves: &[Save],
    pinned: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> std::collections::BTreeSet<i64> {
    let mut keep = std::collections::BTreeSet::new();
    if let Some(last) = saves.last() {
        keep.insert(last.id);
    }
    for at in pinned {
        if let Some(s) = saves.iter().rev().find(|s| s.saved_at <= *at) {
            keep.insert(s.id);
        }
    }
    let mut buckets = std::collections::BTreeMap::new();
    for v in versions(saves) {
        let age = now - v.last_at;
        if age <= Duration::days(1) {
            keep.insert(v.revision);
            continue;
        }
        let bucket = if age <= Duration::days(7) {
            v.last_at.timestamp() / 3600
        } else {
            v.last_at.timestamp() / 86_400 + 1_000_000_000
        };
        // Versions come newest first: the first seen in a bucket is its last.
        buckets.entry(bucket).or_insert(v.revision);
    }
    keep.extend(buckets.values());
    keep
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
            kept: false,
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
    fn compaction_keeps_recent_versions_hourly_then_daily_and_every_pinned_text() {
        let day = 24 * 60;
        let mut saves = Vec::new();
        // A save every minute for three hours, ten days ago, and again today.
        for (n, minute) in (0..180).chain(10 * day..10 * day + 180).enumerate() {
            saves.push(save(
                n as i64 + 1,
                minute,
                "dana",
                &format!("Orders were late {n}"),
            ));
        }
        let now = saves[saves.len() - 1].saved_at + Duration::minutes(1);
        let approved_at = saves[50].saved_at + Duration::seconds(30);
        let keep = kept(&saves, &[approved_at], now);
        // Today: one per version of up to five minutes (30). Ten days ago: one per day, plus the
        // text that was approved.
        assert!(keep.contains(&51), "the approved text is kept");
        assert!(keep.contains(&360), "the newest save is kept");
        let old: Vec<_> = keep.iter().filter(|id| **id <= 180).collect();
        assert_eq!(old.len(), 2, "{old:?}");
        assert_eq!(keep.iter().filter(|id| **id > 180).count(), 30);

        // Compacting what was kept keeps all of it: every kept save ends a version.
        let again: Vec<Save> = saves
            .iter()
            .filter(|s| keep.contains(&s.id))
            .map(|s| Save {
                kept: true,
                ..s.clone()
            })
            .collect();
        assert_eq!(kept(&again, &[approved_at], now), keep);
    }

    #[test]
    fn cutting_a_paragraph_starts_a_new_version_at_once() {
        let saves = vec![
            save(
                1,
                0,
                "dana",
                "First paragraph.\n\nSecond paragraph, the one that matters most here.",
            ),
            save(2, 1, "dana", "First paragraph."),
            save(3, 2, "dana", "First paragraph, reworded."),
        ];
        let v = versions(&saves);
        let ids: Vec<i64> = v.iter().map(|v| v.revision).collect();
        assert_eq!(ids, vec![3, 1]);
        assert_eq!(v[0].removed, 8);
    }
}
