//! `candor check FILE`: the checks on a Markdown letter, without a database.

use super::read_text;
use crate::{Failure, Outcome};
use candor_core::checks::Level;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Args)]
pub struct CheckArgs {
    file: PathBuf,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// A house style guide (TOML) to check with as well
    #[arg(long, value_name = "HOUSE.toml")]
    style: Option<PathBuf>,
}

impl CheckArgs {
    pub fn run(self) -> Result<Outcome, Failure> {
        let style = match &self.style {
            Some(path) => Some((path.display().to_string(), read_text(Some(path))?)),
            None => None,
        };
        let letter = read_text(Some(&self.file))?;
        let findings = candor_operations::check_markdown(
            &letter,
            style.as_ref().map(|(p, t)| (p.as_str(), t.as_str())),
        )?;
        match self.format {
            CheckFormat::Json => println!("{}", super::to_json(&findings)?),
            CheckFormat::Text => {
                for f in &findings {
                    println!(
                        "{}:{}:{} {} {} {}",
                        self.file.display(),
                        f.line,
                        f.column,
                        f.level,
                        f.rule,
                        f.message
                    );
                }
            }
        }
        Ok(if findings.iter().any(|f| f.level == Level::Error) {
            Outcome::ProblemsFound
        } else {
            Outcome::Done
        })
    }
}
