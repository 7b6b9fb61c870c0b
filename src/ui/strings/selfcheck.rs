//! The self-check for applicants (issue 7; src/ui/screen/selfcheck.rs).
//! The result lines themselves are the PDF's: report::strings::selfcheck.

use leidraad_core::nl;

use super::{NO, YES, amount};

pub const SELFCHECK_START: &str = nl::SELFCHECK;
pub const SELFCHECK_START_HINT: &str = "Voor regio’s: leg uw eigen concept-plan langs de leidraad, zoals de beoordelaars dat doen. Zonder dossier, zonder andere regio’s.";
pub const SELFCHECK_NEW: &str = "Nieuwe zelftoets";
pub const SELFCHECK_OPEN: &str = "Zelftoets openen…";
pub const SELFCHECK_SAVE: &str = "Zelftoets opslaan";
pub const SELFCHECK_SAVE_BUTTON: &str = "Opslaan";
pub const SELFCHECK_PRINT: &str = "Uitkomst als PDF…";
pub const SELFCHECK_FILTER: &str = "Zelftoets";
pub const SELFCHECK_FILE_NAME: &str = "zelftoets.ron";
pub const SELFCHECK_PDF_NAME: &str = "zelftoets.pdf";
pub const SELFCHECK_PREVIOUS: &str = "Vorige";
pub const SELFCHECK_NEXT: &str = "Volgende";
pub const SELFCHECK_INTRO: &str = "Doorloop de stappen in de volgorde van de leidraad. Uw antwoorden blijven op deze computer; de uitkomst is een eigen inschatting, geen oordeel van de beoordelingscommissie.";
pub const SELFCHECK_TITLE_LABEL: &str = "Uw plan";
pub const SELFCHECK_TITLE_PLACEHOLDER: &str = "Werktitel van het plan (voor uzelf)";
pub const SELFCHECK_DOCUMENTS: &str = "Mee te sturen documenten";
pub const SELFCHECK_DOCUMENTS_HINT: &str = "Klik een document aan zodra het gereed is.";
pub const SELFCHECK_SIGNATURES: &str = "Handtekeningen onder het plan van aanpak";
pub const SELFCHECK_SIGNATURES_HINT: &str =
    "Bestuurlijk draagvlak: klik aan wie het plan van aanpak heeft ondertekend.";
pub const SELFCHECK_DEADLINE: &str = "Termijn en bestedingsperiode";
pub const SELFCHECK_DATE_LABEL: &str = "Toetsen tegen datum (leeg: vandaag)";
pub const SELFCHECK_DATE_PLACEHOLDER: &str = "dd-mm-jjjj";
pub const SELFCHECK_KO_INTRO: &str = "Elk knock-outcriterium moet in het plan aannemelijk zijn gemaakt. Is één ervan niet aannemelijk gemaakt, dan wordt de aanvraag afgewezen, ongeacht de punten.";
pub const SELFCHECK_KO_QUESTION: &str = "Maakt uw plan het volgende aannemelijk?";
pub const SELFCHECK_LEIDRAAD: &str = nl::RUBRIC;
pub const SELFCHECK_NOTE_PLACEHOLDER: &str =
    "Toelichting: waar staat het in het plan, wat ontbreekt nog?";
pub const SELFCHECK_CRITERIA_INTRO: &str = "Geef uw plan per criterium de score die een beoordelaar volgens u zou geven. Bij elk criterium staat wat hoog scoort.";
pub const SELFCHECK_NOT_ADDRESSED: &str = nl::NOT_ADDRESSED;
pub const SELFCHECK_BUDGET_INTRO: &str = "Neem de bedragen over zoals ze in de begroting van het plan staan, in hele euro’s (bijv. 1.100.000).";
pub const SELFCHECK_YEARS: &str = "Bedragen per jaar";
pub const SELFCHECK_PARTS: &str = "Totaal en bijdragen";
pub const SELFCHECK_STATED_TOTAL: &str = "Totaal volgens het plan";
pub const SELFCHECK_OWN: &str = "Eigen bijdrage";
pub const SELFCHECK_REQUESTED: &str = "Gevraagde bijdrage";
pub const SELFCHECK_AMOUNT_PLACEHOLDER: &str = "bedrag in euro’s";
pub const SELFCHECK_BUDGET_CHECKS: &str = "Controle";
pub const SELFCHECK_BUDGET_OK: &str = "De begroting telt op en valt binnen de bestedingsperiode.";
pub const SELFCHECK_BUDGET_EMPTY: &str = "Nog geen bedragen ingevuld: vul de bedragen per jaar en de onderdelen in om de begroting te toetsen.";

pub fn selfcheck_step(step: crate::ui::screen::selfcheck::Step) -> &'static str {
    use crate::ui::screen::selfcheck::Step;
    match step {
        Step::Checklist => "Indiening",
        Step::Knockouts => nl::KNOCKOUTS,
        Step::Criteria => nl::WEIGHTED_CRITERIA,
        Step::Budget => "Begroting",
        Step::Result => nl::RESULT,
    }
}

pub fn selfcheck_ready(name: &str, ready: bool) -> String {
    if ready {
        format!("{name}: gereed")
    } else {
        format!("{name}: nog niet gereed")
    }
}

pub fn selfcheck_window(years: (i32, i32)) -> String {
    format!(
        "Bestedingsperiode: de middelen worden besteed in {}.",
        nl::years(years)
    )
}

pub fn selfcheck_year(year: i32, window: (i32, i32)) -> String {
    if (window.0..=window.1).contains(&year) {
        year.to_string()
    } else {
        format!("{year} (buiten de bestedingsperiode)")
    }
}

pub fn selfcheck_years_sum(sum: u64) -> String {
    format!("Som van de jaren: {}", amount(sum))
}

pub fn selfcheck_cap(cap: u32) -> String {
    format!("max {cap} punten")
}

pub fn selfcheck_yes(points: u32) -> String {
    format!("{YES} ({})", nl::points(points))
}

pub fn selfcheck_no(points: u32) -> String {
    format!("{NO} ({})", nl::points(points))
}

pub fn selfcheck_anchors(min: u32, low: &str, max: u32, high: &str) -> String {
    format!("{min} = {low} … {max} = {high}")
}

pub fn selfcheck_opened(path: &str) -> String {
    format!("Zelftoets geopend: {path}")
}

pub fn selfcheck_saved(path: &str) -> String {
    format!("Zelftoets opgeslagen: {path}")
}

pub fn selfcheck_printed(path: &str) -> String {
    format!("Uitkomst als PDF geschreven: {path}")
}

// The working copy, kept as the applicant types.
pub const SELFCHECK_NEW_CONFIRM: &str = "Alle antwoorden van deze zelftoets wissen en opnieuw beginnen? Een opgeslagen bestand blijft bestaan.";
pub const SELFCHECK_NEW_YES: &str = "Ja, nieuwe zelftoets";
pub fn selfcheck_resumed(path: &str) -> String {
    format!("Verder met uw zelftoets van de vorige keer (bewaard in {path}).")
}
pub fn selfcheck_resume_failed(detail: &str) -> String {
    format!(
        "Uw zelftoets van de vorige keer kon niet worden gelezen en is ongemoeid gelaten: {detail}. Deze nieuwe zelftoets wordt niet automatisch bewaard; gebruik Opslaan."
    )
}
pub fn selfcheck_keep_failed(detail: &str) -> String {
    format!("Uw antwoorden konden niet worden bewaard: {detail}")
}
