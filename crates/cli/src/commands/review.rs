//! `candor review approve|request-changes|status`.

use super::{ListFormat, section, to_json};
use crate::{Failure, Outcome};
use candor_core::review::{ReviewStatus, Role, Verdict};
use candor_operations::Workspace;
use clap::{Args, Subcommand};

#[derive(Args)]
pub struct VerdictArgs {
    id: i64,
    /// The reviewer's role: communications, security, legal or engineering
    #[arg(long)]
    role: String,
    /// One section (key or title); without it, the whole letter
    #[arg(long)]
    section: Option<String>,
    #[arg(long, default_value = "")]
    comment: String,
}

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Send the letter for review: approvals are accepted from then on
    Request { id: i64 },
    /// Approve the letter (or one section) as it stands now
    Approve(VerdictArgs),
    /// Ask for changes to the letter (or one section)
    RequestChanges(VerdictArgs),
    /// The letter's state, approvals and what still blocks it
    Status {
        id: i64,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

impl ReviewCommand {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        match self {
            ReviewCommand::Request { id } => {
                println!("{}", workspace.request_review(id)?.state.label());
            }
            ReviewCommand::Approve(args) => verdict(workspace, args, Verdict::Approve)?,
            ReviewCommand::RequestChanges(args) => {
                verdict(workspace, args, Verdict::RequestChanges)?
            }
            ReviewCommand::Status { id, format } => {
                let status = workspace.review_status(id)?;
                match format {
                    ListFormat::Json => println!("{}", to_json(&status)?),
                    ListFormat::Text => print_status(&status),
                }
            }
        }
        Ok(Outcome::Done)
    }
}

fn verdict(workspace: &mut Workspace, args: VerdictArgs, verdict: Verdict) -> Result<(), Failure> {
    let role: Role = args.role.parse().map_err(Failure)?;
    let section = args.section.as_deref().map(section).transpose()?;
    let status = workspace.record_verdict(args.id, section, role, verdict, &args.comment)?;
    println!("{}", status.state.label());
    Ok(())
}

fn print_status(status: &ReviewStatus) {
    println!("state: {}", status.state.label());
    let roles: Vec<&str> = status.required_roles.iter().map(|r| r.key()).collect();
    println!("required: {}", roles.join(", "));
    for v in &status.verdicts {
        let a = &v.approval;
        let verdict = match a.verdict {
            Verdict::Approve => "approved",
            Verdict::RequestChanges => "asked for changes to",
        };
        let place = a
            .section
            .map_or("the letter".to_string(), |s| s.key().to_string());
        let stale = if v.stale {
            " (stale: the text changed since)"
        } else {
            ""
        };
        let key = if v.fingerprint.is_empty() {
            String::new()
        } else {
            format!(", key {}", v.fingerprint)
        };
        println!("{} ({}{key}) {verdict} {place}{stale}", a.reviewer, a.role);
    }
    for b in &status.blockers {
        println!("blocked: {b}");
    }
}
