//! `candor export ID --format F`.

use crate::{Failure, Outcome};
use candor_operations::Workspace;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct ExportArgs {
    id: i64,
    /// html, markdown, text, technical-html or technical-markdown
    #[arg(long)]
    format: String,
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
        let exported = workspace.export(self.id, format)?;
        match &self.out {
            Some(path) => {
                candor_operations::write_file(path, &exported.content)?;
                if !exported.is_final && !format.is_technical() {
                    eprintln!(
                        "candor: exported a DRAFT: {}",
                        exported.draft_reasons.join("; ")
                    );
                }
            }
            None => print!("{}", exported.content),
        }
        Ok(Outcome::Done)
    }
}
