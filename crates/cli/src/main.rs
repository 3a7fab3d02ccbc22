//! `candor`: Candor's core and store, headless, for scripts and CI pipelines. Each command
//! parses its arguments, calls the store or the core, and prints; exit code 0 on success,
//! 1 when a check finds an error-level finding, 2 on bad input with one line on stderr.

use candor_core::checks::{HouseStyle, Level, RuleSet, markdown_letter};
use candor_core::export::ExportFormat;
use candor_core::review::{ReviewStatus, Role, Verdict};
use candor_core::{
    ErrorBody, FactsError, IncidentFacts, LetterState, SectionKey, Severity, View, facts,
};
use candor_store::{Store, StoreError, local_profile_name, resolve_db_path};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Read;
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
    /// Who is acting, as the audit log records it (default: the local profile)
    #[arg(long = "as", global = true, value_name = "NAME")]
    acting_as: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a letter written as Markdown; exit code 1 when an error-level finding is open
    Check {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// A house style guide (TOML) to check with as well
        #[arg(long, value_name = "HOUSE.toml")]
        style: Option<PathBuf>,
    },
    /// Create and list incidents
    #[command(subcommand)]
    Incident(IncidentCommand),
    /// Write and read the letter of an incident
    #[command(subcommand)]
    Letter(LetterCommand),
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
    Export {
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
    },
}

