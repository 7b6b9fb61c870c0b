//! PDF reports: the score sheet of one assessment or of the panel's
//! consensus, and the ranking report of a round.
//!
//! Built on a small layout layer (`layout`) over printpdf: text wrapped by
//! the embedded font's glyph advances, tables that flow over pages with
//! their header repeated, and a footer with "pagina x van y", the rubric
//! hash and a fingerprint of the data on every page. Totals, KO verdicts,
//! statuses and ranks are read from `scoring::evaluate` and
//! `scoring::summarize`; nothing here computes them again.
//!
//! Every text is measured with the embedded font before it is drawn; a
//! character the font cannot show is a [`ReportError::Unprintable`], never
//! a silent `?`.
//!
//! Every PDF is tagged (PDF 1.7, aiming at PDF/UA-1): the layout layer puts
//! each piece of content into the structure tree (headings, paragraphs,
//! tables with header cells, the chart as a figure with alternative text)
//! or marks it as page furniture, and writes `/Lang nl-NL`, the XMP
//! metadata and the structure tree into the document (`layout::tag`).

mod font;
mod layout;
mod ranking;
pub mod selfcheck;
mod sheet;
pub mod strings;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use leidraad_core::dossier::{ApplicationId, Dossier, Round};
use leidraad_core::rubric::Rubric;
use leidraad_core::store::{self, SaveError};

pub use font::can_show;

/// Which score sheet to print.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SheetKind {
    /// One assessor's assessment of one application in one round.
    Assessment {
        application: ApplicationId,
        assessor: String,
        round: Round,
    },
    /// The panel's consensus on one application in one round, with the
    /// final values of `scoring::evaluate`.
    Consensus {
        application: ApplicationId,
        round: Round,
    },
}

impl SheetKind {
    pub fn application(&self) -> &ApplicationId {
        match self {
            SheetKind::Assessment { application, .. }
            | SheetKind::Consensus { application, .. } => application,
        }
    }

    pub fn round(&self) -> Round {
        match self {
            SheetKind::Assessment { round, .. } | SheetKind::Consensus { round, .. } => *round,
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum ReportError {
    #[error("unknown application {0}")]
    UnknownApplication(ApplicationId),
    #[error("{application}: no assessment by {assessor:?} in round {round}")]
    NoAssessment {
        application: ApplicationId,
        assessor: String,
        round: Round,
    },
    #[error("{application}: no consensus recorded in round {round}")]
    NoConsensus {
        application: ApplicationId,
        round: Round,
    },
    #[error(
        "the report font cannot show the character {character:?} (U+{code:04X}) in \"{context}\"; replace it in the dossier",
        code = *character as u32
    )]
    Unprintable { character: char, context: String },
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error("{dir}: cannot create the folder: {source}")]
    CreateDir {
        dir: String,
        #[source]
        source: Arc<std::io::Error>,
    },
}

/// The score sheet as PDF bytes.
pub fn score_sheet(
    rubric: &Rubric,
    dossier: &Dossier,
    kind: &SheetKind,
    printed: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    sheet::render(rubric, dossier, kind, printed)
}

