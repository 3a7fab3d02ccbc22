//! `candor log import|list`: the incident log from the command line.

use super::{ListFormat, to_json};
use crate::{Failure, Outcome};
use candor_core::{ImportFormat, ImportOptions, ImportPreview};
use candor_operations::Workspace;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum LogCommand {
    /// Import log entries from a file: all or nothing, after listing what cannot be read
    Import {
        id: i64,
        /// A CSV or JSON-lines file in Candor's columns, a PagerDuty, Statuspage or
        /// incident.io JSON export, or a Slack export (its zip or unpacked folder)
        file: PathBuf,
        /// auto, csv, jsonl, slack, pagerduty, statuspage or incident-io
        #[arg(long, default_value = "auto")]
        format: String,
        /// The Slack channel to read (needed when the export holds several)
        #[arg(long)]
        channel: Option<String>,
        /// Slack: from this time (default: an hour before the incident started)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// Slack: until this time (default: an hour after it was resolved)
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
        /// Slack: the reaction that marks a message for the letter (default pushpin, 📌)
        #[arg(long, value_name = "NAME")]
        reaction: Option<String>,
        /// Slack: bring joins, leaves and bot messages too
        #[arg(long)]
        include_chatter: bool,
        /// Show what would be imported, and change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List the incident's log
    List {
        id: i64,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

fn print_preview(preview: &ImportPreview, verb: &str) {
    for e in &preview.entries {
        println!(
            "{verb}\t{}\t{}\t{}\t{}{}",
            e.at.format("%Y-%m-%dT%H:%M:%SZ"),
            e.kind,
            e.author,
            e.text,
            if e.use_in_letter {
                "\t(use in letter)"
            } else {
                ""
            }
        );
    }
    for p in &preview.problems {
        eprintln!("candor: left out, {}: {}", p.place, p.message);
    }
}

impl LogCommand {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        match self {
            LogCommand::Import {
                id,
                file,
                format,
                channel,
                since,
                until,
                reaction,
                include_chatter,
                dry_run,
            } => {
                let format = match format.trim() {
                    "auto" => None,
                    other => Some(other.parse::<ImportFormat>().map_err(Failure)?),
                };
                let options = ImportOptions {
                    channel,
                    since: since
                        .map(|t| workspace.incident_time(id, "--since", &t))
                        .transpose()?,
                    until: until
                        .map(|t| workspace.incident_time(id, "--until", &t))
                        .transpose()?,
                    pin_reaction: reaction,
                    include_chatter,
                };
                let preview = workspace.preview_log_file(id, &file, format, options)?;
                if preview.channel.is_none() && !preview.channels.is_empty() {
                    let names: Vec<String> =
                        preview.channels.iter().map(|c| format!("#{c}")).collect();
                    return Err(Failure(format!(
                        "the Slack export holds several channels ({}); choose one with --channel",
                        names.join(", ")
                    )));
                }
                if preview.entries.is_empty() && !preview.problems.is_empty() {
                    print_preview(&preview, "");
                    return Err(Failure(format!(
                        "nothing in {} can be imported; nothing was changed",
                        file.display()
                    )));
                }
                if dry_run {
                    print_preview(&preview, "would import");
                } else {
                    workspace.import_log(id, &preview.entries)?;
                    print_preview(&preview, "imported");
                }
                eprintln!(
                    "candor: {} {} entries{}{}",
                    if dry_run { "would import" } else { "imported" },
                    preview.entries.len(),
                    if preview.problems.is_empty() {
                        String::new()
                    } else {
                        format!("; {} left out", preview.problems.len())
                    },
                    if preview.skipped == 0 {
                        String::new()
                    } else {
                        format!(
                            "; {} messages skipped (joins, bots, outside the window)",
                            preview.skipped
                        )
                    },
                );
            }
            LogCommand::List { id, format } => {
                let log = workspace.log(id)?;
                match format {
                    ListFormat::Json => println!("{}", to_json(&log)?),
                    ListFormat::Text => {
                        for e in &log {
                            println!(
                                "{}\t{}\t{}\t{}\t{}{}",
                                e.id,
                                e.at.format("%Y-%m-%dT%H:%M:%SZ"),
                                e.kind,
                                e.author,
                                e.text,
                                if e.use_in_letter {
                                    "\t(use in letter)"
                                } else {
                                    ""
                                }
                            );
                        }
                    }
                }
            }
        }
        Ok(Outcome::Done)
    }
}
