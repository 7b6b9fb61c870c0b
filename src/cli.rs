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
    long_about = "Score the plans of the proeftuinen (tweede tranche) against the leidraad.\n\nWithout a subcommand, the window opens."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Write every submitted score and consensus value as CSV (long format) to stdout.
    ExportCsv {
        dossier: PathBuf,
        #[arg(long, value_parser = parse_round)]
        round: Option<Round>,
        #[arg(long)]
        rubric: Option<PathBuf>,
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
        Command::ExportCsv {
            dossier,
            round,
            rubric,
        } => export_csv(&dossier, round, rubric.as_deref()),
        Command::Export {
            dossier,
            out,
            round,
            application,
            rubric,
        } => export_pdf(&dossier, &out, round, application, rubric.as_deref()),
        Command::Zelftoets {
            file,
            pdf,
            date,
            rubric,
        } => zelftoets(file.as_deref(), pdf.as_deref(), date, rubric.as_deref()),
    };
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

fn check_rubric(file: &Path) -> Result<String, Failure> {
    let mut out = String::new();
    let rubric = Rubric::load(file)?;
    writeln!(
        out,
        "{} ({}), {}",
        rubric.title, rubric.version, rubric.publisher
    )?;
    writeln!(out, "hash {}", rubric.hash())?;
    writeln!(out, "\nKnock-out criteria ({}):", rubric.knockouts.len())?;
    for ko in &rubric.knockouts {
        writeln!(out, "  {:<4} {}", ko.id, ko.name)?;
    }
    writeln!(out, "\nWeighted criteria ({}):", rubric.criteria().count())?;
    for g in &rubric.groups {
        let cap: u32 = g.criteria.iter().map(|c| c.cap).sum();
        writeln!(out, "  {} (max {cap})", g.name)?;
        for c in &g.criteria {
            let scale = match &c.scale {
                Scale::YesNo { yes, no } => format!("ja = {yes}, nee = {no}"),
                Scale::Range {
                    min,
                    max,
                    not_addressed,
                    ..
                } => format!("{min}..{max}{}", if *not_addressed { " or nb" } else { "" }),
                Scale::Items { items, max_each } => {
                    format!("{} items x 0..{max_each}", items.len())
                }
                Scale::Points { max, .. } => format!("0..{max}"),
            };
            writeln!(
                out,
                "    {:<4} max {:>2}  {:<16} {}",
                c.id, c.cap, scale, c.name
            )?;
        }
    }
    writeln!(out, "\nTotal {} points", rubric.total)?;
    let p = &rubric.process;
    writeln!(
        out,
        "Interview threshold {} (inclusive); award count {}; award minimum {}; budget EUR {}; deadline {}; spending {}-{}",
        p.interview_threshold,
        p.award_count,
        p.award_minimum,
        p.budget_eur,
        p.deadline,
        p.spending_years.0,
        p.spending_years.1
    )?;
    Ok(out)
}

