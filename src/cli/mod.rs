//! The command line: each subcommand a thin call into the library.
//! Exit codes: 0 ok; 1 invalid input (message on stderr); 2 usage.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use leidraad_core::dossier::{Dossier, Round};
use leidraad_core::interchange;
use leidraad_core::rubric::{Rubric, Scale};
use leidraad_core::scoring::{self, Status};
use leidraad_core::session::{Access, Session};
use leidraad_core::store;

#[derive(Debug, Parser)]
#[command(
    name = "leidraad",
    version,
    about = "Score the plans of the proeftuinen (tweede tranche) against the leidraad",
    long_about = "Score the plans of the proeftuinen (tweede tranche) against the leidraad.\n\nWithout a subcommand, the window opens; with the path of a dossier (FILE), the window opens on it.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A dossier to open in the window (as `open FILE`; a double click on a
    /// .leidraad file starts the program this way).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Whether `leidraad FILE` can open the window on `file`: it must be a
/// file. Otherwise the message for the terminal (a mistyped subcommand
/// lands here too, and is named).
pub fn file_to_open(file: &Path) -> Result<(), String> {
    if file.is_file() {
        return Ok(());
    }
    let what = if file.is_dir() {
        "is a folder, not a dossier".to_string()
    } else {
        match file.to_str().and_then(similar_command) {
            Some(command) => format!("no such file, and no command (did you mean `{command}`?)"),
            None => "no such file".to_string(),
        }
    };
    Err(format!(
        "leidraad: {}: {what}\n\
         Give the path of a dossier (.leidraad or .ron) to open it in the window, \
         or a command: see `leidraad --help`.",
        file.display()
    ))
}

/// A clearer message than clap's for a usage error whose first argument is
/// neither a command nor an option (`leidraad rnak x.leidraad`: clap takes
/// `rnak` for the FILE of `leidraad FILE`).
pub fn not_a_command(mut args: impl Iterator<Item = std::ffi::OsString>) -> Option<String> {
    let first = args.nth(1)?;
    let first = first.to_str()?;
    if first.starts_with('-') || command_names().any(|name| name == first) {
        return None;
    }
    let hint = similar_command(first)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default();
    Some(format!(
        "leidraad: `{first}` is not a command{hint}.\n\
         To open a dossier in the window give only its path (leidraad FILE); \
         the commands: see `leidraad --help`."
    ))
}

fn command_names() -> impl Iterator<Item = String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect::<Vec<_>>()
        .into_iter()
}

