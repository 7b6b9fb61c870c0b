//! `export-sheet`: the workbook for Excel or LibreOffice Calc.

use super::*;

pub(super) fn export_sheet(
    path: &Path,
    out: &Path,
    round: Option<Round>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    // The name is checked before the dossier is read: a wrong extension is
    // a mistake in the command, whatever the dossier holds.
    if leidraad_sheet::Format::of_path(out).is_none() {
        return Err(Failure(
            leidraad_sheet::SheetError::Extension(out.display().to_string()).to_string(),
        ));
    }
    let (rubric, dossier) = read_dossier(path, rubric)?;
    let made = chrono::Local::now().naive_local();
    leidraad_sheet::export(&rubric, &dossier, round, out, made).map_err(|e| match e {
        leidraad_sheet::SheetError::Nothing { .. } => Failure(format!("{}: {e}", path.display())),
        other => Failure(other.to_string()),
    })?;
    eprintln!("leidraad: wrote {}", out.display());
    Ok(String::new())
}