fn check(path: &Path, rubric: Option<&Path>) -> Result<String, Failure> {
    let mut out = String::new();
    let (rubric, dossier) = read_dossier(path, rubric)?;
    writeln!(
        out,
        "{}: valid; {} applications, {} assessors, {} assessments, {} consensus records, {} decisions",
        path.display(),
        dossier.applications.len(),
        dossier.assessors.len(),
        dossier.assessments.len(),
        dossier.consensus.len(),
        dossier.decisions.len()
    )?;
    for round in Round::ALL {
        let eval = scoring::evaluate(&rubric, &dossier, round);
        let scored = dossier.assessments.iter().any(|a| a.round == round)
            || dossier.consensus.iter().any(|c| c.round == round);
        if !scored {
            continue;
        }
        let mut heading = Some(format!("\nRound {round}:"));
        for a in &eval.applications {
            if a.status == Status::NotInvited {
                let stray = dossier.assessments_for(&a.id, round).count();
                if stray > 0 {
                    if let Some(h) = heading.take() {
                        writeln!(out, "{h}")?;
                    }
                    writeln!(
                        out,
                        "  {} ({}): {stray} round-2 assessment(s), but round 1 did not invite it; they do not count",
                        a.id, a.region
                    )?;
                }
                continue;
            }
            let drafts = dossier
                .assessments_for(&a.id, round)
                .filter(|x| !x.is_submitted())
                .count();
            if a.missing.is_empty() && drafts == 0 {
                continue;
            }
            if let Some(h) = heading.take() {
                writeln!(out, "{h}")?;
            }
            writeln!(out, "  {} ({}): {}", a.id, a.region, a.status.code())?;
            for m in &a.missing {
                writeln!(out, "    - {m}")?;
            }
            if drafts > 0 {
                writeln!(out, "    - {drafts} assessment(s) not yet submitted")?;
            }
        }
    }
    let settled: Vec<usize> = scoring::evaluate(&rubric, &dossier, Round::Two)
        .ties
        .iter()
        .filter_map(|t| t.decision)
        .collect();
    for (n, d) in dossier.decisions.iter().enumerate() {
        if matches!(
            d.kind,
            leidraad_core::dossier::DecisionKind::TieBreak { .. }
        ) && !settled.contains(&n)
        {
            writeln!(
                out,
                "\nDecision {} (round {}) does not match the current tie at the award line; it has no effect",
                n + 1,
                d.round
            )?;
        }
    }
    if out.lines().count() == 1 {
        writeln!(out, "Nothing is incomplete.")?;
    }
    Ok(out)
}

fn import_csv(
    rubric: Option<&Path>,
    new: Option<&Path>,
    into: Option<&Path>,
    scores: &Path,
) -> Result<String, Failure> {
    let mut out = String::new();
    let text = store::read_text(scores)?;
    let name = scores.display().to_string();
    let now = leidraad_core::dossier::now();
    let mut session = match (new, into) {
        (Some(new), None) => {
            if new.exists() {
                return Err(Failure(format!(
                    "{} exists already; use --into to add to it",
                    new.display()
                )));
            }
            let rubric = match rubric {
                Some(p) => Rubric::load(p)?,
                None => Rubric::builtin(),
            };
            let title = new
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let dossier = Dossier::new(&title, &rubric);
            Session::create(new, rubric, dossier)?
        }
        (None, Some(into)) => open_for_writing(into, rubric)?,
        _ => unreachable!("clap requires exactly one of --out and --into"),
    };
    let summary = session.edit(|rubric, dossier| {
        interchange::csv::import(rubric, dossier, &text, &name, now).map_err(Failure::from)
    })?;
    session.save()?;
    writeln!(
        out,
        "{}: imported {} rows ({} new applications, {} new assessors, {} new assessments)",
        session.path().unwrap_or(Path::new("")).display(),
        summary.rows,
        summary.applications,
        summary.assessors,
        summary.assessments
    )?;
    Ok(out)
}

fn rank(
    path: &Path,
    round: Round,
    format: Format,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let mut out = String::new();
    let (rubric, dossier) = read_dossier(path, rubric)?;
    let eval = scoring::evaluate(&rubric, &dossier, round);
    let text = match format {
        Format::Json => interchange::ranking::to_json(&rubric, &eval) + "\n",
        Format::Csv => interchange::ranking::to_csv(&eval),
        Format::Text => interchange::ranking::to_text(&rubric, &eval),
    };
    out.push_str(&text);
    Ok(out)
}

