//! A Slack workspace export: `channels.json`, `users.json`, and one folder per channel of
//! day files (`<channel>/YYYY-MM-DD.json`, each an array of messages). One channel is read,
//! within a time window; authors are named from `users.json`; Slack's markup becomes plain
//! text; joins, leaves and bots are left out unless asked for; a message with the chosen
//! reaction (📌 by default) arrives marked for the letter.

use super::import::{ImportOptions, ImportPreview, ImportProblem, entry_text, people};
use super::{LogKind, NewLogEntry};
use chrono::{DateTime, Utc};
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// The export's files by their path inside it (`channels.json`, `general/2026-11-03.json`).
pub type SlackFiles = BTreeMap<String, String>;

/// Subtypes that are the channel talking about itself, not the incident.
const CHATTER: &[&str] = &[
    "channel_join",
    "channel_leave",
    "group_join",
    "group_leave",
    "channel_topic",
    "channel_purpose",
    "channel_name",
    "channel_archive",
    "channel_unarchive",
    "pinned_item",
    "unpinned_item",
    "bot_message",
];

/// Edits and deletions are events about another message, never messages of their own.
const NEVER: &[&str] = &["message_changed", "message_deleted", "message_replied"];

static TOKEN: LazyLock<Regex> = LazyLock::new(|| crate::checks::detect::fixed(r"<([^<>]+)>"));
// A shortcode needs a letter, so times such as 10:30:45 are left alone.
static EMOJI: LazyLock<Regex> = LazyLock::new(|| {
    crate::checks::detect::fixed(r":[a-z0-9_+\-]*[a-z][a-z0-9_+\-]*:(?::skin-tone-\d:)?")
});

/// Slack's markup as plain text: people and channels by name, links as "label (url)",
/// emoji shortcodes dropped (a marked message may end up in the customer letter, which
/// is no place for them), and `&lt;` `&gt;` `&amp;` decoded last.
pub fn plain_text(text: &str, users: &HashMap<String, String>) -> String {
    let replaced = TOKEN.replace_all(text, |c: &regex::Captures<'_>| {
        let inner = &c[1];
        let (target, label) = match inner.split_once('|') {
            Some((t, l)) => (t, Some(l)),
            None => (inner, None),
        };
        if let Some(id) = target.strip_prefix('@') {
            let name = label.map(str::to_string).or_else(|| users.get(id).cloned());
            return format!("@{}", name.unwrap_or_else(|| id.to_string()));
        }
        if let Some(id) = target.strip_prefix('#') {
            return format!("#{}", label.unwrap_or(id));
        }
        if let Some(special) = target.strip_prefix('!') {
            if let Some(l) = label {
                return l.to_string();
            }
            let word = special.split('^').next().unwrap_or(special);
            return format!("@{word}");
        }
        match label {
            Some(l) if l != target => format!("{l} ({target})"),
            _ => target.to_string(),
        }
    });
    let emoji = EMOJI.replace_all(&replaced, "");
    let decoded = emoji
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `1700000300.000100` as a time.
fn slack_time(ts: &str) -> Option<DateTime<Utc>> {
    let (secs, micros) = ts.split_once('.').unwrap_or((ts, "0"));
    let secs: i64 = secs.parse().ok()?;
    let micros: u32 = format!("{micros:0<6}").get(..6)?.parse().ok()?;
    DateTime::from_timestamp(secs, micros * 1000)
}

fn parse_json(files: &SlackFiles, path: &str) -> Result<Option<Value>, ImportProblem> {
    let Some(text) = files.get(path) else {
        return Ok(None);
    };
    serde_json::from_str(text).map(Some).map_err(|e| {
        ImportProblem::at(
            format!("{path}, line {}", e.line()),
            e.line() as u32,
            format!("this file of the Slack export cannot be read: {e}"),
        )
    })
}

fn user_names(users: Option<Value>) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for u in users
        .as_ref()
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let Some(id) = u.get("id").and_then(|v| v.as_str()) else {
            continue;
        };
        let name = [
            "/profile/real_name",
            "/real_name",
            "/profile/display_name",
            "/name",
        ]
        .iter()
        .filter_map(|p| u.pointer(p).and_then(|v| v.as_str()))
        .map(str::trim)
        .find(|n| !n.is_empty());
        if let Some(name) = name {
            names.insert(id.to_string(), name.to_string());
        }
    }
    names
}

/// The channels of the export: those `channels.json` names, else the folders of day files.
fn channel_names(files: &SlackFiles, listed: Option<&Value>) -> Vec<String> {
    let mut names: Vec<String> = listed
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("name").and_then(|n| n.as_str()).map(str::to_string))
        .collect();
    if names.is_empty() {
        names = files
            .keys()
            .filter_map(|k| k.split_once('/').map(|(dir, _)| dir.to_string()))
            .collect();
        names.dedup();
    }
    names.sort();
    names.dedup();
    names
}

