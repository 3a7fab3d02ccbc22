//! `candor export ID --format F` and `candor verify LETTER.html`.

use crate::{Failure, Outcome};
use candor_core::export::{Delivery, ExportFormat};
use candor_operations::Workspace;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct ExportArgs {
    id: i64,
    /// html, markdown, text, email-html, statuspage, pagerduty-status, technical-html or
    /// technical-markdown
    #[arg(long)]
    format: String,
    /// statuspage, pagerduty-status: tell the page's subscribers when it is published
    #[arg(long)]
    notify_subscribers: bool,
    /// pagerduty-status: the id of the status page post the postmortem belongs to
    #[arg(long, value_name = "ID")]
    post: Option<String>,
    /// Write to this file instead of standard output
    #[arg(long)]
    out: Option<PathBuf>,
    /// The company name the letter carries (remembered for later exports)
    #[arg(long)]
    company: Option<String>,
}

impl ExportArgs {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        let format = candor_operations::export_format(&self.format)?;
        if let Some(company) = &self.company {
            workspace.set_company(company)?;
        }
        let delivery = Delivery {
            notify_subscribers: self.notify_subscribers,
            status_post: self.post.clone().unwrap_or_default(),
        };
        if format == ExportFormat::PagerdutyStatus && delivery.status_post.trim().is_empty() {
            return Err(Failure(
                "a PagerDuty status page postmortem belongs to a post: name it with --post ID"
                    .into(),
            ));
        }
        match &self.out {
            Some(path) => {
                let exported = workspace.export_to(self.id, format, &delivery, path)?;
                if exported.signature.is_some() {
                    eprintln!(
                        "candor: signed; the signature is in {}",
                        candor_operations::signature_path(path).display()
                    );
                }
                if !exported.is_final && !format.is_technical() {
                    eprintln!(
                        "candor: exported a DRAFT: {}",
                        exported.draft_reasons.join("; ")
                    );
                }
            }
            None => {
                let exported = workspace.export_delivered(self.id, format, &delivery)?;
                if exported.signature.is_some() {
                    eprintln!(
                        "candor: the letter is signed, but its signature file is written only with --out"
                    );
                }
                print!("{}", exported.content);
            }
        }
        Ok(Outcome::Done)
    }
}

#[derive(Args)]
pub struct VerifyArgs {
    /// A final HTML letter exported by Candor, with its .sig.json beside it
    letter: PathBuf,
}

impl VerifyArgs {
    pub fn run(self) -> Result<Outcome, Failure> {
        match candor_operations::verify_letter(&self.letter)? {
            Ok(v) => {
                println!(
                    "verified: this is the letter that was approved, exported by {} (key {})",
                    v.exported_by, v.exporter_fingerprint
                );
                for a in &v.approvals {
                    println!("approved by {a}");
                }
                Ok(Outcome::Done)
            }
            Err(why) => {
                eprintln!("candor: NOT verified: {why}");
                Ok(Outcome::ProblemsFound)
            }
        }
    }
}
