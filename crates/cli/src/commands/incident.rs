//! `candor incident new|list`.

use super::{ListFormat, to_json};
use crate::{Failure, Outcome};
use candor_operations::{IncidentRequest, Workspace};
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum IncidentCommand {
    /// Create an incident and print its id
    New(Box<NewIncident>),
    /// List incidents, newest first
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Args)]
pub struct NewIncident {
    #[arg(long)]
    title: String,
    /// The affected product or service
    #[arg(long, default_value = "")]
    service: String,
    /// sev1 (most severe) to sev4
    #[arg(long, default_value = "sev2")]
    severity: String,
    /// IANA time zone the letter shows times in, e.g. America/New_York
    #[arg(long, default_value = "UTC")]
    zone: String,
    /// ISO 8601 time; without an offset it is read in --zone
    #[arg(long)]
    started: Option<String>,
    #[arg(long)]
    detected: Option<String>,
    #[arg(long)]
    mitigated: Option<String>,
    #[arg(long)]
    resolved: Option<String>,
    /// Percent of customers affected, 0-100
    #[arg(long, value_name = "PERCENT")]
    affected_share: Option<f64>,
    /// Number of customers affected
    #[arg(long, value_name = "N")]
    affected_count: Option<i64>,
    /// A region affected; repeat for several
    #[arg(long = "region", value_name = "REGION")]
    regions: Vec<String>,
}

impl IncidentCommand {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        match self {
            IncidentCommand::New(args) => {
                let args = *args;
                let incident = workspace.create_incident(IncidentRequest {
                    title: args.title,
                    service: args.service,
                    severity: args.severity,
                    zone: args.zone,
                    started: args.started,
                    detected: args.detected,
                    mitigated: args.mitigated,
                    resolved: args.resolved,
                    affected_share: args.affected_share,
                    affected_count: args.affected_count,
                    regions: args.regions,
                })?;
                println!("{}", incident.id);
            }
            IncidentCommand::List { format } => {
                let incidents = workspace.list_incidents()?;
                match format {
                    ListFormat::Json => println!("{}", to_json(&incidents)?),
                    ListFormat::Text => {
                        for i in incidents {
                            println!(
                                "{}\t{}\t{}\t{}",
                                i.id,
                                i.severity,
                                i.created_at.format("%Y-%m-%d"),
                                i.title
                            );
                        }
                    }
                }
            }
        }
        Ok(Outcome::Done)
    }
}