#[derive(Args)]
struct VerdictArgs {
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
enum ReviewCommand {
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

#[derive(Subcommand)]
enum DbCommand {
    /// Check the file's integrity and the audit log's chain; exit 1 when either fails
    Check,
    /// Take a backup now and list the backups kept
    Backup,
}

#[derive(Subcommand)]
enum PackageCommand {
    /// Write the review package of an incident
    Export {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Merge a review package into this database
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum IncidentCommand {
    /// Create an incident and print its id
    New(Box<NewIncident>),
    /// List incidents, newest first
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Args)]
struct NewIncident {
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

#[derive(Subcommand)]
enum LetterCommand {
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
enum CheckFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ShowFormat {
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ViewArg {
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

/// Why a command failed: its message is the one line printed on stderr.
#[derive(Debug)]
struct Failure(String);

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        if let Some(detail) = e.detail() {
            // The cause is for whoever reads logs with CANDOR_DEBUG; the user gets the sentence.
            if std::env::var_os("CANDOR_DEBUG").is_some() {
                eprintln!("candor: detail: {detail}");
            }
        }
        Failure(e.to_body().message)
    }
}

impl From<FactsError> for Failure {
    fn from(e: FactsError) -> Self {
        Failure(ErrorBody::from(e).message)
    }
}

/// What a successful command says about its result.
enum Outcome {
    Done,
    /// `check` found at least one error-level finding.
    ErrorsFound,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ErrorsFound) => ExitCode::from(1),
        Err(Failure(message)) => {
            eprintln!("candor: {message}");
            ExitCode::from(2)
        }
    }
}

fn open_store(db: Option<PathBuf>) -> Result<Store, Failure> {
    Ok(Store::open(&resolve_db_path(db)?)?)
}

fn run(cli: Cli) -> Result<Outcome, Failure> {
    let actor = cli.acting_as.clone().unwrap_or_else(local_profile_name);
    match cli.command {
        Command::Check {
            file,
            format,
            style,
        } => return check(&file, format, style.as_deref()),
        Command::Incident(IncidentCommand::New(args)) => {
            let incident = new_incident_facts(*args)?;
            let mut store = open_store(cli.db)?;
            let id = store.create_incident(incident, &actor)?;
            println!("{id}");
        }
        Command::Incident(IncidentCommand::List { format }) => {
            let store = open_store(cli.db)?;
            let incidents = store.list_incidents()?;
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
        Command::Letter(LetterCommand::Set {
            id,
            section,
            view,
            file,
            if_revision,
        }) => {
            let section: SectionKey = section
                .parse()
                .map_err(|e: candor_core::section::UnknownSection| Failure(e.to_string()))?;
            let body = read_text(file)?;
            let mut store = open_store(cli.db)?;
            store.save_section_based_on(id, section, view.into(), &body, &actor, if_revision)?;
            // An edit can move an approved letter back to review; the audit log records it.
            review_status(&mut store, id, &actor)?;
        }
        Command::Letter(LetterCommand::Show { id, format }) => {
            let store = open_store(cli.db)?;
            let incident = store.incident(id)?;
            match format {
                ShowFormat::Json => println!("{}", to_json(&incident)?),
                ShowFormat::Markdown => print!(
                    "{}",
                    incident.letter.customer_markdown(&incident.facts.title)
                ),
            }
        }
        Command::Review(ReviewCommand::Approve(args)) => {
            verdict(cli.db, &actor, args, Verdict::Approve)?
        }
        Command::Review(ReviewCommand::RequestChanges(args)) => {
            verdict(cli.db, &actor, args, Verdict::RequestChanges)?
        }
        Command::Review(ReviewCommand::Status { id, format }) => {
            let mut store = open_store(cli.db)?;
            let status = review_status(&mut store, id, &actor)?;
            match format {
                ListFormat::Json => println!("{}", to_json(&status)?),
                ListFormat::Text => print_status(&status),
            }
        }
        Command::Export {
            id,
            format,
            out,
            company,
        } => {
            let format: ExportFormat = format.parse().map_err(Failure)?;
            let mut store = open_store(cli.db)?;
            if let Some(company) = company {
                store.set_setting(candor_store::COMPANY_SETTING, company.trim())?;
            }
            let rules =
                RuleSet::with_house(&store.house_style()?).map_err(|e| Failure(e.to_string()))?;
            let exported = store.export(id, format, &rules, &actor)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, &exported.content).map_err(|e| {
                        Failure(format!(
                            "cannot write {}: {}",
                            path.display(),
                            io_reason(&e)
                        ))
                    })?;
                    if !exported.is_final && !format.is_technical() {
                        eprintln!(
                            "candor: exported a DRAFT: {}",
                            exported.draft_reasons.join("; ")
                        );
                    }
                }
                None => print!("{}", exported.content),
            }
        }
        Command::Db(DbCommand::Check) => {
            let store = open_store(cli.db)?;
            let problems = store.integrity_problems()?;
            for p in &problems {
                println!("integrity: {p}");
            }
            if let Some(warning) = store.audit_warning() {
                println!("audit: {warning}");
            }
            if problems.is_empty() && store.audit_warning().is_none() {
                println!("ok");
            } else {
                return Ok(Outcome::ErrorsFound);
            }
        }
        Command::Db(DbCommand::Backup) => {
            let store = open_store(cli.db)?;
            store.back_up("manual")?;
            for b in candor_store::backups(store.path()) {
                println!("{}\t{} bytes", b.path.display(), b.bytes);
            }
        }
        Command::Package(PackageCommand::Export { id, out }) => {
            let mut store = open_store(cli.db)?;
            let text = store.export_package(id, &actor)?;
            std::fs::write(&out, text).map_err(|e| {
                Failure(format!("cannot write {}: {}", out.display(), io_reason(&e)))
            })?;
        }
        Command::Package(PackageCommand::Import { file }) => {
            let text = read_text(Some(file))?;
            let mut store = open_store(cli.db)?;
            let outcome = store.import_package(&text, &actor)?;
            review_status(&mut store, outcome.incident_id, &actor)?;
            println!(
                "incident {}: {}{} verdicts and {} comments added",
                outcome.incident_id,
                if outcome.created {
                    "created; "
                } else if outcome.letter_updated {
                    "letter updated; "
                } else {
                    ""
                },
                outcome.approvals_added,
                outcome.comments_added
            );
        }
    }
    Ok(Outcome::Done)
}

fn review_status(store: &mut Store, id: i64, actor: &str) -> Result<ReviewStatus, Failure> {
    let rules = RuleSet::with_house(&store.house_style()?).map_err(|e| Failure(e.to_string()))?;
    Ok(store.review_status(id, &rules, actor)?)
}

fn verdict(
    db: Option<PathBuf>,
    actor: &str,
    args: VerdictArgs,
    verdict: Verdict,
) -> Result<(), Failure> {
    let role: Role = args.role.parse().map_err(Failure)?;
    let section = args
        .section
        .as_deref()
        .map(|s| s.parse::<SectionKey>())
        .transpose()
        .map_err(|e| Failure(e.to_string()))?;
    let mut store = open_store(db)?;
    store.record_verdict(args.id, section, actor, role, verdict, &args.comment)?;
    let status = review_status(&mut store, args.id, actor)?;
    println!("{}", state_name(status.state));
    Ok(())
}

fn state_name(state: LetterState) -> &'static str {
    match state {
        LetterState::Draft => "draft",
        LetterState::InReview => "in review",
        LetterState::Approved => "approved",
        LetterState::Published => "published",
    }
}