fn package(
    path: &Path,
    assessor: &str,
    round: Round,
    applications: &[String],
    out: &Path,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    // Issuing a package is recorded in the dossier: it is opened to change.
    let mut session = open_for_writing(path, rubric)?;
    if out.exists() {
        return Err(Failure(format!(
            "{} exists already; choose a new file",
            out.display()
        )));
    }
    let assigned: Option<std::collections::BTreeSet<leidraad_core::dossier::ApplicationId>> =
        (!applications.is_empty()).then(|| {
            applications
                .iter()
                .map(|a| leidraad_core::dossier::ApplicationId(a.trim().to_string()))
                .collect()
        });
    let p = session.edit(|rubric, dossier| {
        leidraad_core::panel::issue_package(
            rubric,
            dossier,
            assessor,
            round,
            assigned.as_ref(),
            leidraad_core::dossier::now(),
        )
    })?;
    // The dossier first: a package whose issue is not recorded would be
    // refused on its way back.
    session.save()?;
    store::write_atomic(out, store::to_ron(&p).as_bytes(), false)?;
    Ok(format!(
        "{}: package for {assessor}, round {round}: {} applications\n",
        out.display(),
        p.applications.len()
    ))
}

/// `N:HASH`, as the sheets print the head of the log.
fn parse_head(s: &str) -> Result<(usize, String), String> {
    let (n, hash) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?}: give the head as N:HASH, as printed on a sheet"))?;
    let n = n
        .trim()
        .parse()
        .map_err(|_| format!("{n:?}: the number of entries must be a whole number"))?;
    let hash = hash.trim().to_ascii_lowercase();
    if hash.len() < 8 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "{hash:?}: the hash is at least 8 hexadecimal characters"
        ));
    }
    Ok((n, hash))
}

/// The log's chain and what it accounts for are checked by loading; this
/// prints the head, and holds the log to a head printed earlier.
fn verify(
    path: &Path,
    head: Option<&(usize, String)>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let (_, dossier) = read_dossier(path, rubric)?;
    let (count, hash) = leidraad_core::audit::head(&dossier);
    let mut out = format!(
        "{}: the audit log's chain holds and the data is what it accounts for\nhead {count}:{}\n",
        path.display(),
        leidraad_core::rubric::short_hash(hash)
    );
    if let Some((n, h)) = head {
        if !leidraad_core::audit::holds_head(&dossier, *n, h) {
            return Err(Failure(format!(
                "{}: the audit log does NOT hold the head {n}:{h}: entries were removed or the log was rewritten since that head was printed",
                path.display()
            )));
        }
        writeln!(out, "the log still holds the head {n}:{h}")?;
    }
    Ok(out)
}

fn history(
    path: &Path,
    application: Option<&str>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let (_, dossier) = read_dossier(path, rubric)?;
    let app = application.map(leidraad_core::dossier::ApplicationId::from);
    if let Some(id) = &app
        && dossier.application(id).is_none()
    {
        return Err(Failure(format!("{}: no application {id}", path.display())));
    }
    let mut out = String::new();
    writeln!(
        out,
        "at\tby\tapplication\tround\tsubject\tcriterion\tfield\told\tnew"
    )?;
    // One line per entry, and nothing a terminal would act on: tabs and
    // line breaks become spaces, other control characters (ESC, ...) are
    // shown escaped (`\u{1b}`).
    let one_line = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => " ".to_string(),
                c if c.is_control() => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect()
    };
    for e in dossier
        .audit
        .iter()
        .filter(|e| app.is_none() || e.application == app)
    {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{}\t{}",
            e.at.to_rfc3339(),
            one_line(&e.by),
            e.application.as_ref().map_or("", |a| a.0.as_str()),
            e.round.map_or(String::new(), |r| r.to_string()),
            one_line(&e.subject),
            e.criterion.as_ref().map_or("", |c| c.as_str()),
            e.field,
            one_line(&e.old),
            one_line(&e.new),
        )?;
    }
    Ok(out)
}

fn import_result(
    path: &Path,
    result: &Path,
    by: Option<String>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let mut session = open_for_writing(path, rubric)?;
    let name = result.display().to_string();
    let text = store::read_text(result)?;
    let scored = store::parse_dossier(&text, &name, session.rubric())?;
    let by = by
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "leidraad".to_string());
    let mut report = None;
    session
        .edit_if(|rubric, dossier| {
            let r = leidraad_core::panel::import_result(
                rubric,
                dossier,
                &scored,
                &by,
                leidraad_core::dossier::now(),
            )?;
            let changed = r.changed();
            report = Some(r);
            Ok::<_, leidraad_core::panel::PanelError>(changed)
        })
        .map_err(|e| Failure(format!("{name}: {e}")))?;
    session.save()?;
    let report = report.unwrap_or_default();
    Ok(format!(
        "{}: {} added, {} updated, {} unchanged\n",
        path.display(),
        report.added.len(),
        report.updated.len(),
        report.unchanged.len()
    ))
}

