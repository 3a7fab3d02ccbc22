//! `candor promises [--overdue]` lists what published letters promised customers, overdue
//! first; `candor promises done|drop|reopen ID` settles one or corrects its date.

use super::{ListFormat, to_json};
use crate::{Failure, Outcome};
use candor_core::promise::PromiseStatus;
use candor_operations::Workspace;
use clap::{Args, Subcommand};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PromisesArgs {
    #[command(subcommand)]
    action: Option<PromiseAction>,
    /// Only the open promises past their date
    #[arg(long)]
    overdue: bool,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(Subcommand)]
enum PromiseAction {
    /// The promise was kept
    Done { id: i64 },
    /// The promise will not be kept; say why, as customers would be told
    Drop {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Open a settled promise again
    Reopen { id: i64 },
    /// Correct when a promise is due (YYYY-MM-DD)
    Due { id: i64, date: String },
}

impl PromisesArgs {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        let settled = match self.action {
            Some(PromiseAction::Done { id }) => {
                Some(workspace.settle_promise(id, PromiseStatus::Done, "")?)
            }
            Some(PromiseAction::Drop { id, reason }) => {
                Some(workspace.settle_promise(id, PromiseStatus::Dropped, &reason)?)
            }
            Some(PromiseAction::Reopen { id }) => {
                Some(workspace.settle_promise(id, PromiseStatus::Open, "")?)
            }
            Some(PromiseAction::Due { id, date }) => Some(workspace.set_promise_due(id, &date)?),
            None => None,
        };
        if let Some(p) = settled {
            println!(
                "promise {} is {}, due {}: {}",
                p.id,
                p.status.key(),
                p.due,
                p.text
            );
            return Ok(Outcome::Done);
        }
        let promises = workspace.promises(self.overdue)?;
        match self.format {
            ListFormat::Json => println!("{}", to_json(&promises)?),
            ListFormat::Text => {
                if promises.is_empty() {
                    println!(
                        "{}",
                        if self.overdue {
                            "no promise is overdue"
                        } else {
                            "no letter has made a promise yet"
                        }
                    );
                }
                for p in &promises {
                    let state = if p.overdue { "overdue" } else { p.status.key() };
                    println!(
                        "{}\t{}\t{}\t{}\t#{} {}\t{}",
                        p.id, p.due, state, p.service, p.incident_id, p.incident_title, p.text
                    );
                }
            }
        }
        Ok(Outcome::Done)
    }
}
