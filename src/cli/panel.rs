//! `package` and `import-result`: the round trip of an assessor's package.

use super::*;

pub(super) fn package(
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

pub(super) fn import_result(
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
        .or_else(super::login_name)
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
        "{}: {} added, {} updated, {} unchanged\n{}",
        path.display(),
        report.added.len(),
        report.updated.len(),
        report.unchanged.len(),
        super::decide::notes(session.rubric(), session.dossier())
    ))
}
