//! `candor export ID --format F` and `candor verify LETTER.html`.

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
        match &self.out {
            Some(path) => {
                let exported = workspace.export_to(self.id, format, path)?;
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
                let exported = workspace.export(self.id, format)?;
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
