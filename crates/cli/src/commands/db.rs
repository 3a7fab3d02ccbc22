//! `candor db check|backup` and `candor package export|import`.

use super::read_text;
use crate::{Failure, Outcome};
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
    Import { file: PathBuf },
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
            PackageCommand::Import { file } => {
                let text = read_text(Some(&file))?;
                let outcome = workspace.import_package(&text)?;
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
