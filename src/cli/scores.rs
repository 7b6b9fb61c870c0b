//! `import-csv`, `rank`, `disagreements` and `export-csv`: the scores in and out.

use super::*;

pub(super) fn import_csv(
    rubric: Option<&Path>,
    new: Option<&Path>,
    into: Option<&Path>,
    scores: &Path,
) -> Result<String, Failure> {
    let mut out = String::new();
    let name = scores.display().to_string();
    // UTF-8 or Windows-1252, as spreadsheets save it; refused before any
    // dossier is made or opened.
    let text = interchange::csv::decode(&store::read_file(scores)?, &name)?;
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
    out.push_str(&super::decide::notes(session.rubric(), session.dossier()));
    Ok(out)
}

pub(super) fn rank(
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

pub(super) fn disagreements(
    path: &Path,
    round: Round,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
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
                verdict_list(&verdicts)
            )?,
            Flag::KoDoubt {
                application,
                ko,
                verdicts,
            } => writeln!(
                out,
                "{application} {ko}: twijfel, the panel decides: {}",
                verdict_list(&verdicts)
            )?,
            Flag::MadeWithout {
                application,
                assessors,
            } => writeln!(
                out,
                "{application}: consensus made without {}: submitted after it was recorded",
                assessors.join(", ")
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

pub(super) fn export_csv(
    path: &Path,
    round: Option<Round>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let mut out = String::new();
    let (rubric, dossier) = read_dossier(path, rubric)?;
    out.push_str(&interchange::csv::export(&rubric, &dossier, round));
    Ok(out)
}

/// "name verdict, name verdict" for a knock-out's flag.
fn verdict_list(verdicts: &[(String, leidraad_core::dossier::Verdict)]) -> String {
    verdicts
        .iter()
        .map(|(who, v)| format!("{who} {}", v.csv_word()))
        .collect::<Vec<_>>()
        .join(", ")
}
