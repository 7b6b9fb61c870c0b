//! The panel screen of one application (src/ui/screen/panel.rs): the
//! assessors side by side, the consensus, round 1 against round 2, the
//! interview and addenda, and the history.

use chrono::{DateTime, NaiveDate, Utc};

use leidraad_core::dossier::{Round, Verdict};
use leidraad_core::nl;
use leidraad_core::rubric::CriterionId;

use super::{date, date_time, join_and, round_short, verdict};

pub const PANEL_BACK: &str = "← Terug";
pub const PANEL_TITLE: &str = "Panel";
pub const PANEL_TAB_SIDE_BY_SIDE: &str = "Naast elkaar";
pub const PANEL_TAB_CONSENSUS: &str = "Consensus";
pub const PANEL_TAB_ROUNDS: &str = "Ronde 1 ↔ 2";
pub const PANEL_TAB_INTERVIEW: &str = "Gesprek en addendum";
pub const PANEL_TAB_HISTORY: &str = "Geschiedenis";
pub const PANEL_KEYS: &str = "Esc: terug naar de aanvragen";
pub const PANEL_BLIND_NOT_SUBMITTED: &str =
    "U ziet de scores van de andere beoordelaars pas nadat u uw eigen beoordeling heeft ingediend.";
pub const PANEL_BLIND_CONFLICT: &str = "U heeft een belangenconflict gemeld voor deze aanvraag. De scores van de andere beoordelaars worden u daarom niet getoond.";
pub const PANEL_NO_SUBMITTED: &str =
    "Er is in deze ronde nog geen ingediende beoordeling voor deze aanvraag.";
pub fn panel_not_submitted_yet(names: &[String]) -> String {
    format!("Nog niet ingediend: {}.", join_and(names))
}
pub const PANEL_COL_MEAN: &str = "Gemiddeld";
pub const PANEL_COL_MAJORITY: &str = "Meerderheid";
pub const PANEL_COL_CONSENSUS: &str = "Consensus";
pub const PANEL_NO_MOTIVATION: &str = nl::NO_MOTIVATION;
pub const PANEL_NO_CONSENSUS: &str = "nog niet vastgesteld";
pub const PANEL_NO_MEAN: &str = "—";
pub const PANEL_FLAGS: &str = "Verschillen tussen de beoordelaars";
pub const PANEL_NO_FLAGS: &str = "Geen opvallende verschillen tussen de beoordelaars.";
pub const PANEL_FLAG_BADGE: &str = "verschil";
pub fn panel_flag_spread(criterion: &CriterionId, low: u32, high: u32, cap: u32) -> String {
    format!("{criterion}: punten lopen uiteen van {low} tot {high} (maximaal {cap})")
}
pub fn panel_flag_ko_split(ko: &CriterionId, verdicts: &[(String, Verdict)]) -> String {
    let parts: Vec<String> = verdicts
        .iter()
        .map(|(who, v)| format!("{who} {}", verdict(*v)))
        .collect();
    format!("{ko}: oordelen verschillen ({})", parts.join(", "))
}
pub fn panel_flag_threshold(
    threshold: u32,
    totals: &[(String, leidraad_core::exact::Exact)],
) -> String {
    let parts: Vec<String> = totals
        .iter()
        .map(|(who, t)| format!("{who} {}", t.to_dutch_short()))
        .collect();
    format!(
        "Totalen liggen aan weerszijden van de drempel van {threshold} punten ({})",
        parts.join(", ")
    )
}
pub fn panel_points(points: u32) -> String {
    nl::points(points)
}
pub fn panel_max(cap: u32) -> String {
    format!("max. {cap}")
}
pub fn panel_exact(mean: &str, fraction: &str) -> String {
    format!("{mean} (exact {fraction})")
}

// Consensus.
pub const PANEL_START_FROM_PROPOSAL: &str = "Begin bij gemiddelde/meerderheid";
pub const PANEL_START_HINT: &str = "Vult elk knock-outcriterium en elk criterium dat nog geen consensuswaarde heeft met de meerderheid (in ronde 2: de consensus van ronde 1) of het afgeronde gemiddelde van de ingediende beoordelingen. Dat is een concept: het telt pas mee als u het vastlegt, met een motivering bij elke waarde.";
pub const PANEL_CONSENSUS_SHEET: &str = "Consensusscoreblad (PDF)";
pub const PANEL_CONSENSUS_INTRO: &str = "Leg per knock-outcriterium en per criterium de waarde vast waarover het panel het eens is, met een motivering. Een vastgestelde waarde gaat vóór het gemiddelde van de beoordelaars.";
pub const PANEL_CONSENSUS_MOTIVATION: &str = "Motivering van het panel";
pub const PANEL_CONSENSUS_PLACEHOLDER: &str =
    "Waarom deze waarde? Verwijs naar de beoordelingen en het plan.";
