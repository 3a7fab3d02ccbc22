//! Bringing an incident's log in from a file: Candor's CSV and JSON lines, and the
//! exports of the tools incidents live in (a Slack export folder or zip, PagerDuty,
//! Statuspage, incident.io), always through a preview, then all or nothing.

use candor_core::log::{
    ImportFormat, ImportOptions, ImportPreview, SlackFiles, detect_format, parse_log_import,
    parse_slack,
};
use chrono::Duration;
use std::io::Read;
use std::path::Path;

use crate::{OperationError, Outcome, Workspace};

/// A Slack export far larger than this is not one team's incident channel.
const SLACK_MAX_BYTES: u64 = 1 << 30;

fn refused(place: &str, message: &str) -> OperationError {
    OperationError::Invalid(format!("{place}: {message}"))
}

/// The JSON files of a Slack export, from its folder or its zip.
fn slack_files(path: &Path) -> Outcome<SlackFiles> {
    let mut files = SlackFiles::new();
    if path.is_dir() {
        let mut stack = vec![path.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).map_err(|e| OperationError::reading(&dir, &e))? {
                let p = entry.map_err(|e| OperationError::reading(&dir, &e))?.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "json")
                    && let Ok(rel) = p.strip_prefix(path)
                {
                    let text = crate::read_text_file(&p)?;
                    files.insert(rel.to_string_lossy().replace('\\', "/"), text);
                }
            }
        }
        return Ok(files);
    }
    let file = std::fs::File::open(path).map_err(|e| OperationError::reading(path, &e))?;
    zipped_slack_files(file, &path.display().to_string())
}

/// The JSON files of a zipped Slack export.
fn zipped_slack_files(reader: impl Read + std::io::Seek, name: &str) -> Outcome<SlackFiles> {
    let mut files = SlackFiles::new();
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| {
        OperationError::Invalid(format!(
            "{name} is not a Slack export: it is neither a folder nor a readable zip file"
        ))
    })?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| refused(name, &format!("the zip is damaged ({e})")))?;
        let Some(inner) = entry.enclosed_name() else {
            continue;
        };
        if entry.is_dir() || inner.extension().is_none_or(|e| e != "json") {
            continue;
        }
        total += entry.size();
        if total > SLACK_MAX_BYTES {
            return Err(refused(name, "the export is larger than 1 GB unpacked"));
        }
        let mut text = String::new();
        entry.read_to_string(&mut text).map_err(|_| {
            refused(&inner.display().to_string(), "this file of the export is not UTF-8 JSON")
        })?;
        // An export zipped with its own top folder reads the same as one without.
        let rel = inner.to_string_lossy().replace('\\', "/");
        files.insert(rel, text);
    }
    let roots: std::collections::BTreeSet<&str> =
        files.keys().filter_map(|k| k.split_once('/').map(|(d, _)| d)).collect();
    if !files.contains_key("channels.json")
        && let [root] = roots.into_iter().collect::<Vec<_>>().as_slice()
        && files.contains_key(&format!("{root}/channels.json"))
    {
        let prefix = format!("{root}/");
        files = files
            .into_iter()
            .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|k| (k.to_string(), v)))
            .collect();
    }
    Ok(files)
}

impl Workspace {
    /// What an import file would add, without storing anything. `format` None: told from
    /// the file.
    pub fn preview_log_import(
        &self,
        id: i64,
        text: &str,
        format: Option<ImportFormat>,
    ) -> Outcome<ImportPreview> {
        let format = format.unwrap_or_else(|| detect_format(text));
        parse_log_import(text, format, self.zone_of(id)?)
            .map_err(|p| refused(&p.place, &p.message))
    }

    /// What the file or folder at `path` would add. A folder or a zip is a Slack export,
    /// read by default from an hour before the incident started to an hour after it was
    /// resolved.
    pub fn preview_log_file(
        &self,
        id: i64,
        path: &Path,
        format: Option<ImportFormat>,
        options: ImportOptions,
    ) -> Outcome<ImportPreview> {
        let is_zip = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if format == Some(ImportFormat::Slack) || path.is_dir() || is_zip {
            let files = slack_files(path)?;
            return self.preview_slack(id, &files, options);
        }
        let text = crate::read_text_file(path)?;
        self.preview_log_import(id, &text, format)
    }
}

/// What the window sends before a zipped Slack export's bytes, on a line of its own.
#[derive(serde::Deserialize)]
struct SlackUpload {
    id: i64,
    options: ImportOptions,
}

impl Workspace {
    /// A Slack export uploaded by the window: one line of JSON (`{"id", "options"}`), then
    /// the zip's bytes.
    pub fn preview_slack_upload(&self, body: &[u8]) -> Outcome<ImportPreview> {
        let unreadable = || OperationError::Invalid("the Slack export arrived without its options".into());
        let split = body.iter().position(|b| *b == b'\n').ok_or_else(unreadable)?;
        let head: SlackUpload = serde_json::from_slice(&body[..split]).map_err(|_| unreadable())?;
        self.preview_slack_zip(head.id, body[split + 1..].to_vec(), head.options)
    }

    /// What a zipped Slack export, read by the window into memory, would add.
    pub fn preview_slack_zip(&self, id: i64, zip: Vec<u8>, options: ImportOptions) -> Outcome<ImportPreview> {
        let files = zipped_slack_files(std::io::Cursor::new(zip), "the Slack export")?;
        self.preview_slack(id, &files, options)
    }

    /// One channel of a Slack export, by default from an hour before the incident started
    /// to an hour after it was resolved.
    fn preview_slack(&self, id: i64, files: &SlackFiles, mut options: ImportOptions) -> Outcome<ImportPreview> {
        let facts = self.store.incident(id)?.facts;
        options.since = options.since.or(facts.started.map(|t| t - Duration::hours(1)));
        options.until = options.until.or(facts.resolved.map(|t| t + Duration::hours(1)));
        parse_slack(files, &options).map_err(|p| refused(&p.place, &p.message))
    }

    /// A time as typed for incident `id`: without an offset it is read in the incident's zone.
    pub fn incident_time(&self, id: i64, label: &'static str, text: &str) -> Outcome<chrono::DateTime<chrono::Utc>> {
        candor_core::facts::parse_time(label, text, self.zone_of(id)?)?
            .ok_or_else(|| OperationError::Invalid(format!("{label} needs a time")))
    }
}
