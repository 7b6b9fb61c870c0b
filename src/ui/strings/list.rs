//! The list of applications and the application form.

use chrono::NaiveDate;

use leidraad_core::dossier::Round;
use leidraad_core::nl;

use super::{amount, date, round_long};

// Applications list.
pub const APPLICATIONS: &str = "Aanvragen";
pub const ADD_APPLICATION: &str = "Aanvraag toevoegen (Ctrl+N)";
pub const NO_APPLICATIONS: &str =
    "Dit dossier heeft nog geen aanvragen. Voeg de eerste toe met ‘Aanvraag toevoegen’ (Ctrl+N).";
pub const COL_REGION: &str = "Regio en plan";
pub const COL_SUBMITTED: &str = "Ingediend";
pub const COL_TOTAL_1: &str = nl::ROUND_1;
pub const COL_TOTAL_2: &str = nl::ROUND_2;
pub const COL_STATUS: &str = nl::STATUS;
pub const COL_PROGRESS: &str = "Uw voortgang";
pub const SCORE: &str = "Beoordelen";
pub const EDIT: &str = "Gegevens";
pub const NO_TOTAL: &str = "—";
pub const AFTER_DEADLINE: &str = "na de indieningsdatum";
pub const NAME_NEEDED: &str =
    "Vul eerst uw naam in: elke beoordeling wordt op naam van de beoordelaar vastgelegd.";
pub const USE_NAME: &str = "Naam gebruiken";
pub const OR_PICK: &str = "of kies:";
pub fn list_intro(round: Round) -> String {
    format!(
        "Status en voortgang gelden voor {}. Kies ‘Beoordelen’ bij een aanvraag om haar te scoren.",
        round_long(round).to_lowercase()
    )
}
pub fn progress(ko_judged: usize, ko_count: usize, scored: usize, count: usize) -> String {
    format!("KO {ko_judged}/{ko_count} · criteria {scored}/{count}")
}
/// The filter field above the list (Ctrl+F).
pub const FILTER_PLACEHOLDER: &str = "Zoek op nummer of regio (Ctrl+F)";
pub fn filter_count(filter: &str, shown: usize, total: usize) -> String {
    if shown == 0 {
        return format!(
            "Geen aanvraag met ‘{}’ in nummer of regio · Esc wist het filter",
            filter.trim()
        );
    }
    let shown = super::thousands(shown as u64);
    let total = super::thousands(total as u64);
    format!(
        "{shown} van {total} aanvragen getoond (‘{}’) · Esc wist het filter",
        filter.trim()
    )
}
pub const SUBMITTED_MARK: &str = "ingediend";
pub const NOT_STARTED: &str = "niet begonnen";
pub const MAY_NOT_SCORE: &str = "niet uitgenodigd";

/// A total in the list that the viewer may not see yet (blind scoring).
pub const LIST_HIDDEN: &str = "verborgen";

pub const LIST_CONFLICT: &str = "belangenconflict";

// Application form.
pub const NEW_APPLICATION: &str = "Nieuwe aanvraag";
pub fn edit_application(id: &str) -> String {
    format!("Gegevens van aanvraag {id}")
}
pub const F_REGION: &str = "Regio";
pub const F_PLAN: &str = "Titel van het plan";
pub const F_CONTACT: &str = "Contactpersoon";
pub const F_SUBMITTED: &str = "Ingediend op (dd-mm-jjjj)";
pub const F_DOCUMENTS: &str = "Ontvangen stukken";
pub const F_REQUESTED: &str = "Gevraagde bijdrage (€)";
pub const F_OWN: &str = "Eigen bijdrage (€)";
pub const F_MUNICIPALITIES: &str = "Aantal gemeenten";
pub const F_INHABITANTS: &str = "Aantal inwoners";
pub const F_YOUNG: &str = "Aantal jeugdigen";
pub const SCALE_DATA: &str = "Schaalgrootte";
pub const SAVE_APPLICATION: &str = "Opslaan";
pub const FORM_KEYS: &str = "Tab: volgend veld · Enter: opslaan · Esc: annuleren";
pub const CANCEL: &str = "Annuleren";
pub const REGION_REQUIRED: &str = "Vul de regio in.";
pub const DATE_INVALID: &str = "Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 14-07-2022.";
pub const NUMBER_INVALID: &str = "Alleen hele getallen, bijvoorbeeld 1.250.000.";
pub fn after_deadline(deadline: NaiveDate) -> String {
    format!(
        "Let op: ingediend na de uiterste indieningsdatum van {}.",
        date(deadline)
    )
}
pub fn amount_shown(eur: u64) -> String {
    format!("= {}", amount(eur))
}