pub const PANEL_MISSING_MOTIVATIONS: &str = "Nog zonder motivering:";
pub fn panel_proposal_mean(mean: &str, value: &str) -> String {
    format!("gemiddeld {mean} → {value}")
}
pub const PANEL_NO_PROPOSAL: &str = "geen voorstel: nog niet door elke beoordelaar gescoord";
pub fn panel_proposal_majority(v: Verdict) -> String {
    format!("meerderheid: {}", verdict(v))
}
pub const PANEL_NO_MAJORITY: &str = "geen meerderheid";
pub const PANEL_ALL_MOTIVATED: &str = "Bij elke vastgestelde waarde staat een motivering.";
pub const PANEL_NOTHING_AGREED: &str = "Het panel heeft voor deze ronde nog niets vastgesteld.";
pub fn panel_final_total(round: Round, total: &leidraad_core::exact::Exact) -> String {
    format!(
        "Eindtotaal {}: {} / 100",
        round_short(round).to_lowercase(),
        total.to_dutch_short()
    )
}
pub fn panel_no_final_total(round: Round) -> String {
    format!(
        "Eindtotaal {}: nog niet vast te stellen",
        round_short(round).to_lowercase()
    )
}
pub const PANEL_FINAL_STATUS: &str = nl::STATUS;
pub fn panel_recorded(by: &str, at: &DateTime<Utc>) -> String {
    format!("Laatst vastgelegd door {by} op {}.", date_time(at))
}
pub const PANEL_NEED_NAME: &str =
    "Vul eerst uw naam in op de lijst met aanvragen: die staat bij elke vastgelegde waarde.";
pub const PANEL_ROUND_TWO_NOT_INVITED: &str =
    "Deze aanvraag is in ronde 1 niet uitgenodigd; er is voor haar geen ronde 2.";

// Round 1 against round 2.
pub const PANEL_ROUNDS_NOT_INVITED: &str = "Deze aanvraag is in ronde 1 niet uitgenodigd voor een gesprek. Er is dus geen ronde 2 om mee te vergelijken.";
pub const PANEL_ROUNDS_INTRO: &str = "De eindwaarde per criterium in beide rondes (consensus, anders het gemiddelde van de ingediende beoordelingen), en per beoordelaar waarom een waarde in ronde 2 is gewijzigd.";
pub const PANEL_COL_ITEM: &str = nl::CRITERION;
pub const PANEL_COL_DIFFERENCE: &str = nl::DIFFERENCE;
pub const PANEL_COL_WHY: &str = "Waarom gewijzigd";
pub const PANEL_NO_REASON: &str = "(geen reden gegeven)";
pub const PANEL_UNCHANGED: &str = "gelijk";
pub const PANEL_CHANGED: &str = "gewijzigd";
/// A difference between the rounds: "+⅓", "−2", or "gelijk" (`amount`
/// is the size, already written).
pub fn panel_difference(up: Option<bool>, amount: &str) -> String {
    match up {
        Some(true) => format!("+{amount}"),
        Some(false) => format!("−{amount}"),
        None => PANEL_UNCHANGED.to_string(),
    }
}
pub const PANEL_NO_NOTES: &str = "geen toelichting van de beoordelaars";
pub fn panel_changed_from(who: &str, from: &str, to: &str) -> String {
    format!("{who} ({from} → {to}):")
}