fn disagreements(path: &Path, round: Round, rubric: Option<&Path>) -> Result<String, Failure> {
    use leidraad_core::panel::Flag;
    let (rubric, dossier) = read_dossier(path, rubric)?;
    let mut out = String::new();
    let flags = leidraad_core::panel::disagreements(&rubric, &dossier, round);
    if flags.is_empty() {
        writeln!(out, "Round {round}: no disagreement.")?;
    }
    for f in flags {
        match f {
            Flag::KoSplit {
                application,
                ko,
                verdicts,
            } => writeln!(
                out,
                "{application} {ko}: verdicts differ: {}",
                verdicts
                    .iter()
                    .map(|(who, v)| format!("{who} {}", v.csv_word()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?,
            Flag::ThresholdSplit {
                application,
                threshold,
                totals,
            } => writeln!(
                out,
                "{application}: totals on both sides of {threshold}: {}",
                totals
                    .iter()
                    .map(|(who, t)| format!("{who} {}", t.to_decimal()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?,
            Flag::Spread {
                application,
                criterion,
                low,
                high,
                cap,
            } => writeln!(
                out,
                "{application} {criterion}: scores from {low} to {high} (max {cap})"
            )?,
        }
    }
    Ok(out)
}

fn export_csv(path: &Path, round: Option<Round>, rubric: Option<&Path>) -> Result<String, Failure> {
    let mut out = String::new();
    let (rubric, dossier) = read_dossier(path, rubric)?;
    out.push_str(&interchange::csv::export(&rubric, &dossier, round));
    Ok(out)
}

fn export_pdf(
    path: &Path,
    out: &Path,
    round: Option<Round>,
    application: Option<String>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let mut listing = String::new();
    let (rubric, dossier) = read_dossier(path, rubric)?;
    let options = leidraad_report::ExportOptions {
        round,
        application: application
            .map(|a| leidraad_core::dossier::ApplicationId(a.trim().to_string())),
        printed: chrono::Local::now().date_naive(),
    };
    let written = leidraad_report::export_all(&rubric, &dossier, out, &options)?;
    if written.is_empty() {
        return Err(Failure(format!(
            "{}: nothing to export: no submitted assessment or consensus{}",
            path.display(),
            round.map_or_else(String::new, |r| format!(" in round {r}"))
        )));
    }
    for file in &written {
        writeln!(listing, "{}", file.display())?;
    }
    eprintln!(
        "leidraad: wrote {} PDF file(s) to {}",
        written.len(),
        out.display()
    );
    Ok(listing)
}

fn zelftoets(
    file: Option<&Path>,
    pdf: Option<&Path>,
    date: Option<chrono::NaiveDate>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    use leidraad_core::selfcheck::SelfCheck;
    let rubric = match rubric {
        Some(path) => Rubric::load(path)?,
        None => Rubric::builtin(),
    };
    let Some(file) = file else {
        return Ok(SelfCheck::new(&rubric).to_ron());
    };
    let mut check = SelfCheck::load(file, &rubric)?;
    if date.is_some() {
        check.date = date;
    }
    let today = chrono::Local::now().date_naive();
    let outcome = check.outcome(&rubric, today);
    if let Some(out) = pdf {
        let bytes = leidraad_report::selfcheck::render(&rubric, &check, today)?;
        leidraad_report::write_pdf(out, &bytes)?;
        eprintln!("leidraad: wrote {}", out.display());
    }
    Ok(leidraad_report::strings::selfcheck::text(
        &check.title,
        &outcome,
    ))
}
