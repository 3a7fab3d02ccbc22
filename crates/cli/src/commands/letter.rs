//! `candor letter set|show`.

use super::{read_text, section, to_json};
use crate::{Failure, Outcome};
use candor_core::View;
use candor_operations::Workspace;
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum LetterCommand {
    /// Set one text of one section from a file or standard input
    Set {
        id: i64,
        /// summary, details, wrong, better, right or thanks
        section: String,
        #[arg(long, value_enum)]
        view: ViewArg,
        /// Read the text from this file instead of standard input
        #[arg(long)]
        file: Option<PathBuf>,
        /// Save only if the stored text is still at this revision (from `letter show
        /// --format json`); otherwise change nothing and exit 2
        #[arg(long, value_name = "N")]
        if_revision: Option<i64>,
    },
    /// Print the letter
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t = ShowFormat::Markdown)]
        format: ShowFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ShowFormat {
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ViewArg {
    Customer,
    Technical,
}

impl From<ViewArg> for View {
    fn from(v: ViewArg) -> View {
        match v {
            ViewArg::Customer => View::Customer,
            ViewArg::Technical => View::Technical,
        }
    }
}

impl LetterCommand {
    pub fn run(self, workspace: &mut Workspace) -> Result<Outcome, Failure> {
        match self {
            LetterCommand::Set {
                id,
                section: typed,
                view,
                file,
                if_revision,
            } => {
                let key = section(&typed)?;
                let body = read_text(file.as_deref())?;
                workspace.save_section(id, key, view.into(), &body, if_revision)?;
            }
            LetterCommand::Show { id, format } => match format {
                ShowFormat::Json => println!("{}", to_json(&workspace.stored_incident(id)?)?),
                ShowFormat::Markdown => print!("{}", workspace.letter_markdown(id)?),
            },
        }
        Ok(Outcome::Done)
    }
}
