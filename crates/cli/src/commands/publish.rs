//! `candor publish ID --to statuspage --page P --incident I`: opt-in, the approved letter
//! sent to Statuspage as the incident's postmortem.

use super::read_text;
use crate::{Failure, Outcome};
use candor_operations::{STATUSPAGE_URL, StatuspageTarget, Workspace};
use clap::{Args, ValueEnum};

#[derive(Clone, Copy, ValueEnum)]
pub enum Service {
    Statuspage,
}

#[derive(Args)]
pub struct PublishArgs {
    /// The incident whose approved letter goes out
    #[arg(required_unless_present = "save_key")]
    id: Option<i64>,
    #[arg(long, value_enum)]
    to: Service,
    /// The Statuspage page id (from the page's address in Statuspage's manage screens)
    #[arg(long, required_unless_present = "save_key")]
    page: Option<String>,
    /// The Statuspage incident the postmortem belongs to
    #[arg(long, required_unless_present = "save_key")]
    incident: Option<String>,
    /// Tell the page's subscribers when the postmortem is published
    #[arg(long)]
    notify_subscribers: bool,
    /// Save the API key, read from standard input, in the desktop keyring, and stop
    #[arg(long)]
    save_key: bool,
}

impl PublishArgs {
    pub fn needs_database(&self) -> bool {
        !self.save_key
    }

    pub fn save_key(&self) -> Result<Outcome, Failure> {
        let Service::Statuspage = self.to;
        candor_operations::save_statuspage_key(&read_text(None)?)?;
        eprintln!("candor: the Statuspage API key is in the desktop keyring");
        Ok(Outcome::Done)
    }

    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        let (Some(id), Some(page), Some(incident)) = (self.id, self.page, self.incident) else {
            return Err(Failure(
                "say which letter, page and incident: ID --page P --incident I".into(),
            ));
        };
        let target = StatuspageTarget {
            page,
            incident,
            notify_subscribers: self.notify_subscribers,
            base_url: std::env::var("CANDOR_STATUSPAGE_URL")
                .unwrap_or_else(|_| STATUSPAGE_URL.to_string()),
        };
        workspace.publish_statuspage(id, &target)?;
        println!(
            "published the postmortem to Statuspage page {} incident {}{}",
            target.page.trim(),
            target.incident.trim(),
            if target.notify_subscribers {
                ", subscribers notified"
            } else {
                ""
            }
        );
        Ok(Outcome::Done)
    }
}
