//! `candor history ID SECTION` and `candor history restore ID SECTION VERSION`.

use super::letter::ViewArg;
use super::{ListFormat, section, to_json};
use crate::{Failure, Outcome};
use candor_operations::Workspace;
use clap::{Args, Subcommand};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HistoryArgs {
    #[command(subcommand)]
    action: Option<HistoryAction>,
    /// The incident
    id: Option<i64>,
    /// summary, details, wrong, better, right or thanks
    section: Option<String>,
    #[arg(long, value_enum, default_value_t = ViewArg::Customer)]
    view: ViewArg,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(Subcommand)]
enum HistoryAction {
    /// Set a text back to an earlier version (kept as a new version)
    Restore {
        id: i64,
        section: String,
        /// The version, as `candor history` lists it
        version: i64,
        #[arg(long, value_enum, default_value_t = ViewArg::Customer)]
        view: ViewArg,
    },
}

impl HistoryArgs {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        if let Some(HistoryAction::Restore {
            id,
            section: s,
            version,
            view,
        }) = self.action
        {
            workspace.restore_version(id, section(&s)?, view.into(), version)?;
            println!("restored version {version} as a new version");
            return Ok(Outcome::Done);
        }
        let (Some(id), Some(s)) = (self.id, self.section) else {
            return Err(Failure(
                "say which incident and section: candor history ID SECTION".into(),
            ));
        };
        let versions = workspace.history(id, section(&s)?, self.view.into())?;
        match self.format {
            ListFormat::Json => println!("{}", to_json(&versions)?),
            ListFormat::Text => {
                for v in &versions {
                    println!(
                        "{}\t{}\t{}\t{} words\t+{} -{}\t{} {}",
                        v.revision,
                        v.last_at.format("%Y-%m-%d %H:%M UTC"),
                        v.saved_by,
                        v.words,
                        v.added,
                        v.removed,
                        v.saves,
                        if v.saves == 1 { "save" } else { "saves" }
                    );
                }
            }
        }
        Ok(Outcome::Done)
    }
}