/// The command `word` was probably meant to be, if any (a word without a
/// folder or extension, close to a command's name).
fn similar_command(word: &str) -> Option<String> {
    if word.contains(['.', '/', '\\']) {
        return None;
    }
    command_names()
        .map(|name| (strsim::jaro(&name, word), name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// The user's login name, for the audit log: `USERNAME` on Windows,
/// `USER` elsewhere (each falls back to the other).
pub(crate) fn login_name() -> Option<String> {
    login_name_in(cfg!(windows), |name| std::env::var(name).ok())
}

fn login_name_in(windows: bool, var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let names = if windows {
        ["USERNAME", "USER"]
    } else {
        ["USER", "USERNAME"]
    };
    names
        .into_iter()
        .filter_map(var)
        .find(|v| !v.trim().is_empty())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record a decision of the panel (tie-break, award-count, allocation,
    /// threshold-waiver, revoke), with who and why.
    Decide {
        dossier: PathBuf,
        /// The rubric the dossier was scored against (default: the built-in leidraad).
        #[arg(long)]
        rubric: Option<PathBuf>,
        #[command(subcommand)]
        decision: decide::Decision,
    },
    /// List the recorded decisions and whether each is current, stale or
    /// revoked (formats.md section 3).
    Decisions {
        dossier: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Propose a division of the budget over the awarded applications of
    /// round 2 (printed, never recorded; formats.md section 4). `points`
    /// divides in proportion to the final round-2 total.
    Allocate {
        dossier: PathBuf,
        #[arg(long, value_enum)]
        rule: decide::RuleArg,
        /// With `--rule scale`: which figure of the proeftuin's scale.
        #[arg(long, value_enum, default_value_t = decide::FigureArg::YoungPeople)]
        figure: decide::FigureArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Open a dossier in the window.
    Open { dossier: PathBuf },
    /// Validate a rubric file and summarise it.
    CheckRubric { file: PathBuf },
    /// Validate a dossier and list what is incomplete per application.
    Check {
        dossier: PathBuf,
        /// The rubric the dossier was scored against (default: the built-in leidraad).
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Import scores from CSV (application,region,assessor,round,criterion,value,motivation).
    #[command(group(clap::ArgGroup::new("target").required(true).args(["out", "into"])))]
    ImportCsv {
        /// The rubric: for --out, the new dossier's; for --into, the one the
        /// dossier names (default: the built-in leidraad).
        #[arg(long)]
        rubric: Option<PathBuf>,
        /// The new dossier to create; refuses to replace an existing file.
        #[arg(long)]
        out: Option<PathBuf>,
        /// An existing dossier to add the scores to.
        #[arg(long)]
        into: Option<PathBuf>,
        /// The CSV file with scores.
        scores: PathBuf,
    },
    /// Rank the applications of a round.
    Rank {
        dossier: PathBuf,
        #[arg(long, default_value = "1", value_parser = parse_round)]
        round: Round,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Write the PDF score sheets (one per submitted assessment and per
    /// consensus) and the ranking report of every round into a folder.
    Export {
        dossier: PathBuf,
        /// The folder to write the PDFs to (created when missing).
        #[arg(long)]
        out: PathBuf,
        /// Only this round.
        #[arg(long, value_parser = parse_round)]
        round: Option<Round>,
        /// Only the sheets of this application (no ranking report).
        #[arg(long)]
        application: Option<String>,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Self-check of a draft plan, for applicants: print the result of a
    /// self-check file (without FILE: a blank self-check file to fill in).
    Zelftoets {
        /// The self-check file (RON); made in the window or from the blank one.
        file: Option<PathBuf>,
        /// Also write the result as PDF to this file.
        #[arg(long, requires = "file")]
        pdf: Option<PathBuf>,
        /// Hold the deadline against this date (YYYY-MM-DD) instead of the
        /// file's date or today.
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
        /// The draft plan (PDF, DOCX, ODT or text): the passages per
        /// knock-out are shown (instead of a plan kept in the file).
        #[arg(long, requires = "file")]
        plan: Option<PathBuf>,
        /// Print a complete self-check file to fill in with a text editor:
        /// every field, every knock-out and criterion with the values it
        /// allows (docs/selfcheck-format.md).
        #[arg(long, conflicts_with_all = ["file", "pdf", "plan"])]
        template: bool,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Write one assessor's package: a dossier with that assessor's
    /// applications and own work only, to score offline.
    Package {
        dossier: PathBuf,
        #[arg(long)]
        assessor: String,
        #[arg(long, default_value = "1", value_parser = parse_round)]
        round: Round,
        /// Only these applications (comma-separated ids; default: all).
        #[arg(long, value_delimiter = ',')]
        applications: Vec<String>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Import an assessor's result file (a scored package) into the dossier.
    ImportResult {
        dossier: PathBuf,
        result: PathBuf,
        /// Who imports, for the audit log (default: the login name).
        #[arg(long)]
        by: Option<String>,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Print the audit log: every change, oldest first (tab-separated).
    History {
        dossier: PathBuf,
        /// Only this application's history.
        #[arg(long)]
        application: Option<String>,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Check the audit log: its chain, that the data is what it accounts
    /// for, and (with --head) that it still holds a head printed earlier on
    /// a sheet ("logboek N:HASH").
    Verify {
        dossier: PathBuf,
        /// A head printed on a sheet, as N:HASH (the hash may be shortened).
        #[arg(long, value_parser = parse_head)]
        head: Option<(usize, String)>,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// List where the assessors disagree, worst first.
    Disagreements {
        dossier: PathBuf,
        #[arg(long, default_value = "1", value_parser = parse_round)]
        round: Round,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Withdraw an assessor's submitted assessment (a reason is required
    /// and logged); refused once the panel has recorded consensus on the
    /// application in that round.
    Withdraw {
        dossier: PathBuf,
        #[arg(long)]
        application: String,
        #[arg(long, value_parser = parse_round)]
        round: Round,
        #[arg(long)]
        assessor: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Write a spreadsheet (.xlsx for Excel, .ods for LibreOffice Calc): per
    /// round the ranking and the scores per assessor, then every score in
    /// the long format, the recorded decisions and the criteria.
    ExportSheet {
        dossier: PathBuf,
        /// The workbook to write; its extension (.xlsx or .ods) decides the
        /// format. An existing file is replaced.
        #[arg(long)]
        out: PathBuf,
        /// Only this round (default: every round with data).
        #[arg(long, value_parser = parse_round)]
        round: Option<Round>,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Write every submitted score and consensus value as CSV (long format) to stdout.
    ExportCsv {
        dossier: PathBuf,
        #[arg(long, value_parser = parse_round)]
        round: Option<Round>,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Find the passages of a plan (PDF, DOCX, ODT or text) that speak to a
    /// knock-out or criterion, best first. It finds passages; it does not
    /// judge them.
    Passages {
        document: PathBuf,
        /// The knock-out or criterion (KO1..KO8, C1..C11).
        #[arg(long)]
        criterion: String,
        /// At most this many passages.
        #[arg(long, default_value_t = 5)]
        top: usize,
        #[arg(long, value_enum, default_value_t = PassageFormat::Text)]
        format: PassageFormat,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// List the programme staff of a dossier (who sees every total and
    /// status in the window), or add and remove names; each change is
    /// logged. Only staff may change the list, or anyone who is not an
    /// assessor while it is empty.
    Staff {
        dossier: PathBuf,
        /// A name to put on the list (may be given more than once).
        #[arg(long)]
        add: Vec<String>,
        /// A name to take off the list (may be given more than once).
        #[arg(long)]
        remove: Vec<String>,
        /// Who makes the change, for the audit log (default: the login name).
        #[arg(long)]
        by: Option<String>,
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Keep documents (PDF, DOCX, ODT or text) with an application: their
    /// name, kind, SHA-256 and text per page, so that a package carries them.
    Attach {
        dossier: PathBuf,
        #[arg(long)]
        application: String,
        #[arg(long, value_enum, default_value_t = KindArg::Plan)]
        kind: KindArg,
        /// Who attaches, for the audit log (default: the login name).
        #[arg(long)]
        by: Option<String>,
        #[arg(long)]
        rubric: Option<PathBuf>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn parse_round(s: &str) -> Result<Round, String> {
    s.parse()
}

/// A failure of a subcommand: the message goes to stderr, the exit code is 1.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Decide {
            dossier,
            rubric,
            decision,
        } => decide::decide(&dossier, decision, rubric.as_deref()),
        Command::Decisions {
            dossier,
            format,
            rubric,
        } => decide::decisions(&dossier, format, rubric.as_deref()),
        Command::Allocate {
            dossier,
            rule,
            figure,
            format,
            rubric,
        } => decide::allocate(&dossier, rule, figure, format, rubric.as_deref()),
        Command::Open { .. } => unreachable!("main starts the window for `open`"),
        Command::CheckRubric { file } => check_rubric(&file),
        Command::Check { dossier, rubric } => check(&dossier, rubric.as_deref()),
        Command::ImportCsv {
            rubric,
            out,
            into,
            scores,
        } => import_csv(rubric.as_deref(), out.as_deref(), into.as_deref(), &scores),
        Command::Rank {
            dossier,
            round,
            format,
            rubric,
        } => rank(&dossier, round, format, rubric.as_deref()),
        Command::Package {
            dossier,
            assessor,
            round,
            applications,
            out,
            rubric,
        } => package(
            &dossier,
            &assessor,
            round,
            &applications,
            &out,
            rubric.as_deref(),
        ),
        Command::ImportResult {
            dossier,
            result,
            by,
            rubric,
        } => import_result(&dossier, &result, by, rubric.as_deref()),
        Command::History {
            dossier,
            application,
            rubric,
        } => history(&dossier, application.as_deref(), rubric.as_deref()),
        Command::Verify {
            dossier,
            head,
            rubric,
        } => verify(&dossier, head.as_ref(), rubric.as_deref()),
        Command::Disagreements {
            dossier,
            round,
            rubric,
        } => disagreements(&dossier, round, rubric.as_deref()),
        Command::Withdraw {
            dossier,
            application,
            round,
            assessor,
            reason,
            rubric,
        } => withdraw(
            &dossier,
            &application,
            round,
            &assessor,
            &reason,
            rubric.as_deref(),
        ),
        Command::ExportCsv {
            dossier,
            round,
            rubric,
        } => export_csv(&dossier, round, rubric.as_deref()),
        Command::ExportSheet {
            dossier,
            out,
            round,
            rubric,
        } => export_sheet(&dossier, &out, round, rubric.as_deref()),
        Command::Export {
            dossier,
            out,
            round,
            application,
            rubric,
        } => export_pdf(&dossier, &out, round, application, rubric.as_deref()),
        Command::Zelftoets {
            template: true,
            rubric,
            ..
        } => export::zelftoets_template(rubric.as_deref()),
        Command::Zelftoets {
            file,
            pdf,
            date,
            plan,
            rubric,
            template: false,
        } => zelftoets(
            file.as_deref(),
            pdf.as_deref(),
            date,
            plan.as_deref(),
            rubric.as_deref(),
        ),
        Command::Passages {
            document,
            criterion,
            top,
            format,
            rubric,
        } => passages(&document, &criterion, top, format, rubric.as_deref()),
        Command::Attach {
            dossier,
            application,
            kind,
            by,
            rubric,
            files,
        } => attach(&dossier, &application, kind, &files, by, rubric.as_deref()),
        Command::Staff {
            dossier,
            add,
            remove,
            by,
            rubric,
        } => staff(&dossier, &add, &remove, by, rubric.as_deref()),
    };
    finish(result)
}

/// Print a command's output (a closed pipe is no error) or its failure,
/// and give the exit code.
fn finish(result: Result<String, Failure>) -> ExitCode {
    match result {
        Ok(text) => {
            // A closed pipe (`leidraad rank ... | head`) is not an error.
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("leidraad: could not write the output: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(Failure(message)) => {
            eprintln!("leidraad: {message}");
            ExitCode::from(1)
        }
    }
}

/// Read a dossier (only read: the commands that change one open a
/// [`Session`]) against the rubric file given, or the built-in leidraad.
pub fn open(
    dossier: &Path,
    rubric: Option<&Path>,
) -> Result<(Rubric, Dossier), leidraad_core::error::LoadError> {
    leidraad_core::session::read(dossier, rubric)
}

/// [`open`] for a command: a dossier of another rubric says how to give it.
fn read_dossier(path: &Path, rubric: Option<&Path>) -> Result<(Rubric, Dossier), Failure> {
    open(path, rubric).map_err(|e| Failure(explain(&e)))
}

/// Open a dossier to change it, through the same door as the window: the
/// lock first (refused while a window or another command has it open),
/// then the file.
fn open_for_writing(path: &Path, rubric: Option<&Path>) -> Result<Session, Failure> {
    Session::open(path, rubric, Access::Write).map_err(|e| match e {
        leidraad_core::session::OpenError::Load(load) => Failure(explain(&load)),
        other => Failure(other.to_string()),
    })
}

/// What the command line adds to an error: how to give the right rubric.
fn explain(e: &leidraad_core::error::LoadError) -> String {
    match e {
        leidraad_core::error::LoadError::OtherRubric(_) => {
            format!("{e}; give that rubric with --rubric FILE")
        }
        other => other.to_string(),
    }
}

mod attach;
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_name_is_usernames_on_windows_and_users_elsewhere() {
        let both = |name: &str| match name {
            "USER" => Some("jdevries".to_string()),
            "USERNAME" => Some("J.deVries".to_string()),
            _ => None,
        };
        assert_eq!(login_name_in(true, both).as_deref(), Some("J.deVries"));
        assert_eq!(login_name_in(false, both).as_deref(), Some("jdevries"));
        let only_username = |name: &str| (name == "USERNAME").then(|| "kim".to_string());
        assert_eq!(login_name_in(false, only_username).as_deref(), Some("kim"));
        let blank = |_: &str| Some("  ".to_string());
        assert_eq!(login_name_in(true, blank), None);
    }

    #[test]
    fn a_mistyped_command_is_named_and_a_real_one_left_to_clap() {
        let args = |a: &[&str]| {
            std::iter::once("leidraad")
                .chain(a.iter().copied())
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
                .into_iter()
        };
        let message = not_a_command(args(&["rnak", "x.leidraad"])).unwrap();
        assert!(
            message.contains("`rnak` is not a command (did you mean `rank`?)"),
            "{message}"
        );
        assert_eq!(not_a_command(args(&["rank"])), None);
        assert_eq!(not_a_command(args(&["--bogus"])), None);
        assert_eq!(not_a_command(args(&[])), None);
        assert_eq!(similar_command("import-cvs").as_deref(), Some("import-csv"));
        assert_eq!(similar_command("dossier.leidraad"), None);
    }
}

mod check;
mod decide;
mod export;
mod panel;
mod passages;
mod scores;
mod sheet;
mod staff;
mod withdraw;

use attach::{KindArg, attach};
use check::{check, check_rubric, history, parse_head, verify};
use export::{export_pdf, zelftoets};
use panel::{import_result, package};
use passages::{PassageFormat, passages};
use scores::{disagreements, export_csv, import_csv, rank};
use sheet::export_sheet;
use staff::staff;
use withdraw::withdraw;
