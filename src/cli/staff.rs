//! `staff`: list the dossier's programme staff, or add and remove names
//! (each change logged under `--by`).

use super::*;

use leidraad_core::roles;

/// Without `add` or `remove`, print the staff list; otherwise change it
/// through the session (refused as a whole, nothing saved, when one change
/// is refused), logged as done by `by` (default: the login name).
pub(super) fn staff(
    path: &Path,
    add: &[String],
    remove: &[String],
    by: Option<String>,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    if add.is_empty() && remove.is_empty() {
        let (_, dossier) = read_dossier(path, rubric)?;
        let staff = &dossier.staff;
        if staff.is_empty() {
            return Ok(format!(
                "{}: no programme staff listed; add the first with --add NAME --by NAME\n",
                path.display()
            ));
        }
        return Ok(staff.iter().map(|s| format!("{s}\n")).collect());
    }
    let by = by
        .or_else(super::login_name)
        .unwrap_or_else(|| "leidraad".to_string());
    let mut session = open_for_writing(path, rubric)?;
    session
        .edit(|_, dossier| {
            let before = dossier.clone();
            let now = leidraad_core::dossier::now();
            let result = add
                .iter()
                .try_for_each(|name| roles::add_staff(dossier, name, &by, now))
                .and_then(|()| {
                    remove
                        .iter()
                        .try_for_each(|name| roles::remove_staff(dossier, name, &by, now))
                });
            if result.is_err() {
                // All or nothing: the first refusal leaves the dossier as it was.
                *dossier = before;
            }
            result
        })
        .map_err(|e| Failure(format!("{}: {e}; nothing was changed", path.display())))?;
    session.save()?;
    let mut out = String::new();
    for name in add {
        let _ = writeln!(
            out,
            "{}: {} added to the programme staff",
            path.display(),
            name.trim()
        );
    }
    for name in remove {
        let _ = writeln!(
            out,
            "{}: {} removed from the programme staff",
            path.display(),
            name.trim()
        );
    }
    Ok(out)
}
