//! `candor`: Candor headless, for scripts and CI pipelines. Each command unpacks its
//! arguments, calls the same operation the window calls (`candor-operations`), and prints
//! the result; exit code 0 on success, 1 when a check finds an error-level finding or the
//! file is unsound, 2 on bad input with one line on stderr.

mod commands;

use candor_operations::{OperationError, Workspace};
use clap::{Parser, Subcommand};
use commands::{
    DbCommand, IncidentCommand, LetterCommand, LogCommand, PackageCommand, ReviewCommand,
};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "candor",
    version,
    about = "Draft, check and export the letter customers get after an outage"
)]
struct Cli {
    /// The database file (default: CANDOR_DB, else the app's database)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Who is acting, as the audit log records it (default: CANDOR_AS, else the profile
    /// chosen in the window, else the login name)
    #[arg(long = "as", global = true, value_name = "NAME")]
    acting_as: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a letter written as Markdown; exit code 1 when an error-level finding is open
    Check(commands::check::CheckArgs),
    /// Create and list incidents
    #[command(subcommand)]
    Incident(IncidentCommand),
    /// Write and read the letter of an incident
    #[command(subcommand)]
    Letter(LetterCommand),
    /// The versions of one section's text, and setting it back to one
    History(commands::history::HistoryArgs),
    /// What published letters promised customers, overdue first; settle one
    Promises(commands::promises::PromisesArgs),
    /// Import and list the incident log: what happened, as it happened
    #[command(subcommand)]
    Log(LogCommand),
    /// Approve, ask for changes, and see where a letter stands
    #[command(subcommand)]
    Review(ReviewCommand),
    /// Carry a letter between machines for review
    #[command(subcommand)]
    Package(PackageCommand),
    /// Look after the database file itself
    #[command(subcommand)]
    Db(DbCommand),
    /// Write the letter out: final when approved, otherwise marked DRAFT
    Export(commands::export::ExportArgs),
    /// Send the approved letter to a status page as the incident's postmortem (opt-in)
    Publish(commands::publish::PublishArgs),
    /// Check a final HTML letter against the .sig.json beside it: say who approved it,
    /// or exactly what does not match (exit 1)
    Verify(commands::export::VerifyArgs),
}

/// Why a command failed: its message is the one line printed on stderr.
#[derive(Debug)]
pub struct Failure(String);

impl From<OperationError> for Failure {
    fn from(e: OperationError) -> Self {
        if let Some(detail) = e.detail() {
            // The cause is for whoever reads logs with CANDOR_DEBUG; the user gets the sentence.
            if std::env::var_os("CANDOR_DEBUG").is_some() {
                eprintln!("candor: detail: {detail}");
            }
        }
        Failure(e.to_body().message)
    }
}

/// What a successful command says about its result.
pub enum Outcome {
    Done,
    /// An error-level finding, or a file that is not sound.
    ProblemsFound,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(Failure(message)) => {
            eprintln!("candor: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<Outcome, Failure> {
    let open = || -> Result<Workspace, Failure> {
        let path = candor_operations::database_path(cli.db.clone())?;
        Ok(Workspace::open(&path, cli.acting_as.clone())?)
    };
    match cli.command {
        // Checking a file needs no database.
        Command::Check(args) => args.run(),
        Command::Incident(c) => c.run(&mut open()?),
        Command::Letter(c) => c.run(&mut open()?),
        Command::Log(c) => c.run(&mut open()?),
        Command::History(args) => args.run(&mut open()?),
        Command::Promises(args) => args.run(&mut open()?),
        Command::Review(c) => c.run(&mut open()?),
        Command::Package(c) => c.run(&mut open()?),
        Command::Db(c) => c.run(&mut open()?),
        Command::Export(args) => args.run(&mut open()?),
        // Anyone sent a letter can check it; no database is needed.
        Command::Verify(args) => args.run(),
        Command::Publish(args) if !args.needs_database() => args.save_key(),
        Command::Publish(args) => args.run(&mut open()?),
    }
}