// Interview and addenda.
pub const PANEL_INTERVIEW_NOT_INVITED: &str = "Een gesprek en een addendum horen alleen bij aanvragen die in ronde 1 zijn uitgenodigd. Deze aanvraag is (nog) niet uitgenodigd.";
pub const PANEL_INTERVIEW: &str = "Gesprek";
pub const PANEL_INTERVIEW_DATE: &str = "Datum (dd-mm-jjjj)";
pub const PANEL_PARTICIPANTS: &str = "Deelnemers, gescheiden door komma’s";
pub const PANEL_INTERVIEW_NOTES: &str = "Verslag van het gesprek";
pub const PANEL_CONFIDENCE: &str = "Vertrouwen in het plan na het gesprek:";
pub const PANEL_SAVE_INTERVIEW: &str = "Gesprek vastleggen";
pub const PANEL_NO_INTERVIEW: &str = "Nog geen gesprek vastgelegd.";
pub fn panel_interview_recorded(by: &str, at: Option<&DateTime<Utc>>) -> String {
    match nl::recorded(by, at.map(date_time).as_deref()) {
        line if line.is_empty() => "Vastgelegd.".to_string(),
        line => format!("{line}."),
    }
}
pub const PANEL_INTERVIEW_SAVED: &str = "Het gesprek is vastgelegd.";
pub const PANEL_ADDENDA: &str = "Addenda";
pub const PANEL_NO_ADDENDA: &str = "Nog geen addendum ontvangen.";
pub const PANEL_ADDENDUM_DATE: &str = "Ontvangen op (dd-mm-jjjj)";
pub const PANEL_ADDENDUM_DOCUMENT: &str = "Document";
pub const PANEL_ADDENDUM_DOCUMENT_PLACEHOLDER: &str = "bijvoorbeeld Aanvulling begroting";
pub const PANEL_PARTICIPANTS_PLACEHOLDER: &str = "bijvoorbeeld J. de Vries, A. Bakker";
pub const PANEL_INTERVIEW_NOTES_PLACEHOLDER: &str = "Wat is besproken, en wat levert de regio na?";
pub const PANEL_ADDENDUM_NOTE_PLACEHOLDER: &str = "Wat het addendum aanvult";
pub const PANEL_ADDENDUM_NOTE: &str = "Toelichting (niet verplicht)";
pub const PANEL_REGISTER_ADDENDUM: &str = "Addendum registreren";
pub const PANEL_ADDENDUM_SAVED: &str = "Het addendum is geregistreerd.";
pub const PANEL_DOCUMENT_REQUIRED: &str = "Vul de naam van het document in.";
pub fn panel_addendum_line(received: NaiveDate, document: &str) -> String {
    format!("{} · {document}", date(received))
}
pub fn panel_registered_by(by: &str) -> String {
    format!("geregistreerd door {by}")
}

// History.
pub const PANEL_COL_WHEN: &str = "Wanneer";
pub const PANEL_COL_WHO: &str = "Wie";
pub const PANEL_COL_ROUND: &str = nl::ROUND;
pub const PANEL_COL_SUBJECT: &str = "Werk van";
pub const PANEL_COL_CRITERION: &str = nl::CRITERION;
pub const PANEL_COL_WHAT: &str = "Wat";
pub const PANEL_COL_CHANGE: &str = "Oud → nieuw";
pub const PANEL_NO_HISTORY: &str = "Voor deze aanvraag is nog niets gewijzigd.";
pub const PANEL_HISTORY_HIDDEN: &str =
    "Wijzigingen aan scores die u nog niet mag zien (blind beoordelen) zijn weggelaten.";
pub fn panel_history_more(shown: usize, total: usize) -> String {
    format!("De nieuwste {shown} van {total} wijzigingen worden getoond.")
}
pub const PANEL_SUBJECT_CONSENSUS: &str = "panel (consensus)";
pub const PANEL_EMPTY_VALUE: &str = "(leeg)";
pub const PANEL_OLD: &str = "Oud";
pub const PANEL_NEW: &str = "Nieuw";
pub fn audit_field(field: leidraad_core::audit::Field) -> &'static str {
    use leidraad_core::audit::Field;
    match field {
        Field::Score => "score",
        Field::Verdict => "oordeel",
        Field::Motivation => "motivering",
        Field::Evidence => "vindplaats",
        Field::Confirmed => "ronde 1 bevestigd",
        Field::WhyChanged => "reden van wijziging",
        Field::Submitted => "ingediend",
        Field::Assessment => "beoordeling",
        Field::Decision => "besluit",
        Field::Conflict => "belangenconflict",
        Field::Interview => "gesprek",
        Field::Addendum => "addendum",
        Field::Import => "import",
        Field::Package => "pakket uitgegeven",
        Field::Document => "document toegevoegd",
        Field::Staff => "programmabureau",
    }
}

/// A criterion or knock-out by its number and name, as the history shows it.
pub fn criterion_label(id: &str, name: &str) -> String {
    format!("{id} · {name}")
}