/// The ranking report of one round as PDF bytes.
pub fn ranking_report(
    rubric: &Rubric,
    dossier: &Dossier,
    round: Round,
    printed: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    ranking::render(rubric, dossier, round, printed)
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 (hex) of the data a score sheet shows, in canonical JSON: the
/// rubric hash and the assessment (for a consensus sheet: the consensus and
/// the submitted assessments of that application and round). Printed in
/// the footer of every page, so a paper sheet can be matched to the dossier.
pub fn fingerprint(
    rubric: &Rubric,
    dossier: &Dossier,
    kind: &SheetKind,
) -> Result<String, ReportError> {
    fingerprint_with(&rubric.hash(), dossier, kind)
}

/// [`fingerprint`] with the rubric hash computed once by the caller.
pub(crate) fn fingerprint_with(
    rubric_hash: &str,
    dossier: &Dossier,
    kind: &SheetKind,
) -> Result<String, ReportError> {
    let value = match kind {
        SheetKind::Assessment {
            application,
            assessor,
            round,
        } => {
            let a = dossier
                .assessment(application, assessor, *round)
                .ok_or_else(|| ReportError::NoAssessment {
                    application: application.clone(),
                    assessor: assessor.clone(),
                    round: *round,
                })?;
            serde_json::json!({ "rubric": rubric_hash, "assessment": a })
        }
        SheetKind::Consensus { application, round } => {
            let c = dossier
                .recorded_consensus_for(application, *round)
                .ok_or_else(|| ReportError::NoConsensus {
                    application: application.clone(),
                    round: *round,
                })?;
            let assessments: Vec<_> = dossier
                .assessments_for(application, *round)
                .filter(|a| a.is_submitted())
                .collect();
            serde_json::json!({ "rubric": rubric_hash, "consensus": c, "assessments": assessments })
        }
    };
    let bytes = serde_json::to_vec(&value).expect("dossier data serialises");
    Ok(hex(&Sha256::digest(&bytes)))
}

/// SHA-256 (hex) of what a ranking of `round` rests on: the applications,
/// the submitted assessments, consensus and decisions of this round and
/// the rounds before it.
pub fn ranking_fingerprint(rubric: &Rubric, dossier: &Dossier, round: Round) -> String {
    let assessments: Vec<_> = dossier
        .assessments
        .iter()
        .filter(|a| a.round <= round && a.is_submitted())
        .collect();
    let consensus: Vec<_> = dossier
        .consensus
        .iter()
        .filter(|c| c.round <= round)
        .collect();
    let decisions: Vec<_> = dossier
        .decisions
        .iter()
        .filter(|d| d.round <= round)
        .collect();
    let value = serde_json::json!({
        "rubric": rubric.hash(),
        "round": round.number(),
        "applications": dossier.applications,
        "assessments": assessments,
        "consensus": consensus,
        "decisions": decisions,
    });
    let bytes = serde_json::to_vec(&value).expect("dossier data serialises");
    hex(&Sha256::digest(&bytes))
}

/// "1a2b 3c4d 5e6f 7a8b": the first 16 hex digits, grouped for reading
/// aloud.
/// The head of a dossier's audit log as the footers print it: the number of
/// entries and the first 8 characters of the last entry's chain, short
/// enough that the footer line stays clear of the page number also with a
/// log of 100,000 entries (`leidraad verify DOSSIER --head N:HASH` holds a
/// copy to it).
pub fn audit_head(dossier: &leidraad_core::dossier::Dossier) -> String {
    let (count, hash) = leidraad_core::audit::head(dossier);
    if count == 0 {
        "0:-".to_string()
    } else {
        format!("{count}:{}", &hash[..hash.len().min(8)])
    }
}

pub fn short_fingerprint(fingerprint: &str) -> String {
    fingerprint
        .chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a round has anything to report: a submitted assessment or a
/// consensus record.
pub fn round_has_data(dossier: &Dossier, round: Round) -> bool {
    dossier
        .assessments
        .iter()
        .any(|a| a.round == round && a.is_submitted())
        || dossier
            .consensus
            .iter()
            .any(|c| c.round == round && !c.is_empty())
}

/// The score sheets a dossier holds: one per submitted assessment and one
/// per (non-empty) consensus, by round, application (in dossier order) and
/// assessor, the consensus after the assessors.
pub fn sheets(
    dossier: &Dossier,
    round: Option<Round>,
    application: Option<&ApplicationId>,
) -> Vec<SheetKind> {
    let mut out = Vec::new();
    for r in Round::ALL {
        if round.is_some_and(|want| want != r) {
            continue;
        }
        for app in &dossier.applications {
            if application.is_some_and(|want| want != &app.id) {
                continue;
            }
            for a in dossier
                .assessments_for(&app.id, r)
                .filter(|a| a.is_submitted())
            {
                out.push(SheetKind::Assessment {
                    application: app.id.clone(),
                    assessor: a.assessor.clone(),
                    round: r,
                });
            }
            if dossier
                .recorded_consensus_for(&app.id, r)
                .is_some_and(|c| !c.is_empty())
            {
                out.push(SheetKind::Consensus {
                    application: app.id.clone(),
                    round: r,
                });
            }
        }
    }
    out
}

/// A file-name-safe form of a name: lower case ASCII letters, digits and
/// '-'; accented letters lose their accents.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "x".to_string() } else { out }
}

/// The suggested file name of a score sheet, e.g.
/// `scoreformulier-r1-A03-anna-de-vries.pdf`.
pub fn sheet_file_name(kind: &SheetKind) -> String {
    match kind {
        SheetKind::Assessment {
            application,
            assessor,
            round,
        } => format!(
            "scoreformulier-r{}-{}-{}.pdf",
            round.number(),
            slug(&application.0).to_uppercase(),
            slug(assessor)
        ),
        SheetKind::Consensus { application, round } => format!(
            "scoreformulier-r{}-{}-consensus.pdf",
            round.number(),
            slug(&application.0).to_uppercase()
        ),
    }
}

/// The suggested file name of a ranking report: `rangschikking-r2.pdf`.
pub fn ranking_file_name(round: Round) -> String {
    format!("rangschikking-r{}.pdf", round.number())
}

/// Many score sheets at once, rendered on every core; the results are in
/// the order of `kinds`.
pub fn score_sheets(
    rubric: &Rubric,
    dossier: &Dossier,
    kinds: &[SheetKind],
    printed: NaiveDate,
) -> Vec<Result<Vec<u8>, ReportError>> {
    in_parallel(kinds, |kind| score_sheet(rubric, dossier, kind, printed))
}

/// `f` over `items` on up to one thread per core (each document is
/// independent), results in the order of `items`.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    if workers == 1 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    let mut slots: Vec<Option<R>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                scope.spawn(move || {
                    items
                        .iter()
                        .enumerate()
                        .skip(w)
                        .step_by(workers)
                        .map(|(i, item)| (i, f(item)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
        for h in handles {
            for (i, r) in h.join().expect("a report thread does not panic") {
                slots[i] = Some(r);
            }
        }
        slots
    });
    slots
        .iter_mut()
        .map(|s| s.take().expect("every item done"))
        .collect()
}

