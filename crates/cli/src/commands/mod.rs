//! One module per command group: its arguments, and how its result is printed.

pub mod check;
pub mod db;
pub mod export;
pub mod history;
pub mod incident;
pub mod letter;
pub mod log;
pub mod promises;
pub mod publish;
pub mod review;

pub use db::{DbCommand, PackageCommand};
pub use incident::IncidentCommand;
pub use letter::LetterCommand;
pub use log::LogCommand;
pub use review::ReviewCommand;

use crate::Failure;
use clap::ValueEnum;
use std::io::Read;
use std::path::Path;

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure(format!("cannot write JSON: {e}")))
}

/// The text of a file, or of standard input when there is none; it must be UTF-8.
pub fn read_text(file: Option<&Path>) -> Result<String, Failure> {
    if let Some(path) = file {
        return Ok(candor_operations::read_text_file(path)?);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
    String::from_utf8(bytes).map_err(|_| {
        Failure("standard input is not UTF-8 text; save it as UTF-8 and try again".into())
    })
}

/// A section named by its key or title, as typed.
pub fn section(typed: &str) -> Result<candor_core::SectionKey, Failure> {
    typed
        .parse()
        .map_err(|e: candor_core::section::UnknownSection| Failure(e.to_string()))
}
