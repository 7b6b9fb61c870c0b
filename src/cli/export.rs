//! `export` and `zelftoets`: the PDFs.

use super::*;

pub(super) fn export_pdf(
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

/// `zelftoets --template`.
pub(super) fn zelftoets_template(rubric: Option<&Path>) -> Result<String, Failure> {
    let rubric = match rubric {
        Some(path) => Rubric::load(path)?,
        None => Rubric::builtin(),
    };
    Ok(leidraad_core::selfcheck_template::template(&rubric))
}

pub(super) fn zelftoets(
    file: Option<&Path>,
    pdf: Option<&Path>,
    date: Option<chrono::NaiveDate>,
    plan: Option<&Path>,
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
    if let Some(plan) = plan {
        check.plan = Some(super::attach::read_document(
            plan,
            leidraad_core::document::Kind::Plan,
        )?);
    }
    let today = chrono::Local::now().date_naive();
    let outcome = check.outcome(&rubric, today);
    if let Some(out) = pdf {
        let bytes = leidraad_report::selfcheck::render(&rubric, &check, today)?;
        leidraad_report::write_pdf(out, &bytes)?;
        eprintln!("leidraad: wrote {}", out.display());
    }
    let mut text = leidraad_report::strings::selfcheck::text(&check.title, &outcome);
    if check.plan.is_some() {
        text.push_str(&leidraad_report::strings::selfcheck_passages::text(
            &check.ko_passages(&rubric),
        ));
    }
    Ok(text)
}