/// Write PDF bytes atomically (no backup of a previous file).
pub fn write_pdf(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    store::write_atomic(path, bytes, false).map_err(ReportError::from)
}

/// What `export_all` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Only this round (default: every round with data).
    pub round: Option<Round>,
    /// Only the sheets of this application, and then no ranking report.
    pub application: Option<ApplicationId>,
    /// The printing date on every page.
    pub printed: NaiveDate,
}

/// Write one PDF per submitted assessment and per consensus, plus the
/// ranking report of every round with data (unless one application is
/// chosen), into `out_dir` (created when missing). Returns the files
/// written, in order.
pub fn export_all(
    rubric: &Rubric,
    dossier: &Dossier,
    out_dir: &Path,
    options: &ExportOptions,
) -> Result<Vec<PathBuf>, ReportError> {
    if let Some(app) = &options.application
        && dossier.application(app).is_none()
    {
        return Err(ReportError::UnknownApplication(app.clone()));
    }
    std::fs::create_dir_all(out_dir).map_err(|e| ReportError::CreateDir {
        dir: out_dir.display().to_string(),
        source: Arc::new(e),
    })?;
    enum Job {
        Sheet(SheetKind),
        Ranking(Round),
    }
    let mut jobs: Vec<(PathBuf, Job)> = Vec::new();
    let mut names = BTreeSet::new();
    let mut unique = |name: String| {
        let mut candidate = name.clone();
        let mut n = 2;
        while !names.insert(candidate.clone()) {
            candidate = name.replace(".pdf", &format!("-{n}.pdf"));
            n += 1;
        }
        out_dir.join(candidate)
    };
    for kind in sheets(dossier, options.round, options.application.as_ref()) {
        jobs.push((unique(sheet_file_name(&kind)), Job::Sheet(kind)));
    }
    if options.application.is_none() {
        for round in Round::ALL {
            if options.round.is_some_and(|r| r != round) || !round_has_data(dossier, round) {
                continue;
            }
            jobs.push((unique(ranking_file_name(round)), Job::Ranking(round)));
        }
    }
    let results = in_parallel(&jobs, |(path, job)| {
        let bytes = match job {
            Job::Sheet(kind) => score_sheet(rubric, dossier, kind, options.printed)?,
            Job::Ranking(round) => ranking_report(rubric, dossier, *round, options.printed)?,
        };
        write_pdf(path, &bytes)
    });
    for r in results {
        r?;
    }
    Ok(jobs.into_iter().map(|(path, _)| path).collect())
}