fn print_status(status: &ReviewStatus) {
    println!("state: {}", state_name(status.state));
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
        println!("{} ({}) {verdict} {place}{stale}", a.reviewer, a.role);
    }
    for b in &status.blockers {
        println!("blocked: {b}");
    }
}

fn check(
    file: &std::path::Path,
    format: CheckFormat,
    style: Option<&std::path::Path>,
) -> Result<Outcome, Failure> {
    let rules = match style {
        None => RuleSet::builtin(),
        Some(path) => {
            let text = read_text(Some(path.to_path_buf()))?;
            let house = HouseStyle::from_toml(&text)
                .map_err(|e| Failure(format!("{}:{}: {}", path.display(), e.line, e.reason)))?;
            RuleSet::with_house(&house)
        }
    }
    .map_err(|e| Failure(e.to_string()))?;
    let text = read_text(Some(file.to_path_buf()))?;
    let findings = markdown_letter::check(&rules, &text, &[]);
    match format {
        CheckFormat::Json => println!("{}", to_json(&findings)?),
        CheckFormat::Text => {
            for f in &findings {
                println!(
                    "{}:{}:{} {} {} {}",
                    file.display(),
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
        Outcome::ErrorsFound
    } else {
        Outcome::Done
    })
}

fn new_incident_facts(args: NewIncident) -> Result<IncidentFacts, Failure> {
    let zone = facts::parse_zone(&args.zone)?;
    let time = |field, value: Option<String>| {
        facts::parse_time(field, value.as_deref().unwrap_or(""), zone)
    };
    let incident = IncidentFacts {
        started: time("started", args.started)?,
        detected: time("detected", args.detected)?,
        mitigated: time("mitigated", args.mitigated)?,
        resolved: time("resolved", args.resolved)?,
        service: args.service,
        severity: args.severity.parse::<Severity>()?,
        zone: zone.name().to_string(),
        affected_share: args.affected_share,
        affected_count: args.affected_count,
        regions: args.regions,
        ..IncidentFacts::titled(args.title)
    };
    Ok(incident.validated()?)
}

/// The text of a section, from a file or standard input; it must be UTF-8.
fn read_text(file: Option<PathBuf>) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    match &file {
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| {
                Failure(format!("cannot read {}: {}", path.display(), io_reason(&e)))
            })?;
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure(format!("cannot read standard input: {}", io_reason(&e))))?;
        }
    }
    let source = file
        .as_ref()
        .map_or("standard input".to_string(), |p| p.display().to_string());
    String::from_utf8(bytes).map_err(|_| {
        Failure(format!(
            "{source} is not UTF-8 text; save it as UTF-8 and try again"
        ))
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure(format!("cannot write JSON: {e}")))
}
