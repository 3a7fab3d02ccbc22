//! `candor db check|backup` and `candor package export|import`.

use super::read_text;
use crate::{Failure, Outcome};
use candor_core::review::signature::same_fingerprint;
use candor_operations::Workspace;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum DbCommand {
    /// Check the file's integrity and the audit log's chain; exit 1 when either fails
    Check,
    /// Take a backup now and list the backups kept
    Backup,
}

#[derive(Subcommand)]
pub enum PackageCommand {
    /// Write the review package of an incident
    Export {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Merge a review package into this database
    Import {
        file: PathBuf,
        /// Trust a reviewer's key not seen before, after checking its fingerprint with
        /// them (repeat for each; spaces in the fingerprint do not matter)
        #[arg(long = "trust", value_name = "FINGERPRINT")]
        trust: Vec<String>,
    },
}

impl DbCommand {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        match self {
            DbCommand::Check => {
                let soundness = workspace.soundness()?;
                for p in &soundness.integrity_problems {
                    println!("integrity: {p}");
                }
                if let Some(warning) = &soundness.audit_warning {
                    println!("audit: {warning}");
                }
                if !soundness.is_sound() {
                    return Ok(Outcome::ProblemsFound);
                }
                println!("ok");
            }
            DbCommand::Backup => {
                for b in workspace.back_up_now()? {
                    println!("{}\t{} bytes", b.path, b.bytes);
                }
            }
        }
        Ok(Outcome::Done)
    }
}

impl PackageCommand {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        match self {
            PackageCommand::Export { id, out } => {
                let text = workspace.export_package(id)?;
                candor_operations::write_file(&out, &text)?;
            }
            PackageCommand::Import { file, trust } => {
                let text = read_text(Some(&file))?;
                let unconfirmed: Vec<_> = workspace
                    .package_keys(&text)?
                    .into_iter()
                    .filter(|k| {
                        !k.known && !trust.iter().any(|t| same_fingerprint(t, &k.fingerprint))
                    })
                    .collect();
                if !unconfirmed.is_empty() {
                    for k in &unconfirmed {
                        eprintln!(
                            "candor: {} signed with a key not seen here: {}",
                            k.name, k.fingerprint
                        );
                    }
                    return Err(Failure(
                        "check each fingerprint with that person (by phone or in person), then run again with --trust 'FINGERPRINT' for each; nothing was imported".into(),
                    ));
                }
                let outcome = workspace.import_package(&text, &trust)?;
                for k in &outcome.keys_pinned {
                    println!(
                        "trusted {}\u{2019}s key {} from now on",
                        k.name, k.fingerprint
                    );
                }
                println!(
                    "incident {}: {}{} verdicts and {} comments added",
                    outcome.incident_id,
                    if outcome.created {
                        "created; "
                    } else if outcome.letter_updated {
                        "letter updated; "
                    } else {
                        ""
                    },
                    outcome.approvals_added,
                    outcome.comments_added
                );
            }
        }
        Ok(Outcome::Done)
    }
}