/// The channels a Slack export holds, by name.
pub fn slack_channels(files: &SlackFiles) -> Vec<String> {
    let listed = parse_json(files, "channels.json").ok().flatten();
    channel_names(files, listed.as_ref())
}

/// Reads one channel of a Slack export. With no channel chosen and several in the export,
/// the preview lists them and holds no entries.
pub fn parse_slack(
    files: &SlackFiles,
    options: &ImportOptions,
) -> Result<ImportPreview, ImportProblem> {
    let listed = parse_json(files, "channels.json")?;
    let users = user_names(parse_json(files, "users.json")?);
    let channels = channel_names(files, listed.as_ref());
    if channels.is_empty() && !files.contains_key("users.json") {
        return Err(ImportProblem::at(
            "the export",
            0,
            "this is not a Slack export: it has no channels.json, users.json or channel folders",
        ));
    }
    let mut preview = ImportPreview {
        format: super::ImportFormat::Slack,
        channels: channels.clone(),
        ..ImportPreview::default()
    };
    let chosen = match (&options.channel, channels.as_slice()) {
        (Some(c), _) => c.trim().trim_start_matches('#').to_string(),
        (None, [only]) => only.clone(),
        (None, _) => return Ok(preview),
    };
    if !channels.contains(&chosen) {
        return Err(ImportProblem::at(
            "the export",
            0,
            format!(
                "the export has no channel #{chosen}; it has {}",
                channels
                    .iter()
                    .map(|c| format!("#{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    preview.channel = Some(chosen.clone());
    preview.since = options.since;
    preview.until = options.until;
    let pin = options
        .pin_reaction
        .as_deref()
        .unwrap_or("pushpin")
        .trim_matches(':');
    let prefix = format!("{chosen}/");
    // Day files in date order, messages in file order: threads keep their order.
    let mut rows: Vec<(DateTime<Utc>, usize, NewLogEntry)> = Vec::new();
    for (path, _) in files
        .range(prefix.clone()..)
        .take_while(|(p, _)| p.starts_with(&prefix))
    {
        if !path.ends_with(".json") {
            continue;
        }
        let Some(Value::Array(messages)) = parse_json(files, path)? else {
            return Err(ImportProblem::at(
                path.clone(),
                1,
                "a day file must hold a list of messages",
            ));
        };
        for (i, m) in messages.iter().enumerate() {
            let place = format!("{path}, message {}", i + 1);
            let subtype = m.get("subtype").and_then(|v| v.as_str()).unwrap_or("");
            if NEVER.contains(&subtype) {
                preview.skipped += 1;
                continue;
            }
            let is_bot = m.get("bot_id").is_some() || subtype == "bot_message";
            if (CHATTER.contains(&subtype) || is_bot) && !options.include_chatter {
                preview.skipped += 1;
                continue;
            }
            let Some(at) = m.get("ts").and_then(|v| v.as_str()).and_then(slack_time) else {
                preview
                    .problems
                    .push(ImportProblem::at(place, 0, "it has no readable ts time"));
                continue;
            };
            if options.since.is_some_and(|s| at < s) || options.until.is_some_and(|u| at > u) {
                preview.skipped += 1;
                continue;
            }
            let mut text = plain_text(m.get("text").and_then(|v| v.as_str()).unwrap_or(""), &users);
            let files_shared: Vec<&str> = m
                .get("files")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|f| {
                    f.get("title")
                        .or_else(|| f.get("name"))
                        .and_then(|v| v.as_str())
                })
                .collect();
            if !files_shared.is_empty() {
                let note = format!("[file: {}]", files_shared.join(", "));
                text = if text.is_empty() {
                    note
                } else {
                    format!("{text} {note}")
                };
            }
            if text.is_empty() {
                preview.skipped += 1;
                continue;
            }
            let user = m.get("user").and_then(|v| v.as_str()).unwrap_or("");
            let author = users
                .get(user)
                .cloned()
                .or_else(|| {
                    m.pointer("/user_profile/real_name")
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                })
                .or_else(|| {
                    m.get("username")
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                })
                .unwrap_or_else(|| user.to_string());
            let pinned = m
                .get("reactions")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .any(|r| r.get("name").and_then(|n| n.as_str()) == Some(pin));
            rows.push((
                at,
                rows.len(),
                NewLogEntry {
                    at,
                    text: entry_text(&text),
                    author,
                    kind: LogKind::Action,
                    use_in_letter: pinned,
                },
            ));
        }
    }
    rows.sort_by_key(|(at, order, _)| (*at, *order));
    preview.entries = rows.into_iter().map(|(_, _, e)| e).collect();
    preview.people = people(&preview.entries)
        .into_iter()
        .filter(|p| users.values().any(|u| u == p))
        .collect();
    Ok(preview)
}
