//! `withdraw`: an assessor's submission taken back, with a reason.

use super::*;

use leidraad_core::dossier::ApplicationId;
use leidraad_core::edit::{self, Target};

/// Withdraw a submitted assessment (through the same door as the window's
/// "Indiening intrekken…"): refused without a reason, for work that is not
/// submitted, and once the panel has recorded consensus on the application
/// in that round.
pub(super) fn withdraw(
    path: &Path,
    application: &str,
    round: Round,
    assessor: &str,
    reason: &str,
    rubric: Option<&Path>,
) -> Result<String, Failure> {
    let mut session = open_for_writing(path, rubric)?;
    let target = Target {
        application: ApplicationId(application.trim().to_string()),
        assessor: assessor.trim().to_string(),
        round,
    };
    session
        .edit(|_, dossier| edit::withdraw(dossier, &target, reason, leidraad_core::dossier::now()))
        .map_err(|e| {
            Failure(format!(
                "{}, round {round}, {}: {e}",
                target.application, target.assessor
            ))
        })?;
    session.save()?;
    Ok(format!(
        "{}: {}'s submission of {}, round {round}, withdrawn; it counts no more until submitted again\n",
        path.display(),
        target.assessor,
        target.application
    ))
}
