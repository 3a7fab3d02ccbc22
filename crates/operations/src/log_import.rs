//! Bringing an incident's log in from a file: Candor's CSV and JSON lines, and the
//! exports of the tools incidents live in (a Slack export folder or zip, PagerDuty,
//! Statuspage, incident.io), always through a preview, then all or nothing.

use candor_core::log::{
    ImportFormat, ImportOptions, ImportPreview, SlackFiles, detect_format, parse_log_import,
    parse_slack, slack_channels,
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

/// Which files of a Slack export to read: the top-level lists always, and of the day
/// files only the chosen channel's, within a day of the time window. A 100 MB export is
/// mostly other channels and other days; those are listed, never decompressed or parsed.
struct Wanted<'a> {
    options: &'a ImportOptions,
}

impl Wanted<'_> {
    fn load(&self, rel: &str) -> bool {
        let Some((dir, file)) = rel.split_once('/') else {
            return true;
        };
        let Some(channel) = &self.options.channel else {
            return false;
        };
        if dir != channel.trim().trim_start_matches('#') {
            return false;
        }
        let Ok(day) = chrono::NaiveDate::parse_from_str(file.trim_end_matches(".json"), "%Y-%m-%d")
        else {
            return true;
        };
        let slack = Duration::days(1);
        self.options
            .since
            .is_none_or(|s| day >= (s - slack).date_naive())
            && self
                .options
                .until
                .is_none_or(|u| day <= (u + slack).date_naive())
    }
}

/// With no channel chosen and only one in the export, that one: true when it was chosen
/// here and its day files still need reading.
fn only_channel(options: &mut ImportOptions, files: &SlackFiles) -> bool {
    if options.channel.is_some() {
        return false;
    }
    match slack_channels(files).as_slice() {
        [only] => {
            options.channel = Some(only.clone());
            true
        }
        _ => false,
    }
}

/// Adds a file the export holds: its text when wanted, otherwise only its folder, so the
/// channel is still listed.
fn take(
    files: &mut SlackFiles,
    wanted: &Wanted<'_>,
    rel: &str,
    text: impl FnOnce() -> Outcome<String>,
) -> Outcome<()> {
    if !rel.ends_with(".json") {
        return Ok(());
    }
    if wanted.load(rel) {
        files.insert(rel.to_string(), text()?);
    } else if let Some((dir, _)) = rel.split_once('/') {
        files.entry(format!("{dir}/")).or_default();
    }
    Ok(())
}

/// The JSON files of a Slack export, from its folder or its zip.
fn slack_files(path: &Path, wanted: &Wanted<'_>) -> Outcome<SlackFiles> {
    let mut files = SlackFiles::new();
    if path.is_dir() {
        let mut stack = vec![path.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).map_err(|e| OperationError::reading(&dir, &e))? {
                let p = entry.map_err(|e| OperationError::reading(&dir, &e))?.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(rel) = p.strip_prefix(path) {
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    take(&mut files, wanted, &rel, || crate::read_text_file(&p))?;
                }
            }
        }
        return Ok(files);
    }
    let file = std::fs::File::open(path).map_err(|e| OperationError::reading(path, &e))?;
    zipped_slack_files(file, &path.display().to_string(), wanted)
}

/// The JSON files of a zipped Slack export. An export zipped with its own top folder reads
/// the same as one without.
fn zipped_slack_files(
    reader: impl Read + std::io::Seek,
    name: &str,
    wanted: &Wanted<'_>,
) -> Outcome<SlackFiles> {
    let mut files = SlackFiles::new();
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| {
        OperationError::Invalid(format!(
            "{name} is not a Slack export: it is neither a folder nor a readable zip file"
        ))
    })?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let root = names
        .iter()
        .find_map(|n| {
            n.strip_suffix("channels.json")
                .filter(|r| r.ends_with('/') && !r[..r.len() - 1].contains('/'))
        })
        .filter(|_| !names.iter().any(|n| n == "channels.json"))
        .unwrap_or("")
        .to_string();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| refused(name, &format!("the zip is damaged ({e})")))?;
        let Some(inner) = entry.enclosed_name() else {
            continue;
        };
        let full = inner.to_string_lossy().replace('\\', "/");
        let Some(rel) = full.strip_prefix(&root) else {
            continue;
        };
        if entry.is_dir() {
            continue;
        }
        take(&mut files, wanted, rel, || {
            total += entry.size();
            if total > SLACK_MAX_BYTES {
                return Err(refused(name, "the export is larger than 1 GB unpacked"));
            }
            let mut text = String::new();
            entry
                .read_to_string(&mut text)
                .map_err(|_| refused(rel, "this file of the export is not UTF-8 JSON"))?;
            Ok(text)
        })?;
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
        parse_log_import(text, format, self.zone_of(id)?).map_err(|p| refused(&p.place, &p.message))
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
        let is_zip = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if format == Some(ImportFormat::Slack) || path.is_dir() || is_zip {
            let mut options = self.slack_window(id, options)?;
            let mut files = slack_files(path, &Wanted { options: &options })?;
            if only_channel(&mut options, &files) {
                files = slack_files(path, &Wanted { options: &options })?;
            }
            return parse_slack(&files, &options).map_err(|p| refused(&p.place, &p.message));
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
        let unreadable =
            || OperationError::Invalid("the Slack export arrived without its options".into());
        let split = body
            .iter()
            .position(|b| *b == b'\n')
            .ok_or_else(unreadable)?;
        let head: SlackUpload = serde_json::from_slice(&body[..split]).map_err(|_| unreadable())?;
        self.preview_slack_zip(head.id, body[split + 1..].to_vec(), head.options)
    }

    /// What a zipped Slack export, read by the window into memory, would add.
    pub fn preview_slack_zip(
        &self,
        id: i64,
        zip: Vec<u8>,
        options: ImportOptions,
    ) -> Outcome<ImportPreview> {
        let mut options = self.slack_window(id, options)?;
        let read = |options: &ImportOptions| {
            zipped_slack_files(
                std::io::Cursor::new(&zip),
                "the Slack export",
                &Wanted { options },
            )
        };
        let mut files = read(&options)?;
        if only_channel(&mut options, &files) {
            files = read(&options)?;
        }
        parse_slack(&files, &options).map_err(|p| refused(&p.place, &p.message))
    }

    /// The time window a Slack channel is read in: as asked, else from an hour before the
    /// incident started to an hour after it was resolved.
    fn slack_window(&self, id: i64, mut options: ImportOptions) -> Outcome<ImportOptions> {
        let facts = self.store.incident(id)?.facts;
        options.since = options
            .since
            .or(facts.started.map(|t| t - Duration::hours(1)));
        options.until = options
            .until
            .or(facts.resolved.map(|t| t + Duration::hours(1)));
        Ok(options)
    }

    /// A time as typed for incident `id`: without an offset it is read in the incident's zone.
    pub fn incident_time(
        &self,
        id: i64,
        label: &'static str,
        text: &str,
    ) -> Outcome<chrono::DateTime<chrono::Utc>> {
        candor_core::facts::parse_time(label, text, self.zone_of(id)?)?
            .ok_or_else(|| OperationError::Invalid(format!("{label} needs a time")))
    }
}
